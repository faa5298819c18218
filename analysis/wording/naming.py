"""Naming variants: which spelling or name of a contested thing each article uses, read by date,
context and voice."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

import pandas as pd

from analysis.lexicon import load_lexicon
from analysis.voice import quotations, voice_at

__all__ = ["naming_choices"]


@lru_cache(maxsize=1)
def _naming_pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, str, str, re.Pattern[str] | None]]]:
    frame = load_lexicon("naming_variants")
    marked = frame["marked_from"] if "marked_from" in frame.columns else pd.Series("", index=frame.index)
    context = frame["context"] if "context" in frame.columns else pd.Series("", index=frame.index)
    lookup = {}
    for t, g, v, m, c in zip(frame["term"], frame["group"], frame["variant"], marked, context, strict=True):
        words = "|".join(re.escape(w) for w in str(c).split("|") if w)
        lookup[t.lower()] = (g, v, str(m or ""), re.compile(rf"(?<![\w-])(?:{words})(?![\w]|[ \t]+[A-Z][a-z])") if words else None)
    terms = sorted(frame["term"], key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(p) for p in t.split()) for t in terms)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE), lookup


_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z][a-z]")


def _reading(variant: str, marked_from: str, date: object) -> str:
    """What a variant signals given the article's date: before the year its usage became a marker
    ("Kiev" before 2022) it was the standard spelling."""
    year = str(date or "")[:4]
    if marked_from and year.isdigit() and int(year) < int(marked_from):
        return f"standard usage before {marked_from}"
    return variant


#: How near a use of a term with a ``context`` the context must be named (characters either
#: side: about a paragraph of news prose).
CONTEXT_WINDOW = 600


def _context_near(spots: list[int], start: int) -> bool:
    """Whether one of ``spots`` (sorted) lies within :data:`CONTEXT_WINDOW` of ``start``."""
    i = bisect_left(spots, start - CONTEXT_WINDOW)
    return i < len(spots) and spots[i] <= start + CONTEXT_WINDOW


def naming_choices(articles: pd.DataFrame) -> pd.DataFrame:
    """Which variant of each contested name each article uses: ``article_id, group, term,
    variant, reading, voice, count, n_quoted, first_start``.

    The groups come from ``analysis/lexicons/naming_variants.csv``: place names of the war in
    Ukraine (Kyiv/Kiev, Kharkiv/Kharkov), the war's own names ("invasion"/"special military
    operation"), and contested terms of general and political news ("illegal
    immigrants"/"undocumented immigrants", "pro-life"/"anti-abortion", "estate tax"/"death tax",
    "climate change"/"global warming"/"climate crisis" …), each with the framing it signals and
    a source. Matching ignores case. A term whose row names a ``context`` counts only where the
    article names the context near it, within :data:`CONTEXT_WINDOW` characters (the war's terms
    need Ukraine or Russia: "privacy invasion" is not naming, nor "an invasion" of migrants in an
    article that mentions Russia three paragraphs away). ``reading`` is date-aware: a variant with ``marked_from`` (Kiev:
    2022) in an article dated earlier reads "standard usage before 2022"; undated articles get
    the current reading. ``voice`` is ``quoted`` when every use sits inside a quotation
    (``analysis.voice``: the quoted speaker's word, not the outlet's), ``narrator`` when none does,
    ``mixed`` otherwise; ``n_quoted`` counts the quoted uses. What it cannot see: a variant used
    to discuss the name itself ("what Moscow calls a special military operation"), and other
    senses of common words ("liberated", "accession").
    """
    pattern, lookup = _naming_pattern()
    dates = articles["date"] if "date" in articles.columns else pd.Series("", index=articles.index)
    rows = []
    for article_id, body, date in zip(articles["article_id"], articles["body"], dates, strict=True):
        found: dict[str, list[int]] = {}
        for m in pattern.finditer(body):
            if m.group()[:1].isupper() and _NAME_GOES_ON.match(body, m.end()):
                continue  # part of a longer name: "Kiev Street", "Kharkiv Oblast"
            key = " ".join(m.group().split()).lower()
            found.setdefault(key, []).append(m.start())
        if not found:
            continue
        quotes = quotations(body)
        near: list[int] | None = None  # where the body names a context, found once an article
        for key, starts in found.items():
            group, variant, marked_from, context = lookup[key]
            if context is not None:
                near = [m.start() for m in context.finditer(body)] if near is None else near
                starts = [s for s in starts if _context_near(near, s)]
                if not starts:
                    continue
            voices = [v for v, _ in voice_at(quotes, starts)]
            n_quoted = sum(v == "quoted" for v in voices)
            voice = "quoted" if n_quoted == len(voices) else "narrator" if n_quoted == 0 else "mixed"
            rows.append((article_id, group, key, variant, _reading(variant, marked_from, date), voice,
                         len(starts), n_quoted, starts[0]))
    frame = pd.DataFrame(rows, columns=["article_id", "group", "term", "variant", "reading", "voice", "count",
                                        "n_quoted", "first_start"])
    return frame.sort_values(["group", "article_id", "term"]).reset_index(drop=True)
