"""Benchmark of `presslate build` and `presslate compile` against Translate Toolkit and GNU gettext (run by hand).

Usage: python bench/bench_build.py [--corpus /tmp/bench-corpus] [--langs ko,fr,es,ar,ru] [--work bench/work/build]
       [--runs 3] [--ttk /tmp/ttk/bin]

Builds a presslate workspace from the corpus of ../shared/bench/make_corpus.py, untimed: its v1 releases
become release files (the `(Y/M/D) title` line gives the date and the Korean mirror title), one sync writes
templates and PO files with presslate's segmentation, and the corpus translations (translated and fuzzy
states kept) are copied into them by msgid. Then times, in one run each:
  - presslate build --mirror --format txt|html (every language, every release),
  - presslate build --format txt (only complete releases: the threshold path, most releases skipped),
  - presslate compile (every PO file to MO),
  - msgfmt, one process per PO file (GNU gettext, the incumbent for MO files),
  - pocompile -i locales -o out (Translate Toolkit, one process), if installed,
  - po2txt -t <releases> -i locales/<lang> (Translate Toolkit's PO-to-text merge, the nearest incumbent of
    build --format txt; note it substitutes whole paragraphs, so on these sentence-level PO files it mostly
    copies the template: same files read and written, less joining work).
Prints wall times, ratios and the peak RSS of each presslate run.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import REPO, child_env, presslate, timed_run, write_corpus_releases  # noqa: E402
from presslate.catalog.pofile import read_po, write_po  # noqa: E402


def run(command: list[str]) -> tuple[float, int]:
    """(wall seconds, peak RSS in MiB) of one run."""
    seconds, peak, _ = timed_run(command)
    return seconds, peak


def prepare(corpus: Path, work: Path, langs: list[str]) -> tuple[int, int]:
    """The untimed workspace; returns (messages, messages with a corpus translation)."""
    if work.exists():
        shutil.rmtree(work)
    subprocess.run(presslate("init", str(work), "--languages", ",".join(langs)), check=True,
                   stdout=subprocess.DEVNULL, env=child_env())
    write_corpus_releases(corpus / "l10n" / "releases", work / "l10n" / "releases", title_language="ko")
    run(presslate("-C", str(work), "sync"))
    total = filled = 0
    for lang in langs:
        for po_path in sorted((work / "locales" / lang).glob("*.po")):
            corpus_po = corpus / "locales" / lang / f"{po_path.stem.upper()}.po"
            if not corpus_po.exists():
                corpus_po = corpus / "locales" / lang / f"{po_path.stem}.po"
            found = {m.msgid: m for m in read_po(corpus_po).active()}
            catalog = read_po(po_path)
            for message in catalog.active():
                total += 1
                origin = found.get(message.msgid)
                if origin is not None and origin.msgstr:
                    message.msgstr = origin.msgstr
                    message.flags = list(origin.flags)
                    filled += 1
            write_po(po_path, catalog)
    return total, filled


def file_count(folder: Path, suffix: str) -> int:
    return sum(1 for _ in folder.rglob(f"*{suffix}"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/bench-corpus"))
    parser.add_argument("--langs", default="ko,fr,es,ar,ru")
    parser.add_argument("--work", type=Path, default=REPO / "bench" / "work" / "build")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--ttk", type=Path, default=Path("/tmp/ttk/bin"))
    parser.add_argument("--reuse", action="store_true", help="keep the workspace of a previous run")
    args = parser.parse_args()
    langs = args.langs.split(",")
    work = args.work.resolve()
    if not (args.reuse and (work / "l10n" / "config.toml").exists()):
        total, filled = prepare(args.corpus, work, langs)
        print(f"workspace: {file_count(work / 'l10n' / 'releases', '.md')} releases x {len(langs)} languages, "
              f"{total} PO messages, {filled} with a corpus translation ({100 * filled / total:.0f}%)", flush=True)
    out = work / "out"
    po_files = sorted((work / "locales").glob("*/*.po"))
    for attempt in range(1, args.runs + 1):
        figures: dict[str, tuple[float, int]] = {}
        for fmt in ("txt", "html"):
            figures[f"build --mirror --format {fmt}"] = run(
                presslate("-C", str(work), "build", "--mirror", "--format", fmt, "--output", str(out / f"site-{fmt}")))
        figures["build --format txt (complete only)"] = run(
            presslate("-C", str(work), "build", "--format", "txt", "--output", str(out / "site-complete")))
        figures["presslate compile"] = run(presslate("-C", str(work), "compile", "--output", str(out / "mo")))
        gnu = out / "mo-gnu"
        start = time.perf_counter()
        for po in po_files:
            target = gnu / po.parent.name / "LC_MESSAGES" / f"{po.stem}.mo"
            target.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(["msgfmt", "-o", str(target), str(po)], check=True)
        figures["msgfmt (one process per file)"] = (time.perf_counter() - start, 0)
        if (args.ttk / "pocompile").exists():
            shutil.rmtree(out / "mo-ttk", ignore_errors=True)
            figures["pocompile (Translate Toolkit)"] = run(
                [str(args.ttk / "pocompile"), "-i", str(work / "locales"), "-o", str(out / "mo-ttk")])
        if (args.ttk / "po2txt").exists():
            start = time.perf_counter()
            for lang in langs:
                target = out / "po2txt" / lang
                shutil.rmtree(target, ignore_errors=True)
                target.parent.mkdir(parents=True, exist_ok=True)
                run([str(args.ttk / "po2txt"), "--threshold", "0", "-t", str(args.corpus / "l10n" / "releases"),
                     "-i", str(args.corpus / "locales" / lang), "-o", str(target)])
            figures["po2txt -t (Translate Toolkit, all languages)"] = (time.perf_counter() - start, 0)
        print(f"\nrun {attempt}", flush=True)
        base_build = figures.get("po2txt -t (Translate Toolkit, all languages)", (0, 0))[0]
        base_mo = figures.get("pocompile (Translate Toolkit)", figures["msgfmt (one process per file)"])[0]
        for name, (seconds, rss) in figures.items():
            base = base_build if "build" in name or "po2txt" in name else base_mo
            ratio = f"{seconds / base:.2f}" if base else "-"
            memory = f", peak RSS {rss} MiB" if rss else ""
            print(f"  {name:48s} {seconds:7.2f} s  ratio {ratio}{memory}")
        print(f"  MO files: presslate {file_count(out / 'mo', '.mo')}, msgfmt {file_count(gnu, '.mo')}; "
              f"txt pages: {file_count(out / 'site-txt', '.txt')}", flush=True)


if __name__ == "__main__":
    main()
