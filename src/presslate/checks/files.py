"""Which PO files a check run reads, and the content key of each (kept light: no check is imported here)."""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from presslate.checks.cache import CheckCache, digest_bytes, machine_key
from presslate.errors import InputError, PresslateError
from presslate.models import RELEASE_ID_RE
from presslate.workspace import Workspace

TITLES_MARK = b"\ntitles:"
"""Release files without this carry no translated title: release checks have nothing to read."""
FENCE = b"\n---"


def may_title(data: bytes, lang: str) -> bool:
    """False when the release file ``data`` cannot hold a title in ``lang``: no ``titles:`` key, or no ``lang`` key.

    A YAML key is written out in the front matter (``ko:``, ``'ko':``, ``"ko" :``), so a release
    whose front matter has no such key for the language has no title in it, and the release
    checks have nothing to read.
    """
    if TITLES_MARK not in data:
        return False
    end = data.find(FENCE, 3)
    return _key_pattern(lang).search(data, 0, end if end >= 0 else len(data)) is not None


@lru_cache(maxsize=None)
def _key_pattern(lang: str) -> re.Pattern[bytes]:
    """``lang`` written as a YAML mapping key: not part of a longer word (``es`` in ``titles:``), then a colon."""
    return re.compile(rb"(?<![\w-])" + re.escape(lang.encode()) + rb"['\"]?\s*:")


@dataclass(frozen=True)
class FileJob:
    """One PO file to check: where it is, how it is shown, its language when the path tells it, its content key.

    ``release_path`` is the release file with titles the release checks read (its bytes are
    part of ``digest``). Without a cache there is no digest (``""``): ``release_path`` is then
    the release file of the same id, if it exists, and ``release_unread`` says the worker
    decides from its bytes whether it has titles. With a cache, ``stamp`` is what ``stat`` says
    of the PO file and its release file; for a file not seen so before (``digest`` empty: see
    :attr:`key_pending`), the worker that reads the file works out its digest too, so the main
    process does not read every file first.
    """

    path: Path
    rel: str
    lang: str | None
    digest: str
    release_path: Path | None = None
    release_rel: str | None = None
    release_unread: bool = False
    stamp: tuple[int, ...] | None = None

    @property
    def key_pending(self) -> bool:
        """A file the cache has not seen with this stamp: its key is worked out where it is read."""
        return self.stamp is not None and not self.digest


def content_key(data: bytes, release_data: bytes | None) -> tuple[str, bool]:
    """The content key of a PO file's bytes and its release file's (which count only when they hold titles), and whether they did."""
    if release_data is not None and TITLES_MARK in release_data:
        return digest_bytes(data + b"\0release\0" + release_data), True
    return digest_bytes(data), False


class Digests:
    """Content keys of files, remembered with the file's size, times and inode so an untouched file is not read.

    A file whose ``stat`` is unchanged (size, modification and change times in nanoseconds,
    inode) has the content it had; any write changes its change time.
    """

    def __init__(self, store: CheckCache | None) -> None:
        self.store = store

    def known(self, rel: str, stamp: tuple[int, ...]) -> tuple[str, bool] | None:
        """The key remembered for the PO file ``rel`` with this stamp, and whether its release file counted in it."""
        if self.store is None:
            return None
        remembered = self.store.get("stats", rel, list(stamp))
        return None if remembered is None else (remembered[0], remembered[1])

    def remember(self, rel: str, stamp: tuple[int, ...], digest: str, with_release: bool) -> None:
        if self.store is not None:
            self.store.put("stats", rel, list(stamp), [digest, with_release])


def read_keyed(path: Path, release: Path | None) -> tuple[bytes, bytes | None, str, bool]:
    """A PO file's bytes, its release file's (None when there is none or it cannot be read), their content key and
    whether the release file counted in it (OSError when the PO file cannot be read)."""
    data = path.read_bytes()
    release_data = None
    if release is not None:
        try:
            release_data = release.read_bytes()
        except OSError:
            release_data = None
    digest, with_release = content_key(data, release_data)
    return data, release_data, digest, with_release


def files_stamp(path: Path, release: Path | None) -> tuple[int, ...]:
    """What ``stat`` says of a PO file and of its release file: equal stamps, equal bytes."""
    return (*_stamp(path), *(_stamp(release) if release is not None else ()))


def release_file(workspace: Workspace, path: Path) -> Path | None:
    """The release file of the same id as the PO file at ``path`` (None when the name is not a release id)."""
    stem = path.stem
    return workspace.releases_dir / f"{stem}.md" if RELEASE_ID_RE.match(stem) else None


def _stamp(path: Path) -> tuple[int, ...]:
    try:
        info = os.stat(path)
    except OSError:
        return (-1,)
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def collect_files(workspace: Workspace, paths: list[Path] | None, selected: list[str] | None,
                  errors: list[PresslateError], digests: Digests) -> list[FileJob]:
    """The PO files to check, each once, in a stable order (default: every PO file of the chosen languages)."""
    if not paths:
        return [job for lang in selected or workspace.config.languages
                for job in language_files(workspace, lang, digests, errors=errors)]
    candidates: list[Path] = []
    for given in paths:
        if given.is_dir():
            candidates += sorted(p for p in given.rglob("*.po") if not p.is_dir())
        elif given.is_file():
            candidates.append(given)
        else:
            errors.append(InputError("no such file or folder", path=given))
    jobs: dict[Path, FileJob] = {}
    for path in candidates:
        resolved = path.resolve()
        if resolved not in jobs:
            job = _job(workspace, path, workspace.relative(path), language_from_path(workspace, resolved), digests,
                       errors)
            if job is not None:
                jobs[resolved] = job
    return list(jobs.values())


def language_files(workspace: Workspace, lang: str, digests: Digests, *, skip: set[str] = frozenset(),
                   errors: list[PresslateError] | None = None) -> list[FileJob]:
    """Jobs for the workspace's PO files of ``lang`` (``locales/<lang>/*.po``), except the ``skip`` ones.

    A file that cannot be read is an input error in ``errors`` (left out silently without it).
    """
    folder = workspace.locales_dir / lang
    try:  # names, sorted as strings: what sorted(folder.glob("*.po")) gives, without a Path per comparison
        names = sorted(entry.name for entry in os.scandir(folder) if entry.name.endswith(".po"))
    except OSError:  # no such folder (or not one)
        return []
    jobs = []
    for name in names:
        rel = f"locales/{lang}/{name}"
        if rel not in skip:
            job = _job(workspace, folder / name, rel, lang, digests, errors)
            if job is not None:
                jobs.append(job)
    return jobs


def _job(workspace: Workspace, path: Path, rel: str, lang: str | None, digests: Digests,
         errors: list[PresslateError] | None) -> FileJob | None:
    """The job of one PO file: its content key covers the release file the release checks read.

    Nothing is read here: the worker reads the files, in parallel (with a cache, the key of a
    file is remembered by its stamp; one not seen before gets its key from the worker).
    """
    release = release_file(workspace, path)
    stamp = None
    if digests.store is not None:
        stamp = files_stamp(path, release)
        remembered = digests.known(rel, stamp)
        if remembered is not None:
            digest, with_release = remembered
            return _file_job(path, rel, lang, digest, release if with_release else None, stamp=stamp)
    problem = _unreadable(path)
    if problem is not None:
        if errors is not None:
            errors.append(InputError(f"cannot read: {problem}", path=path))
        return None
    return _file_job(path, rel, lang, "", release, release_unread=release is not None, stamp=stamp)


def _file_job(path: Path, rel: str, lang: str | None, digest: str, release: Path | None, **more) -> FileJob:
    release_rel = f"l10n/releases/{release.name}" if release is not None else None
    return FileJob(path, rel, lang, digest, release, release_rel, **more)


def _unreadable(path: Path) -> str | None:
    """Why ``path`` cannot be read as a PO file (None: it is a regular file that opens for reading).

    Opened without blocking, so that a named pipe called ``x.po`` is reported, not waited on.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        return exc.strerror
    try:
        mode = os.fstat(fd).st_mode
    finally:
        os.close(fd)
    if stat.S_ISDIR(mode):
        return os.strerror(errno.EISDIR)
    return None if stat.S_ISREG(mode) else "not a regular file"


def language_from_path(workspace: Workspace, resolved: Path) -> str | None:
    """``ko`` for ``<workspace>/locales/ko/x.po``; None elsewhere (the PO header tells)."""
    try:
        parts = resolved.relative_to(workspace.locales_dir.resolve()).parts
    except ValueError:
        return None
    return parts[0] if len(parts) == 2 else None


@dataclass
class CheckFiles:
    """The PO files a run reads (each with its content key, or its stamp when the key is to be worked out) and the
    problems met listing them; made once per command, for the replay key and for the run."""

    jobs: list[FileJob]
    errors: list[PresslateError]
    digests: Digests
    selected: list[str] | None


def collect_check_files(workspace: Workspace, *, paths: list[Path] | None = None, languages: list[str] | None = None,
                        use_cache: bool = True) -> CheckFiles:
    """The files :func:`~presslate.checks.runner.run_checks` would read for this request (nothing is read: see
    :class:`FileJob`)."""
    selected = workspace.select_languages(languages) if languages else None
    secret = machine_key() if use_cache else None
    digests = Digests(CheckCache(workspace.cache_dir / "check", secret) if secret else None)
    errors: list[PresslateError] = []
    return CheckFiles(collect_files(workspace, paths, selected, errors, digests), errors, digests, selected)
