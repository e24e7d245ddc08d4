"""Reading text in any encoding, and writing results without ever losing data.

Archives mix UTF-8, UTF-8 with BOM, UTF-16 and legacy GB18030/GBK or Big5
files.  Everything downstream works on ``str`` with ``\\n`` line ends, so the
reader settles encoding and newlines once, here.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from pathlib import Path

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy codecs tried in order when the bytes are not UTF-8; charset-normalizer
# is asked first, these decide when it has no answer.
_FALLBACKS = ("gb18030", "big5")


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Decode *data*, detecting its encoding; raise :class:`InputError` if it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return normalize_newlines(data.decode(encoding))
    if b"\x00" in data:
        text = _decode_bomless_utf16(data)
        if text is None:
            raise InputError(f"{name}: looks like a binary file (NUL bytes), not text")
        return normalize_newlines(text)
    try:
        return normalize_newlines(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    return normalize_newlines(_decode_legacy(data, name))


def _decode_bomless_utf16(data: bytes) -> str | None:
    """NUL bytes mean UTF-16 or binary: accept UTF-16 only if it decodes to printable text."""
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text[:4096] and _mostly_printable(text, 0.98):
            return text
    return None


def _mostly_printable(text: str, share: float = 0.95) -> bool:
    """Random bytes often decode in a legacy codec; real text is almost all printable."""
    sample = text[:4096]
    printable = sum(ch.isprintable() or ch in "\t\n\r" for ch in sample)
    return printable >= share * len(sample)


def _decode_legacy(data: bytes, name: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding not in ("utf_8", "ascii"):
        candidates = [best.encoding, *_FALLBACKS]
    else:
        candidates = list(_FALLBACKS)
    for encoding in candidates:
        try:
            text = data.decode(_prefer_superset(encoding))
        except (UnicodeDecodeError, LookupError):
            continue
        if _mostly_printable(text):
            return text
    raise InputError(f"{name}: cannot decode as text in any known encoding")


def _prefer_superset(encoding: str) -> str:
    """Detectors often answer gb2312 or gbk for text that needs gb18030; decode with the superset."""
    return "gb18030" if encoding.replace("-", "_").lower() in ("gb2312", "gbk", "gb18030", "hz") else encoding


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a text file in any common encoding; ``-`` reads standard input."""
    name = os.fspath(path)
    if name == "-":
        import sys

        return decode_bytes(sys.stdin.buffer.read(), "<stdin>")
    p = Path(name)
    if not p.exists():
        raise InputError(f"{name}: no such file")
    if p.is_dir():
        raise InputError(f"{name}: is a directory, not a file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return decode_bytes(data, name)


def write_text_atomic(path: str | os.PathLike[str], text: str, *, inputs: tuple[str, ...] = ()) -> None:
    """Write *text* to *path* through a temporary file and a rename.

    A crash mid-write leaves the old file (or nothing), never half a file; and
    a path that names one of the *inputs* is refused, so a slip on the command
    line cannot overwrite the page being repaired.
    """
    target = Path(path)
    for source in inputs:
        if source != "-" and Path(source).exists() and target.exists() and target.resolve() == Path(source).resolve():
            raise InputError(f"{os.fspath(path)}: output would overwrite the input file")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise InputError(f"{os.fspath(path)}: directory {directory} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
