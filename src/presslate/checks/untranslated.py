"""``untranslated``: an entry has no translation yet."""

from __future__ import annotations

from presslate.checks.base import SegmentCheck, SegmentContext
from presslate.checks.finding import Finding, Severity


class UntranslatedCheck(SegmentCheck):
    """The entry has no translation yet (an empty ``msgstr``).

    Fails (ko): "IOM Iraq on Sunday (7/9) joined a relief convoy." -> ""
    Passes (ko): "IOM Iraq on Sunday (7/9) joined a relief convoy." -> "국제이주기구 이라크 사무소는 일요일(9월 7일) 구호 호송대에 합류했다."
    """

    check_id = "untranslated"
    name = "Untranslated entries"
    default_severity = Severity.INFO
    checks_untranslated = True
    checks_drafts = True

    def check(self, ctx: SegmentContext) -> list[Finding]:
        if ctx.target:
            return []
        return [ctx.finding(self, "not translated yet")]
