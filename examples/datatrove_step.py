"""Repair documents in a datatrove pipeline with the TextfixRepair step.

Run:  pip install 'textfix[datatrove]' && python examples/datatrove_step.py

The documents are made in memory; in real use a reader (JsonlReader,
ParquetReader, ...) comes first.  The writer puts gzipped JSONL in a
temporary directory, whose first records are printed.
"""

import gzip
import json
import tempfile
from pathlib import Path

from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.writers import JsonlWriter

from textfix.integrations.datatrove import TextfixRepair

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    pages = sorted((ROOT / "corpora" / "pages").glob("synth-00*.txt"))
    documents = [Document(text=p.read_text(encoding="utf-8"), id=p.stem) for p in pages]
    documents.append(Document(text="提升遥规模,自 2006年起", id="inline"))
    with tempfile.TemporaryDirectory() as out:
        LocalPipelineExecutor(
            pipeline=[documents, TextfixRepair(), JsonlWriter(f"{out}/data")],
            tasks=1,
            logging_dir=f"{out}/logs",
        ).run()
        for path in sorted(Path(out, "data").glob("*.jsonl.gz")):
            for line in gzip.open(path, "rt", encoding="utf-8"):
                doc = json.loads(line)
                print(f"{doc['id']}: {doc['metadata']['textfix_changes']} changes; {doc['text'][:40]!r}")


if __name__ == "__main__":
    main()
