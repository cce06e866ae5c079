"""``make bench`` (``python -m generator.tools.bench``): our build against plain mkdocs-material, on the same pages.

For a synthetic school and synthetic districts of 1, 10 and 50 organizations (``BENCH_SIZES=1,10``
for fewer), it builds the portal with ``nastavnik build --timings`` and, in the same run, the same
Markdown as one plain mkdocs-material site (:mod:`generator.tools.bench_plain`); each build is a child
process, measured by wall clock and by its peak memory (``wait4``); builds of portals up to 10
organizations run 5 times each, in turns, and the median counts (``BENCH_REPEAT=N`` to change). It
prints a table, checks the goals of issue 9 and writes everything to ``build/bench.json``:

* the generator's own work (load + validate + render) ≤ 10 % of the MkDocs work of the same pages;
* a school portal in ≤ 1.2× plain Material's time;
* a 50-organization district in ≤ 30 s, and cold (no ``.cache/``) in ≤ 0.5× plain Material's time;
* after one organization's data changed, a 50-organization district in ≤ 0.1× plain Material's full build;
  with nothing changed, in < 5 s (:mod:`generator.tools.bench_incremental`);
* ``nastavnik serve``: a saved edit of the demo school served in ≤ 1 s (:mod:`generator.tools.bench_serve`);
* linear cost: 10× the records ≤ 11× the time (time per record grows by ≤ 10 %).

Every build of ours in the main columns is cold: the portal's section cache is deleted before it.
Then ``nastavnik import`` time per page for every format, DOCX to a scan (:mod:`.bench_import`).
"""

from __future__ import annotations

import compileall
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

import generator
from generator import ru
from generator.tools import bench_import, bench_serve, synthetic
from generator.tools.bench_guard import name_guard
from generator.tools.bench_incremental import cold_build, rebuilds, run_child, table
from generator.tools.bench_plain import dump_plain
from generator.tools.bench_shares import shares_cost

SIZES = (1, 10, 50)
OUT = Path("build")
GOALS = {
    "generator_share": 0.10,
    "school_ratio": 1.2,
    "district_50_seconds": 30.0,
    "linearity": 1.1,
    "district_50_cold_ratio": 0.5,
    "district_50_change_ratio": 0.1,
    "district_50_warm_seconds": 5.0,
}
INDEX_LIMIT = 1024 * 1024
REPEAT_SMALL = 5  # runs of each build for a portal of up to SMALL_PORTAL organizations (BENCH_REPEAT=N to change)
SMALL_PORTAL = 10


@dataclass(frozen=True)
class Row:
    portal: str
    organizations: int
    pages: int
    records: int
    ours_seconds: float  # wall clock of the whole command, start-up included (as for plain MkDocs)
    plain_seconds: float
    plain_pages: int
    generator_seconds: float  # load + validate + render (summed over processes)
    mkdocs_seconds: float  # summed over processes
    peak_mb: float
    plain_peak_mb: float
    search_index_kb: float  # the largest organization's
    warm_seconds: float = 0.0  # built again with nothing changed
    change_seconds: float = 0.0  # built again after one organization's data changed
    change_built: tuple[str, ...] = ()  # the sections that build built (the rest came from the cache)
    rebuild_peak_mb: float = 0.0
    cache_mb: float = 0.0

    @property
    def ratio(self) -> float:
        return self.ours_seconds / self.plain_seconds if self.plain_seconds else 0.0

    @property
    def generator_share(self) -> float:
        return self.generator_seconds / self.mkdocs_seconds if self.mkdocs_seconds else 0.0


def sizes_from_env() -> tuple[int, ...]:
    text = os.environ.get("BENCH_SIZES", "").strip()
    if not text:
        return SIZES
    try:
        sizes = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise SystemExit(f"BENCH_SIZES={text}: нужен список чисел через запятую, например 1,10") from None
    if not sizes or min(sizes) < 1:
        raise SystemExit(f"BENCH_SIZES={text}: нужно хотя бы одно число не меньше 1")
    return sizes


def repeats_for(organizations: int) -> int:
    """How many times each build is run: a second of a small portal is noisy, a large one is not."""
    text = os.environ.get("BENCH_REPEAT", "").strip()
    if text.isdigit() and int(text) >= 1:
        return int(text)
    return REPEAT_SMALL if organizations <= SMALL_PORTAL else 1


def measure(name: str, root: Path, organizations: int) -> Row:
    """Our build and plain Material on the portal at ``root``: the median of :func:`repeats_for` runs each,
    taken in turns (ours, Material, ours, …) so that a busy moment of the machine hits both alike."""
    timings_file = root / "timings.json"
    config = dump_plain(root, root.parent / f"{root.name}-plain")
    plain_site = config.parent / "site"
    ours_runs, plain_runs, timings_runs = [], [], []
    for _ in range(repeats_for(organizations)):
        ours_runs.append(cold_build(run_child, root, timings_file))
        timings_runs.append(json.loads(timings_file.read_text(encoding="utf-8")))
        plain_runs.append(
            run_child(
                [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(plain_site)], config.parent
            )[:2]
        )
    ours_seconds = statistics.median(seconds for seconds, _ in ours_runs)
    plain_seconds = statistics.median(seconds for seconds, _ in plain_runs)
    ours_peak = max(peak for _, peak in ours_runs)
    plain_peak = max(peak for _, peak in plain_runs)
    timings = {
        key: statistics.median(run[key] for run in timings_runs) for key in ("load", "validate", "render", "mkdocs")
    } | {key: timings_runs[-1][key] for key in ("pages", "records")}
    indexes = [p.stat().st_size for p in (root / "site").rglob("search_index.json")]
    again = rebuilds(run_child, root, timings_file, organizations)
    return Row(
        portal=name,
        organizations=organizations,
        pages=timings["pages"],
        records=timings["records"],
        ours_seconds=round(ours_seconds, 3),
        plain_seconds=round(plain_seconds, 3),
        plain_pages=sum(1 for _ in plain_site.rglob("*.html")),
        generator_seconds=round(timings["load"] + timings["validate"] + timings["render"], 3),
        mkdocs_seconds=timings["mkdocs"],
        peak_mb=round(ours_peak, 1),
        plain_peak_mb=round(plain_peak, 1),
        search_index_kb=round(max(indexes, default=0) / 1024, 1),
        warm_seconds=again.warm_seconds,
        change_seconds=again.change_seconds,
        change_built=tuple(again.change_built),
        rebuild_peak_mb=again.peak_mb,
        cache_mb=again.cache_mb,
    )


@dataclass(frozen=True)
class Linearity:
    """Time per record of a district size against the smallest one."""

    smaller: int  # organizations
    larger: int
    records_ratio: float
    time_ratio: float
    per_record_growth: float

    @property
    def linear(self) -> bool:
        """10× the records ≤ 11× the time: the time per record grows by at most 10 %."""
        return self.per_record_growth <= GOALS["linearity"]


def linearity(rows: list[Row]) -> list[Linearity]:
    """Each district size against the smallest one."""
    districts = sorted((r for r in rows if r.portal == "район"), key=lambda r: r.records)
    if len(districts) < 2:
        return []
    base = districts[0]
    return [
        Linearity(
            smaller=base.organizations,
            larger=row.organizations,
            records_ratio=round(row.records / base.records, 2),
            time_ratio=round(row.ours_seconds / base.ours_seconds, 2),
            per_record_growth=round((row.ours_seconds / row.records) / (base.ours_seconds / base.records), 3),
        )
        for row in districts[1:]
    ]


def goals(rows: list[Row], linear: list[Linearity]) -> dict[str, object]:
    school = next((r for r in rows if r.portal == "школа"), None)
    big = next((r for r in rows if r.portal == "район" and r.organizations == 50), None)
    return {
        "generator_share_max": round(max(r.generator_share for r in rows), 3),
        "generator_share_ok": all(r.generator_share <= GOALS["generator_share"] for r in rows),
        "school_ratio": round(school.ratio, 2) if school else None,
        "school_ratio_ok": school.ratio <= GOALS["school_ratio"] if school else None,
        "district_50_seconds": big.ours_seconds if big else None,
        "district_50_ok": big.ours_seconds <= GOALS["district_50_seconds"] if big else None,
        "linear_ok": all(item.linear for item in linear) if linear else None,
        "search_index_ok": all(r.search_index_kb * 1024 <= INDEX_LIMIT for r in rows),
        "district_50_cold_ratio": round(big.ratio, 3) if big else None,
        "district_50_cold_ok": big.ratio <= GOALS["district_50_cold_ratio"] if big else None,
        "district_50_change_ratio": round(big.change_seconds / big.plain_seconds, 3) if big else None,
        "district_50_change_ok": big.change_seconds <= GOALS["district_50_change_ratio"] * big.plain_seconds
        if big
        else None,
        "district_50_warm_ok": big.warm_seconds < GOALS["district_50_warm_seconds"] if big else None,
    }


def compile_generator() -> None:
    """Compile the generator's modules once, as pip does for installed packages: in an editable install with
    ``PYTHONDONTWRITEBYTECODE`` set, every build would compile them again (a tenth of a school's build)."""
    compileall.compile_dir(Path(generator.__file__).parent, quiet=1)


def run(sizes: tuple[int, ...], out: Path = OUT) -> dict[str, object]:
    compile_generator()
    # The portals live outside any git repository: in one, the build would refuse their files as git-ignored.
    work = Path(tempfile.mkdtemp(prefix="nastavnik-bench-"))
    school = synthetic.create(work / "school", 1, school=True)
    rows = [measure("школа", school, 1)]
    guard = name_guard(school, rows[0].ours_seconds)
    for size in sizes:
        rows.append(measure("район", synthetic.create(work / f"district-{size}", size), size))
    linear = linearity(rows)
    report = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average": [round(x, 2) for x in os.getloadavg()],
        },
        "goals": GOALS,
        "rows": [
            {**asdict(r), "ratio": round(r.ratio, 3), "generator_share": round(r.generator_share, 4)} for r in rows
        ],
        "linearity": [{**asdict(item), "linear": item.linear} for item in linear],
        "status": goals(rows, linear),
        "name_guard": guard,
        "shares": shares_cost(),
        "table": table(rows),
        "import": bench_import.run(work / "import"),
        "serve": bench_serve.run(work / "serve"),  # from a saved edit to the page served (nastavnik serve)
    }
    shutil.rmtree(work, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench.json").write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return report


def main() -> None:
    sizes = sizes_from_env()
    report = run(sizes)
    print(report["table"])
    for item in report["linearity"]:  # type: ignore[attr-defined]
        verdict = "линейно" if item["linear"] else "НЕ линейно"
        print(
            f"Линейность {item['smaller']} → {item['larger']} организаций: записей ×{ru.decimal(item['records_ratio'], 2)}, "
            f"время ×{ru.decimal(item['time_ratio'], 2)}, время на запись ×{ru.decimal(item['per_record_growth'], 3)} — {verdict}"
        )
    guard = report["name_guard"]
    print(
        f"Поиск имён в собранной школе (все файлы, в одном процессе — верхняя граница): "
        f"{ru.decimal(guard['seconds'], 2)} с, {ru.decimal(100 * guard['share'], 1)} % сборки"  # type: ignore[index]
    )
    shares = ", ".join(f"{key} {ru.decimal(value, 3)} с" for key, value in report["shares"].items())  # type: ignore[attr-defined]
    print(f"Доли охвата (pandas, на втором ядре во время сборки): {shares}")
    print(bench_import.table(report["import"]))  # type: ignore[arg-type]
    print(bench_serve.line(report["serve"]))  # type: ignore[arg-type]
    print("Цели:", json.dumps(report["status"], ensure_ascii=False))
    load = ", ".join(ru.decimal(x, 2) for x in os.getloadavg())
    print(f"Средняя нагрузка машины за 1, 5 и 15 минут: {load} (ядер: {os.cpu_count()})")
    print(f"Подробности: {OUT / 'bench.json'}")


if __name__ == "__main__":
    main()
