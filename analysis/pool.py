"""The package's one process pool: batches of work spread over the machine's cores, in order.

:func:`map_batches` runs ``func(batch)`` for every batch, here (one process, or a single batch)
or on a pool of forked worker processes, at most a few batches in flight, so a stream of any
length runs in constant memory. Annotation (``analysis.annotate.annotate_many``) and corpus
scale (``analysis.scale.features``, its term counts) use it, with a ``warm_up`` that compiles the
lexicons and patterns once in the parent before the workers are forked (``analysis.annotate.warm_up``).
Results never depend on the number of processes.
"""

from __future__ import annotations

import gc
import math
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Any, TypeVar

__all__ = ["guided_batches", "map_batches", "worker_count"]

T = TypeVar("T")


def _worker_start(warm_up: Callable[[], None] | None) -> None:
    """A worker's first step: what it inherited from the parent (lexicons, compiled patterns,
    remembered word scores) is set apart from the cyclic garbage collector, which then never
    walks it (an O(1) step; the collector would otherwise touch, and so copy, every inherited
    page), then ``warm_up`` (see :func:`map_batches`)."""
    gc.freeze()
    if warm_up is not None:
        warm_up()


def worker_count(n_jobs: int | None) -> int:
    """The processes :func:`map_batches` runs on for ``n_jobs`` (-1 or None: one per core)."""
    cores = os.cpu_count() or 1
    if n_jobs is None or n_jobs < 0:
        return cores
    return max(1, n_jobs)


def guided_batches(items: Iterable[T], size: int, *, workers: int = 1) -> Iterator[list[T]]:
    """``items`` in lists of ``size``, in order; with several ``workers``, the last of them in
    shorter lists (guided scheduling), so that the workers finish together.

    With lists of one size the run ends when the worker holding the last full list is done,
    while the other waits (on two cores at 300 articles, up to a list of 40 articles, a tenth of
    the run). Here ``workers * size`` items are held back; when the stream ends, they and the
    rest are cut in lists of what is left over twice the workers, each no longer than the one
    before and at least ``size // 4`` long (an article in a list of 5 costs about a seventh more
    CPU than in a list of 40: annotation runs stage by stage over a list, each stage's data hot).
    Reads at most ``(workers + 1) * size`` items ahead. The items and their order do not change:
    only where the lists are cut.
    """
    size = max(1, size)
    held = (workers * size) if workers > 1 else 0
    buffer: deque[T] = deque()
    for item in items:
        buffer.append(item)
        if len(buffer) >= held + size:
            yield [buffer.popleft() for _ in range(size)]
    smallest = max(1, size // 4)
    while buffer:
        n = len(buffer) if held == 0 else min(size, max(smallest, math.ceil(len(buffer) / (2 * workers))))
        yield [buffer.popleft() for _ in range(min(n, len(buffer)))]


def _chain(first: list[Any], rest: Iterator[Any]) -> Iterator[Any]:
    yield from first
    yield from rest


def map_batches(
    func: Callable[[Any], Any],
    batches: Iterable[Any],
    *,
    n_jobs: int | None = -1,
    in_flight: int | None = None,
    warm_up: Callable[[], None] | None = None,
) -> Iterator[Any]:
    """``func(batch)`` for every batch, in order, spread over ``n_jobs`` processes (-1: all cores):
    the package's one process pool (annotation, corpus-scale features, term counts).

    At most ``in_flight`` batches (default two per process) are queued at once, so an endless
    stream of batches runs in constant memory. ``warm_up`` (e.g. ``analysis.annotate.warm_up``,
    which compiles every lexicon and pattern) runs here before the workers are forked, so they
    inherit what it made, and once more in each worker when it starts. With one process, or a
    single batch, everything runs here (and ``warm_up`` is not called).
    """
    workers = worker_count(n_jobs)
    iterator = iter(batches)
    first = list(islice(iterator, 2))
    if workers <= 1 or len(first) < 2:
        for batch in first:
            yield func(batch)
        for batch in iterator:
            yield func(batch)
        return
    in_flight = in_flight or 2 * workers
    if warm_up is not None:
        warm_up()  # a forked worker inherits the compiled caches
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_start, initargs=(warm_up,))
    try:
        pending: deque[Any] = deque()
        for batch in _chain(first, iterator):
            pending.append(pool.submit(func, batch))
            if len(pending) >= in_flight:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        # Every result is in (or the caller stopped): batches not started are dropped and the
        # workers are joined before the caller goes on. Not waiting would save their exit (tens of
        # milliseconds), but it leaves the pool's thread running while the caller's next pool
        # forks, and a child forked while a thread holds a lock can wait on that lock forever.
        pool.shutdown(wait=True, cancel_futures=True)
