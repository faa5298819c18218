"""Throughput of the suite's measures at corpus scale, beside bare TextBlob, in one run.

Builds a corpus of N articles by sampling sentences from the seed texts (or any files given),
then measures, each in a fresh process so memory figures are clean:

  (a) bare ``TextBlob(text).sentiment`` in a loop, one core;
  (b) ``analysis.scale.features()`` (tone, wording cues, actors, sourcing) on one core, and on
      all cores;

and prints articles/s, words/s, CPU seconds, peak memory (proportional set size of the process
and its workers, sampled every 200 ms by default) and the ratio (b)/(a) for N = 1,000 and 10,000,
against the issue's targets:
features() on all cores >= 1.0x bare TextBlob on one core (issue 13); cost linear in N; peak < 1 GB.

Usage:
  python benchmarks/corpus_throughput.py                  # N = 1000 and 10000 (a few minutes)
  python benchmarks/corpus_throughput.py --n 500 2000     # other sizes
  python benchmarks/corpus_throughput.py --texts a.txt b.txt
  python benchmarks/corpus_throughput.py --n 300 --texts ../shared/eval/mbic_articles.jsonl   # real articles
  python benchmarks/corpus_throughput.py --n 300 --texts ../shared/eval/mbic_articles.jsonl --no-memory --repeat 3
      # the fastest of three fresh runs of each step, taken in turn (a shared machine)

Other processes on the machine take cores from the parallel run: the load average is printed
beside the figures; measure on a quiet machine.

Time and memory come from two runs of each step, each in a fresh process: the timed run has no
memory sampler (reading ``/proc/<pid>/smaps_rollup`` costs the kernel about 8 ms a process a
sample, taken from the workers' cores: on two cores it slowed the parallel run by about a tenth),
the second run samples memory only. ``--no-memory`` skips the second run.

Measured on 28 Nov 2026 at 01:18 and 01:24 UTC with ``--n 300 985 --texts
../shared/eval/mbic_articles.jsonl --repeat 3`` on the idle 2-core machine (load average 0.9-1.1),
code 33028c9: features() costs 2.02x / 1.82x TextBlob's CPU per article at 300 articles and
1.79x / 1.76x at 985 (2.34x / 2.16x and 2.00x / 2.14x at 23:14 for 0c5cb5e; 3.09x / 3.05x at 21:05
for e52b078); 0.84x / 0.89x and 0.99x / 1.00x one-core TextBlob on two cores; cost per article flat
or falling with N; peak 518 MB at 985.
See README, "Corpus scale".
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._articles import first_texts  # noqa: E402

DEFAULT_TEXTS = sorted(
    str(p) for p in (Path(__file__).resolve().parents[1] / "corpus" / "2025-06-spiderweb-istanbul").glob("*.txt")
)
TARGET_RATIO = 1.0  # issue 13: features() on all cores >= 1.0x one-core TextBlob
TARGET_PEAK_MB = 1024
LINEAR_TOLERANCE = 0.20  # cost per article at the largest N within 20 % of the smallest N


# ---------------------------------------------------------------------------------------------
# Memory: the resident set of this process and its children, sampled
# ---------------------------------------------------------------------------------------------


def _rss_kb(pid: int) -> int:
    """Proportional set size (shared pages split between the processes sharing them: forked
    workers share the lexicons with their parent), else the resident set size."""
    for name, key in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            with open(name) as handle:
                for line in handle:
                    if line.startswith(key):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                out.extend(int(c) for c in handle.read().split())
    except OSError:
        pass
    return out


class PeakMemory:
    """Sample the resident memory of this process tree every ``interval`` seconds."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _total(self) -> int:
        me = os.getpid()
        stack, total = [me], 0
        while stack:
            pid = stack.pop()
            total += _rss_kb(pid)
            stack.extend(_children(pid))
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, self._total())
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_kb = max(self.peak_kb, self._total())


# ---------------------------------------------------------------------------------------------
# One measurement, in its own process
# ---------------------------------------------------------------------------------------------


def _real_articles(path: str, n: int):
    """The first ``n`` articles of a JSON Lines file of real articles (``text`` per line, such as
    ``../shared/eval/mbic_articles.jsonl``), repeated in order if the file has fewer."""
    texts = first_texts(path)
    for i in range(n):
        yield {"article_id": f"a{i}", "outlet": "real", "body": texts[i % len(texts)]}


def _corpus(texts: list[str], n: int):
    from analysis.scale import synthetic_corpus

    if len(texts) == 1 and texts[0].endswith(".jsonl"):
        return _real_articles(texts[0], n)

    return synthetic_corpus({Path(t).stem: Path(t).read_text(encoding="utf-8") for t in texts}, n_articles=n, seed=1)


def _step(name: str, n: int, texts: list[str], interval: float = 0.2) -> dict[str, float]:
    """One measurement: time and CPU of the step, or with ``interval`` > 0 its peak memory only
    (sampled while it runs, which slows it)."""
    from analysis.text import WORD_PATTERN

    # Words are counted in a first pass over the (lazily regenerated) corpus, outside the timing.
    words = sum(len(WORD_PATTERN.findall(r["body"])) for r in _corpus(texts, n))
    if name == "textblob":
        from textblob import TextBlob

        _ = TextBlob("Warm up: a good start.").sentiment
        work = lambda: [TextBlob(r["body"]).sentiment for r in _corpus(texts, n)]  # noqa: E731
    else:
        from analysis.annotate import warm_up
        from analysis.scale import features

        warm_up()
        jobs = 1 if name == "features-1" else -1
        work = lambda: features(_corpus(texts, n), n_jobs=jobs, progress=False)  # noqa: E731
    if interval > 0:
        with PeakMemory(interval) as memory:
            result = work()
        assert len(result) == n, (len(result), n)
        return {"peak_mb": memory.peak_kb / 1024}
    cpu0, began = os.times(), time.perf_counter()
    result = work()
    seconds = time.perf_counter() - began
    # analysis.pool.map_batches joins its workers before it returns; any child still running is
    # waited for here all the same, so that the workers' CPU is counted in full.
    for child in multiprocessing.active_children():
        child.join()
    cpu1 = os.times()
    cpu = (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system)
    cpu += (cpu1.children_user - cpu0.children_user) + (cpu1.children_system - cpu0.children_system)
    assert len(result) == n, (len(result), n)
    return {"seconds": seconds, "cpu": cpu, "words": words}


def _run_step(name: str, n: int, texts: list[str], interval: float = 0.2) -> dict[str, float]:
    """The step timed in a fresh process, then (``interval`` > 0) run again in another with its
    memory sampled."""
    out: dict[str, float] = {"peak_mb": math.nan}
    for every in ([0.0, interval] if interval > 0 else [0.0]):
        command = [sys.executable, __file__, "--step", name, "--n", str(n), "--interval", str(every), "--texts", *texts]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"step {name} N={n} failed:\n{done.stderr}")
        out.update(json.loads(done.stdout.strip().splitlines()[-1]))
    return out


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 10000], help="corpus sizes")
    parser.add_argument("--texts", nargs="+", default=DEFAULT_TEXTS, help="files to sample sentences from")
    parser.add_argument(
        "--interval", type=float, default=0.2,
        help="seconds between memory samples, taken in a second run of each step (each sample reads "
             "/proc/<pid>/smaps_rollup of every process, which costs kernel time)",
    )
    parser.add_argument("--no-memory", action="store_true", help="time only: no second run to sample memory")
    parser.add_argument(
        "--repeat", type=int, default=1,
        help="time each step this many times (fresh processes, the steps taken in turn) and report the "
             "fastest run, with the spread: on a shared machine the fastest is the least disturbed",
    )
    parser.add_argument("--step", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        print(json.dumps(_step(args.step, args.n[0], args.texts, args.interval)))
        return
    interval = 0.0 if args.no_memory else args.interval

    cores = os.cpu_count() or 1
    if len(args.texts) == 1 and args.texts[0].endswith(".jsonl"):
        print(f"corpus: the first N real articles of {args.texts[0]}")
    else:
        print(f"corpus: N articles sampled from {', '.join(Path(t).name for t in args.texts)}")
    memory_note = "no memory run" if not interval else f"memory sampled every {interval:g} s in a second run"
    print(f"machine: {cores} cores; load average before: {os.getloadavg()[0]:.2f}; {memory_note}")
    header = (f"{'N':>6} {'run':<22} {'seconds':>8} {'cpu s':>7} {'articles/s':>10} {'words/s':>10} "
              f"{'ms/article':>10} {'ratio':>6} {'peak MB':>8}")
    print(header)
    print("-" * len(header))
    results: dict[tuple[int, str], dict[str, float]] = {}
    labels = {"textblob": "(a) TextBlob, 1 core", "features-1": "(b) features, 1 core",
              "features-all": f"(b) features, {cores} cores"}
    names = ("textblob", "features-1", "features-all")
    spreads: list[str] = []
    for n in args.n:
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in names}
        for k in range(max(1, args.repeat)):
            for name in names:  # in turn, so that a busy spell of the machine falls on every step
                runs[name].append(_run_step(name, n, args.texts, interval if k == 0 else 0.0))
        for name in names:
            r = min(runs[name], key=lambda run: run["seconds"])
            r["peak_mb"] = runs[name][0]["peak_mb"]
            results[(n, name)] = r
            base = results[(n, "textblob")]
            ratio = (n / r["seconds"]) / (n / base["seconds"])
            print(f"{n:>6} {labels[name]:<22} {r['seconds']:>8.2f} {r['cpu']:>7.2f} {n / r['seconds']:>10.1f} "
                  f"{r['words'] / r['seconds']:>10,.0f} {1000 * r['seconds'] / n:>10.2f} {ratio:>6.2f} "
                  f"{'-' if math.isnan(r['peak_mb']) else format(r['peak_mb'], '.0f'):>8}", flush=True)
            if len(runs[name]) > 1:
                spreads.append(f"  N={n} {labels[name]}: seconds " + " ".join(f"{run['seconds']:.2f}" for run in runs[name])
                               + "; cpu s " + " ".join(f"{run['cpu']:.2f}" for run in runs[name]))
    print(f"load average after: {os.getloadavg()[0]:.2f} (above {cores} means other work shared the cores)")
    print("cpu s: the process and its workers, in the timed run (no memory sampler)")
    if spreads:
        print(f"each step run {args.repeat} times; the fastest shown; all runs:")
        print("\n".join(spreads))

    print("\ntargets")
    ok_all = True
    for n in args.n:
        ratio = results[(n, "textblob")]["seconds"] / results[(n, "features-all")]["seconds"]
        ok = ratio >= TARGET_RATIO
        ok_all &= ok
        print(f"  N={n}: features on all cores / TextBlob on one core = {ratio:.2f}x "
              f"(target >= {TARGET_RATIO}x): {'MET' if ok else 'NOT MET'}")
    for n in args.n:
        cost = results[(n, "features-1")]["cpu"] / results[(n, "textblob")]["cpu"]
        print(f"  N={n}, by CPU seconds (less sensitive to other load): features costs {cost:.2f}x TextBlob "
              f"per article; on {cores} cores the best possible ratio is {cores / cost:.2f}x")
    lo, hi = min(args.n), max(args.n)
    if lo != hi:
        for name in ("textblob", "features-1", "features-all"):
            per_lo = results[(lo, name)]["seconds"] / lo
            per_hi = results[(hi, name)]["seconds"] / hi
            ok = abs(per_hi / per_lo - 1) <= LINEAR_TOLERANCE
            ok_all &= ok if name != "textblob" else True
            print(f"  linear, {labels[name]}: {1000 * per_lo:.2f} ms/article at N={lo}, "
                  f"{1000 * per_hi:.2f} at N={hi} ({per_hi / per_lo:.2f}x): {'MET' if ok else 'NOT MET'}")
    peak = max(results[(hi, name)]["peak_mb"] for name in ("features-1", "features-all"))
    if math.isnan(peak):
        print(f"  peak memory at N={hi}: not measured (--no-memory)")
    else:
        ok = peak < TARGET_PEAK_MB
        ok_all &= ok
        print(f"  peak memory at N={hi}: {peak:.0f} MB (target < {TARGET_PEAK_MB} MB): {'MET' if ok else 'NOT MET'}")
    print("all targets met" if ok_all else "NOT all targets met: see above")


if __name__ == "__main__":
    main()
