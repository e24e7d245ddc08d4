"""A self-contained HTML report of an :class:`~textfix.align.Alignment`.

The report is one file that opens offline in any browser: inline CSS, no
script, no external fonts or images.  It shows where the article sits in the
page, the two texts side by side with every difference coloured by kind, and
the substitutions that recur — the evidence a person needs to trust (or
distrust) what :func:`~textfix.align.align` found.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from .align import KINDS, Alignment, Difference

CONTEXT_LINES = 4  # page lines shown around the span in the noisy column
TOP_SUBSTITUTIONS = 30
MAX_DIFFERENCE_ROWS = 1000

# Background per kind, and what the kind means, for the legend.
COLOURS = {
    "layout": "#d9dde3",
    "variant": "#bfe0ff",
    "garble": "#ff9e9e",
    "substitution": "#ffd966",
    "insertion": "#b9eab0",
    "deletion": "#dcc6f5",
}
MEANINGS = {
    "layout": "web-only furniture (## marker, source line, byline label)",
    "variant": "same character in another script or width (屆/届, ％/%)",
    "garble": "symbol turned into an ideograph by a codec shift",
    "substitution": "other replaced text",
    "insertion": "text only the page has",
    "deletion": "text the page lacks",
}

_CSS = """
:root { --fg: #1d1d1f; --muted: #6b6f76; --line: #e3e5e8; }
* { box-sizing: border-box; }
body { margin: 0; padding: 20px 28px 40px; color: var(--fg); background: #fafafa;
       font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC",
             "Microsoft YaHei", sans-serif; }
h1 { font-size: 20px; margin: 0 0 12px; font-weight: 600; }
h2 { font-size: 16px; margin: 28px 0 8px; font-weight: 600; }
.summary { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 14px;
           background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; }
.summary dt { color: var(--muted); }
.summary dd { margin: 0; }
.name { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.chips, .legend { display: flex; flex-wrap: wrap; gap: 6px 14px; }
.chip { white-space: nowrap; }
.zero { color: var(--muted); }
.sw { display: inline-block; width: 12px; height: 12px; border-radius: 3px; vertical-align: -1px;
      margin-right: 4px; border: 1px solid rgba(0,0,0,.15); }
.legend { margin: 0 0 12px; font-size: 13px; color: var(--muted); }
.legend .item { white-space: nowrap; }
.legend strong { color: var(--fg); font-weight: 600; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.col { background: #fff; border: 1px solid var(--line); border-radius: 6px; min-width: 0; }
.col h3 { margin: 0; padding: 8px 12px; font-size: 14px; font-weight: 600; border-bottom: 1px solid var(--line);
          background: #f3f4f6; border-radius: 6px 6px 0 0; }
.col h3 small { color: var(--muted); font-weight: 400; margin-left: 6px; }
.text { max-height: 78vh; overflow: auto; padding: 6px 0; font-size: 15px; line-height: 1.75; }
.ln { display: grid; grid-template-columns: 3.6em 1fr; }
.ln > i { font-style: normal; text-align: right; padding-right: 10px; color: #a3a7ad; font-size: 11px;
          user-select: none; font-family: ui-monospace, Menlo, Consolas, monospace; line-height: 2.3; }
.ln > span { white-space: pre-wrap; overflow-wrap: anywhere; padding-right: 12px; min-height: 1.75em; }
.ln.out > span { color: #a3a7ad; }
.ln.out { background: #f7f7f8; }
.ln.blank > i, .ln.blank > span { line-height: 0.9; min-height: 0; font-size: 9px; }
.difflist { max-height: 230px; overflow: auto; display: inline-block; margin-bottom: 16px; }
.difflist thead th { position: sticky; top: 0; }
.cut { color: var(--muted); font-size: 12px; padding: 2px 12px 2px 4.2em; font-style: italic; }
.d { border-radius: 3px; padding: 1px 1px; cursor: help; }
.d.k-garble { font-weight: 700; outline: 1px solid #d33; }
.gap { display: inline-block; width: 0; height: 1.2em; vertical-align: -0.2em; cursor: help;
       border-left: 3px solid; margin: 0 1px; }
table { border-collapse: collapse; background: #fff; border: 1px solid var(--line); font-size: 13px; }
th, td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: #f3f4f6; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.ch { font-size: 16px; }
td.cp { color: var(--muted); font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
a { color: inherit; }
:target { outline: 2px solid #1a73e8; }
"""


def alignment_html(alignment: Alignment, clean_name: str = "clean", noisy_name: str = "noisy") -> str:
    """The whole report for *alignment* as one HTML document (a ``str``)."""
    a = alignment
    start, end = a.noisy_span
    noisy_lines = _line_starts(a.noisy)
    first_line = _line_of(noisy_lines, start)
    last_line = _line_of(noisy_lines, max(start, end - 1))
    lo_line = max(1, first_line - CONTEXT_LINES)
    hi_line = min(len(noisy_lines), last_line + CONTEXT_LINES)
    window = (noisy_lines[lo_line - 1], noisy_lines[hi_line] - 1 if hi_line < len(noisy_lines) else len(a.noisy))

    clean_marks = [_mark(a.clean, d.clean_offset, d.clean, d, i) for i, d in enumerate(a.differences)]
    noisy_marks = [_mark(a.noisy, d.noisy_offset, d.noisy, d, i) for i, d in enumerate(a.differences)]

    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(clean_name)} ↔ {escape(noisy_name)}</title>",
        f"<style>{_CSS}{_kind_css()}</style>",
        "</head><body>",
        f'<h1>Alignment: <span class="name">{escape(clean_name)}</span> ↔ '
        f'<span class="name">{escape(noisy_name)}</span></h1>',
        _summary(a, clean_name, noisy_name, first_line, last_line, len(noisy_lines)),
        _legend(),
        _difference_table(a, noisy_lines),
        '<div class="cols">',
        _column(
            f"{escape(clean_name)}<small>clean · {len(_line_starts(a.clean))} lines</small>",
            a.clean, clean_marks, (0, len(a.clean)), (0, len(a.clean)), "c",
        ),
        _column(
            f"{escape(noisy_name)}<small>noisy · lines {lo_line}–{hi_line} of {len(noisy_lines)}, "
            f"article span {first_line}–{last_line}</small>",
            a.noisy, noisy_marks, window, (start, end), "n",
        ),
        "</div>",
        _substitution_table(a),
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


# --- header -----------------------------------------------------------------


def _summary(a: Alignment, clean_name: str, noisy_name: str, first: int, last: int, total: int) -> str:
    counts = a.counts()
    chips = "".join(
        f'<span class="chip{"" if counts.get(k) else " zero"}"><span class="sw k-{k}"></span>'
        f"{k} {counts.get(k, 0)}</span>"
        for k in KINDS
    )
    mechanisms = ", ".join(escape(m.name) for m in a.mechanisms) or '<span class="zero">none found</span>'
    start, end = a.noisy_span
    rows = [
        ("clean", f'<span class="name">{escape(clean_name)}</span> · {len(a.clean)} characters'),
        ("noisy", f'<span class="name">{escape(noisy_name)}</span> · {len(a.noisy)} characters, {total} lines'),
        ("span", f"lines {first}–{last} of the page (characters {start}–{end})"),
        ("similarity", f"{a.similarity * 100:.2f} %"),
        ("differences", f'<span class="chips">{chips}</span>'),
        ("mechanisms", mechanisms),
    ]
    body = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<dl class="summary">{body}</dl>'


def _legend() -> str:
    items = "".join(
        f'<span class="item"><span class="sw k-{k}"></span><strong>{k}</strong> — {escape(MEANINGS[k])}</span>'
        for k in KINDS
    )
    return (
        f'<div class="legend">{items}<span class="item"><span class="gap" style="border-color:#888"></span>'
        f"marks where text exists only on the other side · hover a mark for details</span></div>"
    )


def _kind_css() -> str:
    rules = []
    for kind, colour in COLOURS.items():
        rules.append(f".k-{kind}{{background:{colour}}}")
        rules.append(f".gap.k-{kind}{{background:none;border-color:{_darker(colour)}}}")
    return "\n".join(rules)


def _darker(colour: str, factor: float = 0.6) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(v * factor) for v in (r, g, b)))


# --- text columns -------------------------------------------------------------


@dataclass(frozen=True)
class _Mark:
    """A highlighted stretch [start, end) of one text; zero width when that side has no text."""

    start: int
    end: int
    kind: str
    tooltip: str
    index: int


def _tooltip(d: Difference) -> str:
    detail = f" ({d.detail})" if d.detail else ""
    return f"{d.kind}: {d.clean or '∅'} → {d.noisy or '∅'}{detail}"


def _mark(text: str, offset: int, chars: str, d: Difference, index: int) -> _Mark:
    """Where the difference's characters sit in *text*.

    Differences carry only the non-whitespace characters they cover (a
    dropped passage may run over a line break), so the extent is found by
    walking from *offset* over the text, skipping whitespace.
    """
    wanted = [c for c in chars if not c.isspace()]
    i = offset
    while wanted and i < len(text) and text[i].isspace():
        i += 1
    start = i
    for c in wanted:
        while i < len(text) and text[i].isspace() and not c.isspace():
            i += 1
        if i >= len(text):
            break
        i += 1
    return _Mark(start, i if wanted else start, d.kind, _tooltip(d), index)


def _column(title: str, text: str, marks: list[_Mark], window: tuple[int, int], span: tuple[int, int], side: str) -> str:
    lo, hi = window
    starts = _line_starts(text)
    html = [f'<section class="col side-{side}"><h3>{title}</h3><div class="text">']
    if lo > 0:
        html.append(f'<div class="cut">… {_line_of(starts, lo) - 1} lines above not shown</div>')
    line_no = _line_of(starts, lo)
    current: list[str] = []
    in_span_line = False

    def flush() -> None:
        cls = ("ln" if in_span_line else "ln out") + ("" if current else " blank")
        html.append(f'<div class="{cls}"><i>{line_no}</i><span>{"".join(current)}</span></div>')

    line_start = lo
    in_span_line = _overlaps(line_start, _line_end(text, line_start), span)
    for piece in _pieces(text, lo, hi, marks, side):
        if piece == "\n":
            flush()
            current = []
            line_no += 1
            line_start = _next_line_start(starts, line_no)
            in_span_line = _overlaps(line_start, _line_end(text, line_start), span)
        else:
            current.append(piece)
    flush()
    if hi < len(text):
        remaining = len(starts) - line_no
        html.append(f'<div class="cut">… {remaining} lines below not shown</div>')
    html.append("</div></section>")
    return "".join(html)


def _pieces(text: str, lo: int, hi: int, marks: list[_Mark], side: str) -> Iterable[str]:
    """HTML fragments of text[lo:hi] with marks applied, and ``"\\n"`` at each line end."""
    visible = sorted((m for m in marks if lo <= m.start <= hi), key=lambda m: (m.start, m.end, m.index))
    pos = lo
    for m in visible:
        if m.start < pos:  # overlapping an earlier mark: show it as a point only
            m = _Mark(pos, pos, m.kind, m.tooltip, m.index)
        yield from _plain(text[pos : m.start])
        title = escape(m.tooltip, quote=True)
        ident = f'{side}{m.index}'
        if m.end == m.start:
            yield f'<span class="gap k-{m.kind}" id="{ident}" title="{title}"></span>'
        else:
            end = min(m.end, hi)
            lines = text[m.start : end].split("\n")
            for k, chunk in enumerate(lines):
                if k:
                    yield "\n"
                if chunk:
                    attr = f' id="{ident}"' if k == 0 else ""
                    yield f'<span class="d k-{m.kind}"{attr} title="{title}">{escape(chunk)}</span>'
            m = _Mark(m.start, end, m.kind, m.tooltip, m.index)
        pos = max(pos, m.end)
    yield from _plain(text[pos:hi])


def _plain(chunk: str) -> Iterable[str]:
    for k, line in enumerate(chunk.split("\n")):
        if k:
            yield "\n"
        if line:
            yield escape(line)


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, c in enumerate(text) if c == "\n")
    return starts


def _line_of(starts: list[int], offset: int) -> int:
    """1-based line number of *offset*."""
    return bisect_right(starts, offset)


def _next_line_start(starts: list[int], line_no: int) -> int:
    return starts[line_no - 1] if line_no - 1 < len(starts) else starts[-1]


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _overlaps(start: int, end: int, span: tuple[int, int]) -> bool:
    return start < span[1] and end > span[0] if end > start else span[0] <= start < span[1]


# --- tables ----------------------------------------------------------------------


def _codepoints(s: str) -> str:
    return " ".join(f"U+{ord(c):04X}" for c in s)


def _substitution_table(a: Alignment) -> str:
    subs = a.substitutions()
    if not subs:
        return '<h2>Most frequent substitutions</h2><p class="zero">No substitutions.</p>'
    kinds: dict[tuple[str, str], Difference] = {}
    for d in a.differences:
        kinds.setdefault((d.clean, d.noisy), d)
    rows = []
    for (clean, noisy), n in subs.most_common(TOP_SUBSTITUTIONS):
        d = kinds[(clean, noisy)]
        rows.append(
            f'<tr><td class="num">{n}</td><td class="ch">{escape(clean)}</td><td class="cp">{_codepoints(clean)}</td>'
            f'<td class="ch">{escape(noisy)}</td><td class="cp">{_codepoints(noisy)}</td>'
            f'<td><span class="sw k-{d.kind}"></span>{d.kind}</td><td>{escape(d.detail)}</td></tr>'
        )
    more = len(subs) - TOP_SUBSTITUTIONS
    tail = f'<p class="zero">… and {more} rarer pairs.</p>' if more > 0 else ""
    return (
        "<h2>Most frequent substitutions</h2><table><thead><tr><th>count</th><th>clean</th><th></th>"
        "<th>noisy</th><th></th><th>kind</th><th>detail</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
        + tail
    )


def _difference_table(a: Alignment, noisy_lines: list[int]) -> str:
    if not a.differences:
        return ""
    clean_lines = _line_starts(a.clean)
    rows = []
    for i, d in enumerate(a.differences[:MAX_DIFFERENCE_ROWS]):
        rows.append(
            f'<tr><td class="num">{i + 1}</td><td><span class="sw k-{d.kind}"></span>{d.kind}</td>'
            f'<td class="ch">{escape(d.clean) or "∅"}</td><td class="ch">{escape(d.noisy) or "∅"}</td>'
            f"<td>{escape(d.detail)}</td>"
            f'<td class="num"><a href="#c{i}">{_line_of(clean_lines, d.clean_offset)}</a></td>'
            f'<td class="num"><a href="#n{i}">{_line_of(noisy_lines, d.noisy_offset)}</a></td></tr>'
        )
    more = len(a.differences) - MAX_DIFFERENCE_ROWS
    tail = f'<p class="zero">… and {more} more.</p>' if more > 0 else ""
    return (
        '<h2>Differences <small class="zero">(line numbers jump to the spot in each column)</small></h2>'
        '<div class="difflist"><table><thead><tr><th>#</th><th>kind</th><th>clean</th><th>noisy</th>'
        "<th>detail</th><th>clean line</th><th>noisy line</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></div>"
        + tail
    )
