"""One organization's data files found and loaded (:func:`load_sources`); links out of ``data/`` refused unread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problems
from generator.filetypes import MARKDOWN_SUFFIXES
from generator.sources.load import SourceDoc, load_doc, load_yaml, relpath


@dataclass(frozen=True)
class Sources:
    """Every file of one organization's data, loaded but not yet validated."""

    program: SourceDoc | None
    monitoring: SourceDoc | None
    roadmaps: tuple[SourceDoc, ...]
    mentors: tuple[SourceDoc, ...]
    practices: tuple[SourceDoc, ...]
    library: tuple[SourceDoc, ...]
    news: tuple[SourceDoc, ...]

    @property
    def count(self) -> int:
        singles = sum(1 for doc in (self.program, self.monitoring) if doc is not None)
        return singles + sum(
            len(group) for group in (self.roadmaps, self.mentors, self.practices, self.library, self.news)
        )


def escapes(path: Path, base: Path) -> bool:
    """``path`` (a symbolic link, or inside a linked folder) resolves outside ``base``, or nowhere."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # a dangling link or a loop
        return path.is_symlink()
    resolved_base = base.resolve()
    return target != resolved_base and resolved_base not in target.parents


def refuse_link(root: Path, path: Path, base: Path, problems: Problems) -> bool:
    """Report ``path`` when it leads out of ``base``: it is never read, so nothing of it is ever printed."""
    if not escapes(path, base):
        return False
    folder = relpath(root, base)
    problems.error(
        relpath(root, path),
        None,
        f"символическая ссылка ведёт за пределы папки {folder}/ (или никуда) — такой файл не читается",
        f"удалите ссылку и положите в {folder}/ сам файл",
    )
    return True


def _records(
    root: Path, folder: Path, suffixes: tuple[str, ...], problems: Problems, base: Path | None = None
) -> tuple[SourceDoc, ...]:
    if not folder.is_dir() and not folder.is_symlink():
        return ()
    base = base or folder.parent
    if refuse_link(root, folder, base, problems) or not folder.is_dir():
        return ()
    docs = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith((".", "_")):
            continue
        # The folder stays inside ``base``: only a link in it can lead out (resolving every file, and ``base`` for
        # each, was a third of listing the data).
        if (path.is_symlink() and refuse_link(root, path, base, problems)) or not path.is_file():
            continue
        if path.suffix.lower() not in suffixes:
            problems.warning(
                relpath(root, path),
                None,
                "файл пропущен: здесь читаются только " + ", ".join(suffixes),
                "переименуйте его или перенесите в content/files/",
            )
            continue
        doc = load_doc(root, path, problems)
        if doc is not None:
            docs.append(doc)
    return tuple(docs)


def load_sources(root: Path, data_dir: Path, news_dir: Path, problems: Problems) -> Sources:
    """Load one organization: ``program.yaml``, ``monitoring.yaml``, a folder per kind, news posts."""
    yaml_suffixes = (".yaml", ".yml")
    program_path = data_dir / "program.yaml"
    monitoring_path = data_dir / "monitoring.yaml"
    escaped = [p for p in (program_path, monitoring_path) if refuse_link(root, p, data_dir, problems)]
    program = load_yaml(root, program_path, problems) if program_path.is_file() and not escaped else None
    if not program_path.is_file() and not program_path.is_symlink():
        problems.error(
            relpath(root, program_path),
            None,
            "нет файла программы наставничества",
            "создайте его по образцу из README (nastavnik new создаёт его сам)",
        )
    return Sources(
        program=program,
        monitoring=(
            load_yaml(root, monitoring_path, problems)
            if monitoring_path.is_file() and monitoring_path not in escaped
            else None
        ),
        roadmaps=_records(root, data_dir / "roadmaps", yaml_suffixes, problems, data_dir),
        mentors=_records(root, data_dir / "mentors", yaml_suffixes, problems, data_dir),
        practices=_records(root, data_dir / "practices", (*yaml_suffixes, ".md"), problems, data_dir),
        library=_records(root, data_dir / "library", yaml_suffixes, problems, data_dir),
        news=_records(root, news_dir, MARKDOWN_SUFFIXES, problems, news_dir.parent.parent),
    )


def load_people(root: Path, data_dir: Path, problems: Problems) -> Sources:
    """Only the files that name people (``program.yaml``'s curators, ``mentors/``): for the search of names.

    A district searches its whole site for everyone's names, so it reads them all before building.
    """
    program_path = data_dir / "program.yaml"
    readable = program_path.is_file() and not refuse_link(root, program_path, data_dir, Problems())
    return Sources(
        program=load_yaml(root, program_path, problems) if readable else None,
        monitoring=None,
        roadmaps=(),
        mentors=_records(root, data_dir / "mentors", (".yaml", ".yml"), problems, data_dir),
        practices=(),
        library=(),
        news=(),
    )
