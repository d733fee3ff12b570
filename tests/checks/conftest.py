"""Fixtures for the check tests: the repository's real glossary, a runner for one check, a copy of the workspace."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from presslate.checks.base import SegmentCheck, SegmentContext
from presslate.checks.engine import term_index
from presslate.glossary import Glossary, load_glossary

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "checks"


@pytest.fixture(autouse=True)
def own_cache_key(tmp_path_factory, monkeypatch) -> Path:
    """The cache key lives in a throw-away folder, not in the user's ~/.cache."""
    folder = tmp_path_factory.mktemp("xdg-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


@pytest.fixture(scope="session")
def glossary() -> Glossary:
    """The glossary shipped with the repository (the seed releases' real terms)."""
    return load_glossary(REPO / "glossary.csv")


@pytest.fixture(scope="session")
def messages_of(glossary: Glossary) -> Callable[..., list[str]]:
    """``messages_of(CheckClass, source, target, lang)``: the messages of the check's findings."""

    def run(check: type[SegmentCheck], source: str, target: str, lang: str, *, fuzzy: bool = False,
            draft: bool = False) -> list[str]:
        ctx = SegmentContext(source=source, target=target, lang=lang, terms=term_index(glossary, lang),
                             fuzzy=fuzzy, draft=draft)
        return [finding.message for finding in check().check(ctx)]

    return run


@pytest.fixture(scope="session")
def seed_translations() -> dict[str, dict[str, dict[str, str]]]:
    """Careful translations of seed sentences: release id -> msgid -> language -> msgstr."""
    return json.loads((DATA / "seed-translations.json").read_text(encoding="utf-8"))["releases"]


