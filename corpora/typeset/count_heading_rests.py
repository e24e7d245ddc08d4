"""Count the short rests of wrapped headings pdftotext printed before their first line
(textfix.order._rests): for each, whether the gold joins it to that heading, and whether the rest is
as wide as the column but for an indent (textfix.order._broad_line).  The provenance of the rest's
width in textfix.order._heading_rest: run on a checkout before that test (8f26c2b), the 41 train
batches of seeds 21-111 odd give 18 rests, each short (one or two characters) and joined in the gold,
and none broad (train135 page-015's two subheads, apart in the gold, are the one broad found since).

    python corpora/typeset/count_heading_rests.py DIR [DIR ...]

Each DIR is a typeset batch (make_pages.py) with ``NAME.pdftotext.txt`` and ``NAME.gold.json`` pages.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_evidence import gold_headings, typeset_pages  # noqa: E402  (puts this checkout first on the path)

from textfix.evaluate import squash  # noqa: E402
from textfix.order import _broad_line, _rests, move_blocks  # noqa: E402


def page_rests(dirs: list[str]):
    """(joined in the gold?, broad?, page, first line, rest) of each rest found on the pages of *dirs*."""
    for page, articles, printed in typeset_pages(dirs, "pdftotext"):
        heads = set(gold_headings(articles))
        blocks, _ = move_blocks(printed)
        for i, rest in enumerate(_rests(blocks)):
            if rest:
                line, first = blocks[i][0], blocks[i + 1][0]
                joined = squash(first.text + line.text) in heads
                yield joined, _broad_line(line), page, first.text, line.text


def main(argv: list[str]) -> int:
    found = list(page_rests(argv))
    for joined, broad, page, first, rest in found:
        print(f"{'joined' if joined else 'apart':6} {'broad' if broad else 'short':5} {page}: {first} / {rest}")
    print("counts (joined in the gold, broad):", dict(sorted(Counter((j, b) for j, b, *_ in found).items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
