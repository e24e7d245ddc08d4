"""Count how often a mark follows a mark and one ideograph, on real-dev train (textfix/data/clause_marks.json).

The garble decision reads a printed character as a mark in its window with the character trigram model
(``textfix.charlm``).  Where the mark would close or open a clause of one ideograph (记者袁明） read as
记者，明）; 导演袁野遥 as 导演，野。), the trigram "mark, ideograph, mark" is one the model has seldom seen
for that ideograph, so it backs off to P(mark | the ideograph), which knows nothing of the mark before it:
P(） | ，明) = 10^−4.96 and P(。 | ，野) = 10^−3.23, while in real-dev train a comma is followed by one ideograph and
then ）, 。 or ， 0 times of the 143,600 commas an ideograph follows.  This script counts, over the text the model was trained on
(``corpora/build_charlm.training_text``: titles and paragraphs of the train part, ``corpora/realdev.py``), for
each pair of prose marks a, c (``textfix.charclasses.PROSE_MARKS``): n(a H) the times an ideograph H follows a,
and n(a H c) the times c follows those; and writes log10 of Jeffreys' estimate (n(a H c) + ½) / (n(a H) + 1), the
rate of c there over every ideograph H, for the pairs train never has so (n(a H c) = 0):
``textfix.garbles.clause_marks`` reads it, and caps the model's P(c | a H) at it where the model never saw the
trigram (:data:`textfix.garbles.FEATURES`, "context").  A pair train has round some ideograph is left out, the
model's estimate standing: of the lists of one-character items (法、俄、德), an unseen 、池、 is read better by the
model's P(、 | 池) than by the rate of 、 after every 、H (capped there, bench/eval_garbles.py --part train
--seed 0 left 塘尧池尧库 garbled).  So are the pairs whose a no ideograph ever follows.

Run: ``PYTHONPATH=. python corpora/fit_clause_marks.py`` (a few seconds).
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "corpora")]

import realdev  # noqa: E402
from build_charlm import training_text  # noqa: E402
from textfix.charclasses import PROSE_MARK_SET, PROSE_MARKS, is_ideograph  # noqa: E402

OUT = ROOT / "textfix" / "data" / "clause_marks.json"


def counts(text: str) -> tuple[Counter, Counter]:
    """n(a H) by mark a, and n(a H c) by the pair "ac", over *text*."""
    opened, closed = Counter(), Counter()
    marks = PROSE_MARK_SET
    for k in range(len(text) - 1):
        a = text[k]
        if a in marks and is_ideograph(text[k + 1]):
            opened[a] += 1
            if k + 2 < len(text) and text[k + 2] in marks:
                closed[a + text[k + 2]] += 1
    return opened, closed


def rates(opened: Counter, closed: Counter) -> dict[str, float]:
    """log10 of Jeffreys' estimate of the rate of each pair train never has round one ideograph, to three
    decimals, for every mark an ideograph followed."""
    return {a + c: round(math.log10(0.5 / (opened[a] + 1)), 3)
            for a in PROSE_MARKS if opened[a] for c in PROSE_MARKS if not closed[a + c]}


def main() -> int:
    items = realdev.load("train")
    opened, closed = counts(training_text(items))
    data = {
        "what": "log10 (0 + 1/2) / (n(a H) + 1): mark c after mark a and one ideograph H, pairs train never has so "
                "(corpora/fit_clause_marks.py)",
        "trained_on": f"real-dev train part (corpora/realdev.py, before {realdev.TEST_FROM}), titles and paragraphs",
        "opened": dict(sorted(opened.items())),
        "logp": rates(opened, closed),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(data['logp'])} pairs; n(a H) {sum(opened.values()):,}, "
          f"n(a H c) {sum(closed.values()):,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
