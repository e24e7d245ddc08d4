"""Character folding for comparison: script variants and width variants.

The web twin and the print twin of an article are set by different systems.
One writes the traditional 屆 where the other has 届, or ASCII ``%`` where the
other has full-width ``％``.  These are the *same* text for alignment, so each
character is folded to a key: OpenCC's traditional→simplified, then NFKC when
NFKC keeps it one character.  The kind of the fold is kept so that a
difference can be reported as a ``script`` or ``width`` variant.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_KEYS: dict[str, str] = {}


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _fold_width(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


def _fold_script_many(chars: list[str]) -> list[str]:
    """One OpenCC call for many characters; newlines keep them from forming phrases."""
    converted = _t2s().convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # never seen, but a phrase rule must not shift the table
        return [_t2s().convert(ch) for ch in chars]
    return [new if len(new) == 1 else old for old, new in zip(chars, converted)]


def fold_table(text: str) -> dict[str, str]:
    """The key of every distinct character of *text* (memoised across calls)."""
    missing = [ch for ch in set(text) if ch not in _KEYS]
    cjk = [ch for ch in missing if ord(ch) >= 0x2E80]
    for ch, simplified in zip(cjk, _fold_script_many(cjk)):
        _KEYS[ch] = _fold_width(simplified)
    for ch in missing:
        if ch not in _KEYS:
            _KEYS[ch] = _fold_width(ch)
    return _KEYS


def fold(text: str) -> str:
    """*text* with every character replaced by its comparison key (same length)."""
    table = fold_table(text)
    return "".join(table[ch] for ch in text)


def variant_kind(a: str, b: str) -> str | None:
    """``script`` or ``width`` if *a* and *b* differ but fold to the same key, else ``None``."""
    if a == b:
        return None
    if _fold_width(a) == _fold_width(b):
        return "width"
    table = fold_table(a + b)
    if table[a] == table[b]:
        return "script"
    return None
