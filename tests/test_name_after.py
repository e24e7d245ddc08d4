"""How often a person's name starts after the two characters before it (issue 13: a garbled ， prints as 袁, a
surname).  The character model's estimate of a name's start is of broadcast copy; real news starts names after
some words far more often (a paragraph's start, 主席) and after others hardly ever (丝路).  The decision reads a
table counted on real-dev train (textfix/data/name_after.json, corpora/fit_name_after.py), smoothed towards
the model's estimate; a history the table lacks reads the model's alone."""

from __future__ import annotations

import math

import pytest

from textfix import default_model, garbles, repair
from textfix.charlm import default_charlm


@pytest.fixture
def table(monkeypatch):
    """A hand-made table in place of the shipped one (the decision's caches cleared before and after)."""
    def use(histories: dict[str, list[int]], prior_events: float) -> None:
        monkeypatch.setattr(garbles, "name_after", lambda: {"prior_events": prior_events, "histories": histories})
        garbles._name_start_logp.cache_clear()
    yield use
    garbles._name_start_logp.cache_clear()


def _model_and_read(history: str) -> tuple[float, float]:
    lm, lexicon = default_charlm(), garbles._prepared(default_model()).lexicon
    return (10 ** garbles._model_name_start_logp(lm, lexicon, history),
            10 ** garbles._name_start_logp(lm, lexicon, history))


def test_a_counted_history_is_smoothed_towards_the_model(table) -> None:
    # 市民 seen 100 times, a name of the commonest surnames after it 30 times (those surnames start a share c
    # of all names, so 30 / c names); 20 positions' worth of the model's estimate p: (30 / c + 20 p) / (100 + 20).
    table({"市民": [30, 100]}, 20)
    model, read = _model_and_read("市民")
    covered = garbles._commonest_surnames(default_charlm(), garbles._prepared(default_model()).lexicon)[1]
    assert math.isclose(read, (30 / covered + 20 * model) / 120)


def test_a_history_the_table_lacks_reads_the_model_alone(table) -> None:
    table({"市民": [30, 100]}, 20)
    model, read = _model_and_read("丝路")
    assert math.isclose(read, model)


def test_a_history_is_read_from_its_last_paragraph_start() -> None:
    # Whatever the paragraph before ended with, a paragraph's start is counted as one history.
    assert garbles.name_history("。\n") == "\n"
    assert garbles.name_history("\n市") == "\n市"
    assert garbles.name_history("广大市民") == "市民"


def test_a_surname_opening_a_paragraph_stays_a_name() -> None:
    # A garbled paragraph (遥 is a garbled 。) that opens with the surname 袁: real news opens paragraphs with
    # names far more often than the character model's estimate says, so 袁老师 stays a name.
    assert repair("袁老师说大家都要去遥").text == "袁老师说大家都要去。"


def test_fewer_names_than_the_model_expects_leave_its_estimate(table) -> None:
    # The train text has no bylines: 记者 is followed by no name there, where a page's 本报记者 袁野 is one.
    table({"记者": [0, 800]}, 20)
    model, read = _model_and_read("记者")
    assert math.isclose(read, model)
