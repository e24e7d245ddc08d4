"""Where textfix.order.COHESION_GAIN comes from: how much more of its article's text a move search's
order must read each block with before it is taken over the order that mends the most seams alone.

    python corpora/typeset/fit_cohesion.py /tmp/tp2/train /tmp/tp2/train23 ...

For every pdftotext page whose titles stand at the foot (textfix.order._cohesion asks no other) the
move search runs twice: without cohesion (as before it was asked) and with it (any gain taken).
Where the two orders differ, each block of the body is given the article the order reads it in, and
the gold's article (the one whose text holds the block's longest line but two characters) tells how
many blocks each order reads with their own article.  Prints, for each such page, the cohesion
gained and whether the cohesive order reads more blocks right; the gain asked is half way between
the highest gain of an order that reads fewer blocks right (or as many) and the lowest of one that
reads more above it (where the gains overlap, the better orders left under the cut are counted).
Pages whose foot titles pdftotext printed before some text (held apart by
textfix.order._moves_under_titles) are left out: their blocks are searched in another order.
"""

from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's textfix
from textfix import order  # noqa: E402
from textfix.io import read_text  # noqa: E402
from textfix.lines import byline_finder  # noqa: E402
from textfix.model import default_model  # noqa: E402
from textfix.repair import repair  # noqa: E402

LINE_CUT = 2  # characters left off a line's ends, where a garbled symbol or a rejoined word may stand


def _gold_articles(gold: Path) -> list[str]:
    """Each gold article's title and text, spaces removed."""
    return [re.sub(r"\s", "", a["title"] + "".join(b["text"] for b in a["blocks"]))
            for a in json.loads(gold.read_text(encoding="utf-8"))["articles"]]


def _gold_article(block, articles: list[str]) -> int | None:
    """The one gold article that holds the block's longest line (its middle), else None."""
    line = re.sub(r"\s", "", max(block, key=lambda ln: len(ln.text)).text)[LINE_CUT:-LINE_CUT]
    hits = [k for k, text in enumerate(articles) if line and line in text]
    return hits[0] if len(hits) == 1 else None


def _right(blocks, seq, gold) -> int:
    """Blocks *seq* reads in the article (counted in reading order) the gold gives them."""
    right = 0
    for k, (first, last) in enumerate(order._articles(blocks, seq)):
        right += sum(gold[x] == k for x in seq[first:last + 1])
    return right


def page_gain(path: Path, model) -> tuple[float, int] | None:
    """(cohesion gained, blocks read right gained) where the two searches differ, else None."""
    text = repair(read_text(path), model, rejoin=False).text
    blocks, stop = order.move_blocks(order.boxes(text, byline_finder(model)))
    if stop >= len(blocks) or stop < order.MIN_BLOCKS or order._titles_before_text(blocks, stop) is not None:
        return None
    plain, together, in_use = [], [], order.COHESION_GAIN
    try:
        for gain, out in ((math.inf, plain), (-math.inf, together)):
            order.COHESION_GAIN = gain
            out.extend(order.move_order(blocks, stop) or range(stop))
    finally:
        order.COHESION_GAIN = in_use
    if plain == together:
        return None
    lo = order._body_start(blocks, stop)
    cohesion = order._cohesion(blocks, stop, tuple(plain[lo:]), order.COHESION_JUDGED_BY)
    gold_texts = _gold_articles(path.with_name(path.name.replace(".pdftotext.txt", ".gold.json")))
    gold = [_gold_article(b, gold_texts) for b in blocks]
    return cohesion(together[lo:]) - cohesion(plain[lo:]), _right(blocks, together[lo:], gold) - _right(blocks, plain[lo:], gold)


def print_cut(constant: str, better: list[float], worse: list[float], worse_is: str, better_is: str) -> int:
    """Print where *constant* is cut, 1 when no page read better.  The gains may overlap, so the cut
    stands above every order read no better (*worse*), half way to the lowest gain of one read better
    above it; the better orders left under it are counted."""
    if not better:
        print("no page read better")
        return 1
    low = max(worse, default=0.0)
    high = min((gain for gain in better if gain > low), default=low)
    missed = sum(gain <= low for gain in better)
    print(f"{constant}: {worse_is} up to {low:.3f}, {better_is} above it from {high:.3f} "
          f"({missed} of {len(better)} read better under it): half way {(low + high) / 2:.4f}")
    return 0


def main(argv: list[str]) -> int:
    model = default_model()
    better, worse = [], []
    for folder in map(Path, argv):
        for path in sorted(folder.glob("*.pdftotext.txt")):
            if (found := page_gain(path, model)) is not None:
                gain, right = found
                print(f"{folder.name}/{path.name}: cohesion {gain:+.3f}, blocks read right {right:+d}")
                (better if right > 0 else worse).append(gain)
    return print_cut("COHESION_GAIN", better, worse, "fewer or as many right", "more right")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
