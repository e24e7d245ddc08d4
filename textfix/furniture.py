"""Running headers, footers and page numbers: what repeats at the edges of a file's pages.

An extractor gives every page of a newspaper PDF its running header (the
date, the paper's name, the page) and often a footer or a page number.  They
belong to no article.  A line is furniture when it stands among the first or
last :data:`EDGE` lines of a page and the same line — digits read as one
digit, spaces ignored — stands at the same edge of other pages: on at least
two pages and at least half of them (a running head is on every page, or on
every other one where left and right pages differ).  A line that ends a
sentence is prose, never furniture.  A page header that names
the page's section (``6 产经 Industries``, see :func:`textfix.layout.parse_header`)
is the page's own and stays: it is read as the page's header.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from .layout import parse_header
from .lines import Line, ends_sentence

EDGE = 2  # lines at the top and at the bottom of a page where running heads and feet stand
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Furniture:
    """A line of a page that repeats at the same edge of the file's other pages."""

    text: str
    start: int  # offsets into the page
    end: int

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "start": self.start, "end": self.end}


def find_furniture(pages: list[str]) -> list[list[Furniture]]:
    """For each page of a file, its furniture lines (none when the file has one page)."""
    edges = [_edge_lines(page) for page in pages]
    seen = Counter(key for page in edges for key in {(edge, _key(text)) for edge, text, _, _ in page})
    needed = max(2, math.ceil(len(pages) / 2))
    return [
        [Furniture(text, start, end) for edge, text, start, end in page if seen[edge, _key(text)] >= needed]
        for page in edges
    ]


def blanked(page: str, furniture: list[Furniture]) -> str:
    """*page* with its furniture lines turned to spaces: offsets into it stay offsets into *page*."""
    for f in furniture:
        page = page[: f.start] + " " * (f.end - f.start) + page[f.end :]
    return page


def _edge_lines(page: str) -> list[tuple[str, str, int, int]]:
    """(edge, text, start, end) of the first and last EDGE non-blank lines, page headers left out."""
    lines = []
    at = 0
    for raw in page.split("\n"):
        text = raw.strip()
        if text:
            start = at + raw.index(text[0])
            lines.append((text, start, start + len(text)))
        at += len(raw) + 1
    top = [("top", *ln) for ln in lines[:EDGE]]
    bottom = [("bottom", *ln) for ln in lines[EDGE:][-EDGE:]]
    return [e for e in top + bottom if not ends_sentence(e[1]) and parse_header(Line.of(e[1], e[2], e[3], 0)) is None]


def _key(text: str) -> str:
    return _DIGITS.sub("0", _SPACE.sub("", text))
