"""Translation progress over the last weeks, read from the git history of ``locales/``.

One point per week: the last commit touching ``locales/`` on or before that day. File contents come
from ``git ls-tree`` and ``git cat-file --batch``; counts are cached by blob id, so a file unchanged
between two points is parsed once, ever. No git repository (or no git) means no history, said plainly.
"""

from __future__ import annotations

import datetime as dt
import logging
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from presslate.models import RELEASE_ID_RE
from presslate.report.cache import CachedError, StatsCache, blob_key
from presslate.report.collect import parse_blobs
from presslate.report.counts import Counts
from presslate.workspace import Workspace

log = logging.getLogger(__name__)

DEFAULT_WEEKS = 8
GIT_TIMEOUT = 120


@dataclass(frozen=True)
class HistoryPoint:
    """The share translated (by source words, 0-100) per language at one date."""

    date: dt.date
    commit: str
    shares: dict[str, float]


@dataclass
class History:
    """Weekly points, oldest first; ``reason`` says why there are none when ``available`` is False."""

    available: bool
    reason: str | None = None
    points: list[HistoryPoint] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "available": self.available,
            "reason": self.reason,
            "points": [
                {"date": point.date.isoformat(), "commit": point.commit, "languages": dict(point.shares)}
                for point in self.points
            ],
        }


class GitUnavailable(Exception):
    """git cannot tell the history here (not a repository, no commits, no git)."""


def read_history(
    workspace: Workspace,
    *,
    languages: list[str],
    release_ids: set[str] | None = None,
    weeks: int = DEFAULT_WEEKS,
    today: dt.date | None = None,
    cache: StatsCache | None = None,
    jobs: int | None = None,
) -> History:
    """Share translated per language at the end of each of the last ``weeks`` weeks (and today)."""
    try:
        git = _Git(workspace.root)
        locales = git.prefix / "locales"
        day = today or dt.datetime.now(dt.timezone.utc).date()
        cutoffs = [day - dt.timedelta(days=7 * back) for back in range(weeks, -1, -1)]
        commits = git.commits_at(cutoffs, locales)
        if not commits:
            return History(False, f"no commit touches {locales.as_posix()}/ yet")
        trees = {commit: git.po_files(commit, locales) for commit in dict.fromkeys(c for _, c in commits)}
    except GitUnavailable as exc:
        return History(False, str(exc))
    wanted = set(languages)
    files_by_commit = {
        commit: [(blob, lang, rid) for blob, lang, rid in files
                 if lang in wanted and (release_ids is None or rid in release_ids)]
        for commit, files in trees.items()
    }
    counts = _blob_counts(git, files_by_commit, cache=cache, jobs=jobs)
    points = []
    for day_cutoff, commit in commits:
        per_lang: dict[str, Counts] = {}
        for blob, lang, _ in files_by_commit[commit]:
            stats = counts.get((blob, lang))
            if stats is not None:
                per_lang.setdefault(lang, Counts()).add(stats)
        shares = {lang: round(per_lang[lang].translated_percent, 1) for lang in languages if lang in per_lang}
        points.append(HistoryPoint(day_cutoff, commit, shares))
    return History(True, None, points)


def _blob_counts(
    git: _Git, files_by_commit: dict[str, list[tuple[str, str, str]]], *, cache: StatsCache | None, jobs: int | None
) -> dict[tuple[str, str], Counts]:
    needed = {(blob, lang): rid for files in files_by_commit.values() for blob, lang, rid in files}
    counts: dict[tuple[str, str], Counts] = {}
    missing: list[tuple[str, str]] = []
    for blob, lang in needed:
        cached = cache.get(blob_key(blob, lang)) if cache is not None else None
        if cached is None:
            missing.append((blob, lang))
        elif not isinstance(cached, CachedError):
            counts[(blob, lang)] = cached.counts
    contents = git.blobs(sorted({blob for blob, _ in missing}))
    present = [(blob, lang) for blob, lang in missing if blob in contents]
    items = [(contents[blob], lang, Path(f"{lang}/{needed[(blob, lang)]}.po")) for blob, lang in present]
    for (blob, lang), value in zip(present, parse_blobs(items, jobs=jobs)):
        if cache is not None:
            cache.put(blob_key(blob, lang), value)
        if not isinstance(value, CachedError):
            counts[(blob, lang)] = value.counts
    return counts


class _Git:
    """The few git plumbing commands history needs, run in the workspace folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        try:
            top, prefix = (self._run("rev-parse", "--show-toplevel", "--show-prefix").decode() + "\n").split("\n")[:2]
        except GitUnavailable:
            raise GitUnavailable(f"{folder} is not in a git repository") from None
        self.top = Path(top)
        self.prefix = PurePosixPath(prefix.strip() or ".")
        try:
            self._run("rev-parse", "--verify", "--quiet", "HEAD^{commit}")
        except GitUnavailable:
            raise GitUnavailable("the git repository has no commits yet") from None

    def _run(self, *args: str, stdin: bytes | None = None) -> bytes:
        try:
            done = subprocess.run(
                ["git", "-C", str(self.folder), *args], input=stdin, capture_output=True, timeout=GIT_TIMEOUT,
                check=False,
            )
        except FileNotFoundError:
            raise GitUnavailable("git is not installed") from None
        except subprocess.TimeoutExpired:
            raise GitUnavailable(f"git {args[0]} took longer than {GIT_TIMEOUT} s") from None
        if done.returncode != 0:
            log.debug("git %s failed: %s", " ".join(args), done.stderr.decode(errors="replace").strip())
            raise GitUnavailable(f"git {args[0]} failed: {done.stderr.decode(errors='replace').strip()}")
        return done.stdout

    def commits_at(self, cutoffs: list[dt.date], locales: PurePosixPath) -> list[tuple[dt.date, str]]:
        """For each date, the last commit touching ``locales`` up to the end of that day (UTC), if any."""
        oldest = _end_of_day(cutoffs[0])
        spec = f":(top){locales.as_posix()}"
        log_lines = self._run("log", "--format=%H %ct", f"--since={oldest.isoformat()}", "HEAD", "--", spec).decode()
        before = self._run("log", "-1", "--format=%H %ct", f"--until={oldest.isoformat()}", "HEAD", "--", spec).decode()
        found = []
        for line in (log_lines + before).splitlines():
            sha, _, stamp = line.partition(" ")
            if sha and stamp.isdigit():
                found.append((int(stamp), sha))
        found.sort(reverse=True)
        points = []
        for cutoff in cutoffs:
            limit = _end_of_day(cutoff).timestamp()
            match = next((sha for stamp, sha in found if stamp <= limit), None)
            if match is not None:
                points.append((cutoff, match))
        return points

    def po_files(self, commit: str, locales: PurePosixPath) -> list[tuple[str, str, str]]:
        """``(blob id, language, release id)`` of every ``locales/<lang>/<id>.po`` in a commit."""
        listing = self._run("ls-tree", "-r", "-z", "--full-tree", commit, "--", locales.as_posix())
        files = []
        for entry in listing.split(b"\0"):
            meta, _, raw_path = entry.partition(b"\t")
            parts = meta.split()
            if len(parts) != 3 or parts[1] != b"blob":
                continue
            path = PurePosixPath(raw_path.decode("utf-8", errors="replace"))
            if path.suffix != ".po" or path.parent.parent != locales or not RELEASE_ID_RE.match(path.stem):
                continue
            files.append((parts[2].decode(), path.parent.name, path.stem))
        return files

    def blobs(self, blob_ids: list[str]) -> dict[str, bytes]:
        """The contents of blobs, read in one ``git cat-file --batch`` run."""
        if not blob_ids:
            return {}
        output = self._run("cat-file", "--batch", stdin="".join(f"{blob}\n" for blob in blob_ids).encode())
        contents: dict[str, bytes] = {}
        position = 0
        while position < len(output):
            header_end = output.index(b"\n", position)
            header = output[position:header_end].split()
            position = header_end + 1
            if len(header) != 3:  # "<id> missing"
                continue
            size = int(header[2])
            contents[header[0].decode()] = output[position:position + size]
            position += size + 1
        return contents


def _end_of_day(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=dt.timezone.utc)
