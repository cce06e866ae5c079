"""For developers, not needed to build a portal: synthetic portals of any size (:mod:`.synthetic`,
``nastavnik new --synthetic N``) and the benchmark against plain mkdocs-material (:mod:`.bench`, ``make bench``)."""
