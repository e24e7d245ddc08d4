"""Scoring a split page against a hand-checked gold page.

Both pages follow the page schema::

    {"header": {...} | null,
     "articles": [{"title": str, "byline": str,
                   "blocks": [{"kind": "paragraph" | "heading", "text": str}]}]}

Extra keys are ignored.  The metrics are those of the shared reference scorer
(``tools/score_page.py``), so that figures quoted by this library and by the
reference agree to the last digit; the code is ours, with typed results.

What each metric answers, and why it is measured that way:

* **title / byline** — did the article get the right name and author?  Compared
  with all whitespace removed (and runs of dashes written ``——``), because a
  print title broken over two lines, or spaced for justification, is still the
  right title.
* **CER** — how much of the body text is wrong?  Character edit distance
  between the bodies (blocks joined by a newline) over the gold length.  The
  page figure is weighted by characters, so a long article counts for more than
  a two-line brief.
* **paragraph P/R/F1** — are the paragraph breaks in the right places?  Breaks
  are offsets in the whitespace-free body; the output's offsets are carried
  into the gold text through an edit alignment, so that a wrong character or a
  dropped word does not make every later break count as misplaced.  One
  wrongly merged paragraph costs exactly one break of recall.
* **heading P/R/F1** — were the subheads recognised?  Sets of whitespace-free
  heading texts: a heading is found only if its text is exactly right.
* **garbles missed / false fixes** — did punctuation repair work?  Among the
  one-character replacements of the body alignment, a gold punctuation mark
  (of the set a codec shift garbles) opposite a non-mark is a garble left in
  place; a mark opposite a gold non-mark is a "repair" of real text.
* **header** — were page number and section read correctly?  The gold
  header's fields compared whitespace-free (not scored by the reference).

Articles are paired by order, as in the reference: an output that drops an
article is scored against an empty article, and output articles beyond the
gold count only in ``articles_out``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any


def _levenshtein():
    """rapidfuzz, imported when a score is computed: importing textfix must stay cheap."""
    from rapidfuzz.distance import Levenshtein

    return Levenshtein


from .errors import InputError
from .io import read_text

# Marks a GB2312 lead-byte shift turns into ideographs (and their ASCII kin
# that webs print instead): the only characters garble metrics look at.
GARBLE_PUNCT = frozenset("，。、；：？！“”‘’（）《》%％…—")
KINDS = ("paragraph", "heading")

_WS = re.compile(r"\s+")
_DASHES = re.compile("[—―]{2,}")

Block = tuple[str, str]  # (kind, normalised text)


def squash(text: str | None) -> str:
    """Text without whitespace, dash runs written ``——``: what "the same words" means here."""
    return _WS.sub("", _DASHES.sub("——", text or ""))


def _norm_block(text: str | None) -> str:
    return _DASHES.sub("——", (text or "").strip())


@dataclass
class ArticleScore:
    """Metrics of one gold article and the output article in the same position."""

    index: int
    title_ok: bool
    byline_ok: bool
    cer: float
    para_precision: float
    para_recall: float
    para_f1: float
    heading_precision: float
    heading_recall: float
    heading_f1: float
    garbles_missed: int
    false_fixes: int
    gold_chars: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_text(self) -> str:
        return (
            f"article {self.index}: title {_ok(self.title_ok)}, byline {_ok(self.byline_ok)}, "
            f"CER {self.cer:.4f}, paragraphs P/R/F1 {self.para_precision:.3f}/{self.para_recall:.3f}/"
            f"{self.para_f1:.3f}, headings P/R/F1 {self.heading_precision:.3f}/{self.heading_recall:.3f}/"
            f"{self.heading_f1:.3f}, garbles missed {self.garbles_missed}, false fixes {self.false_fixes}"
        )


@dataclass
class PageScore:
    """Metrics of a whole page: one :class:`ArticleScore` per gold article, and totals."""

    articles_gold: int
    articles_out: int
    header_ok: bool
    rows: list[ArticleScore] = field(default_factory=list)

    @property
    def titles_ok(self) -> int:
        return sum(r.title_ok for r in self.rows)

    @property
    def bylines_ok(self) -> int:
        return sum(r.byline_ok for r in self.rows)

    @property
    def cer(self) -> float:
        """Character-weighted: the page's share of wrong characters, not the mean of article shares."""
        chars = sum(r.gold_chars for r in self.rows)
        return sum(r.cer * r.gold_chars for r in self.rows) / max(1, chars)

    @property
    def para_f1(self) -> float:
        """Mean over articles: every article's structure matters, however short it is."""
        return sum(r.para_f1 for r in self.rows) / max(1, len(self.rows))

    @property
    def heading_f1(self) -> float:
        return sum(r.heading_f1 for r in self.rows) / max(1, len(self.rows))

    @property
    def garbles_missed(self) -> int:
        return sum(r.garbles_missed for r in self.rows)

    @property
    def false_fixes(self) -> int:
        return sum(r.false_fixes for r in self.rows)

    def summary(self) -> dict[str, Any]:
        """The page totals alone."""
        return {
            "articles_gold": self.articles_gold,
            "articles_out": self.articles_out,
            "header_ok": self.header_ok,
            "titles_ok": self.titles_ok,
            "bylines_ok": self.bylines_ok,
            "cer": self.cer,
            "para_f1": self.para_f1,
            "heading_f1": self.heading_f1,
            "garbles_missed": self.garbles_missed,
            "false_fixes": self.false_fixes,
        }

    def to_dict(self) -> dict[str, Any]:
        return {**self.summary(), "rows": [r.to_dict() for r in self.rows]}

    def to_text(self) -> str:
        lines = [r.to_text() for r in self.rows]
        lines.append(self.summary_line())
        return "\n".join(lines)

    def summary_line(self, label: str = "page", header: str | None = None) -> str:
        """The totals as one line, starting with *label*; *header* replaces the header verdict (for many pages)."""
        return (
            f"{label}: articles {self.articles_out}/{self.articles_gold}, header {header or _ok(self.header_ok)}, "
            f"titles {self.titles_ok}/{self.articles_gold}, bylines {self.bylines_ok}/{self.articles_gold}, "
            f"CER {self.cer:.4f}, paragraph F1 {self.para_f1:.3f}, heading F1 {self.heading_f1:.3f}, "
            f"garbles missed {self.garbles_missed}, false fixes {self.false_fixes}"
        )


def _ok(flag: bool) -> str:
    return "ok" if flag else "WRONG"


# --- reading and checking -------------------------------------------------


def evaluate_files(gold_path: str | os.PathLike[str], out_path: str | os.PathLike[str]) -> PageScore | PagesScore:
    """Score the page JSON at *out_path* against the gold page JSON at *gold_path*.

    Either may be the split of a file of pages (``textfix split`` prints a
    JSON array of page objects, each with ``page_index``): then the pages
    are scored one by one (:func:`evaluate_pages`).  Two single pages give a
    :class:`PageScore`, as before.
    """
    gold, out = _load(gold_path), _load(out_path)
    if isinstance(gold, dict) and isinstance(out, dict):
        return evaluate(gold, out)
    return evaluate_pages(gold, out, os.fspath(gold_path), os.fspath(out_path))


def _load(path: str | os.PathLike[str]) -> dict[str, Any] | list[dict[str, Any]]:
    """A page object, or an array of them (a split of a file of pages), checked against the page schema."""
    name = os.fspath(path)
    text = read_text(path)
    try:
        page = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    if isinstance(page, list):
        for i, one in enumerate(page):
            check_page(one, f"{name}: page {i}")
        return page
    check_page(page, name)
    return page


def check_page(page: object, name: str = "page") -> None:
    """Raise :class:`InputError` (one line) unless *page* follows the page schema."""
    if not isinstance(page, dict):
        raise InputError(f"{name}: not a page: expected a JSON object, got {type(page).__name__}")
    header = page.get("header")
    if header is not None and not isinstance(header, dict):
        raise InputError(f"{name}: \"header\" must be an object or null")
    articles = page.get("articles")
    if not isinstance(articles, list):
        raise InputError(f"{name}: not a page: \"articles\" must be a list")
    for i, article in enumerate(articles):
        where = f"{name}: article {i}"
        if not isinstance(article, dict):
            raise InputError(f"{where}: must be an object")
        for key in ("title", "byline"):
            if not isinstance(article.get(key, ""), (str, type(None))):
                raise InputError(f"{where}: \"{key}\" must be a string")
        blocks = article.get("blocks", [])
        if not isinstance(blocks, list):
            raise InputError(f"{where}: \"blocks\" must be a list")
        for j, block in enumerate(blocks):
            if not isinstance(block, dict):
                raise InputError(f"{where}, block {j}: must be an object")
            if block.get("kind", "paragraph") not in KINDS:
                raise InputError(f"{where}, block {j}: kind must be \"paragraph\" or \"heading\", got {block.get('kind')!r}")
            if not isinstance(block.get("text", ""), str):
                raise InputError(f"{where}, block {j}: \"text\" must be a string")


# --- scoring ----------------------------------------------------------------


def paired_articles(gold: dict[str, Any], out: dict[str, Any]) -> Iterator[tuple[int, dict[str, Any], dict[str, Any]]]:
    """(index, gold article, output article) of every gold article, paired by index; a gold article
    past the output's last is paired with an empty one."""
    empty: dict[str, Any] = {"title": "", "byline": "", "blocks": []}
    out_articles = out["articles"]
    for i, g in enumerate(gold["articles"]):
        yield i, g, out_articles[i] if i < len(out_articles) else empty


def evaluate(gold: dict[str, Any], out: dict[str, Any]) -> PageScore:
    """Score page *out* against page *gold* (both in the page schema)."""
    check_page(gold, "gold")
    check_page(out, "output")
    gold_articles = gold["articles"]
    out_articles = out["articles"]
    rows = [score_article(i, g, o) for i, g, o in paired_articles(gold, out)]
    return PageScore(
        articles_gold=len(gold_articles),
        articles_out=len(out_articles),
        header_ok=header_matches(gold.get("header"), out.get("header")),
        rows=rows,
    )


def header_matches(gold: dict[str, Any] | None, out: dict[str, Any] | None) -> bool:
    """Every field the gold header states must be in the output, whitespace-free equal.

    A page without a gold header must get none (or an empty one): inventing a
    header from the first line of an article is an error too.  Fields only the
    output has are ignored, like every extra key of the schema.
    """
    if not gold:
        return not out
    out = out or {}
    return all(squash(_field(value)) == squash(_field(out.get(key))) for key, value in gold.items())


def _field(value: object) -> str:
    return "" if value is None else str(value)


def score_article(index: int, gold: dict[str, Any], out: dict[str, Any]) -> ArticleScore:
    gold_blocks, out_blocks = _blocks(gold), _blocks(out)
    gold_body, out_body = _body(gold_blocks), _body(out_blocks)
    pp, pr, pf = _prf(set(_breaks(gold_blocks)), _mapped_breaks(out_blocks, gold_blocks))
    hp, hr, hf = _prf(_headings(gold_blocks), _headings(out_blocks))
    missed, false = garble_errors(gold_body, out_body)
    return ArticleScore(
        index=index,
        title_ok=squash(gold.get("title")) == squash(out.get("title")),
        byline_ok=squash(gold.get("byline")) == squash(out.get("byline")),
        cer=_levenshtein().distance(gold_body, out_body) / max(1, len(gold_body)),
        para_precision=pp,
        para_recall=pr,
        para_f1=pf,
        heading_precision=hp,
        heading_recall=hr,
        heading_f1=hf,
        garbles_missed=missed,
        false_fixes=false,
        gold_chars=len(gold_body),
    )


def article_body(article: dict[str, Any]) -> str:
    """The text of *article*'s blocks as :func:`score_article` compares it (CER, garbles)."""
    return _body(_blocks(article))


def _body(blocks: list[Block]) -> str:
    return "\n".join(text for _, text in blocks)


def _blocks(article: dict[str, Any]) -> list[Block]:
    return [(b.get("kind", "paragraph"), _norm_block(b.get("text", ""))) for b in article.get("blocks", [])]


def _breaks(blocks: list[Block]) -> list[int]:
    """Offsets in the whitespace-free body where each block starts.

    Whitespace-free, because line ends and spaces are exactly what a splitter
    is allowed to change; a break is a position between two characters.
    """
    starts, pos = [], 0
    for _, text in blocks:
        starts.append(pos)
        pos += len(squash(text))
    return starts


def _mapped_breaks(out_blocks: list[Block], gold_blocks: list[Block]) -> set[int]:
    """The output's block starts, carried into gold offsets through an edit alignment."""
    out_text = "".join(squash(t) for _, t in out_blocks)
    gold_text = "".join(squash(t) for _, t in gold_blocks)
    to_gold = offset_map(out_text, gold_text)
    return {to_gold[pos] for pos in _breaks(out_blocks)}


def offset_map(src: str, dst: str) -> list[int]:
    """For every offset 0..len(src) of *src*, the corresponding offset of *dst*.

    Inside equal and replaced runs offsets move together.  Text only *src* has
    collapses onto the point where it would sit in *dst*.  An offset on the
    border of two operations takes the later operation's start, so a break
    next to text *src* lacks lands after that text, where the gold's next
    block most likely begins.
    """
    mapping = [0] * (len(src) + 1)
    for op in _levenshtein().opcodes(src, dst):
        for k in range(op.src_end - op.src_start + 1):
            if op.tag == "delete":
                mapping[op.src_start + k] = op.dest_start
            else:
                mapping[op.src_start + k] = min(op.dest_start + k, op.dest_end)
    return mapping


def _headings(blocks: list[Block]) -> set[str]:
    return {squash(text) for kind, text in blocks if kind == "heading"}


def _prf(gold: set[Any], pred: set[Any]) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty prediction is perfect only when nothing was to be found."""
    hits = len(gold & pred)
    precision = hits / len(pred) if pred else (1.0 if not gold else 0.0)
    recall = hits / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def garble_errors(gold_body: str, out_body: str) -> tuple[int, int]:
    """(garbles missed, false fixes) among the one-character replacements of the bodies.

    Only replacements count: a garble is a mark *printed as* something else, so
    it sits opposite the gold mark in the alignment; inserted or dropped marks
    are ordinary text errors and already in the CER.
    """
    missed = false = 0
    for _, _, is_missed in garble_error_pairs(gold_body, out_body):
        missed += is_missed
        false += not is_missed
    return missed, false


def garble_error_pairs(gold_body: str, out_body: str, marks: frozenset[str] = GARBLE_PUNCT
                       ) -> Iterator[tuple[str, str, bool]]:
    """Each error :func:`garble_errors` counts: (gold character, output character opposite it,
    missed garble rather than false fix), among *marks*.  corpora/typeset/count_garble_errors.py tells from the pair
    whether a mark was truly left garbled or the alignment only put unrelated text opposite it (and counts the
    interpunct too)."""
    for op in _levenshtein().editops(gold_body, out_body):
        if op.tag != "replace":
            continue
        g, o = gold_body[op.src_pos], out_body[op.dest_pos]
        if g in marks and o not in marks:
            yield g, o, True
        elif o in marks and g not in marks:
            yield g, o, False


# --- files of several pages ---------------------------------------------------


@dataclass
class PagesScore:
    """Metrics of a split of a file of pages: one :class:`PageScore` per gold page, and totals.

    Totals pool the articles of every page (CER weighted by characters,
    paragraph and heading F1 the mean over articles), as if the pages were one.
    """

    pages: list[tuple[int, PageScore]]  # (page_index, score), in gold order
    pages_out: int
    extra_pages: list[int] = field(default_factory=list)  # output pages no gold page has

    @property
    def total(self) -> PageScore:
        return PageScore(
            articles_gold=sum(p.articles_gold for _, p in self.pages),
            articles_out=sum(p.articles_out for _, p in self.pages),
            header_ok=all(p.header_ok for _, p in self.pages),
            rows=[row for _, p in self.pages for row in p.rows],
        )

    @property
    def headers_ok(self) -> int:
        return sum(p.header_ok for _, p in self.pages)

    def to_dict(self) -> dict[str, Any]:
        return {
            "pages_gold": len(self.pages),
            "pages_out": self.pages_out,
            "extra_pages": list(self.extra_pages),
            "headers_ok": self.headers_ok,
            **self.total.summary(),
            "pages": [{"page_index": index, **score.to_dict()} for index, score in self.pages],
        }

    def to_text(self) -> str:
        lines: list[str] = []
        for index, score in self.pages:
            lines.append(f"page {index}:")
            lines += ["  " + line for line in score.to_text().splitlines()]
        if self.extra_pages:
            lines.append("output pages without a gold page: " + ", ".join(map(str, self.extra_pages)))
        lines.append(self.total.summary_line(f"all {len(self.pages)} pages", f"{self.headers_ok}/{len(self.pages)} ok"))
        return "\n".join(lines)


_NO_PAGE: dict[str, Any] = {"header": None, "articles": []}


def evaluate_pages(
    gold: dict[str, Any] | list[dict[str, Any]],
    out: dict[str, Any] | list[dict[str, Any]],
    gold_name: str = "gold",
    out_name: str = "output",
) -> PagesScore:
    """Score the pages of *out* against those of *gold*, paired by ``page_index``.

    A page object counts as a file of one page.  One gold page and one output
    page are paired whatever their indices; a single gold page against a split
    of several pages is refused (which page would it be the gold of?).  A gold
    page the output lacks is scored against an empty page; output pages no
    gold page has are listed in ``extra_pages``, not scored.
    """
    gold_pages, out_pages = _as_pages(gold), _as_pages(out)
    if isinstance(gold, dict) and len(out_pages) != 1:
        raise InputError(
            f"{gold_name}: one gold page, but {out_name} has {len(out_pages)} pages: "
            "give the gold as a JSON array with one page object (and page_index) per page"
        )
    if len(gold_pages) == 1 and len(out_pages) == 1:
        index = _page_index(gold_pages[0], 0, gold_name)
        return PagesScore([(index, evaluate(gold_pages[0], out_pages[0]))], 1)
    gold_by_index, out_by_index = _by_index(gold_pages, gold_name), _by_index(out_pages, out_name)
    scores = [(index, evaluate(page, out_by_index.get(index, _NO_PAGE))) for index, page in gold_by_index.items()]
    extra = [index for index in out_by_index if index not in gold_by_index]
    return PagesScore(scores, len(out_pages), extra)


def _as_pages(pages: dict[str, Any] | list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [pages] if isinstance(pages, dict) else list(pages)


def _page_index(page: dict[str, Any], position: int, name: str) -> int:
    """The page's ``page_index``, or its position in the array when it has none."""
    index = page.get("page_index", position)
    if type(index) is not int or index < 0:
        raise InputError(f"{name}: page {position}: \"page_index\" must be a whole number, got {index!r}")
    return index


def _by_index(pages: list[dict[str, Any]], name: str) -> dict[int, dict[str, Any]]:
    by_index: dict[int, dict[str, Any]] = {}
    for position, page in enumerate(pages):
        index = _page_index(page, position, name)
        if index in by_index:
            raise InputError(f"{name}: two pages with page_index {index}")
        by_index[index] = page
    return by_index


# --- plain text: gold text against output text -----------------------------


@dataclass
class TextScore:
    """Character error rate of an output text against a gold text (``textfix eval --text``).

    ``cer`` is the character edit distance (substitutions, insertions and
    deletions, each 1) over the gold length; with ``keep_whitespace`` false,
    both texts are compared with all whitespace removed (an OCR engine's
    spaces between ideographs and its line breaks count for nothing), else as
    read (line ends made ``\\n``).
    """

    cer: float
    distance: int
    substitutions: int
    insertions: int
    deletions: int
    gold_chars: int
    out_chars: int
    keep_whitespace: bool

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_text(self) -> str:
        mode = "whitespace kept" if self.keep_whitespace else "whitespace ignored"
        return (
            f"CER {self.cer:.4f} ({mode}): {self.distance} edits over {self.gold_chars} gold characters "
            f"(substitutions {self.substitutions}, insertions {self.insertions}, deletions {self.deletions}); "
            f"output {self.out_chars} characters"
        )


def text_cer(gold: str, out: str, keep_whitespace: bool = False) -> TextScore:
    """Score *out* against *gold* character by character (see :class:`TextScore`)."""
    if not keep_whitespace:
        gold, out = _WS.sub("", gold), _WS.sub("", out)
    ops = _levenshtein().editops(gold, out)
    counts = {"replace": 0, "insert": 0, "delete": 0}
    for op in ops:
        counts[op.tag] += 1
    distance = sum(counts.values())
    return TextScore(
        cer=distance / max(1, len(gold)),
        distance=distance,
        substitutions=counts["replace"],
        insertions=counts["insert"],
        deletions=counts["delete"],
        gold_chars=len(gold),
        out_chars=len(out),
        keep_whitespace=keep_whitespace,
    )


def evaluate_text_files(gold_path: str | os.PathLike[str], out_path: str | os.PathLike[str],
                        keep_whitespace: bool = False) -> TextScore:
    """:func:`text_cer` of two text files, read in any encoding (``-`` for standard input)."""
    return text_cer(read_text(gold_path), read_text(out_path), keep_whitespace)
