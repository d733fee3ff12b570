"""``urls-emails``: URLs, e-mail addresses, phone numbers and hashtags reach the translation unchanged."""

from __future__ import annotations

from presslate.checks.base import SegmentCheck, SegmentContext, quote
from presslate.checks.finding import Finding, Severity
from presslate.checks.patterns import digits_of

_LABELS = {"url": "URL", "email": "e-mail", "phone": "phone number", "hashtag": "hashtag"}


class UrlsEmailsCheck(SegmentCheck):
    """URLs, e-mail addresses, phone numbers and hashtags of the source must appear unchanged in the translation.

    Phone numbers are compared by their digits, so spacing may follow the language.

    Fails (es): "For more information on IOM’s DTM, please go to www.iomiraq.net" -> "Para más información sobre la DTM de la OIM, visite www.iom-iraq.net"
    Passes (es): "For more information on IOM’s DTM, please go to www.iomiraq.net" -> "Para más información sobre la DTM de la OIM, visite www.iomiraq.net"
    """

    check_id = "urls-emails"
    name = "URLs, e-mails, phones, hashtags"
    default_severity = Severity.ERROR

    def check(self, ctx: SegmentContext) -> list[Finding]:
        if not ctx.source_protected:
            return []
        findings = []
        target_folded = ctx.target.casefold()
        target_phones = {digits_of(item.text) for item in ctx.target_protected if item.kind == "phone"}
        target_digits = "".join(ch for ch in ctx.target if ch.isdigit())
        for item in ctx.source_protected:
            if item.text in ctx.target:
                continue
            if item.kind in ("url", "email") and item.text.casefold() in target_folded:
                continue
            if item.kind == "phone":
                digits = digits_of(item.text)
                if digits in target_phones or digits.lstrip("+") in target_digits:
                    continue
            findings.append(ctx.finding(self, f"{_LABELS[item.kind]} {quote(item.text)} must appear unchanged "
                                              "in the translation"))
        return findings
