"""``glossary-term``: every glossary term of the source is rendered by an approved translation."""

from __future__ import annotations

from presslate.checks.base import SegmentCheck, SegmentContext, quote
from presslate.checks.finding import Finding, Severity


class GlossaryTermCheck(SegmentCheck):
    """A source term (outside URLs and e-mails) must be rendered by one of its approved translations.

    The matcher understands the target language's morphology (Korean particles, Arabic
    clitics and article, French and Spanish inflection). A do-not-translate term also counts
    as rendered when it appears unchanged; one without approved translations is left to the
    ``do-not-translate`` check.

    Fails (ko): "IOM delivered 1,000 kits of non-food items." -> "국제이주기관은 비식량 물품 키트 1,000개를 전달했다."
    Passes (ko): "IOM delivered 1,000 kits of non-food items." -> "국제이주기구는 비식량 물품 키트 1,000개를 전달했다."
    """

    check_id = "glossary-term"
    name = "Glossary terms"
    default_severity = Severity.ERROR

    def check(self, ctx: SegmentContext) -> list[Finding]:
        if ctx.terms is None:
            return []
        findings: list[Finding] = []
        for match in ctx.first_term_matches:
            term = match.term
            approved = term.approved.get(ctx.lang, ())
            if not approved:
                continue  # nothing approved: do-not-translate (or nothing) applies
            accepted = term.accepted(ctx.lang)
            if ctx.terms.renders(ctx.target, term, accepted):
                continue
            choices = " or ".join(quote(variant) for variant in accepted)
            findings.append(ctx.finding(
                self, f"{quote(match.text)} must be rendered as {choices} (found neither it nor an allowed variant)"
            ))
        return findings
