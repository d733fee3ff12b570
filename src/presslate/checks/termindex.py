"""The glossary as the checks use it: one language's terms and the morphology-aware matcher, with memoised look-ups."""

from __future__ import annotations

from typing import TYPE_CHECKING

from presslate.checks.patterns import Protected, inside
from presslate.terms import TermMatch

if TYPE_CHECKING:
    from presslate.glossary import Glossary, Term
    from presslate.terms import TermMatcher

SourceTerm = TermMatch
"""A glossary term found in a source text (``text[start:end] == match.text``)."""

CACHE_SIZE = 50_000


class TermIndex:
    """One language's view of the glossary: which terms a source names, which variants a target holds.

    ``matcher`` may be shared by the indexes of several languages (it remembers the terms of each source).
    """

    def __init__(self, glossary: Glossary, lang: str, *, matcher: TermMatcher | None = None) -> None:
        from presslate.terms import TermMatcher, morphology_for

        self.glossary = glossary
        self.lang = lang
        self.matcher = matcher if matcher is not None else TermMatcher(glossary)
        self.terms: list[Term] = glossary.for_language(lang)
        self.forbidden: list[tuple[Term, str]] = [
            (term, variant) for term in self.terms for variant in term.forbidden_in(lang)
        ]
        self._forbidden_cache: dict[str, frozenset[str]] = {}
        # Stem-matched languages inflect the ends of words only: a variant whose words' starts are
        # not all among the text's cannot match, and need not be asked of the matcher.
        self._stemmed = bool(morphology_for(lang).stemmer)
        self._forbidden_groups: dict[bool, tuple[str, ...]] = {}
        for term, variant in self.forbidden:
            group = self._forbidden_groups.get(term.case_sensitive, ())
            if variant not in group:
                self._forbidden_groups[term.case_sensitive] = (*group, variant)

    def source_matches(self, text: str, *, exclude: tuple[Protected, ...] | list[Protected] = ()) -> list[SourceTerm]:
        """Terms of ``text`` outside the ``exclude`` spans (URLs, e-mails ...)."""
        found = self.matcher.source_matches(text)
        if exclude and found:
            return [match for match in found if not inside(exclude, match.start, match.end)]
        return found

    def forbidden_found(self, text: str, *, named: set[str] = frozenset()) -> list[tuple[Term, str]]:
        """The forbidden variants that occur in ``text``, each once, with its term.

        A variant forbidden for several terms (``국제이민기구`` for IOM and for its full name) is
        given with a term in ``named`` (the terms the source names) when there is one.
        """
        if not self.forbidden:
            return []
        found = self._forbidden_cache.get(text)
        if found is None:
            found = frozenset(
                variant
                for case_sensitive, variants in self._forbidden_groups.items()
                for _, _, variant in self.matcher.target_matches(text, variants, self.lang,
                                                                 case_sensitive=case_sensitive,
                                                                 screen_starts=self._stemmed)
            )
            if len(self._forbidden_cache) > CACHE_SIZE:
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
            chosen[variant] = term
        return [(term, variant) for variant, term in chosen.items()]

    def renders(self, text: str, term: Term, variants: tuple[str, ...]) -> bool:
        """True when ``text`` holds one of ``variants`` of ``term`` (inflected, with particles or clitics as the
        language allows; acronyms of a case-sensitive term keep their capitals)."""
        return self.matcher.target_has_any(text, variants, self.lang, case_sensitive=term.case_sensitive)
