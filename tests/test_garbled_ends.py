"""A paragraph whose last printed mark is garbled (遥 for 。, 浴 for ！, 冶 for ”): the reader sees it end
where the layout says so (a short line, then an indented one or the titles at the foot), and the
repair then reads the mark at a paragraph's end.  Hand-written pages; expected values by hand."""

from __future__ import annotations

from textfix.layout import read_layout
from textfix.lines import BylineFinder
from textfix.split import split_page

# The GB2312 lead-byte shift's forms of the marks (textfix.model: 遥 。, 浴 ！, 冶 ”, 袁 ，, 野 “).
FINDER = BylineFinder(mark_forms=(("。", "遥"), ("！", "浴"), ("”", "冶")))


def test_a_line_ends_a_sentence_read_with_its_garbled_marks() -> None:
    assert FINDER.ends_garbled("全国劳模称号获得者张立藩遥")  # 藩。
    assert FINDER.ends_garbled("干劲十足用浴冶")  # 用！”
    assert not FINDER.ends_garbled("遥远")  # the form opens the line: a word
    assert not FINDER.ends_garbled("他说冶")  # 说” : a closing quote alone ends a phrase as often
    assert not BylineFinder().ends_garbled("张立藩遥")  # without the model's forms


# Column 12 characters (24 units); a paragraph's first line is 10 (its indent lost).
SHORT_END = """今年以来，多国民众围
绕安全政策展开讨论，不少
人担心军费开支挤占民生投
入遥
分析人士指出，各方应
保持克制，通过对话化解分
歧。
"""


def test_a_short_line_ending_in_a_garbled_stop_ends_its_paragraph_before_an_indented_line() -> None:
    # 入遥 (4 units) is no full line, and 分析人士指出，各方应 (20) is an indented first line.
    items = read_layout(SHORT_END, FINDER)
    assert [(i.kind, i.text[:4], i.text[-2:]) for i in items] == [("paragraph", "今年以来", "入遥"), ("paragraph", "分析人士", "歧。")]


# 人担心和平之路依然十分遥 fills the column: 遥 is the first half of 遥远, and the line runs on, though the
# line after it is as short as an indented one.
FULL_END = """今年以来，多国民众围
绕安全政策展开讨论，不少
人担心和平之路依然十分遥
远，各方应保持克制化解
分歧。
"""


def test_a_full_line_ending_in_a_form_runs_on() -> None:
    items = read_layout(FULL_END, FINDER)
    assert [(i.kind, i.text[:4], i.text[-2:]) for i in items] == [("paragraph", "今年以来", "歧。")]


# Titles at the foot: the last paragraph ends 用浴冶 (用！” garbled, 6 units, short of the column).  It is
# punctuated as a title may be, but the titles come after it: two articles, two titles.
FOOT = """今年以来，多国民众围
绕安全政策展开了广泛的讨
论。（记者 张伟）
工人们表示，要继续发
扬劳模精神，在岗位上建功
立业，“为祖国建设多出力
用浴冶
多国民众意见出现分歧
劳模精神代代相传
"""


def test_the_titles_at_the_foot_follow_a_last_line_ending_in_garbled_marks() -> None:
    items = read_layout(FOOT, FINDER)
    assert [i.text for i in items if i.kind == "foot_title"] == ["多国民众意见出现分歧", "劳模精神代代相传"]
    assert items[-3].kind == "paragraph" and items[-3].text.endswith("用浴冶")


# A print page garbled throughout its first paragraph (袁 ，, 遥 。, 野 “, 冶 ”): its last line 藩遥 is
# short and the next line an indented first line.  Split, the paragraph ends there, and the 遥 at
# its end is the full stop.
GARBLED_PAGE = """他是我国桥梁工程学科
的主要奠基人袁主持了四十
余座大桥袁培养了我国第一
届桥梁工程专业学生遥他就
是我国著名工程师袁野大桥
建设者冶全国劳模称号获得
者——张立藩遥
已经八十七岁高龄的张
立藩教授，虽然患有严重的
眼疾，仍坚持每天工作。
"""


def test_a_garbled_stop_at_a_paragraph_end_is_restored() -> None:
    page = split_page(GARBLED_PAGE)
    texts = [b.text for a in page.articles for b in a.blocks]
    assert texts[0].endswith("获得者——张立藩。") and texts[1].startswith("已经八十七岁")


# Titles at the foot, and a one-line paragraph ending the first article whose full stop is printed
# garbled (李红出席座谈遥): bare as printed, the layout reads it as a subhead, and the repair then reads
# its 遥 as 。.  No subhead ends on a full stop: it stays the article's last paragraph.
FULL_STOP_LINE = """本报记者 李华
本报北京3月1日电 全国桥梁工程学术会
议1日在北京开幕，来自各地的专家学者参
加会议，共商桥梁建设高质量发展大计。
与会专家表示，要坚持创新驱动，加快
关键技术攻关，推动桥梁建设向智能化、绿
色化方向发展，为交通强国建设提供支撑。
李红出席座谈遥
新华社北京3月2日电（记者 张明）全国
水利工程技术交流会2日在北京举行，来自
各地的工程技术人员参加交流活动。
会议指出，要统筹发展和安全，加强
水利基础设施建设，提升防灾减灾能力。
桥梁工程学术会议在北京开幕
水利工程技术交流会在京举行
"""


def test_a_one_line_paragraph_ending_in_a_garbled_full_stop_is_no_subhead() -> None:
    page = split_page(FULL_STOP_LINE)
    assert [a.title for a in page.articles] == ["桥梁工程学术会议在北京开幕", "水利工程技术交流会在京举行"]
    last = page.articles[0].blocks[-1]
    assert (last.kind, last.text) == ("paragraph", "李红出席座谈。")
    assert all(b.kind == "paragraph" for a in page.articles for b in a.blocks)
