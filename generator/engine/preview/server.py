"""The preview's server: MkDocs' live-reload server, told of changes by the system at once.

MkDocs' ``serve`` polls the watched folders every half second and rebuilds the whole site. Here the server
(:class:`mkdocs.livereload.LiveReloadServer`: it serves the site, puts the reload script into each page and
shows the site's 404 page) hears of a saved file from the system itself (inotify, FSEvents, Windows'
notifications, through watchdog's native observer), and each rebuild is a :class:`~.rebuild.Preview` one:
only the pages an edit of ``data/`` touches, or the whole site when needed. A failed rebuild is said in
Russian, and the server keeps running with the last good site.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import watchdog.events
import watchdog.observers
from mkdocs.livereload import LiveReloadServer, _serve_url

from generator.engine.preview.rebuild import Preview
from generator.errors import BuildFailed, NastavnikError
from generator.project import ORGANIZATIONS, Project
from generator.sources.config import theme_dir
from generator.translate import mkdocs_message

# What a change is: the system also reports files opened and read (the build reads data/ itself), and
# MkDocs' polling never saw those; a change of permissions or times (``touch``) counts, as it did there.
CHANGES = frozenset(
    {
        watchdog.events.EVENT_TYPE_CREATED,
        watchdog.events.EVENT_TYPE_MODIFIED,
        watchdog.events.EVENT_TYPE_DELETED,
        watchdog.events.EVENT_TYPE_MOVED,
        watchdog.events.EVENT_TYPE_CLOSED,
        watchdog.events.EVENT_TYPE_ATTRIB,
        watchdog.events.EVENT_TYPE_EVENTS_LOST,
    }
)
BUILD_DELAY = 0.05  # seconds without new events before a rebuild: an editor's save is several events
SHUTDOWN_DELAY = 0.25


class _Observer(watchdog.observers.Observer):  # type: ignore[misc, valid-type]
    """The system's observer, saying when it listens (an edit before that would be missed)."""

    def __init__(self) -> None:
        super().__init__()
        self.listening: Callable[[], None] = lambda: None

    def start(self) -> None:
        super().start()
        self.listening()


class NativeServer(LiveReloadServer):
    """:class:`LiveReloadServer` with the system's own file-change notifications instead of polling."""

    def __init__(self, builder, host: str, port: int, root: str, mount_path: str = "/") -> None:  # type: ignore[no-untyped-def]
        super().__init__(builder=builder, host=host, port=port, root=root, mount_path=mount_path)
        self.observer: _Observer = _Observer()
        self.build_delay = BUILD_DELAY

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        """As :meth:`LiveReloadServer.watch`, but only changes (:data:`CHANGES`) ask for a rebuild. A file is
        watched through its folder, so that an editor which saves by writing a new file and renaming it over
        the old one is heard on every system (a watch may follow the old file's node)."""
        path = os.path.abspath(path)
        if path in self._watched_paths:
            self._watched_paths[path] += 1
            return
        self._watched_paths[path] = 1
        only = path if os.path.isfile(path) else None

        def changed(event: watchdog.events.FileSystemEvent) -> None:
            if event.is_directory and event.event_type != watchdog.events.EVENT_TYPE_MOVED:
                return
            if event.event_type not in CHANGES:
                return
            if only is not None and only not in (os.fsdecode(event.src_path), os.fsdecode(event.dest_path or b"")):
                return
            with self._rebuild_cond:
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        handler = watchdog.events.FileSystemEventHandler()
        handler.on_any_event = changed  # type: ignore[method-assign]
        folder = os.path.dirname(path) if only else path
        self._watch_refs[path] = self.observer.schedule(handler, folder, recursive=recursive and not only)


def serve(project: Project, host: str, port: int, say=print) -> None:  # type: ignore[no-untyped-def]
    """Serve ``project`` at ``host:port`` until interrupted (Ctrl+C)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logging.getLogger("mkdocs").setLevel(logging.WARNING)  # the preview says what it did itself
    try:
        config = load_config(config_file=str(project.config_file))
    except MkDocsException as exc:
        raise BuildFailed(f"предпросмотр не запустился: {mkdocs_message(str(exc))}") from None
    mount_path = urlsplit(config.site_url or "/").path
    work = Path(tempfile.mkdtemp(prefix="nastavnik-serve-"))
    preview = Preview(project, _serve_url(host, port, mount_path), work, say)

    def builder() -> None:
        try:
            preview.rebuild()
        except NastavnikError as exc:
            preview.failed(exc.user_message())
        except MkDocsException as exc:
            preview.failed(f"mkdocs.yml: {mkdocs_message(str(exc))}")
        except Exception as exc:  # a bug must not stop the preview; the next build is a full one
            preview.failed(f"внутренняя ошибка генератора при пересборке ({type(exc).__name__}: {exc})")

    server = NativeServer(builder, host, port, str(preview.served), mount_path)

    def error_page(code: int) -> bytes | None:
        page = preview.served / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_page
    stop = signal.signal(signal.SIGTERM, _interrupted)  # stopped by the system: the temporary folder goes too
    try:
        builder()
        for path in _watched(project, config):
            server.watch(str(path))
        server.observer.listening = lambda: say(
            f"Предпросмотр: {server.url} (остановить — Ctrl+C); файлы сайта — в папке {preview.served}"
        )
        try:
            server.serve()
        except KeyboardInterrupt:
            say("Предпросмотр остановлен")
        finally:
            server.shutdown()
    finally:
        signal.signal(signal.SIGTERM, stop)
        shutil.rmtree(work, ignore_errors=True)


def _interrupted(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _watched(project: Project, config) -> list[Path]:  # type: ignore[no-untyped-def]
    """``data/``, ``content/``, ``mkdocs.yml``, the theme's folders (ours and the portal's) and what
    ``mkdocs.yml`` asks to watch; for a district, its organizations too."""
    folders = [project.data_dir, project.content_dir, project.config_file, Path(theme_dir())]
    if config.theme.custom_dir:
        folders.append(Path(config.theme.custom_dir))
    if project.is_district:
        folders.append(project.root / ORGANIZATIONS)
    folders += [Path(p) for p in config.watch]
    return [p for p in dict.fromkeys(f.resolve() for f in folders) if p.exists()]
