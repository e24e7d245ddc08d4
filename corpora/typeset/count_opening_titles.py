"""Count the pages that open with a line wider than the column, by where the page sets its titles.

    python corpora/typeset/count_opening_titles.py DIR... [--extractors pdfium,pdftotext-raw,pdftotext,pdfminer]

A title set across the columns in large type is wider than the column (textfix.lines.is_wide); a
page of make_pages.py sets all its titles before their articles or all at the foot (MANIFEST
``titles``: ``before`` / ``end``).  For every extractor, printed: the pages of each kind, and how
many open (the first line after the header, textfix.layout._split_header) with a wide line.  Where
no page with its titles at the foot opens so, a page that does sets its titles before their
articles, and textfix.layout._title_block reads no titles at its foot.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
from textfix.io import read_text  # noqa: E402
from textfix.layout import _opens_with_wide_title, _split_header  # noqa: E402
from textfix.lines import cut_lines  # noqa: E402


def opens_wide(text: str) -> bool:
    """The page's first line after its header is wider than the column (the reader's own test)."""
    lines = cut_lines(text.rstrip("\f\n "))
    header = _split_header(lines)
    return _opens_with_wide_title(lines[header[1] :] if header else lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--extractors", default="pdfium,pdftotext-raw,pdftotext,pdfminer")
    args = ap.parse_args()
    pages, wide = Counter(), Counter()
    for d in args.dirs:
        manifest = {p["name"]: p for p in json.loads(read_text(d / "MANIFEST.json"))["pages"]}
        for name, page in sorted(manifest.items()):
            for ext in args.extractors.split(","):
                path = d / f"{name}.{ext}.txt"
                if not path.exists():
                    continue
                key = (ext, page["titles"])
                pages[key] += 1
                wide[key] += opens_wide(read_text(path))
    for key in sorted(pages):
        print(f"{key[0]:14} titles {key[1]:7} pages {pages[key]:4}, opening with a wide line {wide[key]:4}")


if __name__ == "__main__":
    main()
