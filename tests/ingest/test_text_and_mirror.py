"""Ingest of the real seed pages: chrome removal, mirror splitting, ids and bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from presslate.errors import IngestError
from presslate.ingest.common import slugify, split_dateline
from presslate.ingest.service import ingest_pages, read_page
from presslate.models import BlockKind
from presslate.releasefile import read_release
from tests.conftest import MIRROR_PAGE, PAGES


def page(name: str) -> Path:
    return next(PAGES.glob(f"{name}_*.txt"))


def kinds(release, kind):
    return [b.text for b in release.blocks if b.kind is kind]


def test_text_page_drops_site_chrome_and_keeps_title_body_and_contacts():
    fmt, [item] = read_page(page("000"))
    release = item.release
    assert fmt == "text"
    assert release.title == (
        "IOM Focuses on Migrants in Crisis, Displacement at World Humanitarian Summit Regional Consultations in Amman"
    )
    texts = [b.text for b in release.blocks]
    for chrome in ("Who we are", "Our Work", "What We Do", "Take Action", "2030 Agenda", "Data and Research"):
        assert not any(t == chrome or t.startswith(chrome) for t in texts), chrome
    assert not any("WHO WE ARE" in t for t in texts)
    paragraphs = kinds(release, BlockKind.PARAGRAPH)
    assert paragraphs[0].startswith("Egypt - IOM is participating in this week’s regional consultations")
    assert release.dateline == "Egypt"
    assert kinds(release, BlockKind.CONTACT) == [
        "For more information, please contact IOM Cairo",
        "Martina Salvatore",
        "Tel: +20 2 27365140/1/2 Ext. 314",
        "Email: msalvatore@iom.int",
        "or",
        "Sarah Craggs",
        "Tel: +20 2 27365140/1/2 Ext. 308",
        "Email: scraggs@iom.int",
    ]


def test_page_without_headline_keeps_headings_and_list_items():
    _, [item] = read_page(page("001"))
    release = item.release
    assert release.title is None
    assert "KEY FIGURES (2022)" in kinds(release, BlockKind.HEADING)
    assert "Why does mobility matter during a crisis?" in kinds(release, BlockKind.HEADING)
    items = kinds(release, BlockKind.LIST_ITEM)
    assert items[0] == "People move, or require support to move, to get out of harm’s way"
    assert len(items) == 5
    assert item.slug_text.startswith("ADDRESSING THE MOBILITY DIMENSIONS OF CRISES")


def test_dateline_with_en_dash_and_one_line_contact_block():
    _, [item] = read_page(page("004"))
    assert item.release.dateline == "Cairo"
    assert kinds(item.release, BlockKind.CONTACT) == ["For more information, please contact Mr. Tamim Elyan: telyan@iom.int"]
    _, [item3] = read_page(page("003"))
    assert item3.release.dateline == "Iraq"
    assert kinds(item3.release, BlockKind.CONTACT)[0].startswith("For further information please contact: Sandra Black")


def test_mirror_page_splits_into_five_releases_with_korean_titles_and_dates():
    fmt, items = read_page(MIRROR_PAGE)
    assert fmt == "mirror"
    releases = [item.release for item in items]
    assert [r.date for r in releases] == [dt.date(2014, 9, 9)] * 2 + [dt.date(2014, 9, 5)] * 3
    assert releases[0].titles == {"ko": "IOM, UN과 연합해 포위된 이라크 지역에 물자 전달"}
    assert releases[4].titles["ko"] == "콜롬비아 ‘사슬에 묶인 휴먼트래피킹 피해자’ 비디오, YouTube에서 퍼지는 중"
    assert [r.posted for r in releases] == [dt.date(2014, 9, 9), None, dt.date(2014, 9, 9), dt.date(2014, 9, 5), None]
    assert [bool(r.backlinks) for r in releases] == [True, True, True, False, True]
    assert releases[0].backlinks["ko"] == "최신보도자료 모음 돌아가기"
    assert [r.dateline for r in releases] == ["Iraq", "Central African Republic", "Mexico", "Libya", "Colombia"]
    for release in releases:
        texts = [b.text for b in release.blocks]
        assert not any(t.startswith(("Posted on", "Views", "(2014/")) for t in texts)
        assert "최신보도자료 모음 돌아가기" not in texts
    contacts = kinds(releases[0], BlockKind.CONTACT)
    assert contacts[-3:] == ["Sandra Black", "Tel. +964 750 0166 072", "Email: sblack@iom.int"]
    groups = [b.group for b in releases[0].blocks if b.kind is BlockKind.CONTACT]
    assert groups == sorted(groups) and groups[-1] > groups[0]


def test_ingest_writes_nine_releases_with_safe_stable_ids(empty_workspace):
    pages = sorted(PAGES.glob("*.txt"))
    first = ingest_pages(empty_workspace, pages)
    assert not first.errors
    ids = [i for f in first.files for i in f.created]
    assert len(ids) == 9 and len(set(ids)) == 9
    assert "2014-09-09-iom-iraq-on-sunday-joined-a-relief-convoy" in ids
    assert all(set(i) <= set("abcdefghijklmnopqrstuvwxyz0123456789-") for i in ids)
    again = ingest_pages(empty_workspace, pages)
    assert [i for f in again.files for i in f.unchanged] == ids
    assert not any(f.created or f.updated for f in again.files)


def test_reingest_of_an_edited_page_updates_the_same_release(empty_workspace, tmp_path):
    source = empty_workspace.root / "page.txt"
    source.write_text(page("003").read_text(encoding="utf-8"), encoding="utf-8")
    [created] = ingest_pages(empty_workspace, [source]).files[0].created
    edited = source.read_text(encoding="utf-8").replace(
        "IOM Trains Iraq Government Authorities in Migration Crisis Management",
        "IOM Trains Iraqi Officials in Crisis Management",
    )
    source.write_text(edited, encoding="utf-8")
    result = ingest_pages(empty_workspace, [source])
    assert result.files[0].updated == [created]
    assert read_release(empty_workspace.release_path(created)).title == "IOM Trains Iraqi Officials in Crisis Management"
    assert empty_workspace.release_ids() == [created]


def test_same_slug_from_another_page_gets_a_suffix_and_never_overwrites(empty_workspace):
    one = empty_workspace.root / "a.txt"
    two = empty_workspace.root / "b.txt"
    text = page("004").read_text(encoding="utf-8")
    one.write_text(text, encoding="utf-8")
    two.write_text(text.replace("On Monday June 20th", "On Tuesday June 21st"), encoding="utf-8")
    result = ingest_pages(empty_workspace, [one, two])
    [first], [second] = result.files[0].created, result.files[1].created
    assert second == f"{first}-2"
    assert "On Monday June 20th" in empty_workspace.release_path(first).read_text(encoding="utf-8")
    assert "On Tuesday June 21st" in empty_workspace.release_path(second).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        (b"Title line\nIraq - IOM helped \xff\xfe people.\n", 2, "not valid UTF-8"),
        (b"   \n\n", 1, "empty page"),
        (b"\x00" * 2000, 1, "NUL character in the page: is it a binary file?"),
        (b"Title line\nIraq - IOM helped\x00 people.\n", 2, "NUL character"),
        ("-\nWho we are\n-\nOur Work\nWhat We Do\nWhat We Do\n- 2030 Agenda\n".encode(), 1, "no recognisable release"),
        ("intro text\n(2014/9/9) IOM, 제목\n\nIraq - IOM helped.\n".encode(), 1, "text before the first"),
        ("(2014/13/9) IOM, 제목\n\nIraq - IOM helped.\n".encode(), 1, "invalid date"),
    ],
)
def test_bad_pages_raise_errors_with_path_and_line(tmp_path, content, line, message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(IngestError) as caught:
        read_page(bad)
    assert caught.value.line == line
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{bad}:{line}: ")


def test_cli_reports_bad_page_with_exit_2_and_still_ingests_the_others(empty_workspace, run_cli):
    bad = empty_workspace.root / "broken.txt"
    bad.write_bytes(b"Headline\n\xc3\x28 broken\n")
    good = page("004")
    result = run_cli("-C", str(empty_workspace.root), "ingest", str(bad), str(good))
    assert result.exit_code == 2
    assert f"{bad}:2: not valid UTF-8" in result.stderr
    assert "Traceback" not in result.stderr
    assert "created iom-and-egypt-hold-regional-partners-briefing-on" in result.stdout
    assert empty_workspace.release_ids() == ["iom-and-egypt-hold-regional-partners-briefing-on"]


def test_invisible_characters_of_a_text_page_are_dropped(tmp_path):
    """Soft hyphens and zero-width spaces never reach a release (they would make equal sentences differ)."""
    page = tmp_path / "page.txt"
    page.write_text("IOM wel\u00adcomes the agree\u200bment\n\nGeneva \u2013 IOM to\u200bday wel\u00adcomed it.\n",
                    encoding="utf-8")
    _, [item] = read_page(page)
    texts = [block.text for block in item.release.blocks]
    assert texts and all("\u00ad" not in text and "\u200b" not in text for text in texts)
    assert "IOM welcomes the agreement" in texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iraq - IOM Iraq on Sunday (7/9) joined", ("Iraq", " - ")),
        ("Central African Republic - The ongoing crisis", ("Central African Republic", " - ")),
        ("Cairo – On Monday June 20th", ("Cairo", " – ")),
        ("The briefing saw the participation - of many", None),
        ("IOM delivered 1,000 kits - of non-food items", None),
    ],
)
def test_split_dateline(text, expected):
    assert split_dateline(text) == expected


def test_slugify_folds_accents_and_drops_other_scripts():
    assert slugify("Côte d’Ivoire: IOM’s “Chain Reaction” (2014)") == "cote-divoire-ioms-chain-reaction"
    assert slugify("국제이주기구 IOM 보고서") == "iom"
    assert len(slugify("word " * 40, max_words=40)) <= 60


def test_html_in_a_legacy_charset_is_recognised_without_an_html_suffix(tmp_path):
    saved = tmp_path / "briefing.txt"
    saved.write_bytes((PAGES.parent.parent / "tests" / "data" / "html" / "004-iom-mena-imrf-briefing.html").read_bytes())
    fmt, [item] = read_page(saved)
    assert fmt == "html"
    assert item.release.title == "IOM and Egypt Hold Regional Partners Briefing on IMRF Outcomes"
    assert item.release.dateline == "Cairo"
