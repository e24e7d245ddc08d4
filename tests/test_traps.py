"""The names-and-places trap set (corpora/repair/traps.json) and the garbling of bench/eval_garbles.py.

Every trap sentence is clean text whose garble-family characters are real
(surnames, given names, places, serial words): repair must make no change of
a garble rule.  Cases marked ``expect: fail`` are known failures and must still
fail (strict, as ftfy's test cases), so that a fix is noticed and the mark removed.
"""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from pathlib import Path

import pytest

from textfix import repair
from textfix.repair import Change

ROOT = Path(__file__).resolve().parents[1]
TRAPS = json.loads((ROOT / "corpora" / "repair" / "traps.json").read_text(encoding="utf-8"))
CASES = [c for c in TRAPS if "original" in c]  # the first object is the set's header


def _eval_garbles():
    spec = importlib.util.spec_from_file_location("eval_garbles", ROOT / "bench" / "eval_garbles.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_garbles"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


EG = _eval_garbles()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["original"][:24])
def test_trap_sentence_is_left_alone(case: dict) -> None:
    changed = [c for c in repair(case["original"]).changes if c.rule.startswith("garble:")]
    if case["expect"] == "fail":
        assert changed, "a known failure now passes: set its expect to pass and drop the note's reason"
    else:
        assert not changed, [(c.old, c.new, c.why) for c in changed]


def test_trap_set_is_well_formed() -> None:
    assert "about" in TRAPS[0]
    assert len(CASES) >= 150
    originals = [c["original"] for c in CASES]
    assert len(set(originals)) == len(originals)
    for case in CASES:
        assert case["fixed"] == case["original"]
        assert case["expect"] in ("pass", "fail")
        assert case["note"].startswith("traps: ")
        assert ("known failure" in case["note"]) == (case["expect"] == "fail")
    assert sum(c["expect"] == "pass" for c in CASES) >= 0.9 * len(CASES)


# Hand-derived from the codec: ：A3BA→D4BA 院, “A1B0→D2B0 野, ”A1B1→D2B1 冶, ％A3A5→D4A5 豫,
# ，A3AC→D4AC 袁, 。A1A3→D2A3 遥, 《A1B6→D2B6 叶, 》A1B7→D2B7 曳, —A1AA→D2AA 要,
# ①A2D9→D3D9 淤, ②A2DA→D3DA 于, ℃A1E6→D2E6 益, ·A1A4→D2A4 窑.
@pytest.mark.parametrize(
    "clean, run, space_rate, garbled",
    [
        ("他说：“增长3.5%，超过预期。”", None, 0.0, "他说院野增长3.5豫袁超过预期遥冶"),
        ("气温28℃，约翰·史密斯说。", None, 0.0, "气温28益袁约翰窑史密斯说遥"),
        ("会议指出，要加强合作。双方签署了《合作备忘录》——包括①②两项。", (11, 32), 0.0,
         "会议指出，要加强合作。双方签署了叶合作备忘录曳要要包括淤于两项遥"),
        # A stray space after every garbled mark, but none after an opening mark, inside a
        # doubled mark, or at the end of the text.
        ("会议指出，要加强合作。双方签署了《合作备忘录》——包括①②两项。", (11, 32), 1.0,
         "会议指出，要加强合作。双方签署了叶合作备忘录曳 要要 包括淤 于 两项遥"),
    ],
)
def test_garble_follows_the_codec(clean: str, run, space_rate: float, garbled: str) -> None:
    runs = [run or (0, len(clean))]
    g = EG.garble(clean, runs, EG.garble_table(), space_rate, random.Random(1))
    assert g.text == garbled
    assert "".join(ch for k, ch in enumerate(g.text) if k not in g.strays and k not in g.marks) == "".join(
        ch for k, ch in enumerate(clean) if not (runs[0][0] <= k < runs[0][1] and ch in EG.garble_table())
    )
    assert sorted(g.marks.values()) == sorted(ch for ch in clean[runs[0][0] : runs[0][1]] if ch in EG.garble_table())


def test_family_is_the_codec_shift_of_rows_1_to_9() -> None:
    assert EG.FAMILY["，"] == "袁" and EG.FAMILY["·"] == "窑" and EG.FAMILY["—"] == "要" and EG.FAMILY["％"] == "豫"
    assert EG.FAMILY["Ⅱ"] == "域" and EG.FAMILY["①"] == "淤" and EG.FAMILY["±"] == "依"
    assert "%" not in EG.FAMILY and EG.garble_table()["%"] == "豫" and "%" not in EG.garble_table(ascii_percent=False)
    assert "\u3000" not in EG.garble_table() and EG.garble_table(garble_space=True)["\u3000"] == "摇"
    assert [EG.symbol_class(ch) for ch in "，℃①［·－Ａ"] == [
        "punctuation", "units-and-math", "numbering", "brackets", "interpunct", "dashes", "other"]


def test_counting_against_a_change_log() -> None:
    """Restored, restored as another symbol, left garbled, false fix: counted from the change log."""
    clean = "他说：“好。”袁明说。"
    g = EG.garble(clean, [(0, len(clean))], EG.garble_table(), 0.0, random.Random(0))
    assert g.text == "他说院野好遥冶袁明说遥"
    rule = "garble:gb2312 lead-byte +0x31"
    log = [Change(2, 3, "院", "：", rule, 0.9), Change(3, 4, "野", "“", rule, 0.9), Change(5, 6, "遥", "。", rule, 0.9),
           Change(7, 8, "袁", "，", rule, 0.9), Change(10, 11, "遥", "！", rule, 0.9)]
    tally = EG.Tally()
    EG.count_garbled(tally, g, log)
    assert sum(tally.marks.values()) == 5
    assert (sum(tally.restored.values()), sum(tally.wrong.values()), sum(tally.left.values())) == (3, 1, 1)
    assert (tally.false_in_run, tally.false_outside_run) == (1, 0)
    clean_tally = EG.Tally()
    EG.count_clean(clean_tally, clean, [Change(6, 7, "袁", "，", rule, 0.9), Change(0, 1, "他", "她", "other", 0.9)])
    assert (clean_tally.false_garble, clean_tally.false_family) == (1, 1)
