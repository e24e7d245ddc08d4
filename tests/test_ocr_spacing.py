"""Issue 16: an OCR engine's spaces between CJK characters and next to full-width marks.

Tesseract without ``preserve_interword_spaces`` prints ``新 馆 座 位 多 了 ，``;
``repair`` removes those spaces where the text shows the habit (many spaces
between ideographs), keeps every space inside a Latin run, and leaves text
without the habit (a byline's space between names) as it was.
"""

from __future__ import annotations

import pytest

from textfix import RepairConfig, repair
from textfix.repair import OCR_SPACES_MIN, apply_changes, fix_ocr_spacing, ocr_spacing_evidence

# As corpora/ocr's tesseract-spaced prints a paragraph (hand-written text, the engine's habit).
SPACED = (
    "本报 讯 （ 记 者 张 伟 ） ： 昨\n"
    "天 下午 ， 市 图 书 馆 新 馆 开 放 。\n"
    "读者 表示 ， 新 馆 座 位 多 了 ， 环 境 更 好 。\n"
)
JOINED = "本报讯（记者张伟）：昨\n天下午，市图书馆新馆开放。\n读者表示，新馆座位多了，环境更好。\n"


def test_the_habit_is_evidence_and_the_spaces_go():
    assert ocr_spacing_evidence(SPACED)
    fixed = repair(SPACED, rejoin=False)
    assert fixed.text == JOINED
    assert {c.rule for c in fixed.changes} == {"ocr-spacing"}
    assert apply_changes(SPACED, fixed.changes) == fixed.text


def test_rejoined_too():
    assert repair(SPACED, layout="print").text == "本报讯（记者张伟）：昨天下午，市图书馆新馆开放。读者表示，新馆座位多了，环境更好。\n"


def test_no_space_inside_a_latin_run_is_lost():
    text = SPACED + "特 斯 拉 Model Y 与 iPhone 16 Pro 的 价 格 。\n"
    fixed = repair(text, rejoin=False).text
    assert "Model Y" in fixed and "iPhone 16 Pro" in fixed
    # OCR evidence is print evidence: the spaces between CJK and a Latin run go as on print pages.
    assert fixed.endswith("特斯拉Model Y与iPhone 16 Pro的价格。\n")


def test_spaces_next_to_full_width_marks_go_line_ends_stay():
    changes = fix_ocr_spacing("消息 （新闻） ：A “好” 吧 \n下", None)
    assert [c.start for c in changes] == [2, 7, 10, 14]  # not the space before the line end (16)
    assert apply_changes("消息 （新闻） ：A “好” 吧 \n下", changes) == "消息（新闻）：A“好”吧 \n下"


@pytest.mark.parametrize("text", [
    "（记者 李文博 何静）\n本报记者 张伟 王磊\n",                      # bylines: names spaced, too few
    "读者表示，新馆座位多了，环境更好。" * 40 + "（记者 李文博 何静 张伟 王磊 刘洋 陈静 杨帆 赵敏 黄蕾）",  # a share too small
])
def test_text_without_the_habit_is_left_alone(text):
    assert not ocr_spacing_evidence(text)
    assert repair(text, rejoin=False, layout="paragraphs").text == text


def test_the_evidence_needs_a_count_and_a_share():
    few = "一 二 三 四 五 六 七 八"  # 7 spaces, every pair spaced
    assert sum(1 for _ in few if _ == " ") < OCR_SPACES_MIN and not ocr_spacing_evidence(few)
    assert ocr_spacing_evidence(few + " 九")


def test_the_switch():
    assert repair(SPACED, rejoin=False, ocr_spacing=False).text == SPACED
    byline = "（记者 李文博 何静）\n"
    assert repair(byline, rejoin=False, ocr_spacing=True).text == "（记者李文博何静）\n"
    assert RepairConfig().ocr_spacing is None


def test_repairing_again_changes_nothing():
    once = repair(SPACED).text
    assert repair(once).text == once
