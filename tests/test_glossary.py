"""The glossary model, reading and validating glossary.csv, and its spreadsheet-safe CSV export."""

from __future__ import annotations

from pathlib import Path

import pytest

from presslate.errors import GlossaryError
from presslate.glossary import (
    Term,
    format_glossary_csv,
    glossary_signature,
    load_glossary,
    neutralise_formula,
    parse_bool,
    parse_glossary,
    validate_glossary,
)
from presslate.workspace import GLOSSARY_HEADER, init_workspace

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "glossary.csv"
DATA = Path(__file__).resolve().parent / "data" / "glossary"
HEADER = "term,kind,case_sensitive,do_not_translate,note,ko,ko_forbidden,fr,fr_forbidden\n"


def problems_of(text: str) -> list[tuple[int | None, str]]:
    return [(problem.line, problem.message) for problem in parse_glossary(text)[1]]


# --- The shipped glossary --------------------------------------------------------------------------------------

def test_shipped_glossary_is_valid_and_covers_the_four_languages() -> None:
    assert validate_glossary(SHIPPED) == []
    glossary = load_glossary(SHIPPED)
    assert glossary.languages == ("ko", "fr", "es", "ar")
    required = [
        "IOM", "International Organization for Migration", "DTM", "Displacement Tracking Matrix", "MCOF",
        "Migration Crisis Operational Framework", "internally displaced persons", "IDP", "human trafficking",
        "trafficking in persons", "migrant", "refugee", "UNHCR", "UNICEF", "WFP", "EU", "European Union", "MENA",
        "Middle East and North Africa", "GCM", "Global Compact for Safe, Orderly and Regular Migration", "IMRF",
        "International Migration Review Forum", "USAID", "UN", "United Nations", "Chief of Mission",
    ]
    terms = {term.term for term in glossary.terms}
    assert [name for name in required if name not in terms] == []


@pytest.mark.parametrize(("term", "lang", "preferred", "also_approved"), [
    ("IOM", "ko", "국제이주기구", ["IOM"]),
    ("IOM", "fr", "OIM", []),
    ("IOM", "es", "OIM", []),
    ("IOM", "ar", "المنظمة الدولية للهجرة", []),
    ("International Organization for Migration", "fr", "Organisation internationale pour les migrations", []),
    ("International Organization for Migration", "es", "Organización Internacional para las Migraciones", []),
    ("DTM", "fr", "Matrice de suivi des déplacements (DTM)", ["DTM"]),
    ("DTM", "es", "Matriz de Seguimiento de Desplazamientos (DTM)", ["DTM"]),
    ("internally displaced persons", "fr", "déplacés internes", []),
    ("internally displaced persons", "es", "desplazados internos", []),
    ("internally displaced persons", "ar", "النازحين داخليا", ["النازحون داخليا"]),
    ("internally displaced persons", "ko", "국내실향민", []),
    ("human trafficking", "ko", "인신매매", []),
    ("USAID", "ar", "USAID", []),
])
def test_shipped_glossary_facts(term: str, lang: str, preferred: str, also_approved: list[str]) -> None:
    entry = load_glossary(SHIPPED).find(term)
    assert entry is not None
    assert entry.preferred(lang) == preferred
    assert set(also_approved) <= set(entry.accepted(lang))


def test_shipped_glossary_has_forbidden_variants_where_they_matter() -> None:
    glossary = load_glossary(SHIPPED)
    assert "منظمة الهجرة الدولية" in glossary.find("IOM").forbidden_in("ar")
    assert "tráfico de personas" in glossary.find("human trafficking").forbidden_in("es")
    assert "réfugiés internes" in glossary.find("internally displaced persons").forbidden_in("fr")


def test_workspace_init_writes_a_header_the_loader_accepts(tmp_path: Path) -> None:
    init_workspace(tmp_path / "ws", languages=["ko", "fr", "es", "ar"])
    path = tmp_path / "ws" / "glossary.csv"
    assert path.read_text(encoding="utf-8").startswith(GLOSSARY_HEADER)
    glossary = load_glossary(path)
    assert glossary.terms == [] and glossary.languages == ("ko", "fr", "es", "ar")


# --- Reading ---------------------------------------------------------------------------------------------------

def test_a_row_becomes_a_term_with_variants_per_language() -> None:
    glossary, problems = parse_glossary(
        HEADER + "IOM,acronym,,,The Organization,국제이주기구 | IOM,국제이민기구,OIM,\n", path=Path("glossary.csv")
    )
    assert problems == []
    assert glossary.terms == [
        Term(term="IOM", kind="acronym", case_sensitive=True, do_not_translate=False, note="The Organization",
             approved={"ko": ("국제이주기구", "IOM"), "fr": ("OIM",)}, forbidden={"ko": ("국제이민기구",)}, row=2)
    ]
    assert glossary.for_language("es") == []


@pytest.mark.parametrize(("kind", "cell", "expected"), [
    ("acronym", "", True), ("term", "", False), ("name", "", False), ("term", "YES", True), ("acronym", "no", False),
    ("term", "true", True), ("term", "1", True), ("acronym", "False", False), ("acronym", "0", False),
])
def test_case_sensitive_defaults_to_yes_for_acronyms_only(kind: str, cell: str, expected: bool) -> None:
    glossary, problems = parse_glossary(f"term,kind,case_sensitive\nX,{kind},{cell}\n")
    assert problems == []
    assert glossary.terms[0].case_sensitive is expected


def test_do_not_translate_term_is_its_own_preferred_rendering() -> None:
    glossary, _ = parse_glossary("term,kind,do_not_translate,ko,ko_forbidden,fr\nUSAID,acronym,yes,미국국제개발처,유에스에이드,\n")
    term = glossary.terms[0]
    assert term.preferred("fr") == "USAID"
    assert term.preferred("ko") == "USAID"
    assert term.accepted("ko") == ("USAID", "미국국제개발처")
    assert term.accepted("fr") == ("USAID",)
    assert glossary.for_language("fr") == [term]


def test_byte_order_mark_blank_rows_and_spreadsheet_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    path.write_bytes(("\ufeff" + HEADER + "\nIOM,acronym,,,,IOM,,OIM,\n,,,,,,,,\n,,,,a note without its term,,,,\n").encode("utf-8"))
    assert [(p.line, p.message) for p in validate_glossary(path)] == [(5, "missing term (the 'term' cell is empty)")]
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path)
    assert str(caught.value) == f"{path}:5: missing term (the 'term' cell is empty)"


def test_a_quoted_note_may_span_lines_but_a_term_may_not() -> None:
    glossary, problems = parse_glossary('term,note,fr\nIOM,"line one\nline two",OIM\n"I\nOM",,OIM\n')
    assert glossary.terms[0].note == "line one\nline two"
    assert [(p.line, p.message) for p in problems] == [(3, "term: contains a control character or line break")]


@pytest.mark.parametrize("separator", [";", "\t"])
def test_semicolon_or_tab_separated_files_from_spreadsheets(separator: str) -> None:
    text = separator.join(["term", "kind", "note", "fr"]) + "\n" + separator.join(["IOM", "acronym", "a, b", "OIM"]) + "\n"
    glossary, problems = parse_glossary(text)
    assert problems == []
    assert (glossary.terms[0].note, glossary.terms[0].approved) == ("a, b", {"fr": ("OIM",)})


def test_cells_are_unicode_normalised() -> None:
    decomposed = "de\u0301place\u0301s internes"
    glossary, _ = parse_glossary(f"term,fr\nIDP,{decomposed}\n")
    assert glossary.terms[0].approved["fr"] == ("déplacés internes",)


# --- Validation: every problem, one line per malformed row --------------------------------------------------------

def test_broken_rows_fixture_reports_every_malformed_row() -> None:
    path = DATA / "broken_rows.csv"
    assert [(p.line, p.message) for p in validate_glossary(path)] == [
        (3, "missing term (the 'term' cell is empty)"),
        (4, "ko: empty variant in '이주민||이주자' (two '|' in a row, or a '|' at an end)"),
        (5, "'réfugié' is both approved and forbidden in fr"),
        (6, "kind 'agency' is not one of acronym, name, term"),
        (8, "duplicate term 'IOM' (first at row 2)"),
        (9, "fr: empty variant in 'DTM|' (two '|' in a row, or a '|' at an end); "
            "case_sensitive 'maybe' is not a boolean (use yes or no)"),
    ]
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path)
    assert (caught.value.path, caught.value.line) == (path, 3)


def test_broken_header_fixture_reports_unknown_and_orphan_columns() -> None:
    assert [(p.line, p.message) for p in validate_glossary(DATA / "broken_header.csv")] == [
        (1, "unknown column 'xx': neither term, kind, case_sensitive, do_not_translate, note nor a language code; "
            "column 'de_forbidden' has no 'de' column for the approved variants; column 'fr' repeats column 'fr'"),
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("", [(1, "the file is empty: the first row must name the columns")]),
    ("kind,fr\nacronym,OIM\n", [(1, "no 'term' column (the first row must name the columns: "
                                   "term,kind,case_sensitive,do_not_translate,note,<lang>,<lang>_forbidden...)")]),
    ("term,fr,\nIOM,OIM,x\n", [(1, "column 3 has no name but holds values")]),
    ("term,fr\nIOM,OIM,extra\n", [(2, "3 cells but the header names 2 columns")]),
    ("term,fr,fr_forbidden\nIOM,OIM,oim\n", [(2, "'oim' is both approved and forbidden in fr")]),
    ("term,do_not_translate,fr_forbidden,fr\nUNICEF,yes,UNICEF,\n", [(2, "'UNICEF' is both approved and forbidden in fr")]),
    ("term,kind,fr\nmigrant,,migrant\nMigrant,,migrant\n", [(3, "duplicate term 'Migrant' (first at row 2)")]),
    ("term,kind,fr\nUS,acronym,États-Unis\nus,acronym,nous\n", []),  # two case-sensitive acronyms may differ by case
    ('term,fr\n"IOM,OIM\n', [(2, "malformed CSV: unexpected end of data")]),
    ("term,fr\nIOM,|OIM\n", [(2, "fr: empty variant in '|OIM' (two '|' in a row, or a '|' at an end)")]),
    ("term,fr\nIOM,O\x07IM\n", [(2, "fr: contains a control character or line break")]),
])
def test_validation_problems(text: str, expected: list[tuple[int, str]]) -> None:
    assert problems_of(text) == expected


def test_invalid_utf8_names_the_row(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    path.write_bytes(b"term,fr\nIOM,OIM\nmigrant,migr\xe9\n")
    assert [(p.line, p.message) for p in validate_glossary(path)] == [
        (3, "not valid UTF-8 (save the spreadsheet as 'CSV UTF-8')")
    ]


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError, match="glossary file not found"):
        load_glossary(tmp_path / "glossary.csv")


@pytest.mark.parametrize(("cell", "expected"), [("yes", True), ("No", False), (" TRUE ", True), ("0", False),
                                                ("", None), ("maybe", "bad")])
def test_parse_bool(cell: str, expected: bool | None | str) -> None:
    if expected == "bad":
        assert parse_bool(cell, default=False) is None
    elif expected is None:
        assert parse_bool(cell, default=True) is True
    else:
        assert parse_bool(cell, default=not expected) is expected


# --- Signature and export ----------------------------------------------------------------------------------------

def test_signature_follows_the_content(tmp_path: Path) -> None:
    path = tmp_path / "glossary.csv"
    assert glossary_signature(path) == ""
    path.write_text(HEADER, encoding="utf-8")
    first = glossary_signature(path)
    path.write_text(HEADER + "IOM,acronym,,,,IOM,,OIM,\n", encoding="utf-8")
    assert glossary_signature(path) not in ("", first)


@pytest.mark.parametrize(("cell", "expected"), [
    ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"), ("+2", "'+2"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("OIM", "OIM"), ("a=b", "a=b"),
])
def test_neutralise_formula(cell: str, expected: str) -> None:
    assert neutralise_formula(cell) == expected


def test_csv_export_neutralises_formulas_and_reads_back_unchanged() -> None:
    glossary = load_glossary(DATA / "formulas.csv")
    exported = format_glossary_csv(glossary)
    assert "'=HYPERLINK" in exported and "'@SUM(A1)" in exported and "'+ 2" in exported and "'-1 is a note" in exported
    again, problems = parse_glossary(exported)
    assert problems == []
    assert [(t.term, t.note, t.approved, t.forbidden) for t in again.terms] == [
        (t.term, t.note, t.approved, t.forbidden) for t in glossary.terms
    ]
    assert again.terms[0].note == '=HYPERLINK("http://evil.example","click")'


def test_csv_export_of_the_shipped_glossary_round_trips() -> None:
    glossary = load_glossary(SHIPPED)
    again, problems = parse_glossary(format_glossary_csv(glossary))
    assert problems == []
    assert [(t.term, t.kind, t.case_sensitive, t.do_not_translate, t.approved, t.forbidden) for t in again.terms] == [
        (t.term, t.kind, t.case_sensitive, t.do_not_translate, t.approved, t.forbidden) for t in glossary.terms
    ]
