"""Count gold articles whose first blocks print the title again, as headings (issue 14, fourteenth session).

    python corpora/typeset/count_repeated_titles.py DIR [DIR ...]

An article "repeats its title" where its first headings, joined without spaces, are its title without
spaces (a wrapped title, then its phrases one a heading; more headings, a deck, may follow).  Prints
per directory the pages holding such an article and the articles, then the totals, and the pages
themselves with ``--list``.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

SPACES = re.compile(r"[\s\u3000]+")


def repeats_title(article: dict) -> bool:
    """The article's first heading blocks, joined, are its title again (spaces aside)."""
    title = SPACES.sub("", article.get("title") or "")
    joined = ""
    for block in article["blocks"]:
        if block.get("kind") != "heading" or len(joined) >= len(title):
            break
        joined += SPACES.sub("", block["text"])
    return bool(title) and joined == title


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--list", action="store_true", help="print each page holding such an article")
    args = parser.parse_args()
    pages = articles = total = 0
    for d in args.dirs:
        found = []
        for gold_path in sorted(d.glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            total += 1
            hits = [a for a in gold["articles"] if repeats_title(a)]
            if hits:
                found.append((gold_path.name.removesuffix(".gold.json"), len(hits)))
        pages += len(found)
        articles += sum(n for _, n in found)
        print(f"{d}: pages {len(found)}, articles {sum(n for _, n in found)}")
        if args.list:
            for name, n in found:
                print(f"  {name}: {n}")
    print(f"total: {pages} of {total} pages, {articles} articles")


if __name__ == "__main__":
    main()
