"""Protect glossary terms, names, numbers, emails, URLs and phones from an engine with placeholders, then restore them.

``mask`` replaces each protected span of a source sentence by ``{1}``, ``{2}`` ... (a form engines keep
as they find it); ``restore`` puts back into the engine's output what the target language needs: a term's
approved translation, a do-not-translate name or an address unchanged, a number written the way the
language writes it (babel: ``1,000`` is ``1 000`` in French and ``1.000`` in Spanish). When a placeholder
came back dropped, duplicated or mangled, ``restore`` says so; the caller then translates the plain
sentence and ``substitute`` enforces terms and numbers in that translation as far as it can find them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Protocol

from babel.numbers import NumberFormatError, format_decimal, parse_decimal

from presslate.glossary import Term

KIND_TERM = "term"
KIND_NAME = "name"
KIND_NUMBER = "number"
KIND_URL = "url"
KIND_EMAIL = "email"
KIND_PHONE = "phone"
KIND_DATE = "date"

URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"'“”‘’]+", re.IGNORECASE)
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_RE = re.compile(r"(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,6}(?!\w)")
DATE_RE = re.compile(r"(?<![\w/.,-])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\w/])")
NUMBER_RE = re.compile(r"(?<![\w.,/-])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w/]|[.,]\d)")
TRAILING_PUNCTUATION = ".,;:!?)]}'\"’”"
PLACEHOLDER_RE = re.compile(r"[{｛]\s*(\d+)\s*[}｝]")
PLACEHOLDER_RESIDUE_RE = re.compile(r"[{｛]\s*\d|\d\s*[}｝]")
# A number as an engine may write it in any locale: digits with grouping spaces, dots or commas.
LOOSE_NUMBER_RE = re.compile(r"\d(?:[\d\u00a0\u202f .,]*\d)?")


class TermMatchLike(Protocol):
    term: Term
    start: int
    end: int
    text: str


class SourceMatcher(Protocol):
    """What masking needs from the glossary's term matcher (``presslate.terms.TermMatcher``)."""

    def source_matches(self, text: str) -> Sequence[TermMatchLike]: ...


def placeholder(index: int) -> str:
    """The placeholder written into the text sent to an engine."""
    return "{%d}" % index


@dataclass(frozen=True)
class Protected:
    """A span of the source replaced by a placeholder, and what the translation must hold in its place."""

    index: int
    kind: str
    source: str
    restore: str
    accepted: tuple[str, ...] = ()
    elide: bool = False

    def describe(self) -> str:
        return f"{placeholder(self.index)} ({self.source})"


@dataclass(frozen=True)
class MaskedText:
    """A source sentence and the text sent to the engine in its place."""

    source: str
    text: str
    spans: tuple[Protected, ...] = ()

    @property
    def masked(self) -> bool:
        return bool(self.spans)

    @property
    def needs_engine(self) -> bool:
        """False when nothing but placeholders, digits and punctuation is left to translate."""
        rest = PLACEHOLDER_RE.sub("", self.text)
        return any(ch.isalpha() for ch in rest)


@dataclass
class Restored:
    """A translation with the protected spans put back, and what went wrong on the way."""

    text: str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class Protector:
    """Masks and restores the protected spans of sentences for one target language."""

    def __init__(self, *, lang: str, matcher: SourceMatcher | None = None, source_lang: str = "en") -> None:
        self.lang = lang
        self.source_lang = source_lang
        self.matcher = matcher

    def mask(self, source: str) -> MaskedText:
        """Replace the protected spans of ``source`` by placeholders numbered in reading order."""
        if PLACEHOLDER_RE.search(source):  # the sentence itself looks like a placeholder: send it as it is
            return MaskedText(source, source)
        found: list[tuple[int, int, str, str, tuple[str, ...]]] = []
        taken: list[tuple[int, int]] = []

        def claim(start: int, end: int, kind: str, restore: str, accepted: tuple[str, ...] = ()) -> None:
            if start < end and all(end <= s or start >= e for s, e in taken):
                taken.append((start, end))
                found.append((start, end, kind, restore, accepted))

        for pattern, kind in ((URL_RE, KIND_URL), (EMAIL_RE, KIND_EMAIL), (PHONE_RE, KIND_PHONE)):
            for match in pattern.finditer(source):
                start, end = match.start(), match.end()
                if kind == KIND_URL:
                    end -= len(match.group()) - len(match.group().rstrip(TRAILING_PUNCTUATION))
                elif kind == KIND_EMAIL:
                    end -= len(match.group()) - len(match.group().rstrip("."))
                claim(start, end, kind, source[start:end])
        for match in self._term_matches(source):
            term = match.term
            if term.do_not_translate:
                claim(match.start, match.end, KIND_NAME, match.text)
                continue
            rendering = self.term_rendering(match, source)
            if rendering:
                claim(match.start, match.end, KIND_TERM, rendering, tuple(term.accepted(self.lang)))
        for match in DATE_RE.finditer(source):
            claim(match.start(), match.end(), KIND_DATE, match.group())
        for match in NUMBER_RE.finditer(source):
            claim(match.start(), match.end(), KIND_NUMBER, self.localise_number(match.group()))
        found.sort()
        spans: list[Protected] = []
        pieces: list[str] = []
        position = 0
        for index, (start, end, kind, restore, accepted) in enumerate(found, start=1):
            elide = kind == KIND_TERM and bool(spans) and _restates(spans[-1], source, found[index - 2][1], start,
                                                                     end, restore)
            spans.append(Protected(index, kind, source[start:end], restore, accepted, elide))
            pieces += [source[position:start], placeholder(index)]
            position = end
        pieces.append(source[position:])
        return MaskedText(source, "".join(pieces), tuple(spans))

    def _term_matches(self, source: str) -> list[TermMatchLike]:
        if self.matcher is None:
            return []
        # Longest terms first, so "International Organization for Migration" wins over a shorter term inside it.
        return sorted(self.matcher.source_matches(source), key=lambda m: (-(m.end - m.start), m.start))

    def term_rendering(self, match: TermMatchLike, source: str) -> str | None:
        """What a glossary term found in ``source`` becomes, or None to leave it to the engine.

        Acronyms and names become their preferred translation, except an acronym in brackets that
        the language may keep as it is ("Displacement Tracking Matrix (DTM)": the name already
        brings the French "(DTM)"). Common nouns ("migrant", kind ``term``) inflect and agree
        with the words around them, so a placeholder would freeze the wrong form: only multi-word
        terms found exactly as written are protected; the QA check covers the rest.
        """
        term = match.term
        accepted = term.accepted(self.lang)
        preferred = term.preferred(self.lang)
        if not preferred:
            return None
        if term.kind == "term" and (" " not in term.term or match.text.casefold() != term.term.casefold()):
            return None
        bracketed = source[match.start - 1:match.start] == "(" and source[match.end:match.end + 1] == ")"
        if bracketed and match.text in accepted:
            return match.text
        return preferred

    def localise_number(self, written: str) -> str:
        """A source number as the target language writes it; plain integers (years, counts) stay as written."""
        if "," not in written and "." not in written:
            return written
        try:
            value = parse_decimal(written, locale=self.source_lang, strict=True)
        except NumberFormatError:
            return written
        return format_decimal(value, locale=self.lang, decimal_quantization=False)

    def restore(self, masked: MaskedText, translation: str) -> Restored:
        """Put the protected spans back into an engine's translation of ``masked.text``.

        A placeholder that is missing, appears twice or comes back in a form not issued is a
        problem; the text still has every recognisable placeholder restored.
        """
        if not masked.masked:
            return Restored(translation)
        by_index = {span.index: span for span in masked.spans}
        counts = Counter(int(found) for found in PLACEHOLDER_RE.findall(translation))
        problems = [f"dropped {span.describe()}" for span in masked.spans if counts[span.index] == 0]
        problems += [f"duplicated {by_index[i].describe()}" for i, n in sorted(counts.items()) if n > 1 and i in by_index]
        problems += [f"mangled: {placeholder(i)} is not in the source" for i in sorted(counts) if i not in by_index]

        def put_back(match: re.Match[str]) -> str:
            span = by_index.get(int(match.group(1)))
            return span.restore if span else match.group()

        for span in masked.spans:
            if span.elide:  # "(IOM)" after its own expansion, when both render the same: drop the brackets
                translation = re.sub(r"\s*[(（]\s*[{｛]\s*%d\s*[}｝]\s*[)）]" % span.index, "", translation)
        text = PLACEHOLDER_RE.sub(put_back, translation)
        if not any(p.startswith("mangled") for p in problems) and PLACEHOLDER_RESIDUE_RE.search(
                PLACEHOLDER_RE.sub("", translation)) and not PLACEHOLDER_RESIDUE_RE.search(masked.source):
            problems.append("mangled: a placeholder came back broken")
        return Restored(text, problems)

    def substitute(self, masked: MaskedText, translation: str) -> Restored:
        """Enforce the protected spans in a translation of the plain source (sent without placeholders).

        Terms the engine left in the source language become their approved translation, numbers are
        rewritten the target language's way; what cannot be found is reported.
        """
        text = translation
        problems: list[str] = []
        for span in masked.spans:
            if span.kind == KIND_TERM:
                text, ok = _enforce_term(text, span)
                if not ok:
                    problems.append(f"check that {span.source!r} is rendered as {span.restore!r}")
            elif span.kind == KIND_NUMBER:
                text, ok = self._enforce_number(text, span)
                if not ok:
                    problems.append(f"the number {span.source} is missing")
            elif span.source not in text:
                problems.append(f"{span.source!r} was changed by the engine")
        return Restored(text, problems)

    def _enforce_number(self, text: str, span: Protected) -> tuple[str, bool]:
        if span.restore in text:
            return text, True
        if span.source in text and _standalone(text, span.source):
            return _replace_first(text, span.source, span.restore), True
        wanted = _decimal(span.source, self.source_lang)
        for match in LOOSE_NUMBER_RE.finditer(text):
            candidate = match.group().strip(" .,")
            if wanted is not None and _decimal(candidate, self.lang) == wanted:
                return text.replace(candidate, span.restore, 1), True
        return text, False


def _restates(previous: Protected, source: str, previous_end: int, start: int, end: int, restore: str) -> bool:
    """True for a bracketed term right after a term rendered the same way: "International ... (IOM)" in Arabic."""
    between = source[previous_end:start]
    return (previous.kind == KIND_TERM and previous.restore == restore and between.strip() == "("
            and source[end:end + 1] == ")")


def _enforce_term(text: str, span: Protected) -> tuple[str, bool]:
    folded = text.casefold()
    if any(variant.casefold() in folded for variant in span.accepted or (span.restore,)):
        return text, True
    pattern = re.compile(_bounded(span.source), re.IGNORECASE)
    if pattern.search(text):
        return pattern.sub(lambda _: span.restore, text, count=1), True
    return text, False


def _bounded(word: str) -> str:
    """A pattern for ``word`` that does not match inside a longer Latin word or number."""
    pattern = re.escape(word)
    if word[:1].isascii() and word[:1].isalnum():
        pattern = r"(?<![A-Za-z0-9])" + pattern
    if word[-1:].isascii() and word[-1:].isalnum():
        pattern += r"(?![A-Za-z0-9])"
    return pattern


def _standalone(text: str, word: str) -> bool:
    return re.search(_bounded(word), text) is not None


def _replace_first(text: str, old: str, new: str) -> str:
    return re.sub(_bounded(old), lambda _: new, text, count=1)


def _decimal(written: str, lang: str) -> Decimal | None:
    try:
        return parse_decimal(written, locale=lang, strict=False)
    except (NumberFormatError, InvalidOperation, ValueError):
        try:
            return Decimal(written.replace(",", "").replace("\u202f", "").replace("\u00a0", "").replace(" ", ""))
        except InvalidOperation:
            return None
