"""corpora/typeset/order_headroom.py: a page's boxes put in the gold order (the oracle order), to count
how much of an extractor's error is reading order.  Pages hand-written in pdfminer's shape: boxes
parted by a blank line, a later column's box printed before the earlier column's rest."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "corpora" / "typeset"))

from order_headroom import gold_place, gold_text, main, oracle_reading  # noqa: E402

from textfix.split import default_model  # noqa: E402

# Two paragraphs of one article, each boxed in two: the second paragraph's boxes (C, D) printed
# between the first paragraph's (A, B), as pdfminer prints two columns' boxes by their tops.
A = "春天来了，河边的柳树发芽了，孩子们在"
B = "草地上放风筝，笑声传得很远很远。"
C = "老人们坐在长椅上晒太阳，说起往年的"
D = "收成和今年的打算，大家都很高兴。"
GOLD = {"articles": [{"title": "春天", "blocks": [{"text": A + B}, {"text": C + D}]}]}


def test_gold_text_is_titles_and_blocks_in_order():
    assert gold_text(GOLD) == "春天" + A + B + C + D


def test_a_box_is_placed_where_a_substring_found_once_in_the_gold_starts():
    flat = gold_text(GOLD)
    assert gold_place(C, flat) == len("春天" + A + B)
    assert gold_place("没有这段文字的盒子里面", flat) == -1


def test_boxes_printed_out_of_gold_order_are_read_in_it():
    text = "\n\n".join([A, C, B, D])
    reading = oracle_reading(text, default_model(), gold_text(GOLD))
    assert reading is not None
    assert "".join(text[lo:hi] for lo, hi in reading).replace("\n", "") == A + B + C + D


def test_boxes_printed_in_gold_order_give_no_reading():
    text = "\n\n".join([A, B, C, D])
    assert oracle_reading(text, default_model(), gold_text(GOLD)) is None


def test_a_folder_with_no_gold_pages_stops_with_one_line(tmp_path, monkeypatch, capsys):
    # A mistyped folder (no *.gold.json): one line saying so and a non-zero exit, not a ZeroDivisionError
    # from the CER of its 0 gold characters; nothing is printed for the folders before it either.
    monkeypatch.setattr(sys, "argv", ["order_headroom.py", str(tmp_path / "train171")])
    with pytest.raises(SystemExit) as stop:
        main()
    assert stop.value.code == f"order_headroom: no *.gold.json in {tmp_path / 'train171'}"
    assert capsys.readouterr().out == ""
