"""One module a CLI verb (``<verb>_cmd.py``): ``run(args) -> (lines to print, exit code)``."""
