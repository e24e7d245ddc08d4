"""Character classes: ideographs and CJK text, which symbols garble repair may restore, and how they pair.

The +0x31 mechanism shifts every symbol of GB2312 rows 1–3 (``textfix.mechanisms``);
repair restores the ones of the classes below, each decided on its own evidence.
Kana, Greek, Cyrillic, pinyin and box drawing are not in those rows; arrows,
geometric shapes and set-theory operators are, but print of news text does not
use them, so a character that would be one is left as printed.
"""

from __future__ import annotations

import re
import unicodedata

BRACKETS = "（）［］｛｝〔〕【】「」『』〈〉《》〖〗"
PAIRS = {"“": "”", "‘": "’", **{BRACKETS[k]: BRACKETS[k + 1] for k in range(0, len(BRACKETS), 2)}}
CLOSERS = {v: k for k, v in PAIRS.items()}


def _unpaired(text: str) -> tuple[bool, bool]:
    """(whether *text* closes a quote or bracket of PAIRS it did not open, whether it leaves one open)."""
    depth = dict.fromkeys(PAIRS, 0)
    closed_unopened = False
    for ch in text:
        if ch in PAIRS:
            depth[ch] += 1
        elif ch in CLOSERS:
            opener = CLOSERS[ch]
            closed_unopened = closed_unopened or depth[opener] == 0
            depth[opener] = max(0, depth[opener] - 1)
    return closed_unopened, any(depth.values())


def closes_unopened(text: str) -> bool:
    """*text* closes a quote or bracket that it did not open (``之友小组”成员国…``): it goes on with what an
    earlier line opened."""
    return _unpaired(text)[0]


# The pairs an interpunct is read inside of (the garble decision's enclosure term): a title (梦华·长城 in 《》) and
# a quote set off by “”; where an interpunct stands inside one is fitted (enclosure, data/garble_decision.json).
ENCLOSERS = {opener: PAIRS[opener] for opener in "《“"}
# pdfium's mark of a line it joined after a hyphen, a noncharacter that is never text (Unicode 15,
# §23.7; pypdfium2's get_text_range, as the typeset pages' pdfium files print it).
EXTRACTOR_HYPHEN = "\ufffe"
# What a byline at the end of an article follows (textfix.lines.BylineFinder's own class), whose
# garbled forms are taken too; not 」』, which the class takes as printed only: their forms in the
# model (夜, 一) are common characters, which would let any name in parentheses after them end an
# article.
SENTENCE_ENDS = "。！？!?”’…"
# The marks a printed sentence ends with (textfix.lines.TERMINAL_END), but the dash: 要 for — is a
# common word's last character (需要), and —— ends a sentence on its own (要要 would).  The closers'
# forms (夜, 一 and 冤 for 」』）) are common characters too, but end a sentence only after a stop.
ENDING_MARKS = "。！？…”’」』）"
INTERPUNCT = "·"
DASHES = "—－"
UNITS_AND_MATH = "℃‰±×÷～≤≥≠°′″∶≈＋＝＜＞％%§№＃＆＊／￥"
NUMBERING = (
    "".join(chr(c) for c in range(0x2460, 0x246A))  # ①–⑩
    + "".join(chr(c) for c in range(0x2474, 0x2488))  # ⑴–⒇
    + "".join(chr(c) for c in range(0x2488, 0x249C))  # ⒈–⒛
    + "".join(chr(c) for c in range(0x3220, 0x322A))  # ㈠–㈩
    + "".join(chr(c) for c in range(0x2160, 0x216C))  # Ⅰ–Ⅻ
    + "".join(chr(c) for c in range(0x2170, 0x217A))  # ⅰ–ⅹ
)
# Ordered series: a chain of them in order (①…②…③) is numbering, not three words.
SERIES = tuple(NUMBERING[a:b] for a, b in ((0, 10), (10, 30), (30, 50), (50, 60), (60, 72), (72, 82)))
REPEATED = INTERPUNCT + "—"  # marks that come in series within a phrase
ASCII_FORMS = {"（": "(", "）": ")", "［": "[", "］": "]", "｛": "{", "｝": "}"}
DOUBLED = frozenset("—…")  # Chinese sets these as pairs: —— and ……
DASH_PAIR = "——"  # the Chinese dash (破折号), two em dashes (GB/T 15834-2011)
# Quotation marks (引号, GB/T 15834-2011: “” ‘’, and the corner quotes 「」『』 of quotes set the traditional way).
OPENING_QUOTES = frozenset("“‘「『")
CLOSING_QUOTES = frozenset(PAIRS[q] for q in OPENING_QUOTES)
# What OCR engines print (textfix.confusions): ASCII forms of full-width marks beyond NFKC (which
# maps ，→, （→( ：→: …), ASCII pairs, marks of one shape (a horizontal stroke: an engine reading
# one of them as 一 reads the others so), and the full-width marks of Chinese prose with an ASCII
# form an engine may print instead (NFKC or ASCII_FOR).
ASCII_FOR = {"“": '"', "”": '"', "‘": "'", "’": "'", "。": ".", "、": ",", "—": "-", "·": ".", "《": "<", "》": ">"}
ASCII_PAIRS = {"(": ")", "[": "]", "{": "}", "<": ">"}
ASCII_CLOSERS = {v: k for k, v in ASCII_PAIRS.items()}
HORIZONTAL_STROKES = "—－―–"
PROSE_MARKS = "，。、：；？！（）《》“”‘’—［］·"
PROSE_MARK_SET = frozenset(PROSE_MARKS)
# Marks no heading ends on: of the 2,485 gold headings of 107 typeset train batches none ends on 。 or ；
# (corpora/typeset/README.md, "The twentieth session: headings where the order is right"); ；'s ASCII form with it.
HEADING_NEVER_ENDS = frozenset("。；;")
# The marks the project's garbled sentence corpus (corpora/repair/garbled.json) is scored on: a case's mark
# missed, or one made where it has none (tests/test_repair.py, bench/garbled_cases.py).
CORPUS_MARKS = frozenset("，。、；：？！“”‘’（）《》%％…—·")


def symbol_class(ch: str) -> str | None:
    """The repair class of *ch*, or ``None`` if garble repair never restores it."""
    if ch in PAIRS or ch in CLOSERS:
        return "punctuation" if ch in "“”‘’" else "brackets"
    if ch == INTERPUNCT:
        return "interpunct"
    if ch in DASHES:
        return "dashes"
    if ch in UNITS_AND_MATH:
        return "units and math"
    if ch in NUMBERING:
        return "numbering"
    if ch in "…" or (unicodedata.category(ch)[0] == "P" and ch not in "＂＇＼＿｀￣〃"):
        return "punctuation"
    return None


def series_rank(ch: str) -> tuple[int, int] | None:
    """(which series, place in it) for a numbering symbol: ② is (0, 1)."""
    for k, series in enumerate(SERIES):
        at = series.find(ch)
        if at >= 0:
            return k, at
    return None


def partners_of(ch: str) -> tuple[str, str]:
    """What stands before *ch* and what after it, as its partners: ``("", "）")`` for ``（``, ``("①", "③")`` for ``②``.

    An interpunct or a dash is its own partner: 威廉·卡博戈·基塔乌, 科技—产业—金融.
    """
    if ch in PAIRS:
        return "", PAIRS[ch]
    if ch in CLOSERS:
        return CLOSERS[ch], ""
    if ch in REPEATED:
        return ch, ch
    rank = series_rank(ch)
    if rank is None:
        return "", ""
    series, at = SERIES[rank[0]], rank[1]
    return series[at - 1 : at] if at else "", series[at + 1 : at + 2]


def leaves_open(text: str) -> bool:
    """Whether *text* opens a bracket or quote it does not close (``【“乡村行”湖区渔业见``)."""
    depth = 0
    for ch in text:
        if ch in PAIRS:
            depth += 1
        elif ch in CLOSERS and depth:
            depth -= 1
    return depth > 0


# CJK ideographs (Extension A and the Unified block; the compatibility ideographs), as code-point ranges
IDEOGRAPH_RANGES = ((0x3400, 0x9FFF), (0xF900, 0xFAFF))
# and as regular-expression class bodies (these too):
IDEOGRAPH = "".join(rf"\u{lo:04x}-\u{hi:04x}" for lo, hi in IDEOGRAPH_RANGES)
# ...with CJK and full-width punctuation, and the curly quotes and dashes Chinese typesetting
# uses: what a space next to a Latin run leans on.
CJK = r"\u2e80-\u2fff\u3001-\u303f\u3040-\u9fff\uf900-\ufaff\uff01-\uff60\u2014\u2018\u2019\u201c\u201d\u2026"
# Full-width marks (CJK punctuation, full-width ASCII punctuation, curly quotes, dashes, ellipsis).
FULLWIDTH_MARK = r"\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2018\u2019\u201c\u201d\u2026"


(_MAIN_LO, _MAIN_HI), (_COMPAT_LO, _COMPAT_HI) = ((chr(lo), chr(hi)) for lo, hi in IDEOGRAPH_RANGES)


def is_ideograph(ch: str, _lo: str = _MAIN_LO, _hi: str = _MAIN_HI, _clo: str = _COMPAT_LO, _chi: str = _COMPAT_HI) -> bool:
    # The bounds as default arguments, read as locals: a hot test (measured: 1.6× the speed of
    # subscripting module globals, 1.3× that of string literals).
    return _lo <= ch <= _hi or _clo <= ch <= _chi


# Kinsoku: marks that close something, and the percent sign, never open a line (textfix.paragraphs joins
# such a line to the one before).
NO_LINE_START = frozenset("，。、；：？！）》」』”’%％,.;:?!)")
# ...but a dot before another dot or a Latin letter is no full stop: an ellipsis typed as dots (GB/T 15834-2011
# counts the ellipsis among the markers, 标号, not the stops, 点号, that never open a line) or a name's (.dsc,
# .NET); a dot before a digit (.5%) still is the rest of a number cut off.  Real-dev train has no paragraph that
# opens with a NO_LINE_START mark and no typeset train page a line that opens with a dot: only other text reads
# otherwise (bench/other_sources.py: 7 paragraphs joined to the one before, in two of its sources).
_NOT_A_FULL_STOP = re.compile(r"\.[.A-Za-z]")


def opens_with_a_closing_mark(text: str) -> bool:
    """Whether *text* opens with a mark no line opens with (kinsoku), and so continues the line before."""
    return text[:1] in NO_LINE_START and not _NOT_A_FULL_STOP.match(text)
