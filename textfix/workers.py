"""Where batch work runs: in this process, a local worker pool, or any executor (Dask).

:func:`process_items` yields results in input order with a bounded number of
chunks in flight: ``Pool.imap`` would read the whole input ahead of the
workers, and memory would grow with the input.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Protocol

from .batch import InputItem, Result, Task, run_chunk, run_item

if TYPE_CHECKING:
    from .model import NoiseModel

CHUNK_ITEMS = 64  # at most this many items per task sent to a worker (tiny records: amortise the round trip)
CHUNK_SIZE = 256_000  # ...and about this much text (ten pages): fewer round trips, yet a short tail at the end
WINDOW_PER_WORKER = 4  # chunks in flight per worker: enough to keep it busy, bounded memory


class Executor(Protocol):
    """Where chunks run: a local process pool, a Dask cluster, or anything that can submit a call."""

    workers: int

    def submit(self, chunk: list[InputItem]) -> Callable[[], list[Result]]:
        """Start *chunk*; the returned call blocks until its results are ready."""
        ...

    def close(self, cancel: bool = False) -> None: ...


_WORKER_STATE: tuple[Task, NoiseModel | None] | None = None


def _init_worker(task: Task, model: NoiseModel | None) -> None:
    """Pool initializer: the model arrives once per worker, not with every chunk.

    Workers ignore Ctrl-C: the terminal sends it to them too, and the main
    process, which gets it as well, stops them and reports it once.
    """
    global _WORKER_STATE
    import signal

    from .model import default_model

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_STATE = (task, model or default_model())


def _run_chunk_in_worker(chunk: list[InputItem]) -> list[Result]:
    assert _WORKER_STATE is not None, "worker not initialised"
    task, model = _WORKER_STATE
    return run_chunk(chunk, task, model)


class PoolExecutor:
    """*jobs* local worker processes.

    They are forked when this process has no other thread — the fastest
    start — and otherwise come from a
    fork server (or spawn): forking a process that has threads (a Dask
    client, a progress monitor) can deadlock the child.
    """

    def __init__(self, jobs: int, task: Task, model: NoiseModel | None) -> None:
        from .garbles import prepare
        from .model import default_model

        self.workers = jobs
        model = model or default_model()
        prepare(model)  # forked workers inherit the prepared lexicon instead of each loading it
        self._pool = _context().Pool(jobs, initializer=_init_worker, initargs=(task, model))

    def submit(self, chunk: list[InputItem]) -> Callable[[], list[Result]]:
        return self._pool.apply_async(_run_chunk_in_worker, (chunk,)).get

    def close(self, cancel: bool = False) -> None:
        if cancel:
            self._pool.terminate()
        else:
            self._pool.close()
        self._pool.join()


def _context():
    """fork if safe (no other thread), else a fork server that has textfix imported already, else spawn."""
    import multiprocessing  # here, not at the top: a run in one process does not pay for its import
    import threading

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["textfix.workers", "textfix.batch", "textfix.repair", "textfix.split", "textfix.formats"])
        return context
    return multiprocessing.get_context("spawn")


def chunked(items: Iterable[InputItem], max_items: int = CHUNK_ITEMS, max_size: int = CHUNK_SIZE) -> Iterator[list[InputItem]]:
    """Consecutive items in lists of at most *max_items*, cut early once they weigh *max_size*."""
    chunk: list[InputItem] = []
    size = 0
    for item in items:
        chunk.append(item)
        size += item.weight
        if len(chunk) >= max_items or size >= max_size:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def ordered_results(executor: Executor, chunks: Iterable[list[InputItem]], window: int) -> Iterator[Result]:
    """Results of every chunk in submission order, with at most *window* chunks in flight.

    The window is what keeps memory flat: input is read only as fast as
    results are written.
    """
    pending: deque[Callable[[], list[Result]]] = deque()
    for chunk in chunks:
        pending.append(executor.submit(chunk))
        if len(pending) >= window:
            yield from pending.popleft()()
    while pending:
        yield from pending.popleft()()


def process_items(
    items: Iterable[InputItem],
    task: Task,
    model: NoiseModel | None = None,
    jobs: int = 1,
    executor: Executor | None = None,
) -> Iterator[Result]:
    """Results for *items* in input order: in this process for ``jobs=1``, else on *jobs* local workers or *executor*.

    A pool made here starts now, before the caller starts other threads (a
    progress bar), and is closed when the results are exhausted, or
    terminated if the consumer stops early (an interrupt, a closed pipe).
    An executor passed in is the caller's to close.
    """
    if executor is None and jobs <= 1:
        from .model import default_model

        model = model or default_model()
        return (run_item(item, task, model) for item in items)
    if executor is not None:
        return _ordered(executor, items, own=False)
    return _ordered(PoolExecutor(jobs, task, model), items, own=True)


def _ordered(executor: Executor, items: Iterable[InputItem], own: bool) -> Iterator[Result]:
    finished = False
    try:
        yield from ordered_results(executor, chunked(items), max(2, executor.workers * WINDOW_PER_WORKER))
        finished = True
    finally:
        if own:
            executor.close(cancel=not finished)
