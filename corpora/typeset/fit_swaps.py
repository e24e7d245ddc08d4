"""Where textfix.order.SWAP_GAIN comes from: how much more likely (log10, the language model's joins)
the two continuations a swap makes must read than the two it undoes before a pdftotext block is cut
for it (textfix.order._continuations_swapped).

    python corpora/typeset/fit_swaps.py DIR [DIR ...]

For every pdftotext page of the train batches DIR where the move search's order offers a swap
(textfix.order._swap_candidates), the page is split and scored (corpora/typeset/measure.py) with
every swap refused and with the page's best one taken, whatever its gain; prints each such page's
best gain and CER both ways.  The gain asked is half way between the highest gain of a swap read
worse (CER) and the lowest of one read better above it (the better swaps left under the cut are
counted).  A page read alike either way says nothing of the cut (its best swap refused for a seam it
breaks, or cutting where the pieces are read in turn anyway).  Check-only and test batches are never
given to it.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))  # this checkout's textfix
sys.path.insert(0, str(HERE))
from fit_cohesion import print_cut  # noqa: E402
from fit_topic_tie import read, scored_both_ways  # noqa: E402
from textfix import order  # noqa: E402


def page_swap(gold: Path) -> tuple[float, float, float] | None:
    """(best gain offered, CER refused, CER taken) where a swap is offered on the page, else None."""
    offered: list[float] = []
    candidates = order._swap_candidates

    def recorded(blocks, stop, seq, least):  # every swap offered, whatever the bound
        found = list(candidates(blocks, stop, seq))
        offered.extend(gain for gain, *_ in found)
        return iter(found)

    order._swap_candidates = recorded
    try:
        scored = scored_both_ways(gold, "SWAP_GAIN", offered)
    finally:
        order._swap_candidates = candidates
    return None if scored is None else (max(offered), *scored)


def main(argv: list[str]) -> int:
    better, worse = [], []
    for folder in map(Path, argv):
        for gold in sorted(folder.glob("*.gold.json")):
            if (found := page_swap(gold)) is None:
                continue
            gain, refused, taken = found
            verdict = read(refused, taken)
            if verdict != "same" or gain > 0:
                print(f"{folder.name}/{gold.name.removesuffix('.gold.json')}: gain {gain:+.3f}, "
                      f"CER {refused:.4f} -> {taken:.4f} {verdict}", flush=True)
            if verdict != "same":
                (better if verdict == "better" else worse).append(gain)
    return print_cut("SWAP_GAIN", better, worse, "worse", "better")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
