"""pdftotext's blocks put back (textfix.order.move_order): its default mode cuts a column into blocks
at each bold subhead and orders the blocks by height across the columns, so a block comes out later
than it is read.  Hand-written pages, columns of 12 characters (a paragraph's first line indented by
two), blocks separated by blank lines as pdftotext prints them."""

from __future__ import annotations

import pytest

from textfix import split_page
from textfix.charclasses import closes_unopened, leaves_open
from textfix.lines import INDENT_MAX, BylineFinder, cut_lines, is_indented
from textfix.model import default_model
from textfix.order import (
    BLOCK_PARAGRAPHS, COLUMN_SHARE, COLUMN_SLACK, Reading, blocks_of, boxes, move_blocks, move_order, page_order,
    paragraphs_per_block, reading_order,
)
from textfix import order as order_module
from textfix.order import _bigrams, _cohesion, _no_term_worse, _pair_overlap
from textfix.repair import apply_changes, repair

from _setting import set_lines as _set


def _page(blocks: list[str]) -> str:
    return "\n\n".join(blocks) + "\n"


def _pieces(page: str, printed: list[str]) -> list[tuple[int, int]]:
    at, starts = 0, []
    for block in printed:
        at = page.index(block, at)
        starts.append(at)
    starts[0] = 0
    bounds = starts + [len(page)]
    return [(bounds[k], bounds[k + 1]) for k in range(len(printed))]


def _split_reads(page_text: str, bylines: list[str], first_blocks: list[tuple[str, str]]) -> None:
    """split_page reads *page_text* as articles signed *bylines*, the first made of *first_blocks*
    ((kind, text) each), and its change log is still a plan on the input."""
    page = split_page(page_text)
    assert [a.byline for a in page.articles] == bylines
    assert [(b.kind, b.text) for b in page.articles[0].blocks] == first_blocks
    assert apply_changes(page_text, page.changes) == page.text


# One article in two columns with a subhead in each (the shape of train page-022): column 1 holds
# the title, the lead's two paragraphs, subhead H1 and the first lines of P2 (broken inside a
# sentence at the column's foot: 帮|助); column 2 the rest of P2, subhead H2 and P3 with the
# byline.  A second article follows, its title over its lead.
TITLE_1 = "山区果园喜迎丰收"
LEAD_1A = "央视网消息（新闻联播）：入秋以来，南方山区的柑橘陆续成熟，果农忙着采摘装箱。"
LEAD_1B = "今年当地柑橘种植面积稳中有增。"
H1 = "电商直播打开销路"
P2 = "果农们借助电商直播把果子卖到全国各地，当地还组织技术人员上门指导，帮助果农改进包装和储运方式。"
H2 = "冷链物流保障新鲜"
P3 = "新建的冷链仓库让柑橘保鲜期延长到两个月以上，运输损耗明显下降。"
BYLINE_1 = "（记者 张伟）"
TITLE_2 = "城市绿道串起美好生活"
LEAD_2A = "央视网消息（新闻联播）：今年以来，多地加快建设城市绿道，市民出行更加便利。"
LEAD_2B = "绿道沿线还配建了休息驿站和健身设施。"
BYLINE_2 = "（记者 李明）"

P2_LINES = _set(P2)
P2_TOP, P2_REST = "\n".join(P2_LINES[:3]), "\n".join(P2_LINES[3:])
COLUMN_1A = "\n".join([TITLE_1, *_set(LEAD_1A), *_set(LEAD_1B)])
COLUMN_2B = "\n".join([*_set(P3)[:-1], _set(P3)[-1] + BYLINE_1])
ARTICLE_2 = "\n".join([TITLE_2, *_set(LEAD_2A), *_set(LEAD_2B), BYLINE_2])
# pdftotext's order: column 1's first piece, column 2's, column 1's subhead, column 2's text under its
# subhead, column 1's text under its subhead, column 2's subhead; then the next article.
PRINTED = [COLUMN_1A, P2_REST, H1, COLUMN_2B, P2_TOP, H2, ARTICLE_2]
READ = [COLUMN_1A, H1, P2_TOP, P2_REST, H2, COLUMN_2B, ARTICLE_2]


def test_the_page_is_set_as_described() -> None:
    assert P2_LINES[2][-1] == "帮" and len(P2_LINES[2]) == 12  # broken inside a sentence at full width
    page = _page(PRINTED)
    blocks = blocks_of(cut_lines(page, bylines=BylineFinder()), page)
    assert len(blocks) == len(PRINTED)
    # Several paragraphs a block: pdftotext's blocks, not pdfminer's boxes.
    assert paragraphs_per_block(blocks) >= BLOCK_PARAGRAPHS


def test_columns_cut_at_subheads_are_read_back() -> None:
    page = _page(PRINTED)
    piece = _pieces(page, PRINTED)
    assert reading_order(page) == [piece[PRINTED.index(block)] for block in READ]


def test_split_reads_the_subheads_in_their_article() -> None:
    page_text = _page(PRINTED)
    page = split_page(page_text)
    assert [(a.title, a.byline) for a in page.articles] == [(TITLE_1, "张伟"), (TITLE_2, "李明")]
    first = page.articles[0]
    assert [(b.kind, b.text) for b in first.blocks] == [
        ("paragraph", LEAD_1A), ("paragraph", LEAD_1B), ("heading", H1), ("paragraph", P2), ("heading", H2), ("paragraph", P3)
    ]
    # The change log is still a plan on the input.
    assert apply_changes(page_text, page.changes) == page.text
    assert "reorder" in {c.rule for c in page.changes}


def test_the_page_read_in_order_stays_as_it_is() -> None:
    assert reading_order(_page(READ)) is None


# Titles at the foot (the shape of train25 page-014): a subhead's text comes out after the next
# article, and the subhead stands right before that article's lead.
LEAD_3 = "央视网消息（新闻联播）：近日，多地图书馆延长开放时间，吸引不少读者前来阅读。"
H3 = "夜间阅读受到欢迎"
P4 = "不少读者表示，夜间阅读让下班后的时间更加充实。"
BYLINE_3 = "（记者 王磊）"
LEAD_4A = "央视网消息（新闻联播）：眼下正值秋收时节，各地农机手抢抓晴好天气收割玉米。"
LEAD_4B = "今年玉米长势良好，丰收在望。"
BYLINE_4 = "（记者 赵敏）"
FOOT = "图书馆延时服务受读者欢迎\n秋收玉米丰收在望"
P4_BLOCK = "\n".join([*_set(P4)[:-1], _set(P4)[-1] + BYLINE_3])
ARTICLE_4 = "\n".join([*_set(LEAD_4A), *_set(LEAD_4B)[:-1], _set(LEAD_4B)[-1] + BYLINE_4])
FOOT_PRINTED = ["\n".join(_set(LEAD_3)), H3, ARTICLE_4, P4_BLOCK, FOOT]


def test_a_subhead_s_text_printed_after_the_next_article_goes_back() -> None:
    page_text = _page(FOOT_PRINTED)
    piece = _pieces(page_text, FOOT_PRINTED)
    assert reading_order(page_text) == [piece[0], piece[1], piece[3], piece[2], piece[4]]
    _split_reads(page_text, ["王磊", "赵敏"], [("paragraph", LEAD_3), ("heading", H3), ("paragraph", P4)])


# The same subhead with a colon, wrapped (the shape of train43 page-010's sub-story headline: a
# speaker of four characters, a colon and a clause of thirteen, wrapped after its fifteenth
# character): its first line fills the column, so unless it is read as a subhead's it is text
# going on inside a sentence, and nothing shows the move.
H3_COLON = "读者：夜间阅读让下班后的\n时光更充实"


def test_a_wrapped_subhead_with_a_colon_wants_its_text_back() -> None:
    printed = ["\n".join(_set(LEAD_3)), H3_COLON, ARTICLE_4, P4_BLOCK, FOOT]
    assert len(H3_COLON.split("\n")[0]) == 12  # as wide as the column
    page_text = _page(printed)
    piece = _pieces(page_text, printed)
    assert reading_order(page_text) == [piece[0], piece[1], piece[3], piece[2], piece[4]]
    _split_reads(page_text, ["王磊", "赵敏"], [
        ("paragraph", LEAD_3), ("heading", H3_COLON.replace("\n", "")), ("paragraph", P4)
    ])


def test_a_lead_s_first_line_alone_is_no_subhead_for_its_colon() -> None:
    """A lead's first line boxed alone (pdfminer: ``央视网消息（新闻联播）：今年是西``, train page-003)
    is punctuated as a colon subhead is, but opens an article's text."""
    from textfix.order import _subhead

    def block(text: str) -> list:
        return blocks_of(cut_lines(text + "\n", bylines=BylineFinder()), text + "\n")[0]

    assert _subhead(block(H3_COLON))
    assert not _subhead(block("央视网消息（新闻联播）：今"))


def test_one_paragraph_a_box_is_not_pdftotext_s() -> None:
    # The same blocks with the second article's paragraphs in boxes of their own: one paragraph a
    # block, as pdfminer prints its boxes: the moves are not tried (pdfminer's order is strips).
    boxes = ["\n".join(_set(LEAD_3)), H3, "\n".join(_set(LEAD_4A)), "\n".join([*_set(LEAD_4B)[:-1], _set(LEAD_4B)[-1] + BYLINE_4]), P4_BLOCK, FOOT]
    page = _page(boxes)
    blocks = blocks_of(cut_lines(page, bylines=BylineFinder()), page)
    assert paragraphs_per_block(blocks[:5]) < BLOCK_PARAGRAPHS
    assert move_order(blocks, 5) is None


def test_lines_set_apart_by_blank_lines_are_no_pdftotext_blocks() -> None:
    # The first article's lead printed with a blank line after its second and third lines (as the
    # generator pages print some lines): two one-line blocks of text, which pdftotext never prints
    # (ONE_LINE_BLOCKS); the page is read as printed although its subhead stands before the next
    # article's lead.
    lead = _set(LEAD_3)
    page_text = _page(["\n".join(lead[:2]), lead[2], lead[3], H3, ARTICLE_4, P4_BLOCK, FOOT])
    blocks = blocks_of(cut_lines(page_text, bylines=BylineFinder()), page_text)
    assert paragraphs_per_block(blocks[:6]) >= BLOCK_PARAGRAPHS and len(lead) == 4
    assert move_order(blocks, 6) is None
    assert reading_order(page_text) is None


# Titles at the foot (the shape of train23 page-030): a subhead set at column 2's top with its text in
# one block, signed, comes out after the next article; the first article ends unsigned before it.
LEAD_3B = "馆方还开设了阅读分享会，每周邀请读者交流读书心得。"
OVER_TEXT = "\n".join([H3, *_set(P4)[:-1], _set(P4)[-1] + BYLINE_3])
OVER_PRINTED = ["\n".join(_set(LEAD_3)), "\n".join(_set(LEAD_3B)), ARTICLE_4, OVER_TEXT, FOOT]


def test_a_subhead_over_its_text_printed_after_the_next_article_goes_back() -> None:
    page_text = _page(OVER_PRINTED)
    piece = _pieces(page_text, OVER_PRINTED)
    assert reading_order(page_text) == [piece[0], piece[1], piece[3], piece[2], piece[4]]
    _split_reads(page_text, ["王磊", "赵敏"], [
        ("paragraph", LEAD_3), ("paragraph", LEAD_3B), ("heading", H3), ("paragraph", P4)
    ])


# Titles at the foot (the shape of train25 page-011): the last article is set in two columns under a
# byline line; pdftotext prints its second column first, then the byline line and the first column,
# which stops inside a sentence right before the titles.
BYLINE_LINE = "本报记者 王磊"
LEAD_5A = "央视网消息（新闻联播）：今年以来，各地加快推进农村公路建设，新改建农村公路超过十万公里，乡村群众出行更加便捷，农产品运输成本明显下降。"
LEAD_5B = "沿线村民表示，家门口的路好走了，日子也越过越红火。"
LEAD_5_LINES = _set(LEAD_5A) + _set(LEAD_5B)
COLUMN_5A, COLUMN_5B = "\n".join(LEAD_5_LINES[:4]), "\n".join(LEAD_5_LINES[4:])
FIRST = "\n".join(_set(LEAD_3) + _set(LEAD_3B))
LATE_PRINTED = [FIRST, COLUMN_5B, BYLINE_LINE, COLUMN_5A, FOOT]


def test_a_column_top_printed_after_its_article_goes_back_before_the_titles() -> None:
    assert LEAD_5_LINES[3] == "农村公路超过十万公里，乡"  # column 1 stops inside a sentence, at full width
    page_text = _page(LATE_PRINTED)
    piece = _pieces(page_text, LATE_PRINTED)
    assert reading_order(page_text) == [piece[0], piece[2], piece[3], piece[1], piece[4]]
    page = split_page(page_text)
    assert [a.byline for a in page.articles] == ["", "王磊"]
    assert [(b.kind, b.text) for b in page.articles[1].blocks] == [("paragraph", LEAD_5A), ("paragraph", LEAD_5B)]


# The same article with a third under it in column 1 (the shape of train67 page-004): the third
# article's byline line stands under column 1's foot, which stops inside a sentence, and pdftotext
# takes the two for one block; its lead follows in a block of its own.  The byline line opens the
# third article (a bare byline line is set only under a title), so the block is cut over it.
BYLINE_LINE_C = "本报记者 赵敏"
ARTICLE_C = "\n".join(_set(LEAD_4A) + _set(LEAD_4B))
FOOT_C = "图书馆延时服务受读者欢迎\n乡村公路越修越好\n秋收玉米丰收在望"
BYLINE_UNDER_PRINTED = [FIRST, COLUMN_5B, BYLINE_LINE, COLUMN_5A + "\n" + BYLINE_LINE_C, ARTICLE_C, FOOT_C]


def test_a_byline_line_under_another_column_s_foot_is_read_apart() -> None:
    page_text = _page(BYLINE_UNDER_PRINTED)
    first, column_b, byline, column_a, article_c, foot = _pieces(page_text, BYLINE_UNDER_PRINTED)
    byline_c = page_text.index(BYLINE_LINE_C)
    assert reading_order(page_text) == [
        first, byline, (column_a[0], byline_c), column_b, (byline_c, column_a[1]), article_c, foot
    ]
    page = split_page(page_text)
    assert [a.byline for a in page.articles] == ["", "王磊", "赵敏"]
    assert [(b.kind, b.text) for b in page.articles[1].blocks] == [("paragraph", LEAD_5A), ("paragraph", LEAD_5B)]
    assert [(b.kind, b.text) for b in page.articles[2].blocks] == [("paragraph", LEAD_4A), ("paragraph", LEAD_4B)]


# Titles at the foot (the shape of train75 page-028): a library article in two columns of about the same
# height (column 1 stops inside a sentence), a harvest article, unsigned, and then, printed last, a section of the library
# article (a subhead over its text, signed) that pdftotext printed after the next article.  No seam is
# broken (the harvest article ends a sentence and signs nothing); only the section's topic tells.
LEAD_L = "央视网消息（新闻联播）：近日，多地公共图书馆延长夜间开放时间，吸引不少年轻读者下班后前来阅读。"
LEAD_L2 = "图书馆夜间开放以来，读者人数明显增加，馆方还开设了夜间阅读分享会，每周邀请读者交流读书心得。"
H_L = "夜间阅读受欢迎"
P_L = "不少年轻读者表示，图书馆夜间开放让下班后的阅读时间更加充实，夜间阅读分享会也让读者结识了新朋友。"
P_L2 = "馆方表示，将根据读者需求继续延长开放时间。"
LEAD_L3 = "据介绍，夜间开放时段的借阅量已占全天的三成，自习座位常常座无虚席。"
LINES_L = _set(LEAD_L) + _set(LEAD_L2) + _set(LEAD_L3)
SECTION_L = "\n".join([H_L, *_set(P_L), *_set(P_L2)[:-1], _set(P_L2)[-1] + BYLINE_3])
HARVEST = "\n".join(_set(LEAD_4A) + _set(LEAD_4B))
LATE_SECTION_PRINTED = ["\n".join(LINES_L[:7]), "\n".join(LINES_L[7:]), HARVEST, SECTION_L, FOOT]


def test_a_section_printed_last_before_the_titles_goes_back_to_its_topic() -> None:
    assert LINES_L[6] == "读者人数明显增加，馆方还"  # column 1 stops inside a sentence, at full width
    page_text = _page(LATE_SECTION_PRINTED)
    column_1, column_2, harvest, section, foot = _pieces(page_text, LATE_SECTION_PRINTED)
    assert reading_order(page_text) == [column_1, column_2, section, harvest, foot]
    page = split_page(page_text)
    assert [a.byline for a in page.articles] == ["王磊", ""]
    assert [(b.kind, b.text) for b in page.articles[0].blocks] == [
        ("paragraph", LEAD_L), ("paragraph", LEAD_L2), ("paragraph", LEAD_L3), ("heading", H_L), ("paragraph", P_L), ("paragraph", P_L2)
    ]


# Titles at the foot (the shape of train549 page-037, train587 page-025): three articles, the last
# signed, and a section of the first (a subhead over its text, unsigned) printed last.  Its seam after
# the signature is broken; read at the end of the first or the second article, or between the third's
# lead and its column 2, it breaks none, and the section shares no words with any article, so the topics
# do not tell: the shortest move read it into the third article.  It closes the first article that takes it.
LEAD_K = "央视网消息（新闻联播）：近日，多个城市的老旧小区开设了社区食堂，老人在家门口就能吃上热乎饭菜。"
LEAD_K2 = "食堂的饭菜价格实惠，荤素搭配，每天都有新花样。"
LEAD_N = "央视网消息（新闻联播）：入冬以来，各地乡村书屋延长开放时间，吸引不少村民前来读书看报。"
LEAD_N2 = "书屋还定期举办读书分享活动，村民们学得认真，问得仔细。"
LEAD_W = "央视网消息（新闻联播）：全国冬季运动会今天开幕，来自各地的运动员将同场竞技。"
LEAD_W2 = "本届运动会设置多个大项，赛程持续十天。"
H_K = "助餐服务延伸到家"
P_K = "行动不便的居民可以打电话预约，志愿者会按时上门送达。"
FOOT_K = "社区食堂开进老小区\n乡村书屋点亮农家夜晚\n全国冬季运动会开幕"
FIRST_SECTION_LAST_PRINTED = [
    "\n".join(_set(LEAD_K) + _set(LEAD_K2)), "\n".join(_set(LEAD_N)), "\n".join(_set(LEAD_N2)), "\n".join(_set(LEAD_W)),
    "\n".join([*_set(LEAD_W2)[:-1], _set(LEAD_W2)[-1] + BYLINE_4]), "\n".join([H_K, *_set(P_K)]), FOOT_K,
]


def test_a_section_printed_last_closes_the_first_article_that_takes_it() -> None:
    page_text = _page(FIRST_SECTION_LAST_PRINTED)
    first, lead_n, column_n, lead_w, column_w, section, foot = _pieces(page_text, FIRST_SECTION_LAST_PRINTED)
    assert reading_order(page_text) == [first, section, lead_n, column_n, lead_w, column_w, foot]
    page = split_page(page_text)
    assert [(a.title, a.byline) for a in page.articles] == [
        ("社区食堂开进老小区", ""), ("乡村书屋点亮农家夜晚", ""), ("全国冬季运动会开幕", "赵敏")
    ]
    assert [(b.kind, b.text) for b in page.articles[0].blocks] == [
        ("paragraph", LEAD_K), ("paragraph", LEAD_K2), ("heading", H_K), ("paragraph", P_K)
    ]


# Titles over the articles (the shape of train65 page-018): the article's last subhead is printed
# last, after the text it heads.  The page's first block opens with its title over the lead, so no
# titles stand at the foot: the subhead goes back over its text (read as the foot's titles, it stayed
# last and the page's titles were taken for subheads).
SUBHEAD_LAST_PRINTED = [COLUMN_1A, H1, "\n".join(P2_LINES), COLUMN_2B, H2]


def test_a_subhead_printed_last_under_titles_over_the_articles_goes_back_over_its_text() -> None:
    page_text = _page(SUBHEAD_LAST_PRINTED)
    column_1, h1, p2, column_2, h2 = _pieces(page_text, SUBHEAD_LAST_PRINTED)
    assert reading_order(page_text) == [column_1, h1, p2, h2, column_2]
    page = split_page(page_text)
    assert [(a.title, a.byline) for a in page.articles] == [(TITLE_1, "张伟")]
    assert [(b.kind, b.text) for b in page.articles[0].blocks] == [
        ("paragraph", LEAD_1A), ("paragraph", LEAD_1B), ("heading", H1), ("paragraph", P2), ("heading", H2), ("paragraph", P3)
    ]


def test_a_byline_line_alone_before_the_titles_stays_there() -> None:
    # The byline line set over the columns is printed with the titles (train25 page-021): which of the
    # leads it heads the text does not tell, so it is not moved.
    page_text = _page([FIRST, "\n".join(LEAD_5_LINES), ARTICLE_4, BYLINE_LINE, FOOT])
    assert reading_order(page_text) is None


# Titles at the foot (the shape of train25 page-029): the foot of an article's first column (a subhead
# and its text) and the next article's lead stand one under the other, and pdftotext takes them for
# one block, printed after the article's second column.
JOINED = "\n".join([H1, P2_TOP, ARTICLE_4])
JOINED_PRINTED = [FIRST, P2_REST, JOINED, FOOT]


def test_a_lead_joined_to_the_column_over_it_is_read_apart() -> None:
    page_text = _page(JOINED_PRINTED)
    first, column_b, joined, foot = (page_text.index(block) for block in JOINED_PRINTED)
    lead = page_text.index(ARTICLE_4)
    assert reading_order(page_text) == [(0, column_b), (joined, lead), (column_b, joined), (lead, foot), (foot, len(page_text))]
    _split_reads(page_text, ["", "赵敏"], [
        ("paragraph", LEAD_3), ("paragraph", LEAD_3B), ("heading", H1), ("paragraph", P2)
    ])


# One article in three columns (the shape of train25 page-015): a subhead at column 2's top is a
# block of its own, and pdftotext prints column 3's first paragraph (as high on the page) before the
# subhead's text; column 3 goes on with a subhead over the article's last paragraph.  No sentence is
# broken: only the subhead's topic, which its text opens with, tells.
H_COLD = "冷链仓库延长柑橘保鲜期"
OTHER = "当地还组织技术人员上门指导，帮助果农改进包装和储运方式。"
H_LAST = "果农收入持续增加"
P_LAST = "今年果农人均收入比去年增加两成以上，不少农户盖起了新房。"
COLUMN_3B = "\n".join([H_LAST, *_set(P_LAST)[:-1], _set(P_LAST)[-1] + BYLINE_1])
TOPIC_PRINTED = [COLUMN_1A, H_COLD, "\n".join(_set(OTHER)), "\n".join(_set(P3)), COLUMN_3B, ARTICLE_2]


def test_a_subhead_is_read_over_the_text_that_opens_with_its_topic() -> None:
    page_text = _page(TOPIC_PRINTED)
    piece = _pieces(page_text, TOPIC_PRINTED)
    assert reading_order(page_text) == [piece[0], piece[1], piece[3], piece[2], piece[4], piece[5]]
    page = split_page(page_text)
    assert [(b.kind, b.text) for b in page.articles[0].blocks] == [
        ("paragraph", LEAD_1A), ("paragraph", LEAD_1B), ("heading", H_COLD), ("paragraph", P3), ("paragraph", OTHER),
        ("heading", H_LAST), ("paragraph", P_LAST),
    ]


# A subhead wrapped onto a short second line, the two lines printed apart and in reverse (the shape of
# train25 page-036): the short rest names too little to be asked for its topic.
H_WRAP_FIRST, H_WRAP_REST = "柑橘采摘季农户忙装箱发货", "外销"
P_WRAP = "今年柑橘采摘季，农户每天忙着装箱发货，产品销往各地。"
WRAP_PRINTED = ["\n".join([TITLE_1, *_set(LEAD_1A)]), H_WRAP_REST, H_WRAP_FIRST, "\n".join(_set(P_WRAP)), ARTICLE_2]


def test_the_short_rest_of_a_wrapped_subhead_is_not_asked_for_its_topic() -> None:
    page_text = _page(WRAP_PRINTED)
    piece = _pieces(page_text, WRAP_PRINTED)
    assert reading_order(page_text) == [piece[0], piece[2], piece[1], piece[3], piece[4]]


# The same subhead, its short rest printed on the line under the text over it, in that text's block,
# its first line in a block of its own after it (the shape of train page-023, train35 page-009).
GLUED_PRINTED = ["\n".join([TITLE_1, *_set(LEAD_1A), H_WRAP_REST]), H_WRAP_FIRST, "\n".join(_set(P_WRAP)), ARTICLE_2]


def test_the_rest_of_a_wrapped_subhead_printed_under_the_text_before_it_goes_after_its_first_line() -> None:
    page_text = _page(GLUED_PRINTED)
    rest = page_text.index("\n" + H_WRAP_REST + "\n") + 1
    first, text, article_2 = (page_text.index(block) for block in GLUED_PRINTED[1:])
    assert reading_order(page_text) == [(0, rest), (first, text), (rest, first), (text, article_2), (article_2, len(page_text))]
    _split_reads(page_text, ["", "李明"], [
        ("paragraph", LEAD_1A), ("heading", H_WRAP_FIRST + H_WRAP_REST), ("paragraph", P_WRAP)
    ])


def test_a_wrapped_subhead_with_a_colon_gets_its_rest_back_too() -> None:
    """A subhead may hold a colon (train41 page-022's 国际人士：…): its first line is still one."""
    first_line, rest = "果农：柑橘采摘季忙装箱发", "货"
    printed = ["\n".join([TITLE_1, *_set(LEAD_1A), rest]), first_line, "\n".join(_set(P_WRAP)), ARTICLE_2]
    page_text = _page(printed)
    at_rest = page_text.index("\n" + rest + "\n") + 1
    first, text, article_2 = (page_text.index(block) for block in printed[1:])
    assert reading_order(page_text) == [(0, at_rest), (first, text), (at_rest, first), (text, article_2), (article_2, len(page_text))]


def test_a_byline_under_the_text_before_a_subhead_stays_there() -> None:
    """A byline line ends the block over a subhead's first line: it is no rest of the subhead."""
    printed = ["\n".join([TITLE_1, *_set(LEAD_1A), BYLINE_1]), H_WRAP_FIRST, "\n".join(_set(P_WRAP)), ARTICLE_2]
    assert reading_order(_page(printed)) is None


# A subhead set at column 1's foot ends column 1's block; its text opens column 2, which pdftotext
# prints after column 2's lower paragraph, and after the next article's first block (the shape of
# train23 page-017: read so, the text would follow a full line that ends no sentence).
H_FOOT = "冷链物流让柑橘保鲜更久"
COLUMN_1_SUBHEAD = "\n".join([COLUMN_1A, H_FOOT])
COLUMN_2_LOWER = "\n".join([*_set(OTHER)[:-1], _set(OTHER)[-1] + BYLINE_1])
ARTICLE_2A, ARTICLE_2B = "\n".join([TITLE_2, *_set(LEAD_2A)]), "\n".join([*_set(LEAD_2B), BYLINE_2])
FOOT_HEAD_PRINTED = [COLUMN_1_SUBHEAD, COLUMN_2_LOWER, ARTICLE_2A, "\n".join(_set(P3)), ARTICLE_2B]


def test_a_subhead_at_a_column_s_foot_is_read_over_its_text() -> None:
    page_text = _page(FOOT_HEAD_PRINTED)
    piece = _pieces(page_text, FOOT_HEAD_PRINTED)
    assert reading_order(page_text) == [piece[0], piece[3], piece[1], piece[2], piece[4]]
    page = split_page(page_text)
    assert [(b.kind, b.text) for b in page.articles[0].blocks] == [
        ("paragraph", LEAD_1A), ("paragraph", LEAD_1B), ("heading", H_FOOT), ("paragraph", P3), ("paragraph", OTHER)
    ]


# One article in two columns, each cut at subheads (the shape of train29 page-035): subhead HB, wrapped
# onto a short second line, is printed before subhead HA beside it, and subhead HC, wrapped too, ends
# HB's text at column 2's foot, its own text at column 3's top.  Read as printed but HB's and HA's
# blocks swapped, no seam would break: only HC wanting its text after it tells the columns apart.
HA = "电商直播打开柑橘销路"
TEXT_A = ["果农们借助电商直播把柑橘卖到全国各地，销量比去年翻了一番。", "不少年轻人也回乡做起了主播。"]
HB = ["冷链仓库让柑橘保鲜期延长", "到两个月"]
TEXT_B = "新建的冷链仓库让柑橘保鲜期延长到两个月以上，运输损耗明显下降。"
HC = ["技术人员上门指导果农改进", "包装储运"]
TEXT_C = "当地还组织技术人员上门指导，帮助果农改进包装和储运方式。"
TAIL_LEAD = "\n".join(_set(LEAD_1A) + _set(LEAD_1B))
TAIL_ARTICLE_2 = "\n".join([*_set(LEAD_2A), *_set(LEAD_2B), BYLINE_2])
TAIL_FOOT = "\n".join([TITLE_1, TITLE_2])
TAIL_PRINTED = [
    TAIL_LEAD, "\n".join(HB), HA, "\n".join([*_set(TEXT_B), *HC]), "\n".join(_set(TEXT_A[0]) + _set(TEXT_A[1])),
    "\n".join([*_set(TEXT_C)[:-1], _set(TEXT_C)[-1] + BYLINE_1]), TAIL_ARTICLE_2, TAIL_FOOT,
]


def test_a_wrapped_subhead_at_a_column_s_foot_wants_its_text_next() -> None:
    assert all(len(line) * 2 >= 24 - 7 for line in (HA, HB[0], HC[0]))  # as wide as the column but for an indent
    page_text = _page(TAIL_PRINTED)
    piece = _pieces(page_text, TAIL_PRINTED)
    assert reading_order(page_text) == [piece[k] for k in (0, 2, 4, 1, 3, 5, 6, 7)]
    page = split_page(page_text)
    assert [(b.kind, b.text) for b in page.articles[0].blocks] == [
        ("paragraph", LEAD_1A), ("paragraph", LEAD_1B), ("heading", HA), ("paragraph", TEXT_A[0]), ("paragraph", TEXT_A[1]),
        ("heading", "".join(HB)), ("paragraph", TEXT_B), ("heading", "".join(HC)), ("paragraph", TEXT_C),
    ]


# Titles over the articles (the shape of train37 page-023): a subhead over its text at column 1's foot
# (the text stops inside a sentence, 帮|助) is printed after column 2, which opens with the rest of that
# sentence and ends the article, and before the next article, whose first block stops inside a
# sentence too (绿道，串联公园、|河湖).  Put before column 2, the subhead's block mends both seams; so
# would the next article's first block put there (column 2 going on from it), but pdftotext cuts a
# column at a subhead, not inside an article's lead: the block that opens with the subhead is moved.
LEAD_6 = _set("央视网消息（新闻联播）：今年以来，多地加快建设城市绿道，串联公园、河湖和老街区，市民出行和休闲更加便利。")
OVER_FOOT = "\n".join([H1, P2_TOP])
COLUMN_2_SIGNED = "\n".join([P2_LINES[3], P2_LINES[4] + BYLINE_1])
ARTICLE_6A, ARTICLE_6B = "\n".join([TITLE_2, *LEAD_6[:3]]), "\n".join([*LEAD_6[3:], BYLINE_2])
OVER_FOOT_PRINTED = ["\n".join([TITLE_1, *_set(LEAD_1A)]), COLUMN_2_SIGNED, OVER_FOOT, ARTICLE_6A, ARTICLE_6B]


def test_a_subhead_over_its_text_at_a_column_s_foot_goes_back_before_the_column_beside_it() -> None:
    assert LEAD_6[2][-1] == "、" and len(LEAD_6[2]) == len(LEAD_6[3]) == 12  # stops inside a sentence at full width
    page_text = _page(OVER_FOOT_PRINTED)
    piece = _pieces(page_text, OVER_FOOT_PRINTED)
    assert reading_order(page_text) == [piece[k] for k in (0, 2, 1, 3, 4)]
    page = split_page(page_text)
    assert [(a.title, a.byline) for a in page.articles] == [(TITLE_1, "张伟"), (TITLE_2, "李明")]
    assert [(b.kind, b.text) for b in page.articles[0].blocks] == [("paragraph", LEAD_1A), ("heading", H1), ("paragraph", P2)]
    assert apply_changes(page_text, page.changes) == page.text


# Titles at the foot (the shape of train33 page-031): a subhead over its text at column 2's foot,
# printed last with the titles (no line of it ends a sentence or a clause: it might be titles); the
# subhead is as wide as an indented first line, but it stopped two characters short of the column
# with nothing after it that could not have gone on the line: a heading (a line of text would have
# been filled) over a paragraph's first line, so the block is text, read before the column it goes on in.
H_STOPPED = "夜间阅读受到读者欢迎"
P_STOPPED = _set("不少读者表示夜间阅读让下班后的时光充实，还在这里结识了许多同样爱读书的新朋友。")
STOPPED_HEAD = "\n".join([H_STOPPED, *P_STOPPED[:2]])
STOPPED_REST = "\n".join([P_STOPPED[2], P_STOPPED[3] + BYLINE_3])
STOPPED_PRINTED = [FIRST, STOPPED_REST, ARTICLE_4, STOPPED_HEAD, FOOT]


def test_a_subhead_that_stopped_short_of_the_column_is_read_over_its_text() -> None:
    # 10 characters: no shorter than a paragraph's indented first line, two short of a full one.
    assert len(H_STOPPED) == len(P_STOPPED[0]) == 10 and len(P_STOPPED[1]) == len(P_STOPPED[2]) == 12
    page_text = _page(STOPPED_PRINTED)
    piece = _pieces(page_text, STOPPED_PRINTED)
    assert reading_order(page_text) == [piece[k] for k in (0, 3, 1, 2, 4)]
    _split_reads(page_text, ["王磊", "赵敏"], [
        ("paragraph", LEAD_3), ("paragraph", LEAD_3B), ("heading", H_STOPPED), ("paragraph", "".join(P_STOPPED))
    ])


# Titles at the foot (the shape of train37 page-003): an article in two columns, each with a
# subhead over its text; the subhead at column 1's foot, its text stopping inside a sentence, is printed
# after column 2's top (the rest of that sentence, then a paragraph's end) and right before column 2's
# subhead.  A sentence left unfinished before a subhead over its text is pdftotext's seam, as before a
# lead: the block goes back over the column that goes on from it.
H_SHARE = "阅读分享会受青睐"
ONLINE = "图书馆还推出了线上借阅服务。"
SHARE_PRINTED = [
    FIRST, "\n".join([*P_STOPPED[2:], *_set(ONLINE)]), "\n".join([H3, *P_STOPPED[:2]]),
    "\n".join([H_SHARE, *_set(P4)[:-1], _set(P4)[-1] + BYLINE_3]), FOOT.split("\n")[0],
]


def test_a_subhead_over_its_text_before_another_goes_back_over_the_column_it_goes_on_in() -> None:
    page_text = _page(SHARE_PRINTED)
    piece = _pieces(page_text, SHARE_PRINTED)
    assert reading_order(page_text) == [piece[k] for k in (0, 2, 1, 3, 4)]
    _split_reads(page_text, ["王磊"], [
        ("paragraph", LEAD_3), ("paragraph", LEAD_3B), ("heading", H3), ("paragraph", "".join(P_STOPPED)), ("paragraph", ONLINE),
        ("heading", H_SHARE), ("paragraph", P4),
    ])


# Titles at the foot (the shape of train29 page-002): an article in two columns; column 2 opens with
# the last two lines of a paragraph, then a subhead over its text.  pdftotext prints the subhead and its
# text after the next article, which ends unsigned: no seam breaks, but the article as printed ends at a
# column of two lines under a first column of six, which CSS would have balanced (COLUMN_SHARE).
SHARE_X = _set("馆方还开设了阅读分享会，每周邀请读者走上讲台交流读书心得，气氛十分热烈。")
COLUMN_1 = "\n".join([*_set(LEAD_3), *SHARE_X[:2]])
COLUMN_2_TOP = "\n".join(SHARE_X[2:])
UNSIGNED_4 = "\n".join([*_set(LEAD_4A), *_set(LEAD_4B)])
SHORT_PRINTED = [COLUMN_1, COLUMN_2_TOP, UNSIGNED_4, "\n".join([H3, *_set(P4)[:-1], _set(P4)[-1] + BYLINE_3]), FOOT]


def test_an_article_whose_last_column_is_short_of_its_first_gets_its_rest_back() -> None:
    # Column 1 holds six lines (the lead's four and two of the paragraph), column 2's top two: 2/6 of
    # the first block, short of COLUMN_SHARE; the paragraph breaks at full width inside a sentence.
    assert len(_set(LEAD_3)) == 4 and len(SHARE_X) == 4 and len(SHARE_X[1]) == 12 and SHARE_X[3].endswith("。")
    assert 2 / 6 < COLUMN_SHARE
    page_text = _page(SHORT_PRINTED)
    piece = _pieces(page_text, SHORT_PRINTED)
    assert reading_order(page_text) == [piece[k] for k in (0, 1, 3, 2, 4)]
    page = split_page(page_text)
    assert [(b.kind, b.text) for b in page.articles[0].blocks] == [
        ("paragraph", LEAD_3), ("paragraph", "".join(SHARE_X)), ("heading", H3), ("paragraph", P4)
    ]
    assert apply_changes(page_text, page.changes) == page.text


def test_a_balanced_article_is_read_as_printed() -> None:
    # The same article with column 2 whole before the next article (a column of six lines: 2 + the
    # subhead + 3): nothing to move.
    page_text = _page([COLUMN_1, "\n".join([COLUMN_2_TOP, H3, *_set(P4)[:-1], _set(P4)[-1] + BYLINE_3]), UNSIGNED_4, FOOT])
    assert reading_order(page_text) is None


# Titles at the foot (the shape of train31 page-010): a subhead over its text whose first line stopped
# short of its indent, where the Latin run that opens the next line did not fit (8 characters, room for
# 10 less the run of 6); printed after the next article, it goes back as a subhead over its text does.
H_RUN = "线上预约方便读者"
RUN_TEXT = ["读者可以通过手机", "WeChat小程序预约座位，", "到馆后扫码即可入座。"]
RUN_PRINTED = ["\n".join(_set(LEAD_3)), "\n".join(_set(LEAD_3B)), ARTICLE_4, "\n".join([H_RUN, *RUN_TEXT[:-1], RUN_TEXT[-1] + BYLINE_3]), FOOT]


def test_a_subhead_over_a_first_line_stopped_short_by_a_run_goes_back() -> None:
    page_text = _page(RUN_PRINTED)
    piece = _pieces(page_text, RUN_PRINTED)
    assert reading_order(page_text) == [piece[k] for k in (0, 1, 3, 2, 4)]
    page = split_page(page_text)
    assert [a.byline for a in page.articles] == ["王磊", "赵敏"]
    assert [(b.kind, b.text) for b in page.articles[0].blocks][2:] == [("heading", H_RUN), ("paragraph", "".join(RUN_TEXT))]


def test_a_block_read_under_a_subhead_is_no_column_top() -> None:
    # The short block after the subhead printed alone over it (train31 page-026) is the rest of a
    # column, not its top: no share is asked of it.  Without the subhead it is column 2's top.
    from textfix.order import column_share

    page = _page([COLUMN_1, H3, COLUMN_2_TOP])
    blocks = blocks_of(cut_lines(page, bylines=BylineFinder()), page)
    assert column_share(blocks, [0, 1, 2], 0, 2) is None
    assert column_share(blocks, [0, 2], 0, 1) == 2 / 6


# Titles at the foot (the shape of train37 page-005): the last article's second column, then its
# subhead alone, its byline line (the byline set over it) and its lead are printed late, then the
# titles (one set across the page, wider than the column; the page's three articles), and after them
# the text under the subhead.  The titles are held at the foot while the blocks before them are put
# back, and the text goes before them.
H_FARM = "农机作业进度加快"
FARM_TEXT = _set("各地农机手抢抓晴好天气，机收进度比去年同期快三个百分点。")
LEAD_6A_LINES = _set(LEAD_4A)
FOOT_3 = "\n".join(["多地加快建设城市绿道串起美好生活", "图书馆延时服务受读者欢迎", "秋收玉米丰收在望"])
TITLES_PRINTED = [
    "\n".join([*_set(LEAD_2A), *_set(LEAD_2B), BYLINE_2]),
    "\n".join([*_set(LEAD_3), *_set(LEAD_3B)[:-1], _set(LEAD_3B)[-1] + BYLINE_3]),
    "\n".join([*LEAD_6A_LINES[2:], *_set(LEAD_4B)]), H_FARM, "本报记者 赵敏", "\n".join(LEAD_6A_LINES[:2]), FOOT_3,
    "\n".join(FARM_TEXT),
]


def test_text_printed_after_the_foot_titles_goes_back_before_them() -> None:
    assert LEAD_6A_LINES[1].endswith("时节，") and len(LEAD_6A_LINES[1]) == 12  # column 1 stops inside a sentence at full width
    assert len(FOOT_3.split("\n")[0]) > 12  # wider than the column
    page_text = _page(TITLES_PRINTED)
    piece = _pieces(page_text, TITLES_PRINTED)
    assert reading_order(page_text) == [piece[k] for k in (0, 1, 4, 5, 2, 3, 7, 6)]
    page = split_page(page_text)
    assert [a.byline for a in page.articles] == ["李明", "王磊", "赵敏"]
    assert [(b.kind, b.text) for b in page.articles[2].blocks] == [
        ("paragraph", LEAD_4A), ("paragraph", LEAD_4B), ("heading", H_FARM), ("paragraph", "".join(FARM_TEXT))
    ]


# Titles before their articles (the shape of train53 page-023): the first article's title set across
# the page in one line, over subheads that repeat it at the column's measure, all one block, the first
# after the header.  It is as many title lines as the foot's titles, one wider than the column, before
# the last block of text; but no text comes before it, as some always does before the foot's titles:
# it is the page's top and stays there, the columns after it put back as they are without it.
WIDE_TITLE = TITLE_1 + " " + H1 + "冷链保鲜"  # 8 + 12 characters: wider than the column of 12
TOP_TITLES = "\n".join([WIDE_TITLE, TITLE_1, H1 + "冷链保鲜"[:2], "冷链保鲜"[2:]])
TITLES_ON_TOP = ["11", "社会 Society", TOP_TITLES, *PRINTED]


def test_titles_across_the_page_with_no_text_before_them_stay_at_the_top() -> None:
    assert len(WIDE_TITLE.replace(" ", "")) > 12 and all(len(ln) <= 12 for ln in TOP_TITLES.split("\n")[1:])
    page_text = _page(TITLES_ON_TOP)
    piece = _pieces(page_text, TITLES_ON_TOP)
    top = len(TITLES_ON_TOP) - len(PRINTED)
    read = [top + PRINTED.index(block) for block in READ]
    assert reading_order(page_text) == [piece[k] for k in (*range(top), *read)]


def test_titles_before_text_in_boxes_of_a_paragraph_stay_where_they_are() -> None:
    # One paragraph a box is pdfminer's (BLOCK_PARAGRAPHS): its titles stand where its strips put
    # them, and the text after them is not taken for text printed late.
    boxes = ["\n".join(_set(LEAD_3)), "\n".join(_set(LEAD_3B)), "\n".join(_set(LEAD_2A)), FOOT_3, "\n".join(FARM_TEXT)]
    page = _page(boxes)
    assert paragraphs_per_block(blocks_of(cut_lines(page, bylines=BylineFinder()), page)[:4]) < BLOCK_PARAGRAPHS
    assert reading_order(page) is None


# The same with the subhead at column 1's foot, its text's first two lines joined to the next
# article's lead (the shape of train39 page-021): the text's first line stopped short of its indent
# where a run of digits did not fit, no heading over the lead however its marks read.  The subhead is
# wrapped onto a short second line, as train39 page-021's is (one line filling the column with a block
# after it that goes on is the column's text: test_a_full_line_at_a_column_s_foot_that_runs_on_where_printed_is_text).
P_DIGITS = ["新建绿道总长达到", "12345公里，沿线配建了驿", "站和健身设施，市民出行更", "加便利。" + BYLINE_1]
H_DIGITS = [H_FOOT, "运得更远"]
DIGITS_PRINTED = ["\n".join([FIRST, *H_DIGITS]), "\n".join(P_DIGITS[2:]), "\n".join([*P_DIGITS[:2], ARTICLE_4]), FOOT]


def test_a_paragraph_s_first_line_stopped_short_by_a_run_is_cut_from_the_lead_under_it() -> None:
    page_text = _page(DIGITS_PRINTED)
    first, column_b, joined, foot = (page_text.index(block) for block in DIGITS_PRINTED)
    lead = page_text.index(ARTICLE_4)
    assert reading_order(page_text) == [(0, column_b), (joined, lead), (column_b, joined), (lead, foot), (foot, len(page_text))]
    page = split_page(page_text)
    assert [a.byline for a in page.articles] == ["张伟", "赵敏"]
    assert page.articles[0].blocks[-2:][0].text == "".join(H_DIGITS)
    assert page.articles[0].blocks[-1].text == "".join(P_DIGITS)[: -len(BYLINE_1)]


# Titles at the foot (the shape of train41 page-019): an article in two columns at the narrowest
# measure, each column cut at a subhead wrapped onto three lines.  Column 1's subhead is printed over
# the first lines of its text, which stop inside a sentence at the column's foot; the rest of that
# sentence, column 2's top, comes out before it, and column 2's subhead over its text after it.  A
# sentence left unfinished before a subhead of three lines over its text is pdftotext's seam, as before
# one of a line or two: the column's rest goes back under its subhead.
H_THREE_X = ["图书馆延长夜间开放时间", "读者下班后也能安心读书", "座位常满"]
P_THREE_X = _set("不少读者表示，夜间阅读让下班后的业余时间更加充实，还结识了许多新朋友。")
H_THREE_Y = ["阅读分享会每周邀请读者", "交流读书心得和感受体会", "气氛热烈"]
P_THREE_Y = _set("分享会上，读者们轮流介绍自己喜爱的书，现场气氛十分热烈。")
THREE_PRINTED = [
    FIRST, "\n".join(P_THREE_X[2:]), "\n".join([*H_THREE_X, *P_THREE_X[:2]]),
    "\n".join([*H_THREE_Y, *P_THREE_Y[:-1], P_THREE_Y[-1] + BYLINE_3]), ARTICLE_4, FOOT,
]


def test_a_subhead_of_three_lines_over_its_text_gets_the_column_s_rest_back() -> None:
    # The subheads' first two lines are as wide as the column but for an indent (11 of 12 characters).
    assert all(len(line) == 11 for line in H_THREE_X[:2] + H_THREE_Y[:2])
    assert len(P_THREE_X[1]) == 12 and P_THREE_X[1][-1] not in "，。"  # stops inside a sentence at full width
    page_text = _page(THREE_PRINTED)
    piece = _pieces(page_text, THREE_PRINTED)
    assert reading_order(page_text) == [piece[k] for k in (0, 2, 1, 3, 4, 5)]
    _split_reads(page_text, ["王磊", "赵敏"], [
        ("paragraph", LEAD_3), ("paragraph", LEAD_3B), ("heading", "".join(H_THREE_X)), ("paragraph", "".join(P_THREE_X)),
        ("heading", "".join(H_THREE_Y)), ("paragraph", "".join(P_THREE_Y)),
    ])


# Titles at the foot (the shape of train41 page-027): column 1 holds article 1's lead, column 2 article
# 2's lead, stopping inside a sentence at the column's foot; under them, at the same height, article 1's
# subhead over its text and byline line, and the rest of article 2's sentence.  pdftotext prints the
# two pieces of the lower row as one block, article 2's text right under article 1's byline: what goes
# on inside a sentence under a byline is another column's, and the block is cut there.
LEAD_4A_LINES = _set(LEAD_4A)
BYLINE_ROW = "\n".join([H3, *_set(LEAD_3B), BYLINE_3])
REST_4 = "\n".join([*LEAD_4A_LINES[2:], *_set(LEAD_4B), BYLINE_4])
ROW_PRINTED = ["\n".join(_set(LEAD_3)), "\n".join(LEAD_4A_LINES[:2]), "\n".join([BYLINE_ROW, REST_4]), FOOT]


def test_text_under_a_byline_in_one_block_is_another_column_s() -> None:
    assert len(LEAD_4A_LINES[1]) == 12 and LEAD_4A_LINES[1][-1] == "，"  # article 2 stops inside a sentence
    page_text = _page(ROW_PRINTED)
    first, top_4, row, foot = (page_text.index(block) for block in ROW_PRINTED)
    rest = page_text.index(REST_4)
    assert reading_order(page_text) == [(0, top_4), (row, rest), (top_4, row), (rest, foot), (foot, len(page_text))]
    _split_reads(page_text, ["王磊", "赵敏"], [("paragraph", LEAD_3), ("heading", H3), ("paragraph", LEAD_3B)])


# One article in three columns, a subhead in each of the first two (the shape of train51 page-038):
# column 1 holds the title, the lead's two paragraphs (5 lines), subhead LAKE_HA and 2 lines of its text,
# broken inside a sentence at the column's foot (标|准); column 2 the text's 3 other lines, subhead LAKE_HB
# and 4 lines of its text, broken at the foot too (减|少); column 3 the rest.  pdftotext prints the
# columns' tops first, then the pieces under the subheads, subhead LAKE_HA last.  Reading LAKE_HB's section
# before LAKE_HA's breaks no sentence either (减|准, 标|少 go on at a full line) and each subhead still
# stands over its own text: only the columns tell the two apart.  Read so, column 1 would hold
# 5 + 1 + 4 = 10 lines and column 2 3 + 1 + 2 = 6, 4 lines apart, more than COLUMN_SLACK; read right,
# 8 and 8.
LAKE_TITLE = "湖区渔业迎来新气象"
LAKE_LEAD_A = "央视网消息（新闻联播）：入冬以来，湖区各地渔民忙着起网捕鱼。"
LAKE_LEAD_B = "鲜鱼销往周边城市，湖区渔业呈现新气象。"
LAKE_HA = "生态养殖提高品质"
LAKE_A = "生态养殖让湖鱼品质不断提高，渔民们按照统一标准投放鱼苗，定期检测水质，养出的鱼肉质鲜美，受到市场欢迎。"
LAKE_HB = "冷链运输拓宽销路"
LAKE_B = "冷链运输让鲜鱼当天就能送到城市的餐桌上，当地新建了多座冷库，配备了冷藏车辆，鲜鱼的损耗明显减少，销路越走越宽，渔民的日子越过越好，大家对明年充满信心。"
LAKE_A_LINES, LAKE_B_LINES = _set(LAKE_A), _set(LAKE_B)
BALANCE_READ = [
    "\n".join([LAKE_TITLE, *_set(LAKE_LEAD_A), *_set(LAKE_LEAD_B)]), LAKE_HA, "\n".join(LAKE_A_LINES[:2]), "\n".join(LAKE_A_LINES[2:]), LAKE_HB,
    "\n".join(LAKE_B_LINES[:4]), "\n".join([*LAKE_B_LINES[4:-1], LAKE_B_LINES[-1] + BYLINE_1]), ARTICLE_2,
]
BALANCE_PRINTED = [BALANCE_READ[k] for k in (0, 3, 6, 4, 2, 5, 1, 7)]


def test_an_article_s_sections_are_read_where_its_columns_balance() -> None:
    assert len(_set(LAKE_LEAD_A)) + len(_set(LAKE_LEAD_B)) == 5 and len(LAKE_A_LINES) == 5 and len(LAKE_B_LINES) == 7
    assert LAKE_A_LINES[1][-1] == "标" and len(LAKE_A_LINES[1]) == 12 and LAKE_B_LINES[3][-1] == "减" and len(LAKE_B_LINES[3]) == 12
    assert (5 + 1 + 4) - (3 + 1 + 2) > COLUMN_SLACK >= abs((5 + 1 + 2) - (3 + 1 + 4))
    blocks, stop = move_blocks(boxes(_page(BALANCE_PRINTED), BylineFinder()))
    assert len(blocks) == stop == len(BALANCE_PRINTED)
    assert move_order(blocks, stop) == [BALANCE_PRINTED.index(block) for block in BALANCE_READ]


# An article's lead that is a paragraph of one line, ``央视网消息（新闻联播）：`` short of the column (the
# shape of train45 page-005), set alone at column 1's foot: its next paragraph fills column 2's top
# (2 lines, broken inside a sentence: 徽|标), column 3 (2 lines, a sentence ended at the column's full
# width: 致意。) and column 4 with the byline.  pdftotext prints column 2's top last.  Read after column 3
# it breaks no sentence either (致意。 at a full line may end a column; 徽|现 goes on at a full line), and
# is the shorter move: only the lone lead line, whose next paragraph opens at an indented line, tells.
DATELINE = "央视网消息（新闻联播）："
FLAG = ("新式队旗今天在北京正式发布，队旗以红色为底，中间绣有金色的徽标，四周饰以白色的边框。发布仪式上，"
        "队员们列队向新队旗敬礼致意。现场气氛隆重热烈，观众纷纷鼓掌。新队旗将从下月起在各项赛事中启用，全体队员表示要为新队旗争光。")
FLAG_LINES = _set(FLAG, width=16)
DATELINE_READ = [
    "\n".join([TITLE_1, *_set(LEAD_1A, width=16), *_set(LEAD_1B, width=16), BYLINE_1]), DATELINE,
    "\n".join(FLAG_LINES[:2]), "\n".join(FLAG_LINES[2:4]), "\n".join([*FLAG_LINES[4:], BYLINE_1]),
]
DATELINE_PRINTED = [DATELINE_READ[k] for k in (0, 1, 3, 4, 2)]


def test_a_lead_s_first_line_alone_is_followed_by_a_paragraph_s_opening() -> None:
    assert FLAG_LINES[1][-1] == "徽" and FLAG_LINES[3][-1] == "。" and all(len(ln) == 16 for ln in FLAG_LINES[1:5])
    blocks, stop = move_blocks(boxes(_page(DATELINE_PRINTED), BylineFinder()))
    assert len(blocks) == stop == len(DATELINE_PRINTED)
    assert len(blocks[1]) == 1 and blocks[1][0].width < blocks[1][0].column - INDENT_MAX  # short of the column by more than an indent
    assert move_order(blocks, stop) == [DATELINE_PRINTED.index(block) for block in DATELINE_READ]


# One article in three columns, every column ending a sentence but the second (the shape of train43
# page-002): column 1 holds the title, the lead (4 lines), subhead TEA_H1 and its paragraph (3 lines);
# column 2 a paragraph that opens at its top (5 lines), subhead TEA_H2 and 2 lines of its text, broken
# inside a sentence at the column's foot; column 3 the rest and the byline.  pdftotext prints the
# columns' tops first (the lead, column 2's paragraph, column 3), then the pieces under the subheads.
# Reading the subheads' pieces back as one run (column 2's paragraph, then TEA_H1's section, then
# TEA_H2's) breaks no sentence either, and each subhead stands over its text: only the columns tell.
# Read so, column 1 (up to column 2's top) holds 4 lines and column 2 5 + 4 + 3 = 12; read right,
# 8 and 8, and column 3 five.
TEA_TITLE = "山区茶园迎来采摘季"
TEA_LEAD = "央视网消息（新闻联播）：清明前后，山区各地茶园进入采摘旺季，茶农们忙着采茶制茶。"
TEA_H1 = "机械采茶提高效率"
TEA_P1 = "新引进的采茶机一天能采鲜叶上千斤，省下了不少人工。"
TEA_P2 = "茶叶加工厂里，工人们正在摊晾、杀青、揉捻，一道道工序有条不紊，刚刚制好的新茶散发着阵阵清香，订单已经排满。"
TEA_H2 = "线上销售拓宽市场"
TEA_P3 = ("今年当地还开通了直播带货，茶农们在茶园里直接向网友介绍茶叶的品种和冲泡方法，新茶一上架就被抢购一空，"
          "不少外地客商也专程赶来订货，茶农的收入明显增加。")
TEA_P3_LINES = _set(TEA_P3)
TEA_READ = [
    "\n".join([TEA_TITLE, *_set(TEA_LEAD)]), "\n".join([TEA_H1, *_set(TEA_P1)]), "\n".join(_set(TEA_P2)),
    "\n".join([TEA_H2, *TEA_P3_LINES[:2]]), "\n".join([*TEA_P3_LINES[2:-1], TEA_P3_LINES[-1] + BYLINE_1]), ARTICLE_2,
]
TEA_PRINTED = [TEA_READ[k] for k in (0, 2, 4, 1, 3, 5)]


def test_an_article_s_sections_go_back_to_the_columns_their_tops_balance() -> None:
    assert [len(_set(TEA_LEAD)), len(_set(TEA_P1)), len(_set(TEA_P2)), len(TEA_P3_LINES)] == [4, 3, 5, 7]
    assert len(TEA_P3_LINES[1]) == 12 and TEA_P3_LINES[1][-1] == "接"  # column 2 stops inside a sentence
    assert len(_set(TEA_P2)[-1]) < 12 - INDENT_MAX // 2  # column 2's paragraph ends short of the column
    assert 5 + 1 + 3 + 1 + 2 - 4 > COLUMN_SLACK
    page_text = _page(TEA_PRINTED)
    piece = _pieces(page_text, TEA_PRINTED)
    assert reading_order(page_text) == [piece[TEA_PRINTED.index(block)] for block in TEA_READ]
    _split_reads(page_text, ["张伟", "李明"], [
        ("paragraph", TEA_LEAD), ("heading", TEA_H1), ("paragraph", TEA_P1), ("paragraph", TEA_P2),
        ("heading", TEA_H2), ("paragraph", TEA_P3),
    ])


def test_a_lead_under_a_paragraph_s_end_in_one_block_is_cut_from_it() -> None:
    """pdftotext may take a section's last paragraph and the next article's lead under it for one block
    (train43 page-001): the block is cut at the lead, so a move may read the two apart."""
    first = "\n".join(_set(LEAD_3))
    joined = "\n".join([*_set(TEA_P1), *_set(LEAD_4A)])
    page_text = _page([first, joined, FOOT])
    blocks, _ = move_blocks(boxes(page_text, BylineFinder()))
    assert ["".join(ln.text for ln in block) for block in blocks][1:3] == [TEA_P1, LEAD_4A]


# Two articles in three columns, the titles at the foot (the shape of train57 page-017 and train43
# page-038): MUSEUM's columns each break a sentence at the foot but the last, which ends with the
# byline (5, 5 and 3 lines); RIVER's byline is set over its columns, its lead column ends a sentence
# (5 lines), column 2 breaks one at the foot (纷), column 3 ends the article (5 and 3 lines).
# pdftotext prints RIVER's columns 2 and 3 right after MUSEUM's and its byline line and lead column
# after them.  Every seam of that order is a sentence's or an article's end (a paragraph may open an
# article after a byline when the titles stand at the foot): only the columns tell.  Read so, MUSEUM
# runs on over five columns, three of them ended at a foot, where a page sets MAX_STRIPS at most.
MUSEUM_LEAD = "央视网消息（新闻联播）：今年暑期，各地博物馆迎来参观热潮。"
MUSEUM_P1 = "在省博物馆，讲解员带着孩子们走进展厅，一件件文物讲述着悠久的历史，孩子们听得入神。"
MUSEUM_P2 = "不少场馆还推出了夜场开放，市民下班后也能走进博物馆，感受传统文化的魅力。许多年轻人专程赶来打卡，有的还穿上传统服饰拍照留念。"
RIVER_BYLINE = "本报记者 王芳"
RIVER_LEAD = "央视网消息（新闻联播）：入夏以来，沿江各地加强巡查。"
RIVER_P1 = "队员们每天沿着江堤来回巡查两遍。"
RIVER_P2 = ("附近的村民也主动加入巡查队伍，发现隐患及时上报处理。大家齐心协力守护家园，确保江堤安全度汛，"
            "沿江的群众也更加安心，纷纷为巡查队员点赞，村里还组织志愿者为队员们送去茶水。")
MUSEUM_LINES, RIVER_LINES = [*_set(MUSEUM_LEAD), *_set(MUSEUM_P1), *_set(MUSEUM_P2)], _set(RIVER_P2)
CROWDED_READ = [
    "\n".join(MUSEUM_LINES[:5]), "\n".join(MUSEUM_LINES[5:10]), "\n".join([*MUSEUM_LINES[10:-1], MUSEUM_LINES[-1] + BYLINE_1]),
    RIVER_BYLINE, "\n".join([*_set(RIVER_LEAD), *_set(RIVER_P1)]), "\n".join(RIVER_LINES[:5]), "\n".join(RIVER_LINES[5:]),
]
CROWDED_PRINTED = [CROWDED_READ[k] for k in (0, 1, 2, 5, 6, 3, 4)]
CROWDED_FOOT = "博物馆暑期迎来参观热潮\n沿江各地加强巡查守护家园"


def test_an_article_s_lead_column_printed_after_its_other_columns_goes_back() -> None:
    assert len(MUSEUM_LINES) == 13 and len(RIVER_LINES) == 8
    assert [MUSEUM_LINES[4][-1], MUSEUM_LINES[9][-1], RIVER_LINES[4][-1]] == ["件", "魅", "纷"]  # broken at the foot
    assert all(len(MUSEUM_LINES[k]) == 12 for k in (4, 9)) and len(RIVER_LINES[4]) == 12
    assert _set(RIVER_P1)[-1][-1] == "。" and RIVER_LINES[-1][-1] == "。"  # RIVER's lead column and column 3 end a sentence
    page_text = _page([*CROWDED_PRINTED, CROWDED_FOOT])
    blocks, stop = move_blocks(boxes(page_text, BylineFinder()))
    assert stop == len(CROWDED_PRINTED)
    assert move_order(blocks, stop) == [CROWDED_PRINTED.index(block) for block in CROWDED_READ]
    _split_reads(page_text, ["张伟", "王芳"], [("paragraph", MUSEUM_LEAD), ("paragraph", MUSEUM_P1), ("paragraph", MUSEUM_P2)])
    assert [b.text for b in split_page(page_text).articles[1].blocks] == [RIVER_LEAD, RIVER_P1, RIVER_P2]


def test_text_going_on_under_a_paragraph_s_end_in_one_block_is_cut_from_it() -> None:
    """pdftotext may take a section's last paragraph at one article's column foot and the rest of a
    sentence from the column beside it for one block (train57 page-035): a line at the column's full
    width, not indented, under a line that ends a sentence short of the column opens no paragraph,
    so the block is cut there."""
    first = "\n".join(_set(LEAD_3))
    rest = RIVER_LINES[1:4]  # 巡查队伍，发现隐患及时上 / 报处理。大家齐心协力守护 / 家园，确保江堤安全度汛，
    joined = "\n".join([*_set(TEA_P1), *rest])
    page_text = _page([first, joined, FOOT])
    blocks, _ = move_blocks(boxes(page_text, BylineFinder()))
    assert ["".join(ln.text for ln in block) for block in blocks][1:3] == [TEA_P1, "".join(rest)]


def test_a_paragraph_s_indented_first_line_that_ends_a_sentence_is_not_cut_from_its_next() -> None:
    """A paragraph's first line may end a sentence, short of the column by its indent only (train25
    page-010): the line under it goes on in the same paragraph, and the block stays whole."""
    paragraph = "夜读活动受读者欢迎。不少读者表示，夜间阅读让下班后的时间更加充实。"
    lines = _set(paragraph)
    assert lines[0] == "夜读活动受读者欢迎。" and len(lines[1]) == 12
    page_text = _page(["\n".join(_set(LEAD_3)), "\n".join(lines), FOOT])
    blocks, _ = move_blocks(boxes(page_text, BylineFinder()))
    assert "".join(ln.text for ln in blocks[1]) == paragraph


# A subhead wrapped over three lines of its column printed just before the foot's titles (the shape
# of train49 page-007): an article in two columns, column 1 its lead, subhead SEA_H1 and SEA_P1's
# first lines (broken inside a sentence at the foot: 保|持), column 2 the rest of SEA_P1, subhead
# SEA_H2 (three lines: 12, 12, 1 characters, no wider than the column) and SEA_P2 with the byline.
# pdftotext prints column 2's top before SEA_H1, SEA_P2 before SEA_P1's first lines, and SEA_H2 last,
# before the titles (three, set across the page).  SEA_H2 is its column's, not the foot's: read
# there, the blocks before it go back, and it stays a heading of its article.
from textfix.order import _strips_foot  # noqa: E402

SEA_LEAD = "央视网消息（新闻联播）：近日，沿海多地迎来开渔季，渔船陆续出海作业，码头一派繁忙景象。"
SEA_LEAD_B = "渔民们说，今年的收成比往年好。"
SEA_H1 = "渔获丰富价格平稳"
SEA_P1_LINES = _set("今年渔获品种丰富，带鱼、鲳鱼等大宗品种上市量明显增加，市场价格总体保持平稳，市民采购积极。")
SEA_H2 = "多地加强海上巡航与安全管理保障渔民出海作业平安顺利"
SEA_P2A = "海事部门加强巡航检查，提醒渔民注意天气变化，确保安全生产。"
SEA_P2B = "渔政部门也将继续做好服务保障。"
SEA_READ = [
    ARTICLE_4, "\n".join([*_set(LEAD_2A), *_set(LEAD_2B)[:-1], _set(LEAD_2B)[-1] + BYLINE_2]),
    "\n".join([*_set(SEA_LEAD), *_set(SEA_LEAD_B)]), SEA_H1, "\n".join(SEA_P1_LINES[:3]), "\n".join(SEA_P1_LINES[3:]),
    "\n".join(_set(SEA_H2, indent=0)), "\n".join([*_set(SEA_P2A), *_set(SEA_P2B)[:-1], _set(SEA_P2B)[-1] + BYLINE_1]),
]
SEA_PRINTED = [SEA_READ[k] for k in (0, 1, 2, 5, 3, 7, 4, 6)]
SEA_FOOT = "\n".join(["秋收玉米丰收在望 农机手抢收玉米", TITLE_2 + " 绿道沿线配建驿站", "沿海多地迎来开渔季 渔船陆续出海作业"])


def test_a_subhead_wrapped_in_its_column_before_the_foot_titles_is_read_in_its_column() -> None:
    assert [len(ln) for ln in _set(SEA_H2, indent=0)] == [12, 12, 1]
    assert SEA_P1_LINES[2][-1] == "保" and len(SEA_P1_LINES[2]) == 12  # column 1 stops inside a sentence
    assert all(len(title) > 12 for title in SEA_FOOT.split("\n"))  # titles wider than the column
    page_text = _page([*SEA_PRINTED, SEA_FOOT])
    piece = _pieces(page_text, [*SEA_PRINTED, SEA_FOOT])
    assert reading_order(page_text) == [piece[SEA_PRINTED.index(block)] for block in SEA_READ] + [piece[-1]]
    # Nor does the strip search read the titles as text: its foot is SEA_H2's, after SEA_P1's first lines.
    assert _strips_foot(boxes(page_text, BylineFinder())) == len(SEA_PRINTED) - 1
    page = split_page(page_text)
    assert [a.byline for a in page.articles] == ["赵敏", "李明", "张伟"]
    assert [(b.kind, b.text) for b in page.articles[2].blocks] == [
        ("paragraph", SEA_LEAD), ("paragraph", SEA_LEAD_B), ("heading", SEA_H1), ("paragraph", "".join(SEA_P1_LINES)),
        ("heading", SEA_H2), ("paragraph", SEA_P2A), ("paragraph", SEA_P2B),
    ]


# A move plan that reads more articles than the page as printed moved blocks across articles (the
# shape of train39 page-040): split_page reads the page as printed.  Two articles, the first's lead in
# two blocks, its byline at the second's end; a plan that reads the second block first leaves the
# byline over the title (three articles, one untitled, one unsigned).
GUARD_1A = "央视网消息（新闻联播）：入秋以来，南方山区的柑橘陆续成熟，果农忙着采摘装箱。"
GUARD_1B = "今年当地柑橘种植面积稳中有增，果农们借助电商直播把果子卖到全国各地。"
GUARD_2 = "央视网消息（新闻联播）：今年以来，多地加快建设城市绿道，市民出行更加便利。"
GUARD_PRINTED = [
    "\n".join([TITLE_1, *_set(GUARD_1A)]),
    "\n".join([*_set(GUARD_1B), BYLINE_1]),
    "\n".join([TITLE_2, *_set(GUARD_2)[:-1], _set(GUARD_2)[-1] + BYLINE_2]),
]


def _split_with_plan(monkeypatch, moved: bool):
    """split_page of GUARD_PRINTED when the reading order puts its second block first, found by the
    block moves (*moved*) or by a layout analysis's strips."""
    page_text = _page(GUARD_PRINTED)
    piece = _pieces(page_text, GUARD_PRINTED)
    monkeypatch.setattr(order_module, "page_order", lambda text, model: Reading([piece[1], piece[0], piece[2]], moved))
    return split_page(page_text)


def test_a_move_plan_that_reads_more_articles_than_print_is_refused(monkeypatch) -> None:
    page = _split_with_plan(monkeypatch, moved=True)
    assert [(a.title, a.byline) for a in page.articles] == [(TITLE_1, "张伟"), (TITLE_2, "李明")]
    assert "reorder" not in {c.rule for c in page.changes}


def test_a_strips_plan_is_not_asked_for_its_articles(monkeypatch) -> None:
    page = _split_with_plan(monkeypatch, moved=False)
    assert "reorder" in {c.rule for c in page.changes}  # the plan was taken, not guarded


def test_repair_keeps_a_move_plan_split_page_refuses(monkeypatch) -> None:
    # The guard counts articles, and repair splits no page: it reads the plan's order (its second
    # block first), as textfix.order.Reading says.
    page_text = _page(GUARD_PRINTED)
    piece = _pieces(page_text, GUARD_PRINTED)
    monkeypatch.setattr(order_module, "page_order", lambda text, model: Reading([piece[1], piece[0], piece[2]], True))
    repaired = repair(page_text)
    assert "reorder" in {c.rule for c in repaired.changes}
    assert repaired.text.index(GUARD_1B[:10]) < repaired.text.index(GUARD_1A[:10])


# A subhead at a column's foot wrapped onto a short rest that pdftotext printed as a block of its own
# (the shape of train53 page-018): the rest joins the block its first line ends, so the subhead is
# asked for its topic in the text it stands over, not in the rest (where a lone rest, taken for a
# subhead of its own, drew another article's paragraph after it).  Column 1: the title, the lead,
# the subhead's first line (as wide as the column) and its rest, the first two lines of its text;
# column 2 the rest of the text; pdftotext printed column 2 before column 1's foot.
WRAPPED_FIRST, WRAPPED_REST = "各地持续加强乡村道路养护", "工作"
UNDER = _set("乡村道路养护投入今年继续加大，破损路面得到及时修补，群众出行更加安全便捷，农产品运输也更加顺畅。")
REST_PRINTED = [
    "\n".join([TITLE_1, *_set(LEAD_1A), WRAPPED_FIRST]),
    WRAPPED_REST,
    "\n".join([*UNDER[2:-1], UNDER[-1] + BYLINE_1]),
    "\n".join(UNDER[:2]),
    ARTICLE_2,
]


def test_a_subhead_s_rest_printed_alone_joins_its_first_line() -> None:
    assert len(WRAPPED_FIRST) == 12 and UNDER[1][-1] == "及"  # the subhead fills the column; its text breaks inside a sentence
    page_text = _page(REST_PRINTED)
    blocks, _ = move_blocks(boxes(page_text, BylineFinder()))
    assert [ln.text for ln in blocks[0][-2:]] == [WRAPPED_FIRST, WRAPPED_REST]
    assert len(blocks) == len(REST_PRINTED) - 1
    piece = _pieces(page_text, REST_PRINTED)
    heading = (piece[0][0], piece[1][1])
    assert reading_order(page_text) == [heading, piece[3], piece[2], piece[4]]


# Titles at the foot (the shape of train35 page-039): the last article's lead, then its end (signed),
# then a subhead over a paragraph of two lines (an indented first line, a short last one ending a
# sentence) and another paragraph, which pdftotext printed after the signed end.  A paragraph of two
# lines under a subhead is text as one going on at the column's width is: no subhead follows a byline
# where the titles stand at the foot, so the subhead's block goes back before the article's end.
H_TWO = "外地游客纷纷慕名而来"
P_TWO = "不少游客表示，这里的秋景很美。"
SIGNED_4 = "\n".join([*_set(LEAD_4B)[:-1], _set(LEAD_4B)[-1] + BYLINE_4])
TWO_PRINTED = [
    "\n".join([*_set(LEAD_3)[:-1], _set(LEAD_3)[-1] + BYLINE_3]), "\n".join(_set(LEAD_4A)), SIGNED_4,
    "\n".join([H_TWO, *_set(P_TWO), *_set(LEAD_3B)]), FOOT,
]


def test_a_subhead_over_a_two_line_paragraph_printed_after_a_byline_goes_back() -> None:
    assert [len(ln) for ln in _set(P_TWO)] == [10, 5]  # an indented first line, a short last one
    page_text = _page(TWO_PRINTED)
    piece = _pieces(page_text, TWO_PRINTED)
    assert reading_order(page_text) == [piece[k] for k in (0, 1, 3, 2, 4)]


# Titles at the foot (the shape of train25 page-029): article 1 (a lake's fishing) in a lead, a
# subhead over text broken inside a sentence at column 1's foot (养殖鲜鱼…收入也|跟着增加), its rest at
# column 2's top, and a second subhead over text; article 2 (the railway's extra trains) in a lead and
# a block of two paragraphs in the next column.  pdftotext prints by height: article 1's lead, column
# 2's top, article 2's second column, the first subhead's block, article 2's lead, the second subhead's
# block.  Putting the first subhead's block back after the lead mends the broken seams; reading article
# 2's text after article 1's second subhead's block breaks none either: only the topics tell (each
# article's blocks share its names: 湖区渔民, 鲜鱼; 铁路部门, 旅客列车).
LAKE_LEAD = "央视网消息（新闻联播）：入冬以来，湖区渔民忙着起网捕鱼，湖区鲜鱼产量明显增加。"
LAKE_LEAD_B = "湖区渔民今年收获满满。"
LAKE_H1 = "湖区渔民生态养鱼"
LAKE_P1 = "湖区渔民按照生态方式养殖鲜鱼，湖区鲜鱼品质不断提高，湖区渔民的收入也跟着增加，不少渔民盖起新房。"
LAKE_MORE = "渔民们说，湖区渔民的钱袋子越来越鼓。"
LAKE_H2 = "湖区鲜鱼销往城市"
LAKE_P2 = "湖区鲜鱼通过冷链运往城市，湖区渔民养殖鲜鱼的信心更足了。"
RAIL_LEAD = "新华社北京1月5日电（记者 王磊）铁路部门今天发布消息，春运期间铁路部门将增开旅客列车。"
RAIL_LEAD_B = "铁路部门表示，春运铁路旅客列车运力充足。"
RAIL_B1 = "铁路部门还将增开夜间旅客列车，方便旅客返乡出行。"
RAIL_B2 = "铁路部门提醒旅客提前购票，合理安排出行时间。"
LAKE_RAIL_FOOT = "湖区渔业迎来新气象\n春运铁路增开旅客列车"
LAKE_P1_LINES = _set(LAKE_P1)
TOPICS_READ = [
    "\n".join([*_set(LAKE_LEAD), *_set(LAKE_LEAD_B)]), "\n".join([LAKE_H1, *LAKE_P1_LINES[:3]]), "\n".join([*LAKE_P1_LINES[3:], *_set(LAKE_MORE)]),
    "\n".join([LAKE_H2, *_set(LAKE_P2)]), "\n".join([*_set(RAIL_LEAD), *_set(RAIL_LEAD_B)]), "\n".join([*_set(RAIL_B1), *_set(RAIL_B2)]),
]
TOPICS_PRINTED = [TOPICS_READ[k] for k in (0, 2, 5, 1, 4, 3)] + [LAKE_RAIL_FOOT]


def test_blocks_are_read_with_their_article_s_text_when_the_titles_stand_at_the_foot(monkeypatch) -> None:
    assert LAKE_P1_LINES[2][-1] == "也" and len(LAKE_P1_LINES[2]) == 12  # broken inside a sentence at a full line
    blocks, stop = move_blocks(boxes(_page(TOPICS_PRINTED), BylineFinder()))
    assert len(blocks) == len(TOPICS_PRINTED) and stop == len(TOPICS_READ)  # the titles at the foot
    read = [TOPICS_PRINTED.index(block) for block in TOPICS_READ]
    assert move_order(blocks, stop) == read
    # Mending the seams alone reads article 2's second column with article 1 (before its lead), and
    # article 1's second subhead with article 2: the topics gain more than COHESION_GAIN.  (The seams'
    # tie broken by the topics, _topic_tie, reads it right too: both asked off.)
    monkeypatch.setattr(order_module, "COHESION_GAIN", float("inf"))
    monkeypatch.setattr(order_module, "TIE_GAIN", float("inf"))
    assert move_order(blocks, stop) not in (None, read)


# Two long blocks of different articles share the page's common words (今年, 明显提高, 继续推进, …);
# a short block shares its own article's names (湖区, 生态修复工程, 越冬候鸟).  Counted raw, the long
# pair shares more (the shape of train159 page-028: 37 against 22); against the blocks' sizes the short
# block's pair shares more.
LAKE_LONG = ("湖区今年开展生态修复工程，沿岸种植水生植物，清理湖底淤泥，改善湖区水质。工作人员介绍，工程实施以来，"
             "湖水透明度明显提高，越冬候鸟数量逐年增加。下一步，湖区将继续推进生态修复工程，建设湿地公园，让市民共享发展成果。")
PARK_LONG = ("今年以来，开发区走访辖区企业一百多家，帮助企业解决用工难题，企业产值明显提高，外贸订单不断增加。"
             "开发区负责人说，园区将继续推进厂房改造，完善道路、供电等配套设施，吸引更多项目落户。"
             "下一步，开发区还将举办招聘会，为企业输送技术工人。")
LAKE_SHORT = "湖区生态修复工程让越冬候鸟回到湖区。"


def test_a_short_block_of_an_article_is_nearer_it_than_a_long_block_of_another() -> None:
    blocks, _ = move_blocks(boxes(_page(["\n".join(_set(text)) for text in (LAKE_LONG, PARK_LONG, LAKE_SHORT)]), BylineFinder()))
    grams = [_bigrams(block) for block in blocks]
    assert len(grams) == 3 and len(grams[0] & grams[1]) > len(grams[0] & grams[2])  # raw: the long pair
    overlap = _pair_overlap(grams)
    assert overlap[0, 2] > overlap[0, 1] and overlap[1, 2] == 0.0


def test_a_block_is_not_moved_for_its_topic_when_the_titles_stand_over_the_articles() -> None:
    blocks, stop = move_blocks(boxes(_page(TOPICS_PRINTED[:-1]), BylineFinder()))
    assert stop == len(blocks) and _cohesion(blocks, stop, tuple(range(stop))) is None


# Titles over the articles (the shape of train181 page-009): article 1 (the lake's winter fishing)
# in two columns, its title over its lead in column 1, a paragraph in column 2; article 2 (the
# railway's extra trains) under it, its title over its lead, which breaks inside a sentence at the
# column's foot (增|开), its rest at the next column's top with a paragraph.  pdftotext prints article
# 2's rest first, after article 1's lead.  Two orders of one move each mend every seam: article 1's
# column 2 and article 2's title put back before article 2's rest (read right), or article 2's title
# put before its rest and article 1's column 2 read last, under article 2 (the shorter run moved, no
# block of text cut from a bold line).  Only the topics tell: article 1's paragraph shares 湖区, 渔民,
# 鲜鱼 with its lead, nothing with the railway's.
FISH_TITLE = "湖区渔民冬捕忙"
FISH_LEAD = "央视网消息（新闻联播）：入冬以来，湖区渔民忙着起网捕鱼，湖区鲜鱼产量明显增加。"
FISH_MORE = "湖区渔民按照生态方式养殖鲜鱼，湖区鲜鱼品质不断提高，湖区渔民的收入也跟着增加。"
TRAIN_TITLE = "春运铁路增开列车"
TRAIN_LEAD = _set("央视网消息（新闻联播）：铁路部门今天发布消息，春运期间铁路部门将增开旅客列车，方便旅客返乡出行。")
TRAIN_MORE = "铁路部门提醒旅客提前购票，合理安排出行时间。"
FISH_COLUMN_1 = "\n".join([FISH_TITLE, *_set(FISH_LEAD)])
FISH_COLUMN_2 = "\n".join(_set(FISH_MORE))
TRAIN_COLUMN_1 = "\n".join([TRAIN_TITLE, *TRAIN_LEAD[:3]])
TRAIN_COLUMN_2 = "\n".join([*TRAIN_LEAD[3:], *_set(TRAIN_MORE)])
TIE_PRINTED = [FISH_COLUMN_1, TRAIN_COLUMN_2, FISH_COLUMN_2, TRAIN_COLUMN_1]


def test_a_column_goes_with_its_article_s_text_where_no_seam_tells(monkeypatch) -> None:
    assert TRAIN_LEAD[2][-1] == "增" and len(TRAIN_LEAD[2]) == 12  # broken inside a sentence at a full line
    blocks, stop = move_blocks(boxes(_page(TIE_PRINTED), BylineFinder()))
    assert len(blocks) == stop == 4  # no titles at the foot
    assert move_order(blocks, stop) == [0, 2, 3, 1]
    page = split_page(_page(TIE_PRINTED))
    assert [a.title for a in page.articles] == [FISH_TITLE, TRAIN_TITLE]
    assert [len(a.blocks) for a in page.articles] == [2, 2]
    monkeypatch.setattr(order_module, "TIE_GAIN", float("inf"))
    assert move_order(blocks, stop) == [0, 3, 1, 2]  # the fishing's column 2 read under the railway


# Titles at the foot, two articles stacked in column 1 (the shape of train71 page-031): article 1's
# lead, then article 2's lead under it, stopped inside a sentence at the column's foot, all one block
# of pdftotext's (no bold title cuts the column); column 2 holds article 1's rest with its byline, then
# article 2's rest.  No heading's seam shows the moves, only the sentence broken at column 1's foot:
# with the titles at the foot that is enough to look for them.  Two orders mend it (column 2's foot
# or its top put earlier); the rest of article 1 shares its lead's words (cohesion).
GAMES_LEAD = "央视网消息（新闻联播）：冬季运动会昨晚在北方圆满闭幕。"
GAMES_REST = "闭幕式上，各国运动员代表入场，宣布冬季运动会昨晚在北方圆满闭幕。"
GREENWAY_LEAD = "央视网消息（新闻联播）：今年以来，多地加快建设城市绿道，沿线配建休息驿站和健身设施，市民出行更加便利。"
GREENWAY_LINES = _set(GREENWAY_LEAD)
STACKED_PRINTED = [
    "\n".join([*_set(GAMES_LEAD), *GREENWAY_LINES[:3]]),
    "\n".join([*_set(GAMES_REST), BYLINE_3]),
    "\n".join([*GREENWAY_LINES[3:], *_set(LEAD_2B), BYLINE_2]),
    "冬季运动会圆满闭幕\n多地加快建设城市绿道",
]


def test_an_article_stacked_under_another_in_its_column_is_read_after_the_first_s_rest_when_the_titles_stand_at_the_foot() -> None:
    assert len(GREENWAY_LINES[2]) == 12 and GREENWAY_LINES[2][-1] not in "。，"  # column 1 stops inside a sentence at full width
    assert len(GREENWAY_LINES[3]) == 12  # column 2 goes on at full width
    page = split_page(_page(STACKED_PRINTED))
    assert [a.byline for a in page.articles] == ["王磊", "李明"]
    assert [[b.text for b in a.blocks] for a in page.articles] == [[GAMES_LEAD, GAMES_REST], [GREENWAY_LEAD, LEAD_2B]]


# A subhead with a colon (``专家：…``, the shape of 40 of the train batches' 322 subheads) set over its
# text at a column's top, after a block that ends a paragraph (the shape of train67 page-003): the
# subhead opens its text, no sentence goes on into it, and nothing is moved.
COLON_SUBHEAD = "专家：多建驿站"
COLON_TEXT = _set("市民希望沿线增加饮水点和休息座椅，方便老人和孩子。")
COLON_PRINTED = [
    "\n".join(_set(LEAD_2A)),
    "\n".join([COLON_SUBHEAD, *COLON_TEXT, BYLINE_2]),
    "多地加快建设城市绿道",
]


def test_a_subhead_with_a_colon_over_its_text_opens_it() -> None:
    assert 2 * len(COLON_SUBHEAD) < 2 * 12 - INDENT_MAX and "：" in COLON_SUBHEAD  # short of the column (half-width units), a colon in it
    blocks, stop = move_blocks(boxes(_page(COLON_PRINTED), BylineFinder()))
    assert order_module._heading_over_text(blocks[1])
    assert move_order(blocks, stop) is None


# Titles at the foot, the page's header set over the columns as pdftotext prints it (the shape of
# train25 page-021): its number over column 1's text in the first block, its section over column 2's
# text in the second.  Column 1 stops inside a sentence at its foot and column 2 goes on under the
# section's line: no sentence is broken, and nothing is moved (column 3, opening at the column's
# width, is no block printed late).
NOTICE_LINES = _set("通知指出，各地要认真学习宣传规定，把规定纳入理论学习中心组的学习内容，结合本地情况做好宣讲解读，推动规定落到实处。")
DUTY_LINES = _set("各单位要把规定学习和工作结合好，定期检查规定在本单位的落实。", indent=0)
HEADED_PRINTED = [
    "\n".join(["10", *NOTICE_LINES[:2]]),
    "\n".join(["健康 Health", *NOTICE_LINES[2:]]),
    "\n".join([*DUTY_LINES, BYLINE_3]),
    "多地认真学习宣传处分规定",
]


def test_the_page_s_section_over_column_2_shows_no_move_when_the_titles_stand_at_the_foot() -> None:
    assert len(NOTICE_LINES[1]) == 12 and NOTICE_LINES[1][-1] not in "。，"  # column 1 stops inside a sentence at full width
    assert len(NOTICE_LINES[-1]) == 12 and NOTICE_LINES[-1].endswith("。")  # column 2 ends a sentence at full width
    blocks, stop = move_blocks(boxes(_page(HEADED_PRINTED), BylineFinder()))
    assert stop == len(blocks) - 1  # the title at the foot
    assert move_order(blocks, stop) is None


def test_no_term_worse_compares_term_by_term():
    """A cohesion move is taken only when no term of the key is worse: a gain in an earlier term does
    not buy a loss in a later one, as a lexicographic comparison (tuple <=) would let it."""
    # One subhead's topic more found (-1 < 0), one more article read off balance (1 > 0): worse in a term.
    assert (-1, 1, 0) <= (0, 0, 0)
    assert not _no_term_worse((-1, 1, 0), (0, 0, 0))
    assert _no_term_worse((-1, 0, 0), (0, 0, 0))
    assert _no_term_worse((0, 0, 0), (0, 0, 0))


# Titles at the foot (the shape of train69 page-037): the harvest article sets its own title in the
# column, a heading alone at column 1's top that repeats its title at the foot, then a deck over its
# lead; the lead goes on in column 2.  pdftotext prints the heading, column 2, then column 1's deck and
# lead, so the heading stood over the lead's second paragraph and the lead opened an article with no
# title.
TITLE_H = "秋收玉米丰收在望"
DECK_H = "农机手抢收忙"
LEAD_H = "央视网消息（新闻联播）：眼下正值秋收时节，各地农机手抢抓晴好天气收割玉米，田间地头一派繁忙景象。"
LEAD_H2 = "今年玉米长势良好，丰收在望，农民脸上露出了笑容。"
FOOT_H = "图书馆延时服务受读者欢迎\n" + TITLE_H
LIBRARY = "\n".join(_set(LEAD_3) + _set(LEAD_3B)[:-1] + [_set(LEAD_3B)[-1] + BYLINE_3])
HARVEST_2 = "\n".join([*_set(LEAD_H2)[:-1], _set(LEAD_H2)[-1] + BYLINE_4])
TITLE_STACK_PRINTED = [LIBRARY, TITLE_H, HARVEST_2, "\n".join([DECK_H, *_set(LEAD_H)]), FOOT_H]


def test_a_title_set_in_the_column_is_read_over_its_article_s_lead() -> None:
    page_text = _page(TITLE_STACK_PRINTED)
    library, title, column_2, lead, foot = _pieces(page_text, TITLE_STACK_PRINTED)
    assert reading_order(page_text) == [library, title, lead, column_2, foot]
    page = split_page(page_text)
    assert [a.byline for a in page.articles] == ["王磊", "赵敏"]
    assert [b.text for b in page.articles[1].blocks][-2:] == [LEAD_H, LEAD_H2]


# Titles at the foot (the shape of train77 page-022): after the library article's byline the harvest
# article opens with its own title stack in the column — a kicker alone at a column's top, then the
# title and a deck over the lead in the block under it — all repeated by its title at the foot.
# pdftotext prints the kicker, column 2 (the lead's rest, signed), then the title, deck and lead.
# A byline followed by the kicker opens the article; reading column 2 before the title (two
# columns across the title interleaved) put the lead's rest before its lead.
KICKER_H = "喜看稻菽千重浪"
TITLE_H2 = "秋收玉米丰收在望"
FOOT_STACK = "图书馆延时服务受读者欢迎\n" + KICKER_H + " " + TITLE_H2
STACK_REST = "\n".join([TITLE_H2, DECK_H, *_set(LEAD_H)])
LEAD_H3 = "各地农业部门组织农技人员下到田间，指导农民抢收晾晒，确保颗粒归仓。"
HARVEST_23 = "\n".join([*_set(LEAD_H2), *_set(LEAD_H3)[:-1], _set(LEAD_H3)[-1] + BYLINE_4])
LEAD_3C = "据介绍，夜间开放时段的借阅量已占全天的三成，自习座位常常座无虚席，馆方还将增设阅览座位。"
LIBRARY_LONG = "\n".join(_set(LEAD_3) + _set(LEAD_3C) + _set(LEAD_3B)[:-1] + [_set(LEAD_3B)[-1] + BYLINE_3])
KICKER_PRINTED = [LIBRARY_LONG, KICKER_H, HARVEST_23, STACK_REST, FOOT_STACK]


def test_a_title_stack_after_a_byline_opens_its_article_over_its_lead() -> None:
    page_text = _page(KICKER_PRINTED)
    library, kicker, column_2, rest, foot = _pieces(page_text, KICKER_PRINTED)
    assert reading_order(page_text) == [library, kicker, rest, column_2, foot]
    page = split_page(page_text)
    assert [a.byline for a in page.articles] == ["王磊", "赵敏"]
    assert [b.text for b in page.articles[1].blocks][-3:] == [LEAD_H, LEAD_H2, LEAD_H3]


def test_a_subhead_wrapped_onto_three_lines_at_a_column_s_foot_wants_its_text_next() -> None:
    # A subhead set at a column's foot under a sentence's end, wrapped onto three lines (train77
    # page-039): as one wrapped onto two, it wants its text at the next column's top.
    head = ["技术人员上门指导果农改进", "包装储运方式让柑橘运得更", "远"]
    page_text = _page(["\n".join([*_set(TEXT_B), *head])])
    block = blocks_of(cut_lines(page_text, bylines=BylineFinder()), page_text)[0]
    assert order_module._tail_subhead(block) == 3


def test_a_subhead_over_a_text_cut_at_the_block_s_end_is_a_heading_over_text() -> None:
    # A subhead over its text's first two lines, the block cut there by pdftotext (the column goes on
    # in a block printed elsewhere; the shape of train79 page-018).  The second line holds a comma and
    # ends no sentence, short of the column by two characters: 在“ (set together) opens the next line
    # and did not fit after 将 (two narrow digits, nine characters: 20 of 24 half-width units).
    section = "\n".join(["夜间阅读受欢迎", "图书馆馆长介绍，截至", "10月底，夜间借阅量将"])
    page_text = _page(["\n".join(_set(TEXT_B + TEXT_B)), section])
    block = blocks_of(cut_lines(page_text, bylines=BylineFinder()), page_text)[1]
    assert block[-1].width < block[-1].column - 2  # short of the column, as no full line is
    assert order_module._heading_over_text(block)


def test_a_subhead_as_wide_as_the_column_over_its_text_is_a_heading_over_text() -> None:
    # A subhead that happens to fill its line (twelve characters, a space among them, in a column of
    # twelve: the shape of train81 page-006's subhead) over its
    # paragraph's indented first line: no paragraph ends on a line without a sentence mark, so the
    # full line is the heading, not a paragraph's last.
    section = "\n".join(["冷链仓库建成 柑橘运得更远", *_set("新建的冷链仓库投入使用以来，柑橘运输损耗明显下降，果农收入增加。")])
    page_text = _page(["\n".join(_set(TEXT_B + TEXT_B)), section])
    block = blocks_of(cut_lines(page_text, bylines=BylineFinder()), page_text)[1]
    assert block[0].width == block[0].column and block[1].width == block[1].column - 4  # full; indented by two
    assert order_module._heading_over_text(block)


def test_titles_at_the_foot_that_fill_the_column_are_no_heading_over_text() -> None:
    # The foot's titles, one a line, may fill the column and fall short of it by an indent as a
    # heading over its paragraph does (the shape of train59 page-040); no line under the first holds
    # a sentence mark, as a paragraph's first two lines do.
    foot = "\n".join(["冷链仓库建成柑橘运得更远", "夜间阅读受到读者欢迎", "秋收玉米丰收在望农机正忙"])
    page_text = _page(["\n".join(_set(TEXT_B + TEXT_B)), foot])
    block = blocks_of(cut_lines(page_text, bylines=BylineFinder()), page_text)[1]
    assert [ln.width for ln in block] == [24, 20, 24]  # full, short by an indent, full
    assert not order_module._heading_over_text(block)


def test_a_byline_line_as_wide_as_the_column_at_a_block_s_end_is_no_subhead() -> None:
    # A byline set on its own line under the article's last sentence, as wide as the column (train77
    # page-013's three names): it has no sentence marks, as a subhead at a column's foot has none,
    # but it closes its article and wants no text after it.
    byline = "（本报记者 王磊 赵敏 张伟）"
    page_text = _page(["\n".join([*_set(TEXT_B + TEXT_B), byline])])
    block = blocks_of(cut_lines(page_text, bylines=BylineFinder()), page_text)[0]
    assert block[-1].width == block[-1].column  # as wide as the column, as a subhead at its foot may be
    assert order_module._tail_subhead(block) == 0


# A column's last line of text that fills the column with no sentence mark, under a line that ends a
# sentence (the shape of train111 page-012): shaped as a subhead at the column's foot, but the block
# printed after it (the next column's top) goes on from it, so it is text.  Its lead opens the
# article's second column; its first column holds the other article, broken at its foot too.
RUN_ON_LEAD = _set("央视网消息（新闻联播）：今年以来，多地加快建设城市绿道，串联公园。全省绿道总长度今年年底将超过三千公里，市民出行更加便利。")
RUN_ON_FRUIT = _set("全省柑橘产量预计比去年增长两成以上，果农收入也将随之提高，当地还新建了冷链仓库。")
RUN_ON_PRINTED = [
    "\n".join([TITLE_1, *_set("央视网消息（新闻联播）：入秋以来，南方山区的柑橘陆续成熟，果农忙着采摘装箱运往全国各城市。")]),
    "\n".join(RUN_ON_FRUIT[:2]), "\n".join([*RUN_ON_FRUIT[2:-1], RUN_ON_FRUIT[-1] + BYLINE_1]),
    "\n".join([TITLE_2, *RUN_ON_LEAD[:4]]), "\n".join([*RUN_ON_LEAD[4:-1], RUN_ON_LEAD[-1] + BYLINE_2]),
]


def test_a_full_line_at_a_column_s_foot_that_runs_on_where_printed_is_text() -> None:
    page_text = _page(RUN_ON_PRINTED)
    blocks, stop = move_blocks(blocks_of(cut_lines(page_text, bylines=BylineFinder()), page_text))
    tail = blocks[3]
    assert tail[-2].text.endswith("。") and tail[-1].width == tail[-1].column  # a full bare line under a sentence's end
    assert order_module._tail_subhead(tail) == 1  # shaped as a subhead at the column's foot
    assert order_module._tail_runs_on(blocks, 3)
    broken, _ = order_module._move_costs(blocks, stop)
    assert broken(3, 4) == 0  # read on into the next column's top: no heading left without its text


def test_a_full_line_at_a_column_s_foot_before_a_paragraph_s_opening_is_a_subhead_still() -> None:
    # The same line with the article's next paragraph (indented) printed after it: no run-on, so a
    # subhead over the text at the next column's top.
    page_text = _page(["\n".join([TITLE_2, *RUN_ON_LEAD[:4]]), "\n".join(RUN_ON_FRUIT)])
    blocks = blocks_of(cut_lines(page_text, bylines=BylineFinder()), page_text)
    assert order_module._tail_subhead(blocks[0]) == 1
    assert not order_module._tail_runs_on(blocks, 0)


# Titles at the foot (the shape of train77 page-039): the library article's last subhead, wrapped onto
# two lines at a column's foot, is printed after the columns, right before the titles, its text
# earlier.  Two lines wrapped at the column may be two titles as well; read over the text that opens
# with its topic, no seam broken, it is the subhead.
SUB_FOOT = ["夜间开放时段借阅量已占全", "天三成"]
SUB_FOOT_TEXT = "夜间开放时段的借阅量已占全天的三成，自习座位常常座无虚席。"
SUB_FOOT_PRINTED = [
    ARTICLE_4, "\n".join(_set(LEAD_3) + _set(LEAD_3B)),
    "\n".join([*_set(SUB_FOOT_TEXT)[:-1], _set(SUB_FOOT_TEXT)[-1] + BYLINE_3]), "\n".join(SUB_FOOT), FOOT,
]


def test_a_wrapped_subhead_printed_before_the_titles_goes_back_over_its_text() -> None:
    page_text = _page(SUB_FOOT_PRINTED)
    harvest, library, text, subhead, foot = _pieces(page_text, SUB_FOOT_PRINTED)
    assert reading_order(page_text) == [harvest, library, subhead, text, foot]
    page = split_page(page_text)
    assert [a.byline for a in page.articles] == ["赵敏", "王磊"]
    assert [(b.kind, b.text) for b in page.articles[1].blocks] == [
        ("paragraph", LEAD_3), ("paragraph", LEAD_3B), ("heading", "".join(SUB_FOOT)), ("paragraph", SUB_FOOT_TEXT)
    ]


def test_an_indented_wrapped_subhead_printed_before_the_titles_goes_back_over_its_text() -> None:
    # The same where subheads are set indented (the shape of train105 page-032): the subhead's first
    # line fills the column from a paragraph's indent (two characters short), and it is still a heading
    # wrapped at the column, not two titles.
    indented = ["夜间开放时段借阅量已", "占全天三成"]
    assert len(indented[0]) == 12 - 2
    printed = [*SUB_FOOT_PRINTED[:3], "\n".join(indented), FOOT]
    page_text = _page(printed)
    harvest, library, text, subhead, foot = _pieces(page_text, printed)
    assert reading_order(page_text) == [harvest, library, subhead, text, foot]
    page = split_page(page_text)
    assert [a.byline for a in page.articles] == ["赵敏", "王磊"]
    assert [(b.kind, b.text) for b in page.articles[1].blocks][-2:] == [("heading", "".join(indented)), ("paragraph", SUB_FOOT_TEXT)]


def test_a_one_line_subhead_printed_apart_before_the_titles_goes_back_over_its_text() -> None:
    # The same with a subhead on one line as wide as the column (the shape of train133 page-034):
    # printed apart from the titles' block, it is read over its text as the wrapped one is.
    line = "夜间开放时段借阅量占三成"
    assert len(line) == 12
    printed = [*SUB_FOOT_PRINTED[:3], line, FOOT]
    page_text = _page(printed)
    harvest, library, text, subhead, foot = _pieces(page_text, printed)
    assert reading_order(page_text) == [harvest, library, subhead, text, foot]
    page = split_page(page_text)
    assert [a.byline for a in page.articles] == ["赵敏", "王磊"]
    assert [(b.kind, b.text) for b in page.articles[1].blocks][-2:] == [("heading", line), ("paragraph", SUB_FOOT_TEXT)]


def test_the_first_article_s_title_printed_apart_before_the_titles_stays_in_the_foot() -> None:
    # The foot's first title, the harvest article's (the page opens with it), printed apart from the
    # other title's block (the shape of train115 page-005): read over the library's last paragraph it
    # would leave no seam broken and share 3 of its characters (夜, 间, 时) with that paragraph's
    # opening, but the page's first text, the title's own lead, opens with 4 of them (秋, 收, 时, 节):
    # it is that article's title, not a subhead of the library article.
    line = "秋收时节玉米丰收夜间抢收"
    assert len(line) == 12
    printed = [*SUB_FOOT_PRINTED[:3], line, "图书馆延时服务受读者欢迎\n读书分享会每周举行"]
    page_text = _page(printed)
    blocks, stop = order_module.foot_before_subheads(blocks_of(cut_lines(page_text, bylines=BylineFinder()), page_text))
    _, topic, first_topic = order_module.foot_block_read_over_text(blocks, stop)
    assert (topic, first_topic) == (3, 4)
    assert reading_order(page_text) is None  # read as printed: the line stays with the titles
    page = split_page(page_text)
    assert page.articles[0].title == line
    assert [b.kind for b in page.articles[1].blocks] == ["paragraph"] * 3


def test_a_one_line_heading_before_titles_printed_a_block_each_is_no_subhead() -> None:
    # Where pdftotext printed the foot's titles a block each (the shape of train77 page-027), a line
    # as wide as the column before them is shaped as one of them: it stays in the foot.
    line = "夜间开放时段借阅量占三成"
    printed = [*SUB_FOOT_PRINTED[:3], line, *FOOT.split("\n")]
    page_text = _page(printed)
    blocks = blocks_of(cut_lines(page_text, bylines=BylineFinder()), page_text)
    assert order_module.foot_line(blocks[3])
    assert not order_module._line_apart_from_titles(blocks, 3)


def test_a_title_with_a_colon_over_its_lead_in_the_column_is_a_title_over_the_opening() -> None:
    # A title punctuated as headings may be, with a colon (the shape of train135 page-038's
    # title: a place name of four characters, a colon, a phrase of eight), over its lead; a line
    # with a comma is a paragraph's.
    lead = _set(LEAD_3)
    for head, titled in (("山区果园：柑橘喜获丰收", True), ("山区果园，柑橘喜获丰收", False)):
        page_text = _page(["\n".join([head, *lead])])
        block = blocks_of(cut_lines(page_text, bylines=BylineFinder()), page_text)[0]
        assert order_module._titled(block) is titled


def test_a_subhead_as_wide_as_the_column_printed_before_another_is_no_rest_of_it() -> None:
    # Two subheads, each on one line as wide as the column but for an indent, printed one after the
    # other under a sentence's end (the shape of train135 page-015), the first a character shorter:
    # it is a heading of its own, not the second's rest wrapped and printed before it; a rest of two
    # characters is one.
    second = "夜间开放时段借阅量占三成"
    for first, rest in (("冷链物流让柑橘保鲜更久", False), ("三成", True)):
        printed = ["\n".join(_set(LEAD_3)), first, second]
        page_text = _page(printed)
        blocks = blocks_of(cut_lines(page_text, bylines=BylineFinder()), page_text)
        assert order_module._rests(blocks)[1] is rest


# Titles over the articles (the shape of train95 page-028): the second article opens at column 2's
# foot (its title and lead's first lines, which stop inside a sentence at the column's width: 加快|建设)
# and goes on at column 3's top; pdftotext prints column 3's top first, so the page's last block
# stops inside a sentence right at the page's end.
ARTICLE_1_TEXT = "\n".join([*_set(P2), *_set(P3)[:-1], _set(P3)[-1] + BYLINE_1])
LEAD_2C = "市民纷纷表示，绿道让城市生活更加舒适，周末出游也有了好去处。"
LEAD_2_LINES = _set(LEAD_2A) + _set(LEAD_2B) + _set(LEAD_2C)
OPENING_2 = "\n".join([TITLE_2, *LEAD_2_LINES[:2]])
REST_2 = "\n".join([*LEAD_2_LINES[2:], BYLINE_2])
PAGE_END_PRINTED = [COLUMN_1A, ARTICLE_1_TEXT, REST_2, OPENING_2]


def test_an_opening_printed_last_at_the_page_s_end_goes_back_over_its_text() -> None:
    assert LEAD_2_LINES[1] == "播）：今年以来，多地加快"  # stops inside a sentence, at full width
    page_text = _page(PAGE_END_PRINTED)
    column_1, article_1, rest_2, opening_2 = _pieces(page_text, PAGE_END_PRINTED)
    assert reading_order(page_text) == [column_1, article_1, opening_2, rest_2]
    page = split_page(page_text)
    assert [(a.title, a.byline) for a in page.articles] == [(TITLE_1, "张伟"), (TITLE_2, "李明")]
    assert [(b.kind, b.text) for b in page.articles[1].blocks] == [("paragraph", LEAD_2A), ("paragraph", LEAD_2B), ("paragraph", LEAD_2C)]


# Titles at the foot (the shape of train91 page-022): the harvest article, signed over its text (a
# byline line), sets its own title stack in the column under the byline line — its title and two
# subtitles, three lines of no column's width — and the foot repeats it as one line.  pdftotext prints
# the stack after the columns, right before the foot's titles, where it was read as titles: the
# page's titles went to the wrong articles.  It goes back under the byline line, over the lead that
# names its topic (秋收), not over the next article's, and alone.
STACK_LINES = ["秋收玉米丰收在望", "各地趁着晴天抢收", "农机手抢收忙"]
STACK_3 = "\n".join(STACK_LINES)
HARVEST_TOP = "\n".join(_set(LEAD_H) + _set(LEAD_H2))
# The next article's lead and its second paragraph, at the next column's top, each a block of its own.
GREENWAY_A = "\n".join(_set(LEAD_2A))
GREENWAY_B = "\n".join(_set(LEAD_2B)[:-1] + [_set(LEAD_2B)[-1] + BYLINE_2])
FOOT_STACK_3 = "\n".join(["图书馆延时服务受读者欢迎", " ".join(STACK_LINES), TITLE_2])
STACK_LAST_PRINTED = [LIBRARY, BYLINE_LINE_C, HARVEST_TOP, GREENWAY_A, GREENWAY_B, STACK_3, FOOT_STACK_3]


def test_a_title_stack_printed_before_the_foot_s_titles_goes_back_under_its_byline_line() -> None:
    assert all(len(line) < 12 for line in STACK_LINES)  # no heading wrapped at the column
    page_text = _page(STACK_LAST_PRINTED)
    library, byline, harvest, greenway_a, greenway_b, stack, foot = _pieces(page_text, STACK_LAST_PRINTED)
    # The stack alone moves, as an article's opening does: not with the paragraph printed over it,
    # which a shorter move would take along.
    assert reading_order(page_text) == [library, byline, stack, harvest, greenway_a, greenway_b, foot]
    page = split_page(page_text)
    assert [(a.title, a.byline) for a in page.articles] == [
        ("图书馆延时服务受读者欢迎", "王磊"), (" ".join(STACK_LINES), "赵敏"), (TITLE_2, "李明")
    ]
    assert [b.text for b in page.articles[1].blocks][-2:] == [LEAD_H, LEAD_H2]


def test_a_first_line_boxed_apart_is_no_pdftotext_block() -> None:
    # The page of the test above with the second article's last paragraph boxed as pdfminer boxes it:
    # its first line (不少读者表示，夜间阅: punctuated as a sentence) apart from the lines it goes on
    # in (train31 page-011's shape).  The blocks still pass BLOCK_PARAGRAPHS (6 paragraphs in 5
    # blocks) with no line of text alone, yet pdftotext never cuts a sentence's first line from its
    # paragraph: the page is read as printed, not by pdftotext's moves.
    p4 = _set(P4)
    page_text = _page(["\n".join(_set(LEAD_3)), H3, ARTICLE_4, p4[0], "\n".join([*p4[1:-1], p4[-1] + BYLINE_3]), FOOT])
    blocks = blocks_of(cut_lines(page_text, bylines=BylineFinder()), page_text)
    assert [len(b) for b in blocks] == [4, 1, 6, 1, 2, 2]
    assert paragraphs_per_block(blocks[:5]) >= BLOCK_PARAGRAPHS
    assert not order_module._pdftotext_blocks(blocks[:5])
    assert reading_order(page_text) is None


def test_a_subhead_alone_over_a_column_s_top_stays_pdftotext_s() -> None:
    # pdftotext's blocks, the lead's column cut after its second line, a bold subhead of 10 characters
    # (short of the column as an indent is) alone over the next column's top, which goes on the lead's
    # sentence (train51 page-038's shape).  Unpunctuated, the subhead is no first line boxed apart:
    # the blocks are still pdftotext's.
    lead = _set(LEAD_3)
    page_text = _page(["\n".join(lead[:2]), "夜读活动受到读者欢迎", "\n".join(lead[2:]), H3, ARTICLE_4, P4_BLOCK, FOOT])
    blocks = blocks_of(cut_lines(page_text, bylines=BylineFinder()), page_text)
    assert [len(b) for b in blocks] == [2, 1, 2, 1, 6, 3, 2]
    assert order_module._boxed_apart(blocks, 1)  # indented, alone, before a block that goes on
    assert order_module._pdftotext_blocks(blocks[:6])


# A subhead wrapped onto a one-character rest that pdftotext printed on the line under the article's
# lead's block (the shape of train47 page-035 and train83 page-011: one column, the titles over the
# articles, another article printed first): the title and its byline line are a block of their own.  The lead's
# first two lines hold the rest's character (箱), the subhead's text does not; its first line names
# what its text opens with (柑橘出口订单增加) but is read over its rest, not over the text.  Both
# orders break no seam, and by the subheads' topics alone the subhead and its rest went over the lead,
# between the byline line and it.  pdftotext printed the rest right under the text over the subhead:
# the subhead stays after the lead.
H_ORDERS_FIRST, H_ORDERS_REST = "柑橘出口订单增加果农忙装", "箱"
LEAD_ORDERS = "央视网消息（新闻联播）：装箱发货忙，柑橘出口订单增加。"
LEAD_ORDERS_B = "今年全县柑橘种植面积扩大，产量比去年增加三成。"
P_ORDERS = "柑橘出口订单增加，果农说，今年新建冷库三座，保鲜期延长一倍。"
ORDERS_PRINTED = [
    ARTICLE_2, "\n".join([TITLE_1, BYLINE_LINE]), "\n".join([*_set(LEAD_ORDERS), *_set(LEAD_ORDERS_B), H_ORDERS_REST]), H_ORDERS_FIRST,
    "\n".join(_set(P_ORDERS)),
]


def test_a_wrapped_subhead_whose_rest_was_printed_under_the_lead_stays_after_the_lead() -> None:
    page_text = _page(ORDERS_PRINTED)
    title, lead, first, text = (page_text.index(block) for block in ORDERS_PRINTED[1:])
    rest = page_text.index("\n" + H_ORDERS_REST + "\n") + 1
    assert reading_order(page_text) == [(0, title), (title, lead), (lead, rest), (first, text), (rest, first), (text, len(page_text))]
    page = split_page(page_text)
    assert [(b.kind, b.text) for b in page.articles[1].blocks] == [
        ("paragraph", LEAD_ORDERS), ("paragraph", LEAD_ORDERS_B), ("heading", H_ORDERS_FIRST + H_ORDERS_REST),
        ("paragraph", P_ORDERS),
    ]


def test_a_heading_put_back_under_the_block_over_its_rest_only_where_that_breaks_no_more_seams() -> None:
    # Blocks as pdftotext printed them (the shape of train137 page-035): another article's text (0) and
    # byline (1), a heading's rest (2) and first line (3), the text under the heading (4), an article's
    # lead (5).  The move search read the lead after the byline, then the heading with its rest and its
    # text.  Put back right after the block printed over the rest (the byline), the heading and its
    # text go before the lead: 0 1 3 2 4 5.  The seams are given by hand: each pair in *broken*.
    printed, found = (0, 1, 2, 3, 4, 5), (0, 1, 5, 3, 2, 4)
    rests = [False, False, True, False, False, False]
    put_back = (0, 1, 3, 2, 4, 5)

    def seams(broken: set[tuple[int, int]]):
        """The terms of an order: here the seams it breaks alone."""
        return lambda seq: (sum((x, y) in broken for x, y in zip(seq, seq[1:])),)

    # Neither order breaks a seam: put back (no more seams).  As read, the lead into the heading breaks
    # one, put back none: put back.
    assert order_module._headings_in_place(found, printed, rests, seams(set())) == put_back
    assert order_module._headings_in_place(found, printed, rests, seams({(5, 3)})) == put_back
    # The heading's text before the lead breaks one, as read none (a heading printed late as a whole): it
    # stays where it was read.
    assert order_module._headings_in_place(found, printed, rests, seams({(4, 5)})) == found


# Titles at the foot (the shape of train543 page-040): the harvest article's title stack set in the
# column — its title alone at column 1's top (repeated by the foot), then a deck of two lines over the
# lead in the block under it.  pdftotext prints the title, column 2, then the deck and lead: the deck
# of two lines over a lead is the stack's rest (as one line over a lead is, the test above), not another
# article's title after a heading that wants its text.
DECK_H2 = "各地趁着晴天抢收"
DECKED_PRINTED = [LIBRARY, TITLE_H, HARVEST_2, "\n".join([DECK_H, DECK_H2, *_set(LEAD_H)]), FOOT_H]


def test_a_title_alone_is_read_over_the_rest_of_its_stack_a_deck_over_the_lead() -> None:
    page_text = _page(DECKED_PRINTED)
    library, title, column_2, lead, foot = _pieces(page_text, DECKED_PRINTED)
    assert reading_order(page_text) == [library, title, lead, column_2, foot]
    page = split_page(page_text)
    assert [a.byline for a in page.articles] == ["王磊", "赵敏"]
    assert [b.text for b in page.articles[1].blocks][-2:] == [LEAD_H, LEAD_H2]


# Titles at the foot (the shape of train505 page-039): the harvest article opens with a lead's label
# alone on its line over its title stack (two headings), then its text, which opens with no lead.
# pdftotext prints the label and the stack in a block of their own after the columns, right before the
# foot's titles.  The block goes back over the text alone: it is no lead bound where pdftotext printed
# it (its text is elsewhere), and its last heading, 9 of 12 characters wide, leaves no sentence
# running on into the text.
LABEL_STACK = "\n".join(["新华网消息：", "秋收玉米丰收在望", "各地农机手抢收玉米"])
HARVEST_TEXT = "\n".join([*_set(LEAD_H2), *_set(LEAD_H3)[:-1], _set(LEAD_H3)[-1] + BYLINE_4])
GREENWAY = "\n".join(_set(LEAD_2A) + _set(LEAD_2B) + _set(LEAD_2C)[:-1] + [_set(LEAD_2C)[-1] + BYLINE_2])
FOOT_LABELLED = "\n".join(["图书馆延时服务受读者欢迎", "秋收玉米丰收在望 各地农机手抢收玉米", TITLE_2])
LABEL_LAST_PRINTED = [LIBRARY_LONG, HARVEST_TEXT, GREENWAY, LABEL_STACK, FOOT_LABELLED]


def test_a_lead_s_label_over_its_title_stack_printed_last_goes_back_over_its_text() -> None:
    page_text = _page(LABEL_LAST_PRINTED)
    block = blocks_of(cut_lines(page_text, bylines=BylineFinder()), page_text)[3]
    assert block[-1].width == block[-1].column - 6  # short of the column by less than INDENT_MAX
    assert order_module._label_over_deck(block) and not order_module._needs_more(block)
    library, harvest, greenway, stack, foot = _pieces(page_text, LABEL_LAST_PRINTED)
    assert reading_order(page_text) == [library, stack, harvest, greenway, foot]
    page = split_page(page_text)
    assert [a.byline for a in page.articles] == ["王磊", "赵敏", "李明"]
    assert [b.text for b in page.articles[1].blocks][-2:] == [LEAD_H2, LEAD_H3]


# Titles over the articles (the shape of train503 page-001): the page opens with the first article's
# title over its byline line (本报通讯员 …), two lines shaped as a subhead's, as the page's header run is;
# the second article opens with its title stack in a block of its own: the title set across the
# columns (wider than a column), the title again in the column and a deck line, over its lead.  The
# stack is no block of the foot's titles printed early: it stays over its lead.
TITLE_ACROSS = "图书馆延长开放时间受到读者欢迎夜间阅读"
STACK_OVER_LEAD = "\n".join([TITLE_ACROSS, "图书馆延长开放时间", "夜间阅读受到读者欢迎", "馆方将增设阅览座位"])
ARTICLE_1_OPENING = "\n".join(["山区果园喜迎丰收", "本报通讯员 张伟"])
ARTICLE_1_BODY = "\n".join(_set(LEAD_1A) + _set(LEAD_1B) + _set(P2))  # signed over its text only
LIBRARY_LEAD = "\n".join(_set(LEAD_3) + _set(LEAD_3C) + _set(LEAD_3B)[:-1] + [_set(LEAD_3B)[-1] + BYLINE_3])
STACK_PRINTED = [ARTICLE_1_OPENING, ARTICLE_1_BODY, STACK_OVER_LEAD, LIBRARY_LEAD]


def test_a_title_stack_over_its_lead_stays_there_when_the_titles_stand_over_the_articles() -> None:
    page_text = _page(STACK_PRINTED)
    blocks = blocks_of(cut_lines(page_text, bylines=BylineFinder()), page_text)
    assert order_module._body_start(blocks, len(blocks)) == 1  # the title block is read as the header's
    assert order_module._titles_over_articles(blocks)
    assert reading_order(page_text) is None
    page = split_page(page_text)
    assert [a.byline for a in page.articles] == ["张伟", "王磊"]
    assert page.articles[0].title == "山区果园喜迎丰收"


# Titles over the articles (the shape of train175 page-020), columns of 17 characters: the library
# article's title over a byline line (a block of its own), its text whole and unsigned in the next
# block; then the games article's two-line title stack (a title and a deck, each short of the column)
# over its lead, in one block.  Read as no article's opening, the games block was the library
# article's last column, short of its first (7 of 20 lines, under COLUMN_SHARE), and the search put
# it before the library article's title.  A title stack over a lead opens an article, as a title of
# one line over it does.
def _set_17(paragraphs: list[str]) -> list[str]:
    return [line for paragraph in paragraphs for line in _set(paragraph, 17)]


CANTEEN_STACK = "\n".join(["社区食堂开进老小区", *_set_17([
    "央视网消息（新闻联播）：近日，多个城市的老旧小区开设了社区食堂，老人在家门口就能吃上热乎饭菜。",
    "食堂的饭菜价格实惠，荤素搭配。（记者 王磊）"])])
READING_ROOM_TITLE = "乡村书屋点亮农家夜晚\n本报通讯员 陈红"
READING_ROOM_TEXT = "\n".join(_set_17([
    "央视网消息（新闻联播）：入冬以来，各地乡村书屋延长开放时间，吸引不少村民前来读书看报。",
    "书屋还定期举办读书分享活动，邀请农技专家讲授种植养殖知识，村民们学得认真，问得仔细。",
    "不少年轻人也把孩子带来，一起在书屋里写作业、读绘本，书屋成了村里最热闹的地方。",
    "当地还计划为书屋添置更多图书和电脑，让村民足不出村就能学到新知识。",
    "村干部说，书屋开得好不好，要看村民愿不愿意来，如今晚上的书屋灯火通明，座位常常不够用。",
    "一位老人笑着说，现在冬天晚上有了好去处，日子过得更有滋味了。",
    "书屋管理员介绍，今年以来借阅图书的村民越来越多，农业技术类图书最受欢迎。"]))
GAMES_STACK = "\n".join(["全国冬季运动会开幕", "各地代表队齐聚赛场", *_set_17([
    "央视网消息（新闻联播）：全国冬季运动会今天开幕，运动员将同场竞技。", "本届运动会设置多个大项。（记者 赵敏）"])])
STACK_OVER_LEAD_PRINTED = [CANTEEN_STACK, READING_ROOM_TITLE, READING_ROOM_TEXT, GAMES_STACK]


def test_a_title_stack_over_its_lead_opens_an_article_and_is_no_short_last_column() -> None:
    assert len(READING_ROOM_TEXT.split("\n")) == 20 and len(GAMES_STACK.split("\n")) == 7 and 7 / 20 < COLUMN_SHARE
    page_text = _page(STACK_OVER_LEAD_PRINTED)
    assert reading_order(page_text) is None
    page = split_page(page_text)
    assert [(a.title, a.byline) for a in page.articles] == [
        ("社区食堂开进老小区", "王磊"), ("乡村书屋点亮农家夜晚", "陈红"), ("全国冬季运动会开幕各地代表队齐聚赛场", "赵敏")]


# The strip reading (pdfminer's rows of columns) is not asked first on pdftotext's blocks: pdftotext
# prints each column down in turn, and the move search reads them (the eighteenth session,
# corpora/typeset/README.md).  The strips stand in for one that reads PRINTED's second column
# over its first (a strip order the move search's page does not read): the move search's READ wins.
STRIPS_ORDER = [0, 3, 2, 1, 4, 5, 6]


def _strips_read(order: list[int]):
    """A stand-in for textfix.order._strips_past_header: *order* where the print order is searched
    first (MIN_BROKEN broken seams, no bound), no reading where a later stage asks."""
    def strips(blocks, stop, least, most, topical=False, held_last=False):
        first = least == order_module.MIN_BROKEN and most is None and not topical and not held_last
        return list(order) if first else None
    return strips


def test_pdftotext_s_blocks_are_read_by_the_move_search_not_the_strips(monkeypatch) -> None:
    page_text = _page(PRINTED)
    piece = _pieces(page_text, PRINTED)
    monkeypatch.setattr(order_module, "_strips_past_header", _strips_read(STRIPS_ORDER))
    assert reading_order(page_text) == [piece[PRINTED.index(block)] for block in READ]


@pytest.mark.parametrize("guard", ["_subhead_row_read", "_lead_byline_read_apart"])
def test_the_strips_stand_where_a_guard_tells(monkeypatch, guard: str) -> None:
    # The strips read a row of subheads (_subhead_row_read), or the move search reads a byline line
    # under a title apart from its lead (_lead_byline_read_apart): the strips' order stands.
    page_text = _page(PRINTED)
    piece = _pieces(page_text, PRINTED)
    monkeypatch.setattr(order_module, "_strips_past_header", _strips_read(STRIPS_ORDER))
    monkeypatch.setattr(order_module, guard, lambda blocks, order: True)
    assert reading_order(page_text) == [piece[i] for i in STRIPS_ORDER]


def _blocks(printed: list[str]):
    page_text = _page(printed)
    return blocks_of(cut_lines(page_text, bylines=BylineFinder()), page_text)


# Two subheads set side by side over two columns of one article, each a bold block of its own:
# pdftotext prints them in turn, then the column under each (H_A H_B T_A T_B; train205 page-026's
# shape).  Read as a row, each subhead stands over the column printed two blocks after it.
SUBHEAD_ROW_PRINTED = [
    "\n".join(_set(LEAD_3)), "夜间阅读受到欢迎", "秋收玉米丰收在望",
    "\n".join(_set(P4)), "\n".join([*_set(LEAD_4B)[:-1], _set(LEAD_4B)[-1] + BYLINE_4]),
]


def test_a_row_of_two_subheads_read_each_over_its_column_is_a_subhead_row() -> None:
    blocks = _blocks(SUBHEAD_ROW_PRINTED)
    assert [len(b) for b in blocks] == [4, 1, 1, 3, 2]
    assert order_module._subhead_row_read(blocks, [0, 1, 3, 2, 4])
    assert not order_module._subhead_row_read(blocks, [0, 1, 2, 3, 4])  # as printed: no row read
    # A one-line block punctuated as a sentence is no subhead: no row.
    assert not order_module._subhead_row_read(_blocks([SUBHEAD_ROW_PRINTED[0], "读者说好。", *SUBHEAD_ROW_PRINTED[2:]]), [0, 1, 3, 2, 4])


# A byline line under a title (本报记者 王磊, a block of its own) printed right over its lead: a
# reading that puts another block between them parts what pdftotext printed together (tp15 train683
# page-015's shape: a section printed last before the foot's titles read in between).
BYLINE_PRINTED = ["\n".join(_set(P4)), BYLINE_LINE, "\n".join(_set(LEAD_4A)), "\n".join(_set(LEAD_3))]


def test_a_byline_line_read_apart_from_the_lead_printed_under_it() -> None:
    blocks = _blocks(BYLINE_PRINTED)
    assert [len(b) for b in blocks] == [3, 1, 4, 4]
    assert order_module._lead_byline_read_apart(blocks, [0, 1, 3, 2])
    assert not order_module._lead_byline_read_apart(blocks, [3, 0, 1, 2])  # moved together


# pdfminer boxes a paragraph at a time, and at times a one-line paragraph (秋收开始了。) with the next
# in one box (pt14 train549 page-040's shape): paragraphs end inside its boxes on a box's first line
# only.  pdftotext runs a column's paragraphs on in one block, so some end on a later line.
ONE_LINE_PARAGRAPH = "秋收开始了。"
ONE_LINE_OVER_NEXT = [
    "\n".join([ONE_LINE_PARAGRAPH, *_set(LEAD_4A)]), "\n".join(_set(LEAD_3)), "\n".join(_set(P4)),
    "\n".join([ONE_LINE_PARAGRAPH, *_set(LEAD_3B)]),
]


def test_paragraphs_ended_only_on_a_box_s_first_line_are_no_pdftotext_blocks() -> None:
    # LEAD_4A and LEAD_4B each boxed apart: 8 paragraphs in 6 boxes, over BLOCK_PARAGRAPHS, no line
    # of text alone; the two ended inside a box end on its first line.
    boxed = _blocks([*ONE_LINE_OVER_NEXT, "\n".join(_set(LEAD_4A)), "\n".join([*_set(LEAD_4B)[:-1], _set(LEAD_4B)[-1] + BYLINE_4])])
    assert [len(b) for b in boxed] == [5, 4, 3, 4, 4, 2]
    assert paragraphs_per_block(boxed) == 8 / 6 >= BLOCK_PARAGRAPHS
    assert order_module._paragraphs_run_on(boxed) and order_module._paragraphs_boxed_apart(boxed)
    assert not order_module._pdftotext_blocks(boxed)
    # The two in one block, as pdftotext runs them on: LEAD_4A ends on the block's fourth line.
    blocks = _blocks([*ONE_LINE_OVER_NEXT, ARTICLE_4])
    assert [len(b) for b in blocks] == [5, 4, 3, 4, 6]
    assert not order_module._paragraphs_boxed_apart(blocks)
    assert order_module._pdftotext_blocks(blocks)


# Titles at the foot, printed by pdftotext in two blocks (the shape of train557 page-015, train581
# page-004, train981 page-004, train995 page-011): four articles in order, the first unsigned; the
# first block of the foot holds two titles shorter than the column (8 characters, then 10: short by
# an indent, as a paragraph's first line is) over one set across the page (15 characters, wider than
# the column of 12), the second block the last title.
LEAD_ROAD = "央视网消息（新闻联播）：今年以来，多地加快修建乡村公路，村民出行更加便利。"
TWO_BLOCK_TITLES = ["乡村书屋点亮夜晚", "秋收时节玉米丰收在望", "图书馆延长开放时间吸引读者夜读", "乡村公路越修越好"]
TWO_BLOCK_FOOT_PRINTED = [
    "\n".join(_set(LEAD_N)), ARTICLE_4, "\n".join([*_set(LEAD_3)[:-1], _set(LEAD_3)[-1] + BYLINE_3]),
    "\n".join([*_set(LEAD_ROAD)[:-1], _set(LEAD_ROAD)[-1] + BYLINE_2]),
    "\n".join(TWO_BLOCK_TITLES[:3]), TWO_BLOCK_TITLES[3],
]


def test_the_foot_opens_at_the_first_of_two_blocks_of_titles() -> None:
    blocks = _blocks(TWO_BLOCK_FOOT_PRINTED)
    titles = blocks[4]
    assert [ln.width for ln in titles] == [16, 20, 30]  # short, short by an indent, wider than the column's 24
    assert not order_module._heading_over_text(titles)  # no paragraph's line is wider than the column
    assert move_blocks(blocks)[1] == 4
    # The same block printed last is the foot too: its lines are titles, no subhead over a paragraph.
    assert move_blocks(blocks[:5])[1] == 4


def test_the_foot_s_titles_printed_in_two_blocks_stay_at_the_foot() -> None:
    # Read as a subhead over its text, the first block of titles left the last article's byline
    # before a section (a heading seam), and the search read it after the unsigned first article.
    page_text = _page(TWO_BLOCK_FOOT_PRINTED)
    assert reading_order(page_text) is None
    page = split_page(page_text)
    assert [(a.title, a.byline) for a in page.articles] == [
        (TWO_BLOCK_TITLES[0], ""), (TWO_BLOCK_TITLES[1], "赵敏"), (TWO_BLOCK_TITLES[2], "王磊"), (TWO_BLOCK_TITLES[3], "李明")
    ]


# Titles at the foot (the shape of train2643 page-011): the subhead over the signed section is 24
# characters, two lines that each fill the column of 12; no line of it has a mark, and the line under
# it is a paragraph's indented first line, which no paragraph's last line stands over: a heading.
H_TWO_FULL = "夜间阅读让下班后的时光更加充实也结识了许多新朋友"
TWO_FULL_TEXT = "\n".join([H_TWO_FULL[:12], H_TWO_FULL[12:], *_set(P4)[:-1], _set(P4)[-1] + BYLINE_3])
TWO_FULL_PRINTED = [FIRST, "\n".join(_set(P3)), ARTICLE_4, TWO_FULL_TEXT, FOOT]


def test_a_subhead_filling_two_lines_over_its_text_printed_after_the_next_article_goes_back() -> None:
    assert len(H_TWO_FULL) == 24
    page_text = _page(TWO_FULL_PRINTED)
    piece = _pieces(page_text, TWO_FULL_PRINTED)
    assert reading_order(page_text) == [piece[0], piece[1], piece[3], piece[2], piece[4]]
    _split_reads(page_text, ["王磊", "赵敏"], [
        ("paragraph", LEAD_3), ("paragraph", LEAD_3B), ("paragraph", P3), ("heading", H_TWO_FULL), ("paragraph", P4)
    ])


# A line shaped as a subhead at a column's foot, under a sentence's end, that stops short of the column
# by more than FULL_SLACK only because what opens the next column (券”，: a character and the marks no
# line may open with) did not fit the room left (the shape of train2641 page-008): the column's text run
# on, read as printed.
RUN_ON_LINES = ["各地也举办了书市活动。", "多地共发放“图书惠民", "券”，方便市民就近购书，", "受到欢迎。"]


def test_a_tail_line_short_by_what_did_not_fit_runs_on_into_the_next_column() -> None:
    column_1 = "\n".join([*_set(LEAD_3), *RUN_ON_LINES[:2]])
    column_2 = "\n".join([RUN_ON_LINES[2], RUN_ON_LINES[3] + BYLINE_3])
    blocks = _blocks([column_1, column_2, ARTICLE_4, FOOT])
    tail = blocks[0][-1]
    assert tail.bare and tail.column - tail.width > 2  # short of the column by more than FULL_SLACK
    assert order_module._tail_subhead(blocks[0]) == 1
    assert order_module._tail_runs_on(blocks, 0)


# Titles over the articles (the shape of train2643 page-007): an unsigned article, then one whose second
# column ends with a subhead wrapped after its colon's clause (its first line holds a colon, as a
# subhead's may), whose text opens the third column; pdftotext prints the section under that text (a
# subhead over its text, which ends the article) before it.  The subhead at the foot is read over the
# text that opens with its topic; and the column top put before the section is the section put after it:
# an opening, no cut (so the section is not read at the unsigned article's end instead, which breaks no
# seam either and reads the same topics).
TAIL_COLON_HEAD = ["市民：夜间开放让阅读更方", "便"]
TAIL_COLON_TEXT = "市民表示，夜间开放让阅读更方便，下班以后也能来读书。"
H_LAST_SECTION = "分享会吸引年轻读者参加"
LAST_SECTION = "\n".join([H_LAST_SECTION, *_set(P4)[:-1], _set(P4)[-1] + BYLINE_3])
TAIL_COLON_PRINTED = [
    "\n".join([TITLE_2, *_set(LEAD_2A), *_set(LEAD_2B)]), "\n".join([TITLE_1, *_set(LEAD_3)]),
    "\n".join([*_set(LEAD_3B), *_set(P_L), *TAIL_COLON_HEAD]), LAST_SECTION, "\n".join(_set(TAIL_COLON_TEXT)),
]


def test_a_colon_subhead_at_a_column_s_foot_gets_its_text_before_the_next_section() -> None:
    assert len(TAIL_COLON_HEAD[0]) == 12  # as wide as the column
    assert order_module._tail_subhead(_blocks(TAIL_COLON_PRINTED)[2]) == 2  # its colon line is a subhead's
    page_text = _page(TAIL_COLON_PRINTED)
    piece = _pieces(page_text, TAIL_COLON_PRINTED)
    assert reading_order(page_text) == [piece[k] for k in (0, 1, 2, 4, 3)]
    page = split_page(page_text)
    assert [(a.title, a.byline) for a in page.articles] == [(TITLE_2, ""), (TITLE_1, "王磊")]
    assert [(b.kind, b.text) for b in page.articles[1].blocks] == [
        ("paragraph", LEAD_3), ("paragraph", LEAD_3B), ("paragraph", P_L), ("heading", "".join(TAIL_COLON_HEAD)),
        ("paragraph", TAIL_COLON_TEXT),
        ("heading", H_LAST_SECTION), ("paragraph", P4),
    ]


def test_a_paragraph_s_first_two_lines_without_a_mark_are_asked_for_no_topic() -> None:
    """Two lines without a mark, the first short by an indent and the second full, open a paragraph
    (the shape of train2649 page-019): as a subhead they shared their common characters with any text."""
    opening = "联合国负责人道事务的副秘书长在安理会公开会议上说"
    blocks = _blocks(["\n".join(_set(LEAD_3)), "\n".join(_set(opening)[:2]), "\n".join(_set("联合国安理会公开会议上各方发言。"))])
    assert all(ln.bare for ln in blocks[1])
    _, shared = order_module._move_costs(blocks, len(blocks))
    assert shared(1, 2) == 0


def test_a_paragraph_under_a_byline_in_one_block_is_cut_from_it() -> None:
    """A paragraph's indented first line under the byline that ends an article, in one block (the shape
    of train2645 page-008: a section's last paragraph, signed, and the next article's later paragraph
    beside it, which pdftotext took for one block): no byline ends its article inside its column's
    text, so the block is cut there, and the pieces are read apart only where a move mends a seam."""
    signed = "\n".join([H3, *_set(P4)[:-1], _set(P4)[-1] + BYLINE_3])
    later = "\n".join([*_set(LEAD_4B)[:-1], _set(LEAD_4B)[-1] + BYLINE_4])
    blocks = _blocks(["\n".join(_set(LEAD_3)), "\n".join(_set(LEAD_4A)), "\n".join([signed, later]), FOOT])
    assert blocks[2][len(signed.split("\n"))].text == _set(LEAD_4B)[0] and len(_set(LEAD_4B)[0]) == 10  # indented
    moved, _ = move_blocks(blocks)
    assert ["\n".join(ln.text for ln in block) for block in moved[2:4]] == [signed, later]


def test_a_byline_wrapped_over_three_lines_closes_its_text_and_cuts_the_block_under_it() -> None:
    """pdftotext parts a justified line's spread characters: ``…心得。（记者`` / ``王`` / ``磊）`` (the
    shape of train2687 page-035, the next article's paragraph under it in the same block)."""
    lead = _set(LEAD_3B)
    signed = "\n".join([*lead[:-1], lead[-1] + "（记者", "王", "磊）"])
    later = "\n".join([*_set(LEAD_4B)[:-1], _set(LEAD_4B)[-1] + BYLINE_4])
    page_text = _page(["\n".join(_set(LEAD_3)), signed, "\n".join(_set(LEAD_4A)), "\n".join([signed, later]), FOOT])
    blocks = boxes(page_text, BylineFinder())
    assert order_module._closes(blocks[1])  # the block ends with the byline
    moved, _ = move_blocks(blocks)
    assert ["\n".join(ln.text for ln in block) for block in moved[3:5]] == [signed, later]


def test_a_line_that_is_all_a_parenthesis_does_not_cut_the_list_under_it() -> None:
    """``（以下按姓氏笔画排序）`` over a list of names (the shape of train2705 page-038): the byline finder
    takes the parenthesis for a byline, but nothing stands before it on its line, so the list's next line,
    short as an indented one, is not cut from it."""
    names = ["丁向群（女）、丁兴农", "、于文明、于立军、于会文", "、万敏、马晓天、王毅。"]
    listed = "\n".join(["委员：", "（以下按姓氏笔画排序）", *names])
    blocks = _blocks(["\n".join(_set(LEAD_3)), listed, ARTICLE_4, FOOT])
    assert blocks[1][1].byline is not None and is_indented(blocks[1][2])  # short as an indented first line
    assert not any(block[0].text == names[0] for block in move_blocks(blocks)[0])


def test_a_byline_wrapped_over_two_lines_amid_a_block_cuts_the_block_under_it() -> None:
    """The two-line wrap (``…心得。（记者`` / ``王磊）``) is read amid a block as the three-line one is."""
    lead = _set(LEAD_3B)
    signed = "\n".join([*lead[:-1], lead[-1] + "（记者", "王磊）"])
    later = "\n".join([*_set(LEAD_4B)[:-1], _set(LEAD_4B)[-1] + BYLINE_4])
    page_text = _page(["\n".join(_set(LEAD_3)), "\n".join(_set(LEAD_4A)), "\n".join([signed, later]), FOOT])
    moved, _ = move_blocks(boxes(page_text, BylineFinder()))
    assert ["\n".join(ln.text for ln in block) for block in moved[2:4]] == [signed, later]


def _parted_after_short_last_line(last_paragraph: str) -> list[str]:
    """The blocks move_blocks cuts from a block holding *last_paragraph* (its last line 9 characters,
    18 of 24 units) over the rest of another article's sentence at the column's full width."""
    later = "\n".join(["机手抢收玉米，今年玉米长", "势良好，丰收在望。" + BYLINE_4])
    column = "\n".join(_set(last_paragraph))
    blocks = _blocks(["\n".join(_set(LEAD_3)), "\n".join(_set(LEAD_4A)), "\n".join([column, later]), FOOT])
    return ["\n".join(ln.text for ln in block) for block in move_blocks(blocks)[0]]


def test_a_full_line_under_a_paragraph_s_last_line_short_by_an_indent_is_cut_from_it() -> None:
    """A paragraph's last line 6 units short (as short as an indented first line, 4 to 7) under a full
    line that runs on into it, then a full line inside another article's sentence (the shape of
    train2751 page-005): no first line stands under a line that runs on, so the paragraph ended there."""
    paragraph = "馆方还开设了阅读分享会，每周邀请读者交流读书心得，反响很热烈。"
    assert [len(line) for line in _set(paragraph)] == [10, 12, 9]
    assert "\n".join(_set(paragraph)) in _parted_after_short_last_line(paragraph)


def test_a_last_line_with_digits_measures_no_paragraph_end_by_an_indent() -> None:
    """The same with a digit in the short line: a digit's width is estimated (train2755 page-030's
    full line 过7.7万列、运输货物731万标箱。 measures 4 units short), so the block stays whole."""
    paragraph = "馆方还开设了阅读分享会，每周邀请读者交流读书心得，反响热烈2次。"
    assert "\n".join(_set(paragraph)) not in _parted_after_short_last_line(paragraph)


# Titles at the foot (the shape of train2749 page-002): the flood article opens with a title stack set
# in the column — its first heading wrapped over two lines at column 1's top, the rest of the stack
# and the lead under it — all repeated at the foot.  pdftotext prints the first heading, columns 2
# and 3 (each opening with a paragraph, the article unsigned), then the stack's rest and the lead.
# Read with the columns put before the heading, or with the stack's rest put back under it, no seam
# is broken and the balance tells nothing; read after the library article's byline, column 2 would
# open an article with no title or lead of its own.
FLOOD_STACK = ["防汛救灾工作有序推进各地", "全力保障群众安全"]
FLOOD_STACK_REST = ["抢险队伍连夜转移受灾群众", "多部门协同做好灾后重建"]
FLOOD_LEAD = "央视网消息（新闻联播）：连日来，多地遭遇强降雨，部分地区受灾严重。"
FLOOD_2 = ["灾害发生后，各地立即启动应急响应，组织抢险队伍赶赴一线，转移安置受威胁群众，全力搜救被困人员。",
           "气象部门加密监测预报，及时发布预警信息，提醒群众远离危险区域，做好自我防护。"]
FLOOD_3 = ["水利部门科学调度水库，拦洪削峰，减轻下游防洪压力，确保重要堤防安全。",
           "交通电力通信等部门抓紧抢修受损设施，目前大部分道路已恢复通行，各项工作正在有序进行中。"]
FLOOD_PRINTED = [
    LIBRARY, "\n".join(FLOOD_STACK),
    "\n".join(line for p in FLOOD_2 for line in _set(p)), "\n".join(line for p in FLOOD_3 for line in _set(p)),
    "\n".join([*FLOOD_STACK_REST, *_set(FLOOD_LEAD)]),
    "图书馆延时服务受读者欢迎\n" + "".join(FLOOD_STACK) + " " + " ".join(FLOOD_STACK_REST),
]


def test_a_byline_is_followed_by_the_next_article_s_opening_where_an_order_can_read_one() -> None:
    page_text = _page(FLOOD_PRINTED)
    library, stack, column_2, column_3, rest, foot = _pieces(page_text, FLOOD_PRINTED)
    assert reading_order(page_text) == [library, stack, rest, column_2, column_3, foot]


# A paragraph's first two lines, no mark in them (美国哥伦比亚大学教授 | 杰弗里萨克斯日前在接受媒: an
# indented first line, then a full one inside the sentence), printed last before the foot's titles;
# its sentence goes on at the top of a block printed earlier (the shape of train2755 page-002).
SCHOLAR = _set("美国哥伦比亚大学教授杰弗里萨克斯日前在接受媒体采访时列举了多项事实。")
SCHOLAR_PRINTED = [
    "\n".join(_set(LEAD_3)), "\n".join([*SCHOLAR[2:], *_set(P4)[:-1], _set(P4)[-1] + BYLINE_3]), ARTICLE_4,
    "\n".join(SCHOLAR[:2]), FOOT,
]


def test_a_paragraph_s_opening_printed_before_the_titles_is_no_foot_title() -> None:
    page_text = _page(SCHOLAR_PRINTED)
    _, stop = move_blocks(boxes(page_text, BylineFinder()))
    assert stop == len(SCHOLAR_PRINTED) - 1  # the foot is the titles alone
    lead, rest, harvest, opening, foot = _pieces(page_text, SCHOLAR_PRINTED)
    assert reading_order(page_text) == [lead, opening, rest, harvest, foot]


def test_a_section_printed_last_goes_to_the_article_that_shares_its_words() -> None:
    """FIRST_SECTION_LAST_PRINTED's shape with a section of the second article (乡村书屋…村民读书看报, the
    words of the book-room article; its subhead names none of the blocks' openings): read at the end of
    either article it breaks no seam and no term of the key tells, so the words do (the shape of
    train2751 page-029; the first article that takes it read it into another article)."""
    section = "\n".join(["夜校开课受欢迎", *_set("乡村书屋还开办了夜校，村民读书看报之余还能学技术。")])
    printed = [*FIRST_SECTION_LAST_PRINTED[:5], section, FOOT_K]
    page_text = _page(printed)
    canteen, room, room_2, games, games_2, late, foot = _pieces(page_text, printed)
    assert reading_order(page_text) == [canteen, room, room_2, late, games, games_2, foot]


def test_a_section_printed_last_in_three_blocks_goes_to_the_article_that_shares_its_words() -> None:
    """FIRST_SECTION_LAST_PRINTED's shape with the first article's section printed in three blocks (the
    shape of train2945 page-002): its subhead alone (a bold line cuts pdftotext's block), its text's
    column 2, signed, then its first lines at column 1's foot.  Read at the end of any article but the last it
    breaks no seam and no term of the key tells; the fewest moves read it after the second article,
    the words it shares (饭菜, 居民) put it after the first."""
    text = _set("行动不便的居民可以打电话预约，志愿者会按时上门送达，保温箱让饭菜送到时还是热的。")
    room, games = "\n".join(_set(LEAD_N) + _set(LEAD_N2)), "\n".join([*_set(LEAD_W), *_set(LEAD_W2)[:-1], _set(LEAD_W2)[-1] + BYLINE_4])
    printed = [FIRST_SECTION_LAST_PRINTED[0], room, games, H_K, "\n".join([*text[2:-1], text[-1] + BYLINE_3]),
               "\n".join(text[:2]), FOOT_K]
    page_text = _page(printed)
    canteen, room, games, subhead, column_2, column_1, foot = _pieces(page_text, printed)
    assert reading_order(page_text) == [canteen, subhead, column_1, column_2, room, games, foot]


def test_titles_at_the_foot_shaped_as_a_paragraph_s_opening_stay_at_the_foot() -> None:
    """Foot titles of 20 and 24 units in columns of 24 (an indented first line over a full one, no mark;
    the shape of train207 page-026's 习近平同巴西总统通电话 over titles of 26 and 28): no block printed
    before them opens inside a sentence, so they open no paragraph whose rest is printed elsewhere."""
    foot = "图书馆延时服务受欢迎\n秋收玉米丰收在望农机手忙"
    page_text = _page(["\n".join(_set(LEAD_3)), ARTICLE_4, foot])
    blocks = boxes(page_text, BylineFinder())
    assert order_module._paragraph_opens(blocks[2])
    assert move_blocks(blocks)[1] == 2


def test_an_article_opened_after_a_byline_is_counted_only_under_titles_at_the_foot() -> None:
    """A signed block followed by a paragraph's opening (no lead, heading or title stack) counts one
    article opened without an opening where the titles stand at the foot; over the articles such a block is
    a title not told as one (the shape of train207 page-032), and nothing is counted."""
    signed = "\\n".join([*_set(LEAD_3)[:-1], _set(LEAD_3)[-1] + BYLINE_3])
    printed = [signed, "\\n".join(_set(LEAD_4B)), FOOT]
    blocks = boxes(_page(printed), BylineFinder())
    opens = [order_module._opening(b) for b in blocks]
    assert order_module._closes(blocks[0]) and not opens[1]
    assert order_module._untitled_openings(blocks, 2, opens)((0, 1)) == 1  # the titles at the foot
    assert order_module._untitled_openings(blocks[:2], 2, opens)((0, 1)) == 0  # no foot: titles over the articles


# The page header set close over the columns (the shape of chk2761 page-018): pdftotext prints its
# page number at the top of column 1's first block and its sections at the top of column 2's, whose
# text goes on from a paragraph's first lines printed after it.
SHARE_LINES = _set("馆方还开设了阅读分享会，每周邀请读者交流读书心得，吸引了不少年轻人参加。")
HEADER_GLUED_PRINTED = [
    "15\n" + "\n".join(_set(LEAD_3)), "社会 Society\n" + "\n".join([*SHARE_LINES[2:-1], SHARE_LINES[-1] + BYLINE_3]),
    "\n".join(SHARE_LINES[:2]), ARTICLE_4, FOOT,
]


def test_the_header_s_lines_printed_atop_the_columns_are_cut_from_them_and_read_first() -> None:
    page_text = _page(HEADER_GLUED_PRINTED)
    lead, column_2, share_top, harvest, foot = _pieces(page_text, HEADER_GLUED_PRINTED)
    sections = page_text.index("社会 Society")
    rest = sections + len("社会 Society\n")
    assert reading_order(page_text) == [(0, 3), (sections, rest), (3, sections), share_top, (rest, column_2[1]), harvest, foot]
    page = split_page(page_text)
    assert page.header == {"page": "15", "section": "社会", "section_en": "Society"}
    assert [b.text for b in page.articles[0].blocks][-1] == "".join(SHARE_LINES)


def test_a_seam_broken_only_under_a_garbled_lead_is_read_as_broken() -> None:
    """FOOT_PRINTED with the harvest article's lead garbled (央视网消息渊新闻联 | 播冤院…, the shape of
    chk2775 page-020): its parentheses read as the marks, the subhead printed over the lead wants its
    own text, so the page is read in order, as the clean page is."""
    garbled = ARTICLE_4.replace("（新闻联\n播）：", "渊新闻联\n播冤院", 1)
    assert garbled != ARTICLE_4
    printed = [garbled if block == ARTICLE_4 else block for block in FOOT_PRINTED]
    page_text = _page(printed)
    lead, subhead, harvest, section, foot = _pieces(page_text, printed)
    assert page_order(page_text, default_model()) == [lead, subhead, section, harvest, foot]
    page = split_page(page_text)
    assert [(a.title, a.byline) for a in page.articles] == [("图书馆延时服务受读者欢迎", "王磊"), ("秋收玉米丰收在望", "赵敏")]


def _heading_over_text_of(lines: list[str]) -> bool:
    """order._heading_over_text of a block of *lines* printed between two blocks of text (columns of 12)."""
    blocks = _blocks(["\n".join(_set(LEAD_3)), "\n".join(lines), ARTICLE_4, FOOT])
    return order_module._heading_over_text(blocks[1])


@pytest.mark.parametrize("subhead, under", [
    ("图书馆夜间开放受读者欢迎", ["记者走访了市图书馆的", "夜间阅览室发现《城市书房"]),
    ("读者：夜间阅读让生活更充", ["记者走访了市图书馆的", "夜间阅览室，发现读者比白"]),
])
def test_a_subhead_filling_the_column_over_a_paragraph_s_opening_is_read_so(subhead: str, under: list[str]) -> None:
    """A full line without sentence marks, or with a colon only, over a paragraph's opening (an indented
    line, then a full one) that leaves a bracket open or holds a sentence mark: no paragraph ends
    without a sentence's end, so the full line ended a heading (the shape of train2829 page-004's
    美媒称美国借俄乌冲突赚取利益 over 美国《华尔街日报》网站日 | 前刊发题为《在欧洲的战争如何, and train2843
    page-035's 国际人士：…)."""
    assert len(subhead) == 12 and [len(line) for line in under] == [10, 12]
    assert _heading_over_text_of([subhead, *under])


def test_a_full_line_over_a_line_a_closing_mark_made_short_is_no_subhead() -> None:
    """The line under the full one is as short as an indented line only because what opens the next
    (店）、, 6 units) did not fit its 4 units of room: a paragraph's line, so the full line is text (the
    shape of train2835 page-016's 党最高领导人达成的重要共 | 识，秉持“十六字”方针 | 和“四好”精神…)."""
    assert not _heading_over_text_of(["各地书店推出多种阅读活动", "不少读者走进（社区书", "店）、图书馆，参加读书会"])


def test_titles_at_the_foot_over_one_set_across_the_page_are_no_subhead_over_text() -> None:
    """A title 4 units short of the column, one under it as short as an indented line, then a title wider
    than the column (the shape of train2855 page-004's foot): no paragraph's line is wider than its
    column, so the lines are no subhead over a paragraph's opening, and the block is the foot's titles."""
    lines = ["图书馆延时服务受欢迎", "秋收玉米丰收在望农机", "工厂订单排到明年年底企业信心足工厂订单"]
    blocks = _blocks(["\n".join(_set(LEAD_3)), ARTICLE_4, "\n".join(lines)])
    assert order_module.is_wide(blocks[2][2])
    assert not order_module._heading_over_text(blocks[2])
    assert order_module._foot_title(blocks[2])


@pytest.mark.parametrize("byline", ["（记者 王磊 李明）", "（王磊 李明）"])
def test_a_byline_alone_on_its_line_cuts_the_paragraph_opening_under_it(byline: str) -> None:
    """A byline alone on its line, reporters' names in it, over another article's indented paragraph
    opening in the same block (the shape of train2835 page-017 and train2837 page-003): no byline ends
    its article inside its column's text, so the block is cut there."""
    signed = "\n".join([*_set(P4), byline])
    later = "\n".join(_set(LEAD_4B))
    page_text = _page(["\n".join(_set(LEAD_3)), "\n".join(_set(LEAD_4A)), "\n".join([signed, later]), FOOT])
    moved, _ = move_blocks(boxes(page_text, BylineFinder()))
    assert ["\n".join(ln.text for ln in block) for block in moved[2:4]] == [signed, later]


def test_a_full_line_without_marks_under_a_paragraph_s_last_line_is_a_subhead_at_the_column_s_foot() -> None:
    """A full line without sentence marks under a paragraph's last line (收在望。, 8 units), at the block's
    end, the block printed after it going on inside a sentence (the shape of train2829 page-033): no
    paragraph opens unindented, so the line is a subhead whose text is printed elsewhere, not the
    column's last line of text run on into the next block."""
    ended = "\n".join([*_set(LEAD_4B), "夜间阅读受到读者普遍欢迎"])
    goes_on = "\n".join(["书馆夜间开放后，借阅量明", "显增加。" + BYLINE_3])
    blocks = _blocks(["\n".join(_set(LEAD_3)), ended, goes_on, FOOT])
    assert order_module._tail_subhead(blocks[1]) == 1 and order_module._goes_on(blocks[2])
    assert not order_module._tail_runs_on(blocks, 1)


def test_a_heading_is_put_back_with_its_rest_only_where_no_term_reads_worse() -> None:
    """The heading (3) read with its rest (2) away from the block printed over the rest (1): put back
    there, it would read better by the balance but worse by a later term (the untitled openings), so it
    stays (train2831 page-018: put back by the seams alone, a column's first block was read after the
    heading's text)."""
    printed, found = (0, 1, 2, 3, 4), (0, 3, 2, 4, 1)
    put_back = (0, 1, 3, 2, 4)
    terms = {found: (0, 1, 0), put_back: (0, 0, 1)}
    rests = [False, False, True, False, False]
    assert order_module._headings_in_place(found, printed, rests, terms.__getitem__) == found
    terms[put_back] = (0, 0, 0)
    assert order_module._headings_in_place(found, printed, rests, terms.__getitem__) == put_back


@pytest.mark.parametrize("text, closes, leaves", [
    ("之友小组”成员国共同践行", True, False), ("前刊发题为《在欧洲的战争如何", False, True),
    ("“北溪”管道（北溪-1）", False, False), ("利好美国经济》的文章“新", True, True),
])
def test_quotes_and_brackets_closed_unopened_or_left_open(text: str, closes: bool, leaves: bool) -> None:
    assert (closes_unopened(text), leaves_open(text)) == (closes, leaves)


def test_a_line_that_closes_a_quote_it_did_not_open_is_no_subhead_under_a_paragraph_s_end() -> None:
    """Under a paragraph's last line, a full line with no sentence mark that closes a quote opened on an
    earlier line (之友小组”成员国…, the shape of train2833 page-040): no heading opens inside a quote, so
    the line is another column's text pdftotext took into the block, and the block is cut there."""
    ended = _set("国际人士指出，美国裹挟欧洲施加制裁，只为维持地位。")
    later = ["读书小组”成员共同发起阅", "读倡议，号召市民多读书。" + BYLINE_4]
    assert len(ended[-1]) < 8 and len(later[0]) == 12
    page_text = _page(["\n".join(_set(LEAD_3)), "\n".join(_set(LEAD_4A)), "\n".join([*ended, *later]), FOOT])
    moved, _ = move_blocks(boxes(page_text, BylineFinder()))
    assert ["\n".join(ln.text for ln in block) for block in moved[2:4]] == ["\n".join(ended), "\n".join(later)]


def test_an_article_opened_without_an_opening_after_a_byline_weighs_more_than_the_tops_balance(monkeypatch) -> None:
    """FLOOD_PRINTED, its right order made off balance at the columns' tops: the article opened after
    the library's byline with no opening of its own (column 2 read there) is counted before the tops'
    balance, so the order that reads the stack's rest after the byline is still taken (the shape of
    train2829 page-008: the tops' balance preferred a late section read after a byline)."""
    page_text = _page(FLOOD_PRINTED)
    library, stack, column_2, column_3, rest, foot = _pieces(page_text, FLOOD_PRINTED)
    balance = order_module._balance

    def tops_against_the_rest_read_early(blocks, articles=None):
        unbalanced, _ = balance(blocks, articles)
        return unbalanced, lambda seq: int(list(seq).index(4) < list(seq).index(2))

    monkeypatch.setattr(order_module, "_balance", tops_against_the_rest_read_early)
    assert reading_order(page_text) == [library, stack, rest, column_2, column_3, foot]


# Titles at the foot (the shape of train2895 page-020): article A's subhead, set in its column, is printed
# by pdftotext (a bold line cuts its block) after the next article, right over article C's byline line,
# which opens C's text.  The foot holds the titles, so the subhead is no title over that byline: it goes
# back over its own section, whose text opens with its words.
H_TRADE = "外贸企业订单增长"
TRADE_LEAD = ["央视网消息（新闻联播）：今年以来，各地外贸企业积极开拓市场，进出口保持平稳增长。",
              "海关数据显示，一季度货物贸易进出口总值同比增长五个百分点。"]
TRADE_TEXT = ["外贸企业订单增长明显，沿海港口集装箱吞吐量创出新高。",
              "企业负责人表示，对后期形势普遍看好。（记者 王磊）"]
LIBRARY_TEXT = ["央视网消息（新闻联播）：近日，多地公共图书馆延长夜间开放时间，吸引不少年轻读者前来阅读。",
                "馆方还开设了夜间阅读分享会，每周邀请读者交流读书心得。（记者 李明）"]
HARVEST_TEXT = ["央视网消息（新闻联播）：秋收时节，各地玉米陆续成熟，农机手抢抓晴好天气开展机收作业。",
                "农业农村部门组织技术人员深入田间，指导农户做好晾晒和储存。"]


def _set_all(paragraphs: list[str]) -> str:
    return "\n".join(ln for p in paragraphs for ln in _set(p))


SUBHEAD_OVER_BYLINE_PRINTED = [
    _set_all(TRADE_LEAD), _set_all(TRADE_TEXT), _set_all(LIBRARY_TEXT[:1]), _set_all(LIBRARY_TEXT[1:]), H_TRADE,
    "本报记者 赵敏", _set_all(HARVEST_TEXT), FOOT_3,
]


def test_a_subhead_printed_over_the_next_article_s_byline_line_goes_back_alone_when_the_titles_stand_at_the_foot(monkeypatch) -> None:
    # One move: the subhead alone put back (train2895 page-020's search, with more blocks, reached no
    # order by two moves that would have done it, and read another article's text under it).
    monkeypatch.setattr(order_module, "MAX_MOVES", 1)
    page_text = _page(SUBHEAD_OVER_BYLINE_PRINTED)
    piece = _pieces(page_text, SUBHEAD_OVER_BYLINE_PRINTED)
    assert reading_order(page_text) == [piece[k] for k in (0, 4, 1, 2, 3, 5, 6, 7)]
    page = split_page(page_text)
    assert [a.byline for a in page.articles] == ["王磊", "李明", "赵敏"]
    assert [(b.kind, b.text) for b in page.articles[0].blocks] == [
        *[("paragraph", p) for p in TRADE_LEAD], ("heading", H_TRADE), ("paragraph", TRADE_TEXT[0]),
        ("paragraph", TRADE_TEXT[1][:-7]),
    ]


# Titles at the foot (the shape of train2907 page-013): article B's byline line, its lead, then its subhead wrapped at the
# column's width, both lines as wide as the column (the first with a phrase space), closing column 1's
# block; the paragraph under the subhead opens at column 1's foot, which pdftotext printed last, after
# column 2's top where that paragraph goes on.  No paragraph opens unindented under a paragraph's last
# line, so the two lines are a subhead that wants its text: the opening goes back under it.
H_WRAPPED = ["以军拦截发射物失败 胡塞", "称联合袭击以色列多处目标"]
LEAD_STRIKE = "央视网消息（新闻联播）：据当地医务人员称，以军今天空袭北部多地，造成一家十人死亡。"
UNDER_WRAPPED = _set("以色列国防军今天称，中部地区凌晨拉响警报，以军发现一枚来自南方的发射物并尝试拦截，但没有成功。")
WRAPPED_SUBHEAD_PRINTED = [
    _set_all(LIBRARY_TEXT), "本报通讯员 王磊", "\n".join([*_set(LEAD_STRIKE), *H_WRAPPED]), "\n".join(UNDER_WRAPPED[2:]),
    "\n".join(UNDER_WRAPPED[:2]), FOOT_3,
]


def test_a_subhead_wrapped_at_the_column_s_width_at_its_foot_gets_its_text_printed_last() -> None:
    assert all(len(ln) == 12 for ln in H_WRAPPED[1:] + UNDER_WRAPPED[1:2])  # as wide as the column
    page_text = _page(WRAPPED_SUBHEAD_PRINTED)
    piece = _pieces(page_text, WRAPPED_SUBHEAD_PRINTED)
    assert reading_order(page_text) == [piece[k] for k in (0, 1, 2, 4, 3, 5)]
    page = split_page(page_text)
    assert [(b.kind, b.text) for b in page.articles[1].blocks] == [
        ("paragraph", LEAD_STRIKE), ("heading", "".join(H_WRAPPED)), ("paragraph", "".join(UNDER_WRAPPED))
    ]


# Titles at the foot (the shape of train2941 page-032): pdftotext took the foot of article A's first
# column (its lead, then a paragraph broken at 黎巴|嫩) and the top of article B's last column set under
# it (业加快…, B's sentence broken at 企|业) for one block.  Every seam of the order the moves find
# (B's middle column put before A's rest) goes from a sentence left unfinished into one that opens
# inside: none looks broken.  The language model's joins do: 黎巴嫩 and 企业, not 黎巴业 and 企嫩.
A_LEAD = "央视网消息（新闻联播）：黎巴嫩南部局势持续紧张，当地居民生活受到严重影响。"
A_RAID = _set("据当地媒体报道，以军今天凌晨再次出动空袭黎巴嫩南部多个村镇，造成多人伤亡。")
A_LAST = "大批居民被迫离开家园，向北部城市转移。"
B_LEAD = _set("央视网消息（新闻联播）：今年以来，本地科技产业保持良好发展势头，多项指标稳中有升，创新活力不断增强。")
B_FIRMS = _set("今年，一批专注于科技研发的本地中小型科技型企业加快转型升级，发展速度越来越快。")
B_LAST = "新增订单比去年同期明显增多。"
A_REST = "\n".join([*A_RAID[2:], *_set(A_LAST)[:-1], _set(A_LAST)[-1] + "（记者 王磊）"])
B_REST = "\n".join([*B_FIRMS[2:], *_set(B_LAST)[:-1], _set(B_LAST)[-1] + "（记者 张伟）"])
B_MIDDLE = "\n".join(B_LEAD[3:] + B_FIRMS[:2])
SWAP_PRINTED = [
    "6", "国际 World", "\n".join([*_set(A_LEAD), *A_RAID[:2], B_REST]), "\n".join(B_LEAD[:3]), A_REST, B_MIDDLE,
    "黎巴嫩南部再遭空袭\n中小企业加快转型升级",
]


def test_a_block_holding_two_columns_pieces_is_cut_where_the_joins_read_better_swapped() -> None:
    assert A_RAID[1].endswith("黎巴") and B_FIRMS[1].endswith("企")  # each broken at the column's width
    page_text = _page(SWAP_PRINTED)
    piece = _pieces(page_text, SWAP_PRINTED)
    cut = page_text.index(B_REST)
    glued = piece[2]
    assert reading_order(page_text) == [
        *piece[:2], (glued[0], cut), piece[4], piece[3], piece[5], (cut, glued[1]), piece[6]
    ]
    page = split_page(page_text)
    assert [(a.title, a.byline) for a in page.articles] == [("黎巴嫩南部再遭空袭", "王磊"), ("中小企业加快转型升级", "张伟")]
    assert [b.text for b in page.articles[0].blocks] == [A_LEAD, "".join(A_RAID), A_LAST]
    assert apply_changes(page_text, page.changes) == page.text


def test_no_block_is_cut_for_a_swap_that_gains_less_than_the_bound(monkeypatch) -> None:
    page_text = _page(SWAP_PRINTED)
    gains = [gain for gain, *_ in order_module._swap_candidates(*_moved(page_text))]
    monkeypatch.setattr(order_module, "SWAP_GAIN", max(gains) + 0.01)
    piece = _pieces(page_text, SWAP_PRINTED)
    assert reading_order(page_text) == [*piece[:3], piece[3], piece[5], piece[4], piece[6]]


def _moved(page_text: str):
    """(blocks, stop, order) as the move search leaves them on *page_text*."""
    blocks, stop = move_blocks(boxes(page_text, BylineFinder()))
    return blocks, stop, move_order(blocks, stop)


# Titles at the foot (the shape of train2943 page-016), columns of 16: article A's last section (a subhead, a paragraph
# and A's byline) printed after article B's second column, B's third column after it.  B's lead credits its writer
# after the dateline.  Both readings that put the section back break no seam: after A's column (the gold) or, by the
# shortest move, at B's end, which signs B twice.
def _set_16(paragraph: str) -> list[str]:
    return _set(paragraph, 16)


GAZA = _set_16("央视网消息（新闻联播）：以色列国防军今天称，以军继续在加沙地带中部开展军事行动，造成多人伤亡。")
GAZA += _set_16("据当地媒体报道，救援人员在以军撤离后的街区发现多具遗体，另有数十人被困在废墟下。")
PIER = "\n".join(["美称重建临时码头尝试失败", *_set_16("美国国防部今天称，美军试图将临时码头重新锚定在海滩，然而由于天气原因没有成功。")])
TREES_LEAD = "新华社沈阳3月12日电（记者 孙悦）今天是植树节，各地认真践行生态文明思想，为建设美丽中国增绿添彩。"
TREES_DESERT = _set_16("位于沙漠南缘的新疆策勒，当地群众正在种植红枣、梭梭等乔木灌木，今年将完成防沙治沙五十万亩。")
TREES_FIRST = "\n".join([*_set_16(TREES_LEAD), *_set_16("草木蔓发，春山可望，广袤大地迎来植树造林好时节，各地群众纷纷走上山头栽下新苗。"), *TREES_DESERT[:2]])
TREES_LAST = "\n".join(TREES_DESERT[2:] + _set_16("地处长江中下游的湖南临武，工作人员正在补植楠木、红豆杉，精准提升森林质量。"))
SIGNED_PRINTED = [
    "8", "科技 Technology", "\n".join(GAZA), TREES_FIRST, PIER + "（本报记者 欧阳婧）", TREES_LAST, "加沙多地冲突持续\n植树增绿共建美丽中国",
]


def test_a_section_ending_in_its_byline_goes_back_to_the_article_whose_lead_names_no_writer() -> None:
    page_text = _page(SIGNED_PRINTED)
    piece = _pieces(page_text, SIGNED_PRINTED)
    assert reading_order(page_text) == [piece[k] for k in (0, 1, 2, 4, 3, 5, 6)]
    page = split_page(page_text)
    assert [(a.title, a.byline) for a in page.articles] == [("加沙多地冲突持续", "欧阳婧"), ("植树增绿共建美丽中国", "孙悦")]
    assert [b.kind for b in page.articles[0].blocks] == ["paragraph", "paragraph", "heading", "paragraph"]


def test_an_article_under_a_byline_line_is_signed_once_too() -> None:
    # The same page with B's writer named on a line of its own over its lead (本报记者 孙悦, a block of its
    # own as pdftotext prints it; check2953 page-002), its dateline uncredited: A's section goes back to A.
    lead = "新华社沈阳3月12日电今天是植树节，各地认真践行生态文明思想，为建设美丽中国增绿添彩。"
    first = "\n".join([*_set_16(lead), *TREES_FIRST.split("\n")[len(_set_16(TREES_LEAD)):]])
    printed = [*SIGNED_PRINTED[:3], "本报记者 孙悦", first, *SIGNED_PRINTED[4:]]
    page_text = _page(printed)
    piece = _pieces(page_text, printed)
    assert reading_order(page_text) == [piece[k] for k in (0, 1, 2, 5, 3, 4, 6, 7)]
    page = split_page(page_text)
    assert [(a.title, a.byline) for a in page.articles] == [("加沙多地冲突持续", "欧阳婧"), ("植树增绿共建美丽中国", "孙悦")]


# A report quoted inside a sentence whose source's name wraps (train2947 page-011): ``…据美国海`` over
# ``军学会新闻网消息，…``, a line that alone reads as a news lead.  The block is one column's text.
QUOTED = "美国国防部今天称，已命令航母打击群加快向中东地区机动并集结。据美国海军学会新闻网消息，航母本月离开关岛。"
SOURCE_NEWS = "央视网消息（新闻联播）：全国冬季运动会今天开幕，来自各地的运动员将同场竞技。"


def test_a_news_source_quoted_across_a_line_break_opens_no_lead() -> None:
    lines = _set(QUOTED)
    at = next(k for k, ln in enumerate(lines) if ln.startswith("军学会新闻网消息"))
    assert lines[at - 1].endswith("据美国海")  # the name wraps after 据
    quoted = "\n".join(lines)
    assert len(boxes(_page([quoted]), BylineFinder())) == len(move_blocks(boxes(_page([quoted]), BylineFinder()))[0]) == 1
    lead_under = "\n".join([*lines[:at - 1], *_set(SOURCE_NEWS)])  # a lead under a full line without 据 is cut
    assert len(move_blocks(boxes(_page([lead_under]), BylineFinder()))[0]) == 2


def test_a_block_ended_by_a_subhead_ends_no_column() -> None:
    """pdftotext ends a block at a bold subhead set amid a column (fresh2973 page-008: ``…集中区。`` over
    ``匈牙利总理称乌克兰加入欧盟时机未到``), the subhead's text the next block, in the same column: the
    block ends at no column's foot, so the article is counted in the columns the page set (read with a
    foot there, its three columns counted four, more than MAX_STRIPS, and the right order lost to one
    that breaks a sentence)."""
    from textfix.order import _column_heights, _column_lines_feet

    subhead = "电商直播打开销路新渠道"
    column_2 = "\n".join([*_set(LEAD_3), subhead])
    assert len(subhead) == 11 and _set(LEAD_3)[-1].endswith("。")  # as wide as the column but an indent, under a sentence's end
    page_text = _page(["\n".join(_set(P2)), column_2, "\n".join(_set(P3)), FOOT])
    blocks = boxes(page_text, BylineFinder())
    lines, feet = _column_lines_feet(blocks)
    assert feet[1] is False
    heights, _ = _column_heights(blocks, lines, feet, [0, 1, 2], 0, 2)
    assert heights == [lines[0] + lines[1] + lines[2]]


def test_two_foot_titles_shaped_as_a_paragraph_s_opening_stay_the_foot() -> None:
    """The page's last block is its titles at the foot, though two of them may be shaped as a paragraph's
    opening cut off at a column's width (the first short by an indent, the second full: check2913
    page-022, 新年再加力 外资看好中国新机遇 over 中国致公党十六届二中全会在京召开), with a block printed
    before it that opens inside a sentence: read as text, the titles were lost to the articles."""
    lead = "\n".join(_set("央视网消息（新闻联播）：今年以来各地抓紧春耕生产，全国已播种粮食面积超过三亿亩。"))
    rest = "\n".join(_set("其中早稻栽插已基本完成，各地农机手抢抓农时作业，确保应种尽种。", indent=0))
    lead_2 = "\n".join(_set("新华社北京4月3日电住房城乡建设部介绍，今年计划开工改造城镇老旧小区四万个，并在有条件的楼栋同步推进")[:-1])
    titles = "春耕生产 有序推进\n老旧小区改造提速惠及居民"
    blocks, stop = move_blocks(boxes(_page([lead, rest, lead_2, titles]), BylineFinder()))
    assert (len(blocks), stop) == (4, 3)


# One article in three columns, a short subhead ending each of the first two's first piece (the shape of
# the thirty-fifth session's page: a subhead of 6 characters in a column of 12, short of it by more than
# an indent).  Column 1: the title, the lead, subhead S1, P1 and P2's first lines (broken inside a
# sentence at the column's foot); column 2: the rest of P2, subhead S2, P3's first lines (broken again);
# column 3: P3's rest and the byline.  pdftotext cuts at each bold subhead and orders the pieces by
# height: column 1's top, column 2's top, column 1's text under S1, column 2's text under S2, S2, column
# 3.  A second article follows.
SHORTHEAD_S1, SHORTHEAD_S2 = "电商打开销路", "冷链保障新鲜"
SHORTHEAD_LEAD = "央视网消息（新闻联播）：入秋以来，南方山区的柑橘陆续成熟，果农忙着采摘装箱运往全国。"
SHORTHEAD_P1 = "果农们借助电商直播把果子卖到各地。"
SHORTHEAD_P2 = _set("当地还组织技术人员上门指导，帮助果农改进包装和储运方式，让更多果子走出大山卖上好价钱，也让村里的年轻人愿意回乡创业。")
SHORTHEAD_P3 = _set("新建的冷链仓库让柑橘保鲜期延长到两个月以上，运输损耗明显下降，果农收入也随之增加了不少。县里还打通了从果园到"
                "高速路口的冷链通道，来年还将再建一座仓库供周边村镇使用，让山里的好果子四季都能新鲜上市。")
SHORTHEAD_TOP = "\n".join([TITLE_1, *_set(SHORTHEAD_LEAD), SHORTHEAD_S1])
SHORTHEAD_UNDER_S1 = "\n".join([*_set(SHORTHEAD_P1), *SHORTHEAD_P2[:3]])
SHORTHEAD_COLUMN_2 = "\n".join(SHORTHEAD_P2[3:])
SHORTHEAD_UNDER_S2 = "\n".join(SHORTHEAD_P3[:6])
SHORTHEAD_COLUMN_3 = "\n".join([*SHORTHEAD_P3[6:-1], SHORTHEAD_P3[-1] + BYLINE_1])
SHORTHEAD_PRINTED = [SHORTHEAD_TOP, SHORTHEAD_COLUMN_2, SHORTHEAD_UNDER_S1, SHORTHEAD_UNDER_S2, SHORTHEAD_S2, SHORTHEAD_COLUMN_3, ARTICLE_2]
SHORTHEAD_READ = [SHORTHEAD_TOP, SHORTHEAD_UNDER_S1, SHORTHEAD_COLUMN_2, SHORTHEAD_S2, SHORTHEAD_UNDER_S2, SHORTHEAD_COLUMN_3, ARTICLE_2]


def test_a_short_line_under_a_sentence_s_end_ends_a_block_as_a_subhead() -> None:
    """A bare line short of the column by more than an indent, under a line that ends a sentence, opens no
    paragraph (whose first line runs to the column but for an indent): a subhead, whose text the next
    block holds.  A byline line under a title (本报记者 张伟) is shaped so too, and is none."""
    assert SHORTHEAD_P2[2][-1] == "走" and len(SHORTHEAD_P3[5]) == 12  # both broken inside a sentence at the column's foot
    blocks = _blocks(SHORTHEAD_PRINTED)
    assert blocks[0][-1].text == SHORTHEAD_S1 and blocks[0][-1].width < blocks[0][-1].column - INDENT_MAX
    assert order_module._tail_subhead(blocks[0]) == 1
    signed = _blocks(["\n".join([*_set(SHORTHEAD_LEAD), "本报记者 张伟"])])[0]
    assert signed[-1].width < signed[-1].column - INDENT_MAX and order_module._tail_subhead(signed) == 0


def test_the_text_under_a_short_subhead_printed_after_the_next_column_s_top_is_read_back() -> None:
    """Read after S1's block, the column's text under it is no column's top: the article keeps its three
    columns (counted four, it was refused as crowded, and an order that breaks sentences was taken)."""
    page_text = _page(SHORTHEAD_PRINTED)
    blocks, stop = move_blocks(blocks_of(cut_lines(page_text, bylines=BylineFinder()), page_text))
    assert (len(blocks), stop) == (len(SHORTHEAD_PRINTED), len(SHORTHEAD_PRINTED))
    assert move_order(blocks, stop) == [SHORTHEAD_PRINTED.index(b) for b in SHORTHEAD_READ]
    page = split_page(page_text)
    assert [a.byline for a in page.articles] == ["张伟", "李明"]
    assert [b.kind for b in page.articles[0].blocks] == ["paragraph", "heading", "paragraph", "paragraph", "heading", "paragraph"]


# An article's title over the columns with its byline line under it, then the same title set again in
# the column (wrapped at the column's width, so its first line opens as text run on would) with a deck,
# over the lead (the shape of fresh n3021 page-022).  The block after the byline line is the article's
# own title stack: no heading left without its text, so pdftotext's order stands.
RESTATED_TITLE = "城市绿道串起市民美好生活新图景"
RESTATED_PRINTED = [
    "\n".join([TITLE_1, "本报记者 张伟"]), "\n".join([*_set(LEAD_1A), *_set(P2)]),
    "\n".join([RESTATED_TITLE, "本报记者 李明"]),
    "\n".join([RESTATED_TITLE[:12], RESTATED_TITLE[12:], "多地加快建设城市绿道", *_set(LEAD_2A)]),
    "\n".join(_set(LEAD_2B)),
]


def test_a_title_set_again_in_the_column_under_its_byline_line_is_its_article_s_opening() -> None:
    page_text = _page(RESTATED_PRINTED)
    blocks, stop = move_blocks(blocks_of(cut_lines(page_text, bylines=BylineFinder()), page_text))
    assert len(RESTATED_TITLE) > 12 and (len(blocks), stop) == (5, 5)
    broken, _ = order_module._move_costs(blocks, stop)
    assert broken(2, 3) == 0
    assert move_order(blocks, stop) is None
    page = split_page(page_text)
    assert [(a.title, a.byline) for a in page.articles] == [(TITLE_1, "张伟"), (RESTATED_TITLE, "李明")]
