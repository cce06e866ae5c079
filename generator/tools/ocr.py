"""A text layer for scanned PDFs of the library, with OCRmyPDF (Tesseract's Russian model).

``nastavnik ocr ФАЙЛ…`` runs OCRmyPDF on each file with ``--skip-text`` (a page that already has
text is left alone), ``-l rus`` and plain PDF output without optimization: the page images stay as
they are, byte for byte — nothing is rasterized again (no ``--force-ocr``) and no PDF/A conversion
re-encodes them; only the invisible text is laid over them. The result is written next to the file
and renamed over it only when OCRmyPDF succeeded, so a failure leaves the original untouched. A file
that already has a text layer is not rewritten.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.checks.names.pdf import has_text_layer

LANGUAGE = "rus"
INSTALL_HINT = (
    "установите Tesseract с русским языком и Ghostscript: в Debian и Ubuntu — "
    "sudo apt-get install tesseract-ocr tesseract-ocr-rus ghostscript"
)


@dataclass(frozen=True)
class Outcome:
    path: Path
    done: bool  # a text layer was added
    message: str  # for the user, in Russian
    failed: bool = False


def add_text_layer(path: Path) -> Outcome:
    """OCR ``path`` in place (see the module's docstring)."""
    import ocrmypdf
    from ocrmypdf import exceptions as ocr_errors

    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return Outcome(path, False, "файл не найден — проверьте имя и папку", failed=True)
    except OSError as exc:
        return Outcome(path, False, f"файл не читается ({exc.strerror or exc})", failed=True)
    if not data.lstrip()[:5].startswith(b"%PDF"):
        return Outcome(path, False, "это не PDF", failed=True)
    layer = has_text_layer(data)
    if layer:
        return Outcome(path, False, "текстовый слой уже есть — файл не изменён")
    if layer is None:
        return Outcome(path, False, "PDF повреждён или защищён паролем — его нельзя распознать", failed=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".pdf", dir=path.parent)
    os.close(fd)
    try:
        with _quiet():
            code = ocrmypdf.ocr(
                path,
                temp,
                language=[LANGUAGE],
                skip_text=True,
                output_type="pdf",
                optimize=0,
                progress_bar=False,
            )
        if code != ocrmypdf.ExitCode.ok:
            raise ocr_errors.SubprocessOutputError(f"exit code {code}")
        if not has_text_layer(Path(temp).read_bytes()):
            return Outcome(path, False, "на страницах не найдено текста — файл не изменён", failed=True)
        shutil.copymode(path, temp)  # mkstemp made it private; the file keeps its own permissions
        os.replace(temp, path)
    except ocr_errors.MissingDependencyError:
        return Outcome(path, False, f"не найдена программа распознавания — {INSTALL_HINT}", failed=True)
    except ocr_errors.DigitalSignatureError:
        return Outcome(
            path,
            False,
            "PDF подписан электронной подписью: добавленный слой нарушил бы подпись — файл не изменён",
            failed=True,
        )
    except ocr_errors.EncryptedPdfError:
        return Outcome(path, False, "PDF защищён паролем — снимите пароль и повторите", failed=True)
    except (ocr_errors.ExitCodeException, OSError, ValueError, RuntimeError) as exc:
        return Outcome(path, False, f"распознать не удалось ({type(exc).__name__}) — файл не изменён", failed=True)
    finally:
        Path(temp).unlink(missing_ok=True)
    return Outcome(path, True, "добавлен текстовый слой (страницы не изменены)")


@contextlib.contextmanager
def _quiet():
    """OCRmyPDF logs its progress in English: kept out of the user's terminal."""
    logger = logging.getLogger("ocrmypdf")
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.CRITICAL)
    logger.propagate = False
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            yield
    finally:
        logger.setLevel(level)
        logger.propagate = propagate
