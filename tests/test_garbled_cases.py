"""bench/garbled_cases.py: the garbled corpus's missed marks and false fixes, case by case (invented text)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import garbled_cases as GC  # noqa: E402


def test_a_mark_left_and_a_surname_made_a_mark_are_told_apart_at_their_offsets():
    # Invented: 袁 at 2 and 遥 at 6 are garbled ， and 。; the 袁 at 9 is a surname (袁明天, a name)
    original = "我们袁去公园遥他说袁明天来"
    fixed = "我们，去公园。他说袁明天来"
    repaired = "我们袁去公园。他说，明天来"  # as a repair might read it: the first left, the surname made a comma
    assert GC.failures(original, fixed, repaired) == [(2, "missed", "，"), (9, "false", "，")]


def test_a_stray_space_the_fix_drops_is_neither():
    assert GC.failures("我们袁 去公园遥", "我们，去公园。", "我们，去公园。") == []


def test_a_mark_where_no_decision_was_weighed_says_so():
    # 天 is no garbled form of any mark: the repair weighs nothing there, and leaves it
    rows = GC.case_rows("今天天气很好", "今天，气很好")
    assert rows == [("missed", "今天[天]气很好", "，", "no decision")]
