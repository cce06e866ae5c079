"""The search index as UTF-8: Cyrillic stored as letters, not ``\\uXXXX`` escapes.

mkdocs-material's search plugin writes ``search/search_index.json`` with ``json.dumps``' default
``ensure_ascii=True``: every Cyrillic letter becomes six bytes (``\\u043d``) instead of two. Our
plugin rewrites the file after the search plugin has written it (``on_post_build``, lower priority);
the browser reads the same JSON, so search works as before, and the index is about half the size.
"""

from __future__ import annotations

import json
from pathlib import Path

INDEX = Path("search") / "search_index.json"


def rewrite_utf8(site_dir: Path) -> int | None:
    """Rewrite ``site_dir``'s search index without escapes; return its new size in bytes (None: no index)."""
    path = site_dir / INDEX
    if not path.is_file():
        return None
    data = json.loads(path.read_bytes())
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = text.encode("utf-8")
    path.write_bytes(payload)
    return len(payload)
