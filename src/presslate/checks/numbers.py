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
        source_values = {token.values[0] for token in source}
        unexplained = [token for token in target if source_values.isdisjoint(token.values)]
        target_values = {value for token in target for value in token.values}
        missing = [] if source_values <= target_values else _missing(source, target_values)
        findings: list[Finding] = []
        if missing or unexplained:
            findings = self._value_findings(ctx, missing, _invented(unexplained, ctx.source, ctx.source_lang))
        if any(token.percent for token in source):
            findings += self._percent_findings(ctx, source, target, missing)
        return findings

    def _value_findings(self, ctx: SegmentContext, missing: list[NumberToken],
                        invented: list[NumberToken]) -> list[Finding]:
        """One finding per missing and per invented value, or one "became" finding when a single value changed."""
        if len(missing) == 1 and len(invented) == 1:
            return [ctx.finding(self, f"{missing[0].text} became {invented[0].text} in the translation")]
        findings = [ctx.finding(self, f"{token.text} is missing from the translation") for token in missing]
        findings += [ctx.finding(self, f"the translation has {token.text}, which is not in the source")
                     for token in invented]
        return findings

    def _percent_findings(self, ctx: SegmentContext, source: tuple[NumberToken, ...],
                          target: tuple[NumberToken, ...], missing: list[NumberToken]) -> list[Finding]:
        """A finding for each per-cent value of the source that the translation carries, but not as a percentage."""
        findings = []
        for token in source:
            if not token.percent or token in missing:
                continue
            same = [other for other in target if token.value in other.values]
            if same and not any(other.percent for other in same):
                findings.append(ctx.finding(self, f"{token.text} per cent is not a percentage in the translation "
                                                  f"({same[0].text})"))
        return findings


def _missing(source: tuple[NumberToken, ...], target_values: set[Decimal]) -> list[NumberToken]:
    """The source tokens whose value the translation lacks, one per value."""
    return _distinct(token for token in source if token.value not in target_values)


def _invented(unexplained: list[NumberToken], source: str, source_lang: str) -> list[NumberToken]:
    """The unexplained tokens whose values the source does not name in words either, one per value."""
    if not unexplained:
        return []
    soft = soft_values_of(source, source_lang)
    return _distinct(token for token in unexplained if soft.isdisjoint(token.values))


def _distinct(tokens) -> list[NumberToken]:
    """Tokens with a value not seen before (one finding per value)."""
    seen: set[Decimal] = set()
    kept = []
    for token in tokens:
        if token.value not in seen:
            seen.add(token.value)
            kept.append(token)
    return kept
