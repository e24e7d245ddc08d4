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
* :func:`textfix.workers.process_items` runs items in process, in a local
  worker pool or on any other executor, and yields results in input order;
* :func:`textfix.sinks.run_batch` writes the results: to stdout, one file, or
  one file per input under a directory, and logs failed records, with
  :mod:`textfix.progress` reporting on a terminal.
"""

from __future__ import annotations

import glob
import itertools
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from fnmatch import fnmatch
from typing import IO, TYPE_CHECKING

from .errors import InputError, TextfixError
from .pages import PAGE_BREAK

if TYPE_CHECKING:
    from .model import NoiseModel

TEXT_INCLUDE = "*.txt"
JSONL_INCLUDE = "*.jsonl"


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
    furniture: tuple = ()  # that page's running heads and feet, found across the file (textfix.furniture)

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
    layout: str = "auto"  # repair: what the lines are (textfix.shape), or "auto" to measure it
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
        if item.payload is None and item.path and _is_pdf(item.path):
            output, explain = do_pdf(item.path, task, model)
        else:
            output, explain = do_page(_page_text(item), task, model, _page_source(item), item.page, item.furniture)
        return Result(item.index, ident, item.source, output, explain)
    except TextfixError as exc:
        return Result(item.index, ident, item.source, error=str(exc))
    except Exception as exc:  # noqa: BLE001 — a bug on one odd page must not sink the other million
        return Result(item.index, ident, item.source, error=f"{type(exc).__name__}: {exc}")


def run_chunk(chunk: Sequence[InputItem], task: Task, model: NoiseModel | None = None) -> list[Result]:
    """:func:`run_item` over a chunk: the unit a worker or a Dask task receives."""
    return [run_item(item, task, model) for item in chunk]


def _is_pdf(path: str) -> bool:
    from .io import looks_like_pdf

    return looks_like_pdf(path)


def do_pdf(path: str, task: Task, model: NoiseModel | None = None) -> tuple[str, str]:
    """(output, change log) for a PDF file: split from its coordinates (:mod:`textfix.pdflayout`);
    repaired as its text, each garble decided with its character's font and glyph, the text
    layer's own spaces and ASCII marks kept (``pdflayout.TEXT_LAYER``)."""
    if task.kind == "split":
        from .formats import join_rendered, render
        from .pdflayout import split_pdf

        return join_rendered([render(p, task.fmt) for p in split_pdf(path, model)], task.fmt), ""
    from .fonts import font_evidence
    from .pdf import read_pdf
    from .pdflayout import TEXT_LAYER

    doc = read_pdf(path)
    output, result = repair_page(doc.text, model, task.keep_lines, task.layout, font_evidence(doc).state, **TEXT_LAYER)
    return output, (result.explain() if task.explain and result.changes else "")


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
    out, repaired = repair_value(text, model, task.keep_lines, task.layout)
    return {**record, "repaired": out, "changes": [c.to_dict() for c in repaired.changes]}


def repair_value(text: str, model: NoiseModel | None = None, keep_lines: bool = False, layout: str = "auto"):
    """:func:`repair_page` for text held as a value (a record field, a dataset cell, a document).

    A value is not a file: it gets no line end it did not have.
    """
    out, repaired = repair_page(text, model, keep_lines, layout)
    return (out if text.endswith("\n") else out.rstrip("\n")), repaired


def repair_page(text: str, model: NoiseModel | None = None, keep_lines: bool = False, layout: str = "auto",
                fonts: Callable[[int], bool | str | None] | None = None, **options: object):
    """(output text, :class:`~textfix.repair.Repaired`) as ``textfix repair`` prints it: :func:`textfix.repair.repair`
    with lines rejoined unless *keep_lines* (which cuts a text of several pages itself); *fonts* and
    *options* (fields of :class:`~textfix.repair.RepairConfig`) as ``repair`` takes them."""
    from .repair import repair

    result = repair(text, model, rejoin=not keep_lines, layout=layout, fonts=fonts, **options)
    return result.text, result


def do_page(
    text: str, task: Task, model: NoiseModel | None = None, source: str | None = None, page: tuple[int, int] | None = None,
    furniture: tuple = (),
) -> tuple[str, str]:
    """(output, change log) for a page file in the formats of ``textfix repair`` / ``split``.

    A file of several pages (form feeds, see :mod:`textfix.pages`) is done
    page by page and the outputs joined, as :func:`join_pages` joins them.
    *page* is (index, offset) when *text* is one page of such a file: split
    output says which, and change offsets count from the file's start;
    *furniture* is that page's, found across the file (see :func:`pages_to_do`).
    """
    offset = page[1] if page else 0
    if task.kind == "split":
        from .formats import join_rendered, render
        from .split import split_one_of_pages, split_pages

        if page is None:
            return join_rendered([render(p, task.fmt) for p in split_pages(text, model, source)], task.fmt), ""
        return render(split_one_of_pages(text, page[0], offset, list(furniture), model, source), task.fmt), ""
    out, result = repair_page(text, model, task.keep_lines, task.layout)  # which cuts a file of pages itself
    return out, (result.explain(offset) if task.explain else "")


def pages_to_do(text: str, task: Task) -> list[tuple[int, int, str, tuple]]:
    """(index, offset, text, furniture) of the pages of a file: every one to repair (the output keeps
    every page break), those not blank to split, with their furniture found across the file."""
    from .furniture import find_furniture
    from .pages import numbered_pages

    pages = numbered_pages(text, blank=task.kind != "split")
    if task.kind != "split":
        return [(i, offset, page, ()) for i, offset, page in pages]
    return [(i, offset, page, tuple(found)) for (i, offset, page), found in zip(pages, find_furniture([p for _, _, p in pages]))]


def join_pages(outputs: list[tuple[str, str]], task: Task) -> tuple[str, str]:
    """The (output, change log) of each page of a file as one: what :func:`do_page` gives for the file."""
    log = "\n".join(explain for _, explain in outputs if explain)
    if task.kind == "split":
        from .formats import join_rendered

        return join_rendered([out for out, _ in outputs], task.fmt), log
    return PAGE_BREAK.join(out for out, _ in outputs), log
