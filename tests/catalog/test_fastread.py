"""The plain-layout reader gives exactly the catalog of the strict reader, or steps aside (None)."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from presslate.catalog.fastread import parse_plain_po
from presslate.catalog.model import Catalog, Message, draft_comment
from presslate.catalog.pofile import format_po, parse_po_bytes
from presslate.errors import CatalogError

ROOT = Path(__file__).resolve().parents[2]
SEED_FILES = sorted([*ROOT.glob("locales/*/*.po"), *ROOT.glob("l10n/templates/*.pot")])
TEST_FILES = sorted([*ROOT.glob("tests/data/po/*.po"), *ROOT.glob("tests/data/report/*.po")])
HEADER = (
    'msgid ""\n'
    'msgstr ""\n'
    '"Project-Id-Version: test\\n"\n'
    '"Language: fr\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
)


def strict(data: bytes, path: Path | None = None) -> Catalog | None:
    """What parse_po_bytes gives (None when it raises CatalogError)."""
    try:
        return parse_po_bytes(data, path=path)
    except CatalogError:
        return None


def assert_same_catalog(data: bytes, path: Path | None = None) -> Catalog:
    """The fast reader accepts ``data`` and gives the strict reader's catalog, field by field."""
    fast = parse_plain_po(data, path=path)
    assert fast is not None, "the fast reader should accept this file"
    expected = parse_po_bytes(data, path=path)
    assert [m.line for m in fast.messages] == [m.line for m in expected.messages]
    for got, want in zip(fast.messages, expected.messages):
        assert got == want
    assert fast == expected
    return fast


def test_messages_are_built_positionally_in_field_order():
    # parse_plain_po calls Message(...) positionally in its hot loop.
    assert [f.name for f in dataclasses.fields(Message)] == [
        "msgid", "msgstr", "msgctxt", "msgid_plural", "msgstr_plural", "flags", "auto_comments",
        "translator_comments", "references", "previous_msgctxt", "previous_msgid",
        "previous_msgid_plural", "obsolete", "line",
    ]


@pytest.mark.parametrize("path", SEED_FILES + TEST_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_fast_reader_reads_every_example_file_as_the_strict_reader_does(path):
    catalog = assert_same_catalog(path.read_bytes(), path)
    assert catalog.path == path


def test_the_example_workspace_has_files_to_compare():
    assert len(SEED_FILES) == 45


ACCEPTED = {
    "empty file": "",
    "header only": HEADER,
    "header with comments and flags": (
        "# French translation of a press release.\n# Copyright (C) 2024 IOM\n#\n#, fuzzy\n" + HEADER
    ),
    "header not first": 'msgid "a"\nmsgstr "b"\n\n' + HEADER,
    "simple": HEADER + '\n#: a.txt:1\nmsgid "Hello"\nmsgstr "Bonjour"\n',
    "several references and blanks": HEADER + '\n#: a.txt:1  b.txt:2\n#: c.txt:3\t\vd\nmsgid "a"\nmsgstr "b"\n',
    "non-ascii reference": HEADER + '\n#: été.txt:1\nmsgid "a"\nmsgstr "b"\n',
    "msgctxt": HEADER + '\nmsgctxt "contact"\nmsgid "Iraq"\nmsgstr "Irak"\n\nmsgid "Iraq"\nmsgstr "Irak"\n',
    "multi-line strings": HEADER + (
        '\nmsgid ""\n"IOM is participating in this week’s regional consultations in Amman, "\n'
        '"Jordan."\nmsgstr ""\n"L’OIM participe "\n"cette semaine."\n'
    ),
    "multi-line msgctxt": HEADER + '\nmsgctxt ""\n"a "\n"b"\nmsgid "x"\nmsgstr "y"\n',
    "escapes": HEADER + '\nmsgid "a\\n\\tb \\"q\\" c\\\\d \\\\n \\\\\\""\nmsgstr "x\\\\"\n',
    "escapes across lines": HEADER + '\nmsgid ""\n"a\\\\"\n"n\\n"\nmsgstr "\\t"\n',
    "empty msgstr": HEADER + '\n#. title\nmsgid "Iraq"\nmsgstr ""\n',
    "plural": HEADER + (
        '\nmsgid "one family"\nmsgid_plural "%d families"\nmsgstr[0] "une famille"\n'
        'msgstr[1] ""\n"%d familles"\n'
    ),
    "plural in a pot": 'msgid "one"\nmsgid_plural "many"\nmsgstr[0] ""\nmsgstr[1] ""\n',
    "fuzzy with previous msgid": HEADER + (
        '\n#, fuzzy\n#| msgid ""\n#| "These IOM trainings "\n#| "provide an opportunity."\n'
        'msgid "These IOM trainings provide a chance."\nmsgstr "Ces formations."\n'
    ),
    "previous msgctxt, msgid and plural": HEADER + (
        '\n#, fuzzy\n#| msgctxt "old"\n#| msgid "a \\"b\\""\n#| msgid_plural "as"\n'
        'msgctxt "new"\nmsgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] "xs"\n'
    ),
    "draft comment": HEADER + (
        f"\n# {draft_comment('tm', score=92, origin='2014-09-09-x')}\n#, fuzzy\n"
        'msgid "a"\nmsgstr "b"\n'
    ),
    "all comment kinds": HEADER + (
        '\n# translator\n#\n#translator without space\n#.  auto with two spaces\n#.\n#: a.txt:1\n'
        '#, fuzzy, python-format\n#! ignore-numbers\nmsgid "a"\nmsgstr "b"\n'
    ),
    "ignore flags and range": HEADER + (
        '\n#, ignore-glossary-term,ignore-numbers  range: 0..10\nmsgid "a"\nmsgstr "b"\n'
    ),
    "presslate ignore comment": HEADER + '\n# presslate: ignore numbers\nmsgid "5 people"\nmsgstr "cinq"\n',
    "comment mentioning markers": HEADER + '\n# see #| and #~ here\nmsgid "a"\nmsgstr "b"\n',
    "obsolete entry": HEADER + (
        '\nmsgid "a"\nmsgstr "b"\n\n# old\n#. auto\n#: x.txt:1\n#, fuzzy\n#~| msgid "older"\n'
        '#~ msgid ""\n#~ "An old sentence "\n#~ "that was removed."\n#~ msgstr "Une \\"ancienne\\" phrase."\n'
    ),
    "obsolete entries with context and plural": HEADER + (
        '\n#~ msgctxt "c"\n#~ msgid "a"\n#~ msgstr "b"\n\n'
        '#~ msgid "one"\n#~ msgid_plural "many"\n#~ msgstr[0] "un"\n#~ msgstr[1] ""\n#~ "plusieurs"\n'
    ),
    "obsolete header-like entry": 'msgid "a"\nmsgstr "b"\n\n#~ msgid ""\n#~ msgstr "X: y\\n"\n',
    "no trailing newline": HEADER + '\nmsgid "a"\nmsgstr "b"',
    "several blank lines": HEADER + '\n\n\nmsgid "a"\nmsgstr "b"\n\n\n',
    "header with odd lines": 'msgid ""\nmsgstr ""\n"no colon line\\n"\n"A: 1\\n"\n" continued\\n"\n"B:2"\n',
    "unusual characters": HEADER + '\nmsgid "a\u2028b\x85c\x0cd"\nmsgstr "\u00a0"\n',
    "ascii charset": HEADER.replace("UTF-8", "ASCII") + '\nmsgid "a"\nmsgstr "b"\n',
}


@pytest.mark.parametrize("text", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_fast_reader_accepts_the_plain_layout_and_agrees(text):
    assert_same_catalog(text.encode("utf-8"), Path("locales/fr/x.po"))


REFUSED = {
    "duplicate msgid": 'msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n',
    "duplicate of an obsolete entry": 'msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n',
    "missing msgstr": 'msgid "a"\n\nmsgid "b"\nmsgstr "c"\n',
    "missing msgstr at the end": 'msgid "a"\nmsgstr "b"\n\nmsgid "c"\n',
    "bad escape": 'msgid "a\\q"\nmsgstr "b"\n',
    "other valid escape": 'msgid "a\\r"\nmsgstr "b"\n',
    "octal escape": 'msgid "a\\303\\251"\nmsgstr "b"\n',
    "obsolete line inside an active entry": 'msgid "a"\n#~ msgid "x"\nmsgstr "b"\n',
    "obsolete previous string before an active entry": '#~| msgid "x"\nmsgid "a"\nmsgstr "b"\n',
    "obsolete comment before an active entry": '#~ # note\nmsgid "a"\nmsgstr "b"\n',
    "crlf": 'msgid "a"\r\nmsgstr "b"\r\n',
    "latin-1 charset": (HEADER.replace("UTF-8", "ISO-8859-1") + '\nmsgid "caf\xe9"\nmsgstr "x"\n'),
    "bom": "\ufeff" + HEADER,
    "unterminated string": 'msgid "a"\nmsgstr "b\n',
    "comment between msgid and msgstr": 'msgid "a"\n# c\nmsgstr "b"\n',
    "comment inside a string": 'msgid ""\n"a"\n# c\n"b"\nmsgstr "c"\n',
    "blank line inside an entry": 'msgid "a"\n\nmsgstr "b"\n',
    "blank line after comments": '# c\n\nmsgid "a"\nmsgstr "b"\n',
    "no blank line between entries": 'msgid "a"\nmsgstr "b"\nmsgid "c"\nmsgstr "d"\n',
    "indented": '  msgid "a"\n  msgstr "b"\n',
    "trailing blanks": 'msgid "a" \nmsgstr "b"\n',
    "keyword without space": 'msgid"a"\nmsgstr "b"\n',
    "leading blank line": '\nmsgid "a"\nmsgstr "b"\n',
    "trailing comments": 'msgid "a"\nmsgstr "b"\n\n# orphan\n',
    "plural without msgid_plural": 'msgid "a"\nmsgstr[0] "b"\n',
    "wrong plural index": 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[2] "c"\n',
    "msgstr after msgid_plural": 'msgid "a"\nmsgid_plural "as"\nmsgstr "b"\n',
    "previous string not last": '#| msgid "x"\n#, fuzzy\nmsgid "a"\nmsgstr "b"\n',
    "previous continuation without keyword": '#| "x"\nmsgid "a"\nmsgstr "b"\n',
    "previous msgstr": '#| msgstr "x"\nmsgid "a"\nmsgstr "b"\n',
    "previous strings out of order": '#| msgid "x"\n#| msgctxt "y"\nmsgid "a"\nmsgstr "b"\n',
    "active previous string before an obsolete entry": '#| msgid "x"\n#~ msgid "a"\n#~ msgstr "b"\n',
    "obsolete comment line": '#~ # note\n#~ msgid "a"\n#~ msgstr "b"\n',
    "two obsolete entries glued": '#~ msgid "a"\n#~ msgstr "b"\n#~ msgid "c"\n#~ msgstr "d"\n',
    "obsolete entry without msgstr": '#~ msgid "a"\n',
    "invalid utf-8": 'msgid "a"\nmsgstr "\xff"\n',
    "unknown keyword": 'msgid "a"\nmsgstr "b"\n\nmsgfoo "c"\n',
}


@pytest.mark.parametrize("text", REFUSED.values(), ids=REFUSED.keys())
def test_fast_reader_steps_aside_outside_the_plain_layout(text):
    data = text.encode("latin-1") if "charset=ISO" in text or "\xff" in text else text.encode("utf-8")
    assert parse_plain_po(data) is None
    strict(data)  # the strict reader either reads it or raises CatalogError, never anything else


# ---------------------------------------------------------------------------
# Round trips: catalogs written by format_po are read alike by both readers.
# ---------------------------------------------------------------------------

PIECES = [
    "IOM", "migrants", "L’OIM", "국제이주기구", "المنظمة الدولية للهجرة", "“quoted”", '"quoted"', "back\\slash",
    "tab\there", "new\nline", "end\n", "50%", "%d", "{name}", "\u00a0", "—", "x" * 90, " ", "",
]


def random_text(rng: random.Random, *, allow_empty: bool = True) -> str:
    text = " ".join(rng.choice(PIECES) for _ in range(rng.randint(0 if allow_empty else 1, 12)))
    return text if text or allow_empty else "x"


def random_message(rng: random.Random, number: int) -> Message:
    message = Message(msgid=f"{number} {random_text(rng)}")
    if rng.random() < 0.2:
        message.msgctxt = random_text(rng)
    if rng.random() < 0.15:
        message.msgid_plural = random_text(rng, allow_empty=False)
        message.msgstr_plural = {k: random_text(rng) for k in range(rng.randint(1, 4))}
    else:
        message.msgstr = random_text(rng)
    if rng.random() < 0.5:
        message.references = [f"page-{rng.randint(1, 9)}.txt:{rng.randint(1, 400)}"
                              for _ in range(rng.randint(1, 8))]
    if rng.random() < 0.3:
        message.auto_comments = [random_text(rng) for _ in range(rng.randint(1, 2))]
    if rng.random() < 0.3:
        message.flags = ["fuzzy"]
        if rng.random() < 0.5:
            message.translator_comments = [draft_comment("tm", score=rng.randint(70, 99))]
        if rng.random() < 0.6:
            message.previous_msgid = random_text(rng)
            if rng.random() < 0.3:
                message.previous_msgctxt = random_text(rng)
    if rng.random() < 0.2:
        message.flags.extend(rng.sample(["ignore-numbers", "python-format", "no-wrap", "range: 1..5"], 2))
    if rng.random() < 0.1:
        message.translator_comments.append(f"presslate: ignore {random_text(rng)}")
    if rng.random() < 0.1:
        message.obsolete = True
    return message


def random_catalog(rng: random.Random) -> Catalog:
    catalog = Catalog(header={"Project-Id-Version": "test", "Language": "fr",
                              "Content-Type": "text/plain; charset=UTF-8"})
    if rng.random() < 0.5:
        catalog.header_comments = ["French translation.", "", random_text(rng)]
    if rng.random() < 0.3:
        catalog.header_flags = ["fuzzy"]
    catalog.messages = [random_message(rng, number) for number in range(rng.randint(0, 30))]
    return catalog


@pytest.mark.parametrize("width", [79, 0])
def test_fast_reader_agrees_on_random_catalogs_written_by_format_po(width):
    rng = random.Random(20240115 + width)
    for _ in range(150):
        data = format_po(random_catalog(rng), width=width).encode("utf-8")
        assert parse_plain_po(data) == parse_po_bytes(data)


MUTATIONS = ['"', "\\", "\n", "#", "#~ ", "#| ", "#~| ", "msgid ", "msgstr ", "msgctxt ", "msgid_plural ",
             "msgstr[1] ", "\\n", "\\q", " ", "\t", "\x0b", '"\n"', "#, fuzzy\n", "#~ #"]
MUTATION_LINES = ["", "#", "#~", '#~ msgid "zz"', '#~ msgstr "q"', '#| msgid "p"', '"cont"']


def mutate(rng: random.Random, text: str) -> str:
    """``text`` with a few random insertions, deletions and duplicated lines."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        k = rng.randrange(len(lines))
        op = rng.random()
        if op < 0.3:
            at = rng.randint(0, len(lines[k]))
            lines[k] = lines[k][:at] + rng.choice(MUTATIONS) + lines[k][at:]
        elif op < 0.5:
            del lines[k]
        elif op < 0.7:
            lines.insert(k, rng.choice(lines))
        elif op < 0.85:
            at = rng.randint(0, len(lines[k]))
            lines[k] = lines[k][:at] + lines[k][at + 1:]
        else:
            lines.insert(k, rng.choice(MUTATION_LINES))
    return "\n".join(lines)


def test_fast_reader_accepts_only_what_it_reads_like_the_strict_reader_on_damaged_files():
    rng = random.Random(7)
    texts = [path.read_text(encoding="utf-8") for path in SEED_FILES[:12] + TEST_FILES]
    texts += [format_po(random_catalog(rng)) for _ in range(10)]
    accepted = 0
    for _ in range(3000):
        data = mutate(rng, rng.choice(texts)).encode("utf-8")
        fast = parse_plain_po(data)
        if fast is not None:
            assert fast == parse_po_bytes(data)
            accepted += 1
    assert 300 < accepted < 2700  # both outcomes are exercised
