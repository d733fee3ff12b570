"""``presslate check``: run the quality checks on PO files and report in the format the caller reads."""

from __future__ import annotations

import textwrap
from pathlib import Path

import click

from presslate.cli import AppContext
from presslate.errors import ExitCode

FORMATS = ("text", "json", "junit", "sarif", "github")
SEVERITIES = ("error", "warning", "info")


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--lang", "languages", multiple=True, metavar="CODE", help="Only this target language (repeatable).")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text: path:line: severity check-id: message; json; junit (XML); sarif (GitHub code "
                   "scanning); github (workflow annotations).")
@click.option("--fail-on", type=click.Choice(SEVERITIES[:2]), default=None,
              help="Exit 1 when a finding is at least this severe (default: [check] fail_on, else error).")
@click.option("--min-severity", type=click.Choice(SEVERITIES), default="info", show_default=True,
              help="Only show findings at least this severe (the exit code still counts all).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file instead of standard output.")
@click.option("--no-cache", is_flag=True, help="Check every file again, ignoring results kept from earlier runs.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: one per CPU core; 1 = no workers).")
@click.option("--list", "list_checks", is_flag=True, help="List the checks (id, severity, name, description) and exit.")
@click.pass_obj
def command(app: AppContext, paths: tuple[Path, ...], languages: tuple[str, ...], output_format: str,
            fail_on: str | None, min_severity: str, output: Path | None, no_cache: bool, jobs: int | None,
            list_checks: bool) -> None:
    """Check translations: glossary terms, numbers, URLs and e-mails, punctuation, consistency.

    PATH may be PO files or folders (default: every PO file of the workspace). Each finding
    reads `path:line: severity check-id: message`.

    \b
    To silence one check on one entry, add to the entry in the PO file the flag
      #, ignore-<check-id>
    or the translator comment
      # presslate: ignore <check-id>
    Severities and enabled checks per language live in [check] of l10n/config.toml.

    Exit status: 0 nothing at or above --fail-on, 1 something is, 2 a usage, configuration or
    input error (a broken PO file is reported and the other files are still checked).
    """
    if list_checks:
        click.echo(format_check_list(), nl=False)
        return
    from presslate.checks.replay import load_replay, request_key, store_replay
    from presslate.checks.files import collect_check_files

    workspace = app.workspace()
    options = {"paths": [str(path) for path in paths], "languages": list(languages), "format": output_format,
               "fail_on": fail_on, "min_severity": min_severity}
    files = collect_check_files(workspace, paths=list(paths) or None, languages=list(languages) or None,
                                use_cache=not no_cache)  # listed once: for the replay key and for the run
    key = None if no_cache else request_key(workspace, files, paths=list(paths) or None, options=options)
    replay = load_replay(workspace, key) if key else None
    if replay is None:
        replay = _run(app, paths, languages, output_format, fail_on, min_severity, no_cache, jobs, files)
        if key:
            store_replay(workspace, key, replay)
    if output is not None:
        from presslate.fileio import write_text_atomic

        write_text_atomic(output, replay.output)
    else:
        click.echo(replay.output, nl=False)
    for line in replay.messages:
        click.echo(line, err=True)
    if replay.status:
        raise SystemExit(replay.status)


def _run(app: AppContext, paths: tuple[Path, ...], languages: tuple[str, ...], output_format: str,
         fail_on: str | None, min_severity: str, no_cache: bool, jobs: int | None, files):
    """Run the checks and render them: the report text, the lines for standard error, the exit status."""
    from presslate.checks import run_checks
    from presslate.checks.finding import Severity
    from presslate.checks.render import RENDERERS, summary_line
    from presslate.checks.replay import Replay
    from presslate.checks.settings import load_check_settings

    workspace = app.workspace()
    settings = load_check_settings(workspace.config)
    threshold = Severity(fail_on) if fail_on else settings.fail_on
    report = run_checks(workspace, paths=list(paths) or None, languages=list(languages) or None,
                        use_cache=not no_cache, jobs=jobs, files=files)
    data = report.to_dict()
    floor = Severity(min_severity)
    shown = dict(data)
    if floor is not Severity.INFO:
        shown_values = {severity.value for severity in Severity if severity.reaches(floor)}
        shown["findings"] = [f for f in data["findings"] if f["severity"] in shown_values]
    text = RENDERERS[output_format](shown, fail_on=threshold)
    messages = [_error_line(error) for error in report.errors] + [summary_line(data)]
    if report.errors:
        status = int(ExitCode.USAGE)
    elif report.reaches(threshold):
        status = int(ExitCode.FINDINGS)
    else:
        status = int(ExitCode.OK)
    return Replay(text, messages, status)


def _error_line(error) -> str:
    """An input error as ``report_error`` prints it."""
    return str(error) if error.path is not None else f"presslate: error: {error}"


def format_check_list() -> str:
    """Every check: id, default severity, name, then its description indented."""
    from presslate.checks.registry import CHECKS

    blocks = []
    for check in CHECKS:
        head = f"{check.check_id}  [{check.default_severity.value}]  {check.name}"
        blocks.append(head + "\n" + textwrap.indent(check.description(), "    "))
    return "\n\n".join(blocks) + "\n"
