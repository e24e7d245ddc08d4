"""Count the one-line headline blocks pdftotext prints first past the foot, before another block (the
foot's titles): a bare line as wide as the column but for an indent, none wider (textfix.order
._broad_line, textfix.lines.is_wide) — a subhead printed after the columns, or a title.  For each,
what the gold page makes of it: a subhead (its text is a heading block's), a title (an article's
title) or other, and the topics the move search weighs for it (textfix.order
.foot_block_read_over_text): how many of its characters the text it reads the line over opens with,
and how many the page's first text opens with ("-" where the search reads it over no text, or leaves
a seam broken).  The provenance of the one-line case of textfix.order._subhead_over_foot (its move
search and topic then decide: read as a subhead where the text under it opens with more of its topic
than the page's first text, whose article's title the foot's first line is otherwise).

    python corpora/typeset/count_foot_lines.py DIR [DIR ...]

Each DIR is a typeset batch (make_pages.py) with ``NAME.pdftotext.txt`` and ``NAME.gold.json`` pages.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_evidence import typeset_pages  # noqa: E402  (puts this checkout first on the path)

from textfix.evaluate import squash  # noqa: E402
from textfix.order import foot_before_subheads, foot_block_read_over_text, foot_line  # noqa: E402


def kind(line: str, articles: list[dict]) -> str:
    """What the gold's *articles* make of the *line*: "subhead", "title" or "other"."""
    heads = {squash(b["text"]) for a in articles for b in a["blocks"] if b["kind"] == "heading"}
    titles = {squash(a["title"]) for a in articles}
    text = squash(line)
    return "subhead" if text in heads else "title" if text in titles else "other"


def page_lines(dirs: list[str]):
    """(kind, lines of the block after it, page, topics) of the one-line block that opens the move
    search's foot on the pages of *dirs* (before a subhead is taken from it), where it is shaped so
    (textfix.order.foot_line) and another block follows it; topics: "OVER/FIRST" (see the module's
    doc)."""
    for page, articles, printed in typeset_pages(dirs, "pdftotext"):
        blocks, stop = foot_before_subheads(printed)
        if stop is not None and stop + 1 < len(blocks) and foot_line(blocks[stop]):
            read = foot_block_read_over_text(blocks, stop)
            topics = f"{read[1]}/{read[2]}" if read else "-"
            yield kind(blocks[stop][0].text, articles), len(blocks[stop + 1]), page, topics


def main(argv: list[str]) -> int:
    found = sorted(page_lines(argv))
    for what, after, page, topics in found:
        print(f"{what:8} {page} (a block of {after} lines after it; topic over its text / the first: {topics})")
    print("counts:", dict(sorted(Counter(what for what, *_ in found).items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
