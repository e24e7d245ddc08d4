"""The collector's pause when pauses overlap: threads deciding pages at once (Dask's threaded workers)."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import pytest

from textfix import collector
from textfix.collector import no_cycle_collection


def _fake_gc(monkeypatch: pytest.MonkeyPatch, slow_thread: str, until: threading.Event) -> dict[str, bool]:
    """A collector switch whose disable(), called from `slow_thread`, waits for `until` first:
    the thread switch that can fall between reading the switch and turning it off."""
    state = {"on": True}

    def disable() -> None:
        if threading.current_thread().name == slow_thread:
            until.wait(2)
        state["on"] = False

    fake = SimpleNamespace(isenabled=lambda: state["on"], disable=disable, enable=lambda: state.update(on=True))
    monkeypatch.setattr(collector, "gc", fake)
    return state


def test_a_pause_that_begins_inside_another_and_ends_after_it_leaves_the_collector_on(monkeypatch) -> None:
    """a pauses; b begins while a holds the pause, so the switch reads off; a ends; b ends last.
    Read and turned off in two steps with no shared count, b would turn it off after a's end
    and, having read off, never on again: the CI run of the eighteenth stop, where every later
    test found the collector off."""
    a_inside, b_inside, a_ended = threading.Event(), threading.Event(), threading.Event()
    state = _fake_gc(monkeypatch, "b", a_ended)

    def a() -> None:
        with no_cycle_collection():
            a_inside.set()
            b_inside.wait(0.5)
        a_ended.set()

    def b() -> None:
        a_inside.wait(2)
        with no_cycle_collection():
            b_inside.set()
            a_ended.wait(2)

    threads = [threading.Thread(target=a, name="a"), threading.Thread(target=b, name="b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert a_ended.is_set() and b_inside.is_set()
    assert state["on"]


def test_overlapping_pauses_keep_the_collector_off_until_the_last_ends(monkeypatch) -> None:
    state = _fake_gc(monkeypatch, "none", threading.Event())
    with no_cycle_collection():
        with no_cycle_collection():
            assert not state["on"]
        assert not state["on"]
    assert state["on"]


def test_a_collector_the_caller_turned_off_stays_off_through_overlapping_pauses(monkeypatch) -> None:
    state = _fake_gc(monkeypatch, "none", threading.Event())
    state["on"] = False
    with no_cycle_collection():
        with no_cycle_collection():
            pass
    assert not state["on"]


def test_a_pause_ended_by_an_error_still_ends(monkeypatch) -> None:
    state = _fake_gc(monkeypatch, "none", threading.Event())
    with pytest.raises(ValueError), no_cycle_collection():
        raise ValueError
    assert state["on"]
    with no_cycle_collection():
        assert not state["on"]
    assert state["on"]
