"""The repair, split and eval subcommands, end to end through the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from textfix.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED_PAGE = ROOT / "seeds" / "001_b2b7af04dbdc7222.txt"
SEED_CLEAN = ROOT / "seeds" / "000_b2a6d463218f33b3.txt"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "textfix", *args], capture_output=True, text=True, input=stdin, cwd=ROOT)


def test_repair_rejoins_lines_and_explains(tmp_path: Path) -> None:
    out = tmp_path / "page.txt"
    result = run("repair", str(SEED_PAGE), "-o", str(out), "--explain")
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith(" 6 产经 Industries\n\n".strip())
    assert "给政策、强技术，加快推进绿色低碳升级改造。一方面，" in text  # lines rejoined, garbles fixed
    assert "'遥' → '。'\tgarble:gb2312 lead-byte +0x31" in result.stderr


def test_repair_keep_lines_from_stdin() -> None:
    result = run("repair", "-", "--keep-lines", stdin="绿色制造产业初具规模遥 2022年，光伏产\n业链四大环节\n")
    assert result.stdout == "绿色制造产业初具规模。2022年，光伏产\n业链四大环节\n"


def test_a_model_learned_from_the_seed_repairs_unseen_garbles(tmp_path: Path) -> None:
    model = tmp_path / "model.json"
    assert run("learn", "--pair", str(SEED_CLEAN), str(SEED_PAGE), "-o", str(model)).returncode == 0
    page = tmp_path / "page.txt"
    page.write_text(
        "他在叶我的父亲曳一文中写道院野父亲不善言辞袁却用一生教会了我什么是责任遥冶\n"
        "院士们在医院的野外冶炼遗址旁合影，叶师傅说遥远的村庄也要通路。\n",
        encoding="utf-8",
    )
    result = run("repair", str(page), "--model", str(model), "--keep-lines")
    assert result.returncode == 0, result.stderr
    first, second = result.stdout.splitlines()
    assert first == "他在《我的父亲》一文中写道：“父亲不善言辞，却用一生教会了我什么是责任。”"
    assert second == "院士们在医院的野外冶炼遗址旁合影，叶师傅说遥远的村庄也要通路。"


@pytest.mark.parametrize("fmt", ["json", "jsonl", "markdown", "text"])
def test_split_formats(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["split", str(SEED_PAGE), "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        page = json.loads(out)
        assert page["source"] == SEED_PAGE.name and len(page["articles"]) == 3
        assert page["articles"][1]["byline"] == "韩鑫"
    elif fmt == "jsonl":
        records = [json.loads(line) for line in out.splitlines()]
        assert [r["article"] for r in records] == [0, 1, 2]
        assert all(r["header"]["section"] == "产经" for r in records)
    elif fmt == "markdown":
        assert "# 我国绿色制造体系基本构建" in out and "## 锻造产业竞争的绿色新优势" in out
    else:
        assert "我国绿色制造体系基本构建\n\n绿色制造是推动工业绿色发展的重要抓手。" in out


def test_eval_scores_a_split_against_gold(tmp_path: Path) -> None:
    gold_path = ROOT.parent / "shared" / "gold" / "seed_page.gold.json"
    if not gold_path.exists():
        pytest.skip("the shared gold is not beside the repository")
    out = tmp_path / "out.json"
    assert run("split", str(SEED_PAGE), "-o", str(out)).returncode == 0
    result = run("eval", str(gold_path), str(out), "--json")
    assert result.returncode == 0, result.stderr
    score = json.loads(result.stdout)
    assert score["articles_out"] == 3


def test_split_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(SEED_PAGE.read_bytes())
    result = run("split", str(page), "-o", str(page))
    assert result.returncode != 0
    assert result.stderr.startswith("textfix: error:") and len(result.stderr.strip().splitlines()) == 1
    assert page.read_bytes() == SEED_PAGE.read_bytes()
