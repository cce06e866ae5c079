"""What the theme may put into a page: its inline scripts and forms. Everything else is suspect.

The post-build check (:mod:`generator.checks.scan`) fails the build on any script, event handler or
form that the theme did not produce. "The theme" is read from the template folders MkDocs uses
(mkdocs-material's ``templates/``, the generator's ``theme/`` overrides and the portal's own
``custom_dir``), so an upgrade of mkdocs-material or a change of our overrides needs no list to
be kept by hand:

* an inline ``<script>…</script>`` written literally in one of those templates (or brought in
  whole with ``{% include "partials/x.js" %}``) is trusted as written; a ``{{ expression }}``
  inside it may stand only inside a JavaScript string literal and matches a run of characters
  without quotes, backslashes or angle brackets;
* ``<script src>`` is trusted when it loads a file of the site's ``assets/`` that the theme
  shipped (not one uploaded into ``content/assets/``) — mkdocs-material's bundle, its search
  worker, our ``theme/assets/*.js``;
* a ``<form>`` whose class appears on a ``<form>`` of those templates (mkdocs-material's search,
  palette, feedback and cookie-consent forms) is trusted outside the page's content.

To add an inline script of our own: write it literally into a template of ``theme/`` (keep it
small, with no data in it). Inline event handlers (``onclick=…``) are never trusted: attach
handlers from a file in ``theme/assets/``. A script that cannot be written literally can be
registered in :data:`EXTRA_INLINE_SCRIPTS` as a regular expression over its whitespace-collapsed
text, with a comment saying where it comes from.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.filetypes import visible_files

OWN_TEMPLATE_DIRS: tuple[str, ...] = (str(Path(__file__).resolve().parents[1] / "templates" / "admin"),)
"""The generator's own page templates outside the theme (``/admin/``): their literal scripts are trusted too."""

EXTRA_INLINE_SCRIPTS: tuple[str, ...] = ()
"""Regular expressions (full match, whitespace collapsed) for inline scripts no template holds literally."""

INERT_SCRIPT_TYPES = {"application/json", "application/ld+json"}
UNTRUSTED_TEMPLATES = {"redirect.html"}
"""mkdocs-material templates whose scripts are not trusted: a redirect to an address from a page's front matter."""

MIN_LITERAL = 20  # characters of a trusted inline script that are not template expressions
"""``<script type=…>`` blocks that browsers never run (data for the page's JavaScript)."""

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_FORM = re.compile(r"<form\b([^>]*)>", re.IGNORECASE)
_CLASS = re.compile(r"""\bclass\s*=\s*["']([^"'{}]*)["']""", re.IGNORECASE)
_INCLUDE = re.compile(r"""\{%-?\s*include\s+["']([^"']+)["']\s*-?%\}""")
_JINJA_EXPR = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_JINJA_OTHER = re.compile(r"\{[%#].*?[%#]\}", re.DOTALL)
_HOLE = r"""[^"'`\\<>\n]*?"""


def collapse(text: str) -> str:
    """Whitespace runs → one space, ends trimmed: the form scripts are compared in."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Trusted:
    inline: tuple[re.Pattern[str], ...]
    form_classes: frozenset[str]

    def allows_inline(self, text: str) -> bool:
        body = collapse(text)
        return any(pattern.fullmatch(body) for pattern in self.inline)

    def allows_form(self, classes: str) -> bool:
        return bool(set(classes.split()) & self.form_classes)


def trusted(template_dirs: Iterable[str | Path]) -> Trusted:
    """The trusted inline scripts and forms of the templates in ``template_dirs``."""
    return _trusted(tuple(str(Path(d).resolve()) for d in template_dirs if Path(d).is_dir()))


@lru_cache(maxsize=8)
def _trusted(dirs: tuple[str, ...]) -> Trusted:
    patterns: dict[str, re.Pattern[str]] = {}
    classes: set[str] = set()
    for folder in dirs:
        for rel in sorted(visible_files(folder)):  # not .icons/: 14,000 SVG files, no templates
            path = Path(folder) / rel
            if path.name.startswith(".") or not path.name.endswith((".html", ".html.j2")):
                continue
            text = path.read_text("utf-8", errors="replace")
            if path.name in UNTRUSTED_TEMPLATES:
                continue
            for attrs, raw_body in _SCRIPT.findall(text):
                body = _INCLUDE.sub(lambda m: _included(dirs, m.group(1)), raw_body)
                if "src" in attrs.lower() or "type" in attrs.lower() or _JINJA_OTHER.search(body):
                    continue  # loaded from a file, a data block (checked by type), or not literal
                regex = _script_regex(body)
                if regex is None:
                    continue
                patterns.setdefault(regex, re.compile(regex, re.DOTALL))
            for attrs in _FORM.findall(text):
                match = _CLASS.search(attrs)
                if match:
                    classes.update(match.group(1).split()[:1])  # the block class: md-search__form
    for regex in EXTRA_INLINE_SCRIPTS:
        patterns.setdefault(regex, re.compile(regex, re.DOTALL))
    return Trusted(tuple(patterns.values()), frozenset(classes))


def _included(dirs: tuple[str, ...], name: str) -> str:
    """The text of a template included into a script (``{% include "partials/nv-head.js" %}``)."""
    for folder in dirs:
        path = Path(folder) / name
        if path.is_file() and Path(folder) in path.resolve().parents:
            return path.read_text("utf-8", errors="replace")
    return "{% include %}"  # not found: the script stays untrusted


def _script_regex(body: str) -> str | None:
    """A template's script body → a regex over the rendered, whitespace-collapsed script.

    None when an expression stands outside a string literal (``{{ x }}`` alone could be any code) or
    when the script is mostly expressions.
    """
    body = collapse(body)
    literal = _JINJA_EXPR.split(body)
    for match in _JINJA_EXPR.finditer(body):
        before, after = body[match.start() - 1 : match.start()], body[match.end() : match.end() + 1]
        if before not in ("'", '"') or after != before:
            return None
    if sum(len(part) for part in literal) < MIN_LITERAL:
        return None
    return _HOLE.join(re.escape(part) for part in literal)
