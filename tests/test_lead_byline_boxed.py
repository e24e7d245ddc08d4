"""A byline line under a title (本报记者 …) that pdfminer boxed amid the text (issue 14, fourteenth session).

The items are made by hand, in the order pdfminer prints the boxes; the expected articles are the ones the
page was printed with (invented text).
"""

from __future__ import annotations

from itertools import accumulate

from textfix.layout import BLOCK_START, Item
from textfix.lines import Line
from textfix.order import reading_order
from textfix.split import _assemble, _lead_bylines_after_closing, split_page

from _setting import set_lines

LEAD_1 = "央视网消息（新闻联播）：春耕备耕工作有序推进，各地农民抢抓农时。"
LEAD_2 = "央视网消息（新闻联播）：城市更新行动稳步推进，老旧小区焕发新貌。"
MIDDLE = "农技人员深入田间地头开展技术指导，帮助农户解决生产难题。"
REST = "确保春耕生产顺利进行，为全年粮食丰收打下坚实基础。"
MORE = "社区居民纷纷点赞，生活环境明显改善。"


def _items(*parts: tuple[str, str, str]) -> list[Item]:
    """Items of (kind, text, byline name) one after another, offsets running on."""
    ends = list(accumulate(len(text) for _, text, _ in parts))
    return [Item(kind, text, end - len(text), end, name=name) for (kind, text, name), end in zip(parts, ends)]


def _read(items: list[Item]) -> list[tuple[str, str, list[str]]]:
    return [(a.title, a.byline, [b.text[:4] for b in a.blocks]) for a in _assemble(items, lambda offset: offset)[1]]


def test_a_byline_line_boxed_inside_its_own_articles_text_signs_that_article() -> None:
    # Titles over their articles: 本报通讯员 张伟 printed under the first title is boxed after the
    # article's second paragraph; the paragraph after it goes on the first article (no lead).
    items = _items(
        ("title", "春耕备耕有序推进", ""), ("paragraph", LEAD_1, ""), ("paragraph", MIDDLE, ""),
        ("lead_byline", "本报通讯员 张伟", "张伟"), ("paragraph", REST, ""),
        ("title", "城市更新见实效", ""), ("paragraph", LEAD_2, ""), ("paragraph", MORE, ""),
    )
    assert _read(items) == [
        ("春耕备耕有序推进", "张伟", ["央视网消", "农技人员", "确保春耕"]),
        ("城市更新见实效", "", ["央视网消", "社区居民"]),
    ]


def test_a_byline_line_boxed_inside_its_own_led_articles_text_signs_it_where_the_titles_are_at_the_foot() -> None:
    # Titles at the foot (the shape of fresh3053 page-007): 本报记者 张伟, set over the first article's
    # columns, is boxed after its second paragraph; the article opened with its news lead and is not
    # signed, and the paragraph after the line opens nothing: the line signs the first article, which
    # goes on.  The second article opens at its own lead.
    items = _items(
        ("paragraph", LEAD_1, ""), ("paragraph", MIDDLE, ""),
        ("lead_byline", "本报记者 张伟", "张伟"), ("paragraph", REST, ""),
        ("paragraph", LEAD_2, ""), ("paragraph", MORE, ""),
    )
    at = items[-1].end
    items += [Item("foot_title", title, start, start + len(title), [Line(title, start, start + len(title), 2 * len(title))], BLOCK_START)
              for title, start in (("春耕备耕有序推进", at + 1), ("城市更新见实效", at + 10))]
    assert _read(items) == [
        ("春耕备耕有序推进", "张伟", ["央视网消", "农技人员", "确保春耕"]), ("城市更新见实效", "", ["央视网消", "社区居民"])]


def test_a_byline_line_before_a_news_lead_still_opens_the_next_article() -> None:
    # The next article's title was lost: its byline line comes before its lead, which opens it.
    items = _items(
        ("title", "春耕备耕有序推进", ""), ("paragraph", LEAD_1, ""), ("paragraph", MIDDLE, ""),
        ("lead_byline", "本报记者 李娜", "李娜"), ("paragraph", LEAD_2, ""), ("paragraph", MORE, ""),
    )
    assert [(title, byline) for title, byline, _ in _read(items)] == [("春耕备耕有序推进", ""), ("", "李娜")]


def test_a_byline_line_boxed_before_the_end_byline_of_the_article_above_goes_after_it() -> None:
    # Titles at the foot: 本报记者 李娜 opens the second article but is boxed before the first one's
    # end byline （王磊）; the second article starts with the news lead after it.
    first = [("paragraph", LEAD_1, ""), ("paragraph", MIDDLE, "")]
    second = [("paragraph", LEAD_2, ""), ("paragraph", MORE, "")]
    byline, end = ("lead_byline", "本报记者 李娜", "李娜"), ("byline", "（王磊）", "王磊")
    moved = _lead_bylines_after_closing(_items(*first, byline, ("paragraph", REST, ""), end, *second))
    assert [item.text for item in moved] == [LEAD_1, MIDDLE, REST, "（王磊）", "本报记者 李娜", LEAD_2, MORE]
    assert _read(moved) == [
        ("", "王磊", ["央视网消", "农技人员", "确保春耕"]),
        ("", "李娜", ["央视网消", "社区居民"]),
    ]


def test_a_byline_line_before_a_lead_stays_where_it_is() -> None:
    # 本报记者 李娜 before its own lead, or with a lead before the end byline: nothing moves.
    first = [("paragraph", LEAD_1, ""), ("paragraph", MIDDLE, "")]
    byline, end = ("lead_byline", "本报记者 李娜", "李娜"), ("byline", "（王磊）", "王磊")
    for items in (_items(*first, end, byline, ("paragraph", LEAD_2, "")),
                  _items(*first, byline, ("paragraph", LEAD_2, ""), end, ("paragraph", MORE, ""))):
        assert _lead_bylines_after_closing(items) == items


# Column of 12 characters (paragraphs' first lines 10), titles over their articles: the first
# article's 本报记者 黄蕾 line, printed under its title, is read between two lines of its second
# paragraph, which ends no sentence there (…各项工作稳步推 | 本报记者 黄蕾 | 进，丰收在望。).
BOXED_PAGE = """春耕备耕有序推进
眼下正值春耕备耕关键
时期，各地农民抢抓农时，
田间地头一派繁忙景象，到
处都是忙碌的身影。
农技人员深入田间地头
开展技术指导，帮助农户解
决生产难题，确保春耕生产
顺利进行。今年以来，当地
大力推广良种良法，农机作
业面积持续扩大，田间管理
有序推进，各项工作稳步推
本报记者 黄蕾
进，丰收在望。
工厂订单排到明年年底
在江苏常州的一家工厂
里，工人们正在组装新型机
器人，订单已经排到了明年
年底。（李娜）
"""


def test_a_byline_line_read_inside_a_paragraph_signs_its_article_and_leaves_the_paragraph_whole() -> None:
    page = split_page(BOXED_PAGE)
    assert [(a.title, a.byline) for a in page.articles] == [("春耕备耕有序推进", "黄蕾"), ("工厂订单排到明年年底", "李娜")]
    first = page.articles[0]
    assert first.byline_text == "本报记者 黄蕾"
    assert [b.text for b in first.blocks] == [
        "眼下正值春耕备耕关键时期，各地农民抢抓农时，田间地头一派繁忙景象，到处都是忙碌的身影。",
        "农技人员深入田间地头开展技术指导，帮助农户解决生产难题，确保春耕生产顺利进行。今年以来，当地大力推广良种良法，农机作业面积持续扩大，田间管理有序推进，各项工作稳步推进，丰收在望。",
    ]


# pdfminer's boxes (blank lines between them), one column of 12 characters, titles over their articles
# and set wider, as a title's larger type is (the shape of fresh n3015 page-040): the first article's
# byline line, set under its title, is boxed between two pieces of its second paragraph, which it cuts
# inside a sentence (…上门指导，帮 | 本报记者 张伟 | 助果农…).
CUT_TITLE_1, CUT_TITLE_2 = "奋力推动山区果业提质增效", "城市绿道串起市民美好生活新图景"
CUT_LEAD_1 = "央视网消息（新闻联播）：入秋以来，南方山区的柑橘陆续成熟，果农忙着采摘装箱运往全国。"
CUT_P2 = "果农们借助电商直播把果子卖到全国各地，当地还组织技术人员上门指导，帮助果农改进包装和储运方式。"
CUT_P3 = "新建的冷链仓库让柑橘保鲜期延长到两个月以上，运输损耗明显下降。"
CUT_LEAD_2 = "央视网消息（新闻联播）：今年以来，多地加快建设城市绿道，市民出行更加便利。"
CUT_P_2 = "绿道沿线还配建了休息驿站和健身设施，不少社区居民在这里锻炼身体。"


def _cut_page(p3_end: str = "") -> tuple[str, list[str]]:
    """The page text and its boxes, *p3_end* after the first article's last paragraph."""
    p2 = set_lines(CUT_P2)
    boxes = ["3 要闻 News", CUT_TITLE_1, "\n".join(set_lines(CUT_LEAD_1)), "\n".join(p2[:3]), "本报记者 张伟",
             "\n".join(p2[3:]), "\n".join(set_lines(CUT_P3 + p3_end)), CUT_TITLE_2, "\n".join(set_lines(CUT_LEAD_2)),
             "\n".join(set_lines(CUT_P_2))]
    return "\n\n".join(boxes) + "\n", boxes


def test_a_byline_line_boxed_inside_a_sentence_further_down_is_read_over_its_lead() -> None:
    text, boxes = _cut_page()
    assert set_lines(CUT_P2)[2].endswith("帮")  # the box before the byline stops inside a sentence
    at = [text.index(b) for b in boxes]
    assert [at.index(lo) for lo, _ in reading_order(text)] == [0, 1, 4, 2, 3, 5, 6, 7, 8, 9]
    page = split_page(text)
    assert [(a.title, a.byline) for a in page.articles] == [(CUT_TITLE_1, "张伟"), (CUT_TITLE_2, "")]
    assert [b.text for b in page.articles[0].blocks] == [CUT_LEAD_1, CUT_P2, CUT_P3]


def test_a_byline_line_boxed_amid_an_article_that_signs_at_its_end_is_not_that_article_s() -> None:
    # The same page, the first article signed at its end (o203 page-025: the byline line was the next
    # article's): the byline box is not read over the first article's lead.
    text, boxes = _cut_page("（王磊）")
    spans = reading_order(text)
    assert spans is None or [text.index(b) for b in boxes][4] != spans[2][0]
