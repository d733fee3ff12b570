"""``presslate glossary validate|export``: check glossary.csv and export it for CAT tools."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from presslate.cli import AppContext, report_error
from presslate.errors import ExitCode, GlossaryError, PresslateError
from presslate.fileio import write_bytes_atomic
from presslate.glossary import Glossary, format_glossary_csv, load_glossary, validate_glossary
from presslate.glossary_tbx import format_tbx
from presslate.workspace import Workspace

Exporter = Callable[[Glossary, str], bytes]
EXPORTERS: dict[str, Exporter] = {
    "tbx": lambda glossary, source: format_tbx(glossary, source_language=source),
    "csv": lambda glossary, source: format_glossary_csv(glossary).encode("utf-8"),
}
FILE_ARGUMENT = click.argument("file", required=False, type=click.Path(dir_okay=False, path_type=Path))


@click.group("glossary")
def command() -> None:
    """Check and export the terminology glossary (glossary.csv at the workspace root).

    \b
    One row per English term. Columns:
      term              the English term (IOM, internally displaced persons)
      kind              acronym, name or term (default term)
      case_sensitive    yes/no (default: yes for acronyms, no otherwise)
      do_not_translate  yes/no: the term stays unchanged in every language
      note              guidance for translators
      <lang>            approved translations, preferred first, separated by |
      <lang>_forbidden  translations that must not be used, separated by |
    """


@command.command("validate")
@FILE_ARGUMENT
@click.pass_obj
def validate(app: AppContext, file: Path | None) -> None:
    """Report every malformed row of FILE (default: the workspace's glossary.csv).

    Each problem is printed as glossary.csv:<row>: <problem> (row 1 is the header, as in a
    spreadsheet); the exit code is 2 when there is any.
    """
    path, shown, workspace = _locate(app, file)
    try:
        problems = validate_glossary(path)
    except GlossaryError as exc:
        raise GlossaryError(exc.message, path=shown, line=exc.line) from exc
    for problem in problems:
        report_error(GlossaryError(problem.message, path=shown, line=problem.line))
    if problems:
        raise SystemExit(int(ExitCode.USAGE))
    glossary = load_glossary(path)
    if workspace is not None:
        for lang in workspace.config.languages:
            if lang not in glossary.languages:
                click.echo(f"{shown}:1: warning: no column for the workspace language {lang!r}", err=True)
    languages = ", ".join(glossary.languages) or "no languages"
    click.echo(f"{shown}: {len(glossary.terms)} term(s), {languages}: OK")


@command.command("export")
@FILE_ARGUMENT
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORTERS)), default="tbx", show_default=True,
              help="tbx: TBX-Basic for CAT tools (Trados, memoQ, OmegaT); csv: a spreadsheet-safe copy.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@click.option("--source-language", help="Language of the terms (default: the workspace's source language, else en).")
@click.pass_obj
def export(app: AppContext, file: Path | None, fmt: str, output: Path | None, source_language: str | None) -> None:
    """Export FILE (default: the workspace's glossary.csv) as TBX or CSV.

    Cells that a spreadsheet would run as a formula (starting with = + - @) are written
    with a leading ' so they stay text.
    """
    path, shown, workspace = _locate(app, file)
    try:
        glossary = load_glossary(path)
    except GlossaryError as exc:
        raise GlossaryError(exc.message, path=shown, line=exc.line) from exc
    source = source_language or (workspace.config.source_language if workspace else "en")
    data = EXPORTERS[fmt](glossary, source)
    if output is None:
        click.echo(data, nl=False)
        return
    write_bytes_atomic(output, data)
    click.echo(f"wrote {output} ({len(glossary.terms)} term(s), {fmt})", err=True)


def _locate(app: AppContext, file: Path | None) -> tuple[Path, str, Workspace | None]:
    """The glossary path, how to show it in messages, and the workspace when there is one."""
    if file is not None:
        try:
            workspace: Workspace | None = app.workspace()
        except PresslateError:
            workspace = None
        return file, str(file), workspace
    workspace = app.workspace()
    return workspace.glossary_path, workspace.relative(workspace.glossary_path), workspace
