"""Stage 2, the rules: loaded records become typed models (:mod:`.validate`, pydantic's errors in Russian)
and are checked across records — references, files and pictures (:mod:`.references`, :mod:`.images`),
roadmap deadlines and staleness (:mod:`.roadmaps`) and the people policy of 152-ФЗ (:mod:`.people`):
who is published, by which name, and whose names must never appear."""
