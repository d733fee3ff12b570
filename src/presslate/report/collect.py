"""Read the counts of many PO files: from the content-keyed cache when unchanged, else parsed (in parallel)."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any
from pathlib import Path

from presslate.catalog.pofile import parse_po_bytes
from presslate.errors import CatalogError, PresslateError
from presslate.report.cache import CachedError, CacheValue, StatsCache, content_key
from presslate.report.counts import FileStats, stats_from_catalog
from presslate.report.fastcount import fast_file_stats

log = logging.getLogger(__name__)

# Below this many files to parse, worker processes cost more than they save.
PARALLEL_MIN_FILES = 64
CHUNK_FILES = 32
# Source sentences recur across languages and releases: their word counts are kept per process.
_WORD_COUNTS: dict[str, int] = {}
_MAX_WORD_COUNTS = 500_000


@dataclass(frozen=True)
class FileRequest:
    """One PO (or POT) file to count for a language."""

    path: Path
    lang: str


@dataclass(frozen=True)
class FileOutcome:
    """The counts of a file, or why it could not be read (``stats`` None, ``error`` set)."""

    stats: FileStats | None = None
    error: PresslateError | None = None


def collect_stats(
    requests: Sequence[FileRequest], *, cache: StatsCache | None = None, jobs: int | None = None
) -> list[FileOutcome]:
    """Counts of every requested file, in order; broken files come back with their ``path:line`` error."""
    outcomes: list[FileOutcome | None] = [None] * len(requests)
    to_parse: list[int] = []  # files to read and count, in the workers
    missed: list[tuple[int, str, bytes]] = []  # files read here, not in the cache: counted from these bytes
    for index, request in enumerate(requests):
        if cache is None or cache.empty:  # nothing to look up: read each file once, in the workers
            to_parse.append(index)
            continue
        try:
            data = request.path.read_bytes()
        except OSError as exc:
            outcomes[index] = FileOutcome(error=CatalogError(f"cannot read: {exc.strerror}", path=request.path))
            continue
        key = content_key(data, request.lang)
        cached = cache.get(key)
        if cached is None:
            missed.append((index, key, data))
        else:
            outcomes[index] = _outcome(cached, request.path)
    parsed = _parse_all([requests[index] for index in to_parse], jobs=jobs)
    for index, (request, key, value) in zip(to_parse, parsed):
        if cache is not None and key is not None:
            cache.put(key, value)
        outcomes[index] = _outcome(value, request.path)
    values = parse_blobs([(data, requests[index].lang, requests[index].path) for index, _, data in missed], jobs=jobs)
    for (index, key, _), value in zip(missed, values):
        if cache is not None:
            cache.put(key, value)
        outcomes[index] = _outcome(value, requests[index].path)
    return outcomes  # type: ignore[return-value]


def stats_from_bytes(data: bytes, *, lang: str, path: Path) -> CacheValue:
    """Counts of PO text held in memory (a git blob); a broken file gives a CachedError."""
    stats = _fast(data, lang)
    if stats is not None:
        return stats
    try:
        return stats_from_catalog(parse_po_bytes(data, path=path), lang=lang)
    except PresslateError as exc:
        return CachedError(exc.message, exc.line)
    except Exception as exc:  # a parser failure on odd input must not stop the report of the others
        return CachedError(f"cannot parse this PO file ({type(exc).__name__}: {exc})", None)


def parse_blobs(items: list[tuple[bytes, str, Path]], *, jobs: int | None = None) -> list[CacheValue]:
    """Counts of in-memory PO contents ``(data, lang, path)``, in order; in parallel when there are many."""
    return _map(_parse_blob, items, jobs)


def _parse_blob(item: tuple[bytes, str, Path]) -> CacheValue:
    data, lang, path = item
    return stats_from_bytes(data, lang=lang, path=path)


def _parse_all(requests: list[FileRequest], *, jobs: int | None) -> list[tuple[FileRequest, str | None, CacheValue]]:
    return [(request, key, value) for request, (key, value) in zip(requests, _map(_parse_one, requests, jobs))]


def _parse_one(request: FileRequest) -> tuple[str | None, CacheValue]:
    """Count one file; the key is computed from the bytes that were read (and parsed: the file is read once)."""
    try:
        data = request.path.read_bytes()
    except OSError as exc:
        return None, CachedError(f"cannot read: {exc.strerror}", None)
    return content_key(data, request.lang), stats_from_bytes(data, lang=request.lang, path=request.path)


def _map(function: Callable[[Any], Any], items: Sequence[Any], jobs: int | None) -> list[Any]:
    """``function`` over ``items``, in order: in worker processes, a chunk at a time, when there are many."""
    workers = min(jobs or os.cpu_count() or 1, max(1, len(items) // CHUNK_FILES))
    if workers <= 1 or len(items) < PARALLEL_MIN_FILES:
        return [function(item) for item in items]
    chunks = [(function, items[i:i + CHUNK_FILES]) for i in range(0, len(items), CHUNK_FILES)]
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return [value for values in pool.map(_map_chunk, chunks) for value in values]
    except (OSError, RuntimeError) as exc:  # no process support here: count in this process
        log.info("counting in one process (%s)", exc)
        return [function(item) for item in items]


def _map_chunk(task: tuple[Callable[[Any], Any], Sequence[Any]]) -> list[Any]:
    function, chunk = task
    return [function(item) for item in chunk]


def _fast(data: bytes, lang: str) -> FileStats | None:
    """Counts from the fast reader, None when the file needs the full parser."""
    if len(_WORD_COUNTS) > _MAX_WORD_COUNTS:
        _WORD_COUNTS.clear()
    return fast_file_stats(data, lang=lang, word_counts=_WORD_COUNTS)


def _outcome(value: CacheValue, path: Path) -> FileOutcome:
    if isinstance(value, CachedError):
        return FileOutcome(error=CatalogError(value.message, path=path, line=value.line))
    return FileOutcome(stats=value)
