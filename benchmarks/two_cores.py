"""Where the extra CPU of features() on two processes goes, on real articles.

Two workers use more CPU than one process for the same articles. This script takes the extra
apart, each figure the CPU seconds (``time.process_time``) of forked children of one warmed-up
parent, so every run starts from the same inherited caches:

  (1) one child annotating every batch (``analysis.scale.batch_features``): the one-process cost;
  (2) two children one after the other, the even and the odd batches: (2) - (1) is what the
      second process learns again (each worker's own first pass over the word types the other
      has already met) and the pages it copies from the parent (copy-on-write faults, counted);
  (3) the same two children at the same time: (3) - (2) is what running side by side costs
      (shared caches and memory bandwidth; on a shared machine, other jobs too);
  (4) ``analysis.pool.map_batches`` itself on two processes, the batches of ``features()``:
      the parent's CPU (forking, sending batches, reading results), each worker's CPU outside
      its batches (start, unpickling, pickling), how long after the start the workers begin, how
      far apart they finish and how long the call takes after the last batch is done.

Usage:
  python benchmarks/two_cores.py ../shared/eval/mbic_articles.jsonl --articles 300 --repeat 3

Each line of (1)-(3) is the fastest of ``--repeat`` rounds (the machine's load average is
printed: on a busy machine every figure grows, (3) most).
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import pool as pool_module  # noqa: E402
from analysis import scale  # noqa: E402
from analysis.annotate import warm_up  # noqa: E402
from benchmarks._articles import first_texts  # noqa: E402


def _faults() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def _child(batches: list, which: list[int]) -> tuple[int, int]:
    """Fork a child that annotates ``batches[i]`` for ``i`` in ``which``; (pid, read end)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        gc.freeze()  # as a pool worker starts (analysis.pool._worker_start)
        cpu, faults = time.process_time(), _faults()
        for i in which:
            scale._features_batch(batches[i])
        os.write(write, json.dumps([time.process_time() - cpu, _faults() - faults]).encode())
        os._exit(0)
    os.close(write)
    return pid, read


def _collect(child: tuple[int, int]) -> tuple[float, int]:
    pid, read = child
    data = b""
    while chunk := os.read(read, 4096):
        data += chunk
    os.close(read)
    os.waitpid(pid, 0)
    cpu, faults = json.loads(data)
    return cpu, faults


def _timed_batch(args: tuple) -> tuple[list, tuple[int, float, float, float]]:
    """A pool batch with its worker's pid, wall start and end, and CPU."""
    began, cpu = time.time(), time.process_time()
    out = scale._features_batch(args)
    return out, (os.getpid(), began, time.time(), time.process_time() - cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", help="JSON Lines of real articles (field 'text')")
    parser.add_argument("--articles", dest="n", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = first_texts(args.articles, args.n)
    bodies = [list(chunk) for chunk in pool_module.guided_batches(texts, args.batch_size, workers=2)]
    batches = [(chunk, False, ()) for chunk in bodies]
    every = list(range(len(batches)))
    even, odd = every[0::2], every[1::2]
    warm_up()
    print(f"{len(texts)} articles in {len(batches)} batches ({', '.join(str(len(b)) for b in bodies)}); "
          f"load average {os.getloadavg()[0]:.2f}")

    one, apart, side = [], [], []
    for _ in range(args.repeat):
        one.append(_collect(_child(batches, every)))
        first = _collect(_child(batches, even))
        second = _collect(_child(batches, odd))
        apart.append((first[0] + second[0], first[1] + second[1]))
        a, b = _child(batches, even), _child(batches, odd)
        ca, cb = _collect(a), _collect(b)
        side.append((ca[0] + cb[0], ca[1] + cb[1]))
    best = {name: min(runs) for name, runs in (("one", one), ("apart", apart), ("side", side))}
    print(f"(1) one process, every batch:          {best['one'][0]:.3f} s CPU, {best['one'][1]} page faults")
    print(f"(2) two processes one after the other: {best['apart'][0]:.3f} s CPU, {best['apart'][1]} page faults "
          f"(+{best['apart'][0] - best['one'][0]:.3f} s: the second first pass and the copied pages)")
    print(f"(3) the two at the same time:          {best['side'][0]:.3f} s CPU "
          f"(+{best['side'][0] - best['apart'][0]:.3f} s more: running side by side)")

    # (4) the pool itself
    rows = []
    for _ in range(args.repeat):
        t0, w0 = os.times(), time.time()
        stats = [s for _, s in pool_module.map_batches(_timed_batch, batches, n_jobs=2, warm_up=warm_up)]
        returned = time.time()
        for child in multiprocessing.active_children():
            child.join()
        t1 = os.times()
        parent = (t1.user - t0.user) + (t1.system - t0.system)
        workers = (t1.children_user - t0.children_user) + (t1.children_system - t0.children_system)
        in_batches = sum(s[3] for s in stats)
        ends = {}
        for pid, _, end, _ in stats:
            ends[pid] = max(ends.get(pid, 0.0), end)
        first_start = min(s[1] for s in stats) - w0
        rows.append((returned - w0, parent, workers, in_batches, first_start,
                     max(ends.values()) - min(ends.values()), returned - max(ends.values())))
    wall, parent, workers, in_batches, start, gap, after = min(rows)
    print(f"(4) map_batches on 2 processes (fastest of {args.repeat}): {wall:.3f} s wall; parent {parent:.3f} s CPU; "
          f"workers {workers:.3f} s CPU, of which {workers - in_batches:.3f} outside their batches; first batch "
          f"begins {start:.3f} s after the call; the workers end {gap:.3f} s apart; the call returns "
          f"{after:.3f} s after the last batch")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
