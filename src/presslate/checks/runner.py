"""The check use case: find the PO files, run every check (in parallel, through the cache) and build the report.

Per PO file (in worker processes when there are many): parse it, run the segment checks of
its language and the release checks of its release. Per language (in this process): the
catalog checks over every PO file of the language in the workspace, from the entries the
file step extracted. Both steps are cached (see :mod:`presslate.checks.cache`).
"""

from __future__ import annotations

import hashlib
import logging
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from presslate.checks.base import CatalogContext, CatalogEntry, ReleaseContext, ignored_check_ids
from presslate.checks.cache import CheckCache, code_signature, digest_bytes
from presslate.checks.finding import CheckReport, Finding, Severity
from presslate.checks.registry import CATALOG_CHECKS, CHECK_IDS, RELEASE_CHECKS
from presslate.checks.settings import CheckSettings, load_check_settings
from presslate.errors import CatalogError, InputError, PresslateError, ReleaseFileError
from presslate.models import RELEASE_ID_RE
from presslate.workspace import Workspace

log = logging.getLogger(__name__)
PARALLEL_MIN_FILES = 40
"""Below this many files to parse, starting worker processes costs more than it saves."""
TITLES_MARK = b"\ntitles:"
"""Release files without this carry no translated title: release checks have nothing to read."""
_ORDER = {check_id: index for index, check_id in enumerate(CHECK_IDS)}
_NONE: frozenset[str] = frozenset()


@dataclass(frozen=True)
class FileJob:
    """One PO file to check: where it is, how it is shown, its language when the path tells it, its content key.

    ``release_path`` is the release file with titles the release checks read (its bytes are
    part of ``digest``).
    """

    path: Path
    rel: str
    lang: str | None
    digest: str
    release_path: Path | None = None
    release_rel: str | None = None


@dataclass
class FileResult:
    """What checking one file gave, in a compact form that pickles and caches well.

    A finding is ``[check, severity, line, msgid, msgstr, message, path]`` (path None: the PO
    file); an entry is ``[line, msgctxt, msgid, msgstr, ignored ids]``; an error is
    ``[path, message, line]`` (path None: the PO file).
    """

    job: FileJob
    lang: str | None = None
    release: str | None = None
    findings: list[list[Any]] = field(default_factory=list)
    entries: list[list[Any]] | None = None
    errors: list[list[Any]] = field(default_factory=list)
    fatal: bool = False

    @property
    def rel(self) -> str:
        return self.job.rel

    def cached_value(self) -> list[Any]:
        return [self.lang, self.release, self.findings, self.errors, self.fatal]


@dataclass(frozen=True)
class RunState:
    """What a worker process needs to check files."""

    settings: CheckSettings
    glossary: Any
    source_lang: str


_STATE: RunState | None = None
_MEMO: dict = {}


def _init_worker(state: RunState) -> None:
    """Set the run's state in this process (a worker, or the main process for small runs); forget earlier runs."""
    global _STATE
    _STATE = state
    _MEMO.clear()


def run_checks(workspace: Workspace, *, paths: list[Path] | None = None, languages: list[str] | None = None,
               use_cache: bool = True, jobs: int | None = None) -> CheckReport:
    """Check the PO files at ``paths`` (files or folders; default: every PO file of the workspace).

    Input problems (an unreadable or malformed PO or release file, a broken glossary) are
    collected in ``report.errors`` and the other files are still checked. Configuration
    errors raise :class:`~presslate.errors.ConfigError`.
    """
    settings = load_check_settings(workspace.config)
    selected = workspace.select_languages(languages) if languages else None
    report = CheckReport()
    glossary, glossary_key = _load_glossary(workspace, report.errors)
    state = RunState(settings, glossary, workspace.config.source_language)
    _init_worker(state)
    key = hashlib.sha256("\n".join([code_signature(), settings.signature(), state.source_lang,
                                    glossary_key]).encode()).hexdigest()
    cache = CheckCache(workspace.cache_dir / "check", key) if use_cache else None

    results = _process(_collect(workspace, paths, selected, report.errors), state, cache, jobs)
    kept: list[FileResult] = []
    for result in results:
        report.errors += [_error(result, error) for error in result.errors]
        if result.fatal or (selected and result.lang not in selected):
            continue
        kept.append(result)
    report.files_checked = len(kept)
    for result in kept:
        report.findings += [_finding(result, item) for item in result.findings]
    wanted = {result.rel for result in kept}
    for lang in sorted({result.lang for result in kept if result.lang}):
        lang_results = [result for result in kept if result.lang == lang]
        others = _language_files(workspace, lang, skip={result.rel for result in results})
        if others:
            lang_results += [r for r in _process(others, state, cache, jobs) if not r.fatal and r.lang == lang]
        report.findings += [finding for finding in _catalog_findings(lang, lang_results, state, cache)
                            if finding.path in wanted]
    if cache is not None:
        cache.save()
    for error in report.errors:
        if error.path is not None and error.path.is_absolute():
            error.path = Path(workspace.relative(error.path))
    report.findings.sort(key=lambda f: (f.path or "", f.line or 0, _ORDER.get(f.check, 99), f.message))
    return report


def _load_glossary(workspace: Workspace, errors: list[PresslateError]) -> tuple[Any, str]:
    """The workspace glossary (None when absent or broken: broken is an input error) and its signature."""
    path = workspace.glossary_path
    if not path.exists():
        return None, ""
    from presslate.glossary import glossary_signature, load_glossary

    try:
        glossary = load_glossary(path)
    except PresslateError as exc:
        errors.append(exc)
        return None, "broken"
    if not glossary.terms:
        return None, ""
    return glossary, glossary_signature(path)


def _collect(workspace: Workspace, paths: list[Path] | None, selected: list[str] | None,
             errors: list[PresslateError]) -> list[FileJob]:
    """The PO files to check, each once, in a stable order."""
    if not paths:
        return [job for lang in selected or workspace.config.languages for job in _language_files(workspace, lang)]
    candidates: list[Path] = []
    for given in paths:
        if given.is_dir():
            candidates += sorted(p for p in given.rglob("*.po") if p.is_file())
        elif given.is_file():
            candidates.append(given)
        else:
            errors.append(InputError("no such file or folder", path=given))
    jobs: dict[Path, FileJob] = {}
    for path in candidates:
        resolved = path.resolve()
        if resolved not in jobs:
            job = _job(workspace, path, workspace.relative(path), _language_from_path(workspace, resolved), errors)
            if job is not None:
                jobs[resolved] = job
    return list(jobs.values())


def _language_files(workspace: Workspace, lang: str, *, skip: set[str] = frozenset()) -> list[FileJob]:
    """Jobs for the workspace's PO files of ``lang`` (``locales/<lang>/*.po``), except the ``skip`` ones."""
    folder = workspace.locales_dir / lang
    if not folder.is_dir():
        return []
    jobs = []
    for path in sorted(folder.glob("*.po")):
        rel = f"locales/{lang}/{path.name}"
        if rel not in skip:
            job = _job(workspace, path, rel, lang, None)
            if job is not None:
                jobs.append(job)
    return jobs


def _job(workspace: Workspace, path: Path, rel: str, lang: str | None,
         errors: list[PresslateError] | None) -> FileJob | None:
    """The job of one PO file: its content key covers the release file the release checks read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        if errors is not None:
            errors.append(InputError(f"cannot read: {exc.strerror}", path=path))
        return None
    release_path = workspace.releases_dir / f"{path.stem}.md" if RELEASE_ID_RE.match(path.stem) else None
    if release_path is not None:
        try:
            release_data = release_path.read_bytes()
        except OSError:
            release_data = b""
        if TITLES_MARK in release_data:
            data += b"\0release\0" + release_data
        else:
            release_path = None
    release_rel = f"l10n/releases/{release_path.name}" if release_path is not None else None
    return FileJob(path, rel, lang, digest_bytes(data), release_path, release_rel)


def _language_from_path(workspace: Workspace, resolved: Path) -> str | None:
    """``ko`` for ``<workspace>/locales/ko/x.po``; None elsewhere (the PO header tells)."""
    try:
        parts = resolved.relative_to(workspace.locales_dir.resolve()).parts
    except ValueError:
        return None
    return parts[0] if len(parts) == 2 else None


def _process(jobs: list[FileJob], state: RunState, cache: CheckCache | None, workers: int | None) -> list[FileResult]:
    """Results for every job: from the cache when the file is unchanged, else by checking it (maybe in parallel)."""
    results: dict[str, FileResult] = {}
    todo: list[FileJob] = []
    for job in jobs:
        value = cache.get("files", job.rel, job.digest) if cache is not None else None
        if value is not None:
            lang, release, findings, errors, fatal = value
            results[job.rel] = FileResult(job, lang, release, findings, None, errors, fatal)
        else:
            todo.append(job)
    for result in _run_jobs(todo, state, workers):
        results[result.rel] = result
        if cache is not None:
            cache.put("files", result.rel, result.job.digest, result.cached_value())
            if result.entries is not None:
                cache.put("entries", result.rel, result.job.digest, result.entries)
    return [results[job.rel] for job in jobs]


def _run_jobs(jobs: list[FileJob], state: RunState, workers: int | None) -> list[FileResult]:
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1 or len(jobs) < PARALLEL_MIN_FILES:
        return [check_file(job) for job in jobs]
    count = min(count, max(1, len(jobs) // 10))
    chunk = max(1, len(jobs) // (count * 8))
    with ProcessPoolExecutor(max_workers=count, initializer=_init_worker, initargs=(state,)) as pool:
        return list(pool.map(check_file, jobs, chunksize=chunk))


def check_file(job: FileJob) -> FileResult:
    """Parse one PO file and run the segment checks of its language and the release checks (runs in a worker)."""
    from presslate.catalog.pofile import parse_po
    from presslate.checks.engine import check_catalog, segment_checks, term_index
    from presslate.languages import normalise_language

    state = _STATE
    assert state is not None, "check_file needs _init_worker first"
    result = FileResult(job)
    try:
        data = job.path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CatalogError("not valid UTF-8", path=job.path, line=data[: exc.start].count(b"\n") + 1) from exc
        catalog = parse_po(text, path=job.path)
        lang = job.lang or (normalise_language(catalog.language) if catalog.language else None)
        if lang is None:
            raise CatalogError("cannot tell the language: no 'Language' header and not under locales/<lang>/")
    except PresslateError as exc:
        return FileResult(job, errors=[[None, exc.message, exc.line]], fatal=True)
    except OSError as exc:
        return FileResult(job, errors=[[None, f"cannot read: {exc.strerror}", None]], fatal=True)
    result.lang = lang
    result.release = job.path.stem if RELEASE_ID_RE.match(job.path.stem) else None
    settings = state.settings
    enabled = settings.enabled(lang)
    severities = settings.severities_for(lang)
    terms = term_index(state.glossary, lang) if state.glossary is not None else None
    findings = check_catalog(catalog, lang=lang, terms=terms, checks=segment_checks(enabled), severities=severities,
                             path=job.rel, release=result.release, source_lang=state.source_lang, memo=_MEMO)
    result.findings = [[f.check, f.severity.value, f.line, f.msgid, f.msgstr, f.message, None] for f in findings]
    result.entries = [
        [message.line, message.msgctxt, message.msgid, message.msgstr, sorted(ignored_check_ids(message))]
        for message in catalog.messages
        if message.msgid and message.msgstr and not message.obsolete and not message.fuzzy
    ]
    release_checks = [check for check in RELEASE_CHECKS if check.check_id in enabled]
    if job.release_path is not None and release_checks:
        _release_findings(job, lang, release_checks, terms, severities, settings, result)
    return result


def _release_findings(job: FileJob, lang: str, checks: list, terms, severities, settings: CheckSettings,
                      result: FileResult) -> None:
    """Run the release checks on the release file of ``job`` (a broken release file is an input error)."""
    from presslate.releasefile import parse_release

    assert job.release_path is not None
    try:
        data = job.release_path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ReleaseFileError("not valid UTF-8", path=job.release_path,
                                   line=data[: exc.start].count(b"\n") + 1) from exc
        release = parse_release(text, path=job.release_path)
    except PresslateError as exc:
        result.errors.append([job.release_rel, exc.message, exc.line])
        return
    except OSError as exc:
        result.errors.append([job.release_rel, f"cannot read: {exc.strerror}", None])
        return
    for check in checks:
        ctx = ReleaseContext(lang=lang, release=release, path=job.release_rel or "", titles_line=_titles_line(text, lang),
                             terms=terms, severities=severities, settings=settings.options_for(check.check_id))
        result.findings += [[f.check, f.severity.value, f.line, f.msgid, f.msgstr, f.message, f.path]
                            for f in check().check(ctx)]


def _finding(result: FileResult, item: list[Any]) -> Finding:
    check, severity, line, msgid, msgstr, message, path = item
    return Finding(check, Severity(severity), path or result.rel, line, result.lang, result.release, msgid, msgstr,
                   message)


def _error(result: FileResult, error: list[Any]) -> PresslateError:
    path, message, line = error
    kind = ReleaseFileError if path else CatalogError
    return kind(message, path=path or result.rel, line=line)


def _catalog_findings(lang: str, results: list[FileResult], state: RunState,
                      cache: CheckCache | None) -> list[Finding]:
    """Findings of the catalog checks of one language (from the cache when no file changed)."""
    settings = state.settings
    enabled = [check for check in CATALOG_CHECKS if check.check_id in settings.enabled(lang)]
    if not enabled:
        return []
    digest = hashlib.sha256()
    for result in sorted(results, key=lambda r: r.rel):
        digest.update(f"{result.rel}\0{result.job.digest}\n".encode())
    key = digest.hexdigest()
    if cache is not None:
        value = cache.get("catalog", lang, key)
        if value is not None:
            return [Finding.from_dict(item) for item in value]
    entries = _entries(results, cache)
    terms = None
    if state.glossary is not None:
        from presslate.checks.engine import term_index

        terms = term_index(state.glossary, lang)
    severities = settings.severities_for(lang)
    findings: list[Finding] = []
    for check in enabled:
        ctx = CatalogContext(lang=lang, entries=entries, terms=terms, severities=severities,
                             settings=settings.options_for(check.check_id))
        findings += check().check(ctx)
    if cache is not None:
        cache.put("catalog", lang, key, [finding.to_dict() for finding in findings])
    return findings


def _entries(results: list[FileResult], cache: CheckCache | None) -> list[CatalogEntry]:
    """The translated entries of every file: just computed, from the cache, or parsed again."""
    entries: list[CatalogEntry] = []
    for result in results:
        rows = result.entries
        if rows is None and cache is not None:
            rows = cache.get("entries", result.rel, result.job.digest)
        if rows is None:
            rows = check_file(result.job).entries or []
        rel, release = result.rel, result.release
        entries += [CatalogEntry(rel, line, release, msgctxt, msgid, msgstr, frozenset(ignored) if ignored else _NONE)
                    for line, msgctxt, msgid, msgstr, ignored in rows]
    return entries


def _titles_line(text: str, lang: str) -> int | None:
    """The line of ``titles: {lang: ...}`` in a release file's front matter."""
    in_titles = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("titles:"):
            in_titles = True
        elif in_titles:
            if not line.startswith((" ", "\t")):
                break
            if line.strip().startswith(f"{lang}:"):
                return number
    return None
