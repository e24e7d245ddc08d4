"""Clean real text repaired with an OCR engine's model: what the confusion repair changes where nothing was misread.

    python corpora/ocr/clean_check.py --learn /tmp/ocr/train /tmp/ocr/train200 [--part train] [--limit 400]

The real-dev articles of a part (corpora/realdev.py; train by default) are
written as plain text (corpora/realdev_forms.plain_text, one paragraph a
line) and repaired with the model ``textfix learn`` makes of each engine's
twins in the ``--learn`` folders — as if a user had given the engine's model
for a page no engine read.  Every non-whitespace character changed is a false
fix; reported per rule and per 10,000 characters, with the first few.  (With
the default model nothing changes: it has no engine section.)
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent.parent), str(HERE.parent), str(HERE)]

import realdev  # noqa: E402
from measure import learned_model  # noqa: E402
from realdev_forms import plain_text  # noqa: E402

import textfix  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--learn", type=Path, nargs="+", required=True, metavar="DIR")
    ap.add_argument("--engines", default="tesseract,rapidocr")
    ap.add_argument("--part", default="train")
    ap.add_argument("--limit", type=int, default=400)
    ap.add_argument("--show", type=int, default=10)
    args = ap.parse_args(argv)
    items = realdev.load(args.part)[: args.limit or None]
    for engine in args.engines.split(","):
        model = learned_model(args.learn, engine)
        chars, rules, shown = 0, Counter(), []
        for item in items:
            text = plain_text(item, False)
            chars += sum(1 for ch in text if not ch.isspace())
            for c in textfix.repair(text, model, rejoin=False).changes:
                if c.old.strip() != c.new.strip():
                    rules[c.rule] += 1
                    if len(shown) < args.show:
                        shown.append(f"{c.old}→{c.new or '∅'} ({c.rule})")
        total = sum(rules.values())
        print(f"{engine}: {len(items)} {args.part} articles, {chars} characters: {total} changed "
              f"({10_000 * total / max(1, chars):.2f} per 10,000): " + (", ".join(f"{r} {n}" for r, n in rules.items()) or "none"))
        if shown:
            print("  " + ", ".join(shown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
