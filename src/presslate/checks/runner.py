"""The check use case: find the PO files, run every check (in parallel, through the cache) and build the report.

Per PO file (in worker processes when there are many): parse it, run the segment checks of
its language and the release checks of its release. Per language (in this process): the
catalog checks over every PO file of the language in the workspace, from the entries the
file step extracted. Both steps are cached (see :mod:`presslate.checks.cache`).
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
import re
from itertools import groupby
from operator import itemgetter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from presslate.checks.base import CatalogContext, CatalogEntry, ReleaseContext, ignored_check_ids
from presslate.checks.cache import CheckCache, code_signature
from presslate.checks.files import (CheckFiles, Digests, FileJob, collect_check_files, language_files, may_title,
                                    read_keyed)
from presslate.checks.forkshare import can_fork, shared_map
from presslate.checks.finding import SEVERITY_OF, CheckReport, Finding
from presslate.checks.heap import collector_paused, ends_after_command, settle_worker
from presslate.checks.registry import CATALOG_CHECKS, CHECK_IDS, RELEASE_CHECKS
from presslate.checks.settings import CheckSettings, load_check_settings
from presslate.errors import CatalogError, PresslateError, ReleaseFileError
from presslate.models import RELEASE_ID_RE
from presslate.workspace import Workspace

log = logging.getLogger(__name__)
PARALLEL_MIN_FILES = 40
"""Below this many files to parse, starting worker processes costs more than it saves."""
CHUNK_FILES = 10
"""Files a worker takes at a time: small enough that the workers finish together and results arrive steadily."""
_ORDER = {check_id: index for index, check_id in enumerate(CHECK_IDS)}
_PATH = itemgetter(2)  # of a Finding
_NONE: frozenset[str] = frozenset()


@dataclass
class FileResult:
    """What checking one file gave, in a compact form that pickles and caches well.

    A finding is ``[check, severity, line, message, path, msgid, msgstr]``; for a finding in
    the PO file itself path, msgid and msgstr are None and ``texts`` maps its line to the
    entry's ``[msgid, msgstr]`` (stored once however many findings the entry has). An entry
    is ``[line, msgctxt, msgid, msgstr, ignored ids]``; an error ``[path, message, line]``
    (path None: the PO file). Findings are in line order, then check order.
    """

    job: FileJob
    lang: str | None = None
    release: str | None = None
    findings: list[list[Any]] = field(default_factory=list)
    texts: list[list[Any]] = field(default_factory=list)
    entries: list[list[Any]] | None = None
    errors: list[list[Any]] = field(default_factory=list)
    fatal: bool = False
    found: list[Finding] | None = field(default=None, repr=False)
    """The findings as objects, made in the main process as the result arrives (see :func:`_prepare`)."""
    catalog_entries: list[CatalogEntry] | None = field(default=None, repr=False)
    digest: str | None = None
    """The content key a worker worked out (for a job whose key was not known: see :class:`FileJob`)."""
    with_release: bool = False
    """Whether the release file counted in ``digest`` (it holds titles)."""
    cached: bool = False
    """The worker found the result in the cache under ``digest``: nothing to store."""

    @property
    def rel(self) -> str:
        return self.job.rel

    def cached_value(self) -> list[Any]:
        return [self.lang, self.release, self.findings, self.texts, self.errors, self.fatal]

    @classmethod
    def from_cached(cls, job: FileJob, value: list[Any], **more: Any) -> FileResult:
        """The result :meth:`cached_value` stored."""
        lang, release, findings, texts, errors, fatal = value
        return cls(job, lang, release, findings, texts, None, errors, fatal, **more)


@dataclass(frozen=True)
class RunState:
    """What a worker process needs to check files."""

    settings: CheckSettings
    glossary: Any
    source_lang: str


_STATE: RunState | None = None
_MEMO: dict = {}
_CACHE: CheckCache | None = None
"""The run's cache, for workers that work out a file's key themselves (forked ones inherit it; others have none)."""


def _init_worker(state: RunState) -> None:
    """Set the run's state in this process (a worker, or the main process for small runs); forget earlier runs."""
    global _STATE
    _STATE = state
    _MEMO.clear()


def _start_worker(state: RunState) -> None:
    """Set up a worker process: the run's state, and fewer garbage collections (it only checks files, then exits)."""
    settle_worker()
    _init_worker(state)


def run_checks(workspace: Workspace, *, paths: list[Path] | None = None, languages: list[str] | None = None,
               use_cache: bool = True, jobs: int | None = None, files: CheckFiles | None = None) -> CheckReport:
    """Check the PO files at ``paths`` (files or folders; default: every PO file of the workspace).

    Input problems (an unreadable or malformed PO or release file, a broken glossary) are
    collected in ``report.errors`` and the other files are still checked. Configuration
    errors raise :class:`~presslate.errors.ConfigError`. ``files`` is what
    :func:`collect_check_files` gave for the same request, when the caller has it already.
    """
    with collector_paused():
        if files is None:
            files = collect_check_files(workspace, paths=paths, languages=languages, use_cache=use_cache)
        report, cache = _run(workspace, files, paths=paths, use_cache=use_cache, jobs=jobs)
    if cache is not None:
        # 20 MB for a large run: from the console, a forked copy writes it while the report is made and
        # printed. Forked only now: the collector has frozen the run's objects, so it walks none of them
        # (each page it touched would be copied).
        cache.save(in_background=ends_after_command() and can_fork())
    return report


def _run(workspace: Workspace, files: CheckFiles, *, paths: list[Path] | None, use_cache: bool,
         jobs: int | None) -> tuple[CheckReport, CheckCache | None]:
    settings = load_check_settings(workspace.config)
    selected, digests = files.selected, files.digests
    report = CheckReport()
    glossary, glossary_key = _load_glossary(workspace, report.errors)
    report.errors += files.errors
    state = RunState(settings, glossary, workspace.config.source_language)
    _init_worker(state)
    cache = None
    secret = digests.store.key if use_cache and digests.store is not None else None  # the user's cache key
    if secret is not None:
        key = hashlib.sha256("\n".join([secret, code_signature(), settings.signature(), state.source_lang,
                                        glossary_key]).encode()).hexdigest()
        cache = CheckCache(workspace.cache_dir / "check", key)

    global _CACHE
    _CACHE = cache
    results = _process(files.jobs, state, cache, digests, jobs)
    kept: list[FileResult] = []
    seen_errors: set[tuple] = set()
    for result in results:
        for error in result.errors:
            key = (error[0] or result.rel, error[1], error[2])
            if key not in seen_errors:  # a release file is read with each language's PO file: one error each
                seen_errors.add(key)
                report.errors.append(_error(result, error))
        if result.fatal or (selected and result.lang not in selected):
            continue
        kept.append(result)
    report.files_checked = len(kept)
    wanted = {result.rel for result in kept}
    extra: dict[str, list[Finding]] = {}
    for lang in sorted({result.lang for result in kept if result.lang}):
        lang_results = [result for result in kept if result.lang == lang]
        # Consistency is judged against every PO file of the language, also those not asked about.
        others = language_files(workspace, lang, digests, skip={result.rel for result in results}) if paths else []
        if others:
            lang_results += [r for r in _entry_results(others, state, cache, digests, jobs)
                             if not r.fatal and r.lang == lang]
        for finding in _catalog_findings(lang, lang_results, state, cache):
            if finding.path in wanted:
                extra.setdefault(finding.path or "", []).append(finding)
    if digests.store is not None:
        digests.store.save()
    _CACHE = None
    report.findings = _ordered(kept, extra)
    for error in report.errors:
        if error.path is not None and error.path.is_absolute():
            error.path = Path(workspace.relative(error.path))
    return report, cache


def _ordered(results: list[FileResult], extra: dict[str, list[Finding]]) -> list[Finding]:
    """All findings by path, then line and check order.

    A file's own findings come in that order already (entries in file order, checks in registry
    order); only a path whose findings come from elsewhere too (a release file, the catalog
    checks) is sorted.
    """
    by_path: dict[str, list[Finding]] = {}
    mixed: set[str] = set(extra)
    for result in results:
        own = result.rel
        for path, group in groupby(result.found if result.found is not None else _findings(result), key=_PATH):
            path = path or ""
            if path in by_path:
                by_path[path] += group
                mixed.add(path)
            else:
                by_path[path] = list(group)
                if path != own:
                    mixed.add(path)
    for path, findings in extra.items():
        by_path.setdefault(path, []).extend(findings)
    ordered: list[Finding] = []
    for path in sorted(by_path):
        findings = by_path[path]
        if path in mixed:
            findings.sort(key=_sort_key)
        ordered += findings
    return ordered


def _sort_key(finding: Finding) -> tuple:
    return (finding.line or 0, _ORDER.get(finding.check, 99))


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


def _process(jobs: list[FileJob], state: RunState, cache: CheckCache | None, digests: Digests,
             workers: int | None) -> list[FileResult]:
    """Results for every job: from the cache when the file is unchanged, else by checking it (maybe in parallel)."""
    results: dict[str, FileResult] = {}
    todo: list[FileJob] = []
    for job in jobs:
        value = cache.get("files", job.rel, job.digest) if cache is not None and job.digest else None
        if value is not None:
            results[job.rel] = FileResult.from_cached(job, value)
        else:
            todo.append(job)
    if cache is not None and any(job.key_pending for job in todo):
        cache.load("files")  # before workers fork: they look up the files whose key they work out
    for result in _run_jobs(todo, state, workers):
        _settle_key(result, digests)
        _prepare(result)
        results[result.rel] = result
        if cache is not None and result.job.digest and not result.cached:
            cache.put("files", result.rel, result.job.digest, result.cached_value())
            if result.entries is not None:
                cache.put("entries", result.rel, result.job.digest, result.entries)
    return [results[job.rel] for job in jobs]


def _settle_key(result: FileResult, digests: Digests) -> None:
    """Give a job whose key a worker worked out that key (and its release file only if it counted), and remember it."""
    job = result.job
    if not job.key_pending or result.digest is None:
        return
    release_path, release_rel = (job.release_path, job.release_rel) if result.with_release else (None, None)
    result.job = replace(job, digest=result.digest, release_path=release_path, release_rel=release_rel,
                         release_unread=False)
    digests.remember(job.rel, job.stamp, result.digest, result.with_release)


def _entry_results(jobs: list[FileJob], state: RunState, cache: CheckCache | None, digests: Digests,
                   workers: int | None) -> list[FileResult]:
    """The translated entries of files read only for the consistency check: cached, else parsed (not checked)."""
    results: dict[str, FileResult] = {}
    todo: list[FileJob] = []
    for job in jobs:
        rows = cache.get("entries", job.rel, job.digest) if cache is not None and job.digest else None
        if rows is not None:
            results[job.rel] = FileResult(job, job.lang, _release_id(job), entries=rows)
        else:
            todo.append(job)
    for result in _run_jobs(todo, state, workers, entries_of):
        _settle_key(result, digests)
        results[result.rel] = result
        if cache is not None and result.job.digest and result.entries is not None and not result.cached:
            cache.put("entries", result.rel, result.job.digest, result.entries)
    return [results[job.rel] for job in jobs]


def _run_jobs(jobs: list[FileJob], state: RunState, workers: int | None,
              work: Callable[[FileJob], FileResult] | None = None) -> Iterator[FileResult]:
    """``work`` (default :func:`check_file`) on each of ``jobs``, results in order as they come: the caller works
    on each while the workers go on."""
    work = work or check_file
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1 or len(jobs) < PARALLEL_MIN_FILES:
        yield from (work(job) for job in jobs)
        return
    count = min(count, max(1, len(jobs) // 10))
    chunk = max(1, min(CHUNK_FILES, len(jobs) // (count * 8)))
    _warm_up(state, {job.lang for job in jobs if job.lang})
    if can_fork():
        for _, result in shared_map(jobs, work, helpers=count - 1, chunk=chunk, detach=_detach, attach=_attach):
            yield result
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=count, initializer=_start_worker, initargs=(state,)) as pool:
        for job, result in zip(jobs, pool.map(_in_worker, [(work, job) for job in jobs], chunksize=chunk)):
            yield _attach(job, result)


def _detach(result: FileResult) -> FileResult:
    """A helper's result as it travels: without its job (the main process has it)."""
    result.job = None  # type: ignore[assignment]
    return result


def _attach(job: FileJob, result: FileResult) -> FileResult:
    result.job = job
    return result


def _in_worker(task: tuple[Callable[[FileJob], FileResult], FileJob]) -> FileResult:
    """One job's work in a worker: the result travels back without its job (the main process has it)."""
    work, job = task
    return _detach(work(job))


def _warm_up(state: RunState, languages: set[str]) -> None:
    """Load here what every worker needs (modules, term indexes, number symbols): forked workers inherit it."""
    importlib.import_module("presslate.catalog.fastread")
    importlib.import_module("presslate.releasefile")  # release checks read release files in every worker
    from presslate.checks.engine import term_index
    from presslate.checks.languages import rules_for

    for lang in sorted(languages):
        index = term_index(state.glossary, lang)
        if index is not None:
            index.matcher.prepare(lang)
        rules_for(lang)
    rules_for(state.source_lang)


def _prepare(result: FileResult) -> None:
    """Turn a fresh result's rows into findings and catalog entries (in the main process, while workers go on)."""
    result.found = _findings(result)
    if result.entries is not None:
        result.catalog_entries = _catalog_entries(result, result.entries)


def _read(job: FileJob, data: bytes | None = None) -> tuple[Any, FileResult]:
    """The catalog of a job's PO file (None when it cannot be used) and a result with its language and release."""
    from presslate.catalog.fastread import parse_catalog_bytes
    from presslate.languages import normalise_language

    try:
        catalog = parse_catalog_bytes(job.path.read_bytes() if data is None else data, path=job.path)
        lang = job.lang or (normalise_language(catalog.language) if catalog.language else None)
        if lang is None:
            raise CatalogError("cannot tell the language: no 'Language' header and not under locales/<lang>/")
    except PresslateError as exc:
        return None, FileResult(job, errors=[[None, exc.message, exc.line]], fatal=True)
    except OSError as exc:
        return None, _cannot_read(job, exc)
    result = FileResult(job, lang, _release_id(job))
    result.entries = [
        [message.line, message.msgctxt, message.msgid, message.msgstr, sorted(ignored_check_ids(message))]
        for message in catalog.messages
        if message.msgid and message.msgstr and not message.obsolete and not message.fuzzy
    ]
    return catalog, result


def entries_of(job: FileJob) -> FileResult:
    """The translated entries of one PO file, unchecked: what the consistency check needs of files not asked about."""
    if not job.key_pending:
        return _read(job)[1]
    keyed = _keyed(job, "entries")
    if isinstance(keyed, FileResult):
        return keyed
    data, _, digest, with_release, rows = keyed
    if rows is not None:
        return FileResult(job, job.lang, _release_id(job), entries=rows, digest=digest, with_release=with_release,
                          cached=True)
    result = _read(job, data)[1]
    result.digest, result.with_release = digest, with_release
    return result


def _release_id(job: FileJob) -> str | None:
    """The release a PO file belongs to: its name, when that is a release id."""
    stem = job.path.stem
    return stem if RELEASE_ID_RE.match(stem) else None


def _cannot_read(job: FileJob, exc: OSError) -> FileResult:
    return FileResult(job, errors=[[None, f"cannot read: {exc.strerror}", None]], fatal=True)


def _keyed(job: FileJob, part: str) -> tuple[bytes, bytes | None, str, bool, Any] | FileResult:
    """For a job whose key is not known: :func:`~presslate.checks.files.read_keyed` and what the cache's ``part``
    holds under that key (or the failed result when the PO file cannot be read)."""
    try:
        data, release_data, digest, with_release = read_keyed(job.path, job.release_path)
    except OSError as exc:
        return _cannot_read(job, exc)
    return data, release_data, digest, with_release, _CACHE.get(part, job.rel, digest) if _CACHE is not None else None


def check_file(job: FileJob) -> FileResult:
    """Parse one PO file and run the segment checks of its language and the release checks (runs in a worker)."""
    from presslate.checks.engine import catalog_rows, segment_checks, term_index

    state = _STATE
    assert state is not None, "check_file needs _init_worker first"
    data = release_data = digest = None
    with_release = False
    if job.key_pending:  # the key is worked out here, and the cache asked with it
        keyed = _keyed(job, "files")
        if isinstance(keyed, FileResult):
            return keyed
        data, release_data, digest, with_release, value = keyed
        if value is not None:
            return FileResult.from_cached(job, value, digest=digest, with_release=with_release, cached=True)
    catalog, result = _read(job, data)
    result.digest, result.with_release = digest, with_release
    if catalog is None:
        return result
    lang = result.lang
    settings = state.settings
    enabled = settings.enabled(lang)
    severities = settings.severities_for(lang)
    terms = term_index(state.glossary, lang) if state.glossary is not None else None
    rows = catalog_rows(catalog, lang=lang, terms=terms, checks=segment_checks(enabled), severities=severities,
                        path=job.rel, release=result.release, source_lang=state.source_lang, memo=_MEMO)
    result.findings = [[check, severity.value, line, message, None, None, None]
                       for line, check, severity, message, _, _ in rows]
    texts: dict[int | None, list[Any]] = {}
    for line, _, _, _, msgid, msgstr in rows:
        if line not in texts:
            texts[line] = [line, msgid, msgstr]
    result.texts = list(texts.values())
    release_checks = [check for check in RELEASE_CHECKS if check.check_id in enabled]
    if job.release_path is not None and release_checks:
        _release_findings(job, lang, release_checks, terms, severities, settings, result, release_data)
    return result


def _release_findings(job: FileJob, lang: str, checks: list, terms, severities, settings: CheckSettings,
                      result: FileResult, data: bytes | None = None) -> None:
    """Run the release checks on the release file of ``job`` (``data``: its bytes, when already read)."""
    from presslate.releasefile import decode_release, parse_release

    assert job.release_path is not None
    try:
        data = job.release_path.read_bytes() if data is None else data
    except OSError as exc:
        if not job.release_unread:
            result.errors.append([job.release_rel, f"cannot read: {exc.strerror}", None])
        return  # a release file the collection did not read counts as absent when it cannot be read
    if not may_title(data, lang):
        return
    try:
        text = decode_release(data, path=job.release_path)
        release = parse_release(text, path=job.release_path, body=False)  # metadata and title: what the checks read
    except PresslateError as exc:
        result.errors.append([job.release_rel, exc.message, exc.line])
        return
    for check in checks:
        ctx = ReleaseContext(lang=lang, release=release, path=job.release_rel or "", titles_line=_titles_line(text, lang),
                             terms=terms, severities=severities, settings=settings.options_for(check.check_id))
        result.findings += [[f.check, f.severity.value, f.line, f.message, f.path, f.msgid, f.msgstr]
                            for f in check().check(ctx)]


def _findings(result: FileResult) -> list[Finding]:
    """The findings of one file result as objects."""
    texts = {line: (msgid, msgstr) for line, msgid, msgstr in result.texts}
    rel, lang, release = result.rel, result.lang, result.release
    found = []
    for check, severity, line, message, path, msgid, msgstr in result.findings:
        if path is None:
            path = rel
            msgid, msgstr = texts.get(line, (None, None))
        found.append(Finding(check, SEVERITY_OF[severity], path, line, lang, release, msgid, msgstr, message))
    return found


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
        if result.catalog_entries is not None:
            entries += result.catalog_entries
            continue
        rows = result.entries
        if rows is None and cache is not None:
            rows = cache.get("entries", result.rel, result.job.digest)
        if rows is None:
            rows = entries_of(result.job).entries or []
        entries += _catalog_entries(result, rows)
    return entries


def _catalog_entries(result: FileResult, rows: list[list[Any]]) -> list[CatalogEntry]:
    rel, release = result.rel, result.release
    return [CatalogEntry(rel, line, release, msgctxt, msgid, msgstr, frozenset(ignored) if ignored else _NONE)
            for line, msgctxt, msgid, msgstr, ignored in rows]


def _titles_line(text: str, lang: str) -> int | None:
    """The line of ``titles: {lang: ...}`` in a release file's front matter."""
    in_titles = False
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith("titles:"):
            in_titles = True
        elif in_titles:
            if not line.startswith((" ", "\t")):
                break
            if re.match(rf"""['"]?{re.escape(lang)}['"]?\s*:""", line.strip()):  # ko:, 'ko':, "ko" :
                return number
    return None
