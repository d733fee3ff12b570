"""``draft``: a machine or memory draft, or a fuzzy translation, awaits review."""

from __future__ import annotations

from presslate.checks.base import SegmentCheck, SegmentContext
from presslate.checks.finding import Finding, Severity
from presslate.catalog.model import DRAFT_PREFIX


class DraftCheck(SegmentCheck):
    """The translation is a draft (machine translation or translation memory) or fuzzy, and awaits review.

    A reviewer accepts it by editing as needed and removing the ``fuzzy`` flag. Other checks
    look at drafts only once they are accepted.

    Fails (es): "A third training is scheduled before the end of the year." -> "Una tercera formación está prevista antes de fin de año." [draft]
    Passes (es): "A third training is scheduled before the end of the year." -> "Una tercera formación está prevista antes de fin de año."
    """

    check_id = "draft"
    name = "Drafts awaiting review"
    default_severity = Severity.WARNING
    checks_drafts = True

    def check(self, ctx: SegmentContext) -> list[Finding]:
        if not ctx.fuzzy or not ctx.target:
            return []
        origin = ""
        if ctx.message is not None:
            origin = next((c[len(DRAFT_PREFIX):].strip() for c in ctx.message.translator_comments
                           if c.startswith(DRAFT_PREFIX)), "")
        if ctx.draft:
            return [ctx.finding(self, f"draft awaiting review ({origin})" if origin else "draft awaiting review")]
        return [ctx.finding(self, "fuzzy translation awaiting review")]
