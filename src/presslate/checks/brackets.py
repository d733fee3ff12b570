"""``brackets``: brackets and quotation marks are balanced as in the source."""

from __future__ import annotations

from presslate.checks.base import SegmentCheck, SegmentContext
from presslate.checks.finding import Finding, Severity

# Bracket kinds: (name, openers, closers); full-width forms count as their ASCII twins.
BRACKETS = (
    ("(", "(（", ")）"),
    ("[", "[［【", "]］】"),
    ("{", "{｛", "}｝"),
)
DOUBLE_OPENERS = "“«„「『〝"
DOUBLE_CLOSERS = "”»」』〞"


def bracket_balance(text: str, openers: str, closers: str) -> int:
    """Openings minus closings."""
    return sum(text.count(ch) for ch in openers) - sum(text.count(ch) for ch in closers)


def quote_imbalance(text: str) -> int:
    """How many quotations ``text`` leaves open or closes without opening (either direction counts).

    Curly, angle and corner quotes have a direction; single curly quotes count only in texts
    that open one with ``‘`` (``’`` is an apostrophe too: ``IOM’s``, ``l’OIM``); a straight
    ``"`` only counts when there is an odd number of them.
    """
    net = bracket_balance(text, DOUBLE_OPENERS, DOUBLE_CLOSERS)
    if "‘" in text:
        net += text.count("‘") - sum(1 for i, ch in enumerate(text)
                                    if ch == "’" and not (i + 1 < len(text) and text[i + 1].isalpha()))
    return abs(net) + text.count('"') % 2


class BracketsCheck(SegmentCheck):
    """Brackets and quotation marks must be balanced in the translation as they are in the source.

    Any quotation style of the language is fine (« », “ ”, 「 」); a sentence that opens a
    quotation continued in the next sentence may leave it open, as its source does.

    Fails (fr): "Esther said: “We thought it would be best if we rented this small place together.”" -> "Esther a déclaré : « Nous avons pensé qu'il valait mieux louer ce petit local ensemble."
    Passes (fr): "Esther said: “We thought it would be best if we rented this small place together.”" -> "Esther a déclaré : « Nous avons pensé qu'il valait mieux louer ce petit local ensemble. »"
    """

    check_id = "brackets"
    name = "Brackets and quotes"
    default_severity = Severity.WARNING

    def check(self, ctx: SegmentContext) -> list[Finding]:
        findings = []
        for name, openers, closers in BRACKETS:
            if not any(ch in ctx.target or ch in ctx.source for ch in openers + closers):
                continue
            source, target = bracket_balance(ctx.source, openers, closers), bracket_balance(ctx.target, openers, closers)
            if source != target:
                findings.append(ctx.finding(self, f"unbalanced {_describe(name, target)} "
                                                  f"(the source {_describe_source(source)})"))
        source_quotes, target_quotes = quote_imbalance(ctx.source), quote_imbalance(ctx.target)
        if source_quotes != target_quotes:
            state = "are balanced" if source_quotes == 0 else f"leave {source_quotes} open"
            findings.append(ctx.finding(self, f"{target_quotes or 'no'} unmatched quotation mark(s) in the "
                                              f"translation; the source's {state}"))
        return findings


def _describe(name: str, balance: int) -> str:
    closer = {"(": ")", "[": "]", "{": "}"}[name]
    if balance > 0:
        return f'"{name}": {balance} more opened than closed'
    return f'"{closer}": {-balance} more closed than opened'


def _describe_source(balance: int) -> str:
    return "is balanced" if balance == 0 else f"has {balance:+d}"
