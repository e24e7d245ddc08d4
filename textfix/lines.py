"""Printed lines: cut from a page, measured and flagged.

What extraction leaves of a print page's layout is in its lines: how wide
each is (display units: CJK and full-width marks 2, ASCII 1), against the
column around it, and how it ends.  :func:`cut_lines` makes the
:class:`Line` records :mod:`textfix.layout` reads paragraphs, subheads,
titles and bylines from: the width as printed, the local column, whether
the line ends a sentence, whether it is punctuated as a title or subhead may
be, and the byline at its end.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from functools import lru_cache
from itertools import compress, repeat
from typing import TYPE_CHECKING, NamedTuple

from . import regex
from .charclasses import ENDING_MARKS, EXTRACTOR_HYPHEN, IDEOGRAPH, SENTENCE_ENDS, leaves_open
from .measure import QUOTES as QUOTE_CHARS
from .measure import adjust_widths, display_width, display_widths

if TYPE_CHECKING:
    from .model import NoiseModel

# A sentence ends in 。！？… or ——, possibly inside a closing quote (。”); a bare closing
# quote ends a phrase (让“博物馆之夜”) as often as a sentence, so it does not count.
TERMINAL_END = regex.compile(r"(?:[。！？!?…]|——)[”’」』）)]?$")
SENTENCE_END_LAST = frozenset("。！？!?…—”’」』）)")  # the last character of every TERMINAL_END match
SENTENCE_MARKS = regex.compile(r"[，。；！？：,;!?]")
CLOSING_MARKS = frozenset("，。、；：？！”’）》」』")
INDENT_MIN, INDENT_MAX = 4, 7  # display units a first line is shorter than a full one
FULL_SLACK = 2  # a full line may be this much short of the column (a character that did not fit)
WINDOW = 12  # lines each side used to estimate the local column width
STRIDE = 4  # lines that share one column estimate
SPAN = STRIDE + 2 * WINDOW  # lines in one estimate's window: a stride and WINDOW each side
QUOTE_SAMPLE = 2000  # lines enough to tell how wide a page's quotes and spaces are


class Line(NamedTuple):
    """A printed line; build one with :meth:`of` (or :func:`cut_lines`), which sets the flags.

    A named tuple, not a dataclass: a page has ~100,000 lines, and tuples are
    built in C straight from the per-line lists :func:`cut_lines` works out.
    """

    text: str  # stripped
    start: int  # offsets into the text the lines were cut from
    end: int
    width: int
    column: float = 0.0  # local column width
    ends: bool = False  # ends a sentence (see ends_sentence)
    bare: bool = False  # a headline without any sentence punctuation: a subhead candidate
    headline: bool = False  # punctuated at most as a title is (see _is_headline)
    byline: tuple[int, str, str] | None = None  # see BylineFinder.find
    proportional: bool = False  # the page sets digits and Latin proportionally (see _proportional)
    hanging: bool = True  # the page lets closing marks hang past the column edge (see _marks_hang)
    garbled_end: bool = False  # ends a sentence read with its last marks' garbled forms as the marks (see BylineFinder.ends_garbled)
    quote_width: int = 2  # display units the page's curly quotes were measured at (see _glyph_widths)

    @classmethod
    def of(cls, text: str, start: int, end: int, width: int, column: float = 0.0) -> Line:
        """A line with its sentence flags worked out from *text*."""
        ends = ends_sentence(text)
        headline = _is_headline(text, ends)
        return cls(text, start, end, width, column, ends, headline and _is_bare(text, ends), headline)


def _is_bare(text: str, ends: bool) -> bool:
    """No sentence punctuation anywhere, and no sentence end (*ends*, already known for *text*)."""
    return not ends and SENTENCE_MARKS.search(text) is None


def _is_headline(text: str, ends: bool) -> bool:
    """Punctuated at most as a title is (*ends*: the line ends a sentence).

    Titles have commas, colons and questions (修旧如旧，让六百岁城墙“延年益寿”;
    非遗年画：一刀一刻守住年味; 老楼加装电梯，难在哪？), but no full stop or
    semicolon, and no mark at the end that carries a sentence on.  So have
    many lines of prose: only where a title is expected are such lines asked.
    """
    last_ok = text[-1] in "？！?!" if ends else text[-1] not in CLAUSE_MARKS
    return last_ok and FULL_STOPS.search(text) is None


def ends_clause(text: str) -> bool:
    """Ends on a comma or colon and has no full stop: a heading wrapped after its first clause may."""
    return text[-1] in CLAUSE_MARKS and FULL_STOPS.search(text) is None


FULL_STOPS = regex.compile(r"[。；;…]")
CLAUSE_MARKS = frozenset("，、：,:")  # end a clause, not a sentence: the line's sentence goes on
# Curly quotes are set half an em wide by some fonts (the Latin font's quotes) and
# a full em by others; each page is measured to tell which (see _glyph_widths).
QUOTES = frozenset(QUOTE_CHARS)
# A line's text without the whitespace around it: one pass over the page finds them all,
# with their offsets, instead of splitting and stripping line by line.
LINE_TEXT = regex.compile(r"\S(?:[^\n]*\S)?")
# The same for printed lines: pdfium joins a line that ends in a hyphen to the next and marks the
# join with U+FFFE (charclasses.EXTRACTOR_HYPHEN: 阿卜杜勒\ufffe阿齐兹): the mark ends its line.
PRINT_LINE_TEXT = regex.compile(r"[^\s\ufffe](?:[^\n\ufffe]*[^\s\ufffe])?\ufffe?")


# pdfminer prints a space set between two characters as three when justification stretches it: a
# space of its own each side of the space's glyph (the gaps it finds wider than a word's margin).  On
# the train batches of seeds 21, 25, 29-39 odd, 220 of the 1419 spaces it prints between two
# ideographs come out so; pdfium and pdftotext print each as one, and no extractor prints two.  The
# space is set once: a run counts as one space's width (else an indented first line measures as
# full and goes on the paragraph before, or a seam looks as if it broke a sentence: train33
# page-014's list items, train39 page-003), and repair prints it as one (textfix.repair.fix_space_runs).
# Counted again on the twenty-first session's 24 train batches (f14's 171-207 and 501-507 but 509
# and 511, f19's 991-997, f20's 1101-1107; 960 pages): 555 runs inside a line on 368 pdfminer pages,
# all between two Chinese characters, 554 of them three spaces; none in pdfium's, pdftotext's or
# `pdftotext -raw`'s text.
SPACE_RUN = re.compile(r"  +")


def _one_space(text: str) -> str:
    """*text* with each run of spaces as one."""
    return SPACE_RUN.sub(" ", text) if "  " in text else text


def cut_lines(text: str, printed: str | None = None, bylines: BylineFinder | None = None) -> list[Line]:
    """Non-empty lines of *text*, measured as *printed* (the page before repair) when given.

    Repair removes the spaces around digit runs and may turn a two-unit
    garbled mark into an ASCII ``%``; the column was filled with what was
    printed, so widths come from the printed line.  Every per-line value is
    worked out in a list pass first, so each :class:`Line` is built once,
    complete (with its byline when *bylines* is given).
    """
    found = list(PRINT_LINE_TEXT.finditer(text))
    texts = list(map(re.Match.group, found))
    if printed is None or len(measured := PRINT_LINE_TEXT.findall(printed)) != len(texts):
        measured, printed = texts, text
    if EXTRACTOR_HYPHEN in text:
        measured = [t.replace(EXTRACTOR_HYPHEN, "-") for t in measured]  # the hyphen it stands for
    if "  " in printed:  # the printed runs, which repair makes one space (textfix.repair.fix_space_runs)
        measured = [_one_space(t) for t in measured]
    base = display_widths(measured)
    quote, space = _glyph_widths(measured[:QUOTE_SAMPLE], base[:QUOTE_SAMPLE])
    widths = adjust_widths(measured, base, quote, space)
    extra = _ascii_extra(measured)
    proportional = _proportional(measured[:QUOTE_SAMPLE], widths[:QUOTE_SAMPLE], extra[:QUOTE_SAMPLE])
    if proportional:
        widths = _set_widths(measured, widths, extra)
    # A closing mark may hang past the column edge: lines ending in one do not measure the column.
    columns = _estimate_columns([-1 if t[-1] in CLOSING_MARKS else w for t, w in zip(measured, widths)])
    hanging = _marks_hang(measured[:QUOTE_SAMPLE], widths[:QUOTE_SAMPLE], columns[:QUOTE_SAMPLE], proportional)
    search_end = TERMINAL_END.search  # only where the last character can end a match, and only at the end
    ends = [t[-1] in SENTENCE_END_LAST and search_end(t, len(t) - 4) is not None for t in texts]
    headline = list(map(_is_headline, texts, ends))
    bare = [False] * len(texts)
    for k in compress(range(len(texts)), headline):  # bare lines are headlines: only these are asked
        bare[k] = _is_bare(texts[k], ends[k])
    marks = _bylines(texts, bylines) if bylines is not None else [None] * len(texts)
    garbled = _garbled_ends(texts, ends, bylines) if bylines is not None else repeat(False)
    fields = zip(
        texts, map(re.Match.start, found), map(re.Match.end, found), widths, columns, ends, bare, headline, marks,
        repeat(proportional), repeat(hanging), garbled, repeat(quote),
    )
    lines = list(map(tuple.__new__, repeat(Line), fields))  # Line(*f) for each f, without a Python call per line
    # Two lines that would fit one with a space between them: few (most lines are full), found in a list pass.
    pairs = [k for k, (wa, wb, cb) in enumerate(zip(widths, widths[1:], columns[1:])) if wa + SPACE_WIDTH + wb <= cb]
    lines = _rejoin_stretched(lines, text, pairs) if pairs else lines
    return _part_hyphen_joins(lines, quote, space)


# A space is counted one display unit (half a CJK character) when a line is measured (see
# textfix.measure.display_widths): a line broken at its space needs that room for it.
SPACE_WIDTH = 1


def _rejoin_stretched(lines: list[Line], text: str, pairs: list[int]) -> list[Line]:
    """*lines* with each printed line that extraction broke at a stretched space put back together
    (*pairs*: the indexes of the lines that would fit on one with the line after, ascending).

    pdftotext prints the words of a justified line on either side of a
    space that justification stretched as two lines (图书馆开幕，主题为“共同阅读
    | 共享未 | 来”，由…; pdfium prints 共同阅读 共享未): the second piece is as
    short as no paragraph's line is and the line after it is full.  Read
    apart, the pieces make a short line inside a paragraph, which reads as
    the paragraph's end or as a subhead.  See :func:`_broken_at_space`.
    """
    out: list[Line] = []
    done, n = 0, len(lines)  # lines[:done] are in out
    for k in pairs:
        if k < done or k + 2 >= n:
            continue
        out += lines[done:k]
        a, b = lines[k], lines[k + 1]
        if _broken_at_space(out[-1] if out else None, a, b, lines[k + 2], lines[k + 3] if k + 3 < n else None, text):
            joined = f"{a.text} {b.text}"
            headline = _is_headline(joined, b.ends)
            out.append(b._replace(text=joined, start=a.start, width=a.width + SPACE_WIDTH + b.width,
                                  headline=headline, bare=headline and _is_bare(joined, b.ends)))
            done = k + 2
        else:
            out.append(a)
            done = k + 1
    return out + lines[done:]


# Where a hyphen may end a printed line: between two letters (ideographs or Latin), as in the names
# it joins (阿卜杜勒-阿齐兹); not before a digit (UAX 14 LB25, HY × NU: 约-4℃ goes down whole).
_HYPHEN_SIDE = regex.compile(rf"[{IDEOGRAPH}A-Za-z]")


def _part_hyphen_joins(lines: list[Line], quote: int, space: int) -> list[Line]:
    """*lines* with each printed line that extraction joined to the next after dropping the hyphen
    that ended it parted again (see _hyphen_cut).

    pdftotext's layout mode takes a hyphen at a line end for a word broken there: it drops it and
    prints the line and the next as one (远洋公司船长马丁内斯- | 洛佩斯4日表示… as 远洋公司船长马丁内斯
    洛佩斯4日表示…; pdftotext -raw prints both lines, pdfium marks the join, see PRINT_LINE_TEXT).
    Chinese text breaks a hyphen only in a name it joins.  The joined line is wider than the column,
    which is how a title in large type is told (the typeset train batches, seeds 21-63 odd: train23
    page-008, train41 page-036, train63 page-026, the three hyphens a pdftotext-raw line ends with,
    are the lines this parts; train23 page-008's was read as an untitled article's title).
    The parted lines' offsets are the joined line's, cut where the hyphen stood (a byline's in the second
    line counted from its start); the hyphen is not printed.
    """
    wide = [k for k in range(1, len(lines) - 1) if is_wide(lines[k])]
    if not wide:
        return lines
    out = list(lines)
    for k in reversed(wide):  # later lines first: the indexes before them stay
        after = lines[k + 2] if k + 2 < len(lines) else None
        parts = _hyphen_cut(lines[k - 1], lines[k], lines[k + 1], after, quote, space)
        if parts:
            out[k : k + 1] = parts
    return out


def hyphen_joins(text: str) -> set[int]:
    """The offsets in *text* of the lines pdftotext joined at a hyphen it dropped (see
    _part_hyphen_joins): one such line is two printed lines, however wide, not a paragraph."""
    lines = cut_lines(text)
    return {a.start for a, b in zip(lines, lines[1:]) if a.end == b.start}


def _hyphen_cut(prev: Line, ln: Line, nxt: Line, after: Line | None, quote: int, space: int) -> list[Line] | None:
    """The two printed lines the wide line *ln* is when pdftotext joined them at a hyphen it dropped
    (see _part_hyphen_joins), or None.

    The line sits in a column of text: *prev* is no wider than the column, and the text runs on into
    *nxt* (see _runs_on), where a title is followed by a lead, a paragraph's indented first line or
    its own next line (train43 page-016: a title 【“十四五”…】通江达海 … over a lead that
    fills the column, 央视网消息（新闻联, parts as this asks).  It parts between two letters (_HYPHEN_SIDE) into a second line that is
    full to what opens *nxt*, no wider than the column, and a first that is full with the hyphen back
    to what opens the second, as a paragraph's line or an indented first line (the line before ends
    a sentence or a subhead: its text is no evidence of which).
    """
    if is_wide(prev):
        return None
    # A paragraph's last line joined: its sentence ends, the next line opens a paragraph (train2741
    # page-005, 南极- | 艾特肯盆地预选着陆区。 before 自5月3日…); no title ends a sentence (textfix.layout),
    # and the full first part alone then says where the hyphen stood.
    last = ln.ends and _may_open_paragraph(nxt)
    if not last and (not _runs_on(nxt, after) or _heading_over_lead(nxt, after) or _foot_line(nxt, after)):
        return None
    text, column = ln.text, ln.column
    hyphen = _measured_width("-", ln.proportional, quote, space)
    for j in range(len(text) - 1, 0, -1):
        tail = text[j:]
        width = _measured_width(tail, ln.proportional, quote, space)
        if width > column + PROPORTIONAL_TOLERANCE:
            return None
        head_width = ln.width - width + hyphen
        if not _head_fits(head_width, column, False) or not (_HYPHEN_SIDE.match(text, j - 1) and _HYPHEN_SIDE.match(text, j)):
            continue  # (a head too wide unindented is too wide indented: no line to build)
        byline = (ln.byline[0] - j, *ln.byline[1:]) if ln.byline is not None and ln.byline[0] >= j else None
        second = Line.of(tail, ln.start + j, ln.end, width, column)._replace(
            byline=byline, proportional=ln.proportional, hanging=ln.hanging, garbled_end=ln.garbled_end,
            quote_width=ln.quote_width)
        if not (last and second.ends or is_full(second, nxt=nxt)):
            continue
        head = text[:j]
        first = Line.of(head, ln.start, ln.start + j, head_width, column)._replace(
            proportional=ln.proportional, hanging=ln.hanging, quote_width=ln.quote_width)
        if any(is_full(first, indented, second) and _head_fits(first.width, column, indented) for indented in (False, True)):
            return [first, second]
    return None


def _heading_over_lead(ln: Line, after: Line | None) -> bool:
    """*ln*, without a sentence mark, stands over an article's lead: no paragraph ends without a
    sentence's end, so *ln* is a title's last line, and a wide line over it the title's first
    (train2845 page-007: 【新思想引领新时代改革开放】全面深化改革 谱写 | 中国经济高质量发展崭新篇章, which
    fills the column, over 新华社沈阳7月8日电)."""
    return ln.bare and after is not None and line_opens_lead(after.text)


def _foot_line(ln: Line, after: Line | None) -> bool:
    """*ln* is the page's last line and ends no sentence nor article: the foot's last title, not a
    column's text, whose article ends on a sentence or a byline (check batch 2917 page-026, pdfminer: the foot's
    加沙地带多地遭以军袭击 以色列威胁… over 山东高质量建设宜居宜业和美乡村, which fills the column, was
    parted at 以|色 as pdftotext's hyphen join)."""
    return after is None and not ln.ends and ln.byline is None


def _head_fits(width: float, column: int, indented: bool) -> bool:
    """A parted line's first part of *width* fits the column as printed: a paragraph's line, or (*indented*) a first
    line short of the column by its indent, within a proportional run's tolerance."""
    return width <= column - (INDENT_MIN if indented else 0) + PROPORTIONAL_TOLERANCE


def _runs_on(ln: Line, nxt: Line | None) -> bool:
    """*ln* goes on with the text of the line before it: it fills the column (see _fills_column), or it
    ends its sentence short of the column as no paragraph's indented first line is (a paragraph's last
    line), and it opens no lead (an article's text opens under its title with one)."""
    if is_wide(ln) or line_opens_lead(ln.text) or LEAD_LINE.match(ln.text):
        return False
    return _fills_column(ln, nxt) or ln.ends and ln.width <= ln.column and not _may_open_paragraph(ln)


def _broken_at_space(prev: Line | None, a: Line, b: Line, nxt: Line, after: Line | None, text: str) -> bool:
    """*a* and *b* are one printed line broken at a space (see _rejoin_stretched).

    *b* does not end a sentence and is short even for a paragraph's first
    line, yet *nxt* fills the column (no wider: a title in large type is):
    inside a paragraph only a line cut short by what opens the next is
    short.  With a space between them, *a* and *b* fill a line (a first line
    after a sentence end) to what opens *nxt* (see is_full): justification
    stretched that space.  The line before *a* ends a sentence or is full (a
    title's lines are not).  Not a paragraph's first line after a sentence
    end (*b* as wide as an indented line), nor a byline or a dateline's
    credit wrapped (textfix.layout reads those across lines), nor a lead.
    """
    width = a.width + SPACE_WIDTH + b.width
    if text[a.end : b.start] != "\n":
        return False
    if b.ends or is_full(b, True, nxt) or not _fills_column(nxt, after):
        return False
    if prev is not None and not (prev.ends or is_full(prev, True, a)):
        return False  # a paragraph's lines before a are full (a title's wrap short of the column)
    if a.ends and _may_open_paragraph(b) or a.byline or b.byline or _open_parenthesis(a.text):
        return False
    # A stretched space is a space of the text, which Chinese sets after no sentence's end, and b is short
    # as no line is: the line is mostly a's.  On the train batches' pdftotext pages the joins with a shorter
    # than b put a paragraph's end before the next one's first line (train23 page-010's 级遥 | 李强指出…)
    # or a title's end before a dateline (train49 page-017's 质增效 | 央视网消息…); only train39 page-034's
    # 行”。 | 伊朗总统… is one printed line (its source has a space after 。).  On the generator's pools the
    # joins these exclude are a kicker before its subhead (蝶变 | 塌陷坑变成生态湖) and a paragraph's end
    # before a subhead (能直接卖到县城和省城。 | 先把路修好): what real print sets far more often.
    if a.ends or a.width < b.width:
        return False
    if line_opens_lead(b.text) or LEAD_LINE.match(b.text):
        return False
    return is_full(b._replace(width=width), prev is None or prev.ends, nxt)


def _fills_column(ln: Line, nxt: Line | None) -> bool:
    """Full (see is_full) and no wider than the column, a closing mark that hangs past its edge left
    out: where marks hang (see _marks_hang), an indented first line may be as wide as a full line with
    the mark it ends in."""
    if ln.hanging and ln.text[-1] in CLOSING_MARKS:
        ln = ln._replace(width=ln.width - display_width(ln.text[-1]))
    return is_full(ln, nxt=nxt) and ln.width <= ln.column + PROPORTIONAL_TOLERANCE


def _may_open_paragraph(ln: Line) -> bool:
    """As wide as an indented first line, its quotes measured as the page's (see _glyph_widths) or a
    unit wider each: the page's quote width is read from its lines, and a page with few may be misread.
    A unit is no fit: it is what a quote misread as half an em (1) lacks of a full one (2), the two
    widths _glyph_widths chooses between.  (A page that measured its quotes a full em is allowed a
    unit more than either width: the allowance was not measured on the pages.)"""
    return is_indented(ln) or is_indented(ln._replace(width=ln.width + sum(map(ln.text.count, QUOTES))))


def _open_parenthesis(text: str) -> bool:
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def _bylines(texts: list[str], bylines: BylineFinder) -> list[tuple[int, str, str] | None]:
    """Each line's byline, looked for only in lines that end with a closing parenthesis."""
    closers, find = bylines.closers, bylines.find
    return [find(t) if t[-1] in closers else None for t in texts]


def _garbled_ends(texts: list[str], ends: list[bool], bylines: BylineFinder) -> list[bool]:
    """Each line's garbled_end, asked only of lines that end no sentence and in a garbled form."""
    forms, ask = bylines.end_forms, bylines.ends_garbled
    return [not e and t[-1] in forms and ask(t) for t, e in zip(texts, ends)]


def _glyph_widths(texts: list[str], widths: list[int]) -> tuple[int, int]:
    """(quote width 1 or 2, space width 0 or 1): what makes lines with them fill the column exactly.

    Some fonts set curly quotes half an em wide; and the spaces extraction
    adds around digit runs sometimes stand for room on the printed line and
    sometimes for none.  Each page is measured: a justified line fills the
    column to the unit, so the width under which more of the lines that have
    the glyph come out exactly as wide as the lines without it wins (a tie
    keeps the usual width).  *widths* are the lines' widths with quotes 2 and
    spaces 1.
    """
    has_quote = [not QUOTES.isdisjoint(t) for t in texts]
    has_space = [" " in t for t in texts]
    plain = [w for w, q, sp in zip(widths, has_quote, has_space) if not (q or sp)]
    if len(plain) < 4:
        return 2, 1
    column = _upper_quartile(plain)
    quoted = [k for k, (q, sp) in enumerate(zip(has_quote, has_space)) if q and not sp]
    spaced = [k for k, sp in enumerate(has_space) if sp]

    def filling(lines: list[int], quote: int, space: int, indent: int = 0) -> int:
        """How many of the *lines*, measured with *quote* and *space*, fill the column, or the
        column less *indent* (a unit short counts: an ASCII character can leave one)."""
        measured = adjust_widths([texts[k] for k in lines], [widths[k] for k in lines], quote, space)
        return sum(1 for w in measured if column - 1 <= w <= column or indent and column - indent - 1 <= w <= column - indent)

    quote = max((2, 1), key=lambda q: filling(quoted, q, 1))
    # Digit runs come a few to a page, so the paragraphs' first lines count as well: a space
    # spoils their indent as it spoils a full line.  (Quoted lines are many; an indent's
    # width would only add chance matches with last lines there.)
    space = max((1, 0), key=lambda sp: filling(spaced, quote, sp, INDENT_MIN))
    return quote, space


# How wide digits, Latin and ASCII marks are set where they are proportional, in display units
# (a CJK character is 2): the advance widths of Noto Serif CJK SC Regular, the typeset pages' body
# font (corpora/typeset/README.md), ×2/em to 0.01, read from the font by corpora/typeset/fit_ascii.py
# (--font).  They replace widths fitted per class (digits, capitals, ...) on seed 21, where capitals
# were too few to tell: fitted 1.05, printed 0.8–2.1 (D 1.54, N 1.59: DNA measured a unit short).
ASCII_WIDTHS = {
    "0": 1.11, "1": 0.94, "2": 1.12, "3": 1.11, "4": 1.11, "5": 1.12, "6": 1.12, "7": 1.1, "8": 1.12, "9": 1.12,
    "%": 1.85,
    "A": 1.44, "B": 1.34, "C": 1.38, "D": 1.54, "E": 1.3, "F": 1.26, "G": 1.48, "H": 1.71, "I": 0.81,
    "J": 0.8, "K": 1.46, "L": 1.25, "M": 1.95, "N": 1.59, "O": 1.53, "P": 1.28, "Q": 1.53, "R": 1.43,
    "S": 1.13, "T": 1.32, "U": 1.59, "V": 1.43, "W": 2.11, "X": 1.4, "Y": 1.37, "Z": 1.21,
    "a": 1.11, "b": 1.28, "c": 1.08, "d": 1.26, "e": 1.09, "f": 0.78, "g": 1.13, "h": 1.33, "i": 0.66,
    "j": 0.62, "k": 1.21, "l": 0.67, "m": 1.95, "n": 1.32, "o": 1.19, "p": 1.28, "q": 1.21, "r": 0.92,
    "s": 0.95, "t": 0.73, "u": 1.31, "v": 1.1, "w": 1.68, "x": 1.13, "y": 1.1, "z": 1.0,
    ".": 0.65, ",": 0.65, ":": 0.65, ";": 0.65, "'": 0.39, "-": 0.69, "/": 0.7,
}  # fmt: skip
# A middle dot (U+00B7, between a foreign name's parts) is counted two units (East Asian width
# ambiguous, taken as wide), but the body font sets it 0.65: its advance width in Noto Serif CJK SC
# Regular, a fact of the font, printed with ASCII_WIDTHS' by corpora/typeset/fit_ascii.py --font.  It
# is measured so only where the page's ASCII is read as set (_proportional: the page's own full lines
# show they were set in the font's widths); pages read one unit to an ASCII character (a model of
# print, corpora/generate_pages.py; the seed page) keep two units.  Counted 2 on the typeset pages,
# lines with one dot that seemed to fill the column exactly were 1.35 short of it (room no character
# fits), lines with two came out 2.7 over, and a paragraph's first line with one and a digit came out
# over its indented measure and was read as no first line (train51 page-031, 31.12 units of 30).
MIDDLE_DOT_WIDTH = 0.65
MIDDLE_DOT_NARROWER = display_width("·") - MIDDLE_DOT_WIDTH  # counted 2 (see above), set MIDDLE_DOT_WIDTH
# Display units a proportional line may come out over the column.  Kept from the class fit the font's widths
# replaced; measured with them (corpora/typeset/fit_ascii.py's rows, train seeds 21-37, pdfium): of 6,140
# lines with ASCII that go on in their gold block, 40 come out 0-1 unit over (justification's squeeze, a
# glyph's side bearing), spread evenly, no gap to set it by; 0.25 reads 20 of them full (0: 0, 0.5: 24).
PROPORTIONAL_TOLERANCE = 0.25


def ascii_extra(text: str, widths: dict[str, float] | None = None) -> float:
    """How much wider than one unit each the ASCII characters of *text* are set, proportionally."""
    widths = ASCII_WIDTHS if widths is None else widths
    return sum(widths[c] - 1 for c in text if c in widths)


def _set_widths(texts: list[str], widths: list[int], extra: list[float]) -> list[float]:
    """*widths* of *texts* (one unit to an ASCII character, two to a middle dot) as set proportionally:
    *extra* (ascii_extra) added, each middle dot MIDDLE_DOT_WIDTH."""
    return [w + e - MIDDLE_DOT_NARROWER * t.count("·") for w, e, t in zip(widths, extra, texts)]


def _measured_width(text: str, proportional: bool, quote: int, space: int) -> float:
    """A piece of a printed line measured as cut_lines measures a line: quotes and spaces at the page's
    widths (*quote*, *space*), and where the page is set *proportional*, its ASCII and middle dots as set.
    The piece's ASCII counts even where the piece has no ideograph: its line, which has, was set so."""
    width = adjust_widths([text], [display_width(text)], quote, space)[0]
    return _set_widths([text], [width], [ascii_extra(text)])[0] if proportional else width


def _ascii_extra(texts: list[str]) -> list[float]:
    return [ascii_extra(t) if not t.isascii() and len(t.encode("ascii", "ignore")) else 0.0 for t in texts]


# How many times more lines must be full only read proportionally than only read one unit to a
# character for a page to be read as set proportionally.  Counted by corpora/typeset/count_proportional.py
# (train batches of seeds 21-57 odd, all four extractors; corpora/pages; the seed page): on the pages
# one unit to a character the ratio is at most 1.25 (synth-007: 4 mono, 5 prop; the seed page 20 to 11);
# on the typeset pages with both kinds of line it is 4 or more on 8 of 10 (the mono lines are titles in
# large type that happen to be as wide as the column: train55 page-003's, opening on a year), 1 and 0.25 on
# the other two.  2 lies between 1.25 and 4.  (It was "no mono line at all": those 8 pages read one unit
# each, their digit runs measured short.)
PROPORTIONAL_MAJORITY = 2


def _proportional(texts: list[str], widths: list[int], extra: list[float]) -> bool:
    """Digits and Latin set proportionally (ASCII_WIDTHS), not one unit each: of the lines that end no
    sentence, with ASCII in them or opening the next line, more than PROPORTIONAL_MAJORITY times as
    many are full read so as are full only when read one unit to a character.

    A line that ends no sentence is mostly a full one: no wider than the
    column (PROPORTIONAL_TOLERANCE over allowed, for the widths' error) and
    short of it by less than what opens the next line and could not be
    parted from it (opening_unit): the criterion corpora/typeset/fit_ascii.py
    checks the widths by.  On the typeset pages of corpora/typeset few lines
    are full only one unit to a character (a title whose large type happens
    to fill the column); on the pages a model of print makes
    (corpora/generate_pages.py, ASCII one unit wide) and on the seed page
    (a real page, its ASCII spaced out by extraction) such lines are as many
    as the others or more, and those pages are read one unit each.
    """
    mono, prop = proportional_evidence(texts, widths, extra)
    return prop > PROPORTIONAL_MAJORITY * mono


def proportional_evidence(texts: list[str], widths: list[int], extra: list[float]) -> tuple[int, int]:
    """(lines full only read one unit to an ASCII character, lines full only read proportionally):
    the evidence _proportional weighs (see there)."""
    plain = [w for w, e in zip(widths, extra) if not e]
    if len(plain) < 4:
        return 0, 0
    column = _upper_quartile(plain)
    mono = prop = 0
    for k in range(len(texts) - 1):
        text, nxt = texts[k], texts[k + 1]
        unit = OPENING_UNIT.match(nxt)
        if text[-1] in SENTENCE_END_LAST or not (extra[k] or unit and ASCII_RUN_START.match(unit.group())):
            continue
        opening = unit.group() if unit else ""
        mono_left = column - widths[k]
        mono_full = 0 <= mono_left < display_width(opening)
        prop_left = mono_left - extra[k]
        prop_full = -PROPORTIONAL_TOLERANCE <= prop_left < display_width(opening) + ascii_extra(opening)
        if mono_full != prop_full:
            mono += mono_full
            prop += prop_full
    return mono, prop


ASCII_RUN_START = regex.compile(r"[“‘（《「『]*[0-9A-Za-z]")


def _marks_hang(texts: list[str], widths: list[float], columns: list[float], proportional: bool = False) -> bool:
    """Closing marks hang past the column edge on this page, as far as it shows.

    Where they hang (a model of print, corpora/generate_pages.py), a full
    line may end in one and be one or two marks (。”) wider than the column.
    Where they do not (WeasyPrint), a mark that does not fit takes the
    character before it down: the line ends with room for that character
    left, not for it and its mark, and the next opens with the character
    and the mark (域、).  Where marks hang, a line ends that short of the
    column only when the character did not fit (the room a unit of ASCII
    left, 1 < 2): a character and its mark after a line with less room than
    the character is no evidence either way (see _pulled_down).  A line
    wider by more than two marks is a title in large type.

    The page hangs them when it shows more lines of the first kind than of
    the second.  A page that shows neither (a short one: nowhere did a mark
    fall at a line end) is read as not hanging them: of the train pages that
    show neither (typeset batches of seeds 21-51 odd, all four extractors,
    and corpora/pages; counted by corpora/typeset/count_hanging.py), the 20
    typeset pages do not hang them and no generated page is among them.
    Read as hanging, such a page's two-line paragraph whose last line ends
    its sentence a character short of the column reads as a bare line and
    an indented first line whose stop hangs: a subhead (train41 page-010).
    *proportional*: the page sets ASCII as printed (see _proportional), so
    the character is measured so.
    """
    over, pulled = hang_evidence(texts, widths, columns, proportional)
    return over > pulled  # a tie (no evidence) reads as not hanging, see above


def hang_evidence(texts: list[str], widths: list[float], columns: list[float], proportional: bool) -> tuple[int, int]:
    """(lines a mark or two over the column, lines that left room for the character the next opens
    with but not for its mark: see _pulled_down): the evidence _marks_hang weighs."""
    over = pulled = 0
    for k, (t, w, c) in enumerate(zip(texts, widths, columns)):
        if t[-1] in CLOSING_MARKS and 1 <= w - c <= 4:  # one or two marks (2 units each) over the column
            over += 1
        elif k + 1 < len(texts) and _pulled_down(texts[k + 1], c - w, proportional):
            pulled += 1
    return over, pulled


def _pulled_down(nxt: str, room: float, proportional: bool) -> bool:
    """*nxt* opens with a character and a closing mark, and the line before it left *room* for the
    character (the widths' error allowed, PROPORTIONAL_TOLERANCE) but not for it and the mark: where
    marks hang the character would have stayed up, its mark hanging."""
    if nxt[1:2] not in CLOSING_MARKS:
        return False
    first = display_width(nxt[0]) + (ascii_extra(nxt[0]) if proportional else 0)
    return first - PROPORTIONAL_TOLERANCE <= room < first + display_width(nxt[1]) - PROPORTIONAL_TOLERANCE


def _estimate_columns(widths: list[int]) -> list[float]:
    """The local column width of each line: the upper quartile of the nearby lines that are not short
    (a width of -1 is a line that does not count).

    Estimated once per stretch of :data:`STRIDE` lines, which all share it:
    the column changes between articles, not between neighbouring lines.
    A column holds whole CJK characters, two units each, so an odd estimate
    (lines whose ASCII left a unit free) is rounded up.

    At the page's top and foot the window is not cut short but kept inside
    the page: as many lines count there as elsewhere.  Cut short at the foot
    it held little but the titles printed together there, whose large type
    wraps at fewer characters than a page of one column holds: they made
    the column (train seed 55 page-016: the titles read as text), and lines
    near the edges were measured against too narrow a column.

    Titles at the foot may be wider than the column, too (a page of two or
    three columns): where they are more than a quarter of the window, they
    make it wider than the page's own column, and the text just above them
    would be measured against their width; _column_above measures it by
    the window above instead.
    """
    if not widths:
        return []
    page = _upper_quartile([w for w in widths[:QUOTE_SAMPLE] if w >= 0] or [0])
    floor = page * 0.6
    kept = [w if w >= floor else -1 for w in widths]  # short lines sort first, and are skipped
    page_column = _even_column(page)
    columns: list[float] = []
    for k in range(0, len(widths), STRIDE):
        lo = max(0, min(k - WINDOW, len(widths) - SPAN))
        column = _window_column(kept, lo, lo + SPAN, page)
        stride = widths[k : k + STRIDE]
        if column > page_column:
            columns.extend(_column_above(kept, k, stride, column))
        else:
            columns.extend(repeat(column, len(stride)))
    return columns


def _column_above(kept: list[int], k: int, stride: list[int], column: float) -> list[float]:
    """The columns of the *stride* of lines at *k*, whose window made the *column* wider than the
    page's: the column of the window that ends with the stride (the lines above it) where a line of
    the stride fills that one, for the lines no wider than it.

    The lines that widened the window are below the stride, then, and wider than any line above:
    the titles printed together at a page's foot in large type, 40-46 units where the column is 26
    (pdfium, pf11c/train161 page-005: the window of the text's last lines was read as 42, a paragraph's
    first line, 22 units, as too short to open one, and so a subhead).  A line of the stride wider than
    the column above is one of those titles, and keeps the window's.  Over the 72 train batch
    directories of the thirteenth session (2,880 pages, every extractor alike) the window outran the
    page's column on 12 pages, all with the titles at the foot; 5 pages read better (f9/train63
    page-013, f11/train95 page-031, pf11/train115 page-007, pf11c/train161 page-005, rd9d/train69
    page-029), none worse."""
    above = max(0, k + len(stride) - SPAN)
    narrower = _window_column(kept, above, above + SPAN, column)
    if narrower < column and any(narrower - FULL_SLACK <= w <= narrower for w in stride):
        return [narrower if w <= narrower else column for w in stride]
    return [column] * len(stride)


def _window_column(kept: list[int], lo: int, hi: int, default: float) -> float:
    """The column the lines *kept[lo:hi]* make: their upper quartile (skipping the short ones, -1),
    rounded up to whole CJK characters; *default* where every line is short."""
    near = sorted(kept[lo:hi])
    short = bisect_right(near, -1)
    n = len(near) - short
    return _even_column(near[short + (3 * (n - 1) + 3) // 4] if n else default)


def _even_column(width: float) -> float:
    """A column holds whole CJK characters, two units each: *width* rounded up to an even number."""
    return float(2 * math.ceil(width / 2))


def _upper_quartile(values: list[int]) -> float:
    """``statistics.quantiles(values, n=4, method="inclusive")[2]``, its formula, without importing
    :mod:`statistics` (which brings in :mod:`fractions` and :mod:`decimal`: a few ms per process)."""
    if len(values) < 4:
        return float(max(values))
    data = sorted(values)
    j, delta = divmod(3 * (len(data) - 1), 4)
    return (data[j] * (4 - delta) + data[j + 1] * delta) / 4


def is_full(ln: Line, first: bool = False, nxt: Line | None = None, exact: bool = False) -> bool:
    """Filled to the column; a paragraph's *first* line is full two characters earlier (its indent).

    A line also ends short when the line after it, *nxt*, opens with a digit
    or Latin run too long for the room left: the run cannot be broken, so it
    went down whole.  Where marks do not hang (see _marks_hang) and ASCII is
    measured as set (see _proportional), lines are measured to the unit:
    with *nxt* known, the line is full exactly when what opens *nxt*
    (opening_unit) did not fit the room left, and FULL_SLACK (a character
    that did not fit, as a hanging mark's line break leaves, or the error of
    a unit to an ASCII character) is not asked.  *exact*: the caller found
    the line measured to the unit though ASCII is not read as proportional
    (textfix.layout._measured_to_the_unit: no ASCII in it nor in *nxt*).
    """
    room = ln.column - (INDENT_MIN if first else 0) - ln.width
    if nxt is not None and (exact or (not ln.hanging and ln.proportional)):
        unit = opening_unit(nxt)
        return room < unit + (PROPORTIONAL_TOLERANCE if not first and _short_by_error(ln, room, unit) else 0)
    return room <= FULL_SLACK or opening_unit(nxt) > room


def _short_by_error(ln: Line, room: float, unit: float) -> bool:
    """*ln*, measured to the unit, may be a full line though it seems to leave room for *unit*: a
    digit or Latin run in it or in the unit (measured as set: a width with a fraction) is measured to
    within PROPORTIONAL_TOLERANCE either way.  Only a line that ends no sentence, as most lines inside
    a paragraph, and too wide for an indented first line (which it would be, as measured, rather than
    a full line measured short: 11日，部分…举行集 | 会， under a subhead).

    Measured by corpora/typeset/fit_ascii.py --short (train seeds 21-63 odd, pdfium): of such lines
    that end their gold block none comes out less than 0.66 short of full (a sentence whose 。 is
    garbled; 0.88 the next); of those that go on in it, 8 come out within the allowance (0.01-0.24:
    7C2216航班，机上载有175 | 名).  Lines that end a sentence are not given it: as many of those
    that end their paragraph come out within it as go on (…10%。 then a new paragraph)."""
    return not ln.ends and not is_indented(ln) and (room % 1 != 0 or unit % 1 != 0)


def run_opening(ln: Line | None) -> float:
    """Display width of the digit or Latin run *ln* opens with (which cannot be broken), with the
    opening mark before it and the closing marks after it (《2022年, 35%，: neither may be
    parted from the run at a line end), 0 if none."""
    run = LEADING_RUN.match(ln.text) if ln is not None else None
    if not run:
        return 0
    width = len(run.group(2)) + 2 * (len(run.group(1)) + len(run.group(3)))
    return width + ascii_extra(run.group(2)) if ln.proportional else width


def opening_unit(ln: Line | None, widths: dict[str, float] | None = None) -> float:
    """Display width of what *ln* opens with that could not be parted at the line end before it:
    opening marks, a digit or Latin run or one character, and the closing marks after it (播）：,
    域、, 35%，); a quotation mark keeps the characters on both sides of it (山”等, 眼”“悟, 次“太:
    UAX 14 breaks on neither side of a quotation mark).  0 for no line.  *widths*: ASCII_WIDTHS to measure with
    (the line's page sets ASCII proportionally, or the fit asks)."""
    if ln is None:
        return 0
    unit = OPENING_UNIT.match(ln.text)
    if not unit:
        return 0
    text = unit.group()
    width = 2 * len(text) - len(text.encode("ascii", "ignore"))
    return width + ascii_extra(text, widths) if (ln.proportional or widths is not None) else width


# A digit run takes the signs set after it that no line opens with (6.3％, 30℃: UAX 14 class PO).
# A quotation mark (UAX 14 class QU, either side, as Pango breaks) keeps what touches it on both
# sides: 眼”“悟, 次“太 and 旅”13 go down whole, with the opening marks after a quote (”（).
# A dash pair is not broken inside (UAX 14 LB17, B2 × B2): ——堪 goes down as ——.  A hyphen keeps
# the character before it (LB21, × HY) and the digits after it (LB25, HY × NU): 约-4℃ goes down whole;
# before a character the hyphen keeps only the one before it (尔- of 埃尔-埃里安: a line broke after 埃,
# the 2 units left too few for 尔-, train73 page-030; pdfium and pdftotext print names broken after it).
# A prefix sign (UAX 14 class PR: + $ ¥ £ € ±) keeps what follows it, a character as a digit (LB23a
# PR × ID, LB25 PR × NU): 数字+ | 人参 goes down as +人.  (Not before a quotation mark, which
# keeps both sides itself: +”行 is measured by the quotation rule.)  An ellipsis (UAX 14 class IN,
# LB22 × IN) keeps the character before it, as a closing mark does: 他说 | 道……好 went down as 道……
# (hand-written; so on gl10/train87 page-038); of the 37 train batches' 1480 pages no line printed by pdfium, pdftotext or
# pdftotext -raw opens with …, 66 have one after a character.
_RUN = r"[0-9A-Za-z][0-9A-Za-z.,%]*[％‰℃]?"
_PREFIX_SIGN = r"[+$¥£€±](?![\s“”‘’])"
OPENING_UNIT = regex.compile(
    rf"[“‘（《「『]*(?:——|(?:{_PREFIX_SIGN})?(?:-?{_RUN}|\S(?:-(?:{_RUN})?)?))(?:[，。、；：？！）》」』…]+|[“”‘’][“‘（《「『]*(?:{_RUN}|[^\s“”‘’（《「『])?)*"
)
LEADING_RUN = regex.compile(r"([“‘（《「『]?)([0-9A-Za-z][0-9A-Za-z.,%]*)([，。、；：？！”’）》」』]*)")


def is_wide(ln: Line) -> bool:
    """Wider than the column: a title set across the page in large type, never a column's line."""
    return ln.width > ln.column + FULL_SLACK


def is_indented(ln: Line) -> bool:
    return ln.column - INDENT_MAX <= ln.width <= ln.column - INDENT_MIN


def ends_sentence(text: str) -> bool:
    return TERMINAL_END.search(text, len(text) - 4) is not None  # a match is at most 3 characters and a newline


# Parenthesised credits that are not an article's byline: a photo's (…摄, 资料图片, 新华社发)
# or an agency's.  Read as bylines, they would end an article in the middle.
NOT_A_BYLINE = regex.compile(r"摄$|社发$|图片|供图|新华社|中新社|本报")


class BylineFinder:
    """Bylines: a parenthesised name (with an optional 记者 label) ending an article.

    Parentheses may be full width, ASCII, or still garbled in a way the model
    knows (渊韩 鑫冤), so the garbled forms come from the model, not from here;
    so may the sentence end before the byline (*end_forms*: 边境遥（记者 胡波）,
    遥 for 。, which the repair reads against what follows the line, maybe the
    titles at the page foot).
    """

    def __init__(self, open_forms: str = "", close_forms: str = "", end_forms: str = "",
                 mark_forms: tuple[tuple[str, str], ...] = ()) -> None:
        opens = re.escape("（(" + open_forms)
        closes = re.escape("）)" + close_forms)
        ends = re.escape("。！？!?”’…」』" + end_forms)
        name = NAME
        self.closers = frozenset("）)" + close_forms)
        # Each garbled parenthesis as the mark it stands for (渊 → （, 冤 → ）): text read for its shape only,
        # where a news lead's parenthesis is garbled (央视网消息渊新闻联播冤院: NEWS_LEAD's source, then its 渊).
        self.parentheses = str.maketrans({**dict.fromkeys(open_forms, "（"), **dict.fromkeys(close_forms, "）")})
        self.garbled_lead = regex.compile(rf"{NEWS_SOURCE}[{re.escape(open_forms)}]") if open_forms else None
        # (mark, its garbled forms) for the marks a sentence ends with (遥 for 。, 冶 for ”): a line
        # ending in them may end a paragraph the repair has not yet read as ended (see ends_garbled).
        self.unmask = str.maketrans({form: mark for mark, forms in mark_forms for form in forms})
        self.end_forms = frozenset(form for _, forms in mark_forms for form in forms)
        # A byline opens its line or follows a sentence's end; one labelled 记者 or 通讯员 may follow
        # anything but a dateline (its last character, 电), whose credit is the lead's (…日电（记者 张伟）): a name list ends on no
        # sentence end (train2907 page-016: ``…施金通（苗族） 王成（记者 陈静 杨帆）``, read on into the next
        # article's title and text).
        self.pattern = regex.compile(
            rf"(?:^|(?<=[{ends}])|(?<!{DATELINE[-1]})(?=[{opens}][ \u3000]*{LABEL}))"
            rf"[ \u3000]*([{opens}][ \u3000]*{LABEL}?[ \u3000]*({name})[ \u3000]*[{closes}])$"
        )
        # 本报记者 张伟 on a line of its own under the title: the label is required (a bare name
        # on a line would be any short line), the names are set apart by spaces.
        self.lead_pattern = regex.compile(rf"{LEAD_LABEL}[ \u3000]+({NAME})")
        # 新华社北京5月3日电（记者 张伟）opening the first paragraph: the credit sits between the
        # dateline, which stays in the paragraph, and the text.
        self.dateline_start = regex.compile(rf"{DATELINE}(?:[{opens}]|$)")  # the credit may go down whole
        self.dateline_pattern = regex.compile(
            rf"({DATELINE})([{opens}][ \u3000]*{LABEL}?[ \u3000]*({name})[ \u3000]*[{closes}])"
        )

    def find(self, text: str) -> tuple[int, str, str] | None:
        """(start of the byline in *text*, byline as printed, the bare name) or ``None``."""
        if text[-1:] not in self.closers:
            return None
        m = self.pattern.search(text)
        if not m or len(re.sub(r"\s", "", m.group(2))) < 2:
            return None
        bare = re.sub(r"[\s\u3000]", "", m.group(2))
        if NOT_A_BYLINE.search(bare):
            return None
        return m.start(1), m.group(1), bare

    def ends_garbled(self, text: str) -> bool:
        """*text* ends a sentence once the garbled forms among its last characters are read as their
        marks (…张晋藩遥 as …张晋藩。, 用浴冶 as 用！”), and not as printed.  The forms are real
        characters too (遥远): only the layout can tell whether the line ends its paragraph."""
        tail = text[-3:]  # a sentence end is at most two marks, and the character before them
        read = tail.translate(self.unmask)
        return read != tail and ends_sentence(read)

    def opens_dateline(self, text: str) -> bool:
        """*text* opens with a dateline and the parenthesis of its credit, or is the dateline alone:
        a paragraph's first line."""
        return self.dateline_start.match(text) is not None

    def find_lead(self, text: str) -> str | None:
        """The names of a byline line under a title (``本报记者 张伟 李娜``), space-free, or ``None``."""
        m = self.lead_pattern.fullmatch(text)
        return _bare_name(m.group(1)) if m else None

    def find_dateline(self, text: str) -> tuple[int, int, str] | None:
        """(start, end of the credit in *text*, the bare name) when *text* opens with a dateline and its
        credit (``新华社北京5月3日电（记者 张伟）``), else ``None``."""
        m = self.dateline_pattern.match(text)
        if not m:
            return None
        bare = _bare_name(m.group(3))
        if len(bare) < 2 or NOT_A_BYLINE.search(bare):
            return None
        return m.start(2), m.end(2), bare


def byline_finder(model: NoiseModel) -> BylineFinder:
    """Parentheses and sentence ends the repair may have left garbled, as the model knows them."""
    marks = tuple((mark, model.forms_of(mark)) for mark in ENDING_MARKS)
    return _finder(model.forms_of("（("), model.forms_of("）)"), model.forms_of(SENTENCE_ENDS), marks)


@lru_cache(maxsize=16)
def _finder(opens: str, closes: str, ends: str, marks: tuple[tuple[str, str], ...]) -> BylineFinder:
    return BylineFinder(opens, closes, ends, marks)


def _bare_name(name: str) -> str:
    return re.sub(r"[\s\u3000]", "", name)


# A byline's label: 记者, 通讯员, or the paper's own (本报记者).  NOT_A_BYLINE is asked of the
# name only, so 本报 is allowed here, in the label.
LABEL = r"(?:本报)?(?:记者|通讯员)"
LABELLED = regex.compile(LABEL)  # a byline that names its reporter as one (（记者 王明）), not a bare name
LEAD_LABEL = r"本报(?:记者|通讯员)"
# An agency's or the paper's dateline: 新华社北京5月3日电, 本报上海12月1日电 (a place of 1–12
# characters, then the date).
DATELINE = r"(?:新华社|本报|中新社)[\u4e00-\u9fff]{1,12}?\d{1,2}月\d{1,2}日电"
NAME_CHARS = 4  # characters of one name at most: a compound surname and a two-character given name (欧阳婧 is 3)
NAME = rf"[\u4e00-\u9fff·]{{1,{NAME_CHARS}}}(?:[ \u3000]*[\u4e00-\u9fff·]{{1,{NAME_CHARS}}}){{0,4}}"  # names, maybe set apart
LEAD_LINE = regex.compile(rf"{LEAD_LABEL}[ \u3000]+{NAME}$")  # a byline line under a title (BylineFinder.find_lead)
DATELINE_LINE = regex.compile(rf"{DATELINE}(?:[（(]|$)")  # a line that opens a dated paragraph
CREDITED_DATELINE = regex.compile(rf"{DATELINE}[（(]")  # its writers credited after it: 新华社沈阳3月12日电（记者 孙悦）
# What a news item opens with, naming where it comes from: a dateline (新华社北京5月3日电), or
# a source's "news" (央视网消息（新闻联播）：, 新华社消息，, 本报讯（记者 张伟）).  Only an
# article's lead opens so: the paragraph that does starts an article.
SOURCE_NAME = r"[\u4e00-\u9fff]{1,6}"  # 央视, 新华 (a longer name read by its last six: 海军学会新闻网消息)
NEWS_SOURCE = rf"(?!据){SOURCE_NAME}(?:网|社|台|报|新闻)消息"  # not 据新华社消息，: a report quoted within an article
# A line that ends on 据 and maybe the start of a source's name: a report quoted within a sentence goes on
# into the next line, which reads as a lead alone (…据美国海 / 军学会新闻网消息，…).
QUOTED_SOURCE_TAIL = regex.compile(rf"据(?:{SOURCE_NAME})?$")
NEWS_LEAD = regex.compile(rf"{DATELINE}|本报讯|{NEWS_SOURCE}(?:[（(][^（）()]{{1,24}}[）)]|[ \u3000]*[：:，,])")


# The same at the start of a printed line, which may end inside the source's parenthesis
# (央视网消息（新闻联 | 播）：…).
NEWS_LEAD_LINE = regex.compile(rf"(?:{NEWS_LEAD.pattern})|{NEWS_SOURCE}[（(][^（）()]*$")


def line_opens_lead(text: str) -> bool:
    """A printed line that opens with an article's lead (see opens_lead), maybe cut inside its parenthesis."""
    return NEWS_LEAD_LINE.match(text) is not None


def opens_lead(text: str) -> bool:
    """*text* opens with an article's lead (see NEWS_LEAD): a dateline, or a source's news and then a
    parenthesis, a colon or a comma."""
    return NEWS_LEAD.match(text) is not None


# Two phrases set apart by a space ("以旧换新政策落地 家电汽车消费回暖"): a title's usual shape.
TWO_PHRASES = regex.compile(r"[\u4e00-\u9fff”] +[\u4e00-\u9fff“]")


def two_phrases(text: str) -> bool:
    """A space between two phrases outside quotation marks and brackets: a slogan in quotes may
    have one, and so may a title prose cites (题为《勠力同心 携手同行》的讲话)."""
    return any(not leaves_open(text[: m.start() + 1]) for m in TWO_PHRASES.finditer(text))
