"""``do-not-translate``: names and acronyms the glossary marks do-not-translate appear unchanged."""

from __future__ import annotations

from presslate.checks.base import SegmentCheck, SegmentContext, quote
from presslate.checks.finding import Finding, Severity


class DoNotTranslateCheck(SegmentCheck):
    """A do-not-translate term of the source must appear unchanged in the translation.

    Only terms without approved translations in the language are concerned (for the others,
    glossary-term accepts the term itself or an approved variant). Grammatical endings the
    language attaches (Korean ``USAID가``, Arabic ``وUSAID``) are fine.

    Fails (ko): "IOM also transported 2,000 collapsible water containers, donated by the US Agency for International Development (USAID)." -> "국제이주기구는 또한 미국국제개발처가 기증한 접이식 물통 2,000개를 운송했다."
    Passes (ko): "IOM also transported 2,000 collapsible water containers, donated by the US Agency for International Development (USAID)." -> "국제이주기구는 또한 미국국제개발처(USAID)가 기증한 접이식 물통 2,000개를 운송했다."
    """

    check_id = "do-not-translate"
    name = "Do-not-translate terms"
    default_severity = Severity.ERROR

    def check(self, ctx: SegmentContext) -> list[Finding]:
        if ctx.terms is None:
            return []
        findings: list[Finding] = []
        for match in ctx.first_term_matches:
            term = match.term
            if not term.do_not_translate or term.approved.get(ctx.lang):
                continue
            if ctx.terms.renders(ctx.target, term, (term.term,)):
                continue
            findings.append(ctx.finding(self, f"{quote(match.text)} must stay as it is (do-not-translate)"))
        return findings
