"""The check cache under ``<workspace>/.presslate-cache/check/``: results keyed on file content and run context.

The context key covers the presslate version, the check modules, the ``[check]`` settings, the
source language and the glossary; when it changes, everything is recomputed. Per file the
key is the digest of its bytes. Catalog-wide results are keyed on the digests of every file
(and release file) they read.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Any

from presslate.fileio import write_text_atomic

log = logging.getLogger(__name__)
CACHE_FORMAT = 1
_PARTS = ("files", "entries", "catalog")


def digest_bytes(data: bytes) -> str:
    """The content key of a file."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def code_signature() -> str:
    """Names, sizes and modification times of the check modules: a cache made by other code is not reused."""
    from presslate import __version__

    folder = Path(__file__).parent
    parts = [__version__, str(CACHE_FORMAT)]
    for path in sorted(folder.glob("*.py")):
        info = path.stat()
        parts.append(f"{path.name}:{info.st_size}:{info.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


class CheckCache:
    """Three JSON files (per-file findings, per-file entries, per-language catalog findings), read lazily."""

    def __init__(self, folder: Path, key: str) -> None:
        self.folder = folder
        self.key = key
        self._data: dict[str, dict[str, Any]] = {}
        self._dirty: set[str] = set()

    def _part(self, name: str) -> dict[str, Any]:
        if name not in self._data:
            self._data[name] = self._load(name)
        return self._data[name]

    def _load(self, name: str) -> dict[str, Any]:
        path = self.folder / f"{name}.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("key") != self.key or not isinstance(data.get("items"), dict):
            return {}
        return data["items"]

    def get(self, part: str, name: str, digest: str) -> Any | None:
        """The value stored for ``name`` when it was stored with this ``digest``."""
        item = self._part(part).get(name)
        if isinstance(item, list) and len(item) == 2 and item[0] == digest:
            return item[1]
        return None

    def put(self, part: str, name: str, digest: str, value: Any) -> None:
        items = self._part(part)
        current = items.get(name)
        if isinstance(current, list) and current == [digest, value]:
            return
        items[name] = [digest, value]
        self._dirty.add(part)

    def save(self) -> None:
        """Write the parts that changed (atomically; a failure only costs the next run some time)."""
        if not self._dirty:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder.parent / ".gitignore"
            if not ignore.exists():
                write_text_atomic(ignore, "*\n")
            for part in sorted(self._dirty):
                payload = json.dumps({"key": self.key, "items": self._data[part]}, ensure_ascii=False,
                                     separators=(",", ":"))
                write_text_atomic(self.folder / f"{part}.json", payload)
        except OSError as exc:
            log.warning("could not write the check cache in %s: %s", self.folder, exc)
        self._dirty.clear()
