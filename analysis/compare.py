"""One comparison of two or more articles: every table, as JSON and as an HTML report."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.actors import actor_mentions, event_actors
from analysis.corpus import require_comparison
from analysis.emphasis import EmphasisResult, analyze_emphasis, event_topics, read_topic_file
from analysis.jsonable import json_safe, records
from analysis.tone import ToneResult, analyze_tone
from analysis.wording import WordingResult, analyze_wording

__all__ = ["SCHEMA", "Comparison", "compare", "json_safe", "records"]

SCHEMA = "source-bias-comparison/1"

_ARTICLE_FIELDS = [
    "article_id",
    "label",
    "path",
    "outlet",
    "title",
    "date",
    "url",
    "notes",
    "n_words",
    "n_sentences",
    "syndicators",
    "body",
    "boilerplate",
]


@dataclass
class Comparison:
    """Every table of one comparison; ``to_json()`` gives the design's schema."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    sections: dict[str, Any] = field(default_factory=dict)

    @property
    def tone(self) -> ToneResult:
        return self.sections["tone"]

    @property
    def wording(self) -> WordingResult:
        return self.sections["wording"]

    @property
    def emphasis(self) -> EmphasisResult:
        return self.sections["emphasis"]

    def to_json(self) -> dict[str, Any]:
        """The design's ``compare --json`` object: schema, articles, tone, wording, emphasis."""
        out: dict[str, Any] = {"schema": SCHEMA, "articles": records(self.articles, _ARTICLE_FIELDS)}
        for name, result in self.sections.items():
            out[name] = result.to_json()
        return out

    def to_html(self, *, json_href: str | None = None) -> str:
        """One self-contained HTML report (figures embedded, article text escaped, no scripts);
        ``json_href`` links the report's JSON twin when one is written beside it."""
        from analysis.report import render_report

        return render_report(self, json_href=json_href)

    def summary(self) -> str:
        """A readable plain-text summary (what ``python -m analysis compare`` prints)."""
        from analysis.summary import text_summary

        return text_summary(self)


def compare(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    clusters: bool = True,
    actors: pd.DataFrame | str | Path | None = None,
    topics: pd.DataFrame | str | Path | None = None,
) -> Comparison:
    """Compare the articles: tone, wording and emphasis tables in one ``Comparison``.

    Works for two or more articles (each measure that needs a comparison sets one article against
    the rest, or compares every pair). ``clusters=False`` skips the automatic topic clusters.
    Actors are discovered in the texts (``analysis.discovery``); ``actors`` (a table with
    ``actor, term`` and optionally ``kind``, or a CSV path) adds or overrides them, on top of an
    ``actors.csv`` beside the articles and ``actors`` front-matter lines. ``topics`` (a keyword
    table ``term, category`` or a CSV path; default: ``topics.csv`` beside the articles) gives
    keyword topics; without one, topics are the automatic clusters alone.
    What it cannot see is what its parts cannot see: lexicon scores miss words outside their
    lists, irony and framing; counts of names miss pronouns; shared-word alignment misses
    paraphrase (``analysis.report_sections.LIMITS`` lists each, and the report prints them).

    >>> from analysis import compare, load_corpus  # doctest: +SKIP
    >>> comparison = compare(*load_corpus("corpus/2025-06-spiderweb-istanbul"))  # doctest: +SKIP

    Raises:
        CorpusError: fewer than two articles (a comparison needs two; the message says so).
    """
    require_comparison(articles)
    groups = event_actors(articles, extra=actors)
    if isinstance(topics, str | Path):
        topics = read_topic_file(topics)
    elif topics is None:
        topics = event_topics(articles)
    mentions = actor_mentions(sentences, groups=groups)
    wording = analyze_wording(articles, sentences)
    tone = analyze_tone(articles, sentences, cues=wording.cues, mentions=mentions)
    emphasis = analyze_emphasis(
        articles, sentences, clusters=clusters, groups=groups, topics=topics, mentions=mentions
    )
    return Comparison(
        articles=articles,
        sentences=sentences,
        sections={"tone": tone, "wording": wording, "emphasis": emphasis},
    )
