"""Pieces every report section uses: escaping, embedded figures, readable tables.

Kept apart from ``analysis.report`` (the page) so sections can use them without importing the page.
matplotlib is imported by ``figure_html`` only, when a figure is embedded: importing this module (as
every command does, through the sections' registry) costs no plotting library.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

from analysis.present import readable, table_markup

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["esc", "figure_html", "table_html"]

esc = html.escape


def figure_html(fig: Figure, caption: str, *, alt: str | None = None, dpi: int = 96,
                narrow: Figure | None = None) -> str:
    """A figure as an embedded SVG image with a caption (the figures are not kept open).

    Vector, so it stays sharp when a phone reader zooms in or the page is printed; text is kept
    as text (``svg.fonttype = none``), which also keeps the file small. ``alt`` defaults to the
    caption. ``dpi`` only sizes the drawing. ``narrow``: the same figure laid out for a phone
    (panels stacked in one column), shown instead under 600 px wide.
    """
    wide = _svg_data(fig, dpi)
    image = f'<img src="data:image/svg+xml;base64,{wide}" alt="{esc(alt or caption)}">'
    if narrow is not None:
        image = (f'<picture><source media="(max-width:600px)" '
                 f'srcset="data:image/svg+xml;base64,{_svg_data(narrow, dpi)}">{image}</picture>')
    return f"<figure>{image}<figcaption>{esc(caption)}</figcaption></figure>"


def _svg_data(fig: Figure, dpi: int) -> str:
    import matplotlib  # the figure exists, so matplotlib is loaded already

    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "report"}):
        fig.savefig(buffer, format="svg", dpi=dpi, bbox_inches="tight", metadata={"Date": None})
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def table_html(frame: pd.DataFrame, *, columns: Iterable[str] | None = None, max_rows: int = 25) -> str:
    """A DataFrame as an escaped HTML table (first ``max_rows`` rows), or a note when empty.

    Cells go through ``analysis.present.readable``: one number format, shares as percentages,
    a dash for a missing value, lists joined; ids are expected to be labels already (see
    ``analysis.present.labelled``).
    """
    if columns is not None:
        frame = frame[[c for c in columns if c in frame.columns]]
    if frame.empty:
        return '<p class="muted small">(nothing found)</p>'
    shown = readable(frame, max_rows=max_rows)
    body = table_markup(shown)
    more = (
        f'<p class="muted small">… and {len(frame) - max_rows} more rows in '
        '<a href="#data">the full data</a>.</p>'
        if len(frame) > max_rows
        else ""
    )
    return f'<div class="table-wrap">{body}</div>{more}'
