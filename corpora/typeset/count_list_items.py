"""Where textfix.layout.LIST_ITEM's bounds come from: how large the list items' numbers run.

    python corpora/typeset/count_list_items.py DIR [DIR ...]

For every gold paragraph of the pages in the folders that opens as a list item does, with a
wider pattern than LIST_ITEM (four digits, six Chinese numerals), counts the numbers by how many
digits or numerals they take, and prints the pages of those longer than one digit (a number
before a point may be a decimal, no item).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

WIDE_ITEM = re.compile(r"(?:(\d{1,4})[.．、]|[（(](\d{1,4})[)）]|([一二三四五六七八九十百]{1,6})、|[（(]([一二三四五六七八九十百]{1,6})[)）])")


def main(folders: list[str]) -> None:
    digits, numerals = Counter(), Counter()
    for folder in map(Path, folders):
        for gold in sorted(folder.glob("*.gold.json")):
            for article in json.loads(gold.read_text(encoding="utf-8"))["articles"]:
                for block in article["blocks"]:
                    found = WIDE_ITEM.match(block["text"])
                    if found is None:
                        continue
                    number = found.group(1) or found.group(2)
                    if number:
                        digits[len(number)] += 1
                        if len(number) > 1:
                            print(f"{folder.name} {gold.name.split('.')[0]}: {len(number)} digits")
                    else:
                        numerals[len(found.group(3) or found.group(4))] += 1
    print("digits:", dict(sorted(digits.items())), "Chinese numerals:", dict(sorted(numerals.items())))


if __name__ == "__main__":
    main(sys.argv[1:])
