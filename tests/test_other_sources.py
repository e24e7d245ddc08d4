"""bench/other_sources.py: reading prose out of the Debian packages' files (invented text, not theirs)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
import other_sources as OS  # noqa: E402


def test_a_wrap_between_chinese_characters_is_closed_up_and_one_beside_latin_is_a_space():
    assert OS.tidy("  我们明天上\n  午出发，\n去 Debian\n网站看看。 ") == "我们明天上午出发，去 Debian 网站看看。"


@pytest.mark.parametrize("text, prose", [
    ("小明每天早上七点起床，然后去公园跑步。", True),
    ("请先打开 Writer 再选择菜单里的一项。", True),  # a Latin word is one unit: still mostly CJK
    ("第三章 安装软件", False),  # a heading: no sentence end
    ("打开 apt-get install foo bar baz qux 命令。", False),  # mostly Latin words
    ("他说,今天天气很好,我们出去玩吧。", False),  # half-width commas after CJK
    ("。然后他回家吃饭了，吃得很饱。", False),  # cut at an element inside a paragraph
    ("好的。", False),  # too short
])
def test_prose_is_mostly_cjk_ending_on_a_sentence_mark(text, prose):
    assert OS.is_prose(text) is prose


def test_traditional_script_is_left_out_and_one_rare_character_is_not():
    import opencc

    t2s = opencc.OpenCC("t2s")
    assert OS.is_simplified("小明每天早上七点起床，然后去公园跑步。", t2s)
    assert not OS.is_simplified("小明每天早上七點起床，然後去公園跑步。", t2s)  # 點 後 園: three changed


def test_fortune_entries_drop_colours_and_attributions_and_join_their_wraps(tmp_path):
    path = tmp_path / "fortunes"
    path.write_text("\x1b[32m小明每天早上\n七点起床。\x1b[m\n\n然后去公园跑步。\n    -- 某人《日记》\n%\n第二条。\n", encoding="utf-8")
    assert OS.fortune_blocks(path) == [["小明每天早上七点起床。", "然后去公园跑步。"], ["第二条。"]]


def test_html_blocks_drop_markup_code_and_scripts(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><title>标题</title><script>var a;</script></head><body>"
                    "<h1>第一章</h1><p>小明每天<span>早上</span>七点\n起床。</p><pre>ls -l</pre>"
                    "<ul><li>然后去公园跑步。</li></ul></body></html>", encoding="utf-8")
    assert OS.html_blocks(path) == [["第一章", "小明每天早上七点起床。", "然后去公园跑步。"]]


def test_documents_keep_prose_once_per_source(tmp_path):
    for name in ("a.html", "b.html"):
        (tmp_path / name).write_text("<p>小明每天早上七点起床，然后去公园跑步。</p><p>第三章</p>", encoding="utf-8")
    source = OS.Source("invented", "none", (str(tmp_path / "*.html"),), "html")
    assert OS.documents(source) == [["小明每天早上七点起床，然后去公园跑步。"]]


def test_without_the_packages_it_says_how_to_install_them(monkeypatch, capsys):
    monkeypatch.setattr(OS, "SOURCES", (OS.Source("invented", "none", ("/nonexistent/*.html",), "html"),))
    assert OS.main([]) == 3
    assert "apt-get install" in capsys.readouterr().err
