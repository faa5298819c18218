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

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, Literal

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
from analysis.wording.lens import comparison_distinctive_terms

if TYPE_CHECKING:
    from analysis.compare import Comparison

__all__ = ["SECTIONS", "AnnotationTables", "Evidence", "Section", "TextEvidence", "limits", "read_texts",
           "section_names"]


Alignment = tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]


@dataclass(frozen=True)
class TextEvidence:
    """What the comparison reads from the texts alone: the sentence alignment (``aligned,
    best_matches, unique`` at the default cut-off, ``analysis.alignment.compare_sentences``) and
    the distinctive terms (``analysis.wording.lens.comparison_distinctive_terms``; None without a
    comparison). ``analysis.compare.compare`` finds it before it annotates the articles, so the
    working memory of these steps never stacks on the annotations' (see :func:`read_texts`)."""

    alignment: Alignment
    distinctive: pd.DataFrame | None


def read_texts(articles: pd.DataFrame, sentences: pd.DataFrame) -> TextEvidence:
    """The :class:`TextEvidence` of two or more articles."""
    alignment = compare_sentences(articles, sentences, threshold=DEFAULT_THRESHOLD)
    return TextEvidence(alignment, comparison_distinctive_terms(articles))


@dataclass(frozen=True)
class AnnotationTables:
    """The tables every section after tone reads from the annotations: every cue
    (``analysis.annotate.cue_table``), every attribution (``source_table``) and each article's
    words by voice (narrator and quoted). Made once the annotation records themselves are no
    longer read (:meth:`Evidence.without_records`), so the records can go."""

    cues: pd.DataFrame
    sources: pd.DataFrame
    words: dict[object, Mapping[str, int]]


@dataclass(frozen=True)
class Evidence:
    """What every section reads: the articles and sentences tables, one annotation an article
    (``analysis.annotate``, in the articles' order), the event's actor groups and their mentions,
    keyword topics (or None), whether automatic topic clusters are wanted, what was read from the
    texts alone before the annotations (:class:`TextEvidence`; found here when not given) and the
    annotations' tables (:class:`AnnotationTables`; made from the annotations when not given)."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    annotations: Sequence[Annotation]
    groups: pd.DataFrame | None
    mentions: pd.DataFrame
    topics: pd.DataFrame | None
    clusters: bool = True
    texts: TextEvidence | None = None
    tables: AnnotationTables | None = None

    @property
    def ids(self) -> list[str]:
        return list(self.articles["article_id"])

    @cached_property
    def alignment(self) -> Alignment:
        """``(aligned, best_matches, unique)`` sentences across articles at the default cut-off,
        made once (``analysis.alignment.compare_sentences``) for every section that reads them."""
        if self.texts is not None:
            return self.texts.alignment
        return compare_sentences(self.articles, self.sentences, threshold=DEFAULT_THRESHOLD)

    @cached_property
    def annotation_tables(self) -> AnnotationTables:
        """The annotations' cues, sources and words by voice (:class:`AnnotationTables`)."""
        if self.tables is not None:
            return self.tables
        annotations = list(self.annotations)
        return AnnotationTables(
            cues=cue_table(annotations, self.ids),
            sources=source_table(annotations),
            words={aid: {NARRATOR: a.narrator_words, QUOTED: a.quoted_words}
                   for aid, a in zip(self.ids, annotations, strict=True)},
        )

    def without_records(self) -> Evidence:
        """The same evidence with the annotation records let go and their tables kept: what the
        comparison passes on once no section left reads the records themselves (two 4.9 MB
        articles: about 2.5 million objects, ``benchmarks/large_pair.py``)."""
        return dataclasses.replace(self, annotations=(), tables=self.annotation_tables)


@dataclass(frozen=True)
class Section:
    """One part of a comparison: ``name`` (its key in ``Comparison.sections`` and in the JSON),
    ``title`` (the report's heading and navigation link), ``render`` (comparison → HTML),
    ``analyze`` (evidence → result with ``to_json()``; None for a section the report alone shows)
    and ``reads_records``: whether ``analyze`` reads the annotation records themselves
    (``Evidence.annotations``) rather than only their tables (``Evidence.annotation_tables``)."""

    name: str
    title: str
    render: Callable[[Comparison], str]
    analyze: Callable[[Evidence], Any] | None = None
    reads_records: bool = False


def _tone(evidence: Evidence) -> Any:
    return analyze_tone(
        evidence.articles, evidence.sentences, annotations=list(evidence.annotations), mentions=evidence.mentions
    )


def _wording(evidence: Evidence) -> Any:
    tables = evidence.annotation_tables
    aligned = evidence.alignment[0] if len(evidence.articles) >= 2 else None
    distinctive: pd.DataFrame | None | Literal["find"] = (
        evidence.texts.distinctive if evidence.texts is not None else "find"
    )
    return analyze_wording(
        evidence.articles, evidence.sentences, cues=tables.cues, words=tables.words, aligned=aligned,
        distinctive=distinctive,
    )


def _emphasis(evidence: Evidence) -> Any:
    return analyze_emphasis(
        evidence.articles,
        evidence.sentences,
        clusters=evidence.clusters,
        groups=evidence.groups,
        topics=evidence.topics,
        mentions=evidence.mentions,
        sources=evidence.annotation_tables.sources,
        alignment=evidence.alignment,
    )


#: The comparison's sections, in the order they are computed, written to JSON and shown.
SECTIONS: tuple[Section, ...] = (
    Section("tone", "Tone", tone_section, _tone, reads_records=True),
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
