"""Word and character counts for status reports: source words as translators count them, CJK targets as characters.

Source side (the English msgid): words are counted the way Translate Toolkit's ``pocount`` counts them,
which follows Unicode word boundaries (UAX #29): markup tags are dropped, a word is a run of letters and
digits, an apostrophe or a full stop inside a word (``harm’s``, ``U.N``) and a comma or full stop inside a
number (``67,550``, ``3.5``) do not split it, a hyphen does (``inter-governmental`` is two words), and
each Han ideograph or kana counts as one word.

Target side: most languages are counted in words the same way. Korean, Chinese and Japanese are counted in
characters: letters and digits, without spaces or punctuation (Korean "공백 제외 글자수", the unit
Korean translation agencies bill by). ``TARGET_UNITS`` holds that choice per base language.
"""

from __future__ import annotations

import re

from presslate.languages import base_language

WORDS = "words"
CHARACTERS = "characters"

# Language behaviour as data: base language -> unit of the target-side count.
TARGET_UNITS: dict[str, str] = {"ko": CHARACTERS, "zh": CHARACTERS, "ja": CHARACTERS}

SOURCE_WORDS_METHOD = (
    "source words: Unicode word boundaries (UAX #29) as Translate Toolkit's pocount counts them; "
    "tags dropped, hyphens split words, apostrophes and number separators do not"
)
TARGET_METHOD = (
    "target side: words for most languages; Korean, Chinese and Japanese in characters "
    "(letters and digits, no spaces or punctuation)"
)

_TAG_RE = re.compile(r"<br\s*/?>|</?[\w.:]+(?:\s[^<>]*)?/?>")
_IDEOGRAPHIC_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_NOT_LETTER_OR_DIGIT_RE = re.compile(r"[\W_]+")
_WORD_RE = re.compile(
    r"\w+(?:(?:(?<=[^\W\d_])['’.:·](?=[^\W\d_])|(?<=\d)[.,;'’](?=\d))\w+)*"
)


def count_words(text: str) -> int:
    """Words in ``text`` by Unicode word boundaries, e.g. ``count_words("IOM’s 67,550 co-workers") == 4``."""
    if not text:
        return 0
    text = _TAG_RE.sub(" ", text)
    ideographs = len(_IDEOGRAPHIC_RE.findall(text))
    if ideographs:
        text = _IDEOGRAPHIC_RE.sub(" ", text)
    return ideographs + len(_WORD_RE.findall(text))


def count_characters(text: str) -> int:
    """Letters and digits in ``text``; spaces and punctuation are not counted."""
    return len(_NOT_LETTER_OR_DIGIT_RE.sub("", text))


def target_unit(lang: str) -> str:
    """The unit target-side counts use for ``lang``: ``characters`` for ko/zh/ja, else ``words``."""
    return TARGET_UNITS.get(base_language(lang), WORDS)


def count_target(text: str, lang: str) -> int:
    """The size of a translation in ``lang``'s target unit."""
    return count_characters(text) if target_unit(lang) == CHARACTERS else count_words(text)
