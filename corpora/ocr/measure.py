"""CER of OCR output against the clean twins, before and after ``textfix repair``, and the kinds of errors.

    python corpora/ocr/measure.py /tmp/ocr/train [--engines tesseract,rapidocr] [--pages] [--top 12] [--json OUT.json]
    python corpora/ocr/measure.py /tmp/ocr3/test /tmp/ocr3/test200 --learn /tmp/ocr/train /tmp/ocr/train200

With ``--learn DIR…`` the repair uses, per engine, the model ``textfix learn``
makes of the twins in those folders and what the engine read of them (as
``textfix learn TWIN READ -o M.json; textfix repair --model M.json PAGE``); a
page of a learning folder is repaired with the model of the others' twins
only (leave one out), so that no page is repaired with its own twin.
Without it, the default model (no engine confusions).

**New errors**: characters the engine read right that repair changed (per
10,000 characters of twin); each character repair changes is placed by the
whitespace-free alignment of the twin with what was read, and is counted as
made right, a new error, or a wrong fix (read wrong, changed, still wrong).

For every ``NAME.<engine>.txt`` beside a ``NAME.clean.txt`` (``make_scans.py``):

* CER, whitespace ignored (``textfix.evaluate.text_cer``), of the OCR text as
  it is and after ``textfix.repair`` with the default model; pooled over the
  pages by characters;
* the spacing the engine adds: spaces between two CJK characters (ideographs
  or full-width marks), next to a full-width mark, and inside a Latin/digit run
  is not counted as an error;
* every edit of the whitespace-free alignment, by kind:

  - ``ascii-for-fullwidth`` — an ASCII or half-width mark where the twin has the
    full-width one (``,`` for ``，``, ``(`` for ``（``; NFKC or a look-alike ASCII mark);
  - ``mark-shape`` — another mark in place of a mark (``〈`` for ``（``);
  - ``look-alike-ideograph`` — an ideograph read as another (``乎`` for ``平``);
  - ``ideograph-as-mark``, ``mark-as-ideograph`` (``一`` for ``—``),
    ``ideograph-as-latin-digit``, … — a character read as one of another class;
  - ``latin-digit`` — a Latin letter or digit read as another;
  - ``inserted-*`` / ``deleted-*`` — by the class of the character (mark,
    ideograph, latin-digit).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from textfix.evaluate import _levenshtein, text_cer  # noqa: E402

ENGINES = ("tesseract", "tesseract-spaced", "rapidocr")
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
FULL_MARKS = "，。、；：？！“”‘’（）《》〈〉【】「」『』…—·％"
CJK_SPACE = re.compile(rf"(?<=[{CJK}])[ \t]+(?=[{CJK}])")
MARK_SPACE = re.compile(rf"(?<=[{FULL_MARKS}])[ \t]+(?=\S)|(?<=\S)[ \t]+(?=[{FULL_MARKS}])")
# ASCII marks an engine prints for full-width ones, beyond NFKC (which maps ，→, （→( ：→: …).
ASCII_FOR = {"“": '"', "”": '"', "‘": "'", "’": "'", "。": ".", "、": ",", "—": "-", "·": "."}


def char_class(ch: str) -> str:
    """``ideograph``, ``latin-digit`` (ASCII or full-width), ``mark`` (punctuation and symbols) or ``other``."""
    if re.match(rf"[{CJK}]", ch):
        return "ideograph"
    category = unicodedata.category(ch)
    if category in ("Nd", "Lu", "Ll"):
        return "latin-digit"
    if category.startswith(("P", "S")):
        return "mark"
    return "other"


def kind_of(gold: str, out: str) -> str:
    """The kind of a substitution of *out* for *gold* (see the module docstring)."""
    g, o = char_class(gold), char_class(out)
    if g == "mark" and o == "mark":
        if out.isascii() and (unicodedata.normalize("NFKC", gold) == out or ASCII_FOR.get(gold) == out):
            return "ascii-for-fullwidth"
        return "mark-shape"
    if g == "ideograph" and o == "ideograph":
        return "look-alike-ideograph"
    if g == "ideograph" or o == "ideograph":
        return f"{g}-as-{o}"
    if g == "latin-digit" and o == "latin-digit":
        return "latin-digit"
    return f"{g}-as-{o}"


def edits(gold: str, out: str) -> list[tuple[str, str, str]]:
    """(kind, gold character, output character) of every edit, whitespace ignored."""
    gold, out = re.sub(r"\s+", "", gold), re.sub(r"\s+", "", out)
    found = []
    for op in _levenshtein().editops(gold, out):
        if op.tag == "replace":
            g, o = gold[op.src_pos], out[op.dest_pos]
            found.append((kind_of(g, o), g, o))
        elif op.tag == "insert":
            o = out[op.dest_pos]
            found.append((f"inserted-{char_class(o)}", "", o))
        else:
            g = gold[op.src_pos]
            found.append((f"deleted-{char_class(g)}", g, ""))
    return found


def spacing(text: str) -> dict[str, int]:
    return {"cjk_spaces": len(CJK_SPACE.findall(text)), "mark_spaces": len(MARK_SPACE.findall(text))}


def twins(folder: Path, engine: str) -> list[tuple[Path, Path]]:
    """(twin, what *engine* read) of every page of *folder*."""
    out = []
    for twin_path in sorted(folder.glob("*.clean.txt")):
        read = folder / f"{twin_path.name.removesuffix('.clean.txt')}.{engine}.txt"
        if read.exists():
            out.append((twin_path, read))
    return out


def learned_model(learn_from: list[Path], engine: str, leave_out: Path | None = None):
    """The model ``textfix learn`` makes of the twins of *learn_from*, *leave_out* (a twin) not among them."""
    from textfix.learn import Pair, learn

    pairs = [Pair.from_files(t, r) for folder in learn_from for t, r in twins(folder, engine)
             if leave_out is None or t.resolve() != leave_out.resolve()]
    return learn(pairs) if pairs else None


def judged_changes(twin: str, read: str, changes) -> tuple[list[str], list[str], list[str]]:
    """Repair's *changes* to characters of *read* (not whitespace), judged against the twin: (right,
    new errors — a character read right and changed —, wrong fixes — one read wrong, changed, still wrong)."""
    keep = [k for k, ch in enumerate(read) if not ch.isspace()]
    at = {k: i for i, k in enumerate(keep)}
    gold = re.sub(r"\s+", "", twin)
    out = "".join(read[k] for k in keep)
    wrong: dict[int, str] = {}  # index of a character read → the twin's character there ("" when inserted)
    gaps: dict[int, str] = {}  # index of a character read → the twin's characters the engine dropped before it
    for op in _levenshtein().editops(gold, out):
        if op.tag == "replace":
            wrong[op.dest_pos] = gold[op.src_pos]
        elif op.tag == "insert":
            wrong[op.dest_pos] = ""
        else:
            gaps[op.dest_pos] = gaps.get(op.dest_pos, "") + gold[op.src_pos]
    right, broke, missed = [], [], []
    for c in changes:
        if not c.old and c.new.strip():  # a character put in: right where the twin has it and the engine dropped it
            i = sum(1 for k in keep if k < c.start)
            (right if c.new in gaps.get(i, "") else broke).append(f"∅→{c.new} ({c.rule})")
            continue
        for offset, old in enumerate(c.old):
            if old.isspace():
                continue
            i = at[c.start + offset]
            new = c.new if len(c.old) == 1 else ""
            shown = f"{old}→{new or '∅'} ({c.rule})"
            if i not in wrong:
                broke.append(shown)
            elif wrong[i] == new:
                right.append(shown)
            else:
                missed.append(shown + f", twin {wrong[i] or '∅'}")
    return right, broke, missed


def measure(folders: Path | list[Path], engines: list[str], per_page: bool = False,
            learn_from: list[Path] | None = None) -> dict[str, Any]:
    """Figures per engine, pooled over the pages of *folders*."""
    import textfix

    folders = [folders] if isinstance(folders, Path) else folders
    scans = {}
    for folder in folders:
        manifest_path = folder / "MANIFEST.json"
        if manifest_path.exists():
            for entry in json.loads(manifest_path.read_text(encoding="utf-8"))["pages"]:
                scans[folder / entry["name"]] = f"{entry.get('dpi')} dpi, {'degraded' if entry.get('scan') else 'clean render'}"
    result: dict[str, Any] = {}
    for engine in engines:
        pages, kinds, pairs, kinds_after = [], Counter(), Counter(), Counter()
        totals = Counter()
        for twin_path, ocr_path in sorted(pair for folder in folders for pair in twins(folder, engine)):
            folder, name = twin_path.parent, twin_path.name.removesuffix(".clean.txt")
            twin, ocr = twin_path.read_text(encoding="utf-8"), ocr_path.read_text(encoding="utf-8")
            model = learned_model(learn_from, engine, leave_out=twin_path) if learn_from else None
            fixed = textfix.repair(ocr, model)
            repaired = fixed.text
            before, after = text_cer(twin, ocr), text_cer(twin, repaired)
            found = edits(twin, ocr)
            found_after = edits(twin, repaired)
            kinds.update(k for k, _, _ in found)
            kinds_after.update(k for k, _, _ in found_after)
            pairs.update(found)
            right, broke, missed = judged_changes(twin, ocr, fixed.changes)
            totals.update(new_errors=len(broke), wrong_fixes=len(missed), right_fixes=len(right))
            if (broke or missed) and per_page:
                print(f"    {folder.name}/{name} ({engine}): new errors: {', '.join(broke) or 'none'}; wrong fixes: {', '.join(missed) or 'none'}")
            space = spacing(ocr)
            row = {"page": f"{folder.name}/{name}", "scan": scans.get(folder / name, ""), "gold_chars": before.gold_chars, "cer_before": before.cer, "cer_after": after.cer,
                   "edits_before": before.distance, "edits_after": after.distance, **space,
                   "twin_cjk_spaces": spacing(twin)["cjk_spaces"],
                   "repaired_cjk_spaces": spacing(repaired)["cjk_spaces"]}
            pages.append(row)
            totals.update({k: v for k, v in row.items() if isinstance(v, int)})
        if not pages:
            continue
        result[engine] = {
            "pages": len(pages),
            "gold_chars": totals["gold_chars"],
            "cer_before": totals["edits_before"] / max(1, totals["gold_chars"]),
            "cer_after": totals["edits_after"] / max(1, totals["gold_chars"]),
            "edits_before": totals["edits_before"], "edits_after": totals["edits_after"],
            "new_errors": totals["new_errors"], "wrong_fixes": totals["wrong_fixes"], "right_fixes": totals["right_fixes"],
            "new_per_10k": 10_000 * totals["new_errors"] / max(1, totals["gold_chars"]),
            "cjk_spaces": totals["cjk_spaces"], "mark_spaces": totals["mark_spaces"],
            "twin_cjk_spaces": totals["twin_cjk_spaces"], "repaired_cjk_spaces": totals["repaired_cjk_spaces"],
            "kinds": dict(kinds.most_common()),
            "kinds_after": dict(kinds_after.most_common()),
            "pairs": [[k, g, o, n] for (k, g, o), n in pairs.most_common()],
            **({"per_page": pages} if per_page else {}),
        }
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", type=Path, nargs="+", help="folders of make_scans.py pages (figures pooled)")
    ap.add_argument("--engines", default=",".join(ENGINES))
    ap.add_argument("--pages", action="store_true", help="also print each page's figures")
    ap.add_argument("--top", type=int, default=12, help="most frequent edits to list (default 12)")
    ap.add_argument("--json", type=Path, help="write every figure here")
    ap.add_argument("--learn", type=Path, nargs="+", metavar="DIR",
                    help="repair with the model learned from these folders' twins (a page never with its own)")
    args = ap.parse_args(argv)
    result = measure(args.folders, [e for e in args.engines.split(",") if e], per_page=args.pages, learn_from=args.learn)
    for engine, r in result.items():
        print(f"{engine}: {r['pages']} pages, {r['gold_chars']} characters: CER {r['cer_before']:.4f} before repair, "
              f"{r['cer_after']:.4f} after (whitespace ignored); edits {r['edits_before']} → {r['edits_after']} "
              f"({(r['edits_after'] - r['edits_before']) / max(1, r['edits_before']):+.0%}), "
              f"new errors {r['new_errors']} ({r['new_per_10k']:.2f} per 10,000 characters)")
        print(f"  characters repair changed: {r['right_fixes']} made right, {r['new_errors']} read right and made wrong, "
              f"{r['wrong_fixes']} read wrong and still wrong")
        print(f"  spaces between CJK characters {r['cjk_spaces']} (twins {r['twin_cjk_spaces']}, "
              f"after repair {r['repaired_cjk_spaces']}), spaces next to a full-width mark {r['mark_spaces']}")
        print("  edits by kind: " + ", ".join(f"{k} {n}" for k, n in r["kinds"].items()))
        print("  after repair: " + ", ".join(f"{k} {n}" for k, n in r["kinds_after"].items()))
        print("  most frequent: " + ", ".join(f"{g or '∅'}→{o or '∅'} ×{n}" for _, g, o, n in r["pairs"][:args.top]))
        for row in r.get("per_page", []):
            print(f"    {row['page']} ({row['scan']}): {row['gold_chars']} chars, CER {row['cer_before']:.4f} → {row['cer_after']:.4f}, "
                  f"CJK spaces {row['cjk_spaces']}, mark spaces {row['mark_spaces']}")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
