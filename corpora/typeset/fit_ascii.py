"""Where textfix.lines.ASCII_WIDTHS come from (how wide digits, Latin and ASCII marks are set), and a check of them on typeset pages.

    python corpora/typeset/fit_ascii.py --font                      # the widths, read from the font
    python corpora/typeset/fit_ascii.py DIR [DIR ...] [--extractors pdfium]
    python corpora/typeset/fit_ascii.py DIR [DIR ...] --short       # the short side's error

The reader measures a line in display units: a CJK character or full-width
mark 2, an ASCII character 1.  A real engine with a CJK font sets digits and
Latin proportionally (Noto Serif CJK: digits about 0.56 em, ``%`` 0.92 em,
``M`` 0.97 em), so a full line with ``48%`` or ``DNA`` in it measures short and
reads as a paragraph's end or a subhead's line.  ``--font`` prints the advance
widths of Noto Serif CJK SC Regular (the typeset pages' body font, found by
fontconfig as make_pages.py finds it) in display units (×2/em, to 0.01): the
widths ASCII_WIDTHS holds.  (They replaced widths fitted per class on seed 21,
where capital letters were too few to tell: capitals fitted at 1.05, printed at
0.8–2.1.)

The check: a line that goes on inside a gold paragraph (the next line is in
the same block) is full: no wider than the column (less the indent on a
paragraph's first line), and what opens the next line and could not be parted
from it (textfix.lines.opening_unit: ``域、``, ``35%，``) did not fit what was
left.  Printed: how many of those lines with ASCII in them or opening the next
line are full under ASCII_WIDTHS and with every character one unit.

``--short``: how far short of full (room left less what opens the next line)
the lines come out that textfix.lines._short_by_error asks about (a digit or
Latin run measured in them or in that opening, no sentence ended, too wide for
an indented first line, on a page read as set to the unit), split by whether
the line goes on in its gold block or ends it: the allowance
(PROPORTIONAL_TOLERANCE) should take many of the first and none of the second.
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
from textfix.lines import ASCII_WIDTHS, INDENT_MIN, PROPORTIONAL_TOLERANCE, Line, _short_by_error, ascii_extra, cut_lines, opening_unit  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import printed_blocks  # noqa: E402



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
                        if not any(c in ASCII_WIDTHS for c in text + nxt[:8]):
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


def short_side(dirs: list[Path], extractors: list[str]) -> tuple[list[float], list[float]]:
    """(lines going on in their gold block, lines ending it): how far each comes out short of full,
    of the lines measured short (see the module's ``--short``), nearest first."""
    inside, ending = [], []
    for d in dirs:
        for gold_path in sorted(d.glob("*.gold.json")):
            blocks = printed_blocks(json.loads(read_text(gold_path)))
            for ext in extractors:
                txt = gold_path.with_name(gold_path.name.replace(".gold.json", f".{ext}.txt"))
                lines = cut_lines(read_text(txt).rstrip("\f\n ")) if txt.exists() else []
                for ln, nxt in zip(lines, lines[1:]):
                    if ln.hanging or not ln.proportional:
                        continue
                    room, unit = ln.column - ln.width, opening_unit(nxt)
                    if room < unit or not _short_by_error(ln, room, unit):
                        continue  # full as measured, or not a line the allowance is asked for
                    short = room - unit
                    if any(squash(ln.text + nxt.text) in b for b in blocks):
                        inside.append(round(short, 2))
                    elif any(squash(ln.text) in b for b in blocks):
                        ending.append(round(short, 2))
    return sorted(inside), sorted(ending)


def font_widths() -> dict[str, float]:
    """The advance widths of the ASCII characters ASCII_WIDTHS holds and of the middle dot
    (textfix.lines.MIDDLE_DOT_WIDTH) in Noto Serif CJK SC Regular, in display units (a CJK character
    2), to 0.01."""
    from fontTools.ttLib import TTCollection
    from make_pages import find_fonts  # the font the pages are set in

    faces = TTCollection(find_fonts()["regular"]).fonts  # a collection: JP, KR, SC, TC, HK
    font = next(f for f in faces if f["name"].getDebugName(1).endswith(" SC"))
    cmap, advances, em = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    return {c: round(2 * advances[cmap[ord(c)]][0] / em, 2) for c in [*ASCII_WIDTHS, "·"]}  # · : MIDDLE_DOT_WIDTH


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="*", type=Path)
    ap.add_argument("--extractors", default="pdfium")
    ap.add_argument("--font", action="store_true", help="print the widths read from the font")
    ap.add_argument("--short", action="store_true", help="print how far short full lines and block ends come out")
    args = ap.parse_args()
    if args.font:
        print(font_widths())
        return
    if args.short:
        inside, ending = short_side(args.dirs, args.extractors.split(","))
        print(f"going on in their block, short by: {inside[:20]} ... ({len(inside)})")
        print(f"ending their block, short by: {ending[:20]} ... ({len(ending)})")
        print(f"within PROPORTIONAL_TOLERANCE ({PROPORTIONAL_TOLERANCE}): going on "
              f"{sum(v < PROPORTIONAL_TOLERANCE for v in inside)}, ending {sum(v < PROPORTIONAL_TOLERANCE for v in ending)}")
        return
    rows = inside_lines(args.dirs, args.extractors.split(","))
    print(f"{len(rows)} lines inside a paragraph with ASCII in them or after them")
    print(f"full with every character one unit: {fitting(rows, dict.fromkeys(ASCII_WIDTHS, 1.0))}")
    print(f"full with ASCII_WIDTHS: {fitting(rows, ASCII_WIDTHS)}")


if __name__ == "__main__":
    main()
