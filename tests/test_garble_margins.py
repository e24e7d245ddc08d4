"""bench/garble_margins.py: the decisions that lose by less than the threshold in a garbled run (invented text)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import garble_margins as GM  # noqa: E402

from textfix.garbles import THRESHOLD  # noqa: E402


def test_a_fix_replaces_the_garbled_marks_and_drops_the_stray_space():
    # 袁 at 2 and 遥 at 7 are marks; the space at 3 is the stray one the fix drops
    assert GM.changed_offsets("我们袁 去公园遥", "我们，去公园。") == {2, 3, 7}


def test_the_tally_counts_each_lower_bound_apart_and_leaves_out_what_clears_the_top():
    rows = [(0.3, "name", True), (0.6, "name", True), (0.8, "text", False), (1.2, "name", True), (-0.2, "word", True)]
    counted = GM.tally(rows, 1.0, grid=(0.0, 0.5))
    assert counted[0.0] == {("name", "marks"): 2, ("text", "real"): 1}
    assert counted[0.5] == {("name", "marks"): 1, ("text", "real"): 1}


def test_a_real_surname_read_as_a_name_in_a_garbled_sentence_is_counted_as_a_real_character():
    # Invented, garbled throughout: the 袁 after 副主任 is a surname (袁明 chairs), the later 袁 and 遥 are ， and 。
    text = "会议由副主任袁明主持袁大家发言踊跃遥"
    marks = {text.index("持") + 1, len(text) - 1}
    rows = GM.losing_near(text, marks.__contains__, -0.1)
    assert any(reading == "name" and not mark and 0.0 < terms <= THRESHOLD for terms, reading, mark in rows)
