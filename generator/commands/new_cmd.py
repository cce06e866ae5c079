"""``nastavnik new DIR [--name …] [--synthetic N]``

``--synthetic N`` writes a district portal of N fictional organizations for measuring
(:mod:`generator.synthetic`); the scaffold of a new school's portal comes from the scaffold module.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import ru
from ..errors import UsageError


def run(args: argparse.Namespace) -> tuple[list[str], int]:
    target = Path(args.dir)
    if args.synthetic:
        from .. import synthetic

        synthetic.create(target, args.synthetic)
        orgs = ru.plural(args.synthetic, "организация", "организации", "организаций")
        return [f"Синтетический портал района ({orgs}) создан в {target}: cd {target} && nastavnik build"], 0
    raise UsageError(
        "nastavnik new без --synthetic: заготовка портала школы создаётся модулем scaffold (ещё не подключён)"
    )
