"""Count the gold's heading stacks (two or more heading blocks in a row in one article: a deck of
subheads under a title) and how the reader prints them, by page and by distinct stack (its first
heading's text: a source article's deck recurs on many pages).  The provenance of the twelfth
session's note on pdfium's stacks (corpora/typeset/README.md): whether a stack rule could rest on
more than a handful of source decks.

    python corpora/typeset/count_heading_stacks.py --extractor pdfium DIR [DIR ...]

Each DIR is a typeset batch (make_pages.py) with ``NAME.<extractor>.txt`` and ``NAME.gold.json``.
A stack is "right" where every one of its headings is printed as a heading block of its own
(textfix.evaluate.squash compares), "joined" where none is but their text is one printed heading,
and "text" otherwise.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # this checkout first

from textfix import split_page  # noqa: E402
from textfix.evaluate import squash  # noqa: E402
from textfix.io import read_text  # noqa: E402


def gold_stacks(articles: list[dict]) -> list[list[str]]:
    """The runs of two or more heading blocks in a row in each of *articles*."""
    stacks = []
    for article in articles:
        run: list[str] = []
        for block in article["blocks"] + [{"kind": "paragraph", "text": ""}]:
            if block["kind"] == "heading":
                run.append(block["text"])
                continue
            if len(run) >= 2:
                stacks.append(run)
            run = []
    return stacks


def verdict(stack: list[str], printed: set[str]) -> str:
    """"right", "joined" or "text" (see the module docstring) for a gold *stack*."""
    if all(squash(h) in printed for h in stack):
        return "right"
    whole = squash("".join(stack))
    return "joined" if any(whole in p or (p in whole and len(p) > len(squash(stack[0]))) for p in printed) else "text"


def main(argv: list[str]) -> int:
    extractor = "pdfium"
    if argv[:1] == ["--extractor"]:
        extractor, argv = argv[1], argv[2:]
    by_stack: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for folder in map(Path, argv):
        for gold_path in sorted(folder.glob("*.gold.json")):
            name = gold_path.name.removesuffix(".gold.json")
            text_path = gold_path.with_name(f"{name}.{extractor}.txt")
            if not text_path.exists():
                continue
            articles = json.loads(gold_path.read_text())["articles"]
            stacks = gold_stacks(articles)
            if not stacks:
                continue
            out = split_page(read_text(text_path).rstrip("\f\n "), source=text_path.name).to_dict()
            printed = {squash(b["text"]) for a in out["articles"] for b in a["blocks"] if b["kind"] == "heading"}
            for stack in stacks:
                by_stack[stack[0]].append((f"{folder}/{name}", verdict(stack, printed)))
    pages = [v for found in by_stack.values() for v in found]
    wrong = {k for k, found in by_stack.items() if any(v != "right" for _, v in found)}
    print(f"{len(pages)} stacks on pages, {len(by_stack)} distinct; wrong on {sum(v != 'right' for _, v in pages)} pages of {len(wrong)} distinct stacks")
    for first, found in sorted(by_stack.items(), key=lambda kv: -len(kv[1])):
        tally = {v: sum(1 for _, x in found if x == v) for v in ("right", "joined", "text")}
        print(f"  {len(found):3d} pages  right {tally['right']}  joined {tally['joined']}  text {tally['text']}  {first[:20]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
