"""Benchmark alignment and learning; prints a Markdown table.

    python bench/bench_align_learn.py

(a) aligning the seed pair, after import and one warm-up run: median of 30 runs (goal ≤ 20 ms);
(b) a 50,000-character synthetic page holding a 10,000-character article,
    printed with line breaks, digit spacing and garbled marks (goal ≤ 1 s),
    with peak memory under tracemalloc and the process's peak RSS;
(c) learning a model from the seed pair, after import (goal ≤ 50 ms).

Times are wall-clock (``time.perf_counter``).  The synthetic text is
pseudo-random Chinese from a fixed seed, so every run measures the same input.
"""

from __future__ import annotations

import platform
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import textfix  # noqa: E402
from tests._synthetic import garble, random_chinese, reflow  # noqa: E402  (the tests' page maker)

SEED_CLEAN = REPO / "seeds" / "000_b2a6d463218f33b3.txt"
SEED_NOISY = REPO / "seeds" / "001_b2b7af04dbdc7222.txt"
RUNS = 30


def median_ms(fn, runs: int = RUNS) -> tuple[float, float]:
    fn()  # warm-up: OpenCC tables, codec caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, min(times) * 1000


def main() -> None:
    clean, noisy = textfix.read_text(SEED_CLEAN), textfix.read_text(SEED_NOISY)
    rows = []

    med, best = median_ms(lambda: textfix.align(clean, noisy))
    rows.append(("(a) align seed pair (2.6k-char article, 8.9k-char page)", f"{med:.1f} ms", f"min {best:.1f} ms", "≤ 20 ms", med <= 20))

    def prose(n: int, seed: int) -> str:
        return random_chinese(n, seed, marks="，。、；：？！“”", digits=0.05)

    article = prose(10_000, seed=1)
    # Print-like: every “ ” ： garbled by the GB2312 lead-byte +0x31 shift, digits spaced, lines broken.
    page = prose(20_000, seed=2) + "\n" + reflow(garble(article, "“”："), width=21) + "\n" + prose(20_000, seed=3)
    textfix.align(article[:2000], page)  # warm the folding table for these characters
    start = time.perf_counter()
    result = textfix.align(article, page)
    elapsed = time.perf_counter() - start
    tracemalloc.start()
    textfix.align(article, page)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    kinds = ", ".join(f"{k} {v}" for k, v in result.counts().items() if v)
    rows.append((
        f"(b) align 10k-char article in {len(page) // 1000}k-char page ({kinds})",
        f"{elapsed * 1000:.0f} ms",
        f"tracemalloc peak {peak / 2**20:.1f} MiB; ru_maxrss {rss_mib:.0f} MiB",
        "≤ 1 s",
        elapsed <= 1.0,
    ))

    pair = textfix.Pair(clean, noisy)
    med, best = median_ms(lambda: textfix.learn([pair]))
    rows.append(("(c) learn from seed pair", f"{med:.1f} ms", f"min {best:.1f} ms", "≤ 50 ms", med <= 50))

    print(f"Python {platform.python_version()}, {platform.machine()}, textfix {textfix.__version__}; median of {RUNS} runs after a warm-up for (a) and (c)\n")
    print("| measurement | time | detail | goal | met |")
    print("|---|---|---|---|---|")
    for name, value, detail, goal, met in rows:
        print(f"| {name} | {value} | {detail} | {goal} | {'yes' if met else 'NO'} |")


if __name__ == "__main__":
    main()
