"""Count the blocks pdfminer prints that textfix.order._title would take for an article's title but
that open as a paragraph does (order._paragraph_opens: an indented first line over one that fills the
column), by what the gold makes of their text: a title, a heading (subhead) or a paragraph.  The
provenance of the paragraph-opening exception in textfix.order._title.

    python corpora/typeset/count_indented_titles.py DIR [DIR ...]

Each DIR is a typeset batch (make_pages.py) with ``NAME.pdfminer.txt`` and ``NAME.gold.json`` pages.
Run it on a checkout without the exception (the exception hides the blocks it counts).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_evidence import typeset_boxes  # noqa: E402  (puts this checkout first on the path)

import textfix.order as order  # noqa: E402
from textfix.evaluate import squash  # noqa: E402

OPENING = 6  # characters of a block's text that identify the gold title or block it opens (the script's key)


def tally(dirs: list[str]) -> Counter:
    """gold kind ('title', 'heading' or 'paragraph') -> blocks read as titles that open as paragraphs."""
    counts: Counter = Counter()
    for articles, blocks in typeset_boxes(dirs):
        titles = {squash(a.get("title") or "")[:OPENING] for a in articles}
        headings = {squash(b["text"])[:OPENING] for a in articles for b in a["blocks"] if b["kind"] == "heading"}
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
