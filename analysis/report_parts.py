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

from analysis.present import readable

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
    labels = [esc(str(c)) for c in shown.columns]
    head = "".join(f"<th>{label}</th>" for label in labels)
    # each cell names its column (``data-label``): at phone width a table holding prose (a cell
    # over 40 characters: reasons, sentences) shows each row as a card of "column: value" lines
    # instead of a narrow column of one word a line (the report's CSS, class "cards"); a table of
    # short values stays a table, scrolled sideways inside its frame
    cards = any(len(str(value)) > 40 for row in shown.itertuples(index=False, name=None) for value in row)
    rows = "".join(
        "<tr>" + "".join(f'<td data-label="{label}">{esc(str(value))}</td>'
                         for label, value in zip(labels, row, strict=True)) + "</tr>"
        for row in shown.itertuples(index=False, name=None)
    )
    kind = "data cards" if cards else "data"
    body = f'<table class="{kind}"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
    more = (
        f'<p class="muted small">… and {len(frame) - max_rows} more rows in '
        '<a href="#data">the full data</a>.</p>'
        if len(frame) > max_rows
        else ""
    )
    return f'<div class="table-wrap">{body}</div>{more}'
