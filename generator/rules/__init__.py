"""Stage 2, the rules: loaded records become typed models (:mod:`.validate`, pydantic's errors in Russian)
and are checked across records (:mod:`.context` says against what) — references (:mod:`.references`),
consent (:mod:`.consents`), files and pictures (:mod:`.files`, :mod:`.images`), roadmap deadlines and
staleness (:mod:`.roadmaps`) — and the people policy of 152-ФЗ (:mod:`.people`): who is published, by
which name, and whose names must never appear."""
