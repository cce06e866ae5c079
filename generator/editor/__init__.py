"""Tooling for editors: JSON Schemas of the data files (:mod:`.schema`), the browser editor at ``/admin/``
(Decap CMS: :mod:`.decap`, :mod:`.decap_config`) and a new portal's files (:mod:`.scaffold`, ``nastavnik new``)."""
