"""The process pool's batching: the same items in the same order, whatever the cut."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.pool import guided_batches, map_batches, worker_count


@given(n=st.integers(0, 400), size=st.integers(1, 60), workers=st.integers(1, 8))
@settings(max_examples=300, deadline=None)
def test_guided_batches_keep_every_item_in_order_and_shrink_only_at_the_end(n, size, workers):
    batches = list(guided_batches(iter(range(n)), size, workers=workers))
    assert [i for batch in batches for i in batch] == list(range(n))
    assert all(0 < len(batch) <= size for batch in batches)
    lengths = [len(batch) for batch in batches]
    if workers == 1:
        assert lengths[:-1] == [size] * (len(lengths) - 1)  # one size; only the very last may be short
    else:
        # full batches first, then each no longer than the one before, never below size // 4 but the last
        first_short = next((k for k, m in enumerate(lengths) if m < size), len(lengths))
        tail = lengths[first_short:]
        assert tail == sorted(tail, reverse=True)
        assert all(m >= max(1, size // 4) for m in tail[:-1])
        # what was held back is cut in more than one batch when there is enough of it
        if size >= 2 and n >= (workers + 1) * size:
            assert len(tail) >= 2


def test_guided_batches_read_a_stream_a_bounded_way_ahead():
    pulled = []

    def stream():
        for i in range(10_000):
            pulled.append(i)
            yield i

    batches = guided_batches(stream(), 40, workers=2)
    assert next(batches) == list(range(40))
    assert len(pulled) <= 3 * 40


def test_guided_batches_end_short_on_real_sizes():
    lengths = [len(b) for b in guided_batches(range(300), 40, workers=2)]
    assert sum(lengths) == 300 and lengths[0] == 40 and lengths[-1] < 20 and len(lengths) > 8


def test_worker_count():
    assert worker_count(1) == 1 and worker_count(3) == 3 and worker_count(0) == 1
    assert worker_count(-1) == worker_count(None) >= 1


def test_map_batches_in_order_on_two_processes():
    assert list(map_batches(sum, ([i, i] for i in range(12)), n_jobs=2)) == [2 * i for i in range(12)]


def test_map_batches_hands_on_a_workers_error_and_its_workers_end():
    import multiprocessing

    with pytest.raises(ValueError):
        list(map_batches(int, ["1", "2", "x", "4", "5", "6"], n_jobs=2))
    assert list(map_batches(int, ["1", "2", "3"], n_jobs=2)) == [1, 2, 3]
    # the workers have ended when the call returns: none is left running beside the next pool
    assert multiprocessing.active_children() == []
    assert list(map_batches(int, ["1", "2", "3"], n_jobs=2)) == [1, 2, 3]
    assert multiprocessing.active_children() == []
