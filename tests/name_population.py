"""A fictional population of Russian names of every declension type, and their case forms by our own rules
(independent of the generator's: the test declines, the guard must recognise)."""

from __future__ import annotations

CASES = range(6)  # именительный, родительный, дательный, винительный, творительный, предложный

# (nominative, oblique stem, endings for the six cases)
_CONS = ("", "а", "у", "а", "ом", "е")
_I = ("й", "я", "ю", "я", "ем", "е")
_II = ("ий", "ия", "ию", "ия", "ием", "ии")
_SOFT = ("ь", "я", "ю", "я", "ем", "е")


def _a(stem: str) -> tuple[str, ...]:
    gen = "и" if stem[-1] in "гкхжчшщ" else "ы"
    ins = "ей" if stem[-1] in "жчшщц" else "ой"
    return ("а", gen, "е", "у", ins, "е")


MALE_FIRST = [(w, w, _CONS) for w in ("Иван", "Артём", "Глеб", "Богдан", "Роман", "Степан", "Захар",
                                       "Тимур", "Олег", "Денис", "Руслан", "Всеволод", "Ярослав", "Филипп")]  # fmt: skip
MALE_FIRST += [("Павел", "Павл", _CONS), ("Лев", "Льв", _CONS), ("Пётр", "Петр", _CONS)]  # fleeting vowels
MALE_FIRST += [(w, w[:-1], _I) for w in ("Андрей", "Сергей", "Матвей", "Тимофей", "Алексей", "Николай")]
MALE_FIRST += [(w, w[:-2], _II) for w in ("Георгий", "Виталий", "Юрий", "Дмитрий", "Анатолий", "Евгений")]
MALE_FIRST += [(w, w[:-1], _SOFT) for w in ("Игорь",)]
MALE_FIRST += [(w, w[:-1], _a(w[:-1])) for w in ("Никита", "Кузьма", "Фома")]
MALE_FIRST += [("Илья", "Иль", ("я", "и", "е", "ю", "ей", "е"))]

FEMALE_FIRST = [(w, w[:-1], _a(w[:-1])) for w in ("Анна", "Ольга", "Вера", "Нина", "Елена", "Ирина", "Светлана",
                                                  "Галина", "Алла", "Полина", "Варвара", "Алёна")]  # fmt: skip
FEMALE_FIRST += [(w, w[:-2], ("ия", "ии", "ии", "ию", "ией", "ии")) for w in ("Мария", "Валерия", "Виктория", "Юлия")]
FEMALE_FIRST += [(w, w[:-2], ("ья", "ьи", "ье", "ью", "ьей", "ье")) for w in ("Дарья", "Наталья", "Софья")]
FEMALE_FIRST += [("Любовь", "Люб", ("овь", "ви", "ви", "овь", "овью", "ви"))]  # a fleeting vowel

FATHERS = ["Иван", "Пётр", "Сергей", "Андрей", "Олег", "Николай", "Степан", "Павел", "Роман", "Глеб", "Денис"]


def patronymic(father: str, male: bool) -> tuple[str, str, tuple[str, ...]]:
    base = {"Сергей": "Сергее", "Андрей": "Андрее", "Николай": "Николае", "Павел": "Павло", "Пётр": "Петро"}.get(
        father, father + "о"
    )
    if male:
        return (base + "вич", base + "вич", (*_CONS[:4], "ем", "е"))
    return (base + "вна", base + "вн", _a(base + "вн"))


_FEM = ("а", "ой", "ой", "у", "ой", "ой")
_MASC_POSS = ("", "а", "у", "а", "ым", "е")
_FIXED = ("",) * 6


def surnames(male: bool) -> list[tuple[str, str, tuple[str, ...]]]:
    """(nominative, stem, endings) of every type of surname, in the gender asked."""
    found = []
    for base in ("Колосов", "Лебедев", "Ильин", "Птицын", "Воробьёв", "Грачёв", "Зайцев", "Мельников", "Орехов",
                 "Синицын", "Кузнецов", "Белкин", "Фомин", "Журавлёв", "Тетерин", "Комаров", "Рябинин"):  # fmt: skip
        found.append((base, base, _MASC_POSS) if male else (base + "а", base, _FEM))
    for stem in ("Достоевск", "Вишневск", "Ковальск", "Белоцерковск", "Трубецк"):
        found.append(
            (stem + "ий", stem, ("ий", "ого", "ому", "ого", "им", "ом"))
            if male
            else (stem + "ая", stem, ("ая", "ой", "ой", "ую", "ой", "ой"))
        )
    for stem in ("Толст", "Крут", "Полев"):
        found.append(
            (stem + "ой", stem, ("ой", "ого", "ому", "ого", "ым", "ом"))
            if male
            else (stem + "ая", stem, ("ая", "ой", "ой", "ую", "ой", "ой"))
        )
    for word in ("Черных", "Седых", "Долгих", "Шевченко", "Бондаренко", "Живаго", "Дурново", "Гюго"):
        found.append((word, word, _FIXED))
    for word in ("Кох", "Шмидт", "Гусак", "Рябчук"):
        found.append((word, word, _CONS) if male else (word, word, _FIXED))
    for word, stem, endings in (("Соловей", "Соловь", ("ей", "я", "ю", "я", "ем", "е")), ("Кравец", "Кравц", _CONS),
                                ("Журавель", "Журавл", ("ель", "я", "ю", "я", "ем", "е"))):  # fmt: skip
        found.append((word, stem, endings) if male else (word, word, _FIXED))
    for word in ("Гроза", "Берёза", "Кочерга"):
        found.append((word, word[:-1], _a(word[:-1])))
    return found


def decline(entry: tuple[str, str, tuple[str, ...]], case: int) -> str:
    nominative, stem, endings = entry
    return nominative if case == 0 else stem + endings[case]


def double(a: tuple[str, str, tuple[str, ...]], b: tuple[str, str, tuple[str, ...]], case: int) -> str:
    return f"{decline(a, case)}-{decline(b, case)}"


def population() -> list[tuple[str, str, str, bool]]:
    """(surname, first, patronymic, male) of several hundred fictional people; surname etc. in the nominative."""
    people = []
    for male in (True, False):
        firsts = MALE_FIRST if male else FEMALE_FIRST
        names = surnames(male)
        for i, surname in enumerate(names):
            for j in range(4):
                first = firsts[(i * 5 + j * 7) % len(firsts)]
                father = FATHERS[(i + j * 3) % len(FATHERS)]
                people.append((surname, first, patronymic(father, male), male))
    return people  # type: ignore[return-value]


STYLES = ("s f p", "f p s", "f s", "s f", "s i", "i s", "f p")


def written(person, case: int, style: str, second_surname=None) -> str:  # type: ignore[no-untyped-def]
    """The person's name in ``case``, as ``style`` writes it («s i»: surname and initials after it)."""
    surname_entry, first_entry, patronymic_entry, _ = person
    s = double(surname_entry, second_surname, case) if second_surname else decline(surname_entry, case)
    f, p = decline(first_entry, case), decline(patronymic_entry, case)
    initials = f"{first_entry[0][0]}. {patronymic_entry[0][0]}."
    return {
        "s f p": f"{s} {f} {p}",
        "f p s": f"{f} {p} {s}",
        "f s": f"{f} {s}",
        "s f": f"{s} {f}",
        "s i": f"{s} {initials}",
        "i s": f"{initials} {s}",
        "f p": f"{f} {p}",
    }[style]
