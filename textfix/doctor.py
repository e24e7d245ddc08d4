"""What is wrong with a text layer, page by page (and font by font in a PDF), and what textfix does about it.

``textfix doctor FILE [--json]`` (the CLI is a thin layer over :func:`diagnose`).
The defects looked for:

=================  =====================================================  ==================
kind               what                                                   action
=================  =====================================================  ==================
``garble``         the GB2312 lead-byte +0x31 shift: a font prints the    ``repair``
                   garbled forms of the marks (袁 for ，, 遥 for 。, 渊冤
                   for （）…) and never the marks themselves; in a text
                   file, marks the repair restores
``unmapped``       glyphs without a Unicode mapping (PDF: PDFium's        ``needs OCR``
                   ``FPDFText_HasUnicodeMapError``; the font has no
                   usable ToUnicode map, the text is glyph ids)
``cid``            ``(cid:N)`` placeholders, as pdfminer prints           ``needs OCR``
                   unmapped glyphs
``private-use``    private-use code points (U+E000–U+F8FF, planes 15–16)  ``needs OCR``
``kangxi``         Kangxi radicals (U+2F00–U+2FDF) in place of the        ``not repaired
                   ideographs they look like (⼈ for 人)                   yet``
``image-only``     a page with images and no text layer                  ``needs OCR``
``no-text``        a PDF page without text or images but with many        ``needs OCR``
                   vector paths (text drawn as outlines); in a text
                   file, an empty page between form feeds (what
                   extractors make of an image-only page)
``blank``          a PDF page with nothing on it                          ``none``
``truncated``      a PDF that does not end with ``%%EOF`` (PDFium read    ``none``
                   what it could: pages may be missing)
``xref``           a broken cross-reference table (PDFium rebuilt it)     ``none``
=================  =====================================================  ==================

A font counts as garbled (:func:`_font_garbled`) when, over the whole file,
it prints no mark of :data:`MARKS` but at least three of their garbled forms
(:data:`FORMS`), or two that are an opening and closing pair, and these are at
least 2 % of its characters (a font of clean text prints 院 or 野 now and then,
far below that, and prints its commas) — and they stand where marks belong:
:func:`textfix.repair` restores at least half of them (a title font that
prints 法院 and 医院 and no commas is not garbled: the language model keeps
院).  The faces of one family that print no mark (a regular and a bold set
from the same defective map) are judged together, and a font that draws a
character of the family with its mark's glyph (:func:`textfix.fonts.judge_glyphs`)
is garbled however few it sets.  Its *rate* is the share of the
marks it prints that come out garbled.  In a text file there are no fonts:
the page's garble is what :func:`textfix.repair` restores.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pdf import PdfDocument, PdfPage

# The common marks of the shift's family and their garbled forms (textfix.mechanisms, gb2312 lead-byte
# +0x31).  Marks whose form is a common word of its own (《 → 叶, ‘ → 耶, ’ → 爷, — → 要) are left out:
# they would count clean text.
MARKS = "，。、：；？！“”（）％"
FORMS = "袁遥尧院曰钥浴野冶渊冤豫"
PAIRS = ("野冶", "渊冤")
MIN_FORMS = 3
MIN_FORM_SHARE = 0.02
MIN_RESTORED = 0.5
MIN_OUTLINE_PATHS = 50  # a page of rules and boxes has a few dozen; text as outlines, a path per glyph

REPAIR, OCR, NOT_YET, NONE = "repair", "needs OCR", "not repaired yet", "none"

_CID = re.compile(r"\(cid:\d+\)")


def _is_private(ch: str) -> bool:
    code = ord(ch)
    return 0xE000 <= code <= 0xF8FF or code >= 0xF0000


def _is_kangxi(ch: str) -> bool:
    return 0x2F00 <= ord(ch) <= 0x2FDF


@dataclass(frozen=True)
class Finding:
    """One defect on one page (``page`` 0-based; None for the file), and what textfix does about it."""

    kind: str
    page: int | None
    count: int
    action: str
    font: str | None = None
    rate: float | None = None
    examples: str = ""  # a few of the characters involved
    detail: str = ""


@dataclass(frozen=True)
class FontReport:
    """A font's characters on a page: how many, the garbled forms and the marks it prints."""

    name: str
    size: float  # the size most of its characters are set in
    chars: int
    forms: int
    marks: int
    garbled: bool  # decided over the whole file


@dataclass(frozen=True)
class PageReport:
    index: int
    chars: int
    images: int = 0
    fonts: tuple[FontReport, ...] = ()
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class Diagnosis:
    """The doctor's report on a file: its pages, and the findings that concern the whole file."""

    path: str
    kind: str  # "pdf" or "text"
    pages: tuple[PageReport, ...]
    findings: tuple[Finding, ...] = ()  # file-level (truncated, xref)
    fonts: tuple[str, ...] = field(default=())

    @property
    def all_findings(self) -> list[Finding]:
        return list(self.findings) + [f for page in self.pages for f in page.findings]

    @property
    def ok(self) -> bool:
        return not self.all_findings

    def to_dict(self) -> dict:
        return {
            "file": self.path, "kind": self.kind, "ok": self.ok, "fonts": list(self.fonts),
            "findings": [asdict(f) for f in self.findings],
            "pages": [
                {"index": p.index, "chars": p.chars, "images": p.images,
                 "fonts": [asdict(f) for f in p.fonts], "findings": [asdict(f) for f in p.findings]}
                for p in self.pages
            ],
            "summary": dict(Counter(f.kind for f in self.all_findings)),
        }

    def to_text(self) -> str:
        pages = f"{len(self.pages)} page{'s' if len(self.pages) != 1 else ''}"
        fonts = f", {len(self.fonts)} font{'s' if len(self.fonts) != 1 else ''}" if self.kind == "pdf" else ""
        head = f"{self.path}: {'PDF' if self.kind == 'pdf' else 'text'}, {pages}{fonts}"
        if self.ok:
            return f"{head}: nothing wrong with the text layer\n"
        lines = [head]
        lines += [f"file: {_describe(f)}" for f in self.findings]
        for page in self.pages:
            lines += [f"page {page.index + 1}: {_describe(f)}" for f in page.findings]
        kinds = Counter((f.kind, f.action) for f in self.all_findings if f.page is not None)
        summary = [f"{kind} ({action})" for kind, action in dict.fromkeys((f.kind, f.action) for f in self.findings)]
        summary += [f"{kind} on {n} page{'s' if n != 1 else ''} ({action})" for (kind, action), n in kinds.items()]
        lines.append("summary: " + ", ".join(summary))
        return "\n".join(lines) + "\n"


def _describe(f: Finding) -> str:
    where = f"font {f.font}: " if f.font else ""
    what = {
        "garble": f"+0x31 garble: {f.count} garbled mark{'s' if f.count != 1 else ''}",
        "unmapped": f"{f.count} glyph{'s' if f.count != 1 else ''} without a Unicode mapping",
        "cid": f"{f.count} (cid:N) placeholder{'s' if f.count != 1 else ''}",
        "private-use": f"{f.count} private-use code point{'s' if f.count != 1 else ''}",
        "kangxi": f"{f.count} Kangxi radical{'s' if f.count != 1 else ''} in place of ideographs",
        "image-only": "image only: no text layer",
        "no-text": "no text",
        "blank": "blank page",
        "truncated": "truncated: the file does not end with %%EOF",
        "xref": "broken cross-reference table",
    }[f.kind]
    if f.examples:
        what += f" ({f.examples})"
    extra = [x for x in (f.detail, f"garble rate {f.rate:.2f}" if f.rate is not None else "") if x]
    return f"{where}{'; '.join([what] + extra)} → {f.action}"


def diagnose(path: str | os.PathLike[str]) -> Diagnosis:
    """The doctor's report on a PDF or a text file (a file of pages when it has form feeds)."""
    from .io import looks_like_pdf
    from .pdf import read_pdf

    name = os.fspath(path)
    if name == "-":  # standard input: a PDF by its header, else text
        import sys

        from .io import decode_bytes, starts_as_pdf

        data = sys.stdin.buffer.read()
        if starts_as_pdf(data):
            return diagnose_pdf(read_pdf(data, "<stdin>"))
        return diagnose_text(decode_bytes(data, "<stdin>"), "<stdin>")
    if looks_like_pdf(name):
        return diagnose_pdf(read_pdf(name))
    from .io import read_text

    return diagnose_text(read_text(name), name)


def diagnose_text(text: str, name: str = "<text>") -> Diagnosis:
    """Pages cut at form feeds (a trailing empty page dropped), each checked for what text alone shows."""
    parts = text.split("\f")
    if len(parts) > 1 and not parts[-1].strip():
        parts.pop()
    pages = []
    for index, page_text in enumerate(parts):
        findings = _text_findings(page_text, index)
        garbles = _repaired_garbles(page_text)
        if garbles:
            forms = Counter(old.strip()[:1] for old, _ in garbles)
            marks = sum(page_text.count(m) for m in MARKS)
            findings.insert(0, Finding("garble", index, len(garbles), REPAIR, rate=round(len(garbles) / (len(garbles) + marks), 3),
                                       examples=_examples(forms), detail=f"{marks} marks printed as themselves"))
        chars = sum(not ch.isspace() for ch in page_text)
        if not chars:
            findings.append(Finding("no-text", index, 1, OCR, detail="extractors write an image-only page so"))
        pages.append(PageReport(index, chars, findings=tuple(findings)))
    return Diagnosis(name, "text", tuple(pages))


def diagnose_pdf(doc: PdfDocument) -> Diagnosis:
    """Each page's fonts, the garbled ones decided over the whole file; what the text and the page objects show."""
    texts = [_font_texts(page) for page in doc.pages]
    garbled, repaired = _garbled_fonts(doc, texts)
    pages = []
    for page, page_texts in zip(doc.pages, texts):
        findings: list[Finding] = []
        fonts = []
        for font, text in page_texts.items():
            counts = Counter(text)
            forms = sum(counts[f] for f in FORMS)
            marks = sum(counts[m] for m in MARKS)
            fonts.append(FontReport(font, _font_size(page, font), sum(not ch.isspace() for ch in text), forms, marks, font in garbled))
            if font in garbled and forms:
                findings.append(Finding(
                    "garble", page.index, forms, REPAIR, font=font, rate=round(forms / (forms + marks), 3),
                    examples=_examples(Counter({f: counts[f] for f in FORMS if counts[f]})),
                    detail=f"no marks printed; repair restores {repaired[page.index].get(font, 0)}",
                ))
        if page.unmapped:
            findings.append(Finding("unmapped", page.index, page.unmapped, OCR,
                                    detail="the font has no usable ToUnicode map"))
        findings += _text_findings(_mapped_text(page), page.index)
        if page.chars == 0 and page.images:
            findings.append(Finding("image-only", page.index, page.images, OCR,
                                    detail=f"{page.images} image{'s' if page.images != 1 else ''}"))
        elif page.chars == 0 and page.paths >= MIN_OUTLINE_PATHS:
            findings.append(Finding("no-text", page.index, page.paths, OCR,
                                    detail=f"{page.paths} vector paths: text drawn as outlines?"))
        elif page.chars == 0:
            findings.append(Finding("blank", page.index, 1, NONE, detail="no text, no images"))
        pages.append(PageReport(page.index, page.chars, page.images, tuple(fonts), tuple(findings)))
    file_findings = []
    if not doc.complete:
        file_findings.append(Finding("truncated", None, 1, NONE, detail="pages or objects may be missing"))
    if not doc.xref_ok:
        file_findings.append(Finding("xref", None, 1, NONE, detail="PDFium rebuilt it; the pages were read"))
    return Diagnosis(doc.path, "pdf", tuple(pages), tuple(file_findings), doc.fonts)


def garbled_fonts(doc: PdfDocument) -> set[str]:
    """The fonts of *doc* that garble their marks (see the module's notes)."""
    return _garbled_fonts(doc, [_font_texts(page) for page in doc.pages], report=False)[0]


def _font_counts(texts: list[dict[str, str]]) -> dict[str, Counter]:
    """Each font's characters over the whole file (*texts*: each page's, by font)."""
    per_font: dict[str, Counter] = {}
    for page_texts in texts:
        for font, text in page_texts.items():
            per_font.setdefault(font, Counter()).update(text)
    return per_font


def _garbled_fonts(doc: PdfDocument, texts: list[dict[str, str]], report: bool = True) -> tuple[set[str], dict[int, Counter]]:
    """The garbled fonts, and per page how many garbles the repair restores in each font (*texts*: each
    page's text by font, :func:`_font_texts`).

    The faces of one family that print no mark (a regular and a bold set from
    the same defective map, ``…+TFGarble`` and ``…+TFGarble-Bold``) are judged
    together: a bold lead sentence alone holds too few marks for a verdict of its own.
    A family whose glyphs prove its map shifted needs no repair to tell: unless a
    *report* wants the counts, its pages are not repaired for the verdict.
    """
    per_font = _font_counts(texts)
    groups = _mark_free_families(per_font)
    proven = _fonts_drawing_marks(doc)
    candidates = {font for group in groups for font in group if _font_garbled(sum((per_font[f] for f in group), Counter()))}
    to_count = {f for group in groups if report or not group & proven for f in group & candidates}
    repaired = {
        page.index: _repaired_by_font(page) if to_count & set(page_texts) else Counter()
        for page, page_texts in zip(doc.pages, texts)
    }
    restored = sum(repaired.values(), Counter())
    # where the marks belong: the repair (its language model) restores at least half the family's forms
    garbled = {font for group in groups if group & candidates
               for font in group
               if group & proven
               or sum(restored[f] for f in group) >= MIN_RESTORED * sum(per_font[f][x] for f in group for x in FORMS)}
    return garbled | proven, repaired


def _fonts_drawing_marks(doc: PdfDocument) -> set[str]:
    """The fonts that draw some character of the garble's family with its mark's glyph
    (:func:`textfix.fonts.judge_glyphs`): their maps are shifted, however few marks they set."""
    out = set()
    for page in doc.pages:
        for line in page.lines:
            for at in line.mark_glyphs:
                out.update(run.font for run in line.runs if run.start <= at < run.end)
    return out


def _mark_free_families(per_font: dict[str, Counter]) -> list[set[str]]:
    """The fonts in groups: the faces of one family that print no mark together, every other font alone."""
    families: dict[str, set[str]] = {}
    groups = []
    for font, counts in per_font.items():
        if any(counts[m] for m in MARKS):
            groups.append({font})
        else:
            families.setdefault(_family(font), set()).add(font)
    return groups + list(families.values())


def _family(font: str) -> str:
    """A font's family: its name without the subset tag (``ABCDEF+``) and the face after a ``-`` or ``,``."""
    return re.split(r"[-,]", font.split("+", 1)[-1], maxsplit=1)[0]


def _font_garbled(counts: Counter) -> bool:
    """No mark printed, and enough garbled forms: three, or an opening and closing pair; 2 % of the font's characters."""
    if any(counts[m] for m in MARKS):
        return False
    forms = sum(counts[f] for f in FORMS)
    paired = any(counts[a] and counts[b] for a, b in PAIRS)
    chars = sum(n for ch, n in counts.items() if not ch.isspace())
    return (forms >= MIN_FORMS or paired and forms >= 2) and forms >= MIN_FORM_SHARE * chars


def _text_findings(text: str, index: int) -> list[Finding]:
    findings = []
    cids = _CID.findall(text)
    if cids:
        findings.append(Finding("cid", index, len(cids), OCR, examples=" ".join(dict.fromkeys(cids[:3]))))
    private = Counter(ch for ch in text if _is_private(ch))
    if private:
        findings.append(Finding("private-use", index, sum(private.values()), OCR,
                                examples=" ".join(f"U+{ord(ch):04X}" for ch, _ in private.most_common(3))))
    kangxi = Counter(ch for ch in text if _is_kangxi(ch))
    if kangxi:
        import unicodedata

        examples = " ".join(f"{ch}→{unicodedata.normalize('NFKC', ch)}" for ch, _ in kangxi.most_common(3))
        findings.append(Finding("kangxi", index, sum(kangxi.values()), NOT_YET, examples=examples,
                                detail="NFKC maps each to its ideograph"))
    return findings


def _mapped_text(page: PdfPage) -> str:
    """The page's text without the characters of unmapped glyphs (their code points are glyph ids, reported as such)."""
    if not page.unmapped:
        return page.text
    lines = []
    for line in page.lines:
        drop = set(line.unmapped)
        lines.append("".join(ch for i, ch in enumerate(line.text) if i not in drop))
    return "\n".join(lines)


def _examples(forms: Counter) -> str:
    symbol = dict(zip(FORMS, MARKS))
    return ", ".join(f"{f} for {symbol.get(f, '?')} ×{n}" for f, n in forms.most_common(4))


def _font_texts(page: PdfPage) -> dict[str, str]:
    out: dict[str, list[str]] = {}
    for line in page.lines:
        for run in line.runs:
            out.setdefault(run.font, []).append(line.text[run.start:run.end])
    return {font: "".join(parts) for font, parts in out.items() if font}


def _font_size(page: PdfPage, font: str) -> float:
    sizes = Counter()
    for line in page.lines:
        for run in line.runs:
            if run.font == font:
                sizes[run.size] += run.end - run.start
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _repaired_garbles(text: str) -> list[tuple[str, str]]:
    """(old, new) of every garble the repair fixes in *text* (lines kept, so offsets are the text's)."""
    if not any(f in text for f in FORMS):
        return []
    from .repair import repair

    return [(c.old, c.new) for c in repair(text, rejoin=False).changes if c.rule.startswith("garble")]


def _repaired_by_font(page: PdfPage) -> Counter:
    """How many garbles the repair fixes in each font of *page*."""
    from .repair import repair

    text = page.text
    font_at: list[str] = []
    for line in page.lines:
        at = [""] * len(line.text)
        for run in line.runs:
            at[run.start:run.end] = [run.font] * (run.end - run.start)
        font_at += at + [""]
    fixed = Counter()
    for change in repair(text, rejoin=False).changes:
        if change.rule.startswith("garble") and change.start < len(font_at):
            fixed[font_at[change.start]] += 1
    return fixed
