"""The typeset page maker (corpora/typeset): a real WeasyPrint page, a garbled font, pdftotext.

Skipped unless the ``typeset`` extra (weasyprint, pikepdf), poppler's
pdftotext and the Noto CJK fonts are installed (see corpora/typeset/README.md).
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TYPESET = Path(__file__).resolve().parent.parent / "corpora" / "typeset"
sys.path.insert(0, str(TYPESET))

import pdftext  # noqa: E402  (stdlib at import time)


def _fonts_or_skip() -> dict[str, str]:
    pytest.importorskip("weasyprint")
    pytest.importorskip("pikepdf")
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext not installed (poppler-utils)")
    if not shutil.which("fc-match"):
        pytest.skip("fontconfig not installed")
    import make_pages

    try:
        return make_pages.find_fonts()
    except RuntimeError as exc:
        pytest.skip(str(exc))


def test_garble_char_is_the_codec_shift():
    # independent of the page maker: the +0x31 lead-byte shift, computed with the codecs
    for mark, garbled in zip("，。（）“”：、％", "袁遥渊冤野冶院尧豫"):
        assert pdftext.garble_char(mark) == garbled
    # GB2312 A1A4 and A1AA as Chinese text has them (GBK's U+00B7 and U+2014; Python's gb2312 codec reads U+30FB
    # and U+2015): the shift prints them D2A4 窑 and D2AA 要, as 乔治窑亨丁顿 and 要要 in issue 13
    assert pdftext.garble_char("·") == "窑" and pdftext.garble_char("—") == "要"
    for ch in "中文A1%,":  # ideographs and ASCII are not row 1-9 symbols
        assert pdftext.garble_char(ch) == ch


def test_the_gold_takes_the_full_width_comma_between_ideographs():
    # shared/gold/README.md: "An ASCII comma printed between ideographs takes its full-width form".
    import make_pages

    assert make_pages.gold_form("流程图,奚晓斌") == "流程图，奚晓斌"
    assert make_pages.gold_form("共3,000人, Model Y,") == "共3,000人, Model Y,"  # next to digits or Latin: as printed
    assert make_pages.gold_form("各省(区、市)举办(GDP)") == "各省（区、市）举办(GDP)"  # parentheses around Chinese too


def test_garble_cmap_rewrites_only_symbols():
    cmap = b"2 beginbfchar\n<0001> <ff0c>\n<0002> <4e2d>\nendbfchar\n"
    out, changed = pdftext.garble_cmap(cmap)
    assert changed == 1
    assert b"<0001> <8881>" in out and b"<0002> <4e2d>" in out  # ， → 袁 (U+8881), 中 kept


# A hand-written article (not from any corpus): the second paragraph is set in the garble font.
CLEAN = "区里新建的图书馆周末开放，上午九点开门。"
GARBLED_SOURCE = "馆长说：“借书（含电子书）免费、预约方便，借阅量增长了三成。”"
ARTICLE = {
    "id": "test-0",
    "title": "社区图书馆周末开放",
    "byline": "",
    "date": "",
    "blocks": [
        {"kind": "paragraph", "text": CLEAN},
        {"kind": "paragraph", "text": GARBLED_SOURCE, "garble": "paragraph"},
        {"kind": "heading", "text": "读者反响"},
        {"kind": "paragraph", "text": "一位读者表示，希望以后能延长开放时间。"},
    ],
}


def test_page_extracts_garbled_paragraph_exactly_as_the_codec_predicts(tmp_path):
    fonts = _fonts_or_skip()
    import make_pages

    entry = make_pages.make_page(
        random.Random(3), [ARTICLE], fonts, tmp_path, "t", ["pdftotext"],
        articles=[ARTICLE], columns=1, width_chars=16, header=None, titles="before", garble_font=True,
        garble_paragraph_prob=0.0, garble_lead_prob=0.0, byline=make_pages.Byline("none", "", []),
    )
    assert entry["garbled_cmap_entries"] > 0
    text = (tmp_path / "t.pdftotext.txt").read_text(encoding="utf-8")
    flat = re.sub(r"\s+", "", text)
    expected = "".join(pdftext.garble_char(ch) for ch in GARBLED_SOURCE)
    assert expected == "馆长说院野借书渊含电子书冤免费尧预约方便袁借阅量增长了三成遥冶"
    assert expected in flat  # the garbled paragraph, garbled exactly as the codec says
    assert CLEAN in flat  # the body font's marks are untouched
    assert "社区图书馆周末开放" in flat and "读者反响" in flat
    gold = json.loads((tmp_path / "t.gold.json").read_text(encoding="utf-8"))
    blocks = gold["articles"][0]["blocks"]
    assert blocks[1] == {"kind": "paragraph", "text": GARBLED_SOURCE, "garbled": "paragraph"}  # gold stays clean
    assert [b["kind"] for b in blocks] == ["paragraph", "paragraph", "heading", "paragraph"]
    # The page is a real PDF: two embedded copies of the font, both with ToUnicode maps.
    fonts_out = subprocess.run(["pdffonts", str(tmp_path / "t.pdf")], capture_output=True, text=True).stdout
    assert "TFBody" in fonts_out and "TFGarble" in fonts_out


def test_since_keeps_the_articles_dated_from_that_day_on():
    # make_pages --since: the latest months of a source; hand-made articles, no ../shared needed
    import make_pages

    articles = [{"id": day, "date": day} for day in ("20250430", "20250501", "20251031", "")]
    assert [a["id"] for a in make_pages.since(articles, "20250501")] == ["20250501", "20251031"]
    assert make_pages.since(articles, "20260101") == []
    with pytest.raises(ValueError):
        make_pages.since(articles, "2025-05-01")
