"""Where batch results go: one stream, or one file per input under a directory; and the batch's summary."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

from .batch import Result, Source, Task
from .errors import InputError
from .io import AtomicStream, write_text_atomic
from .progress import Progress

EXIT_SOME_FAILED = 6  # the run finished, but one or more inputs or records failed
SPLIT_SUFFIX = {"json": ".json", "jsonl": ".jsonl", "markdown": ".md", "text": ".txt"}


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
