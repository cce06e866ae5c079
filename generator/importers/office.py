""".doc, .rtf, .odt → DOCX and .xls, .ods → XLSX with LibreOffice in headless mode, then the usual reader.

The formats are not reimplemented: ``soffice --headless --convert-to docx`` writes the document as
Word would, and :mod:`.docx` / :mod:`.xlsx` read that. Every conversion runs with a profile of its
own in a temporary folder (``-env:UserInstallation=…``): two imports at once, or a LibreOffice the
user has open, do not wait for each other's profile lock. A conversion that hangs is stopped after
:data:`TIMEOUT` seconds. No LibreOffice on the machine: a Russian message says how to install it.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Literal

from generator.errors import ImportFailed
from generator.importers.container import read_bytes
from generator.importers.grid import Document

TIMEOUT = 180  # seconds: a large .doc converts in a few seconds; a hung LibreOffice must not hang the import
INSTALL_HINT = (
    "установите LibreOffice: в Debian и Ubuntu — sudo apt-get install libreoffice-writer-nogui "
    "libreoffice-calc-nogui, в Windows и macOS — с сайта libreoffice.org; "
    "или откройте файл в Word/Excel и сохраните его как .docx/.xlsx"
)
_NAMES = ("soffice", "libreoffice")
_WINDOWS = (r"C:\Program Files\LibreOffice\program\soffice.exe",)
_MAC = ("/Applications/LibreOffice.app/Contents/MacOS/soffice",)


def soffice() -> str | None:
    """The LibreOffice program, or None. ``NASTAVNIK_SOFFICE`` names it explicitly (also: an empty value
    pretends there is none, for the tests of the message)."""
    if "NASTAVNIK_SOFFICE" in os.environ:
        named = os.environ["NASTAVNIK_SOFFICE"]
        return shutil.which(named) if named else None
    for name in _NAMES:
        if found := shutil.which(name):
            return found
    return next((path for path in (*_WINDOWS, *_MAC) if Path(path).is_file()), None)


def convert(path: Path, target: Literal["docx", "xlsx", "pdf"], out_dir: Path) -> Path:
    """``path`` converted by LibreOffice into ``out_dir``; :class:`ImportFailed` when that is not possible."""
    program = soffice()
    if program is None:
        raise ImportFailed(path.name, "для этого формата нужен LibreOffice, а он не найден", INSTALL_HINT)
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-", dir=out_dir))
    command = [
        program,
        f"-env:UserInstallation={profile.resolve().as_uri()}",
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        target,
        "--outdir",
        str(out_dir),
        str(path.resolve()),
    ]
    try:
        done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, check=False, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise ImportFailed(
            path.name,
            f"LibreOffice не преобразовал файл за {TIMEOUT} секунд",
            "откройте файл в LibreOffice или Word и сохраните его как .docx/.xlsx",
        ) from None
    except OSError as exc:
        raise ImportFailed(path.name, f"LibreOffice не запустился ({exc.strerror or exc})", INSTALL_HINT) from None
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    result = out_dir / f"{path.stem}.{target}"
    if done.returncode != 0 or not result.is_file():
        raise ImportFailed(
            path.name,
            "LibreOffice не смог прочитать файл — возможно, он повреждён или это не тот формат, что в его имени",
            "откройте файл в LibreOffice или Word и сохраните его как .docx/.xlsx",
        )
    return result


def _converted(path: Path, target: Literal["docx", "xlsx"]) -> Document:
    from generator.importers.docx import read_docx
    from generator.importers.xlsx import read_xlsx

    read_bytes(path)  # missing, empty or oversized: the same messages as for DOCX
    with tempfile.TemporaryDirectory(prefix="nastavnik-import-") as temp:
        source = Path(temp) / f"source{path.suffix.lower()}"  # a plain name: LibreOffice names the result after it
        shutil.copyfile(path, source)
        try:
            converted = convert(source, target, Path(temp))
            document = read_docx(converted) if target == "docx" else read_xlsx(converted)
        except ImportFailed as exc:  # name the user's file, not the copy or the converted file
            raise ImportFailed(path.name, exc.message, exc.hint) from None
    return dataclasses.replace(document, source=path.name)


def read_text_document(path: Path) -> Document:
    """A .doc, .rtf or .odt: converted to DOCX and read as one."""
    return _converted(path, "docx")


def read_spreadsheet(path: Path) -> Document:
    """An .xls or .ods: converted to XLSX and read as one."""
    return _converted(path, "xlsx")
