"""Adapters for data pipelines: Hugging Face ``datasets`` (:mod:`.hf`) and datatrove (:mod:`.datatrove`).

Each is optional: this package imports neither framework; importing
:mod:`.datatrove` needs datatrove (``pip install 'textfix[datatrove]'``),
and :mod:`.hf` needs nothing beyond textfix.  Both repair through
:func:`textfix.batch.repair_value`, so a text comes out exactly as the
``repaired`` field of ``textfix repair --jsonl``.
"""
