"""Layout rules on small hand-set columns (13 characters, 26 display units), one rule per test."""

from __future__ import annotations

from itertools import cycle, islice

import pytest

from textfix import split_page
from textfix.layout import parse_header, read_layout
from textfix.lines import BylineFinder, _glyph_widths, cut_lines
from textfix.measure import display_widths
from textfix.split import Article, Block, _split_to_count

FILLER = "冬天的漠河迎来很多南方游客大家一起堆雪人坐雪圈看极光吃冻梨品尝当地美食"


def fill(n: int, start: int = 0) -> str:
    """*n* ordinary characters (no punctuation), different ones for different *start*."""
    return "".join(islice(cycle(FILLER), start, start + n))


# A full line whose comma hangs past the column edge (28 units): a page with one shows it hangs marks
# (textfix.lines._marks_hang); a page that shows nothing either way is read as not hanging them.
HANGS = fill(13, 2) + "，"


def column_lines(count: int) -> list[str]:
    return [fill(13, k) for k in range(count)]


def paragraph(first: int = 11) -> list[str]:
    """A paragraph of a 26-unit column: an indented first line (*first* characters and a comma), two
    full lines, and a short last line that ends its sentence."""
    return [fill(first, 1) + "，", fill(13, 2), fill(13, 3), fill(5, 4) + "。"]


def glyph_widths(lines: list[str]) -> tuple[int, int]:
    return _glyph_widths(lines, display_widths(lines))


def test_spaces_that_took_no_room_on_the_line_count_zero() -> None:
    spaced = [fill(8, k) + " 2024 " + fill(3, k) for k in range(5)]  # 26 units without the spaces
    assert display_widths(spaced, 2, 0) == [26] * 5
    assert glyph_widths(column_lines(8) + spaced) == (2, 0)


def test_spaces_that_took_room_count_one() -> None:
    spaced = [fill(8, k) + " 20 " + fill(3, k) for k in range(5)]  # 26 units with the spaces
    assert glyph_widths(column_lines(8) + spaced) == (2, 1)


def test_spaces_that_took_no_room_on_indented_first_lines_count_zero() -> None:
    # Paragraphs' first lines are four units short of the column; a space that took room would
    # leave them three short.
    firsts = [fill(9, k) + " 2024" for k in range(3)]  # 22 units without the space
    assert glyph_widths(column_lines(8) + firsts) == (2, 0)


def test_quotes_hanging_past_the_column_do_not_make_them_narrow() -> None:
    # Full lines with quotes fill the column when a quote is a full em; lines whose closing
    # “。”” hangs past the edge are wider either way, and must not decide the width.
    quoted = ["“" + fill(11, k) + "”" for k in range(3)]
    hanging = ["“" + fill(11, k) + "。”" for k in range(2)]
    assert glyph_widths(column_lines(8) + quoted + hanging) == (2, 1)
    half_em = ["“" + fill(12, k) + "”" for k in range(4)]  # 26 units only with quotes of one unit
    assert glyph_widths(column_lines(8) + half_em) == (1, 1)


def kinds(lines: list[str]) -> list[tuple[str, str]]:
    return [(item.kind, item.text) for item in read_layout("\n".join(lines))]


def test_a_full_unpunctuated_line_inside_a_paragraph_is_no_title() -> None:
    # The paragraph before it is not finished (not yet an item), so the line does not
    # follow the byline, even though the last item read is one.
    page = [
        fill(10, 1) + "，", fill(13, 2), fill(12, 3) + "。", "（王晓峰）",
        fill(10, 4) + "，", fill(13, 5), fill(13, 6) + "。”",  # the closing marks hang past the edge
        fill(13, 7),  # full, no punctuation: the sentence goes on
        "说。",
        fill(10, 8) + "，", fill(13, 9), fill(12, 10) + "。",
    ]
    read = kinds(page)
    assert [k for k, _ in read] == ["paragraph", "byline", "paragraph", "paragraph"]
    assert read[2][1].endswith(fill(13, 7) + "说。")


def test_a_short_line_before_an_indented_line_with_a_hanging_mark_is_a_subhead() -> None:
    page = [
        fill(11, 1), fill(13, 2), fill(5, 3) + "。",
        fill(11, 4),  # a subhead as wide as a paragraph's first line
        fill(11, 5) + "，",  # a first line: indented, its comma hanging past the indent
        HANGS, fill(12, 7) + "。",
    ]
    read = kinds(page)
    assert read[1] == ("heading", fill(11, 4))
    assert read[2][0] == "paragraph" and read[2][1].startswith(fill(11, 5) + "，")


def test_a_split_for_an_unsigned_article_never_opens_an_article_with_a_subhead() -> None:
    snow = "哈尔滨冰雪大世界游客如织冰雕雪塑吸引南方游客冬季旅游持续升温滑雪场人气旺盛" * 5
    rail = "中欧班列开行数量增长通关效率提升沿线城市物流枢纽建设加快跨境电商货物增多" * 5
    blocks = [
        Block("paragraph", snow, 0, 0), Block("paragraph", snow, 0, 0),
        Block("heading", "铁路物流", 0, 0),
        Block("paragraph", rail, 0, 0), Block("paragraph", rail, 0, 0),
    ]
    first, second = _split_to_count([Article(blocks=blocks)], ["冰雪游升温", "中欧班列开行提速"])
    assert second.blocks[0].kind == "paragraph"
    assert first.blocks and all(b.text != "" for b in first.blocks)


def test_lines_whose_closing_mark_hangs_do_not_widen_the_column() -> None:
    # In a narrow column a third of the lines may end in a mark hung past the edge (28 units);
    # the column is what the lines ending in a character fill (26).
    page = [fill(13, k) if k % 3 else fill(13, k) + "，" for k in range(30)]
    assert {ln.column for ln in cut_lines("\n".join(page))} == {26.0}


def test_a_line_left_short_by_a_digit_run_that_did_not_fit_is_full() -> None:
    # "…2000" could not be broken, so the line above ended three units short: it is still full,
    # and the unpunctuated first line before it opens a paragraph rather than being a subhead.
    page = [
        fill(10, 1) + "，", fill(13, 2), fill(5, 3) + "。",
        fill(11, 4),  # a first line with no punctuation
        "260" + fill(10, 5),  # 23 units, three short: the next line's run "2000" needs 4
        "2000" + fill(11, 6),
        fill(12, 7) + "。",
    ]
    read = kinds(page)
    assert [k for k, _ in read] == ["paragraph", "paragraph"]
    assert read[1][1].startswith(fill(11, 4) + "260")


def test_a_long_subhead_wrapped_near_its_middle_is_one_subhead_and_a_kicker_stays_apart() -> None:
    before = [fill(10, 1) + "，", fill(13, 2), fill(5, 3) + "。"]
    after = [fill(10, 4) + "，", fill(13, 5), fill(12, 6) + "。"]
    wrapped = kinds(before + [fill(5, 7), fill(6, 8)] + after)  # 11 characters would not fit in 13 - 3
    assert [k for k, _ in wrapped] == ["paragraph", "heading", "paragraph"]
    assert wrapped[1][1] == fill(5, 7) + fill(6, 8)
    kicker = kinds(before + [fill(2, 7), fill(9, 8)] + after)
    assert [t for k, t in kicker if k == "heading"] == [fill(2, 7), fill(9, 8)]


@pytest.mark.parametrize("line", ["图为车间一角。（新华社发）", "（资料图片）", "图为工人在作业。（本报记者 李明 摄）"])
def test_a_photo_or_agency_credit_is_no_byline(line: str) -> None:
    assert BylineFinder().find(line) is None


@pytest.mark.parametrize("line", ["发展前景广阔。（记者 王鹏）", "（韩 鑫）", "（王志发）"])
def test_bylines_are_still_bylines(line: str) -> None:
    assert BylineFinder().find(line) is not None


def test_a_labelled_byline_ends_a_name_list_but_a_datelines_credit_is_the_leads() -> None:
    """A name list ends on no sentence end: its byline follows a name (``王成（记者 陈静 杨帆）``); an
    unlabelled parenthesis there is the list's (``（苗族）``), and a credit after a dateline opens a lead."""
    finder = BylineFinder()
    assert finder.find("施金通（苗族） 王成（记者 陈静 杨帆）") == (len("施金通（苗族） 王成"), "（记者 陈静 杨帆）", "陈静杨帆")
    assert finder.find("施金通（苗族） 王成（陈静）") is None
    assert finder.find("新华社西安8月3日电（记者 李娜）") is None


@pytest.mark.parametrize(
    ("line", "header"),
    [
        (" 6 产经 Industries", {"page": "6", "section": "产经", "section_en": "Industries"}),
        ("第6版 要闻", {"page": "6", "section": "要闻", "section_en": ""}),
        ("A06 经济", {"page": "A06", "section": "经济", "section_en": ""}),
        ("5G网络建设提速", None),
        ("2023年全市经济运行稳中向好", None),
    ],
)
def test_page_headers(line: str, header: dict | None) -> None:
    first = cut_lines(line + "\n" + fill(13))[0]
    assert parse_header(first) == header


def test_a_clause_attributing_the_quote_before_it_ends_the_quotes_paragraph() -> None:
    # "…多了。”" hangs past the edge; "老熊说。" style lines are as short as an indented first line.
    quote = ["“" + fill(9, 1) + "，", fill(13, 2), fill(11, 3) + "。”"]
    after = [fill(10, 5) + "，", fill(13, 6), fill(5, 7) + "。"]
    attributed = kinds(quote + [fill(10, 4) + "。"] + after)
    assert [k for k, _ in attributed] == ["paragraph", "paragraph"]
    assert attributed[0][1].endswith("。”" + fill(10, 4) + "。")
    # A line with a mark of its own inside is a sentence of a new paragraph, not an attribution.
    own = kinds(quote + ["“" + fill(8, 4) + "”。"] + after)
    assert [k for k, _ in own] == ["paragraph", "paragraph", "paragraph"]


def test_an_enumeration_comma_does_not_keep_a_line_from_being_a_title_or_subhead() -> None:
    # 、 lists words inside a phrase ("旱能浇、涝能排"); it ends no clause, as ，；： do.
    body = [fill(10, 1) + "，", fill(13, 2), fill(5, 3) + "。"]
    after = [fill(11, 4) + "，", fill(13, 5), fill(5, 6) + "。", "（王晓峰）"]
    read = kinds(body + ["选种、育苗"] + after + ["高标准农田“旱能浇、涝能排”"])
    assert ("heading", "选种、育苗") in read
    assert read[-1] == ("foot_title", "高标准农田“旱能浇、涝能排”")


def test_a_two_phrase_line_before_a_full_line_is_a_heading_not_a_paragraphs_first_line() -> None:
    # As wide as an indented first line, but prose puts no space between two ideographs.
    body = [fill(10, 1) + "，", fill(13, 2), fill(5, 3) + "。"]
    after = [fill(13, 4), fill(13, 5), fill(5, 6) + "。"]
    read = kinds(body + [fill(5, 7) + " " + fill(5, 8)] + after)  # 21 units in a 26-unit column
    assert [k for k, _ in read] == ["paragraph", "heading", "paragraph"]
    # A slogan in quotes keeps its space in the paragraph it opens.
    quoted = kinds(body + ["“" + fill(4, 7) + " " + fill(4, 8) + "”" + fill(1, 9)] + after)
    assert [k for k, _ in quoted] == ["paragraph", "paragraph"]


def test_a_full_two_phrase_line_after_a_paragraph_is_a_title() -> None:
    # Too long for a subhead; as wide as a full line, but prose never sets phrases apart by a space.
    body = [fill(10, 1) + "，", fill(13, 2), fill(5, 3) + "。"]
    lead = [fill(11, 6) + "。", fill(13, 7), fill(5, 8) + "。"]  # an indented first line, its stop hanging
    read = kinds(body + [fill(6, 4) + " " + fill(6, 5)] + lead)
    assert [k for k, _ in read] == ["paragraph", "title", "paragraph"]


def test_a_quotation_opening_a_paragraph_may_hang_both_its_closing_marks() -> None:
    # "“…山。”": the indented line is full without the stop and the quote, which both hang.
    before = [fill(10, 1) + "，", fill(13, 2), fill(12, 3) + "。"]  # a full last line
    quote = ["“" + fill(10, 4) + "。”", HANGS, fill(5, 6) + "。"]
    read = kinds(before + quote)
    assert [k for k, _ in read] == ["paragraph", "paragraph"]
    assert read[1][1].startswith("“" + fill(10, 4))


def test_an_unpunctuated_first_line_cut_short_of_a_digit_run_is_no_subhead() -> None:
    # "…增长了" is a full first line less the room "56%" needed; the short line closes its paragraph.
    before = [fill(10, 1) + "，", fill(13, 2), fill(12, 3) + "。"]
    after = [fill(10, 5) + "，", fill(13, 6), fill(5, 7) + "。"]
    read = kinds(before + [fill(10, 4), "56%。"] + after)
    assert [k for k, _ in read] == ["paragraph", "paragraph", "paragraph"]
    assert read[1][1] == fill(10, 4) + "56%。"


def test_a_column_holds_whole_characters_though_ascii_leaves_lines_a_unit_short() -> None:
    page = [fill(12, k) + "1" if k % 8 else fill(13, k) for k in range(30)]  # seven lines in eight are 25 units
    assert {ln.column for ln in cut_lines("\n".join(page))} == {26.0}


def test_titles_may_have_commas_colons_and_a_question_mark() -> None:
    signed = [fill(10, 1) + "，", HANGS, fill(5, 3) + "。", "（王晓峰）"]
    other = [fill(11, 4) + "，", fill(13, 5), fill(5, 6) + "。", "（李明）"]
    titles = ["修旧如旧，让城墙“延年益寿”", "非遗年画：一刀一刻守住年味", "老楼加装电梯，难在哪？"]
    at_foot = kinds(signed + other + titles[:2])
    assert at_foot[-2:] == [("foot_title", titles[0]), ("foot_title", titles[1])]
    before = kinds(signed + [titles[2]] + other)  # after a byline, the next article's title
    assert ("title", titles[2]) in before
    # A line of prose with a comma that does not end its sentence is no title.
    assert kinds(signed + ["记者从市交通局获悉，"] + other)[2][0] == "paragraph"


def test_the_first_line_of_a_page_with_titles_before_articles_is_its_title() -> None:
    body = [fill(10, 1) + "，", fill(13, 2), fill(5, 3) + "。", "（王晓峰）"]
    read = kinds(["非遗年画：守住年味"] + body + ["老楼加装电梯，难在哪？"] + body)  # short: not wider than a subhead
    assert [k for k, _ in read] == ["title", "paragraph", "byline", "title", "paragraph", "byline"]
    # A page of prose without titles: its first line runs on into the next, full one.
    prose = kinds([fill(5, 1) + "，" + fill(5, 4), fill(13, 2), fill(5, 3) + "。"])
    assert [k for k, _ in prose] == ["paragraph"]


def test_a_first_line_after_a_kicker_and_its_subhead_opens_the_paragraph() -> None:
    # The paragraph's unpunctuated first line (22 units) comes after the subhead; its second line
    # ended four units short of "2022", which would not fit with its space. A subhead's lines keep
    # off the column edge, and a line as wide as a first line after a subhead opens its text.
    before = [fill(10, 1) + "，", fill(13, 2), fill(5, 3) + "。"]
    heads = [fill(2, 4), fill(8, 5)]
    text = [fill(11, 6), fill(11, 7), "2022" + fill(10, 8) + "，", fill(5, 9) + "。"]
    read = kinds(before + heads + text)
    assert [k for k, _ in read] == ["paragraph", "heading", "heading", "paragraph"]
    assert read[3][1].startswith(fill(11, 6) + fill(11, 7) + "2022")



def test_a_full_line_before_the_byline_line_is_no_title() -> None:
    # "“不用跑网点，也不用找担保，资金周转 | 方便多了。”戴春生说。（郭 峰）": the last line
    # does not end a sentence because the byline closes it, yet it is text, not a lead.
    before = [fill(10, 1) + "，", fill(13, 2), fill(12, 3) + "。"]
    read = kinds(before + ["“" + fill(4, 4) + "，" + fill(6, 5), fill(1, 6) + "。”说。（王晓峰）"])  # 24, then 20 units
    assert [k for k, _ in read] == ["paragraph", "byline"]


def test_a_short_title_with_a_comma_or_a_question_after_an_unsigned_article_is_a_heading() -> None:
    # Split promotes it to a title when the topic changes; as text it would be glued to the lead.
    before = [fill(10, 1) + "，", HANGS, fill(5, 3) + "。"]
    lead = [fill(11, 4), fill(13, 5), fill(5, 6) + "。"]
    for title in ("老楼加装，难在哪？", "修旧如旧，城墙延寿"):
        assert kinds(before + [title] + lead)[1] == ("heading", title)
    hanging = [fill(11, 4) + "，", fill(13, 5), fill(5, 6) + "。"]  # the lead's first line hangs its comma
    assert kinds(before + ["小田并大田，好下田"] + hanging)[1] == ("heading", "小田并大田，好下田")
    # A paragraph's first line as wide as one is prose, even when the next line looks indented.
    assert kinds(before + [fill(5, 7) + "，" + fill(5, 8), fill(11, 4), fill(5, 6) + "。"])[1][0] == "paragraph"


def test_a_subhead_with_a_comma_wrapped_over_two_lines_is_one_heading() -> None:
    before = [fill(10, 1) + "，", fill(13, 2), fill(5, 3) + "。"]
    lead = [fill(10, 4) + "。", fill(13, 5), fill(5, 6) + "。"]  # its first sentence ends on the first line
    for wrapped in (["“" + fill(5, 7) + "，", fill(4, 8) + "”"], [fill(5, 7) + "，" + fill(1, 8), fill(5, 9)]):
        read = kinds(before + wrapped + lead)
        assert [k for k, _ in read] == ["paragraph", "heading", "paragraph"]
        assert read[1][1] == "".join(wrapped)


def test_a_full_punctuated_line_is_no_title_when_the_next_was_cut_short_by_a_number() -> None:
    # "为此，…开设农机驾驶 | 与维修培训班，…农民 | 1200余人次…": the second line is as short as an
    # indent only because "1200" and its space did not fit.
    page = [fill(10, 1) + "，", fill(12, 2) + "？",  # a question ends the first full line
            fill(3, 4) + "，" + fill(9, 5), fill(6, 6) + "，" + fill(4, 7), "1200" + fill(10, 8) + "。"]
    assert [k for k, _ in kinds(page)] == ["paragraph"]


def test_an_indented_line_cut_short_by_a_number_opens_a_paragraph() -> None:
    # "这家茶叶专业合作社成立于 | 2015年，…": with "2015" and its space it would have been as wide
    # as an indented line; a full line ending a sentence came before it.
    before = [fill(10, 1) + "，", fill(13, 2), fill(12, 3) + "。"]
    after = [fill(9, 4), "2015" + fill(10, 5) + "，", fill(5, 6) + "。"]  # 18 units: 18 + 4 + 1 = 23
    assert [k for k, _ in kinds(before + after)] == ["paragraph", "paragraph"]


def test_a_subhead_wrapped_before_its_comma_is_one_heading() -> None:
    before = [fill(10, 1) + "，", fill(13, 2), fill(5, 3) + "。"]
    lead = [fill(10, 4) + "。", fill(13, 5), fill(5, 6) + "。"]
    wrapped = ["“" + fill(3, 7), fill(2, 8) + "，" + fill(4, 9) + "”"]
    read = kinds(before + wrapped + lead)
    assert [k for k, _ in read] == ["paragraph", "heading", "paragraph"]
    assert read[1][1] == "".join(wrapped)


def test_a_space_pdfminer_prints_three_times_is_measured_once() -> None:
    # pdfminer prints a justified space between two ideographs as three spaces (one each side of
    # the space's glyph).  The second paragraph's first line is short by its indent: counted three
    # units wide for one space, it would look full and go on the paragraph before.
    page = [
        fill(10, 1) + "，", fill(13, 2), fill(12, 3) + "。",
        fill(5, 4) + "   " + fill(5, 5) + "，", fill(13, 6), fill(6, 7) + "。",
    ]
    read = kinds(page)
    assert [k for k, _ in read] == ["paragraph", "paragraph"]
    assert read[1][1].startswith(fill(5, 4))
    once = cut_lines("\n".join(page[:3] + [page[3].replace("   ", " ")] + page[4:]))
    assert [ln.width for ln in cut_lines("\n".join(page))] == [ln.width for ln in once]


def test_a_space_repair_made_one_is_measured_as_printed_once() -> None:
    # Repair prints pdfminer's three spaces as one (textfix.repair.fix_space_runs) and the lines are
    # measured as printed: the printed run still counts one space, though the repaired text has none.
    page = "\n".join([fill(10, 1) + "，", fill(13, 2), fill(5, 4) + "   " + fill(5, 5) + "，", fill(6, 7) + "。"])
    repaired = page.replace("   ", " ")
    assert [ln.width for ln in cut_lines(repaired, printed=page)] == [ln.width for ln in cut_lines(repaired)]


def test_a_wide_title_wrapped_after_its_comma_before_a_dateline_is_the_next_articles_title() -> None:
    # After a byline, a title in large type over three lines: the first, 38 units in a 26-unit column,
    # ends on 、 (a headline does not), the last holds three characters; the dateline's paragraph
    # follows.  No column's line is wider than the column: the lines are a title's, not a paragraph's.
    first = [fill(11, 1) + "，", fill(13, 2), fill(13, 3), fill(5, 4) + "。", "（本报记者 罗希）"]
    title = [fill(18, 5) + "、", fill(19, 6), fill(3, 7)]
    dated = ["新华社北京5月3日电（", "记者 张伟）" + fill(7, 8), fill(13, 9), fill(13, 10), fill(6, 11) + "。",
             fill(11, 12) + "，", fill(13, 13), fill(13, 14), fill(4, 15) + "。"]
    read = kinds(first + title + dated)
    assert [k for k, _ in read] == ["paragraph", "byline", "title", "paragraph", "paragraph"]
    assert read[2][1] == "".join(title)
    assert read[3][1].startswith("新华社北京5月3日电（记者 张伟）")


def test_titles_printed_together_at_the_foot_do_not_narrow_the_column_their_lines_are_measured_by() -> None:
    # A page of one 26-unit column, the titles at its foot in large type: 9–11 characters a line,
    # twelve lines.  Estimated over the lines near the foot only, the column would be the titles'
    # (22): the title line ending on its colon, over a line of 22, would be over a full line, and so no
    # title's: the foot would be read as text.
    article = paragraph()
    body = (article * 2 + ["（王晓峰）"]) * 3
    titles = [fill(11, 20), fill(9, 21), fill(11, 22), fill(10, 23), fill(3, 24), fill(11, 25),
              fill(9, 26), fill(11, 27), fill(11, 28), fill(10, 29) + "：", fill(11, 30), fill(4, 31)]
    lines = cut_lines("\n".join(body + titles))
    assert {ln.column for ln in lines} == {26.0}
    read = kinds(body + titles)
    assert [k for k, _ in read] == ["paragraph", "paragraph", "byline"] * 3 + ["foot_title"] * len(titles)


def test_a_paragraphs_unpunctuated_first_lines_at_a_column_foot_are_no_foot_titles() -> None:
    # pdftotext prints each block after a blank line: the paragraph begun at the foot of a column (its
    # indented first line, 22 units of a 26-unit column, and a full line, neither punctuated: it goes
    # on at the top of another column), then the titles in large type, 40 and 36 units, each a block.
    # An indented line over a full one is a paragraph's opening, never a wrapped title's lines (at
    # the title's measure but the last); the titles are the blocks under it.
    article = paragraph()
    body = article * 4
    opening = [fill(11, 40), fill(13, 41)]
    titles = [fill(20, 50), fill(18, 60)]
    read = kinds(body + [""] + opening + [""] + titles[:1] + [""] + titles[1:])
    assert [(k, t) for k, t in read if k == "foot_title"] == [("foot_title", t) for t in titles]
    assert any(k == "paragraph" and t.endswith("".join(opening)) for k, t in read)


def test_one_line_titles_each_a_block_of_its_own_are_foot_titles_though_shaped_as_a_paragraphs_opening() -> None:
    # Two titles of one line at the foot of a 26-unit column, 22 and 26 units: an indented line over a
    # full one, but a blank line (the extractor's block boundary) comes between them, as none does
    # inside a paragraph.
    article = paragraph()
    titles = [fill(11, 40), fill(13, 41), fill(20, 50)]
    read = kinds(article * 4 + ["", titles[0], "", titles[1], "", titles[2]])
    assert [(k, t) for k, t in read if k == "foot_title"] == [("foot_title", t) for t in titles]


def test_a_numbered_list_at_the_page_foot_is_no_run_of_foot_titles() -> None:
    # A page of one 26-unit column ends with an article's list: 分别是： then items numbered 1-4, each
    # a short line ending on no mark (a headline's shape) or wrapped over a full line, pdfminer
    # printing each line as a block of its own (a blank line before it).  Read up from the foot the
    # lines are a title's, but item 4 follows item 3 (and 3 follows 2): a list, no titles; the items
    # stay the article's text.
    article = paragraph()
    items = ["1." + fill(8, 40), "2." + fill(12, 41), fill(6, 42), "3." + fill(7, 43), "4." + fill(12, 44), fill(5, 45)]
    page = article * 2 + ["（王晓峰）"] + article + [fill(2, 30) + "分别是："]
    read = kinds(page + [x for item in items for x in ("", item)])
    assert not any(k == "foot_title" for k, _ in read)
    assert read[-1] == ("paragraph", fill(2, 30) + "分别是：" + "".join(items))


def test_a_foot_title_line_opening_with_a_decimal_is_no_list_item_numbered_on() -> None:
    # A 26-unit column; a paragraph's last line opens with a decimal (7.2级…), and the second title at
    # the foot wraps onto a short line opening with one (8.7级…).  8.7 reads as item 8 after item 7,
    # which would make the foot's last line a list's and no title's; a point with a digit after it is
    # a decimal point, so the three lines under the byline are the titles' lines.
    article = paragraph()
    last = [fill(11, 1) + "，", fill(13, 2), "7.2" + fill(5, 4) + "。"]
    titles = [fill(9, 40), fill(14, 50), "8.7" + fill(2, 60)]
    read = kinds(article * 3 + last + ["（王晓峰）"] + titles)
    assert [(k, t) for k, t in read if k == "foot_title"] == [("foot_title", t) for t in titles]


def test_a_short_line_under_a_full_one_ends_a_heading_of_a_run() -> None:
    # Under a paragraph's end, three bare lines of a 26-unit column, then a paragraph's indented first
    # line: a subhead wrapped at its measure (22 units) onto a short line (8), then a second subhead
    # (12).  The short line is the first subhead's last: the third line opens another.
    article = paragraph()
    heads = [fill(11, 40), fill(4, 51), fill(6, 60)]
    read = kinds(article + heads + article)
    assert [(k, t) for k, t in read if k == "heading"] == [("heading", heads[0] + heads[1]), ("heading", heads[2])]


def test_a_deck_filled_to_the_column_after_a_byline_is_a_subhead_where_the_titles_are_at_the_foot() -> None:
    # Titles at the foot of a 26-unit column (two one-line titles under the last byline).  The second
    # article opens with its deck: a subhead filled to the column (26 units) wrapped onto a short line
    # (6), then another (10).  With no title above the foot, the full line is no one-line title: it
    # and the short line under it are one subhead, the next line another.
    article = paragraph(10)
    deck = [fill(13, 40), fill(3, 53), fill(5, 60)]
    titles = [fill(9, 70), fill(8, 80)]
    read = kinds(article * 2 + ["（王晓峰）"] + deck + article * 2 + ["（李明）"] + titles)
    assert [(k, t) for k, t in read if k == "foot_title"] == [("foot_title", t) for t in titles]
    assert [(k, t) for k, t in read if k in ("title", "heading")] == [("heading", deck[0] + deck[1]), ("heading", deck[2])]


def test_the_headline_lines_between_a_byline_and_a_lead_are_subheads_where_the_titles_are_at_the_foot() -> None:
    # Titles at the foot of a 26-unit column.  After the first article's byline the second opens with
    # a deck of three subheads, then its lead: one filled to the column and wrapped onto a short line
    # (26, 8), one of three lines (24, 26, 6), one short line (12).  With no title above the foot,
    # all are subheads, each ending where a short line follows a full one.
    article = paragraph(10)
    deck = [fill(13, 40), fill(4, 53), fill(12, 60), fill(13, 72), fill(3, 85), fill(6, 90)]
    lead = ["央视网消息（新闻联播）：", fill(13, 5), fill(13, 6), fill(5, 7) + "。"]
    titles = [fill(9, 70), fill(8, 80)]
    read = kinds(article * 2 + ["（王晓峰）"] + deck + lead + article + ["（李明）"] + titles)
    assert [(k, t) for k, t in read if k == "foot_title"] == [("foot_title", t) for t in titles]
    assert [(k, t) for k, t in read if k in ("title", "heading")] == [
        ("heading", deck[0] + deck[1]), ("heading", deck[2] + deck[3] + deck[4]), ("heading", deck[5])]


def test_lines_ending_full_before_a_lead_are_no_deck_where_the_titles_are_at_the_foot() -> None:
    # As above, but the lines between the byline and the lead are a paragraph's first two (22 and 26
    # units, no mark), which pdftotext may print before another block's lead: the full last line
    # runs on, so they are no subheads.
    article = paragraph(10)
    cut = [fill(11, 40), fill(13, 51)]
    lead = ["央视网消息（新闻联播）：", fill(13, 5), fill(13, 6), fill(5, 7) + "。"]
    titles = [fill(9, 70), fill(8, 80)]
    read = kinds(article * 2 + ["（王晓峰）"] + cut + lead + article + ["（李明）"] + titles)
    assert [(k, t) for k, t in read if k == "foot_title"] == [("foot_title", t) for t in titles]
    assert not any(k in ("title", "heading") for k, _ in read)


def test_a_foot_title_printed_again_over_a_deck_line_after_a_byline_is_a_heading_of_its_own() -> None:
    # Titles at the foot of a 26-unit column.  After the first article's byline the second opens with
    # its title printed again, filling the column (26 units), a short deck line under it (12 units),
    # then its lead.  Read as one subhead, the full line wrapped onto the short one; the title's text,
    # the foot's second title, ends the first heading: the deck line is a heading of its own.
    article = paragraph(10)
    title, deck = fill(13, 40), fill(6, 60)
    lead = ["央视网消息（新闻联播）：", fill(13, 5), fill(13, 6), fill(5, 7) + "。"]
    read = kinds(article * 2 + ["（王晓峰）", title, deck] + lead + article + ["（李明）", fill(9, 70), title])
    assert [(k, t) for k, t in read if k == "heading"] == [("heading", title), ("heading", deck)]


def test_a_foot_title_under_a_foot_line_a_character_short_of_the_measure_opens_a_title() -> None:
    # As above, the repeated title one line (20 units), the foot's widest; the foot line over it is
    # 18 units, a character short: it left room for the next character, so the title ended there and
    # the repeat is a title of its own, not the rest of the line above.
    article = paragraph(10)
    title, deck = fill(10, 40), fill(6, 60)
    lead = ["央视网消息（新闻联播）：", fill(13, 5), fill(13, 6), fill(5, 7) + "。"]
    foot = [fill(10, 80), fill(9, 70), title]
    read = kinds(article * 2 + ["（王晓峰）", title, deck] + lead + article + ["（李明）"] + article + ["（赵敏）"] + foot)
    assert [(k, t) for k, t in read if k == "heading"] == [("heading", title), ("heading", deck)]


def test_a_foot_title_printed_again_after_an_unsigned_articles_last_sentence_opens_the_next_article() -> None:
    # As above, but the first article is unsigned: its last sentence ends, then the second article's
    # title printed again, wrapped (26 + 10 units), a deck line (12), the lead.  No byline tells the
    # first article ended; the lines repeating a foot title do, and they and the deck line are headings,
    # not a paragraph of the first article's.
    article = paragraph(10)
    title, deck = [fill(13, 40), fill(5, 53)], fill(6, 60)
    lead = ["央视网消息（新闻联播）：", fill(13, 5), fill(13, 6), fill(5, 7) + "。"]
    foot = [fill(9, 70), title[0], title[1]]
    read = kinds(article * 2 + title + [deck] + lead + article + ["（李明）"] + foot)
    assert [(k, t) for k, t in read if k == "heading"] == [("heading", title[0] + title[1]), ("heading", deck)]
    page = split_page("\n".join(article * 2 + title + [deck] + lead + article + ["（李明）"] + foot))
    assert [a.title for a in page.articles] == [foot[0], title[0] + title[1]]
    assert [b.kind for b in page.articles[1].blocks][:2] == ["heading", "heading"]


def test_a_foot_title_printed_again_in_an_extractors_blocks_opens_no_article() -> None:
    # As pdftotext may print a page: the first article's lead and text, then, after a blank line (a
    # block of its own), that article's title printed again and its deck line, then the second
    # article's lead.  pdftotext and pdfminer order their blocks by their own rules (gl14/train533
    # page-024: an article's text printed before its deck), so in a page of blocks the repeat opens
    # no article: the lines stay a heading of the text before them, as before the rule.
    lead = ["央视网消息（新闻联播）：", fill(13, 5), fill(13, 6), fill(5, 7) + "。"]
    title, deck = fill(13, 40), fill(6, 60)
    foot = [title, fill(9, 70)]
    text = "\n".join(lead + paragraph(10)) + "\n\n" + "\n".join([title, deck] + lead + paragraph(10) + ["（李明）"] + foot)
    page = split_page(text)
    assert [b.kind for b in page.articles[0].blocks][-1] == "heading"
    assert len(page.articles) == 2


def test_a_title_wider_than_the_column_that_breaks_after_its_dash_stays_one_title() -> None:
    # Titles over the articles, in large type across a page of 26-unit columns.  The second title
    # breaks after the dash that joins its parts (44 units, then 36), over its news lead: no column
    # holds a line that wide, and one that ends a sentence would be a paragraph written one a line
    # (textfix.shape), but a paragraph does not end on a dash.  The two lines are one title.
    first, second = fill(20, 30), [fill(20, 50) + "——", fill(18, 70)]
    page = [first] + paragraph(10) * 2 + ["（王晓峰）"] + second + [LABEL] + narrow_lead(5) + paragraph(10) + ["（李明）"]
    assert [a.title for a in split_page("\n".join(page)).articles] == [first, "".join(second)]


def test_a_foot_title_line_wider_than_the_column_that_breaks_after_its_dash_is_a_foot_title_line() -> None:
    # Titles at the foot of a page of 26-unit columns, in large type wider than the column: a title
    # broken after its dash (44 units, as wide as the line under it), its rest (44, then 18), and
    # another title (34).  The dash line ends no title's run: it is at the title measure, wider than
    # any column's line.
    foot = [fill(20, 50) + "——", fill(22, 70), fill(9, 90), fill(17, 100)]
    read = kinds(paragraph(10) * 2 + ["（王晓峰）"] + paragraph(10) * 2 + ["（李明）"] + foot)
    assert [t for k, t in read if k == "foot_title"] == foot


def test_titles_printed_together_at_the_foot_do_not_widen_the_column_of_the_text_above_them() -> None:
    # The mirror case, as pdfium prints a page of two 26-unit columns (pf11c/train161 page-005): the
    # titles at its foot in large type, 20-23 characters a line (40-46 units, wider than the column),
    # ten lines.  The window of lines near the foot holds more of the titles than a quarter: estimated
    # over it, the column of the text just above them was 42, so a paragraph's unpunctuated first line
    # (22 units, four short of the real column) was too short to open a paragraph and read as a subhead.
    # Its lines are measured by the window above them, which holds the text only: the page's column.
    body = paragraph() * 8
    last = [fill(11, 5), fill(13, 6), fill(13, 7), fill(6, 8) + "。"]
    titles = [fill(22, 20), fill(20, 21), fill(23, 22), fill(6, 23), fill(21, 24), fill(22, 25),
              fill(4, 26), fill(23, 27), fill(20, 28), fill(5, 29)]
    lines = cut_lines("\n".join(body + last + titles))
    assert {ln.column for ln in lines[: len(body) + len(last)]} == {26.0}
    read = kinds(body + last + titles)
    assert [k for k, _ in read[:9]] == ["paragraph"] * 9 and {k for k, _ in read[9:]} == {"foot_title"}
    assert read[8][1] == "".join(last)


def test_the_window_above_gives_its_column_only_where_a_line_of_the_stride_fills_it() -> None:
    from textfix.lines import SPAN, STRIDE, _column_above

    # A stride of four lines at the foot of a 26-unit column whose window read 42 (titles below it).  The
    # window that ends with the stride holds 24 lines of 26 above it: its upper quartile (line 21 of 28,
    # sorted) is 26.  None of the stride's lines (20, 18, 16, 20) is within FULL_SLACK of 26: nothing says
    # they are of that column, and they keep the window's 42.
    above = [26] * (SPAN - STRIDE)
    stride = [20, 18, 16, 20]
    assert _column_above(above + stride, len(above), stride, 42.0) == [42.0] * 4
    # A stride with a full line (26) and two title lines (44, 42): the window above is 26 again (sorted:
    # 20, twenty-five 26s, 42, 44; line 21 is 26).  The lines no wider than 26 take it; the titles,
    # wider than the column above, keep the window's.
    stride = [26, 20, 44, 42]
    assert _column_above(above + stride, len(above), stride, 42.0) == [26.0, 26.0, 42.0, 42.0]


# A title stack printed again under a lead label alone on its line (textfix.layout._label_deck), on
# a page of 32-unit columns (16 characters): the label (24 units) leaves a first line's room unfilled.
LABEL = "央视网消息（新闻联播）："
BYLINE_UNDER_TITLE = "本报通讯员 王晓峰"


def wide_paragraph(start: int) -> list[str]:
    """A paragraph of a 32-unit column: an indented first line (28 units), a full line, a short last."""
    return [fill(13, start) + "，", fill(16, start + 1), fill(6, start + 2) + "。"]


def wide_lead(start: int) -> list[str]:
    """A lead after a deck: an unpunctuated indented first line (26 units), a full line with a full stop
    (32 units), a full line and a short last one."""
    return [fill(13, start), fill(10, start + 1) + "。" + fill(5, start + 2), fill(16, start + 3), fill(5, start + 4) + "。"]


def headings_after_label(deck: list[str]) -> list[str]:
    page = wide_paragraph(1) + wide_paragraph(3) + ["（王晓峰）", LABEL] + deck + wide_lead(5) + wide_paragraph(7) + wide_paragraph(9)
    return [t for k, t in kinds(page) if k == "heading"]


def test_a_title_stack_under_a_lone_lead_label_is_read_heading_by_heading_where_its_lines_end_short() -> None:
    # Three headings, five lines (as gl10/train85 page-030 prints its deck): a short one (26 of 32),
    # then two each filled to the column and wrapped onto a two-character rest.  A heading wraps only
    # where its next character did not fit, so each short line ends one: three headings, not one
    # paragraph (the subhead readers take at most three lines, one subhead).
    deck = [fill(13, 40), fill(16, 53), fill(2, 69), fill(16, 71), fill(2, 87)]
    assert headings_after_label(deck) == [deck[0], deck[1] + deck[2], deck[3] + deck[4]]


def test_a_title_stack_line_that_left_room_for_the_next_character_ends_its_heading() -> None:
    # Three short lines (26, 30, 30 of 32: each leaves two units, a character's room): three headings,
    # not one subhead of three lines (f11/train95 page-027 read its deck so).
    deck = [fill(13, 40), fill(15, 53), fill(15, 69)]
    assert headings_after_label(deck) == deck


def test_an_indented_title_stack_wraps_at_a_first_line_room() -> None:
    # Subheads set with a first-line indent (text-indent: 2em): a heading's first line holds 28 units
    # of 32.  A line of 28 whose next character would not have fitted that room wrapped, its rest (12
    # units) ends the heading; the last line (24) is a heading of its own.  Every heading's first line
    # leaves the indent's room, so the deck is read as indented (r9/train37 page-028's shape).
    deck = [fill(14, 40), fill(6, 54), fill(12, 60)]
    assert headings_after_label(deck) == [deck[0] + deck[1], deck[2]]


def test_bare_lines_under_a_lone_lead_label_that_end_on_a_sentence_are_the_lead_not_a_deck() -> None:
    # Two full unpunctuated lines, then a line as wide as an indented first line that ends a sentence:
    # the lead's paragraph went on from the label (its last line only looks like a first line).
    lines = [fill(16, 40), fill(16, 56), fill(12, 72) + "。"]
    page = wide_paragraph(1) + ["（王晓峰）", LABEL] + lines + wide_paragraph(7) + wide_paragraph(9)
    read = kinds(page)
    assert not any(k == "heading" for k, _ in read)
    assert ("paragraph", LABEL + "".join(lines)) in read or ("paragraph", "".join(lines)) in read


def narrow_lead(start: int) -> list[str]:
    """A lead of a 26-unit column after a deck: an unpunctuated indented first line (22 units), a full
    line with a full stop, a short last line."""
    return [fill(11, start), fill(10, start + 1) + "。" + fill(2, start + 2), fill(5, start + 3) + "。"]


def test_a_deck_under_a_lead_label_that_fills_a_narrow_columns_first_line_is_read_where_a_line_breaks_short() -> None:
    # A 26-unit column (13 characters): the label's 24 units fill an indented first line (22), so its
    # paragraph might go on.  The bare lines under it, 20 and 16 units, then the lead: the first left
    # room for the character opening the second, as no line of a paragraph does, so they are a deck
    # of two headings, not the label's paragraph run on.
    deck = [fill(10, 40), fill(8, 51)]
    page = paragraph(10) * 2 + ["（王晓峰）", LABEL] + deck + narrow_lead(5) + paragraph(10)
    assert [t for k, t in kinds(page) if k == "heading"] == deck


def test_a_dateline_alone_with_its_credit_is_a_label_over_a_deck() -> None:
    # The page maker's dateline in place of the label: 新华社北京5月3日电（记者 | 张伟） alone, wrapped
    # onto a second line, then a deck of two headings (20 and 16 units of 26, the first leaving room
    # for the next character) and the lead: the deck is read as after a label.
    deck = [fill(10, 40), fill(8, 51)]
    page = paragraph(10) * 2 + ["（王晓峰）", "新华社北京5月3日电（记者", "张伟）"] + deck + narrow_lead(5) + paragraph(10)
    assert [t for k, t in kinds(page) if k == "heading"] == deck


def test_an_official_document_title_under_a_lone_lead_label_stays_text() -> None:
    # 关于… lines after the label are a document's title quoted as text (see _introduced_text).
    deck = [fill(8, 40), "关于" + fill(11, 50), fill(12, 61)]
    assert headings_after_label(deck) == []


def test_a_deck_between_a_title_and_a_news_lead_is_read_heading_by_heading() -> None:
    # A title in large type (44 units, wider than the 32-unit column) and the byline line under it,
    # then two bare lines (26 and 18 units), then a paragraph that opens with a news lead.  The first
    # line left room for the character that opens the second: each is a heading of its own, not one
    # subhead wrapped (pf11c/train159 page-029's shape).
    title = fill(22, 30)
    deck = [fill(13, 40), fill(9, 53)]
    lead = [LABEL + fill(2, 5), fill(16, 6), fill(5, 7) + "。"]
    read = kinds(wide_paragraph(1) + wide_paragraph(3) + ["（王晓峰）", title, BYLINE_UNDER_TITLE] + deck + lead + wide_paragraph(9))
    assert [(k, t) for k, t in read if k in ("title", "heading")] == [("title", title), ("heading", deck[0]), ("heading", deck[1])]


def test_an_indented_deck_between_a_title_and_a_news_lead_wraps_at_a_first_line_room() -> None:
    # The deck set indented (a heading's first line holds 28 of 32 units): 28 then a 12-unit rest is
    # one heading wrapped, then a heading of 24 (t8/train53 page-023's shape).
    title = fill(22, 30)
    deck = [fill(14, 40), fill(6, 54), fill(12, 60)]
    lead = [LABEL + fill(2, 5), fill(16, 6), fill(5, 7) + "。"]
    read = kinds(wide_paragraph(1) + wide_paragraph(3) + ["（王晓峰）", title, BYLINE_UNDER_TITLE] + deck + lead + wide_paragraph(9))
    assert [(k, t) for k, t in read if k in ("title", "heading")] == [("title", title), ("heading", deck[0] + deck[1]), ("heading", deck[2])]


def test_a_title_printed_again_as_headings_over_a_news_lead_is_cut_from_them() -> None:
    # A title in large type wrapped over two lines (44 units, wider than the 32-unit column, then two
    # phrases apart), printed again in body size as headings: the first phrase filled to the column
    # and wrapped onto a short line (16 + 12 characters), the second alone, then a deck line, then a
    # paragraph that opens with a news lead.  The title is its two lines; the lines that repeat it and
    # the deck line are headings, cut where a line left room (train581 page-025's shape).
    title = [fill(22, 30), fill(6, 52) + " " + fill(8, 60)]
    headings = [fill(16, 30), fill(12, 46), fill(8, 60), fill(10, 70)]
    lead = [LABEL + fill(2, 5), fill(16, 6), fill(5, 7) + "。"]
    read = kinds(wide_paragraph(1) + wide_paragraph(3) + ["（王晓峰）"] + title + headings + lead + wide_paragraph(9))
    assert [(k, t) for k, t in read if k in ("title", "heading")] == [
        ("title", title[0] + title[1]), ("heading", headings[0] + headings[1]), ("heading", headings[2]), ("heading", headings[3])]


def test_title_lines_over_a_news_lead_that_repeat_no_earlier_line_stay_one_title() -> None:
    # The same title over its lead with no lines printing it again: all its lines are the title.
    title = [fill(22, 30), fill(6, 52) + " " + fill(8, 60)]
    lead = [LABEL + fill(2, 5), fill(16, 6), fill(5, 7) + "。"]
    read = kinds(wide_paragraph(1) + wide_paragraph(3) + ["（王晓峰）"] + title + lead + wide_paragraph(9))
    assert [(k, t) for k, t in read if k in ("title", "heading")] == [("title", title[0] + title[1])]


def test_a_title_printed_again_is_cut_from_its_headings_past_a_title_s_most_lines() -> None:
    # A title of five lines (13 characters each but the last, narrower than the 32-unit column: large
    # type on a page of one column), printed again in body size over four lines (16, 16, 16 and 10
    # characters: one heading, wrapped at the column), then a deck line and the news lead: ten lines
    # before the lead, more than a title takes (MAX_TITLE_LINES), read as the title and its headings
    # because they repeat it (train591 page-013's shape).
    title = [fill(13, 30), fill(13, 43), fill(13, 56), fill(13, 69), fill(6, 82)]
    headings = [fill(16, 30), fill(16, 46), fill(16, 62), fill(10, 78), fill(9, 100)]
    lead = [LABEL + fill(2, 5), fill(16, 6), fill(5, 7) + "。"]
    read = kinds(wide_paragraph(1) + wide_paragraph(3) + ["（王晓峰）"] + title + headings + lead + wide_paragraph(9))
    assert [(k, t) for k, t in read if k in ("title", "heading")] == [
        ("title", "".join(title)), ("heading", "".join(headings[:4])), ("heading", headings[4])]


def test_a_title_whose_first_phrase_is_printed_again_among_other_headings_is_cut_from_them() -> None:
    # A title of two phrases (12 and 7 characters) in large type over two lines, the first wider than
    # the 32-unit column; under it its first phrase alone as a heading, another heading, its second
    # phrase, then the news lead.  The lines from the repeated phrase on are headings, each of its
    # own (each leaves room for what opens the next), not the title's (train597 page-008's shape).
    first, second = fill(12, 30), fill(7, 50)
    title = [first + " " + second[:4], second[4:]]
    headings = [first, fill(11, 70), second]
    lead = [LABEL + fill(2, 5), fill(16, 6), fill(5, 7) + "。"]
    read = kinds(wide_paragraph(1) + wide_paragraph(3) + ["（王晓峰）"] + title + headings + lead + wide_paragraph(9))
    assert [(k, t) for k, t in read if k in ("title", "heading")] == [
        ("title", title[0] + title[1])] + [("heading", h) for h in headings]
