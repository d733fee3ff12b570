"""``unchanged``: the translation is a copy of the source where the source needs translating."""

from __future__ import annotations

import re

from presslate.checks.base import SegmentCheck, SegmentContext
from presslate.checks.finding import Finding, Severity

_WORD_RE = re.compile(r"[^\W\d_][\w’'.-]*")
# Small words that join the parts of a name ("Ministry of Foreign Affairs", "Distrito Federal de ...").
_NAME_JOINERS = frozenset({"of", "and", "the", "for", "de", "del", "la", "le", "el", "al", "da", "van", "von", "bin", "&"})


class UnchangedCheck(SegmentCheck):
    """The translation is identical to the source although the source is ordinary text.

    Names, acronyms, do-not-translate terms and strings without words (numbers, URLs) may
    stay unchanged; a sentence with ordinary lower-case words may not.

    Fails (fr): "IOM will continue to reach out to vulnerable migrants." -> "IOM will continue to reach out to vulnerable migrants."
    Passes (fr): "Ministry of Foreign Affairs" -> "Ministry of Foreign Affairs"
    """

    check_id = "unchanged"
    name = "Unchanged translations"
    default_severity = Severity.WARNING

    def check(self, ctx: SegmentContext) -> list[Finding]:
        if ctx.target.strip() != ctx.source.strip() or is_name_like(ctx):
            return []
        return [ctx.finding(self, "the translation is a copy of the source")]


def is_name_like(ctx: SegmentContext) -> bool:
    """True when the source is only names, acronyms, do-not-translate terms, numbers, URLs or e-mails."""
    text = ctx.source
    for item in reversed(ctx.source_protected):
        text = text[: item.start] + " " + text[item.end :]
    for match in reversed(ctx.source_terms):
        if match.term.do_not_translate or match.term.kind in ("name", "acronym"):
            text = text[: match.start] + " " + text[match.end :]
    words = _WORD_RE.findall(text)
    if not words:
        return True
    return all(word[0].isupper() or word.lower() in _NAME_JOINERS for word in words)
