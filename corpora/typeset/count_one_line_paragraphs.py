"""Count, in real text set in narrow columns, what a short line that ends a sentence under a full line
that ends one is: the last line of the full line's paragraph, or a paragraph of one line (王磊出席会议。
under a paragraph whose last line filled the column).  Where the extractor prints no indent the widths
cannot tell the two; how long the short line is, and whether the article ends with it, can.  The provenance of
textfix.layout.ONE_LINE_PARAGRAPH.

    python corpora/typeset/count_one_line_paragraphs.py [--part train]

Real-dev paragraphs (corpora/realdev.py, train part; subheads left out, a subhead breaks the pair) are
set as make_pages.py's columns set them, to the widths its pages take (13 to 22 characters a line): a
first line indented two characters, CJK a unit of two, ASCII one (textfix.measure.display_width), a
closing mark never opening a line (it takes the character before it down).  Counted per width of the
short line (display units): a paragraph's last line under a full line of it that ends a sentence, and
a one-line paragraph under a paragraph whose last line is full and ends a sentence; both short lines end
a sentence and are clearly shorter than an indented first line (the reader reads an indented-width line
as a first line already).  "Full" is as textfix.lines.is_full reads it: FULL_SLACK units short at most.

``--indented`` counts the lines the reader reads as first lines instead: as wide as an indented first
line (INDENT_MAX to INDENT_MIN units short of the column, textfix.lines.is_indented), the provenance of
textfix.layout._indented_last_line.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's textfix
sys.path.insert(0, str(ROOT / "corpora"))
import realdev  # noqa: E402
from textfix.lines import CLOSING_MARKS, FULL_SLACK, INDENT_MAX, INDENT_MIN, ends_sentence  # noqa: E402
from textfix.measure import display_width  # noqa: E402

WIDTHS = range(13, 23)  # characters a column's line takes on make_pages.py's pages (its MANIFEST's width_chars)
INDENT = 4  # display units of a first line's two-character indent, as make_pages.py sets it


def set_lines(text: str, column: int) -> list[tuple[str, int]]:
    """(line, room it had) for *text* set as a paragraph in a column *column* units wide."""
    out, start, room = [], 0, column - INDENT
    while start < len(text):
        end, width = start, 0
        while end < len(text) and width + display_width(text[end]) <= room:
            width += display_width(text[end])
            end += 1
        if end < len(text) and text[end] in CLOSING_MARKS and end - 1 > start:
            end -= 1  # a closing mark opens no line: the character before it goes down with it
        end = max(end, start + 1)
        out.append((text[start:end], room))
        start, room = end, column
    return out


def _full_sentence_end(line: tuple[str, int]) -> bool:
    text, room = line
    return ends_sentence(text) and room - display_width(text) <= FULL_SLACK


def tally(items: list[dict], indented: bool = False) -> Counter:
    """(at the article's end?, one-line paragraph?, short line's width) -> short lines, over every width
    in WIDTHS.  At the end: the item's last paragraph that is no subhead.  *indented*: the short lines
    counted are as wide as an indented first line, not clearly shorter (see the module's doc)."""
    counts: Counter = Counter()
    for chars in WIDTHS:
        column = 2 * chars
        for item in items:
            subheads = set(item.get("subheads", []))
            texts = [(k, p.strip()) for k, p in enumerate(item["paragraphs"]) if p.strip() and k not in subheads]
            last_k = texts[-1][0] if texts else -1
            before = None  # the last line of the paragraph before, if it was one
            for k, paragraph in enumerate(item["paragraphs"]):
                paragraph = paragraph.strip()
                if k in subheads or not paragraph:
                    before = None
                    continue
                lines = set_lines(paragraph, column)
                last = lines[-1][0]
                width = display_width(last)
                short = ends_sentence(last) and (
                    column - INDENT_MAX <= width <= column - INDENT_MIN if indented else width < column - INDENT_MAX
                )
                if short and len(lines) >= 2 and _full_sentence_end(lines[-2]):
                    counts[k == last_k, False, display_width(last)] += 1
                if short and len(lines) == 1 and before is not None and _full_sentence_end(before):
                    counts[k == last_k, True, display_width(last)] += 1
                before = lines[-1]
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", default="train", choices=("train",), help="real-dev part (train only: the test part is for milestones)")
    ap.add_argument("--indented", action="store_true", help="count lines as wide as an indented first line instead")
    args = ap.parse_args()
    counts = tally(realdev.load(args.part), args.indented)
    widths = sorted({w for _, _, w in counts})
    print("width  inside: last-line one-line  at the end: last-line one-line")
    for w in widths:
        print(f"{w:5d}  {counts[False, False, w]:17d} {counts[False, True, w]:8d}  {counts[True, False, w]:21d} {counts[True, True, w]:8d}")
    for end, where in ((True, "at an article's end"), (False, "inside an article")):
        total = lambda alone: sum(n for (e, a, _), n in counts.items() if e == end and a == alone)
        print(f"{where}, every width: {total(True)} one-line paragraphs, {total(False)} last lines")
        low, high = best_interval(Counter({(alone, w): n for (e, alone, w), n in counts.items() if e == end}))
        inside = lambda alone: sum(n for (e, a, w), n in counts.items() if e == end and a == alone and low <= w <= high)
        print(f"{where}: widths read as a one-line paragraph (most short lines read right): {low} to {high}"
              f" ({inside(True)} one-line paragraphs, {inside(False)} last lines)")


def best_interval(counts: Counter) -> tuple[int, int]:
    """The widths (low, high) that, read as one-line paragraphs and every other width as a paragraph's
    last line, read the most short lines right (ties: the narrowest interval); *counts*: (one-line
    paragraph?, width) -> short lines."""
    widths = sorted({w for _, w in counts})
    gain = {w: counts[True, w] - counts[False, w] for w in widths}
    pairs = [(low, high) for i, low in enumerate(widths) for high in widths[i:]]
    return max(pairs, key=lambda p: (sum(g for w, g in gain.items() if p[0] <= w <= p[1]), p[0] - p[1]))


if __name__ == "__main__":
    main()
