"""Count the blocks pdfminer prints shaped as a subhead whose every line fills the column
(textfix.order._fills_as_subhead): a gold heading (its text within a title or a subhead of the gold)
or text, each as the block printed after it goes on from it (textfix.order._goes_on) or not.  The
provenance of textfix.order._text_by_next.

    python corpora/typeset/count_full_subheads.py DIR [DIR ...]

Each DIR is a typeset batch (make_pages.py) with ``NAME.pdfminer.txt`` and ``NAME.gold.json`` pages.
The page header's lines (textfix.order._header) are no block of text and are not counted.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_evidence import heading_tally, print_heading_tally  # noqa: E402  (puts this checkout first on the path)

import textfix.order as order  # noqa: E402


def shown(block: list) -> str | None:
    """The text of a block that fills as a subhead and is no header, else None."""
    if order._header(block) or not order._fills_as_subhead(block):
        return None
    return "".join(ln.text for ln in block)


def main() -> None:
    print_heading_tally(heading_tally(sys.argv[1:], shown))


if __name__ == "__main__":
    main()
