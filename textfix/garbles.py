"""Deciding, in context, whether a character is a garbled mark.

For each occurrence of a character that a model mechanism maps to a mark,
two readings are compared in log10 odds:

* **as printed** — the best explanation of the character as text: a
  dictionary word that covers it (医院, 遥远), the start of a person's name
  (袁明, 叶师傅), or the character as a word of its own;
* **as a mark** — how common the mark is, times the learned rate at which
  the print garbles such marks, times typographic cues: a stray space after
  the mark, a digit before ``%``, a matching partner for paired marks, the
  end of a short (paragraph-final) line, and nearby marks already found
  garbled (garbles come in font runs).  A mark that typesetting never puts
  at a line start (，。、 and closing marks) is unlikely there.

The mark wins only by a clear margin (:data:`THRESHOLD`): a wrong fix is
worse than a missed one.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from .lexicon import Lexicon, load_lexicon, symbol_logp
from .measure import display_width
from .model import NoiseModel

THRESHOLD = 1.0  # log10 odds the mark must win by: ten to one
RUN_WINDOW = 40  # characters within which garbles share a font run
NEAR_LINES = 12  # lines each side that tell the column width around a mark
LONGEST_LINE = 200  # characters: wider than any newspaper column
PAIR_WINDOW = 60

# log10 likelihood ratios of the cues, mark against text.
CUE_SPACE_BEFORE_CJK = 1.5
CUE_SPACE_BEFORE_OTHER = 0.3
CUE_DIGIT_BEFORE_PERCENT = 2.5
CUE_NO_DIGIT_BEFORE_PERCENT = -3.0
CUE_PAIRED = 1.0
CUE_UNPAIRED = -3.0
CUE_DOUBLED = 1.0
CUE_SINGLE_DOUBLE_MARK = -3.0
CUE_SHORT_LINE_END = 1.0
CUE_LINE_START = -3.0
CUE_OBSERVED = 0.5
CUE_RUN = 1.0  # per found garble nearby, up to MAX_RUN of them
MAX_RUN = 2
CUE_PARTNER_FOUND = 0.5
RUN_CEILING = CUE_RUN * MAX_RUN + CUE_PARTNER_FOUND  # the most the second pass can add
CUE_SPACE_BEFORE = -2.0
CUE_PARTICLE_AFTER = -2.0
CUE_COLON_BEFORE_QUOTE = 1.5
CUE_COLON_AFTER_SPEECH = 1.5
CUE_END_BEFORE_CLOSER = 1.0
TITLED_NAME_LOGP = -2.0  # 袁老师, 叶师傅: a surname before a form of address is a name
COMMON_SURNAME_LOGP = -3.5  # a surname this common, starting a name, makes the next character a given name

PAIRS = {"“": "”", "‘": "’", "（": "）", "《": "》", "〔": "〕", "〈": "〉", "「": "」", "『": "』",
         "〖": "〗", "【": "】", "［": "］", "｛": "｝"}
CLOSERS = {v: k for k, v in PAIRS.items()}
ASCII_FORMS = {"（": "(", "）": ")", "［": "[", "］": "]", "｛": "{", "｝": "}"}
DOUBLED = {"—", "…"}  # Chinese sets these as pairs: —— and ……
NO_LINE_START = set("，。、；：？！”’）》〕〉」』〗】％%…·")
TERMINAL = set("。！？”’）》…")
SENTENCE_END = set("。！？…")
# Bound particles attach to the word before them; a mark is almost never followed by one.
PARTICLES = set("的了着过们地得")
# Forms of address that follow a surname: 袁老师, 叶师傅, 袁先生.
TITLES = ("老师", "先生", "女士", "师傅", "大爷", "大妈", "阿姨", "教授", "医生", "主任", "书记", "同志",
          "经理", "院士", "博士", "局长", "县长", "市长", "校长")
# Verbs of saying and announcing, and interview labels: what a colon follows (他指出：…; 记者：…).
SPEECH_VERBS = ("说", "道", "指出", "表示", "认为", "提醒", "预计", "介绍", "强调", "透露", "称", "问", "答",
                "显示", "宣布", "告诉记者", "建议", "提出", "如下", "记者", "查明", "发现", "一致", "简单")
# Labels a name follows: （记者袁明）, 通讯员 叶 青.
NAME_LABELS = ("记者", "通讯员", "编辑", "摄影", "作者", "讲解员", "主持人")


@dataclass(frozen=True)
class Candidate:
    garbled: str
    symbol: str
    mechanism: str
    observed: int
    prior: float  # log10 of the mark's share times the learned garble rate
    ceiling: float = 0.0  # the mark's score with every cue in its favour (see _best_case)


@dataclass
class _Scored:
    at: int
    candidate: Candidate
    margin: float
    why: list[tuple[str, float]]  # each term of the margin, by name
    length: int = 1


def repairable(symbol: str) -> bool:
    """Marks the repair may restore: punctuation, and the per-cent sign."""
    return unicodedata.category(symbol)[0] == "P" or symbol in "％%"


_PREPARED: dict[int, tuple[NoiseModel, tuple]] = {}


def prepare(model: NoiseModel) -> None:
    """Load what deciding garbles with *model* needs now (a process about to fork workers calls it)."""
    _candidates(model)


def _candidates(model: NoiseModel) -> tuple[dict[str, Candidate], Lexicon, re.Pattern[str] | None, dict]:
    """Per garbled character, its most likely mark, and what finds them (prepared once per model object)."""
    entry = _PREPARED.get(id(model))
    if entry is None or entry[0] is not model:
        if len(_PREPARED) > 16:
            _PREPARED.clear()
        entry = _PREPARED[id(model)] = (model, _prepare(model))
    return entry[1]


def _prepare(model: NoiseModel) -> tuple[dict[str, Candidate], Lexicon, re.Pattern[str] | None, dict]:
    """Only characters whose mark could ever win, with the best cues and no word around, are kept."""
    table: dict[str, Candidate] = {}
    for garbled, options in model.garble_table().items():
        best = None
        for symbol, entry, record in options:
            if not repairable(symbol):
                continue
            prior = symbol_logp(symbol) + math.log10(record.rate * record.confidence)
            if best is None or prior > best.prior:
                best = Candidate(garbled, symbol, record.name, entry.observed, prior)
        if best is not None:
            table[garbled] = best
    lexicon = load_lexicon(frozenset(table))
    table = {g: replace(c, ceiling=_best_case(c)) for g, c in table.items()}
    table = {g: c for g, c in table.items() if c.ceiling - _as_printed_floor(c, lexicon) > THRESHOLD}
    if not table:
        return table, lexicon, None, {}
    return table, lexicon, _occurrence_pattern(table, lexicon), _partner_forms(table)


def _occurrence_pattern(table: dict[str, Candidate], lexicon: Lexicon) -> re.Pattern[str]:
    """The candidate characters; one that can win only with a space after it matches only there.

    The same test as :func:`_could_win` for a single character, made in the
    regex engine: most occurrences of such characters (业 in 行业) have no
    space after and would be dropped one by one.  Doubled marks (要要) stay,
    since one occurrence may join the next.
    """
    needs_space = {
        g for g, c in table.items()
        if c.symbol not in DOUBLED and c.ceiling - lexicon.alone_logp(g) - CUE_SPACE_BEFORE_CJK <= THRESHOLD - 1e-9
    }
    chars = lambda cs: "".join(re.escape(g) for g in sorted(cs))  # noqa: E731
    if not needs_space:
        return re.compile(f"[{chars(table)}]")
    free = set(table) - needs_space
    return re.compile(f"[{chars(table)}](?:(?<=[{chars(free)}])|(?=[ \t]))" if free else f"[{chars(table)}](?=[ \t])")


def _as_printed_floor(c: Candidate, lexicon: Lexicon) -> float:
    """The least likely the printed reading can be: one character alone (two for a doubled mark)."""
    return lexicon.alone_logp(c.garbled) * (2 if c.symbol in DOUBLED else 1)


def _best_case(c: Candidate) -> float:
    """The mark's score with every cue that can apply to it in its favour."""
    s = c.symbol
    cues = CUE_SPACE_BEFORE_CJK + CUE_RUN * MAX_RUN + CUE_PARTNER_FOUND + (CUE_OBSERVED if c.observed else 0.0)
    cues += CUE_COLON_BEFORE_QUOTE + CUE_COLON_AFTER_SPEECH if s == "：" else 0.0
    cues += CUE_END_BEFORE_CLOSER if s in SENTENCE_END else 0.0
    cues += CUE_DIGIT_BEFORE_PERCENT if s in "％%" else 0.0
    cues += CUE_PAIRED if s in PAIRS or s in CLOSERS else 0.0
    cues += CUE_DOUBLED if s in DOUBLED else 0.0
    cues += CUE_SHORT_LINE_END if s in TERMINAL else 0.0
    return c.prior + cues


def garble_changes(text: str, model: NoiseModel) -> list[tuple]:
    """(start, end, old, new, rule, confidence, why) for each garbled mark found in *text*."""
    table, lexicon, pattern, partners = _candidates(model)
    if pattern is None:
        return []
    lines = _LineIndex(text)
    scored = []
    for i, n, c in _occurrences(text, pattern, table):
        if not _could_win(text, i, n, c, lexicon):
            continue  # most occurrences: even the best case loses, so the cues need not be weighed
        cues, why = _cues(lines, i, n, c, table, partners)
        if c.prior + cues + RUN_CEILING - lexicon.alone_logp(c.garbled) * n <= THRESHOLD:
            continue  # even the least likely printed reading beats the mark: skip the dictionary
        as_text, text_why = _as_text(text, i, n, c, lexicon)
        why[:0] = [("text " + text_why, -as_text), ("mark", c.prior)]
        scored.append(_Scored(i, c, c.prior + cues - as_text, why, n))
    _add_run_cue(scored)
    return [_change(text, s, model) for s in scored if s.margin > THRESHOLD]


def _could_win(text: str, i: int, n: int, c: Candidate, lexicon: Lexicon) -> bool:
    """Whether the mark at ``text[i:i+n]`` can clear the threshold with every cue in its favour.

    The best case (:func:`_best_case`) counts a space after the mark; without
    one that cue is missing.  The check below in :func:`garble_changes` asks
    the same with the cues actually found, so this only skips occurrences it
    would skip (a hair of slack keeps rounding from ever deciding).
    """
    best = c.ceiling - lexicon.alone_logp(c.garbled) * n
    if i + n >= len(text) or text[i + n] not in " \t":
        best -= CUE_SPACE_BEFORE_CJK
    return best > THRESHOLD - 1e-9


def _occurrences(text: str, pattern: re.Pattern[str], table: dict[str, Candidate]) -> list[tuple[int, int, Candidate]]:
    """(offset, length, candidate); a doubled mark (要要 for ——) is one occurrence of length two."""
    out: list[tuple[int, int, Candidate]] = []
    for m in pattern.finditer(text):
        i, c = m.start(), table[m.group()]
        if out and c.symbol in DOUBLED and out[-1][0] + out[-1][1] == i and out[-1][2] is c and out[-1][1] == 1:
            out[-1] = (out[-1][0], 2, c)
        else:
            out.append((i, 1, c))
    return out


def _as_text(text: str, i: int, n: int, c: Candidate, lexicon: Lexicon) -> tuple[float, str]:
    """The best reading of ``text[i:i+n]`` as the characters printed."""
    alone = lexicon.alone_logp(c.garbled)
    best, why = alone * n, "single"
    joined, at = _unbroken(text, i, n)
    for k in range(at, at + n):
        word = lexicon.best_word(joined, k)
        if word and word[1] + alone * (n - 1) > best:
            best, why = word[1] + alone * (n - 1), f"word {word[0]}"
    if n == 1:
        name, name_why = _as_name(text, i, c, lexicon)
        if name > best:
            best, why = name, name_why
    return best, why


# A line break of the print with the spaces and blank lines around it.
_LINE_BREAK = re.compile(r"[ \t\u3000]*\n\s*")
WORD_REACH = 8  # characters each side of a candidate that a dictionary word can take


def _unbroken(text: str, i: int, n: int) -> tuple[str, int]:
    """The text around ``text[i:i+n]`` with the print's line breaks closed up, and where the candidate is in it.

    Lines are broken at the column, wherever a word happens to be (在轨遥|感卫星):
    read across the break, the word is seen.  Only the line break goes: spaces
    within a line are left to the cues, and names (:func:`_as_name`) are read
    on the page as printed, where a line start can be a padded name's.
    """
    lo, hi = max(0, i - 4 * WORD_REACH), i + n + 4 * WORD_REACH
    if "\n" not in text[lo:hi]:
        return text, i
    left = _LINE_BREAK.sub("", text[lo:i])[-WORD_REACH:]
    right = _LINE_BREAK.sub("", text[i + n : hi])[:WORD_REACH]
    return left + text[i : i + n] + right, len(left)


def _as_name(text: str, i: int, c: Candidate, lexicon: Lexicon) -> tuple[float, str]:
    """How likely ``text[i]`` is part of a person's name: 袁明, 叶师傅, 王尧, 记者 袁 明."""
    before = text[max(0, i - 6) : i].rstrip(" \t\u3000")
    if text[i + 1 : i + 4].startswith(TITLES) or before.endswith(NAME_LABELS):
        return TITLED_NAME_LOGP, "name in context"
    best, why = -math.inf, ""
    surname = lexicon.name_logp(c.garbled)
    if surname is not None and (_is_ideograph(text[i + 1 : i + 2] or " ") or _padded_name(text, i)):
        best, why = surname, "surname"
    prev = before[-1:]
    given = lexicon.name_logp(prev) if prev and not _is_ideograph(before[-2:-1] or " ") else None
    if given is not None and given > COMMON_SURNAME_LOGP and given > best:
        best, why = given, f"given name after {prev}"
    return best, why


def _padded_name(text: str, i: int) -> bool:
    """Print pads a two-character name with a space: "韩 鑫", "袁 明"."""
    before = text[i - 1] if i > 0 else "\n"
    return before in " \t\u3000\n" and text[i + 1 : i + 2] == " " and _is_ideograph(text[i + 2 : i + 3] or " ") and (
        text[i + 3 : i + 4] in ("", " ", "\n", "\t", "\u3000")
    )


def _cues(lines: _LineIndex, i: int, n: int, c: Candidate, table, partners) -> tuple[float, list[tuple[str, float]]]:
    """The typographic cues around ``text[i:i+n]``: their sum, and each by name."""
    why: list[tuple[str, float]] = []
    cue = why.append  # (name, value); called for every candidate, so no wrapper
    text = lines.text

    nxt = text[i + n] if i + n < len(text) else "\n"
    prev = text[i - 1] if i > 0 else "\n"
    if nxt in " \t":
        after = text[i + n : i + n + 8].lstrip(" \t")[:1]
        cue(("space after", CUE_SPACE_BEFORE_CJK if after and _is_ideograph(after) else CUE_SPACE_BEFORE_OTHER))
    solid = text[max(0, i - 4) : i].rstrip(" \t\u3000")[-1:] or "\n"  # what stands before, past spaces
    # A space after ASCII is the print's spacing around Latin runs, and a space after a mark
    # (garbled or not) is the mark's own lost width: repair removes both, so neither counts.
    if prev in " \t\u3000" and c.symbol in NO_LINE_START and not (solid.isascii() or solid in table or solid in NO_LINE_START):
        cue(("space before", CUE_SPACE_BEFORE))
    if nxt in PARTICLES and c.symbol not in PAIRS:
        cue(("particle after", CUE_PARTICLE_AFTER))
    if c.symbol == "：" and _opens(nxt, table):
        cue(("before quote", CUE_COLON_BEFORE_QUOTE))
    if c.symbol == "：" and text[max(0, i - 4) : i].endswith(SPEECH_VERBS):
        cue(("after a verb of saying", CUE_COLON_AFTER_SPEECH))
    if c.symbol in SENTENCE_END and _closes(nxt, table):
        cue(("before closing mark", CUE_END_BEFORE_CLOSER))
    if c.symbol in "％%":
        cue(("digit before", CUE_DIGIT_BEFORE_PERCENT if solid.isdigit() else CUE_NO_DIGIT_BEFORE_PERCENT))
    if c.symbol in PAIRS or c.symbol in CLOSERS:
        cue(("partner", CUE_PAIRED if _has_partner(text, i, c.symbol, partners) else CUE_UNPAIRED))
    if c.symbol in DOUBLED:
        doubled = n == 2 or prev == c.symbol or nxt == c.symbol
        cue(("doubled", CUE_DOUBLED if doubled else CUE_SINGLE_DOUBLE_MARK))
    if prev == "\n" and c.symbol in NO_LINE_START:
        cue(("line start", CUE_LINE_START))
    if c.symbol in TERMINAL and _ends_short_line(lines, i + n - 1):
        cue(("short line end", CUE_SHORT_LINE_END))
    if c.observed:
        cue(("observed", CUE_OBSERVED))
    return sum(value for _, value in why), why


def _opens(ch: str, table) -> bool:
    return ch in PAIRS or (ch in table and table[ch].symbol in PAIRS)


def _closes(ch: str, table) -> bool:
    return ch in CLOSERS or (ch in table and table[ch].symbol in CLOSERS)


def _partner_forms(table: dict[str, Candidate]) -> dict[str, re.Pattern[str]]:
    """Every way a paired mark's partner may be printed: itself, its ASCII form, garbled.

    As a character class, so a window of the page is searched in place, without slicing it out.
    """
    forms = {}
    for symbol in (*PAIRS, *CLOSERS):
        partner = PAIRS.get(symbol) or CLOSERS[symbol]
        garbled = {g for g, c in table.items() if c.symbol == partner}
        chars = {partner, ASCII_FORMS.get(partner, partner), *garbled}
        forms[symbol] = re.compile("[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]")
    return forms


def _has_partner(text: str, i: int, symbol: str, partners: dict[str, re.Pattern[str]]) -> bool:
    """A partner form within :data:`PAIR_WINDOW` characters: after an opening mark, before a closing one."""
    if symbol in PAIRS:
        return partners[symbol].search(text, i + 1, i + 1 + PAIR_WINDOW) is not None
    return partners[symbol].search(text, max(0, i - PAIR_WINDOW), i) is not None


class _LineIndex:
    """The lines around an offset, found by searching outwards from it for newlines.

    Only a few hundred marks on a page ask (those that may end a paragraph),
    so this is cheaper than listing the ~100,000 line breaks of a 5 MB page.
    Every search is bounded by :data:`LONGEST_LINE`: a page printed as one
    20 MB line must not be scanned once per mark.
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def bounds(self, i: int) -> tuple[int, int] | None:
        """Start and end of the line that holds offset *i*, or ``None`` if it is longer than any column."""
        text, reach = self.text, LONGEST_LINE + 1
        end = text.find("\n", i, i + reach)
        if end < 0:
            if i + reach < len(text):
                return None
            end = len(text)
        start = text.rfind("\n", max(0, i - reach), i) + 1
        if start == 0 and i >= reach:
            return None
        return start, end

    def start_above(self, start: int, count: int) -> int:
        """Start of the line *count* lines above the line starting at *start* (or as far as a column reaches)."""
        for _ in range(count):
            if start == 0:
                break
            start = self.text.rfind("\n", max(0, start - 1 - LONGEST_LINE), start - 1) + 1
        return start

    def end_below(self, end: int, count: int) -> int:
        """End of the line *count* lines below the line ending at *end* (or as far as a column reaches)."""
        size = len(self.text)
        for _ in range(count):
            if end >= size:
                break
            found = self.text.find("\n", end + 1, end + 2 + LONGEST_LINE)
            end = found if found >= 0 else min(size, end + 1 + LONGEST_LINE)
        return end


def _ends_short_line(lines: _LineIndex, i: int) -> bool:
    """The mark ends a line well short of the column (estimated from the lines around it)."""
    text = lines.text
    bounds = lines.bounds(i)
    if bounds is None:
        return False  # a line longer than any column is no paragraph's last line
    start, end = bounds
    if end - start > LONGEST_LINE or text[i + 1 : end].strip():
        return False
    return display_width(text[start:end].strip()) < 0.75 * _local_column(lines, start, end)


def _local_column(lines: _LineIndex, start: int, end: int) -> float:
    """Upper quartile of the widths of the lines near the line ``text[start:end]``."""
    lo = max(lines.start_above(start, NEAR_LINES), start - NEAR_LINES * LONGEST_LINE)
    hi = min(lines.end_below(end, NEAR_LINES), end + NEAR_LINES * LONGEST_LINE)
    widths = sorted(display_width(line.strip()) for line in lines.text[lo:hi].split("\n") if line.strip())
    return float(widths[(3 * len(widths)) // 4]) if widths else 0.0


def _is_ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _add_run_cue(scored: list[_Scored]) -> None:
    """Garbles come in font runs: a mark found near other found marks is likelier garbled too.

    Margins are raised from the first pass only, so the outcome does not
    depend on the order of the candidates.
    """
    winners = [s for s in scored if s.margin > THRESHOLD]
    positions = [w.at for w in winners]
    for s in scored:
        lo, hi = bisect_left(positions, s.at - RUN_WINDOW), bisect_right(positions, s.at + RUN_WINDOW)
        near = [w for w in winners[lo:hi] if w is not s]
        if near:
            bonus = CUE_RUN * min(MAX_RUN, len(near))
            s.margin += bonus
            s.why.append(("run", bonus))
        symbol = s.candidate.symbol
        if symbol in PAIRS:
            partnered = any(w.candidate.symbol == PAIRS[symbol] and w.at > s.at for w in near)
        else:
            partnered = symbol in CLOSERS and any(w.candidate.symbol == CLOSERS[symbol] and w.at < s.at for w in near)
        if partnered:
            s.margin += CUE_PARTNER_FOUND
            s.why.append(("partner found", CUE_PARTNER_FOUND))


def _change(text: str, s: _Scored, model: NoiseModel) -> tuple:
    start, end = s.at, s.at + s.length
    symbol = s.candidate.symbol * s.length
    if symbol not in PAIRS:  # the mark's lost width is a stray space after it
        while end < len(text) and text[end] in " \t\u3000":
            end += 1
    confidence = round(1.0 / (1.0 + 10 ** (-s.margin)), 4)
    why = f"margin {s.margin:+.2f}: " + ", ".join(f"{name} {value:+.2f}" for name, value in s.why)
    return (start, end, text[start:end], model.styled(symbol), f"garble:{s.candidate.mechanism}", confidence, why)
