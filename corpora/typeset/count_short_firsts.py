"""Count the blocks pdfminer prints whose first line is short of the column by an indent's width
(lines.is_indented) over a second line at the column's width: a paragraph's first line (its text opens
a gold block) or a continuation (a column's top inside a paragraph), and how many of each have that
shortfall explained without an indent, by what opens the second line not fitting the room left
(lines.is_full of the first line as a paragraph's inner line).  The provenance of
textfix.order._short_by_next.  With --last, the blocks counted are those whose first two lines are
the first short by an indent, the second ending a sentence short of the column
(order._indented_over_last; pdftotext runs a column's paragraphs on in one block, pdfminer boxes each).

    python corpora/typeset/count_short_firsts.py [--last] [--extractor pdftotext] DIR [DIR ...]

Each DIR is a typeset batch (make_pages.py) with ``NAME.EXTRACTOR.txt`` (pdfminer by default) and
``NAME.gold.json`` pages.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_evidence import typeset_boxes  # noqa: E402  (puts this checkout first on the path)

import textfix.order as order  # noqa: E402
from textfix.evaluate import squash  # noqa: E402

OPENING = 8  # characters of a block's text that identify the gold block it opens (the script's key, no threshold of the reader)


def tally(dirs: list[str], last: bool = False, extractor: str = "pdfminer") -> Counter:
    """(paragraph first line?, shortfall explained?) -> blocks, over every page in *dirs*; *last*:
    the blocks whose second line is a paragraph's last (--last) instead."""
    shaped = order._indented_over_last if last else order._paragraph_opens
    counts: Counter = Counter()
    for articles, blocks in typeset_boxes(dirs, extractor):
        # Gold text as written, not as printed: the page is read repaired (garbles undone).
        opens = {squash(b["text"])[:OPENING] for a in articles for b in a["blocks"]}
        for block in blocks:
            if not shaped(block):
                continue
            start = squash("".join(ln.text for ln in block))[:OPENING]
            counts[start in opens, order._short_by_next(block)] += 1
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--last", action="store_true")
    ap.add_argument("--extractor", default="pdfminer")
    ap.add_argument("dirs", nargs="+")
    args = ap.parse_args()
    counts = tally(args.dirs, args.last, args.extractor)
    for kind, first in (("paragraph first lines", True), ("continuations", False)):
        total = counts[first, True] + counts[first, False]
        print(f"{kind}: {total}, shortfall explained by the next line's opening: {counts[first, True]}")


if __name__ == "__main__":
    main()
