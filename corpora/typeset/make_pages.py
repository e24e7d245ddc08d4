"""Typeset newspaper pages with a real engine, extract them with real extractors, write exact gold.

    python corpora/typeset/make_pages.py --source realdev-train|realdev-test|corpora/texts/X.json \\
        --count N --seed S --out DIR [--extractors pdftotext,pdfium] [--since YYYYMMDD]

``--since`` draws articles only from items dated on or after that day (the
items' ``date``, as corpora/realdev.py splits by it): the train part's latest
months are the nearest to the test part's period, so pages made from them show
kinds of article the older months hold rarely.

Each page is HTML/CSS set by WeasyPrint into a PDF with Noto Serif CJK (real
embedded CID fonts with ToUnicode maps); the PDF then goes through the
extractors.  Per page, in DIR: ``NAME.pdf``, ``NAME.<extractor>.txt`` and
``NAME.gold.json`` (schema of shared/gold/README.md, plus extra keys the
scorer ignores: ``garbled`` on blocks, ``byline_form``/``byline_garbled`` and
``source_id`` on articles); ``MANIFEST.json`` lists every page's parameters.

What a page is (all drawn from a seeded ``random.Random``):

* column width 13-22 characters, 1-3 columns per article (same count for all
  articles of a page), font size 9-11 pt, line height 1.4-1.7;
* paragraphs justified (WeasyPrint justifies at spaces only, see README),
  ``text-indent: 2em``, ``line-break: strict`` (kinsoku), no space between them;
* titles in a larger bold font either before each article (spanning the
  article's columns) or together at the page foot in article order;
* subheads (project-text headings, real-dev ``subheads``) in bold on their own line;
* bylines: ``（记者 张三）`` / ``（张三 李四）`` / ``（本报记者 张三）`` at the end of the
  last paragraph or on their own right-aligned line, ``本报记者 张三`` under the
  title, ``新华社北京5月3日电（记者 张三）`` opening the first paragraph, or none;
* a page header on some pages (page number, section, English section name);
* on some pages a garble font: whole paragraphs, bold run-in lead sentences or
  bylines set in a second copy of the body font ("TFGarble") whose ToUnicode
  map is rewritten afterwards (pdftext.garble_fonts), so the extractor itself
  produces ``袁 遥 渊 冤 ...``.

Real-dev text (``--source realdev-*``) is read through corpora/realdev.py and
must never be committed: write such pages outside the repository.
"""

from __future__ import annotations

import argparse
import html
import json
import logging
import math
import random
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent.parent))
from pdftext import EXTRACTORS, garble_fonts  # noqa: E402

from textfix.charclasses import IDEOGRAPH  # noqa: E402

GARBLE_FAMILY = "TFGarble"
BODY_FAMILY = "TFBody"
SECTIONS = [
    ("要闻", "News"), ("产经", "Industries"), ("社会", "Society"), ("文化", "Culture"),
    ("体育", "Sports"), ("科技", "Technology"), ("健康", "Health"), ("地方", "Regions"),
    ("财经", "Finance"), ("生态", "Environment"), ("综合", "General"), ("国际", "World"),
]
# Invented reporters (real-dev items carry no bylines).
NAMES = [
    "张伟", "李娜", "王磊", "刘洋", "陈静", "杨帆", "赵敏", "黄蕾", "周明", "吴婷", "徐磊", "孙悦",
    "马俊", "朱琳", "胡波", "郭晨", "何静", "林涛", "高远", "罗希", "韩鑫", "曹雯", "欧阳婧", "司马川",
]
CITIES = ["北京", "上海", "广州", "武汉", "成都", "西安", "杭州", "南京", "长沙", "郑州", "沈阳", "昆明"]
CCTV_LEAD = re.compile(r"^央视网消息（新闻联播）[：:]")
LEAD_RE = re.compile(r"^[^。！？“”]{4,24}?。")


# --------------------------------------------------------------------------- fonts


def find_fonts() -> dict[str, str]:
    """Noto Serif CJK regular and bold files (fontconfig), or RuntimeError when absent."""
    fonts = {}
    for weight in ("Regular", "Bold"):
        try:
            path = subprocess.run(
                ["fc-match", "-f", "%{file}", f"Noto Serif CJK SC:style={weight}"],
                capture_output=True, text=True, check=True,
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError) as exc:
            raise RuntimeError(f"fc-match failed: {exc}") from None
        if "NotoSerifCJK" not in Path(path).name:
            raise RuntimeError("Noto Serif CJK not installed (apt-get install fonts-noto-cjk)")
        fonts[weight.lower()] = path
    return fonts


# --------------------------------------------------------------------------- sources


def load_articles(source: str) -> list[dict[str, Any]]:
    """Articles as ``{id, title, byline, blocks[{kind, text}], date}`` from real-dev or a project text pool."""
    if source.startswith("realdev-"):
        import realdev

        items = realdev.load(source.removeprefix("realdev-"))
        out = []
        for item in items:
            subs = set(item.get("subheads", []))
            blocks = [
                {"kind": "heading" if i in subs else "paragraph", "text": _clean(p)}
                for i, p in enumerate(item["paragraphs"])
            ]
            blocks = [b for b in blocks if b["text"]]
            out.append({"id": item["id"], "title": _clean(item["title"]), "byline": None, "blocks": blocks,
                        "date": item["date"]})
        return out
    data = json.loads(Path(source).read_text(encoding="utf-8"))
    return [
        {"id": f"{Path(source).stem}-{i}", "title": _clean(a["title"]), "byline": a.get("byline", ""),
         "blocks": [{"kind": b["kind"], "text": _clean(b["text"])} for b in a["blocks"]], "date": ""}
        for i, a in enumerate(data)
    ]


def since(articles: list[dict[str, Any]], first_day: str) -> list[dict[str, Any]]:
    """The *articles* dated on or after *first_day* (``YYYYMMDD``, compared as realdev.py compares dates).

    Project pools carry no dates (``""``), so none of their articles is kept.
    """
    if not re.fullmatch(r"\d{8}", first_day):
        raise ValueError(f"a day is YYYYMMDD, not {first_day!r}")
    return [a for a in articles if a["date"] >= first_day]


def _clean(text: str) -> str:
    """What HTML prints of a text: runs of ASCII whitespace as one space, none at the ends."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


# The gold's conventions (shared/gold/README.md): "An ASCII comma printed between ideographs takes its
# full-width form, as Chinese typesetting requires" -- a source's stray ASCII comma is printed as it is,
# and the gold has the comma a page should read; so do ASCII parentheses around Chinese text (GB/T
# 15834-2011, the national standard of punctuation, sets Chinese text's marks full width).
_ASCII_COMMA = re.compile(rf"(?<=[{IDEOGRAPH}]),(?=[{IDEOGRAPH}])")
_ASCII_PARENTHESES = re.compile(rf"\(([^()\n]*[{IDEOGRAPH}][^()\n]*)\)")


def gold_form(text: str) -> str:
    """*text* as the gold has it (see _ASCII_COMMA)."""
    return _ASCII_PARENTHESES.sub(r"（\1）", _ASCII_COMMA.sub("，", text))


def usable(article: dict[str, Any]) -> bool:
    paras = [b for b in article["blocks"] if b["kind"] == "paragraph"]
    return len(paras) >= 2 and sum(len(b["text"]) for b in paras) >= 150 and bool(article["title"])


def truncate(rng: random.Random, blocks: list[dict], max_chars: int) -> list[dict]:
    """Blocks up to about *max_chars*, cut after a paragraph (never on a heading), at least two paragraphs."""
    out, chars, paras = [], 0, 0
    for block in blocks:
        if chars >= max_chars and paras >= 2 and out[-1]["kind"] == "paragraph":
            break
        out.append(dict(block))
        chars += len(block["text"])
        paras += block["kind"] == "paragraph"
    while out and out[-1]["kind"] == "heading":
        out.pop()
    return out


# --------------------------------------------------------------------------- page model


@dataclass
class Byline:
    form: str  # none | end-inline | end-own | top | dateline
    printed: str  # as printed (before any garble)
    names: list[str]
    prefix: str = ""  # dateline text kept in the first paragraph


BYLINE_FORMS = ("none", "end-inline", "end-own", "top", "dateline")
BYLINE_WEIGHTS = (0.15, 0.3, 0.25, 0.15, 0.15)


def draw_byline(rng: random.Random, article: dict[str, Any], forms: tuple[str, ...] = BYLINE_FORMS) -> Byline:
    if article["byline"] == "":  # a project text written unsigned stays unsigned
        return Byline("none", "", [])
    names = [article["byline"] or rng.choice(NAMES)]  # real-dev items (None) get an invented reporter
    if rng.random() < 0.25:
        names.append(rng.choice([n for n in NAMES if n not in names]))
    form = rng.choices(forms, [BYLINE_WEIGHTS[BYLINE_FORMS.index(f)] for f in forms])[0]
    shown = " ".join(names)
    if form == "none":
        return Byline("none", "", [])
    if form in ("end-inline", "end-own"):
        label = rng.choices(["记者 ", "", "本报记者 "], [0.5, 0.35, 0.15])[0]
        return Byline(form, f"（{label}{shown}）", names)
    if form == "top":
        label = rng.choice(["本报记者 ", "本报记者 ", "本报通讯员 "])
        return Byline(form, f"{label}{shown}", names)
    date = article.get("date") or f"2025{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    agency = rng.choice(["新华社", "新华社", "本报"])
    prefix = f"{agency}{rng.choice(CITIES)}{int(date[4:6])}月{int(date[6:8])}日电"
    return Byline(form, f"（记者 {shown}）", names, prefix)


def sample_options(rng: random.Random) -> dict[str, Any]:
    page_no, (section, section_en) = rng.randint(1, 16), rng.choice(SECTIONS)
    columns = rng.choices([1, 2, 3], [0.35, 0.4, 0.25])[0]
    return {
        "width_chars": rng.randint(13, 22),
        "columns": columns,
        "column_gap_em": round(rng.uniform(1.0, 2.5), 2),
        "column_rule": rng.random() < 0.4,
        "font_pt": rng.choice([9, 9.5, 10, 10.5, 11]),
        "line_height": round(rng.uniform(1.25, 1.45), 2),  # pdftotext needs a line pitch < 1.5 em (README)
        "title_em": round(rng.uniform(1.5, 2.2), 2),
        "title_align": rng.choice(["left", "center"]),
        "subhead_align": rng.choice(["left", "center", "indent"]),
        "titles": rng.choice(["before", "end"]),
        "header": {"page": str(page_no), "section": section, "section_en": section_en} if rng.random() < 0.6 else None,
        "header_style": rng.choice(["inline", "spread"]),
        "n_articles": rng.randint(2, 4),
        "max_chars": rng.randint(350, 1300),
        "garble_font": rng.random() < 0.5,
        "garble_paragraph_prob": 0.15,
        "garble_lead_prob": 0.2,
        "garble_byline_prob": 0.5,
    }


def compose_page(rng: random.Random, pool: list[dict[str, Any]], fonts: dict[str, str], name: str,
                 **overrides: Any) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """(HTML, gold, params) of one page drawn from *pool*.

    *overrides* replace any key of :func:`sample_options`, and may add
    ``articles`` (the page's articles, taken whole, untruncated; a block may
    carry ``"garble": "paragraph" | "lead"`` to force its garble), ``byline``
    (one :class:`Byline` for every article) and ``byline_forms`` (the forms
    :func:`draw_byline` chooses from).
    """
    opts = sample_options(rng)
    opts.update(overrides)
    chosen = opts.get("articles") or rng.sample(pool, min(opts["n_articles"], len(pool)))
    esc = html.escape
    parts, gold_articles, infos = [], [], []
    page_em = opts["columns"] * opts["width_chars"] + (opts["columns"] - 1) * opts["column_gap_em"]
    lines = 0.0  # height estimate, in body lines
    for article in chosen:
        blocks = truncate(rng, article["blocks"], opts["max_chars"]) if "articles" not in opts else article["blocks"]
        byline = opts.get("byline") or draw_byline(rng, article, opts.get("byline_forms", BYLINE_FORMS))
        garble = opts["garble_font"]
        byline_g = garble and byline.form != "none" and rng.random() < opts["garble_byline_prob"]
        gold_blocks, body = [], []
        first_para = next(i for i, b in enumerate(blocks) if b["kind"] == "paragraph")
        last_para = max(i for i, b in enumerate(blocks) if b["kind"] == "paragraph")
        for i, block in enumerate(blocks):
            text = block["text"]
            gold = {"kind": block["kind"], "text": gold_form(text)}
            if block["kind"] == "heading":
                body.append(f'<h3 class="sub">{esc(text)}</h3>')
                gold_blocks.append(gold)
                lines += 1.3
                continue
            opening = ""
            if i == first_para and byline.form == "dateline":
                text = CCTV_LEAD.sub("", text)
                gold["text"] = byline.prefix + gold_form(text)
                cls = ' class="g"' if byline_g else ""
                opening = f'{esc(byline.prefix)}<span{cls}>{esc(byline.printed)}</span>'
            mode = block.get("garble") or (
                "paragraph" if garble and rng.random() < opts["garble_paragraph_prob"] else
                "lead" if garble and LEAD_RE.match(text) and rng.random() < opts["garble_lead_prob"] else "")
            if mode == "lead" and not LEAD_RE.match(text):
                mode = ""
            if mode == "paragraph":
                inner = f'<span class="g">{esc(text)}</span>'
            elif mode == "lead":
                lead = LEAD_RE.match(text).group()
                inner = f'<b class="g">{esc(lead)}</b>{esc(text[len(lead):])}'
            else:
                inner = esc(text)
            if mode:
                gold["garbled"] = mode
            closing = ""
            if i == last_para and byline.form == "end-inline":
                cls = ' class="g"' if byline_g else ""
                closing = f'<span{cls}>{esc(byline.printed)}</span>'
            body.append(f"<p>{opening}{inner}{closing}</p>")
            gold_blocks.append(gold)
            lines += math.ceil((len(gold["text"]) + 2 + len(closing) // 3) / opts["width_chars"] * 1.1) + 0.3
        if byline.form == "end-own":
            cls = "byl g" if byline_g else "byl"
            body.append(f'<p class="{cls}">{esc(byline.printed)}</p>')
            lines += 1
        section = ['<section class="art">']
        if opts["titles"] == "before":
            section.append(title_html(article["title"], opts["title_em"], page_em))
        if byline.form == "top":
            cls = "bytop g" if byline_g else "bytop"
            section.append(f'<p class="{cls}">{esc(byline.printed)}</p>')
        section.append(f'<div class="body">{"".join(body)}</div></section>')
        parts.append("".join(section))
        lines += opts["title_em"] * 1.8 * (1 + len(article["title"]) * 1.25 // page_em) * opts["columns"]
        gold_articles.append({
            "title": article["title"], "byline": " ".join(byline.names), "blocks": gold_blocks,
            "byline_form": byline.form, "byline_printed": byline.printed, "byline_garbled": byline_g,
            "source_id": article["id"],
        })
        infos.append({"id": article["id"], "byline_form": byline.form, "blocks": len(gold_blocks),
                      "garbled": [b.get("garbled", "") for b in gold_blocks if b.get("garbled")]})
    if opts["titles"] == "end":
        parts.append('<div class="foot">' + "".join(
            title_html(a["title"], opts["title_em"], page_em) for a in chosen) + "</div>")
    header = ""
    if opts["header"]:
        h = opts["header"]
        if opts["header_style"] == "inline":
            header = (f'<div class="hdr"><span class="pno">{esc(h["page"])}</span> <span>{esc(h["section"])}</span> '
                      f'<span class="en">{esc(h["section_en"])}</span></div>')
        else:
            header = (f'<div class="hdr spread"><span class="pno">{esc(h["page"])}</span>'
                      f'<span class="secs">{esc(h["section"])} <span class="en">{esc(h["section_en"])}</span></span></div>')
    per_col = lines / opts["columns"]
    opts["page_height_mm"] = round((per_col * opts["line_height"] * opts["font_pt"] + 200) * 25.4 / 72 * 1.15 + 30)
    doc = page_html(opts, fonts, header + "".join(parts))
    gold = {"source": f"{name}.pdf", "header": opts["header"], "articles": gold_articles}
    params = {k: v for k, v in opts.items() if k not in ("articles", "byline", "byline_forms")}
    params["byline_forms"] = list(opts.get("byline_forms", BYLINE_FORMS))
    params["articles"] = infos
    return doc, gold, params


def title_html(title: str, size_em: float, page_em: float) -> str:
    """A title in the page's title size, shrunk to fit one line, but never below 1.25 em (then it wraps)."""
    size = max(1.25, min(size_em, 0.97 * page_em / max(1, len(title))))
    return f'<h1 class="title" style="font-size: {size:.2f}em">{html.escape(title)}</h1>'


def page_html(opts: dict[str, Any], fonts: dict[str, str], body: str) -> str:
    w, cols, gap = opts["width_chars"], opts["columns"], opts["column_gap_em"]
    width_em = cols * w + (cols - 1) * gap
    width_mm = width_em * opts["font_pt"] * 25.4 / 72 + 24
    faces = "".join(
        f'@font-face {{ font-family: "{family}"; src: url("{Path(path).as_uri()}"); font-weight: {weight}; }}\n'
        for family in (BODY_FAMILY, GARBLE_FAMILY) for weight, path in (("normal", fonts["regular"]), ("bold", fonts["bold"]))
    )
    sub_align = {"left": "text-align: left; text-indent: 0", "center": "text-align: center; text-indent: 0",
                 "indent": "text-align: left; text-indent: 2em"}[opts["subhead_align"]]
    rule = "column-rule: 0.5pt solid #777;" if opts["column_rule"] else ""
    css = f"""{faces}
@page {{ size: {width_mm:.1f}mm {opts['page_height_mm']}mm; margin: 12mm; }}
html {{ font-family: "{BODY_FAMILY}"; font-size: {opts['font_pt']}pt; line-height: {opts['line_height']}; }}
body {{ margin: 0; width: {width_em:.2f}em; }}
p {{ margin: 0; text-align: justify; text-indent: 2em; line-break: strict; }}
.g {{ font-family: "{GARBLE_FAMILY}"; }}
b {{ font-weight: bold; }}
h1.title {{ font-size: {opts['title_em']}em; font-weight: bold; line-height: 1.3; text-align: {opts['title_align']};
  margin: 0.5em 0 0.4em 0; line-break: strict; }}
h3.sub {{ font-size: 1em; font-weight: bold; margin: 0.3em 0; {sub_align}; line-break: strict; break-after: avoid; }}
.body {{ column-count: {cols}; column-gap: {gap}em; {rule} }}
section.art {{ margin-bottom: 1.2em; }}
p.byl {{ text-align: right; text-indent: 0; }}
p.bytop {{ text-align: {opts['title_align']}; text-indent: 0; font-size: 0.95em; margin-bottom: 0.5em; }}
.hdr {{ border-bottom: 1pt solid #000; margin-bottom: 0.8em; font-size: 1.1em; }}
.hdr .pno {{ font-weight: bold; font-size: 1.3em; margin-right: 1em; }}
.hdr.spread .secs {{ float: right; }}
.foot {{ border-top: 1pt solid #000; margin-top: 1em; }}
"""
    return f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>{css}</style></head><body>{body}</body></html>'


# --------------------------------------------------------------------------- rendering


def render(doc: str, pdf_path: Path) -> int:
    """Set *doc* with WeasyPrint into *pdf_path*, garble the TFGarble fonts; ToUnicode entries garbled."""
    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = weasyprint.HTML(string=doc).render()
    if len(document.pages) != 1:
        raise PageOverflow(len(document.pages))
    document.write_pdf(pdf_path)
    return garble_fonts(pdf_path, GARBLE_FAMILY)


class PageOverflow(Exception):
    pass


def make_page(rng: random.Random, pool: list[dict[str, Any]], fonts: dict[str, str], out: Path, name: str,
              extractors: list[str], keep_html: bool = False, **overrides: Any) -> dict[str, Any]:
    """Compose, render, extract one page into *out*; its manifest entry."""
    doc, gold, params = compose_page(rng, pool, fonts, name, **overrides)
    pdf = out / f"{name}.pdf"
    for _ in range(4):
        try:
            params["garbled_cmap_entries"] = render(doc, pdf)
            break
        except PageOverflow:  # the height estimate was short: a taller sheet, same layout otherwise
            taller = int(params["page_height_mm"] * 1.6)
            doc = doc.replace(f"{params['page_height_mm']}mm; margin", f"{taller}mm; margin")
            params["page_height_mm"] = taller
    else:
        raise RuntimeError(f"{name}: content does not fit one page")
    if keep_html:
        (out / f"{name}.html").write_text(doc, encoding="utf-8")
    for ex in extractors:
        (out / f"{name}.{ex}.txt").write_text(EXTRACTORS[ex](pdf), encoding="utf-8")
    (out / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return {"name": name, **params}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--source", required=True, help="realdev-train, realdev-test or a corpora/texts/*.json pool")
    ap.add_argument("--count", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--prefix", default="page")
    ap.add_argument("--extractors", default="pdftotext-raw,pdftotext,pdfium",
                    help=f"comma-separated, of: {', '.join(EXTRACTORS)}")
    ap.add_argument("--byline-forms", default=",".join(BYLINE_FORMS),
                    help="comma-separated subset of: " + ", ".join(BYLINE_FORMS))
    ap.add_argument("--keep-html", action="store_true", help="also write NAME.html")
    ap.add_argument("--since", metavar="YYYYMMDD",
                    help="draw only articles dated on or after this day (real-dev sources carry dates)")
    args = ap.parse_args(argv)
    extractors = [e for e in args.extractors.split(",") if e]
    unknown = [e for e in extractors if e not in EXTRACTORS]
    if unknown:
        ap.error(f"unknown extractor(s): {', '.join(unknown)}")
    forms = tuple(f for f in args.byline_forms.split(",") if f)
    if not forms or set(forms) - set(BYLINE_FORMS):
        ap.error(f"--byline-forms: choose among {', '.join(BYLINE_FORMS)}")
    repo = HERE.parent.parent.resolve()
    if args.source.startswith("realdev-") and args.out.resolve().is_relative_to(repo):
        ap.error("pages from real-dev text must not go into the repository: choose --out outside it")
    fonts = find_fonts()
    pool = [a for a in load_articles(args.source) if usable(a)]
    if args.since:
        try:
            pool = since(pool, args.since)
        except ValueError as exc:
            ap.error(f"--since: {exc}")
        if not pool:
            ap.error(f"--since {args.since}: no usable article of {args.source} is dated on or after that day")
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for i in range(1, args.count + 1):
        name = f"{args.prefix}-{i:03d}"
        entry = make_page(rng, pool, fonts, args.out, name, extractors, keep_html=args.keep_html, byline_forms=forms)
        manifest.append(entry)
        print(f"{name}: {entry['columns']}×{entry['width_chars']} chars, titles {entry['titles']}, "
              f"garbled cmap entries {entry['garbled_cmap_entries']}", file=sys.stderr)
    write_manifest(args.out, {"source": args.source, "seed": args.seed, "since": args.since, "extractors": extractors,
                              "pages": manifest})
    return 0


def write_manifest(out: Path, manifest: dict) -> None:
    """What a batch of pages was made from and of: ``MANIFEST.json`` in *out*."""
    (out / "MANIFEST.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
