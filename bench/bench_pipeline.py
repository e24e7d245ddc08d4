"""Pipelines at scale (issue 6): worker speed-up, and memory while streaming a large JSONL.

    python bench/bench_pipeline.py                      # 200 and 1000 pages; JSONL of 100 MB and 1000 MB
    python bench/bench_pipeline.py --rss-sizes 100,500  # smaller streams
    python bench/bench_pipeline.py --skip-rss           # the speed-up only

(1) ``textfix repair DIR -o OUT -q --jobs 1`` against ``--jobs 2`` over
*--pages* generated page files: wall time, best of *--repeat*, and whether
the outputs are byte-identical.  (2) ``textfix repair --jsonl BIG -o OUT -q``
over generated JSONL files of each size: peak RSS of the main process
(``/usr/bin/time -v``'s maximum resident set) and of the whole process tree
(main plus workers, sampled every 0.1 s with psutil if installed).

Pages are made by concatenating the seed page and the synthetic pages in
``corpora/pages`` to the size of a real page (18–28 KB; the seed is 23 KB)
and perturbing them (ASCII commas, stray spaces, broken lines), so every
page differs.  JSONL records carry such pages.  Everything goes under *--workdir*
(default /tmp/textfix-bench), never the repository.  An idle machine is
waited for (up to --quiet-wait seconds) and printed before each run: other
processes on the machine skew the speed-up, so read it with the load.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = {"quiet_wait": 120.0}  # seconds to wait for other processes to let go of the cores before a run


def base_pages() -> list[str]:
    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora" / "pages").glob("synth-*.txt"))]
    return pages + [(ROOT / "seeds" / "001_b2b7af04dbdc7222.txt").read_text(encoding="utf-8")]


def make_page(rng: random.Random, pages: list[str]) -> str:
    """Pages end to end up to 18–28 KB, the size of the seed page (23 KB), perturbed so that no two are equal."""
    target, parts = rng.randint(18_000, 28_000), []
    while sum(len(p.encode("utf-8")) for p in parts) < target:
        parts.append(rng.choice(pages))
    text = "\n".join(parts)
    text = re.sub("，", lambda m: "," if rng.random() < 0.05 else m.group(), text)
    text = re.sub(r"(?<=[\u4e00-\u9fff])(?=\d)", lambda m: " " if rng.random() < 0.2 else "", text)
    lines = text.split("\n")
    for _ in range(rng.randint(0, 3)):
        i = rng.randrange(len(lines))
        cut = len(lines[i]) // 2
        lines[i : i + 1] = [lines[i][:cut], lines[i][cut:]]
    return "\n".join(lines) + "\n"


def write_pages(folder: Path, count: int, seed: int = 6) -> int:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    rng, pages, size = random.Random(seed), base_pages(), 0
    for i in range(count):
        text = make_page(rng, pages)
        (folder / f"page-{i:04d}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


def write_jsonl(path: Path, megabytes: int, seed: int = 6) -> int:
    """Records {"id", "source", "text"} until the file reaches *megabytes*; returns the record count."""
    rng, pages, size, n = random.Random(seed), base_pages(), 0, 0
    with path.open("w", encoding="utf-8") as out:
        while size < megabytes * 1_000_000:
            line = json.dumps({"id": f"p{n:07d}", "source": "bench", "text": make_page(rng, pages)}, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
            n += 1
    return n


def textfix(*args: str) -> list[str]:
    return [sys.executable, "-m", "textfix", *args]


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def wait_for_quiet(limit: float, busy: float = 15.0) -> str:
    """Wait up to *limit* seconds for the machine's CPU use to fall under *busy* percent; say what it was.

    A speed-up measured while another process holds a core means nothing.
    """
    try:
        import psutil
    except ImportError:
        return f"load {load()}"
    deadline = time.monotonic() + limit
    while True:
        used = psutil.cpu_percent(interval=1.0)
        if used < busy or time.monotonic() >= deadline:
            return f"cpu {used:.0f}% busy before the run, load {load()}"


def bench_jobs(workdir: Path, count: int, repeat: int) -> dict:
    pages = workdir / "pages"
    size = write_pages(pages, count)
    times: dict[int, list[float]] = {1: [], 2: []}
    others: dict[int, list[float]] = {1: [], 2: []}
    work: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(repeat):
        for jobs in (1, 2):
            out = workdir / f"out-{jobs}"
            shutil.rmtree(out, ignore_errors=True)
            print(f"  jobs {jobs}: {wait_for_quiet(SETTINGS['quiet_wait'])}", file=sys.stderr)
            with Meter() as meter:
                subprocess.run(textfix("repair", str(pages), "-o", str(out), "-q", "--jobs", str(jobs)), check=True)
            times[jobs].append(meter.wall)
            others[jobs].append(meter.others)
            work[jobs].append(work_only(pages, jobs))
            print(f"    {meter.wall:.2f} s wall, {meter.ours:.2f} s CPU ours, {meter.others:.2f} s CPU others; "
                  f"work only {work[jobs][-1]:.2f} s", file=sys.stderr)
    same = all((workdir / "out-1" / p.name).read_bytes() == (workdir / "out-2" / p.name).read_bytes() for p in pages.iterdir())
    best = {j: min(t) for j, t in times.items()}
    return {"pages": count, "megabytes": size / 1e6, "times": times, "others": others, "best": best,
            "median": {j: statistics.median(t) for j, t in times.items()}, "speedup": best[1] / best[2], "identical": same,
            "work": {j: min(t) for j, t in work.items()}}


WORK_ONLY = """
import sys, time
from textfix import batch, workers
from textfix.model import default_model
if __name__ == "__main__":
    model = default_model()
    items = batch.iter_items(batch.expand_inputs([sys.argv[1]]))
    start = time.perf_counter()
    for _ in workers.process_items(items, batch.Task("repair"), model, jobs=int(sys.argv[2])):
        pass
    print(time.perf_counter() - start)
"""


def work_only(pages: Path, jobs: int) -> float:
    """Wall time of :func:`textfix.workers.process_items` alone, in a fresh process: no interpreter start, imports or writes."""
    script = pages.parent / "work_only.py"
    script.write_text(WORK_ONLY, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), str(pages), str(jobs)], check=True, capture_output=True, text=True)
    return float(done.stdout)


class Meter:
    """Wall time of a block, the CPU time of the children it ran, and the CPU time other processes took meanwhile.

    The machine may be shared: CPU that neither we nor the idle loop used
    went to someone else, and a run during which that is large says little
    about our speed-up.
    """

    def __enter__(self) -> "Meter":
        self._wall, self._ours, self._busy = time.perf_counter(), _children_cpu(), _system_busy()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self._wall
        self.ours = _children_cpu() - self._ours
        busy = _system_busy() - self._busy
        self.others = max(0.0, busy - self.ours) if busy == busy else float("nan")


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _system_busy() -> float:
    """CPU seconds the whole machine spent not idle (from /proc/stat), or NaN where there is none."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return float("nan")
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def tree_rss_sampler(pid: int, peak: list[int], stop: threading.Event) -> None:
    """Largest sum of RSS over *pid* and its descendants, sampled until *stop*."""
    try:
        import psutil
    except ImportError:
        return
    try:
        root = psutil.Process(pid)
        while not stop.is_set():
            total = 0
            for proc in [root, *root.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
            peak[0] = max(peak[0], total)
            stop.wait(0.1)
    except psutil.Error:
        pass


def bench_rss(workdir: Path, megabytes: int, jobs: int) -> dict:
    big = workdir / f"stream-{megabytes}MB.jsonl"
    if not big.exists() or big.stat().st_size < megabytes * 1_000_000:
        records = write_jsonl(big, megabytes)
    else:
        records = sum(1 for _ in big.open("rb"))
    out = workdir / "stream-out.jsonl"
    command = ["/usr/bin/time", "-v", *textfix("repair", "--jsonl", str(big), "-o", str(out), "-q", "--jobs", str(jobs))]
    print(f"  stream {megabytes} MB, jobs {jobs}: {wait_for_quiet(SETTINGS['quiet_wait'])}", file=sys.stderr)
    peak, stop = [0], threading.Event()
    start = time.perf_counter()
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    sampler = threading.Thread(target=tree_rss_sampler, args=(proc.pid, peak, stop), daemon=True)
    sampler.start()
    _, err = proc.communicate()
    stop.set()
    sampler.join()
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"textfix failed ({proc.returncode}):\n{err}")
    main_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1))
    written = sum(1 for _ in out.open("rb"))
    out.unlink()
    return {"megabytes": big.stat().st_size / 1e6, "records": records, "written": written, "jobs": jobs,
            "seconds": elapsed, "main_mb": main_kb / 1024, "tree_mb": peak[0] / 2**20 if peak[0] else None}


def report(runs: list[dict], streams: list[dict]) -> str:
    lines = []
    for jobs in runs:
        lines += [
            f"Worker speed-up, {jobs['pages']} generated pages ({jobs['megabytes']:.1f} MB), `textfix repair DIR -o OUT -q --jobs N`:",
            "",
            "| --jobs | best wall time | median | runs (wall s / CPU s taken meanwhile by other processes) |",
            "| --- | --- | --- | --- |",
        ]
        for j in (1, 2):
            runs = ", ".join(f"{t:.2f}/{o:.2f}" for t, o in zip(jobs["times"][j], jobs["others"][j]))
            lines.append(f"| {j} | {jobs['best'][j]:.2f} s | {jobs['median'][j]:.2f} s | {runs} |")
        w = jobs["work"]
        lines += ["", f"Speed-up (best of each): **{jobs['speedup']:.2f}×**; outputs byte-identical: {jobs['identical']}. "
                  f"The work alone (`workers.process_items`, no interpreter start, imports or writes; best of each): "
                  f"{w[1]:.2f} s → {w[2]:.2f} s, **{w[1] / w[2]:.2f}×**.", ""]
    if streams:
        lines += [
            "Streaming `textfix repair --jsonl BIG -o OUT -q --jobs N` (peak RSS: main process from `/usr/bin/time -v`; "
            "whole tree, main plus workers, sampled with psutil):",
            "",
            "| JSONL size | records | --jobs | wall time | peak RSS, main | peak RSS, tree |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for s in streams:
            tree = f"{s['tree_mb']:.0f} MB" if s["tree_mb"] else "n/a"
            lines.append(f"| {s['megabytes']:.0f} MB | {s['records']:,} | {s['jobs']} | {s['seconds']:.0f} s | {s['main_mb']:.0f} MB | {tree} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", default="200,1000", help="page counts for the speed-up, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rss-sizes", default="100,1000", help="JSONL sizes in MB, comma-separated")
    parser.add_argument("--rss-jobs", default="2", help="--jobs values for the streams, comma-separated")
    parser.add_argument("--workdir", default="/tmp/textfix-bench")
    parser.add_argument("--skip-jobs", action="store_true")
    parser.add_argument("--skip-rss", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    parser.add_argument("--quiet-wait", type=float, default=SETTINGS["quiet_wait"], help="seconds to wait for an idle machine before each run")
    args = parser.parse_args()
    SETTINGS["quiet_wait"] = args.quiet_wait
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    jobs = [] if args.skip_jobs else [bench_jobs(workdir, int(n), args.repeat) for n in args.pages.split(",") if n]
    streams = []
    if not args.skip_rss:
        for size in (int(s) for s in args.rss_sizes.split(",") if s):
            streams += [bench_rss(workdir, size, int(j)) for j in args.rss_jobs.split(",") if j]
    print(report(jobs, streams))
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
