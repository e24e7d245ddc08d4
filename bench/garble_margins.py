"""The garble decisions that lose by less than the threshold in a run the run model holds garbled, by reading.

    python bench/garble_margins.py [--seed S] [--limit N] [--run R]

A decision wins where its terms (context, stray space, partner) and its run term both clear
``garbles.THRESHOLD``; in a run surely garbled (run term at least *R*, log10 P(garbled run), default −0.1)
only the threshold stands between a mark and its repair.  For each lower bound *T* of the grid this counts the
single-character decisions with terms in (T, THRESHOLD] in such runs (first order: each decided alone, its
neighbours as they were), split by the printed character's best reading (text, a dictionary word, a name) into
garbled marks and real characters, on

* the real-dev **train** part's paragraphs garbled as ``bench/eval_garbles.py --part train --seed S`` garbles
  them (the same draw; its clean paragraphs are not repaired);
* the garbled sentence corpus ``corpora/repair/garbled.json`` (a mark where the original differs from its fix).

What lowering the threshold inside garbled runs would restore, against what it would falsely change.
It exits with one line when ``../shared/real-dev`` is absent.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "corpora"))

GRID = (0.0, 0.25, 0.5, 0.75, 0.9)
READINGS = ("text", "word", "name")


@contextmanager
def weighed() -> Iterator[list]:
    """Every ``garbles._weigh`` call's (text, decisions) while the block runs."""
    from textfix import garbles

    calls: list = []
    original = garbles._weigh

    def recording(text, *args, **kwargs):
        decisions = original(text, *args, **kwargs)
        calls.append((text, decisions))
        return decisions

    garbles._weigh = recording
    try:
        yield calls
    finally:
        garbles._weigh = original


def losing_near(text: str, is_mark: Callable[[int], bool], run_floor: float) -> list[tuple[float, str, bool]]:
    """(terms, reading, garbled mark or not) of *text*'s single-character decisions that lose in a run whose
    run term is at least *run_floor*, as its repair's last weighing of the whole text decides them."""
    import textfix

    with weighed() as calls:
        textfix.repair(text)
    mine = [decisions for weighed_text, decisions in calls if weighed_text == text]
    if not mine:
        return []
    return [(d.context + d.space + d.partner, d.reading.split()[0], is_mark(d.occurrence.at))
            for d in mine[-1] if d.occurrence.length == 1 and not d.wins and d.run >= run_floor]


def tally(rows: list[tuple[float, str, bool]], top: float, grid=GRID) -> dict[float, Counter]:
    """Per lower bound *T* of *grid*: (reading, "marks" or "real") → decisions with terms in (T, *top*]."""
    return {low: Counter((reading, "marks" if mark else "real") for terms, reading, mark in rows if low < terms <= top)
            for low in grid}


def changed_offsets(original: str, fixed: str) -> set[int]:
    """Offsets of *original* whose character its fix replaces or drops (a garbled mark, a stray space)."""
    matcher = difflib.SequenceMatcher(None, original, fixed, autojunk=False)
    return {k for tag, i1, i2, _, _ in matcher.get_opcodes() if tag != "equal" for k in range(i1, i2)}


def train_rows(seed: int, limit: int | None, run_floor: float) -> list[tuple[float, str, bool]]:
    """The garbled paragraphs of eval_garbles' draw on the train part (its default draw, eval_garbles.default_draw)."""
    import eval_garbles
    import realdev

    draw = eval_garbles.default_draw(seed)
    rows = []
    for item in realdev.load("train")[:limit]:
        for paragraph in item["paragraphs"]:
            if not paragraph.strip():
                continue
            garbled = draw.garbled(paragraph)
            if garbled.marks:
                rows.extend(losing_near(garbled.text, garbled.marks.__contains__, run_floor))
    return rows


def corpus_rows(run_floor: float) -> list[tuple[float, str, bool]]:
    cases = json.loads((ROOT / "corpora" / "repair" / "garbled.json").read_text(encoding="utf-8"))
    return [row for case in cases
            for row in losing_near(case["original"], changed_offsets(case["original"], case["fixed"]).__contains__,
                                   run_floor)]


def render(name: str, counted: dict[float, Counter], top: float) -> str:
    lines = [f"{name}: losing decisions in runs held garbled, terms in (T, {top}]: marks / real characters",
             "| T | " + " | ".join(READINGS) + " | all |", "| --- |" + " --- |" * (len(READINGS) + 1)]
    for low, c in counted.items():
        cells = [f"{c[(r, 'marks')]} / {c[(r, 'real')]}" for r in READINGS]
        total = f"{sum(c[(r, 'marks')] for r in READINGS)} / {sum(c[(r, 'real')] for r in READINGS)}"
        lines.append(f"| {low} | " + " | ".join(cells) + f" | {total} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--limit", type=int, help="only the first N items of the train part")
    ap.add_argument("--run", type=float, default=-0.1, help="least run term (log10 P(garbled run)) counted")
    args = ap.parse_args(argv)
    import realdev
    from textfix.garbles import THRESHOLD

    if not Path(realdev.DEFAULT_PATH).exists():
        print(f"garble_margins: the real-dev set is absent ({realdev.DEFAULT_PATH})", file=sys.stderr)
        return 3
    print(render(f"real-dev train, eval_garbles seed {args.seed}",
                 tally(train_rows(args.seed, args.limit, args.run), THRESHOLD), THRESHOLD))
    print()
    print(render("corpora/repair/garbled.json", tally(corpus_rows(args.run), THRESHOLD), THRESHOLD))
    return 0


if __name__ == "__main__":
    sys.exit(main())
