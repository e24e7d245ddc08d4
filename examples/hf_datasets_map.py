"""Repair a Hugging Face dataset's "text" column with Dataset.map.

Run:  pip install 'textfix[hf]' && python examples/hf_datasets_map.py

The dataset is built in memory (Dataset.from_dict); in real use it would
come from load_dataset or Dataset.from_json.  num_proc=2 shows that the
mapped function and the model pickle to worker processes.
"""

from pathlib import Path

from datasets import Dataset

from textfix.integrations.hf import repair_map

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    pages = sorted((ROOT / "corpora" / "pages").glob("synth-00*.txt"))
    ds = Dataset.from_dict({
        "id": [p.stem for p in pages] + ["inline"],
        "text": [p.read_text(encoding="utf-8") for p in pages] + ["提升遥规模,自 2006年起"],
    })
    repaired = ds.map(repair_map(), batched=True, batch_size=4, num_proc=2)
    for row in repaired.select(range(len(repaired) - 3, len(repaired))):
        print(f"{row['id']}: {row['n_changes']} changes; {row['repaired'][:40]!r}")


if __name__ == "__main__":
    main()
