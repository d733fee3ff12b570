"""The glossary as the checks use it: one language's terms and the morphology-aware matcher, with memoised look-ups."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from presslate.checks.patterns import Protected, inside

if TYPE_CHECKING:
    from presslate.glossary import Glossary, Term

_WORD_RE = re.compile(r"\w+")
_MARKS_RE = re.compile("[\u0300-\u036f]")


def loose_fold(text: str) -> str:
    """Lower case, Latin accents dropped, y as i: a form in which any inflection of a word keeps its first letters."""
    return _MARKS_RE.sub("", unicodedata.normalize("NFD", text.lower())).replace("y", "i")


@dataclass(frozen=True)
class SourceTerm:
    """A glossary term found in a source text."""

    term: Term
    start: int
    end: int
    text: str


class TermIndex:
    """One language's view of the glossary: which terms a source names, which variants a target holds."""

    def __init__(self, glossary: Glossary, lang: str) -> None:
        from presslate.terms import TermMatcher, morphology_for

        self.glossary = glossary
        self.lang = lang
        self.matcher = TermMatcher(glossary)
        self.terms: list[Term] = glossary.for_language(lang)
        self.forbidden: list[tuple[Term, str]] = [
            (term, variant) for term in self.terms for variant in term.forbidden_in(lang)
        ]
        self._has: dict[tuple[str, str, bool], bool] = {}
        self._forbidden_cache: dict[str, frozenset[str]] = {}
        # Stem-matched languages inflect the ends of words only: a variant whose words' first two
        # letters are not all in the text cannot match, and need not be asked of the matcher.
        self._stemmed = bool(morphology_for(lang).stemmer)
        self._needles: dict[str, tuple[str, ...]] = {
            variant: tuple({loose_fold(word)[:2] for word in _WORD_RE.findall(variant)})
            for _, variant in self.forbidden
        }
        self._forbidden_groups: dict[bool, tuple[str, ...]] = {}
        for term, variant in self.forbidden:
            group = self._forbidden_groups.get(term.case_sensitive, ())
            if variant not in group:
                self._forbidden_groups[term.case_sensitive] = (*group, variant)

    def source_matches(self, text: str, *, exclude: list[Protected] = ()) -> list[SourceTerm]:
        """Terms of ``text`` outside the ``exclude`` spans (URLs, e-mails ...)."""
        found = []
        for match in self.matcher.source_matches(text):
            if exclude and inside(exclude, match.start, match.end):
                continue
            found.append(SourceTerm(match.term, match.start, match.end, match.text))
        return found

    def has(self, text: str, variant: str, *, case_sensitive: bool = True) -> bool:
        """True when ``text`` holds ``variant`` (inflected, with particles or clitics as the language allows).

        ``case_sensitive`` is the term's flag: acronyms of the variant (``OIM``) then keep their capitals.
        """
        key = (text, variant, case_sensitive)
        result = self._has.get(key)
        if result is None:
            result = self.matcher.target_has(text, variant, self.lang, case_sensitive=case_sensitive)
            if len(self._has) > 50_000:
                self._has.clear()
            self._has[key] = result
        return result

    def forbidden_found(self, text: str, *, named: set[str] = frozenset()) -> list[tuple[Term, str]]:
        """The forbidden variants that occur in ``text``, each once, with its term.

        A variant forbidden for several terms (``국제이민기구`` for IOM and for its full name) is
        given with a term in ``named`` (the terms the source names) when there is one.
        """
        if not self.forbidden:
            return []
        found = self._forbidden_cache.get(text)
        if found is None:
            folded = loose_fold(text) if self._stemmed else ""
            found = frozenset(
                variant
                for case_sensitive, variants in self._forbidden_groups.items()
                for _, _, variant in self._matches(text, folded, variants, case_sensitive)
            )
            if len(self._forbidden_cache) > 50_000:
                self._forbidden_cache.clear()
            self._forbidden_cache[text] = found
        if not found:
            return []
        chosen: dict[str, Term] = {}
        for term, variant in self.forbidden:
            if variant not in found:
                continue
            if variant in chosen and (chosen[variant].term in named or term.term not in named):
                continue
            if self.has(text, variant, case_sensitive=term.case_sensitive):
                chosen[variant] = term
        return [(term, variant) for variant, term in chosen.items()]

    def _matches(self, text: str, folded: str, variants: tuple[str, ...],
                 case_sensitive: bool) -> list[tuple[int, int, str]]:
        if self._stemmed:
            variants = tuple(v for v in variants if all(needle in folded for needle in self._needles[v]))
            if not variants:
                return []
        return self.matcher.target_matches(text, variants, self.lang, case_sensitive=case_sensitive)

    def renders(self, text: str, term: Term, variants: tuple[str, ...]) -> bool:
        """True when ``text`` holds one of ``variants`` of ``term``."""
        return any(self.has(text, variant, case_sensitive=term.case_sensitive) for variant in variants)
