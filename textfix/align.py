"""Aligning a clean web article with the noisy print page that contains it.

The print page holds other articles, a page header and titles; its lines are
broken at the column and spaced around digits.  Alignment therefore works on
*keys*: the non-whitespace characters of each text, folded for script and
width variants (:mod:`textfix.variants`), with the web's own furniture
(markdown ``##`` markers, ``来源：`` lines, the ``记者`` label of a byline) left
out and reported as layout.  Unique character n-grams shared by both key
strings anchor the article in the page; the longest chain of anchors in order
gives the span, and the short gaps between anchors are aligned exactly.  Work
and memory grow with the length of the texts, not with their product.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from .errors import AlignmentError
from .mechanisms import Mechanism, explain, supported
from .variants import fold_table, variant_kind

KINDS = ("layout", "variant", "garble", "substitution", "insertion", "deletion")
ANCHOR = 6  # characters in an anchor n-gram: long enough to be unique in a page
MIN_COVERAGE = 0.3  # share of the article the anchors must cover to call it found
MIN_MECHANISM_SUPPORT = 2  # distinct symbols a codec shift must explain

# Web-only furniture: a markdown heading marker, a source line, a byline label.
_WEB_ONLY = (
    ("markdown", re.compile(r"^[ \t]*#{1,6}[ \t]*", re.M)),
    ("source line", re.compile(r"^[ \t]*(?:来源|來源|责任编辑|責任編輯)[:：].*$", re.M)),
    ("byline label", re.compile(r"(?<=[（(])[ \t]*记者[ \t]*(?=[^（）()\n]{1,12}[）)])")),
)


@dataclass(frozen=True)
class Difference:
    """One difference between the clean and the noisy text, with offsets into both."""

    kind: str
    clean: str
    noisy: str
    clean_offset: int
    noisy_offset: int
    detail: str = ""

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass
class Alignment:
    """The result of :func:`align`: where the article is, how the texts differ, and an offset map."""

    clean: str
    noisy: str
    noisy_span: tuple[int, int]
    similarity: float
    differences: list[Difference]
    mechanisms: list[Mechanism] = field(default_factory=list)
    # Matched character positions, increasing in both texts (equal or substituted characters).
    _clean_pos: list[int] = field(default_factory=list, repr=False)
    _noisy_pos: list[int] = field(default_factory=list, repr=False)

    def clean_to_noisy(self, offset: int) -> int:
        """The noisy offset that corresponds to clean *offset*."""
        return _map(offset, self._clean_pos, self._noisy_pos, self.noisy_span)

    def noisy_to_clean(self, offset: int) -> int:
        """The clean offset that corresponds to noisy *offset*."""
        return _map(offset, self._noisy_pos, self._clean_pos, (0, len(self.clean)))

    def counts(self) -> dict[str, int]:
        counts = Counter(d.kind for d in self.differences)
        return {kind: counts.get(kind, 0) for kind in KINDS}

    def substitutions(self) -> Counter[tuple[str, str]]:
        """(clean, noisy) pairs of every substitution-like difference, counted."""
        return Counter((d.clean, d.noisy) for d in self.differences if d.kind in ("variant", "garble", "substitution"))

    def to_dict(self) -> dict[str, object]:
        return {
            "noisy_span": list(self.noisy_span),
            "similarity": round(self.similarity, 6),
            "counts": self.counts(),
            "mechanisms": [m.name for m in self.mechanisms],
            "differences": [d.to_dict() for d in self.differences],
        }


def _map(offset: int, src: list[int], dst: list[int], bounds: tuple[int, int]) -> int:
    if not src:
        return bounds[0]
    i = bisect_left(src, offset)
    if i < len(src) and src[i] == offset:
        return dst[i]
    return dst[i] if i < len(src) else bounds[1]


@dataclass
class _Keys:
    """The comparison keys of a text and the original offset of each key."""

    keys: str
    offsets: list[int]


def _keys(text: str, skip: list[tuple[int, int]] = ()) -> _Keys:
    table = fold_table(text)
    skipped = set()
    for start, end in skip:
        skipped.update(range(start, end))
    offsets = [m.start() for m in re.finditer(r"\S", text) if m.start() not in skipped] if skipped else [
        m.start() for m in re.finditer(r"\S", text)
    ]
    return _Keys("".join(table[text[i]] for i in offsets), offsets)


def web_only_regions(clean: str) -> list[tuple[int, int, str]]:
    """Spans of the clean text that a print edition never carries, with their kind."""
    regions = []
    for detail, pattern in _WEB_ONLY:
        regions.extend((m.start(), m.end(), detail) for m in pattern.finditer(clean) if m.end() > m.start())
    return sorted(regions)


def align(clean: str, noisy: str, model: object | None = None, *, web_only: bool = True) -> Alignment:
    """Align the clean article *clean* with the page *noisy* that contains it.

    Raises :class:`~textfix.errors.AlignmentError` if the article is not in the page.
    A *model* (:class:`~textfix.model.NoiseModel`) adds its mechanisms to the
    ones found in this pair when telling garbles from other substitutions.
    *web_only* False: the clean text is the page as printed (an OCR twin), so
    nothing of it is web-only (a byline's ``记者`` is printed and read too).
    """
    regions = web_only_regions(clean) if web_only else []
    ck = _keys(clean, [(s, e) for s, e, _ in regions])
    nk = _keys(noisy)
    if not ck.keys:
        raise AlignmentError("the clean article is empty: nothing to align")
    if not nk.keys:
        raise AlignmentError("the noisy page is empty: nothing to align against")
    pairs = _matched_pairs(ck.keys, nk.keys)
    if len(pairs) < MIN_COVERAGE * len(ck.keys):
        raise AlignmentError("the clean article was not found in the noisy page")
    ops = _gap_ops(ck.keys, nk.keys, pairs)
    return _build(clean, noisy, ck, nk, ops, regions, model)


def _matched_pairs(a: str, b: str) -> list[tuple[int, int]]:
    """Positions matched through unique shared n-grams, increasing in both strings."""
    k = ANCHOR
    grams_a = _unique_grams(a, k)
    grams_b = _unique_grams(b, k)
    anchors = sorted((pb, grams_a[g]) for g, pb in grams_b.items() if g in grams_a)
    chain = _longest_increasing([(pa, pb) for pb, pa in anchors])
    pairs: list[tuple[int, int]] = []
    last_a = last_b = -1
    for pa, pb in chain:
        for j in range(k):
            if pa + j > last_a and pb + j > last_b:
                pairs.append((pa + j, pb + j))
                last_a, last_b = pa + j, pb + j
    return pairs


def _unique_grams(s: str, k: int) -> dict[str, int]:
    seen: dict[str, int] = {}
    repeated: set[str] = set()
    for i in range(len(s) - k + 1):
        g = s[i : i + k]
        if g in seen:
            repeated.add(g)
        else:
            seen[g] = i
    for g in repeated:
        del seen[g]
    return seen


def _longest_increasing(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain of (a, b) points, given in increasing b, that also increases in a."""
    tails: list[int] = []  # smallest a ending a chain of each length
    tail_idx: list[int] = []
    back: list[int] = []
    for idx, (a, _) in enumerate(points):
        pos = bisect_left(tails, a)
        if pos == len(tails):
            tails.append(a)
            tail_idx.append(idx)
        else:
            tails[pos] = a
            tail_idx[pos] = idx
        back.append(tail_idx[pos - 1] if pos else -1)
    chain = []
    idx = tail_idx[-1] if tail_idx else -1
    while idx >= 0:
        chain.append(points[idx])
        idx = back[idx]
    return chain[::-1]


# An op is (tag, a_start, a_end, b_start, b_end) over the key strings.
_Op = tuple[str, int, int, int, int]


def _gap_ops(a: str, b: str, pairs: list[tuple[int, int]]) -> list[_Op]:
    """Edit operations over the whole article: anchors are equal, the gaps between them aligned exactly."""
    ops: list[_Op] = []
    first_a, first_b = pairs[0]
    ops.extend(_edge_ops(a, b, first_a, first_b, leading=True))
    prev_a, prev_b = first_a, first_b
    run_start = (first_a, first_b)
    for pa, pb in pairs[1:]:
        if pa == prev_a + 1 and pb == prev_b + 1:
            prev_a, prev_b = pa, pb
            continue
        ops.append(("equal", run_start[0], prev_a + 1, run_start[1], prev_b + 1))
        ops.extend(_local_ops(a, b, prev_a + 1, pa, prev_b + 1, pb))
        run_start = (pa, pb)
        prev_a, prev_b = pa, pb
    ops.append(("equal", run_start[0], prev_a + 1, run_start[1], prev_b + 1))
    ops.extend(_edge_ops(a, b, prev_a + 1, prev_b + 1, leading=False))
    return ops


def _levenshtein():
    """rapidfuzz, imported on first alignment: repairing pages never needs it."""
    from rapidfuzz.distance import Levenshtein

    return Levenshtein


def _local_ops(a: str, b: str, a0: int, a1: int, b0: int, b1: int) -> list[_Op]:
    if a0 == a1 and b0 == b1:
        return []
    return [
        (op.tag, a0 + op.src_start, a0 + op.src_end, b0 + op.dest_start, b0 + op.dest_end)
        for op in _levenshtein().opcodes(a[a0:a1], b[b0:b1])
    ]


def _edge_ops(a: str, b: str, pa: int, pb: int, *, leading: bool) -> list[_Op]:
    """Align the article's head (or tail) with a window of the page, then drop page-only text outside it."""
    if leading:
        if pa == 0:
            return []
        width = pa + pa // 2 + 8
        if pa * min(pb, width) <= _EDGE_CELLS:
            steps = _free_end_steps(a[:pa][::-1], b[max(0, pb - width) : pb][::-1])
            return _merge_steps([(tag, pa - 1 - i, pb - 1 - j) for tag, i, j in reversed(steps)], reverse=True)
        ops = _local_ops(a, b, 0, pa, max(0, pb - width), pb)
        while ops and ops[0][0] == "insert":
            ops.pop(0)
    else:
        if pa == len(a):
            return []
        width = (len(a) - pa) * 3 // 2 + 8
        if (len(a) - pa) * min(len(b) - pb, width) <= _EDGE_CELLS:
            steps = _free_end_steps(a[pa:], b[pb : pb + width])
            return _merge_steps([(tag, pa + i, pb + j) for tag, i, j in steps])
        ops = _local_ops(a, b, pa, len(a), pb, min(len(b), pb + width))
        while ops and ops[-1][0] == "insert":
            ops.pop()
    return ops


_EDGE_CELLS = 40_000  # larger unanchored heads or tails fall back to a whole-window alignment


def _free_end_steps(x: str, y: str) -> list[tuple[str, int, int]]:
    """Align all of *x* (the article's edge, read away from its anchor) with a prefix of *y* (the page, same way).

    Page text beyond the chosen prefix is free: it is outside the article.
    Costs are in tenths (:func:`_substitution_cost`): a mark garbled by a
    codec shift next to the anchored text is kept as a substitution, but an
    edge the print lacks is a deletion rather than a run of substitutions with
    the neighbouring text.
    Returns (tag, i, j) steps with tag ``equal``, ``replace``, ``delete`` or ``insert``.
    """
    n, m = len(x), len(y)

    def cost(i: int, j: int) -> int:  # of pairing x[i - 1] with y[j - 1]; a garble must be in step with the anchor
        c, g = x[i - 1], y[j - 1]
        return 0 if c == g else max(_substitution_cost(c, g), 9 if i == j else 11)

    rows = [list(range(0, 10 * m + 1, 10))]
    for i in range(1, n + 1):
        xi = x[i - 1]
        subs = [0 if g == xi else _substitution_cost(xi, g) for g in y]
        subs = [11 if c == 9 and j != i else c for j, c in enumerate(subs, 1)]
        prev, row = rows[-1], [10 * i] + [0] * m
        left = row[0]
        for j in range(1, m + 1):
            left = row[j] = min(prev[j - 1] + subs[j - 1], prev[j] + 10, left + 10)
        rows.append(row)
    last = rows[n]
    # Of equal costs: an end where the article's last character is matched, then the shortest.
    j = min(range(m + 1), key=lambda k: (last[k], k == 0 or x[-1] != y[k - 1], k))
    steps: list[tuple[str, int, int]] = []
    i = n
    while i or j:
        here = rows[i][j]
        if i and j and here == rows[i - 1][j - 1] + cost(i, j):
            i, j = i - 1, j - 1
            steps.append(("equal" if x[i] == y[j] else "replace", i, j))
        elif i and here == rows[i - 1][j] + 10:
            i -= 1
            steps.append(("delete", i, j))
        else:
            j -= 1
            steps.append(("insert", i, j))
    return steps[::-1]


@lru_cache(maxsize=65536)
def _substitution_cost(c: str, n: str) -> int:
    """Tenths of an edit: a codec garble of a mark is cheaper than a deletion, a mark for a mark dearer, anything else two edits."""
    if not c.isalnum() and explain(c, n):
        return 9
    if (not c.isalnum() and not n.isalnum()) or (c.isdigit() and n.isdigit()):
        return 11
    return 20


def _merge_steps(steps: list[tuple[str, int, int]], reverse: bool = False) -> list[_Op]:
    """Per-character steps at (a, b) positions, in article order, merged into runs of ops."""
    ops: list[_Op] = []
    for tag, i, j in steps:
        a0, a1 = (i, i) if tag == "insert" else (i, i + 1)
        b0, b1 = (j, j) if tag == "delete" else (j, j + 1)
        if reverse:  # positions came from reversed strings: an insert/delete sits after the index
            if tag == "insert":
                a0 = a1 = i + 1
            elif tag == "delete":
                b0 = b1 = j + 1
        if ops and ops[-1][0] == tag and ops[-1][2] == a0 and ops[-1][4] == b0:
            ops[-1] = (tag, ops[-1][1], a1, ops[-1][3], b1)
        else:
            ops.append((tag, a0, a1, b0, b1))
    return ops


def _build(clean: str, noisy: str, ck: _Keys, nk: _Keys, ops: list[_Op], regions, model) -> Alignment:
    clean_pos: list[int] = []
    noisy_pos: list[int] = []
    raw: list[Difference] = []
    for tag, a0, a1, b0, b1 in ops:
        if tag in ("equal", "replace") and a1 - a0 == b1 - b0:
            for i, j in zip(range(a0, a1), range(b0, b1)):
                co, no = ck.offsets[i], nk.offsets[j]
                clean_pos.append(co)
                noisy_pos.append(no)
                if clean[co] != noisy[no]:
                    raw.append(_char_difference(clean[co], noisy[no], co, no))
        elif tag != "equal":
            raw.append(_block_difference(tag, clean, noisy, ck, nk, a0, a1, b0, b1))
    span = (noisy_pos[0], noisy_pos[-1] + 1)
    mechanisms = _supported_mechanisms(raw, model)
    differences = sorted([_classify(d, mechanisms) for d in raw] + _layout_differences(clean, regions, span, clean_pos, noisy_pos), key=lambda d: (d.clean_offset, d.noisy_offset))
    similarity = _similarity(ck, nk, ops)
    return Alignment(clean, noisy, span, similarity, differences, sorted(mechanisms), clean_pos, noisy_pos)


def _char_difference(c: str, n: str, co: int, no: int) -> Difference:
    kind = variant_kind(c, n)
    if kind:
        return Difference("variant", c, n, co, no, kind)
    return Difference("substitution", c, n, co, no)


def _block_difference(tag: str, clean: str, noisy: str, ck: _Keys, nk: _Keys, a0, a1, b0, b1) -> Difference:
    ctext = "".join(clean[ck.offsets[i]] for i in range(a0, a1))
    ntext = "".join(noisy[nk.offsets[j]] for j in range(b0, b1))
    co = ck.offsets[a0] if a0 < len(ck.offsets) else len(clean)
    no = nk.offsets[b0] if b0 < len(nk.offsets) else len(noisy)
    kind = {"insert": "insertion", "delete": "deletion"}.get(tag, "substitution")
    return Difference(kind, ctext, ntext, co, no)


def _supported_mechanisms(raw: list[Difference], model) -> set[Mechanism]:
    """Codec shifts that explain at least two distinct substituted symbols here, plus the model's."""
    pairs = ((d.clean, d.noisy) for d in raw if d.kind == "substitution")
    found = set(supported(pairs, MIN_MECHANISM_SUPPORT))
    if model is not None:
        found |= set(model.mechanism_objects())
    return found


def _classify(d: Difference, mechanisms: set[Mechanism]) -> Difference:
    if d.kind != "substitution":
        return d
    for m in sorted(mechanisms):
        if m.garble(d.clean) == d.noisy:
            return Difference("garble", d.clean, d.noisy, d.clean_offset, d.noisy_offset, m.name)
    return d


def _layout_differences(clean, regions, span, clean_pos, noisy_pos) -> list[Difference]:
    out = []
    for start, end, detail in regions:
        text = clean[start:end].strip()
        if text:
            at = bisect_left(clean_pos, start)
            no = noisy_pos[at] if at < len(noisy_pos) else span[1]
            out.append(Difference("layout", text, "", start, no, detail))
    return out


def _similarity(ck: _Keys, nk: _Keys, ops: list[_Op]) -> float:
    """1 − normalised edit distance between the article's keys and the aligned page span's keys."""
    edits = sum(max(a1 - a0, b1 - b0) for tag, a0, a1, b0, b1 in ops if tag != "equal")
    span_len = (ops[-1][4] - ops[0][3]) if ops else 0
    total = max(len(ck.keys), span_len, 1)
    return max(0.0, 1.0 - edits / total)
