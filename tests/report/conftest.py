"""Fixtures for status reports: the seed workspace with hand-made translations, and QA results on demand."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from status_workspace import build_seed_workspace, fill_seed_translations

from presslate.report import service
from presslate.workspace import Workspace, open_workspace


@pytest.fixture(scope="session")
def _translated_template(tmp_path_factory) -> Path:
    """Built once: ingest and sync of the five seed pages, then the hand-made translations."""
    root = tmp_path_factory.mktemp("status-template") / "ws"
    workspace = build_seed_workspace(root)
    fill_seed_translations(workspace)
    shutil.rmtree(workspace.cache_dir, ignore_errors=True)
    return root


@pytest.fixture
def translated_workspace(_translated_template: Path, tmp_path: Path) -> Workspace:
    """The nine seed releases with the translations, drafts and fuzzy entries of seed_translations.json."""
    root = tmp_path / "ws"
    shutil.copytree(_translated_template, root)
    return open_workspace(explicit=root)


@pytest.fixture
def qa_errors(monkeypatch):
    """Set the QA errors status reports see: ``qa_errors({("fr", "some-id"): 2})``; QA runs clean otherwise."""
    found: dict[tuple[str, str], int] = {}

    def fake(workspace, languages, release_ids, use_cache):
        return {key: count for key, count in found.items() if key[0] in languages}

    monkeypatch.setattr(service, "qa_error_counts", fake)

    def set_errors(errors: dict[tuple[str, str], int] | None = None) -> None:
        found.clear()
        found.update(errors or {})

    return set_errors
