"""The outcome of the last ``nastavnik build``, kept beside the portal so that ``deploy`` can trust ``site/``.

``build()`` records every outcome (:func:`recorded`); ``nastavnik deploy`` refuses to publish when the
last build failed or when there is no record at all. The file is small JSON and is not committed
(``.gitignore``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import subprocess
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

from generator.errors import NastavnikError

STATUS_FILE = ".nastavnik-build.json"

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class BuildStatus:
    ok: bool
    finished: str  # ISO date and time, local
    commit: str | None  # git HEAD at the time of the build, when the portal is a git repository
    message: str = ""


def status_path(root: Path) -> Path:
    return root / STATUS_FILE


def record(root: Path, ok: bool, message: str = "") -> None:
    status = BuildStatus(ok, dt.datetime.now().isoformat(timespec="seconds"), head_commit(root), message)
    with contextlib.suppress(OSError):  # a read-only checkout still builds; deploy then asks for a build it can trust
        status_path(root).write_text(json.dumps(asdict(status), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def read(root: Path) -> BuildStatus | None:
    try:
        data = json.loads(status_path(root).read_text(encoding="utf-8"))
        return BuildStatus(bool(data["ok"]), str(data["finished"]), data.get("commit"), str(data.get("message", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def head_commit(root: Path) -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--verify", "-q", "HEAD"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return (out.stdout.strip() or None) if out.returncode == 0 else None


def recorded(build: F) -> F:
    """Decorate ``build(project, …)``: write the outcome to :data:`STATUS_FILE`, success or failure."""

    @functools.wraps(build)
    def wrapper(project: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            report = build(project, *args, **kwargs)
        except NastavnikError as exc:
            record(project.root, ok=False, message=exc.user_message().splitlines()[-1] if str(exc) else "")
            raise
        except BaseException as exc:
            record(project.root, ok=False, message=type(exc).__name__)
            raise
        record(project.root, ok=True)
        return report

    return wrapper  # type: ignore[return-value]
