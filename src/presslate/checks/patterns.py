"""Spans a translation must carry over verbatim: URLs, e-mail addresses, phone numbers and hashtags."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_TRAILING = ".,;:!?)]}»”’\"'、。，"

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
URL_RE = re.compile(r"(?<![\w@/])(?:(?:https?|ftp)://|www\.)[^\s<>\"«»“”]+", re.IGNORECASE)
# Extension words: English, French, Spanish, Korean, Arabic.
_EXTENSION = r"(?:ext|extension|poste|extensión|내선|تحويلة)"
_PHONE_BODY = rf"\+?\d(?:[ \u00a0\u202f.\-/()]{{0,2}}\d)+(?:\s*{_EXTENSION}\.?\s*\d+)?"
_LABELS = ("tel", "tél", "teléfono", "telefono", "phone", "fax", "mobile", "móvil", "portable", "전화", "هاتف")
# The labels no other label is part of: a text holds some label exactly when it holds one of these.
_LABEL_TRIGGERS = tuple(label for label in _LABELS if not any(other != label and other in label for other in _LABELS))
# Before looking for a trigger, look for one character of it that prose often lacks: finding one
# character (memchr) costs about a tenth of finding a word. "" marks a trigger with no such character.
_TRIGGER_GUARDS = {"tél": "é", "fax": "x", "mobile": "b", "móvil": "ó", "portable": "b"}
_GUARDED_TRIGGERS = tuple((_TRIGGER_GUARDS.get(label, ""), label) for label in _LABEL_TRIGGERS)
# A phone number: a '+' and country code, or digits after a 'Tel'-style label.
INTERNATIONAL_PHONE_RE = re.compile(rf"(?<![\w+])(?=\+\d){_PHONE_BODY}", re.IGNORECASE)
LABELLED_PHONE_RE = re.compile(
    rf"(?<!\w)(?:{'|'.join(_LABELS)})(?!\w)\.?\s*:?\s*(?P<number>{_PHONE_BODY})", re.IGNORECASE)
HASHTAG_RE = re.compile(r"(?<![\w&#/])#[^\W\d_][\w]*")
PHONE_MIN_DIGITS = 6
"""Fewer digits than this make no phone number (``Tel: 12`` is not one)."""
_DIGIT_RE = re.compile(r"\d")


@dataclass(frozen=True)
class Protected:
    """One verbatim span: its kind (url, email, phone, hashtag), offsets and text."""

    kind: str
    start: int
    end: int
    text: str


@lru_cache(maxsize=65536)
def find_protected(text: str) -> tuple[Protected, ...]:
    """URLs, e-mails, phone numbers and hashtags of ``text``, in order, never overlapping."""
    kinds = _kinds_in(text)
    if not kinds:
        return ()
    found: list[Protected] = []
    for kind, pattern, group in kinds:
        for match in pattern.finditer(text):
            start, end = match.span(group)
            value = match.group(group)
            if kind in ("url", "email"):
                stripped = value.rstrip(_TRAILING)
                end -= len(value) - len(stripped)
                value = stripped
            if kind == "phone" and sum(ch.isdigit() for ch in value) < PHONE_MIN_DIGITS:
                continue
            if any(start < other.end and other.start < end for other in found):
                continue
            found.append(Protected(kind, start, end, value))
    return tuple(sorted(found, key=lambda item: item.start))


def protected_spans(text: str, *, digits: int) -> tuple[Protected, ...]:
    """:func:`find_protected` of a text known to hold at most ``digits`` digits.

    With too few digits for a phone number, a text holds no span at all unless it has the mark of
    a URL, an e-mail or a hashtag: a few one-character tests say so, where :func:`find_protected`
    would also look for every phone label.
    """
    if digits < PHONE_MIN_DIGITS and not ("@" in text or "#" in text or _may_hold_url(text)):
        return ()
    return find_protected(text)


def _kinds_in(text: str) -> list[tuple[str, re.Pattern[str], int | str]]:
    """The kinds of span ``text`` may hold, each with its pattern and group, cheapest tests first.

    Most texts hold none: a few substring tests say so, each after a test for one of its
    characters where that one is rare. The digit test, a scan of the text, comes last, for the
    rare text with a ``+`` or a phone label.
    """
    kinds: list[tuple[str, re.Pattern[str], int | str]] = []
    if _may_hold_url(text):
        kinds.append(("url", URL_RE, 0))
    if "@" in text:
        kinds.append(("email", EMAIL_RE, 0))
    international = "+" in text
    labelled = _has_phone_label(text)
    if (international or labelled) and _DIGIT_RE.search(text):
        if international:
            kinds.append(("phone", INTERNATIONAL_PHONE_RE, 0))
        if labelled:
            kinds.append(("phone", LABELLED_PHONE_RE, "number"))
    if "#" in text:
        kinds.append(("hashtag", HASHTAG_RE, 0))
    return kinds


def _may_hold_url(text: str) -> bool:
    """True when ``text`` holds ``://``, ``www.`` or ``WWW.`` (each looked for after one of its characters)."""
    return (":" in text and "://" in text) or ("w" in text and "www." in text) or ("W" in text and "WWW." in text)


def _has_phone_label(text: str) -> bool:
    """True when ``text``, in lower case, holds one of the phone labels (``Tel``, ``Fax`` ...)."""
    lowered = text.lower()
    for guard, label in _GUARDED_TRIGGERS:  # a loop: cheaper than any() over a generator
        if guard in lowered and label in lowered:
            return True
    return False


def inside(spans: tuple[Protected, ...] | list[Protected], start: int, end: int) -> bool:
    """True when ``[start, end)`` overlaps one of ``spans``."""
    return any(start < span.end and span.start < end for span in spans)


def digits_of(text: str) -> str:
    """The digits of a phone number (and a leading ``+``), to compare numbers however they are spaced."""
    return ("+" if text.lstrip().startswith("+") else "") + "".join(ch for ch in text if ch.isdigit())
