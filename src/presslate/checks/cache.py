"""The check cache under ``<workspace>/.presslate-cache/check/``: results keyed on file content and run context.

The context key covers the presslate version and source, the ``[check]`` settings, the source
language, the glossary and a key kept in the user's cache folder (so a cache folder that comes
with a checkout is never trusted); when it changes, everything is recomputed. Per file the
key is the digest of its bytes. Catalog-wide results are keyed on the digests of every file
(and release file) they read.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import logging
import marshal
import os
import secrets
import sys
import tempfile
from pathlib import Path
from typing import Any

from presslate.fileio import write_text_atomic

log = logging.getLogger(__name__)
CACHE_FORMAT = 2
SUFFIX = ".marshal"
MARSHAL_VERSION = 2
"""Without the shared-object references of versions 3 and up: a run's results share their strings with
everything else it holds, and tracking them made writing 40% slower (0.06 s -> 0.04 s for 20 MB)
for 6% less on disk."""


def digest_bytes(data: bytes) -> str:
    """The content key of a file."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


LIBRARIES = ("babel", "snowballstemmer", "Stemmer", "rapidfuzz", "yaml")
"""Modules whose data or behaviour shapes findings (number symbols, stems, similarity, release files)."""


@functools.cache
def code_signature() -> str:
    """A hash of presslate's version and source and of the installed versions of :data:`LIBRARIES`.

    Results made by other code are not reused. Worked out once per process (the replay key and
    the run both need it). Versions are read from the ``*.dist-info`` folder
    names beside each module (one folder listing, no import).
    """
    from presslate import __version__

    package = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(f"{__version__}\0{CACHE_FORMAT}\0".encode())
    for name in library_versions():
        digest.update(name.encode() + b"\0")
    digest.update(compiled_manifest())
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def compiled_manifest() -> bytes:
    """What the compiled copies of the hot modules were built from, when this run may use them (see presslate._speedups).

    They give the same results as the source modules; keying on them too means a result is never
    reused across the two, should they ever differ.
    """
    from presslate import _speedups

    if _speedups.install() is None:
        return b"plain"
    try:
        return _speedups.MANIFEST.read_bytes()
    except OSError:
        return b"plain"


def library_versions() -> list[str]:
    """The ``*.dist-info`` folder names (name and version) next to each of :data:`LIBRARIES`."""
    folders: dict[Path, list[str]] = {}
    for module in LIBRARIES:
        spec = importlib.util.find_spec(module)
        if spec is None or not spec.origin:
            continue
        origin = Path(spec.origin)
        folder = origin.parent.parent if origin.name == "__init__.py" else origin.parent
        if folder not in folders:
            try:
                folders[folder] = sorted(entry for entry in os.listdir(folder) if entry.endswith(".dist-info"))
            except OSError:
                folders[folder] = []
    wanted = ("babel", "snowballstemmer", "pystemmer", "rapidfuzz", "pyyaml")
    return [entry for entries in folders.values() for entry in entries if entry.lower().startswith(wanted)]


def machine_key() -> str | None:
    """A random key kept in the user's cache folder, created on first use (None when it cannot be kept).

    Cache entries are only trusted under this key, so a ``.presslate-cache`` folder that came with
    a checkout (committed by mistake, or on purpose to hide findings) is never read as ours.
    """
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "presslate"
    path = base / "check-cache.key"
    try:
        key = path.read_text(encoding="ascii").strip()
        if len(key) == 64:
            return key
    except (OSError, UnicodeDecodeError):
        pass
    try:
        base.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, secrets.token_hex(32) + "\n")
        key = path.read_text(encoding="ascii").strip()
    except OSError as exc:
        log.info("no cache key in %s (%s): checking without the cache", base, exc)
        return None
    return key if len(key) == 64 else None


class CheckCache:
    """One file per part (per-file findings, per-file entries, per-language catalog findings ...), read lazily.

    Each holds the context key (and the serialisation's version) on its first line and the items
    after it in :mod:`marshal` form: ten times faster to write and read than JSON for the tens of
    megabytes a large workspace keeps. A part is only unmarshalled when its first line carries this
    run's key, which includes the user's secret cache key (:func:`machine_key`): a file that came
    from anywhere else is never parsed.
    """

    def __init__(self, folder: Path, key: str) -> None:
        self.folder = folder
        self.key = key
        self._data: dict[str, dict[str, Any]] = {}
        self._dirty: set[str] = set()
        self._header = f"{key} marshal-{MARSHAL_VERSION} python-{sys.version_info[0]}.{sys.version_info[1]}".encode()

    def _part(self, name: str) -> dict[str, Any]:
        if name not in self._data:
            self._data[name] = self._load(name)
        return self._data[name]

    def _load(self, name: str) -> dict[str, Any]:
        """A part's items; a part written under another key is not even parsed (its first line is the key)."""
        path = self.folder / f"{name}{SUFFIX}"
        try:
            with path.open("rb") as handle:
                if handle.readline().rstrip(b"\n") != self._header:
                    return {}
                items = marshal.loads(handle.read())
        except (OSError, ValueError, EOFError, TypeError):
            return {}
        return items if isinstance(items, dict) else {}

    def load(self, part: str) -> None:
        """Read ``part`` now (e.g. before worker processes fork, so that they share it) rather than on first use."""
        self._part(part)

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

    def save(self, *, in_background: bool = False) -> None:
        """Write the parts that changed (atomically; a failure only costs the next run some time).

        With ``in_background`` (for a process that ends after its command, on Linux), a forked copy
        of this process writes them while this one goes on; :func:`finish_writes` waits for it.
        """
        if not self._dirty:
            return
        if in_background:
            try:
                pid = os.fork()
            except OSError:
                pid = -1  # no process to be had: written here
            if pid == 0:
                status = 1
                try:
                    self._write_dirty()
                    status = 0
                finally:
                    os._exit(status)
            if pid > 0:
                _WRITERS.append(pid)
                self._dirty.clear()
                return
        self._write_dirty()

    def _write_dirty(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder.parent / ".gitignore"
            if not ignore.exists():
                write_text_atomic(ignore, "*\n")
            for part in sorted(self._dirty):
                _replace_file(self.folder / f"{part}{SUFFIX}", self._header + b"\n",
                              marshal.dumps(self._data[part], MARSHAL_VERSION))
        except OSError as exc:
            log.warning("could not write the check cache in %s: %s", self.folder, exc)
        self._dirty.clear()


_WRITERS: list[int] = []
"""Forked processes still writing cache parts (see :meth:`CheckCache.save`)."""


def finish_writes() -> None:
    """Wait for the cache parts being written in the background (before the process ends)."""
    while _WRITERS:
        try:
            os.waitpid(_WRITERS.pop(), 0)
        except ChildProcessError:
            pass


def _replace_file(path: Path, *pieces: bytes) -> None:
    """Write through a temporary file and a rename, without fsync: a cache needs no durability, only no torn files."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            for piece in pieces:
                handle.write(piece)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
