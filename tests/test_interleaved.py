"""pdfminer's boxes of stacked articles read as articles interleaved (textfix.interleaved).

The page: four articles stacked, each set in three columns of three lines (the last of two), titles
at the page's foot, as fresh2999 page-039 prints them: the first and second columns of A, B and C,
both columns of D, two of the foot's titles, then the third columns and the other two titles."""

from __future__ import annotations

from textfix import split_page
from textfix.interleaved import _early_titles, deinterleaved_order
from textfix.lines import BylineFinder
from textfix.order import _strips_foot, boxes, reading_order

from _setting import set_lines

ARTICLES = {
    "A": "新华社北京4月3日电农业农村部有关负责人表示，今年以来各地抓紧春耕生产，全国已播种粮食面积超过三亿亩，"
         "进度快于上年同期，早稻栽插已基本完成，农机手抢抓农时作业，夏粮丰收有了较好基础。",
    "B": "新华社北京4月3日电住房城乡建设部介绍，今年计划开工改造城镇老旧小区四万个，并在有条件的楼栋同步推进"
         "适老化改造，加装电梯两万部，各地将结合实际完善社区服务设施，让居民住得更加舒心。",
    "C": "新华社北京4月4日电记者从交通运输部获悉，今年一季度全国完成公路水路交通投资八千亿元，同比增长百分之五，"
         "一批重大工程开工建设，农村公路新改建里程持续增加，港口货物吞吐量稳步回升。",
    "D": "新华社北京4月5日电国家林业和草原局介绍，今年春季全国完成造林绿化面积两千万亩，各地因地制宜推进国土绿化，"
         "重点区域生态修复工程加快实施，森林草原防火形势总体平稳，林草产业持续发展。",
}
# Set wider than the 12-character column, as a title's larger type is.
TITLES = {"A": "全国春耕生产进度快于上年同期", "B": "今年城镇老旧小区改造加快推进",
          "C": "一季度全国交通投资稳步增长", "D": "春季全国完成造林绿化两千万亩"}
PRINTED = "A1 B1 C1 A2 B2 C2 D1 D2 TA TB A3 B3 C3 D3 TC TD".split()


def _columns(name: str) -> list[str]:
    lines = set_lines(ARTICLES[name])
    assert len(lines) == 8  # columns of 3, 3 and 2 lines: balanced, the last short
    return ["\n".join(lines[i:i + 3]) for i in (0, 3, 6)]


def _page(printed: list[str]) -> tuple[str, list[str]]:
    """The page text of the boxes *printed* (``A1``: A's first column, ``TA``: A's title), under a header."""
    boxes_ = ["3 要闻 News"] + [TITLES[x[1]] if x[0] == "T" else _columns(x[0])[int(x[1]) - 1] for x in printed]
    return "\n\n".join(boxes_) + "\n", boxes_


def _read(printed: list[str]) -> list[str] | None:
    text, blocks = _page(printed)
    at = [text.index(b) for b in blocks]
    spans = reading_order(text)
    return None if spans is None else [(["H"] + printed)[at.index(lo)] for lo, _ in spans]


def test_the_columns_of_stacked_articles_interleaved_are_read_article_by_article() -> None:
    # Every article's columns keep their print order; the articles do not.  The first two titles,
    # printed amid the columns, are read at the foot with the other two.  (No strip, move or mend
    # of the earlier stages reads it: before textfix.interleaved the page was read as printed.)
    assert _read(PRINTED) == ["H", "A1", "A2", "A3", "B1", "B2", "B3", "C1", "C2", "C3", "D1", "D2", "D3",
                              "TA", "TB", "TC", "TD"]
    page = split_page(_page(PRINTED)[0])
    assert [a.title for a in page.articles] == list(TITLES.values())
    assert [[b.text for b in a.blocks] for a in page.articles] == [[text] for text in ARTICLES.values()]


def test_the_titles_printed_amid_the_columns_are_the_foots() -> None:
    text, _ = _page(PRINTED)
    blocks = boxes(text, BylineFinder())
    stop = _strips_foot(blocks)
    assert stop == 15  # the header, 12 columns, 2 titles: TC and TD are the foot
    assert [i for i, early in enumerate(_early_titles(blocks, stop, [False] * stop)) if early] == [9, 10]
    # With no titles at the foot, a heading amid the text is no foot's title.
    text, _ = _page(PRINTED[:-2])
    blocks = boxes(text, BylineFinder())
    assert not any(_early_titles(blocks, len(blocks), [False] * len(blocks)))


def test_a_reading_that_leaves_an_article_unfinished_is_refused() -> None:
    # D's third column left out: D2 stops inside a sentence (…森林), and every reading ends it there.
    text, _ = _page([x for x in PRINTED if x != "D3"])
    blocks = boxes(text, BylineFinder())
    assert deinterleaved_order(blocks, _strips_foot(blocks)) is None


def test_a_print_order_that_breaks_no_sentence_is_not_read_again() -> None:
    # Printed article by article, no seam breaks a sentence: nothing to read otherwise.
    in_order = [f"{a}{c}" for a in "ABCD" for c in "123"] + ["TA", "TB", "TC", "TD"]
    text, _ = _page(in_order)
    blocks = boxes(text, BylineFinder())
    assert deinterleaved_order(blocks, _strips_foot(blocks)) is None


def test_a_reading_that_leaves_an_article_as_printed_in_one_run_is_refused(monkeypatch) -> None:
    # C's three columns printed together, A's and B's interleaved around them: a reading that breaks
    # no sentence takes C as printed, in one run, which no interleaving of columns set across the page
    # does (MIN_RUNS).  Without the bar it is read (checked below), with it it is not.
    printed = "A1 B1 C1 C2 C3 A2 B2 A3 B3 TA TB TC".split()
    text, _ = _page(printed)
    blocks = boxes(text, BylineFinder())
    stop = _strips_foot(blocks)
    assert deinterleaved_order(blocks, stop) is None
    monkeypatch.setattr("textfix.interleaved.MIN_RUNS", 1)
    assert deinterleaved_order(blocks, stop) is not None
