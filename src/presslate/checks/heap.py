"""How a check run treats Python's garbage collector: paused while it builds its many long-lived objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off; restore its state after.

    A run allocates millions of small objects that live until it ends (parsed entries, memoised
    results, findings) and makes next to no reference cycles; every collection walks all of them
    again (about a tenth of a run at Python's default thresholds, a few per cent at higher ones)
    and frees nothing. Whatever cycles the block leaves are collected later as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def settle_worker() -> None:
    """In a forked worker process: freeze what it inherited and leave the collector off (it checks files, then exits)."""
    gc.freeze()
    gc.disable()
