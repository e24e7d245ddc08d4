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


def font_evidence(doc: PdfDocument) -> FontEvidence:
    """The font states of *doc*'s text (offsets of ``doc.text``: pages joined, each ending in a line end and a form feed)."""
    from .doctor import MARKS, font_counts, garbled_fonts

    garbled = garbled_fonts(doc)
    clean = {font for font, counts in font_counts(doc).items() if font not in garbled and any(counts[m] for m in MARKS)}
    spans: list[tuple[int, int, bool]] = []
    page_start = 0
    for page in doc.pages:
        at = page_start
        for line in page.lines:
            for run in line.runs:
                if run.font in garbled or run.font in clean:
                    _add(spans, at + run.start, at + run.end, run.font in garbled)
            at += len(line.text) + 1
        page_start += len(page.text) + 2  # each page ends in a line end and a form feed
    return FontEvidence(tuple(s for s, _, _ in spans), tuple(e for _, e, _ in spans), tuple(g for _, _, g in spans))


def _add(spans: list[tuple[int, int, bool]], start: int, end: int, garbled: bool) -> None:
    """Append a span, merged with the last one when they meet (or only a line end parts them) in the same state."""
    if spans and spans[-1][2] == garbled and spans[-1][1] + 1 >= start:
        spans[-1] = (spans[-1][0], end, garbled)
    else:
        spans.append((start, end, garbled))
