"""The noise model: what the print does to text, learned from aligned twins.

A model is plain data — observed substitutions with their counts and contexts,
and the codec mechanisms that explain the garbles, each expanded to the family
of symbols it would garble — so that it can be read by a person, diffed, and
applied to pages that have no twin.  It is saved as JSON with a schema version
and validated on load.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from . import DATA_DIR
from .errors import ModelError
from .io import read_text, write_text_atomic
from .mechanisms import CODECS, Mechanism

SCHEMA = "textfix.noise-model"
SCHEMA_VERSION = 1
# What a model keeps of each substitution or confusion it learned, to show where it was seen: at most
# MAX_CONTEXTS sightings, each with CONTEXT characters of the noisy text on either side.
MAX_CONTEXTS = 3
CONTEXT = 6
SUBSTITUTION_KINDS = ("garble", "script-variant", "width-variant", "editorial", "layout", "substitution")
# What an OCR engine does to a character (textfix.confusions.classify); "spacing" is counted apart.
CONFUSION_CLASSES = (
    "mark-width", "mark-shape", "mark-as-letter", "mark-as-ideograph", "look-alike-ideograph",
    "insertion", "deletion", "other",
)


@dataclass(frozen=True)
class Substitution:
    """A difference seen in training: the print wrote ``noisy`` where the clean twin has ``clean``."""

    noisy: str
    clean: str
    kind: str
    count: int
    mechanism: str | None = None
    contexts: tuple[str, ...] = ()


@dataclass(frozen=True)
class FamilyEntry:
    """One symbol a mechanism garbles; ``observed`` counts sightings, 0 means inferred only."""

    garbled: str
    clean: str
    observed: int = 0

    @property
    def inferred(self) -> bool:
        return self.observed == 0


@dataclass(frozen=True)
class MechanismRecord:
    """A codec shift kept by learning, with its evidence and its whole family."""

    codec: str
    byte: str
    offset: int
    support: int
    symbols: tuple[str, ...]
    contradictions: int
    confidence: float
    family: tuple[FamilyEntry, ...]
    opportunities: int = 0  # family symbols in the clean twins: garbled or not

    @property
    def rate(self) -> float:
        """Share of the family's symbols that came out garbled in training (smoothed)."""
        return (self.support + 0.5) / (self.opportunities + 1.0)

    @property
    def mechanism(self) -> Mechanism:
        return Mechanism(self.codec, self.byte, self.offset)

    @property
    def name(self) -> str:
        return self.mechanism.name


@dataclass(frozen=True)
class Confusion:
    """An engine reads ``clean`` as ``read`` with *probability* (``""``: an insertion or a deletion).

    ``count`` of ``opportunities`` (the clean character's occurrences in the
    twins, or all their characters for an insertion) were seen; an
    ``inferred`` confusion was never seen but follows from one that was
    (``（→〈`` gives ``）→〉``) or from its class (``）→)`` gives ``；→;``), and
    ``source`` names that one.
    """

    clean: str
    read: str
    kind: str  # one of CONFUSION_CLASSES
    count: int
    opportunities: int
    probability: float
    source: str = ""
    contexts: tuple[str, ...] = ()

    @property
    def inferred(self) -> bool:
        return self.count == 0


@dataclass(frozen=True)
class EngineModel:
    """What twins teach about an OCR engine: its confusions, with probabilities, and its spacing habit."""

    characters: int  # non-whitespace characters of the twins: the opportunities of an insertion
    confusions: tuple[Confusion, ...] = ()
    classes: dict[str, int] = field(default_factory=dict)  # confusions seen, per class
    spacing: dict[str, int] = field(default_factory=dict)  # ideograph pairs spaced as read, and in the twins
    ideographs: int = 0  # ideographs of the twins: the opportunities of a look-alike ideograph

    @property
    def lookalike_rate(self) -> float:
        """P(an ideograph is read as another), smoothed: 0 without twins that show one."""
        seen = self.classes.get("look-alike-ideograph", 0)
        return (seen + 0.5) / (self.ideographs + 1.0) if seen and self.ideographs else 0.0

    @property
    def spaces_ideographs(self) -> bool:
        """Whether the engine puts spaces between ideographs as a habit (more than the OCR-evidence share)."""
        from .repair import OCR_SPACE_SHARE

        pairs = self.spacing.get("ideograph_pairs", 0)
        return pairs > 0 and self.spacing.get("spaced_as_read", 0) / pairs >= OCR_SPACE_SHARE


@dataclass(frozen=True)
class NoiseModel:
    """Everything needed to repair pages without their twins."""

    substitutions: tuple[Substitution, ...] = ()
    mechanisms: tuple[MechanismRecord, ...] = ()
    style: dict[str, str] = field(default_factory=dict)
    sources: tuple[dict[str, str], ...] = ()
    engine: EngineModel | None = None  # learned from OCR twins; None for a print model (the default)

    def mechanism_objects(self) -> list[Mechanism]:
        return [m.mechanism for m in self.mechanisms]

    def garble_table(self) -> dict[str, list[tuple[str, FamilyEntry, MechanismRecord]]]:
        """Garbled character → every (clean symbol, entry, mechanism) it may stand for."""
        return self._garble_table

    @cached_property
    def _garble_table(self) -> dict[str, list[tuple[str, FamilyEntry, MechanismRecord]]]:
        # Asked for by every page split and rejoined; the model never changes, so build it once.
        table: dict[str, list[tuple[str, FamilyEntry, MechanismRecord]]] = {}
        for record in self.mechanisms:
            for entry in record.family:
                table.setdefault(entry.garbled, []).append((entry.clean, entry, record))
        return table

    def forms_of(self, symbols: str) -> str:
        """The garbled characters that may stand for any of *symbols*, in table order."""
        if symbols not in self._forms:
            self._forms[symbols] = "".join(g for g, opts in self.garble_table().items() if any(s in symbols for s, _, _ in opts))
        return self._forms[symbols]

    @cached_property
    def _forms(self) -> dict[str, str]:
        return {}  # forms_of, per symbol set: every page asks for the parentheses of its bylines

    def styled(self, symbol: str) -> str:
        """The form the clean twins write *symbol* in (ASCII ``%`` for ``％`` in the seed twin)."""
        return self.style.get(symbol, symbol)

    def to_dict(self) -> dict:
        return {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "sources": [dict(s) for s in self.sources],
            "style": dict(sorted(self.style.items())),
            "mechanisms": [_mechanism_dict(m) for m in self.mechanisms],
            "substitutions": [_substitution_dict(s) for s in self.substitutions],
            **({"engine": _engine_dict(self.engine)} if self.engine is not None else {}),
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n"

    def save(self, path: str | os.PathLike[str], *, inputs: tuple[str, ...] = ()) -> None:
        write_text_atomic(path, self.to_json(), inputs=inputs)


def _mechanism_dict(m: MechanismRecord) -> dict:
    data = asdict(m)
    data["name"] = m.name
    data["symbols"] = list(m.symbols)
    data["family"] = [{"garbled": e.garbled, "clean": e.clean, "observed": e.observed, "inferred": e.inferred} for e in m.family]
    return data


def _engine_dict(e: EngineModel) -> dict:
    return {
        "characters": e.characters,
        "ideographs": e.ideographs,
        "spacing": dict(e.spacing),
        "classes": dict(e.classes),
        "confusions": [{**asdict(c), "contexts": list(c.contexts), "inferred": c.inferred} for c in e.confusions],
    }


def _substitution_dict(s: Substitution) -> dict:
    data = asdict(s)
    data["contexts"] = list(s.contexts)
    return data


def model_from_dict(data: object, name: str = "<model>") -> NoiseModel:
    """Build a model from parsed JSON, raising :class:`ModelError` with one line on any defect.

    The line says what is wrong in the file — ``missing field "substitutions"``,
    ``field "mechanisms[0].support" must be an integer, not "lots"`` — rather
    than the Python error that reading it would raise.
    """
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ModelError(f"{name}: not a textfix noise model (missing schema {SCHEMA!r})")
    version = data.get("schema_version")
    if type(version) is not int or version != SCHEMA_VERSION:  # not True, not 1.0
        raise ModelError(f"{name}: unsupported schema_version {version!r} (this textfix reads {SCHEMA_VERSION})")
    try:
        mechanisms = tuple(_mechanism_from(m, f"mechanisms[{i}]") for i, m in enumerate(_get(data, "mechanisms", "", list)))
        substitutions = tuple(
            _substitution_from(s, f"substitutions[{i}]") for i, s in enumerate(_get(data, "substitutions", "", list))
        )
        style = _strings(_get(data, "style", "", dict, {}), "style")
        sources = tuple(_strings(s, f"sources[{i}]") for i, s in enumerate(_get(data, "sources", "", list, [])))
        engine_data = _get(data, "engine", "", dict, None)  # absent in print models and older files
        engine = _engine_from(engine_data) if engine_data is not None else None
    except _Malformed as exc:
        raise ModelError(f"{name}: {exc}") from None
    return NoiseModel(substitutions, mechanisms, style, sources, engine)


class _Malformed(ValueError):
    """A defect of the model JSON, said in the file's terms: which field, and what is wrong with it."""


_MISSING = object()

# JSON kind → (what the message calls it, the test); bool is an int in Python but not a number in JSON
_KINDS: dict[type, tuple[str, Callable[[object], bool]]] = {
    dict: ("an object", lambda v: isinstance(v, dict)),
    list: ("a list", lambda v: isinstance(v, list)),
    str: ("a string", lambda v: isinstance(v, str)),
    int: ("an integer", lambda v: isinstance(v, int) and not isinstance(v, bool)),
    float: ("a number", lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)),
}


def _get(obj: object, key: str, where: str, kind: type, default: object = _MISSING) -> Any:
    """``obj[key]`` checked to be of JSON *kind*; *default* when absent, if given (an explicit null is not absent)."""
    path = f"{where}.{key}" if where else key
    if not isinstance(obj, dict):
        raise _Malformed(f'field "{where}" must be an object, not {_shown(obj)}')
    if key not in obj:
        if default is not _MISSING:
            return default
        raise _Malformed(f'missing field "{path}"')
    value = obj[key]
    label, test = _KINDS[kind]
    if not test(value):
        raise _Malformed(f'field "{path}" must be {label}, not {_shown(value)}')
    return value


def _shown(value: object) -> str:
    """A JSON value the way the file writes it, cut short: null, true, "lots", a list, an object."""
    if isinstance(value, (dict, list)):
        return "an object" if isinstance(value, dict) else "a list"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _strings(obj: object, where: str) -> dict[str, str]:
    """An object whose values are all strings (``style``, a ``sources`` entry)."""
    if not isinstance(obj, dict):
        raise _Malformed(f'field "{where}" must be an object, not {_shown(obj)}')
    for key, value in obj.items():
        if not isinstance(value, str):
            raise _Malformed(f'field "{where}.{key}" must be a string, not {_shown(value)}')
    return dict(obj)


def _string_list(obj: dict, key: str, where: str, default: object = _MISSING) -> tuple[str, ...]:
    values = _get(obj, key, where, list, default)
    for i, value in enumerate(values):
        if not isinstance(value, str):
            raise _Malformed(f'field "{where}.{key}[{i}]" must be a string, not {_shown(value)}')
    return tuple(values)


def _mechanism_from(m: object, where: str) -> MechanismRecord:
    codec, byte = _get(m, "codec", where, str), _get(m, "byte", where, str)
    if codec not in CODECS or byte not in ("lead", "trail"):
        raise _Malformed(f"{where}: unknown mechanism {codec!r} {byte!r}")
    family = tuple(_family_entry(e, f"{where}.family[{i}]") for i, e in enumerate(_get(m, "family", where, list)))
    record = MechanismRecord(
        codec, byte, _get(m, "offset", where, int), _get(m, "support", where, int), _string_list(m, "symbols", where),
        _get(m, "contradictions", where, int), float(_get(m, "confidence", where, float)), family,
        _get(m, "opportunities", where, int, 0),
    )
    if not 0.0 < record.confidence <= 1.0:  # also rejects NaN; repair takes its logarithm
        raise _Malformed(f"{where}: confidence {record.confidence!r} of {record.name} is not in (0, 1]")
    if min(record.support, record.contradictions, record.opportunities) < 0:
        raise _Malformed(f"{where}: negative support, contradictions or opportunities in {record.name}")
    return record


def _family_entry(e: object, where: str) -> FamilyEntry:
    entry = FamilyEntry(_get(e, "garbled", where, str), _get(e, "clean", where, str), _get(e, "observed", where, int))
    if len(entry.garbled) != 1 or len(entry.clean) != 1:
        raise _Malformed(f"{where}: family entry {entry.garbled!r}→{entry.clean!r} is not one character each")
    return entry


def _substitution_from(s: object, where: str) -> Substitution:
    kind = _get(s, "kind", where, str)
    if kind not in SUBSTITUTION_KINDS:
        raise _Malformed(f"{where}: unknown substitution kind {kind!r}")
    mechanism = _get(s, "mechanism", where, str) if isinstance(s, dict) and s.get("mechanism") is not None else None
    return Substitution(
        _get(s, "noisy", where, str), _get(s, "clean", where, str), kind, _get(s, "count", where, int), mechanism,
        _string_list(s, "contexts", where, []),
    )


def _counts(obj: object, where: str) -> dict[str, int]:
    if not isinstance(obj, dict):
        raise _Malformed(f'field "{where}" must be an object, not {_shown(obj)}')
    return {key: _get(obj, key, where, int) for key in obj}


def _engine_from(e: dict) -> EngineModel:
    confusions = []
    for i, c in enumerate(_get(e, "confusions", "engine", list)):
        where = f"engine.confusions[{i}]"
        kind = _get(c, "kind", where, str)
        if kind not in CONFUSION_CLASSES:
            raise _Malformed(f"{where}: unknown confusion class {kind!r}")
        confusion = Confusion(
            _get(c, "clean", where, str), _get(c, "read", where, str), kind, _get(c, "count", where, int),
            _get(c, "opportunities", where, int), float(_get(c, "probability", where, float)),
            _get(c, "source", where, str, ""), _string_list(c, "contexts", where, []),
        )
        if not 0.0 < confusion.probability < 1.0:  # repair takes its logarithm, and that of its complement
            raise _Malformed(f"{where}: probability {confusion.probability!r} is not in (0, 1)")
        if confusion.clean == confusion.read or min(confusion.count, confusion.opportunities) < 0:
            raise _Malformed(f"{where}: {confusion.clean!r}→{confusion.read!r} is no confusion, or its counts are negative")
        confusions.append(confusion)
    return EngineModel(
        _get(e, "characters", "engine", int), tuple(confusions),
        _counts(_get(e, "classes", "engine", dict, {}), "engine.classes"),
        _counts(_get(e, "spacing", "engine", dict, {}), "engine.spacing"),
        _get(e, "ideographs", "engine", int, 0),
    )


def load_model(path: str | os.PathLike[str]) -> NoiseModel:
    """Read and validate a model file; every defect is a one-line :class:`ModelError` naming the file."""
    name = f"model file {os.fspath(path)}"
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise ModelError(f"{name}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    return model_from_dict(data, name)


DEFAULT_MODEL_RESOURCE = "default_model.json"


@lru_cache(maxsize=1)
def default_model() -> NoiseModel:
    """The model learned from the seed pair, shipped in the package (see ``textfix learn --default``)."""
    with open(os.path.join(DATA_DIR, DEFAULT_MODEL_RESOURCE), encoding="utf-8") as handle:
        text = handle.read()
    return model_from_dict(json.loads(text), "default model")
