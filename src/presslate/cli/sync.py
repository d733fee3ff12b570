"""``presslate sync``: bring POT and PO files up to date with the release files."""

from __future__ import annotations

import click

from presslate.cli import AppContext, report_error
from presslate.errors import ExitCode
from presslate.sync import sync_workspace


@click.command("sync")
@click.option("--lang", "languages", multiple=True, help="Only this target language (repeatable).")
@click.option("--release", "release_ids", multiple=True, help="Only this release id (repeatable).")
@click.option("--purge-obsolete", is_flag=True, help="Drop obsolete (#~) entries instead of keeping them.")
@click.option("--no-cache", is_flag=True, help="Process every release even if nothing changed since the last sync.")
@click.pass_obj
def command(app: AppContext, languages: tuple[str, ...], release_ids: tuple[str, ...], purge_obsolete: bool,
            no_cache: bool) -> None:
    """Write l10n/templates/<id>.pot and locales/<lang>/<id>.po for every release.

    Translations of unchanged sentences are kept; a changed sentence gets the closest old
    translation marked fuzzy (with the previous text as #|); translations of removed
    sentences become obsolete (#~). Running sync twice changes nothing.
    """
    workspace = app.workspace()
    from presslate.glossary_hints import glossary_hints

    factory, signature = glossary_hints(workspace)
    result = sync_workspace(
        workspace,
        languages=list(languages) or None,
        release_ids=list(release_ids) or None,
        purge_obsolete=purge_obsolete,
        use_state=not no_cache,
        hint_factory=factory,
        hint_signature=signature,
    )
    written = len(result.written)
    if not app.quiet:
        for path in result.written:
            click.echo(f"wrote {workspace.relative(path)}")
        stats = [change.stats for change in result.changes if change.stats is not None]
        click.echo(f"{written} file(s) written, {len(result.changes) - written} unchanged, "
                   f"{result.skipped_releases} release(s) skipped as unchanged; entries: "
                   f"{sum(s.new for s in stats)} new, {sum(s.fuzzy_matched for s in stats)} fuzzy (source changed), "
                   f"{sum(s.obsoleted for s in stats)} made obsolete, {sum(s.revived for s in stats)} revived, "
                   f"{sum(s.purged for s in stats)} purged", err=True)
    for error in result.errors:
        report_error(error)
    if result.errors:
        raise SystemExit(int(ExitCode.USAGE))
