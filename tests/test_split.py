"""Splitting pages: the seed page against its gold, and the project's synthetic pages."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from textfix.evaluate import evaluate
from textfix.io import read_text
from textfix.split import Page, split_page

ROOT = Path(__file__).resolve().parents[1]
SEED_PAGE = ROOT / "seeds" / "001_b2b7af04dbdc7222.txt"
SEED_GOLD = ROOT.parent / "shared" / "gold" / "seed_page.gold.json"
PAGES = sorted((ROOT / "corpora" / "pages").glob("synth-*.txt"))


@pytest.fixture(scope="module")
def seed_page() -> Page:
    return split_page(read_text(SEED_PAGE), source=SEED_PAGE.name)


@pytest.fixture(scope="module")
def synthetic() -> list[tuple[Path, Page, dict]]:
    out = []
    for path in PAGES:
        gold = json.loads(read_text(path.with_name(path.stem + ".gold.json")))
        out.append((path, split_page(read_text(path), source=path.name), gold))
    return out


def test_seed_page_structure(seed_page: Page) -> None:
    assert seed_page.header == {"page": "6", "section": "产经", "section_en": "Industries"}
    assert [a.title for a in seed_page.articles] == [
        "数字技术赋能 服务外包产业迎新机遇",
        "我国绿色制造体系基本构建",
        "新能源汽车“临港速度”领跑世界级产业集群",
    ]
    assert [a.byline for a in seed_page.articles] == ["龚联康", "韩鑫", "俞立严"]
    first = seed_page.articles[0].blocks[0].text
    assert first.startswith("第十二届中国国际服务外包交易博览会（简称") and first.endswith("机遇与挑战。")
    third = [b.text for b in seed_page.articles[2].blocks if b.kind == "heading"]
    assert third == ["创新赋能", "临港速度成就特斯拉新“引擎”", "海纳百川", "孕育新能源汽车“朋友圈”“人才圈”"]


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="the shared gold is not beside the repository")
def test_seed_page_against_gold(seed_page: Page) -> None:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    score = evaluate(gold, seed_page.to_dict())
    assert score.articles_out == 3 and score.titles_ok == 3 and score.bylines_ok == 3
    assert score.header_ok
    assert score.heading_f1 == 1.0
    assert score.para_f1 >= 0.98
    assert score.cer <= 0.002
    assert score.garbles_missed == 0 and score.false_fixes == 0


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="the shared gold is not beside the repository")
def test_seed_page_with_reference_scorer(seed_page: Page) -> None:
    spec = importlib.util.spec_from_file_location("score_page", ROOT.parent / "shared" / "tools" / "score_page.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    result = scorer.score(json.loads(SEED_GOLD.read_text(encoding="utf-8")), seed_page.to_dict())
    assert result["para_f1"] >= 0.98 and result["cer"] <= 0.002 and result["titles_ok"] == 3


def test_synthetic_pages_meet_the_targets() -> None:
    spec = importlib.util.spec_from_file_location("measure_pages", ROOT / "corpora" / "measure_pages.py")
    measure_pages = importlib.util.module_from_spec(spec)
    sys.modules["measure_pages"] = measure_pages  # its dataclass looks its module up
    spec.loader.exec_module(measure_pages)
    summary = measure_pages.measure(ROOT / "corpora" / "pages")
    assert summary.pages >= 40
    assert summary.para_f1 >= 0.97
    assert summary.titles / summary.articles >= 0.95 and summary.bylines / summary.articles >= 0.95
    assert summary.exact == summary.pages, f"article count exact on {summary.line()}"


def _non_space(text: str) -> Counter[str]:
    return Counter(re.sub(r"\s", "", text))


def _accounted(page: Page) -> Counter[str]:
    parts = [page.header_line]
    for article in page.articles:
        parts += [article.title, article.byline_text, *(b.text for b in article.blocks)]
    return _non_space("".join(parts))


def test_nothing_is_lost_on_the_seed_page(seed_page: Page) -> None:
    assert _accounted(seed_page) == _non_space(seed_page.text)


def test_nothing_is_lost_on_any_synthetic_page(synthetic) -> None:
    for path, page, _ in synthetic:
        assert _accounted(page) == _non_space(page.text), path.name


def test_blocks_point_back_into_the_input(seed_page: Page) -> None:
    raw = read_text(SEED_PAGE)
    for article in seed_page.articles:
        for block in article.blocks:
            printed = re.sub(r"\s", "", raw[block.start : block.end])
            assert printed[:2] == re.sub(r"\s", "", block.text)[:2] or block.text[0] in "（。，、%"
            assert 0 <= block.start < block.end <= len(raw)
