"""A file of pages: PDF extractors end each page with a form feed.

pdftotext, pdfminer and most tools that turn a whole newspaper issue into
text write a form feed (``\\f``) after each page.  Layout belongs to a page:
its column width, the header line at its top, the titles printed together
at its foot.  Read as one page, a file of many would take page 2's header
for a subhead and page 1's foot titles for text, so a text with form feeds
is cut into pages, each repaired and laid out on its own, and the outputs
are joined again with form feeds.  Change offsets stay offsets into the
whole input; split output says which page (``page_index``) starts where
(``offset``), and a page's spans are offsets into the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .repair import Repaired

PAGE_BREAK = "\f"


def cut_pages(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each page of *text*; the form feeds belong to no page.

    Empty pages (a trailing form feed, two in a row) are kept, so that joining
    the outputs with form feeds gives back as many page breaks as the input had.
    """
    pages, start = [], 0
    for page in text.split(PAGE_BREAK):
        pages.append((start, page))
        start += len(page) + len(PAGE_BREAK)
    return pages


def numbered_pages(text: str, blank: bool = True) -> list[tuple[int, int, str]]:
    """(index, offset, text) of each page of *text*; blank pages left out unless *blank* (a blank
    page, like the form feed pdftotext writes after the last page, holds no article)."""
    return [(i, offset, page) for i, (offset, page) in enumerate(cut_pages(text)) if blank or page.strip()]


def join_repaired(pages: list[tuple[int, Repaired]]) -> Repaired:
    """The pages' repairs (each with its offset in the input) as one, change offsets into the input."""
    from .repair import Repaired

    changes = [c.shifted(offset) for offset, r in pages for c in r.changes]
    return Repaired(PAGE_BREAK.join(r.text for _, r in pages), changes)
