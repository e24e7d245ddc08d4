"""A small disk cache for what is slow to work out and the same in every process.

Each page may be a new process (a batch of files, a worker), and working out a
lexicon from jieba's dictionary or the garble screen from the language model
costs more than repairing a page; a cached copy loads in milliseconds.
"""

from __future__ import annotations

import marshal
import os
import zlib
from collections.abc import Callable
from pathlib import Path


def cache_dir() -> Path:
    """Where results are kept between runs ($TEXTFIX_CACHE_DIR, else the user cache)."""
    configured = os.environ.get("TEXTFIX_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "textfix"


def cached(name: str, key: str, build: Callable[[], tuple]) -> tuple:
    """``build()`` (a tuple of plain values), or what an earlier call with the same *name* and *key* stored.

    A checksum of the key names the file (importing hashlib would cost a process
    more than the whole load); the key stored inside tells a collision apart.
    """
    path = cache_dir() / f"{name}-{zlib.crc32(key.encode()):08x}.marshal"
    try:
        stored_key, *values = marshal.loads(path.read_bytes())
        if stored_key == key:
            return tuple(values)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    values = build()
    store(path, marshal.dumps((key, *values)))
    return values


def store(path: Path, data: bytes) -> None:
    """Best effort: a read-only home must not stop repair, it only makes it slower."""
    import tempfile  # here: most processes find their caches made and never write (its import is ~1 ms)

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError:
        pass


class PerObject:
    """``make(obj)``, made once per object: by identity, the object kept with its value so that its id
    is not reused while the entry lives (models hash by content, and a page may bring its own)."""

    def __init__(self, make: Callable, most: int = 16) -> None:
        self.make, self.most = make, most
        self.entries: dict[int, tuple[object, object]] = {}

    def __call__(self, obj: object):
        found = self.entries.get(id(obj))
        if found is None or found[0] is not obj:
            if len(self.entries) > self.most:
                self.entries.clear()
            found = self.entries[id(obj)] = (obj, self.make(obj))
        return found[1]
