"""Where the PDF layout's cuts come from: measured on typeset train pages against their gold.

    python corpora/typeset/fit_pdf_layout.py /tmp/tp2/train [/tmp/tp2/train23 ...]

For every ``NAME.pdf`` with its ``NAME.gold.json`` (made by make_pages.py),
reads the page with ``textfix.read_pdf``, measures it as
``textfix.pdflayout`` does and labels each line by the gold: the title it
is part of, or the article whose printed text holds it.  Prints, for the
three cuts of ``textfix/pdflayout.py``, the range on each side and the cut
half way between them:

* ``TITLE_RATIO``: a line's size over the body size, title lines against
  the others (the page header left out: it is read before this is asked);
* ``TITLE_PITCH``: baseline to baseline, in the title's em, between
  neighbouring lines of one size set larger than the body: lines of one
  title against lines of two titles;
* ``ARTICLE_GAP``: the space beyond the line pitch, in body em, above a
  body line that starts below every line before it: within an article
  against between two articles (titles at the foot: nothing but space
  tells them apart).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import printed_blocks  # noqa: E402
from textfix.evaluate import squash  # noqa: E402
from textfix.pdf import read_pdf  # noqa: E402
from textfix.pdflayout import SAME_SIZE, _size, measure, reading_order  # noqa: E402


def _span(lo: list[float], hi: list[float]) -> str:
    if not lo or not hi:
        return "not enough data"
    return f"below: {min(lo):.3f}–{max(lo):.3f} ({len(lo)}), above: {min(hi):.3f}–{max(hi):.3f} ({len(hi)}), half way {(max(lo) + min(hi)) / 2:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    args = ap.parse_args(argv)
    ratio_other, ratio_title = [], []
    pitch_within, pitch_between = [], []
    gap_within, gap_between = [], []
    for folder in args.dirs:
        for gold_path in sorted(folder.glob("*.gold.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            pdf = gold_path.with_name(gold_path.name.removesuffix(".gold.json") + ".pdf")
            lines = reading_order(read_pdf(pdf).pages[0].lines)
            sizes = [_size(ln) for ln in lines]
            m = measure(lines, sizes)
            titles = [squash(a["title"]) for a in gold["articles"]]
            per_article = []
            blocks = printed_blocks(gold)
            k = 0
            for a in gold["articles"]:
                per_article.append("".join(blocks[k : k + len(a["blocks"])]))
                k += len(a["blocks"])

            def title_of(text: str) -> int | None:
                hits = [i for i, t in enumerate(titles) if text and text in t]
                return hits[0] if len(hits) == 1 else None

            def article_of(text: str) -> int | None:
                hits = [i for i, t in enumerate(per_article) if len(text) >= 6 and text in t]
                return hits[0] if len(hits) == 1 else None

            header_rows = 1 if gold.get("header") else 0
            lowest = None
            for i, (ln, size) in enumerate(zip(lines, sizes)):
                text = squash(ln.text)
                t = title_of(text) if len(text) >= 4 else None
                if i >= header_rows and abs(ln.baseline - lines[0].baseline) > m.em / 2:
                    # labelled only where the gold is clear: in a title and no article's text, or the reverse
                    in_text = any(text in body for body in per_article)
                    if t is not None and not in_text:
                        ratio_title.append(size / m.body_size)
                    elif t is None and in_text and not any(text in title for title in titles):
                        ratio_other.append(size / m.body_size)
                if i and size > m.body_size * (1 + SAME_SIZE) and abs(sizes[i - 1] - size) <= SAME_SIZE * size:
                    prev = title_of(squash(lines[i - 1].text))
                    if t is not None and prev is not None and ln.baseline > lines[i - 1].baseline:
                        (pitch_within if t == prev else pitch_between).append((ln.baseline - lines[i - 1].baseline) / m.em_of(size))
                body = abs(size - m.body_size) <= SAME_SIZE * m.body_size
                if body and lowest is not None and ln.baseline > lowest[0] and i and abs(sizes[i - 1] - m.body_size) <= SAME_SIZE * m.body_size:
                    a, b = article_of(squash(lowest[1])), article_of(text)
                    if a is not None and b is not None:
                        (gap_within if a == b else gap_between).append((ln.baseline - lowest[0] - m.pitch) / m.em)
                if lowest is None or ln.baseline > lowest[0]:
                    lowest = (ln.baseline, ln.text)
    print(f"TITLE_RATIO (size / body size), other lines {_span(ratio_other, ratio_title)}")
    print(f"TITLE_PITCH (baseline step / title em), one title {_span(pitch_within, pitch_between)}")
    print(f"ARTICLE_GAP (extra space / body em), one article {_span(gap_within, gap_between)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
