"""Count the blocks pdftotext (layout mode) prints that end with a one-line subhead by shape
(textfix.order._tail_subhead: a bare line as wide as the column but for an indent, under a line that
ends a sentence) whose line fills the column (textfix.order._full_line): a gold heading (its text
within a title or a subhead of the gold) or text, each as the block printed after it goes on from it
(textfix.order._goes_on) or not.  The provenance of textfix.order._tail_runs_on.

    python corpora/typeset/count_tail_lines.py DIR [DIR ...]

Each DIR is a typeset batch (make_pages.py) with ``NAME.pdftotext.txt`` and ``NAME.gold.json`` pages.
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
    for articles, blocks in typeset_boxes(dirs, "pdftotext"):
        heads = gold_headings(articles)
        for i, block in enumerate(blocks[:-1]):
            if order._tail_subhead(block) != 1 or not order._full_line(block[-1]):
                continue
            shown = squash(block[-1].text)
            counts[any(shown in h for h in heads), order._goes_on(blocks[i + 1])] += 1
    return counts


def main() -> None:
    print_heading_tally(tally(sys.argv[1:]))


if __name__ == "__main__":
    main()
