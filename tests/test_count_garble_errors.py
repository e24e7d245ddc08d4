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
