"""Pausing Python's cyclic garbage collector around work that makes many objects and no reference cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration (a ``with`` block, or a function it decorates).

    The page's lines and items, or a page's garble decisions, hold no
    reference cycles, so the collector finds nothing, but the hundreds of
    thousands of objects a 5 MB page makes trigger it again and again, each
    time walking every object alive, the caller's too.  Reference counting
    still frees everything.  Not resumed if it was already off (by the
    caller, or by another thread's pause: the one that paused it resumes it).
    Best wrapped around a call whose big intermediate objects die inside it:
    what survives the pause is walked once by the first collection after it.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
