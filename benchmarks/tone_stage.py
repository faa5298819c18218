"""CPU of the tone stage of annotation on real articles, beside TextBlob's own sentiment.

The tone stage (``analysis.annotate.tone_parts``) reads each sentence of an article once for both
instruments (``analysis.instruments.sentences``: every new word read once for TextBlob and VADER,
then remembered), scores VADER's compound of each sentence and TextBlob's assessments of each
sentence and of the whole body. This script times it over the articles of a JSON Lines file
(field ``text``), split into sentences as annotation splits them: one cold pass (every word both
instruments have read forgotten first, as in a fresh process after ``warm_up``), then warm passes
over the same articles (every word already read: the per-occurrence cost), and
``TextBlob(text).sentiment`` of the same articles, and prints CPU seconds (``time.process_time``).

Usage:
  python benchmarks/tone_stage.py ../shared/eval/mbic_articles.jsonl --articles 300

What it cannot show: the other stages of annotation (``benchmarks/corpus_throughput.py`` times
``features()`` whole), or a speed-up by itself: compare two versions of the code in one process.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textblob import TextBlob  # noqa: E402

from analysis.annotate import _item, collector_paused, tone_parts, warm_up  # noqa: E402
from analysis.instruments.sentences import forget_words  # noqa: E402
from benchmarks._articles import first_texts  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles_file", type=Path, help="JSON Lines with a 'text' field")
    parser.add_argument("--articles", type=int, default=300, help="first N articles (default 300)")
    parser.add_argument("--repeat", type=int, default=5, help="warm passes to time (default 5)")
    args = parser.parse_args()
    texts = first_texts(args.articles_file, args.articles)
    warm_up()
    items = [_item(str(k), text) for k, text in enumerate(texts)]
    calls = [([text for _, _, _, text in item.sentences], item.boilerplate) for item in items]
    n_sentences = sum(len(sentences) for sentences, _ in calls)
    start = time.process_time()
    for text in texts:
        TextBlob(text).sentiment  # noqa: B018 (the figure to compare with)
    textblob = time.process_time() - start
    forget_words()
    warm_up()
    warm = []
    with collector_paused():  # as annotation runs (analysis.annotate._annotate_items)
        start = time.process_time()
        for call in calls:
            tone_parts(*call)
        cold = time.process_time() - start
        for _ in range(args.repeat):
            start = time.process_time()
            for call in calls:
                tone_parts(*call)
            warm.append(time.process_time() - start)
    print(f"{len(texts)} articles, {n_sentences:,} sentences; CPU seconds (time.process_time)")
    for label, seconds in (("TextBlob(text).sentiment", [textblob]), ("tone stage, cold pass", [cold]),
                           ("tone stage, warm", warm)):
        best = min(seconds)
        print(f"{label:>25}: min {best:.3f} s, median {statistics.median(seconds):.3f} s "
              f"({1e3 * best / max(len(texts), 1):.2f} ms an article, {best / max(textblob, 1e-9):.2f}x TextBlob)")


if __name__ == "__main__":
    main()
