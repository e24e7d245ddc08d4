"""PDF input (issue 15): read_pdf, the CLI reading PDFs as files of pages, bad PDFs, and the missing extra.

The PDFs are made by the session fixture ``pdfs`` (tests/_pdfs.py); without
pypdfium2, WeasyPrint, pikepdf or the Noto CJK fonts those tests skip.  The
test of the missing extra runs everywhere.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from _cli import assert_one_error_line, run

import textfix
from textfix.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
GARBLE_FORMS = set("袁遥渊冤野冶院尧豫")


def test_read_pdf_lines_fonts_and_sizes(pdfs):
    doc = textfix.read_pdf(pdfs["garbled"])
    assert isinstance(doc, textfix.PdfDocument) and len(doc.pages) == 1
    page = doc.pages[0]
    assert page.index == 0 and page.width > 0 and page.height > 0 and page.images == 0 and page.unmapped == 0
    assert page.lines[0].text.startswith("春耕时节无人机忙") and "Bold" in page.lines[0].font
    garbled = [line for line in page.lines if "TFGarble" in line.font]
    clean = [line for line in page.lines if line.font.endswith("+TFBody")]
    assert garbled and clean
    assert any(ch in GARBLE_FORMS for line in garbled for ch in line.text)
    assert not any(ch in "，。“”" for line in garbled for ch in line.font_text().get(line.font, ""))
    for line in page.lines:  # runs tile the line, each with a font and a size
        assert [r.start for r in line.runs][0] == 0 and line.runs[-1].end == len(line.text)
        assert all(a.end == b.start for a, b in zip(line.runs, line.runs[1:]))
        assert all(r.font and r.size > 0 for r in line.runs)
    title_size = page.lines[0].runs[0].size
    assert title_size > page.lines[-1].runs[0].size  # the title is set larger than the body


def test_text_is_pages_ending_in_form_feeds(pdfs):
    doc = textfix.read_pdf(pdfs["multi"])
    assert len(doc.pages) == 3
    assert doc.text.count("\f") == 3 and doc.text.endswith("\n\f")
    assert doc.text == textfix.read_text(pdfs["multi"])  # read_text takes a PDF through read_pdf
    assert [p.text for p in doc.pages] == [t.rstrip("\n") for t in doc.text.split("\f")[:3]]


def test_cli_repair_a_pdf_restores_the_garbled_marks(pdfs):
    code, out, err = run("repair", pdfs["garbled"])
    assert code == 0, err
    assert not GARBLE_FORMS & set(out) - set(textfix.read_pdf(pdfs["clean"]).text)
    assert out.replace("\n", "").replace("\f", "") == textfix.repair(textfix.read_pdf(pdfs["clean"]).text).text.replace("\n", "").replace("\f", "")


def test_cli_split_a_multipage_pdf_gives_a_page_each(pdfs):
    code, out, err = run("split", pdfs["multi"], "--format", "json")
    assert code == 0, err
    pages = json.loads(out)
    assert [p["page_index"] for p in pages] == [0, 1, 2]
    assert all(p["articles"] for p in pages)
    texts = "".join(b["text"] for p in pages for a in p["articles"] for b in a["blocks"])
    assert "，" in texts and not set("袁遥") & set(texts)


def test_two_columns_are_read_column_after_column(pdfs):
    doc = textfix.read_pdf(pdfs["two_column"])
    body = "".join(line.text for line in doc.pages[0].lines[1:])
    articles = json.loads((ROOT / "corpora" / "texts" / "articles.json").read_text(encoding="utf-8"))
    paragraph = articles[1]["blocks"][0]["text"]
    assert paragraph in body  # the first paragraph whole: not interleaved with the other column


def test_stdin_pdf_is_read_as_a_pdf(pdfs, monkeypatch):
    import io

    data = pdfs["garbled"].read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, err = run("repair", "-")
    assert code == 0, err
    assert "遥" not in out and "。" in out


@pytest.mark.parametrize("name, words", [
    ("encrypted", ("encrypted.pdf", "encrypted", "password")),
    ("truncated", ("truncated.pdf", "truncated")),
    ("damaged", ("damaged.pdf", "damaged", "cross-reference")),
    ("no_pages", ("no_pages.pdf", "no pages")),
    ("not_a_pdf", ("not_a_pdf.pdf", "not a PDF")),
])
@pytest.mark.parametrize("command", ["repair", "split", "doctor"])
def test_bad_pdfs_are_one_error_line_and_exit_3(pdfs, tmp_path, name, words, command):
    out = tmp_path / "out.txt"
    argv = (command, pdfs[name]) + (() if command == "doctor" else ("-o", out))
    code, stdout, err = run(*argv)
    assert_one_error_line(code, err, InputError.exit_code, *words)
    assert not out.exists() and not stdout


def test_a_broken_xref_table_is_rebuilt_and_read(pdfs):
    doc = textfix.read_pdf(pdfs["broken_xref"])
    assert not doc.xref_ok and doc.text == textfix.read_pdf(pdfs["clean"]).text


def test_read_pdf_raises_input_error(pdfs):
    with pytest.raises(InputError, match="encrypted"):
        textfix.read_pdf(pdfs["encrypted"])
    with pytest.raises(InputError, match="no such file"):
        textfix.read_pdf(pdfs["clean"].parent / "missing.pdf")


def test_without_the_extra_a_pdf_names_it_and_exits_2(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # import pypdfium2 raises ImportError
    page = tmp_path / "page.pdf"
    page.write_bytes(b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
    for argv in (("repair", page), ("split", page), ("doctor", page)):
        code, out, err = run(*argv)
        assert_one_error_line(code, err, 2, "page.pdf", "pip install 'textfix[pdf]'")
        assert not out


def test_a_batch_of_pdfs_writes_text_and_reports_the_bad_one(pdfs, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    code, stdout, err = run("repair", pdfs["garbled"], pdfs["multi"], pdfs["encrypted"], "-o", out, "-q")
    assert code == 6, err
    assert sorted(p.name for p in out.iterdir()) == ["garbled.txt", "multi.txt"]
    assert (out / "multi.txt").read_text(encoding="utf-8").count("\f") == 3
    assert "encrypted.pdf" in err and "encrypted" in err


@pytest.mark.parametrize("command", ["repair", "split"])
def test_a_batch_does_each_pdf_as_the_one_file_command_does(pdfs, tmp_path, command):
    """Coordinates for split, fonts and glyphs for repair: a batch of PDFs is no text-only shortcut."""
    out = tmp_path / "out"
    out.mkdir()
    code, _, err = run(command, pdfs["garbled"], pdfs["multi"], "-o", out, "-q")
    assert code == 0, err
    for name in ("garbled", "multi"):
        alone = tmp_path / f"{name}.alone"
        assert run(command, pdfs[name], "-o", alone)[0] == 0
        (written,) = [p for p in out.iterdir() if p.stem == name]
        assert written.read_text(encoding="utf-8") == alone.read_text(encoding="utf-8")


def test_a_text_that_mentions_the_pdf_header_is_text(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("文件头写着%PDF-1.7，说明这是PDF文件。\n", encoding="utf-8")
    assert textfix.read_text(page) == "文件头写着%PDF-1.7，说明这是PDF文件。\n"


def test_a_pdf_by_its_header_whatever_its_name(pdfs, tmp_path):
    renamed = tmp_path / "page.txt"
    renamed.write_bytes(pdfs["garbled"].read_bytes())
    assert textfix.read_text(renamed) == textfix.read_pdf(pdfs["garbled"]).text
    assert textfix.diagnose(renamed).kind == "pdf"


@pytest.mark.parametrize("name", ["garbled", "two_column", "multi", "image_only"])
def test_the_text_is_the_typeset_measures_pdfium_extractor(pdfs, name):
    # corpora/typeset/README.md measures the reader on this extraction ("pdfium"): its figures hold for FILE.pdf
    sys.path.insert(0, str(ROOT / "corpora" / "typeset"))
    import pdftext

    assert textfix.read_pdf(pdfs[name]).text == pdftext.pdfium(pdfs[name])
