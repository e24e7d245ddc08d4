"""Count, per page, the evidence textfix.lines._marks_hang weighs: lines a closing mark or two wider
than the column (marks hang) against lines that left room for the character the next line opens with
but not for it and its mark (marks do not hang), and what it decides.

    python corpora/typeset/count_hanging.py DIR [DIR ...]

A DIR with a MANIFEST.json and ``NAME.<extractor>.txt`` pages is typeset (make_pages.py: WeasyPrint,
which never hangs marks); any other DIR holds generated ``synth-*.txt`` pages (generate_pages.py,
which always does).  Prints one row per page and a tally of (kind, evidence, decision right) over
all: the provenance of the reading of a page without evidence in _marks_hang.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's textfix
import textfix.lines as lines  # noqa: E402
from textfix.io import read_text  # noqa: E402

EXTRACTORS = ("pdfium", "pdftotext-raw", "pdftotext", "pdfminer")


def pages(dirs: list[str]):
    """(hangs truly, name, path) for every page in *dirs*."""
    for arg in dirs:
        d = Path(arg)
        if (d / "MANIFEST.json").exists() and any(d.glob("*.pdfium.txt")):
            for gold in sorted(d.glob("*.gold.json")):
                name = gold.name.removesuffix(".gold.json")
                for ex in EXTRACTORS:
                    if (p := d / f"{name}.{ex}.txt").exists():
                        yield False, f"{d.name}/{name}/{ex}", p
        else:
            for p in sorted(d.glob("synth-*.txt")):
                yield True, f"{d.name}/{p.stem}", p


def evidence(text: str) -> tuple[int, int, bool]:
    """(lines over, lines pulled down, decision) for the page *text*, as cut_lines weighs them."""
    seen: list[tuple[int, int, bool]] = []
    weigh = lines._marks_hang

    def spy(texts, widths, columns, proportional=False):
        over, pulled = lines.hang_evidence(texts, widths, columns, proportional)
        seen.append((over, pulled, weigh(texts, widths, columns, proportional)))
        return seen[-1][2]

    lines._marks_hang = spy
    try:
        lines.cut_lines(text)
    finally:
        lines._marks_hang = weigh
    return seen[0]


def main(argv: list[str]) -> int:
    tally: Counter[tuple[str, str, bool]] = Counter()
    for hangs, name, path in pages(argv):
        over, pulled, decided = evidence(read_text(path).rstrip("\f\n "))
        print(f"{name}: over {over}, pulled {pulled}, hangs {decided} (truly {hangs})")
        shown = "none" if over == pulled == 0 else "hang" if over > pulled else "no hang" if pulled > over else "tie"
        tally["generated" if hangs else "typeset", shown, decided == hangs] += 1
    for (kind, shown, right), n in sorted(tally.items()):
        print(f"{kind}, evidence {shown}, {'right' if right else 'wrong'}: {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
