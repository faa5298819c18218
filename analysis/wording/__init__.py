"""Wording: the words each article chose, side by side.

- **Loaded language** (:func:`loaded_language`, :func:`article_cues`): every evaluative, hedging,
  boosting, attributing, naming or labelling cue with its offsets, a category, a stance for
  attribution verbs, a score 0..1 and a one-line reason. The score combines curated lexicons
  (each entry with a rationale and a source), TextBlob's and VADER's word lexicons, word rarity
  (``wordfreq``) and word-level statistics learned from expert annotations (BABE development
  half); see the modules below.
- **Distinctive terms** (:func:`distinctive_terms`): log-odds ratios with an informative Dirichlet
  prior and z-scores (Monroe, Colaresi & Quinn 2008), each article against the rest, words and
  two-word phrases, the prior built from general English frequencies (``wordfreq``) blended with
  the articles' own pooled counts, so two short texts can be compared.
- **Naming variants** (:func:`naming_choices`): which spelling or name of a contested thing each
  article uses (Kyiv/Kiev, "invasion"/"special military operation").
- **Keyword in context** and **contrast pairs**: a term in each article with its neighbours, and
  aligned passages about the same thing with the words each side chose.
- **Highlighted text** (:func:`highlight_html`): an article with its cues coloured by category.

Whose voice a cue is in (the outlet's own words or a speaker it quotes) comes from
``analysis.voice``; the rule every rate follows is :data:`analysis.voice.VOICE_RULE`.

What none of this can see: irony, negation ("not a masterstroke"), quotation without quotation
marks or a clear attribution, and what an article leaves out. A cue is a reason to look closer,
not a verdict.

The subpackage, in the order data flows through it:

- ``lexicons``: the curated word tables and one reader per outside word list;
- ``features``: every word feature declared once (name, plain words, function, default weight);
- ``model``: the fitted model and learned word counts (``analysis/models/``), checked on load;
- ``occurrences``: the scorable words of a text with their sentence facts;
- ``scorer``: words scored without context (the model's first stage, remembered per word);
- ``reasons``: the plain-words reason of a word cue (its features, then its sentence);
- ``scan``: one scan of a text yielding :class:`~analysis.wording.scan.Cue` records;
- ``train``: fitting the model on expert annotations (``benchmarks/validate_bias_words.py`` calls it);
- ``cues``, ``distinctive``, ``naming``, ``contexts``, ``lens``: the tables a comparison shows.
"""

from analysis.wording.contexts import contrast_pairs, keyword_in_context
from analysis.wording.cues import (
    CATEGORY_COLOURS,
    CUE_COLUMNS,
    DEFAULT_MIN_SCORE,
    article_cues,
    cue_summary,
    cue_tally,
    flag_threshold,
    highlight_html,
    loaded_language,
)
from analysis.wording.distinctive import distinctive_terms, term_counts
from analysis.wording.features import EVIDENCE_TAGS, LEXICAL_EVIDENCE, has_lexical_evidence
from analysis.wording.lens import WordingResult, analyze_wording
from analysis.wording.naming import naming_choices
from analysis.wording.scan import Cue

__all__ = [
    "CATEGORY_COLOURS",
    "CUE_COLUMNS",
    "DEFAULT_MIN_SCORE",
    "EVIDENCE_TAGS",
    "LEXICAL_EVIDENCE",
    "Cue",
    "WordingResult",
    "analyze_wording",
    "article_cues",
    "contrast_pairs",
    "cue_summary",
    "cue_tally",
    "distinctive_terms",
    "flag_threshold",
    "has_lexical_evidence",
    "highlight_html",
    "keyword_in_context",
    "loaded_language",
    "naming_choices",
    "term_counts",
]
