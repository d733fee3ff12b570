"""The safe format language of title and posting lines."""

from __future__ import annotations

import datetime as dt

import pytest

from presslate.build.fields import FieldFormatError, FieldValues, parse_field_format

SEPTEMBER_9 = dt.date(2014, 9, 9)
KOREAN_TITLE = "IOM, UN과 연합해 포위된 이라크 지역에 물자 전달"
VALUES = FieldValues(title=KOREAN_TITLE, date=SEPTEMBER_9, dateline="Iraq",
                     id="2014-09-09-iom-iraq-on-sunday-joined-a-relief-convoy", posted=SEPTEMBER_9)


def render(text: str, locale: str = "ko", values: FieldValues = VALUES) -> str:
    return parse_field_format(text).render(values, locale=locale)


def test_korean_mirror_title_line() -> None:
    assert render("({date:y/M/d}) {title}") == f"(2014/9/9) {KOREAN_TITLE}"


def test_english_posting_line_of_the_mirror() -> None:
    assert render("Posted on {posted:EEE, MMM-dd-yyyy}", locale="en") == "Posted on Tue, Sep-09-2014"


@pytest.mark.parametrize(("locale", "expected"), [
    ("ko", "2014년 9월 9일"),
    ("fr", "9 septembre 2014"),
    ("es", "9 de septiembre de 2014"),
    ("ar", "9 سبتمبر 2014"),
])
def test_date_field_is_the_long_localised_date(locale: str, expected: str) -> None:
    assert render("{date}", locale=locale) == expected


def test_named_date_formats_and_the_short_date() -> None:
    assert render("{date:full}", locale="fr") == "mardi 9 septembre 2014"
    assert render("{date_short}", locale="fr") == "09/09/2014"


def test_text_fields_and_literal_braces() -> None:
    assert render("{{{dateline}}} {id}") == "{Iraq} 2014-09-09-iom-iraq-on-sunday-joined-a-relief-convoy"


def test_quoted_letters_in_a_date_pattern() -> None:
    assert render("{date:y'년' M'월'}") == "2014년 9월"


@pytest.mark.parametrize(("text", "message"), [
    ("{x}", "unknown field 'x'"),
    ("{title.__class__}", "unknown field 'title.__class__'"),
    ("{title[0]}", "unknown field 'title[0]'"),
    ("{0}", "unknown field '0'"),
    ("{}", "unknown field ''"),
    ("{title!r}", "conversions such as '!r' are not supported"),
    ("{title:>30}", "field 'title' takes no pattern"),
    ("{date:HH:mm}", "uses 'H', which is not a date field"),
    ("{date:{title}}", "cannot contain braces"),
    ("({date:y/M/d) {title}", "malformed format"),
    ("{title}}", "malformed format"),
])
def test_bad_formats_are_refused(text: str, message: str) -> None:
    with pytest.raises(FieldFormatError, match=message.replace("[", r"\[").replace("(", r"\(")):
        parse_field_format(text)


def test_missing_values_are_reported() -> None:
    line = parse_field_format("({date:y/M/d}) {title}")

    assert line.missing(FieldValues(title="Untitled")) == {"date"}
    assert line.missing(VALUES) == set()
