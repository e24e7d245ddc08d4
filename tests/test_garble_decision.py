"""The garble decision (issue 13): a noisy channel whose numbers come from data.

Expected texts are derived by hand from the mechanism: each mark of GB2312
rows 1–3 printed in a garbled font is the character 0x31 rows further on
(``，`` A3AC → D4AC ``袁``), so a garbled sentence is written here from its
clean form by :func:`garbled`, and the repair must give the clean form back.
"""

from __future__ import annotations

import json
import math
from importlib import resources

import pytest

from tests._synthetic import ARTICLE, AFTER, BEFORE, garble, reflow
from textfix import Pair, default_model, learn, repair
from textfix.charclasses import symbol_class
from textfix.garbles import FEATURES, fitted

MARKS = "".join(ch for ch in map(chr, range(0x2000, 0xFFFF)) if symbol_class(ch))


def garbled(text: str) -> str:
    """*text* as a garbled font prints it: every mark of the mechanism's rows shifted."""
    return garble(text, MARKS)


def _corpora(script: str):
    """The repository's corpora/*script*.py, imported as a module (the fitting scripts are no package)."""
    import importlib
    import sys
    from pathlib import Path

    folder = str(Path(__file__).resolve().parents[1] / "corpora")
    if folder not in sys.path:
        sys.path.insert(0, folder)
    return importlib.import_module(script)


def garble_fixes(text: str, model=None) -> list:
    return [c for c in repair(text, model).changes if c.rule.startswith("garble:")]


@pytest.mark.parametrize(
    "clean",
    [
        "记者从市卫健委获悉：上半年，全市医院门诊量同比增长12.5%，其中“互联网医院”增长最快。",
        "今天最高气温37℃，湿度在60%～80%之间。",  # units after numbers (％ garbled, written % as the seed twin does)
        "美国学者乔治·亨丁顿在演讲中说：“合作才能共赢。”",  # an interpunct between parts of a foreign name
        "他停了一下——这是最难的一步。",  # a dash printed as two garbled halves (要要)
        "这部纪录片分为《源》《流》《汇》三集，展现了黄河文明的发展历程。",
    ],
)
def test_a_garbled_sentence_comes_back_whole(clean: str) -> None:
    assert repair(garbled(clean)).text == clean


def test_a_surname_inside_a_garbled_run_stays_a_name() -> None:
    clean = "中心主任袁志刚表示，今年将新建三座公园，周边居民有了好去处。"
    out = repair(garbled(clean)).text
    assert "袁志刚" in out and "表示，今年" in out


@pytest.mark.parametrize(
    "clean",
    [
        "“这次比赛，孩子们都很努力。”带队的袁老师说。",  # 老 and 师 apart are rare given-name characters
        "“修车这门手艺，我干了三十年。”袁师傅一边干活一边说。",  # at a quote's end, where ， is common
    ],
)
def test_a_surname_before_a_given_name_the_dictionary_counts_whole_stays(clean: str) -> None:
    """jieba's person names count 老师 and 师傅 after many surnames (王老师, 冯师傅 …): read as one given name,
    袁 before them is a name, not a garbled comma.  (带队的袁老师说 is in a garbled run, where a name's start wins
    by 0.5: by counts 老师 leaves +0.88, by the ten surnames it follows +0.27.)"""
    assert repair(garbled(clean)).text == clean


def test_a_garbled_comma_before_name_like_characters_in_a_garbled_run_is_restored() -> None:
    """建筑 after the comma's garbled form reads as a name (袁建筑), losing to the comma by +0.80: less than the
    threshold, but the run is garbled throughout, and a name's start there wins by the clean-text bound's 0.5."""
    repaired = repair("我们走进村口袁建筑错落有致袁处处是美景遥")
    assert repaired.text == "我们走进村口，建筑错落有致，处处是美景。"
    first = next(c for c in repaired.changes if c.rule.startswith("garble:"))
    assert first.old == "袁" and "in a run held garbled: wins by 0.5" in first.why


def test_a_colon_after_a_verb_of_saying_in_a_garbled_run_is_restored() -> None:
    """Read as text, the colon after 介绍 loses to the printed 院 by less than the threshold (+0.68: train's news
    register seldom sets a colon there), but the sentence garbles its comma and full stop too: inside a run held
    garbled a mark read against the character as text wins by the clean-text bound's 0.5, as a name's start does."""
    repaired = repair("专家介绍院这种病毒传播很快袁大家要勤洗手遥")
    assert repaired.text == "专家介绍：这种病毒传播很快，大家要勤洗手。"
    assert "in a run held garbled: wins by 0.5" in repaired.changes[0].why
    # The same where the text prints its own comma and full stop: no run is garbled, the threshold holds.
    assert repair("专家介绍院这种病毒传播很快，大家要勤洗手。").text == "专家介绍院这种病毒传播很快，大家要勤洗手。"


def test_the_bar_inside_a_run_held_garbled_takes_text_and_a_names_start_not_words_nor_held_marks() -> None:
    from textfix.garbles import bar_of

    held, half = frozenset("—"), math.log10(0.5)
    bars = dict(threshold=1.0, in_run=0.5, held_to_threshold=held)
    assert bar_of(half, "text", "：", **bars) == 0.5  # even odds: held garbled
    assert bar_of(0.0, "name", "，", **bars) == 0.5  # a name's start
    assert bar_of(half - 0.01, "text", "：", **bars) == 1.0  # likelier clean
    assert bar_of(0.0, "word 田野", "“", **bars) == 1.0  # a dictionary word's reading
    assert bar_of(0.0, "name 老袁", "，", **bars) == 1.0  # a longer name's
    assert bar_of(0.0, "text", "—", **bars) == 1.0  # a mark held to the threshold


def test_a_name_reading_on_a_page_that_prints_its_marks_keeps_the_threshold() -> None:
    # The same 袁建筑 where the text prints its own comma and full stop: no run is garbled, so the lower bar never
    # applies (the run model is built even where nothing but such a name may win).
    assert repair("我们走进村口袁建筑错落有致，处处是美景。").text == "我们走进村口袁建筑错落有致，处处是美景。"
    assert repair("我们走进村口袁建筑错落有致。").text == "我们走进村口袁建筑错落有致。"


def test_a_garbled_byline_keeps_its_name() -> None:
    assert repair("渊记者 袁晓帆冤").text == "（记者 袁晓帆）"


def test_the_third_number_of_a_garbled_list_comes_back_from_the_chain() -> None:
    # ①②③ print as 淤于盂; 盂 (a rare character) after 于 after 淤 is a chain no text makes by chance.
    out = repair(garbled("治疗分为三步：①清洗伤口；②消毒；③包扎。")).text
    assert "；③包扎。" in out


def test_a_page_without_garble_evidence_gets_no_garble_fixes() -> None:
    # Real marks all around: the font run is clean, however mark-like 袁 looks after 主任 or 的.
    page = ("中心主任袁志刚说，今年的工作很好。78岁的袁爷爷每天都来公园散步，他说：“这里空气好。”"
            "快递员小袁每天要送四五百件包裹，最忙的时候要跑到晚上十点。")
    assert garble_fixes(page) == []


def test_the_same_name_in_clean_and_garbled_runs() -> None:
    clean_part = "中心主任袁志刚说，今年的工作很好。"
    garbled_part = garbled("专家认为，这项技术已经成熟，可以推广。")
    out = repair(clean_part + garbled_part).text
    assert out == clean_part + "专家认为，这项技术已经成熟，可以推广。"


def test_a_garbled_lead_sentence_ends_its_font_run() -> None:
    """A bold lead sentence set in a garbled font: its run ends at its own 。 (sentence_stay), so the real
    marks printed right after it in the paragraph's clean rest do not pull its garbled 。 (遥) to clean."""
    lead, rest = "一大早，老王就出门去工厂了。", "退休十年，老王仍然坚守在技术一线，每周都去车间指导。"
    assert repair(garbled(lead) + rest).text == lead + rest


def test_a_model_learned_from_a_twin_is_no_less_precise_than_the_default() -> None:
    """A twin printed with every mark garbled raises the learned rate; clean text must not pay for it."""
    noisy = BEFORE + reflow(garbled(ARTICLE)) + AFTER
    learned = learn([Pair(ARTICLE, noisy)])
    assert learned.mechanisms and learned.mechanisms[0].rate > default_model().mechanisms[0].rate
    cases = json.loads((resources.files("textfix").joinpath("../corpora/repair/traps.json")).read_text(encoding="utf-8"))
    sentences = [c["original"] for c in cases if "original" in c]
    assert sum(len(garble_fixes(s, learned)) for s in sentences) <= sum(len(garble_fixes(s)) for s in sentences)


def test_every_term_of_an_explanation_is_a_declared_feature() -> None:
    declared = {f.name for f in FEATURES}
    changes = garble_fixes(garbled("记者从市卫健委获悉：上半年，全市医院门诊量同比增长12.5%。") + "渊记者 袁晓帆冤")
    assert changes
    for change in changes:
        terms = change.why.split(": ", 1)[1].split(" (against")[0].split(", ")
        assert {t.rsplit(" ", 1)[0] for t in terms} <= declared, change.why


def test_the_fitted_numbers_say_where_they_come_from() -> None:
    numbers = fitted()
    assert "fitted_by" in numbers and "seed page" in numbers["fitted_by"] and "real-dev train" in numbers["fitted_by"]
    assert all(f.source for f in FEATURES)
    assert 0 < numbers["mark_in_garbled_run"] < 1 and 0 < numbers["space_after_garble"] < 1


@pytest.mark.parametrize(
    "clean",
    [
        # 野 opens a word (野心, 野战, 野外): read alone it is the character; its closing 冶 won, and
        # a closing quote has its opening one within the window 99.7% of the time (partner_within).
        "工地上挂着“心中有责任”的标语。",
        "厂里开展“战高温、保生产”活动。",
        "公司实施“外贸稳增长”计划。",
    ],
)
def test_a_won_closing_quote_brings_its_garbled_opening_quote_back(clean: str) -> None:
    assert repair(garbled(clean)).text == clean


def test_a_connecting_dash_with_its_chain_partner_a_few_characters_off_comes_back() -> None:
    # 青岛—济南—郑州 garbled: 青岛要济南要郑州.  The first 要 has the second three characters after it, where a
    # chain's next dash stands (partner_distance: the bin up to 3 characters favours the dash); read over the
    # whole window, as before, the second 要 said nothing either way.
    text = garbled("全线贯通后，青岛—济南—郑州的旅客列车将减少一次换乘。")
    first = text.index("要")
    assert any(c.start == first and c.new == "—" for c in garble_fixes(text))


def test_a_dash_is_read_by_the_distance_to_its_nearest_other_form() -> None:
    from textfix.garbles import _Occurrence, _prepared, distance_bin, nearest_form

    fit = fitted()["partner_distance"]["—"]
    forms = {"—", "要"}
    # Whitespace is not counted (a stray space after a garbled mark); the nearer side counts.
    assert nearest_form("甲要 乙要丙", 1, forms, 60) == 2
    assert nearest_form("要甲乙丙丁要", 5, forms, 60) == 5
    assert nearest_form("甲要乙", 1, forms, 60) is None
    assert [distance_bin(d, fit["bins"]) for d in (1, 2, 3, 4, 60, None)] == [0, 0, 1, 2, 5, 6]
    prepared = _prepared(default_model())
    dash = prepared.table["要"]
    near = "科技要产业要金融"  # the other 要 three characters off (产业要): the bin up to 3
    far = "科技要" + "的" * 25 + "要"  # 26 off: the bin up to 60, where 要 crowds more than dashes do
    assert prepared.partners.ratio(near, _Occurrence(2, 1, dash)) == fit["log10_ratio"][1] > 0
    assert prepared.partners.ratio(far, _Occurrence(2, 1, dash)) == fit["log10_ratio"][5] < 0
    assert prepared.partners.ratio("科技要产业", _Occurrence(2, 1, dash)) == fit["none"]
    inside = fitted()["enclosure"]["—"]  # (and the most its enclosure adds: its best state, a title's or quote's)
    best_inside = max(v for state, v in inside.items() if state != "counted")
    assert prepared.partners.most("—") == max(0.0, fit["none"], *fit["log10_ratio"]) + max(0.0, best_inside)


def test_a_won_quote_shares_its_partner_among_the_forms_it_may_be() -> None:
    # Two 野 between the quotes of “田野黄”: the first opens them, the one of 田野 is a word.
    clean = "从“天空蓝”到“田野黄”，四季各有颜色。"
    assert repair(garbled(clean)).text == clean


def test_the_choice_among_marks_is_smoothed_but_their_mass_is_kept() -> None:
    """P(m | h) = (1 − λ) P(m | h) + λ P(a mark | h) share(m): the marks together keep their mass.

    (P: Kneser-Ney, the interpunct's mixed with its class-based estimate: ``_base_logp``.)
    """
    from textfix.charlm import default_charlm

    lm = default_charlm()
    assert 0 < lm.mark_smoothing < 1 and abs(sum(lm.mark_shares.values()) - 1) < 1e-3
    for history in ("提醒", "医院", "表示", "遥感"):
        smoothed = sum(10 ** lm.logp(history, m) for m in lm.mark_shares)
        kneser_ney = sum(10 ** lm._base_logp(history, m) for m in lm.mark_shares)
        assert smoothed == pytest.approx(kneser_ney, rel=1e-5)  # the shares are stored to six places
        assert lm.logp(history, "人") == lm._kn_logp(history, "人")  # other characters as Kneser-Ney has them
    # After 提醒 the trigram estimate of ： is sparse in one broadcaster's copy; the smoothed one is not.
    assert lm.logp("提醒", "：") > lm._kn_logp("提醒", "：")


# Foreign names the train text never has (invented here), the interpunct garbled as print does (·A1A4 →
# D2A4 窑): the trigram model has not seen their syllables beside ·, the class-based estimate has their kind.
@pytest.mark.parametrize(
    "clean",
    [
        "研究员马里奥·德拉库斯说，数据仍需核实。",
        "经理马里奥·德拉甘诺夫说，订单有所增加。",
        "外长卢卡·德维奇表示，愿意继续对话。",
        "专家达里奥·德拉库斯指出，风险依然存在。",
        "选手马里奥·雷德斯科获得了冠军。",
        "演员马里奥·德拉诺维在片中饰演主角。",
    ],
)
def test_an_interpunct_between_syllables_never_seen_beside_one_is_restored(clean: str) -> None:
    assert repair(garble(clean, MARKS + "·")).text == clean


def test_the_interpunct_is_mixed_with_its_class_based_estimate_and_nothing_else() -> None:
    """P(· | h a) and P(b | h ·) are mixed with the class estimates (weights in (0, 1), fitted on held-out
    train text); every other probability is Kneser-Ney's."""
    from textfix.charlm import default_charlm

    lm = default_charlm()
    mix = lm.interpunct
    assert 0 < mix.before_weight < 1 and 0 < mix.after_weight < 1
    assert sum(mix.after) == pytest.approx(1.0) and sum(mix.mass) == pytest.approx(1.0, rel=1e-3)
    assert mix.classes["斯"] > mix.classes.get("的", 0) == 0  # a transliteration syllable, a function word
    for history in ("提醒", "医院", "斯德"):
        assert lm.logp(history, "人") == lm._kn_logp(history, "人")
    assert lm._base_logp("德斯", "·") != lm._kn_logp("德斯", "·")
    assert lm._base_logp("斯·", "莱") != lm._kn_logp("斯·", "莱")


def test_an_interpunct_after_a_name_syllable_and_a_common_character_is_restored() -> None:
    """吐尔洪·: 洪 alone is a weak sign of a name's part ending (it is mostly a common character), 尔 before it a
    strong one: read after both classes, the interpunct wins (an invented name, garbled as print does)."""
    clean = "代表吐尔洪·买买提介绍了当地的情况。"
    assert repair(garble(clean, MARKS + "·")).text == clean


def test_the_interpunct_is_read_after_the_classes_of_both_characters_before_it() -> None:
    """吐尔洪·: the syllable two back says a name's part may end here where the last one alone says little;
    a model without the two-class table reads the last character's class alone, as before."""
    from textfix.charlm import Interpunct

    stats = {"classes": ["因", "赛"], "then": [0.0, 0.01, 0.0], "after": [1.0, 0.0, 0.0], "mass": [1.0, 0.0, 0.0],
             "then_two": [[0.0, 0.001, 0.0], [0.0, 0.0, 0.0], [0.0, 0.05, 0.0]], "weights": [0.2, 0.2]}
    mix = Interpunct.read(stats)
    assert mix.then_after("赛因") == 0.05  # 赛 (class 2), then 因 (class 1)
    assert mix.then_after("的因") == 0.001  # a character of no class, then 因
    assert mix.then_after("因") == 0.01  # one character of history: its class alone
    assert Interpunct.read({k: v for k, v in stats.items() if k != "then_two"}).then_after("赛因") == 0.01


def test_the_two_class_estimate_is_counted_after_each_pair_of_classes() -> None:
    build_charlm = _corpora("build_charlm")
    # 阿斯·阿斯的斯·: 斯 (class 1) follows 阿 (class 2) twice, one of them before ·; follows 的 (class 0) once,
    # before ·; so P(· | 2, 1) = 1/2, P(· | 0, 1) = 1, and P(· | 1) = 2/3 (counted by hand).
    stats = build_charlm.interpunct_statistics("阿斯·阿斯的斯·", {"斯": 1, "阿": 2}, "", {})
    assert stats["then_two"][2][1] == 0.5 and stats["then_two"][0][1] == 1.0
    assert stats["then"][1] == pytest.approx(2 / 3)
    assert sum(map(sum, stats["then_two"])) == 1.5  # no other pair is followed by ·


# Web text, a paragraph a line: the first paragraph's last mark is garbled and the next paragraph opens
# with 遥感, so read across the line break 遥遥感 looks like text; read as the paragraph's end, as the
# model was trained, 遥 there is 。.
PARAGRAPHS = ["他在当地工作了二十多年，深受群众的信任。",
              "遥感卫星拍摄的图像显示，城市绿地面积逐年增加。",
              "专家认为，这与近年来的植树造林密不可分。"]


def test_a_mark_ending_a_paragraph_is_read_before_the_paragraph_break() -> None:
    text = "\n".join([garbled(PARAGRAPHS[0]), *PARAGRAPHS[1:]])
    assert repair(text).text == "\n".join(PARAGRAPHS)


def test_a_line_broken_inside_a_word_is_no_paragraph_end() -> None:
    # Most lines here do not end a sentence: the break inside 遥感 is closed up, and 遥 stays.
    text = "近年来，我国在轨遥\n感卫星数量快速增长，地面站\n的接收压力成倍增加。"
    assert not garble_fixes(text)


def test_neighbouring_garbles_that_lose_alone_win_together() -> None:
    # ℃ prints as 益 and ， as 袁: each read with the other printed has no context of its own (益 before 袁 reads
    # as a given name), both marks together are what the text says; 。 (遥) wins alone, so the page has a garbled run.
    assert repair("今天起降温10益袁阵风达到8级遥").text == "今天起降温10℃，阵风达到8级。"


def test_a_mark_chosen_beside_a_candidate_is_no_character_of_its_name() -> None:
    # 袁 won as ， after 说; 野 (“) is then no given name of a 袁野, though the quote closes out of the window.
    assert (repair("他在会上说袁野我们一定要把这件事情办好袁让群众满意").text
            == "他在会上说，“我们一定要把这件事情办好，让群众满意")


def test_a_mark_won_through_its_partner_is_read_in_place_by_its_neighbour() -> None:
    # 野 wins as “ only once 冶 (”) has won; 院 (：) before it, read with 野 printed, is the word 出院.
    assert repair("他们提出院野人人都是安全员遥冶记者看到").text == "他们提出：“人人都是安全员。”记者看到"


# Titles of programmes invented here, their interpunct garbled with the rest of the sentence (《·》 → 叶窑曳):
# two words either side of 窑 read as text to the trigram model; inside a title left open (叶 decided 《) the
# interpunct is ten times likelier than outside (the enclosure term, fitted on real-dev train).
@pytest.mark.parametrize(
    "clean",
    [
        "晚会以《山河·故人》为题，讲述了几代人的坚守。",
        "纪录片《江南·水乡》今晚播出，共分六集。",
        "节目《家园·守望》记录了护林员的一年。",
        "专栏《时代·先锋》今起推出，讲述基层党员的故事。",
        "系列报道《脚步·丈量》聚焦乡村振兴。",
    ],
)
def test_an_interpunct_inside_a_garbled_title_is_restored(clean: str) -> None:
    assert repair(garble(clean, MARKS + "·")).text == clean


def test_the_enclosure_is_the_nearest_opener_left_open_within_the_window() -> None:
    from textfix.garbles import enclosing

    text = "他说：“看《山河·故人》后·再说”。"
    assert enclosing(text, text.index("·"), 60) == "《"
    assert enclosing(text, text.index("后") + 1, 60) == "“"  # 《 closed by 》: the quote is still open
    assert enclosing(text, text.index("·"), 2) is None  # 《 stands three before it: beyond a window of two
    assert enclosing("甲·乙", 1, 60) is None
    # A garbled opener counts once decided a mark (叶 as 《), and a decided closer (曳 as 》) closes it.
    garbled = "看叶山河窑故人曳后窑"
    assert enclosing(garbled, 4, 60) is None
    assert enclosing(garbled, 4, 60, {1: "《"}) == "《"
    assert enclosing(garbled, 9, 60, {1: "《", 7: "》"}) is None


def test_the_enclosure_term_is_fitted_and_declared() -> None:
    fit = fitted()["enclosure"]["·"]
    assert fit["《"] > fit["“"] > 0 > fit["none"]  # titles most, quotes next, elsewhere a little less than overall
    assert "enclosure" in [f.name for f in FEATURES]


# Compounds linked by a single dash inside a quote, invented here and garbled with the rest of the sentence
# (“—” → 野要冶): a dash stands inside a quote that holds no other mark about 84 times as often as 要 printed as
# itself (10 ** 1.926: the enclosure term of the dash in garble_decision.json, fitted on real-dev train by
# corpora/fit_garble_runs.py); read by its trigrams and distances alone, 要 stays.
@pytest.mark.parametrize(
    "clean",
    [
        "打造“研发—中试—量产”全链条服务。",
        "开通“乌鲁木齐—喀什”旅游专列。",
        "建立“田间—餐桌”全程追溯体系。",
        "推出“古城—湿地”精品旅游线路。",
    ],
)
def test_a_dash_inside_a_garbled_quote_is_restored(clean: str) -> None:
    assert repair(garble(clean, MARKS)).text == clean


def test_a_verb_inside_garbled_quoted_speech_stays() -> None:
    # 要 inside a quote that holds other marks (speech, not a named compound): its enclosure is no evidence of a dash.
    clean = "“以前办证要跑好几趟，现在一次就办好了！”前来办事的老王说。"
    assert repair(garble(clean, MARKS)).text == clean


def test_the_enclosure_state_says_whether_the_title_or_quote_holds_other_marks() -> None:
    from textfix.garbles import enclosure_state

    term = "建设“企业—科研团队”平台"
    assert enclosure_state(term, term.index("—"), 60, marked=True) == "“"
    assert enclosure_state(term, term.index("—"), 60) == "“"  # (not marked: the opener alone, as the interpunct reads)
    speech = "他说“我们—吃苦，台下”"
    assert enclosure_state(speech, speech.index("—"), 60, marked=True) == "“，"  # the next mark does not close it
    before = "“好，企业—科研”"
    assert enclosure_state(before, before.index("—"), 60, marked=True) == "“，"  # a mark between the opener and it
    assert enclosure_state("企业—科研", 2, 60, marked=True) == "none"
    first = "向荒滩“—地”"  # first in its quote (and one before its closer): no link between two words
    assert enclosure_state(first, first.index("—"), 60, marked=True) == "“，"
    # Garbled (野企业要科研团队冶): outside all as printed; inside a quoted term once 野 and 冶 are decided “ and ”.
    garbled = "建设野企业要科研团队冶平台"
    assert enclosure_state(garbled, 5, 60, marked=True) == "none"
    assert enclosure_state(garbled, 5, 60, {2: "“", 10: "”"}, marked=True) == "“"
    assert enclosure_state(garbled, 5, 60, {2: "“", 7: "，", 10: "”"}, marked=True) == "“，"


def test_the_dash_enclosure_is_fitted_against_its_printed_form_and_declared() -> None:
    for dash in "—－":
        fit = fitted()["enclosure"][dash]
        assert fit["《"] > 0 and fit["“"] > 0 == fit["none"]  # outside, as printed, tells nothing in a garbled run
    assert fitted()["enclosure"]["—"]["“"] > 0 > fitted()["enclosure"]["—"]["“，"]  # a quoted term; quoted speech
    assert "dash" in dict(FEATURES)["enclosure"]


def test_a_word_reading_off_the_segmentation_counts_less() -> None:
    # 出院 is a word, but 指出院 segments as 指出 院: with the word reading at full weight 院 stayed (the colon's
    # context is two to four to one after a verb of saying, short of the ten to one a fix needs).
    result = repair("专家指出院这种做法不可取袁应当加强管理遥")
    assert result.text == "专家指出：这种做法不可取，应当加强管理。"
    # The explanation names the word and its shortfall: log10(P(指) P(出院) / (P(指出) P(院))), jieba's counts below.
    why = next(c.why for c in result.changes if c.old.startswith("院"))
    assert "against word 出院, -1.39 off the segmentation" in why


def test_how_far_a_word_lies_off_the_likeliest_segmentation() -> None:
    from textfix.lexicon import load_segments

    segments = load_segments()
    # jieba's dict.txt: 指 13375, 指出 7847, 出院 166, 院 6957; the route 指 出院 against 指出 院.
    assert segments.off_route("指出院", 1, 3) == pytest.approx(math.log10(13375 * 166 / (7847 * 6957)))
    assert segments.off_route("指出院", 0, 2) == 0.0  # 指出 is on the likeliest route
    assert segments.off_route("去医院看病", 1, 3) == 0.0  # 去 医院 看病: the word stays a word


def test_the_empty_word_is_an_unseen_word_not_an_error() -> None:
    from textfix.lexicon import Segments

    # A dictionary of 100 counts holding no words: every token is unseen, half a count, log10(0.5 / 100).
    segments = Segments(100, {}, lambda at, size: b"")
    unseen = math.log10(0.5) - 2
    assert segments.logp("") == pytest.approx(unseen)
    # The empty word at 1 of 指出: the routes 指 | "" | 出 against 指 出 differ by the empty word's own unseen count.
    assert segments.off_route("指出", 1, 1) == pytest.approx(unseen)


def test_a_mark_read_by_its_enclosure_gets_its_enclosure_s_most_only_after_an_opener() -> None:
    # A title or quote opens only at an opener printed as itself (“ 《) or at a garbled form of one that the page
    # may decide it (野 for “, 叶 for 《), within the partner window before the mark: elsewhere the dash's
    # enclosure term is that of "none" whatever the page decides, and the screen asks its read for more.
    from textfix.garbles import _prepared

    prepared = _prepared(default_model())
    partners, screen = prepared.partners, prepared.screen
    window = fitted()["partner_window"]
    by_distance = fitted()["partner_distance"]["—"]
    series = max(0.0, by_distance["none"], *by_distance["log10_ratio"])
    outside = series + max(0.0, fitted()["enclosure"]["—"]["none"])
    assert partners.most_outside("—") == outside < partners.most("—")
    plain = "科技要产业"
    far = "“" + "的" * (window - 2) + plain  # the quote opens window + 1 characters before 要: beyond the window
    for text in (plain, far):
        at = text.index("要")
        assert partners.most_at(text, at, "—") == outside
        assert not screen.passes(text, at, screen.needed["要"])  # enough with an enclosure, not without
    for opener in ("“", "《", "野", "叶"):
        text = opener + "的" * (window - 3) + plain  # the opener window characters before 要: just within it
        at = text.index("要")
        assert partners.most_at(text, at, "—") == partners.most("—")
        assert screen.passes(text, at, screen.needed["要"])
    assert screen.needed_outside["要"] - screen.needed["要"] == pytest.approx(partners.most("—") - outside)


def test_a_dash_outside_any_quote_too_unlikely_to_tell_anything_is_not_searched_for_partners() -> None:
    # _read_terms skips the partner search where the terms stay at or below EVIDENCE even with the most the
    # partner can add: outside any title or quote that most leaves the enclosure's best state out.
    from textfix.charlm import default_charlm
    from textfix.garbles import EVIDENCE, _Decision, _Occurrence, _prepared, _read_terms, _window, _window_logp

    prepared, lm = _prepared(default_model()), default_charlm()
    partners, dash = prepared.partners, prepared.table["要"]
    for text, searched in (("科技要产业", False), ("“科技要产业", True)):
        o = _Occurrence(text.index("要"), 1, dash)
        left, right = _window(text, o, {})
        raw = _window_logp(lm, left, "—", right) - _window_logp(lm, left, "要", right)
        d = _Decision(o, 0.0, "text", EVIDENCE - 0.01 - raw - partners.most_outside("—"))  # below it outside quotes
        _read_terms(lm, prepared, text, d, {})
        assert d.partner == (partners.ratio(text, o) if searched else 0.0)
    assert partners.ratio("“科技要产业", _Occurrence(3, 1, dash)) != 0.0  # (the search finds the quote)


def test_the_threshold_is_the_fitted_one() -> None:
    from textfix import garbles

    assert garbles.THRESHOLD == fitted()["threshold"]
    assert fitted()["threshold"] in _corpora("fit_garble_runs").THRESHOLDS


def test_the_threshold_is_the_least_whose_clean_false_fix_bound_is_within_budget() -> None:
    fit = _corpora("fit_garble_runs")
    # Rows (clean?, terms, run, is a mark?, glyph?) invented here.  The clean rows' margins 1.22, 0.93 and 0.81 let
    # three through below 0.81, two from 0.81 up, one from 0.93 up, none from 1.22 up.  On 6,000,000 clean
    # characters the budget is 6 false fixes; the 95 % upper Poisson bounds of counts 0, 1, 2, 3 are 3.00, 4.74,
    # 6.30, 7.75 (chi-square tables: half the 0.95 quantile with 2k + 2 degrees of freedom), so counts up to 1 are
    # accepted, 2 not: the least threshold accepted is 0.95 (the count alone would accept 0.5).  The mark with terms
    # 2.0 and run −1.3 has margin 0.7 and wins below 0.7 only.
    rows = [(True, 1.22, 0.0, False, False), (True, 0.93, 0.0, False, False), (True, 0.9, -0.09, False, False),
            (False, 2.0, -1.3, True, False), (False, 0.6, 0.0, True, False), (False, 0.3, -5.0, True, True),
            (False, 0.95, 0.0, False, False)]
    best, figures = fit.threshold_figures(rows, 6_000_000)
    assert best == 0.95
    assert figures["0.95"] == {"restored": 1, "false_fixes_clean": 1, "clean_rate_bound": 0.791,
                               "false_fixes_garbled": 0}
    assert figures["0.85"] == {"restored": 1, "false_fixes_clean": 2, "clean_rate_bound": 1.049,
                               "false_fixes_garbled": 1}
    assert figures["0.5"] == {"restored": 3, "false_fixes_clean": 3, "clean_rate_bound": 1.292,
                              "false_fixes_garbled": 1}
    # On 2,000,000 characters even none is not enough evidence (3.00 > 2): no threshold is accepted, the last is used.
    assert fit.threshold_figures(rows, 2_000_000)[0] == max(fit.THRESHOLDS)


def test_the_bar_inside_a_run_held_garbled_is_the_least_the_clean_bound_accepts_under_the_two_bar_rule() -> None:
    fit = _corpora("fit_garble_runs")
    # Rows (clean?, terms, run, is a mark?, glyph?, reading, mark) invented here, with 1.0 outside held runs.  Held
    # runs (run 0): a clean ： at 0.72 falls to a bar below 0.72; a garbled paragraph's real 要 read as — at 0.8 and
    # 0.6 and a — mark at 0.7 (2 false fixes to 1 mark: the dash keeps 1.0); a ， mark at 0.9 and a real 袁 read as a
    # name's start at 0.55 (1 to 1: not held); a mark read against a word at 0.6 (1.0 always); a ， mark outside held
    # runs (run −1, terms 2.0: margin 1.0, never above 1.0).  On 6,000,000 clean characters one false
    # fix's bound (4.74 → 0.79 per million) is within budget, so the least bar, 0.5, is accepted.
    rows = [(True, 0.72, 0.0, False, False, "text", "："),
            (False, 0.8, 0.0, False, False, "text", "—"), (False, 0.6, 0.0, False, False, "text", "—"),
            (False, 0.7, 0.0, True, False, "text", "—"), (False, 0.9, 0.0, True, False, "text", "，"),
            (False, 0.55, 0.0, False, False, "name", "，"), (False, 0.6, 0.0, True, False, "word 田野", "“"),
            (False, 2.0, -1.0, True, False, "text", "，")]
    assert fit.held_to_threshold(rows, 1.0) == frozenset("—")
    bar, figures = fit.garbled_run_bar(rows, 6_000_000, 1.0)
    assert bar == 0.5 and figures["held_to_threshold"] == ["—"]
    assert figures["by_bar"]["0.5"] == {"restored": 1, "false_fixes_clean": 1, "clean_rate_bound": 0.791,
                                        "false_fixes_garbled": 1}
    assert figures["by_bar"]["0.75"] == {"restored": 1, "false_fixes_clean": 0, "clean_rate_bound": 0.499,
                                         "false_fixes_garbled": 0}
    assert figures["by_bar"]["1.0"]["restored"] == 0
    # On 2,000,000 characters one clean false fix is too many (4.74 / 2 > 1), none is not (3.00 / 2 > 1 too): 1.0.
    assert fit.garbled_run_bar(rows, 2_000_000, 1.0)[0] == 1.0


def test_the_poisson_upper_bound_is_the_chi_square_one() -> None:
    fit = _corpora("fit_garble_runs")
    # Half the chi-square 0.95 quantile with 2k + 2 degrees of freedom (tables: 5.991, 9.488, 12.592, 21.026):
    # 0 → −ln 0.05 = 2.9957, 1 → 4.7439, 2 → 6.2958, 5 → 10.5130.
    for count, bound in ((0, 2.9957), (1, 4.7439), (2, 6.2958), (5, 10.5130)):
        assert abs(fit.poisson_upper_bound(count) - bound) < 1e-3


def test_the_threshold_fit_collects_its_decisions_at_the_grids_least_threshold() -> None:
    """Decisions collected at the threshold in use lack the readings that only a lower threshold looks for (the
    fit then leans to the value in use): they are collected at the least of the grid, and the one in use restored."""
    from textfix import garbles
    from textfix.garbles import _Decision, _Occurrence, _prepared

    fit = _corpora("fit_garble_runs")
    in_use = garbles.THRESHOLD
    assert fit.COLLECT_AT == min(fit.THRESHOLDS)
    with fit.collecting():
        assert garbles.THRESHOLD == min(fit.THRESHOLDS)
        # A decision whose terms lie between the grid's least and the value in use is winnable while collecting:
        # its word and name readings are looked for, as at a threshold of the grid below the one in use.
        between = (min(fit.THRESHOLDS) + in_use) / 2
        assert _Decision(_Occurrence(0, 1, _prepared(default_model()).table["袁"]), between, "text", 0.0).winnable
    assert garbles.THRESHOLD == in_use
    try:
        with fit.collecting():
            raise RuntimeError
    except RuntimeError:
        pass
    assert garbles.THRESHOLD == in_use


def test_the_threshold_is_raised_until_the_garbled_corpus_keeps_its_false_fixes() -> None:
    fit = _corpora("fit_garble_runs")
    # Counts invented here: the clean-text bound accepts 0.9 up; the corpus has 7 false fixes at 0.9, 5 at 0.95 and
    # the allowed number from 1.0 up, so 1.0 is returned and nothing above it is counted.
    allowed = 4
    counts = {0.9: allowed + 3, 0.95: allowed + 1, 1.0: allowed, 1.05: allowed - 1}
    best, counted = fit.least_keeping_corpus(0.9, allowed, counts.__getitem__)
    assert best == 1.0
    assert counted == {"0.9": allowed + 3, "0.95": allowed + 1, "1.0": allowed}
    # None keeps it: the last of the grid.
    assert fit.least_keeping_corpus(1.9, allowed, lambda t: allowed + 1) == (max(fit.THRESHOLDS),
                                                                              {"1.9": allowed + 1, "1.95": allowed + 1,
                                                                               "2.0": allowed + 1})


def test_the_corpus_may_not_lose_what_the_shipped_threshold_keeps() -> None:
    fit = _corpora("fit_garble_runs")
    # Invented counts: a change elsewhere spared the corpus a false fix at the threshold in use (3 where 4 are
    # allowed), so 3 is the bar and a lower threshold that makes the fourth again is not taken.
    counts = {0.95: 4, 1.0: 3}
    allowed = fit.corpus_false_fixes_allowed(1.0, counts.__getitem__)
    assert allowed == 3
    assert fit.least_keeping_corpus(0.95, allowed, counts.__getitem__)[0] == 1.0
    # More at the threshold in use than the ceiling: the ceiling holds.
    assert fit.corpus_false_fixes_allowed(1.0, lambda t: fit.GARBLED_CORPUS_FALSE_FIXES + 2) \
        == fit.GARBLED_CORPUS_FALSE_FIXES


def test_the_shipped_threshold_keeps_the_garbled_corpus_within_its_false_fixes() -> None:
    fit = _corpora("fit_garble_runs")
    # Counted in a fresh process, as the fit counts it (the screen built at the threshold asked), against what the
    # fit allowed when it chose the threshold (no more than at the threshold in use then).
    allowed = fitted()["threshold_fit"]["garbled_corpus_false_fixes_allowed"]
    assert allowed <= fit.GARBLED_CORPUS_FALSE_FIXES
    assert fit.corpus_false_fixes(fitted()["threshold"]) <= allowed


# Corner quotes (「」『』, GB2312 A1B8–A1BB) print garbled as 腋 夜 液 一 (D2B8–D2BB).  Invented help-page text.
CORNER_PAGE = "在「工具」菜单中选择「选项」，然后打开「常规」页面。"
CORNER_CLEAN = "在「格式」菜单中选择「段落」，再按「确定」按钮。"


def test_corner_quotes_garbled_come_back_on_a_page_that_prints_them() -> None:
    text = CORNER_PAGE + "\n" + garbled(CORNER_CLEAN) + "\n"
    assert "腋格式夜" in text
    assert repair(text).text == CORNER_PAGE + "\n" + CORNER_CLEAN + "\n"


def test_corner_quotes_garbled_stay_on_a_page_that_prints_curly_quotes_only() -> None:
    """The same garbled paragraph: with no corner quote printed, the page's corner share is 0."""
    curly_page = CORNER_PAGE.replace("「", "“").replace("」", "”")
    fixed = repair(curly_page + "\n" + garbled(CORNER_CLEAN) + "\n").text
    assert "「" not in fixed and "」" not in fixed and "腋格式夜" in fixed


def test_their_garbled_forms_printed_as_themselves_stay_on_a_corner_quote_page() -> None:
    clean = CORNER_PAGE + "他在「夜间模式」下看了一会儿液晶屏，一直看到深夜。"
    assert garble_fixes(clean) == []


def test_the_quote_style_is_the_page_s_share_of_each_form_with_jeffreys_prior() -> None:
    from textfix.garbles import quote_style

    assert quote_style("他说“好”。") == dict.fromkeys("「」『』", -math.inf)  # no corner printed: never a corner
    assert quote_style("他说「好」。") == pytest.approx({**dict.fromkeys("「」『』", math.log10(2.5 / 3)),
                                                       **dict.fromkeys("“”‘’", math.log10(0.5 / 3))})  # (2 + ½) / (2 + 0 + 1)
    assert quote_style("他说「好」，“对”。") == dict.fromkeys("「」『』“”‘’", math.log10(0.5))  # 2.5 / 5 each


def test_a_corner_quote_s_explanation_names_its_quote_style() -> None:
    changes = garble_fixes(CORNER_PAGE + "\n" + garbled(CORNER_CLEAN) + "\n")
    corner = [c for c in changes if c.new == "「"]
    assert corner and all("quote style " + f"{math.log10(6.5 / 7):+.2f}" in c.why for c in corner)  # 6 printed, 0 curly


# Invented sayings in a classical style: 曰 ("says") is the form ； prints as (A3BB → D4BB), and real-dev train,
# news of one register, never prints it, so the character model gives it its floor in any context.
SAYINGS = ["古人曰为学之道在于专 老者曰行路之难在于始 先人曰治家之本在于勤", "门人问曰何谓专一 先生曰心无旁骛之谓也"]


def test_the_model_never_saw_the_classical_form() -> None:
    from textfix.charlm import default_charlm

    assert not default_charlm().seen("曰") and default_charlm().seen("袁")


@pytest.mark.parametrize("text", SAYINGS)
def test_a_form_the_model_never_saw_is_no_garble_on_its_own(text: str) -> None:
    """Its context term says only that a mark fits there (with 曰 read at its dictionary probability the mark
    clears no threshold): with no other garble evidence, every 曰 stays.  (The start changed 3 and 2 of them.)"""
    assert garble_fixes(text) == []


def test_a_form_the_model_never_saw_is_restored_in_a_garbled_run() -> None:
    """The same form amid garbled marks (袁 for ，, 遥 for 。): the run is garbled on their evidence, and ； comes back."""
    clean = "他指出，为学之道在于专一；读书之法，在于循序渐进。"
    assert "曰" in garbled(clean)
    assert repair(garbled(clean)).text == clean


def test_an_unseen_form_decided_by_the_floor_is_no_evidence_of_its_run() -> None:
    from textfix.garbles import Candidate, _Decision, _Occurrence

    seen = Candidate("曰", "；", "punct", "gb2312 lead-byte +0x31", 1.0)
    unseen = Candidate("曰", "；", "punct", "gb2312 lead-byte +0x31", 1.0, False, 1.5)  # the dictionary: 10 ** 1.5 the floor
    assert _Decision(_Occurrence(0, 1, seen), 2.0, "text", 0.0).likelihood_ratio == pytest.approx(101.0)
    # Context 2.0 - 1.5 = 0.5, below the threshold (1.0): the floor decides it, and only its space is evidence.
    assert _Decision(_Occurrence(0, 1, unseen), 2.0, "text", 0.0).likelihood_ratio == 1.0
    assert _Decision(_Occurrence(0, 1, unseen), 2.0, "text", 0.3).likelihood_ratio == pytest.approx(10 ** 0.3)
    # It wins only where its run is likelier garbled than clean: P(garbled | the others) 0.6 (odds 1.5) does, 0.4
    # (odds 2/3) does not, unless its own space doubles the odds (0.3 ≈ log10 2: odds 4/3); a seen form at 0.4 does.
    assert _Decision(_Occurrence(0, 1, unseen), 2.0, "text", 0.0, run=math.log10(0.6)).wins
    assert not _Decision(_Occurrence(0, 1, unseen), 2.0, "text", 0.0, run=math.log10(0.4)).wins
    assert _Decision(_Occurrence(0, 1, unseen), 2.0, "text", 0.3, run=math.log10(0.4)).wins
    assert _Decision(_Occurrence(0, 1, seen), 2.0, "text", 0.0, run=math.log10(0.4)).wins
    # Context 3.0: the mark wins even against the dictionary's probability (3.0 - 1.5 > 1.0): decided as any other.
    assert _Decision(_Occurrence(0, 1, unseen), 3.0, "text", 0.0).likelihood_ratio == pytest.approx(1001.0)
    assert _Decision(_Occurrence(0, 1, unseen), 3.0, "text", 0.0, run=math.log10(0.4)).wins


def test_the_shipped_model_reads_an_unseen_character_by_the_dictionary() -> None:
    from textfix.charlm import default_charlm

    lm = default_charlm()
    assert lm.dictionary_gain("袁") == 0.0  # seen in train
    assert lm.dictionary_gain("曰") > 1.0  # jieba's share of it, 1.1e-4, against the floor's 1.9e-6


def test_the_screen_bound_holds_for_the_garbled_marks_of_invented_text() -> None:
    """corpora/fit_garble_runs.py's screen_bound is worked out from the character model's tables over every context:
    no garbled mark whose full context term can let it win may need more slack than its bound (？ and 、, whose
    bounds lie below the sample's slack and so are their screens', on sentences written here)."""
    from textfix.garbles import _prepared

    fit = _corpora("fit_garble_runs")
    prepared = _prepared(default_model())
    paragraphs = ["城市更新要解决哪些问题？专家认为，老旧小区、背街小巷和公共空间都需要改造。",
                  "你今天去哪里了？我去了图书馆、博物馆和公园，还买了苹果、香蕉、橘子。",
                  "为什么要学习编程？因为它能培养逻辑思维、动手能力和解决问题的能力。"]
    needed = [(g, v) for g, v in fit.needed_slacks(paragraphs, prepared) if prepared.table[g].symbol in "？、"]
    assert {prepared.table[g].symbol for g, _ in needed} == {"？", "、"}  # (the sentences give both marks cases)
    bounds = {g: fit.screen_bound(g, prepared) for g in {g for g, _ in needed}}
    assert all(v <= bounds[g] for g, v in needed)


def test_clause_marks_count_a_mark_one_ideograph_and_a_mark() -> None:
    """The fit counts n(a H) and n(a H c) as defined and keeps Jeffreys' rate for the pairs never seen: in
    ``，甲，乙丙。丁、戊、`` a comma is followed by an ideograph twice (，甲 and ，乙), and once by one ideograph and
    a comma (，甲，); 。丁、 and 、戊、 are the other closings."""
    fit = _corpora("fit_clause_marks")
    opened, closed = fit.counts("，甲，乙丙。丁、戊、")
    assert (opened["，"], opened["。"], opened["、"]) == (2, 1, 1)
    assert (closed["，，"], closed["。、"], closed["、、"], closed["，。"]) == (1, 1, 1, 0)
    rates = fit.rates(opened, closed)
    assert "，，" not in rates and "、、" not in rates  # seen round an ideograph: the model's estimate stands
    assert rates["，。"] == round(math.log10(0.5 / 3), 3)


def test_a_mark_that_leaves_a_clause_of_one_ideograph_is_capped() -> None:
    """A comma read before one ideograph and a closing bracket (记者，明）, never in train) reads that trigram at
    the table's rate, below the model's back-off; a trigram the model saw (、俄、 of a list) keeps its estimate;
    a window with no such trigram is not touched; the cap never raises a reading."""
    from textfix.charlm import default_charlm
    from textfix.garbles import _clause_cap, clause_marks

    lm = default_charlm()
    assert not lm.has_trigram("，明", "）") and lm.has_trigram("、俄", "、")
    capped = _clause_cap(lm, "记者，明）", 2)
    assert capped == pytest.approx(clause_marks()["，）"] - lm.logp("，明", "）"))
    assert capped < 0
    assert _clause_cap(lm, "导演，野。", 2) < 0  # the comma opens ，野。
    assert _clause_cap(lm, "法、俄、德", 1) == 0.0  # the first 、 opens 、俄、, a trigram the model saw
    assert _clause_cap(lm, "法国，俄罗斯", 2) == 0.0
