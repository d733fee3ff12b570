"""Word counts as translators are quoted them (pocount's Unicode word boundaries) and CJK character counts."""

from __future__ import annotations

import pytest

from presslate.report.words import count_characters, count_target, count_words, target_unit

# (text, words): expected values are what Translate Toolkit's pocount (UAX #29 word segmentation) reports.
WORD_CASES = [
    ("IOM Trains Iraq Government Authorities in Migration Crisis Management", 9),
    ("Egypt - IOM is participating in this week’s regional consultations in Amman, Jordan.", 12),
    ("with some 67,550 people assisted in Yemen", 7),
    ("inter-governmental organization", 3),
    ("U.N. figures: 3.5 per cent (2022/2/28)", 8),
    ("For more information, please contact Mr. Tamim Elyan: telyan@iom.int", 10),
    ("<b>Key</b> figures<br/>2022", 3),
    ("", 0),
    ("– – …", 0),
    ("国际移民组织 is", 7),
    ("국제이주기구(IOM)는 말했다.", 4),
]


@pytest.mark.parametrize(("text", "words"), WORD_CASES)
def test_source_words_follow_unicode_word_boundaries(text, words):
    assert count_words(text) == words


def test_korean_chinese_japanese_targets_are_counted_in_characters_without_spaces_or_punctuation():
    assert target_unit("ko") == target_unit("zh_Hans") == target_unit("ja") == "characters"
    assert count_target("국제이주기구, 이라크 정부 당국에 교육 실시", "ko") == 18
    assert count_characters("이주 위기. IOM!") == 7


def test_other_targets_are_counted_in_words():
    assert target_unit("fr") == target_unit("ar") == target_unit("pt_BR") == "words"
    assert count_target("L’OIM forme les autorités iraquiennes", "fr") == 5
    assert count_target("المنظمة الدولية للهجرة", "ar") == 3
