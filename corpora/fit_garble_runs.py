"""Fit the numbers of the garble decision that are not the language model: ``textfix/data/garble_decision.json``.

    python corpora/fit_garble_runs.py      # needs ../shared (the seed page's gold and real-dev)

From the seed print page (``seeds/001_…``), whose hand-checked gold
(``../shared/gold/seed_page.gold.json``) says which printed marks were garbled:

* ``run_length``: the scale L of the font-run model, P(same run after d characters)
  = exp(-d/L), by maximum likelihood over the sequence of the page's mark events
  (garbled or printed as itself), the run redrawn with the page's garbled share;
* ``sentence_stay``: the factor k of that chance after a mark that ends a sentence
  (a font set for a bold lead sentence ends with it: on the seed page 6 of the 7
  ends of a garbled run follow a garbled 。, and none of its 6 garbled 。 has a
  garbled mark after it): add-one smoothed, 1/8; L is then fitted given k (76.1;
  log-likelihood −39.7 against −50.0 for L alone, −38.6 at the unsmoothed k = 0);
* ``garbled_share``: the share of the page's mark events that are garbled, the
  prior of a page's garbled share;
* ``mark_in_garbled_run``: how often a run that garbles still prints a mark as
  itself (add-one smoothed: marks printed as themselves with a garbled mark on
  each side, against the garbled marks);
* ``space_after_garble``: the share of garbled marks, not at a line end, that
  are followed by a stray space (add-one smoothed).

From the train part of real-dev (``corpora/realdev.py``):

* ``screen_slack``: the least slack that lets the bigram screen
  (``textfix.garbles._Screen``) pass every candidate of whole garbled paragraphs
  (``bench/eval_garbles.py``'s garbling) whose mark the trigram context lets win,
  its neighbours read as printed or as the marks they are; ``screen_slack_by_mark``
  the same for each mark read by distance (``partner_distance``): its partner
  term's bound lets candidates with a poor bigram read win, and the slack they
  need is theirs, not every candidate's (the dash's would screen 30% more of
  clean text for all marks: measured); and each mark whose most slack needed over
  every context, worked out from the character model's tables (``screen_bound``),
  is below the sample's, has that bound (the sample's maximum is no bound for a
  rare mark: a mark seen a few dozen times in one register needs more elsewhere);

* ``partner_within``: for each paired mark and numbered symbol, the share of its
  occurrences whose partner (the closing mark after an opening one, the
  opening mark before a closing one, the number before or after in its
  series) stands within ``partner_window`` characters; ``numbering`` pools the numbers.

* ``partner_distance``: for the single dash (科技—产业—金融), log10 of how much
  likelier each distance to the nearest other form of it (the dash or its
  garbled form, 要) is around a dash than around the garbled form printed as
  itself in real text, by the bins of ``DISTANCE_BINS`` and "none" within the
  window (add-one smoothed).  A dash's partner in a chain stands a few
  characters off; 要 clusters with itself over longer stretches (要…要…), so
  one within the whole window is evidence against the dash, one within three
  characters for it: a single share over the window says neither.

* ``enclosure``: for the interpunct, log10 of its rate per character inside a
  《 or “ left open within ``partner_window`` characters before it (the title
  湖光·山色, the quote “多读书·读好书·好读书”), and outside both, against its
  rate over all characters (add-one smoothed): a trigram reads two characters
  back, not the title it stands in.  (Counted on train: 1.1 per 1,000
  characters inside 《, 0.70 inside “, 0.10 outside.)  For the single dashes
  (``ENCLOSED_DASHES``: 野县城要中心镇要重点村冶, a chain named in a quote), log10 of
  how much likelier each state is around the dash than around its garbled
  forms printed as themselves (要, 原), as ``partner_distance`` weighs them
  (:func:`dash_enclosure`), the states told apart by whether the title or
  quote holds another mark around it (``textfix.garbles.enclosure_state``):
  on train all 75 single — inside a quote stand in one that holds none (a
  named compound), 92 of the 112 要 there in one that does (quoted speech).

* ``threshold``: the log10 posterior odds a mark must win by: the least of
  ``THRESHOLDS`` whose false-fix rate on clean text is within one per
  ``CLEAN_BUDGET`` characters at ``CONFIDENCE`` (the issue's acceptance, read on a
  held-back test part: the count on held-out train is an estimate, so its
  one-sided upper Poisson bound must keep the budget, :func:`poisson_upper_bound`;
  a false fix on clean text costs far more than a missed mark, so the loss is the
  marks missed under that bound), on all of train read ``FOLDS``-fold (each run
  of items by date under a character model of the others), as printed and
  garbled as ``bench/eval_garbles.py`` does (seed 0); raised, if need be, until
  the garbled sentence corpus (``GARBLED_CORPUS``) has no more false fixes than
  at the threshold in use, nor than ``GARBLED_CORPUS_FALSE_FIXES``
  (:func:`corpus_false_fixes_allowed`, :func:`least_keeping_corpus`: the issue
  asks that it not regress).  On the same decisions, the bar inside a run held
  garbled (``threshold_fit.garbled_run``, :func:`garbled_run_bar`: the rule is
  ``garbles.bar_of``): the least of the grid whose clean false-fix bound, with
  the threshold outside such runs, keeps the budget, and the marks held to the
  threshold there (:func:`held_to_threshold`).  ``threshold_fit`` keeps each threshold's figures, the
  least the bound accepts and the corpus's counts.  The slack and the segment
  weight are fitted at the threshold in use: the script says when the new one
  differs (run it again).  The decisions are collected at the grid's least
  threshold (``COLLECT_AT``: see :func:`held_out_decisions`).  As shipped
  (twenty-sixth session, the whole script in about 35 min with another job on
  the machine): no clean false fix at any threshold, so the bound accepts the
  grid's least, 0.5, and the corpus (5 false fixes up to 0.9, 4 at 0.95, 3 at
  1.0, 3 allowed: its count at the threshold in use) takes it to 1.0: the
  threshold in use rests on the corpus alone.  (The twelfth session's run, before
  the clause cap: 7 up to 0.9, 5 at 0.95, 4 at 1.0, 4 allowed.)  (Before the run model's sentence ends,
  ``sentence_stay``: 1 clean false fix from 0.5 to 0.85, bound 1.32 per
  million, rejected; 0 from 0.9, bound 0.83; the corpus took 0.9 to 1.0.)

* ``segment_weight``: how much a word reading of a printed character loses per
  log10 its word falls short of the window's likeliest segmentation (jieba's
  route: 出院 in 指出院, which segments as 指出 院), chosen among
  ``SEGMENT_WEIGHTS``, the least that restores the most marks (fewest false fixes) of the latest
  ``HELD_OUT`` of train, read under a character model of the rest (as
  ``bench/eval_interpunct.py`` splits), as printed and garbled as
  ``bench/eval_garbles.py`` does (seeds 0–2); ``segment_weight_fit`` keeps each
  weight's figures.
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "corpora")]

import realdev  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

from textfix import garbles  # noqa: E402
from textfix.charclasses import DOUBLED, ENCLOSERS, INTERPUNCT, partners_of, symbol_class  # noqa: E402
from textfix.model import default_model  # noqa: E402

PARTNER_WINDOW = 60  # characters: the partner of （ stands within it 99.99%, of “ 99.7% (partner_within, real-dev train)
# Upper bounds of the distance bins (characters, not whitespace): one step each where a chain's partner stands
# (科技—产业: 3), wider farther off, where both forms are rare enough that counts must be pooled.
DISTANCE_BINS = (2, 3, 5, 10, 20, PARTNER_WINDOW)
# The marks read by distance.  Not the interpunct: its garbled form 窑 occurs 46 times in real-dev train, too
# few to say how its neighbourhood differs (the bins would rest on 0 to 15 counts: counted).
BY_DISTANCE = ("—",)
# The single dashes read by the title or quote they stand in (野县城要中心镇要重点村冶, 《南海—东海》), against their
# garbled forms printed as themselves: a single — stands inside an open “ or 《 at 17% in real-dev train, 要 at 1.2%
# (counted).  Not the doubled ——: its halves are one mark, read without partners.
ENCLOSED_DASHES = ("—", "－")
SEED_PAGE = ROOT / "seeds" / "001_b2b7af04dbdc7222.txt"
GOLD = ROOT.parent / "shared" / "gold" / "seed_page.gold.json"
OUTPUT = ROOT / "textfix" / "data" / "garble_decision.json"


def seed_events() -> tuple[list[tuple[int, bool]], int, int]:
    """(offset in the page, garbled?) for every mark the page prints or garbles; spaced and spaceable garbles."""
    page = SEED_PAGE.read_text(encoding="utf-8")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    gold_text = "".join(
        a["title"] + "".join(b["text"] for b in a["blocks"]) + a.get("byline", "") for a in gold["articles"]
    )
    keep = [k for k, ch in enumerate(page) if not ch.isspace()]
    printed = "".join(page[k] for k in keep)
    clean = re.sub(r"\s+", "", gold_text)
    garbled = {g for g, _ in default_model().garble_table().items()}
    events, spaced, spaceable = [], 0, 0
    for op in Levenshtein.opcodes(printed, clean):
        if op.tag == "replace":
            for a, b in zip(range(op.src_start, op.src_end), range(op.dest_start, op.dest_end)):
                if printed[a] in garbled and symbol_class(clean[b]):
                    at = keep[a]
                    events.append((at, True))
                    nxt = page[at + 1 : at + 2]
                    if nxt and nxt != "\n":
                        spaceable += 1
                        spaced += nxt in " \t\u3000"
        elif op.tag == "equal":
            for a in range(op.src_start, op.src_end):
                if symbol_class(printed[a]) and printed[a] not in ",.;:?!()%-":  # full-width marks only
                    events.append((keep[a], False))
    return sorted(events), spaced, spaceable


def events_ending_sentences(page: str, events: list[tuple[int, bool]]) -> list[bool]:
    """Whether each event's mark ends a sentence (garbles.SENTENCE_ENDS): the page's mark, or the mark a garbled
    one stands for (遥 for 。), as garbles.FontRuns reads a candidate by its mark."""
    table = {c.garbled: c.symbol for c in garbles._prepared(default_model()).table.values()}
    return [(table.get(page[at], page[at]) if garbled else page[at]) in garbles.SENTENCE_ENDS for at, garbled in events]


def sentence_stay(events: list[tuple[int, bool]], ends: list[bool]) -> float:
    """Add-one share of garbled marks that end a sentence whose next event is garbled too: how often a garbled
    run goes on past its sentence's end (the seed page: 0 of 6; unsmoothed, k = 0 would cut every whole garbled
    paragraph into sentences that stand on their own evidence)."""
    ended = [(ga, gb) for (_, ga), (_, gb), end in zip(events, events[1:], ends) if end and ga]
    return (sum(gb for _, gb in ended) + 1) / (len(ended) + 2)


def fit_run_length(events: list[tuple[int, bool]], ends: list[bool], stay_after_end: float) -> float:
    """The run scale L by maximum likelihood over a grid, the run going on after a mark that ends a sentence with
    *stay_after_end* times exp(-d/L), as garbles.FontRuns has it."""
    share = sum(g for _, g in events) / len(events)

    def loglik(scale: float) -> float:
        total = 0.0
        for (a, ga), (b, gb), end in zip(events, events[1:], ends):
            stay = math.exp(-(b - a) / scale) * (stay_after_end if end else 1.0)
            p = stay * (ga == gb) + (1 - stay) * (share if gb else 1 - share)
            total += math.log(max(p, 1e-12))
        return total

    return max((2.0 ** (k / 4) for k in range(8, 60)), key=loglik)


def mark_in_garbled_run(events: list[tuple[int, bool]]) -> float:
    """Add-one share of marks printed as themselves inside a garbled run (between two garbled marks).

    The mechanism shifts a font's whole symbol rows, so a garbled font prints
    none of them as themselves; every garbled mark of the page is a chance to
    have seen one of its font's marks printed right beside it in its run.
    """
    inside = sum(1 for (_, a), (_, g), (_, b) in zip(events, events[1:], events[2:]) if a and b and not g)
    return (inside + 1) / (sum(g for _, g in events) + 2)


def partner_within(items: list[dict]) -> dict[str, float]:
    """Share of each paired or numbered symbol's occurrences with a partner within the window (add-one smoothed).

    A number's partners are the number before it in its series (before it) and
    the number after (after it).  Numbers the set does not hold share the
    figure of all its numbers together, under ``"numbering"``.
    """
    found: dict[str, list[int]] = {}
    for item in items:
        for p in item["paragraphs"]:
            for k, ch in enumerate(p):
                before, after = partners_of(ch)
                if not (before or after) or _half_of_doubled(p, k):
                    continue
                hit = (before and before in p[max(0, k - PARTNER_WINDOW) : k]) or (
                    after and after in p[k + 1 : k + 1 + PARTNER_WINDOW])
                for key in (ch, "numbering") if symbol_class(ch) == "numbering" else (ch,):
                    found.setdefault(key, [0, 0])
                    found[key][0] += bool(hit)
                    found[key][1] += 1
    return {ch: round((hit + 1) / (n + 2), 4) for ch, (hit, n) in sorted(found.items())}


def _garbled_forms() -> dict[str, set[str]]:
    """Each symbol → the characters it prints as in a garbled font (要 for —), as the repair reads them."""
    return garbles.forms_by_symbol(garbles._prepare(default_model()).table)


def _half_of_doubled(p: str, k: int) -> bool:
    """Whether ``p[k]`` is a half of a doubled mark (——): one mark, read without partners."""
    return p[k] in DOUBLED and p[k] in p[max(0, k - 1) : k] + p[k + 1 : k + 2]


def _log10_ratio(mark: int, n_mark: int, printed: int, n_printed: int, size: int) -> float:
    """log10 of how much likelier a cell (of *size*) is around a mark than around its printed forms, from the counts
    in it and in all cells of each, add-one smoothed; rounded to 0.001 as shipped."""
    return round(math.log10((mark + 1) / (n_mark + size) / ((printed + 1) / (n_printed + size))), 3)


def partner_distance(items: list[dict]) -> dict[str, dict]:
    """Per mark of BY_DISTANCE: the bins and the log10 likelihood ratio of each bin and of none (see the module)."""
    garbled_forms = _garbled_forms()
    out = {}
    for mark in BY_DISTANCE:
        forms = {mark, *garbled_forms[mark]}
        around_mark, around_printed = [0] * (len(DISTANCE_BINS) + 1), [0] * (len(DISTANCE_BINS) + 1)
        for item in items:
            for p in item["paragraphs"]:
                for k, ch in enumerate(p):
                    if ch == mark and _half_of_doubled(p, k):
                        continue
                    if ch in forms:
                        counts = around_mark if ch == mark else around_printed
                        counts[garbles.distance_bin(garbles.nearest_form(p, k, forms, PARTNER_WINDOW), DISTANCE_BINS)] += 1
        n_mark, n_printed, size = sum(around_mark), sum(around_printed), len(around_mark)
        ratios = [_log10_ratio(m, n_mark, p, n_printed, size) for m, p in zip(around_mark, around_printed)]
        out[mark] = {"bins": list(DISTANCE_BINS), "log10_ratio": ratios[:-1], "none": ratios[-1],
                     "counted": [n_mark, n_printed]}
    return out


def enclosure(items: list[dict]) -> dict[str, dict]:
    """The interpunct's enclosure term: log10 of its rate per character (whitespace not counted) inside each opener
    of ``charclasses.ENCLOSERS`` left open within PARTNER_WINDOW before it, and outside all (``none``), against its
    rate over all characters (add-one smoothed); with the counts (characters, interpuncts) of each."""
    chars: dict[str, int] = {}
    dots: dict[str, int] = {}
    for item in items:
        for p in item["paragraphs"]:
            for k, ch in enumerate(p):
                if not ch.isspace():
                    state = garbles.enclosing(p, k, PARTNER_WINDOW) or "none"
                    chars[state] = chars.get(state, 0) + 1
                    dots[state] = dots.get(state, 0) + (ch == INTERPUNCT)
    overall = (sum(dots.values()) + 1) / (sum(chars.values()) + 2)
    fit: dict = {s: round(math.log10((dots[s] + 1) / (chars[s] + 2) / overall), 3) for s in sorted(chars)}
    fit["counted"] = {s: [chars[s], dots[s]] for s in sorted(chars)}
    return {INTERPUNCT: fit, **dash_enclosure(items)}


def dash_enclosure(items: list[dict]) -> dict[str, dict]:
    """Per dash of ENCLOSED_DASHES: log10 of how much likelier each state (inside each opener of
    ``charclasses.ENCLOSERS`` left open within PARTNER_WINDOW before it, holding another mark around it or not:
    ``textfix.garbles.enclosure_state``; outside all, ``none``, is 0: see below) is around the dash
    than around its garbled forms printed as themselves (add-one smoothed); with the counts (dashes, printed forms)
    of each.  The dash's context term weighs it against the printed form, so the enclosure is weighed so too (the
    interpunct's garbled form 窑 is too rare in real text to count: its rate is set against all characters')."""
    garbled_forms = _garbled_forms()
    states = ("none", *sorted(ENCLOSERS), *(o + garbles.HOLDS_MARKS for o in sorted(ENCLOSERS)))
    out = {}
    for dash in ENCLOSED_DASHES:
        printed = garbled_forms[dash]
        around_dash, around_printed = dict.fromkeys(states, 0), dict.fromkeys(states, 0)
        for item in items:
            for p in item["paragraphs"]:
                for k, ch in enumerate(p):
                    if (ch == dash and not _half_of_doubled(p, k)) or ch in printed:
                        counts = around_dash if ch == dash else around_printed
                        counts[garbles.enclosure_state(p, k, PARTNER_WINDOW, marked=True)] += 1
        n_dash, n_printed, size = sum(around_dash.values()), sum(around_printed.values()), len(states)
        fit: dict = {s: _log10_ratio(around_dash[s], n_dash, around_printed[s], n_printed, size) for s in states}
        # Outside all, as printed, says nothing where a decision counts: in a garbled run the openers print
        # garbled (野) too, and read as none until decided, around the dash and around 要 alike (on clean text the
        # state is exact: the count, -0.08, is kept in "counted").
        fit["none"] = 0.0
        fit["counted"] = {s: [around_dash[s], around_printed[s]] for s in states}
        out[dash] = fit
    return out


def screen_slack(items: list[dict], limit: int = 4000) -> tuple[float, dict[str, float]]:
    """The least slack that lets the screen pass every candidate whose mark could win: for the marks not read by
    distance, and for each of those read by distance (BY_DISTANCE)."""
    prepared = garbles._prepare(default_model())
    slack, by_mark = 0.0, dict.fromkeys(BY_DISTANCE, 0.0)
    paragraphs = [p for item in items for p in item["paragraphs"]][:limit]
    for printed, needed in needed_slacks(paragraphs, prepared):
        symbol = prepared.table[printed].symbol
        if symbol in by_mark:
            by_mark[symbol] = max(by_mark[symbol], needed)
        else:
            slack = max(slack, needed)
    return slack, by_mark


def needed_slacks(paragraphs: list[str], prepared) -> Iterator[tuple[str, float]]:
    """Each mark of *paragraphs*, garbled whole as ``bench/eval_garbles.py`` garbles them, whose full context term
    (its neighbours read as printed or as the marks they are) can let it win: (its printed form, the slack the
    screen's read of it needs)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import eval_garbles
    from textfix.charlm import default_charlm

    lm, screen, table = default_charlm(), prepared.screen, prepared.table
    garbling = eval_garbles.garble_table()
    for p in paragraphs:
        text = eval_garbles.garble(p, [(0, len(p))], garbling).text
        marks = {k: garbles._Occurrence(k, 1, table[ch]) for k, ch in enumerate(text) if ch in table}
        for k, o in marks.items():
            if k + 1 < len(text) and text[k + 1] in garbles._SPACES:
                continue  # a stray space sends the occurrence on whatever its read
            c, most = o.candidate, prepared.partners.most_at(text, k, o.candidate.symbol)  # as the screen bounds it
            full = max(  # its neighbours as printed, or as the marks they are here
                garbles._window_logp(lm, left, c.symbol, right) - garbles._window_logp(lm, left, c.garbled, right)
                for left, right in ((garbles._reach(text, k - 1, -1, chosen), garbles._reach(text, k + 1, 1, chosen))
                                    for chosen in ({}, marks)))  # (its own offset is outside the window)
            bar = garbles.least_bar(c.symbol)  # (the screen's: inside a run held garbled the lower bar)
            if full + most > bar:
                yield c.garbled, bar - most - screen.read(text, k)


def screen_bound(g: str, prepared=None) -> float:
    """The most slack the printed *g*'s mark can need, over every context (the model's bound, not a sample's).

    Each needed slack of :func:`screen_slack` is ``T - read`` where the full context term clears ``T`` (the least
    bar less the partner term's most, anywhere or outside any title or quote: both are tried).  With l2 l1 and r1 r2
    the characters around the mark s (printed g) as ``_reach`` gives them, the full term less the model's own
    bigram read ``b(l1) + b(r1)`` (``b(l1) = log P(s | l1) - log P(g | l1)``, ``b(r1)`` alike) is the sum of

        D1(l2, l1)     = [log P(s | l2 l1) - log P(s | l1)] - [log P(g | l2 l1) - log P(g | l1)]
        D2(l1, r1)     = [log P(r1 | l1 s) - log P(r1 | s)] - [log P(r1 | l1 g) - log P(r1 | g)]
        D3(r1, r2)     = log P(r2 | s r1) - log P(r2 | g r1)

    so the most slack needed is the most of ``T - read(l1, r1)`` over the pairs l1, r1 with
    ``b(l1) + b(r1) + max_l2 D1 + D2 + max_r2 D3 >= T``.  Each maximum is exact from the tables: D1 is 0 unless
    l2 l1 is a seen bigram (the model reads an unseen history as its last character alone), so l2 runs over
    l1's predecessors; D3 over r1's followers, the marks and the interpunct (read with smoothing and a class
    estimate), and one character seen after neither (log b.o.(s r1) - log b.o.(g r1)); D2 is
    ``log b.o.(l1 s) - log b.o.(l1 g)`` for every r1 but the trigram followers of l1 s and l1 g, the marks, the
    interpunct and a character the model never saw (0), which are read one by one.  The pairs are the model's
    characters and one unknown each side; the screen's read (its terms by neighbour, a candidate neighbour read
    its likelier way) is at least the read a full term's window makes, so ``T - read`` over-counts, never under.
    (A bound over every context is mostly far above a sample's: the printed character's trigrams can each fall
    short of its bigrams by a history's back-off weight, down to -4.2; it is below the global slack for few marks.)
    """
    import numpy as np
    from bisect import bisect_left
    from textfix.charlm import BOUNDARY, _find, default_charlm, normalise

    prepared = prepared or garbles._prepare(default_model())
    lm, screen, c = default_charlm(), prepared.screen, prepared.table[g]
    s, unknown = normalise(c.symbol), "\U0010fffd"
    if INTERPUNCT in (s, g):
        return math.inf  # (the class estimate reads the histories' classes: not bounded here)
    chars, marks = [*lm.vocab, unknown], [*lm.mark_shares, INTERPUNCT]

    def logp(history: str, ch: str) -> float:
        return lm.logp(normalise(history), normalise(ch))

    def backoff(x: str, y: str) -> float:
        a, b = lm.ids.get(x, 0), lm.ids.get(y, 0)
        found = _find(lm.bi, (a << 16) | b) if a and b else None
        return found[1] if found else 0.0

    def trigram_followers(x: str, y: str) -> list[str]:
        a, b = lm.ids.get(x, 0), lm.ids.get(y, 0)
        if not (a and b):
            return []
        keys, prefix = lm.tri[0], (a << 32) | (b << 16)
        lo, hi = bisect_left(keys, prefix), bisect_left(keys, prefix | 0xFFFF)
        return [lm.vocab[(keys[k] & 0xFFFF) - 1] for k in range(lo, hi)]

    read_left, read_right = screen.left[g][0], screen.right[g][0]
    screen_l = np.array([read_left[x] for x in chars])
    screen_r = np.array([read_right[x] for x in chars])
    model_l = np.array([logp(x, s) - logp(x, g) for x in chars])
    model_r = np.array([logp(s, x) - logp(g, x) for x in chars])
    d1 = np.array([max([0.0, *(logp(l2 + l1, s) - logp(l2 + l1, g) - model_l[i] for l2 in lm.predecessors(l1))])
                   for i, l1 in enumerate(chars)])
    d3 = np.zeros(len(chars))  # (0: an unknown r2, or the read ending at r1)
    for j, r1 in enumerate(chars[:-1]):
        followers = set(lm.followers(r1))
        other = next(x for x in lm.vocab if x not in followers and x not in marks and x != BOUNDARY)
        d3[j] = max(0.0, *(logp(s + r1, r2) - logp(g + r1, r2) for r2 in [other, *followers, *marks]))
    d2 = np.array([backoff(l1, s) - backoff(l1, g) for l1 in chars])
    index = {x: j for j, x in enumerate(chars)}
    most = -math.inf
    for reach in {garbles.least_bar(c.symbol) - prepared.partners.most(c.symbol),
                  garbles.least_bar(c.symbol) - prepared.partners.most_outside(c.symbol)}:
        lifted = model_l + d1 + d2
        for lo in range(0, len(chars), 512):  # every pair, 512 rows at a time (memory only: the result is the same)
            clears = lifted[lo : lo + 512, None] + (model_r + d3)[None, :] >= reach
            if clears.any():
                most = max(most, float(np.max(np.where(clears, reach - screen_l[lo : lo + 512, None] - screen_r[None, :],
                                                        -math.inf))))
        for i, l1 in enumerate(chars):  # the pairs whose D2 is read one by one
            for r1 in {*trigram_followers(l1, s), *trigram_followers(l1, g), *marks, unknown}:
                j = index.get(r1)
                if j is None:
                    continue
                two = (logp(l1 + s, r1) - logp(s, r1)) - (logp(l1 + g, r1) - logp(g, r1))
                if model_l[i] + model_r[j] + d1[i] + two + d3[j] >= reach:
                    most = max(most, reach - screen_l[i] - screen_r[j])
    return most


def screen_bounds() -> dict[str, float]:
    """:func:`screen_bound` of each mark (of the most of its printed forms' bounds). ~8 s a mark: ~20 minutes."""
    bounds: dict[str, float] = {}
    prepared = garbles._prepare(default_model())
    for g, c in prepared.table.items():
        bounds[c.symbol] = max(bounds.get(c.symbol, -math.inf), screen_bound(g, prepared))
    return bounds


def bounded_below(slack: float, by_mark: dict[str, float], bounds: dict[str, float]) -> dict[str, float]:
    """The marks whose bound over every context is below the slack the sample gave them: the bound is theirs.
    (A mark no context lets win, bound −inf, keeps the sample's: its read would then never pass, and a stray space
    after it, evidence the bound does not weigh, must still send it on.)"""
    return {mark: bound for mark, bound in bounds.items() if -math.inf < bound < by_mark.get(mark, slack)}


# The weights segment_weight is chosen among: 0 (the word readings as before) to 2 (a word off the likeliest
# segmentation counts its route's shortfall twice), in steps of a quarter.
SEGMENT_WEIGHTS = tuple(k / 4 for k in range(9))


# The latest share of train (by date) the weight is fitted on, under a character model fitted on the rest as
# corpora/build_charlm.py fits it (bench/eval_interpunct.py's split): the shipped model has seen every train
# sentence, and a word reading tells it less there than on text it has not seen.
HELD_OUT = 0.15


def segment_weight(items: list[dict], seeds: tuple[int, ...] = (0, 1, 2)) -> tuple[float, dict[str, dict]]:
    """The least weight of a word reading's shortfall off the likeliest segmentation that restores the most marks
    of held-out train text with the fewest false fixes, and each weight's figures.

    The latest HELD_OUT of the train items are read under a model of the
    others, as printed (every occurrence labelled printed) and garbled as
    ``bench/eval_garbles.py`` garbles them, once per seed in *seeds* (an
    occurrence is labelled a mark where a mark was garbled): each decision's
    margin is its log10 posterior odds of the mark; counted are the marks the
    decisions restore, the printed characters they turn into marks, and the
    log-likelihood of the labels (log10 P(its label) summed over all decisions).
    """
    sys.path.insert(0, str(ROOT / "bench"))
    import eval_garbles
    import eval_interpunct

    items = sorted(items, key=lambda item: item["date"])
    cut = int(len(items) * (1.0 - HELD_OUT))
    paragraphs = [p for item in items[cut:] for p in item["paragraphs"] if p.strip()]
    texts: list[tuple[str, dict]] = [(p, {}) for p in paragraphs]
    for seed in seeds:
        draw = eval_garbles.default_draw(seed)
        texts += [(g.text, g.marks) for g in map(draw.garbled, paragraphs) if g.marks]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "charlm.bin"
        eval_interpunct.build(items[:cut], True, path)
        eval_interpunct.use_model(path)
        prepared = garbles._prepare(default_model())
        figures = {}
        for weight in SEGMENT_WEIGHTS:
            garbles.fitted()["segment_weight"] = weight
            garbles._other_reading.cache_clear()
            prepared.readings.clear()
            loglik, restored, false = 0.0, 0, 0
            for text, marks in texts:
                read = garbles._as_read(text, False)
                occurrences = prepared.screen.occurrences(read)
                for d in garbles._weigh(read, prepared, occurrences) if occurrences else ():
                    is_mark = d.occurrence.at in marks
                    p_mark = 1.0 / (1.0 + 10.0 ** -max(-300.0, min(300.0, d.margin)))
                    loglik += math.log10(max(p_mark if is_mark else 1.0 - p_mark, 1e-300))
                    restored += d.wins and is_mark
                    false += d.wins and not is_mark
            figures[str(weight)] = {"log10_likelihood": round(loglik, 2), "restored": restored, "false_fixes": false}
            print(f"segment_weight {weight}: {figures[str(weight)]}", file=sys.stderr, flush=True)
    # The least weight that restores the most with the fewest false fixes: the likelihood still rises past it, to
    # the grid's edge, by a few hundredths of a log10 in all, with no mark restored or lost (a few readings become
    # surer); which weight beyond the first that restores the most is not a choice the held-out marks make.
    best = max(SEGMENT_WEIGHTS, key=lambda w: (figures[str(w)]["restored"] - figures[str(w)]["false_fixes"], -w))
    return best, {"held_out_items": len(items) - cut, "seeds": list(seeds), "by_weight": figures}


# The threshold is fitted on every train item read under a model of the others: the train items in FOLDS
# runs by date, each read under a character model built on the rest (the HELD_OUT tail alone holds ~525,000
# characters, too few to tell one false fix per CLEAN_BUDGET characters from none: counted).
FOLDS = 7
# The acceptance (issue 13): at most one false fix per this many characters of clean text.  A false fix
# on clean text costs far more than a missed mark: the threshold is the least (the most marks restored) whose
# false fixes on clean held-out text stay within this budget.
CLEAN_BUDGET = 1_000_000
# A count of false fixes on held-out text estimates the rate the issue bounds (its acceptance is read on a held-back
# test part): a threshold is accepted only when the one-sided upper confidence bound of its clean false-fix rate, at
# this confidence, stays within the budget, not the count observed.  95 %: the usual one-sided level.  (With 1 false
# fix on the 3.59 M clean characters of train the bound is 1.32 per million, rejected; with 0 it is 0.83.)
CONFIDENCE = 0.95
# The garbled sentence corpus (corpora/repair/garbled.json: hand-written and project sentences in the print's
# garbling), whose repair the issue asks not to regress, and its false fixes (a mark where its fixed text has none)
# at the threshold shipped before the threshold was fitted (the hand-set 1.0, main at b6ee920: 4, counted).  The
# held-out train text scores a false fix only where the garbling draws no mark; the corpus holds the print's own
# hard cases (a comma before a surname, a colon after a verb of saying), which train's garbling rarely draws.
GARBLED_CORPUS = ROOT / "corpora" / "repair" / "garbled.json"
GARBLED_CORPUS_FALSE_FIXES = 4
# The thresholds (log10 posterior odds) the decision's is chosen among: 0.5 (about three to one) to 2 (a hundred to
# one), in steps of 0.05, finer than the margins of the held-out false fixes lie apart (measured: 0.01 to 0.4).
THRESHOLDS = tuple(round(0.5 + k * 0.05, 2) for k in range(31))
# The threshold the held-out decisions are collected at: the grid's least, so that every threshold of the grid is
# scored on decisions with all the readings it would look for (the screen's bound moves one for one with it: the
# screen, built at this threshold, passes every candidate any threshold of the grid could let win).
COLLECT_AT = THRESHOLDS[0]


def held_out_decisions(items: list[dict], seeds: tuple[int, ...] = (0,)) -> tuple[list[tuple], int, int]:
    """Every decision on train read FOLDS-fold: (clean?, margin without the run term, run term, is a mark?, drawn
    as a mark's glyph?, the reading it is weighed against, its mark), with the clean characters read and the marks
    garbled.

    Each fold's paragraphs are read as printed (clean) and garbled as
    ``bench/eval_garbles.py`` garbles them (once per seed in *seeds*) under a
    character model built on the other folds (``bench/eval_interpunct.py``'s
    build), with garbles.THRESHOLD set to THRESHOLDS[0] while they are collected (COLLECT_AT).  The decision
    looks for word and name readings, weighs the run model, and screens its candidates only where a decision's
    terms pass the threshold in use: collected at the value in use (as until the twelfth session), the rows of the
    thresholds below it lacked the readings that only lower terms, and overstated their false fixes (the fit leaned
    to the value in use).  Collected at the grid's least, every row has every reading it would have at its own
    threshold.  (What stays: the neighbours re-read in place, and the pairs weighed together, are those that win
    at THRESHOLDS[0]; a threshold above it would leave some of them printed.  They move only decisions beside
    another candidate, and the fit reads the threshold where the clean text's false fixes vanish.)
    """
    sys.path.insert(0, str(ROOT / "bench"))
    import eval_garbles
    import eval_interpunct

    items = sorted(items, key=lambda item: item["date"])
    bounds = [len(items) * k // FOLDS for k in range(FOLDS + 1)]
    rows: list[tuple] = []
    clean_chars = garbled_marks = 0
    with collecting():
        for start, end in zip(bounds, bounds[1:]):
            paragraphs = [p for item in items[start:end] for p in item["paragraphs"] if p.strip()]
            clean_chars += sum(len(p) for p in paragraphs)
            texts: list[tuple[bool, str, dict]] = [(True, p, {}) for p in paragraphs]
            for seed in seeds:
                draw = eval_garbles.default_draw(seed)
                texts += [(False, g.text, g.marks) for g in map(draw.garbled, paragraphs) if g.marks]
            garbled_marks += sum(len(marks) for _, _, marks in texts)
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "charlm.bin"
                eval_interpunct.build(items[:start] + items[end:], True, path)
                eval_interpunct.use_model(path)
                prepared = garbles._prepare(default_model())
                for clean, text, marks in texts:
                    read = garbles._as_read(text, False)
                    occurrences = prepared.screen.occurrences(read)
                    for d in garbles._weigh(read, prepared, occurrences) if occurrences else ():
                        rows.append((clean, d.context + d.space + d.partner, d.run, d.occurrence.at in marks,
                                     d.mark_glyph, d.reading, d.occurrence.candidate.symbol))
            print(f"threshold fold {start}-{end}: {len(rows)} decisions", file=sys.stderr, flush=True)
    return rows, clean_chars, garbled_marks


@contextmanager
def collecting() -> Iterator[None]:
    """The decision's bars set to COLLECT_AT while the held-out decisions are collected, the ones in use after."""
    in_use = garbles._set_bars(COLLECT_AT, COLLECT_AT)
    try:
        yield
    finally:
        garbles._set_bars(*in_use)


def poisson_upper_bound(count: int, confidence: float = CONFIDENCE) -> float:
    """The exact one-sided upper confidence bound of a Poisson mean with *count* observed: the mean at which a
    count this small or smaller has probability 1 − *confidence* (a documented fact: the bound is half the
    chi-square quantile at *confidence* with 2·count + 2 degrees of freedom; no scipy here, so the Poisson
    distribution function is solved by bisection, to 1e-9)."""
    def at_most_count(mean: float) -> float:  # P(X ≤ count) for X ~ Poisson(mean): falls as the mean grows
        term = total = math.exp(-mean)
        for k in range(1, count + 1):
            term *= mean / k
            total += term
        return total

    low, high = float(count), count + 1.0
    while at_most_count(high) > 1 - confidence:  # widened until it brackets the bound
        low, high = high, 2 * high
    while high - low > 1e-9:
        mid = (low + high) / 2
        low, high = (mid, high) if at_most_count(mid) > 1 - confidence else (low, mid)
    return high


def scored(rows: list[tuple], clean_chars: int, bar: Callable[[tuple], float]) -> tuple[bool, dict[str, int | float]]:
    """*rows* (held_out_decisions') decided with *bar* (a row's bar): whether the clean false-fix rate on
    *clean_chars* clean characters is within one per CLEAN_BUDGET characters at CONFIDENCE (the upper Poisson bound of
    its count, :func:`poisson_upper_bound`), and the figures: marks restored, false fixes on clean text (with the
    bound, per CLEAN_BUDGET characters) and in garbled paragraphs."""
    restored = false_clean = false_garbled = 0
    for row in rows:
        clean, terms, run, is_mark, glyph = row[:5]
        needed = bar(row)
        wins = glyph or (terms > needed and terms + run > needed)  # as garbles._Decision.wins
        restored += wins and is_mark
        false_clean += wins and clean
        false_garbled += wins and not clean and not is_mark
    bound = poisson_upper_bound(false_clean) * CLEAN_BUDGET / clean_chars
    return bound <= 1.0, {"restored": restored, "false_fixes_clean": false_clean,
                          "clean_rate_bound": round(bound, 3), "false_fixes_garbled": false_garbled}


def threshold_figures(rows: list[tuple], clean_chars: int) -> tuple[float, dict[str, dict]]:
    """The least threshold of THRESHOLDS whose clean false-fix rate on *rows* (held_out_decisions' rows, read on
    *clean_chars* clean characters) is within budget (:func:`scored`; the last of THRESHOLDS if none is), and each
    threshold's figures."""
    figures, within = {}, set()
    for threshold in THRESHOLDS:  # (each lambda is called within its round)
        ok, figures[str(threshold)] = scored(rows, clean_chars, lambda row: threshold)
        if ok:
            within.add(threshold)
    best = min(within, default=THRESHOLDS[-1])
    return best, figures


def held_to_threshold(rows: list[tuple], threshold: float) -> frozenset[str]:
    """The marks whose decisions in garbled paragraphs (*rows*, held_out_decisions') that only a bar inside a run held
    garbled lets win (terms and margin above the grid's least, terms at most *threshold*, a reading the bar takes:
    garbles.bar_of) were false fixes more often than marks: those keep *threshold* there (train: the dash, whose form
    要 is among the commonest characters, 8 false fixes to 1 mark; the interpunct read as text, 1 to 0)."""
    tally: dict[str, list[int]] = {}
    for clean, terms, run, is_mark, glyph, reading, symbol in rows:
        lowered = garbles.bar_of(run, reading, symbol, threshold, COLLECT_AT, frozenset()) < threshold
        if not clean and not glyph and lowered and COLLECT_AT < terms <= threshold and terms + run > COLLECT_AT:
            tally.setdefault(symbol, [0, 0])[is_mark] += 1
    return frozenset(symbol for symbol, (false, marks) in tally.items() if false > marks)


def garbled_run_bar(rows: list[tuple], clean_chars: int, threshold: float) -> tuple[float, dict]:
    """The bar inside a run held garbled (garbles.bar_of, with *threshold* outside): the least of THRESHOLDS up to
    *threshold* whose clean false-fix rate on *rows* under the two-bar rule is within one per CLEAN_BUDGET characters
    at CONFIDENCE (as threshold_figures), the marks held to *threshold* (:func:`held_to_threshold`), and each bar's
    figures (marks restored, false fixes on clean text with the bound, in garbled paragraphs)."""
    held = held_to_threshold(rows, threshold)
    figures, within = {}, []
    for in_run in (t for t in THRESHOLDS if t <= threshold):  # (each lambda is called within its round)
        ok, figures[str(in_run)] = scored(
            rows, clean_chars, lambda row: garbles.bar_of(row[2], row[5], row[6], threshold, in_run, held))
        if ok:
            within.append(in_run)
    return min(within, default=threshold), {"held_to_threshold": sorted(held), "by_bar": figures}


def corpus_false_fixes(threshold: float) -> int:
    """GARBLED_CORPUS's false fixes repaired at *threshold*, counted in a fresh process: the decisions there read the
    shipped models (the fit swaps held-out ones in) and the screen is built at *threshold* (it is built once, at
    the threshold in use)."""
    done = subprocess.run([sys.executable, __file__, "--corpus-false-fixes", str(threshold)], check=True,
                          capture_output=True, text=True)
    return int(done.stdout.split()[-1])


def _count_corpus_false_fixes(threshold: float) -> int:
    """corpus_false_fixes in this process (the script run with --corpus-false-fixes): count as tests/test_repair.py."""
    sys.path.insert(0, str(ROOT / "tests"))
    import test_repair

    from textfix import repair

    # (inside a run held garbled the shipped bar, or *threshold* where that is lower)
    garbles._set_bars(threshold, min(threshold, garbles.GARBLED_RUN_BAR))
    cases = json.loads(GARBLED_CORPUS.read_text(encoding="utf-8"))
    return sum(test_repair._missed_and_false(c["fixed"], repair(c["original"]).text)[1] for c in cases)


def corpus_false_fixes_allowed(in_use: float, count=corpus_false_fixes) -> int:
    """GARBLED_CORPUS's false fixes a fitted threshold may make: no more than at the threshold *in_use* (the shipped
    decision), nor than GARBLED_CORPUS_FALSE_FIXES.  A change elsewhere in the decision that spares the corpus a
    false fix (the twenty-fifth session's clause cap: 4 -> 3 at 1.0) must not be spent on a lower threshold that
    makes it again."""
    return min(GARBLED_CORPUS_FALSE_FIXES, count(in_use))


def least_keeping_corpus(start: float, allowed: int, count=corpus_false_fixes) -> tuple[float, dict[str, int]]:
    """The least threshold of THRESHOLDS from *start* (the least the clean-text bound accepts: the bound only falls
    as the threshold rises) at which GARBLED_CORPUS's false fixes (*count*) stay within *allowed*
    (the last of THRESHOLDS if none does), with the counts read on the way."""
    counted: dict[str, int] = {}
    for threshold in (t for t in THRESHOLDS if t >= start):
        counted[str(threshold)] = count(threshold)
        if counted[str(threshold)] <= allowed:
            return threshold, counted
    return THRESHOLDS[-1], counted


def fit_threshold(items: list[dict]) -> tuple[float, dict]:
    """The decision's threshold fitted on *items* read FOLDS-fold (threshold_figures), raised if need be until the
    garbled sentence corpus keeps its false fixes (least_keeping_corpus), with its figures and the bar inside a run
    held garbled fitted on the same decisions (garbled_run_bar)."""
    rows, clean_chars, garbled_marks = held_out_decisions(items)
    by_bound, figures = threshold_figures(rows, clean_chars)
    count = cache(corpus_false_fixes)  # (a fresh process a count: the threshold in use is counted once)
    allowed = corpus_false_fixes_allowed(garbles.THRESHOLD, count)
    best, corpus = least_keeping_corpus(by_bound, allowed, count)
    bar, in_run = garbled_run_bar(rows, clean_chars, best)
    return best, {"folds": FOLDS, "clean_characters": clean_chars, "garbled_marks": garbled_marks,
                  "least_within_bound": by_bound, "garbled_run": {"bar": bar, **in_run},
                  "garbled_corpus_false_fixes": corpus,
                  "garbled_corpus_false_fixes_allowed": allowed,
                  "confidence": CONFIDENCE, "clean_rate_budget": f"1 per {CLEAN_BUDGET:,} characters",
                  "by_threshold": figures}


def write_keeping_threshold_fit(fitted: dict) -> None:
    """Write *fitted* before the threshold is refitted, with the shipped threshold_fit kept: textfix.garbles reads its
    bar inside a run held garbled there when it is imported (the corpus's counts run in fresh processes)."""
    shipped = json.loads(OUTPUT.read_text(encoding="utf-8")).get("threshold_fit")
    kept = {**fitted, "threshold_fit": shipped} if shipped and "threshold_fit" not in fitted else fitted
    OUTPUT.write_text(json.dumps(kept, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main() -> int:
    if sys.argv[1:2] == ["--corpus-false-fixes"]:
        print(_count_corpus_false_fixes(float(sys.argv[2])))
        return 0
    if not GOLD.exists():
        sys.exit(f"seed gold not found at {GOLD} (it lives in ../shared beside the clone)")
    events, spaced, spaceable = seed_events()
    ends = events_ending_sentences(SEED_PAGE.read_text(encoding="utf-8"), events)
    stay_after_end = round(sentence_stay(events, ends), 4)
    train = realdev.load("train")
    fitted = {
        "run_length": round(fit_run_length(events, ends, stay_after_end), 1),
        "sentence_stay": stay_after_end,
        "garbled_share": round(sum(g for _, g in events) / len(events), 4),
        "mark_in_garbled_run": round(mark_in_garbled_run(events), 4),
        "space_after_garble": round((spaced + 1) / (spaceable + 2), 4),
        "partner_window": PARTNER_WINDOW,
        "partner_within": partner_within(train),
        "partner_distance": partner_distance(train),
        "enclosure": enclosure(train),
        # The threshold the slack and the weight below are fitted at: the one in use (refitted last).
        "threshold": garbles.THRESHOLD,
        "fitted_by": "corpora/fit_garble_runs.py: runs and spaces on the seed page with its gold "
        f"({sum(g for _, g in events)} garbled marks, {sum(not g for _, g in events)} printed as themselves); "
        f"partners on real-dev train (before {realdev.TEST_FROM})",
    }
    fitted["screen_slack"] = 0.0  # the screen's terms do not depend on it; written first so that they load
    write_keeping_threshold_fit(fitted)
    garbles.fitted.cache_clear()
    slack, by_mark = screen_slack(train)
    by_mark.update(bounded_below(slack, by_mark, screen_bounds()))
    fitted["screen_slack"] = round(slack + 0.005, 2)  # rounded up: a bound
    fitted["screen_slack_by_mark"] = {mark: round(v + 0.005, 2) for mark, v in by_mark.items()}
    fitted["segment_weight"] = 0.0  # (the decisions the weight is fitted on screen with the slack just fitted)
    write_keeping_threshold_fit(fitted)
    garbles.fitted.cache_clear()
    fitted["segment_weight"], fitted["segment_weight_fit"] = segment_weight(train)
    write_keeping_threshold_fit(fitted)
    garbles.fitted.cache_clear()
    fitted["threshold"], fitted["threshold_fit"] = fit_threshold(train)
    if fitted["threshold"] != garbles.THRESHOLD:  # the slack and the weight were fitted at the old one
        print(f"threshold {garbles.THRESHOLD} -> {fitted['threshold']}: run again to fit the rest at it", file=sys.stderr)
    OUTPUT.write_text(json.dumps(fitted, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(fitted, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
