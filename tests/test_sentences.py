"""Tests of presslate.sentences: golden sets per language, span invariants, contact-line detection."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from presslate import sentences
from presslate.sentences import is_no_translate, sentence_texts, split_sentences

GOLDEN_DIR = Path(__file__).parent / "data" / "sentences"
SEPARATOR = "|||"

# Share of golden cases (all languages) that must be segmented exactly. Measured: 293 of
# 295 (0.993), the two misses being KNOWN_FAILURES; 0.99 leaves no room for a third.
# (pySBD scores 0.868 and sentencex 0.881 on the same rows: bench/bench_sentences.py.)
ACCURACY_THRESHOLD = 0.99

# Cases the rules get wrong on purpose, with the reason. strict: fixing one fails the run
# so that it is moved out of this list.
KNOWN_FAILURES = {
    "gr-18": "'6 a.m. Mr.' and '5 P.M. Mr.' differ only by case; both are kept together "
    "(pySBD marks this Golden Rule xfail too)",
    "iom-question-quote-cap": "a capitalised name after ?” looks like a new sentence; telling a "
    "reporting clause ('Ambassador Higuera asked') from one needs a verb lexicon",
}


@dataclass(frozen=True)
class Case:
    """One golden row: an id, the language, the input and the expected sentences."""

    id: str
    lang: str
    text: str
    expected: tuple[str, ...]


def load_golden(path: Path) -> list[Case]:
    """Rows of ``golden_<lang>.tsv``: ``id <TAB> text <TAB> s1 ||| s2 ...``; '#' lines are comments."""
    lang = path.stem.removeprefix("golden_")
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        assert len(fields) == 3, f"{path.name}:{number}: expected 3 tab-separated fields"
        case_id, text, expected = fields
        cases.append(Case(case_id, lang, text, tuple(part.strip() for part in expected.split(SEPARATOR))))
    return cases


GOLDEN_FILES = sorted(GOLDEN_DIR.glob("golden_*.tsv"))
ALL_CASES = [case for path in GOLDEN_FILES for case in load_golden(path)]


def _param(case: Case) -> object:
    marks = []
    if case.id in KNOWN_FAILURES:
        marks.append(pytest.mark.xfail(reason=KNOWN_FAILURES[case.id], strict=True))
    return pytest.param(case, id=f"{case.lang}:{case.id}", marks=marks)


def test_golden_files_present() -> None:
    assert {path.stem for path in GOLDEN_FILES} >= {"golden_en", "golden_fr", "golden_es", "golden_ko", "golden_ar"}
    assert sum(case.lang == "en" for case in ALL_CASES) >= 200
    assert len({(case.lang, case.id) for case in ALL_CASES}) == len(ALL_CASES), "duplicate ids"
    assert set(KNOWN_FAILURES) <= {case.id for case in ALL_CASES}


@pytest.mark.parametrize("case", [pytest.param(c, id=f"{c.lang}:{c.id}") for c in ALL_CASES])
def test_golden_row_is_consistent(case: Case) -> None:
    """The expected sentences are the input, in order, separated by whitespace only."""
    position = 0
    for sentence in case.expected:
        assert sentence and sentence == sentence.strip()
        found = case.text.find(sentence, position)
        assert found >= 0, f"{sentence!r} not in the input after offset {position}"
        assert not case.text[position:found].strip(), f"non-space text skipped before {sentence!r}"
        position = found + len(sentence)
    assert not case.text[position:].strip()


@pytest.mark.parametrize("case", [_param(c) for c in ALL_CASES])
def test_golden(case: Case) -> None:
    assert sentence_texts(case.text, case.lang) == list(case.expected)


def test_golden_accuracy(capsys: pytest.CaptureFixture[str]) -> None:
    exact = [case for case in ALL_CASES if sentence_texts(case.text, case.lang) == list(case.expected)]
    share = len(exact) / len(ALL_CASES)
    with capsys.disabled():
        print(f"\nsentence golden accuracy: {len(exact)}/{len(ALL_CASES)} = {share:.3f}")
    assert share >= ACCURACY_THRESHOLD


@pytest.mark.parametrize("case", [pytest.param(c, id=f"{c.lang}:{c.id}") for c in ALL_CASES])
def test_span_invariants(case: Case) -> None:
    spans = split_sentences(case.text, case.lang)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(case.text)
        piece = case.text[start:end]
        assert piece == piece.strip()
        assert not case.text[previous_end:start].strip()
        previous_end = end
    assert not case.text[previous_end:].strip()


# --- behaviour outside the golden rows ------------------------------------------------


def test_empty_and_blank() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n ") == []


def test_spans_are_offsets_into_the_input() -> None:
    text = "  IOM opened an office.   It serves 2,000 families.  "
    assert split_sentences(text) == [(2, 23), (26, 51)]
    assert [text[s:e] for s, e in split_sentences(text)] == sentence_texts(text)


def test_line_breaks_always_separate() -> None:
    text = "For more information please contact\nSusan Megy\nTel. +964 750 0166 072\nEmail: smegy@iom.int"
    assert sentence_texts(text) == [
        "For more information please contact",
        "Susan Megy",
        "Tel. +964 750 0166 072",
        "Email: smegy@iom.int",
    ]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("zh_Hans", "国际移民组织今天发布报告。报告指出情况严重！", ["国际移民组织今天发布报告。", "报告指出情况严重！"]),
        ("zh_Hans", "他问：“他们会帮忙吗？”没有人回答。", ["他问：“他们会帮忙吗？”没有人回答。"]),
        ("zh_Hant", "他說：「我們會留下。」然後離開了。", ["他說：「我們會留下。」", "然後離開了。"]),
        ("ja", "移民は増えています。支援が必要です！", ["移民は増えています。", "支援が必要です！"]),
        ("hi", "आईओएम ने सहायता दी। परिवार सुरक्षित हैं।", ["आईओएम ने सहायता दी।", "परिवार सुरक्षित हैं।"]),
    ],
)
def test_scripts_without_spaces_or_case(lang: str, text: str, expected: list[str]) -> None:
    assert sentence_texts(text, lang) == expected


@pytest.mark.parametrize("lang", ["en", "en_GB", "en-US", "EN"])
def test_region_and_case_of_lang_use_the_base_data(lang: str) -> None:
    assert sentence_texts("Dr. Ahmed met Ms. Black. They left.", lang) == ["Dr. Ahmed met Ms. Black.", "They left."]


def test_unknown_language_falls_back_to_generic_rules() -> None:
    # No abbreviation data: "Dr." is an ordinary word, but punctuation rules still apply.
    assert sentence_texts("Dr. Ahmed met the team. They left.", "xx") == ["Dr.", "Ahmed met the team.", "They left."]
    assert sentence_texts("Version 1.7 was used (3/3). It worked.", "xx") == ["Version 1.7 was used (3/3).", "It worked."]


@pytest.mark.parametrize("lang", ["", "../en", "en/../fr", "x"])
def test_odd_language_codes_use_generic_rules(lang: str) -> None:
    assert sentences._base_language(lang) == ""
    assert sentence_texts("It rained. We left.", lang) == ["It rained.", "We left."]


def test_pt_br_uses_portuguese_data() -> None:
    assert sentence_texts("A Sra. Silva visitou o campo. Ela falou com as famílias.", "pt_BR") == [
        "A Sra. Silva visitou o campo.",
        "Ela falou com as famílias.",
    ]


def test_korean_and_arabic_keep_english_abbreviations() -> None:
    assert sentence_texts("Tel. +964 750 0166 072 Dr. Ahmed", "ko") == ["Tel. +964 750 0166 072 Dr. Ahmed"]
    assert sentence_texts("قال Dr. Ahmed ذلك. وغادر.", "ar") == ["قال Dr. Ahmed ذلك.", "وغادر."]


def test_abbreviation_data_is_loaded_once() -> None:
    assert sentences._rules("en") is sentences._rules("en")
    rules = sentences._rules("en")
    assert {"mr", "dr", "st"} <= rules.prefix and {"e.g", "cf"} <= rules.prefix_any
    assert {"no", "tel", "ext", "jan", "etc", "u.s"} - rules.abbrev == {"u.s"}  # dotted forms need no entry
    assert "The" in rules.starters
    assert sentences._rules("ko").prefix >= {"mr", "dr"}  # via @include en


def test_every_data_file_parses_into_known_sections() -> None:
    data = Path(sentences.__file__).parent / "data" / "abbreviations"
    for path in sorted(data.glob("*.txt")):
        sections = sentences._read_sections(path.stem)
        assert set(sections) == {"prefix", "abbrev", "starters"}, path.name
        assert any(sections.values()), path.name


@pytest.mark.parametrize("text", ["." * 20000, "?!" * 10000, "…" * 20000, ".”" * 10000, "x. " * 20000])
def test_long_runs_of_punctuation_stay_linear(text: str) -> None:
    # A backtracking regex took ~17 s on 20,000 dots; linear scanning takes milliseconds.
    started = time.perf_counter()
    spans = split_sentences(text)
    assert time.perf_counter() - started < 2.0
    assert spans and not text[spans[-1][1] :].strip()


def test_random_text_keeps_span_invariants() -> None:
    pieces = list("aB .!?…“”\"'«»()[]\n\t1。！？다؟•-") + ["Mr.", "U.S.", " a.m. ", "Tel. ", "1. ", " 2. ", "@", "www."]
    generator = random.Random(7)
    for _ in range(2000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 40)))
        for lang in ("en", "ko", "zh"):
            previous_end = 0
            for start, end in split_sentences(text, lang):
                assert previous_end <= start < end <= len(text), text
                assert text[start:end] == text[start:end].strip(), text
                assert not text[previous_end:start].strip(), text
                previous_end = end
            assert not text[previous_end:].strip(), text


# --- is_no_translate ------------------------------------------------------------------

NO_TRANSLATE = [
    # contact lines of the seed pages
    "Tel: +20 2 27365140/1/2 Ext. 314",
    "Tel: +20 2 27365140/1/2 Ext. 308",
    "Email: msalvatore@iom.int",
    "Email: scraggs@iom.int",
    "Tel. +964 750 0166 072",
    "Email: smegy@iom.int",
    "Email: sblack@iom.int",
    "Email: aschaefer@iom.int",
    "Tel. +236 7218 7635",
    "Email: cwalls@iom.int ",
    "Tel: +52 55 55 36 39 22",
    "Email: obelbeisi@iom.int",
    "www.iomiraq.net",
    # other labels and forms
    "E-mail: sblack@iom.int",
    "e-mail: sblack@iom.int",
    "Mobile: +964 751 234 2550",
    "Mob. +964 751 234 2550",
    "Fax: +41 22 798 6150",
    "Phone: (202) 555-0100",
    "Tel./Fax: +41 22 717 9111",
    "T: +41 22 717 9111",
    "sblack@iom.int",
    "<sblack@iom.int>",
    "+964 751 234 2550",
    "https://www.iom.int/news/iraq",
    "Website: https://iraq.iom.int",
    "iom.int",
    "Tel: +964 751 234 2550, Email: sblack@iom.int",
    "Email: sblack@iom.int / smegy@iom.int",
]

TRANSLATE = [
    # seed lines that carry words to translate
    "For more information on IOM’s DTM, please go to www.iomiraq.net",
    "For further information please contact: Sandra Black, IOM Iraq, Tel: +964 751 234 2550, Email: sblack@iom.int",
    "For more information, please contact Mr. Tamim Elyan: telyan@iom.int",
    "Sandra Black",
    "IOM Erbil",
    "Posted on Tue, Sep-09-2014",
    "Views – 234",
    "(2014/9/9) IOM, UN과 연합해 포위된 이라크 지역에 물자 전달",
    "31.1 million",
    "KEY FIGURES (2022)",
    "or",
    # near misses
    "",
    "   ",
    "Email:",
    "Tel.",
    "2014",
    "(2014/9/9)",
    "09/09/2014",
    "e.g.",
    "U.S.",
    "Mr.Smith",
    "Ext. 314 is busy",
    "Call +964 751 234 2550",
    "Email sblack@iom.int today",
]


@pytest.mark.parametrize("line", NO_TRANSLATE)
def test_no_translate_lines(line: str) -> None:
    assert is_no_translate(line)


@pytest.mark.parametrize("line", TRANSLATE)
def test_translate_lines(line: str) -> None:
    assert not is_no_translate(line)


