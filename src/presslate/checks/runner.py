"""The check use case: find the PO files, run every check (in parallel, through the cache) and build the report."""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from presslate.checks.base import CatalogContext, CatalogEntry, ReleaseInfo, ignored_check_ids
from presslate.checks.cache import CheckCache, code_signature, digest_bytes
from presslate.checks.finding import CheckReport, Finding, Severity
from presslate.checks.registry import BY_ID, CATALOG_CHECKS, CHECK_IDS
from presslate.checks.settings import CheckSettings, load_check_settings
from presslate.errors import CatalogError, InputError, PresslateError, ReleaseFileError
from presslate.models import RELEASE_ID_RE
from presslate.workspace import Workspace

log = logging.getLogger(__name__)
PARALLEL_MIN_FILES = 40
"""Below this many files to parse, starting worker processes costs more than it saves."""
_ORDER = {check_id: index for index, check_id in enumerate(CHECK_IDS)}


@dataclass(frozen=True)
class FileJob:
    """One PO file to check: where it is, how it is shown, its language when the path tells it, its content key."""

    path: Path
    rel: str
    lang: str | None
    digest: str


@dataclass
class FileResult:
    """What checking one file gave, in a compact form that pickles and caches well."""

    path: Path
    rel: str
    digest: str
    lang: str | None = None
    release: str | None = None
    findings: list[list[Any]] = field(default_factory=list)
    entries: list[list[Any]] | None = None
    error: list[Any] | None = None

    def cached_value(self) -> list[Any]:
        return [self.lang, self.release, self.findings, self.error]


@dataclass(frozen=True)
class RunState:
    """What a worker process needs to check files."""

    settings: CheckSettings
    glossary: Any
    source_lang: str
    languages: tuple[str, ...]


_STATE: RunState | None = None


def _init_worker(state: RunState) -> None:
    global _STATE
    _STATE = state


def run_checks(workspace: Workspace, *, paths: list[Path] | None = None, languages: list[str] | None = None,
               use_cache: bool = True, jobs: int | None = None) -> CheckReport:
    """Check the PO files at ``paths`` (files or folders; default: every PO file of the workspace).

    Input problems (an unreadable or malformed PO file, a broken glossary) are collected in
    ``report.errors`` and the other files are still checked. Configuration errors raise.
    """
    settings = load_check_settings(workspace.config)
    selected = workspace.select_languages(languages) if languages else None
    report = CheckReport()
    glossary, glossary_key = _load_glossary(workspace, report.errors)
    state = RunState(settings, glossary, workspace.config.source_language, workspace.config.languages)
    _init_worker(state)
    key = hashlib.sha256("\n".join([code_signature(), settings.signature(), state.source_lang,
                                    glossary_key]).encode()).hexdigest()
    cache = CheckCache(workspace.cache_dir / "check", key) if use_cache else None

    requested = _collect(workspace, paths, selected, report.errors)
    results = _process(requested, state, cache, jobs)
    wanted = {result.rel for result in results}
    kept: list[FileResult] = []
    for result in results:
        if result.error is not None:
            report.errors.append(_error(result))
            continue
        if selected and result.lang not in selected:
            wanted.discard(result.rel)
            continue
        kept.append(result)
    report.files_checked = len(kept)
    for result in kept:
        report.findings += [_finding(result, item) for item in result.findings]

    requested_pairs = {(result.release, result.lang) for result in kept}
    for lang in sorted({result.lang for result in kept if result.lang}):
        lang_results = [result for result in kept if result.lang == lang]
        others = _other_files(workspace, lang, {result.rel for result in results})
        if others:
            lang_results += [r for r in _process(others, state, cache, jobs) if r.error is None and r.lang == lang]
        for finding in _catalog_findings(workspace, lang, lang_results, state, cache, report.errors, requested_pairs):
            if finding.path in wanted or (finding.release, finding.lang) in requested_pairs:
                report.findings.append(finding)
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
    found: dict[Path, FileJob] = {}
    candidates: list[Path] = []
    if not paths:
        for lang in selected or workspace.config.languages:
            folder = workspace.locales_dir / lang
            if folder.is_dir():
                candidates += sorted(folder.glob("*.po"))
    else:
        for given in paths:
            if given.is_dir():
                candidates += sorted(p for p in given.rglob("*.po") if p.is_file())
            elif given.is_file():
                candidates.append(given)
            else:
                errors.append(InputError("no such file or folder", path=given))
    for path in candidates:
        resolved = path.resolve()
        if resolved in found:
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            errors.append(InputError(f"cannot read: {exc.strerror}", path=path))
            continue
        found[resolved] = FileJob(path, workspace.relative(path), _language_from_path(workspace, resolved),
                                  digest_bytes(data))
    return list(found.values())


def _language_from_path(workspace: Workspace, resolved: Path) -> str | None:
    """``ko`` for ``<workspace>/locales/ko/x.po``; None elsewhere (the PO header tells)."""
    try:
        parts = resolved.relative_to(workspace.locales_dir.resolve()).parts
    except ValueError:
        return None
    return parts[0] if len(parts) == 2 else None


def _other_files(workspace: Workspace, lang: str, seen: set[str]) -> list[FileJob]:
    """The workspace's other PO files of ``lang``: catalog checks compare across all of them."""
    folder = workspace.locales_dir / lang
    if not folder.is_dir():
        return []
    jobs = []
    for path in sorted(folder.glob("*.po")):
        rel = workspace.relative(path)
        if rel in seen:
            continue
        try:
            jobs.append(FileJob(path, rel, lang, digest_bytes(path.read_bytes())))
        except OSError:
            continue
    return jobs


def _process(jobs: list[FileJob], state: RunState, cache: CheckCache | None, workers: int | None) -> list[FileResult]:
    """Results for every job: from the cache when the file is unchanged, else by checking it (maybe in parallel)."""
    results: dict[str, FileResult] = {}
    todo: list[FileJob] = []
    for job in jobs:
        value = cache.get("files", job.rel, job.digest) if cache is not None else None
        if value is not None:
            lang, release, findings, error = value
            results[job.rel] = FileResult(job.path, job.rel, job.digest, lang, release, findings, None, error)
        else:
            todo.append(job)
    for result in _run_jobs(todo, state, workers):
        results[result.rel] = result
        if cache is not None:
            cache.put("files", result.rel, result.digest, result.cached_value())
            if result.entries is not None:
                cache.put("entries", result.rel, result.digest, result.entries)
    return [results[job.rel] for job in jobs]


def _run_jobs(jobs: list[FileJob], state: RunState, workers: int | None) -> Iterable[FileResult]:
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1 or len(jobs) < PARALLEL_MIN_FILES:
        _init_worker(state)
        return [check_file(job) for job in jobs]
    count = min(count, max(1, len(jobs) // 10))
    chunk = max(1, len(jobs) // (count * 4))
    with ProcessPoolExecutor(max_workers=count, initializer=_init_worker, initargs=(state,)) as pool:
        return list(pool.map(check_file, jobs, chunksize=chunk))


def check_file(job: FileJob) -> FileResult:
    """Parse one PO file and run the segment checks of its language (runs in a worker process)."""
    from presslate.catalog.pofile import parse_po
    from presslate.checks.engine import check_catalog, segment_checks, term_index
    from presslate.languages import normalise_language

    state = _STATE
    assert state is not None, "check_file needs _init_worker first"
    result = FileResult(job.path, job.rel, job.digest)
    try:
        data = job.path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise CatalogError("not valid UTF-8", path=job.path, line=line) from exc
        catalog = parse_po(text, path=job.path)
        lang = job.lang or (normalise_language(catalog.language) if catalog.language else None)
    except PresslateError as exc:
        result.error = [exc.message, exc.line]
        return result
    except OSError as exc:
        result.error = [f"cannot read: {exc.strerror}", None]
        return result
    if lang is None:
        result.error = ["cannot tell the language: no 'Language' header and not under locales/<lang>/", None]
        return result
    result.lang = lang
    result.release = job.path.stem if RELEASE_ID_RE.match(job.path.stem) else None
    settings = state.settings
    enabled = settings.enabled(lang)
    checks = segment_checks(enabled)
    severities = settings.severities_for(lang)
    terms = term_index(state.glossary, lang) if state.glossary is not None else None
    findings = check_catalog(catalog, lang=lang, terms=terms, checks=checks, severities=severities,
                             path=job.rel, release=result.release, source_lang=state.source_lang)
    result.findings = [[f.check, f.severity.value, f.line, f.msgid, f.msgstr, f.message] for f in findings]
    result.entries = [
        [message.line, message.msgctxt, message.msgid, message.msgstr, sorted(ignored_check_ids(message))]
        for message in catalog.messages
        if message.msgid and message.msgstr and not message.obsolete and not message.fuzzy
    ]
    return result


def _finding(result: FileResult, item: list[Any]) -> Finding:
    check, severity, line, msgid, msgstr, message = item
    return Finding(check, Severity(severity), result.rel, line, result.lang, result.release, msgid, msgstr, message)


def _error(result: FileResult) -> PresslateError:
    message, line = result.error
    return CatalogError(message, path=result.rel, line=line)


def _catalog_findings(workspace: Workspace, lang: str, results: list[FileResult], state: RunState,
                      cache: CheckCache | None, errors: list[PresslateError],
                      requested_pairs: set[tuple[str | None, str | None]]) -> list[Finding]:
    """Findings of the catalog checks of one language (from the cache when no input changed)."""
    settings = state.settings
    enabled = [check for check in CATALOG_CHECKS if check.check_id in settings.enabled(lang)]
    if not enabled:
        return []
    release_files = _release_files(workspace, results)
    digest = hashlib.sha256()
    for result in sorted(results, key=lambda r: r.rel):
        digest.update(f"{result.rel}\0{result.digest}\n".encode())
    for release_id, (path, data) in sorted(release_files.items()):
        digest.update(f"release {release_id}\0{digest_bytes(data)}\n".encode())
    key = digest.hexdigest()
    if cache is not None:
        value = cache.get("catalog", lang, key)
        if value is not None:
            return [Finding.from_dict(item) for item in value]
    entries = _entries(results, cache)
    releases = _releases(workspace, release_files, lang, errors, requested_pairs)
    terms = None
    if state.glossary is not None:
        from presslate.checks.engine import term_index

        terms = term_index(state.glossary, lang)
    severities = settings.severities_for(lang)
    findings: list[Finding] = []
    for check in enabled:
        ctx = CatalogContext(lang=lang, entries=entries, releases=releases, terms=terms, severities=severities,
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
            rows = cache.get("entries", result.rel, result.digest)
        if rows is None:
            rows = check_file(FileJob(result.path, result.rel, result.lang, result.digest)).entries or []
        for line, msgctxt, msgid, msgstr, ignored in rows:
            entries.append(CatalogEntry(result.rel, line, result.release, msgctxt, msgid, msgstr, frozenset(ignored)))
    return entries


def _release_files(workspace: Workspace, results: list[FileResult]) -> dict[str, tuple[Path, bytes]]:
    """The release files (and bytes) of the releases these catalogs translate, when they carry titles."""
    found = {}
    for result in results:
        if result.release is None:
            continue
        path = workspace.releases_dir / f"{result.release}.md"
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if b"\ntitles:" in data:
            found[result.release] = (path, data)
    return found


def _releases(workspace: Workspace, files: dict[str, tuple[Path, bytes]], lang: str, errors: list[PresslateError],
              requested_pairs: set[tuple[str | None, str | None]]) -> list[ReleaseInfo]:
    from presslate.releasefile import parse_release

    infos = []
    for release_id, (path, data) in sorted(files.items()):
        try:
            text = data.decode("utf-8")
            release = parse_release(text, path=path)
        except (UnicodeDecodeError, ReleaseFileError) as exc:
            if (release_id, lang) in requested_pairs:
                errors.append(exc if isinstance(exc, PresslateError) else ReleaseFileError("not valid UTF-8", path=path))
            continue
        infos.append(ReleaseInfo(release_id, workspace.relative(path), release, _titles_line(text, lang)))
    return infos


def _titles_line(text: str, lang: str) -> int | None:
    """The line of ``titles: {lang: ...}`` in a release file's front matter."""
    lines = text.splitlines()
    in_titles = False
    for number, line in enumerate(lines, start=1):
        if line.startswith("titles:"):
            in_titles = True
            continue
        if in_titles:
            if not line.startswith((" ", "\t")):
                break
            if line.strip().startswith(f"{lang}:"):
                return number
    return None
