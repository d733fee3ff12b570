"""Read the counts of many PO files: from the content-keyed cache when unchanged, else parsed (in parallel)."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from presslate.catalog.pofile import parse_po_bytes, read_po
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
    to_parse: list[int] = []
    for index, request in enumerate(requests):
        if cache is None or cache.empty:  # nothing to look up: read each file once, in the workers
            to_parse.append(index)
            continue
        try:
            data = request.path.read_bytes()
        except OSError as exc:
            outcomes[index] = FileOutcome(error=CatalogError(f"cannot read: {exc.strerror}", path=request.path))
            continue
        cached = cache.get(content_key(data, request.lang))
        if cached is None:
            to_parse.append(index)
        else:
            outcomes[index] = _outcome(cached, request.path)
    parsed = _parse_all([requests[index] for index in to_parse], jobs=jobs)
    for index, (request, key, value) in zip(to_parse, parsed):
        if cache is not None and key is not None:
            cache.put(key, value)
        outcomes[index] = _outcome(value, request.path)
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
    workers = min(jobs or os.cpu_count() or 1, max(1, len(items) // CHUNK_FILES))
    if workers <= 1 or len(items) < PARALLEL_MIN_FILES:
        return [_parse_blob(item) for item in items]
    chunks = [items[i:i + CHUNK_FILES] for i in range(0, len(items), CHUNK_FILES)]
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return [value for parsed in pool.map(_parse_blob_chunk, chunks) for value in parsed]
    except (OSError, RuntimeError) as exc:
        log.info("counting in one process (%s)", exc)
        return [_parse_blob(item) for item in items]


def _parse_blob_chunk(chunk: list[tuple[bytes, str, Path]]) -> list[CacheValue]:
    return [_parse_blob(item) for item in chunk]


def _parse_blob(item: tuple[bytes, str, Path]) -> CacheValue:
    data, lang, path = item
    return stats_from_bytes(data, lang=lang, path=path)


def _parse_all(requests: list[FileRequest], *, jobs: int | None) -> list[tuple[FileRequest, str | None, CacheValue]]:
    workers = min(jobs or os.cpu_count() or 1, max(1, len(requests) // CHUNK_FILES))
    if workers <= 1 or len(requests) < PARALLEL_MIN_FILES:
        return [(request, *_parse_one(request)) for request in requests]
    chunks = [requests[i:i + CHUNK_FILES] for i in range(0, len(requests), CHUNK_FILES)]
    results: list[tuple[FileRequest, str | None, CacheValue]] = []
    try:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for chunk, parsed in zip(chunks, pool.map(_parse_chunk, chunks)):
                results.extend((request, key, value) for request, (key, value) in zip(chunk, parsed))
    except (OSError, RuntimeError) as exc:  # no process support here: count in this process
        log.info("counting in one process (%s)", exc)
        return [(request, *_parse_one(request)) for request in requests]
    return results


def _parse_chunk(chunk: list[FileRequest]) -> list[tuple[str | None, CacheValue]]:
    return [_parse_one(request) for request in chunk]


def _parse_one(request: FileRequest) -> tuple[str | None, CacheValue]:
    """Count one file; the key is computed from the bytes that were read."""
    try:
        data = request.path.read_bytes()
    except OSError as exc:
        return None, CachedError(f"cannot read: {exc.strerror}", None)
    key = content_key(data, request.lang)
    stats = _fast(data, request.lang)
    if stats is not None:
        return key, stats
    try:
        return key, stats_from_catalog(read_po(request.path), lang=request.lang)
    except PresslateError as exc:
        return key, CachedError(exc.message, exc.line)
    except Exception as exc:  # a parser failure on odd input must not stop the report of the others
        return key, CachedError(f"cannot parse this PO file ({type(exc).__name__}: {exc})", None)


def _fast(data: bytes, lang: str) -> FileStats | None:
    """Counts from the fast reader, None when the file needs the full parser."""
    if len(_WORD_COUNTS) > _MAX_WORD_COUNTS:
        _WORD_COUNTS.clear()
    return fast_file_stats(data, lang=lang, word_counts=_WORD_COUNTS)


def _outcome(value: CacheValue, path: Path) -> FileOutcome:
    if isinstance(value, CachedError):
        return FileOutcome(error=CatalogError(value.message, path=path, line=value.line))
    return FileOutcome(stats=value)
