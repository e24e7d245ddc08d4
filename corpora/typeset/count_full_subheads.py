"""Count the blocks pdfminer prints shaped as a subhead whose every line fills the column
(textfix.order._fills_as_subhead): a gold heading (its text within a title or a subhead of the gold)
or text, each as the block printed after it goes on from it (textfix.order._goes_on) or not.  The
provenance of textfix.order._text_by_next.

    python corpora/typeset/count_full_subheads.py DIR [DIR ...]

Each DIR is a typeset batch (make_pages.py) with ``NAME.pdfminer.txt`` and ``NAME.gold.json`` pages.
The page header's lines (textfix.order._header) are no block of text and are not counted.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_evidence import gold_headings, print_heading_tally, typeset_boxes  # noqa: E402  (puts this checkout first on the path)

import textfix.order as order  # noqa: E402
from textfix.evaluate import squash  # noqa: E402


def tally(dirs: list[str]) -> Counter:
    """(gold heading?, next block goes on?) -> blocks, over every page in *dirs*."""
    counts: Counter = Counter()
    for articles, blocks in typeset_boxes(dirs):
        heads = gold_headings(articles)
        for i, block in enumerate(blocks[:-1]):
            if order._header(block) or not order._fills_as_subhead(block):
                continue
            shown = squash("".join(ln.text for ln in block))
            counts[any(shown in h for h in heads), order._goes_on(blocks[i + 1])] += 1
    return counts


def main() -> None:
    print_heading_tally(tally(sys.argv[1:]))


if __name__ == "__main__":
    main()
