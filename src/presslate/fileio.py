"""Atomic file writes and the workspace lock."""

from __future__ import annotations

import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from presslate.errors import LockError


def write_bytes_atomic(path: Path, data: bytes, *, durable: bool = True) -> bool:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Readers never see a partial file. ``durable`` fsyncs the file before the rename; bulk
    writers pass False and call :func:`flush_to_disk` once at the end instead.
    Returns False, touching nothing, when the file already holds exactly these bytes.
    A symbolic link stays a link (its target is replaced), and a path that is not a regular
    file (``/dev/null``, ``/dev/stdout``, a named pipe) is written in place, never replaced.
    """
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        with open(path, "wb") as handle:
            handle.write(data)
        return True
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        if info is not None and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp_name, (info.st_mode & 0o777) if info is not None else 0o644)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return True


def write_text_atomic(path: Path, text: str, *, durable: bool = True) -> bool:
    """UTF-8 text version of :func:`write_bytes_atomic`."""
    return write_bytes_atomic(path, text.encode("utf-8"), durable=durable)


def flush_to_disk() -> None:
    """Commit every written file to disk at once (one ``sync`` instead of one fsync per file)."""
    os.sync()


@contextmanager
def workspace_lock(lock_path: Path, *, timeout: float = 60.0) -> Iterator[None]:
    """Hold the workspace lock so two runs never interleave their writes."""
    from filelock import FileLock, Timeout  # imported here: most commands that read never lock

    lock = FileLock(str(lock_path), timeout=timeout)
    try:
        with lock:
            yield
    except Timeout as exc:
        raise LockError(
            f"another presslate run holds the workspace lock {lock_path} (waited {timeout:.0f} s)", path=lock_path
        ) from exc
