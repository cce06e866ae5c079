"""Threat model, part 2: reading outside the portal, slipping past the guards (issue #20, items 5–12).

README: «Модель угроз». Every refusal is a Russian message naming the file, exit code 1, no traceback.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from conftest import ROOT, TODAY, copy_portal, run_cli, tree_digest
from generator.errors import Problem
from generator.importers.container import MAX_ROWS

SECRET = "ghp_TOPSECRETTOKEN0123456789abcdef"


@pytest.fixture
def portal(tmp_path: Path) -> Path:
    return copy_portal("minimal", tmp_path)


def _refused(result, where: str) -> None:  # type: ignore[no-untyped-def]
    assert result.code == 1, result.text
    assert "Traceback" not in result.text and "Внутренняя ошибка" not in result.text
    assert where in result.text, result.text


@pytest.mark.parametrize("link", ["data/mentors/token.yaml", "data/monitoring.yaml", "data/library"])
def test_a_symlink_out_of_data_is_never_read_nor_quoted(portal, tmp_path, link):
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "token.yaml").write_text(SECRET + "\n", encoding="utf-8")
    target = outside if link.endswith("library") else outside / "token.yaml"
    if (portal / link).is_dir():
        os.rename(portal / link, tmp_path / "moved")
    (portal / link).symlink_to(target)
    for fmt in ("text", "github"):
        result = run_cli("check", "--format", fmt, cwd=portal)
        _refused(result, "символическая ссылка ведёт за пределы папки data/")
        assert "TOPSECRET" not in result.text


def test_a_file_that_is_not_yaml_is_quoted_only_masked(portal):
    (portal / "data/mentors/token.yaml").write_text(SECRET, encoding="utf-8")
    result = run_cli("check", cwd=portal)
    _refused(result, "data/mentors/token.yaml:1: ")
    assert "TOPSECRET" not in result.text and "начинается с «ghp…»" in result.text


def test_a_file_name_cannot_inject_workflow_commands():
    line = Problem("content/a\n::error file=x,line=99,title=y::z%.md", 3, "текст\r\n::warning::x").format_github()
    assert "\n" not in line and "\r" not in line  # one line: one workflow command
    assert line.startswith("::error file=content/a%0A%3A%3Aerror file=x%2Cline=99%2Ctitle=y%3A%3Az%25.md,line=3::")


def test_a_symlinked_folder_does_not_publish_a_withheld_photo(portal):
    photos = portal / "content/files/mentors"
    photos.mkdir(parents=True)
    Image.new("RGB", (40, 40), "red").save(photos / "petrova-ai.jpg")
    mentor = portal / "data/mentors/petrova-ai.yaml"
    text = mentor.read_text("utf-8")
    text = text.replace("  publish: true\n", "  publish: true\n  scope: [name, bio]\n")  # no consent to the photo
    mentor.write_text(text.rstrip() + "\nphoto: files/mentors/petrova-ai.jpg\n", encoding="utf-8")
    (portal / "content/gallery").symlink_to("files/mentors")
    os.link(photos / "petrova-ai.jpg", portal / "content/files/hard.jpg")
    result = run_cli("build", cwd=portal)
    assert result.code == 0, result.text
    published = {p.relative_to(portal / "site").as_posix() for p in (portal / "site").rglob("*.jpg")}
    assert not published & {"files/mentors/petrova-ai.jpg", "gallery/petrova-ai.jpg", "files/hard.jpg"}


def _docx_bomb(path: Path, size: int) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w", force_zip64=True) as stream:
            chunk = b" " * (1024 * 1024)
            for _ in range(size // len(chunk)):
                stream.write(chunk)


def test_hostile_archives_and_long_tables_are_refused_before_parsing(portal, tmp_path):
    _docx_bomb(tmp_path / "bomb.docx", 200 * 1024 * 1024)
    _refused(run_cli("import", str(tmp_path / "bomb.docx"), cwd=portal), "bomb.docx: файл распаковывается в")
    rows = "".join("<w:tr><w:tc><w:p/></w:tc></w:tr>" for _ in range(MAX_ROWS + 1))
    with zipfile.ZipFile(tmp_path / "long.docx", "w") as package:
        package.writestr("word/document.xml", f"<w:document><w:body><w:tbl>{rows}</w:tbl></w:body></w:document>")
    _refused(run_cli("import", str(tmp_path / "long.docx"), cwd=portal), f"в таблице больше {MAX_ROWS} строк")
    (tmp_path / "long.csv").write_text("Мероприятие;Срок\n" + "Встреча;сентябрь\n" * (MAX_ROWS + 1), "utf-8")
    _refused(run_cli("import", str(tmp_path / "long.csv"), cwd=portal), f"в таблице больше {MAX_ROWS} строк")
    (tmp_path / "nul.csv").write_bytes("Мероприятие;Срок\nВстр\0еча;сентябрь\n".encode())
    result = run_cli("import", str(tmp_path / "nul.csv"), cwd=portal)
    assert "Traceback" not in result.text and "Внутренняя ошибка" not in result.text


@pytest.mark.parametrize("org", ["admin", "search", "assets"])
def test_reserved_organization_ids_are_refused(tmp_path, org):
    root = tmp_path / "district"
    shutil.copytree(ROOT / "examples/district", root)
    first = next(p for p in (root / "data/organizations").iterdir() if p.is_dir())
    os.rename(first, first.with_name(org))
    content = root / "content/organizations" / first.name
    if content.is_dir():
        os.rename(content, content.with_name(org))
    _refused(run_cli("build", "--org", org, cwd=root), f"data/organizations/{org}: ")


def test_an_id_with_a_trailing_newline_is_refused(portal, tmp_path):
    (tmp_path / "r.csv").write_text("Мероприятие;Срок\nВстреча;сентябрь 2025\n", "utf-8")
    result = run_cli("import", str(tmp_path / "r.csv"), "--id", "x\n", cwd=portal)
    assert result.code != 0 and "Traceback" not in result.text
    assert not any("\n" in p.name for p in (portal / "data/roadmaps").iterdir())


def test_git_ignored_uploads_are_refused(portal):
    subprocess.run(["git", "init", "-q"], cwd=portal, check=True)
    (portal / ".gitignore").write_text("content/files/secret.txt\n", encoding="utf-8")
    (portal / "content/files/secret.txt").write_text("черновик", encoding="utf-8")
    _refused(run_cli("check", cwd=portal), "content/files/secret.txt: файл исключён из git")


def test_other_markdown_suffixes_get_the_front_matter_checks(portal):
    (portal / "content/evil.markdown").write_text("---\ntemplate: redirect.html\n---\n# x\n", encoding="utf-8")
    _refused(run_cli("check", cwd=portal), "content/evil.markdown:2: поле «template»")


def test_images_too_large_or_damaged_are_refused_in_russian(portal):
    files = portal / "content/files"
    huge = io.BytesIO()
    Image.new("1", (20000, 20000)).save(huge, "PNG")
    (files / "huge.png").write_bytes(huge.getvalue())
    whole = io.BytesIO()
    Image.effect_noise((400, 400), 64).convert("RGB").save(whole, "JPEG")
    (files / "cut.jpg").write_bytes(whole.getvalue()[: len(whole.getvalue()) // 2])
    result = run_cli("check", cwd=portal)
    _refused(result, "content/files/huge.png: изображение")
    assert "слишком велико" in result.text and "content/files/cut.jpg: файл не читается как изображение" in result.text
    assert "DecompressionBomb" not in result.text


_DISK_REFUSES = """
import errno, runpy, sys, tempfile
def refuse(*args, **kwargs):
    raise OSError(errno.{code}, "English text of the system", kwargs.get("dir") or ".")
tempfile.mkdtemp = refuse  # where a build writes first: its staging folder beside site/
sys.argv = ["nastavnik", "build"]
runpy.run_module("generator", run_name="__main__")
"""


@pytest.mark.parametrize(
    ("code", "said"),
    [("EROFS", "только для чтения"), ("ENOSPC", "на диске нет места"), ("EACCES", "нет прав"), ("EPERM", "запрещено")],
)
def test_a_disk_that_refuses_is_told_in_russian_and_the_site_kept(portal, code, said):
    assert run_cli("build", cwd=portal).code == 0
    before = tree_digest(portal / "site")
    proc = subprocess.run(
        [sys.executable, "-c", _DISK_REFUSES.format(code=code)],
        cwd=portal, capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "NASTAVNIK_TODAY": TODAY},
    )  # fmt: skip
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert said in proc.stderr and "English text" not in proc.stderr and "Traceback" not in proc.stderr
    assert tree_digest(portal / "site") == before


def test_templates_are_not_cached_outside_the_portal():
    from generator.render.env import bytecode_cache

    assert not hasattr(bytecode_cache(), "directory")


def test_compiled_templates_are_kept_only_in_a_folder_of_our_own(tmp_path):
    from generator.render.env import bytecode_cache

    ours = tmp_path / "ours"
    cache = bytecode_cache(ours)
    assert Path(cache.directory) == (ours / ".cache" / "templates").resolve()  # type: ignore[attr-defined]
    assert oct((ours / ".cache" / "templates").stat().st_mode & 0o777) == oct(0o700)
    planted = tmp_path / "planted"  # a folder that came with the repository: git makes it 0755
    (planted / ".cache" / "templates").mkdir(parents=True, mode=0o755)
    os.chmod(planted / ".cache" / "templates", 0o755)
    assert not hasattr(bytecode_cache(planted), "directory")


def test_a_planted_cache_of_name_forms_cannot_hide_a_name(tmp_path):
    """A pull request that adds .cache/names/forms.json with no forms for a surname changes nothing:
    the folder did not come from this user's build, so the forms are declined afresh."""
    import json as json_

    from generator.checks.names import forms

    planted = tmp_path / "planted"
    (planted / ".cache" / "names").mkdir(parents=True, mode=0o755)
    os.chmod(planted / ".cache" / "names", 0o755)
    doc = {"versions": forms.library_versions(), "forms": {"surname|female|Соловьёва": []}}
    (planted / ".cache" / "names" / "forms.json").write_text(json_.dumps(doc), "utf-8")
    forms.use_forms_cache(planted)
    assert "соловьевой" in forms.single_forms("Соловьёва", "surname", "female")

    ours = tmp_path / "ours"  # our own cache is read back: a second build declines nothing again
    forms.use_forms_cache(ours)
    first = forms.single_forms("Соловьёва", "surname", "female")
    forms.save_forms_cache()
    forms.use_forms_cache(tmp_path / "elsewhere")
    forms.use_forms_cache(ours)
    assert forms._STORE.forms["surname|female|Соловьёва"] == sorted(first)
