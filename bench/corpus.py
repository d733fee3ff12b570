"""Shared helpers of the benchmarks: the synthetic corpus as presslate release files, timed child runs."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO / "src") not in sys.path:
    sys.path.insert(0, str(REPO / "src"))

from presslate.ingest.mirror import TITLE_LINE_RE  # noqa: E402
from presslate.models import Block, BlockKind, Release  # noqa: E402
from presslate.releasefile import format_release  # noqa: E402


def presslate(*args: str) -> list[str]:
    """The command line that runs presslate from this checkout."""
    return [sys.executable, "-m", "presslate", *args]


def child_env() -> dict[str, str]:
    """The environment for presslate children: this checkout's sources first."""
    return {**os.environ, "PYTHONPATH": str(REPO / "src")}


def timed_run(command: list[str], *, ok: tuple[int, ...] = (0,), capture: bool = False) -> tuple[float, int, bytes]:
    """Run a command; (wall seconds, peak RSS in MB of it and its children, stdout if ``capture``).

    Output goes to temporary files, never pipes, so a chatty child cannot block.
    """
    with tempfile.TemporaryFile() as errors, tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=output if capture else subprocess.DEVNULL, stderr=errors,
                                   env=child_env())
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) not in ok:
            errors.seek(0)
            raise SystemExit(f"failed: {' '.join(command[:6])} ...: {errors.read().decode()[-2000:]}")
        output.seek(0)
        return elapsed, usage.ru_maxrss // 1024, output.read()


def corpus_release(source: Path, *, title_language: str | None = None) -> Release:
    """A corpus release (`(Y/M/D) title` line, then one paragraph per line) as a presslate release.

    The title becomes the release's title block, or with ``title_language`` the title a mirror page
    carried in that language.
    """
    release = Release(id=source.stem.lower())
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.strip()
        if not text:
            continue
        title = TITLE_LINE_RE.match(text) if number == 1 else None
        if title:
            release.date = dt.date(int(title["y"]), int(title["m"]), int(title["d"]))
            if title_language:
                release.titles[title_language] = title["title"]
            else:
                release.blocks.append(Block(BlockKind.TITLE, title["title"]))
        elif text.startswith("- "):
            release.blocks.append(Block(BlockKind.LIST_ITEM, text[2:]))
        else:
            release.blocks.append(Block(BlockKind.PARAGRAPH, text))
    return release


def write_corpus_releases(folder: Path, target: Path, *, title_language: str | None = None) -> int:
    """Write every corpus release of ``folder`` (e.g. ``l10n/releases-v2``) into a workspace's releases folder."""
    count = 0
    for source in sorted(folder.glob("*.txt")):
        release = corpus_release(source, title_language=title_language)
        (target / f"{release.id}.md").write_text(format_release(release), encoding="utf-8")
        count += 1
    return count


def corpus_workspace(corpus: Path, work: Path, langs: list[str] | tuple[str, ...]) -> Path:
    """A fresh workspace in ``work`` holding the corpus v1 releases and its PO files for ``langs`` (untimed)."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    subprocess.run(presslate("init", str(work), "--languages", ",".join(langs), "--name", "bench"), check=True,
                   stdout=subprocess.DEVNULL, env=child_env())
    write_corpus_releases(corpus / "l10n" / "releases", work / "l10n" / "releases")
    for lang in langs:
        target = work / "locales" / lang
        target.mkdir(parents=True, exist_ok=True)
        for po in (corpus / "locales" / lang).glob("*.po"):
            shutil.copyfile(po, target / f"{po.stem.lower()}.po")
    return work
