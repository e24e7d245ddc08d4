"""What a regular (non-editable) install ships: every file under textfix/data."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_data_file_is_package_data() -> None:
    """A file the package reads at run time but pyproject.toml does not list is missing from a wheel."""
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["textfix"]
    data = [p.relative_to(ROOT / "textfix").as_posix() for p in (ROOT / "textfix" / "data").iterdir()]
    assert data and all(any(fnmatch(name, pattern) for pattern in patterns) for name in data), (data, patterns)
