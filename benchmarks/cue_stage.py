"""CPU of the cue stage of annotation on real articles: the wording scan, its word pass and the cue wrapping.

The cue stage (``analysis.annotate._cues``) scans each article once: its word pass
(``analysis.wording.occurrences``) reads every word and the facts of its sentence, the scan scores
each word in its sentence (``analysis.wording.scan``), and each cue gets its sentence and voice. This
script times it over the articles of a JSON Lines file (field ``text``): one cold pass (every
compiled lexicon and remembered word forgotten first, as in a fresh process after ``warm_up``),
then warm passes over the same articles (every word type already seen: the per-occurrence cost),
and prints CPU seconds (``time.process_time``), per article and per 1,000 words; the word pass on
its own, warm, beside it.

Usage:
  python benchmarks/cue_stage.py ../shared/eval/mbic_articles.jsonl --articles 300

What it cannot show: the other stages of annotation (``benchmarks/corpus_throughput.py`` times
``features()`` whole), or a speed-up by itself: compare two versions of the code in one process.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.annotate import _cues, _item, warm_up  # noqa: E402
from analysis.lexicon import forget_compiled  # noqa: E402
from analysis.text import WORD_PATTERN  # noqa: E402
from analysis.voice import quotations  # noqa: E402
from analysis.wording.occurrences import _occurrence_parts  # noqa: E402
from benchmarks._articles import first_texts  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles_file", type=Path, help="JSON Lines with a 'text' field")
    parser.add_argument("--articles", type=int, default=300, help="first N articles (default 300)")
    parser.add_argument("--repeat", type=int, default=5, help="warm passes to time (default 5)")
    args = parser.parse_args()
    texts = first_texts(args.articles_file, args.articles)
    warm_up()
    calls = []
    for k, text in enumerate(texts):
        item = _item(str(k), text)
        quotes = tuple(quotations(item.body, sentences=[(s, e) for _, s, e, _ in item.sentences]))
        ordered = sorted(item.sentences, key=lambda s: s[1])
        calls.append((item.body, quotes, [s[1] for s in ordered], [s[2] for s in ordered], [s[0] for s in ordered]))
    n_words = sum(len(WORD_PATTERN.findall(text)) for text in texts)
    gc.set_threshold(20_000, 10, 10)  # as annotation runs (analysis.annotate._fewer_collections)
    forget_compiled()
    warm_up()
    start = time.process_time()
    for call in calls:
        _cues(*call)
    cold = time.process_time() - start
    warm, words = [], []
    for _ in range(args.repeat):
        start = time.process_time()
        for call in calls:
            _cues(*call)
        warm.append(time.process_time() - start)
        start = time.process_time()
        for text in texts:
            _occurrence_parts(text)
        words.append(time.process_time() - start)
    print(f"{len(texts)} articles, {n_words:,} words; CPU seconds (time.process_time)")
    for label, seconds in (("cue stage, cold pass", [cold]), ("cue stage, warm", warm), ("word pass, warm", words)):
        best = min(seconds)
        print(f"{label:>22}: min {best:.3f} s, median {statistics.median(seconds):.3f} s "
              f"({1e3 * best / max(len(texts), 1):.2f} ms an article, {1e6 * best / max(n_words, 1):.2f} us a word)")


if __name__ == "__main__":
    main()
