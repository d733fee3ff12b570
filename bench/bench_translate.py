"""Benchmark of ``presslate translate`` against a local LibreTranslate-compatible server (never the internet).

Workspace: the French PO files of the shared benchmark corpus (``make_corpus.py``; 1000 releases, about
60% translated, 15% fuzzy, 25% untranslated) copied into ``locales/fr`` of a fresh workspace with the
repository's glossary. The first releases whose untranslated entries add up to 2,000 are drafted.

Measured:
1. the translation memory's share of those 2,000 entries (dry run, ``tm``), next to the corpus's
   recurrence rate (``corpus-stats.json``: share of entries whose sentence occurs more than once);
2. the ``libre`` engine against the local server with 50 ms latency per request, concurrency 1 and 8,
   each from a fresh copy with an empty cache: wall time of the whole command and of its drafting phase
   (from the first draft to the last: requests, restoring, checks, writing the PO files);
3. a second run over fresh PO files with the cache of run 2 kept: requests sent (expected: none);
4. with ``--msgmerge``, the incumbent for filling from earlier translations: GNU gettext's
   ``msgmerge --compendium`` (compendium = every human translation of the corpus, via msgattrib and
   msgcat), one call per release, next to a real ``tm`` run over the same releases.

Usage: PYTHONPATH=src python bench/bench_translate.py [--corpus /tmp/bench-corpus] [--segments 2000]
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "src"))

from mt.fake_libre import FakeLibre  # noqa: E402

from presslate.catalog.pofile import read_po  # noqa: E402
from presslate.mt.service import TranslateSettings, eligible, translate_workspace  # noqa: E402
from presslate.workspace import init_workspace, open_workspace  # noqa: E402

LANG = "fr"
LATENCY = 0.05


class Clock:
    """A progress listener that notes when drafting starts and when the last entry is done."""

    def __init__(self) -> None:
        self.started = self.finished = 0.0
        self.counts: dict[str, int] = {}

    def start(self, total: int) -> None:
        self.started = time.perf_counter()

    def advance(self, outcome: str) -> None:
        self.counts[outcome] = self.counts.get(outcome, 0) + 1
        self.finished = time.perf_counter()


def make_workspace(corpus: Path, folder: Path) -> Path:
    """A workspace holding the corpus's French PO files and the repository's glossary."""
    if folder.exists():
        shutil.rmtree(folder)
    init_workspace(folder, languages=[LANG], name="bench")
    shutil.copyfile(REPO / "glossary.csv", folder / "glossary.csv")
    target = folder / "locales" / LANG
    for po in sorted((corpus / "locales" / LANG).glob("*.po")):
        shutil.copyfile(po, target / po.name)
    return folder


def reset_po_files(corpus: Path, folder: Path) -> None:
    for po in sorted((corpus / "locales" / LANG).glob("*.po")):
        shutil.copyfile(po, folder / "locales" / LANG / po.name)


def choose_releases(folder: Path, segments: int) -> tuple[list[str], int]:
    """The first releases whose untranslated entries reach ``segments``."""
    chosen, count = [], 0
    for po in sorted((folder / "locales" / LANG).glob("*.po")):
        if count >= segments:
            break
        found = sum(1 for m in read_po(po).messages if eligible(m, include_fuzzy=False))
        if found:
            chosen.append(po.stem)
            count += found
    return chosen, count


def timed_run(folder: Path, releases: list[str], settings: TranslateSettings) -> tuple[float, Clock, object]:
    clock = Clock()
    workspace = open_workspace(explicit=folder)
    begin = time.perf_counter()
    result = translate_workspace(workspace, lang=LANG, settings=settings, release_ids=releases, progress=clock)
    return time.perf_counter() - begin, clock, result


def run_msgmerge(corpus: Path, work: Path, releases: list[str]) -> tuple[float, int, int]:
    """GNU msgmerge filling each release from a compendium of all human translations: seconds, exact, fuzzy."""
    if work.exists():
        shutil.rmtree(work)
    human, out = work / "human", work / "out"
    human.mkdir(parents=True)
    out.mkdir()
    sources = sorted((corpus / "locales" / LANG).glob("*.po"))
    for po in sources:
        subprocess.run(["msgattrib", "--translated", "--no-fuzzy", "--no-obsolete", str(po), "-o",
                        str(human / po.name)], check=True)
    compendium = work / "compendium.po"
    subprocess.run(["msgcat", "--use-first", *map(str, sorted(human.glob("*.po"))), "-o", str(compendium)],
                   check=True)
    begin = time.perf_counter()
    for release in releases:
        source = corpus / "locales" / LANG / f"{release}.po"
        subprocess.run(["msgmerge", "--quiet", "-C", str(compendium), str(human / source.name), str(source), "-o",
                        str(out / source.name)], check=True)
    seconds = time.perf_counter() - begin
    exact = fuzzy = 0
    for release in releases:
        before = {m.msgid: m for m in read_po(corpus / "locales" / LANG / f"{release}.po").messages}
        for message in read_po(out / f"{release}.po").messages:
            old = before.get(message.msgid)
            if old is not None and not old.msgstr and message.msgstr:
                fuzzy += int(message.fuzzy)
                exact += int(not message.fuzzy)
    return seconds, exact, fuzzy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/bench-corpus"))
    parser.add_argument("--segments", type=int, default=2000)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "presslate-bench-translate")
    parser.add_argument("--msgmerge", action="store_true", help="also time GNU msgmerge --compendium (slow)")
    args = parser.parse_args()
    stats = json.loads((args.corpus / "corpus-stats.json").read_text(encoding="utf-8"))
    folder = make_workspace(args.corpus, args.work / "ws")
    releases, selected = choose_releases(folder, args.segments)
    print(f"machine: {platform.uname().system} {platform.uname().release} {platform.machine()}, "
          f"nproc {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()}, "
          f"python {platform.python_version()}")
    print(f"workspace: {len(list((folder / 'locales' / LANG).glob('*.po')))} French PO files; "
          f"{len(releases)} releases with {selected} untranslated entries drafted")

    workspace = open_workspace(explicit=folder)
    begin = time.perf_counter()
    dry = translate_workspace(workspace, lang=LANG, settings=TranslateSettings(engine="tm"), release_ids=releases,
                              dry_run=True)
    tm_seconds = time.perf_counter() - begin
    share = dry.total.memory / dry.total.selected
    exact = dry.total.memory_exact / dry.total.selected
    print(f"memory (min score {TranslateSettings().tm_min_score:g}): answers {dry.total.memory}/{dry.total.selected} "
          f"= {share:.1%}, exact {dry.total.memory_exact} = {exact:.1%} "
          f"(corpus recurrence {stats['recurring_share_of_entries']:.1%}); dry run {tm_seconds:.1f} s")
    for score in (85.0, 95.0):
        strict = translate_workspace(workspace, lang=LANG, settings=TranslateSettings(engine="tm", tm_min_score=score),
                                     release_ids=releases, dry_run=True)
        print(f"memory (min score {score:g}): answers {strict.total.memory / strict.total.selected:.1%}")

    reset_po_files(args.corpus, folder)
    tm_total, tm_clock, tm_result = timed_run(folder, releases, TranslateSettings(engine="tm"))
    print(f"tm run: {tm_total:.1f} s, drafted {tm_result.total.drafted}/{tm_result.total.selected} "
          f"({tm_result.total.memory_exact} exact), {len(tm_result.written)} files written")
    if args.msgmerge:
        merged_seconds, exact, fuzzy = run_msgmerge(args.corpus, args.work / "msgmerge", releases)
        print(f"msgmerge --compendium: {merged_seconds:.1f} s, filled {exact} exact + {fuzzy} fuzzy; "
              f"presslate tm / msgmerge = {tm_total / merged_seconds:.2f}")

    runs = {}
    with FakeLibre(latency=LATENCY) as server:
        for concurrency in (1, 8):
            reset_po_files(args.corpus, folder)
            shutil.rmtree(folder / ".presslate-cache", ignore_errors=True)
            before = len(server.requests)
            settings = TranslateSettings(engine="libre", base_url=server.url, concurrency=concurrency, timeout=10,
                                         memory=False)
            seconds, clock, result = timed_run(folder, releases, settings)
            sent = len(server.requests) - before
            phase = clock.finished - clock.started
            runs[concurrency] = (seconds, phase)
            print(f"libre, concurrency {concurrency}: {seconds:.1f} s total, drafting phase {phase:.1f} s, "
                  f"{sent} requests, drafted {result.total.drafted}/{result.total.selected} "
                  f"(memory {result.total.memory}, engine {result.total.engine}, glossary {result.total.glossary}, "
                  f"failed {result.total.failed}), QA failures {result.total.qa_failed}, "
                  f"max in flight {server.max_in_flight}")
            server.max_in_flight = 0
        reset_po_files(args.corpus, folder)
        before = len(server.requests)
        seconds, clock, result = timed_run(folder, releases, TranslateSettings(engine="libre", base_url=server.url,
                                                                                 concurrency=8, timeout=10,
                                                                                 memory=False))
        print(f"second run (cache kept): {seconds:.1f} s, {len(server.requests) - before} requests, "
              f"cache answered {result.total.cache}, drafted {result.total.drafted}/{result.total.selected}")
    (one_total, one_phase), (eight_total, eight_phase) = runs[1], runs[8]
    print(f"speed-up at concurrency 8: {one_phase / eight_phase:.1f}x (drafting phase), "
          f"{one_total / eight_total:.1f}x (whole command)")


if __name__ == "__main__":
    main()
