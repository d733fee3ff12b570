"""Term hints for PO files (placeholder until the glossary lands): no hints."""

from __future__ import annotations

from presslate.sync import HintFactory
from presslate.workspace import Workspace


def glossary_hints(workspace: Workspace) -> tuple[HintFactory | None, str]:
    """The hint factory for sync and a signature of what it depends on."""
    return None, ""
