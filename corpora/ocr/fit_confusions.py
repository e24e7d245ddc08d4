"""Fit the margin an OCR confusion must clear (``textfix.confusions.THRESHOLD``) on train OCR pages.

    python corpora/ocr/fit_confusions.py /tmp/ocr/train /tmp/ocr/train200 /tmp/ocr3/train3 [--engines tesseract,rapidocr]

Every page of the folders (``make_scans.py`` pages of real-dev *train*
articles) is repaired with the model learned from the twins of all the other
pages (leave one out), by the confusion fix alone, at each margin of a grid
(log10 posterior odds); each character changed is judged against the page's
twin (``measure.judged_changes``): made right, a new error (read right and
changed), or a wrong fix (read wrong, still wrong: the error count stays).
The margin chosen is one grid step (0.5) above the lowest of the grid at
which no page of any engine gets a new error (nor, for look-alikes, a clean
article a change): a step of room for pages the
fit has not seen.  It prints the table and the choice.  Test pages never
enter the fit.

On the 15 pages of /tmp/ocr/train, /tmp/ocr/train200 and /tmp/ocr3/train3
(2026-11-29, the final rules): a new error at margins up to 0.5 (an inserted
character taken out, a look-alike ideograph changed), none from 1.0: 194 of
Tesseract's characters made right, 15 of RapidOCR's; at 1.5, 193 and 15
(4 wrong fixes of Tesseract's, errors changed into other errors); at 2.0,
187 and 15.  Chosen: 1.5.

Look-alike ideographs whose candidates come from the language model
(``LOOKALIKE_THRESHOLD``) are fitted apart, on the same pages and also on
the articles of ``corpora/texts`` (written for the project, not real-dev, so
not in the language model's training text as the train pages' articles are):
every change there is a false fix.  Train pages: new errors up to 2.5, none
from 3.0 (Tesseract 43 made right), 14 at 5.5; clean articles: Tesseract's
model changes 44 characters at 3.0, 31 at 3.5, 7 at 4.5, none from 5.0.
Chosen: 5.5.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

from measure import judged_changes, learned_model, twins  # noqa: E402

from textfix.confusions import LOOKALIKE_RULE, scored_changes  # noqa: E402
from textfix.repair import Change  # noqa: E402

STEP = 0.5
GRID = [x * STEP for x in range(-2, 13)]  # −1.0 … 6.0
LOOK_GRID = [x * STEP for x in range(4, 17)]  # 2.0 … 8.0


POOLS = HERE.parent / "texts"  # corpora/texts: articles written for the project, not real-dev


def _pool_texts(path: Path) -> list[str]:
    return ["\n".join([a["title"], *(b["text"] for b in a["blocks"])]) for a in json.loads(path.read_text(encoding="utf-8"))]


def _judge(counts: Counter[str], engine: str, twin: str, read: str, found: list[tuple]) -> None:
    right, broke, missed = judged_changes(twin, read, [Change(*c[:7]) for c in found])
    counts.update({f"{engine} right": len(right), f"{engine} new": len(broke), f"{engine} wrong": len(missed)})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", type=Path, nargs="+")
    ap.add_argument("--engines", default="tesseract,rapidocr")
    args = ap.parse_args(argv)
    engines = args.engines.split(",")
    table: dict[float, Counter[str]] = {t: Counter() for t in GRID}
    looks: dict[float, Counter[str]] = {t: Counter() for t in LOOK_GRID}
    for engine in engines:
        for folder in args.folders:
            for twin_path, read_path in twins(folder, engine):
                model = learned_model(args.folders, engine, leave_out=twin_path)
                twin, read = twin_path.read_text(encoding="utf-8"), read_path.read_text(encoding="utf-8")
                for t in GRID:
                    _judge(table[t], engine, twin, read, scored_changes(read, model, threshold=t, lookalikes=None))
                for t in LOOK_GRID:
                    found = scored_changes(read, model, lookalikes=t)
                    _judge(looks[t], engine, twin, read, [c for c in found if c[4] == LOOKALIKE_RULE])
    # Clean text the language model has not seen (the project's own written articles): every look-alike change
    # there is a false fix.  The train pages' articles are in the model's training text, these are not.
    texts = [text for pool in sorted(POOLS.glob("*.json")) for text in _pool_texts(pool)]
    chars = sum(len("".join(t.split())) for t in texts)
    for engine in engines:
        model = learned_model(args.folders, engine)
        margins = [c[7] for t in texts for c in scored_changes(t, model, lookalikes=LOOK_GRID[0]) if c[4] == LOOKALIKE_RULE]
        for t in LOOK_GRID:
            looks[t][f"{engine} clean"] = sum(1 for m in margins if m > t)
    for name, grid, counts in (("confusions seen or inferred (THRESHOLD)", GRID, table),
                               ("look-alike ideographs from the language model (LOOKALIKE_THRESHOLD)", LOOK_GRID, looks)):
        print(name)
        print("margin  " + "  ".join(f"{e}: right/new/wrong" for e in engines))
        for t in grid:
            print(f"{t:6.1f}  " + "  ".join(f"{counts[t][e + ' right']:4d} {counts[t][e + ' new']:3d} {counts[t][e + ' wrong']:3d}       " for e in engines))
        if counts is looks:
            print(f"false fixes on {len(texts)} clean written articles ({chars} characters) the model has not seen: " + ", ".join(
                f"{t}: " + "/".join(str(counts[t][f'{e} clean']) for e in engines) for t in grid))
        clean = [t for t in grid if all(counts[t][f"{e} new"] + counts[t][f"{e} clean"] == 0 for e in engines)]
        if clean:
            print(f"lowest margin without a new error: {clean[0]}; chosen, one step above: {clean[0] + STEP}")
        else:
            print("no margin of the grid is without a new error")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
