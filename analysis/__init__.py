"""Source-bias comparison: put news articles about one event side by side.

The public API, re-exported once here. One module a concern:
``corpus`` (reading files), ``boilerplate`` (page furniture), ``text`` (sentences and tokens),
``actors`` (who is named), ``lexicon`` (data files), ``tone``, ``wording``, ``emphasis``
(with ``sourcing`` and ``alignment``), ``compare`` (everything together), ``report`` (HTML),
``plots`` (figures), ``render`` (the notebook site), ``scale`` and ``loaders`` (many articles).
"""

__version__ = "0.2.0"

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
from analysis.loaders import iter_articles, load_dask, load_many
from analysis.scale import (
    article_features,
    features,
    features_dask,
    group_distinctive_terms,
    group_summary,
    synthetic_corpus,
)
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
from analysis.voice import quotations, voice_at
from analysis.wording import (
    EVIDENCE_TAGS,
    LEXICAL_EVIDENCE,
    WordingResult,
    analyze_wording,
    contrast_pairs,
    distinctive_terms,
    has_lexical_evidence,
    highlight_html,
    keyword_in_context,
    loaded_language,
)

__all__ = [
    "__version__",
    "EVIDENCE_TAGS",
    "LEXICAL_EVIDENCE",
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
    "article_features",
    "articles_from_texts",
    "compare",
    "contrast_pairs",
    "distinctive_terms",
    "features",
    "features_dask",
    "find_sources",
    "group_distinctive_terms",
    "group_summary",
    "has_lexical_evidence",
    "highlight_html",
    "iter_articles",
    "keyword_in_context",
    "lexicon_entry",
    "load_corpus",
    "load_dask",
    "load_lexicon",
    "load_many",
    "loaded_language",
    "omissions",
    "provenance",
    "quotations",
    "require_comparison",
    "sentence_spans",
    "split_sentences",
    "synthetic_corpus",
    "textblob_sentiment",
    "tokenize",
    "unscored_loaded",
    "vader_compound",
    "voice_at",
    "word_spans",
]
