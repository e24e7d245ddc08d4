"""Issue 3: learning the noise model — garbles, mechanisms and their families, merged evidence, the model file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from textfix import ModelError, NoiseModel, Pair, default_model, learn, load_model, read_text
from textfix.model import SCHEMA, SCHEMA_VERSION, model_from_dict

from _synthetic import AFTER, ARTICLE, BEFORE, GB2312_LEAD_31, SEED_CLEAN, SEED_NOISY, garble, reflow

MECHANISM = "gb2312 lead-byte +0x31"
GARBLED_MARKS = "：“”《》；"


@pytest.fixture(scope="module")
def seed_pair() -> Pair:
    return Pair.from_files(SEED_CLEAN, SEED_NOISY)


@pytest.fixture(scope="module")
def seed_model(seed_pair: Pair) -> NoiseModel:
    return learn([seed_pair])


@pytest.fixture(scope="module")
def garbled_pair() -> Pair:
    """The synthetic article printed with six kinds of mark garbled by the GB2312 lead-byte +0x31 shift."""
    noisy = BEFORE + reflow(garble(ARTICLE, GARBLED_MARKS)) + AFTER
    return Pair(ARTICLE, noisy, "synthetic")


def _record(model: NoiseModel, name: str = MECHANISM):
    records = [r for r in model.mechanisms if r.name == name]
    assert len(records) == 1, [r.name for r in model.mechanisms]
    return records[0]


def _subs(model: NoiseModel) -> dict[tuple[str, str], object]:
    return {(s.noisy, s.clean): s for s in model.substitutions}


# --- the seed pair alone -------------------------------------------------------------------------


def test_seed_observed_garbles(seed_model: NoiseModel) -> None:
    subs = _subs(seed_model)
    for noisy, clean in (("豫", "%"), ("渊", "（")):
        s = subs[(noisy, clean)]
        assert (s.kind, s.mechanism, s.count) == ("garble", MECHANISM, 1)
        assert s.contexts and noisy in s.contexts[0]
    assert not any(s.kind == "substitution" for s in seed_model.substitutions)


def test_seed_script_variant_is_not_a_garble(seed_model: NoiseModel) -> None:
    s = _subs(seed_model)[("届", "屆")]
    assert (s.kind, s.count, s.mechanism) == ("script-variant", 2, None)
    table = seed_model.garble_table()
    assert "届" not in table and "屆" not in table
    assert all(e.clean != "屆" for r in seed_model.mechanisms for e in r.family)


def test_seed_infers_the_gb2312_lead_byte_mechanism(seed_model: NoiseModel) -> None:
    assert [r.name for r in seed_model.mechanisms] == [MECHANISM]
    record = _record(seed_model)
    assert (record.codec, record.byte, record.offset) == ("gb2312", "lead", 0x31)
    assert record.support == 2
    assert set(record.symbols) == {"%", "（"}
    assert record.contradictions == 0
    assert 0 < record.confidence < 1


@pytest.mark.parametrize(
    "garbled, clean",
    [("遥", "。"), ("尧", "、"), ("袁", "，"), ("冤", "）"), ("野", "“"), ("冶", "”"), ("叶", "《"), ("曳", "》"), ("院", "：")],
)
def test_seed_family_holds_inferred_marks(seed_model: NoiseModel, garbled: str, clean: str) -> None:
    family = {e.garbled: e for e in _record(seed_model).family}
    entry = family[garbled]
    assert entry.clean == clean
    assert entry.observed == 0 and entry.inferred


def test_seed_family_observed_entries(seed_model: NoiseModel) -> None:
    family = {e.garbled: e for e in _record(seed_model).family}
    assert family["豫"].clean == "％" and family["豫"].observed == 1 and not family["豫"].inferred
    assert family["渊"].clean == "（" and family["渊"].observed == 1


def test_seed_family_uses_em_dash_and_middle_dot(seed_model: NoiseModel) -> None:
    """Python's gb2312 codec says U+2015 and U+30FB; Chinese text (and GBK) means U+2014 and U+00B7."""
    family = {e.garbled: e.clean for e in _record(seed_model).family}
    assert family["要"] == "\u2014"
    assert family["窑"] == "\u00b7"
    cleans = set(family.values())
    assert "\u2015" not in cleans and "\u30fb" not in cleans
    # and so in the saved file
    data = json.loads(seed_model.to_json())
    entries = {e["garbled"]: e for e in data["mechanisms"][0]["family"]}
    assert entries["要"]["clean"] == "—" and entries["要"]["inferred"] is True
    assert entries["窑"]["clean"] == "·"


def test_family_is_what_the_mechanism_does(seed_model: NoiseModel) -> None:
    for entry in _record(seed_model).family:
        assert GB2312_LEAD_31.garble(entry.clean) == entry.garbled, entry


# --- several pairs ------------------------------------------------------------------------------


def test_synthetic_pair_alone(garbled_pair: Pair) -> None:
    model = learn([garbled_pair])
    record = _record(model)
    expected = sum(ARTICLE.count(m) for m in GARBLED_MARKS)
    assert record.support == expected
    assert set(record.symbols) == set(GARBLED_MARKS)
    family = {e.garbled: e for e in record.family}
    assert family["院"].observed == ARTICLE.count("：")
    assert family["遥"].inferred  # 。 never garbled here


def test_pairs_merge_their_evidence(seed_pair: Pair, garbled_pair: Pair, seed_model: NoiseModel) -> None:
    alone = learn([garbled_pair])
    both = learn([seed_pair, garbled_pair])
    merged, a, b = _record(both), _record(seed_model), _record(alone)
    assert merged.support == a.support + b.support
    assert set(merged.symbols) == set(a.symbols) | set(b.symbols)
    assert merged.opportunities == a.opportunities + b.opportunities
    observed = {e.garbled: e.observed for e in merged.family}
    assert observed["豫"] == 1 and observed["院"] == ARTICLE.count("：")
    assert len(both.sources) == 2
    assert merged.confidence > a.confidence  # more support, no contradiction


def test_pairs_merge_even_when_each_alone_is_too_weak() -> None:
    """One garbled symbol per pair is no mechanism; two pairs with different symbols are."""
    one = Pair(ARTICLE, BEFORE + garble(ARTICLE, "《") + AFTER)
    two = Pair(ARTICLE, BEFORE + garble(ARTICLE, "：") + AFTER)
    assert learn([one]).mechanisms == ()
    assert learn([two]).mechanisms == ()
    record = _record(learn([one, two]))
    assert set(record.symbols) == {"《", "："}
    assert record.support == ARTICLE.count("《") + ARTICLE.count("：")


def test_pair_without_garbles_yields_no_mechanism() -> None:
    model = learn([Pair(ARTICLE, BEFORE + reflow(ARTICLE) + AFTER)])
    assert model.mechanisms == ()
    assert model.substitutions == ()
    assert model.garble_table() == {}


def test_tuples_are_accepted_as_pairs(garbled_pair: Pair) -> None:
    assert learn([(garbled_pair.clean, garbled_pair.noisy)]).mechanisms == learn([garbled_pair]).mechanisms


def test_contradictions_lower_confidence(seed_pair: Pair, garbled_pair: Pair) -> None:
    """，printed as an unrelated 甲 again and again contradicts the shift (which makes ， into 袁)."""
    base = _record(learn([seed_pair, garbled_pair]))
    contradicting = Pair(ARTICLE, BEFORE + ARTICLE.replace("，", "甲", 3) + AFTER)
    model = learn([seed_pair, garbled_pair, contradicting])
    record = _record(model)
    assert record.contradictions == 3
    assert record.support == base.support
    assert record.confidence < base.confidence
    s = _subs(model)[("甲", "，")]
    assert (s.kind, s.count, s.mechanism) == ("substitution", 3, None)


def test_overwhelming_contradictions_do_not_crash(seed_pair: Pair) -> None:
    contradicting = Pair(ARTICLE, BEFORE + ARTICLE.replace("，", "甲") + AFTER)
    model = learn([seed_pair, contradicting])
    kept = [r for r in model.mechanisms if r.name == MECHANISM]
    base = _record(learn([seed_pair]))
    assert not kept or kept[0].confidence < base.confidence
    assert _subs(model)[("甲", "，")].count == ARTICLE.count("，")
    json.loads(model.to_json())  # still a valid model


# --- the model file ------------------------------------------------------------------------------


def test_model_json_has_schema_and_version(seed_model: NoiseModel) -> None:
    data = json.loads(seed_model.to_json())
    assert data["schema"] == SCHEMA == "textfix.noise-model"
    assert data["schema_version"] == SCHEMA_VERSION == 1
    assert {"mechanisms", "substitutions", "sources", "style"} <= set(data)


def test_learning_is_deterministic(seed_pair: Pair, garbled_pair: Pair) -> None:
    first = learn([seed_pair, garbled_pair]).to_json()
    second = learn([Pair(seed_pair.clean, seed_pair.noisy, seed_pair.name), garbled_pair]).to_json()
    assert first.encode("utf-8") == second.encode("utf-8")


def test_save_load_round_trip(tmp_path: Path, seed_pair: Pair, garbled_pair: Pair) -> None:
    model = learn([seed_pair, garbled_pair])
    path = tmp_path / "model.json"
    model.save(path)
    loaded = load_model(path)
    assert loaded == model
    assert loaded.to_json() == path.read_text(encoding="utf-8") == model.to_json()


def _valid_dict(model: NoiseModel) -> dict:
    return json.loads(model.to_json())


def _break_family(d: dict) -> None:
    d["mechanisms"][0]["family"][0]["garbled"] = "两字"


def _break_kind(d: dict) -> None:
    d["substitutions"][0]["kind"] = "mystery"


def _break_codec(d: dict) -> None:
    d["mechanisms"][0]["codec"] = "ebcdic"


def _drop_mechanisms(d: dict) -> None:
    del d["mechanisms"]


def _drop_support(d: dict) -> None:
    del d["mechanisms"][0]["support"]


def _string_support(d: dict) -> None:
    d["mechanisms"][0]["support"] = "lots"


def _list_substitutions(d: dict) -> None:
    d["substitutions"] = [["豫", "%"]]


@pytest.mark.parametrize(
    "breaker",
    [_break_family, _break_kind, _break_codec, _drop_mechanisms, _drop_support, _string_support, _list_substitutions],
)
def test_malformed_model_raises_one_line_model_error(tmp_path: Path, seed_model: NoiseModel, breaker) -> None:
    data = _valid_dict(seed_model)
    breaker(data)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ModelError) as info:
        load_model(path)
    message = str(info.value)
    assert "\n" not in message and str(path) in message


@pytest.mark.parametrize(
    "text",
    [
        "{",
        "",
        "[]",
        '"textfix.noise-model"',
        '{"schema": "something-else", "schema_version": 1}',
        '{"schema_version": 1, "mechanisms": [], "substitutions": []}',
    ],
    ids=["truncated", "empty", "list", "string", "wrong-schema", "no-schema"],
)
def test_not_a_model_raises_model_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ModelError) as info:
        load_model(path)
    assert "\n" not in str(info.value) and "bad.json" in str(info.value)


@pytest.mark.parametrize("version", [0, 2, 99, "1", None, 1.5, 1.0, True])
def test_unknown_schema_version_raises_model_error(tmp_path: Path, seed_model: NoiseModel, version) -> None:
    data = _valid_dict(seed_model)
    data["schema_version"] = version
    path = tmp_path / "future.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError, match="schema_version") as info:
        load_model(path)
    assert "\n" not in str(info.value)


def test_model_from_dict_accepts_its_own_output(seed_model: NoiseModel) -> None:
    assert model_from_dict(_valid_dict(seed_model)) == seed_model


def test_missing_model_file_is_an_error(tmp_path: Path) -> None:
    from textfix import TextfixError

    with pytest.raises(TextfixError):
        load_model(tmp_path / "absent.json")


# --- the shipped default model ------------------------------------------------------------------


def test_default_model_is_the_seed_model(seed_model: NoiseModel) -> None:
    assert default_model() == seed_model
    shipped = Path(__file__).resolve().parent.parent / "textfix" / "data" / "default_model.json"
    assert shipped.read_text(encoding="utf-8") == seed_model.to_json()


def test_seed_pair_names_come_from_file_names(seed_pair: Pair) -> None:
    assert seed_pair.name == f"{SEED_CLEAN.name}|{SEED_NOISY.name}"
    assert seed_pair.clean == read_text(SEED_CLEAN)
