"""``forbidden-term``: a rendering the glossary forbids appears in the translation."""

from __future__ import annotations

from presslate.checks.base import SegmentCheck, SegmentContext, quote
from presslate.checks.finding import Finding, Severity


class ForbiddenTermCheck(SegmentCheck):
    """A translation must not use a variant the glossary forbids (same morphology rules as glossary-term).

    Fails (fr): "IOM is helping to evacuate 401 Senegalese." -> "L'Organisation internationale de la migration aide à évacuer 401 Sénégalais."
    Passes (fr): "IOM is helping to evacuate 401 Senegalese." -> "L'OIM aide à évacuer 401 Sénégalais."
    """

    check_id = "forbidden-term"
    name = "Forbidden terms"
    default_severity = Severity.ERROR

    def check(self, ctx: SegmentContext) -> list[Finding]:
        if ctx.terms is None or not ctx.terms.forbidden:
            return []
        findings = []
        for term, variant in ctx.terms.forbidden_found(ctx.target):
            preferred = term.preferred(ctx.lang)
            advice = f"; use {quote(preferred)}" if preferred else ""
            findings.append(ctx.finding(self, f"{quote(variant)} is forbidden for {quote(term.term)}{advice}"))
        return findings
