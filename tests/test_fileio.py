"""Atomic writes: what they replace and what they must never replace."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from presslate.fileio import write_bytes_atomic, write_text_atomic


def test_a_regular_file_is_replaced_whole_and_unchanged_bytes_touch_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    assert write_text_atomic(path, "one\n") is True
    before = os.stat(path)
    assert write_text_atomic(path, "one\n") is False
    assert os.stat(path).st_ino == before.st_ino
    assert write_text_atomic(path, "two\n") is True and path.read_text() == "two\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left


def test_a_symbolic_link_stays_a_link_and_its_target_gets_the_text(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old\n")
    link = tmp_path / "latest.txt"
    link.symlink_to(target)
    write_text_atomic(link, "new\n")
    assert link.is_symlink() and target.read_text() == "new\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_a_named_pipe_is_written_into_not_replaced(tmp_path: Path) -> None:
    """``presslate check --output /dev/stdout`` or a pipe: the special file is written, never renamed over."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_bytes_atomic(fifo, b"report\n")
    reader.join(timeout=10)
    assert received == [b"report\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_the_null_device_stays_a_device() -> None:
    null = Path(os.devnull)
    if not null.exists() or not stat.S_ISCHR(os.stat(null).st_mode):
        pytest.skip("no character device at os.devnull")
    write_text_atomic(null, "discarded\n")
    assert stat.S_ISCHR(os.stat(null).st_mode)
