"""The numbers check: values, not strings, across ko, fr, es and ar (cases from the issue and the seed releases)."""

from __future__ import annotations

import pytest

from presslate.checks.languages import rules_for
from presslate.checks.numbers import NumbersCheck
from presslate.checks.numerals import extract_numbers

NB, NN = "\u00a0", "\u202f"
KURDISTAN = "Iraq’s Kurdistan region today holds 50 per cent of all displaced individuals – some 862,458 people."
DISPLACED = ("Through the first 8 months of 2014, over 1.7 million Iraqis have been displaced across Iraq, according "
             "to IOM’s latest Displacement Tracking Matrix (DTM).")

PASSES = [
    # locale grouping and decimal marks (babel): 862,458 = 862 458 (fr, any space) = 862.458 (es)
    ("some 862,458 people", f"quelque 862{NN}458 personnes", "fr"),
    ("some 862,458 people", f"quelque 862{NB}458 personnes", "fr"),
    ("some 862,458 people", "quelque 862 458 personnes", "fr"),
    ("some 862,458 people", "unas 862.458 personas", "es"),
    ("some 862,458 people", "약 862,458명", "ko"),
    ("some 862,458 people", "نحو ٨٦٢٬٤٥٨ شخصاً", "ar"),
    ("some 862,458 people", "نحو 862,458 شخصاً", "ar"),
    # scale words: 1.7 million = 1,7 million = 170만 = 1.7 مليون = 1,7 millones
    ("over 1.7 million Iraqis", "plus de 1,7 million d’Irakiens", "fr"),
    ("over 1.7 million Iraqis", "170만 명이 넘는 이라크인", "ko"),
    ("over 1.7 million Iraqis", "أكثر من 1.7 مليون عراقي", "ar"),
    ("over 1.7 million Iraqis", "أكثر من ١٫٧ مليون عراقي", "ar"),
    ("over 1.7 million Iraqis", "más de 1,7 millones de iraquíes", "es"),
    ("over 1.7 million Iraqis", "plus de 1 700 000 Irakiens", "fr"),
    ("nearly 2.5 million displaced people", "실향민 약 250만 명", "ko"),
    ("over 300,000 people", "30만여 명", "ko"),
    ("more than 15,000 people", "1만 5천 명 이상", "ko"),
    ("almost 200,000 stranded migrants", "قرابة 200 ألف مهاجر عالق", "ar"),
    ("up to one million Egyptians", "최대 100만 명의 이집트인", "ko"),
    # per cent signs and words: 50 per cent = 50 % = 50% = ٪50
    ("50 per cent of all displaced", f"50{NB}% de tous les déplacés", "fr"),
    ("50 per cent of all displaced", "50 % de todos los desplazados", "es"),
    ("50 per cent of all displaced", "전체 실향민의 50%", "ko"),
    ("50 per cent of all displaced", "٪50 من مجموع النازحين", "ar"),
    ("50 per cent of all displaced", "50 في المائة من مجموع النازحين", "ar"),
    ("50 per cent of all displaced", "50 por ciento de los desplazados", "es"),
    (KURDISTAN, f"La région du Kurdistan irakien accueille aujourd’hui 50{NB}% de l’ensemble des personnes "
                f"déplacées, soit quelque 862{NN}458 personnes.", "fr"),
    # years, dates, ordinals
    (DISPLACED, "국제이주기구의 최신 이동추적매트릭스(DTM)에 따르면 2014년 첫 8개월 동안 이라크 전역에서 170만 명이 넘는 "
                "이라크인이 실향했다.", "ko"),
    ("In 2013, IOM assisted about 1,000 trafficking victims.", "وفي عام ٢٠١٣، ساعدت المنظمة نحو ١٬٠٠٠ ضحية.", "ar"),
    ("In 2013, IOM assisted about 1,000 trafficking victims.", "در سال ۲۰۱۳ حدود ۱٬۰۰۰ قربانی", "ar"),
    ("The campaign launched on August 27th.", "La campagne a été lancée le 27 août.", "fr"),
    ("It will run until 5th March.", "Se prolongará hasta el 5 de marzo.", "es"),
    ("IOM Iraq on Sunday (7/9) joined a relief convoy.", "국제이주기구 이라크 사무소는 일요일(9월 7일) 구호 호송대에 합류했다.", "ko"),
    ("Tel: +20 2 27365140/1/2 Ext. 314", "Tél. : +20 2 27365140/1/2 poste 314", "fr"),
    ("Call 27365140/1/2 today.", "Appelez le 27365140/1/2 aujourd’hui.", "fr"),
    # numbers the source spells in words may appear as digits
    ("a two-week capacity-building training", "2주간의 역량 강화 교육", "ko"),
    ("between January and May 2014", "2014년 1월부터 5월까지", "ko"),
    ("IOM also brought in three water filter units.", "국제이주기구는 또한 정수 필터 장치 3대를 들여왔다.", "ko"),
    ("The first World Humanitarian Summit", "제1차 세계인도주의정상회의", "ko"),
    # an English-style grouping in a Spanish text is read both ways
    ("a total of 43,863 migrants", "un total de 43,863 migrantes", "es"),
    # no numbers at all, or numbers only inside URLs and e-mails
    ("For more information on IOM’s DTM, please go to www.iomiraq.net", "DTM: www.iomiraq.net", "ko"),
    ("Email: smegy2@iom.int", "Courriel : smegy2@iom.int", "fr"),
]

FAILS = [
    ("some 862,458 people", "quelque 826 458 personnes", "fr", "862,458 became 826 458 in the translation"),
    ("some 862,458 people", "نحو ٨٦٢٬٤٥٩ شخصاً", "ar", "862,458 became ٨٦٢٬٤٥٩ in the translation"),
    ("over 1.7 million Iraqis", "plus de 1,5 million d’Irakiens", "fr", "1.7 million became 1,5 million in the translation"),
    ("over 1.7 million Iraqis", "17만 명이 넘는 이라크인", "ko", "1.7 million became 17만 in the translation"),
    ("nearly 2.5 million displaced people", "실향민 약 25만 명", "ko", "2.5 million became 25만 in the translation"),
    ("It identifies 1,634 specific locations", "보고서는 구체적인 장소를 파악하고 있다", "ko", "1,634 is missing from the translation"),
    ("IOM delivered kits of non-food items.", "국제이주기구는 비식량 물품 키트 1,000개를 전달했다.", "ko",
     "the translation has 1,000, which is not in the source"),
    ("since violence erupted there in 2011", "desde que estalló la violencia en 2012", "es", "2011 became 2012 in the translation"),
    ("It will run until 20th March.", "Elle durera jusqu’au 21 mars.", "fr", "20 became 21 in the translation"),
    ("50 per cent of all displaced", "50 شخصاً من النازحين", "ar", "50 per cent is not a percentage in the translation (50)"),
    ("Call 27365140/1/2 today.", "Appelez le 27365140/1 aujourd’hui.", "fr", "2 is missing from the translation"),
    (KURDISTAN, "La région du Kurdistan irakien accueille aujourd’hui 50 % des déplacés, soit 862 000 personnes.", "fr",
     "862,458 became 862 000 in the translation"),
]


@pytest.mark.parametrize(("source", "target", "lang"), PASSES)
def test_numbers_pass(messages_of, source: str, target: str, lang: str) -> None:
    assert messages_of(NumbersCheck, source, target, lang) == []


@pytest.mark.parametrize(("source", "target", "lang", "message"), FAILS)
def test_numbers_fail(messages_of, source: str, target: str, lang: str, message: str) -> None:
    assert message in messages_of(NumbersCheck, source, target, lang)


def test_a_number_changed_and_another_dropped_are_two_findings(messages_of) -> None:
    found = messages_of(NumbersCheck, "In 2013, IOM assisted about 1,000 trafficking victims.",
                        "En 2012, l’OIM a aidé des victimes.", "fr")
    assert found == ["2013 is missing from the translation", "1,000 is missing from the translation",
                     "the translation has 2012, which is not in the source"]


@pytest.mark.parametrize(("text", "lang", "values"), [
    (f"862{NN}458", "fr", ["862458"]),
    ("862.458", "es", ["862458", "862.458"]),
    ("1,7 millones", "es", ["1700000"]),
    ("3 mil millones", "es", ["3000000000"]),
    ("1억 2천만", "ko", ["120000000"]),
    ("3,110만", "ko", ["31100000"]),
    ("١٬٥٠٠", "ar", ["1500"]),
    ("۲۰۱۴", "ar", ["2014"]),
])
def test_extract_numbers_reads_values(text: str, lang: str, values: list[str]) -> None:
    tokens = extract_numbers(text, rules_for(lang))
    assert [str(value) for value in tokens[0].values] == values


def test_source_numbers_read_with_english_marks_only() -> None:
    tokens = extract_numbers("some 862,458 people, 1.7 million, 20th", rules_for("en"), strict=True)
    assert [(token.text, str(token.value)) for token in tokens] == [
        ("862,458", "862458"), ("1.7 million", "1700000"), ("20", "20")]


@pytest.mark.parametrize(("text", "lang", "values"), [
    ("In 2013, IOM assisted ١٬٠٠٠ victims", "ar", [["2013"], ["1000"]]),  # native digits after ASCII ones
    ("50 p. ١٠٠ des déplacés", "fr", [["50"]]),  # the per-cent word reads with native digits too
    ("१२ and 3", "en", [["12"], ["3"]]),  # other digits are numbers once the text has an ASCII one
    ("१२ only", "en", []),
])
def test_extract_numbers_reads_texts_with_non_ascii_digits(text: str, lang: str, values: list[list[str]]) -> None:
    tokens = extract_numbers(text, rules_for(lang))
    assert [[str(value) for value in token.values] for token in tokens] == values


def test_percent_word_with_native_digits_marks_a_percentage() -> None:
    assert [token.percent for token in extract_numbers("50 p. ١٠٠", rules_for("fr"))] == [True]


@pytest.mark.parametrize(("raw", "lang", "strict", "expected"), [
    ("1000", "en", True, ["1000"]),
    ("0012", "fr", False, ["12"]),
    ("1,000", "en", True, ["1000"]),
    ("4,603", "fr", False, ["4.603", "4603"]),
    ("1.70", "en", True, ["1.7"]),
    ("2.0", "en", True, ["2"]),
    ("1" * 29, "en", True, []),  # more digits than Decimal's context: unreadable, as before
])
def test_readings_are_canonical(raw: str, lang: str, strict: bool, expected: list[str]) -> None:
    from presslate.checks.numerals import _readings

    values = _readings(raw, rules_for(lang), strict=strict)
    assert [str(value) for value in values] == expected
    assert all(value.as_tuple().exponent <= 0 for value in values)  # 1000, not 1E+3


def test_numbers_in_protected_spans_are_skipped_with_few_digits_too() -> None:
    from presslate.checks.numerals import numbers_of

    assert [token.text for token in numbers_of("Email: smegy2@iom.int, 3 days", "en")] == ["3"]
    assert [token.text for token in numbers_of("Tel: 12 34", "en")] == ["12", "34"]
    assert [token.text for token in numbers_of("Tel: +20 2 27365140 in 2014", "en")] == ["2014"]


@pytest.mark.parametrize("target", ["5 millionſ de personnes", "5 MILLIONS de personnes", "5 Millions de personnes"])
def test_scale_words_in_any_case_the_pattern_accepts(target: str) -> None:
    """A scale word re matches case-insensitively is read, even where str.lower keeps a letter (long s)."""
    [token] = extract_numbers(target, rules_for("fr"))
    assert token.value == 5_000_000
