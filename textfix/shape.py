"""What a page's lines are: lines broken at a print column, or paragraphs already.

Text extracted from a print page is broken wherever the column ran out, so
most of its lines stop in mid-sentence at about the same width; a web article
or an already repaired page has one paragraph (or heading) per line, and a
line stops where its paragraph does: at a sentence end, at any width.  The
two are told apart by one statistic of a page's lines, :func:`column_share`:
the share of the text (in display units) on lines that reach the page's column — within
:data:`~textfix.lines.FULL_SLACK` units below the upper-quartile width, and no
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

from .lines import FULL_SLACK, LINE_TEXT, SENTENCE_END_LAST, TERMINAL_END, _upper_quartile
from .measure import display_widths

PRINT = "print"
PARAGRAPHS = "paragraphs"
LAYOUTS = (PRINT, PARAGRAPHS)

# Fitted by corpora/fit_shape.py (see BENCHMARKS.md, "Telling print lines from paragraphs"):
# the midpoint of the widest gap between the two training classes' values.
# On 2026-11-29: paragraph-per-line texts 0.000-0.180 (0.161 at most with 3 broken lines or more),
# print pages 0.516-0.861; midpoint 0.34, no training text on the wrong side.
PRINT_SHARE = 0.34
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
    lo, hi = _band(widths)
    at_column = [w for t, w in zip(lines, widths) if lo <= w <= hi and not _ends(t)]
    return sum(at_column) / sum(widths), len(at_column)


def _band(widths: list[int]) -> tuple[float, float]:
    """The widths of a line that reaches the column: the upper quartile, less a little, or hanging marks."""
    column = _upper_quartile(widths)
    return column - FULL_SLACK, column + HANG


def _ends(line: str) -> bool:
    """Ends a sentence (the last character is asked first: most lines of a print page end none)."""
    return line[-1] in SENTENCE_END_LAST and TERMINAL_END.search(line, len(line) - 4) is not None


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
    paragraphs; the rest is print.  A page read as paragraphs is one region.
    """
    lines = LINE_TEXT.findall(text)
    widths = display_widths(lines)
    if "#" in text:  # markdown headings say nothing of a column (see column_share)
        kept = [(t, w) for t, w in zip(lines, widths) if t[0] != "#" or not MARKDOWN_HEADING.fullmatch(t)]
        if _layout(*_share([t for t, _ in kept], [w for _, w in kept])) == PARAGRAPHS:
            return [(0, len(text), PARAGRAPHS)]
    elif _layout(*_share(lines, widths)) == PARAGRAPHS:
        return [(0, len(text), PARAGRAPHS)]
    column = _upper_quartile(widths)
    lo, hi = _band(widths)
    wide = WIDE * column
    if not any(w > wide and _ends(t) for t, w in zip(lines, widths) if w > wide):  # the usual print page
        return [(0, len(text), PRINT)]
    found = list(LINE_TEXT.finditer(text))  # where the lines are: only a page with such lines asks
    cuts: list[tuple[int, int, str]] = []
    run: list[int] = []  # indices of the lines of the current run
    open_run = False  # the run's last line ends a sentence: a short paragraph after it belongs to it
    for k, (t, w) in enumerate(zip(lines, widths)):
        ends = _ends(t)
        if ends and (w > wide or open_run):
            run.append(k)
            open_run = True
        elif run and not ends and lo <= w <= hi:
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


def _cover(length: int, paragraphs: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The paragraph regions with print regions filling the gaps (empty ones left out)."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    for start, end, layout in paragraphs:
        if start > pos:
            out.append((pos, start, PRINT))
        out.append((start, end, layout))
        pos = end
    if pos < length or not out:
        out.append((pos, length, PRINT))
    return out
