"""One comparison of two or more articles: every table, as JSON and as an HTML report.

The flow: each article is annotated once (``analysis.annotate``); the lenses (tone, wording,
emphasis) read the annotations' tables and never import one another; views that need two lenses
at once (:func:`unscored_loaded`: loaded words the tone lexicon does not score) live here, where
the lenses meet.
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TextIO

import pandas as pd

from analysis.actors import actor_mentions, event_actors
from analysis.annotate import annotate_many
from analysis.atomic import check_output_file, replace_dir_atomic
from analysis.categories import cue_categories
from analysis.corpus import require_comparison
from analysis.emphasis import EmphasisResult, event_topics, read_topic_file
from analysis.inputs.language import blank_other_languages, english_only_tables, non_english_ids, scope_note
from analysis.instruments.words import lexicon_entry
from analysis.jsonable import json_safe, records, streamed_records, write_json
from analysis.present import READABLE_ARTICLES  # defined beside the labels the pages use
from analysis.progress import progress_bar
from analysis.report import render_report
from analysis.sections import SECTIONS, Evidence, read_texts
from analysis.summary import text_summary
from analysis.text import normalize_token, word_spans
from analysis.tone import UNSCORED_COLUMNS, ToneResult
from analysis.wording import WordingResult, flag_threshold, has_lexical_evidence

__all__ = ["READABLE_ARTICLES", "SCHEMA", "Comparison", "compare", "json_safe", "records", "unscored_loaded"]

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
    "language",
    "language_source",
    "author",
    "source",
    "feed",
    "fetched",
    "extracted_by",
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

    def write_json(self, handle: TextIO) -> None:
        """Write ``to_json()`` and a line end to ``handle``, byte for byte as ``json.dump(...,
        ensure_ascii=False, indent=1)`` would, with each table's rows made only as they are
        written (``analysis.jsonable.write_json``): the whole object is never held in memory."""
        with streamed_records():
            write_json(self.to_json(), handle.write)
        handle.write("\n")

    @property
    def language_notes(self) -> list[str]:
        """One line for each article not in English: what is and is not measured for it."""
        return scope_note(self.articles)

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table of the comparison by name (``articles``, ``sentences``, ``tone_articles``,
        ``wording_cues``, ``emphasis_sources`` …): the same tables as ``to_json()``, and the rest."""
        out = {"articles": self.articles, "sentences": self.sentences}
        for section, result in self.sections.items():
            for item in dataclasses.fields(result):
                value = getattr(result, item.name)
                if isinstance(value, pd.DataFrame):
                    out[f"{section}_{item.name}"] = value
        return out

    def to_csv(self, folder: str | Path, *, inputs: Iterable[str | Path] = ()) -> Path:
        """Write every table as ``folder/NAME.csv`` (UTF-8, lists as JSON); the folder is written
        whole or not at all, and only replaces a folder the suite made (``analysis.atomic``)."""
        with replace_dir_atomic(folder, inputs=inputs) as tmp:
            for name, table in self.tables().items():
                _flat(table).to_csv(tmp / f"{name}.csv", index=False)
        return Path(folder)

    def to_excel(self, path: str | Path, *, inputs: Iterable[str | Path] = ()) -> Path:
        """Write every table to one Excel workbook, one sheet a table (openpyxl), atomically.

        Text is stored as text: an article sentence starting with ``=`` never becomes a formula."""
        target = check_output_file(path, inputs=inputs)
        handle, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".xlsx", dir=target.parent)
        os.close(handle)
        try:
            _write_workbook(tmp, self.tables())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return target

    def to_html(self, *, json_href: str | None = None) -> str:
        """One self-contained HTML report (figures embedded, article text escaped, no scripts);
        ``json_href`` links the report's JSON twin when one is written beside it."""
        return render_report(self, json_href=json_href)

    def summary(self) -> str:
        """A readable plain-text summary (what ``python -m analysis compare`` prints)."""
        return text_summary(self)


def _flat(table: pd.DataFrame) -> pd.DataFrame:
    """A copy with list and dict cells as JSON text, so every cell fits a CSV or a spreadsheet."""
    def cell(value: Any) -> Any:
        if isinstance(value, (set, tuple)):
            value = list(value)
        if isinstance(value, (list, dict)):
            return json.dumps(json_safe(value), ensure_ascii=False)
        return value

    out = table.copy()
    for column in out.columns:
        if out[column].dtype == object:
            out[column] = out[column].map(cell)
    return out


def _write_workbook(path: str | Path, tables: dict[str, pd.DataFrame]) -> None:
    from openpyxl import Workbook  # only for Excel output
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook()
    book.remove(book.active)
    for name, table in tables.items():
        sheet = book.create_sheet(title=name[:31])
        flat = _flat(table)
        sheet.append([str(c) for c in flat.columns])
        for row_number, row in enumerate(flat.itertuples(index=False), start=2):
            for col_number, value in enumerate(row, start=1):
                if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
                    continue
                if hasattr(value, "item"):  # numpy scalars
                    value = value.item()
                cell = sheet.cell(row=row_number, column=col_number)
                if isinstance(value, str):
                    cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
                    cell.data_type = "s"  # text, never a formula
                else:
                    try:
                        cell.value = value
                    except (ValueError, TypeError):  # a type Excel has no cell for
                        cell.value = str(value)
                        cell.data_type = "s"
    book.save(path)


# ---------------------------------------------------------------------------------------------
# Where the lenses meet
# ---------------------------------------------------------------------------------------------


def _textblob_polarity_of_term(term: str) -> float | None:
    """Largest absolute TextBlob polarity among the words of ``term``; None if it knows none."""
    values = [lexicon_entry(normalize_token(tok)) for _, _, tok in word_spans(term)]
    known = [v[0] for v in values if v is not None]
    if not known:
        return None
    return max(known, key=abs)


def unscored_loaded(
    cues: pd.DataFrame,
    *,
    categories: Sequence[str] | None = None,
    min_score: float = 0.0,
    lexical_only: bool = True,
) -> pd.DataFrame:
    """Loaded words a reader notices that TextBlob's lexicon scores 0 (or does not know): where
    the wording lens (the cues) and the tone lens (TextBlob's lexicon) meet.

    ``cues`` is a table of wording cues (``analysis.wording.loaded_language``: ``term,
    category, score, why``, with ``article_id`` when it covers several articles). A cue is kept
    when its category is one of ``categories`` (default: those the cue-category registry marks
    ``unscored``, loaded words and labels), its ``score`` (if given) is at least ``min_score``,
    with ``lexical_only`` its ``evidence`` (if given) includes a lexicon or learned rate (a word
    flagged only for being rare is a hint, not a loaded word), and no word of its term has a
    non-zero polarity in TextBlob's lexicon. Returns ``article_id,
    term, category, count, score, textblob_polarity, why``: one row per article and lower-cased
    term, highest score first; ``textblob_polarity`` is None for words the lexicon lacks.

    What this shows: how much of an article's evaluative wording is invisible to the polarity
    figure. What it cannot see: it trusts the cue list; a loaded word missing from it is missed.
    """
    if cues is None or len(cues) == 0 or "term" not in cues.columns:
        return pd.DataFrame(columns=UNSCORED_COLUMNS)
    if categories is None:
        categories = [c.name for c in cue_categories() if c.unscored]
    # the cues of the kept categories only are copied (a comparison of two 5 MB articles has 160,000 cues)
    frame = cues.assign(category="loaded") if "category" not in cues.columns else cues
    frame = frame.loc[frame["category"].isin(list(categories))].copy()
    if lexical_only and "evidence" in frame.columns:
        frame = frame.loc[has_lexical_evidence(frame["evidence"]).to_numpy()]
    if "score" not in frame.columns:
        frame["score"] = math.nan
    else:
        frame = frame.loc[frame["score"].isna() | (frame["score"] >= min_score)]
    if "article_id" not in frame.columns:
        frame["article_id"] = None
    if "why" not in frame.columns:
        frame["why"] = ""
    frame["term"] = frame["term"].astype(str).map(normalize_token)
    scores = {t: _textblob_polarity_of_term(t) for t in frame["term"].unique()}
    frame["textblob_polarity"] = frame["term"].map(scores)
    unscored = frame.loc[frame["textblob_polarity"].isna() | (frame["textblob_polarity"] == 0)]
    if unscored.empty:
        return pd.DataFrame(columns=UNSCORED_COLUMNS)
    unscored = unscored.sort_values("score", ascending=False, kind="stable")
    out = (
        unscored.groupby(["article_id", "term"], sort=False, dropna=False)
        .agg(
            category=("category", "first"),
            count=("term", "size"),
            score=("score", "max"),
            textblob_polarity=("textblob_polarity", "first"),
            why=("why", "first"),
        )
        .reset_index()
    )
    order = {a: i for i, a in enumerate(pd.unique(frame["article_id"]))}
    out = out.sort_values(
        ["article_id", "score"],
        ascending=[True, False],
        key=lambda s: s.map(order) if s.name == "article_id" else s,
        kind="stable",
    ).reset_index(drop=True)
    out["textblob_polarity"] = (
        out["textblob_polarity"].astype(object).where(out["textblob_polarity"].notna(), None)
    )
    return out[UNSCORED_COLUMNS]


def compare(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    clusters: bool = True,
    actors: pd.DataFrame | str | Path | None = None,
    topics: pd.DataFrame | str | Path | None = None,
    progress: bool | None = None,
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
    paraphrase (``analysis/lexicons/report_limits.csv`` lists each, and the report prints them).
    A progress bar shows when the work takes more than two seconds where someone watches
    (``analysis.progress``; ``progress=False`` hides it).

    >>> from analysis import compare, load_corpus  # doctest: +SKIP
    >>> comparison = compare(*load_corpus("corpus/2025-06-spiderweb-istanbul"))  # doctest: +SKIP

    Raises:
        CorpusError: fewer than two articles (a comparison needs two; the message says so).
    """
    require_comparison(articles)
    with progress_bar(total=len(SECTIONS) + 1, desc="compare", unit="step", enabled=progress, delay=2.0) as bar:
        bar.set_postfix_str("actors and topics")
        groups = event_actors(articles, extra=actors)
        if isinstance(topics, str | Path):
            topics = read_topic_file(topics)
        elif topics is None:
            topics = event_topics(articles)
        mentions = actor_mentions(sentences, groups=groups)
        # What reads the texts alone (sentence alignment, distinctive terms) comes before the
        # annotations, so its working memory is free again before they are held (two 4.9 MB
        # articles, benchmarks/large_pair.py: the peak was at distinctive terms, on top of them).
        bar.set_postfix_str("aligning sentences")
        texts = read_texts(articles, sentences)
        large = _is_large(articles)
        if large:
            _return_free_heap()
        bar.set_postfix_str("annotating")
        annotations = annotate_many(articles, sentences, mentions=mentions)
        if large:
            _return_free_heap()
        bar.update()
        evidence = Evidence(articles, sentences, annotations, groups, mentions, topics, clusters, texts)
        del annotations  # held by the evidence alone, which lets the records go after their last reader
        sections: dict[str, Any] = {}
        for index, section in enumerate(SECTIONS):
            if section.analyze is None:
                continue
            if evidence.annotations and not any(later.reads_records for later in SECTIONS[index:]):
                evidence = evidence.without_records()
            bar.set_postfix_str(section.name)
            sections[section.name] = section.analyze(evidence)
            if large:
                _return_free_heap()
            bar.update()
    _where_lenses_meet(sections)
    if large:
        _return_free_heap()
    return Comparison(articles=articles, sentences=sentences, sections=_english_measures_only(articles, sections))


#: Characters of text from which a comparison hands freed memory back between its steps.
LARGE_TEXT = 1_000_000


def _is_large(articles: pd.DataFrame) -> bool:
    return sum(len(str(body)) for body in articles["body"]) >= LARGE_TEXT


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where the C library is another (macOS, Windows, musl)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # only for large comparisons on Linux

    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def _return_free_heap() -> None:
    """Hand free memory back to the system: the unused pages of Arrow's pool and the C heap's
    free pages (glibc's ``malloc_trim``; elsewhere nothing). A step's freed working memory
    (pandas, Arrow and numpy buffers, large lists) stays resident otherwise, scattered through the
    heap, while the next step allocates more: on two 4.9 MB articles (``benchmarks/large_pair.py``)
    that was 50-80 MB of the peak. Called between the steps of a comparison of large texts only."""
    arrow = sys.modules.get("pyarrow")  # pandas keeps its text columns in Arrow's own memory pool
    if arrow is not None:
        arrow.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def _where_lenses_meet(sections: dict[str, Any]) -> None:
    """Views that read two lenses, filled in once both ran: the loaded words (wording) that the
    tone lexicon does not score (tone's ``unscored_loaded``)."""
    if "tone" in sections and "wording" in sections:
        sections["tone"] = dataclasses.replace(
            sections["tone"], unscored_loaded=unscored_loaded(sections["wording"].cues, min_score=flag_threshold())
        )


def _english_measures_only(articles: pd.DataFrame, sections: dict[str, Any]) -> dict[str, Any]:
    """Sections without English-only figures for articles in another language
    (``analysis.inputs.language``): their rows leave the English-only tables, and their tone
    scores become missing values."""
    others = non_english_ids(articles)
    if not others:
        return sections
    english_only = english_only_tables()
    out = {}
    for name, result in sections.items():
        changes = {}
        for item in dataclasses.fields(result):
            value = getattr(result, item.name)
            if not isinstance(value, pd.DataFrame) or f"{name}_{item.name}" not in english_only:
                continue
            if name == "tone" and item.name == "articles":
                value = value.copy()
                rows = value["article_id"].astype(str).isin(others)
                for column in value.columns:
                    if column == "article_id":
                        continue
                    if pd.api.types.is_numeric_dtype(value[column]):
                        value[column] = value[column].astype(float).where(~rows)
                    elif value[column].map(lambda v: isinstance(v, list)).any():
                        value[column] = [[] if hide else v for hide, v in zip(rows, value[column], strict=True)]
                changes[item.name] = value
            else:
                changes[item.name] = blank_other_languages(value, others)
        out[name] = dataclasses.replace(result, **changes) if changes else result
    return out
