"""How a check run treats its process: the garbage collector paused while it builds its many long-lived
objects, and what may be left to the end when the process ends after its command."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_ENDS_AFTER_COMMAND = False


def process_ends_after_command() -> None:
    """Say that this process ends once its command is done (the console entry point): what a run kept may stay put."""
    global _ENDS_AFTER_COMMAND
    _ENDS_AFTER_COMMAND = True


def ends_after_command() -> bool:
    """Whether :func:`process_ends_after_command` was called (false for in-process callers such as tests)."""
    return _ENDS_AFTER_COMMAND


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off; restore its state after.

    A run allocates millions of small objects that live until it ends (parsed entries, memoised
    results, findings) and makes next to no reference cycles; every collection walks all of them
    again (about a tenth of a run at Python's default thresholds, a few per cent at higher ones)
    and frees nothing. Whatever cycles the block leaves are collected later as usual, except in a
    process that ends after its command: there, what the block made is frozen first, or the first
    collection after it would walk every object it made (a tenth of a second after a large run).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if _ENDS_AFTER_COMMAND:
                gc.freeze()
            gc.enable()


def settle_worker() -> None:
    """In a forked worker process: freeze what it inherited and leave the collector off (it checks files, then exits)."""
    gc.freeze()
    gc.disable()
