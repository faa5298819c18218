"""Figures: each function takes result tables and returns a matplotlib Figure (no computation).

One module per concern: ``corpus``, ``tone``, ``wording``, ``emphasis``.
"""

# Importing pyplot activates the notebook's display backend, so a returned Figure shows once.
# Figures are built with the object API (matplotlib.figure.Figure), never registered with pyplot:
# nothing is drawn twice and nothing leaks memory in loops over many articles.
import matplotlib as _matplotlib
import matplotlib.pyplot as _pyplot

_pyplot.switch_backend(_matplotlib.get_backend())

# Every figure shown in a notebook carries a description of itself as alt text.
from analysis.plots.describe import register_alt_text as _register_alt_text  # noqa: E402

_register_alt_text()
