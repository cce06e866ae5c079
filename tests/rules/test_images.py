"""Photos lose what they tell about people (GPS, camera, dates), keep the picture, and stay within size."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from conftest import mkdocs_build, run_cli
from generator.errors import Problems
from generator.rules import images
from generator.rules.images import MAX_SIDE, check_images, clean_image, clean_site_images
from photos import ARTIST, DATETIME, EXIF_IFD, GPS_IFD, MAKE, MODEL, metadata_of, write_photo

PERSONAL_TAGS = {MAKE, MODEL, DATETIME, ARTIST, GPS_IFD, EXIF_IFD}


def assert_clean(path: Path) -> None:
    meta = metadata_of(path)
    assert meta["gps"] == {}
    assert not PERSONAL_TAGS & set(meta["exif"]), meta["exif"]
    assert not {"exif", "xmp", "comment", "XML:com.adobe.xmp"} & set(meta["info"]), meta["info"]
    assert b"Ivanova" not in path.read_bytes() and b"Zarechinsk" not in path.read_bytes()


def colours(path: Path) -> tuple[tuple[int, ...], tuple[int, ...]]:
    with Image.open(path) as image:
        rgb = image.convert("RGB")
        width, height = rgb.size
        return rgb.getpixel((width // 8, height // 2)), rgb.getpixel((width * 7 // 8, height // 2))


def near(colour: tuple[int, ...], expected: tuple[int, int, int]) -> bool:
    return all(abs(a - b) < 40 for a, b in zip(colour, expected, strict=False))


@pytest.mark.parametrize(("fmt", "suffix"), [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp"), ("TIFF", "tif")])
def test_metadata_is_stripped_and_the_picture_kept(tmp_path, fmt, suffix):
    path = write_photo(tmp_path / f"photo.{suffix}", fmt=fmt)
    assert metadata_of(path)["gps"], "the test photo carries GPS"
    assert clean_image(path) == (True, False)
    assert_clean(path)
    left, right = colours(path)
    assert near(left, (255, 0, 0)) and near(right, (0, 0, 255))
    assert not list(tmp_path.glob(".*tmp")), "no temporary file left behind"


def test_the_photo_is_turned_upright_before_its_orientation_is_dropped(tmp_path):
    path = write_photo(tmp_path / "portrait.jpg", size=(640, 480), orientation=6)  # «rotate 90° clockwise»
    clean_image(path)
    assert metadata_of(path)["size"] == (480, 640)
    assert_clean(path)


def test_a_large_photo_is_scaled_down(tmp_path):
    path = write_photo(tmp_path / "big.jpg", size=(4000, 3000))
    before = path.stat().st_size
    assert clean_image(path) == (True, True)
    assert metadata_of(path)["size"] == (MAX_SIDE, MAX_SIDE * 3 // 4)
    assert path.stat().st_size < before
    assert_clean(path)


def test_a_clean_small_photo_is_left_byte_for_byte(tmp_path):
    path = tmp_path / "clean.jpg"
    Image.new("RGB", (100, 80), "green").save(path, quality=80)
    before = path.read_bytes()
    assert clean_image(path) == (False, False)
    assert path.read_bytes() == before


def test_too_large_and_broken_images_are_refused_by_check(tmp_path, monkeypatch):
    content = tmp_path / "content"
    write_photo(content / "files/ok.jpg")
    (content / "files/broken.jpg").write_bytes(b"not a jpeg at all")
    Image.new("1", (12_000, 9_000)).save(content / "files/huge.png")  # 108 million pixels, a small file
    noise = Image.frombytes("RGB", (600, 600), os.urandom(600 * 600 * 3))
    noise.save(content / "files/heavy.jpg", quality=95)  # hundreds of kilobytes: above the lowered limit
    monkeypatch.setattr(images, "MAX_BYTES", 100 * 1024)
    problems = Problems()
    check_images(tmp_path, content, problems)
    found = {p.file: p.message for p in problems}
    assert set(found) == {"content/files/broken.jpg", "content/files/huge.png", "content/files/heavy.jpg"}
    assert "не читается как изображение" in found["content/files/broken.jpg"]
    assert "12000×9000 точек слишком велико" in found["content/files/huge.png"]
    assert "изображение слишком большое" in found["content/files/heavy.jpg"]
    assert all(p.hint for p in problems)


def test_clean_site_images_refuses_with_the_file_named(tmp_path):
    (tmp_path / "files").mkdir()
    (tmp_path / "files/broken.png").write_bytes(b"\x89PNG\r\n\x1a\nbroken")
    with pytest.raises(images.ImageRefused) as refused:
        clean_site_images(tmp_path)
    assert refused.value.problem.file == "site/files/broken.png"


def test_a_photo_with_gps_in_content_is_published_without_it(minimal, tmp_path):
    """The proof asked for: a JPEG with GPS EXIF in content/files, built for real, read back."""
    source = write_photo(minimal / "content/files/news/vstrecha.jpg", size=(3200, 2400))
    original = source.read_bytes()
    result = run_cli("build", cwd=minimal)
    assert result.code == 0, result.text
    built = minimal / "site/files/news/vstrecha.jpg"
    assert_clean(built)
    assert metadata_of(built)["size"] == (MAX_SIDE, 1800)
    assert source.read_bytes() == original, "content/ is never changed"
    # plain `mkdocs build` goes through the same plugin hook
    proc = mkdocs_build(minimal, tmp_path / "out")
    assert proc.code == 0, proc.err
    assert_clean(tmp_path / "out/files/news/vstrecha.jpg")


def test_a_broken_image_fails_check_and_build_in_russian(minimal):
    (minimal / "content/files/photo.jpg").write_bytes(b"GIF89a broken")
    for verb in ("check", "build"):
        result = run_cli(verb, cwd=minimal)
        assert result.code == 1
        assert "content/files/photo.jpg: файл не читается как изображение" in result.text
        assert "Traceback" not in result.text
    assert not (minimal / "site").exists()
