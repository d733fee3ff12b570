"""How a check run treats Python's garbage collector: less often while it builds its many long-lived objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 20_000
"""Allocations between two young-generation collections while checking (Python's default is 700).

A run allocates millions of small objects that live until it ends (parsed entries, memoised
results, findings) and holds no reference cycles worth collecting early; collecting every 700
allocations spends about a seventh of the run walking them again and again."""


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect garbage less often inside the block; restore the collector's settings after."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], YOUNG_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def settle_worker() -> None:
    """In a forked worker process: freeze what it inherited (never garbage) and collect less often from now on."""
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *gc.get_threshold()[1:])
