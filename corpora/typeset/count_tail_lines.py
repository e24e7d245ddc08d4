"""Count the blocks pdftotext (layout mode) prints that end with a one-line subhead by shape
(textfix.order._tail_subhead: a bare line as wide as the column but for an indent, under a line that
ends a sentence) whose line fills the column (textfix.order._full_line): a gold heading (its text
within a title or a subhead of the gold) or text, each as the block printed after it goes on from it
(textfix.order._goes_on) or not.  The provenance of textfix.order._tail_runs_on.  With --wrapped, the
blocks counted end with a subhead wrapped at the column's width instead (textfix.order._full_tail_subhead:
bare lines under a paragraph's last line, the first unindented, the last filling the column), the
provenance of that function.  With --short, the blocks counted end with a one-line subhead short of
the column by more than an indent (the provenance of _tail_subhead's short line).

    python corpora/typeset/count_tail_lines.py [--wrapped | --short] DIR [DIR ...]

Each DIR is a typeset batch (make_pages.py) with ``NAME.pdftotext.txt`` and ``NAME.gold.json`` pages.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_evidence import heading_tally, print_heading_tally  # noqa: E402  (puts this checkout first on the path)

import textfix.order as order  # noqa: E402


def shown(block: list) -> str | None:
    """The tail line of a block ending with a one-line subhead by shape that fills the column, else None."""
    if order._tail_subhead(block) != 1 or not order._full_line(block[-1]):
        return None
    return block[-1].text


def shown_wrapped(block: list) -> str | None:
    """The tail lines of a block ending with a subhead wrapped at the column's width by shape, else None."""
    n = order._full_tail_subhead(block)
    return "".join(ln.text for ln in block[-n:]) if n else None


def shown_short(block: list) -> str | None:
    """The tail line of a block ending with a one-line subhead by shape short of the column by more than
    an indent, else None."""
    if order._tail_subhead(block) != 1 or not order._short_heading_line(block[-1]):
        return None
    return block[-1].text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    kind = ap.add_mutually_exclusive_group()
    kind.add_argument("--wrapped", action="store_true")
    kind.add_argument("--short", action="store_true")
    ap.add_argument("dirs", nargs="+")
    args = ap.parse_args()
    shown_by = shown_wrapped if args.wrapped else shown_short if args.short else shown
    print_heading_tally(heading_tally(args.dirs, shown_by, "pdftotext"))


if __name__ == "__main__":
    main()
