"""The cue-category registry: one data file every consumer reads; a new category is one row there
and its words in a lexicon file, and flows through every view."""

from __future__ import annotations

import csv
import shutil

import pytest

from analysis.categories import category_names, cue_categories, lexicon_order
from analysis.compare import unscored_loaded
from analysis.inputs import articles_from_texts
from analysis.lexicon import LexiconError, use_lexicon_dir
from analysis.paths import LEXICON_DIR
from analysis.present import CUE_MARKS
from analysis.scale import features
from analysis.wording import CATEGORY_COLOURS, analyze_wording, highlight_html, loaded_language

TEXT = ("Officials said the strikes caused collateral damage near the port. "
        "The ministry called the detentions enhanced interrogation, critics claimed.")


def _add_category(folder):
    with open(folder / "cue_categories.csv", "a", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerow(["euphemism", "cue category", "euphemism (softens what happened)", "a test list",
                                 "#999999", "#eeeeee", "dotted", "loaded", "euphemisms", "6", "yes", "no",
                                 "euphemism_per_1000"])
    with open(folder / "euphemisms.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["term", "category", "rationale", "source"])
        w.writerow(["collateral damage", "euphemism", "softens civilian deaths", "a test list"])
        w.writerow(["enhanced interrogation", "euphemism", "softens torture", "a test list"])


@pytest.fixture
def lexicons_with_euphemism(tmp_path):
    folder = tmp_path / "lexicons"
    shutil.copytree(LEXICON_DIR, folder)
    _add_category(folder)
    with use_lexicon_dir(folder):
        yield folder


def test_shipped_registry_lists_the_six_categories():
    assert category_names() == ("loaded", "label", "attribution", "hedge", "booster", "naming")
    assert lexicon_order()[0] == "labels"
    assert list(CATEGORY_COLOURS) == list(category_names()) == list(CUE_MARKS)


def test_a_new_category_flows_through_every_consumer(lexicons_with_euphemism):
    cues = loaded_language(TEXT)
    found = cues[cues["category"] == "euphemism"]
    assert sorted(found["term"].str.lower()) == ["collateral damage", "enhanced interrogation"]
    assert "euphemism" in CATEGORY_COLOURS and CUE_MARKS["euphemism"]["line"] == "dotted"
    assert 'cue-euphemism' in highlight_html(TEXT, cues)
    articles, sentences = articles_from_texts({"a": TEXT, "b": "Officials said the talks ended."})
    summary = analyze_wording(articles, sentences).summary
    row = summary.loc[summary["article_id"] == "a"].set_index("category").loc["euphemism"]
    # "…enhanced interrogation, critics claimed." is reported speech: counted beside the narrator's
    assert (row["cues"], row["quoted_cues"]) == (1, 1)
    assert "euphemism_per_1000" in features(articles, n_jobs=1, progress=False).columns
    assert "enhanced interrogation" in set(unscored_loaded(cues.assign(article_id="a"))["term"])


def test_a_new_category_reaches_the_report(lexicons_with_euphemism):
    from analysis.compare import compare

    articles, sentences = articles_from_texts({"a": TEXT, "b": "Officials said the talks ended at noon."})
    page = compare(articles, sentences).to_html()
    assert "euphemism: euphemism (softens what happened)" in page


def test_caches_follow_the_lexicon_folder(lexicons_with_euphemism):
    assert "euphemism" in category_names()


def test_after_the_block_the_shipped_lexicons_are_back():
    with use_lexicon_dir(LEXICON_DIR):
        pass
    assert "euphemism" not in category_names()
    assert not (loaded_language(TEXT)["category"] == "euphemism").any()


@pytest.mark.parametrize(("column", "value", "message"), [
    ("line", "zigzag", "line='zigzag'"), ("feature", "mood", "feature='mood'"), ("unscored", "maybe", "yes or no"),
])
def test_malformed_registry_is_an_error_naming_the_file(tmp_path, column, value, message):
    folder = tmp_path / "lexicons"
    shutil.copytree(LEXICON_DIR, folder)
    path = folder / "cue_categories.csv"
    rows = list(csv.reader(path.open(encoding="utf-8")))
    rows[1][rows[0].index(column)] = value
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    with use_lexicon_dir(folder), pytest.raises(LexiconError, match=f"cue_categories.csv.*{message}"):
        cue_categories()


def test_a_lexicon_row_with_an_unknown_category_is_an_error(tmp_path):
    folder = tmp_path / "lexicons"
    shutil.copytree(LEXICON_DIR, folder)
    with open(folder / "labels.csv", "a", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerow(["dastardly", "villainy", "Name_Calling", "x", "y"])
    with use_lexicon_dir(folder), pytest.raises(LexiconError, match="labels.csv"):
        loaded_language(TEXT)
