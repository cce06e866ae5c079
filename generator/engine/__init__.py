"""Everything MkDocs-specific, behind the plugin (:mod:`.plugin`, its configuration in :mod:`.config`):
it hands MkDocs the rendered pages, escapes what mkdocs-material prints as it is (:mod:`.hardening`),
writes the search index in UTF-8 (:mod:`.search_index`), keeps content from replacing theme files
(:mod:`.publish_guard`) and stops another engine (:mod:`.guard`). The checks it runs on pages as they
are written come ready-made from :mod:`generator.checks`."""
