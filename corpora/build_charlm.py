"""Fit the character trigram model that garble repair ships (``textfix/data/charlm.bin``).

    python corpora/build_charlm.py            # train part of ../shared/real-dev → textfix/data/charlm.bin

Interpolated Kneser-Ney (Chen & Goodman 1998) over characters, orders 1–3, with
one absolute discount per order estimated from the counts of counts,
D = n1 / (n1 + 2 n2) (Ney, Essen & Kneser 1994).  Training text: the titles
and paragraphs of the train part of the real-news set (``corpora/realdev.py``),
each paragraph between two boundary marks, whitespace removed, digits read as
0 and ASCII letters as a (``textfix.charlm.normalise``).  Trigrams seen once
are not stored (they back off, which costs them little and halves the file);
every unigram and bigram is.

Which mark fills a mark's slot is smoothed towards the marks' shares
(:data:`textfix.charlm` ``mark_smoothing``): the train text is one
broadcaster's style (``表示，`` where other papers print ``表示：``), and the
trigram estimate of a rarer mark after a context is sparse where the estimate
that *some* mark follows is not.  The weight is fitted by maximum likelihood of
the marks of the latest tenth of the train part (by date) under a model fitted
on the rest (:func:`fit_mark_smoothing`); the shares are counted on the whole
train part.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from math import log10
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "corpora")]

import realdev  # noqa: E402
from textfix.charclasses import PROSE_MARKS  # noqa: E402
from textfix.charlm import BOUNDARY, decode_model, encode_model, normalise  # noqa: E402

MIN_TRIGRAM_COUNT = 2
HELD_OUT = 0.1  # the latest share of the train items (by date) the mark smoothing is fitted on
_SPACE = re.compile(r"\s+")


def training_text(items: list[dict]) -> str:
    paragraphs = (p for item in items for p in (item["title"], *item["paragraphs"]))
    return BOUNDARY + BOUNDARY.join(normalise(_SPACE.sub("", p)) for p in paragraphs) + BOUNDARY


def discount(counts: Counter) -> float:
    n = Counter(v for v in counts.values() if v <= 2)
    return n[1] / (n[1] + 2 * n[2])


def fit(text: str) -> tuple[str, float, list[dict[int, tuple[float, float]]], dict]:
    tri = Counter(text[k : k + 3] for k in range(len(text) - 2))
    # Kneser-Ney: the lower orders count the distinct contexts a string follows, not its tokens.
    bi_kn = Counter(g[1:] for g in tri)
    uni_kn = Counter(g[1:] for g in bi_kn)
    d3, d2, d1 = discount(tri), discount(bi_kn), discount(uni_kn)
    vocab = "".join(sorted(set(text)))
    ids = {ch: k + 1 for k, ch in enumerate(vocab)}

    total1 = sum(uni_kn.values())
    p1 = {c: (max(n - d1, 0) + d1 * len(uni_kn) / len(vocab)) / total1 for c, n in uni_kn.items()}
    unknown = log10(0.5 / total1)

    follow2, mass2 = Counter(), Counter()  # per context b: distinct followers, total continuation count
    for g, n in bi_kn.items():
        follow2[g[0]] += 1
        mass2[g[0]] += n
    p2 = {g: (max(bi_kn[g] - d2, 0) / mass2[g[0]]) + d2 * follow2[g[0]] / mass2[g[0]] * p1[g[1]] for g in bi_kn}

    follow3, mass3 = Counter(), Counter()
    for g, n in tri.items():
        follow3[g[:2]] += 1
        mass3[g[:2]] += n
    weight3 = {h: d3 * follow3[h] / mass3[h] for h in mass3}
    p3 = {g: max(n - d3, 0) / mass3[g[:2]] + weight3[g[:2]] * p2[g[1:]] for g, n in tri.items() if n >= MIN_TRIGRAM_COUNT}

    uni = {ids[c]: (log10(p1[c]), log10(d2 * follow2[c] / mass2[c]) if c in mass2 else 0.0) for c in p1}
    bi = defaultdict(lambda: (0.0, 0.0))
    for g, p in p2.items():
        bi[(ids[g[0]] << 16) | ids[g[1]]] = (log10(p), log10(weight3[g]) if g in weight3 else 0.0)
    trig = {(ids[g[0]] << 32) | (ids[g[1]] << 16) | ids[g[2]]: (log10(p), 0.0) for g, p in p3.items()}
    meta = {"discounts": [round(d1, 4), round(d2, 4), round(d3, 4)], "characters": len(text)}
    return vocab, unknown, [uni, dict(bi), trig], meta


def mark_shares(text: str) -> dict[str, float]:
    """Each prose mark's share of the prose marks in *text* (the model's characters)."""
    marks = {normalise(m) for m in PROSE_MARKS}
    counts = Counter(ch for ch in text if ch in marks)
    total = sum(counts.values())
    return {m: round(n / total, 6) for m, n in sorted(counts.items())}


def fit_mark_smoothing(items: list[dict]) -> float:
    """The weight of the marks' shares that best predicts which mark follows, on held-out later items.

    A model and the shares are fitted on the earlier items; on the latest
    :data:`HELD_OUT` of them, each prose mark's log-likelihood given that a
    mark follows its context is summed for weights 0, 0.01 … 0.99 (a grid:
    the likelihood is concave in the weight), and the best is returned.
    """
    items = sorted(items, key=lambda item: item["date"])
    cut = int(len(items) * (1 - HELD_OUT))
    text = training_text(items[:cut])
    vocab, unknown, tables, meta = fit(text)
    lm = decode_model(encode_model(vocab, unknown, tables, meta))
    shares = mark_shares(text)
    held = training_text(items[cut:])
    slots = []  # (P(this mark | context) / P(a mark | context), its share), one per mark of the held-out text
    mass: dict[str, float] = {}
    for k, ch in enumerate(held):
        if ch in shares and k >= 2:
            h = held[k - 2 : k]
            if h not in mass:
                mass[h] = sum(10 ** lm.logp(h, m) for m in shares)
            slots.append((10 ** lm.logp(h, ch) / mass[h], shares[ch]))
    def loglik(weight: float) -> float:
        return sum(log10((1 - weight) * own + weight * share) for own, share in slots)
    return max((k / 100 for k in range(100)), key=loglik)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", default="train", choices=("train", "all"))
    parser.add_argument("-o", "--output", default=str(ROOT / "textfix" / "data" / "charlm.bin"))
    args = parser.parse_args()
    text = training_text(realdev.load(args.part))
    vocab, unknown, tables, meta = fit(text)
    meta["mark_shares"] = mark_shares(text)
    meta["mark_smoothing"] = fit_mark_smoothing(realdev.load(args.part))
    meta["trained_on"] = f"real-dev {args.part} part (corpora/realdev.py, before {realdev.TEST_FROM})"
    data = encode_model(vocab, unknown, tables, meta)
    Path(args.output).write_bytes(data)
    print(f"{args.output}: {len(data)} bytes; {len(vocab)} characters, n-grams {[len(t) for t in tables]}, {meta}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
