"""Repair inside ``datasets.Dataset.map``.

``datasets`` pickles the mapped function (with dill) to fingerprint the
result for its cache and to ship it to ``num_proc`` workers, so the function
is an instance of a module-level class holding plain data — the model is a
frozen dataclass — not a closure::

    from datasets import Dataset
    from textfix.integrations.hf import repair_map

    ds = Dataset.from_dict({"id": ["a"], "text": ["提升遥规模"]})
    ds = ds.map(repair_map(), batched=True)      # adds "repaired", "n_changes"

The change log itself is optional (``changes=True``) and comes as one JSON
string per row: a list of structs that is empty in the first batch makes
Arrow infer a null type and fail on the next batch.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..batch import repair_value

if TYPE_CHECKING:
    from ..model import NoiseModel


@dataclass(frozen=True)
class RepairMap:
    """A picklable function for ``Dataset.map``, batched or not (it tells by the column being a list)."""

    model: NoiseModel | None = None
    column: str = "text"
    output: str = "repaired"
    keep_lines: bool = False
    changes: bool = False

    def __call__(self, example: dict[str, Any]) -> dict[str, Any]:
        value = example[self.column]
        if isinstance(value, list):
            rows = [self._row(text) for text in value]
            return {key: [row[key] for row in rows] for key in self._keys()}
        return self._row(value)

    def _keys(self) -> list[str]:
        return [self.output, "n_changes"] + (["changes"] if self.changes else [])

    def _row(self, text: str | None) -> dict[str, Any]:
        if not text:  # None or empty: nothing to repair, and Arrow still gets the same columns
            out, found = text or "", []
        else:
            out, repaired = repair_value(text, self._model(), self.keep_lines)
            found = repaired.changes
        row: dict[str, Any] = {self.output: out, "n_changes": len(found)}
        if self.changes:
            row["changes"] = json.dumps([c.to_dict() for c in found], ensure_ascii=False)
        return row

    def _model(self) -> NoiseModel:
        from ..model import default_model

        return self.model or default_model()


def repair_map(model: NoiseModel | None = None, column: str = "text", output: str = "repaired",
               keep_lines: bool = False, changes: bool = False) -> RepairMap:
    """The function to give ``Dataset.map``: repairs *column* into *output* and counts the changes in ``n_changes``.

    Lines are rejoined into paragraphs as ``textfix repair`` prints them
    unless *keep_lines*; *model* ``None`` means the built-in model, loaded
    once per process.
    """
    return RepairMap(model, column, output, keep_lines, changes)
