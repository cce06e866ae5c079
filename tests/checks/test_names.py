"""The name guard over a generated population: every case, every way of writing, every attachment format.

A person without consent must be found however the text declines and writes their name, in whatever
file; a consenting person written the same way must not be. The population and its declension are
the test's own (tests/name_population.py); the files are built by hand (tests/name_files.py).
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.checks import names as namecheck
from generator.checks.names import NameSearch, check_names
from generator.checks.names.files import site_texts
from generator.checks.names.patterns import trie
from generator.checks.names.search import MINOR_SURNAME, WITHHELD, Rule
from generator.checks.names.text import as_cyrillic, mixed, normalize, read_line, readable
from generator.errors import Severity
from generator.rules.people import Name, NamePolicy, split_name
from name_files import FORMATS, pdf, write
from name_population import CASES, STYLES, decline, population, surnames, written

PEOPLE = population()
WHO = "data/mentors/x-person.yaml"
OTHER = split_name("data/mentors/drugoj.yaml", "Тестова Зоя Львовна")
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def name_of(person, second_surname=None) -> Name:  # type: ignore[no-untyped-def]
    surname, first, patronymic, _ = person
    full = surname[0] if second_surname is None else f"{surname[0]}-{second_surname[0]}"
    return Name(WHO, full, first[0], patronymic[0])


def findings(policy: NamePolicy, file: str, text: str) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        write(Path(folder), file, f"На встрече выступил(а) {text}, все остались довольны.")
        return [p.message for p in check_names(Path(folder), policy) if p.severity is Severity.ERROR]


people = st.sampled_from(PEOPLE)
doubles = st.one_of(st.none(), st.sampled_from(surnames(True)[:20]))


@SETTINGS
@given(person=people, case=st.sampled_from(CASES), style=st.sampled_from(STYLES), file=st.sampled_from(list(FORMATS)))
def test_a_withheld_person_is_found_in_every_case_style_and_format(person, case, style, file):
    policy = NamePolicy((name_of(person), OTHER), (), ())
    found = findings(policy, file, written(person, case, style))
    assert any(WHO in message for message in found), (written(person, case, style), file)


@SETTINGS
@given(person=people, case=st.sampled_from(CASES), style=st.sampled_from(STYLES[:5]), second=doubles)
def test_a_consenting_person_written_the_same_way_passes(person, case, style, second):
    if second is not None and not person[3]:
        second = None  # a woman's double surname: its second part is declined as hers
    policy = NamePolicy((OTHER,), (), (name_of(person, second),))
    search = NameSearch.of(policy)
    assert not search.find(written(person, case, style, second)), written(person, case, style, second)


@SETTINGS
@given(person=people, case=st.sampled_from(CASES), second=st.sampled_from(surnames(True)[:25]))
def test_a_double_surname_is_found_declined_part_by_part(person, case, second):
    if not person[3]:
        return  # the male population's second parts: «Колосов», «Достоевский», «Черных»…
    policy = NamePolicy((name_of(person, second),), (), ())
    text = written(person, case, "s f p", second)
    assert NameSearch.of(policy).find(text), text


@SETTINGS
@given(person=people, case=st.sampled_from(CASES))
def test_a_minors_surname_alone_is_found_with_a_capital(person, case):
    name = name_of(person)
    policy = NamePolicy((name,), (name,), ())
    surname = written(person, case, "s f").split()[0]
    assert NameSearch.of(policy).find(f"Поздравляем: {surname}!"), surname


@pytest.mark.parametrize(
    "text",
    [
        "Спасибо Павлу Сергеевичу Колосову",  # the issue's fleeting vowels
        "у Павла Колосова",
        "с Павлом Колосовым",
        "Колосовым П. С.",
        "П.С. Колосова",
        "Колосов ПС",
        "ПС Колосов",
        "Павел Сергеевич пришёл",  # how pupils address a teacher
        "Ко\u034fлосов Павел",  # an invisible combining grapheme joiner
        "Колосов\u2063 Павел",  # an invisible separator
        "Κолосов Павел",  # a Greek capital kappa
        "ＫＯЛОСОВ ПАВЕЛ",  # full-width letters (NFKC)
    ],
)
def test_the_issue_forms_are_found(text):
    policy = NamePolicy((split_name("data/mentors/kolosov-ps.yaml", "Колосов Павел Сергеевич"),), (), ())
    assert NameSearch.of(policy).find(text), text


@pytest.mark.parametrize(
    ("full", "text"),
    [
        ("Соловей Лев Петрович", "Соловья Льва Петровича"),
        ("Орлов Пётр Ильич", "с Петром Ильичом"),
        ("Журавель Лев Ильич", "Льву Журавлю"),
        ("Римская-Корсакова Анна Ильинична", "с Римской-Корсаковой Анной"),
        ("Иванова-Шевченко Ольга Петровна", "Ивановой-Шевченко Ольгой"),
        ("Черных Ирина Олеговна", "Черных Ириной Олеговной"),
        ("Кох Вера Павловна", "Веры Кох"),
        ("Ёлкин Пётр Семёнович", "Елкину Петру"),
        ("Кравец Игорь Иванович", "Кравцом Игорем"),
    ],
)
def test_names_the_libraries_and_our_rules_decline(full, text):
    policy = NamePolicy((split_name("data/mentors/x.yaml", full),), (), ())
    assert NameSearch.of(policy).find(text), text


def test_an_adults_latin_slug_in_a_file_name(tmp_path):
    policy = NamePolicy((split_name("data/mentors/ivanova-mp.yaml", "Иванова Мария Петровна"),), (), ())
    for name in ("ivanova-mp-photo.jpg", "ivanova_m_p.png", "m-p-ivanova.gif", "maria-ivanova.png", "ivanova-mp.jpg"):
        site = tmp_path / name.replace(".", "-")
        site.mkdir()
        (site / name).write_bytes(b"\xff\xd8")
        assert [p.file for p in check_names(site, policy)] == [f"site/{name}"], name
    site = tmp_path / "fine"
    site.mkdir()
    (site / "ivanova-street.jpg").write_bytes(b"\xff\xd8")  # the surname alone of an adult is no name
    assert check_names(site, policy) == []


def test_a_text_past_the_read_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(namecheck.files, "MAX_READ", 1000)
    (tmp_path / "big.txt").write_text("а" * 1001, encoding="utf-8")
    policy = NamePolicy((OTHER,), (), ())
    problems = check_names(tmp_path, policy)
    assert [p.file for p in problems] == ["site/big.txt"] and "слишком большой" in problems[0].message


def test_archives_are_searched_recursively_with_caps(tmp_path, monkeypatch):
    policy = NamePolicy((split_name("data/mentors/ivanova-mp.yaml", "Иванова Мария Петровна"),), (), ())
    write(tmp_path, "arhiv.zip", "Ивановой Марии Петровне")
    problems = check_names(tmp_path, policy)
    assert len(problems) == 1 and "vlozhennyj.zip/spisok.txt" in problems[0].message
    assert "Иванов" not in problems[0].message
    monkeypatch.setattr(namecheck.files, "MAX_DEPTH", 1)
    refused = check_names(tmp_path, policy)
    assert any("уровней вложенных архивов" in p.message for p in refused)


def test_an_encrypted_member_is_refused(tmp_path):
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as archive:
        archive.writestr("x.txt", "данные")
    data = bytearray((tmp_path / "a.zip").read_bytes())
    data[6] |= 1  # the local header's "encrypted" flag
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 1
    (tmp_path / "a.zip").write_bytes(bytes(data))
    problems = check_names(tmp_path, NamePolicy((OTHER,), (), ()))
    assert [p.severity for p in problems] == [Severity.ERROR] and "под паролем" in problems[0].message


def test_a_pdf_without_a_text_layer_is_a_warning_naming_the_file(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(pdf(""))
    problems = check_names(tmp_path, NamePolicy((OTHER,), (), ()))
    assert [(p.file, p.severity) for p in problems] == [("site/scan.pdf", Severity.WARNING)]


def test_a_pdf_finding_names_its_page_and_the_data_file(tmp_path):
    (tmp_path / "prikaz.pdf").write_bytes(pdf("Назначить Ивановой Марии Петровне", pages=3))
    policy = NamePolicy((split_name("data/mentors/ivanova-mp.yaml", "Иванова Мария Петровна"),), (), ())
    [problem] = check_names(tmp_path, policy)
    assert "страница 3" in problem.message and "data/mentors/ivanova-mp.yaml" in problem.message
    assert "Иванов" not in problem.format()


def test_a_windows_1251_csv_is_read(tmp_path):
    (tmp_path / "t.csv").write_bytes("ФИО;Класс\nИванова Мария Петровна;—\n".encode("cp1251"))
    policy = NamePolicy((split_name("data/mentors/ivanova-mp.yaml", "Иванова Мария Петровна"),), (), ())
    [problem] = check_names(tmp_path, policy)
    assert (problem.file, problem.line) == ("site/t.csv", 2)


def test_a_shared_name_passes_only_in_the_consenting_persons_section():
    withheld = split_name("data/organizations/school-2/mentors/ivanova-mp.yaml", "Иванова Мария Петровна")
    consenting = split_name("data/organizations/school-1/mentors/ivanova-mp.yaml", "Иванова Мария Петровна")
    assert (withheld.section, consenting.section) == ("school-2", "school-1")
    search = NameSearch.of(NamePolicy((withheld,), (), (consenting,)))
    text = "Выступила Иванова Мария Петровна"
    assert not search.find(text, section="school-1")
    assert search.find(text, section="school-2") and search.find(text, section="")


def test_a_consenting_namesake_in_the_same_school_still_masks():
    published = split_name("data/mentors/sidorova-oi.yaml", "Сидорова Ольга Ивановна")
    pupil = split_name("data/mentors/pupil-s.yaml", "Сидоров Артём Олегович")
    search = NameSearch.of(NamePolicy((pupil,), (pupil,), (published,)))
    assert not search.find("Спасибо Сидоровой Ольге Ивановне") and search.find("Сидорову Артёму")


def test_every_site_file_is_read_but_images(tmp_path):
    for name in FORMATS:
        write(tmp_path, name, "текст")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    read = {piece.rel for piece in site_texts(tmp_path) if not getattr(piece, "path", True)}
    assert read == set(FORMATS)


def test_a_lead_inside_the_word_before_a_name_does_not_hide_the_name():
    """«…ла Лидия»: the lead «а л» (initials) starts inside «приходила» and is skipped; the name beginning one
    letter later must still be searched (leads overlap)."""
    withheld = split_name("data/organizations/kolledzh/mentors/sedova-ln.yaml", "Седова Лидия Николаевна")
    other = split_name("data/mentors/a-l.yaml", "Белова Анна Леонидовна")  # her initials make «а л» a lead
    search = NameSearch.of(NamePolicy((withheld, other), (), ()))
    for text in ("В гости приходила Лидия Николаевна Седова", "Выступила Лидия Николаевна", "пришла Л. Н. Седова"):
        assert search.find(text, section="shkola-3"), text


CROWD = tuple(
    Name(f"data/organizations/school-{i}/mentors/p{i}.yaml", p[0][0], p[1][0], p[2][0]) for i, p in enumerate(PEOPLE)
)


@SETTINGS
@given(person=people, case=st.sampled_from(CASES), style=st.sampled_from(STYLES), withheld=st.booleans())
def test_a_withheld_person_is_found_among_a_crowd_of_namesakes(person, case, style, withheld):
    """A region: the whole population withheld, or consenting, at once — many share a surname, a first name
    or a patronymic. Only the phrases of people whose next word follows are tried (and remembered per search):
    that must never hide the person. (A consenting crowd leaves out people with the person's initials: «Живаго
    Е. А.» of a consenting Евгений Андреевич is his name, and is masked.)"""
    target = name_of(person)
    initials = lambda n: (n.first[0], (n.patronymic or " ")[0])  # noqa: E731
    others = tuple(
        n
        for n in CROWD
        if (n.surname, n.first, n.patronymic) != (target.surname, target.first, target.patronymic)
        and (withheld or initials(n) != initials(target))
    )
    policy = NamePolicy((target, *others), (), ()) if withheld else NamePolicy((target,), (), others)
    search = NameSearch.of(policy)
    text = f"На встрече выступил(а) {written(person, case, style)}, все остались довольны."
    for _ in range(2):  # the second time from what the search remembered
        assert any(rule.who == WHO for rule in search.find(text)), text


def _every_phrase_tried(search: NameSearch) -> NameSearch:
    """The same search with no phrase left out by what follows its first word."""
    patterns = {lead: [replace(p, follow=None) for p in group] for lead, group in search.patterns.items()}
    return replace(search, patterns=patterns, tried={}, remembered=[])


NEIGHBOURS = ("", " ", ", ", ". ", "\n", " и ", " — ", "-")


@SETTINGS
@given(
    person=people,
    double_surname=doubles,
    case=st.sampled_from(CASES),
    style=st.sampled_from(STYLES),
    neighbour=st.sampled_from(PEOPLE),
    neighbour_style=st.sampled_from(STYLES),
    between=st.sampled_from(NEIGHBOURS),
    crowd_withheld=st.booleans(),
)
def test_only_the_phrases_that_go_on_with_the_next_word_are_tried_and_nothing_is_missed(
    person, double_surname, case, style, neighbour, neighbour_style, between, crowd_withheld
):
    """Each phrase of a name is tried only where the next word can continue it (a first name after a surname,
    initials after a surname…): the findings are those of trying every phrase of every person, in a crowd of
    namesakes, with double surnames, and with another name right after."""
    target = name_of(person, double_surname)
    crowd = [n for n in CROWD[:120] if n.surname != target.surname or n.first != target.first]
    withheld = (target, *crowd[:60]) if crowd_withheld else (target,)
    published = tuple(crowd[60:]) if crowd_withheld else tuple(crowd)
    search = NameSearch.of(NamePolicy(withheld, (), published))
    text = (
        f"Выступил(а) {written(person, case, style, double_surname)}{between}"
        f"{written(neighbour, case, neighbour_style)} на встрече."
    )
    assert search.find(text) == _every_phrase_tried(search).find(text), text


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Выступила Мария Петровна Иванова.", False),  # the published name masks the withheld «Мария Петровна»
        ("Выступила Мария Петровна Смирнова.", True),
        ("Выступила Иванова-Смирнова М. П.", False),
        ("Выступила Смирнова М. П.", True),
        ("Выступила Смирнова МП.", True),
        ("Выступила М. П. Смирнова.", True),
        ("Выступила М П Смирнова.", True),
        ("Выступили Смирнова, Мария и Иванова Мария Петровна.", True),
        ("Выступила Мария Петровна.", True),
    ],
)
def test_each_phrase_is_tried_where_its_next_word_follows(text, found):
    withheld = split_name("data/mentors/smirnova-mp.yaml", "Смирнова Мария Петровна")
    published = (
        split_name("data/mentors/ivanova-mp.yaml", "Иванова Мария Петровна"),
        split_name("data/mentors/ivanova-smirnova-mp.yaml", "Иванова-Смирнова Мария Петровна"),
    )
    search = NameSearch.of(NamePolicy((withheld,), (), published))
    assert search.find(text) == _every_phrase_tried(search).find(text)
    assert bool(search.find(text)) is found


def _every_lead(search: NameSearch) -> re.Pattern[str]:
    """The quick pass as first written: a hit wherever a lead begins a word, even inside a longer one («на» of
    «наставник» for the initials «НА»)."""
    return re.compile(r"(?<!\w)(?:" + trie(search.patterns) + ")")


def _eager(search: NameSearch, read: str, lowered: str, section: str) -> dict:
    """The search as first written: at every name's beginning (:func:`_every_lead`) every phrase is tried,
    published names first, and each published name that matches masks the text it covers at once."""
    found: dict = {}
    skip_until = position = 0
    trigger = _every_lead(search)
    while (hit := trigger.search(lowered, position)) is not None:
        start = position = hit.start()
        position += 1
        if start < skip_until or (start and (lowered[start - 1].isalnum() or lowered[start - 1] == "_")):
            continue
        lead = hit.group(0)
        candidates = [p for end in range(1, len(lead) + 1) for p in search.patterns.get(lead[:end], ())]
        masked = 0
        for pattern in sorted(candidates, key=lambda p: p.rule is not None):
            if pattern.rule is None and pattern.section not in (None, section):
                continue
            match = pattern.regex.match(read, start)
            if match is not None and pattern.rule is None:
                masked = max(masked, match.end())
            elif match is not None and match.end() > masked:
                found.setdefault(pattern.rule, read.count("\n", 0, start) + 1)
        skip_until = max(skip_until, masked)
    return found


MIXED = tuple(
    Name(f"data/organizations/school-{i % 3}/mentors/m{i}.yaml", p[0][0], p[1][0], p[2][0])
    for i, p in enumerate(PEOPLE[:90])
)


@SETTINGS
@given(
    names=st.lists(
        st.tuples(
            st.one_of(st.sampled_from((1, 4, 7, 10, 13)), st.integers(0, 89)),  # (1, 4…: a published namesake)
            st.sampled_from(CASES),
            st.sampled_from(STYLES),
            st.sampled_from(NEIGHBOURS),
        ),
        min_size=1,
        max_size=6,
    ),
    section=st.sampled_from(("", "school-0", "school-1")),
)
def test_published_names_matched_only_when_a_forbidden_one_follows_mask_as_at_once(names, section):
    """Published names are matched (and compiled) only when a hit with a forbidden candidate comes after them: the
    findings, and their lines, are those of masking every published name where it stands, trying every phrase.
    A crowd of namesakes: a third published, a third withheld, a third minors (their surname alone is forbidden),
    and published names that a withheld person shares are masked only in their own section."""
    published, withheld, minors = MIXED[0::3], MIXED[1::3], MIXED[2::3]
    shared = tuple(
        replace(n, who=f"data/organizations/school-1/mentors/namesake-{i}.yaml", section="school-1")
        for i, n in enumerate(withheld[:5])
    )
    search = NameSearch.of(NamePolicy((*withheld, *minors), minors, (*published, *shared)))
    text = "Выступили " + "".join(written(PEOPLE[i], case, style) + between for i, case, style, between in names)
    read, lowered = readable(text)
    assert search.search_readable(read, lowered, section) == _eager(search, read, lowered, section), text


def test_the_quick_pass_hits_whole_words_but_after_a_dotted_initial():
    """A lead is a hit only as a whole word — the initials «МП» not in «МПС», a surname's form not inside a longer
    word — but «М.» is one before a surname glued to it."""
    search = NameSearch.of(NamePolicy((split_name(WHO, "Смирнова Мария Петровна"),), (), ()))
    assert search.trigger is not None
    hits = lambda text: [hit.group(0) for hit in search.trigger.finditer(readable(text)[1])]  # noqa: E731
    assert hits("Смирновская школа, МПС, Марияна, Мариям1, Смирнова_") == []
    assert hits("МП Смирнова") == ["мп", "смирнова"]
    assert hits("М.П.Смирнова") == ["м.", "смирнова"]
    for text in ("Выступила МП Смирнова.", "Выступила М П Смирнова.", "Выступила М.П.Смирнова.", "Смирнова МП"):
        assert search.find(text) == {Rule(WHO, WITHHELD): 1}, text
    assert search.find("Выступила МПСмирнова, в Смирновской школе.") == {}


def test_the_quick_pass_hits_the_longest_lead():
    """«О.» of «О. П. Смирнов» is a hit, though the surname «О», a lead too, is a whole word there: the longer lead
    is tried first, or Смирнов's phrases led by «о.» would never be tried."""
    smirnov = split_name(WHO, "Смирнов Олег Петрович")
    search = NameSearch.of(NamePolicy((smirnov, split_name("data/mentors/o.yaml", "О Анна Ивановна")), (), ()))
    assert search.find("Выступил О. П. Смирнов.") == {Rule(WHO, WITHHELD): 1}


GLUES = ("", " ", "ская", "а", "ов", "1", "_", ".", "-", ",", "\n", " и ")
INITIALS = ("ip s", "i p s", "i.s", "s ip")  # «МП Иванова», «М П Иванова», «М.П.Иванова», «Иванова МП»


def _written_more(person, case: int, style: str) -> str:  # type: ignore[no-untyped-def]
    """:func:`written`, and the initials without dots, or glued to the surname by their dots."""
    surname, first, patronymic, _ = person
    s, f, p = decline(surname, case), first[0][0], patronymic[0][0]
    more = {"ip s": f"{f}{p} {s}", "i p s": f"{f} {p} {s}", "i.s": f"{f}.{p}.{s}", "s ip": f"{s} {f}{p}"}
    return more[style] if style in more else written(person, case, style)


@SETTINGS
@given(
    person=people,
    case=st.sampled_from(CASES),
    style=st.sampled_from(STYLES + INITIALS),
    before=st.sampled_from(GLUES),
    inside=st.sampled_from(GLUES),
    after=st.sampled_from(GLUES),
    crowd_withheld=st.booleans(),
    section=st.sampled_from(("", "school-1")),
)
def test_a_lead_glued_to_a_longer_word_is_no_hit_and_nothing_is_missed(
    person, case, style, before, inside, after, crowd_withheld, section
):
    """The quick pass hits whole words only (and «М.» before anything): the findings, and their lines, are those of
    a hit wherever a lead begins a word (:func:`_every_lead`), for names glued to letters, digits and marks before,
    inside and after them, among namesakes withheld and published."""
    target = name_of(person)
    crowd = [
        n for n in MIXED if (n.surname, n.first, n.patronymic) != (target.surname, target.first, target.patronymic)
    ]
    withheld, minors = ((target, *crowd[:30]) if crowd_withheld else (target,)), tuple(crowd[60:])
    search = NameSearch.of(NamePolicy((*withheld, *minors), minors, tuple(crowd[30:60])))
    first, _, rest = _written_more(person, case, style).partition(" ")
    name = first + inside + (" " + rest if rest else "")
    text = f"На встрече выступил(а){before}{name}{after} — наставник года."
    every = replace(search, trigger=_every_lead(search), tried={}, remembered=[])
    assert search.find(text, section) == every.find(text, section), text


def test_a_name_beginning_inside_a_mask_masks_nothing():
    """«Иванова Мария Петровна Сидорова»: «Мария Петровна Сидорова», a published name too, begins inside Иванова's
    mask, so it is no name's beginning and does not hide «Сидорова» after it — the surname of a minor, Сидоров
    Пётр, in the genitive. Written alone, «Мария Петровна Сидорова» is hers, and masked."""
    pupil = split_name("data/mentors/sidorov-p.yaml", "Сидоров Пётр Олегович")
    policy = NamePolicy(
        (pupil,),
        (pupil,),
        (
            split_name("data/mentors/ivanova-mp.yaml", "Иванова Мария Петровна"),
            split_name("data/mentors/sidorova-mp.yaml", "Сидорова Мария Петровна"),
        ),
    )
    search = NameSearch.of(policy)
    for text in ("Иванова Мария Петровна Сидорова", "Мария Петровна Сидорова"):
        read, lowered = readable(text)
        assert search.search_readable(read, lowered) == _eager(search, read, lowered, ""), text
    assert search.find("Благодарим: Иванова Мария Петровна Сидорова") == {Rule(pupil.who, MINOR_SURNAME): 1}
    assert not search.find("Мария Петровна Сидорова")


def test_a_shorter_surname_in_a_file_name_is_searched_too():
    """«ivanova.jpg» holds «ivanov» + «a»: Иванов Алексей's slug, though «ivanova» is a surname of its own."""
    ivanov = split_name("data/mentors/ivanov-ap.yaml", "Иванов Алексей Петрович")
    ivanova = split_name("data/mentors/ivanova-mp.yaml", "Иванова Мария Петровна")
    search = NameSearch.of(NamePolicy((ivanov, ivanova), (), ()))
    assert {rule.who for rule in search.find_in_path("files/ivanova.jpg")} == {ivanov.who}
    assert ivanova.who in {rule.who for rule in search.find_in_path("files/m-ivanova.jpg")}
    assert search.find_in_path("files/petrova.jpg") == set()


BREAKS = '<>"=/\\|{}[]()#@%&*+^~`:;!?'
FILLERS = (
    " ", "\n", "\n\n", ", ", ". ", " — ", "-", "«", "»", "'", "\u00a0", "Спасибо ", "наставник ", " &amp; ", " %D0%98 ",
    "<b>", "</p>\n", "&#10;", "%0A", "m.", "a",
)  # fmt: skip


@SETTINGS
@given(
    person=people,
    case=st.sampled_from(CASES),
    style=st.sampled_from(STYLES),
    around=st.lists(st.sampled_from(tuple(BREAKS) + FILLERS), max_size=12),
    at=st.integers(min_value=0, max_value=12),
    section=st.sampled_from(("", "school-1", "school-2")),
)
def test_a_text_searched_piece_by_piece_finds_what_it_finds_whole(person, case, style, around, at, section):
    """The search reads a text in pieces between characters no name holds, and remembers each piece's findings
    (a site repeats its navigation on every page): the findings, and their lines, are those of the whole text."""
    target = name_of(person)
    crowd = [
        n for n in CROWD[:80] if (n.surname, n.first, n.patronymic) != (target.surname, target.first, target.patronymic)
    ]
    search = NameSearch.of(NamePolicy((target, *crowd[:40]), (), tuple(crowd[40:])))
    name = written(person, case, style)
    glued = "".join(around[:at]) + name + "".join(around[at:])  # perhaps glued to a word: then no name at all
    apart = "".join(around) + "\n" + name + "\n"
    for text in (glued, apart):
        read, lowered = readable(text)
        whole = search.search_readable(read, lowered, section)
        for _ in range(2):  # the second time from the pieces remembered
            assert search.find(text, section) == whole, text
    found = {rule.who for rule in search.find(apart, section)}
    published = NameSearch.of(NamePolicy(tuple(crowd[40:]), (), ()))  # «Журавлёва С. И.»: Журавлёв С. И.'s genitive
    assert WHO in found or published.find(name), apart


TRICKY = (
    "\n", "\n\n", "\r\n", " ", "  ", "<b>", "</p>", '<a title="', '">', ">", "<", "=", ".", ",", "&lt;", "&#10;",
    "&amp;#1048;", "&#1048;", "%D0%98", "%d1%91", "%0A", "%20", "m.", "M.", "C", "a", "p", "c.", "о", "Ив", "анова",
    "ё", "\u0301", "\u00a0", "\u202f", "№", "İ", "\u200b", "ｍ", "α",
)  # fmt: skip


AROUND_BREAKS = ("\n", "\n\n", " ", "M.", "c.", "Ив", "а,", "p")  # look-alikes and Cyrillic by line breaks, often


@settings(max_examples=400, deadline=None)
@given(bits=st.lists(st.one_of(st.sampled_from(TRICKY), st.sampled_from(AROUND_BREAKS)), max_size=40))
def test_a_text_read_line_by_line_reads_as_it_reads_whole(bits):
    """A page is read line by line, each line once per site: joined, the lines read as the whole text does
    (tags, entities, percent-escapes, NFKC), and look-alike letters are read as Cyrillic in the same texts —
    also where a look-alike stands by a Cyrillic letter on the next line («M.\\nИванова»)."""
    text = "".join(bits)
    raws = text.split("\n")
    decode = any(read_line(raw, False).percent for raw in raws)
    lines = [read_line(raw, decode) for raw in raws]
    joined = "\n".join(line.read for line in lines)
    assert joined == normalize(text)
    assert readable(text)[0] == (as_cyrillic(joined) if mixed(lines) else joined)


@pytest.mark.parametrize(
    "text",
    [
        "<p>Выступила:\nM.\nИванова</p>",  # a Latin «M», the surname on the next line
        "<p>Выступила:\nM.\n\nИванова</p>",  # … after an empty line
        '<li class="x">\n  Иванова\nM.</li>',  # an initial after the line break
        "<p>Ивaнова\nМария</p>",  # a Latin «a» in the surname, the first name on the next line
    ],
)
def test_a_name_with_look_alike_letters_across_lines_is_found(text):
    withheld = split_name("data/mentors/ivanova-mp.yaml", "Иванова Мария Петровна")
    search = NameSearch.of(NamePolicy((withheld,), (), ()))
    frame = '<nav class="md-nav">\n  <a href="/x/">Главная</a>\n</nav>\n'
    for page in (frame + text, frame + text.upper().replace("<P>", "<p>")):  # the frame's lines remembered
        assert search.find(page), page


def test_a_remembered_line_is_searched_again_in_another_section():
    """Lines are remembered for the whole site, what they hold for one section at a time: a name a withheld
    person shares is masked only in the consenting person's own section, wherever it stands in a line."""
    withheld = split_name("data/organizations/school-2/mentors/ivanova-mp.yaml", "Иванова Мария Петровна")
    consenting = split_name("data/organizations/school-1/mentors/ivanova-mp.yaml", "Иванова Мария Петровна")
    search = NameSearch.of(NamePolicy((withheld,), (), (consenting,)))
    lines = (
        "Выступила Иванова Мария Петровна",
        '<a href="/m/" title="x">Выступила Иванова Мария Петровна</a>',
        '<span data-x="1" title="Иванова Мария Петровна" class="y">',
        "<p>Выступила\nИванова Мария\nПетровна</p>",
    )
    for text in lines:
        for section, found in (("school-1", False), ("school-2", True), ("school-1", False), ("", True)):
            page = f'<header class="md-header">\n  <a href="/">Главная</a>\n</header>\n{text}\n<footer>\n</footer>'
            assert bool(search.find(page, section)) is found, (text, section)


def test_two_sections_searched_at_once_keep_their_own_masks():
    """A search serving two threads (a preview's rebuild beside a check) never lends one section's findings to
    the other: a name a withheld person shares stays masked in the consenting person's section only."""
    import sys
    import threading

    withheld = split_name("data/organizations/school-2/mentors/ivanova-mp.yaml", "Иванова Мария Петровна")
    consenting = split_name("data/organizations/school-1/mentors/ivanova-mp.yaml", "Иванова Мария Петровна")
    search = NameSearch.of(NamePolicy((withheld,), (), (consenting,)))
    wrong: list[tuple[str, int]] = []

    def run(section: str, found: bool) -> None:
        for n in range(300):  # new pieces each time: each is searched, not only looked up
            page = f'<p class="n{n}">\n  Выступила Иванова Мария Петровна, {n}\n</p>'
            if bool(search.find(page, section)) is not found:
                wrong.append((section, n))

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=run, args=args) for args in (("school-1", False), ("school-2", True))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert not wrong
