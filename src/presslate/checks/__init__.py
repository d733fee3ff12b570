"""Quality checks of translations: one class per check, an ordered registry, a runner with cache and workers.

The API others call: :func:`run_checks` (a workspace's PO files -> :class:`CheckReport`) and
:func:`check_message` (one message, e.g. a machine draft before it is written).
"""

from presslate.checks.engine import check_message
from presslate.checks.finding import CheckReport, Finding, Severity
from presslate.checks.runner import run_checks

__all__ = ["CheckReport", "Finding", "Severity", "check_message", "run_checks"]
