"""Work shared between this process and forked helpers: every item once, failures worked again here."""

from __future__ import annotations

import os
import time

import pytest

from presslate.checks import forkshare
from presslate.checks.forkshare import can_fork, shared_map

pytestmark = pytest.mark.skipif(not can_fork(), reason="forked helpers are used on Linux only")
SENTENCES = ["IOM Erbil", "Displacement Tracking Matrix (DTM)", "862,458 people", "50 per cent"] * 25


def shout(text: str) -> tuple[str, int]:
    time.sleep(0.002)  # long enough for a helper to start and claim its share
    return text.upper(), os.getpid()


@pytest.mark.parametrize("helpers", [1, 2])
def test_every_item_once_and_some_by_a_helper(helpers: int) -> None:
    items = [f"{index}: {text}" for index, text in enumerate(SENTENCES)]
    pairs = list(shared_map(items, shout, helpers=helpers, chunk=3))
    assert sorted(item for item, _ in pairs) == sorted(items)
    assert all(result[0] == item.upper() for item, result in pairs)
    workers = {pid for _, (_, pid) in pairs}
    assert os.getpid() in workers and len(workers) >= 2  # the helpers took part


def test_results_travel_detached_and_come_back_attached() -> None:
    pairs = list(shared_map(SENTENCES, shout, helpers=1, chunk=2, detach=lambda result: result[0],
                            attach=lambda item, text: (text, "attached")))
    from_helper = [result for _, result in pairs if result[1] == "attached"]
    assert from_helper and all(text.isupper() for text, _ in from_helper)


def test_a_helper_that_fails_leaves_its_chunks_to_this_process() -> None:
    parent = os.getpid()

    def fragile(text: str) -> str:
        if os.getpid() != parent:
            raise RuntimeError("helper trouble")
        return text.lower()

    pairs = list(shared_map(SENTENCES, fragile, helpers=2, chunk=1))
    assert len(pairs) == len(SENTENCES)
    assert all(result == item.lower() for item, result in pairs)


def test_an_error_in_every_process_reaches_the_caller() -> None:
    def broken(text: str) -> str:
        if "DTM" in text:
            raise ValueError(f"cannot read {text!r}")
        return text

    with pytest.raises(ValueError, match="DTM"):
        list(shared_map(SENTENCES, broken, helpers=1, chunk=4))


def test_a_caller_that_stops_early_leaves_no_helper_behind(monkeypatch) -> None:
    started: list[forkshare._Helper] = []
    original = forkshare._Helper.fork

    def record(*args, **kwargs):
        helper = original(*args, **kwargs)
        started.append(helper)
        return helper

    monkeypatch.setattr(forkshare._Helper, "fork", record)
    results = shared_map(SENTENCES * 5, shout, helpers=1, chunk=5)
    next(results)
    results.close()
    assert started and not started[0].running
    with pytest.raises(ChildProcessError):
        os.waitpid(started[0].pid, os.WNOHANG)  # reaped: no zombie left


def test_more_items_than_chunk_numbers_fit_in_the_pipe() -> None:
    items = list(range(forkshare.MAX_CHUNKS * 2 + 3))
    pairs = list(shared_map(items, lambda number: number * 2, helpers=1, chunk=1))
    assert sorted(item for item, _ in pairs) == items
    assert all(result == item * 2 for item, result in pairs)


def test_without_processes_to_fork_this_process_does_all_the_work(monkeypatch) -> None:
    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(forkshare.os, "fork", no_fork)
    pairs = list(shared_map(SENTENCES, shout, helpers=2, chunk=3))
    assert sorted(item for item, _ in pairs) == sorted(SENTENCES)
    assert {pid for _, (_, pid) in pairs} == {os.getpid()}
