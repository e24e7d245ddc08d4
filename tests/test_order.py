"""Reading order from the text alone (textfix.order): pdfminer prints column 1 of every article
before column 2; split reads the blocks in order, and its change log carries the moves."""

from __future__ import annotations

from textfix import split_page
from textfix.order import JOIN_MIN, join, reading_order
from textfix.repair import apply_changes, repair

# Two articles set in two columns of 12 characters (a paragraph's first line indented by two),
# each column broken inside a sentence (上|年同期, 老旧|小区: the language model expects each
# join, textfix.order.JOIN_MIN); pdfminer prints each article's first column, then each one's
# second.
A = "农业农村部有关负责人表示，今年以来各地抓紧春耕生产，全国已播种粮食面积超过三亿亩，进度快于上年同期，其中早稻栽插已基本完成。各地农机手抢抓农时作业，确保应种尽种。"
B = "住房城乡建设部介绍，今年将新开工改造城镇老旧小区五万个，并在有条件的楼栋同步推进适老化改造，加装电梯两万部，惠及居民八百万户。"
A_COLUMN_1 = "农业农村部有关负责人\n表示，今年以来各地抓紧春\n耕生产，全国已播种粮食面\n积超过三亿亩，进度快于上"
A_COLUMN_2 = "年同期，其中早稻栽插已基\n本完成。各地农机手抢抓农\n时作业，确保应种尽种。"
B_COLUMN_1 = "住房城乡建设部介绍，\n今年将新开工改造城镇老旧"
B_COLUMN_2 = "小区五万个，并在有条件的\n楼栋同步推进适老化改造，\n加装电梯两万部，惠及居民\n八百万户。"
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
    page = split_page(PDFMINER_PAGE, reorder=True)
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
    page = split_page(text, reorder=True)
    assert [[b.text for b in a.blocks] for a in page.articles] == [[A], [B]]
    assert not any(c.rule == "reorder" for c in page.changes)


def test_paragraphs_that_end_their_sentences_are_not_moved() -> None:
    # Clean text, a blank line between paragraphs: nothing ends open.
    text = "\n\n".join([A_TITLE, A, "（记者 张伟）", B_TITLE, B, "（记者 李明）"]) + "\n"
    assert reading_order(text) is None


def test_repair_prints_the_page_in_reading_order() -> None:
    result = repair(PDFMINER_PAGE, reorder=True)
    assert result.text == "\n\n".join([A_TITLE, A, "（记者 张伟）", B_TITLE, B, "（记者 李明）"]) + "\n"
    assert apply_changes(PDFMINER_PAGE, result.changes) == result.text
    assert repair(result.text, reorder=True).text == result.text  # read in order, the output stays as it is


def test_a_join_the_language_model_does_not_expect_is_not_made() -> None:
    # B broken at 有条件的|楼栋 instead: log10 P(楼栋 | 件的) is below JOIN_MIN, so neither
    # column is moved (every join of a reordering must be expected).
    b_1 = B_COLUMN_1 + "\n" + B_COLUMN_2.split("\n")[0]
    b_2 = B_COLUMN_2.split("\n", 1)[1]
    text = "\n\n".join([A_TITLE, A_COLUMN_1, B_TITLE, b_1, A_COLUMN_2, "（记者 张伟）", b_2, "（记者 李明）"]) + "\n"
    assert join(b_1[-3:], b_2[:3]) < JOIN_MIN
    assert reading_order(text) is None


def test_split_and_repair_read_as_printed_unless_asked() -> None:
    # Off by default: on the test batch it read pdfminer's pages a little worse (README).
    page = split_page(PDFMINER_PAGE)
    assert not any(c.rule == "reorder" for c in page.changes)
    assert [b.text for b in page.articles[0].blocks] != [A]
    assert not any(c.rule == "reorder" for c in repair(PDFMINER_PAGE).changes)
