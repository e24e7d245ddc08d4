"""Where textfix.order.COLUMN_SHARE comes from: how short an article's last column pdftotext prints.

    python corpora/typeset/fit_columns.py /tmp/tp2/train /tmp/tp2/train23 /tmp/l3/train25 ...

CSS balances an article's columns.  pdftotext cuts a column at a subhead and may print the subhead
with the text under it after the page's other articles; what it printed of the article then ends at
the top of a column far shorter than the article's first block.  For every page's pdftotext text
(its marks repaired, cut into blocks as textfix.order.reading_order cuts them), in print order, each
article (textfix.order._articles) whose last block opens at a column's top gives its share
(textfix.order.column_share); the gold tells whether that block's last line ends the article its
first block opens ("whole") or the article goes on ("cut"; the first block and the last of another
gold article are left out: the print order mixed them).  Prints the ranges and the point half way
between the highest cut share and the lowest whole one.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's textfix
from textfix.io import read_text  # noqa: E402
from textfix.model import default_model  # noqa: E402
from textfix.order import _articles, _body_start, boxes, column_share, move_blocks  # noqa: E402
from textfix.repair import repair  # noqa: E402
from textfix.lines import byline_finder  # noqa: E402

PROBE = 6  # characters of a printed line looked up in the gold (a column holds 13-22)
END = 40  # a line that starts this close to the article's end is its last (two lines of the widest column)


def _plain(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _probe(line: str) -> str:
    """What the gold is searched for: the line's first characters before a byline's parenthesis."""
    return _plain(re.split(r"[（(]", line)[0])[:PROBE]


def _where(texts: list[str], probe: str, last: bool) -> tuple[int, bool] | None:
    """(gold article, at its end) of the printed line *probe*, or None when no article holds it."""
    for n, text in enumerate(texts):
        at = text.rfind(probe) if last else text.find(probe)
        if at >= 0 and probe:
            return n, len(text) - at <= END
    return None


def page_shares(folder: Path, name: str, model, bylines) -> list[tuple[float, bool, str]]:
    """(share, whole, page) for each article of the page whose last printed block opens a column."""
    gold = json.loads((folder / f"{name}.gold.json").read_text(encoding="utf-8"))
    texts = [_plain("".join(b["text"] for b in a["blocks"])) for a in gold["articles"]]
    text = repair(read_text(folder / f"{name}.pdftotext.txt"), model, rejoin=False).text
    blocks, stop = move_blocks(boxes(text, bylines))
    seq = list(range(_body_start(blocks, stop), stop))
    out = []
    for first, last in _articles(blocks, seq):
        share = column_share(blocks, seq, first, last)
        if share is None:
            continue
        top = next(ln.text for ln in blocks[seq[first]] if len(_probe(ln.text)) >= 3)
        bottom = next(ln.text for ln in reversed(blocks[seq[last]]) if len(_probe(ln.text)) >= 3)
        opened, ended = _where(texts, _probe(top), False), _where(texts, _probe(bottom), True)
        if opened and ended and opened[0] == ended[0]:
            out.append((share, ended[1], f"{folder.name}/{name}"))
    return out


def main(argv: list[str]) -> int:
    model = default_model()
    bylines = byline_finder(model)
    shares = sorted(s for folder in map(Path, argv) for gold in sorted(folder.glob("*.gold.json"))
                    for s in page_shares(folder, gold.name.removesuffix(".gold.json"), model, bylines))
    cut = [s for s in shares if not s[1]]
    whole = [s for s in shares if s[1]]
    if not cut or not whole:
        print("no cut or no whole articles")
        return 1
    print(f"cut: {len(cut)} articles, share {cut[0][0]:.2f} ({cut[0][2]}) - {cut[-1][0]:.2f} ({cut[-1][2]})")
    print(f"whole: {len(whole)} articles, share {whole[0][0]:.2f} ({whole[0][2]}) - {whole[-1][0]:.2f} ({whole[-1][2]})")
    print("cut pages: " + ", ".join(f"{p} {s:.2f}" for s, _, p in cut))
    print(f"COLUMN_SHARE: half way {(cut[-1][0] + whole[0][0]) / 2:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
