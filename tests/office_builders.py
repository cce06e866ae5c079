"""Roadmap files in other formats, made from the fixtures' DOCX/XLSX by the real tools, at test time.

LibreOffice converts the seeds' DOCX into .doc, .odt, .rtf and a text PDF, and their XLSX into .xls
and .ods — the files a school keeps. :func:`scans` renders those PDFs to images as a scanner or a
phone would give them (turned by a few degrees, noisy, JPEG). Nothing generated is committed.

As a script: ``python tests/office_builders.py OUT_DIR`` writes every variant into OUT_DIR to look at.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS = FIXTURES / "seeds"
TEXT_FORMATS = ("doc", "odt", "rtf", "pdf")
SHEET_FORMATS = ("xls", "ods")


def libreoffice(sources: Iterable[Path], target: str, out_dir: Path) -> list[Path]:
    """Convert ``sources`` to ``target`` with ``soffice --headless`` (its own profile); the files written."""
    sources = list(sources)
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            [
                shutil.which("soffice") or "soffice",
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(out_dir),
                *map(str, sources),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
    made = [out_dir / f"{source.stem}.{target.split(':')[0]}" for source in sources]
    missing = [p.name for p in made if not p.is_file()]
    assert not missing, f"LibreOffice did not write {missing}"
    return made


def text_variants(sources: Iterable[Path], fmt: str, out_dir: Path) -> list[Path]:
    """DOCX files as ``fmt`` (doc, odt, rtf, pdf). A .doc is written from the .odt: LibreOffice 7.4 writes
    some python-docx tables (seed 004's) into a .doc directly as plain paragraphs, which no reader could
    take back — through its own format it writes a real Word 97 table, as a school's .doc has."""
    sources = list(sources)
    if fmt != "doc":
        return libreoffice(sources, fmt, out_dir)
    with tempfile.TemporaryDirectory(prefix="odt-") as temp:
        return libreoffice(libreoffice(sources, "odt", Path(temp)), "doc", out_dir)


def seed_variants(seeds: Iterable[str], out_dir: Path) -> None:
    """Every seed as .doc, .odt, .rtf, .pdf (from its DOCX) and .xls, .ods (from its XLSX) in ``out_dir``."""
    seeds = list(seeds)
    for fmt in TEXT_FORMATS:
        text_variants([SEEDS / f"seed-{s}.docx" for s in seeds], fmt, out_dir)
    for fmt in SHEET_FORMATS:
        libreoffice([SEEDS / f"seed-{s}.xlsx" for s in seeds], fmt, out_dir)


if __name__ == "__main__":
    seed_variants(("000", "001", "004"), Path(sys.argv[1]))


def scan_pages(pdf: Path, dpi: int = 200, angle: float = 0.0, noise: float = 0.0, seed: int = 1) -> list[Any]:
    """The pages of ``pdf`` as a scanner gives them: rendered (pypdfium2), turned by ``angle`` degrees,
    with ``noise`` (share of pixels flipped to a random grey) — Pillow images in greyscale."""
    import random

    import pypdfium2
    from PIL import Image

    pages = []
    document = pypdfium2.PdfDocument(str(pdf))
    rng = random.Random(seed)
    for page in document:
        image = page.render(scale=dpi / 72).to_pil().convert("L")
        if angle:
            image = image.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=255)
        if noise:
            pixels = image.load()
            for _ in range(int(image.width * image.height * noise)):
                pixels[rng.randrange(image.width), rng.randrange(image.height)] = rng.randrange(0, 256)
        pages.append(image)
    document.close()
    return pages


def scanned_pdf(pdf: Path, out: Path, dpi: int = 200, angle: float = 0.0, noise: float = 0.0) -> Path:
    """``pdf`` as a scan saved as PDF: JPEG page images (img2pdf, no re-encoding), no text at all."""
    import io

    import img2pdf

    images = []
    for image in scan_pages(pdf, dpi, angle, noise):
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=80, dpi=(dpi, dpi))
        images.append(buffer.getvalue())
    out.write_bytes(img2pdf.convert(images))
    return out
