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
from dataclasses import asdict, dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from .errors import ModelError
from .io import read_text, write_text_atomic
from .mechanisms import CODECS, Mechanism

SCHEMA = "textfix.noise-model"
SCHEMA_VERSION = 1
SUBSTITUTION_KINDS = ("garble", "script-variant", "width-variant", "editorial", "layout", "substitution")


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
class NoiseModel:
    """Everything needed to repair pages without their twins."""

    substitutions: tuple[Substitution, ...] = ()
    mechanisms: tuple[MechanismRecord, ...] = ()
    style: dict[str, str] = field(default_factory=dict)
    sources: tuple[dict[str, str], ...] = ()

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


def _substitution_dict(s: Substitution) -> dict:
    data = asdict(s)
    data["contexts"] = list(s.contexts)
    return data


def model_from_dict(data: object, name: str = "<model>") -> NoiseModel:
    """Build a model from parsed JSON, raising :class:`ModelError` with one line on any defect."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ModelError(f"{name}: not a textfix noise model (missing schema {SCHEMA!r})")
    version = data.get("schema_version")
    if type(version) is not int or version != SCHEMA_VERSION:  # not True, not 1.0
        raise ModelError(f"{name}: unsupported schema_version {version!r} (this textfix reads {SCHEMA_VERSION})")
    try:
        mechanisms = tuple(_mechanism_from(m) for m in data["mechanisms"])
        substitutions = tuple(_substitution_from(s) for s in data["substitutions"])
        style = {str(k): str(v) for k, v in data.get("style", {}).items()}
        sources = tuple({str(k): str(v) for k, v in s.items()} for s in data.get("sources", []))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ModelError(f"{name}: malformed model ({type(exc).__name__}: {exc})") from None
    return NoiseModel(substitutions, mechanisms, style, sources)


def _mechanism_from(m: dict) -> MechanismRecord:
    if m["codec"] not in CODECS or m["byte"] not in ("lead", "trail"):
        raise ValueError(f"unknown mechanism {m['codec']!r} {m['byte']!r}")
    family = tuple(FamilyEntry(str(e["garbled"]), str(e["clean"]), int(e["observed"])) for e in m["family"])
    for e in family:
        if len(e.garbled) != 1 or len(e.clean) != 1:
            raise ValueError(f"family entry {e.garbled!r}→{e.clean!r} is not one character each")
    record = MechanismRecord(
        m["codec"], m["byte"], int(m["offset"]), int(m["support"]), tuple(m["symbols"]),
        int(m["contradictions"]), float(m["confidence"]), family, int(m.get("opportunities", 0)),
    )
    if not 0.0 < record.confidence <= 1.0:  # also rejects NaN; repair takes its logarithm
        raise ValueError(f"confidence {record.confidence!r} of {record.name} is not in (0, 1]")
    if min(record.support, record.contradictions, record.opportunities) < 0:
        raise ValueError(f"negative support, contradictions or opportunities in {record.name}")
    return record


def _substitution_from(s: dict) -> Substitution:
    if s["kind"] not in SUBSTITUTION_KINDS:
        raise ValueError(f"unknown substitution kind {s['kind']!r}")
    return Substitution(str(s["noisy"]), str(s["clean"]), s["kind"], int(s["count"]), s.get("mechanism"), tuple(s.get("contexts", ())))


def load_model(path: str | os.PathLike[str]) -> NoiseModel:
    """Read and validate a model file."""
    name = os.fspath(path)
    try:
        data = json.loads(read_text(path))
    except json.JSONDecodeError as exc:
        raise ModelError(f"{name}: not valid JSON (line {exc.lineno}: {exc.msg})") from None
    return model_from_dict(data, name)


DEFAULT_MODEL_RESOURCE = "default_model.json"


@lru_cache(maxsize=1)
def default_model() -> NoiseModel:
    """The model learned from the seed pair, shipped in the package (see ``textfix learn --default``)."""
    text = resources.files("textfix").joinpath("data").joinpath(DEFAULT_MODEL_RESOURCE).read_text(encoding="utf-8")
    return model_from_dict(json.loads(text), "default model")
