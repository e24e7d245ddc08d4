"""Measure the splitter on folders of generated pages (synth-NNN.txt with synth-NNN.gold.json).

    python corpora/measure_pages.py DIR [DIR ...]

prints, per folder, the figures of the README's "Measured quality" table:
pages whose article count is exact, mean paragraph and heading F1 per page,
and the share of articles whose title and byline are right.  Make folders
with generate_pages.py (a new seed, or other texts with --articles).
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's textfix, as generate_pages.py
from textfix import split_page  # noqa: E402
from textfix.evaluate import evaluate  # noqa: E402
from textfix.io import read_text  # noqa: E402


@dataclass
class Summary:
    pages: int
    exact: int  # pages whose article count is right
    para_f1: float  # means over pages
    heading_f1: float
    articles: int  # in the gold
    titles: int  # right
    bylines: int

    def line(self) -> str:
        return (
            f"count exact {self.exact}/{self.pages}, paragraph F1 {self.para_f1:.3f}, heading F1 {self.heading_f1:.3f}, "
            f"titles {self.titles / self.articles:.1%}, bylines {self.bylines / self.articles:.1%}"
        )


def measure(folder: Path) -> Summary:
    scores = []
    for page in sorted(folder.glob("synth-*.txt")):
        gold = json.loads(read_text(page.with_name(page.stem + ".gold.json")))
        scores.append(evaluate(gold, split_page(read_text(page), source=page.name).to_dict()))
    if not scores:
        raise SystemExit(f"measure_pages: no synth-*.txt pages in {folder}")
    n = len(scores)
    return Summary(
        pages=n,
        exact=sum(s.articles_out == s.articles_gold for s in scores),
        para_f1=sum(s.para_f1 for s in scores) / n,
        heading_f1=sum(s.heading_f1 for s in scores) / n,
        articles=sum(s.articles_gold for s in scores),
        titles=sum(s.titles_ok for s in scores),
        bylines=sum(s.bylines_ok for s in scores),
    )


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [Path(__file__).resolve().parent / "pages"]
    for folder in folders:
        print(f"{folder}: {measure(folder).line()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
