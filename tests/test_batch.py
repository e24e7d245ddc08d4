"""Issue 6: ``textfix repair`` / ``split`` over many inputs, JSONL streams, workers, progress and bad records."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from textfix import batch, progress, sinks, workers
from textfix.io import AtomicStream
from textfix.batch import InputItem, Result, Task
from textfix.cli import main

REPO = Path(__file__).resolve().parent.parent
PAGES = sorted((REPO / "corpora" / "pages").glob("synth-*.txt"))[:4]


def run(*args: str | Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "textfix", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", cwd=REPO, timeout=120, input=stdin,
    )


def cli(capsys, *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """Four pages in tmp/in, one of them in a subdirectory, plus a non-page file directories must skip."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for i, page in enumerate(PAGES):
        target = folder / ("sub" if i == 3 else "") / page.name
        target.write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "notes.md").write_text("not a page", encoding="utf-8")
    (folder / ".hidden.txt").write_text("hidden", encoding="utf-8")
    return folder


def single(capsys, command: str, path: Path, *extra: str) -> str:
    code, out, err = cli(capsys, command, path, *extra)
    assert code == 0, err
    return out


def records(n: int = 6) -> list[dict]:
    texts = [p.read_text(encoding="utf-8") for p in PAGES]
    return [{"id": f"r{i}", "text": texts[i % len(texts)], "meta": {"n": i, "tags": ["a", i]}, "lang": "zh"} for i in range(n)]


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- expanding inputs


def test_expand_inputs_globs_directories_stdin_and_missing(pages: Path) -> None:
    sources = batch.expand_inputs([str(pages / "synth-00*.txt"), str(pages), "-", str(pages / "nope.txt")])
    names = [s.name for s in sources]
    assert names[:3] == sorted(p.name for p in PAGES[:3])  # the glob: sorted, no subdirectory
    assert names[3:7] == sorted([p.name for p in PAGES[:3]] + [f"sub/{PAGES[3].name}"])  # the directory: recursive, *.txt, no dot files
    assert sources[7] == batch.Source("-", "stdin")
    assert sources[8].error and "no such file" in sources[8].error
    assert batch.expand_inputs([str(pages / "*.xyz")])[0].error.endswith("no files match")
    assert batch.expand_inputs([str(pages)], include="*.md")[0].name == "notes.md"


def test_names_many(pages: Path) -> None:
    assert not batch.names_many([str(PAGES[0])])
    assert not batch.names_many(["-"])
    assert batch.names_many([str(PAGES[0]), str(PAGES[1])])
    assert batch.names_many([str(pages)])
    assert batch.names_many([str(pages / "*.txt")])


# --------------------------------------------------------------------------- page files


def test_glob_to_directory_gives_one_output_per_input_equal_to_single_runs(capsys, pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, err = cli(capsys, "repair", pages / "*.txt", "-o", out)
    assert code == 0, err
    assert stdout == ""
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(p.name for p in PAGES[:3])
    for name in written:
        assert (out / name).read_text(encoding="utf-8") == single(capsys, "repair", pages / name)


def test_directory_input_mirrors_its_tree_and_split_takes_the_format_suffix(capsys, pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, err = cli(capsys, "split", pages, "--format", "markdown", "-o", out)
    assert code == 0, err
    expected = {Path(p.name).with_suffix(".md").as_posix() for p in PAGES[:3]} | {f"sub/{Path(PAGES[3].name).stem}.md"}
    assert {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()} == expected
    sub = pages / "sub" / PAGES[3].name
    assert (out / "sub" / f"{sub.stem}.md").read_text(encoding="utf-8") == single(capsys, "split", sub, "--format", "markdown")


def test_one_input_and_output_file_still_work(capsys, tmp_path: Path) -> None:
    target = tmp_path / "one.txt"
    code, stdout, _ = cli(capsys, "repair", PAGES[0], "-o", target)
    assert code == 0 and stdout == ""
    assert target.read_text(encoding="utf-8") == single(capsys, "repair", PAGES[0])


def test_an_existing_directory_as_output_takes_one_input_too(capsys, tmp_path: Path) -> None:
    code, _, err = cli(capsys, "split", PAGES[0], "-o", tmp_path)
    assert code == 0, err
    assert json.loads((tmp_path / f"{PAGES[0].stem}.json").read_text(encoding="utf-8"))["source"] == PAGES[0].name


def test_several_inputs_need_an_output_directory_unless_they_concatenate(capsys, pages: Path) -> None:
    code, out, err = cli(capsys, "repair", PAGES[0], PAGES[1])
    assert code == 2 and out == ""
    assert err.startswith("textfix: error: several inputs") and err.count("\n") == 1
    code, out, _ = cli(capsys, "split", PAGES[0], PAGES[1], "--format", "jsonl")
    assert code == 0
    assert [json.loads(line)["source"] for line in out.splitlines()][0] == PAGES[0].name
    assert json.loads(out.splitlines()[-1])["source"] == PAGES[1].name


def test_output_directory_over_the_inputs_is_refused_before_any_work(capsys, pages: Path) -> None:
    before = {p: p.read_bytes() for p in pages.glob("*.txt")}
    code, _, err = cli(capsys, "repair", pages / "*.txt", "-o", pages)
    assert code == 3 and "overwrite the input" in err
    assert {p: p.read_bytes() for p in pages.glob("*.txt")} == before


def test_two_inputs_with_one_output_name_are_refused(capsys, pages: Path, tmp_path: Path) -> None:
    twin = tmp_path / "twin"
    twin.mkdir()
    (twin / PAGES[0].name).write_text("同名", encoding="utf-8")
    code, _, err = cli(capsys, "repair", pages / PAGES[0].name, twin / PAGES[0].name, "-o", tmp_path / "out")
    assert code == 3 and "would both write" in err


def test_stdin_page_and_stdin_stream() -> None:
    page = PAGES[0].read_text(encoding="utf-8")
    one = run("repair", "-", stdin=page)
    assert one.returncode == 0 and one.stdout == run("repair", PAGES[0]).stdout
    stream = run("repair", "--jsonl", "-", stdin=json.dumps({"id": 1, "text": "你好,世界"}, ensure_ascii=False) + "\n")
    assert stream.returncode == 0, stream.stderr
    # A value without a line end gets none; a clean text (no print lines, no garbles) keeps its ASCII comma.
    assert json.loads(stream.stdout)["repaired"] == "你好,世界"


def test_single_page_errors_stay_one_line_with_their_own_code(capsys, tmp_path: Path) -> None:
    code, out, err = cli(capsys, "repair", tmp_path / "missing.txt")
    assert (code, out) == (3, "")
    assert err.startswith("textfix: error: ") and err.count("\n") == 1


# --------------------------------------------------------------------------- JSONL


def test_jsonl_keeps_every_field_and_adds_the_result(capsys, tmp_path: Path) -> None:
    rows = records()
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    code, out, err = cli(capsys, "repair", "--jsonl", source)
    assert code == 0, err
    got = [json.loads(line) for line in out.splitlines()]
    assert [g["id"] for g in got] == [r["id"] for r in rows]
    for row, record in zip(rows, got):
        assert {k: record[k] for k in row} == row  # text kept as given, every other field untouched
        assert record["repaired"] == single(capsys, "repair", _page_file(tmp_path, row["text"]))  # the pages end with a newline
        assert all(row["text"][c["start"]:c["end"]] == c["old"] for c in record["changes"])


def _page_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_split_jsonl_adds_the_page(capsys, tmp_path: Path) -> None:
    rows = records(2)
    code, out, _ = cli(capsys, "split", "--jsonl", write_jsonl(tmp_path / "in.jsonl", rows))
    assert code == 0
    for row, line in zip(rows, out.splitlines()):
        record = json.loads(line)
        page = json.loads(single(capsys, "split", _page_file(tmp_path, row["text"])))
        page.pop("source")
        assert record["page"] == page and record["meta"] == row["meta"]


def test_bad_records_are_reported_and_the_rest_go_on(capsys, tmp_path: Path) -> None:
    rows = records(3)
    lines = [rows[0], "{not json", [1, 2], {"id": "no-text", "title": "x"}, {"id": "bad-type", "text": 5}, rows[1], "", rows[2]]
    source = write_jsonl(tmp_path / "in.jsonl", lines)
    with source.open("ab") as handle:
        handle.write(b'{"id": "latin1", "text": "caf\xe9"}\n')
    errors = tmp_path / "errors.jsonl"
    code, out, err = cli(capsys, "repair", "--jsonl", source, "--errors", errors, "-q")
    assert code == sinks.EXIT_SOME_FAILED == 6
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["r0", "r1", "r2"]
    logged = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [e["id"] for e in logged] == ["in.jsonl:2", "in.jsonl:3", "no-text", "bad-type", "in.jsonl:9"]
    assert "not valid JSON" in logged[0]["error"] and "text" in logged[2]["error"] and "UTF-8" in logged[4]["error"]
    assert err.splitlines() == [f"textfix: error: {e['id']}: {e['error']}" for e in logged]


def test_a_missing_input_among_many_fails_alone(capsys, pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, err = cli(capsys, "repair", pages / PAGES[0].name, tmp_path / "gone.txt", pages / PAGES[1].name, "-o", out)
    assert code == 6
    assert "gone.txt: no such file" in err
    assert sorted(p.name for p in out.iterdir()) == sorted([PAGES[0].name, PAGES[1].name])


def test_jsonl_to_directory_writes_one_file_per_input_even_an_empty_one(capsys, tmp_path: Path) -> None:
    a = write_jsonl(tmp_path / "a.jsonl", records(2))
    empty = write_jsonl(tmp_path / "empty.jsonl", [])
    b = write_jsonl(tmp_path / "b.jsonl", records(3)[2:] + ["oops"])
    out = tmp_path / "out"
    code, _, _ = cli(capsys, "repair", "--jsonl", a, empty, b, "-o", out, "-j", "2")
    assert code == 6
    assert sorted(p.name for p in out.iterdir()) == ["a.jsonl", "b.jsonl", "empty.jsonl"]  # no temporary files left
    assert [json.loads(x)["id"] for x in (out / "a.jsonl").read_text(encoding="utf-8").splitlines()] == ["r0", "r1"]
    assert (out / "empty.jsonl").read_text(encoding="utf-8") == ""
    assert [json.loads(x)["id"] for x in (out / "b.jsonl").read_text(encoding="utf-8").splitlines()] == ["r2"]


# --------------------------------------------------------------------------- workers and order


def test_jobs_2_gives_the_same_output_in_the_same_order(capsys, tmp_path: Path) -> None:
    rows = records(20) + ["broken"] + records(5)
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    serial = cli(capsys, "repair", "--jsonl", source, "-q")
    parallel = cli(capsys, "repair", "--jsonl", source, "-q", "--jobs", "2")
    assert serial == parallel
    assert serial[0] == 6


def test_jobs_2_over_files(capsys, pages: Path, tmp_path: Path) -> None:
    code, out, _ = cli(capsys, "split", pages, "--format", "jsonl", "--jobs", "2")
    assert code == 0
    assert out == cli(capsys, "split", pages, "--format", "jsonl")[1]


class CountingExecutor:
    """Runs chunks in process but lazily, counting how far ahead of the consumer the input was read."""

    workers = 2

    def __init__(self) -> None:
        self.submitted = 0

    def submit(self, chunk):
        self.submitted += len(chunk)
        return lambda: [Result(i.index, i.id, i.source, output=str(i.index)) for i in chunk]

    def close(self, cancel: bool = False) -> None:
        pass


def test_the_window_bounds_how_far_input_is_read_ahead() -> None:
    read = []

    def items():
        for i in range(10_000):
            read.append(i)
            yield InputItem(i, str(i), 0, payload="x")

    executor = CountingExecutor()
    results = workers.process_items(items(), Task("repair"), executor=executor)
    first = [next(results) for _ in range(10)]
    assert [r.index for r in first] == list(range(10))
    window = executor.workers * workers.WINDOW_PER_WORKER * workers.CHUNK_ITEMS
    assert len(read) <= window + workers.CHUNK_ITEMS  # not 10 000: memory stays flat as input grows
    assert [r.index for r in results] == list(range(10, 10_000))


def test_chunks_stop_at_the_size_limit() -> None:
    items = [InputItem(i, str(i), 0, payload=b"x" * 600) for i in range(5)]
    assert [len(c) for c in workers.chunked(items, max_items=8, max_size=1000)] == [2, 2, 1]
    files = [InputItem(i, str(i), 0, path="p.txt", size=30_000) for i in range(5)]
    assert [len(c) for c in workers.chunked(files, max_items=8, max_size=50_000)] == [2, 2, 1]


def test_a_crash_in_the_work_is_one_failed_record(monkeypatch) -> None:
    def boom(*args, **kwargs):
        raise IndexError("odd page")

    monkeypatch.setattr(batch, "repair_page", boom)
    result = batch.run_item(InputItem(0, "x", 0, payload=b'{"id": "p", "text": "t"}'), Task("repair", jsonl=True))
    assert (result.id, result.error) == ("p", "IndexError: odd page")


def test_dask_flag_gives_back_a_swallowed_input() -> None:
    from textfix.cli import build_parser

    args = build_parser().parse_args(["repair", "--dask", "a.txt", "b.txt"])
    from textfix.cli import _take_input_from_dask

    _take_input_from_dask(args)
    assert (args.dask, args.inputs) == ("", ["a.txt", "b.txt"])
    args = build_parser().parse_args(["repair", "--dask", "tcp://127.0.0.1:8786", "a.txt"])
    _take_input_from_dask(args)
    assert (args.dask, args.inputs) == ("tcp://127.0.0.1:8786", ["a.txt"])


# --------------------------------------------------------------------------- progress


@pytest.fixture
def terminal(monkeypatch):
    monkeypatch.setattr(progress, "_is_terminal", lambda stream: True)


def test_progress_on_a_terminal_and_quiet(capsys, terminal, pages: Path, tmp_path: Path) -> None:
    code, _, err = cli(capsys, "repair", pages, "-o", tmp_path / "a")
    assert code == 0 and "4/4" in err
    code, _, err = cli(capsys, "repair", pages, "-o", tmp_path / "b", "--quiet")
    assert code == 0 and err == ""


def test_no_progress_when_stderr_is_not_a_terminal(capsys, pages: Path, tmp_path: Path) -> None:
    code, _, err = cli(capsys, "repair", pages, "-o", tmp_path / "a")
    assert code == 0 and err == ""


def test_counter_without_tqdm(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)  # import tqdm now raises ImportError
    stream = io.StringIO()
    monkeypatch.setattr(stream, "isatty", lambda: True)
    counter = progress.make_progress(3, "page", True, stream)
    assert isinstance(counter, progress.LineCounter)
    for _ in range(3):
        counter.update()
    counter.write("textfix: error: x: broken")
    counter.close()
    text = stream.getvalue()
    assert "3/3 pages" in text and "pages/s" in text and "ETA" in text and "textfix: error: x: broken\n" in text


def test_atomic_stream_aborts_without_a_trace(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    stream = AtomicStream(target)
    stream.write("partial")
    stream.abort()
    assert list(tmp_path.iterdir()) == []
    stream = AtomicStream(target)
    stream.write("whole\n")
    stream.commit()
    assert target.read_text(encoding="utf-8") == "whole\n"
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
