"""``double-space``: two spaces in a row where the source has none."""

from __future__ import annotations

import re

from presslate.checks.base import SegmentCheck, SegmentContext, quote
from presslate.checks.finding import Finding, Severity

_DOUBLE_RE = re.compile(r"[ \u00a0\u202f]{2,}")


class DoubleSpaceCheck(SegmentCheck):
    """The translation has two or more spaces in a row (plain or no-break) where the source has none.

    Fails (es): "Half of the participants are women." -> "La mitad de los participantes  son mujeres."
    Passes (es): "Half of the participants are women." -> "La mitad de los participantes son mujeres."
    """

    check_id = "double-space"
    name = "Double spaces"
    default_severity = Severity.WARNING

    def check(self, ctx: SegmentContext) -> list[Finding]:
        if not _may_have_double(ctx.target):
            return []
        found = _DOUBLE_RE.search(ctx.target.strip())
        if found is None or _DOUBLE_RE.search(ctx.source.strip()):
            return []
        text = ctx.target.strip()
        before = text[max(0, found.start() - 20) : found.start()].split()[-1:] or [""]
        return [ctx.finding(self, f"double space after {quote(before[0])}")]


def _may_have_double(text: str) -> bool:
    """False when ``text`` has no two spaces in a row of any kind (three substring tests, quicker than the pattern)."""
    return "  " in text or "\u00a0" in text or "\u202f" in text
