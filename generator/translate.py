"""Messages of other programs, in the Russian an editor reads.

The operating system (through :class:`OSError`) and MkDocs speak English; whatever of theirs can reach an
editor passes through here first. A known message is translated with its file names kept; an unknown one
keeps the original text only as a quoted detail after a Russian sentence, so nothing is lost and nothing
reaches the editor as a bare English sentence. YAML's own messages are translated where they are read
(:func:`generator.sources.yaml_errors.explain_yaml_error`).
"""

from __future__ import annotations

import errno
import re

_OS_ERRORS: dict[int, str] = {
    errno.ENOENT: "файл или папка не найдены",
    errno.EACCES: "нет прав доступа",
    errno.EPERM: "действие запрещено системой (нет прав или файл защищён от изменений)",
    errno.ENOSPC: "на диске нет места",
    errno.EROFS: "диск или папка только для чтения",
    errno.EISDIR: "это папка, а не файл",
    errno.ENOTDIR: "часть пути — файл, а не папка",
    errno.ELOOP: "символические ссылки ведут по кругу",
    errno.ENAMETOOLONG: "слишком длинное имя файла",
    errno.EEXIST: "файл уже существует",
    errno.ENOTEMPTY: "папка не пуста",
    errno.EBUSY: "файл занят другой программой",
    errno.EIO: "ошибка чтения или записи диска",
    errno.EMFILE: "открыто слишком много файлов",
    errno.EXDEV: "файлы на разных дисках",
    errno.EINVAL: "недопустимое имя или значение",
    errno.EFBIG: "файл слишком велик",
    errno.EDQUOT: "превышена квота диска",
}


_OS_HINTS: dict[int, str] = {
    errno.ENOSPC: "освободите место и запустите команду снова",
    errno.EDQUOT: "освободите место и запустите команду снова",
    errno.EROFS: "запустите команду там, где можно записывать файлы",
    errno.EACCES: "проверьте права доступа (и владельца) файла",
    errno.EPERM: "снимите защиту (chattr -i) или проверьте права",
    errno.ENOENT: "проверьте путь; удалите битую символическую ссылку",
    errno.ELOOP: "удалите ссылку",
}


def os_error_hint(exc: OSError) -> str:
    """What to do about it."""
    return _OS_HINTS.get(exc.errno or 0, "проверьте диск и права доступа")


def os_error(exc: OSError) -> str:
    """What went wrong with a file, in Russian (``exc.strerror`` is in the system's language)."""
    known = _OS_ERRORS.get(exc.errno or 0)
    if known:
        return known
    return f"системная ошибка № {exc.errno}" if exc.errno else "ошибка ввода-вывода"


_Q = r"'(?P<{}>[^']*)'"

_MKDOCS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            rf"Doc file {_Q.format('src')} contains a link {_Q.format('link')}, "
            rf"but the doc {_Q.format('doc')} does not contain an anchor {_Q.format('anchor')}"
        ),
        "на странице «{src}» ссылка «{link}» ведёт на раздел {anchor}, которого нет на странице «{doc}»",
    ),
    (
        re.compile(
            rf"Doc file {_Q.format('src')} contains a link {_Q.format('link')}, "
            rf"but the target {_Q.format('target')} is not found among documentation files"
        ),
        "на странице «{src}» ссылка «{link}» ведёт на файл «{target}», которого нет в content/",
    ),
    (
        re.compile(rf"Doc file {_Q.format('src')} contains a link to {_Q.format('target')} which is excluded"),
        "на странице «{src}» ссылка на «{target}», но этот файл исключён из сайта",
    ),
    (
        re.compile(rf"Doc file {_Q.format('src')} contains an unrecognized relative link {_Q.format('link')}"),
        "на странице «{src}» непонятная относительная ссылка «{link}» — она оставлена как есть",
    ),
    (
        re.compile(rf"Doc file {_Q.format('src')} contains an absolute link {_Q.format('link')}"),
        "на странице «{src}» абсолютная ссылка «{link}» — она оставлена как есть",
    ),
    (
        re.compile(rf"Doc file {_Q.format('src')} contains a link {_Q.format('link')}"),
        "на странице «{src}» ссылка «{link}» не ведёт ни на одну страницу сайта",
    ),
    (
        re.compile(rf"An? (?:absolute path|reference) to {_Q.format('target')} is included in the 'nav'"),
        "в меню (nav в mkdocs.yml) указан «{target}», но такой страницы нет",
    ),
    (
        re.compile(rf"Excluding {_Q.format('src')} from the site because it conflicts with {_Q.format('other')}"),
        "файл «{src}» не попал на сайт: он совпадает по адресу с «{other}»",
    ),
    (
        re.compile(rf"Config value {_Q.format('key')}: Unrecognised configuration name: (?P<name>\S+)"),
        "в mkdocs.yml неизвестная настройка «{name}»",
    ),
    (
        re.compile(r"Unrecognised configuration name: (?P<name>\S+)"),
        "в mkdocs.yml неизвестная настройка «{name}»",
    ),
    (
        re.compile(r"Config value 'plugins': The \"(?P<name>[^\"]+)\" plugin is not installed"),
        "плагин «{name}» из списка plugins в mkdocs.yml не установлен",
    ),
    (
        re.compile(rf"Config value 'theme': Unrecognised theme name: {_Q.format('name')}"),
        "тема «{name}» из раздела theme в mkdocs.yml не установлена",
    ),
    (
        re.compile(rf"Config value {_Q.format('key')}: (?P<detail>.*)"),
        "в mkdocs.yml неверное значение настройки «{key}» (слова MkDocs: «{detail}»)",
    ),
    (
        re.compile(rf"Template skipped: {_Q.format('name')} not found"),
        "шаблон «{name}» не найден — страница пропущена",
    ),
    (
        re.compile(rf"Error (?:reading|building) page {_Q.format('src')}"),
        "страницу «{src}» не удалось собрать",
    ),
    (re.compile(r"File not found: (?P<src>.+)"), "файл «{src}» не найден"),
    (re.compile(r"Encoding error reading file: (?P<src>.+)"), "файл «{src}» не в кодировке UTF-8"),
    (
        re.compile(r"Aborted with (?P<count>\d+) warnings? in strict mode"),
        "сборка остановлена: предупреждений — {count}",
    ),
    (re.compile(r"Aborted with a BuildError"), "сборка остановлена из-за ошибки"),
]


def mkdocs_message(message: str) -> str:
    """One line MkDocs logged or raised, in Russian; an unknown one keeps MkDocs' words as a quoted detail."""
    if not message.strip():
        return "причина не названа"
    first = message.strip().splitlines()[0]
    for pattern, russian in _MKDOCS:
        found = pattern.search(first)
        if found:
            return russian.format(**found.groupdict())
    return f"MkDocs сообщает о неполадке (его слова: «{first}»)"
