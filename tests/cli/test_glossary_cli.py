"""``presslate glossary validate|export`` through the real command line group."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from lxml import etree

from presslate.glossary import load_glossary, parse_glossary

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "glossary.csv"
DATA = ROOT / "tests" / "data" / "glossary"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


Run = Callable[..., Result]


@pytest.fixture
def workspace(tmp_path: Path, run: Run) -> Path:
    root = tmp_path / "ws"
    assert run("init", root, "--languages", "ko,fr,es,ar").exit_code == 0
    return root


def use_glossary(workspace: Path, source: Path) -> None:
    shutil.copyfile(source, workspace / "glossary.csv")


def parse_xml_safely(data: bytes) -> etree._ElementTree:
    """Parse without resolving entities, loading a DTD or touching the network, as a CAT tool should."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False)
    tree = etree.ElementTree(etree.fromstring(data, parser))
    assert tree.docinfo.doctype == ""  # no DOCTYPE, so no entity can be declared
    assert not any(isinstance(node, etree._Entity) for node in tree.iter())
    return tree


# --- validate -------------------------------------------------------------------------------------------------

def test_validate_reports_each_malformed_row_in_compiler_form(workspace: Path, run: Run) -> None:
    use_glossary(workspace, DATA / "broken_rows.csv")
    result = run("-C", workspace, "glossary", "validate")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "glossary.csv:3: missing term (the 'term' cell is empty)",
        "glossary.csv:4: ko: empty variant in '이주민||이주자' (two '|' in a row, or a '|' at an end)",
        "glossary.csv:5: 'réfugié' is both approved and forbidden in fr",
        "glossary.csv:6: kind 'agency' is not one of acronym, name, term",
        "glossary.csv:8: duplicate term 'IOM' (first at row 2)",
        "glossary.csv:9: fr: empty variant in 'DTM|' (two '|' in a row, or a '|' at an end); "
        "case_sensitive 'maybe' is not a boolean (use yes or no)",
    ]
    assert result.stdout == ""


def test_validate_reports_bad_columns_on_the_header_row(workspace: Path, run: Run) -> None:
    use_glossary(workspace, DATA / "broken_header.csv")
    result = run("-C", workspace, "glossary", "validate")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "glossary.csv:1: unknown column 'xx': neither term, kind, case_sensitive, do_not_translate, note nor a "
        "language code; column 'de_forbidden' has no 'de' column for the approved variants; "
        "column 'fr' repeats column 'fr'",
    ]


def test_validate_a_file_outside_any_workspace_names_it_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                run: Run) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copyfile(DATA / "broken_rows.csv", tmp_path / "terms.csv")
    result = run("glossary", "validate", "terms.csv")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "terms.csv:3: missing term (the 'term' cell is empty)"


def test_validate_the_shipped_glossary(workspace: Path, run: Run) -> None:
    use_glossary(workspace, SHIPPED)
    result = run("-C", workspace, "glossary", "validate")
    assert result.exit_code == 0, result.stderr
    terms = len(load_glossary(SHIPPED).terms)
    assert result.stdout == f"glossary.csv: {terms} term(s), ko, fr, es, ar: OK\n"
    assert result.stderr == ""


def test_validate_warns_about_a_workspace_language_without_a_column(tmp_path: Path, run: Run) -> None:
    root = tmp_path / "ws"
    run("init", root, "--languages", "ko,fr,es,ar,pt_BR")
    use_glossary(root, SHIPPED)
    result = run("-C", root, "glossary", "validate")
    assert result.exit_code == 0
    assert result.stderr == "glossary.csv:1: warning: no column for the workspace language 'pt_BR'\n"


def test_validate_a_missing_glossary(workspace: Path, run: Run) -> None:
    (workspace / "glossary.csv").unlink()
    result = run("-C", workspace, "glossary", "validate")
    assert result.exit_code == 2
    assert result.stderr == "glossary.csv: glossary file not found\n"


@pytest.mark.parametrize("args", [("glossary", "--help"), ("glossary", "validate", "--help"),
                                  ("glossary", "export", "--help")])
def test_help_is_there_for_translators(args: tuple[str, ...], run: Run) -> None:
    result = run(*args)
    assert result.exit_code == 0
    assert "glossary.csv" in result.stdout


# --- export ---------------------------------------------------------------------------------------------------

def test_export_tbx_of_the_shipped_glossary(workspace: Path, run: Run) -> None:
    use_glossary(workspace, SHIPPED)
    result = run("-C", workspace, "glossary", "export", "--format", "tbx")
    assert result.exit_code == 0, result.stderr
    tree = parse_xml_safely(result.stdout_bytes)
    root = tree.getroot()
    assert root.tag == "martif" and root.get("type") == "TBX-Basic" and root.get(XML_LANG) == "en"
    entries = root.findall("text/body/termEntry")
    assert len(entries) == len(load_glossary(SHIPPED).terms)

    def statuses(entry: etree._Element, lang: str) -> list[tuple[str, str]]:
        [lang_set] = [item for item in entry.findall("langSet") if item.get(XML_LANG) == lang]
        return [(tig.findtext("term"), tig.findtext("termNote[@type='administrativeStatus']"))
                for tig in lang_set.findall("tig")]

    iom = next(entry for entry in entries if entry.findtext("langSet/tig/term") == "IOM")
    assert statuses(iom, "en") == [("IOM", "preferredTerm-admn-sts")]
    assert statuses(iom, "ko") == [("국제이주기구", "preferredTerm-admn-sts"), ("IOM", "admittedTerm-admn-sts"),
                                   ("국제이민기구", "deprecatedTerm-admn-sts")]
    assert statuses(iom, "ar") == [("المنظمة الدولية للهجرة", "preferredTerm-admn-sts"),
                                   ("منظمة الهجرة الدولية", "deprecatedTerm-admn-sts")]
    assert iom.findtext("langSet/tig/termNote[@type='termType']") == "acronym"

    usaid = next(entry for entry in entries if entry.findtext("langSet/tig/term") == "USAID")
    assert any("Do not translate" in (note.text or "") for note in usaid.findall("note"))
    assert statuses(usaid, "fr") == [("USAID", "preferredTerm-admn-sts")]


def test_export_tbx_escapes_markup_by_construction(tmp_path: Path, run: Run) -> None:
    hostile = tmp_path / "glossary.csv"
    hostile.write_text(
        'term,kind,note,fr,fr_forbidden\n'
        'AT&T,name,"<script>alert(1)</script> &amp; <!ENTITY x ""y"">",AT&T <b>,]]>\n',
        encoding="utf-8",
    )
    result = run("glossary", "export", hostile, "--format", "tbx")
    assert result.exit_code == 0, result.stderr
    assert b"<script>" not in result.stdout_bytes and b"<!ENTITY" not in result.stdout_bytes
    root = parse_xml_safely(result.stdout_bytes).getroot()
    entry = root.find("text/body/termEntry")
    assert entry.findtext("note") == '<script>alert(1)</script> &amp; <!ENTITY x "y">'
    assert [tig.findtext("term") for tig in entry.iter("tig")] == ["AT&T", "AT&T <b>", "]]>"]


def test_export_csv_neutralises_formulas_into_a_file(workspace: Path, run: Run) -> None:
    use_glossary(workspace, DATA / "formulas.csv")
    target = workspace / "out" / "terms.csv"
    result = run("-C", workspace, "glossary", "export", "--format", "csv", "--output", target)
    assert result.exit_code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    for cell in ("'=HYPERLINK", "'@SUM(A1)", "'+ 2", "'-1 is a note"):
        assert cell in text
    lines = text.splitlines()
    assert lines[0] == "term,kind,case_sensitive,do_not_translate,note,fr,fr_forbidden"
    assert not any(line.startswith(("=", "+", "-", "@")) for line in lines)
    again, problems = parse_glossary(text)
    assert problems == [] and again.terms[1].term == "+ 2"


def test_export_refuses_a_broken_glossary(workspace: Path, run: Run) -> None:
    use_glossary(workspace, DATA / "broken_rows.csv")
    result = run("-C", workspace, "glossary", "export", "--format", "csv")
    assert result.exit_code == 2
    assert result.stderr == "glossary.csv:3: missing term (the 'term' cell is empty)\n"
    assert result.stdout == ""


def test_export_source_language_comes_from_the_workspace(tmp_path: Path, run: Run) -> None:
    root = tmp_path / "ws"
    run("init", root, "--languages", "fr", "--source-language", "es")
    (root / "glossary.csv").write_text("term,fr\nOIM,OIM\n", encoding="utf-8")
    result = run("-C", root, "glossary", "export")
    source = parse_xml_safely(result.stdout_bytes).getroot().find("text/body/termEntry/langSet")
    assert source.get(XML_LANG) == "es"
