"""Issue 13's start-up: what ``textfix repair`` of one page imports (bench/bench_startup.py times it).

Modules only a batch, ``split`` or a package read from a zip needs stay out of one page's repair:
each costs the process its import (``importlib.resources`` with ``zipfile`` and ``tempfile`` ~5 ms,
``textfix.split`` with its dataclasses ~3 ms; measured), and most runs are one page.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEED = next((REPO / "seeds").glob("001_*.txt"))

NOT_FOR_ONE_PAGE = {
    "textfix.split", "textfix.furniture",  # articles: split, not repair
    "textfix.sinks", "textfix.workers", "textfix.progress",  # many inputs or JSONL streams
    "importlib.resources", "zipfile",  # the package's data are read from its folder
    "tempfile",  # only to write a cache the process found missing
}

# The repair of the seed page as `python -m textfix` runs it, then the names of every module imported.
_REPAIR_AND_LIST = """
import runpy, sys
sys.argv = ["textfix", "repair", sys.argv[1], "-o", sys.argv[2]]
try:
    runpy.run_module("textfix", run_name="__main__")
except SystemExit as stop:
    assert not stop.code, stop.code
print(" ".join(sorted(sys.modules)))
"""


def _modules_of_one_repair(tmp_path: Path) -> set[str]:
    env = {**os.environ, "TEXTFIX_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", _REPAIR_AND_LIST, str(SEED), str(tmp_path / "out.txt")],
                          capture_output=True, text=True, encoding="utf-8", cwd=REPO, env=env, timeout=120, check=True)
    return set(done.stdout.split())


def test_one_page_repair_imports_nothing_only_a_batch_or_split_needs(tmp_path: Path) -> None:
    _modules_of_one_repair(tmp_path)  # the first run fills the new cache folder (and may import tempfile for it)
    modules = _modules_of_one_repair(tmp_path)
    assert "textfix.garbles" in modules and "textfix.order" in modules  # the page was repaired, its order read
    assert not modules & NOT_FOR_ONE_PAGE, modules & NOT_FOR_ONE_PAGE
