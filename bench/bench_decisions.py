"""CPU time of the garble decision alone (issue 13's speed goal), in process, per 5 MB.

    python bench/bench_decisions.py [--against CHECKOUT]

Times ``textfix.garbles.garble_changes`` with the built-in model, after a
warm-up call, as the least CPU time (``time.process_time``: other processes on
a shared machine do not count) of five calls, on two files:

* ``print``: bench/bench_repair.py's ~5 MB of print pages (the project's
  synthetic pages and the seed page in turn, as one page);
* ``clean``: ~5 MB of real-dev train paragraphs, one a line (only where
  ``../shared/real-dev`` is present; its text is not kept).

``--against`` runs the same timing in a child process on another checkout's
``textfix`` (e.g. a ``git worktree`` of the commit before a change) and prints
the ratio.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_CHARS = 5_000_000 // 3  # ~5 MB of UTF-8 Chinese


def files(tmp: Path) -> dict[str, Path]:
    sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "corpora")]
    from bench_repair import build_page_file

    out = {"print": tmp / "print.txt"}
    build_page_file(out["print"])
    try:
        import realdev

        paragraphs, size = [], 0
        for item in realdev.load("train"):
            for p in item["paragraphs"]:
                paragraphs.append(p)
                size += len(p) + 1
            if size >= TARGET_CHARS:
                break
        out["clean"] = tmp / "clean.txt"
        out["clean"].write_text("\n".join(paragraphs), encoding="utf-8")
    except (ImportError, OSError, SystemExit):
        pass
    return out


def timings(paths: dict[str, str]) -> dict[str, tuple[float, int]]:
    """name → (least CPU seconds of five calls, garbles found), with this process's ``textfix``."""
    from textfix import garbles
    from textfix.model import default_model

    model = default_model()
    out = {}
    for name, path in paths.items():
        text = Path(path).read_text(encoding="utf-8")
        found = garbles.garble_changes(text, model)
        best = float("inf")
        for _ in range(5):
            start = time.process_time()
            garbles.garble_changes(text, model)
            best = min(best, time.process_time() - start)
        out[name] = (best, len(found))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--against", help="another checkout whose textfix to time the same way")
    ap.add_argument("--child", help=argparse.SUPPRESS)  # JSON of name → path: time them here, print JSON
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(timings(json.loads(args.child))))
        return 0
    # This checkout's textfix, not an installed one (a script's own directory, bench/, leads sys.path).
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        paths = {name: str(p) for name, p in files(Path(tmp)).items()}
        here = timings(paths)
        there = {}
        if args.against:
            env_path = str(Path(args.against).resolve())
            code = f"import sys; sys.path.insert(0, {env_path!r}); sys.argv = ['x', '--child', {json.dumps(paths)!r}]; " \
                   f"sys.path.insert(1, {str(ROOT / 'bench')!r}); import bench_decisions; bench_decisions.main()"
            result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
            there = json.loads(result.stdout)
    for name, (seconds, found) in here.items():
        line = f"{name}: {seconds:.3f} s CPU, {found} garbles"
        if name in there:
            old, old_found = there[name]
            line += f"; {args.against}: {old:.3f} s, {old_found} garbles; ratio {seconds / old:.2f}×"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
