"""The streamed loaders' public path: ``from analysis.loaders import iter_articles, load_many …``.

The code lives in ``analysis.inputs.loaders`` (with the other ways an article comes in); this
module only re-exports its public names, so the two paths give the same objects.
"""

from __future__ import annotations

from analysis.inputs.loaders import (
    TEXT_COLUMNS,
    iter_articles,
    iter_batches,
    load_dask,
    load_many,
    source_format,
)

__all__ = ["TEXT_COLUMNS", "iter_articles", "iter_batches", "load_dask", "load_many", "source_format"]
