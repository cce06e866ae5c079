"""``nastavnik`` (also ``python -m generator``): the verbs. The only place that prints and picks exit codes.

Exit codes: 0 — success; 1 — problems in the user's data or a failed build (always a Russian
message naming the file and line, never a traceback); 2 — wrong usage. Each verb's work lives in
``generator/cli/<verb>.py``: it returns the lines to print or raises a
:class:`~generator.errors.NastavnikError`.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from generator import __version__
from generator.cli.argparse_ru import install as install_russian_argparse
from generator.errors import NastavnikError
from generator.translate import os_error, os_error_hint

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

VERBS = ("check", "build", "serve", "import", "export", "new", "deploy", "schema")
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
    install_russian_argparse()
    main = _Parser(
        prog="nastavnik",
        description="«Наставник»: раздел «Наставничество» сайта школы из данных в data/ и content/. "
        "Команды запускаются в корне портала (в папке с mkdocs.yml).",
    )
    main.add_argument("--version", action="version", version=f"nastavnik {__version__}")
    verbs = main.add_subparsers(dest="verb", metavar="КОМАНДА", parser_class=_Parser, title="команды")
    verbs.required = True

    p = verbs.add_parser(
        "check",
        help="проверить данные и показать все ошибки",
        description="Проверяет data/ и content/: каждая ошибка — с файлом, строкой и советом, как исправить.",
    )
    p.add_argument("--strict", action="store_true", help="считать предупреждения ошибками (для CI)")
    p.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="text — для человека; github — аннотации GitHub Actions",
    )

    p = verbs.add_parser(
        "build",
        help="собрать сайт в site/",
        description="Проверяет данные и собирает сайт в site/. Если сборка не удалась, прежний site/ не меняется.",
    )
    p.add_argument("--strict", action="store_true", help="считать предупреждения ошибками")
    p.add_argument("--org", metavar="ID", help="собрать раздел только одной организации (портал района)")
    p.add_argument(
        "--jobs", type=_positive, metavar="N", help="сколько процессов использовать (по умолчанию — по числу ядер)"
    )
    p.add_argument("--timings", metavar="ФАЙЛ", help="записать время этапов сборки в JSON-файл")
    p.add_argument(
        "--prebuilt",
        metavar="ПАПКА",
        help="портал района: взять готовые разделы организаций из ПАПКА/<ID>/ (собранные build --org ID, "
        "например в задачах CI), а собрать только недостающие и раздел района",
    )

    p = verbs.add_parser(
        "serve",
        help="предпросмотр с автообновлением",
        description="Запускает предпросмотр сайта; страница обновляется при изменении data/, content/, theme/ и mkdocs.yml.",
    )
    p.add_argument(
        "--dev-addr",
        default="127.0.0.1:8000",
        metavar="АДРЕС:ПОРТ",
        help="адрес предпросмотра (по умолчанию 127.0.0.1:8000)",
    )

    p = verbs.add_parser(
        "import",
        help="импортировать дорожную карту из DOCX, XLSX или CSV",
        description="Читает дорожную карту из документа Word, таблицы Excel или CSV и записывает data/roadmaps/ID.yaml.",
    )
    p.add_argument("file", metavar="ФАЙЛ", help="документ .docx, .xlsx или .csv")
    p.add_argument(
        "--id", metavar="ID", help="имя файла дорожной карты (латиницей); по умолчанию — из названия и периода"
    )
    p.add_argument("--current", action="store_true", help="сделать её текущей дорожной картой в data/program.yaml")
    p.add_argument("--force", action="store_true", help="перезаписать существующий файл")

    p = verbs.add_parser(
        "export",
        help="выгрузить дорожную карту (json, xlsx, csv, ics)",
        description="Выгружает дорожную карту в машиночитаемом виде.",
    )
    p.add_argument("--roadmap", metavar="ID", help="какую дорожную карту (по умолчанию — текущую)")
    p.add_argument("--format", required=True, choices=("json", "xlsx", "csv", "ics"), help="формат выгрузки")
    p.add_argument("-o", "--output", metavar="ФАЙЛ", help="куда записать (по умолчанию json/csv/ics — на экран)")

    p = verbs.add_parser(
        "new",
        help="создать новый портал",
        description="Создаёт папку нового портала с примерами данных; сразу собирается командой nastavnik build.",
    )
    p.add_argument("dir", metavar="ПАПКА", help="папка нового портала (пустая или несуществующая)")
    p.add_argument("--name", help="полное наименование организации")
    p.add_argument("--short-name", help="краткое наименование организации")
    p.add_argument("--type", choices=("school", "college", "department"), default="school", help="тип организации")
    p.add_argument(
        "--synthetic",
        type=_positive,
        metavar="N",
        help="создать портал района из N вымышленных организаций (для замеров)",
    )

    p = verbs.add_parser(
        "deploy",
        help="опубликовать site/ на GitHub Pages",
        description="Публикует последнюю успешную сборку в ветку gh-pages (ghp-import).",
    )
    p.add_argument("--push", action="store_true", help="отправить ветку gh-pages на GitHub")
    p.add_argument("--allow-dirty", action="store_true", help="разрешить публикацию при незакоммиченных изменениях")
    p.add_argument("--cname", metavar="ДОМЕН", help="свой домен сайта (файл CNAME)")
    p.add_argument("--remote", default="origin", help="удалённый репозиторий (по умолчанию origin)")

    p = verbs.add_parser(
        "schema",
        help="записать JSON Schema для редакторов",
        description="Записывает JSON Schema каждого вида записей (для подсказок в VS Code).",
    )
    p.add_argument("-o", "--output", metavar="ПАПКА", default="schemas", help="папка для схем (по умолчанию schemas/)")
    return main


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"нужно целое число, а не «{text}»") from None
    if value < 1:
        raise argparse.ArgumentTypeError("нужно число не меньше 1")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        command = importlib.import_module(f"generator.cli.{VERB_MODULES.get(args.verb, args.verb)}")
        lines, code = command.run(args)
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

    A build makes a great many objects that live until the process ends, few of them garbage:
    Python's cycle collector would walk them again and again, and once more at exit. Here it runs
    less often and skips, at exit, what is left (the memory goes back to the system with the process).
    Measured on the benchmark's school: about 0.15 s of 1.4 s. :func:`main` itself, as tests and other
    programs call it, leaves the collector alone.
    """
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])
    code = main()
    gc.freeze()
    sys.exit(code)


GC_THRESHOLD = 10_000  # allocations between collections of the youngest generation (Python's default: 700)


if __name__ == "__main__":  # pragma: no cover
    run()
