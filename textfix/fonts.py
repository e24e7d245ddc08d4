"""Font evidence for garble repair: which characters of a PDF's text are set in a font that garbles.

The +0x31 garble is a defect of one font's ToUnicode map: every mark that
font sets comes out as its garbled form, and no other font's do.  A PDF
says which font each character is set in (:mod:`textfix.pdf`), and
:func:`textfix.doctor.garbled_fonts` which fonts garble (no mark printed,
enough garbled forms, standing where marks belong).  A font that prints
marks (，。…) as themselves does not garble.  :class:`FontEvidence` holds
those states by offset of :attr:`textfix.pdf.PdfDocument.text`; its
:meth:`~FontEvidence.state` is what :func:`textfix.repair` takes as
``fonts``.  A font neither garbled nor printing marks (a title's, a
short subhead's) stays unknown: the run model decides there.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pdf import PdfDocument


@dataclass(frozen=True)
class FontEvidence:
    """Spans ``[starts[k], ends[k])`` of a text set in a garbled font (``garbled[k]``) or a clean one; sorted, disjoint."""

    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()
    garbled: tuple[bool, ...] = ()

    def state(self, offset: int) -> bool | None:
        """Whether the character at *offset* is set in a garbled font: True, False, or None (not known)."""
        k = bisect_right(self.starts, offset) - 1
        if k >= 0 and offset < self.ends[k]:
            return self.garbled[k]
        return None


    @classmethod
    def of_characters(cls, fonts: Sequence[str], garbled: set[str], clean: set[str]) -> FontEvidence:
        """The states of a text whose *k*-th character is set in ``fonts[k]`` ("" for none)."""
        spans: list[list] = []
        for at, font in enumerate(fonts):
            state = True if font in garbled else False if font in clean else None
            if state is None:
                continue
            if spans and spans[-1][2] == state and spans[-1][1] == at:
                spans[-1][1] = at + 1
            else:
                spans.append([at, at + 1, state])
        return cls(tuple(a for a, _, _ in spans), tuple(b for _, b, _ in spans), tuple(g for _, _, g in spans))


def font_states(doc: PdfDocument) -> tuple[set[str], set[str]]:
    """(garbled fonts, clean fonts) of *doc*, each judged on what it prints over the whole file."""
    from .doctor import MARKS, font_counts, garbled_fonts

    garbled = garbled_fonts(doc)
    clean = {font for font, counts in font_counts(doc).items() if font not in garbled and any(counts[m] for m in MARKS)}
    return garbled, clean


def font_evidence(doc: PdfDocument) -> FontEvidence:
    """The font states of *doc*'s text (offsets of ``doc.text``: pages joined, each ending in a line end and a form feed)."""
    fonts: list[str] = []
    for page in doc.pages:
        for line in page.lines:
            at = [""] * len(line.text)
            for run in line.runs:
                at[run.start:run.end] = [run.font] * (run.end - run.start)
            fonts += at + [""]
        if not page.lines:
            fonts.append("")  # an empty page's line end
        fonts.append("")  # the form feed
    return FontEvidence.of_characters(fonts, *font_states(doc))
