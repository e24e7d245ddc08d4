"""The disk cache: a second process gets what the first worked out; an unwritable cache only costs time."""

from __future__ import annotations

from pathlib import Path

import pytest

from textfix.cache import cached


def test_a_stored_value_is_returned_without_building(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXTFIX_CACHE_DIR", str(tmp_path))
    assert cached("thing", "key 1", lambda: ({"a": 1}, 2)) == ({"a": 1}, 2)
    assert cached("thing", "key 1", lambda: pytest.fail("built again")) == ({"a": 1}, 2)
    assert cached("thing", "key 2", lambda: (3,)) == (3,)  # another key is built anew


def test_an_unwritable_cache_still_gives_the_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a directory")
    monkeypatch.setenv("TEXTFIX_CACHE_DIR", str(blocked / "cache"))
    assert cached("thing", "key", lambda: (1,)) == (1,)
    assert cached("thing", "key", lambda: (2,)) == (2,)  # nothing stored: built each time


def test_a_damaged_file_is_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXTFIX_CACHE_DIR", str(tmp_path))
    cached("thing", "key", lambda: (1,))
    for path in tmp_path.iterdir():
        path.write_bytes(b"\x00garbage")
    assert cached("thing", "key", lambda: (5,)) == (5,)
