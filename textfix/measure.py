"""Print width of text, shared by the stages that reason about line length.

A column is filled in display units: a CJK character or full-width mark is
two, an ASCII character one.  Curly quotes are set either way depending on
the font, and the spaces extraction puts around digit and Latin runs may or
may not have taken room on the printed line, so both widths are parameters.
"""

from __future__ import annotations

import re

QUOTES = "“”‘’"
_QUOTE = re.compile(f"[{QUOTES}]")


def display_width(s: str, quote: int = 2) -> int:
    """Display units of *s*: ASCII (and spaces) 1, curly quotes *quote*, everything else 2."""
    ascii_count = len(s.encode("ascii", "ignore"))  # counted in C: this runs on every line
    width = 2 * len(s) - ascii_count
    if quote != 2:
        width -= (2 - quote) * (s.count("“") + s.count("”") + s.count("‘") + s.count("’"))
    return width


def display_widths(texts: list[str], quote: int = 2, space: int = 1) -> list[int]:
    """:func:`display_width` of each of *texts*, ASCII spaces counted *space* wide, in one list pass
    (a page has ~100,000 lines)."""
    return adjust_widths(texts, [2 * len(s) - len(s.encode("ascii", "ignore")) for s in texts], quote, space)


def adjust_widths(texts: list[str], widths: list[int], quote: int = 2, space: int = 1) -> list[int]:
    """*widths* of *texts*, measured with quotes 2 and spaces 1, re-measured with *quote* and *space*."""
    less_quote, less_space = 2 - quote, 1 - space
    quotes = _QUOTE.findall  # most lines have none: a regex says so faster than four counts
    if less_space == 0:
        return widths if less_quote == 0 else [w - less_quote * len(quotes(t)) for t, w in zip(texts, widths)]
    return [w - less_quote * len(quotes(t)) - less_space * t.count(" ") for t, w in zip(texts, widths)]
