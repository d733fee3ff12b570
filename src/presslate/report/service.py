"""The status use case: count every release's PO file per language, add QA errors and history."""

from __future__ import annotations

import datetime as dt
import logging

from presslate.errors import PresslateError, UsageError
from presslate.languages import is_rtl, parse_language
from presslate.models import RELEASE_ID_RE
from presslate.report.cache import StatsCache
from presslate.report.collect import FileRequest, collect_stats
from presslate.report.history import DEFAULT_WEEKS, History, read_history
from presslate.report.qa import QaUnavailable, qa_error_counts
from presslate.report.status import (
    BrokenFile,
    FileState,
    LanguageStatus,
    QaSummary,
    ReleaseStatus,
    StatusReport,
)
from presslate.report.words import target_unit
from presslate.workspace import Workspace

log = logging.getLogger(__name__)


def build_status(
    workspace: Workspace,
    *,
    languages: list[str] | None = None,
    release_ids: list[str] | None = None,
    use_cache: bool = True,
    with_qa: bool = True,
    with_history: bool = True,
    history_weeks: int = DEFAULT_WEEKS,
    jobs: int | None = None,
    now: dt.datetime | None = None,
) -> StatusReport:
    """The status of the chosen languages and releases (default: all); broken PO files are counted as such."""
    langs = workspace.select_languages(languages)
    ids = select_releases(workspace, langs, release_ids)
    moment = now or dt.datetime.now(dt.timezone.utc)
    cache = StatsCache.load(workspace.cache_dir) if use_cache else None
    releases, requests = _plan(workspace, langs, ids)
    keys = list(requests)
    outcomes = collect_stats([requests[key] for key in keys], cache=cache, jobs=jobs)
    broken: list[BrokenFile] = []
    for key, outcome in zip(keys, outcomes):
        release = releases[key]
        if outcome.error is not None:
            release.state = FileState.BROKEN
            release.error = BrokenFile(release.path, outcome.error.line, outcome.error.message)
            broken.append(release.error)
            continue
        stats = outcome.stats
        release.counts = stats.counts
        release.title = stats.title
        if release.state is FileState.OK:
            release.title_translation = stats.title_translation
            release.last_translator = stats.last_translator
            release.revision_date = stats.revision_date
    _count_unsynced(workspace, [release for key, release in releases.items() if key not in requests], broken)
    chosen = ids if release_ids else None
    qa = _add_qa(workspace, releases, langs, use_cache) if with_qa else QaSummary(False, "QA not requested")
    history = (
        read_history(workspace, languages=langs, release_ids=set(chosen) if chosen else None,
                     weeks=history_weeks, today=moment.date(), cache=cache, jobs=jobs)
        if with_history
        else History(False, "history not requested")
    )
    if cache is not None:
        cache.save()
    ordered = sorted(releases.values(), key=lambda r: (r.id, langs.index(r.lang)))
    return StatusReport(
        workspace=workspace.config.name,
        source_language=workspace.config.source_language,
        generated_at=moment,
        languages=_languages(langs, ordered, qa_ran=qa.available),
        releases=ordered,
        qa=qa,
        history=history,
        broken=broken,
    )


def select_releases(workspace: Workspace, langs: list[str], requested: list[str] | None) -> list[str]:
    """Release ids to report: those asked for (checked), else every release with a source file or a PO file."""
    known = set(workspace.release_ids())
    for lang in langs:
        known.update(workspace.po_files(lang))
    if not requested:
        return sorted(known)
    chosen = []
    for release_id in requested:
        if not RELEASE_ID_RE.match(release_id):
            raise UsageError(f"invalid release id {release_id!r}: only a-z, 0-9 and '-' are allowed")
        if release_id not in known:
            raise UsageError(f"unknown release {release_id!r}: no l10n/releases/{release_id}.md and no PO file for it")
        if release_id not in chosen:
            chosen.append(release_id)
    return chosen


def _plan(
    workspace: Workspace, langs: list[str], ids: list[str]
) -> tuple[dict[tuple[str, str], ReleaseStatus], dict[tuple[str, str], FileRequest]]:
    """A ReleaseStatus per (language, release) and the file to count for it (the POT when the PO is missing)."""
    present = {lang: set(workspace.po_files(lang)) for lang in langs}
    locales = workspace.relative(workspace.locales_dir)
    releases: dict[tuple[str, str], ReleaseStatus] = {}
    requests: dict[tuple[str, str], FileRequest] = {}
    for release_id in ids:
        for lang in langs:
            po_path = workspace.po_path(lang, release_id)
            state = FileState.OK if release_id in present[lang] else FileState.MISSING
            releases[(lang, release_id)] = ReleaseStatus(
                id=release_id, lang=lang, path=f"{locales}/{lang}/{release_id}.po", state=state,
                target_unit=target_unit(lang),
            )
            if state is FileState.OK:
                requests[(lang, release_id)] = FileRequest(po_path, lang)
            elif (template := workspace.template_path(release_id)).is_file():
                requests[(lang, release_id)] = FileRequest(template, lang)
    return releases, requests


def _count_unsynced(workspace: Workspace, releases: list[ReleaseStatus], broken: list[BrokenFile]) -> None:
    """Count releases never synced (no PO file, no template) from their release file: all of it is to translate.

    Without this they showed 0 of 0 segments, that is 100 % translated. A release file that
    cannot be read makes the release broken, as a broken PO file does.
    """
    from presslate.catalog.template import build_template
    from presslate.releasefile import read_release
    from presslate.report.counts import stats_from_catalog
    from presslate.segment import segment_release

    templates: dict[str, object] = {}
    for release in releases:
        path = workspace.release_path(release.id)
        if not path.is_file():
            continue
        template = templates.get(release.id)
        if template is None:
            try:
                parsed = read_release(path)
            except PresslateError as exc:
                template = templates[release.id] = BrokenFile(workspace.relative(path), exc.line, exc.message)
            else:
                segments = segment_release(parsed, lang=workspace.config.source_language)
                template = templates[release.id] = build_template(
                    parsed, segments, reference_path=workspace.relative(path), project=workspace.config.name)
        if isinstance(template, BrokenFile):
            release.state, release.error = FileState.BROKEN, template
            if template not in broken:
                broken.append(template)
            continue
        stats = stats_from_catalog(template, lang=release.lang)
        release.counts, release.title = stats.counts, stats.title


def _add_qa(
    workspace: Workspace,
    releases: dict[tuple[str, str], ReleaseStatus],
    langs: list[str],
    use_cache: bool,
) -> QaSummary:
    """QA errors of the releases QA decides on: those complete in a language (the others are blocked anyway).

    Checking only these keeps ``status`` about as fast as counting; ``presslate check`` covers work in progress.
    """
    complete: dict[str, list[str]] = {}
    for (lang, release_id), release in releases.items():
        if release.state is FileState.OK and release.counts.complete:
            complete.setdefault(lang, []).append(release_id)
    try:
        for lang in langs:
            if lang not in complete:
                continue
            errors = qa_error_counts(workspace, [lang], complete[lang], use_cache)
            for release_id in complete[lang]:
                releases[(lang, release_id)].qa_errors = errors.get((lang, release_id), 0)
    except QaUnavailable as exc:
        log.warning("%s; releases cannot be called ready", exc)
        return _forget_qa(releases, QaSummary(False, str(exc)))
    except PresslateError as exc:
        log.warning("QA checks could not run: %s", exc)
        return _forget_qa(releases, QaSummary(False, f"QA checks could not run: {exc}"))
    return QaSummary(True)


def _forget_qa(releases: dict[tuple[str, str], ReleaseStatus], summary: QaSummary) -> QaSummary:
    for release in releases.values():
        release.qa_errors = None
    return summary


def _languages(langs: list[str], releases: list[ReleaseStatus], *, qa_ran: bool) -> list[LanguageStatus]:
    summaries = {}
    for code in langs:
        locale = parse_language(code)
        summaries[code] = LanguageStatus(
            code=code,
            name=locale.get_display_name("en") or code,
            native_name=locale.get_display_name() or code,
            target_unit=target_unit(code),
            rtl=is_rtl(code),
            qa_errors=0 if qa_ran else None,
        )
    for release in releases:
        summaries[release.lang].add(release)
    return list(summaries.values())
