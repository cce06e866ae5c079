"""The pipeline that the command line runs: ``check`` (load → validate → Portal), ``build`` (a plan of
sections → render → engine → checks → an atomic swap of ``site/``, :mod:`.build`), what the last build
left for ``deploy`` (:mod:`.status`) and the deploy itself (:mod:`.deploy`). Nothing below imports it."""
