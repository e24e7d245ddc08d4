"""What the counting scripts share (count_hanging.py, count_proportional.py): the pages named on the
command line, and the evidence a rule of textfix.lines weighed on a page, caught at its first call;
(count_foot_lines.py, count_full_subheads.py, count_heading_rests.py, count_indented_titles.py,
count_inset_bylines.py, count_short_firsts.py, count_tail_lines.py)
each typeset page's gold articles and an extractor's boxes of it, as the reader cuts them.

A DIR with a MANIFEST.json and ``NAME.<extractor>.txt`` pages is typeset (make_pages.py); any other DIR
holds generated ``synth-*.txt`` pages (generate_pages.py); a path after ``--file`` is one page.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's textfix
import textfix.lines as lines  # noqa: E402

EXTRACTORS = ("pdfium", "pdftotext-raw", "pdftotext", "pdfminer")


def pages(args: list[str]) -> Iterator[tuple[str, str, Path]]:
    """(kind, name, path) for every page *args* name: kind "typeset", "generated" or "file"."""
    files = False
    for arg in args:
        if arg == "--file":
            files = True
            continue
        d = Path(arg)
        if files:
            yield "file", d.name, d
        elif (d / "MANIFEST.json").exists() and any(d.glob("*.pdfium.txt")):
            for gold in sorted(d.glob("*.gold.json")):
                name = gold.name.removesuffix(".gold.json")
                for ex in EXTRACTORS:
                    if (p := d / f"{name}.{ex}.txt").exists():
                        yield "typeset", f"{d.name}/{name}/{ex}", p
        else:
            for p in sorted(d.glob("synth-*.txt")):
                yield "generated", f"{d.name}/{p.stem}", p


def typeset_pages(dirs: list[str], extractor: str = "pdfminer") -> Iterator[tuple[str, list[dict], list]]:
    """(``DIR/NAME``, the gold's articles, textfix.order.boxes of the *extractor*'s text repaired) for
    every page of the typeset batches *dirs* (``NAME.gold.json`` beside ``NAME.<extractor>.txt``), in
    name order."""
    import textfix.order as order
    import textfix.split as split
    from textfix.io import read_text
    from textfix.repair import repair

    model = split.default_model()
    bylines = lines.byline_finder(model)
    for arg in dirs:
        for gold in sorted(Path(arg).glob("*.gold.json")):
            name = gold.name.removesuffix(".gold.json")
            articles = json.loads(gold.read_text(encoding="utf-8"))["articles"]
            text = read_text(gold.with_name(f"{name}.{extractor}.txt")).rstrip("\f\n ")
            yield f"{Path(arg).name}/{name}", articles, order.boxes(repair(text, model, rejoin=False).text, bylines)


def typeset_boxes(dirs: list[str], extractor: str = "pdfminer") -> Iterator[tuple[list[dict], list]]:
    """typeset_pages without the pages' names."""
    return ((articles, blocks) for _, articles, blocks in typeset_pages(dirs, extractor))


def gold_headings(articles: list[dict]) -> list[str]:
    """The gold's titles and heading blocks of *articles*, without whitespace (textfix.evaluate.squash):
    what a block counted as "a gold heading" must lie within."""
    from textfix.evaluate import squash

    heads = [squash(a.get("title") or "") for a in articles]
    heads += [squash(b["text"]) for a in articles for b in a["blocks"] if b["kind"] != "paragraph"]
    return [h for h in heads if h]


def heading_tally(dirs: list[str], shown: Callable[[list], str | None], extractor: str = "pdfminer") -> Counter:
    """(gold heading?, next block goes on?) -> blocks, over every page in *dirs*: each block but a page's last
    whose *shown* text is not None, a gold heading when that text lies within one (``gold_headings``), and
    whether the block printed after it goes on from it (``textfix.order._goes_on``)."""
    import textfix.order as order
    from textfix.evaluate import squash

    counts: Counter = Counter()
    for articles, blocks in typeset_boxes(dirs, extractor):
        heads = gold_headings(articles)
        for block, after in zip(blocks, blocks[1:]):
            text = shown(block)
            if text is not None:
                text = squash(text)
                counts[any(text in h for h in heads), order._goes_on(after)] += 1
    return counts


def print_heading_tally(counts: Counter) -> None:
    """Print a (gold heading?, next block goes on?) -> blocks tally, one line per "goes on"."""
    for goes_on, what in ((True, "a block after it that goes on"), (False, "none after it that goes on")):
        print(f"{what}: {counts[True, goes_on]} gold headings, {counts[False, goes_on]} text")


def first_weighing(rule: str, evidence: Callable[..., tuple[int, int]], text: str) -> tuple[int, int, bool]:
    """(evidence one way, the other, decision) of ``textfix.lines.<rule>`` at its first call while
    cut_lines reads *text*; *evidence* takes the rule's arguments."""
    seen: list[tuple[int, int, bool]] = []
    weigh = getattr(lines, rule)

    def spy(*args):
        seen.append((*evidence(*args), weigh(*args)))
        return seen[-1][2]

    setattr(lines, rule, spy)
    try:
        lines.cut_lines(text)
    finally:
        setattr(lines, rule, weigh)
    return seen[0]


def print_tally(tally: Counter[tuple[str, str, bool]]) -> None:
    """One line per (kind of page, evidence shown, decision right): how many pages."""
    for (kind, shown, right), n in sorted(tally.items()):
        print(f"{kind}, evidence {shown}, {'right' if right else 'wrong'}: {n}")
