"""Fit the threshold that tells print-column lines from paragraphs (textfix.shape.PRINT_SHARE).

    python corpora/fit_shape.py [--pages N]

Training set, two classes:

* paragraphs: every item of the **train** part of real-dev (``realdev.py``)
  written as plain text (``realdev_forms.plain_text``), and ``seeds/000`` (a
  web article);
* print: N print pages (default 400) made from the same train items by
  ``generate_pages.py`` (``realdev_forms.print_pages``), the committed pages
  of ``corpora/pages`` and ``seeds/001`` (a real print page).

For each text the statistic is textfix.shape.column_share (share of lines
broken at the column, and how many are).  The threshold is the midpoint of the
widest gap between the paragraphs' highest share and the print pages' lowest,
among texts with at least MIN_BROKEN broken lines (below that a text is read
as paragraphs whatever its share).  Prints both classes' ranges and the
errors at the fitted threshold.  Needs ../shared/real-dev (says so when absent).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "corpora"))
import realdev  # noqa: E402
from realdev_forms import plain_text, print_pages  # noqa: E402

from textfix.io import read_text  # noqa: E402
from textfix.shape import MIN_BROKEN, column_share  # noqa: E402


def shares(texts: list[str]) -> list[tuple[float, int]]:
    return [column_share(t) for t in texts]


def fit(paragraph_values: list[tuple[float, int]], print_values: list[tuple[float, int]]) -> float:
    """Midpoint between the highest paragraph share and the lowest print share that could be confused."""
    high = max((s for s, n in paragraph_values if n >= MIN_BROKEN), default=0.0)
    low = min(s for s, n in print_values)
    if low <= high:
        # The classes overlap: take the cut with the fewest errors (ties: the lowest).
        cuts = sorted({s for s, _ in paragraph_values + print_values})
        return min(cuts, key=lambda c: errors(paragraph_values, print_values, c))
    return round((high + low) / 2, 2)


def errors(paragraph_values: list[tuple[float, int]], print_values: list[tuple[float, int]], cut: float) -> int:
    wrong_print = sum(1 for s, n in paragraph_values if s >= cut and n >= MIN_BROKEN)
    wrong_paragraphs = sum(1 for s, n in print_values if not (s >= cut and n >= MIN_BROKEN))
    return wrong_print + wrong_paragraphs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=400)
    args = parser.parse_args()
    train = realdev.load("train")
    paragraphs = [plain_text(it, blank) for it in train for blank in (False, True)]
    paragraphs.append(read_text(str(ROOT / "seeds" / "000_b2a6d463218f33b3.txt")))
    printed = [text for text, _ in print_pages(train, args.pages, seed=1)]
    printed += [read_text(str(p)) for p in sorted((ROOT / "corpora" / "pages").glob("synth-*.txt"))]
    printed.append(read_text(str(ROOT / "seeds" / "001_b2b7af04dbdc7222.txt")))
    pv, qv = shares(paragraphs), shares(printed)
    cut = fit(pv, qv)
    print(f"paragraphs: {len(pv)} texts, share {min(s for s, _ in pv):.3f} … {max(s for s, _ in pv):.3f}, "
          f"highest with ≥{MIN_BROKEN} broken lines {max((s for s, n in pv if n >= MIN_BROKEN), default=0):.3f}")
    print(f"print:      {len(qv)} texts, share {min(s for s, _ in qv):.3f} … {max(s for s, _ in qv):.3f}, "
          f"fewest broken lines {min(n for _, n in qv)}")
    print(f"PRINT_SHARE = {cut}  (errors on the training set: {errors(pv, qv, cut)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
