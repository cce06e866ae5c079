"""The flat spreadsheet layout of a roadmap (:mod:`.flat`): one row per item, the sheets and the
«Сведения» fields. Shared by the exports (:mod:`generator.render`) and the importers
(:mod:`generator.importers`), so an exported workbook imports back into the same roadmap."""
