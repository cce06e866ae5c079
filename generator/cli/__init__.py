"""The command line, ``nastavnik`` (also ``python -m generator``): :mod:`.main` parses, prints and picks the exit
code; each verb is a module of its own here (``build``, ``check``, ``serve``, ``import_``, ``export``, ``new``,
``deploy``, ``schema``) holding its options (``HELP``, ``DESCRIPTION``, ``add_arguments``) and a
``run(args) -> (lines, exit code)`` that imports the verb's work only when it runs; Russian for argparse and the
argument types the verbs share are :mod:`.argparse_ru`. Nothing else in the package prints or imports this one."""
