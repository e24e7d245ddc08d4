"""The HTML alignment report: self-contained, escaped, well-formed, with garbles highlighted."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from textfix.align import align
from textfix.io import read_text
from textfix.report import alignment_html

REPO = Path(__file__).resolve().parent.parent
CLEAN = REPO / "seeds" / "000_b2a6d463218f33b3.txt"
NOISY = REPO / "seeds" / "001_b2b7af04dbdc7222.txt"

VOID = {"meta", "link", "br", "hr", "img", "input", "col", "area", "base", "wbr", "source", "track", "embed"}


class StrictParser(HTMLParser):
    """Checks nesting, and collects text by the classes of its enclosing elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, dict[str, str | None]]] = []
        self.errors: list[str] = []
        self.texts: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []  # (text, classes, titles) of ancestors
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag not in VOID:
            self.stack.append((tag, a.get("class") or "", a))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"unexpected </{tag}> with open {[t for t, _, _ in self.stack][-3:]}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        classes = tuple(c for _, cls, _ in self.stack for c in cls.split())
        titles = tuple(a["title"] for _, _, a in self.stack if a.get("title"))
        self.texts.append((data, classes, titles))


def parse(html: str) -> StrictParser:
    parser = StrictParser()
    parser.feed(html)
    parser.close()
    assert not parser.errors, parser.errors
    assert not parser.stack, f"unclosed: {[t for t, _, _ in parser.stack]}"
    return parser


@pytest.fixture(scope="module")
def seed_html() -> str:
    return alignment_html(align(read_text(CLEAN), read_text(NOISY)), CLEAN.name, NOISY.name)


def test_seed_report_is_self_contained(seed_html: str) -> None:
    assert seed_html.startswith("<!DOCTYPE html>")
    assert "http://" not in seed_html and "https://" not in seed_html
    lowered = seed_html.lower()
    assert "<link" not in lowered
    assert not re.search(r"<script[^>]*\bsrc\s*=", lowered)
    targets = re.findall(r"\b(?:src|href)\s*=\s*[\"']?([^\"'\s>]*)", lowered)
    assert targets and all(t.startswith("#") for t in targets), targets  # only in-page anchors
    assert "@import" not in lowered and "url(" not in lowered
    assert '<meta charset="utf-8">' in lowered


def test_seed_report_parses_and_highlights_the_garble(seed_html: str) -> None:
    parser = parse(seed_html)
    garbled = [(text, titles) for text, classes, titles in parser.texts if "k-garble" in classes]
    assert any("豫" in text for text, _ in garbled), garbled
    assert any(t[-1] == "garble: % → 豫 (gb2312 lead-byte +0x31)" for text, t in garbled if text == "豫")
    # the clean side marks the % it came from
    assert any(text == "%" for text, _ in garbled)
    # every kind has a legend entry and a colour rule
    for kind in ("layout", "variant", "garble", "substitution", "insertion", "deletion"):
        assert f".k-{kind}{{background:" in seed_html
        assert any(text == kind and "legend" in classes for text, classes, _ in parser.texts)


def test_seed_report_header_and_tables(seed_html: str) -> None:
    text = "".join(t for t, _, _ in parse(seed_html).texts)
    assert "lines 3–239 of the page" in text  # the span, as page line numbers
    assert "gb2312 lead-byte +0x31" in text  # the mechanism
    assert "garble 2" in text and "layout 5" in text  # counts per kind
    assert "Most frequent substitutions" in text
    assert "white-space: pre-wrap" in seed_html


def test_noisy_column_shows_span_with_dimmed_context(seed_html: str) -> None:
    parser = parse(seed_html)
    noisy = [(t, c) for t, c, _ in parser.texts if "side-n" in c]
    clean = [(t, c) for t, c, _ in parser.texts if "side-c" in c]
    assert noisy and clean
    assert "产经" in "".join(t for t, c in noisy if "out" in c)  # the page header before the span, dimmed
    assert "产经" not in "".join(t for t, c in noisy if "out" not in c)
    assert "第十二届中国国际服务外包交易博览会" in "".join(t for t, c in noisy if "out" not in c)
    shown = "".join(t for t, _ in noisy)
    assert "绿色制造是推动工业绿色发展" in shown  # the next article's first lines: context
    assert "2022年度绿色制造名单公布" in "".join(t for t, c in noisy if "out" in c)
    assert "临港" not in shown  # far beyond the span: cut
    assert "lines below not shown" in seed_html
    # line breaks of both texts are kept: one line element per text line
    lines = [a for tag, a in parser.tags if tag == "div" and (a.get("class") or "").startswith("ln")]
    assert len(lines) == read_text(CLEAN).count("\n") + 1 + 243


def test_text_is_escaped() -> None:
    clean = "这是一个测试<b>加粗</b>的句子，我们看看报告是否正确转义，还有更多的文字在这里。"
    noisy = "页眉 第一版\n这是一个测试<b>加粗</b>的句子，我们看看报告\n是否正确转义，还有更多的文字在<这里>。\n页脚"
    html = alignment_html(align(clean, noisy), "<clean>", "noisy&co")
    assert "<b>" not in html and "</b>" not in html and "<这里>" not in html
    assert "&lt;b&gt;加粗&lt;/b&gt;" in html
    assert "&lt;clean&gt;" in html and "noisy&amp;co" in html
    parser = parse(html)
    text = "".join(t for t, _, _ in parser.texts)
    assert "测试<b>加粗</b>的句子" in text  # round-trips as text, never as markup
    assert not any(tag == "b" for tag, _ in parser.tags)
    inserted = [(t, titles[-1]) for t, classes, titles in parser.texts if "k-insertion" in classes]
    assert inserted == [("<", "insertion: ∅ → <"), (">", "insertion: ∅ → >")]
    assert 'title="insertion: ∅ → &lt;"' in html


def test_tooltips_escape_markup() -> None:
    clean = "前面是一段很长的文字用来定位，然后是<标记>出现的地方，后面还有一段很长的文字。"
    noisy = "前面是一段很长的文字用来定位，然后是＜标记＞出现的地方，后面还有一段很长的文字。"
    html = alignment_html(align(clean, noisy))
    assert 'title="variant: &lt; → ＜ (width)"' in html
    titles = [a.get("title") for _, a in parse(html).tags if a.get("title")]
    assert "variant: < → ＜ (width)" in titles and "variant: > → ＞ (width)" in titles


def test_writes_a_file_a_browser_can_open(tmp_path: Path, seed_html: str) -> None:
    out = tmp_path / "report.html"
    out.write_text(seed_html, encoding="utf-8")
    assert out.read_text(encoding="utf-8") == seed_html
