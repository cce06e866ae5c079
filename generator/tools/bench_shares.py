"""The cost of the shares (pandas) for ``make bench``: the import of pandas in a fresh process, one school's
table and the district's ranking of many organizations. A school's build computes its shares on the second
core (see :class:`generator.portal.portal.Portal`), so on two cores this is not added to the build's time."""

from __future__ import annotations

import json
import subprocess
import sys

_CHILD = r"""
import json, time
t0 = time.perf_counter()
import pandas
t1 = time.perf_counter()
from generator.models.program import Coverage
from generator.portal.shares import rank, share_rows
years = [Coverage.model_validate({"year": f"{y}-{y + 1}", "pupils": {"total": 800, "involved": 100 + y % 7, "target": 20},
         "teachers": {"total": 60, "involved": 20}, "young_specialists": {"total": 6, "involved": 5}})
         for y in range(2020, 2027)]
t2 = time.perf_counter()
school = share_rows(years)
t3 = time.perf_counter()
orgs = {f"org-{i}": share_rows(years[-1:]) for i in range(ORGS)}
t4 = time.perf_counter()
rank(orgs)
t5 = time.perf_counter()
print(json.dumps({"import_pandas": t1 - t0, "school_table": t3 - t2, "district_tables": t4 - t3, "district_rank": t5 - t4}))
"""


def shares_cost(organizations: int = 100) -> dict[str, float]:
    """Seconds: pandas' import, a school's table of 7 years, ``organizations`` tables and their ranking."""
    code = _CHILD.replace("ORGS", str(organizations))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return {key: round(value, 4) for key, value in json.loads(out).items()}
