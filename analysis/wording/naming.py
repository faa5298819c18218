"""Naming variants: which spelling or name of a contested thing each article uses."""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from analysis.lexicon import load_lexicon

__all__ = ["naming_choices"]


@lru_cache(maxsize=1)
def _naming_pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    frame = load_lexicon("naming_variants")
    lookup = {t.lower(): (g, v) for t, g, v in zip(frame["term"], frame["group"], frame["variant"], strict=True)}
    terms = sorted(frame["term"], key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(p) for p in t.split()) for t in terms)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE), lookup


def naming_choices(articles: pd.DataFrame) -> pd.DataFrame:
    """Which variant of each contested name each article uses: ``article_id, group, term,
    variant, count, first_start``.

    The groups come from ``analysis/lexicons/naming_variants.csv`` (Kyiv/Kiev, Kharkiv/Kharkov,
    "invasion"/"special military operation", "illegal aliens"/"undocumented immigrants" …).
    Matching ignores case. What it cannot see: a variant used in a quotation or to discuss the
    name itself ("what Moscow calls a special military operation"), and other senses of common
    words ("liberated", "accession").
    """
    pattern, lookup = _naming_pattern()
    rows = []
    for article_id, body in zip(articles["article_id"], articles["body"], strict=True):
        found: dict[str, list[int]] = {}
        for m in pattern.finditer(body):
            key = " ".join(m.group().split()).lower()
            found.setdefault(key, []).append(m.start())
        for key, starts in found.items():
            group, variant = lookup[key]
            rows.append((article_id, group, key, variant, len(starts), starts[0]))
    frame = pd.DataFrame(rows, columns=["article_id", "group", "term", "variant", "count", "first_start"])
    return frame.sort_values(["group", "article_id", "term"]).reset_index(drop=True)
