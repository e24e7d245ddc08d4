"""Deciding, in context, whether a character is a garbled mark: a noisy channel.

A print font whose symbol rows were mapped through a shifted table prints
every symbol of those rows as an ideograph (``，`` as ``袁``).  Every such
ideograph is also a real one, so for each occurrence two readings compete:

* **as printed** — the character itself, as real text puts it in this context;
* **as a mark** — the symbol, *and* the font run it stands in being garbled.

The decision is the posterior odds of the two, in log10, as a sum of the
terms declared in :data:`FEATURES`, each with where its number comes from:

``context``   log10 P(the text with the symbol) − log10 P(the text as printed),
              over the characters whose probability the substitution changes,
              under a character trigram model of real news text
              (:mod:`textfix.charlm`, fitted on real text with punctuation; the
              interpunct of a foreign name the model never saw, 威廉·卡博戈, is
              read with a class-based estimate of the syllables beside it);
              as printed, the character may also be part of a dictionary word
              or a person's name (jieba's counts and names).
``stray space``  a garbled full-width mark often leaves a space after it
              (``强技术袁 加快``): how often the seed page's garbled marks do,
              against how often this page spaces after an ideograph.
``partner``   the closing mark after an opening one, the numbers before and
              after in a series: how often real text has them near, against
              the chance of their printed forms being there anyway.
``quote style``  part of the context term of a quote: the model reads a corner
              quote as the curly one it stands for (「 as “), and the page's
              own share of corner quotes among the quotes it prints says which
              form it sets (:func:`quote_style`); a page that prints none gets
              no corner quote restored.
``font run``  log10 P(this run is set in a garbled font | the rest of the page):
              a two-state model of the page's runs (:class:`FontRuns`).  A run
              that prints real marks (，。) is clean; a page with no garble
              evidence gets no garble fixes, a garbled run gets all of them.
              A printed form the character model never saw (曰, outside its
              news register), where the model's floor decides it, is no
              evidence of its run: it needs the others'.
              Where the text comes with its fonts (a PDF), a character's font
              says its run's state outright, and its glyph (a mark's ink box or
              the character's own) whether it is a garble (``font_state``).

The mark wins only by :data:`THRESHOLD`: a wrong fix costs more than a miss (in a run held garbled, read against
the character as text or a name's start, by :data:`GARBLED_RUN_BAR`: :func:`bar_of`).
Only occurrences a cheap read of their context lets through are decided
(:class:`_Screen`): its bound comes from the same context term.
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from itertools import islice, repeat
from operator import is_, itemgetter
from typing import NamedTuple

from .charclasses import (ASCII_FORMS, CLOSERS, DOUBLED, ENCLOSERS, IDEOGRAPH, IDEOGRAPH_RANGES, PAIRS, PROSE_MARK_SET,
                          is_ideograph, partners_of, symbol_class)
from . import DATA_DIR, regex
from .cache import PerObject, cached
from .collector import no_cycle_collection
from .charlm import BOUNDARY, CORNER_QUOTES, HISTORY, PARAGRAPH_END, READ_AS, CharLM, Weights, default_charlm, default_charlm_path, normalise, text_forms
from .fonts import MARK
from .lexicon import LONGEST_WORD, Lexicon, load_lexicon, load_segments
from .lines import TERMINAL_END
from .model import NoiseModel


class Feature(NamedTuple):
    name: str
    source: str


FEATURES = (
    Feature("context", "log10 P(window as mark) / P(window as printed, as text, a dictionary word or a name): the "
            "character trigram model (data/charlm.bin, corpora/build_charlm.py on real-dev train; which mark fills "
            "a mark's slot smoothed towards the marks' shares by mark_smoothing, fitted there on the latest tenth of "
            "train; the interpunct and the character after it mixed with a class-based estimate, classes of how often "
            "a character stands near a · in train, P(·) read after the classes of the two characters before it, its "
            "weights fitted there on the latest half of train, each tenth "
            "under a model of the text before it; a trigram it never saw of a mark read round one ideograph and a "
            "mark, capped at the rate train has for that pair of marks, Jeffreys' estimate for the pairs it never has "
            "so: data/clause_marks.json, corpora/fit_clause_marks.py, _clause_cap), jieba's word and person-name counts (a three-character name's "
            "given name also counted whole: 先生, 师傅, by its counts or, the larger, by how many surnames the dictionary lists "
            "it after: Lexicon.given_pair_type_share); a name's start after the two "
            "characters before it: how often jieba's tagger starts a person's name there in real-dev train "
            "(data/name_after.json, corpora/fit_name_after.py), smoothed towards the character model's estimate (its "
            "commonest surnames, each by the share of its dictionary uses that start a name) by prior_events, fitted "
            "there on the latest 15% of train, and never below that estimate (train has no bylines)"),
    Feature("segmentation", "part of the context term: a dictionary word reading of the printed character loses "
            "segment_weight × log10 of how much less likely the window's likeliest segmentation through the word is "
            "than its likeliest of all (jieba's maximum-probability route over its dictionary; 出院 in 指出院, which "
            "segments as 指出 院); segment_weight (data/garble_decision.json) fitted by corpora/fit_garble_runs.py on "
            "real-dev train: the least weight that restores the most marks of the latest 15% under a model of the rest"),
    Feature("stray space", "space_after_garble (data/garble_decision.json, corpora/fit_garble_runs.py on the seed "
            "page) against the page's own share of spaces after an ideograph"),
    Feature("partner", "partner_within (data/garble_decision.json, corpora/fit_garble_runs.py on real-dev train) "
            "against the chance of the partner's printed forms within the window (their frequency in the model); "
            "for the garbled partner of a paired mark that won, within / (1 − within), shared by the forms it may be; "
            "the single dash by the distance to its nearest other form, partner_distance (the same script, real-dev "
            "train: how much likelier each distance is around a dash than around 要 printed as itself)"),
    Feature("enclosure", "added to the interpunct's partner term: log10 of its rate per character inside a 《 or “ "
            "left open within partner_window before it, or outside both, against its rate overall; to a single "
            "dash's (— and －, 野县城要中心镇冶): log10 of how much likelier each state, the title or quote holding "
            "another mark around it or not (enclosure_state), is around the dash than around its garbled forms "
            "printed as themselves, outside both 0 (enclosure, data/garble_decision.json, "
            "corpora/fit_garble_runs.py on real-dev train); an opener printed garbled counts once decided a mark"),
    Feature("quote style", "part of the context term of a quote: log10 of the page's share of the quote's form among "
            "the quotes it prints as themselves, corner 「」『』 against curly “”‘’, with Jeffreys' add-½ (the model reads "
            "a corner quote as its curly form, charlm.CORNER_QUOTES: GB/T 15834-2011 gives corner quotes as the quotes' "
            "form in vertical text; 「」 outer, 『』 inner as horizontal text nests them); "
            "a page that prints no corner quote: share 0, no corner quote restored (real-dev train prints none: every "
            "figure there stays the same), curly 1"),
    Feature("font run", "two-state run model: run_length, sentence_stay, mark_in_garbled_run and the prior "
            "garbled_share (data/garble_decision.json, corpora/fit_garble_runs.py on the seed page); the page's own "
            "share by EM; a run ends at a paragraph's end where the text marks one (a font is set for a paragraph or a "
            "part of it), and goes on past a sentence's end (。！？, printed or a candidate's) only by sentence_stay; "
            "in a PDF, the state of the character's font (textfix.fonts: the file's garbled fonts, as doctor finds them); "
            "a printed form the character model never saw in its training text (曰: floor probability in any context) is "
            "decided by the model's floor where its terms with the form read at its share of jieba's dictionary (a real "
            "character's probability: data/charlm.bin's unseen, corpora/build_charlm.py) do not clear the threshold: "
            "then it is evidence of its run by its stray space and partner alone, and wins only where the page's other "
            "events and those make its run likelier garbled than clean, odds above 1 (even odds, no fitted number: "
            "_Decision.on_floor, run_garbled); bench/unseen_forms.py measures it on train forms held out of a model; "
            "in a run likelier garbled than clean, a mark read against the character as text or as a name's start wins "
            "by the bar the clean-text bound accepts under that two-bar rule (GARBLED_RUN_BAR: threshold_fit's "
            "garbled_run.bar, corpora/fit_garble_runs.py on the held-out train decisions), not the garbled corpus's; "
            "the marks whose decisions between the two bars there were false fixes more often than marks keep the "
            "threshold (garbled_run.held_to_threshold, the same fit), and so does a reading inside a dictionary word "
            "or a longer name (a choice: bar_of's GARBLED_RUN_READINGS)"),
)


@lru_cache(maxsize=1)
def fitted() -> dict:
    """The decision's fitted numbers (see :data:`FEATURES` for where each comes from)."""
    with open(os.path.join(DATA_DIR, "garble_decision.json"), encoding="utf-8") as handle:
        return json.load(handle)


# The log10 posterior odds the mark must win by: the least whose false-fix rate on clean text is within one per
# million characters (the issue's acceptance) at the 95% upper Poisson bound of its count, on every real-dev train
# item read under a character model of the others, and at which the garbled sentence corpus (corpora/repair/
# garbled.json) keeps its false fixes (threshold in data/garble_decision.json, fitted by corpora/fit_garble_runs.py;
# its figures there: the bound accepts the grid's least, 0.5, and the corpus takes it to 1.0).
THRESHOLD: float = fitted()["threshold"]

# Inside a run held garbled, a mark read against the character as text or as a name's start wins by the bar the
# clean-text bound accepts under the two-bar rule (garbled_run.bar in threshold_fit, 0.5, fitted with THRESHOLD by
# corpora/fit_garble_runs.py on the same held-out train decisions): the corpus raised the threshold to 1.0 by
# surnames after titles and bylines, but inside a garbled run such decisions that lose by less than 1.0 were marks
# 63 times of 73 on held-out train (seed 0's garbling), and of the ten false fixes eight were the dash's (its form 要
# is among the commonest characters), one the interpunct's, one a surname's.  The marks whose decisions between
# the two bars there were false fixes more often than marks keep THRESHOLD (garbled_run.held_to_threshold).  A
# reading of the printed character inside a dictionary word or a longer name (田野, 老袁) keeps THRESHOLD, a choice,
# not a fitted figure: on the held-out rows such decisions between the bars were 25 marks and no false fix, but on
# train garbled as bench/eval_garbles.py does (seed 0, the shipped model) letting them in restored 6 marks more and
# made a false fix in a garbled paragraph (a word's reading of a quote's form), and the corpus's 老袁说 one more.
# "Held garbled": likelier garbled than clean, the even odds of the two states (as _Decision.run_garbled), no fitted
# number.
GARBLED_RUN_BAR: float = fitted()["threshold_fit"]["garbled_run"]["bar"]
HELD_TO_THRESHOLD: frozenset[str] = frozenset(fitted()["threshold_fit"]["garbled_run"]["held_to_threshold"])
GARBLED_RUN_READINGS = ("text", "name")  # as text, or a name's start (not "word …" nor "name 老袁")
HELD_GARBLED = math.log10(0.5)
# The least of the two bars: what a decision's terms must clear for some run term to let it win (the screen, the
# word and name readings looked for, the run model's candidates go by it; terms at or below it lose whatever the bar).
LEAST_BAR: float = min(THRESHOLD, GARBLED_RUN_BAR)


def _set_bars(threshold: float, in_run: float) -> tuple[float, float]:
    """Set THRESHOLD and GARBLED_RUN_BAR (corpora/fit_garble_runs.py collects and counts at others), LEAST_BAR kept
    their least; the two in use before, to set back."""
    global THRESHOLD, GARBLED_RUN_BAR, LEAST_BAR
    before = THRESHOLD, GARBLED_RUN_BAR
    THRESHOLD, GARBLED_RUN_BAR, LEAST_BAR = threshold, in_run, min(threshold, in_run)
    return before


def least_bar(symbol: str) -> float:
    """The lower of the two bars *symbol*'s mark may be held to (the screen's: THRESHOLD for one held to it)."""
    return THRESHOLD if symbol in HELD_TO_THRESHOLD else LEAST_BAR


def bar_of(run: float, reading: str, symbol: str, threshold: float, in_run: float,
           held_to_threshold: frozenset[str]) -> float:
    """What a decision's terms must clear (the rule, once; _Decision.bar asks it with the shipped bars,
    corpora/fit_garble_runs.py with others): *in_run* in a run held garbled, read against the character as text or a
    name's start, for a mark not held to the threshold; *threshold* otherwise."""
    if run >= HELD_GARBLED and reading in GARBLED_RUN_READINGS and symbol not in held_to_threshold:
        return in_run
    return threshold


# How many events' worth the prior share counts for against the page's own evidence: a weak prior,
# since pages range from no garbled run to mostly garbled ones.  (On 1,500 real-dev train items,
# 2, 10, 50 and 684 — the seed page's events — restore 99.8% of garbled marks alike, none falsely.)
PRIOR_EVENTS = 2.0
EM_ROUNDS = 1  # the page's share settles: on real-dev train, 1, 2 and 3 rounds make the same decisions
_SPACES = " \t\u3000"
_WHITESPACE = _SPACES + "\n\r\f"
_WHITESPACE_SET = frozenset(_WHITESPACE)
_DROP_WHITESPACE = str.maketrans("", "", _WHITESPACE)
_SPACE_AFTER = frozenset(_SPACES)  # (a space after a decision's mark, _SpaceEvidence.ratios)


@dataclass(frozen=True)
class Candidate:
    garbled: str
    symbol: str
    symbol_class: str
    mechanism: str
    rate: float  # the learned share of the family's symbols that print garbled: picks among mechanisms
    seen: bool = True  # the character model saw the printed form in its training text (see _Decision.on_floor)
    # For a form it never saw: log10 of how much likelier jieba's dictionary makes it than the model's floor
    # (CharLM.dictionary_gain), a real character's probability against one nobody writes.
    gain: float = 0.0


class _Occurrence(NamedTuple):
    at: int
    length: int  # 2 for a doubled mark printed as two characters (要要 for ——)
    candidate: Candidate


@dataclass(slots=True)  # (slots: the decision reads its terms ~100,000 times on a 5 MB page)
class _Decision:
    occurrence: _Occurrence
    context: float  # log10 P(as mark) / P(as printed), language model
    reading: str  # the best reading as printed: text, a dictionary word, a name
    space: float  # log10 likelihood ratio of a stray space after it (0 without one)
    partner: float = 0.0  # log10 likelihood ratio of the partner mark found (or not) within the window
    run: float = 0.0  # log10 P(garbled run | the rest of the page)
    garbled_font: bool = False  # the run's state is known: the PDF sets it in a font that garbles (run 0)
    mark_glyph: bool = False  # the PDF draws it with the mark's glyph: a garble whatever the other terms say
    style: float = 0.0  # log10 share of the quote's form on the page (quote_style), part of context; 0 for other marks

    @property
    def likelihood_ratio(self) -> float:
        """P(what is printed here | garbled run) / P(… | clean run): 1 + P(mark)/P(as printed); where the model's
        floor decides it (:meth:`on_floor`), its stray space's and partner's alone."""
        if not self.occurrence.candidate.seen and self.on_floor:  # (seen first: ~50,000 ratios a repair, no property call)
            return 10.0 ** min(self.space + self.partner, 30.0)
        return 1.0 + 10.0 ** min(self.context + self.space + self.partner, 30.0)

    @property
    def winnable(self) -> bool:
        """The run term is never positive: without it the mark must already clear the lower of its two bars
        (LEAST_BAR: inside a run held garbled, GARBLED_RUN_BAR)."""
        return self.context + self.space + self.partner > LEAST_BAR

    @property
    def margin(self) -> float:
        return self.context + self.space + self.partner + self.run

    @property
    def bar(self) -> float:
        """What its terms must clear: THRESHOLD, or GARBLED_RUN_BAR in a run held garbled (:func:`bar_of`)."""
        return bar_of(self.run, self.reading, self.occurrence.candidate.symbol, THRESHOLD, GARBLED_RUN_BAR,
                      HELD_TO_THRESHOLD)

    @property
    def wins(self) -> bool:
        if self.mark_glyph:
            return True
        terms = self.context + self.space + self.partner  # (winnable and margin, summed once: read ~4 times a decision)
        if terms <= LEAST_BAR:
            return False  # (below either bar: its property call spared, ~11,000 of the ~24,000 reads of a repair)
        bar = self.bar
        return (terms > bar and terms + self.run > bar
                and (self.occurrence.candidate.seen or not self.on_floor or self.run_garbled()))

    @property
    def on_floor(self) -> bool:
        """Whether the model's floor decides it: a form the model never saw whose terms, the form read at its
        dictionary probability (Candidate.gain) in place of the floor, no longer clear the threshold.

        A form the character model never saw (曰: 0 times in real-dev train, news of one register) has the model's
        floor probability in any context, so such a context term says that a mark fits the place, not that the
        character does not.  It is then no evidence of its run but by its stray space and partner, and wins only
        where the run is garbled (:meth:`run_garbled`): a page of classical sayings, 子曰 …, has no garble evidence
        and keeps every 曰, and a mark that wins even against a real character's probability (a paragraph's last
        ；, a byline's closing ） printed 冤) is decided as any other (bench/unseen_forms.py).
        """
        c = self.occurrence.candidate
        return not c.seen and self.context - c.gain + self.space + self.partner <= THRESHOLD

    def run_garbled(self) -> bool:
        """Whether its run is likelier garbled than clean on the page's other events and its own evidence but the
        model's (a stray space after it, its partner): odds above 1, the even odds of the two states, no fitted number."""
        p = 10.0 ** self.run
        return p >= 1.0 or math.log10(p / (1.0 - p)) + self.space + self.partner > 0.0


def prepare(model: NoiseModel) -> None:
    """Load what deciding garbles with *model* needs now (a process about to fork workers calls it)."""
    _prepared(model)


@dataclass
class _Prepared:
    """What deciding garbles with one model needs, made once per model."""

    table: dict[str, Candidate]  # garbled character → its mark
    screen: _Screen
    printed_marks: re.Pattern[str]  # the table's marks printed as themselves
    partners: _Partners
    readings: dict[tuple, tuple[float, float, str]] = field(default_factory=dict)  # see _reading_key
    most_winnable: dict[tuple, float] = field(default_factory=dict)  # by the slice read (see _may_win_at)

    @cached_property
    def lexicon(self) -> Lexicon:
        """Words and names, loaded when a decision first needs them (most pages never do)."""
        return load_lexicon(frozenset(self.table))


def _prepared(model: NoiseModel) -> _Prepared | None:
    return _PREPARED(model)


def _prepare(model: NoiseModel) -> _Prepared | None:
    lm = default_charlm()
    table: dict[str, Candidate] = {}
    for garbled, options in model.garble_table().items():
        for symbol, _entry, record in options:
            cls = symbol_class(symbol)
            if cls is None or is_ideograph(symbol):
                continue
            rate = record.rate * record.confidence
            if garbled not in table or rate > table[garbled].rate:
                table[garbled] = Candidate(garbled, symbol, cls, record.name, rate, lm.seen(garbled),
                                           sum(map(lm.dictionary_gain, normalise(garbled))))
    if not table:
        return None
    partners = _Partners(lm, table)
    marks = regex.compile(f"[{_class(c.symbol for c in table.values())}]")
    return _Prepared(table, _Screen(lm, table, partners), marks, partners)


_PREPARED = PerObject(_prepare)


def _class(chars) -> str:
    return "".join(re.escape(ch) for ch in sorted(set(chars)))


def forms_by_symbol(table: dict[str, Candidate]) -> dict[str, set[str]]:
    """Each symbol of *table* → the characters it prints as in a garbled font (要 for —)."""
    found: dict[str, set[str]] = {}
    for c in table.values():
        found.setdefault(c.symbol, set()).add(c.garbled)
    return found


# A text offset → set in a garbled font (True), a clean one or drawn with its own glyph (False), drawn with
# its mark's glyph (MARK), or not known (None): textfix.fonts.FontEvidence.state.
FontState = Callable[[int], "bool | str | None"]


# (The cyclic collector is paused while a text is decided: the ~100,000 occurrences, decisions, windows and
# keys of a 5 MB page hold no cycles, and on bench_repair's print page inside textfix.repair the
# collections they set off, each walking the page's layout too, cost 0.07-0.1 s of its decisions' 0.4 s
# CPU: measured with gc.callbacks.)
@no_cycle_collection()
def garble_changes(text: str, model: NoiseModel, font_state: FontState | None = None,
                   paragraphs: bool | None = False, seams: Seams | None = None) -> list[tuple]:
    """(start, end, old, new, rule, confidence, why) for each garbled mark found in *text*.

    Where the text's line breaks end paragraphs, a decision reads one as a
    paragraph's end, as the model was trained (a line ending 散步遥 ends a
    sentence whatever the next paragraph starts with); otherwise a line break
    is closed up (a print line ends anywhere).  *paragraphs*: True, they end
    paragraphs (print lines the reader rejoined); None, where most lines end a
    sentence (text that came a paragraph a line: a line broken inside a word,
    在轨遥⏎感卫星, is no paragraph's end); False, never.

    *font_state*, where the text comes with its fonts (a PDF: see
    :class:`textfix.fonts.FontEvidence`), says for an offset whether the font
    it is set in garbles its marks: that is then the run's state, not a
    guess of the run model — a character of a clean font is never a garble,
    one of a garbled font is decided by the other terms alone; and where the
    PDF draws the character with its mark's glyph (:data:`MARK`), it is a
    garble whatever its context, with its own glyph (False) never.

    *seams* (:class:`Seams`), where given, are where *text* reads
    differently from a text decided before (the settle pass: a paragraph's
    end the rejoin left where the printed lines were read closed up): only
    the candidates within SEAM_REACH characters of one are decided, and the
    run model's events are those (the page's other printed marks count in
    its share as far ones do; its space and quote shares are the whole
    text's).  Every other candidate keeps the decision made before.  An
    approximation: farther from every seam a candidate reads the same
    window, word and name, but its partner term reads ``partner_window``
    characters and its run term the page, which the rejoin changes too.
    """
    global _WINDOWS
    prepared = _prepared(model)
    if seams is not None and not (seams.offsets or seams.paragraph_ends):
        return []  # (nothing reads differently: a text that came a paragraph a line, settled)
    read = _as_read(text, paragraphs)
    try:
        styles = quote_style(read)
        occurrences = prepared.screen.occurrences(read, styles, seams) if prepared else []
        if font_state is not None and prepared:
            occurrences = _by_font(read, prepared, occurrences, font_state)
        if not occurrences:
            return []
        decisions = _weigh(read, prepared, occurrences, font_state, styles)
        explained: dict[tuple, tuple[float, str]] = {}  # (see _explain_kept)
        return [_change(text, d, model, explained) for d in decisions if d.wins]
    finally:
        # The windows serve this call alone (a later call screens its text anew): kept past it, their ~30,000
        # objects on bench_repair's 5 MB print page would be walked by the collector's first pass after the
        # pause, 6.5 ms of the call (measured with gc.callbacks), and their arrays held.  Only this call's own
        # windows: another thread's call, screening its text meanwhile, keeps the windows it reads.
        if _WINDOWS is not None and _WINDOWS.text is read:
            _WINDOWS = None


class Seams(NamedTuple):
    """Where a text reads differently from one decided before (see :func:`garble_changes`)."""

    offsets: list[int]  # ascending
    paragraph_ends: bool = False  # each paragraph's end too (where the lines were read closed up before)


def _near(offsets: Iterable[int], text: str, seams: Seams) -> Iterator[int]:
    """Those of *offsets* within SEAM_REACH characters of one of *seams* in *text* as read (:func:`_as_read`)."""
    places = _seam_offsets(seams, _paragraph_ends(text) if seams.paragraph_ends else [])
    for at in offsets:
        k = bisect_left(places, at - SEAM_REACH)
        if k < len(places) and places[k] <= at + SEAM_REACH:
            yield at


def _seam_offsets(seams: Seams, ends: list[int]) -> list[int]:
    """The offsets of *seams* and, where they count, the paragraph ends *ends* (both ascending)."""
    return sorted(seams.offsets + ends) if seams.paragraph_ends and ends else seams.offsets


# The first line break of a run: blank lines between paragraphs are one end.  (The look-behind after the
# break, not before it: the engine then scans for the break itself, 5 ms instead of 20 on a 1.7M-character
# page of bench_repair's rejoined print, measured.)
_PARAGRAPH_BREAK = re.compile(r"\n(?<!\n\n)")


def ends_paragraphs(text: str, paragraphs: bool | None) -> bool:
    """Whether *text*'s line breaks end paragraphs: *paragraphs* where given, else where most of its lines
    end a sentence (see :func:`garble_changes`)."""
    return paragraphs if paragraphs is not None else "\n" in text and _most_lines_end_a_sentence(text)


def _as_read(text: str, paragraphs: bool | None) -> str:
    """*text* as the decisions read it: a line break that ends a paragraph (see :func:`garble_changes`) as
    :data:`PARAGRAPH_END`, one for one (the offsets stay those of *text*)."""
    ends = ends_paragraphs(text, paragraphs)
    return _paragraph_ends_marked(text) if ends and "\n" in text else text


def _paragraph_ends_marked(text: str) -> str:
    """*text* with the first line break of each run of them (:data:`_PARAGRAPH_BREAK`) as :data:`PARAGRAPH_END`.

    Three replaces of the whole text, not the expression's substitution: a
    run of k breaks becomes k ends, every second of them a break again, then
    every end after a break a break (k = 3: ⏎⏎⏎ → EEE → E⏎E → E⏎⏎).  On
    bench_repair's rejoined print page (1.7M characters, 25,279 blank lines)
    5.9–10 ms against the substitution's 19–20, least of 9, a loaded machine.
    (A text that holds PARAGRAPH_END itself, which the replaces would take for
    a break, is substituted.)
    """
    if PARAGRAPH_END in text:
        return _PARAGRAPH_BREAK.sub(PARAGRAPH_END, text)
    marked = text.replace("\n", PARAGRAPH_END)
    if "\n\n" not in text:
        return marked
    return marked.replace(PARAGRAPH_END * 2, PARAGRAPH_END + "\n").replace("\n" + PARAGRAPH_END, "\n\n")


@no_cycle_collection()
def garble_changes_at(text: str, model: NoiseModel, offsets: list[int], font_state: FontState | None = None,
                      paragraphs: bool | None = False) -> list[tuple]:
    """The changes of :func:`garble_changes` that start at one of *offsets*, the text weighed only where one may.

    A decision wins only where it is winnable (its run term is never
    positive), and what makes it winnable is read around it
    (:func:`_most_winnable`): where none of *offsets* can be, no change starts
    there, and the page's run model need not be worked out.  (The settle pass
    asks this of the few garbled forms that end a rejoined page's paragraphs:
    591 on bench_repair's 5 MB page, none winnable.)
    """
    prepared = _prepared(model)
    if prepared is None:
        return []
    if font_state is None:  # (a font may draw a character with its mark's glyph: that wins whatever its terms)
        ends = ends_paragraphs(text, paragraphs)
        whole = cache(lambda: _as_read(text, ends))
        styles = quote_style(text)
        if not any(_may_win_at(prepared, text, at, ends, whole, styles) for at in offsets):
            return []
    wanted = set(offsets)
    return [c for c in garble_changes(text, model, font_state, paragraphs) if c[0] in wanted]


def _may_win_at(prepared: _Prepared, text: str, at: int, ends: bool, whole: Callable[[], str],
                styles: dict[str, float] | None = None) -> bool:
    """Whether the decision of a candidate at *at* can win (:func:`_most_winnable`), read from the text around it.

    :func:`_most_winnable` reads no farther than the partner window each side
    (``partner_window``; the partner searches, the enclosure, the dash's
    distance) or :data:`WINDOW_MOST` characters that are not whitespace (its
    windows, words and names): where those lie in the slice of the window and
    one character more each side, it reads that slice read as the text is
    (:func:`_as_read`, *ends*: whether its line breaks end paragraphs) as it
    would the whole, at the offset's place in it.  A number whose chain of
    partners goes on from one found there (:meth:`_Partners.chained`), and a
    stray space after it (a share of the whole page, :class:`_SpaceEvidence`),
    are read on the whole text as read (*whole*), and so is the quote style
    (*styles*: :func:`quote_style` of the whole text; None, its most, 0).  What a slice reads is kept
    by the slice and the style.  (The settle pass asks this of 591 paragraph ends on
    bench_repair's 5 MB print page, 20 different slices: the whole 1.7M
    characters as read and 591 reads cost ~19 ms, the slices and 20 reads ~2–4, measured.)
    """
    table, span = prepared.table, prepared.partners.window + 1
    if not 0 <= at < len(text) or text[at] not in table:
        return False
    lo, hi = max(0, at - span), min(len(text), at + 1 + span)
    # (The break that ends a paragraph is the first of its run: the character before the slice says.)
    read = _paragraph_ends_marked(text[max(0, lo - 1) : hi])[lo > 0 :] if ends else text[lo:hi]
    # (What the slice holds decides it, and where it is the text's edge: a file of pages repeats its paragraph ends.
    # Only a slice that passed the tests below is kept, and they read nothing else.)
    o = _Occurrence(at - lo, 1, table[text[at]])
    style = (styles or {}).get(o.candidate.symbol, 0.0)
    key = (read, at - lo, lo == 0, hi == len(text), style)
    most = prepared.most_winnable.get(key)
    if most is None:
        inside = ((lo == 0 or o.at - _whitespace(read, 0, o.at) >= WINDOW_MOST)
                  and (hi == len(text) or len(read) - o.at - 1 - _whitespace(read, o.at + 1, len(read)) >= WINDOW_MOST))
        # (A space after it: the stray space's share is the whole page's.  None at the text's end.)
        if not inside or o.at + 1 < len(read) and read[o.at + 1] in _SPACES or prepared.partners.chained(read, o):
            read = whole()
            o = _Occurrence(at, 1, o.candidate)
            return _most_winnable(default_charlm(), prepared, read, o, _SpaceEvidence(read), style) > least_bar(o.candidate.symbol)
        if len(prepared.most_winnable) >= READINGS_KEPT:
            prepared.most_winnable.clear()
        most = prepared.most_winnable[key] = _most_winnable(default_charlm(), prepared, read, o, _SpaceEvidence(read), style)
    return most > least_bar(o.candidate.symbol)


def _whitespace(text: str, start: int, end: int) -> int:
    """How many characters of ``text[start:end]`` are whitespace a read skips (:data:`_WHITESPACE`).  (A count
    of each: str.translate dropping them costs ~14 µs on 61 characters of Chinese, these ~1.)"""
    return sum(text.count(ch, start, end) for ch in _WHITESPACE)


def _most_lines_end_a_sentence(text: str) -> bool:
    """Whether more than half of *text*'s lines (not blank) end a sentence (TERMINAL_END), as its marks are printed."""
    lines = [line.rstrip() for line in text.split("\n") if line.strip()]
    return 2 * sum(TERMINAL_END.search(line, max(0, len(line) - 4)) is not None for line in lines) > len(lines)


def _by_font(text: str, prepared: _Prepared, occurrences: list[_Occurrence], font_state: FontState) -> list[_Occurrence]:
    """The occurrences a clean font or the character's own glyph does not rule out, and every one
    drawn with its mark's glyph, whatever the screen made of it."""
    kept = {o.at: o for o in occurrences if font_state(o.at) is not False}
    for m in prepared.screen.pattern.finditer(text):
        if m.start() not in kept and font_state(m.start()) == MARK:
            kept[m.start()] = _Occurrence(m.start(), 1, prepared.table[m.group()])
    return [kept[at] for at in sorted(kept)]


def _weigh(text: str, prepared: _Prepared, occurrences: list[_Occurrence], font_state: FontState | None = None,
           styles: dict[str, float] | None = None) -> list[_Decision]:
    """Every term of every occurrence's decision; neighbouring winners read in place (REREAD_ROUNDS), pairs that win only together weighed together (_won_together), interpuncts inside a won opener raised (enclosure).
    *styles*: :func:`quote_style` of *text*, where the caller has counted it."""
    counts = prepared.screen.page_counts(text)
    lm, space = default_charlm(), _SpaceEvidence(text, counts)
    styles = quote_style(text) if styles is None else styles
    decisions = [_Decision(o, 0.0, "text", ratio, style=styles.get(o.candidate.symbol, 0.0))
                 for o, ratio in zip(occurrences, space.ratios(text, occurrences))]
    windows = _WINDOWS  # (read once: another thread's call may set it meanwhile)
    page = windows if counts is not None and windows is not None and windows.text is text else None
    _read_first(lm, prepared, text, decisions, page)
    if not any(d.winnable for d in decisions):
        return decisions  # the run term is never positive: none can win, most clean pages end here
    marks_on_page = counts.marks if counts else len(prepared.printed_marks.findall(text))
    runs = FontRuns(text, prepared.printed_marks, marks_on_page, decisions, page)
    runs.decide(decisions)
    _known_fonts(decisions, font_state)
    # Neighbouring garbles change each other's context (袁 野 → ，“): read again with the winners in place, until
    # they settle, and a pair of neighbours that lose alone weighed together (10益袁 → 10℃，).
    chosen: dict[int, _Occurrence] = {}
    for round_ in range(REREAD_ROUNDS):
        # (Only a FontRuns candidate can win, the run model made on the terms as they stand, or a mark's glyph: the
        # winners looked for there, in the same order; ~4,100 of the ~10,400 decisions of bench_repair's print page.
        # The run model is made again after the first round, so this holds for REREAD_ROUNDS = 2; with more, a
        # later round's re-reads could lift a decision outside its candidates, which would have to be added.)
        among = runs.candidates if font_state is None else decisions
        before, chosen = chosen, {d.occurrence.at: d.occurrence for d in among if d.wins}
        changed = sorted(chosen.keys() ^ before.keys())
        if not changed:
            break
        near = (page.near_chosen(decisions, changed) if page is not None
                else [d for d in decisions if _near_chosen(d.occurrence, changed)])
        terms = [(d.context, d.partner) for d in near]
        for d in near:
            _reread(lm, prepared, text, d, chosen, before)
        count = len(decisions)
        # (A later round looks from the marks it chose alone: partners' terms only rise, and the others' stand.)
        decisions, paired = _paired_with_winners(lm, prepared, text, decisions, chosen, space, styles,
                                                 None if round_ == 0 else changed)
        # (A pair's terms change only where a mark was chosen near it: after the first round, only those are weighed.)
        together = _won_together(lm, prepared, text, decisions if round_ == 0 else near, chosen)
        enclosed = prepared.partners.enclosed_by_winners(text, decisions, chosen)  # (· inside a won 野: “)
        if not (paired or together or enclosed) and terms == [(d.context, d.partner) for d in near]:
            break  # nothing reads differently: the run terms stand as they are
        if round_ == 0 or len(decisions) > count:  # (later rounds: see REREAD_ROUNDS)
            made = runs
            runs = FontRuns(text, prepared.printed_marks, marks_on_page, decisions, page, made)  # more may be winnable now
            runs.follow(made)
            runs.decide(decisions, rounds=0)
            _known_fonts(decisions, font_state)
    return decisions


# Rounds of re-reading with the winners in place: on real-dev train garbled as bench/eval_garbles.py does (seeds
# 0–5, 82,000 marks each), 2, 3 and 6 rounds make the same decisions; 1 leaves 6 more marks garbled (counted).
# After the first, a round's run terms stay those the first worked out (the page's forward-backward pass is most
# of a round's cost): each decision's leaves its own evidence out, and a later round changes that of a few
# decisions beside marks it chose; it works them out again where it adds decisions (partners of won marks).
REREAD_ROUNDS = 2


def _won_together(lm: CharLM, prepared: _Prepared, text: str, decisions: list[_Decision],
                  chosen: dict[int, _Occurrence]) -> bool:
    """Two neighbouring candidates that each lose read with the other as printed, weighed as a pair; whether any won.

    Each reads the other as a real character, so both lose the context that
    says what they are (降温10益袁阵风: 益 before 袁, 袁 after 益).  The pair
    is read as the chain rule has it: P(both marks) / P(neither) is the one's
    context with the other printed plus the other's with the one a mark, read
    in both orders (the word and name readings make them differ) and the
    smaller taken; both marks win when that, with both their other terms,
    clears the threshold of each of the two (2 × :data:`THRESHOLD`: on
    real-dev train, garbled as bench/eval_garbles.py does, seeds 0–5, 1× and
    2× restore the same marks, and 2× keeps a garbled run's 画家袁野和王冶 a
    name), and each, read with the other as a mark, wins on its own terms
    (both marks against only the other one).  Where they do, each takes its
    read with the other a mark in place.  (Only where the page has a winner:
    a pair alone on a page with none is left as it is.)
    """
    won = False
    for k in range(len(decisions) - 1):
        d = decisions[k]
        if not _open(d):
            continue
        end = d.occurrence.at + d.occurrence.length
        for e in decisions[k + 1 : k + 1 + CONTEXT]:  # each pair once: a neighbour after it, within its window
            if not _in_window(text, end, e.occurrence.at):
                break
            if not _open(e):
                continue
            d2, e2 = _read_with(lm, prepared, text, d, chosen, e), _read_with(lm, prepared, text, e, chosen, d)
            others = d.space + d.partner + d.run + e.space + e.partner + e.run
            joint = min(d2.context + e.context, e2.context + d.context) + others
            if joint > 2 * THRESHOLD and d2.wins and e2.wins:  # (neither draws a mark's glyph: both are open)
                for old, new in ((d, d2), (e, e2)):
                    old.context, old.reading, old.partner = new.context, new.reading, new.partner
                won = True
                break  # d is decided with e: a later neighbour's read would leave e out of its window
    return won


def _in_window(text: str, end: int, at: int) -> bool:
    """A candidate at *at* stands in the window of one that ends at *end* (:func:`_window`: fewer than
    CONTEXT characters between them that are not whitespace)."""
    return next(islice(_visible(text, end, 1, at), CONTEXT - 1, None), None) is None  # stops at the CONTEXT-th


def _open(d: _Decision) -> bool:
    """Whether *d* loses but tells something of its mark (a pair's member): above EVIDENCE, not winning."""
    return d.context + d.space + d.partner > EVIDENCE and not d.wins


def _read_with(lm: CharLM, prepared: _Prepared, text: str, d: _Decision, chosen: dict[int, _Occurrence],
               other: _Decision) -> _Decision:
    """A copy of *d* read with *other* a mark in place, besides *chosen*."""
    copy = _Decision(d.occurrence, d.context, d.reading, d.space, d.partner, d.run, d.garbled_font, d.mark_glyph, d.style)
    _read(lm, prepared, text, copy, {**chosen, other.occurrence.at: other.occurrence})
    return copy


def _paired_with_winners(lm: CharLM, prepared: _Prepared, text: str, decisions: list[_Decision],
                         chosen: dict[int, _Occurrence], space: _SpaceEvidence, styles: dict[str, float],
                         won: list[int] | None = None) -> tuple[list[_Decision], bool]:
    """*decisions* with the partners of winning paired marks weighed as such (new decisions where the screen left
    them), and whether any term changed.  *won*: the marks of *chosen* to look from (see :meth:`_Partners.of_winners`).

    A quote or bracket that won has its partner within the window with the
    fitted share (``partner_within``: “ for ” 99.7%); where the nearest form
    of the partner on its side is printed garbled (野 before a won 冶), that is
    the partner unless the partner stands beyond the window or not at all.
    """
    paired = prepared.partners.of_winners(text, chosen, prepared.table, won)
    if not paired:
        return decisions, False
    by_at = {d.occurrence.at: d for d in decisions}
    changed = added = False
    for at, (occurrence, odds) in paired.items():
        d = by_at.get(at)
        if d is None:
            d = by_at[at] = _Decision(occurrence, 0.0, "text", space.ratio(text, occurrence),
                                      style=styles.get(occurrence.candidate.symbol, 0.0))
            _read(lm, prepared, text, d, chosen)
            changed = added = True
        changed |= odds > d.partner
        d.partner = max(d.partner, odds)
    # (*decisions* are in offset order, as the screen found them and as this returns them: put in order again only
    # where one was added, not the ~11,400 of bench_repair's print page each round.)
    return [by_at[at] for at in sorted(by_at)] if added else decisions, changed


def _known_fonts(decisions: list[_Decision], font_state: FontState | None) -> None:
    """A garbled font's run is garbled for certain: its run term is log10(1); a mark's glyph wins outright
    (clean fonts' and own glyphs' occurrences never got here)."""
    if font_state is not None:
        for d in decisions:
            state = font_state(d.occurrence.at)
            if state:
                d.run, d.garbled_font, d.mark_glyph = 0.0, True, state == MARK


class _Needs(NamedTuple):
    """What each candidate's screen read needs to go on (by its garbled character): where a title or quote may
    enclose it, and where none may (:meth:`_Screen.passes`); and the candidates whose mark the page never
    prints (style −inf), which a neighbour's read takes as printed alone (:meth:`_Screen.read`)."""

    needed: dict[str, float]
    needed_outside: dict[str, float]
    printed_only: frozenset[str] = frozenset()


class _Screen:
    """Picks the occurrences whose mark could win, from a cheap read of their context.

    The context term read with one character each side (a bigram model: the
    trigram model's own lower order) is the screen: an occurrence goes on to
    the whole decision when that, plus ``screen_slack`` (``screen_slack_by_mark``
    for a mark read by distance, or whose most slack needed over every context,
    worked out from the model's tables, is less; the least slack that
    passed every candidate whose mark could win on garbled real-dev train text,
    fitted by ``corpora/fit_garble_runs.py``), plus the most its partner term
    can add, reaches :data:`THRESHOLD`.  The read skips whitespace (a line
    break is no character of the text), takes a neighbour that is a candidate
    itself at its likelier reading (:meth:`read`), and is a left and a right
    term, each looked up by the neighbour (:func:`_screen_terms`).  An
    occurrence followed by a space always goes on (a stray space is evidence
    of its own), and so do doubled marks printed double (要要).
    """

    def __init__(self, lm: CharLM, table: dict[str, Candidate], partners: _Partners) -> None:
        self.table = table
        slack, by_mark = fitted()["screen_slack"], fitted().get("screen_slack_by_mark", {})
        self.partners = partners
        # What a candidate's read needs: with the most its partner term can be anywhere (``needed``: the regular
        # expression's bound), and where no title or quote may enclose it (``needed_outside``, :meth:`passes`).
        self.needed = {g: least_bar(c.symbol) - by_mark.get(c.symbol, slack) - partners.most(c.symbol) for g, c in table.items()}
        self.needed_outside = {g: least_bar(c.symbol) - by_mark.get(c.symbol, slack) - partners.most_outside(c.symbol)
                               for g, c in table.items()}
        self.left, self.right = _screen_terms(lm, tuple((g, c.symbol) for g, c in table.items()))
        self.pattern = regex.compile(f"[{_class(table)}]")
        self.screened = 0  # characters this screen has read, in one text or many (see NARROW_FROM)

    @cached_property
    def narrow(self) -> re.Pattern[str]:
        """The screen as one regular expression: each candidate with the neighbours that let it pass as classes.

        It finds what the look-ups would pass (and some more) at the regex
        engine's speed, but compiling it takes ~30 ms (textfix.regex keeps
        the program for later processes): it pays on long texts only.  An
        occurrence followed by a space always matches, as the look-ups let it
        through: which occurrences are decided never depends on the path.
        """
        return regex.compile("|".join(self._pattern(g, c) for g, c in self.table.items()))

    def _pattern(self, g: str, c: Candidate) -> str:
        (left, left_default), (right, right_default) = self.left[g], self.right[g]
        left, right = left.whole(), right.whole()
        best_left, best_right = max([left_default, *left.values()]), max([right_default, *right.values()])
        need = self.needed[g]
        ok_left = self._allowed(left, left_default, need - best_right, self.table)
        ok_right = self._allowed(right, right_default, need - best_left, self.table)
        # The character first, then the look-behind over it: the engine finds the
        # alternatives' first characters by a fast scan instead of trying every position.
        g = re.escape(g)
        body = f"{g}(?<!{ok_left}{g})(?!{ok_right})|{g}(?=[{_SPACES}])"  # a stray space after it: always on
        if c.symbol in DOUBLED:
            body += f"|{g}(?={g})|{g}(?<={g}{g})"
        return body

    @staticmethod
    def _allowed(terms: dict[str, float], default: float, need: float, table: dict[str, Candidate]) -> str:
        """A class matching the neighbours that rule the mark out (whitespace and candidates never do)."""
        if default >= need:
            bad = text_forms(ch for ch, v in terms.items() if v < need) - set(table)
            return f"[{_class(bad)}]" if bad else "(?!)"
        good = text_forms(ch for ch, v in terms.items() if v >= need) | set(table)
        return f"[^{_class(good)}\\s]"


    def needs(self, styles: dict[str, float] | None) -> _Needs:
        """What each candidate's read needs on a page of quote style *styles* (:func:`quote_style`): the context
        term adds the style (:func:`_read_terms`), so the read needs that much more (``needed`` took its most,
        0); a form the page never prints (−inf) never goes on, a stray space after it or not."""
        if not styles:
            return self.base
        if styles is _NO_CORNER:
            return self.no_corner
        return self._needs(styles)

    @cached_property
    def base(self) -> _Needs:
        return _Needs(self.needed, self.needed_outside)

    @cached_property
    def no_corner(self) -> _Needs:
        """(Most pages: made once.)"""
        return self._needs(_NO_CORNER)

    def _needs(self, styles: dict[str, float]) -> _Needs:
        lift = {g: -styles.get(c.symbol, 0.0) for g, c in self.table.items()}
        return _Needs({g: v + lift[g] for g, v in self.needed.items()},
                      {g: v + lift[g] for g, v in self.needed_outside.items()},
                      frozenset(g for g, v in lift.items() if v == math.inf))

    def occurrences(self, text: str, styles: dict[str, float] | None = None, seams: Seams | None = None
                    ) -> list[_Occurrence]:
        """The occurrences that go on on a page of quote style *styles* (:meth:`needs`); *seams*: only among the
        candidates near them (:func:`garble_changes`)."""
        size = len(text)
        self.screened += size
        needs = self.needs(styles)
        global _WINDOWS
        self.counted = _WINDOWS = None
        if self.screened >= VECTOR_FROM and size >= VECTOR_TEXT and self.vector is not None:
            found, counts, _WINDOWS = self.vector.occurrences(text, needs, seams)
            self.counted = (text, counts)  # one assignment: another thread's text never gets these counts
            return found
        at = (m.start() for m in (self.narrow if self.screened >= NARROW_FROM else self.pattern).finditer(text))
        return self._occurrences(text, at if seams is None else _near(at, text, seams), None, needs)

    def _occurrences(self, text: str, at, out: list[_Occurrence] | None = None, needs: _Needs | None = None
                     ) -> list[_Occurrence]:
        """The occurrences among the candidates at the offsets *at* (ascending) that pass; *out* those before;
        *needs*: the page's (:meth:`needs`), the base without."""
        out = [] if out is None else out
        needed, needed_outside, _ = needs = needs or self.base
        table, left, right = self.table, self.left, self.right
        may_enclose = self.partners.may_enclose
        size = len(text)
        for i in at:
            g = text[i]
            c = table[g]
            before = text[i - 1] if i else BOUNDARY
            after = text[i + 1] if i + 1 < size else BOUNDARY
            if c.symbol in DOUBLED and (before == g or after == g):
                last = out[-1] if out else None
                if last and last.candidate is c and last.length == 1 and last.at + 1 == i:
                    out[-1] = _Occurrence(last.at, 2, c)
                else:
                    out.append(_Occurrence(i, 1, c))
                continue
            if before.isspace() or after.isspace() or before in table or after in table:
                if after in _SPACES and needed[g] < math.inf or self.passes(text, i, self.read(text, i, needs), needs):
                    out.append(_Occurrence(i, 1, c))
                continue
            lt, rt = left[g][0], right[g][0]  # the read of :meth:`read`, inline for the commonest case
            value = lt[READ_AS.get(before, before)] + rt[READ_AS.get(after, after)]
            if value >= needed_outside[g] or value >= needed[g] and may_enclose(text, i):  # :meth:`passes`, inline
                out.append(_Occurrence(i, 1, c))
        return out

    def passes(self, text: str, i: int, value: float, needs: _Needs | None = None) -> bool:
        """Whether the candidate ``text[i]`` read *value* goes on: its partner term's most is that of its place
        (:meth:`_Partners.most_at`: a mark read by its enclosure outside any title or quote gets no more);
        *needs*: the page's (:meth:`needs`), the base without."""
        g = text[i]
        needed, needed_outside, _ = needs or self.base
        return value >= needed_outside[g] or value >= needed[g] and self.partners.may_enclose(text, i)

    counted: tuple[str, _PageCounts | None] | None = None  # the text the vector screen last read, its counts

    def page_counts(self, text: str) -> _PageCounts | None:
        """The counts of *text* the vector screen took while screening it (None: count them otherwise)."""
        counted = self.counted
        return counted[1] if counted is not None and counted[0] is text else None

    @cached_property
    def vector(self) -> _VectorScreen | None:
        """The screen over the text as an array of code points (numpy), where numpy is installed."""
        try:
            import numpy
        except ImportError:
            return None
        return _VectorScreen(numpy, self)

    def read(self, text: str, i: int, needs: _Needs | None = None) -> float:
        """The bigram read of ``text[i]`` as its mark: the nearest character each side, whitespace skipped.

        A neighbour that is a candidate itself is read both ways, as printed and
        as its mark (it may turn out one), and the likelier counts.
        """
        g = text[i]
        printed_only = (needs or self.base).printed_only
        return (self._term(self.left[g][0], _neighbour(text, i, -1), printed_only)
                + self._term(self.right[g][0], _neighbour(text, i, 1), printed_only))

    def _term(self, terms: _Neighbours, ch: str, printed_only: frozenset[str]) -> float:
        value = terms[READ_AS.get(ch, ch)]
        c = self.table.get(ch)
        if c is not None and ch not in printed_only:
            symbol = READ_AS.get(c.symbol, c.symbol)
            value = max(value, terms[symbol])
        return value


class _PageCounts(NamedTuple):
    """What the vector screen counts on a page while it reads it (the same the regular expressions count)."""

    marks: int  # the table's marks printed as themselves (``_Prepared.printed_marks``)
    spaced: int  # single spaces between an ideograph and a character (``_SpaceEvidence._AFTER_IDEOGRAPH``)
    spaced_ideograph: int  # those of them before an ideograph


# The code points str.isspace() holds for (what the screen's ``isspace`` and ``\\S`` test); tests/test_garble_speed.py
# checks them against every code point.
_ISSPACE = (*range(0x09, 0x0E), *range(0x1C, 0x21), 0x85, 0xA0, 0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029,
            0x202F, 0x205F, 0x3000)
# The vector screen's kinds of character besides candidates (1, 2, …) and any other (0): whitespace the screen
# reads through (_SPACES, and line ends: _WHITESPACE), other whitespace (str.isspace), and the table's marks.
_SPACE, _BREAK, _WS, _MARK = -1, -2, -3, -4


class _VectorScreen:
    """:meth:`_Screen.occurrences` with the text as an array of code points (numpy): the same occurrences.

    Each character's kind comes from one table of code points (a candidate, a
    mark, whitespace); the read of each candidate (:meth:`_Screen.read`: the
    nearest character each side that is not whitespace, a candidate neighbour
    at its likelier reading) is one vector operation on dense tables of the
    screen's left and right terms (a column per neighbour the terms name,
    column 0 the default for any other).  Doubled marks go through the
    screen's own loop; an occurrence followed by a space goes on, as in the
    loop.  The page's printed marks and its spaces after ideographs are
    counted from the same array.
    """

    def __init__(self, np, screen: _Screen) -> None:
        self.np, self.screen = np, screen
        self.candidates = [None, *screen.table.values()]  # by kind
        kind = np.zeros(0x110000, np.int16)
        kind[list(_ISSPACE)] = _WS
        kind[[ord(ch) for ch in "\n\r\f"]] = _BREAK
        kind[[ord(ch) for ch in _SPACES]] = _SPACE
        marks = sorted({ord(c.symbol) for c in screen.table.values()})
        self.usable = not kind[marks].any()  # no mark is whitespace (else: count with the regular expressions)
        kind[marks] = _MARK
        for k, c in enumerate(self.candidates[1:], 1):
            kind[ord(c.garbled)] = k
        self.kind = kind
        self.needs: dict[int, tuple] = {}  # id of a _Needs the screen keeps → its arrays by kind (_need)
        self.doubled = np.array([False, *(c.symbol in DOUBLED for c in self.candidates[1:])])
        symbols = [0, *(ord(c.symbol) for c in self.candidates[1:])]
        self.left, self.left_column = self._dense(screen.left)
        self.right, self.right_column = self._dense(screen.right)
        self.left_symbol, self.right_symbol = self.left_column[symbols], self.right_column[symbols]

    def _dense(self, terms: _Terms):
        """[candidate kind × neighbour column] of *terms*, and each code point's column (READ_AS applied).

        Made from the packed terms (:func:`_packed`) in array operations: the
        ~21,000 neighbours a side, one by one, cost ~7 ms a side (measured).
        """
        np = self.np
        packed = [terms.stored[c.garbled] for c in self.candidates[1:]]
        codes = np.frombuffer("".join(p[0] for p in packed).encode("utf-32-le", "surrogatepass"), np.uint32)
        kinds = np.repeat(np.arange(1, len(packed) + 1), [len(p[0]) for p in packed])  # each neighbour's candidate
        vocabulary = np.sort(codes)  # the characters in order, each once (np.unique's import costs ~10 ms)
        first = np.ones(len(vocabulary), bool)
        first[1:] = vocabulary[1:] != vocabulary[:-1]
        vocabulary = vocabulary[first]
        column = np.zeros(0x110000, np.int16 if len(vocabulary) < 32767 else np.int32)
        column[vocabulary] = np.arange(1, len(vocabulary) + 1)
        # (A character read as another takes the other's column, 0 where no term names the other.)
        column[[ord(ch) for ch in READ_AS]] = column[[ord(v) for v in READ_AS.values()]]
        table = np.empty((len(self.candidates), len(vocabulary) + 1))
        table[0] = 0.0
        table[1:] = np.array([p[2] for p in packed])[:, None]  # each candidate's default
        table[kinds, np.searchsorted(vocabulary, codes) + 1] = np.frombuffer(b"".join(p[1] for p in packed), np.float64)
        return table, column

    def _need(self, needs: _Needs):
        """*needs* as arrays by kind: needed, needed_outside, and whether a neighbour may be read as its mark
        (kept for the two the screen keeps, which live as long as it: their ids are theirs alone)."""
        found = self.needs.get(id(needs))
        if found is None:
            kinds, np = self.candidates[1:], self.np
            found = (*(np.array([0.0, *(side[c.garbled] for c in kinds)]) for side in needs[:2]),
                     np.array([False, *(c.garbled not in needs.printed_only for c in kinds)]))
            if needs is self.screen.base or needs is self.screen.no_corner:
                self.needs[id(needs)] = found
        return found

    def occurrences(self, text: str, needs: _Needs | None = None, seams: Seams | None = None
                    ) -> tuple[list[_Occurrence], _PageCounts | None, _Windows]:
        """:meth:`_Screen.occurrences` (*needs*: the page's, :meth:`_Screen.needs`; the base without; *seams*: among
        the candidates near them), the page's counts and its windows."""
        np, candidates = self.np, self.candidates
        needs = needs or self.screen.base
        need, need_outside, as_mark = self._need(needs)
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), np.uint32)
        kind = np.take(self.kind, codes)  # (take: half the time of indexing, on 1.9M code points)
        size = len(codes)
        at = np.flatnonzero(kind > 0)
        if seams is not None:  # (what _near keeps; the paragraph ends found in the array)
            ends = np.flatnonzero(codes == ord(PARAGRAPH_END)) if seams.paragraph_ends else at[:0]
            # (Without offsets the ends are the seams, as they are: a list of them and back costs ~1.5 ms on the
            # 25,279 of bench_repair's rejoined print page.)
            places = ends if not seams.offsets else np.array(_seam_offsets(seams, ends.tolist()), np.int64)
            k = np.minimum(np.searchsorted(places, at - SEAM_REACH), len(places) - 1)
            at = at[np.abs(places[k] - at) <= SEAM_REACH] if len(places) else at[:0]
        k = kind[at]
        # Doubled marks printed double: the screen's loop (it joins them).  (Their neighbours are compared where the
        # candidate is a doubled mark's alone: 要 and 噎 are ~4% of bench_repair's print page's 88,000 candidates.)
        doubled = self.doubled[k]
        if doubled.any():
            two = at[doubled]
            own = codes[two]
            doubled[doubled] = (((two > 0) & (codes[np.maximum(two - 1, 0)] == own))
                                | ((two + 1 < size) & (codes[np.minimum(two + 1, size - 1)] == own)))
        out = self.screen._occurrences(text, at[doubled].tolist(), None, needs)
        at, k = at[~doubled], k[~doubled]
        # Followed by a space: always goes on (a stray space is evidence of its own), as in the loop.
        spaced = np.zeros(len(at), bool)
        inner = at + 1 < size
        spaced[inner] = kind[at[inner] + 1] == _SPACE
        on = spaced & (need[k] < math.inf)  # (a form the page never prints never goes on: _Screen.needs)
        out += [_Occurrence(i, 1, candidates[j]) for i, j in zip(at[on].tolist(), k[on].tolist())]
        at, k = at[~spaced], k[~spaced]
        # The rest: the read of the nearest character each side that is not whitespace (BOUNDARY past the edges).
        # Most neighbours are the characters next to it; where one is whitespace, the text closed up says.
        closed = _Closed(np, kind)
        before = codes[np.maximum(at - 1, 0)].astype(np.int64)
        far = (at == 0) | _skipped(kind[np.maximum(at - 1, 0)])
        if far.any():
            place = closed.before(at[far])  # each candidate's own place in the text closed up
            before[far] = np.where(place > 0, codes[closed.at(np.maximum(place - 1, 0))], ord(BOUNDARY))
        after = codes[np.minimum(at + 1, size - 1)].astype(np.int64)
        far = (at + 1 == size) | _skipped(kind[np.minimum(at + 1, size - 1)])
        if far.any():
            place = closed.before(at[far])
            after[far] = np.where(place + 1 < closed.size, codes[closed.at(np.minimum(place + 1, closed.size - 1))],
                                  ord(BOUNDARY))
        score = self._term(self.left, self.left_column, self.left_symbol, k, before, as_mark)
        score += self._term(self.right, self.right_column, self.right_symbol, k, after, as_mark)
        passed = score >= need_outside[k]
        maybe = np.flatnonzero(~passed & (score >= need[k]))  # passes where a title or quote may enclose it
        if len(maybe):
            may_enclose, places = self.screen.partners.may_enclose, at[maybe].tolist()
            passed[maybe] = [may_enclose(text, i) for i in places]
        out += map(_Occurrence._make, zip(at[passed].tolist(), repeat(1), [candidates[j] for j in k[passed].tolist()]))
        out.sort(key=itemgetter(0))
        windows = _Windows(np, text, codes, kind, closed, out)
        if seams is not None and seams.paragraph_ends:
            windows.ends_at = ends.tolist()  # (found already: FontRuns asks for them, :meth:`_Windows.paragraph_ends`)
        if not self.usable:
            return out, None, windows
        spaces = closed.gaps[kind[closed.gaps] == _SPACE]  # (the spaces among the whitespace found: no pass over the text)
        spaces = spaces[(spaces > 0) & (spaces + 1 < size)]
        spaces = spaces[_ideographs(np, codes[spaces - 1])]
        following = kind[spaces + 1]
        spaces = spaces[(following != _SPACE) & (following != _BREAK) & (following != _WS)]
        # (The marks are found once, for the count and for the run model's marks near winnable candidates.)
        counts = _PageCounts(len(windows._marks()), len(spaces),
                             int(np.count_nonzero(_ideographs(np, codes[spaces + 1]))))
        return out, counts, windows

    def _term(self, table, column, symbol_column, k, neighbours, as_mark):
        """:meth:`_Screen._term` of each candidate (kind *k*) and its neighbour (a code point); *as_mark*: by kind,
        whether a candidate neighbour may be read as its mark (:attr:`_Needs.printed_only`)."""
        np = self.np
        value = table[k, column[neighbours]]
        other = self.kind[neighbours]
        both = other > 0  # a candidate neighbour: its likelier reading
        both[both] = as_mark[other[both]]
        value[both] = np.maximum(value[both], table[k[both], symbol_column[other[both]]])
        return value


class _Closed:
    """The text closed up (the whitespace :func:`_reach` skips dropped), as offsets: from the whitespace's own,
    which are few, so that the many characters left need no array of their own."""

    def __init__(self, np, kind) -> None:
        self.np = np
        self.gaps = np.flatnonzero((kind == _SPACE) | (kind == _BREAK))  # offsets of the whitespace dropped
        self.size = len(kind) - len(self.gaps)  # characters left
        self.shifted = self.gaps - np.arange(len(self.gaps))  # characters left before each gap

    def before(self, offsets):
        """How many characters left stand before each of *offsets* (of the text)."""
        return offsets - self.np.searchsorted(self.gaps, offsets)

    def at(self, places):
        """The offset in the text of each character left at *places* (0 ≤ place < size)."""
        return places + self.np.searchsorted(self.shifted, places, side="right")


class _Windows:
    """What :func:`_reach` reads each side of every occurrence the vector screen found, without chosen marks.

    The *WINDOW_MOST* characters that are not whitespace before each
    occurrence and after it (BOUNDARY past the text's edges) are gathered from
    the screen's arrays in one operation: the decisions read them several
    times an occurrence (its window, the words and the name around it), each
    a slice of the text closed up otherwise.  Only once as many reads were
    asked for as there are occurrences: gathering costs about what one slice's
    read does an occurrence (1.7–2.6 µs an occurrence on bench_decisions.py's
    print and garbled files, against ~1.5 µs a read), and a page whose readings are
    mostly kept asks few (bench_repair's print page inside a repair: 6,374
    reads of its 16,116 occurrences, whose gathering cost 18–29 ms; the
    garbled file 172,319 of its 40,868: measured).  Till then :func:`_reach`
    reads the text itself, which reads the same.
    """

    def __init__(self, np, text: str, codes, kind, closed: _Closed, found: list[_Occurrence]) -> None:
        self.np, self.text, self.codes, self.kind, self.closed, self.found = np, text, codes, kind, closed, found
        self.mark_at = None  # the offsets of the page's printed marks, found when first asked for
        self.sentence_at = None  # those of them that end a sentence, the same
        self.ends_at: list[int] | None = None  # the offsets of its paragraph ends, the same (paragraph_ends)
        self.spans: dict[int, set[int]] = {}  # span → the occurrences whose windows lie within it (within)
        self.left: dict[int, tuple[str, int]] | None = None  # offset → (window before it, its characters)
        self.right: dict[int, tuple[str, int]] = {}
        self.asked = 0  # reads asked for before the windows were gathered

    def reach(self, i: int, step: int, count: int, chosen: dict[int, _Occurrence]) -> str | None:
        """``_reach(text, i, step, chosen, count)`` where *i* starts a read from an occurrence found, else None.

        With marks chosen, only a window of CONTEXT none of whose characters is one of them: the same as without.
        (None before the windows are gathered, see the class.)
        """
        if self.left is None:
            self.asked += 1
            if self.asked <= len(self.found):
                return None
            self._gather()
        if step < 0:
            found = self.left.get(i + 1)
            if found is None:
                return None
            window, real, far = found  # BOUNDARY * (WINDOW_MOST - real) + the characters
            if chosen and (count != CONTEXT or far < 0 or not chosen.keys().isdisjoint(range(far, i + 1))):
                return None
            return window[-(count if real >= count else real + 1):]
        found = self.right.get(i)
        if found is None:
            return None
        window, real, far = found  # the characters + BOUNDARY * (WINDOW_MOST - real)
        if chosen and (count != CONTEXT or far < 0 or not chosen.keys().isdisjoint(range(i, far + 1))):
            return None
        return window[: count if real >= count else real + 1]

    def within(self, at: int, span: int) -> bool:
        """Whether the WINDOW_MOST characters each side of the occurrence found at *at* that are not whitespace
        lie within *span* characters of it, or the text's edge does."""
        return at in self.within_set(span)

    def within_set(self, span: int) -> set[int]:
        """The offsets of the occurrences found that :meth:`within` holds for with *span*."""
        found = self.spans.get(span)
        if found is None:
            np, closed, most = self.np, self.closed, WINDOW_MOST
            starts = np.array([o.at for o in self.found], np.int64)
            ends = starts + np.array([o.length for o in self.found], np.int64)
            size = closed.size
            last = max(size - 1, 0)
            left = closed.before(starts) - most  # the farthest character each side, if there are enough
            right = closed.before(ends) + most - 1
            inside = starts <= span
            if size:
                inside |= (left >= 0) & (closed.at(np.clip(left, 0, last)) >= starts - span)
            fits = ends + span >= len(self.text)
            if size:
                fits |= (right < size) & (closed.at(np.clip(right, 0, last)) < ends + span)
            found = self.spans[span] = set(starts[inside & fits].tolist())
        return found

    def near_chosen(self, decisions: list[_Decision], chosen_at: list[int]) -> list[_Decision]:
        """The decisions :func:`_near_chosen` picks, picked at once."""
        np = self.np
        ats = np.array([d.occurrence.at for d in decisions], np.int64)
        chosen = np.array(chosen_at, np.int64)
        if not len(ats) or not len(chosen):
            return []
        lo = np.maximum(0, ats - 2 * CONTEXT - 2)
        hi = ats + np.array([d.occurrence.length for d in decisions], np.int64) + 2 * CONTEXT + 2
        last = len(chosen) - 1
        k = np.searchsorted(chosen, lo)
        k += (k <= last) & (chosen[np.minimum(k, last)] == ats)  # not the decision's own mark
        near = (k <= last) & (chosen[np.minimum(k, last)] < hi)
        return [d for d, n in zip(decisions, near.tolist()) if n]

    def paragraph_ends(self) -> list[int]:
        """:func:`_paragraph_ends` of the text, found in its array once: FontRuns asks each time it is made (twice
        a page that has winners), and the regular expression's match objects cost 2.3 ms on the 25,621 ends of
        bench_repair's rejoined print page, the array 0.9 ms (measured at the eleventh session's end)."""
        if self.ends_at is None:
            self.ends_at = self.np.flatnonzero(self.codes == ord(PARAGRAPH_END)).tolist()
        return self.ends_at

    def sentence_marks(self):
        """The offsets of the printed marks that end a sentence (an array): what FontRuns finds with
        ``_sentence_marks``, found once a page (FontRuns is made twice a page that has winners)."""
        if self.sentence_at is None:
            marks = self._marks()
            codes, ending = self.codes[marks], self.np.zeros(len(marks), bool)
            for ch in SENTENCE_ENDS:
                ending |= codes == ord(ch)
            self.sentence_at = marks[ending]
        return self.sentence_at

    def marks_near(self, ats: list[int], reach: float, ended: list[int], per_end: float) -> list[int]:
        """The offsets of the printed marks whose place along the run model is at most *reach* from that of an
        offset of *ats* (ascending), the sentence ends those of the printed marks and *ended* (ascending offsets
        of candidates): what FontRuns finds with ``_within_reach`` (the same sums, see _run_places)."""
        np, marks = self.np, self._marks()
        ats = np.array(ats, np.int64)
        if not len(ats) or not len(marks):
            return []
        # First the marks at most reach characters from one (a place is never nearer than the offset): fewer places.
        first = np.searchsorted(marks, ats - int(reach))
        after = np.searchsorted(marks, ats + int(reach), side="right")
        size = len(marks) + 1
        marks = marks[np.cumsum(np.bincount(first, minlength=size) - np.bincount(after, minlength=size))[:-1] > 0]
        sentence, ended = self.sentence_marks(), np.array(ended, np.int64)

        def places(offsets):
            return offsets + per_end * (np.searchsorted(sentence, offsets) + np.searchsorted(ended, offsets))

        winnable, place = places(ats), places(marks)
        nearest = np.searchsorted(winnable, place - reach)  # the first winnable place from the mark's − reach on
        inside = nearest < len(winnable)
        near = np.zeros(len(marks), bool)
        near[inside] = winnable[nearest[inside]] <= place[inside] + reach
        return marks[near].tolist()

    def _marks(self):
        if self.mark_at is None:
            self.mark_at = self.np.flatnonzero(self.kind == _MARK)
        return self.mark_at

    def _gather(self) -> None:
        np, codes, closed, most = self.np, self.codes, self.closed, WINDOW_MOST
        starts = np.array([o.at for o in self.found], np.int64)
        ends = starts + np.array([o.length for o in self.found], np.int64)
        size = closed.size
        self.left, self.right = {}, {}
        if not size or not len(starts):
            return
        for offsets, side, step in ((starts, self.left, -1), (ends, self.right, 1)):
            place = closed.before(offsets)  # characters not whitespace before each offset
            at = place[:, None] + (np.arange(-most, 0) if step < 0 else np.arange(most))
            inside = (at >= 0) & (at < size)
            raw = closed.at(np.clip(at, 0, size - 1))  # each character's offset in the text
            chars = np.where(inside, codes[raw], ord(BOUNDARY)).astype(np.uint32)
            joined = chars.tobytes().decode("utf-32-le", "surrogatepass")
            real = np.minimum(place if step < 0 else size - place, most)
            # The farthest character of a window of CONTEXT (what chosen marks must miss), -1 short of one.
            far = np.where(real >= CONTEXT, raw[:, most - CONTEXT if step < 0 else CONTEXT - 1], -1)
            windows = [joined[k : k + most] for k in range(0, len(joined), most)]
            side.update(zip(offsets.tolist(), zip(windows, real.tolist(), far.tolist())))


# The vector screen's windows of the text the running garble_changes call screens (None between calls; see _reach).
_WINDOWS: _Windows | None = None


def _skipped(kinds):
    """Which of *kinds* are whitespace :func:`_reach` skips."""
    return (kinds == _SPACE) | (kinds == _BREAK)


def _ideographs(np, codes):
    """Which of *codes* are ideographs (:func:`is_ideograph`)."""
    (lo, hi), (lo2, hi2) = IDEOGRAPH_RANGES
    return ((codes >= lo) & (codes <= hi)) | ((codes >= lo2) & (codes <= hi2))


def _neighbour(text: str, i: int, step: int) -> str:
    """The first character from ``text[i]`` in direction *step* that is not whitespace (BOUNDARY past the edge).

    :func:`_reach` of one character, without chosen marks; the screen reads tens of thousands of
    neighbours across line ends, where this loop costs a third of a slice closed up (measured).
    """
    i += step
    while 0 <= i < len(text):
        if text[i] not in _WHITESPACE_SET:
            return text[i]
        i += step
    return BOUNDARY


# Characters screened in a process, one text or many (a file of pages), from which on `narrow` is used:
# there the look-ups have cost about what compiling it does, once a process (measured).
NARROW_FROM = 500_000
# ... and from which on the vector screen (numpy) is, on texts of at least VECTOR_TEXT characters.  Importing
# numpy and making the screen's tables cost ~100 ms CPU once a process; the screen and the page's counts then
# cost 27 ms instead of 128 on bench_repair's 5 MB print page, 17 instead of 96 on real-dev's 5 MB (54 and 47
# ns a character), and the reads they make possible more.  Repair reads a page twice (as it comes, then
# rejoined: 1.86M and 1.71M characters of bench_repair's page): from 1M characters on, the garble decisions of
# that repair cost 0.51 s CPU instead of 0.63 (from 2M), real-dev's 0.32 s instead of 0.40.  Below 5,000
# characters a text, one call's own overhead is more than it saves (real-dev paragraphs joined to
# 2,000/5,000/10,000 characters: 51/29/21 ns a character against the loop's 30; all measured).
VECTOR_FROM = 1_000_000
VECTOR_TEXT = 5_000


def _screen_terms(lm: CharLM, pairs: tuple[tuple[str, str], ...]):
    """Per candidate, its left and right bigram terms by neighbour, each with the default for any other.

    Working them out takes ~85,000 model look-ups (0.4 s), more than a page's
    repair, so they are kept in the user's cache like the lexicon, each
    candidate's packed (:func:`_packed`; the doubles in this machine's byte
    order, which the key names).
    """
    stat = default_charlm_path().stat()
    # (4: since corner quotes are read as curly ones, charlm.CORNER_QUOTES, a corner quote's terms are a curly one's.)
    left, right = cached("screen", f"4|{sys.byteorder}|{stat.st_size}|{stat.st_mtime_ns}|{pairs}",
                         lambda: tuple({g: _packed(*terms) for g, terms in side.items()}
                                       for side in _work_out_screen_terms(lm, pairs)))
    return _Terms(left), _Terms(right)


def _packed(terms: dict[str, float], default: float) -> tuple[str, bytes, float]:
    """A candidate's terms as its neighbours in one string and their terms as an array of doubles, in turn.

    Loaded, they are two objects instead of a string and a float for each of its ~150 neighbours: the vector
    screen reads the array as it is (:meth:`_VectorScreen._dense`), the loop a dict made from them.
    """
    neighbours = "".join(terms)
    if len(neighbours) != len(terms):
        raise ValueError("a screen term's neighbour is one character")
    return neighbours, array("d", terms.values()).tobytes(), default


class _Terms(dict):
    """A candidate → its terms by neighbour (:class:`_Neighbours`) and the default for any other, made from its
    packed copy (:func:`_packed`) when the screen first asks for it (a page asks for the few it prints)."""

    def __init__(self, stored: dict[str, tuple[str, bytes, float]]) -> None:
        super().__init__()
        self.stored = stored

    def __missing__(self, g: str) -> tuple[_Neighbours, float]:
        neighbours, terms, default = self.stored[g]
        found = self[g] = (_Neighbours(neighbours, array("d", terms), default), default)
        return found


class _Neighbours(dict):
    """One candidate's term by neighbour, the default for a neighbour it names none for: ``terms[ch]``.

    Each neighbour is looked up in the packed copy when first asked for and
    kept.  The seed page asks 46 candidates' terms at ~400 places: their whole
    dicts (~31,000 neighbours) cost ~3 ms a process (counted, measured).
    """

    __slots__ = ("neighbours", "terms", "default")

    def __init__(self, neighbours: str, terms: array, default: float) -> None:
        super().__init__()
        self.neighbours, self.terms, self.default = neighbours, terms, default

    def __missing__(self, ch: str) -> float:
        k = self.neighbours.find(ch) if len(ch) == 1 else -1
        value = self[ch] = self.terms[k] if k >= 0 else self.default
        return value

    def whole(self) -> dict[str, float]:
        """Every neighbour the candidate has a term for, with it."""
        return dict(zip(self.neighbours, self.terms))


def _work_out_screen_terms(lm: CharLM, pairs: tuple[tuple[str, str], ...]) -> tuple[dict, dict]:
    left, right = {}, {}
    for g, symbol in pairs:
        s = normalise(symbol)
        terms = {ch: lm.logp(ch, s) - lm.logp(ch, g) for ch in {*lm.predecessors(g), *lm.predecessors(s), *lm.raised_near(s)}}
        left[g] = (terms, lm.logp("", s) - lm.logp("", g))
        terms = {ch: lm.logp(s, ch) - lm.logp(g, ch) for ch in {*lm.followers(g), *lm.followers(s), *lm.raised_near(s)}}
        right[g] = (terms, lm.backoff(s) - lm.backoff(g))
    return left, right


CONTEXT = HISTORY  # characters each side the trigram model reads
# The commonest surnames, whose model probabilities give P(a name starts here): the top 60 start
# 51% of jieba's person names (counted), and the sum is scaled by that share.
SURNAMES_SUMMED = 60


def _read(lm: CharLM, prepared: _Prepared, text: str, d: _Decision, chosen: dict[int, _Occurrence],
          window: tuple[str, str] | None = None) -> None:
    """Set *d*'s context and partner terms (:func:`_read_terms`), kept by what they are read from (_reading_key).

    (*window*: its window with *chosen* in place, where the caller has read it already.)
    """
    if window is None and chosen:
        window = _window(text, d.occurrence, chosen)
    key = _reading_key(prepared, text, d, window)
    if not _recalled(prepared, d, key):
        _read_anew(lm, prepared, text, d, chosen, window, key)


def _recalled(prepared: _Prepared, d: _Decision, key: tuple | None) -> bool:
    """Whether *d*'s terms were kept under *key* (:func:`_reading_key`); they are set then."""
    found = None if key is None else prepared.readings.get(key)
    if found is None:
        return False
    _take(d, found)
    return True


def _take(d: _Decision, kept: tuple[float, str, float]) -> None:
    """Set *d*'s terms to those kept for its reading (:func:`_read_anew`)."""
    d.context, d.reading, d.partner = kept


def _read_anew(lm: CharLM, prepared: _Prepared, text: str, d: _Decision, chosen: dict[int, _Occurrence],
               window: tuple[str, str] | None, key: tuple | None, scored: tuple[float, float] | None = None) -> None:
    """:func:`_read` where nothing was kept under *key*, keeping what it reads there (*scored*: see :func:`_read_terms`)."""
    _read_terms(lm, prepared, text, d, chosen, window, scored)
    if key is not None and not prepared.partners.chained(text, d.occurrence):
        if len(prepared.readings) >= READINGS_KEPT:
            prepared.readings.clear()
        prepared.readings[key] = (d.context, d.reading, d.partner)


# Where fewer of a page's first reads than this share are new readings (not kept, the page's repeats counted once:
# _reading_key), they are read one by one:
# the windows of a page that repeats itself were mostly read before, and scoring them together costs more than
# it saves (bench_decisions.py, against reading one by one: its print file, 21% new, 1.09–1.11× as long scored
# together, 1.04–1.10× inside repair; its real-dev files, 96% and 100% new, 0.99–1.03× garbled and 0.79–0.80× clean:
# measured).  Those measurements only bracket the cut: 0.5 is a chosen cut between the measured 0.21 (slower
# together) and 0.96 (faster), not fitted; no file measured falls between them.
READ_TOGETHER_SHARE = 0.5


def _read_first(lm: CharLM, prepared: _Prepared, text: str, decisions: list[_Decision], page: _Windows | None) -> None:
    """:func:`_read` each of *decisions* without marks chosen; on a page the vector screen read whose readings are
    mostly new (READ_TOGETHER_SHARE), the new readings' windows scored together first (:func:`_raw_terms`)."""
    keys = _reading_keys(prepared, text, decisions, None)
    # (A reading the page repeats is read once: the first keeps it for the others, read after every first.  Each
    # decision's key is looked up once here, and once more for all the repeats of one reading: on bench_repair's
    # print page in a repair ~10,000 of the 11,391 decisions repeat one of ~500 readings new to the process, which
    # the first reads looked up four times each.)
    once, repeats, kept = [], {}, prepared.readings
    for d, key in zip(decisions, keys):
        if key is None:
            once.append((d, key))
        elif (found := kept.get(key)) is not None:
            _take(d, found)
        elif (later := repeats.get(key)) is not None:
            later.append(d)
        else:
            repeats[key] = []
            once.append((d, key))
    ds = [d for d, _ in once]
    raws = _raw_terms(lm, page.np, text, ds) if page is not None and len(once) > READ_TOGETHER_SHARE * len(decisions) else {}
    for d, key in once:
        window, scored = raws.get(d.occurrence.at, (None, None))
        _read_anew(lm, prepared, text, d, {}, window, key, scored)
    for key, later in repeats.items():
        found = kept.get(key)  # (kept by the first, unless it is a number's chain or the readings kept filled up since)
        for d in later:
            if found is not None:
                _take(d, found)
            elif not _recalled(prepared, d, key):
                _read_anew(lm, prepared, text, d, {}, None, key)


def _raw_terms(lm: CharLM, np, text: str, decisions: list[_Decision]
               ) -> dict[int, tuple[tuple[str, str], tuple[float, float]]]:
    """Offset → the window (:func:`_window`, no marks chosen), and the raw context term of :func:`_read_terms` and
    the log10 P of the window as printed (:func:`_context`'s), of each of *decisions* of one character whose
    window holds CONTEXT characters each side, their windows scored together (:meth:`CharLM.scores`).

    A window's whitespace is closed up first, as :func:`_read_terms` reads it: a garbled mark may leave a stray
    space after it (bench/bench_decisions.py garbles real-dev text leaving one after half the garbled marks,
    eval_garbles' space_rate of 0.5, a chosen share), and on that text 20,911 of the 40,868 first reads (each
    of one window) have whitespace in their window (counted); read one by one, they cost most of the window
    reads.  (The others, at the text's edges, and a doubled mark's, are read one by one.)
    """
    read, windows = [], []
    for d in decisions:
        o = d.occurrence
        if o.length != 1:
            continue
        left, right = _window(text, o, {})
        if len(left) == CONTEXT == len(right):
            read.append((o.at, (left, right)))
            windows.append(normalise(left + o.candidate.symbol + right))  # (as _window_logp reads them)
            windows.append(normalise(left + o.candidate.garbled + right))
    if not read:
        return {}
    scores = lm.scores(np, windows, CONTEXT)
    return {at: (window, (scores[2 * k] + _clause_cap(lm, windows[2 * k], CONTEXT) - scores[2 * k + 1], scores[2 * k + 1]))
            for k, (at, window) in enumerate(read)}


def _reread(lm: CharLM, prepared: _Prepared, text: str, d: _Decision, chosen: dict[int, _Occurrence],
            before: dict[int, _Occurrence]) -> None:
    """Read *d*, read before with the marks *before* in place, again with *chosen* in place, where they change its window.

    Its terms are read from the text as printed (the partner search, the words
    and names around it), its space term and its window alone: a window the
    chosen marks leave as it was reads the same terms again.  (On the garbled
    real-dev text of bench/bench_decisions.py, 16,771 decisions stand near a
    chosen mark, 4,306 of them with their window changed: counted.)  The two windows differ where a character
    of it is a mark in one and not in the other (a mark's character is never its garbled form's): only its
    places are found, and the window with *chosen* read only there.  (On bench_repair's print page in a repair,
    20 of the 1,732 windows read again change, most of them across line ends, where a window is read closed up.)
    """
    for k in _window_offsets(text, d.occurrence):
        now, then = chosen.get(k), before.get(k)
        if now is not then and (now is None or then is None or now.candidate.symbol != then.candidate.symbol):
            _read(lm, prepared, text, d, chosen, _window(text, d.occurrence, chosen))
            return


def _most_winnable(lm: CharLM, prepared: _Prepared, text: str, o: _Occurrence, space: _SpaceEvidence,
                   style: float = 0.0) -> float:
    """The most the winnable sum (context + space + partner) of *o*'s decision can be, whatever the page decides
    around it.

    :func:`_weigh` reads it first without marks chosen; the marks chosen
    then change it only where they stand in its window (:func:`_reread`) —
    each combination of the candidates there is read, as any may win — or
    where it is the garbled partner of a paired mark that won
    (:meth:`_Partners.of_winners`: at most :meth:`_Partners.most_as_partner`).  *style*: its quote style on
    the page (:func:`quote_style`; 0, its most, where the page is not known).
    """
    table = prepared.table
    inside = [at for at in _window_offsets(text, o) if text[at] in table]
    d = _Decision(o, 0.0, "text", space.ratio(text, o), style=style)
    best = -math.inf
    for k in range(1 << len(inside)):
        chosen = {at: _Occurrence(at, 1, table[text[at]]) for bit, at in enumerate(inside) if k >> bit & 1}
        _read_terms(lm, prepared, text, d, chosen)
        best = max(best, d.context + d.space + _most_partner(prepared.partners, text, d))
    return best


def _most_partner(partners: _Partners, text: str, d: _Decision) -> float:
    """The most *d*'s partner term can become as the page decides: the won partner of a paired mark
    (:meth:`_Partners.of_winners`), or, for a mark read by its enclosure, inside a garbled opener decided
    a mark anywhere before it (:meth:`_Partners.enclosed_by_winners`: at most :meth:`_Partners.most_enclosed`)."""
    o = d.occurrence
    symbol = o.candidate.symbol
    most = max(d.partner, partners.most_as_partner(symbol))
    return max(most, partners.most_enclosed(text, o)) if symbol in partners.enclosure else most


def _window_offsets(text: str, o: _Occurrence) -> list[int]:
    """Where the characters of *o*'s window (:func:`_window`: CONTEXT each side, whitespace skipped) stand in *text*."""
    before = islice(_visible(text, o.at - 1, -1, -1), CONTEXT)
    return [*before, *islice(_visible(text, o.at + o.length, 1, len(text)), CONTEXT)]


def _visible(text: str, start: int, step: int, end: int) -> Iterator[int]:
    """The offsets from *start* towards *end* (not included), by *step*, of the characters that are not whitespace."""
    for j in range(start, end, step):
        if text[j] not in _WHITESPACE_SET:
            yield j


def _read_terms(lm: CharLM, prepared: _Prepared, text: str, d: _Decision, chosen: dict[int, _Occurrence],
                window: tuple[str, str] | None = None, scored: tuple[float, float] | None = None) -> None:
    """Set *d*'s context and partner terms, the partner only where its value can matter.

    A decision whose terms stay at or below :data:`EVIDENCE` even with the most
    its partner can add is neither winnable nor evidence of its run: its
    partner term (a search of the window) is not worked out.  (*window*: its
    window with *chosen* in place, where the caller has read it already; *scored*: the raw context term read
    from it and its log10 P as printed, where the caller has scored them already, :func:`_raw_terms`.)
    """
    o = d.occurrence
    left, right = window or _window(text, o, chosen)
    if scored is None:
        raw = _window_logp(lm, left, o.candidate.symbol * o.length, right) - _window_logp(lm, left, o.candidate.garbled * o.length, right)
    else:
        raw = scored[0]
    raw += d.style  # (P(」 | h) = P(” | h) × the page's corner share: the model reads 」 as ”)
    if raw + d.space + prepared.partners.most_at(text, o.at, o.candidate.symbol) <= EVIDENCE:
        d.context, d.reading, d.partner = raw, "text", 0.0
        return
    d.partner = prepared.partners.ratio(text, o)
    d.context, d.reading = _context(lm, prepared, text, d, raw, left, right, None if scored is None else scored[1])


# Context and partner terms kept per model, by the text they are read from (see _reading_key): a file of
# pages repeats its furniture, bylines, datelines (bench_repair's print page, its pages repeated, reads 428
# different slices 9,929 times: counted).  16,384 of them take ~9 MB (a 121-character slice and the terms,
# ~550 bytes each).
READINGS_KEPT = 16_384


def _reading_key(prepared: _Prepared, text: str, d: _Decision, window: tuple[str, str] | None) -> tuple | None:
    """What *d*'s terms are read from, where the vector screen can tell that it all lies in a slice of the text.

    The partner term searches ``partner_window`` characters each side of the
    text as printed (a number's chain of partners goes on from a partner found
    there: such a reading is not kept, :meth:`_Partners.chained`); the
    context term reads its window (with the marks chosen so far in place) and
    :data:`WINDOW_MOST` characters each side that are not whitespace, as
    printed.  Where those lie within the slice of ``partner_window``
    characters each side (or it reaches the text's edge), the slice, where the
    occurrence is in it, the space term and the quote style (the page's own) and, with marks
    chosen, the *window* read with them in place decide the terms.
    """
    return _reading_keys(prepared, text, [d], window)[0]


def _reading_keys(prepared: _Prepared, text: str, decisions: list[_Decision], window: tuple[str, str] | None
                  ) -> list[tuple | None]:
    """:func:`_reading_key` of each of *decisions*, in one loop: the first reads ask it of every decision of a page
    (~15,000 of bench_repair's print page in a repair), where a call and a span search each cost ~1/3 of it."""
    windows = _WINDOWS
    if windows is None or windows.text is not text:
        return [None] * len(decisions)
    span = prepared.partners.window
    within = windows.within_set(span)
    keys = []
    for d in decisions:
        o = d.occurrence
        at = o.at
        if at not in within:
            keys.append(None)
        else:
            lo = at - span if at > span else 0
            keys.append((text[lo : at + o.length + span], at - lo, o.length, d.space, d.style, window))
    return keys


def _window(text: str, o: _Occurrence, chosen: dict[int, _Occurrence]) -> tuple[str, str]:
    """The CONTEXT characters each side of *o*, whitespace closed up, chosen marks in place."""
    start, end = o.at - CONTEXT, o.at + o.length + CONTEXT
    quick = text[start:end] if start >= 0 else ""
    if len(quick) == end - start and _WHITESPACE_SET.isdisjoint(quick) and not chosen:
        return quick[:CONTEXT], quick[-CONTEXT:]  # most windows: nothing to skip or put in
    return _reach(text, o.at - 1, -1, chosen), _reach(text, o.at + o.length, 1, chosen)


def _context(lm: CharLM, prepared: _Prepared, text: str, d: _Decision, raw: float, left: str, right: str,
             printed: float | None = None) -> tuple[float, str]:
    """log10 P(window with the mark) − log10 P(window as printed), whitespace closed up; and the printed reading.

    The printed character is also read as part of a dictionary word or a name
    (:func:`_other_reading`) when the mark could otherwise win: those readings
    only make the printed text likelier.  Its window (*left*, *right*) stands
    in their text as read, with the marks chosen there in place: a neighbour
    decided a mark is no character of a word or a name (说袁野能源 with 袁
    read as ， is no name 袁野).  (Only the window's: what a re-read and
    :func:`_most_winnable` go by, and the readings kept are keyed on.)  (*printed*: the window's log10 P as
    printed, where the caller has scored it already.)
    """
    o = d.occurrence
    if o.length == 1 and raw + d.space + d.partner > LEAST_BAR:
        if printed is None:
            printed = _window_logp(lm, left, o.candidate.garbled, right)
        # (One read before it for both: a shorter read is the last characters of the longer one, see _reach.)
        far_left = _reach(text, o.at - 1, -1, {}, count=max(WORD_REACH, NAME_REACH))
        window, at = _unbroken(text, o.at, far_left[-WORD_REACH:], left, right)
        before = normalise(far_left[-NAME_REACH:][:-CONTEXT] + left)
        alternative, name = _other_reading(lm, prepared.lexicon, o.candidate.garbled, window, at, before, left, right)
        if alternative > printed:
            return raw - (alternative - printed), name
    return raw, "text"


@lru_cache(maxsize=65536)
def _window_logp(lm: CharLM, left: str, middle: str, right: str) -> float:
    """log10 P of *middle* and *right* after *left* (the terms a substitution in *middle* changes), a mark in
    *middle* that closes or opens a clause of one ideograph capped (:func:`_clause_cap`)."""
    window = normalise(left + middle + right)
    logp = lm.score(window, len(left), len(window))
    return logp + _clause_cap(lm, window, len(left)) if len(middle) == 1 else logp


@cache
def clause_marks() -> dict[str, float]:
    """Mark pair "ac" → log10 P(c | a, then one ideograph) in real-dev train (data/clause_marks.json,
    corpora/fit_clause_marks.py)."""
    with open(os.path.join(DATA_DIR, "clause_marks.json"), encoding="utf-8") as handle:
        return json.load(handle)["logp"]


def _clause_cap(lm: CharLM, window: str, at: int) -> float:
    """What the model's P(c | a H) loses, capped at the rate of c after a mark a and one ideograph H in real-dev
    train, for the trigrams of *window* that end at the mark at *at* or that it opens (scored from *at* on) and
    that the model never saw (a trigram it saw, 、俄、 in a list, keeps its own estimate).

    For a trigram of two marks round one ideograph it never saw, the model backs off to P(c | H), which knows
    nothing of the mark before it: P(） | ，明) reads 10^−4.96, P(。 | ，野) 10^−3.23,
    where a comma is followed by one ideograph and then ）, 。 or ， 0 times of 143,600 in train (a clause is
    seldom one character long).  Capping only lowers a mark's reading (the printed character in its slot is no
    mark): what the screens bound stays bounded.  The model itself is left as it is: the layout reader's joins
    (textfix.order) read it too, and were not measured with the cap."""
    if window[at] not in PROSE_MARK_SET:  # (the printed reading: its character is no mark)
        return 0.0
    rates, total = clause_marks(), 0.0
    for k in (at, at + 2):
        if 2 <= k < len(window) and is_ideograph(window[k - 1]):
            rate = rates.get(window[k - 2] + window[k])
            if rate is not None and not lm.has_trigram(window[k - 2 : k], window[k]):
                total += min(0.0, rate - lm.logp(window[k - 2 : k], window[k]))
    return total


@lru_cache(maxsize=65536)
def _other_reading(lm: CharLM, lexicon: Lexicon, g: str, window: str, at: int, before: str, left: str, right: str
                   ) -> tuple[float, str]:
    """The likeliest reading of the printed *g* as part of a dictionary word or a person's name.

    (log10 P of the window, which reading); *window* is the text around *g*
    (at *at*) for words, *before* the four characters before it for names.
    A name is a surname and one or two given-name characters (the dictionary's
    person names give each share).  Where the name starts before the
    character, its start is read against what the model made of the
    characters already there, so the window stays the same one the mark is read in.
    """
    best = max([_on_route(_word_reading(lm, lexicon, word, at - start, left, right), word, window, start)
                for word, start in lexicon.words_covering(window, at)], default=(-math.inf, ""))
    r1, r2 = (normalise(ch) for ch in (right + "  ")[:2])
    given = lexicon.given_logp
    if lexicon.starts_names(g) and is_ideograph(r1):
        start = _name_start_logp(lm, lexicon, normalise(left))
        best = max(best, (start + math.log10(lexicon.surname_share(g)) + _given_two(lm, lexicon, r1, r2), "name"))
    if len(before) >= 2 and lexicon.starts_names(before[-1]):
        starts = _starts_name_here(lm, lexicon, before[-3:-1], before[-1])
        best = max(best, (starts + _given_two(lm, lexicon, g, r1) + lm.logp(g + r1, r2), f"name {before[-1]}{g}"))
    if len(before) >= 3 and is_ideograph(before[-1]) and lexicon.starts_names(before[-2]):
        starts = _starts_name_here(lm, lexicon, before[-4:-2], before[-2]) + given(before[-1]) - lm.logp(before[-3:-1], before[-1])
        best = max(best, (min(starts, 0.0) + math.log10(lexicon.three_character_share) + given(g) + _after_name(lm, r1)
                          + lm.logp(g + r1, r2), f"name {before[-2:]}{g}"))
    return best


def _after_name(lm: CharLM, ch: str) -> float:
    """log10 P(*ch* after a person's name): anything, the model's probability of it alone."""
    return lm.logp("", ch)


@lru_cache(maxsize=65536)
def _given_two(lm: CharLM, lexicon: Lexicon, first: str, then: str) -> float:
    """log10 P(*first* then *then* after a surname): a two-character name's given character and what follows
    the name, or a three-character name's given name.

    The three-character given name is read as the pair the dictionary's names
    count where that is likelier than its two characters apart (先生, 女士:
    袁女士 is a name, though 女 and 士 are rare in given names); never less.
    The pair's share is the larger of its counts' and its names' (how many
    surnames it follows: a title such as 老师 follows any surname, though the
    dictionary counts each of its names at the floor).
    """
    three, given = lexicon.three_character_share, lexicon.given_logp
    apart = 10 ** (given(first) + given(then))
    pair = max(lexicon.given_pair_share(first + then), lexicon.given_pair_type_share(first + then))
    return math.log10(10 ** given(first) * (1 - three) * 10 ** _after_name(lm, then) + three * max(apart, pair))


def _on_route(logp: float, word: str, window: str, start: int) -> tuple[float, str]:
    """A word reading's log10 P, less by how far off the text's likeliest segmentation the word lies, weighed
    by ``segment_weight`` (see :data:`FEATURES`); and the reading as ``--explain`` names it.

    指出院: 出院 is a word, but the window segments as 指出 院 (jieba's route: P(指出) P(院) is 25 times
    P(指) P(出院)); a word the text's own segmentation keeps (医院 in 去医院看病) loses nothing.
    """
    weight = fitted()["segment_weight"]
    if not weight:
        return logp, f"word {word}"
    off = load_segments().off_route(window, start, start + len(word))
    if not off:
        return logp, f"word {word}"
    return logp + weight * off, f"word {word}, {off:+.2f} off the segmentation"


def _word_reading(lm: CharLM, lexicon: Lexicon, word: str, k: int, left: str, right: str) -> float:
    """log10 P of the printed character (``word[k]``) and *right*, read as part of *word*.

    The word gives its character and those after it in the window together,
    given its characters before (the model's left context already has them):
    P(word) / P(its characters before).  The window's characters after the word
    are the model's, read after it; the word's beyond the window are not the
    window's, and are given back their own probability.
    """
    inside = min(len(word) - k - 1, len(right))  # the word's characters after the printed one, in the window
    logp = lexicon.logp(word) - sum(lexicon.logp(c) for c in word[:k]) + sum(lexicon.logp(c) for c in word[k + 1 + inside:])
    history = (left + word[k] + right[:inside])[-CONTEXT:]
    return min(logp, 0.0) + _window_logp(lm, history, "", right[inside:])


def _starts_name_here(lm: CharLM, lexicon: Lexicon, history: str, surname: str) -> float:
    """log10 P(a name starts with *surname*, given that the model has it there after *history*), at most 0."""
    start = _name_start_logp(lm, lexicon, history) + math.log10(lexicon.surname_share(surname))
    return min(0.0, start - lm.logp(history, surname))


@lru_cache(maxsize=65536)
def _name_start_logp(lm: CharLM, lexicon: Lexicon, history: str) -> float:
    """log10 P(a person's name starts after *history*) (its last two characters).

    How often real news starts a name after those two characters (:func:`name_after`: names follow 主席
    or a paragraph's start far more often than the character model's broadcast copy says, 丝路 less),
    smoothed towards the model's estimate (:func:`_model_name_start_logp`, :func:`smoothed_name_start`);
    a history the table lacks (seen rarely) reads the model's estimate alone.
    """
    model = 10 ** _model_name_start_logp(lm, lexicon, history)
    table = name_after()
    counted = table.counts(name_history(history))
    if counted is None:
        return math.log10(model)
    names, seen = counted
    return math.log10(smoothed_name_start(names, seen, model, _commonest_surnames(lm, lexicon)[1],
                                              table.prior_events))


def smoothed_name_start(names: int, seen: int, model: float, covered: float, alpha: float) -> float:
    """P(a name starts here) from a history's counts: *names* of the commonest surnames' (scaled up by the
    share of names they start, *covered*, as the model's estimate is) in *seen* positions, smoothed towards
    the model's estimate *model* by *alpha* (``prior_events``) positions' worth; never below the model's.

    (The train text is article bodies, without the bylines and datelines a page prints: 记者 is followed by
    a name 0 times in its 785, where a page's 本报记者 袁野 is; so fewer names than the model expects are
    not evidence against one.  Taken at their count, they changed bylines in corpora/repair/traps.json.)"""
    return max(model, (names / covered + alpha * model) / (seen + alpha))


def name_history(history: str) -> str:
    """The key *history* is counted under in :func:`name_after`: its last two characters, or from the last
    paragraph boundary in them on (a paragraph's start is the same start whatever the paragraph before ended with)."""
    history = history[-HISTORY:]
    return history[history.rfind(BOUNDARY):] if BOUNDARY in history else history


class NameAfter(NamedTuple):
    """:func:`name_after`'s table packed: its histories' codes (:func:`history_code`), sorted, and beside each
    its counts.  Its 23,000 histories read from the JSON cost a process ~20 ms, and the collector's walk of
    their lists after the garble decisions ~5 ms more; packed, the table loads in a fraction of a millisecond
    (measured on the seed page, whose decisions ask for it)."""

    codes: array  # "q": each counted history's code, ascending
    names: array  # "q": positions where a name of the commonest surnames starts after that history
    seen: array  # "q": positions after that history
    prior_events: float

    def counts(self, history: str) -> tuple[int, int] | None:
        """(names, seen) counted after *history* (a key of :func:`name_history`'s), or None if it is not counted."""
        code = history_code(history)
        at = bisect_left(self.codes, code)
        if at == len(self.codes) or self.codes[at] != code:
            return None
        return self.names[at], self.seen[at]


def history_code(history: str) -> int:
    """One integer for a history (:func:`name_history`'s, at most charlm.HISTORY characters; up to three fit
    array("q")'s 63 bits, 21 each), distinct for each (code points shifted by one, so that a shorter history
    never shares a longer one's code)."""
    code = 0
    for ch in history:
        code = (code << 21) | (ord(ch) + 1)  # code points are below 2 ** 21 - 1
    return code


def pack_name_after(histories: dict[str, list[int]], prior_events: float) -> NameAfter:
    """The table of *histories* ({history: [names, seen]}) packed as :class:`NameAfter`."""
    coded = sorted((history_code(h), counts) for h, counts in histories.items())
    return NameAfter(array("q", [code for code, _ in coded]), array("q", [counts[0] for _, counts in coded]),
                     array("q", [counts[1] for _, counts in coded]), prior_events)


NAME_AFTER_FORMAT = 2  # of the packed table in the disk cache (1: with the histories no name started after)


@lru_cache(maxsize=1)
def name_after() -> NameAfter:
    """Per two characters, how often a person's name starts after them in real-dev train (see FEATURES).

    Read from data/name_after.json once per machine and kept packed in the disk cache (:func:`cached`)."""
    source = os.path.join(DATA_DIR, "name_after.json")
    stat = os.stat(source)
    key = f"{NAME_AFTER_FORMAT}|{source}|{stat.st_size}|{stat.st_mtime_ns}"
    *columns, prior_events = cached("name_after", key, lambda: _packed_name_after(source))
    return NameAfter(*(array("q", column) for column in columns), prior_events)


def _packed_name_after(source: str) -> tuple[bytes, bytes, bytes, float]:
    """data/name_after.json's table as :func:`cached` keeps it: the packed columns' bytes, then prior_events.

    Only the histories some name started after are kept (2,404 of 23,317): :func:`smoothed_name_start` never
    reads below the model's estimate, so one after which none did reads the model's, as one not counted does.
    A history longer than charlm.HISTORY (a table fitted for a longer model) is never asked for
    (:func:`name_history` cuts to HISTORY), and its code might overflow the packed column: dropped too."""
    with open(source, encoding="utf-8") as handle:
        fitted = json.load(handle)
    raising = {history: counts for history, counts in fitted["histories"].items()
               if counts[0] and len(history) <= HISTORY}
    table = pack_name_after(raising, fitted["prior_events"])
    return table.codes.tobytes(), table.names.tobytes(), table.seen.tobytes(), table.prior_events


@lru_cache(maxsize=65536)
def _model_name_start_logp(lm: CharLM, lexicon: Lexicon, history: str) -> float:
    """log10 P(a person's name starts after *history*), as the character model puts it.

    Each of the commonest surnames: the model's probability of the character
    there, times the share of its uses that start a name (方 is
    mostly 方面, 袁 mostly a surname); scaled up by how many names those surnames cover.
    """
    top, covered = _commonest_surnames(lm, lexicon)
    return math.log10(lm.expected(history, top) / covered)


def commonest_surnames(lexicon: Lexicon) -> list[str]:
    """The :data:`SURNAMES_SUMMED` surnames that start the most of the dictionary's person names."""
    return sorted(lexicon.surnames, key=lexicon.surnames.__getitem__, reverse=True)[:SURNAMES_SUMMED]


@lru_cache(maxsize=4)
def _commonest_surnames(lm: CharLM, lexicon: Lexicon) -> tuple[Weights, float]:
    """The :data:`SURNAMES_SUMMED` commonest surnames, each with the share of its count that starts a name,
    and the share of the dictionary's names they start."""
    top = commonest_surnames(lexicon)
    return Weights(lm, {s: 10 ** lexicon.surname_logp(s) for s in top}), sum(lexicon.surname_share(s) for s in top)


def _unbroken(text: str, i: int, far_left: str, near_left: str, near_right: str) -> tuple[str, int]:
    """The text around ``text[i]`` with whitespace closed up, its CONTEXT characters each side *near_left* and
    *near_right* (its window as read: :func:`_window`), and where the character is in it; *far_left*: the
    WORD_REACH characters before it as printed (``_reach(text, i - 1, -1, {}, WORD_REACH)``)."""
    left = (far_left[:-CONTEXT] + near_left).lstrip(BOUNDARY)
    right = (near_right + _reach(text, i + 1, 1, {}, WORD_REACH)[CONTEXT:]).rstrip(BOUNDARY)
    return left + text[i] + right, len(left)


WORD_REACH = LONGEST_WORD - 1  # characters each side of a candidate the longest dictionary word looked up can take
NAME_REACH = 4  # characters before a candidate a name reading looks at: the context of a three-character name's start
WINDOW_MOST = max(CONTEXT, WORD_REACH, NAME_REACH)  # the most characters a decision reads each side
# How far from a seam (:func:`garble_changes`) a candidate's decision is taken again, in characters of the text
# as it stands: the characters each side a decision's windows, words and names read (WINDOW_MOST, whitespace
# skipped), and two more for whitespace among them (a paragraph's end as read is a character of the window and
# a blank line's second break one more).  Counted in characters, not in the windows' own (whitespace skipped):
# a candidate with more whitespace than that between it and a seam (a stray space too) keeps the printed
# lines' decision although its window reaches the seam, part of the approximation garble_changes states
# (the same output on every train measure, BENCHMARKS.md, the seventeenth session).
SEAM_REACH = WINDOW_MOST + 2


def _reach(text: str, i: int, step: int, chosen: dict[int, _Occurrence], count: int = CONTEXT) -> str:
    """Up to *count* characters from *i* on in direction *step*, whitespace skipped, decided marks in place.

    Where the text runs out, :data:`BOUNDARY` stands for its edge.  A read of *n* is the *n* characters of
    a longer read nearest *i* (the last before it, the first after it), its edge included.
    """
    windows = _WINDOWS
    if windows is not None and windows.text is text and count <= WINDOW_MOST:
        found = windows.reach(i, step, count, chosen)  # read from the vector screen's arrays, where it has them
        if found is not None:
            return found
    width, size = count + 2, len(text)
    while True:  # a slice wide enough to hold *count* characters once its whitespace is dropped
        lo, hi = (max(0, i - width + 1), i + 1) if step < 0 else (i, min(size, i + width))
        closed = text[lo:hi].translate(_DROP_WHITESPACE) if lo < hi else ""
        if len(closed) >= count or (lo == 0 if step < 0 else hi >= size):
            break
        width *= 4
    if chosen and not chosen.keys().isdisjoint(range(lo, hi)):
        closed = "".join(chosen[k].candidate.symbol if k in chosen else text[k]
                         for k in range(lo, hi) if text[k] not in _WHITESPACE_SET)
    if step < 0:
        return closed[-count:] if len(closed) >= count else BOUNDARY + closed
    return closed[:count] if len(closed) >= count else closed + BOUNDARY


def _near_chosen(o: _Occurrence, chosen_at: list[int]) -> bool:
    """Whether a chosen mark (*chosen_at*: their offsets, sorted) stands within reach of *o*'s window, not at *o*."""
    lo, hi = max(0, o.at - 2 * CONTEXT - 2), o.at + o.length + 2 * CONTEXT + 2
    k = bisect_left(chosen_at, lo)
    if k < len(chosen_at) and chosen_at[k] == o.at:
        k += 1
    return k < len(chosen_at) and chosen_at[k] < hi


# The quotes' forms a page prints, corner and curly (charlm.CORNER_QUOTES).
_CORNER, _CURLY = tuple(CORNER_QUOTES), tuple(CORNER_QUOTES.values())
_NO_CORNER = dict.fromkeys(_CORNER, -math.inf)


def quote_style(text: str) -> dict[str, float]:
    """log10 P(a quote's form | the page): each quote symbol → log10 of its form's share among the quotes *text*
    prints as themselves (see FEATURES, ``quote style``); a symbol left out reads 0.

    The model reads a corner quote as its curly form, so P(」 | h) = P(” | h) × the corner share.  The share is
    counted with Jeffreys' add-½ to each form, the non-informative prior of a binomial share: a page that prints
    a few corner quotes and no curly one keeps some chance for a curly one (one 「 printed: 3/4 corner), less
    pulled to ½ than add-one (2/3).  A page that prints no corner quote gets share 0, no corner quote restored:
    news prints none (0 of real-dev train's 27,242 quotes), and nothing on the page says otherwise.
    """
    if not any(ch in text for ch in _CORNER):  # (most pages: a search stops at the first, a count reads on)
        return _NO_CORNER
    corner = sum(map(text.count, _CORNER))
    share = (corner + 0.5) / (corner + sum(map(text.count, _CURLY)) + 1.0)
    return {**dict.fromkeys(_CORNER, math.log10(share)), **dict.fromkeys(_CURLY, math.log10(1.0 - share))}


class _SpaceEvidence:
    """A stray space after a garbled mark, against how often this page spaces after an ideograph anyway.

    Print spaces a digit or Latin run off from CJK, so a space before one is
    common after any character; a space between two ideographs is not.  Both
    shares are counted on the page (add-one smoothed).  No space is no
    evidence: whether the lost width shows as a space depends on the extractor.
    """

    # The space first, the ideograph before it a look-behind: the engine scans for the rarer space.
    _AFTER_IDEOGRAPH = regex.compile(rf"[{_SPACES}]+(?<=[{IDEOGRAPH}][{_SPACES}])(?=(\S))")

    def __init__(self, text: str, counts: _PageCounts | None = None) -> None:
        self.text, self.counts = text, counts  # counts: the vector screen's of the same spaces, where it read the text

    @cached_property
    def spaced(self) -> dict[bool, float]:
        """log10 likelihood ratio of a space after the character, by whether an ideograph follows the space."""
        space_after, text = fitted()["space_after_garble"], self.text
        characters = len(text) + 1  # all of them, not only ideographs: counting those costs a pass over the page
        if self.counts is not None:
            spaced, ideographs = self.counts.spaced, self.counts.spaced_ideograph
        else:
            following = self._AFTER_IDEOGRAPH.findall(text)  # the character after each such space
            spaced, ideographs = len(following), sum(map(is_ideograph, following))
        before_ideograph = 1 + ideographs
        before_other = 1 + spaced - ideographs
        return {True: math.log10(space_after * characters / before_ideograph),
                False: math.log10(space_after * characters / before_other)}

    def ratio(self, text: str, o: _Occurrence) -> float:
        return self.ratios(text, [o])[0]

    def ratios(self, text: str, occurrences: list[_Occurrence]) -> list[float]:
        """Each occurrence's space term: 0.0 where no space follows its mark (most; nothing more read)."""
        out = []
        for o in occurrences:
            end = o.at + o.length
            if text[end : end + 1] in _SPACE_AFTER:
                after = text[end : end + 8].lstrip(_SPACES)[:1]
                out.append(self.spaced[bool(after) and is_ideograph(after)])
            else:
                out.append(0.0)
        return out




class _Partners:
    """Paired marks come with their partner, numbers with the next of their series (①…②).

    The share of a symbol's occurrences whose partner stands within the window
    is fitted on real text (``partner_within``); the chance that one of the
    partner's printed forms (itself, its ASCII form, garbled) stands there
    anyway is their frequency in real text (the language model's unigrams):
    a short text is no sample of its own character frequencies.
    """

    def __init__(self, lm: CharLM, table: dict[str, Candidate]) -> None:
        params = fitted()
        self.window, within = params["partner_window"], params["partner_within"]
        garbled_forms = forms_by_symbol(table)

        def forms(partner: str) -> set[str]:  # how the partner may be printed: itself, its ASCII form, garbled
            return {partner, *garbled_forms.get(partner, ()), *ASCII_FORMS.get(partner, "")} if partner else set()

        def chance(chars: set[str]) -> float:  # that one of them stands within the window anyway
            return 1.0 - (1.0 - sum(10 ** lm.logp("", normalise(f)) for f in chars)) ** self.window

        def pattern(chars: set[str]) -> str | None:  # compiled when first searched (most pages need a few)
            return f"[{_class(chars)}]" if chars else None

        self.partners: dict[str, tuple[str | None, str | None, float, float]] = {}
        self._most: dict[str, float] = {}  # symbol → the largest term a partner found gives it
        # Marks read by the distance to their nearest other form (the dash), with the forms searched for.
        self.distance = {symbol: (frozenset({symbol, *garbled_forms.get(symbol, ())}), fit)
                         for symbol, fit in params.get("partner_distance", {}).items()}
        for symbol in {c.symbol for c in table.values()}:
            before, after = (forms(p) for p in partners_of(symbol))
            # (A corner quote's share is its curly form's: the same quote, see CORNER_QUOTES.)
            share = within.get(CORNER_QUOTES.get(symbol, symbol),
                               within["numbering"] if symbol_class(symbol) == "numbering" else None)
            if (before or after) and share is not None:
                odds = min(1.0 - 1e-9, chance(before) + chance(after))
                self.partners[symbol] = (pattern(before), pattern(after), share, odds)
                self._most[symbol] = max(0.0, math.log10(share / max(odds, 1e-9)))
        for symbol, (_, fit) in self.distance.items():
            self._most[symbol] = max(0.0, fit["none"], *fit["log10_ratio"])
        # Marks read by whether they stand inside an open title or quote (the interpunct and the dashes
        # — and －; — by its distance above as well), with their fit.
        self.enclosure: dict[str, dict[str, float]] = params.get("enclosure", {})
        # Outside every title or quote a mark read by its enclosure takes the state ``none`` whatever the page
        # decides (:meth:`most_at`): the most its partner term can be there, and where an opener may stand.
        self._most_outside: dict[str, float] = {}
        # symbol → (its largest enclosure term where an opener may enclose it, where none may: ``none``'s)
        self._enclosure_most: dict[str, tuple[float, float]] = {}
        for symbol, fit in self.enclosure.items():
            inside, outside = max(0.0, *(v for k, v in fit.items() if k != "counted")), max(0.0, fit["none"])
            self._enclosure_most[symbol] = inside, outside
            series = self._most.get(symbol, 0.0)
            self._most[symbol] = series + inside
            self._most_outside[symbol] = series + outside
        # An enclosure opens at an opener printed as itself, or at a garbled form of one decided it (野 as “).
        openers = set(ENCLOSERS) | {c.garbled for c in table.values() if c.symbol in ENCLOSERS}
        self._opener = re.compile(f"[{_class(openers)}]")

    def most(self, symbol: str) -> float:
        """The largest partner term *symbol* can get (0 for a symbol without a partner)."""
        return self._most.get(symbol, 0.0)

    def most_outside(self, symbol: str) -> float:
        """The largest partner term *symbol* can get where no title or quote can enclose it (:meth:`most_at`)."""
        return self._most_outside.get(symbol, self.most(symbol))

    def may_enclose(self, text: str, at: int) -> bool:
        """Whether a title or quote may enclose ``text[at]`` as the page decides: an opener, printed or a garbled
        form of one, stands within the window before it (:func:`_enclosing_at` looks nowhere else)."""
        return self._opener.search(text, max(0, at - self.window), at) is not None

    def most_at(self, text: str, at: int, symbol: str) -> float:
        """:meth:`most` for *symbol* at ``text[at]``: without an opener that may enclose it, its enclosure term
        stays that of ``none`` (:meth:`ratio`, :meth:`enclosed_by_winners`)."""
        if symbol in self._most_outside and not self.may_enclose(text, at):
            return self._most_outside[symbol]
        return self.most(symbol)

    def most_enclosed(self, text: str, o: _Occurrence) -> float:
        """The most the partner term of *o*, a mark read by its enclosure, can become as the page decides: its
        series term as printed (:meth:`_series` reads the printed text alone: the dash's distance to its nearest
        other form) and the largest enclosure term its place allows (as :meth:`most_at` takes them).

        (The settle pass's :func:`garble_changes_at` goes by it: 要 printed at a paragraph's end inside an open
        quote, 1.42 with the largest distance term of any dash, 0.69 with its own, no longer has the whole
        5 MB page of bench_decisions --pipeline decided a third time for no change; measured.)
        """
        if o.length > 1:
            return 0.0  # a doubled mark has no partner term (:meth:`ratio`), nor an enclosure's
        inside, outside = self._enclosure_most[o.candidate.symbol]
        return self._series(text, o) + (inside if self.may_enclose(text, o.at) else outside)

    def ratio(self, text: str, o: _Occurrence) -> float:
        """log10 likelihood ratio of the partners found (or not) around ``text[o.at]``, and of the title or quote
        it stands in (or not), as printed (:meth:`enclosed_by_winners` adds garbled openers decided marks)."""
        if o.length > 1:  # a doubled mark (要要 for ——) is fitted as one, without partners
            return 0.0
        fit = self.enclosure.get(o.candidate.symbol)
        inside = 0.0 if fit is None else fit[enclosure_state(text, o.at, self.window, marked=_MARKED in fit)]
        return self._series(text, o) + inside

    def chained(self, text: str, o: _Occurrence) -> bool:
        """Whether *o*'s partner term may read past the window each side of it: a number with a partner found
        within it, whose chain goes on from there (:meth:`_links`).  (A number without one, ~2,800 reads of
        bench_repair's print page in a repair, ~110 of them different, reads no farther than any mark: kept.)"""
        symbol = o.candidate.symbol
        return (o.length == 1 and symbol in self.partners and symbol_class(symbol) == "numbering"
                and bool(self._links(text, symbol, o.at, o.at + 1)))

    def enclosed_by_winners(self, text: str, decisions: list[_Decision], chosen: dict[int, _Occurrence]) -> bool:
        """Raise the partner term of each decision read by its enclosure that a garbled opener decided a mark
        (野 as “) puts inside a title or quote; whether any rose.  (Terms only rise here, as partners' do.)"""
        marks = {at: o.candidate.symbol for at, o in chosen.items()}
        openers = _Placed({at: m for at, m in marks.items() if m in ENCLOSERS or m in ENCLOSERS.values()})
        if not any(m in ENCLOSERS for m in openers.values()):
            return False
        changed = False
        for d in decisions:
            o = d.occurrence
            fit = self.enclosure.get(o.candidate.symbol)
            if fit is None or o.length > 1:
                continue
            marked = _MARKED in fit
            inside = enclosure_state(text, o.at, self.window, marks, marked, openers)
            if inside != "none" and inside != enclosure_state(text, o.at, self.window, marked=marked):
                term = self._series(text, o) + fit[inside]
                if term > d.partner:
                    d.partner, changed = term, True
        return changed

    def _series(self, text: str, o: _Occurrence) -> float:
        """log10 likelihood ratio of the partners found (or not) around ``text[o.at]``.

        A number's partners chain on (①…②…③): each further link in order is
        evidence of its own, as likely for a list as the first and as unlikely
        by chance as its own forms are.
        """
        symbol = o.candidate.symbol
        by_distance = self.distance.get(symbol)
        if by_distance is not None:
            forms, fit = by_distance
            at = distance_bin(nearest_form(text, o.at, forms, self.window), fit["bins"])
            return fit["log10_ratio"][at] if at < len(fit["bins"]) else fit["none"]
        found = self.partners.get(symbol)
        if found is None:
            return 0.0
        links = self._links(text, symbol, o.at, o.at + o.length)
        if not links:
            within, chance = found[2], found[3]
            return math.log10((1.0 - within) / (1.0 - chance))
        return sum(math.log10(within / max(chance, 1e-9)) for within, chance in links)

    def of_winners(self, text: str, chosen: dict[int, _Occurrence], table: dict[str, Candidate],
                   won: list[int] | None = None) -> dict[int, tuple[_Occurrence, float]]:
        """Offset → (a garbled form of a won paired mark's partner, log10 odds that it is the partner).

        The partner stands on its side within the window, and beyond the
        nearest form of the won mark itself (that one would be its partner).
        Where every form of the partner there is printed garbled (野 before a
        won 冶), each of the *k* is the partner with probability within / k
        (the fitted share of the window, split evenly: the language model
        tells them apart) until one of them is decided a mark: then that one
        (it keeps its share, through rounds of re-reading); one printed as
        itself (“) is taken to be the partner, and then nothing is added.
        *won*: the offsets of the marks of *chosen* to look from (all of them, without).
        """
        out = {}
        for at, o in chosen.items() if won is None else ((at, chosen[at]) for at in won if at in chosen):
            found = self._won(o.candidate.symbol) if o.length == 1 else None
            if found is None:
                continue
            before, forms, own, partner, within = found
            lo, hi = (max(0, at - self.window), at) if before else (at + 1, at + 1 + self.window)
            fences = [m.start() for m in _compiled(own).finditer(text, lo, hi)]
            if fences:  # another form of the won mark: the partner lies between it and the won mark
                lo, hi = (fences[-1] + 1, hi) if before else (lo, fences[0])
            hits = [(m.start(), table.get(m.group())) for m in _compiled(forms).finditer(text, lo, hi)]
            if not hits or any(c is None or c.symbol != partner for k, c in hits):
                continue
            share = within / len(hits)
            decided = [(k, c) for k, c in hits if k in chosen]  # a form decided already is the partner: the rest not
            for k, c in decided or hits:
                out[k] = (_Occurrence(k, 1, c), math.log10(share / (1.0 - share)))
        return out

    def _won(self, symbol: str) -> tuple[bool, str, str, str, float] | None:
        """For a paired *symbol* that won: (its partner stands before it, the pattern of the partner's forms,
        that of its own forms, the partner, partner_within); None for a symbol :meth:`of_winners` passes over."""
        if (symbol not in PAIRS and symbol not in CLOSERS) or symbol not in self.partners:
            return None
        before, after, within, _ = self.partners[symbol]
        partner = partners_of(symbol)[0 if before else 1]
        forms, own = before or after, self.partners[partner][1 if before else 0]
        return None if forms is None or own is None else (bool(before), forms, own, partner, within)

    @cached_property
    def _as_partner(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for symbol in self.partners:
            found = self._won(symbol)
            if found is not None:
                _, _, _, partner, within = found
                out[partner] = max(out.get(partner, -math.inf), math.log10(within / (1.0 - within)))
        return out

    def most_as_partner(self, symbol: str) -> float:
        """The largest partner term :meth:`of_winners` gives a garbled *symbol* (its share is within / k, at most
        within); −inf where no won mark has *symbol* as its partner."""
        return self._as_partner.get(symbol, -math.inf)

    def _links(self, text: str, symbol: str, start: int, end: int) -> list[tuple[float, float]]:
        """(share, chance) of each partner found: one for a paired mark, the whole ordered chain for a number."""
        links = []
        for side in (0, 1):
            at, current = (start, end), symbol
            while current in self.partners:
                forms, within, chance = self.partners[current][side], self.partners[current][2], self.partners[current][3]
                pattern = _compiled(forms) if forms else None
                hit = pattern and (pattern.search(text, max(0, at[0] - self.window), at[0]) if side == 0
                                   else pattern.search(text, at[1], at[1] + self.window))
                if not hit:
                    break
                links.append((within, chance))
                if symbol_class(symbol) != "numbering":
                    break
                if side == 0:  # the nearest partner before: the last match in the window
                    *_, hit = pattern.finditer(text, max(0, at[0] - self.window), at[0])
                at, current = (hit.start(), hit.end()), partners_of(current)[side]
        return links


def nearest_form(text: str, i: int, forms: frozenset[str] | set[str], window: int) -> int | None:
    """How many characters (whitespace not counted) from ``text[i]`` the nearest of *forms* stands, either side,
    within *window* characters of the text (None: none there)."""
    nearest = None
    for step in (-1, 1):
        end = max(-1, i - window - 1) if step < 0 else min(len(text), i + window + 1)
        found = next((d for d, j in enumerate(_visible(text, i + step, step, end), 1) if text[j] in forms), None)
        if found is not None and (nearest is None or found < nearest):
            nearest = found
    return nearest


def distance_bin(distance: int | None, bins) -> int:
    """The index of the first of *bins* (upper bounds, ascending) *distance* is within; len(bins) for none."""
    return len(bins) if distance is None else bisect_left(bins, distance)




def enclosing(text: str, at: int, window: int, openers: dict[int, str] | None = None) -> str | None:
    """The opener of :data:`ENCLOSERS` left open before ``text[at]`` within *window* characters, the nearest; None
    outside all.  *openers*: offset → the mark a garbled character there was decided to be (a chosen 《 or “, and
    a chosen closer closes), besides the marks printed as themselves."""
    return _enclosing_at(text, at, window, openers)[0]


def _enclosing_at(text: str, at: int, window: int, openers: dict[int, str] | None = None) -> tuple[str | None, int]:
    """:func:`enclosing`'s opener and its offset (-1 outside all)."""
    lo, best, where = max(0, at - window), None, -1
    for opener, closer in ENCLOSERS.items():
        k = text.rfind(opener, lo, at)
        if k > where and text.find(closer, k + 1, at) < 0:
            best, where = opener, k
    if not openers:
        return best, where
    placed = openers if isinstance(openers, _Placed) else _Placed(openers)
    order = placed.order
    for k in order[bisect_left(order, lo) : bisect_left(order, at)]:
        mark = placed[k]
        if mark in ENCLOSERS and k > where and text.find(ENCLOSERS[mark], k + 1, at) < 0:
            best, where = mark, k
        elif best is not None and mark == ENCLOSERS[best] and k > where:
            best, where = None, -1  # a chosen closer closes the nearest opener
    return best, where


class _Placed(dict):
    """Offset → the mark a garbled character there was decided to be, with the offsets in order (``order``): what
    :func:`_enclosing_at` reads of its window alone.  (Made once a round for every decision: sorting the page's
    chosen openers for each decision read by its enclosure took :meth:`_Partners.enclosed_by_winners` 0.34 s of
    the 4.8–5.4 s of bench/bench_decisions.py's garbled file, 0.04 s so; measured.)"""

    def __init__(self, marks: dict[int, str]) -> None:
        super().__init__(marks)
        self.order = sorted(marks)


# The suffix of an enclosure state (《， “，) where the title or quote holds another mark around the character, or
# the character stands first or last in it: a dash links the parts of a compound a quote names and holds no other
# mark (野县城要中心镇要重点村冶: on real-dev train all 75 single dashes inside a quote), 要 mostly stands in quoted
# speech (野以前看病要跑三四趟袁…冶) or starts a quoted phrase (野要粮冶) — counted.
HOLDS_MARKS = "，"
_MARKED = "“" + HOLDS_MARKS  # a fit with this state reads whether its enclosure holds marks (the dashes')


def enclosure_state(text: str, at: int, window: int, marks: dict[int, str] | None = None, marked: bool = False,
                    openers: dict[int, str] | None = None) -> str:
    """The state an enclosure term reads: ``none`` outside all, else the opener (:func:`enclosing`); with *marked*,
    the opener and :data:`HOLDS_MARKS` where the title or quote holds a prose mark between it and ``text[at]``, or
    the next one after ``text[at]`` within *window* is not its closer, or ``text[at]`` stands right after the opener
    or right before that closer.  *marks*: offset → the mark a garbled
    character there was decided to be (besides the marks printed as themselves); *openers*: those of them that
    open or close a title or quote (all of *marks* if not given)."""
    marks = marks or {}
    opener, where = _enclosing_at(text, at, window, marks if openers is None else openers)
    if opener is None:
        return "none"
    if not marked:
        return opener

    def mark(k: int) -> str | None:
        m = marks.get(k, text[k])
        return m if symbol_class(m) in ("punctuation", "brackets") else None

    inside = any(mark(k) for k in range(where + 1, at))
    after = next((k for k in range(at + 1, min(len(text), at + 1 + window)) if mark(k)), None)
    named = not inside and after is not None and mark(after) == ENCLOSERS[opener]
    # (A link has words on both sides: 野要粮冶, 要 first in its quote, is no compound's dash.)
    linked = at - where > 1 and after is not None and after - at > 1
    return opener if named and linked else opener + HOLDS_MARKS


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_PARAGRAPH_END_AT = re.compile(PARAGRAPH_END)


def _paragraph_ends(text: str) -> list[int]:
    """The offsets of *text*'s PARAGRAPH_END (see :func:`_as_read`)."""
    return [m.start() for m in _PARAGRAPH_END_AT.finditer(text)] if PARAGRAPH_END in text else []


class FontRuns:
    """A two-state model of a page's font runs: garbled or clean, switching along the text.

    Events are the candidates (a garbled run prints them whichever reading
    is right, so each is evidence by its likelihood ratio) and the marks printed
    as themselves (a garbled run hardly prints any: ``mark_in_garbled_run``).
    Between two events *d* characters apart the run goes on with probability
    exp(−d / run_length), times ``sentence_stay`` after an event whose mark ends a
    sentence, else (and always across a paragraph's end) the font
    is drawn afresh: garbled with the page's share, which EM estimates from the
    page, starting from ``garbled_share`` (the seed page's).  The share is not
    the noise model's learned rate: a twin garbled throughout says how this
    print garbles, not that every page is garbled, and must not make the
    repair of other pages less precise.
    """

    def __init__(self, text: str, printed_marks: re.Pattern[str], marks_on_page: int, decisions: list[_Decision],
                 page: _Windows | None = None, earlier: FontRuns | None = None) -> None:
        # Only candidates that may win need their run's state; the others are evidence when their
        # likelihood ratio says anything (over 1.1), and marks are read where the run model leaves them at least
        # exp(-REACH) of their weight on a winnable one (see _run_places): all else counts as clean events in the
        # page's share.
        # (Winnable or above EVIDENCE is one sum against the lower of the two; and the winnable ones are looked for
        # among these candidates alone, not among all decisions: on bench_repair's print page a FontRuns is made
        # three times a repair, each reading the sum of ~10,000 decisions twice before.)
        lowest = min(LEAST_BAR, EVIDENCE)
        self.candidates = [d for d in decisions if d.context + d.space + d.partner > lowest]
        # (Both offset lists sorted: the searches below, by bisect or by numpy's searchsorted, need them ascending, and
        # nothing but the way _weigh happens to make the decisions puts the candidates in offset order.)
        winnable = sorted(d.occurrence.at for d in self.candidates if d.winnable)
        run_length, stay = fitted()["run_length"], fitted()["sentence_stay"]
        reach = REACH * run_length  # characters of the run model (_run_places)
        per_end = run_length * math.log(1.0 / stay)  # a sentence's end: as far as this many characters
        ended = sorted(d.occurrence.at for d in self.candidates if d.occurrence.candidate.symbol in SENTENCE_ENDS)
        self.near = (winnable, ended)  # what the marks read are found from
        # (A mark is read where one winnable candidate is near it, so the marks of more winnable ones are the marks of
        # the others and those near the ones added: *earlier*, a FontRuns of the same text and sentence ends, had the
        # others.  On bench_repair's print page the second FontRuns of the first pass has 124 winnable ones more.)
        added = winnable
        if earlier is not None and earlier.text is text and earlier.near[1] == ended:
            before = set(earlier.near[0])
            if before.issubset(winnable):
                added = [at for at in winnable if at not in before]
        self.marks = _marks_near(text, printed_marks, page, added, ended, reach, per_end)
        if added is not winnable:
            self.marks = sorted({*earlier.marks, *self.marks}) if self.marks else earlier.marks
        self.far_marks = marks_on_page - len(self.marks)
        # A font is set for a paragraph or a part of one (a bold lead sentence), not across paragraphs: where
        # the text marks its paragraphs' ends (PARAGRAPH_END: see garble_changes), a run ends there.
        self.paragraph_ends = page.paragraph_ends() if page is not None else _paragraph_ends(text)
        self.text = text
        self.np = page.np if page is not None else None  # (numpy, where the vector screen read the page)
        self.events: list[_Decision | None] | None = None
        self.ats: list[int] | None = None  # each event's offset (decide)
        self.held: _Pass | None = None  # the last forward-backward pass over the events (decide)
        self.prior = self.share = fitted()["garbled_share"]

    def follow(self, earlier: FontRuns) -> None:
        """Start from *earlier*'s estimate of the share, and take its events and their stays where they are the
        same (the same candidates and marks: the winners' re-reads changed the terms, not which are events; on
        bench_repair's print page making them is ~6 ms of the ~24 ms of a decide, measured)."""
        self.share = earlier.share
        same = len(self.candidates) == len(earlier.candidates) and all(map(is_, self.candidates, earlier.candidates))
        if earlier.events is None or not same:
            return
        if self.marks == earlier.marks:
            self.events, self.stays, self.mark_ratio = earlier.events, earlier.stays, earlier.mark_ratio
            self.ats = earlier.ats
            self.held = earlier.held  # (its last pass: the same events, where the share is the same too, see _forward_backward)
            return
        added = sorted(set(self.marks).difference(earlier.marks))
        if earlier.held is not None and len(added) + len(earlier.marks) == len(self.marks):  # (its marks and more)
            self._take_with(earlier, added)

    def _take_with(self, earlier: FontRuns, added: list[int]) -> None:
        """Take *earlier*'s events with the marks at *added* (ascending offsets) put in, and its last pass re-indexed
        to them, for :func:`_passed_again`: an event put in, and each event beside one, counts as changed (its ratio
        NaN, never a float it had), so that every message whose stay or neighbour is new is worked out anew.

        (The run model made again after the winners' re-reads has the same candidates and the marks near the
        winnable ones it added, a few more: on bench_repair's print page 21 of 13,151 events.  Making its events
        and passing over them anew cost ~25 ms a repair, measured.)
        """
        ats, held = earlier.ats, earlier.held
        places = [bisect_left(ats, at) for at in added]  # (where each goes among the earlier events)
        self.ats = _put_in(ats, places, added)
        self.events = _put_in(earlier.events, places, repeat(None))
        self.mark_ratio = earlier.mark_ratio
        new = [place + k for k, place in enumerate(places)]  # their indices among the events now
        nan = repeat(math.nan)
        forward, backward = _put_in(held.forward, places, nan), _put_in(held.backward, places, nan)
        forward[0], backward[-1] = held.forward[0], held.backward[-1]  # (the first and last messages are the share's)
        ratios, stays = _put_in(held.ratios, places, nan), _put_in(held.stays, places, nan)
        n = len(self.ats)
        for i in new:
            lo, hi = max(i - 1, 0), min(i + 2, n)
            stays[lo + 1 : hi] = self._stays(self.ats[lo:hi], self.events[lo:hi])[1:]
            ratios[lo:hi] = [math.nan] * (hi - lo)
        stays[0] = 0.0
        self.stays = stays
        self.held = _Pass(held.share, stays, ratios, forward, backward, _put_in(held.posterior, places, nan),
                          _put_in(held.leave_out, places, nan))

    def decide(self, decisions: list[_Decision], rounds: int = EM_ROUNDS) -> None:
        """Set each decision's ``run`` term: log10 P(garbled run | every other event on the page).

        The page's garbled share is re-estimated *rounds* times (EM); later calls start from the last estimate.
        """
        if self.events is None:
            mark = fitted()["mark_in_garbled_run"]
            events = sorted([(d.occurrence.at, d) for d in self.candidates] + [(at, None) for at in self.marks],
                            key=itemgetter(0))
            self.events = [d for _, d in events]
            self.mark_ratio = mark
            self.ats = [at for at, _ in events]
            self.stays = self._stays(self.ats, self.events)
        ratios = [self.mark_ratio if d is None else d.likelihood_ratio for d in self.events]
        a, b = PRIOR_EVENTS * self.prior, PRIOR_EVENTS * (1 - self.prior)
        for _ in range(rounds):
            posterior = _forward_backward(ratios, self.stays, self.share, np=self.np).posterior
            self.share = (sum(posterior) + a) / (len(ratios) + self.far_marks + a + b)
        self.held = _forward_backward(ratios, self.stays, self.share, self.held, self.np)
        posterior, leave_out = self.held.posterior, self.held.leave_out
        total, count = sum(posterior) + a, len(ratios) + self.far_marks + a + b
        odds = self.share / (1.0 - self.share)
        for d, p, own in zip(self.events, leave_out, posterior):
            if d is not None:
                # The share was estimated with this candidate's own evidence in it: on a short text
                # that would count it twice, so its prior is the share estimated without it.
                without = (total - own) / (count - 1)
                p_odds = p / (1.0 - p) * (without / (1.0 - without)) / odds
                d.run = math.log10(max(p_odds / (1.0 + p_odds), 1e-300))

    def _stays(self, ats: list[int], events: list[_Decision | None]) -> list[float]:
        """The chance the run goes on from each of *events* (at *ats*, ascending) to the next: the first's 0.0 (its
        run is drawn afresh), then the stays :meth:`decide` takes."""
        run_length = fitted()["run_length"]
        paragraph = self._paragraphs(ats)  # (a paragraph ends between two events where theirs differ)
        # A font is set for a sentence or more (a bold lead sentence): after a mark that ends a sentence, printed
        # or the candidate's, the run goes on only by sentence_stay (corpora/fit_garble_runs.py; see SENTENCE_ENDS).
        stay_after_end = fitted()["sentence_stay"]
        text = self.text  # (inline: ~20,000 events a decide)
        across = [stay_after_end if (text[at] if d is None else d.occurrence.candidate.symbol) in SENTENCE_ENDS
                  else 1.0 for at, d in zip(ats, events)]
        return [0.0] + [0.0 if p != q else k * math.exp(-(b - a) / run_length)
                        for a, b, p, q, k in zip(ats, ats[1:], paragraph, paragraph[1:], across)]

    def _paragraphs(self, offsets: list[int]) -> list[int]:
        """Each of *offsets*' paragraph: how many paragraph ends stand before it.  (One search an offset, not two a
        pair of neighbours: 15,000 offsets among the 25,641 ends of bench_repair's rejoined print page take 4.8 ms,
        not 8.9, measured; the settle pass there has ~1,000 events, a paragraph a line of real-dev many more.)"""
        ends = self.paragraph_ends
        return [bisect_left(ends, at) for at in offsets] if ends else [0] * len(offsets)


def _marks_near(text: str, printed_marks: re.Pattern[str], page: _Windows | None, winnable: list[int], ended: list[int],
                reach: float, per_end: float) -> list[int]:
    """The offsets of the printed marks whose place along the run model (:func:`_run_places`, the sentence ends
    those of the printed marks and *ended*) is at most *reach* from that of one of *winnable* (both ascending)."""
    if page is not None:  # the vector screen's array of the text: the same marks, found at once
        return page.marks_near(winnable, reach, ended, per_end)
    ends = sorted(ended + _sentence_marks(text, printed_marks))
    near, end, most = [], 0, int(reach)  # (a sentence's end only takes a mark farther along the run)
    for at in winnable:
        lo = max(end, at - most)
        end = at + most + 1
        near.extend(m.start() for m in printed_marks.finditer(text, lo, end))
    return _within_reach(near, winnable, reach, ends, per_end)


# The marks that end a sentence, where a font run set for a sentence ends: the full-width ones the +0x31 shift
# garbles (遥 浴 猿 for 。！？).  An ellipsis or a closing quote may end a sentence or not; the seed page's gold, on
# which sentence_stay is fitted, ends its garbled runs at 。 only.
# An event of the run model ends a sentence where it is such a mark printed as itself, or a candidate whose mark
# is one (遥 for 。: in the garbled run its reading would have the sentence end there).
SENTENCE_ENDS = frozenset("。！？")


# A mark is read as an event of the run model only where the chance the run goes on from it to a winnable
# candidate, exp(-d / run_length) times sentence_stay for each sentence's end on the way, is at least exp(-REACH):
# farther, less than 8% of its weight on the candidate is left (and it counts as a clean event in the share).
# Chosen on train (the eighteenth session, BENCHMARKS.md): of 2.5 and ln(1 / sentence_stay) = 2.08, only 2.5
# leaves bench/eval_garbles.py --part train (seeds 0 and 1, --articles), bench/clean_text.py, bench/settle.py,
# the sentence corpora and count_garble_errors.py on train501-507 as they were at 4 (2%); it reads 13,151
# events in the first run model of bench_repair's print page, not 20,712, and moves no winnable candidate's run
# term there by more than 0.006.  At 2.08 no mark past a sentence end is read (a sentence end alone is that
# far): 8,030 events, but run terms move by up to 0.87 and one mark more is left garbled at seed 1.
REACH = 2.5
EVIDENCE = -1.0  # log10: a candidate whose mark is ten times less likely than its text tells little of its run

_SENTENCE_END_AT = re.compile(f"[{_class(SENTENCE_ENDS)}]")


def _sentence_marks(text: str, printed_marks: re.Pattern[str]) -> list[int]:
    """The offsets of *text*'s printed marks that end a sentence (events ending a sentence, see SENTENCE_ENDS)."""
    return [m.start() for m in _SENTENCE_END_AT.finditer(text) if printed_marks.match(text, m.start())]


def _run_places(offsets: list[int], ends: list[int], per_end: float) -> list[float]:
    """Each offset's place along the run model: the offset, plus *per_end* characters for each of the sentence
    ends (*ends*, ascending) before it.

    Between an event at *a* and a later one at *b* the run goes on by
    exp(-(b - a) / run_length) times sentence_stay for each event that ends a
    sentence from *a* on, before *b* (FontRuns.decide's stays): with *per_end*
    run_length · ln(1 / sentence_stay), that is exp(-(place(b) - place(a)) /
    run_length), since the ends before *b* and not before *a* are those.
    """
    return [at + per_end * bisect_left(ends, at) for at in offsets]


def _within_reach(marks: list[int], ats: list[int], reach: float, ends: list[int], per_end: float) -> list[int]:
    """The offsets of *marks* whose place (:func:`_run_places`) is at most *reach* from that of an offset of *ats*
    (both ascending)."""
    places = _run_places(ats, ends, per_end)
    out = []
    for at, place in zip(marks, _run_places(marks, ends, per_end)):
        k = bisect_left(places, place - reach)
        if k < len(places) and places[k] <= place + reach:
            out.append(at)
    return out


def _put_in(items: list, places: list[int], values: Iterable) -> list:
    """*items* with each of *values* put in before the item at its place of *places* (ascending, indices of *items*)."""
    out, last = [], 0
    for place, value in zip(places, values):
        out += items[last:place]
        out.append(value)
        last = place
    out += items[last:]
    return out


class _Pass(NamedTuple):
    """One forward-backward pass over a page's events (:func:`_forward_backward`): what it read and worked out."""

    share: float
    stays: list[float]
    ratios: list[float]
    forward: list[float]  # P(garbled) at each event from the left, before its own evidence
    backward: list[float]  # the same from the right
    posterior: list[float]  # P(garbled | all events)
    leave_out: list[float]  # P(garbled | all events but its own)


def _forward_backward(ratios: list[float], stays: list[float], share: float, held: _Pass | None = None, np=None
                      ) -> _Pass:
    """P(garbled | all events) and P(garbled | all events but its own) at each event.

    *ratios*: each event's likelihood ratio, garbled against clean; *stays*: the
    chance the run goes on from the event before (the first is ignored).
    *held*: a pass over the same events and stays, whose ratios may differ
    (:func:`_passed_again`).  *np*: numpy, where the vector screen read the page (:func:`_combined_all`).
    """
    # (Lists walked with zip, each product worked out as the recurrence has it: the same floats, faster.)
    fresh = [(1.0 - stay) * share for stay in stays]  # each event's chance of a fresh run, times the share
    if held is not None and held.share == share and held.stays == stays:  # (the same events: the same stays)
        return _passed_again(ratios, stays, fresh, held)
    fwd = []  # P(garbled) from the left, before the event's own evidence
    g = share
    for stay, new, r in zip(stays, fresh, ratios):
        g = stay * g + new
        fwd.append(g)
        gr = g * r
        g = gr / (gr + 1.0 - g)  # the event's own evidence
    bwd = []  # P(garbled) from the right, before the event's own evidence
    g = share
    for stay, new, r in zip(reversed(stays), reversed(fresh), reversed(ratios)):
        bwd.append(g)
        gr = g * r
        g = gr / (gr + 1.0 - g)
        g = stay * g + new
    bwd.reverse()
    posterior, leave_out = _combined_all(fwd, bwd, ratios, share / (1.0 - share), np)
    return _Pass(share, stays, ratios, fwd, bwd, posterior, leave_out)


def _combined(f, w, r, prior_odds: float):
    """P(garbled | all events) and P(garbled | all events but its own) of an event, from its two messages (*f*
    from the left, *w* from the right: independent views of its state, combined over the shared prior) and its
    ratio *r*: of one event (floats), or of every event at once (numpy arrays: the same operations on the same
    doubles, element by element, so the same floats)."""
    odds = (f / (1.0 - f)) * (w / (1.0 - w)) / prior_odds
    full = odds * r
    return full / (1.0 + full), odds / (1.0 + odds)


def _combined_all(fwd: list[float], bwd: list[float], ratios: list[float], prior_odds: float, np=None
                  ) -> tuple[list[float], list[float]]:
    """:func:`_combined` of each event, as two lists (posteriors, leave-outs): with *np* (numpy) over arrays of
    the three, else event by event.  (A whole pass of bench_repair's print page combines ~13,150 events: as
    arrays, read with np.fromiter and back with tolist, ~13M instructions less a pass than one by one, counted.)"""
    if np is None:
        combined = [_combined(f, w, r, prior_odds) for f, w, r in zip(fwd, bwd, ratios)]
        return [p for p, _ in combined], [q for _, q in combined]
    columns = (np.fromiter(column, float, len(column)) for column in (fwd, bwd, ratios))
    return tuple(column.tolist() for column in _combined(*columns, prior_odds))


def _passed_again(ratios: list[float], stays: list[float], fresh: list[float], held: _Pass) -> _Pass:
    """:func:`_forward_backward` of *ratios* where *held* passed over the same events, stays and share: the same floats.

    A message from the left is worked out from the one before and that
    event's ratio alone (from the right, the one after): from an event whose
    ratio changed, they are worked out anew until one is again the float
    *held* had, before an event whose ratio is the same; the rest are
    *held*'s.  An event's posterior and leave-out read its two messages and
    ratio, and are worked out anew where one changed.  (The second run model
    of bench_repair's print page, after the winners' re-reads: 756 of 20,712
    ratios changed, 4,773 messages from the left.)
    """
    old = held.ratios
    changed = [t for t, (a, b) in enumerate(zip(old, ratios)) if a != b]
    if not changed:
        return held._replace(ratios=ratios)
    n, fwd, bwd, redo = len(ratios), held.forward[:], held.backward[:], set(changed)
    k = 0
    while k < len(changed):
        t = changed[k]
        g = fwd[t]
        while t + 1 < n:
            gr = g * ratios[t]
            g = stays[t + 1] * (gr / (gr + 1.0 - g)) + fresh[t + 1]  # (the floats of _forward_backward's steps)
            t += 1
            if g != fwd[t]:
                fwd[t] = g
                redo.add(t)
            elif ratios[t] == old[t]:
                break  # the same message and evidence: held's until the next change
        k = bisect_right(changed, t)
    k = len(changed) - 1
    while k >= 0:
        t = changed[k]
        g = bwd[t]
        while t > 0:
            gr = g * ratios[t]
            g = stays[t] * (gr / (gr + 1.0 - g)) + fresh[t]
            t -= 1
            if g != bwd[t]:
                bwd[t] = g
                redo.add(t)
            elif ratios[t] == old[t]:
                break
        k = bisect_left(changed, t) - 1
    share = held.share
    prior_odds = share / (1.0 - share)
    posterior, leave_out = held.posterior[:], held.leave_out[:]
    for t in redo:
        posterior[t], leave_out[t] = _combined(fwd[t], bwd[t], ratios[t], prior_odds)
    return _Pass(share, stays, ratios, fwd, bwd, posterior, leave_out)


def _change(text: str, d: _Decision, model: NoiseModel, explained: dict[tuple, tuple[float, str]] | None = None
            ) -> tuple:
    """(start, end, old, new, rule, confidence, why) of the won decision *d*; *explained*: the confidence and
    why of the terms explained so far (:func:`_explain_kept`)."""
    o = d.occurrence
    start, end = o.at, o.at + o.length
    symbol = o.candidate.symbol * o.length
    if o.candidate.symbol_class != "brackets" or symbol in "）］｝〕】」』〉》〗":
        while end < len(text) and text[end] in _SPACES:  # the mark's lost width is a stray space after it
            end += 1
    confidence, why = _explain_kept(d, {} if explained is None else explained)
    return (start, end, text[start:end], model.styled(symbol), f"garble:{o.candidate.mechanism}", confidence, why)


def _explain_kept(d: _Decision, explained: dict[tuple, tuple[float, str]]) -> tuple[float, str]:
    """*d*'s confidence and why, from its terms: kept in *explained* by them, as a page repeats its decisions' terms
    (bench_repair's print page: 146 different among its 2,930 winners; their strings cost ~6 µs a winner).

    Equal terms print the same, bar a zero's sign: a zero term is left out of
    the why, and the margin, their sum, is a zero of either sign only where
    all of them are: such a margin's why is made anew.
    """
    margin = d.margin
    key = (d.context, d.style, d.space, d.partner, d.run, d.reading, d.mark_glyph, d.garbled_font)
    found = explained.get(key) if margin else None
    if found is None:
        found = _explain(d, margin)
        if margin:
            explained[key] = found
    return found


def _explain(d: _Decision, margin: float) -> tuple[float, str]:
    confidence = round(1.0 / (1.0 + 10 ** (-margin)), 4)
    parts = [f"{name} {value:+.2f}" for name, value in (("context", d.context - d.style), ("quote style", d.style), ("stray space", d.space),
                                                         ("partner", d.partner), ("font run", d.run)) if value]
    if d.mark_glyph:
        parts.append("drawn with the mark's glyph")
    elif d.garbled_font:
        parts.append("font run 0 (set in a garbled font)")
    if not d.mark_glyph and margin <= THRESHOLD and d.bar < THRESHOLD:  # (a mark's glyph wins whatever the bar)
        parts.append(f"in a run held garbled: wins by {d.bar}")
    return confidence, f"margin {margin:+.2f}: {', '.join(parts)} (against {d.reading})"
