"""``python -m generator`` is ``nastavnik``."""

import sys

from .cli import main

sys.exit(main())
