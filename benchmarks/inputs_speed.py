"""Print what the input layer costs: page extraction, tables in, language detection, tables out.

Usage: python benchmarks/inputs_speed.py [ARTICLES.jsonl]
       (default: ../shared/eval/mbic_articles.jsonl; real articles, one JSON object a line with `text`)

Figures: milliseconds to extract one saved news page (the test fixtures, which carry navigation,
ads, comments and JSON-LD); articles a second loaded from the same corpus as JSON Lines, CSV and
Parquet; the time language detection adds to English articles (none: function words decide) and
to the first and later non-English ones (langdetect's profiles load once); CSV and Excel writing.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from analysis import compare, load_corpus  # noqa: E402
from analysis.inputs.language import detect_language  # noqa: E402
from analysis.inputs.pages import extract_page  # noqa: E402


def _median_ms(fn, runs: int = 20) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times) * 1000


def main(argv: list[str]) -> None:
    source = Path(argv[0]) if argv else ROOT.parent / "shared" / "eval" / "mbic_articles.jsonl"
    pages = sorted((ROOT / "tests" / "fixtures" / "pages").glob("*.html"))
    for page in pages:
        data = page.read_bytes()
        extract_page(data, source=page)
        print(f"extract {page.name} ({len(data) / 1024:.1f} KB): {_median_ms(lambda d=data, p=page: extract_page(d, source=p)):.1f} ms")

    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    frame = pd.DataFrame(rows)[["outlet", "topic", "text"]].head(300)
    with tempfile.TemporaryDirectory() as tmp:
        paths = {"jsonl": Path(tmp) / "a.jsonl", "csv": Path(tmp) / "a.csv", "parquet": Path(tmp) / "a.parquet"}
        frame.to_json(paths["jsonl"], orient="records", lines=True, force_ascii=False)
        frame.to_csv(paths["csv"], index=False)
        frame.to_parquet(paths["parquet"], index=False)
        import warnings

        for kind, path in paths.items():
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                began = time.perf_counter()
                articles, _ = load_corpus(path)
                seconds = time.perf_counter() - began
            print(f"load {kind}: {len(articles)} articles in {seconds:.2f} s ({len(articles) / seconds:.0f} articles/s)")

        english = [str(t) for t in frame.text.head(50)]
        began = time.perf_counter()
        codes = [detect_language(t) for t in english]
        print(f"language of 50 English articles: {(time.perf_counter() - began) * 1000 / 50:.2f} ms each "
              f"({codes.count('en')} detected as English)")
        german = ("Die Alte Mühlbrücke ist seit Montag gesperrt, nachdem Ingenieure tiefe Risse in zwei Pfeilern "
                  "gefunden hatten. Die Anwohner sind empört und werfen dem Stadtrat vor, Warnungen zu ignorieren.")
        began = time.perf_counter()
        detect_language(german)
        first = time.perf_counter() - began
        print(f"language of a German article: first {first * 1000:.0f} ms (profiles load), "
              f"then {_median_ms(lambda: detect_language(german)):.1f} ms")

        two = frame.head(2)
        from analysis import articles_from_texts

        comparison = compare(*articles_from_texts(dict(zip(["a", "b"], two.text, strict=True))), progress=False)
        began = time.perf_counter()
        comparison.to_csv(Path(tmp) / "tables")
        csv_s = time.perf_counter() - began
        began = time.perf_counter()
        comparison.to_excel(Path(tmp) / "tables.xlsx")
        print(f"tables out ({len(comparison.tables())} tables, two articles): CSV {csv_s * 1000:.0f} ms, "
              f"Excel {(time.perf_counter() - began) * 1000:.0f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
