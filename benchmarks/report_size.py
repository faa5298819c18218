"""Print the size of the HTML report for ten long articles (target: under 3 MB), and its heaviest parts.

Articles are built from real news texts (a JSON Lines file with ``text`` and ``outlet``, such as
MBIC's articles): texts of one outlet are joined until each article has about 3,500 words, ten
articles in all. The report is written by ``python -m analysis compare FOLDER --html``, as a user
would; the script then lists the largest embedded figures and tables.

Usage: python benchmarks/report_size.py ARTICLES.jsonl [--articles 10] [--words 3500]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_MB = 3.0


def long_articles(path: Path, *, n: int, words: int) -> list[tuple[str, str]]:
    """``n`` (outlet, text) pairs of about ``words`` words, texts of one outlet joined in file order."""
    by_outlet: dict[str, list[str]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("text"):
                by_outlet[str(record.get("outlet") or "unknown")].append(str(record["text"]).strip())
    out: list[tuple[str, str]] = []
    for outlet, texts in sorted(by_outlet.items(), key=lambda kv: -len(kv[1])):
        chunk: list[str] = []
        for text in texts:
            chunk.append(text)
            if sum(len(t.split()) for t in chunk) >= words:
                out.append((outlet, "\n\n".join(chunk)))
                chunk = []
                if len(out) == n:
                    return out
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("--articles", dest="n", type=int, default=10)
    parser.add_argument("--words", type=int, default=3500)
    args = parser.parse_args()
    pairs = long_articles(args.articles, n=args.n, words=args.words)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "event"
        folder.mkdir()
        for i, (outlet, text) in enumerate(pairs):
            (folder / f"{i:02d}_{re.sub(r'[^a-z0-9]+', '_', outlet.lower())}.txt").write_text(
                f"---\noutlet: {outlet}\n---\n{text}\n", encoding="utf-8"
            )
        n_words = [len(t.split()) for _, t in pairs]
        out = Path(tmp) / "report.html"
        began = time.perf_counter()
        subprocess.run([sys.executable, "-m", "analysis", "compare", str(folder), "--html", str(out)], cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL)
        seconds = time.perf_counter() - began
        page = out.read_text(encoding="utf-8")
    size = len(page.encode("utf-8")) / 1024 / 1024
    print(f"{len(pairs)} articles, {min(n_words):,}–{max(n_words):,} words each ({sum(n_words):,} in all)")
    print(f"HTML report: {size:.2f} MB in {seconds:.1f} s "
          f"(target < {TARGET_MB:g} MB: {'met' if size < TARGET_MB else 'NOT met'})")
    figures = [(len(m.group(0)), m.group(1)[:70]) for m in
               re.finditer(r'<img src="data:[^"]+" alt="([^"]*)"', page)]
    print(f"figures: {len(figures)}, {sum(s for s, _ in figures) / 1024 / 1024:.2f} MB; largest:")
    for bytes_, alt in sorted(figures, reverse=True)[:4]:
        print(f"  {bytes_ / 1024:7.0f} KB  {alt}")
    texts = sum(len(m.group(0)) for m in re.finditer(r'<div class="wording-text".*?</div>', page, re.S))
    tables = sum(len(m.group(0)) for m in re.finditer(r"<table.*?</table>", page, re.S))
    print(f"highlighted texts: {texts / 1024 / 1024:.2f} MB; tables: {tables / 1024 / 1024:.2f} MB")


if __name__ == "__main__":
    main()
