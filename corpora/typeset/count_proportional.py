"""Count, per page, the evidence textfix.lines._proportional weighs: lines that end no sentence and are
full only read with ASCII one unit to a character (mono) against lines full only read with the font's
proportional widths (prop, lines.ASCII_WIDTHS), and what it decides.

    python corpora/typeset/count_proportional.py DIR [DIR ...] [--file PAGE ...]

A DIR with a MANIFEST.json and ``NAME.<extractor>.txt`` pages is typeset (make_pages.py: WeasyPrint
with Noto Serif CJK, which sets digits and Latin proportionally); any other DIR holds generated
``synth-*.txt`` pages (generate_pages.py: ASCII one unit each), and a page after ``--file`` (the seed
page: a real page, its ASCII spaced out by extraction) is read as one unit each too.  Prints one row
per page where the evidence is mixed or the decision wrong, and a tally of (kind, evidence, decision
right) over all: the provenance of _proportional's rule.
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
        truly = kind == "typeset"  # WeasyPrint sets ASCII proportionally; generated pages and --file one unit each
        mono, prop, decided = first_weighing("_proportional", lines.proportional_evidence, read_text(path).rstrip("\f\n "))
        if (mono and prop) or decided != truly:
            print(f"{name}: mono {mono}, prop {prop}, proportional {decided} (truly {truly})")
        shown = "none" if mono == prop == 0 else "only prop" if not mono else "only mono" if not prop else f"mono {mono} prop {prop}"
        tally["typeset" if truly else "mono", shown, decided == truly] += 1
    print_tally(tally)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
