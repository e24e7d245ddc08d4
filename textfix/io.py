"""Reading text in any encoding, and writing results without ever losing data.

Archives mix UTF-8, UTF-8 with BOM, UTF-16 and legacy GB18030/GBK or Big5
files.  Everything downstream works on ``str`` with ``\\n`` line ends, so the
reader settles encoding and newlines once, here.
"""

from __future__ import annotations

import codecs
import math
import os
from collections.abc import Iterable
from pathlib import Path

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy CJK codecs tried in order when the bytes are not UTF-8, before
# charset-normalizer (see _decode_legacy).
_FALLBACKS = ("gb18030", "big5")


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, name: str = "<bytes>") -> str:
    """Decode *data*, detecting its encoding; raise :class:`InputError` if it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return normalize_newlines(data.decode(encoding))
            except UnicodeDecodeError as exc:
                label = encoding.removesuffix("-sig").upper()
                raise InputError(f"{name}: starts with a {label} byte-order mark but is not valid {label} "
                                 f"(at byte {exc.start})") from None
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
    """Bytes that are not UTF-8: Chinese in a CJK codec if one reads them as Chinese, else the detector's guess.

    What textfix reads — pages, models, gold files — is Chinese, so the CJK
    codecs are asked first (:func:`_chinese_reading`): a strict decoding in
    GB18030 or Big5 that gives enough common Chinese is taken without asking
    the detector.  Detectors are unreliable on Chinese: charset-normalizer
    calls a 20-character GBK line Korean, and 3.5 calls a GB18030 model file
    mac_iceland, whose reading (``£•`` for ``％``) is all symbols.
    Otherwise every candidate that decodes to printable text — the
    detector's guess, GB18030, Big5 — is scored by how much of it is common
    Chinese (:func:`_plausibility`) and the best one wins (an implausible CJK
    reading last, :func:`_rank`); on a tie the detector's guess, then GB18030,
    then Big5.  Bytes whose best reading in a
    CJK codec is still mostly rare characters (random bytes, a compressed
    file without NULs) are refused rather than decoded to junk; single-byte
    codecs (Cyrillic, Latin) are left alone.
    """
    chinese = _chinese_reading(data)
    if chinese is not None:
        return chinese
    from charset_normalizer import from_bytes

    best = from_bytes(data[:_DETECT_BYTES]).best()
    candidates = [_prefer_superset(best.encoding)] if best is not None and best.encoding not in ("utf_8", "ascii") else []
    candidates += [e for e in _FALLBACKS if e not in candidates]
    decoded, encodings = _printable_readings(data, candidates)
    if not decoded:
        raise InputError(f"{name}: cannot decode as text in any known encoding")
    scores = [_plausibility(text) for text in decoded]
    best = max(range(len(decoded)), key=lambda i: (_rank(scores[i], encodings[i]), -i))
    if scores[best] < _MIN_PLAUSIBLE and _is_cjk_codec(encodings[best]) and _mostly_foreign(decoded[best]):
        raise InputError(f"{name}: cannot decode as text: no known encoding gives readable text")
    return decoded[best]


def _rank(score: float, encoding: str) -> float:
    """A reading's plausibility, less 1 for an implausible one in a CJK codec.

    Rare ideographs are what a CJK codec makes of bytes that are not Chinese
    (French ``été`` is a valid GB18030 pair): such a reading must lose to the
    detector's single-byte guess, which plausibility scores 0 for want of Chinese.
    """
    return score - 1.0 if score < _MIN_PLAUSIBLE and _is_cjk_codec(encoding) else score


def _printable_readings(data: bytes, encodings: Iterable[str]) -> tuple[list[str], list[str]]:
    """The strict decodings of *data* in *encodings* that are printable text, and their encodings."""
    decoded: list[str] = []
    kept: list[str] = []
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _mostly_printable(text):
            decoded.append(text)
            kept.append(encoding)
    return decoded, kept


def _chinese_reading(data: bytes) -> str | None:
    """The most plausible decoding of *data* in a CJK codec, if it reads as Chinese; else None.

    Chinese means: printable, at least :data:`_MIN_IDEOGRAPHS` ideographs (a
    Latin text with a few accented letters can decode to one or two by
    chance) and a plausibility of at least :data:`_MIN_PLAUSIBLE` (Japanese
    Shift-JIS read as GB18030 scores about 0.15; Chinese text 0.5 and more,
    a model file, full of garbled forms, about 0.6).
    """
    decoded, _ = _printable_readings(data, _FALLBACKS)
    if not decoded:
        return None
    scores = [_plausibility(text) for text in decoded]
    best = max(range(len(decoded)), key=lambda i: (scores[i], -i))
    if scores[best] < _MIN_PLAUSIBLE or _ideographs(decoded[best]) < _MIN_IDEOGRAPHS:
        return None
    return decoded[best]


_MIN_IDEOGRAPHS = 8


def _ideographs(text: str) -> int:
    """CJK unified ideographs (with extension A and the compatibility block) among the first 4096 characters."""
    from .charclasses import is_ideograph

    return sum(map(is_ideograph, text[:4096]))


_MIN_PLAUSIBLE = 0.3


def _is_cjk_codec(encoding: str) -> bool:
    """A double-byte CJK codec: almost any byte string decodes in one, so a decoding proves little."""
    try:
        return len("中".encode(encoding)) >= 2
    except (UnicodeEncodeError, LookupError):
        return False


def _mostly_foreign(text: str) -> bool:
    """Enough non-ASCII characters to judge, and most characters non-ASCII: not a Latin text with some accents."""
    sample = [ch for ch in text[:4096] if not ch.isspace()]
    foreign = sum(ord(ch) > 0x7F for ch in sample)
    return foreign >= 16 and foreign >= 0.3 * len(sample)


_DETECT_BYTES = 256 * 1024  # the detector samples anyway; a 20 MB page need not be handed over whole


def _plausibility(text: str) -> float:
    """How Chinese the non-ASCII characters (of the first 4096) look, from 0 to 1.

    Punctuation counts 1; a character counts its frequency as a word of its
    own in jieba's dictionary, on a log scale capped at 100,000 (产 and 经
    count 1, 莉 and 冪 under 0.5, Hangul and kana 0).  A wrong legacy codec
    turns Chinese into rare characters, Hangul or kana.  Without jieba every
    candidate scores 0 and the detector's order decides.
    """
    chars = [ch for ch in text[:4096] if ord(ch) > 0x7F and not ch.isspace()]
    if not chars:
        return 0.0
    try:
        from .lexicon import load_lexicon

        words = load_lexicon(frozenset()).words
    except (ImportError, OSError):
        return 0.0
    total = sum(
        1.0 if not ch.isalnum() and ch.isprintable() else min(math.log10(words.get(ch, 0) + 1), 5.0) / 5.0 for ch in chars
    )
    return total / len(chars)


def _prefer_superset(encoding: str) -> str:
    """Detectors often answer gb2312 or gbk for text that needs gb18030; decode with the superset."""
    return "gb18030" if encoding.replace("-", "_").lower() in ("gb2312", "gbk", "gb18030", "hz") else encoding


def read_bytes(name: str | os.PathLike[str]) -> bytes:
    """The bytes of the file *name*; a missing, directory or unreadable one is an :class:`InputError`."""
    p = Path(name)
    if not p.exists():
        raise InputError(f"{os.fspath(name)}: no such file")
    if p.is_dir():
        raise InputError(f"{os.fspath(name)}: is a directory, not a file")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(f"{os.fspath(name)}: cannot read ({exc.strerror or exc})") from None


MAGIC = b"%PDF-"
# The PDF header may follow some junk (a mail header, a BOM): readers look in the first kilobyte.
HEADER_WINDOW = 1024


def is_pdf_bytes(data: bytes) -> bool:
    """The PDF header in the first kilobyte, where readers look for it (what :func:`read_pdf` accepts)."""
    return MAGIC in data[:HEADER_WINDOW]


def starts_as_pdf(data: bytes) -> bool:
    """*data* opens with the PDF header (after whitespace or a BOM): a PDF whatever its name.

    Stricter than :func:`is_pdf_bytes`, so that a text that merely mentions
    ``%PDF-1.7`` in its first lines is still read as text.
    """
    return data[:HEADER_WINDOW].lstrip(b"\xef\xbb\xbf \t\r\n\x00").startswith(MAGIC)


def is_pdf_input(name: str, data: bytes) -> bool:
    """How ``read_text`` and ``doctor`` tell a PDF: a ``.pdf`` name, or bytes that start as one."""
    return name.lower().endswith(".pdf") or starts_as_pdf(data)


def looks_like_pdf(path: str | os.PathLike[str]) -> bool:
    """A ``.pdf`` name, or a file that starts with the PDF header."""
    name = os.fspath(path)
    if name.lower().endswith(".pdf"):
        return True
    try:
        with open(name, "rb") as handle:
            return starts_as_pdf(handle.read(HEADER_WINDOW))
    except OSError:
        return False


def read_text(path: str | os.PathLike[str]) -> str:
    """Read a text file in any common encoding; ``-`` reads standard input.

    A PDF (a ``.pdf`` name, or bytes that open with the ``%PDF-`` header) is
    read through :func:`textfix.pdf.read_pdf`: its pages' text, each ending
    in a form feed, so that ``repair`` and ``split`` take it as a file of pages.
    """
    name = os.fspath(path)
    if name == "-":
        import sys

        data = sys.stdin.buffer.read()
        if is_pdf_input("-", data):
            from .pdf import read_pdf

            return read_pdf(data, "<stdin>").text
        return decode_bytes(data, "<stdin>")
    data = read_bytes(name)
    if is_pdf_input(name, data):
        from .pdf import read_pdf

        return read_pdf(data, name).text
    return decode_bytes(data, name)


class AtomicStream:
    """A text file written to a temporary file beside it and renamed into place by :meth:`commit`.

    A crash mid-write leaves the old file (or nothing), never half a file: the
    text goes to ``.NAME.XXXX.tmp`` beside the target, renamed over the target
    only when complete (:meth:`commit`) or removed (:meth:`abort`).  A path
    that names one of the *inputs* (also through a symlink or hard link) is
    refused, so a slip on the command line cannot overwrite the page being
    repaired.  The new file gets the old file's permission bits, or the usual
    ``0o666`` less the umask for a new file.  Failures raise :class:`InputError`.
    Outputs too large to hold as one string are streamed through :meth:`write`.
    A target that is no regular file (``/dev/null``, a named pipe, a terminal) is
    written into as it is: renaming a file over it would replace the device.
    """

    def __init__(self, path: str | os.PathLike[str], inputs: Iterable[str] = ()) -> None:
        self.name = os.fspath(path)
        self.target = Path(self.name)
        for source in inputs:
            if source != "-" and _same_file(source, self.target):
                raise InputError(f"{self.name}: output would overwrite the input file")
        if self.target.is_dir():
            raise InputError(f"{self.name}: is a directory; give a file name for the output")
        directory = self.target.parent if str(self.target.parent) else Path(".")
        if not directory.is_dir():
            raise InputError(f"{self.name}: directory {directory} does not exist")
        self.tmp: str | None = None
        if self.target.exists() and not self.target.is_file():
            self.handle = self._open_in_place()
            return
        fd, self.tmp = _create_temporary(directory, self.target.name, self.name)
        self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def _open_in_place(self):
        try:
            return open(self.target, "w", encoding="utf-8", newline="\n")
        except OSError as exc:
            raise InputError(f"{self.name}: cannot write ({exc.strerror or exc})") from None

    def write(self, text: str) -> None:
        self._guard(self.handle.write, text)

    def commit(self) -> None:
        def finish() -> None:
            self.handle.close()
            if self.tmp is None:
                return
            if self.target.exists():
                os.chmod(self.tmp, self.target.stat().st_mode & 0o7777)
            os.replace(self.tmp, self.target)

        self._guard(finish)

    def abort(self) -> None:
        self.handle.close()
        if self.tmp is not None:
            Path(self.tmp).unlink(missing_ok=True)

    def _guard(self, action, *args) -> None:
        """Run *action*; on any failure remove the temporary file, and report an OSError as one line."""
        try:
            action(*args)
        except BaseException as exc:
            self.abort()
            if isinstance(exc, OSError):
                raise InputError(f"{self.name}: cannot write ({exc.strerror or exc})") from None
            raise


def write_text_atomic(path: str | os.PathLike[str], text: str, *, inputs: Iterable[str] = ()) -> None:
    """Write *text* to *path* with the guarantees of :class:`AtomicStream`."""
    stream = AtomicStream(path, inputs)
    stream.write(text)
    stream.commit()


def _same_file(source: str, target: Path) -> bool:
    try:
        return os.path.samefile(source, target)
    except OSError:  # either does not exist (yet)
        return False


def _create_temporary(directory: Path, base: str, name: str) -> tuple[int, str]:
    """A new ``.BASE.XXXXXXXX.tmp`` in *directory*, opened for writing with mode 0o666 less the umask.

    (:func:`tempfile.mkstemp` would make it 0o600, and the output would keep that.)
    """
    for _ in range(100):
        tmp = os.path.join(directory, f".{base}.{os.urandom(4).hex()}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666), tmp
        except FileExistsError:
            continue
        except OSError as exc:
            raise InputError(f"{name}: cannot write in {directory} ({exc.strerror or exc})") from None
    raise InputError(f"{name}: cannot create a temporary file in {directory}")
