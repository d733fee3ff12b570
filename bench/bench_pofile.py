"""Time format_po/parse_po on 1000 generated PO files of about 40 entries.

    PYTHONPATH=src python bench/bench_pofile.py [--files N] [--entries N]

The files look like presslate's: 200 releases, each with a POT and ko/fr/es/ar
catalogs; msgids are sentences of the seed pages in examples/pages (or a built-in
paragraph when they are missing), translations are long synthetic strings in the
target script (Hangul, Arabic, Latin with accents) so that wrapping is exercised.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

from presslate.catalog.model import Catalog, Message
from presslate.catalog import pofile
from presslate.catalog.pofile import format_po, parse_po

ROOT = Path(__file__).resolve().parent.parent
FALLBACK = (
    "The first World Humanitarian Summit, an initiative of UN Secretary-General Ban Ki-moon, "
    "will bring together governments, humanitarian organizations, people affected by "
    "humanitarian crises and the private sector to propose solutions to the most pressing "
    "humanitarian challenges."
)
WORDS = {
    "ko": "국제이주기구는 인도주의 위기 영향을 받은 사람들과 민간 부문을 한자리에 모아 가장 시급한 과제에 대한 해결책을".split(),
    "fr": "l’Organisation internationale pour les migrations réunira gouvernements organisations humanitaires « secteur privé » — défis".split(),
    "es": "la Organización Internacional para las Migraciones reunirá a gobiernos organizaciones humanitarias y al sector privado".split(),
    "ar": "المنظمة الدولية للهجرة تجمع الحكومات والمنظمات الإنسانية والقطاع الخاص لاقتراح حلول للتحديات الإنسانية الأكثر إلحاحا".split(),
}


def sentences() -> list[str]:
    found = []
    for page in sorted((ROOT / "examples" / "pages").glob("*.txt")):
        for line in page.read_text(encoding="utf-8").splitlines():
            found.extend(s for s in re.split(r"(?<=[.!?])\s+", line) if len(s) > 30)
    return found or [FALLBACK]


def make_catalogs(files: int, entries: int) -> list[Catalog]:
    rng = random.Random(1)
    pool = sentences()
    catalogs = []
    for number in range(files):
        release, lang = divmod(number, 5)
        lang = [None, "ko", "fr", "es", "ar"][lang]
        msgids = [pool[(release * entries + k) % len(pool)] for k in range(entries)]
        messages = []
        for k, msgid in enumerate(msgids):
            msgstr = ""
            if lang:
                words = WORDS[lang]
                msgstr = " ".join(rng.choice(words) for _ in range(len(msgid) // 7 + 1))
            messages.append(Message(
                msgid=msgid, msgstr=msgstr, msgctxt=f"release-{release}:{k}",
                references=[f"releases/{release:04d}.txt:{k * 3 + 1}"],
                flags=["fuzzy"] if lang and k % 7 == 0 else [],
            ))
        header = {"Project-Id-Version": f"release-{release}",
                  "Content-Type": "text/plain; charset=UTF-8",
                  "Content-Transfer-Encoding": "8bit"}
        if lang:
            header["Language"] = lang
        catalogs.append(Catalog(header=header, messages=messages))
    return catalogs


def best(step, repeat: int):
    """Result of ``step()`` and its best CPU time over ``repeat`` runs.

    CPU time of this process, not wall time: the machine may be shared.
    """
    times = []
    for _ in range(repeat):
        pofile._LAYOUT_CACHE.clear()  # every run starts cold
        start = time.process_time()
        result = step()
        times.append(time.process_time() - start)
    return result, min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--entries", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each step; the best counts")
    parser.add_argument("--no-cache", action="store_true",
                        help="disable the layout cache (every long string laid out anew)")
    args = parser.parse_args()
    if args.no_cache:
        pofile._LAYOUT_CACHE_SIZE = 0
    catalogs = make_catalogs(args.files, args.entries)
    texts, formatted = best(lambda: [format_po(c) for c in catalogs], args.repeat)
    parsed, parse_time = best(lambda: [parse_po(t) for t in texts], args.repeat)
    again, reformatted = best(lambda: [format_po(c) for c in parsed], args.repeat)
    assert again == texts, "format_po(parse_po(text)) changed a file"
    size = sum(len(t.encode()) for t in texts)
    print(f"{args.files} files, {args.files * args.entries} entries, {size / 1e6:.1f} MB")
    print(f"format_po: {formatted:.3f} s CPU (layout cache cold at the start)")
    print(f"parse_po:  {parse_time:.3f} s CPU")
    print(f"format_po of the parsed catalogs: {reformatted:.3f} s CPU")


if __name__ == "__main__":
    main()
