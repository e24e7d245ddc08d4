"""Where textfix.order.BLOCK_PARAGRAPHS comes from: paragraphs per block, pdftotext against pdfminer.

    python corpora/typeset/fit_moves.py /tmp/tp2/train /tmp/tp2/train23 /tmp/l3/train25

pdftotext (default mode) prints a block from one bold line to the next, several paragraphs each;
pdfminer prints a box per paragraph or part of one.  For every page with four blocks or more before
the foot (textfix.order's MIN_BLOCKS), the paragraphs per block (textfix.order.paragraphs_per_block)
of each extractor's text; prints each extractor's range and the point half way between pdfminer's
highest and pdftotext's lowest: the move search (textfix.order.move_order) runs on pages at or above it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's textfix
from textfix.io import read_text  # noqa: E402
from textfix.lines import BylineFinder, cut_lines  # noqa: E402
from textfix.order import MIN_BLOCKS, _foot, blocks_of, paragraphs_per_block  # noqa: E402

EXTRACTORS = ("pdftotext", "pdfminer")


def page_values(folder: Path, extractor: str) -> list[tuple[float, str]]:
    """(paragraphs per block, page) for each page of *folder* with MIN_BLOCKS blocks before the foot."""
    out = []
    for gold in sorted(folder.glob("*.gold.json")):
        name = gold.name.removesuffix(".gold.json")
        txt = folder / f"{name}.{extractor}.txt"
        if not txt.exists():
            continue
        text = read_text(txt).rstrip("\f\n ")
        blocks = blocks_of(cut_lines(text, bylines=BylineFinder()), text)
        stop = _foot(blocks)
        if stop >= MIN_BLOCKS:
            out.append((paragraphs_per_block(blocks[:stop]), f"{folder.name}/{name}"))
    return out


def main(argv: list[str]) -> int:
    ranges = {}
    for extractor in EXTRACTORS:
        values = sorted(v for folder in map(Path, argv) for v in page_values(folder, extractor))
        if not values:
            print(f"{extractor}: no pages")
            return 1
        ranges[extractor] = (values[0][0], values[-1][0])
        print(f"{extractor}: {len(values)} pages, {values[0][0]:.2f} ({values[0][1]}) - {values[-1][0]:.2f} ({values[-1][1]})")
    low, high = ranges["pdfminer"][1], ranges["pdftotext"][0]
    print(f"pdfminer highest {low:.2f}, pdftotext lowest {high:.2f}: half way {(low + high) / 2:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
