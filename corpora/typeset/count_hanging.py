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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_evidence import first_weighing, pages, print_tally  # noqa: E402  (puts this checkout first on the path)
import textfix.lines as lines  # noqa: E402
from textfix.io import read_text  # noqa: E402


def main(argv: list[str]) -> int:
    tally: Counter[tuple[str, str, bool]] = Counter()
    for kind, name, path in pages(argv):
        hangs = kind == "generated"  # generate_pages.py hangs marks, WeasyPrint never does
        over, pulled, decided = first_weighing("_marks_hang", lines.hang_evidence, read_text(path).rstrip("\f\n "))
        print(f"{name}: over {over}, pulled {pulled}, hangs {decided} (truly {hangs})")
        shown = "none" if over == pulled == 0 else "hang" if over > pulled else "no hang" if pulled > over else "tie"
        tally["generated" if hangs else "typeset", shown, decided == hangs] += 1
    print_tally(tally)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
