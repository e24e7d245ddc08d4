"""Fit how far short of the widest title line a wrapped title's lines end, on typeset pages.

    python corpora/typeset/fit_titles.py DIR [--extractors pdfium,pdftotext-raw]

A title set across the page in large type wraps when it does not fit one
line (make_pages.title_html): its lines but the last are then as wide as the
title measure holds, less what line breaking leaves (a closing mark pulls the
character before it down; digits are narrower).  For every page and extractor
the gold titles are found as runs of whole lines in the extraction; the page's
widest title line stands for the title measure (the reader knows no more).
Printed: for lines that continue a title and for lines that end one, how many
display units (textfix.measure) they are short of that widest line — and the
largest shortfall of a continued line, which textfix.layout.TITLE_WRAP_SLACK
takes (the training set: ``--source realdev-train --count 30 --seed 11``,
corpora/typeset/README.md).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
from textfix.io import read_text  # noqa: E402
from textfix.layout import TITLE_SPACE, TITLE_WRAP_SLACK  # noqa: E402
from textfix.measure import display_width  # noqa: E402


def title_lines(lines: list[str], title: str, at_foot: bool = False) -> list[int] | None:
    """Indices of the consecutive lines that make up *title* (whitespace ignored), or None: the
    last such run when the titles are *at_foot*, else the first (a lead may restate its title)."""
    want = re.sub(r"\s", "", title)
    for i in (range(len(lines) - 1, -1, -1) if at_foot else range(len(lines))):
        got = ""
        for j in range(i, min(len(lines), i + 4)):
            got += re.sub(r"\s", "", lines[j])
            if got == want:
                return list(range(i, j + 1))
            if not want.startswith(got):
                break
    return None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--extractors", default="pdfium,pdftotext-raw")
    args = ap.parse_args()
    continued, ending = Counter(), Counter()
    spaced = Counter()  # lines beyond the slack brought within it by their own spaces (TITLE_SPACE each)
    wrapped_last, single = Counter(), Counter()  # within 2 units of the widest line or not
    for d in args.dirs:
        manifest = {p["name"]: p for p in json.loads(read_text(d / "MANIFEST.json"))["pages"]}
        for gold_path in sorted(d.glob("*.gold.json")):
            gold = json.loads(read_text(gold_path))
            at_foot = manifest[gold_path.name.replace(".gold.json", "")]["titles"] == "end"
            for ext in args.extractors.split(","):
                path = gold_path.with_name(gold_path.name.replace(".gold.json", f".{ext}.txt"))
                if not path.exists():
                    continue
                lines = [ln.strip() for ln in read_text(path).split("\n") if ln.strip()]
                found = [title_lines(lines, a["title"], at_foot) for a in gold["articles"] if a["title"]]
                found = [f for f in found if f]
                widths = {k: display_width(lines[k].replace(" ", "")) for f in found for k in f}  # as layout.title_width
                if not widths or not any(len(f) > 1 for f in found):
                    continue  # no wrapped title: the widest line is no measure
                widest = max(widths.values())
                for f in found:
                    for k in f[:-1]:
                        continued[widest - widths[k]] += 1
                    ending[widest - widths[f[-1]]] += 1
                    for k in f:
                        short = widest - widths[k]
                        if short > TITLE_WRAP_SLACK >= short - TITLE_SPACE * lines[k].count(" "):
                            spaced["continued" if k != f[-1] else "ending"] += 1
                    (wrapped_last if len(f) > 1 else single)[widest - widths[f[-1]] <= 2] += 1
    print("short of the widest title line (units): continued lines", dict(sorted(continued.items())))
    print("                                        ending lines   ", dict(sorted(ending.items())))
    print("within 2 units of the widest line: last lines of wrapped titles", wrapped_last[True], "of",
          sum(wrapped_last.values()), "; one-line titles", single[True], "of", sum(single.values()))
    print("largest shortfall of a continued line:", max(continued) if continued else None)
    print(f"with its spaces ({TITLE_SPACE} units each) within {TITLE_WRAP_SLACK} of the widest line, beyond it without them:",
          f"continued lines {spaced['continued']} of {sum(continued.values())}, ending lines {spaced['ending']} of {sum(ending.values())}")


if __name__ == "__main__":
    main()
