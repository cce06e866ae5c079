"""Checks on any built tree, whatever engine built it: nothing executable but the theme's own
(:mod:`.scan` with :mod:`.scan_html`, :mod:`.scan_xml`, :mod:`.scan_rules` and :mod:`.trusted`), no
withheld person's name in any file (:mod:`.names`), no formula in a spreadsheet; :mod:`.site` puts them
together as one :class:`~generator.checks.site.SiteCheck`."""
