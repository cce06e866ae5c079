"""``python -m generator`` is ``nastavnik``."""

from generator.cli.main import run

run()
