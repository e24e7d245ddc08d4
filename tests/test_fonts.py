"""Font evidence for garbles (issue 15): a PDF says which font each character is set in, and the
+0x31 garble is one font's defect, so a character's font decides its run's state.

The garbled texts are made here with the codec (every GB2312 row 1–9 mark of a
clean sentence shifted by +0x31), so which changes are right is known from how
they were made, not from the code under test.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import textfix
from textfix.fonts import FontEvidence, font_evidence

ROOT = Path(__file__).resolve().parent.parent
CLEAN = "今天上午，市里召开了全市经济工作会议。会议总结了去年的工作，部署了今年的任务。"


def garble(text: str) -> str:
    """*text* as a font with the shifted map prints it."""
    out = []
    for ch in text:
        try:
            lead, trail = ch.encode("gb2312")
        except (UnicodeEncodeError, ValueError):
            out.append(ch)
            continue
        out.append(bytes([lead + 0x31, trail]).decode("gbk") if 0xA1 <= lead <= 0xA9 else ch)
    return "".join(out)


def marks_back(text: str, printed: str, changes) -> tuple[int, int]:
    """(right, wrong): changes that give a garbled position its clean character, and all others."""
    right = sum(1 for c in changes if c.end - c.start >= 1 and printed[c.start] != text[c.start] and c.new == text[c.start])
    return right, len(changes) - right


def test_a_clean_font_prints_no_garble():
    page = garble("提升。规模，加快发展。")
    assert textfix.repair(page, rejoin=False).text == "提升。规模，加快发展。"  # the run model alone takes them
    clean_font = FontEvidence((0,), (len(page),), (False,))
    assert textfix.repair(page, rejoin=False, fonts=clean_font.state).changes == []


def test_a_garbled_font_is_a_garbled_run_for_certain():
    # (Its ： prints as 院 before 院里: weak evidence alone, which the run model doubts beside the clean marks of
    # its own sentence: the clause before it ends in a real ，.  Measured on the page with clean sentences around
    # it at 4fe44e1, without fonts: context term +1.23 (log10, over THRESHOLD 1.0 alone), run term -0.66, 0.57 in
    # all: left as 院; in a garbled font the run term is 0: it wins.  Since a run goes on past its sentence's end
    # only by sentence_stay (garbles.FontRuns) a clean sentence before it hardly doubts it, a clean clause does.)
    sentence = "工作人员介绍：院里的设施都已更新。"
    before = CLEAN.removesuffix("。") + "，"
    page_clean = before + sentence + CLEAN
    page = before + garble(sentence) + CLEAN
    start = len(before)
    fonts = FontEvidence((start,), (start + len(sentence),), (True,))
    default = textfix.repair(page, rejoin=False).changes
    fonted = textfix.repair(page, rejoin=False, fonts=fonts.state).changes
    right_default, wrong_default = marks_back(page_clean, page, default)
    right, wrong = marks_back(page_clean, page, fonted)
    assert wrong_default == wrong == 0
    assert right > right_default  # between clean sentences the run model doubts the lone garbled one
    assert all(start <= c.start < start + len(sentence) for c in fonted)


def test_font_state_is_known_only_inside_its_spans():
    fonts = FontEvidence((3, 10), (6, 12), (True, False))
    assert [fonts.state(k) for k in (2, 3, 5, 6, 9, 10, 11, 12)] == [None, True, True, None, None, False, False, None]


def test_a_pdfs_garbled_font_gives_every_mark_back(pdfs):
    doc = textfix.read_pdf(pdfs["garbled"])
    evidence = font_evidence(doc)
    text = doc.text
    garbled_chars = "".join(text[s:e] for s, e, g in zip(evidence.starts, evidence.ends, evidence.garbled) if g)
    assert garbled_chars and not re.search("[，。“”：、]", garbled_chars)
    article = json.loads((ROOT / "corpora" / "texts" / "articles.json").read_text(encoding="utf-8"))[0]
    paragraphs = [b["text"] for b in article["blocks"] if b["kind"] == "paragraph"][1:3]  # the fixture garbles these
    out = re.sub(r"\s", "", textfix.repair(text, fonts=evidence.state).text)
    for paragraph in paragraphs:
        assert re.sub(r"\s", "", paragraph) in out


def test_cli_repair_of_a_pdf_decides_by_font(pdfs):
    from _cli import run

    code, out, err = run("repair", pdfs["garbled"], "--explain")
    assert code == 0
    fixes = [line for line in err.splitlines() if "garble:" in line]
    assert fixes and all("drawn with the mark's glyph" in line or "set in a garbled font" in line for line in fixes)


def test_a_garbled_fonts_glyphs_tell_its_marks_from_its_ideographs(pdfs):
    """The map is wrong, the drawing is not: 袁 drawn as a comma is a comma, 业 drawn as 业 is 业."""
    from textfix.fonts import shift_family

    family = shift_family()
    doc = textfix.read_pdf(pdfs["garbled"])
    article = json.loads((ROOT / "corpora" / "texts" / "articles.json").read_text(encoding="utf-8"))[0]
    source = json.dumps(article, ensure_ascii=False) + "（记者 ）"  # its title, paragraphs, byline as printed
    judged = 0
    for line in (line for page in doc.pages for line in page.lines):
        in_garbled = {at for run in line.runs if "TFGarble" in run.font for at in range(run.start, run.end)}
        for at in line.mark_glyphs:
            assert at in in_garbled and line.text[at] in family
        for at in line.own_glyphs:  # an ideograph of the family the text really has, in either font
            assert line.text[at] in source
        judged += len(line.mark_glyphs)
    forms = sum(1 for page in doc.pages for line in page.lines for run in line.runs if "TFGarble" in run.font
                for ch in line.text[run.start:run.end] if ch in "袁遥尧院野冶")
    assert judged >= forms > 0  # every common garbled form of the paragraphs is judged a mark


def _line(text: str, font: str):
    from textfix.pdf import FontRun, PdfLine

    return PdfLine(text, (FontRun(0, len(text), font, 10.0),))


def test_the_faces_of_a_garbled_family_are_judged_together():
    """A bold lead set from the same defective map prints too few marks for a verdict of its own."""
    from textfix.doctor import garbled_fonts
    from textfix.pdf import PdfDocument, PdfPage

    body = "会议指出，要加快推进重点项目建设。各地要抓好落实，确保取得实效，推动经济持续回升向好。"
    lead = "拓展，承平。"
    lines = (
        _line(CLEAN, "AAAAAA+Body"),  # a face that prints its marks: clean
        _line(garble(lead), "BBBBBB+Garble-Bold"),  # alone: two garbled forms, below a verdict
        _line(garble(body), "CCCCCC+Garble"),
    )
    doc = PdfDocument("x.pdf", (PdfPage(0, lines),))
    assert garbled_fonts(doc) == {"BBBBBB+Garble-Bold", "CCCCCC+Garble"}
    alone = PdfDocument("x.pdf", (PdfPage(0, lines[:2]),))
    assert garbled_fonts(alone) == set()


def test_a_font_drawing_a_mark_under_a_garbled_form_is_garbled_however_few_it_sets():
    """Two forms are below a verdict from counts; one drawn with the mark's glyph is proof."""
    from textfix.doctor import garbled_fonts
    from textfix.fonts import judge_glyphs
    from textfix.pdf import FontRun, PdfDocument, PdfLine, PdfPage

    comma, ideograph = (0.11, 0.24), (0.68, 0.68)  # ink boxes in ems, as Noto Serif CJK draws them
    clean = PdfLine("会议指出，要加快发展。", (FontRun(0, 11, "AAAAAA+Body", 10.0),),
                    boxes=((4, *comma), (10, 0.21, 0.21)))
    lead = PdfLine("拓展袁承平袁", (FontRun(0, 6, "BBBBBB+Lead", 10.0),),
                   boxes=((2, *comma), (5, *ideograph)))  # the first 袁 drawn as a comma, the second as 袁
    pages = judge_glyphs((PdfPage(0, (clean, lead)),))
    judged = pages[0].lines[1]
    assert (judged.mark_glyphs, judged.own_glyphs) == ((2,), ())  # no reference for 袁's own drawing
    assert garbled_fonts(PdfDocument("x.pdf", pages)) == {"BBBBBB+Lead"}
    assert garbled_fonts(PdfDocument("x.pdf", (PdfPage(0, (clean, lead)),))) == set()  # unjudged: counts alone
