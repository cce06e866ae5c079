"""The compiled search for one :class:`~generator.rules.people.NamePolicy`, and what it finds in a text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from generator.checks.names.forms import save_forms_cache
from generator.checks.names.latin import slug_regex, surname_variants
from generator.checks.names.patterns import bounded, forms_of, phrases, same_name, trie
from generator.checks.names.text import readable
from generator.rules.people import Name, NamePolicy

WITHHELD = "имя человека без согласия на публикацию"
MINOR_SURNAME = "фамилия несовершеннолетнего"
MINOR_LATIN = "фамилия несовершеннолетнего латиницей"
SLUG = "имя человека без согласия на публикацию латиницей"


@dataclass(frozen=True)
class Rule:
    who: str
    what: str  # WITHHELD, MINOR_SURNAME, …


@dataclass(frozen=True)
class _Pattern:
    source: str
    flags: int
    rule: Rule | None  # None: a published name, masked
    section: str | None = None  # a mask that applies only in this section (a name a withheld person shares)

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

    A quick pass finds where any name word begins (a trie of every form of every name word, and of
    initials); only there are the full patterns tried, published names first: a match of one is
    skipped whole. A published name that a withheld person shares is masked only in its own section.
    """

    trigger: re.Pattern[str] | None  # over lower-cased text, case-sensitive: that is several times faster
    patterns: dict[str, list[_Pattern]]  # by lead
    latin: re.Pattern[str] | None
    latin_rules: dict[str, Rule]  # by spelling
    slugs: tuple[tuple[re.Pattern[str], Rule], ...]  # searched in paths only

    @classmethod
    def of(cls, policy: NamePolicy) -> NameSearch:
        patterns: dict[str, list[_Pattern]] = {}
        latin: dict[str, Rule] = {}

        def add(leads: Iterable[str], regex: str, rule: Rule | None, section: str | None = None) -> None:
            compiled = _Pattern(bounded(regex), re.IGNORECASE, rule, section)
            for lead in leads:
                patterns.setdefault(lead, []).append(compiled)

        minors = {name.who for name in policy.minors}
        for name in policy.published:
            shared = any(same_name(name, other) for other in policy.withheld)
            for regex, leads in phrases(forms_of(name), first_with_patronymic=False):
                add(leads, regex, None, name.section if shared else None)
        slugs = []
        for name in policy.withheld:
            rule = Rule(name.who, WITHHELD)
            for regex, leads in phrases(forms_of(name), first_with_patronymic=True):
                add(leads, regex, rule)
            slug = slug_regex(name, with_id=name.who not in minors)  # a pupil's own page may be published
            if slug:
                slugs.append((re.compile(slug), Rule(name.who, SLUG)))
        for name in policy.minors:  # the surname alone (a patronymic alone is shared by too many)
            forms = forms_of(name)
            if forms.surname is not None:
                add(forms.surname.leads, forms.surname.regex(capital=True), Rule(name.who, MINOR_SURNAME))
                latin.update(dict.fromkeys(surname_variants(name), Rule(name.who, MINOR_LATIN)))
                slug = slug_regex(name, with_id=False)
                if slug:
                    slugs.append((re.compile(slug), Rule(name.who, MINOR_LATIN)))
        for group in patterns.values():
            group.sort(key=lambda p: p.rule is not None)  # published names first
        forbidden = any(p.rule for group in patterns.values() for p in group)
        return cls(
            re.compile(trie(patterns)) if forbidden else None,
            patterns,
            re.compile(rf"(?:{trie(latin)})(?![a-z])") if latin else None,  # the start is checked in find()
            latin,
            tuple(slugs),
        )

    @property
    def empty(self) -> bool:
        return self.trigger is None and self.latin is None and not self.slugs

    def find(self, text: str, section: str = "") -> dict[Rule, int]:
        """Each rule ``text`` breaks, with the line of its first finding; ``section``: where the text is
        published (a district's organization, "" for a school or the district's own pages)."""
        found: dict[Rule, int] = {}
        if self.trigger is not None:
            read, lowered = readable(text)
            skip_until = 0
            position = 0
            # Hits may overlap («…ла Лидия»: a lead «а л» inside a word must not hide «лидия» after it), so each
            # search starts one character after the last hit, not at its end as finditer would.
            while (hit := self.trigger.search(lowered, position)) is not None:
                start = hit.start()
                position = start + 1
                if start < skip_until or (start and (lowered[start - 1].isalnum() or lowered[start - 1] == "_")):
                    continue  # inside a word: not where a name begins
                for pattern in self._candidates(hit.group(0)):
                    if pattern.rule is None and pattern.section is not None and pattern.section != section:
                        continue  # a shared name: masked only in the consenting person's own section
                    match = pattern.regex.match(read, start)
                    if match is None:
                        continue
                    if pattern.rule is None:
                        skip_until = match.end()
                        break
                    found.setdefault(pattern.rule, read.count("\n", 0, start) + 1)
        if self.latin is not None:
            raw = text.lower()
            for m in self.latin.finditer(raw):
                if not (m.start() and "a" <= raw[m.start() - 1] <= "z"):  # not inside a Latin word
                    found.setdefault(self.latin_rules[m.group(0)], raw.count("\n", 0, m.start()) + 1)
        return found

    def find_in_path(self, path: str) -> set[Rule]:
        """Rules a file name breaks: a name in Latin letters, as a file name spells it."""
        low = path.lower()
        return {rule for regex, rule in self.slugs if regex.search(low)}

    def _candidates(self, hit: str) -> list[_Pattern]:
        """Patterns whose lead is ``hit`` or a prefix of it, published names first."""
        found = [p for end in range(1, len(hit) + 1) for p in self.patterns.get(hit[:end], ())]
        if len(found) > 1:
            found.sort(key=lambda p: p.rule is not None)
        return found


@lru_cache(maxsize=4)
def search_for(policy: NamePolicy) -> NameSearch:
    """The compiled search of ``policy``, once per process (a district warms it before its workers fork);
    the name forms it declined are kept for the next build (:func:`.forms.save_forms_cache`)."""
    search = NameSearch.of(policy)
    save_forms_cache()
    return search


def clashes(policy: NamePolicy) -> list[tuple[Name, Name]]:
    """(withheld, published) pairs of records with one full name."""
    return [(w, p) for w in policy.withheld for p in policy.published if same_name(w, p)]
