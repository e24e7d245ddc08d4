"""Where textfix.interleaved's TERMS and BEAM come from: the de-interleave's costs besides the language
model's joins, and the readings its search keeps.

    python corpora/typeset/fit_deinterleave.py DIR [DIR ...] [--beams]

Every pdfminer page of the batches DIR is split once with the de-interleave refused, recording the
pages where reading_order reaches it (nothing else read the page; textfix.order.reading_order).  Those
pages are split and scored again (corpora/typeset/measure.py) for every *imbalance* in IMBALANCES
and *unjoined* in UNJOINED (*column* 1, the unit: one column begun costs as much as a join ten times
less likely), at BEAM; prints pages better and worse than refused, and the CER summed.  The setting
taken reads the least CER summed, then the least weights (imbalance first).  ``--beams``: the same
at TERMS for every beam in BEAMS instead (textfix.interleaved.BEAM says which is kept).
Test batches are never given to it.
"""

from __future__ import annotations

import sys
from itertools import product
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))  # this checkout's textfix
sys.path.insert(0, str(HERE))
from measure import score  # noqa: E402
from textfix import interleaved  # noqa: E402

IMBALANCES = (0.5, 1.0, 2.0)
UNJOINED = (1.0, 3.0, 5.0)
BEAMS = (25, 50, 100, 200, 400, 1000)
EXTRACTOR = "pdfminer"


def asked_pages(folders: list[Path]) -> dict[Path, float]:
    """The gold pages where the de-interleave is asked, and their CER with it refused."""
    asked: list[bool] = []
    search = interleaved.deinterleaved_order

    def refused(blocks, stop, terms=None):
        asked.append(True)
        return None

    interleaved.deinterleaved_order = refused
    pages = {}
    try:
        for gold in (g for folder in folders for g in sorted(folder.glob("*.gold.json"))):
            asked.clear()
            scored = score(gold, EXTRACTOR)
            if scored is not None and asked:
                pages[gold] = scored.cer
    finally:
        interleaved.deinterleaved_order = search
    return pages


def scored(pages: dict[Path, float], terms: interleaved.Terms, beam: int) -> tuple[int, int, float]:
    """(pages better, pages worse, CER summed) with *terms* and *beam*."""
    kept = interleaved.TERMS, interleaved.BEAM
    interleaved.TERMS, interleaved.BEAM = terms, beam
    try:
        cers = {gold: score(gold, EXTRACTOR).cer for gold in pages}
    finally:
        interleaved.TERMS, interleaved.BEAM = kept
    better = sum(cers[g] < pages[g] - 0.001 for g in pages)
    worse = sum(cers[g] > pages[g] + 0.001 for g in pages)
    return better, worse, sum(cers.values())


def main(argv: list[str]) -> int:
    beams = "--beams" in argv
    folders = [Path(a) for a in argv if a != "--beams"]
    pages = asked_pages(folders)
    print(f"{len(pages)} pages reach the de-interleave; CER summed refused {sum(pages.values()):.4f}", flush=True)
    if beams:
        for beam in BEAMS:
            print(f"beam {beam}: better {{}}, worse {{}}, CER summed {{:.4f}}".format(*scored(pages, interleaved.TERMS, beam)), flush=True)
        return 0
    rows = []
    for imbalance, unjoined in product(IMBALANCES, UNJOINED):
        terms = interleaved.Terms(imbalance=imbalance, unjoined=unjoined)
        better, worse, cer = scored(pages, terms, interleaved.BEAM)
        print(f"imbalance {imbalance} unjoined {unjoined}: better {better}, worse {worse}, CER summed {cer:.4f}", flush=True)
        rows.append((round(cer, 4), imbalance, unjoined))
    cer, imbalance, unjoined = min(rows)
    print(f"taken: imbalance {imbalance}, unjoined {unjoined} (CER summed {cer:.4f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
