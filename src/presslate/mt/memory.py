"""Translation memory (the ``tm`` engine): exact and fuzzy matches among the people's own earlier translations."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from presslate.catalog.model import Catalog, Message

ENGINE_NAME = "tm"
DEFAULT_MIN_SCORE = 75.0
EXACT_SCORE = 100.0


@dataclass(frozen=True)
class MemoryMatch:
    """A translation found in memory: how similar its source is (0-100) and the release it comes from."""

    translation: str
    score: float
    origin: str
    source: str

    @property
    def exact(self) -> bool:
        return self.score >= EXACT_SCORE


def is_human_translation(message: Message) -> bool:
    """A translation a person wrote and approved: text present, not fuzzy (so not a draft), no plural forms."""
    return bool(message.msgstr) and not message.fuzzy and message.msgid_plural is None


class TranslationMemory:
    """Every human translation of one language, active and obsolete, by source sentence."""

    def __init__(self, units: Iterable[tuple[str, str, str]]) -> None:
        """``units`` are (source, translation, origin release id) triples."""
        found: dict[str, list[tuple[str, str]]] = {}
        for source, translation, origin in units:
            found.setdefault(source, []).append((translation, origin))
        self._best = {source: _best_translation(options) for source, options in found.items()}
        self._sources = list(self._best)
        self._processed = [utils.default_process(source) for source in self._sources]

    @classmethod
    def from_catalogs(cls, catalogs: Iterable[tuple[str, Catalog]]) -> TranslationMemory:
        """Build the memory from (release id, catalog) pairs; obsolete entries count, drafts and fuzzy ones do not."""
        return cls(
            (message.msgid, message.msgstr, release_id)
            for release_id, catalog in catalogs
            for message in catalog.messages
            if is_human_translation(message)
        )

    def __len__(self) -> int:
        return len(self._sources)

    def lookup(self, text: str, *, min_score: float = DEFAULT_MIN_SCORE) -> MemoryMatch | None:
        """The exact match of ``text``, else the most similar source scoring at least ``min_score`` (rapidfuzz ratio)."""
        best = self._best.get(text)
        if best is not None:
            return MemoryMatch(best[0], EXACT_SCORE, best[1], text)
        if not self._sources or min_score > EXACT_SCORE:
            return None
        query = utils.default_process(text)
        if not query:
            return None
        found = process.extractOne(query, self._processed, scorer=fuzz.ratio, processor=None, score_cutoff=min_score)
        if found is None:
            return None
        source = self._sources[found[2]]
        translation, origin = self._best[source]
        # A different sentence that normalises to the same text (case, punctuation) is not an exact match.
        score = min(float(found[1]), EXACT_SCORE - 1) if source != text else EXACT_SCORE
        return MemoryMatch(translation, score, origin, source)


def _best_translation(options: list[tuple[str, str]]) -> tuple[str, str]:
    """The translation people used most for a sentence; on a tie, the one of the latest release."""
    counts = Counter(translation for translation, _ in options)
    latest: dict[str, str] = {}
    for translation, origin in options:
        latest[translation] = max(latest.get(translation, ""), origin)
    translation = max(counts, key=lambda t: (counts[t], latest[t]))
    return translation, latest[translation]
