"""Print how long loading a corpus takes: reading, cleaning, splitting sentences and tokens.

Usage: python benchmarks/load_time.py [PATH …]   (default: the seed event folder)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.inputs import load_corpus  # noqa: E402
from analysis.paths import DEFAULT_EVENT  # noqa: E402


def main(argv: list[str]) -> None:
    paths = argv or [str(DEFAULT_EVENT)]
    load_corpus(paths)  # warm up imports and caches
    runs = []
    for _ in range(20):
        began = time.perf_counter()
        articles, sentences = load_corpus(paths)
        runs.append(time.perf_counter() - began)
    words = int(articles.n_words.sum())
    median = statistics.median(runs)
    print(f"corpus: {', '.join(paths)}")
    print(f"articles: {len(articles)}  sentences: {len(sentences)}  words: {words}")
    print(f"load_corpus median of {len(runs)} runs: {median * 1000:.1f} ms "
          f"({len(articles) / median:.0f} articles/s, {words / median:,.0f} words/s)")


if __name__ == "__main__":
    main(sys.argv[1:])
