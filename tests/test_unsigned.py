"""Unsigned articles: a subhead that is really the next article's title, told apart by topic."""

from __future__ import annotations

import random

from textfix.split import Article, Block, _split_at_unsigned_titles

SNOW = ["冰雪", "游客", "滑雪场", "雪道", "冰雕", "民宿", "客流", "雪季", "教练", "缆车", "雪具", "温泉"]
RAIL = ["班列", "货物", "通关", "物流", "枢纽", "口岸", "集装箱", "运单", "铁路", "海关", "仓储", "车皮"]
SHARED = ["今年", "以来", "不少", "已经", "明显", "当地", "增长", "工作", "介绍", "表示"]


def paragraph(topic: list[str], seed: int, words: int = 45) -> Block:
    """A paragraph of one topic's words mixed with words any story uses."""
    rng = random.Random(seed)
    text = "".join(rng.choice(topic if rng.random() < 0.85 else SHARED) for _ in range(words)) + "。"
    return Block("paragraph", text, 0, 0)


def heading(text: str) -> Block:
    return Block("heading", text, 0, 0)


def signed(blocks: list[Block]) -> Article:
    return Article(title="冰雪游升温", blocks=blocks, byline="王晓", byline_text="（王晓）")


def test_a_subhead_between_two_topics_is_the_next_articles_title() -> None:
    blocks = [
        paragraph(SNOW, 1), paragraph(SNOW, 2), heading("雪道越修越长"), paragraph(SNOW, 3), paragraph(SNOW, 4),
        heading("中欧班列开行提速"), paragraph(RAIL, 5), paragraph(RAIL, 6), heading("通关更快"), paragraph(RAIL, 7),
    ]
    first, second = _split_at_unsigned_titles(signed(blocks))
    assert first.title == "冰雪游升温" and first.byline == ""
    assert second.blocks[0].text == "中欧班列开行提速" and second.byline == "王晓"
    assert [b.text for b in first.blocks + second.blocks] == [b.text for b in blocks]


def test_subheads_of_one_story_stay_subheads() -> None:
    blocks = [
        paragraph(SNOW, 1), paragraph(SNOW, 2), heading("雪道越修越长"), paragraph(SNOW, 3),
        paragraph(SNOW, 4), heading("冰雕吸引游客"), paragraph(SNOW, 5), paragraph(SNOW, 6),
    ]
    assert len(_split_at_unsigned_titles(signed(blocks))) == 1


def test_too_little_text_after_a_subhead_for_an_article_keeps_it_a_subhead() -> None:
    # A different topic, but what follows is too short to be a whole article with its lead.
    blocks = [paragraph(SNOW, 1), paragraph(SNOW, 2), paragraph(SNOW, 3), heading("班列提速"), paragraph(RAIL, 5, words=20)]
    assert len(_split_at_unsigned_titles(signed(blocks))) == 1


def test_a_kicker_before_its_main_subhead_is_never_a_title() -> None:
    blocks = [
        paragraph(SNOW, 1), paragraph(SNOW, 2), heading("物流"), heading("中欧班列开行提速"),
        paragraph(RAIL, 5), paragraph(RAIL, 6), paragraph(RAIL, 7),
    ]
    parts = _split_at_unsigned_titles(signed(blocks))
    assert all(b.text != "物流" for part in parts[1:] for b in part.blocks[:1])


def test_too_little_text_before_a_subhead_for_an_article_keeps_it_a_subhead() -> None:
    # An unsigned article ending at the subhead would be a lead alone.
    blocks = [paragraph(SNOW, 1, words=20), heading("班列提速"), paragraph(RAIL, 5), paragraph(RAIL, 6), paragraph(RAIL, 7)]
    assert len(_split_at_unsigned_titles(signed(blocks))) == 1
