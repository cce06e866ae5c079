"""Only MkDocs builds a portal: another engine stops before it writes anything.

The checks that keep a person without consent off the site run in our MkDocs plugin. An engine that
ignores MkDocs plugins (Zensical, mkdocs-material's successor, reads ``mkdocs.yml`` but runs none of
them) would publish the editors' pages unchecked and without the section's pages. So ``mkdocs.yml``
holds one value (:data:`generator.sources.config.GUARD_LINE`) that is computed while the file is read,
by :func:`require_mkdocs`: under MkDocs it is just the engine's name; under any engine that has loaded a
module of its own in place of MkDocs, it stops the program with a Russian message. An engine that cannot
compute the value at all fails on reading it.
"""

from __future__ import annotations

import sys

FOREIGN_ENGINES = ("zensical",)
MESSAGE = (
    "Этот сайт собирается только командой «nastavnik build» (или «mkdocs build»): {engine} не запускает "
    "плагин «Наставника», а без него на сайт попали бы страницы без проверки согласий на публикацию "
    "персональных данных. Ничего не записано. Соберите сайт командой nastavnik build."
)


def require_mkdocs() -> str:
    """The engine reading ``mkdocs.yml``: «mkdocs», or a stop with a Russian message for any other."""
    for engine in FOREIGN_ENGINES:
        if engine in sys.modules:
            raise SystemExit(MESSAGE.format(engine=engine.capitalize()))
    return "mkdocs"
