"""pdfminer's boxes read as articles interleaved: each article's boxes in print order.

pdfminer groups the boxes of a page whose articles stand stacked, each across the page's columns,
in an order of its own: often the first column of every article, then the second of every article,
with an article's later columns or the foot's titles printed amid them (fresh2999 page-039: the
first and second columns of three articles, then both columns of the fourth, two of the foot's
titles, then the third columns).  The strip search (:func:`textfix.order.strip_reading`) reads
groups of strips printed in turn; this reads any interleaving where each article's boxes keep
their print order, and is asked where nothing else reads the page (:func:`deinterleaved_order`).

A reading assigns each box, in print order, to an article: it goes on from the article's last box,
or opens a new article, or (a heading set across the columns, with titles at the page's foot) is
the foot's title printed early and read there.  A beam search keeps the least costly readings
(:data:`TERMS`) that break no sentence (:func:`textfix.order._seam_costs`): a reading that breaks one
would be refused, so none is kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lines import Line, is_wide
from . import order as O


@dataclass(frozen=True)
class Terms:
    """What a reading costs besides the language model's joins (-log10 P of each join made inside a
    sentence, :func:`textfix.order.join`), in the same units: *column* is the unit (a column begun
    costs as much as a join ten times less likely).  *imbalance* and *unjoined* fitted by
    corpora/typeset/fit_deinterleave.py on the 66 development batches (pdfminer, 2,640 pages, 1,553
    of which reach the de-interleave; train 2889-2911 and 2925-2947, check 2913-2923 and 2949-2959,
    older 10, fresh 2965-2999 and all-reader 2961, 2963, odd): every *imbalance* of 0.5, 1 and 2 reads
    alike; *unjoined* 1 reads CER summed 14.10, 3 and 5 14.93 (3 pages better and none worse at each,
    16.40 refused); the least of each is taken."""

    # An article's column begun after another article's box: pdfminer prints a column's boxes
    # together, so each column begun is a jump the reading must explain.
    column: float = 1.0
    # Lines by which an article's column stands off its first (CSS balances them: BALANCE_SLACK free).
    imbalance: float = 0.5
    # A box that opens inside a sentence read after one that ends a sentence at a line too full to
    # end its paragraph for sure (no broken seam: :func:`textfix.order._seam_costs`, but no join either).
    unjoined: float = 1.0


TERMS = Terms()

# Titles at the page's foot that the page must hold: stacked articles across the columns, their
# titles at the foot, are what pdfminer interleaves (two thirds of its error on the development
# batches, corpora/typeset/README.md: the thirty-third session's survey); two articles at least.
FOOT_TITLES = 2

# Runs each article is read in: an article whose boxes the reading takes as they were printed, in one
# run, was not interleaved, and a reading that needs one is no interleaving of columns set across
# the page (on the 66 development batches, *unjoined* 3, the readings that left an article in one run
# read 3 pages worse, fresh2965 page-009, fresh2971 page-005, old41 page-033, and one better).
MIN_RUNS = 2

# Readings kept per box.  On the 66 development batches (corpora/typeset/fit_deinterleave.py --beams) every
# beam of 25, 50, 100, 200 and 400 reads the same pages, 1000 one more, partly (check2951 page-014, CER 0.79 ->
# 0.72, misread either way) at 17 % more time of split_page on 80 pdfminer pages (fresh 2999, 2983): four
# times the least is kept, for pages of more boxes.
BEAM = 100

# An article as a reading has it so far: its last box, the columns it has begun, the lines of the
# current one and of its first.
_Article = tuple[int, int, int, int]


@dataclass(frozen=True)
class _State:
    articles: tuple[_Article, ...]
    last: int  # the article the previous box went to, a parked title passed over (-1: none yet)
    cost: float
    parked: tuple[int, ...]


class _Boxes:
    """What the search asks of a page's boxes [0, stop)."""

    def __init__(self, blocks: list[list[Line]], stop: int, terms: Terms) -> None:
        self.terms = terms
        self.lo, self.stop = O._body_start(blocks, stop), stop
        self.seam = O._seam_costs(blocks)
        self.columns = O._column_lines(blocks)
        self.closes = [O._closes(b) for b in blocks[:stop]]
        self.unfinished = [O._needs_more(b) for b in blocks[:stop]]
        self.inside = [O._opens_inside(b) for b in blocks[:stop]]
        lead = [O._lead(b) for b in blocks[:stop]]
        # A lead or a heading that is no subhead opens an article, no other box: readings that opened
        # one at a paragraph's box read worse (corpora/typeset/README.md, the thirty-fourth session).
        alone = O._first_lines_alone(blocks)
        self.opens = [(ld or (O._heading(b) and not alone[i] and not O._subhead(b))) and not inside and not O._byline_alone(b)
                      for i, (b, ld, inside) in enumerate(zip(blocks, lead, self.inside))]
        self.early_title = _early_titles(blocks, stop, lead)

    def moves(self, state: _State, y: int):
        """(article, state) for each way box *y* is read that breaks no sentence: parked (an early
        foot title; article -1), read on from an article, or opening one."""
        if self.early_title[y]:
            yield -1, _State(state.articles, state.last, state.cost, state.parked + (y,))
        for k, article in enumerate(state.articles):
            if not self.closes[article[0]]:  # an article signed is closed
                new = self._read_on(state, k, y)
                if new is not None:
                    yield k, new
        if self.opens[y]:
            cost = state.cost + self.terms.column * (state.last != -1)
            yield len(state.articles), _State((*state.articles, (y, 1, self.columns[y], 0)), len(state.articles),
                                              cost, state.parked)

    def _read_on(self, state: _State, k: int, y: int) -> _State | None:
        last, begun, lines, first = state.articles[k]
        broken, join = self.seam(last, y)
        if broken:
            return None
        cost = state.cost + join + self.terms.unjoined * (self.inside[y] and not self.unfinished[last])
        if state.last == k:
            article = (y, begun, lines + self.columns[y], first)
        else:  # a column begun: the one it ends was not the article's last
            cost += self.terms.column + self.terms.imbalance * _off_balance(begun, lines, first)
            article = (y, begun + 1, self.columns[y], lines if begun == 1 else first)
        return _State((*state.articles[:k], article, *state.articles[k + 1:]), k, cost, state.parked)

    def ended(self, state: _State) -> float | None:
        """The cost of *state* read to its end (its last columns no longer than their first but for
        BALANCE_SLACK), or None where it leaves an article unfinished.  (The strip search's
        LAST_COLUMN_SLACK, 1, reads the 66 development batches alike at *imbalance* 0.5 but fresh2991
        page-008 worse from 1 on (fit_deinterleave.py); BALANCE_SLACK reads alike at
        every *imbalance* fitted.)"""
        if any(self.unfinished[a[0]] for a in state.articles):
            return None
        over = sum(max(0, lines - first - O.BALANCE_SLACK) for _, begun, lines, first in state.articles if begun >= 2)
        return state.cost + self.terms.imbalance * over

    def search(self) -> tuple[tuple[int, ...], _State] | None:
        """The least costly reading that breaks no sentence (each box's article, -1: parked), or None."""
        beam: list[tuple[_State, tuple[int, ...]]] = [(_State((), -1, 0.0, ()), ())]
        for y in range(self.lo, self.stop):
            best: dict[tuple, tuple[_State, tuple[int, ...]]] = {}
            for state, read in beam:
                for k, new in self.moves(state, y):
                    at = (new.articles, new.last)
                    if at not in best or new.cost < best[at][0].cost:
                        best[at] = (new, (*read, k))
            beam = sorted(best.values(), key=lambda sr: sr[0].cost)[:BEAM]
        ended = [(cost, read, state) for state, read in beam if (cost := self.ended(state)) is not None]
        if not ended:
            return None
        _, read, state = min(ended, key=lambda crs: crs[0])
        return read, state

    def order(self, read: tuple[int, ...], parked: tuple[int, ...]) -> list[int]:
        """The blocks in the reading *read*: the header, each article's boxes, the titles parked."""
        body = range(self.lo, self.stop)
        articles = [[y for y, k in zip(body, read) if k == a] for a in range(1 + max(read, default=-1))]
        return [*range(self.lo), *(y for article in articles for y in article), *parked]


def _off_balance(begun: int, lines: int, first: int) -> int:
    """Lines by which a middle column of *lines* stands off the article's first (*first*) past BALANCE_SLACK."""
    return max(0, abs(lines - first) - O.BALANCE_SLACK) if begun >= 2 else 0


def _early_titles(blocks: list[list[Line]], stop: int, lead: list[bool]) -> list[bool]:
    """Boxes that are the foot's titles printed among the columns: where titles stand at the page's
    foot (headings after *stop*), a run of headings, no lead, one of them set wider than a column
    (a subhead stands in its column)."""
    early = [False] * stop
    if not any(O._heading(b) for b in blocks[stop:]):
        return early
    head = [O._heading(b) and not ld for b, ld in zip(blocks, lead)]
    i = 0
    while i < stop:
        j = i
        while j < stop and head[j]:
            j += 1
        if any(is_wide(blocks[k][0]) for k in range(i, j)):
            early[i:j] = [True] * (j - i)
        i = max(j, i + 1)
    return early


def deinterleaved_order(blocks: list[list[Line]], stop: int, terms: Terms | None = None) -> list[int] | None:
    """The blocks [0, stop) read as articles interleaved (the module's doc), or None.  Asked of pages with
    FOOT_TITLES titles at the foot whose print order breaks a sentence at least (MIN_BROKEN_UNMOVED);
    found only where a reading breaks none and reads each article in MIN_RUNS runs at least.  Not asked
    of blocks that hold a blank line after nearly every line (no extractor's boxes:
    :func:`textfix.order._lines_boxed_alone`; the project's generated pages print so).  *terms*: TERMS
    where None."""
    if O._lines_boxed_alone(blocks, stop):
        return None  # no extractor's boxes (as for the strips)
    if sum(O._heading(b) for b in blocks[stop:]) < FOOT_TITLES:
        return None  # the titles stand over their articles: pdfminer prints each with its article
    boxes = _Boxes(blocks, stop, terms or TERMS)
    if O._sentences_broken(boxes.seam, list(range(stop))) < O.MIN_BROKEN_UNMOVED:
        return None
    found = boxes.search()
    if found is None or any(runs < MIN_RUNS for _, runs, _, _ in found[1].articles):
        return None
    return boxes.order(found[0], found[1].parked)
