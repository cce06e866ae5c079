"""Tooling for editors: JSON Schemas of the data files (:mod:`.schema`), the browser editor at ``/admin/``
(Decap CMS: :mod:`.decap`, its config in :mod:`.decap_config` and :mod:`.decap_fields`) and a new portal's files
(:mod:`.scaffold`, ``nastavnik new``)."""
