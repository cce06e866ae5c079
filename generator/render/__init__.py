"""Stage 4, rendering: page contexts (:mod:`.contexts`) and Jinja2 templates to Markdown pages
(:mod:`.pages`, with :mod:`.home`, :mod:`.mentors` and :mod:`.stats`; the news additions in :mod:`.news`),
the roadmap's month-by-month timeline (:mod:`.timeline`), Markdown fields made safe (:mod:`.markup`),
charts as SVG and the exports — ICS, XLSX, CSV, JSON (:mod:`.exports`, :mod:`.tables`)."""
