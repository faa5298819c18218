"""Print the speed and size figures of the comparison suite against its targets.

- compare: `python -m analysis compare EVENT --json` in a cold process, against a bare process that
  imports pandas and TextBlob and scores the same files (target: at most 1.5 times as long), by wall
  clock and by CPU seconds (the process and its children; less sensitive to other jobs on a shared
  machine);
- report: size of the HTML report for EVENT (target: under 3 MB);
- render: `python -m analysis render` of every notebook (target: under 60 s; skip with --no-render).

Usage: python benchmarks/suite_speed.py [EVENT] [--runs N] [--no-render]

Measured on 27 Nov 2026, seed event, --runs 3, on the 2-core machine shared by other jobs (load
average 7-10): compare 3.23 s CPU against 1.50 s for the bare process (2.16x; 2.14x by wall clock);
the code of that morning gave 2.96x in the same minutes. See README, "Speed of the suite".
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.corpus import find_article_files  # noqa: E402
from analysis.paths import DEFAULT_EVENT  # noqa: E402

BARE = """
import sys
import pandas
from textblob import TextBlob
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as handle:
        TextBlob(handle.read()).sentiment
"""


def timed(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system of the process and its children) of
    ``command`` over ``runs`` cold processes (output discarded)."""
    times, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - began)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("event", nargs="?", default=str(DEFAULT_EVENT))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-render", action="store_true")
    args = parser.parse_args()
    files = [str(p) for p in find_article_files(args.event)]
    python = sys.executable

    bare, bare_cpu = timed([python, "-c", BARE, *files], args.runs)
    full, full_cpu = timed([python, "-m", "analysis", "compare", args.event, "--json"], args.runs)
    print(f"event: {args.event} ({len(files)} articles); median of {args.runs} cold runs each")
    print(f"bare process (import pandas + textblob, score the files): {bare:6.2f} s  ({bare_cpu:5.2f} s CPU)")
    print(f"python -m analysis compare --json:                        {full:6.2f} s  ({full_cpu:5.2f} s CPU)")
    ratio = full / bare
    print(f"ratio compare / bare: {ratio:.2f}  (target <= 1.50: {'met' if ratio <= 1.5 else 'NOT met'}); "
          f"by CPU seconds (less sensitive to other load): {full_cpu / bare_cpu:.2f}")

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.html"
        began = time.perf_counter()
        subprocess.run([python, "-m", "analysis", "compare", args.event, "--html", str(out)], cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        size = out.stat().st_size
        print(f"HTML report: {size / 1024 / 1024:.2f} MB in {time.perf_counter() - began:.2f} s "
              f"(target < 3 MB: {'met' if size < 3 * 1024 * 1024 else 'NOT met'})")
        if not args.no_render:
            began = time.perf_counter()
            subprocess.run([python, "-m", "analysis", "render", "--out", str(Path(tmp) / "site")], cwd=ROOT,
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            seconds = time.perf_counter() - began
            pages = len(list((Path(tmp) / "site").glob("*.html")))
            print(f"render of every notebook: {seconds:.1f} s, {pages} pages "
                  f"(target < 60 s: {'met' if seconds < 60 else 'NOT met'})")


if __name__ == "__main__":
    main()
