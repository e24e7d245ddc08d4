"""Codec-level explanations of garbled characters.

A garble such as ``％`` → ``豫`` is not random: both are GB2312 code points
that differ by 0x31 in the lead byte (A3A5 → D4A5).  A font run whose
punctuation was mapped through a shifted table turns every symbol of the
affected rows into an ideograph of another row.  This module tests such
hypotheses — encode the clean symbol in a legacy CJK codec, shift one byte,
decode — so that learning can keep the ones that explain the observations and
expand them to every symbol they would garble, including ones never seen.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# Codecs tried, narrowest first: when two explain the same observations, the
# first is kept, because its symbol rows are the ones a page font was built on.
CODECS = ("gb2312", "gbk", "big5", "shift_jis", "euc_kr")

# GB2312 as Python decodes it predates common usage: A1AA is U+2015 and A1A4
# is U+30FB, where every Chinese text (and GBK) has the em dash U+2014 and the
# middle dot U+00B7.  Code points are read and written through the superset.
_DECODE_AS = {"gb2312": "gbk"}

# Byte rows that hold the codec's full-width symbols (punctuation, numbered
# items, full-width ASCII).  A mechanism's family is these rows, shifted.
SYMBOL_ROWS = {
    "gb2312": range(0xA1, 0xA4),
    "gbk": range(0xA1, 0xA4),
    "big5": range(0xA1, 0xA4),
    "shift_jis": range(0x81, 0x83),
    "euc_kr": range(0xA1, 0xA4),
}
_TRAILS = {
    "gb2312": range(0xA1, 0xFF),
    "gbk": range(0xA1, 0xFF),
    "big5": list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)),
    "shift_jis": list(range(0x40, 0x7F)) + list(range(0x80, 0xFD)),
    "euc_kr": range(0xA1, 0xFF),
}


@dataclass(frozen=True, order=True)
class Mechanism:
    """Shift one byte of a two-byte code point by ``offset`` in ``codec``."""

    codec: str
    byte: str  # "lead" or "trail"
    offset: int

    @property
    def name(self) -> str:
        sign = "+" if self.offset >= 0 else "-"
        return f"{self.codec} {self.byte}-byte {sign}0x{abs(self.offset):02X}"

    def garble(self, symbol: str) -> str | None:
        """What *symbol* turns into under this mechanism, or ``None`` if it does not apply."""
        code = encode(symbol, self.codec)
        if code is None:
            return None
        lead, trail = code
        if self.byte == "lead":
            lead += self.offset
        else:
            trail += self.offset
        return decode(lead, trail, self.codec)

    def family(self) -> dict[str, str]:
        """Every symbol of the codec's symbol rows that this mechanism garbles: garbled → symbol."""
        return dict(_family(self))


@lru_cache(maxsize=None)
def _family(mechanism: Mechanism) -> tuple[tuple[str, str], ...]:
    pairs: list[tuple[str, str]] = []
    for lead in SYMBOL_ROWS[mechanism.codec]:
        for trail in _TRAILS[mechanism.codec]:
            symbol = decode(lead, trail, mechanism.codec)
            if symbol is None or not is_symbol(symbol):
                continue
            garbled = mechanism.garble(symbol)
            if garbled is not None and not is_symbol(garbled):
                pairs.append((garbled, symbol))
    return tuple(pairs)


def is_symbol(ch: str) -> bool:
    """Punctuation, symbols, numbered forms and full-width ASCII: what a symbol row holds."""
    return unicodedata.category(ch)[0] in "PSNZ" or 0xFF01 <= ord(ch) <= 0xFF5E


@lru_cache(maxsize=4096)
def encode(ch: str, codec: str) -> tuple[int, int] | None:
    """The two bytes of *ch* in *codec* (ASCII read as its full-width form), or ``None``."""
    for form in _forms(ch):
        for name in (codec, _DECODE_AS.get(codec)):
            if name is None:
                continue
            try:
                data = form.encode(name)
            except UnicodeEncodeError:
                continue
            if len(data) == 2 and _valid(data[0], data[1], codec):
                return data[0], data[1]
    return None


def _forms(ch: str) -> tuple[str, ...]:
    """A garbled ``%`` was a full-width ``％`` in the print font: try that form too."""
    if "!" <= ch <= "~":
        return ch, chr(ord(ch) + 0xFEE0)
    return (ch,)


def _valid(lead: int, trail: int, codec: str) -> bool:
    if codec == "gb2312":
        return 0xA1 <= lead <= 0xF7 and 0xA1 <= trail <= 0xFE
    return True


@lru_cache(maxsize=65536)
def decode(lead: int, trail: int, codec: str) -> str | None:
    if not (0 <= lead <= 0xFF and 0 <= trail <= 0xFF) or not _valid(lead, trail, codec):
        return None
    try:
        text = bytes((lead, trail)).decode(_DECODE_AS.get(codec, codec))
    except UnicodeDecodeError:
        return None
    return text if len(text) == 1 else None


def explain(symbol: str, garbled: str) -> list[Mechanism]:
    """Every single-byte-shift mechanism, in every codec, that turns *symbol* into *garbled*."""
    found: list[Mechanism] = []
    if len(symbol) != 1 or len(garbled) != 1 or symbol == garbled:
        return found
    for codec in CODECS:
        src, dst = encode(symbol, codec), _encode_plain(garbled, codec)
        if src is None or dst is None:
            continue
        if src[1] == dst[1] and src[0] != dst[0]:
            found.append(Mechanism(codec, "lead", dst[0] - src[0]))
        elif src[0] == dst[0] and src[1] != dst[1]:
            found.append(Mechanism(codec, "trail", dst[1] - src[1]))
    return found


def _encode_plain(ch: str, codec: str) -> tuple[int, int] | None:
    if "!" <= ch <= "~":
        return None
    return encode(ch, codec)


def supported(pairs: Iterable[tuple[str, str]], min_symbols: int = 2) -> dict[Mechanism, set[str]]:
    """Mechanisms that explain at least *min_symbols* distinct symbols of the (clean, garbled) *pairs*.

    One symbol garbled once is explained by many shifts in many codecs by
    chance; two distinct symbols sharing one shift rarely are.  Where a
    narrower codec explains the very same symbols as a wider one (gb2312 and
    gbk), only the narrower is kept: its symbol rows are the ones a page font
    was built on.  Returns each kept mechanism with the symbols it explains.
    """
    symbols: dict[Mechanism, set[str]] = {}
    for clean, garbled in pairs:
        for m in explain(clean, garbled):
            symbols.setdefault(m, set()).add(clean)
    kept: dict[tuple, Mechanism] = {}
    for m in sorted(symbols, key=lambda m: (CODECS.index(m.codec), m)):
        if len(symbols[m]) >= min_symbols:
            kept.setdefault((m.byte, m.offset, frozenset(symbols[m])), m)
    return {m: symbols[m] for m in kept.values()}
