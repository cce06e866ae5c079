"""District portals: one portal for a municipal education department and all its organizations.

Layout (a single-school portal has none of ``organizations/`` and stays exactly as it is):

* ``data/`` and ``content/`` at the top — the district's own data: ``program.yaml`` with
  ``organization.type: department``, its roadmap(s), documents, news;
* ``data/organizations/<org>/`` — an organization's data, the same kinds as a school's
  (``program.yaml``, ``roadmaps/``, ``mentors/``, ``practices/``, ``library/``, ``monitoring.yaml``);
* ``content/organizations/<org>/`` — its content: ``news/index.md``, ``news/posts/*.md``,
  ``parents.md``, ``files/``.

The site: the district's section at ``/`` (:mod:`.pages`), each organization's full section at
``/<org>/``, built as its own MkDocs build of the same plugin and theme (:mod:`.config`), in
parallel processes, merged into one staging folder, checked once and swapped in atomically
(:mod:`.build`).
"""

from generator.district.check import DistrictChecked, check_district, check_portal_problems
from generator.district.summary import District, OrgHonor, OrgSummary, assemble, summarise

__all__ = [
    "District",
    "DistrictChecked",
    "OrgHonor",
    "OrgSummary",
    "assemble",
    "check_district",
    "check_portal_problems",
    "summarise",
]
