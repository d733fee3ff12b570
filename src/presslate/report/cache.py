"""A cache of per-file status counts keyed on file content, kept under the workspace's cache folder."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from presslate import __version__
from presslate.fileio import write_text_atomic
from presslate.report.counts import FileStats

log = logging.getLogger(__name__)

CACHE_FILE = "status-counts.json"
# Bump when FileStats or the counting rules change: old entries are then ignored.
CACHE_FORMAT = 2
# Entries kept beyond the ones used by the current run (other languages, older history blobs).
MAX_ENTRIES = 50_000


@dataclass(frozen=True)
class CachedError:
    """A file that could not be read, remembered so an unchanged broken file is not parsed again."""

    message: str
    line: int | None


CacheValue = FileStats | CachedError


def content_key(data: bytes, lang: str) -> str:
    """The cache key of a PO file's bytes read for ``lang`` (target counts depend on the language)."""
    return f"{lang}:{hashlib.sha256(data).hexdigest()[:40]}"  # sha256: hardware-accelerated, fastest here


def blob_key(blob_id: str, lang: str) -> str:
    """The cache key of a git blob: its id already names its content."""
    return f"{lang}:git:{blob_id}"


class StatsCache:
    """Counts per content key, loaded from and saved to ``<cache_dir>/status-counts.json``."""

    def __init__(self, path: Path, entries: dict[str, dict[str, Any]] | None = None) -> None:
        self.path = path
        self._entries = entries or {}
        self._used: set[str] = set()
        self._dirty = False

    @classmethod
    def load(cls, cache_dir: Path) -> StatsCache:
        """The cache in ``cache_dir``; an unreadable or outdated file gives an empty cache."""
        path = cache_dir / CACHE_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(path)
        except (OSError, ValueError) as exc:
            log.info("ignoring unreadable status cache %s: %s", path, exc)
            return cls(path)
        if not isinstance(data, dict) or data.get("format") != _format_tag():
            return cls(path)
        if not isinstance(data.get("entries"), dict):
            return cls(path)
        return cls(path, data["entries"])

    @property
    def empty(self) -> bool:
        return not self._entries

    def get(self, key: str) -> CacheValue | None:
        raw = self._entries.get(key)
        if raw is None:
            return None
        try:
            value: CacheValue = (
                CachedError(str(raw["error"]), raw.get("line")) if "error" in raw else FileStats.from_dict(raw["stats"])
            )
        except (KeyError, TypeError, ValueError):
            return None
        self._used.add(key)
        return value

    def put(self, key: str, value: CacheValue) -> None:
        if isinstance(value, CachedError):
            self._entries[key] = {"error": value.message, "line": value.line}
        else:
            self._entries[key] = {"stats": value.to_dict()}
        self._used.add(key)
        self._dirty = True

    def save(self) -> None:
        """Write the cache if it changed; a failure to write only costs speed next time."""
        if not self._dirty:
            return
        entries = self._entries
        if len(entries) > MAX_ENTRIES:
            entries = {key: value for key, value in entries.items() if key in self._used}
        payload = json.dumps({"format": _format_tag(), "entries": entries}, ensure_ascii=False, separators=(",", ":"))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            gitignore = self.path.parent / ".gitignore"
            if not gitignore.exists():
                write_text_atomic(gitignore, "*\n")
            write_text_atomic(self.path, payload)
        except OSError as exc:
            log.warning("could not write the status cache %s: %s", self.path, exc)
        self._dirty = False


def _format_tag() -> str:
    return f"{CACHE_FORMAT}/{__version__}"
