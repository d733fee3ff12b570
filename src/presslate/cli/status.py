"""``presslate status``: how far each release is translated per language, and what blocks publication."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from presslate.cli import AppContext
from presslate.errors import ExitCode
from presslate.fileio import write_text_atomic
from presslate.report.options import FORMATS, GROUPINGS, RenderOptions

if TYPE_CHECKING:
    from presslate.report.status import StatusReport


@click.command("status")
@click.option("--lang", "languages", multiple=True, metavar="CODE", help="Only this target language (repeatable).")
@click.option("--release", "release_ids", multiple=True, metavar="ID", help="Only this release id (repeatable).")
@click.option("--by", "grouping", type=click.Choice(GROUPINGS), default="language", show_default=True,
              help="Rows per language, per release, or per translator (JSON and HTML always hold everything).")
@click.option("--format", "format_name", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table for the terminal, markdown for CI or a pull request, csv for spreadsheets, "
                   "json for tools, html for a dashboard to send around.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file instead of the screen.")
@click.option("--fail-under", type=click.FloatRange(0, 100), metavar="PCT",
              help="Exit with code 1 when a language is less than PCT percent translated (by source words).")
@click.option("--no-cache", is_flag=True,
              help="Count every PO file again instead of reusing counts of unchanged files.")
@click.pass_obj
def command(app: AppContext, languages: tuple[str, ...], release_ids: tuple[str, ...], grouping: str,
            format_name: str, output: Path | None, fail_under: float | None, no_cache: bool) -> None:
    """Show how much of each release is translated, per language and per release.

    \b
    For every language and release it counts, in segments and in source words:
      translated     translated and reviewed
      draft          machine or memory drafts waiting for review
      fuzzy          the English changed since it was translated
      untranslated   not translated yet
      obsolete       old translations of sentences no longer in the release
    A release is ready in a language when everything is translated and reviewed and the QA
    checks find no error; otherwise the report says what blocks it. Where the workspace is a
    git repository, the report also shows progress over the last weeks.

    \b
    Examples:
      presslate status
      presslate status --lang ko --by release
      presslate status --format html --output status.html
      presslate status --format markdown --fail-under 80     (in CI)

    \b
    Exit codes: 0 done; 1 a language is under --fail-under; 2 wrong options, or a
    PO file could not be read (it is named on stderr as path:line and counted as
    broken; the report of the others is still written).
    """
    from presslate.report.renderers import render_status  # loaded when the command runs, not for every command
    from presslate.report.service import build_status

    workspace = app.workspace()
    report = build_status(
        workspace,
        languages=list(languages) or None,
        release_ids=list(release_ids) or None,
        use_cache=not no_cache,
    )
    for broken in report.broken:
        click.echo(str(broken), err=True)
    on_terminal = output is None and sys.stdout.isatty()
    options = RenderOptions(
        by=grouping,
        color=on_terminal and format_name == "table" and "NO_COLOR" not in os.environ,
        width=shutil.get_terminal_size().columns if on_terminal else None,
    )
    text = render_status(report.to_dict(), format_name=format_name, options=options)
    if output is not None:
        write_text_atomic(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)
    failing = languages_under(report, fail_under) if fail_under is not None else []
    for code, share in failing:
        click.echo(f"presslate: {code} is {share:.1f}% translated (by source words), under --fail-under {fail_under:g}",
                   err=True)
    if report.broken:
        raise SystemExit(int(ExitCode.USAGE))
    if failing:
        raise SystemExit(int(ExitCode.FINDINGS))


def languages_under(report: StatusReport, threshold: float) -> list[tuple[str, float]]:
    """Languages whose share translated (by source words) is below ``threshold`` percent."""
    shares = [(language.code, round(language.counts.translated_percent, 1)) for language in report.languages]
    return [(code, share) for code, share in shares if share < threshold]
