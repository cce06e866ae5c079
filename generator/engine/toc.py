"""The page's contents (MkDocs' ``page.toc``) rebuilt from its headings, for pages made from data."""

from __future__ import annotations

from mkdocs.structure.toc import AnchorLink, TableOfContents


def contents(old: TableOfContents, headings: list[tuple[int, str, str]]) -> TableOfContents:
    """``old``'s page title (level 1) with every ``(level, id, title)`` of ``headings`` under it, h3 under h2."""
    top = [link for link in old if link.level == 1]
    tops: list[AnchorLink] = []
    for level, anchor, title in headings:
        link = AnchorLink(title, anchor, level)
        if level == 3 and tops:
            tops[-1].children.append(link)
        else:
            tops.append(link)
    if top:
        top[0].children = tops
        return TableOfContents(top)
    return TableOfContents(tops)
