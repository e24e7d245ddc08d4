"""Real-dev items (see realdev.py) written out the ways a user may hand them to textfix.

* :func:`plain_text`: a web article as plain text — the title on the first
  line, then one paragraph (or subhead) per line, with or without a blank line
  between them;
* :func:`print_pages`: the same articles set as print pages by
  ``generate_pages.py`` (column, indents, spaces around digit runs, garbled
  font runs, titles before the articles or at the foot), a few to a page.

Used by ``fit_shape.py`` and the scripts under ``bench/``; nothing here is
shipped, and nothing of the set is written into the project.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_pages import generate_page  # noqa: E402

from textfix.charlm import CORNER_QUOTES  # noqa: E402

# Curly quotes as the corner forms GB/T 15834-2011 gives for them (「」『』 for “”‘’, textfix.charlm.CORNER_QUOTES).
_AS_CORNER = str.maketrans({curly: corner for corner, curly in CORNER_QUOTES.items()})
QUOTES = ("curly", "corner")  # the --quotes choices of bench/eval_garbles.py and bench/clean_text.py


def plain_text(item: dict[str, Any], blank_lines: bool) -> str:
    """The item as a web article: title line, then a line per paragraph; ends with a line end."""
    separator = "\n\n" if blank_lines else "\n"
    return separator.join([item["title"], *item["paragraphs"]]) + "\n"


def with_quotes(item: dict[str, Any], quotes: str) -> dict[str, Any]:
    """The item with its quotes set as *quotes* says: ``curly`` as published, ``corner`` each “”‘’ as 「」『』
    (a documented transform: the set prints no corner quote, and text that sets them sets them throughout)."""
    if quotes == "curly":
        return item
    return {**item, "title": item["title"].translate(_AS_CORNER),
            "paragraphs": [p.translate(_AS_CORNER) for p in item["paragraphs"]]}


def as_article(item: dict[str, Any]) -> dict[str, Any]:
    """The item in generate_pages.py's article form (real-dev items have no bylines)."""
    heads = set(item.get("subheads") or [])
    blocks = [{"kind": "heading" if i in heads else "paragraph", "text": p} for i, p in enumerate(item["paragraphs"])]
    return {"title": item["title"], "byline": "", "blocks": blocks}


def print_pages(items: list[dict[str, Any]], count: int, seed: int) -> list[tuple[str, dict[str, Any]]]:
    """*count* print pages (text, gold) of 2-4 articles drawn from *items*, reproducibly from *seed*.

    Items with fewer than three paragraphs are left out: a page of one-line
    briefs has no column to measure, and the generator wants paragraphs.
    """
    articles = [as_article(it) for it in items if len(it["paragraphs"]) >= 3]
    pages = []
    for i in range(count):
        rng = random.Random(seed * 100003 + i)
        ids = rng.sample(range(len(articles)), rng.choice([2, 3, 3, 4]))
        text, gold, _ = generate_page(rng, articles, article_ids=ids, truncate=False)
        pages.append((text, gold))
    return pages
