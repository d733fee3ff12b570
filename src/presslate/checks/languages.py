"""Per-language tables the checks read: number symbols (from babel), scale and per-cent words, punctuation rules.

Language behaviour lives here as data, looked up by language code (``pt_BR`` falls back to ``pt``);
check bodies never test a language code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from presslate.languages import base_language

SPACE_SEPARATORS = " \u00a0\u202f"
"""Spaces that group digits (French, Russian ...): plain, no-break and narrow no-break."""

NON_BREAKING_SPACES = "\u00a0\u202f"

# Sentence-final punctuation classes and the characters that stand for them in any language.
END_CLASSES: Mapping[str, str] = MappingProxyType({
    "period": ".。۔",
    "question": "?？؟",
    "exclamation": "!！",
    "colon": ":：",
    "semicolon": ";；؛",
    "comma": ",，،、",
    "ellipsis": "…",
})


@dataclass(frozen=True, eq=False)
class LanguageRules:
    """What the checks need to know about one language.

    ``scales`` maps a lower-case scale word or phrase to its multiplier; ``attached_scales``
    says the scale word follows the digits without a space (Korean ``170만``) and several
    decreasing scales add up (``1억 2천만``). ``local_marks`` maps Latin punctuation to the
    language's own (Arabic ``?`` -> ``؟``); ``space_before`` lists marks that need a (narrow)
    no-break space before them (French ``: ; ! ?``). ``verb_after_quote`` says a quotation that
    ends an English sentence is followed by its reporting verb (Korean ``“…?”라고 물었다.``).
    """

    lang: str
    decimal: str
    group: str
    percent_words: tuple[str, ...] = ()
    scales: Mapping[str, Decimal] = field(default_factory=dict)
    attached_scales: bool = False
    local_marks: Mapping[str, str] = field(default_factory=dict)
    space_before: str = ""
    space_inside_guillemets: bool = False
    number_words: Mapping[str, Decimal] = field(default_factory=dict)
    month_words: Mapping[str, int] = field(default_factory=dict)
    verb_after_quote: bool = False


def _d(value: int | str) -> Decimal:
    return Decimal(value)


_EN_NUMBER_WORDS = {
    word: _d(value)
    for value, words in {
        1: ("one", "first", "once", "single"), 2: ("two", "second", "twice", "both", "double"),
        3: ("three", "third", "thrice", "triple"), 4: ("four", "fourth"), 5: ("five", "fifth"),
        6: ("six", "sixth"), 7: ("seven", "seventh"), 8: ("eight", "eighth"), 9: ("nine", "ninth"),
        10: ("ten", "tenth", "decade"), 11: ("eleven", "eleventh"), 12: ("twelve", "twelfth", "dozen"),
        13: ("thirteen",), 14: ("fourteen",), 15: ("fifteen",), 16: ("sixteen",), 17: ("seventeen",),
        18: ("eighteen",), 19: ("nineteen",), 20: ("twenty", "twentieth"), 25: ("quarter",), 30: ("thirty",),
        40: ("forty",),
        50: ("fifty", "half"), 60: ("sixty",), 70: ("seventy",), 80: ("eighty",), 90: ("ninety",),
        100: ("hundred", "hundreds", "century"), 1000: ("thousand", "thousands"),
    }.items()
    for word in words
}
_EN_MONTHS = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
         ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
         ("november", "nov"), ("december", "dec")),
        start=1,
    )
    for name in names
}

# Language tables. Keys are base language codes; babel fills in decimal and group marks.
_TABLES: dict[str, dict] = {
    "en": {
        "percent_words": ("per cent", "percent", "pct"),
        "scales": {"thousand": 10**3, "million": 10**6, "millions": 10**6, "billion": 10**9, "billions": 10**9,
                   "trillion": 10**12, "bn": 10**9},
        "number_words": _EN_NUMBER_WORDS,
        "month_words": _EN_MONTHS,
    },
    "fr": {
        "percent_words": ("pour cent", "pourcent", "p. 100", "p. cent"),
        "scales": {"mille": 10**3, "million": 10**6, "millions": 10**6, "milliard": 10**9, "milliards": 10**9},
        "space_before": ":;!?",
        "space_inside_guillemets": True,
    },
    "es": {
        "percent_words": ("por ciento", "por cien"),
        "scales": {"mil millones": 10**9, "mil": 10**3, "millón": 10**6, "millon": 10**6, "millones": 10**6,
                   "billón": 10**12, "billones": 10**12},
    },
    "ar": {
        "percent_words": ("في المائة", "في المئة", "بالمائة", "بالمئة", "في المائه"),
        "scales": {"ألف": 10**3, "آلاف": 10**3, "الف": 10**3, "مليون": 10**6, "ملايين": 10**6, "مليونا": 10**6,
                   "مليار": 10**9, "مليارات": 10**9, "بليون": 10**9},
        "local_marks": {",": "،", ";": "؛", "?": "؟"},
    },
    "fa": {
        "percent_words": ("درصد",),
        "scales": {"هزار": 10**3, "میلیون": 10**6, "میلیارد": 10**9},
        "local_marks": {",": "،", ";": "؛", "?": "؟"},
    },
    "ko": {
        "percent_words": ("퍼센트", "퍼센트포인트"),
        "scales": {"천만": 10**7, "백만": 10**6, "십만": 10**5, "만": 10**4, "억": 10**8, "조": 10**12, "천": 10**3},
        "attached_scales": True,
        "verb_after_quote": True,
    },
    "ru": {
        "percent_words": ("процент", "процента", "процентов"),
        "scales": {"тыс.": 10**3, "тысяч": 10**3, "тысячи": 10**3, "млн": 10**6, "миллион": 10**6,
                   "миллиона": 10**6, "миллионов": 10**6, "млрд": 10**9, "миллиард": 10**9},
    },
}


@lru_cache(maxsize=None)
def rules_for(lang: str) -> LanguageRules:
    """The rules of ``lang`` (babel's number symbols plus the table of its base language)."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    base = base_language(lang)
    table = _TABLES.get(base, {})
    try:
        decimal, group = get_decimal_symbol(lang), get_group_symbol(lang)
    except Exception:  # babel has no data: fall back to English marks
        decimal, group = ".", ","
    return LanguageRules(
        lang=lang,
        decimal=decimal,
        group=group,
        percent_words=tuple(table.get("percent_words", ())),
        scales={word: _d(value) for word, value in table.get("scales", {}).items()},
        attached_scales=bool(table.get("attached_scales", False)),
        local_marks=dict(table.get("local_marks", {})),
        space_before=str(table.get("space_before", "")),
        space_inside_guillemets=bool(table.get("space_inside_guillemets", False)),
        number_words=dict(table.get("number_words", {})),
        month_words=dict(table.get("month_words", {})),
        verb_after_quote=bool(table.get("verb_after_quote", False)),
    )
