"""Issue 2: finding the article in the page, telling edits from layout, mapping offsets, bounded memory."""

from __future__ import annotations

import re
import tracemalloc

import pytest

from textfix import AlignmentError, Difference, align, read_text
from textfix.variants import fold

from _synthetic import (
    AFTER,
    ARTICLE,
    BEFORE,
    SEED_CLEAN,
    SEED_NOISY,
    UNRELATED,
    random_chinese,
    reflow,
    web_furniture_free,
)


@pytest.fixture(scope="module")
def seed():
    clean, noisy = read_text(SEED_CLEAN), read_text(SEED_NOISY)
    return clean, noisy, align(clean, noisy)


# --- the span ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "before, after",
    [("", AFTER), (BEFORE, AFTER), (BEFORE, "")],
    ids=["start", "middle", "end"],
)
def test_verbatim_article_span_is_exact(before: str, after: str) -> None:
    page = before + ARTICLE + after
    result = align(ARTICLE, page)
    assert result.noisy_span == (len(before), len(before) + len(ARTICLE))
    assert page[slice(*result.noisy_span)] == ARTICLE
    assert result.differences == []
    assert result.similarity == 1.0


@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_seed_article_embedded_in_other_text(where: str) -> None:
    article = web_furniture_free(read_text(SEED_CLEAN))
    before = {"start": "", "middle": BEFORE, "end": BEFORE + UNRELATED + "\n\n"}[where]
    after = {"start": AFTER + "\n\n" + UNRELATED, "middle": AFTER, "end": ""}[where]
    page = before + article + after
    result = align(article, page)
    assert result.noisy_span == (len(before), len(before) + len(article))
    assert result.differences == []


def test_article_absent_raises_alignment_error() -> None:
    with pytest.raises(AlignmentError):
        align(ARTICLE, BEFORE + UNRELATED + AFTER)


def test_article_sharing_one_sentence_is_not_found() -> None:
    """One shared sentence is not the article: anchors must cover a fair share of it."""
    page = BEFORE + "春天的小城总是来得很慢。" + UNRELATED + AFTER
    with pytest.raises(AlignmentError):
        align(ARTICLE, page)


@pytest.mark.parametrize("clean", ["", "   \n\n  "])
def test_empty_article_raises_alignment_error(clean: str) -> None:
    with pytest.raises(AlignmentError):
        align(clean, BEFORE + ARTICLE + AFTER)


def test_seed_article_found_in_three_article_page(seed) -> None:
    clean, noisy, result = seed
    start, end = result.noisy_span
    assert noisy[start:].startswith("第十二届中国国际服务外包交易博览会")
    assert noisy[:end].endswith("郑伟展望道。 渊龚联康)")
    assert "绿色制造" not in noisy[start:end]  # the next article is outside
    assert result.similarity > 0.99


# --- the article's edges: the page text next to it is not part of it ------------------------------


def test_head_missing_from_print_is_a_deletion_not_neighbouring_text() -> None:
    printed = ARTICLE[2:]  # the print lacks 春天
    page = BEFORE + printed + AFTER
    result = align(ARTICLE, page)
    assert result.noisy_span == (len(BEFORE), len(BEFORE) + len(printed))
    assert [(d.kind, d.clean, d.noisy, d.clean_offset) for d in result.differences] == [("deletion", "春天", "", 0)]


def test_tail_missing_from_print_is_a_deletion_not_neighbouring_text() -> None:
    printed = ARTICLE[:-3]  # the print lacks 绝口。
    page = BEFORE + printed + AFTER
    result = align(ARTICLE, page)
    assert result.noisy_span == (len(BEFORE), len(BEFORE) + len(printed))
    assert [(d.kind, d.clean, d.noisy) for d in result.differences] == [("deletion", "绝口。", "")]
    assert "下期" not in page[slice(*result.noisy_span)]


def test_garbled_last_mark_stays_inside_the_article() -> None:
    """。 printed as 遥 (GB2312 lead byte +0x31) is a substitution, not page text plus an insertion."""
    printed = ARTICLE[:-1] + "遥"
    page = BEFORE + printed + AFTER
    result = align(ARTICLE, page)
    assert result.noisy_span == (len(BEFORE), len(BEFORE) + len(printed))
    assert [(d.kind, d.clean, d.noisy, d.noisy_offset) for d in result.differences] == [
        ("substitution", "。", "遥", len(BEFORE) + len(printed) - 1)
    ]


@pytest.mark.parametrize("missing", [20, 60, 120, 160])
def test_long_missing_tail_does_not_pull_in_the_next_text(missing: int) -> None:
    printed = ARTICLE[:-missing]
    page = BEFORE + printed + AFTER
    result = align(ARTICLE, page)
    assert result.noisy_span == (len(BEFORE), len(BEFORE) + len(printed))
    assert [(d.kind, d.clean) for d in result.differences] == [("deletion", ARTICLE[-missing:].replace("\n", ""))]


def test_changed_first_mark_stays_inside_the_article() -> None:
    article = "“" + ARTICLE
    printed = "野" + ARTICLE  # “ garbled by the GB2312 lead-byte shift
    page = BEFORE + printed + AFTER
    result = align(article, page)
    assert result.noisy_span == (len(BEFORE), len(BEFORE) + len(printed))
    assert [(d.kind, d.clean, d.noisy, d.noisy_offset) for d in result.differences] == [
        ("substitution", "“", "野", len(BEFORE))
    ]


# --- layout is not an edit -----------------------------------------------------------------------


def test_line_breaks_and_digit_spaces_are_not_differences() -> None:
    printed = reflow(ARTICLE)
    assert printed != ARTICLE and " 2023" in printed and printed.count("\n") > ARTICLE.count("\n")
    page = BEFORE + printed + AFTER
    result = align(ARTICLE, page)
    assert result.differences == []
    assert result.similarity == 1.0
    assert result.noisy_span == (len(BEFORE), len(BEFORE) + len(printed))
    assert result.counts() == dict.fromkeys(result.counts(), 0)


def test_real_edits_are_reported_with_offsets() -> None:
    """A substituted, a dropped and an inserted character, each found where it is."""
    sub_at = ARTICLE.index("柳树")  # 柳 → 杨
    del_at = ARTICLE.index("揉面")  # 揉 dropped
    ins_at = ARTICLE.index("阅读空间") + 2  # 室 inserted before 空间
    noisy_article = ARTICLE[:sub_at] + "杨" + ARTICLE[sub_at + 1 : del_at] + ARTICLE[del_at + 1 : ins_at] + "室" + ARTICLE[ins_at:]
    page = BEFORE + noisy_article + AFTER
    result = align(ARTICLE, page)
    by_kind = {d.kind: d for d in result.differences}
    assert sorted(d.kind for d in result.differences) == ["deletion", "insertion", "substitution"]
    s, d, i = by_kind["substitution"], by_kind["deletion"], by_kind["insertion"]
    assert (s.clean, s.noisy, s.clean_offset) == ("柳", "杨", sub_at)
    assert page[s.noisy_offset] == "杨" and s.noisy_offset == len(BEFORE) + sub_at
    assert (d.clean, d.noisy, d.clean_offset) == ("揉", "", del_at)
    assert (i.clean, i.noisy) == ("", "室")
    assert page[i.noisy_offset] == "室"
    assert result.similarity < 1.0


def test_width_and_script_variants_are_variants_not_edits() -> None:
    page = BEFORE + ARTICLE + AFTER
    traditional = ARTICLE.replace("书店会", "書店會", 1)
    result = align(traditional, page)
    assert [(d.kind, d.detail, d.clean, d.noisy) for d in result.differences] == [
        ("variant", "script", "書", "书"),
        ("variant", "script", "會", "会"),
    ]
    ascii_colons = ARTICLE.replace("：", ":")
    result = align(ascii_colons, page)
    assert [(d.kind, d.detail, d.clean, d.noisy) for d in result.differences] == [
        ("variant", "width", ":", "：")
    ] * ARTICLE.count("：")
    assert result.similarity == 1.0


# --- the seed pair's differences -----------------------------------------------------------------


def test_seed_differences_and_their_kinds(seed) -> None:
    clean, noisy, result = seed
    counts = result.counts()
    assert counts["substitution"] == counts["insertion"] == counts["deletion"] == 0
    by_pair = {(d.clean, d.noisy): d for d in result.differences}
    assert by_pair[("屆", "届")].kind == "variant" and by_pair[("屆", "届")].detail == "script"
    assert sum(1 for d in result.differences if (d.clean, d.noisy) == ("屆", "届")) == 2
    assert by_pair[("%", "豫")].kind == "garble"
    assert by_pair[("（", "渊")].kind == "garble"
    assert "0x31" in by_pair[("%", "豫")].detail and "gb2312" in by_pair[("%", "豫")].detail
    layout = [d for d in result.differences if d.kind == "layout"]
    assert sorted(d.clean for d in layout) == sorted(["##", "##", "##", "来源：经济参考报", "记者"])
    assert all(d.noisy == "" for d in layout)
    assert [m.name for m in result.mechanisms] == ["gb2312 lead-byte +0x31"]


def test_seed_difference_offsets_index_both_texts(seed) -> None:
    clean, noisy, result = seed
    for d in result.differences:
        assert clean[d.clean_offset :].startswith(d.clean), d
        if d.kind in ("variant", "garble", "substitution"):
            assert noisy[d.noisy_offset :].startswith(d.noisy), d
        assert result.noisy_span[0] <= d.noisy_offset <= result.noisy_span[1]


def test_seed_print_layout_is_not_an_edit(seed) -> None:
    """The page breaks lines and spaces digits (``自 2006年``); none of it is a difference."""
    clean, noisy, result = seed
    start, end = result.noisy_span
    assert "自 2006年" in noisy[start:end] and noisy[start:end].count("\n") > 200
    assert not any(d.clean.isspace() or d.noisy.isspace() for d in result.differences)
    assert not any(d.kind in ("insertion", "deletion") for d in result.differences)


# --- the offset map ------------------------------------------------------------------------------


def _matched_clean_offsets(clean: str, result) -> list[int]:
    """Non-space clean offsets outside web-only furniture and deletions: the ones that have a partner."""
    skipped = set()
    for d in result.differences:
        if d.kind in ("layout", "deletion"):
            start = clean.index(d.clean, d.clean_offset)
            skipped.update(range(start, start + len(d.clean)))
    if any(d.kind == "layout" and d.detail == "markdown" for d in result.differences):
        skipped.update(m.start() for m in re.finditer("#", clean))
    return [i for i, ch in enumerate(clean) if not ch.isspace() and i not in skipped]


@pytest.mark.parametrize("case", ["seed", "reflowed", "edited"])
def test_offset_map_round_trips_and_is_monotone(seed, case: str) -> None:
    if case == "seed":
        clean, noisy, result = seed
    elif case == "reflowed":
        clean, noisy = ARTICLE, BEFORE + reflow(ARTICLE) + AFTER
        result = align(clean, noisy)
    else:
        clean = ARTICLE
        noisy = BEFORE + reflow(ARTICLE.replace("揉面", "面").replace("柳树", "杨树")) + AFTER
        result = align(clean, noisy)
    matched = _matched_clean_offsets(clean, result)
    assert len(matched) > 0.9 * len("".join(clean.split()))
    mapped = [result.clean_to_noisy(x) for x in matched]
    for x, y in zip(matched, mapped):
        assert result.noisy_to_clean(y) == x
        assert result.noisy_span[0] <= y < result.noisy_span[1]
        assert fold(clean[x]) == fold(noisy[y]) or any(
            d.clean_offset == x and d.noisy_offset == y for d in result.differences
        ), (x, clean[x], noisy[y])
    assert mapped == sorted(mapped) and len(set(mapped)) == len(mapped)
    # Monotone over every clean offset, matched or not, and every noisy offset.
    everywhere = [result.clean_to_noisy(x) for x in range(len(clean) + 1)]
    assert everywhere == sorted(everywhere)
    back = [result.noisy_to_clean(y) for y in range(len(noisy) + 1)]
    assert back == sorted(back)


def test_seed_offset_map_lands_on_the_garbles(seed) -> None:
    clean, noisy, result = seed
    percent = clean.index("98%") + 2
    assert noisy[result.clean_to_noisy(percent)] == "豫"
    assert result.noisy_to_clean(noisy.index("98豫") + 2) == percent


# --- scale ---------------------------------------------------------------------------------------


def test_memory_does_not_grow_with_the_product_of_lengths() -> None:
    """A 10k-character article in a 50k-character page: 500M cells if quadratic; must stay < 50 MB."""
    article = random_chinese(10_000, seed=1)
    before, after = random_chinese(20_000, seed=2), random_chinese(20_000, seed=3)
    printed = reflow(article, width=21)
    page = before + printed + after
    assert len(before + article + after) == 50_000
    align("短文测试对齐功能", "前文短文测试对齐功能后文")  # warm the folding tables outside the measurement
    tracemalloc.start()
    try:
        result = align(article, page)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 * 2**20, f"peak {peak / 2**20:.1f} MiB"
    assert result.noisy_span == (len(before), len(before) + len(printed))
    assert result.differences == []


def test_difference_is_public_and_serialisable(seed) -> None:
    _, _, result = seed
    d = result.differences[0]
    assert isinstance(d, Difference)
    assert set(d.to_dict()) >= {"kind", "clean", "noisy", "clean_offset", "noisy_offset"}
