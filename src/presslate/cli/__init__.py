"""The ``presslate`` command line: a thin layer that parses arguments, calls a use case and picks the exit code."""

from __future__ import annotations

import importlib
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from presslate import __version__
from presslate.errors import ExitCode, InputError, PresslateError
from presslate.workspace import Workspace, open_workspace

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@dataclass
class AppContext:
    """What every command gets: where the workspace is (found lazily)."""

    workspace_dir: Path | None
    quiet: bool = False
    _workspace: Workspace | None = None

    def workspace(self) -> Workspace:
        if self._workspace is None:
            self._workspace = open_workspace(explicit=self.workspace_dir)
        return self._workspace


class PresslateGroup(click.Group):
    """A click group that loads commands lazily and turns PresslateError into ``path:line: message``, exit 2."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        if cmd_name not in self.commands:
            self.add_command(_load_command(cmd_name), cmd_name)
        return self.commands[cmd_name]

    def invoke(self, ctx: click.Context):  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except PresslateError as exc:
            report_error(exc)
            ctx.exit(int(exc.exit_code))
        except BrokenPipeError:  # the reader of our output went away (presslate check | head): not an input error
            raise
        except OSError as exc:  # a file or folder the command must read or write (not a directory, no space ...)
            error = InputError(exc.strerror or str(exc), path=exc.filename)
            report_error(error)
            ctx.exit(int(error.exit_code))


def report_error(exc: PresslateError) -> None:
    """Print an error in compiler form on stderr."""
    text = str(exc)
    click.echo(text if exc.path is not None else f"presslate: error: {text}", err=True)


@click.group(cls=PresslateGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="presslate")
@click.option(
    "-C",
    "--workspace",
    "workspace_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Workspace folder (default: found by walking up from the current folder).",
)
@click.option("-v", "--verbose", count=True, help="Say more (repeat for debug output).")
@click.option("-q", "--quiet", is_flag=True, help="Only print errors.")
@click.pass_context
def cli(ctx: click.Context, workspace_dir: Path | None, verbose: int, quiet: bool) -> None:
    """presslate: translate press releases with gettext PO files.

    \b
    Typical flow:
      presslate init --languages ko,fr,es,ar   create a workspace
      presslate ingest pages/*.txt             turn published pages into source releases
      presslate sync                           write POT templates and PO files per language
    Translators then edit locales/<lang>/<release>.po in Poedit, Lokalize or a text editor.
    """
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s: %(message)s", stream=sys.stderr)
    ctx.obj = AppContext(workspace_dir=workspace_dir, quiet=quiet)


# Command name -> module in presslate.cli exposing ``command``; imported only when used, so a
# command does not pay for the others' imports.
COMMANDS: dict[str, str] = {
    "init": "init",
    "ingest": "ingest",
    "segment": "segment",
    "sync": "sync",
    "glossary": "glossary",
    "check": "check",
    "status": "status",
    "translate": "translate",
    "build": "build",
    "compile": "compile",
}


def _load_command(name: str) -> click.Command:
    module = importlib.import_module(f"presslate.cli.{COMMANDS[name]}")
    return module.command



def main() -> None:
    """Console-script entry point: run the command, then leave without tearing down the heap.

    A big run (a check of thousands of files) holds millions of objects; freeing them one by one
    at interpreter exit costs tens of milliseconds and serves no purpose, so once the output is
    flushed the process ends at once (as mypy does). In-process callers use ``cli`` itself.
    """
    from presslate.checks.heap import process_ends_after_command

    process_ends_after_command()
    try:
        cli.main(prog_name="presslate")
        status = 0
    except PresslateError as exc:  # raised outside a command (e.g. while parsing)
        report_error(exc)
        status = int(ExitCode.USAGE)
    except SystemExit as exc:
        status = _exit_status(exc.code)
    _exit_now(status)


def _exit_status(code: object) -> int:
    """What ``sys.exit(code)`` would make the exit status (a message is printed, like Python does)."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _exit_now(status: int) -> None:
    """Flush standard output and error, wait for cache writes still going on, then end the process without teardown."""
    cache = sys.modules.get("presslate.checks.cache")
    if cache is not None:
        cache.finish_writes()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (presslate check | head) or a closed stream
            pass
    logging.shutdown()
    os._exit(status)
