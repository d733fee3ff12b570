"""The sync use case: release files -> POT templates -> PO files per language, never losing a translation."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import multiprocessing as mp
import os
import re
from concurrent.futures import ProcessPoolExecutor
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from presslate.catalog.model import Catalog
from presslate.catalog.fastread import parse_catalog_bytes
from presslate.catalog.pofile import encode_po, write_po
from presslate.catalog.template import build_template, format_po_date
from presslate.catalog.update import HintFunction, UpdateStats, update_catalog
from presslate.errors import CatalogError, PresslateError
from presslate.fileio import flush_to_disk, workspace_lock, write_bytes_atomic, write_text_atomic
from presslate.releasefile import read_release
from presslate.segment import segment_release
from presslate.workspace import Workspace

log = logging.getLogger(__name__)
STATE_FILE = "sync-state.json"
STATE_VERSION = 1

HintFactory = Callable[[str], HintFunction | None]


@dataclass
class FileChange:
    """One written or checked file."""

    path: Path
    written: bool
    stats: UpdateStats | None = None


@dataclass
class SyncResult:
    changes: list[FileChange] = field(default_factory=list)
    skipped_releases: int = 0
    errors: list[PresslateError] = field(default_factory=list)

    @property
    def written(self) -> list[Path]:
        return [change.path for change in self.changes if change.written]


def sync_workspace(
    workspace: Workspace,
    *,
    languages: list[str] | None = None,
    release_ids: list[str] | None = None,
    purge_obsolete: bool = False,
    now: dt.datetime | None = None,
    use_state: bool = True,
    hint_factory: HintFactory | None = None,
    hint_signature: str = "",
    jobs: int | None = None,
) -> SyncResult:
    """Update the templates and PO files of every release (or the chosen ones) for the chosen languages.

    Releases whose release file, template and PO files are exactly as the last sync left them are
    skipped; the others are processed on ``jobs`` processes (default: one per core for large runs).
    """
    langs = workspace.select_languages(languages)
    moment = now or dt.datetime.now(dt.timezone.utc)
    result = SyncResult()
    ids = release_ids or workspace.release_ids()
    with workspace_lock(workspace.lock_path):
        # Purging rewrites every release asked for, but the others keep what the last sync recorded.
        state = _load_state(workspace) if use_state else {}
        signature = _config_signature(workspace, hint_signature)
        todo = []
        for release_id in ids:
            entry = state.get(release_id)
            if not purge_obsolete and entry and entry.get("config") == signature and \
                    _unchanged(workspace, release_id, langs, entry):
                result.skipped_releases += 1
            else:
                todo.append(release_id)
        job = _Job(workspace, langs, moment, purge_obsolete, {lang: hint_factory(lang) if hint_factory else None for lang in langs})
        for release_id, outcome in _run(job, todo, jobs):
            result.changes += outcome.changes
            result.errors += outcome.errors
            _record(state, release_id, outcome.state, signature)
        if result.written:
            flush_to_disk()
        if use_state:
            _save_state(workspace, state)
    return result


@dataclass
class _Job:
    """Everything a worker needs to sync releases."""

    workspace: Workspace
    langs: list[str]
    moment: dt.datetime
    purge_obsolete: bool
    hints: dict[str, HintFunction | None]


@dataclass
class _Outcome:
    changes: list[FileChange] = field(default_factory=list)
    errors: list[PresslateError] = field(default_factory=list)
    state: dict | None = None


_ACTIVE_JOB: _Job | None = None
PARALLEL_THRESHOLD = 48


def _run(job: _Job, ids: list[str], jobs: int | None):
    """Sync releases in this process, or across processes (fork) when there are many."""
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers <= 1 or len(ids) < PARALLEL_THRESHOLD or "fork" not in mp.get_all_start_methods():
        for release_id in ids:
            yield release_id, _sync_one(job, release_id)
        return
    global _ACTIVE_JOB
    _ACTIVE_JOB = job
    try:
        chunks = [ids[i::workers * 4] for i in range(workers * 4)]
        with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork")) as pool:
            for pairs in pool.map(_sync_chunk, chunks):
                yield from pairs
    finally:
        _ACTIVE_JOB = None


def _sync_chunk(ids: list[str]) -> list[tuple[str, _Outcome]]:
    assert _ACTIVE_JOB is not None
    return [(release_id, _sync_one(_ACTIVE_JOB, release_id)) for release_id in ids]


def _sync_one(job: _Job, release_id: str) -> _Outcome:
    outcome = _Outcome()
    try:
        outcome.state = _sync_release(job, release_id, outcome)
    except PresslateError as exc:
        outcome.errors.append(exc)
    return outcome


def _record(state: dict, release_id: str, entry: dict | None, signature: str) -> None:
    if entry is None:
        state.pop(release_id, None)
        return
    entry["config"] = signature
    state[release_id] = entry


def _sync_release(job: _Job, release_id: str, outcome: _Outcome) -> dict | None:
    workspace = job.workspace
    release_path = workspace.release_path(release_id)
    release = read_release(release_path)
    segments = segment_release(release, lang=workspace.config.source_language)
    template = build_template(
        release, segments, reference_path=workspace.relative(release_path), project=workspace.config.name
    )
    pot_path = workspace.template_path(release_id)
    width = workspace.config.wrap_width
    outcome.changes.append(FileChange(pot_path, _write_template(pot_path, template, job.moment, width)))
    complete = True
    po_state: dict[str, list[int]] = {}
    for lang in job.langs:
        po_path = workspace.po_path(lang, release_id)
        try:
            existing = _read_optional(po_path)
        except PresslateError as exc:
            outcome.errors.append(exc)
            complete = False
            continue
        catalog, stats = update_catalog(
            existing,
            template,
            lang=lang,
            fuzzy_threshold=workspace.config.fuzzy_threshold,
            purge_obsolete=job.purge_obsolete,
            hints=job.hints.get(lang),
        )
        written = write_po(po_path, catalog, width=width, durable=False)
        outcome.changes.append(FileChange(po_path, written, stats))
        po_state[lang] = _stat_signature(po_path)
    if not complete:
        return None
    return {"release": _stat_signature(release_path), "pot": _stat_signature(pot_path), "po": po_state}


_POT_DATE_RE = re.compile(rb'^"POT-Creation-Date: ([^"\\]*)\\n"$', re.M)


def _write_template(path: Path, template: Catalog, moment: dt.datetime, width: int) -> bool:
    """Write the POT, keeping its ``POT-Creation-Date`` when nothing else changed."""
    try:
        previous = path.read_bytes()
    except FileNotFoundError:
        previous = b""
    found = _POT_DATE_RE.search(previous)
    template.header["POT-Creation-Date"] = found.group(1).decode("ascii", "replace") if found else format_po_date(moment)
    data = encode_po(template, width=width, path=path)
    if data == previous:
        return False
    if found:
        template.header["POT-Creation-Date"] = format_po_date(moment)
        stamp = f'"POT-Creation-Date: {template.header["POT-Creation-Date"]}\\n"'.encode("ascii")
        data = _POT_DATE_RE.sub(lambda _: stamp, data, count=1)
    return write_bytes_atomic(path, data, durable=False)


def _read_optional(path: Path) -> Catalog | None:
    """The PO file at ``path`` (read fast in the plain layout, strictly otherwise), or None when there is none."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CatalogError(f"cannot read file: {exc.strerror or exc}", path=path) from exc
    return parse_catalog_bytes(data, path=path)


def _stat_signature(path: Path) -> list[int]:
    info = os.stat(path)
    return [info.st_mtime_ns, info.st_size, info.st_ino]


def _unchanged(workspace: Workspace, release_id: str, langs: list[str], entry: dict) -> bool:
    """True when the release, its POT and every PO file are exactly as the last sync left them."""
    try:
        if entry.get("release") != _stat_signature(workspace.release_path(release_id)):
            return False
        if entry.get("pot") != _stat_signature(workspace.template_path(release_id)):
            return False
        return all(entry.get("po", {}).get(lang) == _stat_signature(workspace.po_path(lang, release_id)) for lang in langs)
    except OSError:
        return False


def _config_signature(workspace: Workspace, extra: str) -> str:
    config_path = workspace.config.path
    data = config_path.read_bytes() if config_path and config_path.exists() else b""
    digest = hashlib.sha256(data)
    digest.update(extra.encode("utf-8"))
    from presslate import __version__

    digest.update(__version__.encode())
    return digest.hexdigest()


def _load_state(workspace: Workspace) -> dict:
    path = workspace.cache_dir / STATE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
        return {}
    releases = data.get("releases")
    if not isinstance(releases, dict):
        return {}
    # A cache: an entry of the wrong shape (edited by hand, written by another version) is just forgotten.
    return {release_id: entry for release_id, entry in releases.items()
            if isinstance(entry, dict) and isinstance(entry.get("po", {}), dict)}


def _save_state(workspace: Workspace, state: dict) -> None:
    workspace.cache_dir.mkdir(parents=True, exist_ok=True)
    gitignore = workspace.cache_dir / ".gitignore"
    if not gitignore.exists():
        write_text_atomic(gitignore, "*\n")
    payload = json.dumps({"version": STATE_VERSION, "releases": state}, sort_keys=True)
    write_text_atomic(workspace.cache_dir / STATE_FILE, payload)
