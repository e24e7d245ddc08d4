"""Count the byline lines under a title (本报记者 …, textfix.order._lead_byline) that pdfminer boxes
alone between a block that stops unfinished at the column's width (textfix.order._needs_more) and a
block that may go on from it (textfix.order._goes_on): whether the block after the byline goes on
from the block before it in the gold (the two blocks' lines that meet, joined, are in one gold
paragraph's text) or not.  The provenance of textfix.order._inset_byline.

    python corpora/typeset/count_inset_bylines.py DIR [DIR ...]

Each DIR is a typeset batch (make_pages.py) with ``NAME.pdfminer.txt`` and ``NAME.gold.json`` pages.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_evidence import typeset_boxes  # noqa: E402  (puts this checkout first on the path)

import textfix.order as order  # noqa: E402
from textfix.evaluate import squash  # noqa: E402


def tally(dirs: list[str]) -> Counter:
    """(block after the byline goes on from the one before it in the gold?) -> bylines, over *dirs*."""
    counts: Counter = Counter()
    for articles, blocks in typeset_boxes(dirs):
        paragraphs = [squash(b["text"]) for a in articles for b in a["blocks"]]
        for i in range(len(blocks)):
            if order._inset_byline(blocks, i):
                seam = squash(blocks[i - 1][-1].text + blocks[i + 1][0].text)
                counts[any(seam in p for p in paragraphs)] += 1
    return counts


def main() -> None:
    counts = tally(sys.argv[1:])
    print(f"bylines between an unfinished block and one that may go on: {counts[True] + counts[False]}, "
          f"the two read on in the gold: {counts[True]}")


if __name__ == "__main__":
    main()
