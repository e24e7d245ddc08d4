"""CPU time of the garble decision alone (issue 13's speed goal), in process, per 5 MB.

    python bench/bench_decisions.py [--against CHECKOUT]

Times ``textfix.garbles.garble_changes`` with the built-in model as CPU time
(``time.process_time``: other processes on a shared machine do not count) of
one call on each file in a fresh process whose model, dictionary and screen
were loaded by calls on the seed page first (:func:`warm_up`): what a new
text costs a process that has already worked, the decisions' own caches
holding nothing of it.  The least of :data:`RUNS`
processes is printed, on two files:

* ``print``: bench/bench_repair.py's ~5 MB of print pages (the project's
  synthetic pages and the seed page in turn, as one page);
* ``clean``: ~5 MB of real-dev train paragraphs, one a line (only where
  ``../shared/real-dev`` is present; its text is not kept);
* ``garbled``: the same paragraphs, 30% of them garbled as ``bench/eval_garbles.py``
  garbles them (seed 5).

``--against`` runs the same timing in a child process on another checkout's
``textfix`` (e.g. a ``git worktree`` of the commit before a change) and prints
the ratio.  ``--pipeline`` times the decisions inside ``textfix.repair`` of the
``print`` file instead (every call the repair makes: the pages as printed, the
settle pass on the rejoined text and the seams it decides near, the paragraph
ends), in a process that
repaired the seed page first (and warmed up as above).
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


def files(tmp: Path, print_only: bool = False) -> dict[str, Path]:
    sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "corpora")]
    from bench_repair import build_page_file

    out = {"print": tmp / "print.txt"}
    build_page_file(out["print"])
    if print_only:
        return out
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
        out["garbled"] = tmp / "garbled.txt"
        out["garbled"].write_text("\n".join(garbled(paragraphs)), encoding="utf-8")
    except (ImportError, OSError, SystemExit):
        pass
    return out


def garbled(paragraphs: list[str], seed: int = 5, rate: float = 0.3) -> list[str]:
    """*paragraphs* with a share *rate* garbled as eval_garbles garbles them (a whole paragraph or a run of
    sentences, half the marks followed by a stray space): densely garbled real text, nothing repeated."""
    import random

    import eval_garbles

    rng, table = random.Random(seed), eval_garbles.garble_table()
    return [eval_garbles.garble(p, eval_garbles.choose_runs(p, rng), table, 0.5, rng).text if rng.random() < rate else p
            for p in paragraphs]


RUNS = 3
SEED = ROOT / "seeds" / "001_b2b7af04dbdc7222.txt"


def timings(paths: dict[str, str]) -> dict[str, tuple[float, int]]:
    """name → (CPU seconds of one call, garbles found), with this process's ``textfix``, loaded on the seed page."""
    from textfix import garbles
    from textfix.model import default_model

    model = default_model()
    warm_up(garbles, model)
    out = {}
    for name, path in paths.items():
        text = Path(path).read_text(encoding="utf-8")
        start = time.process_time()
        found = garbles.garble_changes(text, model)
        out[name] = (time.process_time() - start, len(found))
    return out


def warm_up(garbles, model) -> None:
    """Decide the seed page, then the seed page repeated past the characters a process screens before it
    builds its vector screen (``VECTOR_FROM``, where the checkout has one: importing numpy and making the
    screen's tables is ~0.1 s once a process, not a cost per MB)."""
    seed = SEED.read_text(encoding="utf-8")
    garbles.garble_changes(seed, model)
    repeats = getattr(garbles, "VECTOR_FROM", 0) // len(seed) + 1
    garbles.garble_changes("\n".join([seed] * repeats), model)


# The repair module's names of the decision (an older checkout has the first alone): what --pipeline times.  (_seams:
# where the settle pass decides again, worked out from the repair's changes before its decision is asked.)
DECIDING = ("garble_changes", "garble_changes_at", "_seams")


def pipeline_timings(paths: dict[str, str]) -> dict[str, tuple[float, int]]:
    """"print" → (CPU seconds of the garble decisions in one ``textfix.repair`` of it, changes), loaded on the seed page."""
    import importlib

    from textfix.model import default_model

    repair = importlib.import_module("textfix.repair")  # (the package's ``repair`` is the function)
    spent = [0.0]

    def timed(decide):
        def call(*args, **kwargs):
            start = time.process_time()
            try:
                return decide(*args, **kwargs)
            finally:
                spent[0] += time.process_time() - start
        return call

    for name in DECIDING:
        if hasattr(repair, name):
            setattr(repair, name, timed(getattr(repair, name)))
    model = default_model()
    repair.repair(SEED.read_text(encoding="utf-8"), model)
    warm_up(importlib.import_module("textfix.garbles"), model)
    spent[0] = 0.0
    found = repair.repair(Path(paths["print"]).read_text(encoding="utf-8"), model)
    return {"print": (spent[0], len(found.changes))}


def least_of_runs(checkout: Path, paths: dict[str, str], flag: str = "--child") -> dict[str, tuple[float, int]]:
    """:func:`timings` (or, *flag* ``--pipeline-child``, :func:`pipeline_timings`) in RUNS fresh processes on
    *checkout*'s ``textfix``: the least time per file."""
    code = (f"import sys; sys.path.insert(0, {str(checkout)!r}); sys.path.insert(1, {str(ROOT / 'bench')!r}); "
            f"sys.argv = ['x', {flag!r}, {json.dumps(paths)!r}]; import bench_decisions; bench_decisions.main()")
    runs = [json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(RUNS)]
    return {name: min((run[name] for run in runs), key=lambda r: r[0]) for name in paths}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--against", help="another checkout whose textfix to time the same way")
    ap.add_argument("--pipeline", action="store_true", help="time the decisions inside textfix.repair of the print file")
    ap.add_argument("--child", help=argparse.SUPPRESS)  # JSON of name → path: time them here, print JSON
    ap.add_argument("--pipeline-child", help=argparse.SUPPRESS)  # the same for --pipeline
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(timings(json.loads(args.child))))
        return 0
    if args.pipeline_child:
        print(json.dumps(pipeline_timings(json.loads(args.pipeline_child))))
        return 0
    flag = "--pipeline-child" if args.pipeline else "--child"
    # This checkout's textfix, not an installed one (a script's own directory, bench/, leads sys.path).
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        paths = {name: str(p) for name, p in files(Path(tmp), print_only=args.pipeline).items()}
        here = least_of_runs(ROOT, paths, flag)
        there = least_of_runs(Path(args.against).resolve(), paths, flag) if args.against else {}
    found_what = "changes" if args.pipeline else "garbles"
    for name, (seconds, found) in here.items():
        line = f"{name}: {seconds:.3f} s CPU, {found} {found_what}"
        if name in there:
            old, old_found = there[name]
            line += f"; {args.against}: {old:.3f} s, {old_found} {found_what}; ratio {seconds / old:.2f}×"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
