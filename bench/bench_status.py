"""Benchmark of `presslate status` against Translate Toolkit's pocount and a `msgfmt --statistics` loop (by hand).

Usage: python bench/bench_status.py [--corpus /tmp/bench-corpus] [--work bench/work/status] [--runs 3]
                                    [--pocount /tmp/ttk/bin/pocount]

Builds (untimed) a presslate workspace from the corpus of /work/shared/bench/make_corpus.py: its v1 releases
converted to release files, its PO files (1000 releases x 5 languages) copied in as the workspace catalogs.
Then, in the same run and interleaved, `--runs` times:
  - pocount over the five locales folders (one process, the same 5000 files),
  - msgfmt --statistics over every PO file (one process per file, as a shell loop would),
  - presslate status --format json, cold (status and check caches deleted first),
  - presslate status --format json again over unchanged files (caches warm),
  - presslate status --format json --no-cache;
then once for one language (status --lang ko against pocount on locales/ko).
Prints the times and the ratios to pocount and to the msgfmt loop, and checks that the counts agree
(messages with msgfmt, source words with pocount).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import REPO, corpus_workspace, presslate, timed_run  # noqa: E402

LANGS = ("ko", "fr", "es", "ar", "ru")


def timed(command: list[str], *, stdout=subprocess.DEVNULL) -> tuple[float, int, bytes]:
    """Run a command; (wall seconds, peak RSS in MB of the child, stdout when captured)."""
    return timed_run(command, ok=(0, 1), capture=stdout is None)


def build_workspace(corpus: Path, work: Path) -> Path:
    """A workspace holding the corpus releases and PO files (untimed)."""
    return corpus_workspace(corpus, work, LANGS)


def msgfmt_loop(files: list[Path]) -> tuple[float, dict[str, int]]:
    totals = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    env = {**os.environ, "LC_ALL": "C"}
    start = time.perf_counter()
    for path in files:
        done = subprocess.run(["msgfmt", "--statistics", "-o", os.devnull, str(path)], capture_output=True,
                              text=True, env=env, check=True)
        for number, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", done.stderr):
            totals[kind] += int(number)
    return time.perf_counter() - start, totals


def pocount_totals(output: bytes) -> dict[str, int]:
    """Strings and source words of pocount's TOTAL block."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", output.decode())
    block = text[text.rindex("TOTAL"):]
    totals = {}
    for name in ("Translated", "Fuzzy", "Untranslated"):
        match = re.search(rf"{name}:\s+(\d+)\s+\(\s*\d+%\)\s+(\d+)", block)
        totals[name.lower()] = int(match.group(1))
        totals[f"{name.lower()}_words"] = int(match.group(2))
    return totals


def clear_caches(workspace: Path) -> None:
    shutil.rmtree(workspace / ".presslate-cache", ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/bench-corpus"))
    parser.add_argument("--work", type=Path, default=REPO / "bench" / "work" / "status")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pocount",
                        default=os.environ.get("POCOUNT") or shutil.which("pocount") or "/tmp/ttk/bin/pocount")
    options = parser.parse_args()
    workspace = build_workspace(options.corpus, options.work)
    files = sorted((workspace / "locales").glob("*/*.po"))
    folders = [str(workspace / "locales" / lang) for lang in LANGS]
    print(f"machine: {' '.join(os.uname())}; nproc {os.cpu_count()}; {len(files)} PO files")
    status_json = presslate("-C", str(workspace), "status", "--format", "json")
    rows = []
    for run in range(1, options.runs + 1):
        pocount, pocount_mb, pocount_out = timed([options.pocount, "--no-color", *folders], stdout=None)
        msgfmt, msgfmt_totals = msgfmt_loop(files)
        clear_caches(workspace)
        cold, cold_mb, cold_out = timed(status_json, stdout=None)
        warm, warm_mb, warm_out = timed(status_json, stdout=None)
        no_cache, no_cache_mb, _ = timed([*status_json, "--no-cache"])
        rows.append((pocount, msgfmt, cold, warm, no_cache))
        print(f"run {run}: pocount {pocount:.2f} s ({pocount_mb} MB); msgfmt loop {msgfmt:.2f} s; "
              f"status cold {cold:.2f} s ({cold_mb} MB); status repeated {warm:.2f} s ({warm_mb} MB); "
              f"status --no-cache {no_cache:.2f} s ({no_cache_mb} MB)")
        print(f"run {run}: ratios to pocount: cold {cold / pocount:.3f}, repeated {warm / pocount:.3f}, "
              f"--no-cache {no_cache / pocount:.3f}; to the msgfmt loop: cold {cold / msgfmt:.3f}, "
              f"repeated {warm / msgfmt:.3f}")
        data = json.loads(cold_out)
        assert json.loads(warm_out)["languages"] == data["languages"], "cached run differs"
        ours = {"translated": 0, "fuzzy": 0, "untranslated": 0, "translated_words": 0, "fuzzy_words": 0,
                "untranslated_words": 0}
        for language in data["languages"].values():
            ours["translated"] += language["translated"]
            ours["fuzzy"] += language["draft"] + language["fuzzy"]
            ours["untranslated"] += language["untranslated"]
            ours["translated_words"] += language["words"]["translated"]
            ours["fuzzy_words"] += language["words"]["draft"] + language["words"]["fuzzy"]
            ours["untranslated_words"] += language["words"]["untranslated"]
        theirs = pocount_totals(pocount_out)
        print(f"run {run}: messages agree with msgfmt: "
              f"{ {k: ours[k] for k in msgfmt_totals} == msgfmt_totals} ({msgfmt_totals}); "
              f"source words ours {ours['translated_words'] + ours['fuzzy_words'] + ours['untranslated_words']} vs "
              f"pocount {theirs['translated_words'] + theirs['fuzzy_words'] + theirs['untranslated_words']}; "
              f"QA: {'ran' if data['qa']['available'] else data['qa']['reason']}")
    # One language, as the issue quotes pocount (1000 files): status --lang ko against pocount locales/ko.
    pocount_ko, _, _ = timed([options.pocount, "--no-color", folders[0]])
    clear_caches(workspace)
    cold_ko, _, _ = timed([*status_json, "--lang", LANGS[0]])
    warm_ko, _, _ = timed([*status_json, "--lang", LANGS[0]])
    print(f"{LANGS[0]} only (1000 files): pocount {pocount_ko:.2f} s; status cold {cold_ko:.2f} s "
          f"({cold_ko / pocount_ko:.3f}); repeated {warm_ko:.2f} s ({warm_ko / pocount_ko:.3f})")
    best = [min(column) for column in zip(*rows)]
    print(f"best of {options.runs}: pocount {best[0]:.2f} s, msgfmt loop {best[1]:.2f} s, cold {best[2]:.2f} s, "
          f"repeated {best[3]:.2f} s, --no-cache {best[4]:.2f} s")


if __name__ == "__main__":
    main()
