"""Translation memory (the ``tm`` engine): exact and fuzzy matches among the people's own earlier translations."""

from __future__ import annotations

import bisect
import math
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
        # Fuzzy candidates sorted by the length of their normalised text, so a lookup only scores the
        # lengths that can reach the cut-off (see _length_window).
        by_length = sorted((utils.default_process(source), source) for source in self._best)
        by_length.sort(key=lambda pair: len(pair[0]))
        self._processed = [processed for processed, _ in by_length]
        self._sources = [source for _, source in by_length]
        self._lengths = [len(processed) for processed in self._processed]

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
        low, high = _length_window(len(query), min_score, self._lengths)
        found = process.extractOne(query, self._processed[low:high], scorer=fuzz.ratio, processor=None,
                                   score_cutoff=min_score)
        if found is None:
            return None
        source = self._sources[low + found[2]]
        translation, origin = self._best[source]
        # A different sentence that normalises to the same text (case, punctuation) is not an exact match.
        score = min(float(found[1]), EXACT_SCORE - 1) if source != text else EXACT_SCORE
        return MemoryMatch(translation, score, origin, source)


def _length_window(length: int, min_score: float, lengths: list[int]) -> tuple[int, int]:
    """The slice of ``lengths`` (sorted) that can score ``min_score`` against a text of ``length``.

    rapidfuzz's ratio is 100 * (1 - distance / (a + b)) with distance >= |a - b|, so a score of s
    needs min(a, b) / max(a, b) >= s / (200 - s).
    """
    if min_score <= 0:
        return 0, len(lengths)
    shortest = math.ceil(length * min_score / (200 - min_score))
    longest = math.floor(length * (200 - min_score) / min_score)
    return bisect.bisect_left(lengths, shortest), bisect.bisect_right(lengths, longest)


def _best_translation(options: list[tuple[str, str]]) -> tuple[str, str]:
    """The translation people used most for a sentence; on a tie, the one of the latest release."""
    counts = Counter(translation for translation, _ in options)
    latest: dict[str, str] = {}
    for translation, origin in options:
        latest[translation] = max(latest.get(translation, ""), origin)
    translation = max(counts, key=lambda t: (counts[t], latest[t]))
    return translation, latest[translation]
