"""Fit how wide digits, Latin and ASCII marks are set on typeset pages (textfix.lines.ASCII_WIDTHS).

    python corpora/typeset/fit_ascii.py DIR [DIR ...] [--extractors pdfium]

The reader measures a line in display units: a CJK character or full-width
mark 2, an ASCII character 1.  A real engine with a CJK font sets digits and
Latin proportionally (Noto Serif CJK: digits about 0.56 em, ``%`` 0.92 em), so a
full line with ``48%`` in it measures short and reads as a paragraph's end or a
subhead's line.  A line that goes on inside a gold paragraph (the next line is
in the same block) is full: no wider than the column (less the indent on a
paragraph's first line), and what opens the next line and could not be parted
from it (textfix.lines.opening_unit: ``域、``, ``35%，``) did not fit what was
left.  For each ASCII class the width (display units, steps of 0.05) under
which the most of those lines with ASCII in them or opening the next line are
full (PROPORTIONAL_TOLERANCE over allowed) is kept; classes are fitted in turn,
twice round.  Printed: the widths, and how many lines are full under them and
with every class one unit.  ASCII_WIDTHS takes the widths of the training set
(``--source realdev-train --count 40 --seed 21``, pdfium; corpora/typeset/README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
import textfix.lines as lines_module  # noqa: E402
from textfix.evaluate import squash  # noqa: E402  (the gold blocks' own: dash runs as ——)
from textfix.io import read_text  # noqa: E402
from textfix.lines import ASCII_CLASSES, INDENT_MIN, PROPORTIONAL_TOLERANCE, Line, ascii_extra, cut_lines, opening_unit  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import printed_blocks  # noqa: E402

CLASSES = sorted(set(ASCII_CLASSES.values()))


def inside_lines(dirs: list[Path], extractors: list[str]) -> list[tuple[str, str, float, float]]:
    """(text, next line's text, width with ASCII one unit, room for it: the column less a first line's
    indent) of every line with ASCII in it or opening the next that goes on in the same gold block."""
    saved = dict(lines_module.ASCII_WIDTHS)
    lines_module.ASCII_WIDTHS.update(dict.fromkeys(saved, 1.0))  # measure as one unit each, columns too
    out = []
    try:
        for d in dirs:
            for gold_path in sorted(d.glob("*.gold.json")):
                blocks = printed_blocks(json.loads(read_text(gold_path)))
                for ext in extractors:
                    txt = gold_path.with_name(gold_path.name.replace(".gold.json", f".{ext}.txt"))
                    if not txt.exists():
                        continue
                    lines = cut_lines(read_text(txt).rstrip("\f\n "))
                    for k in range(1, len(lines) - 1):
                        text, nxt = lines[k].text, lines[k + 1].text
                        if not any(c in ASCII_CLASSES for c in text + nxt[:8]):
                            continue
                        pair = squash(text + nxt)
                        if not any(pair in b for b in blocks):
                            continue
                        first = not any(squash(lines[k - 1].text) + pair in b for b in blocks)
                        out.append((text, nxt, lines[k].width, lines[k].column - (INDENT_MIN if first else 0)))
    finally:
        lines_module.ASCII_WIDTHS.update(saved)
    return out


def fitting(rows: list[tuple[str, str, float, float]], widths: dict[str, float]) -> int:
    """Lines that are full under *widths*: no wider than their room (PROPORTIONAL_TOLERANCE over
    allowed), and what opens the next line did not fit what was left."""
    right = 0
    for text, nxt, w, room in rows:
        left = room - w - ascii_extra(text, widths)
        right += -PROPORTIONAL_TOLERANCE <= left < opening_unit(Line.of(nxt, 0, len(nxt), 0), widths)
    return right


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--extractors", default="pdfium")
    args = ap.parse_args()
    rows = inside_lines(args.dirs, args.extractors.split(","))
    widths = dict.fromkeys(CLASSES, 1.0)
    print(f"{len(rows)} lines inside a paragraph with ASCII in them or after them; full with every class 1 unit: {fitting(rows, widths)}")
    grid = [round(0.5 + 0.05 * i, 2) for i in range(41)]  # 0.5 .. 2.5 units
    for _ in range(2):
        for c in CLASSES:
            # Most lines full; of equals, the width nearest one unit (a class that never tells stays 1).
            widths[c] = max(grid, key=lambda w: (fitting(rows, {**widths, c: w}), -abs(w - 1)))
    print("widths:", {c: widths[c] for c in CLASSES})
    print(f"full with these widths: {fitting(rows, widths)}")


if __name__ == "__main__":
    main()
