"""textfix: repair the text of printed Chinese newspaper pages.

The stages, each a module: read (:mod:`textfix.io`) → align
(:mod:`textfix.align`) → learn (:mod:`textfix.learn`) → repair
(:mod:`textfix.repair`) → rejoin and split (:mod:`textfix.layout`,
:mod:`textfix.split`) → write.  This module is the public API.
"""

from .align import Alignment, Difference, align
from .errors import AlignmentError, InputError, ModelError, TextfixError
from .io import read_text
from .learn import Pair, learn
from .model import NoiseModel, default_model, load_model
from .repair import Change, Repaired, repair

__version__ = "0.1.0"

__all__ = [
    "Alignment",
    "AlignmentError",
    "Change",
    "Difference",
    "InputError",
    "ModelError",
    "NoiseModel",
    "Pair",
    "Repaired",
    "TextfixError",
    "align",
    "default_model",
    "learn",
    "load_model",
    "read_text",
    "repair",
    "__version__",
]
