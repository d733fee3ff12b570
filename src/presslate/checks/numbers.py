"""``numbers``: the translation carries the source's numbers, compared as values, and invents none."""

from __future__ import annotations

from decimal import Decimal

from presslate.checks.base import SegmentCheck, SegmentContext
from presslate.checks.finding import Finding, Severity
from presslate.checks.numerals import NumberToken, numbers_of, soft_values_of


class NumbersCheck(SegmentCheck):
    """Every number of the source must appear in the translation with the same value, and no number may be invented.

    Values, not strings, are compared: digit grouping and decimal marks of the language
    (``862,458`` = ``862 458`` in French = ``862.458`` in Spanish), Arabic-Indic and Persian
    digits, per-cent signs and words (``50 per cent`` = ``50 %`` = ``٪50``), scale words
    (``1.7 million`` = ``1,7 million`` = ``170만`` = ``1.7 مليون``), years and ordinals
    (``20th``). Numbers inside URLs, e-mails and phone numbers are left to ``urls-emails``.
    A number the source spells in words (``two-week``, ``January``) may appear as digits.

    Fails (fr): "Iraq's Kurdistan region today holds 50 per cent of all displaced individuals – some 862,458 people." -> "La région du Kurdistan irakien accueille aujourd'hui 50 % de tous les déplacés, soit quelque 826 458 personnes."
    Passes (fr): "Iraq's Kurdistan region today holds 50 per cent of all displaced individuals – some 862,458 people." -> "La région du Kurdistan irakien accueille aujourd'hui 50 % de tous les déplacés, soit quelque 862 458 personnes."
    """

    check_id = "numbers"
    name = "Numbers"
    default_severity = Severity.ERROR

    def check(self, ctx: SegmentContext) -> list[Finding]:
        source = numbers_of(ctx.source, ctx.source_lang, strict=True)
        target = numbers_of(ctx.target, ctx.lang)
        if not source and not target:
            return []
        target_values = {value for token in target for value in token.values}
        source_values = {token.value for token in source}
        missing = _distinct(token for token in source if token.value not in target_values)
        unexplained = [token for token in target if not any(value in source_values for value in token.values)]
        invented: list[NumberToken] = []
        if unexplained:
            soft = soft_values_of(ctx.source, ctx.source_lang)
            invented = _distinct(token for token in unexplained if not any(value in soft for value in token.values))
        findings: list[Finding] = []
        if len(missing) == 1 and len(invented) == 1:
            findings.append(ctx.finding(self, f"{missing[0].text} became {invented[0].text} in the translation"))
        else:
            findings += [ctx.finding(self, f"{token.text} is missing from the translation") for token in missing]
            findings += [ctx.finding(self, f"the translation has {token.text}, which is not in the source")
                         for token in invented]
        findings += self._percent_findings(ctx, source, target, missing)
        return findings

    def _percent_findings(self, ctx: SegmentContext, source: list[NumberToken], target: list[NumberToken],
                          missing: list[NumberToken]) -> list[Finding]:
        findings = []
        if not any(token.percent for token in source):
            return findings
        for token in source:
            if not token.percent or token in missing:
                continue
            same = [other for other in target if token.value in other.values]
            if same and not any(other.percent for other in same):
                findings.append(ctx.finding(self, f"{token.text} per cent is not a percentage in the translation "
                                                  f"({same[0].text})"))
        return findings


def _distinct(tokens) -> list[NumberToken]:
    """Tokens with a value not seen before (one finding per value)."""
    seen: set[Decimal] = set()
    kept = []
    for token in tokens:
        if token.value not in seen:
            seen.add(token.value)
            kept.append(token)
    return kept
