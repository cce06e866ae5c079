"""Stage 3, the portal: one immutable model of everything a site shows (:mod:`.portal`; its views in
:mod:`.views`, a roadmap's in :mod:`.roadmaps`), made from the checked records, with the roadmap's
periods and statuses as of the build date (:mod:`.schedule`).
Templates read only this (through the page contexts of :mod:`generator.render`)."""
