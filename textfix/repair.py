"""Character-level repair of a print page, every change explained.

Repairs are a table of small fixes (as in ftfy), each a function that looks
at the page and proposes :class:`Change` objects with offsets into the input,
a rule name and a confidence.  The proposals are applied together, earlier
fixes in the table winning where two overlap, so the change log always
refers to the text the user gave.

The hard fix is garbled punctuation: every garbled character is also a real
one, so :func:`fix_garbled_marks` weighs, for each occurrence, the text as
printed against the text with the symbol, using a word-frequency prior
(:mod:`textfix.lexicon`), the model's learned garble rate, and typographic
cues — see :mod:`textfix.garbles`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from functools import cached_property, lru_cache, partial
from operator import attrgetter

from . import regex
from .charclasses import CJK, EXTRACTOR_HYPHEN, FULLWIDTH_MARK, IDEOGRAPH
from .garbles import FontState, Seams, ends_paragraphs, garble_changes, garble_changes_at
from .lines import SPACE_RUN
from .model import NoiseModel, default_model
from .shape import PARAGRAPHS, regions


@dataclass(frozen=True, slots=True)
class Change:
    """One edit: ``text[start:end]`` (offsets into the input) was ``old`` and became ``new``."""

    start: int
    end: int
    old: str
    new: str
    rule: str
    confidence: float
    why: str = ""

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    def shifted(self, by: int) -> Change:
        """The same change, its offsets moved by *by* (a page's or a region's place in the whole).

        Built directly: ``dataclasses.replace`` costs ten times as much, and a 5 MB file
        has ~120,000 changes.
        """
        return Change(self.start + by, self.end + by, self.old, self.new, self.rule, self.confidence, self.why)


@dataclass
class Repaired:
    """The repaired text and the changes that make it from the input (see :func:`apply_changes`)."""

    text: str
    changes: list[Change]
    layout: str = ""  # what the page's lines were read as: "print", "paragraphs" or "mixed" (textfix.shape.regions)

    def explain(self, offset: int = 0) -> str:
        """One line per change: where (counted from *offset*), what, which rule, how sure, and why."""
        return "\n".join(
            f"{c.start + offset}-{c.end + offset}\t{c.old!r} → {c.new!r}\t{c.rule}\t{c.confidence:.3f}\t{c.why}"
            for c in self.changes
        )

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "changes": [c.to_dict() for c in self.changes]}


# Each pattern opens with a plain character class, so the regex engine scans for that
# class at C speed and only tries the lookarounds there (a leading lookbehind is tried at
# every position of the page).  A space run between CJK and a Latin run, either way round:
_SPACE = r"[ \t\u3000]"
_LATIN_SPACING = regex.compile(
    rf"{_SPACE}(?:(?<=[{CJK}]{_SPACE}){_SPACE}*(?=[!-~])|(?<=[!-~]{_SPACE}){_SPACE}*(?=[{CJK}]))"
)
# An OCR engine's spaces: a space run between two CJK characters, or next to a full-width mark
# (the mark on either side, anything but whitespace on the other).  Never between two Latin
# characters, nor across a line end.
_OCR_SPACING = regex.compile(
    rf"[ \t](?:(?<=[{CJK}][ \t])[ \t]*(?=[{CJK}])"
    rf"|(?<=[{FULLWIDTH_MARK}][ \t])[ \t]*(?=\S)"
    rf"|(?<=\S[ \t])[ \t]*(?=[{FULLWIDTH_MARK}]))"
)
IDEOGRAPH_SPACE = regex.compile(rf"[ \t](?:(?<=[{IDEOGRAPH}][ \t])[ \t]*(?=[{IDEOGRAPH}]))")
IDEOGRAPH_PAIR = regex.compile(rf"[{IDEOGRAPH}](?=[ \t]*[{IDEOGRAPH}])")
# OCR evidence: at least this many spaces between ideographs, and at least this share of the
# page's neighbouring ideographs (spaced or not) spaced (see ocr_spacing_evidence).  Measured:
# the most spaced real-dev article has 4.0% (train) and 3.7% (test) of its pairs spaced, 27 at
# most; Tesseract's spaced output 72–79% on every page of corpora/ocr's train pages.  The cut
# sits in that gap; the count keeps a text of a few spaced names from deciding.
OCR_SPACES_MIN = 8
OCR_SPACE_SHARE = 0.15
# Between Chinese on both sides: an ideograph or a closing mark before, an ideograph or an opening mark after.
_CJK_BEFORE, _CJK_AFTER = rf"{IDEOGRAPH}”’》）】」』", rf"{IDEOGRAPH}“‘《（【「『"
_ASCII_PUNCT = regex.compile(rf"[,;:?!](?<=[{_CJK_BEFORE}][,;:?!])(?=[{_CJK_AFTER}])")
_DASH_RUN = regex.compile(r"[—―][—―]{2,}")


def fix_garbled_marks(text: str, model: NoiseModel, font_state: FontState | None = None,
                      paragraphs: bool | None = False, seams: Seams | None = None) -> list[Change]:
    """Garbled punctuation (``提升遥规模`` → ``提升。规模``), decided in context (and by font, given fonts; near
    *seams* alone, given them: see :func:`textfix.garbles.garble_changes`)."""
    return [Change(*g) for g in garble_changes(text, model, font_state, paragraphs, seams)]


def fix_ascii_punctuation(text: str, model: NoiseModel) -> list[Change]:
    """An ASCII ``,;:?!`` within Chinese takes its full-width form, as Chinese typesetting requires.

    Within Chinese: an ideograph or a closing mark before it, an ideograph or an
    opening mark after it (``说:“`` → ``说：“``, ``（新华社）:`` → ``（新华社）：``).
    """
    return [
        Change(m.start(), m.end(), m.group(), chr(ord(m.group()) + 0xFEE0), "ascii-punctuation", 0.95)
        for m in _ASCII_PUNCT.finditer(text)
    ]


def fix_dash_runs(text: str, model: NoiseModel) -> list[Change]:
    """Print sets the Chinese dash as three em dashes ("———"); the text has two ("——")."""
    return [Change(m.start(), m.end(), m.group(), "——", "dash-run", 0.99) for m in _DASH_RUN.finditer(text)]


def fix_paired_widths(text: str, model: NoiseModel) -> list[Change]:
    """Parentheses around Chinese are full width: ``（龚联康)``, ``(记者 韩鑫)``, ``〈新闻联播）`` → ``（…）``.

    Print sets a pair in one font; an extractor (or a garbled font run that
    ends inside the pair) gives one half the other width, and an OCR engine
    reads an opening parenthesis as ASCII or as ``〈``.  A pair on one line
    whose halves do not match, or both ASCII around an ideograph, becomes the
    full-width pair Chinese typesetting sets.  ``〈…〉`` is a pair of its own;
    ASCII around Latin text (``(GDP)``) is left.
    """
    changes = []
    for m in _paired_width_pattern(model.forms_of("（"), model.forms_of("）")).finditer(text):
        opening, inside, closing = m.group(1), m.group(2), m.group(3)
        if (opening not in "(〈" and closing != ")") or (opening == "(" and not _HAS_IDEOGRAPH.search(inside)):
            continue  # nothing to change, or ASCII around Latin text
        if opening in "(〈":
            changes.append(Change(m.start(1), m.end(1), opening, "（", "paired-width", 0.95))
        if closing == ")":
            changes.append(Change(m.start(3), m.end(3), closing, "）", "paired-width", 0.95))
    return changes


_HAS_IDEOGRAPH = regex.compile(rf"[{IDEOGRAPH}]")


# Characters between a parenthesis and its partner on one line, at most: 99.94% of the 8,679
# parenthesised stretches of real-dev train hold no more (counted; 99.76% hold 10 or fewer).
PAIR_REACH = 30


@lru_cache(maxsize=16)
def _paired_width_pattern(garbled_open: str, garbled_close: str) -> re.Pattern[str]:
    """A pair of parentheses on one line, either half in any of its forms: full width, ASCII, garbled
    (the garble fix restores those) and, opening, ``〈``."""
    opening, closing = "（(〈" + garbled_open, "）)" + garbled_close
    inside = rf"([^{re.escape(opening + closing)}〉\n]{{1,{PAIR_REACH}}})"
    return regex.compile(rf"([{re.escape(opening)}]){inside}([{re.escape(closing)}])")


def fix_latin_spacing(text: str, model: NoiseModel) -> list[Change]:
    """Spaces the print puts between CJK and a digit or Latin run go (``自 2006年`` → ``自2006年``).

    Spaces inside a Latin run ("Model Y") are not next to CJK and stay.
    """
    return [Change(m.start(), m.end(), m.group(), "", "latin-spacing", 0.98) for m in _LATIN_SPACING.finditer(text)]


# A run of spaces (:data:`textfix.lines.SPACE_RUN`) inside a line: text on both sides.  A line's leading or
# trailing spaces are not inside it and stay for the layout to read.
_SPACE_RUN_INSIDE = re.compile(rf"(?<=\S){SPACE_RUN.pattern}(?=\S)")


def fix_space_runs(text: str, model: NoiseModel) -> list[Change]:
    """A run of spaces inside a line is one space (``保护文物   传承文明`` → ``保护文物 传承文明``):
    pdfminer's print of a space justification stretched, which no other extractor prints.  (Confidence 1.0:
    justified type stretches the one space set there, it adds none: counted, none of the 1,040 gold pages
    of the 26 typeset batches made from real-dev train at the fourteenth to twentieth sessions holds a run.)"""
    return [Change(m.start(), m.end(), m.group(), " ", "space-run", 1.0) for m in _SPACE_RUN_INSIDE.finditer(text)]


def ocr_spacing_evidence(text: str) -> bool:
    """Whether *text* shows an OCR engine's spacing habit: many spaces between ideographs.

    Print sets no space between ideographs, and a web article only between
    names in a byline: at least :data:`OCR_SPACES_MIN` such spaces, and at
    least :data:`OCR_SPACE_SHARE` of the neighbouring ideographs spaced apart.
    """
    spaced = len(IDEOGRAPH_SPACE.findall(text))
    if spaced < OCR_SPACES_MIN:
        return False
    # Enough spaced pairs to decide once the share of all pairs is reached: counting every
    # pair of a 5 MB page costs 0.3 s, and a clean page with spaced names stops early.
    needed = spaced / OCR_SPACE_SHARE
    pairs = 0
    for _ in IDEOGRAPH_PAIR.finditer(text):
        pairs += 1
        if pairs > needed:
            return False
    return True


def fix_ocr_confusions(text: str, model: NoiseModel) -> list[Change]:
    """Characters an OCR engine misread, decided in context against what its model learned from twins
    (``中国一中亚`` → ``中国－中亚``, ``联播):`` → ``联播）：``, ``不和久前`` → ``不久前``): see
    :mod:`textfix.confusions`.  Only a model learned from OCR twins has confusions (``textfix learn``)."""
    from .confusions import confusion_changes

    return [Change(*c) for c in confusion_changes(text, model)]


def engine_evidence(text: str, model: NoiseModel) -> bool:
    """Whether *model* was learned from an OCR engine's pages: it knows the engine's confusions."""
    return model.engine is not None and bool(model.engine.confusions)


def fix_ocr_spacing(text: str, model: NoiseModel) -> list[Change]:
    """Spaces an OCR engine puts between CJK characters and next to full-width marks go
    (``经 济 运 行`` → ``经济运行``, ``消息 （新闻联播） ：`` → ``消息（新闻联播）：``).

    A space between two Latin letters or digits ("Model Y", "5 G") is never touched,
    nor a line end.  Which pages: :func:`ocr_spacing_evidence` (``ocr_spacing=None``).
    """
    return [Change(m.start(), m.end(), m.group(), "", "ocr-spacing", 0.97) for m in _OCR_SPACING.finditer(text)]


EXTRACTOR_HYPHEN_RULE = "extractor-hyphen"
EXTRACTOR_HYPHEN_WHY = "pdfium's mark (U+FFFE) of a line it joined after a hyphen"


def fix_extractor_hyphens(text: str, model: NoiseModel) -> list[Change]:
    """pdfium's U+FFFE is the hyphen it stands for (``阿卜杜勒\ufffe阿齐兹`` → ``阿卜杜勒-阿齐兹``).

    pdfium joins a line that ends in a hyphen to the next and marks the join
    so; the layout reader cuts the print line there (``lines.PRINT_LINE_TEXT``),
    so where the lines are read the mark is kept for it and logged as the
    hyphen once they are (:func:`marks_as_hyphens`).
    """
    if EXTRACTOR_HYPHEN not in text:
        return []
    return [Change(m.start(), m.end(), m.group(), "-", EXTRACTOR_HYPHEN_RULE, 1.0, EXTRACTOR_HYPHEN_WHY)
            for m in re.finditer(EXTRACTOR_HYPHEN, text)]


def marks_as_hyphens(repaired: str, to_input: Callable[[int], int]) -> list[Change]:
    """:func:`fix_extractor_hyphens` of a repair's text whose lines were read with the marks in place
    (``textfix.plan``'s rejoin, ``textfix.split``), with offsets into the input (*to_input*)."""
    return [replace(c, start=to_input(c.start), end=to_input(c.start) + 1)
            for c in fix_extractor_hyphens(repaired, None)]


Fix = Callable[[str, NoiseModel], list[Change]]
# Order matters: where proposals overlap, the earlier fix wins.  Each fix has its switch, a field
# of RepairConfig (the README's table of repairs lists them).
FIXES: tuple[tuple[str, Fix], ...] = (
    ("garbles", fix_garbled_marks),
    ("extractor_hyphens", fix_extractor_hyphens),
    ("ascii_punctuation", fix_ascii_punctuation),
    ("dash_runs", fix_dash_runs),
    ("paired_widths", fix_paired_widths),
    ("ocr_confusions", fix_ocr_confusions),
    ("latin_spacing", fix_latin_spacing),
    ("ocr_spacing", fix_ocr_spacing),
    ("space_runs", fix_space_runs),  # last: a run the two spacing fixes take away goes whole
)
# Fixes whose ``None`` is evidence of their own in the text (or the model), not print evidence: OCR spacing
# on the page, or a model learned from an engine's twins that says the engine spaces ideographs apart.
OWN_EVIDENCE: dict[str, Callable[[_Evidence], bool]] = {
    "ocr_spacing": lambda e: e.ocr_spacing or bool(e.model.engine and e.model.engine.spaces_ideographs),
    "ocr_confusions": lambda e: e.engine,
}
LAYOUTS = ("auto", "print", "paragraphs")


@dataclass(frozen=True)
class RepairConfig:
    """What :func:`repair` does; every field is also a keyword of :func:`repair`.

    ``None`` means "where the page shows print evidence": its lines are
    broken at a print column (see :mod:`textfix.shape`) or it has garbled
    punctuation.  Spaces around digit runs, ASCII punctuation between
    ideographs and three-em dashes are how print sets or extracts text; in a
    web article they are the author's, and are left alone.  ``ocr_spacing``'s
    ``None`` is OCR evidence instead: many spaces between ideographs
    (:func:`ocr_spacing_evidence`), on print lines or paragraphs alike, or a
    model learned from an engine that spaces them; ``ocr_confusions``' is a
    model learned from an OCR engine's twins (:func:`engine_evidence`).
    """

    garbles: bool = True  # garbled punctuation (提升遥规模 → 提升。规模)
    extractor_hyphens: bool = True  # pdfium's U+FFFE at a line's end → the hyphen it stands for
    latin_spacing: bool | None = None  # spaces between CJK and digit/Latin runs (自 2006年 → 自2006年)
    ascii_punctuation: bool | None = None  # ASCII ,;:?! between ideographs → full width
    dash_runs: bool | None = None  # ——— → ——
    paired_widths: bool | None = None  # a parenthesis takes its partner's width: （龚联康) → （龚联康）
    ocr_spacing: bool | None = None  # OCR spaces between CJK, next to full-width marks (None: OCR evidence)
    ocr_confusions: bool | None = None  # an OCR engine's misreadings, in context (None: a model learned from its twins)
    space_runs: bool | None = None  # a run of spaces inside a line → one (pdfminer's justified space: 文物   传承 → 文物 传承)
    rejoin: bool = True  # print lines → paragraphs, one a line, a blank line between (only print layout)
    layout: str = "auto"  # "auto" (measured), or "print" / "paragraphs" to say what the lines are
    # Blocks an extractor printed out of reading order (pdfminer's first columns before the second)
    # read in order (textfix.order; corpora/typeset/README.md gives the figures).
    reorder: bool = True

    def __post_init__(self) -> None:
        if self.layout not in LAYOUTS:
            raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}, not {self.layout!r}")


def repair(
    text: str, model: NoiseModel | None = None, config: RepairConfig | None = None, *,
    fixes: tuple[tuple[str, Fix], ...] = FIXES, fonts: FontState | None = None, **options: object,
) -> Repaired:
    """Repair *text* with *model* (the built-in default model if ``None``), as ``textfix repair`` does.

    *config* (or keywords overriding its fields, e.g. ``rejoin=False``) says
    which repairs run.  The changes are offsets into *text*, and applying
    them to it (:func:`apply_changes`) gives ``.text``, rejoining included.
    A text of several pages (form feeds) is repaired page by page.  *fonts*,
    for a text read from a PDF, says which offsets are set in a font that
    garbles its marks (:class:`textfix.fonts.FontEvidence`'s ``state``).
    """
    config = replace(config or RepairConfig(), **options)
    model = model or default_model()
    from .pages import PAGE_BREAK, cut_pages, join_repaired

    if PAGE_BREAK not in text:
        return _repair_page(text, model, config, fixes, fonts)
    return join_repaired([(offset, _repair_page(page, model, config, fixes, _shifted(fonts, offset)))
                          for offset, page in cut_pages(text)])


def _shifted(fonts: FontState | None, by: int) -> FontState | None:
    """*fonts* for a page or a region of the text that starts at *by*."""
    return fonts if fonts is None or not by else (lambda offset: fonts(offset + by))


def _told(fixes: tuple[tuple[str, Fix], ...], fonts: FontState | None, layout: str) -> tuple[tuple[str, Fix], ...]:
    """*fixes* with the garble fix told the fonts and whether the lines may be paragraphs (a fix of the caller's
    own is left as it is)."""
    if fonts is None and layout != PARAGRAPHS:
        return fixes
    told = partial(fix_garbled_marks, font_state=fonts, paragraphs=_line_ends(layout))
    return tuple((name, told if fix is fix_garbled_marks else fix) for name, fix in fixes)


def _line_ends(layout: str, rejoined: bool = False) -> bool | None:
    """Whether the line breaks of a text laid out as *layout* end paragraphs (see :func:`garble_changes`):
    print lines the reader rejoined do; lines that came as paragraphs may; print lines do not."""
    return None if layout == PARAGRAPHS else rejoined


def _repair_page(text: str, model: NoiseModel, config: RepairConfig, fixes: tuple[tuple[str, Fix], ...],
                 fonts: FontState | None) -> Repaired:
    """One page, region by region (see :func:`textfix.shape.regions`) unless *config* says what the lines are.

    Where *config* asks it (``reorder``, the default), the lines are rejoined and an extractor printed the page's blocks out
    of reading order (:func:`textfix.order.page_order`: pdfminer's first
    columns before the second), the page is repaired in reading order and the
    log moves the blocks (rule ``reorder``): it is still a plan on *text*.
    A text with its fonts (a PDF's) is laid out from its coordinates, not reordered here.
    A plan of pdftotext's block moves is kept as found: ``split_page`` refuses one that reads more
    articles than the page as printed, one untitled (textfix.split._moves_misread), but that asks
    both pages split into articles, which repair does not do (see :class:`textfix.order.Reading`).
    """
    if config.reorder and config.rejoin and config.layout == "auto" and fonts is None:
        from .order import Pieces, page_order

        spans = page_order(text, model)
        if spans is not None:
            pieces = Pieces(text, spans)
            inner = _repair_page_in_order(pieces.reordered, model, config, fixes, None)
            return Repaired(inner.text, pieces.changes(inner.changes), inner.layout)
    return _repair_page_in_order(text, model, config, fixes, fonts)


def _repair_page_in_order(text: str, model: NoiseModel, config: RepairConfig, fixes: tuple[tuple[str, Fix], ...],
                          fonts: FontState | None) -> Repaired:

    spans = regions(text) if config.layout == "auto" else [(0, len(text), config.layout)]
    if len(spans) == 1:
        return _repair_region(text, model, config, fixes, spans[0][2], fonts)
    parts = [(start, _repair_region(text[start:end], model, config, fixes, layout, _shifted(fonts, start)))
             for start, end, layout in spans]
    changes = [c.shifted(start) for start, r in parts for c in r.changes]
    return Repaired("".join(r.text for _, r in parts), changes, "mixed")


def _repair_region(text: str, model: NoiseModel, config: RepairConfig, fixes: tuple[tuple[str, Fix], ...], layout: str,
                   fonts: FontState | None) -> Repaired:
    if config.rejoin:  # the reader cuts the line at pdfium's hyphen mark; the rejoin logs the hyphen (marks_as_hyphens)
        fixes = tuple((name, fix) for name, fix in fixes if fix is not fix_extractor_hyphens)
    repaired = repair_characters(text, model, config, _told(fixes, fonts, layout), layout)
    if not config.rejoin:
        return repaired
    from .plan import rejoined

    marks = marks_as_hyphens(repaired.text, input_offset(repaired.changes)) if config.extractor_hyphens else []
    return _settled(text, rejoined(text, repaired, model, marks=marks), model, config, fonts)


REJOIN_RULE = "rejoin"  # the rule of the layout's changes (textfix.plan logs them under it)
SETTLE_ROUNDS = 3  # garble passes over the rejoined text at most; one is the rule (see _settled)


def _settled(text: str, result: Repaired, model: NoiseModel, config: RepairConfig, fonts: FontState | None = None
             ) -> Repaired:
    """*result* with the garbles its own text shows fixed too, so that repairing it again changes nothing.

    A garble is weighed in context, and rejoining changes the context (a
    short line end becomes the middle of a paragraph), so a mark passed over
    on the printed lines may be taken on the rejoined ones.  Those fixes are
    logged against the input like the others; a fix that would touch text
    an earlier change made is left alone.  Marks that end a paragraph are
    weighed first, as printed (see :func:`_paragraph_end_garbles`).  Only the
    marks near a place the rejoined text reads differently from the printed
    lines are weighed again (:func:`_seams`); the others keep the printed
    lines' decision.
    """
    if config.garbles and (ended := _paragraph_end_garbles(text, result, model, fonts)):
        changes = sorted(result.changes + ended, key=attrgetter("start", "end"))
        result = Repaired(apply_changes(text, changes), changes, result.layout)
    for _ in range(SETTLE_ROUNDS if config.garbles else 0):
        to_input = input_offset(result.changes)
        ends = [max(c.end, c.start + 1) for c in result.changes]  # sorted: the changes are disjoint
        starts = [c.start for c in result.changes]
        more, last = [], -1
        fonts_out = None if fonts is None else (lambda offset, f=fonts, back=to_input: f(back(offset)))
        for c in fix_garbled_marks(result.text, model, fonts_out, _line_ends(result.layout, rejoined=True),
                                   _seams(text, result)):  # few, in order
            start = to_input(c.start)
            end = start + (c.end - c.start)
            i = bisect_right(ends, start)  # the first change ending after start
            free = (i == len(starts) or starts[i] >= max(end, start + 1)) and start >= last
            if free and text[start:end] == c.old:
                more.append(Change(start, end, c.old, c.new, c.rule, c.confidence, c.why))
                last = end
        if not more:
            break
        changes = sorted(result.changes + more, key=attrgetter("start", "end"))
        result = Repaired(apply_changes(text, changes), changes, result.layout)
    return result


def _seams(text: str, result: Repaired) -> Seams:
    """Where the rejoin made *result*'s text read differently to a garble decision from *text*, the printed lines
    (:func:`textfix.garbles.garble_changes`): each paragraph's end where the lines are read otherwise now
    (:func:`_line_ends`: printed lines read closed up, rejoined ones as paragraphs), and, where the lines were read
    as paragraphs, each line break the rejoin made or removed.  (The other fixes' changes are no seams: the
    printed lines' decisions read the garbles restored in place, and a mark, a dash or a space another fix
    changed near one is left as that decision read it.)"""
    was, now = (ends_paragraphs(t, _line_ends(result.layout, rejoined=r)) for t, r in ((text, False), (result.text, True)))
    seams, shift = [], 0
    for c in result.changes if was else ():  # (none on printed lines: ~120,000 changes on bench_repair's print page)
        if c.rule == REJOIN_RULE and "\n" in c.old + c.new:
            seams.append(c.start + shift)
        shift += len(c.new) - len(c.old)
    return Seams(seams, was != now)


def _paragraph_end_garbles(text: str, result: Repaired, model: NoiseModel, fonts: FontState | None) -> list[Change]:
    """Fixes of the garbled forms the rejoined lines leave at a paragraph's end (…获得者——张晋 | 藩遥
    then an indented line: the print line 藩遥 was weighed as running on into the next).

    Weighed on the input with only the lines rejoined: on ``result.text`` the
    marks the repair restored before it would count as printed clean, and
    the garbled run the form ends would read as a clean one.
    """
    forms = "".join(sorted(model.garble_table()))
    if not forms:
        return []  # a model that knows no garble
    layout = [c for c in result.changes if c.rule == REJOIN_RULE]
    printed = apply_changes(text, layout)
    to_input = input_offset(layout)
    changed = _Touched(result.changes)
    ends = [m.start() for m in _garbled_form_at_end(forms).finditer(printed) if not changed(to_input(m.start()))]
    if not ends:
        return []
    fonts_out = None if fonts is None else (lambda offset: fonts(to_input(offset)))
    found = garble_changes_at(printed, model, ends, fonts_out, _line_ends(result.layout, rejoined=True))
    out = [Change(to_input(start), to_input(start) + end - start, *rest) for start, end, *rest in found]
    # (A page whose layout changes overlap, its blocks out of order, maps offsets back wrong: only
    # the fixes that find their text in the input are kept, as _settled keeps its own.)
    return [c for c in out if text[c.start : c.end] == c.old and not changed(c.start, c.end - c.start)]


@lru_cache(maxsize=8)
def _garbled_form_at_end(forms: str) -> re.Pattern[str]:
    """One of *forms* (a model's garbled forms of its marks) right before a line break."""
    return regex.compile(f"[{re.escape(forms)}](?=\n)")


class _Touched:
    """Whether a change of *changes* (sorted, disjoint) touches ``[at, at + length)``: a binary search each."""

    def __init__(self, changes: list[Change]) -> None:
        self.changes, self.starts = changes, [c.start for c in changes]

    def __call__(self, at: int, length: int = 1) -> bool:
        i = bisect_right(self.starts, at + length - 1)
        return i > 0 and self.changes[i - 1].end > at


def repair_characters(
    text: str, model: NoiseModel, config: RepairConfig, fixes: tuple[tuple[str, Fix], ...], layout: str
) -> Repaired:
    """The character repairs of *config* on a page whose lines are *layout*; lines untouched."""
    accepted: list[Change] = []
    taken = _Taken()
    evidence = _Evidence(text, model, layout)
    for name, fix in fixes:
        wanted = getattr(config, name, True)
        if wanted is False:
            continue
        if wanted is None and not (OWN_EVIDENCE[name](evidence) if name in OWN_EVIDENCE else evidence.of_print):
            continue
        found = taken.take(fix(text, model))
        accepted.extend(found)
        evidence.garbles_found = evidence.garbles_found or (name == "garbles" and bool(found))
    accepted.sort(key=attrgetter("start", "end"))
    return Repaired(apply_changes(text, accepted), accepted, layout)


class _Evidence:
    """What a page shows of print and of OCR, each worked out once when a fix first asks."""

    def __init__(self, text: str, model: NoiseModel, layout: str) -> None:
        self.text, self.model, self.layout = text, model, layout
        self.garbles_found = False

    @property
    def of_print(self) -> bool:
        """Printed lines, garbled marks found, or an OCR engine read a printed page (its spacing, or its model)."""
        return self.layout == "print" or self.garbles_found or self.engine or self.ocr_spacing

    @cached_property
    def engine(self) -> bool:
        return engine_evidence(self.text, self.model)

    @cached_property
    def ocr_spacing(self) -> bool:
        return ocr_spacing_evidence(self.text)


class _Taken:
    """Disjoint spans already changed, sorted, so that an overlap test is a binary search, not a scan."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def take(self, changes: list[Change]) -> list[Change]:
        """The *changes* that overlap no span taken before nor an earlier one of them, now taken too.

        A fix proposes its changes in page order, so they are checked in one
        walk along the taken spans (a fix's ~30,000 spacing changes would
        otherwise be ~30,000 binary searches and list insertions); changes in
        any other order go one by one through :meth:`add`.
        """
        los = [c.start for c in changes]
        if los != sorted(los):
            return [c for c in changes if self.add(c.start, max(c.end, c.start + 1))]
        kept, starts, ends = [], [], []
        taken_starts, taken_ends = self.starts, self.ends
        i, last = 0, -1  # the first taken span ending after lo; the end of the last change kept
        for c, lo in zip(changes, los):
            hi = max(c.end, lo + 1)
            while i < len(taken_ends) and taken_ends[i] <= lo:
                i += 1
            if lo < last or (i < len(taken_starts) and taken_starts[i] < hi):
                continue
            kept.append(c)
            starts.append(lo)
            ends.append(hi)
            last = hi
        self.starts = sorted(taken_starts + starts)  # the spans are disjoint: in order of start, in order of end
        self.ends = sorted(taken_ends + ends)
        return kept

    def add(self, lo: int, hi: int) -> bool:
        """Take ``[lo, hi)`` unless it overlaps a span already taken; say whether it was taken."""
        i = bisect_right(self.ends, lo)  # the first span ending after lo
        if i < len(self.starts) and self.starts[i] < hi:
            return False
        self.starts.insert(i, lo)
        self.ends.insert(i, hi)
        return True


def apply_changes(text: str, changes: list[Change]) -> str:
    """*text* with non-overlapping *changes* (sorted by start) applied: ``repair(text).text`` from
    ``repair(text).changes`` (the log is a plan, as ftfy's ``apply_plan``)."""
    out, pos = [], 0
    for c in changes:
        out.append(text[pos : c.start])
        out.append(c.new)
        pos = c.end
    out.append(text[pos:])
    return "".join(out)


def input_offset(changes: list[Change]) -> Callable[[int], int]:
    """Map an offset of the repaired text back to the input text the *changes* were made on."""
    starts_out: list[int] = []
    deltas: list[int] = []
    shift = 0
    for c in changes:
        out_start = c.start + shift
        shift += len(c.new) - (c.end - c.start)
        starts_out.append(out_start + len(c.new))
        deltas.append(shift)

    def to_input(offset: int) -> int:
        i = bisect_right(starts_out, offset)
        return offset - (deltas[i - 1] if i else 0)

    return to_input
