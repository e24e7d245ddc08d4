"""The one exception type the library raises for bad input.

The CLI turns it into a single ``textfix: error: …`` line and a non-zero
exit code; library users can catch it without catching programming errors.
"""

from __future__ import annotations


class TextfixError(Exception):
    """Bad input: an unreadable file, a malformed model, an article not in the page."""

    exit_code = 2


class InputError(TextfixError):
    """A file that is missing, binary, undecodable or otherwise unusable."""

    exit_code = 3


class ModelError(TextfixError):
    """A model file that is malformed or of an unknown schema version."""

    exit_code = 4


class AlignmentError(TextfixError):
    """The clean article could not be found in the noisy page."""

    exit_code = 5
