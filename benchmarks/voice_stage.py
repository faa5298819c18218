"""CPU of the voice stages of annotation on real articles: sources, quotations, words by voice.

Annotation (``analysis.annotate._annotate_all``) scans each body once for the words its sources
and quotations need (``_body_scan``), finds the sources of a batch in one call (``_sources``:
each sentence's words read off the scan, the attribution patterns run only where their words
stand), the quotations of each body (``analysis.voice.quotations`` with the scan's hits) and its
words by voice (``voice_words``, with the word count the wording scan makes on its way). This script
times each stage over the articles of a JSON Lines file (field ``text``), warm (after ``warm_up``
and one pass), as annotation runs them, and beside them the same stages without the scan (each
sentence searched alone for an attribution word, the body scanned again for speech verbs: the
code before the scan, still the path for a body the scan cannot read), and TextBlob's sentiment
of the same texts for scale. CPU seconds (``time.process_time``), the least of ``--repeat`` passes.

Usage:
  python benchmarks/voice_stage.py ../shared/eval/mbic_articles.jsonl --articles 300

What it cannot show: the other stages (``benchmarks/cue_stage.py``, ``benchmarks/corpus_throughput.py``
for ``features()`` whole), a cold first pass, or memory.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textblob import TextBlob  # noqa: E402

from analysis.annotate import _body_scan, _item, _sources, voice_words, warm_up  # noqa: E402
from analysis.text import WORD_PATTERN  # noqa: E402
from analysis.voice import quotations  # noqa: E402
from benchmarks._articles import first_texts  # noqa: E402


def _least(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles_file", type=Path, help="JSON Lines with a 'text' field")
    parser.add_argument("--articles", type=int, default=300, help="first N articles (default 300)")
    parser.add_argument("--repeat", type=int, default=5, help="passes to time, the least kept (default 5)")
    args = parser.parse_args()
    texts = first_texts(args.articles_file, args.articles)
    warm_up()
    items = [_item(str(k), text) for k, text in enumerate(texts)]
    spans = [[(s, e) for _, s, e, _ in item.sentences] for item in items]
    scans = [_body_scan(item.body) for item in items]
    quotes = [tuple(quotations(item.body, sentences=found)) for item, found in zip(items, spans, strict=True)]
    counts = [sum(1 for _ in WORD_PATTERN.finditer(item.body)) for item in items]
    gc.set_threshold(20_000, 10, 10)  # as annotation runs (analysis.annotate._fewer_collections)

    def scan() -> object:
        return [_body_scan(item.body) for item in items]

    def sources_scanned() -> object:
        return _sources(items, None, scans)

    def sources_alone() -> object:
        return _sources(items, None)

    def quotes_scanned() -> object:
        return [quotations(item.body, sentences=found, hits=got[1] if got is not None else None)
                for item, found, got in zip(items, spans, scans, strict=True)]

    def quotes_alone() -> object:
        return [quotations(item.body, sentences=found) for item, found in zip(items, spans, strict=True)]

    def words() -> object:
        return [voice_words(item.body, found, n) for item, found, n in zip(items, quotes, counts, strict=True)]

    def textblob() -> object:
        return [TextBlob(text).sentiment for text in texts]

    for run in (scan, sources_scanned, sources_alone, quotes_scanned, quotes_alone, words, textblob):
        run()  # warm
    blob = _least(textblob, args.repeat)
    figures = {name: _least(run, args.repeat) for name, run in (
        ("scan", scan), ("sources", sources_scanned), ("quotations", quotes_scanned), ("voice words", words),
        ("sources, no scan", sources_alone), ("quotations, no scan", quotes_alone))}
    print(f"{len(texts)} articles, CPU s (least of {args.repeat} warm passes); TextBlob(text).sentiment {blob:.3f} s")
    for name, seconds in figures.items():
        print(f"  {name:<22} {seconds:7.3f} s  {seconds / blob:5.2f}x TextBlob")
    with_scan = figures["scan"] + figures["sources"] + figures["quotations"]
    without = figures["sources, no scan"] + figures["quotations, no scan"]
    print(f"  sources + quotations: {with_scan:.3f} s with the scan, {without:.3f} s without "
          f"(saved {without - with_scan:.3f} s)")


if __name__ == "__main__":
    main()
