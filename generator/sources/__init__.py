"""Stage 1, the sources: a portal's files read as they are on disk. YAML with the line of every value
(:mod:`.load`, parsed by :mod:`.yaml_parse`, its errors in Russian in :mod:`.yaml_errors`), front matter of
Markdown, which files of ``data/`` and ``content/`` exist (:mod:`.files`), the editors' own pages
(:mod:`.content_pages`) and what they upload into ``content/`` (:mod:`.uploads`). Nothing here knows the models
or the site."""
