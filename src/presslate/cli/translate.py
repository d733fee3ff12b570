"""``presslate translate``: fill untranslated entries with drafts from the translation memory or an MT engine."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TYPE_CHECKING

import click

from presslate.cli import AppContext
from presslate.errors import ExitCode
from presslate.mt import MT_ENGINES
from presslate.mt.service import (
    OUTCOME_CACHE,
    OUTCOME_FAILED,
    TranslateResult,
    TranslateSettings,
    translate_workspace,
)

if TYPE_CHECKING:
    from rich.console import Console

INTERRUPTED_EXIT = 130


class RichProgress:
    """A progress bar on stderr: entries done, cache hits, failures (drawn only on a terminal)."""

    def __init__(self, console: Console | None = None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(
            TextColumn("[bold]drafting"), BarColumn(), MofNCompleteColumn(),
            TextColumn("cache hits {task.fields[cache]}  failures {task.fields[failed]}"), TimeElapsedColumn(),
            console=console or Console(stderr=True), transient=False,
        )
        self._task = None
        self._counts = {OUTCOME_CACHE: 0, OUTCOME_FAILED: 0}

    def __enter__(self) -> RichProgress:
        self._progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self._progress.stop()

    def start(self, total: int) -> None:
        self._task = self._progress.add_task("drafting", total=total, cache=0, failed=0)

    def advance(self, outcome: str) -> None:
        if outcome in self._counts:
            self._counts[outcome] += 1
        if self._task is not None:
            self._progress.update(self._task, advance=1, cache=self._counts[OUTCOME_CACHE],
                                  failed=self._counts[OUTCOME_FAILED])


@click.command("translate")
@click.option("--lang", required=True, help="Target language code (one of the workspace's languages).")
@click.option("--engine", type=click.Choice(("tm", *MT_ENGINES)), default=None,
              help="Where drafts come from (default: [translate] engine, else tm). tm = the translation memory "
                   "only, offline; any other engine is used for what the memory cannot answer.")
@click.option("--release", "release_ids", multiple=True, metavar="ID", help="Only this release (repeatable).")
@click.option("--include-fuzzy", is_flag=True,
              help="Also redraft fuzzy entries (a person's fuzzy text is kept in a comment).")
@click.option("--concurrency", type=click.IntRange(1, 64), default=None,
              help="Requests sent at once (default 4).")
@click.option("--base-url", metavar="URL", help="Address of the engine's server (libre: your LibreTranslate).")
@click.option("--dry-run", is_flag=True,
              help="Only count, per release and in total, what the memory and the cache would answer and what "
                   "would be sent to the engine (entries, characters). Sends and writes nothing.")
@click.pass_obj
def command(app: AppContext, lang: str, engine: str | None, release_ids: tuple[str, ...], include_fuzzy: bool,
            concurrency: int | None, base_url: str | None, dry_run: bool) -> None:
    """Fill untranslated entries of locales/<lang>/*.po with drafts for a translator to review.

    Drafts come first from the organisation's own earlier translations (the translation memory,
    exact and similar sentences), then from the cache of earlier engine answers, then from the
    engine. Each draft is marked fuzzy with a comment such as "draft: tm 92% from <release>" or
    "draft: deepl". Entries a person translated are never changed.

    \b
    Glossary terms come out as their approved translation, numbers the target language's way,
    names, emails, URLs and phone numbers unchanged. API keys are read from environment variables
    (PRESSLATE_DEEPL_API_KEY, PRESSLATE_MICROSOFT_API_KEY, PRESSLATE_CHATGPT_API_KEY,
    PRESSLATE_LIBRE_API_KEY) or the variable named in [translate] key_env; never from options.

    \b
    Exit status: 0 done; 1 some entries could not be drafted; 2 usage error or the engine failed
    (the drafts received so far are saved: run the command again to continue); 130 interrupted.
    """
    workspace = app.workspace()
    section = workspace.config.section("translate")
    settings = TranslateSettings.from_config(section, path=workspace.config.path)
    settings = settings.override(engine=engine, concurrency=concurrency, base_url=base_url)
    show_bar = not dry_run and sys.stderr.isatty()
    progress = RichProgress() if show_bar else None
    if progress is not None:
        with progress:
            result = _run(workspace, lang, settings, release_ids, include_fuzzy, dry_run, progress)
    else:
        result = _run(workspace, lang, settings, release_ids, include_fuzzy, dry_run, None)
    if dry_run:
        _print_dry_run(result)
        return
    for path in result.written:
        click.echo(f"wrote {workspace.relative(path)}")
    _print_summary(result)
    if result.interrupted:
        click.echo("interrupted: the drafts received so far are saved; run the same command again to continue",
                   err=True)
        raise SystemExit(INTERRUPTED_EXIT)
    if result.stopped is not None:
        raise result.stopped
    if result.total.failed:
        raise SystemExit(int(ExitCode.FINDINGS))


def _run(workspace, lang, settings, release_ids, include_fuzzy, dry_run, progress) -> TranslateResult:  # type: ignore[no-untyped-def]
    return translate_workspace(workspace, lang=lang, settings=settings, release_ids=list(release_ids) or None,
                               include_fuzzy=include_fuzzy, dry_run=dry_run, progress=progress)


def _print_dry_run(result: TranslateResult) -> None:
    click.echo(f"dry run for {result.lang} with engine {result.engine}: nothing is sent, nothing is written")
    header = ("release", "entries", "memory", "cache", "to engine", "characters")
    rows = [(t.release, t.selected, t.memory, t.cache, t.send_entries, t.send_characters) for t in result.releases]
    total = result.total
    rows.append(("total", total.selected, total.memory, total.cache, total.send_entries, total.send_characters))
    width = max(len(str(row[0])) for row in [header, *rows])
    click.echo(f"{header[0]:<{width}}  " + "  ".join(f"{h:>10}" for h in header[1:]))
    for row in rows:
        click.echo(f"{row[0]:<{width}}  " + "  ".join(f"{v:>10}" for v in row[1:]))
    click.echo(f"the memory's answers: {total.memory_exact} exact, {total.memory - total.memory_exact} similar "
               "sentences")
    if total.glossary:
        click.echo(f"{total.glossary} entr(ies) are glossary terms alone: drafted from the glossary")
    if result.engine != "tm":
        click.echo(f"{result.distinct_texts} distinct text(s) would be sent ({total.send_characters} characters)")
    if total.no_match:
        click.echo(f"{total.no_match} entr(ies) have no match in the memory at the configured score")


def _print_summary(result: TranslateResult) -> None:
    total = result.total
    parts = [f"{total.drafted} of {total.selected} entries drafted",
             f"memory {total.memory} ({total.memory_exact} exact)",
             f"cache {total.cache}", f"engine {total.engine}"]
    if total.glossary:
        parts.append(f"glossary {total.glossary}")
    if result.engine != "tm":
        parts.append(f"{result.requests} request(s) sent to {result.engine}")
    click.echo(f"{result.lang}: " + ", ".join(parts), err=True)
    if total.no_match:
        click.echo(f"{total.no_match} entr(ies) left untranslated: no close match in the memory", err=True)
    if total.failed:
        click.echo(f"{total.failed} entr(ies) could not be drafted: the engine failed on them", err=True)
    left = total.selected - total.drafted - total.failed - total.no_match
    if left:
        click.echo(f"{left} entr(ies) not reached: they are left for the next run", err=True)
    if total.noted:
        click.echo(f"{total.noted} draft(s) carry a 'draft note:' comment: placeholders came back wrong", err=True)
    if total.drafted:
        click.echo(f"{total.qa_failed} draft(s) fail the glossary-term or numbers check (see 'presslate check')",
                   err=True)
