"""A datatrove pipeline step that repairs ``document.text``.

::

    from datatrove.executor import LocalPipelineExecutor
    from textfix.integrations.datatrove import TextfixRepair

    LocalPipelineExecutor(pipeline=[reader, TextfixRepair(), writer]).run()

Each document's text is replaced by its repair (lines rejoined unless
``keep_lines``); ``metadata["textfix_changes"]`` counts the changes.  A
document that fails keeps its text, gets ``metadata["textfix_error"]`` and
goes on down the pipeline: one bad page must not stop a shard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.base import PipelineStep

from ..batch import repair_value

if TYPE_CHECKING:
    from ..model import NoiseModel


class TextfixRepair(PipelineStep):
    """Repair garbled punctuation and spacing in every document, counting changes in metadata."""

    name = "🔧 textfix repair"
    type = "✂️ - FORMAT"

    def __init__(self, model: NoiseModel | None = None, keep_lines: bool = False, metadata_key: str = "textfix_changes") -> None:
        super().__init__()
        self.model, self.keep_lines, self.metadata_key = model, keep_lines, metadata_key

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        from ..model import default_model

        model = self.model or default_model()
        for document in data or ():
            self.stat_update("documents")
            with self.track_time():
                self._repair(document, model)
            yield document

    def _repair(self, document, model: NoiseModel) -> None:
        try:
            out, repaired = repair_value(document.text, model, self.keep_lines)
        except Exception as exc:  # noqa: BLE001 — keep the document, record why
            document.metadata["textfix_error"] = f"{type(exc).__name__}: {exc}"
            self.stat_update("failed")
            return
        document.text = out
        document.metadata[self.metadata_key] = len(repaired.changes)
        self.stat_update("changes", value=len(repaired.changes))
