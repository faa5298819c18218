"""compare(), the report, the summary and every figure survive unusual but real inputs."""

from __future__ import annotations

import json

import pytest

from analysis import articles_from_texts, compare
from analysis.plots import emphasis as emphasis_plots
from analysis.plots import tone as tone_plots
from analysis.plots import wording as wording_plots

CASES = {
    "one_sentence_each": {"a": "The council approved the budget on Monday.", "b": "Critics slammed the reckless budget."},
    "no_punctuation": {
        "a": "storm hits coast thousands flee homes officials say damage is severe",
        "b": "a mild storm passed the coast with little damage according to the weather service",
    },
    "no_actors": {
        "a": "The local bakery opened a new shop. Customers praised the bread.",
        "b": "A bakery opened. The bread was disappointing, critics said.",
    },
    "numbers_only": {"a": "100 200 300.", "b": "The price rose by 5% to $40 million."},
    "all_capitals": {
        "a": "BREAKING: PRESIDENT SAYS ECONOMY IS BOOMING. MARKETS SOAR.",
        "b": "The president claimed the economy was doing well, though data were mixed.",
    },
    "three_short": {
        "a": "Russia and Ukraine met in Istanbul. Kyiv said the talks were useful.",
        "b": "Moscow presented its memorandum in Istanbul, the Kremlin said.",
        "c": "The talks in Istanbul ended after an hour, reportedly without progress.",
    },
    "quotations_only": {"a": "“We will never surrender,” he said.", "b": "‘It is over,’ she said. “Done.”"},
    "unicode": {
        "a": "Zelenskyy’s aides — in Kyiv — said “no”… Ça va? Ørsted’s shares fell 5 %.",
        "b": "Erdoğan hosted talks in Türkiye; the Kremlin’s envoy left early.",
    },
    "four_alike": {k: f"Talks number {k} were held in Geneva on Monday, officials said. The mood was tense." for k in "abcd"},
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_compare_report_and_figures(name):
    articles, sentences = articles_from_texts(CASES[name])
    comparison = compare(articles, sentences)
    data = json.loads(json.dumps(comparison.to_json(), allow_nan=False))
    assert [a["article_id"] for a in data["articles"]] == list(CASES[name])
    assert "<script" not in comparison.to_html().lower()
    assert comparison.summary().startswith(f"Comparing {len(CASES[name])} articles")
    ids = list(articles["article_id"])
    for fig in (
        tone_plots.plot_article_tone(comparison.tone.articles),
        tone_plots.plot_driving_words(comparison.tone.driving_words),
        tone_plots.plot_actor_tone(comparison.tone.actors),
        tone_plots.plot_tone_arc(comparison.tone.sentences),
        wording_plots.fightin_words(comparison.wording.distinctive, article_ids=ids),
        wording_plots.cue_rates(comparison.wording.summary),
        emphasis_plots.plot_actor_shares(comparison.emphasis.actors),
        emphasis_plots.plot_topic_shares(comparison.emphasis.topics),
        emphasis_plots.plot_alignment(
            comparison.emphasis.aligned, comparison.emphasis.unique, sentences, a_id=ids[0], b_id=ids[1]
        ),
    ):
        assert fig.axes
