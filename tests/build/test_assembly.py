"""Rebuilding a release from segments and translations: joining, fallbacks, titles, coverage, structure."""

from __future__ import annotations

import datetime as dt

import pytest

from presslate.build.assembly import Translation, assemble_page, clean_translation, usable_translations
from presslate.build.model import PageBlockKind
from presslate.build.settings import BuildSettings, package_layer
from presslate.catalog.model import Catalog, Message, draft_comment
from presslate.releasefile import parse_release
from presslate.segment import segment_release

# Seed page 003 (title, dateline paragraph, a two-sentence paragraph, contact laid out as on page 002)
# and list items of seed 001.
RELEASE = """\
---
id: iom-trains-iraq-government-authorities-in-migration-crisis
dateline: Iraq
titles:
  es: La OIM forma a autoridades del Gobierno iraquí en gestión de crisis migratorias
---

# IOM Trains Iraq Government Authorities in Migration Crisis Management

Iraq - IOM Iraq held a migration crisis response training this past week for representatives of the Ministry of Migration and Displacement (MoMD), the governor’s office, and provincial council members from the governorates of Baghdad, Babylon, Kerbala, Missan, Najaf and Qadissiya.

MCOF is an analytical and operational tool to identify and address gaps in responses to migration crises, and to direct the assistance and protection needs of crisis-affected, vulnerable populations. The MCOF is the basis of IOM’s response in Iraq, and is applied to build capacities of Iraqi authorities directly involved in migration crisis management.

- People move, or require support to move, to get out of harm’s way
- Populations return home, relocate or integrate into local communities as part of their recovery from the crisis

<!-- contact -->

For further information please contact:

Sandra Black
Tel. +964 751 234 2550
Email: sblack@iom.int
"""
TITLE = "IOM Trains Iraq Government Authorities in Migration Crisis Management"
LEAD = ("IOM Iraq held a migration crisis response training this past week for representatives of the Ministry of "
        "Migration and Displacement (MoMD), the governor’s office, and provincial council members from the "
        "governorates of Baghdad, Babylon, Kerbala, Missan, Najaf and Qadissiya.")
MCOF_1 = ("MCOF is an analytical and operational tool to identify and address gaps in responses to migration crises, "
          "and to direct the assistance and protection needs of crisis-affected, vulnerable populations.")
MCOF_2 = ("The MCOF is the basis of IOM’s response in Iraq, and is applied to build capacities of Iraqi authorities "
          "directly involved in migration crisis management.")
KOREAN = {
    TITLE: "IOM, 이라크 정부 당국자 대상 이주 위기 관리 교육 실시",
    "Iraq": "이라크",
    LEAD: "IOM 이라크 사무소는 지난주 이주실향부(MoMD), 주지사실, 그리고 바그다드, 바빌, 카르발라, 미산, 나자프, "
          "까디시야 주의회 의원들을 대상으로 이주 위기 대응 교육을 실시했다.",
    MCOF_1: "MCOF는 이주 위기 대응의 공백을 파악해 메우고, 위기의 영향을 받은 취약 계층의 지원 및 보호 수요에 대응하기 위한 "
            "분석·운영 도구이다.",
    MCOF_2: "MCOF는 이라크에서 IOM이 펼치는 대응의 기반이며, 이주 위기 관리에 직접 관여하는 이라크 당국의 역량을 강화하는 데 "
            "활용되고 있다.",
}
CHINESE = {
    MCOF_1: "MCOF是一种分析和业务工具，用于识别和弥补应对移民危机中的缺口，并满足受危机影响的弱势人群的援助和保护需求。",
    MCOF_2: "MCOF是国际移民组织在伊拉克开展应对工作的基础，并被用于增强直接参与移民危机管理的伊拉克当局的能力。",
}


def build(translations: dict[str, str], lang: str = "ko", *, date: dt.date | None = None, drafts: set[str] = frozenset()):
    release = parse_release(RELEASE)
    release.date = date
    segments = segment_release(release)
    table = {msgid: Translation(text, draft=msgid in drafts) for msgid, text in translations.items()}
    settings = BuildSettings(layers=(package_layer(),)).for_language(lang)
    return assemble_page(release, segments, table, settings=settings, source_language="en")


def paragraphs(page) -> list[str]:
    return [block.lines[0].text for block in page.blocks if block.kind is PageBlockKind.PARAGRAPH]


def test_korean_sentences_are_joined_with_a_space_and_the_dateline_keeps_its_separator() -> None:
    page = build(KOREAN)

    assert paragraphs(page) == [f"이라크 - {KOREAN[LEAD]}", f"{KOREAN[MCOF_1]} {KOREAN[MCOF_2]}"]


def test_chinese_sentences_are_joined_without_a_space() -> None:
    page = build(CHINESE, "zh_Hans")

    assert paragraphs(page)[1] == CHINESE[MCOF_1] + CHINESE[MCOF_2]


def test_untranslated_sentences_fall_back_to_the_source_with_its_spacing() -> None:
    page = build({MCOF_2: KOREAN[MCOF_2]})

    first, second = (block.lines[0] for block in page.blocks if block.kind is PageBlockKind.PARAGRAPH)
    assert (first.text, first.fallback) == (f"Iraq - {LEAD}", True)
    assert (second.text, second.fallback) == (f"{MCOF_1} {KOREAN[MCOF_2]}", False)


def test_title_comes_from_the_catalog_then_the_front_matter_then_the_source() -> None:
    assert (build(KOREAN).title, build(KOREAN).title_fallback) == (KOREAN[TITLE], False)
    spanish = build({}, "es")
    assert (spanish.title, spanish.title_fallback) == (
        "La OIM forma a autoridades del Gobierno iraquí en gestión de crisis migratorias", False)
    french = build({}, "fr")
    assert (french.title, french.title_fallback) == (TITLE, True)


def test_title_line_without_a_date_falls_back_to_the_plain_title() -> None:
    assert build(KOREAN).title_line == KOREAN[TITLE]
    assert build(KOREAN, date=dt.date(2015, 5, 26)).title_line == f"(2015/5/26) {KOREAN[TITLE]}"


def test_coverage_counts_source_words_of_translatable_sentences() -> None:
    page = build({TITLE: KOREAN[TITLE], "Iraq": "이라크"})

    words = {text: len(text.split()) for text in (TITLE, "Iraq", LEAD, MCOF_1, MCOF_2)}
    assert page.coverage.translated_words == words[TITLE] + words["Iraq"]
    assert page.coverage.translated_segments == 2
    assert page.coverage.total_segments == 8  # title, dateline, 3 sentences, 2 list items, contact intro
    assert 0 < page.coverage.percent < 100
    assert build(dict(KOREAN, **{
        "People move, or require support to move, to get out of harm’s way": "사람들이 위험을 피해 이동하거나 이동 지원을 필요로 하는 경우",
        "Populations return home, relocate or integrate into local communities as part of their recovery from the crisis":
            "위기에서 회복하는 과정에서 주민들이 귀환하거나 이주하거나 지역 사회에 통합되는 경우",
        "For further information please contact:": "자세한 내용은 다음으로 문의하십시오:",
    })).coverage.percent == 100


def test_lists_and_contact_groups_keep_their_structure_and_verbatim_lines() -> None:
    page = build(KOREAN)

    kinds = [(block.kind, len(block.lines)) for block in page.blocks]
    assert kinds == [(PageBlockKind.PARAGRAPH, 1), (PageBlockKind.PARAGRAPH, 1), (PageBlockKind.LIST, 2),
                     (PageBlockKind.CONTACT, 1), (PageBlockKind.CONTACT, 3)]
    assert [line.text for line in page.blocks[-1].lines] == ["Sandra Black", "Tel. +964 751 234 2550",
                                                             "Email: sblack@iom.int"]
    assert not any(line.fallback for line in page.blocks[-1].lines)


def test_drafts_are_counted() -> None:
    assert build(KOREAN, drafts={MCOF_1}).coverage.drafts == 1


def catalog_with(*messages: Message) -> Catalog:
    return Catalog(header={"Language": "ko"}, messages=list(messages))


def test_usable_translations_leave_out_fuzzy_drafts_and_obsolete_entries() -> None:
    catalog = catalog_with(
        Message(msgid=LEAD, msgstr=KOREAN[LEAD]),
        Message(msgid=MCOF_1, msgstr=KOREAN[MCOF_1], flags=["fuzzy"]),
        Message(msgid=MCOF_2, msgstr=KOREAN[MCOF_2], flags=["fuzzy"], translator_comments=[draft_comment("google")]),
        Message(msgid=TITLE, msgstr=KOREAN[TITLE], obsolete=True),
        Message(msgid="Iraq", msgstr=""),
    )

    assert set(usable_translations(catalog, include_drafts=False)) == {LEAD}
    with_drafts = usable_translations(catalog, include_drafts=True)
    assert set(with_drafts) == {LEAD, MCOF_1, MCOF_2}
    assert with_drafts[MCOF_2].draft and not with_drafts[LEAD].draft


@pytest.mark.parametrize(("typed", "published"), [
    ("첫 줄\n둘째 줄", "첫 줄 둘째 줄"),
    ("  L’OIM a remis 1\u202f000 kits.\n", "L’OIM a remis 1\u202f000 kits."),
    ("«\u00a0Bonjour\u00a0»", "«\u00a0Bonjour\u00a0»"),
])
def test_clean_translation_joins_lines_and_keeps_no_break_spaces(typed: str, published: str) -> None:
    assert clean_translation(typed) == published
