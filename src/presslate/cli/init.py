"""``presslate init``: create a workspace."""

from __future__ import annotations

from pathlib import Path

import click

from presslate.workspace import init_workspace


@click.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option("--languages", "-l", required=True, help="Target languages, comma separated (e.g. ko,fr,es,ar).")
@click.option("--source-language", default="en", show_default=True, help="Language the releases are written in.")
@click.option("--name", help="Project name written in PO headers (default: the folder name).")
def command(directory: Path, languages: str, source_language: str, name: str | None) -> None:
    """Create a workspace in DIRECTORY: l10n/config.toml, folders and an empty glossary.csv."""
    codes = [code.strip() for code in languages.split(",") if code.strip()]
    workspace = init_workspace(directory, languages=codes, source_language=source_language, name=name)
    click.echo(f"created workspace {workspace.root} for {', '.join(workspace.config.languages)}")
