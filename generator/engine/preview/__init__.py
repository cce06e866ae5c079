"""``nastavnik serve``: the live preview, re-rendering only the pages an edit of ``data/`` touches.

:mod:`.snapshot` says what a rebuild must redo, :mod:`.marks` tells MkDocs (a plugin added by the preview),
:mod:`.rebuild` runs one rebuild and checks it, :mod:`.server` watches the files and serves the site.
"""
