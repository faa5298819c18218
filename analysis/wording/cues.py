"""Loaded language: every cue of a text or an article, counted, summarised and highlighted.

``loaded_language(text)`` runs the one scan (:mod:`analysis.wording.scan`) and returns its cue
table; the rest read that table.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis.categories import RegistryView, category_names
from analysis.present import cue_mark_style
from analysis.voice import NARRATOR, QUOTED, add_voice, voice_word_counts
from analysis.wording.model import load_model
from analysis.wording.scan import cue_scores, cues_frame, scan

__all__ = [
    "CATEGORY_COLOURS",
    "CUE_COLUMNS",
    "DEFAULT_MIN_SCORE",
    "article_cues",
    "cue_summary",
    "cue_tally",
    "flag_threshold",
    "highlight_html",
    "loaded_language",
]

#: Words scoring below this are not returned as cues (curated terms always are).
DEFAULT_MIN_SCORE = 0.05

CUE_COLUMNS = ["article_id", "sent_id", "start", "end", "term", "category", "stance", "score", "why", "evidence",
               "voice", "speaker"]

#: One colour per cue category (highlighting and plots): tints of the Okabe-Ito palette, each with
#: a second, non-colour mark (see ``analysis.present.CUE_MARKS``); read from the cue-category
#: registry (``analysis/lexicons/cue_categories.csv``) when asked.
CATEGORY_COLOURS = RegistryView(lambda c: c.tint)

#: Reasons shown on tap or keyboard focus (touch screens never hover), and after each mark in print.
_REASON_CSS = (
    "mark.cue{color:inherit;cursor:help}"
    "mark.cue:focus{outline:2px solid #1d1d1f}"
    "mark.cue:focus::after{content:attr(data-why);display:inline-block;text-decoration:none;margin-left:.3em;"
    "padding:0 .3em;border:1px solid #bbb;border-radius:3px;background:#fff;font-size:.85em;color:#333}"
    "@media print{mark.cue::after{content:' [' attr(data-why) ']';font-size:.72em;color:#444}}"
)

_CATEGORY_MEANING = RegistryView(lambda c: c.meaning)


def flag_threshold() -> float:
    """Cues scoring at least this are *flags*: likely to be read as bias (chosen by
    cross-validation on expert annotations, stored in ``analysis/models/bias_model.csv``)."""
    return float(load_model().threshold)


def loaded_language(text: str, *, min_score: float = DEFAULT_MIN_SCORE) -> pd.DataFrame:
    """Every loaded, hedging, boosting, attributing, naming or labelling cue in ``text``.

    Returns ``start, end, term, category, stance, score, why, evidence, voice, speaker`` (offsets into
    ``text``, so ``text[start:end] == term``), in text order. ``category`` is one of loaded, label,
    attribution, hedge, booster, naming; ``stance`` is set for attribution verbs and the
    hedges that attribute (neutral "said", doubt "claimed", presuppose "admitted", endorse
    "noted", assert "argued"), else None. ``score`` 0..1 is about the chance that an expert
    would mark the word as inducing bias (adjusted by its sentence: lower inside quotation
    marks, higher in a sentence that reads as opinion or holds several loaded words; ``why`` says
    so when it matters); cues at or above :func:`flag_threshold` are flags.
    Curated terms are always returned; other words only when they score ``min_score`` or more.
    ``evidence`` names the kinds of evidence behind the cue, joined by ``+`` in the order of
    :data:`EVIDENCE_TAGS` (``lexicon``: a curated list; ``learned``: experts often marked the
    word; ``sentiment-lexicon``: TextBlob, VADER, AFINN or NRC rate it; ``shape``: an evaluative
    suffix, -ly adverb, hyphenated compound or superlative; ``rarity``: unusual in general
    English; ``context``: an intensifier before it or other loaded words in its sentence), or
    ``none``. :func:`has_lexical_evidence` tells cues with lexical evidence from hints.
    Verb-list words used as nouns ("its territorial claims", "the report") are not attribution
    cues. ``voice`` is "narrator" (the outlet's own words) or "quoted" (inside quotation marks or
    clearly attributed reported speech) and ``speaker`` who says it when found
    (:func:`analysis.voice.voice_at`; the rule: :data:`analysis.voice.VOICE_RULE`).

    What it cannot see: negation and irony ("hardly a masterstroke"), quotation without quotation
    marks or a clear attribution, sarcasm quotes (a scare-quoted word is taken for a quotation),
    and loaded *framing* built from neutral words.

    >>> cues = loaded_language("The ministry claimed the masterstroke was symbolic.")
    >>> sorted(cues["category"].unique())
    ['attribution', 'loaded']
    """
    return add_voice(cues_frame(scan(text, min_score=min_score)), text)


def cue_tally(
    text: str, *, threshold: float, min_score: float = DEFAULT_MIN_SCORE
) -> tuple[int, Counter[str], int, int]:
    """``(cues, cues per category, cues scoring at least threshold, words)`` of
    ``loaded_language(text, min_score=min_score)``, counted without building its table (the
    same scoring code, ``analysis.wording.scan.cue_scores``): for corpus-scale rates.
    ``words`` is ``len(WORD_PATTERN.findall(text))``, counted on the way."""
    scores, n_words = cue_scores(text, min_score=min_score)
    counts = Counter(category for category, _ in scores)
    flags = sum(1 for _, score in scores if score >= threshold)
    return len(scores), counts, flags, n_words


def article_cues(
    articles: pd.DataFrame, sentences: pd.DataFrame, *, min_score: float = DEFAULT_MIN_SCORE
) -> pd.DataFrame:
    """:func:`loaded_language` over each article's ``body``, with ``article_id`` and ``sent_id``.

    Offsets index the article's ``body`` (``body[start:end] == term``); ``sent_id`` is the
    sentence that contains the cue's start (-1 for a cue outside every sentence, e.g. a title
    kept apart).
    """
    frames = []
    for article_id, body in zip(articles["article_id"], articles["body"], strict=True):
        cues = loaded_language(body, min_score=min_score)
        sents = sentences[sentences["article_id"] == article_id].sort_values("start")
        starts = sents["start"].to_numpy()
        ends = sents["end"].to_numpy()
        pos = np.searchsorted(starts, cues["start"].to_numpy(), side="right") - 1
        inside = (pos >= 0) & (cues["start"].to_numpy() < ends[np.clip(pos, 0, None)] if len(ends) else False)
        sent_ids = np.where(inside, sents["sent_id"].to_numpy()[np.clip(pos, 0, None)] if len(ends) else -1, -1)
        cues.insert(0, "sent_id", sent_ids.astype("int64"))
        cues.insert(0, "article_id", article_id)
        frames.append(cues)
    if not frames:
        return pd.DataFrame(columns=CUE_COLUMNS)
    return pd.concat(frames, ignore_index=True)[CUE_COLUMNS]


def cue_summary(
    cues: pd.DataFrame, articles: pd.DataFrame, *, threshold: float | None = None,
    words: Mapping[object, Mapping[str, int]] | None = None,
) -> pd.DataFrame:
    """Per article and category, the narrator's voice first and quoted voices beside it.

    ``cues`` and ``flags`` (score at or above the flag threshold) count the outlet's own words
    (``voice == "narrator"``), ``cues_per_1000`` and ``flags_per_1000`` per 1,000 of the
    narrator's words; ``quoted_cues``, ``quoted_flags`` and ``quoted_flags_per_1000`` (per 1,000
    quoted words, 0 when nothing is quoted) count the voices the article quotes;
    ``narrator_words`` and ``quoted_words`` are the denominators. This is
    :data:`analysis.voice.VOICE_RULE`. Rates per 1,000 words let articles of different length compare.
    ``words`` gives each article's ``{"narrator": n, "quoted": m}`` when already counted (its
    annotation, ``analysis.annotate``); counted here otherwise.
    """
    threshold = flag_threshold() if threshold is None else threshold
    if words is None:
        words = {a: voice_word_counts(body) for a, body in zip(articles["article_id"], articles["body"], strict=True)}
    grid = pd.MultiIndex.from_product([list(articles["article_id"]), list(category_names())], names=["article_id", "category"])
    voice = cues["voice"] if "voice" in cues.columns else pd.Series(NARRATOR, index=cues.index)
    marked = cues.assign(flag=cues["score"] >= threshold, quoted=voice == QUOTED)
    columns = {}
    for name, part in (("", marked[~marked["quoted"]]), ("quoted_", marked[marked["quoted"]])):
        g = part.groupby(["article_id", "category"])
        columns[f"{name}cues"] = g.size()
        columns[f"{name}flags"] = g["flag"].sum()
    table = pd.DataFrame(columns).reindex(grid).fillna(0).astype("int64").reset_index()
    narrator = table["article_id"].map(lambda a: words[a][NARRATOR]).astype(float)
    quoted = table["article_id"].map(lambda a: words[a][QUOTED]).astype(float)
    table["cues_per_1000"] = table["cues"] / (narrator.clip(lower=1) / 1000)
    table["flags_per_1000"] = table["flags"] / (narrator.clip(lower=1) / 1000)
    table["quoted_flags_per_1000"] = np.where(quoted > 0, table["quoted_flags"] / (quoted.clip(lower=1) / 1000), 0.0)
    table["narrator_words"] = narrator.astype("int64")
    table["quoted_words"] = quoted.astype("int64")
    return table[["article_id", "category", "cues", "flags", "cues_per_1000", "flags_per_1000", "quoted_cues",
                  "quoted_flags", "quoted_flags_per_1000", "narrator_words", "quoted_words"]]


def highlight_html(body: str, cues: pd.DataFrame, *, min_score: float = 0.0, legend: bool = True) -> str:
    """``body`` as HTML with each cue wrapped in a ``<mark>`` coloured by category.

    Every piece of article text is escaped (``html.escape``), and so is each cue's ``why``,
    shown as a tooltip. Overlapping cues keep the one that starts first (then the longest).
    Cues scoring below ``min_score`` are left plain (curated hedges, attributions and naming
    variants are always shown). Paragraph breaks become ``<br>``. A legend of the categories
    precedes the text when ``legend`` is true.
    """
    parts = []
    if legend:
        items = "".join(
            f'<span style="{cue_mark_style(cat)};padding:0 4px;margin:0 6px 4px 0;border-radius:3px;'
            f'display:inline-block">{html.escape(cat)}: {html.escape(_CATEGORY_MEANING[cat])}</span>'
            for cat in CATEGORY_COLOURS
        )
        parts.append(
            f"<style>{_REASON_CSS}</style>"
            f'<div class="wording-legend" style="margin-bottom:8px;font-size:90%">{items}'
            '<br><small>Tap, click or tab to a marked word to read why it was marked.</small></div>'
        )
    pos = 0
    text_parts = []
    chosen = cues.sort_values(["start", "end"], ascending=[True, False]) if len(cues) else cues
    marks = zip(
        chosen["start"].astype(int), chosen["end"].astype(int), chosen["category"].astype(str),
        chosen["score"].astype(float), chosen["why"], strict=True,
    ) if len(chosen) else iter(())
    for start, end, category, score, why in marks:
        if start < pos or end > len(body) or start >= end:
            continue
        if score < min_score and category == "loaded":
            continue
        text_parts.append(html.escape(body[pos:start]))
        title = html.escape(f"{category} (score {score:.2f}): {why}", quote=True)
        text_parts.append(
            f'<mark class="cue cue-{html.escape(category)}" style="{cue_mark_style(category)}" '
            f'tabindex="0" title="{title}" data-why="{title}">{html.escape(body[start:end])}</mark>'
        )
        pos = end
    text_parts.append(html.escape(body[pos:]))
    text = "".join(text_parts).replace("\n", "<br>\n")
    parts.append(f'<div class="wording-text" style="line-height:1.6">{text}</div>')
    return "\n".join(parts)
