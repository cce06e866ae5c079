"""openpyxl is loaded without numpy (:mod:`generator.tables.workbook`), and numpy stays usable after it."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _run(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_openpyxl_is_loaded_without_numpy_and_numpy_is_back_afterwards() -> None:
    out = _run(
        "import sys\n"
        "import generator.tables.workbook\n"
        "import openpyxl.compat.numbers as numbers\n"
        "print('numpy' in sys.modules, numbers.NUMPY)\n"
        "import numpy, pandas\n"
        "print(numpy.__name__, pandas.DataFrame({'a': [1]}).shape)\n"
    )
    assert out.splitlines() == ["False False", "numpy (1, 1)"]


def test_numpy_imported_before_stays_the_same_module() -> None:
    out = _run(
        "import sys, numpy\n"
        "before = numpy\n"
        "import generator.tables.workbook\n"
        "import openpyxl.compat.numbers as numbers\n"
        "print(sys.modules['numpy'] is before, numbers.NUMPY)\n"
    )
    assert out == "True False"


def test_with_other_threads_openpyxl_is_imported_as_it_is() -> None:
    """Another thread could be importing numpy: then nothing is hidden."""
    out = _run(
        "import threading\n"
        "stop = threading.Event()\n"
        "thread = threading.Thread(target=stop.wait)\n"
        "thread.start()\n"
        "import generator.tables.workbook\n"
        "import openpyxl.compat.numbers as numbers\n"
        "stop.set()\n"
        "thread.join()\n"
        "print(numbers.NUMPY)\n"
    )
    assert out == "True"


@pytest.mark.parametrize("value", ["текст", 12, 3.5])
def test_cells_take_our_values(value: object) -> None:
    from generator.tables.workbook import Workbook

    sheet = Workbook().active
    assert sheet is not None
    sheet["A1"] = value
    assert sheet["A1"].value == value
