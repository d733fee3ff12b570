"""Numbers in text read as values: locale digit grouping and decimal marks, native digits, scale and per-cent words.

``862,458`` (English), ``862 458`` (French, with a plain, no-break or narrow no-break space) and
``862.458`` (Spanish) all read as 862458; ``1.7 million``, ``1,7 million``, ``170만`` and
``1.7 مليون`` all read as 1700000. A token a locale could read two ways (``43,863`` in a Spanish
text) keeps both readings so that either can match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple
from decimal import Decimal, InvalidOperation, getcontext
from functools import lru_cache

from presslate.checks.languages import SPACE_SEPARATORS, LanguageRules, rules_for
from presslate.checks.patterns import Protected, inside, protected_spans

# Arabic-Indic, Persian (extended Arabic-Indic) and full-width digits become ASCII; the
# Arabic decimal and thousands marks become private markers. One character in, one out,
# so offsets stay valid.
ARABIC_DECIMAL = "\u066b"
ARABIC_GROUP = "\u066c"
_DIGITS = str.maketrans(
    {**{chr(0x0660 + i): str(i) for i in range(10)},
     **{chr(0x06F0 + i): str(i) for i in range(10)},
     **{chr(0xFF10 + i): str(i) for i in range(10)}}
)
_SEPARATORS = ".,'\u2019" + ARABIC_DECIMAL + ARABIC_GROUP
# "\d\d*", not "\d+": a pattern that opens with a bare character class lets ``re`` skip
# to the next digit in a tight C loop instead of trying a match at every character.
_NUMBER_RE = re.compile(
    rf"\d\d*(?:(?:[{re.escape(_SEPARATORS)}]|[{SPACE_SEPARATORS}](?=\d{{3}}(?!\d)))\d+)*"
)
_ANY_DIGIT_RE = re.compile("[0-9\u0660-\u0669\u06f0-\u06f9\uff10-\uff19]")
_PERCENT_SIGNS = "%\u066a\uff05"  # % ٪ ％


class NumberToken(NamedTuple):
    """A number as written (``text``, ``start``/``end``) and the values it can stand for (first = preferred)."""

    text: str
    start: int
    end: int
    values: tuple[Decimal, ...]
    percent: bool = False

    @property
    def value(self) -> Decimal:
        return self.values[0]


def normalise_digits(text: str) -> str:
    """``text`` with Arabic-Indic, Persian and full-width digits as ASCII digits (same length)."""
    return text.translate(_DIGITS)


def extract_numbers(text: str, rules: LanguageRules, *, protected: list[Protected] = (),
                    strict: bool = False) -> list[NumberToken]:
    """The numbers of ``text`` outside ``protected`` spans, read by ``rules``.

    ``strict`` (used for the source text) reads only the language's own marks; otherwise a
    token the language's marks cannot read, or could read as a 3-digit grouping in English
    style, also gets the English reading.
    """
    return _extract(text, _reader(rules, strict), protected)


class _Reader(NamedTuple):
    """What reading numbers takes, prepared once per language and strictness: rules, token pattern, memo of readings."""

    rules: LanguageRules
    strict: bool
    pattern: re.Pattern[str]
    known: dict[str, tuple[Decimal, ...]]


@lru_cache(maxsize=None)
def _reader(rules: LanguageRules, strict: bool) -> _Reader:
    """The reader for ``rules`` (its memo of readings is shared by every language with the same marks)."""
    return _Reader(rules, strict, _token_pattern(rules), _known_readings(rules.decimal, rules.group, strict))


def _extract(text: str, reader: _Reader, protected: Sequence[Protected] | None) -> list[NumberToken]:
    """The numbers of ``text`` outside ``protected`` (``None``: its :func:`~presslate.checks.patterns.find_protected` spans, found if needed).

    The token pattern knows digits only as ``\\d`` (any Unicode digit), so reading ``text`` as it
    is finds the tokens its normalised form would give as long as every digit is ASCII, which
    spares two scans of every text (for any digit, for native digits). Only when a number holds
    another digit is the text read again with Arabic-Indic, Persian and full-width digits as ASCII
    (and, as ever, only when it holds one of those or an ASCII digit).
    """
    tokens = _read_tokens(text, text, reader, protected, ascii_only=True)
    if tokens is None:
        if not _ANY_DIGIT_RE.search(text):
            return []
        tokens = _read_tokens(text, normalise_digits(text), reader, protected, ascii_only=False)
    if reader.rules.attached_scales:
        tokens = _add_up_scales(tokens, text)  # they join across blanks only, the same in either form
    return tokens


def _read_tokens(text: str, plain: str, reader: _Reader, protected: Sequence[Protected] | None, *,
                 ascii_only: bool) -> list[NumberToken] | None:
    """The tokens found in ``plain`` (``text`` or its normalised form); None when ``ascii_only`` and a number is not ASCII.

    With ``protected`` None, the spans are looked for once the numbers are found: a text with too
    few digits for a phone number is spared the phone tests (:func:`protected_spans`).
    """
    rules, strict, _, known = reader
    tokens: list[NumberToken] = []
    matches = [(match.start(), *match.groups(), match) for match in reader.pattern.finditer(plain)]
    if protected is None and matches:
        protected = protected_spans(text, digits=_digits_at_most(matches))
    for start, raw, scale, after, match in matches:
        if ascii_only and not raw.isascii():
            return None
        end = start + len(raw)
        if protected and inside(protected, start, end):
            continue
        values = known.get(raw)
        if values is None:
            if len(known) > READINGS_CACHE_SIZE:
                known.clear()
            values = known[raw] = _readings(raw, rules, strict=strict)
        if not values:
            continue
        if scale:
            multiplier = scale_multiplier(rules.scales, scale)
            values = tuple(_normal(value * multiplier) for value in values)
            end = match.end(2)
            written = text[start:end]
        else:
            written = raw if plain is text else text[start:end]  # as written, not as normalised
        percent = after is not None or (start > 0 and plain[start - 1] in _PERCENT_SIGNS)
        tokens.append(_new_token(NumberToken, (written, start, end, values, percent)))
    return tokens


def _digits_at_most(matches: list[tuple[int, str, str | None, str | None, re.Match[str]]]) -> int:
    """At least as many as the digits of the text of ``matches``: each lies in a number or a per-cent word ("p. 100")."""
    return sum(len(raw) - (not raw.isdecimal()) + (len(after) if after else 0)  # a number's mark is no digit
               for _, raw, _, after, _ in matches)


READINGS_CACHE_SIZE = 65536
_READINGS: dict[tuple[str, str, bool], dict[str, tuple[Decimal, ...]]] = {}
_new_token = tuple.__new__  # NumberToken(...) without the keyword handling of its generated __new__


def _known_readings(decimal: str, group: str, strict: bool) -> dict[str, tuple[Decimal, ...]]:
    """The memo of :func:`_readings` for one pair of marks (numbers such as years recur in every file)."""
    key = (decimal, group, strict)
    known = _READINGS.get(key)
    if known is None:
        known = _READINGS[key] = {}
    return known


@lru_cache(maxsize=None)
def _token_pattern(rules: LanguageRules) -> re.Pattern[str]:
    """A number with what may follow it: a scale word, a per-cent sign or word (a sign before, ``٪50``, is seen apart)."""
    number = _NUMBER_RE.pattern
    scale = ""
    if rules.scales:
        words = "|".join(re.escape(word) for word in sorted(rules.scales, key=len, reverse=True))
        gap = "" if rules.attached_scales else r"[ \u00a0\u202f-]?"
        tail = "" if rules.attached_scales else r"(?!\w)"
        scale = rf"(?:{gap}(?P<scale>(?i:{words})){tail})?"
    else:
        scale = "(?P<scale>(?!))?"
    words = "|".join(re.escape(word) for word in sorted(rules.percent_words, key=len, reverse=True))
    after = f"[{_PERCENT_SIGNS}]" + (f"|(?i:{words})" if words else "")
    return re.compile(rf"(?P<num>{number}){scale}(?P<after>[ \u00a0\u202f]?(?:{after}))?")


@lru_cache(maxsize=65536)
def numbers_of(text: str, lang: str, *, strict: bool = False) -> tuple[NumberToken, ...]:
    """The numbers of ``text`` in ``lang`` outside its URLs, e-mails and phone numbers (memoised)."""
    return tuple(_extract(text, _reader(rules_for(lang), strict), None))


def _readings(raw: str, rules: LanguageRules, *, strict: bool) -> tuple[Decimal, ...]:
    """Every value ``raw`` can stand for: the locale's reading first, then the English one (none for "1.2.3")."""
    if raw.isdecimal() and len(raw) <= getcontext().prec:  # a plain integer reads the same with any marks
        return (Decimal(raw),)
    local = _read(raw, rules.decimal, rules.group)
    english = None if strict or (rules.decimal, rules.group) == (".", ",") else _read(raw, ".", ",")
    if english is None or english == local:
        return () if local is None else (local,)
    return (english,) if local is None else (local, english)


@lru_cache(maxsize=None)
def _grammar(decimal: str, group: str) -> tuple[re.Pattern[str], dict[int, None]]:
    """How a language writes a number: digit groups of three after the first, then a decimal part.

    The pattern captures the whole part and the decimal digits; the table drops the group marks.
    """
    groups = group + ARABIC_GROUP + (SPACE_SEPARATORS if group in SPACE_SEPARATORS else "")
    pattern = re.compile(rf"(\d{{1,3}}(?:[{re.escape(groups)}]\d{{3}})+|\d+)(?:[{re.escape(decimal + ARABIC_DECIMAL)}](\d+))?")
    return pattern, dict.fromkeys(map(ord, groups))


@lru_cache(maxsize=65536)
def _read(raw: str, decimal: str, group: str) -> Decimal | None:
    """``raw`` read with one decimal mark and one group mark (Arabic marks always count), or None.

    Positional parameters: a memo key built from keywords costs more than the look-up.
    """
    pattern, drop = _grammar(decimal, group)
    found = pattern.fullmatch(raw)
    if found is None:
        return None
    whole, fraction = found.groups()
    if not whole.isdecimal():
        whole = whole.translate(drop)
    if fraction is None and len(whole) <= getcontext().prec:  # an integer _normal would keep as it is
        return Decimal(whole)
    try:
        return _normal(Decimal(whole if fraction is None else f"{whole}.{fraction}"))
    except InvalidOperation:  # more digits than the context holds
        return None


def _normal(value: Decimal) -> Decimal:
    """A canonical Decimal (``1.70E+6`` and ``1700000`` compare and hash equal either way; this prints well)."""
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral_value() else normal


def scale_multiplier(scales: dict[str, Decimal], word: str) -> Decimal:
    """The value of a scale word as the case-insensitive pattern matched it (``Millions``, or ``millionſ`` with a long s)."""
    value = scales.get(word.lower())
    if value is None:  # re folds a few letters str.lower keeps (ſ, K): find the word the pattern matched
        value = next(known for name, known in scales.items() if re.fullmatch(re.escape(name), word, re.IGNORECASE))
    return value


def _add_up_scales(tokens: list[NumberToken], plain: str) -> list[NumberToken]:
    """Join Korean-style chains such as ``1억 2천만`` (100000000 + 20000000) into one number."""
    joined: list[NumberToken] = []
    for token in tokens:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and not plain[previous.end : token.start].strip()
            and previous.text[-1:].isalpha()
            and token.text[-1:].isalpha()
            and previous.value > token.value
        ):
            value = _normal(previous.value + token.value)
            joined[-1] = NumberToken(previous.text + plain[previous.end : token.start] + token.text,
                                     previous.start, token.end, (value,), previous.percent or token.percent)
            continue
        joined.append(token)
    return joined


_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=16384)
def soft_values_of(text: str, lang: str) -> frozenset[Decimal]:
    """:func:`soft_values` of ``text`` in ``lang`` (memoised)."""
    return frozenset(soft_values(text, rules_for(lang)))


def soft_values(text: str, rules: LanguageRules) -> set[Decimal]:
    """Values a source text names in words (``two-week``, ``first``, ``January``, ``one million``).

    They never have to appear in a translation, but a translation may write them as digits
    (``2주간``, ``1월``, ``100만``) without that counting as an invented number.
    """
    if not rules.number_words and not rules.month_words:
        return set()
    values: set[Decimal] = set()
    previous: Decimal | None = None
    for match in _WORD_RE.finditer(text.lower()):
        word = match.group(0)
        number = rules.number_words.get(word)
        scale = rules.scales.get(word)
        month = rules.month_words.get(word)
        if month is not None:
            values.add(Decimal(month))
        if scale is not None:
            values.add(_normal(scale))
            if previous is not None:
                values.add(_normal(previous * scale))
        if number is not None:
            values.add(number)
            if previous is not None and previous >= 20 and number < 10:  # twenty-five
                values.add(previous + number)
        previous = number if number is not None else None
    return values
