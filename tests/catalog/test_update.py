"""No-loss updates: kept, fuzzy with previous msgid, obsolete, revived, purged."""

from __future__ import annotations

from presslate.catalog.model import Catalog, Message
from presslate.catalog.update import update_catalog

LEAD = "IOM delivered 1,000 kits of non-food items to internally displaced people in the town, which is between Baghdad and Kirkuk."
LEAD_KO = "IOM은 바그다드와 키르쿠크 사이에 있는 이 마을의 국내실향민에게 비식량 물품 키트 1,000개를 전달했다."
CONVOY = "The convoy carried humanitarian aid provided by UNICEF, WFP and UNFPA."
CONVOY_KO = "호송대는 UNICEF, WFP, UNFPA가 제공한 인도적 지원 물자를 실어 날랐다."
SIEGE = "During the two-month siege, IS cut off supplies, including food, water and medicine to more than 15,000 people in the area."


def template(*msgids: str) -> Catalog:
    return Catalog(
        header={"Project-Id-Version": "test r", "POT-Creation-Date": "2026-11-27 10:00+0000"},
        messages=[Message(msgid=m, references=[f"l10n/releases/r.md:{i + 5}"], auto_comments=[f"paragraph {i + 1}"])
                  for i, m in enumerate(msgids)],
    )


def translated(msgid: str, msgstr: str, **extra) -> Message:
    return Message(msgid=msgid, msgstr=msgstr, **extra)


def test_new_catalog_gets_language_header_and_plural_forms():
    catalog, stats = update_catalog(None, template(LEAD, CONVOY), lang="ko")
    assert catalog.header["Language"] == "ko"
    assert catalog.header["Plural-Forms"] == "nplurals=1; plural=0;"
    assert catalog.header["Content-Type"] == "text/plain; charset=UTF-8"
    assert catalog.header["Language-Team"].startswith("Korean")
    assert [m.msgid for m in catalog.messages] == [LEAD, CONVOY]
    assert stats.new == 2


def test_unchanged_sentences_keep_translation_comments_and_flags():
    old = Catalog(
        header={"Language": "ko", "Last-Translator": "Kim Minji <mkim@iom.int>", "PO-Revision-Date": "2026-11-20 09:00+0900"},
        messages=[translated(LEAD, LEAD_KO, translator_comments=["checked with the Seoul office"], flags=["ignore-numbers"])],
    )
    catalog, stats = update_catalog(old, template(LEAD), lang="ko")
    [message] = catalog.messages
    assert message.msgstr == LEAD_KO
    assert message.translator_comments == ["checked with the Seoul office"]
    assert message.flags == ["ignore-numbers"]
    assert message.references == ["l10n/releases/r.md:5"]
    assert catalog.header["Last-Translator"] == "Kim Minji <mkim@iom.int>"
    assert catalog.header["PO-Revision-Date"] == "2026-11-20 09:00+0900"
    assert stats.kept == 1


def test_changed_sentence_becomes_fuzzy_with_previous_msgid_and_old_one_is_kept_obsolete():
    edited = LEAD.replace("1,000 kits", "1,200 kits")
    old = Catalog(header={"Language": "ko"}, messages=[translated(LEAD, LEAD_KO)])
    catalog, stats = update_catalog(old, template(edited), lang="ko")
    active, gone = catalog.active(), catalog.obsolete()
    assert active[0].msgid == edited
    assert active[0].msgstr == LEAD_KO
    assert active[0].fuzzy and active[0].previous_msgid == LEAD
    assert [(m.msgid, m.msgstr) for m in gone] == [(LEAD, LEAD_KO)]
    assert stats.fuzzy_matched == 1 and stats.obsoleted == 1


def test_unrelated_new_sentence_is_not_fuzzy_matched():
    old = Catalog(header={"Language": "ko"}, messages=[translated(CONVOY, CONVOY_KO)])
    catalog, _ = update_catalog(old, template(SIEGE), lang="ko", fuzzy_threshold=70)
    assert catalog.active()[0].msgstr == ""
    assert not catalog.active()[0].fuzzy
    assert catalog.obsolete()[0].msgstr == CONVOY_KO


def test_removed_sentence_comes_back_from_obsolete_with_its_translation():
    old = Catalog(header={"Language": "ko"}, messages=[translated(LEAD, LEAD_KO)])
    without, _ = update_catalog(old, template(SIEGE), lang="ko")
    back, stats = update_catalog(without, template(LEAD, SIEGE), lang="ko")
    assert back.find(LEAD).msgstr == LEAD_KO and not back.find(LEAD).fuzzy
    assert back.obsolete() == []
    assert stats.revived == 1


def test_purge_obsolete_drops_only_obsolete_entries():
    old = Catalog(header={"Language": "ko"}, messages=[translated(LEAD, LEAD_KO), translated(CONVOY, CONVOY_KO)])
    catalog, stats = update_catalog(old, template(CONVOY), lang="ko", purge_obsolete=True)
    assert [(m.msgid, m.msgstr) for m in catalog.messages] == [(CONVOY, CONVOY_KO)]
    assert stats.purged == 1


def test_untranslated_removed_entries_are_dropped_but_commented_ones_kept():
    old = Catalog(header={"Language": "ko"}, messages=[
        Message(msgid=LEAD), Message(msgid=CONVOY, translator_comments=["ask the desk about UNFPA"])])
    catalog, _ = update_catalog(old, template(SIEGE), lang="ko")
    assert [m.msgid for m in catalog.obsolete()] == [CONVOY]


def test_update_is_idempotent():
    old = Catalog(header={"Language": "ko"}, messages=[translated(LEAD, LEAD_KO)])
    once, _ = update_catalog(old, template(LEAD.replace("1,000", "1,200"), CONVOY), lang="ko")
    twice, stats = update_catalog(once, template(LEAD.replace("1,000", "1,200"), CONVOY), lang="ko")
    assert once.messages == twice.messages and once.header == twice.header
    assert stats.fuzzy_matched == 0 and stats.obsoleted == 0


def test_hints_are_added_as_extracted_comments():
    catalog, _ = update_catalog(None, template(CONVOY), lang="ko", hints=lambda msgid: ["terms: UNICEF (do not translate)"])
    assert catalog.messages[0].auto_comments == ["paragraph 1", "terms: UNICEF (do not translate)"]
