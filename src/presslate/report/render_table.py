"""Terminal status tables (rich); colour only when writing to a terminal."""

from __future__ import annotations

import io
from typing import Any

from presslate.report.labels import (
    blockers_text,
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

MAX_BLOCKED_ROWS = 20
BAR_WIDTH = 10


def render_table(data: dict[str, Any], options: RenderOptions) -> str:
    """Tables for the chosen grouping, rendered to text (ANSI colours when ``options.color``)."""
    from rich.console import Console  # rich is only needed for this format

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="standard" if options.color else None,
        width=options.width or 120,
        highlight=False,
        emoji=False,
        markup=False,
    )
    console.print(f"Translation status: {data['workspace']}", style="bold")
    for note in notes(data):
        console.print(note, style="yellow")
    for line in broken_lines(data):
        console.print(line, style="red")
    if options.by == "release":
        console.print(_release_table(data))
    elif options.by == "translator":
        console.print(_translator_table(data))
    else:
        console.print(_language_table(data))
        _print_history(console, data)
        _print_blocked(console, data)
    return buffer.getvalue()


def _language_table(data: dict[str, Any]):
    from rich.table import Table
    from rich.text import Text

    table = Table(title="Languages (words are source words)", title_justify="left")
    for name, justify in (("Language", "left"), ("Translated", "right"), ("", "left"), ("Segments", "right"),
                          ("Drafts", "right"), ("Fuzzy", "right"), ("Untransl.", "right"), ("Obsolete", "right"),
                          ("Ready", "right"), ("QA err.", "right")):
        table.add_column(name, justify=justify, no_wrap=True)
    for code, language in data["languages"].items():
        share = language["translated_percent"]
        filled = round(share / 100 * BAR_WIDTH)
        bar = Text("█" * filled, style="green") + Text("░" * (BAR_WIDTH - filled), style="dim")
        ready = f"{language['ready']}/{language['releases']}"
        if language["broken"]:
            ready += f" ({language['broken']} broken)"
        table.add_row(
            language_label(code, language), Text(percent(share), style=_share_style(share)), bar,
            f"{language['translated']}/{language['total']}", str(language["draft"]), str(language["fuzzy"]),
            str(language["untranslated"]), str(language["obsolete"]), ready,
            "-" if language["qa_errors"] is None else str(language["qa_errors"]),
        )
    return table


def _print_history(console, data: dict[str, Any]) -> None:
    points = data["history"]["points"]
    if not points:
        return
    console.print(f"History: share translated, weekly from {points[0]['date']} to {points[-1]['date']}", style="bold")
    width = max(len(code) for code in data["languages"])
    for code, values in history_series(data).items():
        known = [value for value in values if value is not None]
        span = f"{percent(known[0])} -> {percent(known[-1])}" if known else "no files"
        console.print(f"  {code.ljust(width)}  {sparkline(values)}  {span}")


def _print_blocked(console, data: dict[str, Any]) -> None:
    from rich.table import Table

    pending = not_ready(data)
    if not pending:
        if data["releases"]:
            console.print("All releases are ready.", style="green")
        return
    table = Table(title=f"Not ready ({len(pending)})", title_justify="left")
    table.add_column("Release", overflow="fold")
    table.add_column("Lang")
    table.add_column("Translated", justify="right")
    table.add_column("Blocked by", overflow="fold")
    for release in pending[:MAX_BLOCKED_ROWS]:
        table.add_row(release["id"], release["lang"], percent(release["translated_percent"]), blockers_text(release))
    console.print(table)
    if len(pending) > MAX_BLOCKED_ROWS:
        console.print(f"... and {len(pending) - MAX_BLOCKED_ROWS} more (use --by release for the full list)")


def _release_table(data: dict[str, Any]):
    from rich.table import Table
    from rich.text import Text

    codes = list(data["languages"])
    table = Table(title="Releases", title_justify="left")
    table.add_column("Release", overflow="fold")
    for code in codes:
        table.add_column(code, overflow="fold")
    for release_id, _, by_lang in releases_by_id(data):
        cells = []
        for code in codes:
            release = by_lang.get(code)
            if release is None:
                cells.append(Text(""))
            elif release["ready"]:
                cells.append(Text(f"{percent(release['translated_percent'])} ready", style="green"))
            else:
                style = "red" if release["state"] == "broken" else "yellow"
                cells.append(Text(f"{percent(release['translated_percent'])} {blockers_text(release)}", style=style))
        table.add_row(release_id, *cells)
    return table


def _translator_table(data: dict[str, Any]):
    from rich.table import Table

    table = Table(title="Translators (from Last-Translator and PO-Revision-Date)", title_justify="left")
    for name, justify in (("Translator", "left"), ("Languages", "left"), ("Releases", "right"),
                          ("Segments", "right"), ("Words", "right"), ("First", "left"), ("Last", "left")):
        table.add_column(name, justify=justify)
    for person in data["translators"]:
        table.add_row(person["name"], ", ".join(person["languages"]), str(len(person["releases"])),
                      str(person["translated"]), str(person["translated_words"]), person["first_revision"] or "-",
                      person["last_revision"] or "-")
    return table


def _share_style(share: float) -> str:
    return "green" if share >= 100 else "yellow" if share >= 50 else "red"
