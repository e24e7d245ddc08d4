"""Unsigned articles: a subhead that is really the next article's title, told apart by topic."""

from __future__ import annotations

import random

from textfix.lines import opens_lead
from textfix.split import Article, Block, _split_at_unsigned_titles, split_page

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


# News leads (textfix.lines.NEWS_LEAD).  Column of 12 characters (24 units), paragraphs' first
# lines 10; a closing mark never opens a line, so the character before it goes down with it
# (央视网消息（新闻联 | 播）：…).  Article A (3 paragraphs, 127 characters) is unsigned and opens
# 新华网消息：; article B (2 paragraphs, 49 characters) opens 央视网消息（新闻联播）： and is signed
# at its end.  B is too short for a topic dip (ARTICLE_MIN_TEXT), so only its lead tells it.
BODY = """新华网消息：各地抓住
农时推进春耕备耕，田间地
头处处是忙碌的身影，农机
具检修保养全面展开。
在河南的一处种植基地
里，农技人员正在指导农户
选种育苗，确保今年粮食生
产开好局起好步。
县里还组织专家深入乡
村开展培训，帮助农户解决
生产中遇到的各类难题，农
户们纷纷点赞。
央视网消息（新闻联
播）：春耕时节，江苏的农
民正忙着平整土地。
当地农业部门表示，今
年将继续加大投入。
（记者 张伟）
"""


def test_news_leads() -> None:
    assert opens_lead("央视网消息（新闻联播）：春耕时节")
    assert opens_lead("新华网消息：各地")
    assert opens_lead("本报讯（记者 张伟）日前")
    assert opens_lead("新华社北京5月3日电 今年以来")  # a dateline without its credit
    assert not opens_lead("据新华社消息，")  # a report quoted inside an article
    assert not opens_lead("好消息：今年")
    assert not opens_lead("在河南的一处种植基地")


def _articles(page: str) -> list[tuple[str, str, int]]:
    return [(a.title, a.byline, len(a.blocks)) for a in split_page(page).articles]


def test_a_news_lead_opens_an_unsigned_articles_successor_titles_at_the_foot() -> None:
    page = BODY + "春耕备耕有序推进\n江苏农民忙着平整土地\n"
    assert _articles(page) == [("春耕备耕有序推进", "", 3), ("江苏农民忙着平整土地", "张伟", 2)]


def test_counted_by_leads_a_full_last_title_line_may_end_a_wrapped_title() -> None:
    # Foot lines 16, 20 and 18 units wide: the last is within TITLE_WRAP_SLACK of the measure, which
    # alone would keep it a title of its own; the two leads say two titles, so it ends the second.
    page = BODY + "春耕备耕有序推进\n江苏农民抢抓晴好天气\n忙着平整土地备春播\n"
    assert _articles(page) == [("春耕备耕有序推进", "", 3), ("江苏农民抢抓晴好天气忙着平整土地备春播", "张伟", 2)]


def test_a_news_lead_makes_the_subhead_before_it_a_title() -> None:
    # Titles before their articles: B's title, 20 units, is as short as a subhead.
    lines = BODY.splitlines()
    page = "\n".join(["春耕备耕有序推进", *lines[:12], "江苏农民忙着平整土地", *lines[12:]]) + "\n"
    assert _articles(page) == [("春耕备耕有序推进", "", 3), ("江苏农民忙着平整土地", "张伟", 2)]


def test_a_line_opening_with_a_news_lead_is_a_paragraphs_first() -> None:
    # 新华网消息：全国建成 (20 units) left 4 as a line of a paragraph, too few for 12000 (5): as wide
    # as a first line, it would also pass for a full one, and the subhead-sized line before it
    # (脱贫地区发展活力增强, 20) for the paragraph's first.  The lead says it opens the paragraph;
    # the line before is B's title.
    lines = BODY.splitlines()
    page = "\n".join(["春耕生产有序推进", *lines[:12], "脱贫地区发展活力增强", "新华网消息：全国建成",
                      "12000个帮扶车间，吸纳就", "业人员超过三十万人。", "（记者 张伟）"]) + "\n"
    assert _articles(page) == [("春耕生产有序推进", "", 3), ("脱贫地区发展活力增强", "张伟", 1)]
    from textfix.lines import line_opens_lead

    assert line_opens_lead("央视网消息（新闻联")  # cut inside the source's parenthesis
    assert not line_opens_lead("央视网报道（新闻联")


def test_titles_in_a_block_of_their_own_after_text_out_of_order() -> None:
    # pdftotext may put a column's last lines before the block the titles follow: the text before
    # the titles then ends inside a sentence (…下一步将), yet the blank line before the titles and
    # their two headline lines make them the foot's title block.
    lines = BODY.splitlines()
    page = "\n".join([*lines[:15], "当地农业部门表示，今", "年将加大投入。下一步将", "", "春耕备耕有序推进", "江苏农民忙着平整土地"]) + "\n"
    assert [a.title for a in split_page(page).articles] == ["春耕备耕有序推进", "江苏农民忙着平整土地"]


def test_text_after_a_byline_without_a_title_goes_to_the_neighbour_it_is_about() -> None:
    # pdftotext may print a column's last block after the byline below it.  县里还组织农技专家… has
    # no title, no byline and no lead: it belongs to an article next to it, the first (春耕, 农户
    # and 农技 are its words), at its end.
    lines = BODY.splitlines()
    orphan = ["县里还组织农技专家深", "入乡村开展春耕培训，帮助", "农户解决春耕生产中遇到的", "各类难题。"]
    page = "\n".join(["春耕备耕有序推进", *lines[:8], "（记者 李娜）", *orphan, "江苏农民忙着平整土地", *lines[12:]]) + "\n"
    assert _articles(page) == [("春耕备耕有序推进", "李娜", 3), ("江苏农民忙着平整土地", "张伟", 2)]
    assert split_page(page).articles[0].blocks[-1].text.startswith("县里还组织农技专家")


def test_the_page_number_and_the_sections_parted_by_a_title() -> None:
    # pdfminer: 4 / a title / 产经 Industries (the sections floated right of the number).
    lines = BODY.splitlines()
    page = "\n".join(["4", "春耕备耕有序推进", "产经 Industries", *lines[:8], "（记者 李娜）"]) + "\n"
    read = split_page(page)
    assert read.header == {"page": "4", "section": "产经", "section_en": "Industries"}
    assert _articles(page) == [("春耕备耕有序推进", "李娜", 2)]


def test_a_deck_under_the_title_before_the_lead_is_no_article() -> None:
    # 记者从农业农村部获悉，… under the title and its subtitle, before the lead: the title's deck,
    # not an unsigned article that the lead (新华网消息：) would end.
    page = """春耕备耕有序推进
各地抢抓农时
记者从农业农村部获
悉，各地抢抓农时推进春耕
备耕，粮食生产开局良好。
""" + "\n".join(BODY.splitlines()[:8]) + "\n（记者 李娜）\n"  # article A's lead and second paragraph
    assert _articles(page) == [("春耕备耕有序推进各地抢抓农时", "李娜", 3)]


def test_an_article_opening_with_a_lead_keeps_its_subheads() -> None:
    # The blocks of the first test, the first paragraph opening with a news lead: the next article
    # would open with one too, so 中欧班列开行提速 is a sub-story's headline, not a title.
    lead = Block("paragraph", "新华网消息：" + paragraph(SNOW, 1).text, 0, 0)
    blocks = [
        lead, paragraph(SNOW, 2), heading("雪道越修越长"), paragraph(SNOW, 3), paragraph(SNOW, 4),
        heading("中欧班列开行提速"), paragraph(RAIL, 5), paragraph(RAIL, 6), heading("通关更快"), paragraph(RAIL, 7),
    ]
    assert len(_split_at_unsigned_titles(signed(blocks))) == 1


def test_titles_at_the_foot_one_text_block_each(monkeypatch) -> None:
    # pdfminer: a blank line before each title; a wrapped title's lines in one block, all but the
    # last at the measure (20 units), the last short.  The blocks are the titles, however many
    # articles the topic dips would count (three breaks more, here, stand for such an overcount).
    import textfix.split as split
    from textfix.layout import BLOCK_START, Item
    from textfix.lines import Line

    def foot(text: str, block: bool) -> Item:
        return Item("foot_title", text, 0, len(text), [Line.of(text, 0, len(text), 2 * len(text))], name=BLOCK_START if block else "")

    lines = [foot("春耕备耕有序推进各地", True), foot("抢抓农时", False), foot("江苏农民忙着平整土地", True), foot("备战春播", False)]
    monkeypatch.setattr(split, "_topic_breaks", lambda blocks: 3)
    article = Article(blocks=[paragraph(SNOW, 1), paragraph(RAIL, 2)])
    _, titles = split._foot_titles([article], lines)
    assert [t.text for t in titles] == ["春耕备耕有序推进各地抢抓农时", "江苏农民忙着平整土地备战春播"]


def test_the_sections_as_a_text_block_of_their_own_anywhere() -> None:
    # pdfminer: the page number first, the sections floated right of it as a box of their own
    # after the first column's text (a blank line before and after).
    lines = BODY.splitlines()
    page = "\n".join(["12", "", "春耕备耕有序推进", *lines[:4], "", "地方 Regions", "", *lines[4:8], "（记者 李娜）"]) + "\n"
    read = split_page(page)
    assert read.header == {"page": "12", "section": "地方", "section_en": "Regions"}
    assert _articles(page) == [("春耕备耕有序推进", "李娜", 2)]


def test_a_byline_line_moved_before_the_titles_at_the_foot() -> None:
    # pdftotext may print the 本报记者 line under a title after the last article, before the titles
    # at the foot: it is no title, and it signs the first article not signed.
    page = BODY + "\n本报记者 李娜\n\n春耕备耕有序推进\n江苏农民忙着平整土地\n"
    assert _articles(page) == [("春耕备耕有序推进", "李娜", 3), ("江苏农民忙着平整土地", "张伟", 2)]
