"""Generate synthetic noisy newspaper pages with exact gold, for evaluating page layout.

The model of a printed page implemented here (text as a PDF extractor returns it):

* **Column.**  A page is set in one column width, 13-22 CJK characters, measured
  in display units: an ideograph or full-width mark is 2 units, an ASCII
  character 1.  Lines are filled greedily up to the width; a digit or Latin run
  ("2022", "11.3%", "Model Y") never breaks, so a line may end a few units short.
* **Kinsoku.**  A closing mark (，。、；：？！”’）》 ...) never starts a line: it is
  pulled onto the end of the previous line, which then exceeds the width by one
  or two characters ("。”").  An opening mark (“‘（《) never ends a line: it is
  pushed onto the next one.
* **Paragraphs.**  The first line is indented by two characters in print but the
  indent spaces are lost in extraction, so it is simply 4 units shorter than a
  full line.  The last line holds what is left.
* **Subheads.**  Heading lines are short and carry no terminal punctuation.  A
  two-part subhead prints a 2-4 character kicker line, then the main subhead on
  one line, or on two when it would come close to the width (or at random).
* **Spaces.**  The extractor inserts a space between an ideograph and an adjacent
  ASCII run, on each side independently with a per-page probability.  Whether
  those spaces took room in the line is a page parameter (``spaces_take_width``):
  on real pages they are often extraction artefacts that did not.
* **Garbled font runs.**  Some runs were set in a font whose symbol table is
  shifted by +0x31 in the GB2312 lead byte (（→渊 ）→冤 ，→袁 、→尧 。→遥 ％→豫):
  bylines, bold run-in lead sentences ("给政策、强技术，...。") whose marks are
  garbled, often with a stray space after each, and now and then a percent sign.
  Only pages drawn with ``garble_font`` have any of these, and only a few runs.
* **Bylines.**  "（记者 X）", "（X）", a two-character name padded with a space
  ("韩 鑫"), garbled parentheses ("渊韩 鑫冤", "渊龚联康)"); placed after the
  final mark of the last paragraph (if it fits on that line) or on a line of its
  own.  Some articles carry none.
* **Titles.**  Either each title is printed on one line right before its article,
  or all titles are printed together at the foot of the page, in article order.
* **Header.**  An optional first line such as " 6 产经 Industries".
* **Line separators.**  "\\n" throughout, "\\n\\n" throughout, or a mix that
  switches between the two in runs.

The gold (schema of shared/gold/README.md) holds the clean text: paragraphs
without line breaks or inserted spaces and with repaired punctuation, headings
(a kicker and its main subhead as two blocks), the byline as the bare name, and
each title moved to its article, spaced as that README says (no space between
an ideograph or full-width mark and a digit or Latin run, even where a text
pool's title sets one: "一个山村 27家民宿" is "一个山村27家民宿").

Usage: python corpora/generate_pages.py --count 40 --seed 7 --out corpora/pages
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from textfix.mechanisms import Mechanism  # noqa: E402

GARBLE = Mechanism("gb2312", "lead", 0x31)
CLOSERS = set("，。、；：？！”’）》」』】〉")
OPENERS = set("“‘（《「『【〈")
LEAD_RE = re.compile(r"^[^。！？“”]{4,22}?。")
ASCII_RUN_RE = re.compile(r"[!-~]+(?: [!-~]+)*")
INDENT_UNITS = 4
SECTIONS = [
    ("要闻", "News"), ("产经", "Industries"), ("社会", "Society"), ("文化", "Culture"),
    ("体育", "Sports"), ("科技", "Technology"), ("健康", "Health"), ("地方", "Regions"),
    ("财经", "Finance"), ("生态", "Environment"), ("综合", "General"),
]
DEFAULT_ARTICLES = Path(__file__).resolve().parent / "texts" / "articles.json"


def units(text: str) -> int:
    """Display width: 1 per ASCII character, 2 per anything else."""
    return sum(1 if ord(ch) < 128 else 2 for ch in text)


def is_ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


# --------------------------------------------------------------------------- tokens


@dataclass
class Token:
    """One unbreakable printed unit; ``pre`` is an extraction space before it."""

    core: str
    kind: str  # "cjk", "ascii", "close", "open"
    pre: str = ""

    def width(self, at_line_start: bool, spaces_take_width: bool) -> int:
        space = 0 if at_line_start or not spaces_take_width else len(self.pre)
        return units(self.core) + space

    def render(self, at_line_start: bool) -> str:
        return self.core if at_line_start else self.pre + self.core


def tokenize(text: str) -> list[Token]:
    """Split text into single CJK characters/marks and whole ASCII runs."""
    tokens: list[Token] = []
    pos = 0
    for match in ASCII_RUN_RE.finditer(text):
        tokens.extend(_char_token(ch) for ch in text[pos:match.start()])
        tokens.append(Token(match.group(), "ascii"))
        pos = match.end()
    tokens.extend(_char_token(ch) for ch in text[pos:])
    return tokens


def _char_token(ch: str) -> Token:
    kind = "close" if ch in CLOSERS else "open" if ch in OPENERS else "cjk"
    return Token(ch, kind)


def add_run_spaces(tokens: list[Token], rng: random.Random, prob: float) -> int:
    """Insert extraction spaces between ideographs and ASCII runs; return how many."""
    count = 0
    for i, tok in enumerate(tokens):
        if tok.kind != "ascii" or not any(ch.isalnum() for ch in tok.core):
            continue  # a lone "+" or "-" between ideographs is printed tight
        if i > 0 and is_ideograph(tokens[i - 1].core[-1]) and rng.random() < prob:
            tok.pre, count = " ", count + 1
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and is_ideograph(nxt.core[0]) and rng.random() < prob:
            nxt.pre, count = " ", count + 1
    return count


def find_lead(text: str) -> int:
    """Length of a bold run-in lead sentence ("定标准、优服务，加大推广力度。"), or 0."""
    match = LEAD_RE.match(text)
    if not match:
        return 0
    lead = match.group()
    if "、" in lead and "，" in lead and len(text) - len(lead) >= 10:
        return len(lead)
    return 0


def garble_lead(tokens: list[Token], lead_len: int, space_mode: str, rng: random.Random) -> None:
    """Garble the marks of the first ``lead_len`` characters, maybe with a stray space after each."""
    consumed = 0
    for i, tok in enumerate(tokens):
        if consumed >= lead_len:
            break
        consumed += len(tok.core)
        if tok.kind == "close":
            tok.core, tok.kind = GARBLE.garble(tok.core) or tok.core, "cjk"
            stray = space_mode == "all" or (space_mode == "random" and rng.random() < 0.5)
            if stray and i + 1 < len(tokens):
                tokens[i + 1].pre = " "


def garble_percent(tokens: list[Token]) -> bool:
    """Turn the % of the first ASCII run ending in % into 豫."""
    for tok in tokens:
        if tok.kind == "ascii" and tok.core.endswith("%"):
            tok.core = tok.core[:-1] + GARBLE.garble("％")
            return True
    return False


# --------------------------------------------------------------------------- layout


def layout(tokens: list[Token], width: int, first_budget: int, spaces_take_width: bool) -> list[str]:
    """Break tokens into printed lines: greedy fill plus the two kinsoku rules."""
    lines: list[list[Token]] = []
    cur: list[Token] = []
    budget = first_budget
    for tok in tokens:
        used = _line_width(cur, spaces_take_width)
        if not cur or tok.kind == "close" or used + tok.width(False, spaces_take_width) <= budget:
            cur.append(tok)
            continue
        carry: list[Token] = []
        while len(cur) > 1 and cur[-1].kind == "open":
            carry.insert(0, cur.pop())
        lines.append(cur)
        cur, budget = carry + [tok], width
    if cur:
        lines.append(cur)
    return [_render(line) for line in lines]


def _line_width(line: list[Token], spaces_take_width: bool) -> int:
    return sum(tok.width(i == 0, spaces_take_width) for i, tok in enumerate(line))


def _render(line: list[Token]) -> str:
    return "".join(tok.render(i == 0) for i, tok in enumerate(line))


def heading_lines(text: str, width: int, rng: random.Random, split_prob: float = 0.0) -> list[str]:
    """A subhead on one line, or on two when it would come within 6 units of the width
    (or, with ``split_prob``, anyway: main subheads after a kicker often are)."""
    fits = units(text) <= width - 6
    if len(text) < 6 or (fits and (len(text) < 7 or rng.random() >= split_prob)):
        return [text]
    cuts = [i for i in range(3, len(text) - 2) if text[i] not in CLOSERS and text[i - 1] not in OPENERS]
    if not cuts:
        return [text]
    middle = len(text) / 2
    cuts.sort(key=lambda i: abs(i - middle))
    cut = rng.choice(cuts[:3])
    return [text[:cut], text[cut:]]


# --------------------------------------------------------------------------- bylines


def byline_text(name: str, form: dict[str, bool]) -> str:
    """Printed byline for ``name`` in ``form`` (reporter / pad / garble / ascii_close)."""
    shown = f"{name[0]} {name[1]}" if form["pad"] and len(name) == 2 else name
    inner = f"记者 {shown}" if form["reporter"] else shown
    if form["garble"]:
        close = ")" if form["ascii_close"] else GARBLE.garble("）")
        return f"{GARBLE.garble('（')}{inner}{close}"
    return f"（{inner}）"


def byline_label(form: dict[str, bool] | None) -> str:
    if form is None:
        return "none"
    inner = ("记者 " if form["reporter"] else "") + ("X Y" if form["pad"] else "X")
    if form["garble"]:
        return f"渊{inner}{')' if form['ascii_close'] else '冤'}"
    return f"（{inner}）"


def sample_byline_form(rng: random.Random, name: str, garble_font: bool) -> dict[str, bool]:
    garble = garble_font and rng.random() < 0.6
    return {
        "reporter": rng.random() < 0.3,
        "pad": len(name) == 2 and rng.random() < 0.5,
        "garble": garble,
        "ascii_close": garble and rng.random() < 0.35,
    }


# --------------------------------------------------------------------------- page parameters


def sample_options(rng: random.Random) -> dict[str, Any]:
    """Draw the page-level parameters; any of them can be overridden in ``generate_page``."""
    page_no, (section, section_en) = rng.randint(1, 16), rng.choice(SECTIONS)
    return {
        "width_chars": rng.randint(13, 22),
        "separator": rng.choice(["lf", "blank", "mixed"]),
        "blank_ratio": round(rng.uniform(0.3, 0.8), 2),
        "titles": rng.choice(["end", "before"]),
        "header": {"page": str(page_no), "section": section, "section_en": section_en}
        if rng.random() < 0.65 else None,
        "header_leading_space": rng.random() < 0.8,
        "n_articles": rng.choice([2, 2, 3, 3, 3, 4]),
        "space_prob": round(rng.uniform(0.2, 0.9), 2),
        "spaces_take_width": rng.random() < 0.4,
        "garble_font": rng.random() < 0.45,
        "truncate_prob": 0.5,
        "drop_byline_prob": 0.1,
        "byline_own_line_prob": 0.4,
        "source": "synth.txt",
    }


def truncate_blocks(blocks: list[dict[str, str]], rng: random.Random) -> list[dict[str, str]]:
    """Keep the first N blocks: at least three paragraphs, never ending on a heading."""
    ends = [i + 1 for i, b in enumerate(blocks) if b["kind"] == "paragraph"]
    candidates = ends[2:]
    return blocks[: rng.choice(candidates)] if candidates else blocks


# --------------------------------------------------------------------------- page assembly


@dataclass
class PageState:
    width: int
    rng: random.Random
    opts: dict[str, Any]


def article_lines(article: dict[str, Any], state: PageState, info: dict[str, Any]) -> tuple[list[str], str]:
    """Printed lines of one article (title excluded) and its gold byline."""
    rng, opts, width = state.rng, state.opts, state.width
    garble_leads = opts["garble_font"] and rng.random() < 0.7
    space_mode = rng.choice(["all", "none", "random"])
    lines: list[str] = []
    blocks = article["blocks"]
    info.update(garbled_leads=0, garbled_percent=False, run_spaces=0)
    for i, block in enumerate(blocks):
        if block["kind"] == "heading":
            after_kicker = i > 0 and blocks[i - 1]["kind"] == "heading"
            lines.extend(heading_lines(block["text"], width, rng, 0.4 if after_kicker else 0.0))
            continue
        tokens = tokenize(block["text"])
        info["run_spaces"] += add_run_spaces(tokens, rng, opts["space_prob"])
        lead = find_lead(block["text"])
        if lead and garble_leads:
            garble_lead(tokens, lead, space_mode, rng)
            info["garbled_leads"] += 1
        if opts["garble_font"] and not info["garbled_percent"] and rng.random() < 0.12:
            info["garbled_percent"] = garble_percent(tokens)
        lines.extend(layout(tokens, width, width - INDENT_UNITS, opts["spaces_take_width"]))
    return lines, place_byline(article, lines, state, info)


def place_byline(article: dict[str, Any], lines: list[str], state: PageState, info: dict[str, Any]) -> str:
    """Append the byline to ``lines`` (same line if it fits, else its own); return gold name."""
    rng, opts = state.rng, state.opts
    name = article["byline"]
    if not name or rng.random() < opts["drop_byline_prob"]:
        info.update(byline_form="none", byline_place="none")
        return ""
    form = sample_byline_form(rng, name, opts["garble_font"])
    text = byline_text(name, form)
    gap = " " if rng.random() < 0.6 else ""
    own_line = rng.random() < opts["byline_own_line_prob"]
    if not own_line and units(lines[-1] + gap + text) <= state.width:
        lines[-1] += gap + text
        place = "end"
    else:
        lines.append(text)
        place = "line"
    info.update(byline_form=byline_label(form), byline_place=place)
    return name


def join_lines(lines: list[str], opts: dict[str, Any], rng: random.Random) -> str:
    """Join printed lines with "\\n", "\\n\\n" or a run-wise mix of both."""
    mode = opts["separator"]
    if mode != "mixed":
        sep = "\n" if mode == "lf" else "\n\n"
        return sep.join(lines) + sep
    out: list[str] = []
    blank = rng.random() < opts["blank_ratio"]
    for line in lines:
        out.append(line + ("\n\n" if blank else "\n"))
        if rng.random() < 0.3:
            blank = rng.random() < opts["blank_ratio"]
    return "".join(out)


# A space between an ideograph or full-width mark and an ASCII digit/Latin run (either order).
CJK_ASCII_SPACE = re.compile(r"(?<=[^\x00-\x7f]) +(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%]) +(?=[^\x00-\x7f])")


def gold_title(title: str) -> str:
    return CJK_ASCII_SPACE.sub("", title)


def header_line(header: dict[str, str], leading_space: bool) -> str:
    text = f"{header['page']} {header['section']} {header['section_en']}"
    return " " + text if leading_space else text


def generate_page(
    rng: random.Random, articles: list[dict[str, Any]], **options: Any
) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """One noisy page, its gold and its parameters.  ``options`` override ``sample_options``.

    Extra options: ``article_ids`` (indices into ``articles``) and ``truncate`` (bool).
    """
    opts = sample_options(rng)
    opts.update(options)
    width = opts["width_chars"] * 2
    state = PageState(width, rng, opts)
    ids = opts.get("article_ids") or rng.sample(range(len(articles)), min(opts["n_articles"], len(articles)))
    lines: list[str] = []
    if opts["header"]:
        lines.append(header_line(opts["header"], opts["header_leading_space"]))
    gold_articles, infos = [], []
    for idx in ids:
        article = articles[idx]
        truncate = opts.get("truncate", rng.random() < opts["truncate_prob"])
        blocks = truncate_blocks(article["blocks"], rng) if truncate else list(article["blocks"])
        shown = {**article, "blocks": blocks}
        info: dict[str, Any] = {"id": idx, "title": article["title"],
                                "blocks_used": len(blocks), "blocks_total": len(article["blocks"])}
        if opts["titles"] == "before":
            lines.append(article["title"])
        body, byline = article_lines(shown, state, info)
        lines.extend(body)
        gold_articles.append({"title": gold_title(article["title"]), "byline": byline,
                              "blocks": [dict(b) for b in blocks]})
        infos.append(info)
    if opts["titles"] == "end":
        lines.extend(articles[idx]["title"] for idx in ids)
    noisy = join_lines(lines, opts, rng)
    gold = {"source": opts["source"], "header": opts["header"], "articles": gold_articles}
    params = page_params(opts, infos)
    return noisy, gold, params


def page_params(opts: dict[str, Any], infos: list[dict[str, Any]]) -> dict[str, Any]:
    keep = ["source", "width_chars", "separator", "titles", "header", "header_leading_space",
            "space_prob", "spaces_take_width", "garble_font"]
    params = {k: opts[k] for k in keep}
    params["width_units"] = opts["width_chars"] * 2
    params["indent_units"] = INDENT_UNITS
    if opts["separator"] == "mixed":
        params["blank_ratio"] = opts["blank_ratio"]
    params["articles"] = infos
    return params


# --------------------------------------------------------------------------- CLI


def load_articles(path: Path = DEFAULT_ARTICLES) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))


def stratified_widths(count: int, seed: int) -> list[int]:
    """Column widths 13-22 in equal shares (so every width is covered), in shuffled order."""
    widths = [13 + i % 10 for i in range(count)]
    random.Random(seed).shuffle(widths)
    return widths


def write_pages(count: int, seed: int, out: Path, articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Write ``count`` pages; page i is drawn from ``random.Random(seed * 100003 + i)``
    with its width taken from ``stratified_widths``."""
    out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for i, width_chars in enumerate(stratified_widths(count, seed), 1):
        name = f"synth-{i:03d}"
        rng = random.Random(seed * 100003 + i)
        noisy, gold, params = generate_page(rng, articles, source=f"{name}.txt", width_chars=width_chars)
        (out / f"{name}.txt").write_text(noisy, encoding="utf-8")
        (out / f"{name}.gold.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        manifest.append(params)
    summary = {"generator": "corpora/generate_pages.py", "seed": seed, "count": count, "pages": manifest}
    (out / "MANIFEST.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=Path("corpora/pages"))
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    args = parser.parse_args(argv)
    manifest = write_pages(args.count, args.seed, args.out, load_articles(args.articles))
    print(f"wrote {len(manifest)} pages to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
