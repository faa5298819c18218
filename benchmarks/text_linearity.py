"""Seconds per MB for every text function, on runs of each character class and on realistic text.

A text function that is linear in its input costs the same per MB at any size; one that goes
quadratic on some run of characters (a regular expression backtracking over 40 KB of dots, an
overlap check comparing every match with every other) costs more per MB the longer the run. For
each function and each input this script times a small and a large piece and prints:

- ``s/MB``: seconds per MB at the large size;
- ``growth``: cost per MB at the large size divided by cost per MB at the small size (about 1 for
  a linear function; about ``large/small`` for a quadratic one). Cases slower than
  ``--budget`` seconds at the small size are not run at the large size and are marked ``SLOW``.

The inputs: runs of one character (every class the text functions treat specially: sentence
punctuation, quotation marks, brackets, hyphens and dashes, letters, digits, white space, markup
characters, non-Latin letters), short repeated patterns that attribution, initialism, name and
number rules match, and realistic news text (the seed corpus, or ``--articles FILE.jsonl`` such as
``../shared/eval/mbic_articles.jsonl``, whose ``text`` fields are joined).

Usage:
  python benchmarks/text_linearity.py                      # 16 KB and 128 KB pieces
  python benchmarks/text_linearity.py --large 1000000      # 1 MB pieces (minutes)
  python benchmarks/text_linearity.py --articles ../shared/eval/mbic_articles.jsonl
  python benchmarks/text_linearity.py --only sentence_spans --inputs dots

Target: every growth below 2 (no quadratic corner) and every s/MB within a small factor of the
function's figure on realistic text.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402

from analysis.actors import actor_mentions  # noqa: E402
from analysis.alignment import content_terms, named_items  # noqa: E402
from analysis.boilerplate import clean_text  # noqa: E402
from analysis.corpus import CorpusError  # noqa: E402
from analysis.discovery import discover_actors  # noqa: E402
from analysis.emphasis import sentence_topics  # noqa: E402
from analysis.inputs import articles_from_texts  # noqa: E402
from analysis.scale import article_features  # noqa: E402
from analysis.sourcing import find_sources  # noqa: E402
from analysis.text import is_probably_english, paragraph_spans, sentence_spans, word_spans  # noqa: E402
from analysis.tone import textblob_sentiment, vader_compound  # noqa: E402
from analysis.voice import quotations  # noqa: E402
from analysis.wording import highlight_html, keyword_in_context, loaded_language  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]

#: One run per character class the text functions treat specially.
CHARACTER_RUNS = {
    "dots": ".",
    "bangs": "!",
    "questions": "?",
    "ellipses": "…",
    "commas": ",",
    "colons": ":",
    "hyphens": "-",
    "dashes": "—",
    "apostrophes": "'",
    "curly-apostrophes": "’",
    "straight-quotes": '"',
    "open-curly-quotes": "“",
    "close-curly-quotes": "”",
    "open-single-curly": "‘",
    "guillemets": "«",
    "parens": "(",
    "brackets": "[",
    "angle": "<",
    "ampersand": "&",
    "hash": "#",
    "star": "*",
    "underscore": "_",
    "slash": "/",
    "letters": "a",
    "capitals": "A",
    "digits": "7",
    "currency": "$",
    "percent": "%",
    "spaces": " ",
    "newlines": "\n",
    "tabs": "\t",
    "nbsp": "\u00a0",
    "zero-width": "\u200b",
    "accented": "é",
    "cjk": "中",
    "emoji": "😀",
}
#: Short patterns that the attribution, name, initialism, number and sentence rules match.
PATTERN_RUNS = {
    "word-space": "a ",
    "Capital-space": "Alpha ",
    "initial-dot": "A.",
    "initial-dot-space": "A. ",
    "dot-word": "a.",
    "numbers": "1,0",
    "money": "$1 ",
    "mr": "Mr. ",
    "attribution": "Officials said talks resumed ",
    "comma-said": "…,” said Peskov ",
    "according": "according to ",
    "open-quote-word": "“word ",
    "quote-words": '"a b ',
    "dash-words": "a-b-",
    "apostrophe-words": "a’b’",
    "believed": "is believed to be ",
    "front-matter-ish": "---\nkey: value\n",
    "html-ish": "<p>a</p>",
    "line-of-dots": "Word.\n",
    "blank-lines": "a\n\n",
    # realistic pathological runs: title abbreviations, initials, names, quotations (issue 15)
    "us-abbrev": "U.S. ",
    "initials": "J. R. R. ",
    "title-name": "Gov. Ann Lee ",
    "title-words": "Prime Minister ",
    "name-list": "John Smith, ",
    "and-chain": "Alpha and ",
    "capital-name-run": "Alpha Beta Gamma ",
    "possessive-run": "Kyiv’s ",
    "quote-said": "“We will win,” he said. ",
    "said-that-quote": "I said that “a” b. ",
    "quote-phrase": "It was a “great” idea. ",
    "nested-quotes": "“a ‘b “c ",
    "single-quoted": "'a' ",
    "apostrophe-run": "''' ",
    "unmatched-close": "a” ",
    "long-quote": "“" + "word " * 2000,
    "block-quotes": "> a\n\n",
}


def _one_sentence(text: str) -> pd.DataFrame:
    return pd.DataFrame({"article_id": ["a"], "sent_id": [0], "start": [0], "text": [text]})


def _load_articles(text: str) -> object:
    try:
        return articles_from_texts({"a": text})
    except CorpusError:
        return None


def _highlight(text: str) -> str:
    return highlight_html(text, loaded_language(text))


FUNCTIONS: dict[str, Callable[[str], object]] = {
    "word_spans": word_spans,
    "sentence_spans": sentence_spans,
    "paragraph_spans": paragraph_spans,
    "clean_text": clean_text,
    "articles_from_texts": _load_articles,
    "is_probably_english": is_probably_english,
    "loaded_language": loaded_language,
    "highlight_html": _highlight,
    "textblob_sentiment": textblob_sentiment,
    "vader_compound": vader_compound,
    "find_sources": lambda t: find_sources(_one_sentence(t)),
    "named_items": lambda t: named_items(_one_sentence(t)),
    "actor_mentions": lambda t: actor_mentions(_one_sentence(t)),
    "sentence_topics": lambda t: sentence_topics(_one_sentence(t)),
    "content_terms": content_terms,
    "keyword_in_context": lambda t: keyword_in_context(pd.DataFrame({"article_id": ["a"], "body": [t]}), "said"),
    "article_features": article_features,
    "discover_actors": lambda t: discover_actors(_one_sentence(t)),
    "quotations": quotations,
}


def realistic_text(articles: str | None) -> str:
    """News prose: the ``text`` of a JSON Lines file, else the seed corpus."""
    if articles:
        with open(articles, encoding="utf-8") as handle:
            return "\n\n".join(json.loads(line).get("text", "") for line in handle if line.strip())
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").rglob("*.txt")))


def _piece(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` bytes of UTF-8."""
    return unit * max(1, size // len(unit.encode()))


def _time(function: Callable[[str], object], text: str) -> float:
    started = time.perf_counter()
    function(text)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=16_000, help="small piece in bytes (default 16 KB)")
    parser.add_argument("--large", type=int, default=128_000, help="large piece in bytes (default 128 KB)")
    parser.add_argument("--budget", type=float, default=2.0, help="seconds at the small size before a case is SLOW")
    parser.add_argument("--articles", help="JSON Lines file with a text field for the realistic input")
    parser.add_argument("--only", nargs="*", help="function names to run (default all)")
    parser.add_argument("--inputs", nargs="*", help="input names to run (default all)")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")

    inputs = {**CHARACTER_RUNS, **PATTERN_RUNS, "realistic": realistic_text(args.articles)}
    functions = {k: v for k, v in FUNCTIONS.items() if not args.only or k in args.only}
    names = [k for k in inputs if not args.inputs or k in args.inputs]
    for function in functions.values():  # load lexicons and models before timing
        function("Officials said the talks resumed. Kyiv’s “masterstroke” hit 41 aircraft.")

    print(f"pieces: {args.small:,} and {args.large:,} bytes; growth = (s/MB large) / (s/MB small)")
    print(f"{'function':<20} {'input':<20} {'s/MB':>9} {'growth':>7}")
    worst: list[tuple[float, str]] = []
    for fname, function in functions.items():
        for iname in names:
            unit = inputs[iname]
            if iname == "realistic":
                small = unit.encode()[: args.small].decode("utf-8", "ignore")
                large = (unit * (args.large // max(1, len(unit.encode())) + 1)).encode()[: args.large]
                large = large.decode("utf-8", "ignore")
            else:
                small, large = _piece(unit, args.small), _piece(unit, args.large)
            t_small = _time(function, small)
            per_mb_small = t_small / (len(small.encode()) / 1e6)
            if t_small > args.budget:
                print(f"{fname:<20} {iname:<20} {per_mb_small:>9.2f} {'SLOW':>7}", flush=True)
                worst.append((float("inf"), f"{fname} on {iname}"))
                continue
            t_large = _time(function, large)
            per_mb = t_large / (len(large.encode()) / 1e6)
            growth = per_mb / per_mb_small if per_mb_small > 0 else float("nan")
            mark = "  <-- grows" if growth > 2 and per_mb > 1 else ""
            print(f"{fname:<20} {iname:<20} {per_mb:>9.2f} {growth:>7.2f}{mark}", flush=True)
            if mark:
                worst.append((growth, f"{fname} on {iname}"))
    if worst:
        print("\nnot linear:", "; ".join(name for _, name in sorted(worst, reverse=True)))
    else:
        print("\nevery function linear on every input (growth < 2 or under 1 s/MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
