"""Source-bias comparison: put news articles about one event side by side.

The public API is the short list in ``__all__``: what a notebook needs to read articles, compare
them, look at single instruments, summarise many articles and render the results. Everything else
is importable from its own module. The flow, one module a concern:

- input: ``corpus`` (the two tables and plain article files), ``inputs`` (every way in: files,
  folders, pages, URLs, tables, feeds, texts; ``load_corpus``; ``inputs.loaders``, public as
  ``loaders``: many articles, streamed), ``boilerplate``, ``text`` (sentences and tokens);
- annotation: ``annotate`` (each article measured once, as plain records every view reads);
- lenses: ``tone``, ``wording`` (cues, the wording model), ``emphasis`` (with ``actors``,
  ``discovery``, ``sourcing``, ``voice`` and ``alignment``), reading the annotations;
- comparison: ``compare`` (every lens on one set of articles), ``scale`` (the same measures per
  article over thousands);
- presentation: ``report`` (HTML), ``plots`` (figures), ``render`` (the notebook site and the lesson
  editions), ``present`` (readable labels).

>>> from analysis import load_corpus, compare  # doctest: +SKIP
>>> comparison = compare(*load_corpus("corpus/2025-06-spiderweb-istanbul"))  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

from analysis.compare import Comparison, compare
from analysis.corpus import CorpusError, CorpusWarning, require_comparison
from analysis.inputs import articles_from_texts, load_corpus
from analysis.inputs.loaders import iter_articles
from analysis.report import render_report
from analysis.scale import features, group_distinctive_terms, group_summary
from analysis.tone import textblob_sentiment, vader_compound
from analysis.wording import keyword_in_context, loaded_language

if TYPE_CHECKING:
    from analysis import plots
    from analysis.render import render_site

__all__ = [
    "__version__",
    # articles in
    "load_corpus",
    "articles_from_texts",
    "iter_articles",
    "require_comparison",
    "CorpusError",
    "CorpusWarning",
    # one comparison, and the instruments a notebook looks at one by one
    "compare",
    "Comparison",
    "loaded_language",
    "keyword_in_context",
    "textblob_sentiment",
    "vader_compound",
    # many articles
    "features",
    "group_summary",
    "group_distinctive_terms",
    # out: figures, the HTML report, the rendered site with the lesson editions
    "plots",
    "render_report",
    "render_site",
]

# Loaded on first use: the figures need matplotlib's display backend, the site nbconvert and a kernel.
_LAZY = {"plots": ("analysis.plots", None), "render_site": ("analysis.render", "render_site")}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module_name, attribute = _LAZY[name]
        module = importlib.import_module(module_name)
        return module if attribute is None else getattr(module, attribute)
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
