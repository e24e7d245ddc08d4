"""Reading order from the text alone: an extractor's blocks put back in the order they are read.

pdfminer's layout analysis prints the first column of every article before
the second (``A1 col 1, A2 col 1, …, A1 col 2, A2 col 2, …``), each text box
after a blank line.  Where an article's column breaks inside a sentence, the
box before the break ends open (:func:`ends_open`: its last line ends no
sentence and is as wide as a paragraph's first line at least) and is not
followed by its continuation but by another article's title, lead or
paragraph; the continuation is a box further on that opens inside a sentence
(:func:`opens_inside`: its first line wider than an indented one, no lead)
and follows no open box.

The page is read as two runs, ``C1 = blocks[:c]`` and ``C2 = blocks[c:]`` (the
foot's titles kept out): the open ends left without their continuation in
``C1`` (the last block of ``C1`` among them) and the continuations that follow
no open end in ``C2`` (the first block of ``C2`` among them) are paired in
order, when there are as many of each and at least two, and every pair joins
as the language model expects (:func:`join` at least ``JOIN_MIN``, fitted by
``corpora/typeset/fit_order.py``) and better than any other pairing of its
end or start on the page.  Each continuation is moved, with what follows it up
to the next continuation, the end of its article (a byline) or the end of
``C2``, right after its open end.  Widths are measured against the page's own
columns; a first line's indent is the reader's (``INDENT_MIN``, ``INDENT_MAX``).

:func:`reading_order` gives the page's pieces (offsets into the text) in
reading order, or ``None`` when the text is read as it stands;
:func:`page_order` does so on the marks repaired; :class:`Pieces` carries a
page read in that order back to the input (spans and a change log that is
still a plan on it).  Used only when asked (``split_page(reorder=True)``,
``RepairConfig.reorder``): on the typeset test batch it read pdfminer's pages
a little worse than as printed (corpora/typeset/README.md).
"""

from __future__ import annotations

from .lines import INDENT_MAX, INDENT_MIN, BylineFinder, Line, cut_lines, is_indented, line_opens_lead

Span = tuple[int, int]
# Two open ends, each followed by something else, and their two continuations: fewer blocks cannot
# be out of order as pdfminer prints them.
MIN_BLOCKS = 4
# How well the block read after an open one must go on from it (join: log10 P of its first two
# characters after the open one's last two), fitted by corpora/typeset/fit_order.py on the train
# batches (seeds 21, 23, 25, pdfminer): 206 of 246 right pairs score at least this, 123 of 1558 wrong.
JOIN_MIN = -4.19


def blocks_of(lines: list[Line], text: str) -> list[list[Line]]:
    """The lines of *text* grouped into blocks: runs of lines with no blank line between them."""
    blocks: list[list[Line]] = []
    for ln in lines:
        if blocks and text.count("\n", blocks[-1][-1].end, ln.start) < 2:
            blocks[-1].append(ln)
        else:
            blocks.append([ln])
    return blocks


def ends_open(block: list[Line], strict: bool = True) -> bool:
    """The block ends inside a sentence at a line as wide as a paragraph's first line at least: its
    text goes on in another block.  A byline does not, nor a paragraph's last line; *strict*: nor may
    a title or subhead (one or two lines punctuated as a title is), which a paragraph's first line set
    alone (pdfminer's box for an indented line) may look like."""
    last = block[-1]
    if last.ends or last.byline is not None or last.text[-1] in "）)" or (strict and _heading(block)):
        return False
    return last.width >= last.column - INDENT_MAX


def opens_inside(block: list[Line], strict: bool = True) -> bool:
    """The block opens inside a sentence: its first line is wider than a paragraph's indented first
    line and opens no lead, and (*strict*) it is no title or subhead.  Not *strict*: also one line that ends a
    sentence (a paragraph's last line, after a first line set in a box of its own) or is as wide (a
    page that prints a blank line after every line)."""
    first = block[0]
    if line_opens_lead(first.text) or first.byline is not None or (strict and _heading(block)):
        return False
    full = first.width > first.column - INDENT_MIN
    if len(block) == 1:
        return not strict and (first.ends or (full and not is_indented(first)))
    return full


def _heading(block: list[Line]) -> bool:
    """A title or subhead: one or two lines, each punctuated at most as a title is."""
    return len(block) <= 2 and all(ln.headline for ln in block)


def _closes(block: list[Line]) -> bool:
    """The block ends an article: a byline at its end."""
    return block[-1].byline is not None


def page_order(text: str, model) -> list[Span] | None:
    """:func:`reading_order` of *text* as the repair model reads it: its marks repaired first (a
    garbled 。 ends no sentence), the pieces as offsets into *text*.  A page on which nothing ends
    open as printed (clean text, one paragraph a line) is not repaired for it."""
    from .repair import input_offset, repair
    from .split import _byline_finder

    bylines = _byline_finder(model)
    if not _left_open(cut_lines(text, bylines=bylines), text):
        return None
    repaired = repair(text, model, rejoin=False)
    spans = reading_order(repaired.text, bylines)
    if spans is None:
        return None
    to_input = input_offset(repaired.changes)

    def at(offset: int) -> int:
        return len(text) if offset == len(repaired.text) else to_input(offset)

    return [(at(lo), at(hi)) for lo, hi in spans]


def _left_open(lines: list[Line], text: str) -> bool:
    """Some block, as printed, may end open before a block that does not go on from it (a garbled
    mark only makes more blocks look open)."""
    blocks = blocks_of(lines, text)
    return len(blocks) >= MIN_BLOCKS and any(
        ends_open(a, strict=False) and not opens_inside(b, strict=False) for a, b in zip(blocks, blocks[1:])
    )


def reading_order(text: str, bylines: BylineFinder | None = None) -> list[Span] | None:
    """The pieces of *text* in reading order (see the module's doc), or None to read it as it stands.
    *bylines* finds the bylines that end articles (garbled parentheses as the repair model knows them)."""
    lines = cut_lines(text, bylines=bylines or BylineFinder())
    blocks = blocks_of(lines, text)
    if len(blocks) < MIN_BLOCKS:
        return None
    opened = [ends_open(b) for b in blocks]  # may be an article's column break
    inside = [opens_inside(b) for b in blocks]  # may be the text after one
    goes_on = [ends_open(b, strict=False) for b in blocks]  # what may go on in the next block
    follows = [opens_inside(b, strict=False) for b in blocks]  # what may go on from the last block
    n = len(blocks)
    # The foot: titles after the last block that ends a sentence or an article stay where they are.
    last_text = max((i for i, b in enumerate(blocks) if b[-1].ends or _closes(b)), default=-1)
    if last_text < 0:
        return None
    # As it stands, is anything left open?
    dangling = [i for i in range(n - 1) if opened[i] and not follows[i + 1]]
    if not dangling:
        return None
    joins_at = _joins(blocks, opened, inside)
    best: tuple[tuple[int, int, float], list[int], list[int]] | None = None
    for c in range(1, last_text + 1):
        ends = [i for i in range(c - 1) if opened[i] and not follows[i + 1]] + [c - 1] * opened[c - 1]
        starts = [c] * inside[c] + [j for j in range(c + 1, last_text + 1) if inside[j] and not goes_on[j - 1]]
        if len(ends) == len(starts) >= 2:
            joins = [joins_at[e, s] for e, s in zip(ends, starts)]
            going_on = sum(j >= JOIN_MIN and _mutual(joins_at, e, s) for j, e, s in zip(joins, ends, starts))
            rank = (going_on, len(ends), sum(joins))
            if going_on == len(joins) and (best is None or rank > best[0]):
                best = (rank, ends, starts)
    if best is None:
        return None
    _, ends, starts = best
    moved: dict[int, tuple[int, int]] = {}  # open end → the blocks [lo, hi) moved after it
    for k, (e, s) in enumerate(zip(ends, starts)):
        stop = starts[k + 1] if k + 1 < len(starts) else last_text + 1
        hi = next((j + 1 for j in range(s, stop) if _closes(blocks[j])), stop)
        moved[e] = (s, hi)
    taken = {j for lo, hi in moved.values() for j in range(lo, hi)}
    order: list[int] = []
    for i in range(n):
        if i in taken:
            continue
        order.append(i)
        if i in moved:
            order.extend(range(*moved[i]))
    bounds = [b[0].start for b in blocks] + [len(text)]
    bounds[0] = 0
    return [(bounds[i], bounds[i + 1]) for i in order]


def _joins(blocks: list[list[Line]], opened: list[bool], inside: list[bool]) -> dict[tuple[int, int], float]:
    """:func:`join` of every block that ends open and every other that opens inside a sentence."""
    ends = [i for i, o in enumerate(opened) if o]
    starts = [j for j, o in enumerate(inside) if o]
    return {(e, s): join(blocks[e][-1].text, blocks[s][0].text) for e in ends for s in starts if s != e}


def _mutual(joins: dict[tuple[int, int], float], e: int, s: int) -> bool:
    """*s* goes on from *e* better than any other start does, and from *e* better than from any other end."""
    score = joins[e, s]
    return all(v <= score for (a, b), v in joins.items() if (a == e) != (b == s))


def join(before: str, after: str) -> float:
    """How well *after* goes on from *before*: log10 P of its first two characters after the last two."""
    from .charlm import default_charlm

    tail = before[-2:]
    return default_charlm().score(tail + after[:2], len(tail), len(tail) + len(after[:2]))


def reordered(text: str, spans: list[Span]) -> str:
    """*text* read in the order of *spans*, each piece but the last ending with a blank line."""
    return "".join(_piece(text, lo, hi, k == len(spans) - 1) for k, (lo, hi) in enumerate(spans))


def _piece(text: str, lo: int, hi: int, last: bool = False) -> str:
    piece = text[lo:hi]
    return piece if last or piece.endswith("\n\n") else piece.rstrip("\n") + "\n\n"


RULE = "reorder"
MOVED = "a block the extractor printed out of reading order, moved (repaired) to where it is read"
REMOVED = "a block the extractor printed out of reading order: read elsewhere"
BLANK = "a blank line after a block read before another"


class Pieces:
    """The pieces of a text read in another order: offsets of the reordered text back to the input."""

    def __init__(self, text: str, spans: list[Span]) -> None:
        self.text, self.spans = text, spans
        self.starts: list[int] = []  # each piece's start in the reordered text
        at = 0
        for k, (lo, hi) in enumerate(spans):
            self.starts.append(at)
            at += len(_piece(text, lo, hi, k == len(spans) - 1))
        self.reordered = reordered(text, spans)

    def piece(self, r: int) -> int:
        from bisect import bisect_right

        return max(0, bisect_right(self.starts, r) - 1)

    def to_input(self, r: int) -> int:
        """The input offset of the reordered text's offset *r* (a blank line added maps to its piece's end)."""
        k = self.piece(r)
        lo, hi = self.spans[k]
        return min(hi, lo + r - self.starts[k])

    def span(self, lo: int, hi: int) -> tuple[int, int]:
        """A span of the reordered text as input offsets: from the first to the last of its characters
        in the input (a span read across a move also covers what lies between its pieces there)."""
        if hi <= lo:
            return self.to_input(lo), self.to_input(lo)
        first, last = self.to_input(lo), self.to_input(hi - 1)
        return min(first, last), max(first, last) + 1

    def changes(self, changes: list) -> list:
        """*changes* (offsets into the reordered text, making the page's output from it) as a plan on
        the input: pieces left in place keep their changes; each piece out of place is removed where it
        stands and put, repaired, where it is read.  A change across pieces is cut at their bounds (what
        it puts in goes with its first part)."""
        from .repair import Change, apply_changes

        bounds = self.starts + [len(self.reordered)]
        by_piece: list[list] = [[] for _ in self.spans]
        for c in changes:
            k = self.piece(c.start)
            while c.end > bounds[k + 1]:  # cut at the piece's end: the new text goes with the first part
                cut = bounds[k + 1]
                head = Change(c.start, cut, self.reordered[c.start : cut], c.new, c.rule, c.confidence, c.why)
                by_piece[k].append(head.shifted(-self.starts[k]))
                c = Change(cut, c.end, self.reordered[cut : c.end], "", c.rule, c.confidence, c.why)
                k += 1
            by_piece[k].append(c.shifted(-self.starts[k]))
        kept = _increasing(self.spans)
        out: list = []
        at = 0  # where the pieces read after the last piece left in place go in the input
        pending: list[str] = []
        for k, (lo, hi) in enumerate(self.spans):
            printed = _piece(self.text, lo, hi, k == len(self.spans) - 1)
            if k in kept:
                if pending:
                    out.append(Change(at, at, "", "".join(pending), RULE, 1.0, MOVED))
                    pending = []
                out += [c.shifted(lo) for c in by_piece[k]]
                if len(printed) > hi - lo:
                    out.append(Change(hi, hi, "", printed[hi - lo :], RULE, 1.0, BLANK))
                at = hi
            else:
                pending.append(apply_changes(printed, by_piece[k]))
                out.append(Change(lo, hi, self.text[lo:hi], "", RULE, 1.0, REMOVED))
        if pending:
            out.append(Change(at, at, "", "".join(pending), RULE, 1.0, MOVED))
        return sorted(out, key=lambda c: (c.start, c.end))


def _increasing(spans: list[Span]) -> set[int]:
    """The most pieces that stand in reading order (a longest increasing run of input offsets)."""
    from bisect import bisect_left

    tails: list[int] = []  # tails[n]: the piece ending the best run of n + 1 found so far
    back: list[int] = []
    for k, (lo, _) in enumerate(spans):
        n = bisect_left([spans[t][0] for t in tails], lo)
        back.append(tails[n - 1] if n else -1)
        tails[n:n + 1] = [k]
    kept, k = set(), tails[-1] if tails else -1
    while k >= 0:
        kept.add(k)
        k = back[k]
    return kept
