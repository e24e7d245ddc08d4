"""What real extractors give of a typeset page (corpora/typeset): byline forms, wrapped titles,
blank-line block boundaries.  Small hand-written pages; expected values worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from textfix.formats import to_text
from textfix.lines import BylineFinder, Line, _may_open_paragraph, cut_lines
from textfix.repair import repair
from textfix.shape import regions
from textfix.split import split_page

from _setting import set_lines

FINDER = BylineFinder()
# Pages of the project's own generator (corpora/pages/README.md): a garbled byline, headers, Latin runs.
GENERATOR_PAGES = sorted((Path(__file__).resolve().parent.parent / "corpora" / "pages").glob("synth-00*.txt"))


def test_paper_label_inside_the_parentheses() -> None:
    # 本报 is a credit that is no byline when it is the name (（本报）); as the label it is one.
    assert FINDER.find("（本报记者 刘洋 罗希）") == (0, "（本报记者 刘洋 罗希）", "刘洋罗希")
    assert FINDER.find("底。（本报通讯员 张伟）") == (2, "（本报通讯员 张伟）", "张伟")
    assert FINDER.find("（本报）") is None


def test_byline_line_under_the_title() -> None:
    assert FINDER.find_lead("本报记者 黄蕾 孙悦") == "黄蕾孙悦"
    assert FINDER.find_lead("本报通讯员 张伟") == "张伟"
    assert FINDER.find_lead("黄蕾 孙悦") is None  # without the label, any short line
    assert FINDER.find_lead("本报记者从市教育局获悉") is None  # prose: no space after the label


def test_dateline_credit() -> None:
    # 新华社广州6月10日电 is 11 characters; （记者 许诺） 7 more.
    assert FINDER.find_dateline("新华社广州6月10日电（记者 许诺）在江苏常州") == (11, 18, "许诺")
    assert FINDER.find_dateline("本报北京3月9日电（记者 吴婷 高远）连日来") == (9, 19, "吴婷高远")  # 9 characters, then 10
    assert FINDER.find_dateline("在江苏常州（记者 许诺）") is None  # no dateline before it


# Column of 12 characters (24 units), paragraphs' first lines 10.  The first article is signed
# under its title, the second by its dateline, which also opens it: the first ends unsigned.
PAGE = """春耕备耕有序推进
本报记者 黄蕾 孙悦
眼下正值春耕备耕关键
时期，各地农民抢抓农时，
田间地头一派繁忙景象，处
处都是忙碌的身影。
农技人员深入田间地头
开展技术指导，帮助农户解
决生产难题，确保春耕生产
顺利进行。
新华社广州6月10日
电（记者 许诺）在江苏常
州的一家工厂里，工人们正
在组装新型机器人，订单已
经排到了明年年底。
企业负责人介绍，今年
以来产品销量持续增长，出
口市场不断拓展，研发投入
也在逐年加大。
"""


def test_bylines_that_open_an_article() -> None:
    page = split_page(PAGE)
    first, second = page.articles
    assert (first.title, first.byline, first.byline_text) == ("春耕备耕有序推进", "黄蕾孙悦", "本报记者 黄蕾 孙悦")
    assert first.byline_span == (9, 19)  # the second line: 8 characters and a line end before it
    assert [b.text[:4] for b in first.blocks] == ["眼下正值", "农技人员"]
    assert (second.byline, second.byline_text) == ("许诺", "（记者 许诺）")
    assert PAGE[slice(*second.byline_span)] == "（记者 许诺）"
    # The dateline stays in the paragraph, its credit goes.
    assert second.blocks[0].text == "新华社广州6月10日电在江苏常州的一家工厂里，工人们正在组装新型机器人，订单已经排到了明年年底。"
    assert len(second.blocks) == 2


def test_header_with_the_page_number_last() -> None:
    # pdfium draws the sections floated right of the number first; pdftotext -raw puts the number
    # on a line of its own.
    for head in ("产经 Industries 1\n", "健康 Health\n12\n"):
        page = split_page(head + PAGE)
        section = head.split()[0]
        assert page.header == {"page": head.split()[-1], "section": section, "section_en": head.split()[1]}
        assert [a.title for a in page.articles][:1] == ["春耕备耕有序推进"]
    assert split_page("春耕备耕有序推进 12\n" + PAGE).header is None  # no English name: not a header


def test_dateline_line_without_a_mark_opens_a_paragraph() -> None:
    # The credit breaks after its first name: 新华社北京2月13日电（记者 韩鑫 杨 has no sentence mark
    # and would be read as a subhead.
    page = split_page(PAGE.replace("新华社广州6月10日\n电（记者 许诺）在江苏常\n", "新华社广州6月10日电（记者 许\n诺）在江苏常\n"))
    second = page.articles[1]
    assert second.byline == "许诺"
    assert [b.kind for b in second.blocks] == ["paragraph", "paragraph"]
    assert second.blocks[0].text.startswith("新华社广州6月10日电在江苏常州")


# Titles in large type wrap at the title measure (here 10 characters, 20 units; the column is 12).
ARTICLE_1 = """眼下正值春耕备耕关键
时期，各地农民抢抓农时，
田间地头一派繁忙景象，处
处都是忙碌的身影。
农技人员深入田间地头
开展技术指导，帮助农户解
决生产难题，确保春耕生产
顺利进行。（记者 张伟）
"""
ARTICLE_2 = """在江苏常州的一家工厂
里，工人们正在组装新型机
器人，订单已经排到了明年
年底。
企业负责人介绍，今年以
来产品销量持续增长，出口
市场不断拓展，研发投入也
在逐年加大。（李娜）
"""
TITLE_1, TITLE_2 = "春耕备耕有序推进农业\n生产\n", "工厂订单排到明年年底\n企业信心足\n"


def _read(page) -> list[tuple[str, str, int]]:
    return [(a.title, a.byline, len(a.blocks)) for a in page.articles]


def test_wrapped_titles_before_their_articles() -> None:
    # Each title's first line is as wide as the widest title line (20 units): it goes on.
    page = split_page(TITLE_1 + ARTICLE_1 + TITLE_2 + ARTICLE_2)
    assert _read(page) == [("春耕备耕有序推进农业生产", "张伟", 2), ("工厂订单排到明年年底企业信心足", "李娜", 2)]


def test_wrapped_titles_at_the_foot() -> None:
    # Four lines, two articles signed: the two full lines go on, the short ones end their titles.
    page = split_page(ARTICLE_1 + ARTICLE_2 + TITLE_1 + TITLE_2)
    assert _read(page) == [("春耕备耕有序推进农业生产", "张伟", 2), ("工厂订单排到明年年底企业信心足", "李娜", 2)]


# A title's bracket and quotes may be set narrow, so a line that leaves one open can end well short of
# the measure (here 20 units: 光】春耕备耕有序推进, 工厂订单排到明年年底); a title never leaves a bracket
# open, so the line goes on whatever its width.
BRACKETED_TITLES = "【“两会”时\n光】春耕备耕有序推进\n工厂订单排到明年年底\n企业信心足\n"


def test_a_title_line_leaving_a_bracket_open_goes_on_at_the_foot() -> None:
    page = split_page(ARTICLE_1 + ARTICLE_2 + BRACKETED_TITLES)
    assert _read(page) == [("【“两会”时光】春耕备耕有序推进", "张伟", 2), ("工厂订单排到明年年底企业信心足", "李娜", 2)]


# A title wrapped after its colon: 【手记】春耕一线： (18 units) ends on a clause mark, which no
# headline does, yet it is short of the column (24), as no paragraph's line but its last is, and so
# is the line after it (守护黑土粮仓): the foot's titles go on up to it.
COLON_FOOT_TITLES = "【手记】春耕一线：\n守护黑土粮仓\n" + TITLE_2


def test_a_foot_title_wrapped_after_its_colon() -> None:
    page = split_page(ARTICLE_1 + ARTICLE_2 + COLON_FOOT_TITLES)
    assert _read(page) == [("【手记】春耕一线：守护黑土粮仓", "张伟", 2), ("工厂订单排到明年年底企业信心足", "李娜", 2)]


# Titles wrapped after a clause mark (抓紧春耕春播、田管、) and after the dash that joins a title to
# what it announces (坚守一线的农技员——): neither is punctuated as a headline is, yet each is as wide as
# the title measure (20 units) and short of the column (24), as no paragraph's line but its last is.
COMMA_FOOT_TITLES = "抓紧春耕春播、田管、\n夏粮丰收有保障\n" + TITLE_2
DASH_FOOT_TITLES = "坚守一线的农技员——\n记春耕中的田间课堂\n" + TITLE_2


def test_a_foot_title_wrapped_after_a_clause_mark_or_a_dash() -> None:
    page = split_page(ARTICLE_1 + ARTICLE_2 + COMMA_FOOT_TITLES)
    assert _read(page) == [("抓紧春耕春播、田管、夏粮丰收有保障", "张伟", 2), ("工厂订单排到明年年底企业信心足", "李娜", 2)]
    page = split_page(ARTICLE_1 + ARTICLE_2 + DASH_FOOT_TITLES)
    assert _read(page) == [("坚守一线的农技员——记春耕中的田间课堂", "张伟", 2), ("工厂订单排到明年年底企业信心足", "李娜", 2)]


# A title in large type wrapped after a clause mark wider than the column (抓紧春耕春播、田间管理、农机调度、,
# 34 units; the column is 24) over titles of one line or two no wider than 20: no paragraph's line is
# wider than its column, so the line is a title's whatever the measure of the titles below it (the
# shape of train2845 page-029).
WIDE_COMMA_FOOT_TITLES = "抓紧春耕春播、田间管理、农机调度、\n夏粮丰收有保障\n" + TITLE_2


def test_a_foot_title_line_wider_than_the_column_goes_on_after_a_clause_mark() -> None:
    page = split_page(ARTICLE_1 + ARTICLE_2 + WIDE_COMMA_FOOT_TITLES)
    assert _read(page) == [("抓紧春耕春播、田间管理、农机调度、夏粮丰收有保障", "张伟", 2), ("工厂订单排到明年年底企业信心足", "李娜", 2)]


# A page that opens with a title wider than the column (36 units; the column is 24) sets its titles
# before their articles: the announcement's signature at its foot (县农业农村局 / 2024年3月1日, both
# headlines after 特此通知。) is no pair of foot titles.
# Its first article is PAGE's first, unsigned under the title and signed at its end.
SIGNED_NOTICE_PAGE = "各地春耕备耕有序推进农业生产开局良好\n" + "\n".join(PAGE.splitlines()[2:10]) + """（记者 张伟）
关于做好今年春季农业生产工作的通知
各乡镇农技站要深入田
间地头开展技术指导，帮助
农户解决生产难题，确保春
耕生产顺利进行。
各村要组织农机手抢抓
晴好天气，加快春播进度，
做到应种尽种，确保粮食播
种面积稳定。
特此通知。
县农业农村局
2024年3月1日
"""


def test_no_foot_titles_on_a_page_that_opens_with_a_wide_title() -> None:
    page = split_page(SIGNED_NOTICE_PAGE)
    assert [(a.title, a.byline) for a in page.articles] == [
        ("各地春耕备耕有序推进农业生产开局良好", "张伟"), ("关于做好今年春季农业生产工作的通知", "")]


# Column 19 characters (38 units).  A one-line title at the page's title measure (50 units) may go on
# into the paragraph under it, but not when that opens with a news lead: 央视网消息（新闻联播）：10日下
# ends short (30 units, its digits proportional) on no sentence mark, as a title's last line does,
# yet it is the article's text.
LEAD_UNDER_TITLE_PAGE = """各地农民抢抓农时开展春耕生产
眼下正值春耕备耕关键时期，各地农
民抢抓农时，田间地头一派繁忙景象，处处
都是忙碌的身影。农技人员深入田间地头开
展技术指导，帮助农户解决生产难题，确保
春耕生产顺利进行。
在江苏常州的一家农机合作社里，
工人们正在检修新型播种机，预约服务的订
单已经排到了下个月，合作社负责人介绍，
今年以来服务面积持续增长。（李娜）
全国春耕备耕工作现场会在河南召开并部署下阶段重点工作
央视网消息（新闻联播）：10日下
午，全国春耕备耕工作现场会在河南郑州召
开。会议强调，要抓紧抓实春季农业生产各
项工作，确保粮食播种面积稳定。
会议指出，各地要加强农资供应保障，
组织农技人员深入田间地头开展指导服务，
帮助农民解决实际困难。（记者 张伟）
"""


def test_a_title_does_not_go_on_into_a_news_lead() -> None:
    page = split_page(LEAD_UNDER_TITLE_PAGE)
    assert [(a.title, a.byline, len(a.blocks)) for a in page.articles] == [
        ("各地农民抢抓农时开展春耕生产", "李娜", 2), ("全国春耕备耕工作现场会在河南召开并部署下阶段重点工作", "张伟", 2)]
    assert page.articles[1].blocks[0].text.startswith("央视网消息（新闻联播）：10日下午，")


# Column 19 characters (38 units).  A title over three lines before its article's dateline, its
# first line ending on the dash that joins its kicker to the rest (【新时代新征程——): that line
# ends "a sentence" as a paragraph's may, yet it leaves its bracket open and a title goes on after
# it; the lines between the last sentence end and the dateline are the title.
DASH_TITLE_PAGE = """各地农民抢抓农时开展春耕生产
眼下正值春耕备耕关键时期，各地农
民抢抓农时，田间地头一派繁忙景象，处处
都是忙碌的身影。农技人员深入田间地头开
展技术指导，帮助农户解决生产难题，确保
春耕生产顺利进行。（李娜）
【新时代新征程——
奋进春天】江苏常州农
机合作社服务忙
新华社南京3月1日电（记者 张伟）在
江苏常州的一家农机合作社里，工人们正在
检修新型播种机，预约服务的订单已经排到
了下个月。合作社负责人介绍，今年以来服
务面积持续增长。
"""


def test_a_title_line_ending_on_a_dash_before_a_dateline() -> None:
    page = split_page(DASH_TITLE_PAGE)
    assert [(a.title, a.byline, len(a.blocks)) for a in page.articles] == [
        ("各地农民抢抓农时开展春耕生产", "李娜", 1), ("【新时代新征程——奋进春天】江苏常州农机合作社服务忙", "张伟", 1)]


# 陆海新通道五年跑 is 4 units short of the measure (20), more than a line ending at it leaves, but
# the next line opens with 出“加, which a quotation mark keeps whole (6 units): it did not fit, so
# the title goes on.
QUOTE_FOOT_TITLES = "陆海新通道五年跑\n出“加速度”\n" + TITLE_2


def test_a_foot_title_line_goes_on_where_what_opens_the_next_did_not_fit() -> None:
    page = split_page(ARTICLE_1 + ARTICLE_2 + QUOTE_FOOT_TITLES)
    assert _read(page) == [("陆海新通道五年跑出“加速度”", "张伟", 2), ("工厂订单排到明年年底企业信心足", "李娜", 2)]


# A rubric 【…】 stands at a title's start, never inside it (corpora/typeset/count_rubrics.py): a foot
# line opening with 【 opens a title, however full the line before it.  Here every line but the last is
# of 20 or 22 units, within TITLE_WRAP_SLACK of the widest, and the second article tells of
# 农民抢抓农时忙生产 too: fitted by their bigrams alone, the titles would be cut after 各, the second running from 地农民 over the rubric (as
# pdfium's two rubric titles at a foot were, train seed 95 page-033).
RUBRIC_FOOT_TITLES = "【春耕备耕进行时】各\n地农民抢抓农时忙生产\n【工厂见闻】订单排到明\n年年底 企业信心足\n"
RUBRIC_ARTICLE_2 = """在江苏常州的一家工厂
里，工人们也像各地农民抢
抓农时忙生产一样，正在组
装新型机器人，订单已经排
到了明年年底。
企业负责人介绍，今年以
来产品销量持续增长，出口
市场不断拓展，研发投入也
在逐年加大。（李娜）
"""


def test_a_foot_title_line_opening_with_a_rubric_opens_a_title() -> None:
    page = split_page(ARTICLE_1 + RUBRIC_ARTICLE_2 + RUBRIC_FOOT_TITLES)
    assert _read(page) == [
        ("【春耕备耕进行时】各地农民抢抓农时忙生产", "张伟", 2),
        ("【工厂见闻】订单排到明年年底 企业信心足", "李娜", 2),
    ]


def test_a_full_last_line_at_the_foot_is_a_title_of_its_own() -> None:
    # The first article unsigned: one article found, two lines at the foot, both full.  The last
    # line is no second half (a wrapped title's last line is seldom full): two titles stay.
    from textfix.layout import read_layout
    from textfix.split import Article, _foot_titles

    items = read_layout(ARTICLE_1.replace("（记者 张伟）", "") + ARTICLE_2 + "春耕备耕有序推进农业\n工厂订单排到明年年底\n")
    foot = [i for i in items if i.kind == "foot_title"]
    assert [i.text for i in foot] == ["春耕备耕有序推进农业", "工厂订单排到明年年底"]
    _, titles = _foot_titles([Article()], foot)
    assert [t.text for t in titles] == ["春耕备耕有序推进农业", "工厂订单排到明年年底"]
    # With a short last line, the full first line goes on into it.
    items = read_layout(ARTICLE_1.replace("（记者 张伟）", "") + ARTICLE_2 + "春耕备耕有序推进农业\n生产\n")
    _, titles = _foot_titles([Article()], [i for i in items if i.kind == "foot_title"])
    assert [t.text for t in titles] == ["春耕备耕有序推进农业生产"]


def test_byline_broken_across_lines() -> None:
    # （记者 张伟） begins on the paragraph's last line and ends on the next.
    text = TITLE_1 + ARTICLE_1.replace("顺利进行。（记者 张伟）\n", "顺利进行。（记者\n张伟）\n") + TITLE_2 + ARTICLE_2
    page = split_page(text)
    assert _read(page) == [("春耕备耕有序推进农业生产", "张伟", 2), ("工厂订单排到明年年底企业信心足", "李娜", 2)]
    first = page.articles[0]
    assert first.byline_text == "（记者张伟）" and text[slice(*first.byline_span)] == "（记者\n张伟）"
    assert first.blocks[-1].text.endswith("确保春耕生产顺利进行。")


def test_dateline_alone_on_its_line() -> None:
    # The credit went down whole: 新华社广州6月10日电 is the line, and no subhead.
    text = PAGE.replace("新华社广州6月10日\n电（记者 许诺）在江苏常\n", "新华社广州6月10日电\n（记者 许诺）在江苏常\n")
    second = split_page(text).articles[1]
    assert second.byline == "许诺"
    assert [b.kind for b in second.blocks] == ["paragraph", "paragraph"]
    assert second.blocks[0].text.startswith("新华社广州6月10日电在江苏常州")


def test_opening_byline_stays_with_the_first_part_when_titles_at_the_foot_split_it() -> None:
    # Article 1 opens with a dateline, article 2 is unsigned and runs into it: two titles at the foot
    # split the text, and the dateline's byline belongs to the first part, not the second.
    from textfix.split import Article, Block, _split_to_count

    blocks = [Block("paragraph", "春耕备耕" * 60, 0, 240), Block("paragraph", "工厂订单" * 60, 240, 480)]
    whole = Article(blocks=blocks, byline="许诺", byline_text="（记者 许诺）", byline_opens=True)
    first, second = _split_to_count([whole], ["春耕备耕", "工厂订单"])
    assert (first.byline, second.byline) == ("许诺", "")
    whole.byline_opens = False  # an end byline: the last part's
    first, second = _split_to_count([whole], ["春耕备耕", "工厂订单"])
    assert (first.byline, second.byline) == ("", "许诺")


def test_signed_at_the_start_and_at_the_end_is_two_articles() -> None:
    # The first article is signed under its title and ends unsigned; the second's title reads as a
    # subhead, the second signs at its end.  Two bylines on one stretch: split at the subhead.
    text = TITLE_1 + "本报记者 黄蕾\n" + ARTICLE_1.replace("（记者 张伟）", "") + "工厂订单火热\n" + ARTICLE_2
    page = split_page(text)
    assert _read(page) == [("春耕备耕有序推进农业生产", "黄蕾", 2), ("工厂订单火热", "李娜", 2)]


def test_foot_lines_cut_into_titles_by_their_articles() -> None:
    # Two signed articles, three lines: the first two are full, so either may go on.  Joined to the
    # first, 工厂订单… would leave 企业信心足 for the second article; each title's bigrams are found
    # in its own article the other way round (春耕备耕 in the first, 工厂/订单/明年/年底/企业 in the second).
    page = split_page(ARTICLE_1 + ARTICLE_2 + "春耕备耕有序推进农业\n工厂订单排到明年年底\n企业信心足\n")
    assert _read(page) == [("春耕备耕有序推进农业", "张伟", 2), ("工厂订单排到明年年底企业信心足", "李娜", 2)]


def test_title_width_leaves_out_spaces() -> None:
    from textfix.layout import title_width
    from textfix.lines import Line

    assert title_width(Line.of("中共中央办公厅 国务院办公厅", 0, 14, 27)) == 26  # 13 characters


def test_header_number_then_sections_on_the_next_line() -> None:
    page = split_page("11\n\n社会 Society\n\n" + PAGE)
    assert page.header == {"page": "11", "section": "社会", "section_en": "Society"}
    assert page.articles[0].title == "春耕备耕有序推进"


def test_no_title_goes_on_across_a_blank_line() -> None:
    # pdfminer sets each title at the foot in a text box of its own, a blank line between: the
    # full first line is a title by itself, though the count of articles would let it go on.
    text = ARTICLE_1.replace("（记者 张伟）", "") + ARTICLE_2 + "\n春耕备耕有序推进农业\n\n工厂订单排到明年年底\n\n企业信心足\n"
    from textfix.layout import BLOCK_START, read_layout

    foot = [i for i in read_layout(text) if i.kind == "foot_title"]
    assert [(i.text, i.name) for i in foot] == [
        ("春耕备耕有序推进农业", BLOCK_START), ("工厂订单排到明年年底", BLOCK_START), ("企业信心足", BLOCK_START),
    ]
    from textfix.split import Article, _foot_titles

    _, titles = _foot_titles([Article()], foot)
    assert [t.text for t in titles] == ["春耕备耕有序推进农业", "工厂订单排到明年年底", "企业信心足"]
    # Without the blank lines both full lines go on: one article found, so one title is enough.
    foot = [i for i in read_layout(text.replace("\n\n", "\n")) if i.kind == "foot_title"]
    _, titles = _foot_titles([Article()], foot)
    assert [t.text for t in titles] == ["春耕备耕有序推进农业工厂订单排到明年年底企业信心足"]


def test_titles_at_the_foot_after_a_byline_broken_across_lines() -> None:
    # The last byline wraps: 李娜） is punctuated as a title is, but ends the byline begun on the
    # line before; the titles at the foot come after it.
    text = ARTICLE_1 + ARTICLE_2.replace("在逐年加大。（李娜）\n", "在逐年加大。（记者\n李娜）\n") + TITLE_1 + TITLE_2
    page = split_page(text)
    assert _read(page) == [("春耕备耕有序推进农业生产", "张伟", 2), ("工厂订单排到明年年底企业信心足", "李娜", 2)]


def test_long_subhead_wrapped_at_the_column() -> None:
    # Column 12 characters (24 units).  The subhead 春耕生产各项工作有序推进农资 | 供应充足 is
    # bare: its first line full (24 units: no indent), its last short (8 units) without ending a
    # sentence, then an indented first line (20 units).  Neither a paragraph nor a title.
    text = TITLE_1 + ARTICLE_1.replace("农技人员深入田间地头\n", "春耕生产各项工作有序推进\n农资供应充足\n农技人员深入田间地头\n") + TITLE_2 + ARTICLE_2
    first = split_page(text).articles[0]
    assert [(b.kind, b.text[:6]) for b in first.blocks] == [("paragraph", "眼下正值春耕"), ("heading", "春耕生产各项"), ("paragraph", "农技人员深入")]
    assert first.blocks[1].text == "春耕生产各项工作有序推进农资供应充足"


def _wrapped_subhead_at(body: str, subhead: str) -> int:
    """_wrapped_subhead at the line *subhead* of the page TITLE_1, *body*, TITLE_2, ARTICLE_2."""
    from textfix.layout import _wrapped_subhead

    lines = cut_lines(TITLE_1 + body + TITLE_2 + ARTICLE_2)
    return _wrapped_subhead(lines, [ln.text for ln in lines].index(subhead))


def test_long_subhead_wrapped_at_the_column_over_a_first_line_that_could_be_cut_short() -> None:
    # As above, but the line after the first line opens with 讲“春 (6 units: a quotation mark keeps
    # the characters on both sides of it), which would not have fitted the 4 units the first line
    # (20 of 24) leaves: read alone, it could be a full line cut short.  After the subhead's short
    # last line, which ends no sentence and so ends its block, the next line opens one all the same.
    # (Here the paragraph reader's own check then reads the subhead too; on pages measured to the
    # unit it did not, and the subhead was read as text.)
    body = ARTICLE_1.replace("农技人员深入田间地头\n开展技术指导，帮助农户解\n", "春耕生产各项工作有序推进\n农资供应充足\n农技人员深入田间地头\n讲“春耕”技术，帮农户解\n")
    assert _wrapped_subhead_at(body, "春耕生产各项工作有序推进") == 2
    first = split_page(TITLE_1 + body + TITLE_2 + ARTICLE_2).articles[0]
    assert [(b.kind, b.text[:6]) for b in first.blocks] == [("paragraph", "眼下正值春耕"), ("heading", "春耕生产各项"), ("paragraph", "农技人员深入")]
    assert first.blocks[1].text == "春耕生产各项工作有序推进农资供应充足"


# A subhead in two phrases wrapped at the column with both lines full: 春耕生产各项工作 有序推 is 23 units
# (11 characters and a space), 进农资供应充足农机具到位 24, of a column of 24; then an indented first line.
FULL_WRAPPED_SUBHEAD = "春耕生产各项工作 有序推\n进农资供应充足农机具到位\n"


@pytest.mark.parametrize("foot", [False, True])
def test_subhead_wrapped_with_a_full_last_line_is_one_subhead(foot: bool) -> None:
    # A line of prose that full would go on into the next; the next is a paragraph's indented first
    # line, so the two bare lines after the sentence end are one subhead that wrapped at the column:
    # not a title (the first line is full and in two phrases) and a heading, nor two headings.  With
    # the titles before the articles and at the foot alike.
    body = ARTICLE_1.replace("农技人员深入田间地头\n", FULL_WRAPPED_SUBHEAD + "农技人员深入田间地头\n")
    text = body + ARTICLE_2 + TITLE_1 + TITLE_2 if foot else TITLE_1 + body + TITLE_2 + ARTICLE_2
    page = split_page(text)
    assert [a.title for a in page.articles] == ["春耕备耕有序推进农业生产", "工厂订单排到明年年底企业信心足"]
    first = page.articles[0]
    assert [(b.kind, b.text[:6]) for b in first.blocks] == [("paragraph", "眼下正值春耕"), ("heading", "春耕生产各项"), ("paragraph", "农技人员深入")]
    assert first.blocks[1].text == "春耕生产各项工作 有序推进农资供应充足农机具到位"


def test_subhead_wrapped_over_three_lines_with_a_full_middle_line_is_one_subhead() -> None:
    # 春耕生产各项工作 有序推 (23 units) | 进农资供应充足农机具到位 (24, full) | 农机具已陆续运抵田间 (20:
    # as wide as an indented line, yet bare) over an indented first line (20).  The third line could
    # open a paragraph by its width, but it ends on no mark, as a subhead's short last line does:
    # the three lines are one subhead, not a subhead of two lines and a paragraph of one.
    subhead = FULL_WRAPPED_SUBHEAD + "农机具已陆续运抵田间\n"
    text = TITLE_1 + ARTICLE_1.replace("农技人员深入田间地头\n", subhead + "农技人员深入田间地头\n") + TITLE_2 + ARTICLE_2
    first = split_page(text).articles[0]
    assert [(b.kind, b.text[:6]) for b in first.blocks] == [("paragraph", "眼下正值春耕"), ("heading", "春耕生产各项"), ("paragraph", "农技人员深入")]
    assert first.blocks[1].text == "春耕生产各项工作 有序推进农资供应充足农机具到位农机具已陆续运抵田间"


def test_full_bare_lines_before_a_line_cut_short_are_no_subhead() -> None:
    # As above, but the line after the two full lines (农技人员深入田间地头, 20 units: as wide as an
    # indented first line) is followed by one opening with 2024 (set proportionally on this page:
    # 1.12 + 1.11 + 1.12 + 1.11 = 4.46 units, see ASCII_WIDTHS), which the 4 units it left would not
    # hold.  It may be a full line that the run did not fit (see _maybe_cut_short), so the full line
    # before it may go on into it: the two bare lines are no wrapped subhead.
    body = ARTICLE_1.replace("农技人员深入田间地头\n开展技术指导，帮助农户解\n", FULL_WRAPPED_SUBHEAD + "农技人员深入田间地头\n2024年开展技术指导，帮\n")
    assert _wrapped_subhead_at(body, "春耕生产各项工作 有序推") == 0


def test_a_subhead_over_a_paragraph_of_two_lines_full_to_the_unit_is_not_wrapped() -> None:
    # Column 38, marks not hanging: a subhead (36 units), then a paragraph's first line 今年以来…一百余
    # (32 units: 2 short of its 34, where 个， did not fit) and its last line 个，…点赞。 (32 units,
    # as short as an indented line).  The first line is full to the unit, so the last is its
    # paragraph's: the subhead is one line, not wrapped over 今年以来… as its short last line.
    from textfix.layout import _wrapped_subhead
    from textfix.lines import Line

    texts = ["多地推进老旧小区改造让居民住得更舒心", "今年以来全市共改造老旧小区一百余", "个，惠及居民三万多户，群众点赞。",
             "改造后的小区环境整洁，配套设施齐", "全，居民的生活更加便利了。"]
    starts = [sum(len(t) + 1 for t in texts[:i]) for i in range(len(texts))]
    lines = [Line.of(t, s, s + len(t), 2 * len(t), 38.0)._replace(hanging=False) for t, s in zip(texts, starts)]
    assert _wrapped_subhead(lines, 0) == 0


def test_a_paragraph_with_a_full_bare_line_over_its_short_last_is_no_subhead() -> None:
    # 农技人员深入田间地头 (20 units: indented) | 开展技术指导帮助农户解决 (24: full) | 难题确保春耕能顺利。
    # (20, as wide as an indented line by chance) after a sentence end: the first two lines are bare,
    # the second full, the third could open a paragraph by its width.  But an indented line opens a
    # paragraph, whose full line goes on: a subhead wraps at the column, every line full.
    extra = "农技人员深入田间地头\n开展技术指导帮助农户解决\n难题确保春耕能顺利。\n"
    text = TITLE_1 + ARTICLE_1.replace("农技人员深入田间地头\n", extra + "农技人员深入田间地头\n", 1) + TITLE_2 + ARTICLE_2
    first = split_page(text).articles[0]
    assert [b.kind for b in first.blocks] == ["paragraph", "paragraph", "paragraph"]
    assert first.blocks[1].text == "农技人员深入田间地头开展技术指导帮助农户解决难题确保春耕能顺利。"


def test_full_bare_lines_over_a_short_sentence_end_are_no_wrapped_subhead() -> None:
    # Two full bare lines (24 units each), then 难题确保春耕能顺利。 (20: as wide as an indented line):
    # a paragraph's last line may be that short, so it is no paragraph's first line for certain.
    body = ARTICLE_1.replace("农技人员深入田间地头\n", "春耕生产各项工作有序推进\n开展技术指导帮助农户解决\n难题确保春耕能顺利。\n农技人员深入田间地头\n", 1)
    assert _wrapped_subhead_at(body, "春耕生产各项工作有序推进") == 0


@pytest.mark.parametrize("lead", ["央视网消息（新闻联播\n）：春耕生产全面展开，各\n", "央视网消息（新闻联\n播）：春耕生产全面展开，\n"])
def test_full_bare_lines_over_an_article_s_lead_are_no_wrapped_subhead(lead: str) -> None:
    # Two full bare lines (24 units each) then a news lead that opens another article, as wide as an
    # indented line (央视网消息（新闻联播, 20 units) or not (18), its paragraph going on in a full
    # line (24, a comma in it: no subhead's line goes on so): pdfminer prints an article's first
    # block after another block's lines wherever that block ends; the full lines are a paragraph's
    # that goes on elsewhere, not a subhead over the lead.
    body = ARTICLE_1.replace("农技人员深入田间地头\n", "春耕生产各项工作有序推进\n开展技术指导帮助农户解决\n" + lead + "农技人员深入田间地头\n", 1)
    assert _wrapped_subhead_at(body, "春耕生产各项工作有序推进") == 0


def test_subhead_filling_the_column_is_no_title() -> None:
    # Column 12 characters (24 units).  春耕生产各项工作有序推进 is bare and 24 units wide, then an
    # indented first line (20 units): a body-size subhead within the article, not the title of a
    # new one (a title in large type is wider than the column or, on one column, shorter).  Its
    # wrapped form with a space (two phrases) stays a subhead too.
    for subhead in ("春耕生产各项工作有序推进\n", "春耕生产各项 工作有序推进\n农资供应充足\n"):
        text = TITLE_1 + ARTICLE_1.replace("农技人员深入田间地头\n", subhead + "农技人员深入田间地头\n") + TITLE_2 + ARTICLE_2
        page = split_page(text)
        assert [a.title for a in page.articles] == ["春耕备耕有序推进农业生产", "工厂订单排到明年年底企业信心足"]
        assert [b.kind for b in page.articles[0].blocks] == ["paragraph", "heading", "paragraph"]
        assert page.articles[0].blocks[1].text == subhead.replace("\n", "")


def test_subhead_filling_the_column_never_becomes_an_unsigned_title() -> None:
    # An unsigned article's title read as a subhead is found as a deep dip in topic; a subhead
    # set in body size that fills the column (layout names it BODY_SIZE) is not asked.
    from textfix.layout import BODY_SIZE, read_layout
    from textfix.split import Block, _unsigned_titles

    # Two topics that share no bigram: the similarity across the subhead is 0, below TWO_PHRASE_DIP.
    first = ["春耕备耕有序推进，各地农民抢抓农时，田间地头一派繁忙景象。" * 3, "农技人员深入田间地头开展春耕技术指导，帮助农民解决春耕难题。" * 3,
             "各地农民抢抓春耕农时，春耕备耕物资供应充足，田间地头繁忙。" * 3]
    second = ["工厂订单排到明年年底，企业负责人介绍产品销量持续增长。" * 3, "企业研发投入逐年加大，工厂订单持续增长，出口市场不断拓展。" * 3,
              "工厂负责人介绍，企业产品订单饱满，工人正在加紧生产。" * 3]
    for body_size in (False, True):
        blocks = [Block("paragraph", t, 0, 1) for t in first] + [Block("heading", "港口航运 物流畅通", 1, 2, body_size)]
        blocks += [Block("paragraph", t, 2, 3) for t in second]
        assert _unsigned_titles(blocks) == (set() if body_size else {3})
    # Column 12 characters: a subhead wrapped after a 24-unit line is named BODY_SIZE; a one-line
    # one is not, even when it fills the column (a page set in one size prints its titles so).
    for subhead, name in (("春耕生产各项工作有序推进\n农资供应充足\n", BODY_SIZE), ("春耕生产各项工作有序推进\n", "")):
        text = TITLE_1 + ARTICLE_1.replace("农技人员深入田间地头\n", subhead + "农技人员深入田间地头\n") + TITLE_2 + ARTICLE_2
        [heading] = [i for i in read_layout(text) if i.kind == "heading"]
        assert (heading.text, heading.name) == (subhead.replace("\n", ""), name)


def test_title_wrapped_over_more_lines_than_a_heading_run() -> None:
    # A title over five lines at its measure (20 units, as TITLE_2): the first is the title, the
    # next three a heading run, and the last two were read as the start of the paragraph.  一线指导生产
    # (12 units) is short without a sentence end, so no paragraph's line: the title ends there.
    title = "春耕备耕有序推进农业\n生产稳步向好各地农民\n抢抓农时田间地头繁忙\n景象一派农技人员深入\n一线指导生产\n"
    page = split_page(title + ARTICLE_1 + TITLE_2 + ARTICLE_2)
    assert _read(page) == [(title.replace("\n", ""), "张伟", 2), ("工厂订单排到明年年底企业信心足", "李娜", 2)]


def test_a_line_short_of_a_character_and_its_closing_marks_is_full() -> None:
    # 央视网消息（新闻联 (18 units) in a column of 26, as a first line 4 units short: 播）： (6 units)
    # goes down whole where marks do not hang, so the line is full and no title's last line.
    from textfix.layout import _full_before
    from textfix.lines import Line

    first = Line.of("央视网消息（新闻联", 0, 9, 18, 26.0)
    assert _full_before(first, True, Line.of("播）：今年以来，各地持续推", 10, 23, 26, 26.0))
    assert not _full_before(first, True, Line.of("今年以来，各地持续推进乡村", 10, 23, 26, 26.0))


def test_first_line_cut_short_by_a_digit_run() -> None:
    # Column 12 characters (24 units).  民航计划执行航班 (16 units) after a full line ending 。: as a
    # first line it left 4 units, too few for 18699 (5, and digits are set wider than a unit), as a
    # line of the paragraph 8, enough.  So it opens a paragraph (16 + 5 is no indented width: the
    # older rule, which expects the run to fill the line to an indent exactly, misses it).
    article = ("眼下正值春耕备耕关键\n时期，各地农民抢抓农时，\n田间地头一派繁忙景象，处\n处都是忙碌的身影，很忙。\n"
               "民航计划执行航班\n18699班，运力充足，旅客\n出行平稳有序。（记者 张伟）\n")
    page = split_page(TITLE_1 + article + TITLE_2 + ARTICLE_2)
    assert [b.text[:4] for b in page.articles[0].blocks] == ["眼下正值", "民航计划"]


def test_stretched_spaces_between_names() -> None:
    # pdfminer prints a space the justification stretched as several: （记者   刘洋   杨帆）.
    assert FINDER.find("成果。（记者   刘洋   杨帆）") == (3, "（记者   刘洋   杨帆）", "刘洋杨帆")
    assert FINDER.find_dateline("新华社昆明6月23日电（记者   罗希   杨帆）我国") == (11, 25, "罗希杨帆")


def test_one_line_title_at_the_page_measure_gets_its_tail_back() -> None:
    # 春耕备耕有序推进农业 (20 units) is as wide as the page's widest title line (TITLE_2's): it may go
    # on.  生产向好，各地农民抢 (20, a comma: no subhead) and 抓农时 (6, short, no sentence end) are its
    # tail, read as the start of the paragraph; 眼下正值春耕备耕关键 can open a paragraph.
    title = "春耕备耕有序推进农业\n生产向好，各地农民抢\n抓农时\n"
    page = split_page(title + ARTICLE_1 + TITLE_2 + ARTICLE_2)
    assert _read(page) == [("春耕备耕有序推进农业生产向好，各地农民抢抓农时", "张伟", 2), ("工厂订单排到明年年底企业信心足", "李娜", 2)]
    assert page.articles[0].blocks[0].text.startswith("眼下正值")


# A page's first article, column 12 characters (24 units): the pages below go on from it.
OPENING = """民众意见出现分歧
今年以来，多国民众围
绕安全政策展开讨论，不少
人认为应当加强对话与合
作，避免局势进一步升级，
也有人担心军费开支挤占民
生投入，影响经济复苏和就
业。
"""

# Column 12 characters (24 units).  示，48%的民众反对在本 is 21 units with % one unit, 22.08 with
# 48% set proportionally (ASCII_WIDTHS: % about a CJK character): the next character, 2 units, did not
# fit.  Read one unit wide, the line ends 3 short, and the bare first line before it (媒体公布的一
# 项调查显, 20 units) looked like a subhead with its paragraph after it.
PERCENT_PAGE = OPENING + """媒体公布的一项调查显
示，48%的民众反对在本
国建立外国军事基地。
"""


def test_a_line_full_with_a_proportional_percent_sign() -> None:
    from textfix.lines import cut_lines

    assert [ln.proportional for ln in cut_lines(PERCENT_PAGE)][:1] == [True]
    page = split_page(PERCENT_PAGE)
    assert [(b.kind, b.text[:4]) for b in page.articles[0].blocks] == [("paragraph", "今年以来"), ("paragraph", "媒体公布")]


# Column 12 characters (24 units), ASCII set proportionally (the 48% line).  The body font sets a
# middle dot 0.65 units (Noto Serif CJK SC), not the 2 its East Asian width counts: 玛丽亚·索萨9日呼吁各
# is 18 + 1.12 + 0.65 = 19.77 units, an indented first line (20 units of room) the next character
# (方, 2) did not fit.  Counted 2 units, it was 21.12, over the indented measure: a line going on from
# the full line ending in 。 before it, and its paragraph was read as the end of that one.
DOT_PAGE = PERCENT_PAGE.replace("国建立外国军事基地。", "国建立外国军事基地计划。") + """玛丽亚·索萨9日呼吁各
方保持克制，避免局势进一
步升级。
"""


def test_a_middle_dot_at_its_printed_width_on_a_proportional_page() -> None:
    page = split_page(DOT_PAGE)
    assert [(b.kind, b.text[:4]) for b in page.articles[0].blocks] == [
        ("paragraph", "今年以来"), ("paragraph", "媒体公布"), ("paragraph", "玛丽亚·"),
    ]


# Column 12 characters (24 units).  Latin capitals are set wider than a digit: D, N and A at 1.54,
# 1.59 and 1.44 units (Noto Serif CJK), so DNA研究进入世界前列， is 18 + 4.57 = 22.57 units and the
# next character (多, 2) did not fit: a full line.  Read at a digit's width (1.05, 21.15 units) it
# ended 2.85 short, was no line of a paragraph, and the bare first line before it (研究团队推动我国
# 古代, 20 units: an indented first line) was taken for a subhead.
CAPITALS_PAGE = OPENING + """研究团队推动我国古代
DNA研究进入世界前列，
多项成果发表在国际期刊
上。
"""


def test_a_line_full_with_latin_capitals_at_their_printed_width() -> None:
    page = split_page(CAPITALS_PAGE)
    assert [(b.kind, b.text[:4]) for b in page.articles[0].blocks] == [("paragraph", "今年以来"), ("paragraph", "研究团队")]


# Column 12 characters (24 units), ASCII set proportionally (示，48%的民众反对在本 is full only so).
# 城区3小时圈 正是区域 opens a paragraph: 8 characters, 3 at 1.11 and the space, 20.11 units, an
# indented first line's 20 and the width's error (PROPORTIONAL_TOLERANCE) over; the next character (协,
# 2) did not fit, and the line after it fills the column.  Read as too long for a subhead, its two
# phrases made it a title mid-page, and the paragraph's first line opened a new article.
SPACED_FIRST_LINE_PAGE = OPENING + """媒体公布的一项调查显
示，48%的民众反对在本
国建立外国军事基地。
城区3小时圈 正是区域
协同发展的生动缩影，也是
各地打破行政壁垒、共享资
源的成果。
"""


def test_an_indented_first_line_with_a_digit_and_a_space_is_no_title() -> None:
    from textfix.layout import read_layout

    assert [ln.proportional for ln in cut_lines(SPACED_FIRST_LINE_PAGE)][:1] == [True]
    assert [(it.kind, it.text[:4]) for it in read_layout(SPACED_FIRST_LINE_PAGE)] == [
        ("title", "民众意见"), ("paragraph", "今年以来"), ("paragraph", "媒体公布"), ("paragraph", "城区3小")]


def test_ascii_one_unit_wide_where_lines_fill_so() -> None:
    # The same page as a model of print sets it, % one unit: 示，48%的民众反对在本国 (23 units) fills
    # the line, 示，48%的民众反对在本 (21) would not: the page is read one unit to an ASCII character.
    from textfix.lines import cut_lines

    page = PERCENT_PAGE.replace("示，48%的民众反对在本\n国", "示，48%的民众反对在本国\n")
    assert not any(ln.proportional for ln in cut_lines(page))


# Column 12 characters (24 units), ASCII set proportionally.  The title 2024年全市经济指标稳增长 is
# 24 units read one to a digit (24.46 as set): in large type it happens to fill the column, the one
# line on the page full only read one unit to a character.  Three lines are full only read
# proportionally (示，48%的民众反对在本, 有52%的民众认为应当在, 2024年，全市规模以上工: 21 or
# 22 units, over 22 as set, the next character 2).  增加值平稳增长。 leaves 4 units after an
# indent; 2024 (4.45 as set) did not fit it, so the line is full as a first line and the paragraph
# goes on; read one unit to a digit, 2024 would have fitted and the paragraph would end there.
TITLE_FILLS_COLUMN_PAGE = "2024年全市经济指标稳增长\n" + OPENING.split("\n", 1)[1] + """媒体公布的一项调查显
示，48%的民众反对在本
国建立外国军事基地，另
有52%的民众认为应当在
本国加强防务合作。
增加值平稳增长。
2024年，全市规模以上工
业增加值同比增长五个百
分点，高于全国平均水平。
"""


def test_one_title_line_full_at_one_unit_does_not_outweigh_the_body() -> None:
    from textfix.lines import cut_lines

    assert all(ln.proportional for ln in cut_lines(TITLE_FILLS_COLUMN_PAGE))
    page = split_page(TITLE_FILLS_COLUMN_PAGE)
    assert [(b.kind, b.text[:4]) for b in page.articles[0].blocks] == [
        ("paragraph", "今年以来"), ("paragraph", "媒体公布"), ("paragraph", "增加值平"),
    ]


def test_run_opening_takes_the_marks_that_go_down_with_it() -> None:
    from textfix.lines import Line, run_opening

    assert run_opening(Line.of("《2024年全省林草资源", 0, 11, 20)) == 2 + 4  # 《 cannot end a line
    assert run_opening(Line.of("35%，同比增长", 0, 8, 14)) == 3 + 2  # ， cannot open one
    from textfix.lines import ASCII_WIDTHS

    proportional = Line.of("35%，同比增长", 0, 8, 14)._replace(proportional=True)
    assert run_opening(proportional) == pytest.approx(ASCII_WIDTHS["3"] + ASCII_WIDTHS["5"] + ASCII_WIDTHS["%"] + 2)
    assert run_opening(Line.of("今年以来", 0, 4, 8)) == 0


def test_opening_unit_what_cannot_be_parted_from_a_line_start() -> None:
    from textfix.lines import Line, is_full, opening_unit

    def line(text: str, width: float = 0, column: float = 0.0) -> Line:
        return Line.of(text, 0, len(text), width, column)

    assert opening_unit(line("域、跨领域联合攻关")) == 4  # 、 cannot open a line: 域 goes down with it
    assert opening_unit(line("播）：今天")) == 6
    assert opening_unit(line("山”等多条线路")) == 6  # no break on either side of a quotation mark
    assert opening_unit(line("今年以来")) == 2
    assert opening_unit(None) == 0
    # Column 36: a line 3 short (an ASCII character in it) is full when the next opens with 域、
    # (4 units), not with 今 (2).
    assert is_full(line("眼下，长三角3个科技创新项目跨", 33, 36.0), nxt=line("域、跨领域联合攻关"))
    assert not is_full(line("眼下，长三角3个科技创新项目跨", 33, 36.0), nxt=line("今年以来"))


def test_a_prefix_sign_goes_down_with_what_follows_it() -> None:
    # UAX 14 LB23a (PR × ID) and LB25 (PR × NU): a + keeps the character or digits after it.
    from textfix.lines import Line, is_full, opening_unit

    def line(text: str, width: float = 0, column: float = 0.0) -> Line:
        return Line.of(text, 0, len(text), width, column)

    assert opening_unit(line("+文旅”新业态不断涌现")) == 1 + 2  # + 文 (the quote comes after 旅)
    assert opening_unit(line("+5%的增长")) == 1 + 1 + 1  # +5%, one unit each where not proportional
    assert opening_unit(line("+”行动正在推进")) == 1 + 2 + 2  # the quotation mark keeps + and 行 itself
    # Measured to the unit (marks not hanging, ASCII as set), column 26: a line of 24 (one
    # character's room) is full when the next opens with +文 (3), not with 文 (2).
    exact = line("各地推动文旅深度融合，打造“数字", 24, 26.0)._replace(hanging=False, proportional=True)
    assert is_full(exact, nxt=line("+文旅”新业态不断涌现")._replace(hanging=False, proportional=True))
    assert not is_full(exact, nxt=line("文旅”新业态不断涌现")._replace(hanging=False, proportional=True))


def test_a_line_measured_to_the_unit_allows_for_its_digits_error() -> None:
    # Measured to the unit (marks not hanging, ASCII as set), column 26: a line with digits measured
    # 23.9 leaves 2.1 units, 0.1 more than 名 needs; within PROPORTIONAL_TOLERANCE (0.25) of full,
    # it is full when it ends no sentence and is too wide for an indented first line (19-22).
    from textfix.lines import Line, is_full

    def line(text: str, width: float, column: float = 26.0) -> Line:
        return Line.of(text, 0, len(text), width, column)._replace(hanging=False, proportional=True)

    nxt = line("名旅客乘坐本次列车出行", 22.0)
    assert is_full(line("G1234次列车，车上共有185", 23.9), nxt=nxt)
    assert not is_full(line("G1234次列车，车上共有185。", 23.9), nxt=nxt)  # ends a sentence: may end a paragraph
    assert not is_full(line("G1234次列车，车上共有185", 23.6), nxt=nxt)  # 0.4 short: beyond the error
    assert not is_full(line("各地列车车上共有旅客", 24.0), nxt=nxt)  # nothing measured as set: exact
    # Column 28: 23.9 is an indented first line's width (21-24): read so, not as a full line measured short.
    assert not is_full(line("G1234次列车，车上共有185", 23.9, 28.0), nxt=line("名、旅客乘坐本次列车", 22.0, 28.0))
    assert is_full(line("G1234次列车，车上共有185", 23.9, 28.0), first=True, nxt=line("名、旅客乘坐本次列车", 22.0, 28.0))


def test_a_dash_pair_and_a_hyphen_go_down_whole() -> None:
    from textfix.lines import ASCII_WIDTHS, Line, is_full, opening_unit

    def line(text: str, width: float = 0, column: float = 0.0) -> Line:
        return Line.of(text, 0, len(text), width, column)

    assert opening_unit(line("——奥尔洛夫斯克彼得罗帕夫卡")) == 4  # never broken inside the pair
    assert opening_unit(line("约-4℃。第十批援藏干部")) == 2 + 1 + 1 + 2 + 2  # 约 keeps the hyphen, the hyphen 4℃。
    assert opening_unit(line("约-4℃。第十批")._replace(proportional=True)) == pytest.approx(6 + ASCII_WIDTHS["-"] + ASCII_WIDTHS["4"])
    assert opening_unit(line("约束各方")) == 2
    # UAX 14 LB21 (× HY): a character keeps the hyphen after it whatever follows (a transliterated
    # name: 尔-埃里安), and a line may break after the hyphen before a character (穆斯塔法- | 卡里姆).
    assert opening_unit(line("尔-埃里安的话")) == 2 + 1
    # Measured to the unit (marks not hanging, ASCII as set): column 40, a line of 38 is full when
    # the next opens with the dash pair (4 units did not fit the 2 left), not with a character.
    exact = line("地震台网测定本次地震震中距离该州首府", 38, 40.0)._replace(hanging=False, proportional=True)
    assert is_full(exact, nxt=line("——奥尔洛夫斯克彼得罗帕夫卡市")._replace(hanging=False, proportional=True))
    assert not is_full(exact, nxt=line("奥尔洛夫斯克彼得罗帕夫卡市")._replace(hanging=False, proportional=True))


# Column 12 characters (24 units); marks do not hang: a closing mark that does not fit takes the
# character before it down (人认为应当加强对话与合 | 作，…, 公报显示林地面积增加， | 草、…: both lines
# 22 units, the next opening with a character and its mark).  公报显示林地面积增加， is then a
# full line, not an indented first line whose comma hangs (20 + 2), and the bare line before it
# (全国绿化委员会发布的, 20) opens its paragraph, no subhead.
PULLED_PAGE = OPENING + """全国绿化委员会发布的
公报显示林地面积增加，
草、灌、乔结合的治理模式
成效明显。
"""


def test_marks_that_do_not_hang() -> None:
    from textfix.lines import cut_lines

    assert not cut_lines(PULLED_PAGE)[0].hanging
    page = split_page(PULLED_PAGE)
    assert [(b.kind, b.text[:4]) for b in page.articles[0].blocks] == [("paragraph", "今年以来"), ("paragraph", "全国绿化")]


# Column 12 characters (24 units), and no line that tells whether marks hang: none is wider than the
# column, and none leaves room for a character before a line that opens with one and its mark.  The
# paragraph 观众在直播间里实时观 | 看了火箭发射整个过程。 has an indented first line (20) and a last
# line a character short (22).  Read as a page that hangs marks, the last line were an indented first
# line (20) with its stop hanging, and the bare line before it a subhead.
NO_EVIDENCE_PAGE = """民众意见出现分歧
今年以来多国民众围绕
安全政策展开讨论，不少人
认为应加强对话与合作，避
免局势进一步升级，也有人
担心军费开支挤占民生投入
影响经济复苏。
观众在直播间里实时观
看了火箭发射整个过程。
卫星入轨后顺利进入了
预定轨道各项系统工作正常
整个发射任务圆满完成了。
"""


def test_a_page_that_shows_no_hanging_marks_is_read_as_not_hanging_them() -> None:
    assert not cut_lines(NO_EVIDENCE_PAGE)[0].hanging
    page = split_page(NO_EVIDENCE_PAGE)
    assert [(b.kind, b.text[:4]) for b in page.articles[0].blocks] == [
        ("paragraph", "今年以来"), ("paragraph", "观众在直"), ("paragraph", "卫星入轨"),
    ]


# Column 12 characters (24 units), ASCII one unit a character, marks hanging (as
# corpora/generate_pages.py sets them): 快，达到了全部投资的一半， is 26 units, its comma past the
# column.  累计完成投资总额达135亿 and 新开工项目数量共计有284 are 23: the character after them (元,
# 个: 2 units) did not fit the unit left, so that it goes down with its comma says nothing of
# whether the comma could have hung.  Counted as lines a character short, they outnumbered the
# one hanging comma.
ROOM_ONE_PAGE = """产业发展取得新进展
今年以来全市工业经济
稳中向好，全年共完成投资
累计完成投资总额达135亿
元，同比增长两成以上，其
中高新技术产业投资增长最
快，达到了全部投资的一半，
新开工项目数量共计有284
个，比上年增加三十多个。
"""


def test_a_character_that_did_not_fit_a_unit_is_no_evidence_marks_do_not_hang() -> None:
    assert cut_lines(ROOM_ONE_PAGE)[0].hanging


def test_a_first_line_full_only_as_a_first_line() -> None:
    from textfix.layout import _looks_first
    from textfix.lines import Line

    # Column 30: 该国总理卡尔松在27日表 is 20 units and two digits (2.22 proportionally, ASCII_WIDTHS),
    # 8 short, no indented width (23–26); the next line opens with 示，, 4 units, which did not fit
    # the 3.78 an indented line left but would have fitted the 7.78 of a line of the paragraph.
    first = Line.of("该国总理卡尔松在27日表", 0, 12, 20 + 1.12 + 1.10, 30.0)._replace(proportional=True)
    assert _looks_first(first, Line.of("示，支持以谈判化解地区争端", 13, 26, 26, 30.0))
    assert not _looks_first(first, Line.of("今天表示支持以谈判化解地区", 13, 26, 26, 30.0))


# Column 12 characters (24 units).  A sub-story's headline set in body size with a colon in it,
# wrapped at the column (海外学者：某国为谋取私利, full, then 不断制造摩擦, short without a sentence
# end), before the indented first line of its paragraph: a subhead, as a bare one would be.
COLON_PAGE = OPENING + """海外学者：某国为谋取私利
不断制造摩擦
海外学者指出，某国为
了谋取自身私利，不断制造
摩擦和冲突，给世界带来动
荡。
"""


def test_a_wrapped_subhead_with_a_colon() -> None:
    page = split_page(COLON_PAGE)
    assert [(b.kind, b.text) for b in page.articles[0].blocks][1] == ("heading", "海外学者：某国为谋取私利不断制造摩擦")
    assert len(page.articles) == 1 and len(page.articles[0].blocks) == 3


# Column 12 characters (24 units).  A sub-story's headline with a colon (外长：不允许掩盖真相, 20
# units) as wide as an indented first line, then the indented first line of its text (外长二日在会期
# 间表示, 20) going on into a full one: a paragraph's first line is followed by a full line, not by
# another first line, so the headline is a subhead, as a bare one would be.
COLON_INDENT_WIDE_PAGE = OPENING + """外长：不允许掩盖真相
外长二日在会期间表示
西方国家称报道为无稽之谈
并置之不理，俄方对此不能
接受。
"""


def test_a_colon_subhead_as_wide_as_an_indented_line() -> None:
    page = split_page(COLON_INDENT_WIDE_PAGE)
    assert [(b.kind, b.text[:6]) for b in page.articles[0].blocks] == [
        ("paragraph", "今年以来，多"), ("heading", "外长：不允许"), ("paragraph", "外长二日在会"),
    ]


# Column 12 characters (24 units), lines printed without their indent (as pdfium prints them).  A
# list whose items end with no sentence mark: item 1's last line is short (展和乡村全面振兴, 16
# units), which only a paragraph's last line is, so the item ended there.  Item 2's last line (力并推
# 动创新驱动发展, 20) is full by its width to what opens item 3 (3.2035, 6 units in the 4 left), yet
# 3. follows 2.: a new item.  After the list, a title over a byline line opens the next article.
LIST_PAGE = OPENING + """任务分别是：
1.推进城乡区域协调发
展和乡村全面振兴
2.持续深化改革开放
推动产业升级并不断增强活
力并推动创新驱动发展
3.2035年基本建成区域
性中心城市
国务院召开常务会议
本报记者 马俊
国务院总理李强主持
召开国务院常务会议，研究
部署进一步稳定和扩大就业
的政策措施，会议指出要统
筹做好各项工作并抓好落实
会议强调要全面贯彻落实党
中央决策部署，巩固经济回
升向好势头。
"""


def test_list_items_without_sentence_marks_are_paragraphs() -> None:
    page = split_page(LIST_PAGE)
    first, second = page.articles
    assert [b.text for b in first.blocks[1:]] == [
        "任务分别是：", "1.推进城乡区域协调发展和乡村全面振兴", "2.持续深化改革开放推动产业升级并不断增强活力并推动创新驱动发展", "3.2035年基本建成区域性中心城市",
    ]
    assert (second.title, second.byline) == ("国务院召开常务会议", "马俊")


# Column 12 characters (24 units).  A paragraph ending on a colon that introduces the next (…的通知。
# 全文如下：): its last line (文如下：, 8 units) is short, which no line inside a paragraph is, and the
# next line (编辑出版这部文件汇, 18) is as wide as an indented first line.
COLON_END_PAGE = OPENING + """近日，中共中央发出关
于学习文件汇编的通知。全
文如下：
编辑出版这部文件汇
编，是党中央作出的重大决
定，对推动学习具有重要意
义。
"""


def test_a_paragraph_ending_on_a_colon() -> None:
    page = split_page(COLON_END_PAGE)
    assert [b.text[-6:] for b in page.articles[0].blocks] == ["复苏和就业。", "。全文如下：", "有重要意义。"]


def test_full_to_the_unit_where_marks_do_not_hang() -> None:
    from textfix.lines import Line, is_full

    # Column 28, a line 2 short: a character more would have fitted unless what opens the next
    # line is wider (域、, 4).  Only a page measured to the unit (ASCII proportional, marks not
    # hanging) tells so; elsewhere a line 2 short is full (FULL_SLACK).
    line = Line.of("这几起典型问题分别是：", 0, 11, 22, 28.0)._replace(proportional=True, hanging=False)
    plain, unit = Line.of("一些地方政府部门对群众反", 12, 24, 24, 28.0), Line.of("域、跨领域联合攻关", 12, 21, 18, 28.0)
    assert not is_full(line, True, plain)
    assert is_full(line, True, unit)
    assert is_full(line._replace(hanging=True), True, plain)


def test_a_byline_broken_over_three_lines() -> None:
    # pdftotext breaks the stretched space between the two characters of a name as a line:
    # …之旅。（本报记者 | 马 | 俊）.  The byline is found in the three lines joined, and the next
    # article's 本报通讯员 郭晨 line then opens it.
    body = ("眼下正值春耕备耕关键\n时期，各地农民抢抓农时，\n田间地头一派繁忙景象，处\n处都是忙碌的身影。（本报记者\n马\n俊）\n")
    page = split_page(TITLE_1 + body + TITLE_2 + "本报通讯员 郭晨\n" + ARTICLE_2.split("（", 1)[0] + "\n")
    assert [(a.byline, a.byline_text) for a in page.articles][0] == ("马俊", "（本报记者马俊）")
    assert page.articles[1].byline == "郭晨"


def test_pdfium_marks_a_line_broken_at_a_hyphen() -> None:
    # pdfium joins 穆斯塔法- | 卡里姆… into one line and puts U+FFFE where the hyphen and the break
    # were.  The mark ends the printed line (the joined one would be wider than the column and
    # read as a title) and reads as the hyphen.
    from textfix.lines import cut_lines

    body = "该国能源大臣穆斯塔\ufffe卡里姆警告，全球\n炼油不足可能导致短缺。\n"
    assert [ln.text for ln in cut_lines(body)] == ["该国能源大臣穆斯塔\ufffe", "卡里姆警告，全球", "炼油不足可能导致短缺。"]
    page = split_page(TITLE_1 + ARTICLE_1 + TITLE_2 + "在江苏常州的一家工厂\n里，该国能源大臣穆斯塔\ufffe卡里姆警告，全球\n炼油不足可能导致短缺。（李娜）\n")
    assert page.articles[1].blocks[0].text == "在江苏常州的一家工厂里，该国能源大臣穆斯塔-卡里姆警告，全球炼油不足可能导致短缺。"


def test_a_full_first_line_before_a_last_line_as_short_as_a_first() -> None:
    from textfix.layout import _closes_paragraph
    from textfix.lines import Line

    # Column 38: 来访的外国总统3月26日上午前往天安 is 33.15 units (ASCII proportional), full as a
    # first line (0.85 left, 门 needs 2); the next line, 34 units and ending the sentence, is as
    # short as a first line.  Measured to the unit, the two are one paragraph; elsewhere not told.
    first = Line.of("来访的外国总统3月26日上午前往天安", 0, 18, 33.15, 38.0)
    last = Line.of("门广场，参观人民英雄纪念碑并合影。", 19, 36, 34, 38.0)
    assert _closes_paragraph(first._replace(proportional=True, hanging=False), last)
    assert not _closes_paragraph(first, last)


def test_a_first_line_of_ideographs_full_to_a_character_and_its_comma() -> None:
    from textfix.layout import _closes_paragraph, _heading_run
    from textfix.lines import Line

    # Column 38, marks not hanging: 全市…换用新教 (16 ideographs, 32 units) leaves 2 units of its
    # first line's 34, too few for 材， (a comma opens no line: 4 units went down).  The next line
    # (17 characters, 34 units, ending the sentence) is as short as a first line, but no character
    # of either line is measured other than as set: the two are one paragraph, not a subhead over one.
    first = Line.of("全市中小学今年秋季起统一换用新教", 0, 16, 32, 38.0)._replace(hanging=False)
    last = Line.of("材，各校已完成教师培训和课程安排。", 17, 34, 34, 38.0)._replace(hanging=False)
    after = Line.of("新教材在内容上更加贴近学生的日常生", 35, 52, 34, 38.0)._replace(hanging=False)
    assert _closes_paragraph(first, last)
    assert _heading_run([first, last, after], 0) == 0
    # Where closing marks hang, 材 and its comma would have fitted: a short line, as a subhead's.
    assert not _closes_paragraph(first._replace(hanging=True), last)
    # A digit, set one unit here though it may be printed wider, leaves the measure inexact.
    digit = Line.of("全市中小学今年秋季起统一换用3版", 0, 16, 31, 38.0)._replace(hanging=False)
    assert not _closes_paragraph(digit, last)


def test_a_first_line_cut_short_by_a_percentage() -> None:
    from textfix.lines import Line, opening_unit

    # 6.3％，: the full-width ％ goes down with the digits (no line opens with it), and the comma
    # with them: 3 units of digits, 2 for ％, 2 for the comma.
    line = Line.of("6.3％，高于全国", 0, 9, 15, 32.0)
    assert opening_unit(line) == 3 + 2 + 2
    # Column 32: 2023年本省全年GDP增长 (21 units) is a bare first line 7 short of its measure, too
    # little for 6.3％，: a paragraph's first line, not a subhead.
    page = split_page(TITLE_1 + "2023年本省全年GDP增长\n6.3％，高于全国百分点，多项\n经济指标增速位居中部前列。\n（记者 张伟）\n"
                      + TITLE_2 + ARTICLE_2)
    assert [b.kind for b in page.articles[0].blocks] == ["paragraph"]



def test_a_quotation_mark_keeps_what_touches_it_on_both_sides() -> None:
    # UAX 14 breaks on neither side of a quotation mark (class QU): 桥”“高 and 建“一 go down whole,
    # as does 站”12 with the digit run after the quote.
    from textfix.lines import Line, is_full, opening_unit

    def line(text: str, width: float = 0, column: float = 0.0) -> Line:
        return Line.of(text, 0, len(text), width, column)

    assert opening_unit(line("桥”“高铁”一个个重大工程")) == 8
    assert opening_unit(line("建“一带一路”合作")) == 6
    assert opening_unit(line("站”12日正式开通")) == 6
    # Column 28: a line 4 units short is full when 建“一 (6 units) opens the next.
    assert is_full(line("愿进一步推动高质量共", 24, 28.0), nxt=line("建“一带一路”合作"))


def test_an_ellipsis_keeps_the_character_before_it() -> None:
    # UAX 14 breaks before no ellipsis (class IN): 唱…… goes down whole, 6 units.
    from textfix.layout import _heading_run
    from textfix.lines import Line, is_full, opening_unit

    def line(text: str, start: int, width: float) -> Line:
        return Line.of(text, start, start + len(text), width, 26.0)._replace(hanging=False)

    # Column 26, marks not hanging: 在村里食堂吃一顿热乎 is an indented first line 2 units short of
    # its 22 (饭， did not fit); 饭，在村文化站里吹拉弹 is 4 units short of the column, where 唱……
    # did not fit.  Both lines are full: one paragraph, not a subhead over its first line.
    first = line("在村里食堂吃一顿热乎", 0, 20)
    second = line("饭，在村文化站里吹拉弹", 11, 22)
    third = line("唱……夜色里，村口的广场上", 23, 26)
    last = line("还有人在跳广场舞。", 37, 18)
    assert opening_unit(third) == 6
    assert is_full(second, nxt=third)
    assert _heading_run([first, second, third, last], 0) == 0


def test_a_space_inside_a_cited_title_is_no_title_s_space() -> None:
    from textfix.lines import two_phrases

    assert two_phrases("春耕备耕有序推进 农业生产稳步向好")
    assert not two_phrases("他发表题为《携手同行 共")  # the 《 is still open: prose citing a title
    assert two_phrases("《春耕》杂志刊文 农业生产稳步向好")  # closed before the space


# Column 12 characters (24 units).  The first article ends on a sentence, unsigned; the second's
# title wraps over three lines (the first 20 units: short enough for a subhead; the second ends on a
# comma), and a dateline opens its first paragraph: only an article's lead opens so.
LED_TITLE = "《春耕》杂志发表评论\n文章《抓住农时，\n种好粮食》\n"
DATED_ARTICLE = """新华社广州6月10日电
（记者 许诺）在江苏常州
的一家工厂里，工人们正在
组装新型机器人，订单已经
排到了明年年底。
企业负责人介绍，今年
以来产品销量持续增长，出
口市场不断拓展，研发投入
也在逐年加大。
"""
UNSIGNED_ARTICLE_1 = ARTICLE_1.replace("（记者 张伟）", "")


def test_title_lines_before_a_dateline_are_the_next_article_s_title() -> None:
    page = split_page(TITLE_1 + UNSIGNED_ARTICLE_1 + LED_TITLE + DATED_ARTICLE)
    assert [(a.title, a.byline) for a in page.articles] == [
        ("春耕备耕有序推进农业生产", ""), ("《春耕》杂志发表评论文章《抓住农时，种好粮食》", "许诺")]


def test_a_column_wide_line_over_a_byline_line_is_a_title() -> None:
    # 工厂订单排到明年年底企业 fills the column (24 units): no subhead's shape, but a byline line
    # under it (本报通讯员 李娜) only comes under a title.
    page = split_page("春耕备耕有序推进\n" + UNSIGNED_ARTICLE_1 + "工厂订单排到明年年底企业\n本报通讯员 李娜\n" + ARTICLE_2.replace("（李娜）", ""))
    assert [(a.title, a.byline) for a in page.articles] == [("春耕备耕有序推进", ""), ("工厂订单排到明年年底企业", "李娜")]


def test_a_bracket_left_open_over_two_lines_at_the_foot_goes_on() -> None:
    # Measure 24 units.  《春耕》杂志发表文章《抓 opens a bracket; 住农时种好粮食保障 (18, short of
    # the measure) opens none itself but leaves it open: it goes on into 给》 too.
    foot = "工厂订单排到明年年底企业\n《春耕》杂志发表文章《抓\n住农时种好粮食保障\n给》\n"
    page = split_page(ARTICLE_2 + ARTICLE_1 + foot)
    assert [a.title for a in page.articles] == ["工厂订单排到明年年底企业", "《春耕》杂志发表文章《抓住农时种好粮食保障给》"]


def test_a_byline_after_a_sentence_end_left_garbled() -> None:
    # 遥 is the garbled 。 (GB2312 lead byte + 0x31): a byline after it still ends the article; after
    # a plain ideograph a name alone is no byline (（张伟） in prose), one labelled 记者 is (a name
    # list ends on no sentence end: test_layout.py).
    finder = BylineFinder("", "", "遥")
    assert finder.find("运抵边境遥（胡波）") == (5, "（胡波）", "胡波")
    assert finder.find("运抵边境站（胡波）") is None
    assert FINDER.find("运抵边境遥（胡波）") is None  # without the model's forms
    assert FINDER.find("运抵边境站（记者 胡波）") == (5, "（记者 胡波）", "胡波")


# Column 12 characters (24 units), marks not hanging (人认为应当加强对话与合 | 作，: OPENING).  Two full
# lines of a paragraph after a sentence end: 双方愿进一步深化各领域 (22 units: 域 fits, 务 would not)
# and 务实合作，携手推动共 (20, an indented first line's width), which ended there because 建“一 (6
# units: no break on either side of a quotation mark) did not fit the 4 left.  The bare line is
# no subhead over an indented first line: the short line is a full one, cut short.
CUT_SHORT_PAGE = OPENING + """与会代表认为，中方始终
坚持相互尊重、平等互利。
双方愿进一步深化各领域
务实合作，携手推动共
建“一带一路”走深走实。
"""


def test_a_line_cut_short_by_what_opens_the_next_is_no_first_line_under_a_subhead() -> None:
    page = split_page(CUT_SHORT_PAGE)
    assert [(b.kind, b.text[:4]) for b in page.articles[0].blocks] == [("paragraph", "今年以来"), ("paragraph", "与会代表")]


# Column 12 characters (24 units).  截至八月底，各省 (16 units) is a paragraph's first line, full as one:
# 区“一 (6 units) did not fit the 4 its indent left.  The line after, 区“一带一路”重点项 (20 units), is
# as wide as an indented first line, yet full too: 目“进 (6) did not fit the 4 left.  So the first
# line runs on, and is no subhead (one with a comma in it) over a paragraph.
CONTINUED_PAGE = OPENING + """与会代表认为，中方始终
坚持相互尊重、平等互利。
截至八月底，各省
区“一带一路”重点项
目“进度条”持续刷新。
"""


def test_a_line_that_runs_on_into_a_line_cut_short_is_no_subhead() -> None:
    page = split_page(CONTINUED_PAGE)
    assert [(b.kind, b.text[:4]) for b in page.articles[0].blocks] == [("paragraph", "今年以来"), ("paragraph", "与会代表"), ("paragraph", "截至八月")]


# Column 12 characters (24 units).  A paragraph of two lines signed at its end: 有关部门负责人一同
# (18 units) is full as its first line (出席。, 4 units, did not fit the 2 its indent left), and the
# line after carries the text before the byline.  The bare first line is no subhead over a byline.
SIGNED_PAGE = OPENING + """有关部门负责人一同
出席。（记者 张伟）
"""


def test_a_first_line_over_its_signed_last_line_is_no_subhead() -> None:
    page = split_page(SIGNED_PAGE)
    assert [(b.kind, b.text[:4]) for b in page.articles[0].blocks] == [("paragraph", "今年以来"), ("paragraph", "有关部门")]
    assert page.articles[0].byline == "张伟"


# A title (20 units, the title measure) and a deck of seven headline lines in body size over a dated
# lead: nine headline lines, more than a title takes (MAX_TITLE_LINES), so the first is read as the
# title and the deck under it stays the same article's, not a second title over the lead.
DECK = "常州机器人产线满负荷运转\n企业研发投入逐年加大\n出口市场不断拓展\n产品销量持续增长\n工人们正在组装新型机器人\n订单已经排到明年年底\n新型机器人走向世界\n"


def test_headline_lines_under_a_title_are_its_deck_not_the_next_title() -> None:
    page = split_page(TITLE_1 + ARTICLE_1 + "工厂订单排到明年年底\n企业信心足\n" + DECK + DATED_ARTICLE)
    # (The deck is read into the first paragraph, which then no longer opens with its dateline: the
    # credit is not read as the byline.  A known gap.)
    assert [a.title for a in page.articles] == ["春耕备耕有序推进农业生产", "工厂订单排到明年年底企业信心足"]


# Column 12 characters (24 units).  经济数据透视出制造业 (20 units) is full as a paragraph's first line,
# and 呈现两大新变化： (16) ends that paragraph on the colon that introduces the next, whose first line
# (经济支撑作用更强，工, 20 units) is indented: a two-line paragraph, no subhead over one.
TWO_LINE_COLON_PAGE = OPENING + """经济数据透视出制造业
呈现两大新变化：
经济支撑作用更强，工
业增加值增长较快。
"""


def test_a_two_line_paragraph_may_end_on_a_colon() -> None:
    page = split_page(TWO_LINE_COLON_PAGE)
    assert [(b.kind, b.text) for b in page.articles[0].blocks[1:]] == [
        ("paragraph", "经济数据透视出制造业呈现两大新变化："), ("paragraph", "经济支撑作用更强，工业增加值增长较快。")]


# Column 12 characters (24 units).  The second article, unsigned, ends on a paragraph whose lines have
# commas only and whose last ends in ！: every line of it is punctuated as a title's may be.  But
# 继续加大研发投入，让新 fills the column (24 units) without ending a sentence, as only a paragraph's
# line does, and 型机器人走向世界！ ends the sentence it runs into: the titles at the foot are below it.
EXCLAIMED_ARTICLE_2 = ARTICLE_2.replace("在逐年加大。（李娜）\n", "在逐年加大。\n") + """企业负责人表示，工厂
继续加大研发投入，让新
型机器人走向世界！
"""


def test_foot_titles_after_a_paragraph_ending_in_an_exclamation() -> None:
    page = split_page(ARTICLE_1 + EXCLAIMED_ARTICLE_2 + TITLE_1 + TITLE_2)
    assert _read(page) == [("春耕备耕有序推进农业生产", "张伟", 2), ("工厂订单排到明年年底企业信心足", "", 3)]
    assert page.articles[1].blocks[-1].text == "企业负责人表示，工厂继续加大研发投入，让新型机器人走向世界！"


def test_a_foot_title_filling_the_column_over_one_ending_in_a_question() -> None:
    # The generator sets a foot title on one line however long: 春耕备耕有序推进农业生产 fills the
    # column (24 units) without ending a sentence, and the title under it ends in ？.  But the line
    # over it is the second article's byline line, which ends an article: no paragraph runs on into
    # the title, and both lines at the foot are the titles.
    titles = "春耕备耕有序推进农业生产\n工厂订单为何排到明年？\n"
    page = split_page(ARTICLE_1 + ARTICLE_2 + titles)
    assert _read(page) == [("春耕备耕有序推进农业生产", "张伟", 2), ("工厂订单为何排到明年？", "李娜", 2)]


def test_a_paragraph_ending_in_an_exclamation_is_no_foot_title() -> None:
    # Titles before the articles: nothing at the foot is a title, the last paragraph stays one.
    page = split_page(TITLE_1 + ARTICLE_1 + TITLE_2 + EXCLAIMED_ARTICLE_2)
    assert _read(page) == [("春耕备耕有序推进农业生产", "张伟", 2), ("工厂订单排到明年年底企业信心足", "", 3)]


# Two signed articles, three lines at the foot: 春耕备耕农民抢抓农时 and 智能制造产业集群企业 at the
# measure (20 units), 明年年底 short.  One title per article: either the first line goes on into the
# second, or the second into the third.  Of the title's bigrams, 春耕备耕农民抢抓农时 has 8 of 9 in the
# first article (not 耕农); 智能制造产业集群企业 only 企业 in the second, none in the first; 明年年底
# all 3 in the second.  Counted, the bigrams found are 8 + 4 = 12 cut after the first line, 8 + 3 =
# 11 after the second; as shares of each title, 8/9 + 4/13 ≈ 1.20 against 8/19 + 3/3 ≈ 1.42 would
# take the short line alone for a title, as no line that goes on makes it.
FIT_TITLES = "春耕备耕农民抢抓农时\n智能制造产业集群企业\n明年年底\n"


def test_foot_lines_cut_into_titles_by_the_bigrams_found_not_their_share() -> None:
    page = split_page(ARTICLE_1 + ARTICLE_2 + FIT_TITLES)
    assert _read(page) == [("春耕备耕农民抢抓农时", "张伟", 2), ("智能制造产业集群企业明年年底", "李娜", 2)]


# 全省3县 春耕 备耕全 is 17 units without its spaces, 3 short of the widest foot line (工厂订单排到明年
# 年底, 20), more than TITLE_WRAP_SLACK; its two spaces take half a unit each (TITLE_SPACE), which
# brings it within: it goes on into 面展开, and the two signed articles get a title each.
SPACED_FOOT_TITLES = "全省3县 春耕 备耕全\n面展开\n工厂订单排到明年年底\n"


def test_a_foot_title_line_short_by_its_spaces_goes_on() -> None:
    from textfix.layout import read_layout
    from textfix.split import Article, _foot_titles

    page = split_page(ARTICLE_1 + ARTICLE_2 + SPACED_FOOT_TITLES)
    assert _read(page) == [("全省3县 春耕 备耕全面展开", "张伟", 2), ("工厂订单排到明年年底", "李娜", 2)]
    # The lines are joined so, not left three titles for two articles (which the titles' characters
    # would then pair with the articles, two with one).
    foot = [i for i in read_layout(ARTICLE_1 + ARTICLE_2 + SPACED_FOOT_TITLES) if i.kind == "foot_title"]
    articles = [Article(blocks=a.blocks, byline=a.byline) for a in page.articles]
    _, titles = _foot_titles(articles, foot)
    assert [t.text for t in titles] == ["全省3县 春耕 备耕全面展开", "工厂订单排到明年年底"]


# One column of 12 characters (24 units); titles in large type wrap at 8 characters (16 units, the
# measure: 春耕备耕有序推进 goes on, read whole over the news lead under it).  全省新增农机具3万台套
# (21 units) after a paragraph, over an indented first line, is too wide to be a subhead filling the
# column and was read as a title; but no title line is wider than the measure: it is a sub-story's
# headline in body size, and the article goes on.  工厂订单排到明年 is at the measure and goes on too.
SUBSTORY_PAGE = """春耕备耕有序推进
农业生产
央视网消息（新闻联
播）：眼下正值春耕备耕关
键时期，各地农民纷纷抢抓
农时，田间地头一派繁忙景
象。
全省新增农机具3万台套
农技人员深入田间地头
开展技术指导，帮助农户解
决生产难题，确保春耕生产
顺利进行。（记者 张伟）
工厂订单排到明年
年底企业信心足
""" + ARTICLE_2


def test_a_line_wider_than_the_title_measure_is_a_substory_headline() -> None:
    page = split_page(SUBSTORY_PAGE)
    assert _read(page) == [("春耕备耕有序推进农业生产", "张伟", 3), ("工厂订单排到明年年底企业信心足", "李娜", 2)]
    assert [(b.kind, b.text[:4]) for b in page.articles[0].blocks] == [("paragraph", "央视网消"), ("heading", "全省新增"), ("paragraph", "农技人员")]


# Two articles, titles at the foot, one column of 12 characters (pdfium prints no indent).  The second
# article's last paragraph is set in the garbled font (袁 for ，, 遥 for 。) and ends mid-line, before
# its byline: 了遥（记者 李明）.  On the printed lines that 遥 runs on into （ and loses (context +1.9, font
# run −1.2: under the threshold of 1); ``repair`` restores it once the lines are rejoined and the
# paragraph ends there (context +3.8, font run −0.8).  ``split`` reads the same layout and must make
# the same fix: the paragraph item ends where the byline's begins, and the break the layout inserts
# between them is neither's text.
SIGNED_MID_LINE_PAGE = """本报讯 近日，市图书馆推出
夜间阅读服务，每周五和周
六开放到晚上十点。图书馆
还新设了亲子阅读区，摆放
了适合不同年龄段儿童阅读
的绘本和科普读物。
据了解，夜间开放以来，每
晚都有数百名读者前来借阅
图书。不少上班族表示，下
班后终于有时间来图书馆看
书了。图书馆负责人说，下
一步将根据读者的需求，继
续延长开放时间，并增加讲
座和展览等活动。（记者 王芳）
本报讯 今年春天，城市公园
新修了一条三公里长的健身
步道，沿途种植了樱花和海
棠，还设置了休息座椅和饮
水点。每天清晨和傍晚，附
近居民都会来这里散步、慢
跑，不少人带着孩子一起锻
炼身体。
公园管理处负责人介绍，
步道铺设了透水材料，雨后
不会积水，夜间还有照明，
方便居民晚上出行。今后袁
管理处还将增设儿童游乐区
和健身器材袁让居民在家门
口锻炼袁出门走几步路就到
了遥（记者 李明）
市图书馆推出夜间阅读服务
城市公园新增健身步道
"""


def test_a_paragraph_ending_before_its_byline_on_the_same_line_is_settled_as_repair_settles_it() -> None:
    page = split_page(SIGNED_MID_LINE_PAGE)
    assert [(a.title, a.byline) for a in page.articles] == [("市图书馆推出夜间阅读服务", "王芳"), ("城市公园新增健身步道", "李明")]
    last = page.articles[1].blocks[-1].text
    assert last.startswith("公园管理处负责人介绍，") and last.endswith("今后，管理处还将增设儿童游乐区和健身器材，让居民在家门口锻炼，出门走几步路就到了。")


def test_split_and_repair_restore_the_same_marks() -> None:
    # Every block split finds is a line repair prints for the same page: the same garbles fixed.
    from textfix import repair

    printed = set(repair(SIGNED_MID_LINE_PAGE).text.split("\n"))
    blocks = [b.text for a in split_page(SIGNED_MID_LINE_PAGE).articles for b in a.blocks]
    assert len(blocks) == 4 and all(b in printed for b in blocks)


# Column 12 characters (24 units).  The paragraph's second printed line is 新时代新征程 共创未 (12 + a
# space's 1 + 6 = 19 units): 来”为 (6 units, a quotation mark keeps what touches it) did not fit the 5
# left, so justification stretched the space, and pdftotext printed the words on either side of it as
# two lines.  Read apart, 新时代新征程 is a short line under a bare first line, which then passes for a
# subhead; 共创未 (6 units) is short as no line inside a paragraph is, and 来”为主题，吸引了众多市 under it
# fills the column.
STRETCHED_PAGE = OPENING + """今年活动以“携手奋进
新时代新征程
共创未
来”为主题，吸引了众多市
民参与。
"""


def test_a_line_broken_at_a_stretched_space_is_one_line() -> None:
    page = split_page(STRETCHED_PAGE)
    assert [(b.kind, b.text) for b in page.articles[0].blocks[1:]] == [
        ("paragraph", "今年活动以“携手奋进新时代新征程 共创未来”为主题，吸引了众多市民参与。")]


def test_a_line_broken_at_a_stretched_space_is_printed_with_its_space() -> None:
    assert "今年活动以“携手奋进新时代新征程 共创未来”为主题，吸引了众多市民参与。\n" in repair(STRETCHED_PAGE).text


# Column 12 characters (24 units).  事宜。 | 各方表示愿意加强 (6 + 1 + 16 = 23 units) could be one printed
# line whose space justification stretched, 沟 (2 units) not fitting the 1 left; but a stretched space is a
# space of the text, which Chinese sets after no sentence's end: a line ending a sentence and a short line
# under it are a paragraph's end and a subhead (the generator's pools: 能直接卖到县城和省城。 | 先把路修好),
# the more common reading of print.  The two lines stay apart.
STRETCHED_AFTER_STOP_PAGE = OPENING + """会议讨论了双方合作的
事宜。
各方表示愿意加强
沟通与协调，推动合作取得
实效。
"""


def test_no_line_is_put_together_after_a_sentence_end() -> None:
    texts = [ln.text for ln in cut_lines(STRETCHED_AFTER_STOP_PAGE)]
    assert texts[-4:-2] == ["事宜。", "各方表示愿意加强"]


def test_a_kicker_is_not_put_together_with_the_longer_subhead_under_it() -> None:
    # Column 13 characters (26 units), as the generator sets a kicker over a subhead: 蝶变 (4 units) and
    # 塌陷坑变成生态湖 (16) would make 21 with a space, full to what opens the line under (为了…, full);
    # but a stretched space leaves the line's longer part before it (the second piece is short as no
    # line is), and 蝶变 is the shorter.
    page = ("很难想象，十几年前，这\n里还是一片因采煤塌陷形成的\n荒地，积水坑星罗棋布，杂草\n丛生，周边村庄的房屋墙体开\n"
            "裂，农田大面积绝收。\n蝶变\n塌陷坑变成生态湖\n为了修复这片“大地伤疤”，\n当地按照“宜农则农、宜水则\n"
            "水、宜建则建”的原则，对塌\n陷区进行综合治理。\n")
    texts = [ln.text for ln in cut_lines(page)]
    assert texts[5:7] == ["蝶变", "塌陷坑变成生态湖"]


def test_a_title_wrapped_short_over_a_full_line_is_not_put_together() -> None:
    # A column of 17 characters (34 units).  A title in large type wrapped over three lines (11, 13
    # and 3 characters), then full lines of text: 贯做法 (6 units) is short and the line under it
    # full, and 回避港口设施遭损毁真相是一 贯做法 would fill a line (33 units); but the title line before
    # them (22 units) is neither full nor a sentence end, as a paragraph's line before a broken one is.
    lines = cut_lines("多国学者称部分西方媒体\n回避港口设施遭损毁真相是一\n贯做法\n地方新闻网站采访时说，当地担心港区\n"
                      "扩建期间，企业为了应对旺季与船东达\n成一致，同意延长作业，因此无意公开\n数据。\n")
    assert [ln.text for ln in lines][1:3] == ["回避港口设施遭损毁真相是一", "贯做法"]


def test_a_first_line_with_quotes_may_measure_a_unit_short_a_quote() -> None:
    # Column 38 units: an indented first line is 31-34 wide.  让“山水”变“家当”，在村里的带动 is 30 with
    # its four quotes measured a unit each (a page whose quote width was misread): with them two, 34.
    quoted = Line.of("让“山水”变“家当”，在村里的带动", 0, 17, 30, 38.0)
    assert _may_open_paragraph(quoted)
    assert not _may_open_paragraph(Line.of("各方表示愿意加强沟通与协调", 0, 13, 26, 38.0))


def test_a_kicker_and_subhead_over_a_first_line_with_a_hanging_mark_stay_apart() -> None:
    # A generator page (corpora/pages/synth-028.txt), column 14 characters (28 units), closing marks
    # hanging past its edge (举着平板电脑实时查看作业进度。, 30 units).  数据下田 (8) and 一块屏幕管好万亩田 (18)
    # would fit one line (27), and the line under them is 26 units wide: full, with its comma; but
    # the comma hangs, and without it the line is 24, an indented first line: a paragraph opens there.
    page = ("万亩高标准农田里，几架植保无\n人机沿着预设航线低空飞行，均\n匀喷洒叶面肥，田埂上的农技员\n举着平板电脑实时查看作业进度。\n"
            "种粮大户王德顺算了一笔账，仅\n人工一项，每亩就能节省约 45元。\n数据下田\n一块屏幕管好万亩田\n在县农业农村局的指挥中心，\n"
            "一块大屏幕上滚动显示着全县墒\n情、苗情和虫情数据。这些数据\n来自布设在田间的 300 多个物联\n")
    assert [ln.text for ln in cut_lines(page)][6:8] == ["数据下田", "一块屏幕管好万亩田"]


def test_the_settle_pass_fixes_are_in_the_change_log() -> None:
    # The 遥 before the byline is fixed only once the lines are rejoined (the settle pass): the
    # article's text has 。 there, so the log has the change, at its offset in the input.
    page = split_page(SIGNED_MID_LINE_PAGE)
    at = [SIGNED_MID_LINE_PAGE.index(s) + 2 for s in ("今后袁", "器材袁", "锻炼袁")] + [SIGNED_MID_LINE_PAGE.index("了遥（") + 1]
    assert [(c.start, c.old, c.new) for c in page.changes] == [(i, o, n) for i, (o, n) in zip(at, ["袁，", "袁，", "袁，", "遥。"])]
    assert "到\n了。（记者 李明）" in page.text


def _logged_text(text: str, changes, lo: int, hi: int) -> str:
    """``text[lo:hi]`` with the logged changes inside it applied; no change may straddle its ends."""
    assert not [c for c in changes if c.start < lo < c.end or c.start < hi < c.end], (lo, hi)
    out, pos = [], lo
    for c in changes:
        if lo <= c.start and c.end <= hi:
            out += [text[pos : c.start], c.new]
            pos = c.end
    return "".join(out) + text[pos:hi]


def _pieces(article):
    """(text, input span) of every piece of *article*: title, byline, source line, blocks; a block that
    a dateline's byline opens (新华社…电（记者 许诺）) spans the byline too, which is cut out of its text."""
    yield article.title, article.title_span
    yield article.byline_text, article.byline_span
    yield article.source_line, article.source_span
    for block in article.blocks:
        by = article.byline_span
        if article.byline_opens and by and block.start <= by[0] < by[1] <= block.end:
            yield block.text, (block.start, by[0]), (by[1], block.end)
        else:
            yield block.text, (block.start, block.end)


def _no_space(text: str) -> str:
    return "".join(text.split())


HAND_WRITTEN = [PAGE, PERCENT_PAGE, CAPITALS_PAGE, PULLED_PAGE, COLON_PAGE, COLON_INDENT_WIDE_PAGE, LIST_PAGE,
                COLON_END_PAGE, CUT_SHORT_PAGE, CONTINUED_PAGE, SIGNED_PAGE, TWO_LINE_COLON_PAGE, SUBSTORY_PAGE,
                SIGNED_MID_LINE_PAGE]


@pytest.mark.parametrize("text", HAND_WRITTEN + [p.read_text(encoding="utf-8") for p in GENERATOR_PAGES],
                         ids=[f"hand-{i}" for i in range(len(HAND_WRITTEN))] + [p.stem for p in GENERATOR_PAGES])
def test_the_change_log_makes_every_text_the_page_gives(text: str) -> None:
    # The log is a plan (applied to the input it gives the page's text, its printed lines kept);
    # it is repair's, less the line joins; and every title, byline, source line and block is its
    # span of the input with the logged changes inside it applied, whitespace aside (the layout's).
    from textfix import apply_changes, repair
    from textfix.repair import REJOIN_RULE

    page = split_page(text)
    assert apply_changes(text, page.changes) == page.text
    assert page.changes == [c for c in repair(text).changes if c.rule != REJOIN_RULE]
    for article in page.articles:
        for piece, *spans in _pieces(article):
            if spans[0] is not None:
                assert _no_space(piece) == "".join(_no_space(_logged_text(text, page.changes, *s)) for s in spans)


def test_split_items_settles_with_the_font_evidence_repair_is_given() -> None:
    # The PDF path (textfix.pdflayout) splits its items with split_items, the character repair given
    # the PDF's font evidence.  Here the PDF draws the 遥 before the byline with its own glyph (state
    # False: never a garble); the settle pass, which alone would fix it (see above), must hear so too,
    # as repair's does: the paragraph ends 到了遥, and no change is logged there.
    from textfix import repair
    from textfix.model import default_model
    from textfix.plan import layout_items
    from textfix.split import split_items

    model = default_model()
    own_glyph = SIGNED_MID_LINE_PAGE.index("了遥（") + 1

    def fonts(offset: int) -> bool | None:
        return False if offset == own_glyph else None

    repaired = repair(SIGNED_MID_LINE_PAGE, model, rejoin=False, layout="print", fonts=fonts)
    page = split_items(SIGNED_MID_LINE_PAGE, repaired, layout_items(SIGNED_MID_LINE_PAGE, repaired, model), model, fonts=fonts)
    assert page.articles[1].blocks[-1].text.endswith("出门走几步路就到了遥")
    assert own_glyph not in {c.start for c in page.changes} and len(page.changes) == 3
    assert page.articles[1].blocks[-1].text in repair(SIGNED_MID_LINE_PAGE, model, fonts=fonts).text.split("\n")


# --- Paragraphs that end on no mark, or on a full line before a line that can be none of theirs ---
# Column 12 characters (24 units) under OPENING, ASCII one unit each (no digits on these pages).


def _blocks(page: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for a in split_page(page).articles for b in a.blocks]


# Under a title, 人民网消息（北京）： fills an indented first line (20 units) and ends on a colon: read
# alone, it may go on in the next line (and a title wrapped after its colon is read so until
# _title_tails takes its lines back; a news lead is no title's line).  关于全面推进城市更新 (20)
# cannot go on it: it left 4 units, room for 工 and more (a line of a paragraph is full), and ends
# nothing a paragraph's last line ends on; as wide as an indented line, it opens a paragraph, a
# document's title that ends on no mark with 工作的通知 (10 units: no paragraph's line but its last
# is that short).  近年来，… opens the text after it.
LEAD_ALONE_PAGE = """15 产经 Industries
城市更新行动全面推进 老旧小区改造提速见效
人民网消息（北京）：
关于全面推进城市更新
工作的通知
近年来，各地城市更新
工作取得了积极成效，居住
条件得到明显改善。
今年以来，各地加快推进
老旧小区改造，群众的获得
感不断增强。
"""


def test_a_lead_alone_on_its_line_then_a_document_title_printed_as_text() -> None:
    assert _blocks(LEAD_ALONE_PAGE) == [
        ("paragraph", "人民网消息（北京）："),
        ("paragraph", "关于全面推进城市更新工作的通知"),
        ("paragraph", "近年来，各地城市更新工作取得了积极成效，居住条件得到明显改善。"),
        ("paragraph", "今年以来，各地加快推进老旧小区改造，群众的获得感不断增强。"),
    ]


# 运共同体。张建华建议： (22 units) is full: ——, 4 units, did not fit the 2 left.  ——凝聚合作共识，
# (18) left 6 units, room for 以 and more, and ends on a comma: no line of the paragraph before, it
# opens the next (full as an indented first line).
COLON_BEFORE_DASH_PAGE = OPENING + """张建华表示，双方应当
携手推进务实合作，共建命
运共同体。张建华建议：
——凝聚合作共识，
以实施双方行动计划为契机
推动务实合作提质增效。
"""


def test_a_full_line_ending_on_a_colon_ends_its_paragraph_before_a_first_line() -> None:
    assert _blocks(COLON_BEFORE_DASH_PAGE)[1:] == [
        ("paragraph", "张建华表示，双方应当携手推进务实合作，共建命运共同体。张建华建议："),
        ("paragraph", "——凝聚合作共识，以实施双方行动计划为契机推动务实合作提质增效。"),
    ]


# A list item ends on no mark, its last line as wide as an indented line (当选市长和全体副市长, 20
# units, 4 short of the column): the items' numbers tell where each ends, not the widths.
LIST_ITEMS_PAGE = OPENING + """十大新闻分别是：
1.市人代会选举产生
新一届市政府领导班子全票
当选市长和全体副市长
2.开展主题教育活动
取得显著成效
评选结果公布后，读者
反响热烈，纷纷留言点赞。
"""


def test_a_list_items_last_line_as_wide_as_a_first_line_stays_in_the_item() -> None:
    assert _blocks(LIST_ITEMS_PAGE)[1:] == [
        ("paragraph", "十大新闻分别是："),
        ("paragraph", "1.市人代会选举产生新一届市政府领导班子全票当选市长和全体副市长"),
        ("paragraph", "2.开展主题教育活动取得显著成效"),
        ("paragraph", "评选结果公布后，读者反响热烈，纷纷留言点赞。"),
    ]


# 兵力以遥（记者 胡波）: the paragraph's last line, its 。 garbled (遥), then the byline.  Its text
# before the byline ends the paragraph, whatever its width.
BYLINE_AFTER_GARBLED_STOP_PAGE = OPENING + """白俄罗斯总统日前表示
白俄罗斯已在边境地区部署
兵力以遥（记者 胡波）
"""


def test_the_text_before_a_byline_ends_its_paragraph_however_short() -> None:
    assert _blocks(BYLINE_AFTER_GARBLED_STOP_PAGE)[1:] == [("paragraph", "白俄罗斯总统日前表示白俄罗斯已在边境地区部署兵力以遥")]


# pdftotext breaks a justified line at a space justification stretched (《破浪前行 发展迈出…): 行
# and 发展迈出了坚实步 (16 units, full as an indented line before 伐》，) would fit one line with a
# space between them, so neither ends a paragraph.
STRETCHED_PIECES_PAGE = OPENING + """今天推出系列报道，
报道的节目第一集《破浪前
行
发展迈出了坚实步
伐》，今天首播的节目聚焦
消费市场的新变化新亮点。
"""


def test_pieces_of_a_line_broken_at_a_stretched_space_end_no_paragraph() -> None:
    assert _blocks(STRETCHED_PIECES_PAGE)[1:] == [
        ("paragraph", "今天推出系列报道，报道的节目第一集《破浪前行发展迈出了坚实步伐》，今天首播的节目聚焦消费市场的新变化新亮点。"),
    ]


# 居民们都 is short and ends nothing, and 期盼已久的电梯陆续 (18 units) is as wide as an indented
# line: read on, the paragraph ended on no mark.  After a blank line, where pdfminer's or
# pdftotext's block ends, the next line may come from any block: nothing is read from it.
SHORT_AT_BLOCK_END = OPENING + """各地加快推进城市更新
工作，老旧小区改造全面提速
居民们都
期盼已久的电梯陆续
装上了，社区环境焕然一新。
"""


def test_a_paragraph_ends_on_no_mark_only_within_an_extractors_block() -> None:
    text = "各地加快推进城市更新工作，老旧小区改造全面提速居民们都期盼已久的电梯陆续装上了，社区环境焕然一新。"
    assert _blocks(SHORT_AT_BLOCK_END)[1:] == [("paragraph", text[:27]), ("paragraph", text[27:])]
    assert _blocks(SHORT_AT_BLOCK_END.replace("居民们都\n", "居民们都\n\n"))[1:] == [("paragraph", text)]


# Column 15 characters (30 units).  Under the title, a deck of subheads: 部长在…会议上 | 作工作部署,
# then 扎实推进城市更新行动加快 (24 units, as wide as an indented first line) | 建设 (4): read as a
# paragraph, it would end short on no mark, as text does not; it is a second subhead over the text.
DECK_PAGE = """15 产经 Industries
住房城乡建设部召开全国城市更新工作会议强调 扎实推进城市
更新行动 让人民群众生活得更方便更舒心
部长在全国城市更新工作会议上
作工作部署
扎实推进城市更新行动加快
建设
全国城市更新工作会议5日在
北京召开。会议总结了过去一年城
市更新工作的进展，部署今年的重
点任务，要求各地因地制宜推进。
会议指出，城市更新要坚持以
人民为中心，把群众的急难愁盼作
为工作的出发点和落脚点，推动城
市高质量发展，提升居住品质。
"""


def test_a_subhead_under_a_subhead_that_would_end_its_text_on_no_mark() -> None:
    assert [kind for kind, _ in _blocks(DECK_PAGE)] == ["heading", "heading", "paragraph", "paragraph"]
    assert _blocks(DECK_PAGE)[1] == ("heading", "扎实推进城市更新行动加快建设")


def test_a_dateline_under_a_titles_deck_read_as_text_stays_in_its_article() -> None:
    # Under a title, a paragraph before the first lead is the title's deck (as for a news lead,
    # _lead_opens_next): the dateline that follows opens the same article's text, not another's.
    from textfix.layout import Item
    from textfix.split import _assemble

    items = [
        Item("title", "城市更新行动全面推进", 0, 10),
        Item("paragraph", "努力建设宜居韧性智慧城市", 11, 23),
        Item("paragraph", "本报北京3月5日电（记者 张伟）全国城市更新工作会议5日在北京召开。", 24, 58),
    ]
    _, articles = _assemble(items, lambda offset: offset)
    assert [(a.title, a.byline, len(a.blocks)) for a in articles] == [("城市更新行动全面推进", "张伟", 2)]


def test_clearly_short_allows_for_quotes_a_full_em_and_a_whole_latin_run() -> None:
    # Column 28.  推出了“夜游”“夜市”等一系 is 10 characters and 4 quotes: 24 units with the page's quotes
    # measured half an em, 28 (full) if they are a full em, as a page with few quotes may misread them.
    from textfix.layout import _clearly_short
    from textfix.lines import Line

    nxt = Line.of("列活动，延长了开放时间", 0, 11, 22, 28.0)
    quoted = Line.of("推出了“夜游”“夜市”等一系", 0, 14, 24, 28.0)
    assert _clearly_short(quoted, False, nxt)  # quotes a full em, as measured: 4 units left
    assert not _clearly_short(quoted._replace(quote_width=1), False, nxt)
    # 车站还配备了覆盖候车区的 (24 units) left 4: room for 网 and more, not for Wi-Fi 6 and more, which a
    # model of print keeps whole (corpora/generate_pages.py).
    plain = Line.of("车站还配备了覆盖候车区的", 0, 12, 24, 28.0)
    assert _clearly_short(plain, False, Line.of("网络，并试点无感安检通道。", 0, 13, 26, 28.0))
    assert not _clearly_short(plain, False, Line.of("Wi-Fi 6网络，并试点无感安检", 0, 17, 26, 28.0))


# Column 12 characters (24 units), no indent printed (as pdfium prints).  上新台阶，造福两国人民。 fills
# the column and ends a sentence; 王刚参加会见。 (14 units) ends one too, clearly shorter than an
# indented line, and the byline after it ends the article: at an article's end real text sets a
# one-line paragraph there far more often than a paragraph's last line (layout.ONE_LINE_PARAGRAPH).
ONE_LINE_END = OPENING + """李明表示，双方应加强
经贸合作，推动两国关系迈
上新台阶，造福两国人民。
{last}
{after}
"""


# The short line may also be as wide as an indented first line: 王刚等人参加了会见。 is 10 characters,
# 20 units, 4 short of the column.  Printed without an indent it may be a paragraph's last line or a
# paragraph of one line that filled its indented line; inside an article real text sets the former
# more often (115 to 44), at an article's end the latter (106 to 19: python
# corpora/typeset/count_one_line_paragraphs.py --indented; layout._indented_last_line).
SHORT_LAST_LINES = ["王刚参加会见。", "王刚等人参加了会见。"]


@pytest.mark.parametrize("last", SHORT_LAST_LINES)
def test_an_articles_last_line_under_a_full_line_ending_a_sentence_is_a_paragraph_alone(last: str) -> None:
    assert _blocks(ONE_LINE_END.format(last=last, after="（本报记者 张伟）"))[1:] == [
        ("paragraph", "李明表示，双方应加强经贸合作，推动两国关系迈上新台阶，造福两国人民。"),
        ("paragraph", last),
    ]


@pytest.mark.parametrize("last", SHORT_LAST_LINES)
def test_inside_an_article_the_short_line_stays_with_the_paragraph_above(last: str) -> None:
    # Inside an article the two readings are near as frequent for a line clearly shorter than an
    # indented one: the widths' reading (one paragraph) stands.  At an indented line's width the last
    # line is the likelier (see above); 会见后，双方共同出席 (20 units, on no mark) opens the next paragraph.
    assert _blocks(ONE_LINE_END.format(last=last, after="会见后，双方共同出席\n合作文件签字仪式。"))[1:] == [
        ("paragraph", "李明表示，双方应加强经贸合作，推动两国关系迈上新台阶，造福两国人民。" + last),
        ("paragraph", "会见后，双方共同出席合作文件签字仪式。"),
    ]


def test_a_last_line_narrower_than_a_one_line_paragraph_stays_with_its_paragraph() -> None:
    # 已签约。 is 8 units: at that width last lines are the likelier (ONE_LINE_PARAGRAPH starts at 10).
    assert _blocks(ONE_LINE_END.format(last="已签约。", after="（本报记者 张伟）"))[1:] == [
        ("paragraph", "李明表示，双方应加强经贸合作，推动两国关系迈上新台阶，造福两国人民。已签约。"),
    ]


# Column 12 characters (24 units).  After a sentence end, a subhead wrapped as a paragraph's lines:
# 各地加快推进老旧小区 (20 units) is as wide as an indented first line, 改造工作 群众生活更加便利
# (11 characters and a space, 23 units) fills the column and ends on no mark, and the indented
# 今年以来，各地加快推 (20 units, room for 进 and more) can be no line of it.  Ending on no mark, with
# no mark in it, it is a subhead: so ``split --format text`` output, one block a line, reads it again.
SUBHEAD_AS_TEXT_PAGE = OPENING + """各地加快推进老旧小区
改造工作 群众生活更加便利
今年以来，各地加快推
进城市更新，完成改造的小
区近万个，惠及居民百万户。
"""


def test_a_subhead_wrapped_as_a_paragraphs_lines_is_read_as_a_subhead() -> None:

    expected = [
        ("heading", "各地加快推进老旧小区改造工作 群众生活更加便利"),
        ("paragraph", "今年以来，各地加快推进城市更新，完成改造的小区近万个，惠及居民百万户。"),
    ]
    assert _blocks(SUBHEAD_AS_TEXT_PAGE)[1:] == expected
    assert _blocks(to_text(split_page(SUBHEAD_AS_TEXT_PAGE)))[1:] == expected
    # (After a colon, what it introduces follows: a document's title printed as text, LEAD_ALONE_PAGE.)


# The second article's paragraph opens on two lines of the column; its next printed line,
# 器人，能源大臣穆斯塔法- (the hyphen's 卡 did not fit), pdftotext joins to the one under it.
HYPHEN_OPENING = TITLE_1 + ARTICLE_1 + TITLE_2 + "在江苏常州的一家工厂\n里，工人们正在组装新型机\n"
HYPHEN_JOINED_PAGE = (HYPHEN_OPENING + "器人，能源大臣穆斯塔法卡里姆说，订单已经排到了\n明年年底，企业信心十足。\n"
                      + "企业负责人介绍，今年\n以来产品销量持续增长。\n（记者 李娜）\n")
# Two columns' width of large type (46 units).
WIDE_TITLE = "工厂订单排到明年年底企业信心足工厂订单排到明年\n"


def test_pdftotext_joins_a_line_broken_at_a_hyphen_without_it() -> None:
    # pdftotext's layout mode drops the hyphen that ends 器人，能源大臣穆斯塔法- (22 units and the
    # hyphen's 1: 卡 did not fit the 24) and prints the line and the next (卡里姆…到了, 24: full to
    # 明) as one, 46 units wide: no title, since the lines around it are the column's and the text
    # runs on into the full line after it.  Parted where the hyphen stood, the paragraph reads on.
    text = HYPHEN_JOINED_PAGE
    assert [ln.text for ln in cut_lines(text)][14:18] == ["器人，能源大臣穆斯塔法", "卡里姆说，订单已经排到了",
                                                          "明年年底，企业信心十足。", "企业负责人介绍，今年"]
    page = split_page(text)
    assert _read(page) == [("春耕备耕有序推进农业生产", "张伟", 2), ("工厂订单排到明年年底企业信心足", "李娜", 2)]
    assert page.articles[1].blocks[0].text == "在江苏常州的一家工厂里，工人们正在组装新型机器人，能源大臣穆斯塔法卡里姆说，订单已经排到了明年年底，企业信心十足。"


def test_a_wide_title_line_over_a_lead_is_not_parted() -> None:
    # Two columns' width of large type (46 units: 22 and the hyphen's 1, then 24, would part) over a
    # lead's indented first line: the text does not run on from it into a full line, so it stays
    # one line, a title's.
    title = WIDE_TITLE
    assert title.strip() in [ln.text for ln in cut_lines(TITLE_1 + ARTICLE_1 + title + ARTICLE_2)]


def test_a_wide_title_line_over_the_page_s_last_line_is_not_parted() -> None:
    # The titles at the foot (check batch 2917 page-026's shape, pdfminer): the wide one over the last, which fills
    # the column (24 units) and ends no sentence: no column's text ends a page so (its article ends on a
    # sentence or a byline), so the text does not run on into it and the wide line is a title's.
    foot = "秋收玉米丰收在望\n" + WIDE_TITLE + "乡村公路越修越好出行便捷\n"
    assert WIDE_TITLE.strip() in [ln.text for ln in cut_lines(TITLE_1 + ARTICLE_1 + foot)]


def test_a_line_joined_at_a_hyphen_before_a_paragraph_s_last_line() -> None:
    # The text runs on into a paragraph's last line as well: it ends its sentence 14 units short of
    # the column, not as short as an indented first line (4 to 7: a title's lead would be).
    body = "器人，能源大臣穆斯塔法卡里姆说，订单已经排到了\n明年年底。\n"
    text = HYPHEN_OPENING + body + ARTICLE_2
    assert [ln.text for ln in cut_lines(text)][14:16] == ["器人，能源大臣穆斯塔法", "卡里姆说，订单已经排到了"]


def test_a_line_joined_at_a_hyphen_that_ends_its_paragraph() -> None:
    # 器人，能源大臣穆斯塔法- (22 units and the hyphen's 1 of 24) and 卡里姆说，订单排满。 (20: the
    # paragraph's last line) printed by pdftotext as one line, 42 units, before the next paragraph's
    # indented first line (企业负责人介绍，今年, 20).  Ending a sentence more than 1.5 columns wide, it
    # read as a paragraph written one a line: a region of its own, which cut the article in two.  The
    # full first part alone says where the hyphen stood.
    text = HYPHEN_OPENING + "器人，能源大臣穆斯塔法卡里姆说，订单排满。\n" + "企业负责人介绍，今年\n以来产品销量持续增长。\n（记者 李娜）\n"
    assert [ln.text for ln in cut_lines(text)][14:17] == ["器人，能源大臣穆斯塔法", "卡里姆说，订单排满。", "企业负责人介绍，今年"]
    assert regions(text) == [(0, len(text), "print")]
    page = split_page(text)
    assert _read(page) == [("春耕备耕有序推进农业生产", "张伟", 2), ("工厂订单排到明年年底企业信心足", "李娜", 2)]
    assert page.articles[1].blocks[0].text == "在江苏常州的一家工厂里，工人们正在组装新型机器人，能源大臣穆斯塔法卡里姆说，订单排满。"


def test_a_wide_title_line_over_a_full_lead_line_is_not_parted() -> None:
    # A lead's first line may fill the column (新华社北京3月9日电, no indent): an article opens under a
    # title there, and the text does not run on into it.
    title = WIDE_TITLE
    lead = "新华社北京3月9日电（记者\n"
    assert title.strip() in [ln.text for ln in cut_lines(TITLE_1 + ARTICLE_1 + title + lead + ARTICLE_2)]


def test_a_wide_title_line_over_its_full_second_line_and_a_lead_is_not_parted() -> None:
    # The title's second line may fill the column too (中国经济高质量发展新篇章, 24 units, no mark), so
    # the text seems to run on under the wide line; but a lead opens under that line, and no paragraph
    # ends without a sentence's end: the two lines are a title's (the shape of train2845 page-007).
    lines = [ln.text for ln in cut_lines(TITLE_1 + ARTICLE_1 + WIDE_TITLE + "中国经济高质量发展新篇章\n"
                                          + "新华社北京3月9日电（记者\n" + ARTICLE_2)]
    assert WIDE_TITLE.strip() in lines


def test_a_subhead_a_little_short_of_the_column_is_no_title() -> None:
    # 春耕生产有序 农资供应 is bare, in two phrases, and 21 units wide in a column of 24: longer
    # than a short subhead (20 at most, as short as an indented line) and short of a full one by
    # more than FULL_SLACK, then an indented first line: a body-size subhead within the article.
    subhead = "春耕生产有序 农资供应\n"
    text = TITLE_1 + ARTICLE_1.replace("农技人员深入田间地头\n", subhead + "农技人员深入田间地头\n") + TITLE_2 + ARTICLE_2
    page = split_page(text)
    assert [a.title for a in page.articles] == ["春耕备耕有序推进农业生产", "工厂订单排到明年年底企业信心足"]
    assert [b.kind for b in page.articles[0].blocks] == ["paragraph", "heading", "paragraph"]


# Column 14 characters (28 units).  人民网消息（北京）： (20 units) is short of an indented first line
# (24): a lone lead, its paragraph ended on its colon.  What it introduces follows: the article's own
# subhead, as it is quoted, 各地加快推进城市更新老旧小区 (28: full, at body size) | 改造全面提速
# (12, on no mark), then the indented first line of its text (近年来，… 24): read as after a sentence.
LEAD_THEN_SUBHEAD = """15 产经 Industries
城市更新行动全面推进 老旧小区改造提速见效
人民网消息（北京）：
{}
近年来，各地城市更新工作
取得了积极成效，居住条件得到
明显改善，群众获得感增强。
今年以来，各地加快推进老
旧小区改造，完成改造的小区近
万个，惠及居民百万户，加装电
梯、修缮屋顶、改造管网等工作
同步推进，社区服务设施不断完
善，居民生活更加便利。
"""
TEXT_AFTER_SUBHEAD = [
    ("paragraph", "近年来，各地城市更新工作取得了积极成效，居住条件得到明显改善，群众获得感增强。"),
    ("paragraph", "今年以来，各地加快推进老旧小区改造，完成改造的小区近万个，惠及居民百万户，加装电梯、修缮屋顶、"
                  "改造管网等工作同步推进，社区服务设施不断完善，居民生活更加便利。"),
]


def test_a_subhead_after_a_lead_alone_on_its_line() -> None:
    assert _blocks(LEAD_THEN_SUBHEAD.format("各地加快推进城市更新老旧小区\n改造全面提速")) == [
        ("paragraph", "人民网消息（北京）："),
        ("heading", "各地加快推进城市更新老旧小区改造全面提速"),
    ] + TEXT_AFTER_SUBHEAD


def test_a_document_title_after_a_lead_alone_on_its_line_is_text() -> None:
    # 关于全面推进城市更新老旧小区 | 改造工作的通知: a document's title (its issuer, 关于 and the
    # matter), printed as the text's paragraph though shaped as the subhead above.
    blocks = _blocks(LEAD_THEN_SUBHEAD.format("关于全面推进城市更新老旧小区\n改造工作的通知"))
    assert [kind for kind, _ in blocks] == ["paragraph"] * len(blocks)
    assert blocks[-2:] == TEXT_AFTER_SUBHEAD


def test_lines_after_a_colon_not_over_a_first_line_are_text() -> None:
    # Two short bare lines (20 and 12 units: a stack of subheads, as after a sentence end) over a
    # list of names (丁一　王二…, 28 units: no indented first line) head no text: a list's title,
    # what the colon introduces, printed as text.
    page = LEAD_THEN_SUBHEAD.replace("近年来，各地城市更新工作\n", "丁一　王二　张三　李四　赵五\n钱六　孙七　周八\n近年来，各地城市更新工作\n")
    blocks = _blocks(page.format("各地加快推进城市更新\n改造全面提速"))
    assert [kind for kind, _ in blocks].count("heading") == 0


def test_a_line_parted_at_a_hyphen_keeps_its_byline_offset_in_its_own_text() -> None:
    # The joined line 器人，能源大臣穆斯塔法卡里姆说，订单已经排到了 (as pdftotext prints it) with a byline
    # marked at offset 14 (卡里姆's 卡, hand-placed: the part only moves it) parts after 穆斯塔法 (11
    # characters): the second line's byline opens at 14 - 11 = 3 of its own text.
    from textfix.lines import _hyphen_cut
    text = HYPHEN_JOINED_PAGE
    lines = cut_lines(text)
    prev, first, second, nxt, after = lines[13:18]
    joined = Line.of(first.text + second.text, first.start, second.end, 46, second.column)._replace(
        byline=(14, "卡里姆", "卡里姆"))
    parts = _hyphen_cut(prev, joined, nxt, after, 2, 1)
    assert [ln.text for ln in parts] == ["器人，能源大臣穆斯塔法", "卡里姆说，订单已经排到了"]
    assert parts[1].byline == (3, "卡里姆", "卡里姆")
    assert parts[0].byline is None


def test_a_piece_of_a_proportional_line_is_measured_as_its_line() -> None:
    # 阿·b: 阿 2 units, the middle dot set 0.65 (not 2), b 1.28 (not 1): 3.93.  One unit to a
    # character (not proportional), 2 + 2 + 1 = 5.
    from textfix.lines import _measured_width
    assert _measured_width("阿·b", True, 2, 1) == pytest.approx(3.93)
    assert _measured_width("阿·b", False, 2, 1) == 5




def test_foot_lines_go_on_short_of_the_measure_when_the_articles_need_fewer_titles() -> None:
    # Two articles, each opening with a news lead, four lines at the foot.  The widest line
    # (【春耕】备耕有序推进农业, 24 units as title_width counts its brackets) goes on into 生产;
    # 工厂订单排到2025年底 is 4 units short of it, more than a line ending at the measure leaves,
    # and 企 would fit -- yet the leads count two articles, so two titles, and it is the line
    # nearest the measure after the first: it goes on.
    from textfix.layout import read_layout
    from textfix.split import Article, Block, _foot_titles

    foot = "【春耕】备耕有序推进农业\n生产\n工厂订单排到2025年底\n企业信心足\n"
    lines = [i for i in read_layout(ARTICLE_1 + ARTICLE_2 + foot) if i.kind == "foot_title"]
    assert [i.text for i in lines] == ["【春耕】备耕有序推进农业", "生产", "工厂订单排到2025年底", "企业信心足"]
    led = [Article(blocks=[Block("paragraph", "本报讯 眼下正值春耕备耕关键时期", 0, 16)]),
           Article(blocks=[Block("paragraph", "本报讯 江苏常州的一家工厂订单排到了明年", 16, 36)])]
    _, titles = _foot_titles(led, lines)
    assert [t.text for t in titles] == ["【春耕】备耕有序推进农业生产", "工厂订单排到2025年底企业信心足"]
    # Counted by their bylines alone, an unsigned article may hide in one: the line stays short.
    _, titles = _foot_titles([Article(), Article()], lines)
    assert [t.text for t in titles] == ["【春耕】备耕有序推进农业生产", "工厂订单排到2025年底", "企业信心足"]


# A paragraph's first line whose next word did not fit (省财政厅再次下拨 | 3.85亿元…, its digits set
# proportionally): short, unpunctuated, it looks like a one-line subhead, and the line below is short of
# the column too (22 of 24 units).  But that line is wider than any indented first line (24 - 4 = 20):
# it opens no paragraph, so it goes on from the candidate, which opens the paragraph (pdfium, train seeds
# 55, 57, 89, 93, 157 and 165: one such page each).
PROPORTIONAL_RUN_ON = ARTICLE_1.replace("身影。\n", "身影。\n省财政厅再次下拨\n3.85亿元救灾资金，支持\n各地抢修水利设施。\n")


def test_a_line_past_the_indent_goes_on_from_the_short_line_above() -> None:
    page = split_page("春耕备耕有序推进农业\n生产\n" + PROPORTIONAL_RUN_ON)
    assert [(b.kind, b.text) for b in page.articles[0].blocks] == [
        ("paragraph", "眼下正值春耕备耕关键时期，各地农民抢抓农时，田间地头一派繁忙景象，处处都是忙碌的身影。"),
        ("paragraph", "省财政厅再次下拨3.85亿元救灾资金，支持各地抢修水利设施。"),
        ("paragraph", "农技人员深入田间地头开展技术指导，帮助农户解决生产难题，确保春耕生产顺利进行。"),
    ]


# A title over a deck read large: its first subhead, a line of the speech (a paragraph, 26 characters),
# then the deck's last line set as large as a title (总理主持 副总理出席, read as a title item).  The
# article has 26 characters of text when that line comes, fewer than any article has
# (split.ARTICLE_MIN_TEXT, 200): the line is the deck's, and the dated lead under it the same article's.
def test_a_title_sized_deck_line_under_a_title_with_little_text_stays_in_its_deck() -> None:
    from textfix.layout import Item
    from textfix.split import _assemble

    lead = "新华社北京9月3日电（记者 张伟）纪念大会3日在人民大会堂隆重举行。"
    items = [
        Item("title", "纪念大会在京隆重举行 主席发表重要讲话", 0, 19),
        Item("heading", "纪念大会在京隆重举行", 20, 30),
        Item("paragraph", "主席发表重要讲话强调，团结一心、携手前行、共创未来。", 31, 55),
        Item("title", "总理主持 副总理出席", 56, 66),
        Item("paragraph", lead, 67, 67 + len(lead)),
    ]
    _, articles = _assemble(items, lambda offset: offset)
    assert [(a.title, a.byline) for a in articles] == [("纪念大会在京隆重举行 主席发表重要讲话", "张伟")]
    assert [(b.kind, b.text[:4]) for b in articles[0].blocks] == [
        ("heading", "纪念大会"), ("paragraph", "主席发表"), ("heading", "总理主持"), ("paragraph", "新华社北")]


# The same title-sized line after 220 characters of text (20 times an 11-character sentence): the
# article before it has a whole article's text, so the line opens the next article.
def test_a_title_after_a_whole_articles_text_opens_the_next_article() -> None:
    from textfix.layout import Item
    from textfix.split import _assemble

    text = "城市更新工作稳步推进。" * 20
    items = [
        Item("title", "城市更新行动全面推进", 0, 10),
        Item("paragraph", text, 11, 231),
        Item("title", "总理主持 副总理出席", 232, 242),
        Item("paragraph", "会议指出，城市更新要坚持以人民为中心。", 243, 262),
    ]
    _, articles = _assemble(items, lambda offset: offset)
    assert [a.title for a in articles] == ["城市更新行动全面推进", "总理主持 副总理出席"]


# A title, one short paragraph (28 characters) and no subhead, then a title-sized line: nothing under the
# first title is a deck (a list's items read large, or a short notice), so the line opens the next article.
def test_a_title_after_short_text_without_a_deck_opens_the_next_article() -> None:
    from textfix.layout import Item
    from textfix.split import _assemble

    items = [
        Item("title", "城市更新行动全面推进", 0, 10),
        Item("paragraph", "全国城市更新工作会议5日在北京召开，部署今年的重点任务。", 11, 39),
        Item("title", "总理主持 副总理出席", 40, 50),
        Item("paragraph", "会议指出，城市更新要坚持以人民为中心。", 51, 70),
    ]
    _, articles = _assemble(items, lambda offset: offset)
    assert [a.title for a in articles] == ["城市更新行动全面推进", "总理主持 副总理出席"]


# A deck above a news lead (issue 14; the shape of items of the train part's latest months): the title
# printed again as a line of text and a subhead under it, then the lead.  On a page with its titles at
# the foot the PDF's blank space opens the article at the deck (a break item); the lead after 12
# characters of text and a subhead -- fewer than any article has (split.ARTICLE_MIN_TEXT, 200) -- goes
# on the same article: two articles, the second opening with its deck.
def test_a_news_lead_under_a_deck_stays_in_the_decks_article_where_the_titles_are_at_the_foot() -> None:
    from textfix.layout import BLOCK_START, Item
    from textfix.lines import Line
    from textfix.split import _assemble

    def foot_title(text: str, start: int, name: str) -> Item:
        return Item("foot_title", text, start, start + len(text), [Line(text, start, start + len(text), 2 * len(text))], name)

    first = "央视网消息（新闻联播）：城市更新工作稳步推进，各地加快改造老旧小区。"
    deck = "纪念大会在京隆重举行"  # the title printed again in the text, 10 characters
    lead = "央视网消息（新闻联播）：纪念大会3日在人民大会堂隆重举行。"
    items = [
        Item("paragraph", first, 0, 34),
        Item("byline", "（记者 王磊）", 35, 42, name="王磊"),
        Item("break", "", 43, 43),
        Item("paragraph", deck, 43, 53),
        Item("heading", "主席出席并发表讲话", 54, 63),
        Item("paragraph", lead, 64, 64 + len(lead)),
        foot_title("城市更新行动全面推进", 100, ""),
        foot_title("纪念大会在京隆重举行", 111, BLOCK_START),  # one title a block
    ]
    _, articles = _assemble(items, lambda offset: offset)
    assert [a.title for a in articles] == ["城市更新行动全面推进", "纪念大会在京隆重举行"]
    assert [(b.kind, b.text[:4]) for b in articles[1].blocks] == [
        ("paragraph", "纪念大会"), ("heading", "主席出席"), ("paragraph", "央视网消")]


def test_a_news_lead_under_a_deck_signed_over_it_stays_in_its_article_where_the_titles_are_at_the_foot() -> None:
    # The page maker's "top" byline form with the titles at the foot: the byline line is printed over
    # the article's own headline lines, then its news lead (fresh3067 page-006).  The byline opened the
    # article; lines that end no sentence under it are its deck, and the lead is its text, not a third
    # article's (before: three articles for two foot titles, the lead's article given none of its own).
    from textfix.layout import BLOCK_START, Item
    from textfix.lines import Line
    from textfix.split import _assemble

    def foot_title(text: str, start: int, name: str) -> Item:
        return Item("foot_title", text, start, start + len(text), [Line(text, start, start + len(text), 2 * len(text))], name)

    first = "央视网消息（新闻联播）：城市更新工作稳步推进，各地加快改造老旧小区。"
    deck = "纪念大会在京隆重举行主席出席并发表讲话"  # two headline lines joined, no sentence mark
    lead = "央视网消息（新闻联播）：纪念大会3日在人民大会堂隆重举行。"
    items = [
        Item("paragraph", first, 0, 34),
        Item("byline", "（王磊）", 35, 39, name="王磊"),
        Item("lead_byline", "本报记者 张伟", 40, 47, name="张伟"),
        Item("paragraph", deck, 48, 48 + len(deck)),
        Item("paragraph", lead, 68, 68 + len(lead)),
        foot_title("城市更新行动全面推进", 100, BLOCK_START),
        foot_title("纪念大会在京隆重举行", 111, BLOCK_START),
    ]
    _, articles = _assemble(items, lambda offset: offset)
    assert [(a.title, a.byline) for a in articles] == [("城市更新行动全面推进", "王磊"), ("纪念大会在京隆重举行", "张伟")]
    assert [b.text[:4] for b in articles[1].blocks] == ["纪念大会", "央视网消"]


# The same deck under a title read by a text extractor, its line opened by a dateline (the page
# maker's 新华社…电（记者 张伟） byline form on the article's first paragraph): a lead itself, but the
# article has 9 characters of text when the news lead comes, so the lead does not open another.
def _assembled_under_title(title: str, text: str, lead: str, lead_at: int):
    """The articles split._assemble reads from a *title*, a paragraph of *text* and a *lead* at *lead_at*."""
    from textfix.layout import Item
    from textfix.split import _assemble

    items = [
        Item("title", title, 0, len(title)),
        Item("paragraph", text, 11, 11 + len(text)),
        Item("paragraph", lead, lead_at, lead_at + len(lead)),
    ]
    return _assemble(items, lambda offset: offset)[1]


def test_a_news_lead_after_a_dated_deck_line_under_a_title_stays_in_its_article() -> None:
    dated = "新华社北京9月3日电（记者 张伟）主席出席并发表讲话"
    lead = "央视网消息（新闻联播）：纪念大会3日在人民大会堂隆重举行。"
    articles = _assembled_under_title("纪念大会在京隆重举行", dated, lead, 40)
    assert [(a.title, a.byline) for a in articles] == [("纪念大会在京隆重举行", "张伟")]
    assert [b.text[:4] for b in articles[0].blocks] == ["新华社北", "央视网消"]


# A titled article that opened with a lead and has a whole article's text (220 characters) before the
# next lead: that lead opens the next article, as before.
def test_a_news_lead_after_a_whole_articles_text_under_a_title_opens_the_next_article() -> None:
    text = "央视网消息（新闻联播）：" + "城市更新工作稳步推进。" * 20
    lead = "央视网消息（新闻联播）：纪念大会3日在人民大会堂隆重举行。"
    articles = _assembled_under_title("城市更新行动全面推进", text, lead, 300)
    assert len(articles) == 2 and articles[1].blocks[0].text == lead


# A letter printed as an article (issue 14, the seventeenth session): its last paragraph, then its
# senders on short lines of their own, then the date alone on its line (YYYY年M月D日, the form an
# official letter dates its signature).  The column is 12 characters; the next article's title (10
# characters) is set over a byline line.  The senders and the date are bare lines, as a title's are:
# without the date's rule they were read as the next article's title (农业农村部科学技术部2025年3月1日
# 工厂订单…).  Each is a paragraph of the letter, as the gold of such items sets them.
LETTER = """致全国农技人员的慰问信
本报北京3月1日电
全国广大农技人员：
值此春耕时节，谨向奋战
在田间地头的农技人员致以
诚挚的问候和衷心的感谢！
一年来，你们深入村户，
传授技术，帮助农户解决生
产难题，为粮食丰收作出了
重要贡献。
祝你们工作顺利！
农业农村部
科学技术部
2025年3月1日
"""
SIGNATURE = ["祝你们工作顺利！", "农业农村部", "科学技术部", "2025年3月1日"]
FACTORY_TEXT = ARTICLE_2.replace("（李娜）", "")  # unsigned: the byline line under the title signs it


def test_a_letters_senders_and_date_end_it_not_open_the_next_title() -> None:
    page = split_page(LETTER + "工厂订单排到明年年底\n本报记者 李娜\n" + FACTORY_TEXT)
    assert [(a.title, a.byline) for a in page.articles] == [("致全国农技人员的慰问信", ""), ("工厂订单排到明年年底", "李娜")]
    assert [b.text for b in page.articles[0].blocks][-4:] == SIGNATURE


def test_a_letters_signature_read_again_a_paragraph_a_line_stays_its_paragraphs() -> None:
    # ``split --format text`` writes each block a line; read again as paragraphs, the senders and the date
    # (headline-shaped short lines) were read as headings (bench/settle.py's "split of split text").
    from textfix.paragraphs import read_paragraphs

    text = "全国广大农技人员：值此春耕时节，谨向农技人员致以诚挚的问候！\n" + "\n".join(SIGNATURE) + "\n"
    assert [(i.kind, i.text) for i in read_paragraphs(text)][-4:] == [("paragraph", line) for line in SIGNATURE]
    # Headline-shaped lines before a date that follow no sentence's end stay headings.
    assert [i.kind for i in read_paragraphs("春耕备耕\n" + "\n".join(SIGNATURE[1:]) + "\n")] == ["title", "heading", "heading", "heading"]


def test_a_letters_date_is_no_foot_title() -> None:
    # The titles at the foot: the lines read up from the foot stop at the date (no title's line is a
    # date alone), and the next article opens with its news lead after the letter's signature.
    letter = LETTER.split("\n", 1)[1]  # its title printed at the foot
    factory = "央视网消息（新闻联播）：" + FACTORY_TEXT.replace("\n", "", 1)
    page = split_page(letter + factory + "致全国农技人员的慰问信\n工厂订单排到明年年底\n")
    assert [a.title for a in page.articles] == ["致全国农技人员的慰问信", "工厂订单排到明年年底"]
    assert [b.text for b in page.articles[0].blocks][-4:] == SIGNATURE
    assert page.articles[1].blocks[0].text.startswith("央视网消息（新闻联播）：在江苏")


# A deck over a news lead on a page with its titles at the foot (issue 14, the thirteenth session's
# decks): the article before ends a sentence and is signed by no byline, then the next article's deck
# (the title printed again over two lines, a line under it: headline lines, no sentence end), then its lead.  A lead
# only opens an article and an article's own text ends its sentences, so the deck is the next one's;
# it was read at the end of the article before.
SPRING_TEXT = """央视网消息（新闻联播）：眼
下正值春耕备耕关键时期，
各地农民抢抓农时，田间地
头一派繁忙景象。
农技人员深入田间地头
开展技术指导，帮助农户解
决生产难题，确保春耕生产
顺利进行。
"""
DECK_AND_LEAD = """纪念大会
在京隆重举行
主席出席并讲话
央视网消息（新闻联播）：纪
念大会3日在人民大会堂隆
重举行，各界代表三千余人
出席大会。
大会指出，要继承先辈遗
志，团结奋斗，把各项事业
不断推向前进。
"""


def test_a_deck_over_a_lead_opens_its_article_where_the_titles_are_at_the_foot() -> None:
    page = split_page(SPRING_TEXT + DECK_AND_LEAD + "各地春耕备耕有序推进\n纪念大会在京隆重举行\n")
    first, second = page.articles
    assert (first.title, second.title) == ("各地春耕备耕有序推进", "纪念大会在京隆重举行")
    assert first.blocks[-1].text.endswith("确保春耕生产顺利进行。")
    assert "".join(b.text for b in second.blocks).startswith("纪念大会在京隆重举行主席出席并讲话央视网消息")


# An article whose text ends on no sentence mark (issue 14, the eighteenth session): a news item cut
# after its colon (…提出三点要求：, what it introduced left out) or ending on a list of names.  The
# column is 12 characters (24 units); the last line is short, so the paragraph ended there.  Under it
# came the next article's title over its news lead, or the article's byline on its own line: both were
# read as the paragraph going on (要求：工厂订单… 央视网消息…), as nothing followed a sentence end.
CUT_AT_COLON = """春耕备耕有序推进
央视网消息（新闻联播）：眼
下正值春耕备耕关键时期，
各地农民抢抓农时，田间地
头一派繁忙景象。
会上，负责人就做好春耕
工作提出三点要求：
"""
NAME_LIST = """春耕专家组名单
央视网消息（新闻联播）：春
耕专家组日前成立。
专家组由以下同志组成：
王明、李华、赵强、钱进、
孙立、周平
"""
FACTORY_LEAD = """央视网消息（新闻联播）：在
江苏常州的一家工厂里，工
人们正在组装新型机器人。
"""
FACTORY_LEAD_TEXT = "央视网消息（新闻联播）：在江苏常州的一家工厂里，工人们正在组装新型机器人。"  # FACTORY_LEAD's lines rejoined


def _titles_bylines_last_blocks(page) -> list[tuple[str, str, str]]:
    return [(a.title, a.byline, a.blocks[-1].text) for a in page.articles]


def test_a_title_over_a_lead_under_a_text_cut_at_its_colon_opens_the_next_article() -> None:
    # The title (17 characters) is set across the columns, wider than the column.
    page = split_page(CUT_AT_COLON + "工厂订单排到明年年底 企业加紧生产\n" + FACTORY_LEAD)
    assert _titles_bylines_last_blocks(page) == [
        ("春耕备耕有序推进", "", "会上，负责人就做好春耕工作提出三点要求："),
        ("工厂订单排到明年年底 企业加紧生产", "", FACTORY_LEAD_TEXT),
    ]


def test_a_title_over_a_lead_under_a_list_of_names_opens_the_next_article() -> None:
    page = split_page(NAME_LIST + "工厂订单排到明年年底\n" + FACTORY_LEAD)
    assert _titles_bylines_last_blocks(page) == [
        ("春耕专家组名单", "", "专家组由以下同志组成：王明、李华、赵强、钱进、孙立、周平"),
        ("工厂订单排到明年年底", "", FACTORY_LEAD_TEXT),
    ]


def test_a_byline_line_under_a_text_cut_at_its_colon_signs_it() -> None:
    page = split_page(CUT_AT_COLON + "（记者 张伟）\n工厂订单排到明年年底\n" + FACTORY_LEAD)
    assert _titles_bylines_last_blocks(page) == [
        ("春耕备耕有序推进", "张伟", "会上，负责人就做好春耕工作提出三点要求："),
        ("工厂订单排到明年年底", "", FACTORY_LEAD_TEXT),
    ]


def test_a_bare_note_under_a_colon_in_a_list_of_names_is_no_byline() -> None:
    # A parenthesis with no reporter's label under a short line that ends on no sentence mark is a
    # note the list goes on after (gl14/train539 page-001's shape), not the article's byline.
    page = split_page("""春耕专家组名单
央视网消息（新闻联播）：春
耕专家组名单如下：
组长：王明
成员：
（排名不分先后）
李华、赵强、钱进、孙立、
周平、吴刚、郑和、冯远。
""" + "工厂订单排到明年年底\n" + FACTORY_LEAD)
    assert [a.byline for a in page.articles] == ["", ""]
    assert "（排名不分先后）" in "".join(b.text for b in page.articles[0].blocks)


def test_a_lead_paragraph_printing_the_title_again_keeps_the_deck_under_it() -> None:
    # A dateline's paragraph that prints the title again and ends on no mark (rp14/train597 page-027's
    # shape): the body-size line under it and the news lead are the same article's, no next title.
    page = split_page("""纪念大会在京隆重举行
新华社北京3月1日电（记者
王明）纪念大会在京隆重
举行
某某某某出席观看
央视网消息（新闻联播）：纪
念大会3日在人民大会堂隆
重举行，各界代表三千余人
出席大会。
""")
    assert [a.title for a in page.articles] == ["纪念大会在京隆重举行"]


def test_a_title_read_as_text_is_not_parted_at_its_short_second_line() -> None:
    # The page's first title, set in large type in lines of 11 characters (22 units) over a column
    # of 14 (f14/train511 page-036's shape, the nineteenth session): its first line ends on 、, so no
    # headline, and is read as a paragraph's first line, as wide as an indented one.  Its second line
    # is short, but the paragraph opens the page, where a title is printed: its lines are no article's
    # text cut short, and the third line is no title of its own over the byline line and the lead (it
    # was, the first two lines read as an article of their own).  The title is still read as text (left).
    title = ["省长分别会见甲国总理、", "乙国国家副主席、丙国副", "总理兼外交部部长等一行"]
    page = split_page("\n".join(title) + """
本报记者 王明
央视网消息（新闻联播）：
省政府省长王明16日在省会
宾馆会见来访并出席第22届博
览会暨第十届经贸洽谈会的甲国
总理、乙国国家副主席和丙国副
总理兼外交部部长等一行客人，
双方就深化各领域合作交换意
见。
会见总理时，省长表示，今
年是两省结好15周年。不久
前，双方领导人在博览会期间会
面，达成重要共识，为双方合作
指明了方向。本省愿同甲国落实
共识，深化经贸、人文等领域合
作，共同办好下一届博览会。
""")
    assert title[2] not in [a.title for a in page.articles]
    assert "".join(b.text for b in page.articles[0].blocks).startswith("".join(title))


# Titles at the foot (the shapes of train2895 page-029 and train2899 page-032): three articles in
# columns of 13 characters (26 units), each signed on a line of its own, then the foot's titles in
# two of pdftotext's blocks.
SIGNED_ARTICLES = [  # (text, its byline on a line of its own)
    ("央视网消息（新闻联播）：今年以来，西藏各地持续推进生态保护，草原植被覆盖度稳步提高，群众生活明显改善。", "（记者 王磊）"),
    ("央视网消息（新闻联播）：各地加快推进农村公路建设，乡村群众出行更加便捷，农产品运输成本明显下降。", "（记者 李明）"),
    ("央视网消息（新闻联播）：多地公共图书馆延长夜间开放时间，吸引不少年轻读者下班后前来阅读学习。", "（记者 赵敏）"),
]


def _signed_page(foot: list[list[str]]) -> str:
    blocks = ["\n".join(set_lines(text, width=13) + [byline]) for text, byline in SIGNED_ARTICLES] + ["\n".join(b) for b in foot]
    return "\n\n".join(blocks) + "\n"


def test_a_foot_title_wrapped_after_its_colon_wider_than_the_column_is_one_title() -> None:
    # 【高质量发展系列发布会】西藏： is 15 characters, wider than the column, as no paragraph's line is;
    # it ends on a colon, so it is no headline, and the line under it, 11 characters, is no full one.
    page = split_page(_signed_page([["【高质量发展系列发布会】西藏：", "推动生态保护和民生改善"],
                                    ["乡村公路越修越好", "图书馆延时服务受欢迎"]]))
    assert [a.title for a in page.articles] == [
        "【高质量发展系列发布会】西藏：推动生态保护和民生改善", "乡村公路越修越好", "图书馆延时服务受欢迎"]


def test_a_paragraph_s_opening_over_too_few_titles_for_the_bylines_is_titles() -> None:
    # The foot's first block is shaped as a paragraph's opening: 11 characters (an indent short of the
    # column) over 13 and a space (full).  One title under it for three bylines: it holds two titles.
    page = split_page(_signed_page([["西藏草原生态保护见成效", "乡村公路越修越好 出行更便捷"], ["图书馆延时服务受欢迎"]]))
    assert [a.title for a in page.articles] == ["西藏草原生态保护见成效", "乡村公路越修越好 出行更便捷", "图书馆延时服务受欢迎"]
