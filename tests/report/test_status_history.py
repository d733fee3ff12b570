"""Progress over the last weeks from the git history of locales/, and a plain answer when there is none."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from status_workspace import EGYPT, TRANSLATIONS, commit_all, fill, git

from presslate.report.cache import StatsCache
from presslate.report.history import read_history
from presslate.report.service import build_status

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
TODAY = dt.date(2026, 11, 27)
NOON = dt.datetime(2026, 11, 27, 12, tzinfo=dt.timezone.utc)


@pytest.fixture
def repo(seeded_workspace):
    """The seed workspace in git: nothing translated three weeks ago, half the French Egypt release last week."""
    root = seeded_workspace.root
    git(root, "init", "-q")
    commit_all(root, "seed releases", NOON - dt.timedelta(weeks=3))
    french = TRANSLATIONS["translated"]["fr"][EGYPT]
    fill(seeded_workspace, "fr", EGYPT, translated=dict(list(french.items())[:9]))
    commit_all(root, "French, first half", NOON - dt.timedelta(weeks=1, days=1))
    return seeded_workspace


@needs_git
def test_history_has_one_point_per_week_from_the_commits(repo):
    history = read_history(repo, languages=["ko", "fr"], weeks=4, today=TODAY)
    assert history.available and history.reason is None
    dates = [point.date for point in history.points]
    # four weeks back comes before the first commit: no point for it
    assert dates == [TODAY - dt.timedelta(weeks=w) for w in (3, 2, 1, 0)]
    shares = [point.shares["fr"] for point in history.points]
    assert shares[0] == shares[1] == 0.0
    assert shares[2] == shares[3] > 0.0
    assert all(point.shares["ko"] == 0.0 for point in history.points)
    assert history.points[0].commit != history.points[-1].commit


@needs_git
def test_history_matches_the_counts_of_the_committed_files(repo):
    history = read_history(repo, languages=["fr"], weeks=1, today=TODAY)
    current = build_status(repo, languages=["fr"], use_cache=False, with_history=False, with_qa=False)
    assert history.points[-1].shares["fr"] == round(current.language("fr").counts.translated_percent, 1)


@needs_git
def test_uncommitted_work_is_not_history_but_shows_in_the_report(repo):
    fill(repo, "fr", EGYPT, translated=TRANSLATIONS["translated"]["fr"][EGYPT], complete=True)
    report = build_status(repo, languages=["fr"], use_cache=False, with_qa=False, now=NOON)
    assert report.history.points[-1].shares["fr"] < round(report.language("fr").counts.translated_percent, 1)


@needs_git
def test_history_counts_are_cached_by_blob(repo, monkeypatch):
    cache = StatsCache.load(repo.cache_dir)
    first = read_history(repo, languages=["fr", "es"], weeks=4, today=TODAY, cache=cache)
    from presslate.report import history

    def no_parsing(*args, **kwargs):
        raise AssertionError("an unchanged blob was parsed again")

    monkeypatch.setattr(history, "parse_blobs", lambda items, jobs=None: no_parsing() if items else [])
    again = read_history(repo, languages=["fr", "es"], weeks=4, today=TODAY, cache=cache)
    assert again.points == first.points


@needs_git
def test_release_filter_applies_to_history(repo):
    history = read_history(repo, languages=["fr"], release_ids={EGYPT}, weeks=1, today=TODAY)
    assert history.points[-1].shares["fr"] == pytest.approx(
        round(build_status(repo, languages=["fr"], release_ids=[EGYPT], use_cache=False, with_history=False,
                           with_qa=False).language("fr").counts.translated_percent, 1))


def test_no_git_repository_means_no_history_said_plainly(seeded_workspace):
    history = read_history(seeded_workspace, languages=["fr"], today=TODAY)
    assert not history.available
    assert history.reason == f"{seeded_workspace.root} is not in a git repository"
    assert history.to_dict() == {"available": False, "reason": history.reason, "points": []}


@needs_git
def test_a_repository_without_commits_has_no_history(seeded_workspace):
    git(seeded_workspace.root, "init", "-q")
    history = read_history(seeded_workspace, languages=["fr"], today=TODAY)
    assert not history.available and "no commits" in history.reason


@needs_git
def test_workspace_in_a_subfolder_of_the_repository(tmp_path, seeded_workspace):
    outer = seeded_workspace.root.parent
    git(outer, "init", "-q")
    commit_all(outer, "workspace in a subfolder", NOON - dt.timedelta(days=2))
    history = read_history(seeded_workspace, languages=["fr"], weeks=1, today=TODAY)
    assert history.available and len(history.points) == 1 and history.points[0].shares == {"fr": 0.0}
