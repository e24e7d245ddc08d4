"""Count the blocks pdfminer prints that textfix.order._title would take for an article's title but
that open as a paragraph does (order._paragraph_opens: an indented first line over one that fills the
column), by what the gold makes of their text: a title, a heading (subhead) or a paragraph.  The
provenance of the paragraph-opening exception in textfix.order._title.

    python corpora/typeset/count_indented_titles.py DIR [DIR ...]

Each DIR is a typeset batch (make_pages.py) with ``NAME.pdfminer.txt`` and ``NAME.gold.json`` pages.
Run it on a checkout without the exception (the exception hides the blocks it counts).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's textfix
import textfix.order as order  # noqa: E402
import textfix.split as split  # noqa: E402
from textfix.evaluate import squash  # noqa: E402
from textfix.io import read_text  # noqa: E402
from textfix.lines import byline_finder  # noqa: E402
from textfix.repair import repair  # noqa: E402

OPENING = 6  # characters of a block's text that identify the gold title or block it opens (the script's key)


def tally(dirs: list[str]) -> Counter:
    """gold kind ('title', 'heading' or 'paragraph') -> blocks read as titles that open as paragraphs."""
    model = split.default_model()
    bylines = byline_finder(model)
    counts: Counter = Counter()
    for arg in dirs:
        for gold in sorted(Path(arg).glob("*.gold.json")):
            name = gold.name.removesuffix(".gold.json")
            articles = json.loads(gold.read_text(encoding="utf-8"))["articles"]
            titles = {squash(a.get("title") or "")[:OPENING] for a in articles}
            headings = {squash(b["text"])[:OPENING] for a in articles for b in a["blocks"] if b["kind"] == "heading"}
            text = read_text(gold.with_name(f"{name}.pdfminer.txt")).rstrip("\f\n ")
            blocks = order.boxes(repair(text, model, rejoin=False).text, bylines)
            for i, block in enumerate(blocks):
                if not (order._title(blocks, i) and order._paragraph_opens(block)):
                    continue
                start = squash("".join(ln.text for ln in block))[:OPENING]
                counts["title" if start in titles else "heading" if start in headings else "paragraph"] += 1
    return counts


def main() -> None:
    counts = tally(sys.argv[1:])
    print(", ".join(f"{kind}: {counts[kind]}" for kind in ("title", "heading", "paragraph")))


if __name__ == "__main__":
    main()
