"""What the cross-record rules are checked against: where the portal lives and which date the build is for."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.project import ORGANIZATIONS


@dataclass(frozen=True)
class Context:
    """Where the portal lives and which date the build is for."""

    root: Path
    content_dir: Path
    today: dt.date
    data_dir: Path | None = None  # ``data/`` unless an organization of a district: ``data/organizations/<org>/``

    @property
    def data(self) -> str:
        """``data/`` (or ``data/organizations/<org>/``) as written in messages."""
        return _label(self.root, self.data_dir or self.root / "data")

    @property
    def content(self) -> str:
        """``content/`` (or ``content/organizations/<org>/``) as written in messages."""
        return _label(self.root, self.content_dir)

    @property
    def others(self) -> tuple[Path, ...]:
        """Folders of ``content/`` checked elsewhere: a district's organizations check their own."""
        own_data = self.data_dir is None or self.data_dir == self.root / "data"
        organizations = self.content_dir / ORGANIZATIONS
        return (organizations,) if own_data and (self.root / "data" / ORGANIZATIONS).is_dir() else ()


def _label(root: Path, folder: Path) -> str:
    try:
        return folder.relative_to(root).as_posix() + "/"
    except ValueError:
        return folder.as_posix() + "/"
