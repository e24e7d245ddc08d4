"""Score the current reader on typeset pages, per extractor.

    python corpora/typeset/measure.py DIR [DIR ...] [--extractors pdftotext,pdfium] [--pages]

For every ``NAME.gold.json`` in DIR and every extractor, reads
``NAME.<extractor>.txt`` (the form feed pdftotext ends a page with is cut
off: a page maker page is one page), splits it with ``textfix.split_page``
and scores it with ``textfix.evaluate``.  Prints per extractor the figures of
corpora/measure_pages.py (pages whose article count is exact, mean paragraph
and heading F1 per page, titles and bylines right) and also headers right,
"blocks whole" (the share of gold blocks, as printed, found unbroken in the
whitespace-free extraction, and of them those in page order: reading order
before the reader runs),
the character-weighted body CER, garbles left in place and false fixes.

The extractor name ``pdf`` is the PDF path itself: ``NAME.pdf`` read by
``textfix.read_pdf`` and split from its coordinates
(``textfix.pdflayout.split_pdf_page``), scored the same way ("blocks whole"
then looks at the page's text in the layout's reading order).
``--pages`` adds one line per page; ``--no-reorder`` splits with
``split_page(reorder=False)`` (textfix.order: the blocks read as printed, not in reading order).  (measure_pages.py itself wants
``synth-NNN.txt`` beside ``synth-NNN.gold.json``; this is the same scoring
for the ``NAME.<extractor>.txt`` files of make_pages.py.)
"""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's textfix
from textfix import split_page  # noqa: E402
from textfix.evaluate import PageScore, evaluate, squash  # noqa: E402
from textfix.io import read_text  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pdftext import garble_text  # noqa: E402


_DATELINE = re.compile(r"^(?:新华社|本报)\S{2,6}?\d+月\d+日电")
_LEAD = re.compile(r"^[^。！？“”]{4,24}?。")


def printed_blocks(gold: dict) -> list[str]:
    """Each gold block as the page prints it, whitespace-free: garbled runs garbled, a dateline's byline cut off."""
    out = []
    for article in gold["articles"]:
        for i, block in enumerate(article["blocks"]):
            text = block["text"]
            if article.get("byline_form") == "dateline" and (m := _DATELINE.match(text)):
                text = text[m.end():]  # the printed （记者 X） sits between the dateline and the text
            if block.get("garbled") == "paragraph":
                text = garble_text(text)  # before squashing: an ideographic space (row 1) prints as 摇
            elif block.get("garbled") == "lead" and (m := _LEAD.match(text)):
                text = garble_text(m.group()) + text[m.end():]
            out.append(squash(text))
    return out


def blocks_whole(gold_path: Path, extractor: str) -> tuple[int, int, int]:
    """(gold blocks found whole in the extraction, of them in page order, blocks): reading order before any reader runs.

    "In order": the longest run of found blocks whose positions increase (a
    longest increasing subsequence), so one block out of place costs one.
    """
    if extractor == PDF:
        from textfix.pdflayout import lay_out, page_text

        flat = squash(page_text(lay_out(_pdf_page(gold_path))).text)
    else:
        txt = gold_path.with_name(f"{gold_path.name.removesuffix('.gold.json')}.{extractor}.txt")
        flat = squash(read_text(txt))
    blocks = printed_blocks(json.loads(gold_path.read_text(encoding="utf-8")))
    positions = [flat.find(b) for b in blocks if b in flat]
    tails: list[int] = []  # patience sorting: length of the longest increasing subsequence
    for pos in positions:
        k = bisect.bisect_left(tails, pos)
        tails[k:k + 1] = [pos]
    return len(positions), len(tails), len(blocks)


PDF = "pdf"  # the extractor name of the PDF path (read_pdf and the coordinate layout)


def _pdf_page(gold_path: Path):
    from textfix.pdf import read_pdf

    return read_pdf(gold_path.with_name(gold_path.name.removesuffix(".gold.json") + ".pdf")).pages[0]


def score(gold_path: Path, extractor: str, reorder: bool = True) -> PageScore | None:
    name = gold_path.name.removesuffix(".gold.json")
    if extractor == PDF:
        from textfix.pdflayout import split_pdf_page

        pdf = gold_path.with_name(f"{name}.pdf")
        if not pdf.exists():
            return None
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        return evaluate(gold, split_pdf_page(_pdf_page(gold_path), source=pdf.name).to_dict())
    text = page_text(gold_path, extractor)
    if text is None:
        return None
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return evaluate(gold, split_page(text, source=f"{name}.{extractor}.txt", reorder=reorder).to_dict())


def page_text(gold_path: Path, extractor: str) -> str | None:
    """The page text *extractor* printed beside *gold_path* (None where there is none), the form feed
    that ends a pdftotext page cut off."""
    txt = gold_path.with_name(f"{gold_path.name.removesuffix('.gold.json')}.{extractor}.txt")
    if not txt.exists():
        return None
    return read_text(txt).rstrip("\f\n ")


def summary(scores: list[PageScore], whole: list[int]) -> str:
    n = len(scores)
    articles = sum(s.articles_gold for s in scores)
    chars = sum(r.gold_chars for s in scores for r in s.rows)
    cer = sum(r.cer * r.gold_chars for s in scores for r in s.rows) / max(1, chars)
    return (
        f"pages {n}: blocks whole {whole[0] / max(1, whole[2]):.1%}, in order {whole[1] / max(1, whole[2]):.1%}, count exact {sum(s.articles_out == s.articles_gold for s in scores)}/{n}, "
        f"paragraph F1 {sum(s.para_f1 for s in scores) / n:.3f}, heading F1 {sum(s.heading_f1 for s in scores) / n:.3f}, "
        f"titles {sum(s.titles_ok for s in scores) / articles:.1%}, bylines {sum(s.bylines_ok for s in scores) / articles:.1%}, "
        f"headers {sum(s.header_ok for s in scores)}/{n}, CER {cer:.4f}, "
        f"garbles missed {sum(s.garbles_missed for s in scores)}, false fixes {sum(s.false_fixes for s in scores)}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dirs", nargs="+", type=Path)
    ap.add_argument("--extractors", default="", help="default: every extractor with files in the folder")
    ap.add_argument("--pages", action="store_true", help="one line per page too")
    ap.add_argument("--no-reorder", dest="reorder", action="store_false", help="split_page(reorder=False): the blocks read as printed (textfix.order)")
    args = ap.parse_args(argv)
    for folder in args.dirs:
        golds = sorted(folder.glob("*.gold.json"))
        if not golds:
            raise SystemExit(f"measure: no *.gold.json in {folder}")
        found = sorted({p.name.split(".")[-2] for p in folder.glob("*.txt")}) + ([PDF] if any(folder.glob("*.pdf")) else [])
        extractors = [e for e in args.extractors.split(",") if e] or found
        for extractor in extractors:
            scores, whole = [], [0, 0, 0]
            for gold in golds:
                s = score(gold, extractor, args.reorder)
                if s is None:
                    continue
                scores.append(s)
                whole = [a + b for a, b in zip(whole, blocks_whole(gold, extractor))]
                if args.pages:
                    print(f"  {gold.name.removesuffix('.gold.json')} {extractor}: articles {s.articles_out}/{s.articles_gold}, "
                          f"paragraph F1 {s.para_f1:.3f}, titles {s.titles_ok}, bylines {s.bylines_ok}, CER {s.cer:.4f}")
            if scores:
                print(f"{folder} {extractor}: {summary(scores, whole)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
