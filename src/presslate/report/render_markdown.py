"""Markdown status for a CI job summary or a pull-request comment."""

from __future__ import annotations

import re
from typing import Any

from presslate.report.labels import (
    blockers_text,
    generated_label,
    broken_lines,
    history_series,
    language_label,
    not_ready,
    notes,
    percent,
    releases_by_id,
    sparkline,
)
from presslate.report.options import RenderOptions

# A PR comment should stay readable: the longest list shown before "... and N more".
MAX_BLOCKED_ROWS = 30
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#!~&])")


def render_markdown(data: dict[str, Any], options: RenderOptions) -> str:
    """The report as GitHub-flavoured Markdown; text from PO files is escaped, never markup."""
    lines = [f"## Translation status: {cell(data['workspace'])}", ""]
    if notes(data):
        lines += [f"> {cell(note)}" for note in notes(data)] + [""]
    if data["broken"]:
        lines += ["Broken PO files:", ""] + [f"- `{code_text(text)}`" for text in broken_lines(data)] + [""]
    if options.by == "release":
        lines += _release_table(data)
    elif options.by == "translator":
        lines += _translator_table(data)
    else:
        lines += _language_table(data) + [""] + _history(data) + _blocked(data)
    lines += ["", f"<sub>Generated {cell(generated_label(data))}. Words are source ({cell(data['source_language'])}) "
                  "words, counted like pocount. QA errors: error findings of presslate check on releases complete "
                  "in a language.</sub>", ""]
    return "\n".join(lines)


def cell(text: object) -> str:
    """Text safe inside a Markdown table cell: markup characters escaped, no line breaks."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text)).replace("\r", " ").replace("\n", " ")


def code_text(text: str) -> str:
    """Text safe inside an inline code span."""
    return text.replace("`", "'").replace("\n", " ")


def _language_table(data: dict[str, Any]) -> list[str]:
    lines = [
        "| Language | Translated (words) | Segments | Drafts | Fuzzy | Untranslated | Obsolete | Ready | QA errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for code, language in data["languages"].items():
        qa = "-" if language["qa_errors"] is None else str(language["qa_errors"])
        broken = f" ({language['broken']} broken)" if language["broken"] else ""
        ready = f"{language['ready']}/{language['releases']}{broken}"
        lines.append(
            f"| {cell(language_label(code, language))} | {percent(language['translated_percent'])} "
            f"| {language['translated']}/{language['total']} | {language['draft']} | {language['fuzzy']} "
            f"| {language['untranslated']} | {language['obsolete']} | {ready} | {qa} |"
        )
    return lines


def _history(data: dict[str, Any]) -> list[str]:
    points = data["history"]["points"]
    if not points:
        return []
    width = max(len(code) for code in data["languages"])
    chart = [f"Share translated (words), weekly from {points[0]['date']} to {points[-1]['date']}:"]
    for code, values in history_series(data).items():
        known = [value for value in values if value is not None]
        span = f"{percent(known[0])} -> {percent(known[-1])}" if known else "no files"
        chart.append(f"{code.ljust(width)}  {sparkline(values)}  {span}")
    return ["### History", "", "```text", *chart, "```", ""]


def _blocked(data: dict[str, Any]) -> list[str]:
    pending = not_ready(data)
    if not pending:
        return ["All releases are ready."] if data["releases"] else []
    lines = ["### Not ready", "", "| Release | Language | Translated | Blocked by |", "|---|---|---:|---|"]
    for release in pending[:MAX_BLOCKED_ROWS]:
        lines.append(f"| {cell(release['id'])} | {cell(release['lang'])} | {percent(release['translated_percent'])} "
                     f"| {cell(blockers_text(release))} |")
    if len(pending) > MAX_BLOCKED_ROWS:
        lines.append(f"\n... and {len(pending) - MAX_BLOCKED_ROWS} more (use --by release for the full list).")
    return lines


def _release_table(data: dict[str, Any]) -> list[str]:
    codes = list(data["languages"])
    lines = ["| Release | " + " | ".join(cell(code) for code in codes) + " |", "|---|" + "---|" * len(codes)]
    for release_id, title, by_lang in releases_by_id(data):
        label = f"{cell(release_id)}<br>{cell(title)}" if title else cell(release_id)
        cells = []
        for code in codes:
            release = by_lang.get(code)
            if release is None:
                cells.append("")
            elif release["ready"]:
                cells.append(f"{percent(release['translated_percent'])} ready")
            else:
                cells.append(f"{percent(release['translated_percent'])} ({cell(blockers_text(release))})")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines


def _translator_table(data: dict[str, Any]) -> list[str]:
    if not data["translators"]:
        return ["No PO file names a translator yet (Last-Translator header)."]
    lines = ["| Translator | Languages | Releases | Segments translated | Words translated | Last revision |",
             "|---|---|---:|---:|---:|---|"]
    for person in data["translators"]:
        lines.append(
            f"| {cell(person['name'])} | {cell(', '.join(person['languages']))} | {len(person['releases'])} "
            f"| {person['translated']} | {person['translated_words']} | {cell(person['last_revision'] or '-')} |"
        )
    return lines
