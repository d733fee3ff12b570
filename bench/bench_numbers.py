#!/usr/bin/env python3
"""CPU cost of the ``numbers`` check and of ``find_protected`` on the benchmark workspace (run by hand, not a test).

For each language it collects the distinct (msgid, msgstr) pairs of the translated entries of
``<workspace>/locales/<lang>/*.po`` and times, in CPU seconds (``time.process_time``, best of
``--repeat`` runs, every memo of ``checks.numerals`` and ``checks.patterns`` emptied before each run,
the garbage collector set as a check run sets it, :func:`presslate.checks.heap.collector_paused`):

  numbers         ``NumbersCheck().check(SegmentContext(source=..., target=..., lang=...))`` for every pair
  find_protected  ``find_protected`` of every msgid and every msgstr

    PYTHONPATH=src /work/venv/bin/python bench/bench_numbers.py --workspace /tmp/cbench/workspace --lang fr --lang ko

To time another checkout, point ``PYTHONPATH`` at its ``src``.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from pathlib import Path

from presslate.catalog.pofile import parse_po_bytes
from presslate.checks import numerals, patterns
from presslate.checks.base import SegmentContext
from presslate.checks.heap import collector_paused
from presslate.checks.numbers import NumbersCheck


def load_pairs(folder: Path) -> list[tuple[str, str]]:
    """The distinct (msgid, msgstr) of the entries the checker checks (translated, not fuzzy) in the folder's PO files."""
    pairs: dict[tuple[str, str], None] = {}
    for path in sorted(folder.glob("*.po")):
        for message in parse_po_bytes(path.read_bytes(), path=path).messages:
            if message.msgid and message.msgstr and not message.obsolete and not message.fuzzy:
                pairs[(message.msgid, message.msgstr)] = None
    return list(pairs)


def clear_caches() -> None:
    """Empty every memo of the number and protected-span helpers (the compiled patterns may stay)."""
    for module in (numerals, patterns):
        for value in vars(module).values():
            if hasattr(value, "cache_clear") and getattr(value, "__module__", None) == module.__name__:
                value.cache_clear()
            elif isinstance(value, dict) and value and all(isinstance(v, dict) for v in value.values()):
                value.clear()  # a memo of memos, such as numerals._READINGS


def best_cpu(work: Callable[[], object], repeat: int) -> float:
    """The lowest CPU time of ``repeat`` runs of ``work``, each after :func:`clear_caches`."""
    times = []
    for _ in range(repeat):
        clear_caches()
        gc.collect()
        with collector_paused():
            start = time.process_time()
            work()
            times.append(time.process_time() - start)
    return min(times)


def run_numbers(pairs: list[tuple[str, str]], lang: str) -> int:
    """Run the numbers check on every pair; the number of findings."""
    check = NumbersCheck()
    return sum(len(check.check(SegmentContext(source=source, target=target, lang=lang))) for source, target in pairs)


def run_protected(pairs: list[tuple[str, str]]) -> int:
    """``find_protected`` of every source and target; the number of spans."""
    find = patterns.find_protected
    return sum(len(find(source)) + len(find(target)) for source, target in pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--workspace", type=Path, default=Path("/tmp/cbench/workspace"))
    parser.add_argument("--lang", action="append", help="language (repeatable; default ko, fr, es, ar)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| lang | pairs | numbers CPU | per pair | findings | find_protected CPU | spans |")
    print("|---|---|---|---|---|---|---|")
    for lang in args.lang or ["ko", "fr", "es", "ar"]:
        pairs = load_pairs(args.workspace / "locales" / lang)
        findings = run_numbers(pairs, lang)
        spans = run_protected(pairs)
        numbers_time = best_cpu(lambda: run_numbers(pairs, lang), args.repeat)
        protected_time = best_cpu(lambda: run_protected(pairs), args.repeat)
        print(f"| {lang} | {len(pairs)} | {numbers_time:.3f} s | {numbers_time / len(pairs) * 1e6:.1f} µs "
              f"| {findings} | {protected_time:.3f} s | {spans} |")


if __name__ == "__main__":
    main()
