"""What a person reads: short article labels and tables with one number format.

Full article ids (``000_05732b7640654d32``) stay in the tables and the JSON; every page a person
reads names an article by its short ``label`` ("A · The Ridge Ledger", or the ``label`` given in
the file's front matter). ``readable`` turns any result table into strings a reader can scan on a
phone: labels for ids, signed numbers with three decimals, shares as percentages, a dash for
missing values, lists joined by commas, and no shuffled row numbers.

>>> import pandas as pd
>>> readable(pd.DataFrame({"article_id": ["x1"], "share": [0.641026], "z": [2.757e-04]}), labels={"x1": "A"})
  article share      z
1       A   64% +0.000
"""

from __future__ import annotations

import dataclasses
import html
import math
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import pandas as pd

from analysis.categories import RegistryView

if TYPE_CHECKING:
    from analysis.compare import Comparison

__all__ = [
    "OKABE_ITO",
    "CUE_MARKS",
    "cue_mark_style",
    "ID_COLUMNS",
    "article_labels",
    "default_label",
    "relabel",
    "labelled",
    "readable",
    "table_markup",
    "CARDS_CSS",
    "format_value",
    "label_ids",
    "use_readable_tables",
]

#: The summary and the report compare articles side by side up to this many; beyond, they show
#: one row an article and point to corpus-scale measures (``analysis.features``), which summarise
#: many articles by group instead of setting each beside every other.
READABLE_ARTICLES = 50
AT_SCALE_POINTER = (
    "{n} articles are more than a side-by-side comparison can show (up to {limit}). For a corpus, "
    "measure every article with analysis.features() and compare outlets or groups with "
    "analysis.group_summary() (notebook 07-outlets-at-scale); --json still holds every table."
)

#: Okabe & Ito (2008) colours, told apart under the common colour-vision deficiencies (black left
#: out). The one palette of every view: article colours in figures, cue categories in texts.
OKABE_ITO = {
    "blue": "#0072B2",
    "orange": "#E69F00",
    "bluish_green": "#009E73",
    "vermillion": "#D55E00",
    "sky_blue": "#56B4E9",
    "reddish_purple": "#CC79A7",
    "yellow": "#F0E442",
    "grey": "#999999",
}

#: How each cue category is marked in a text: a light tint of an Okabe-Ito colour as background,
#: and a second mark that is not colour — the underline's style — so categories stay apart in
#: greyscale print and under colour-vision deficiencies.
CUE_MARKS = RegistryView(lambda c: {"colour": c.colour, "tint": c.tint, "line": c.line})


def cue_mark_style(category: str) -> str:
    """Inline CSS for a cue of ``category``: tint, and an underline style unique to the category."""
    mark = CUE_MARKS.get(category, {"colour": "#777777", "tint": "#eeeeee", "line": "solid"})
    line = mark["line"]
    decoration = "overline" if line == "overline" else "underline"
    style = "solid" if line == "overline" else line
    return (
        f"background:{mark['tint']};text-decoration:{decoration} {style} {mark['colour']};"
        "text-decoration-thickness:2px;text-underline-offset:3px;text-decoration-skip-ink:none"
    )


#: Columns that hold article ids (one id, or a list of ids) in the result tables.
ID_COLUMNS = ("article_id", "a_id", "b_id", "other_id", "present_in", "absent_from")

#: Headers shown instead of the id columns' names.
_ID_HEADERS = {"article_id": "article", "a_id": "article", "b_id": "other article", "other_id": "other article"}

_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _letter(i: int) -> str:
    """A, B, … Z, AA, AB, … ZZ, AAA, … (spreadsheet columns: any number of articles)."""
    letters = ""
    i += 1
    while i > 0:
        i, rest = divmod(i - 1, len(_LETTERS))
        letters = _LETTERS[rest] + letters
    return letters


def default_label(position: int, outlet: object, *, width: int = 24) -> str:
    """A letter by position, with the outlet when one is known: ``"A · The Ridge Ledger"``.

    A parenthetical in the outlet ("(invented for the lesson)") is dropped, and an outlet that
    is unknown adds nothing, so the label stays short enough for a phone-width table.
    """
    name = re.sub(r"\s*\(.*?\)\s*", " ", str(outlet or "")).strip()
    if not name or name.lower().startswith("unknown"):
        return _letter(position)
    if len(name) > width:
        name = name[: width - 1].rstrip() + "…"
    return f"{_letter(position)} · {name}"


def article_labels(articles: pd.DataFrame) -> dict[str, str]:
    """``{article_id: label}`` from the articles table: its ``label`` column where filled in, else
    :func:`default_label`; a label used twice gets a number, so no two articles read the same."""
    ids = [str(a) for a in articles["article_id"]]
    given = list(articles["label"]) if "label" in articles.columns else [""] * len(ids)
    outlets = list(articles["outlet"]) if "outlet" in articles.columns else [""] * len(ids)
    out: dict[str, str] = {}
    seen: set[str] = set()
    for i, (article_id, label, outlet) in enumerate(zip(ids, given, outlets, strict=True)):
        base = str(label).strip() if isinstance(label, str) and label.strip() else default_label(i, outlet)
        label, n = base, 2
        while label in seen:
            label, n = f"{base} ({n})", n + 1
        seen.add(label)
        out[article_id] = label
    return out


def _map_ids(value: Any, labels: Mapping[str, str]) -> Any:
    if isinstance(value, list | tuple):
        return [labels.get(str(v), v) for v in value]
    return labels.get(str(value), value) if isinstance(value, str) else value


def relabel(frame: pd.DataFrame, labels: Mapping[str, str]) -> pd.DataFrame:
    """A copy of ``frame`` with every article id (in ``ID_COLUMNS``) replaced by its label."""
    columns = [c for c in ID_COLUMNS if c in frame.columns]
    if not columns:
        return frame
    out = frame.copy()
    for column in columns:
        out[column] = [_map_ids(v, labels) for v in out[column]]
    return out


def labelled(comparison: Comparison) -> Comparison:
    """A copy of ``comparison`` for reading: every id in every table replaced by its label.

    Views (the report, the figures, the lesson) draw from this copy; ``to_json`` is always
    called on the original, which keeps the full ids.
    """
    labels = article_labels(comparison.articles)

    def swap(result: Any) -> Any:
        if not dataclasses.is_dataclass(result) or isinstance(result, type):
            return result
        changes = {
            f.name: relabel(getattr(result, f.name), labels)
            for f in dataclasses.fields(result)
            if isinstance(getattr(result, f.name), pd.DataFrame)
        }
        return dataclasses.replace(result, **changes)

    return dataclasses.replace(
        comparison,
        articles=relabel(comparison.articles, labels),
        sentences=relabel(comparison.sentences, labels),
        sections={name: swap(result) for name, result in comparison.sections.items()},
    )


_SHARE = re.compile(r"(^|_)(share|percent|pct|proportion)($|_)")


def _missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def format_value(value: Any, *, share: bool = False) -> str:
    """One cell as a reader sees it (see the module docstring for the conventions)."""
    if isinstance(value, list | tuple | set):
        items = [format_value(v) for v in value if not _missing(v)]
        return ", ".join(items) if items else "–"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {format_value(v)}" for k, v in value.items()) or "–"
    if _missing(value):
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        value = value.item()
        if isinstance(value, bool):
            return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:.0%}" if share else f"{value:,}"
    if isinstance(value, float):
        if share:
            return f"{value:.0%}"
        return "0" if value == 0 else f"{value:+.3f}".replace("-", "−")
    return str(value)


def readable(
    frame: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    columns: Iterable[str] | None = None,
    max_rows: int | None = None,
) -> pd.DataFrame:
    """``frame`` as strings a person reads: labels for ids, one number format, no NaN or lists.

    Shares (columns named ``share``, ``…_share``) show as percentages; other fractional numbers
    as signed with three decimals (``+0.078``, ``−0.046``); counts as integers; a missing value as
    a dash. Id columns are renamed (``article_id`` → ``article``) and rows numbered from 1.
    """
    if columns is not None:
        frame = frame[[c for c in columns if c in frame.columns]]
    if max_rows is not None:
        frame = frame.head(max_rows)
    if labels:
        frame = relabel(frame, labels)
    out = pd.DataFrame(index=range(1, len(frame) + 1))
    for column in frame.columns:
        share = bool(_SHARE.search(str(column)))
        values = [format_value(v, share=share) for v in frame[column].tolist()]
        header = _ID_HEADERS.get(str(column), str(column).replace("_", " "))
        while header in out.columns:
            header += " "
        out[header] = values
    return out


def label_ids(articles: pd.DataFrame, sentences: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The two tables with each ``article_id`` replaced by the article's label, for reading.

    Every table computed from them then names articles by label (the notebooks do this); the
    full id stays in ``file_id``. Not for JSON output, which keeps the full ids.
    """
    labels = article_labels(articles)
    named = relabel(articles, labels).assign(file_id=list(articles["article_id"]))
    return named, relabel(sentences, labels)


#: A table that holds prose (a cell over this many characters) is shown as cards on a phone.
CARD_CELL_CHARS = 40

#: The CSS that shows a table of class ``row-cards`` (see :func:`table_markup`) as one card a row of
#: "column: value" lines under 600 px wide; the report and the site's pages both include it.
CARDS_CSS = """@media (max-width:600px){
table.row-cards,table.row-cards tbody,table.row-cards tr,table.row-cards td{display:block}table.row-cards thead{display:none}
table.row-cards tr{border:1px solid #e3e3e8;border-radius:6px;margin:.45rem 0;padding:.25rem .5rem}
table.row-cards td{border:0;padding:.1rem 0;max-width:none;font-size:.86rem;text-align:left}
table.row-cards td::before{content:attr(data-label) ": ";font-weight:600;color:#5a5a5f}}"""


def table_markup(shown: pd.DataFrame, *, classes: str = "data") -> str:
    """``shown`` (strings, as :func:`readable` makes them) as an escaped HTML table whose every
    cell names its column (``data-label``). A table holding prose (a cell over
    :data:`CARD_CELL_CHARS` characters: reasons, sentences, titles) also gets the class ``row-cards``:
    on a phone (:data:`CARDS_CSS`) each row is a card of "column: value" lines instead of a narrow
    column of one word a line; a table of short values stays a table."""
    esc = html.escape
    labels = [esc(str(c)) for c in shown.columns]
    values = list(shown.itertuples(index=False, name=None))
    if any(len(str(value)) > CARD_CELL_CHARS for row in values for value in row):
        classes += " row-cards"
    head = "".join(f"<th>{label}</th>" for label in labels)
    rows = "".join(
        "<tr>" + "".join(f'<td data-label="{label}">{esc(str(value))}</td>'
                         for label, value in zip(labels, row, strict=True)) + "</tr>"
        for row in values
    )
    return f'<table class="{classes}"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _html_table(frame: pd.DataFrame) -> str:
    if not isinstance(frame.index, pd.RangeIndex) or frame.index.name is not None:
        frame = frame.reset_index()
    if isinstance(frame.columns, pd.MultiIndex):
        frame = frame.copy()
        frame.columns = [" ".join(str(c) for c in col if str(c)) for col in frame.columns]
    return table_markup(readable(frame), classes="readable data")


def use_readable_tables() -> None:
    """In a notebook, show every DataFrame the way ``readable`` formats it (signed numbers with
    three decimals, shares as %, a dash for missing values, lists joined, ids as labels when
    the tables came from ``label_ids``). Outside IPython it does nothing. Returns None, so a
    cell ending with it shows nothing."""
    try:
        from IPython import get_ipython  # only inside Jupyter
    except ImportError:  # pragma: no cover
        return
    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, _html_table)
