"""openpyxl, loaded without numpy: every module of ours that writes or reads a workbook imports openpyxl here.

When numpy is installed (pandas brings it), openpyxl imports it only to accept numpy's number types as
cell values. We never hand it any — cells get ``str``, ``int``, ``float`` and dates — and numpy is most
of openpyxl's import: 0.27 s of CPU with it, 0.11 s without, paid in every build that writes the
roadmap's XLSX, on the core that checks the pages meanwhile. So openpyxl is imported with numpy
hidden (``sys.modules["numpy"] = None`` makes ``import numpy`` fail as if it were not installed), and
numpy is put back at once, for pandas and anything else that needs it.

Only the import itself sees numpy hidden, and only when this thread is the process's only one: another
thread could be importing numpy at that very moment. With other threads running (``nastavnik serve``),
openpyxl is imported as it is, numpy and all — the workbooks are the same either way.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_ABSENT = object()


@contextmanager
def _numpy_hidden() -> Iterator[None]:
    if "openpyxl" in sys.modules or threading.active_count() > 1:
        yield
        return
    saved = sys.modules.get("numpy", _ABSENT)
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        if saved is _ABSENT:
            del sys.modules["numpy"]
        else:
            sys.modules["numpy"] = saved  # type: ignore[assignment]


with _numpy_hidden():
    import openpyxl  # openpyxl.compat.numbers asks for numpy here
    from openpyxl import Workbook, load_workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.exceptions import InvalidFileException
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "Alignment",
    "Font",
    "InvalidFileException",
    "Workbook",
    "Worksheet",
    "get_column_letter",
    "load_workbook",
    "openpyxl",
]
