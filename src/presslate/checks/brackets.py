"""``brackets``: brackets and quotation marks are balanced as in the source."""

from __future__ import annotations

import re

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
_ANY_MARK_RE = re.compile("[" + re.escape("".join(o + c for _, o, c in BRACKETS) + DOUBLE_OPENERS + DOUBLE_CLOSERS
                                          + "‘\"") + "]")


_ROLE: dict[str, tuple[str, int]] = {}
for _name, _openers, _closers in BRACKETS:
    _ROLE.update({ch: (_name, 1) for ch in _openers})
    _ROLE.update({ch: (_name, -1) for ch in _closers})
_ROLE.update({ch: ("quote", 1) for ch in DOUBLE_OPENERS})
_ROLE.update({ch: ("quote", -1) for ch in DOUBLE_CLOSERS})


def balances(text: str) -> dict[str, int]:
    """Openings minus closings per bracket kind (``(``, ``[``, ``{``) and the quotation imbalance (``quote``)."""
    result = {"(": 0, "[": 0, "{": 0, "quote": 0}
    straight = single_open = 0
    single_close: list[int] = []
    for ch in _ANY_MARK_RE.findall(text):  # the marks as strings: no match object per mark
        role = _ROLE.get(ch)
        if role is not None:
            result[role[0]] += role[1]
        elif ch == '"':
            straight += 1
        elif ch == "‘":
            single_open += 1
    if single_open:
        single_close = [i for i, ch in enumerate(text)
                        if ch == "’" and not (i + 1 < len(text) and text[i + 1].isalpha())]
    result["quote"] = abs(result["quote"] + single_open - len(single_close)) + straight % 2
    return result


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
        if not _ANY_MARK_RE.search(ctx.source) and not _ANY_MARK_RE.search(ctx.target):
            return []
        source, target = balances(ctx.source), balances(ctx.target)
        if source == target:
            return []
        findings = []
        for name in ("(", "[", "{"):
            if source[name] != target[name]:
                findings.append(ctx.finding(self, f"unbalanced {_describe(name, target[name])} "
                                                  f"(the source {_describe_source(source[name])})"))
        if source["quote"] != target["quote"]:
            state = "are balanced" if source["quote"] == 0 else f"leave {source['quote']} open"
            findings.append(ctx.finding(self, f"{target['quote'] or 'no'} unmatched quotation mark(s) in the "
                                              f"translation; the source's {state}"))
        return findings


def _describe(name: str, balance: int) -> str:
    closer = {"(": ")", "[": "]", "{": "}"}[name]
    if balance > 0:
        return f'"{name}": {balance} more opened than closed'
    return f'"{closer}": {-balance} more closed than opened'


def _describe_source(balance: int) -> str:
    return "is balanced" if balance == 0 else f"has {balance:+d}"
