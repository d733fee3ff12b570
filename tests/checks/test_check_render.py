"""Output formats: compiler text, JSON (documented schema), JUnit XML, SARIF 2.1.0 (official schema), GitHub annotations."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from presslate.checks.finding import CheckReport, Finding, Severity
from presslate.checks.registry import CHECK_IDS
from presslate.checks.render import RENDERERS, escape_data, escape_property, summary_line
from presslate.errors import CatalogError

REPO = Path(__file__).resolve().parents[2]
IRAQ = "locales/ko/2014-09-09-iom-iraq-on-sunday-joined-a-relief-convoy.po"


def sample_report() -> CheckReport:
    tricky = 'a "quoted" <b>&amp;</b> 100% line\nwith, a: comma\r\x07'
    return CheckReport(
        findings=[
            Finding("glossary-term", Severity.ERROR, IRAQ, 29, "ko", "2014-09-09-iom-iraq-on-sunday-joined-a-relief-convoy",
                    "IOM delivered 1,000 kits.", "국제이주기관은 키트 1,000개를 전달했다.",
                    '"IOM" must be rendered as "국제이주기구" or "IOM" (found neither it nor an allowed variant)'),
            Finding("numbers", Severity.WARNING, "locales/fr/a,b:c.po", 7, "fr", None, "50 per cent", "50", tricky),
            Finding("untranslated", Severity.INFO, IRAQ, 16, "ko", None, "Iraq", "", "not translated yet"),
            Finding("mirror-title", Severity.ERROR, "l10n/releases/x.md", None, "ko", "x", None, "t", "no line"),
        ],
        errors=[CatalogError("Syntax error in po file", path="locales/es/broken.po", line=233)],
        files_checked=3,
    )


def test_text_is_compiler_form() -> None:
    text = RENDERERS["text"](sample_report().to_dict())
    assert text.splitlines()[0] == (f'{IRAQ}:29: error glossary-term: "IOM" must be rendered as "국제이주기구" or "IOM" '
                                    "(found neither it nor an allowed variant)")
    assert "l10n/releases/x.md: error mirror-title: no line" in text
    assert summary_line(sample_report().to_dict()) == "2 errors, 1 warning, 1 info in 3 files (1 input error)"


def test_json_follows_the_documented_schema() -> None:
    schema = json.loads((REPO / "docs" / "check-json-schema.json").read_text(encoding="utf-8"))
    document = json.loads(RENDERERS["json"](sample_report().to_dict()))
    jsonschema.Draft202012Validator(schema).validate(document)
    assert document["findings"][0] == {
        "check": "glossary-term", "severity": "error", "path": IRAQ, "line": 29, "lang": "ko",
        "release": "2014-09-09-iom-iraq-on-sunday-joined-a-relief-convoy", "msgid": "IOM delivered 1,000 kits.",
        "msgstr": "국제이주기관은 키트 1,000개를 전달했다.",
        "message": '"IOM" must be rendered as "국제이주기구" or "IOM" (found neither it nor an allowed variant)'}
    assert document["summary"]["by_language"]["ko"] == {"error": 2, "warning": 0, "info": 1}
    assert document["errors"] == [{"path": "locales/es/broken.po", "line": 233, "message": "Syntax error in po file"}]


def test_junit_is_well_formed_and_escaped() -> None:
    xml = RENDERERS["junit"](sample_report().to_dict(), fail_on=Severity.WARNING)
    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(resolve_entities=False))
    assert root.tag == "testsuites"
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert set(suites) == {IRAQ, "locales/fr/a,b:c.po", "l10n/releases/x.md", "input"}
    failure = suites["locales/fr/a,b:c.po"].find("testcase[@name='numbers']/failure")
    assert failure.get("message") == 'a "quoted" <b>&amp;</b> 100% line\nwith, a: comma\r'
    assert len(suites[IRAQ].findall("testcase")) == len(CHECK_IDS)
    assert suites[IRAQ].find("testcase[@name='untranslated']/failure") is None
    assert "not translated yet" in suites[IRAQ].find("testcase[@name='untranslated']/system-out").text
    assert suites["input"].find("testcase/error").get("message") == "Syntax error in po file"


def test_junit_failures_follow_fail_on() -> None:
    xml = RENDERERS["junit"](sample_report().to_dict(), fail_on=Severity.ERROR)
    root = etree.fromstring(xml.encode("utf-8"))
    suite = next(s for s in root.iter("testsuite") if s.get("name") == "locales/fr/a,b:c.po")
    assert suite.find("testcase[@name='numbers']/failure") is None


def test_sarif_validates_against_the_official_schema() -> None:
    schema = json.loads((REPO / "tests" / "data" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    document = json.loads(RENDERERS["sarif"](sample_report().to_dict()))
    jsonschema.Draft4Validator(schema).validate(document)
    run = document["runs"][0]
    assert document["version"] == "2.1.0"
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == list(CHECK_IDS)
    assert all(rule["help"]["text"] and rule["name"] for rule in run["tool"]["driver"]["rules"])
    first = run["results"][0]
    assert first["ruleId"] == "glossary-term" and first["level"] == "error"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": IRAQ, "uriBaseId": "%SRCROOT%"}, "region": {"startLine": 29}}
    assert run["results"][2]["level"] == "note"
    assert "region" not in run["results"][3]["locations"][0]["physicalLocation"]
    assert run["invocations"][0]["executionSuccessful"] is False


def test_github_annotations_escape_data_and_properties() -> None:
    lines = RENDERERS["github"](sample_report().to_dict()).splitlines()
    assert lines[0].startswith(f"::error file={IRAQ},line=29,title=glossary-term::\"IOM\" must be rendered")
    assert lines[1] == ("::warning file=locales/fr/a%2Cb%3Ac.po,line=7,title=numbers::"
                        'a "quoted" <b>&amp;</b> 100%25 line%0Awith, a: comma%0D\x07')
    assert lines[2].startswith("::notice ")
    assert lines[-1] == "::error file=locales/es/broken.po,line=233,title=input error::Syntax error in po file"


@pytest.mark.parametrize(("text", "data", "prop"), [
    ("50%", "50%25", "50%25"),
    ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
    ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
])
def test_workflow_command_escaping(text: str, data: str, prop: str) -> None:
    assert escape_data(text) == data
    assert escape_property(text) == prop
