"""The fast counting reader gives exactly the counts of the full parser, or steps aside (None)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from presslate.catalog.pofile import parse_po
from presslate.errors import CatalogError
from presslate.report.counts import stats_from_catalog
from presslate.report.fastcount import fast_file_stats

EDGE_CASES = Path(__file__).resolve().parents[1] / "data" / "report" / "edge-cases.po"


def full_parser_stats(text: str, lang: str):
    """Counts through catalog.pofile (None when it rejects the file)."""
    try:
        return stats_from_catalog(parse_po(text), lang=lang)
    except CatalogError:
        return None


def test_fast_counts_equal_full_parser_counts_on_every_seed_file(translated_workspace):
    checked = 0
    for path in sorted(translated_workspace.locales_dir.glob("*/*.po")):
        data = path.read_bytes()
        fast = fast_file_stats(data, lang=path.parent.name)
        assert fast is not None, f"{path} should be in the plain layout"
        assert fast == full_parser_stats(data.decode(), path.parent.name), path
        checked += 1
    assert checked == 36


def test_fast_counts_equal_full_parser_counts_on_edge_cases():
    data = EDGE_CASES.read_bytes()
    fast = fast_file_stats(data, lang="fr")
    expected = full_parser_stats(data.decode(), "fr")
    if expected is None:
        pytest.skip("this build's PO reader cannot read obsolete entries yet")
    assert fast == expected


@pytest.mark.parametrize("text", [
    'msgid ""\r\nmsgstr ""\r\n\r\nmsgid "a"\r\nmsgstr "b"\r\n',  # CRLF
    'msgid "a"\n\nmsgstr "b"\n',  # blank line inside an entry
    'msgid "a\\q"\nmsgstr "b"\n',  # unknown escape
    'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n',  # duplicate
    'msgid "a"\n',  # no msgstr
    'msgid "a"\nmsgstr "b\n',  # unterminated string
    'msgid "a"\nmsgstr[0] "b"\n',  # plural form without msgid_plural
    'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[2] "c"\n',  # wrong plural index
    '  msgid "a"\n  msgstr "b"\n',  # indented
])
def test_fast_reader_steps_aside_for_anything_outside_the_plain_layout(text):
    assert fast_file_stats(text.encode(), lang="fr") is None


def test_fast_reader_never_accepts_what_the_full_parser_rejects_nor_counts_differently(translated_workspace):
    """Mutate real PO files line by line: the fast reader must agree with the parser or return None."""
    sources = [translated_workspace.po_path("fr", "iom-and-egypt-hold-regional-partners-briefing-on"),
               translated_workspace.po_path("ko", "iom-trains-iraq-government-authorities-in-migration-crisis"),
               EDGE_CASES]
    pieces = ['"', "\\", "#~ ", "#, fuzzy", "# draft: deepl", "msgstr[1] \"x\"", "msgid \"\"", "#. title", ""]
    rng = random.Random(20261127)
    mutated = 0
    for source in sources:
        if full_parser_stats(source.read_text(encoding="utf-8"), "fr") is None:
            continue  # this build's PO reader cannot read it at all (obsolete entries, before the gettext reader)
        lines = source.read_text(encoding="utf-8").split("\n")
        for _ in range(150):
            variant = list(lines)
            index = rng.randrange(len(variant))
            action = rng.choice(("delete", "duplicate", "insert", "append"))
            if action == "delete":
                del variant[index]
            elif action == "duplicate":
                variant.insert(index, variant[index])
            elif action == "insert":
                variant.insert(index, rng.choice(pieces))
            else:
                variant[index] += rng.choice(pieces)
            text = "\n".join(variant)
            fast = fast_file_stats(text.encode(), lang=source.parent.name if source != EDGE_CASES else "fr")
            if fast is None:
                continue
            assert fast == full_parser_stats(text, source.parent.name if source != EDGE_CASES else "fr"), \
                f"{action} at line {index + 1} of {source.name}"
            mutated += 1
    assert mutated > 50


def test_a_charset_declared_after_4096_bytes_of_header_is_honoured():
    """The charset is read where the strict reader reads it (the whole header), however long the header is."""
    comments = "".join(f"# translator note {number:04d}: ...............................\n" for number in range(120))
    header = (f'{comments}msgid ""\nmsgstr ""\n"Project-Id-Version: x\\n"\n'
              '"Content-Type: text/plain; charset=ISO-8859-1\\n"\n\nmsgid "Caf\xc3\xa9"\nmsgstr "x"\n')
    data = header.encode("latin-1")
    assert data.index(b"charset=") > 4096
    assert fast_file_stats(data, lang="fr") is None  # the full reader decodes it as Latin-1
