"""Fit how often a person's name starts after each two characters, on real-dev train (textfix/data/name_after.json).

The garble decision reads a printed surname-character (袁, a garbled ，) as a name's start too, with
P(a name starts here | the two characters before) (``textfix.garbles._name_start_logp``).  The character
model's own estimate of it (its probability of each common surname there, times the surname's share) is of
broadcast copy, which puts few names after 记者 or 市民; this table counts, over the train part of real-dev
(``corpora/realdev.py``, titles and paragraphs as ``corpora/build_charlm.py`` reads them), how often a name
does start after each two characters: each position of a paragraph, after the two characters before it (the
paragraph's start read as ``BOUNDARY``, as the model reads it, and the history cut there:
``textfix.garbles.name_history``), and whether jieba's part-of-speech tagger
starts a Chinese person's name there (a token tagged ``nr`` or ``nrfg``; not ``nrt``, a transliterated name,
which no Chinese surname starts) of two or three characters that one of the decision's commonest surnames
starts (``textfix.garbles.commonest_surnames``, the surnames its own estimate sums).

Kept: the histories seen at least ``min_seen`` times after which some name started (a history no name
started after reads the model's estimate whether kept or not, the smoothed estimate never being below it:
``textfix.garbles._packed_name_after``).  ``prior_events`` (α) is how many positions' worth the
character model's estimate counts for against a history's own counts, (k / c + α·p) / (n + α), c the share
of the dictionary's names the counted surnames start (``textfix.garbles.smoothed_name_start``).  Both are
fitted together (:func:`fit_table`): the pair of :data:`MIN_SEEN_GRID` × :data:`PRIOR_GRID` that gives the
latest :data:`HELD_OUT` of train (by date) the highest likelihood of where names start, under the table the
pair makes of the rest's counts, read as the decision reads the shipped one (a history the table lacks reads
the model's estimate alone).  (Until the twelfth session MIN_SEEN was set to 20 by hand and α fitted with
every history smoothed, a fuller table than the one shipped.)

Run: ``PYTHONPATH=. python corpora/fit_name_after.py`` (a few minutes: jieba tags the whole train part).
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "corpora")]

import realdev  # noqa: E402
from textfix import default_model, garbles  # noqa: E402
from textfix.charlm import BOUNDARY, HISTORY, default_charlm, normalise  # noqa: E402

OUT = ROOT / "textfix" / "data" / "name_after.json"
NAME_TAGS = ("nr", "nrfg")  # jieba's tags of a Chinese person's name (nrt: a transliterated one)
# A name as the decision reads one: a surname and one or two given-name characters.  (The tagger's nr
# alone is loose: after 大学 in train it tags 师生, 荣誉 and 孔子学院's 孔子 as often as real names.)
NAME_LENGTHS = (2, 3)
HELD_OUT = 0.15  # the latest share of train (by date) the table's cut and α are fitted on, as fit_garble_runs.py splits
# The cuts (least positions seen) min_seen is chosen among: from keeping every history to the hand-set 20 and beyond.
MIN_SEEN_GRID = (1, 2, 5, 10, 20, 50, 100)
# The α prior_events is chosen among: 2 to 4096 in steps of √2 (the held-out likelihood changes by under one log10
# unit a step near its peak: fit figures in name_after.json).
PRIOR_GRID = tuple(round(2 ** (k / 2), 2) for k in range(2, 25))
# A numerical guard: a probability is kept inside [PROB_GUARD, 1 - PROB_GUARD] so that log10 of it and of its
# complement stay finite.  Not a fitted value; whether any held-out history's p reaches it was not checked
# (the fit takes minutes of jieba over all of train), so it stays as the shipped α was fitted with it.
PROB_GUARD = 1e-9
_SPACE = re.compile(r"\s+")


def name_starts(items: list[dict], surnames: frozenset[str]) -> tuple[Counter, Counter]:
    """For each history (the two characters before a position, normalised): how many positions follow it,
    and at how many of them jieba starts a person's name with one of *surnames*."""
    import jieba.posseg
    seen, names = Counter(), Counter()
    for item in items:
        for paragraph in (item["title"], *item["paragraphs"]):
            paragraph = _SPACE.sub("", paragraph)
            read = BOUNDARY * HISTORY + normalise(paragraph)
            starts, at = set(), 0
            for token in jieba.posseg.cut(paragraph):
                if token.flag in NAME_TAGS and len(token.word) in NAME_LENGTHS and token.word[0] in surnames:
                    starts.add(at)
                at += len(token.word)
            for i in range(len(paragraph)):
                history = garbles.name_history(read[i : i + HISTORY])
                seen[history] += 1
                if i in starts:
                    names[history] += 1
    return seen, names


def model_prior(history: str) -> float:
    """The character model's P(a name starts after *history*), as the decision reads it without the table."""
    return 10 ** garbles._model_name_start_logp(default_charlm(), _lexicon(), history)


def _lexicon():
    return garbles._prepared(default_model()).lexicon


def _covered() -> float:
    return garbles._commonest_surnames(default_charlm(), _lexicon())[1]


def fit_table(seen: Counter, names: Counter, held_seen: Counter, held_names: Counter
              ) -> tuple[int, float, dict[str, dict]]:
    """The (min_seen, α) of MIN_SEEN_GRID × PRIOR_GRID under which the held-out positions' name starts are
    likeliest, the rest's counts (*seen*, *names*) read as the decision reads the table they make; each cut's
    log10 likelihood by α (α = inf: the model's estimate alone)."""
    priors = {h: model_prior(h) for h in held_seen}
    covered = _covered()
    scores: dict[str, dict] = {}
    for min_seen in MIN_SEEN_GRID:
        by_alpha = scores[str(min_seen)] = {}
        for alpha in (*PRIOR_GRID, math.inf):
            total = 0.0
            for h, n_held in held_seen.items():
                p = priors[h]
                if math.isfinite(alpha) and names[h] and seen[h] >= min_seen:  # kept: see _packed_name_after
                    p = garbles.smoothed_name_start(names[h], seen[h], p, covered, alpha)
                p *= covered  # the event counted: a name of the commonest surnames starts here
                p = min(max(p, PROB_GUARD), 1 - PROB_GUARD)
                k_held = held_names[h]
                total += k_held * math.log10(p) + (n_held - k_held) * math.log10(1 - p)
            by_alpha[str(alpha)] = round(total, 1)
    min_seen, alpha = max(((m, a) for m in MIN_SEEN_GRID for a in PRIOR_GRID), key=lambda ma: scores[str(ma[0])][str(ma[1])])
    return min_seen, alpha, scores


def main() -> int:
    train = realdev.load("train")
    cut = int(len(train) * (1 - HELD_OUT))
    surnames = frozenset(garbles.commonest_surnames(_lexicon()))
    seen, names = name_starts(train[:cut], surnames)
    held_seen, held_names = name_starts(train[cut:], surnames)
    min_seen, alpha, scores = fit_table(seen, names, held_seen, held_names)
    seen, names = seen + held_seen, names + held_names
    histories = {h: [names[h], n] for h, n in sorted(seen.items()) if n >= min_seen and names[h]}
    OUT.write_text(json.dumps({
        "source": f"corpora/fit_name_after.py on real-dev train (before {realdev.TEST_FROM}): per two characters "
                  f"before a position, [positions where jieba posseg starts a {'/'.join(NAME_TAGS)} name of 2-3 characters "
                  f"with one of the decision's {garbles.SURNAMES_SUMMED} commonest surnames, positions], "
                  f"histories seen at least {min_seen} times after which some name started",
        "min_seen": min_seen,
        "prior_events": alpha,
        "prior_events_fit": {"held_out": HELD_OUT, "log10_likelihood_by_min_seen": scores},
        "histories": histories,
    }, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(histories)} histories; min_seen {min_seen}; prior_events {alpha}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
