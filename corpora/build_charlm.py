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

The interpunct between the parts of a foreign name (威廉·卡博戈·基塔乌) stands
between syllables the trigram model has mostly never seen next to it.  Its
probabilities are mixed with a class-based estimate (Brown et al. 1992): each
ideograph's class is how much likelier than the average ideograph it is to
stand within :data:`NEAR` characters of an interpunct (transliteration
syllables: 斯, 尔, 克 …), in steps of :data:`CLASS_STEP`; P(· | the class of
the character before) and P(the class of the character after | ·) are counted
on the train part, and a character within its class takes the model's unigram
share (:func:`interpunct_classes`, :func:`interpunct_statistics`); P(· | the
classes of the two characters before) is counted too, and read in place of the
last character's alone (吐尔洪·: the syllable two back says what 洪 alone does not).  The two
mixing weights are fitted, like the mark smoothing, by maximum likelihood on
held-out text: the five latest tenths of the train part, each under a model
and classes fitted on the items before it (:func:`fit_interpunct_weights`).
``python bench/eval_interpunct.py`` measures the restored interpunct on the
latest train items with a model built this way on the earlier ones.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from math import log10
from collections.abc import Iterable
from functools import partial
from itertools import chain
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "corpora")]

import realdev  # noqa: E402
from textfix.charclasses import INTERPUNCT, PROSE_MARKS, is_ideograph  # noqa: E402
from textfix.charlm import BOUNDARY, CharLM, Interpunct, decode_model, encode_model, normalise  # noqa: E402
from textfix.lexicon import dictionary_path  # noqa: E402

MIN_TRIGRAM_COUNT = 2
HELD_OUT = 0.1  # the latest share of the train items (by date) the mark smoothing is fitted on
# The slices of HELD_OUT, latest first, the interpunct's weights are fitted on: 5, the latest half of the
# train part (48 interpuncts in the latest slice alone; each slice costs a model fitted, ~12 s).
INTERPUNCT_SLICES = 5
_SPACE = re.compile(r"\s+")
# The interpunct's classes.  A character's share of occurrences within NEAR characters of one is shrunk
# towards the mean by CLASS_PRIOR occurrences at the mean (a character seen once, beside a ·, is no name
# syllable yet), and classes step by CLASS_STEP in that share over the mean: class 0 below the mean, then
# 1-1.5x, 1.5-2.25x, 2.25-3.4x, 3.4x and more (CLASSES).  NEAR, CLASS_PRIOR and CLASS_STEP are the best
# of a grid by the likelihood of fit_interpunct_weights' held-out slices (271 interpuncts), each at its
# best weights: gain over the Kneser-Ney estimate alone, log10, left + right: NEAR 4, prior 10, step 1.5:
# 10.8 + 16.9; NEAR 4, step 2: 12.1 + 15.2; NEAR 3, step 1.5: 7.5 + 19.6; NEAR 3, step 2: 6.4 + 17.8;
# NEAR 2, step 4: 5.0 + 16.5; NEAR 1: at most 1.8 + 4.5; priors 3 and 30 within 0.5 of 10 (NEAR 1-3,
# step 2 and 4); NEAR 5: 9.5 + 16.5 at most (measured 2026-11-29).
NEAR = 4
CLASS_PRIOR = 10.0
CLASS_STEP = 1.5
CLASSES = 5


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
    """Each prose mark's share of the prose marks in *text* (the model's characters).

    The interpunct is left out: where it goes is smoothed by its own class-based
    estimate (:func:`fit_interpunct_weights`), not a second time by the marks' shares.
    """
    marks = {normalise(m) for m in PROSE_MARKS} - {INTERPUNCT}
    counts = Counter(ch for ch in text if ch in marks)
    total = sum(counts.values())
    return {m: round(n / total, 6) for m, n in sorted(counts.items())}


class HeldOut(NamedTuple):
    """A model fitted on the train items before a slice of :data:`HELD_OUT` of them, and the slice as text."""

    lm: CharLM
    text: str  # what the model was fitted on
    tables: list[dict[int, tuple[float, float]]]
    held: str


def held_out(items: list[dict], slice_from: int = 1) -> HeldOut:
    """The *slice_from*-th latest slice of :data:`HELD_OUT` of *items* (by date), under a model of those before it."""
    items = sorted(items, key=lambda item: item["date"])
    cut, end = (int(len(items) * (1 - HELD_OUT * k)) for k in (slice_from, slice_from - 1))
    text = training_text(items[:cut])
    vocab, unknown, tables, meta = fit(text)
    return HeldOut(decode_model(encode_model(vocab, unknown, tables, meta)), text, tables, training_text(items[cut:end]))


def fit_mark_smoothing(split: HeldOut) -> float:
    """The weight of the marks' shares that best predicts which mark follows, on held-out later items.

    A model and the shares are fitted on the earlier items; on the latest
    :data:`HELD_OUT` of them, each prose mark's log-likelihood given that a
    mark follows its context is summed for weights 0, 0.01 … 0.99 (a grid:
    the likelihood is concave in the weight: :func:`_best_weight`), and the best is returned.
    """
    lm, text, held = split.lm, split.text, split.held
    shares = mark_shares(text)
    slots = []  # (P(this mark | context) / P(a mark | context), its share), one per mark of the held-out text
    mass: dict[str, float] = {}
    for k, ch in enumerate(held):
        if ch in shares and k >= 2:
            h = held[k - 2 : k]
            if h not in mass:
                mass[h] = sum(10 ** lm.logp(h, m) for m in shares)
            slots.append((10 ** lm.logp(h, ch) / mass[h], shares[ch]))
    return _best_weight(partial(_right_loglik, slots))


def interpunct_classes(text: str) -> dict[str, int]:
    """Each ideograph of *text* in a class above 0 → its class (see :data:`NEAR` … :data:`CLASSES`)."""
    total, near = Counter(text), Counter()
    for k, ch in enumerate(text):
        if ch == INTERPUNCT:
            near.update(c for c in text[max(0, k - NEAR) : k] + text[k + 1 : k + 1 + NEAR] if is_ideograph(c))
    mean = sum(near.values()) / sum(n for ch, n in total.items() if is_ideograph(ch))
    classes = {}
    for ch, n in total.items():
        ratio = (near[ch] + CLASS_PRIOR * mean) / (n + CLASS_PRIOR) / mean
        if is_ideograph(ch) and ratio >= 1.0:
            classes[ch] = min(CLASSES - 1, 1 + int(log10(ratio) / log10(CLASS_STEP)))
    return classes


def interpunct_statistics(text: str, classes: dict[str, int], vocab: str, uni: dict[int, tuple[float, float]]) -> dict:
    """The class-based estimates of the interpunct, counted on *text* (``CharLM`` reads them).

    ``then``: P(· | the class of the character before); ``then_two``: P(· | the
    classes of the two characters before: a syllable two back of a name's part,
    吐尔洪·, tells what the one before alone does not); ``after``: P(the class
    of the character after | ·); ``mass``: each class's share of the model's
    unigram probability (*uni*, by character id), which a character of the
    class takes its share of.
    """
    seen, then, after = [0] * CLASSES, [0] * CLASSES, [0] * CLASSES
    seen_two, then_two = [[0] * CLASSES for _ in range(CLASSES)], [[0] * CLASSES for _ in range(CLASSES)]
    before = 0  # the class of the character before *a*
    for a, b in zip(text, text[1:]):
        c = classes.get(a, 0)
        seen[c] += 1
        seen_two[before][c] += 1
        if b == INTERPUNCT:
            then[c] += 1
            then_two[before][c] += 1
        if a == INTERPUNCT:
            after[classes.get(b, 0)] += 1
        before = c
    mass = [0.0] * CLASSES
    for k, ch in enumerate(vocab, 1):
        mass[classes.get(ch, 0)] += 10 ** uni[k][0]
    return {"classes": ["".join(sorted(ch for ch, c in classes.items() if c == k)) for k in range(1, CLASSES)],
            "then": [t / max(n, 1) for t, n in zip(then, seen)],
            "then_two": [[t / max(n, 1) for t, n in zip(row, counts)] for row, counts in zip(then_two, seen_two)],
            "after": [n / max(sum(after), 1) for n in after],
            "mass": mass}


def fit_interpunct_weights(splits: Iterable[HeldOut]) -> list[float]:
    """[λ, μ]: the weights of the class-based estimates that best predict held-out later text.

    Interpuncts are rare (48 in the latest tenth of the train part: counted),
    so the likelihood is summed over :data:`INTERPUNCT_SLICES` later slices,
    each under a model, classes and estimates counted on the items before it
    (as the text the shipped model meets is later than its train part).  λ
    maximises the likelihood of whether each character is an interpunct given
    the two before it, μ that of the character after each interpunct (each
    likelihood is concave in its weight: the best of the grid 0, 0.01 … 0.99,
    as for the mark smoothing).
    """
    left, right = [], []
    for split in splits:
        events = _interpunct_events(split)
        left += events[0]
        right += events[1]
    return [_best_weight(partial(_left_loglik, left)), _best_weight(partial(_right_loglik, right))]


def _interpunct_events(split: HeldOut) -> tuple[list, list]:
    """The held-out text's events for the two weights, with their Kneser-Ney and class-based probabilities.

    Left: per context of two characters, (its count, how many interpuncts
    follow it, P_KN(· | it), P(· | its last character's class)); right: per
    interpunct, (P_KN(the next character | ·), its class-based estimate).
    """
    lm, held = split.lm, split.held
    stats = interpunct_statistics(split.text, interpunct_classes(split.text), lm.vocab, split.tables[0])
    classes = Interpunct.read(stats, [0.0, 0.0])  # the class estimates alone (the model itself is left as fitted)
    contexts = Counter(held[k - 2 : k] for k in range(2, len(held)))
    dots = Counter(held[k - 2 : k] for k in range(2, len(held)) if held[k] == INTERPUNCT)
    left = [(n, dots[h], 10 ** lm._kn_logp(h, INTERPUNCT), classes.then_after(h)) for h, n in contexts.items()]
    right = [(10 ** lm._kn_logp(held[k - 2 : k], held[k]), classes.after_it(held[k], lm))
             for k in range(2, len(held)) if held[k - 1] == INTERPUNCT]
    return left, right


def _left_loglik(left: list, weight: float) -> float:
    total = 0.0
    for n, hits, own, cls in left:
        p = (1 - weight) * own + weight * cls
        total += hits * log10(p) + (n - hits) * log10(1.0 - p)
    return total


def _right_loglik(right: list, weight: float) -> float:
    """Held-out log-likelihood of each (own estimate, the one mixed in) pair's character under the mix."""
    return sum(log10((1 - weight) * own + weight * cls) for own, cls in right)


def _best_weight(loglik) -> float:
    """The best of the weights 0, 0.01 … 0.99 for a concave *loglik* (a ternary search of the grid)."""
    lo, hi = 0, 99
    while hi - lo > 2:
        a, b = lo + (hi - lo) // 3, hi - (hi - lo) // 3
        if loglik(a / 100) < loglik(b / 100):
            lo = a + 1
        else:
            hi = b
    return max((k / 100 for k in range(lo, hi + 1)), key=loglik)


def unseen_characters(vocab: str, unknown: float) -> dict[str, float]:
    """log10 P of each ideograph the model never saw, where jieba's dictionary makes it likelier than the model's
    floor for such a character (*unknown*): its share of the characters of the dictionary's words, each word counted
    as often as the dictionary says (a corpus much larger and broader than the news the model is fitted on: 曰, never
    in real-dev train, is 1.1e-4 of it, the floor 1.9e-6).  The garble decision reads a printed form the model never
    saw at this probability, a real character's, where it weighs it as evidence of its run (garbles.Candidate.gain)."""
    counts: Counter[str] = Counter()
    for word, n in re.findall(r"^(\S+) (\d+)", dictionary_path().read_text(encoding="utf-8"), re.M):
        for ch in word:
            counts[ch] += int(n)
    total, seen = sum(counts.values()), set(vocab)
    shares = {ch: log10(n / total) for ch, n in sorted(counts.items()) if ch not in seen and is_ideograph(ch)}
    return {ch: round(logp, 3) for ch, logp in shares.items() if logp > unknown}


def smoothing(items: list[dict], text: str, vocab: str, tables: list, interpunct: bool = True) -> dict:
    """The header's smoothing of the model fitted on *items* (*text*, *vocab*, *tables*): the marks'
    shares and weight, and (with *interpunct*) the interpunct's classes, estimates and weights."""
    latest = held_out(items)
    meta = {"mark_shares": mark_shares(text), "mark_smoothing": fit_mark_smoothing(latest)}
    if interpunct:
        splits = chain([latest], (held_out(items, k) for k in range(2, INTERPUNCT_SLICES + 1)))  # one model at a time
        meta["interpunct"] = {**interpunct_statistics(text, interpunct_classes(text), vocab, tables[0]),
                              "weights": fit_interpunct_weights(splits)}
    return meta


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", default="train", choices=("train", "all"))
    parser.add_argument("-o", "--output", default=str(ROOT / "textfix" / "data" / "charlm.bin"))
    args = parser.parse_args()
    items = realdev.load(args.part)
    text = training_text(items)
    vocab, unknown, tables, meta = fit(text)
    meta.update(smoothing(items, text, vocab, tables))
    meta["unseen"] = unseen_characters(vocab, unknown)
    meta["trained_on"] = f"real-dev {args.part} part (corpora/realdev.py, before {realdev.TEST_FROM})"
    data = encode_model(vocab, unknown, tables, meta)
    Path(args.output).write_bytes(data)
    print(f"{args.output}: {len(data)} bytes; {len(vocab)} characters, n-grams {[len(t) for t in tables]}, {meta}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
