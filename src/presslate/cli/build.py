"""``presslate build``: publish translated releases, mirror pages and an index page per language."""

from __future__ import annotations

from pathlib import Path

import click

from presslate.build.render import FORMATS
from presslate.build.service import BuildOptions, build_site
from presslate.cli import AppContext, report_error
from presslate.errors import ExitCode


@click.command("build")
@click.option("--lang", "languages", multiple=True, metavar="CODE",
              help="Only this language (repeatable; default: all).")
@click.option("--release", "release_ids", multiple=True, metavar="ID",
              help="Only this release (repeatable; default: all).")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="html", show_default=True,
              help="html: web pages; md: Markdown; txt: the mirror-page text format.")
@click.option("--mirror", is_flag=True,
              help="Publish partly translated releases too, with the missing sentences in English "
                   "(as the Korean mirror does).")
@click.option("--min-translated", type=click.FloatRange(0, 100), metavar="PCT",
              help="Skip releases with less than PCT % of their words translated; the others are published "
                   "with any missing sentence in English (default: 100, or 0 with --mirror, "
                   "or [build] min_translated in l10n/config.toml).")
@click.option("--include-drafts", is_flag=True,
              help="Publish machine drafts and fuzzy entries too (normally left out).")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path),
              help="Output folder (default: site/ in the workspace, ignored by git).")
@click.pass_obj
def command(app: AppContext, languages: tuple[str, ...], release_ids: tuple[str, ...], output_format: str,
            mirror: bool, min_translated: float | None, include_drafts: bool, output: Path | None) -> None:
    """Turn translated releases back into publishable pages, one folder per language.

    \b
    Each release is rebuilt from its sentences in their original order: title, dateline,
    paragraphs, lists and the contact block; emails, phone numbers and names stay as
    they are. Only reviewed translations are used (not fuzzy entries or machine drafts,
    unless --include-drafts). A release that is not fully translated is skipped, with
    the reason printed, unless --mirror is given: then the missing sentences stay in
    English. Each language folder also gets an index page, newest release first.

    \b
    Title and posting lines, back-link and index heading can be set per language in
    the [build] section of l10n/config.toml, for example:
      [build.title_format]
      ko = "({date:y/M/d}) {title}"
    Fields: {title} {date} {date_short} {dateline} {id} {posted}; dates take a pattern
    such as {date:y/M/d} or {posted:EEE, MMM-dd-yyyy}, or short/medium/long/full.

    \b
    Examples:
      presslate build --lang ko --mirror --format txt
      presslate build --format html --min-translated 90
    """
    workspace = app.workspace()
    options = BuildOptions(
        languages=languages,
        release_ids=release_ids,
        output_format=output_format,
        mirror=mirror,
        min_translated=min_translated,
        include_drafts=include_drafts,
        output=output,
    )
    result = build_site(workspace, options)
    for skipped in result.skipped:
        click.echo(f"skipped {skipped.lang} {skipped.release_id}: {skipped.reason}")
    for error in result.errors:
        report_error(error)
    if result.errors:
        click.echo(f"nothing written to {result.output}: fix the errors above and build again", err=True)
        raise SystemExit(int(ExitCode.USAGE))
    for lang, pages in result.pages.items():
        drafts = sum(page.coverage.drafts for page in pages)
        fallbacks = sum(1 for page in pages if page.coverage.translated_segments < page.coverage.total_segments)
        notes = []
        if drafts:
            notes.append(f"{drafts} draft sentence(s) included")
        if mirror and fallbacks:
            notes.append(f"{fallbacks} with English sentences")
        extra = f" ({'; '.join(notes)})" if notes else ""
        click.echo(f"{lang}: {len(pages)} release(s) built into {_shown(result.output / lang)}{extra}")


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
