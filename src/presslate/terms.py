"""Finding glossary terms: in English sources, and their renderings in translations, following each language's morphology.

How a language inflects and attaches words is data (:data:`MORPHOLOGY`), read by two
engines: one compares words by their Snowball stem (French and Spanish plural and gender),
the other builds a pattern per variant with the affixes a language glues to words (Korean
particles, Arabic proclitics and the article) and the characters it folds or ignores.
"""

from __future__ import annotations

import re
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

import snowballstemmer

from presslate.glossary import Glossary, Term
from presslate.languages import base_language, parse_language

Span = tuple[int, int]
TEXT_CACHE_SIZE = 4096

# URLs, email addresses and bare web domains: a term inside them is not the term (sblack@iom.int is not IOM).
ADDRESS_RE = re.compile(
    r"""
      [\w.+-]+@[\w-]+(?:\.[\w-]+)+                       # email
    | (?:https?://|www\.)[^\s<>"“”]+[^\s<>"“”.,;:!?)»]   # URL
    | (?<![\w@.-])(?:[\w-]+\.)+(?:int|org|com|net|gov|edu|info|io|ly)(?![\w-])(?:/[^\s<>"“”]*)?  # bare domain
    """,
    re.VERBOSE | re.IGNORECASE,
)
# What may stand between two words of a multi-word term: spaces, hyphens, apostrophes, brackets, quotes.
WORD_GAP_RE = re.compile(r"[\s'’‘\-‐‑–()\[\]«»\"“”/]{1,5}")
WORD_RE = re.compile(r"\w+")
HANGUL_RE = re.compile(r"[\uac00-\ud7a3]")


@dataclass(frozen=True)
class Morphology:
    """How one language writes a term inside a sentence.

    ``stemmer`` (a Snowball algorithm) compares words by stem, which covers plural and
    gender inflection; otherwise ``prefixes`` may be glued before the first word (after an
    optional ``article`` is taken off the variant), up to ``max_suffixes`` of ``suffixes``
    after the last word, spaces inside a variant may be missing when ``optional_spaces``,
    ``fold`` maps characters to one spelling and ``ignorable`` characters are dropped.
    """

    stemmer: str | None = None
    fold_accents: bool = False
    prefixes: tuple[str, ...] = ()
    article: str = ""
    suffixes: tuple[str, ...] = ()
    max_suffixes: int = 0
    optional_spaces: bool = False
    word_boundaries: bool = True
    fold: dict[str, str] = field(default_factory=dict)
    ignorable: str = ""


# Korean particles (josa), the plural marker and copula endings that attach to a noun;
# up to three combine (국내실향민 + 들 + 에게, 국제이주기구 + 와 + 의).
KOREAN_PARTICLES = (
    "들", "은", "는", "이", "가", "을", "를", "의", "에", "에게", "에게서", "에서", "께", "께서", "한테",
    "로", "으로", "로서", "으로서", "로써", "으로써", "로부터", "으로부터", "와", "과", "도", "만", "까지",
    "부터", "보다", "처럼", "같이", "마다", "조차", "마저", "이나", "나", "이든", "든", "이라도", "라도",
    "랑", "이랑", "하고", "이며", "며", "이고", "이다", "다", "입니다", "이었다", "였다", "인", "이라는",
    "라는", "이라고", "라고", "이란", "란", "측", "뿐",
)
ARABIC_CONJUNCTIONS = ("", "و", "ف")
ARABIC_PREPOSITIONS = ("", "ب", "ك", "ل")
ARABIC_ARTICLE = "ال"
# The preposition li- and the article contract: ل + ال = لل (للهجرة).
ARABIC_CONTRACTIONS = {"لال": "لل"}
ARABIC_PREFIXES = tuple(
    sorted(
        {
            conj + ARABIC_CONTRACTIONS.get(prep + article, prep + article)
            for conj in ARABIC_CONJUNCTIONS
            for prep in ARABIC_PREPOSITIONS
            for article in ("", ARABIC_ARTICLE)
        }
        - {""},
        key=len,
        reverse=True,
    )
)
# Hamza carriers of alef and alef maqsura are written loosely; harakat (tanween included) and tatweel are optional.
ARABIC_FOLD = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"}
ARABIC_IGNORABLE = "".join(chr(code) for code in range(0x064B, 0x0653)) + "\u0670\u0640"

MORPHOLOGY: dict[str, Morphology] = {
    "fr": Morphology(stemmer="french", fold_accents=True),
    "es": Morphology(stemmer="spanish", fold_accents=True),
    "pt": Morphology(stemmer="portuguese", fold_accents=True),
    "it": Morphology(stemmer="italian", fold_accents=True),
    "en": Morphology(stemmer="english"),
    "ko": Morphology(suffixes=KOREAN_PARTICLES, max_suffixes=3, optional_spaces=True),
    "ar": Morphology(prefixes=ARABIC_PREFIXES, article=ARABIC_ARTICLE, fold=ARABIC_FOLD, ignorable=ARABIC_IGNORABLE),
    "zh": Morphology(word_boundaries=False),
    "ja": Morphology(word_boundaries=False),
    "th": Morphology(word_boundaries=False),
}


def morphology_for(lang: str) -> Morphology:
    """The morphology of ``lang``: from :data:`MORPHOLOGY`, else its Snowball stemmer if there is one, else none."""
    known = MORPHOLOGY.get(base_language(lang))
    if known is not None:
        return known
    try:
        name = parse_language(lang).english_name.split()[0].lower()
    except Exception:  # unknown code: plain matching
        return Morphology()
    return Morphology(stemmer=name) if name in snowballstemmer.algorithms() else Morphology()


@dataclass(frozen=True)
class TermMatch:
    """A glossary term found in a source text: ``text[start:end] == match.text``."""

    term: Term
    start: int
    end: int
    text: str


class TermMatcher:
    """Finds a glossary's terms in sources and their variants in translations; compile once, use many times."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._source = _SourcePattern(glossary.terms)
        self._engines: dict[str, _Engine] = {}
        self._source_cache: OrderedDict[str, list[TermMatch]] = OrderedDict()
        for lang in glossary.languages:
            self._engine(lang).prepare(_variants_of(glossary.terms, lang))

    def __getstate__(self) -> dict:
        return {"glossary": self.glossary}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["glossary"])

    def source_matches(self, text: str) -> list[TermMatch]:
        """Terms in an English source, in text order; the longest wins where two overlap; none inside URLs or emails."""
        cached = self._source_cache.get(text)
        if cached is None:
            cached = self._source.find(text)
            _remember(self._source_cache, text, cached)
        return list(cached)

    def target_has(self, text: str, variant: str, lang: str, *, case_sensitive: bool = True) -> bool:
        """True when ``variant`` occurs in the translation ``text``, inflected or with affixes as ``lang`` allows.

        With ``case_sensitive`` (the term's flag) acronym-like words of the variant (``OIM``)
        must keep their capitals; other words never depend on case.
        """
        return bool(self._engine(lang).find(text, variant, case_sensitive))

    def target_matches(
        self, text: str, variants: Iterable[str], lang: str, *, case_sensitive: bool = True
    ) -> list[tuple[int, int, str]]:
        """Spans ``(start, end, variant)`` of the variants found in ``text``, longest first where they overlap."""
        engine = self._engine(lang)
        found = [(start, end, variant) for variant in dict.fromkeys(variants)
                 for start, end in engine.find(text, variant, case_sensitive)]
        return _longest_first(found)

    def _engine(self, lang: str) -> _Engine:
        engine = self._engines.get(lang)
        if engine is None:
            morphology = morphology_for(lang)
            engine = _StemEngine(morphology) if morphology.stemmer else _PatternEngine(morphology)
            self._engines[lang] = engine
        return engine


def _variants_of(terms: Iterable[Term], lang: str) -> list[tuple[str, bool]]:
    found: dict[tuple[str, bool], None] = {}
    for term in terms:
        for variant in (*term.accepted(lang), *term.forbidden_in(lang)):
            found[(variant, term.case_sensitive)] = None
    return list(found)


def _remember(cache: OrderedDict, key, value) -> None:
    cache[key] = value
    if len(cache) > TEXT_CACHE_SIZE:
        cache.popitem(last=False)


def _longest_first(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping spans, preferring longer ones, then earlier ones; returned in text order."""
    chosen: list[tuple[int, int, str]] = []
    for span in sorted(found, key=lambda item: (item[0] - item[1], item[0])):
        if all(span[1] <= other[0] or span[0] >= other[1] for other in chosen):
            chosen.append(span)
    return sorted(chosen)


def address_spans(text: str) -> list[Span]:
    """Spans of URLs, email addresses and web domains in ``text``."""
    if "@" not in text and "." not in text:
        return []
    return [match.span() for match in ADDRESS_RE.finditer(text)]


def _outside(spans: list[Span], blocked: list[Span]) -> list[Span]:
    if not blocked:
        return spans
    return [(s, e) for s, e in spans if all(e <= bs or s >= be for bs, be in blocked)]


def is_acronym(word: str) -> bool:
    """``OIM``, ``DTM``, ``UE``: two or more characters, letters all capitals."""
    return len(word) >= 2 and word.isupper()


# --- English sources -----------------------------------------------------------------------------------------


class _SourcePattern:
    """All terms in one alternation, tried at every position (inside a lookahead, so overlaps are seen)."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms = sorted(terms, key=lambda term: len(term.term), reverse=True)
        parts = [f"(?P<t{index}>{_english_pattern(term)})" for index, term in enumerate(self.terms)]
        self.regex = re.compile(rf"(?<!\w)(?=(?:{'|'.join(parts)})(?!\w))") if parts else None

    def find(self, text: str) -> list[TermMatch]:
        if self.regex is None:
            return []
        found: list[tuple[int, int, str]] = []
        for match in self.regex.finditer(text):
            name = match.lastgroup or ""
            found.append((match.start(name), match.end(name), name))
        blocked = address_spans(text)
        kept = [span for span in found if _outside([span[:2]], blocked)]
        return [TermMatch(self.terms[int(name[1:])], start, end, text[start:end]) for start, end, name in _longest_first(kept)]


def _english_pattern(term: Term) -> str:
    """A term's pattern: words separated by any spaces, the last one also in its plural (IDPs, migrants)."""
    words = term.term.split()
    parts = [re.escape(word) for word in words]
    if term.kind != "name":
        parts[-1] = _english_plural(words[-1])
    body = r"\s+".join(parts)
    return body if term.case_sensitive else f"(?i:{body})"


def _english_plural(word: str) -> str:
    if is_acronym(word) or not word[-1:].isalpha():
        return re.escape(word) + "s?"
    lower = word.lower()
    if lower.endswith("y") and len(word) > 1 and lower[-2] not in "aeiou":
        return re.escape(word[:-1]) + "(?:y|ies)"
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return re.escape(word) + "(?:es)?"
    return re.escape(word) + "s?"


# --- Translations -------------------------------------------------------------------------------------------


class _Engine(Protocol):
    def prepare(self, variants: Iterable[tuple[str, bool]]) -> None: ...

    def find(self, text: str, variant: str, case_sensitive: bool) -> list[Span]: ...


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    surface: str
    key: str


class _StemEngine:
    """Words compared by Snowball stem (accents folded after stemming); acronyms by their exact spelling."""

    def __init__(self, morphology: Morphology) -> None:
        self.morphology = morphology
        self.stemmer = snowballstemmer.stemmer(morphology.stemmer)
        self._stems: dict[str, str] = {}
        self._variants: dict[tuple[str, bool], tuple[tuple[bool, str], ...]] = {}
        self._texts: OrderedDict[str, tuple[list[_Token], dict[str, list[int]], list[Span]]] = OrderedDict()

    def prepare(self, variants: Iterable[tuple[str, bool]]) -> None:
        for variant, case_sensitive in variants:
            self._compiled(variant, case_sensitive)

    def find(self, text: str, variant: str, case_sensitive: bool) -> list[Span]:
        wanted = self._compiled(variant, case_sensitive)
        if not wanted:
            return []
        tokens, index, blocked = self._analysed(text)
        exact, first = wanted[0]
        starts = index.get(("=" if exact else "~") + first, [])
        spans: list[Span] = []
        for position in starts:
            end = position + len(wanted)
            if end > len(tokens):
                break
            if all(self._same(tokens[position + k], wanted[k]) for k in range(1, len(wanted))) and all(
                WORD_GAP_RE.fullmatch(text, tokens[k].end, tokens[k + 1].start) for k in range(position, end - 1)
            ):
                spans.append((tokens[position].start, tokens[end - 1].end))
        return _outside(spans, blocked)

    @staticmethod
    def _same(token: _Token, wanted: tuple[bool, str]) -> bool:
        exact, value = wanted
        return token.surface == value if exact else token.key == value

    def _compiled(self, variant: str, case_sensitive: bool) -> tuple[tuple[bool, str], ...]:
        compiled = self._variants.get((variant, case_sensitive))
        if compiled is None:
            compiled = tuple(
                (True, word) if case_sensitive and is_acronym(word) else (False, self._key(word))
                for word in WORD_RE.findall(unicodedata.normalize("NFC", variant))
            )
            self._variants[(variant, case_sensitive)] = compiled
        return compiled

    def _key(self, word: str) -> str:
        key = self._stems.get(word)
        if key is None:
            key = self.stemmer.stemWord(word.lower())
            if self.morphology.fold_accents:
                key = _strip_accents(key)
            self._stems[word] = key
        return key

    def _analysed(self, text: str) -> tuple[list[_Token], dict[str, list[int]], list[Span]]:
        cached = self._texts.get(text)
        if cached is None:
            tokens = [_Token(m.start(), m.end(), m.group(), self._key(m.group())) for m in WORD_RE.finditer(text)]
            index: dict[str, list[int]] = {}
            for position, token in enumerate(tokens):
                index.setdefault("~" + token.key, []).append(position)
                index.setdefault("=" + token.surface, []).append(position)
            cached = (tokens, index, address_spans(text))
            _remember(self._texts, text, cached)
        return cached


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class _PatternEngine:
    """A regular expression per variant, built from the language's affixes, over text with folded characters."""

    def __init__(self, morphology: Morphology) -> None:
        self.morphology = morphology
        self._table = str.maketrans({**morphology.fold, **{ch: None for ch in morphology.ignorable}})
        self._patterns: dict[tuple[str, bool], re.Pattern[str]] = {}
        self._texts: OrderedDict[str, tuple[str, list[int] | None, list[Span]]] = OrderedDict()
        self._prefix = _alternation(morphology.prefixes)
        self._suffix = _alternation(morphology.suffixes)

    def prepare(self, variants: Iterable[tuple[str, bool]]) -> None:
        for variant, case_sensitive in variants:
            self._pattern(variant, case_sensitive)

    def find(self, text: str, variant: str, case_sensitive: bool) -> list[Span]:
        folded, origin, blocked = self._folded(text)
        spans = [match.span() for match in self._pattern(variant, case_sensitive).finditer(folded)]
        if origin is not None:
            spans = [(origin[start], self._through_marks(text, origin[end - 1] + 1)) for start, end in spans if end > start]
        return _outside(spans, blocked)

    def _through_marks(self, text: str, end: int) -> int:
        """``end`` moved past ignorable marks written on the last letter (the tanween of داخلياً)."""
        while end < len(text) and text[end] in self.morphology.ignorable:
            end += 1
        return end

    def _folded(self, text: str) -> tuple[str, list[int] | None, list[Span]]:
        cached = self._texts.get(text)
        if cached is None:
            if self.morphology.fold or self.morphology.ignorable:
                origin = [index for index, ch in enumerate(text) if ch not in self.morphology.ignorable]
                folded = text.translate(self._table)
                cached = (folded, origin if len(origin) != len(text) else None, address_spans(text))
            else:
                cached = (text, None, address_spans(text))
            _remember(self._texts, text, cached)
        return cached

    def _pattern(self, variant: str, case_sensitive: bool) -> re.Pattern[str]:
        pattern = self._patterns.get((variant, case_sensitive))
        if pattern is None:
            pattern = re.compile(self._build(variant, case_sensitive), re.IGNORECASE)
            self._patterns[(variant, case_sensitive)] = pattern
        return pattern

    def _build(self, variant: str, case_sensitive: bool) -> str:
        morphology = self.morphology
        words = unicodedata.normalize("NFC", variant).translate(self._table).split()
        if not words:
            return r"(?!)"
        article = morphology.article
        if article and words[0].startswith(article) and len(words[0]) > len(article) + 1:
            words[0] = words[0][len(article):]
        parts = [self._word(word, case_sensitive) for word in words]
        body = (r"\s*" if morphology.optional_spaces else r"\s+").join(parts)
        if self._prefix:
            body = f"(?:{self._prefix})?{body}"
        if self._suffix and morphology.max_suffixes:
            body += f"(?:{self._suffix}){{0,{morphology.max_suffixes}}}"
        if morphology.word_boundaries:
            body = rf"(?<!\w){body}(?!\w)"
        return body

    def _word(self, word: str, case_sensitive: bool) -> str:
        if self.morphology.optional_spaces:
            escaped = "".join(
                re.escape(ch) + (" ?" if HANGUL_RE.match(ch) and HANGUL_RE.match(nxt) else "")
                for ch, nxt in zip(word, word[1:] + " ")
            )
        else:
            escaped = re.escape(word)
        return f"(?-i:{escaped})" if case_sensitive and is_acronym(word) else escaped


def _alternation(pieces: Iterable[str]) -> str:
    return "|".join(re.escape(piece) for piece in sorted(set(pieces), key=len, reverse=True) if piece)
