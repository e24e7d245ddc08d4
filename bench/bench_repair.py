"""Whole-process throughput of ``textfix repair`` against ``ftfy.fix_text`` on a ~5 MB page file.

ftfy is what a user would otherwise reach for; it repairs none of these
garbles, but it is the baseline for "a text-repair pass over a file".  Both
run as fresh processes on the same file in the same run, each timed end to
end (start-up, imports, reading, repairing, writing).  Also measured: repair
with the printed lines kept (no layout pass), the same pages cut by form
feeds (one process, and two workers), and the seed page alone.

    pip install -e '.[bench]' && python bench/bench_repair.py
"""

from __future__ import annotations

import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_BYTES = 5_000_000
RUNS = 3


def build_page_file(path: Path, separator: str = "\n\n") -> int:
    """~5 MB of print pages: the project's synthetic pages and the seed page, in turn.

    Joined by a blank line the file reads as one 5 MB page; joined by form
    feeds (what pdftotext writes after each page) as ~840 pages.
    """
    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora" / "pages").glob("synth-*.txt"))]
    pages.append((ROOT / "seeds" / "001_b2b7af04dbdc7222.txt").read_text(encoding="utf-8"))
    parts, size, i = [], 0, 0
    while size < TARGET_BYTES:
        parts.append(pages[i % len(pages)])
        size += len(parts[-1].encode("utf-8")) + 2
        i += 1
    path.write_text(separator.join(parts), encoding="utf-8")
    return path.stat().st_size


def timed(cmd: list[str]) -> float:
    """Median wall time of RUNS fresh processes (after one warm-up run that fills caches)."""
    subprocess.run(cmd, check=True, capture_output=True)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    if importlib.util.find_spec("ftfy") is None:  # the baseline: one line, not a child's traceback
        sys.exit("bench_repair.py: ftfy is not installed (pip install -e '.[bench]')")
    py = sys.executable
    # As a regular install does: pip byte-compiles what it installs (ftfy's modules are), while an
    # editable install run with PYTHONDONTWRITEBYTECODE set would compile every module in every run.
    subprocess.run([py, "-m", "compileall", "-q", str(ROOT / "textfix")], check=True)
    with tempfile.TemporaryDirectory() as tmp:
        page, pages = Path(tmp) / "pages-5mb.txt", Path(tmp) / "pages-5mb-ff.txt"
        size = build_page_file(page)
        build_page_file(pages, "\f")
        out = str(Path(tmp) / "out.txt")
        ftfy = timed([py, "-c", f"import ftfy; open({out!r}, 'w', encoding='utf-8').write(ftfy.fix_text(open({str(page)!r}, encoding='utf-8').read()))"])
        rows = [
            ("textfix repair FILE -o OUT (lines rejoined; one 5 MB page)", timed([py, "-m", "textfix", "repair", str(page), "-o", out])),
            ("textfix repair FILE --keep-lines -o OUT", timed([py, "-m", "textfix", "repair", str(page), "--keep-lines", "-o", out])),
            ("textfix repair FILE -o OUT (pages cut by form feeds)", timed([py, "-m", "textfix", "repair", str(pages), "-o", out])),
            ("textfix repair FILE --jobs 2 -o OUT (pages cut by form feeds)", timed([py, "-m", "textfix", "repair", str(pages), "--jobs", "2", "-o", out])),
        ]
        seed = str(ROOT / "seeds" / "001_b2b7af04dbdc7222.txt")
        repair_seed = timed([py, "-m", "textfix", "repair", seed, "-o", out])
        split = timed([py, "-m", "textfix", "split", seed, "-o", out])
        startup = timed([py, "-c", "import textfix"])
    mb = size / 1e6
    print(f"File: {mb:.2f} MB of print pages; median of {RUNS} fresh processes after a warm-up.\n")
    print("| command | wall time | MB/s | vs ftfy.fix_text |")
    print("| --- | --- | --- | --- |")
    print(f"| python -c 'ftfy.fix_text(...)' (baseline) | {ftfy:.2f} s | {mb / ftfy:.2f} | 1.0× |")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.2f} s | {mb / seconds:.2f} | {ftfy / seconds:.1f}× faster |")
    print(f"| textfix repair (seed page, 23 kB) | {repair_seed * 1000:.0f} ms | | |")
    print(f"| textfix split (seed page, 23 kB) | {split * 1000:.0f} ms | | |")
    print(f"| python -c 'import textfix' | {startup * 1000:.0f} ms | | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
