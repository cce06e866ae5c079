"""The current roadmap's exports as files of the site, and the «Подписаться на календарь» block.

Every exporter registered in :data:`generator.render.exports.EXPORTERS` is published as
``/roadmap<suffix>`` (``/roadmap.ics``, ``/roadmap.json``, ``/roadmap.xlsx``, ``/roadmap.csv`` …),
so a format added to the registry appears in the site and on ``/roadmap/`` with no other change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator import urls
from generator.portal.portal import Portal
from generator.render.exports import EXPORTERS

CALENDAR_FORMAT = "ics"
FORMAT_LABELS = {export.format: export.label for export in urls.EXPORTS}
FORMAT_ORDER = tuple(export.format for export in urls.EXPORTS)


@dataclass(frozen=True)
class Download:
    format: str
    filename: str  # a site path: ``roadmap.ics``
    label: str  # «Таблица Excel»

    @property
    def kind(self) -> str:
        """«XLSX»"""
        return self.format.upper()


@dataclass(frozen=True)
class Subscription:
    """What ``/roadmap/`` offers: the calendar (webcal:// and download) and the tables."""

    calendar: Download | None
    webcal: str | None  # ``webcal://host/path/roadmap.ics``; None without ``site_url``
    address: str | None  # ``https://host/path/roadmap.ics`` for «add a calendar by URL»
    files: tuple[Download, ...]  # every other registered format


def downloads() -> tuple[Download, ...]:
    """Every registered format as a file of the site, the calendar first, unknown formats last."""

    def order(fmt: str) -> tuple[int, str]:
        return (FORMAT_ORDER.index(fmt) if fmt in FORMAT_ORDER else len(FORMAT_ORDER), fmt)

    return tuple(
        Download(fmt, urls.export_path(EXPORTERS[fmt].suffix), FORMAT_LABELS.get(fmt, fmt.upper()))
        for fmt in sorted(EXPORTERS, key=order)
    )


def subscription(site_url: str) -> Subscription:
    files = downloads()
    calendar = next((d for d in files if d.format == CALENDAR_FORMAT), None)
    webcal = webcal_url(site_url, calendar.filename) if calendar else None
    return Subscription(
        calendar=calendar,
        webcal=webcal,
        address=site_url.rstrip("/") + "/" + calendar.filename if calendar and webcal else None,
        files=tuple(d for d in files if d.format != CALENDAR_FORMAT),
    )


def webcal_url(site_url: str, filename: str) -> str | None:
    """``https://school.ru/nastavnichestvo/`` → ``webcal://school.ru/nastavnichestvo/roadmap.ics``."""
    parts = urlsplit(site_url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"webcal://{parts.netloc}{path}{filename}"


def published_files(portal: Portal) -> tuple[str, ...]:
    """The site paths :func:`export_files` fills for this portal."""
    from generator.render.monitoring_files import DOWNLOADS

    roadmap = tuple(d.filename for d in downloads()) if portal.current_roadmap is not None else ()
    monitoring = (
        tuple(d.filename for d in DOWNLOADS)
        if portal.figures or portal.program.coverage or portal.program.surveys
        else ()
    )
    return roadmap + monitoring


def export_files(portal: Portal, site_url: str, today: dt.date | None = None) -> dict[str, bytes]:
    """site path → bytes of every registered export of the current roadmap (none without a roadmap), and the
    monitoring tables (:mod:`.monitoring_files`)."""
    from generator.render.monitoring_files import monitoring_files

    files = monitoring_files(portal, today)
    roadmap = portal.current_roadmap
    if roadmap is None:
        return files
    return {
        **{
            download.filename: EXPORTERS[download.format].write(roadmap, site_url, today or portal.today)
            for download in downloads()
        },
        **files,
    }
