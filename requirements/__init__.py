"""The lock files, shipped in the package as ``generator.requirements``: ``nastavnik new`` gives a portal the same pins."""
