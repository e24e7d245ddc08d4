"""Build the garbled repair cases from clean source sentences.

Why
---
In some print runs the punctuation of a font was mapped through a GB2312
table whose lead byte is shifted by +0x31: every full-width mark turns into an
ordinary hanzi (``，``→``袁``, ``。``→``遥``, ``：``→``院``, ``“``→``野`` ...).
The repair stage has to put the marks back while keeping the same characters
where they are real words (医院, 遥远, 野生, 要求, 一个 ...).  Writing garbled
text by hand is error-prone, so the cases are derived mechanically from the
clean sentences in ``garbled_sources.json``: the clean sentence is the
expected ``fixed`` text and the garbled one is the ``original`` input.

How
---
* Every mark of ``MARKS`` in a clean sentence is replaced by
  ``Mechanism("gb2312", "lead", 0x31).garble(mark)``.  ASCII ``%`` is garbled
  through its full-width form ``％`` (giving ``豫``); ``……`` and ``——`` are
  two marks each.  Digits, Latin letters and the decimal point are left alone:
  they are not marks of the typeset font.
* Print often keeps the width of the lost mark as a space ("政策尧 强技术袁
  加快").  For a fixed, seeded third of the cases a single ASCII space is
  inserted after one or two garbled marks; the expected ``fixed`` text has no
  such space.  Spaces only follow closing or separating marks that are not the
  last character and are not followed by another mark.
* The output is deterministic (fixed seed, source order), so rerunning the
  script reproduces ``garbled.json`` byte for byte.

Run from anywhere::

    python3 corpora/repair/make_cases.py
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # the repository root, for textfix

from textfix.mechanisms import Mechanism  # noqa: E402

MECHANISM = Mechanism("gb2312", "lead", 0x31)
SEED = 20310
SOURCES = HERE / "garbled_sources.json"
OUTPUT = HERE / "garbled.json"

# The marks the sources may use (ASCII % after numbers, doubled …… and ——).
MARKS = "，。、“”：（）《》%；？！…—·"
# Marks after which print may leave a blank: not opening brackets or quotes,
# and not the halves of …… or ——.
SPACE_AFTER = set("，。、”：）》%；？！·")


def garble_mark(ch: str) -> str:
    garbled = MECHANISM.garble(ch)
    if garbled is None or garbled == ch:
        raise ValueError(f"mechanism does not garble {ch!r}")
    return garbled


def check_source(clean: str) -> None:
    """Reject marks the corpus does not intend to use, so every case is explicit."""
    for ch in clean:
        if ch in MARKS or ch.isascii() or ch.isspace():
            continue
        if MECHANISM.garble(ch) is not None and not ch.isalnum():
            raise ValueError(f"unexpected symbol {ch!r} in {clean!r}")


def make_case(label: str, clean: str, rng: random.Random | None) -> dict:
    check_source(clean)
    marks = [i for i, ch in enumerate(clean) if ch in MARKS]
    spaced: set[int] = set()
    if rng is not None:
        eligible = [
            i
            for i in marks
            if clean[i] in SPACE_AFTER and i + 1 < len(clean) and clean[i + 1] not in MARKS
        ]
        if eligible:
            spaced = set(rng.sample(eligible, min(len(eligible), rng.choice((1, 1, 2)))))
    out = []
    for i, ch in enumerate(clean):
        out.append(garble_mark(ch) if ch in MARKS else ch)
        if i in spaced:
            out.append(" ")
    if spaced:
        label += f" [space after {len(spaced)} mark{'s' if len(spaced) > 1 else ''}]"
    return {
        "label": label,
        "original": "".join(out),
        "fixed": clean,
        "expect": "pass",
        "garbled_marks": len(marks),
    }


def main(argv: list[str] | None = None) -> None:
    import argparse

    # No options: a parser all the same, so that --help prints this and writes nothing.
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args(argv)
    sources = json.loads(SOURCES.read_text(encoding="utf-8"))
    rng = random.Random(SEED)
    with_spaces = set(rng.sample(range(len(sources)), round(len(sources) / 3)))
    cases = [
        make_case(src["label"], src["clean"], rng if n in with_spaces else None)
        for n, src in enumerate(sources)
    ]
    # Known failures are filed by hand (expect: fail, with a note of why): a rebuild keeps them.
    filed = {c["original"]: c for c in json.loads(OUTPUT.read_text(encoding="utf-8"))} if OUTPUT.exists() else {}
    for case in cases:
        known = filed.get(case["original"], {})
        case.update({key: known[key] for key in ("expect", "note") if key in known})
    OUTPUT.write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    spaced = sum("[space after" in c["label"] for c in cases)
    print(f"wrote {len(cases)} cases ({spaced} with spaces) to {OUTPUT}")


if __name__ == "__main__":
    main()
