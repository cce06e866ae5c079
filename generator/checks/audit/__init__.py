"""``nastavnik audit``: what an inspection of the section asks for, checked on the data and the built site.

:mod:`.sources` holds the documents cited, :mod:`.requirements` the checks, :mod:`.report` the outputs.
"""

from generator.checks.audit.requirements import REQUIREMENTS, Finding, Inputs, audit

__all__ = ["REQUIREMENTS", "Finding", "Inputs", "audit"]
