"""The garbled sentence corpus case by case: each mark the repair leaves and each false fix, with its decision's terms.

    python bench/garbled_cases.py [--corpus corpora/repair/garbled.json]

For every case of the corpus (``original`` as printed, ``fixed`` as it should read) the repair of the original is
compared with the fix character by character, as ``tests/test_repair.py`` counts them: a **missed** mark (the fix
has a mark where the repair left something else) and a **false** fix (the repair made a mark where the fix has
none).  Each is printed with the terms of the decision at that character, as ``textfix repair --explain`` words
them (the repair's last weighing of the case's text: margin, context, stray space, partner, font run, and the
reading of the printed character it was weighed against), or ``no decision`` where none was weighed there.
What sorts the corpus's failures by cause (BENCHMARKS.md, "The twentieth session").
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from textfix.charclasses import CORPUS_MARKS as MARKS  # noqa: E402  (the marks tests/test_repair.py counts)


def aligned(original: str, other: str) -> dict[int, str]:
    """Offset of *original* → the character of *other* set against it one for one (equal or replaced stretches of
    the same length; a dropped stray space has none)."""
    from rapidfuzz.distance import Levenshtein

    found = {}
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(original, other):
        if tag in ("equal", "replace") and i2 - i1 == j2 - j1:
            found.update(zip(range(i1, i2), other[j1:j2]))
    return found


def failures(original: str, fixed: str, repaired: str) -> list[tuple[int, str, str]]:
    """(offset in *original*, "missed" or "false", the mark) of each mark *repaired* leaves or makes against *fixed*."""
    should, made = aligned(original, fixed), aligned(original, repaired)
    rows = []
    for at in sorted(should.keys() & made.keys()):
        if should[at] in MARKS and made[at] not in MARKS:
            rows.append((at, "missed", should[at]))
        elif made[at] in MARKS and should[at] not in MARKS:
            rows.append((at, "false", made[at]))
    return rows


def case_rows(original: str, fixed: str) -> list[tuple[str, str, str, str]]:
    """(missed or false, the character in its context, the mark or fix, the decision's terms) for one case."""
    import textfix
    from garble_margins import weighed
    from textfix.garbles import _explain

    with weighed() as calls:
        repaired = textfix.repair(original).text
    decisions = next((ds for text, ds in reversed(calls) if text == original), [])
    by_offset = {d.occurrence.at: d for d in decisions}
    rows = []
    for at, kind, mark in failures(original, fixed, repaired):
        d = by_offset.get(at)
        terms = _explain(d, d.margin)[1] if d is not None else "no decision"
        shown = f"{original[max(0, at - 6):at]}[{original[at]}]{original[at + 1:at + 5]}"
        rows.append((kind, shown, mark, terms))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT / "corpora" / "repair" / "garbled.json"))
    args = ap.parse_args(argv)
    cases = json.loads(Path(args.corpus).read_text(encoding="utf-8"))
    print("| kind | where | mark or fix | terms |\n| --- | --- | --- | --- |")
    counts = {"missed": 0, "false": 0}
    for case in cases:
        for kind, shown, mark, terms in case_rows(case["original"], case["fixed"]):
            counts[kind] += 1
            print(f"| {kind} | {shown} | {mark} | {terms} |")
    print(f"\n{len(cases)} cases: {counts['missed']} marks missed, {counts['false']} false fixes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
