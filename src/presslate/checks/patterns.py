"""Spans a translation must carry over verbatim: URLs, e-mail addresses, phone numbers and hashtags."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TRAILING = ".,;:!?)]}»”’\"'、。，"

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
URL_RE = re.compile(r"(?<![\w@/])(?:(?:https?|ftp)://|www\.)[^\s<>\"«»“”]+", re.IGNORECASE)
# Extension words: English, French, Spanish, Korean, Arabic.
_EXTENSION = r"(?:ext|extension|poste|extensión|내선|تحويلة)"
_PHONE_BODY = rf"\+?\d(?:[ \u00a0\u202f.\-/()]{{0,2}}\d)+(?:\s*{_EXTENSION}\.?\s*\d+)?"
_LABELS = "tel|tél|teléfono|telefono|phone|fax|mobile|móvil|portable|전화|هاتف"
# A phone number: a '+' and country code, or digits after a 'Tel'-style label.
PHONE_RE = re.compile(
    rf"(?<![\w+])(?=\+\d)(?P<intl>{_PHONE_BODY})|(?<!\w)(?:{_LABELS})(?!\w)\.?\s*:?\s*(?P<labelled>{_PHONE_BODY})",
    re.IGNORECASE,
)
HASHTAG_RE = re.compile(r"(?<![\w&#/])#[^\W\d_][\w]*")
_HINT_RE = re.compile(rf"[@+#]|://|www\.|{_LABELS}", re.IGNORECASE)

KINDS = (("url", URL_RE), ("email", EMAIL_RE), ("phone", PHONE_RE), ("hashtag", HASHTAG_RE))


@dataclass(frozen=True)
class Protected:
    """One verbatim span: its kind (url, email, phone, hashtag), offsets and text."""

    kind: str
    start: int
    end: int
    text: str


def find_protected(text: str) -> list[Protected]:
    """URLs, e-mails, phone numbers and hashtags of ``text``, in order, never overlapping."""
    if not _HINT_RE.search(text):
        return []
    found: list[Protected] = []
    for kind, pattern in KINDS:
        for match in pattern.finditer(text):
            group = (match.lastgroup or 0) if kind == "phone" else 0
            start, end = match.span(group)
            value = match.group(group)
            if kind in ("url", "email"):
                stripped = value.rstrip(_TRAILING)
                end -= len(value) - len(stripped)
                value = stripped
            if kind == "phone" and sum(ch.isdigit() for ch in value) < 6:
                continue
            if any(start < other.end and other.start < end for other in found):
                continue
            found.append(Protected(kind, start, end, value))
    return sorted(found, key=lambda item: item.start)


def inside(spans: list[Protected], start: int, end: int) -> bool:
    """True when ``[start, end)`` overlaps one of ``spans``."""
    return any(start < span.end and span.start < end for span in spans)


def digits_of(text: str) -> str:
    """The digits of a phone number (and a leading ``+``), to compare numbers however they are spaced."""
    return ("+" if text.lstrip().startswith("+") else "") + "".join(ch for ch in text if ch.isdigit())
