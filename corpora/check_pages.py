"""Check that each generated page and its gold account for each other exactly.

For every ``*.gold.json`` next to a page ``*.txt`` the page is read with all
whitespace removed and consumed, in order, by: the header (page, section,
section_en), then per article its title (when titles precede their articles),
its blocks and its byline ("（记者 X）", "（X）", with the parentheses possibly
garbled to 渊 / 冤 or an ASCII ")"), then the titles at the foot (when they are
printed there).  A page character may differ from the gold character only by
the GB2312 lead-byte +0x31 garble (。→遥, ％→豫 ...).  Every page character
must be consumed exactly once.  Additionally every title and block must start
on a printed line and end at the end of one (a block may be followed on its
last line by the byline), and gold text must be clean (no line breaks, no
space between a CJK character and an ASCII run, no garbled parentheses).

Usage: python corpora/check_pages.py [corpora/pages]   (exit status 1 on any mismatch)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from textfix.mechanisms import Mechanism  # noqa: E402

GARBLE = Mechanism("gb2312", "lead", 0x31)
# A line break, a garble left in (98豫, 渊韩鑫冤: 豫 in 犹豫 and 渊 in 渊源 are words), or a
# space between an ideograph and an ASCII run.
BAD_GOLD = re.compile(r"\n|(?<=\d)豫|渊[^渊冤]{1,6}冤|(?<=[^\x00-\x7f]) (?=[!-~])|(?<=[!-~]) (?=[^\x00-\x7f])")


class Mismatch(Exception):
    pass


def strip_page(text: str) -> tuple[str, set[int]]:
    """The page without whitespace, and the offsets (in it) where printed lines start or end."""
    flat, bounds = "", {0}
    for line in text.splitlines():
        squeezed = re.sub(r"\s+", "", line)
        if squeezed:
            bounds.add(len(flat))
            flat += squeezed
            bounds.add(len(flat))
    return flat, bounds


def same(page_ch: str, gold_ch: str) -> bool:
    if page_ch == gold_ch:
        return True
    full = chr(ord(gold_ch) + 0xFEE0) if "!" <= gold_ch <= "~" else gold_ch
    return page_ch in (GARBLE.garble(gold_ch), GARBLE.garble(full))


class Reader:
    def __init__(self, flat: str, bounds: set[int]) -> None:
        self.flat, self.bounds, self.pos = flat, bounds, 0

    def where(self) -> str:
        return f"offset {self.pos}: page has {self.flat[self.pos:self.pos + 20]!r}"

    def literal(self, text: str, what: str, aligned: bool = True) -> None:
        gold = re.sub(r"\s+", "", text)
        if aligned and self.pos not in self.bounds:
            raise Mismatch(f"{what} does not start a printed line at {self.where()}")
        for i, ch in enumerate(gold):
            here = self.flat[self.pos + i: self.pos + i + 1]
            if not here or not same(here, ch):
                self.pos += i
                raise Mismatch(f"{what}: expected {gold[i:i + 20]!r} at {self.where()}")
        self.pos += len(gold)

    def line_end(self, what: str, byline: str) -> None:
        if self.pos in self.bounds:
            return
        if byline and re.match(byline_pattern(byline), self.flat[self.pos:]):
            return
        raise Mismatch(f"{what} does not end a printed line at {self.where()}")

    def byline(self, name: str, what: str) -> None:
        match = re.match(byline_pattern(name), self.flat[self.pos:])
        if not match:
            raise Mismatch(f"{what}: byline {name!r} expected at {self.where()}")
        self.pos += match.end()


def byline_pattern(name: str) -> str:
    return r"[（渊(](?:记者)?" + re.escape(name) + r"[）冤)]"


def consume(flat: str, bounds: set[int], gold: dict[str, Any], titles_first: bool) -> None:
    reader = Reader(flat, bounds)
    header = gold.get("header")
    if header:
        reader.literal(header["page"] + header["section"] + header["section_en"], "header")
    for n, article in enumerate(gold["articles"], 1):
        if titles_first:
            reader.literal(article["title"], f"article {n} title")
            reader.line_end(f"article {n} title", "")
        for k, block in enumerate(article["blocks"], 1):
            what = f"article {n} block {k} ({block['kind']})"
            reader.literal(block["text"], what)
            reader.line_end(what, article["byline"])
        if article["byline"]:
            reader.byline(article["byline"], f"article {n}")
    if not titles_first:
        for n, article in enumerate(gold["articles"], 1):
            reader.literal(article["title"], f"article {n} title (foot)")
            reader.line_end(f"article {n} title (foot)", "")
    if reader.pos != len(flat):
        raise Mismatch(f"page text left over at {reader.where()}")


def check_gold_clean(gold: dict[str, Any]) -> None:
    for n, article in enumerate(gold["articles"], 1):
        if re.search(r"\s", article["byline"]):
            raise Mismatch(f"article {n}: byline has whitespace")
        for k, block in enumerate(article["blocks"], 1):
            if block["kind"] not in ("paragraph", "heading") or BAD_GOLD.search(block["text"]):
                raise Mismatch(f"article {n} block {k}: gold text not clean: {block['text'][:30]!r}")


def check_page(page: Path, gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    if gold.get("source") != page.name:
        raise Mismatch(f"gold source {gold.get('source')!r} is not {page.name!r}")
    check_gold_clean(gold)
    flat, bounds = strip_page(page.read_text(encoding="utf-8"))
    errors = []
    for titles_first in (True, False):
        try:
            consume(flat, bounds, gold, titles_first)
            return
        except Mismatch as exc:
            errors.append(f"titles {'before articles' if titles_first else 'at foot'}: {exc}")
    raise Mismatch(" | ".join(errors))


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path(__file__).resolve().parent / "pages"
    failures = 0
    golds = sorted(folder.glob("*.gold.json"))
    for gold_path in golds:
        page = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
        try:
            check_page(page, gold_path)
            print(f"OK   {page.name}")
        except (Mismatch, OSError, KeyError, ValueError) as exc:
            failures += 1
            print(f"FAIL {page.name}: {exc}")
    print(f"{len(golds) - failures}/{len(golds)} pages consistent")
    return 1 if failures or not golds else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
