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

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's textfix
import textfix.lines as lines  # noqa: E402
from textfix.io import read_text  # noqa: E402

EXTRACTORS = ("pdfium", "pdftotext-raw", "pdftotext", "pdfminer")


def pages(args: list[str]):
    """(set proportionally truly, name, path) for every page named by *args*."""
    files = False
    for arg in args:
        if arg == "--file":
            files = True
            continue
        d = Path(arg)
        if files:
            yield False, d.name, d
        elif (d / "MANIFEST.json").exists() and any(d.glob("*.pdfium.txt")):
            for gold in sorted(d.glob("*.gold.json")):
                name = gold.name.removesuffix(".gold.json")
                for ex in EXTRACTORS:
                    if (p := d / f"{name}.{ex}.txt").exists():
                        yield True, f"{d.name}/{name}/{ex}", p
        else:
            for p in sorted(d.glob("synth-*.txt")):
                yield False, f"{d.name}/{p.stem}", p


def evidence(text: str) -> tuple[int, int, bool]:
    """(mono lines, prop lines, decision) for the page *text*, as cut_lines weighs them."""
    seen: list[tuple[int, int, bool]] = []
    weigh = lines._proportional

    def spy(texts, widths, extra):
        mono, prop = lines.proportional_evidence(texts, widths, extra)
        seen.append((mono, prop, weigh(texts, widths, extra)))
        return seen[-1][2]

    lines._proportional = spy
    try:
        lines.cut_lines(text)
    finally:
        lines._proportional = weigh
    return seen[0]


def main(argv: list[str]) -> int:
    tally: Counter[tuple[str, str, bool]] = Counter()
    for truly, name, path in pages(argv):
        mono, prop, decided = evidence(read_text(path).rstrip("\f\n "))
        if (mono and prop) or decided != truly:
            print(f"{name}: mono {mono}, prop {prop}, proportional {decided} (truly {truly})")
        shown = "none" if mono == prop == 0 else "only prop" if not mono else "only mono" if not prop else f"mono {mono} prop {prop}"
        tally["typeset" if truly else "mono", shown, decided == truly] += 1
    for (kind, shown, right), n in sorted(tally.items()):
        print(f"{kind}, evidence {shown}, {'right' if right else 'wrong'}: {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
