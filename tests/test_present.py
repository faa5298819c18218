"""What a person reads: short labels instead of ids, one number format, no NaN or lists shown."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from analysis import articles_from_texts, compare
from analysis.present import article_labels, default_label, format_value, labelled, readable

COUNCIL = (
    "Council pushes through plant closure\n\nThe council claimed on Thursday that the fund will replace the "
    "lost jobs. Critics said the promises have rarely been kept. The mayor admitted the change would be hard."
)
COURIER = (
    "Council seals landmark vote\n\nThe council voted on Thursday to close the plant, a landmark decision "
    "that campaigners hailed. The mayor said the plan would create lasting jobs for the town."
)


@pytest.mark.parametrize(
    ("position", "outlet", "expected"),
    [
        (0, "The Ridge Ledger (invented for the lesson)", "A · The Ridge Ledger"),
        (1, "unknown (syndicated via MENAFN)", "B"),
        (2, "", "C"),
        (27, "bbc news", "AB · bbc news"),
        (0, "A Very Long Outlet Name That Goes On And On", "A · A Very Long Outlet Name…"),
    ],
)
def test_default_label(position, outlet, expected):
    assert default_label(position, outlet) == expected


def test_labels_from_front_matter_and_unique():
    articles, _ = articles_from_texts(
        {"long_id_1": COUNCIL, "long_id_2": COURIER, "long_id_3": COURIER + " Another line here."},
        meta={"long_id_1": {"label": "Ledger"}, "long_id_2": {"label": "Ledger"}, "long_id_3": {"outlet": "Courier"}},
    )
    assert list(articles["label"]) == ["Ledger", "Ledger (2)", "C · Courier"]
    assert article_labels(articles)["long_id_3"] == "C · Courier"


@pytest.mark.parametrize(
    ("value", "share", "shown"),
    [
        (0.077782, False, "+0.078"),
        (-0.0459, False, "−0.046"),
        (2.757e-04, False, "+0.000"),
        (0.641026, True, "64%"),
        (float("nan"), False, "–"),
        (None, False, "–"),
        (pd.NA, False, "–"),
        (np.int64(1234), False, "1,234"),
        (np.bool_(True), False, "yes"),
        (["kyiv", "kiev"], False, "kyiv, kiev"),
        ({"said": 2}, False, "said: 2"),
        ([], False, "–"),
    ],
)
def test_format_value(value, share, shown):
    assert format_value(value, share=share) == shown


def test_readable_names_columns_and_numbers_rows():
    frame = pd.DataFrame(
        {"article_id": ["x", "y"], "attributed_share": [0.5, 0.25], "z": [1.5, np.nan], "absent_from": [["y"], ["x"]]},
        index=[7, 3],
    )
    shown = readable(frame, labels={"x": "A", "y": "B"})
    assert list(shown.columns) == ["article", "attributed share", "z", "absent from"]
    assert list(shown.index) == [1, 2]
    assert shown.iloc[0].tolist() == ["A", "50%", "+1.500", "B"]
    assert shown.iloc[1].tolist() == ["B", "25%", "–", "A"]


@pytest.fixture(scope="module")
def council_comparison():
    articles, sentences = articles_from_texts(
        {"ridge_ledger_2025_03_14": COUNCIL, "valley_courier_2025_03_14": COURIER},
        meta={"ridge_ledger_2025_03_14": {"outlet": "The Ridge Ledger"}, "valley_courier_2025_03_14": {}},
    )
    return compare(articles, sentences)


def test_labelled_copy_leaves_original_and_json_ids(council_comparison):
    view = labelled(council_comparison)
    assert set(view.wording.cues["article_id"]) <= {"A · The Ridge Ledger", "B · valley courier 2025 03…"}
    assert set(council_comparison.wording.cues["article_id"]) <= {"ridge_ledger_2025_03_14", "valley_courier_2025_03_14"}
    ids = {a["article_id"] for a in council_comparison.to_json()["articles"]}
    assert ids == {"ridge_ledger_2025_03_14", "valley_courier_2025_03_14"}


def test_report_names_articles_by_label(council_comparison):
    page = council_comparison.to_html(json_href="report.json")
    body, data = page.split('id="data"', 1)
    visible = re.sub(r"<[^>]+>", " ", body)
    assert "ridge_ledger_2025_03_14" not in visible
    assert "A · The Ridge Ledger" in visible
    assert 'href="report.json"' in data and "ridge_ledger_2025_03_14" in data
    assert not re.search(r">\s*(nan|NaN|None|&lt;NA&gt;)\s*<", page)
    assert not re.search(r"<td[^>]*>\s*\[", page)


def test_label_ids_keeps_the_file_id(council_comparison):
    from analysis.present import label_ids

    articles, sentences = label_ids(council_comparison.articles, council_comparison.sentences)
    assert list(articles["article_id"]) == list(council_comparison.articles["label"])
    assert list(articles["file_id"]) == list(council_comparison.articles["article_id"])
    assert set(sentences["article_id"]) == set(articles["article_id"])


def test_notebook_tables_keep_a_named_index_and_drop_row_numbers():
    from analysis.present import _html_table

    pivot = pd.DataFrame({"actor": ["Russia", "Ukraine"], "A": [0.641, np.nan], "B": [0.3, 0.2]}).set_index("actor")
    page = _html_table(pivot)
    assert "<th>actor</th>" in page and "Russia" in page and "−" not in page
    assert "+0.641" in page and "–" in page and "NaN" not in page
    assert "<th></th>" not in page  # no row-number column
    assert '<td data-label="actor">Russia</td>' in page  # the same cells as the report's tables


def test_the_site_pages_and_the_report_share_the_phone_tables():
    from analysis.present import CARDS_CSS
    from analysis.render import _PAGE_CSS
    from analysis.report import CSS

    assert CARDS_CSS in CSS and CARDS_CSS in _PAGE_CSS


def test_empty_label_column_falls_back_to_letters():
    frame = pd.DataFrame({"article_id": ["x", "y", "z"], "label": ["", None, "Mine"], "outlet": ["Daily", "", "Other"]})
    assert article_labels(frame) == {"x": "A · Daily", "y": "B", "z": "Mine"}


def test_table_cells_name_their_column_for_the_phone_layout():
    """At phone width the report shows each row of a table holding prose as a card of "column:
    value" lines (CSS reads each cell's ``data-label``): every cell must carry its column's
    header, escaped."""
    from analysis.report import CSS
    from analysis.report_parts import table_html

    frame = pd.DataFrame({"article_id": ["A · post", "B · <times>"], "term": ["hoax", "“scheme” & plot"],
                          "score": [0.775, 0.5]})
    page = table_html(frame)
    headers = re.findall(r"<th>(.*?)</th>", page)
    rows = re.findall(r"<tr>(.*?)</tr>", page, re.S)[1:]
    assert len(rows) == 2
    for row in rows:
        assert re.findall(r'<td data-label="(.*?)">', row) == headers
    assert "B · &lt;times&gt;" in page and "&amp; plot" in page and "<times>" not in page
    assert 'class="data"' in page  # short values: a table, also on a phone
    prose = table_html(frame.assign(why=["a one-sided word: it presents a disputed point as settled", "-"]))
    assert 'class="data row-cards"' in prose  # a reason in a cell: a card a row on a phone
    assert "table.row-cards td::before{content:attr(data-label)" in CSS
