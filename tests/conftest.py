"""Fixtures shared by test modules: the PDFs of tests/_pdfs.py, made once per session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def pdfs(tmp_path_factory: pytest.TempPathFactory):
    """name → path of every fixture PDF (tests/_pdfs.py); skips without pypdfium2, WeasyPrint, pikepdf or Noto CJK."""
    from _pdfs import make_fixtures, missing

    why = missing()
    if why:
        pytest.skip(why)
    return make_fixtures(tmp_path_factory.mktemp("pdfs"))
