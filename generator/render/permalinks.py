"""The «¶» links beside headings stay for the mouse but leave the keyboard's Tab order.

Markdown's table of contents puts a permalink after every heading; each was a Tab stop, so a keyboard
user passed an extra invisible-looking «¶» for every section. ``tabindex="-1"`` keeps them clickable.
"""

from __future__ import annotations

import re

_PERMALINK = re.compile(r'<a class="headerlink"(?![^>]*\btabindex=)')


def untabbed_permalinks(html: str) -> str:
    """``html`` with ``tabindex="-1"`` on every heading permalink (``<a class="headerlink" …>``)."""
    return _PERMALINK.sub('<a class="headerlink" tabindex="-1"', html)
