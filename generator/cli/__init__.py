"""The command line, ``nastavnik`` (also ``python -m generator``): :mod:`.main` parses, prints and picks the exit
code; each verb is a module of its own here (``build``, ``check``, ``serve``, ``import_``, ``export``, ``new``,
``deploy``, ``schema``) holding its options and a ``run(args) -> (lines, exit code)``. Nothing else in the
package prints or imports this one."""
