"""Issues 2 and 3 through the command line: ``textfix align`` and ``textfix learn``, and their errors."""

from __future__ import annotations

import codecs
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from textfix import read_text
from textfix.cli import main

from _synthetic import AFTER, ARTICLE, BEFORE, REPO, SEED_CLEAN, SEED_NOISY, UNRELATED

DEFAULT_MODEL = REPO / "textfix" / "data" / "default_model.json"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "textfix", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", cwd=REPO, timeout=60,
    )


def assert_one_error_line(stderr: str, code: int, *, mentions: str = "") -> None:
    assert code != 0
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("textfix: error: "), stderr
    assert "Traceback" not in stderr
    assert mentions in lines[0]


@pytest.fixture(scope="module")
def seed_json() -> dict:
    proc = run("align", "--json", SEED_CLEAN, SEED_NOISY)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("\n") == 1  # one object on one line
    return json.loads(proc.stdout)


@pytest.fixture
def binary_file(tmp_path: Path) -> Path:
    path = tmp_path / "scan.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    return path


@pytest.fixture
def other_page(tmp_path: Path) -> Path:
    path = tmp_path / "other.txt"
    path.write_text(BEFORE + UNRELATED + AFTER, encoding="utf-8")
    return path


# --- textfix align -------------------------------------------------------------------------------


def test_align_summary() -> None:
    proc = run("align", SEED_CLEAN, SEED_NOISY)
    assert proc.returncode == 0 and proc.stderr == ""
    out = proc.stdout
    noisy = read_text(SEED_NOISY)
    start, end = 18, 2789
    first, last = noisy.count("\n", 0, start) + 1, noisy.count("\n", 0, end - 1) + 1
    assert re.search(rf"lines {first}\D+{last}\b", out), out
    assert re.search(r"similarity: 0\.99\d\d", out)
    assert "garble 2" in out and "variant 3" in out and "layout 5" in out
    assert "substitution" not in out.split("differences:")[1].splitlines()[0]
    subs_line = next(line for line in out.splitlines() if "substitutions" in line)
    assert "%→豫" in subs_line and "（→渊" in subs_line and "屆→届 ×2" in subs_line


def test_align_json_shape(seed_json: dict) -> None:
    assert {"noisy_span", "similarity", "differences"} <= set(seed_json)
    assert seed_json["noisy_span"] == [18, 2789]
    assert 0.99 < seed_json["similarity"] <= 1
    assert seed_json["differences"]
    for d in seed_json["differences"]:
        assert {"kind", "clean", "noisy", "clean_offset", "noisy_offset"} <= set(d)
        assert d["kind"] in ("layout", "variant", "garble", "substitution", "insertion", "deletion")
    kinds = {(d["clean"], d["noisy"]): d["kind"] for d in seed_json["differences"]}
    assert kinds[("%", "豫")] == "garble" and kinds[("（", "渊")] == "garble" and kinds[("屆", "届")] == "variant"


def test_align_json_offsets_index_the_texts_as_read(seed_json: dict) -> None:
    clean, noisy = read_text(SEED_CLEAN), read_text(SEED_NOISY)
    for d in seed_json["differences"]:
        assert clean[d["clean_offset"] :].startswith(d["clean"]), d
        if d["kind"] in ("variant", "garble", "substitution"):
            assert noisy[d["noisy_offset"] :].startswith(d["noisy"]), d


def test_align_json_offsets_are_into_decoded_normalised_text(tmp_path: Path) -> None:
    """A UTF-16 page with CRLF line ends: offsets count characters of the text as read, not bytes."""
    clean_path, noisy_path = tmp_path / "clean.txt", tmp_path / "page.txt"
    clean_path.write_bytes(codecs.BOM_UTF8 + read_text(SEED_CLEAN).replace("\n", "\r\n").encode("utf-8"))
    noisy_path.write_bytes(read_text(SEED_NOISY).replace("\n", "\r\n").encode("utf-16"))
    proc = run("align", "--json", clean_path, noisy_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    clean, noisy = read_text(clean_path), read_text(noisy_path)
    assert data["noisy_span"] == [18, 2789]
    assert noisy[data["noisy_span"][0] :].startswith("第十二届")
    checked = 0
    for d in data["differences"]:
        assert clean[d["clean_offset"] :].startswith(d["clean"]), d
        if d["kind"] in ("variant", "garble", "substitution"):
            assert noisy[d["noisy_offset"] :].startswith(d["noisy"]), d
            checked += 1
    assert checked == 5


def test_align_html_writes_a_self_contained_file(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    proc = run("align", "--html", report, SEED_CLEAN, SEED_NOISY)
    assert proc.returncode == 0, proc.stderr
    assert "similarity" in proc.stdout  # the summary is still printed
    html = report.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    assert "</html>" in html.lower()
    assert "豫" in html and "渊" in html
    assert not re.search(r"""<(?:script|img|iframe)[^>]+src\s*=|<link[^>]+href\s*=|@import|url\(\s*['"]?https?:""", html, re.I)


def test_align_html_and_json_together(tmp_path: Path) -> None:
    report = tmp_path / "r.html"
    assert main(["align", "--json", "--html", str(report), str(SEED_CLEAN), str(SEED_NOISY)]) == 0
    assert report.exists() and report.stat().st_size > 1000


def test_align_main_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["align", "--json", str(SEED_CLEAN), str(SEED_NOISY)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert json.loads(out)["noisy_span"] == [18, 2789]
    assert main(["align", str(SEED_CLEAN), str(SEED_NOISY)]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith("span: lines 3")


def test_align_synthetic_page(tmp_path: Path) -> None:
    clean, page = tmp_path / "a.txt", tmp_path / "p.txt"
    clean.write_text(ARTICLE, encoding="utf-8")
    page.write_text(BEFORE + ARTICLE + AFTER, encoding="utf-8")
    proc = run("align", "--json", clean, page)
    data = json.loads(proc.stdout)
    assert data["noisy_span"] == [len(BEFORE), len(BEFORE) + len(ARTICLE)]
    assert data["differences"] == [] and data["similarity"] == 1.0


# --- errors: one line, non-zero, no traceback -----------------------------------------------------


def _error_cases(tmp_path: Path, binary_file: Path, other_page: Path) -> dict[str, tuple[list[str], str]]:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    return {
        "missing clean": (["align", str(missing), str(SEED_NOISY)], "missing.txt"),
        "missing page": (["align", str(SEED_CLEAN), str(missing)], "missing.txt"),
        "binary page": (["align", str(SEED_CLEAN), str(binary_file)], "scan.png"),
        "binary clean": (["align", "--json", str(binary_file), str(SEED_NOISY)], "scan.png"),
        "not found": (["align", str(article), str(other_page)], ""),
        "not found json": (["align", "--json", str(article), str(other_page)], ""),
        "directory": (["align", str(tmp_path), str(SEED_NOISY)], tmp_path.name),
    }


@pytest.mark.parametrize(
    "case", ["missing clean", "missing page", "binary page", "binary clean", "not found", "not found json", "directory"]
)
def test_align_errors_in_process(tmp_path: Path, binary_file: Path, other_page: Path, capsys, case: str) -> None:
    argv, mentions = _error_cases(tmp_path, binary_file, other_page)[case]
    code = main(argv)
    out, err = capsys.readouterr()
    assert_one_error_line(err, code, mentions=mentions)
    assert out == ""


@pytest.mark.parametrize("case", ["missing page", "binary page", "not found"])
def test_align_errors_in_subprocess(tmp_path: Path, binary_file: Path, other_page: Path, case: str) -> None:
    argv, mentions = _error_cases(tmp_path, binary_file, other_page)[case]
    proc = run(*argv)
    assert_one_error_line(proc.stderr, proc.returncode, mentions=mentions)
    assert proc.stdout == ""


def test_align_html_not_written_when_alignment_fails(tmp_path: Path, other_page: Path) -> None:
    article, report = tmp_path / "article.txt", tmp_path / "r.html"
    article.write_text(ARTICLE, encoding="utf-8")
    proc = run("align", "--html", report, article, other_page)
    assert_one_error_line(proc.stderr, proc.returncode)
    assert not report.exists()


# --- textfix learn -------------------------------------------------------------------------------


def test_learn_rebuilds_the_default_model_byte_for_byte(tmp_path: Path) -> None:
    """The documented rebuild command."""
    out = tmp_path / "model.json"
    proc = run("learn", "--pair", "seeds/000_b2a6d463218f33b3.txt", "seeds/001_b2b7af04dbdc7222.txt", "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == DEFAULT_MODEL.read_bytes()
    assert proc.stdout == ""


def test_learn_to_stdout_is_the_same_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["learn", "--pair", str(SEED_CLEAN), str(SEED_NOISY)]) == 0
    out, _ = capsys.readouterr()
    assert out == DEFAULT_MODEL.read_text(encoding="utf-8")


def test_learn_twice_is_byte_identical(tmp_path: Path) -> None:
    pair2_clean, pair2_noisy = tmp_path / "c.txt", tmp_path / "n.txt"
    pair2_clean.write_text(ARTICLE, encoding="utf-8")
    pair2_noisy.write_text(BEFORE + ARTICLE.replace("：", "院").replace("《", "叶") + AFTER, encoding="utf-8")
    outputs = []
    for name in ("one.json", "two.json"):
        argv = ["learn", "--pair", str(SEED_CLEAN), str(SEED_NOISY), "--pair", str(pair2_clean), str(pair2_noisy), "-o", str(tmp_path / name)]
        assert main(argv) == 0
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    model = json.loads(outputs[0])
    assert model["mechanisms"][0]["support"] == 2 + ARTICLE.count("：") + ARTICLE.count("《")
    assert len(model["sources"]) == 2


def test_learn_errors(tmp_path: Path, binary_file: Path, other_page: Path, capsys) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    for argv in (
        ["learn", "--pair", str(tmp_path / "nope.txt"), str(SEED_NOISY)],
        ["learn", "--pair", str(SEED_CLEAN), str(binary_file)],
        ["learn", "--pair", str(article), str(other_page)],
        ["learn", "--pair", str(SEED_CLEAN), str(SEED_NOISY), "-o", str(SEED_NOISY)],  # would overwrite an input
    ):
        code = main(argv)
        out, err = capsys.readouterr()
        assert_one_error_line(err, code)
    assert read_text(SEED_NOISY).startswith(" 6 产经")  # untouched


# --- a bad model on the command line -------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    ['{"schema": "textfix.noise-model", "schema_version": 7, "mechanisms": [], "substitutions": []}', "{not json", "[1, 2]"],
    ids=["future-version", "not-json", "not-a-model"],
)
def test_repair_with_bad_model_is_one_error_line(tmp_path: Path, content: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    proc = run("repair", "--model", bad, SEED_NOISY)
    assert_one_error_line(proc.stderr, proc.returncode, mentions="bad.json")
    assert proc.stdout == ""


def test_align_with_bad_model_is_one_error_line(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "textfix.noise-model", "schema_version": 2}', encoding="utf-8")
    code = main(["align", "--model", str(bad), str(SEED_CLEAN), str(SEED_NOISY)])
    _, err = capsys.readouterr()
    assert_one_error_line(err, code, mentions="schema_version")


def test_align_with_model_classifies_a_lone_garble(tmp_path: Path) -> None:
    """One garbled symbol is too little evidence on its own; the default model's mechanism explains it."""
    clean, page = tmp_path / "a.txt", tmp_path / "p.txt"
    clean.write_text(ARTICLE, encoding="utf-8")
    page.write_text(BEFORE + ARTICLE.replace("《", "叶") + AFTER, encoding="utf-8")
    without = json.loads(run("align", "--json", clean, page).stdout)
    with_model = json.loads(run("align", "--json", "--model", DEFAULT_MODEL, clean, page).stdout)
    assert {d["kind"] for d in without["differences"]} == {"substitution"}
    assert {d["kind"] for d in with_model["differences"]} == {"garble"}
