"""Output formats of ``presslate check``: one renderer per format, all reading ``CheckReport.to_dict()``.

``RENDERERS`` maps a format name to a function ``(report_dict, *, fail_on) -> str``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from presslate import __version__
from presslate.checks.finding import Severity
from presslate.checks.registry import CHECKS

Renderer = Callable[..., str]
INFORMATION_URI = "https://github.com/iom/presslate"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def render_text(report: dict[str, Any], *, fail_on: Severity = Severity.ERROR) -> str:
    """Compiler form, one finding a line: ``path:line: severity check-id: message``."""
    lines = []
    for finding in report["findings"]:
        where = _where(finding["path"], finding["line"])
        lines.append(f"{where}{finding['severity']} {finding['check']}: {finding['message']}")
    return "\n".join(lines) + ("\n" if lines else "")


def summary_line(report: dict[str, Any]) -> str:
    """``3 errors, 1 warning, 12 info in 36 files (2 input errors)``."""
    summary = report["summary"]
    parts = [_plural(summary["error"], "error"), _plural(summary["warning"], "warning"), f"{summary['info']} info"]
    text = f"{', '.join(parts)} in {_plural(summary['files_checked'], 'file')}"
    if summary["input_errors"]:
        text += f" ({_plural(summary['input_errors'], 'input error')})"
    return text


def render_json(report: dict[str, Any], *, fail_on: Severity = Severity.ERROR) -> str:
    """The report as JSON (schema: ``docs/check-json-schema.json``)."""
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def render_junit(report: dict[str, Any], *, fail_on: Severity = Severity.ERROR) -> str:
    """JUnit XML: a test suite per file, a test case per check; findings at or above ``fail_on`` are failures."""
    from lxml import etree

    by_file: dict[str, list[dict[str, Any]]] = {}
    for finding in report["findings"]:
        by_file.setdefault(finding["path"] or "(no file)", []).append(finding)
    root = etree.Element("testsuites", name="presslate check")
    total_tests = total_failures = 0
    for path in sorted(by_file):
        findings = by_file[path]
        suite = etree.SubElement(root, "testsuite", name=path)
        tests = failures = 0
        for check in CHECKS:
            own = [f for f in findings if f["check"] == check.check_id]
            case = etree.SubElement(suite, "testcase", classname=path, name=check.check_id)
            tests += 1
            failing = [f for f in own if Severity(f["severity"]).reaches(fail_on)]
            if failing:
                failures += 1
                failure = etree.SubElement(case, "failure", message=_clean_xml(failing[0]["message"]),
                                           type=check.check_id)
                failure.text = _clean_xml("\n".join(_finding_line(f) for f in failing))
            others = [f for f in own if f not in failing]
            if others:
                etree.SubElement(case, "system-out").text = _clean_xml("\n".join(_finding_line(f) for f in others))
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total_tests += tests
        total_failures += failures
    if report["errors"]:
        suite = etree.SubElement(root, "testsuite", name="input", tests=str(len(report["errors"])), failures="0",
                                 errors=str(len(report["errors"])))
        for error in report["errors"]:
            where = _where(error["path"], error["line"]).rstrip(": ") or "presslate"
            case = etree.SubElement(suite, "testcase", classname="input", name=where)
            etree.SubElement(case, "error", message=_clean_xml(error["message"]), type="input-error")
        total_tests += len(report["errors"])
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", str(len(report["errors"])))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")


def render_sarif(report: dict[str, Any], *, fail_on: Severity = Severity.ERROR) -> str:
    """SARIF 2.1.0 as GitHub code scanning reads it: one rule per check, one result per finding."""
    rules = [_sarif_rule(check) for check in CHECKS]
    index = {check.check_id: number for number, check in enumerate(CHECKS)}
    results = []
    for finding in report["findings"]:
        result: dict[str, Any] = {
            "ruleId": finding["check"],
            "ruleIndex": index[finding["check"]],
            "level": _SARIF_LEVELS[finding["severity"]],
            "message": {"text": finding["message"]},
            "partialFingerprints": {"presslateFinding/v1": _fingerprint(finding)},
        }
        if finding["path"]:
            location: dict[str, Any] = {"artifactLocation": {"uri": finding["path"], "uriBaseId": "%SRCROOT%"}}
            if finding["line"]:
                location["region"] = {"startLine": finding["line"]}
            result["locations"] = [{"physicalLocation": location}]
        properties = {key: finding[key] for key in ("lang", "release") if finding[key]}
        if properties:
            result["properties"] = properties
        results.append(result)
    notifications = [
        {
            "level": "error",
            "message": {"text": error["message"]},
            **({"locations": [{"physicalLocation": {
                "artifactLocation": {"uri": error["path"], "uriBaseId": "%SRCROOT%"},
                **({"region": {"startLine": error["line"]}} if error["line"] else {}),
            }}]} if error["path"] else {}),
        }
        for error in report["errors"]
    ]
    run = {
        "tool": {"driver": {"name": "presslate", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI, "rules": rules}},
        "invocations": [{"executionSuccessful": not report["errors"],
                         **({"toolExecutionNotifications": notifications} if notifications else {})}],
        "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "The presslate workspace root"}}},
        "results": results,
    }
    document = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_github(report: dict[str, Any], *, fail_on: Severity = Severity.ERROR) -> str:
    """GitHub Actions workflow commands: ``::error file=...,line=...,title=...::message``."""
    lines = []
    for finding in report["findings"]:
        properties = []
        if finding["path"]:
            properties.append(f"file={escape_property(finding['path'])}")
        if finding["line"]:
            properties.append(f"line={finding['line']}")
        properties.append(f"title={escape_property(finding['check'])}")
        command = _GITHUB_COMMANDS[finding["severity"]]
        lines.append(f"::{command} {','.join(properties)}::{escape_data(finding['message'])}")
    for error in report["errors"]:
        properties = [f"file={escape_property(error['path'])}"] if error["path"] else []
        if error["line"]:
            properties.append(f"line={error['line']}")
        properties.append("title=input error")
        lines.append(f"::error {','.join(properties)}::{escape_data(error['message'])}")
    return "\n".join(lines) + ("\n" if lines else "")


def escape_data(text: str) -> str:
    """Escape a workflow command's message: ``%``, ``\\r``, ``\\n``."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value: as data, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


RENDERERS: dict[str, Renderer] = {
    "text": render_text,
    "json": render_json,
    "junit": render_junit,
    "sarif": render_sarif,
    "github": render_github,
}


def _where(path: str | None, line: int | None) -> str:
    if not path:
        return ""
    return f"{path}:{line}: " if line else f"{path}: "


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _finding_line(finding: dict[str, Any]) -> str:
    return f"{_where(finding['path'], finding['line'])}{finding['severity']} {finding['check']}: {finding['message']}"


def _clean_xml(text: str) -> str:
    """Text without the control characters XML 1.0 cannot hold (lxml escapes the rest)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20 and ch not in "\ufffe\uffff")


def _sarif_rule(check) -> dict[str, Any]:
    description = check.description()
    return {
        "id": check.check_id,
        "name": "".join(part.capitalize() for part in check.check_id.split("-")),
        "shortDescription": {"text": check.name},
        "fullDescription": {"text": check.summary()},
        "help": {"text": description, "markdown": _help_markdown(check)},
        "defaultConfiguration": {"level": _SARIF_LEVELS[check.default_severity.value]},
        "properties": {"tags": ["translation", "l10n"]},
    }


def _help_markdown(check) -> str:
    body = check.description()
    return (f"**{check.name}** (`{check.check_id}`)\n\n{body}\n\n"
            f"Silence it on one entry with the PO flag `#, ignore-{check.check_id}` "
            f"or the translator comment `# presslate: ignore {check.check_id}`.")


def _fingerprint(finding: dict[str, Any]) -> str:
    """Stable across runs and line moves: the check, file, entry and message."""
    key = "\0".join(str(finding[k] or "") for k in ("check", "path", "msgid", "message"))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]

