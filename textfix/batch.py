"""Repair or split many pages: files, directories, globs and JSONL streams.

The CLI, the Dask helper (:mod:`textfix.dask`) and the benchmarks share
this module, so that a page gives the same output whether it is the only
one, one of a thousand files, a record in a JSONL stream, or a task on a
cluster.  The pieces are plain functions and small value types:

* :func:`expand_inputs` turns command-line arguments into :class:`Source`\\ s;
* :func:`iter_items` turns sources into :class:`InputItem`\\ s lazily, so a
  1 GB JSONL file is never held in memory;
* :func:`run_item` does one item's work and never raises: a bad record is a
  :class:`Result` with an ``error``, and the batch goes on;
* :func:`process_items` runs items in process, in a local worker pool or on
  any other :class:`Executor`, and yields results in input order with a
  bounded number of chunks in flight (``Pool.imap`` would read the whole
  input ahead of the workers, and memory would grow with the input);
* :func:`run_batch` writes the results: to stdout, one file, or one file per
  input under a directory, and logs failed records.
"""

from __future__ import annotations

import glob
import itertools
import json
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from fnmatch import fnmatch
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol

from .errors import InputError, TextfixError
from .io import AtomicStream, write_text_atomic
from .pages import PAGE_BREAK

if TYPE_CHECKING:
    from .model import NoiseModel

EXIT_SOME_FAILED = 6  # the run finished, but one or more inputs or records failed
TEXT_INCLUDE = "*.txt"
JSONL_INCLUDE = "*.jsonl"
SPLIT_SUFFIX = {"json": ".json", "jsonl": ".jsonl", "markdown": ".md", "text": ".txt"}
CHUNK_ITEMS = 64  # at most this many items per task sent to a worker (tiny records: amortise the round trip)
CHUNK_SIZE = 256_000  # ...and about this much text (ten pages): fewer round trips, yet a short tail at the end
WINDOW_PER_WORKER = 4  # chunks in flight per worker: enough to keep it busy, bounded memory


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Source:
    """One input file after expansion; ``name`` is its path relative to the argument, for output names."""

    path: str  # "-" for standard input
    name: str
    error: str | None = None  # why an argument gave no file: kept so the batch reports it and goes on


@dataclass(frozen=True)
class InputItem:
    """One unit of work: a page file, a page read from stdin, or one JSONL line (as bytes)."""

    index: int
    id: str  # what an error names until the record says its own id
    source: int  # index into the run's sources: outputs per input follow it
    path: str | None = None  # a page file, read by the worker
    payload: str | bytes | None = None  # page text (stdin) or a raw JSONL line
    error: str | None = None
    size: int = 0  # of the file at path: what chunking weighs a page file by
    page: tuple[int, int] | None = None  # (index, offset) when the payload is one page of a file of several

    @property
    def weight(self) -> int:
        return len(self.payload) if self.payload else self.size


def expand_inputs(args: Sequence[str], include: str = TEXT_INCLUDE) -> list[Source]:
    """Arguments in order; a directory gives its files matching *include* (recursively), a glob its matches, sorted.

    Sorting makes the order, and so the output, the same on every machine.
    An argument that names nothing becomes a :class:`Source` with an error
    rather than an exception: one mistyped name should not cancel a batch.
    """
    sources: list[Source] = []
    for arg in args:
        if arg == "-":
            sources.append(Source("-", "stdin"))
        elif os.path.isfile(arg):
            sources.append(Source(arg, os.path.basename(arg)))
        elif os.path.isdir(arg):
            sources.extend(_directory_sources(arg, include))
        elif glob.has_magic(arg):
            sources.extend(_glob_sources(arg))
        else:
            sources.append(Source(arg, os.path.basename(arg), f"{arg}: no such file"))
    return sources


def _directory_sources(directory: str, include: str) -> list[Source]:
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [os.path.join(root, f) for f in files if not f.startswith(".") and fnmatch(f, include)]
    if not found:
        return [Source(directory, os.path.basename(directory), f"{directory}: no files matching {include}")]
    return [Source(p, os.path.relpath(p, directory)) for p in sorted(found, key=lambda p: os.path.relpath(p, directory))]


def _glob_sources(pattern: str) -> list[Source]:
    matches = sorted(p for p in glob.glob(pattern, recursive=True) if os.path.isfile(p))
    if not matches:
        return [Source(pattern, os.path.basename(pattern), f"{pattern}: no files match")]
    return [Source(p, os.path.basename(p)) for p in matches]


def names_many(args: Sequence[str]) -> bool:
    """Whether the arguments ask for one output per input: several, or a directory, or a glob."""
    return len(args) > 1 or any(a != "-" and (os.path.isdir(a) or (glob.has_magic(a) and not os.path.exists(a))) for a in args)


def iter_items(sources: Sequence[Source], jsonl: bool = False) -> Iterator[InputItem]:
    """The work in input order, produced lazily: JSONL files are read a line at a time."""
    counter = itertools.count()
    for number, source in enumerate(sources):
        if source.error:
            yield InputItem(next(counter), source.path, number, error=source.error)
        elif jsonl:
            for lineno, line, error in _jsonl_lines(source.path):
                ident = f"{source.name}:{lineno}" if lineno else source.path  # line 0: the file itself failed
                yield InputItem(next(counter), ident, number, payload=line, error=error)
        elif source.path == "-":
            yield _stdin_item(next(counter), number)
        else:
            yield InputItem(next(counter), source.path, number, path=source.path, size=_file_size(source.path))


def _file_size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _stdin_item(index: int, source: int) -> InputItem:
    from .io import read_text

    try:
        return InputItem(index, "-", source, payload=read_text("-"))
    except TextfixError as exc:
        return InputItem(index, "-", source, error=str(exc))


def _jsonl_lines(path: str) -> Iterator[tuple[int, bytes | None, str | None]]:
    """(line number, raw line, error) for each non-blank line; an unreadable file is one error."""
    try:
        if path == "-":
            yield from iter_jsonl(sys.stdin.buffer)
            return
        with open(path, "rb") as stream:
            yield from iter_jsonl(stream)
    except OSError as exc:
        yield 0, None, f"{path}: cannot read ({exc.strerror or exc})"


def iter_jsonl(stream: IO[bytes]) -> Iterator[tuple[int, bytes, None]]:
    """Non-blank lines of a binary stream with their 1-based numbers, one at a time.

    Lines stay bytes: decoding and parsing happen in the workers, so the
    reading process does nothing per record but split lines.
    """
    for lineno, line in enumerate(stream, 1):
        if line.strip():
            yield lineno, line, None


# --------------------------------------------------------------------------- work


@dataclass(frozen=True)
class Task:
    """What to do with each item; small and picklable, sent once to each worker."""

    kind: str  # "repair" or "split"
    jsonl: bool = False
    keep_lines: bool = False  # repair: keep the printed line breaks
    fmt: str = "json"  # split, page files: the output format
    explain: bool = False  # repair, page files: also return the change log


@dataclass(frozen=True)
class Result:
    """One item's outcome: its output text, or why it failed."""

    index: int
    id: str
    source: int
    output: str = ""
    explain: str = ""
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def run_item(item: InputItem, task: Task, model: NoiseModel | None = None) -> Result:
    """Do *task* on *item*; any failure becomes ``Result.error`` so one bad record cannot stop a batch."""
    ident = item.id
    try:
        if item.error:
            raise InputError(item.error)
        if task.jsonl:
            record = parse_record(item.payload)
            ident = str(record["id"]) if record.get("id") is not None else item.id
            return Result(item.index, ident, item.source, json.dumps(apply_to_record(record, task, model), ensure_ascii=False) + "\n")
        output, explain = do_page(_page_text(item), task, model, _page_source(item), item.page)
        return Result(item.index, ident, item.source, output, explain)
    except TextfixError as exc:
        return Result(item.index, ident, item.source, error=str(exc))
    except Exception as exc:  # noqa: BLE001 — a bug on one odd page must not sink the other million
        return Result(item.index, ident, item.source, error=f"{type(exc).__name__}: {exc}")


def run_chunk(chunk: Sequence[InputItem], task: Task, model: NoiseModel | None = None) -> list[Result]:
    """:func:`run_item` over a chunk: the unit a worker or a Dask task receives."""
    return [run_item(item, task, model) for item in chunk]


def _page_text(item: InputItem) -> str:
    from .io import read_text

    return item.payload if isinstance(item.payload, str) else read_text(item.path or "-")


def _page_source(item: InputItem) -> str | None:
    return os.path.basename(item.path) if item.path else None


def parse_record(line: str | bytes | None) -> dict:
    """A JSONL line as a dict; anything else is an :class:`InputError` that says why."""
    try:
        text = line.decode("utf-8") if isinstance(line, bytes) else (line or "")
        record = json.loads(text.lstrip("\ufeff"))
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg}, column {exc.colno})") from None
    if not isinstance(record, dict):
        raise InputError(f"not a JSON object but {type(record).__name__}")
    return record


def apply_to_record(record: dict, task: Task, model: NoiseModel | None = None) -> dict:
    """*record* with the result added, every other field kept.

    ``text`` stays the original, so a record can be repaired again or its
    changes checked; repair adds ``repaired`` and ``changes`` (offsets into
    ``text``), split adds ``page``.
    """
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError('no string "text" field')
    if task.kind == "split":
        from .split import split_pages

        pages = [page.to_dict() for page in split_pages(text, model)]
        return {**record, "page": pages[0]} if len(pages) == 1 else {**record, "pages": pages}
    out, repaired = repair_value(text, model, task.keep_lines)
    return {**record, "repaired": out, "changes": [c.to_dict() for c in repaired.changes]}


def repair_value(text: str, model: NoiseModel | None = None, keep_lines: bool = False):
    """:func:`repair_page` for text held as a value (a record field, a dataset cell, a document).

    A value is not a file: it gets no line end it did not have.
    """
    out, repaired = repair_page(text, model, keep_lines)
    return (out if text.endswith("\n") else out.rstrip("\n")), repaired


def repair_page(text: str, model: NoiseModel | None = None, keep_lines: bool = False):
    """(output text, :class:`~textfix.repair.Repaired`): the page with lines rejoined unless *keep_lines*, as the CLI prints it.

    A text of several pages (form feeds, see :mod:`textfix.pages`) is
    repaired page by page; the change offsets are into the whole text.
    """
    from .model import default_model
    from .pages import PAGE_BREAK, cut_pages, join_repaired

    model = model or default_model()
    pages = cut_pages(text)
    if len(pages) == 1:
        return _repair_one_page(text, model, keep_lines)
    done = [(offset, *_repair_one_page(page, model, keep_lines)) for offset, page in pages]
    return PAGE_BREAK.join(out for _, out, _ in done), join_repaired([(offset, r) for offset, _, r in done])


def _repair_one_page(text: str, model: NoiseModel, keep_lines: bool):
    from .repair import repair
    from .split import rejoin

    result = repair(text, model)
    return (result.text if keep_lines else rejoin(text, result, model)), result


def do_page(
    text: str, task: Task, model: NoiseModel | None = None, source: str | None = None, page: tuple[int, int] | None = None
) -> tuple[str, str]:
    """(output, change log) for a page file in the formats of ``textfix repair`` / ``split``.

    A file of several pages (form feeds, see :mod:`textfix.pages`) is done
    page by page and the outputs joined (:func:`join_pages`).  *page* is
    (index, offset) when *text* is one page of such a file: split output
    says which, and change offsets count from the file's start.
    """
    if page is None and PAGE_BREAK in text:
        return join_pages([do_page(t, task, model, source, (i, offset)) for i, offset, t in pages_to_do(text, task)], task)
    index, offset = page or (None, 0)
    if task.kind == "split":
        from .formats import render
        from .split import split_page

        return render(replace(split_page(text, model, source), index=index, offset=offset), task.fmt), ""
    out, result = repair_page(text, model, task.keep_lines)
    return out, (result.explain(offset) if task.explain else "")


def pages_to_do(text: str, task: Task) -> list[tuple[int, int, str]]:
    """(index, offset, text) of the pages of a file: every one to repair (the output keeps every
    page break), those not blank to split (a blank page holds no article)."""
    from .pages import cut_pages

    pages = [(i, offset, t) for i, (offset, t) in enumerate(cut_pages(text))]
    return [p for p in pages if p[2].strip()] if task.kind == "split" else pages


def join_pages(outputs: list[tuple[str, str]], task: Task) -> tuple[str, str]:
    """The (output, change log) of each page of a file as one: what :func:`do_page` gives for the file."""
    log = "\n".join(explain for _, explain in outputs if explain)
    if task.kind == "split":
        from .formats import join_rendered

        return join_rendered([out for out, _ in outputs], task.fmt), log
    return PAGE_BREAK.join(out for out, _ in outputs), log


# --------------------------------------------------------------------------- scheduling


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
        context.set_forkserver_preload(["textfix.batch", "textfix.repair", "textfix.split", "textfix.formats"])
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


# --------------------------------------------------------------------------- progress


class Progress(Protocol):
    """Counts finished items, and prints messages without tearing a bar."""

    def update(self, n: int = 1) -> None: ...
    def write(self, message: str) -> None: ...
    def close(self) -> None: ...


class NoProgress:
    """Progress when none is shown: messages still reach stderr."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream

    def update(self, n: int = 1) -> None:
        pass

    def write(self, message: str) -> None:
        print(message, file=self.stream or sys.stderr)

    def close(self) -> None:
        pass


class LineCounter:
    """A one-line counter for when tqdm is not installed: done, rate and ETA, redrawn at most 5 times a second."""

    def __init__(self, total: int | None, unit: str, stream: IO[str]) -> None:
        self.total, self.unit, self.stream = total, unit, stream
        self.done, self.start, self.drawn = 0, time.monotonic(), 0.0

    def update(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if now - self.drawn >= 0.2 or self.done == self.total:
            self.drawn = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.done / max(now - self.start, 1e-9)
        line = f"{self.done}{'/' + str(self.total) if self.total else ''} {self.unit}s  {rate:.1f} {self.unit}s/s"
        if self.total and rate > 0:
            line += f"  ETA {_clock((self.total - self.done) / rate)}"
        self.stream.write("\r\x1b[K" + line)
        self.stream.flush()

    def write(self, message: str) -> None:
        self.stream.write("\r\x1b[K" + message + "\n")
        self._draw(time.monotonic())

    def close(self) -> None:
        self._draw(time.monotonic())
        self.stream.write("\n")
        self.stream.flush()


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes // 60}:{minutes % 60:02d}:{secs:02d}" if minutes >= 60 else f"{minutes:02d}:{secs:02d}"


class _Tqdm:
    """tqdm behind the :class:`Progress` interface, so messages do not tear the bar."""

    def __init__(self, total: int | None, unit: str, stream: IO[str]) -> None:
        from tqdm import tqdm

        self._tqdm = tqdm
        self.bar = tqdm(total=total, unit=unit, file=stream, dynamic_ncols=True, mininterval=0.2, smoothing=0.1)

    def update(self, n: int = 1) -> None:
        self.bar.update(n)

    def write(self, message: str) -> None:
        self._tqdm.write(message, file=self.bar.fp)

    def close(self) -> None:
        self.bar.close()


def make_progress(total: int | None, unit: str = "page", enabled: bool = True, stream: IO[str] | None = None) -> Progress:
    """A bar on *stream* (stderr) when *enabled* and it is a terminal; tqdm if installed, else :class:`LineCounter`.

    Not a terminal means a log file or a pipe, where a redrawn line is noise.
    """
    stream = stream or sys.stderr
    if not enabled or not _is_terminal(stream):
        return NoProgress(stream)
    try:
        return _Tqdm(total, unit, stream)
    except ImportError:
        return LineCounter(total, unit, stream)


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# --------------------------------------------------------------------------- output


def _file_id(path: Path) -> tuple[int, int] | None:
    """(device, inode): equal for two names of one file; None if there is no such file (yet)."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def output_name(source: Source, task: Task) -> str:
    """The file one input's output gets under ``-o DIR``: its relative name with the output's suffix."""
    suffix = ".jsonl" if task.jsonl else (SPLIT_SUFFIX[task.fmt] if task.kind == "split" else ".txt")
    name = source.name if source.path != "-" else "stdin"
    return str(Path(name).with_suffix(suffix))


def plan_outputs(sources: Sequence[Source], task: Task, directory: str) -> dict[int, Path]:
    """Source index → output path under *directory*, checked before any work: no clashes, no input overwritten."""
    targets: dict[int, Path] = {}
    seen: dict[Path, str] = {}
    inputs = {_file_id(Path(s.path)): s.path for s in sources if not s.error and s.path != "-"}
    for number, source in enumerate(sources):
        if source.error:
            continue
        target = Path(directory) / output_name(source, task)
        if target in seen:
            raise InputError(f"{seen[target]} and {source.path} would both write {target}")
        if _file_id(target) in inputs:
            raise InputError(f"{target}: output would overwrite the input file {inputs[_file_id(target)]}")
        seen[target] = source.path
        targets[number] = target
    return targets


class Sink(Protocol):
    def write(self, result: Result) -> None: ...
    def close(self, ok: bool) -> None: ...


class StreamSink:
    """Every output, in order, to one stream (stdout) or one atomically written file."""

    def __init__(self, out: IO[str] | AtomicStream) -> None:
        self.out = out

    def write(self, result: Result) -> None:
        self.out.write(result.output)

    def close(self, ok: bool) -> None:
        if isinstance(self.out, AtomicStream):
            self.out.commit() if ok else self.out.abort()
        else:
            self.out.flush()


class DirectorySink:
    """One output file per input: pages written whole, JSONL outputs streamed while their input is read."""

    def __init__(self, targets: dict[int, Path], sources: Sequence[Source], jsonl: bool) -> None:
        self.targets, self.sources, self.jsonl = targets, sources, jsonl
        self.current: tuple[int, AtomicStream] | None = None
        self.next_source = 0  # JSONL: every input gets a file, even one with no good record

    def write(self, result: Result) -> None:
        if self.jsonl:
            self._advance(result.source)
            if result.ok and self.current is not None and self.current[0] == result.source:
                self.current[1].write(result.output)
        elif result.ok:
            target = self.targets[result.source]
            target.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(target, result.output, inputs=(self.sources[result.source].path,))

    def _advance(self, source: int) -> None:
        """Finish the files of inputs before *source* and open the file of each input up to it."""
        while self.next_source <= source:
            self._finish_current()
            number = self.next_source
            self.next_source += 1
            if number in self.targets:
                self.targets[number].parent.mkdir(parents=True, exist_ok=True)
                self.current = (number, AtomicStream(self.targets[number], [self.sources[number].path]))

    def _finish_current(self) -> None:
        if self.current is not None:
            self.current[1].commit()
            self.current = None

    def close(self, ok: bool) -> None:
        if not ok:
            if self.current is not None:
                self.current[1].abort()
            return
        if self.jsonl:
            self._advance(len(self.sources) - 1)
        self._finish_current()


@dataclass
class Summary:
    """Counts of a finished batch; ``failed`` non-zero means exit code :data:`EXIT_SOME_FAILED`."""

    done: int = 0
    failed: int = 0

    @property
    def exit_code(self) -> int:
        return EXIT_SOME_FAILED if self.failed else 0


def run_batch(results: Iterable[Result], sink: Sink, progress: Progress, errors: IO[str] | AtomicStream | None = None) -> Summary:
    """Write *results* to *sink*; report each failure on stderr (via *progress*) and as ``{id, error}`` to *errors*.

    The outputs are committed even if some records failed: the good ones are
    the point of the run.  An exception (an interrupt, a full disk) aborts
    them instead, so no partial file takes an output's name.
    """
    summary = Summary()
    ok = False
    try:
        for result in results:
            _record(result, sink, progress, errors, summary)
        ok = True
    finally:
        if not ok and hasattr(results, "close"):
            results.close()  # stop the workers now, not when the generator is collected
        progress.close()
        sink.close(ok)
        if isinstance(errors, AtomicStream):
            errors.commit() if ok else errors.abort()
    return summary


def _record(result: Result, sink: Sink, progress: Progress, errors, summary: Summary) -> None:
    if result.ok:
        summary.done += 1
        if result.explain:
            progress.write(f"== {result.id}\n{result.explain}")
    else:
        summary.failed += 1
        progress.write(f"textfix: error: {_named(result)}")
        if errors is not None:
            errors.write(json.dumps({"id": result.id, "error": _reason(result)}, ensure_ascii=False) + "\n")
    sink.write(result)
    progress.update(1)


def _named(result: Result) -> str:
    """The error line names the item once."""
    return f"{result.id}: {_reason(result)}"


def _reason(result: Result) -> str:
    """The error without the item's name in front (messages about files start with the path)."""
    error = result.error or ""
    return error[len(result.id) + 2 :] if error.startswith(f"{result.id}: ") else error
