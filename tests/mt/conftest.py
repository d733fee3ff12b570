"""Fixtures for the MT tests: a workspace made from the real seed pages, a glossary, a local LibreTranslate."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from presslate.catalog.pofile import read_po, write_po
from presslate.ingest.service import ingest_pages
from presslate.sync import sync_workspace
from presslate.workspace import Workspace, init_workspace, open_workspace

from .fake_libre import FakeLibre

REPO = Path(__file__).resolve().parents[2]
PAGES = REPO / "examples" / "pages"
GLOSSARY = REPO / "glossary.csv"


@pytest.fixture(scope="session")
def seed_workspace_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """init + ingest of the five seed pages + sync, made once per test session."""
    root = tmp_path_factory.mktemp("seed-workspace")
    workspace = init_workspace(root, languages=["ko", "fr", "es", "ar"], name="seed")
    shutil.copyfile(GLOSSARY, root / "glossary.csv")
    result = ingest_pages(workspace, sorted(PAGES.glob("*.txt")))
    assert not result.errors
    sync = sync_workspace(workspace, use_state=False)
    assert not sync.errors
    return root


@pytest.fixture
def workspace(seed_workspace_template: Path, tmp_path: Path) -> Workspace:
    """A fresh copy of the seed workspace for one test."""
    root = tmp_path / "ws"
    shutil.copytree(seed_workspace_template, root)
    return open_workspace(explicit=root)


@pytest.fixture
def libre() -> Iterator[FakeLibre]:
    with FakeLibre() as server:
        yield server


def edit_entry(workspace: Workspace, lang: str, release: str, msgid: str, *, msgstr: str,
               fuzzy: bool = False) -> None:
    """Write a translation into one entry as a translator would."""
    path = workspace.po_path(lang, release)
    catalog = read_po(path)
    message = catalog.find(msgid)
    assert message is not None, msgid
    message.msgstr = msgstr
    message.set_fuzzy(fuzzy)
    write_po(path, catalog)


def entries(workspace: Workspace, lang: str, release: str) -> dict[str, object]:
    """The messages of one PO file by msgid."""
    return {m.msgid: m for m in read_po(workspace.po_path(lang, release)).messages if not m.obsolete}
