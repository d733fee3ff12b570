"""Benchmark of `presslate sync` against GNU msgmerge and Translate Toolkit's pot2po (run by hand).

Usage: python bench/bench_sync.py [--corpus /tmp/bench-corpus] [--langs fr,ko] [--work bench/work]

Builds a presslate workspace from the corpus of ../shared/bench/make_corpus.py (its v1 releases are
converted to release files, its PO files become the workspace's catalogs through one untimed sync), then
times, per language, in one run:
  - presslate sync after the v2 revision (release files replaced by those of releases-v2),
  - presslate sync with no change,
  - msgmerge --previous, one process per file (templates-v2 into the corpus PO files),
  - pot2po -t (Translate Toolkit), if installed (set POT2PO=/path/to/pot2po).
Prints the figures and the ratios, and peak memory of each presslate run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import corpus_workspace, presslate, timed_run, write_corpus_releases  # noqa: E402


def run(command: list[str]) -> tuple[float, int]:
    """(wall seconds, peak RSS in MB) of one presslate run."""
    seconds, peak, _ = timed_run(command)
    return seconds, peak


def build_workspace(corpus: Path, work: Path, langs: list[str]) -> Path:
    """A workspace with the v1 releases and the corpus PO files synced into it (untimed)."""
    corpus_workspace(corpus, work, langs)
    subprocess.run(presslate("-C", str(work), "-q", "sync"), check=True, stdout=subprocess.DEVNULL)
    return work


def revise(corpus: Path, work: Path) -> None:
    """Replace every release file with its v2 revision (untimed)."""
    write_corpus_releases(corpus / "l10n" / "releases-v2", work / "l10n" / "releases")


def time_msgmerge(corpus: Path, lang: str, scratch: Path) -> float:
    out = scratch / f"msgmerge-{lang}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    start = time.perf_counter()
    for po in sorted((corpus / "locales" / lang).glob("*.po")):
        pot = corpus / "l10n" / "templates-v2" / f"{po.stem}.pot"
        subprocess.run(["msgmerge", "--quiet", "--previous", "-o", str(out / po.name), str(po), str(pot)], check=True)
    return time.perf_counter() - start


def time_pot2po(corpus: Path, lang: str, scratch: Path) -> float | None:
    pot2po = os.environ.get("POT2PO") or shutil.which("pot2po")
    if not pot2po:
        return None
    out = scratch / f"pot2po-{lang}"
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run([pot2po, "--progress=none", "-t", str(corpus / "locales" / lang),
                    str(corpus / "l10n" / "templates-v2"), str(out)], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/bench-corpus"))
    parser.add_argument("--langs", default="fr,ko")
    parser.add_argument("--work", type=Path, default=Path(__file__).resolve().parent / "work")
    options = parser.parse_args()
    langs = options.langs.split(",")
    scratch = options.work / "scratch"
    print(f"machine: {os.uname().sysname} {os.uname().machine}, {os.cpu_count()} cores")
    for lang in langs:
        base = build_workspace(options.corpus, options.work / f"ws-{lang}", [lang])
        revise(options.corpus, base)
        revised, revised_mb = run(presslate("-C", str(base), "-q", "sync", "--lang", lang))
        unchanged, unchanged_mb = run(presslate("-C", str(base), "-q", "sync", "--lang", lang))
        merge = time_msgmerge(options.corpus, lang, scratch)
        p2p = time_pot2po(options.corpus, lang, scratch)
        print(f"[{lang}] sync after v2: {revised:.2f} s ({revised_mb} MB peak); no-change sync: {unchanged:.2f} s "
              f"({unchanged_mb} MB); msgmerge --previous: {merge:.2f} s; pot2po: "
              f"{'n/a' if p2p is None else f'{p2p:.2f} s'}")
        print(f"[{lang}] ratios: revised/msgmerge {revised / merge:.3f}, no-change/msgmerge {unchanged / merge:.3f}"
              + ("" if p2p is None else f", revised/pot2po {revised / p2p:.3f}, no-change/pot2po {unchanged / p2p:.3f}"))


if __name__ == "__main__":
    main()
