"""CSV status for spreadsheets and donor reports, with formulas neutralised."""

from __future__ import annotations

import csv
import io
from typing import Any

from presslate.report.labels import blockers_text
from presslate.report.options import RenderOptions

STATES = ("translated", "draft", "fuzzy", "untranslated", "obsolete", "total")
# A cell starting with one of these runs as a formula in Excel, LibreOffice or Google Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render_csv(data: dict[str, Any], options: RenderOptions) -> str:
    """One row per language, per release and language, or per translator (``options.by``)."""
    rows = {"release": _release_rows, "translator": _translator_rows}.get(options.by, _language_rows)(data)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise(value) for value in row])
    return buffer.getvalue()


def neutralise(value: object) -> object:
    """Text cells that a spreadsheet would run as a formula get a leading apostrophe; numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _language_rows(data: dict[str, Any]) -> list[list[object]]:
    header = ["language", "name", *STATES, *(f"words_{state}" for state in STATES), "translated_percent",
              "target_unit", "target_count", "releases", "ready", "broken", "missing", "qa_errors"]
    rows: list[list[object]] = [header]
    for code, language in data["languages"].items():
        rows.append([code, language["name"], *(language[state] for state in STATES),
                     *(language["words"][state] for state in STATES), language["translated_percent"],
                     language["target_unit"], language["target_count"], language["releases"], language["ready"],
                     language["broken"], language["missing"], language["qa_errors"]])
    return rows


def _release_rows(data: dict[str, Any]) -> list[list[object]]:
    header = ["release", "language", "title", "state", *STATES, *(f"words_{state}" for state in STATES),
              "translated_percent", "target_unit", "target_count", "qa_errors", "ready", "blocked_by",
              "last_translator", "revision_date", "path"]
    rows: list[list[object]] = [header]
    for release in data["releases"]:
        rows.append([release["id"], release["lang"], release["title"], release["state"],
                     *(release[state] for state in STATES), *(release["words"][state] for state in STATES),
                     release["translated_percent"], release["target_unit"], release["target_count"],
                     release["qa_errors"], release["ready"], "" if release["ready"] else blockers_text(release),
                     release["last_translator"], release["revision_date"], release["path"]])
    return rows


def _translator_rows(data: dict[str, Any]) -> list[list[object]]:
    rows: list[list[object]] = [["translator", "email", "languages", "releases", "translated", "translated_words",
                                 "first_revision", "last_revision"]]
    for person in data["translators"]:
        rows.append([person["name"], person["email"], " ".join(person["languages"]), len(person["releases"]),
                     person["translated"], person["translated_words"], person["first_revision"],
                     person["last_revision"]])
    return rows
