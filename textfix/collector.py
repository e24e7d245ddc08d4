"""Pausing Python's cyclic garbage collector around work that makes many objects and no reference cycles."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Pauses overlap when threads decide pages at once (Dask's threaded workers).  Reading
# gc.isenabled() and calling gc.disable() are two steps, so without a shared count a
# pause could read "off" while another held it, outlive it, and leave the collector
# off for good.  The first pause to begin records the state; the last to end restores it.
_LOCK = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration (a ``with`` block, or a function it decorates).

    The page's lines and items, or a page's garble decisions, hold no
    reference cycles, so the collector finds nothing, but the hundreds of
    thousands of objects a 5 MB page makes trigger it again and again, each
    time walking every object alive, the caller's too.  Reference counting
    still frees everything.  Not resumed if it was off when the first of the
    overlapping pauses began (the caller turned it off).  Best wrapped around a
    call whose big intermediate objects die inside it: what survives the pause
    is walked once by the first collection after it.
    """
    _begin()
    try:
        yield
    finally:
        _end()


def _begin() -> None:
    global _depth, _was_enabled
    with _LOCK:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1


def _end() -> None:
    global _depth
    with _LOCK:
        _depth -= 1
        if _depth == 0 and _was_enabled:
            gc.enable()
