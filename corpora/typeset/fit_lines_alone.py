"""Where textfix.order.STRIP_LINES_ALONE comes from: how many of a page's boxes hold a line of text alone.

    python corpora/typeset/fit_lines_alone.py DIR [DIR ...] [--extractor pdfminer]

The strip search (textfix.order.strip_reading) reads pdfminer's boxes.  The generator pages of
corpora/pages that print a blank line after some lines pass its first gate (BOX_LINES lines a block
on average) but are no extractor's boxes: many of their blocks are one line of a paragraph set apart
(textfix.order._text_lines_alone).  For every page the search is asked of, as page_order hands it the
blocks (the marks repaired, the blocks up to the strips' foot), the share of such blocks: printed are
the extractor's highest on the train folders, the generator pages' lowest, and the point half way
between (STRIP_LINES_ALONE: pages above it are not searched).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's textfix
from textfix.io import read_text  # noqa: E402
from textfix.order import BOX_LINES, MIN_BLOCKS, _strips_foot, _text_lines_alone, boxes  # noqa: E402
from textfix.lines import byline_finder  # noqa: E402
from textfix.repair import repair  # noqa: E402
from textfix.split import default_model  # noqa: E402


def share(path: Path, model) -> float | None:
    """The share of the page's blocks up to the strips' foot that hold a line of text alone, or None
    when the strip search would not be asked (fewer than MIN_BLOCKS blocks, or fewer than BOX_LINES
    lines a block)."""
    text = read_text(path).rstrip("\f\n ")
    blocks = boxes(repair(text, model, rejoin=False).text, byline_finder(model))
    stop = _strips_foot(blocks)
    if stop < MIN_BLOCKS or sum(len(b) for b in blocks[:stop]) < BOX_LINES * stop:
        return None
    return _text_lines_alone(blocks[:stop]) / stop


def shares(paths: list[Path], model) -> list[tuple[float, str]]:
    out = []
    for path in paths:
        value = share(path, model)
        if value is not None:
            out.append((value, f"{path.parent.name}/{path.name}"))
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--extractor", default="pdfminer")
    args = parser.parse_args(argv)
    model = default_model()
    train = shares([p for d in args.dirs for p in sorted(d.glob(f"*.{args.extractor}.txt"))], model)
    generator = shares(sorted((ROOT / "corpora" / "pages").glob("synth-*.txt")), model)
    if not train or not generator:
        print("no pages searched")
        return 1
    high, low = train[-1], generator[0]
    print(f"{args.extractor}: {len(train)} pages searched, share of lines alone at most {high[0]:.3f} ({high[1]})")
    print(f"generator pages: {len(generator)} searched, at least {low[0]:.3f} ({low[1]})")
    print(f"STRIP_LINES_ALONE = {(high[0] + low[0]) / 2:.2f} (half way)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
