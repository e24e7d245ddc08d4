"""corpora/typeset/count_garble_errors.py: the evaluator's garble errors told apart, real or the
alignment's.  Marks after the +0x31 shift, by hand from GB2312: ， A3AC -> D4AC 袁, 。 A1A3 -> D2A3 遥,
“ A1B0 -> D2B0 野."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "corpora" / "typeset"))

from count_garble_errors import error_kind, page_errors  # noqa: E402

from textfix.evaluate import garble_errors  # noqa: E402


def _page(*bodies: str) -> dict:
    return {"articles": [{"title": "", "blocks": [{"text": body}]} for body in bodies]}


def test_a_mark_left_garbled_is_a_real_miss():
    assert error_kind("。", "遥", missed=True) == "missed"


def test_text_opposite_a_mark_is_the_alignments():
    # pdfminer train93 page-024's kind: a gold comma opposite a hanzi of text read out of place
    assert error_kind("，", "等", missed=True) == "missed artifact"


def test_a_hanzi_made_the_mark_it_shifts_to_is_a_real_false_fix():
    assert error_kind("野", "“", missed=False) == "false fix"


def test_a_mark_opposite_unrelated_gold_text_is_the_alignments():
    assert error_kind("物", "。", missed=False) == "false fix artifact"


def test_page_errors_pair_articles_by_index_and_keep_the_evaluators_count():
    gold = _page("他说，今天来。", "明天见。")
    out = _page("他说袁今天来遥")  # the second article not found: no replacement, no garble error
    assert page_errors(gold, out) == [(0, "missed", "，", "袁"), (0, "missed", "。", "遥")]
    assert garble_errors("他说，今天来。", "他说袁今天来遥") == (2, 0)


# The shift with the codes read as GBK reads them: · is A1A4 -> D2A4 窑, — is A1AA -> D2AA 要 (Python's gb2312 codec
# reads A1A4 as U+30FB and A1AA as U+2015; until the twenty-fourth session the page maker left · and — as they are).

def test_a_dash_left_as_the_shift_prints_it_is_a_real_miss():
    assert error_kind("—", "要", missed=True) == "missed"


def test_a_kiln_made_an_interpunct_is_a_real_false_fix():
    assert error_kind("窑", "·", missed=False) == "false fix"


def test_the_interpunct_is_counted_where_the_evaluator_leaves_it_out():
    gold, out = _page("沿河建窑，因窑成市。"), _page("沿河建窑，因·成市。")
    assert garble_errors("沿河建窑，因窑成市。", "沿河建窑，因·成市。") == (0, 0)  # the evaluator's marks: no ·
    assert page_errors(gold, out) == [(0, "false fix", "窑", "·")]
