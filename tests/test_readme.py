"""Issue 12: every ```python block of the README runs as written.

The blocks run in order in one namespace (a later block may use an earlier
one's names), with the working directory a temporary folder that mirrors
the repository's top level through symlinks: paths in the README are
relative to the repository root, and the files a snippet writes
(``model.save("model.json")``) land in the temporary folder, not in the
checkout.  What the snippets compute is not checked here — only that the
README does not show code that raises.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
FENCE = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.DOTALL | re.MULTILINE)


def python_blocks(markdown: str) -> list[tuple[int, str]]:
    """(first line number of the code, code) of every ```python fenced block."""
    return [(markdown.count("\n", 0, m.start(1)) + 1, m.group(1)) for m in FENCE.finditer(markdown)]


@pytest.fixture
def repo_mirror(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for entry in ROOT.iterdir():
        if entry.name != ".git":
            (tmp_path / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_readme_has_python_blocks() -> None:
    blocks = python_blocks(README.read_text(encoding="utf-8"))
    assert blocks, "no ```python block found: the test below would check nothing"
    assert python_blocks("x\n```python\na = 1\n```\n```\nshell\n```\n") == [(3, "a = 1\n")]


def test_every_readme_python_block_runs(repo_mirror: Path, capsys: pytest.CaptureFixture[str]) -> None:
    namespace: dict[str, object] = {"__name__": "__readme__"}
    for line, code in python_blocks(README.read_text(encoding="utf-8")):
        # compiled under README's name and line, so a traceback points at the snippet in the README
        exec(compile("\n" * (line - 1) + code, str(README), "exec"), namespace)
    capsys.readouterr()  # what the snippets print is not the point
