"""Print the speed and size figures of the comparison suite against its targets.

- compare: `python -m analysis compare EVENT --json` in a cold process, against a bare process that
  imports pandas and TextBlob and scores the same files (target: at most 1.5 times as long), by wall
  clock and by CPU seconds (the process and its children; less sensitive to other jobs on a shared
  machine). Timed twice, runs interleaved: with the package's modules compiled to bytecode, as an
  installed package has them and as the bare process's libraries have them (the figure the target
  is read on), and without (PYTHONDONTWRITEBYTECODE=1 with no compiled files, as on a machine that
  sets it: each cold process compiles the package's modules from source first);
- report: size of the HTML report for EVENT (target: under 3 MB);
- render: `python -m analysis render` of every notebook (target: under 60 s; skip with --no-render).

Usage: python benchmarks/suite_speed.py [EVENT] [--runs N] [--no-render]

Figures and the machine they were measured on: README, "Speed of the suite".
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
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


def timed(commands: dict[str, tuple[list[str], Path, dict[str, str]]], runs: int) -> dict[str, tuple[float, float]]:
    """Median wall time and median CPU time (user + system of the process and its children) of
    each ``name: (command, folder, environment)`` over ``runs`` cold processes, the commands taking
    turns so that other load on the machine falls on each alike (output discarded)."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, folder, env) in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            began = time.perf_counter()
            subprocess.run(command, cwd=folder, env=env, check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - began)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return {name: (statistics.median(times[name]), statistics.median(cpus[name])) for name in commands}


def package_copy(folder: Path, *, compiled: bool) -> Path:
    """A copy of the package in ``folder`` (so ``python -m analysis`` run there imports it), its
    modules compiled to bytecode or not."""
    folder.mkdir()
    shutil.copytree(ROOT / "analysis", folder / "analysis", ignore=shutil.ignore_patterns("__pycache__"))
    if compiled:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder / "analysis")], check=True)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("event", nargs="?", default=str(DEFAULT_EVENT))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-render", action="store_true")
    args = parser.parse_args()
    files = [str(p) for p in find_article_files(args.event)]
    event = str(Path(args.event).resolve())
    python = sys.executable
    env = dict(os.environ)
    source_only = {**env, "PYTHONDONTWRITEBYTECODE": "1"}
    compare_json = [python, "-m", "analysis", "compare", event, "--json"]
    with tempfile.TemporaryDirectory() as tmp:
        results = timed({
            "bare": ([python, "-c", BARE, *files], ROOT, env),
            "compiled": (compare_json, package_copy(Path(tmp) / "compiled", compiled=True), source_only),
            "source": (compare_json, package_copy(Path(tmp) / "source", compiled=False), source_only),
        }, args.runs)
    (bare, bare_cpu), (full, full_cpu), (cold, cold_cpu) = results["bare"], results["compiled"], results["source"]
    print(f"event: {args.event} ({len(files)} articles); median of {args.runs} cold runs each, interleaved; "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"bare process (import pandas + textblob, score the files): {bare:6.2f} s  ({bare_cpu:5.2f} s CPU)")
    print(f"python -m analysis compare --json (bytecode compiled):     {full:6.2f} s  ({full_cpu:5.2f} s CPU)")
    print(f"the same, no bytecode (modules compiled at each start):   {cold:6.2f} s  ({cold_cpu:5.2f} s CPU)")
    ratio = full / bare
    print(f"ratio compare / bare: {ratio:.2f}  (target <= 1.50: {'met' if ratio <= 1.5 else 'NOT met'}); "
          f"by CPU seconds (less sensitive to other load): {full_cpu / bare_cpu:.2f}; without bytecode "
          f"{cold / bare:.2f} ({cold_cpu / bare_cpu:.2f} by CPU)")

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
