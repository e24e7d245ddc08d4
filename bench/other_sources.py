"""Do no harm on real Chinese text of other registers: Simplified-Chinese prose from Debian packages.

    apt-get install -y fortunes-zh debian-reference-zh-cn debian-faq-zh-cn maint-guide-zh-cn \\
        gimp-help-zh-cn libreoffice-help-zh-cn
    python bench/other_sources.py [--limit N] [--seed S] [--source NAME] [--examples] [--json]

real-dev (bench/clean_text.py, bench/eval_garbles.py) is one register, web news.
These packages hold Simplified-Chinese text nobody on the project wrote:
sayings, classical poems, a reference manual, an FAQ, a packaging guide and two
help systems.  They are evaluation sets only: nothing is fitted to them, no word
list is drawn from them, and none of their sentences is written into the
project (``--examples`` prints contexts to the terminal, for reading).

Each source's files are read (HTML: the text of block elements, markup and
``<pre>``/``<script>``/``<style>`` dropped; fortune files: an entry's blank-line
blocks, hard line wraps joined, the ``-- author`` lines dropped) and only prose
paragraphs are kept (:func:`is_prose`: mostly CJK, ending on a full-width
sentence mark, no half-width punctuation after a CJK character) in Simplified
script (:func:`is_simplified`), each paragraph once per source.  A document
(an HTML file, a fortune entry) is one text, a paragraph a line, as a web
article comes.  Two measurements per source:

a. the clean text through ``textfix.repair`` with the defaults (what
   ``textfix repair`` prints): paragraphs in and out (goal: equal), documents
   read as print (goal 0), changed non-whitespace characters by rule (goal 0)
   and garble false fixes per 1,000,000 characters (issue 13's goal: <= 1);
b. the same text garbled the way print does (bench/eval_garbles.py's
   garbling, seed ``--seed``) and repaired: marks restored per class, false fixes.

Every change of a character on clean text (and every join of two of its
paragraphs) is listed with its rule and its ``why`` (what ``textfix repair --explain`` prints), counted.  The package
versions and licences (the first ``License:`` field of
/usr/share/doc/PACKAGE/copyright) are printed with the sizes.  Exits with one
line when none of the packages is installed.
"""

from __future__ import annotations

import argparse
import html.parser
import json
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
from clean_text import changed_by_rule, lines, nonspace  # noqa: E402
import eval_garbles  # noqa: E402
from textfix.charclasses import IDEOGRAPH  # noqa: E402

APT = ("apt-get install -y fortunes-zh debian-reference-zh-cn debian-faq-zh-cn maint-guide-zh-cn "
       "gimp-help-zh-cn libreoffice-help-zh-cn")
FORTUNES = Path("/usr/share/games/fortunes")


@dataclass(frozen=True)
class Source:
    name: str
    package: str
    paths: tuple[str, ...]  # globs, from /
    kind: str  # "html" or "fortune"

    def files(self) -> list[Path]:
        return sorted(p for pattern in self.paths for p in Path("/").glob(pattern.lstrip("/")) if p.is_file())


SOURCES = (
    Source("sayings", "fortunes-zh", (str(FORTUNES / "chinese"),), "fortune"),
    Source("poems", "fortunes-zh", (str(FORTUNES / "tang300"), str(FORTUNES / "song100")), "fortune"),
    Source("reference", "debian-reference-zh-cn", ("/usr/share/debian-reference/*.zh-cn.html",), "html"),
    Source("faq", "debian-faq-zh-cn", ("/usr/share/doc/debian/FAQ/zh-cn/*.zh-cn.html",), "html"),
    Source("maint-guide", "maint-guide-zh-cn", ("/usr/share/doc/maint-guide-zh-cn/html/*.zh-cn.html",), "html"),
    Source("gimp-help", "gimp-help-zh-cn", ("/usr/share/gimp/2.0/help/zh_CN/**/*.html",), "html"),
    Source("libreoffice-help", "libreoffice-help-zh-cn", ("/usr/share/libreoffice/help/zh-CN/text/**/*.html",), "html"),
)

# --- reading the files ----------------------------------------------------------------

CJK = IDEOGRAPH  # ideographs only (textfix.charclasses.CJK holds the marks too)
FULLWIDTH = "\u3000-\u303f\uff00-\uffef“”‘’—…·"
_WRAP = re.compile(rf"(?<=[{CJK}{FULLWIDTH}])[ \t]*\n\s*(?=[{CJK}{FULLWIDTH}])")
_SPACES = re.compile(r"\s+")


def tidy(text: str) -> str:
    """*text* on one line: a line wrap between CJK characters or full-width marks joined, other whitespace one space.

    Chinese is wrapped anywhere in these files (``合作⏎的人``), and a browser
    shows such a wrap as nothing; elsewhere (``Debian⏎更新``) it is a space.
    """
    return _SPACES.sub(" ", _WRAP.sub("", text)).strip()


class _Blocks(html.parser.HTMLParser):
    """The text of an HTML file cut at block elements; the text of *SKIP* elements dropped."""

    BLOCK = {"p", "div", "li", "ul", "ol", "dd", "dt", "dl", "td", "th", "tr", "table", "br", "hr", "h1", "h2",
             "h3", "h4", "h5", "h6", "blockquote", "section", "header", "footer", "aside", "nav", "title", "caption"}
    SKIP = {"pre", "script", "style", "head", "noscript", "textarea"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.BLOCK or tag in self.SKIP:
            self.flush()
        self.skipping += tag in self.SKIP

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        if tag in self.BLOCK or tag in self.SKIP:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)

    def flush(self) -> None:
        text = tidy("".join(self.current))
        if text:
            self.blocks.append(text)
        self.current = []


def html_blocks(path: Path) -> list[list[str]]:
    parser = _Blocks()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    parser.flush()
    return [parser.blocks]


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def fortune_blocks(path: Path) -> list[list[str]]:
    """Each entry of a fortune file (between ``%`` lines): its blank-line blocks, the ``--`` attribution lines dropped."""
    entries = []
    for entry in re.split(r"(?m)^%\n", _ANSI.sub("", path.read_text(encoding="utf-8", errors="replace"))):
        blocks = []
        for block in re.split(r"\n\s*\n", entry):
            kept = "\n".join(line for line in block.split("\n") if not line.strip().startswith("--"))
            if kept.strip():
                blocks.append(tidy(kept))
        entries.append(blocks)
    return entries


_ASCII_AFTER_CJK = re.compile(rf"[{CJK}][,.;:!?]")
_SENTENCE_END = re.compile(r"[。！？…][”’」』）》]*$")
_UNIT = re.compile(r"[A-Za-z0-9_]+|\S")  # a Latin word or number is one unit, like a CJK character
_CLOSING_START = re.compile(r"^[。，、；：！？）》”’]")


def is_prose(paragraph: str) -> bool:
    """Prose: >= 10 units, >= 70 % of them CJK ideographs, ending on 。！？ or …, no ,.;:!? after a CJK character.

    A unit is a CJK character, a mark, or a whole Latin word or number.  The
    thresholds define prose for this benchmark (set before any repair was run
    on the sources, not tuned on them): a heading, a menu path, a command or a
    table cell fails them, and so does a block that starts on a closing mark
    (cut at an element inside a paragraph).
    """
    units = _UNIT.findall(paragraph)
    if len(units) < 10 or not _SENTENCE_END.search(paragraph) or _CLOSING_START.match(paragraph):
        return False
    cjk = sum(1 for u in units if re.match(f"[{CJK}]", u))
    return cjk >= 0.7 * len(units) and not _ASCII_AFTER_CJK.search(paragraph)


def is_simplified(paragraph: str, t2s) -> bool:
    """Simplified Chinese: OpenCC's traditional→simplified conversion changes at most two of its characters.

    The sayings hold whole classics in Traditional script (changes of 3 to
    over 20 % of the characters); a Simplified poem keeps a rare character
    that OpenCC maps (one or two).  The cut is where the counts part, measured
    on every prose paragraph of the sources (the conversion's changed characters
    0, 1, 2, 3, 4, …, 9 or more; the sixteenth session): the poems 322, 7, 1 and
    none more; the sayings 5,453, 43, 26, then 19 at 3 (the fewest), 41–58 each
    at 4 to 8 and 325 at 9 or more; the other five sources none changed.
    """
    converted = t2s.convert(paragraph)
    return sum(a != b for a, b in zip(paragraph, converted)) <= 2


def documents(source: Source, limit: int = 0) -> list[list[str]]:
    """The source's documents, each its prose paragraphs in order; a paragraph seen before in the source left out."""
    import opencc

    t2s = opencc.OpenCC("t2s")
    read = html_blocks if source.kind == "html" else fortune_blocks
    seen: set[str] = set()
    docs = []
    for path in source.files():
        for blocks in read(path):
            kept = [p for p in blocks if is_prose(p) and p not in seen and is_simplified(p, t2s)]
            seen.update(kept)
            if kept:
                docs.append(kept)
            if limit and len(docs) >= limit:
                return docs
    return docs


def package_facts(package: str) -> dict[str, str]:
    """The installed version and the first ``License:`` field of the package's copyright file."""
    version = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", package], capture_output=True, text=True).stdout
    copyright_file = Path("/usr/share/doc") / package / "copyright"
    text = copyright_file.read_text(encoding="utf-8", errors="replace") if copyright_file.exists() else ""
    found = re.search(r"(?m)^License:\s*(\S.*)$", text)
    licence = found.group(1).strip() if found else "no License: field (see its copyright file)"
    return {"version": version.strip(), "licence": licence}


# --- measuring ------------------------------------------------------------------------


@dataclass
class Measured:
    """One source: its sizes, the clean-text changes (measurement a) and the garble tally (a and b)."""

    source: Source
    facts: dict[str, str]
    documents: int = 0
    paragraphs: int = 0
    lines_out: int = 0  # non-empty lines of the repaired documents (goal: the paragraphs)
    read_as_print: int = 0  # documents textfix.shape read as print, wholly or in part (goal 0)
    by_rule: Counter = field(default_factory=Counter)  # rule family → changed non-whitespace characters
    causes: Counter = field(default_factory=Counter)  # (rule, old → new, why) → changes on clean text
    examples: list[str] = field(default_factory=list)
    tally: eval_garbles.Tally | None = None
    seconds: float = 0.0


_NUMBER = re.compile(r"[+-]?\d+\.\d+")  # a why's scores, left out so that one cause is one row


def is_harm(change) -> bool:
    """A change on clean text that counts: it changes a non-whitespace character, joins two lines (paragraphs),
    or it is a garble repair."""
    joins = "\n" in change.old and "\n" not in change.new
    return nonspace(change.old) != nonspace(change.new) or joins or eval_garbles.is_garble(change)


def measure(source: Source, seed: int, limit: int = 0) -> Measured:
    docs = documents(source, limit)
    m = Measured(source, package_facts(source.package), len(docs), sum(len(d) for d in docs))

    def on_clean(text: str, repaired) -> None:
        m.by_rule += changed_by_rule(repaired.changes)
        m.lines_out += len(lines(repaired.text))
        m.read_as_print += repaired.layout != "paragraphs"  # print, or mixed
        for c in filter(is_harm, repaired.changes):
            m.causes[(c.rule, f"{c.old!r} → {c.new!r}", _NUMBER.sub("…", c.why))] += 1
            m.examples.append(f"{eval_garbles.window(text, c.start, c.end, c.new)}  {c.rule}  {c.why}")

    start = time.perf_counter()
    m.tally = eval_garbles.evaluate_articles(docs, seed=seed, on_clean=on_clean)
    m.seconds = time.perf_counter() - start
    return m


def per_million(n: int, chars: int) -> str:
    return f"{1_000_000 * n / max(1, chars):.2f}"


def size_rows(ms: list[Measured]) -> list[str]:
    rows = ["| source | package (version; licence) | documents | paragraphs | characters |", "| --- | --- | --- | --- | --- |"]
    rows += [f"| {m.source.name} | {m.source.package} ({m.facts['version']}; {m.facts['licence']}) | {m.documents} | "
             f"{m.paragraphs} | {m.tally.chars:,} |" for m in ms]
    return rows


def clean_rows(ms: list[Measured]) -> list[str]:
    rows = ["| source | characters | paragraphs in / out | read as print | changed non-whitespace characters (by rule) | "
            "garble false fixes | per M | family-character changes |", "| --- " * 8 + "|"]
    for m in ms:
        t = m.tally
        detail = ", ".join(f"{rule} {n}" for rule, n in m.by_rule.most_common()) or "none"
        rows.append(f"| {m.source.name} | {t.chars:,} | {m.paragraphs} / {m.lines_out} | {m.read_as_print} | "
                    f"{sum(m.by_rule.values())} ({detail}) | {t.false_garble} | {per_million(t.false_garble, t.chars)} | "
                    f"{t.false_family} |")
    return rows


def garbled_rows(ms: list[Measured]) -> list[str]:
    classes = [c for c in eval_garbles.CLASSES if any(m.tally.marks[c] for m in ms)]
    rows = ["| source | garbled paragraphs | marks | restored | " + " | ".join(classes) +
            " | wrong symbol | left | false fixes (in run / outside) |",
            "| --- " * (7 + len(classes)) + "|"]
    for m in ms:
        t = m.tally
        marks, restored = sum(t.marks.values()), sum(t.restored.values())
        share = f"{restored} ({100 * restored / marks:.1f} %)" if marks else "—"
        per_class = " | ".join(f"{t.restored[c]}/{t.marks[c]}" for c in classes)
        rows.append(f"| {m.source.name} | {t.garbled_paragraphs} | {marks} | {share} | {per_class} | "
                    f"{sum(t.wrong.values())} | {sum(t.left.values())} | {t.false_in_run} / {t.false_outside_run} |")
    return rows


def cause_rows(ms: list[Measured]) -> list[str]:
    """Every change on clean text and every false fix in garbled text, by cause, counted per source."""
    rows = ["| text | rule | change | why | count per source |", "| --- | --- | --- | --- | --- |"]
    clean: dict[tuple, Counter] = {}
    garbled: dict[str, Counter] = {}
    for m in ms:
        for cause, n in m.causes.items():
            clean.setdefault(cause, Counter())[m.source.name] += n
        for (rule, old, new), n in m.tally.false_garbled_causes.items():
            garbled.setdefault((rule, f"{old!r} → {new!r}"), Counter())[m.source.name] += n
    for (rule, change, why), by_source in sorted(clean.items(), key=lambda kv: -sum(kv[1].values())):
        rows.append(f"| clean | {rule} | {change} | {why} | {_counts(by_source)} |")
    for (rule, change), by_source in sorted(garbled.items(), key=lambda kv: -sum(kv[1].values())):
        rows.append(f"| garbled | {rule} | {change} | | {_counts(by_source)} |")
    return rows


def _counts(by_source: Counter) -> str:
    return f"{sum(by_source.values())}: " + ", ".join(f"{name} {n}" for name, n in by_source.most_common())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents of each source")
    ap.add_argument("--seed", type=int, default=0, help="the garbling's seed (bench/eval_garbles.py)")
    ap.add_argument("--source", action="append", choices=[s.name for s in SOURCES], help="only these sources")
    ap.add_argument("--examples", action="store_true", help="print each change on clean text in its context (not for the repo)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    chosen = [s for s in SOURCES if (not args.source or s.name in args.source) and s.files()]
    if not chosen:
        print(f"other_sources: none of the Debian packages is installed; as root: {APT}", file=sys.stderr)
        return 3
    if args.examples:
        eval_garbles.EXAMPLES = 10**9
    ms = [measure(s, args.seed, args.limit) for s in chosen]
    if args.json:
        print(json.dumps([{"source": m.source.name, **m.facts, "documents": m.documents, "paragraphs": m.paragraphs,
                           "changed_by_rule": dict(m.by_rule),
                           "summary": eval_garbles.summary(m.tally, m.source.name, m.seconds, {"seed": args.seed})}
                          for m in ms], ensure_ascii=False, indent=1))
        return 0
    for title, rows in (("sizes", size_rows(ms)), ("a. clean text, repaired with the defaults", clean_rows(ms)),
                        (f"b. garbled as print does (seed {args.seed}) and repaired: restored/garbled per class",
                         garbled_rows(ms)), ("changes on clean text and false fixes, by cause", cause_rows(ms))):
        print(f"\n{title}\n")
        print("\n".join(rows))
    if args.examples:
        print("\nin context (reading only: none of this goes into the repo)\n")
        for title, examples in (("clean", lambda m: m.examples), ("garbled false fix", lambda m: m.tally.false_garbled_examples),
                                ("garbled left", lambda m: m.tally.left_examples)):
            print("\n".join(f"{title}: {m.source.name}: {e}" for m in ms for e in examples(m)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
