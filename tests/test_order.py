"""Reading order from the text alone (textfix.order): pdfminer prints column 1 of every article
before column 2 (and 3); split reads the blocks in order, and its change log carries the moves."""

from __future__ import annotations

from textfix import split_page
from textfix.order import BALANCE_SLACK, BOX_LINES, reading_order
from textfix.repair import apply_changes, repair


def _interleave(starts, stop, cost, can_start, closed, held, before, grams, texts=None, floats=None, width=1,
                leads=None, later=1, bylined=None, topical=False, first_alone=None, short_last=False):
    """textfix.order._interleave, what a test leaves out as the plainest page has it: the blocks of
    text counted as the column lines (*before*), no block floating, no lead, strips one column wide."""
    from textfix.order import _interleave as interleave

    return interleave(starts, stop, cost, can_start, closed, held, before, grams, texts or before,
                      floats or [False] * (stop + 1), width, leads or [False] * (stop + 1), later, bylined=bylined,
                       topical=topical, first_alone=first_alone, short_last=short_last)

# Two articles set in two columns of 12 characters (a paragraph's first line indented by two),
# each column broken inside a sentence (上|年同期, 老旧|小区: the language model expects each
# join, textfix.order.JOIN_MIN); pdfminer prints each article's first column, then each one's
# second.
A = "农业农村部有关负责人表示，今年以来各地抓紧春耕生产，全国已播种粮食面积超过三亿亩，进度快于上年同期，其中早稻栽插已基本完成。各地农机手抢抓农时作业，确保应种尽种。"
B = "住房城乡建设部介绍，今年计划开工改造城镇老旧小区四万个，并在有条件的楼栋同步推进适老化改造，加装电梯两万部，惠及居民八百万户。"
A_COLUMN_1 = "农业农村部有关负责人\n表示，今年以来各地抓紧春\n耕生产，全国已播种粮食面\n积超过三亿亩，进度快于上"
A_COLUMN_2 = "年同期，其中早稻栽插已基\n本完成。各地农机手抢抓农\n时作业，确保应种尽种。"
B_COLUMN_1 = "住房城乡建设部介绍，\n今年计划开工改造城镇老旧"
B_COLUMN_2 = "小区四万个，并在有条件的\n楼栋同步推进适老化改造，\n加装电梯两万部，惠及居民\n八百万户。"
A_TITLE, B_TITLE = "春耕生产有序推进", "老旧小区改造提速"
PRINTED = [A_TITLE, A_COLUMN_1, B_TITLE, B_COLUMN_1, A_COLUMN_2, "（记者 张伟）", B_COLUMN_2, "（记者 李明）"]
PDFMINER_PAGE = "\n\n".join(PRINTED) + "\n"
IN_ORDER = [A_TITLE, A_COLUMN_1, A_COLUMN_2, "（记者 张伟）", B_TITLE, B_COLUMN_1, B_COLUMN_2, "（记者 李明）"]


def _starts(page: str) -> list[int]:
    starts, at = [], 0
    for block in PRINTED:
        at = page.index(block, at)
        starts.append(at)
    return starts


def test_columns_printed_one_after_the_other_are_read_in_order() -> None:
    s = _starts(PDFMINER_PAGE) + [len(PDFMINER_PAGE)]
    piece = [(s[k], s[k + 1]) for k in range(len(PRINTED))]
    # A's second column and byline go after A's first column; B's after B's first.
    assert reading_order(PDFMINER_PAGE) == [piece[0], piece[1], piece[4], piece[5], piece[2], piece[3], piece[6], piece[7]]


def test_split_reads_the_articles_whole() -> None:
    page = split_page(PDFMINER_PAGE)
    assert [(a.title, a.byline) for a in page.articles] == [(A_TITLE, "张伟"), (B_TITLE, "李明")]
    assert [[b.text for b in a.blocks] for a in page.articles] == [[A], [B]]
    # The change log is still a plan on the input: it moves the blocks read elsewhere.
    assert apply_changes(PDFMINER_PAGE, page.changes) == page.text
    assert {c.rule for c in page.changes} == {"reorder"}
    # A block read across a move spans its first character to its last in the input.
    a_block, b_block = page.articles[0].blocks[0], page.articles[1].blocks[0]
    assert (a_block.start, a_block.end) == (PDFMINER_PAGE.index("农业"), PDFMINER_PAGE.index("尽种。") + 3)
    assert (b_block.start, b_block.end) == (PDFMINER_PAGE.index("住房"), PDFMINER_PAGE.index("万户。") + 3)
    assert page.articles[0].byline_span == (PDFMINER_PAGE.index("（记者 张伟）"), PDFMINER_PAGE.index("（记者 张伟）") + 7)


def test_the_page_in_reading_order_is_read_as_it_stands() -> None:
    text = "\n\n".join(IN_ORDER) + "\n"
    assert reading_order(text) is None
    page = split_page(text)
    assert [[b.text for b in a.blocks] for a in page.articles] == [[A], [B]]
    assert not any(c.rule == "reorder" for c in page.changes)


def test_paragraphs_that_end_their_sentences_are_not_moved() -> None:
    # Clean text, a blank line between paragraphs: nothing ends open.
    text = "\n\n".join([A_TITLE, A, "（记者 张伟）", B_TITLE, B, "（记者 李明）"]) + "\n"
    assert reading_order(text) is None


def test_repair_prints_the_page_in_reading_order() -> None:
    result = repair(PDFMINER_PAGE)
    assert result.text == "\n\n".join([A_TITLE, A, "（记者 张伟）", B_TITLE, B, "（记者 李明）"]) + "\n"
    assert apply_changes(PDFMINER_PAGE, result.changes) == result.text
    assert repair(result.text).text == result.text  # read in order, the output stays as it is


def _set(paragraph: str, width: int = 12, indent: int = 2) -> list[str]:
    """*paragraph* set in lines of *width* characters, the first indented by *indent* (as the
    typeset pages set it; the extractors drop the indent)."""
    lines, room, line = [], width - indent, ""
    for ch in paragraph:
        if len(line) == room:
            lines.append(line)
            line, room = "", width
        line += ch
    return lines + [line]


# A's first column ends with its first paragraph (年同期。), its second opens its second paragraph: no
# sentence is broken between them, only B's (城镇老旧|小区).  Columns of 5 and 4 lines, 2 and 4.
A_P1 = "农业农村部有关负责人表示，今年以来各地抓紧春耕生产，全国已播种粮食面积超过三亿亩，进度快于上年同期。"
A_P2 = "各地农机手抢抓农时作业，早稻栽插已基本完成，农资供应充足，价格总体平稳，确保应种尽种。"


def test_a_column_broken_at_a_paragraph_end_is_read_back_too() -> None:
    a_1, a_2 = "\n".join(_set(A_P1)), "\n".join(_set(A_P2))
    printed = [A_TITLE, a_1, B_TITLE, B_COLUMN_1, a_2, "（记者 张伟）", B_COLUMN_2, "（记者 李明）"]
    page_text = "\n\n".join(printed) + "\n"
    at = [page_text.index(block) for block in printed] + [len(page_text)]
    piece = [(at[k], at[k + 1]) for k in range(len(printed))]
    assert reading_order(page_text) == [piece[0], piece[1], piece[4], piece[5], piece[2], piece[3], piece[6], piece[7]]
    page = split_page(page_text)
    assert [(a.title, a.byline) for a in page.articles] == [(A_TITLE, "张伟"), (B_TITLE, "李明")]
    assert [[b.text for b in a.blocks] for a in page.articles] == [[A_P1, A_P2], [B]]
    assert apply_changes(page_text, page.changes) == page.text


def test_columns_that_would_not_balance_are_not_interleaved() -> None:
    # B's second column is 6 lines longer than its first (a second paragraph after it): CSS balances an
    # article's columns (BALANCE_SLACK lines at most), so B's blocks are not two columns of one article.
    # (Nor is a strip opened at A's byline alone, to read A's first column then its byline, B's title
    # and first column then A's second: a byline is read right after the block printed before it.)
    more = "\n".join(_set("各地还将同步完善社区养老托育等配套设施，补齐公共服务短板，让居民住得更舒心。"))
    text = "\n\n".join([A_TITLE, A_COLUMN_1, B_TITLE, B_COLUMN_1, A_COLUMN_2, "（记者 张伟）", B_COLUMN_2 + "\n" + more, "（记者 李明）"]) + "\n"
    assert len(B_COLUMN_2.split("\n")) + len(_set("各地还将同步完善社区养老托育等配套设施，补齐公共服务短板，让居民住得更舒心。")) - len(B_COLUMN_1.split("\n")) > BALANCE_SLACK
    assert reading_order(text) is None


def test_a_blank_line_after_every_line_is_no_extractor_box() -> None:
    # The generator pages that print a blank line after every line (corpora/pages) hold one line a
    # block: no extractor's boxes to read in another order (BOX_LINES).
    text = "\n\n".join(PDFMINER_PAGE.split("\n")) + "\n"
    assert reading_order(text) is None


# Three columns of 3, 3 and 2 lines (C) and 3, 2 and 2 (D), every column broken inside a sentence;
# pdfminer prints the first column of both articles, then the second, then the third.
C = "省统计局近日发布的数据显示，今年前三季度全省规模以上工业增加值同比增长百分之五点二，其中电子信息业增加值增长百分之八点六，新材料制造业增加值增长百分之十二点四，新动能持续壮大。"
D = "市文化广电旅游局数据测算，中秋节假期全市国内游客出游三十万人次，按可比口径同比增长百分之九，实现国内游客出游总花费七千多万元，文旅消费持续回暖。"
C_TITLE, D_TITLE = "工业生产稳中有进", "假期文旅市场火热"


def test_three_columns_are_read_back() -> None:
    c, d = _set(C), _set(D)
    assert (len(c), len(d)) == (8, 7)
    c_cols = ["\n".join(c[:3]), "\n".join(c[3:6]), "\n".join(c[6:])]
    d_cols = ["\n".join(d[:3]), "\n".join(d[3:5]), "\n".join(d[5:])]
    printed = [C_TITLE, c_cols[0], D_TITLE, d_cols[0], c_cols[1], d_cols[1], c_cols[2], "（记者 王磊）", d_cols[2], "（记者 赵敏）"]
    page_text = "\n\n".join(printed) + "\n"
    page = split_page(page_text)
    assert [(a.title, a.byline) for a in page.articles] == [(C_TITLE, "王磊"), (D_TITLE, "赵敏")]
    assert [[b.text for b in a.blocks] for a in page.articles] == [[C], [D]]
    assert apply_changes(page_text, page.changes) == page.text


def test_split_and_repair_read_in_order_unless_asked_not_to() -> None:
    page = split_page(PDFMINER_PAGE)
    assert [[b.text for b in a.blocks] for a in page.articles] == [[A], [B]]
    printed = split_page(PDFMINER_PAGE, reorder=False)
    assert not any(c.rule == "reorder" for c in printed.changes)
    assert [b.text for b in printed.articles[0].blocks] != [A]
    assert not any(c.rule == "reorder" for c in repair(PDFMINER_PAGE, reorder=False).changes)


def test_a_part_with_a_blank_line_after_every_line_is_read_as_printed() -> None:
    # Three articles set in full (C, D and A: 22 lines in one block, then a byline) before the pdfminer
    # page printed with a blank line after every line (17 lines): the page holds 41 lines in 20
    # blocks, more than BOX_LINES a block, but the part that would be read as strips holds one a
    # block (BOX_LINES is asked of each group too).
    whole = "\n".join(_set(C) + _set(D) + _set(A))
    lines = [ln for ln in PDFMINER_PAGE.split("\n") if ln]
    text = "\n\n".join([C_TITLE, whole, "（记者 王磊）", *lines]) + "\n"
    assert (len(whole.split("\n")), len(lines)) == (22, 17) and 41 >= BOX_LINES * 20
    assert reading_order(text) is None


# A paragraph's first line that pdfminer boxed alone (a blank line after it): short of the column by
# the indent, before the paragraph's lines at the column's width (12 characters, 24 display units).
FIRST_ALONE_PAGE = (
    "央视网消息（新闻联播）：今\n年各地抓紧春耕生产，全国已\n播种粮食面积超过三亿亩。\n\n"
    "各地农机手抢抓农时作\n\n"
    "业，确保应种尽种，进度快于\n上年同期，早稻栽插已基本完\n成。\n"
)


def _blocks(text: str):
    from textfix.lines import cut_lines
    from textfix.order import blocks_of

    return blocks_of(cut_lines(text), text)


def test_a_first_line_boxed_alone_is_a_line_of_text_not_a_heading() -> None:
    from textfix.order import _column_lines, _first_lines_alone, _Page, _seam_costs

    blocks = _blocks(FIRST_ALONE_PAGE)
    assert [len(b) for b in blocks] == [3, 1, 3]
    assert _first_lines_alone(blocks) == [False, True, False]
    # It counts in the columns' balance and opens no article (a subhead would do neither).
    assert _column_lines(blocks)[1] == 1
    page = _Page(blocks, _seam_costs(blocks))
    assert page.can_start == [True, False, False]
    assert page.texts == [0, 1, 2, 3]  # a block of text: it may fill an article's first column


def test_a_title_over_a_lead_is_no_first_line_alone() -> None:
    from textfix.order import _first_lines_alone

    # The same width, but a lead comes next: a title (its article's first block), not a paragraph's line.
    text = "春耕生产有序推进农机\n\n" + FIRST_ALONE_PAGE
    assert _first_lines_alone(_blocks(text))[0] is False


def test_strips_are_cut_where_the_articles_keep_to_their_topics() -> None:

    # Strip 1: article A's segment (block 0), B's (block 1); strip 2: blocks 2, 3, 4 of a line each.
    # Every seam of the print order breaks a sentence; cutting strip 2 after block 2 or after block
    # 3 mends them alike and balances as well (2 and 2 lines against 1 and 2, or 2 and 1), and the
    # join into block 3 costs the language model more.  Block 3 shares B's bigrams, not A's: B's.
    grams = [{"春耕", "农机"}, {"小区", "改造"}, {"春耕"}, {"小区", "改造"}, {"小区"}]
    before = [0, 2, 4, 5, 6, 7]

    def cost(x: int, y: int) -> tuple[int, float]:
        return (int(y == x + 1), 0.5 if y == 3 and x != 2 else 0.0)

    found = _interleave([0, 2], 5, cost, [True] * 5, [True] * 5, [False] * 5, before, grams)
    assert found is not None
    assert found[1] == [0, 2, 1, 3, 4]


def test_segments_on_their_articles_topics_go_before_more_articles_apart() -> None:

    # Three blocks in each strip; only the print order's seam from the first strip's last block into
    # the second's first breaks a sentence.  Read as three articles apart (0+3, 1+4, 2+5) nothing
    # breaks, but block 3 (小区) shares no bigram with block 0 (春耕) and one with the rest of the
    # first strip (block 1), block 4 likewise with block 1 against block 0: two segments off their
    # article's topic.  Read with 0 and 1 as one article (0, 1 + 3, 4; then 2 + 5), nothing breaks
    # and no segment is off topic: that reading goes first, though it holds fewer articles.
    grams = [{"春耕"}, {"小区"}, {"统计"}, {"小区"}, {"春耕"}, {"统计"}]
    before = [0, 2, 4, 6, 8, 10, 12]

    def cost(x: int, y: int) -> tuple[int, float]:
        return (int((x, y) == (2, 3)), 0.0)

    found = _interleave([0, 3], 6, cost, [True] * 6, [True] * 6, [False] * 6, before, grams)
    assert found is not None and found[1] == [0, 1, 3, 4, 2, 5]


def test_a_column_read_to_end_on_a_paragraphs_first_line_is_off() -> None:
    # train1203 page-022's shape: A's first column (block 0, 4 lines); B's (1, 2 lines), then a
    # paragraph's first line boxed alone (2) and its next two lines (3); then A's second column (4, 3
    # lines), B's (5, 3 lines).  No seam breaks a sentence.  The second strip cut at 3, A's columns
    # balance 4 to 2+3 and B's 3 to 3 (imbalance 1); cut at 4, 4 to 3 and 5 to 3 (imbalance 3): balance
    # alone reads block 3 as A's, which leaves B's first column ending on block 2, a first line whose
    # paragraph goes on in B's second column's three lines, which CSS never sets (orphans).
    before = [0, 4, 6, 7, 9, 12, 15]
    can_start = [True, True, False, False, True, True]
    first_alone = [False, False, True, False, False, False]

    def cost(x: int, y: int) -> tuple[int, float]:
        return (0, 0.0)

    def read(cut: int, alone=None):
        return _interleave([0, cut], 6, cost, can_start, [True] * 6, [False] * 6, before, [set()] * 6,
                           first_alone=alone)

    assert read(3)[1] == [0, 3, 4, 1, 2, 5] and read(4)[1] == [0, 4, 1, 2, 3, 5]
    assert read(3)[0] < read(4)[0]
    assert read(4, first_alone)[0] < read(3, first_alone)[0]


def test_a_first_line_at_a_columns_foot_is_orphaned_unless_one_line_ends_its_paragraph() -> None:
    from textfix.order import _orphaned

    # Blocks: 0 a first line boxed alone, 1 three lines, 2 one line that ends its paragraph, 3 one line
    # that does not (column lines before each block: 0, 1, 4, 5, 6).
    first_alone = [True, False, False, False]
    closed = [False, True, True, False]
    before = [0, 1, 4, 5, 6]
    assert _orphaned(0, 1, first_alone, closed, before)
    assert not _orphaned(0, 2, first_alone, closed, before)  # a paragraph of two lines, cut 1 | 1
    assert _orphaned(0, 3, first_alone, closed, before)
    assert not _orphaned(1, 3, first_alone, closed, before)


def test_for_topics_a_later_paragraph_goes_with_the_article_it_keeps_to() -> None:
    # train33 page-003's shape: A's first column (block 0, 10 lines), B's (1, 11 lines), then the
    # second strip: A's paragraph (2, 7 lines), B's two (3, 3 lines; 4, 10 lines).  No seam breaks a
    # sentence, each block ends a paragraph.  Cut after 3, A's columns balance 10 to 10 and B's 11 to
    # 10; cut after 2, 10 to 7 and 11 to 13 (both within BALANCE_SLACK).  A's later segment 2 + 3
    # shares one bigram with A's first (春耕) and one with B's (小区): on its topic as a whole, but its
    # tail after a paragraph's end (block 3) shares none with A and one with B.  The broken-sentence
    # search weighs balance first (A: 0 | 2 3); the search for topics, where no sentence tells, reads
    # that paragraph with B.
    grams = [{"春耕", "农机"}, {"小区", "改造"}, {"春耕"}, {"小区"}, {"小区", "改造"}]
    before = [0, 10, 21, 28, 31, 41]

    def cost(x: int, y: int) -> tuple[int, float]:
        return (0, 0.0)

    args = ([0, 2], 5, cost, [True] * 5, [True] * 5, [False] * 5, before, grams)
    assert _interleave(*args)[1] == [0, 2, 3, 1, 4]
    assert _interleave(*args, topical=True)[1] == [0, 2, 1, 3, 4]


# A's second paragraph fills its last line (12 characters, 尽种。 at the column's edge): it may go on in
# the next column, so it ends no article for sure, and B's second column after it breaks nothing.
A_P2_FULL = "各地农机手抢抓农时作业，早稻栽插基本完成，各类农资供应充足，化肥价格总体平稳，确保应种尽种。"


def _floated_page(header_first: bool) -> tuple[str, list[str]]:
    """Page 4 in two strips; the header's sections (体育 Sports, floated right of the page number) at
    the top of the right strip, printed after the left strip's text, or with the page number."""
    a_1, a_2 = "\n".join(_set(A_P1)), "\n".join(_set(A_P2_FULL))
    assert _set(A_P2_FULL)[-1] == "总体平稳，确保应种尽种。"
    if header_first:
        printed = ["4", "体育 Sports", A_TITLE, a_1, B_TITLE, B_COLUMN_1, a_2, B_COLUMN_2, "（记者 李明）"]
    else:
        printed = ["4", A_TITLE, a_1, B_TITLE, B_COLUMN_1, "体育 Sports", a_2, B_COLUMN_2, "（记者 李明）"]
    return "\n\n".join(printed) + "\n", printed


def _read_blocks(text: str, printed: list[str]) -> list[int] | None:
    at = [text.index(block) for block in printed]
    spans = reading_order(text)
    return None if spans is None else [at.index(lo) for lo, _ in spans]


def _strips_read(text: str) -> list[int] | None:
    """The strip search's reading of *text*'s boxes (bands too), or None."""
    from textfix.lines import BylineFinder
    from textfix.order import MIN_BROKEN, _strips_foot, _strips_past_header, boxes

    blocks = boxes(text, BylineFinder())
    return _strips_past_header(blocks, _strips_foot(blocks), MIN_BROKEN, None)


def test_one_broken_sentence_is_read_as_strips_when_no_move_explains_it() -> None:
    # Only B's first column before A's second paragraph breaks a sentence (老旧|各地): fewer than
    # MIN_BROKEN, but no move of a block explains the page (MIN_BROKEN_UNMOVED): A's two columns,
    # then B's, the header as printed.
    text, printed = _floated_page(header_first=True)
    assert _read_blocks(text, printed) == [0, 1, 2, 3, 6, 4, 5, 7, 8]


def test_the_strip_search_is_asked_only_within_the_breaks_it_is_given(monkeypatch) -> None:
    # The page above breaks one sentence as printed: searched from one break up (to one, or without
    # a bound), not above a bound it passed already (the search after the moves is not asked again
    # of a page the first search found no reading for).
    import textfix.order as order
    from textfix.lines import BylineFinder

    text, _ = _floated_page(header_first=True)
    blocks = order.boxes(text, BylineFinder())
    stop = order._strips_foot(blocks)
    assert order.strip_reading(blocks, stop, 0, 1, None, False) is not None
    assert order.strip_reading(blocks, stop, 0, 1, 1, False) is not None
    monkeypatch.setattr(order, "_Page", None)  # the search's first step: not taken
    assert order.strip_reading(blocks, stop, 0, 2, None, False) is None
    assert order.strip_reading(blocks, stop, 0, 0, 0, False) is None


def test_the_header_sections_printed_among_the_columns_count_as_a_break() -> None:
    # The same page with the sections printed at the right strip's top: pdfminer read the left column
    # down first, which is one break more; the page is read back, the sections after the page number.
    text, printed = _floated_page(header_first=False)
    assert _read_blocks(text, printed) == [0, 5, 1, 2, 6, 3, 4, 7, 8]
    page = split_page(text)
    assert page.header is not None and page.header.get("section") == "体育"
    # (A has no byline: the split reads B's title as a subhead of A's, the text is whole and in order.)
    assert [b.text for a in page.articles for b in a.blocks] == [A_P1, A_P2_FULL, B_TITLE, B]


def test_no_strip_segment_opens_at_a_byline_alone() -> None:
    from textfix.order import _Page, _seam_costs

    # Strip 1: A's segment (block 0), B's (block 1); strip 2: A's text (2), A's byline alone (3), B's
    # text (4).  Cutting strip 2 before or after the byline breaks nothing; the language model would
    # rather open B's segment with it (a join into block 4 costs 0.5 but from block 3), but a byline
    # is set under its own article's text: read right after it.
    grams = [set(), set(), set(), set(), set()]
    before = [0, 2, 4, 6, 6, 8]

    def cost(x: int, y: int) -> tuple[int, float]:
        return (int(y == x + 1 and y != 4 and y != 3), 0.5 if y == 4 and x != 3 else 0.0)

    held = [False, False, False, True, False]
    found = _interleave([0, 2], 5, cost, [True] * 5, [True] * 5, held, before, grams)
    assert found is not None and found[1] == [0, 2, 3, 1, 4]
    assert _interleave([0, 2], 5, cost, [True] * 5, [True] * 5, [False] * 5, before, grams)[1] == [0, 2, 1, 3, 4]
    from textfix.lines import BylineFinder, cut_lines
    from textfix.order import blocks_of

    text = "央视网消息（新闻联播）：今\n年各地抓紧春耕生产。\n\n（记者 张伟）\n"
    blocks = blocks_of(cut_lines(text, bylines=BylineFinder()), text)
    assert _Page(blocks, _seam_costs(blocks)).held == [False, True]


def test_a_byline_wrapped_over_a_blocks_last_two_lines_ends_its_article() -> None:
    # A's byline, at the end of its last paragraph, wrapped as any text: （记者 / 张伟）.  A's column
    # ends its article, so B's second column after it breaks a sentence: with A's first column before
    # B's title, two sentences, and the page is read back.
    a_2 = "年同期，其中早稻栽插已基\n本完成。各地农机手抢抓农\n时作业，应种尽种。（记者\n张伟）"
    printed = [A_TITLE, A_COLUMN_1, B_TITLE, B_COLUMN_1, a_2, B_COLUMN_2, "（记者 李明）"]
    text = "\n\n".join(printed) + "\n"
    assert _read_blocks(text, printed) == [0, 1, 4, 2, 3, 5, 6]
    page = split_page(text)
    assert [(a.title, a.byline) for a in page.articles] == [(A_TITLE, "张伟"), (B_TITLE, "李明")]


def test_more_articles_apart_go_before_more_bigrams_shared() -> None:

    # Three articles, a block each in each strip; only the print order's seam from C's first column
    # into A's second breaks a sentence.  Read apart (A, B, C) or with A and B as one segment, nothing
    # breaks; A and B's segments together share more bigrams (any union of blocks does: 3 and C's 1,
    # against 1 each apart), but the strips hold three articles, not two.
    grams = [{"春耕"}, {"小区", "农机"}, {"统计"}, {"春耕", "农机"}, {"小区"}, {"统计"}]
    before = [0, 2, 4, 6, 8, 10, 12]

    def cost(x: int, y: int) -> tuple[int, float]:
        return (int((x, y) == (2, 3)), 0.0)

    found = _interleave([0, 3], 6, cost, [True] * 6, [True] * 6, [False] * 6, before, grams)
    assert found is not None and found[1] == [0, 3, 1, 4, 2, 5]


def test_a_subhead_and_a_byline_in_a_column_count_in_its_balance() -> None:
    from textfix.order import _column_lines

    # A's first column holds nine lines; its second the paragraph's last two, a subhead of two lines,
    # a paragraph of two and the byline alone: seven lines set in the column (nine against seven is
    # balanced), though only four of them are paragraphs' (nine against four is not: BALANCE_SLACK).
    a_1 = ("省统计局近日发布的数\n据显示，前三季度全省规模\n以上工业增加值同比增长百\n分之五点八，增速比上半年\n"
           "加快零点二个百分点，其中\n装备制造业增长较快，高技\n术制造业增加值增长百分之\n九点一，对全部规模以上工\n"
           "业增长的贡献率超过四成，")
    a_2 = "工业生产总体保持稳中有进\n的态势。"
    subhead = "装备制造业和高技术制造\n业增势较好"
    a_3 = "新能源汽车产量保持\n较快增长，势头良好。"
    printed = [A_TITLE, a_1, B_TITLE, B_COLUMN_1, a_2, subhead, a_3, "（记者 张伟）", B_COLUMN_2, "（记者 李明）"]
    text = "\n\n".join(printed) + "\n"
    assert _read_blocks(text, printed) == [0, 1, 4, 5, 6, 7, 2, 3, 8, 9]
    # The titles are set above the columns: A's opens the page, B's comes before its lead.
    assert _column_lines(_blocks(text)) == [0, 9, 1, 2, 2, 2, 2, 1, 4, 1]
    lead_page = "\n\n".join([A_TITLE, a_1, B_TITLE, "央视网消息（新闻联播）：住\n房城乡建设部介绍，今年将"]) + "\n"
    assert _column_lines(_blocks(lead_page)) == [0, 9, 0, 2]


# One article in two columns of 12 characters, each of 8 lines, that pdfminer printed in horizontal
# bands: two one-line boxes side by side (line 5 of each column) make a pair it groups first, which cuts
# the columns into three bands, printed band by band, each band's part of column 1, then of column 2.
BAND_TITLE = "市图书馆延长开放时间"
BAND_COLUMN_1 = ["市图书馆从本月起延长", "开放时间，工作日晚间闭馆", "推迟到十点，周末也开放。", "馆方说夜间读者多为学生和",
                 "上班族，自习座位常常一座", "难求，今年馆里还将在二楼", "和三楼新增阅览座位三百个", "供读者使用。"]
BAND_COLUMN_2 = ["为方便读者借还，馆内", "新装了二十台自助借还机，", "读者刷证件即可办理，平均", "每本书用时不到十秒，高峰",
                 "时段不用排队。", "馆方还计划在各个社区", "设立分馆，让居民在家门口", "就能借到新书。"]
BAND_BYLINE = "（记者 王芳）"


def _banded(column_2: list[str], band_1: int) -> list[str]:
    """The band page's blocks as pdfminer prints them: column 1's lines 1-4 and column 2's first
    *band_1* lines, then the pair of one-line boxes, then the rest of each column and the byline."""
    c1, c2 = BAND_COLUMN_1, column_2
    parts = [c1[:4], c2[:band_1], c1[4:5], c2[band_1:band_1 + 1], c1[5:], c2[band_1 + 1:]]
    return [BAND_TITLE, *("\n".join(p) for p in parts), BAND_BYLINE]


def test_an_article_printed_in_bands_is_read_column_by_column() -> None:
    # Printed, column 1's band ends inside a sentence (…学生和) before column 2's first paragraph, and
    # column 2's paragraph end (…排队。) comes before column 1's text going on (难求，…): two broken
    # sentences.  Read column 1's parts, then column 2's, nothing breaks.
    printed = _banded(BAND_COLUMN_2, 4)
    text = "\n\n".join(printed) + "\n"
    assert _read_blocks(text, printed) == [0, 1, 3, 5, 2, 4, 6, 7]
    page = split_page(text)
    assert [(a.title, a.byline) for a in page.articles] == [(BAND_TITLE, "王芳")]
    assert [b.text for b in page.articles[0].blocks] == ["".join(BAND_COLUMN_1), "".join(BAND_COLUMN_2[:5]), "".join(BAND_COLUMN_2[5:])]
    assert apply_changes(text, page.changes) == page.text


def test_band_parts_that_do_not_stand_side_by_side_are_not_read_as_bands() -> None:
    # Column 2 a line longer in its first band (five lines against column 1's four): the pair of
    # one-line boxes after it would not stand side by side (BAND_SLACK), so the page is no article
    # printed in bands, though its columns balance (ten lines against eight: BALANCE_SLACK).
    # The boxes put back by the sentences they mend (_mended_order) read it column by column.
    column_2 = BAND_COLUMN_2[:2] + ["并且开通了网上续借服务，"] + BAND_COLUMN_2[2:]
    printed = _banded(column_2, 5)
    text = "\n\n".join(printed) + "\n"
    assert _strips_read(text) is None
    assert _read_blocks(text, printed) == [0, 1, 3, 5, 2, 4, 6, 7]


# An article in two columns of 15 characters whose first lines pdfminer boxed alone and paired (one
# line each, side by side): column 1's is the lead's first line (央视网消息…), printed before column
# 2's first line, then the rest of column 1, then of column 2 (train41 page-028).
LEAD_BAND_COLUMN_1 = ["央视网消息（新闻联播）：本", "市今年新建和改建城市公园四十多", "个，新增绿道总长一百二十公里，",
                      "市民出门五百米就能走进一处公园", "绿地，城市生态环境明显改善，居", "民的获得感不断增强。"]
LEAD_BAND_COLUMN_2 = ["园林部门表示，明年将继续推", "进口袋公园建设，在老城区见缝插", "绿，利用边角地和闲置地建设小型",
                      "游园六十处，并且完善公园照明、", "座椅和公共厕所等配套设施。"]


def test_an_article_whose_first_band_is_its_lead_line_alone_is_read_column_by_column() -> None:
    # Printed, the lead's first line (…本) comes before column 2's indented first line, and column 1's
    # paragraph end (…增强。) before column 2 going on (进口袋…): two broken sentences.  The first
    # band's part of column 1 is the lead's line alone, a one-line box without sentence punctuation
    # that looks like a heading: it opens the article all the same.
    c1, c2 = LEAD_BAND_COLUMN_1, LEAD_BAND_COLUMN_2
    printed = ["城市公园建设提速", c1[0], c2[0], "\n".join(c1[1:]), "\n".join(c2[1:]), "（记者 王芳）"]
    text = "\n\n".join(printed) + "\n"
    assert _read_blocks(text, printed) == [0, 1, 3, 2, 4, 5]


# An article in three columns of 14 characters: pdfminer boxed its first column whole and printed
# it first, then paired its second and third columns' boxes side by side, band by band (two lines
# each, then four each, the byline alone under the third column's text): train55 page-014,
# train53 page-029.
THREE_P1 = ("水利部有关负责人日前介绍说，过去一年各地持续推进河湖长制，全国累计清理整治河湖乱占乱采乱堆乱建问题四万多个，"
            "拆除违法建筑面积超过九百万平方米，清理非法占用河道岸线一千多公里，河湖面貌发生明显变化，一大批河湖重现水清岸绿的"
            "美丽景象，群众的获得感和幸福感不断增强，沿河村镇的人居环境也得到了改善，河湖管护水平进一步提高。")
THREE_P2 = "今年，水利部将继续开展河湖库保护治理行动，重点整治妨碍河道行洪的各类突出问题，推动河湖长制从有名有责走向有能有效，守护好江河湖泊。"


def _three_column_bands(first_column: int) -> list[str]:
    """The page's blocks as pdfminer prints them, the first column *first_column* lines long (the
    paragraph's first 12 lines: the first column's, then the second's, 2 and 4 lines)."""
    p1, p2 = _set(THREE_P1, 14), _set(THREE_P2, 14)
    c2 = p1[first_column:]
    parts = [p1[:first_column], c2[:2], p2[:2], c2[2:], p2[2:]]
    return ["河湖面貌明显改善", *("\n".join(p) for p in parts), "（记者 王芳）"]


def test_an_article_whose_later_two_columns_are_printed_in_bands_is_read_column_by_column() -> None:
    # Printed, the second column's first band stops inside a sentence (…水清岸绿的) before the third
    # column's first paragraph (今年，…), and the second column's paragraph end (…进一步提高。) comes
    # before the third going on (碍河道…): two broken sentences.  Read the first column, then the
    # second's parts, then the third's (six lines each), nothing breaks.
    printed = _three_column_bands(6)
    text = "\n\n".join(printed) + "\n"
    assert _read_blocks(text, printed) == [0, 1, 2, 4, 3, 5, 6]
    page = split_page(text)
    assert [(a.title, a.byline, [b.text for b in a.blocks]) for a in page.articles] == [
        ("河湖面貌明显改善", "王芳", [THREE_P1, THREE_P2])]


def test_a_first_column_far_longer_than_the_banded_two_is_not_read_before_them_as_strips() -> None:
    # The same page with a first column of eight lines over bands of two lines and two (the rest of
    # the paragraph): 8 lines against 4 and 4 + 1 stands more than BALANCE_SLACK off both, so the
    # first column printed whole is not read before the two banded columns as strips.  Put back by the
    # sentences they mend (_mended_order), the boxes read the two paragraphs whole all the same.
    printed = _three_column_bands(8)
    text = "\n\n".join(printed) + "\n"
    assert _strips_read(text) is None
    assert _read_blocks(text, printed) == [0, 1, 2, 4, 3, 5, 6]


# A's last two lines boxed apart and printed inside B's column, between B's lead box and the rest of
# its sentence (train2931 page-004: pdfminer groups a column's last box with the boxes its neighbours
# fall among, not as strips).  A's column of nine lines and the two apart stand off balance
# (BALANCE_SLACK): no strips read it.  As printed, A's column (…各地还组织农) runs into B's title and
# A's end (…问题。) into A's byline, that into B's text (小区四万个…): put back, nothing breaks.
A_MORE = "今年春耕期间，各地还组织农技人员下田指导，帮助农户解决实际问题。"
B_LEAD = "新华社北京4月3日电"


def test_a_columns_last_box_printed_inside_the_next_article_is_put_back_by_the_sentences_it_mends() -> None:
    a, b = _set(A + A_MORE), _set(B_LEAD + B)
    printed = [A_TITLE, "\n".join(a[:-2]), B_TITLE, "\n".join(b[:2]), "\n".join(a[-2:]), "（记者 张伟）",
               "\n".join(b[2:]), "（记者 李明）"]
    text = "\n\n".join(printed) + "\n"
    assert _strips_read(text) is None
    assert _read_blocks(text, printed) == [0, 1, 4, 5, 2, 3, 6, 7]
    page = split_page(text)
    assert [(x.title, x.byline, [bl.text for bl in x.blocks]) for x in page.articles] == [
        (A_TITLE, "张伟", [A + A_MORE]), (B_TITLE, "李明", [B_LEAD + B])]
    assert apply_changes(text, page.changes) == page.text


# Two articles in two columns of 14 characters, each column one paragraph that ends a sentence:
# pdfminer prints A's first column, B's title and first column, then A's second column and B's
# (train43 page-038).  No seam breaks a sentence; A's second column keeps to A's topic (春耕, 粮食).
TOPIC_A_1 = "央视网消息（新闻联播）：今年春耕生产进展顺利，全国已播种粮食面积超过三亿亩，春播粮食进度快于上年同期。"
TOPIC_A_2 = "各地农机手抢抓农时开展春耕作业，春播粮食生产机械化水平继续提高，全国粮食播种做到应种尽种。"
TOPIC_B_1 = "新华社北京3月5日电住房城乡建设部介绍，今年计划开工改造城镇老旧小区四万个，惠及居民八百万户。"
TOPIC_B_2 = "老旧小区改造将同步推进适老化改造，在有条件的楼栋加装电梯两万部，让老旧小区居民住得更加舒心。"


def _topic_page(a_1: str, b_1: str) -> tuple[str, list[str]]:
    printed = [A_TITLE, "\n".join(_set(a_1, 14)), B_TITLE, "\n".join(_set(b_1, 14)), "\n".join(_set(TOPIC_A_2, 14)),
               "\n".join(_set(TOPIC_B_2, 14)), "（记者 李明）"]
    return "\n\n".join(printed) + "\n", printed


def test_a_column_printed_under_another_article_is_read_with_the_article_it_keeps_to() -> None:
    # Read as printed, B would hold A's second column; it shares A's first column's bigrams, none of
    # B's: A's two columns, then B's (strips, though no sentence is broken either way).
    text, printed = _topic_page(TOPIC_A_1, TOPIC_B_1)
    assert _read_blocks(text, printed) == [0, 1, 4, 2, 3, 5, 6]
    page = split_page(text)
    assert [(a.title, [b.text for b in a.blocks]) for a in page.articles] == [
        (A_TITLE, [TOPIC_A_1, TOPIC_A_2]), (B_TITLE, [TOPIC_B_1, TOPIC_B_2])]


def test_columns_without_a_lead_are_not_read_again_for_their_topics() -> None:
    # The same page without the leads (央视网消息, 新华社…电): a first column may be a sub-story's under a
    # subhead, no article of its own, so the topics are not asked and the print order stands.
    a_1 = "今年春耕生产进展顺利，全国已播种粮食面积超过三亿亩，春播粮食进度快于上年同期，各地抓紧农时。"
    b_1 = "住房城乡建设部介绍，今年计划开工改造城镇老旧小区四万个，惠及居民八百万户，改造全面铺开。"
    text, printed = _topic_page(a_1, b_1)
    assert _read_blocks(text, printed) is None


def test_a_byline_wrapped_into_a_box_of_its_own_ends_the_block_before_it() -> None:
    from textfix.lines import BylineFinder
    from textfix.order import _byline_alone, _closes, boxes

    # pdfminer boxed the byline's short rest (芳）) apart from the line it wrapped from.
    text = "今年馆里还将新增阅览座位三\n百个，供读者使用。（记者 王\n\n芳）\n"
    before, rest = boxes(text, BylineFinder())
    assert _closes(before) and _byline_alone(rest)



def test_a_last_column_left_unfinished_by_a_garbled_mark_is_read_back() -> None:
    # Titles set at the page's foot (corpora/typeset/make_pages.py, titles "end"); B opens with its
    # lead (本报讯) and its last column ends on a garbled full stop the repair did not mend (…八百万户遥):
    # it ends no sentence, yet three lines are no title, so the foot starts after it and B's second
    # column is read after its first.
    b = _set("本报讯" + B.removesuffix("。") + "遥")
    assert (b[2], b[-1]) == ("镇老旧小区四万个，并在有", "及居民八百万户遥")
    printed = [A_COLUMN_1, "\n".join(b[:3]), A_COLUMN_2, "（记者 张伟）", "\n".join(b[3:]), A_TITLE, B_TITLE]
    text = "\n\n".join(printed) + "\n"
    assert _read_blocks(text, printed) == [0, 2, 3, 1, 4, 5, 6]


def _garbled_page(a_column_2: str) -> tuple[str, list[str]]:
    printed = [A_TITLE, A_COLUMN_1, B_TITLE, B_COLUMN_1, a_column_2, B_COLUMN_2]
    return "\n\n".join(printed) + "\n", printed


def test_a_column_that_ends_on_a_short_line_in_a_garbled_full_stop_ends_its_article() -> None:
    from textfix.lines import BylineFinder

    # A's last column ends on a garbled full stop the repair read against B's column printed next
    # (农时作业遥 / 小区四万个…: train2911 page-006, 过大年遥 / 程”更紧密): its last line is short of the
    # column, so a sentence ends there (layout's _short_garbled_end), and A's strip ends with it.
    garbled = BylineFinder(end_forms="遥", mark_forms=(("。", "遥"),))
    text, printed = _garbled_page(A_COLUMN_2.replace("，确保应种尽种。", "遥"))
    assert text.count("时作业遥\n") == 1
    at = [text.index(block) for block in printed]
    assert [at.index(lo) for lo, _ in reading_order(text, garbled)] == [0, 1, 4, 2, 3, 5]
    # As wide as the column, the line may run on into the next: no strip is cut after it.
    text, printed = _garbled_page(A_COLUMN_2.replace("，确保应种尽种。", "，确保应种尽种遥"))
    assert reading_order(text, garbled) is None


def test_a_byline_line_under_a_title_opens_a_later_strips_segment_and_is_read_first() -> None:

    # Strip 1: A's first column (block 0), B's (block 1, its lead); strip 2: A's second column (2),
    # B's byline line under its title (3: 本报记者 张伟, centred across B's columns, boxed with the
    # second), B's second column (4).  Only A 0→2, A's end→B's byline→B's lead and B 1→4 join; the
    # byline counts no column line (2 and 2 lines per article).  It opens B's segment of strip 2 and
    # is read before B's first: 0, 2, 3, 1, 4; read in its place (no floating block) every reading
    # of the strips breaks as many sentences as the print order.
    right = {(0, 2), (2, 3), (3, 1), (1, 4)}

    def cost(x: int, y: int) -> tuple[int, float]:
        return (int((x, y) not in right), 0.0)

    grams = [set()] * 5
    before = [0, 2, 4, 6, 6, 8]
    closed = [True, True, True, False, True]  # the byline line ends no article: A's segment does not end after it
    floats = [False, False, False, True, False]
    found = _interleave([0, 2], 5, cost, [True] * 5, closed, [False] * 5, before, grams, None, floats)
    assert found is not None and found[1] == [0, 2, 3, 1, 4]
    assert found[0][0] == -3  # print: 0→1, 1→2, 3→4 broken; the reading breaks none
    plain = _interleave([0, 2], 5, cost, [True] * 5, closed, [False] * 5, before, grams)
    assert plain is None or plain[0][0] >= 0


def test_a_byline_line_under_a_title_is_no_article_s_that_ends_with_its_byline() -> None:
    # The page above, B's second column (block 4) ending with B's byline (…（记者 李明）): B is signed
    # there, so the byline line printed at the top of strip 2 is another article's, not lifted before
    # B's lead.  Asked of no block (None), B's reading above is found.
    right = {(0, 2), (2, 3), (3, 1), (1, 4)}

    def cost(x: int, y: int) -> tuple[int, float]:
        return (int((x, y) not in right), 0.0)

    grams = [set()] * 5
    before = [0, 2, 4, 6, 6, 8]
    closed = [True, True, True, False, True]
    floats = [False, False, False, True, False]
    args = ([0, 2], 5, cost, [True] * 5, closed, [False] * 5, before, grams, None, floats)
    assert _interleave(*args, bylined=None)[1] == [0, 2, 3, 1, 4]
    assert _interleave(*args, bylined=[False] * 5)[1] == [0, 2, 3, 1, 4]
    found = _interleave(*args, bylined=[False, False, False, False, True])
    assert found is None or found[1].index(3) > found[1].index(1)


def test_a_last_column_closed_by_its_byline_may_stand_short_inside_a_group() -> None:
    from textfix.order import LAST_SHORT_SLACK

    # Strip 1: A's first column (block 0), B's (block 1), 10 lines each; strip 2: A's second column
    # (block 2), short of the first by BALANCE_SLACK + LAST_SHORT_SLACK lines, then B's (block 3), 10
    # lines.  Every seam but the reading's (0-2, 2-1, 1-3) breaks a sentence.  A's short column is no
    # group's last (B's follows it in strip 2): balanced only where it ends with A's byline.
    right = {(0, 2), (2, 1), (1, 3)}

    def cost(x: int, y: int) -> tuple[int, float]:
        return (int((x, y) not in right), 0.0)

    short = 10 - BALANCE_SLACK - LAST_SHORT_SLACK
    before = [0, 10, 20, 20 + short, 30 + short]
    args = ([0, 2], 4, cost, [True] * 4, [True] * 4, [False] * 4, before, [set()] * 4)
    assert _interleave(*args, bylined=[False] * 4) is None
    found = _interleave(*args, bylined=[False, False, True, False])
    assert found is not None and found[1] == [0, 2, 1, 3]


def test_a_byline_line_boxed_amid_its_articles_first_column_is_read_before_its_lead() -> None:
    # Titles at the page's foot, A's byline line (本报记者 张伟) set across A's columns' top: pdfminer
    # boxed it amid A's first column, inside a sentence (block 0, A's lead, …并 | 1, the byline |
    # 2, 在各公园…, as INSET_BYLINE_PAGE prints it), then B's lead (3); strip 2 holds A's second
    # column (4) and B's (5).  The seams into and out of the byline read on (nothing broken, as
    # _seam_costs has them), and 0→2 joins.  The byline opens no article there: A's first segment
    # holds it, and it is read before A's lead: 1, 0, 2, 4, 3, 5 breaks none of the print order's 3.
    right = {(0, 1), (1, 2), (0, 2), (1, 0), (2, 4), (4, 3), (3, 5)}

    def cost(x: int, y: int) -> tuple[int, float]:
        return (int((x, y) not in right), 0.0)

    before = [0, 2, 2, 4, 8, 12, 16]  # the byline line counts no column line: 4 and 4 lines an article
    can_start = [True, True, False, True, False, False]
    closed = [False, False, False, False, True, True]
    leads = [True, True, False, True, False, False]
    floats = [False, True, False, False, False, False]
    found = _interleave([0, 4], 6, cost, can_start, closed, [False] * 6, before, [set()] * 6, None, floats,
                        leads=leads)
    assert found is not None and found[1] == [1, 0, 2, 4, 3, 5] and found[0][0] == -3


def test_a_byline_line_amid_a_segment_that_opens_at_no_lead_is_not_lifted() -> None:
    # The page above with A's first block no lead (a paragraph's text, train67 page-027's case: the
    # segment is no article's first, its byline line heads another): the byline line stays a lead
    # that opens another article after text, and is never read before block 0.
    right = {(0, 1), (1, 2), (0, 2), (1, 0), (2, 4), (4, 3), (3, 5)}

    def cost(x: int, y: int) -> tuple[int, float]:
        return (int((x, y) not in right), 0.0)

    before = [0, 2, 2, 4, 8, 12, 16]
    found = _interleave([0, 4], 6, cost, [True, True, False, True, False, False], [False, False, False, False, True, True],
                        [False] * 6, before, [set()] * 6, None, [False, True, False, False, False, False],
                        leads=[False, True, False, True, False, False])
    # No reading at all (derived): block 0 is no lead, so the byline line amid its segment is not
    # lifted over it; a lead after text, block 1 ends that segment, and block 3 (a lead after text,
    # block 2 can start nothing) the next: the first strip holds three articles' segments ([0],
    # [1, 2], [3]), the second strip only two blocks, one segment each at most.
    assert found is None


def test_a_first_strip_may_hold_two_columns_of_every_article() -> None:

    # Three columns an article, four lines each: pdfminer groups A's first two columns (blocks 0, 1)
    # and B's (2, 3), then the third columns (A's 4, B's 5).  Only 0→1→4→2→3→5 joins.  Read as one
    # column a strip, no article balances (8 lines against 4); two columns wide, each first segment
    # parts at a box into 4 and 4 lines and holds twice the second strip's.
    right = {(0, 1), (1, 4), (4, 2), (2, 3), (3, 5)}

    def cost(x: int, y: int) -> tuple[int, float]:
        return (int((x, y) not in right), 0.0)

    args = ([0, 4], 6, cost, [True, False, True, False, True, True], [True] * 6, [False] * 6, [0, 4, 8, 12, 16, 20, 24],
            [set()] * 6)
    found = _interleave(*args, None, None, 2)
    assert found is not None and found[1] == [0, 1, 4, 2, 3, 5] and found[0][0] == -3
    assert _interleave(*args) is None


def test_a_later_strip_may_hold_the_second_and_third_columns_of_every_article() -> None:
    from textfix.order import _strip_cuts

    # Three columns an article, four lines each: pdfminer prints A's first column (block 0), B's (1),
    # then A's second and third columns (2, 3) and B's (4, 5).  Only 0→2→3→1→4→5 joins.  Read as one
    # column a strip, no article balances (4 lines against 8); the second strip two columns wide,
    # each of its segments holds twice the first strip's.
    right = {(0, 2), (2, 3), (3, 1), (1, 4), (4, 5)}

    def cost(x: int, y: int) -> tuple[int, float]:
        return (int((x, y) not in right), 0.0)

    before, can_start = [0, 4, 8, 12, 16, 20, 24], [True, True, False, False, False, False]
    assert (1, 2, [2]) in list(_strip_cuts(0, 2, 6, before, can_start))
    args = ([0, 2], 6, cost, can_start, [True] * 6, [False] * 6, before, [set()] * 6)
    found = _interleave(*args, None, None, 1, None, 2)
    assert found is not None and found[1] == [0, 2, 3, 1, 4, 5] and found[0][0] == -3
    assert _interleave(*args) is None
    # B's second and third columns one box of eight lines: 8 against 4 balances two to one by chance,
    # but no box ends a column inside it: no reading two columns wide.
    merged = ([0, 2], 5, lambda x, y: (int((x, y) not in {(0, 2), (2, 3), (3, 1), (1, 4)}), 0.0), can_start[:5],
              [True] * 5, [False] * 5, [0, 4, 8, 12, 16, 24], [set()] * 5)
    assert _interleave(*merged, None, None, 1, None, 2) is None


def test_a_first_strip_two_columns_wide_parts_at_a_box() -> None:

    # The same page with A's and B's first segments one box of eight lines each: 8 against 4 balances
    # two to one by chance, but no box ends a column inside them: no reading two columns wide.
    right = {(0, 2), (2, 1), (1, 3)}

    def cost(x: int, y: int) -> tuple[int, float]:
        return (int((x, y) not in right), 0.0)

    found = _interleave([0, 2], 4, cost, [True] * 4, [True] * 4, [False] * 4, [0, 8, 16, 20, 24], [set()] * 4, None, None, 2)
    assert found is None


def test_no_first_strip_segment_holds_a_lead_after_its_text() -> None:

    # Strip 1: A's text (block 0, two lines), B's lead (1, two lines), C's lead (2); strip 2: blocks
    # 3 and 4.  Reading A's segment as 0 and 1 (4 lines against block 3's 4) breaks nothing under
    # these costs, but B's lead after A's text opens another article: no such segment, no reading.
    right = {(0, 1), (1, 3), (3, 2), (2, 4)}

    def cost(x: int, y: int) -> tuple[int, float]:
        return (int((x, y) not in right), 0.0)

    args = ([0, 3], 5, cost, [True] * 5, [True] * 5, [False] * 5, [0, 2, 4, 8, 12, 16], [set()] * 5, [0, 1, 2, 3, 4, 5])
    assert _interleave(*args)[1] == [0, 1, 3, 2, 4]  # the lead not known as one
    found = _interleave(*args, None, 1, [False, True, True, False, False])
    assert found is None or found[1] != [0, 1, 3, 2, 4]


def test_a_third_column_is_no_longer_than_the_first_two() -> None:

    # A's first segment parts into two columns of two lines (blocks 0, 1), its third column is four
    # (block 4): twice four against four is within twice BALANCE_SLACK, but CSS fills the columns in
    # turn and the last is never longer than the longest by two lines.  B likewise (2, 3 and 5).
    right = {(0, 1), (1, 4), (4, 2), (2, 3), (3, 5)}

    def cost(x: int, y: int) -> tuple[int, float]:
        return (int((x, y) not in right), 0.0)

    found = _interleave([0, 4], 6, cost, [True, False, True, False, True, True], [True] * 6, [False] * 6,
                        [0, 2, 4, 6, 8, 12, 16], [set()] * 6, None, None, 2)
    assert found is None



def test_a_third_column_may_stand_a_line_longer_than_the_first_two() -> None:

    # As above, but the third columns hold three lines (blocks 4 and 5): CSS's balancing leaves the
    # last column a line longer than the two before it (train31 page-021's 10, 10 and 11 lines), so
    # each article reads its two columns, then its third: A is 0, 1, 4 and B 2, 3, 5.
    right = {(0, 1), (1, 4), (4, 2), (2, 3), (3, 5)}

    def cost(x: int, y: int) -> tuple[int, float]:
        return (int((x, y) not in right), 0.0)

    found = _interleave([0, 4], 6, cost, [True, False, True, False, True, True], [True] * 6, [False] * 6,
                        [0, 2, 4, 6, 8, 11, 14], [set()] * 6, None, None, 2)
    assert found is not None and found[1] == [0, 1, 4, 2, 3, 5]


def test_the_last_column_of_a_groups_last_article_may_stand_shorter() -> None:
    from textfix.order import LAST_SHORT_SLACK

    # Strip 1: A's first column (block 0, ten lines), B's (1, ten lines); strip 2: A's second (2, ten
    # lines), B's second (3, six lines).  B's columns stand four lines apart, more than BALANCE_SLACK:
    # CSS filled B's first column to the balanced height and the last took what was left.  B ends the
    # group (its segments end where the strips do), so its last column may stand LAST_SHORT_SLACK
    # lines shorter still: each article reads its two columns, A 0, 2 and B 1, 3.
    assert BALANCE_SLACK < 10 - 6 <= BALANCE_SLACK + LAST_SHORT_SLACK
    right = {(0, 2), (2, 1), (1, 3)}

    def cost(x: int, y: int) -> tuple[int, float]:
        return (int((x, y) not in right), 0.0)

    found = _interleave([0, 2], 4, cost, [True] * 4, [True] * 4, [False] * 4, [0, 10, 20, 30, 36], [set()] * 4)
    assert found is not None and found[1] == [0, 2, 1, 3]


def test_only_a_groups_last_article_may_have_a_short_last_column() -> None:
    # A guard against widening LAST_SHORT_SLACK to every article: it passes without the slack too
    # (it cannot fail for want of the change, only for too much of it).
    # The same strips with A's second column six lines (block 2) and B's ten (3): A's columns stand
    # four lines apart, and A is no group's last article (B's segment follows in each strip): its
    # columns do not balance, no reading.
    right = {(0, 2), (2, 1), (1, 3)}

    def cost(x: int, y: int) -> tuple[int, float]:
        return (int((x, y) not in right), 0.0)

    assert _interleave([0, 2], 4, cost, [True] * 4, [True] * 4, [False] * 4, [0, 10, 20, 26, 36], [set()] * 4) is None


def test_any_articles_last_column_may_stand_short_where_asked() -> None:
    from textfix.order import LAST_SHORT_SLACK

    # The page of the test above, A's columns ten and six lines: with *short_last* A's last column may
    # stand as short as a group's last article's (CSS's widows and orphans pushed A's lines on).
    right = {(0, 2), (2, 1), (1, 3)}

    def cost(x: int, y: int) -> tuple[int, float]:
        return (int((x, y) not in right), 0.0)

    assert BALANCE_SLACK < 10 - 6 <= BALANCE_SLACK + LAST_SHORT_SLACK
    found = _interleave([0, 2], 4, cost, [True] * 4, [True] * 4, [False] * 4, [0, 10, 20, 26, 36], [set()] * 4,
                        short_last=True)
    assert found is not None and found[1] == [0, 2, 1, 3]


def test_the_strip_search_lets_a_last_column_stand_short_where_that_mends_sentences() -> None:
    # Two articles of two columns each, pdfminer's strips (A1 B1 | A2 B2): A's first column eight
    # lines, its second three, B's four and five.  Held to balance, A's columns stand too far apart and
    # no reading is found; A's last column allowed short, both broken seams (A1 | B's title and B1 | A2)
    # are mended: A read whole, then B.
    a = _set(A_P1 + A_P2 + A_MORE)
    b = _set(B + "各地还将同步完善社区养老托育等配套设施，补齐公共服务短板，让居民住得更舒心。")
    assert (len(a), len(b)) == (11, 9)
    printed = [A_TITLE, "\n".join(a[:8]), B_TITLE, "\n".join(b[:4]), "\n".join(a[8:]), "\n".join(b[4:])]
    assert _strips_read("\n\n".join(printed) + "\n") == [0, 1, 4, 2, 3, 5]


def test_an_articles_columns_balanced_outweigh_a_bigram_shared() -> None:

    # Strip 1: A's first column (block 0, four lines), B's (1, four lines); strip 2: A's three lines
    # (2), a paragraph's last line (3) and B's four lines (4).  Block 3 may end A or open B's second
    # column with no sentence broken either way, and it shares a bigram (丙丁) with B's first column
    # only; read with A, the columns stand 4 and 4 lines, with B 3 and 5: CSS balanced them, so A
    # ends with it.
    right = {(0, 2), (2, 3), (3, 1), (1, 4), (2, 1), (1, 3), (3, 4)}

    def cost(x: int, y: int) -> tuple[int, float]:
        return (int((x, y) not in right), 0.0)

    grams = [{"甲乙"}, {"丙丁", "戊己"}, {"甲乙"}, {"丙丁"}, {"戊己"}]
    found = _interleave([0, 2], 5, cost, [True] * 5, [True] * 5, [False] * 5, [0, 4, 8, 11, 12, 16], grams)
    assert found is not None and found[1] == [0, 2, 3, 1, 4]

C_P1 = "住房城乡建设部介绍，今年计划开工改造城镇老旧小区四万个，并在有条件的楼栋同步推进适老化改造，加装电梯两万部，惠及居民八百万户。"
C_P2 = "各地将把老旧小区改造与完整社区建设结合起来，补齐养老、托育、停车等设施短板，让居民住得更舒心。"
D_P1 = "水利部有关负责人表示，今年汛期全国降水总体偏多，主要江河可能发生较大洪水，各地要提前做好防汛准备。"


def test_pdftotext_blocks_with_one_broken_seam_are_not_searched_as_strips(monkeypatch) -> None:
    import textfix.order as order

    # One column as pdftotext prints it: several paragraphs a block, a blank line at each column
    # break, in reading order.  The only broken seam is A's byline before B's title set wider than
    # the column (as train51 page-017 prints it); no move mends it.  Strips are pdfminer's boxes:
    # the search that one broken seam allows after the moves (MIN_BROKEN_UNMOVED) is not asked.
    def par(p: str) -> str:
        return "\n".join(_set(p, 21))

    blocks = ["春耕生产有序推进\n" + "\n".join(par(p) for p in (A_P1, A_P2_FULL, C_P1)),
              "\n".join(par(p) for p in (C_P2, D_P1, A_P1)) + "\n（记者 吴婷 司马川）",
              "全国汛期防汛准备工作全面就绪各地严阵以待迎汛\n" + "\n".join(par(p) for p in (C_P1, A_P1)),
              "\n".join(par(p) for p in (A_P2_FULL, D_P1)) + "\n（记者 马俊）"]
    asked = []
    searched = order._strips_past_header
    monkeypatch.setattr(order, "_strips_past_header", lambda b, s, least, *more, **kw: asked.append(least) or searched(b, s, least, *more, **kw))
    assert reading_order("\n\n".join(blocks) + "\n") is None
    assert order.MIN_BROKEN_UNMOVED not in asked


# Two articles by dateline (hand-written), each set in two columns of 12 characters, its first column
# four lines and its second three, each column broken inside a sentence (数据|显示, 一|千多万亩).
FLOAT_A = "新华社北京4月2日电交通运输部今天发布的数据显示一季度全国港口完成货物吞吐量四十亿吨，同比增长百分之六，外贸货物吞吐量增长百分之九，集装箱吞吐量增长百分之八。"
FLOAT_B = "新华社北京4月3日电国家林草局今天介绍说今年春季全国共完成造林绿化一千多万亩，种苗供应总体充足，各地抓住有利时机科学安排植树造林，确保栽一棵活一棵。"


def test_a_byline_line_boxed_at_a_later_strips_top_opens_it_after_the_page_number() -> None:
    # A's byline line under its title (本报记者 张伟, centred across A's columns) boxed with A's second
    # column, printed at the top of the second strip after both articles' first columns; the titles at
    # the page's foot.  The second strip opens at the byline line: it is read before A's first column,
    # after the page number (set above the articles, in no group of strips): page number, byline, A, B.
    a, b = _set(FLOAT_A), _set(FLOAT_B)
    assert len(a) == len(b) == 7
    printed = ["4", "\n".join(a[:4]), "\n".join(b[:4]), "本报记者 张伟", "\n".join(a[4:]), "\n".join(b[4:]),
               "港口生产平稳向好", "春季造林绿化顺利推进"]
    text = "\n\n".join(printed) + "\n"
    assert _read_blocks(text, printed) == [0, 3, 1, 4, 2, 5, 6, 7]


def test_a_few_paragraph_lines_boxed_apart_on_a_long_page_still_leave_it_searched() -> None:
    # The page of A and B read as strips (PRINTED), then article C read as printed, seven short
    # paragraphs of C's each boxed a line at a time (pdfminer cut a two-line paragraph at its first
    # line): seven lines of text alone of the page's 25 blocks, a share no generator page with a blank
    # line after some lines comes near (STRIP_LINES_ALONE), though more than five.
    pairs = ["市水利局负责人介绍了水库山塘安全度汛情况。", "市气象局负责人介绍了近期天气趋势预测情况。",
             "市应急管理局负责人介绍了救援力量预置情况。", "市交通运输局负责人介绍了道路边坡排查情况。",
             "市城管局负责人介绍了城区排涝设施检修情况。", "市农业农村局负责人介绍了农田排灌准备情况。",
             "市住建局负责人介绍了在建工地防汛检查情况。"]
    lead = ("新华社杭州6月5日电全市防汛工作会议今天召开，会议通报了入汛以来的雨情水情和各地隐患排查整改情况，"
            "部署做好主汛期各项防御准备工作，要求各级各部门压紧压实责任，确保安全度汛。")
    last = ("会议强调，各地要坚持人民至上生命至上，严格落实防汛责任制，加强监测预报预警，提前转移危险区域群众，"
            "做好抢险队伍物资准备，坚决守住不发生群死群伤的底线，全力保障人民群众生命财产安全。")
    article_c = ["全市防汛工作会议召开", "\n".join(_set(lead))] + [ln for p in pairs for ln in _set(p)] + ["\n".join(_set(last))]
    assert all(len(_set(p)) == 2 for p in pairs)
    printed = PRINTED + article_c
    text = "\n\n".join(printed) + "\n"
    assert _read_blocks(text, printed) == [0, 1, 4, 5, 2, 3, *range(6, len(printed))]


# A column's top inside a paragraph, short of the column by an indent's width: 会“两 (a quotation
# mark keeps the characters on both sides of it) did not fit the four units left after 领, so
# WeasyPrint set it on the next line.  Columns of 12 characters (24 units).
COLUMN_TO_LING = "全社会要深刻认识党的十八\n大以来取得的历史性成就，\n进一步增强团结奋斗的信心\n和决心，全社会更加深刻领\n\n"  # column 1, stopping after 领
RAGGED_TOP_PAGE = (
    COLUMN_TO_LING +
    "悟理论的力量，全面领\n会“两个确立”的决定性意\n义。\n"
)


def test_a_column_top_short_before_what_did_not_fit_goes_on_from_an_unfinished_block() -> None:
    from textfix.order import _seam_costs

    blocks = _blocks(RAGGED_TOP_PAGE)
    assert [len(b) for b in blocks] == [4, 3]
    assert blocks[1][0].column - blocks[1][0].width == 4  # short by an indent's width
    assert _seam_costs(blocks)(0, 1)[0] == 0  # read after block 0, no sentence is left broken


def test_a_first_line_short_by_an_indent_with_nothing_that_did_not_fit_is_a_paragraphs_first() -> None:
    from textfix.order import _seam_costs

    # 会 alone opens the next line: it would have fitted after 领, so the short line is indented.
    blocks = _blocks(RAGGED_TOP_PAGE.replace("会“两个确立”的决定性意", "会两个确立的决定性意义是"))
    assert blocks[1][0].column - blocks[1][0].width == 4
    assert _seam_costs(blocks)(0, 1)[0] == 1  # a paragraph's first line cannot go on from block 0


# A column's line of prose without a comma, boxed alone: shaped as a subhead, but every line of it
# fills the column and the box printed after it goes on from it (hand-written; columns of 13
# characters, 26 units).
TEXT_LINE_PAGE = (
    "据介绍，全市今年新建口袋公\n园四十余座，改造老旧绿地近\n百处，方便市民就近休闲，并\n\n"
    "在各公园增设健身器材和儿童\n\n"
    "游乐设施，受到周边居民普遍\n好评。\n\n"
    "另据统计，全市绿地率已经达\n到百分之四十，较去年提高了\n"
)


def test_a_full_line_shaped_as_a_subhead_between_text_that_goes_on_is_read_on_as_printed() -> None:
    from textfix.order import _seam_costs

    blocks = _blocks(TEXT_LINE_PAGE)
    assert [len(b) for b in blocks] == [3, 1, 2, 2]
    cost = _seam_costs(blocks)
    assert (cost(0, 1)[0], cost(1, 2)[0]) == (0, 0)  # printed 并 | 在各公园…儿童 | 游乐设施: read on, nothing broken
    assert cost(3, 1)[0] == 1  # after a block it was not printed after, it is still taken for a subhead


def test_a_full_line_shaped_as_a_subhead_before_a_paragraphs_first_line_is_a_subhead() -> None:
    from textfix.order import _seam_costs

    # The box after it opens a paragraph (indented by two characters): nothing goes on from it.
    blocks = _blocks(TEXT_LINE_PAGE.replace("游乐设施，受到周边居民普遍\n好评。", "市民王女士说，公园就在\n家门口，带孩子来玩很方便。"))
    assert blocks[2][0].column - blocks[2][0].width == 4
    assert _seam_costs(blocks)(0, 1)[0] == 1  # a subhead cannot go on from block 0


# A byline line under a title that pdfminer boxed inside its article's first column, between the
# column's text before it and after it (hand-written; columns of 13 characters, 26 units).
INSET_BYLINE_PAGE = (
    "据介绍，全市今年新建口袋公\n园四十余座，改造老旧绿地近\n百处，方便市民就近休闲，并\n\n"
    "本报记者 张伟\n\n"
    "在各公园增设健身器材，受到\n周边居民好评。\n"
)


def test_a_byline_line_printed_inside_its_columns_text_is_read_on_where_printed() -> None:
    from textfix.order import _seam_costs

    blocks = _blocks(INSET_BYLINE_PAGE)
    assert [len(b) for b in blocks] == [3, 1, 2]
    cost = _seam_costs(blocks)
    assert (cost(0, 1)[0], cost(1, 2)[0]) == (0, 0)  # 并 | 本报记者 张伟 | 在各公园: read on, nothing broken


def test_a_byline_line_before_a_paragraphs_first_line_still_breaks_the_text_before_it() -> None:
    from textfix.order import _seam_costs

    # The box after the byline opens a paragraph (indented by two characters): nothing goes on.
    blocks = _blocks(INSET_BYLINE_PAGE.replace("在各公园增设健身器材，受到\n周边居民好评。", "市民王女士说，公园就在\n家门口，带孩子来玩很方便。"))
    assert blocks[2][0].column - blocks[2][0].width == 4
    assert _seam_costs(blocks)(0, 1)[0] == 1


def test_a_box_page_that_breaks_no_sentence_is_not_repaired_for_its_order(monkeypatch) -> None:
    import importlib

    import textfix.order as order
    from textfix.model import default_model

    # Boxes whose print order breaks no sentence (as a layout analysis's in reading order): the page is
    # repaired for its order only where the printed text's topics already show a column out of place;
    # here the search finds none, so no repair of the page's marks is made for it.
    repair_module = importlib.import_module("textfix.repair")  # the package's name is its function
    repaired = []
    real = repair_module.repair
    monkeypatch.setattr(repair_module, "repair", lambda *a, **k: repaired.append(1) or real(*a, **k))
    monkeypatch.setattr(order, "_broken", lambda blocks: False)
    monkeypatch.setattr(order, "_strip_boxes", lambda blocks, stop: True)
    assert order.page_order("\n\n".join(IN_ORDER) + "\n", default_model()) is None
    assert not repaired


# Two articles, each set in three columns of 14 characters, B under A (titles printed at the page's
# foot, none here).  pdfminer paired the first two columns' boxes side by side: A's first column
# beside its second, then B's lead line (a one-line box) beside B's second column's first line (an
# indented paragraph's, boxed alone), then the rest of each; the third column it boxed apart and
# printed last, A's part, A's byline, B's part, B's byline (train55 page-017, four articles).
BANDED_A = ("新华社北京5月8日电记者从国家林业和草原局获悉，今年春季全国完成造林绿化任务超过三千万亩，"
            "种草改良草原两千多万亩，各地因地制宜选用乡土树种，科学安排造林密度，新造林地成活率明显提高，"
            "不少地方还把造林绿化同乡村振兴紧密地结合起来，发展林下种植和生态旅游，让群众在家门口增加收入，"
            "山更绿了，水更清了，植树护绿的热情越来越高。")
BANDED_B_1 = "本报上海5月8日电本市今年将新建口袋公园一百二十座，分布在中心城区的各个街道，让市民出门就能走进绿地。"
BANDED_B_2 = ("这些公园大多利用边角地和闲置地建设，面积不大但设施齐全，园林部门要求每座公园都配备座椅、照明和饮水设施，"
              "并根据周边居民的需要设置健身场地和儿童游乐区域，建成后全天向市民免费开放，方便老人和孩子休闲。")


def test_articles_whose_first_two_columns_are_printed_in_bands_are_read_column_by_column() -> None:
    # A: 12 lines, four a column; B: its first paragraph four lines (column 1), its second eight
    # (columns 2 and 3).  Printed, A's second column stops inside a sentence (…结合起) before B's
    # lead line, B's lead line (…本市今) before column 2's indented paragraph, and A's byline before
    # B's third column going on (据周边…): three broken sentences, and A's third column waits
    # after B's second.  Read as bands (4|4, 1|1, 3|3 lines: side by side) with the third column
    # whole after them, each article's columns in turn, nothing breaks.
    a, b1, b2 = _set(BANDED_A, 14), _set(BANDED_B_1, 14), _set(BANDED_B_2, 14)
    assert (len(a), len(b1), len(b2)) == (12, 4, 8)
    printed = ["\n".join(a[:4]), "\n".join(a[4:8]), b1[0], b2[0], "\n".join(b1[1:]), "\n".join(b2[1:4]),
               "\n".join(a[8:]), "（记者 张伟）", "\n".join(b2[4:]), "（记者 李明）"]
    text = "\n\n".join(printed) + "\n"
    assert _read_blocks(text, printed) == [0, 1, 6, 7, 2, 4, 3, 5, 8, 9]
    page = split_page(text)
    assert [(a.byline, [b.text for b in a.blocks]) for a in page.articles] == [
        ("张伟", [BANDED_A]), ("李明", [BANDED_B_1, BANDED_B_2])]


# One article in three columns of 14 characters, two paragraphs: the first fills column 1 (8 lines),
# the second columns 2 (8 lines) and 3 (6 lines).  pdfminer paired the first two columns' fifth
# lines, one-line boxes side by side, and printed the two columns band by band (4|4, 1|1, 3|3
# lines), then the third column whole and the byline (train45 page-030, train57 page-020).
ROADS_P1 = ("交通运输部日前介绍，今年以来各地加快推进农村公路建设工作，新改建农村公路超过八万公里，完成危桥改造近三千座，"
            "不少偏远山村通上了硬化路，村里的农产品能直接运出大山，群众出行更加方便，沿线乡村的面貌焕然一新。")
ROADS_P2 = ("下一步，交通运输部将继续推进农村公路提档升级，重点加强日常的养护管理工作，推动城乡客运一体化发展，"
            "让更多的村庄通上客车，同时支持各地发展农村物流，建设县乡村三级物流站点，打通农产品进城和工业品下乡的双向通道，"
            "使农村公路更好地服务乡村振兴，为农民增收致富创造更加有利的条件，让广大农村群众走上一条条平安路和幸福路，"
            "也让城乡之间的往来更加便捷，乡村的日子一天比一天红火。")


def test_an_article_whose_first_two_columns_are_banded_and_third_printed_whole_is_read_column_by_column() -> None:
    # Printed, column 1's first band (…近三千座，) comes before column 2's indented first line
    # (下一步，…), and column 1's paragraph end (…焕然一新。) before column 2's third band going on
    # (农村物流，…): two broken sentences.  Read column 1's parts, column 2's, then column 3 (8, 8
    # and 6 lines: balanced), nothing breaks.  One article, so one segment of each strip: the order
    # is the columns' own, which the print order is not.
    p1, p2 = _set(ROADS_P1, 14), _set(ROADS_P2, 14)
    assert (len(p1), len(p2)) == (8, 14)
    printed = ["农村公路建设提速", "\n".join(p1[:4]), "\n".join(p2[:4]), p1[4], p2[4], "\n".join(p1[5:]),
               "\n".join(p2[5:8]), "\n".join(p2[8:]), "（记者 王芳）"]
    text = "\n\n".join(printed) + "\n"
    assert _read_blocks(text, printed) == [0, 1, 3, 5, 2, 4, 6, 7, 8]
    page = split_page(text)
    assert [(a.title, a.byline, [b.text for b in a.blocks]) for a in page.articles] == [
        ("农村公路建设提速", "王芳", [ROADS_P1, ROADS_P2])]


def test_only_a_layout_analysis_boxes_are_read_as_one_article_banded_with_a_third_column() -> None:
    # The page above as blocks: its bands are pdfminer's pairing of boxes side by side.  Blocks not
    # known for a layout analysis's boxes (pdftotext's: the moves read them) get no such reading.
    from textfix.order import _Page, _seam_costs, boxes
    from textfix.split import byline_finder, default_model

    p1, p2 = _set(ROADS_P1, 14), _set(ROADS_P2, 14)
    printed = ["农村公路建设提速", "\n".join(p1[:4]), "\n".join(p2[:4]), p1[4], p2[4], "\n".join(p1[5:]),
               "\n".join(p2[5:8]), "\n".join(p2[8:]), "（记者 王芳）"]
    model = default_model()
    blocks = boxes(repair("\n\n".join(printed) + "\n", model, rejoin=False).text, byline_finder(model))
    assert len(blocks) == 9
    right = [0, 1, 3, 5, 2, 4, 6, 7, 8]
    assert right in [order for _, order in _Page(blocks, _seam_costs(blocks), boxed=True).banded_strips(0, 9)]
    assert right not in [order for _, order in _Page(blocks, _seam_costs(blocks)).banded_strips(0, 9)]


def _banded_page_blocks():
    """The page of the banded test above, boxed as the reader boxes it (blocks as printed)."""
    from textfix.order import boxes
    from textfix.split import byline_finder, default_model

    a, b1, b2 = _set(BANDED_A, 14), _set(BANDED_B_1, 14), _set(BANDED_B_2, 14)
    printed = ["\n".join(a[:4]), "\n".join(a[4:8]), b1[0], b2[0], "\n".join(b1[1:]), "\n".join(b2[1:4]),
               "\n".join(a[8:]), "（记者 张伟）", "\n".join(b2[4:]), "（记者 李明）"]
    text = "\n\n".join(printed) + "\n"
    model = default_model()
    blocks = boxes(repair(text, model, rejoin=False).text, byline_finder(model))
    assert len(blocks) == len(printed)
    return blocks


def test_a_banding_that_reads_a_broken_sentence_in_turn_is_refused_before_it_is_read() -> None:
    # In the page above, A's first column (…结合起, inside a sentence) is read right before B's
    # second column's first line (an indented paragraph's, boxed alone: no article opens there) in
    # any reading of a first column [0, 3, …]: the sentence breaks, whatever _interleave makes of
    # the rest.  The right banding (columns 0,2,4 | 1,3,5 | 6..9) reads no such pair.
    from textfix.order import _Page, _seam_costs

    blocks = _banded_page_blocks()
    page = _Page(blocks, _seam_costs(blocks))
    assert page.forced_break([0, 3], [1, 2, 4, 5], [6, 7, 8, 9])
    assert not page.forced_break([0, 2, 4], [1, 3, 5], [6, 7, 8, 9])


def test_a_group_with_more_bandings_than_the_bound_gets_none(monkeypatch) -> None:
    # Six one-line blocks, no lead, nothing held: as two columns in bands, 1|1 lines at every
    # band's foot (cut [0]|[1], [2]|[3], [4]|[5]; or [0]|[1], [2,3]|[4,5]; …).  All bandings are
    # given, or none where there are more than MAX_BANDINGS: never the first ones found.
    from textfix import order

    before = list(range(7))
    flags = [False] * 6
    every = list(order._banded_columns(0, 6, flags, flags, before))
    assert len(every) > 2
    monkeypatch.setattr(order, "MAX_BANDINGS", len(every))
    assert list(order._banded_columns(0, 6, flags, flags, before)) == every
    monkeypatch.setattr(order, "MAX_BANDINGS", len(every) - 1)
    assert list(order._banded_columns(0, 6, flags, flags, before)) == []


def test_a_title_in_banded_columns_opens_an_article_segment_as_a_lead_does(monkeypatch) -> None:
    # The banded page above with B's title (one line, a column wide at most) printed between A's
    # first band and B's: every banding read has A's lead, B's title and B's lead in its first
    # column, and _interleave is told all three open an article (a title after text is no part of
    # the segment before it).
    from textfix import order

    a, b1, b2 = _set(BANDED_A, 14), _set(BANDED_B_1, 14), _set(BANDED_B_2, 14)
    printed = ["\n".join(a[:4]), "\n".join(a[4:8]), "上海新建一百二十座口袋公园", b1[0], b2[0], "\n".join(b1[1:]),
               "\n".join(b2[1:4]), "\n".join(a[8:]), "（记者 张伟）", "\n".join(b2[4:]), "（记者 李明）"]
    text = "\n\n".join(printed) + "\n"
    opened: list[int] = []
    interleave = order._interleave

    def spy(*args, **kwargs):
        opened.append(sum(args[11]))  # the leads
        return interleave(*args, **kwargs)

    original = order._Page.banded_strips

    def banded(self, lo, hi):
        monkeypatch.setattr(order, "_interleave", spy)
        try:
            yield from original(self, lo, hi)
        finally:
            monkeypatch.setattr(order, "_interleave", interleave)

    monkeypatch.setattr(order._Page, "banded_strips", banded)
    assert _read_blocks(text, printed) == [0, 1, 7, 8, 2, 3, 5, 4, 6, 9, 10]
    assert opened and set(opened) == {3}


def test_a_block_wider_than_a_column_opens_an_article_in_banded_columns() -> None:
    # A title of two lines across the page with a deck under it, boxed as one block of three lines
    # (no title for _title: a heading has two lines at most): set across the columns, never in
    # one, so in banded columns it stands in the first column, opening an article.
    from textfix.order import _Page, _seam_costs, boxes
    from textfix.split import byline_finder, default_model

    title = "沿海港口城市基础设施更新改造加快推进管网项目\n遍地开工带动就业岗位增加城市面貌焕然一新\n综述"
    a = _set(BANDED_A, 14)
    text = "\n\n".join([title, "\n".join(a[:4]), "\n".join(a[4:8]), "\n".join(a[8:]), "（记者 张伟）"]) + "\n"
    model = default_model()
    blocks = boxes(repair(text, model, rejoin=False).text, byline_finder(model))
    page = _Page(blocks, _seam_costs(blocks))
    assert len(blocks[0]) == 3 and not page.titles[0]
    assert page.opens[0] and not any(page.opens[2:])


def test_a_later_strip_two_columns_wide_is_weighed_by_the_topics_not_its_columns() -> None:
    from textfix.order import _Page

    # Two articles of three columns, four lines each: pdfminer prints A's first column (block 0), B's
    # (1), then A's second and third (2, 3) and B's (4, 5).  Each block's bigrams keep to its article:
    # A's {a1, a2}, {a1, a3}, {a2, a3}; B's the same with b.  Read 0 | 2 3 and 1 | 4 5 (the second
    # strip two columns wide), A's later columns share a1 and a2 with its first, B's b1 and b2: 4.
    # Read one column a strip cut at 3 (A: 0 | 3, B: 1 2 | 4 5, 4 and 8 lines each side: balanced),
    # A's share a2, B's b1 and b2: 3.  Both break none of the two sentences print breaks (0→1, 3→4):
    # the topics choose, not how many columns a strip holds.
    right = {(0, 2), (2, 3), (3, 1), (1, 4), (4, 5), (0, 3), (1, 2), (2, 4)}

    def cost(x: int, y: int) -> tuple[int, float]:
        return (int((x, y) not in right), 0.0)

    page = _Page.__new__(_Page)
    page.cost, page.topical, page.held_last, page.short_last = cost, False, False, False
    page.can_start = [True, True, False, False, False, False]
    page.closed = [True] * 6
    page.held = page.floats = page.titles = page.bylined = page.first_alone = [False] * 6
    page.leads = page.opens = [True, True, False, False, False, False]
    page.grams = [{"a1", "a2"}, {"b1", "b2"}, {"a1", "a3"}, {"a2", "a3"}, {"b1", "b3"}, {"b2", "b3"}]
    page.before = page.lines = [0, 4, 8, 12, 16, 20, 24]
    page.texts = [0, 1, 2, 3, 4, 5, 6]
    page.breaks = [0, 1, 1, 1, 2, 2]
    found = page.group(0, 6)
    assert found is not None and found[1] == [0, 2, 3, 1, 4, 5]


# Two articles set in two columns, A over B, the titles at the page's foot (train63 page-019's
# layout): pdfminer boxed the first lines of A's two columns (each a paragraph's first line, set
# indented) as a row and printed them in turn, then the rest of A's first column, B's first column,
# the rest of A's second column and B's second column.
ROW_A_1 = "新华社北京4月2日电今年以来，各地抓紧春耕生产，全国已播种粮食面积超过三亿亩，进度快于上年同期。"
ROW_A_2 = "据介绍，各地农机手抢抓农时作业，早稻栽插已基本完成，农资供应充足，价格总体平稳。"
ROW_B = "新华社北京4月3日电住房城乡建设部介绍，今年计划开工改造城镇老旧小区四万个，并在有条件的楼栋同步推进适老化改造，加装电梯两万部，惠及居民八百万户。"


def _row_page(first_box: str | None = None) -> tuple[str, list[str]]:
    a_1, a_2, b = _set(ROW_A_1), _set(ROW_A_2), _set(ROW_B)
    assert (a_1[0], a_2[0], b[4]) == ("新华社北京4月2日电", "据介绍，各地农机手抢", "同步推进适老化改造，加装")
    printed = ["2 文化 Culture", first_box or a_1[0], a_2[0], "\n".join(a_1[1:]), "\n".join(b[:4]), "\n".join(a_2[1:]),
               "\n".join(b[4:]) + "（记者 李明）", A_TITLE, B_TITLE]
    return "\n\n".join(printed) + "\n", printed


def test_a_row_of_two_first_lines_is_read_at_the_top_of_its_columns() -> None:
    # A's second column's first line (据介绍，…) goes before the rest of that column, after B's first
    # column; then B's second column.  Left in the first strip, it breaks A's first paragraph.
    text, printed = _row_page()
    assert _read_blocks(text, printed) == [0, 1, 3, 2, 5, 4, 6, 7, 8]
    page = split_page(text)
    assert [[b.text for b in a.blocks] for a in page.articles] == [[ROW_A_1, ROW_A_2], [ROW_B]]


# As _row_page, but B's first column ends with its first paragraph (train33 page-003's layout): the
# row's second box put back at the top of A's second column, the print order breaks no sentence (A's
# first column, B's first, A's second, B's second, each ending a paragraph); the articles' topics
# (春耕, 老旧小区) tell A's second column from B's.
ROW_A_2_TOPICAL = "据介绍，各地春耕生产农机手抢抓农时作业，早稻栽插已基本完成，春耕农资供应充足。"
ROW_B_1 = "新华社北京4月3日电住房城乡建设部介绍，今年计划开工改造城镇老旧小区四万个。"
ROW_B_2 = "老旧小区改造将在有条件的楼栋同步推进适老化改造，加装电梯两万部，惠及居民。"


def test_a_row_put_back_that_leaves_no_sentence_broken_is_read_by_topics() -> None:
    a_1, a_2, b_1, b_2 = _set(ROW_A_1), _set(ROW_A_2_TOPICAL), _set(ROW_B_1), _set(ROW_B_2)
    assert (a_2[0], b_1[-1]) == ("据介绍，各地春耕生产", "四万个。")
    printed = ["2 文化 Culture", a_1[0], a_2[0], "\n".join(a_1[1:]), "\n".join(b_1), "\n".join(a_2[1:]),
               "\n".join(b_2) + "（记者 李明）", A_TITLE, B_TITLE]
    text = "\n\n".join(printed) + "\n"
    assert _read_blocks(text, printed) == [0, 1, 3, 2, 5, 4, 6, 7, 8]
    page = split_page(text)
    assert [[b.text for b in a.blocks] for a in page.articles] == [[ROW_A_1, ROW_A_2_TOPICAL], [ROW_B_1, ROW_B_2]]


def test_a_row_read_by_topics_counts_no_segment_off_topic() -> None:
    # The row's box put back at the top of A's second column (before block 5), the print order breaks
    # no sentence: the search for topics reads it, and marks its group -1 in its key's second place.
    # Compared with the placings that the search for broken sentences reads (0 there when no
    # segment is off its topic), it counts none off topic: 0, else a topical placing wins before the
    # topics and balance are asked (train63 page-019).
    from textfix.lines import BylineFinder
    from textfix.order import _placed_order, _strips_foot, boxes

    a_1, a_2, b_1, b_2 = _set(ROW_A_1), _set(ROW_A_2_TOPICAL), _set(ROW_B_1), _set(ROW_B_2)
    printed = ["2 文化 Culture", a_1[0], a_2[0], "\n".join(a_1[1:]), "\n".join(b_1), "\n".join(a_2[1:]),
               "\n".join(b_2) + "（记者 李明）", A_TITLE, B_TITLE]
    blocks = boxes("\n\n".join(printed) + "\n", BylineFinder())
    stop = _strips_foot(blocks)
    assert stop == 7
    found = _placed_order(blocks, stop, [0, 1, 3, 4, 2, 5, 6])
    assert found is not None and found[1] == [0, 1, 3, 2, 5, 4, 6]
    assert found[0][:3] == (0, False, 0)


def test_an_indented_heading_over_a_first_line_is_no_row() -> None:
    from textfix.lines import BylineFinder
    from textfix.order import _rows_later, _strips_foot, boxes

    text, _ = _row_page()
    blocks = boxes(text, BylineFinder())
    assert _rows_later(blocks, _strips_foot(blocks)) == [[2]]
    # A subhead set indented (no sentence's mark) before a paragraph's first line boxed alone: the
    # first line is read under it as printed, no box of a row.
    text, _ = _row_page(first_box="春耕生产有序推进")
    blocks = boxes(text, BylineFinder())
    assert _rows_later(blocks, _strips_foot(blocks)) == []


# As _row_page, but A set in three columns (train89 page-023's layout): pdfminer boxed the first lines
# of A's three columns as a row and printed them in turn, then the strips: the rest of A's first
# column, B's first, the rest of A's second, B's second, the rest of A's third, B's third.  The later
# columns' first lines hold no sentence's mark (shaped as subheads), but run on at the column's width.
ROW3_A_2 = "农业农村部有关负责人介绍各地农机手抢抓农时作业，早稻栽插已基本完成，农资供应充足。"
ROW3_A_3 = "在黑龙江建三江垦区农场里大型农机正在平整土地，育秧大棚里秧苗长势良好，春播即将开始。"
ROW3_B = ("新华社北京4月3日电住房城乡建设部介绍，今年计划开工改造城镇老旧小区四万个，并在有条件的楼栋同步推进"
          "适老化改造，加装电梯两万部，惠及居民八百万户，各地还将同步建设社区养老托育设施。")


def _row3_page() -> tuple[str, list[str]]:
    a_1, a_2, a_3, b = _set(ROW_A_1), _set(ROW3_A_2), _set(ROW3_A_3), _set(ROW3_B)
    assert (a_2[0], a_3[0], b[2], b[5]) == ("农业农村部有关负责人", "在黑龙江建三江垦区农", "计划开工改造城镇老旧小区",
                                           "电梯两万部，惠及居民八百")
    printed = ["2 文化 Culture", a_1[0], a_2[0], a_3[0], "\n".join(a_1[1:]), "\n".join(b[:3]), "\n".join(a_2[1:]),
               "\n".join(b[3:6]), "\n".join(a_3[1:]), "\n".join(b[6:]) + "（记者 李明）", A_TITLE, B_TITLE]
    return "\n\n".join(printed) + "\n", printed


def test_a_row_of_three_first_lines_is_read_at_the_top_of_their_columns() -> None:
    from textfix.lines import BylineFinder
    from textfix.order import _rows_later, _strips_foot, boxes

    text, printed = _row3_page()
    blocks = boxes(text, BylineFinder())
    assert _rows_later(blocks, _strips_foot(blocks)) == [[2, 3]]
    # Each later first line goes before the rest of its column: A's three columns, then B's three.
    # Put back before B's second column and A's third instead, it breaks no sentence either, but
    # reads A's second column with B (off its topic) and leaves B's columns unbalanced (3, 3+1+3, 2).
    assert _read_blocks(text, printed) == [0, 1, 4, 2, 6, 3, 8, 5, 7, 9, 10, 11]
    page = split_page(text)
    assert [[x.text for x in a.blocks] for a in page.articles] == [[ROW_A_1, ROW3_A_2, ROW3_A_3], [ROW3_B]]


def test_a_row_with_more_placings_than_the_bound_is_not_put_back(monkeypatch) -> None:
    # The page above: the row's two later boxes (2, 3) go before two of the four later blocks of
    # more than one line that go on (5 opens B with its dateline; 6, 7, 8, 9 run on from the
    # columns before them): C(4, 2) = 6 placings.  Bounded at 6 the row is still put back; at 5 it
    # is not tried, and no reading is found.
    import textfix.order as order
    from textfix.lines import BylineFinder

    text, _ = _row3_page()
    blocks = order.boxes(text, BylineFinder())
    stop = order._strips_foot(blocks)
    monkeypatch.setattr(order, "MAX_ROW_PLACINGS", 6)
    assert order._row_order(blocks, stop) == [0, 1, 4, 2, 6, 3, 8, 5, 7, 9]
    monkeypatch.setattr(order, "MAX_ROW_PLACINGS", 5)
    assert order._row_order(blocks, stop) is None


# One article in columns, its title at the page's foot (train109 page-018's layout): pdfminer boxed the
# first line of a column's last paragraph (据了解，…, R) and the first line of an earlier column's
# first paragraph (吉林省…, Q) as a row, and printed the rest of Q's paragraph after it: its last lines
# (a column's top, after the first paragraph P) early, its middle two lines after R's rest.
ROW_FOOT_Q = "吉林省九千多万亩秋粮已经开镰收获，各地农机手抢抓农时作业，烘干设备全部到位，粮食收购价格总体平稳，农民增收有了保障。"
ROW_FOOT_S = "河南省秋粮收获处于高峰期，各地补上烘干机的短板，提升防灾减灾应急能力。"
ROW_FOOT_R = "据了解，今年我国秋粮面积继续增加，长势总体较好，有望再获丰收。"


def test_a_row_of_a_foot_and_a_top_first_line_is_read_with_its_column() -> None:
    # Q's first line and its middle lines (a later box and the top of a column, both printed after
    # the row) go where the print order breaks Q's sentence (after P, before Q's last lines): P, Q,
    # S, R, the byline.  Put back before Q's middle lines only, Q's last lines still follow P.
    p, q, s, r = _set(ROW_A_1), _set(ROW_FOOT_Q), _set(ROW_FOOT_S), _set(ROW_FOOT_R)
    assert (q[0], q[3], r[0]) == ("吉林省九千多万亩秋粮", "部到位，粮食收购价格总体", "据了解，今年我国秋粮")
    printed = ["2 文化 Culture", "\n".join(p), "\n".join(q[3:]), "\n".join(s), r[0], q[0], "\n".join(r[1:]),
               "\n".join(q[1:3]), "（记者 李明）", A_TITLE]
    text = "\n\n".join(printed) + "\n"
    assert _read_blocks(text, printed) == [0, 1, 5, 7, 2, 3, 4, 6, 8, 9]
    page = split_page(text)
    assert [[x.text for x in a.blocks] for a in page.articles] == [[ROW_A_1, ROW_FOOT_Q, ROW_FOOT_S, ROW_FOOT_R]]


# Two articles of two columns each, both opening with a news lead, the titles at the page's foot
# (train51 page-010's layout): pdfminer printed the second columns first (A's, its byline, B's, its
# byline), then the first columns (A's lead column, B's).  Each second column goes on inside the
# sentence its first column breaks off (上年同|期, 老旧小区|四万个), so the print order breaks the
# seam from A's byline into B's second column and from A's first column into B's lead; the strip
# search reads no such page (its first strip holds the leads, printed first).  Put back (the lead
# run first), the page reads as strips: A's first column, its second and byline; B's likewise.
ROTATED_A = "新华社北京4月2日电今年以来，各地抓紧春耕生产，全国已播种粮食面积超过三亿亩，进度快于上年同期，早稻栽插已基本完成，农资供应充足。"
ROTATED_B = "新华社北京4月3日电住房城乡建设部介绍，今年计划开工改造城镇老旧小区四万个，并在有条件的楼栋同步推进适老化改造，加装电梯两万部。"


def _rotated_page(articles: str = "AB") -> tuple[str, list[str]]:
    a, b = _set(ROTATED_A), _set(ROTATED_B)
    assert (a[3], a[4], b[2], b[3]) == ("过三亿亩，进度快于上年同", "期，早稻栽插已基本完成，", "计划开工改造城镇老旧小区", "四万个，并在有条件的楼栋")
    a_1, a_2, b_1, b_2 = "\n".join(a[:3]), "\n".join(a[3:]), "\n".join(b[:3]), "\n".join(b[3:])
    if articles == "A":
        printed = ["2 文化 Culture", a_2, "（记者 张伟）", a_1, A_TITLE]
    elif articles == "numbered":  # the header's page number printed after B's byline
        printed = ["文化 Culture", a_2, "（记者 张伟）", b_2, "（记者 李明）", "2", a_1, b_1, A_TITLE, B_TITLE]
    else:
        printed = ["2 文化 Culture", a_2, "（记者 张伟）", b_2, "（记者 李明）", a_1, b_1, A_TITLE, B_TITLE]
    return "\n\n".join(printed) + "\n", printed


def test_later_columns_printed_before_their_leads_are_read_after_them() -> None:
    text, printed = _rotated_page()
    assert _read_blocks(text, printed) == [0, 5, 1, 2, 6, 3, 4, 7, 8]
    page = split_page(text)
    assert [[b.text for b in a.blocks] for a in page.articles] == [[ROTATED_A], [ROTATED_B]]


def test_later_columns_that_hold_the_page_number_are_not_put_back() -> None:
    # As above, but pdfminer printed the header's page number (2, boxed alone) after B's byline: the
    # run before the leads holds a part of the header, no column's text, and put back it would be
    # read at the page's foot, among the titles.  No reading.
    text, printed = _rotated_page("numbered")
    assert _read_blocks(text, printed) is None


def test_one_article_printed_later_column_first_is_read_as_printed() -> None:
    # A's second column and byline, then its lead column: no seam of the print order breaks a
    # sentence (the lead column's break runs into the title, at the page's foot), and no reading of
    # the group is found even without the MIN_BROKEN bar (checked by removing it): read as printed.
    # (The bar itself: the two-article page below, whose reading it stops.)
    text, printed = _rotated_page("A")
    assert _read_blocks(text, printed) is None


# B set as two paragraphs, its first column the first (ending 四万个。 on a short line): B's second
# column opens a paragraph (no seam into it breaks a sentence) or opens inside a sentence.
ROTATED_B_LEAD = "新华社北京4月3日电住房城乡建设部介绍，今年计划开工改造城镇老旧小区四万个。"


def _rotated_b_page(b_2: list[str]) -> tuple[str, list[str]]:
    """The two-article page of _rotated_page, B's columns the lead paragraph and *b_2*'s lines."""
    a, b_1 = _set(ROTATED_A), _set(ROTATED_B_LEAD)
    assert b_1[-1] == "四万个。"
    printed = ["2 文化 Culture", "\n".join(a[3:]), "（记者 张伟）", "\n".join(b_2), "（记者 李明）", "\n".join(a[:3]),
               "\n".join(b_1), A_TITLE, B_TITLE]
    return "\n\n".join(printed) + "\n", printed


def _rotated(text: str) -> list[int] | None:
    from textfix.lines import BylineFinder
    from textfix.order import _rotated_order, _strips_foot, boxes

    blocks = boxes(text, BylineFinder())
    return _rotated_order(blocks, _strips_foot(blocks))


def test_later_columns_printed_before_their_leads_with_one_sentence_broken_are_read_as_printed() -> None:
    # B's second column opens its second paragraph: A's byline into it breaks no sentence, and the
    # only broken seam of the group as printed is A's lead column (…粮食面积超) into B's lead.  One
    # is fewer than MIN_BROKEN (2): too little to take a large rearrangement on, read as printed
    # (put back, A1 A2 byline B1 B2 byline would break none).
    text, printed = _rotated_b_page(_set("各地将在有条件的楼栋同步推进适老化改造，加装电梯两万部。"))
    assert _rotated(text) is None
    assert _read_blocks(text, printed) is None


def test_later_columns_whose_reading_still_breaks_a_sentence_are_not_put_back() -> None:
    # B's second column opens inside a sentence (并在…, set unindented) that its first column, ending
    # its paragraph on a short line (四万个。), does not leave open.  As printed the group breaks two
    # sentences (A's byline into B's second column, A's lead column into B's lead: MIN_BROKEN);
    # put back, B's first column into its second still breaks one: no reading.
    text, printed = _rotated_b_page(_set("并在有条件的楼栋同步推进适老化改造，加装电梯两万部，惠及居民八百万户。", indent=0))
    assert _rotated(text) is None
    assert _read_blocks(text, printed) is None


# A third article beside A and B, its title not printed (train25 page-011: a rotated group read as one
# article more than printed, that one untitled).
ROTATED_C = "新华社北京4月4日电记者从交通运输部获悉，今年一季度全国完成公路水路交通投资八千亿元，同比增长百分之五，各地项目进展顺利。"


def test_later_columns_put_back_as_more_articles_than_printed_one_untitled_are_read_as_printed() -> None:
    # Three articles of two columns each, no bylines, two titles at the foot: pdfminer printed the
    # second columns (A's, B's, C's), then the lead columns.  Put back the page reads A1 A2 B1 B2 C1 C2:
    # three articles, C's untitled.  As printed the leads run together, one article under both titles,
    # after the second columns read as one: two articles.  A rotated reading crosses articles as a
    # move plan does, and is checked as one (split._moves_misread): one article more, untitled: read
    # as printed.
    a, b, c = _set(ROTATED_A), _set(ROTATED_B), _set(ROTATED_C)
    assert (c[2], c[3]) == ("年一季度全国完成公路水路", "交通投资八千亿元，同比增")  # C1 breaks off inside a sentence
    printed = ["2 文化 Culture", *("\n".join(x[3:]) for x in (a, b, c)), *("\n".join(x[:3]) for x in (a, b, c)),
               A_TITLE, B_TITLE]
    text = "\n\n".join(printed) + "\n"
    assert _read_blocks(text, printed) == [0, 4, 1, 5, 2, 6, 3, 7, 8]
    page = split_page(text)
    assert len(page.articles) == 2
    assert page.to_dict() == split_page(text, reorder=False).to_dict()


# Two articles, the titles at the page's foot (train67 page-011's layout): pdfminer printed B's byline
# line under its title (本报记者 李明, boxed alone) after B's lead's box instead of over it.
BYLINE_B_LEAD = "央视网消息（新闻联播）：今天，住房城乡建设部介绍，今年计划开工改造城镇老旧小区四万个。"
BYLINE_B_2 = "老旧小区改造将在有条件的楼栋同步推进适老化改造，加装电梯两万部，惠及居民八百万户。"


def _byline_page(after_byline: str) -> tuple[str, list[str]]:
    printed = ["\n".join(_set(ROW_A_1)), "\n".join(_set(ROW_A_2)), "\n".join(_set(BYLINE_B_LEAD)), "本报记者 李明",
               "\n".join(_set(after_byline)), A_TITLE, B_TITLE]
    return "\n\n".join(printed) + "\n", printed


def test_a_byline_line_printed_under_its_lead_is_read_over_it() -> None:
    # B's lead (block 2) goes on with plain text (block 4) after the byline line: the byline is read
    # before the lead, all else as printed.
    text, printed = _byline_page(BYLINE_B_2)
    assert _read_blocks(text, printed) == [0, 1, 3, 2, 4, 5, 6]


def test_a_byline_line_over_a_lead_stays_there() -> None:
    # A lead after the byline line is the byline's own: nothing is read again.
    text, printed = _byline_page("新华社北京4月3日电" + BYLINE_B_2)
    assert _read_blocks(text, printed) is None


# Three articles, the titles at the page's foot (train2603 page-025's layout, invented text): A and B in
# two strips, C under them; pdfminer boxed C's byline line under its title (本报记者 王芳) at the end of
# the first strip, after B's second box (which ends a sentence) and before A's second column.
ASTRAY_A = "央视网消息（新闻联播）：农业农村部有关负责人表示，今年以来各地抓紧春耕生产，全国已播种粮食面积超过三亿亩，进度快于上年同期，其中早稻栽插已基本完成。各地农机手抢抓农时作业，确保应种尽种。"
ASTRAY_B_LEAD = "央视网消息（新闻联播）：住房城乡建设部介绍，今年计划开工改造城镇老旧小区四万个。"
ASTRAY_B = "各地推进适老化改造，今年加装电梯两万部，惠及老人们。群众满意度明显提升，改造进度快于上年同期。"
ASTRAY_C = "新华社北京4月3日电　市文化广电旅游局数据测算，中秋节假期全市国内游客出游三十万人次，按可比口径同比增长百分之九。"


def test_a_byline_line_boxed_with_another_groups_strip_is_read_over_its_lead() -> None:
    a, b = _set(ASTRAY_A, 14), _set(ASTRAY_B, 14)
    printed = ["\n".join(a[:5]), "\n".join(_set(ASTRAY_B_LEAD, 14)), "\n".join(b[:2]), "本报记者 王芳", "\n".join(a[5:]),
               "（记者 张伟）", "\n".join(b[2:]), "（记者 李明）", "\n".join(_set(ASTRAY_C, 14)), A_TITLE, B_TITLE, "假日文旅消费回暖"]
    text = "\n\n".join(printed) + "\n"
    # The box after the byline line opens inside A's sentence (…早稻栽插 | 已基本完成), as no lead under a
    # byline does; read over C's lead, the strips read A and B whole, then C under its byline.
    assert _read_blocks(text, printed) == [0, 4, 5, 1, 2, 6, 7, 3, 8, 9, 10, 11]


# Titles over their articles (train2601 page-018's layout, invented text): A and B in two strips, C's
# title set over columns beside them, printed between the strips (after B's first column, which ends its
# paragraph, before A's second, which opens inside A's sentence), C's lead after both articles.
ASTRAY_TITLE_B_1 = "央视网消息（新闻联播）：住房城乡建设部介绍，今年计划开工改造城镇老旧小区四万个，惠及居民八百万户。"
ASTRAY_TITLE_B_2 = "各地将在有条件的楼栋同步推进适老化改造，今年加装电梯两万部，方便老年居民出行。"
ASTRAY_TITLE_C = "中秋假期全市接待游客三十万人次同比增长九成"


def test_a_title_printed_between_another_groups_strips_is_read_over_its_lead() -> None:
    a = _set(ASTRAY_A, 14)
    printed = [A_TITLE, "\n".join(a[:5]), B_TITLE, "\n".join(_set(ASTRAY_TITLE_B_1, 14)), ASTRAY_TITLE_C, "\n".join(a[5:]),
               "（记者 张伟）", "\n".join(_set(ASTRAY_TITLE_B_2, 14)), "（记者 李明）", "\n".join(_set(ASTRAY_C, 14))]
    text = "\n\n".join(printed) + "\n"
    # Read where printed, C's title opens an article of B's second column, no sentence broken either way:
    # a title is read over a lead (textfix.order._heads_to_leads).
    assert _read_blocks(text, printed) == [0, 1, 5, 6, 2, 3, 7, 8, 4, 9]


def test_a_letters_date_under_its_signature_ends_its_article() -> None:
    from textfix.order import _finished

    # An invented letter's last lines: the senders, then the date alone (GB/T 9704-2012's 成文日期), no
    # full stop after it.  The block ends its article, so a group of strips may end there.
    letter = _blocks("希望你们再接再厉，再创佳绩。\n中共中央\n国务院\n2025年3月1日\n\n")
    assert _finished(letter[0])
    # A date that is no line of its own is a sentence's part.
    assert not _finished(_blocks("会议定于\n2025年3月1日在京召\n\n")[0])


def test_a_byline_stands_at_its_articles_end_in_the_last_strip_too() -> None:
    # Strip 1: A's first column (block 0, 3 lines), B's (1, 6 lines); strip 2: A's second column in two
    # boxes (2 and 3, 2 lines each), A's byline alone (4), B's second column (5, 4 lines), B's byline (6).
    # No seam breaks a sentence, no topic tells: balance alone would read A's second box and its byline
    # with B (A 3:2, B 6:5 against A 3:4, B 6:4).  A byline ends its article: B's segment may not hold
    # A's byline before its own text.
    def cost(x: int, y: int) -> tuple[int, float]:
        return (0, 0.0)

    before = [0, 3, 9, 11, 13, 13, 17, 17]
    held = [False, False, False, False, True, False, True]
    bylined = [False, False, False, False, True, False, True]
    can_start = [not h for h in held]
    found = _interleave([0, 2], 7, cost, can_start, [True] * 7, held, before, [set()] * 7, bylined=bylined)
    assert found is not None and found[1] == [0, 2, 3, 4, 1, 5, 6]


# A column's top inside a paragraph that ends two lines down: 会“两 did not fit the four units left
# after 领 (a quotation mark keeps the characters on both sides of it), and the paragraph's last
# line ends its sentence short of the column.  Columns of 12 characters (24 units).
RAGGED_TWO_LINE_TOP_PAGE = (
    COLUMN_TO_LING +
    "悟理论的力量，全面领\n会“两个确立”。\n"
)


def test_a_two_line_column_top_short_before_what_did_not_fit_goes_on_from_an_unfinished_block() -> None:
    from textfix.order import _seam_costs

    blocks = _blocks(RAGGED_TWO_LINE_TOP_PAGE)
    assert [len(b) for b in blocks] == [4, 2]
    assert blocks[1][0].column - blocks[1][0].width == 4  # short by an indent's width
    assert blocks[1][1].ends and blocks[1][1].width < blocks[1][1].column - 2  # a paragraph's last line
    assert _seam_costs(blocks)(0, 1)[0] == 0  # read after block 0, no sentence is left broken


def test_a_two_line_block_short_by_an_indent_with_nothing_that_did_not_fit_opens_a_paragraph() -> None:
    from textfix.order import _seam_costs

    # 会 alone opens the next line: it would have fitted after 领, so the short line is indented.
    blocks = _blocks(RAGGED_TWO_LINE_TOP_PAGE.replace("会“两个确立”。", "会两个确立。"))
    assert [len(b) for b in blocks] == [4, 2]
    assert _seam_costs(blocks)(0, 1)[0] == 1  # a paragraph's first line cannot go on from block 0


# The same column's top, the next paragraph printed on in the same block (train2897 page-028: pdftotext
# boxes a column whole): the block's first two lines are still a paragraph's last two lines.
NEXT_PARAGRAPH = "各地各部门要深入学习\n贯彻落实，推动工作落地见\n效。\n"


def test_a_column_top_short_before_what_did_not_fit_goes_on_though_a_paragraph_follows_in_its_block() -> None:
    from textfix.order import _seam_costs

    blocks = _blocks(RAGGED_TWO_LINE_TOP_PAGE + NEXT_PARAGRAPH)
    assert [len(b) for b in blocks] == [4, 5]
    assert _seam_costs(blocks)(0, 1)[0] == 0  # read after block 0, no sentence is left broken
    # 会 alone would have fitted after 领: the short line is indented, a paragraph's first.
    blocks = _blocks(RAGGED_TWO_LINE_TOP_PAGE.replace("会“两个确立”。", "会两个确立。") + NEXT_PARAGRAPH)
    assert _seam_costs(blocks)(0, 1)[0] == 1


# A paragraph's opening two lines boxed alone, punctuated as a title may be (a comma, no sentence
# end), right before the next article's lead: its indented first line over a full one makes it
# the article's text, set in the column, not a title over the next article.  Columns of 12
# characters (24 units).
PARAGRAPH_OPENING_BEFORE_LEAD_PAGE = (
    "全社会要深刻认识党的十八\n大以来取得的历史性成就。\n\n"
    "今年春天，各地农民忙\n着在田间地头抢抓农时播种\n\n"
    "央视网消息（新闻联播）：\n记者从农业农村部了解到，\n今年全国春播进展顺利。\n"
)


def test_a_paragraph_opening_before_a_lead_is_no_title_and_fills_its_column() -> None:
    from textfix.order import _column_lines, _heading, _title

    blocks = _blocks(PARAGRAPH_OPENING_BEFORE_LEAD_PAGE)
    assert [len(b) for b in blocks] == [2, 2, 3]
    assert _heading(blocks[1])  # punctuated as a title may be
    assert not _title(blocks, 1)
    assert _column_lines(blocks) == [2, 2, 3]


def test_the_cycle_collector_is_paused_while_a_page_is_ordered(monkeypatch) -> None:
    """page_order runs with the cyclic collector off (its lines and blocks hold no cycles and die inside it:
    on a 5 MB page their collections cost 0.14 s), and leaves it as it found it."""
    import gc

    from textfix import default_model, order

    seen = []
    boxes = order.boxes
    monkeypatch.setattr(order, "boxes", lambda *args: seen.append(gc.isenabled()) or boxes(*args))
    assert gc.isenabled()
    order.page_order(PDFMINER_PAGE, default_model())
    assert gc.isenabled() and seen and not any(seen)  # (the reading order reads the boxes again)
    gc.disable()
    try:  # a caller's own pause is left as it was
        order.page_order(PDFMINER_PAGE, default_model())
        assert not gc.isenabled()
    finally:
        gc.enable()


# An article's title that pdfminer printed amid a column's sentence (hand-written; columns of 13
# characters, 26 units): set above its article's columns in large type, the title lies beside the
# column's text and is printed where its height falls, between ``…就近休`` and ``闲，…``.
INSET_A_LEAD = "新华社北京3月5日电　据市园\n林局介绍，全市今年新建和改\n造的口袋公园已有四十余座，\n改造老绿地，方便市民就近休\n\n"
INSET_A_REST = "闲，并在各公园增设健身器材\n受到周边居民好评。（记者 张伟）\n\n"
INSET_B = "新华社成都3月5日电　今年以\n来，全省新改建农村公路一千\n余公里，通客车的建制村比例\n有所提高。（记者 李明）\n"
INSET_A_TITLE, INSET_B_TITLE = "城市绿地建设提速", "乡村道路通达率提高"
INSET_A_TEXT = "新华社北京3月5日电\u3000据市园林局介绍，全市今年新建和改造的口袋公园已有四十余座，改造老绿地，方便市民就近休闲，并在各公园增设健身器材受到周边居民好评。"
INSET_B_TEXT = "新华社成都3月5日电\u3000今年以来，全省新改建农村公路一千余公里，通客车的建制村比例有所提高。"


def _read_inset(page: str) -> list[tuple[str, list[str]]]:
    split = split_page(page)
    assert apply_changes(page, split.changes) == split.text  # the move is a plan on the input
    return [(a.title, [b.text for b in a.blocks]) for a in split.articles]


def test_a_title_printed_amid_its_own_articles_sentence_is_read_over_its_lead() -> None:
    # A's title printed inside A's first sentence, A's lead the page's first block (no title over it).
    page = INSET_A_LEAD + INSET_A_TITLE + "\n\n" + INSET_A_REST + INSET_B_TITLE + "\n\n" + INSET_B
    assert _read_inset(page) == [(INSET_A_TITLE, [INSET_A_TEXT]), (INSET_B_TITLE, [INSET_B_TEXT])]


def test_a_title_printed_amid_the_article_before_its_own_is_read_over_its_lead() -> None:
    # B's title printed inside A's sentence (A titled over its lead); B's lead, after A's byline, has none.
    page = INSET_A_TITLE + "\n\n" + INSET_A_LEAD + INSET_B_TITLE + "\n\n" + INSET_A_REST + INSET_B
    assert _read_inset(page) == [(INSET_A_TITLE, [INSET_A_TEXT]), (INSET_B_TITLE, [INSET_B_TEXT])]


def test_a_short_line_the_text_after_it_goes_on_from_stays_where_printed() -> None:
    from textfix.order import _inset_title, _title_amid_text

    # The same seam with a line the language model joins the text after to (闲健身|，并 against 就近休|，并).
    blocks = _blocks(INSET_A_LEAD + "闲健身\n\n" + INSET_A_REST.replace("闲，", "，"))
    assert [len(b) for b in blocks] == [4, 1, 2]
    assert _title_amid_text(blocks, 1) and not _inset_title(blocks, 1)
    blocks = _blocks(INSET_A_LEAD + INSET_A_TITLE + "\n\n" + INSET_A_REST)
    assert _inset_title(blocks, 1)


def test_an_inset_title_is_moved_where_a_reading_of_blocks_reads_it_inside_the_sentence() -> None:
    from textfix.order import Reading, _inset_titles_put_back, boxes
    from textfix.lines import BylineFinder

    page = INSET_A_LEAD + INSET_A_TITLE + "\n\n" + INSET_A_REST + INSET_B_TITLE + "\n\n" + INSET_B
    blocks = boxes(page, BylineFinder())
    starts = [b[0].start for b in blocks][1:] + [len(page)]
    each = [(0, starts[0])] + list(zip(starts, starts[1:]))  # one span a block, in print order
    assert _inset_titles_put_back(blocks, Reading(each, False), len(page)) == [each[1], each[0], *each[2:]]
    # A reading that reads the title elsewhere (after the text after it) is left as it is.
    apart = [each[0], each[2], each[1], *each[3:]]
    assert _inset_titles_put_back(blocks, Reading(apart, False), len(page)) == apart


def test_a_one_line_block_after_a_finished_sentence_stays_where_printed() -> None:
    from textfix.lines import BylineFinder
    from textfix.order import _inset_titles_put_back, boxes

    # The same page with the sentence before the one-line block finished at the column's end (13
    # characters ending 。): a block after a finished sentence cuts none, so print order stands (None:
    # nothing moved), though the text after it opens inside a sentence.
    finished = INSET_A_LEAD.replace("改造老绿地，方便市民就近休\n", "改造老绿地，方便市民休闲。\n")
    page = finished + INSET_A_TITLE + "\n\n" + INSET_A_REST + INSET_B_TITLE + "\n\n" + INSET_B
    assert finished != INSET_A_LEAD
    assert _inset_titles_put_back(boxes(page, BylineFinder()), None, len(page)) is None



# B's title set across the page, wider than a column (an article opens at such a title wherever it is read).
B_WIDE_TITLE = "住房城乡建设部介绍今年城镇老旧小区改造计划全面提速"


def _wide_title_page() -> tuple[str, list[str]]:
    text, printed = _topic_page(TOPIC_A_1, TOPIC_B_1)
    printed[2] = B_WIDE_TITLE
    return "\n\n".join(printed) + "\n", printed


def test_a_reading_that_opens_more_articles_than_print_is_no_reading() -> None:
    # A's second column read between B's wide title and B's lead opens a third article where print
    # reads two; read after A's first column it opens none.
    import textfix.order as order
    from textfix.lines import BylineFinder

    text, _ = _wide_title_page()
    blocks = order.boxes(text, BylineFinder())
    assert order._opens_more_articles(blocks, blocks, [0, 1, 2, 4, 3, 5, 6])
    assert not order._opens_more_articles(blocks, blocks, [0, 1, 4, 2, 3, 5, 6])


def test_the_strip_search_s_reading_that_opens_more_articles_is_read_as_printed(monkeypatch) -> None:
    # The search's reading stands where it opens no more articles than print (A's second column with A),
    # not where it reads A's second column under B's wide title.
    import textfix.order as order

    text, printed = _wide_title_page()
    monkeypatch.setattr(order, "_strips_past_header", lambda *args, **kwargs: [0, 1, 4, 2, 3, 5, 6])
    assert _read_blocks(text, printed) == [0, 1, 4, 2, 3, 5, 6]
    monkeypatch.setattr(order, "_strips_past_header", lambda *args, **kwargs: [0, 1, 2, 4, 3, 5, 6])
    assert _read_blocks(text, printed) is None


# Three articles set as a staircase (train183 page-015's layout): A's, B's and C's first columns stand
# side by side, each opening with a news lead; under A's and B's first columns their second columns and
# bylines, and C's second column, longer than its first (7 lines against 3), printed after B's byline.
# pdfminer printed the first columns in turn (A1 B1 C1), then A2, A's byline, B2, B's byline, then C2.
# C1 breaks off inside a sentence that A2, opening A's second paragraph, does not go on.  As strips
# (A1 B1 C1 | A2 B2 C2) C's columns do not balance; A1 B1 | A2 B2 with C1 read after them, its rest
# following the group, breaks no sentence.  (reading_order asks for it last, where no other step
# read the page: here the strips read B1 B2 | C1 A2 first, two of print's four breaks left.)
STAIR_A = ["新华社北京5月6日电记者从农业农村部获悉，今年全国夏粮播种面积稳中有增。", "各地抓紧田间管理，小麦长势总体好于上年。"]
STAIR_B = "新华社上海5月6日电记者从上海港获悉，今年以来港口集装箱吞吐量同比增长百分之六，新开航线十余条，航线网络持续拓展。"
STAIR_C = ("新华社广州5月6日电记者从广东省文化和旅游厅获悉，假期全省接待游客人次与旅游收入双双增长，"
           "各地景区推出夜游、非遗展演等活动，乡村民宿预订量明显上升，自驾出游成为不少家庭的选择，"
           "多地还加开了旅游专线，方便游客错峰出行，文旅市场持续升温。")
STAIR_TITLES = ["夏粮长势总体良好", "港口吞吐量稳步增长", "假期文旅市场升温"]


def _staircase_page() -> tuple[str, list[str]]:
    a_1, a_2, b, c = _set(STAIR_A[0]), _set(STAIR_A[1]), _set(STAIR_B), _set(STAIR_C)
    assert (len(a_1), len(a_2), len(b), len(c)) == (4, 2, 5, 10)
    assert (b[2][-1], c[2][-1]) == ("增", "人")  # B's and C's first columns break off inside a sentence
    printed = ["2 经济 Economy", "\n".join(a_1), "\n".join(b[:3]), "\n".join(c[:3]), "\n".join(a_2), "（记者 张伟）",
               "\n".join(b[3:]), "（记者 李明）", "\n".join(c[3:]), "（记者 王芳）", *STAIR_TITLES]
    return "\n\n".join(printed) + "\n", printed


def test_a_staircase_group_reads_its_last_article_after_the_others() -> None:
    from textfix.lines import BylineFinder
    from textfix.order import MIN_BROKEN, _strips_foot, _strips_past_header, boxes

    text, _ = _staircase_page()
    blocks = boxes(text, BylineFinder())
    stop = _strips_foot(blocks)
    assert stop == 10  # the titles at the foot
    assert _strips_past_header(blocks, stop, MIN_BROKEN, None, held_last=True) == [0, 1, 4, 5, 2, 6, 7, 3, 8, 9]


# One article in three columns (the twenty-first session's train203 page-003; page-001 and train1101
# page-031 alike): pdfminer boxed the first line of the second column's first paragraph (按照…, no
# sentence's mark: shaped as a subhead) and the third column's first line (据介绍，…) alone, side by
# side, and printed the third column's first line before the rest of the second column.  No other
# article is read between: no strip search reads the page, and it was read as printed.  The later
# first line goes before the rest of its paragraph (the first block after the row's next that goes on).
SWAP_LEAD = "新华社北京4月2日电今年以来，各地抓紧春耕生产，全国已播种粮食面积超过三亿亩，进度快于上年。"
SWAP_A_1 = "各地农资储备充足，化肥价格总体平稳。"
SWAP_A_2 = "按照各地建立的农资保供机制，农业农村部派出工作组分赴主产省份指导春耕生产。"
SWAP_A_3 = "农机具检修已经完成，各地组织农机手开展技能培训，确保农机安全作业。"
SWAP_A_4 = "据介绍，各地农机手抢抓农时作业，早稻栽插已基本完成，春播进度快于上年同期，夏粮丰收有了基础。"
SWAP_B = "新华社北京4月3日电住房城乡建设部介绍，今年计划开工改造城镇老旧小区四万个，惠及居民八百万户以上。"


def _swap_page() -> tuple[str, list[str]]:
    lead, a_1, a_2, a_3, a_4 = map(_set, (SWAP_LEAD, SWAP_A_1, SWAP_A_2, SWAP_A_3, SWAP_A_4))
    assert (a_2[0], a_4[0], a_4[1]) == ("按照各地建立的农资保", "据介绍，各地农机手抢", "抓农时作业，早稻栽插已基")
    printed = ["2 文化 Culture", A_TITLE, "\n".join(lead), "\n".join(a_1), a_2[0], a_4[0], "\n".join(a_2[1:]),
               "\n".join(a_3), "\n".join(a_4[1:]) + "（记者 张伟）", B_TITLE, "\n".join(_set(SWAP_B)) + "（记者 李明）"]
    return "\n\n".join(printed) + "\n", printed


def test_a_later_columns_first_line_boxed_beside_the_first_is_read_before_its_paragraphs_rest() -> None:
    text, printed = _swap_page()
    assert _read_blocks(text, printed) == [0, 1, 2, 3, 4, 6, 7, 5, 8, 9, 10]
    page = split_page(text)
    assert [[b.text for b in a.blocks] for a in page.articles] == [
        [SWAP_LEAD, SWAP_A_1, SWAP_A_2, SWAP_A_3, SWAP_A_4], [SWAP_B]]


def test_a_first_line_shaped_as_a_subhead_opens_a_row_only_when_asked_wide() -> None:
    from textfix.lines import BylineFinder
    from textfix.order import _rows_later, _strips_foot, boxes

    text, _ = _swap_page()
    blocks = boxes(text, BylineFinder())
    assert _rows_later(blocks, _strips_foot(blocks)) == []
    assert _rows_later(blocks, _strips_foot(blocks), wide=True) == [[5]]


# A paragraph's first line and second line, each boxed alone by pdfminer (hand-written; columns of 13
# characters, 26 units): the first short by the indent, with a comma and no sentence end; the second
# fills the column with ideographs and no mark, so it is shaped as a subhead.  Printed after them, the
# next article's title (nothing goes on from the second line there); the paragraph's rest is printed last.
SECOND_ALONE_PAGE = (
    "据介绍，全市今年新建口袋公\n园四十余座，改造绿地百处。\n\n"
    "另据统计，全市绿地率已\n\n"
    "经达到百分之四十较去年提高\n\n"
    "假期文旅市场火热\n\n"
    "了两个百分点，居民普遍满意\n绿化成效。\n"
)


def test_a_second_line_boxed_alone_is_read_on_from_its_first_and_runs_on() -> None:
    from textfix.order import _seam_costs

    blocks = _blocks(SECOND_ALONE_PAGE)
    assert [len(b) for b in blocks] == [2, 1, 1, 1, 2]
    first, second = blocks[1][0], blocks[2][0]
    assert (first.column - first.width, second.column - second.width) == (4, 0)
    cost = _seam_costs(blocks)
    assert cost(1, 2)[0] == 0  # 已 | 经达到: the paragraph read on where it is printed
    assert cost(2, 3)[0] == 1  # …提高 | a title: the paragraph left unfinished
    assert cost(2, 4)[0] == 0  # …提高 | 了两个百分点: its rest goes on from it


def test_a_subhead_shaped_line_short_of_the_column_after_a_first_line_is_still_a_subhead() -> None:
    from textfix.order import _seam_costs

    # Four characters short of the column (8 units): a subhead's shape, set short; nothing goes on into it.
    blocks = _blocks(SECOND_ALONE_PAGE.replace("经达到百分之四十较去年提高", "全市绿化成效显著提"))
    assert blocks[2][0].column - blocks[2][0].width == 8
    cost = _seam_costs(blocks)
    assert cost(1, 2)[0] == 1


def _print_broken(n: int):
    """A seam cost for *n* blocks whose every print seam breaks a sentence and no other seam does."""
    return lambda x, y: (int(y == x + 1), 0.0)


def test_no_strip_but_the_last_holds_a_block_that_ends_its_article_with_its_byline() -> None:
    # Blocks 0 and 1 are the first strip (A's and B's first columns), 2 and 3 the second.  Read
    # A 0, 2 then B 1, 3 every print seam is mended, but block 1 ends with a byline: B's columns end
    # there, so no column of B comes after it, and the strips are no reading.
    args = ([0, 2], 4, _print_broken(4), [True, True, False, False, True], [True] * 5, [False] * 5,
            [0, 2, 4, 6, 8], [set()] * 4)
    assert _interleave(*args, bylined=[False] * 5)[1] == [0, 2, 1, 3]
    assert _interleave(*args, bylined=[False, True, False, False, False]) is None


def test_no_band_of_an_articles_first_column_holds_its_byline() -> None:
    from textfix.order import _bands

    # One article's two columns printed in two bands (0 | 1, then 2 | 3, two lines each): read 0, 2
    # then 1, 3 every print seam is mended, but block 2 ends with a byline, and a byline ends the
    # article at its last column's foot, so column 1 cannot hold it.
    args = (0, 4, _print_broken(4), [False] * 5, [False] * 5, [0, 2, 4, 6, 8], [0, 1, 2, 3, 4])
    assert _bands(*args, [False] * 5)[1] == [0, 2, 1, 3]
    assert _bands(*args, [False, False, True, False, False]) is None


def test_bands_whose_first_column_ends_on_a_paragraphs_first_line_go_after_those_that_do_not() -> None:
    from textfix.order import _bands

    # One article's two columns printed in two bands: 0 | 1 (two lines each), then 2, 3 | 4 or 2 | 3, 4
    # (blocks of 2, 1 and 3 lines); only the print seams 0-1 and 1-2 break a sentence, and both bandings
    # mend them.  The first banding's last band stands level (3 lines to 3), the second's 2 to 4, so
    # balance reads 0, 2, 3 | 1, 4; but block 3 is a paragraph's first line boxed alone, which that reading
    # sets at the first column's foot, its paragraph going on in block 1's two lines (orphans).
    cost = lambda x, y: (int((x, y) in {(0, 1), (1, 2)}), 0.0)  # noqa: E731
    args = (0, 5, cost, [False] * 6, [False] * 6, [0, 2, 4, 6, 7, 10], [0, 1, 2, 3, 4, 5], [False] * 6)
    assert _bands(*args)[1] == [0, 2, 3, 1, 4]
    assert _bands(*args, [False, False, False, True, False], [False] * 5)[1] == [0, 2, 1, 3, 4]


def test_no_text_is_read_between_an_articles_byline_and_the_next_articles_title() -> None:
    from types import SimpleNamespace

    from textfix.order import _Page

    # Blocks: 0 A's title, 1 A's text, 2 A's last text with its byline, 3 a paragraph of B, 4 B's
    # title, 5 B's first paragraph.  Read 3 right after A's byline, it opens an article there; B's
    # title after it then opens another, and 3 belongs to none.
    page = SimpleNamespace(bylined=[False, False, True, False, False, False], opens=[True, False, False, False, True, False],
                           prose=[False, True, True, True, False, True])  # all but the title
    assert _Page.text_between_articles(page, [0, 1, 2, 3, 4, 5]) is True
    assert _Page.text_between_articles(page, [0, 1, 2, 4, 5, 3]) is False
    # Titles at the page's foot (no opening among the columns): the text after a byline opens the next article.
    page.opens = [False] * 6
    assert _Page.text_between_articles(page, [0, 1, 2, 3, 4, 5]) is False
    # A heading (block 3 a wrapped title's first line, boxed alone, or a title stack of three lines) between
    # the byline and B's opening is no prose.
    page.opens, page.prose = [True, False, False, False, True, False], [False, True, True, False, False, True]
    assert _Page.text_between_articles(page, [0, 1, 2, 3, 4, 5]) is False
