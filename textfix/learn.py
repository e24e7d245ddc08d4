"""Learning the noise model from clean↔noisy pairs.

Each pair is aligned (:mod:`textfix.align`); the differences are counted and
classified.  Substitutions are then tested against codec mechanisms
(:mod:`textfix.mechanisms`): a mechanism is kept when it explains at least two
distinct observed symbols and is contradicted by fewer sightings than support
it.  A kept mechanism is expanded to its whole family, so that the model can
repair symbols that were never seen garbled in training.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .align import Alignment, Difference, align
from .confusions import learn_engine
from .io import read_text
from .mechanisms import Mechanism, supported
from .model import CONTEXT, MAX_CONTEXTS, FamilyEntry, MechanismRecord, NoiseModel, Substitution

MIN_SUPPORT = 2  # distinct symbols a mechanism must explain


@dataclass(frozen=True)
class Pair:
    """A clean article and the noisy page that contains it."""

    clean: str
    noisy: str
    name: str = ""

    @classmethod
    def from_files(cls, clean_path: str | os.PathLike[str], noisy_path: str | os.PathLike[str]) -> Pair:
        clean_name, noisy_name = os.path.basename(clean_path), os.path.basename(noisy_path)
        return cls(read_text(clean_path), read_text(noisy_path), f"{clean_name}|{noisy_name}")


def learn(pairs: Iterable[Pair | tuple[str, str]]) -> NoiseModel:
    """Learn a :class:`NoiseModel` from clean↔noisy pairs; evidence of all pairs is merged."""
    alignments: list[Alignment] = []
    sources = []
    pair_texts: list[tuple[str, str]] = []
    for pair in pairs:
        pair = pair if isinstance(pair, Pair) else Pair(*pair)
        pair_texts.append((pair.clean, pair.noisy))
        alignments.append(align(pair.clean, pair.noisy))
        sources.append(_source(pair))
    observations = [d for a in alignments for d in a.differences]
    records = _mechanisms(observations, [a.clean for a in alignments])
    substitutions = _substitutions(alignments, records)
    style = _style(a.clean for a in alignments)
    # A twin whose print shows no codec shift is a page an engine read (OCR): what it got wrong is learned as
    # the engine's confusions.  A garbled print's model (the default, from the seed pair) has none.
    engine = learn_engine(pair_texts) if not records and pair_texts else None
    return NoiseModel(tuple(substitutions), tuple(records), style, tuple(sources), engine)


def _source(pair: Pair) -> dict[str, str]:
    digest = hashlib.sha256((pair.clean + "\0" + pair.noisy).encode("utf-8")).hexdigest()
    return {"name": pair.name or digest[:12], "sha256": digest}


def _is_symbol_substitution(d: Difference) -> bool:
    return d.kind in ("garble", "substitution") and len(d.clean) == 1 and len(d.noisy) == 1


def _mechanisms(observations: list[Difference], cleans: list[str]) -> list[MechanismRecord]:
    """Mechanisms explaining ≥ MIN_SUPPORT distinct symbols, with support and contradictions counted."""
    sightings = Counter((d.clean, d.noisy) for d in observations if _is_symbol_substitution(d))
    symbols = supported(sightings, MIN_SUPPORT)
    records = []
    for m in sorted(symbols):
        support = sum(n for (c, g), n in sightings.items() if m.garble(c) == g)
        against = sum(n for (c, g), n in sightings.items() if m.garble(c) not in (None, g) and c in symbols[m] | _family_symbols(m))
        if against >= support:
            continue
        records.append(MechanismRecord(
            m.codec, m.byte, m.offset, support, tuple(sorted(symbols[m])), against,
            round((support + 1) / (support + against + 2), 4), _family(m, sightings),
            sum(_opportunities(m, text) for text in cleans),
        ))
    return records


def _opportunities(m: Mechanism, clean: str) -> int:
    """How many symbols of the clean text the mechanism could have garbled: the garble rate's denominator."""
    symbols = {s for s in _family_symbols(m) if unicodedata.category(s)[0] in "PS"}
    return sum(1 for ch in clean if ch in symbols or ("!" <= ch <= "~" and chr(ord(ch) + 0xFEE0) in symbols))


def _family_symbols(m: Mechanism) -> set[str]:
    return set(m.family().values())


def _family(m: Mechanism, sightings: Counter[tuple[str, str]]) -> tuple[FamilyEntry, ...]:
    seen: Counter[str] = Counter()
    for (c, g), n in sightings.items():
        if m.garble(c) == g:
            seen[g] += n
    return tuple(FamilyEntry(g, s, seen[g]) for g, s in sorted(m.family().items(), key=lambda gs: gs[1]))


def _substitutions(alignments: list[Alignment], records: list[MechanismRecord]) -> list[Substitution]:
    mechanisms = [r.mechanism for r in records]
    counts: Counter[tuple[str, str, str, str | None]] = Counter()
    contexts: dict[tuple, set[str]] = defaultdict(set)
    for a in alignments:
        for d in a.differences:
            kind, name = _kind(d, mechanisms)
            key = (d.noisy, d.clean, kind, name)
            counts[key] += 1
            contexts[key].add(_context(a.noisy, d.noisy_offset, len(d.noisy)))
    return [
        Substitution(noisy, clean, kind, n, name, tuple(sorted(contexts[(noisy, clean, kind, name)])[:MAX_CONTEXTS]))
        for (noisy, clean, kind, name), n in sorted(counts.items(), key=lambda kv: (kv[0][2], kv[0][1], kv[0][0]))
    ]


def _kind(d: Difference, mechanisms: list[Mechanism]) -> tuple[str, str | None]:
    if d.kind == "variant":
        return f"{d.detail}-variant", None
    if d.kind == "layout":
        return ("editorial" if d.detail == "byline label" else "layout"), d.detail or None
    for m in mechanisms:
        if m.garble(d.clean) == d.noisy:
            return "garble", m.name
    return "substitution", None


def _context(text: str, offset: int, length: int) -> str:
    return text[max(0, offset - CONTEXT) : offset + length + CONTEXT].replace("\n", "⏎")


def _style(cleans: Iterable[str]) -> dict[str, str]:
    """Marks the clean twins write in ASCII rather than full width (the seed twin writes ``98%``).

    Only marks used as prose punctuation count — after a CJK character or a
    digit and not followed by a letter or digit — so that decimals (13.8) and
    markdown (##) say nothing about style.
    """
    counts: Counter[str] = Counter()
    for text in cleans:
        counts.update(m.group(1) for m in _PROSE_MARK.finditer(text))
    style = {}
    for ch in sorted(counts):
        if "!" <= ch <= "~":
            full = chr(ord(ch) + 0xFEE0)
            if counts[ch] > counts[full]:
                style[full] = ch
    return style


# A mark (ASCII or full width) after a CJK character or digit, not followed by a letter or digit.
_PROSE_MARK = re.compile(r"(?<=[0-9\u2e80-\u9fff])([!-/:-@\[-`{-~\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff5e])(?![0-9A-Za-z])")
