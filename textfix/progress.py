"""Progress of a batch on stderr: a bar on a terminal (tqdm when installed), nothing otherwise."""

from __future__ import annotations

import sys
import time
from typing import IO, Protocol


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
