"""CPU of scoring new word types: the first pass of the wording model over real articles.

The wording scan scores each word type once, without context (``Scorer.words``: curated lists,
outside sentiment lists, word frequency, learned counts, the model's weights) and remembers it; a
first pass over a corpus pays that for every new type, later passes do not. This script collects
the batches of new ``(norm, capital, curated)`` keys exactly as the scan hands them to
``Scorer.words`` over the articles, then scores them again from cold per-word caches (a fresh
scorer, every remembered word fact forgotten), several times, and prints the CPU seconds
(``time.process_time``) and microseconds per key: with the precomputed word table
(``analysis.wording.precomputed``) and without it (every word computed), alternately, in one
process. It also prints the table's size, the time to read it (fingerprint check included) and the
share of the new keys whose word it holds. ``--features`` also times whole cold ``features()``
passes over the articles (one core), with and without the table, alternately in this process, every
per-word cache forgotten before each (tone's too).

Usage:
  python benchmarks/new_words.py                                    # the seed corpus
  python benchmarks/new_words.py ../shared/eval/mbic_articles.jsonl --articles 300
  python benchmarks/new_words.py ../shared/eval/mbic_articles.jsonl --articles 300 --features

What it cannot show: the cost of the rest of a cold pass (the scan's own token facts, the garbage
collector's extra work while the caches fill), which ``benchmarks/corpus_throughput.py`` includes.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import frequency, load_corpus  # noqa: E402
from analysis.annotate import warm_up  # noqa: E402
from analysis.instruments import sentences  # noqa: E402
from analysis.lexicon import forget_compiled  # noqa: E402
from analysis.scale import features as corpus_features  # noqa: E402
from analysis.text import stem  # noqa: E402
from analysis.wording import features, lexicons, precomputed  # noqa: E402
from analysis.wording.scan import cue_scores  # noqa: E402
from analysis.wording.scorer import Scorer  # noqa: E402
from benchmarks._articles import first_texts  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


class _Recording(Scorer):
    """A scorer that keeps each batch of keys the scan asks it to score."""

    batches: list[list[tuple[str, bool, bool]]]

    def words(self, keys):  # type: ignore[no-untyped-def]
        keys = list(keys)
        self.batches.append([k for k in dict.fromkeys(keys) if k not in self._memo])
        super().words(keys)


def _forget_words() -> None:
    """Forget every remembered per-word fact (not the compiled lexicons)."""
    features.base_features.cache_clear()
    features.is_candidate.cache_clear()
    lexicons.curated_word.cache_clear()
    frequency.word_frequency.cache_clear()
    frequency._BUCKET_ZIPF.clear()
    stem.cache_clear()


def _cold_features(texts: list[str], repeat: int) -> None:
    """Whole cold ``features()`` passes, with and without the table, alternately."""
    frame = pd.DataFrame({"article_id": [str(i) for i in range(len(texts))], "body": texts})
    times: dict[str, list[float]] = {"computed": [], "table": []}
    for _ in range(repeat):
        for mode in times:
            with precomputed.ignored() if mode == "computed" else contextlib.nullcontext():
                forget_compiled()
                _forget_words()
                sentences._WORDS.clear()  # tone's per-word cache
                warm_up()
                gc.collect()
                start = time.process_time()
                corpus_features(frame, n_jobs=1)
                times[mode].append(time.process_time() - start)
    for mode, found in times.items():
        print(f"cold features(), one core, {mode:>8}: min {min(found):.3f} s, median {statistics.median(found):.3f} s CPU "
              f"({', '.join(f'{t:.3f}' for t in found)})")


def _texts(path: Path | None, n: int) -> list[str]:
    if path is None:
        articles, _ = load_corpus(sorted((ROOT / "corpus").glob("*/")))
        return list(articles["body"])[:n]
    return first_texts(path, n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles_file", nargs="?", type=Path, help="JSON Lines with a 'text' field")
    parser.add_argument("--articles", type=int, default=300, help="first N articles (default 300)")
    parser.add_argument("--repeat", type=int, default=5, help="cold passes to time (default 5)")
    parser.add_argument("--features", action="store_true", help="also time whole cold features() passes")
    args = parser.parse_args()
    texts = _texts(args.articles_file, args.articles)
    warm_up()
    recorder = _Recording()
    recorder.batches = []
    for text in texts:
        cue_scores(text, scorer=recorder)
    batches = [b for b in recorder.batches if b]
    n_keys = sum(map(len, batches))
    table = precomputed.word_table()
    if table is not None:
        loads = []
        for _ in range(args.repeat):
            start = time.process_time()
            precomputed.read_table()
            loads.append(time.process_time() - start)
        held = sum(k[0] in table.codes for b in batches for k in b)
        print(f"word table: {len(table.codes):,} words, {precomputed.TABLE_FILE.stat().st_size / 1e6:.1f} MB, "
              f"read in {1e3 * min(loads):.1f} ms CPU (min of {args.repeat}, fingerprint included); "
              f"holds the word of {held} of the {n_keys} new keys ({held / max(n_keys, 1):.1%})")
    else:
        print("word table: missing or stale (every word computed)")
    times: dict[str, list[float]] = {"computed": [], "table": []}
    for _ in range(args.repeat):
        for mode in times:
            with precomputed.ignored() if mode == "computed" else contextlib.nullcontext():
                warm_up()
                _forget_words()
                scorer = Scorer()
                start = time.process_time()
                for batch in batches:
                    scorer.words(batch)
                times[mode].append(time.process_time() - start)
    print(f"{len(texts)} articles, {len(batches)} batches, {n_keys} new word keys")
    for mode, found in times.items():
        print(f"Scorer.words from cold caches, {mode:>8}: min {min(found):.3f} s, median {statistics.median(found):.3f} s "
              f"CPU ({1e6 * min(found) / max(n_keys, 1):.1f} us a key)")
    if args.features:
        _cold_features(texts, max(1, args.repeat // 2))


if __name__ == "__main__":
    main()
