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

Kept: the two-character histories seen at least :data:`MIN_SEEN` times (below that the smoothed estimate
is almost the model's own: see ``prior_events``).  ``prior_events`` (α) is how many positions' worth the
character model's estimate counts for against a history's own counts, (k / c + α·p) / (n + α), c the share
of the dictionary's names the counted surnames start (``textfix.garbles.smoothed_name_start``): fitted here as
the α of :data:`PRIOR_GRID` that gives the latest :data:`HELD_OUT` of train (by date) the highest
likelihood of where names start, under a table counted on the rest.

The fit smooths every held-out history with the rest's counts, also those the rest saw fewer than
MIN_SEEN times, where the shipped table drops them and the decision reads the model's estimate alone
(``textfix.garbles._packed_name_after``; a history no name started after reads the model's either way,
the smoothed estimate never being below it).  So α = 50 is fitted under a somewhat fuller table than
the one shipped; not refitted as the table it ships with (that would change the data, name_after.json).

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
MIN_SEEN = 20  # a size cut: a history seen fewer times keeps almost only the model's estimate (α = 50 as fitted: name_after.json prior_events)
HELD_OUT = 0.15  # the latest share of train (by date) prior_events is fitted on, as fit_garble_runs.py splits
PRIOR_GRID = (5, 10, 20, 50, 100, 200, 500, 1000, 2000)
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


def fit_prior_events(seen: Counter, names: Counter, held_seen: Counter, held_names: Counter
                     ) -> tuple[float, dict[str, float]]:
    """The α of PRIOR_GRID under which the held-out positions' name starts are likeliest under the rest's counts
    (*seen*, *names*); each α's log10 likelihood."""
    priors = {h: model_prior(h) for h in held_seen}
    covered = _covered()
    scores = {}
    for alpha in (*PRIOR_GRID, math.inf):
        total = 0.0
        for h, n_held in held_seen.items():
            p = priors[h]
            if math.isfinite(alpha):
                p = garbles.smoothed_name_start(names[h], seen[h], p, covered, alpha)
            p *= covered  # the event counted: a name of the commonest surnames starts here
            p = min(max(p, PROB_GUARD), 1 - PROB_GUARD)
            k_held = held_names[h]
            total += k_held * math.log10(p) + (n_held - k_held) * math.log10(1 - p)
        scores[str(alpha)] = round(total, 1)
    best = max(PRIOR_GRID, key=lambda a: scores[str(a)])
    return best, scores


def main() -> int:
    train = realdev.load("train")
    cut = int(len(train) * (1 - HELD_OUT))
    surnames = frozenset(garbles.commonest_surnames(_lexicon()))
    seen, names = name_starts(train[:cut], surnames)
    held_seen, held_names = name_starts(train[cut:], surnames)
    alpha, scores = fit_prior_events(seen, names, held_seen, held_names)
    seen, names = seen + held_seen, names + held_names
    histories = {h: [names[h], n] for h, n in sorted(seen.items()) if n >= MIN_SEEN}
    OUT.write_text(json.dumps({
        "source": f"corpora/fit_name_after.py on real-dev train (before {realdev.TEST_FROM}): per two characters "
                  f"before a position, [positions where jieba posseg starts a {'/'.join(NAME_TAGS)} name of 2-3 characters "
                  f"with one of the decision's {garbles.SURNAMES_SUMMED} commonest surnames, positions], "
                  f"histories seen at least {MIN_SEEN} times",
        "prior_events": alpha,
        "prior_events_fit": {"held_out": HELD_OUT, "log10_likelihood": scores},
        "histories": histories,
    }, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(histories)} histories; prior_events {alpha}; {scores}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
