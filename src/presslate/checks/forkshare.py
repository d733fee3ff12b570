"""Work shared between this process and forked helpers: each takes the next chunk of items until none is left.

On a machine with few cores, a pool of worker processes leaves the main process waiting, then
busy receiving every result: it competes with the workers for a core, and every result is
pickled twice over. Here the main process is one of the workers: it and ``helpers`` forked
copies of it (which inherit everything already loaded) take chunk numbers from one pipe,
so they finish together; only the helpers' results travel, through an unnamed temporary file
each, which this process reads between its own chunks. A chunk whose results never arrive (a helper that died)
is worked again in this process, so a failure shows here as it would in a serial run.

Needs ``os.fork`` (Linux); :func:`can_fork` tells, and callers use a process pool elsewhere.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def can_fork() -> bool:
    """Whether helpers can be forked safely here (Linux; macOS forks badly once system libraries run threads)."""
    return hasattr(os, "fork") and sys.platform.startswith("linux")


def shared_map(items: Sequence[Item], work: Callable[[Item], Result], *, helpers: int, chunk: int,
               detach: Callable[[Result], Any] | None = None,
               attach: Callable[[Item, Any], Result] | None = None) -> Iterator[tuple[Item, Result]]:
    """``(item, work(item))`` for every item, in the order they are done (here, or by a helper).

    After each chunk of its own, this process takes in what the helpers have finished, so that
    the caller's work on results (and the reading of them) overlaps theirs. ``detach`` turns a
    helper's result into what travels (e.g. without what the caller already has); ``attach``
    makes it whole again here, with its item.
    """
    chunk = max(chunk, -(-len(items) // MAX_CHUNKS))
    chunks = [items[start:start + chunk] for start in range(0, len(items), chunk)]
    claims = _Claims(len(chunks))
    forked: list[_Helper] = []
    done: set[int] = set()

    def arrived(helper: _Helper) -> Iterator[tuple[Item, Result]]:
        for index, results in helper.records():
            for item, result in zip(chunks[index], results):
                yield item, attach(item, result) if attach else result
            done.add(index)

    try:
        for _ in range(helpers):
            try:
                forked.append(_Helper.fork(chunks, work, claims, detach))
            except OSError:  # no more processes to be had: the ones started share the work
                break
        while (index := claims.next()) >= 0:
            for item in chunks[index]:
                yield item, work(item)
            done.add(index)
            for helper in forked:
                yield from arrived(helper)
        for helper in forked:
            helper.wait()
            yield from arrived(helper)
        for index, part in enumerate(chunks):  # left by a helper that failed: worked here, where errors show
            if index not in done:
                for item in part:
                    yield item, work(item)
    finally:
        for helper in forked:
            helper.stop()
        claims.close()


MAX_CHUNKS = 1024
"""Chunk numbers wait in a pipe, four bytes each, written before anyone reads: at most one page of them, what
every pipe holds (64 KiB is the default, but a user over ``pipe-user-pages-soft`` gets one page)."""


class _Claims:
    """The numbers 0 ... ``count - 1``, each taken once by this process or one it forks next; then -1.

    They wait in a pipe, four bytes each: a read of four bytes from a pipe is never split or
    shared between readers, so each process takes the next number without a lock.
    """

    def __init__(self, count: int) -> None:
        assert count <= MAX_CHUNKS, "more numbers than a pipe holds"
        self._read_end, write_end = os.pipe()
        try:
            os.write(write_end, b"".join(index.to_bytes(4, "little") for index in range(count)))
        finally:
            os.close(write_end)

    def next(self) -> int:
        data = os.read(self._read_end, 4)
        return int.from_bytes(data, "little") if len(data) == 4 else -1

    def close(self) -> None:
        os.close(self._read_end)


_LENGTH = 8
"""Bytes of the length that opens each record a helper writes."""


class _Helper:
    """One forked helper and the unnamed file it writes its records to: a length, then a pickled ``(chunk, results)``."""

    def __init__(self, pid: int, output: IO[bytes]) -> None:
        self.pid = pid
        self.output = output
        self.offset = 0
        self.running = True

    @classmethod
    def fork(cls, chunks: list[Sequence[Any]], work: Callable[[Any], Any], claims: _Claims,
             detach: Callable[[Any], Any] | None) -> _Helper:
        output = tempfile.TemporaryFile()
        try:
            pid = os.fork()
        except OSError:
            output.close()
            raise
        if pid == 0:
            _helper_life(chunks, work, claims, output.fileno(), detach)
        return cls(pid, output)

    def records(self) -> Iterator[tuple[int, list[Any]]]:
        """The records written in full since the last call (read at our own offset: the file's is the helper's)."""
        fd = self.output.fileno()
        size = os.fstat(fd).st_size
        while size - self.offset >= _LENGTH:
            length = int.from_bytes(os.pread(fd, _LENGTH, self.offset), "little")
            if size - self.offset - _LENGTH < length:
                return  # still being written
            data = _read_at(fd, length, self.offset + _LENGTH)
            self.offset += _LENGTH + length
            try:
                yield pickle.loads(data)
            except Exception:  # noqa: BLE001 - a damaged record: its chunk is worked again here
                self.offset = size
                return

    def wait(self) -> None:
        if self.running:
            os.waitpid(self.pid, 0)
            self.running = False

    def stop(self) -> None:
        """End the helper if it still runs (the caller stopped early), and close its file."""
        if self.running:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self.running = False
        self.output.close()


def _read_at(fd: int, length: int, offset: int) -> bytes:
    parts = []
    while length > 0:
        part = os.pread(fd, length, offset)
        if not part:
            break
        parts.append(part)
        length -= len(part)
        offset += len(part)
    return b"".join(parts)


def _helper_life(chunks: list[Sequence[Any]], work: Callable[[Any], Any], claims: _Claims, fd: int,
                 detach: Callable[[Any], Any] | None) -> None:
    """A forked helper's whole life: work the chunks it claims, write each one's results, then end at once."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C ends it quietly; the main process reports
        while (index := claims.next()) >= 0:
            results = [work(item) for item in chunks[index]]
            data = pickle.dumps((index, [detach(result) if detach else result for result in results]),
                                protocol=pickle.HIGHEST_PROTOCOL)
            _write_all(fd, len(data).to_bytes(_LENGTH, "little") + data)
        status = 0
    except BaseException:  # noqa: BLE001 - the main process works the chunk again and sees the error itself
        pass
    finally:
        os._exit(status)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
