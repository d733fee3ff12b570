"""Finding glossary terms in English sources, and their renderings in translations with each language's morphology.

How a language inflects and attaches words is data (:data:`MORPHOLOGY`), read by two
engines: one compares words by their Snowball stem (French and Spanish plural and gender),
the other builds a pattern per variant with the affixes a language glues to words (Korean
particles, Arabic proclitics and the article) and the characters it folds or ignores.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol

import ahocorasick
import snowballstemmer

from presslate.glossary import Glossary, Term
from presslate.languages import base_language, parse_language

Span = tuple[int, int]
SOURCE_CACHE_SIZE = 1 << 16  # source sentences recur across languages and releases
TEXT_CACHE_SIZE = 256  # a translation is looked at for each term of its source, one after the other

# URLs, email addresses and bare web domains: a term inside them is not the term (sblack@iom.int is not IOM).
# Each pattern runs only when its trigger is in the text, and starts only where a token starts.
ADDRESS_PATTERNS = (
    ("@", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    ("://", re.compile(r"https?://[^\s<>\"“”]+[^\s<>\"“”.,;:!?)»]", re.IGNORECASE)),
    ("www.", re.compile(r"(?<![\w.])www\.[^\s<>\"“”]+[^\s<>\"“”.,;:!?)»]", re.IGNORECASE)),
    (".", re.compile(r"(?<![\w@.-])(?:[\w-]+\.)+(?:int|org|com|net|gov|edu|info|io|ly)(?![\w-])(?:/[^\s<>\"“”]*)?",
                     re.IGNORECASE)),
)
# A web domain's ending, found from its dot: a pattern that starts with a literal is scanned for in C,
# some twenty times faster than one that starts with a character class (the \w before it is tested apart).
_DOT_DOMAIN_RE = re.compile(r"\.(?:int|org|com|net|gov|edu|info|io|ly)(?![\w-])", re.IGNORECASE)
# What may stand between two words of a multi-word term: spaces, hyphens, apostrophes, brackets, quotes
# (and any other punctuation the variant itself has there, such as the commas of a title).
WORD_GAP_CHARS = "\\s'’‘\\-‐‑–()\\[\\]«»\"“”/"
WORD_GAP_RE = re.compile(f"[{WORD_GAP_CHARS}]{{1,5}}")
WORD_RE = re.compile(r"\w+")
HANGUL_SYLLABLES = "\uac00-\ud7a3"
# The characters a case-insensitive pattern matches to an ASCII letter though ``str.lower`` does not make
# them one (İ, ı, ſ, the Kelvin sign); İ also lengthens the text when lower-cased.
_CASE_FOLD_ODDITIES = "\u0130\u0131\u017f\u212a"


@dataclass(frozen=True)
class Morphology:
    """How one language writes a term inside a sentence.

    ``stemmer`` (a Snowball algorithm) compares words by stem, which covers plural and
    gender inflection; otherwise ``prefixes`` may be glued before the first word (after an
    optional ``article`` is taken off the variant), up to ``max_suffixes`` of ``suffixes``
    after the last word, a space may be missing between two letters of ``joinable_letters``
    (a regex character class; Korean spacing varies) and between the words of a variant,
    ``fold`` maps characters to one spelling and ``ignorable`` characters are dropped.
    """

    stemmer: str | None = None
    fold_accents: bool = False
    prefixes: tuple[str, ...] = ()
    article: str = ""
    suffixes: tuple[str, ...] = ()
    max_suffixes: int = 0
    joinable_letters: str = ""
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
    "ko": Morphology(suffixes=KOREAN_PARTICLES, max_suffixes=3, joinable_letters=HANGUL_SYLLABLES),
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


class TermMatch(NamedTuple):
    """A glossary term found in a source text: ``text[start:end] == match.text``.

    A named tuple: tens of thousands are made in a check run, and a tuple is made five times faster.
    """

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
        self._source_cache: dict[str, list[TermMatch]] = {}

    def __getstate__(self) -> dict:
        return {"glossary": self.glossary}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["glossary"])

    def source_matches(self, text: str) -> list[TermMatch]:
        """Terms in an English source, in text order; the longest wins where two overlap; none inside URLs or emails."""
        cached = self._source_cache.get(text)
        if cached is None:
            cached = self._source.find(text)
            _remember(self._source_cache, text, cached, SOURCE_CACHE_SIZE)
        return list(cached)

    def target_has(self, text: str, variant: str, lang: str, *, case_sensitive: bool = True) -> bool:
        """True when ``variant`` occurs in the translation ``text``, inflected or with affixes as ``lang`` allows.

        With ``case_sensitive`` (the term's flag) acronym-like words of the variant (``OIM``)
        must keep their capitals; other words never depend on case.
        """
        return bool(self._engine(lang).find(_nfc(text), variant, case_sensitive))

    def target_has_any(self, text: str, variants: Iterable[str], lang: str, *, case_sensitive: bool = True) -> bool:
        """True when one of ``variants`` occurs in ``text`` (:meth:`target_has` for each, stopping at the first)."""
        text = _nfc(text)
        engine = self._engine(lang)
        if isinstance(engine, _PatternEngine):
            return engine.holds_any(text, variants, case_sensitive)
        return any(engine.find(text, variant, case_sensitive) for variant in variants)

    def target_matches(
        self, text: str, variants: Iterable[str], lang: str, *, case_sensitive: bool = True,
        screen_starts: bool = False,
    ) -> list[tuple[int, int, str]]:
        """Spans ``(start, end, variant)`` of the variants found in ``text``, longest first where they overlap.

        With ``screen_starts``, a language matched by stems looks only for the variants whose
        words' first two letters all start words of the text (:func:`word_starts`): inflection
        changes the ends of words, so this spares the matcher the variants that cannot be there.
        Spans are offsets in ``text`` composed to NFC (the same offsets unless it was decomposed).
        """
        text = _nfc(text)
        engine = self._engine(lang)
        # A tuple is taken to hold distinct variants (the term index keeps its groups so); anything else is deduplicated.
        variants = variants if isinstance(variants, tuple) else tuple(dict.fromkeys(variants))
        if screen_starts and isinstance(engine, _StemEngine):
            variants = engine.screen(text, variants, case_sensitive)
        if isinstance(engine, _PatternEngine):
            return _longest_first(engine.find_many(text, variants, case_sensitive))
        found = [(start, end, variant) for variant in variants
                 for start, end in engine.find(text, variant, case_sensitive)]
        return _longest_first(found)

    def prepare(self, lang: str) -> None:
        """Compile what ``lang``'s look-ups need now (e.g. before worker processes fork), not at first use."""
        self._engine(lang)

    def _engine(self, lang: str) -> _Engine:
        """The engine of ``lang``, made and given the glossary's variants in that language on first use."""
        engine = self._engines.get(lang)
        if engine is None:
            morphology = morphology_for(lang)
            engine = _StemEngine(morphology) if morphology.stemmer else _PatternEngine(morphology)
            engine.prepare(_variants_of(self.glossary.terms, lang))
            self._engines[lang] = engine
        return engine


_new_tuple = tuple.__new__  # a named tuple without the argument handling of its generated __new__


def _variants_of(terms: Iterable[Term], lang: str) -> list[tuple[str, bool]]:
    found: dict[tuple[str, bool], None] = {}
    for term in terms:
        for variant in (*term.accepted(lang), *term.forbidden_in(lang)):
            found[(variant, term.case_sensitive)] = None
    return list(found)


def _nfc(text: str) -> str:
    """``text`` composed to NFC, as the glossary's variants are (a translation saved decomposed looks the same)."""
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def _remember(cache: dict, key, value, size: int = TEXT_CACHE_SIZE) -> None:
    """Keep ``value`` under ``key``; a full cache is emptied first (cheaper than ordering it, and as good here:
    a text is looked at by the checks of one entry, one after the other)."""
    if len(cache) >= size:
        cache.clear()
    cache[key] = value


def _longest_first(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping spans, preferring longer ones, then earlier ones; returned in text order."""
    if len(found) < 2:
        return list(found)
    ordered = sorted(found)
    if all(left[1] <= right[0] for left, right in zip(ordered, ordered[1:])):
        return ordered  # no two overlap (the usual case): every span is kept
    chosen: list[tuple[int, int, str]] = []
    for span in sorted(found, key=lambda item: (item[0] - item[1], item[0])):
        if all(span[1] <= other[0] or span[0] >= other[1] for other in chosen):
            chosen.append(span)
    return sorted(chosen)


def address_spans(text: str) -> list[Span]:
    """Spans of URLs, email addresses and web domains in ``text``."""
    spans: list[Span] = []
    for trigger, pattern in ADDRESS_PATTERNS:
        if trigger in text and (trigger != "." or _has_domain(text)):
            spans += [match.span() for match in pattern.finditer(text)]
    return spans


def _has_domain(text: str) -> bool:
    """True when a web domain ends in ``text`` (a word character, a dot, ``int``, ``org`` ...): the dot and ending found first."""
    return any(match.start() > 0 and _is_word_char(text[match.start() - 1]) for match in _DOT_DOMAIN_RE.finditer(text))


def _is_word_char(ch: str) -> bool:
    """True for a character ``\\w`` matches (in a ``str`` pattern: alphanumeric or ``_``)."""
    return ch.isalnum() or ch == "_"


def exact_word_spans(text: str, word: str) -> list[Span]:
    """Spans where ``word`` (made of word characters) stands as a whole word of ``text``, as ``\\w+`` splits it."""
    spans: list[Span] = []
    size, length = len(word), len(text)
    start = text.find(word)
    while start >= 0:
        end = start + size
        if (start == 0 or not _is_word_char(text[start - 1])) and (end == length or not _is_word_char(text[end])):
            spans.append((start, end))
        start = text.find(word, start + 1)
    return spans


def has_word_start(text: str, start: str) -> bool:
    """True when some ``\\w+`` word of ``text`` begins with ``start`` (one or two word characters).

    A one-character ``start`` must be a whole word. The same as ``start in {word[:2] for word in
    re.findall(r"\\w+", text)}``, without splitting the text.
    """
    size, length = len(start), len(text)
    at = text.find(start)
    while at >= 0:
        if at == 0 or not _is_word_char(text[at - 1]):
            if size >= 2 or at + 1 == length or not _is_word_char(text[at + 1]):
                return True
        at = text.find(start, at + 1)
    return False


def _outside(spans: list[Span], blocked: list[Span]) -> list[Span]:
    if not blocked:
        return spans
    return [(s, e) for s, e in spans if all(e <= bs or s >= be for bs, be in blocked)]


def is_acronym(word: str) -> bool:
    """``OIM``, ``DTM``, ``UE``: two or more characters, letters all capitals."""
    return len(word) >= 2 and word.isupper()


# --- English sources -----------------------------------------------------------------------------------------


class _SourcePattern:
    """The terms' patterns, tried where a term's first word starts (in a lookahead, so overlaps are seen).

    An Aho-Corasick automaton finds, in one pass, where a glossary term's first word (or its
    plural) stands as a whole word; there, the terms that begin with that word are tried in
    order (longest first), each with its own pattern: cost follows the sentence, not the
    glossary size. :meth:`find_by_scan` is the plain way (one alternation tried everywhere),
    used where the automaton cannot be (see :meth:`find`).
    """

    def __init__(self, terms: Iterable[Term]) -> None:
        self.terms = sorted(terms, key=lambda term: len(term.term), reverse=True)
        self._patterns = [_english_pattern(term) for term in self.terms]
        self._by_first_word: dict[str, list[int]] = {}
        for index, term in enumerate(self.terms):
            words = WORD_RE.findall(term.term.lower())
            forms = _english_plurals(words[0]) if len(words) == 1 and term.kind != "name" else words[:1]
            for form in forms:
                self._by_first_word.setdefault(form, []).append(index)
        self._first_words = frozenset(self._by_first_word)
        self._by_group = {f"t{index}": term for index, term in enumerate(self.terms)}
        self._regexes: dict[tuple[int, ...], re.Pattern[str]] = {}
        # Each term's pattern on its own, compiled once (before worker processes fork): where a first
        # word starts, its terms are tried in order, as the alternation of find_by_scan would try them.
        own = [re.compile(rf"(?<!\w)(?=(?P<t{index}>{pattern})(?!\w))") for index, pattern in enumerate(self._patterns)]
        # That needs every term to begin with its first word (not "#hashtag" or "(UN)"), else the scan is used.
        self._anchored = all(_is_word_char(term.term.lstrip()[:1] or " ") for term in self.terms)
        # Every first word in one automaton: a sentence is scanned once, in C, for all of them.
        self._words = ahocorasick.Automaton()
        for word, indices in self._by_first_word.items():
            self._words.add_word(word, (len(word), tuple(own[index] for index in indices)))
        if self._by_first_word:
            self._words.make_automaton()

    def find(self, text: str) -> list[TermMatch]:
        if not self._by_first_word:
            return []
        lower = text.lower()
        if not self._anchored or (not lower.isascii() and any(ch in text for ch in _CASE_FOLD_ODDITIES)):
            return self.find_by_scan(text)
        found: list[tuple[int, int, str]] = []
        last = len(lower) - 1
        for end, (size, patterns) in self._words.iter(lower):
            start = end - size + 1
            # A whole word, as WORD_RE splits the text (\w is what isalnum() or "_" accepts).
            if (start == 0 or not (lower[start - 1].isalnum() or lower[start - 1] == "_")) and \
                    (end == last or not (lower[end + 1].isalnum() or lower[end + 1] == "_")):
                for pattern in patterns:
                    match = pattern.match(text, start)
                    if match is not None:
                        name = match.lastgroup or ""
                        found.append((*match.span(name), name))
                        break
        return self._matches(text, found)

    def find_by_scan(self, text: str) -> list[TermMatch]:
        """:meth:`find` the plain way: candidates from the text's words, the pattern tried at every position."""
        candidates = self._candidates(text)
        if not candidates:
            return []
        regex = self._regex(candidates)
        found = [(*match.span(match.lastgroup or ""), match.lastgroup or "") for match in regex.finditer(text)]
        return self._matches(text, found)

    def _regex(self, candidates: tuple[int, ...]) -> re.Pattern[str]:
        """The candidates' patterns in one alternation, tried in a lookahead so that overlaps are seen."""
        regex = self._regexes.get(candidates)
        if regex is None:
            parts = "|".join(f"(?P<t{index}>{self._patterns[index]})" for index in candidates)
            regex = self._regexes[candidates] = re.compile(rf"(?<!\w)(?=(?:{parts})(?!\w))")
        return regex

    def _matches(self, text: str, found: list[tuple[int, int, str]]) -> list[TermMatch]:
        """The spans found as term matches: outside addresses, the longest where two overlap, in text order."""
        if not found:
            return []
        blocked = address_spans(text)
        if blocked:
            found = [span for span in found if _outside([span[:2]], blocked)]
        terms = self._by_group
        return [_new_tuple(TermMatch, (terms[name], start, end, text[start:end]))
                for start, end, name in _longest_first(found)]

    def _candidates(self, text: str) -> tuple[int, ...]:
        """Indices (longest term first) of the terms whose first word (or its plural) is a word of ``text``."""
        words = self._first_words.intersection(WORD_RE.findall(text.lower()))
        if not words:
            return ()
        found: set[int] = set()
        for word in words:
            found.update(self._by_first_word[word])
        return tuple(sorted(found))


def _english_plurals(word: str) -> tuple[str, ...]:
    """``word`` and the plurals :func:`_english_plural` accepts: idp -> idps, agency -> agencies."""
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return (word, word[:-1] + "ies")
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return (word, word + "es")
    return (word, word + "s")


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


class _Analysis:
    """A text as the stem engine sees it; words, stems, positions and addresses are worked out only when needed.

    ``probe`` (lower case, no accents, y as i) holds every stem's first letters, so a variant
    whose needles are not in it cannot be in the text.
    """

    __slots__ = ("text", "probe", "_engine", "_words", "_keys", "_spans", "_blocked")

    def __init__(self, text: str, engine: _StemEngine) -> None:
        self.text, self.probe, self._engine = text, _probe(text), engine
        self._words: list[str] | None = None
        self._keys: list[str] | None = None
        self._spans: list[Span] | None = None
        self._blocked: list[Span] | None = None

    @property
    def words(self) -> list[str]:
        if self._words is None:
            self._words = WORD_RE.findall(self.text)
        return self._words

    @property
    def keys(self) -> list[str]:
        if self._keys is None:
            stems, key = self._engine._stems, self._engine._key
            self._keys = [stems.get(word) or key(word) for word in self.words]
        return self._keys

    @property
    def spans(self) -> list[Span]:
        if self._spans is None:
            self._spans = [match.span() for match in WORD_RE.finditer(self.text)]
        return self._spans

    @property
    def blocked(self) -> list[Span]:
        if self._blocked is None:
            self._blocked = address_spans(self.text)
        return self._blocked


class _Variant(NamedTuple):
    """A variant as the stem engine compares it: its words (exact or by key), the gaps between them, screens."""

    words: tuple[tuple[bool, str], ...]
    gaps: tuple[re.Pattern[str], ...]
    needles: tuple[str, ...]
    """The first three letters of each word's key or spelling, loosely folded: all are in the probe of a text
    that holds the variant."""
    starts: frozenset[str]
    """The first two letters of each word, loosely folded (:func:`word_starts`)."""
    exact: str | None
    """The spelling of a variant that is one acronym (``OIM``): it is looked for as a whole word."""


class _StemEngine:
    """Words compared by Snowball stem (accents folded after stemming); acronyms by their exact spelling."""

    def __init__(self, morphology: Morphology) -> None:
        self.morphology = morphology
        self.stemmer = snowballstemmer.stemmer(morphology.stemmer)
        self._stems: dict[str, str] = {}
        self._variants: dict[tuple[str, bool], _Variant] = {}
        self._screens: dict[tuple[tuple[str, ...], bool], list[tuple[str, int]]] = {}
        self._texts: dict[str, _Analysis] = {}

    def prepare(self, variants: Iterable[tuple[str, bool]]) -> None:
        for variant, case_sensitive in variants:
            self._compiled(variant, case_sensitive)

    def find(self, text: str, variant: str, case_sensitive: bool) -> list[Span]:
        compiled = self._variants.get((variant, case_sensitive)) or self._compiled(variant, case_sensitive)
        wanted = compiled.words
        if not wanted:
            return []
        analysis = self._analysed(text)
        probe = analysis.probe
        for needle in compiled.needles:
            if needle not in probe:
                return []
        if compiled.exact is not None:
            spans = exact_word_spans(text, compiled.exact)
            return _outside(spans, analysis.blocked) if spans else spans
        gaps = compiled.gaps
        exact, first = wanted[0]
        column = analysis.words if exact else analysis.keys
        spans = []
        position = _index(column, first, 0)
        while position >= 0 and position + len(wanted) <= len(column):
            end = position + len(wanted)
            if all((analysis.words if exact_k else analysis.keys)[position + k] == value
                   for k, (exact_k, value) in enumerate(wanted[1:], start=1)):
                word_spans = analysis.spans
                if all(gaps[k].fullmatch(text, word_spans[position + k][1], word_spans[position + k + 1][0])
                       for k in range(len(wanted) - 1)):
                    spans.append((word_spans[position][0], word_spans[end - 1][1]))
            position = _index(column, first, position + 1)
        return _outside(spans, analysis.blocked) if spans else spans

    def screen(self, text: str, variants: Iterable[str], case_sensitive: bool) -> list[str]:
        """The ``variants`` whose words' starts (:func:`word_starts`) all start words of ``text``.

        Variants :meth:`find` would reject at once (a needle missing from the probe) are left out too.
        """
        variants = variants if isinstance(variants, tuple) else tuple(variants)
        table = self._screens.get((variants, case_sensitive)) or self._screen_table(variants, case_sensitive)
        probe = self._analysed(text).probe
        alive = (1 << len(variants)) - 1
        for needle, holders in table:
            if alive & holders and needle not in probe:
                alive &= ~holders
                if not alive:
                    return []
        kept = []
        for index, variant in enumerate(variants):
            if alive >> index & 1 and all(has_word_start(probe, start)
                                          for start in self._variants[(variant, case_sensitive)].starts):
                kept.append(variant)
        return kept

    def _screen_table(self, variants: tuple[str, ...], case_sensitive: bool) -> list[tuple[str, int]]:
        """Each needle of ``variants`` with the bit mask of the variants that have it, most shared first."""
        holders: dict[str, int] = {}
        for index, variant in enumerate(variants):
            for needle in self._compiled(variant, case_sensitive).needles:
                holders[needle] = holders.get(needle, 0) | 1 << index
        table = sorted(holders.items(), key=lambda item: (-item[1].bit_count(), item[0]))
        self._screens[(variants, case_sensitive)] = table
        return table

    def _compiled(self, variant: str, case_sensitive: bool) -> _Variant:
        compiled = self._variants.get((variant, case_sensitive))
        if compiled is None:
            text = unicodedata.normalize("NFC", variant)
            matches = list(WORD_RE.finditer(text))
            words = tuple(
                (True, m.group()) if case_sensitive and is_acronym(m.group()) else (False, self._key(m.group()))
                for m in matches
            )
            gaps = tuple(_gap_pattern(text[left.end():right.start()]) for left, right in zip(matches, matches[1:]))
            needles = tuple({_probe(value)[:3] for _, value in words})
            exact = words[0][1] if len(words) == 1 and words[0][0] else None
            compiled = _Variant(words, gaps, needles, word_starts(variant), exact)
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

    def _analysed(self, text: str) -> _Analysis:
        analysis = self._texts.get(text)
        if analysis is None:
            analysis = _Analysis(text, self)
            _remember(self._texts, text, analysis)
        return analysis


def _index(values: list[str], wanted: str, start: int) -> int:
    """``values.index(wanted, start)``, or -1."""
    try:
        return values.index(wanted, start)
    except ValueError:
        return -1


def _gap_pattern(gap: str) -> re.Pattern[str]:
    """What may separate two words in a text, given what separates them in the variant."""
    extra = "".join(sorted({ch for ch in gap if not WORD_GAP_RE.fullmatch(ch)}))
    if not extra:
        return WORD_GAP_RE
    return re.compile(f"[{WORD_GAP_CHARS}{re.escape(extra)}]{{1,{max(5, len(gap) + 2)}}}")


COMBINING_MARKS_RE = re.compile(r"[\u0300-\u036f]")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    if decomposed == text:
        return text
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _probe(text: str) -> str:
    """Lower case, Latin accents dropped and y as i (Snowball may turn y into i): what needles are looked for in."""
    return COMBINING_MARKS_RE.sub("", unicodedata.normalize("NFD", text.lower())).replace("y", "i")


def word_starts(text: str) -> frozenset[str]:
    """The first two letters (loosely folded, as :func:`_probe` folds) of every word of ``text``.

    A Snowball stem keeps at least the first two letters of its word (suffixes are removed only
    from the RV/R1 regions, which start after them), so a variant matched by stems has every
    one of its words' starts among the text's.
    """
    return frozenset(word[:2] for word in WORD_RE.findall(_probe(text)))


class _Folded:
    """A text with the language's folds applied; positions map back to the original only when marks were dropped."""

    __slots__ = ("text", "folded", "probe", "dropped", "_blocked")

    def __init__(self, text: str, folded: str, probe: str) -> None:
        self.text, self.folded, self.probe = text, folded, probe
        self.dropped = len(folded) != len(text)
        self._blocked: list[Span] | None = None

    @property
    def blocked(self) -> list[Span]:
        if self._blocked is None:
            self._blocked = address_spans(self.text)
        return self._blocked


class _PatternEngine:
    """A regular expression per variant, built from the language's affixes, over text with folded characters.

    Each variant also has a ``needle`` (its longest word, lower-cased) that must be in the text
    for the pattern to be worth running, so most look-ups cost one substring test.
    """

    def __init__(self, morphology: Morphology) -> None:
        self.morphology = morphology
        self._table = str.maketrans({**morphology.fold, **{ch: None for ch in morphology.ignorable}})
        changed = "".join(morphology.fold) + morphology.ignorable
        self._changed_re = re.compile(f"[{re.escape(changed)}]") if changed else None
        self._patterns: dict[tuple[str, bool], tuple[re.Pattern[str], str]] = {}
        self._texts: dict[str, _Folded] = {}
        self._prefix = _alternation(morphology.prefixes)
        self._suffix = _alternation(morphology.suffixes)
        self._joinable = re.compile(f"[{morphology.joinable_letters}]") if morphology.joinable_letters else None

    def prepare(self, variants: Iterable[tuple[str, bool]]) -> None:
        for variant, case_sensitive in variants:
            self._pattern(variant, case_sensitive)

    def find(self, text: str, variant: str, case_sensitive: bool) -> list[Span]:
        pattern, needle = self._pattern(variant, case_sensitive)
        folded = self._folded(text)
        if needle not in folded.probe:
            return []
        return self._spans(text, folded, pattern)

    def find_many(self, text: str, variants: Iterable[str], case_sensitive: bool) -> list[tuple[int, int, str]]:
        """:meth:`find` for several variants, as ``(start, end, variant)``: the text is folded and probed once."""
        folded = self._folded(text)
        probe = folded.probe
        found: list[tuple[int, int, str]] = []
        for variant in variants:
            pattern, needle = self._patterns.get((variant, case_sensitive)) or self._pattern(variant, case_sensitive)
            if needle in probe:
                found += [(start, end, variant) for start, end in self._spans(text, folded, pattern)]
        return found

    def holds_any(self, text: str, variants: Iterable[str], case_sensitive: bool) -> bool:
        """True when :meth:`find` finds one of ``variants`` (the text folded and probed once)."""
        folded = self._folded(text)
        probe = folded.probe
        for variant in variants:
            pattern, needle = self._patterns.get((variant, case_sensitive)) or self._pattern(variant, case_sensitive)
            if needle in probe and self._spans(text, folded, pattern):
                return True
        return False

    def _spans(self, text: str, folded: _Folded, pattern: re.Pattern[str]) -> list[Span]:
        """Where ``pattern`` matches the folded text, as spans of ``text``, outside its addresses."""
        spans = [match.span() for match in pattern.finditer(folded.folded)]
        if spans and folded.dropped:
            origin = [index for index, ch in enumerate(text) if ch not in self.morphology.ignorable]
            spans = [(origin[start], self._through_marks(text, origin[end - 1] + 1))
                     for start, end in spans if end > start]
        return _outside(spans, folded.blocked) if spans else spans

    def _through_marks(self, text: str, end: int) -> int:
        """``end`` moved past ignorable marks written on the last letter (the tanween of داخلياً)."""
        while end < len(text) and text[end] in self.morphology.ignorable:
            end += 1
        return end

    def _folded(self, text: str) -> _Folded:
        cached = self._texts.get(text)
        if cached is None:
            folded = text.translate(self._table) if self._changed_re and self._changed_re.search(text) else text
            cached = _Folded(text, folded, self._probe_text(folded))
            _remember(self._texts, text, cached)
        return cached

    def _probe_text(self, folded: str) -> str:
        """The text needles are looked for in: lower-cased, without spaces where a language may drop them."""
        probe = folded.lower()
        return "".join(probe.split()) if self._joinable else probe

    def _pattern(self, variant: str, case_sensitive: bool) -> tuple[re.Pattern[str], str]:
        compiled = self._patterns.get((variant, case_sensitive))
        if compiled is None:
            words = self._words(variant)
            pattern = re.compile(self._build(words, case_sensitive), re.IGNORECASE)
            if self._joinable:
                needle = "".join(words).lower()
            else:
                needle = max(words, key=len, default="").lower()
            compiled = self._patterns[(variant, case_sensitive)] = (pattern, needle)
        return compiled

    def _words(self, variant: str) -> list[str]:
        """The variant's words, folded, the first without the article the language may glue prefixes to."""
        words = unicodedata.normalize("NFC", variant).translate(self._table).split()
        article = self.morphology.article
        if words and article and words[0].startswith(article) and len(words[0]) > len(article) + 1:
            words[0] = words[0][len(article):]
        return words

    def _build(self, words: list[str], case_sensitive: bool) -> str:
        morphology = self.morphology
        if not words:
            return r"(?!)"
        # Without prefixes the word boundary before the variant is tested after its first letter
        # ((?<!\w.) there is (?<!\w) before it): a pattern that opens with a literal is searched
        # for in C, several times faster than one that opens with a lookbehind.
        boundary_inside = morphology.word_boundaries and not self._prefix
        parts = [self._word(word, case_sensitive, boundary_after_first=boundary_inside and index == 0)
                 for index, word in enumerate(words)]
        body = (r"\s*" if self._joinable else r"\s+").join(parts)
        if self._prefix:
            body = f"(?:{self._prefix})?{body}"
        if self._suffix and morphology.max_suffixes:
            body += f"(?:{self._suffix}){{0,{morphology.max_suffixes}}}"
        if morphology.word_boundaries:
            body = rf"{body}(?!\w)" if boundary_inside else rf"(?<!\w){body}(?!\w)"
        return body

    def _word(self, word: str, case_sensitive: bool, *, boundary_after_first: bool = False) -> str:
        """A word's pattern: escaped, with optional spaces between joinable letters, acronyms in their case.

        ``boundary_after_first`` puts ``(?<!\\w.)`` after the first letter: no word character before the word.
        """
        joinable = self._joinable
        pieces = [re.escape(ch) + (" ?" if joinable and joinable.match(ch) and joinable.match(nxt) else "")
                  for ch, nxt in zip(word, word[1:] + " ")]
        if boundary_after_first and pieces:
            first = re.escape(word[0])
            pieces[0] = first + r"(?<!\w.)" + pieces[0][len(first):]
        escaped = "".join(pieces)
        return f"(?-i:{escaped})" if case_sensitive and is_acronym(word) else escaped


def _alternation(pieces: Iterable[str]) -> str:
    """The pieces as alternatives, longest first (in a stable order, so a pattern is the same in every run)."""
    return "|".join(re.escape(piece) for piece in sorted(set(pieces), key=lambda piece: (-len(piece), piece)) if piece)
