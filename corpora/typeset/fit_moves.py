"""Where textfix.order.BLOCK_PARAGRAPHS and ONE_LINE_BLOCKS come from: what tells pdftotext's blocks.

    python corpora/typeset/fit_moves.py /tmp/tp2/train /tmp/tp2/train23 /tmp/l3/train25

pdftotext (default mode) prints a block from one bold line to the next, several paragraphs each;
pdfminer prints a box per paragraph or part of one.  For every page with four blocks or more before
the foot (textfix.order's MIN_BLOCKS), the paragraphs per block (textfix.order.paragraphs_per_block)
of each extractor's text; prints each extractor's range and the point half way between pdfminer's
highest and pdftotext's lowest: the move search (textfix.order.move_order) runs on pages at or above it.
Then the blocks of one line of text (no heading or byline) on pdftotext's pages and on the generator
pages of corpora/pages that pass BLOCK_PARAGRAPHS (they print a blank line after some lines), and the
fewest no pdftotext page holds (pdftotext's most and one: the generator pages lie far above, but
bench/settle.py's generator pages with a paragraph-a-line article appended come as low as five).
Last, for each extractor the pages that box a sentence's first line apart from the lines it goes on in
(textfix.order._sentence_boxed_apart, among the blocks up to the strips' foot that reading_order reads),
which textfix.order._pdftotext_blocks takes for pdfminer's.  And for pdftotext and pdfminer the pages
that end every paragraph inside a block on the block's first line (textfix.order._paragraphs_boxed_apart):
of all pages with a paragraph ended inside a block, and of those that pass the tests before it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's textfix
from textfix.io import read_text  # noqa: E402
from textfix.lines import BylineFinder, cut_lines  # noqa: E402
from textfix.order import (  # noqa: E402
    BLOCK_PARAGRAPHS, MIN_BLOCKS, _foot, _paragraph_end, _paragraphs_boxed_apart, _paragraphs_run_on, _sentence_boxed_apart, _strips_foot, boxes,
    _text_lines_alone, blocks_of, paragraphs_per_block)

EXTRACTORS = ("pdftotext", "pdfminer")


def _blocks(path: Path):
    """The blocks of the text in *path* before the foot, or None when they are fewer than MIN_BLOCKS."""
    text = read_text(path).rstrip("\f\n ")
    blocks = blocks_of(cut_lines(text, bylines=BylineFinder()), text)
    stop = _foot(blocks)
    return blocks[:stop] if stop >= MIN_BLOCKS else None


def _page_texts(folder: Path, extractor: str):
    """(NAME, path) of the *extractor*'s text of each page of the typeset batch *folder*, in name order."""
    for gold in sorted(folder.glob("*.gold.json")):
        name = gold.name.removesuffix(".gold.json")
        txt = folder / f"{name}.{extractor}.txt"
        if txt.exists():
            yield name, txt


def page_values(folder: Path, extractor: str) -> list[tuple[float, int, str]]:
    """(paragraphs per block, one-line text blocks, page) for each page of *folder* with MIN_BLOCKS
    blocks before the foot."""
    out = []
    for name, txt in _page_texts(folder, extractor):
        if (blocks := _blocks(txt)) is not None:
            out.append((paragraphs_per_block(blocks), _text_lines_alone(blocks), f"{folder.name}/{name}"))
    return out


def main(argv: list[str]) -> int:
    ranges, alone = {}, 0
    for extractor in EXTRACTORS:
        values = sorted(v for folder in map(Path, argv) for v in page_values(folder, extractor))
        if not values:
            print(f"{extractor}: no pages")
            return 1
        ranges[extractor] = (values[0][0], values[-1][0])
        print(f"{extractor}: {len(values)} pages, paragraphs per block {values[0][0]:.2f} ({values[0][2]}) - {values[-1][0]:.2f} ({values[-1][2]})")
        if extractor == "pdftotext":
            alone = max(v[1] for v in values)
    low, high = ranges["pdfminer"][1], ranges["pdftotext"][0]
    print(f"BLOCK_PARAGRAPHS: pdfminer highest {low:.2f}, pdftotext lowest {high:.2f}: half way {(low + high) / 2:.3f}")
    generator = []
    for page in sorted((ROOT / "corpora" / "pages").glob("synth-*.txt")):
        blocks = _blocks(page)
        if blocks is not None and paragraphs_per_block(blocks) >= BLOCK_PARAGRAPHS:
            generator.append((_text_lines_alone(blocks), page.stem))
    fewest = min(generator)
    print(f"ONE_LINE_BLOCKS: pdftotext's pages at most {alone}; generator pages passing BLOCK_PARAGRAPHS "
          f"{fewest[0]} ({fewest[1]}) - {max(generator)[0]} ({', '.join(name for _, name in generator)}): the fewest no pdftotext page holds {alone + 1}")
    for extractor in ("pdftotext", "pdftotext-raw", "pdfium", "pdfminer"):
        print(f"first lines boxed apart, {extractor}: {len(boxed_apart_pages(map(Path, argv), extractor))} pages")
    for extractor in EXTRACTORS:
        inside, passing = paragraphs_boxed_apart_counts(map(Path, argv), extractor)
        print(f"paragraphs boxed apart, {extractor}: {inside[1]} of {inside[0]} pages with a paragraph ended inside a block; "
              f"{passing[1]} of the {passing[0]} that pass the tests before it")
    return 0


def _strips_boxes(txt: Path):
    """The boxes (textfix.order.boxes) of the text in *txt* up to the strips' foot."""
    blocks = boxes(read_text(txt).rstrip("\f\n "), BylineFinder())
    return blocks[:_strips_foot(blocks)]


def paragraphs_boxed_apart_counts(folders, extractor: str) -> tuple[tuple[int, int], tuple[int, int]]:
    """((pages with a paragraph ended inside a block, of them boxed apart), (pages passing the tests of
    textfix.order._paragraphs_run_on, of them boxed apart)) of *folders*."""
    inside, passing = [0, 0], [0, 0]
    for folder in folders:
        for _, txt in _page_texts(folder, extractor):
            if len(blocks := _strips_boxes(txt)) < MIN_BLOCKS:
                continue
            apart = _paragraphs_boxed_apart(blocks)
            if any(_paragraph_end(a) for b in blocks for a in b[:-1]):
                inside[0] += 1
                inside[1] += apart
            if _paragraphs_run_on(blocks):
                passing[0] += 1
                passing[1] += apart
    return tuple(inside), tuple(passing)


def boxed_apart_pages(folders, extractor: str) -> list[str]:
    """The pages of *folders* one of whose boxes (textfix.order.boxes) up to the strips' foot is a
    sentence's first line boxed apart."""
    out = []
    for folder in folders:
        for _, txt in _page_texts(folder, extractor):
            blocks = _strips_boxes(txt)
            if any(_sentence_boxed_apart(blocks, i) for i in range(len(blocks))):
                out.append(f"{folder.name}/{txt.name}")
    return out


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
