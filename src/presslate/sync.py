"""The sync use case: release files -> POT templates -> PO files per language, never losing a translation."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from presslate.catalog.model import Catalog
from presslate.catalog.pofile import read_po, write_po
from presslate.catalog.template import build_template, stamp_template
from presslate.catalog.update import HintFunction, UpdateStats, update_catalog
from presslate.errors import PresslateError
from presslate.fileio import write_text_atomic, workspace_lock
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
) -> SyncResult:
    """Update the templates and PO files of every release (or the chosen ones) for the chosen languages."""
    langs = workspace.select_languages(languages)
    moment = now or dt.datetime.now(dt.timezone.utc)
    result = SyncResult()
    ids = release_ids or workspace.release_ids()
    with workspace_lock(workspace.lock_path):
        state = _load_state(workspace) if use_state and not purge_obsolete else {}
        signature = _config_signature(workspace, hint_signature)
        hints = {lang: hint_factory(lang) if hint_factory else None for lang in langs}
        for release_id in ids:
            entry = state.get(release_id)
            if entry and entry.get("config") == signature and _unchanged(workspace, release_id, langs, entry):
                result.skipped_releases += 1
                continue
            try:
                new_entry = _sync_release(workspace, release_id, langs, moment, purge_obsolete, hints, result)
            except PresslateError as exc:
                result.errors.append(exc)
                state.pop(release_id, None)
                continue
            if new_entry is None:
                state.pop(release_id, None)
            else:
                new_entry["config"] = signature
                previous = state.get(release_id, {}).get("po", {}) if entry and entry.get("config") == signature else {}
                new_entry["po"] = {**previous, **new_entry["po"]}
                state[release_id] = new_entry
        if use_state:
            _save_state(workspace, state)
    return result


def _sync_release(
    workspace: Workspace,
    release_id: str,
    langs: list[str],
    moment: dt.datetime,
    purge_obsolete: bool,
    hints: dict[str, HintFunction | None],
    result: SyncResult,
) -> dict | None:
    release_path = workspace.release_path(release_id)
    release = read_release(release_path)
    segments = segment_release(release, lang=workspace.config.source_language)
    template = build_template(
        release, segments, reference_path=workspace.relative(release_path), project=workspace.config.name
    )
    pot_path = workspace.template_path(release_id)
    previous_template = _read_optional(pot_path)
    stamp_template(template, previous_template, now=moment)
    width = workspace.config.wrap_width
    result.changes.append(FileChange(pot_path, write_po(pot_path, template, width=width)))
    complete = True
    po_state: dict[str, list[int]] = {}
    for lang in langs:
        po_path = workspace.po_path(lang, release_id)
        try:
            existing = _read_optional(po_path)
        except PresslateError as exc:
            result.errors.append(exc)
            complete = False
            continue
        catalog, stats = update_catalog(
            existing,
            template,
            lang=lang,
            fuzzy_threshold=workspace.config.fuzzy_threshold,
            purge_obsolete=purge_obsolete,
            hints=hints.get(lang),
        )
        result.changes.append(FileChange(po_path, write_po(po_path, catalog, width=width), stats))
        po_state[lang] = _stat_signature(po_path)
    if not complete:
        return None
    return {"release": _stat_signature(release_path), "pot": _stat_signature(pot_path), "po": po_state}


def _read_optional(path: Path) -> Catalog | None:
    return read_po(path) if path.exists() else None


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
    return releases if isinstance(releases, dict) else {}


def _save_state(workspace: Workspace, state: dict) -> None:
    workspace.cache_dir.mkdir(parents=True, exist_ok=True)
    gitignore = workspace.cache_dir / ".gitignore"
    if not gitignore.exists():
        write_text_atomic(gitignore, "*\n")
    payload = json.dumps({"version": STATE_VERSION, "releases": state}, sort_keys=True)
    write_text_atomic(workspace.cache_dir / STATE_FILE, payload)
