"""Garble forms the character model never saw: how many there are, and what the rule for them does, on train.

    python bench/unseen_forms.py [--least 5] [--most 50] [--seed 0]

Reads the train part of real-dev (``../shared/real-dev``, through
``corpora/realdev.py``) and the shipped model's garble table:

1. Each printed form a garble decision can change (the default model's table),
   its count in the character model's training text (corpora/build_charlm.py's
   ``training_text`` of the train part) and its log10 unigram probability in
   the shipped model; the forms seen fewer than ``--least`` times are listed
   (a form never seen has the model's floor, ``unknown``, in any context).
2. A check of the rule for forms the model never saw (garbles._Decision.on_floor, run_garbled): the
   forms seen ``--least`` … ``--most`` times are held out, every train item
   that contains one is left out of a model fitted like the shipped one
   (its Kneser-Ney tables on the rest and jieba's shares of the characters it
   never saw; the shipped mark and interpunct smoothing kept), so that they are unseen to it, as 曰 is to the shipped model.  The
   left-out items' paragraphs are then measured as bench/eval_garbles.py
   measures (clean: false fixes; a seeded share garbled in runs: marks
   restored and left, false fixes in the garbled paragraphs), once with every
   form read as seen (the decision before the rule) and once with the rule.

Exits with one line when the set is absent.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "corpora"), str(ROOT / "bench")]

import realdev  # noqa: E402
from build_charlm import fit, training_text, unseen_characters  # noqa: E402
from eval_garbles import evaluate  # noqa: E402

import textfix.charlm as charlm_module  # noqa: E402
import textfix.garbles as garbles  # noqa: E402
from textfix.charlm import decode_model, default_charlm, default_charlm_path, encode_model  # noqa: E402
from textfix.model import default_model  # noqa: E402

SMOOTHING = ("mark_shares", "mark_smoothing", "interpunct")  # the shipped header's, kept in the held-out model


def form_counts(text: str) -> list[tuple[int, str, str, float]]:
    """(count in *text*, printed form, its mark, log10 P of the form alone in the shipped model), fewest first."""
    lm, counts = default_charlm(), Counter(text)
    table = garbles._prepared(default_model()).table
    return sorted((counts[g], g, c.symbol, lm.logp("", g)) for g, c in table.items())


def held_out_model(text: str, path: Path) -> None:
    """A model of *text* with the shipped model's smoothing and its own unseen characters' shares, written to *path*."""
    vocab, unknown, tables, meta = fit(text)
    header = _shipped_header()
    meta.update({key: header[key] for key in SMOOTHING if key in header})
    meta["unseen"] = unseen_characters(vocab, unknown)
    path.write_bytes(encode_model(vocab, unknown, tables, meta))


def _shipped_header() -> dict:
    import json
    import struct

    data = default_charlm_path().read_bytes()
    (size,) = struct.unpack_from("<I", data)
    return json.loads(data[4 : 4 + size])


def use_model(path: Path, rule: bool) -> None:
    """Decide garbles with the model at *path*, with the rule for unseen forms or (*rule* False) every form read as seen."""
    lm = decode_model(path.read_bytes())
    if not rule:
        lm.seen = lambda text: True
    for module in (garbles, charlm_module):
        module.default_charlm = lambda: lm
    garbles.default_charlm_path = lambda: path
    garbles._PREPARED.entries.clear()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--least", type=int, default=5, help="forms seen fewer times are listed as rare")
    parser.add_argument("--most", type=int, default=50, help="forms seen --least … --most times are held out")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--model-path", default="/tmp/unseen_forms_charlm.bin", help="where the held-out model is written")
    args = parser.parse_args()
    if not Path(realdev.DEFAULT_PATH).exists():
        print(f"unseen_forms: the real-dev set is absent ({realdev.DEFAULT_PATH})", file=sys.stderr)
        return 3
    items = realdev.load("train")
    rows = form_counts(training_text(items))
    print(f"{len(rows)} printed forms; the model's floor (a character never seen): {default_charlm().unknown:.2f}")
    print("| count in train | form | mark | log10 P alone |\n| --- | --- | --- | --- |")
    for n, g, symbol, logp in rows:
        if n < args.least:
            print(f"| {n} | {g} | {symbol} | {logp:.2f} |")
    print(f"never seen: {sum(n == 0 for n, *_ in rows)}; seen 1-{args.least - 1} times: "
          f"{sum(0 < n < args.least for n, *_ in rows)}")
    held = {g for n, g, *_ in rows if args.least <= n <= args.most}
    has = [any(g in p for p in (item["title"], *item["paragraphs"]) for g in held) for item in items]
    path = Path(args.model_path)
    held_out_model(training_text([item for item, out in zip(items, has) if not out]), path)
    paragraphs = [p for item, out in zip(items, has) if out for p in item["paragraphs"]]
    print(f"\nheld out: {len(held)} forms seen {args.least}-{args.most} times ({''.join(sorted(held))}); "
          f"{sum(has)} items, {len(paragraphs)} paragraphs, left out of the model")
    print("| decision | clean: false fixes | garbled: marks | restored | left | false fixes in garbled paragraphs |")
    print("| --- | --- | --- | --- | --- | --- |")
    for rule in (False, True):
        use_model(path, rule)
        t = evaluate(paragraphs, seed=args.seed)
        marks = sum(t.marks.values())
        print(f"| {'with the rule' if rule else 'every form read as seen'} | {t.false_garble} | {marks} | "
              f"{sum(t.restored.values())} | {sum(t.left.values())} | {t.false_in_run + t.false_outside_run} |")
        for example in t.false_examples[:10] + t.false_garbled_examples[:10]:
            print(f"    {example}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
