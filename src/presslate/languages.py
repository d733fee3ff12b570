"""Language codes: validation and normalisation through babel's locale data."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError

from presslate.errors import UsageError


@lru_cache(maxsize=None)
def parse_language(code: str) -> Locale:
    """The babel locale for a code such as ``ko``, ``pt_BR``, ``pt-BR`` or ``zh_Hans``."""
    text = code.strip()
    if not text or not all(ch.isalnum() or ch in "_-" for ch in text):
        raise UsageError(f"invalid language code {code!r}")
    try:
        return Locale.parse(text, sep="-" if "-" in text else "_")
    except (UnknownLocaleError, ValueError) as exc:
        raise UsageError(f"unknown language code {code!r} (babel has no locale data for it)") from exc


def normalise_language(code: str) -> str:
    """The canonical spelling of a language code (``pt-br`` -> ``pt_BR``); raises UsageError if unknown."""
    return str(parse_language(code))


def plural_forms(code: str) -> str:
    """The gettext ``Plural-Forms`` header value for a language, from babel's plural rules."""
    from babel.messages.plurals import get_plural  # babel.messages costs 5 ms to import; only catalogs need it

    return get_plural(parse_language(code)).plural_forms


def base_language(code: str) -> str:
    """The language part of a code: ``pt_BR`` -> ``pt``."""
    return code.replace("-", "_").split("_", 1)[0].lower()


def is_rtl(code: str) -> bool:
    """True for languages written right to left (Arabic, Hebrew, Persian, Urdu ...)."""
    return parse_language(code).character_order == "right-to-left"
