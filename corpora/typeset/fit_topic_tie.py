"""Where textfix.order.TIE_GAIN comes from: how much more cohesion (textfix.order._block_cohesion) the
order the topics find must gain over the order the move search took, both breaking no seam, before
it is taken.

    python corpora/typeset/fit_topic_tie.py DIR [DIR ...]

For every pdftotext page of the train batches DIR where textfix.order._tie_order offers an order,
the page is split and scored (corpora/typeset/measure.py) with the offer refused and taken; prints
each such page's cohesion gain and CER both ways.  The gain asked is half way between the highest
gain of an order read no better (CER) and the lowest of one read better above it (the better orders
left under the cut are counted).  Check-only and test batches are never given to it.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))  # this checkout's textfix
sys.path.insert(0, str(HERE))
import measure  # noqa: E402
from fit_cohesion import print_cut  # noqa: E402
from textfix import order  # noqa: E402

SAME = 1e-4  # CER changes smaller than this read the page alike


def read(refused: float, taken: float) -> str:
    """How a page reads with the offer taken against refused, by CER: better, worse or the same (SAME)."""
    return "better" if taken < refused - SAME else "worse" if taken > refused + SAME else "same"


def scored_both_ways(gold: Path, constant: str, offered: list[float]) -> tuple[float, float] | None:
    """(CER refused, CER taken): the page scored with textfix.order's *constant* at +inf (every offer
    refused), then, where that filled *offered*, at -inf (every offer taken); None where nothing was offered."""
    in_use = getattr(order, constant)
    try:
        setattr(order, constant, math.inf)
        refused = measure.score(gold, "pdftotext")
        if not offered:
            return None
        setattr(order, constant, -math.inf)
        taken = measure.score(gold, "pdftotext")
    finally:
        setattr(order, constant, in_use)
    return refused.cer, taken.cer


def page_tie(gold: Path) -> tuple[float, float, float] | None:
    """(cohesion gained, CER refused, CER taken) where an order is offered on the page, else None."""
    offered: list[float] = []
    tie_order = order._tie_order

    def recorded(*args):
        tie = tie_order(*args)
        if tie is not None:
            offered.append(tie[1])
        return tie

    order._tie_order = recorded
    try:
        scored = scored_both_ways(gold, "TIE_GAIN", offered)
    finally:
        order._tie_order = tie_order
    return None if scored is None else (max(offered), *scored)


def main(argv: list[str]) -> int:
    better, other = [], []
    for folder in map(Path, argv):
        for gold in sorted(folder.glob("*.gold.json")):
            if (found := page_tie(gold)) is None:
                continue
            gain, refused, taken = found
            verdict = read(refused, taken)
            print(f"{folder.name}/{gold.name.removesuffix('.gold.json')}: gain {gain:+.3f}, CER {refused:.4f} -> {taken:.4f} {verdict}", flush=True)
            (better if verdict == "better" else other).append(gain)
    return print_cut("TIE_GAIN", better, other, "no better", "better")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
