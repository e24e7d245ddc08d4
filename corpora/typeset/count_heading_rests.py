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

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's textfix
from textfix.io import read_text  # noqa: E402
from textfix.lines import byline_finder  # noqa: E402
from textfix.order import _broad_line, _rests, boxes, move_blocks  # noqa: E402
from textfix.repair import repair  # noqa: E402
from textfix.split import default_model  # noqa: E402


def _squash(text: str) -> str:
    return "".join(text.split())


def page_rests(folder: Path, model):
    """(joined in the gold?, broad?, page, first line, rest) of each rest found on *folder*'s pages."""
    bylines = byline_finder(model)
    for txt in sorted(folder.glob("page-*.pdftotext.txt")):
        name = txt.name.split(".")[0]
        gold = json.loads((folder / f"{name}.gold.json").read_text())
        heads = {_squash(b["text"]) for a in gold["articles"] for b in a["blocks"] if b["kind"] == "heading"}
        heads |= {_squash(a["title"] or "") for a in gold["articles"]}
        text = repair(read_text(txt).rstrip("\f\n "), model, rejoin=False).text
        blocks, _ = move_blocks(boxes(text, bylines))
        for i, rest in enumerate(_rests(blocks)):
            if rest:
                line, first = blocks[i][0], blocks[i + 1][0]
                joined = _squash(first.text + line.text) in heads
                yield joined, _broad_line(line), f"{folder.name}/{name}", first.text, line.text


def main(argv: list[str]) -> int:
    model = default_model()
    found = [r for folder in map(Path, argv) for r in page_rests(folder, model)]
    for joined, broad, page, first, rest in found:
        print(f"{'joined' if joined else 'apart':6} {'broad' if broad else 'short':5} {page}: {first} / {rest}")
    print("counts (joined in the gold, broad):", dict(sorted(Counter((j, b) for j, b, *_ in found).items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
