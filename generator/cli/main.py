"""``nastavnik`` (also ``python -m generator``): the verbs. The only place that prints and picks exit codes.

Exit codes: 0 — success; 1 — problems in the user's data or a failed build (always a Russian
message naming the file and line, never a traceback); 2 — wrong usage. Each verb lives in
``generator/cli/<verb>.py``: its options (``HELP``, ``DESCRIPTION``, ``add_arguments``), which
:func:`parser` gathers in the order of :data:`VERBS`, and its ``run``, which returns the lines to print or
raises a :class:`~generator.errors.NastavnikError`.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import importlib
import os
import sys
import threading
from collections.abc import Sequence
from types import ModuleType
from typing import NoReturn

from generator import __version__
from generator.cli.argparse_ru import install as install_russian_argparse
from generator.errors import NastavnikError
from generator.translate import os_error, os_error_hint

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

VERBS = ("check", "build", "serve", "import", "export", "audit", "new", "deploy", "schema", "ocr", "shards")
VERB_MODULES = {"import": "import_"}  # a verb's module in generator/cli/, where the verb is a Python keyword
DEBUG_ENV = "NASTAVNIK_DEBUG"


def internal_error_message(exc: BaseException) -> str:
    """What an editor sees when the program itself fails: no traceback, what to do next."""
    detail = f"{type(exc).__name__}: {exc}".strip().rstrip(":")
    return (
        f"Внутренняя ошибка программы ({detail}). Ваши данные, скорее всего, ни при чём, "
        "а опубликованный ранее site/ не изменён. Сообщите об ошибке разработчикам «Наставника» "
        f"и приложите вывод той же команды, запущенной с {DEBUG_ENV}=1."
    )


def os_error_message(exc: OSError) -> str:
    """A file the system refused to read or write, named, in Russian; the published site/ is as it was."""
    where = exc.filename or exc.filename2
    shown = os.path.relpath(where) if isinstance(where, str) and not os.path.relpath(where).startswith("..") else where
    prefix = f"{shown}: " if shown else ""
    return f"{prefix}{os_error(exc)} — {os_error_hint(exc)}; опубликованный ранее site/ не изменён"


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help="показать эту справку и выйти")


def parser() -> argparse.ArgumentParser:
    """The whole command line: each verb's help, description and arguments come from its own module."""
    install_russian_argparse()
    main = _Parser(
        prog="nastavnik",
        description="«Наставник»: раздел «Наставничество» сайта школы из данных в data/ и content/. "
        "Команды запускаются в корне портала (в папке с mkdocs.yml).",
    )
    main.add_argument("--version", action="version", version=f"nastavnik {__version__}", help="показать версию и выйти")
    verbs = main.add_subparsers(dest="verb", metavar="КОМАНДА", parser_class=_Parser, title="команды")
    verbs.required = True
    for verb in VERBS:
        command = verb_module(verb)
        command.add_arguments(verbs.add_parser(verb, help=command.HELP, description=command.DESCRIPTION))
    return main


def verb_module(verb: str) -> ModuleType:
    """``generator/cli/<verb>.py``: its options (``HELP``, ``DESCRIPTION``, ``add_arguments``) and ``run``."""
    return importlib.import_module(f"generator.cli.{VERB_MODULES.get(verb, verb)}")


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        lines, code = verb_module(args.verb).run(args)
    except NastavnikError as exc:
        print(exc.user_message(), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("Остановлено.", file=sys.stderr)
        return 130
    except OSError as exc:  # the disk, not the data: full, read-only, a file that is gone or not ours
        if os.environ.get(DEBUG_ENV):
            raise
        print(os_error_message(exc), file=sys.stderr)
        return 1
    except Exception as exc:  # a bug of ours or of a MkDocs plugin: say so plainly, stop, keep site/ as it was
        if os.environ.get(DEBUG_ENV):
            raise
        print(internal_error_message(exc), file=sys.stderr)
        return 1
    for line in lines:
        print(line)
    return code


def run() -> NoReturn:
    """The program ``nastavnik`` (and ``python -m generator``): :func:`main` in a process of its own.

    A build makes a great many objects that live until the process ends, few of them garbage: Python's
    cycle collector would walk the young ones again and again, and all of them once more at exit. Here it
    runs only after a million allocations (a school's whole build makes a few) and skips, at exit, what is
    left (the memory goes back to the system with the process). Measured on the benchmark's school: at ten
    thousand allocations the collections took 0.05 s of a 1.3 s build (at Python's 700, 0.15 s more); at a
    million, next to nothing, and the build's memory grows by 5 MB. A district's workers, which build section
    after section, collect more often (:data:`generator.pipeline.sections.WORKER_GC_THRESHOLD`). :func:`main`
    itself, as tests and other programs call it, leaves the collector alone.
    """
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
    code = main()
    gc.freeze()
    _leave(code)


def _leave(code: int) -> NoReturn:
    """End the process with ``code`` once every exit handler has run and the output is written, without the
    interpreter's teardown: freeing every module and object one by one took 35 ms of the school's 1.3 s build,
    and the memory goes back to the system with the process anyway. Python ends as usual where the teardown may
    still matter: another thread still running (it would be joined first), output that cannot be written (a
    closed pipe: Python reports it), a Python without ``atexit._run_exitfuncs``."""
    run_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_handlers is None or threading.active_count() > 1:
        sys.exit(code)
    run_handlers()  # in the order Python runs them (last registered first), once: they are forgotten after
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe or stream
        sys.exit(code)
    os._exit(code)


GC_THRESHOLD = 1_000_000  # allocations between collections of the youngest generation (Python's default: 700)


if __name__ == "__main__":  # pragma: no cover
    run()
