"""Russian for argparse: its headings, its ``--help`` line and its usage errors.

argparse looks up every text it prints through the module-level names ``_`` and ``ngettext``
(gettext). :func:`install` points them at this table, so ``nastavnik --help`` and usage errors
(exit code 2) read in Russian; a text missing here stays in English rather than breaking.
The argument types the verbs share (:func:`positive`) are here too, with their errors in Russian.
"""

from __future__ import annotations

import argparse

_MESSAGES = {
    "usage: ": "Использование: ",
    "positional arguments": "аргументы",
    "options": "параметры",
    "optional arguments": "параметры",
    "show this help message and exit": "показать эту справку и выйти",
    "show program's version number and exit": "показать версию и выйти",
    "%(prog)s: error: %(message)s\n": "%(prog)s: ошибка: %(message)s\n",
    "the following arguments are required: %s": "не указаны обязательные аргументы: %s",
    "unrecognized arguments: %s": "неизвестные аргументы: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "недопустимое значение %(value)r (выберите из: %(choices)s)",
    "argument %(argument_name)s: %(message)s": "аргумент %(argument_name)s: %(message)s",
    "expected one argument": "нужно одно значение",
    "expected at most one argument": "нужно не больше одного значения",
    "expected at least one argument": "нужно хотя бы одно значение",
    "invalid %(type)s value: %(value)r": "недопустимое значение %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "неоднозначный параметр %(option)s: подходят %(matches)s",
    "not allowed with argument %s": "нельзя указывать вместе с %s",
    "ignored explicit argument %r": "лишнее значение %r",
    "one of the arguments %s is required": "нужен один из аргументов: %s",
    "unexpected option string: %s": "неожиданный параметр: %s",
    "%r is not callable": "%r нельзя вызвать",
    "cannot merge actions - two groups are named %r": "две группы называются %r",
    "conflicting option string: %s": "параметр %s задан дважды",
    "conflicting option strings: %s": "параметры %s заданы дважды",
}


def _translate(message: str) -> str:
    return _MESSAGES.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    if singular == "expected %s argument":
        return "нужно значений: %s"
    return _translate(singular if n == 1 else plural)


def install() -> None:
    """Make argparse speak Russian (idempotent)."""
    argparse._ = _translate  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]


def positive(text: str) -> int:
    """An argument type: a whole number, at least 1 (``--jobs N``, ``--synthetic N``)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"нужно целое число, а не «{text}»") from None
    if value < 1:
        raise argparse.ArgumentTypeError("нужно число не меньше 1")
    return value
