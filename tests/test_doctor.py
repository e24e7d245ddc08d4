"""`textfix doctor` (issue 15): what is wrong with a text layer, per page and per font, and what textfix does about it.

PDF fixtures come from the session fixture ``pdfs`` (tests/_pdfs.py) and
skip without the tools; the text checks run everywhere.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _cli import assert_one_error_line, run

import textfix
from textfix.doctor import diagnose_text
from textfix.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
SEED_CLEAN = ROOT / "seeds" / "000_b2a6d463218f33b3.txt"
SEED_NOISY = ROOT / "seeds" / "001_b2b7af04dbdc7222.txt"


def kinds(report) -> list[tuple[int | None, str, str]]:
    return [(f.page, f.kind, f.action) for f in report.all_findings]


# ---------------------------------------------------------------- PDFs


def test_clean_pdf_has_nothing_wrong(pdfs):
    report = textfix.diagnose(pdfs["clean"])
    assert report.ok and report.kind == "pdf" and kinds(report) == []
    code, out, err = run("doctor", pdfs["clean"])
    assert code == 0 and err == ""
    assert out.endswith("nothing wrong with the text layer\n") and out.count("\n") == 1


@pytest.mark.parametrize("name, pages", [("garbled", [0]), ("two_column", [0]), ("multi", [1])])
def test_garbled_font_is_named_with_its_rate(pdfs, name, pages):
    report = textfix.diagnose(pdfs[name])
    assert kinds(report) == [(p, "garble", "repair") for p in pages]
    for finding in report.all_findings:
        assert "TFGarble" in finding.font and finding.rate == 1.0 and finding.count >= 5
        assert "袁 for ，" in finding.examples
    fonts = {f.name: f for page in report.pages for f in page.fonts}
    assert [n for n, f in fonts.items() if f.garbled] == [finding.font]  # the body and title fonts are clean
    assert all(f.marks > 0 for n, f in fonts.items() if n.endswith("+TFBody"))


def test_multipage_report_has_every_page(pdfs):
    report = textfix.diagnose(pdfs["multi"])
    assert [p.index for p in report.pages] == [0, 1, 2]
    assert [bool(p.findings) for p in report.pages] == [False, True, False]
    garble_font = report.all_findings[0].font
    # the garbled font is not used on pages 1 and 3; where it is, the page names it
    assert [any(f.name == garble_font for f in p.fonts) for p in report.pages] == [False, True, False]


def test_image_only_page_needs_ocr(pdfs):
    report = textfix.diagnose(pdfs["image_only"])
    assert kinds(report) == [(1, "image-only", "needs OCR")]
    assert report.pages[1].chars == 0 and report.pages[1].images == 1 and report.pages[0].chars > 100


def test_unmapped_glyphs_need_ocr_and_are_not_counted_again(pdfs):
    report = textfix.diagnose(pdfs["unmapped"])
    # the junk code points of glyph ids (private use, radicals) are the unmapped glyphs, reported once
    assert kinds(report) == [(0, "unmapped", "needs OCR")]
    assert report.all_findings[0].count > 100


def test_rebuilt_xref_is_a_file_finding(pdfs):
    report = textfix.diagnose(pdfs["broken_xref"])
    assert kinds(report) == [(None, "xref", "none")]


def test_json_report(pdfs):
    code, out, err = run("doctor", pdfs["multi"], "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["kind"] == "pdf" and data["ok"] is False and data["summary"] == {"garble": 1}
    assert [p["index"] for p in data["pages"]] == [0, 1, 2]
    (finding,) = data["pages"][1]["findings"]
    assert finding["kind"] == "garble" and finding["action"] == "repair" and finding["rate"] == 1.0
    assert {"name", "size", "chars", "forms", "marks", "garbled"} <= set(data["pages"][1]["fonts"][0])


def test_text_report_lines(pdfs):
    code, out, err = run("doctor", pdfs["image_only"])
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].endswith("PDF, 2 pages, 2 fonts")
    assert lines[1] == "page 2: image only: no text layer; 1 image → needs OCR"
    assert lines[-1].startswith("summary: image-only on 1 page (needs OCR)")


@pytest.mark.parametrize("name", ["encrypted", "truncated", "damaged", "no_pages", "not_a_pdf"])
def test_bad_pdfs_are_input_errors(pdfs, name):
    code, out, err = run("doctor", pdfs[name])
    assert_one_error_line(code, err, InputError.exit_code, f"{name}.pdf")
    assert not out


# ---------------------------------------------------------------- text


def test_garbled_text_page_is_repaired_and_clean_text_is_not():
    report = textfix.diagnose(SEED_NOISY)
    assert kinds(report) == [(0, "garble", "repair")]
    finding = report.all_findings[0]
    assert finding.count >= 10 and 0 < finding.rate < 1 and "渊 for （" in finding.examples
    assert textfix.diagnose(SEED_CLEAN).ok


def test_text_placeholders_private_use_and_kangxi():
    page1 = "记者从市(cid:1234)局获悉，今年(cid:1234)(cid:77)新增。\n"
    page2 = "园区\ue000\ue001新建厂房，用工增加。\n"
    page3 = "⼈⺠群众⽣活⽔平提⾼，收⼊增加。\n"
    report = diagnose_text("\f".join([page1, page2, page3]) + "\f", "pages.txt")
    assert len(report.pages) == 3  # the empty page after the last form feed is not a page
    assert kinds(report) == [(0, "cid", "needs OCR"), (1, "private-use", "needs OCR"), (2, "kangxi", "not repaired yet")]
    cid, private, kangxi = report.all_findings
    assert cid.count == 3 and "(cid:1234)" in cid.examples
    assert private.count == 2 and "U+E000" in private.examples
    assert kangxi.count == 5 and "⼈→人" in kangxi.examples  # U+2E80 supplement forms (⺠) are not counted


def test_doctor_on_a_text_file_from_the_cli(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("甲(cid:12)乙\n", encoding="utf-8")
    code, out, err = run("doctor", page, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["kind"] == "text" and data["summary"] == {"cid": 1}
    code, out, err = run("doctor", tmp_path / "missing.txt")
    assert_one_error_line(code, err, InputError.exit_code, "missing.txt")


def test_a_title_font_with_real_yuan_and_no_marks_is_not_garbled():
    from textfix.doctor import diagnose_pdf
    from textfix.pdf import FontRun, PdfDocument, PdfLine, PdfPage

    def line(text: str, font: str, size: float) -> PdfLine:
        return PdfLine(text, (FontRun(0, len(text), font, size),))

    titles = ["省高级人民法院发布典型案例", "市第一医院新院区启用", "职业技术学院新生报到"]
    body = "记者从市卫健委获悉，新院区设有床位八百张，预计下月开诊。"
    pages = tuple(
        PdfPage(i, (line(title, "AAAAAA+Title-Bold", 20.0), line(body, "BBBBBB+Body", 10.0)))
        for i, title in enumerate(titles)
    )
    doc = PdfDocument("titles.pdf", pages, fonts=("AAAAAA+Title-Bold", "BBBBBB+Body"))
    report = diagnose_pdf(doc)
    title_font = [f for p in report.pages for f in p.fonts if f.name.endswith("Title-Bold")]
    assert sum(f.forms for f in title_font) >= 3 and not any(f.marks for f in title_font)  # a candidate by counts
    assert report.ok, report.to_text()


def test_pages_without_text():
    from textfix.doctor import diagnose_pdf
    from textfix.pdf import FontRun, PdfDocument, PdfLine, PdfPage

    text = PdfLine("今年以来，全市新增就业岗位三万个。", (FontRun(0, 17, "CCCCCC+Body", 10.0),))
    pages = (PdfPage(0, (text,)), PdfPage(1, (), paths=3), PdfPage(2, (), paths=4000))
    report = diagnose_pdf(PdfDocument("pages.pdf", pages, fonts=("CCCCCC+Body",)))
    assert kinds(report) == [(1, "blank", "none"), (2, "no-text", "needs OCR")]
    # pdftotext writes an image-only page as an empty page between form feeds
    report = diagnose_text("今年以来，全市新增就业岗位三万个。\n\f\f明年计划再增两万个。\n\f", "pages.txt")
    assert kinds(report) == [(1, "no-text", "needs OCR")]


def test_doctor_reads_a_pdf_on_stdin(pdfs, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(pdfs["garbled"].read_bytes())))
    code, out, err = run("doctor", "-", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["kind"] == "pdf" and data["summary"] == {"garble": 1}
