"""An imported roadmap's id: ``dk-2024-2025`` from «Дорожная карта … на 2024-2025 учебный год».

Ids are file names and URL parts (``/roadmap/<id>/``): Latin small letters, digits and hyphens.
Russian words are transliterated by the passport scheme of :mod:`generator.translit` (ГОСТ Р 52535.1-2006:
й → i, ю → iu, я → ia), as the importer always has: a document imported again gets the same id.
"""

from __future__ import annotations

import re

from pydantic import TypeAdapter, ValidationError

from generator import translit
from generator.models.common import Id

_ID = TypeAdapter(Id)


def transliterate(text: str) -> str:
    """«Школа № 12» → ``shkola-12`` (the passport scheme, :data:`generator.translit.PASSPORT`)."""
    return translit.slug(text, translit.PASSPORT)


def derive_id(title: str, period: str | None) -> str:
    """``dk-<period>`` for a «Дорожная карта», else the title's first words and the period."""
    if re.search(r"дорожн\w*\s+карт", title, re.IGNORECASE):
        base = "dk"
    else:
        words = [w for w in transliterate(re.sub(r"\d", " ", title)).split("-") if len(w) > 2][:3]
        base = "-".join(words) or "roadmap"
    roadmap_id = f"{base}-{transliterate(period or '')}".strip("-")[:80].rstrip("-")
    return roadmap_id if valid_id(roadmap_id) else "roadmap"


def valid_id(text: str) -> bool:
    try:
        _ID.validate_python(text)
    except ValidationError:
        return False
    return True
