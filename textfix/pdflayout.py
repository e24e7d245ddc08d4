"""Layout from coordinates: a PDF page's lines → the items :mod:`textfix.split` makes articles of.

The text reader (:mod:`textfix.layout`) guesses paragraphs, subheads and
titles from line lengths, because plain text has lost everything else.  A
PDF keeps it (:mod:`textfix.pdf` gives each line's position, font and size),
and this stage reads the layout from it, every measure taken on the page:

* the **body size** is the most common font size (by characters); the
  page's **em** is the mean advance between full-width characters of body
  lines (PDF units: the font size a PDF reports may be in another scale);
* **columns** are the x-ranges the body lines cover, merged where they
  overlap (columns are set apart by a gap); a column's left edge is the
  leftmost start of its lines, its right edge the rightmost end;
* the **indent** is the most common offset of a body line's start from its
  column's left edge (``text-indent: 2em`` gives 2 em); a line that starts
  there opens a paragraph;
* the **line pitch** is the most common distance between the baselines of
  neighbouring body lines; a line that starts below everything before it by
  more than the pitch and :data:`ARTICLE_GAP` em opens a new article;
* a **title** is set larger than the body (:data:`TITLE_RATIO`); its lines
  go on while the size stays and the next baseline is within
  :data:`TITLE_PITCH` of the title's em; titles after the last body line are
  the titles printed together at the page foot;
* a **subhead** is body-size text set bold throughout (a paragraph's bold
  lead sentence runs on into regular text; where most body lines are bold,
  bold tells nothing);
* a line set right or centred in its column (it starts neither at the left
  edge nor at the indent) or smaller than the body is a block of its own:
  a byline line, or a byline under the title.

Bylines, datelines, the header's fields and the titles' assignment to
articles are then read from the text as the text reader reads them (the
same :class:`~textfix.lines.BylineFinder`, :func:`textfix.layout.parse_header`
and :func:`textfix.split.split_items`).  Reading order comes from the
coordinates too (:func:`reading_order`), and each character's font is
evidence for the garble repair (:class:`textfix.fonts.FontEvidence`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .fonts import FontEvidence, font_states, line_fonts, line_glyphs
from .layout import BLOCK_START, BODY_SIZE, Item, _joined, parse_header
from .lines import Line, ends_sentence
from .measure import display_width
from .pdf import PdfLine, PdfPage

# The three cuts below are fitted by `python corpora/typeset/fit_pdf_layout.py /tmp/tp2/train
# /tmp/tp2/train23` (real-dev train, seeds 21 and 23, 80 pages), each half way between the
# ranges on its two sides, which do not overlap there.
#
# A title is set larger than the body: title lines are 1.249–2.2 times the body size, lines of
# article text 1.0 (8059 lines; the header, read before this is asked, is left out).
TITLE_RATIO = 1.125
# Lines of one title are set at its line height; two titles in a row have their margins between:
# baseline to baseline, in the title's em, 1.299–1.301 within a title (96), 1.799–1.801 between
# two titles of one size (27).
TITLE_PITCH = 1.55
# Space beyond the line pitch above a body line that starts below every line before it, in body
# em: −0.8–0.32 within an article (4338: a subhead's margin is the most), 1.18–1.93 between two
# articles (28).
ARTICLE_GAP = 0.75
# A paragraph's last line ends short of the column: a line ending a sentence more than this
# many em before the right edge ends its paragraph even where the next line is not indented.
# Line breaking leaves at most two characters of room on a line that goes on (a closing mark
# that may not start a line takes the character before it along; a quotation mark two:
# corpora/typeset/README.md), so three is beyond it.
SHORT_END = 3.0
# Sizes within this share of the body size are the body size (sizes are written with two decimals).
SAME_SIZE = 0.01
# Positions agree to a quarter em: glyph origins and the ends of justified lines fall within far
# less, and columns are at least an em apart (the page maker's gaps are 1–2.5 em).
SLACK = 0.25
# An indent is a few em (Chinese text indents two characters); a line starting 4 em or more into
# its column is set right or centred.  Lines of a column are less than 3 em apart (line height).
INDENT_MAX, PITCH_MAX = 4.0, 3.0
# Where the page shows neither: CSS's `text-indent: 2em`, and a usual line height (the page maker
# sets 1.25–1.45).
DEFAULT_INDENT, DEFAULT_PITCH = 2.0, 1.3
# Lines on one baseline (a header's parts set apart) are within half an em of it: the next line
# is a whole line pitch away.  A line starts at the indent within half an indent either way, at
# the left edge nearer than that: half way between the two places a line may start.
SAME_BASELINE, HALF = 0.5, 0.5


@dataclass(frozen=True)
class Column:
    left: float
    right: float


@dataclass(frozen=True)
class Measures:
    """What the page says about its own layout (PDF units unless named otherwise)."""

    body_size: float  # the font size most characters are set in, as the PDF reports it
    em: float  # the body's em in PDF units (advance of a full-width character)
    indent: float  # a paragraph's first-line indent
    pitch: float  # baseline to baseline of neighbouring body lines
    columns: tuple[Column, ...]

    def em_of(self, size: float) -> float:
        return self.em * size / self.body_size if self.body_size else self.em

    def gap(self, lowest: float, baseline: float) -> bool:
        """A line at *baseline* below the lowest line before it by more than an article's gap (:data:`ARTICLE_GAP`)."""
        return baseline - lowest - self.pitch > ARTICLE_GAP * self.em


@dataclass(frozen=True)
class LaidBlock:
    """A block of the page in reading order: which lines (indices into :attr:`PageLayout.lines`) and what they are.

    *kind*: ``header``, ``title``, ``foot_title``, ``heading``, ``paragraph``,
    ``aligned`` (a line set right or centred in its column: a byline, or text),
    ``small`` (set smaller than the body: a byline under a title, or text).
    *opens_article*: a gap above it that only an article's end leaves.
    """

    kind: str
    lines: tuple[int, ...]
    opens_article: bool = False
    first_at: str = ""  # where the first line starts in its column: "left", "indent" or "aligned"


@dataclass(frozen=True)
class PageLayout:
    lines: tuple[PdfLine, ...]  # in reading order
    blocks: tuple[LaidBlock, ...]
    measures: Measures | None = None
    header: dict[str, str] | None = None


def _size(line: PdfLine) -> float:
    """The size of most of the line's characters."""
    totals: Counter[float] = Counter()
    for run in line.runs:
        totals[run.size] += run.end - run.start - line.text.count(" ", run.start, run.end)
    return totals.most_common(1)[0][0] if totals else 0.0


def _all_bold(line: PdfLine) -> bool:
    return bool(line.runs) and all(r.bold for r in line.runs if line.text[r.start:r.end].strip())


def _starts_bold(line: PdfLine) -> bool:
    return next((r.bold for r in line.runs if line.text[r.start:r.end].strip()), False)


def _mode(values: list[float], step: float) -> float | None:
    """The most common value, values rounded to *step* (ties: the smaller)."""
    if not values:
        return None
    counts = Counter(round(v / step) for v in values)
    best = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))[0]
    return best * step


def measure(lines: list[PdfLine], sizes: list[float]) -> Measures | None:
    """The page's body size, em, columns, indent and line pitch (``None`` for a page without text)."""
    chars: Counter[float] = Counter()
    for line in lines:
        for run in line.runs:
            chars[run.size] += run.end - run.start - line.text.count(" ", run.start, run.end)
    if not chars:
        return None
    body = chars.most_common(1)[0][0]
    is_body = [abs(s - body) <= SAME_SIZE * body for s in sizes]
    ems = sorted(ln.em for ln, b in zip(lines, is_body) if b and ln.em > 0)
    em = ems[len(ems) // 2] if ems else body
    # Columns: the x-ranges of body lines, merged where they overlap.
    spans = sorted((ln.x0, ln.x1) for ln, b in zip(lines, is_body) if b and ln.x1 > ln.x0)
    merged: list[list[float]] = []
    for lo, hi in spans:
        if merged and lo < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    columns = tuple(Column(lo, hi) for lo, hi in merged)
    page = Measures(body, em, DEFAULT_INDENT * em, 0.0, columns)
    offsets, pitches = [], []
    prev = None
    for ln, b in zip(lines, is_body):
        if not b:
            prev = None
            continue
        col = column_of(page, ln)
        if col is not None and not _all_bold(ln):
            off = ln.x0 - col.left
            if SLACK * em < off < INDENT_MAX * em:  # an indent is a few em; beyond, a line set right or centred
                offsets.append(off)
        if prev is not None and column_of(page, prev) == col and 0 < ln.baseline - prev.baseline < PITCH_MAX * em:
            pitches.append(ln.baseline - prev.baseline)
        prev = ln
    # the most common offset and step, to an eighth and a twentieth of an em (finer than any cut on them)
    indent = _mode(offsets, em / 8) or DEFAULT_INDENT * em
    pitch = _mode(pitches, em / 20) or DEFAULT_PITCH * em
    return Measures(body, em, indent, pitch, columns)


def column_of(page: Measures, line: PdfLine) -> Column | None:
    """The column the line's middle falls in (``None``: outside every column, e.g. a title across them)."""
    mid = (line.x0 + line.x1) / 2
    for col in page.columns:
        if col.left - SLACK * page.em <= mid <= col.right + SLACK * page.em:
            return col
    return None


def reading_order(lines: tuple[PdfLine, ...] | list[PdfLine]) -> list[PdfLine]:
    """The page's lines in reading order, from their coordinates.

    The page is cut, top to bottom, into bands: a line that is not in a
    column (set across columns, or in another size than the body: a title,
    the header, a byline under a title) is a band of its own, with any other
    such lines on its baseline (read left to right); body lines in columns
    make a band until such a line, or until blank space across every column
    deeper than an article's gap (:data:`ARTICLE_GAP`: two articles set one
    under the other).  Within a band the columns are read left to right, each
    top to bottom.  (The content stream's order, what extractors give, is
    the same on pages typeset column after column; a producer that draws
    titles or boxes last is read right by this.)
    """
    lines = [ln for ln in lines if ln.text.strip()]
    if len(lines) < 2:
        return lines
    sizes = [_size(ln) for ln in lines]
    m = measure(lines, sizes)
    if m is None:
        return lines
    same = [abs(s - m.body_size) <= SAME_SIZE * m.body_size for s in sizes]
    cols = [_column_index(m, ln) if b else None for ln, b in zip(lines, same)]
    order = sorted(range(len(lines)), key=lambda i: (lines[i].baseline, lines[i].x0))
    out: list[int] = []
    band: list[int] = []
    lowest = None

    def flush() -> None:
        out.extend(sorted(band, key=lambda i: (cols[i], lines[i].baseline, lines[i].x0)))
        band.clear()

    k = 0
    while k < len(order):
        i = order[k]
        if cols[i] is None:  # a row of its own: the lines on this baseline outside the columns
            flush()
            row = [i]
            while k + len(row) < len(order) and cols[order[k + len(row)]] is None and \
                    lines[order[k + len(row)]].baseline - lines[i].baseline <= SAME_BASELINE * m.em:
                row.append(order[k + len(row)])
            out.extend(sorted(row, key=lambda j: lines[j].x0))
            lowest = max(lines[j].baseline for j in row)
            k += len(row)
            continue
        if band and lowest is not None and m.gap(lowest, lines[i].baseline):
            flush()
        band.append(i)
        lowest = lines[i].baseline if lowest is None else max(lowest, lines[i].baseline)
        k += 1
    flush()
    return [lines[i] for i in out]


def _column_index(m: Measures, line: PdfLine) -> int | None:
    """Which column holds the whole line (``None``: it is wider than a column, or outside them)."""
    for n, col in enumerate(m.columns):
        if col.left - SLACK * m.em <= line.x0 and line.x1 <= col.right + SLACK * m.em:
            return n
    return None


def lay_out(page: PdfPage) -> PageLayout:
    """Measure the page and cut its lines, in reading order, into blocks."""
    lines = reading_order(page.lines)
    sizes = [_size(ln) for ln in lines]
    m = measure(lines, sizes)
    if m is None:
        return PageLayout(tuple(lines), ())
    blocks: list[LaidBlock] = []
    k = 0
    header = None
    # The header: the first line and those on its baseline, read left to right.
    if lines:
        top = [i for i, ln in enumerate(lines) if abs(ln.baseline - lines[0].baseline) <= SAME_BASELINE * m.em]
        if top == list(range(len(top))):
            text = " ".join(lines[i].text.strip() for i in sorted(top, key=lambda i: lines[i].x0))
            header = parse_header(Line.of(text, 0, len(text), 0))
            if header is not None:
                blocks.append(LaidBlock("header", tuple(top)))
                k = len(top)
    n = len(lines)
    body = [abs(s - m.body_size) <= SAME_SIZE * m.body_size for s in sizes]
    body_bold = sum(_all_bold(ln) for ln, b in zip(lines, body) if b) * 2 > sum(body)  # then bold tells no subhead
    large = [s >= TITLE_RATIO * m.body_size for s in sizes]
    last_body = max((i for i in range(n) if not large[i]), default=-1)
    lowest = max((lines[i].baseline for i in range(k)), default=None)  # the lowest baseline so far

    def gap_before(i: int) -> bool:
        return lowest is not None and m.gap(lowest, lines[i].baseline)

    def place(i: int) -> tuple[Column | None, str]:
        """The line's column and where in it it starts: "left", "indent" or "aligned"."""
        ln = lines[i]
        col = column_of(m, ln)
        if col is None:
            return None, "aligned"
        off = ln.x0 - col.left
        if off < HALF * m.indent:
            return col, "left"
        if abs(off - m.indent) <= HALF * m.indent:
            return col, "indent"
        return col, "aligned"

    while k < n:
        ln = lines[k]
        # The space under a title, a header or a byline line is their margin, not an article's end.
        opens = gap_before(k) and bool(blocks) and blocks[-1].kind not in ("title", "header", "small")
        if large[k]:  # a title, over one line or several
            size, run = sizes[k], [k]
            while (
                k + len(run) < n and large[k + len(run)]
                and abs(sizes[k + len(run)] - size) <= SAME_SIZE * size
                and 0 < lines[k + len(run)].baseline - lines[run[-1]].baseline <= TITLE_PITCH * m.em_of(size)
            ):
                run.append(k + len(run))
            blocks.append(LaidBlock("foot_title" if k > last_body else "title", tuple(run)))  # a title opens its article itself
        elif body[k] and not body_bold and _all_bold(ln) and not _bold_lead(lines, k, m) and (run := _subhead(lines, k, body, m, place)):
            blocks.append(LaidBlock("heading", tuple(run), opens, place(k)[1]))
        elif not body[k]:
            # smaller (or a size between body and title): lines of one size, a line height apart (the
            # title's cut between a line height and a margin)
            run = [k]
            while (
                k + len(run) < n and not large[k + len(run)] and abs(sizes[k + len(run)] - sizes[k]) <= SAME_SIZE * sizes[k]
                and 0 < lines[k + len(run)].baseline - lines[run[-1]].baseline <= TITLE_PITCH * m.em_of(sizes[k])
            ):
                run.append(k + len(run))
            blocks.append(LaidBlock("small", tuple(run), opens))
        else:
            if place(k)[1] == "aligned":
                blocks.append(LaidBlock("aligned", (k,), opens))
                run = [k]
            else:
                run = [k]  # a paragraph: until a line that opens another block
                while k + len(run) < n:
                    j = k + len(run)
                    prev = lines[j - 1]
                    heads = not body_bold and _all_bold(lines[j]) and not _bold_lead(lines, j, m) and not _all_bold(prev)
                    if not body[j] or large[j] or heads or gap_before_run(lines, run, j, m):
                        break
                    if place(j)[1] != "left":
                        break
                    pcol = column_of(m, prev)
                    if pcol is not None and ends_sentence(prev.text.rstrip()) and pcol.right - prev.x1 > SHORT_END * m.em:
                        break
                    run.append(j)
                blocks.append(LaidBlock("paragraph", tuple(run), opens))
        for i in run:
            lowest = lines[i].baseline if lowest is None else max(lowest, lines[i].baseline)
        k = run[-1] + 1
    return PageLayout(tuple(lines), tuple(blocks), m, header)


def _subhead(lines: list[PdfLine], k: int, body: list[bool], m: Measures, place) -> list[int]:
    """The lines of a subhead at *k*: bold body-size lines at the line pitch, until a line that is
    not bold throughout; ``[]`` when the line after them goes on at the column's left edge (a
    paragraph goes on there: the bold lines were its lead sentence, ending at a line end).
    A subhead is followed by a paragraph's indented first line, another block, or space."""
    run = [k]
    n = len(lines)
    while (
        k + len(run) < n and body[k + len(run)] and _all_bold(lines[k + len(run)])
        and not _bold_lead(lines, k + len(run), m)
        and 0 < lines[k + len(run)].baseline - lines[run[-1]].baseline <= m.pitch + SLACK * m.em
    ):
        run.append(k + len(run))
    j = run[-1] + 1
    if j < n and body[j] and not _all_bold(lines[j]):
        col, where = place(j)
        if where == "left" and col == column_of(m, lines[run[-1]]) and not gap_before_run(lines, run, j, m):
            return []
    return run


def gap_before_run(lines: list[PdfLine], run: list[int], j: int, m: Measures) -> bool:
    """Line *j* starts below every line before it by more than an article's gap (the paragraph ends there)."""
    lowest = max(lines[i].baseline for i in range(run[0], j))
    return m.gap(lowest, lines[j].baseline)


def _bold_lead(lines: list[PdfLine], k: int, m: Measures) -> bool:
    """A bold line that opens (or is in) a paragraph's bold lead sentence: the bold goes on, without a
    sentence end, into a line that turns regular, every line after the first at its column's left
    edge (an indented line opens a paragraph of its own: bold lines before it are a subhead)."""
    j = k + 1
    while j < len(lines) and _all_bold(lines[j]):
        j += 1
    if j >= len(lines) or not _starts_bold(lines[j]):
        return False
    def at_left(ln: PdfLine) -> bool:
        col = column_of(m, ln)
        return col is not None and ln.x0 - col.left < HALF * m.indent

    return all(at_left(lines[i]) for i in range(k + 1, j + 1)) and not any(ends_sentence(lines[i].text.rstrip()) for i in range(k, j))


# ---------------------------------------------------------------------------------------------
# From blocks to the text reader's items


@dataclass
class _TextLine:
    text: str  # stripped
    start: int  # offsets into the page text
    end: int


@dataclass
class PdfPageText:
    """The page's text as laid out (a line per printed line, the header on one) and its blocks' lines."""

    text: str
    blocks: list[tuple[LaidBlock, list[_TextLine]]] = field(default_factory=list)
    header: dict[str, str] | None = None
    fonts: list[str] = field(default_factory=list)  # the font of each character of text ("" for none)
    glyphs: list[bool | None] = field(default_factory=list)  # its glyph: the mark's (True), its own (False)


def page_text(layout: PageLayout) -> PdfPageText:
    """The blocks' lines as one text, a line a printed line (the header's parts on one), with each
    character's font (a line break between two characters of one font is in that font) and its
    glyph's verdict (:func:`textfix.fonts.line_glyphs`)."""
    parts: list[str] = []
    fonts: list[str] = []
    glyphs: list[bool | None] = []
    at = 0
    out = PdfPageText("", header=layout.header)
    for block in layout.blocks:
        tl = []
        if block.kind == "header":
            order = sorted(block.lines, key=lambda i: layout.lines[i].x0)
            pieces = [_stripped(layout.lines[i]) for i in order]
            rows = [(" ".join(t for t, _, _ in pieces),
                     [f for n, (_, fs, _) in enumerate(pieces) for f in ([""] if n else []) + fs],
                     [g for n, (_, _, gs) in enumerate(pieces) for g in ([None] if n else []) + gs])]
        else:
            rows = [_stripped(layout.lines[i]) for i in block.lines]
        for t, fs, gs in rows:
            if parts:
                fonts.append(fonts[-1] if fonts and fs and fonts[-1] == fs[0] else "")
                glyphs.append(None)
            tl.append(_TextLine(t, at, at + len(t)))
            parts.append(t)
            fonts.extend(fs)
            glyphs.extend(gs)
            at += len(t) + 1
        out.blocks.append((block, tl))
    out.text = "\n".join(parts)
    out.fonts = fonts
    out.glyphs = glyphs
    return out


def _stripped(line: PdfLine) -> tuple[str, list[str], list[bool | None]]:
    """The line's text without the spaces around it, each character's font and its glyph's verdict."""
    text = line.text.strip()
    lead = len(line.text) - len(line.text.lstrip())
    return text, line_fonts(line)[lead:lead + len(text)], line_glyphs(line)[lead:lead + len(text)]


def items_of(pt: PdfPageText, repaired_text: str, to_output, bylines) -> list[Item]:
    """The text reader's items for the blocks, offsets into the repaired text."""
    items: list[Item] = []
    foot_seen = False
    for block, tls in pt.blocks:
        lines = [_line(repaired_text, to_output(t.start), to_output(t.end)) for t in tls]
        lines = [ln for ln in lines if ln is not None]
        if not lines:
            continue
        if block.opens_article and block.kind not in ("title", "foot_title", "header"):
            items.append(Item("break", "", lines[0].start, lines[0].start))
        kind = block.kind
        if kind == "header" and pt.header is not None:
            h = pt.header
            items.append(Item("header", lines[0].text, lines[0].start, lines[0].end, lines,
                              name="\t".join((h["page"], h["section"], h["section_en"]))))
        elif kind == "title":
            items.append(_joined("title", lines))
        elif kind == "foot_title":
            item = _joined("foot_title", lines)
            item.name = BLOCK_START if foot_seen else ""  # one title a block: none goes on into the next
            foot_seen = True
            items.append(item)
        elif kind == "heading" and block.first_at == "indent" and ends_sentence(_joined("", lines).text):
            items.extend(_paragraph(lines, bylines))  # a paragraph of one bold sentence (its lead), set at the indent
        elif kind == "heading":
            item = _joined("heading", lines)
            item.name = BODY_SIZE  # set in body size: a subhead, never a title
            items.append(item)
        elif kind == "small" and (name := bylines.find_lead(_joined("", lines).text)):
            item = _joined("lead_byline", lines)
            item.name = name
            items.append(item)
        else:
            items.extend(_paragraph(lines, bylines))
    return items


def _line(text: str, start: int, end: int) -> Line | None:
    raw = text[start:end]
    stripped = raw.strip()
    if not stripped:
        return None
    lo = start + raw.index(stripped[0])
    return Line.of(stripped, lo, lo + len(stripped), display_width(stripped))


def _joined_with_offsets(lines: list[Line]) -> tuple[str, list[int]]:
    """The lines' texts joined as the text reader joins them (:func:`textfix.layout._joined`: a Latin word
    wrapped at the line end keeps a space for the break), and where each line starts in it."""
    out, starts = "", []
    for ln in lines:
        if out and out[-1].isascii() and out[-1].isalnum() and ln.text[:1].isascii() and ln.text[:1].isalpha():
            out += " "
        starts.append(len(out))
        out += ln.text
    return out, starts


def _paragraph(lines: list[Line], bylines) -> list[Item]:
    """A paragraph, and the byline at its end (on its last line, or broken over its last two) cut off."""
    text, starts = _joined_with_offsets(lines)
    whole = Item("paragraph", text, lines[0].start, lines[-1].end, list(lines))
    found = bylines.find(text) if text[-1:] in bylines.closers else None
    if found is None:
        return [whole]
    cut, printed, name = found
    n = max(k for k, at in enumerate(starts) if at <= cut)  # the line the byline starts in
    first = lines[n]
    pos = first.start + min(max(0, cut - starts[n]), len(first.text))
    head_lines = list(lines[:n])
    head_part = first.text[: pos - first.start].rstrip()
    if head_part:
        head_lines.append(Line.of(head_part, first.start, first.start + len(head_part), display_width(head_part)))
    out = [_joined("paragraph", head_lines)] if head_lines else []
    out.append(Item("byline", printed, pos, lines[-1].end, lines[n:], name=name))
    return out


def split_pdf_page(page: PdfPage, model=None, source: str | None = None):
    """A PDF page → a :class:`textfix.split.Page`: layout from coordinates, the text repaired with its
    fonts' evidence, articles assembled."""
    from .pdf import PdfDocument

    return _split_laid(page_text(lay_out(page)), model, source, fonts=font_states(PdfDocument(source or "", (page,))))


# What a PDF's text layer holds is the typesetter's: its spaces (or PDFium's, where glyphs stand
# apart), not an OCR engine's or an extractor's (around digit runs, pdfminer's justified space as
# three), and its ASCII marks, the glyphs it sets (an extractor reading full-width marks as ASCII is
# not in play). Only the garble, a defect of a font's map, is repaired. (RepairConfig fields, as
# repair() takes them.)
TEXT_LAYER = {"latin_spacing": False, "ascii_punctuation": False, "ocr_spacing": False, "space_runs": False}


def _split_laid(pt: PdfPageText, model=None, source: str | None = None, furniture: list | None = None,
                fonts: tuple[set[str], set[str]] = (set(), set())):
    from .lines import byline_finder
    from .model import default_model
    from .repair import repair
    from .split import split_items

    model = model or default_model()
    if furniture:  # running heads and feet (found across the file's pages) belong to no article
        spans = {(f.start, f.end) for f in furniture}
        pt.blocks = [(b, kept) for b, tls in pt.blocks if (kept := [t for t in tls if (t.start, t.end) not in spans])]
    evidence = FontEvidence.of_characters(pt.fonts, *fonts, pt.glyphs) if any(fonts) or any(g is not None for g in pt.glyphs) else None
    # Print lines, kept as lines; the text layer's own characters as they are (TEXT_LAYER), each
    # character's font and glyph evidence for the garble decision.
    # The same evidence weighs the marks the rejoined lines show (split_items' settle pass, as repair's).
    state = evidence.state if evidence is not None else None
    repaired = repair(pt.text, model, rejoin=False, layout="print", **TEXT_LAYER, fonts=state)
    to_output = output_offset(repaired.changes)
    items = items_of(pt, repaired.text, to_output, byline_finder(model))
    page = split_items(pt.text, repaired, items, model, source, fonts=state)
    if furniture:
        page.furniture = list(furniture)
    return page


def output_offset(changes):
    """Map an offset of the input text to the repaired text (the inverse of repair.input_offset)."""
    from bisect import bisect_right

    ends, deltas, shift = [], [], 0
    for c in changes:
        shift += len(c.new) - (c.end - c.start)
        ends.append(c.end)
        deltas.append(shift)

    def to_output(offset: int) -> int:
        i = bisect_right(ends, offset)
        return offset + (deltas[i - 1] if i else 0)

    return to_output


def split_pdf(source, model=None) -> list:
    """Every page of a PDF (a path, bytes or a :class:`~textfix.pdf.PdfDocument`) split into articles.

    One :class:`textfix.split.Page` a page.  A file of several pages gives
    each its ``index`` and its ``offset`` in the pages' texts joined by form
    feeds (each page's text is its lines as laid out, one a line, the header
    on one); running heads and feet that repeat across the pages
    (:mod:`textfix.furniture`) are its ``furniture``, kept out of the
    articles; which fonts garble (:func:`textfix.fonts.font_states`) is judged on what each
    prints over the whole file.  Spans are offsets into the page's text.
    """
    import os
    from dataclasses import replace

    from .furniture import find_furniture
    from .pdf import PdfDocument, read_pdf

    doc = source if isinstance(source, PdfDocument) else read_pdf(source)
    name = os.path.basename(doc.path)
    texts = [page_text(lay_out(p)) for p in doc.pages]
    fonts = font_states(doc)  # what each font prints over the whole file
    if len(texts) == 1:
        return [_split_laid(texts[0], model, name, fonts=fonts)]
    found = find_furniture([t.text for t in texts])
    out, offset = [], 0
    for i, (pt, furniture) in enumerate(zip(texts, found)):
        out.append(replace(_split_laid(pt, model, name, furniture, fonts), index=i, offset=offset))
        offset += len(pt.text) + 1
    return out
