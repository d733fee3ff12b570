"""Benchmark: read 1000 corpus releases published as IOM-style HTML pages, against Translate Toolkit's HTML reader.

Run by hand (not a test):
    PYTHONPATH=src /work/venv/bin/python bench/bench_html_ingest.py [--corpus /tmp/bench-corpus] [--ttk /tmp/ttk/bin/python]

Each corpus release (``l10n/releases/*.txt``, one paragraph a line) is wrapped in the chrome of the 000 fixture
(menus, cookie banner, scripts, footer) and written under a temporary folder. Timed, in one process each:
presslate's ``read_html_page`` on the pages, presslate's ``read_text_page`` on the same releases as text, and
Translate Toolkit's ``translate.storage.html.htmlfile`` (what ``html2po`` uses) on the pages.
"""

from __future__ import annotations

import argparse
import html
import re
import subprocess
import sys
import tempfile
import time
import resource
from pathlib import Path
from typing import Callable

from presslate.ingest.common import decode_page
from presslate.ingest.html import read_html_page
from presslate.ingest.text import read_text_page

FIXTURE = Path(__file__).resolve().parents[1] / "tests" / "data" / "html" / "000-iom-amman-consultations.html"
BODY_RE = re.compile(r'(<div class="clearfix text-formatted field field--name-body[^>]*>).*?(</div>\s*<footer)', re.S)
TITLE_RE = re.compile(r"(<h1 class=\"page-title\"><span[^>]*>).*?(</span></h1>)", re.S)
TTK_SCRIPT = """
import sys, time
from pathlib import Path
from translate.storage.html import htmlfile
paths = sorted(Path(sys.argv[1]).glob("*.html"))
start = time.perf_counter()
units = 0
for path in paths:
    with path.open("rb") as handle:
        units += len(htmlfile(inputfile=handle).units)
print(time.perf_counter() - start, units)
"""


def page_for(release_text: str, template: str) -> str:
    """The release as the body of an IOM-style page: its first line the <h1>, each blank-line separated chunk a
    <ul> (``- `` lines) or a <p> whose lines are joined by <br>."""
    title, _, rest = release_text.strip().partition("\n")
    body: list[str] = []
    for chunk in re.split(r"\n\s*\n", rest.strip()):
        lines = [html.escape(line.strip()) for line in chunk.splitlines() if line.strip()]
        if lines and all(line.startswith("- ") for line in lines):
            body.append("<ul>" + "".join(f"<li>{line[2:]}</li>" for line in lines) + "</ul>")
        elif lines:
            body.append("<p>" + "<br>\n".join(lines) + "</p>")
    page = TITLE_RE.sub(lambda m: m.group(1) + html.escape(title.strip()) + m.group(2), template, count=1)
    return BODY_RE.sub(lambda m: m.group(1) + "\n".join(body) + "\n</div>\n<footer", page, count=1)


def _shape(page_releases: list) -> list[tuple[str, str]]:
    """Kinds and texts of the blocks (contact groups differ: the text reader drops blank lines before grouping)."""
    return [(b.kind.value, b.text) for r in page_releases for b in r.release.blocks]


def timed(label: str, work: Callable[[], str]) -> float:
    start = time.perf_counter()
    result = work()
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{label:<42} {elapsed:7.3f} s   process peak RSS {peak:6.1f} MiB   {result}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/bench-corpus"))
    parser.add_argument("--ttk", default="/tmp/ttk/bin/python", help="Python of a venv with translate-toolkit")
    args = parser.parse_args()
    releases = sorted((args.corpus / "l10n" / "releases").glob("*.txt"))
    if not releases:
        print(f"no releases under {args.corpus}; generate the corpus first", file=sys.stderr)
        return 2
    template = FIXTURE.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="presslate-html-bench-") as folder:
        pages_dir = Path(folder)
        for release in releases:
            page = page_for(release.read_text(encoding="utf-8"), template)
            (pages_dir / f"{release.stem}.html").write_text(page, encoding="utf-8")
        pages = sorted(pages_dir.glob("*.html"))
        print(f"{len(pages)} pages, {sum(p.stat().st_size for p in pages) / 2**20:.1f} MiB of HTML")

        def read_html() -> str:
            blocks = sum(len(read_html_page(p.read_bytes(), path=p)[0].release.blocks) for p in pages)
            return f"{blocks} blocks"

        def read_text() -> str:
            blocks = 0
            for path in releases:
                text = decode_page(path.read_bytes(), path=path)
                blocks += sum(len(r.release.blocks) for r in read_text_page(text, path=path))
            return f"{blocks} blocks"

        agree = sum(
            _shape(read_html_page(page.read_bytes(), path=page)) == _shape(read_text_page(
                decode_page(release.read_bytes(), path=release), path=release))
            for page, release in zip(pages, releases)
        )
        print(f"releases whose HTML and text readings give the same blocks: {agree}/{len(pages)}")
        ours = timed("presslate read_html_page", read_html)
        text = timed("presslate read_text_page (same releases)", read_text)
        try:
            out = subprocess.run([args.ttk, "-c", TTK_SCRIPT, str(pages_dir)], check=True, capture_output=True,
                                 text=True).stdout.split()
            ttk = float(out[0])
            print(f"{'translate-toolkit htmlfile (html2po)':<42} {ttk:7.3f} s   {out[1]} units")
            print(f"ratio presslate/ttk: {ours / ttk:.2f}; presslate html/text: {ours / text:.2f}")
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"translate-toolkit not run: {exc}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
