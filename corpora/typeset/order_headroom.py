"""How much of an extractor's error is reading order: each page's error characters as the reader
reads it, and with the same boxes (textfix.order.boxes, marks repaired) put in the gold order instead
(the oracle order), everything else (article split, titles, rejoin) the reader's own.

    python corpora/typeset/order_headroom.py DIR [DIR ...] [--extractor pdfminer] [--least 20]

Each DIR is a typeset batch (make_pages.py).  Prints one row per page whose error is *least*
characters or more either way (``order`` where the oracle order reads it *least* characters better),
then a table: per batch its gold characters, the reader's error characters and CER, the characters the
oracle order saves (summed over the pages it reads better), the pages it saves *least* or more on, the
CER left with every page read the better way, and the pages of *least* or more error it does not mend.

A box is placed in the gold order by a substring of it found once in the page's gold text (10, 6 or 4
characters; a box with none follows the box before it); the foot's titles (textfix.order._foot) stay
last.  The oracle may read a page worse (a box matched to the wrong place): the headroom counts only
what it saves.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's textfix

import textfix.order as order  # noqa: E402
from textfix import split_page  # noqa: E402
from textfix.evaluate import evaluate, squash  # noqa: E402
from textfix.io import read_text  # noqa: E402
from textfix.repair import input_offset, repair  # noqa: E402
from textfix.split import byline_finder  # noqa: E402

# A box's substring looked up in the gold text, longest first, tried at every KEY_STEP-th offset into the box.
# Chosen, not fitted (a tool's search, not a rule of the reader); checked on the pdfminer boxes above the foot of
# f12/train171, 173 and f13/train201, 203 (3,827 boxes): 3,454 placed by a 10-character key, 8 by a 6, none left
# to the 4, and 365 unplaced, of which the first 8 looked at were 7 headers, page numbers and bylines (the gold
# text holds titles and blocks only) and one title; every offset tried (KEY_STEP 1) places one box more.
KEY_LENGTHS = (10, 6, 4)
KEY_STEP = 3


def gold_text(gold: dict) -> str:
    """The page's gold text in reading order, squashed as the evaluator compares it."""
    return "".join(squash(a.get("title") or "") + "".join(squash(b["text"]) for b in a["blocks"])
                   for a in gold["articles"])


def gold_place(box_text: str, flat: str) -> int:
    """Where the box starts in the gold text, by a substring found there once; -1 if none is."""
    for k in KEY_LENGTHS:
        for off in range(0, max(1, len(box_text) - k + 1), KEY_STEP):
            piece = box_text[off:off + k]
            at = flat.find(piece)
            if at >= 0 and flat.count(piece) == 1:
                return at - off
    return -1


def oracle_reading(text: str, model, flat: str) -> order.Reading | None:
    """The page's boxes in gold order as page_order gives a reading (offsets into *text*), or None
    where that is the print order."""
    repaired = repair(text, model, rejoin=False)
    blocks = order.boxes(repaired.text, byline_finder(model))
    foot = order._foot(blocks)
    keys: list[float] = []
    last = -1.0
    for i, block in enumerate(blocks):
        box_text = squash("".join(ln.text for ln in block))
        at = gold_place(box_text, flat)
        if i >= foot:
            keys.append(float(len(flat) + i))  # the foot's titles stay last, in print order
            continue
        if at < 0:
            keys.append(last + 0.001)  # no place of its own: after the box before it
            last += 0.001
            continue
        keys.append(float(at))
        last = float(at + len(box_text) - 1)
    read = sorted(range(len(blocks)), key=lambda i: keys[i])
    if read == list(range(len(blocks))):
        return None
    to_input = input_offset(repaired.changes)

    def at_input(offset: int) -> int:
        return len(text) if offset == len(repaired.text) else to_input(offset)

    spans = order._spans(repaired.text, blocks, read)
    return order.Reading([(at_input(lo), at_input(hi)) for lo, hi in spans], False)


def error_chars(gold: dict, text: str) -> tuple[int, int]:
    """The page's gold characters and error characters (CER times gold characters, over its articles)."""
    rows = evaluate(gold, split_page(text).to_dict()).rows
    return sum(r.gold_chars for r in rows), round(sum(r.cer * r.gold_chars for r in rows))


def page_errors(path: Path, extractor: str) -> tuple[int, int, int]:
    """(gold characters, error as read, error in the oracle order) of one page."""
    name = path.name.removesuffix(".gold.json")
    text = read_text(path.with_name(f"{name}.{extractor}.txt")).rstrip("\f\n ")
    gold = json.loads(path.read_text())
    chars, now = error_chars(gold, text)
    flat = gold_text(gold)
    reader = order.page_order
    order.page_order = lambda t, model: oracle_reading(t, model, flat)
    try:
        _, oracle = error_chars(gold, text)
    finally:
        order.page_order = reader
    return chars, now, oracle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", nargs="+")
    parser.add_argument("--extractor", default="pdfminer")
    # (20: chosen, not fitted, about a line and a half of a 26-unit column; it sets only which pages get a row and
    # the two page counts: the characters, error and saves are summed over every page whatever it is.)
    parser.add_argument("--least", type=int, default=20, help="error characters a page row needs")
    args = parser.parse_args()
    for d in args.dirs:  # (a mistyped folder, checked before any page is read: its CER would divide by 0)
        if not any(Path(d).glob("*.gold.json")):
            raise SystemExit(f"order_headroom: no *.gold.json in {d}")
    table = []
    for d in args.dirs:
        chars = now = saved = order_pages = other_pages = 0
        for path in sorted(Path(d).glob("*.gold.json")):
            c, e, o = page_errors(path, args.extractor)
            chars, now, saved = chars + c, now + e, saved + max(0, e - o)
            mended = e - o >= args.least
            order_pages += mended
            other_pages += e >= args.least and not mended
            if e >= args.least or o >= args.least:
                kind = "order" if mended else "other"
                print(f"{Path(d).name} {path.name[:8]} chars {c} now {e} oracle {o} {kind}", flush=True)
        table.append((Path(d).name, chars, now, saved, order_pages, other_pages))
    print("\n| batch | chars | error | CER | order saves | pages order | CER left | pages other |")
    print("|---|---|---|---|---|---|---|---|")
    total = [0] * 5
    for name, *row in table:
        chars, now, saved, order_pages, other_pages = row
        total = [t + r for t, r in zip(total, row)]
        print(f"| {name} | {chars} | {now} | {now / chars:.2%} | {saved} | {order_pages} | {(now - saved) / chars:.2%} | {other_pages} |")
    chars, now, saved, order_pages, other_pages = total
    print(f"| all {len(table)} | {chars} | {now} | {now / chars:.2%} | {saved} | {order_pages} | {(now - saved) / chars:.2%} | {other_pages} |")


if __name__ == "__main__":
    main()
