"""Fit the margin an OCR confusion must clear (``textfix.confusions.THRESHOLD``) on train OCR pages.

    python corpora/ocr/fit_confusions.py /tmp/ocr/train /tmp/ocr/train200 /tmp/ocr3/train3 [--engines tesseract,rapidocr]

Every page of the folders (``make_scans.py`` pages of real-dev *train*
articles) is repaired with the model learned from the twins of all the other
pages (leave one out), by the confusion fix alone, at each margin of a grid
(log10 posterior odds); each character changed is judged against the page's
twin (``measure.judged_changes``): made right, a new error (read right and
changed), or a wrong fix (read wrong, still wrong: the error count stays).
The margin chosen is one grid step (0.5) above the lowest of the grid at
which no page of any engine gets a new error: a step of room for pages the
fit has not seen.  It prints the table and the choice.  Test pages never
enter the fit.

On the 15 pages of /tmp/ocr/train, /tmp/ocr/train200 and /tmp/ocr3/train3
(2026-11-29, the final rules): a new error at margins up to 0.5 (an inserted
character taken out, a look-alike ideograph changed), none from 1.0: 194 of
Tesseract's characters made right, 15 of RapidOCR's; at 1.5, 193 and 15
(4 wrong fixes of Tesseract's, errors changed into other errors); at 2.0,
187 and 15.  Chosen: 1.5.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

from measure import judged_changes, learned_model, twins  # noqa: E402

from textfix.confusions import scored_changes  # noqa: E402
from textfix.repair import Change  # noqa: E402

STEP = 0.5
GRID = [x * STEP for x in range(-2, 13)]  # −1.0 … 6.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", type=Path, nargs="+")
    ap.add_argument("--engines", default="tesseract,rapidocr")
    args = ap.parse_args(argv)
    table: dict[float, Counter[str]] = {t: Counter() for t in GRID}
    for engine in args.engines.split(","):
        for folder in args.folders:
            for twin_path, read_path in twins(folder, engine):
                model = learned_model(args.folders, engine, leave_out=twin_path)
                twin, read = twin_path.read_text(encoding="utf-8"), read_path.read_text(encoding="utf-8")
                for t in GRID:
                    changes = [Change(*c[:7]) for c in scored_changes(read, model, threshold=t)]
                    right, broke, missed = judged_changes(twin, read, changes)
                    table[t].update({f"{engine} right": len(right), f"{engine} new": len(broke), f"{engine} wrong": len(missed)})
    engines = args.engines.split(",")
    print("margin  " + "  ".join(f"{e}: right/new/wrong" for e in engines))
    for t in GRID:
        print(f"{t:6.1f}  " + "  ".join(f"{table[t][e + ' right']:4d} {table[t][e + ' new']:3d} {table[t][e + ' wrong']:3d}       " for e in engines))
    clean = [t for t in GRID if all(table[t][f"{e} new"] == 0 for e in engines)]
    if clean:
        print(f"lowest margin without a new error: {clean[0]}; chosen, one step above: {clean[0] + STEP}")
    else:
        print("no margin of the grid is without a new error")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
