"""``nastavnik deploy``: publish the last successful build in ``site/`` to the ``gh-pages`` branch.

The site is committed with ghp-import (``.nojekyll`` added, ``CNAME`` when a domain is given) and,
with ``--push``, sent to the remote. Nothing is published when the last build failed, when ``site/``
was built from another commit, or when the working tree has changes not committed (``--allow-dirty``
allows that) — what is published must be what the repository holds.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import subprocess
from dataclasses import dataclass

from generator import ru
from generator.errors import NastavnikError, UsageError
from generator.pipeline.status import STATUS_FILE, BuildStatus, head_commit, read
from generator.project import CACHE, Project

BRANCH = "gh-pages"
_DOMAIN = re.compile(
    r"^(?=.{1,253}$)([a-z0-9\u0400-\u04ff](-*[a-z0-9\u0400-\u04ff])*\.)+[a-z\u0400-\u04ff-]{2,}$", re.I
)


@dataclass(frozen=True)
class DeployOptions:
    push: bool = False
    allow_dirty: bool = False
    cname: str | None = None
    remote: str = "origin"
    branch: str = BRANCH


def deploy(project: Project, options: DeployOptions) -> list[str]:
    """Publish ``site/``; return what to tell the user, or raise :class:`NastavnikError` and change nothing."""
    if options.cname is not None and not _DOMAIN.match(options.cname):
        raise UsageError(f"--cname {options.cname}: нужно доменное имя сайта, например nastavnik.school12.ru")
    _require_repository(project)
    status = _last_good_build(project)
    if not options.allow_dirty:
        _require_clean(project)
    _require_same_commit(project, status)
    if options.push:
        _require_remote(project, options.remote)
        _git(project, "fetch", "--quiet", options.remote, options.branch)  # may be missing: the first deploy
    before = _ref(project, options.branch)
    _import(project, status, options)
    after = _ref(project, options.branch)
    if after is None or after == before:
        raise NastavnikError(
            f"не удалось записать ветку {options.branch} — проверьте, что git настроен "
            "(git config user.name и user.email), и повторите nastavnik deploy"
        )
    built = dt.datetime.fromisoformat(status.finished)
    lines = [
        f"Сайт из site/ (сборка {ru.date(built.date())}, {built:%H:%M}) записан в ветку {options.branch}: {after[:7]}"
    ]
    if options.cname:
        lines.append(f"Свой домен: {options.cname} (файл CNAME)")
    if options.push:
        _push(project, options)
        lines.append(f"Ветка {options.branch} отправлена в {options.remote}; GitHub Pages обновится через минуту-две")
    else:
        lines.append(
            f"Чтобы опубликовать, отправьте её на GitHub: nastavnik deploy --push (или git push {options.remote} {options.branch})"
        )
    return lines


def _require_repository(project: Project) -> None:
    top = _git(project, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise NastavnikError(
            f"{project.root}: папка портала не в git-репозитории — публикация идёт через ветку {BRANCH}; "
            "выполните git init, закоммитьте данные и подключите репозиторий GitHub (git remote add origin …)"
        )


def _last_good_build(project: Project) -> BuildStatus:
    status = read(project.root)
    if status is None or not (project.site_dir / "index.html").is_file():
        raise NastavnikError("site/ ещё не собран этой версией «Наставника» — сначала выполните nastavnik build")
    if not status.ok:
        reason = f" ({status.message})" if status.message else ""
        raise NastavnikError(
            f"последняя сборка не удалась{reason} — исправьте ошибки, выполните nastavnik build и повторите; "
            "опубликованный ранее сайт не изменён"
        )
    return status


def _require_clean(project: Project) -> None:
    out = _git(
        project, "status", "--porcelain", "--", ".", ":(exclude)site", f":(exclude){STATUS_FILE}", f":(exclude){CACHE}"
    )  # what builds write: the site, their outcome and the cache (a portal made before .cache/ was ignored)
    changed = [line[3:] for line in out.stdout.splitlines() if line.strip()]
    if changed:
        listed = ", ".join(changed[:5]) + (f" и ещё {len(changed) - 5}" if len(changed) > 5 else "")
        raise NastavnikError(
            f"есть незакоммиченные изменения ({listed}) — опубликованный сайт не совпадал бы с репозиторием; "
            "закоммитьте их (git commit), соберите сайт заново, или добавьте --allow-dirty"
        )


def _require_same_commit(project: Project, status: BuildStatus) -> None:
    head = head_commit(project.root)
    if status.commit and head and status.commit != head:
        raise NastavnikError(
            f"site/ собран из коммита {status.commit[:7]}, а сейчас в репозитории {head[:7]} — "
            "выполните nastavnik build и повторите публикацию"
        )


def _require_remote(project: Project, remote: str) -> None:
    if _git(project, "remote", "get-url", remote).returncode != 0:
        raise NastavnikError(
            f"удалённого репозитория «{remote}» нет — подключите его: git remote add {remote} "
            "https://github.com/ВЛАДЕЛЕЦ/РЕПОЗИТОРИЙ.git (или укажите другой: --remote ИМЯ)"
        )


def _import(project: Project, status: BuildStatus, options: DeployOptions) -> None:
    from ghp_import import GhpError, ghp_import

    commit = f", коммит {status.commit[:7]}" if status.commit else ""
    message = f"Публикация сайта (сборка {status.finished}{commit})"
    try:
        with contextlib.chdir(project.root):  # ghp-import runs git in the current folder
            ghp_import(
                str(project.site_dir),
                mesg=message,
                remote=options.remote,
                branch=options.branch,
                nojekyll=True,
                cname=options.cname,
                push=False,
            )
    except GhpError as exc:
        raise NastavnikError(f"ghp-import не смог записать ветку {options.branch}: {exc.message}") from None


def _push(project: Project, options: DeployOptions) -> None:
    out = _git(project, "push", "--quiet", options.remote, f"{options.branch}:{options.branch}")
    if out.returncode != 0:
        detail = (out.stderr.strip().splitlines() or ["git push завершился с ошибкой"])[-1]
        raise NastavnikError(
            f"ветка {options.branch} записана, но не отправлена в {options.remote}: {detail} — "
            f"проверьте доступ к репозиторию и повторите nastavnik deploy --push"
        )


def _ref(project: Project, branch: str) -> str | None:
    out = _git(project, "rev-parse", "--verify", "-q", f"refs/heads/{branch}")
    return (out.stdout.strip() or None) if out.returncode == 0 else None


def _git(project: Project, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", *args], cwd=project.root, capture_output=True, text=True, timeout=120, check=False
        )
    except FileNotFoundError:
        raise NastavnikError("не найдена программа git — установите её (sudo apt-get install git)") from None
    except subprocess.TimeoutExpired:
        raise NastavnikError(f"git {args[0]} не ответил за 2 минуты — проверьте сеть и повторите") from None
