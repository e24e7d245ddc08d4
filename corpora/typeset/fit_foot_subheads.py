"""Where textfix.order.WRAPPED_SUBHEAD_LINES comes from: how many lines tell a subhead wrapped in its
column from the foot's titles.

    python corpora/typeset/fit_foot_subheads.py /tmp/tp2/train /tmp/tp2/train23 /tmp/l3/train25 ...

pdftotext prints the page's titles at its foot, one a line, and may print a column's subhead just
before them (train49 page-007).  The titles are set across the page, so some line of theirs is
usually wider than the column (textfix.lines.is_wide); a subhead wraps at the column.  For every block
of pdftotext's text (its garbled marks repaired) past the foot (textfix.order._foot) shaped as bare headlines (no sentence marks) wrapped at the column
(textfix.order.column_wrapped: every line but the last full, none wider), prints its lines and what
the gold page makes of it: a subhead (its text is a heading block's), titles (every line is some
article's title) or other.  WRAPPED_SUBHEAD_LINES is the fewest lines from which no block is titles.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's textfix
from textfix.io import read_text  # noqa: E402
from textfix.lines import byline_finder, cut_lines  # noqa: E402
from textfix.order import _foot, blocks_of, column_wrapped  # noqa: E402
from textfix.repair import repair  # noqa: E402
from textfix.split import default_model  # noqa: E402


def _squash(text: str) -> str:
    return "".join(text.split())


def kind(block, gold: dict) -> str:
    """What the gold page makes of *block*: "subhead", "titles" or "other"."""
    text = _squash("".join(ln.text for ln in block))
    heads = {_squash(b["text"]) for a in gold["articles"] for b in a["blocks"] if b["kind"] == "heading"}
    titles = {_squash(a["title"] or "") for a in gold["articles"]}
    if text in heads:
        return "subhead"
    return "titles" if all(_squash(ln.text) in titles for ln in block) else "other"


def page_blocks(folder: Path, model):
    """(lines, kind, page) of each column-wrapped headline block past the foot on *folder*'s pages,
    their garbled marks repaired first as textfix.order.page_order reads them (a garbled 。 or ， is
    no headline's)."""
    bylines = byline_finder(model)
    for txt in sorted(folder.glob("page-*.pdftotext.txt")):
        name = txt.name.split(".")[0]
        gold = json.loads((folder / f"{name}.gold.json").read_text())
        text = repair(read_text(txt).rstrip("\f\n "), model, rejoin=False).text
        blocks = blocks_of(cut_lines(text, bylines=bylines), text)
        for block in blocks[_foot(blocks):]:
            if column_wrapped(block):
                yield len(block), kind(block, gold), f"{folder.name}/{name}"


def main(argv: list[str]) -> int:
    model = default_model()
    found = sorted(b for folder in map(Path, argv) for b in page_blocks(folder, model))
    for lines, what, page in found:
        print(f"{lines} lines: {what:8} {page}")
    counts = Counter((lines, what) for lines, what, _ in found)
    print("counts:", dict(sorted(counts.items())))
    titled = [lines for lines, what, _ in found if what == "titles"]
    print("WRAPPED_SUBHEAD_LINES:", 1 + max(titled, default=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
