"""Count, on typeset pages' gold, what follows a paragraph that ends on a colon: the next block's kind,
and whether the blocks up to the next sentence end read as what textfix.layout._introduced_text calls
text introduced by the colon (a document's title with 关于, a list item's number).  The evidence for
textfix.layout's reading of headings after a colon (_BodyReader._after_colon_end).

    python corpora/typeset/count_colon_stacks.py BATCH_DIR [BATCH_DIR ...]

Each BATCH_DIR holds make_pages.py's page-NNN.gold.json files.  Printed: per pair, the batch, page, the
colon paragraph's end, the kinds of the blocks that follow up to the first that ends a sentence, and
their opening; then the counts by (next kind, introduced text).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's textfix
from textfix.layout import _document_or_list  # noqa: E402
from textfix.lines import ends_sentence  # noqa: E402

# Blocks looked at after the colon at most: a document's title and its date take 6.  On the 25 train
# batches (seeds 21 to 71, odd, but 27) no count changes with STACK = 100 (9, 16 and 6 pairs either way).
STACK = 8


def stack_after(blocks: list[dict], k: int) -> list[dict]:
    """The blocks after block *k* up to the first that ends a sentence (the text the stack heads)."""
    out = []
    for block in blocks[k + 1 : k + 1 + STACK]:
        if ends_sentence(block["text"]):
            break
        out.append(block)
    return out


def introduced(stack: list[dict]) -> bool:
    """The stack reads as text the colon introduces (see textfix.layout._introduced_text)."""
    return bool(stack) and _document_or_list([b["text"] for b in stack])


def main(batches: list[str]) -> None:
    counts: Counter[tuple[str, bool]] = Counter()
    for batch in batches:
        for path in sorted(Path(batch).glob("page-*.gold.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            for article in gold["articles"]:
                blocks = article["blocks"]
                for k in range(len(blocks) - 1):
                    if blocks[k]["kind"] != "paragraph" or not blocks[k]["text"].endswith(("：", ":")):
                        continue
                    stack = stack_after(blocks, k)
                    key = (blocks[k + 1]["kind"], introduced(stack))
                    counts[key] += 1
                    kinds = "+".join(b["kind"][0] for b in stack) or "-"
                    print(Path(batch).name, path.name[:8], blocks[k]["text"][-12:], kinds, blocks[k + 1]["text"][:16], sep="\t")
    for (kind, intro), n in sorted(counts.items()):
        print(f"next {kind:9} introduced text {intro!s:5} {n}")


if __name__ == "__main__":
    main(sys.argv[1:])
