"""The settle pass decides again only near the seams the rejoin and the fixes left (issue 13's speed, by method).

Invented text: a garbled run (，as 袁, 。 as 遥, ： as 院, “” as 野冶) in hand-written paragraphs, one a line.
"""

from __future__ import annotations

import importlib
import sys

import pytest

from textfix import default_model, garbles
from textfix.repair import Change, Repaired, _seams

GARBLED = ("她是我们镇上果树栽培技术的带头人袁写下了四十多本笔记袁带出了一批又一批懂技术的年轻果农遥\n"
           "他对记者说院野法治建设要一代接一代地干下去遥冶\n")
FIRST_COMMA, SECOND_COMMA, FULL_STOP = 16, 26, 43  # the offsets of the first line's 袁 袁 遥


def _found(text: str, seams: list[int] | None) -> list[tuple[int, str, str]]:
    near = None if seams is None else garbles.Seams(seams)
    return [(c[0], c[2], c[3]) for c in garbles.garble_changes(text, default_model(), None, True, near)]


def test_only_the_candidates_near_a_seam_are_decided() -> None:
    whole = _found(GARBLED, None)
    assert (FIRST_COMMA, "袁", "，") in whole and (SECOND_COMMA, "袁", "，") in whole
    assert _found(GARBLED, []) == []
    # A seam right after the first 袁: that one alone (the second is 10 characters on, past SEAM_REACH = 7).
    assert garbles.SEAM_REACH == 7
    assert _found(GARBLED, [FIRST_COMMA + 1]) == [(FIRST_COMMA, "袁", "，")]
    # Four characters after the first, six before the second: both, and nothing else of the page.
    assert _found(GARBLED, [FIRST_COMMA + 4]) == [(FIRST_COMMA, "袁", "，"), (SECOND_COMMA, "袁", "，")]
    assert _found(GARBLED, [FULL_STOP - 3]) == [(FULL_STOP, "遥", "。")]


def test_a_text_without_seams_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(garbles, "_as_read", lambda *args: pytest.fail("the text was read"))
    assert garbles.garble_changes(GARBLED, default_model(), None, True, garbles.Seams([])) == []


@pytest.mark.parametrize("paragraph_ends", [False, True])
def test_the_vector_screen_keeps_the_candidates_near_seams_the_loop_keeps(paragraph_ends: bool) -> None:
    pytest.importorskip("numpy")
    screen = garbles._prepared(default_model()).screen
    text = garbles._as_read(GARBLED * 3, True)  # (its paragraph ends read as PARAGRAPH_END)
    ends = [k for k, ch in enumerate(text) if ch == garbles.PARAGRAPH_END]
    assert len(ends) == 6
    for offsets in ([], [0], [FIRST_COMMA + 4, 60, 61, len(text) - 1], list(range(0, len(text), 9))):
        seams = garbles.Seams(offsets, paragraph_ends)
        loop = screen._occurrences(text, garbles._near((m.start() for m in screen.narrow.finditer(text)), text, seams))
        assert screen.vector.occurrences(text, None, seams)[0] == loop
        everywhere = screen._occurrences(text, (m.start() for m in screen.narrow.finditer(text)))
        near = offsets + ends * paragraph_ends
        assert loop == [o for o in everywhere if any(abs(o.at - s) <= garbles.SEAM_REACH for s in near)]


def test_seams_are_the_paragraph_ends_where_printed_lines_were_read_closed_up() -> None:
    printed = "甲乙丙袁丁\n戊己庚\n\n辛壬癸"
    changes = [Change(3, 4, "袁", "，", "garble:punctuation", 1.0, ""),  # read in place by the printed lines' decision
               Change(5, 6, "\n", "", "rejoin", 1.0, ""),  # a line's end removed: read the same closed up
               Change(9, 11, "\n\n", "\n", "rejoin", 1.0, "")]
    text = "甲乙丙，丁戊己庚\n辛壬癸"
    assert _seams(printed, Repaired(text, changes, "print")) == garbles.Seams([], True)
    # Lines read as paragraphs before and after (none ends a sentence: read closed up both times): none.
    assert _seams(printed, Repaired(text, changes, "paragraphs")) == garbles.Seams([], False)


def test_where_lines_were_read_as_paragraphs_a_line_end_the_rejoin_removed_is_a_seam() -> None:
    printed = "甲乙丙袁丁。\n戊己庚。\n辛壬癸。"
    changes = [Change(3, 4, "袁", "，", "garble:punctuation", 1.0, ""), Change(6, 7, "\n", "", "rejoin", 1.0, "")]
    assert _seams(printed, Repaired("甲乙丙，丁。戊己庚。\n辛壬癸。", changes, "paragraphs")) == garbles.Seams([6])


def test_the_settle_pass_asks_the_decision_near_its_seams(monkeypatch: pytest.MonkeyPatch) -> None:
    repairing = importlib.import_module("textfix.repair")  # (the package's ``repair`` is the function)

    asked = []
    real = repairing.garble_changes

    def spy(text, model, font_state=None, paragraphs=False, seams=None):
        asked.append(seams)
        return real(text, model, font_state, paragraphs, seams)

    monkeypatch.setattr(repairing, "garble_changes", spy)
    result = repairing.repair(GARBLED)
    assert result.text.startswith("她是我们镇上果树栽培技术的带头人，写下了四十多本笔记，")
    assert None in asked  # the lines as printed, whole
    assert any(seams is not None for seams in asked)  # the settle pass, near its seams


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))
