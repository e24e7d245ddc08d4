"""Reading the text layer of a PDF: lines in reading order, with each character's font.

Optional: needs the ``pdf`` extra (``pip install 'textfix[pdf]'``), which is
pypdfium2 — PDFium, the PDF engine of Chromium, with Python bindings.  Why
PDFium rather than pdfminer.six:

* licence: pypdfium2 is Apache-2.0 or BSD-3-Clause, PDFium BSD-3-Clause
  (pdfminer.six is MIT: both would do);
* speed: PDFium is C++; on a page of 5,300 characters (four columns,
  WeasyPrint) :func:`read_pdf` takes 87 ms with every character's font,
  pdfminer.six's ``extract_text``, pure Python, 272 ms (3×) for the text
  alone, a third of the budget of ten pages a second before any repair;
* reading order: PDFium gives the content-stream order, which on the typeset
  pages (``corpora/typeset/README.md``) keeps every block whole and in order
  (100 %, as ``pdftotext -raw``); pdfminer's layout analysis stacks the first
  columns of all articles before the second (94 % whole, 89 % in order);
* what it exposes: through its raw API, per character, the font name and
  size (``FPDFText_GetFontInfo``, ``FPDFText_GetFontSize``), its box, and
  whether its glyph had no Unicode mapping (``FPDFText_HasUnicodeMapError``
  — pdfminer prints such glyphs as ``(cid:N)``).

:func:`read_pdf` gives a :class:`PdfDocument` of plain data; its
:attr:`PdfDocument.text` is the pages' text, each page ending in a form feed
as ``pdftotext`` writes it, which ``repair`` and ``split`` read as a file of
pages.  A PDF that cannot be read (encrypted, damaged, truncated, without
pages, not a PDF at all) raises :class:`~textfix.errors.InputError`; without
pypdfium2 a :class:`PdfSupportMissing` (exit 2) says which extra to install.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .errors import InputError, TextfixError
from .io import is_pdf_bytes

# A bold face's name: PostScript names end -Bold, -Heavy, -Black, -SemiBold, -DemiBold (or
# ,Bold for a synthetic one).
BOLD_NAME = re.compile(r"(?i)(?:semi|demi)?bold|heavy|black")
INSTALL_HINT = "pip install 'textfix[pdf]'"
# A complete file ends with %%EOF, perhaps followed by a few bytes of junk or a newline.
_TAIL_WINDOW = 2048


class PdfSupportMissing(TextfixError):
    """A PDF input, but the ``pdf`` extra (pypdfium2) is not installed: exit 2, as ``--dask`` without Dask."""


@dataclass(frozen=True)
class FontRun:
    """Characters ``start:end`` of a line set in one font (offsets into the line's text)."""

    start: int
    end: int
    font: str  # the font's name as the PDF gives it, subset tag included (``THUXZD+TFGarble``)
    size: float  # in PDF units (points at 100 %)

    @property
    def bold(self) -> bool:
        """Set in a bold face, as the font's name says (``NotoSerifCJKsc-Bold``, ``SimHei``'s ``,Bold``).

        PDFium's weight (``FPDFText_GetFontWeight``) and the descriptor's
        ForceBold flag are not set by the producers seen (WeasyPrint gives 400
        and the same flags for both faces): the name is what tells.
        """
        return BOLD_NAME.search(self.font) is not None


@dataclass(frozen=True)
class PdfLine:
    """One line of a page as the PDF sets it, and the font runs that make it up."""

    text: str
    runs: tuple[FontRun, ...] = ()
    unmapped: tuple[int, ...] = ()  # offsets of characters whose glyph has no Unicode mapping (junk code points)
    # Where the line is, in PDF units from the page's top left (y grows downwards): the pen
    # position of its first character that is not a space, where its last one ends, and its
    # baseline; em is the mean advance between neighbouring full-width characters (0 if none).
    x0: float = 0.0
    x1: float = 0.0
    baseline: float = 0.0
    em: float = 0.0
    # The ink box (width, height in ems of the font size) of each character of the +0x31 garble's
    # family, form or symbol, by offset; and, judged against the whole file (textfix.fonts.judge_glyphs),
    # the offsets whose glyph is the drawing of the mark the character stands for, and of the character itself.
    boxes: tuple[tuple[int, float, float], ...] = ()
    mark_glyphs: tuple[int, ...] = ()
    own_glyphs: tuple[int, ...] = ()

    @property
    def font(self) -> str:
        """The font of most of the line's characters ("" for an empty line)."""
        if not self.runs:
            return ""
        totals: dict[str, int] = {}
        for run in self.runs:
            totals[run.font] = totals.get(run.font, 0) + run.end - run.start
        return max(totals, key=lambda f: totals[f])

    def font_text(self) -> dict[str, str]:
        """The line's characters by font: font name → its characters, in order."""
        out: dict[str, str] = {}
        for run in self.runs:
            out[run.font] = out.get(run.font, "") + self.text[run.start:run.end]
        return out


@dataclass(frozen=True)
class PdfPage:
    """A page: its lines in reading order (the content stream's), its size and what else it holds."""

    index: int  # 0-based
    lines: tuple[PdfLine, ...]
    width: float = 0.0
    height: float = 0.0
    images: int = 0  # image objects drawn on the page
    paths: int = 0  # vector path objects (rules, boxes; text drawn as outlines)
    unmapped: int = 0  # characters whose glyph has no Unicode mapping (pdfminer's "(cid:N)")

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def chars(self) -> int:
        """Characters of the text layer, not counting spaces and line ends."""
        return sum(len(line.text) - line.text.count(" ") for line in self.lines)


@dataclass(frozen=True)
class PdfDocument:
    """The text layer of a PDF."""

    path: str
    pages: tuple[PdfPage, ...]
    complete: bool = True  # the file ends with %%EOF
    xref_ok: bool = True  # startxref points at a cross-reference table (PDFium rebuilds a broken one)
    fonts: tuple[str, ...] = field(default=())  # every font that sets text, in order of first use

    @property
    def text(self) -> str:
        """The pages' text, each page ending with a line end and a form feed (as pdftotext writes it)."""
        return "".join(page.text + "\n\f" for page in self.pages)


def pdf_text(path: str | os.PathLike[str]) -> str:
    """The text of the PDF's pages joined by form feeds: what ``textfix repair FILE.pdf`` reads."""
    return read_pdf(path).text


def read_pdf(source: str | os.PathLike[str] | bytes, name: str | None = None) -> PdfDocument:
    """Read the text layer of a PDF file (or of PDF bytes) into plain data classes.

    Raises :class:`InputError` for a file that is missing, not a PDF,
    encrypted, damaged beyond PDFium's repair (a truncated file, a broken
    cross-reference table) or without pages; :class:`PdfSupportMissing`
    when pypdfium2 is not installed.
    """
    if isinstance(source, bytes):
        data, name = source, name or "<bytes>"
    else:
        from .io import read_bytes

        name = name or os.fspath(source)
        data = read_bytes(source)
    if not is_pdf_bytes(data):
        raise InputError(f"{name}: not a PDF (no %PDF header)")
    pdfium = _pdfium(name)
    complete = b"%%EOF" in data[-_TAIL_WINDOW:]
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError(f"{name}: {_load_failure(getattr(exc, 'err_code', None), data, complete)}") from None
    try:
        if len(doc) == 0:
            raise InputError(f"{name}: the PDF has no pages")
        pages = tuple(_read_page(doc[i], i) for i in range(len(doc)))
    finally:
        doc.close()
    fonts: dict[str, None] = {}
    for page in pages:
        for line in page.lines:
            for run in line.runs:
                fonts.setdefault(run.font)
    from .fonts import judge_glyphs

    return PdfDocument(name, judge_glyphs(pages), complete=complete, xref_ok=_xref_ok(data), fonts=tuple(fonts))


def _pdfium(name: str):
    try:
        import pypdfium2
    except ImportError:
        raise PdfSupportMissing(f"{name}: reading PDF needs pypdfium2: {INSTALL_HINT}") from None
    return pypdfium2


_ENCRYPT = re.compile(rb"/Encrypt\b")
_EMPTY_TREE = re.compile(rb"/Count\s+0\b")


def _load_failure(code: int | None, data: bytes, complete: bool) -> str:
    """Why PDFium could not open *data*: its error code (FPDF_GetLastError), checked against the bytes.

    The code is PDFium's *last* error, not always this load's: an empty page
    tree fails with "success", or with the error of the previous failed load.
    So a password error counts only when the file has an ``/Encrypt``
    dictionary, and the rest is told apart by the bytes.
    """
    if code in (4, 5) and _ENCRYPT.search(data):
        if code == 5:
            return "the PDF is encrypted with an unsupported security handler"
        return "the PDF is encrypted (a password is needed to open it)"
    if _EMPTY_TREE.search(data) and complete:
        return "the PDF has no pages"
    if not complete:
        return "the PDF is truncated (it does not end with %%EOF) and cannot be read"
    return "the PDF is damaged (broken cross-reference table or objects) and cannot be read"


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF", re.S)


def _xref_ok(data: bytes) -> bool:
    """Whether the last ``startxref`` points at an ``xref`` table or an xref stream object."""
    matches = list(_STARTXREF.finditer(data[-_TAIL_WINDOW:]))
    if not matches:
        return False
    offset = int(matches[-1].group(1))
    head = data[offset:offset + 32].lstrip()
    return head.startswith(b"xref") or re.match(rb"\d+\s+\d+\s+obj", head) is not None


_LINE_ENDS = {0x0D, 0x0A}
_NO_CHAR = {0x0, 0xFFFE, 0xFFFF}
_PDFIUM_HYPHEN = 0x02  # PDFium's code for a hyphen it took for a word broken at the line end
# A baseline this many PDF units (points) below the line's, the pen set back left, is the next
# line: body text is not set in less than 4 pt, so lines are farther apart; a sub- or
# superscript moves less than half that and does not step back.
_NEW_LINE_DROP = 2.0


@lru_cache(maxsize=1)
def _boxed() -> frozenset[str]:
    """The characters whose ink box is measured: the +0x31 garble's forms and the symbols they stand for."""
    from .fonts import shift_family

    family = shift_family()
    return frozenset(family) | frozenset(family.values())


def _font_info(raw, tp, i: int) -> tuple[str, float]:
    """The font name and size of character *i* (PDFium's ``FPDFText_GetFontInfo``, ``GetFontSize``)."""
    import ctypes

    flags = ctypes.c_int()
    buffer = ctypes.create_string_buffer(256)
    n = raw.FPDFText_GetFontInfo(tp, i, buffer, len(buffer), ctypes.byref(flags))
    if n > len(buffer):  # a longer name than any seen: a buffer that holds it
        buffer = ctypes.create_string_buffer(n)
        n = raw.FPDFText_GetFontInfo(tp, i, buffer, len(buffer), ctypes.byref(flags))
    font = buffer.value.decode("utf-8", "replace") if 0 < n <= len(buffer) else ""
    return font, round(float(raw.FPDFText_GetFontSize(tp, i)), 2)


def _read_page(page, index: int) -> PdfPage:
    """The page's characters, cut into lines at PDFium's generated line ends, with their fonts."""
    import ctypes

    import pypdfium2.raw as raw

    try:
        width, height = page.get_size()
        images = paths = 0
        for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_PATH), max_depth=2):
            if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
                images += 1
            else:
                paths += 1
        textpage = page.get_textpage()
        tp = textpage.raw
        count = raw.FPDFText_CountChars(tp)
        get_unicode, is_generated, map_error = raw.FPDFText_GetUnicode, raw.FPDFText_IsGenerated, raw.FPDFText_HasUnicodeMapError
        get_origin, get_object = raw.FPDFText_GetCharOrigin, raw.FPDFText_GetTextObject
        ox, oy = ctypes.c_double(), ctypes.c_double()
        ref_x, ref_y = ctypes.byref(ox), ctypes.byref(oy)
        get_box, boxed = raw.FPDFText_GetCharBox, _boxed()
        bl, br, bb, bt = (ctypes.c_double() for _ in range(4))
        ref_l, ref_r, ref_b, ref_t = (ctypes.byref(v) for v in (bl, br, bb, bt))
        boxes: list[tuple[int, float, float]] = []
        address = ctypes.c_void_p
        fonts_of: dict[int | None, tuple[str, float]] = {}  # a text object's (font, size): every character of it has them
        lines: list[PdfLine] = []
        chars: list[str] = []
        runs: list[list] = []  # [start, end, font, size], made FontRuns when the line ends
        bad: list[int] = []
        unmapped = 0
        i = 0
        # the line's geometry: first pen x, baseline, end x, the sum and count of wide advances
        geo = [None, 0.0, 0.0, 0.0, 0]
        last_x, last_wide = 0.0, False

        def end_line(end_x: float | None = None) -> None:
            x0, base, x1, adv, n = geo
            if end_x is not None and x0 is not None:
                x1 = max(x1, end_x)
            lines.append(PdfLine("".join(chars), tuple(FontRun(*r) for r in runs), tuple(bad),
                                 round(x0 or 0.0, 2), round(x1, 2), round(height - base, 2), round(adv / n, 2) if n else 0.0,
                                 tuple(boxes)))
            chars.clear()
            runs.clear()
            bad.clear()
            boxes.clear()
            geo[:] = [None, 0.0, 0.0, 0.0, 0]

        while i < count:
            code = get_unicode(tp, i)
            if code in _LINE_ENDS:
                # A generated line end sits where the pen stopped: the line's right end as set.
                end_x = None
                if is_generated(tp, i) == 1 and get_origin(tp, i, ref_x, ref_y):
                    end_x = ox.value
                if code == 0x0D and i + 1 < count and get_unicode(tp, i + 1) == 0x0A:
                    i += 1
                end_line(end_x)
                last_x, last_wide = 0.0, False
                i += 1
                continue
            step = 1
            if 0xD800 <= code < 0xDC00 and i + 1 < count:  # a surrogate pair: one character
                low = get_unicode(tp, i + 1)
                if 0xDC00 <= low < 0xE000:
                    code, step = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00), 2
            if code in _NO_CHAR:
                ch = "\ufffd"
            elif code == _PDFIUM_HYPHEN:
                ch = "-"
            else:
                ch = chr(code) if code < 0x110000 else "\ufffd"
            generated = is_generated(tp, i) == 1
            if generated:
                font, size = (runs[-1][2], runs[-1][3]) if runs else ("", 0.0)
            else:
                # Characters of one text object share its font and size: asked once per object (3× fewer calls).
                obj = address.from_buffer(get_object(tp, i)).value
                found = fonts_of.get(obj) if obj is not None else None
                if found is None:
                    found = fonts_of[obj] = _font_info(raw, tp, i)
                font, size = found
                if code != 0x20 and get_origin(tp, i, ref_x, ref_y):
                    x, y, wide = ox.value, oy.value, code >= 0x2E80
                    # PDFium joins a line ending in a hyphen to the next (a word broken there): a
                    # character set back to the left and a line lower starts a line.
                    if geo[0] is not None and x < last_x and geo[1] - y > _NEW_LINE_DROP:
                        end_line()
                        last_wide = False
                    if geo[0] is None:
                        geo[0], geo[1] = x, y
                    elif wide and last_wide and x > last_x:
                        geo[3] += x - last_x
                        geo[4] += 1
                    # where the character ends: its origin and, for a full-width one, the line's advance
                    geo[2] = max(geo[2], x + (geo[3] / geo[4] if wide and geo[4] else 0.0))
                    last_x, last_wide = x, wide
            if map_error(tp, i) == 1:
                unmapped += 1
                bad.append(len(chars))
            position = len(chars)
            if ch in boxed and size and get_box(tp, i, ref_l, ref_r, ref_b, ref_t):
                boxes.append((position, round((br.value - bl.value) / size, 3), round((bt.value - bb.value) / size, 3)))
            chars.append(ch)
            if runs and runs[-1][2] == font and runs[-1][3] == size and runs[-1][1] == position:
                runs[-1][1] = position + 1
            else:
                runs.append([position, position + 1, font, size])
            i += step
        if chars or runs or not lines:
            end_line()
        textpage.close()
        if len(lines) == 1 and not lines[0].text:
            lines = []
        return PdfPage(index, tuple(lines), round(width, 2), round(height, 2), images, paths, unmapped)
    finally:
        page.close()
