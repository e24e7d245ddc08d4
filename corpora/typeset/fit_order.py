"""Fit how well a block must go on from an open one to be read after it (textfix.order.JOIN_MIN).

    python corpora/typeset/fit_order.py DIR [DIR ...] [--extractors pdfminer]

For every page, the extractor's text is repaired (marks only, lines kept) and
cut into blocks at its blank lines (textfix.order.blocks_of).  Every block that
ends open (textfix.order.ends_open) is paired with every other that opens
inside a sentence (textfix.order.opens_inside); a pair is right when the gold
text runs on from the one into the other (the last six characters of the one
and the first six of the other, whitespace-free, are one string of the gold
page).  Printed: how the language model scores the join (textfix.order.join:
log10 P of the second block's first two characters after the first's last
two) for right and wrong pairs, and the score above which the most right pairs
and the fewest wrong ones lie (right share less wrong share, largest).
JOIN_MIN takes the value of the train batches (seeds 21, 23, 25, pdfminer;
corpora/typeset/README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
from textfix.evaluate import squash  # noqa: E402
from textfix.io import read_text  # noqa: E402
from textfix.lines import cut_lines  # noqa: E402
from textfix.model import default_model  # noqa: E402
from textfix.order import blocks_of, ends_open, join, opens_inside  # noqa: E402
from textfix.repair import repair  # noqa: E402
from textfix.split import _byline_finder  # noqa: E402


def pairs(gold_path: Path, extractor: str, model) -> list[tuple[bool, float]]:
    """(right, join score) of every open end and inside start on one page."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = squash("".join(b["text"] for a in gold["articles"] for b in a["blocks"]))
    printed = read_text(gold_path.with_name(gold_path.name.replace(".gold.json", f".{extractor}.txt"))).rstrip("\f")
    repaired = repair(printed, model, rejoin=False).text
    blocks = blocks_of(cut_lines(repaired, bylines=_byline_finder(model)), repaired)
    out = []
    for e, before in enumerate(blocks):
        if not ends_open(before):
            continue
        tail = squash("".join(ln.text for ln in before))[-6:]
        for s, after in enumerate(blocks):
            if s != e and opens_inside(after):
                head = squash("".join(ln.text for ln in after))[:6]
                out.append((tail + head in text, join(before[-1].text, after[0].text)))
    return out


def best_cut(rows: list[tuple[bool, float]]) -> float:
    """The score at which (right pairs at or above it) / right − (wrong at or above) / wrong is largest."""
    right = sum(ok for ok, _ in rows)
    wrong = len(rows) - right
    best, cut = -1.0, 0.0
    values = sorted({round(v, 2) for _, v in rows})
    for v in values:
        gain = sum(ok and s >= v for ok, s in rows) / max(1, right) - sum(not ok and s >= v for ok, s in rows) / max(1, wrong)
        if gain > best:
            best, cut = gain, v
    return cut


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--extractors", default="pdfminer")
    args = parser.parse_args(argv)
    model = default_model()
    rows: list[tuple[bool, float]] = []
    for extractor in args.extractors.split(","):
        for d in args.dirs:
            for gold in sorted(d.glob("*.gold.json")):
                rows += pairs(gold, extractor, model)
    for ok in (True, False):
        values = sorted(v for right, v in rows if right == ok)
        quantiles = [values[int(q * (len(values) - 1))] for q in (0.05, 0.25, 0.5, 0.75, 0.95)] if values else []
        print(f"{'right' if ok else 'wrong'} pairs {len(values)}: 5/25/50/75/95% " + " ".join(f"{v:.2f}" for v in quantiles))
    cut = best_cut(rows)
    right = [v for ok, v in rows if ok]
    wrong = [v for ok, v in rows if not ok]
    print(f"JOIN_MIN {cut:.2f}: right pairs at or above {sum(v >= cut for v in right)}/{len(right)}, wrong {sum(v >= cut for v in wrong)}/{len(wrong)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
