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
        monkeypatch.setattr(garbles, "name_after", lambda: garbles.pack_name_after(histories, prior_events))
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


def test_the_packed_table_finds_each_history_and_no_other() -> None:
    # A paragraph's start (one character) and two-character histories, one a prefix of nothing counted.
    packed = garbles.pack_name_after({"\n": [3, 40], "主席": [12, 30], "市民": [0, 25]}, 20)
    assert packed.counts("\n") == (3, 40)
    assert packed.counts("主席") == (12, 30)
    assert packed.counts("市民") == (0, 25)
    assert packed.counts("席") is None and packed.counts("\n主") is None and packed.counts("丝路") is None
    assert packed.prior_events == 20


def test_a_history_code_tells_a_short_history_from_a_long_one() -> None:
    # Code points shifted by one: "\x00" + "a" must not read as "a".
    assert len({garbles.history_code(h) for h in ("a", "\x00a", "a\x00", "aa", "\n")}) == 5


def test_the_shipped_table_is_read_from_the_cache_once_packed(tmp_path, monkeypatch) -> None:
    # Start-up (issue 13): parsing the JSON's 23,000 histories costs each process ~20 ms; the first process
    # packs them into the disk cache, and the next reads them from there, without the JSON parser.
    monkeypatch.setenv("TEXTFIX_CACHE_DIR", str(tmp_path))
    garbles.name_after.cache_clear()
    try:
        first = garbles.name_after()
        garbles.name_after.cache_clear()

        def no_parse(*args, **kwargs):
            raise AssertionError("the JSON was parsed again")

        monkeypatch.setattr(garbles.json, "load", no_parse)
        again = garbles.name_after()
    finally:
        garbles.name_after.cache_clear()
    assert again == first
    assert again.counts("\n") is not None  # a paragraph's start is counted in real-dev train


def test_the_shipped_table_keeps_only_histories_a_name_started_after(tmp_path, monkeypatch) -> None:
    # A history no name started after reads the model's estimate (test_fewer_names_than_the_model_expects_leave_
    # its_estimate), as one the table lacks does: the packed copy keeps the others only, each with its counts.
    import json

    monkeypatch.setenv("TEXTFIX_CACHE_DIR", str(tmp_path))
    with open(garbles.os.path.join(garbles.DATA_DIR, "name_after.json"), encoding="utf-8") as handle:
        histories = json.load(handle)["histories"]
    garbles.name_after.cache_clear()
    try:
        packed = garbles.name_after()
    finally:
        garbles.name_after.cache_clear()
    assert len(packed.codes) == sum(1 for names, _ in histories.values() if names)
    for history, (names, seen) in histories.items():
        assert packed.counts(history) == ((names, seen) if names else None)


def test_a_history_longer_than_the_model_reads_is_left_out_of_the_packed_table(tmp_path) -> None:
    # A table fitted for a longer history: its four-character key would overflow the packed code (21 bits a
    # character, 63 in all) and is never asked for (name_history keeps HISTORY = 2 characters).
    source = tmp_path / "name_after.json"
    source.write_text('{"prior_events": 20, "histories": {"主席": [12, 30], "国家主席": [5, 9]}}', encoding="utf-8")
    codes, names, seen, prior_events = garbles._packed_name_after(str(source))
    packed = garbles.NameAfter(*(garbles.array("q", column) for column in (codes, names, seen)), prior_events)
    assert packed.counts("主席") == (12, 30)
    assert len(packed.codes) == 1
