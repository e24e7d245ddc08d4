"""A character trigram language model of real Chinese news text, with punctuation.

Garble repair weighs the text as printed against the text with a symbol in
its place (a noisy channel): ``P(…主任袁志刚…)`` against ``P(…主任，志刚…)``.
The model is interpolated Kneser-Ney over characters (orders 1–3), fitted by
``corpora/build_charlm.py`` on the train part of the real-news development set
(CCTV 新闻联播 transcripts before 2025-11-01; see ``corpora/realdev.py``).  It
ships as ``data/charlm.bin``: log10 probabilities of every seen unigram and
bigram and of every trigram seen twice or more, with the interpolation
weights that make an unseen n-gram back off exactly as Kneser-Ney does.

Which mark fills a slot where a mark goes is smoothed towards the marks'
overall shares (``mark_smoothing``, fitted on held-out train text by the same
script): P(m | h) = (1 − λ) P_KN(m | h) + λ P(a mark | h) share(m), where
P(a mark | h) is the Kneser-Ney mass of all prose marks but the interpunct
(smoothed on its own, below) after h.  The marks
still take exactly the mass Kneser-Ney gives marks after h, and every other
character keeps its probability; only the choice among marks is smoothed (one
broadcaster's ``表示，`` says a mark goes after 表示, less which one).

The interpunct between the parts of a foreign name (威廉·卡博戈·基塔乌) stands
between syllables mostly never seen next to it, so its Kneser-Ney estimate
backs off to little.  It is mixed with a class-based estimate (Brown et al.
1992; :class:`Interpunct`, counted by the same script): with c(x) the class
of how often the character x stands near an interpunct in the train text,

    P(· | h a) = (1 − λ) P_KN(· | h a) + λ P(· | c(h), c(a))
    P(b | h ·) = (1 − μ) P_KN(b | h ·) + μ P(c(b) | ·) P(b | c(b))

with λ and μ fitted on held-out train text.  The second is a distribution over
b; the first moves P(·) towards the class estimate without rescaling the other
characters after a (a look-up stays one look-up): they are off by a factor
between 1 − λ P(· | c(h), c(a)) and 1 / (1 − λ P_KN(· | h a)), within 0.081 in log10
for the shipped λ (0.18; P_KN(· | h a) is at most 0.94: −log10(1 − 0.18 · 0.94) = 0.0805), where · is all but certain.

The interpunct is read after the classes of both characters before it (a model
made before they were counted reads c(a) alone): a name syllable two back says
a name's part may end where the last character alone is a weak sign of one
(吐尔洪·: 洪 is mostly a common character, 尔 a syllable).  On the train text,
an interpunct follows a character of class 0 18 times as often after one of
class 3 as on average, and 4.0 times as often after one of the top class 4
(P(· | 3, 0) and P(· | 4, 0) against P(· | 0) in the shipped header: print
``m.then_two[c][0] / m.then[0]`` for ``m = default_charlm().interpunct``).

Digits are read as ``0`` and ASCII letters as ``a`` (98% and 37% are the same
evidence for a per-cent sign), full-width ASCII symbols as their ASCII forms
(``％`` as ``%``), corner quotes as the curly ones they stand for (``「`` as ``“``);
whitespace is not a character of the model.
"""

from __future__ import annotations

import json
import math
import mmap
import re
import struct
import sys
from array import array
from bisect import bisect_left
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

from . import DATA_DIR
from .charclasses import INTERPUNCT

FORMAT = "textfix.charlm/1"
HISTORY = 2  # characters a character's probability is read after (a trigram model: its order less one)
BOUNDARY = "\n"  # a paragraph's start and end, as the model was trained
# A paragraph's end where a text's line breaks are paragraph breaks: a character of a Private Use Area,
# which no text means as anything else, read as BOUNDARY (a line break itself is whitespace, closed up:
# a print line ends anywhere).  Garble decisions put it in place of such a line break (one for one).
PARAGRAPH_END = "\ue000"
_SCALE = 1000  # log10 values are stored as 16-bit integers in thousandths (down to -32.768)
# Keys: a character id (16 bits) per position, so 16, 32 and 48 bits for orders 1-3.  The file
# is not compressed: decompressing it took 40 ms, more than a page's repair; a wheel zips it anyway.
_KEY_CODES = ("I", "I", "q", "I")
# Full-width forms of ASCII symbols, digits and letters read as their ASCII forms (news text writes
# 98% and 98％ alike), except the marks Chinese sets full-width as a rule: ，：；？！（）.
_FULL_WIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F) if chr(c) not in "，：；？！（）"}
# Corner quotes are the forms of the quotes that GB/T 15834-2011 (标点符号用法) gives for vertical text, and that
# some horizontal text prints (Hong Kong's and Taiwan's, software help): read as the curly quotes, 「」 as the outer
# pair “” and 『』 as the inner ‘’, as horizontal text that sets them nests them.  (Real-dev train prints no corner
# quote, so the model built with them read so is the same model.)
CORNER_QUOTES = {"「": "“", "」": "”", "『": "‘", "』": "’"}
_READ_AS = str.maketrans({
    PARAGRAPH_END: BOUNDARY,
    **CORNER_QUOTES,
    **_FULL_WIDTH,
    **{c: "0" for c in "0123456789０１２３４５６７８９"},
    **{c: "a" for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"},
    **{chr(c): "a" for c in [*range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]},
})


# Any character the model reads as another: a text without one is read as it is.
_READ_OTHERWISE = re.compile("[" + re.escape("".join(map(chr, _READ_AS))) + "]")


def normalise(text: str) -> str:
    """The text as the model reads it: digits as ``0``, ASCII letters as ``a``, full-width symbols as ASCII,
    corner quotes as curly ones (:data:`CORNER_QUOTES`), :data:`PARAGRAPH_END` as :data:`BOUNDARY`.

    (Translated only where a character is read otherwise: the garble decisions normalise ~220,000 short
    windows of bench_decisions.py's garbled file, most of them ideographs alone, and a search of five
    characters costs 0.19 µs where their translation costs 0.91 µs: measured.)
    """
    return text.translate(_READ_AS) if _READ_OTHERWISE.search(text) else text


# Each character the model reads as another, and the other way: the text's characters a model character stands for.
READ_AS = {chr(k): v for k, v in _READ_AS.items()}
_READ_FROM: dict[str, set[str]] = {}
for _text_char, _model_char in READ_AS.items():
    _READ_FROM.setdefault(_model_char, set()).add(_text_char)


def text_forms(chars) -> set[str]:
    """The characters of a text the model reads as any of *chars* (``0`` stands for every digit), and *chars*."""
    out = set()
    for ch in chars:
        out.add(ch)
        out.update(_READ_FROM.get(ch, ()))
    out.discard(BOUNDARY)
    return out


# Values of logp kept per model: ~100 bytes each, so at most ~13 MB; garble decisions on 5 MB of garbled
# real-dev train text read 75,000 different ones (counted), clean text far fewer.
KEPT = 1 << 17


class Interpunct(NamedTuple):
    """The interpunct's class-based estimates and their weights (see the module; ``corpora/build_charlm.py``)."""

    classes: dict[str, int]  # an ideograph → its class, 1 and up (class 0: every other character)
    then: list[float]  # P(· | the class of the character before it)
    after: list[float]  # P(the class of the character after it | ·)
    mass: list[float]  # each class's share of the unigram probability
    before_weight: float  # λ
    after_weight: float  # μ
    then_two: list[list[float]] | None = None  # P(· | the classes of the two characters before it), where counted

    def then_after(self, history: str) -> float:
        """P(· | the classes of the last two characters of *history*) (of the last one where the model has
        no such table, or the history is one character long)."""
        last = self.classes.get(history[-1:], 0)
        if self.then_two is None or len(history) < 2:
            return self.then[last]
        return self.then_two[self.classes.get(history[-2], 0)][last]

    def after_it(self, ch: str, lm: CharLM) -> float:
        """P(*ch* | ·) by classes: its class's share after ·, times its unigram share of the class."""
        c = self.classes.get(ch, 0)
        return self.after[c] * 10 ** lm._unigram(lm.ids.get(ch, 0)) / self.mass[c]

    @classmethod
    def read(cls, stats: dict | None, weights: list[float] | None = None) -> Interpunct | None:
        """From the model file's header (``interpunct``; *weights* in its place): None where it has none."""
        if not stats:
            return None
        before, after = weights if weights is not None else stats["weights"]
        classes = {ch: k for k, chars in enumerate(stats["classes"], 1) for ch in chars}
        return cls(classes, stats["then"], stats["after"], stats["mass"], before, after, stats.get("then_two"))


class Weights(dict):
    """Characters → weights, for :meth:`CharLM.expected` of one model, by character and by the model's id.

    ``plain``: every character is known to the model and none is the
    interpunct (whose estimate is mixed with its class's).
    """

    def __init__(self, lm: CharLM, weights: dict[str, float]) -> None:
        super().__init__(weights)
        self.by_id = {lm.ids.get(ch, 0): w for ch, w in weights.items()}
        self.plain = 0 not in self.by_id and INTERPUNCT not in weights
        self.after_one: dict[int, float] = {}  # a character's id → the sum after it alone (CharLM._expected_after)


class CharLM:
    """log10 P(character | up to two characters before it)."""

    def __init__(self, vocab: str, unknown: float, tables: list[tuple[array, array, array]],
                 mark_shares: dict[str, float] | None = None, mark_smoothing: float = 0.0,
                 interpunct: Interpunct | None = None, unseen: dict[str, float] | None = None) -> None:
        self.interpunct = interpunct
        # log10 P of characters never seen in the training text, by their share of jieba's dictionary, where that is
        # above the floor (*unknown*) (corpora/build_charlm.py, unseen_characters): see :meth:`dictionary_gain`
        self.unseen = unseen or {}
        self.ids = {ch: k + 1 for k, ch in enumerate(vocab)}  # 0: a character never seen
        self.unknown = unknown
        self.mark_shares = mark_shares if mark_smoothing else {}
        self.mark_smoothing = mark_smoothing
        self._marks = Weights(self, dict.fromkeys(self.mark_shares, 1.0))  # (made after the ids)
        self._kept: dict[str, float] = {}  # last two characters + character → logp, as read
        self._mark_mass: dict[str, float] = {}  # last two characters → P(a mark after them), as worked out
        # Each (sorted keys, log10 p, log10 back-off weight as context); by_second holds the bigrams
        # again keyed by their second character, so that what may precede a character is one slice.
        self.uni, self.bi, self.tri, self.by_second = tables
        self.vocab = vocab
        # Where each character's trigrams and bigrams (by the id of their first character) lie in the tables,
        # found when first needed (:func:`_span`): a look-up then searches that character's keys alone.
        self._tri_spans: list[tuple[int, int] | None] = [None] * (len(vocab) + 1)
        self._bi_spans: list[tuple[int, int] | None] = [None] * (len(vocab) + 1)
        self._as_arrays = None  # the tables as numpy arrays, made when first asked for (:meth:`scores`)
        self._codes = None  # the ids and the specially read by code point, made when first asked for (:meth:`scores`)

    def logp(self, history: str, ch: str) -> float:
        """log10 P(*ch* | the last two characters of *history*), a mark's smoothed (see the module).

        Each value is kept once read (up to :data:`KEPT`): garble decisions read
        the same few characters after the same contexts again and again.
        """
        key = history[-2:] + ch
        found = self._kept.get(key)
        if found is not None:
            return found
        if len(self._kept) >= KEPT:
            self._kept.clear()
            self._mark_mass.clear()
        value = self._kept[key] = self._logp(history[-2:], ch)
        return value

    def _logp(self, h: str, ch: str) -> float:
        share = self.mark_shares.get(ch)
        if share is None:
            return self._base_logp(h, ch)
        mass = self._mark_mass.get(h)
        if mass is None:  # P(a mark | h), once per context: every mark after h needs it
            mass = self._mark_mass[h] = self.expected(h, self._marks)
        weight = self.mark_smoothing
        return math.log10((1.0 - weight) * 10 ** self._base_logp(h, ch) + weight * mass * share)

    def _base_logp(self, h: str, ch: str) -> float:
        """Kneser-Ney, the interpunct's and the character after it mixed with their class-based estimates."""
        mix = self.interpunct
        if mix is not None:
            if ch == INTERPUNCT and h:
                weight = mix.before_weight
                return math.log10((1.0 - weight) * 10 ** self._kn_logp(h, ch) + weight * mix.then_after(h))
            if h[-1:] == INTERPUNCT:
                weight = mix.after_weight
                return math.log10((1.0 - weight) * 10 ** self._kn_logp(h, ch) + weight * mix.after_it(ch, self))
        return self._kn_logp(h, ch)

    def _kn_logp(self, history: str, ch: str) -> float:
        """log10 P(*ch* | the last two characters of *history*), interpolated Kneser-Ney.

        (The tables' binary searches written out here and in :meth:`_bigram`: a decision on a new text
        reads the model tens of thousands of times, and each call of :func:`_find` cost as much as its search.
        Each searches the keys of its first character alone: 1.45 µs a call instead of 1.77, on the trigrams
        of 300,000 characters of real-dev train text, measured.)
        """
        ids = self.ids
        c = ids.get(ch, 0)
        b = ids.get(history[-1], 0) if history else None
        a = ids.get(history[-2], 0) if len(history) > 1 else None
        if a is not None and b and c and a:
            keys, key = self.tri[0], (a << 32) | (b << 16) | c
            lo, hi = self._tri_spans[a] or _span(self._tri_spans, keys, a, 32)
            k = bisect_left(keys, key, lo, hi)
            if k < hi and keys[k] == key:
                return self.tri[1][k] / _SCALE
            keys, key = self.bi[0], (a << 16) | b
            lo, hi = self._bi_spans[a] or _span(self._bi_spans, keys, a, 16)
            k = bisect_left(keys, key, lo, hi)
            return (self.bi[2][k] / _SCALE if k < hi and keys[k] == key else 0.0) + self._bigram(b, c)
        return self._bigram(b, c) if b else self._unigram(c)

    def has_trigram(self, history: str, ch: str) -> bool:
        """Whether the model's trigram table holds *ch* after the last two characters of *history* (its training
        text had them together; otherwise the model backs off)."""
        if len(history) < 2:
            return False
        ids = self.ids
        a, b, c = ids.get(history[-2], 0), ids.get(history[-1], 0), ids.get(ch, 0)
        if not (a and b and c):
            return False
        lo, hi = self._tri_spans[a] or _span(self._tri_spans, self.tri[0], a, 32)  # (a's trigrams alone, as _kn_logp)
        return _find(self.tri, (a << 32) | (b << 16) | c, lo, hi) is not None

    def _bigram(self, b: int, c: int) -> float:
        if b and c:
            keys, key = self.bi[0], (b << 16) | c
            lo, hi = self._bi_spans[b] or _span(self._bi_spans, keys, b, 16)
            k = bisect_left(keys, key, lo, hi)
            if k < hi and keys[k] == key:
                return self.bi[1][k] / _SCALE
        logps, weights = self._unigrams
        return weights[b] + logps[c]

    def scores(self, np, windows: list[str], start: int) -> list[float]:
        """:meth:`score` of each of *windows* (of one length, *start* at least two) from *start* to its end.

        The look-ups :meth:`_kn_logp` reads alone (no mark read, its smoothing; no interpunct, its class
        estimate; every character known to the model) are searched for together with *np* (numpy), the others
        read one by one as :meth:`score` reads them.  *np* is the numpy module the caller imported: numpy is
        optional (the ``fast`` extra), so the model never imports it; garbles.py calls this only where its
        screen found numpy installed.  A garble decision on a new text reads thousands of windows,
        most of whose trigrams nobody asked for before (bench_decisions.py's clean real-dev text: 4,510 windows,
        8,050 trigrams new to the process, 0.074 s of its 0.13; measured).  The same floats: each a table's
        thousandths divided as there, the back-off and the lower order added, and the terms summed from 0, in order.
        """
        size, count = len(windows[0]), len(windows)
        codes = np.frombuffer("".join(windows).encode("utf-32-le", "surrogatepass"), np.uint32).reshape(count, size)
        ids, special = self._by_code(np)
        known = ids[codes].astype(np.int64)  # (keys of three ids are 48 bits)
        total = np.zeros(count)
        for k in range(start, size):
            a, b, c = known[:, k - 2], known[:, k - 1], known[:, k]
            alone = (a > 0) & (b > 0) & (c > 0) & ~special[codes[:, k]] & (codes[:, k - 1] != ord(INTERPUNCT))
            values = np.zeros(count)
            values[alone] = self._kn_values(np, a[alone], b[alone], c[alone])
            for w in np.flatnonzero(~alone).tolist():
                values[w] = self.logp(windows[w][k - 2 : k], windows[w][k])
            total = total + values
        return total.tolist()

    def _kn_values(self, np, a, b, c):
        """:meth:`_kn_logp` of each trigram of ids (numpy arrays, none 0), searched for together."""
        tri, bi, (logps, weights) = self._arrays(np)
        found, value = _search(np, tri, (a << 32) | (b << 16) | c)
        backed, backoff = _search(np, bi, (a << 16) | b, column=2)
        seen, bigram = _search(np, bi, (b << 16) | c)
        lower = np.where(seen, bigram, weights[b] + logps[c])
        return np.where(found, value, np.where(backed, backoff, 0.0) + lower)

    def _arrays(self, np):
        """The trigram and bigram tables and the unigrams' (log10 p, back-off weight) by id, as numpy arrays."""
        if self._as_arrays is None:
            self._as_arrays = (tuple(np.asarray(part) for part in self.tri), tuple(np.asarray(part) for part in self.bi),
                               tuple(np.array(values) for values in self._unigrams))
        return self._as_arrays

    def _by_code(self, np):
        """Each code point's id (0: unknown to the model), and whether it is read otherwise than by
        :meth:`_kn_logp` alone where it is the character read (a mark: smoothed; the interpunct: mixed)."""
        if self._codes is None:
            ids, special = np.zeros(0x110000, np.int32), np.zeros(0x110000, bool)
            ids[[ord(ch) for ch in self.vocab]] = np.arange(1, len(self.vocab) + 1)
            special[[ord(ch) for ch in (*self.mark_shares, INTERPUNCT)]] = True
            self._codes = ids, special
        return self._codes

    def _unigram(self, c: int) -> float:
        return self._unigrams[0][c]

    @cached_property
    def _unigrams(self) -> tuple[list[float], list[float]]:
        """Each character's log10 P and log10 back-off weight, by id (0, a character never seen: the unknown's, 0)."""
        logps, weights = [self.unknown] * (len(self.vocab) + 1), [0.0] * (len(self.vocab) + 1)
        for key, logp, weight in zip(*self.uni):  # (zipped: indexing the memoryviews by position took 0.8 ms, not 0.5)
            logps[key], weights[key] = logp / _SCALE, weight / _SCALE
        return logps, weights

    def expected(self, history: str, weights: Weights) -> float:
        """Σ weight(c) · P(c | the last two characters of *history*), Kneser-Ney, over the characters of *weights*.

        The sum of the model's estimates term by term (:meth:`_base_logp`: a
        mark's unsmoothed), worked out from its back-off: the characters seen
        after the two are read one by one, the rest together as the back-off
        weight times their sum after the last character alone, kept per
        character (a name's start is read after thousands of histories, mostly
        ending in a few characters).  After the interpunct, whose followers
        are mixed with their classes, or an unknown character, term by term.
        """
        h = history[-2:]
        ids = self.ids
        a, b = (ids.get(ch, 0) for ch in h) if len(h) == 2 else (0, 0)
        if not (a and b and weights.plain) or h[-1] == INTERPUNCT:
            return sum(w * 10 ** self._base_logp(h, ch) for ch, w in weights.items())
        seen = self._seen_after(a, b, weights)
        lo, hi = self._bi_spans[a] or _span(self._bi_spans, self.bi[0], a, 16)  # (a's bigrams alone, as _kn_logp)
        weight = _find(self.bi, (a << 16) | b, lo, hi)
        rest = self._expected_after(b, weights) - sum(weights.by_id[c] * 10 ** self._bigram(b, c) for c in seen)
        return sum(weights.by_id[c] * 10 ** logp for c, logp in seen.items()) + 10 ** (weight[1] if weight else 0.0) * rest

    def _seen_after(self, a: int, b: int, weights: Weights) -> dict[int, float]:
        """The characters of *weights* (ids) the model has seen after *a* *b*, with their log10 P."""
        keys, logps, _ = self.tri
        prefix = (a << 32) | (b << 16)
        lo, hi = self._tri_spans[a] or _span(self._tri_spans, keys, a, 32)  # (a's trigrams alone, as _kn_logp)
        lo = bisect_left(keys, prefix, lo, hi)
        hi = bisect_left(keys, prefix | 0xFFFF, lo, hi)
        if hi - lo <= len(weights):  # the seen followers: fewer than the characters asked about
            return {key & 0xFFFF: logps[k] / _SCALE for k in range(lo, hi) if (key := keys[k]) & 0xFFFF in weights.by_id}
        out = {}
        for c in weights.by_id:
            k = bisect_left(keys, prefix | c, lo, hi)
            if k < hi and keys[k] == prefix | c:
                out[c] = logps[k] / _SCALE
        return out

    def _expected_after(self, b: int, weights: Weights) -> float:
        """Σ weight(c) · P(c | the character *b*), kept in *weights* (made for this model)."""
        found = weights.after_one.get(b)
        if found is None:
            found = weights.after_one[b] = sum(w * 10 ** self._bigram(b, c) for c, w in weights.by_id.items())
        return found

    def seen(self, text: str) -> bool:
        """Whether every character of *text* (as the model reads it) was in the model's training text."""
        return all(ch in self.ids for ch in normalise(text))

    def dictionary_gain(self, ch: str) -> float:
        """log10 of how much likelier jieba's dictionary makes a character the model never saw than the model's floor
        for one (0 for a character it saw, or that the dictionary makes no likelier)."""
        return self.unseen.get(ch, self.unknown) - self.unknown if ch not in self.ids else 0.0

    def backoff(self, ch: str) -> float:
        """log10 P(c | *ch*) / P(c) for a character c of class 0 never seen after *ch*: the weight the model
        gives the lower order after *ch* (0 for a character never seen), after · with the class estimate's."""
        weight = self._unigrams[1][self.ids.get(ch, 0)]
        mix = self.interpunct
        if mix is None or ch != INTERPUNCT:
            return weight
        return math.log10((1.0 - mix.after_weight) * 10 ** weight + mix.after_weight * mix.after[0] / mix.mass[0])

    def raised_near(self, ch: str) -> list[str]:
        """The characters whose probability next to *ch* a class-based estimate raises, seen there or not."""
        return list(self.interpunct.classes) if self.interpunct is not None and ch == INTERPUNCT else []

    def followers(self, ch: str) -> list[str]:
        """The characters the model has seen after *ch*."""
        return self._slice(self.bi, self.ids.get(ch, 0))

    def predecessors(self, ch: str) -> list[str]:
        """The characters the model has seen before *ch*."""
        return self._slice(self.by_second, self.ids.get(ch, 0))

    def _slice(self, table: tuple[array, array, array], first: int) -> list[str]:
        if not first:
            return []
        keys = table[0]
        lo, hi = bisect_left(keys, first << 16), bisect_left(keys, (first + 1) << 16)
        return [self.vocab[(keys[k] & 0xFFFF) - 1] for k in range(lo, hi)]

    def score(self, text: str, start: int, end: int) -> float:
        """log10 P of ``text[start:end]`` given the two characters before *start*."""
        kept, total = self._kept, 0  # (summed in order from 0, as sum() sums a list)
        for k in range(start, end):  # (the values kept looked up here: most are, and a call of logp each cost more)
            key = text[k - 2 : k + 1] if k >= 2 else text[: k + 1]
            found = kept.get(key)
            total += found if found is not None else self.logp(key[:-1], text[k])
        return total


def _span(spans: list[tuple[int, int] | None], keys, first: int, shift: int) -> tuple[int, int]:
    """Where the keys whose first character has the id *first* (shifted left by *shift* in a key) lie in *keys*,
    kept in *spans* by that id."""
    found = spans[first] = (bisect_left(keys, first << shift), bisect_left(keys, (first + 1) << shift))
    return found


def _search(np, table: tuple, keys, column: int = 1):
    """Which of *keys* (a numpy array) *table* (numpy arrays: sorted keys, log10 p, back-off weight) holds, and
    the *column* of each, in thousandths divided as :meth:`CharLM._kn_logp` divides them (0 where it holds none).

    The keys are searched and read in ascending order, then put back in theirs: in the order of the text the
    table's probes jump about it, sorted they stay near each other (80,000 keys of the trigram table searched in
    36.7 ms, sorted first 11.5 ms with the sort; 6,000 in 2.5 and 0.8 ms: measured).
    """
    order = np.argsort(keys)
    ordered = keys[order]
    at = np.minimum(np.searchsorted(table[0], ordered), len(table[0]) - 1)
    found, value = np.empty(len(keys), bool), np.empty(len(keys))
    found[order] = hit = table[0][at] == ordered
    value[order] = np.where(hit, table[column][at] / _SCALE, 0.0)
    return found, value


def _find(table: tuple, key: int, lo: int = 0, hi: int | None = None) -> tuple[float, float] | None:
    """The log10 p and back-off weight *table* holds for *key*, searched between *lo* and *hi* (where it must lie)."""
    keys, logps, weights = table
    hi = len(keys) if hi is None else hi
    k = bisect_left(keys, key, lo, hi)
    if k < hi and keys[k] == key:
        return logps[k] / _SCALE, weights[k] / _SCALE
    return None


def encode_model(vocab: str, unknown: float, tables: list[dict[int, tuple[float, float]]], meta: dict) -> bytes:
    """The shipped file: a JSON header, then per table its sorted keys, log10 p and weights (*tables*: orders 1–3).

    Little-endian, every section starting at a multiple of 8 bytes, so that it can be read in place.
    """
    tables = [*tables, {((k & 0xFFFF) << 16) | (k >> 16): v for k, v in tables[1].items()}]
    header = {"format": FORMAT, "vocab": vocab, "unknown": unknown, "sizes": [len(t) for t in tables], **meta}
    out = bytearray(struct.pack("<I", 0))
    out += json.dumps(header, ensure_ascii=False).encode()
    struct.pack_into("<I", out, 0, len(out) - 4)
    for table, key_code in zip(tables, _KEY_CODES):
        keys = sorted(table)
        for part in (array(key_code, keys), array("h", [round(table[k][0] * _SCALE) for k in keys]),
                     array("h", [round(table[k][1] * _SCALE) for k in keys])):
            out += bytes(-len(out) % 8)
            if sys.byteorder != "little":
                part.byteswap()
            out += part.tobytes()
    return bytes(out)


def decode_model(data: bytes | mmap.mmap) -> CharLM:
    """The model in *data*, read in place where the machine is little-endian (no copy of the 8 MB)."""
    (size,) = struct.unpack_from("<I", data)
    header = json.loads(bytes(data[4 : 4 + size]))
    if header.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} file")
    view, at, tables = memoryview(data), 4 + size, []
    for n, key_code in zip(header["sizes"], _KEY_CODES):
        parts = []
        for code in (key_code, "h", "h"):
            at += -at % 8
            width = array(code).itemsize
            section = view[at : at + n * width]
            at += n * width
            if sys.byteorder == "little":
                parts.append(section.cast(code))
            else:
                part = array(code, section.tobytes())
                part.byteswap()
                parts.append(part)
        tables.append(tuple(parts))
    return CharLM(header["vocab"], header["unknown"], tables, header.get("mark_shares"), header.get("mark_smoothing", 0.0),
                  Interpunct.read(header.get("interpunct")), header.get("unseen"))


def default_charlm_path() -> Path:
    return Path(DATA_DIR, "charlm.bin")


@lru_cache(maxsize=1)
def default_charlm() -> CharLM:
    """The shipped model, mapped into memory once per process (pages of it are read as decisions touch them)."""
    with open(default_charlm_path(), "rb") as handle:
        return decode_model(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
