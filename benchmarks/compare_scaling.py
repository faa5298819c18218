"""Time and peak memory of ``compare`` for 2, 10, 50, 300 and 3,000 articles.

``compare`` does per-article work once and pairwise work only where a pair is the point, and
bounded (sentence alignment against each article's nearest few articles); this prints what that
costs as the number of articles grows. Each N runs in a fresh process (so its peak resident
memory is its own) and is timed by phase: building the tables (``articles_from_texts``), the
comparison, the text summary, the JSON and the HTML report.

Articles are short (``--sentences`` sentences each, default 5) and real when a JSON Lines file
with a ``text`` field is given (``../shared/eval/mbic_articles.jsonl``: article ``i`` takes
consecutive sentences of text ``i``, then later windows of the same texts once every text is
used); otherwise sentences sampled from the seed corpus (``analysis.scale.synthetic_corpus``).

Usage:
  python benchmarks/compare_scaling.py ../shared/eval/mbic_articles.jsonl
  python benchmarks/compare_scaling.py --n 2 10 50 300          # skip 3,000
  python benchmarks/compare_scaling.py --timeout 300

Target (issue 15): 300 short articles in under 30 s; memory bounded (no N x N sentence matrix).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_N, TARGET_S = 300, 30.0


def make_texts(n: int, sentences: int, articles: str | None) -> dict[str, str]:
    """``n`` distinct short articles as ``{article_id: text}``."""
    from analysis.boilerplate import clean_text
    from analysis.text import sentence_spans

    if articles:
        pools = []
        with open(articles, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    body = clean_text(str(json.loads(line).get("text", ""))).body
                    found = [body[s:e] for s, e in sentence_spans(body)]
                    if len(found) >= sentences:
                        pools.append(found)
        texts = {}
        for i in range(n):
            pool = pools[i % len(pools)]
            window = (i // len(pools)) * sentences % max(1, len(pool) - sentences + 1)
            texts[f"article-{i:05d}"] = " ".join(pool[window:window + sentences])
        return texts
    from analysis.scale import synthetic_corpus

    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").rglob("*.txt"))]
    records = synthetic_corpus(seeds, n_articles=n, sentences=(sentences, sentences), seed=1)
    return {str(r["article_id"]): str(r["body"]) for r in records}


def run_one(n: int, sentences: int, articles: str | None) -> dict[str, float]:
    """Build and compare ``n`` articles in this process; phase times and peak memory."""
    import warnings

    from analysis.compare import compare
    from analysis.inputs import articles_from_texts

    warnings.simplefilter("ignore")
    texts = make_texts(n, sentences, articles)
    out: dict[str, float] = {"n": n}
    started, cpu_started = time.perf_counter(), time.process_time()
    frame, sents = articles_from_texts(texts)
    out["n_articles"] = len(frame)
    out["n_sentences"] = len(sents)
    out["load_s"] = time.perf_counter() - started
    mark = time.perf_counter()
    comparison = compare(frame, sents)
    out["compare_s"] = time.perf_counter() - mark
    mark = time.perf_counter()
    summary = comparison.summary()
    out["summary_s"] = time.perf_counter() - mark
    out["summary_lines"] = summary.count("\n") + 1
    mark = time.perf_counter()
    payload = json.dumps(comparison.to_json(), default=str)
    out["json_s"] = time.perf_counter() - mark
    out["json_mb"] = len(payload) / 1e6
    mark = time.perf_counter()
    html = comparison.to_html()
    out["html_s"] = time.perf_counter() - mark
    out["html_mb"] = len(html.encode()) / 1e6
    out["total_s"] = time.perf_counter() - started
    out["cpu_s"] = time.process_time() - cpu_started
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="?", help="JSON Lines file with a text field (default: seed corpus)")
    parser.add_argument("--n", type=int, nargs="*", default=[2, 10, 50, 300, 3000])
    parser.add_argument("--sentences", type=int, default=5, help="sentences per article (default 5)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds allowed for one N")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(run_one(args.child, args.sentences, args.articles)))
        return 0

    source = args.articles or "seed corpus (synthetic_corpus)"
    print(f"compare of N short articles ({args.sentences} sentences each) from {source}")
    print(f"load average: {os.getloadavg()[0]:.1f}\n")
    header = f"{'N':>6} {'sents':>7} {'load s':>7} {'compare s':>9} {'summary s':>9} {'json s':>7} {'html s':>7} {'total s':>8} {'CPU s':>7} {'peak MB':>8} {'html MB':>8}"
    print(header)
    for n in args.n:
        command = [sys.executable, __file__, "--child", str(n), "--sentences", str(args.sentences)]
        if args.articles:
            command.append(args.articles)
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout,
                                  env={**os.environ, "MPLBACKEND": "Agg"}, check=False)
        except subprocess.TimeoutExpired:
            print(f"{n:>6}  no result within {args.timeout:.0f} s")
            continue
        if done.returncode != 0:
            print(f"{n:>6}  failed: {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.returncode}")
            continue
        r = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"{n:>6} {r['n_sentences']:>7} {r['load_s']:>7.1f} {r['compare_s']:>9.1f} {r['summary_s']:>9.1f} "
              f"{r['json_s']:>7.1f} {r['html_s']:>7.1f} {r['total_s']:>8.1f} {r['cpu_s']:>7.1f} {r['peak_mb']:>8.0f} {r['html_mb']:>8.1f}",
              flush=True)
        if n == TARGET_N:
            verdict = "meets" if r["total_s"] < TARGET_S else "misses"
            print(f"       {verdict} the target: {TARGET_N} short articles in under {TARGET_S:.0f} s"
                  " (wall time; CPU s is the figure to compare on a shared machine)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
