"""The files MkDocs is about to publish, checked once the theme's and the plugins' are among them.

* A file of ``content/`` (``docs_dir``) in the place of one the theme ships or a plugin writes stops
  the build (:mod:`generator.sources.uploads` says which places those are). MkDocs itself would let the
  upload win over the theme's file, silently.
* Photos withheld for lack of consent (``Portal.withheld_files``) are left out wherever else they
  appear: through a symbolic link (a linked folder) or a hard link to the same file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from generator.sources.uploads import collision, collision_hint


def refuse_collisions(files: Files, config: MkDocsConfig) -> None:
    """Stop the build when an editor's file would replace the theme's or a plugin's (both paths named)."""
    docs = Path(config.docs_dir).resolve()
    messages = []
    for file in files:
        if file.generated_by is not None or file.is_documentation_page() or file.abs_src_path is None:
            continue
        source = Path(file.abs_src_path)
        if source.parent.resolve() != docs and docs not in source.parent.resolve().parents:
            continue  # the theme's own file
        replaced = collision(file.dest_uri, config.theme.dirs)
        if replaced:
            messages.append(f"{_content_path(config, file)}: файл занял бы место: {replaced} — {collision_hint()}")
    if messages:
        raise PluginError("\n" + "\n".join(messages))


def _content_path(config: MkDocsConfig, file: File) -> str:
    root = Path(config.config_file_path).resolve().parent
    path = Path(config.docs_dir).resolve() / file.src_uri
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def withheld_copies(files: Files, content_dir: Path, withheld: Iterable[str]) -> list[File]:
    """The files of ``files`` that are a withheld photo: by its path, or leading to the same file (any link)."""
    withheld = tuple(withheld)
    found = [f for f in (files.get_file_from_path(rel) for rel in withheld) if f is not None]
    identities = {_identity(content_dir / rel) for rel in withheld} - {None}
    for file in files:
        if file in found or file.abs_src_path is None or file.generated_by is not None:
            continue
        if _identity(Path(file.abs_src_path)) in identities:
            found.append(file)
    return found


def _identity(path: Path) -> tuple[int, int] | None:
    """The file a path leads to, through any links: (device, inode)."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino
