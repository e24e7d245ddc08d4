"""Words and person names for context decisions, read from jieba's dictionary.

Every garbled character is also a real one (医院, 遥远, 袁 as a surname): the
garble decision reads the printed character as part of a dictionary word or a
person's name too (:mod:`textfix.garbles`).  jieba ships a well-kept dictionary of
349,000 words with corpus counts.  Loading all of it costs about a quarter
of a second, more than repairing a page, so only what the decisions need is
extracted, with one regular-expression pass over the file: every word that
contains one of the candidate characters, and every single-character word.
"""

from __future__ import annotations

import marshal
import math
import os
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from pathlib import Path

from .cache import store, cache_dir, cached

@dataclass(eq=False)  # hashed by identity: decisions cache their readings per lexicon
class Lexicon:
    """Word counts for the words that contain given characters, and single-character counts."""

    words: dict[str, int]
    total: int
    surnames: dict[str, int] = field(default_factory=dict)  # char → count of person names it starts
    given: dict[str, int] = field(default_factory=dict)  # char → count of person names whose given name holds it
    # A name-starting character → the share of its uses in the dictionary's words that are a surname's (see
    # surname_logp): how often the character, wherever text has it (方 in 方面 too), starts a name.
    name_share: dict[str, float] = field(default_factory=dict)
    # The two given characters of three-character person names, counted together: a given name read as one (先生
    # in 丁先生, 何先生 …: 1,814 counts over 83 surnames), where the characters alone are rare ones of names.
    # By the first character, each group ({second: count}) marshalled: 44,000 pairs made into a dict cost a
    # process ~40 ms, its groups 0.4 ms (measured); a group is read when a name reading first asks for it
    # (unmarshalled in place then, by given_pair_share: the same dict whichever thread writes it).
    # Each group's values: [count, how many surnames the pair follows].
    given_pairs: dict[str, bytes | dict[str, list[int]]] = field(default_factory=dict)
    given_pair_total: int = 1  # the counts of the dictionary's three-character names
    given_pair_types: int = 1  # how many three-character names the dictionary lists
    # Words of two or more characters not yet in *words*, by a character of theirs (each word under each of
    # its characters that decisions ask about), marshalled: put in *words* when a look-up may need them.
    stored: dict[str, bytes] = field(default_factory=dict)
    heads: set[str] = field(init=False)  # the first two characters of each word of two or more in *words*

    def __post_init__(self) -> None:
        self.heads = {word[:2] for word in self.words if len(word) > 1}

    def logp(self, word: str) -> float:
        """log10 probability of *word* as a token (half a count when unseen)."""
        return math.log10(self.words.get(word, 0.5) / self.total)

    def given_logp(self, ch: str) -> float:
        """log10 P(*ch* | a character of a given name), from the dictionary's person names (half a count unseen)."""
        return math.log10(self.given.get(ch, 0.5) / self.given_total)

    def surname_share(self, ch: str) -> float:
        """P(*ch* | the first character of a person's name)."""
        return self.surnames.get(ch, 0) / self.surname_total

    def given_pair_share(self, pair: str) -> float:
        """P(*pair* | the given name of a three-character person name), from the dictionary's counts (0 unseen)."""
        return self._pair(pair)[0] / self.given_pair_total

    def given_pair_type_share(self, pair: str) -> float:
        """P(*pair* | the given name of a three-character person name) by the dictionary's names, each listed name
        once: the share of them whose given name is *pair*, that is how many surnames it follows (0 unseen).

        What a title or form of address after a surname reads by: jieba's dictionary lists 刘老师, 李老师 … (10
        surnames), most at a floor count of 2 or 3, where the corpus counts of a person's full name are its own;
        counted by names, a pair that follows many surnames (老师, 师傅, 先生) follows any."""
        return self._pair(pair)[1] / self.given_pair_types

    def _pair(self, pair: str) -> list[int]:
        """[count, surnames followed] of *pair* as a three-character name's given name ([0, 0] unseen)."""
        group = self.given_pairs.get(pair[0])
        if isinstance(group, bytes):
            group = self.given_pairs[pair[0]] = marshal.loads(group)
        return (group or {}).get(pair[1:], [0, 0])

    @cached_property
    def surname_total(self) -> int:
        return sum(self.surnames.values()) or 1

    @cached_property
    def given_total(self) -> int:
        return sum(self.given.values()) or 1

    @cached_property
    def three_character_share(self) -> float:
        """Share of the dictionary's person names (two or three characters) that have three."""
        return self.given_total / self.surname_total - 1.0

    def starts_names(self, ch: str) -> bool:
        """Whether *ch* starts any of the dictionary's person names (where :meth:`surname_logp` is not None)."""
        return bool(self.surnames.get(ch))

    def surname_logp(self, ch: str) -> float | None:
        """log10 of the share of *ch*'s uses that start a person's name, if it starts any.

        The share is read against a character model's probability of the character, which counts 文 in
        丝路文化 as much as in 文某: so it is of every use of the character in the dictionary's words
        (:attr:`name_share`, see :func:`_name_shares`), not of its count as a word alone.  A lexicon made
        without them reads the single character's count.
        """
        count = self.surnames.get(ch)
        if not count:
            return None
        share = self.name_share.get(ch)
        return math.log10(share if share is not None else min(1.0, count / self.words.get(ch, count)))

    def words_covering(self, text: str, i: int) -> list[tuple[str, int]]:
        """Each dictionary word (two or more characters) covering ``text[i]``, with where it starts.

        Every stretch of *text* covering ``text[i]`` whose first two characters
        begin a word is looked up (*text* is a short window: a few dozen look-ups
        at most, most starts ruled out by one).
        """
        if self.stored:
            self._take_near(text, i)
        words, heads = self.words, self.heads
        return [(text[start:end], start)
                for start in range(max(0, i - LONGEST_WORD + 1), i + 1) if text[start : start + 2] in heads
                for end in range(max(i + 1, start + 2), min(len(text), start + LONGEST_WORD) + 1)
                if text[start:end] in words]

    def _take_near(self, text: str, i: int) -> None:
        """Put in :attr:`words` every stored word a look-up of :meth:`words_covering` around ``text[i]`` may ask for
        (each has a character stored under within a longest word of ``text[i]``)."""
        near = text[max(0, i - LONGEST_WORD + 1) : i + LONGEST_WORD]
        if self.stored.keys().isdisjoint(near):  # most look-ups, once the page's own characters' words are in
            return
        for ch in near:
            found = self.stored.get(ch)
            if found is not None:
                found = marshal.loads(found)
                self.heads.update(word[:2] for word in found)  # the heads first: a look-up finds a word's head with it
                self.words.update(found)
                self.stored.pop(ch, None)  # after the words are in: a look-up in another thread finds them either way


class Segments:
    """jieba's whole dictionary (words of up to :data:`LONGEST_WORD` characters), for the likeliest
    segmentation of a short text: jieba's maximum-probability route over its DAG of dictionary words.

    A word reading of a printed character (出院 in 指出院) is one route through the text; where the text's
    likeliest route splits it (指出 院), the word is an unlikely reading of the text whatever its own count.
    The words are stored by their first character (*groups*: where each one's marshalled words lie, read by
    *read*) and loaded as a text first needs them: the decisions that ask are few (those a mark could win:
    none on the seed page, 2 on bench_repair's 5 MB print page; counted), and loading all 347,000 words
    costs ~0.27 s (measured).
    """

    def __init__(self, total: int, groups: dict[str, tuple[int, int]], read: Callable[[int, int], bytes]) -> None:
        self.total, self.groups, self.read = total, dict(groups), read
        # The groups read so far, each kept as it was stored (first character → {word: count}): merged into one
        # dict, the 863 groups the garbled file of bench_decisions.py reads took 0.119 s to load, the merge
        # about half of it (measured); a word is looked up in its first character's group.
        self.by_first: dict[str, dict[str, int]] = {}
        self.log_total = math.log10(total)

    def logp(self, word: str) -> float:
        """log10 probability of *word* as a token (half a count when unseen, as :meth:`Lexicon.logp`)."""
        # (word[:1]: the empty word, which off_route asks for at start == end, is unseen, not an IndexError.)
        return math.log10(self.by_first.get(word[:1], _NO_WORDS).get(word, 0.5)) - self.log_total

    def route_logp(self, text: str) -> float:
        """log10 P of the likeliest segmentation of *text* into dictionary words and single characters."""
        self._take(text)
        by_first, log_total, size = self.by_first, self.log_total, len(text)
        best = [0.0] + [-math.inf] * size
        for start in range(size):
            here = best[start]
            words = by_first.get(text[start], _NO_WORDS)  # (every word from here on starts with this character)
            best[start + 1] = max(best[start + 1], here + math.log10(words.get(text[start], 0.5)) - log_total)
            for end in range(start + 2, min(size, start + LONGEST_WORD) + 1):
                count = words.get(text[start:end])
                if count:
                    best[end] = max(best[end], here + math.log10(count) - log_total)
        return best[size]

    def off_route(self, text: str, start: int, end: int) -> float:
        """log10 of how much less likely the likeliest segmentation of *text* that has ``text[start:end]`` as a
        word is than the likeliest of all (0 where the word is on it; at most 0)."""
        self._take(text)  # (the word's own first character too: logp reads what is loaded)
        through = self.route_logp(text[:start]) + self.logp(text[start:end]) + self.route_logp(text[end:])
        # (Rounded to 1e-9: the same route summed in another order differs by ~1e-15, and is on it.)
        return min(0.0, round(through - self.route_logp(text), 9))

    def _take(self, text: str) -> None:
        """Put in :attr:`by_first` the groups of the characters of *text* (the stored words that start with one)."""
        if self.groups.keys().isdisjoint(text):
            return
        for ch in text:
            found = self.groups.get(ch)
            if found is not None:
                self.by_first[ch] = marshal.loads(self.read(*found))
                self.groups.pop(ch, None)  # after the words are in: a look-up in another thread finds them either way


_NO_WORDS: dict[str, int] = {}  # (the group of a character no word starts with)


@lru_cache(maxsize=1)
def load_segments() -> Segments:
    """jieba's dictionary by first character: the index from the disk cache, each group read from a file beside
    it as it is needed (the whole index loads in ~1 ms; the groups marshalled in one file, 6.6 MB, ~13 ms: measured).

    Working them out reads the dictionary (about 0.5 s, once); where the cache cannot be written, the
    groups are kept in memory.
    """
    source = dictionary_path()
    stat = source.stat()
    key = f"{CACHE_FORMAT}|{source}|{stat.st_size}|{stat.st_mtime_ns}"
    path = cache_dir() / f"segments-{zlib.crc32(key.encode()):08x}.groups"

    built: list[bytes] = []

    def build() -> tuple[int, dict[str, tuple[int, int]], int]:
        total, groups, data = _by_first(source.read_text(encoding="utf-8"))
        store(path, data)
        built.append(data)
        return total, groups, len(data)

    total, groups, size = cached("segment-index", key, build)
    try:
        fd = os.open(path, os.O_RDONLY)
        if os.fstat(fd).st_size == size:
            return Segments(total, groups, lambda offset, length: os.pread(fd, length, offset))
        os.close(fd)
    except OSError:
        pass
    if not built:  # the index was cached but its groups file is gone or cut short: made (and written) again
        total, groups, size = build()
    data = built[0]  # (no groups file could be written: kept in memory)
    return Segments(total, groups, lambda offset, length: data[offset : offset + length])


def _by_first(text: str) -> tuple[int, dict[str, tuple[int, int]], bytes]:
    """The dictionary's total count, and its words of up to LONGEST_WORD characters by first character, each
    group marshalled: (offset, length) of each in the bytes of all of them."""
    by_first: dict[str, dict[str, int]] = {}
    total = 0
    for word, count in re.findall(r"^(\S+) (\d+)", text, re.M):
        total += int(count)
        if len(word) <= LONGEST_WORD:
            by_first.setdefault(word[0], {})[word] = int(count)
    groups, parts, offset = {}, [], 0
    for ch, words in by_first.items():
        part = marshal.dumps(words)
        groups[ch] = (offset, len(part))
        parts.append(part)
        offset += len(part)
    return total, groups, b"".join(parts)


LONGEST_WORD = 6  # characters: 99.5% of jieba's words (99.9% of their counts) are no longer (counted)


def dictionary_path() -> Path:
    """jieba's dictionary file, found without importing jieba (whose import is slow)."""
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba is required for garble repair: pip install jieba")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


@lru_cache(maxsize=32)
def load_lexicon(chars: frozenset[str]) -> Lexicon:
    """What decisions about *chars* need, from the disk cache or extracted from jieba's dictionary.

    Extraction reads the 5 MB dictionary (about 0.3 s); a cached extract loads
    in a few milliseconds, which matters when each page is a new process.
    """
    source = dictionary_path()
    stat = source.stat()
    key = f"{CACHE_FORMAT}|{source}|{stat.st_size}|{stat.st_mtime_ns}|{''.join(sorted(chars))}"
    single, stored, total, surnames, given, name_share, given_pairs, given_pair_total, given_pair_types = cached(
        "lexicon", key, lambda: _stored(*_extract(source.read_text(encoding="utf-8"), chars), chars))
    return Lexicon(single, total, surnames, given, name_share, given_pairs, given_pair_total, given_pair_types, stored)


CACHE_FORMAT = 22  # (8-12 and 14-21 are other branches' formats or stale trials: a shared cache never mixes them)


def _stored(words: dict[str, int], total: int, surnames: dict[str, int], given: dict[str, int],
            name_share: dict[str, float], given_pairs: dict[str, bytes], given_pair_total: int, given_pair_types: int,
            chars: frozenset[str]) -> tuple[dict[str, int], dict[str, bytes], int, dict[str, int], dict[str, int],
                                             dict[str, float], dict[str, bytes], int, int]:
    """The single characters' counts, and the longer words' by each of their *chars*, marshalled.

    A process loads the single characters and, of the ~38,000 longer words, those of the characters its
    decisions read (the seed page: 6 characters, 630 words; counted): creating all of them cost ~17 ms a
    process (measured), more than half the seed page's garble decision.
    """
    single = {w: c for w, c in words.items() if len(w) == 1}
    by_char: dict[str, dict[str, int]] = {}
    for w, c in words.items():
        if len(w) > 1:
            for ch in set(w) & chars:
                by_char.setdefault(ch, {})[w] = c
    return (single, {ch: marshal.dumps(found) for ch, found in by_char.items()}, total, surnames, given, name_share,
            given_pairs, given_pair_total, given_pair_types)


def _extract(text: str, chars: frozenset[str]
             ) -> tuple[dict[str, int], int, dict[str, int], dict[str, int], dict[str, float], dict[str, bytes], int, int]:
    words = {word: int(count) for word, count in re.findall(r"^(\S) (\d+) ", text, re.M)}
    if chars:
        cls = "".join(sorted(re.escape(c) for c in chars))
        for word, count in re.findall(rf"^(\S*[{cls}]\S*) (\d+)", text, re.M):
            if len(word) <= LONGEST_WORD:
                words[word] = int(count)
    surnames: dict[str, int] = {}
    given: dict[str, int] = {}
    pairs: dict[str, dict[str, list[int]]] = {}  # first given character → {second: [count, names]}
    for name, count in re.findall(r"^(\S{2,3}) (\d+) nr$", text, re.M):
        surnames[name[0]] = surnames.get(name[0], 0) + int(count)
        for ch in name[1:]:
            given[ch] = given.get(ch, 0) + int(count)
        if len(name) == 3:
            found = pairs.setdefault(name[1], {}).setdefault(name[2], [0, 0])
            found[0] += int(count)
            found[1] += 1  # (the dictionary lists each word once: one name, one surname more)
    total = sum(int(c) for c in re.findall(r" (\d+) ", text))
    pair_total = sum(count for group in pairs.values() for count, _ in group.values()) or 1
    pair_types = sum(names for group in pairs.values() for _, names in group.values()) or 1
    return (words, total, surnames, given, _name_shares(text, surnames),
            {ch: marshal.dumps(group) for ch, group in pairs.items()}, pair_total, pair_types)


def _name_shares(text: str, surnames: dict[str, int]) -> dict[str, float]:
    """For each character that starts a name, the share of its uses in the dictionary that are a surname's.

    Its surname uses: the names it starts (王小明), and its count as a word of its own where the dictionary
    tags that a person's name (王 19,704 nr: jieba's corpus sets a surname apart from the given name); its
    uses: each word's count for each time it holds the character.  (jieba's dictionary: 文, tagged n, starts
    names 11,597 times of 175,101 uses; 袁, nr, 11,899 + 2,870 of 14,928.)
    """
    uses = dict.fromkeys(surnames, 0)
    surname_uses = dict(surnames)
    for word, count, tag in re.findall(r"^(\S+) (\d+) ?(\S*)$", text, re.M):
        for ch in word:
            if ch in uses:
                uses[ch] += int(count)
        if len(word) == 1 and tag == "nr" and word in surname_uses:
            surname_uses[word] += int(count)
    return {ch: min(1.0, surname_uses[ch] / uses[ch]) for ch in uses if uses[ch]}
