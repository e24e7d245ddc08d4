"""The one exception type the library raises for bad input, and the CLI's exit codes.

The CLI turns it into a single ``textfix: error: …`` line on stderr and the
exit code of the error's class; library users can catch it without catching
programming errors.  No command modifies its input, and no single-page
command leaves a partial output file behind, whatever the exit code.

====  ======================  ==================================================================
code  class                   meaning
====  ======================  ==================================================================
0     —                       success (also: an empty page repairs to empty output, and splits
                              to a page without text; ``textfix eval`` scores are printed)
1     —                       internal error: a bug in textfix (``TEXTFIX_DEBUG=1`` shows the
                              traceback)
2     :class:`TextfixError`   usage: bad command-line arguments (argparse's own code), ``--dask``
                              without Dask installed, a PDF input without the ``pdf`` extra
                              (:class:`textfix.pdf.PdfSupportMissing`), a package textfix needs
                              missing from the install (jieba, opencc, …), or any other bad input
                              without a more specific class
3     :class:`InputError`     an input or output file: missing, a directory (``align``,
                              ``learn``, ``eval``), binary, not
                              decodable text, not a valid page JSON (``eval``), ``-o`` naming
                              an input file, an output directory that is missing or not writable;
                              a PDF that is encrypted, truncated, damaged beyond repair, without
                              pages, or not a PDF despite its ``.pdf`` name
4     :class:`ModelError`     ``--model`` file: not JSON, not a textfix noise model, an unknown
                              ``schema_version``, or malformed (a missing field, wrong types,
                              out-of-range values; the message names the field)
5     :class:`AlignmentError` ``align``/``learn``: the clean twin is empty, the page is empty,
                              or the clean twin is not in the page
6     —                       ``repair``/``split`` on several pages (a batch): the run finished
                              but some pages failed, each reported (``textfix.batch``)
130   —                       interrupted (Ctrl-C)
====  ======================  ==================================================================
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
