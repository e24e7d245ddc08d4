"""Rejoining a page's lines, as changes: the log of a repair is a plan that makes its output.

``textfix repair`` prints a print page with one paragraph (subhead, title,
byline) per line and a blank line between them.  Every line break removed
and every run of whitespace turned into a paragraph break is a
:class:`~textfix.repair.Change` with the rule ``rejoin``, offsets into the
input like the character repairs, so that applying the log to the input
(:func:`textfix.repair.apply_changes`) gives the output byte for byte.

Print layout (:mod:`textfix.layout`): whitespace before the first item goes,
the page ends with one line end, items are separated by a blank line, and
the lines of one item are joined (with a space where a Latin word was
wrapped).  The header line is printed as it stands: its spaces (`` 6 产经
Industries``) are the header's, so the character repairs inside it are
dropped from the log.

Paragraph layout (:mod:`textfix.paragraphs`): lines stay as they are; only a
line cut before a mark no line may open with is joined to the line before.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace

from .collector import no_cycle_collection
from .layout import Item, read_layout, title_goes_on_into
from .lines import byline_finder
from .model import NoiseModel
from .paragraphs import join_kinsoku, read_paragraphs
from .repair import REJOIN_RULE, Change, Repaired, apply_changes, input_offset

RULE = REJOIN_RULE
PARAGRAPH_BREAK = "\n\n"


def rejoined(text: str, repaired: Repaired, model: NoiseModel, items: list[Item] | None = None,
             marks: list[Change] = ()) -> Repaired:
    """*repaired* (the character repairs of *text*) with the page's lines rejoined, and the log to match.

    *items*: the page's layout items (:func:`layout_items`) where the caller read them already, as
    :mod:`textfix.split` does, so that ``split`` settles the very text ``repair`` prints.  *marks*:
    pdfium's hyphen marks, which *repaired* kept for the lines to be read, logged as hyphens
    (``textfix.repair.marks_as_hyphens``; none where ``RepairConfig.extractor_hyphens`` is off).
    """
    with no_cycle_collection():  # the lines and items die here: only the changes survive the pause
        if items is None:
            items = _titles_whole(layout_items(text, repaired, model), model)
        changes = plan(text, repaired, items, marks)
    return Repaired(apply_changes(text, changes), changes, repaired.layout)


def layout_items(text: str, repaired: Repaired, model: NoiseModel) -> list[Item]:
    """The items of the repaired page (offsets into ``repaired.text``), read as its layout says."""
    if repaired.layout == "paragraphs":
        return read_paragraphs(repaired.text, byline_finder(model))
    return join_kinsoku(read_layout(repaired.text, byline_finder(model), printed=text))


def _titles_whole(items: list[Item], model: NoiseModel) -> list[Item]:
    """*items* with the lines of each title at the page's foot one item, as ``split`` reads them
    (:func:`textfix.split.foot_titles`): printed a line each, a title wrapped at its measure is cut
    mid-word (``…中国式现代化挺`` / ``膺担当…``), and ``repair`` run again on its own output would read
    such lines as print lines and join every title into one (train2903 page-008, pdftotext)."""
    feet = [i for i in items if i.kind == "foot_title"]
    if not any(map(title_goes_on_into, feet[1:])):
        return items  # no title wraps (each line a block of its own: pdfminer's): split is not imported
    if any(feet[0].start < i.start < feet[-1].end for i in items if i.kind != "foot_title"):
        return items  # other text among the foot's lines: a title joined over it would print it twice
    from .split import foot_titles  # (split reads its pages with this module)

    titles = foot_titles(items, byline_finder(model))
    return sorted([i for i in items if i.kind != "foot_title"] + titles, key=lambda i: i.start)


def plan(text: str, repaired: Repaired, items: list[Item], marks: list[Change]) -> list[Change]:
    """The character repairs and hyphen *marks* (see :func:`rejoined`) outside the header, and the
    layout's changes, sorted: input → output."""
    if not items:  # a blank page: nothing to print, whatever its lines were taken for
        return [Change(0, len(text), text, "", RULE, 1.0, "a page without text")] if text else []
    to_input = input_offset(repaired.changes)
    kept = outside_headers(repaired.changes + list(marks), items, to_input)
    gaps = _print_gaps(text, items, to_input) if repaired.layout != "paragraphs" else _kinsoku_gaps(items, to_input)
    layout = [Change(lo, hi, text[lo:hi], new, RULE, 1.0, why) for lo, hi, new, why in gaps if text[lo:hi] != new]
    return sorted(kept + layout, key=lambda c: (c.start, c.end))


def outside_headers(changes: list[Change], items: list[Item], to_input: Callable[[int], int]) -> list[Change]:
    """The *changes* that touch no header item (offsets into the repaired text; *to_input* maps them
    back): the header is printed as it stands, its spaces its own (`` 6 产经 Industries``)."""
    headers = [(to_input(i.start), to_input(i.end)) for i in items if i.kind == "header"]
    if not headers:
        return list(changes)
    return [c for c in changes if not any(c.start < hi and lo < c.end for lo, hi in headers)]


Gap = tuple[int, int, str, str]  # (start, end) in the input, what it becomes, why


def _print_gaps(text: str, items: list[Item], to_input: Callable[[int], int]) -> list[Gap]:
    items = _apart(sorted(items, key=lambda i: i.start))
    gaps: list[Gap] = [(0, to_input(items[0].start), "", LEADING)]
    for item, nxt in zip(items, items[1:] + [None]):
        gaps += _line_breaks(item, to_input) + _stretched_breaks(text, item, to_input)
        if nxt is not None:
            gaps.append((to_input(item.end), to_input(nxt.start), PARAGRAPH_BREAK, BETWEEN))
    gaps.append((to_input(items[-1].end), len(text), "\n", TRAILING))
    return gaps


def _apart(items: list[Item]) -> list[Item]:
    """*items* (in order) with an item whose lines run on past others that the layout read among them (a
    byline line boxed amid a paragraph's lines, train2889 page-005, pdfminer: ``…智慧农`` / ``本报记者 赵敏`` /
    ``业等现代农业…``) cut into its parts between them, each printed in its place: the log is a plan on
    the input, which moves no text, and a gap from such an item's end back to the next item's start
    would print the text between twice."""
    starts = [i.start for i in items]
    out: list[Item] = []
    for item in items:
        # The items that start inside this one's span: found by bisection, the items being in order (a
        # 5 MB page holds tens of thousands: asked of every pair, 70 s of bench_repair's one-page repair).
        inside = starts[bisect_right(starts, item.start):bisect_left(starts, item.end)]
        if not inside or not item.lines:
            out.append(item)
            continue
        parts = [[item.lines[0]]]
        for a, b in zip(item.lines, item.lines[1:]):
            if any(a.end <= s < b.start for s in inside):
                parts.append([])
            parts[-1].append(b)
        if len(parts) == 1:
            out.append(item)  # none of the items inside stands between two of its lines
            continue
        out += [replace(item, text="".join(ln.text for ln in p), start=p[0].start, end=p[-1].end, lines=p) for p in parts]
    return sorted(out, key=lambda i: i.start)


LEADING = "whitespace before the page's first line"
BETWEEN = "between two blocks (paragraphs, subheads, titles, bylines)"
TRAILING = "the page ends with one line end"
INSIDE = "line broken at the column inside a block"
LATIN = "a Latin word wrapped at the column"
STRETCHED = "a line the extraction broke at a space justification stretched"


def _line_breaks(item: Item, to_input: Callable[[int], int]) -> list[Gap]:
    """The breaks between an item's printed lines: gone, or a space inside a wrapped Latin word."""
    lines = item.lines
    if len(lines) < 2:
        return []
    breaks = []
    for a, b in zip(lines, lines[1:]):
        last, first = a.text[-1], b.text[0]
        if first.isascii() and last.isascii() and last.isalnum() and first.isalpha():
            breaks.append((to_input(a.end), to_input(b.start), " ", LATIN))
        else:
            breaks.append((to_input(a.end), to_input(b.start), "", INSIDE))
    return breaks


def _stretched_breaks(text: str, item: Item, to_input: Callable[[int], int]) -> list[Gap]:
    """The line break inside each of an item's lines that extraction broke at a stretched space and the
    layout read as one (textfix.lines._rejoin_stretched): the space it was."""
    breaks = []
    for ln in item.lines:
        lo, hi = to_input(ln.start), to_input(ln.end)
        if (at := text.find("\n", lo, hi)) >= 0:
            breaks.append((at, at + 1, " ", STRETCHED))
    return breaks


def _kinsoku_gaps(items: list[Item], to_input: Callable[[int], int]) -> list[Gap]:
    """Paragraph layout: only a line opening with a mark no line opens with joins the line before."""
    seen: set[tuple[int, int]] = set()
    gaps: list[Gap] = []
    for item in items:
        for a, b in zip(item.lines, item.lines[1:]):
            span = (to_input(a.end), to_input(b.start))
            if span not in seen:
                seen.add(span)
                gaps.append((*span, "", f"a line cannot open with {b.text[0]}"))
    return gaps
