"""«Наставник»: the «Наставничество» section of a school's site, generated from data."""

__version__ = "0.1.0"
