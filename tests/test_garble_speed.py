"""The garble decision's faster paths decide exactly as the plain ones (issue 13's speed criteria).

The vector screen (numpy, :class:`textfix.garbles._VectorScreen`) must find the
very occurrences the screen's loop finds on what :attr:`_Screen.narrow` lets
through (itself what the loop finds on every candidate), and count the page's printed marks and spaces after ideographs as the
regular expressions do: on the project's pages, the seed page, and texts made
to hit every special case (whitespace of each kind next to a candidate, doubled
marks, candidates next to each other, the text's edges).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from textfix import default_model, garbles

ROOT = Path(__file__).resolve().parents[1]


def test_isspace_code_points_are_those_str_isspace_holds_for() -> None:
    assert set(garbles._ISSPACE) == {c for c in range(sys.maxunicode + 1) if chr(c).isspace()}


def _texts() -> list[str]:
    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora" / "pages").glob("synth-*.txt"))[:6]]
    seed = (ROOT / "seeds" / "001_b2b7af04dbdc7222.txt").read_text(encoding="utf-8")
    prepared = garbles._prepared(default_model())
    cands = "".join(prepared.table)
    marks = "".join(sorted({c.symbol for c in prepared.table.values()}))
    odd = [" ", "\t", "\u3000", "\n", "\r", "\f", "\x0b", "\xa0", "\u2028", "\x85", "\u200b", "\ud800", "a", "1", "％", "Ａ", "０"]
    # Every candidate after and before each kind of neighbour, doubled and tripled, at the edges.
    parts = []
    for k, g in enumerate(cands):
        o = odd[k % len(odd)]
        n = cands[(k * 7) % len(cands)]
        parts.append(f"{g}中国{o}{g}{o}人民{g}{g}{n}{g}{marks[k % len(marks)]}{g}{o}{o}{g} {g}{o}发展{g}{g}{g}。")
    special = "".join(parts)
    return [seed, *pages, special, special[1:-1], cands + special + cands, "\n".join(pages) + special]


@pytest.mark.parametrize("k", range(10))
def test_narrow_lets_through_what_the_plain_screen_does(k: int) -> None:
    """Which occurrences are decided never depends on the path (a process screens with narrow from 500k characters)."""
    texts = _texts()
    if k >= len(texts):
        pytest.skip("fewer texts")
    text = texts[k]
    screen = garbles._prepared(default_model()).screen
    plain = screen._occurrences(text, (m.start() for m in screen.pattern.finditer(text)))
    assert screen._occurrences(text, (m.start() for m in screen.narrow.finditer(text))) == plain


@pytest.mark.parametrize("k", range(10))
def test_the_vector_screen_finds_what_the_loop_does(k: int, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("numpy")
    monkeypatch.setattr(garbles, "_WINDOWS", None)  # _reach reads the text itself
    texts = _texts()
    if k >= len(texts):
        pytest.skip("fewer texts")
    text = texts[k]
    prepared = garbles._prepared(default_model())
    screen = prepared.screen
    loop = screen._occurrences(text, (m.start() for m in screen.narrow.finditer(text)))
    found, counts, windows = screen.vector.occurrences(text)
    assert found == loop
    following = garbles._SpaceEvidence._AFTER_IDEOGRAPH.findall(text)
    assert counts == (len(prepared.printed_marks.findall(text)), len(following),
                      sum(map(garbles.is_ideograph, following)))
    # The windows each side of every occurrence, as _reach reads them from the text (once gathered: before,
    # as many reads as there are occurrences are left to _reach).
    assert all(windows.reach(o.at - 1, -1, 1, {}) is None for o in found)
    assert found == [] or windows.reach(found[0].at - 1, -1, 1, {}) == garbles._reach(text, found[0].at - 1, -1, {}, 1)
    for o in found:
        for count in range(1, garbles.WINDOW_MOST + 1):
            assert windows.reach(o.at - 1, -1, count, {}) == garbles._reach(text, o.at - 1, -1, {}, count)
            assert windows.reach(o.at + o.length, 1, count, {}) == garbles._reach(text, o.at + o.length, 1, {}, count)
    # ... and with marks chosen, where it answers (none of them in its window): as _reach reads them in place.
    for chosen in ({o.at: o for o in found[::2]}, {o.at: o for o in found[::7]}):
        for o in found:
            for i, step in ((o.at - 1, -1), (o.at + o.length, 1)):
                fast = windows.reach(i, step, garbles.CONTEXT, chosen)
                assert fast is None or fast == garbles._reach(text, i, step, chosen)
    # Which occurrences' windows lie within a span of them (or reach the text's edge), counted by hand.
    span = prepared.partners.window
    for o in found:
        lo, hi = max(0, o.at - span), o.at + o.length + span
        left = text[lo : o.at].translate(garbles._DROP_WHITESPACE)
        right = text[o.at + o.length : hi].translate(garbles._DROP_WHITESPACE)
        fits = (len(left) >= garbles.WINDOW_MOST or lo == 0) and (len(right) >= garbles.WINDOW_MOST or hi >= len(text))
        assert windows.within(o.at, span) == fits
    # The decisions near chosen marks, as _near_chosen picks them.
    decisions = [garbles._Decision(o, 0.0, "text", 0.0) for o in found]
    for chosen_at in ([o.at for o in found[::5]], [o.at for o in found[1::2]], [found[-1].at] if found else []):
        assert windows.near_chosen(decisions, chosen_at) == [
            d for d in decisions if garbles._near_chosen(d.occurrence, chosen_at)]
    # The printed marks that end a sentence, and those within reach of given offsets along the run model, as
    # FontRuns finds them without the array (a short reach and a sentence end as far as 20 characters: many ends
    # within one reach; then the fitted ones, through FontRuns, whose candidates' sentence ends count too).
    ends = garbles._sentence_marks(text, prepared.printed_marks)
    assert windows.sentence_marks().tolist() == ends
    marks = [m.start() for m in prepared.printed_marks.finditer(text)]
    for ats in ([o.at for o in found[::3]], [o.at for o in found[1::11]], []):
        ended = [o.at for o in found[::4] if o.candidate.symbol in garbles.SENTENCE_ENDS]
        assert windows.marks_near(ats, 45.0, ended, 20.0) == garbles._within_reach(marks, ats, 45.0,
                                                                                   sorted(ends + ended), 20.0)
    decisions = [garbles._Decision(o, (5.0, 0.0, -3.0)[k % 3], "text", 0.0) for k, o in enumerate(found)]
    plain = garbles.FontRuns(text, prepared.printed_marks, len(marks), decisions)
    assert garbles.FontRuns(text, prepared.printed_marks, len(marks), decisions, windows).marks == plain.marks


def test_decisions_alike_with_and_without_the_vector_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("numpy")
    text = "\n".join(_texts())
    model = default_model()
    monkeypatch.setattr(garbles, "NARROW_FROM", 0)
    monkeypatch.setattr(garbles, "VECTOR_FROM", sys.maxsize)
    plain = garbles.garble_changes(text, model)
    monkeypatch.setattr(garbles, "VECTOR_FROM", 0)
    monkeypatch.setattr(garbles, "VECTOR_TEXT", 0)
    assert garbles.garble_changes(text, model) == plain
    assert garbles._prepared(model).screen.page_counts(text) is not None  # the vector screen did read it
    assert garbles._WINDOWS is None  # its windows served the call alone: not kept for the collector to walk


def test_a_call_leaves_the_windows_another_call_screened_meanwhile(monkeypatch: pytest.MonkeyPatch) -> None:
    # Two threads: while this call weighs its text, another call screens its own and sets the windows it will
    # read; this call ending must not drop them (that call would fall back to reading its text itself).
    class Theirs:
        text = "another call's text"

    theirs = Theirs()

    def other_call_screens_meanwhile(*args, **kwargs):
        garbles._WINDOWS = theirs
        return []

    monkeypatch.setattr(garbles, "_weigh", other_call_screens_meanwhile)
    monkeypatch.setattr(garbles, "_WINDOWS", None)
    garbles.garble_changes("他说遥我们明天出发。", default_model())
    assert garbles._WINDOWS is theirs


def test_the_lexicon_loaded_by_character_finds_the_words_the_whole_one_does() -> None:
    from textfix import lexicon

    chars = frozenset(garbles._prepared(default_model()).table)
    whole = lexicon.Lexicon(*lexicon._extract(lexicon.dictionary_path().read_text(encoding="utf-8"), chars))
    lazy = lexicon.load_lexicon.__wrapped__(chars)  # a fresh one, its longer words still stored
    assert lazy.stored and len(lazy.words) < len(whole.words)
    text = "\n".join(_texts()[:3])
    for i, ch in enumerate(text):
        if ch in chars or i % 7 == 0:
            assert lazy.words_covering(text, i) == whole.words_covering(text, i)
    assert lazy.words == {w: c for w, c in whole.words.items() if len(w) == 1 or w in lazy.words}
    assert (lazy.total, lazy.surnames, lazy.given) == (whole.total, whole.surnames, whole.given)


def test_kept_regex_programs_are_the_patterns_re_compiles(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    import importlib
    import marshal

    from textfix import lines, regex

    repair = importlib.import_module("textfix.repair")  # the module, not the function textfix exports by its name

    monkeypatch.setenv("TEXTFIX_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex, "_programs", None)
    patterns = [(p.pattern, p.flags) for p in (repair._LATIN_SPACING, repair._OCR_SPACING, lines.NEWS_LEAD_LINE,
                                                lines.TWO_PHRASES, garbles._SpaceEvidence._AFTER_IDEOGRAPH)]
    patterns += [(r"(?P<a>[\u4e00-\u9fff]+)(?:x|(?P<b>y))", re.M), (r"(?i)abc[\u0400-\u04ff]", 0)]
    first = [regex.compile(p, f) for p, f in patterns]  # compiled here, and kept
    regex._save()
    monkeypatch.setattr(regex, "_programs", None)
    again = [regex.compile(p, f) for p, f in patterns]  # from the cache
    assert regex._programs and all(regex._programs.get((p, int(f))) for p, f in patterns)
    for (p, f), a, b in zip(patterns, first, again):
        assert a == b == re.compile(p, f)
        assert (a.groupindex, a.groups, a.flags) == (b.groupindex, b.groups, b.flags) == (
            re.compile(p, f).groupindex, re.compile(p, f).groups, re.compile(p, f).flags)
    # A damaged program falls back to compiling anew.
    key = (patterns[0][0], int(patterns[0][1]))
    regex._programs[key] = marshal.dumps((0, [1, 2, 3], 0, {}, ()))
    assert regex.compile(*patterns[0]) == re.compile(*patterns[0])


def test_a_long_pattern_is_kept_in_a_file_of_its_own(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    from textfix import regex

    monkeypatch.setenv("TEXTFIX_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex, "_programs", None)
    monkeypatch.setattr(regex, "_used", set())
    long = "|".join(f"{chr(0x4E00 + k)}(?=[\u4e00-\u9fff])" for k in range(regex.OWN_FILE // 10))
    assert len(long) >= regex.OWN_FILE
    short = r"[\u4e00-\u9fff]+"
    regex.compile(long), regex.compile(short)
    regex._save()
    main = [p for p in tmp_path.iterdir() if p.name.count("-") == 1]
    assert len(main) == 1 and len(list(tmp_path.iterdir())) == 2  # the table, and the long pattern's own file
    assert main[0].stat().st_size < len(long)  # the table holds the short pattern only
    monkeypatch.setattr(regex, "_programs", None)
    assert regex.compile(long) == re.compile(long) and (long, 0) in regex._programs  # read from its own file


def test_a_long_pattern_read_from_its_own_file_is_not_written_again(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from textfix import regex

    monkeypatch.setenv("TEXTFIX_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex, "_programs", None)
    monkeypatch.setattr(regex, "_used", set())
    monkeypatch.setattr(regex, "_kept_own", set(), raising=False)
    long = "|".join(f"{chr(0x4E00 + k)}(?=[\u4e00-\u9fff])" for k in range(regex.OWN_FILE // 10))
    regex.compile(long)
    regex._save()
    own = regex._own_path(long, 0)
    written = own.stat().st_ino  # the cache writes a new file and renames it over the old one
    # A later process reads the long program from its file and compiles a new short pattern: it saves
    # its table, and leaves the long program's file as it found it.
    monkeypatch.setattr(regex, "_programs", None)
    monkeypatch.setattr(regex, "_used", set())
    regex.compile(long), regex.compile(r"[\u3400-\u4dbf]+")
    regex._save()
    assert own.stat().st_ino == written
    assert regex._programs and (r"[\u3400-\u4dbf]+", 0) in regex._programs


def test_packed_screen_terms_give_each_candidates_terms_back() -> None:
    terms = {"的": -0.5, "\n": 1.25, "a": 0.1}
    neighbours, default = garbles._Terms({"袁": garbles._packed(terms, -2.0)})["袁"]
    assert (neighbours.whole(), default) == (terms, -2.0)
    assert [neighbours[ch] for ch in ("\n", "是", "的", "a", "是")] == [1.25, -2.0, -0.5, 0.1, -2.0]  # the default for 是
    with pytest.raises(ValueError):
        garbles._packed({"的是": 1.0}, 0.0)  # a neighbour is one character: packed, it would shift the rest


def test_the_vector_screens_tables_read_what_the_loop_reads() -> None:
    """table[candidate, column[neighbour]] is the loop's ``terms.get(READ_AS.get(ch, ch), default)``: for every
    character a term names, every character read as another, and one no term names."""
    np = pytest.importorskip("numpy")
    screen = garbles._prepare(default_model()).screen
    vector = garbles._VectorScreen(np, screen)
    for side, table, column in ((screen.left, vector.left, vector.left_column), (screen.right, vector.right, vector.right_column)):
        probe = sorted({ch for c in vector.candidates[1:] for ch in side[c.garbled][0].whole()} | set(garbles.READ_AS) | {"\u2603"})
        columns = column[[ord(ch) for ch in probe]]
        for k, c in enumerate(vector.candidates[1:], 1):
            terms = side[c.garbled][0]
            assert table[k, columns].tolist() == [terms[garbles.READ_AS.get(ch, ch)] for ch in probe]


def test_without_numpy_the_screen_reads_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "numpy", None)  # import numpy fails
    prepared = garbles._prepare(default_model())  # a screen of its own, its vector screen not yet made
    screen = prepared.screen
    assert screen.vector is None
    text = "\n".join(_texts())
    screen.screened = garbles.VECTOR_FROM
    assert screen.occurrences(text) == screen._occurrences(text, (m.start() for m in screen.narrow.finditer(text)))
    assert screen.page_counts(text) is None


def test_a_decision_near_a_chosen_mark_whose_window_it_leaves_decides_as_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """_reread skips a decision whose window the chosen marks leave as it was: reading every one again decides the same.

    Hand-written garbled text (，as 袁, 、 as 尧, “” as 野冶, 。 as 遥): marks next to each other, two
    characters apart (the window changes) and five apart (_near_chosen picks it, its window stays).
    """
    model = default_model()
    text = ("他说袁野我们要坚持改革开放冶遥会议指出袁煤炭尧铜尧金尧稀土等资源袁要统筹规划遥" * 3
            + "主任袁志刚表示袁今年经济运行总体平稳袁稳中有进遥\n新华社北京电袁记者报道遥")
    fast = garbles.garble_changes(text, model)
    garbles._prepared(model).readings.clear()
    monkeypatch.setattr(garbles, "_reread", lambda lm, prepared, text, d, chosen, before: garbles._read(lm, prepared, text, d, chosen))
    assert garbles.garble_changes(text, model) == fast
    assert len(fast) >= 10


def test_a_decision_is_read_again_only_where_a_mark_chosen_or_left_stands_in_its_window(monkeypatch: pytest.MonkeyPatch
                                                                                        ) -> None:
    """_reread reads a decision again, with its window as the chosen marks leave it, where a place of its window
    (CONTEXT characters each side, whitespace skipped) holds a mark chosen now and not before, or before and not
    now; elsewhere it reads nothing, not even the window."""
    prepared = garbles._prepared(default_model())
    text = "甲乙袁丙丁戊袁\n庚袁辛壬"  # 袁 at 2, 6 and 9; the window of 9: 袁 at 6 and 庚 at 8 (the line end skipped), 辛壬
    mark = {at: garbles._Occurrence(at, 1, prepared.table["袁"]) for at in (2, 6, 9)}
    d = garbles._Decision(mark[9], 0.0, "text", 0.0)
    read, windows = [], []
    monkeypatch.setattr(garbles, "_read", lambda lm, prepared, text, d, chosen, window=None: read.append(window))
    window = garbles._window
    monkeypatch.setattr(garbles, "_window", lambda *args: windows.append(args) or window(*args))
    garbles._reread(None, prepared, text, d, {2: mark[2]}, {})  # 袁 at 2 is no place of the window
    assert read == [] and windows == []
    garbles._reread(None, prepared, text, d, {2: mark[2], 6: mark[6]}, {2: mark[2]})
    assert read == [("，庚", "辛壬")]
    garbles._reread(None, prepared, text, d, {2: mark[2]}, {2: mark[2], 6: mark[6]})  # no longer chosen
    assert read == [("，庚", "辛壬"), ("袁庚", "辛壬")]


# Hand-written paragraphs, one a line (the line breaks end paragraphs, as the settle pass reads a rejoined
# page): a clean one ending 田野 (野 is “'s garbled form), a garbled run (，as 袁, 。 as 遥, “” as 野冶,
# ： as 院) whose paragraphs end on the garbled forms of 。 and ”.
CLEAN_END = "秋天的风吹过金黄的田野\n农民们开始收割庄稼，村里一片丰收的景象。\n"
GARBLED_ENDS = ("她是我们镇上果树栽培技术的带头人袁写下了四十多本笔记袁带出了一批又一批懂技术的年轻果农遥\n"
                "他对记者说院野法治建设要一代接一代地干下去遥冶\n")


def _ends(text: str) -> list[int]:
    return [k - 1 for k, ch in enumerate(text) if ch == "\n"]


def test_changes_at_offsets_are_the_full_decisions_there() -> None:
    model = default_model()
    for text in (CLEAN_END, GARBLED_ENDS, CLEAN_END + GARBLED_ENDS):
        full = [c for c in garbles.garble_changes(text, model, None, True) if c[0] in _ends(text)]
        assert garbles.garble_changes_at(text, model, _ends(text), None, True) == full
    # By hand: 博士遥 ends its sentence and paragraph (。); 干下去遥冶 closes the quote 野 opened (。”).
    found = garbles.garble_changes_at(GARBLED_ENDS, model, _ends(GARBLED_ENDS), None, True)
    assert [(c[2], c[3]) for c in found] == [("遥", "。"), ("冶", "”")]


def test_a_text_whose_offsets_cannot_win_is_not_weighed(monkeypatch: pytest.MonkeyPatch) -> None:
    """田野 ends a clean paragraph: its window reads it as a word's end, and no mark stands near to change that."""
    model = default_model()
    monkeypatch.setattr(garbles, "garble_changes", lambda *args: pytest.fail("the whole text was weighed"))
    assert garbles.garble_changes_at(CLEAN_END, model, _ends(CLEAN_END), None, True) == []


def test_the_most_winnable_bounds_every_decision_the_page_makes() -> None:
    """After the page decides (marks chosen in windows, partners of won quotes), no decision's winnable sum
    exceeds what _most_winnable reads around it alone."""
    model = default_model()
    prepared, lm = garbles._prepared(model), garbles.default_charlm()
    text = garbles._as_read(CLEAN_END + GARBLED_ENDS * 2, True)
    decisions = garbles._weigh(text, prepared, prepared.screen.occurrences(text))
    space = garbles._SpaceEvidence(text)
    assert sum(d.wins for d in decisions) >= 6
    for d in decisions:
        most = garbles._most_winnable(lm, prepared, text, d.occurrence, space)
        assert d.context + d.space + d.partner <= most + 1e-12, d.occurrence


def _whole_read_may_win(text: str, at: int, ends: bool) -> bool:
    prepared = garbles._prepared(default_model())
    read = garbles._as_read(text, ends)
    occurrence = garbles._Occurrence(at, 1, prepared.table[read[at]])
    return garbles._most_winnable(garbles.default_charlm(), prepared, read, occurrence,
                                  garbles._SpaceEvidence(read)) > garbles.THRESHOLD


def test_a_winnable_check_reads_the_slice_around_it_as_the_whole_text() -> None:
    """_may_win_at reads a slice around the offset as _most_winnable reads the whole text as read: at every
    candidate of paragraphs with garbled ends, a stray space after a mark, a long run of whitespace, a number
    (有 for ⑿) with its next (友 for ⒀) in its window, blank lines, and both edges of the text."""
    prepared = garbles._prepared(default_model())
    prepared.most_winnable.clear()  # (slices kept by earlier tests would answer without reading the slice)
    texts = [GARBLED_ENDS * 3 + CLEAN_END,
             "袁" + GARBLED_ENDS + "\n\n\n" + CLEAN_END + " " * 90 + "他说袁 大家都有信心遥\n" + "朋友们都来了袁有说有笑遥\n" * 4 + "袁"]
    winnable = []
    for text, ends in [(text, True) for text in texts] + [(text, False) for text in FARTHER_THAN_A_SLICE]:
        whole = garbles._as_read(text, ends)
        winnable.append(0)
        for at, ch in enumerate(text):
            if ch in prepared.table:
                expected = _whole_read_may_win(text, at, ends)
                assert garbles._may_win_at(prepared, text, at, ends, lambda: whole) == expected, at
                winnable[-1] += expected
    # Winnable (may win, an upper bound): the marks the texts were garbled with (袁 ， 遥 。 院 ： 野 “ 冶 ”)
    # and 要 (— garbled: 建设——一代 reads as well as 建设要一代), 8 in GARBLED_ENDS; the chain's 淤 盂 榆.
    # Not: the words' 一 又 有 友 于, 田野's 野, 遥远 read as a word.  Per text: GARBLED_ENDS × 3 = 24;
    # 袁 + GARBLED_ENDS + 袁 遥 + 4 × 袁 遥 + 袁 = 1 + 8 + 2 + 8 + 1 = 20; 0; 3.
    assert winnable == [24, 20, 0, 3]


# Reads that go past the slice, as print lines (their breaks closed up): 遥远 read as a word across 90 line breaks
# (the slice alone would end at 遥, read as 。 at the text's end: winnable); and 淤 (① garbled) with its chain
# 于 盂 榆 (② ③ ④) each 24 characters on, the second link past the slice (without it, 淤 is not winnable:
# measured, 1.35 against 0.82 with the threshold at 1.0).
_FILLER = "我们要坚持以人民为中心的发展思想不断推进各项工作"
FARTHER_THAN_A_SLICE = ["我们走向遥" + "\n" * 90 + "远的未来",
                        "今年的淤" + _FILLER + "于" + _FILLER + "盂" + _FILLER + "榆" + _FILLER + "。"]


def test_a_number_reading_is_kept_only_without_a_partner_in_its_window() -> None:
    """有 prints ⑿ garbled: with 友 (⒀ garbled) after it within the window its chain of partners reads on past
    the window, and its reading is not kept; alone, it reads no farther than any mark, and is."""
    prepared, lm = garbles._prepared(default_model()), garbles.default_charlm()
    for text, kept in (("我们有信心完成今年的目标任务。", True), ("我们有信心完成任务，朋友们也都来了。", False)):
        occurrence = garbles._Occurrence(2, 1, prepared.table["有"])
        assert occurrence.candidate.symbol == "⑿"
        assert prepared.partners.chained(text, occurrence) is not kept
        key = ("a key of this test", text)
        garbles._read_anew(lm, prepared, text, garbles._Decision(occurrence, 0.0, "text", 0.0), {}, None, key)
        assert (prepared.readings.pop(key, None) is not None) is kept


def test_a_run_of_line_breaks_reads_as_one_paragraph_end() -> None:
    """Only the first break of a run becomes PARAGRAPH_END (blank lines between paragraphs are one end),
    one character for one, at the text's edges too."""
    end = garbles.PARAGRAPH_END
    assert garbles._as_read("甲\n乙\n\n丙\n\n\n丁\n", True) == f"甲{end}乙{end}\n丙{end}\n\n丁{end}"
    assert garbles._as_read("\n\n甲", True) == f"{end}\n甲"
    assert garbles._as_read("甲\n乙", False) == "甲\n乙"



def test_paragraph_ends_are_marked_as_the_expression_substitutes_them() -> None:
    """The three replaces of _paragraph_ends_marked make what the substitution of _PARAGRAPH_BREAK makes: runs of one
    to five breaks (by hand: four breaks, END then three), at the edges, and a text holding PARAGRAPH_END itself."""
    end = garbles.PARAGRAPH_END
    assert garbles._paragraph_ends_marked("甲\n\n\n\n乙") == f"甲{end}\n\n\n乙"
    assert garbles._paragraph_ends_marked("甲\n\n\n\n\n") == f"甲{end}\n\n\n\n"
    assert garbles._paragraph_ends_marked(f"甲{end}\n\n乙") == f"甲{end}{end}\n乙"  # (substituted: END in the text)
    rng = random.Random(19)
    for _ in range(3000):
        text = "".join(rng.choice(("甲", "乙", " ", "\n", "\n\n", end)) for _ in range(rng.randrange(12)))
        assert garbles._paragraph_ends_marked(text) == garbles._PARAGRAPH_BREAK.sub(end, text), repr(text)

def test_the_cycle_collector_is_paused_while_a_text_is_decided(monkeypatch: pytest.MonkeyPatch) -> None:
    """garble_changes and garble_changes_at run with the cyclic collector off, and leave it as they found it."""
    import gc

    model = default_model()
    seen = []
    weigh = garbles._weigh
    monkeypatch.setattr(garbles, "_weigh", lambda *args: seen.append(gc.isenabled()) or weigh(*args))
    assert gc.isenabled()
    garbles.garble_changes(GARBLED_ENDS, model)
    assert gc.isenabled()
    assert garbles.garble_changes_at(GARBLED_ENDS, model, _ends(GARBLED_ENDS), None, True)
    assert gc.isenabled() and seen == [False, False]
    gc.disable()
    try:  # a caller's own pause is left as it was
        garbles.garble_changes(GARBLED_ENDS, model)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_segmentation_words_read_from_their_file_are_those_kept_in_memory(tmp_path, monkeypatch) -> None:
    from textfix import lexicon

    read_from_file = lexicon.load_segments.__wrapped__()  # the groups file of the user's cache
    monkeypatch.setenv("TEXTFIX_CACHE_DIR", str(tmp_path / "a-file"))
    (tmp_path / "a-file").write_text("")  # a cache that cannot be written: the groups are kept in memory
    in_memory = lexicon.load_segments.__wrapped__()
    text = "\n".join(_texts()[:3]).replace("\n", "")[:400]
    for start in range(0, len(text) - 12, 5):
        window = text[start : start + 12]
        assert read_from_file.off_route(window, 4, 6) == in_memory.off_route(window, 4, 6)
    assert read_from_file.by_first == in_memory.by_first and read_from_file.total == in_memory.total


def test_a_segmentation_groups_file_gone_is_written_again(tmp_path, monkeypatch) -> None:
    from textfix import lexicon

    monkeypatch.setenv("TEXTFIX_CACHE_DIR", str(tmp_path))
    lexicon.load_segments.__wrapped__()  # the index and the groups file made
    (groups,) = tmp_path.glob("segments-*.groups")
    groups.unlink()  # the index kept, its groups file gone (a cache cleaned by hand)
    again = lexicon.load_segments.__wrapped__()
    assert groups.exists() and again.off_route("专家指出院原材料", 3, 4) is not None


def test_a_shorter_reach_is_the_end_of_a_longer_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """The last n characters _reach reads before an offset are its read of n, the text's edge included
    (the name and word readings share one read before a candidate)."""
    for windows in (None, "vector"):
        for text in _texts()[-3:]:
            prepared = garbles._prepared(default_model())
            if windows is None:
                monkeypatch.setattr(garbles, "_WINDOWS", None)
                found = prepared.screen._occurrences(text, (m.start() for m in prepared.screen.narrow.finditer(text)))
            else:
                pytest.importorskip("numpy")
                found, _, vector = prepared.screen.vector.occurrences(text)
                monkeypatch.setattr(garbles, "_WINDOWS", vector)
            for o in found[:400]:
                for i, step in ((o.at - 1, -1), (o.at + o.length, 1)):
                    longest = garbles._reach(text, i, step, {}, garbles.WINDOW_MOST)
                    for n in range(1, garbles.WINDOW_MOST):
                        end = longest[-n:] if step < 0 else longest[:n]
                        assert garbles._reach(text, i, step, {}, n) == end


def test_a_character_starts_names_where_it_has_a_surname_share() -> None:
    """Lexicon.starts_names, the name readings' test whether a character may be a surname, holds where
    surname_logp has a value: 袁 starts 40 of the words' names, 的 none."""
    from textfix.lexicon import Lexicon

    words = Lexicon(words={"袁": 50, "的": 900, "袁野": 3}, total=953, surnames={"袁": 40}, given={"野": 3})
    assert words.starts_names("袁") and words.surname_logp("袁") is not None
    assert not words.starts_names("的") and words.surname_logp("的") is None
    assert not words.starts_names("野") and words.surname_logp("野") is None


def test_a_dash_s_most_partner_term_takes_its_distance_as_printed() -> None:
    """What the page decides changes a dash's enclosure term, never its distance term (the nearest other form
    of the dash as printed): _most_winnable's partner bound takes that term as read, with the largest enclosure
    term its place allows, not the largest distance term of any dash."""
    model = default_model()
    prepared = garbles._prepared(model)
    partners, table = prepared.partners, prepared.table
    by_distance, enclosure = garbles.fitted()["partner_distance"]["—"], garbles.fitted()["enclosure"]["—"]
    # A quote is open before it: the dash's largest enclosure term in garble_decision.json is that of “
    # (1.926; 《， 1.17, 《 0.851, none 0.0, “， -0.601).
    inside = enclosure["“"]
    lone = "他说：“今年我们的工作主要"  # no other 要 or — in the window: the distance term of "none"
    near = "他说：“今年不要说要"  # another 要 two characters before it (要说要): the first bin, bins being upper bounds
    assert by_distance["bins"][0] == 2
    for text, distance in ((lone, by_distance["none"]), (near, by_distance["log10_ratio"][0])):
        at = len(text) - 1
        o = garbles._Occurrence(at, 1, table["要"])
        d = garbles._Decision(o, 0.0, "text", 0.0, partners.ratio(text, o))
        assert garbles._most_partner(partners, text, d) == pytest.approx(distance + inside)
        assert distance + inside < partners.most("—")
        assert d.partner <= distance + inside


def test_the_model_s_look_ups_by_first_character_find_what_a_search_of_the_whole_table_finds() -> None:
    """CharLM searches a key among the keys of its first character alone (_span): the first and last keys of
    each table, and of a character's keys, are found; a pair the table lacks reads the back-off."""
    from bisect import bisect_left

    from textfix.charlm import _SCALE, _find

    lm = garbles.default_charlm()
    keys = lm.bi[0]
    b = keys[len(keys) // 2] >> 16  # a character in the middle of the table: its first and last bigrams
    lo, hi = bisect_left(keys, b << 16), bisect_left(keys, (b + 1) << 16)
    for key in (keys[0], keys[len(keys) - 1], keys[lo], keys[hi - 1]):
        assert lm._bigram(key >> 16, key & 0xFFFF) == _find(lm.bi, key)[0]
    missing = next(c for c in range(1, len(lm.vocab) + 1) if _find(lm.bi, (b << 16) | c) is None)
    assert lm._bigram(b, missing) == lm._unigrams[1][b] + lm._unigrams[0][missing]
    tri = lm.tri[0]
    for k in (0, len(tri) // 2, len(tri) - 1):
        a, b, c = (lm.vocab[(tri[k] >> shift & 0xFFFF) - 1] for shift in (32, 16, 0))
        assert lm._kn_logp(a + b, c) == lm.tri[1][k] / _SCALE


def test_windows_scored_together_are_scored_as_one_by_one() -> None:
    """CharLM.scores gives the very floats CharLM.score gives: trigrams the model holds, a pair it backs off
    from, a pair it never saw, a character it does not know, a mark read (smoothed), the interpunct (mixed),
    digits and a paragraph's end as the model reads them, the first and last keys of the trigram table."""
    np = pytest.importorskip("numpy")
    from textfix.charlm import INTERPUNCT, normalise

    lm = garbles.default_charlm()
    tri = lm.tri[0]
    edges = ["".join(lm.vocab[(tri[k] >> shift & 0xFFFF) - 1] for shift in (32, 16, 0)) for k in (0, len(tri) - 1)]
    windows = [normalise(w) for w in ("中华人民共", "我们，他们", "人民·中国", "约翰·史密", "2019年", "\n我们的\n",
                                      "\ue123国家的\ue124", "的的的的的", "鑫燚，犇骉", "“我们”，", *(e + "中国" for e in edges))]
    assert all(len(w) == 5 for w in windows) and INTERPUNCT in "".join(windows)
    assert lm.scores(np, windows, 2) == [lm.score(w, 2, 5) for w in windows]
    assert lm.scores(np, windows[:3], 3) == [lm.score(w, 3, 5) for w in windows[:3]]


def _closed_up_window(text: str, at: int, length: int) -> tuple[str, str]:
    """The window of the characters at *at*, worked out apart from garbles._window: the CONTEXT characters each side
    that are no whitespace, the BOUNDARY standing for an edge the text reaches first (as _reach says it reads)."""
    def side(chars) -> str:
        kept = ""
        for ch in chars:
            if ch not in garbles._WHITESPACE_SET:
                kept += ch
                if len(kept) == garbles.CONTEXT:
                    return kept
        return kept + garbles.BOUNDARY

    return side(reversed(text[:at]))[::-1], side(text[at + length :])


def test_the_first_reads_scored_together_are_the_raw_context_terms_read_one_by_one(monkeypatch) -> None:
    """A page the vector screen read has its new readings' windows scored together (_raw_terms): each raw
    context term is the difference _read_terms reads one window at a time, and the window as printed the one
    _context reads.  Every one-character decision whose window, whitespace closed up, holds CONTEXT characters
    each side is scored so, a window with a stray space in it too (a garbled run's 袁 then a space)."""
    np = pytest.importorskip("numpy")
    monkeypatch.setattr(garbles, "VECTOR_FROM", 0)
    monkeypatch.setattr(garbles, "VECTOR_TEXT", 0)
    text = "\n".join(_texts())
    prepared = garbles._prepared(default_model())
    occurrences = prepared.screen.occurrences(text)
    decisions = [garbles._Decision(o, 0.0, "text", 0.0) for o in occurrences]
    lm = garbles.default_charlm()
    raws = garbles._raw_terms(lm, np, text, decisions)
    assert len(raws) > len(decisions) // 2
    spaced = 0
    for d in decisions:
        o = d.occurrence
        left, right = _closed_up_window(text, o.at, o.length)
        if o.length == 1 and len(left) == garbles.CONTEXT == len(right):
            printed = garbles._window_logp(lm, left, o.candidate.garbled, right)
            assert raws[o.at] == ((left, right), (garbles._window_logp(lm, left, o.candidate.symbol, right) - printed, printed))
            spaced += not garbles._WHITESPACE_SET.isdisjoint(text[o.at - garbles.CONTEXT : o.at + 1 + garbles.CONTEXT])
        else:
            assert o.at not in raws
    assert spaced


def test_a_page_whose_readings_are_kept_is_read_one_by_one(monkeypatch) -> None:
    """Scoring windows together pays only where most readings are new (READ_TOGETHER_SHARE): a page decided
    again, its readings all kept, is not scored together, and decides the same."""
    pytest.importorskip("numpy")
    monkeypatch.setattr(garbles, "VECTOR_FROM", 0)
    monkeypatch.setattr(garbles, "VECTOR_TEXT", 0)
    text = _texts()[0]  # the seed page
    model = default_model()
    garbles._prepared(model).readings.clear()  # (tests before may have kept its readings)
    raw_terms, first_together = garbles._raw_terms, []
    monkeypatch.setattr(garbles, "_raw_terms", lambda *args: first_together.append(args) or raw_terms(*args))
    first = garbles.garble_changes(text, model)
    assert first_together  # read first, its readings all new, the page is scored together
    together = []
    monkeypatch.setattr(garbles, "_raw_terms", lambda *args: together.append(args) or {})
    assert garbles.garble_changes(text, model) == first
    assert not together


def test_a_reading_the_page_repeats_is_read_once_and_recalled_by_the_others(monkeypatch) -> None:
    """_read_first reads each reading new to the process once, the first of the page that has it; the decisions
    after it with the same reading take the terms it kept: the same terms each decision reads alone."""
    pytest.importorskip("numpy")
    monkeypatch.setattr(garbles, "VECTOR_FROM", 0)
    monkeypatch.setattr(garbles, "VECTOR_TEXT", 0)
    line = "记者在现场看到袁工人们正在加紧施工遥一位工人告诉记者袁工程预计年底完工遥"  # (invented: 袁 遥 garbled)
    text = "\n".join([line] * 8)  # (a reading is kept by the 121 characters around it: the middle lines repeat)
    prepared, lm = garbles._prepared(default_model()), garbles.default_charlm()
    occurrences = prepared.screen.occurrences(text)
    # 袁 遥 一 袁 遥 a line, eight lines (counted by hand; 一, the garbled form of 』, after the 。 its 遥 may be, passes
    # the screen at the lower bar a run held garbled allows, LEAST_BAR)
    assert len(occurrences) == 40
    alone = [garbles._Decision(o, 0.0, "text", 0.0) for o in occurrences]
    for d in alone:
        garbles._read_terms(lm, prepared, text, d, {})
    prepared.readings.clear()
    read, read_anew = [], garbles._read_anew
    monkeypatch.setattr(garbles, "_read_anew", lambda *args: read.append(args[3].occurrence.at) or read_anew(*args))
    decisions = [garbles._Decision(o, 0.0, "text", 0.0) for o in occurrences]
    garbles._read_first(lm, prepared, text, decisions, garbles._WINDOWS)
    keys = garbles._reading_keys(prepared, text, decisions, None)
    firsts = {key: d.occurrence.at for d, key in reversed(list(zip(decisions, keys)))}
    assert read == sorted(firsts.values()) and len(read) < len(decisions) - 8  # the middle lines' repeat the first's
    assert [(d.context, d.reading, d.partner) for d in decisions] == [(d.context, d.reading, d.partner) for d in alone]
    # A reading not kept (as a number's chain is not) is read by each decision that has it.
    prepared.readings.clear()
    read.clear()
    monkeypatch.setattr(garbles._Partners, "chained", lambda *args: True)
    decisions = [garbles._Decision(o, 0.0, "text", 0.0) for o in occurrences]
    garbles._read_first(lm, prepared, text, decisions, garbles._WINDOWS)
    assert sorted(read) == [o.at for o in occurrences] and not prepared.readings
    assert [(d.context, d.reading, d.partner) for d in decisions] == [(d.context, d.reading, d.partner) for d in alone]


def test_the_settle_screen_s_paragraph_ends_are_those_the_text_marks() -> None:
    """The vector screen asked for the candidates near every paragraph end (the settle pass) hands the ends it found
    to its windows, which FontRuns reads: those the text marks."""
    pytest.importorskip("numpy")
    read = garbles._as_read("我们散步遥\n\n他说袁野来了\n好。\n", paragraphs=True)
    _, _, windows = garbles._prepared(default_model()).screen.vector.occurrences(read, None, garbles.Seams([], True))
    assert windows.ends_at == [5, 13, 16] == garbles._paragraph_ends(read)  # (counted by hand, as below)

def test_the_vector_screens_paragraph_ends_are_those_the_text_marks() -> None:
    """FontRuns takes a read page's paragraph ends from the vector screen's array: the offsets of PARAGRAPH_END,
    as the regular expression finds them (the first line break of a run read as one, see garbles._as_read)."""
    pytest.importorskip("numpy")
    read = garbles._as_read("我们散步遥\n\n他说袁野来了\n好。\n", paragraphs=True)
    ends = [5, 13, 16]  # after 遥, after 了 (the blank line's break stays), after 。 (counted by hand)
    _, _, windows = garbles._prepared(default_model()).screen.vector.occurrences(read)
    assert windows.paragraph_ends() == ends == garbles._paragraph_ends(read)
    _, _, windows = garbles._prepared(default_model()).screen.vector.occurrences("我们散步遥\n他说")
    assert windows.paragraph_ends() == [] == garbles._paragraph_ends("我们散步遥\n他说")


def test_a_font_run_goes_on_past_a_sentence_end_only_by_the_sentence_stay() -> None:
    """After a mark that ends a sentence, printed (。) or a candidate's (遥 for 。), the chance the run goes on is
    sentence_stay times exp(-distance / run_length): a font set for a lead sentence ends with it."""
    import math

    prepared = garbles._prepared(default_model())
    read = "甲，乙遥丙丁。戊，己袁"  # marks at 1, 6 and 8, the candidates 遥 (。) at 3 and 袁 (，) at 10; no paragraph end
    decisions = [garbles._Decision(garbles._Occurrence(at, 1, prepared.table[read[at]]), 5.0, "text", 0.0)
                 for at in (3, 10)]  # both winnable (the ， at 8 is read from 袁: two sentence ends lie before 遥)
    runs = garbles.FontRuns(read, prepared.printed_marks, 3, decisions)
    runs.decide(decisions)
    length, k = garbles.fitted()["run_length"], garbles.fitted()["sentence_stay"]
    # ， → 遥: no sentence end; 遥 → 。: after the candidate's 。; 。 → ，: after a printed 。; ， → 袁: none
    assert runs.stays == [0.0, math.exp(-2 / length), k * math.exp(-3 / length), k * math.exp(-2 / length),
                          math.exp(-2 / length)]


def test_marks_are_read_only_where_the_run_model_leaves_them_weight_on_a_winnable_candidate() -> None:
    """A mark is an event of the run model only where exp(-d / run_length) times sentence_stay for each sentence
    end from the earlier of it and a winnable candidate on, before the later, is at least exp(-REACH): with the
    fitted 76.1 and 1/8 and REACH 2.5, at most 190.25 characters, a sentence end as far as 76.1 · ln 8 = 158.2."""
    prepared = garbles._prepared(default_model())
    length, k = garbles.fitted()["run_length"], garbles.fitted()["sentence_stay"]
    assert (length, k) == (76.1, 0.125)  # (the distances below are worked out by hand for these)
    text = ["中"] * 620
    for at, ch in ((10, "，"), (150, "。"), (160, "，"), (300, "袁"), (400, "，"), (440, "，"), (450, "遥"), (500, "，"),
                   (604, "，")):
        text[at] = ch
    text = "".join(text)
    winnable = garbles._Decision(garbles._Occurrence(300, 1, prepared.table["袁"]), 5.0, "text", 0.0)
    evidence = garbles._Decision(garbles._Occurrence(450, 1, prepared.table["遥"]), 0.0, "text", 0.0)  # 。, an event
    # From 袁 at 300: ， at 10 is 290 back past the 。 at 150 (290 + 158.2 > 190.25); the 。 at 150 ends its sentence
    # before the run reaches 袁 (150 + 158.2 = 308.2); ， at 160, 140 back, no end between: read.  Forward: ， at 400
    # and 440 (100, 140: read); ， at 500 and 604 lie past 遥's 。 (200 + 158.2, 304 + 158.2: not).
    expected = [160, 400, 440]
    runs = garbles.FontRuns(text, prepared.printed_marks, 7, [winnable, evidence])
    assert runs.marks == expected and runs.far_marks == 4
    if prepared.screen.vector is not None:  # (numpy, the optional extra "fast")
        _, _, windows = prepared.screen.vector.occurrences(text)
        assert garbles.FontRuns(text, prepared.printed_marks, 7, [winnable, evidence], windows).marks == expected


def test_marks_are_read_within_reach_times_the_run_length_of_a_winnable_candidate() -> None:
    """REACH 2.5: a mark is read only where at least exp(-2.5) of its weight is left on a winnable candidate, within
    2.5 · 76.1 = 190.25 characters along the run model (a sentence end as far as 76.1 · ln 8 = 158.2): a ， 200
    characters before 袁 in its own sentence is not read, a ， 20 after it past a 。 is, one 40 after it is not
    (with exp(-4), the bound before, 304.4 characters, all three were)."""
    prepared = garbles._prepared(default_model())
    text = ["中"] * 400
    for at, ch in ((100, "，"), (300, "袁"), (310, "。"), (320, "，"), (340, "，")):
        text[at] = ch
    text = "".join(text)
    winnable = garbles._Decision(garbles._Occurrence(300, 1, prepared.table["袁"]), 5.0, "text", 0.0)
    # Places: ， at 100 is 100 and 袁 300 (no end before either): 200 apart.  The 。 at 310 has no end before it (its
    # own is not): 10 from 袁.  ， at 320 and 340 have it: 320 + 158.2 and 340 + 158.2, 178.2 and 198.2 from 袁.
    runs = garbles.FontRuns(text, prepared.printed_marks, 4, [winnable])
    assert runs.marks == [310, 320] and runs.far_marks == 2
    if prepared.screen.vector is not None:  # (numpy, the optional extra "fast")
        _, _, windows = prepared.screen.vector.occurrences(text)
        assert garbles.FontRuns(text, prepared.printed_marks, 4, [winnable], windows).marks == [310, 320]


def test_marks_are_read_the_same_whatever_order_the_decisions_come_in() -> None:
    """FontRuns reads the candidates' offsets in order (the sentence ends and winnable ones are searched): decisions
    given out of offset order find the marks they find in order, with the vector screen's array or without."""
    prepared = garbles._prepared(default_model())
    text = ["中"] * 620
    for at, ch in ((10, "，"), (120, "遥"), (150, "。"), (160, "，"), (300, "袁"), (400, "，"), (440, "，"), (450, "遥"),
                   (500, "，"), (604, "，")):
        text[at] = ch
    text = "".join(text)
    winnable, last = (garbles._Decision(garbles._Occurrence(at, 1, prepared.table["袁"]), 5.0, "text", 0.0)
                      for at in (300, 590))
    early, late = (garbles._Decision(garbles._Occurrence(at, 1, prepared.table["遥"]), 0.0, "text", 0.0)
                   for at in (120, 450))  # 。 both: events that end a sentence, not winnable
    # A sentence end is 76.1 · ln 8 = 158.2 characters of the run model.  Places: 袁 at 300 has the ends at 120 and
    # 150 before it, 300 + 316.5 = 616.5.  ， at 10: 10, and 。 at 150: 150 + 158.2 (the end at 120): both farther than
    # 190.25 from it.  ， at 160, 400, 440 (the same two ends before): 140, 100, 140 from 袁, read.  ， at 500 and 604
    # have the end at 450 too: 500 + 474.7 = 974.7 (358.2 on), 604 + 474.7 = 1078.7 (462.2 on): not.  And with a
    # second winnable 袁 at 590, which has those three ends before it too (590 + 474.7 = 1064.7): 90 and 14 from it,
    # read.
    windows = None
    if prepared.screen.vector is not None:  # (numpy, the optional extra "fast")
        _, _, windows = prepared.screen.vector.occurrences(text)
    for decisions, expected in (([late, winnable, early], [160, 400, 440]),
                                ([late, last, winnable, early], [160, 400, 440, 500, 604])):
        assert garbles.FontRuns(text, prepared.printed_marks, 7, decisions).marks == expected
        if windows is not None:
            assert garbles.FontRuns(text, prepared.printed_marks, 7, decisions, windows).marks == expected


def test_a_font_run_goes_on_between_events_only_within_a_paragraph() -> None:
    """FontRuns' chance that the run goes on from one event to the next: exp(-distance / run_length) inside a
    paragraph, 0 across a paragraph's end (each event's paragraph found once, FontRuns._paragraphs)."""
    import math

    prepared = garbles._prepared(default_model())
    end = garbles.PARAGRAPH_END
    read = "甲，乙遥丙" + end + "丁。戊" + end + "己"  # marks at 1 and 7, the candidate 遥 at 3, ends at 5 and 9
    decision = garbles._Decision(garbles._Occurrence(3, 1, prepared.table["遥"]), 5.0, "text", 0.0)  # winnable
    runs = garbles.FontRuns(read, prepared.printed_marks, 2, [decision])
    runs.decide([decision])
    run_length = garbles.fitted()["run_length"]
    assert runs._paragraphs([0, 5, 6, 9, 10]) == [0, 0, 1, 1, 2]  # the ends before each offset, by hand
    assert runs.stays == [0.0, math.exp(-2 / run_length), 0.0]  # ， → 遥 two apart; 遥 → 。 across the end at 5


def test_font_runs_take_the_events_of_the_runs_before_only_where_they_are_the_same() -> None:
    """The second FontRuns of a page (after the winners' re-reads) starts from the share of the first, and takes
    its events and their stays where its candidates and marks are the same ones."""
    prepared = garbles._prepared(default_model())
    read = "甲，乙遥丙丁。戊，己袁"
    decisions = [garbles._Decision(garbles._Occurrence(at, 1, prepared.table[read[at]]), 5.0, "text", 0.0)
                 for at in (3, 10)]
    first = garbles.FontRuns(read, prepared.printed_marks, 3, decisions)
    first.decide(decisions)
    decisions[0].context = 2.0  # another term, the same events
    again = garbles.FontRuns(read, prepared.printed_marks, 3, decisions)
    again.follow(first)
    assert again.share == first.share and again.events is first.events and again.stays is first.stays
    decisions[0].context = -5.0  # 遥 tells nothing now: no longer an event
    other = garbles.FontRuns(read, prepared.printed_marks, 3, decisions)
    other.follow(first)
    assert other.share == first.share and other.events is None
    other.decide(decisions, rounds=0)
    assert other.events == [None, None, None, decisions[1]]  # the marks at 1, 6, 8 and 袁


def test_font_runs_take_no_events_from_other_candidates_of_the_same_count() -> None:
    """The same number of candidates is not the same candidates: new decisions at the same offsets (a page decided
    anew) are other objects, and their events are made afresh."""
    prepared = garbles._prepared(default_model())
    read = "甲，乙遥丙丁。戊，己袁"

    def decisions() -> list[garbles._Decision]:
        return [garbles._Decision(garbles._Occurrence(at, 1, prepared.table[read[at]]), 5.0, "text", 0.0)
                for at in (3, 10)]

    first = garbles.FontRuns(read, prepared.printed_marks, 3, decisions())
    first.decide(first.candidates)
    anew = garbles.FontRuns(read, prepared.printed_marks, 3, decisions())
    anew.follow(first)
    assert anew.share == first.share and anew.events is None


def _two_winnable_far_apart(prepared) -> tuple[str, list]:
    """400 characters with 袁 at 3 and 390, each with a ， near it (at 1 and 395), and their decisions, both winnable."""
    text = ["中"] * 400
    for at, ch in ((1, "，"), (3, "袁"), (390, "袁"), (395, "，")):
        text[at] = ch
    decisions = [garbles._Decision(garbles._Occurrence(at, 1, prepared.table["袁"]), 5.0, "text", 0.0)
                 for at in (3, 390)]
    return "".join(text), decisions


def test_font_runs_take_no_events_where_the_same_candidates_read_other_marks() -> None:
    """The same candidates with another one winnable read other marks (marks are read near winnable candidates
    only), so the events differ and are made afresh."""
    prepared = garbles._prepared(default_model())
    text, decisions = _two_winnable_far_apart(prepared)
    first = garbles.FontRuns(text, prepared.printed_marks, 2, decisions)
    first.decide(decisions)
    # Both winnable: ， at 1 is 2 from 袁 at 3, ， at 395 5 from 袁 at 390, both within 2.5 · 76.1 = 190.25 (no
    # sentence end on the page).
    assert first.marks == [1, 395]
    decisions[1].context = 0.0  # still a candidate (above EVIDENCE, -1), no longer winnable (THRESHOLD is 1)
    other = garbles.FontRuns(text, prepared.printed_marks, 2, decisions)
    other.follow(first)
    assert other.candidates == first.candidates and other.marks == [1]  # ， at 395 is 392 from 袁 at 3
    assert other.events is None


def test_font_runs_with_more_winnable_ones_add_the_marks_near_those() -> None:
    """A FontRuns made after another of the same text (*earlier*), with the winnable candidates of that one and more,
    reads that one's marks and those near the ones added: the marks it reads without it.  With one winnable no
    longer, it finds its marks anew."""
    prepared = garbles._prepared(default_model())
    text, decisions = _two_winnable_far_apart(prepared)
    decisions[1].context = 0.0  # a candidate (above EVIDENCE, -1), not winnable (THRESHOLD is 1)
    first = garbles.FontRuns(text, prepared.printed_marks, 2, decisions)
    assert first.marks == [1]  # ， at 395 is 392 from 袁 at 3, beyond 2.5 · 76.1 = 190.25 (no sentence end on the page)
    decisions[1].context = 5.0  # winnable now: ， at 395 is 5 from it
    assert garbles.FontRuns(text, prepared.printed_marks, 2, decisions, earlier=first).marks == [1, 395]
    both = garbles.FontRuns(text, prepared.printed_marks, 2, decisions)
    decisions[0].context = 0.0  # 袁 at 3 no longer winnable: ， at 1 is 389 from 袁 at 390
    assert garbles.FontRuns(text, prepared.printed_marks, 2, decisions, earlier=both).marks == [395]


def test_font_runs_with_more_marks_take_the_events_before_with_those_put_in() -> None:
    """A FontRuns with the same candidates as the one before it and more marks (near the winnable ones it added)
    takes that one's events with the marks put in (at the start, between, at the end), and its run terms, share and
    pass are the floats of one that makes its events and passes over them anew."""
    prepared = garbles._prepared(default_model())
    text = ["中"] * 1000
    marks = (95, 250, 400, 600, 950)
    for at in marks:
        text[at] = "，"
    for at in (100, 200, 500, 900):
        text[at] = "袁"
    text = "".join(text)

    def decisions() -> list[garbles._Decision]:  # (only 袁 at 500 winnable, 200 a candidate never winnable)
        return [garbles._Decision(garbles._Occurrence(at, 1, prepared.table["袁"]), 5.0 if at == 500 else 0.0,
                                  "text", 0.0) for at in (100, 200, 500, 900)]

    def runs_after(first_made, taken: bool) -> garbles.FontRuns:
        made = decisions()
        first = garbles.FontRuns(text, prepared.printed_marks, len(marks), made)
        first.decide(made)
        assert first.marks == [400, 600]  # within 2.5 · 76.1 = 190.25 of 500 (no sentence end on the page)
        made[0].context = made[3].context = 4.0  # 袁 at 100 and 900 winnable now: their marks too
        runs = garbles.FontRuns(text, prepared.printed_marks, len(marks), made, earlier=first)
        assert runs.marks == list(marks)
        if taken:
            runs.follow(first)
            assert runs.ats == [95, 100, 200, 250, 400, 500, 600, 900, 950]  # 95, 250 and 950 put in
        else:
            runs.share = first.share
        runs.decide(made, rounds=0)
        first_made.append([d.run for d in made])
        return runs

    taken, anew = [], []
    with_marks, made_anew = runs_after(taken, True), runs_after(anew, False)
    assert taken == anew and with_marks.share == made_anew.share
    assert with_marks.events == made_anew.events and with_marks.stays == made_anew.stays
    assert with_marks.held._replace(ratios=None) == made_anew.held._replace(ratios=None)

def test_forward_backward_again_gives_the_floats_of_a_whole_pass() -> None:
    """A pass over the same events and share as one held, some ratios changed (the first at the page's start, two
    side by side, the last at its end), gives the floats a whole pass gives, and keeps the held messages far from
    the changes; with another share it is a whole pass."""
    import math
    import random

    rng = random.Random(7)
    stays = [0.0] + [0.0 if rng.random() < 0.05 else math.exp(-rng.randint(1, 200) / 76.1) for _ in range(599)]
    ratios = [0.05 if rng.random() < 0.7 else 1.0 + 10.0 ** rng.uniform(-3, 4) for _ in stays]
    held = garbles._forward_backward(ratios, stays, 0.02)
    again = list(ratios)
    for t in (0, 250, 251, 599):
        again[t] = 1.0 + 10.0 ** rng.uniform(-3, 4)
    whole = garbles._forward_backward(again, stays, 0.02)
    assert garbles._forward_backward(again, stays, 0.02, held) == whole
    assert garbles._forward_backward(again, stays, 0.03, held) == garbles._forward_backward(again, stays, 0.03)
    assert garbles._forward_backward(list(ratios), stays, 0.02, held) == held
    kept = garbles._forward_backward(again, stays, 0.02, held)
    assert kept.forward[400] is held.forward[400] and kept.backward[100] is held.backward[100]
    assert kept.forward[1] is not held.forward[1] and kept.backward[598] is not held.backward[598]


def test_events_combined_as_arrays_give_the_floats_combined_one_by_one() -> None:
    """The run model's posteriors and leave-outs are one arithmetic (_combined): worked out over numpy arrays of
    every event (the vector screen's pages) they are the floats it gives event by event, and a whole pass with
    numpy is the pass without; an event's posterior reads its own ratio, its leave-out does not."""
    import math

    np = pytest.importorskip("numpy")
    rng = random.Random(13)
    stays = [0.0] + [0.0 if rng.random() < 0.05 else math.exp(-rng.randint(1, 200) / 76.1) for _ in range(599)]
    ratios = [0.05 if rng.random() < 0.7 else 1.0 + 10.0 ** rng.uniform(-3, 4) for _ in stays]
    held = garbles._forward_backward(ratios, stays, 0.02)
    one_by_one = [garbles._combined(f, w, r, 0.02 / 0.98) for f, w, r in zip(held.forward, held.backward, ratios)]
    assert held.posterior == [p for p, _ in one_by_one] and held.leave_out == [q for _, q in one_by_one]
    assert garbles._forward_backward(ratios, stays, 0.02, np=np) == held
    assert garbles._combined_all(held.forward, held.backward, ratios, 0.02 / 0.98, np) == (held.posterior,
                                                                                          held.leave_out)
    assert garbles._combined(0.5, 0.5, 3.0, 1.0) == (0.75, 0.5)  # even views: odds 1, times the ratio 3 → 3/4
    assert garbles._combined_all([], [], [], 1.0, np) == ([], []) and garbles._combined_all([], [], [], 1.0) == ([], [])


def test_normalise_translates_only_where_a_character_is_read_otherwise() -> None:
    """normalise skips the translation of a text none of whose characters the model reads as another, and
    gives what the translation gives: each character the model reads otherwise (digits, letters, full-width
    symbols, the paragraph's end) alone, among ideographs and at either end, and texts of none."""
    from textfix.charlm import _READ_AS, READ_AS, normalise

    for ch in READ_AS:
        for text in (ch, f"发展{ch}", f"{ch}中国", f"人民{ch}生产{ch}力"):
            assert normalise(text) == text.translate(_READ_AS) == text.replace(ch, READ_AS[ch])
    assert normalise("5月") == "0月" and normalise("ＡＢ") == "aa" and normalise("98％") == "00%"
    for text in ("", "袁", "发展新质生产力，。", "\n我们\n", "“中国”"):
        assert normalise(text) == text


def test_a_winner_explained_again_from_the_terms_kept_reads_as_one_explained_anew() -> None:
    """A page's winners with the same terms share their confidence and why (kept by the terms), and a margin of
    zero keeps its sign: all four terms zero, -0.0 each, prints −0.00, +0.0 each +0.00 (a mark's glyph wins)."""
    prepared = garbles._prepared(default_model())
    occurrence = garbles._Occurrence(0, 1, prepared.table["遥"])
    made = [garbles._Decision(occurrence, 1.5, "text", 0.25, 0.0, -0.5), garbles._Decision(occurrence, 1.5, "text", 0.25, -0.0, -0.5)]
    explained: dict = {}
    assert [garbles._explain_kept(d, explained) for d in made] == [garbles._explain(d, d.margin) for d in made]
    assert garbles._explain_kept(made[1], {})[1] == "margin +1.25: context +1.50, stray space +0.25, font run -0.50 (against text)"
    zeros = [garbles._Decision(occurrence, z, "text", z, z, z, mark_glyph=True) for z in (-0.0, 0.0)]
    whys = [garbles._explain_kept(d, explained)[1] for d in zeros]
    assert whys == ["margin -0.00: drawn with the mark's glyph (against text)", "margin +0.00: drawn with the mark's glyph (against text)"]


@pytest.mark.parametrize("styled", ["「好」，“对”。", "“对”。"])
def test_the_screens_paths_find_the_same_occurrences_on_a_page_of_a_quote_style(styled: str,
                                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The page's quote style added to the screen's read (_Screen.needs) the same way on each path: the loop over
    every candidate, over the narrow expression's, and the vector screen; a form the page never prints never goes on."""
    monkeypatch.setattr(garbles, "_WINDOWS", None)
    screen = garbles._prepared(default_model()).screen
    needs = screen.needs(garbles.quote_style(styled))
    for text in _texts()[-4:]:
        plain = screen._occurrences(text, (m.start() for m in screen.pattern.finditer(text)), None, needs)
        assert screen._occurrences(text, (m.start() for m in screen.narrow.finditer(text)), None, needs) == plain
        if screen.vector is not None:
            assert screen.vector.occurrences(text, needs)[0] == plain
        corner = [o for o in plain if o.candidate.symbol in "「」『』"]
        assert (corner == []) == ("「" not in styled)
