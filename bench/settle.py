"""Idempotence on print pages made from real news: repair twice is repair once, and so on.

    python bench/settle.py [--pages N]

N print pages (default 200) per part of real-dev (../shared/real-dev through
corpora/realdev.py, train and test apart) are set by corpora/generate_pages.py
(corpora/realdev_forms.print_pages), and for each page it is checked that

* applying the change log to the input gives the output (the log is a plan);
* repairing the output again changes nothing;
* splitting ``split --format text`` output again gives the same articles,
  titles, bylines and blocks;
* the page is read as print (textfix.shape).

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


def check(text: str) -> dict[str, bool]:
    result = repair(text)
    page = split_page(text)
    return {
        "log makes the output": apply_changes(text, result.changes) == result.text,
        "repair twice = once": repair(result.text).text == result.text,
        "split of split text = split": _articles(split_page(to_text(page))) == _articles(page),
        "read as print": result.layout == "print",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    names = list(check("").keys())
    print("| part | pages | " + " | ".join(names) + " |")
    print("| --- | --- |" + " --- |" * len(names))
    for part, seed in (("train", 11), ("test", 12)):
        results = [check(text) for text, _ in print_pages(realdev.load(part), args.pages, seed)]
        print(f"| {part} | {len(results)} | " + " | ".join(f"{sum(r[n] for r in results)}" for n in names) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
