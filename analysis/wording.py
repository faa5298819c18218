"""Wording: the words each article chose, side by side.

- **Loaded language** (:func:`loaded_language`, :func:`article_cues`): every evaluative, hedging,
  boosting, attributing, naming or labelling cue with its offsets, a category, a stance for
  attribution verbs, a score 0..1 and a one-line reason. The score combines curated lexicons
  (each entry with a rationale and a source), TextBlob's and VADER's word lexicons, word rarity
  (``wordfreq``) and word-level statistics learned from expert annotations (BABE development
  half); see ``analysis/wording_model.py`` and ``benchmarks/validate_bias_words.py``.
- **Distinctive terms** (:func:`distinctive_terms`): log-odds ratios with an informative Dirichlet
  prior and z-scores (Monroe, Colaresi & Quinn 2008), each article against the rest, words and
  two-word phrases, the prior built from general English frequencies (``wordfreq``) blended with
  the articles' own pooled counts, so two short texts can be compared.
- **Naming variants** (:func:`naming_choices`): which spelling or name of a contested thing each
  article uses (Kyiv/Kiev, "invasion"/"special military operation").
- **Keyword in context** and **contrast pairs**: a term in each article with its neighbours, and
  aligned passages about the same thing with the words each side chose.
- **Highlighted text** (:func:`highlight_html`): an article with its cues coloured by category.

What none of this can see: irony, negation ("not a masterstroke"), whose voice a word is in
beyond double quotation marks (a quoted word counts less: it is the speaker's, not the writer's),
and what an article leaves out. A cue is a reason to look closer, not a verdict.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from analysis.frequency import word_frequency
from analysis.jsonable import json_safe, records
from analysis.lexicon import load_lexicon
from analysis.present import CUE_MARKS, cue_mark_style
from analysis.text import WORD_PATTERN, normalize_token
from analysis.wording_model import (
    EVIDENCE_TAGS,
    LEXICAL_EVIDENCE,
    cue_scores,
    cues_frame,
    has_lexical_evidence,
    load_model,
    scan,
)

__all__ = [
    "CATEGORY_COLOURS",
    "CUE_COLUMNS",
    "DEFAULT_MIN_SCORE",
    "EVIDENCE_TAGS",
    "LEXICAL_EVIDENCE",
    "WordingResult",
    "analyze_wording",
    "article_cues",
    "contrast_pairs",
    "cue_tally",
    "cue_summary",
    "distinctive_terms",
    "flag_threshold",
    "has_lexical_evidence",
    "highlight_html",
    "keyword_in_context",
    "loaded_language",
    "naming_choices",
    "term_counts",
]

#: Words scoring below this are not returned as cues (curated terms always are).
DEFAULT_MIN_SCORE = 0.05

CUE_COLUMNS = ["article_id", "sent_id", "start", "end", "term", "category", "stance", "score", "why", "evidence"]

#: One colour per cue category (highlighting and plots): tints of the Okabe-Ito palette, each with
#: a second, non-colour mark (see ``analysis.present.CUE_MARKS``).
CATEGORY_COLOURS = {category: mark["tint"] for category, mark in CUE_MARKS.items()}

#: Reasons shown on tap or keyboard focus (touch screens never hover), and after each mark in print.
_REASON_CSS = (
    "mark.cue{color:inherit;cursor:help}"
    "mark.cue:focus{outline:2px solid #1d1d1f}"
    "mark.cue:focus::after{content:attr(data-why);display:inline-block;text-decoration:none;margin-left:.3em;"
    "padding:0 .3em;border:1px solid #bbb;border-radius:3px;background:#fff;font-size:.85em;color:#333}"
    "@media print{mark.cue::after{content:' [' attr(data-why) ']';font-size:.72em;color:#444}}"
)

_CATEGORY_MEANING = {
    "loaded": "loaded or evaluative word",
    "label": "name-calling label",
    "attribution": "attribution verb (who said it, and how)",
    "hedge": "hedge (softens certainty)",
    "booster": "booster (asserts certainty)",
    "naming": "naming variant (whose vocabulary)",
}


def flag_threshold() -> float:
    """Cues scoring at least this are *flags*: likely to be read as bias (chosen by
    cross-validation on expert annotations, stored in ``lexicons/bias_model.csv``)."""
    return float(load_model().threshold)


# ---------------------------------------------------------------------------------------------
# Loaded language
# ---------------------------------------------------------------------------------------------


def loaded_language(text: str, *, min_score: float = DEFAULT_MIN_SCORE) -> pd.DataFrame:
    """Every loaded, hedging, boosting, attributing, naming or labelling cue in ``text``.

    Returns ``start, end, term, category, stance, score, why, evidence`` (offsets into
    ``text``, so ``text[start:end] == term``), in text order. ``category`` is one of loaded, label,
    attribution, hedge, booster, naming; ``stance`` is set for attribution verbs and the
    hedges that attribute (neutral "said", doubt "claimed", presuppose "admitted", endorse
    "noted", assert "argued"), else None. ``score`` 0..1 is about the chance that an expert
    would mark the word as inducing bias (adjusted by its sentence: lower inside double quotation
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
    cues.

    What it cannot see: negation and irony ("hardly a masterstroke"), quotation without double
    quotation marks, sarcasm quotes (a scare-quoted word is taken for the speaker's), and loaded
    *framing* built from neutral words.

    >>> cues = loaded_language("The ministry claimed the masterstroke was symbolic.")
    >>> sorted(cues["category"].unique())
    ['attribution', 'loaded']
    """
    return cues_frame(scan(text, min_score=min_score))


def cue_tally(
    text: str, *, threshold: float, min_score: float = DEFAULT_MIN_SCORE
) -> tuple[int, Counter[str], int, int]:
    """``(cues, cues per category, cues scoring at least threshold, words)`` of
    ``loaded_language(text, min_score=min_score)``, counted without building its table (the
    same scoring code, ``analysis.wording_model.cue_scores``): for corpus-scale rates.
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


# ---------------------------------------------------------------------------------------------
# Distinctive terms: log-odds with an informative Dirichlet prior
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from analysis.wording_model import _STOPWORDS

    return _STOPWORDS


def term_counts(articles: pd.DataFrame, *, ngrams: tuple[int, ...] = (1, 2)) -> pd.DataFrame:
    """Word and two-word-phrase counts per article: ``article_id, term, n, count``.

    Words are normalized tokens (lower case, apostrophes folded); numbers are left out. A
    two-word phrase is two adjacent words in one sentence-like stretch (no ``.!?;:`` between
    them) that are not both function words ("of the" is not a phrase worth comparing).
    """
    stop = _function_words()
    rows = []
    for article_id, body in zip(articles["article_id"], articles["body"], strict=True):
        words: list[str | None] = []
        prev_end = 0
        for m in WORD_PATTERN.finditer(body):
            if re.search(r"[.!?;:\n]", body[prev_end:m.start()]):
                words.append(None)  # phrase boundary
            prev_end = m.end()
            tok = normalize_token(m.group())
            words.append(None if tok[0].isdigit() or tok[0] in "$€£¥₹₽" else tok)
        counts: Counter[tuple[str, int]] = Counter()
        if 1 in ngrams:
            counts.update((w, 1) for w in words if w)
        if 2 in ngrams:
            counts.update(
                (f"{a} {b}", 2)
                for a, b in zip(words, words[1:], strict=False)
                if a and b and not (a in stop and b in stop)
            )
        rows.extend((article_id, term, n, c) for (term, n), c in counts.items())
    return pd.DataFrame(rows, columns=["article_id", "term", "n", "count"]).astype({"n": "int64", "count": "int64"})


def _background(term: str) -> float:
    return word_frequency(term)


def distinctive_terms(
    counts: pd.DataFrame, *, prior_strength: float = 500.0, background_weight: float = 0.5,
    min_count: int = 2, top_n: int | None = 20, function_words: bool = False,
) -> pd.DataFrame:
    """Terms that set each article apart from the others (Monroe, Colaresi & Quinn 2008).

    For each article against the rest of the articles pooled: the log-odds ratio of a term with
    an informative Dirichlet prior, and its z-score (the ratio over its standard error). The
    prior's shape blends general English frequencies (``wordfreq``; weight ``background_weight``)
    with the articles' pooled counts, scaled to ``prior_strength`` pseudo-words: common words
    are shrunk towards "no difference", so a z-score above about 2 means the article uses the
    term more than chance and general usage would suggest. Two-word phrases take their
    background frequency from ``wordfreq``'s phrase estimate.

    Returns ``article_id, term, n, count, count_rest, per_1000, delta, z`` (the ``top_n`` highest
    z per article with at least ``min_count`` uses; ``top_n=None`` for all terms of every
    article). Function words ("the", "that", "of the") are left out of the result unless
    ``function_words`` is true (they still shape the prior). Needs two or more articles.

    What it cannot see: meaning (a term can be distinctive because one article is simply about
    more things), and with very short texts nothing reaches a high z: a z of 2-3 on a word used
    three times is a lead, not proof.
    """
    ids = list(dict.fromkeys(counts["article_id"]))
    if len(ids) < 2:
        raise ValueError(f"distinctive terms compare articles: need at least 2, got {len(ids)}")
    wide = counts.pivot_table(index=["term", "n"], columns="article_id", values="count", aggfunc="sum", fill_value=0)
    total = wide.sum(axis=1).to_numpy(float)
    terms = wide.index.get_level_values("term")
    orders = wide.index.get_level_values("n").to_numpy()
    frames = []
    for n in sorted(set(orders)):
        mask = orders == n
        pooled = total[mask] / total[mask].sum()
        general = np.array([_background(t) for t in terms[mask]])
        general = general / general.sum() if general.sum() > 0 else pooled
        shape = background_weight * general + (1 - background_weight) * pooled
        alpha = prior_strength * shape
        alpha0 = alpha.sum()
        block = wide[mask]
        for article_id in ids:
            y_a = block[article_id].to_numpy(float)
            y_r = block.drop(columns=article_id).sum(axis=1).to_numpy(float)
            n_a, n_r = y_a.sum(), y_r.sum()
            delta = np.log((y_a + alpha) / (n_a + alpha0 - y_a - alpha)) - np.log(
                (y_r + alpha) / (n_r + alpha0 - y_r - alpha)
            )
            z = delta / np.sqrt(1.0 / (y_a + alpha) + 1.0 / (y_r + alpha))
            frames.append(
                pd.DataFrame(
                    {
                        "article_id": article_id,
                        "term": terms[mask],
                        "n": n,
                        "count": y_a.astype("int64"),
                        "count_rest": y_r.astype("int64"),
                        "per_1000": 1000 * y_a / max(n_a, 1),
                        "delta": delta,
                        "z": z,
                    }
                )
            )
    out = pd.concat(frames, ignore_index=True)
    out = out[out["count"] >= min_count]
    if not function_words:
        stop = _function_words()
        keep = np.array([any(w not in stop for w in t.split()) for t in out["term"]], dtype=bool)
        out = out.loc[keep]
    order = {a: i for i, a in enumerate(ids)}
    out = out.sort_values(["article_id", "z"], key=lambda s: s.map(order) if s.name == "article_id" else -s)
    if top_n is not None:  # after sorting: the top_n highest z of each article
        out = out.groupby("article_id", sort=False).head(top_n)
    return out.reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Naming variants
# ---------------------------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------------
# Keyword in context and contrast pairs
# ---------------------------------------------------------------------------------------------


def keyword_in_context(
    articles: pd.DataFrame, term: str, *, window: int = 60, ignore_case: bool = True
) -> pd.DataFrame:
    """Every use of ``term`` in each article with ``window`` characters either side.

    Returns ``article_id, start, end, left, match, right`` (offsets into ``body``). ``term`` is
    matched as whole words (a phrase may span any whitespace); it is a literal, not a pattern.
    """
    words = term.split()
    if not words:
        raise ValueError("keyword_in_context needs a non-empty term")
    pattern = re.compile(
        r"(?<![\w-])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w-])", re.IGNORECASE if ignore_case else 0
    )
    rows = []
    for article_id, body in zip(articles["article_id"], articles["body"], strict=True):
        for m in pattern.finditer(body):
            left = " ".join(body[max(0, m.start() - window):m.start()].split())
            right = " ".join(body[m.end():m.end() + window].split())
            rows.append((article_id, m.start(), m.end(), left, m.group(), right))
    return pd.DataFrame(rows, columns=["article_id", "start", "end", "left", "match", "right"])


def _content_words(text: str) -> list[str]:
    stop = _function_words()
    return [w for w in (normalize_token(m.group()) for m in WORD_PATTERN.finditer(text)) if w not in stop and w[0].isalpha()]


def contrast_pairs(
    articles: pd.DataFrame, sentences: pd.DataFrame, *, cues: pd.DataFrame | None = None,
    threshold: float | None = None, top_n: int | None = 12,
) -> pd.DataFrame:
    """Aligned passages about the same thing, with the words each article chose.

    Sentences are aligned across articles by TF-IDF cosine similarity (``analysis.alignment``:
    each pair is one sentence's best match in the other article, at or above ``threshold``).
    For each pair: ``a_id, a_sent_id, b_id, b_sent_id, similarity, a_text, b_text``,
    ``a_cues`` / ``b_cues`` (the flagged loaded words and every hedge, booster, attribution,
    label and naming cue in each sentence, highest score first),
    ``a_only`` / ``b_only`` (content words only that side used), and ``contrast`` (how far the
    two sides' strongest cue scores differ). Pairs are sorted by ``contrast`` then similarity;
    ``top_n`` keeps the first ones.

    What it cannot see: paraphrase without shared words (those passages do not align), and
    whether the two sentences agree; a pair means "about the same thing".
    """
    from analysis.alignment import DEFAULT_THRESHOLD, align_sentences

    aligned = align_sentences(articles, sentences, threshold=DEFAULT_THRESHOLD if threshold is None else threshold)
    if cues is None:
        cues = article_cues(articles, sentences)
    threshold_flag = flag_threshold()
    chosen = cues[(cues["score"] >= threshold_flag) | (cues["category"] != "loaded")]
    ranked = chosen.sort_values("score", ascending=False)
    by_sent = ranked.groupby(["article_id", "sent_id"], sort=False)
    cue_terms = by_sent["term"].agg(list).to_dict()
    cue_top = by_sent["score"].max().to_dict()
    rows = []
    for r in aligned.itertuples(index=False):
        a_words, b_words = _content_words(r.a_text), _content_words(r.b_text)
        a_set, b_set = set(a_words), set(b_words)
        a_key, b_key = (r.a_id, r.a_sent_id), (r.b_id, r.b_sent_id)
        rows.append(
            {
                "a_id": r.a_id, "a_sent_id": int(r.a_sent_id), "b_id": r.b_id, "b_sent_id": int(r.b_sent_id),
                "similarity": float(r.similarity), "a_text": r.a_text, "b_text": r.b_text,
                "a_cues": cue_terms.get(a_key, []), "b_cues": cue_terms.get(b_key, []),
                "a_only": list(dict.fromkeys(w for w in a_words if w not in b_set)),
                "b_only": list(dict.fromkeys(w for w in b_words if w not in a_set)),
                "contrast": abs(cue_top.get(a_key, 0.0) - cue_top.get(b_key, 0.0)),
            }
        )
    columns = ["a_id", "a_sent_id", "b_id", "b_sent_id", "similarity", "a_text", "b_text",
               "a_cues", "b_cues", "a_only", "b_only", "contrast"]
    frame = pd.DataFrame(rows, columns=columns)
    frame = frame.sort_values(["contrast", "similarity"], ascending=False).reset_index(drop=True)
    return frame if top_n is None else frame.head(top_n)


# ---------------------------------------------------------------------------------------------
# Highlighted text
# ---------------------------------------------------------------------------------------------


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
    for row in chosen.itertuples(index=False):
        start, end = int(row.start), int(row.end)
        if start < pos or end > len(body) or start >= end:
            continue
        if row.score < min_score and row.category == "loaded":
            continue
        text_parts.append(html.escape(body[pos:start]))
        title = html.escape(f"{row.category} (score {row.score:.2f}): {row.why}", quote=True)
        text_parts.append(
            f'<mark class="cue cue-{html.escape(row.category)}" style="{cue_mark_style(row.category)}" '
            f'tabindex="0" title="{title}" data-why="{title}">{html.escape(body[start:end])}</mark>'
        )
        pos = end
    text_parts.append(html.escape(body[pos:]))
    text = "".join(text_parts).replace("\n", "<br>\n")
    parts.append(f'<div class="wording-text" style="line-height:1.6">{text}</div>')
    return "\n".join(parts)


# ---------------------------------------------------------------------------------------------
# Everything at once
# ---------------------------------------------------------------------------------------------


@dataclass
class WordingResult:
    """The wording tables of a comparison.

    - ``distinctive``: :func:`distinctive_terms` (top terms per article, z-scores);
    - ``cues``: :func:`article_cues` (every cue, offsets into each body);
    - ``naming``: :func:`naming_choices`;
    - ``contrasts``: :func:`contrast_pairs` (may be empty);
    - ``summary``: per article and category, cues and flags per 1,000 words.
    """

    distinctive: pd.DataFrame
    cues: pd.DataFrame
    naming: pd.DataFrame
    contrasts: pd.DataFrame = field(default_factory=pd.DataFrame)
    summary: pd.DataFrame = field(default_factory=pd.DataFrame)
    flag_threshold: float = 0.5

    def to_json(self) -> dict[str, Any]:
        """The ``wording`` section of ``compare --json`` (floats to 4 places, NaN as null)."""
        out = {
            "distinctive": records(self.distinctive, ["article_id", "term", "z", "count", "n"]),
            "cues": records(self.cues, CUE_COLUMNS),
            "naming": records(self.naming, ["article_id", "group", "term", "variant", "count"]),
            "flag_threshold": json_safe(self.flag_threshold),
        }
        if len(self.summary):
            out["summary"] = records(self.summary, list(self.summary.columns))
        if len(self.contrasts):
            cols = ["a_id", "a_sent_id", "b_id", "b_sent_id", "similarity", "a_cues", "b_cues", "a_only", "b_only"]
            out["contrasts"] = records(self.contrasts, cols)
        return out


def cue_summary(cues: pd.DataFrame, articles: pd.DataFrame, *, threshold: float | None = None) -> pd.DataFrame:
    """Per article and category: ``cues``, ``flags`` (score at or above the flag threshold) and
    both per 1,000 words, so articles of different length compare."""
    threshold = flag_threshold() if threshold is None else threshold
    words = dict(zip(articles["article_id"], articles["n_words"], strict=True))
    grid = pd.MultiIndex.from_product([list(articles["article_id"]), list(CATEGORY_COLOURS)], names=["article_id", "category"])
    g = cues.assign(flag=cues["score"] >= threshold).groupby(["article_id", "category"])
    table = pd.DataFrame({"cues": g.size(), "flags": g["flag"].sum()}).reindex(grid, fill_value=0).reset_index()
    table = table.astype({"cues": "int64", "flags": "int64"})
    per = table["article_id"].map(words).astype(float).clip(lower=1) / 1000
    table["cues_per_1000"] = table["cues"] / per
    table["flags_per_1000"] = table["flags"] / per
    return table


def analyze_wording(
    articles: pd.DataFrame, sentences: pd.DataFrame, *, top_n: int = 20, min_score: float = DEFAULT_MIN_SCORE,
    contrasts: bool = True,
) -> WordingResult:
    """All wording tables for two or more articles (see :class:`WordingResult`).

    With a single article, distinctive terms and contrast pairs need a comparison and are left
    empty (cues and naming are still computed).
    """
    cues = article_cues(articles, sentences, min_score=min_score)
    counts = term_counts(articles)
    if articles["article_id"].nunique() >= 2 and counts["article_id"].nunique() >= 2:
        distinctive = distinctive_terms(counts, top_n=top_n)
        pairs = contrast_pairs(articles, sentences, cues=cues) if contrasts else pd.DataFrame()
    else:
        distinctive = pd.DataFrame(columns=["article_id", "term", "n", "count", "count_rest", "per_1000", "delta", "z"])
        pairs = pd.DataFrame()
    return WordingResult(
        distinctive=distinctive,
        cues=cues,
        naming=naming_choices(articles),
        contrasts=pairs,
        summary=cue_summary(cues, articles),
        flag_threshold=flag_threshold(),
    )
