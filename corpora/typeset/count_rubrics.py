"""Count where a lenticular bracket 【 stands in the gold titles: at a title's start or inside it.

    python corpora/typeset/count_rubrics.py DIR...

A news site sets a column's rubric in 【…】 before the headline (【春耕备耕进行时】各地农民抢抓农时忙生产).
Printed: the titles, those holding 【, and of these how many hold it elsewhere than at their
start.  Where none does, a title line opening with 【 opens a title of its own and never goes on
from the line before (textfix.layout.opens_rubric).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
from textfix.layout import RUBRIC_OPEN  # noqa: E402


def count(folders: list[Path]) -> Counter[str]:
    """Titles by where they hold the rubric bracket: ``start``, ``inside`` or ``none``."""
    seen: Counter[str] = Counter()
    for folder in folders:
        if not folder.is_dir():
            raise SystemExit(f"{folder}: no such directory")
        for gold in sorted(folder.glob("*.gold.json")):
            for article in json.loads(gold.read_text(encoding="utf-8"))["articles"]:
                title = article.get("title") or ""
                where = "none" if RUBRIC_OPEN not in title else "start" if title.startswith(RUBRIC_OPEN) else "inside"
                seen[where] += 1
    return seen


def main(argv: list[str] | None = None) -> int:
    folders = [Path(a) for a in (sys.argv[1:] if argv is None else argv)]
    seen = count(folders)
    print(f"titles {sum(seen.values())}: with {RUBRIC_OPEN} {seen['start'] + seen['inside']}, "
          f"at their start {seen['start']}, inside {seen['inside']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
