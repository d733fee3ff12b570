"""Release Markdown files: round trip, escaping and errors with lines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from presslate.errors import ReleaseFileError
from presslate.ingest.service import read_page
from presslate.models import Block, BlockKind, Release
from presslate.releasefile import _simple_front_matter, format_release, parse_release, read_release
from tests.conftest import MIRROR_PAGE, TEXT_PAGES


@pytest.mark.parametrize("path", [*TEXT_PAGES, MIRROR_PAGE], ids=lambda p: p.name[:3])
def test_seed_releases_survive_a_write_read_round_trip(path):
    _, items = read_page(path)
    for item in items:
        release = item.release
        release.id = "x-1"
        text = format_release(release)
        parsed = parse_release(text)
        assert [(b.kind, b.text, b.group) for b in parsed.blocks] == [(b.kind, b.text, b.group) for b in release.blocks]
        assert (parsed.date, parsed.posted, parsed.titles, parsed.backlinks, parsed.dateline) == (
            release.date, release.posted, release.titles, release.backlinks, release.dateline)
        assert format_release(parsed) == text


def test_reading_only_the_head_gives_the_metadata_and_title_of_the_full_read():
    """parse_release(body=False), which the checks use, agrees with the full read on every bundled release."""
    from pathlib import Path

    releases = sorted((Path(__file__).resolve().parents[1] / "l10n" / "releases").glob("*.md"))
    assert len(releases) >= 9
    tricky = "---\nid: x-1\n---\n\n\\# not a title\n\n# Real title\n\n## Heading\n\n# Second\n"
    after_contacts = "---\nid: x-1\n---\n\nText.\n\n<!-- contact -->\n\n# a contact line\n"
    texts = [path.read_text(encoding="utf-8") for path in releases]
    for text in texts + [after_contacts]:
        full, head = parse_release(text), parse_release(text, body=False)
        assert (head.id, head.date, head.posted, head.titles, head.title) == (
            full.id, full.date, full.posted, full.titles, full.title)
    head = parse_release(tricky, body=False)
    assert head.title == "Real title" and head.blocks[0].line == 7
    with pytest.raises(ReleaseFileError):
        parse_release(tricky)  # the full read still refuses a second title


def test_paragraphs_that_look_like_markup_are_escaped():
    release = Release(id="r", blocks=[
        Block(BlockKind.TITLE, "# not a heading"),
        Block(BlockKind.PARAGRAPH, "#ReaccionemosEnCadena is the hashtag."),
        Block(BlockKind.PARAGRAPH, "- 5 degrees at night."),
        Block(BlockKind.PARAGRAPH, "\\ backslash first"),
    ])
    parsed = parse_release(format_release(release))
    assert [(b.kind, b.text) for b in parsed.blocks] == [(b.kind, b.text) for b in release.blocks]


def test_block_lines_point_into_the_file():
    text = "---\nid: r\ndate: 2014-09-09\n---\n\n# Title here\n\nFirst paragraph.\nstill first.\n\n- item\n\n<!-- contact -->\n\nFor more information\n\nSusan Megy\nEmail: smegy@iom.int\n"
    release = parse_release(text)
    assert release.date == dt.date(2014, 9, 9)
    assert [(b.kind.value, b.line, b.group) for b in release.blocks] == [
        ("title", 6, 0), ("paragraph", 8, 0), ("list-item", 11, 0), ("contact", 15, 0), ("contact", 17, 1), ("contact", 18, 1)]
    assert release.blocks[1].text == "First paragraph. still first."


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("# Title\n", 1, "missing front matter"),
        ("---\nid: r\n", 1, "not closed"),
        ("---\nid: r\ndate: [unclosed\n---\n", 3, "invalid front matter"),
        ("---\nid: Bad Id\n---\n", 2, "invalid or missing id"),
        ("---\nid: r\nauthor: me\n---\n", 2, "unknown front matter key"),
        ("---\nid: r\ndate: 2014-31-01\n---\n", 2, "month must be in 1..12"),
        ("---\nid: r\ndate: soon\n---\n", 2, "not a date"),
        ("---\nid: r\npart: abc\n---\n", 2, "part: 'abc' is not a whole number"),
        ("---\nid: r\npart: [1]\n---\n", 2, "is not a whole number"),
        ("---\nid: r\npart: true\n---\n", 2, "is not a whole number"),
        ("---\nid: r\npart: 0\n---\n", 2, "is not a whole number"),
        ("---\nid: r\n---\n# One\n\n# Two\n", 6, "one '# ' title"),
    ],
)
def test_malformed_release_files_report_path_and_line(tmp_path, text, line, message):
    path = tmp_path / "r.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReleaseFileError) as caught:
        read_release(path)
    assert caught.value.line == line, str(caught.value)
    assert message in caught.value.message


def test_part_may_be_written_as_a_quoted_number():
    assert parse_release("---\nid: r\npart: '3'\n---\n").part == 3


def test_file_name_must_match_the_id(tmp_path):
    path = tmp_path / "other.md"
    path.write_text("---\nid: r\n---\n\nText.\n", encoding="utf-8")
    with pytest.raises(ReleaseFileError, match="does not match the file name"):
        read_release(path)


SEED_FRONT = (Path(__file__).resolve().parents[1] / "l10n" / "releases").glob("*.md")


def _front_matter(text: str) -> str:
    return text.split("\n---", 1)[0].removeprefix("---\n")


@pytest.mark.parametrize("path", sorted(SEED_FRONT), ids=lambda path: path.stem[:40])
def test_front_matter_as_presslate_writes_it_is_read_without_yaml_and_as_yaml_reads_it(path):
    front = _front_matter(path.read_text(encoding="utf-8"))
    read = _simple_front_matter(front)
    assert read is not None
    assert read == yaml.safe_load(front)
    assert [type(value) for value in read.values()] == [type(value) for value in yaml.safe_load(front).values()]


@pytest.mark.parametrize("front", [
    "id: r1\ntitles:\n  no: Norsk",            # YAML 1.1 reads the key no as false
    "id: r1\ntitles:\n  ko: No",               # ... and the value No
    "id: r1\npart: 012",                       # octal
    "id: r1\npart: 1_000",
    "id: r1\npart: 12:30",                     # sexagesimal
    "id: r1\ndate: 2022-02-28 10:00:00",       # a timestamp, not a date
    "id: r1\ndate: 2022-02-30",                # no such day: YAML says so
    "id: r1\ndateline: ~",
    "id: r1\ndateline: null",
    "id: r1\ndateline: .inf",
    "id: r1\ntitles:\n  ko: 'IOM, 이라크에서'",
    "id: r1\ntitles:\n  ko: a: b",
    "id: r1\ntitles:\n  ko: IOM # a comment",
    "id: r1\ntitles:\n  ko: 국제이주기구\u00a0보도자료",
    "id: r1\ntitles:\n\tko: 국제이주기구",
    "id: r1\ntitles:\n  ko: 국제이주기구\n    fr: OIM",
    "id: r1\n# a comment\ndate: 2022-02-28",
    "id: r1\n\ndate: 2022-02-28",
    "id: r1\ntitles:",
    "id: r1\nid: r2",
    "id: r1\ntitles:\n  ko: a\n  ko: b",
    "id: r1\nsource: =",
])
def test_front_matter_yaml_might_read_otherwise_is_left_to_yaml(front):
    assert _simple_front_matter(front) is None


def test_the_hand_reader_agrees_with_yaml_on_what_it_reads():
    front = ("id: pr00001\ndate: 2022-02-28\nposted: 2022-03-03\npart: 2\ndateline: Erbil, Iraq\n"
             "source: examples/pages/002_6f946c80cef3f808.txt\ntitles:\n  ko: IOM, 이라크에서 Cash-for-Work 실시\n"
             "  ar: المنظمة الدولية للهجرة\nbacklinks:\n  ko: 최신보도자료 모음 돌아가기")
    assert _simple_front_matter(front) == yaml.safe_load(front)
