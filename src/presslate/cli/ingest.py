"""``presslate ingest``: turn published pages into source releases."""

from __future__ import annotations

from pathlib import Path

import click

from presslate.cli import AppContext, report_error
from presslate.errors import ExitCode
from presslate.ingest.service import FORMATS, ingest_pages


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "page_format", type=click.Choice(FORMATS), default="auto", show_default=True,
              help="Page format; auto tells HTML, mirror pages and text pages apart.")
@click.option("--mirror-lang", help="Language of the title lines of a mirror page (default: told from the script).")
@click.pass_obj
def command(app: AppContext, paths: tuple[Path, ...], page_format: str, mirror_lang: str | None) -> None:
    """Read published pages (scraped text, mirror pages, HTML) into l10n/releases/<id>.md.

    Site navigation is dropped; title, dateline, body, lists and the contact block are kept.
    A mirror page gives one release per dated title line, keeping the translated title.
    Ingesting the same page again updates its releases in place.
    """
    result = ingest_pages(app.workspace(), list(paths), page_format=page_format, mirror_language=mirror_lang)
    for item in [] if app.quiet else result.files:
        for label, ids in (("created", item.created), ("updated", item.updated), ("unchanged", item.unchanged)):
            for release_id in ids:
                click.echo(f"{item.path}: {label} {release_id} ({item.format})")
    for error in result.errors:
        report_error(error)
    if result.errors:
        raise SystemExit(int(ExitCode.USAGE))
