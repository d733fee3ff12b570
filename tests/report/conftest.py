"""Fixtures for status reports: the seed workspace with hand-made translations, and QA results on demand."""

from __future__ import annotations

import pytest

from status_workspace import fill_seed_translations

from presslate.report import service
from presslate.workspace import Workspace


@pytest.fixture
def translated_workspace(seeded_workspace: Workspace) -> Workspace:
    """The nine seed releases with the translations, drafts and fuzzy entries of seed_translations.json."""
    fill_seed_translations(seeded_workspace)
    return seeded_workspace


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
