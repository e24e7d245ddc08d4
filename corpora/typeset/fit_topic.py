"""Where textfix.order.TOPIC_MIN comes from: how much of a subhead the text under it opens with.

    python corpora/typeset/fit_topic.py /tmp/tp2/train /tmp/tp2/train23 /tmp/l3/train25

For every subhead (gold block of kind ``heading``) followed by a paragraph, counts the subhead's
ideographs found in the paragraph's first textfix.order.TOPIC_LINES printed lines (the page's
column width from MANIFEST.json, the first line short by its two-character indent), and prints how
many subheads share each count and the fewest: the move search (textfix.order.move_order) takes a
subhead over text that opens with fewer than that for a subhead out of place.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's textfix
from textfix.charclasses import is_ideograph  # noqa: E402
from textfix.order import TOPIC_LINES  # noqa: E402

INDENT = 2  # the paragraph indent, in characters (make_pages.py: text-indent 2em)


def shared_counts(folder: Path) -> list[tuple[int, str]]:
    """(characters shared, page) for each subhead over a paragraph on the pages of *folder*."""
    widths = {p["name"]: p["width_chars"] for p in json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))["pages"]}
    out = []
    for gold in sorted(folder.glob("*.gold.json")):
        name = gold.name.removesuffix(".gold.json")
        opening = TOPIC_LINES * widths[name] - INDENT
        for article in json.loads(gold.read_text(encoding="utf-8"))["articles"]:
            blocks = article["blocks"]
            for head, text in zip(blocks, blocks[1:]):
                if head["kind"] == "heading" and text["kind"] == "paragraph":
                    chars = {c for c in head["text"] if is_ideograph(c)}
                    out.append((len(chars & set(text["text"][:opening])), f"{folder.name}/{name}"))
    return out


def main(argv: list[str]) -> int:
    counts = [c for folder in map(Path, argv) for c in shared_counts(folder)]
    if not counts:
        print("no subheads")
        return 1
    spread = Counter(n for n, _ in counts)
    print(f"{len(counts)} subheads; characters shared: " + ", ".join(f"{n}: {spread[n]}" for n in sorted(spread)))
    fewest = min(counts)
    print(f"TOPIC_MIN: the fewest shared {fewest[0]} ({fewest[1]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
