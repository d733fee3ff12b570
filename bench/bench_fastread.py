#!/usr/bin/env python3
"""Time the plain-layout PO reader (catalog.fastread) against the strict one (catalog.pofile).

Run by hand (not a test), on a workspace built from the shared benchmark corpus:

    PYTHONPATH=src python bench/bench_fastread.py [--workspace /tmp/cbench/workspace] [--langs ko,fr,es,ar]

For each language it reads every ``locales/LANG/*.po`` file into memory (the files are not
modified), then measures the CPU time (``time.process_time``, best of --repeat runs) of
``parse_po_bytes`` and of ``parse_plain_po`` over all of them, each catalog dropped after it is
built, as ``check`` does. It counts the files the fast reader accepts (not None) and asserts that
every accepted catalog equals the strict reader's (dataclass equality on the catalog and every
message, which includes line numbers). Prints a Markdown table for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from presslate.catalog.fastread import parse_plain_po  # noqa: E402
from presslate.catalog.pofile import parse_po_bytes  # noqa: E402


def cpu_time(read, files: list[tuple[Path, bytes]], repeat: int) -> float:
    """Best CPU seconds of ``read(data, path=path)`` over all files, results dropped as they come."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for path, data in files:
            read(data, path=path)
        best = min(best, time.process_time() - start)
    return best


def compare(files: list[tuple[Path, bytes]]) -> int:
    """How many files the fast reader accepts; asserts their catalogs equal the strict reader's."""
    accepted = 0
    for path, data in files:
        fast = parse_plain_po(data, path=path)
        if fast is None:
            continue
        accepted += 1
        assert fast == parse_po_bytes(data, path=path), f"{path}: the readers disagree"
    return accepted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspace", type=Path, default=Path("/tmp/cbench/workspace"))
    parser.add_argument("--langs", default="ko,fr,es,ar")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print("| language | files | accepted | strict (s CPU) | fast (s CPU) | fast / strict |")
    print("|---|---:|---:|---:|---:|---:|")
    for lang in args.langs.split(","):
        paths = sorted((args.workspace / "locales" / lang).glob("*.po"))
        if not paths:
            sys.exit(f"no PO files in {args.workspace / 'locales' / lang}")
        files = [(path, path.read_bytes()) for path in paths]
        accepted = compare(files)
        strict = cpu_time(parse_po_bytes, files, args.repeat)
        fast = cpu_time(parse_plain_po, files, args.repeat)
        print(f"| {lang} | {len(files)} | {accepted / len(files):.1%} | {strict:.3f} | {fast:.3f} "
              f"| {fast / strict:.2f} |")


if __name__ == "__main__":
    main()
