"""Start-up of ``textfix repair`` on one page, a whole process, against another checkout (issue 13).

    python bench/bench_startup.py --against CHECKOUT [--runs 15]

Runs ``python -m textfix repair SEED -o OUT`` on the seed page with this
checkout's ``textfix`` and with CHECKOUT's (``PYTHONPATH``, from a folder
outside both, so that neither is shadowed by the working directory), one after
the other, after a warm-up run of each (it fills the user's caches, as any
earlier run on the machine would, and writes each checkout's bytecode, as
``pip install`` does: with ``PYTHONDONTWRITEBYTECODE`` set, a checkout without
``__pycache__`` compiles its source in every process, ~0.07 s of the seed page's
~0.17 s, measured at the twelfth session; the children run without it).  Each run's CPU time (user + system, from
``resource.getrusage`` of the finished child) is taken; printed are the
medians and the median of the pair-by-pair ratios (pairing keeps the ratio
meaningful when the machine's speed drifts).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "001_b2b7af04dbdc7222.txt"


def cpu_of(checkout: Path, out: Path, cwd: str) -> float:
    """CPU seconds of one ``textfix repair`` of the seed page with *checkout*'s textfix."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(checkout)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "textfix", "repair", str(SEED), "-o", str(out)],
                   check=True, capture_output=True, env=env, cwd=cwd)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--against", required=True, help="another checkout whose textfix to time the same way")
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args(argv)
    other = Path(args.against).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.txt"
        for checkout in (ROOT, other):
            cpu_of(checkout, out, tmp)  # warm-up
        pairs = [(cpu_of(ROOT, out, tmp), cpu_of(other, out, tmp)) for _ in range(args.runs)]
    ours, theirs = (statistics.median(p[k] for p in pairs) for k in (0, 1))
    ratio = statistics.median(a / b for a, b in pairs)
    print(f"textfix repair (seed page): {ours:.3f} s CPU; {other}: {theirs:.3f} s; ratio {ratio:.2f}x "
          f"(medians of {args.runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
