"""Issue 12, do no harm: clean, already repaired and non-print text comes through intact.

The expected values are worked out from the inputs by hand (line counts,
``## `` lines, the project's own articles in corpora/texts), never copied
from textfix's output.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textfix  # noqa: E402
from textfix.formats import to_text
from textfix.repair import apply_changes, repair
from textfix.shape import PARAGRAPHS, PRINT, layout_of
from textfix.split import split_page

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "corpora"))
from generate_pages import generate_page  # noqa: E402  (the corpus generator, stdlib only)

WEB = (ROOT / "seeds" / "000_b2a6d463218f33b3.txt").read_text(encoding="utf-8")
SEED_PAGE = (ROOT / "seeds" / "001_b2b7af04dbdc7222.txt").read_text(encoding="utf-8")
PAGES = sorted((ROOT / "corpora" / "pages").glob("synth-*.txt"))
ARTICLES = json.loads((ROOT / "corpora" / "texts" / "articles.json").read_text(encoding="utf-8"))
ALL_PAGES = [SEED_PAGE] + [p.read_text(encoding="utf-8") for p in PAGES]
PAGE_IDS = ["seed"] + [p.stem for p in PAGES]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "textfix", *args], capture_output=True, text=True, cwd=ROOT)


def _plain(article: dict, blank_lines: bool) -> str:
    """One of the project's own articles as a web article: title line, then a line per block."""
    return ("\n\n" if blank_lines else "\n").join([article["title"], *(b["text"] for b in article["blocks"])]) + "\n"


def _blocks(page) -> list[list[tuple[str, str]]]:
    return [[(b.kind, b.text) for b in a.blocks] for a in page.articles]


# --- what the lines are -----------------------------------------------------------------------


def test_web_article_and_print_page_are_told_apart() -> None:
    assert layout_of(WEB) == PARAGRAPHS
    assert layout_of(SEED_PAGE) == PRINT
    assert all(layout_of(text) == PRINT for text in ALL_PAGES)
    assert all(layout_of(_plain(a, blank)) == PARAGRAPHS for a in ARTICLES for blank in (False, True))


# --- the clean web article (seeds/000) --------------------------------------------------------

# By hand from seeds/000: its non-empty lines, the one that opens with "%" (the web page cut a
# paragraph after "比重75"), its "## " headings and its 来源 line.
WEB_LINES = [line for line in WEB.split("\n") if line.strip()]
CUT = next(i for i, line in enumerate(WEB_LINES) if line.startswith("%"))
WEB_PARAGRAPHS = WEB_LINES[:CUT - 1] + [WEB_LINES[CUT - 1] + WEB_LINES[CUT]] + WEB_LINES[CUT + 1:]


def test_repair_keeps_a_web_articles_paragraphs() -> None:
    out = run("repair", str(ROOT / "seeds" / "000_b2a6d463218f33b3.txt")).stdout
    assert [line for line in out.split("\n") if line.strip()] == WEB_PARAGRAPHS
    assert "## 行业持续快速增长" in out.split("\n")  # a heading, on its own line, markup and all


@pytest.mark.parametrize("second, joined", [
    ("...然后他们就各自回家去了，路上还下起了小雨。", False),  # an ellipsis typed as dots opens a paragraph
    (".deb 文件是一种软件包格式，可以直接安装使用。", False),  # a file name's dot
    (".5%，比去年同期高出不少，大家都很满意。", True),  # a number cut off after 比重3: the line before's rest
    ("。然后他们就各自回家去了，路上还下起了小雨。", True),  # a full stop no line opens with
])
def test_only_a_dot_that_is_a_full_stop_joins_the_line_before(second: str, joined: bool) -> None:
    first = "今天下午的会议一直开到很晚，大家讨论了比重3"
    text = f"一个标题\n{first}\n{second}\n最后一段也是一句完整的话，说完就结束了。\n"
    lines = [line for line in repair(text).text.split("\n") if line.strip()]
    assert lines == (["一个标题", first + second, lines[-1]] if joined else ["一个标题", first, second, lines[-1]])


def test_split_reads_a_web_article_as_one_article() -> None:
    page = split_page(WEB)
    assert len(page.articles) == 1
    article = page.articles[0]
    headings = [line[3:] for line in WEB_PARAGRAPHS if line.startswith("## ")]
    assert [b.text for b in article.blocks if b.kind == "heading"] == headings == ["行业持续快速增长", "数字技术创造新机遇", "示范城市引领发展"]
    body = [line for line in WEB_PARAGRAPHS if not line.startswith(("## ", "来源："))]
    body[-1] = body[-1][: body[-1].rindex("（记者")]  # the byline closes the last paragraph
    assert [b.text for b in article.blocks if b.kind == "paragraph"] == body
    assert len(article.blocks) == 24  # gold article 1 of shared/gold/seed_page.gold.json: 21 paragraphs, 3 headings
    assert article.byline == "龚联康" and article.title == ""
    assert article.source_line == "来源：经济参考报"


# --- plain text: the project's own articles, one paragraph a line -----------------------------


@pytest.mark.parametrize("blank_lines", [False, True])
def test_plain_articles_pass_repair_unchanged(blank_lines: bool) -> None:
    for article in ARTICLES:
        text = _plain(article, blank_lines)
        result = repair(text)
        assert result.text == text, article["title"]
        assert result.changes == []


@pytest.mark.parametrize("blank_lines", [False, True])
def test_plain_articles_split_into_their_blocks(blank_lines: bool) -> None:
    for article in ARTICLES:
        page = split_page(_plain(article, blank_lines))
        assert [a.title for a in page.articles] == [article["title"]]
        assert _blocks(page) == [[(b["kind"], b["text"]) for b in article["blocks"]]]


# --- idempotent ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ALL_PAGES + [WEB], ids=PAGE_IDS + ["web"])
def test_repair_twice_is_repair_once(text: str) -> None:
    once = repair(text).text
    assert repair(once).text == once


@pytest.mark.parametrize("text", ALL_PAGES + [WEB], ids=PAGE_IDS + ["web"])
def test_split_of_split_text_is_the_same(text: str) -> None:
    page = split_page(text)
    again = split_page(to_text(page))
    assert [a.title for a in again.articles] == [a.title for a in page.articles]
    assert _blocks(again) == _blocks(page)
    assert [a.byline for a in again.articles] == [a.byline for a in page.articles]


def test_cli_repair_and_split_are_idempotent_on_the_seed_page(tmp_path: Path) -> None:
    once = tmp_path / "once.txt"
    assert run("repair", str(ROOT / "seeds" / "001_b2b7af04dbdc7222.txt"), "-o", str(once)).returncode == 0
    assert run("repair", str(once)).stdout == once.read_text(encoding="utf-8")
    split = tmp_path / "split.txt"
    assert run("split", str(ROOT / "seeds" / "001_b2b7af04dbdc7222.txt"), "--format", "text", "-o", str(split)).returncode == 0
    first, second = (json.loads(run("split", str(p), "--format", "json").stdout) for p in (ROOT / "seeds" / "001_b2b7af04dbdc7222.txt", split))
    assert len(first["articles"]) == len(second["articles"]) == 3
    strip = lambda a: (a["title"], a["byline"], [(b["kind"], b["text"]) for b in a["blocks"]])  # noqa: E731
    assert [strip(a) for a in second["articles"]] == [strip(a) for a in first["articles"]]


# --- one behaviour for API and CLI ------------------------------------------------------------


def test_api_repair_is_what_the_cli_prints() -> None:
    cli = run("repair", str(ROOT / "seeds" / "001_b2b7af04dbdc7222.txt")).stdout
    assert textfix.repair(SEED_PAGE).text == cli
    kept = run("repair", "--keep-lines", str(ROOT / "seeds" / "001_b2b7af04dbdc7222.txt")).stdout
    assert textfix.repair(SEED_PAGE, rejoin=False).text == kept
    assert cli.count("\n") < kept.count("\n")  # rejoining is on by default


# --- the change log is a plan -----------------------------------------------------------------


@pytest.mark.parametrize("text", ALL_PAGES + [WEB], ids=PAGE_IDS + ["web"])
def test_the_log_makes_the_output(text: str) -> None:
    for rejoin in (True, False):
        result = textfix.repair(text, rejoin=rejoin)
        assert textfix.apply_changes(text, result.changes) == result.text
        for c in result.changes:
            assert text[c.start : c.end] == c.old


def test_the_header_is_logged_as_printed() -> None:
    header = SEED_PAGE.split("\n", 1)[0]
    assert header == " 6 产经 Industries"
    result = repair(SEED_PAGE)
    assert result.text.startswith("6 产经 Industries\n\n")  # printed as it stands, the leading space gone
    in_header = [c for c in result.changes if c.start < len(header)]
    assert [(c.start, c.end, c.old, c.new, c.rule) for c in in_header] == [(0, 1, " ", "", "rejoin")]


@settings(max_examples=100, derandomize=True, deadline=None, database=None)
@given(st.lists(st.sampled_from(["服务外包", "2022年", "增长", "。", "，", "遥", "\n", "\n\n", " ", "## ", "（记者 韩鑫）", "%"]), max_size=60).map("".join))
def test_the_log_makes_the_output_of_any_page(text: str) -> None:
    result = repair(text)
    assert apply_changes(text, result.changes) == result.text
    assert repair(result.text).text == result.text


@settings(max_examples=40, derandomize=True, deadline=None, database=None)
@given(st.integers(0, 10**9))
def test_generated_print_pages_settle(seed: int) -> None:
    """Print pages drawn by the corpus generator from the project's own articles: the log makes the
    output, repairing the output changes nothing, and splitting split's text output gives the same."""
    text, _, _ = generate_page(random.Random(seed), ARTICLES)
    result = repair(text)
    assert apply_changes(text, result.changes) == result.text
    assert repair(result.text).text == result.text
    page = split_page(text)
    again = split_page(to_text(page))
    assert [(a.title, a.byline, [(b.kind, b.text) for b in a.blocks]) for a in again.articles] == [
        (a.title, a.byline, [(b.kind, b.text) for b in a.blocks]) for a in page.articles
    ]


# --- normalisations need print evidence -------------------------------------------------------


def test_print_repairs_need_print_evidence() -> None:
    clean = "数字经济 2022年增长,规模扩大———\n"  # one line: no column, no garble
    assert repair(clean).text == clean
    assert repair(clean, latin_spacing=True, ascii_punctuation=True, dash_runs=True).text == "数字经济2022年增长，规模扩大——\n"
    garbled = "数字经济 2022年增长遥规模扩大———\n"  # a garble is print evidence
    assert repair(garbled).text == "数字经济2022年增长。规模扩大——\n"
    assert repair(garbled, garbles=False).text == garbled


def test_cli_layout_flag_says_what_the_lines_are() -> None:
    kept = run("repair", "--layout", "paragraphs", str(ROOT / "seeds" / "001_b2b7af04dbdc7222.txt")).stdout
    printed = [line for line in SEED_PAGE.split("\n") if line.strip()]
    assert len([line for line in kept.split("\n") if line.strip()]) == len(printed)  # no line rejoined
    assert run("repair", "--layout", "columns", str(ROOT / "seeds" / "001_b2b7af04dbdc7222.txt")).returncode != 0


# --- a page that mixes print lines and paragraphs ---------------------------------------------


@pytest.mark.parametrize("before", [False, True], ids=["article after", "article before"])
def test_paragraphs_inside_a_print_page_keep_their_lines(before: bool) -> None:
    """One of the project's articles, a paragraph a line, next to the seed page: each part as alone."""
    article = ARTICLES[0]
    plain = "\n".join(b["text"] for b in article["blocks"]) + "\n"  # no title: the page's foot titles come before
    text = plain + "\n" + SEED_PAGE if before else SEED_PAGE + "\n" + plain
    out = repair(text).text.split("\n")
    for block in article["blocks"]:
        assert block["text"] in out  # still a line of its own, not run into the print paragraphs
    alone = [line for line in repair(SEED_PAGE).text.split("\n") if line.strip()]
    assert [line for line in alone if line not in out] == []  # the print part rejoined as it is alone
    assert repair("\n".join(out)).text == "\n".join(out)


def test_print_lines_inside_a_text_of_paragraphs_are_rejoined() -> None:
    """All the project's articles, a paragraph a line, then the seed page's first 80 lines: the text
    reads as paragraphs, yet the print lines are rejoined as they are alone and the paragraphs kept."""
    plain = "\n".join(b["text"] for a in ARTICLES for b in a["blocks"]) + "\n"
    part = "\n".join(SEED_PAGE.split("\n")[:80]) + "\n"
    text = plain + "\n" + part
    assert layout_of(text) == PARAGRAPHS  # as a whole the text reads as paragraphs
    out = repair(text).text.split("\n")
    assert all(b["text"] in out for a in ARTICLES for b in a["blocks"])
    alone = [line for line in repair(part).text.split("\n") if line.strip()]
    assert len(alone) < part.count("\n") / 2  # alone, the part's lines are rejoined
    assert [line for line in alone if line not in out] == []


def test_paragraphs_between_print_pages_of_different_columns() -> None:
    """The committed pages of the narrowest and the widest column (13 and 22 characters, says the
    manifest) with an article a paragraph a line between them: each part comes out as alone."""
    manifest = json.loads((ROOT / "corpora" / "pages" / "MANIFEST.json").read_text(encoding="utf-8"))
    by_width = sorted(manifest["pages"], key=lambda p: p["width_chars"])
    narrow, wide = ((ROOT / "corpora" / "pages" / p["source"]).read_text(encoding="utf-8") for p in (by_width[0], by_width[-1]))
    blocks = [b["text"] for b in ARTICLES[3]["blocks"]]
    out = repair(narrow + "\n" + "\n".join(blocks) + "\n\n" + wide).text.split("\n")
    assert all(b in out for b in blocks)
    for part in (narrow, wide):
        assert [line for line in repair(part).text.split("\n") if line.strip() and line not in out] == []
