"""Fixtures of the build tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.build.helpers import make_workspace
from tests.conftest import MIRROR_PAGE


@pytest.fixture
def mirror_workspace(tmp_path: Path) -> Path:
    """A workspace holding the five releases of the seed Korean mirror page, synced, nothing translated."""
    return make_workspace(tmp_path / "ws", MIRROR_PAGE)
