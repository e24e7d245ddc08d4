"""Repair and split on Dask: bag helpers for your own graphs, and the executor behind ``--dask``.

Dask is an optional extra (``pip install 'textfix[dask]'``); importing this
module without it works, and using it raises a :class:`TextfixError` that
says what to install.

The model is shipped to the workers once — scattered with
``broadcast=True`` when a distributed client is running, else one delayed
object in the graph — never pickled into every task.  ``model=None`` ships
nothing: each worker process loads the built-in model once and caches it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from .batch import InputItem, Result, Task, apply_to_record, run_chunk
from .errors import TextfixError

if TYPE_CHECKING:
    from .model import NoiseModel
    from .repair import Repaired
    from .split import Page

INSTALL_HINT = "Dask is not installed: pip install 'textfix[dask]'"


def require_dask() -> None:
    """Raise the one-line :class:`TextfixError` naming the extra to install unless Dask and distributed import."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise TextfixError(INSTALL_HINT) from None


def repair_bag(bag: Any, model: NoiseModel | None = None, keep_lines: bool = False) -> Any:
    """A bag of repaired pages.

    A ``str`` element (a page) becomes its :class:`~textfix.repair.Repaired`,
    exactly as :func:`textfix.repair` returns it; a mapping element (a
    record with ``"text"``) becomes the record with ``"repaired"`` and
    ``"changes"`` added, as ``textfix repair --jsonl`` writes it (lines
    rejoined unless *keep_lines*).
    """
    require_dask()
    return bag.map_partitions(_map_partition, _ship(model), Task("repair", jsonl=True, keep_lines=keep_lines))


def split_bag(bag: Any, model: NoiseModel | None = None) -> Any:
    """A bag of split pages: a ``str`` element becomes its :class:`~textfix.split.Page`, a record gains ``"page"``."""
    require_dask()
    return bag.map_partitions(_map_partition, _ship(model), Task("split", jsonl=True))


def _ship(model: NoiseModel | None) -> Any:
    """The model as something the graph references once: a broadcast future, or a delayed object."""
    if model is None:
        return None
    try:
        from distributed import get_client

        return get_client().scatter(model, broadcast=True)
    except (ImportError, ValueError):  # no distributed client: the threaded or process scheduler
        import dask

        return dask.delayed(model, traverse=False)


def _map_partition(elements: Any, model: NoiseModel | None, task: Task) -> list:
    from .model import default_model

    model = model or default_model()
    return [_one(element, model, task) for element in elements]


def _one(element: Any, model: NoiseModel, task: Task) -> Repaired | Page | dict:
    if isinstance(element, str):
        if task.kind == "split":
            from .split import split_page

            return split_page(element, model)
        from .repair import repair

        return repair(element, model)
    if isinstance(element, Mapping):
        return apply_to_record(dict(element), task, model)
    raise TypeError(f"textfix.dask: bag elements must be str pages or records with 'text', not {type(element).__name__}")


class DaskExecutor:
    """Runs :func:`textfix.batch.run_chunk` on a cluster, for :func:`textfix.workers.process_items`."""

    def __init__(self, client: Any, task: Task, model: NoiseModel | None) -> None:
        self.client, self.task = client, task
        self.workers = max(1, len(client.scheduler_info().get("workers", {})))
        self.model = client.scatter(model, broadcast=True) if model is not None else None

    def submit(self, chunk: list[InputItem]) -> Callable[[], list[Result]]:
        return self.client.submit(run_chunk, chunk, self.task, self.model, pure=False).result

    def close(self, cancel: bool = False) -> None:
        """The client belongs to whoever made it (see :func:`connect`)."""


@contextmanager
def connect(address: str | None = None, workers: int | None = None, processes: bool = True) -> Iterator[Any]:
    """A client of the scheduler at *address*, or of a new ``LocalCluster`` of *workers* processes, closed on exit."""
    require_dask()
    from distributed import Client, LocalCluster

    if address:
        with Client(address) as client:
            yield client
        return
    n = workers if workers and workers > 0 else (os.cpu_count() or 1)
    with LocalCluster(n_workers=n, threads_per_worker=1, processes=processes, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            yield client
