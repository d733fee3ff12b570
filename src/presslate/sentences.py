"""Rule-based sentence segmentation of press-release blocks, and detection of contact-only lines."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Span", "split_sentences", "sentence_texts", "is_no_translate"]

Span = tuple[int, int]

# How the segmenter decides (one block of text at a time):
#
# * A candidate boundary is terminal punctuation (. ! ? … ؟ ۔ । or a spaced ". . .")
#   plus any closing quotes/brackets glued to it, followed by whitespace; or a CJK
#   terminal (。！？) with its closers, followed by anything. Periods inside tokens
#   (1.7, 31.1, www.iomiraq.net, sblack@iom.int, U.S.A) are never candidates.
# * A candidate is a boundary when the next word (after whitespace and opening
#   quotes/brackets) opens a sentence: an uppercase letter, a letter of a caseless
#   script (Hangul, Arabic, CJK ...) or, after an ordinary word, a digit. A
#   lowercase word never opens a sentence ("Yahoo! in", "etc. and", "a.m. on").
# * After a single period the word before it is checked: a [prefix] abbreviation
#   (Mr., Dr., e.g.) never ends a sentence; an [abbrev] one (No., Tel., Jan., etc.,
#   Co.) ends it only before a capitalised word; an initial ("W.") or a dotted
#   abbreviation ("U.S.", "a.m.") ends it only before a [starters] word
#   ("... the U.S. How" splits, "the U.S. Government" does not).
# * Quotes: closers after the punctuation stay with the sentence that ends
#   (`agency.” She` splits after ”, `Italy,” he notes.` and `migration.” she added.`
#   do not split). Inside a quotation the same rules apply: when a sentence ends
#   inside the quote and the next one starts with a capital, the quote is split
#   (`said: “We thought ... together. Now all ...”` gives two sentences, the first
#   with the opening mark, the last with the closing one).
# * Line breaks always separate sentences; a block that starts like a list
#   ("1.", "1)", "a.", "•") is also cut before each following item marker.

_CLOSERS = "\"'”’»›)]}」』】〕〉》）"
_OPENERS = "\"'“‘„‚«‹([{¿¡「『【〔〈《（"
_STRIP = _CLOSERS + _OPENERS


def _charset(chars: str) -> str:
    """The body of a regex character class matching any of ``chars``."""
    return "".join("\\" + char if char in "\\]^-[" else char for char in chars)


_CLOSE = _charset(_CLOSERS)
_OPEN = _charset(_OPENERS)

_CANDIDATE = re.compile(
    # A leading class lets the regex engine skip ahead quickly (about 3x faster scans).
    r"(?=[.!?…‽؟۔।。！？｡])"
    # CJK terminals need no following space.
    rf"(?:(?P<cjk>[。！？｡]+[{_CLOSE}]*)"
    # Spaced ellipsis first, then runs of terminal punctuation, each taken whole from
    # its first mark (lookbehind + possessive: no quadratic retries on "......").
    rf"|(?<![.!?…‽؟۔।])(?P<term>\.(?:[ \u00a0]\.){{2,}}+|[.!?…‽؟۔।]++)"
    # Closers glued to the punctuation; French "» " may follow a no-break space.
    rf"(?P<close>[{_CLOSE}]*+(?:[ \u00a0\u202f][»›][{_CLOSE}]*+)?)"
    # Whitespace, optional openers, then the next word (empty when a symbol follows).
    rf"(?=\s+[{_OPEN}]*[\u00a0\u202f ]?(?P<next>\w*)))"
)
_LINE_BREAK = re.compile(r"[\r\n\u2028\u2029\x0b\x0c\x85]")
_DOTTED = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
_LIST_HEAD = re.compile(r"\s*(?:(?P<bullet>[•⁃▪◦●‣])|(?P<label>\d{1,2}|[a-z])(?P<suffix>\.\)|[.)])(?=\s))")
_LIST_MARK = re.compile(r"(?<!\S)(?:(?P<bullet>[•⁃▪◦●‣])|(?P<label>\d{1,2}|[a-z])(?P<suffix>\.\)|[.)])(?=\s))")
_LIST_ONLY = re.compile(r"[•⁃▪◦●‣*\-–]?\s*\(?(?:\d{1,3}|[^\W\d_]|[ivx]{1,4}|[IVX]{1,4})")


@dataclass(frozen=True)
class _Rules:
    """Abbreviation data of one language, keys lowercased without the final period.

    ``prefix`` entries written with a capital initial (Mr, St, Mt) apply to capitalised
    words only ("60 mt. The" is metric tons); ``prefix_any`` ones (e.g, cf) to any case.
    """

    prefix: frozenset[str]
    prefix_any: frozenset[str]
    abbrev: frozenset[str]
    starters: frozenset[str]


@lru_cache(maxsize=64)
def _base_language(lang: str) -> str:
    """``pt_BR`` -> ``pt``, ``zh-Hans`` -> ``zh``; "" (generic rules) for anything but a language code."""
    base = re.split(r"[_\-@.]", lang.strip(), maxsplit=1)[0].lower()
    return base if re.fullmatch(r"[a-z]{2,3}", base) else ""


def _read_sections(lang: str, seen: frozenset[str] = frozenset()) -> dict[str, set[str]]:
    """Entries of ``data/abbreviations/<lang>.txt`` by section, with ``@include`` resolved."""
    sections: dict[str, set[str]] = {"prefix": set(), "abbrev": set(), "starters": set()}
    path = resources.files("presslate").joinpath("data", "abbreviations", f"{lang}.txt")
    if lang in seen or not path.is_file():
        return sections
    current = "abbrev"
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("@include "):
            for name, entries in _read_sections(line.split(None, 1)[1].strip(), seen | {lang}).items():
                sections[name] |= entries
        elif line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            sections.setdefault(current, set())
        else:
            sections[current].add(line)
    return sections


@lru_cache(maxsize=None)
def _rules(base_lang: str) -> _Rules:
    """The compiled data of a base language (empty sets: generic rules only)."""
    sections = _read_sections(base_lang)
    return _Rules(
        prefix=frozenset(_key(entry) for entry in sections["prefix"] if entry[0].isupper()),
        prefix_any=frozenset(_key(entry) for entry in sections["prefix"] if not entry[0].isupper()),
        abbrev=frozenset(_key(entry) for entry in sections["abbrev"]),
        starters=frozenset(entry.rstrip(".") for entry in sections["starters"]),
    )


def _key(word: str) -> str:
    return word.rstrip(".").lower()


def _opens(char: str, digits: bool) -> bool:
    """True when a word starting with ``char`` can open a sentence."""
    return (char.isalpha() and not char.islower()) or (digits and char.isdigit())


def _period_ends(token: str, following: str, rules: _Rules) -> bool:
    """Whether ``token`` + ``.`` ends a sentence before the word ``following``."""
    char = following[:1]
    if not char or char.islower():
        return False
    core = token.strip(_STRIP)
    key = core.lower()
    if key in rules.prefix_any or (key in rules.prefix and core[:1].isupper()):
        return False
    dotted = (len(core) == 1 and core.isupper()) or _DOTTED.fullmatch(core) is not None
    if char.isdigit():  # "No. 5", "Jan. 12", "p. 55" continue; "in 2013. 2014 was" ends
        return key not in rules.abbrev and not dotted
    if not _opens(char, digits=False):
        return False  # "Tel. +964", "Ext. (314)"
    if key in rules.abbrev:
        return True
    if dotted:  # an initial or "U.S.": only before a typical sentence opener
        return following in rules.starters
    return True


def _ellipsis_cut(text: str, match: re.Match[str]) -> int | None:
    """Where an ellipsis ends a sentence, if it does (``[...]`` never does)."""
    start, term, following = match.start(), match["term"], match["next"]
    if not _opens(following[:1], digits=False):
        return None
    if text[start - 1 : start] in ("[", "(") and match["close"][:1] in ("]", ")"):
        return None
    if " " not in term and "\u00a0" not in term:
        return match.end()
    if term.count(".") < 4:
        return None
    # "word. . . . Next": the period ends the sentence and the ellipsis opens the next.
    return start + 1 if start and not text[start - 1].isspace() else match.end()


def _cjk_cut(text: str, match: re.Match[str]) -> int | None:
    """A CJK terminal ends the sentence, except ！？ in a quote followed by its speech verb (“……！”他说。)."""
    end = match.end()
    glued = end < len(text) and not text[end].isspace()
    if glued and match["cjk"][-1] in _CLOSERS and "。" not in match["cjk"] and "｡" not in match["cjk"]:
        return None
    return end


def _token_before(text: str, start: int) -> str:
    """The whitespace-delimited token that ends at ``start`` ("" after whitespace)."""
    if not start or text[start - 1].isspace():
        return ""
    window = text[max(0, start - 80) : start].rsplit(None, 1)
    return window[-1] if window else ""


def _list_cuts(text: str) -> list[int]:
    """Starts of the items after the first one, when the block starts with a list marker."""
    head = _LIST_HEAD.match(text)
    if head is None:
        return []
    if head["bullet"]:
        return [m.start() for m in _LIST_MARK.finditer(text, head.end()) if m["bullet"] == head["bullet"]]
    cuts: list[int] = []
    label, suffix = head["label"], head["suffix"]
    for mark in _LIST_MARK.finditer(text, head.end()):
        if mark["suffix"] == suffix and mark["label"] == _next_label(label):
            cuts.append(mark.start())
            label = mark["label"]
    return cuts


def _next_label(label: str) -> str:
    return str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)


def _forced_cuts(text: str) -> list[int]:
    """Cuts that do not depend on punctuation: line breaks and list items."""
    # isprintable() is False for every line-break character: a C-speed pre-check.
    if text.isprintable():
        return _list_cuts(text)
    return sorted([m.start() for m in _LINE_BREAK.finditer(text)] + _list_cuts(text))


def _cut(text: str, match: re.Match[str], seg_start: int, rules: _Rules) -> int | None:
    """Position where the sentence ends at this candidate, or None."""
    if match["cjk"]:
        return _cjk_cut(text, match)
    term = match["term"]
    if "?" in term or "!" in term or term[-1] in "؟۔।‽":
        return match.end() if _opens(match["next"][:1], digits=True) else None
    if term != ".":
        return _ellipsis_cut(text, match)
    start = match.start()
    if start - seg_start <= 12 and _LIST_ONLY.fullmatch(text[seg_start:start].strip()):
        return None  # "1. The first item", "a. ...", "• 9. ..."
    return match.end() if _period_ends(_token_before(text, start), match["next"], rules) else None


def split_sentences(text: str, lang: str = "en") -> list[Span]:
    """Spans (start, end) of the sentences of one block of text, in order; each span has no leading/trailing whitespace; the text between spans is whitespace only (or empty)."""
    rules = _rules(_base_language(lang))
    forced = _forced_cuts(text)
    cuts = [0]
    for match in _CANDIDATE.finditer(text):
        seg_start = cuts[-1]
        if forced:
            index = bisect_right(forced, match.start())
            seg_start = max(seg_start, forced[index - 1] if index else 0)
        cut = _cut(text, match, seg_start, rules)
        if cut is not None:
            cuts.append(cut)
    if forced:
        cuts = sorted(cuts + forced)
    cuts.append(len(text))
    return _spans(text, cuts)


def _spans(text: str, cuts: list[int]) -> list[Span]:
    """Whitespace-trimmed, non-empty spans between consecutive cuts."""
    spans: list[Span] = []
    for begin, end in zip(cuts, cuts[1:]):
        piece = text[begin:end]
        stripped = piece.strip()
        if stripped:
            offset = begin + piece.find(stripped)  # where the first non-space character is
            spans.append((offset, offset + len(stripped)))
    return spans


def sentence_texts(text: str, lang: str = "en") -> list[str]:
    """The sentences of one block of text, as strings (see :func:`split_sentences`)."""
    return [text[start:end] for start, end in split_sentences(text, lang)]


# --- lines that are only contact details -------------------------------------------

_LABEL = (
    r"(?:(?:(?:tel(?:ephone|éfono|éphone)?|t[ée]l|phone|ph|mob(?:ile)?|cell(?:phone)?|fax|"
    r"e-?mail|mail|courriel|correo|web(?:site)?|url|skype|whatsapp|ext)\.?"
    r"(?:\s*/\s*(?:tel|fax|mob(?:ile)?|phone)\.?)*\s*:?)|[tmef]\s*:)"
)
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_URL = (
    r"(?:https?://|ftp://|www\.)[^\s<>\"]*[^\s<>\".,;:!?'\")\]]"
    r"|(?-i:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,24})(?:/[^\s]*)?"
)
_PHONE = r"\+?\(?\d[\d\s().\-/]*\d(?:\s*(?:ext|ext\.|x|poste)\s*\d+)?"
_CONTACT_ITEM = re.compile(
    rf"\s*(?P<label>{_LABEL}\s*)?<?(?:(?P<email>{_EMAIL})|(?P<url>{_URL})|(?P<phone>{_PHONE}))>?\s*[.,;/|]?\s*",
    re.IGNORECASE,
)


def _plausible_phone(number: str, labelled: bool) -> bool:
    """A labelled number needs 4 digits; an unlabelled one a leading + or 9 digits (not a date)."""
    digits = sum(char.isdigit() for char in number)
    return digits >= 4 if labelled else number.startswith("+") or digits >= 9


def is_no_translate(text: str) -> bool:
    """True when the line is only an email address, a phone number or a URL, optionally behind a label such as 'Tel.', 'Tel:', 'Email:', 'E-mail:', 'Mobile:', 'Fax:', 'Phone:' (e.g. 'Email: smegy@iom.int', 'Tel. +964 750 0166 072', 'Tel: +20 2 27365140/1/2 Ext. 314', 'www.iomiraq.net')."""
    position, items = 0, 0
    while position < len(text):
        item = _CONTACT_ITEM.match(text, position)
        if item is None or item.end() == position:
            return False
        if item["phone"] and not _plausible_phone(item["phone"], bool(item["label"])):
            return False
        position, items = item.end(), items + 1
    return items > 0
