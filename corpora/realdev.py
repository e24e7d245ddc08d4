"""The real-news development set (``../shared/real-dev``), split by date.

The set is not part of the project (its sentences stay out of it; a fresh
clone has no ``../shared``): scripts that measure on it or derive shipped
statistics from it read it through this module, so every one of them uses the
same split.

Split: items dated before :data:`TEST_FROM` are the **train** part (tuning,
fitting, deriving statistics); items from that date on are the **test** part,
measured only at milestones.  2025-11-01 leaves about 80% of the items
(2022-09 … 2025-10) for training and the latest ten months for testing.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterator
from pathlib import Path

TEST_FROM = "20251101"
DEFAULT_PATH = Path(__file__).resolve().parent.parent.parent / "shared" / "real-dev" / "articles.jsonl.gz"


def load(part: str, path: Path | str | None = None) -> list[dict]:
    """The items of *part* (``"train"``, ``"test"`` or ``"all"``), in file order.

    Exits with a one-line message when the set is absent (a fresh clone).
    """
    if part not in ("train", "test", "all"):
        raise ValueError(f"part must be train, test or all, not {part!r}")
    return [item for item in _items(Path(path) if path else DEFAULT_PATH) if part == "all" or _part(item) == part]


def _part(item: dict) -> str:
    return "test" if item["date"] >= TEST_FROM else "train"


def _items(path: Path) -> Iterator[dict]:
    if not path.exists():
        sys.exit(f"real-dev set not found at {path} (it lives in ../shared/real-dev beside the clone)")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line)


if __name__ == "__main__":
    for name in ("train", "test"):
        items = load(name)
        chars = sum(len(p) for item in items for p in item["paragraphs"])
        print(f"{name}: {len(items)} items, {chars} characters, {items[0]['date']} … {items[-1]['date']}")
