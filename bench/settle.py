"""Idempotence on print pages made from real news: repair twice is repair once, and so on.

    python bench/settle.py [--pages N] [--part train|test] [--list]

N print pages (default 200) per part of real-dev (../shared/real-dev through
corpora/realdev.py, train and test apart) are set by corpora/generate_pages.py
(corpora/realdev_forms.print_pages), and for each page it is checked that

* applying the change log to the input gives the output (the log is a plan);
* repairing the output again changes nothing;
* splitting ``split --format text`` output again gives the same articles,
  titles, bylines and blocks;
* the page is read as print (textfix.shape);
* with a real-dev article written a paragraph a line appended (the next item
  of the part, its title left out), every paragraph of it is still a line of
  the output (textfix.shape.regions), and the print part is rejoined as alone.

``--part`` checks one part only; ``--list`` names, under the table, the pages
failing each check (their index in the part), to find what a change broke.

Exits with a message when the set is absent (a fresh clone).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "corpora")]
import realdev  # noqa: E402
from realdev_forms import print_pages  # noqa: E402

from textfix.formats import to_text  # noqa: E402
from textfix.repair import apply_changes, repair  # noqa: E402
from textfix.split import split_page  # noqa: E402


def _articles(page) -> list:
    return [(a.title, a.byline, [(b.kind, b.text) for b in a.blocks]) for a in page.articles]


def check(text: str, appended: list[str] | None = None) -> dict[str, bool]:
    result = repair(text)
    page = split_page(text)
    mixed = repair(text + "\n" + "\n".join(appended or []) + "\n").text.split("\n")
    alone = [line for line in result.text.split("\n") if line.strip()]
    return {
        "appended paragraphs kept, print part as alone": all(p in mixed for p in appended or []) and all(a in mixed for a in alone),
        "log makes the output": apply_changes(text, result.changes) == result.text,
        "repair twice = once": repair(result.text).text == result.text,
        "split of split text = split": _articles(split_page(to_text(page))) == _articles(page),
        "read as print": result.layout == "print",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--part", choices=("train", "test"), help="check this part only")
    parser.add_argument("--list", action="store_true", help="name the pages failing each check")
    args = parser.parse_args()
    names = list(check("", []).keys())
    print("| part | pages | " + " | ".join(names) + " |")
    print("| --- | --- |" + " --- |" * len(names))
    failing = []
    for part, seed in (("train", 11), ("test", 12)):
        if args.part and part != args.part:
            continue
        items = realdev.load(part)
        pages = print_pages(items, args.pages, seed)
        extra = [[p.strip() for p in items[(k * 37) % len(items)]["paragraphs"] if p.strip()] for k in range(len(pages))]
        results = [check(text, more) for (text, _), more in zip(pages, extra)]
        print(f"| {part} | {len(results)} | " + " | ".join(f"{sum(r[n] for r in results)}" for n in names) + " |")
        failing += [f"{part} page {k}: {n}" for k, r in enumerate(results) for n in names if not r[n]]
    if args.list:
        print("\n".join(failing))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
