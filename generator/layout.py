"""Names of a portal's folders that several stages rely on (kept here so that none imports another for them)."""

ORGANIZATIONS = "organizations"
"""A district's organizations: ``data/organizations/<org>/`` and ``content/organizations/<org>/``."""
