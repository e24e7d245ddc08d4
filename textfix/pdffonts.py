"""Font evidence for garbles: which text a PDF sets in a font whose marks are garbled.

The +0x31 garble is a defect of one font's ToUnicode map: every mark that
font sets comes out as its garbled form (，→袁 。→遥), and no other font's
does.  So the font a character is set in is evidence of its run's state
(the issue's "font evidence" bullet):

* a font that prints a mark of :data:`textfix.doctor.MARKS` as itself
  (，。、：…) is **clean**: a shifted map shifts every mark of rows 1–9;
* a font that prints none of them but prints their garbled forms
  (:data:`textfix.doctor.FORMS`) is **garbled** (on a page, a font that sets
  a bold lead sentence may print only two or three: the doctor's file-wide
  verdict, :func:`textfix.doctor.diagnose_pdf`, wants more, and the repair's
  language model still decides each mark here);
* any other font (titles without marks, Latin) says nothing.

:func:`font_states` gives the verdicts, :func:`garbled_spans` the text set
in garbled fonts, as offsets.  :func:`apply_font_evidence` takes them into
a page's character repair, around the garble decision of
:mod:`textfix.garbles` (which has no place for a per-character prior yet):
a garble fix of a character set in a clean font is dropped (that font
prints its marks: the character is what it says), and each run of text set
in a garbled font is decided again on its own, so that the marks printed
around it in clean fonts do not count against its run (the decision's run
term, :class:`textfix.garbles.FontRuns`, reads them as evidence of a clean
run); what it fixes there that the page's decision did not is added.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .doctor import FORMS, MARKS

CLEAN, GARBLED = "clean", "garbled"


@dataclass(frozen=True)
class FontSpan:
    """Characters ``start:end`` of a page's text set in one font, and that font's state."""

    start: int
    end: int
    font: str
    state: str  # CLEAN, GARBLED or "" (the font says nothing)


def font_states(chars_by_font: dict[str, Counter]) -> dict[str, str]:
    """Each font's state from the characters it sets (font → Counter of characters)."""
    states = {}
    for font, counts in chars_by_font.items():
        if any(counts[m] for m in MARKS):
            states[font] = CLEAN
        elif any(counts[f] for f in FORMS):
            states[font] = GARBLED
        else:
            states[font] = ""
    return states


def font_counts(text: str, fonts: list[str], into: dict[str, Counter] | None = None) -> dict[str, Counter]:
    """The characters each font sets in *text* (*fonts*: each character's font), added to *into*."""
    counts = into if into is not None else {}
    for ch, font in zip(text, fonts):
        if font:
            counts.setdefault(font, Counter())[ch] += 1
    return counts


def document_font_states(doc) -> dict[str, str]:
    """Each font's state over a whole :class:`~textfix.pdf.PdfDocument` (a font sets text on many pages:
    what it prints on all of them is the evidence)."""
    counts: dict[str, Counter] = {}
    for page in doc.pages:
        for line in page.lines:
            for run in line.runs:
                counts.setdefault(run.font, Counter()).update(line.text[run.start:run.end])
    return font_states(counts)


def spans(fonts: list[str], states: dict[str, str]) -> list[FontSpan]:
    """Maximal runs of characters in one font (*fonts*: the font of each character, "" for none)."""
    out: list[FontSpan] = []
    start = 0
    for i in range(1, len(fonts) + 1):
        if i == len(fonts) or fonts[i] != fonts[start]:
            if fonts[start]:
                out.append(FontSpan(start, i, fonts[start], states.get(fonts[start], "")))
            start = i
    return out


def garbled_spans(fonts: list[str], states: dict[str, str]) -> list[FontSpan]:
    return [s for s in spans(fonts, states) if s.state == GARBLED]


def apply_font_evidence(text: str, fonts: list[str], repaired, model, states: dict[str, str] | None = None):
    """*repaired* (a character repair of *text*, lines kept) with the fonts' evidence taken in (see the module).

    *states*: the fonts' states, when known over more than this text (a
    document's, :func:`document_font_states`); else measured on *text*.
    """
    from .garbles import garble_changes
    from .repair import Change, Repaired, apply_changes

    if states is None:
        states = font_states(font_counts(text, fonts))
    if not any(s == GARBLED for s in states.values()) and not any(c.rule.startswith("garble") for c in repaired.changes):
        return repaired
    kept = [
        c for c in repaired.changes
        if not (c.rule.startswith("garble") and c.start < len(fonts) and states.get(fonts[c.start]) == CLEAN)
    ]
    taken = [(c.start, c.end) for c in kept]
    added = []
    for span in garbled_spans(fonts, states):
        for g in garble_changes(text[span.start:span.end], model):
            change = Change(g[0] + span.start, g[1] + span.start, *g[2:])
            if not any(change.start < hi and lo < change.end for lo, hi in taken):
                added.append(Change(change.start, change.end, change.old, change.new, change.rule, change.confidence,
                                    change.why + "; set in a garbled font"))
                taken.append((change.start, change.end))
    if len(kept) == len(repaired.changes) and not added:
        return repaired
    changes = sorted(kept + added, key=lambda c: (c.start, c.end))
    return Repaired(apply_changes(text, changes), changes, repaired.layout)
