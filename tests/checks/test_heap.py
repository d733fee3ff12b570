"""The collector is paused during a run and left as it was; a process that ends after its command freezes instead."""

from __future__ import annotations

import gc

import pytest

from presslate.checks import heap


@pytest.fixture
def collector():
    was_enabled = gc.isenabled()
    gc.unfreeze()
    yield
    gc.unfreeze()
    heap._ENDS_AFTER_COMMAND = False
    (gc.enable if was_enabled else gc.disable)()


def test_paused_in_the_block_and_restored_after(collector) -> None:
    gc.enable()
    with heap.collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_collector_that_was_off_stays_off(collector) -> None:
    gc.disable()
    with heap.collector_paused():
        pass
    assert not gc.isenabled()


def test_a_process_that_ends_after_its_command_freezes_what_the_run_made(collector) -> None:
    gc.enable()
    heap.process_ends_after_command()
    with heap.collector_paused():
        kept = [[index] for index in range(1000)]  # long-lived containers, as a run's results
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(kept)  # the next collection will not walk them
