"""Protected spans (URLs, e-mails, phone numbers, hashtags) and the cheap tests that skip looking for them."""

from __future__ import annotations

import re

import pytest

from presslate.checks.patterns import (
    PHONE_MIN_DIGITS,
    _GUARDED_TRIGGERS,
    _LABEL_TRIGGERS,
    find_protected,
    protected_spans,
)

CASES = [
    ("For more information on IOM’s DTM, please go to www.iomiraq.net", [("url", "www.iomiraq.net")]),
    ("See WWW.IOM.INT for details.", [("url", "WWW.IOM.INT")]),
    ("Read https://www.iom.int/news.", [("url", "https://www.iom.int/news")]),
    ("Email: smegy2@iom.int", [("email", "smegy2@iom.int")]),
    ("Tel: +20 2 27365140/1/2 Ext. 314", [("phone", "+20 2 27365140/1/2 Ext. 314")]),
    ("Tél. : 01 23 45 67 89", [("phone", "01 23 45 67 89")]),
    ("TÉL 0123456", [("phone", "0123456")]),
    ("FAX: 27365140", [("phone", "27365140")]),
    ("Móvil 612 345 678", [("phone", "612 345 678")]),
    ("Mobile: 0770 123 4567", [("phone", "0770 123 4567")]),
    ("전화 02-123-4567", [("phone", "02-123-4567")]),
    ("هاتف 27365140", [("phone", "27365140")]),
    ("Tel: 12 34", []),  # too few digits for a phone number
    ("Follow #WorldRefugeeDay and #2015", [("hashtag", "#WorldRefugeeDay")]),
    ("Some 862,458 people in 2014.", []),
    ("The hotel telephone line", []),
]


@pytest.mark.parametrize(("text", "spans"), CASES)
def test_find_protected(text: str, spans: list[tuple[str, str]]) -> None:
    assert [(span.kind, span.text) for span in find_protected.__wrapped__(text)] == spans


@pytest.mark.parametrize(("text", "spans"), CASES)
def test_protected_spans_with_the_true_digit_count_are_find_protected(text: str, spans) -> None:
    digits = len(re.findall(r"\d", text))
    assert protected_spans(text, digits=digits) == find_protected(text)
    assert protected_spans(text, digits=PHONE_MIN_DIGITS) == find_protected(text)


def test_protected_spans_skip_the_phone_tests_for_few_digits() -> None:
    assert protected_spans("Tel: 12 34", digits=4) == ()
    assert protected_spans("In 2014 see www.iom.int", digits=4) == find_protected("In 2014 see www.iom.int")


def test_each_trigger_guard_is_one_of_its_characters() -> None:
    assert [label for _, label in _GUARDED_TRIGGERS] == list(_LABEL_TRIGGERS)
    assert all(len(guard) <= 1 and guard in label for guard, label in _GUARDED_TRIGGERS)
