"""OCR confusions: classified, learned from a twin with probabilities, inferred by class, undone in context.

The twins and pages here are written for these tests (no real-dev text); what an
"engine" read is made from them by applying known confusions, so the expected
counts, probabilities and repairs follow from how each text was made.
"""

from __future__ import annotations

import json

import pytest

import textfix
from textfix.confusions import PRIOR_WEIGHT, RULE, classify, scored_changes
from textfix.learn import learn
from textfix.model import default_model, model_from_dict

# Three paragraphs: 3 （, 3 ）, 2 ：, 2 －.
TWIN = (
    "新华社北京电（记者 张明）近日，中国－东盟博览会在南宁开幕，各方代表出席。\n"
    "会议指出：要加快推进重点项目建设（附件略），确保按期完成。\n"
    "据介绍（数据截至上月底），中国－东盟贸易额持续增长。专家表示：合作前景广阔。\n"
)
# The "engine": every （ read as 〈, every ） as ASCII ), every ： as :, every － as 一.
ENGINE = str.maketrans({"（": "〈", "）": ")", "：": ":", "－": "一"})


def read_by_engine(text: str, table=ENGINE) -> str:
    return text.translate(table)


@pytest.fixture(scope="module")
def engine_model():
    return learn([(TWIN, read_by_engine(TWIN))])


@pytest.mark.parametrize(("clean", "read", "kind"), [
    ("）", ")", "mark-width"),
    ("：", ":", "mark-width"),
    ("。", ".", "mark-width"),
    ("（", "〈", "mark-shape"),
    ("－", "一", "mark-as-ideograph"),
    ("』", "J", "mark-as-letter"),
    ("平", "乎", "look-alike-ideograph"),
    ("", "和", "insertion"),
    ("，", "", "deletion"),
    ("6", "b", "other"),
])
def test_classify(clean: str, read: str, kind: str) -> None:
    assert classify(clean, read) == kind


def test_learned_counts_and_probabilities(engine_model) -> None:
    engine = engine_model.engine
    assert engine is not None and engine_model.mechanisms == ()
    assert engine.characters == sum(1 for ch in TWIN if not ch.isspace())
    seen = {(c.clean, c.read): c for c in engine.confusions if c.count}
    assert set(seen) == {("（", "〈"), ("）", ")"), ("：", ":"), ("－", "一")}
    assert engine.classes == {"mark-as-ideograph": 2, "mark-shape": 3, "mark-width": 5, "spacing": 0}
    # （ read as 〈 three times of three: the class prior is (3 + .5) / (3 + 1), the probability
    # (3 + w·prior) / (3 + w) with w the prior's weight.
    opening = seen[("（", "〈")]
    assert (opening.count, opening.opportunities, opening.kind) == (3, 3, "mark-shape")
    prior = 3.5 / 4
    assert opening.probability == pytest.approx((3 + PRIOR_WEIGHT * prior) / (3 + PRIOR_WEIGHT), abs=1e-6)
    # mark-width pools ）→) (3 of 3) and ：→: (2 of 2): prior (5 + .5) / (5 + 1).
    colon = seen[("：", ":")]
    assert colon.probability == pytest.approx((2 + PRIOR_WEIGHT * 5.5 / 6) / (2 + PRIOR_WEIGHT), abs=1e-6)


def test_unseen_confusions_inferred_from_their_class(engine_model) -> None:
    inferred = {(c.clean, c.read): c for c in engine_model.engine.confusions if c.inferred}
    # The partner of a bracket read as another shape: （→〈 gives ）→〉, with （'s own rate as its prior.
    closing = inferred[("）", "〉")]
    assert closing.source == "（→〈" and closing.kind == "mark-shape"
    assert closing.probability == pytest.approx(PRIOR_WEIGHT * (3.5 / 4) / (3 + PRIOR_WEIGHT), abs=1e-6)
    # Another dash read as 一; another prose mark read as its ASCII form (；→; was never in the twin).
    assert inferred[("—", "一")].source == "－→一"
    assert ("；", ";") in inferred and inferred[("；", ";")].opportunities == 0
    # A mark the twin holds, always read right, has its probability pulled down by its own count (4 ，).
    assert inferred[("，", ",")].probability == pytest.approx(PRIOR_WEIGHT * (5.5 / 6) / (4 + PRIOR_WEIGHT), abs=1e-6)
    assert inferred[("；", ";")].probability == pytest.approx(5.5 / 6, abs=1e-6)


def test_model_file_keeps_the_engine_and_old_files_load(engine_model) -> None:
    again = model_from_dict(json.loads(engine_model.to_json()))
    assert again == engine_model
    data = json.loads(engine_model.to_json())
    del data["engine"]  # a model file written before engine models
    assert model_from_dict(data).engine is None
    assert default_model().engine is None  # the seed pair shows a codec shift: a print model
    data = json.loads(engine_model.to_json())
    data["engine"]["confusions"][0]["probability"] = 1.5
    with pytest.raises(textfix.TextfixError, match="probability"):
        model_from_dict(data)


# Other sentences, read by the same engine.
PAGE = (
    "本报讯（记者 李华）日前，中国－中亚合作论坛在西安举行。\n"
    "论坛强调：要推动务实合作（详见第二版），共同应对挑战。\n"
)


def test_repair_undoes_the_engine_confusions_in_context(engine_model) -> None:
    read = read_by_engine(PAGE)
    assert read != PAGE
    result = textfix.repair(read, engine_model, rejoin=False)
    assert result.text == PAGE
    # The engine's model is OCR evidence: the typographic rules of print act too (paired_widths on 〈…)).
    assert RULE in {c.rule for c in result.changes} <= {RULE, "paired-width", "ascii-punctuation"}
    assert all(c.why for c in result.changes if c.rule == RULE)


def test_an_inferred_confusion_is_repaired() -> None:
    # This engine reads only （ wrongly (as 〈) in its twin; the page has ） read as 〉, never seen.
    model = learn([(TWIN, read_by_engine(TWIN, str.maketrans({"（": "〈"})))])
    line = PAGE.splitlines(keepends=True)[1]
    read = read_by_engine(line, str.maketrans({"（": "〈", "）": "〉"}))
    result = textfix.repair(read, model, rejoin=False)
    assert result.text == line
    assert any("inferred from （→〈" in c.why for c in result.changes)


def test_clean_text_and_other_models_are_left_alone(engine_model) -> None:
    clean = PAGE + "统一部署，第一次会议，一一对应，10-20人，GDP增长。\n"
    assert textfix.repair(clean, engine_model, rejoin=False).text == clean
    read = read_by_engine(PAGE)
    assert not [c for c in textfix.repair(read, rejoin=False).changes if c.rule == RULE]  # the default model
    assert not [c for c in textfix.repair(read, engine_model, rejoin=False, ocr_confusions=False).changes if c.rule == RULE]


def test_the_user_path_learn_then_repair(tmp_path) -> None:
    """``textfix learn TWIN READ -o model.json`` then ``textfix repair --model model.json PAGE``."""
    from _cli import assert_one_error_line, run

    twin, read, page, model = (tmp_path / n for n in ("twin.txt", "read.txt", "page.txt", "model.json"))
    twin.write_text(TWIN, encoding="utf-8")
    read.write_text(read_by_engine(TWIN), encoding="utf-8")
    page.write_text(read_by_engine(PAGE), encoding="utf-8")
    code, _, err = run("learn", twin, read, "-o", model)
    assert code == 0 and "OCR confusions" in err
    code, out, _ = run("repair", "--model", model, "--keep-lines", page)
    assert code == 0 and out == PAGE
    code, _, err = run("learn", twin)
    assert_one_error_line(code, err, 2, "pairs")


def test_insertions_need_a_habit_and_spare_balanced_quotes() -> None:
    # An engine that adds ” after 记者 on every byline (three) and 和 once.
    twin = TWIN + "（记者 王强）\n（记者 赵丽）\n会议要求加强管理。\n"
    read = twin.replace("记者 ", "记者 ”").replace("要求", "要和求")
    engine = learn([(twin, read)]).engine
    seen = {(c.clean, c.read): c.count for c in engine.confusions if not c.clean}
    assert seen == {("", "”"): 3, ("", "和"): 1}  # TWIN's byline and the two added
    model = learn([(twin, read)])
    page = "（记者 ”孙伟）\n他说：“要继续努力。”\n我们要和求真务实。\n"
    # Whatever the margin: the stray ” is weighed, the ” that closes “ is not, nor 和 (seen once: no habit).
    weighed = [(c[0], c[2]) for c in scored_changes(page, model, threshold=float("-inf"))]
    assert weighed == [(page.index("”"), "”")]
    assert textfix.repair(page, model, rejoin=False).text.endswith("他说：“要继续努力。”\n我们要和求真务实。\n")


def test_an_engine_that_spaces_ideographs_has_its_spaces_removed_on_any_page() -> None:
    # The twin read with a space after every ideograph: far above the OCR-evidence share.
    spaced = "".join(ch + " " if "\u4e00" <= ch <= "\u9fff" else ch for ch in TWIN)
    model = learn([(TWIN, spaced)])
    assert model.engine.spaces_ideographs and model.engine.classes["spacing"] > 0
    page = "会议 指出，要加快 建设。\n"  # two spaces: too few to be OCR evidence on their own
    assert textfix.repair(page, rejoin=False).text == page
    assert textfix.repair(page, model, rejoin=False).text == "会议指出，要加快建设。\n"
    assert not learn([(TWIN, TWIN)]).engine.spaces_ideographs


def test_a_lookalike_ideograph_never_seen_in_the_twin_is_decided_by_the_language_model() -> None:
    from textfix.confusions import LOOKALIKE_RULE

    # This engine's twin shows it reading ideographs as look-alikes (设→没, 加→如): it has a look-alike rate.
    model = learn([(TWIN, TWIN.replace("设", "没").replace("加", "如"))])
    assert model.engine.classes["look-alike-ideograph"] == 2 and model.engine.lookalike_rate > 0
    page = "深入学习贯彻习近乎总书记重要讲话精神。这近乎是不可能的。\n"  # 平 read as 乎, never seen in the twin
    result = textfix.repair(page, model, rejoin=False)
    assert result.text == "深入学习贯彻习近平总书记重要讲话精神。这近乎是不可能的。\n"
    assert [c.rule for c in result.changes] == [LOOKALIKE_RULE]
    # Without a look-alike seen in the twins, no ideograph is weighed.
    assert textfix.repair(page, engine_model_of_marks(), rejoin=False).text == page


def engine_model_of_marks():
    return learn([(TWIN, read_by_engine(TWIN))])
