"""``inconsistent``: across all releases of a language, one source translated two ways, or one translation for two sources."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from operator import itemgetter

from presslate.checks.base import CatalogCheck, CatalogContext, CatalogEntry, Example, quote
from presslate.checks.finding import Finding, Severity

_PUNCT_RE = re.compile(r"[\W_]+", re.UNICODE)
_PLACE = itemgetter(0, 1)  # (path, line) of a CatalogEntry
_SOURCE = itemgetter(3, 4)  # (msgctxt, msgid)
_MSGID = itemgetter(4)  # one translation's sources differ by their text, not their context
_TARGET = itemgetter(5)  # msgstr
_FIRST = itemgetter(0)
SIMILAR_SOURCES = 90.0
"""Sources at least this similar (rapidfuzz ratio, 0-100) are variants of one another, not different sources."""


def normal_text(text: str) -> str:
    """Whitespace collapsed (no-break spaces included) and NFC: differences a reader cannot see."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def folded(text: str) -> str:
    """Case, accents and punctuation removed: ``IRAQ``, ``Iraq.`` and ``Iráq`` fold to one key."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_PUNCT_RE.sub(" ", plain).split())


class InconsistentCheck(CatalogCheck):
    """Across all releases of a language, the same source must be translated the same way, and one translation must not serve different sources.

    The translation used most often (the earliest on a tie) is the reference; every entry that
    differs from it is reported with the reference's place. Sources that differ only in case,
    accents or punctuation, or are nearly identical, count as one source.

    Fails (ko): "IOM Erbil" -> "국제이주기구 에르빌 사무소"; "IOM Erbil" -> "IOM 아르빌"
    Passes (ko): "IOM Erbil" -> "국제이주기구 에르빌 사무소"; "IOM Erbil" -> "국제이주기구 에르빌 사무소"
    """

    check_id = "inconsistent"
    name = "Inconsistent translations"
    default_severity = Severity.WARNING

    def check(self, ctx: CatalogContext) -> list[Finding]:
        entries = list(ctx.translated(self.check_id))
        return self._same_source(ctx, entries) + self._same_target(ctx, entries)

    def _same_source(self, ctx: CatalogContext, entries: list[CatalogEntry]) -> list[Finding]:
        findings = []
        for group in _groups(entries, _SOURCE, _TARGET):
            targets = [normal_text(entry.msgstr) for entry in group]
            if len(set(targets)) < 2:
                continue
            reference = _reference(group, targets)
            reference_target = normal_text(reference.msgstr)
            for entry, target in zip(group, targets):
                if target != reference_target:
                    findings.append(ctx.finding(
                        self, f"the same source is translated {quote(reference.msgstr)} in "
                              f"{reference.path}:{reference.line}",
                        path=entry.path, line=entry.line, release=entry.release, msgid=entry.msgid,
                        msgstr=entry.msgstr))
        return findings

    def _same_target(self, ctx: CatalogContext, entries: list[CatalogEntry]) -> list[Finding]:
        findings = []
        for group in _groups(entries, _TARGET, _MSGID):
            sources = [folded(entry.msgid) for entry in group]
            if len(set(sources)) < 2:
                continue
            reference = _reference(group, sources)
            reference_source = folded(reference.msgid)
            from rapidfuzz import fuzz

            for entry, source in zip(group, sources):
                if source == reference_source or fuzz.ratio(source, reference_source) >= SIMILAR_SOURCES:
                    continue
                findings.append(ctx.finding(
                    self, f"the same translation is used for a different source, {quote(reference.msgid)}, in "
                          f"{reference.path}:{reference.line}",
                    path=entry.path, line=entry.line, release=entry.release, msgid=entry.msgid, msgstr=entry.msgstr))
        return findings

    def run_example(self, example: Example, *, terms=None) -> list[Finding]:
        """``"source" -> "target"; "source" -> "target"``: entries of two releases."""
        entries = []
        for number, part in enumerate(_split_pairs(example.spec), start=1):
            source, target = (json.loads(text) for text in part)
            entries.append(CatalogEntry(path=f"locales/{example.lang}/release-{number}.po", line=10,
                                        release=f"release-{number}", msgctxt=None, msgid=source, msgstr=target))
        return self.check(CatalogContext(lang=example.lang, entries=entries, terms=terms))


def _groups(entries: list[CatalogEntry], key: itemgetter, other: itemgetter) -> list[list[CatalogEntry]]:
    """The entries whose ``key`` comes with more than one ``other``, grouped by key, in file and line order.

    Usually there are none: counting distinct keys and distinct (key, other) pairs, in C, tells
    before any entry is looked at one by one.
    """
    keys = list(map(key, entries))
    pairs = set(zip(keys, map(other, entries)))
    if len(pairs) == len(set(keys)):
        return []
    shared = {value for value, count in Counter(map(_FIRST, pairs)).items() if count > 1}
    groups: dict[object, list[CatalogEntry]] = {}
    for entry in sorted((entry for entry, value in zip(entries, keys) if value in shared), key=_PLACE):
        groups.setdefault(key(entry), []).append(entry)
    return list(groups.values())


def _reference(group: list[CatalogEntry], keys: list[str]) -> CatalogEntry:
    """The entry whose key is the most common in the group, the earliest on a tie."""
    counts = Counter(keys)
    best = max(counts.values())
    return next(entry for entry, key in zip(group, keys) if counts[key] == best)


_QUOTED_PAIR_RE = re.compile(r'("(?:[^"\\]|\\.)*")\s*->\s*("(?:[^"\\]|\\.)*")')


def _split_pairs(spec: str) -> list[tuple[str, str]]:
    return [(found.group(1), found.group(2)) for found in _QUOTED_PAIR_RE.finditer(spec)]
