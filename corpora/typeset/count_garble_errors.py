"""Tell the evaluator's garbles missed and false fixes apart: a mark truly left garbled (or a hanzi
truly made a mark) from text the alignment only put opposite a mark.

    python corpora/typeset/count_garble_errors.py DIR [DIR ...] [--extractor pdfminer] [--list]

``textfix.evaluate.garble_errors`` counts every one-character replacement with a mark on one side
only, in each gold article aligned with the output article of the same index.  Where the reading
order puts text in the wrong place or the wrong article, the alignment sets unrelated characters
opposite marks and each counts as a garble missed or a false fix.  The pair itself tells: a garble
left in place is the mark after the defect's shift (``pdftext.garble_char``: ``。`` printed ``遥``),
a false fix is a mark whose shifted form is the gold character (``野`` made ``“``).  Anything else
is the alignment's ("artifact").  The pair is read with GBK's codes (``garble_char``: — and · too), and the
interpunct counts besides the evaluator's marks (:data:`MARKS`; twenty-fourth session).  Twelfth session, pdfminer on 22 train batches (880 pages): 903
missed and 855 false fixes were artifacts, 9 and 1 were real (9 of the 10 shared with pdfium on
the same text); see corpora/typeset/README.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's textfix
from textfix import split_page  # noqa: E402
from textfix.evaluate import GARBLE_PUNCT, article_body, garble_error_pairs, paired_articles  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import page_text  # noqa: E402
from pdftext import garble_char  # noqa: E402

# The marks whose errors count: the evaluator's, and the interpunct, which the shift prints 窑 and the repair restores
# (bench/eval_garbles.py's interpunct class) but the evaluator's garble metrics leave out.  A 窑 of a kiln made · is a
# false fix the evaluator does not see (train2409 page-021, corpora/typeset/README.md, the twenty-fourth session).
MARKS = GARBLE_PUNCT | frozenset("·")


def error_kind(gold: str, out: str, missed: bool) -> str:
    """``missed`` / ``false fix`` when the pair is the defect's (see the module's doc), else the
    same with ``artifact``."""
    if missed:
        return "missed" if out == garble_char(gold) else "missed artifact"
    return "false fix" if garble_char(out) == gold else "false fix artifact"


def page_errors(gold: dict, out: dict) -> list[tuple[int, str, str, str]]:
    """(article index, kind, gold character, output character) of every garble error of a page among
    :data:`MARKS`, articles paired by index as ``textfix.evaluate.evaluate`` pairs them."""
    found = []
    for i, article, other in paired_articles(gold, out):
        for g, o, missed in garble_error_pairs(article_body(article), article_body(other), MARKS):
            found.append((i, error_kind(g, o, missed), g, o))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", nargs="+")
    parser.add_argument("--extractor", default="pdfminer")
    parser.add_argument("--list", action="store_true", help="print every error that is no artifact")
    args = parser.parse_args()
    for folder in map(Path, args.dirs):
        counts: Counter[str] = Counter()
        for gold_path in sorted(folder.glob("*.gold.json")):
            name = gold_path.name.removesuffix(".gold.json")
            text = page_text(gold_path, args.extractor)
            if text is None:
                print(f"  {folder.name}/{name}: no {args.extractor} text, skipped", file=sys.stderr)
                continue
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            for i, kind, g, o in page_errors(gold, split_page(text).to_dict()):
                counts[kind] += 1
                if args.list and "artifact" not in kind:
                    print(f"  {folder.name}/{name} article {i}: {kind} {g} -> {o}")
        print(folder, args.extractor, ", ".join(f"{k} {counts[k]}" for k in
              ("missed", "missed artifact", "false fix", "false fix artifact")))


if __name__ == "__main__":
    main()
