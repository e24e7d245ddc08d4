"""PDF fixtures the tests make themselves: WeasyPrint pages from the project's own texts, bent with pikepdf.

Nothing here is committed as a binary: :func:`make_fixtures` writes every
PDF into a folder (a session-scoped ``tmp_path``, see ``conftest.py``) in a
few seconds.  The garbled font is the typeset page maker's
(``corpora/typeset/pdftext.garble_fonts``): a second copy of the body font,
``TFGarble``, whose ToUnicode map gets the GB2312 lead-byte +0x31 shift.

=====================  =========================================================
name                   what
=====================  =========================================================
``clean``              one page, one column, nothing wrong
``garbled``            one page; two paragraphs set in the garbled font
``two_column``         one page, the article in two columns, one paragraph garbled
``multi``              three pages, one article each; page 2 has a garbled paragraph
``image_only``         two pages: text, then a page that is only a picture of text
``unmapped``           the garbled font's ToUnicode map removed (glyphs without Unicode)
``encrypted``          ``garbled`` with a user password (pikepdf)
``truncated``          ``clean`` cut in half
``broken_xref``        ``clean`` with ``startxref`` pointing nowhere (PDFium rebuilds the table)
``damaged``            ``clean`` with every ``obj`` keyword broken: neither the cross-reference
                       table nor a rebuilt one finds an object (ends with ``%%EOF``)
``no_pages``           a PDF with an empty page tree
``not_a_pdf``          a text file named ``.pdf``
=====================  =========================================================
"""

from __future__ import annotations

import html
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPESET = ROOT / "corpora" / "typeset"
ARTICLES = ROOT / "corpora" / "texts" / "articles.json"
GARBLE_FAMILY = "TFGarble"


def missing() -> str | None:
    """Why the fixtures cannot be made here (a tool or font missing), or None."""
    for module in ("weasyprint", "pikepdf", "pypdfium2"):
        try:
            __import__(module)
        except ImportError:
            return f"{module} not installed (pip install -e '.[pdf,typeset]')"
    if not shutil.which("fc-match"):
        return "fontconfig not installed"
    try:
        _fonts()
    except RuntimeError as exc:
        return str(exc)
    return None


def _fonts() -> dict[str, str]:
    sys.path.insert(0, str(TYPESET))
    import make_pages

    return make_pages.find_fonts()


def _css(fonts: dict[str, str], columns: int = 1) -> str:
    faces = "".join(
        f'@font-face {{ font-family: "{family}"; src: url("{Path(path).as_uri()}"); font-weight: {weight}; }}\n'
        for family in ("TFBody", GARBLE_FAMILY) for weight, path in (("normal", fonts["regular"]), ("bold", fonts["bold"]))
    )
    return faces + f"""
@page {{ size: 130mm 190mm; margin: 10mm; }}
html {{ font-family: "TFBody"; font-size: 10pt; line-height: 1.35; }}
p {{ margin: 0; text-align: justify; text-indent: 2em; line-break: strict; }}
.g {{ font-family: "{GARBLE_FAMILY}"; }}
h1 {{ font-size: 1.6em; margin: 0 0 0.4em 0; }}
.body {{ column-count: {columns}; column-gap: 1.5em; }}
.page {{ break-before: page; }}
"""


def _article_html(article: dict, garble: set[int], first: bool = True) -> str:
    paragraphs = [b["text"] for b in article["blocks"] if b["kind"] == "paragraph"][:4]
    body = "".join(
        f'<p{" class=g" if i in garble else ""}>{html.escape(text)}</p>' for i, text in enumerate(paragraphs)
    )
    byline = f'<p>（记者 {html.escape(article["byline"])}）</p>' if article.get("byline") else ""
    return f'<section{"" if first else " class=page"}><h1>{html.escape(article["title"])}</h1><div class=body>{body}{byline}</div></section>'


def _render(path: Path, body: str, fonts: dict[str, str], columns: int = 1) -> None:
    import logging

    import weasyprint

    sys.path.insert(0, str(TYPESET))
    import pdftext

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    doc = f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>{_css(fonts, columns)}</style></head><body>{body}</body></html>'
    weasyprint.HTML(string=doc, base_url=str(path.parent)).write_pdf(path)
    pdftext.garble_fonts(path, GARBLE_FAMILY)


def make_fixtures(out: Path) -> dict[str, Path]:
    """Write every fixture PDF into *out*; name → path."""
    import pikepdf
    import pypdfium2

    fonts = _fonts()
    articles = json.loads(ARTICLES.read_text(encoding="utf-8"))
    paths = {name: out / f"{name}.pdf" for name in (
        "clean", "garbled", "two_column", "multi", "image_only", "unmapped", "encrypted", "truncated",
        "broken_xref", "damaged", "no_pages", "not_a_pdf")}
    _render(paths["clean"], _article_html(articles[0], set()), fonts)
    _render(paths["garbled"], _article_html(articles[0], {1, 2}), fonts)
    _render(paths["two_column"], _article_html(articles[1], {2}), fonts, columns=2)
    _render(paths["multi"], "".join(_article_html(articles[i], {1} if i == 3 else set(), first=i == 2) for i in (2, 3, 4)), fonts)
    # A picture of the clean page's text, drawn on a page of its own after a page of text.
    picture = out / "picture.png"
    with pypdfium2.PdfDocument(paths["clean"]) as doc:
        doc[0].render(scale=1).to_pil().crop((0, 0, 360, 200)).save(picture)
    _render(paths["image_only"], _article_html(articles[5], set()) + f'<div class=page><img src="{picture.name}" style="width: 100mm"></div>', fonts)
    with pikepdf.open(paths["garbled"]) as pdf:
        for page in pdf.pages:
            for _, font in page.Resources.Font.items():
                if GARBLE_FAMILY in str(font.get("/BaseFont", "")) and "/ToUnicode" in font:
                    del font["/ToUnicode"]
        pdf.save(paths["unmapped"])
    with pikepdf.open(paths["garbled"]) as pdf:
        pdf.save(paths["encrypted"], encryption=pikepdf.Encryption(owner="owner", user="reader"))
    data = paths["clean"].read_bytes()
    paths["truncated"].write_bytes(data[: len(data) // 2])
    at = data.rfind(b"startxref")
    paths["broken_xref"].write_bytes(data[:at] + b"startxref\n12345\n%%EOF\n")
    paths["damaged"].write_bytes(data.replace(b" obj", b" obx"))
    pikepdf.new().save(paths["no_pages"])
    paths["not_a_pdf"].write_text("这不是PDF文件，只是名字叫PDF。\n", encoding="utf-8")
    return paths
