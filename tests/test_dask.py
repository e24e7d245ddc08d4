"""Issue 6 on Dask: ``--dask`` and the bag helpers give exactly the serial output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")

from textfix import default_model, load_model, repair  # noqa: E402
from textfix.cli import main  # noqa: E402
from textfix.dask import repair_bag, split_bag  # noqa: E402
from textfix.split import split_page  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PAGES = [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpora" / "pages").glob("synth-*.txt"))[:6]]
MODEL_FILE = REPO / "textfix" / "data" / "default_model.json"


@pytest.fixture(scope="module")
def client():
    """Two in-process workers: the quick way to a real scheduler (processes are tested through the CLI below)."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as c:
            yield c


@pytest.fixture
def records_file(tmp_path: Path) -> Path:
    rows = [{"id": i, "text": PAGES[i % len(PAGES)], "n": i} for i in range(12)] + [{"id": "bad"}]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def cli(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_bags_work_without_a_cluster_too() -> None:
    """First in the file, before the module's client exists: the model travels as one delayed object."""
    from dask.delayed import Delayed

    from textfix.dask import _ship

    assert isinstance(_ship(default_model()), Delayed)
    bag = db.from_sequence(PAGES[:2], npartitions=2)
    got = repair_bag(bag, model=default_model()).compute(scheduler="sync")
    assert [g.text for g in got] == [repair(t).text for t in PAGES[:2]]


def test_cli_on_a_scheduler_address_matches_the_serial_run(capsys, client, records_file: Path) -> None:
    serial = cli(capsys, "repair", "--jsonl", records_file, "-q")
    on_dask = cli(capsys, "repair", "--jsonl", records_file, "-q", "--dask", client.scheduler.address)
    assert on_dask == serial
    assert serial[0] == 6 and len(serial[1].splitlines()) == 12


def test_cli_local_cluster_with_processes_matches_the_serial_run(tmp_path: Path, records_file: Path) -> None:
    def run(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "textfix", "split", "--jsonl", str(records_file), "-q", *extra],
            capture_output=True, text=True, encoding="utf-8", cwd=REPO, timeout=180,
        )

    serial, on_dask = run(), run("--dask", "--jobs", "2")
    assert on_dask.returncode == serial.returncode == 6, on_dask.stderr
    assert on_dask.stdout == serial.stdout
    assert on_dask.stderr.count("textfix: error: bad:") == 1


def test_repair_bag_of_pages_matches_repair(client) -> None:
    bag = db.from_sequence(PAGES, npartitions=3)
    got = repair_bag(bag).compute()
    want = [repair(text) for text in PAGES]
    assert [(g.text, g.changes) for g in got] == [(w.text, w.changes) for w in want]


def test_repair_bag_ships_a_given_model_once(client) -> None:
    model = load_model(MODEL_FILE)
    bag = db.from_sequence([{"id": i, "text": t} for i, t in enumerate(PAGES)], npartitions=3)
    result = repair_bag(bag, model=model)
    shipped = [key for key, who in client.who_has().items() if len(who) == 2]
    assert shipped, "the model is broadcast to both workers before the graph runs"
    got = result.compute()
    assert [r["id"] for r in got] == list(range(len(PAGES)))
    assert [r["changes"] for r in got] == [[c.to_dict() for c in repair(t, model).changes] for t in PAGES]


def test_split_bag_matches_split_page(client) -> None:
    got = split_bag(db.from_sequence(PAGES[:3], npartitions=2)).compute()
    assert [p.to_dict() for p in got] == [split_page(t).to_dict() for t in PAGES[:3]]


def test_elements_that_are_not_pages_say_so(client) -> None:
    with pytest.raises(TypeError, match="bag elements"):
        repair_bag(db.from_sequence([1], npartitions=1)).compute()


@pytest.mark.parametrize("kind, extra", [("repair", ["--explain"]), ("split", ["--format", "markdown"])])
def test_one_input_runs_on_dask_too(capsys, client, monkeypatch, tmp_path: Path, kind: str, extra: list[str]) -> None:
    """Issue 12: --dask with one page file was silently ignored; now the page goes to the cluster."""
    from textfix.dask import DaskExecutor

    submitted: list[int] = []
    real_submit = DaskExecutor.submit
    monkeypatch.setattr(DaskExecutor, "submit", lambda self, chunk: submitted.append(len(chunk)) or real_submit(self, chunk))
    page = tmp_path / "page.txt"
    page.write_text(PAGES[0], encoding="utf-8")
    serial = cli(capsys, kind, page, *extra)
    assert not submitted
    on_dask = cli(capsys, kind, page, *extra, "--dask", client.scheduler.address)
    assert on_dask == serial and serial[0] == 0
    assert submitted == [1]
    pages = tmp_path / "pages.txt"
    pages.write_text("\f".join(PAGES[:3]), encoding="utf-8")
    assert cli(capsys, kind, pages, *extra, "--dask", client.scheduler.address) == cli(capsys, kind, pages, *extra)
    assert submitted[1:] and sum(submitted[1:]) == 3
