"""Source-bias comparison: put news articles about one event side by side.

The public API, re-exported once here. Each module holds one concern:
``corpus`` (reading files), ``boilerplate`` (page furniture), ``text`` (sentences and tokens),
``actors`` (who is named), ``lexicon`` (data files).
"""

from analysis.actors import actor_groups, actor_mentions
from analysis.corpus import (
    CorpusError,
    CorpusWarning,
    articles_from_texts,
    load_corpus,
    require_comparison,
)
from analysis.lexicon import load_lexicon
from analysis.text import sentence_spans, split_sentences, tokenize, word_spans

__all__ = [
    "CorpusError",
    "CorpusWarning",
    "actor_groups",
    "actor_mentions",
    "articles_from_texts",
    "load_corpus",
    "load_lexicon",
    "require_comparison",
    "sentence_spans",
    "split_sentences",
    "tokenize",
    "word_spans",
]
