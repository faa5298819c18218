"""The comparison's sections as records: what each one measures and how the report shows it.

A :class:`Section` names one part of a comparison (``tone``, ``wording``, ``emphasis``): its
``analyze`` step, which reads the evidence every section shares (the articles, their annotations,
the event's actors and topics; :class:`Evidence`) and returns the section's result, and its
``render`` step, which turns a finished ``Comparison`` into the report's HTML for it. What each
section cannot see is data: the rows of ``analysis/lexicons/report_limits.csv`` whose category is
the section's name (``general`` rows open the list), read by :func:`limits`.

``analysis.compare.compare`` runs every section of :data:`SECTIONS` in order; the report shows
them in the same order. Adding a section is one record here, its renderer in
``analysis.report_sections`` and its rows in ``report_limits.csv``. A report-only section
(``analyze=None``) reads the comparison as it is and is always shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

import pandas as pd

from analysis.alignment import DEFAULT_THRESHOLD, compare_sentences
from analysis.annotate import Annotation, cue_table, source_table
from analysis.emphasis import analyze_emphasis
from analysis.lexicon import LexiconError, load_lexicon, on_change
from analysis.report_parts import esc
from analysis.report_sections import emphasis_section, tone_section, wording_section
from analysis.tone import analyze_tone
from analysis.voice import NARRATOR, QUOTED, VOICE_RULE
from analysis.wording import analyze_wording

if TYPE_CHECKING:
    from analysis.compare import Comparison

__all__ = ["SECTIONS", "Evidence", "Section", "limits", "section_names"]


@dataclass(frozen=True)
class Evidence:
    """What every section reads: the articles and sentences tables, one annotation an article
    (``analysis.annotate``, in the articles' order), the event's actor groups and their mentions,
    keyword topics (or None) and whether automatic topic clusters are wanted."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    annotations: Sequence[Annotation]
    groups: pd.DataFrame | None
    mentions: pd.DataFrame
    topics: pd.DataFrame | None
    clusters: bool = True

    @property
    def ids(self) -> list[str]:
        return list(self.articles["article_id"])

    @cached_property
    def alignment(self) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        """``(aligned, best_matches, unique)`` sentences across articles at the default cut-off,
        made once (``analysis.alignment.compare_sentences``) for every section that reads them."""
        return compare_sentences(self.articles, self.sentences, threshold=DEFAULT_THRESHOLD)


@dataclass(frozen=True)
class Section:
    """One part of a comparison: ``name`` (its key in ``Comparison.sections`` and in the JSON),
    ``title`` (the report's heading and navigation link), ``render`` (comparison → HTML) and
    ``analyze`` (evidence → result with ``to_json()``; None for a section the report alone shows)."""

    name: str
    title: str
    render: Callable[[Comparison], str]
    analyze: Callable[[Evidence], Any] | None = None


def _tone(evidence: Evidence) -> Any:
    return analyze_tone(
        evidence.articles, evidence.sentences, annotations=list(evidence.annotations), mentions=evidence.mentions
    )


def _wording(evidence: Evidence) -> Any:
    words: dict[object, Mapping[str, int]] = {
        aid: {NARRATOR: a.narrator_words, QUOTED: a.quoted_words}
        for aid, a in zip(evidence.ids, evidence.annotations, strict=True)
    }
    cues = cue_table(list(evidence.annotations), evidence.ids)
    aligned = evidence.alignment[0] if len(evidence.articles) >= 2 else None
    return analyze_wording(evidence.articles, evidence.sentences, cues=cues, words=words, aligned=aligned)


def _emphasis(evidence: Evidence) -> Any:
    return analyze_emphasis(
        evidence.articles,
        evidence.sentences,
        clusters=evidence.clusters,
        groups=evidence.groups,
        topics=evidence.topics,
        mentions=evidence.mentions,
        sources=source_table(list(evidence.annotations)),
        alignment=evidence.alignment,
    )


#: The comparison's sections, in the order they are computed, written to JSON and shown.
SECTIONS: tuple[Section, ...] = (
    Section("tone", "Tone", tone_section, _tone),
    Section("wording", "Wording", wording_section, _wording),
    Section("emphasis", "Emphasis", emphasis_section, _emphasis),
)


def section_names() -> list[str]:
    """Names of the registered sections, in order."""
    return [section.name for section in SECTIONS]


LIMITS_FILE = "report_limits"


@cache
def _limit_rows() -> tuple[tuple[str, str, str], ...]:
    table = load_lexicon(LIMITS_FILE)
    rows = []
    for number, (lead, category, text) in enumerate(
        zip(table["term"], table["category"], table["rationale"], strict=True), start=2
    ):
        try:
            text = text.format(voice_rule=VOICE_RULE)
        except (KeyError, IndexError, ValueError) as err:
            raise LexiconError(
                f"analysis/lexicons/{LIMITS_FILE}.csv: row {number} has an unknown placeholder ({err})"
            ) from None
        rows.append((category.strip(), lead.strip(), text.strip()))
    return tuple(rows)


on_change(_limit_rows.cache_clear)


def limits(section: str) -> list[str]:
    """What ``section`` cannot see, as HTML list items' contents (``<b>lead</b> text``, escaped),
    from ``report_limits.csv``; ``general`` gives the caveats of every comparison."""
    return [f"<b>{esc(lead)}</b> {esc(text)}" for category, lead, text in _limit_rows() if category == section]
