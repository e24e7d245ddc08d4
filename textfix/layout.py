"""Reading the print layout: lines → header, paragraphs, subheads, bylines, titles.

A print page loses its layout in extraction.  What survives is line length:
lines are filled to the column width (in display units, CJK and full-width
marks 2, ASCII 1), a paragraph's first line is about two characters shorter
(its indent was lost), and its last line is short.  Line separators (``\\n``
or ``\\n\\n``) mean nothing.  The column width differs between pages and even
between articles of one page, so it is estimated around each line (lines are
cut and measured in :mod:`textfix.lines`).

A paragraph starts after a line that ends a sentence (。！？” … ——) when that
line is short or the new line is indented; a full line ending in 。 followed
by a full line continues the paragraph.  Subheads are short lines without
sentence punctuation between paragraphs, followed by an indented line; a run
of two or three is a kicker and a main subhead.  Bylines are a parenthesised
name at the end of an article.  Titles may carry commas, colons and a final
question mark, but no full stop: such lines after the last article are the
titles printed together at the foot of the page, and where titles are printed
before their articles, the line that opens the page or follows a byline is
one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate

from . import regex
from .collector import no_cycle_collection
from .charclasses import CLOSING_QUOTES, EXTRACTOR_HYPHEN, OPENING_QUOTES, leaves_open
from .measure import display_width
from .lines import (
    LABELLED,
    PROPORTIONAL_TOLERANCE,
    CLAUSE_MARKS,
    FULL_STOPS,
    SENTENCE_MARKS,
    DATELINE_LINE,
    LEAD_LINE,
    NEWS_LEAD,
    CLOSING_MARKS,
    SPACE_WIDTH,
    FULL_SLACK,
    QUOTES,
    INDENT_MAX,
    INDENT_MIN,
    BylineFinder,
    Line,
    cut_lines,
    ends_clause,
    is_full,
    is_indented,
    is_wide,
    line_opens_lead,
    opens_lead,
    ascii_extra,
    opening_unit,
    run_opening,
    two_phrases,
)

# " 6 产经 Industries", "第6版 要闻", "A06 经济": a page number (a section letter before it in some
# papers), then the section's name, maybe in English too.
HEADER = regex.compile(r"^\s*(?:第\s*)?([A-Z]?\d{1,3})\s*(?:版\s*)?([\u4e00-\u9fff]{2,6})\s*([A-Za-z][A-Za-z &'\-]*?)?\s*$")
# The same with the page number last ("产经 Industries 1"): the sections floated right of the
# number are drawn first.  The English name is required: a Chinese line ending in a number is text.
HEADER_NUMBER_LAST = regex.compile(r"^\s*([\u4e00-\u9fff]{2,6})\s*([A-Za-z][A-Za-z &'\-]*?)\s+([A-Z]?\d{1,3})\s*$")
SECTIONS = regex.compile(r"^\s*([\u4e00-\u9fff]{2,6})\s*([A-Za-z][A-Za-z &'\-]*?)\s*$")
PAGE_NUMBER = regex.compile(r"^[A-Z]?\d{1,3}$")
UNBREAKABLE_START = frozenset("“‘（《「『")
MAX_HEADING_LINES = 3
# A list item's number (1.十四届…, 2、, （3）, 四、, （五）): an item's paragraph may end without a sentence mark.
# Numbers up to 99 either way (two digits; 九十九 is three numerals): a bound chosen by hand, not
# fitted.  Measured (corpora/typeset/count_list_items.py): the gold paragraphs of the 15 train batches
# (seeds 21, 23, 25, 29-51 odd) open with items numbered 1-10 (10: train33 page-014) and one-numeral
# Chinese ones; the longer numbers before a point there are decimals (two digits: train31 page-025,
# which the pattern takes for an item; three: train25 page-007).
LIST_ITEM = regex.compile(r"(?:(\d{1,2})[.．、]|[（(](\d{1,2})[)）]|([一二三四五六七八九十]{1,3})、|[（(]([一二三四五六七八九十]{1,3})[)）])")
CHINESE_DIGITS = "一二三四五六七八九"
# A title wraps over up to 8 lines: the page model shrinks a title to fit the page width but not
# below 1.25 em (corpora/typeset/README.md, "The page model"), and the longest title of the five
# realdev-train batches (seeds 21–31, 575 titles) has 82 characters: ⌈82 × 1.25 / 13⌉ = 8 lines
# on the narrowest page (13 characters).
MAX_TITLE_LINES = 8
# A letter's or notice's date under its signature: the year, month and day in full, in Arabic digits,
# alone on its line (GB/T 9704-2012, 7.3.5.1: 成文日期用阿拉伯数字将年、月、日标全).
SIGNED_DATE = regex.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
# Spaces (runs of them) a subhead sets between its phrases: one at most.  Measured on the gold of the
# 72 train batch directories of the thirteenth session (21-95 odd but 27, 105-169, 171-185, 201, 203):
# 0 of 1,375 headings under 40 characters have two or more, against 20 short paragraphs (a row of
# names or senders set apart, 中共中央　国务院　中央军委; numbered list items).
MAX_HEADING_SPACES = 1
SPACE_RUN = regex.compile(r"[ \u3000]+")
SUBHEAD_MARGIN = 6  # display units a subhead keeps off the column edges before it wraps


@dataclass
class Item:
    """A layout element in page order: header, paragraph, heading, byline or titles."""

    kind: str
    text: str
    start: int
    end: int
    lines: list[Line] = field(default_factory=list)
    name: str = ""  # a byline's name


def heading_like(ln: Line) -> bool:
    """Short, and no sentence punctuation anywhere but colons (see _subhead_shaped): a subhead or
    title candidate (not a dateline: 新华社北京2月13日电（记者 韩 has no sentence mark either; nor
    本报记者 张伟 under a title)."""
    return (
        _subhead_shaped(ln)
        and ln.width <= ln.column - INDENT_MIN
        and not _signed(ln)
    )


def _credit_line(ln: Line) -> bool:
    """A dateline opening a paragraph, or a byline line under a title: neither title nor subhead."""
    return DATELINE_LINE.match(ln.text) is not None or LEAD_LINE.match(ln.text) is not None


def _signed(ln: Line) -> bool:
    """*ln* has a byline or is a credit line (see _credit_line): no title's or subhead's line."""
    return ln.byline is not None or _credit_line(ln)


def _is_title(lines: list[Line], k: int, article_start: bool, titles_at_foot: bool) -> bool:
    """A title line: set in large type, it does not keep to the column.

    It is wider than the column, or too long for a subhead and in two
    phrases (see :func:`two_phrases`); or, where an article starts, any
    headline (see :mod:`textfix.lines`) the next line does not continue; or,
    mid-page, a headline too long to be a subhead that is followed by a
    paragraph's indented first line (a paragraph's last line always ends a
    sentence, so a full line that ends none cannot be one).

    A line filled to the column and wrapped as a subhead is one within an article, and at an
    article's start too where the page prints its titles at the foot: no line above the foot is
    a title's there, and a deck's line set so is in body size (a deck's full line and its short rest
    after a byline, read as a one-line title and a subhead: train75 page-027).
    """
    ln = lines[k]
    if not ln.headline or ln.byline is not None:
        return False
    if is_wide(ln):
        return True
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    if nxt is None or not _past_indent(ln):
        return False  # short lines are read as subheads (split promotes an article's first one)
    if (not article_start or titles_at_foot) and _subhead_shaped(ln) and (_wrapped_subhead(lines, k) or _full_subhead(lines, k)):
        return False  # body size, filled to the column: a subhead within the article
    if two_phrases(ln.text):
        return True  # too long for a subhead, and prose never sets two phrases apart with a space
    if article_start:
        return not _continued(lines, k)
    after = lines[k + 2] if k + 2 < len(lines) else None
    return _looks_first(nxt, after) and not _maybe_cut_short(nxt, after) and not nxt.ends and nxt.byline is None


def _title_line(ln: Line, last: bool) -> bool:
    """Punctuated as a title's line may be: no sentence end, and a headline if it is the *last*
    line; a line but the last may end a clause (教授署名文章《勤学习，) or on the dash that joins a
    title to what it announces (【乡村新面貌——, see TITLE_WRAP_ENDS).  No byline or credit."""
    if _signed(ln):
        return False
    if not last and _title_wrap_end(ln.text):
        return True
    return not ln.ends and (ln.headline or not last and ends_clause(ln.text))  # (neither has a full stop)


def _colon_headline(ln: Line) -> bool:
    """A headline whose only sentence marks are colons (读者：夜间阅读让下班后的时光更充实): a
    sub-story's headline is punctuated so as often as it is bare."""
    return ln.headline and not ln.ends and not ln.bare and set(SENTENCE_MARKS.findall(ln.text)) <= COLONS


COLONS = frozenset("：:")


def _subhead_shaped(ln: Line) -> bool:
    """Bare, or a headline with colons only (see _colon_headline)."""
    return ln.bare or _colon_headline(ln)


def _full_subhead(lines: list[Line], k: int) -> int:
    """A bare line longer than a short one (as short as an indented line, INDENT_MIN, which _is_title
    reads as a subhead) and no wider than the column, then a paragraph's indented first line.

    A title is set in large type across the page: its lines are wider than
    the column or, on a page of one column, shorter (1.25 em and more a
    character); a subhead is set in body size and may fill the column, or
    stop anywhere short of it (not justified).  It was "filled to FULL_SLACK":
    a subhead 2-4 units short of the column was then neither, and its two
    phrases made it a title (train61 page-031's subhead (two phrases),
    3.8 short of 44).  On the 21 train batches (seeds 21-63 odd)
    and all four extractors that page is the only one the range changes.
    """
    ln = lines[k]
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    after = lines[k + 2] if k + 2 < len(lines) else None
    if not _subhead_shaped(ln) or nxt is None or not (ln.column - INDENT_MIN < ln.width <= ln.column) or nxt.byline is not None or nxt.ends:
        return 0
    return 1 if _looks_first(nxt, after) and not _maybe_cut_short(nxt, after) else 0


def _maybe_cut_short(ln: Line, nxt: Line | None) -> bool:
    """*ln* may be a full line of a paragraph that what opens *nxt* did not fit: a digit or Latin
    run, with the space before it, or anything that could not be parted from the line start (see
    is_full: a line with a quote closed and one opened, ending on an open quote and two
    characters of it, stopped an indent's width short)."""
    run = run_opening(nxt)
    return run > 0 and run + 1 >= ln.column - ln.width or nxt is not None and is_full(ln, False, nxt)


def _looks_first(ln: Line, nxt: Line | None) -> bool:
    """As short as a paragraph's indented first line, or as one whose closing mark hangs; or opening
    with a news lead (央视网消息（新闻联播）：…), which only a paragraph's first line does; or full as
    a first line only: what opens *nxt* and cannot be parted from it (示，, 2013) did not fit the
    room an indented line left, and would have fitted a line of the paragraph."""
    return (
        is_indented(ln)
        or _indented_with_hanging_mark(ln, nxt)
        or line_opens_lead(ln.text)
        or nxt is not None and ln.width <= ln.column - INDENT_MIN and is_full(ln, True, nxt) and not is_full(ln, False, nxt)
    )


def _continued(lines: list[Line], k: int) -> bool:
    """Line *k* runs on into the next: that one is full, as what opens the line after it tells
    (not the indented first line of a lead, nor a line that opens with a news lead, see
    textfix.lines.line_opens_lead)."""
    nxt = lines[k + 1] if k + 1 < len(lines) else None
    after = lines[k + 2] if k + 2 < len(lines) else None
    return nxt is not None and is_full(nxt, nxt=after) and not _indented_with_hanging_mark(nxt) and not line_opens_lead(nxt.text)


def _indented_with_hanging_mark(ln: Line, nxt: Line | None = None) -> bool:
    """An indented first line whose closing mark hangs past the column edge (kinsoku).

    A full line also ends that short when what follows could not be broken
    or could not open a line (a digit or Latin run, an opening mark); then
    the gap says nothing about an indent.  Two marks may hang (。”) on a
    line that opens a quotation: a paragraph opening with a quote is common,
    a quote that fills a line of a paragraph exactly is not.
    """
    if not ln.hanging:
        return False  # the page does not hang marks (textfix.lines._marks_hang)
    if nxt is not None and nxt.text[:1] in UNBREAKABLE_START or (nxt is not None and nxt.text[:1].isascii()):
        return False
    if ln.text[-1:] not in CLOSING_MARKS:
        return False
    inside = [ln.width - 2]  # the line's width without what hangs
    if ln.text[:1] in UNBREAKABLE_START and ln.text[-2:-1] in CLOSING_MARKS:
        inside.append(ln.width - 4)
    return any(ln.column - INDENT_MAX <= width <= ln.column - INDENT_MIN for width in inside)


def parse_header(ln: Line) -> dict[str, str] | None:
    m = HEADER.match(ln.text)
    if not m:
        if m := HEADER_NUMBER_LAST.match(ln.text):  # the sections floated right come first in the stream
            return {"page": m.group(3), "section": m.group(1), "section_en": m.group(2)}
        return None
    return {"page": m.group(1), "section": m.group(2), "section_en": m.group(3) or ""}


def _split_header(lines: list[Line]) -> tuple[dict[str, str], int] | None:
    """The page header and how many lines it takes: one, or two when the sections (floated right)
    come out on a line before the page number (``健康 Health`` / ``12``: pdftotext -raw) or after
    it (``11`` / ``社会 Society``: pdftotext's blocks)."""
    if not lines:
        return None
    if (header := parse_header(lines[0])) is not None:
        return header, 1
    if len(lines) > 1 and (m := SECTIONS.match(lines[0].text)) and PAGE_NUMBER.match(lines[1].text):
        return {"page": lines[1].text, "section": m.group(1), "section_en": m.group(2)}, 2
    if len(lines) > 1 and PAGE_NUMBER.match(lines[0].text) and (m := SECTIONS.match(lines[1].text)):
        return {"page": lines[0].text, "section": m.group(1), "section_en": m.group(2)}, 2  # pdftotext: 11 / 社会 Society
    return None


def read_layout(text: str, bylines: BylineFinder | None = None, printed: str | None = None) -> list[Item]:
    """The layout items of a page (repaired *text*, as *printed* before repair), in order."""
    with no_cycle_collection():
        return _read_layout(text, bylines or BylineFinder(), printed)


def _read_layout(text: str, bylines: BylineFinder, printed: str | None) -> list[Item]:
    lines = cut_lines(text, printed, bylines)
    items: list[Item] = []
    parted = None
    if (found := _split_header(lines)) is not None:
        header, n = found
        head = lines[:n]
        items.append(Item("header", text[head[0].start : head[-1].end], head[0].start, head[-1].end, head, name=_header_key(header)))
        lines = lines[n:]
    elif (parted := _parted_header(lines, text)) is not None:
        header, j = parted
        key = _header_key(header)
        items.append(Item("header", lines[0].text, lines[0].start, lines[0].end, [lines[0]], name=key))
        sections = Item("header", lines[j].text, lines[j].start, lines[j].end, [lines[j]], name=key)
        lines = lines[1:j] + lines[j + 1 :]
    tail = _title_block(lines, bylines, text)
    body, titles = lines[: len(lines) - tail], lines[len(lines) - tail :]
    body_items = _BodyReader(body, titles_at_foot=bool(titles), bylines=bylines, text=text, foot_titles=_foot_title_texts(titles)).read()
    items.extend(body_items if titles else _join_wrapped_titles(_title_tails(_body_size_titles(body_items)), text))
    for ln in titles:
        # A blank line before it (pdftotext's and pdfminer's block boundary) is kept in the name:
        # a wrapped title's lines are one block, so none goes on across one.
        items.append(Item("foot_title", ln.text, ln.start, ln.end, [ln], name=BLOCK_START if _after_blank(text, ln.start) else ""))
    if parted is not None and found is None:
        items.insert(bisect_left([it.start for it in items], sections.start), sections)  # in page order
    return _indented_last_lines(_one_line_ends(items, bylines), bylines, text)


PARTED_HEADER_REACH = 3  # lines after the page number the floated sections may come at (a title, wrapped)


def _parted_header(lines: list[Line], text: str = "") -> tuple[dict[str, str], int] | None:
    """The page number alone on the first line and the sections floated right of it a few lines on
    (``4`` / a title / ``产经 Industries``: pdfminer puts its text boxes in its own order), or
    anywhere further opening a text block (a blank line before them: pdfminer's box of their own,
    pdftotext's block, which may run on into the column's text)."""
    if len(lines) < 3 or not PAGE_NUMBER.match(lines[0].text):
        return None
    for j in range(2, len(lines)):
        if (m := SECTIONS.match(lines[j].text)) and (j < PARTED_HEADER_REACH + 2 or _own_block(text, lines, j)):
            return {"page": lines[0].text, "section": m.group(1), "section_en": m.group(2)}, j
    return None


def _own_block(text: str, lines: list[Line], j: int) -> bool:
    """Line *j* opens a text block: a blank line before it."""
    return bool(text) and _after_blank(text, lines[j].start)


BLOCK_START = "block"


def _after_blank(text: str, start: int) -> bool:
    """A blank line right before the line at *start*: the extractor's text blocks end there.

    Walked back from *start* (a search anchored at *start* would scan the page from its top).
    """
    k = start
    for _ in range(2):  # the line break before the line, then the one ending the blank line
        while k > 0 and text[k - 1] in " \t\u3000":
            k -= 1
        if k == 0 or text[k - 1] != "\n":
            return False
        k -= 1
    return True


# A wrapped title's lines but the last are as wide as the title measure, less what line breaking
# leaves: at most 2 display units short of the page's widest title line on the training pages
# (corpora/typeset/fit_titles.py, realdev-train seed 11, pdfium and pdftotext -raw); a title's
# last line is 0–52 short: within 2 for 6 of 78 wrapped titles and 10 of 34 one-line titles.
# Widths without spaces (title_width).
TITLE_WRAP_SLACK = 2
# A space between a title's phrases is set in the bold's space, a quarter em (Noto Serif CJK Bold,
# the typeset pages' title font: 250 of 1000 units), half a display unit, which title_width leaves
# out.  Counted for a foot title line's own spaces, a line that ends 3 short of the widest with 2–3
# spaces goes on as it should (4 of 1356 continued lines of the train batches, seeds 21–51), and no
# title's last line (of 1642) newly does (python corpora/typeset/fit_titles.py DIR…: "with its spaces").
TITLE_SPACE = 0.5


# A column's rubric 【…】 stands at its headline's start, never inside it: of 7,872 gold titles of 66
# train batches (seeds 21–177 odd but 27, as of the twelfth session), 1,570 hold 【 and every one at
# its start (python corpora/typeset/count_rubrics.py DIR...).
RUBRIC_OPEN = "【"


def opens_rubric(ln: Line) -> bool:
    """The line opens with a rubric bracket: it opens a title of its own, however full the line
    before it (RUBRIC_OPEN)."""
    return ln.text.lstrip().startswith(RUBRIC_OPEN)


def title_goes_on_into(item: Item) -> bool:
    """A title line at the page's foot may go on into *item*, the foot line after it: not where *item*
    opens an extractor's block (a blank line before it) nor a rubric (:func:`opens_rubric`)."""
    return item.name != BLOCK_START and not opens_rubric(item.lines[0])


def title_width(ln: Line) -> int:
    """A title line's display width without its spaces: a space between a title's phrases is
    set a fraction of a character wide, where the body's spaces (around digits) are not."""
    return display_width(ln.text.replace(" ", ""))


def _join_wrapped_titles(items: list[Item], text: str = "") -> list[Item]:
    """A title printed before its article over two or three lines is one title.

    Large type wraps at the title measure, not the column: a title line as
    wide as the widest title line of the page (the measure, as near as the
    page tells it) goes on in the next line, which was read as another title
    or as a subhead; so does a title line that leaves a bracket or quote open.  The next line is no wider than the measure, and no
    blank line (an extractor's block boundary) comes between them.
    """
    measure = max((title_width(ln) for item in items if item.kind == "title" for ln in item.lines), default=0)
    out: list[Item] = []
    for item in items:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "title"
            and item.kind in ("title", "heading")
            and (measure - title_width(prev.lines[-1]) <= TITLE_WRAP_SLACK or leaves_open(prev.text))
            and title_width(item.lines[0]) <= measure
            and not _after_blank(text, item.start)
        ):
            out[-1] = Item("title", prev.text + item.text, prev.start, item.end, prev.lines + item.lines)
        else:
            out.append(item)
    return out


def _body_size_titles(items: list[Item]) -> list[Item]:
    """A "title" after a paragraph with a line wider than the page's title measure is a sub-story's
    headline set in body size (山区果园橙子挂满了枝头 果农忙着采摘装箱 filling a column of 20 where
    the wrapped titles' lines hold 15 characters): a title's lines are never wider than the measure
    it wraps at, a body-size line is as wide as the column.  The measure is known only from a title
    that wrapped (its lines but the last are at it, see TITLE_WRAP_SLACK) and was read whole (over a
    lead, see _BodyReader._led_title); on a page of several columns it is wider than the column, and
    no line within the column exceeds it.  Asked before the titles' lines are joined by their width,
    which such a line, taken for the widest title line, would throw off."""
    measure = max((title_width(ln) for item in items if item.kind == "title" for ln in item.lines[:-1]), default=None)
    if measure is None:
        return items
    out: list[Item] = []
    for item in items:
        if (
            item.kind == "title"
            and out and out[-1].kind == "paragraph"
            and max(title_width(ln) for ln in item.lines) > measure + TITLE_WRAP_SLACK
            and all(ln.width <= ln.column for ln in item.lines)
        ):
            item = Item("heading", item.text, item.start, item.end, item.lines, name=BODY_SIZE)
        out.append(item)
    return out


def _title_tails(items: list[Item]) -> list[Item]:
    """A title wrapped over more lines than a heading run takes: its last lines, read as the start of
    the paragraph after it, go back to it.

    Those lines are at the title's measure (as wide as its widest line, within
    TITLE_WRAP_SLACK, spaces left out), punctuated as a title may be (a line
    but the last may end a clause: 【记者手记】春耕一线：), and the last of
    them is short without ending a sentence (nor cut short by a digit run):
    no paragraph's line is, so the paragraph starts after it, at a line that
    can open one.  Only after a title or a heading not set in body size.
    """
    page_measure = max((title_width(ln) for item in items if item.kind == "title" for ln in item.lines), default=0)
    out: list[Item] = []
    for item in items:
        prev = out[-1] if out else None
        cut = _title_tail(prev, item, page_measure) if prev is not None and item.kind == "paragraph" else 0
        if not cut:
            out.append(item)
            continue
        tail, rest = item.lines[:cut], item.lines[cut:]
        out[-1] = _joined(prev.kind, prev.lines + tail)
        out.append(_joined("paragraph", rest))
    return out


def _title_tail(prev: Item, para: Item, page_measure: int = 0) -> int:
    """How many of *para*'s first lines finish the title or heading *prev* (0 if none).

    A title of one line goes on only when it is as wide as the page's widest
    title line (*page_measure*): a heading of one line never does.  Nor does one
    go on into a paragraph that opens with a news lead (央视网消息（新闻联播）：10日下,
    short of the column by its proportional digits): that is the article's text.
    """
    if prev.kind not in ("title", "heading") or prev.name == BODY_SIZE or line_opens_lead(para.lines[0].text):
        return 0
    if len(prev.lines) < 2 and (prev.kind != "title" or page_measure - title_width(prev.lines[0]) > TITLE_WRAP_SLACK):
        return 0
    measure = max(title_width(ln) for ln in prev.lines)
    if measure - title_width(prev.lines[-1]) > TITLE_WRAP_SLACK:
        return 0  # the title ended on a short line
    lines = para.lines
    for i, ln in enumerate(lines[:-1]):
        if FULL_STOPS.search(ln.text) or _signed(ln):
            return 0
        width, nxt = title_width(ln), lines[i + 1]
        if width > measure + TITLE_WRAP_SLACK:
            return 0
        if ln.headline and not ln.ends and not _full_before(ln, i == 0, nxt) and (_could_open_paragraph(nxt) or _credit_line(nxt)):
            return i + 1  # short, no sentence end: the title's last line
        if width < measure - TITLE_WRAP_SLACK:
            return 0  # only a title's last line is short of its measure
    return 0


def _full_before(ln: Line, first: bool, nxt: Line) -> bool:
    """Full (see is_full, FULL_SLACK allowed: a line in question may be a title's, set in large
    type, which the column does not measure), or ended short of what *nxt* opens with that cannot
    be split: a character and the closing marks after it (播）：), which go down together where
    marks do not hang."""
    room = ln.column - (INDENT_MIN if first else 0) - ln.width
    return room <= FULL_SLACK or opening_unit(nxt) > room


def _header_key(header: dict[str, str]) -> str:
    return "\t".join((header["page"], header["section"], header["section_en"]))


def _title_block(lines: list[Line], bylines: BylineFinder | None = None, text: str = "") -> int:
    """How many lines at the page foot are titles: headlines (see textfix.lines) after the last article's end
    (a sentence end, a byline, or a byline broken across the last two lines: ``（记者 韩鑫`` / ``杨帆）``),
    or making up the last of the extractor's text blocks (a blank line before them in *text*: pdftotext
    and pdfminer may move a column's last lines before the block the titles' block follows).

    0 where the page opens with a title (see _opens_with_wide_title): a page sets its titles one way."""
    if _opens_with_wide_title(lines):
        return 0
    n = 0
    block = 0  # the headlines of the last text blocks, when a blank line starts them
    measure = 0  # the widest title line of the run so far: the title measure, as near as the run tells it
    while n < len(lines) and _foot_title_line(lines, len(lines) - 1 - n, n == 0, measure):
        measure = max(measure, title_width(lines[len(lines) - 1 - n]))
        if _wrapped_byline_end(lines, len(lines) - 1 - n, bylines):
            break  # 杨帆） is punctuated as a headline is, but ends the byline begun on the line before
        if _short_garbled_end(lines[len(lines) - 1 - n]):
            break  # 用浴冶 (用！” garbled) is punctuated as a headline is, but ends the last paragraph
        if _ends_run_on_paragraph(lines, len(lines) - 1 - n):
            break  # …在 / 获得的第300枚金牌！ ends a paragraph: the titles are below it
        if signed_date(lines[len(lines) - 1 - n].text):
            break  # a letter's date under its signature ends the article: the titles are below it
        n += 1
        if text and _after_blank(text, lines[len(lines) - n].start):
            block = n  # the furthest block start up the run: a title may be a block of its own
    if n == len(lines) or n == 0:
        return 0
    if text and (start := _below_foot_paragraph(lines, len(lines) - n, text)) is not None:
        n = block = len(lines) - start  # the titles' block under a paragraph's first lines
        if n == 0:
            return 0
    before = lines[len(lines) - 1 - n]
    if not (before.byline or before.ends or signed_date(before.text) or _short_garbled_end(before) or _wrapped_byline_end(lines, len(lines) - 1 - n, bylines)):
        return block if block >= 2 else 0  # titles in a block of their own, after text moved out of order
    # A lone short line after the last paragraph could be the last article's subhead; titles come
    # as a block, and a subhead is followed by its paragraph, so anything at the very end is a title.
    return n


def signed_date(text: str) -> bool:
    """*text* is a date alone, as a letter or notice dates its signature (see SIGNED_DATE)."""
    return SIGNED_DATE.fullmatch(text) is not None


def _below_foot_paragraph(lines: list[Line], first: int, text: str) -> int | None:
    """Where the titles start when the run *lines*[*first*:] taken for the foot's titles holds a
    paragraph's first lines (see _opens_paragraph) in one of the extractor's blocks: the first block
    started after them (a blank line before it in *text*).  The lowest such opening is taken; None
    when there is none, or no block starts under it.  (Two titles of one line each, each a block of
    its own, may be as wide as an indented line and a full one: 秋收正当时 各地… over
    《关于…》报告发布, pdfminer, 33 and 40 units of a 38-unit column.)

    A paragraph cut at the foot of its column, its first lines ending without a mark (全国图书馆阅读
    推广委员会 / （阅读委）与全国图书馆阅读, going on at the top of another column), is punctuated as a
    title is; pdftotext prints it as a block of its own over the titles' blocks.  Not where that leaves
    fewer title lines than bylines (_too_few_titles)."""
    for k in range(len(lines) - 2, first - 1, -1):
        if _opens_paragraph(lines[k], lines[k + 1]) and not _after_blank(text, lines[k + 1].start):
            start = next((j for j in range(k + 2, len(lines)) if _after_blank(text, lines[j].start)), None)
            return None if start is None or _too_few_titles(lines, start) else start
    return None


def _too_few_titles(lines: list[Line], start: int) -> bool:
    """The lines from *start* to the page's end are fewer than the bylines that close articles above
    them: the foot sets a title for each article (a title a line at least), and an article may close
    with no byline, so titles there would leave articles untitled; the paragraph's opening over them
    (_below_foot_paragraph) is titles too (train2899 page-032: 王沪宁会见斯里兰卡总理 over 年味浓活力增
    兔年消费开门红, an indented line over a full one in columns of 13, over two titles for four bylines)."""
    return len(lines) - start < sum(ln.byline is not None for ln in lines[:start])


def _opens_paragraph(ln: Line, nxt: Line) -> bool:
    """*ln* and *nxt* are a paragraph's first two lines: *ln* is indented (full but for its indent,
    short of the column by INDENT_MIN at least) without ending a sentence, and *nxt* is full and no
    wider than the column, and wider than *ln* by more than TITLE_WRAP_SLACK: a wrapped title's lines
    but its last are all within TITLE_WRAP_SLACK of the title's measure, so no title's line is further
    short of the one under it (and a title's last line has no line of its title under it)."""
    return (not ln.ends and is_full(ln, True, nxt) and ln.width <= ln.column - INDENT_MIN
            and is_full(nxt) and not is_wide(nxt) and nxt.width - ln.width > TITLE_WRAP_SLACK)


def _opens_with_wide_title(lines: list[Line]) -> bool:
    """The first line (after the header) is wider than the column: a title set across the columns in
    large type, so the page's titles come before their articles (an announcement's signature, 全市读书节
    组委会 / 2024年5月1日, is no title at its foot).  No page with its titles at the foot opens so:
    0 of 434 for each extractor on the 21 train batches (seeds 21–63 odd, 27 left out), where 164 of the
    406 with their titles before do (python corpora/typeset/count_opening_titles.py DIR...)."""
    return bool(lines) and is_wide(lines[0])


def _ends_run_on_paragraph(lines: list[Line], k: int) -> bool:
    """Line *k* ends a sentence (！ or ？, as a title's line may) and the line before it runs on into
    it: filled to the column without ending a sentence, as only a paragraph's line is (a title's
    lines wrap at the title measure, which is not the column's; no title of the train batches ends
    in ！ or ？: 0 of 1307, seeds 21–51).  So *k* is a paragraph's last line, not a title's."""
    if k < 2 or not lines[k].ends:
        return False
    prev, above = lines[k - 1], lines[k - 2]
    # A line filled to the column is no paragraph's first (that is indented), so the line above it is
    # the same paragraph's: full, or its indented first line (a sentence may end on it: train39 page-011),
    # and no byline that ends an article.  (A title filling the column, under a short title or a byline,
    # over a title that ends in ？ is no paragraph: the generator sets a foot title on one line, however
    # long: blind_articles seed 11, synth-007 and synth-034.)
    return (not prev.ends and prev.column - FULL_SLACK <= prev.width <= prev.column
            and above.column - INDENT_MAX - FULL_SLACK <= above.width <= above.column and not _signed(above))


def _numbered_item(lines: list[Line], k: int) -> bool:
    """Line *k* opens a list's item numbered on from an item a line above it opens (…9.夜间阅读… /
    10.图书馆延时开放…): a list's items, read up from the page foot, are headline-shaped lines (a short
    item ends on no mark), but no title opens with a list item's number (LIST_ITEM: 0 of the 2471
    titles of the 21 train batches, seeds 21-63 odd; a wrapped title's line may: 二、三号线同日开通,
    train37 page-032, so an item numbered on is asked, not the number alone)."""
    if DECIMAL_OPENING.match(lines[k].text):
        return False
    number = _item_number(lines[k])
    return number is not None and number > 1 and any(_item_number(ln) == number - 1 for ln in lines[:k])


# A number with a point and a digit after it opens the line (8.7级强震): a decimal, as an item's number
# may be too (3.2035年…: an item about a year), so it is asked only where a title's line is in question:
# a wrapped title's second line opened with one under a paragraph line opening 7.2级地震… and was read as
# item 8 after item 7, so as no title (train69 page-018).
DECIMAL_OPENING = regex.compile(r"\d{1,2}[.．]\d")


def _foot_title_line(lines: list[Line], k: int, last: bool, measure: int = 0) -> bool:
    """Line *k* may be a title's at the page foot: a headline, or, but the *last* line, a line short
    of the column ending on a colon over a line short of it too (【秋收时节 丰收在望】山区果园： over
    橙子挂满枝头果农笑开颜: a title wrapped after its colon; a paragraph's lines but its last are
    full, a list's first item after 分别是： too) or wider than the column, as no paragraph's line is,
    whatever the line under it (train2895 page-029: 【…发布会】西藏： over 大力推动…高质量发展, wider
    than the column too), or one a title wrapped after a clause mark or a dash
    at the *measure* of the title lines below it (see _wrapped_at_measure)."""
    ln = lines[k]
    if _signed(ln) or _numbered_item(lines, k):
        return False
    if ln.headline or last:
        return ln.headline
    if ln.text[-1] in COLONS and ends_clause(ln.text) and (is_wide(ln) or not is_full(ln) and not is_full(lines[k + 1])):
        return True
    return _wrapped_at_measure(ln, measure)


# A title's line may end where its phrase goes on: after a clause mark (…认真做好读书分享、 / 阅读推广的…,
# lines.ends_clause) or the dash that joins a title to what it announces (…湖区好渔民—— / 记渔民合作社…).
TITLE_WRAP_ENDS = ("——",)


def _title_wrap_end(text: str) -> bool:
    """*text* ends where a title's phrase goes on, with no full stop: a clause mark but a colon (a line
    ending on one is asked apart where a title may wrap so: _title_line, _foot_title_line) or
    TITLE_WRAP_ENDS."""
    if text[-1] in COLONS:
        return False
    return ends_clause(text) or text.endswith(TITLE_WRAP_ENDS) and FULL_STOPS.search(text) is None


def _wrapped_at_measure(ln: Line, measure: int) -> bool:
    """*ln* is a title's line broken at the title *measure* after a clause mark or a dash (see
    TITLE_WRAP_ENDS): as wide as the widest title line below it, within TITLE_WRAP_SLACK (its
    spaces counted at TITLE_SPACE), and short of the column or wider than it.  Large type wraps at
    fewer characters than the column holds, so a paragraph's line, full, is wider; its last line ends a
    sentence.  On a page of narrow columns the titles run wider than the column (44 units over 26),
    which no paragraph's line does (f14/train171 page-037, in invented words: 【以科技创新…振兴—— over …纪实】…):
    such a line is a title's whatever the lines below it (train2845 page-029: 全国双拥工作领导小组、…双拥模范、
    over 广大官兵和优抚对象致慰问信, 72 units in columns of 44, the titles below one line each, 51 at most)."""
    if not _title_wrap_end(ln.text) or is_full(ln) and not is_wide(ln):
        return False
    width = title_width(ln) + TITLE_SPACE * ln.text.count(" ")
    return is_wide(ln) or abs(measure - width) <= TITLE_WRAP_SLACK


def _short_garbled_end(ln: Line, first: bool = False) -> bool:
    """*ln* ends a sentence read with its garbled marks as marks (see Line.garbled_end) and is short of
    the column: a line of a paragraph is full, so a short one that may end a sentence ends it."""
    return ln.garbled_end and not is_full(ln, first)


def _wrapped_byline_end(lines: list[Line], k: int, bylines: BylineFinder | None) -> bool:
    """Line *k* ends a byline that began on the line before it."""
    if bylines is None or k == 0 or lines[k].text[-1] not in bylines.closers:
        return False
    return _byline_across(bylines, lines, k - 1, 2) is not None


def _byline_across(bylines: BylineFinder, lines: list[Line], k: int, n: int) -> tuple[int, str, str] | None:
    """The byline found in lines *k* … *k* + *n* − 1 joined, where it starts in line *k*."""
    found = bylines.find("".join(ln.text for ln in lines[k : k + n]))
    return found if found is not None and found[0] < len(lines[k].text) else None


# What an article opens after (the last item read, see _BodyReader._title): the page's start (None),
# the header, the byline that ends the article before.
ARTICLE_OPENS_AFTER = frozenset({None, "byline", "header"})


class _BodyReader:
    """Reads the body lines in order into paragraphs, subheads, titles and bylines."""

    def __init__(self, lines: list[Line], titles_at_foot: bool, bylines: BylineFinder | None, text: str, foot_titles: frozenset[str] = frozenset()) -> None:
        self.lines = lines
        self.text = text  # the page the lines were cut from: where the extractor's blocks start (see _after_blank)
        self.titles_at_foot = titles_at_foot
        # In an extractor's blocks (blank lines between them), which pdftotext and pdfminer order by their
        # own rules, no title printed again is asked for (see _foot_deck).
        self.in_blocks = "\n\n" in text
        self.foot_titles = foot_titles  # see _foot_title_texts
        self.bylines = bylines or BylineFinder()
        self.items: list[Item] = []
        self.para: list[Line] = []
        self.boundary = True  # the next line starts a new block

    def read(self) -> list[Item]:
        lines, k = self.lines, 0
        wrapped, boxed = self._wrapped_bylines(), self._boxed_lead_bylines()
        stops = sorted(set(_stops(lines)) | set(wrapped) | set(boxed))
        while k < len(lines):
            if not self.boundary and self._list_item():
                if _next_item(self.para[0], lines[k]) or not self._item_ended(lines[k]):
                    k = self._line(k)  # the list's next item opens (a paragraph too), or the item goes on
                    continue
            elif not self.boundary:
                # The last line joined a paragraph (only _line leaves no boundary): every line up
                # to the next stop continues its unfinished sentence, so it is taken as a run.
                j = stops[bisect_left(stops, k)]
                self.para.extend(lines[k:j])
                if j == len(lines):
                    break
                k = j
            ln = lines[k]
            if k in boxed and self.para and not self._after_sentence():
                # Read before the paragraph it interrupts, which goes on after it (boundary unchanged).
                self.items.append(Item("lead_byline", ln.text, ln.start, ln.end, [ln], name=boxed[k]))
                k += 1
            elif k in wrapped:
                k = self._wrapped_byline(k, wrapped[k])
            elif self._after_sentence() and self._opens_lead(ln.text):
                # 新华社北京2月13日电（记者 韩鑫 杨: no sentence mark, yet the first line of a paragraph;
                # so is 央视网消息（新闻联播）：今天, whatever its width says.
                self._flush()
                self.para.append(ln)
                self.boundary = False
                k += 1
            elif ln.bare or ln.byline is not None or _colon_headline(ln):
                k = self._signature(k) or self._byline(k) or self._lead_byline(k) or self._led_title(k) or self._foot_deck(k) or self._title(k) or self._label_deck(k) or self._title_deck(k) or self._headings(k, _subhead_run) or self._line(k)
            elif self._may_head(ln):
                k = self._led_title(k) or self._foot_deck(k) or self._title(k) or self._headings(k, _punctuated_heading) or self._line(k)
            else:
                k = self._line(k)  # lines with a full stop are never titles or subheads: no need to ask
        self._flush()
        return self.items

    def _flush(self) -> None:
        if self.para:
            self.items.append(_joined("paragraph", self.para))
            self.para = []

    def _may_head(self, ln: Line) -> bool:
        """A punctuated line that may be a title or subhead (see _punctuated_heading).

        Most paragraphs' first lines are headlines: one as wide as an indented
        line, within an article, can be neither, and is not asked.  A line
        wider than the column that ends a clause is a title's, wrapped after
        its comma (…召开座谈会强调 建设全省性、 | 综合性…): no column's line
        is that wide, however full.
        """
        if self.para and _first_line_wide(ln):
            return False
        return ln.headline or (is_wide(ln) or not is_full(ln, first=True)) and (ends_clause(ln.text) or _title_wrap_end(ln.text))

    def _ends_bare(self, k: int) -> bool:
        """Line *k* would end a paragraph on no mark, clearly short (see _short_unmarked)."""
        return _short_unmarked(self.lines[k], self.lines[k + 1] if k + 1 < len(self.lines) else None)

    def _subhead_read_as_text(self) -> bool:
        """The paragraph read, ended on no mark (see _starts_paragraph), is a subhead wrapped as a
        paragraph's lines (its first as wide as an indented line, its last full: 多地延长图书馆开放时 |
        间 读者下班后也能读书): shaped as one all through (see _subhead_shaped), of a subhead's
        lines, and after a sentence end, where subheads come (not after a colon: what it introduces
        follows, a document's title printed as text).  Set one a line, as ``split --format text``
        prints it, it is read as a subhead (textfix.paragraphs): read here so too, the page settles."""
        para = self.para
        after_sentence = bool(self.items) and self.items[-1].kind == "paragraph" and self.items[-1].lines[-1].ends
        return (
            bool(para) and not self.boundary and after_sentence and len(para) <= MAX_HEADING_LINES
            and _ends_unmarked(para[-1]) and all(_subhead_shaped(ln) and not _signed(ln) for ln in para)
        )

    def _add_headings(self, run: list[Line]) -> None:
        """The subhead *run* (a kicker and the main subhead, see _headings) is read."""
        self.items.extend(_body_size(h) for h in _headings(run))

    def _after_heading(self) -> bool:
        return not self.para and bool(self.items) and self.items[-1].kind == "heading"

    def _after_colon_end(self, k: int) -> bool:
        """The paragraph read ended on a colon, on a line short of full (央视网消息（新闻联播）： alone
        on its line, …文章全文如下：): a line of a paragraph is full, so the paragraph ended there,
        and what it introduces may be headings as after a sentence end (the title and subheads of
        the article it quotes, as the pages print them: 习近平同…互致贺电 | 李强同…互致贺电), which
        the subhead readers tell from a paragraph's lines.  Not a document's title (关于…的通知)
        nor a list's items: see _introduced_text."""
        para = self.para
        return bool(para) and para[-1].text[-1] in COLONS and not is_full(para[-1], len(para) == 1, self.lines[k])

    def _ended_short(self, k: int) -> bool:
        """The paragraph read ends on a line short of full, before line *k*, whatever mark it ends on:
        a line of a paragraph is full, so the paragraph ended there.  Most such lines end a sentence;
        those that do not end an article's text where a news item was cut after its colon (…提出4点
        建议：, what it introduced left out) or ends on a list of names (…王明、李华), and the byline
        or the next article's title under them is read as after a sentence end (see _byline, _led_title).
        Not an article's lead paragraph (a news lead or a dateline opens it), which ends so only where it
        prints the title again over the article's deck and its text (新华社昆明9月4日电 纪念…隆重举行 | 某某
        出席观看 over 央视网消息…, rp14/train597 page-027): the lines under it are the article's own.  Nor a
        paragraph of one line: a title's first line wrapped at its colon is read so (“某某战略”启示： |
        把规划蓝图…, rp14/train591 page-008), and the title's other lines are no title of their own.  Nor
        where line *k* opens a list's item (3.某某…): the short line ended the item before, and a list's
        items end on no mark (f14/train207 page-037, pdfminer: items 3-5 read as the next title).  Nor
        a paragraph read where an article opens (see _title_read_as_text): its lines are a title's, and
        the line under them the title's rest (f14/train511 page-036)."""
        para, ln = self.para, self.lines[k]
        return (len(para) > 1 and not is_full(para[-1], nxt=ln) and not self._opens_lead(para[0].text)
                and LIST_ITEM.match(ln.text) is None and not self._title_read_as_text())

    def _title_read_as_text(self) -> bool:
        """The paragraph read opens where an article does, on a page whose titles are not at the foot
        (see _title): a title is printed there, so its lines are a title's read as text, each short of
        the column (a title's first line that ends on 、 is no headline, and read as a paragraph's
        where it is as wide as an indented one: 某某会见甲国总理、 | 乙国副主席、丙国 | 副总理兼部长
        over 本报记者 王明, the page's first lines on f14/train511 page-036)."""
        last = self.items[-1].kind if self.items else None
        return not self.titles_at_foot and last in ARTICLE_OPENS_AFTER

    def _opens_lead(self, text: str) -> bool:
        """*text*, a line's, opens a news lead or an agency's or the paper's dateline."""
        return line_opens_lead(text) or self.bylines.opens_dateline(text)

    def _after_sentence(self) -> bool:
        return self.boundary or not self.para or self.para[-1].ends or _short_garbled_end(self.para[-1], len(self.para) == 1) or self._item_ended()

    def _list_item(self) -> bool:
        """The paragraph read opens with a list item's number (see LIST_ITEM)."""
        return bool(self.para) and LIST_ITEM.match(self.para[0].text) is not None

    def _item_ended(self, nxt: Line | None = None) -> bool:
        """A list item's paragraph ended on a short line: an item (1.夜间阅读受欢迎) often ends
        with no sentence mark, and only a paragraph's last line is short (*nxt*: the line after,
        which may open with a run that did not fit, see is_full).  Not on a colon: what it
        introduces follows (see _starts_paragraph)."""
        if not self._list_item():
            return False
        last = self.para[-1]
        return last.text[-1] not in COLONS and not is_full(last, len(self.para) == 1, nxt)

    def _byline(self, k: int) -> int:
        """A byline ends the article, at the end of its last paragraph or on a line of its own: under a
        sentence end, or under a paragraph's short last line (see _ended_short) where it names a
        reporter (（记者 王明）): a bare parenthesis there may be a note the text goes on after (a list of
        names and a note on their order under 委员：, gl14/train539 page-001; in invented words （排名不分先后）)."""
        ln = self.lines[k]
        if ln.byline is None or not (ln.byline[0] > 0 or self._after_sentence() or self._ended_short(k) and LABELLED.search(ln.byline[1])):
            return 0
        cut, printed, name = ln.byline
        self._text_before_byline(ln, cut)
        self.items.append(Item("byline", printed, ln.start + cut, ln.end, [ln], name=name))
        self.boundary = True
        return k + 1

    def _text_before_byline(self, ln: Line, cut: int) -> None:
        """The text of *ln* before its byline (at *cut*) ends the paragraph it belongs to, which ends there."""
        if cut > 0:
            head_text = ln.text[:cut].rstrip()
            # It keeps the byline it is printed with: the line ends its paragraph (see _no_inner_line).
            head = Line.of(head_text, ln.start, ln.start + len(head_text), ln.width, ln.column)._replace(byline=ln.byline)
            if self.boundary or not self.para or _starts_paragraph(self.para[-1], head, len(self.para) == 1):
                self._flush()
            self.para.append(head)
        self._flush()

    def _wrapped_bylines(self) -> dict[int, tuple[tuple[int, str, str], int]]:
        """Bylines broken across two lines (…救援。（本报 | 记者 徐磊）) or three (…之旅。（本报记者 | 马 |
        俊）: pdftotext breaks a stretched space too): at the first line's index, the byline found
        in the lines joined, when it starts in the first line, and how many lines it takes."""
        lines, closers, out = self.lines, self.bylines.closers, {}

        def closes(ln: Line) -> bool:
            return ln.text[-1:] in closers and bool(ln.text)

        # A byline's last line ends in its closing mark: only those lines are looked back from (a
        # page has 100,000 lines, few of them such).
        for j in [j for j in range(1, len(lines)) if lines[j].byline is None and closes(lines[j])]:
            middle = lines[j - 1]
            starts = [(j - 1, 2)]
            if j >= 2 and middle.byline is None and not closes(middle):
                starts.append((j - 2, 3))
            for k, n in starts:
                if lines[k].byline is None and (found := _byline_across(self.bylines, lines, k, n)) is not None:
                    out[k] = (found, n)
        return dict(sorted(out.items()))

    def _wrapped_byline(self, k: int, wrapped: tuple[tuple[int, str, str], int]) -> int:
        found, n = wrapped
        ln, last = self.lines[k], self.lines[k + n - 1]
        cut, printed, name = found
        self._text_before_byline(ln, cut)
        self.items.append(Item("byline", printed, ln.start + cut, last.end, self.lines[k : k + n], name=name))
        self.boundary = True
        return k + n

    def _boxed_lead_bylines(self) -> dict[int, str]:
        """Byline lines under a title (本报通讯员 王明) that pdfminer boxed apart and printed inside a
        paragraph, between two of its lines (今年以 | 本报通讯员 王明 | 来，…): at their index, the
        name.  The line before ends no sentence (nor a garbled end, nor a colon) and the line after opens
        no lead or dateline: the paragraph goes on after it."""
        lines, out = self.lines, {}
        for k in range(1, len(lines) - 1):
            name = self.bylines.find_lead(lines[k].text)  # (first: most lines are no byline, and the test is cheap)
            if not name or is_full(lines[k]) or _ends_sentence_or_colon(lines[k - 1]):
                continue
            after = lines[k + 1].text
            if not self._opens_lead(after):
                out[k] = name
        return out

    def _signature(self, k: int) -> int:
        """A letter's or notice's signature and date under its last paragraph (农业农村部 | 科学技术部 |
        2025年3月1日, invented here: the senders' short lines, then the date, see SIGNED_DATE): each
        line a paragraph of the article, which ends there.  Bare lines, so read as the next article's
        title (see _led_title) or a deck without this; no title's line is a date alone."""
        if not (self.para and self._after_sentence()):
            return 0  # directly under the last paragraph's sentence end
        run = self.lines[k : k + _bare_run(self.lines, k)]
        date = next((j for j, ln in enumerate(run) if signed_date(ln.text)), None)
        if date is None or any(is_full(ln) for ln in run[:date]):
            return 0  # a signature is short: set flush right, never filled to the column
        self._flush()
        self.items += [_joined("paragraph", [ln]) for ln in run[: date + 1]]
        self.boundary = True
        return k + date + 1

    def _lead_byline(self, k: int) -> int:
        """A byline on a line of its own under the title (本报记者 张伟): it opens the article's text."""
        ln = self.lines[k]
        name = self.bylines.find_lead(ln.text) if self._after_sentence() else None
        if not name:
            return 0
        self._flush()
        self.items.append(Item("lead_byline", ln.text, ln.start, ln.end, [ln], name=name))
        self.boundary = True
        return k + 1

    def _title(self, k: int) -> int:
        if not self._after_sentence():
            return 0
        last = "paragraph" if self.para else self.items[-1].kind if self.items else None  # para: not flushed yet
        if last == "lead_byline":
            return 0  # the article's text follows its byline
        # Every article has a title: without titles at the foot, the page's first line (after the
        # header) and the first after a byline open their articles.
        article_start = last in ARTICLE_OPENS_AFTER
        ln = self.lines[k]
        opens = not self.titles_at_foot and article_start and ln.headline and ln.byline is None and not _continued(self.lines, k)
        if not (opens or _is_title(self.lines, k, article_start, self.titles_at_foot)):
            return 0
        self._flush()
        self.items.append(Item("title", ln.text, ln.start, ln.end, [ln]))
        self.boundary = True
        return k + 1

    def _led_title(self, k: int) -> int:
        """A title of up to :data:`MAX_TITLE_LINES` lines right before an article's lead: a byline line
        under a title (本报记者 张伟) or a paragraph opening with a news lead (新华社郑州2月1日电,
        央视网消息（新闻联播）：) only start an article, so the headline lines between the last
        sentence end (or a paragraph's short last line, see _ended_short) and it are its title,
        however they wrap (《学报》杂志发表王磊教 | 授署名文章 《勤学习， | 善思考，重实践》).  Not where the titles are printed at the foot, nor
        under a title with no text after it yet: the headline lines between a title and its lead
        are its deck (a title, then 张伟王磊…出席 | 赵敏作…报告 over 央视网消息), not another
        article's title."""
        if self.titles_at_foot or not (self._after_sentence() or self._ended_short(k)) or (
                self.items and self.items[-1].kind == "lead_byline" and not self.para) or self._in_head():
            return 0
        n = self._lines_to_lead(k)
        # Longer than a title: only a title printed again as headings, and a deck under them (each no
        # longer than a title, see _bare_run), is read so.
        longer = not n
        if longer:
            n = self._lines_to_lead(k, most=3 * MAX_TITLE_LINES)
        repeat = _title_lines_before_repeat(self.lines[k : k + n]) if n else 0
        if not n or (longer and not repeat):
            return 0
        self._flush()
        title = repeat or n
        self.items.append(_joined("title", self.lines[k : k + title]))
        self.boundary = True
        if title < n:
            # The title's headings and the deck under them, whatever they name (关于…的意见 is the title's
            # own here, no document the text quotes: see _read_deck).
            self._add_deck(self.lines[k + title : k + n])
        return k + n

    def _lines_to_lead(self, k: int, most: int = MAX_TITLE_LINES) -> int:
        """How many lines from *k* are punctuated as a title's (see _title_line) up to a line that
        opens an article (see _opens_article), the last as a title's last line is; 0 where a line
        is not, or no such line comes within *most* lines (see _led_title, _foot_deck)."""
        lines = self.lines
        for n in range(1, most + 1):
            if k + n >= len(lines) or not _title_line(lines[k + n - 1], last=False):
                return 0
            if self._opens_article(lines[k + n]):
                return n if _title_line(lines[k + n - 1], last=True) else 0
        return 0

    def _foot_deck(self, k: int) -> int:
        """With the titles printed at the foot, the headline lines between an article's start (the
        byline ending the article before, or the page's first line) and its lead (see _opens_article)
        are its deck, set in body size: subheads, split where a short line under a full one ends
        one (see _headings).  No title is printed above the foot on such a page, so the lines that
        _led_title reads as a title elsewhere are the deck (four headline lines over a lead that opens
        央视网消息（新闻联播）：…, train77 page-022, read as a subhead and a paragraph that ended on no
        mark).  Lines that open by printing a foot title again (see _foot_title_repeat) are such a
        deck after any sentence end: the title one heading or more, the lines under it others."""
        if not self.titles_at_foot:
            return 0
        opens = not self.para and not (self.items and self.items[-1].kind not in ("byline", "header"))
        if not opens and not self._after_sentence():
            return 0  # inside a paragraph: the cheap test first, a page's every line comes here
        n = self._lines_to_lead(k)
        # Not in an extractor's blocks: there an article's text printed before its deck (gl14/train533
        # page-024, pdftotext), another article's lines between (rp14b/train655 page-018, pdfminer: the
        # move search, asking these layouts, read 3 articles as 5).
        repeat = 0 if self.in_blocks else self._foot_title_repeat(k, n)
        if not (opens or repeat):
            return 0
        if not n or is_full(self.lines[k + n - 1], nxt=self.lines[k + n]):
            # A full last line runs on: the lines are a paragraph's, the lead another
            # block's that pdftotext put after them (train77 page-002).
            return 0
        self._flush()
        if not repeat:
            self._add_headings(self.lines[k : k + n])
            self.boundary = True
            return k + n
        # The article's title printed again, then its deck: headings cut where a line left room for
        # what opens the next (see _add_deck), and where the title ends, whose last line may fill the
        # column (one subhead, read so, 省长接见…代表 | 副省长参加接见, invented words).
        first = len(self.items)
        self._add_deck(self.lines[k : k + repeat])
        self.items[first].name = TITLE_AGAIN  # it opens its article (textfix.split)
        if repeat < n:
            self._add_deck(self.lines[k + repeat : k + n])
        return k + n

    def _foot_title_repeat(self, k: int, n: int) -> int:
        """How many of the *n* lines from *k* print one of the foot's titles again, whole (spaces
        aside; the most such lines: a foot line alone may be a title's first), 0 where they open with
        none.  An article of the train part's latest months may open with its title as a heading and
        a deck line under it (省长接见…代表 | 副省长参加接见, invented words), after an unsigned article's last
        sentence too, where no byline tells an article ended (corpora/typeset/README.md, "The
        fifteenth session")."""
        texts = accumulate(SPACE_RUN.sub("", ln.text) for ln in self.lines[k : k + n])
        return max((j for j, text in enumerate(texts, 1) if text in self.foot_titles), default=0)

    def _label_deck(self, k: int) -> int:
        """The article's title stack printed again under a lead label alone on its line (央视网消息（新闻联播）：
        over the title's lines, as headings, then the lead's text): the bare lines from *k* up to the
        lead's first line (see _deck_lines) are headings, one ending where a line ends short.  A heading
        set in body size wraps only where what opens its next line did not fit (is_full, exact), so a
        line that left room for that is a heading's last (26 units of 28 over a line opening with an
        ideograph; see _deck_split for a deck set indented).  The subhead readers, made for one subhead
        of at most MAX_HEADING_LINES lines, cannot ask this of a deck: five lines of three headings were
        read as text, three one-line headings as one.  Where the label fills a paragraph's first line
        its paragraph may go on (the lead's first lines are bare too): the lines are a deck there only
        where one breaks short (see _breaks_short: narrow columns, 13-14 characters, where the label's
        24 units fill the indented line).  See _read_deck."""
        if not self._lone_label():
            return 0
        n = _deck_lines(self.lines, k)
        if is_full(self.para[-1], len(self.para) == 1, self.lines[k]) and not _breaks_short(self.lines[k : k + n + 1]):
            return 0
        return self._read_deck(k, n)

    def _lone_label(self) -> bool:
        """The paragraph read so far is a news lead's label alone (央视网消息（新闻联播）：), or a dateline
        and its credit alone (新华社郑州8月1日电（记者 曹 | 雯）: the page maker's dateline in place of such a
        label, corpora/typeset/README.md, "The page model")."""
        if len(self.para) == 1 and _lone_lead_label(self.para[0]):
            return True
        text = "".join(ln.text for ln in self.para)
        # (Asked of two lines at most: a dateline and its credit, ~20 characters, fill two lines of the
        # narrowest column the page maker sets, 13 characters; a longer paragraph is no such label.)
        found = self.bylines.find_dateline(text) if len(self.para) <= 2 else None
        return found is not None and found[1] == len(text)

    def _title_deck(self, k: int) -> int:
        """The deck between an article's title (or the byline line under it) and a lead that opens
        with a news lead (see line_opens_lead): two or more bare lines, read as headings as
        _label_deck reads them.  The subhead readers took such a deck for one subhead (two lines
        of 26 and 18 units in a 34-unit column) or cut it where an indented deck's heading wrapped."""
        if self.para or not self.items or self.items[-1].kind not in ("title", "lead_byline"):
            return 0
        n = _bare_run(self.lines, k)
        if n < 2 or k + n >= len(self.lines) or not line_opens_lead(self.lines[k + n].text):
            return 0
        return self._read_deck(k, n)

    def _read_deck(self, k: int, n: int) -> int:
        """The *n* lines from *k* read as a deck of headings (see _deck_split), unless they are an
        official document's title or a list (see _document_or_list), printed as text after a colon
        too, or a line sets more spaces than a heading does (MAX_HEADING_SPACES: a row of names)."""
        deck = self.lines[k : k + n]
        if not n or _document_or_list([ln.text for ln in deck]) or any(len(SPACE_RUN.findall(ln.text)) > MAX_HEADING_SPACES for ln in deck):
            return 0
        self._flush()
        self._add_deck(deck)
        return k + n

    def _add_deck(self, deck: list[Line]) -> None:
        """The *deck*'s lines read as headings, cut as _read_deck says."""
        indented = _deck_split(deck, indented=True)
        indent_room = all(run[0].width <= run[0].column - INDENT_MIN for run in indented)
        self.items.extend(_body_size(_joined("heading", run)) for run in (indented if indent_room else _deck_split(deck, indented=False)))
        self.boundary = True

    def _in_head(self) -> bool:
        """Only headings since the last title: the article has a title and no text yet."""
        if self.para:
            return False
        kinds = (item.kind for item in reversed(self.items))
        return next((kind for kind in kinds if kind != "heading"), None) == "title"

    def _opens_article(self, ln: Line) -> bool:
        """*ln* is a byline line under a title or opens a paragraph with a news lead."""
        return ln.byline is None and (line_opens_lead(ln.text) or self.bylines.find_lead(ln.text) is not None)

    def _headings(self, k: int, run_at: Callable[[list[Line], int], int]) -> int:
        run = run_at(self.lines, k) if self._after_sentence() or self._after_colon_end(k) else 0
        if run and not self._after_sentence() and _introduced_text(self.lines, k, run):
            run = 0  # after a colon, what it introduces is printed as text (see _after_colon_end)
        if not run or self._after_heading() and _could_open_paragraph(self.lines[k]) and not (run > 1 and self._ends_bare(k + run - 1)):
            # A subhead is followed by its text: a line as wide as a first line opens it.  Not when
            # that text would end on its next lines, short on no mark (…治疆 | 方略 under a subhead):
            # a title's deck of several subheads, each wrapped like a first line and its last.
            return 0
        self._flush()
        self._add_headings(self.lines[k : k + run])
        self.boundary = True
        return k + run

    def _line(self, k: int) -> int:
        """An ordinary line: it continues the paragraph or starts a new one."""
        ln = self.lines[k]
        nxt = self.lines[k + 1] if k + 1 < len(self.lines) else None
        # A title wrapped after a colon (【…】王磊： | 守护湖区渔场…) is read as the start of the paragraph
        # after it until _title_tails takes its lines back: no paragraph ends on a colon there.  A
        # paragraph opening with a news lead (央视网消息（新闻联播）：) is the article's text, no title's.
        # A list item's end is read from its numbers and its short last line (_item_ended, _next_item).
        # Nor is a paragraph read as ended on no mark where the extractor's block ends: pdfminer and
        # pdftotext order their blocks by their own rules, and a line cut short there (a column's
        # foot, a title's piece) may be followed by any other block's line.
        after_title = bool(self.items) and self.items[-1].kind == "title" and not (self.para and line_opens_lead(self.para[0].text))
        bare_ends = not after_title and not self._list_item() and not _after_blank(self.text, ln.start)
        if self.boundary or not self.para or self._item_ended(ln) or _next_item(self.para[0], ln) or _starts_paragraph(self.para[-1], ln, len(self.para) == 1, nxt, not after_title, bare_ends):
            if bare_ends and self._subhead_read_as_text():
                self._add_headings(self.para)
                self.para = []
            self._flush()
        self.para.append(ln)
        self.boundary = False
        return k + 1


def _foot_title_texts(titles: list[Line]) -> frozenset[str]:
    """The texts of the titles printed at the foot on the lines *titles*, spaces aside, however they
    wrapped: every run of up to MAX_TITLE_LINES of the lines joined that opens a title (the first line,
    or one under a line short of the foot's widest by TITLE_WRAP_SLACK or more: a title wraps where its
    line is full, and a line short by a character left room for the next).  A run that opens inside a
    title would take a subhead printing the title's later phrase (重庆… | 四川… over an article's two
    parts, f14/train507 page-020) for the title."""
    texts = [SPACE_RUN.sub("", ln.text) for ln in titles]
    measure = max((title_width(ln) for ln in titles), default=0)
    starts = [i for i in range(len(titles)) if i == 0 or title_width(titles[i - 1]) <= measure - TITLE_WRAP_SLACK]
    return frozenset("".join(texts[i:j]) for i in starts for j in range(i + 1, min(len(texts), i + MAX_TITLE_LINES) + 1))


def _title_lines_before_repeat(lines: list[Line]) -> int:
    """How many of *lines* (a title's, read over a lead: see _BodyReader._led_title) are the title, where
    the lines after it print the title again as headings (a wrapped title of two lines, then its
    phrases one a heading, maybe other headings among and after them: a format of the train part's
    latest months, corpora/typeset/README.md, "The fourteenth session"); 0 where no run of whole lines
    after the first repeats the lines before it, or their first phrases, spaces aside (a title sets
    its phrases apart with a space, or breaks a line between them)."""
    texts = [ln.text.replace("\u3000", " ") for ln in lines]
    for j in range(1, len(lines)):
        phrases = " ".join(texts[:j]).split()
        title = {"".join(phrases[: i + 1]) for i in range(len(phrases))}
        rest = SPACE_RUN.sub("", "".join(texts[j:]))
        ends = accumulate(len(SPACE_RUN.sub("", t)) for t in texts[j:])
        if any(rest[:end] in title for end in ends):
            return j
    return 0


def _breaks_short(lines: list[Line]) -> bool:
    """A line of *lines* but the last left room for what opens the next (is_full, exact): no line of
    a paragraph breaks so, a heading's last line does.  Bare lines under a label that fills its line
    are a deck so (a line such as 全省春耕工作会议在省城举行, invented here, 26 units of a 28-unit
    column, over a line opening with an ideograph), not the lead's text run on from the label (full
    lines, one paragraph)."""
    return any(not is_full(ln, False, nxt, exact=True) for ln, nxt in zip(lines, lines[1:]))


def _lone_lead_label(ln: Line) -> bool:
    """*ln* is a news lead's label and nothing more, ending on its colon (央视网消息（新闻联播）：)."""
    found = NEWS_LEAD.match(ln.text)
    return found is not None and ln.text[-1] in COLONS and len(ln.text) - found.end() <= 1


def _bare_run(lines: list[Line], k: int) -> int:
    """How many lines from *k* are bare (no sentence mark) and no byline's or credit's (see _signed);
    0 past MAX_TITLE_LINES: a deck repeats or follows a title, no longer than one."""
    n = 0
    while k + n < len(lines) and lines[k + n].bare and not _signed(lines[k + n]):
        n += 1
        if n > MAX_TITLE_LINES:
            return 0
    return n


def _deck_lines(lines: list[Line], k: int) -> int:
    """How many lines from *k* are a title stack over the lead's text (see _BodyReader._label_deck):
    the bare lines (no sentence mark, no byline) up to the first punctuated line, which is the
    lead's first line if it looks one (see _looks_first) and ends no sentence (a paragraph's short
    last line may be as wide), or else goes on from it: then the last bare line, looking a first
    line, opens the lead (its first line unpunctuated, the full stop on the next).  0 where neither
    holds, or no bare run (see _bare_run)."""
    n = _bare_run(lines, k)
    if k + n >= len(lines):
        return 0
    stop, after = lines[k + n], lines[k + n + 1] if k + n + 1 < len(lines) else None
    if stop.byline is not None:
        return 0
    if _looks_first(stop, after):
        return 0 if stop.ends else n
    return n - 1 if n >= 2 and _looks_first(lines[k + n - 1], stop) else 0


def _deck_split(deck: list[Line], indented: bool) -> list[list[Line]]:
    """The *deck*'s lines cut into headings: a heading goes on to the next line only where what opens
    that line did not fit the room left (is_full, exact); *indented*: each heading's first line
    leaves a first line's indent (a page may set its subheads with ``text-indent: 2em``, as its
    paragraphs, corpora/typeset/make_pages.py).  Read so only where every heading's first line
    leaves that room (see _BodyReader._label_deck): a line wider opens no indented heading."""
    runs: list[list[Line]] = [[]]
    for i, ln in enumerate(deck):
        runs[-1].append(ln)
        if i + 1 < len(deck) and not is_full(ln, indented and len(runs[-1]) == 1, deck[i + 1], exact=True):
            runs.append([])
    return runs


def _item_number(ln: Line) -> int | None:
    """The number of the list item *ln* opens (see LIST_ITEM), if it opens one."""
    found = LIST_ITEM.match(ln.text)
    if found is None:
        return None
    number = next(group for group in found.groups() if group)
    if number.isdigit():
        return int(number)
    tens, _, units = number.rpartition("十")
    if "十" not in number:
        return CHINESE_DIGITS.find(number) + 1 if len(number) == 1 else None
    value = (CHINESE_DIGITS.find(tens) + 1 if tens else 1) * 10 + (CHINESE_DIGITS.find(units) + 1 if units else 0)
    return value if len(tens) <= 1 and len(units) <= 1 else None


def _next_item(first: Line, ln: Line) -> bool:
    """*ln* opens the list item after the one whose paragraph *first* opens (6.… then 7.2023年…:
    whatever the widths say, the item before ended)."""
    number = _item_number(first)
    return number is not None and _item_number(ln) == number + 1


def _ends_sentence_or_colon(ln: Line) -> bool:
    """*ln* ends a sentence (its mark maybe garbled) or on a colon: the line after it may start anything."""
    return bool(ln.ends or ln.garbled_end or ln.text[-1] in COLONS)


def _stops(lines: list[Line]) -> list[int]:
    """Where a run of plain continuation lines ends (ascending, then ``len(lines)``).

    A line continues the paragraph before it without further question when
    the line before does not end a sentence (titles, subheads and new
    paragraphs only come after a sentence end), the line is no byline, and
    neither it nor the line before is short without ending a sentence (a
    paragraph may end so: see _starts_paragraph).
    """
    n = len(lines)
    stops = [
        k for k in range(1, n)
        if _ends_sentence_or_colon(lines[k - 1]) or lines[k].byline is not None
        or _clearly_short(lines[k - 1], False, lines[k]) or _no_inner_line(lines[k], lines[k + 1] if k + 1 < n else None)
    ]
    stops.append(len(lines))
    return stops


def _starts_paragraph(prev: Line, ln: Line, prev_is_first: bool, nxt: Line | None = None, colon_ends: bool = True, bare_ends: bool = True) -> bool:
    """A new paragraph: the previous line ends a sentence and is short, or this line is indented.

    Not when the line attributes the quotation the full line before closed
    ("…多了。”" then "老熊说。"): a clause of its own with nothing but the
    final stop, short enough to pass for an indented line, ends the quote's
    paragraph far more often than it makes a paragraph alone.

    A paragraph may also end on a colon (when *colon_ends*: not right under
    a title, whose wrapped lines _title_tails takes back from the paragraph
    read after it) or on no mark at all, or on a full line before a line
    that can be no line of it (when *bare_ends*: neither there, nor in a
    list item, whose end _BodyReader reads from the items' numbers, nor at
    the start of an extractor's block).
    """
    if not prev.ends and prev.garbled_end:
        # …张晋 | 藩遥 then an indented line: 遥 is 。 garbled, or a character (遥远) -- only a line
        # both short and followed by a first line tells the paragraph ended.
        return not is_full(prev, prev_is_first, ln) and _looks_first(ln, nxt)
    if prev.text[-1] in COLONS:
        # 全文如下： / 分别是：: a paragraph may end on a colon that introduces the next; a line of a
        # paragraph is full, so a short one ending so is the paragraph's last before an indented line.
        # A full one may be too (a lead 央视网消息（新闻联播）： that fills a first line, …建议： before
        # ——凝聚… that did not fit): then the line after it tells, if it can be no line of the paragraph.
        ended = not is_full(prev, prev_is_first, ln) or bare_ends and _no_inner_line(ln, nxt) and not _space_apart(prev, ln)
        return colon_ends and ended and _looks_first(ln, nxt)
    if not prev.ends:
        # A paragraph may end on no mark (a document's title printed as text: 关于给…颁发“…奖章” |
        # 授予…): on a line clearly short, or before a line that can be no line of it.
        # A dateline alone on its line (新华社广州6月10日电) before its credit, which went down whole
        # (（记者 许诺）在江苏常): the line after it does not end the dated paragraph (a dateline line
        # clearly short still does: a paragraph may end there).
        credit = DATELINE_LINE.match(prev.text) is not None and ln.text[:1] in "（("
        ended = _clearly_short(prev, prev_is_first, ln) or _no_inner_line(ln, nxt) and not credit
        return bare_ends and ended and not _space_apart(prev, ln) and _looks_first(ln, nxt)
    if _attributes_quote(prev, ln):
        return False
    return not is_full(prev, prev_is_first, ln) or _looks_first(ln, nxt) or _indented_cut_short(ln, nxt)


# Display widths of an article's last line, short of an indented one, ending a sentence under a full
# line that ends one, read as a paragraph of its own line (王磊出席会议。) rather than the last line of
# the paragraph above.  `python corpora/typeset/count_one_line_paragraphs.py` sets real-dev train
# paragraphs in make_pages.py's columns (13 to 22 characters): at an article's end, read so at these
# widths, 579 such lines are one-line paragraphs and 30 last lines (the interval that reads the most
# right).  Inside an article the two are near as frequent at any width (14 to 20 units: 78 to 49), and
# the line is left to the paragraph above, as the widths read it.
ONE_LINE_PARAGRAPH = (10, 34)


def _one_line_ends(items: list[Item], bylines: BylineFinder) -> list[Item]:
    """Articles' last paragraphs of one line (see _one_line_paragraph) taken off the paragraph above."""
    out: list[Item] = []
    for k, item in enumerate(items):
        after = items[k + 1] if k + 1 < len(items) else None
        if item.kind == "paragraph" and after is not None and _opens_article(after, bylines) and _one_line_paragraph(item.lines):
            out += [_joined("paragraph", item.lines[:-1]), _joined("paragraph", item.lines[-1:])]
        else:
            out.append(item)
    return out


def _indented_last_lines(items: list[Item], bylines: BylineFinder, text: str) -> list[Item]:
    """Paragraphs of one line as wide as an indented first line, inside an article, joined to the
    paragraph above as its last line (see _indented_last_line)."""
    out: list[Item] = []
    for k, item in enumerate(items):
        after = items[k + 1] if k + 1 < len(items) else None
        if out and after is not None and _indented_last_line(out[-1], item, after, bylines, text):
            out[-1] = _joined("paragraph", out[-1].lines + item.lines)
        else:
            out.append(item)
    return out


def _indented_last_line(above: Item, item: Item, after: Item, bylines: BylineFinder, text: str) -> bool:
    """*item* is one line that ends a sentence, as wide as an indented first line, under a paragraph
    whose last line is full and ends a sentence, and the article goes on after it (*after* opens
    none): the paragraph's last line that happened to end an indent's width short, rather than a
    paragraph of one line that filled its indented line.  The widths cannot tell the two where the
    extractor prints no indent; inside an article the last line is the likelier, 115 to 44 over
    real-dev train paragraphs set in make_pages.py's columns (and at an article's end the one-line
    paragraph, 106 to 19: left as read; python corpora/typeset/count_one_line_paragraphs.py
    --indented).  Not at an extractor's block start (pdfminer's boxes part paragraphs), nor where
    the line attributes the quote the line above closed (see _attributes_quote), nor where it opens
    with a quotation mark: a paragraph opening with a quote is common, and the count has no such
    line either way."""
    if not (above.kind == item.kind == "paragraph" and len(item.lines) == 1):
        return False
    if _opens_article(item, bylines) or _opens_article(after, bylines):
        return False
    prev, ln = above.lines[-1], item.lines[0]
    return (
        prev.ends and ln.ends and is_indented(ln) and is_full(prev, len(above.lines) == 1, ln)
        and not _attributes_quote(prev, ln) and ln.text[:1] not in OPENING_QUOTES and not _after_blank(text, ln.start)
    )


def _opens_article(item: Item, bylines: BylineFinder) -> bool:
    """*item* shows that the article before it ended: a title, a byline, a news lead or a dateline."""
    if item.kind in ("title", "foot_title", "byline", "lead_byline"):
        return True
    return item.kind == "paragraph" and (opens_lead(item.text) or bylines.find_dateline(item.text) is not None)


def _one_line_paragraph(lines: list[Line]) -> bool:
    """The last of *lines*, under a full line that ends a sentence, ends one too and is a paragraph
    alone: clearly shorter than an indented first line (which _looks_first reads already) and of a
    width at which, at an article's end where the print shows no indent, a one-line paragraph is the
    likelier (see ONE_LINE_PARAGRAPH).  Not a quote's attribution (see _attributes_quote)."""
    if len(lines) < 2:
        return False
    prev, ln = lines[-2], lines[-1]
    low, high = ONE_LINE_PARAGRAPH
    return (
        prev.ends and ln.ends and is_full(prev, len(lines) == 2, ln) and not _attributes_quote(prev, ln)
        and low <= ln.width <= high and ln.width < ln.column - INDENT_MAX
    )


def _space_apart(prev: Line, ln: Line) -> bool:
    """*prev* and *ln* would fit one line with a space between them: they may be one printed line
    that pdftotext broke at a space justification stretched, on either side of a short piece
    (《乘风前 | 行 | 湖区渔业迈出坚实步, 新华社北京1月5日电（记 | 者 | 王磊）铁路…) that
    _rejoin_stretched did not put back.  Short as the pieces are, neither ends a paragraph."""
    return prev.width + SPACE_WIDTH + ln.width <= ln.column


def _clearly_short(ln: Line, first: bool, nxt: Line | None) -> bool:
    """*ln* left room for what opens *nxt* (see opening_unit, or a whole digit or Latin run) and a
    character more (FULL_SLACK): short of the column beyond the widths' error, as no line of a
    paragraph but its last is.  (Measured to the unit, is_full errs by a fraction of a unit where
    digits and quotes meet a line end: a line of a paragraph may seem to have left room for what it
    did not.  And where a run may be broken is where typesetters differ: UAX 14 breaks after a
    hyphen, a model of print keeps Wi-Fi 6 whole, corpora/generate_pages.py.  Quotes measured half
    an em may be a full one, as textfix.lines._may_open_paragraph allows: a page with few is
    misread, heldout_articles seed 23 synth-022's 出了“夜游柳江”“夜赏非遗”等一.)"""
    room = ln.column - (INDENT_MIN if first else 0) - ln.width
    if room < FULL_SLACK:
        return False  # (what opens the next line is no narrower than nothing: most lines are full)
    if ln.quote_width < 2:
        room -= (2 - ln.quote_width) * sum(map(ln.text.count, QUOTES))
    return room >= max(opening_unit(nxt), _whole_run(nxt)) + FULL_SLACK


# A run of ASCII, the spaces inside it included (Wi-Fi 6): what a model of print sets as one word.
WHOLE_RUN = regex.compile(r"[!-~]+(?: [!-~]+)*")


def _whole_run(ln: Line | None) -> float:
    """Display width of the ASCII run *ln* opens with (see WHOLE_RUN), as the page sets ASCII; 0 if none."""
    run = WHOLE_RUN.match(ln.text) if ln is not None else None
    if run is None:
        return 0
    return len(run.group()) + (ascii_extra(run.group()) if ln.proportional else 0)


def _no_inner_line(ln: Line, nxt: Line | None) -> bool:
    """*ln* can be no line of a paragraph but its first: clearly short (see _clearly_short), as only a
    paragraph's last line is, yet ending nothing a last line may end on (a sentence, a colon, a
    byline), and full as a first line (else it may be a paragraph's only line, or its last: a list
    item ends on no mark, 1.…选举 | …全票 | 当选学会会长、研究会会长)."""
    return _short_unmarked(ln, nxt) and is_full(ln, True, nxt)


def _short_unmarked(ln: Line, nxt: Line | None) -> bool:
    """*ln* ends nothing a paragraph's last line ends on (see _ends_unmarked) and is clearly short
    before *nxt* (see _clearly_short)."""
    return _ends_unmarked(ln) and _clearly_short(ln, False, nxt)


def _ends_unmarked(ln: Line) -> bool:
    """*ln* ends nothing a paragraph's last line ends on: a sentence (its marks maybe garbled), a
    colon, a byline."""
    return not (ln.ends or ln.garbled_end or ln.byline or ln.text[-1] in COLONS)


def _indented_cut_short(ln: Line, nxt: Line | None) -> bool:
    """An indented line that ended early: the digit or Latin run opening *nxt*, with the space
    extraction may have put before it, would have left it as wide as an indented line."""
    run = run_opening(nxt)
    if run > 0 and any(ln.column - INDENT_MAX <= ln.width + extra <= ln.column - INDENT_MIN for extra in (run, run + 1)):
        return True
    # Digits and Latin are set wider than a unit each: the run did not fit the room an indented
    # line left (full as a first line), though it would have fitted a line of the paragraph.
    return run > 0 and is_full(ln, True, nxt) and not is_full(ln, False, nxt)


def _attributes_quote(prev: Line, ln: Line) -> bool:
    return prev.text[-1:] in CLOSING_QUOTES and ATTRIBUTION.fullmatch(ln.text) is not None


ATTRIBUTION = regex.compile(r"[\u4e00-\u9fff0-9A-Za-z·]+。")  # one clause, not a mark in it but the stop


def _subhead_run(lines: list[Line], k: int) -> int:
    """Subhead lines at a bare line *k*: unpunctuated ones, or wrapped before a comma (“跑一场 | 比赛，游一座城”)."""
    return max(_heading_run(lines, k), _punctuated_heading(lines, k), _wrapped_subhead(lines, k), _full_subhead(lines, k))


def _wrapped_subhead(lines: list[Line], k: int) -> int:
    """A long subhead wrapped at the column: 2 or 3 bare lines, then a paragraph's first line.

    多地延长图书馆开放时间 夜间阅读服务 | 全面铺开: the first lines may be
    full (a subhead is not indented), which :func:`_heading_run` leaves to
    paragraphs.  Mostly the last line tells (a full last line: see below): short without ending a sentence
    (nor cut short by a digit run), no paragraph's line is; and the line
    after it is a paragraph's indented first line.  That line opens a block
    whatever it could be read as alone: a full line cut short by what opens
    the next (过“巴, which did not fit its room) can be no line of a block
    that went on from the subhead's short last line (train33 page-037: 也门…
    以色 | 列 was read as text).

    The last line may fill the column by chance too (gl10/train87 page-020: a
    subhead of two lines in two phrases, its last 30 units of 30): then only a
    paragraph's first line certain to be one ends the run (see _wrapped_full).
    Read as text, its first line, full and in two phrases, was taken for a title.
    A bare line as wide as an indented one under it may be the subhead's short
    last line instead (pf11/train111 page-009: a subhead of three bare lines over
    an indented line, its second as wide as that line): the longer run is read.
    """
    full_last = 0  # a run whose last line is full (see _wrapped_full): read where no longer run ends short
    for run in (2, 3):
        head = lines[k : k + run]
        nxt = lines[k + run] if k + run < len(lines) else None
        if len(head) < run or nxt is None or not all(_subhead_shaped(ln) and not _signed(ln) for ln in head):
            break
        after = lines[k + run + 1] if k + run + 1 < len(lines) else None
        if nxt.byline is not None or not _looks_first(nxt, after):
            continue
        if _closes_paragraph(head[-1], nxt, after):
            break  # the last line opens a paragraph *nxt* ends (…他表 | 示，…很好。, tp2/train23 page-023): no subhead's
        if not is_full(head[-1], nxt=nxt):
            return run
        if not full_last and _wrapped_full(head, nxt, after):
            full_last = run
    return full_last


def _wrapped_full(head: list[Line], nxt: Line, after: Line | None) -> bool:
    """The bare lines *head*, the last full, are a subhead that wrapped at the column over *nxt*, a
    paragraph's first line: every line fills the column (a subhead is not indented, and wraps where
    its line is full; an indented line opens a paragraph, whose full lines go on), and *nxt* opens
    a paragraph for certain: indented, ending no sentence (a paragraph's last line, ended short,
    may be as wide as an indented one: tp2/train page-017, a paragraph of three lines whose last,
    ending with 。, is as wide as an indented first line), not a full line cut short by what opens
    the line after it (see _maybe_cut_short, as _full_subhead asks), and not an article's lead
    (央视网消息（新闻联播）：):
    pdfminer prints an article's first block after another block's lines wherever that block ends,
    full lines of a paragraph that goes on elsewhere (rd10b/train79 and rd9d/train69, pdfminer);
    the lines over a lead in print order are a title's or a deck's (see _led_title, _foot_deck)."""
    opens = is_indented(nxt) and not nxt.ends and not line_opens_lead(nxt.text) and not _maybe_cut_short(nxt, after)
    return opens and all(is_full(ln) for ln in head)


def _heading_run(lines: list[Line], k: int) -> int:
    """Number of subhead lines starting at *k* (0 if line *k* starts a paragraph)."""
    run = 0
    while k + run < len(lines) and run < MAX_HEADING_LINES and heading_like(lines[k + run]):
        if run and lines[k + run].width > lines[k + run].column - SUBHEAD_MARGIN:
            break  # a subhead's later lines keep off the column edge: this one is a paragraph's first
        run += 1
    while run:
        last = lines[k + run - 1]
        nxt = lines[k + run] if k + run < len(lines) else None
        after = lines[k + run + 1] if k + run + 1 < len(lines) else None
        if nxt is not None and _last_line_signed(last, nxt):
            run -= 1  # the candidate opens the paragraph the byline ends
            continue
        if nxt is None or nxt.byline or not (_could_open_paragraph(last) or is_full(last, True, nxt)) or line_opens_lead(nxt.text):
            return run  # (a news lead opens a paragraph: nothing continues the candidate)
        if two_phrases(last.text):
            return run  # a space between two phrases is a title's, never a paragraph's (spaces in prose flank digits)
        if not is_full(nxt, nxt=after) and not _closes_paragraph(last, nxt, after) and not _past_indent(nxt):
            return run  # nothing continues the candidate
        if _indented_with_hanging_mark(nxt, after):
            return run  # the next line opens a paragraph itself: nothing continues the candidate
        run -= 1  # the last candidate line is continued: it opens a paragraph
    return 0


def _past_indent(ln: Line) -> bool:
    """*ln* is wider than any paragraph's indented first line: it opens no paragraph, and (no subhead
    either, see heading_like) it goes on from the line above, though short of the column, as a line
    broken at a space (《春耕 | 备耕》), before digits set proportionally (下拨 | 3.85亿元) or
    inside a byline (（记者 黄 | 蕾）) is."""
    return ln.width > ln.column - INDENT_MIN + (PROPORTIONAL_TOLERANCE if ln.proportional else 0)


def _last_line_signed(first: Line, nxt: Line) -> bool:
    """*nxt* ends a paragraph with its byline (动。（记者 罗希）) and *first* is full as that paragraph's
    first line to what *nxt* opens with: the two lines are one paragraph, not a subhead over it."""
    return nxt.byline is not None and nxt.byline[0] > 0 and is_full(first, True, nxt)


# The name of a heading that prints a foot title again at its article's start (see _foot_deck): it opens
# that article (textfix.split), where no byline ended the article before.
TITLE_AGAIN = "title again"
BODY_SIZE = "body size"  # the name of a heading with a line that fills the column: a subhead, never a title


def _body_size(heading: Item) -> Item:
    """*heading*, named :data:`BODY_SIZE` when it wraps at the column: a line but the last fills it
    (to FULL_SLACK, not wider).  Set in body size, it is a subhead: a title in large type wraps at
    the page's title measure, wider than the column or, on a page of one column, shorter (1.25 em
    and more a character).  (A one-line heading that fills the column may still be a title: a page
    set in one size, as corpora/generate_pages.py makes, prints its titles so.)"""
    if any(ln.column - FULL_SLACK <= ln.width <= ln.column for ln in heading.lines[:-1]):
        heading.name = BODY_SIZE
    return heading


def _closes_paragraph(first: Line, nxt: Line, after: Line | None = None) -> bool:
    """*nxt* is the last line of the paragraph *first* opens: *first* is full as a first line
    (or ended short of a digit run *nxt* opens with), *nxt* ends the sentence and is too short
    to be a first line itself.  A paragraph may end on the colon that introduces the next
    (…呈现 | 出三个新特点： then an indented line), as _starts_paragraph reads it."""
    # Where lines are measured to the unit (see _measured_to_the_unit), a first line that
    # fills its measure to what could not follow is one, though the line after be as short as a
    # first line itself: a subhead that wide is chance, a one-line paragraph under one rare.
    if not (nxt.ends or nxt.text[-1] in COLONS and after is not None and is_indented(after)):
        return False
    exact = _measured_to_the_unit(first, nxt)
    return (exact or not is_indented(nxt)) and is_full(first, True, nxt, exact=exact)


# A digit or Latin letter: set one unit wide where the page is not read as proportional, though it may
# be wider as printed (see textfix.lines._proportional).
_ASCII_GLYPH = regex.compile(r"[0-9A-Za-z]")


def _measured_to_the_unit(first: Line, nxt: Line) -> bool:
    """*first*, over *nxt*, is measured to the unit: marks do not hang (a line ends where the next
    character and the mark bound to it did not fit, see is_full) and every character is as wide as
    measured: the page sets ASCII proportionally and it is measured so, or neither *first* nor *nxt*
    has any (an ideograph or a full-width mark is two units on every page: an indented first line
    with room for one character left is full where the next line opens with a character and its
    comma, which go down together: f11/train91 page-002)."""
    return not first.hanging and (first.proportional or not _ASCII_GLYPH.search(first.text + nxt.text))


def _first_line_wide(ln: Line) -> bool:
    """As wide as a paragraph's indented first line, or up to two units narrower."""
    return is_full(ln, first=True) and ln.width <= ln.column - INDENT_MIN


def _punctuated_heading(lines: list[Line], k: int) -> int:
    """Lines (1 or 2) of a title or subhead with a comma or question in it at *k*, else 0.

    老楼加装电梯，难在哪？ on one line; “跑一场比赛，| 游一座城” or 学一门手艺，带 |
    走一份记忆 over two.  Prose has such lines too, so only lines clearly
    shorter than a paragraph's first line count, followed by a paragraph's
    first line that does not go on into a full line: a line of prose before
    it would have run on.
    """
    for run in (1, 2):
        head = lines[k : k + run]
        nxt = lines[k + run] if k + run < len(lines) else None
        if nxt is None:
            return 0
        # A one-line candidate may be a paragraph's first line and *nxt* its last; not a wrapped one.
        if not _could_be_heading(head) or nxt.byline is not None or nxt.ends and run == 1:
            continue
        after = lines[k + run + 1] if k + run + 1 < len(lines) else None
        if _looks_first(nxt, after) and not _continued(lines, k + run - 1):
            return run
    return 0


# An official document's title names its issuer, then 关于 and the matter (关于做好图书馆夜间开放工作的
# 通知, 中共中央 国务院 中央军委 | 关于给…颁发…的决定): the form GB/T 9704-2012 (党政机关公文格式:
# 标题由发文机关名称、事由和文种组成) sets for a document's title.  Quoted after a colon, such a title is printed as the text's own
# paragraphs, not as the article's headings.  `python corpora/typeset/count_colon_stacks.py` on the 25
# train batches' gold (seeds 21 to 71, odd, but 27): of 31 paragraphs ending on a colon, 16 are followed
# by a paragraph that ends a sentence itself (no stack to read); the 9 followed by headings have no 关于
# nor a list item's number in the blocks up to the next sentence end; the 6 that have are followed by
# paragraphs (2 with 关于 alone, 2 with a number alone, 2 with both).  So 关于 rests, beside GB/T 9704's
# form, on 2 document titles the number would not have read.
DOCUMENT_TITLE = regex.compile(r"关于")


def _introduced_text(lines: list[Line], k: int, run: int) -> bool:
    """The *run* heading candidates at *k*, after a colon, are what it introduces printed as text:
    an official document's title (see DOCUMENT_TITLE), or a list's items (1.全市图书馆…, a
    year's top news listed after 十大新闻是：, train33 page-014), which are paragraphs; or lines
    not followed by a paragraph's indented first line: headings quoted after a colon head the
    text they open (习近平同…互致贺电 | 8月1日，国家主席…), where anything else (a list's
    parenthesised note, its names) may follow a list's or a document's title."""
    head = lines[k : k + run]
    nxt = lines[k + run] if k + run < len(lines) else None
    after = lines[k + run + 1] if k + run + 1 < len(lines) else None
    return _document_or_list([ln.text for ln in head]) or nxt is None or not _looks_first(nxt, after)


def _document_or_list(texts: list[str]) -> bool:
    """*texts* (lines or blocks after a colon) are an official document's title (DOCUMENT_TITLE in
    any) or a list's items (LIST_ITEM opens the first): text the colon introduces."""
    return LIST_ITEM.match(texts[0]) is not None or any(DOCUMENT_TITLE.search(t) for t in texts)


def _could_be_heading(head: list[Line]) -> bool:
    """Short lines without a full stop; the last a headline, the others may end a clause (，、：)."""
    *wrapped, last = head
    return (
        last.headline
        and all(ln.headline or ends_clause(ln.text) for ln in wrapped)
        and not any(_signed(ln) or is_full(ln, first=True) for ln in head)
    )


def _could_open_paragraph(ln: Line) -> bool:
    """A paragraph's first line is full but for its indent (and a mark pushed to the next line)."""
    return ln.width >= ln.column - INDENT_MAX - FULL_SLACK


def _headings(run: list[Line]) -> list[Item]:
    """One line is a subhead; a short line over more is a kicker then the main subhead.

    Two lines that would not have fitted on one, the first not much shorter
    than the second, are one long subhead wrapped near its middle: a kicker
    is a word or two over a longer main subhead.  Nor is a first line that
    stops inside a quotation or after a comma a kicker: a kicker is whole.
    """
    if (cut := _heading_end(run)) is not None:
        return _headings(run[:cut]) + _headings(run[cut:])
    first = run[0]
    wrapped = len(run) == 2 and first.width + run[1].width > first.column - SUBHEAD_MARGIN and len(first.text) >= len(run[1].text) - 3
    unfinished = first.text.count("“") > first.text.count("”") or first.text[-1] in CLAUSE_MARKS
    if len(run) == 1 or first.width > first.column * 0.6 or wrapped or unfinished:
        return [_joined("heading", run)]
    return [_joined("heading", run[:1]), _joined("heading", run[1:])]


def _heading_end(run: list[Line]) -> int | None:
    """Where a heading of the *run* ends before its last line: after a line short of the run's
    widest (by more than TITLE_WRAP_SLACK) under one at it.  A heading wraps where its line is full,
    so a short line under a full one is its last, and what follows opens another heading (a full
    line, its short rest, then a second heading: two headings, read as one, train37 page-028).
    A short first line is no such end: a kicker over the main subhead, see _headings."""
    widest = max(ln.width for ln in run)
    for i in range(1, len(run) - 1):
        if widest - run[i - 1].width <= TITLE_WRAP_SLACK < widest - run[i].width:
            return i + 1
    return None


# A Latin word wrapped at the column: the line break between its parts stands for a space.
_LATIN_WRAP = regex.compile(r"\n(?<=[0-9A-Za-z]\n)(?=[A-Za-z])")  # opens with the newline: found at C speed


def _joined(kind: str, lines: list[Line]) -> Item:
    text = "\n".join([ln.text for ln in lines])  # line texts are stripped: no newline inside
    if len(lines) > 1:
        text = _LATIN_WRAP.sub(" ", text).replace("\n", "")
    if EXTRACTOR_HYPHEN in text:
        text = text.replace(EXTRACTOR_HYPHEN, "-")  # pdfium's mark of a line broken at a hyphen (see PRINT_LINE_TEXT)
    return Item(kind, text, lines[0].start, lines[-1].end, list(lines))
