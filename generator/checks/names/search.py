"""The compiled search for one :class:`~generator.rules.people.NamePolicy`, and what it finds in a text."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial

from generator.checks.names.forms import save_forms_cache
from generator.checks.names.latin import Slugs, slug_anchors, slug_regex, surname_variants
from generator.checks.names.page import PIECE, Remembered, page_hits
from generator.checks.names.patterns import Follow, bounded, following, forms_of, name_key, phrases, trie
from generator.checks.names.text import lower, readable
from generator.rules.people import Name, NamePolicy

WITHHELD = "имя человека без согласия на публикацию"
MINOR_SURNAME = "фамилия несовершеннолетнего"
MINOR_LATIN = "фамилия несовершеннолетнего латиницей"
SLUG = "имя человека без согласия на публикацию латиницей"
_TRIED_LIMIT = 200_000  # (hit, next word) pairs remembered by one search


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
    follow: Follow | None = None  # what may come after its first word; None: one word (a minor's surname alone)

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
    initials), as a whole word: the initials «НА» of «НА Иванова» are no hit in «наставник», since every phrase
    led by them goes on with a space, and a surname's form is none in a longer word («Иванова» in «Ивановская»),
    but «М.» is one in «М.Иванова». Only there are the full patterns tried, published names first: the text a
    published name matches is skipped, unless a withheld name matches more of it («Воробьёв Т. О.» is not
    «Воробьёв Т.», Тимур Сергеевич, who consented). A published name that a withheld person shares is masked only
    in its own section.
    """

    trigger: re.Pattern[str] | None  # over lower-cased text, case-sensitive: that is several times faster
    patterns: dict[str, list[_Pattern]]  # by lead
    latin: re.Pattern[str] | None
    latin_rules: dict[str, Rule]  # by spelling
    slugs: Slugs[Rule]  # searched in paths only
    tried: dict[tuple[str, str], tuple[tuple[_Pattern, ...], tuple[_Pattern, ...]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # What the lines and pieces of one section's pages hold (:meth:`find`)
    remembered: list[Remembered[Rule]] = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def of(cls, policy: NamePolicy) -> NameSearch:
        patterns: dict[str, list[_Pattern]] = {}
        latin: dict[str, Rule] = {}
        open_leads: set[str] = set()  # leads a match may go on from with a letter («м.» of «М.Иванова»)

        def add(
            leads: Iterable[str],
            regex: str,
            rule: Rule | None,
            section: str | None = None,
            follow: Follow | None = None,
            whole: bool = True,
        ) -> None:
            compiled = _Pattern(bounded(regex), re.IGNORECASE, rule, section, follow)
            for lead in leads:
                patterns.setdefault(lead, []).append(compiled)
                if not whole:
                    open_leads.add(lead)

        minors = {name.who for name in policy.minors}
        withheld_names = {name_key(other) for other in policy.withheld}
        for name in policy.published:
            shared = name_key(name) in withheld_names
            for phrase in phrases(forms_of(name), first_with_patronymic=False):
                add(phrase.leads, phrase.regex, None, name.section if shared else None, phrase.follow, phrase.whole)
        slugs: list[tuple[str, frozenset[str], Rule]] = []
        for name in policy.withheld:
            rule = Rule(name.who, WITHHELD)
            for phrase in phrases(forms_of(name), first_with_patronymic=True):
                add(phrase.leads, phrase.regex, rule, follow=phrase.follow, whole=phrase.whole)
            with_id = name.who not in minors  # a pupil's own page may be published
            slug = slug_regex(name, with_id)
            if slug:
                slugs.append((slug, slug_anchors(name, with_id), Rule(name.who, SLUG)))
        for name in policy.minors:  # the surname alone (a patronymic alone is shared by too many)
            forms = forms_of(name)
            if forms.surname is not None:
                add(forms.surname.leads, forms.surname.regex(capital=True), Rule(name.who, MINOR_SURNAME))
                latin.update(dict.fromkeys(surname_variants(name), Rule(name.who, MINOR_LATIN)))
                slug = slug_regex(name, with_id=False)
                if slug:
                    slugs.append((slug, slug_anchors(name, with_id=False), Rule(name.who, MINOR_LATIN)))
        forbidden = any(p.rule for group in patterns.values() for p in group)
        return cls(
            re.compile(r"(?<!\w)(?:" + trie(patterns, patterns.keys() - open_leads) + ")") if forbidden else None,
            patterns,
            re.compile(rf"(?:{trie(latin)})(?![a-z])") if latin else None,  # the start is checked in find()
            latin,
            Slugs.of(slugs),
        )

    @property
    def empty(self) -> bool:
        return self.trigger is None and self.latin is None and not self.slugs.sources

    def find(self, text: str, section: str = "") -> dict[Rule, int]:
        """Each rule ``text`` breaks, with the line of its first finding; ``section``: where the text is
        published (a district's organization, "" for a school or the district's own pages).

        The text is searched line by line and piece by piece (:mod:`.page`), what each holds remembered for the
        section: every page of a site repeats its header, navigation and footer, nine tenths of its text."""
        found: dict[Rule, int] = {}
        if self.trigger is not None:
            if not self.remembered:
                self.remembered.append(Remembered(self._quiet, self._latin_in))
            memory = self.remembered[0]
            pieces = memory.pieces(section, partial(self._search_piece, section=section))
            by_lines = page_hits(text, memory, pieces)
            if by_lines is not None:
                return by_lines
            read = readable(text)[0]  # look-alike letters: read whole, as Cyrillic
            for piece in PIECE.finditer(read):
                for rule, line in pieces.hits(piece.group()).items():
                    found.setdefault(rule, read.count("\n", 0, piece.start()) + line)
        for number, line in enumerate(text.split("\n") if self.latin is not None else (), 1):
            for rule in self._latin_in(line):
                found.setdefault(rule, number)
        return found

    def _search_piece(self, piece: str, section: str) -> dict[Rule, int]:
        return self.search_readable(piece, lower(piece), section)

    def _latin_in(self, raw: str) -> tuple[Rule, ...]:
        """The rules the names in Latin letters in ``raw`` break (one line of a text: no name crosses a line)."""
        if self.latin is None:
            return ()
        raw = raw.lower()
        return tuple(
            self.latin_rules[m.group(0)]
            for m in self.latin.finditer(raw)
            if not (m.start() and "a" <= raw[m.start() - 1] <= "z")  # not inside a Latin word
        )

    def _quiet(self, lowered: str) -> bool:
        """No name begins in ``lowered``: the quick pass finds no name word in it (a name's words and leads hold
        no line break, so a text made of quiet lines and runs holds no name either)."""
        assert self.trigger is not None
        return self.trigger.search(lowered) is None

    def search_readable(self, read: str, lowered: str, section: str = "") -> dict[Rule, int]:
        """Each rule the readable text ``read`` breaks (``lowered``: the same, lower-cased letter for letter),
        with the line of its first finding; the names in Latin letters are not searched here.

        Where a published name matches, the text it covers is masked: no name beginning inside it is searched.
        A mask matters only where a forbidden name could begin after it, so the published names are matched
        (and their patterns compiled) only when a hit with a forbidden candidate comes: then the masks of the
        hits before it are settled in order, as if each had been matched where it stood."""
        found: dict[Rule, int] = {}
        skip_until = 0  # where the masks settled so far end
        pending: list[tuple[int, tuple[_Pattern, ...]]] = []  # hits with published names only, not yet matched
        position = 0
        # Hits may overlap («…ла Лидия»: a lead «а л» inside a word must not hide «лидия» after it), so each
        # search starts one character after the last hit, not at its end as finditer would.
        assert self.trigger is not None
        while (hit := self.trigger.search(lowered, position)) is not None:
            start = hit.start()
            position = start + 1
            if start < skip_until or (start and (lowered[start - 1].isalnum() or lowered[start - 1] == "_")):
                continue  # inside a word, or inside a mask: not where a name begins
            masks, rules = self._tried(hit.group(0), following(lowered, start))
            # A name a withheld person shares is masked only in the consenting person's own section.
            masks = tuple(p for p in masks if p.section is None or p.section == section)
            if not rules:
                if masks:
                    pending.append((start, masks))
                continue
            for before, waiting in pending:
                if before >= skip_until:  # (a hit inside an earlier mask was never a name's beginning)
                    skip_until = max(skip_until, _mask_end(waiting, read, before))
            pending.clear()
            if start < skip_until:
                continue
            masked = _mask_end(masks, read, start)  # where the longest published name matched here ends
            for pattern in rules:
                match = pattern.regex.match(read, start)
                if match is not None and match.end() > masked:  # the text says more than the published name:
                    found.setdefault(pattern.rule, read.count("\n", 0, start) + 1)  # «Воробьёв Т. О.», not «Т.»
            skip_until = max(skip_until, masked)
        return found

    def find_in_path(self, path: str) -> set[Rule]:
        """Rules a file name breaks: a name in Latin letters, as a file name spells it."""
        low = path.lower()
        return set(self.slugs.found_in(low))

    def _tried(self, hit: str, after: str) -> tuple[tuple[_Pattern, ...], tuple[_Pattern, ...]]:
        """The candidates of ``hit`` that can match where ``after`` follows its word — published names (masks) and
        forbidden ones: only the phrases that go on with what ``after`` is (:class:`Follow`), and one-word
        patterns. Remembered: a site names its people again and again, and a region's common first name leads
        thousands of patterns."""
        key = (hit, after)
        tried = self.tried.get(key)
        if tried is None:
            candidates = [p for p in self._candidates(hit) if p.follow is None or p.follow.admits(after)]
            tried = (
                tuple(p for p in candidates if p.rule is None),
                tuple(p for p in candidates if p.rule is not None),
            )
            if len(self.tried) < _TRIED_LIMIT:
                self.tried[key] = tried
        return tried

    def _candidates(self, hit: str) -> list[_Pattern]:
        """Patterns whose lead is ``hit`` or a prefix of it."""
        return [p for end in range(1, len(hit) + 1) for p in self.patterns.get(hit[:end], ())]


def _mask_end(masks: Iterable[_Pattern], read: str, start: int) -> int:
    """Where the longest of the published names ``masks`` that match at ``start`` ends (0: none matches)."""
    ends = [match.end() for pattern in masks if (match := pattern.regex.match(read, start)) is not None]
    return max(ends, default=0)


@lru_cache(maxsize=4)
def search_for(policy: NamePolicy) -> NameSearch:
    """The compiled search of ``policy``, once per process (a district warms it before its workers fork);
    the name forms it declined are kept for the next build (:func:`.forms.save_forms_cache`). Asked for
    every page: the policy's hash is its digest, computed once (:attr:`NamePolicy.digest`)."""
    search = NameSearch.of(policy)
    save_forms_cache()
    return search


def clashes(policy: NamePolicy) -> list[tuple[Name, Name]]:
    """(withheld, published) pairs of records with one full name."""
    published: dict[tuple[str, str, str], list[Name]] = {}
    for name in policy.published:
        published.setdefault(name_key(name), []).append(name)
    return [(w, p) for w in policy.withheld for p in published.get(name_key(w), ())]
