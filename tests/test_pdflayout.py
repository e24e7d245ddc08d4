"""The layout of a PDF page read from its coordinates (textfix.pdflayout).

Pages typeset here by the typeset page maker (``corpora/typeset/make_pages.py``:
WeasyPrint, Noto Serif CJK, the garbled font) from the project's own texts
(``corpora/texts/articles.json``), with the options each test needs; the
expected values come from those options and the pages' gold, not from
output.  Without WeasyPrint, pikepdf, pypdfium2 or the fonts the tests skip.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TYPESET = ROOT / "corpora" / "typeset"

# name → (seed, options of make_pages.sample_options, byline forms)
PAGES = {
    # Titles at the foot and no bylines: only the space between articles tells them apart.
    # Subheads set at the indent; every lead sentence that can be garbled is, in bold.
    "foot": (1, {"titles": "end", "columns": 2, "n_articles": 3, "subhead_align": "indent", "header_style": "spread",
                 "garble_font": True, "garble_lead_prob": 1.0, "garble_paragraph_prob": 0.0,
                 "header": {"page": "6", "section": "产经", "section_en": "Industries"}}, ("none",)),
    # Titles before the articles, three columns, bylines of every form, garbled paragraphs.
    "before": (2, {"titles": "before", "columns": 3, "n_articles": 3, "subhead_align": "center",
                   "garble_font": True, "garble_paragraph_prob": 0.3, "garble_lead_prob": 0.0},
               ("end-own", "top", "dateline", "end-inline")),
    # One column, subheads at the left, no header.
    "one": (3, {"titles": "before", "columns": 1, "n_articles": 2, "subhead_align": "left", "header": None,
                "garble_font": False}, ("end-inline", "end-own")),
}


@pytest.fixture(scope="session")
def typeset(tmp_path_factory):
    """name → (pdf path, gold, page options)."""
    from _pdfs import missing

    why = missing()
    if why:
        pytest.skip(why)
    sys.path.insert(0, str(TYPESET))
    import make_pages

    fonts = make_pages.find_fonts()
    pool = [a for a in make_pages.load_articles(str(ROOT / "corpora" / "texts" / "articles.json")) if make_pages.usable(a)]
    out = tmp_path_factory.mktemp("typeset")
    pages = {}
    for name, (seed, options, forms) in PAGES.items():
        entry = make_pages.make_page(random.Random(seed), pool, fonts, out, name, [], byline_forms=forms, **options)
        gold = json.loads((out / f"{name}.gold.json").read_text(encoding="utf-8"))
        pages[name] = (out / f"{name}.pdf", gold, entry)
    return pages


def _page(path):
    from textfix.pdf import read_pdf

    return read_pdf(path).pages[0]


@pytest.mark.parametrize("name", list(PAGES))
def test_the_page_measures_come_from_how_it_was_set(typeset, name):
    from textfix.pdflayout import lay_out

    path, _, opts = typeset[name]
    m = lay_out(_page(path)).measures
    pt = opts["font_pt"]  # PDF units are points: a full-width character advances one em of the body size
    assert m.em == pytest.approx(pt, abs=0.01)
    assert m.indent == pytest.approx(2 * pt, abs=pt / 8)  # text-indent: 2em
    assert m.pitch == pytest.approx(opts["line_height"] * pt, abs=pt / 20)
    assert len(m.columns) == opts["columns"]
    for col in m.columns:  # the column box is width_chars em wide
        assert col.right - col.left == pytest.approx(opts["width_chars"] * pt, abs=pt / 2)


@pytest.mark.parametrize("name", list(PAGES))
def test_split_from_coordinates_matches_the_gold(typeset, name):
    from textfix.evaluate import evaluate
    from textfix.pdflayout import split_pdf_page

    path, gold, _ = typeset[name]
    page = split_pdf_page(_page(path), source=path.name)
    score = evaluate(gold, page.to_dict())
    assert score.articles_out == score.articles_gold == len(gold["articles"])
    assert score.para_f1 == 1.0 and score.heading_f1 == 1.0
    assert score.titles_ok == score.bylines_ok == len(gold["articles"])
    assert score.header_ok
    assert [a.title.replace(" ", "") for a in page.articles] == [a["title"].replace(" ", "") for a in gold["articles"]]


def test_a_bold_lead_sentence_is_a_paragraph_and_a_bold_subhead_a_heading(typeset):
    from textfix.pdflayout import split_pdf_page

    path, gold, _ = typeset["foot"]
    leads = [b for a in gold["articles"] for b in a["blocks"] if b.get("garbled") == "lead"]
    assert leads  # the page was made with every lead that can be garbled garbled, in bold
    page = split_pdf_page(_page(path))
    kinds = {b.text: b.kind for a in page.articles for b in a.blocks}
    for block in leads:
        assert kinds.get(block["text"]) == "paragraph"
    for block in (b for a in gold["articles"] for b in a["blocks"] if b["kind"] == "heading"):
        assert kinds.get(block["text"]) == "heading"


def test_titles_at_the_foot_and_articles_told_apart_by_space(typeset):
    from textfix.pdflayout import lay_out

    path, gold, _ = typeset["foot"]
    layout = lay_out(_page(path))
    foot = [b for b in layout.blocks if b.kind == "foot_title"]
    assert len(foot) == len(gold["articles"])  # one block a title, however many lines it wraps over
    assert sum(b.opens_article for b in layout.blocks) == len(gold["articles"]) - 1  # no byline: the space


def test_cli_split_of_a_pdf_is_the_coordinate_layout(typeset):
    from _cli import run

    from textfix.pdflayout import split_pdf

    path, gold, _ = typeset["before"]
    code, out, err = run("split", path)
    assert code == 0, err
    assert json.loads(out) == json.loads(split_pdf(path)[0].to_json())
    assert len(json.loads(out)["articles"]) == len(gold["articles"])


def test_font_evidence_by_offset_of_the_laid_out_text(typeset):
    """The garbled font (the page maker's TFGarble, its ToUnicode map shifted) is garbled by the
    doctor's verdict, the body font clean; the evidence follows each character of the page text."""
    from textfix.pdf import read_pdf
    from textfix.fonts import FontEvidence, font_states
    from textfix.pdflayout import lay_out, page_text

    path, _, _ = typeset["foot"]
    doc = read_pdf(path)
    garbled, clean = font_states(doc)
    assert garbled == {f for f in doc.fonts if "TFGarble" in f}
    assert any("TFBody" in f for f in clean) and not garbled & clean
    pt = page_text(lay_out(doc.pages[0]))
    evidence = FontEvidence.of_characters(pt.fonts, garbled, clean)
    for at, font in enumerate(pt.fonts):
        assert evidence.state(at) == (True if font in garbled else False if font in clean else None)


def test_each_character_keeps_its_font_in_the_page_text(typeset):
    from textfix.pdflayout import lay_out, page_text

    path, gold, _ = typeset["foot"]
    pt = page_text(lay_out(_page(path)))
    assert len(pt.fonts) == len(pt.text)
    garbled = {f for f in pt.fonts if "TFGarble" in f}
    assert garbled  # the page sets its bold leads in the garbled font
    printed = "".join(ch for ch, f in zip(pt.text, pt.fonts) if f in garbled)
    assert "，" not in printed and "。" not in printed  # its marks come out garbled, every one


@pytest.mark.parametrize("name", ["foot", "before"])
def test_reading_order_comes_from_the_coordinates_not_the_stream(typeset, name):
    """Lines drawn in any order are read column after column, band by band: shuffled, the page reads
    as the page maker wrote it (WeasyPrint draws each column after the one before it)."""
    from textfix.evaluate import squash
    from textfix.pdflayout import reading_order

    path, gold, _ = typeset[name]
    lines = [ln for ln in _page(path).lines if ln.text.strip()]
    shuffled = list(lines)
    random.Random(0).shuffle(shuffled)
    ordered = reading_order(shuffled)
    assert [ln.text for ln in ordered] == [ln.text for ln in reading_order(lines)]
    flat = squash("".join(ln.text for ln in ordered))
    at = [flat.find(squash(b["text"][:12])) for a in gold["articles"] for b in a["blocks"] if not b.get("garbled")]
    assert all(x >= 0 for x in at) and at == sorted(at)  # every block found, in page order


def test_a_file_of_pages_and_its_garbled_paragraph_restored(pdfs):
    """tests/_pdfs.py's ``multi``: three pages, page 2's second paragraph set in the garbled font."""
    from textfix.pdf import read_pdf
    from textfix.pdflayout import split_pdf

    doc = read_pdf(pdfs["multi"])
    articles = json.loads((ROOT / "corpora" / "texts" / "articles.json").read_text(encoding="utf-8"))
    paragraph = [b["text"] for b in articles[3]["blocks"] if b["kind"] == "paragraph"][1]
    pages = split_pdf(doc)
    assert [p.index for p in pages] == [0, 1, 2]
    assert paragraph in [b.text for a in pages[1].articles for b in a.blocks]


def _synthetic_page(bold_body: bool = False):
    """A page of lines placed by hand: body 10 units, em 10, one column 0–150, indent 20, pitch 13."""
    from textfix.pdf import FontRun, PdfLine, PdfPage

    body = "Body-Bold" if bold_body else "Body"

    def line(text, x0, x1, baseline, font=body, size=10.0):
        return PdfLine(text, (FontRun(0, len(text), font, size),), x0=x0, x1=x1, baseline=baseline, em=size)

    return PdfPage(0, (
        line("春耕时节无人机忙", 0, 128, 20, "Body-Bold", 16.0),  # a title: set larger
        line("清明前后江淮大地进入春耕", 20, 150, 45),  # indented: a paragraph opens
        line("备耕关键期。在安徽省寿县的万", 0, 150, 58),
        line("亩农田里，无人机低空飞行。", 0, 130, 71),
        line("数据下田", 0, 40, 87, "Body-Bold"),  # bold at body size, space around it: a subhead
        line("在县农业农村局的指挥中心，", 20, 150, 103),
        line("一块大屏幕上滚动显示数据。", 0, 130, 116),
        line("（记者 张伟）", 80, 150, 129),  # set right: a line of its own
    ), width=200, height=200)


def test_layout_of_lines_placed_by_hand():
    from textfix.pdflayout import lay_out, split_pdf_page

    layout = lay_out(_synthetic_page())
    m = layout.measures
    assert (m.body_size, m.em, m.indent, m.pitch) == (10.0, 10.0, 20.0, 13.0)
    assert [(c.left, c.right) for c in m.columns] == [(0, 150)]
    assert [(b.kind, b.lines) for b in layout.blocks] == [
        ("title", (0,)), ("paragraph", (1, 2, 3)), ("heading", (4,)), ("paragraph", (5, 6)), ("aligned", (7,))]
    page = split_pdf_page(_synthetic_page())
    (article,) = page.articles
    assert (article.title, article.byline) == ("春耕时节无人机忙", "张伟")
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("paragraph", "清明前后江淮大地进入春耕备耕关键期。在安徽省寿县的万亩农田里，无人机低空飞行。"),
        ("heading", "数据下田"),
        ("paragraph", "在县农业农村局的指挥中心，一块大屏幕上滚动显示数据。"),
    ]


def test_where_the_body_is_bold_bold_is_no_subhead():
    from textfix.pdflayout import lay_out

    kinds = [b.kind for b in lay_out(_synthetic_page(bold_body=True)).blocks]
    assert "heading" not in kinds and kinds[0] == "title"


def test_a_text_layers_own_characters_stay():
    """An ASCII comma and a space the page sets are its own characters: the PDF path keeps them
    (an extractor's ASCII for a full-width mark, which the text path repairs, is not in play)."""
    from dataclasses import replace

    from textfix.pdflayout import split_pdf_page

    page = _synthetic_page()
    lines = list(page.lines)
    lines[2] = replace(lines[2], text="备耕关键期,在安徽省寿县的万")  # the typesetter set an ASCII comma
    (article,) = split_pdf_page(replace(page, lines=tuple(lines))).articles
    assert article.blocks[0].text == "清明前后江淮大地进入春耕备耕关键期,在安徽省寿县的万亩农田里，无人机低空飞行。"
