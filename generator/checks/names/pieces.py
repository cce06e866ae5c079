"""What reading a site file gives the search for names: its texts (:class:`Piece`), or why it was not read
to the end (:class:`Unread`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    """A text of the site file ``rel``: the file itself, or a part of it (``where``: page, archive member)."""

    rel: str
    where: str | None
    text: str
    path: bool = False  # a file name, not a file's content
    lines: bool = False  # an uploaded text file (TXT, CSV, Markdown…), where a line number means something


@dataclass(frozen=True)
class Unread:
    """A file the search could not read to the end (``error``: not published) or at all (PDF without text)."""

    rel: str
    reason: str
    hint: str
    error: bool = True
