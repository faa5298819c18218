"""Keyword in context and contrast pairs: a term with its neighbours, and aligned passages
about the same thing with the words each side chose."""

from __future__ import annotations

import re

import pandas as pd

from analysis.alignment import DEFAULT_THRESHOLD, align_sentences
from analysis.text import WORD_PATTERN, normalize_token
from analysis.wording.cues import article_cues, flag_threshold
from analysis.wording.lexicons import FUNCTION_WORDS

__all__ = ["contrast_pairs", "keyword_in_context"]


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
    stop = FUNCTION_WORDS
    return [w for w in (normalize_token(m.group()) for m in WORD_PATTERN.finditer(text)) if w not in stop and w[0].isalpha()]


def contrast_pairs(
    articles: pd.DataFrame, sentences: pd.DataFrame, *, cues: pd.DataFrame | None = None,
    threshold: float | None = None, top_n: int | None = 12, aligned: pd.DataFrame | None = None,
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
    whether the two sentences agree; a pair means "about the same thing". ``aligned`` is the
    alignment already made (``analysis.alignment.align_sentences``; the comparison passes the one
    emphasis reads too), else it is made here.
    """
    if aligned is None:
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
    for r in aligned.to_dict("records"):
        a_words, b_words = _content_words(r["a_text"]), _content_words(r["b_text"])
        a_set, b_set = set(a_words), set(b_words)
        a_key, b_key = (r["a_id"], r["a_sent_id"]), (r["b_id"], r["b_sent_id"])
        rows.append(
            {
                "a_id": r["a_id"], "a_sent_id": int(r["a_sent_id"]), "b_id": r["b_id"],
                "b_sent_id": int(r["b_sent_id"]), "similarity": float(r["similarity"]),
                "a_text": r["a_text"], "b_text": r["b_text"],
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
