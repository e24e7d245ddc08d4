"""The interpunct of names a model has not seen, measured inside the train part (issue 13).

    python bench/eval_interpunct.py [--start 0.85] [--end 1.0] [--no-interpunct] [--seeds 0 1 2]

The shipped model has seen every name of the train part, so ``eval_garbles
--part train`` cannot say how the interpunct of a name it has never seen
fares.  This fits the character model as ``corpora/build_charlm.py`` does
(its mark smoothing and the interpunct's class estimates and weights
included), but on the train items before ``--start`` (a share of them, by
date) only, and measures on the items from there to ``--end``: every
paragraph of them is repaired as clean text (every change is false), and
every paragraph with an interpunct is garbled as ``eval_garbles`` garbles
(a whole paragraph or a run of sentences, half the marks followed by a stray
space), once per seed.  ``--no-interpunct`` leaves the class estimates out
(the model before them).  The test part is never read.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "corpora"), str(ROOT / "bench")]

import build_charlm  # noqa: E402
import eval_garbles  # noqa: E402
import realdev  # noqa: E402
from textfix import charlm, garbles, repair  # noqa: E402
from textfix.charclasses import INTERPUNCT  # noqa: E402


def build(items: list[dict], interpunct: bool, out: Path) -> dict:
    """The model of *items* written to *out*, as build_charlm's main builds it; its header's fitted numbers."""
    text = build_charlm.training_text(items)
    vocab, unknown, tables, meta = build_charlm.fit(text)
    meta.update(build_charlm.smoothing(items, text, vocab, tables, interpunct))
    out.write_bytes(charlm.encode_model(vocab, unknown, tables, meta))
    return meta


def use_model(path: Path) -> None:
    """Make *path* the model garble decisions read (its screen terms are cached under its own size and time)."""
    lm = charlm.decode_model(path.read_bytes())
    charlm.default_charlm_path = garbles.default_charlm_path = lambda: path
    charlm.default_charlm = garbles.default_charlm = lambda: lm


def measure(paragraphs: list[str], seeds: list[int]) -> dict:
    table = eval_garbles.garble_table()
    false_clean = sum(1 for p in paragraphs for c in repair(p).changes
                      if eval_garbles.is_garble(c) or eval_garbles.touches_family(c))
    tally = eval_garbles.Tally()
    with_dot = [p for p in paragraphs if INTERPUNCT in p]
    for seed in seeds:
        rng = random.Random(seed)
        for p in with_dot:
            g = eval_garbles.garble(p, eval_garbles.choose_runs(p, rng), table, 0.5, rng)
            if g.marks:
                eval_garbles.count_garbled(tally, g, repair(g.text).changes)
    return {"paragraphs": len(paragraphs), "with_interpunct": len(with_dot), "false_fixes_clean": false_clean,
            "interpunct": (tally.restored["interpunct"], tally.marks["interpunct"]),
            "all_marks": (sum(tally.restored.values()), sum(tally.marks.values())),
            "false_fixes_garbled": tally.false_in_run + tally.false_outside_run,
            "left": [e for e in tally.left_examples if "(interpunct)" in e]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--start", type=float, default=0.85, help="share of the train items (by date) fitted on")
    ap.add_argument("--end", type=float, default=1.0, help="measured on the items from --start to this share")
    ap.add_argument("--no-interpunct", action="store_true", help="the model without the interpunct's class estimates")
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    args = ap.parse_args()
    items = sorted(realdev.load("train"), key=lambda item: item["date"])
    cut, end = int(len(items) * args.start), int(len(items) * args.end)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "charlm.bin"
        meta = build(items[:cut], not args.no_interpunct, path)
        use_model(path)
        paragraphs = [p for item in items[cut:end] for p in item["paragraphs"] if p.strip()]
        result = measure(paragraphs, args.seeds)
    restored, marks = result["interpunct"]
    print(f"fitted on {cut} items (to {items[cut - 1]['date']}), measured on {end - cut} "
          f"({items[cut]['date']} … {items[end - 1]['date']}); interpunct weights "
          f"{meta.get('interpunct', {}).get('weights', 'none')}")
    print(f"clean: {result['paragraphs']} paragraphs, {result['false_fixes_clean']} false fixes")
    print(f"garbled ({len(args.seeds)} seeds, {result['with_interpunct']} paragraphs with ·): interpunct "
          f"{restored}/{marks} = {restored / max(marks, 1):.1%}; all marks {result['all_marks'][0]}/"
          f"{result['all_marks'][1]}; false fixes {result['false_fixes_garbled']}")
    for e in result["left"]:
        print("  left", e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
