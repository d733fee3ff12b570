"""On-disk cache of engine answers (SQLite under the workspace's git-ignored cache folder): a sentence is paid for once.

Keyed by engine, source and target language and the exact text sent (after masking). One connection
serves all threads behind a lock; WAL mode and a busy timeout let two runs share the file.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path
from types import TracebackType

from presslate.errors import InputError
from presslate.fileio import write_text_atomic

CACHE_FILE = "mt-cache.sqlite3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    engine TEXT NOT NULL,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    text TEXT NOT NULL,
    translation TEXT NOT NULL,
    created TEXT NOT NULL,
    PRIMARY KEY (engine, source_lang, target_lang, text)
)
"""


class CacheError(InputError):
    """The cache file cannot be used."""


class TranslationCache:
    """Engine answers by (engine, source language, target language, text sent). Thread-safe."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(path, timeout=30.0, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(SCHEMA)
        except sqlite3.Error as exc:
            raise CacheError(f"cannot use the translation cache ({exc}); delete the file to start a new one",
                             path=path) from exc

    def get(self, *, engine: str, source: str, target: str, text: str) -> str | None:
        """The cached answer for this request, or None."""
        with self._lock:
            row = self._run("SELECT translation FROM translations WHERE engine=? AND source_lang=? AND target_lang=? "
                            "AND text=?", (engine, source, target, text)).fetchone()
        return row[0] if row else None

    def put(self, *, engine: str, source: str, target: str, text: str, translation: str) -> None:
        """Store an answer at once (committed), so an interrupted run keeps it."""
        moment = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with self._lock:
            self._run("INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?, ?)",
                      (engine, source, target, text, translation, moment))

    def __len__(self) -> int:
        with self._lock:
            return int(self._run("SELECT COUNT(*) FROM translations", ()).fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> TranslationCache:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def _run(self, sql: str, parameters: tuple) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, parameters)
        except sqlite3.Error as exc:
            raise CacheError(f"the translation cache failed ({exc}); delete the file to start a new one",
                             path=self.path) from exc


def open_cache(cache_dir: Path) -> TranslationCache:
    """Open (creating) the cache in ``cache_dir``, which git is told to ignore."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    ignore = cache_dir / ".gitignore"
    if not ignore.exists():
        write_text_atomic(ignore, "*\n")
    return TranslationCache(cache_dir / CACHE_FILE)
