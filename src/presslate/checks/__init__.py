"""Quality checks of translations: one class per check, an ordered registry, a runner with cache and workers.

The API others call: :func:`run_checks` (a workspace's PO files -> :class:`CheckReport`) and
:func:`check_message` (one message, e.g. a machine draft before it is written). Names are loaded
on first use, so that a replayed ``presslate check`` does not import every check.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from presslate.checks.engine import check_message
    from presslate.checks.finding import CheckReport, Finding, Severity
    from presslate.checks.runner import run_checks

__all__ = ["CheckReport", "Finding", "Severity", "check_message", "run_checks"]
_HOMES = {"check_message": "engine", "CheckReport": "finding", "Finding": "finding", "Severity": "finding",
          "run_checks": "runner"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(f"presslate.checks.{_HOMES[name]}"), name)
    raise AttributeError(f"module 'presslate.checks' has no attribute {name!r}")
