"""Fit how unbalanced an article's columns may be when pdfminer's strips are read back
(textfix.order.BALANCE_SLACK), or its bands (textfix.order.BAND_SLACK, with --constant BAND_SLACK),
or how many sentences the print order must break to be searched when no move of the blocks
explains it (textfix.order.MIN_BROKEN_UNMOVED, with --constant MIN_BROKEN_UNMOVED --slacks 1,2),
or how unbalanced an article's columns may be when pdftotext's blocks are moved back
(textfix.order.COLUMN_SLACK, with --constant COLUMN_SLACK --extractor pdftotext),
or how many lines an article's third column may stand longer than the longest of its first two
(textfix.order.LAST_COLUMN_SLACK, with --constant LAST_COLUMN_SLACK --slacks 0,1,2,3),
or how many lines more than BALANCE_SLACK the last column of a group's last article may stand shorter
than its first (textfix.order.LAST_SHORT_SLACK, with --constant LAST_SHORT_SLACK --slacks 0,1,2,3),
or how many of an article's columns must end at a foot for pdftotext's moves to count it read in
too many columns (textfix.order.CROWDED_FEET, with --constant CROWDED_FEET --extractor pdftotext
--slacks 0,1,2,3,4).

    python corpora/typeset/fit_strips.py DIR [DIR ...] [--extractor pdfminer] [--slacks 0,1,2,3,4,5,6]
        [--constant BALANCE_SLACK|BAND_SLACK|MIN_BROKEN_UNMOVED|COLUMN_SLACK|LAST_COLUMN_SLACK|LAST_SHORT_SLACK|CROWDED_FEET]

CSS balances an article's columns, so where the reader interleaves pdfminer's
strips (textfix.order.strip_reading) it asks each article's segments of the
strips to hold as many text lines within BALANCE_SLACK.  For each slack tried,
every page of the folders is split as the reader does (split_page with
reorder) and scored against its gold (textfix.evaluate): printed are the pages
read in another order, the pages whose article count is exact and the CER
(body characters, weighted), as measure.py gives them.  BALANCE_SLACK takes
the slack with the most pages counted exact, then the lowest CER, then the
smallest, on the train batches of its day (seeds 21, 23, 25, 29, 31, 33, 35, 37
for BALANCE_SLACK; each constant's comment in textfix/order.py names the batches
it was fitted on: LAST_SHORT_SLACK's 28, seeds 21-77 odd but 27; corpora/typeset/README.md;
seed 27 is the validation batch).  BAND_SLACK, how
far the two columns of a band (textfix.order._bands) may be apart at its foot,
is chosen the same way, and so are MIN_BROKEN_UNMOVED (2, MIN_BROKEN: never searched after the moves),
LAST_COLUMN_SLACK, LAST_SHORT_SLACK and CROWDED_FEET.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
from textfix import order, split_page  # noqa: E402
from textfix.evaluate import evaluate  # noqa: E402
from textfix.io import read_text  # noqa: E402


def pages(dirs: list[Path], extractor: str) -> list[tuple[str, dict]]:
    out = []
    for d in dirs:
        for gold in sorted(d.glob("*.gold.json")):
            txt = gold.with_name(gold.name.replace(".gold.json", f".{extractor}.txt"))
            if txt.exists():
                out.append((read_text(txt).rstrip("\f\n "), json.loads(gold.read_text(encoding="utf-8"))))
    return out


def score(texts: list[tuple[str, dict]], slack: int, constant: str = "BALANCE_SLACK") -> tuple[int, int, float]:
    """(pages moved, pages with the article count exact, CER) with *constant* = *slack*."""
    setattr(order, constant, slack)
    moved = exact = 0
    chars = wrong = 0.0
    for text, gold in texts:
        page = split_page(text, reorder=True)
        moved += any(c.rule == order.RULE for c in page.changes)
        s = evaluate(gold, page.to_dict())
        exact += s.articles_out == s.articles_gold
        chars += sum(r.gold_chars for r in s.rows)
        wrong += sum(r.cer * r.gold_chars for r in s.rows)
    return moved, exact, wrong / max(1.0, chars)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--extractor", default="pdfminer")
    parser.add_argument("--slacks", default="0,1,2,3,4,5,6")
    parser.add_argument("--constant", default="BALANCE_SLACK", choices=["BALANCE_SLACK", "BAND_SLACK", "MIN_BROKEN_UNMOVED", "COLUMN_SLACK", "LAST_COLUMN_SLACK", "LAST_SHORT_SLACK", "CROWDED_FEET"])
    args = parser.parse_args(argv)
    texts = pages(args.dirs, args.extractor)
    name = args.constant
    rows = [(slack, *score(texts, slack, name)) for slack in map(int, args.slacks.split(","))]
    for slack, moved, exact, cer in rows:
        print(f"{name} {slack}: pages moved {moved}, count exact {exact}/{len(texts)}, CER {cer:.4f}")
    best = min(rows, key=lambda r: (-r[2], round(r[3], 4), r[0]))
    print(f"{name} = {best[0]} (count exact {best[2]}/{len(texts)}, CER {best[3]:.4f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
