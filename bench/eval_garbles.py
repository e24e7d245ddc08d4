"""Garble repair measured on real news text the decision was not fitted to.

Two measurements on a part (``train`` or ``test``) of the real-dev set
(``../shared/real-dev``, read only through ``corpora/realdev.py``):

* **False fixes on clean text.**  Every paragraph is repaired as it is.  The
  text is clean, so every change of a ``garble:`` rule is a false fix; so is
  any change that alters a character of the garble family (袁 遥 尧 院 …).
  Reported per 1,000,000 characters, with examples.
* **Restoration in garbled runs.**  A seeded share of the paragraphs is
  garbled the way print does it, in whole font runs (a run of sentences or the
  whole paragraph): every symbol of GB2312 rows 1–9 in the run becomes the GBK
  character whose lead byte is 0x31 higher (``，``→``袁``), computed with the
  codec; after a seeded share of the garbled marks a stray space is left (the
  mark's full-width slot).  The garbled paragraphs are repaired and every
  garble change is compared with the clean text through the change log:
  marks restored (per symbol class), marks restored as another symbol, marks
  left garbled, and false fixes of real characters in the garbled paragraphs.

Choices of the garbling (see :func:`garble`): ASCII ``%`` is garbled like
``％`` (print sets it in the same font run: ``98豫``; the news text writes
``%`` almost everywhere; ``--no-ascii-percent`` turns that off); the
ideographic space U+3000 is left alone (a blank has no glyph to garble;
``--garble-space`` garbles it to 摇 too); no stray space is left after an
opening bracket or quote (its blank half is before it) nor after the first
mark of a doubled ``——``/``……``.

Symbols that are rare in news (units, numbering, brackets) are counted as they
occur in the part; nothing is invented.  Usage::

    python bench/eval_garbles.py --part train [--articles] [--model M] [--limit N] [--seed S] [--json]

``--quotes corner`` sets every “”‘’ as 「」『』 first (the set prints none: how pages that print corner quotes fare).

``--articles`` repairs each article whole, a paragraph a line (web text as it comes), instead of each
paragraph alone: a mark before a paragraph break then has the next paragraph after it.

It exits with one line when ``../shared/real-dev`` is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SHIFT = 0x31
ROWS = range(0xA1, 0xAA)  # GB2312 rows 1–9: the symbols
TRAILS = range(0xA1, 0xFF)


def _family() -> dict[str, str]:
    """Every symbol of GB2312 rows 1–9 → the GBK character with the lead byte +0x31.

    Python's gb2312 codec reads A1A4 as U+30FB and A1AA as U+2015, where Chinese
    text (and GBK) has the middle dot U+00B7 and the em dash U+2014: both
    readings of each code are taken.
    """
    family: dict[str, str] = {}
    for lead in ROWS:
        for trail in TRAILS:
            try:
                garbled = bytes([lead + SHIFT, trail]).decode("gbk")
            except UnicodeDecodeError:
                continue
            for codec in ("gb2312", "gbk"):
                try:
                    symbol = bytes([lead, trail]).decode(codec)
                except UnicodeDecodeError:
                    continue
                family.setdefault(symbol, garbled)
    return family


FAMILY = _family()
GARBLED_CHARS = frozenset(FAMILY.values())
SPACE = "\u3000"

CLASSES = ("punctuation", "units-and-math", "numbering", "brackets", "interpunct", "dashes", "other")
BRACKETS = set("［］〔〕【】「」『』〖〗｛｝〈〉")
INTERPUNCT = set("·・")
DASHES = set("—―－")
UNITS_EXTRA = set("℃‰°′″～∶＋＜＝＞")
NUMBERING = set()  # row 2: ⒈…⒛ ⑴…⒇ ①…⑩ ㈠…㈩ Ⅰ…Ⅻ
for _trail in TRAILS:
    try:
        NUMBERING.add(bytes([0xA2, _trail]).decode("gb2312"))
    except UnicodeDecodeError:
        pass
# Marks after which no stray space is left: an opening mark's blank half is before it.
OPENERS = set("“‘（《〈「『〔【〖［｛")
DOUBLED = set("—―…")


def symbol_class(ch: str) -> str:
    if ch in BRACKETS:
        return "brackets"
    if ch in INTERPUNCT:
        return "interpunct"
    if ch in DASHES:
        return "dashes"
    if ch in NUMBERING:
        return "numbering"
    cat = unicodedata.category(ch)
    if ch in UNITS_EXTRA or cat in ("Sm", "Sc"):
        return "units-and-math"
    if cat[0] == "P" or ch in "％%":
        return "punctuation"
    return "other"


def garble_table(ascii_percent: bool = True, garble_space: bool = False) -> dict[str, str]:
    table = dict(FAMILY)
    if ascii_percent:
        table["%"] = FAMILY["％"]
    if not garble_space:
        table.pop(SPACE, None)
    return table


@dataclass
class Garbled:
    """A garbled text, with what was done to it."""

    text: str
    marks: dict[int, str] = field(default_factory=dict)  # offset in text → the clean symbol
    strays: set[int] = field(default_factory=set)  # offsets of the stray spaces inserted
    runs: list[tuple[int, int]] = field(default_factory=list)  # garbled runs, offsets in text


def garble(text: str, runs: list[tuple[int, int]], table: dict[str, str] | None = None,
           space_rate: float = 0.0, rng: random.Random | None = None) -> Garbled:
    """*text* with every symbol of *table* inside the *runs* (clean offsets) garbled.

    After a garbled mark a stray space is inserted with probability *space_rate*
    (drawn from *rng*), except after an opening mark, after the first mark of a
    doubled one (——), and where whitespace or the end of the text follows.
    """
    table = garble_table() if table is None else table
    rng = rng or random.Random(0)
    inside = [False] * len(text)
    for a, b in runs:
        for k in range(a, b):
            inside[k] = True
    out: list[str] = []
    result = Garbled("")
    run_start = None
    for k, ch in enumerate(text):
        if inside[k] and run_start is None:
            run_start = len(out)
        if not inside[k] and run_start is not None:
            result.runs.append((run_start, len(out)))
            run_start = None
        if not (inside[k] and ch in table):
            out.append(ch)
            continue
        result.marks[len(out)] = ch
        out.append(table[ch])
        nxt = text[k + 1] if k + 1 < len(text) else ""
        if space_rate and ch not in OPENERS and not (ch in DOUBLED and nxt == ch) and nxt and not nxt.isspace():
            if rng.random() < space_rate:
                result.strays.add(len(out))
                out.append(" ")
    if run_start is not None:
        result.runs.append((run_start, len(out)))
    result.text = "".join(out)
    return result


_SENTENCE = re.compile(r"[^。！？]*(?:[。！？…]+[”’」』）》]*|$)")


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of *text* (each with its final mark and closing quotes)."""
    return [m.span() for m in _SENTENCE.finditer(text) if m.end() > m.start()]


# The evaluation's draw, which every figure BENCHMARKS.md reports was made with: 30 % of the paragraphs garbled,
# half their garbled marks followed by a stray space, half the runs a whole paragraph (else one to three sentences).
RATE, SPACE_RATE, WHOLE_RATE = 0.3, 0.5, 0.5


def choose_runs(text: str, rng: random.Random, whole_rate: float = WHOLE_RATE) -> list[tuple[int, int]]:
    """The whole paragraph (share *whole_rate*), else a run of one to three consecutive sentences."""
    spans = sentences(text)
    if len(spans) <= 1 or rng.random() < whole_rate:
        return [(0, len(text))]
    first = rng.randrange(len(spans))
    last = min(len(spans) - 1, first + rng.randrange(3))
    return [(spans[first][0], spans[last][1])]


# --- comparing a repair with the clean text -------------------------------------------

VARIANTS = [set("—―"), set("·・")]


def same_symbol(got: str, want: str) -> bool | None:
    """True: the same; None: the same symbol in another form (％/%, （/(); False: another symbol."""
    if got == want:
        return True
    if unicodedata.normalize("NFKC", got) == unicodedata.normalize("NFKC", want):
        return None
    if any(got in v and want in v for v in VARIANTS):
        return None
    return False


def window(text: str, start: int, end: int, new: str, reach: int = 12) -> str:
    return f"{text[max(0, start - reach):start]}[{text[start:end]}→{new}]{text[end:end + reach]}".replace("\n", "⏎")


def is_garble(change) -> bool:
    return change.rule.startswith("garble:")


def touches_family(change) -> bool:
    return change.old != change.new and any(ch in GARBLED_CHARS for ch in change.old)


@dataclass
class Tally:
    chars: int = 0
    paragraphs: int = 0
    # clean text
    false_garble: int = 0
    false_family: int = 0
    false_examples: list[str] = field(default_factory=list)
    # garbled runs
    garbled_paragraphs: int = 0
    garbled_chars: int = 0
    strays: int = 0
    marks: Counter = field(default_factory=Counter)  # class → marks garbled
    restored: Counter = field(default_factory=Counter)  # class → restored (the symbol or its variant)
    variant: Counter = field(default_factory=Counter)  # class → restored in another form (％→%)
    wrong: Counter = field(default_factory=Counter)  # class → changed to another symbol
    left: Counter = field(default_factory=Counter)  # class → left garbled
    per_symbol: dict = field(default_factory=lambda: defaultdict(Counter))  # symbol → {marks, restored}
    left_examples: list[str] = field(default_factory=list)
    wrong_examples: list[str] = field(default_factory=list)
    false_in_run: int = 0
    false_outside_run: int = 0
    false_garbled_examples: list[str] = field(default_factory=list)
    false_garbled_causes: Counter = field(default_factory=Counter)  # (rule, old, new) → false fixes in garbled paragraphs
    spaces_eaten: int = 0  # the text's own whitespace removed by a garble change
    occurs: Counter = field(default_factory=Counter)  # class → occurrences of its symbols in the part
    occurs_symbols: dict = field(default_factory=lambda: defaultdict(Counter))  # class → symbol → count


EXAMPLES = 20  # examples kept of each kind (bench/other_sources.py --examples keeps all)


def _keep(examples: list[str], item: str) -> None:
    if len(examples) < EXAMPLES:
        examples.append(item)


def count_clean(tally: Tally, text: str, changes) -> None:
    for c in changes:
        garble_rule, family = is_garble(c), touches_family(c)
        tally.false_garble += garble_rule
        tally.false_family += family
        if garble_rule or family:
            _keep(tally.false_examples, f"{window(text, c.start, c.end, c.new)}  {c.rule}")


def count_garbled(tally: Tally, g: Garbled, changes) -> None:
    text = g.text
    covered: set[int] = set()
    for c in changes:
        if not is_garble(c):
            continue
        idx = [k for k in range(c.start, c.end) if text[k] not in " \t\u3000"]
        tally.spaces_eaten += sum(1 for k in range(c.start, c.end) if text[k] in " \t\u3000" and k not in g.strays)
        if len(idx) == len(c.new):
            pairs = list(zip(idx, c.new))
        else:  # the change's symbols do not line up with its characters: judge them together
            pairs = [(k, None) for k in idx]
        for k, new in pairs:
            covered.add(k)
            if k not in g.marks:
                in_run = any(a <= k < b for a, b in g.runs)
                if in_run:
                    tally.false_in_run += 1
                else:
                    tally.false_outside_run += 1
                tally.false_garbled_causes[(c.rule, c.old, c.new)] += 1
                _keep(tally.false_garbled_examples,
                      f"{window(text, c.start, c.end, c.new)}  ({'in' if in_run else 'outside'} the run)  {c.why}")
                continue
            want = g.marks[k]
            cls = symbol_class(want)
            same = same_symbol(new, want) if new is not None else (c.new == "".join(g.marks.get(j, "?") for j in idx) or False)
            if same is False:
                tally.wrong[cls] += 1
                _keep(tally.wrong_examples, f"{window(text, c.start, c.end, c.new)}  (was {want})")
            else:
                tally.restored[cls] += 1
                tally.per_symbol[want]["restored"] += 1
                if same is None:
                    tally.variant[cls] += 1
    for k, want in g.marks.items():
        cls = symbol_class(want)
        tally.marks[cls] += 1
        tally.per_symbol[want]["marks"] += 1
        if k not in covered:
            tally.left[cls] += 1
            _keep(tally.left_examples, f"{window(text, k, k + 1, want)}  ({cls})")


def occurrences(tally: Tally, text: str, table: dict[str, str]) -> None:
    for ch in text:
        if ch in table:
            cls = symbol_class(ch)
            tally.occurs[cls] += 1
            tally.occurs_symbols[cls][ch] += 1


def evaluate(paragraphs: list[str], model=None, *, seed: int = 0, rate: float = RATE, space_rate: float = SPACE_RATE,
             whole_rate: float = WHOLE_RATE, table: dict[str, str] | None = None) -> Tally:
    import textfix

    draw = _Draw(seed, rate, space_rate, whole_rate, table)
    for p in paragraphs:
        if not p.strip():
            continue
        draw.count(p)
        count_clean(draw.tally, p, textfix.repair(p, model).changes)
        g = draw.garbled(p)
        if g.marks:
            count_garbled(draw.tally, g, textfix.repair(g.text, model).changes)
    return draw.tally


def evaluate_articles(articles: list[list[str]], model=None, *, seed: int = 0, rate: float = RATE,
                      space_rate: float = SPACE_RATE, whole_rate: float = WHOLE_RATE, table: dict[str, str] | None = None,
                      on_clean=None) -> Tally:
    """:func:`evaluate` with each article repaired whole, a paragraph a line, as web text comes.

    The paragraphs are garbled as :func:`evaluate` garbles them (the same draws
    in the same order for a seed); the article is then one text, so a mark's
    context runs on into the next paragraph, and the paragraph breaks are the
    line breaks.  *on_clean*, if given, is called with each clean article and
    its repair (bench/other_sources.py counts every rule's changes).
    """
    import textfix

    draw = _Draw(seed, rate, space_rate, whole_rate, table)
    for paragraphs in articles:
        paragraphs = [p for p in paragraphs if p.strip()]
        if not paragraphs:
            continue
        joined, clean_text = Garbled(""), "\n".join(paragraphs)
        for p in paragraphs:
            draw.count(p)
            _append(joined, draw.garbled(p))
        repaired = textfix.repair(clean_text, model)
        count_clean(draw.tally, clean_text, repaired.changes)
        if on_clean:
            on_clean(clean_text, repaired)
        if joined.marks:
            count_garbled(draw.tally, joined, textfix.repair(joined.text, model).changes)
    return draw.tally


def default_draw(seed: int) -> "_Draw":
    """The evaluation's draw for *seed* (RATE, SPACE_RATE, WHOLE_RATE; the whole garble table)."""
    return _Draw(seed, RATE, SPACE_RATE, WHOLE_RATE, garble_table())


class _Draw:
    """The seeded garbling of paragraphs, one after another, and the tally of what they hold."""

    def __init__(self, seed: int, rate: float, space_rate: float, whole_rate: float, table: dict[str, str] | None) -> None:
        self.rng, self.rate, self.space_rate, self.whole_rate = random.Random(seed), rate, space_rate, whole_rate
        self.table = garble_table() if table is None else table
        self.tally = Tally()

    def count(self, p: str) -> None:
        self.tally.paragraphs += 1
        self.tally.chars += len(p)
        occurrences(self.tally, p, self.table)

    def garbled(self, p: str) -> Garbled:
        """*p* garbled in a run (a share *rate* of paragraphs), else as it is; the garbled ones counted."""
        if self.rng.random() >= self.rate:
            return Garbled(p)
        g = garble(p, choose_runs(p, self.rng, self.whole_rate), self.table, self.space_rate, self.rng)
        if g.marks:
            self.tally.garbled_paragraphs += 1
            self.tally.garbled_chars += len(p)
            self.tally.strays += len(g.strays)
        return g


def _append(joined: Garbled, g: Garbled) -> None:
    """*g* put after *joined* on a line of its own, its offsets shifted."""
    if joined.text:
        joined.text += "\n"
    at = len(joined.text)
    joined.text += g.text
    joined.marks.update({at + k: v for k, v in g.marks.items()})
    joined.strays.update(at + k for k in g.strays)
    joined.runs.extend((at + a, at + b) for a, b in g.runs)


def summary(t: Tally, part: str, seconds: float, args: dict) -> dict:
    per_m = 1_000_000 / max(1, t.chars)
    classes = {}
    for cls in CLASSES:
        marks = t.marks[cls]
        classes[cls] = {
            "occurs": t.occurs[cls],
            "symbols": dict(t.occurs_symbols[cls].most_common()),
            "garbled": marks,
            "restored": t.restored[cls],
            "restored_share": round(t.restored[cls] / marks, 4) if marks else None,
            "as_variant": t.variant[cls],
            "wrong_symbol": t.wrong[cls],
            "left_garbled": t.left[cls],
        }
    marks = sum(t.marks.values())
    return {
        "part": part,
        "settings": args,
        "seconds": round(seconds, 1),
        "clean": {
            "paragraphs": t.paragraphs,
            "characters": t.chars,
            "garble_false_fixes": t.false_garble,
            "garble_false_fixes_per_million": round(t.false_garble * per_m, 2),
            "family_changes": t.false_family,
            "family_changes_per_million": round(t.false_family * per_m, 2),
            "examples": t.false_examples,
        },
        "garbled": {
            "paragraphs": t.garbled_paragraphs,
            "characters": t.garbled_chars,
            "marks": marks,
            "stray_spaces": t.strays,
            "restored": sum(t.restored.values()),
            "restored_share": round(sum(t.restored.values()) / marks, 4) if marks else None,
            "as_variant": sum(t.variant.values()),
            "wrong_symbol": sum(t.wrong.values()),
            "left_garbled": sum(t.left.values()),
            "false_fixes_in_run": t.false_in_run,
            "false_fixes_outside_run": t.false_outside_run,
            "own_spaces_removed": t.spaces_eaten,
            "classes": classes,
            "per_symbol": {s: dict(c) for s, c in sorted(t.per_symbol.items(), key=lambda kv: -kv[1]["marks"])},
            "left_examples": t.left_examples,
            "wrong_examples": t.wrong_examples,
            "false_fix_examples": t.false_garbled_examples,
        },
    }


def render(s: dict) -> str:
    c, g = s["clean"], s["garbled"]
    pct = lambda x: "—" if x is None else f"{100 * x:.1f}%"  # noqa: E731
    lines = [
        f"part {s['part']}: {c['paragraphs']} paragraphs, {c['characters']:,} characters ({s['seconds']} s; {s['settings']})",
        "",
        "clean text (every change is false)",
        f"  garble-rule changes   {c['garble_false_fixes']:>6}   {c['garble_false_fixes_per_million']:>8.2f} per M chars",
        f"  family-char changes   {c['family_changes']:>6}   {c['family_changes_per_million']:>8.2f} per M chars",
        *(f"    {e}" for e in c["examples"]),
        "",
        f"garbled runs: {g['paragraphs']} paragraphs, {g['characters']:,} characters, {g['marks']} marks, {g['stray_spaces']} stray spaces",
        f"  {'class':<15}{'occurs':>8}{'garbled':>9}{'restored':>10}{'share':>8}{'variant':>9}{'wrong':>7}{'left':>7}",
    ]
    for cls, r in g["classes"].items():
        lines.append(f"  {cls:<15}{r['occurs']:>8}{r['garbled']:>9}{r['restored']:>10}{pct(r['restored_share']):>8}"
                     f"{r['as_variant']:>9}{r['wrong_symbol']:>7}{r['left_garbled']:>7}")
    lines.append(f"  {'all':<15}{'':>8}{g['marks']:>9}{g['restored']:>10}{pct(g['restored_share']):>8}"
                 f"{g['as_variant']:>9}{g['wrong_symbol']:>7}{g['left_garbled']:>7}")
    lines.append("  symbols seen per class: " + "; ".join(
        f"{cls} " + " ".join(f"{sym}{n}" for sym, n in list(r["symbols"].items())[:12]) for cls, r in g["classes"].items() if r["symbols"]))
    lines.append(f"  false fixes in garbled paragraphs: {g['false_fixes_in_run']} inside the runs, "
                 f"{g['false_fixes_outside_run']} in their clean parts; the text's own spaces removed: {g['own_spaces_removed']}")
    left = sorted(((sym, c.get("marks", 0) - c.get("restored", 0)) for sym, c in g["per_symbol"].items()), key=lambda x: -x[1])
    lines.append("  left garbled or changed wrongly, by symbol: " + " ".join(f"{sym}×{n}" for sym, n in left if n > 0))
    for title, key in (("left garbled [printed→clean]", "left_examples"), ("restored as another symbol", "wrong_examples"),
                       ("false fixes in garbled paragraphs", "false_fix_examples")):
        if g[key]:
            lines.append(f"  {title}:")
            lines.extend(f"    {e}" for e in g[key])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(ROOT / "corpora"))
    from realdev_forms import QUOTES, with_quotes

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=("train", "test"), default="train")
    ap.add_argument("--model", help="a model file (default: the built-in model)")
    ap.add_argument("--limit", type=int, help="only the first N items of the part")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rate", type=float, default=RATE, help="share of paragraphs garbled (default %(default)s)")
    ap.add_argument("--space-rate", type=float, default=SPACE_RATE, help="share of garbled marks followed by a stray space")
    ap.add_argument("--no-ascii-percent", action="store_true", help="leave ASCII %% alone (garbled like ％ by default)")
    ap.add_argument("--garble-space", action="store_true", help="garble the ideographic space U+3000 (to 摇) too")
    ap.add_argument("--articles", action="store_true",
                    help="repair each article whole, a paragraph a line (default: each paragraph alone)")
    ap.add_argument("--quotes", choices=QUOTES, default="curly",
                    help="corner: every “”‘’ set as 「」『』 first (realdev_forms.with_quotes)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    import realdev

    if not Path(realdev.DEFAULT_PATH).exists():
        print(f"eval_garbles: the real-dev set is absent ({realdev.DEFAULT_PATH}); it lives in ../shared beside the clone",
              file=sys.stderr)
        return 3
    import textfix

    model = textfix.load_model(args.model) if args.model else None
    items = [with_quotes(item, args.quotes) for item in realdev.load(args.part)[: args.limit]]
    table = garble_table(not args.no_ascii_percent, args.garble_space)
    start = time.perf_counter()
    options = {"seed": args.seed, "rate": args.rate, "space_rate": args.space_rate, "table": table}
    if args.articles:
        tally = evaluate_articles([item["paragraphs"] for item in items], model, **options)
    else:
        tally = evaluate([p for item in items for p in item["paragraphs"]], model, **options)
    settings = {"items": len(items), "articles": args.articles, "seed": args.seed, "rate": args.rate, "space_rate": args.space_rate,
                "ascii_percent": not args.no_ascii_percent, "garble_space": args.garble_space, "quotes": args.quotes,
                "model": args.model or "built-in"}
    s = summary(tally, args.part, time.perf_counter() - start, settings)
    print(json.dumps(s, ensure_ascii=False, indent=1) if args.json else render(s))
    return 0


if __name__ == "__main__":
    sys.exit(main())
