"""Benchmark the glossary term matcher on the shared benchmark corpus (run by hand, not a test).

For every PO entry with a translation: find the glossary terms of the msgid, then look for
each term's approved and forbidden variants in the msgstr (what the glossary-term and
forbidden-term checks do). Compared with Translate Toolkit's ``pofilter -t acronyms``, the
incumbent's nearest check, on the same files.

    PYTHONPATH=src /work/venv/bin/python bench/glossary_bench.py --corpus /tmp/bench-corpus --lang ko --lang fr
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from presslate.catalog.pofile import read_po
from presslate.glossary import load_glossary
from presslate.glossary_hints import hint_factory
from presslate.terms import TermMatcher

ROOT = Path(__file__).resolve().parents[1]


def load_pairs(folder: Path) -> tuple[list[tuple[str, str]], float]:
    """(msgid, msgstr) of every translated entry of the folder's PO files, and the parse time."""
    start = time.perf_counter()
    pairs = []
    for path in sorted(folder.glob("*.po")):
        pairs += [(m.msgid, m.msgstr) for m in read_po(path).messages if m.msgstr and not m.obsolete]
    return pairs, time.perf_counter() - start


def check_pairs(matcher: TermMatcher, pairs: list[tuple[str, str]], lang: str) -> tuple[int, int, float]:
    """Source terms found, target lookups made, CPU seconds."""
    start = time.process_time()
    terms = lookups = 0
    for msgid, msgstr in pairs:
        for match in matcher.source_matches(msgid):
            term = match.term
            terms += 1
            sensitive = term.case_sensitive
            for variants in (term.accepted(lang), term.forbidden_in(lang)):
                if variants:
                    matcher.target_matches(msgstr, variants, lang, case_sensitive=sensitive)
                    lookups += len(variants)
    return terms, lookups, time.process_time() - start


def time_pofilter(folder: Path, pofilter: str) -> float | None:
    """CPU seconds (user + system of the child) of ``pofilter -t acronyms`` over the folder."""
    if not shutil.which(pofilter):
        return None
    with tempfile.TemporaryDirectory() as out:
        before = os.times()
        subprocess.run([pofilter, "-t", "acronyms", "--progress=none", str(folder), out], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = os.times()
        return (after.children_user - before.children_user) + (after.children_system - before.children_system)


def time_hints(glossary, templates: Path, languages: list[str]) -> tuple[int, int, float]:
    """Entries, hint lines and CPU seconds of the term hints sync adds to every template entry, per language."""
    msgids = [m.msgid for path in sorted(templates.glob("*.pot")) for m in read_po(path).messages if m.msgid]
    start = time.process_time()
    factory = hint_factory(glossary)
    lines = 0
    for lang in languages:
        hints = factory(lang)
        lines += sum(len(hints(msgid)) for msgid in msgids)
    return len(msgids), lines, time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/bench-corpus"))
    parser.add_argument("--glossary", type=Path, default=ROOT / "glossary.csv")
    parser.add_argument("--lang", action="append", default=[])
    parser.add_argument("--pofilter", default="/tmp/ttk/bin/pofilter")
    parser.add_argument("--repeat", type=int, default=3, help="Best of this many runs (CPU time).")
    args = parser.parse_args()
    glossary = load_glossary(args.glossary)
    for lang in args.lang or ["ko", "fr", "es", "ar"]:
        folder = args.corpus / "locales" / lang
        pairs, parse_seconds = load_pairs(folder)
        colds, warms = [], []
        for _ in range(args.repeat):
            start = time.process_time()
            matcher = TermMatcher(glossary)
            compile_seconds = time.process_time() - start
            terms, lookups, cold = check_pairs(matcher, pairs, lang)
            warms.append(check_pairs(matcher, pairs, lang)[2])
            colds.append(cold + compile_seconds)
        cold, warm = min(colds), min(warms)
        pofilter = time_pofilter(folder, args.pofilter)
        line = (f"{lang}: {len(pairs)} translated entries, {terms} source terms, {lookups} variant lookups; "
                f"cold (compile + match) {cold:.2f} s = {cold / len(pairs) * 1e6:.0f} us/entry, "
                f"warm (source terms cached) {warm:.2f} s; read_po {parse_seconds:.2f} s")
        if pofilter is not None:
            line += f"; pofilter -t acronyms {pofilter:.2f} s; cold/pofilter = {cold / pofilter:.2f}"
        print(line, flush=True)
    langs = args.lang or ["ko", "fr", "es", "ar"]
    entries, lines, seconds = time_hints(glossary, args.corpus / "l10n" / "templates", langs)
    print(f"hints for sync: {entries} template entries x {len(langs)} languages, {lines} hint lines, "
          f"{seconds:.2f} s CPU ({seconds / (entries * len(langs)) * 1e6:.1f} us per entry and language)")

if __name__ == "__main__":
    main()
