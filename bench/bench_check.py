#!/usr/bin/env python3
"""Benchmark ``presslate check`` against Translate Toolkit's ``pofilter`` on the shared benchmark corpus.

Run by hand (not a test):

    python3 /work/shared/bench/make_corpus.py --out /tmp/bench-corpus      # once, shared
    python3 -m venv /tmp/ttk && /tmp/ttk/bin/pip install translate-toolkit  # the incumbent
    PYTHONPATH=src python bench/bench_check.py --corpus /tmp/bench-corpus --langs fr,ko

For each language (1000 PO files) it times, as whole commands (wall clock and CPU, median of
--repeat runs; pofilter, no-cache and cold runs take turns so that they see the same machine load):
  pofilter    pofilter with the comparable tests (numbers, urls, emails, acronyms,
              doublespacing, endpunc, unchanged) on the same files
  no-cache    presslate check --no-cache (every check, nothing read from or written to the cache)
  cold        presslate check with every check, the cache emptied first (it is written)
  warm        presslate check again over unchanged files (the same request: its output is replayed)
  one-edit    presslate check after one translation of one file changed (that file is checked again,
              the consistency check reruns from cached entries, the other files come from the cache)
and prints the ratios to pofilter's time, in Markdown, for bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from presslate.catalog.pofile import read_po, write_po  # noqa: E402
from presslate.models import Block, BlockKind, Release  # noqa: E402
from presslate.releasefile import format_release  # noqa: E402

POFILTER_TESTS = ("numbers", "urls", "emails", "acronyms", "doublespacing", "endpunc", "unchanged")
TITLE_LINE_RE = re.compile(r"^\((\d{4})/(\d{1,2})/(\d{1,2})\)\s+(.+)$")


def build_workspace(corpus: Path, work: Path, langs: list[str]) -> Path:
    """Turn the corpus (``.txt`` releases, PO files) into a presslate workspace under ``work``."""
    root = work / "workspace"
    if root.exists():
        shutil.rmtree(root)
    (root / "l10n" / "releases").mkdir(parents=True)
    languages = ", ".join(f'"{lang}"' for lang in langs)
    (root / "l10n" / "config.toml").write_text(
        f'[project]\nname = "bench"\nsource_language = "en"\nlanguages = [{languages}]\n', encoding="utf-8")
    shutil.copy(ROOT / "glossary.csv", root / "glossary.csv")
    for text_path in sorted((corpus / "l10n" / "releases").glob("*.txt")):
        (root / "l10n" / "releases" / f"{text_path.stem}.md").write_text(
            format_release(release_from_text(text_path)), encoding="utf-8")
    for lang in langs:
        shutil.copytree(corpus / "locales" / lang, root / "locales" / lang)
    return root


def release_from_text(path: Path) -> Release:
    """A release from a corpus text file: a mirror title line (date, Korean title) or an English title, then paragraphs."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    release = Release(id=path.stem)
    found = TITLE_LINE_RE.match(lines[0]) if lines else None
    if found:
        release.date = dt.date(int(found[1]), int(found[2]), int(found[3]))
        release.posted = release.date + dt.timedelta(days=3)
        release.titles = {"ko": found[4]}
        lines = lines[1:]
    elif lines:
        release.blocks.append(Block(BlockKind.TITLE, lines.pop(0)))
    for line in lines:
        kind = BlockKind.LIST_ITEM if line.startswith("- ") else BlockKind.PARAGRAPH
        release.blocks.append(Block(kind, line[2:] if kind is BlockKind.LIST_ITEM else line.lstrip("#\\>+*-<! ")))
    return release


def edit_one_translation(folder: Path, number: int) -> None:
    """Change one translated entry of one PO file (a different file each time)."""
    files = sorted(folder.glob("*.po"))
    path = files[number % len(files)]
    catalog = read_po(path)
    message = next(m for m in catalog.messages if m.msgstr and not m.fuzzy)
    message.msgstr += " ·"
    write_po(path, catalog)


def timed(command: list[str], *, env: dict[str, str] | None = None,
          ok: tuple[int, ...] = (0, 1)) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, the command and the worker processes it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in ok:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.decode()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def installed_like(source: Path) -> dict[str, str]:
    """Byte-compile ``source`` as pip does when it installs a package (and build its compiled hot modules, as the
    install does), and the environment that runs it from there.

    Without this, a machine that sets PYTHONDONTWRITEBYTECODE (this sandbox does) compiles every
    module of presslate again on each run (0.15-0.2 s), which no installed program does; pofilter's
    modules were compiled when pip installed it.
    """
    compileall.compile_dir(str(source), quiet=1)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(source)
    if not env.get("PRESSLATE_PURE_PYTHON"):
        # The compiled hot modules, as an install builds them (needs Cython here): stale ones would not be used.
        subprocess.run([sys.executable, "setup.py", "-q", "build_ext", "--inplace"], cwd=ROOT, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return env


def compiled_modules(env: dict[str, str]) -> str:
    """How many of the hot modules a run in ``env`` takes from their compiled copies."""
    code = ("from presslate._speedups import module_names, compiled_in_use; import importlib; "
            "[importlib.import_module(name) for name in module_names()]; "
            "print(f'{len(compiled_in_use())} of {len(module_names())}')")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    return result.stdout.strip() or "unknown"


def median_of(repeat: int, action) -> tuple[float, float]:
    return median(action() for _ in range(repeat))


def median(runs) -> tuple[float, float]:
    """Median wall and median CPU seconds of ``(wall, cpu)`` pairs."""
    runs = list(runs)
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/bench-corpus"))
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "work")
    parser.add_argument("--langs", default="ko,fr,es,ar")
    parser.add_argument("--pofilter", default="/tmp/ttk/bin/pofilter")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    langs = args.langs.split(",")
    root = build_workspace(args.corpus, args.work, langs)
    env = installed_like(ROOT / "src")
    presslate = [sys.executable, "-m", "presslate", "-q", "-C", str(root), "check", "--output", os.devnull]
    rows = []
    loads = [os.getloadavg()[0]]
    for lang in langs:
        out = args.work / f"pofilter-{lang}"

        def pofilter() -> tuple[float, float]:
            shutil.rmtree(out, ignore_errors=True)
            tests = [f"--test={test}" for test in POFILTER_TESTS]
            return timed([args.pofilter, "--progress=none", f"--language={lang}", *tests,
                          str(root / "locales" / lang), str(out)])

        def cold() -> tuple[float, float]:
            shutil.rmtree(root / ".presslate-cache", ignore_errors=True)
            return timed([*presslate, "--lang", lang], env=env)

        def no_cache() -> tuple[float, float]:
            return timed([*presslate, "--lang", lang, "--no-cache"], env=env)

        def warm() -> tuple[float, float]:
            return timed([*presslate, "--lang", lang], env=env)

        edits = iter(range(10_000))

        def one_edit() -> tuple[float, float]:
            edit_one_translation(root / "locales" / lang, next(edits))
            return timed([*presslate, "--lang", lang], env=env)

        turns = [(pofilter(), no_cache(), cold()) for _ in range(args.repeat)]
        base, no_cache_time, cold_time = (median(run[index] for run in turns) for index in range(3))
        timed([*presslate, "--lang", lang], env=env)  # fill the cache
        warm_time = median_of(args.repeat, warm)
        edit_time = median_of(args.repeat, one_edit)
        loads.append(os.getloadavg()[0])
        rows.append((lang, base, no_cache_time, cold_time, warm_time, edit_time))
        print(f"{lang}: pofilter {base[0]:.2f}s ({base[1]:.2f} cpu)  no-cache {no_cache_time[0]:.2f}s "
              f"({no_cache_time[1]:.2f} cpu)  cold {cold_time[0]:.2f}s  warm {warm_time[0]:.3f}s  "
              f"one-edit {edit_time[0]:.2f}s  load {loads[-1]:.1f}", file=sys.stderr)
    print(f"Machine: `{' '.join(platform.uname()[:3])} {platform.machine()}`, {os.cpu_count()} CPU(s), "
          f"Python {platform.python_version()}; {dt.date.today()}; load average (1 min) before and after each "
          f"language: {' '.join(f'{x:.1f}' for x in loads)}; "
          f"{len(list((root / 'locales' / langs[0]).glob('*.po')))} files per language, median of {args.repeat}; "
          f"compiled hot modules: {compiled_modules(env)}.\n")
    print("| lang | pofilter wall (cpu) | --no-cache wall (cpu) | **--no-cache / pofilter** wall (cpu) "
          "| cold wall | cold / pofilter | warm wall | warm / pofilter | one edit wall | one edit / pofilter |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for lang, base, no_cache_time, cold_time, warm_time, edit_time in rows:
        print(f"| {lang} | {base[0]:.2f} s ({base[1]:.2f}) | {no_cache_time[0]:.2f} s ({no_cache_time[1]:.2f}) | "
              f"**{no_cache_time[0] / base[0]:.2f}** ({no_cache_time[1] / base[1]:.2f}) | {cold_time[0]:.2f} s | "
              f"{cold_time[0] / base[0]:.2f} | {warm_time[0]:.2f} s | {warm_time[0] / base[0]:.3f} | "
              f"{edit_time[0]:.2f} s | {edit_time[0] / base[0]:.2f} |")


if __name__ == "__main__":
    main()
