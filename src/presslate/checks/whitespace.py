"""``whitespace``: stray leading or trailing whitespace, or line breaks the source does not have."""

from __future__ import annotations

from presslate.checks.base import SegmentCheck, SegmentContext
from presslate.checks.finding import Finding, Severity


class WhitespaceCheck(SegmentCheck):
    """Leading and trailing whitespace and line breaks of the translation must match the source's.

    Fails (ko): "Half of the participants are women." -> "참가자의 절반이 여성이다. "
    Passes (ko): "Half of the participants are women." -> "참가자의 절반이 여성이다."
    """

    check_id = "whitespace"
    name = "Leading and trailing whitespace"
    default_severity = Severity.WARNING

    def check(self, ctx: SegmentContext) -> list[Finding]:
        findings = []
        source, target = ctx.source, ctx.target
        for where, src_has, tgt_has in (
            ("starts", source[:1].isspace(), target[:1].isspace()),
            ("ends", source[-1:].isspace(), target[-1:].isspace()),
        ):
            if tgt_has and not src_has:
                findings.append(ctx.finding(self, f"the translation {where} with whitespace, the source does not"))
            elif src_has and not tgt_has:
                findings.append(ctx.finding(self, f"the source {where} with whitespace, the translation does not"))
        if "\n" in target.strip() and "\n" not in source:
            findings.append(ctx.finding(self, "the translation has a line break the source does not have"))
        return findings
