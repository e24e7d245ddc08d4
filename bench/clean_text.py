"""Clean text passes: real-dev articles as plain text through ``textfix repair``.

    python bench/clean_text.py [--limit N] [--part train|test] [--quotes curly|corner]

Every item of real-dev (../shared/real-dev, through corpora/realdev.py; the
train and test parts reported apart) is written as a web article would be
(corpora/realdev_forms.plain_text: the title line, then one paragraph a line,
once without and once with blank lines between) and repaired with the
defaults, which is what ``textfix repair`` prints.  Reported:

* paragraphs in and out (non-empty lines; goal: equal), and texts whose
  lines changed at all;
* texts read as print, wholly or in part (textfix.shape; goal 0);
* changed non-whitespace characters, by rule (goal 0; garble false fixes are
  counted under garble:…, whose rules another module owns).

Exits with a message when the set is absent (a fresh clone).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "corpora")]
import realdev  # noqa: E402
from realdev_forms import QUOTES, plain_text, with_quotes  # noqa: E402

from textfix.model import default_model  # noqa: E402
from textfix.repair import repair  # noqa: E402


def lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def nonspace(s: str) -> str:
    return "".join(ch for ch in s if not ch.isspace())


def changed_by_rule(changes) -> Counter[str]:
    """Changed non-whitespace characters per rule family (the rule's name before its first colon)."""
    by_rule: Counter[str] = Counter()
    for c in changes:
        old, new = nonspace(c.old), nonspace(c.new)
        if old != new:
            by_rule[c.rule.split(":")[0]] += max(len(old), len(new))
    return by_rule


def measure(items: list[dict], quotes: str = "curly") -> dict[str, object]:
    model = default_model()
    totals: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    for item in items:
        for blank in (False, True):
            text = plain_text(with_quotes(item, quotes), blank)
            result = repair(text, model)
            before, after = lines(text), lines(result.text)
            totals["texts"] += 1
            totals["paragraphs in"] += len(before)
            totals["paragraphs out"] += len(after)
            totals["texts with lines changed"] += before != after
            totals["texts read as print"] += result.layout != "paragraphs"  # print, or mixed
            by_rule += changed_by_rule(result.changes)
    return {"totals": totals, "by_rule": by_rule}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N items of each part")
    parser.add_argument("--part", choices=("train", "test"), help="only this part (default: both)")
    parser.add_argument("--quotes", choices=QUOTES, default="curly",
                        help="corner: every “”‘’ set as 「」『』 first (realdev_forms.with_quotes)")
    args = parser.parse_args()
    print("| part | items | texts | paragraphs in | paragraphs out | texts with lines changed | read as print | changed non-whitespace characters |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for part in [args.part] if args.part else ["train", "test"]:
        items = realdev.load(part)[: args.limit or None]
        m = measure(items, args.quotes)
        t, rules = m["totals"], m["by_rule"]
        changed = sum(rules.values())
        detail = ", ".join(f"{rule} {n}" for rule, n in rules.most_common()) or "none"
        print(f"| {part} | {len(items)} | {t['texts']} | {t['paragraphs in']} | {t['paragraphs out']} | "
              f"{t['texts with lines changed']} | {t['texts read as print']} | {changed} ({detail}) |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
