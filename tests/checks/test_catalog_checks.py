"""Catalog checks: inconsistent translations across releases, and mirror titles against their release."""

from __future__ import annotations

import datetime as dt

import pytest

from presslate.checks.base import CatalogContext, CatalogEntry, ReleaseContext
from presslate.checks.engine import term_index
from presslate.checks.inconsistent import InconsistentCheck
from presslate.checks.mirror_title import MirrorTitleCheck
from presslate.models import Release

CONTACT = "For more information please contact"


def entry(release: str, line: int, msgid: str, msgstr: str, ignored: frozenset[str] = frozenset()) -> CatalogEntry:
    return CatalogEntry(f"locales/ko/{release}.po", line, release, None, msgid, msgstr, ignored)


def run_inconsistent(entries: list[CatalogEntry]) -> list[tuple[str, int, str]]:
    findings = InconsistentCheck().check(CatalogContext(lang="ko", entries=entries))
    return [(f.path, f.line, f.message) for f in findings]


def test_same_source_translated_two_ways_reports_the_odd_one_with_the_reference() -> None:
    found = run_inconsistent([
        entry("a", 10, CONTACT, "자세한 내용은 다음으로 문의하십시오"),
        entry("b", 20, CONTACT, "자세한 내용은 다음으로 문의하십시오"),
        entry("c", 30, CONTACT, "더 많은 정보는 아래로 연락 바랍니다"),
    ])
    assert found == [("locales/ko/c.po", 30,
                      'the same source is translated "자세한 내용은 다음으로 문의하십시오" in locales/ko/a.po:10')]


def test_whitespace_differences_are_not_inconsistencies() -> None:
    assert run_inconsistent([entry("a", 10, CONTACT, "자세한 내용은  다음으로 문의하십시오"),
                             entry("b", 10, CONTACT, "자세한 내용은 다음으로 문의하십시오")]) == []


def test_one_translation_for_different_sources() -> None:
    found = run_inconsistent([
        entry("a", 10, "Iraq", "이라크"),
        entry("b", 12, "IRAQ", "이라크"),
        entry("c", 14, "Iran", "이라크"),
    ])
    assert found == [("locales/ko/c.po", 14,
                      'the same translation is used for a different source, "Iraq", in locales/ko/a.po:10')]


def test_near_identical_sources_may_share_a_translation() -> None:
    assert run_inconsistent([
        entry("a", 10, "For more information, please contact", "자세한 내용은 다음으로 문의하십시오"),
        entry("b", 10, CONTACT, "자세한 내용은 다음으로 문의하십시오"),
    ]) == []


def test_silenced_entries_do_not_count() -> None:
    assert run_inconsistent([
        entry("a", 10, CONTACT, "자세한 내용은 다음으로 문의하십시오"),
        entry("c", 30, CONTACT, "더 많은 정보는 아래로 연락 바랍니다", frozenset({"inconsistent"})),
    ]) == []


MEXICO_TITLE = "IOM, 멕시코에서 이주자 수용센터 실무자 역량강화"


def run_mirror(release: Release, lang: str = "ko", glossary=None, **settings) -> list[str]:
    ctx = ReleaseContext(lang=lang, release=release, path=f"l10n/releases/{release.id}.md", titles_line=9,
                         terms=term_index(glossary, lang) if glossary else None, settings=settings)
    return [f.message for f in MirrorTitleCheck().check(ctx)]


@pytest.mark.parametrize(("date", "posted", "expected"), [
    # the Mexico release of the Korean seed page: (2014/9/5), posted Sep-09-2014: agrees
    ("2014-09-05", "2014-09-09", []),
    ("2014-09-09", "2014-09-09", []),
    ("2014-09-09", "2014-09-05",
     ["the title line is dated 2014/9/9 but the release was posted 4 day(s) earlier, on 2014-09-05"]),
    ("2014-09-05", "2014-10-20",
     ["the title line is dated 2014/9/5 but the release was posted on 2014-10-20, 45 days later (at most 14 expected)"]),
    ("2014-09-05", None, []),
])
def test_mirror_title_dates(date: str, posted: str | None, expected: list[str]) -> None:
    release = Release(id="x", date=dt.date.fromisoformat(date), posted=dt.date.fromisoformat(posted) if posted else None,
                      titles={"ko": MEXICO_TITLE})
    assert run_mirror(release) == expected


def test_mirror_title_delay_is_configurable() -> None:
    release = Release(id="x", date=dt.date(2014, 9, 5), posted=dt.date(2014, 9, 9), titles={"ko": MEXICO_TITLE})
    assert run_mirror(release, max_delay_days=2) == [
        "the title line is dated 2014/9/5 but the release was posted on 2014-09-09, 4 days later (at most 2 expected)"]


def test_a_dated_title_must_carry_the_release_date() -> None:
    release = Release(id="x", date=dt.date(2014, 9, 5), posted=dt.date(2014, 9, 9),
                      titles={"ko": "(2014/9/6) " + MEXICO_TITLE})
    assert run_mirror(release) == ["the title says 2014/9/6 but the release date is 2014-09-05"]


def test_mirror_title_follows_the_glossary(glossary) -> None:
    good = Release(id="x", date=dt.date(2014, 9, 5), titles={"ko": "(2014/9/5) 콜롬비아 ‘사슬에 묶인 인신매매 피해자’ 비디오"})
    assert run_mirror(good, glossary=glossary) == []
    forbidden = Release(id="x", date=dt.date(2014, 9, 9), titles={"ko": "국제이민기구, 이라크 지역에 물자 전달"})
    assert run_mirror(forbidden, glossary=glossary) == ['"국제이민기구" is forbidden for "IOM" in the title']
    english = Release(id="x", date=dt.date(2014, 9, 9), titles={"fr": "L’IOM livre des secours en Irak"})
    assert run_mirror(english, lang="fr", glossary=glossary) == [
        '"IOM" is forbidden for "IOM" in the title',
        '"IOM" is left untranslated in the title; the glossary renders it as "OIM"']
    korean_iom = Release(id="x", date=dt.date(2014, 9, 9), titles={"ko": "IOM, UN과 연합해 포위된 이라크 지역에 물자 전달"})
    assert run_mirror(korean_iom, glossary=glossary) == []


def test_mirror_title_with_a_source_title(glossary) -> None:
    from presslate.models import Block, BlockKind

    release = Release(id="x", blocks=[Block(BlockKind.TITLE, "IOM Trains Iraq Government Authorities in Migration Crisis")],
                      titles={"es": "La Organización capacita a las autoridades iraquíes"})
    assert run_mirror(release, lang="es", glossary=glossary) == [
        '"IOM" must be rendered in the title as "OIM"']


def test_one_source_of_many_translated_two_ways_among_consistent_entries() -> None:
    """Only the group that disagrees is reported, with the earliest of its most used translations as reference."""
    entries = [CatalogEntry(f"locales/ko/r{number:03}.po", 10, f"r{number:03}", None, f"Sentence {number % 7}.",
                            f"문장 {number % 7}.") for number in range(60)]
    entries += [CatalogEntry("locales/ko/r100.po", 12, "r100", None, "IOM Erbil", "국제이주기구 에르빌 사무소"),
                CatalogEntry("locales/ko/r101.po", 14, "r101", None, "IOM Erbil", "IOM 아르빌"),
                CatalogEntry("locales/ko/r099.po", 16, "r099", None, "IOM Erbil", "국제이주기구 에르빌 사무소"),
                CatalogEntry("locales/ko/r102.po", 18, "r102", "title", "IOM Erbil", "IOM 아르빌")]
    findings = InconsistentCheck().check(CatalogContext(lang="ko", entries=entries))
    assert [(f.path, f.msgstr) for f in findings] == [("locales/ko/r101.po", "IOM 아르빌")]
    assert "locales/ko/r099.po:16" in findings[0].message
