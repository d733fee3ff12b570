"""The glossary as the checks use it: one language's terms and the morphology-aware matcher, with memoised look-ups."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from presslate.checks.patterns import Protected, inside

if TYPE_CHECKING:
    from presslate.glossary import Glossary, Term


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
        from presslate.terms import TermMatcher

        self.glossary = glossary
        self.lang = lang
        self.matcher = TermMatcher(glossary)
        self.terms: list[Term] = glossary.for_language(lang)
        self.forbidden: list[tuple[Term, str]] = [
            (term, variant) for term in self.terms for variant in term.forbidden_in(lang)
        ]
        self._has: dict[tuple[str, str, bool], bool] = {}

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
        chosen: dict[str, Term] = {}
        for term, variant in self.forbidden:
            if variant in chosen and (chosen[variant].term in named or term.term not in named):
                continue
            if self.has(text, variant, case_sensitive=term.case_sensitive):
                chosen[variant] = term
        return [(term, variant) for variant, term in chosen.items()]

    def renders(self, text: str, term: Term, variants: tuple[str, ...]) -> bool:
        """True when ``text`` holds one of ``variants`` of ``term``."""
        return any(self.has(text, variant, case_sensitive=term.case_sensitive) for variant in variants)
