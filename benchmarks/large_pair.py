"""Time and peak memory of ``python -m analysis compare a.txt b.txt`` on two of the largest articles
the size limit allows (issue 15, finding 9: two 4.9 MB articles asked for a 16.7 GiB
sentence-by-sentence matrix and died with a MemoryError).

The two articles are real news text when a JSON Lines file with a ``text`` field is given
(``../shared/eval/mbic_articles.jsonl``: article A joins the texts in file order, article B in
reverse order, each repeated until ``--mb`` megabytes), otherwise the seed corpus repeated. The
command line runs in a fresh process; its wall time, peak resident memory (MiB, printed as MB) and
the size and sha256 of the JSON it wrote are printed (the JSON must not change when memory does).

Usage:
  python benchmarks/large_pair.py ../shared/eval/mbic_articles.jsonl            # 4.9 MB each
  python benchmarks/large_pair.py --mb 1                                       # a quicker look

Target: finishes, in time that grows with the text (not with its square), in memory far below
the machine's (bounded blocks of the sentence matrix): under 1 GB (issue 13).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _texts(articles: str | None) -> list[str]:
    if articles:
        with open(articles, encoding="utf-8") as handle:
            return [str(json.loads(line).get("text", "")) for line in handle if line.strip()]
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").rglob("*.txt"))]


def build(texts: list[str], size: int) -> str:
    """Texts joined by blank lines and repeated to just under ``size`` bytes of UTF-8."""
    parts: list[str] = []
    total = 0
    while True:
        for text in texts:
            text = text.strip()
            cost = len(text.encode()) + 2
            if total + cost > size:
                return "\n\n".join(parts) + "\n"
            parts.append(text)
            total += cost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="?", help="JSON Lines file with a text field (default: seed corpus)")
    parser.add_argument("--mb", type=float, default=4.9, help="size of each article in MB (default 4.9)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds allowed (default 1800)")
    args = parser.parse_args(argv)
    texts = _texts(args.articles)
    size = int(args.mb * 1e6)
    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / "a.txt", Path(tmp) / "b.txt"
        a.write_text(build(texts, size), encoding="utf-8")
        b.write_text(build(texts[::-1], size), encoding="utf-8")
        print(f"two articles of {a.stat().st_size / 1e6:.2f} and {b.stat().st_size / 1e6:.2f} MB "
              f"from {args.articles or 'the seed corpus'}; load average {os.getloadavg()[0]:.1f}")
        command = [sys.executable, "-m", "analysis", "compare", str(a), str(b), "--json", "--quiet"]
        output = Path(tmp) / "comparison.json"
        started, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
        try:
            with output.open("wb") as sink:
                done = subprocess.run(command, cwd=ROOT, stdout=sink, stderr=subprocess.PIPE, text=True,
                                      timeout=args.timeout,
                                      env={**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg"}, check=False)
        except subprocess.TimeoutExpired:
            print(f"no result within {args.timeout:.0f} s")
            return 1
        wall = time.perf_counter() - started
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_s = usage.ru_utime + usage.ru_stime - cpu.ru_utime - cpu.ru_stime
        print(f"exit {done.returncode}; wall {wall:.1f} s; CPU {cpu_s:.1f} s; peak memory {usage.ru_maxrss / 1024:.0f} MB")
        # the articles' paths name this run's temporary folder: hashed as TMP, so runs compare
        digest = hashlib.sha256(output.read_bytes().replace(tmp.encode(), b"TMP")).hexdigest()
        print(f"JSON: {output.stat().st_size / 1e6:.1f} MB, sha256 {digest} (temporary folder as TMP)")
        if done.returncode != 0:
            print("stderr:", done.stderr.strip()[-2000:])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
