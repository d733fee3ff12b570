"""``forbidden-term``: a rendering the glossary forbids appears in the translation."""

from __future__ import annotations

from presslate.checks.base import SegmentCheck, SegmentContext, quote
from presslate.checks.finding import Finding, Severity


class ForbiddenTermCheck(SegmentCheck):
    """A translation must not use a variant the glossary forbids (same morphology rules as glossary-term).

    Fails (fr): "Another IOM area of concern in the region is the incidence of human trafficking." -> "Un autre sujet de préoccupation de l'OIM dans la région est l'incidence du trafic d'êtres humains."
    Passes (fr): "Another IOM area of concern in the region is the incidence of human trafficking." -> "Un autre sujet de préoccupation de l'OIM dans la région est l'incidence de la traite des êtres humains."
    """

    check_id = "forbidden-term"
    name = "Forbidden terms"
    default_severity = Severity.ERROR

    def check(self, ctx: SegmentContext) -> list[Finding]:
        if ctx.terms is None or not ctx.terms.forbidden:
            return []
        findings = []
        named = {match.term.term for match in ctx.source_terms}
        for term, variant in ctx.terms.forbidden_found(ctx.target, named=named):
            preferred = term.preferred(ctx.lang)
            advice = f"; use {quote(preferred)}" if preferred else ""
            findings.append(ctx.finding(self, f"{quote(variant)} is forbidden for {quote(term.term)}{advice}"))
        return findings
