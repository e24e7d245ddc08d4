"""Pages per second from a newspaper PDF: PDFium's own text extraction, textfix.read_pdf, and split.

    pip install -e '.[pdf,typeset]' && python bench/bench_pdf.py [--pages 20]

The PDF is made here, as the tests make theirs (``tests/_pdfs.py``: WeasyPrint,
Noto CJK, the project's own articles, the garbled font): ``--pages`` A3 pages of
four columns, eight whole articles each (about 5,000 characters, a newspaper page),
the second paragraph of each garbled.  Timed in this process on one
core, after a warm-up, the median of five runs:

* PDFium alone: ``pypdfium2`` loads each page and extracts its text
  (``get_text_range``): what the PDF library costs;
* ``textfix.read_pdf``: lines in reading order with every character's font and position;
* ``textfix.pdflayout.lay_out`` and ``page_text``: the layout from coordinates alone;
* ``textfix.split_pdf`` of the read document: layout from coordinates, repair with
  the fonts' evidence, articles (what ``textfix split FILE.pdf`` does after reading);
* ``textfix.split_pages`` of the document's text: the text path, for comparison.

Goal (issue 15): at least ten newspaper pages a second on one core.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


PER_PAGE = 8  # articles a page: about 5,000 characters, as a newspaper page holds


def make_pdf(folder: Path, pages: int) -> Path:
    """``pages`` newspaper-size pages (A3, four columns, the project's articles whole), a paragraph of each garbled."""
    import html
    import json

    import _pdfs

    articles = json.loads(_pdfs.ARTICLES.read_text(encoding="utf-8"))
    css = _pdfs._css(_pdfs._fonts(), columns=4).replace("size: 130mm 190mm", "size: 297mm 420mm")
    sections = []
    for k in range(pages):
        blocks = []
        for article in (articles[(PER_PAGE * k + j) % len(articles)] for j in range(PER_PAGE)):
            paragraphs = [b["text"] for b in article["blocks"] if b["kind"] == "paragraph"]
            blocks.append(f"<h1>{html.escape(article['title'])}</h1>" + "".join(
                f'<p{" class=g" if i == 1 else ""}>{html.escape(t)}</p>' for i, t in enumerate(paragraphs)))
        sections.append(f'<section{" class=page" if k else ""}><div class=body>{"".join(blocks)}</div></section>')
    path = folder / "bench.pdf"
    _render_css(path, "".join(sections), css)
    return path


def _render_css(path: Path, body: str, css: str) -> None:
    import weasyprint

    import _pdfs

    sys.path.insert(0, str(_pdfs.TYPESET))
    import pdftext

    doc = f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>{css}</style></head><body>{body}</body></html>'
    weasyprint.HTML(string=doc, base_url=str(path.parent)).write_pdf(path)
    pdftext.garble_fonts(path, _pdfs.GARBLE_FAMILY)


def median_seconds(work, runs: int = 5) -> float:
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=20)
    args = parser.parse_args()
    import _pdfs

    why = _pdfs.missing()
    if why:
        sys.exit(f"cannot make the benchmark PDF here: {why}")
    import pypdfium2

    import textfix

    with tempfile.TemporaryDirectory() as tmp:
        path = make_pdf(Path(tmp), args.pages)
        pdf = pypdfium2.PdfDocument(str(path))
        count = len(pdf)
        pdf.close()

        def pdfium_alone() -> None:
            document = pypdfium2.PdfDocument(str(path))
            for page in document:
                page.get_textpage().get_text_range()
            document.close()

        from textfix.pdflayout import lay_out, page_text

        doc = textfix.read_pdf(path)
        text = doc.text
        rows = [
            ("PDFium alone (load pages, extract text)", median_seconds(pdfium_alone)),
            ("textfix.read_pdf (lines, fonts, positions)", median_seconds(lambda: textfix.read_pdf(path))),
            ("layout from coordinates (lay_out, page_text)", median_seconds(lambda: [page_text(lay_out(p)) for p in doc.pages])),
            ("textfix.split_pdf (layout, repair, font evidence, articles)", median_seconds(lambda: textfix.split_pdf(doc))),
            ("text path: textfix.split_pages of the text", median_seconds(lambda: textfix.split_pages(text))),
        ]
    print(f"{count} pages ({len(text)} characters), one core, median of 5 runs after a warm-up\n")
    print("| stage | seconds | pages per second |")
    print("| --- | --- | --- |")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.3f} | {count / seconds:.1f} |")
    whole = rows[1][1] + rows[3][1]
    print(f"| **read_pdf + split_pdf** (`textfix split FILE.pdf`) | {whole:.3f} | {count / whole:.1f} |")
    whole = rows[1][1] + rows[4][1]
    print(f"| read_pdf + split_pages (the text path) | {whole:.3f} | {count / whole:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
