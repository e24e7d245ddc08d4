"""What an OCR engine reads wrong: learned from twins, repaired in context with a noisy channel.

**Learning.** A clean twin and what an engine read of the same page are
aligned (:func:`textfix.align.align`, whitespace ignored, nothing of the twin
web-only); every difference is cut into one-character edits and classified
(:func:`classify`): a full-width mark read as its ASCII form (``mark-width``),
as another mark (``mark-shape``), as a letter or digit (``mark-as-letter``),
as an ideograph (``mark-as-ideograph``), an ideograph as another
(``look-alike-ideograph``), a character added (``insertion``) or dropped
(``deletion``).  Each confusion gets its probability P(read | clean) from its
count over the clean character's occurrences in the twins, smoothed towards
its class (:data:`PRIOR_WEIGHT`).  Confusions never seen are inferred from
seen ones where the class says how (:func:`_inferred`): the partner of a
bracket pair (``（→〈`` gives ``）→〉``), every full-width mark of the class
``mark-width`` once one is seen read as ASCII, the other dashes of a dash
read as ``一``.

**Look-alike ideographs** an engine reads (``平`` as ``乎``) are nearly
all seen once, so the twins cannot list them: every ideograph the trigram
model has seen between the two neighbours is a candidate, with an equal share
of the engine's learned look-alike rate, and must win by the larger
:data:`LOOKALIKE_THRESHOLD` (rule ``ocr-lookalike``).

**Repair.** Every character an engine may have read for another competes
with those others, in context, as garbles do (:mod:`textfix.garbles`):

    margin = log10 P(text with the clean character) − log10 P(text as read)
             + log10 P(read | clean) − log10 P(read | read)

under the character trigram model of real news text (:mod:`textfix.charlm`),
over the characters whose probability the change touches.  A character
changes only when the margin clears :data:`THRESHOLD` (see there where it
comes from).  A run of the same character (``一一`` for ``——``) is decided
as one.  Only models learned from OCR twins have confusions
(:attr:`textfix.model.NoiseModel.engine`): the default model has none, and
nothing changes without one.
"""

from __future__ import annotations

import math
import re
import unicodedata
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable

from .charclasses import (ASCII_CLOSERS, ASCII_FOR, ASCII_PAIRS, CLOSERS, DOUBLED, HORIZONTAL_STROKES, PAIRS, PROSE_MARKS,
                          is_ideograph)
from .cache import PerObject
from .charlm import HISTORY, CharLM, default_charlm, normalise
from .model import CONTEXT, MAX_CONTEXTS, EngineModel, Confusion, NoiseModel
from .repair import IDEOGRAPH_PAIR, IDEOGRAPH_SPACE, PAIR_REACH  # PAIR_REACH: where a bracket's partner is looked for

RULE = "ocr-confusion"
# log10 posterior odds the clean reading must win by: about thirty to one.  Fitted on the 15 train OCR pages
# (real-dev train articles; /tmp/ocr/train, /tmp/ocr/train200, /tmp/ocr3/train3), each repaired with the
# model of the others' twins: one step (0.5) above the lowest margin at which no character read right is
# changed (1.0; corpora/ocr/fit_confusions.py, whose docstring has the table's gist).
THRESHOLD = 1.5
# The same for a look-alike ideograph never seen in the twins, whose candidates come from the language model:
# fitted apart (corpora/ocr/fit_confusions.py), one step above the lowest margin at which neither the train
# OCR pages get a new error (3.0) nor 97 clean articles the model never saw (corpora/texts, 54,740
# characters) get a change (5.0: at 3.5 there were 31 with Tesseract's model).  The train pages' articles
# are in the model's training text, so their own fit alone would be too bold.
LOOKALIKE_THRESHOLD = 5.5
LOOKALIKE_RULE = "ocr-lookalike"
# How many sightings the class prior counts for against a character's own count: set by hand as a weak
# prior, as garbles.PRIOR_EVENTS (2) is — a mark seen hundreds of times and never misread keeps a small
# probability, a mark the twins never hold takes its class's.
PRIOR_WEIGHT = 2.0
# An insertion is repaired only once seen this often, as a codec mechanism is kept only once it explains
# two symbols (learn.MIN_SUPPORT): any character of a page could be an insertion seen once.
MIN_INSERTIONS = 2
RUN = 3  # a run of up to this many equal characters is decided as one (一一 for ——, ——— for a three-em dash)
_LM_REACH = HISTORY  # characters after a change whose probability it changes



def char_class(ch: str) -> str:
    """``ideograph``, ``letter`` (a letter or a digit of any script, ``〇`` too), ``mark`` or ``other``."""
    if is_ideograph(ch):
        return "ideograph"
    category = unicodedata.category(ch)
    if category in ("Nd", "Lu", "Ll", "Lo", "Lt", "Lm", "Nl", "No"):
        return "letter"
    if category[0] in "PS":
        return "mark"
    return "other"


def ascii_forms(mark: str) -> set[str]:
    """The ASCII characters an engine prints for the full-width *mark* (``）`` → ``)``)."""
    forms = {ASCII_FOR[mark]} if mark in ASCII_FOR else set()
    folded = unicodedata.normalize("NFKC", mark)
    if len(folded) == 1 and folded.isascii() and folded != mark:
        forms.add(folded)
    return forms


def classify(clean: str, read: str) -> str:
    """The class of reading *clean* as *read* (one character each, or ``""``): see :data:`~textfix.model.CONFUSION_CLASSES`."""
    if not clean:
        return "insertion"
    if not read:
        return "deletion"
    c, r = char_class(clean), char_class(read)
    if c == "mark":
        if r == "mark":
            return "mark-width" if read in ascii_forms(clean) else "mark-shape"
        if r == "ideograph":
            return "mark-as-ideograph"
        if r == "letter":
            return "mark-as-letter"
    if c == r == "ideograph":
        return "look-alike-ideograph"
    return "other"


def _partner(ch: str) -> str:
    if ch in PAIRS:
        return PAIRS[ch]
    if ch in CLOSERS:
        return CLOSERS[ch]
    if ch in ASCII_PAIRS:
        return ASCII_PAIRS[ch]
    return ASCII_CLOSERS.get(ch, "")


# --- learning ------------------------------------------------------------------------------------


def one_character_edits(clean: str, read: str) -> list[tuple[str, str, int]]:
    """A difference cut into one-character edits: (clean, read, offset of the read character in *read*)."""
    if len(clean) <= 1 and len(read) <= 1:
        return [(clean, read, 0)]
    from rapidfuzz.distance import Levenshtein

    edits = []
    for op in Levenshtein.editops(clean, read):
        if op.tag == "replace":
            edits.append((clean[op.src_pos], read[op.dest_pos], op.dest_pos))
        elif op.tag == "insert":
            edits.append(("", read[op.dest_pos], op.dest_pos))
        else:
            edits.append((clean[op.src_pos], "", op.dest_pos))
    return edits


def learn_engine(pairs: Iterable[tuple[str, str]]) -> EngineModel:
    """What the (twin, what the engine read) *pairs* teach about the engine."""
    from .align import align

    counts: Counter[tuple[str, str]] = Counter()
    contexts: dict[tuple[str, str], set[str]] = defaultdict(set)
    occurrences: Counter[str] = Counter()
    spacing: Counter[str] = Counter()
    for clean, read in pairs:
        alignment = align(clean, read, web_only=False)
        occurrences.update(ch for ch in clean if not ch.isspace())
        for d in alignment.differences:
            if d.kind == "layout":
                continue
            for c, r, at in one_character_edits(d.clean, d.noisy):
                counts[(c, r)] += 1
                offset = _offset_in(read, d.noisy_offset, at)
                contexts[(c, r)].add(read[max(0, offset - CONTEXT) : offset + 1 + CONTEXT].replace("\n", "⏎"))
        spacing["ideograph_pairs"] += len(IDEOGRAPH_PAIR.findall(read))
        spacing["spaced_as_read"] += len(IDEOGRAPH_SPACE.findall(read))
        spacing["spaced_in_twins"] += len(IDEOGRAPH_SPACE.findall(clean))
    characters = sum(occurrences.values())
    occurrences[""] = characters  # an insertion may happen at any character
    seen = [
        _confusion(c, r, n, occurrences[c], _class_rate(classify(c, r), counts, occurrences), contexts[(c, r)])
        for (c, r), n in sorted(counts.items())
    ]
    inferred = _inferred(seen, counts, occurrences)
    classes = Counter()
    for (c, r), n in counts.items():
        classes[classify(c, r)] += n
    # Spaces are no differences of the alignment: the engine's own are those between ideographs beyond the twins'.
    classes["spacing"] = max(0, spacing["spaced_as_read"] - spacing["spaced_in_twins"])
    ideographs = sum(n for ch, n in occurrences.items() if ch and is_ideograph(ch))
    return EngineModel(characters, tuple(seen + inferred), dict(sorted(classes.items())), dict(sorted(spacing.items())),
                       ideographs)


def _offset_in(text: str, start: int, skip: int) -> int:
    """The offset of the *skip*-th non-whitespace character of *text* from *start*."""
    k = start
    while k < len(text) and (skip or text[k].isspace()):
        if not text[k].isspace():
            skip -= 1
        k += 1
    return min(k, max(0, len(text) - 1))


def _class_rate(kind: str, counts: Counter[tuple[str, str]], occurrences: Counter[str]) -> float:
    """The class's confusions seen over the occurrences of the clean characters they were seen for."""
    seen = {(c, r): n for (c, r), n in counts.items() if classify(c, r) == kind}
    opportunities = sum(occurrences[c] for c in {c for c, _ in seen})
    return (sum(seen.values()) + 0.5) / (opportunities + 1.0)  # smoothed as a mechanism's rate (model.MechanismRecord)


def _probability(count: int, opportunities: int, prior: float) -> float:
    p = (count + PRIOR_WEIGHT * prior) / (opportunities + PRIOR_WEIGHT)
    return min(max(p, 1e-9), 0.999)  # in (0, 1), as a model file must have it: repair takes log p and log(1 − p)


def _confusion(c: str, r: str, n: int, opportunities: int, prior: float, contexts: set[str], source: str = "") -> Confusion:
    return Confusion(c, r, classify(c, r), n, opportunities, round(_probability(n, opportunities, prior), 6), source,
                     tuple(sorted(contexts)[:MAX_CONTEXTS]))


def _inferred(seen: list[Confusion], counts: Counter[tuple[str, str]], occurrences: Counter[str]) -> list[Confusion]:
    """Confusions never seen that follow from seen ones (see the module docstring)."""
    out: dict[tuple[str, str], Confusion] = {}

    def add(c: str, r: str, prior: float, source: Confusion) -> None:
        if c and r and c != r and (c, r) not in counts and (c, r) not in out:
            out[(c, r)] = _confusion(c, r, 0, occurrences[c], prior, set(), f"{source.clean}→{source.read}")

    for s in seen:
        if not s.clean or not s.read:
            continue
        own = (s.count + 0.5) / (s.opportunities + 1.0)
        partner_c, partner_r = _partner(s.clean), _partner(s.read)
        if partner_c and partner_r and s.kind in ("mark-width", "mark-shape"):
            add(partner_c, partner_r, own, s)
        if s.kind in ("mark-as-ideograph", "mark-as-letter", "mark-shape") and s.clean in HORIZONTAL_STROKES:
            for dash in HORIZONTAL_STROKES:
                add(dash, s.read, own, s)
    width = [s for s in seen if s.kind == "mark-width"]
    if width:
        rate = _class_rate("mark-width", counts, occurrences)
        source = max(width, key=lambda s: s.count)
        for mark in PROSE_MARKS:
            for form in sorted(ascii_forms(mark)):
                add(mark, form, rate, source)
    return sorted(out.values(), key=lambda c: (c.kind, c.clean, c.read))


# --- repair --------------------------------------------------------------------------------------


class _Table:
    """Per character read: the clean characters it may stand for, with log10 P(read | clean) − log10 P(read | read)."""

    def __init__(self, engine: EngineModel) -> None:
        misread: Counter[str] = Counter()
        for c in engine.confusions:
            if c.clean and c.read:
                misread[c.clean] += c.probability
        self.options: dict[str, list[tuple[str, float, Confusion]]] = defaultdict(list)
        for c in engine.confusions:
            if not c.read or len(c.read) != 1 or len(c.clean) > 1:
                continue  # a deletion leaves nothing to find; longer edits are not learned
            if not c.clean and c.count < MIN_INSERTIONS:
                continue  # a character added once is no habit of the engine's (every character could be one)
            # P(read | read), the character read right: 1 less its own confusions' probabilities (inferred
            # ones may sum past 1; a floor of one in a million keeps the logarithm finite)
            stays = math.log10(max(1e-6, 1.0 - misread.get(c.read, 0.0)))
            self.options[c.read].append((c.clean, math.log10(c.probability) - stays, c))
        self.pattern = re.compile("[" + re.escape("".join(sorted(self.options))) + "]") if self.options else None


_table = PerObject(_Table, most=8)  # the engine's table, built once per model


def confusion_changes(text: str, model: NoiseModel, lm: CharLM | None = None, threshold: float = THRESHOLD,
                      lookalikes: float | None = LOOKALIKE_THRESHOLD) -> list[tuple]:
    """(start, end, old, new, rule, confidence, why) for every character the context says was misread."""
    return [c[:7] for c in scored_changes(text, model, lm, threshold, lookalikes)]


def scored_changes(text: str, model: NoiseModel, lm: CharLM | None = None, threshold: float = THRESHOLD,
                   lookalikes: float | None = LOOKALIKE_THRESHOLD) -> list[tuple]:
    """As :func:`confusion_changes`, each with its margin last (what the threshold fit reads), the best
    candidate of every occurrence whatever its margin when *threshold* is ``-inf``; look-alike ideographs
    never seen in the twins by *lookalikes* (``None``: not looked for)."""
    engine = model.engine
    if engine is None or not engine.confusions:
        return []
    table = _table(engine)
    if (table.pattern is None or not table.pattern.search(text)) and not (lookalikes is not None and engine.lookalike_rate):
        return []
    lm = lm or default_charlm()
    taken: dict[int, str] = {}  # offset → the character decided there: later contexts read it
    balanced = _Balance(text)
    out: list[tuple] = []
    undecided: list[tuple] = []
    after = -1  # the end of the last run decided
    seen: dict[tuple[str, str, int, str], tuple[float, str, Confusion] | None] = {}
    for m in table.pattern.finditer(text) if table.pattern is not None else ():
        k = m.start()
        if k < after:
            continue  # inside a run already decided
        read = text[k]
        run = [k]
        for j in _non_space(text, k + 1, 1):
            if len(run) == RUN or text[j] != read:
                break
            run.append(j)
        after = run[-1] + 1
        left = "".join(normalise(taken.get(j, text[j])) for j in reversed(_first(_non_space(text, k - 1, -1), 2)))
        right = "".join(normalise(text[j]) for j in _first(_non_space(text, after, 1), _LM_REACH))
        key = (left, read, len(run), right)  # the same few characters around the same read: the same decision
        if key not in seen:
            seen[key] = _best(lm, left, normalise(read), len(run), right, table.options[read])
        best = seen[key]
        if best is None:
            continue
        margin, clean, confusion = best
        if not clean and balanced(k, read):
            continue  # a quote or bracket that closes (opens) one of the page's is no stray mark
        why = (f"{confusion.kind} {clean or '∅'}→{read}: P={confusion.probability:.3g}"
               f"{' (inferred from ' + confusion.source + ')' if confusion.source else ''}, log10 odds {margin:+.2f}")
        found = [(j, j + 1, read, clean, RULE, 0.0, why, margin) for j in run]
        if margin <= threshold:
            if clean and (clean in _OPENERS or clean in _CLOSERS):
                undecided.extend(found)  # a bracket: its pair may be decided together (_pairs_together)
            continue
        out.extend(found)
        taken.update((j, clean) for j in run)
    out = sorted(out + _pairs_together(text, undecided, out, threshold))
    out = _paired(text, out)
    if lookalikes is not None:
        out = sorted(out + _lookalikes(text, lm, engine.lookalike_rate, {c[0]: c[3] for c in out}, lookalikes))
    return [(*c[:5], round(1.0 / (1.0 + 10.0 ** -c[7]), 4), *c[6:]) for c in out]


def _lookalikes(text: str, lm: CharLM, rate: float, taken: dict[int, str], threshold: float) -> list[tuple]:
    """Ideographs read as other ideographs never seen in the twins: every ideograph the trigram model
    has seen between the two neighbours is a candidate, each with an equal share of the engine's
    look-alike rate (P(read | clean) = rate / candidates); one wins by *threshold*, in log10 odds.

    Only occurrences that could win are weighed: the reading as read must be improbable enough
    that a candidate of probability 1 would clear the margin (an exact bound, not a screen).
    """
    if rate <= 0.0:
        return []
    offsets = array("l", (m.start() for m in _NOT_SPACE.finditer(text)))
    chars = normalise("".join(text[k] for k in offsets))
    log_rate, stays = math.log10(rate), math.log10(1.0 - rate)
    out = []
    for i in range(2, len(chars) - _LM_REACH):
        x = chars[i]
        if not is_ideograph(x) or offsets[i] in taken:
            continue
        left = "".join(taken.get(offsets[j], chars[j]) for j in (i - 2, i - 1))
        left = normalise(left)
        right = chars[i + 1 : i + 1 + _LM_REACH]
        base = _logp(lm, left, x + right)
        if -base + log_rate - stays <= threshold:
            continue  # no candidate could win: even one the model is sure of
        candidates = [c for c in set(lm.followers(left[-1])) & set(lm.predecessors(right[0])) if c != x and is_ideograph(c)]
        if not candidates:
            continue
        prior = log_rate - math.log10(len(candidates)) - stays
        need = threshold - prior + base  # log10 P(window with the candidate) must exceed this
        margin, clean = max(((score - base + prior, c) for c in candidates
                             if (score := _window_above(lm, left, c, right, need)) is not None), default=(None, ""))
        if margin is not None:
            why = f"look-alike-ideograph {clean}→{x}: P={rate:.3g}/{len(candidates)} candidates, log10 odds {margin:+.2f}"
            out.append((offsets[i], offsets[i] + 1, text[offsets[i]], clean, LOOKALIKE_RULE, 0.0, why, margin))
            taken[offsets[i]] = clean
    return out


def _window_above(lm: CharLM, left: str, middle: str, right: str, need: float) -> float | None:
    """log10 P(*middle* + *right* | *left*) if above *need*, else ``None`` — stopping at the first term that
    makes it impossible (every term is a log probability: the sum only falls)."""
    text, total = left + middle + right, 0.0
    for k in range(len(left), len(text)):
        total += lm.logp(text[max(0, k - 2) : k], text[k])
        if total <= need:
            return None
    return total


_NOT_SPACE = re.compile(r"\S")


def _non_space(text: str, k: int, step: int):
    """Offsets of the characters of *text* that are not whitespace, from *k* on in the direction *step*."""
    while 0 <= k < len(text):
        if not text[k].isspace():
            yield k
        k += step


def _first(offsets, n: int) -> list[int]:
    out = []
    for k in offsets:
        if len(out) == n:
            break
        out.append(k)
    return out


class _Balance:
    """Whether a closing quote or bracket closes an opening one before it that nothing closed yet (an
    opening one, one closed after it): a stray mark does not count.  One pass per pair of marks."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[str, set[int]] = {}

    def __call__(self, at: int, mark: str) -> bool:
        if mark not in CLOSERS and mark not in PAIRS:
            return False
        if mark not in self.found:
            self.found[mark] = self._balanced(mark)
        return at in self.found[mark]

    def _balanced(self, mark: str) -> set[int]:
        closing = mark in CLOSERS
        pair = (CLOSERS[mark], mark) if closing else (mark, PAIRS[mark])
        hits = [(m.start(), m.group()) for m in re.finditer(f"[{re.escape(''.join(pair))}]", self.text)]
        if not closing:  # read backwards: a closing mark after it opens the count
            hits, pair = hits[::-1], (pair[1], pair[0])
        depth, out = 0, set()
        for at, ch in hits:
            if ch == pair[0]:
                depth += 1
            elif depth:
                depth -= 1
                out.add(at)
        return out


def _pairs_together(text: str, undecided: list[tuple], taken: list[tuple], threshold: float) -> list[tuple]:
    """Brackets whose change did not clear the margin alone, but does together with its partner's:
    a pair's halves read as another pair (``〈…〉`` for ``（…）``) are one decision, their margins summed."""
    pool = {c[0]: c for c in undecided + taken}
    done = {c[0] for c in taken}
    out = []
    for c in sorted(pool.values()):
        if not c[3] or c[3] not in _OPENERS:
            continue
        partner = _partner_at(text, c[0], forward=True)
        other = pool.get(partner)
        if other is None or other[3] != _partner(c[3]) or c[7] + other[7] <= threshold:
            continue
        joint = c[7] + other[7]
        out += [(*c[:7], joint) for c in (c, other) if c[0] not in done]
        done |= {c[0], partner}
    return out


_OPENERS = "".join(PAIRS) + "".join(ASCII_PAIRS)
_CLOSERS = "".join(CLOSERS) + "".join(ASCII_PAIRS.values())


def _paired(text: str, changes: list[tuple]) -> list[tuple]:
    """*changes* without a bracket whose partner on the same line would no longer match it.

    Brackets are decided one by one; a pair whose halves come out of different
    widths or shapes (``（GDP)``) is worse than either reading, so the change
    that makes the mismatch goes, unless its partner is changed to match.
    """
    new = {c[0]: c[3] for c in changes}
    kept = []
    for c in changes:
        ch = c[3]
        if ch and (ch in _OPENERS or ch in _CLOSERS):
            partner = _partner_at(text, c[0], forward=ch in _OPENERS)
            if partner is not None and new.get(partner, text[partner]) != _partner(ch):
                continue
        kept.append(c)
    return kept


def _partner_at(text: str, at: int, forward: bool) -> int | None:
    """The offset of the nearest bracket of the other side within reach on *at*'s line, if any."""
    step, stop = (1, _CLOSERS) if forward else (-1, _OPENERS)
    k = at + step
    for _ in range(PAIR_REACH):
        if not 0 <= k < len(text) or text[k] == "\n":
            return None
        if text[k] in stop:
            return k
        k += step
    return None


def _best(lm: CharLM, left: str, read: str, n: int, right: str, options) -> tuple[float, str, Confusion] | None:
    """The best other reading of a run of *n* characters *read* between *left* and *right* (as the
    model reads them), and its margin over the reading as read."""
    between_digits = left[-1:] == right[:1] == "0"  # the model reads digits as 0
    base = _logp(lm, left, read * n + right)
    best = None
    for clean, log_odds, confusion in options:
        if clean in DOUBLED and n % 2 and not between_digits:
            continue  # Chinese sets a dash (an ellipsis) as a pair, but for a range (2025—2035): one 一 is not half a dash
        if n > 1 and clean and clean not in DOUBLED:
            continue  # nor any other mark twice in a row (－－): a run is a pair of dashes or as read
        margin = _logp(lm, left, normalise(clean) * n + right) - base + n * log_odds
        if best is None or margin > best[0]:
            best = (margin, clean, confusion)
    return best


def _logp(lm: CharLM, left: str, rest: str) -> float:
    """log10 P(*rest* | *left*)."""
    return lm.score(left + rest, len(left), len(left) + len(rest))
