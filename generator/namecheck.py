"""Names that must not be published, searched for in every file of the built site.

For a person without consent: the full name in the forms people write it — declined («Ивановой
Марии»), with initials («Иванова М. П.», «М.П. Иванова»), first name first; for a minor, also the
surname alone (with a capital letter) and in Latin letters (an address, a file name). The text is
read as a reader sees it: tags dropped but attribute values kept (alt texts, Open Graph tags), HTML
entities and percent-encoding decoded, soft hyphens and zero-width characters removed, Latin
look-alike letters read as Cyrillic. JSON is decoded, gzip and office files (XLSX, DOCX…) unpacked,
and every file's path is searched too. The names of people shown with consent are masked first, so
a teacher who shares a surname with a pupil does not fail the build.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from urllib.parse import unquote

from .errors import Problem
from .people import Name, NamePolicy, latin_variants

TEXT_SUFFIXES = {
    ".html", ".htm", ".xhtml", ".xml", ".json", ".js", ".txt", ".ics", ".csv", ".md", ".yml", ".yaml", ".svg",
    ".webmanifest", ".xsl", ".vcf",
}  # fmt: skip
ZIP_SUFFIXES = {".xlsx", ".docx", ".pptx", ".odt", ".ods", ".odp"}
MAX_READ = 50 * 1024 * 1024  # per file or archive member: a bomb is not read to the end

_LAYOUT_MEMBER = re.compile(r"(?i)style|theme|font|settings|numbering|\[Content_Types\]")  # no text there
_PERCENT_CYRILLIC = re.compile(r"%[dD][01]%")
_TAG_START = re.compile(r"<[a-zA-Z/!?][\w:-]*|>")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
_LOOKALIKES = str.maketrans("aeopcxyAEOPCXYBHKMT", "аеорсхуАЕОРСХУВНКМТ")
"""Latin letters that look like Cyrillic ones: «Ивaнова» typed with a Latin «a» is still a name."""
_MIXED = re.compile(  # (factored by the first letter: twice as fast as four alternatives)
    r"[abcehkmoptxy](?:[а-я]"  # inside a word: «ивaнова»
    r"|(?<=(?<![a-z])[abcehkmoptxy])\.\s{0,2}[а-я])"  # a Latin initial before Cyrillic: «m. иванова», «m.п.»
    r"|[а-я](?:[abcehkmoptxy]|[.,]?\s{1,2}[abcehkmoptxy]\.(?![a-z]))"  # … inside a word, or after it: «иванова m. p.»
)
"""Lower-cased text where a Latin look-alike stands among Cyrillic letters («ивaнова», «m.п. иванова»).
Only such text is translated: translating every page would cost more than the rest of the search. (A
name spelt wholly in Latin letters is transliteration, searched for minors' surnames.)"""
_ENDING = r"(?:а|я|у|ю|е|ы|и|о|й|ь|ой|ей|ом|ем|ым|им|ою|ею|ью|ий|ый|ая|ую|ого|его|ому|ему|ых|их|ами|ями)?"
"""Any case ending of a Russian name: «Иванов|ой», «Мари|и», «Матве|й»."""
_SEP = r"[\s.,]*\s"


def site_texts(
    site: Path,
    content_dir: Path | None = None,
    skip: frozenset[str] = frozenset(),
    exclude: frozenset[str] = frozenset(),
    known: frozenset[str] = frozenset(),
) -> Iterator[tuple[str, str]]:
    """(relative path, text) of every file of ``site`` that can hold text; JSON decoded, archives unpacked.

    The path itself comes first, as a text of its own: a file name can spell a name too. The theme's
    own files (``assets/`` not uploaded into ``content/``) and the files in ``skip`` (scripts copied
    from packages) are not read: no data reaches them. Top-level folders in ``exclude`` are searched
    elsewhere (a district's sections, each where it is built); of the files in ``known`` (pages
    searched as MkDocs wrote them, see :mod:`generator.checks`) only the path is.
    """
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        if rel.partition("/")[0] in exclude:
            continue
        yield rel, rel
        if rel in skip or rel in known:
            continue
        if content_dir is not None and rel.startswith("assets/") and not (content_dir / rel).exists():
            continue
        suffix = path.suffix.lower()
        if suffix == ".gz":
            try:
                with gzip.open(path) as stream:
                    yield rel, stream.read(MAX_READ).decode("utf-8", errors="replace")
            except (OSError, EOFError):
                continue
        elif suffix in TEXT_SUFFIXES:
            with path.open("rb") as stream:
                text = stream.read(MAX_READ).decode("utf-8", errors="replace")
            yield rel, _decoded_json(text) if suffix == ".json" else text
        elif suffix in ZIP_SUFFIXES:
            yield from _archive_texts(path, rel)


def _archive_texts(path: Path, rel: str) -> Iterator[tuple[str, str]]:
    try:
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if member.endswith(".xml") and not _LAYOUT_MEMBER.search(member):
                    with archive.open(member) as stream:
                        yield f"{rel}:{member}", stream.read(MAX_READ).decode("utf-8", errors="replace")
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        return


def _decoded_json(text: str) -> str:
    try:
        return json.dumps(json.loads(text), ensure_ascii=False)
    except ValueError:
        return text


def normalize(text: str) -> str:
    """Text as a reader sees it: tag names dropped (attribute values kept), entities decoded, «ё» = «е»."""
    text = _TAG_START.sub(" ", text)
    text = html.unescape(html.unescape(text))  # twice: an escaped entity in JSON or XML («&amp;#1048;»)
    if _PERCENT_CYRILLIC.search(text):
        text = unquote(text)  # an address: files/%D0%98%D0%B2… is «files/Ив…»
    text = _INVISIBLE.sub("", text)
    return text.replace("ё", "е").replace("Ё", "Е")


@dataclass(frozen=True)
class _Rule:
    who: str
    what: str  # «имя человека без согласия», «фамилия ученика», …


def _stem(word: str) -> str:
    """«Иванова» → «Иванов»: what every case form of the word begins with («ё» read as «е»)."""
    word = word.replace("ё", "е").replace("Ё", "Е")
    stem = re.sub(r"(?:ий|ый|ая|[аяйьоеыи])$", "", word, flags=re.IGNORECASE)
    return stem if len(stem) >= 3 else word


def _word(word: str) -> str:
    """A regex for a name word in any case form: «Иванова» → Иванов + an ending (Ивановой, Иванову…)."""
    return re.escape(_stem(word)) + _ENDING


def _capitalized(word: str) -> str:
    """Like :func:`_word`, but the first letter must be a capital: «Лис» the surname, not «лиса»."""
    stem = _stem(word)
    return f"(?-i:{re.escape(stem[0].upper())})" + re.escape(stem[1:]) + _ENDING


def _initial(word: str) -> str:
    return re.escape(word[0].replace("ё", "е").replace("Ё", "Е")) + r"\."


def _phrases(name: Name, minor: bool) -> list[str]:
    """Regexes for a full name in the forms people write it."""
    if not name.surname:
        return []
    s, f = _word(name.surname), _word(name.first)
    p = _word(name.patronymic) if name.patronymic else None
    fi = _initial(name.first)
    pi = rf"(?:\s*{_initial(name.patronymic)})?" if name.patronymic else ""
    found = [
        rf"{s}{_SEP}{f}(?:{_SEP}{p})?" if p else rf"{s}{_SEP}{f}",  # Иванова Мария (Петровна)
        rf"{f}{_SEP}(?:{p}{_SEP})?{s}" if p else rf"{f}{_SEP}{s}",  # Мария (Петровна) Иванова
        rf"{s}{_SEP}{fi}{pi}",  # Иванова М. П.
        rf"{fi}{pi}\s*{s}",  # М.П. Иванова
    ]
    if minor and p:
        found.append(rf"{f}{_SEP}{p}")  # Артём Олегович
    return found


def _bounded(pattern: str) -> str:
    return rf"(?<!\w)(?:{pattern})(?!\w)"


def _lead(word: str) -> str:
    """The literal start every match of :func:`_word` (or an initial) begins with, lowercased."""
    return _stem(word).lower()


def _trie(words: Iterable[str]) -> str:
    """One regex matching any of ``words``, as a trie: the regex engine then tries them all at once."""
    root: dict[str, dict] = {}
    for word in set(words):
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return emit(root)


@dataclass(frozen=True)
class _Pattern:
    source: str
    flags: int
    rule: _Rule | None  # None: a published name, masked

    @property
    def regex(self) -> re.Pattern[str]:
        """Compiled when first needed: most patterns (names that never appear) never are."""
        return _compiled(self.source, self.flags)


@cache
def _compiled(source: str, flags: int) -> re.Pattern[str]:
    return re.compile(source, flags)


@dataclass(frozen=True)
class NameSearch:
    """The compiled search for one :class:`NamePolicy`.

    A quick pass finds where any name word begins (a trie of the words' stems and initials); only
    there are the full patterns tried, published names first: a match of one is skipped whole.
    """

    trigger: re.Pattern[str] | None  # over lower-cased text, case-sensitive: that is several times faster
    patterns: dict[str, list[_Pattern]]  # by lead
    latin: re.Pattern[str] | None
    latin_rules: dict[str, _Rule]  # by spelling
    candidates: dict[str, list[_Pattern]]  # by what the trigger matched: the patterns of every lead it begins with

    @classmethod
    def of(cls, policy: NamePolicy) -> NameSearch:
        patterns: dict[str, list[_Pattern]] = {}
        latin: dict[str, _Rule] = {}

        def add(leads: Iterable[str], regex: str, rule: _Rule | None, flags: int = re.IGNORECASE) -> None:
            compiled = _Pattern(_bounded(regex), flags, rule)
            for lead in leads:
                patterns.setdefault(lead, []).append(compiled)

        minors = {name.who for name in policy.minors}
        for name in policy.published:
            for regex, leads in _phrase_leads(name, minor=False):
                add(leads, regex, None)
        for name in policy.withheld:
            rule = _Rule(name.who, "имя человека без согласия на публикацию")
            for regex, leads in _phrase_leads(name, name.who in minors):
                add(leads, regex, rule)
        for name in policy.minors:  # the surname alone (a patronymic alone is shared by too many)
            if name.surname:
                add([_lead(name.surname)], _capitalized(name.surname), _Rule(name.who, "фамилия несовершеннолетнего"))
                rule = _Rule(name.who, "фамилия несовершеннолетнего латиницей")
                latin.update(dict.fromkeys(latin_variants(name.surname), rule))
        forbidden = any(p.rule for group in patterns.values() for p in group)
        candidates = {  # a key's prefixes that are keys too (a stem and an initial): at most a key's length each
            hit: sorted(
                (p for end in range(1, len(hit) + 1) for p in patterns.get(hit[:end], ())), key=_published_first
            )
            for hit in patterns
        }
        return cls(
            re.compile(_trie(patterns)) if forbidden else None,
            patterns,
            re.compile(rf"(?:{_trie(latin)})(?![a-z])") if latin else None,  # the start is checked in find()
            latin,
            candidates,
        )

    def find(self, text: str) -> set[_Rule]:
        found: set[_Rule] = set()
        if self.trigger is not None:
            readable = normalize(text)
            lowered = _lower(readable)
            if _MIXED.search(lowered):
                readable = readable.translate(_LOOKALIKES)
                lowered = _lower(readable)
            skip_until = 0
            for hit in self.trigger.finditer(lowered):
                start = hit.start()
                if start < skip_until or (start and (lowered[start - 1].isalnum() or lowered[start - 1] == "_")):
                    continue  # inside a word: not where a name begins
                for pattern in self._candidates(hit.group(0)):
                    match = pattern.regex.match(readable, start)
                    if match is None:
                        continue
                    if pattern.rule is None:
                        skip_until = match.end()
                        break
                    found.add(pattern.rule)
        if self.latin is not None:
            raw = text.lower()
            found.update(
                self.latin_rules[m.group(0)]
                for m in self.latin.finditer(raw)
                if not (m.start() and "a" <= raw[m.start() - 1] <= "z")  # not inside a Latin word
            )
        return found

    def _candidates(self, hit: str) -> list[_Pattern]:
        """Patterns whose lead is ``hit`` or a prefix of it, published names first."""
        known = self.candidates.get(hit)
        if known is not None:
            return known
        found = [p for end in range(1, len(hit) + 1) for p in self.patterns.get(hit[:end], ())]
        return sorted(found, key=_published_first)


@lru_cache(maxsize=4)
def search_for(policy: NamePolicy) -> NameSearch:
    """The compiled search of ``policy``, once per process (a district warms it before its workers fork)."""
    return NameSearch.of(policy)


def _lower(text: str) -> str:
    """``text`` lower-cased letter for letter (positions stay, even for «İ», whose lower case is longer)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _published_first(pattern: _Pattern) -> bool:
    return pattern.rule is not None


def _phrase_leads(name: Name, minor: bool) -> list[tuple[str, list[str]]]:
    """Each phrase regex of a name with the leads it can begin with."""
    if not name.surname:
        return []
    s, f = _lead(name.surname), _lead(name.first)
    fi = name.first[0].replace("ё", "е").replace("Ё", "Е").lower() + "."  # the lead of «М. …», «М.П. …»
    leads = [[s], [f], [s], [fi]]
    phrases = _phrases(name, minor)
    if len(phrases) > len(leads):
        leads.append([f])
    return list(zip(phrases, leads, strict=True))


def check_names(
    site: Path,
    policy: NamePolicy,
    content_dir: Path | None = None,
    skip: frozenset[str] = frozenset(),
    exclude: frozenset[str] = frozenset(),
    known: frozenset[str] = frozenset(),
) -> list[Problem]:
    """Every name ``policy`` forbids, in every file of ``site`` (of the files in ``known``: in their paths)."""
    search = search_for(policy)
    if search.trigger is None and search.latin is None:
        return []
    seen: set[tuple[str, _Rule]] = set()
    problems = []
    for rel, text in site_texts(site, content_dir, skip, exclude, known):
        page = rel.partition(":")[0]
        for rule, problem in _findings(search, rel, text):
            if (page, rule) not in seen:  # one finding per name and file, wherever in it
                seen.add((page, rule))
                problems.append(problem)
    return problems


def names_in(policy: NamePolicy, rel: str, text: str) -> list[Problem]:
    """The findings in one text of the site, as :func:`check_names` reports them for the file ``rel``."""
    return [problem for _, problem in _findings(search_for(policy), rel, text)]


def _findings(search: NameSearch, rel: str, text: str) -> list[tuple[_Rule, Problem]]:
    page, _, member = rel.partition(":")
    where = " (в свойствах документа: автор, кто изменял)" if member.startswith("docProps/") else ""
    return [
        (
            rule,
            Problem(
                f"site/{page}",
                None,
                f"в опубликованном файле{where} есть {rule.what} ({rule.who})",
                "уберите упоминание из текста в data/ или content/ (или из имени файла) либо внесите согласие "
                "в карточку человека; сайт не обновлён",
            ),
        )
        for rule in sorted(search.find(text), key=lambda r: (r.who, r.what))
    ]
