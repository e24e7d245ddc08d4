"""Issue 6 integrations: Hugging Face ``Dataset.map`` and a datatrove pipeline step repair like ``textfix repair --jsonl``."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from textfix import load_model
from textfix.batch import repair_value
from textfix.integrations.hf import RepairMap, repair_map

REPO = Path(__file__).resolve().parent.parent
PAGES = [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpora" / "pages").glob("synth-*.txt"))[:4]]
TEXTS = PAGES + ["提升遥规模,自 2006年起", ""]
MODEL = load_model(REPO / "textfix" / "data" / "default_model.json")


def expected(text: str) -> tuple[str, int]:
    if not text:
        return "", 0
    out, repaired = repair_value(text, MODEL)
    return out, len(repaired.changes)


def test_repair_map_pickles_with_its_model_and_handles_rows_and_batches() -> None:
    fn = pickle.loads(pickle.dumps(repair_map(MODEL, changes=True)))
    assert isinstance(fn, RepairMap) and fn.model == MODEL
    row = fn({"text": TEXTS[4]})
    assert (row["repaired"], row["n_changes"]) == expected(TEXTS[4]) == ("提升。规模，自2006年起", 3)
    assert [c["new"] for c in json.loads(row["changes"])] == ["。", "，", ""]
    batch = fn({"text": TEXTS})
    assert list(zip(batch["repaired"], batch["n_changes"])) == [expected(t) for t in TEXTS]


def test_datasets_map_batched_and_not() -> None:
    datasets = pytest.importorskip("datasets")
    datasets.disable_progress_bars()
    ds = datasets.Dataset.from_dict({"id": list(range(len(TEXTS))), "text": TEXTS})
    want = [expected(t) for t in TEXTS]
    for kwargs in ({"batched": True, "batch_size": 2}, {"batched": False}):
        out = ds.map(repair_map(MODEL), load_from_cache_file=False, **kwargs)
        assert out.column_names == ["id", "text", "repaired", "n_changes"]
        assert list(zip(out["repaired"], out["n_changes"])) == want
        assert out["text"] == TEXTS


def test_datasets_map_in_worker_processes() -> None:
    datasets = pytest.importorskip("datasets")
    datasets.disable_progress_bars()
    ds = datasets.Dataset.from_dict({"text": TEXTS[:4]})
    out = ds.map(repair_map(), batched=True, batch_size=1, num_proc=2, load_from_cache_file=False)
    assert out["repaired"] == [expected(t)[0] for t in TEXTS[:4]]


def test_datatrove_step_repairs_text_and_counts_changes() -> None:
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    from textfix.integrations.datatrove import TextfixRepair

    step = TextfixRepair(MODEL)
    docs = [Document(text=t, id=str(i)) for i, t in enumerate(TEXTS[:5])] + [Document(text=None, id="broken")]
    out = list(step.run(iter(docs)))
    assert [d.id for d in out] == [str(i) for i in range(5)] + ["broken"]  # the broken one goes on, unchanged
    assert [(d.text, d.metadata["textfix_changes"]) for d in out[:5]] == [expected(t) for t in TEXTS[:5]]
    assert "textfix_error" in out[5].metadata and out[5].text is None
    assert step.stats["failed"].total == 1


def test_datatrove_executor_runs_the_step(tmp_path: Path) -> None:
    pytest.importorskip("datatrove")
    import gzip

    from datatrove.data import Document
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.writers import JsonlWriter

    from textfix.integrations.datatrove import TextfixRepair

    docs = [Document(text=t, id=str(i)) for i, t in enumerate(TEXTS[:5])]
    LocalPipelineExecutor(
        pipeline=[docs, TextfixRepair(), JsonlWriter(str(tmp_path / "data"))], tasks=1, logging_dir=str(tmp_path / "logs"),
    ).run()
    lines = [json.loads(line) for path in sorted((tmp_path / "data").glob("*.jsonl.gz")) for line in gzip.open(path, "rt", encoding="utf-8")]
    assert [(d["text"], d["metadata"]["textfix_changes"]) for d in lines] == [expected(t) for t in TEXTS[:5]]
