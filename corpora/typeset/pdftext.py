"""PDF side of the typeset page maker: garble a font's ToUnicode map, extract text.

* :func:`garble_fonts` rewrites, with pikepdf, the ToUnicode CMap of every
  font whose name contains a marker (the second copy of the body font that
  garbled runs are set in): each code point that is a GB2312 row 1-9 symbol
  maps to what a +0x31 lead-byte shift makes of it.  The glyphs stay the
  same, so the page *looks* right and every extractor that trusts ToUnicode
  (all of them) reads the garble, as on the real defective pages.
* :data:`EXTRACTORS` turn a PDF into text: poppler's ``pdftotext`` (default
  reading-order mode, ``-layout``, ``-raw``), PDFium through ``pypdfium2`` and
  ``pdfminer.six``.  Every page ends with a form feed, as pdftotext prints it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

SHIFT = 0x31  # the lead-byte shift of the defect


def garble_char(ch: str) -> str:
    """*ch* after the +0x31 lead-byte shift, or *ch* itself when it is no GB2312 row 1-9 symbol."""
    try:  # (GBK's reading of the GB2312 codes: Python's gb2312 codec has A1A4 as U+30FB and A1AA as U+2015, where
        # Chinese text has the middle dot U+00B7 and the em dash U+2014; bench/eval_garbles.py reads both)
        raw = ch.encode("gbk")
    except UnicodeEncodeError:
        return ch
    if len(raw) != 2 or not 0xA1 <= raw[0] <= 0xA9 or raw[1] < 0xA1:
        return ch
    try:
        return bytes([raw[0] + SHIFT, raw[1]]).decode("gbk")
    except UnicodeDecodeError:  # not reached for rows 1-9 (they land on hanzi rows 0xD2-0xDA)
        return ch


def garble_text(text: str) -> str:
    return "".join(garble_char(ch) for ch in text)


_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_PAIR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


def garble_cmap(cmap: bytes) -> tuple[bytes, int]:
    """The ToUnicode CMap *cmap* with every mapped symbol garbled; and how many entries changed.

    WeasyPrint writes one ``bfchar`` entry per glyph (UTF-16BE target, several
    code points for a ligature or cluster); ``bfrange`` is not expected and
    refused rather than left silently clean.
    """
    if b"beginbfrange" in cmap:
        raise ValueError("ToUnicode CMap with bfrange entries: not written by WeasyPrint, not handled")
    changed = 0

    def pair(match: re.Match) -> bytes:
        nonlocal changed
        target = bytes.fromhex(match.group(2).decode()).decode("utf-16-be")
        shifted = garble_text(target)
        if shifted == target:
            return match.group(0)
        changed += 1
        return b"<" + match.group(1) + b"> <" + shifted.encode("utf-16-be").hex().encode() + b">"

    def section(match: re.Match) -> bytes:
        return b"beginbfchar" + _PAIR.sub(pair, match.group(1)) + b"endbfchar"

    return _BFCHAR.sub(section, cmap), changed


def garble_fonts(pdf_path: Path, marker: str) -> int:
    """Rewrite in place the ToUnicode maps of the fonts whose BaseFont contains *marker*; entries changed."""
    import pikepdf

    changed = 0
    with pikepdf.open(pdf_path, allow_overwriting_input=True) as pdf:
        seen = set()
        for page in pdf.pages:
            fonts = page.Resources.get("/Font", {})
            for _, font in fonts.items():
                if marker not in str(font.get("/BaseFont", "")) or "/ToUnicode" not in font:
                    continue
                key = font.ToUnicode.objgen
                if key in seen:
                    continue
                seen.add(key)
                data, n = garble_cmap(font.ToUnicode.read_bytes())
                font.ToUnicode.write(data)
                changed += n
        pdf.save(pdf_path)
    return changed


# --------------------------------------------------------------------------- extractors


def _pdftotext(*flags: str) -> Callable[[Path], str]:
    def run(pdf: Path) -> str:
        if not shutil.which("pdftotext"):
            raise RuntimeError("pdftotext not found (apt-get install poppler-utils)")
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", *flags, str(pdf), "-"], capture_output=True, check=True)
        return out.stdout.decode("utf-8")

    return run


def pdfium(pdf: Path) -> str:
    """PDFium's text of each page (``get_text_range``: content-stream order, CRLF line ends), ``\\f`` after each."""
    import pypdfium2 as pdfium_

    doc = pdfium_.PdfDocument(str(pdf))
    try:
        pages = []
        for page in doc:
            text = page.get_textpage().get_text_range()
            pages.append(text.replace("\r\n", "\n").replace("\r", "\n") + "\n\f")
        return "".join(pages)
    finally:
        doc.close()


def pdfminer(pdf: Path) -> str:
    """pdfminer.six ``extract_text`` with its default layout analysis (it ends every page with ``\\f``)."""
    from pdfminer.high_level import extract_text

    return extract_text(str(pdf))


EXTRACTORS: dict[str, Callable[[Path], str]] = {
    "pdftotext": _pdftotext(),
    "pdftotext-layout": _pdftotext("-layout"),
    "pdftotext-raw": _pdftotext("-raw"),
    "pdfium": pdfium,
    "pdfminer": pdfminer,
}
