"""Issue 12, "do no harm": options that were silently ignored, errors that showed Python internals."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from _cli import assert_one_error_line, run
from textfix.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED_PAGE = ROOT / "seeds" / "001_b2b7af04dbdc7222.txt"
PAGE = "绿色制造产业初具规模遥 2022年，光伏产\n业链四大环节\n"



@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


# --- --dask without Dask ------------------------------------------------------------------------


@pytest.fixture
def no_dask(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``import dask.bag`` and ``import distributed`` fail, as in an install without the extra."""
    for name in ("dask", "dask.bag", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)


@pytest.mark.parametrize("command", ["repair", "split"])
@pytest.mark.parametrize("where", [[], ["tcp://127.0.0.1:8786"]])
def test_dask_without_dask_is_one_error_line_for_one_input(no_dask, page: Path, tmp_path: Path, command: str, where: list[str]) -> None:
    out = tmp_path / "out.txt"
    code, stdout, err = run(command, page, "--dask", *where, "-o", out)
    assert_one_error_line(code, err, 2, "pip install 'textfix[dask]'")
    assert stdout == "" and not out.exists()


def test_dask_without_dask_is_one_error_line_for_many_inputs(no_dask, page: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(PAGE, encoding="utf-8")
    code, _, err = run("repair", page, other, "-o", tmp_path / "out", "--dask")
    assert_one_error_line(code, err, 2, "pip install 'textfix[dask]'")
    assert not (tmp_path / "out").exists()


# --- no INPUT: standard input -----------------------------------------------------------------


class _Stdin(io.TextIOWrapper):
    """Standard input holding *data*; a terminal or a pipe as *tty* says."""

    def __init__(self, data: bytes, tty: bool) -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8")
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize("command, extra", [("repair", ["--keep-lines"]), ("split", ["--format", "text"])])
def test_no_input_reads_piped_stdin_as_dash_does(monkeypatch: pytest.MonkeyPatch, command: str, extra: list[str]) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(PAGE.encode("gbk"), tty=False))
    piped = run(command, *extra)
    monkeypatch.setattr(sys, "stdin", _Stdin(PAGE.encode("gbk"), tty=False))
    assert piped == run(command, "-", *extra)
    assert piped[0] == 0 and "规模" in piped[1]


def test_no_input_reads_a_jsonl_stream_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin('{"id": "a", "text": "规模遥 2022年"}\n'.encode(), tty=False))
    code, out, err = run("repair", "--jsonl", "-q")
    assert code == 0, err
    assert '"repaired": "规模。2022年"' in out


def test_no_input_from_a_terminal_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b"", tty=True))
    code, out, err = run("repair")
    assert_one_error_line(code, err, 2, "no INPUT")
    assert out == ""


def test_no_input_through_a_real_pipe() -> None:
    import subprocess

    result = subprocess.run([sys.executable, "-m", "textfix", "repair", "--keep-lines"], input=PAGE.encode("gb18030"),
                            capture_output=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == "绿色制造产业初具规模。2022年，光伏产\n业链四大环节\n"


# --- model files: say what is wrong in the file -----------------------------------------------


def _model_data() -> dict:
    import json

    from textfix.model import default_model

    return json.loads(default_model().to_json())


def _drop(key: str):
    return lambda d: d.pop(key)


def _set(value, *path):
    def change(d: dict) -> None:
        for step in path[:-1]:
            d = d[step]
        d[path[-1]] = value

    return change


@pytest.mark.parametrize(
    "breaker, message",
    [
        (_drop("substitutions"), 'missing field "substitutions"'),
        (_drop("mechanisms"), 'missing field "mechanisms"'),
        (_set(None, "style"), 'field "style" must be an object, not null'),
        (_set(None, "sources"), 'field "sources" must be a list, not null'),
        (_set({"x": 1}, "style"), 'field "style.x" must be a string, not 1'),
        (_set(None, "mechanisms", 0), 'field "mechanisms[0]" must be an object, not null'),
        (lambda d: d["mechanisms"][0].pop("codec"), 'missing field "mechanisms[0].codec"'),
        (_set("lots", "mechanisms", 0, "support"), 'field "mechanisms[0].support" must be an integer, not "lots"'),
        (_set(True, "mechanisms", 0, "offset"), 'field "mechanisms[0].offset" must be an integer, not true'),
        (_set("0.9", "mechanisms", 0, "confidence"), 'field "mechanisms[0].confidence" must be a number, not "0.9"'),
        (_set(None, "mechanisms", 0, "family"), 'field "mechanisms[0].family" must be a list, not null'),
        (lambda d: d["mechanisms"][0]["family"][2].pop("clean"), 'missing field "mechanisms[0].family[2].clean"'),
        (_set([1], "mechanisms", 0, "symbols"), 'field "mechanisms[0].symbols[0]" must be a string, not 1'),
        (_set(["豫", "%"], "substitutions", 0), 'field "substitutions[0]" must be an object, not a list'),
        (_set(None, "substitutions", 1, "count"), 'field "substitutions[1].count" must be an integer, not null'),
        (_set(7, "substitutions", 0, "mechanism"), 'field "substitutions[0].mechanism" must be a string, not 7'),
    ],
)
def test_model_errors_name_the_field(tmp_path: Path, page: Path, breaker, message: str) -> None:
    import json

    data = _model_data()
    breaker(data)
    model = tmp_path / "bad-model.json"
    model.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = run("repair", page, "--model", model)
    assert_one_error_line(code, err, 4, f"model file {model}: {message}")
    assert out == "" and "Error" not in err  # no KeyError, TypeError, AttributeError


def test_a_model_without_optional_fields_is_read(tmp_path: Path, page: Path) -> None:
    """style, sources, opportunities, mechanism and contexts may be left out; the rest is required."""
    import json

    data = _model_data()
    for key in ("style", "sources"):
        del data[key]
    for mechanism in data["mechanisms"]:
        del mechanism["opportunities"]
    for substitution in data["substitutions"]:
        del substitution["mechanism"], substitution["contexts"]
    model = tmp_path / "lean-model.json"
    model.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = run("repair", page, "--model", model)
    assert code == 0 and "规模" in out, err


# --- split -o FILE: the format follows the extension ---------------------------------------------


@pytest.mark.parametrize(
    "name, fmt", [("out.md", "markdown"), ("OUT.MD", "markdown"), ("out.txt", "text"), ("out.jsonl", "jsonl"),
                  ("out.json", "json"), ("out.split", "json")]
)
def test_split_output_format_follows_the_extension(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, fmt: str) -> None:
    assert main(["split", str(SEED_PAGE), "--format", fmt]) == 0
    expected = capsys.readouterr().out
    out = tmp_path / name
    assert main(["split", str(SEED_PAGE), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == expected


def test_an_explicit_format_wins_over_the_extension(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    out = tmp_path / "out.md"
    assert main(["split", str(SEED_PAGE), "--format", "json", "-o", str(out)]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["articles"]) == 3


def test_a_directory_output_keeps_json(tmp_path: Path) -> None:
    """-o DIR.md/ is a directory: one .json per input, whatever the directory is called."""
    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "in" / name).write_text(PAGE, encoding="utf-8")
    outdir = tmp_path / "pages.md"
    assert main(["split", str(tmp_path / "in"), "-o", str(outdir) + os.sep, "-q"]) == 0
    assert sorted(p.name for p in outdir.iterdir()) == ["a.json", "b.json"]


# --- eval: a split of a file of pages -------------------------------------------------------------

PAGES_DIR = ROOT / "corpora" / "pages"


@pytest.fixture
def three_pages(tmp_path: Path) -> tuple[Path, list[dict]]:
    """A file of three pages (form feeds), split with -o, and the gold page of each."""
    import json

    names = ["synth-001", "synth-002", "synth-003"]
    text = "\f".join((PAGES_DIR / f"{n}.txt").read_text(encoding="utf-8") for n in names)
    (tmp_path / "pages.txt").write_text(text, encoding="utf-8")
    assert main(["split", str(tmp_path / "pages.txt"), "-o", str(tmp_path / "out.json")]) == 0
    golds = [json.loads((PAGES_DIR / f"{n}.gold.json").read_text(encoding="utf-8")) for n in names]
    return tmp_path / "out.json", golds


def _write_json(path: Path, data: object) -> Path:
    import json

    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_eval_scores_a_split_of_pages_page_by_page(tmp_path: Path, three_pages) -> None:
    import json

    from textfix.evaluate import evaluate

    out, golds = three_pages
    gold = _write_json(tmp_path / "gold.json", [{"page_index": i, **g} for i, g in enumerate(golds)])
    code, stdout, err = run("eval", gold, out, "--json")
    assert code == 0, err
    score = json.loads(stdout)
    pages = json.loads(out.read_text(encoding="utf-8"))
    assert [p["page_index"] for p in score["pages"]] == [0, 1, 2] and score["pages_out"] == 3
    for got, gold_page, page in zip(score["pages"], golds, pages):
        assert got == {"page_index": page["page_index"], **evaluate(gold_page, page).to_dict()}
    assert score["articles_gold"] == sum(len(g["articles"]) for g in golds)
    code, text, err = run("eval", gold, out)
    assert code == 0 and text.splitlines()[0] == "page 0:" and text.splitlines()[-1].startswith("all 3 pages: articles ")


def test_eval_a_missing_page_scores_as_empty_and_an_extra_one_is_listed(tmp_path: Path, three_pages) -> None:
    import json

    out, golds = three_pages
    gold = _write_json(tmp_path / "gold.json", [{"page_index": 0, **golds[0]}, {"page_index": 5, **golds[1]}])
    code, stdout, err = run("eval", gold, out, "--json")
    assert code == 0, err
    score = json.loads(stdout)
    assert score["extra_pages"] == [1, 2] and [p["page_index"] for p in score["pages"]] == [0, 5]
    assert score["pages"][1]["articles_out"] == 0 and score["pages"][1]["titles_ok"] == 0


def test_eval_one_gold_page_against_a_one_page_array(tmp_path: Path) -> None:
    import json

    gold = PAGES_DIR / "synth-001.gold.json"
    single, array = tmp_path / "single.json", tmp_path / "array.json"
    assert main(["split", str(PAGES_DIR / "synth-001.txt"), "-o", str(single)]) == 0
    _write_json(array, [{"page_index": 0, "offset": 0, **json.loads(single.read_text(encoding="utf-8"))}])
    code, one, err = run("eval", gold, single, "--json")
    code2, many, err2 = run("eval", gold, array, "--json")
    assert code == code2 == 0, err + err2
    assert json.loads(many)["pages"] == [{"page_index": 0, **json.loads(one)}]


def test_eval_one_gold_page_against_several_is_an_input_error(three_pages) -> None:
    out, _ = three_pages
    code, stdout, err = run("eval", PAGES_DIR / "synth-001.gold.json", out)
    assert_one_error_line(code, err, 3, "one gold page", "has 3 pages")
    assert stdout == ""


def test_eval_pages_with_the_same_index_are_an_input_error(tmp_path: Path, three_pages) -> None:
    out, golds = three_pages
    gold = _write_json(tmp_path / "gold.json", [{"page_index": 1, **golds[0]}, {"page_index": 1, **golds[1]}])
    assert_one_error_line(*run("eval", gold, out)[::2], 3, "two pages with page_index 1")
