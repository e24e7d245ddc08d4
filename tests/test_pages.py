"""Files of several pages: form feeds cut them, each page is laid out on its own, offsets stay the file's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from textfix import split_page, split_pages
from textfix.batch import Task, apply_to_record, repair_page
from textfix.cli import main
from textfix.pages import cut_pages

ROOT = Path(__file__).resolve().parents[1]
SEED_PAGE = (ROOT / "seeds" / "001_b2b7af04dbdc7222.txt").read_text(encoding="utf-8")
OTHER_PAGE = (ROOT / "corpora" / "pages" / "synth-002.txt").read_text(encoding="utf-8")
# pdftotext's shape: every page, the last too, ends with a form feed.
ISSUE = OTHER_PAGE + "\f" + SEED_PAGE + "\f"


def test_cut_pages_keeps_every_break_and_offset() -> None:
    assert cut_pages("a\fbc\f") == [(0, "a"), (2, "bc"), (5, "")]
    assert cut_pages("no break") == [(0, "no break")]


def test_each_page_is_repaired_as_if_alone() -> None:
    out, repaired = repair_page(ISSUE)
    pages = out.split("\f")
    assert pages == [repair_page(OTHER_PAGE)[0], repair_page(SEED_PAGE)[0], ""]
    assert pages[1].startswith("6 产经 Industries\n")  # page 2's header line, not a subhead of page 1
    for change in repaired.changes:  # offsets into the whole file
        assert ISSUE[change.start : change.end] == change.old


def test_split_pages_gives_each_page_its_header_and_articles() -> None:
    pages = split_pages(ISSUE)
    assert [p.index for p in pages] == [0, 1]  # the blank page after the last form feed holds nothing
    assert pages[1].offset == len(OTHER_PAGE) + 1
    alone = split_page(SEED_PAGE)
    assert pages[1].header == alone.header == {"page": "6", "section": "产经", "section_en": "Industries"}
    assert [a.to_dict() for a in pages[1].articles] == [a.to_dict() for a in alone.articles]


def test_one_page_with_a_trailing_form_feed_is_still_one_page_object(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(SEED_PAGE + "\f", encoding="utf-8")
    out = tmp_path / "page.json"
    assert main(["split", str(path), "-o", str(out)]) == 0
    page = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(page, dict) and len(page["articles"]) == 3


@pytest.mark.parametrize("fmt", ["json", "jsonl", "markdown", "text"])
def test_split_of_an_issue_is_the_same_on_two_workers(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "issue.txt"
    path.write_text(ISSUE, encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}.{fmt}"
        assert main(["split", str(path), "--format", fmt, "--jobs", jobs, "-o", str(out)]) == 0
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    if fmt == "json":
        assert [p["page_index"] for p in json.loads(outputs[0])] == [0, 1]
    if fmt == "jsonl":
        assert {json.loads(line)["page_index"] for line in outputs[0].splitlines()} == {0, 1}


def test_repair_of_an_issue_is_the_same_on_two_workers(tmp_path: Path, capsys) -> None:
    path = tmp_path / "issue.txt"
    path.write_text(ISSUE, encoding="utf-8")
    runs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}.txt"
        assert main(["repair", str(path), "--explain", "--jobs", jobs, "-o", str(out)]) == 0
        runs.append((out.read_text(encoding="utf-8"), capsys.readouterr().err))
    assert runs[0] == runs[1]
    garbles = [line for line in runs[0][1].splitlines() if "\tgarble:" in line]
    start, end = (int(n) for n in garbles[-1].split("\t")[0].split("-"))
    assert ISSUE[start:end] == "冤"  # the last garble is the seed page's byline parenthesis, counted in the file


def test_a_jsonl_record_of_several_pages_gets_them_all() -> None:
    record = apply_to_record({"id": 1, "text": ISSUE}, Task("split", jsonl=True))
    assert "page" not in record and [p["page_index"] for p in record["pages"]] == [0, 1]
    assert "page" in apply_to_record({"id": 2, "text": SEED_PAGE}, Task("split", jsonl=True))


def test_a_page_failing_on_a_worker_fails_the_run_as_in_one_process(tmp_path: Path, monkeypatch, capsys) -> None:
    from textfix import batch, workers
    from textfix.batch import Result

    def boom(*args, **kwargs):
        raise ValueError("boom")

    def failing_workers(items, task, model=None, jobs=1, executor=None):
        return [Result(item.index, item.id, item.source, error="ValueError: boom") for item in items]

    monkeypatch.setattr(batch, "repair_page", boom)  # one process
    monkeypatch.setattr(workers, "process_items", failing_workers)  # what the workers would report
    path = tmp_path / "issue.txt"
    path.write_text(ISSUE, encoding="utf-8")
    out = tmp_path / "out.txt"
    for jobs in ("1", "2"):
        assert main(["repair", str(path), "--jobs", jobs, "-o", str(out)]) == 1
        err = capsys.readouterr().err
        assert err.startswith("textfix: error: internal error") and "boom" in err and err.count("\n") == 1
    assert not out.exists()
