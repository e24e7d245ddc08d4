"""Splitting a repaired page into articles.

Bylines end articles.  Titles are either printed right before their article
or together at the foot of the page; in the second case they are given to
the articles in order, checked by the characters a title shares with its
article's body.  Every character of the page ends up in exactly one place —
header, title, byline or block — and each keeps offsets into the input.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import accumulate
from operator import attrgetter

from . import regex
from .charclasses import HEADING_NEVER_ENDS, leaves_open
from .furniture import Furniture
from .garbles import FontState
from .layout import BLOCK_START, BODY_SIZE, TITLE_AGAIN, TITLE_SPACE, TITLE_WRAP_SLACK, Item, signed_date, title_goes_on_into, title_width
from .lines import SENTENCE_MARKS, BylineFinder, byline_finder, ends_sentence, opening_unit, opens_lead, two_phrases
from .model import NoiseModel, default_model
from .repair import Change, RepairConfig, apply_changes, input_offset, marks_as_hyphens, repair


@dataclass
class Block:
    kind: str  # "paragraph" or "heading"
    text: str
    start: int  # offsets into the input page
    end: int
    body_size: bool = field(default=False, compare=False)  # a subhead filling the column (textfix.layout.BODY_SIZE): never a title


@dataclass
class Article:
    title: str = ""
    byline: str = ""
    blocks: list[Block] = field(default_factory=list)
    byline_text: str = ""  # the byline as printed, parentheses and all
    title_span: tuple[int, int] | None = None
    byline_span: tuple[int, int] | None = None
    source_line: str = ""  # a web article's 来源：… line, as printed (not a title, not text)
    source_span: tuple[int, int] | None = None
    byline_opens: bool = False  # the byline opens the text (under the title, a dateline's), not ends it
    closing: tuple[str, str, tuple[int, int]] | None = None  # a second byline at the end: (name, printed, span)

    def to_dict(self) -> dict:
        return {
            "title": self.title,
            "byline": self.byline,
            "blocks": [{"kind": b.kind, "text": b.text, "start": b.start, "end": b.end} for b in self.blocks],
            "byline_text": self.byline_text,
            "title_span": list(self.title_span) if self.title_span else None,
            "byline_span": list(self.byline_span) if self.byline_span else None,
            "source_line": self.source_line,
            "source_span": list(self.source_span) if self.source_span else None,
        }


@dataclass
class Page:
    header: dict[str, str] | None
    articles: list[Article]
    # The log (offsets into the input): repair's character changes outside the header, its settle
    # pass's fixes, the moves of blocks read out of printed order (with their printed lines): repair's
    # log less its line joins.
    changes: list[Change] = field(default_factory=list)
    source: str | None = None
    header_line: str = ""  # the header as printed
    # The page the articles were cut from: apply_changes(input, changes), its printed lines kept.  Each
    # title, byline, source line and block is its span of it with the line breaks taken out.
    text: str = ""
    index: int | None = None  # which page of a file of several (see textfix.pages), else None
    offset: int = 0  # where that page starts in the file; spans are offsets into the page
    furniture: list[Furniture] = field(default_factory=list)  # running heads and feet (textfix.furniture)

    def to_dict(self) -> dict:
        data: dict = {"header": self.header, "header_line": self.header_line, "articles": [a.to_dict() for a in self.articles]}
        if self.index is not None:
            data = {"page_index": self.index, "offset": self.offset, **data, "furniture": [f.to_dict() for f in self.furniture]}
        if self.source is not None:
            data = {"source": self.source, **data}
        data["changes"] = [c.to_dict() for c in self.changes]
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n"


def split_page(text: str, model: NoiseModel | None = None, source: str | None = None, reorder: bool = True) -> Page:
    """Repair *text*, read its layout (print lines or paragraphs, region by region, see textfix.shape)
    and split it into articles.

    With *reorder* (the default), where an extractor printed the page's blocks out of reading order
    (:func:`textfix.order.reading_order`), the page is read in reading order:
    ``changes`` move those blocks (rule ``reorder``), so that applying them to
    *text* still gives ``text`` of the page, and a block's span runs from its
    first character in *text* to its last's end.
    """

    from .order import Pieces, page_order

    model = model or default_model()
    spans = page_order(text, model) if reorder else None
    if spans is None:
        return _split_in_order(text, model, source)
    pieces = Pieces(text, spans)  # an extractor's blocks out of reading order (textfix.order)
    page = _split_in_order(pieces.reordered, model, source)
    if spans.moved and (printed := _moves_misread(page, lambda: _split_in_order(text, model, source))) is not None:
        return printed
    return _carried(page, pieces, pieces.changes(page.changes))


def _moves_misread(moved: Page, split_printed: Callable[[], Page]) -> Page | None:
    """The page as printed (*split_printed*) where pdftotext's block moves (textfix.order.move_order)
    read *moved* as more articles than it, one of them without a title: the plan moved blocks across
    articles; else None.  The page is split as printed only where *moved* has an untitled article
    (a second split of the whole page otherwise spent for nothing).  (A move may open
    an article print order runs into the one before: a byline line under a foot title put back over
    its lead, tests/test_order_moves.py; that article has its title.)  On the 21 train batches (seeds
    21-63 odd, pdftotext, 82 pages the moves change) the one page a move plan read as more articles
    than printed, one untitled, read worse (train39 page-040: 5 articles for 4, CER 0.0833 against
    0.0032 as printed); the other 81 read as many articles or fewer.  A layout analysis's strips are
    not asked: pdfminer's print order runs articles together that its strips part (train page-039:
    1 article printed, 2 read)."""
    if all(a.title for a in moved.articles):
        return None
    printed = split_printed()
    return printed if len(moved.articles) > len(printed.articles) else None


def _split_in_order(text: str, model: NoiseModel, source: str | None) -> Page:
    from .shape import regions

    parts = [_read_region(text[start:end], start, layout, model) for start, end, layout in regions(text)]
    changes = [c for _, repaired, _, _ in parts for c in repaired.changes]
    items, shift = [], 0
    for start, repaired, region_items, _ in parts:  # item offsets into the whole character repair
        items += [replace(i, start=i.start + shift, end=i.end + shift) for i in region_items]
        shift += len(repaired.text)
    settled = [c for _, _, _, fixes in parts for c in fixes]
    return _page(text, items, _logged(changes, settled), input_offset(changes), model, source)


def _page(text: str, items: list[Item], changes: list[Change], to_input, model: NoiseModel, source: str | None) -> Page:
    """The page of *items*, articles assembled; *to_input* maps the items' offsets to *text*'s, *changes*
    (the page's log, see :func:`_logged`) make the page's ``text``."""
    from .plan import outside_headers

    header, articles = _assemble(items, to_input, byline_finder(model))
    header_line = next((text[to_input(i.start) : to_input(i.end)].strip() for i in items if i.kind == "header"), "")
    changes = outside_headers(changes, items, to_input)  # the header line is the page's as printed
    return Page(header, articles, changes, source, header_line, apply_changes(text, changes))


def _logged(repairs: list[Change], settled: list[Change]) -> list[Change]:
    """The page's log: the character *repairs* of its printed lines and the fixes the settle pass made
    in its blocks (:func:`_settle_items`; they touch no text a repair touched), in order.

    Applied to the input it gives the page's ``text``, its printed lines kept, which
    the articles are cut from: a block's text is that text over its span, its line
    breaks taken out (the layout's joins).
    """
    return sorted(repairs + settled, key=attrgetter("start", "end")) if settled else list(repairs)


def _carried(page: Page, pieces, changes: list[Change]) -> Page:
    """*page*, read from ``pieces.reordered``, with its spans as offsets into the input and *changes*."""

    def span(lo_hi):
        return pieces.span(*lo_hi) if lo_hi else lo_hi

    for article in page.articles:
        article.blocks = [replace(b, start=(sp := pieces.span(b.start, b.end))[0], end=sp[1]) for b in article.blocks]
        article.title_span, article.byline_span = span(article.title_span), span(article.byline_span)
        article.source_span = span(article.source_span)
        if article.closing is not None:
            name, printed, where = article.closing
            article.closing = (name, printed, span(where))
    return replace(page, changes=changes)


def split_items(text: str, repaired, items: list[Item], model: NoiseModel, source: str | None = None,
                fonts: FontState | None = None) -> Page:
    """A page whose layout items were read elsewhere (:mod:`textfix.pdflayout`, from a PDF's
    coordinates) split into articles as :func:`split_page` splits a text page.

    *repaired* is the character repair of *text* (lines kept), *items* have
    offsets into ``repaired.text``; an item of kind ``break`` (no text) says
    an article ends there.  *fonts*: the evidence the character repair was
    given (a PDF's fonts, :class:`textfix.fonts.FontEvidence`'s ``state``),
    which the settle pass weighs too, as ``repair`` does.
    """
    to_input = input_offset(repaired.changes)
    items, settled = _settle_items(text, repaired, items, model, to_input, fonts)
    return _page(text, items, _logged(repaired.changes, settled), to_input, model, source)


def _read_region(text: str, offset: int, layout: str, model: NoiseModel):
    """(offset, character repair with offsets into the page, items with offsets into the region's repair,
    the settle pass's fixes with offsets into the page)."""
    from .plan import layout_items

    # The lines are read here (pdfium's hyphen mark cuts one: the rejoin logs its hyphen, textfix.plan).
    repaired = repair(text, model, rejoin=False, layout=layout, extractor_hyphens=False)
    to_input = input_offset(repaired.changes)
    marks = marks_as_hyphens(repaired.text, to_input)  # the lines read, the marks are the hyphens the blocks hold
    items, settled = _settle_items(text, repaired, layout_items(text, repaired, model), model, to_input, marks=marks)
    items = list(map(_full_stop_heading_as_text, items))
    settled += marks
    shifted = [c.shifted(offset) for c in repaired.changes]
    return offset, replace(repaired, changes=shifted), items, [c.shifted(offset) for c in settled]


def _full_stop_heading_as_text(item: Item) -> Item:
    """*item*, a paragraph if it is a heading whose repaired text ends on a full stop or semicolon.

    A one-line paragraph whose full stop is printed garbled (李红出席座谈遥) is bare as printed, so
    the layout reads it as a subhead; the settle pass then reads its 遥 as 。.  No heading ends so
    (:data:`~textfix.charclasses.HEADING_NEVER_ENDS`, counted on the typeset train pages).  Asked on
    the text readers' path only: a PDF's headings are read from their type size.  (Train201 page-033,
    train997 page-015 and train1029 page-024, every text reader.)
    """
    if item.kind == "heading" and item.text.rstrip()[-1:] in HEADING_NEVER_ENDS:
        return replace(item, kind="paragraph")
    return item


def _settle_items(text: str, repaired, items: list[Item], model: NoiseModel, to_input,
                  fonts: FontState | None = None, marks: list[Change] = ()) -> tuple[list[Item], list[Change]]:
    """*items* with the garbles that ``textfix repair`` fixes once the lines are rejoined fixed too,
    and those fixes (offsets into *text*), each in the text of the block it lies in: the log's.
    *marks*: pdfium's hyphen marks *repaired* kept, rejoined as hyphens (:func:`textfix.plan.rejoined`).

    See :func:`textfix.repair._settled` (given the same *fonts* as ``repair``): the
    text of each block is then the line ``repair`` prints for it, and splitting
    that output again gives the same blocks.  A fix lies in no block's text
    where that text is not its span's (then it is left out of both).
    """
    from .plan import rejoined
    from .repair import _settled

    if not repaired.changes and not items:
        return items, []
    joined = rejoined(text, repaired, model, items, marks)  # what ``repair`` makes of the page before it settles
    layout = joined.changes
    settled = _settled(text, joined, model, RepairConfig(), fonts)
    if len(settled.changes) == len(layout):
        return items, []
    made = {(c.start, c.end) for c in layout}
    fixes = [c for c in settled.changes if (c.start, c.end) not in made]  # the settle pass's own
    out, taken = [], []
    for item in items:
        lo, hi = to_input(item.start), to_input(item.end)
        if item.kind not in ("header", "break") and _span_text(text, layout, lo, hi) == item.text:
            item = replace(item, text=_span_text(text, settled.changes, lo, hi))
            taken += [c for c in fixes if lo <= c.start and c.end <= hi]
        out.append(item)
    return out, taken


def _span_text(text: str, changes: list[Change], lo: int, hi: int) -> str:
    """``text[lo:hi]`` with the *changes* that lie inside it applied.

    A change that inserts text at either end of the span is none of its own: it is
    the break the layout puts between this block and one printed on the same line
    (a paragraph that ends mid-line before its byline: …就到了遥（记者 李明）).
    """

    inside = [c.shifted(-lo) for c in changes
              if lo <= c.start and c.end <= hi and not (c.start == c.end and c.start in (lo, hi))]
    return apply_changes(text[lo:hi], inside)


def split_pages(text: str, model: NoiseModel | None = None, source: str | None = None) -> list[Page]:
    """:func:`split_page` for each page of a file of pages (form feeds, see :mod:`textfix.pages`).

    A text without form feeds is one page, split as :func:`split_page` does.
    Otherwise every page that is not blank is split, and carries its
    ``index`` among the file's pages and its ``offset`` in *text*; running
    headers, footers and page numbers that repeat across the pages are its
    ``furniture`` (:mod:`textfix.furniture`), kept out of the articles.
    """
    from .furniture import find_furniture
    from .pages import PAGE_BREAK, numbered_pages

    if PAGE_BREAK not in text:
        return [split_page(text, model, source)]
    pages = numbered_pages(text, blank=False)
    return [split_one_of_pages(t, i, start, found, model, source)
            for (i, start, t), found in zip(pages, find_furniture([t for _, _, t in pages]))]


def split_one_of_pages(text: str, index: int, offset: int, furniture: list, model: NoiseModel | None = None,
                       source: str | None = None) -> Page:
    """Page *index* of a file of pages (at *offset* in it), its *furniture* (found across the file) kept out."""
    from .furniture import blanked

    return replace(split_page(blanked(text, furniture), model, source), index=index, offset=offset, furniture=furniture)


def _assemble(items: list[Item], to_input, bylines: BylineFinder | None = None) -> tuple[dict[str, str] | None, list[Article]]:
    header, articles, titles = _articles_of(items, to_input, bylines or BylineFinder())
    if titles:
        articles, titles = _foot_titles(articles, titles)
        _give_titles(articles, titles, to_input)
    else:
        articles = [part for a in articles for part in _split_at_unsigned_titles(a)]
        _titles_from_lead_headings(articles)
        articles = _rejoin_orphans(articles)
    return header, articles


def foot_titles(items: list[Item], bylines: BylineFinder) -> list[Item]:
    """The titles printed at the page's foot as :func:`split_page` reads them, each wrapped title's lines
    one item (textfix.plan prints each whole); [] where the titles stand over their articles."""
    _, articles, titles = _articles_of(items, lambda offset: offset, bylines)
    return _foot_titles(articles, titles)[1] if titles else []


def _articles_of(items: list[Item], to_input, bylines: BylineFinder) -> tuple[dict[str, str] | None, list[Article], list[Item]]:
    """The page's header, its articles as its items open and close them (titles over them given), and the
    lines of its titles at the foot, not yet joined nor given (:func:`_foot_titles`)."""
    header = None
    titles: list[Item] = []
    articles: list[Article] = [Article()]
    titles_at_foot = any(item.kind == "foot_title" for item in items)
    if titles_at_foot:
        items = _lead_bylines_after_closing(items)
    for k, item in enumerate(items):
        current = articles[-1]
        if item.kind == "header":
            page, section, section_en = item.name.split("\t")
            header = {"page": page, "section": section, "section_en": section_en}
        elif item.kind == "foot_title":
            titles.append(item)
        elif item.kind == "break":  # an article's end the page shows (a PDF's blank space), see split_items
            if current.blocks or current.title:
                articles.append(Article())
        elif item.kind == "heading" and item.name == TITLE_AGAIN and _has_text(current):
            # An article's title printed again over its deck (textfix.layout, _foot_deck) opens it, where
            # no byline ended the article before.  A title, so no body-size subhead, even where its last line
            # fills the column.
            current = Article()
            articles.append(current)
            current.blocks.append(Block(item.kind, item.text, to_input(item.start), to_input(item.end), False))
        elif item.kind == "title" and (titles_at_foot or _deck_so_far(current)):
            current.blocks.append(Block("heading", item.text, to_input(item.start), to_input(item.end)))
        elif item.kind == "title":
            if current.blocks or current.title:
                current = Article()
                articles.append(current)
            current.title, current.title_span = item.text, (to_input(item.start), to_input(item.end))
        elif item.kind == "source":
            # It follows the byline, which has already opened the next article: it belongs to the last one.
            owner = articles[-2] if len(articles) > 1 and not (current.blocks or current.title) else current
            owner.source_line, owner.source_span = item.text, (to_input(item.start), to_input(item.end))
        elif item.kind == "lead_byline":
            following = items[k + 1] if k + 1 < len(items) else None
            inside = _inside(item, following)
            if inside and (titles_at_foot or current.byline):
                # Whose it is the page does not tell (an article of the columns beside, titles at the
                # foot: train207 page-018 read 5 articles for 4 when it signed this one): no article's start.
                # The byline's text is dropped on purpose: it is no paragraph's, and it signs no article
                # (corpora/typeset/README.md, "a byline line boxed inside the text", Left).
                continue
            boxed_in = _boxed_in_led_text if titles_at_foot else _boxed_in_own_text
            signs_current = inside or boxed_in(current, following, bylines)
            if not signs_current:
                current = _opened(articles, titles_at_foot)
            current.byline, current.byline_text = item.name, item.text
            current.byline_span = (to_input(item.start), to_input(item.end))
            current.byline_opens = True
        elif item.kind == "paragraph" and (dateline := bylines.find_dateline(item.text)) is not None:
            lo, hi, name = dateline
            # Under a title, paragraphs before the first lead are the title's deck, as for a news lead
            # (_lead_opens_next); an article signed under its title has its text already.
            current = _opened(articles, titles_at_foot) if _lead_opens_next(current) or current.byline else current
            current.byline, current.byline_text, current.byline_opens = name, item.text[lo:hi], True
            current.byline_span = (to_input(_offset_in(item, lo)), to_input(_offset_in(item, hi - 1)) + 1)
            text = item.text[:lo] + item.text[hi:]
            current.blocks.append(Block(item.kind, text, to_input(item.start), to_input(item.end)))
        elif item.kind == "paragraph" and opens_lead(item.text) and _lead_opens_next(articles[-1]):
            # A news lead (央视网消息（新闻联播）：…) opens an article: the one before ended unsigned.
            current = _opened(articles, titles_at_foot, under_deck=True)
            current.blocks.append(Block(item.kind, item.text, to_input(item.start), to_input(item.end)))
        elif item.kind == "byline":
            if current.byline_opens and any(b.kind == "paragraph" for b in current.blocks):
                # Signed at its start and now at an end: two articles, the boundary unmarked.
                current.closing = (item.name, item.text, (to_input(item.start), to_input(item.end)))
            else:
                current.byline, current.byline_text = item.name, item.text
                current.byline_span = (to_input(item.start), to_input(item.end))
            articles.append(Article())
        else:
            current.blocks.append(Block(item.kind, item.text, to_input(item.start), to_input(item.end), item.name == BODY_SIZE))
    articles = [a for a in articles if a.blocks or a.byline or a.title or a.source_line]
    articles = _place_stray_lead_byline(articles)
    articles = [part for a in articles for part in _split_at_second_byline(a, titles_at_foot)]
    return header, articles, titles


def _rejoin_orphans(articles: list[Article]) -> list[Article]:
    """Text after an article's byline with neither a title nor a byline of its own nor a news lead
    belongs to a neighbouring article: where titles are printed before their articles, every
    article opens with one.  pdftotext's reading order may put a column's last block after the
    byline below it (…（王磊） then 市图书馆馆长张伟25日表示，…), or a later column of the next
    article before that article's title.  The orphan goes, at the end, to the neighbour whose text
    is the more alike (character bigrams, as _dips compares)."""
    def orphan(i: int) -> bool:
        article = articles[i]
        return (
            i > 0
            and bool(articles[i - 1].byline)
            and not (article.title or article.byline or article.source_line)
            and _has_text(article)
            and not _opens_with_lead(article)
        )

    orphans = {i for i in range(len(articles)) if orphan(i)}
    kept = [i for i in range(len(articles)) if i not in orphans]
    for i in sorted(orphans):
        before = max((k for k in kept if k < i), default=None)
        after = min((k for k in kept if k > i), default=None)
        text = _body(articles[i])
        target = before
        if after is not None and _bigram_cosine(text, _body(articles[after])) > _bigram_cosine(text, _body(articles[before])):
            target = after
        articles[target].blocks.extend(articles[i].blocks)
    return [articles[i] for i in kept]


def _boxed_in_own_text(article: Article, following: Item | None, bylines: BylineFinder) -> bool:
    """A byline line under a title (本报记者 何静) read after *article*'s text belongs to *article*:
    pdfminer boxes the line apart and may print it among the article's columns (between two
    paragraphs, or inside one: 今年以 / 本报通讯员 王明 / 来，…).  So where titles are printed over
    their articles, *article* has its title and text, is not signed yet, and the text after the byline
    neither opens a news lead nor a dateline (an article's start, its title lost) and no subhead
    (the next article's title read as one, :func:`_opened`) stands right before it.  (The fourteenth
    session: such lines on 31 pdfminer pages of 14 train batches, 8 pages of 6 counted wrong, 2 of them
    so: corpora/typeset/README.md, "a byline line boxed inside the text".)"""
    if not (article.title and not article.byline and _has_text(article)) or article.blocks[-1].kind != "paragraph":
        return False
    if following is None or following.kind != "paragraph":
        return False
    return not opens_lead(following.text) and bylines.find_dateline(following.text) is None


def _boxed_in_led_text(article: Article, following: Item | None, bylines: BylineFinder) -> bool:
    """:func:`_boxed_in_own_text` where the titles stand at the foot: there the byline line is set over
    its article's columns, so an article has none under a title; read after *article*'s text, it is
    *article*'s where *article* opened with its news lead and is not signed yet, and the text after the
    byline is no other article's opening (neither a news lead nor a dateline).  pdfminer boxed the line
    among the article's columns (fresh3053 page-007: 本报记者 吴婷 after a paragraph of the article it
    signs, which split at the line as a fifth article of four)."""
    if not (_led(article) and not article.byline and article.blocks[-1].kind == "paragraph"):
        return False
    if following is None or following.kind != "paragraph":
        return False
    return not opens_lead(following.text) and bylines.find_dateline(following.text) is None


def _inside(byline: Item, following: Item | None) -> bool:
    """*byline* was read inside the paragraph *following* it (textfix.layout, _boxed_lead_bylines):
    amid an article's text, it opens no article."""
    return following is not None and following.kind == "paragraph" and following.start < byline.start


def _lead_bylines_after_closing(items: list[Item]) -> list[Item]:
    """*items* with each byline line under a title (``lead_byline``) that was boxed before the end
    byline of the article read before it ((黄蕾), with only that article's text between) moved to
    right after that end byline, where its own article starts: titles at the foot, pdfminer prints
    the next article's byline line amid the column it stands beside.  Only where that end byline is
    followed by a news lead, the next article's start (央视网消息（新闻联播）：…)."""
    out = list(items)
    # Moving an item while looping over the indices is safe: the length stays, the item that slides into
    # index k (text or the end byline) is never a lead_byline, and the moved byline, visited again at its
    # new place, has the news lead among the items it would pass, so it stays.
    for k in range(len(out)):
        if out[k].kind != "lead_byline":
            continue
        end = next((j for j in range(k + 1, len(out)) if out[j].kind not in ("paragraph", "heading")), None)
        if end is None or out[end].kind != "byline" or any(opens_lead(i.text) for i in out[k + 1 : end]):
            continue
        after = out[end + 1] if end + 1 < len(out) else None
        if after is not None and after.kind == "paragraph" and opens_lead(after.text):
            out.insert(end, out.pop(k))
    return out


def _place_stray_lead_byline(articles: list[Article]) -> list[Article]:
    """A byline line under a title (本报记者 何静) that ends the page with nothing after it was moved
    there by the extractor's reading order (pdftotext): it opens the first article not signed."""
    last = articles[-1] if articles else None
    if last is None or not last.byline_opens or last.blocks or last.title or len(articles) < 2:
        return articles
    owner = next((a for a in articles[:-1] if not a.byline), None)
    if owner is None:
        return articles
    owner.byline, owner.byline_text, owner.byline_span, owner.byline_opens = last.byline, last.byline_text, last.byline_span, True
    return articles[:-1]


def _lead_opens_next(article: Article) -> bool:
    """A news lead after *article*'s text opens the next article: *article* opened with a lead of its
    own, or has no title, not even a heading to open it (text after a byline, or titles at the
    foot).  Under a title, paragraphs before the first lead are the title's deck (张伟出席会议并讲话
    强调，…).  Nor does a lead end an article that is only a deck so far (:func:`_only_deck`)."""
    titled = bool(article.title) or bool(article.blocks) and article.blocks[0].kind == "heading"
    return _has_text(article) and (_led(article) or not titled) and not _only_deck(article, titled)


def _deck_so_far(article: Article) -> bool:
    """*article* has its title and a deck under it (subheads, maybe a line of text) but less text than
    any article has (ARTICLE_MIN_TEXT): a title-sized line read now is one more line of that deck
    (a line naming who presided and who attended, under a subhead and a line of a speech), not the next article's
    title, which would leave this one too short to be an article.  (On 78 train batch directories,
    none of the 6,187 gold articles followed by another on their page has fewer than ARTICLE_MIN_TEXT
    characters of text: corpora/typeset/README.md, "a deck line read as a title".)  Without a subhead
    the lines read so far are no deck (a list's items read as titles, pdfminer), and the title is
    left to open an article."""
    return bool(article.title) and _has_heading(article) and _short(article)


def _only_deck(article: Article, titled: bool) -> bool:
    """*article* has a title or a subhead, or was opened by its byline (a byline line set over its text),
    less text than any article has (:func:`_short`) and no sentence ended in it: its lines are a deck,
    headline lines above the lead -- the title printed again as a line of text and a subhead on a page
    with its titles at the foot, a deck line a dateline opens (新华社北京9月3日电 …) under a title, or the
    article's own title stack printed under its byline line where the titles stand at the foot (fresh3067
    page-006: 本报记者 郭晨 over two headline lines read as one paragraph, then the lead).  An article's own
    text ends its sentences."""
    headed = titled or _has_heading(article) or article.byline_opens
    lines = [b.text for b in article.blocks if b.kind == "paragraph"]
    return headed and _short(article) and not any(ends_sentence(text) for text in lines)


def _has_heading(article: Article) -> bool:
    """*article* has a subhead (a heading block) so far."""
    return any(b.kind == "heading" for b in article.blocks)


def _short(article: Article) -> bool:
    """*article* has less paragraph text than any article has (ARTICLE_MIN_TEXT, see _deck_so_far)."""
    return sum(len(b.text) for b in article.blocks if b.kind == "paragraph") < ARTICLE_MIN_TEXT


def _has_text(article: Article) -> bool:
    return any(b.kind == "paragraph" for b in article.blocks)


def _opens_with_lead(article: Article) -> bool:
    """The article's first paragraph opens with a news lead (see textfix.lines.NEWS_LEAD)."""
    first = next((b for b in article.blocks if b.kind == "paragraph"), None)
    return first is not None and opens_lead(first.text)


def _deck_paragraph(block: Block) -> bool:
    """A paragraph set as a deck's line: no sentence mark at all (a headline, as a subhead is; a
    paragraph that ends no sentence but has a clause mark is a sentence an extractor's block cut short,
    pdftotext), and no letter's date (which ends its article: the signature lines above it are the
    letter's too, see textfix.layout._BodyReader._signature)."""
    return block.kind == "paragraph" and SENTENCE_MARKS.search(block.text) is None and not signed_date(block.text)


def _led(article: Article) -> bool:
    """*article*'s text opens with a news lead, at its first paragraph or under its deck."""
    return _opens_with_lead(article) or _lead_under_deck(article)


def _lead_under_deck(article: Article) -> bool:
    """*article*'s text opens with a news lead under its deck: its first paragraph that ends a
    sentence does (the deck's lines end none, see _deck_after_last_sentence)."""
    first = next((b for b in article.blocks if b.kind == "paragraph" and ends_sentence(b.text)), None)
    return first is not None and opens_lead(first.text)


def _opened(articles: list[Article], titles_at_foot: bool, under_deck: bool = False) -> Article:
    """The article a byline that opens its text (under the title, or a dateline's) belongs to.

    Where the current article has text already, that article ended unsigned
    and this byline opens the next one: the subheads right before it are
    that one's title (unless the titles are at the foot).  With the titles at the foot, a news lead's
    article (*under_deck*) takes its deck (see _deck_after_last_sentence); a dateline's does not (on
    pdftotext's block order, pt16/train783 page-024, a subhead of the article before whose text comes
    later stands over the next article's dateline).
    """
    current = articles[-1]
    if not any(b.kind == "paragraph" for b in current.blocks):
        return current
    if titles_at_foot:
        new = Article(blocks=_deck_after_last_sentence(current) if under_deck else [])
        articles.append(new)
        return new
    moved: list[Block] = []
    while current.blocks and current.blocks[-1].kind == "heading":
        moved.insert(0, current.blocks.pop())
    new = Article()
    if moved:
        new.title = "".join(b.text for b in moved)
        new.title_span = (moved[0].start, moved[-1].end)
    articles.append(new)
    return new


def _deck_after_last_sentence(article: Article) -> list[Block]:
    """The blocks after *article*'s last sentence end (subheads, headline paragraphs), taken off it: on a
    page with its titles at the foot, the deck of the article whose lead follows them (纪念大会在京隆重举行 |
    主席出席并发表讲话 over 央视网消息（新闻联播）：…, invented here).  An article's own text ends its sentences
    (see _only_deck), and a lead only opens an article, so bare lines between are the next one's."""
    blocks = article.blocks
    cut = len(blocks)
    while cut and (blocks[cut - 1].kind == "heading" or _deck_paragraph(blocks[cut - 1])):
        cut -= 1
    if not any(b.kind == "paragraph" for b in blocks[:cut]):
        return []  # no sentence ended yet: the lines are this article's own deck
    if len(blocks) - cut < 2:
        # A deck is the title printed again and a line under it; one subhead alone over a lead is the
        # article before's, its text put after another block's by the extractor (pdftotext:
        # pt14/train559 page-019).
        return []
    deck, article.blocks = blocks[cut:], blocks[:cut]
    return deck


def _split_at_second_byline(article: Article, titles_at_foot: bool) -> list[Article]:
    """An article signed at its start and again at its end is two: the first ended unsigned.

    The boundary is where the topic dips deepest (see _dips) with
    MIN_TOPIC_TEXT on each side: at a subhead (the second article's title,
    read as one) when there is one and the titles are not at the foot, else
    between paragraphs.
    """
    if article.closing is None:
        return [article]
    blocks, (name, printed, span) = article.blocks, article.closing
    dips, lengths = _dips(blocks), _lengths(blocks)
    places = [i for i in dips if _enough_text(lengths, i)] or list(dips)
    headed = [i for i in places if blocks[i].kind == "heading" and _lone_subhead(blocks, i)]
    if titles_at_foot or not headed:
        headed = [i for i in places if blocks[i].kind != "heading"]
    if not headed:
        article.closing = None
        return [article]
    i = min(headed, key=lambda j: dips[j])
    first = replace(article, blocks=blocks[:i], closing=None)
    second = Article(blocks=blocks[i:], byline=name, byline_text=printed, byline_span=span)
    return [first, second]


def _offset_in(item: Item, i: int) -> int:
    """Where character *i* of an item's joined text is in the repaired page (lines joined without separators)."""
    for ln in item.lines:
        if i < len(ln.text):
            return ln.start + i
        i -= len(ln.text)
    return item.end


def _foot_titles(articles: list[Article], lines: list[Item]) -> tuple[list[Article], list[Item]]:
    """The articles and their titles printed at the page foot, a title wrapped over lines joined.

    Large type wraps at the title measure: a line as wide as the widest of
    the block, within TITLE_WRAP_SLACK (see textfix.layout), goes on in the
    next.  The widest line may itself be a title that fitted one line, so
    lines are joined, nearest the measure first, only while more titles are
    left than the page has articles: those its bylines end or open, and the
    deep dips in topic inside them (see _topic_breaks).  Nor is the block's
    last line a title's second half when it is full itself: a wrapped
    title's last line is seldom at the measure (corpora/typeset/fit_titles.py),
    two titles that each fill the line are common; nor does a line go on
    across a blank line (an extractor's block boundary).  Then the page is split
    to as many articles as titles (see _split_to_count).
    """
    # Where every article opens with a news lead, a new article opens with one too: the leads have
    # told the articles apart, and a dip in topic inside one is a turn of its story.
    led = all(_led(a) for a in articles)
    articles_seen = len(articles) + (0 if led else sum(_topic_breaks(a.blocks) for a in articles))
    widths = [title_width(ln.lines[0]) for ln in lines]
    short = [max(widths) - w for w in widths]
    last_full = short[-1] <= TITLE_WRAP_SLACK
    # A line that leaves a bracket or quote open goes on, however short (its marks may be set narrow).
    open_after = _left_open(lines)
    # So does a line that what opens the next did not fit (西部陆海新通道5年跑 | 出“加速度”: 出“加 goes
    # down whole, see textfix.lines.opening_unit), however short of the measure.
    # A line's spaces take room that title_width leaves out (TITLE_SPACE each).
    room = [short[i] - TITLE_SPACE * ln.text.count(" ") for i, ln in enumerate(lines)]
    # A line never goes on into a block's start nor into a line opening with a rubric 【…】 (that opens
    # a title of its own); both the measure and the `led` joins ask only these.
    may_go_on = [i for i in range(len(lines) - 1) if title_goes_on_into(lines[i + 1])]
    at_measure = [i for i in may_go_on
                  if room[i] <= TITLE_WRAP_SLACK or i in open_after or opening_unit(lines[i + 1].lines[0]) > short[i]]
    may_join = [i for i in at_measure if not (i == len(lines) - 2 and last_full)]
    joined = None
    # pdfminer sets each title at the foot in a text block of its own (a blank line before it): where
    # every line of the foot opens a block or goes on from one at the measure, and a block's last line
    # is short of the measure (a wrapped title's last line seldom is at it; two full titles are), the
    # blocks are the titles -- never fewer than the articles the bylines and leads tell apart.
    starts = [i for i, ln in enumerate(lines) if ln.name == BLOCK_START]
    ends = {j - 1 for j in starts[1:]} | {len(lines) - 1}
    if (
        max(2, len(articles)) <= len(starts)
        and starts[0] == 0
        and all(short[i] <= TITLE_WRAP_SLACK for i in range(len(lines) - 1) if i + 1 not in starts)
        and all(short[i] > TITLE_WRAP_SLACK for i in ends if i not in starts)
    ):
        joined = {i for i in range(len(lines) - 1) if i + 1 not in starts}
    left_open = {i for i in at_measure if i in open_after}
    if joined is None and articles_seen == len(articles) < len(lines):
        # Counted by their leads, the articles are sure: a full last line may be a title's second half.
        joinable = set(at_measure if led else may_join)
        joined = _joins_by_fit(articles, lines, joinable, left_open)
        # Too few lines reach the measure to make one title per article: the title measure is only
        # the widest line, and one whose brackets or digits print narrower than title_width counts
        # them sets it too wide (a 【…·…】 line over 工厂订单排到2025年底 | 企业…, whose 企 did not
        # fit; train seed 161, page-008).  Where every article opens with a lead, the count is sure,
        # and the lines nearest the measure go on, one at a time, until they do.  Not where the bylines
        # alone counted them: an unsigned article there has a title of its own (generator pools
        # heldout_articles seeds 7 and 23 lost one so).
        if joined is None and led:
            for _, i in sorted((short[i], i) for i in may_go_on if i not in at_measure):
                joinable.add(i)
                joined = _joins_by_fit(articles, lines, joinable, left_open)
                if joined is not None:
                    break
    if joined is None:
        joined = set(left_open)
        for _, i in sorted((short[i], i) for i in may_join):
            if len(lines) - len(joined) <= articles_seen:
                break
            joined.add(i)
    titles: list[Item] = []
    for i, ln in enumerate(lines):
        if i - 1 in joined:
            prev = titles[-1]
            titles[-1] = Item("foot_title", prev.text + ln.text, prev.start, ln.end, prev.lines + ln.lines)
        else:
            titles.append(ln)
    return _split_to_count(articles, [t.text for t in titles]), titles


def _left_open(lines: list[Item]) -> set[int]:
    """The lines after which a bracket or quote opened on them or on the lines before them that go
    on into them is still open (《在市图书馆建 | 馆60周年…上的讲 | 话》: the middle line opens
    nothing itself, yet the title goes on)."""
    out: set[int] = set()
    text = ""
    for i, ln in enumerate(lines[:-1]):
        text = text + ln.text if i - 1 in out else ln.text
        if leaves_open(text):
            out.add(i)
    return out


def _joins_by_fit(articles: list[Article], lines: list[Item], may_join: set[int], must_join: set[int]
                  ) -> set[int] | None:
    """Which lines go on into the next when the foot's lines make exactly one title per article.

    The bylines told the articles apart, in page order, as the titles are:
    of the ways to cut the lines into that many titles, joining only where
    a line may go on (*may_join*) and always where it must (*must_join*), the
    one whose titles' bigrams are found most in their articles (counted, see
    _title_hits) wins.  Counted, not as a share of each title: a share makes a
    title's short last line alone a perfect fit (过大年) and the line it should
    go on from a dilution of the title before (train seed 49: 4 of 40 pages'
    titles cut so).  ``None`` when no way gives that many titles.
    """
    n, k = len(lines), len(articles)
    bodies = [_body(a) for a in articles]
    # best[j][g]: (score, cuts) for the first j lines as g titles; a title may end after line i only
    # where line i does not go on (i not joined) -- any line may end a title, joining is optional.
    best: list[list[tuple[float, tuple[int, ...]] | None]] = [[None] * (k + 1) for _ in range(n + 1)]
    best[0][0] = (0.0, ())
    for j in range(1, n + 1):
        for i in range(j):  # the title is lines i .. j-1: lines i .. j-2 go on
            if any(m not in may_join for m in range(i, j - 1)) or j - 1 in must_join:
                continue
            text = "".join(lines[m].text for m in range(i, j))
            for g in range(1, k + 1):
                prev = best[i][g - 1]
                if prev is None:
                    continue
                score = prev[0] + _title_hits(text, bodies[g - 1])
                if best[j][g] is None or score > best[j][g][0]:
                    best[j][g] = (score, prev[1] + (j,))
    if best[n][k] is None:
        return None
    ends = set(best[n][k][1])
    return {i for i in range(n - 1) if i + 1 not in ends}


def _topic_breaks(blocks: list[Block]) -> int:
    """Gaps in *blocks* where the topic dips as deep as at an unsigned article's title (TITLE_DIP,
    with ARTICLE_MIN_TEXT on each side): articles the bylines did not tell apart."""
    if len(blocks) < 2:
        return 0
    dips, lengths = _dips(blocks), _lengths(blocks)
    return sum(1 for i, dip in dips.items() if dip < TITLE_DIP and blocks[i].kind != "heading" and _enough_text(lengths, i, ARTICLE_MIN_TEXT))


def _body(article: Article) -> str:
    return "".join(b.text for b in article.blocks)


FIT_WINDOW = 800  # characters on each side of a boundary searched for a title's words
DIP_WEIGHT = 0.5  # how much a dip in topic (see _dips) counts against the titles' fit


def _split_to_count(articles: list[Article], titles: list[str]) -> list[Article]:
    """More titles at the foot than bylines: some article was not signed, and ends unmarked.

    Split where the topic dips deepest (see :func:`_dips`) and the titles fit
    best: the share of each neighbouring title's bigrams found on its side.
    Repeat until there are as many articles as titles.
    """
    articles = list(articles)
    if len(articles) >= len(titles):
        return articles
    # Each article's dips and text lengths, worked out once: only the two parts of a split change.
    measured = [(_dips(a.blocks), _lengths(a.blocks)) for a in articles]
    while len(articles) < len(titles):
        best = None
        for ai, (article, (dips, lengths)) in enumerate(zip(articles, measured)):
            blocks = article.blocks
            for i, dip in dips.items():
                if blocks[i].kind == "heading" or not _enough_text(lengths, i):
                    # A subhead belongs to the text after it, and an article opens with its lead, not a
                    # subhead (its title is at the foot); short stretches say little.
                    continue
                # Near the boundary, each side should be about its own title; the halves as a whole
                # always are, wherever the boundary falls, so they would not tell one place from another.
                before, after = _windows(blocks, i, FIT_WINDOW)
                fit = _title_recall(titles[ai], before) + _title_recall(titles[ai + 1], after)
                score = DIP_WEIGHT * dip - fit
                if best is None or score < best[0]:
                    best = (score, ai, i)
        if best is None:
            break
        _, ai, i = best
        whole = articles[ai]
        first, second = Article(blocks=whole.blocks[:i]), Article(blocks=whole.blocks[i:])
        _give_byline(whole, first if whole.byline_opens else second)
        articles[ai : ai + 1] = [first, second]
        measured[ai : ai + 1] = [(_dips(part.blocks), _lengths(part.blocks)) for part in (first, second)]
    return articles


MIN_TOPIC_TEXT = 150


def _lengths(blocks: list[Block]) -> list[int]:
    """Characters in the blocks before each gap: ``[0, len(block 0), …, all]``."""
    return list(accumulate((len(b.text) for b in blocks), initial=0))


def _enough_text(lengths: list[int], i: int, least: int = MIN_TOPIC_TEXT) -> bool:
    """At least *least* characters on either side of the gap before block *i* (*lengths*: see _lengths)."""
    return min(lengths[i], lengths[-1] - lengths[i]) >= least


def _windows(blocks: list[Block], i: int, size: int, paragraphs_only: bool = False) -> tuple[str, str]:
    """The *size* characters of text before the gap before block *i*, and the *size* after it.

    Only the blocks near the gap are joined: on a long page without bylines
    an article has thousands of blocks, and joining them all at every gap
    took time growing with the square of the page.
    """
    before, n, j = [], 0, i
    while j > 0 and n < size:
        j -= 1
        if not paragraphs_only or blocks[j].kind == "paragraph":
            before.append(blocks[j].text)
            n += len(blocks[j].text)
    after, n, j = [], 0, i
    while j < len(blocks) and n < size:
        if not paragraphs_only or blocks[j].kind == "paragraph":
            after.append(blocks[j].text)
            n += len(blocks[j].text)
        j += 1
    return "".join(reversed(before))[-size:], "".join(after)[:size]


TILE_WINDOW = 400  # characters of text compared on each side of a gap between blocks


def _dips(blocks: list[Block]) -> dict[int, float]:
    """How alike the text is on the two sides of each gap between blocks, as a share of the mean.

    Text on either side of a subhead is about the same story; on either side
    of an article's end it is not.  How alike two stretches of one story are
    varies with the story (a list of measures, a portrait), so each gap is
    weighed against the mean over every gap of the stretch (text tiling): an
    article's end is a deep dip.  Keys are the indices of the blocks after
    the gaps; a heading's text belongs to what follows it, so there is no gap
    right after one.  Only paragraphs are compared.
    """
    gaps = [i for i in range(1, len(blocks)) if blocks[i - 1].kind != "heading"]
    similarity = {i: _bigram_cosine(*_windows(blocks, i, TILE_WINDOW, paragraphs_only=True)) for i in gaps}
    mean = sum(similarity.values()) / len(similarity) if similarity else 0.0
    return {i: s / mean if mean else 1.0 for i, s in similarity.items()}


def _split_at_unsigned_titles(article: Article) -> list[Article]:
    """An article without a byline runs into the next one's title, which then reads as a subhead.

    See :func:`_unsigned_titles` for how such a title is told from a subhead.  An article that
    opens with a news lead is not asked: the next would open with one too, and a lead paragraph
    has already opened it (see _assemble); its subheads are a sub-story's headlines.
    """
    if _opens_with_lead(article):
        return [article]
    parts = [Article(title=article.title, title_span=article.title_span)]
    blocks = article.blocks
    titles = _unsigned_titles(blocks)
    for i, block in enumerate(blocks):
        if i in titles:
            parts.append(Article())
        parts[-1].blocks.append(block)
    _give_byline(article, parts[0] if article.byline_opens else parts[-1])
    parts[-1].source_line, parts[-1].source_span = article.source_line, article.source_span
    return parts


def _give_byline(whole: Article, part: Article) -> None:
    """The byline of an article split in parts goes to the part it was printed in: the first when it
    opens the text, else the last."""
    part.byline, part.byline_text, part.byline_span, part.byline_opens = whole.byline, whole.byline_text, whole.byline_span, whole.byline_opens


TITLE_DIP = 0.4  # at a title, the similarity falls below this share of the stretch's mean
TWO_PHRASE_DIP = 0.75  # a two-phrase line ("…落地 家电…回暖") is a title's usual shape, a subhead's rarely
ARTICLE_MIN_TEXT = 200  # characters an article has at the least


def _unsigned_titles(blocks: list[Block]) -> set[int]:
    """Indices of the subheads in *blocks* that are really the next article's title.

    A title is a deep dip in topic (see :func:`_dips`) with a whole article
    on each side.  A subhead followed by another (a kicker and its main
    subhead) is never a title.
    """
    candidates = [i for i in range(1, len(blocks)) if _lone_subhead(blocks, i) and not blocks[i].body_size]
    if not candidates:
        return set()
    dips, lengths = _dips(blocks), _lengths(blocks)
    return {
        i for i in candidates
        if dips[i] < _title_dip(blocks[i].text) and _enough_text(lengths, i, ARTICLE_MIN_TEXT)
    }


def _lone_subhead(blocks: list[Block], i: int) -> bool:
    """A subhead with text before it and after it, no kicker and no main subhead."""
    return blocks[i].kind == "heading" and blocks[i - 1].kind != "heading" and (i + 1 == len(blocks) or blocks[i + 1].kind != "heading")


def _title_dip(line: str) -> float:
    return TWO_PHRASE_DIP if two_phrases(line) else TITLE_DIP


def _title_recall(title: str, text: str) -> float:
    """Share of the title's character bigrams that occur in *text*."""
    grams = _bigrams(title)
    return _title_hits(title, text) / len(grams) if grams else 0.0


def _title_hits(title: str, text: str) -> int:
    """How many of the title's distinct character bigrams occur in *text*."""
    han = NOT_HAN.sub("", text)  # a substring test: no need to count the text's bigrams
    return sum(1 for g in _bigrams(title) if g in han)


def _bigram_cosine(a: str, b: str) -> float:
    va, vb = _bigrams(a), _bigrams(b)
    dot = sum(n * vb.get(g, 0) for g, n in va.items())
    norm = math.sqrt(sum(n * n for n in va.values()) * sum(n * n for n in vb.values()))
    return dot / norm if norm else 0.0


# The same windows are compared again as articles are counted, split and titled (on 41 distinct pages,
# 462 windows, two of three look-ups repeats): 4096 holds a page's many times over.
@lru_cache(maxsize=4096)
def _bigrams(text: str) -> Counter[str]:
    """The text's ideograph bigrams with their counts (shared: read, never change, what this returns)."""
    han = NOT_HAN.sub("", text)
    return Counter(map(str.__add__, han, han[1:]))


NOT_HAN = regex.compile(r"[^\u4e00-\u9fff]+")


def _titles_from_lead_headings(articles: list[Article]) -> None:
    """Titles printed before their articles: an article that opens with a heading opens with its title."""
    for article in articles:
        if article.blocks and article.blocks[0].kind == "heading" and not article.title:
            first = article.blocks.pop(0)
            article.title = first.text
            article.title_span = (first.start, first.end)


def _give_titles(articles: list[Article], titles: list[Item], to_input) -> None:
    """Titles printed together at the foot: in order when the counts agree, else by shared characters."""
    if len(titles) == len(articles):
        pairs = list(zip(articles, titles))
    else:
        pairs = _match_by_overlap(articles, titles)
    for article, title in pairs:
        if article.title:  # two lines of one title
            article.title += title.text
            article.title_span = (article.title_span[0], to_input(title.end))
        else:
            article.title = title.text
            article.title_span = (to_input(title.start), to_input(title.end))


def _match_by_overlap(articles: list[Article], titles: list[Item]) -> list[tuple[Article, Item]]:
    """Each title to the article whose body shares most of its characters, keeping page order."""
    pairs = []
    lo = 0
    for title in titles:
        chars = set(title.text)
        scores = [len(chars & set("".join(b.text for b in a.blocks))) for a in articles[lo:]]
        if not scores:
            scores, lo = [0], len(articles) - 1
        best = lo + max(range(len(scores)), key=lambda i: (scores[i], -i))
        pairs.append((articles[best], title))
        lo = best
    return pairs
