"""``python -m generator`` is ``nastavnik``."""

from .cli import run

run()
