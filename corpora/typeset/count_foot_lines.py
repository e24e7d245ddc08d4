"""Count the one-line headline blocks pdftotext prints first past the foot, before another block (the
foot's titles): a bare line as wide as the column but for an indent, none wider (textfix.order
._broad_line, textfix.lines.is_wide) — a subhead printed after the columns, or a title.  For each,
what the gold page makes of it: a subhead (its text is a heading block's), a title (an article's
title) or other.  The provenance of the one-line case of textfix.order._subhead_over_foot (its
move search and topic then decide).

    python corpora/typeset/count_foot_lines.py DIR [DIR ...]

Each DIR is a typeset batch (make_pages.py) with ``NAME.pdftotext.txt`` and ``NAME.gold.json`` pages.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's textfix
from textfix.io import read_text  # noqa: E402
from textfix.lines import byline_finder  # noqa: E402
from textfix.order import boxes, foot_before_subheads, foot_line  # noqa: E402
from textfix.repair import repair  # noqa: E402
from textfix.split import default_model  # noqa: E402


def _squash(text: str) -> str:
    return "".join(text.split())


def kind(line: str, gold: dict) -> str:
    """What the gold page makes of the *line*: "subhead", "title" or "other"."""
    heads = {_squash(b["text"]) for a in gold["articles"] for b in a["blocks"] if b["kind"] == "heading"}
    titles = {_squash(a["title"] or "") for a in gold["articles"]}
    text = _squash(line)
    return "subhead" if text in heads else "title" if text in titles else "other"


def page_lines(folder: Path, model):
    """(kind, lines of the block after it, page) of the one-line block that opens the move search's foot on *folder*'s pages (before
    a subhead is taken from it), where it is shaped so (textfix.order.foot_line) and another block
    follows it."""
    bylines = byline_finder(model)
    for txt in sorted(folder.glob("page-*.pdftotext.txt")):
        name = txt.name.split(".")[0]
        gold = json.loads((folder / f"{name}.gold.json").read_text())
        text = repair(read_text(txt).rstrip("\f\n "), model, rejoin=False).text
        blocks, stop = foot_before_subheads(boxes(text, bylines))
        if stop is not None and stop + 1 < len(blocks) and foot_line(blocks[stop]):
            yield kind(blocks[stop][0].text, gold), len(blocks[stop + 1]), f"{folder.name}/{name}"


def main(argv: list[str]) -> int:
    model = default_model()
    found = sorted(b for folder in map(Path, argv) for b in page_lines(folder, model))
    for what, after, page in found:
        print(f"{what:8} {page} (a block of {after} lines after it)")
    print("counts:", dict(sorted(Counter(what for what, _, _ in found).items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
