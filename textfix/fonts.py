"""Font evidence for garble repair: which characters of a PDF's text are set in a font that garbles.

The +0x31 garble is a defect of one font's ToUnicode map: every mark that
font sets comes out as its garbled form, and no other font's do.  A PDF
says which font each character is set in (:mod:`textfix.pdf`), and
:func:`textfix.doctor.garbled_fonts` which fonts garble (no mark printed,
enough garbled forms, standing where marks belong).  A font that prints
marks (，。…) as themselves does not garble.  The map is wrong, the drawing
is not: each character of the garble's family is also judged by its glyph
(:func:`judge_glyphs`), a mark's drawing under a garbled form being the mark
and the character's own drawing never a garble.  :class:`FontEvidence` holds
those states by offset of :attr:`textfix.pdf.PdfDocument.text` (or of a page's
laid-out text); its :meth:`~FontEvidence.state` is what :func:`textfix.repair`
takes as ``fonts``.  A font neither garbled nor printing marks (a title's, a
short subhead's) stays unknown: the run model decides there.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .mechanisms import Mechanism

if TYPE_CHECKING:
    from .pdf import PdfDocument, PdfPage

MARK = "mark"  # a state: the character's glyph is the drawing of the mark it stands for
# Two ink boxes are the same drawing within SAME_GLYPH ems (one glyph measures the same to 0.01 em
# wherever it stands, typeset pages) and another drawing beyond OTHER_GLYPH: a mark's box and an
# ideograph's differ by 0.3 em or more in width or height (，0.11×0.24, ；0.12×0.52 against
# 0.6–0.7 square for 袁 曰; Noto Serif CJK, measured on the typeset pages).
SAME_GLYPH = 0.05
OTHER_GLYPH = 0.25


@dataclass(frozen=True)
class FontEvidence:
    """Spans ``[starts[k], ends[k])`` of a text set in a garbled font (``garbled[k]``) or a clean one; sorted, disjoint."""

    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()
    garbled: tuple[bool | str, ...] = ()

    def state(self, offset: int) -> bool | str | None:
        """Whether the character at *offset* is set in a garbled font: True, False, or None (not known);
        :data:`MARK` where its glyph is the mark's (a glyph of the character's own is False: no garble)."""
        k = bisect_right(self.starts, offset) - 1
        if k >= 0 and offset < self.ends[k]:
            return self.garbled[k]
        return None

    @classmethod
    def of_characters(cls, fonts: Sequence[str], garbled: set[str], clean: set[str],
                      glyphs: Sequence[bool | None] = ()) -> FontEvidence:
        """The states of a text whose *k*-th character is set in ``fonts[k]`` ("" for none) and drawn
        with the glyph of the mark it stands for (``glyphs[k]`` True) or of its own (False)."""
        spans: list[list] = []
        for at, font in enumerate(fonts):
            glyph = glyphs[at] if at < len(glyphs) else None
            state = MARK if glyph else False if glyph is False else True if font in garbled else False if font in clean else None
            if state is None:
                continue
            if spans and spans[-1][2] == state and spans[-1][1] == at:
                spans[-1][1] = at + 1
            else:
                spans.append([at, at + 1, state])
        return cls(tuple(a for a, _, _ in spans), tuple(b for _, b, _ in spans), tuple(g for _, _, g in spans))


def font_states(doc: PdfDocument) -> tuple[set[str], set[str]]:
    """(garbled fonts, clean fonts) of *doc*, each judged on what it prints over the whole file."""
    from .doctor import garbled_fonts

    garbled = garbled_fonts(doc)
    return garbled, mark_printing_fonts(doc.pages) - garbled


def font_evidence(doc: PdfDocument) -> FontEvidence:
    """The font states of *doc*'s text (offsets of ``doc.text``: pages joined, each ending in a line end and a form feed)."""
    fonts: list[str] = []
    glyphs: list[bool | None] = []
    for page in doc.pages:
        for line in page.lines:
            fonts += line_fonts(line) + [""]
            glyphs += line_glyphs(line) + [None]
        if not page.lines:
            fonts.append("")  # an empty page's line end
            glyphs.append(None)
        fonts.append("")  # the form feed
        glyphs.append(None)
    return FontEvidence.of_characters(fonts, *font_states(doc), glyphs)


def line_fonts(line) -> list[str]:
    """The font of each character of a :class:`~textfix.pdf.PdfLine` ("" for none)."""
    fonts = [""] * len(line.text)
    for run in line.runs:
        fonts[run.start:run.end] = [run.font] * (run.end - run.start)
    return fonts


def line_glyphs(line) -> list[bool | None]:
    """For each character of a line: True where its glyph is the mark's, False where its own, else None."""
    glyphs: list[bool | None] = [None] * len(line.text)
    for at in line.mark_glyphs:
        glyphs[at] = True
    for at in line.own_glyphs:
        glyphs[at] = False
    return glyphs


SHIFT = Mechanism("gb2312", "lead", 0x31)  # the garble whose glyphs a PDF shows (the seed page's mechanism)


def shift_family() -> dict[str, str]:
    """The +0x31 garble's forms → the symbols they stand for: the mechanism's own family (GB2312's symbol
    rows, the marks repair restores; kana, Greek or box drawing are no marks of a news page)."""
    return SHIFT.family()


def judge_glyphs(pages: tuple[PdfPage, ...]) -> tuple[PdfPage, ...]:
    """*pages* with each garble form's glyph judged: the drawing of its mark, of itself, or not known.

    The garble is in the text layer only: the glyph drawn is still the mark's
    (``袁`` for ``，`` has a comma's ink box, a fifth of an ideograph's).  The
    references are measured in the file: each symbol's box where it is
    printed as itself, each form's where a font that prints its marks sets
    it.  A glyph matching one reference and not the other is judged; where the
    file never prints the mark, a glyph far from the character's own drawing
    is the mark's.
    """
    family = shift_family()
    marks: dict[str, list[tuple[float, float]]] = {}
    own: dict[str, list[tuple[float, float]]] = {}
    clean = mark_printing_fonts(pages)
    for page in pages:
        for line in page.lines:
            fonts = line_fonts(line)
            for at, w, h in line.boxes:
                ch = line.text[at]
                if ch in family and fonts[at] in clean:
                    own.setdefault(ch, []).append((w, h))
                elif ch not in family:
                    marks.setdefault(ch, []).append((w, h))
    if not marks:
        return pages
    from statistics import median  # (here: importing statistics costs a text page's start-up 3.5 ms)

    reference = {ch: (median(w for w, _ in boxes), median(h for _, h in boxes)) for ch, boxes in marks.items()}
    own_reference = {ch: (median(w for w, _ in boxes), median(h for _, h in boxes)) for ch, boxes in own.items()}

    def same(box: tuple[float, float], ref: tuple[float, float] | None) -> bool:
        return ref is not None and abs(box[0] - ref[0]) <= SAME_GLYPH and abs(box[1] - ref[1]) <= SAME_GLYPH

    def other(box: tuple[float, float], ref: tuple[float, float] | None) -> bool:
        return ref is not None and max(abs(box[0] - ref[0]), abs(box[1] - ref[1])) > OTHER_GLYPH

    out = []
    for page in pages:
        lines = []
        for line in page.lines:
            as_mark, as_own = [], []
            for at, w, h in line.boxes:
                ch = line.text[at]
                if ch not in family:
                    continue
                mark_ref, own_ref = reference.get(family[ch]), own_reference.get(ch)
                mark, itself = same((w, h), mark_ref), same((w, h), own_ref)
                if mark_ref is None:  # no mark to compare with: not the character's own drawing at all
                    mark = other((w, h), own_ref)
                if mark != itself:
                    (as_mark if mark else as_own).append(at)
            lines.append(replace(line, mark_glyphs=tuple(as_mark), own_glyphs=tuple(as_own)) if as_mark or as_own else line)
        out.append(replace(page, lines=tuple(lines)))
    return tuple(out)


def mark_printing_fonts(pages: tuple[PdfPage, ...]) -> set[str]:
    """The fonts that print some of the common marks (doctor's MARKS) as themselves: their maps are not
    shifted, so the forms they print are the ideographs they show."""
    from .doctor import MARKS

    out = set()
    for page in pages:
        for line in page.lines:
            for run in line.runs:
                if run.font not in out and any(ch in MARKS for ch in line.text[run.start:run.end]):
                    out.add(run.font)
    return out
