"""Page evaluation: hand-made pages with known scores, and agreement with the reference scorer."""

from __future__ import annotations

import copy
import importlib.util
import json
from pathlib import Path

import pytest

from textfix.errors import InputError
from textfix.evaluate import ArticleScore, PageScore, evaluate, evaluate_files

REPO = Path(__file__).resolve().parent.parent
REFERENCE = REPO.parent / "shared" / "tools" / "score_page.py"
SEED_GOLD = REPO.parent / "shared" / "gold" / "seed_page.gold.json"


def P(text: str) -> dict:
    return {"kind": "paragraph", "text": text}


def H(text: str) -> dict:
    return {"kind": "heading", "text": text}


def page() -> dict:
    """Two articles: 4 paragraphs + 1 heading, and 2 paragraphs."""
    return {
        "header": {"page": "6", "section": "产经", "section_en": "Industries"},
        "articles": [
            {
                "title": "数字技术赋能 服务外包产业迎新机遇",
                "byline": "龚联康",
                "blocks": [
                    P("第一段讲述博览会在武汉举行。"),
                    P("第二段说明数字经济带来机遇（见图）。"),
                    H("行业持续快速增长"),
                    P("第三段列出增长数据，增长183倍。"),
                    P("第四段是结尾。"),
                ],
            },
            {
                "title": "我国绿色制造体系基本构建",
                "byline": "韩鑫",
                "blocks": [P("绿色制造是推动工业绿色发展的重要抓手。"), P("前不久，名单公布。")],
            },
        ],
    }


def test_perfect_output_scores_perfectly() -> None:
    gold = page()
    score = evaluate(gold, copy.deepcopy(gold))
    assert isinstance(score, PageScore) and all(isinstance(r, ArticleScore) for r in score.rows)
    assert (score.articles_gold, score.articles_out, score.header_ok) == (2, 2, True)
    assert (score.titles_ok, score.bylines_ok) == (2, 2)
    assert score.cer == 0.0
    assert score.para_f1 == 1.0 and score.heading_f1 == 1.0
    assert score.garbles_missed == 0 and score.false_fixes == 0
    for row in score.rows:
        assert (row.para_precision, row.para_recall, row.heading_precision, row.heading_recall) == (1, 1, 1, 1)


def test_whitespace_and_line_breaks_do_not_count_against_titles_or_breaks() -> None:
    gold = page()
    out = copy.deepcopy(gold)
    out["articles"][0]["title"] = "数字技术赋能\n服务外包产业迎新机遇"
    out["articles"][0]["blocks"][0]["text"] = "  第一段讲述博览会在武汉举行。  "
    score = evaluate(gold, out)
    assert score.titles_ok == 2
    assert score.rows[0].cer == 0.0 and score.rows[0].para_f1 == 1.0


def test_merged_paragraph_costs_exactly_one_break_of_recall() -> None:
    gold = page()
    out = copy.deepcopy(gold)
    blocks = out["articles"][0]["blocks"]
    blocks[3]["text"] += blocks.pop(4)["text"]  # merge paragraphs 3 and 4
    row = evaluate(gold, out).rows[0]
    assert row.para_precision == 1.0
    assert row.para_recall == pytest.approx(4 / 5)  # 5 gold breaks, 4 found
    assert row.para_f1 == pytest.approx(2 * 1 * 0.8 / 1.8)
    assert row.heading_f1 == 1.0
    # the merge removed one "\n" from the joined body
    assert row.cer == pytest.approx(1 / row.gold_chars)
    assert evaluate(gold, out).rows[1].para_f1 == 1.0


def test_split_paragraph_costs_precision_and_survives_a_typo_before_it() -> None:
    gold = page()
    out = copy.deepcopy(gold)
    blocks = out["articles"][1]["blocks"]
    # a typo (one dropped character) earlier in the text must not shift later breaks
    blocks[0] = P("绿色制造是推动工业发展的重要抓手。")
    blocks.insert(1, P("前不久，"))
    blocks[2] = P("名单公布。")
    row = evaluate(gold, out).rows[1]
    assert row.para_recall == 1.0
    assert row.para_precision == pytest.approx(2 / 3)


def test_missed_garble_is_counted() -> None:
    gold = page()
    out = copy.deepcopy(gold)
    # （ → 渊 and ） → 冤: the GB2312 lead-byte +0x31 shift left unrepaired
    out["articles"][0]["blocks"][1]["text"] = "第二段说明数字经济带来机遇渊见图冤。"
    score = evaluate(gold, out)
    assert score.rows[0].garbles_missed == 2
    assert score.rows[0].false_fixes == 0
    assert score.garbles_missed == 2 and score.false_fixes == 0
    assert score.rows[0].cer == pytest.approx(2 / score.rows[0].gold_chars)


def test_false_fix_is_counted() -> None:
    gold = page()
    out = copy.deepcopy(gold)
    # a real word 重要 "repaired" into a mark: 要 → 、
    out["articles"][1]["blocks"][0]["text"] = "绿色制造是推动工业绿色发展的重、抓手。"
    score = evaluate(gold, out)
    assert score.rows[1].false_fixes == 1 and score.rows[1].garbles_missed == 0
    assert (score.garbles_missed, score.false_fixes) == (0, 1)


def test_word_or_mark_substitutions_are_neither_missed_nor_false() -> None:
    gold = page()
    out = copy.deepcopy(gold)
    out["articles"][1]["blocks"][0]["text"] = "绿色制造是推动工业绿色发展的重大抓手。"  # word for word
    out["articles"][1]["blocks"][1]["text"] = "前不久、名单公布；"  # mark for mark
    score = evaluate(gold, out)
    assert (score.garbles_missed, score.false_fixes) == (0, 0)
    assert score.rows[1].cer == pytest.approx(3 / score.rows[1].gold_chars)


def test_wrong_title_and_byline() -> None:
    gold = page()
    out = copy.deepcopy(gold)
    out["articles"][1]["title"] = "我国绿色制造"
    out["articles"][1]["byline"] = "（韩鑫）"
    score = evaluate(gold, out)
    assert [r.title_ok for r in score.rows] == [True, False]
    assert [r.byline_ok for r in score.rows] == [True, False]
    assert (score.titles_ok, score.bylines_ok) == (1, 1)
    assert score.cer == 0.0


def test_missing_article_scores_as_empty() -> None:
    gold = page()
    out = copy.deepcopy(gold)
    del out["articles"][1]
    score = evaluate(gold, out)
    assert (score.articles_gold, score.articles_out) == (2, 1)
    missing = score.rows[1]
    assert not missing.title_ok and not missing.byline_ok
    assert missing.cer == 1.0
    assert (missing.para_precision, missing.para_recall, missing.para_f1) == (0.0, 0.0, 0.0)
    assert missing.heading_f1 == 1.0  # the gold article has no heading, none was claimed
    assert score.para_f1 == pytest.approx(0.5)
    first = score.rows[0]
    expected_cer = first.gold_chars * 0 + missing.gold_chars * 1.0
    assert score.cer == pytest.approx(expected_cer / (first.gold_chars + missing.gold_chars))


def test_missing_heading_and_heading_as_paragraph() -> None:
    gold = page()
    out = copy.deepcopy(gold)
    out["articles"][0]["blocks"][2]["kind"] = "paragraph"
    row = evaluate(gold, out).rows[0]
    assert (row.heading_precision, row.heading_recall, row.heading_f1) == (0.0, 0.0, 0.0)
    assert row.para_f1 == 1.0  # the break is there, only its kind is wrong


def test_header_mismatch() -> None:
    gold = page()
    out = copy.deepcopy(gold)
    out["header"]["page"] = "7"
    assert evaluate(gold, out).header_ok is False
    out["header"] = None
    assert evaluate(gold, out).header_ok is False
    out["header"] = {"page": " 6", "section": "产 经", "section_en": "Industries", "extra": 1}
    assert evaluate(gold, out).header_ok is True
    no_header = {**gold, "header": None}
    assert evaluate(no_header, {**gold, "header": None}).header_ok is True
    assert evaluate(no_header, gold).header_ok is False


def test_to_dict_and_to_text() -> None:
    gold = page()
    out = copy.deepcopy(gold)
    out["articles"][1]["title"] = "别的标题"
    score = evaluate(gold, out)
    d = score.to_dict()
    assert d["titles_ok"] == 1 and len(d["rows"]) == 2 and d["rows"][1]["title_ok"] is False
    json.dumps(d)  # serialisable
    text = score.to_text().splitlines()
    assert len(text) == 3
    assert "title WRONG" in text[1] and "titles 1/2" in text[2]


def test_files_and_input_errors(tmp_path: Path) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(page(), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.json"
    out.write_text(json.dumps(page(), ensure_ascii=False), encoding="utf-8-sig")
    assert evaluate_files(gold, out).para_f1 == 1.0

    broken = tmp_path / "broken.json"
    broken.write_text('{"articles": [', encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        evaluate_files(gold, broken)
    for bad in ([], {"header": None}, {"articles": [{"blocks": [{"kind": "caption", "text": "x"}]}]},
                {"articles": [{"title": 3}]}, {"articles": [{"blocks": [{"text": None}]}]}):
        out.write_text(json.dumps(bad), encoding="utf-8")
        with pytest.raises(InputError) as info:
            evaluate_files(gold, out)
        assert "\n" not in str(info.value)
    with pytest.raises(InputError, match="no such file"):
        evaluate_files(gold, tmp_path / "absent.json")


def _reference():
    if not REFERENCE.is_file() or not SEED_GOLD.is_file():
        pytest.skip("reference scorer or seed gold not available")
    spec = importlib.util.spec_from_file_location("score_page_reference", REFERENCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_agrees_with_reference_scorer_on_perturbed_seed_gold() -> None:
    reference = _reference()
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    out = copy.deepcopy(gold)
    a0, a1, a2 = out["articles"]
    a0["blocks"][3]["text"] += a0["blocks"].pop(4)["text"]  # merged paragraphs
    a0["blocks"][1]["text"] = a0["blocks"][1]["text"].replace("，", "袁", 2)  # garbles left in
    a1["blocks"][0]["text"] = a1["blocks"][0]["text"].replace("重要", "重、", 1)  # a false fix
    text = a1["blocks"][5]["text"]
    a1["blocks"][5:6] = [P(text[:20]), P(text[20:])]  # a split paragraph
    a1["blocks"][2]["kind"] = "paragraph"  # a lost heading
    a2["title"] = a2["title"][:-2]
    a2["byline"] = ""
    a2["blocks"][7]["text"] = a2["blocks"][7]["text"][5:]  # dropped text
    out["articles"].append({"title": "多余", "byline": "", "blocks": [P("多余的文章。")]})

    ours = evaluate(gold, out)
    ref = reference.score(gold, out)
    assert (ours.articles_gold, ours.articles_out) == (ref["articles_gold"], ref["articles_out"])
    assert ours.titles_ok == ref["titles_ok"] == 2
    assert ours.bylines_ok == ref["bylines_ok"] == 2
    assert ours.cer == pytest.approx(ref["cer"], abs=1e-12)
    assert ours.para_f1 == pytest.approx(ref["para_f1"], abs=1e-12) and ours.para_f1 < 1
    assert ours.heading_f1 == pytest.approx(ref["heading_f1"], abs=1e-12) and ours.heading_f1 < 1
    assert ours.garbles_missed == ref["garble_missed"] >= 2
    assert ours.false_fixes == ref["false_fix"] >= 1
    for mine, theirs in zip(ours.rows, ref["rows"], strict=True):
        assert mine.index == theirs["article"]
        assert (mine.title_ok, mine.byline_ok) == (theirs["title_ok"], theirs["byline_ok"])
        assert mine.cer == pytest.approx(theirs["cer"], abs=1e-12)
        assert mine.para_f1 == pytest.approx(theirs["para_f1"], abs=1e-12)
        assert mine.heading_f1 == pytest.approx(theirs["heading_f1"], abs=1e-12)
        assert (mine.garbles_missed, mine.false_fixes) == (theirs["garble_missed"], theirs["false_fix"])
        assert mine.gold_chars == theirs["gold_chars"]


# --- plain-text CER (textfix eval --text) -----------------------------------


def test_text_cer_ignores_whitespace_by_default():
    from textfix.evaluate import text_cer

    # gold 今天天气好。 (6 characters without whitespace); output 今天天汽好,。:
    # 气→汽 one substitution, the ASCII comma one insertion: 2 / 6.
    score = text_cer("今天 天气\n好。\n", "今天天汽好,。")
    assert (score.distance, score.substitutions, score.insertions, score.deletions) == (2, 1, 1, 0)
    assert score.cer == pytest.approx(2 / 6)
    assert (score.gold_chars, score.out_chars) == (6, 7)


def test_text_cer_spaces_between_ideographs_cost_nothing_unless_kept():
    from textfix.evaluate import text_cer

    gold, ocr = "经济运行稳中向好\n", "经 济 运 行 稳 中 向 好\n"
    assert text_cer(gold, ocr).cer == 0.0
    kept = text_cer(gold, ocr, keep_whitespace=True)
    # 7 spaces inserted into 9 characters (8 ideographs and the line end).
    assert (kept.distance, kept.insertions, kept.gold_chars) == (7, 7, 9)
    assert kept.cer == pytest.approx(7 / 9)


def test_text_cer_counts_deletions_and_an_empty_gold():
    from textfix.evaluate import text_cer

    score = text_cer("一二三四五", "一三五")
    assert (score.distance, score.deletions, score.cer) == (2, 2, pytest.approx(0.4))
    assert text_cer("", "").cer == 0.0
    assert text_cer("", "ab").cer == 2.0  # over max(1, gold length)


def test_eval_text_cli(tmp_path):
    import json

    from _cli import assert_one_error_line, run

    gold, out = tmp_path / "gold.txt", tmp_path / "out.txt"
    gold.write_text("今天 天气\n好。\n", encoding="utf-8")
    out.write_text("今天天汽好,。", encoding="gb18030")  # any encoding, as every command reads
    code, stdout, _ = run("eval", "--text", gold, out)
    assert code == 0 and stdout.startswith("CER 0.3333 (whitespace ignored): 2 edits over 6 gold characters")
    code, stdout, _ = run("eval", "--text", gold, out, "--json")
    assert code == 0 and json.loads(stdout)["distance"] == 2
    code, stdout, _ = run("eval", "--text", gold, out, "--keep-whitespace", "--json")
    # 9 gold characters with the space and two line ends; the space and the
    # line ends deleted, 气→汽 and ，inserted: 5 edits.
    assert code == 0 and json.loads(stdout)["distance"] == 5 and json.loads(stdout)["gold_chars"] == 9
    code, _, err = run("eval", gold, out, "--keep-whitespace")
    assert_one_error_line(code, err, 2, "--text")
    code, _, err = run("eval", "--text", tmp_path / "missing.txt", out)
    assert_one_error_line(code, err, 3, "missing.txt")
