"""What a page's lines are: lines broken at a print column, or paragraphs already.

Text extracted from a print page is broken wherever the column ran out, so
most of its lines stop in mid-sentence at about the same width; a web article
or an already repaired page has one paragraph (or heading) per line, and a
line stops where its paragraph does: at a sentence end, at any width.  The
two are told apart by one statistic of a page's lines, :func:`column_share`:
the share of the text (in display units) on lines that reach the column — within
:data:`~textfix.lines.FULL_SLACK` units below the local column width (the upper
quartile of the nearby lines, as :mod:`textfix.lines` estimates it), and no
more than :data:`HANG` above it (closing marks hang past the column) — **and**
stop without ending a sentence.  Paragraphs may also stop without a sentence
end (a list of names), but they do not come to one width.  Rejoining lines is only for the first kind
(see :mod:`textfix.plan`); so are the repairs that undo print typesetting
(spaces around digit runs and the like, see :mod:`textfix.repair`).

:data:`PRINT_SHARE` is not tuned by hand: ``python corpora/fit_shape.py``
fits it on the train part of real-dev written as paragraph-per-line text,
the same articles set as print pages by ``corpora/generate_pages.py``, the
committed pages of ``corpora/pages`` and the seed page, and prints the
figures quoted here.
"""

from __future__ import annotations

import re

from .charclasses import DASH_PAIR
from .lines import FULL_SLACK, LINE_TEXT, SENTENCE_END_LAST, TERMINAL_END, _estimate_columns, _upper_quartile, hyphen_joins
from .measure import display_widths

PRINT = "print"
PARAGRAPHS = "paragraphs"
LAYOUTS = (PRINT, PARAGRAPHS)

# Fitted by corpora/fit_shape.py (see BENCHMARKS.md, "Telling print lines from paragraphs"): the
# midpoint between the two training classes.  On 2026-11-29: paragraph-per-line texts 0.000 with 3
# column lines or more (up to 0.927 with fewer: a title and a line or two), print pages
# 0.516-0.861; midpoint 0.26, no training text on the wrong side.
PRINT_SHARE = 0.26
# A column shows only where several lines reach it: one or two lines that happen to stop at the
# same width in mid-sentence say nothing (a title and a one-line paragraph; a short snippet).
MIN_BROKEN = 3

HANG = 4  # display units a line may pass the column by: two closing marks (。”) hanging
MARKDOWN_HEADING = re.compile(r"#{1,6}[ \t\u3000]*([^#\s].*)")


def column_share(text: str) -> tuple[float, int]:
    """(share of the text on lines broken at the column, how many lines are): see the module's docstring.

    The share is weighed by width: a list of short names, one to a line, may
    stop at one width without sentence ends, but holds little of an article.

    Markdown headings are left out: a print page has none, and they say
    nothing of a column.
    """
    lines = [t for t in LINE_TEXT.findall(text) if t[0] != "#" or not MARKDOWN_HEADING.fullmatch(t)]
    return _share(lines, display_widths(lines))


def _share(lines: list[str], widths: list[int]) -> tuple[float, int]:
    if not lines:
        return 0.0, 0
    # The column is the local one (textfix.lines estimates it around each line, as the layout does):
    # the articles of one page are set in columns of different widths.
    at_column = [
        w for t, w, column in zip(lines, widths, _estimate_columns(widths))
        if column - FULL_SLACK <= w <= column + HANG and not _ends(t)
    ]
    return sum(at_column) / sum(widths), len(at_column)


def _band(widths: list[int]) -> tuple[float, float]:
    """The widths of a line that reaches the column: the upper quartile, less a little, or hanging marks."""
    column = _upper_quartile(widths)
    return column - FULL_SLACK, column + HANG


def _ends(line: str) -> bool:
    """Ends a sentence (the last character is asked first: most lines of a print page end none)."""
    return line[-1] in SENTENCE_END_LAST and TERMINAL_END.search(line, len(line) - 4) is not None


def _ends_paragraph(line: str) -> bool:
    """A line wider than a column ends a paragraph written one a line: it ends a sentence, but not on
    a dash, where a title set wider than the column breaks after its first part (in invented words:
    【以科技创新推动全省产业全面振兴—— | 省委书记…】, …再立新功—— | 省长给…回信…: read as a paragraph,
    the title was cut, corpora/typeset/README.md, "The fifteenth session")."""
    return _ends(line) and not line.endswith(DASH_PAIR)


def _wide_paragraph_end(line: str, width: int, column: int) -> bool:
    """*line*, *width* units wide, is wider than the *column* (by WIDE) and ends a paragraph written one a line."""
    return width > WIDE * column and _ends_paragraph(line)


def layout_of(text: str) -> str:
    """:data:`PRINT` when *text*'s lines are broken at a print column, else :data:`PARAGRAPHS`."""
    return _layout(*column_share(text))


def _layout(share: float, broken: int) -> str:
    return PRINT if share >= PRINT_SHARE and broken >= MIN_BROKEN else PARAGRAPHS


# A print line ends a sentence inside the column (its marks may hang): on the 441 print pages of
# corpora/fit_shape.py's training set, no sentence-ending line is wider than 1.21 columns (measured
# 2026-11-29).  A paragraph one to a line is mostly far wider: the median real-dev paragraph is
# 178 units, four to seven columns.  Halfway to two columns:
WIDE = 1.5


def regions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, layout) of the stretches of *text* read alike, covering it, cut at line starts.

    A page read as print may hold paragraphs written one a line (a text box
    an extractor gave whole, an article pasted in): lines that end a sentence
    more than :data:`WIDE` columns wide, which no print column holds.  Each
    run of them, with the sentence-ending lines right after each (short
    paragraphs), up to the next line broken at the column, is a region of
    paragraphs; the rest is print.  A text read as paragraphs may hold print
    lines in turn (see :func:`_print_inside_paragraphs`).
    """
    lines = LINE_TEXT.findall(text)
    widths = display_widths(lines)
    if "#" in text:  # markdown headings say nothing of a column (see column_share)
        kept = [(t, w) for t, w in zip(lines, widths) if t[0] != "#" or not MARKDOWN_HEADING.fullmatch(t)]
        layout = _layout(*_share([t for t, _ in kept], [w for _, w in kept]))
    else:
        layout = _layout(*_share(lines, widths))
    if layout == PARAGRAPHS:
        return _print_inside_paragraphs(text, lines, widths)
    column = _upper_quartile(widths)
    lo, hi = _band(widths)
    wide = [_wide_paragraph_end(t, w, column) for t, w in zip(lines, widths)]
    if not any(wide):  # the usual print page
        return [(0, len(text), PRINT)]
    found = list(LINE_TEXT.finditer(text))  # where the lines are: only a page with such lines asks
    # A paragraph's last two printed lines pdftotext joined at a hyphen are as wide and end a sentence
    # (train2741 page-005): print, not a paragraph written one a line.
    joined = hyphen_joins(text)
    wide = [end and m.start() not in joined for end, m in zip(wide, found)]
    if not any(wide):
        return [(0, len(text), PRINT)]
    # A line at the column ends a run: the page's column, or the local one where articles of one page
    # are set in columns of different widths (next to the run the local one takes its wide lines in).
    local = _estimate_columns(widths)
    cuts: list[tuple[int, int, str]] = []
    run: list[int] = []  # indices of the lines of the current run
    open_run = False  # the run's last line ends a sentence: a short paragraph after it belongs to it
    for k, (t, w) in enumerate(zip(lines, widths)):
        ends = _ends(t)
        if wide[k] or ends and open_run:
            run.append(k)
            open_run = True
        elif run and not ends and (lo <= w <= hi or local[k] - FULL_SLACK <= w <= local[k] + HANG):
            cuts.append(_run_span(text, found, run))
            run, open_run = [], False
        else:
            open_run = False  # a heading, a title or a print paragraph's first line: the run may go on
    if run:
        cuts.append(_run_span(text, found, run))
    return _cover(len(text), cuts)


def _run_span(text: str, found: list[re.Match[str]], run: list[int]) -> tuple[int, int, str]:
    """From the start of the run's first line to the start of the line after its last."""
    start = text.rfind("\n", 0, found[run[0]].start()) + 1
    end = found[run[-1] + 1].start() if run[-1] + 1 < len(found) else len(text)
    return start, text.rfind("\n", 0, end) + 1 if run[-1] + 1 < len(found) else end, PARAGRAPHS


def _reach_back(runs: list[tuple[int, int, int]], lines: list[str], widths: list[int]) -> list[tuple[int, int, int]]:
    """Each run (first line, last line, column) opened at the first line after the paragraph
    written one a line before it: the lines in between (a header, a title, the first lines of a
    paragraph whose quotes a font set half wide) are the print's, not the paragraphs'."""
    out, floor = [], -1
    for first, last, column in runs:
        while first - 1 > floor and not _wide_paragraph_end(lines[first - 1], widths[first - 1], column):
            first -= 1
        out.append((first, last, column))
        floor = last
    return out


def _bridged(runs: list[tuple[int, int, int]], lines: list[str], widths: list[int]) -> list[tuple[int, int]]:
    """*runs* (first line, last line, column) joined across gaps without a paragraph written one a
    line (a line ending a sentence wider than :data:`WIDE` columns): titles and bylines, not text."""
    out = [runs[0][:2]]
    for first, last, column in runs[1:]:
        gap = range(out[-1][1] + 1, first)
        if not any(_wide_paragraph_end(lines[k], widths[k], column) for k in gap):
            out[-1] = (out[-1][0], last)
        else:
            out.append((first, last))
    return out


def _cover(length: int, found: list[tuple[int, int, str]], fill: str = PRINT) -> list[tuple[int, int, str]]:
    """The regions *found* with regions of *fill* in the gaps (empty ones left out)."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    for start, end, layout in found:
        if start > pos:
            out.append((pos, start, fill))
        if out and out[-1][2] == layout and out[-1][1] == start:  # one region, not two side by side
            out[-1] = (out[-1][0], end, layout)
        else:
            out.append((start, end, layout))
        pos = end
    if pos < length or not out:
        out.append((pos, length, fill))
    return out


# The narrowest column of corpora/generate_pages.py is 13 characters (26 units); a column of
# fewer than 10 characters is taken for a list (names one to a line), not print.
MIN_COLUMN = 20
# Column lines a stretch of print inside paragraphs has at least: in the train part of real-dev as
# plain text, no stretch found this way has more than 3 (2 of 5,944 items have 3, lists of names
# and headings of one width); twice that is about two short printed paragraphs.
MIN_PRINT_RUN = 6


def _print_inside_paragraphs(text: str, lines: list[str], widths: list[int]) -> list[tuple[int, int, str]]:
    """A text of paragraphs with the stretches of print lines in it (a print page pasted into an article).

    A stretch holds at least :data:`MIN_PRINT_RUN` lines that stop in mid-sentence
    at one width (within FULL_SLACK below and HANG above the width of its first
    such line, at least :data:`MIN_COLUMN`), and runs on over the shorter lines
    between them (paragraphs' first and last lines, subheads) until a line
    wider than that: a paragraph.
    """
    runs: list[tuple[int, int, int]] = []
    first = last = column = count = 0
    active = False
    for k, (t, w) in enumerate(zip(lines, widths)):
        broken = not _ends(t)
        if active and w > column + HANG:
            if count >= MIN_PRINT_RUN:
                runs.append((first, last, column))
            active = False
        # A run opened by a wide line (a title) starts again at the first line of the column.
        restart = active and count == 1 and broken and MIN_COLUMN <= w < column - FULL_SLACK
        if not active or restart:
            if broken and w >= MIN_COLUMN:
                first, last, column, count, active = k, k, w, 1, True
            continue
        last = k
        count += broken and w >= column - FULL_SLACK
    if active and count >= MIN_PRINT_RUN:
        runs.append((first, last, column))
    if not runs:
        return [(0, len(text), PARAGRAPHS)]
    runs = _reach_back(runs, lines, widths)
    found = list(LINE_TEXT.finditer(text))
    spans = []
    for a, b in _bridged(runs, lines, widths):
        start = text.rfind("\n", 0, found[a].start()) + 1
        end = text.rfind("\n", 0, found[b + 1].start()) + 1 if b + 1 < len(found) else len(text)
        spans.append((start, end, PRINT))
    return _cover(len(text), spans, PARAGRAPHS)
