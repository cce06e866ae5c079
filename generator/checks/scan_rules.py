"""What the scans of HTML and XML (:mod:`generator.checks.scan`) look for, whatever parsed the file.

An element is seen as its lower-cased tag and its attributes; each finding is a pair
(Russian message, hint) naming what was found and where on the page it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from generator.render.markup import embed_allowed

CONTENT_AREA = "md-content__inner"
FEED_HTML = {"description", "encoded", "summary", "content"}  # RSS/Atom elements whose text is HTML
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "codebase",
    "ping", "lowsrc", "dynsrc", "manifest", "icon", "longdesc", "profile", "srcset", "imagesrcset", "to",
    "values", "from", "by",
}  # fmt: skip
FORBIDDEN_TAGS = {"object", "embed", "applet", "base", "frame", "frameset", "portal", "import"}
# Parsed as raw text or as elements depending on where they stand and on scripting: the way mutation XSS hides.
AMBIGUOUS_IN_CONTENT = {"noscript", "noembed", "noframes", "xmp", "plaintext", "template", "math", "textarea"}
ANIMATION_TAGS = {"animate", "set", "animatemotion", "animatetransform"}
SUSPECT_TAGS = frozenset(
    FORBIDDEN_TAGS | AMBIGUOUS_IN_CONTENT | ANIMATION_TAGS | {"script", "iframe", "form", "meta", "style", "link"}
)
BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|data|livescript|mocha):", re.IGNORECASE)
INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]+")
BAD_CSS = re.compile(r"expression\s*\(|javascript:|vbscript:|-moz-binding|behavior\s*:", re.IGNORECASE)

Finding = tuple[str, str]
Snippet = str | Callable[[], str]  # the markup shown in a finding, made only when there is one


@dataclass(frozen=True)
class Embeds:
    """Hosts whose iframes may appear in content (``plugins: nastavnik: embed_hosts`` in mkdocs.yml)."""

    hosts: tuple[str, ...]

    def allows(self, url: str) -> bool:
        return embed_allowed(url.strip(), self.hosts)


def attribute_findings(attributes: Mapping[str, str | None], snippet: Snippet, in_content: bool) -> Iterator[Finding]:
    """Handlers, ``javascript:``/``data:`` addresses, executable CSS and ``srcdoc`` among ``attributes``."""
    for name, value in attributes.items():
        local = name.rsplit("}", 1)[-1].lower()
        value = value or ""
        if local.startswith("on"):
            yield finding(f"обработчик события {local}=", snippet, in_content)
        elif local in URL_ATTRIBUTES or local.endswith("href"):
            if any(BAD_SCHEME.match(INVISIBLE.sub("", part)) for part in urls(local, value)):
                shown = "xlink:href" if name.startswith("{http://www.w3.org/1999/xlink}") else local
                yield finding(f"адрес javascript:/data: в атрибуте {shown}", snippet, in_content)
        elif local == "style" and BAD_CSS.search(value):
            yield finding("стиль с выполняемым кодом", snippet, in_content)
        elif local == "srcdoc":
            yield finding("атрибут srcdoc (страница внутри страницы)", snippet, in_content)


def element_findings(
    tag: str, attributes: Mapping[str, str | None], text: str, snippet: Snippet, in_content: bool, embeds: Embeds
) -> Iterator[Finding]:
    """An element that is suspect whatever its attributes (scripts are judged by the caller)."""
    get = {key.rsplit("}", 1)[-1].lower(): value or "" for key, value in attributes.items()}.get
    if tag in FORBIDDEN_TAGS or (in_content and tag in AMBIGUOUS_IN_CONTENT):
        yield finding(f"элемент <{tag}>", snippet, in_content)
    elif tag == "iframe":
        src = get("src")
        if get("srcdoc") is not None or not src or not embeds.allows(src) or get("sandbox") is None:
            yield finding("встроенный фрейм не с разрешённого сайта или без sandbox", snippet, in_content)
    elif tag == "meta" and (get("http-equiv") or "").strip().lower() == "refresh":
        yield finding("автоматический переход <meta http-equiv=refresh>", snippet, in_content)
    elif tag == "style" and BAD_CSS.search(text):
        yield finding("стиль с выполняемым кодом", snippet, in_content)
    elif tag == "link" and "import" in (get("rel") or "").lower():
        yield finding("подключение <link rel=import>", snippet, in_content)
    elif tag in ANIMATION_TAGS and (get("attributename") or "").lower() in ("href", "xlink:href"):
        yield finding("анимация SVG, меняющая адрес ссылки", snippet, in_content)


def urls(name: str, value: str) -> list[str]:
    if name in ("srcset", "imagesrcset"):
        return [candidate.strip().split(" ")[0] for candidate in value.split(",")]
    if name in ("values",):
        return value.split(";")
    return [value]


def finding(what: str, snippet: Snippet, in_content: bool) -> Finding:
    if callable(snippet):
        snippet = snippet()
    where = "в тексте страницы" if in_content else "в оформлении страницы"
    if in_content:
        hint = "уберите это из текста в data/ или content/: разрешены Markdown и безопасный HTML; сайт не обновлён"
    else:
        hint = (
            "если это часть оформления, запишите скрипт в шаблон theme/ или файл theme/assets/ "
            "(см. generator/trusted.py); сайт не обновлён"
        )
    return f"{where} найдено выполняемое содержимое — {what}: «{' '.join(snippet.split())[:120]}»", hint
