"""Running the CLI in the test process, and what an error must look like."""

from __future__ import annotations

import contextlib
import io
import os

from textfix.cli import main


def run(*argv: str | os.PathLike[str]) -> tuple[int, str, str]:
    """``textfix ARGV`` in this process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([os.fspath(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


def assert_one_error_line(code: int, err: str, expected: int, *words: str) -> None:
    assert code == expected, err
    assert err.startswith("textfix: error: ") and err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err
