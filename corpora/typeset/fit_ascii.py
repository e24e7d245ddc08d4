"""Fit how wide digits, Latin and ASCII marks are set on typeset pages (textfix.lines.ASCII_WIDTHS).

    python corpora/typeset/fit_ascii.py DIR [DIR ...] [--extractors pdfium]

The reader measures a line in display units: a CJK character or full-width
mark 2, an ASCII character 1.  A real engine with a CJK font sets digits and
Latin proportionally (Noto Serif CJK: digits about 0.56 em, ``%`` 0.92 em), so a
full line with ``48%`` in it measures short and reads as a paragraph's end or a
subhead's line.  The lines that go on inside a gold paragraph (the line before
and the line after it are in the same block) are full: a character more did
not fit, so they are at most FULL_SLACK (2) short of the column.  For each
ASCII class the width (display units, steps of 0.05) under which the most of
those lines that hold ASCII come out between the column less FULL_SLACK and the
column (PROPORTIONAL_TOLERANCE over it allowed) is kept; classes are fitted in
turn, twice round.  Printed: the widths, and how many of the lines fit before
and after.  ASCII_WIDTHS takes the widths of the training set
(``--source realdev-train --count 40 --seed 21``, pdfium; corpora/typeset/README.md).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
import textfix.lines as lines_module  # noqa: E402
from textfix.io import read_text  # noqa: E402
from textfix.lines import ASCII_CLASSES, FULL_SLACK, INDENT_MIN, LEADING_RUN, PROPORTIONAL_TOLERANCE, ascii_extra, cut_lines  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import printed_blocks  # noqa: E402

CLASSES = sorted(set(ASCII_CLASSES.values()))


def squash(s: str) -> str:
    return re.sub(r"\s", "", s)


def continued_lines(dirs: list[Path], extractors: list[str]) -> tuple[list[tuple[str, float, float]], list[tuple[str, float]]]:
    """(text, width with ASCII one unit, column) of every line with ASCII that goes on inside a gold
    block; and (run, room left) of every line inside a block that the digit or Latin run opening the
    next line of the block did not fit (the room counts a first line's indent, INDENT_MIN)."""
    saved = dict(lines_module.ASCII_WIDTHS)
    lines_module.ASCII_WIDTHS.update(dict.fromkeys(saved, 1.0))  # measure as one unit each, columns too
    out, cut = [], []
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
                        run = squash(lines[k - 1].text + lines[k].text + lines[k + 1].text)
                        text = lines[k].text
                        if any(c in ASCII_CLASSES for c in text) and any(run in b for b in blocks):
                            out.append((text, lines[k].width, lines[k].column))
                        pair = squash(text + lines[k + 1].text)
                        if (m := LEADING_RUN.match(lines[k + 1].text)) and m.group(1) == "" and any(pair in b for b in blocks):
                            first = not any(squash(lines[k - 1].text) + pair in b for b in blocks)
                            room = lines[k].column - lines[k].width - (INDENT_MIN if first else 0)
                            if room > FULL_SLACK:  # a character that did not fit says nothing of the run
                                cut.append((m.group(2), room - 2 * len(m.group(3))))  # the closing marks go down with it
    finally:
        lines_module.ASCII_WIDTHS.update(saved)
    return out, cut


def fitting(rows: list[tuple[str, float, float]], widths: dict[str, float], cut: list[tuple[str, float]] = ()) -> int:
    """Continued lines that fill the column and runs wider than the room they did not fit."""
    full = sum(1 for text, w, col in rows if col - FULL_SLACK <= w + ascii_extra(text, widths) <= col + PROPORTIONAL_TOLERANCE)
    return full + sum(1 for run, room in cut if len(run) + ascii_extra(run, widths) > room)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--extractors", default="pdfium")
    args = ap.parse_args()
    rows, cut = continued_lines(args.dirs, args.extractors.split(","))
    widths = dict.fromkeys(CLASSES, 1.0)
    print(f"{len(rows)} continued lines with ASCII, {len(cut)} runs that did not fit; "
          f"right with every class 1 unit: {fitting(rows, widths)} and {fitting([], widths, cut)}")
    grid = [round(0.5 + 0.05 * i, 2) for i in range(41)]  # 0.5 .. 2.5 units
    for _ in range(2):
        for c in CLASSES:
            # Most lines filled; of equals, the width nearest one unit (a class that never tells stays 1).
            widths[c] = max(grid, key=lambda w: (fitting(rows, {**widths, c: w}, cut), -abs(w - 1)))
    print("widths:", {c: widths[c] for c in CLASSES})
    print(f"right with these widths: {fitting(rows, widths)} and {fitting([], widths, cut)}")


if __name__ == "__main__":
    main()
