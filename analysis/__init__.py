"""Source-bias comparison: put news articles about one event side by side.

The public API, re-exported once here. One module a concern:
``corpus`` (reading files), ``boilerplate`` (page furniture), ``text`` (sentences and tokens),
``actors`` (who is named), ``lexicon`` (data files), ``tone``, ``wording``, ``emphasis``
(with ``sourcing`` and ``alignment``), ``compare`` (everything together), ``report`` (HTML),
``plots`` (figures), ``render`` (the notebook site).
"""

from analysis.actors import actor_groups, actor_mentions
from analysis.alignment import align_sentences, omissions
from analysis.compare import Comparison, compare
from analysis.corpus import (
    CorpusError,
    CorpusWarning,
    articles_from_texts,
    load_corpus,
    provenance,
    require_comparison,
)
from analysis.emphasis import EmphasisResult, analyze_emphasis
from analysis.lexicon import load_lexicon
from analysis.sourcing import find_sources
from analysis.text import sentence_spans, split_sentences, tokenize, word_spans
from analysis.tone import (
    ToneResult,
    analyze_tone,
    lexicon_entry,
    textblob_sentiment,
    unscored_loaded,
    vader_compound,
)
from analysis.wording import (
    WordingResult,
    analyze_wording,
    contrast_pairs,
    distinctive_terms,
    highlight_html,
    keyword_in_context,
    loaded_language,
)

__all__ = [
    "Comparison",
    "CorpusError",
    "CorpusWarning",
    "EmphasisResult",
    "ToneResult",
    "WordingResult",
    "actor_groups",
    "actor_mentions",
    "align_sentences",
    "analyze_emphasis",
    "analyze_tone",
    "analyze_wording",
    "articles_from_texts",
    "compare",
    "contrast_pairs",
    "distinctive_terms",
    "find_sources",
    "highlight_html",
    "keyword_in_context",
    "lexicon_entry",
    "load_corpus",
    "load_lexicon",
    "loaded_language",
    "omissions",
    "provenance",
    "require_comparison",
    "sentence_spans",
    "split_sentences",
    "textblob_sentiment",
    "tokenize",
    "unscored_loaded",
    "vader_compound",
    "word_spans",
]
