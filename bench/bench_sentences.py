"""Speed and golden-set accuracy of presslate.sentences against pySBD and sentencex (run by hand).

    PYTHONPATH=src /work/venv/bin/python bench/bench_sentences.py [--releases 1000] [--repeat 3]

pySBD and sentencex are comparison points only, imported here and nowhere else; a
missing one is reported and skipped. Speed: every non-empty line (block) of the seed
pages in examples/pages/, cycled to ``releases x 15`` blocks (a release has about 15
blocks), segmented block by block as the build step does; the best of ``repeat`` runs
is reported as seconds per 1000 releases. Accuracy: share of golden rows of
tests/data/sentences/ segmented exactly, per group of rows and overall.
"""

from __future__ import annotations

import argparse
import itertools
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from presslate.sentences import sentence_texts

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "examples" / "pages"
GOLDEN = ROOT / "tests" / "data" / "sentences"
BLOCKS_PER_RELEASE = 15

Segmenter = Callable[[str, str], list[str]]


def seed_blocks() -> list[str]:
    """Non-empty lines of the seed pages, in file order."""
    return [line.strip() for page in sorted(PAGES.glob("*.txt")) for line in page.read_text("utf-8").splitlines() if line.strip()]


def golden_rows() -> list[tuple[str, str, str, list[str]]]:
    """(group, lang, text, expected) for every golden row; group is the id prefix or the language."""
    rows = []
    for path in sorted(GOLDEN.glob("golden_*.tsv")):
        lang = path.stem.removeprefix("golden_")
        for line in path.read_text("utf-8").split("\n"):
            if line.strip() and not line.startswith("#"):
                case_id, text, expected = line.split("\t")
                group = case_id.split("-", 1)[0] if lang == "en" else lang
                rows.append((group, lang, text, [part.strip() for part in expected.split("|||")]))
    return rows


def splits_inside_quote(text: str, expected: list[str]) -> bool:
    """True when an expected boundary falls inside an open quotation (“...”, «...», "...").

    pySBD and sentencex keep a quotation whole on purpose; these rows measure our
    quote rule rather than general accuracy, so they are also reported apart.
    """
    position = 0
    for sentence in expected[:-1]:
        position = text.index(sentence, position) + len(sentence)
        before = text[:position]
        depth = before.count("“") - before.count("”") + before.count("«") - before.count("»")
        if depth > 0 or before.count('"') % 2:
            return True
    return False


def ours() -> Segmenter:
    return lambda text, lang: sentence_texts(text, lang)


def pysbd_segmenter() -> Segmenter | None:
    try:
        import pysbd
    except ImportError:
        return None
    cache: dict[str, object] = {}

    def segment(text: str, lang: str) -> list[str]:
        code = lang if lang in pysbd.languages.LANGUAGE_CODES else "en"  # no Korean: English rules
        if code not in cache:
            cache[code] = pysbd.Segmenter(language=code, clean=False)
        return [s.strip() for s in cache[code].segment(text) if s.strip()]  # type: ignore[attr-defined]

    return segment


def sentencex_segmenter() -> Segmenter | None:
    try:
        import sentencex
    except ImportError:
        return None
    return lambda text, lang: [s.strip() for s in sentencex.segment(lang, text) if s.strip()]


def seconds(segment: Segmenter, blocks: Iterable[str], repeat: int) -> float:
    blocks = list(blocks)
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for block in blocks:
            segment(block, "en")
        best = min(best, time.perf_counter() - started)
    return best


def accuracy(segment: Segmenter, rows: list[tuple[str, str, str, list[str]]]) -> dict[str, tuple[int, int]]:
    """Exact matches and totals per group, plus 'all' and 'no-q' (rows without in-quote splits)."""
    scores: dict[str, tuple[int, int]] = {}
    for group, lang, text, expected in rows:
        hit = segment(text, lang) == expected
        keys = (group, "all") if splits_inside_quote(text, expected) else (group, "all", "no-q")
        for key in keys:
            good, total = scores.get(key, (0, 0))
            scores[key] = (good + hit, total + 1)
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--releases", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    seeds = seed_blocks()
    blocks = list(itertools.islice(itertools.cycle(seeds), args.releases * BLOCKS_PER_RELEASE))
    rows = golden_rows()
    groups = sorted({row[0] for row in rows}, key=lambda g: ((["seed", "gr", "iom"] + [g]).index(g), g))
    tools = {"presslate": ours(), "pysbd": pysbd_segmenter(), "sentencex": sentencex_segmenter()}

    print(f"speed: {len(blocks)} blocks ({args.releases} releases x {BLOCKS_PER_RELEASE}, "
          f"{sum(map(len, blocks)) / 1e6:.1f} M chars), best of {args.repeat}")
    print(f"accuracy: {len(rows)} golden rows; groups: seed = seed pages, gr = Golden Rules, iom = traps;")
    print("no-q = all rows except those whose expected split falls inside a quotation\n")
    header = (f"{'segmenter':<10} {'s/1000 rel.':>11} " + " ".join(f"{g:>7}" for g in groups)
              + f" {'no-q':>14} {'all':>14}")
    print(header)
    print("-" * len(header))
    for name, segment in tools.items():
        if segment is None:
            print(f"{name:<10} not installed")
            continue
        per_1000 = seconds(segment, blocks, args.repeat) * 1000 / args.releases
        scores = accuracy(segment, rows)
        cells = " ".join(f"{scores[g][0] / scores[g][1]:>7.1%}" for g in groups)
        totals = " ".join(f"{scores[k][0]:>4}/{scores[k][1]} {scores[k][0] / scores[k][1]:>5.1%}" for k in ("no-q", "all"))
        print(f"{name:<10} {per_1000:>11.3f} {cells} {totals}")


if __name__ == "__main__":
    main()
