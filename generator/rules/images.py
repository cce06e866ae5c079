"""Photos published without what they tell about people: EXIF (GPS, camera, dates), XMP, IPTC, comments.

A phone's photo carries where and when it was taken. Every JPEG, PNG, WebP and TIFF that lands in
the built site is opened with Pillow; one that has such metadata, or is larger than
:data:`MAX_SIDE` pixels on its longest side, is written anew without it (turned upright first, as
the EXIF orientation said, and scaled down). Images beyond :data:`MAX_PIXELS` or
:data:`MAX_BYTES` are refused by ``check`` with the file named, before anything is built.

The MkDocs plugin calls :func:`clean_site_images` in ``on_post_build``, so ``nastavnik build``,
plain ``mkdocs build`` and ``mkdocs serve`` publish the same cleaned files; ``content/`` itself is
never changed.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

from generator import ru
from generator.errors import Problem, Problems
from generator.sources.content_pages import outside
from generator.sources.load import relpath

SUFFIXES = {".jpg", ".jpeg", ".jpe", ".png", ".webp", ".tif", ".tiff"}
MAX_SIDE = 2400  # longer sides are scaled down to this
MAX_PIXELS = 100_000_000  # refused above: decoding would take gigabytes of memory
MAX_BYTES = 30 * 1024 * 1024
JPEG_QUALITY = 88

# Image.info keys that say nothing about a person (colour, density, animation); anything else is stripped.
_HARMLESS_INFO = {
    "dpi", "gamma", "srgb", "icc_profile", "transparency", "aspect", "loop", "duration", "background",
    "progressive", "progression", "jfif", "jfif_version", "jfif_unit", "jfif_density", "adobe",
    "adobe_transform", "interlace", "compression", "default_image", "blend", "disposal", "timestamp",
}  # fmt: skip
_HARMLESS_JPEG_SEGMENTS = {"APP0", "APP2", "APP14"}  # JFIF, ICC profile, Adobe colour transform


@dataclass(frozen=True)
class Cleaned:
    stripped: int  # files written anew without metadata
    resized: int  # of them, files scaled down


def image_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() in SUFFIXES and path.is_file() and not path.is_symlink():
            yield path


def refusal(path: Path) -> tuple[str, str] | None:
    """Why ``path`` cannot be published (too large, not an image), or None."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return (
            f"изображение слишком большое ({ru.file_size(size)} при пределе {ru.file_size(MAX_BYTES)})",
            f"уменьшите его, например до {MAX_SIDE} точек по длинной стороне, и загрузите снова",
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if width * height <= MAX_PIXELS:
                    _decode(image)  # a truncated or damaged file fails here, not in a visitor's browser
    except Image.DecompressionBombError:
        width, height = MAX_PIXELS, 2  # Pillow refused to open it: far beyond the limit
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        return (
            "файл не читается как изображение (повреждён или это другой формат)",
            "пересохраните его как JPEG или PNG",
        )
    if width * height > MAX_PIXELS:
        dimensions = f"{width}×{height} точек " if width != MAX_PIXELS else ""
        return (
            f"изображение {dimensions}слишком велико (больше {MAX_PIXELS // 1_000_000} млн точек)",
            f"уменьшите его, например до {MAX_SIDE} точек по длинной стороне",
        )
    return None


def _decode(image: Image.Image) -> None:
    """Decode every frame's pixels (JPEG at 1/8 scale: as thorough, much faster)."""
    if image.format == "JPEG":
        image.draft(image.mode, (max(1, image.width // 8), max(1, image.height // 8)))
    for frame in range(getattr(image, "n_frames", 1)):
        image.seek(frame)
        image.load()


def check_images(root: Path, content_dir: Path, problems: Problems, others: Iterable[Path] = ()) -> None:
    """``check``: every image in ``content/`` (but ``others``) can be published (see :func:`refusal`)."""
    if not content_dir.is_dir():
        return
    others = tuple(others)
    for path in image_files(content_dir):
        if not outside(path, others):
            continue
        reason = refusal(path)
        if reason:
            problems.error(relpath(root, path), None, *reason)


def clean_site_images(site_dir: Path) -> Cleaned:
    """Strip metadata from (and scale down) every image of the built site, in place.

    Raises :class:`ImageRefused` for an image that cannot be published.
    """
    stripped = resized = 0
    for path in image_files(site_dir):
        reason = refusal(path)
        if reason:
            raise ImageRefused(Problem(f"site/{path.relative_to(site_dir).as_posix()}", None, *reason))
        changed, scaled = clean_image(path)
        stripped += changed
        resized += scaled
    return Cleaned(stripped, resized)


class ImageRefused(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.format())
        self.problem = problem


def has_metadata(image: Image.Image) -> bool:
    if any(key not in _HARMLESS_INFO for key in image.info):
        return True
    segments = {marker for marker, _ in getattr(image, "applist", [])}
    if segments - _HARMLESS_JPEG_SEGMENTS:
        return True
    return image.format == "TIFF"  # camera, date and GPS live in the TIFF tags themselves


def clean_image(path: Path) -> tuple[bool, bool]:
    """Rewrite ``path`` without metadata when it has any or is too large; (rewritten, scaled down)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # the size was checked by refusal()
        return _clean_image(path)


def _clean_image(path: Path) -> tuple[bool, bool]:
    with Image.open(path) as image:
        too_large = max(image.size) > MAX_SIDE
        if not (too_large or has_metadata(image)):
            return False, False
        fmt = image.format or "PNG"
        animated = getattr(image, "n_frames", 1) > 1
        if animated:
            _save(image, path, fmt, keep_quality=True, save_all=True)
            return True, False
        orientation = image.getexif().get(ExifTags.Base.Orientation, 1)
        if too_large:
            image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)  # decodes big JPEGs at a reduced scale
        upright = ImageOps.exif_transpose(image) if orientation != 1 else image
        _save(upright, path, fmt, keep_quality=not too_large and upright is image)
    return True, too_large


def _save(image: Image.Image, path: Path, fmt: str, keep_quality: bool, save_all: bool = False) -> None:
    """Write ``image`` next to ``path`` and replace it in one rename: a reader never sees half a file."""
    options: dict[str, object] = {}
    icc = image.info.get("icc_profile")
    if icc:
        options["icc_profile"] = icc
    if fmt == "TIFF":
        image = image.copy()  # a copy forgets the TIFF tags (camera, date, GPS) that saving would carry over
    if fmt == "JPEG":
        options["comment"] = b""
        if keep_quality and image.format == "JPEG":
            options.update(quality="keep", subsampling="keep")
        else:
            options.update(quality=JPEG_QUALITY, optimize=True)
        if image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
    elif fmt == "WEBP":
        options.update(quality=JPEG_QUALITY)
    if save_all:
        options["save_all"] = True
    temporary = path.with_name(f".{path.name}.nastavnik-tmp")
    try:
        image.save(temporary, format=fmt, **options)
        os.replace(temporary, path)
    finally:
        if temporary.exists():
            temporary.unlink()
