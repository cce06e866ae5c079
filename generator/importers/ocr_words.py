"""Tesseract's words for :mod:`.scan`: one run over a page or a list of cell images (TSV: each word with its
box and confidence), specks and rests of rulings dropped, and what the letters' shapes tell fixed or doubted."""

from __future__ import annotations

import csv
import io
import re
import subprocess
from pathlib import Path

from generator.errors import ImportFailed
from generator.importers.layout import Word

TIMEOUT = 300  # seconds for one page's OCR
LANGUAGE = "rus"
INSTALL_HINT = (
    "установите Tesseract с русским языком: в Debian и Ubuntu — sudo apt-get install tesseract-ocr tesseract-ocr-rus"
)
_SAME_SHAPE = set("ВЖЗИЙКЛМНОПСТХЦЧШЩЪЫЬЭЮЯ")  # capitals whose small letter is the same shape, only smaller
_PUNCTUATION = re.compile(r"[-–—«»\"().,;:!?№%]+")
_BULLET = re.compile(r"[_\-]?[®©•●»e][_\-]?")


def tesseract(program: str, source: Path, psm: str, name: str) -> list[tuple[int, Word]]:
    """(image number from 1, word in that image's pixels) of Tesseract's TSV output."""
    try:
        done = subprocess.run(
            [program, str(source), "stdout", "-l", LANGUAGE, "--psm", psm, "tsv"],
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise ImportFailed(name, f"распознавание страницы не закончилось за {TIMEOUT} с", "") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace")
        if "rus" in message and ("traineddata" in message or "language" in message.lower()):
            raise ImportFailed(name, "у Tesseract нет русского языка", INSTALL_HINT)
        raise ImportFailed(name, "Tesseract не смог распознать страницу", "проверьте, что файл открывается")
    words = []
    rows = csv.DictReader(io.StringIO(done.stdout.decode("utf-8", "replace")), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in rows:
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        confidence = float(row["conf"])
        if not any(ch.isalnum() for ch in text) and not _PUNCTUATION.fullmatch(text):
            continue  # a speck, a rest of a ruling: «|», «/», «‚», «^» (a dash or a quote is kept, however unsure)
        left, top = int(row["left"]), int(row["top"])
        word = Word(text, left, left + int(row["width"]), top, top + int(row["height"]), confidence=confidence)
        words.append((int(row["page_num"]), word))
    return words


def shapes(words: list[Word]) -> list[Word]:
    """What the letters' shapes tell and the recognizer mixes up, decided by the word's box on its line:
    a dash's width against the font size (hyphen, en dash or em dash); «А.И..,» → «А.И.,»."""
    out = []
    for word in words:
        line = [w for w in words if abs(w.middle - word.middle) < max(w.height, word.height) / 2]
        size = max((w.height for w in line if any(ch.isalpha() for ch in w.text)), default=word.height) / 0.9
        text = word.text.replace("..,", ".,")
        if text in ("-", "–", "—") and size:
            ratio = (word.x1 - word.x0) / size
            text = "-" if ratio < 0.38 else "–" if ratio < 0.75 else "—"
        confidence = word.confidence
        if len(text) >= 3 and text.isalpha() and text.isupper() and set(text) <= _SAME_SHAPE:
            confidence = min(confidence, 50.0)  # «ПИСЬМО» or «письмо»? the small letters are the same shapes
        out.append(Word(text, word.x0, word.x1, word.top, word.bottom, confidence=confidence))
    return out


def bullets(words: list[Word]) -> list[Word]:
    """A list's round bullet read as «®», «»», «©» or «e» at the start of a line → «•»."""
    out = []
    for word in words:
        if _BULLET.fullmatch(word.text) and not any(
            w.x1 <= word.x0 and abs(w.middle - word.middle) < word.height and word.x0 - w.x1 < 30 for w in words
        ):
            word = Word("•", word.x0, word.x1, word.top, word.bottom, confidence=100.0)
        out.append(word)
    return out
