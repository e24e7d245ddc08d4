"""Count the one-line blocks shaped as a subhead that pdfminer boxes amid a column's sentence
(textfix.order._title_amid_text, over the print order's boxes of the page as extracted, as
textfix.order.page_order asks): how many are gold titles, and how many of each the join keeps (the
text after the line goes on from the text before it better than from the line:
textfix.order._inset_title).  The provenance of textfix.order._inset_title.

    python corpora/typeset/count_inset_titles.py DIR [DIR ...]

Each DIR is a typeset batch (make_pages.py) with ``NAME.pdfminer.txt`` and ``NAME.gold.json`` pages.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's textfix

import textfix.order as order  # noqa: E402
from textfix.evaluate import squash  # noqa: E402
from textfix.io import read_text  # noqa: E402
from textfix.split import default_model  # noqa: E402


def tally(dirs: list[str]) -> Counter:
    """(a gold title?, kept by the join?) -> blocks amid a sentence, over *dirs*."""
    bylines = order.byline_finder(default_model())
    counts: Counter = Counter()
    for arg in dirs:
        for gold in sorted(Path(arg).glob("*.gold.json")):
            titles = {squash(a.get("title") or "") for a in json.loads(gold.read_text(encoding="utf-8"))["articles"]}
            text = read_text(gold.with_name(gold.name.removesuffix(".gold.json") + ".pdfminer.txt")).rstrip("\f\n ")
            blocks = order.boxes(text, bylines)
            for i in range(len(blocks)):
                if order._title_amid_text(blocks, i):
                    counts[squash(blocks[i][0].text) in titles, order._inset_title(blocks, i)] += 1
    return counts


def main() -> None:
    counts = tally(sys.argv[1:])
    for title, name in ((True, "gold titles"), (False, "other")):
        print(f"{name}: {counts[title, True] + counts[title, False]}, kept by the join {counts[title, True]}")


if __name__ == "__main__":
    main()
