"""Regular expressions whose compiled programs are kept between processes.

Python's ``re`` compiles a character class with a CJK range by filling a
65,536-entry table in Python, range by range: about 1 ms a class.  Repairing
the seed page compiled 60 of textfix's patterns, 36 ms of a 166 ms process
(measured).  The program the compiler makes for a
pattern (``re._compiler``'s code list, its groups) is the same on the same
Python, so :func:`compile` keeps it in the user's cache (keyed by Python's
version and the regex engine's ``MAGIC``) and hands it to the engine
(``_sre.compile``, which validates it) in later processes: the very pattern
``re.compile`` returns (they compare equal), without the table filling.
Anything unexpected (another Python's internals, a damaged cache) falls back to
``re.compile``.
"""

from __future__ import annotations

import atexit
import marshal
import re
import sys
import zlib

from .cache import store, cache_dir

FORMAT = 2
_programs: dict[tuple[str, int], bytes] | None = None
_version = ""
_new = False  # whether this process compiled a program the cache does not hold
_used: set[tuple[str, int]] = set()  # the patterns this process compiled
_kept_own: set[tuple[str, int]] = set()  # the long patterns whose program was read from its own file


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, its program read from the cache where an earlier process kept it."""
    global _new
    flags = int(flags)
    programs = _load()
    _used.add((pattern, flags))
    found = programs.get((pattern, flags))
    if found is None:
        found = _load_own(pattern, flags)
    if found is not None:
        try:
            import _sre

            return _sre.compile(pattern, *marshal.loads(found))
        except Exception:  # noqa: BLE001 - a program this engine does not take: compile it anew
            _kept_own.discard((pattern, flags))
    try:
        import _sre

        program = _program(pattern, flags)
        compiled = _sre.compile(pattern, *program)
    except Exception:  # noqa: BLE001 - internals not as expected: the public way
        return re.compile(pattern, flags)
    if not _new:
        _new = True
        atexit.register(_save)  # written as the process ends, once a program is new
    programs[(pattern, flags)] = marshal.dumps(program)  # each on its own: read when asked for (the screen's is 300 kB)
    return compiled


# A pattern this long is kept in a file of its own, read only by a process that asks for it: the long
# texts' screen (textfix.garbles._Screen.narrow: 14,000-19,000 characters, programs of ~0.3-0.4 MB)
# was otherwise read at every start; 7 of them made 2.6 of the 2.7 MB of this machine's cache (56
# programs), ~5 ms of each start.  The other patterns are under 500 characters, their programs 6 kB
# at most (counted in that cache).
OWN_FILE = 4_096


def _own_path(pattern: str, flags: int):
    return cache_dir() / f"regex-{zlib.crc32(_version.encode()):08x}-{zlib.crc32(f'{flags}|{pattern}'.encode()):08x}.marshal"


def _load_own(pattern: str, flags: int) -> bytes | None:
    """The program of a large pattern kept in its own file, if an earlier process kept it."""
    if len(pattern) < OWN_FILE:
        return None
    try:
        stored, key, program = marshal.loads(_own_path(pattern, flags).read_bytes())
    except Exception:  # noqa: BLE001 - none kept, or not one of ours
        return None
    if stored != _version or key != (pattern, flags):
        return None
    _programs[(pattern, flags)] = program
    _kept_own.add((pattern, flags))
    return program


def _program(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands ``_sre.compile`` after the pattern: flags, code, groups, their names."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # (The code holds the compiler's named opcodes, ints of a subclass marshal does not take.)
    return int(flags | parsed.state.flags), list(map(int, code)), int(parsed.state.groups - 1), groupindex, tuple(indexgroup)


def _path():
    return cache_dir() / f"regex-{zlib.crc32(_version.encode()):08x}.marshal"


def _load() -> dict[tuple[str, int], bytes]:
    global _programs, _version
    if _programs is None:
        _programs = {}
        try:
            import _sre

            _version = f"{FORMAT}|{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}"
            stored, programs = marshal.loads(_path().read_bytes())
            if stored == _version and isinstance(programs, dict):
                _programs = programs
        except Exception:  # noqa: BLE001 - no cache yet, or not one of ours: start afresh
            pass
    return _programs


# Programs kept at most: a repair compiles ~40 (the seed page's process 37: counted); patterns made from a model's
# garbled forms differ by model, so past this many only the ones this process used are kept.
KEPT = 256


def _save() -> None:
    """The small programs in one file; each long one this process used in its own, unless it was read
    from there (a program of 0.3-0.4 MB, the same bytes: written again, it only cost the exit time)."""
    if _version and _programs:
        programs = _programs if len(_programs) <= KEPT else {k: v for k, v in _programs.items() if k in _used}
        small = {}
        for (pattern, flags), program in programs.items():
            if len(pattern) < OWN_FILE:
                small[(pattern, flags)] = program
            elif (pattern, flags) in _used and (pattern, flags) not in _kept_own:
                store(_own_path(pattern, flags), marshal.dumps((_version, (pattern, flags), program)))
        store(_path(), marshal.dumps((_version, small)))
