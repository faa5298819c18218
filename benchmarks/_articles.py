"""Real articles for the benchmarks: the texts of a JSON Lines file such as
``../shared/eval/mbic_articles.jsonl`` (one article an object, its text in ``text``)."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path


def first_texts(path: str | Path, n: int | None = None) -> list[str]:
    """The ``text`` of the first ``n`` articles of ``path`` (all with None), in file order,
    blank lines skipped; read no further than needed."""
    with open(path, encoding="utf-8") as handle:
        records = (json.loads(line) for line in handle if line.strip())
        return [record["text"] for record in islice(records, n)]
