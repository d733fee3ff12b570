"""Shared fixtures: the seed pages, throw-away workspaces and a CLI runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from presslate.cli import cli
from presslate.ingest.service import ingest_pages
from presslate.sync import sync_workspace
from presslate.workspace import Workspace, init_workspace

REPO = Path(__file__).resolve().parents[1]
PAGES = REPO / "examples" / "pages"
MIRROR_PAGE = next(PAGES.glob("002_*.txt"))
TEXT_PAGES = sorted(p for p in PAGES.glob("*.txt") if p != MIRROR_PAGE)


@pytest.fixture
def pages_dir() -> Path:
    return PAGES


@pytest.fixture
def empty_workspace(tmp_path: Path) -> Workspace:
    """A fresh workspace for ko, fr, es, ar."""
    return init_workspace(tmp_path / "ws", languages=["ko", "fr", "es", "ar"], name="test")


@pytest.fixture
def seeded_workspace(empty_workspace: Workspace) -> Workspace:
    """A workspace holding the nine seed releases (pages copied in) and their synced catalogs."""
    pages = empty_workspace.root / "pages"
    shutil.copytree(PAGES, pages)
    result = ingest_pages(empty_workspace, sorted(pages.glob("*.txt")))
    assert not result.errors
    sync_workspace(empty_workspace)
    return empty_workspace


@pytest.fixture
def workspace_copy(tmp_path: Path) -> Path:
    """A copy of the repository's example workspace (config, releases, templates, PO files, glossary)."""
    root = tmp_path / "ws"
    root.mkdir()
    for name in ("l10n", "locales"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "glossary.csv", root / "glossary.csv")
    return root


@pytest.fixture
def run(run_cli):
    """The shared CLI runner, taking paths as well as strings."""
    return lambda *args: run_cli(*[str(arg) for arg in args])


@pytest.fixture
def run_cli():
    """Invoke the real click command; returns the click Result (stdout and stderr separate)."""

    def invoke(*args: str, cwd: Path | None = None, input: str | None = None):
        runner = CliRunner()
        if cwd is None:
            return runner.invoke(cli, list(args), input=input, catch_exceptions=False)
        import os

        old = Path.cwd()
        os.chdir(cwd)
        try:
            return runner.invoke(cli, list(args), input=input, catch_exceptions=False)
        finally:
            os.chdir(old)

    return invoke
