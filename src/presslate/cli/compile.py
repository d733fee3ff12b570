"""``presslate compile``: write binary MO files for applications that serve strings with gettext."""

from __future__ import annotations

from pathlib import Path

import click

from presslate.build.compile import compile_catalogs
from presslate.cli import AppContext, report_error
from presslate.errors import ExitCode


@click.command("compile")
@click.option("--lang", "languages", multiple=True, metavar="CODE",
              help="Only this language (repeatable; default: all).")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path),
              help="Folder of the MO files (default: site/locale in the workspace).")
@click.pass_obj
def command(app: AppContext, languages: tuple[str, ...], output: Path | None) -> None:
    """Compile locales/<lang>/<release>.po into <output>/<lang>/LC_MESSAGES/<release>.mo.

    Like msgfmt, only reviewed translations go in: fuzzy entries (including machine
    drafts), untranslated and obsolete entries are left out. A PO file that cannot be
    read stops the run before any MO file is written.
    """
    workspace = app.workspace()
    result = compile_catalogs(workspace, languages=list(languages) or None, output=output)
    for error in result.errors:
        report_error(error)
    if result.errors:
        click.echo(f"nothing written to {result.output}: fix the errors above and compile again", err=True)
        raise SystemExit(int(ExitCode.USAGE))
    for summary in result.languages:
        click.echo(
            f"{summary.lang}: {summary.files} MO file(s) ({summary.written} changed): "
            f"{summary.translated} translated messages, {summary.fuzzy} fuzzy and "
            f"{summary.untranslated} untranslated left out"
        )
