"""textfix: repair the text of printed Chinese newspaper pages.

The stages, each a module: read (:mod:`textfix.io`) → align
(:mod:`textfix.align`) → learn (:mod:`textfix.learn`) → repair
(:mod:`textfix.repair`) → rejoin and split (:mod:`textfix.lines`,
:mod:`textfix.layout`, :mod:`textfix.split`) → write.  This module is the
public API.

Names are imported on first use, so that ``textfix --version`` or a worker
process that only repairs does not pay for alignment's imports.
"""

from __future__ import annotations

import os
import sys
import types
from importlib import import_module
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# The package's data files (the default model, the character model, the decision's fitted numbers), found
# beside this file: the character model is mapped into memory, which takes a file on disk in any case, and
# importlib.resources, with the zipfile and tempfile it imports, cost a process ~5 ms CPU (measured).
DATA_DIR = os.path.join(os.path.dirname(__file__), "data")

# public name → the module that defines it
_EXPORTS = {
    "Alignment": "align", "Difference": "align", "align": "align",
    "AlignmentError": "errors", "InputError": "errors", "ModelError": "errors", "TextfixError": "errors",
    "read_text": "io",
    "PdfDocument": "pdf", "read_pdf": "pdf", "split_pdf": "pdflayout",
    "Diagnosis": "doctor", "diagnose": "doctor",
    "Pair": "learn", "learn": "learn",
    "NoiseModel": "model", "default_model": "model", "load_model": "model",
    "Change": "repair", "Repaired": "repair", "RepairConfig": "repair", "apply_changes": "repair", "repair": "repair",
    "Article": "split", "Block": "split", "Page": "split", "split_page": "split", "split_pages": "split",
    "PageScore": "evaluate", "evaluate": "evaluate",
}

__all__ = sorted(_EXPORTS) + ["__version__"]

if TYPE_CHECKING:
    from .align import Alignment, Difference
    from .errors import AlignmentError, InputError, ModelError, TextfixError
    from .evaluate import PageScore
    from .doctor import Diagnosis, diagnose
    from .io import read_text
    from .pdf import PdfDocument, read_pdf
    from .pdflayout import split_pdf
    from .learn import Pair
    from .model import NoiseModel, default_model, load_model
    from .repair import Change, RepairConfig, Repaired, apply_changes, repair
    from .split import Article, Block, Page, split_page, split_pages


class _Package(types.ModuleType):
    """This package, keeping ``textfix.align`` (and learn, repair, evaluate) the function.

    Importing a submodule sets it as an attribute of its package, which would
    replace the function of the same name with the module.  Binding the
    functions eagerly prevented that, at the price of importing alignment,
    learning and evaluation in every process that only repairs; here the
    package declines to take those modules as attributes instead (they stay
    in ``sys.modules``: ``from textfix.align import Alignment`` works).
    """

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, types.ModuleType) and _EXPORTS.get(name) == name:
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'textfix' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
