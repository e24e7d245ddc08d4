"""Reading text whose lines are paragraphs already: a web article, a repaired page.

Such text (see :mod:`textfix.shape` for how it is recognised) keeps its
lines: each is a paragraph, a heading, a title, a byline or a source line.
The one exception is a line that opens with a mark no line may open with
(``，。%）”``…, kinsoku): it is the rest of the line before, cut by whatever
wrote the text (``…比重75`` / ``%，获得…``), and is joined to it.

What a line is, from its text alone (no widths: there is no column):

* ``# 标题`` (one ``#``) where an article starts is its title, ``## 小标题``
  (two to six) a heading; the marks are not part of the text;
* ``来源：经济参考报`` is the article's source line, and ends it;
* a line ending in a byline (``（记者 龚联康）``) ends the article;
* where an article starts — the text's start, after a byline or source line,
  or after two blank lines (how ``textfix split --format text`` separates
  articles) — a line punctuated as a title may be (see
  :func:`textfix.lines._is_headline`) is the title, unless it is the last;
* elsewhere such a line, up to :data:`HEADING_MAX` units wide and not a
  question or exclamation, is a heading;
* anything else is a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .charclasses import opens_with_a_closing_mark
from .layout import Item, parse_header, signed_date
from .lines import LINE_TEXT, BylineFinder, Line, _is_headline, ends_sentence
from .measure import display_width
from .shape import MARKDOWN_HEADING

SOURCE_LINE = re.compile(r"(?:文章|稿件|本文|新闻|信息)?来源[：:][ \t\u3000]*\S")
ARTICLE_BREAK = re.compile(r"\n[ \t\u3000]*\n[ \t\u3000]*\n")  # two blank lines
# The widest subhead of the train part of real-dev is 76 units (measured 2026-11-29 with
# display_width over its `subheads`); 156 of its 32,787 other paragraphs are punctuated as
# headlines, a third of them wider than that.  None of its 982 subheads ends in ？ or ！, 48 of
# those 156 paragraphs do.
HEADING_MAX = 76
NOT_A_HEADING_END = frozenset("？！?!")


def read_paragraphs(text: str, bylines: BylineFinder | None = None) -> list[Item]:
    """The layout items of *text*, one line (or a line and its kinsoku continuation) each, in order."""
    bylines = bylines or BylineFinder()
    groups = _kinsoku_groups([Line(m.group(), m.start(), m.end(), 0) for m in LINE_TEXT.finditer(text)])
    items: list[Item] = []
    if groups and len(groups[0]) == 1 and (header := parse_header(groups[0][0])) is not None:
        ln = groups[0][0]
        items.append(Item("header", ln.text, ln.start, ln.end, [ln], name="\t".join(header.values())))
        groups = groups[1:]
    article_start, previous_end = True, 0
    for group in groups:
        if ARTICLE_BREAK.search(text, previous_end, group[0].start):
            article_start = True
        read = _read_group(group, bylines, article_start)
        items.extend(read)
        article_start = read[-1].kind in ("byline", "source")
        previous_end = group[-1].end
    if items and items[-1].kind == "title":  # a title is followed by its article: a last line is text
        items[-1] = replace(items[-1], kind="paragraph")
    return _signatures(items)


def _signatures(items: list[Item]) -> list[Item]:
    """*items* with a letter's signature and date under its last paragraph read as paragraphs of it, as the
    print reader reads them (:meth:`textfix.layout._BodyReader._signature`): the lines read as headings up to
    a date alone (:func:`textfix.layout.signed_date`), right after a paragraph that ends a sentence.  (So ``split --format text``
    output, split again, keeps them paragraphs.)"""
    out = list(items)
    for k, item in enumerate(out):
        if item.kind != "heading" or not signed_date(item.text):
            continue
        first = k
        while first > 0 and out[first - 1].kind == "heading":
            first -= 1
        if first > 0 and out[first - 1].kind == "paragraph" and ends_sentence(out[first - 1].text):
            out[first : k + 1] = [replace(it, kind="paragraph") for it in out[first : k + 1]]
    return out


def join_kinsoku(items: list[Item]) -> list[Item]:
    """*items* with each block that opens with a mark no line opens with joined to the block before.

    The print layout may start a block there (a stray mark on a line of its
    own); in the output it would be a line that opens with the mark, which
    read again as paragraphs joins the line before.
    """
    out: list[Item] = []
    for item in items:
        prev = out[-1] if out else None
        if prev is not None and prev.kind != "header" and item.kind != "header" and opens_with_a_closing_mark(item.text):
            kind = "paragraph" if prev.kind == "byline" else prev.kind  # a byline ends its line
            out[-1] = Item(kind, prev.text + item.text, prev.start, item.end, prev.lines + item.lines)
        else:
            out.append(item)
    return out


def _kinsoku_groups(lines: list[Line]) -> list[list[Line]]:
    """The lines, each with the lines after it that open with a mark no line opens with."""
    groups: list[list[Line]] = []
    for ln in lines:
        if groups and opens_with_a_closing_mark(ln.text):
            groups[-1].append(ln)
        else:
            groups.append([ln])
    return groups


def _read_group(group: list[Line], bylines: BylineFinder, article_start: bool) -> list[Item]:
    """What one line (with its continuation) is: see the module's docstring."""
    text = "".join(ln.text for ln in group)
    start, end = group[0].start, group[-1].end
    if len(group) == 1 and (m := MARKDOWN_HEADING.fullmatch(text)):
        kind = "title" if article_start and not text.startswith("##") else "heading"
        return [Item(kind, m.group(1).rstrip(), start, end, group)]
    if SOURCE_LINE.match(text):
        return [Item("source", text, start, end, group)]
    found = bylines.find(text) if len(group) == 1 else None
    if found is not None:
        cut, printed, name = found
        head = text[:cut].rstrip()
        byline = Item("byline", printed, start + cut, end, group, name=name)
        return [Item("paragraph", head, start, start + len(head), group), byline] if head else [byline]
    if _is_headline(text, ends_sentence(text)):
        if article_start:
            return [Item("title", text, start, end, group)]
        if display_width(text) <= HEADING_MAX and text[-1] not in NOT_A_HEADING_END:
            return [Item("heading", text, start, end, group)]
    return [Item("paragraph", text, start, end, group)]
