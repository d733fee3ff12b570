"""A safe format language for page lines: ``"({date:y/M/d}) {title}"`` with named fields and babel date patterns.

Only a fixed set of field names is known; a field is replaced by its text, never looked up
as an attribute or an index, so a format string from a configuration file cannot reach
into Python objects the way ``str.format`` can. Date fields take a babel (CLDR) pattern
such as ``y/M/d`` or ``EEE, MMM-dd-yyyy``, or one of ``short``, ``medium``, ``long``, ``full``.
"""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import format_date, tokenize_pattern

TEXT_FIELDS = frozenset({"title", "dateline", "id"})
DATE_FIELDS = {"date": "long", "date_short": "short", "posted": "long"}
KNOWN_FIELDS = tuple(sorted(TEXT_FIELDS | set(DATE_FIELDS)))
NAMED_DATE_FORMATS = frozenset({"short", "medium", "long", "full"})
# CLDR date (not time) pattern letters: era, years, quarters, months, weeks, days, weekdays.
DATE_PATTERN_LETTERS = frozenset("GyYuUQqMLlwWdDFgEec")
_SAMPLE_DATE = dt.date(2014, 9, 9)


class FieldFormatError(ValueError):
    """A format string cannot be used; the message says why (the caller adds where)."""


@dataclass(frozen=True)
class Literal:
    """Text copied as it is."""

    text: str


@dataclass(frozen=True)
class Field:
    """A named field, with the date pattern of a date field (``None`` for text fields)."""

    name: str
    pattern: str | None = None


@dataclass(frozen=True)
class FieldValues:
    """The values a format can use; a ``None`` value is missing for this release."""

    title: str | None = None
    date: dt.date | None = None
    dateline: str | None = None
    id: str | None = None
    posted: dt.date | None = None

    def get(self, name: str) -> str | dt.date | None:
        """The raw value behind a field name (``date_short`` reads ``date``)."""
        return getattr(self, "date" if name == "date_short" else name)


@dataclass(frozen=True)
class FieldFormat:
    """A parsed format string: literals and fields, in order."""

    source: str
    parts: tuple[Literal | Field, ...]

    @property
    def field_names(self) -> set[str]:
        return {part.name for part in self.parts if isinstance(part, Field)}

    def missing(self, values: FieldValues) -> set[str]:
        """Names of fields this format uses that have no value."""
        return {name for name in self.field_names if values.get(name) in (None, "")}

    def render(self, values: FieldValues, *, locale: str) -> str:
        """The formatted text; dates in ``locale``. Missing fields render empty (check ``missing`` first)."""
        out = []
        for part in self.parts:
            if isinstance(part, Literal):
                out.append(part.text)
                continue
            value = values.get(part.name)
            if value is None:
                continue
            if isinstance(value, dt.date):
                out.append(format_date_field(value, part.pattern or DATE_FIELDS[part.name], locale=locale))
            else:
                out.append(str(value))
        return "".join(out)


@lru_cache(maxsize=256)
def parse_field_format(text: str) -> FieldFormat:
    """Parse and validate a format string; raises FieldFormatError with a message for the user."""
    parts: list[Literal | Field] = []
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise FieldFormatError(
            f"malformed format {text!r}: {exc} (write '{{{{' and '}}}}' for literal braces)"
        ) from exc
    for literal, name, spec, conversion in parsed:
        if literal:
            parts.append(Literal(literal))
        if name is None:
            continue
        parts.append(_field(name, spec or "", conversion))
    return FieldFormat(source=text, parts=tuple(parts))


def _field(name: str, spec: str, conversion: str | None) -> Field:
    if name not in KNOWN_FIELDS:
        raise FieldFormatError(f"unknown field {name!r}")
    if conversion is not None:
        raise FieldFormatError(f"field {name!r}: conversions such as '!{conversion}' are not supported")
    if name in TEXT_FIELDS:
        if spec:
            raise FieldFormatError(f"field {name!r} takes no pattern (found ':{spec}')")
        return Field(name)
    if spec:
        validate_date_pattern(spec)
    return Field(name, spec or None)


def validate_date_pattern(pattern: str) -> None:
    """Accept ``short``/``medium``/``long``/``full`` or a babel pattern made of date fields only."""
    if pattern in NAMED_DATE_FORMATS:
        return
    if "{" in pattern or "}" in pattern:
        raise FieldFormatError(f"date pattern {pattern!r} cannot contain braces")
    try:
        tokens = tokenize_pattern(pattern)
    except ValueError as exc:
        raise FieldFormatError(f"invalid date pattern {pattern!r}: {exc}") from exc
    for kind, value in tokens:
        if kind == "field" and value[0] not in DATE_PATTERN_LETTERS:
            raise FieldFormatError(
                f"date pattern {pattern!r} uses {value[0]!r}, which is not a date field "
                "(use y, M, d, E ... and quote literal letters as 'text')"
            )
    try:
        format_date(_SAMPLE_DATE, pattern, locale="en")
    except (ValueError, KeyError, AttributeError) as exc:
        raise FieldFormatError(f"invalid date pattern {pattern!r}: {exc}") from exc


def format_date_field(value: dt.date, pattern: str, *, locale: str) -> str:
    """A date in ``locale`` with a named format or a babel pattern."""
    return format_date(value, pattern, locale=locale)
