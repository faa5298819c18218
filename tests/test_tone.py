"""Tone: relations between texts and scores, not magic floats."""

from __future__ import annotations

import io
import json
import math
import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from analysis.actors import actor_mentions
from analysis.annotate import annotate_many
from analysis.compare import unscored_loaded
from analysis.inputs import articles_from_texts
from analysis.plots import tone as tone_plots
from analysis.text import normalize_token
from analysis.tone import (
    analyze_tone,
    bootstrap_mean_ci,
    lexicon_entry,
    sentence_tone,
    text_assessments,
    textblob_sentiment,
    vader_compound,
)
from analysis.wording import article_cues, flag_threshold

DISCLAIMER = (
    "\n\nLegal Disclaimer:\n"
    'Example Wire provides this news content "as is" without warranty of any kind. We do not '
    "accept any responsibility or liability for the accuracy of the information contained in "
    "this article. If you have any complaints or copyright issues related to this article, "
    "kindly contact the author above."
)

REPORT = (
    "Delegations from Russia and Ukraine met in Istanbul on Monday.\n"
    "The talks lasted about an hour and ended with an agreement on a prisoner exchange.\n"
    "Officials in Kyiv said a ceasefire was not discussed.\n"
    "The weather in the city was wonderful and the hotel was lovely.\n"
    "Moscow presented its conditions in a written memorandum.\n"
)


def tone_of(texts: dict[str, str], **options):
    articles, sentences = articles_from_texts(texts)
    return articles, sentences, analyze_tone(articles, sentences, n_boot=400, **options)


# ---------------------------------------------------------------------------------------------
# Scores move the right way
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("neutral", "loaded"),
    [
        (
            "The delegations met in Istanbul and discussed a prisoner exchange.",
            "The delegations met in Istanbul and discussed a disgraceful, pathetic prisoner exchange.",
        ),
        (
            "The drone operation targeted aircraft at the airfield.",
            "The brilliant drone operation targeted aircraft at the airfield in a superb strike.",
        ),
        (
            "The ceasefire proposal was presented on Monday.",
            "The ceasefire proposal was presented on Monday, a terrible and shameful farce.",
        ),
    ],
)
def test_loaded_rewrite_scores_more_extreme(neutral, loaded):
    _, _, result = tone_of({"neutral": neutral, "loaded": loaded})
    polarity = result.articles.set_index("article_id")["polarity"]
    vader = result.articles.set_index("article_id")["vader_compound"]
    assert abs(polarity["loaded"]) > abs(polarity["neutral"])
    assert abs(vader["loaded"]) > abs(vader["neutral"])


def test_article_polarity_is_textblob_on_the_whole_body(seed_articles, seed_sentences):
    result = analyze_tone(seed_articles, seed_sentences, n_boot=200)
    by_id = result.articles.set_index("article_id")
    for article in seed_articles.itertuples():
        polarity, subjectivity = textblob_sentiment(article.body)
        assert by_id.loc[article.article_id, "polarity"] == polarity
        assert by_id.loc[article.article_id, "subjectivity"] == subjectivity
        furniture = "\n\n".join(piece["text"] for piece in article.boilerplate)
        raw = textblob_sentiment(article.body + "\n\n" + furniture) if furniture else (polarity, subjectivity)
        assert by_id.loc[article.article_id, "polarity_with_boilerplate"] == raw[0]


def test_sentence_scores_are_textblob_on_each_sentence(seed_sentences):
    result = analyze_tone(
        seed_sentences.pipe(lambda s: pd.DataFrame({"article_id": s["article_id"].unique(), "body": ""})),
        seed_sentences,
        n_boot=50,
    )
    merged = result.sentences.merge(
        seed_sentences[["article_id", "sent_id", "text"]], on=["article_id", "sent_id"]
    )
    for row in merged.head(15).itertuples():
        assert (row.polarity, row.subjectivity) == textblob_sentiment(row.text_x)
    alone = sentence_tone(seed_sentences.head(10))
    pd.testing.assert_series_equal(
        alone["polarity"], result.sentences["polarity"].head(10), check_names=False
    )


_WORDS = st.sampled_from(
    [
        "the",
        "talks",
        "were",
        "not",
        "very",
        "good",
        "but",
        "never",
        "bad",
        "really",
        "hopeful",
        "and",
        "deeply",
        "worrying",
        "a",
        "real",
        "disaster",
        "Russia",
        "Ukraine",
        "said",
        "that",
        "new",
        "terms",
        "are",
        "simply",
        "unacceptable",
        "!",
        ",",
        "very",
    ]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=9), min_size=1, max_size=6), st.booleans())
def test_whole_body_equality_holds_for_any_sentences(sentences, paragraphs):
    """Negation and "very" carry across sentence ends in TextBlob; the article score must too."""
    joiner = "\n\n" if paragraphs else " "
    text = joiner.join(" ".join(words) + "." for words in sentences)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles, _, result = tone_of({"a": text})
    assert result.articles["polarity"].iloc[0] == textblob_sentiment(articles["body"].iloc[0])[0]


def test_negated_phrase_is_kept_as_the_phrase():
    _, _, result = tone_of({"a": "The offer was not good.", "b": "The offer was good."})
    words = result.driving_words.set_index(["article_id", "term"])
    assert ("a", "not good") in words.index
    assert ("b", "good") in words.index
    assert words.loc[("a", "not good"), "polarity"] < 0 < words.loc[("b", "good"), "polarity"]


# ---------------------------------------------------------------------------------------------
# Boilerplate, driving words, unscored loaded words
# ---------------------------------------------------------------------------------------------


def test_boilerplate_never_enters_a_score():
    assert lexicon_entry("kindly") is not None  # the disclaimer holds a word TextBlob scores
    _, _, plain = tone_of({"report": REPORT})
    articles, _, syndicated = tone_of({"report": REPORT + DISCLAIMER})
    assert articles["boilerplate"].iloc[0], "the disclaimer was not detected as boilerplate"
    for column in ["polarity", "subjectivity", "vader_compound", "n_sentences"]:
        assert plain.articles[column].iloc[0] == syndicated.articles[column].iloc[0]
    pd.testing.assert_frame_equal(plain.sentences, syndicated.sentences)
    pd.testing.assert_frame_equal(plain.driving_words, syndicated.driving_words)
    # Left in, the disclaimer would have moved the score: the "raw" figure shows it.
    assert syndicated.articles["polarity_with_boilerplate"].iloc[0] != syndicated.articles["polarity"].iloc[0]
    assert plain.articles["polarity_with_boilerplate"].iloc[0] == plain.articles["polarity"].iloc[0]


def test_driving_words_come_from_the_text_and_add_up_to_the_score(seed_articles, seed_sentences):
    result = analyze_tone(seed_articles, seed_sentences, n_boot=100)
    bodies = seed_articles.set_index("article_id")["body"].str.lower()
    for row in result.driving_words.itertuples():
        for piece in row.term.replace("n't", "").split():
            if piece.isalpha():
                assert piece in bodies[row.article_id], (row.article_id, row.term)
    total = result.driving_words.groupby("article_id")["contribution"].sum()
    polarity = result.articles.set_index("article_id")["polarity"]
    assert np.allclose(total.reindex(polarity.index), polarity, atol=1e-12)
    counts = result.driving_words.groupby("article_id")["count"].sum()
    assert (counts.reindex(polarity.index) == result.articles.set_index("article_id")["n_assessed"]).all()


def test_unscored_loaded_keeps_only_words_textblob_cannot_score():
    cues = pd.DataFrame(
        {
            "article_id": ["a", "a", "a", "a", "b"],
            "term": ["masterstroke", "terrible", "Masterstroke", "reportedly", "symbolic"],
            "category": ["loaded", "loaded", "loaded", "hedge", "label"],
            "why": ["praise", "blame", "praise", "hedge", "dismissive"],
        }
    )
    assert lexicon_entry("masterstroke") is None and lexicon_entry("terrible") is not None
    table = unscored_loaded(cues)
    assert set(zip(table["article_id"], table["term"], strict=True)) == {
        ("a", "masterstroke"),
        ("b", "symbolic"),
    }
    assert table.set_index("term").loc["masterstroke", "count"] == 2
    assert unscored_loaded(cues.iloc[0:0]).empty
    scored = cues.assign(score=[0.6, 0.9, 0.5, 0.4, 0.1])
    strong = unscored_loaded(scored, min_score=0.3)
    assert list(strong["term"]) == ["masterstroke"]  # "symbolic" scored below the bar
    assert strong["score"].iloc[0] == 0.6


# ---------------------------------------------------------------------------------------------
# Two instruments
# ---------------------------------------------------------------------------------------------


def test_disagreements_are_opposite_signs_outside_the_neutral_band(seed_articles, seed_sentences):
    result = analyze_tone(seed_articles, seed_sentences, n_boot=100, neutral_band=0.05)
    table = result.disagreements
    assert len(table) > 0
    assert (table["polarity"].abs() >= 0.05).all() and (table["vader_compound"].abs() >= 0.05).all()
    assert (np.sign(table["polarity"]) != np.sign(table["vader_compound"])).all()
    others = result.sentences.merge(table[["article_id", "sent_id"]], how="left", indicator=True)
    agree = others.loc[others["_merge"] == "left_only"]
    opposite = (np.sign(agree["polarity"]) * np.sign(agree["vader_compound"]) < 0) & (
        agree[["polarity", "vader_compound"]].abs().min(axis=1) >= 0.05
    )
    assert not opposite.any()
    wider = analyze_tone(seed_articles, seed_sentences, n_boot=100, neutral_band=0.3)
    assert len(wider.disagreements) < len(table)


# ---------------------------------------------------------------------------------------------
# Actors
# ---------------------------------------------------------------------------------------------


def test_sentence_naming_no_actor_is_in_no_actors_mean():
    without = REPORT.replace("The weather in the city was wonderful and the hotel was lovely.\n", "")
    _, sentences, result = tone_of({"with": REPORT, "without": without})
    mentions = actor_mentions(sentences)
    cheerful = sentences.loc[sentences["text"].str.contains("wonderful"), ["article_id", "sent_id"]]
    assert not cheerful.merge(mentions, on=["article_id", "sent_id"]).shape[0]
    actors = result.actors.set_index(["article_id", "actor"])
    for actor in ["Russia", "Ukraine"]:
        assert actors.loc[("with", actor), "polarity"] == pytest.approx(
            actors.loc[("without", actor), "polarity"]
        )
        assert actors.loc[("with", actor), "n_sentences"] == actors.loc[("without", actor), "n_sentences"]
    # and each actor's mean is the mean over exactly the sentences that name it
    scores = result.sentences.set_index(["article_id", "sent_id"])["polarity"]
    about = mentions[["article_id", "sent_id", "actor"]].drop_duplicates()
    for (article_id, actor), group in about.groupby(["article_id", "actor"]):
        expected = scores.loc[list(zip(group["article_id"], group["sent_id"], strict=True))].mean()
        assert actors.loc[(article_id, actor), "polarity"] == pytest.approx(expected)
        assert actors.loc[(article_id, actor), "n_sentences"] == len(group)


def test_small_samples_are_flagged_and_unsure(seed_articles, seed_sentences):
    actors = analyze_tone(seed_articles, seed_sentences, n_boot=300).actors
    assert (actors["small_sample"] == (actors["n_sentences"] < 5)).all()
    singles = actors.loc[actors["n_sentences"] < 2]
    assert singles["ci_low"].isna().all() and singles["ci_high"].isna().all()
    several = actors.loc[actors["n_sentences"] >= 2]
    assert (several["ci_low"] <= several["polarity"] + 1e-12).all()
    assert (several["polarity"] <= several["ci_high"] + 1e-12).all()


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(st.floats(-1, 1, allow_nan=False), min_size=1, max_size=25), min_size=1, max_size=6),
    st.integers(0, 2**16),
)
def test_bootstrap_interval_contains_the_mean(groups, seed):
    frame = pd.DataFrame(
        [(f"g{i}", v) for i, values in enumerate(groups) for v in values], columns=["group", "value"]
    )
    ci = bootstrap_mean_ci(frame, value="value", by=["group"], n_boot=300, seed=seed)
    assert len(ci) == len(groups)
    expected = frame.groupby("group")["value"].mean()
    assert np.allclose(ci.set_index("group")["mean"], expected.reindex(ci["group"]), atol=1e-12)
    ok = ci.loc[ci["n"] >= 2]
    assert (ok["ci_low"] <= ok["mean"]).all() and (ok["mean"] <= ok["ci_high"]).all()
    assert ci.loc[ci["n"] < 2, "ci_low"].isna().all()
    again = bootstrap_mean_ci(frame, value="value", by=["group"], n_boot=300, seed=seed)
    pd.testing.assert_frame_equal(ci, again)


def test_bootstrap_interval_narrows_with_more_sentences():
    rng = np.random.default_rng(1)
    values = rng.uniform(-0.5, 0.5, size=400)
    frame = pd.DataFrame({"g": ["few"] * 8 + ["many"] * 392, "v": values})
    ci = bootstrap_mean_ci(frame, value="v", by=["g"], n_boot=500).set_index("g")
    width = ci["ci_high"] - ci["ci_low"]
    assert width["many"] < width["few"]


# ---------------------------------------------------------------------------------------------
# The seeds, JSON, figures
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_tone(seed_articles, seed_sentences):
    return analyze_tone(seed_articles, seed_sentences)


def test_seed_boilerplate_effect_and_actors(seed_tone):
    by_id = seed_tone.articles.set_index("article_id")
    lifted = by_id["polarity_with_boilerplate"] - by_id["polarity"]
    # the syndicated article's disclaimers ("kind", "kindly") lift its score; the other barely moves
    assert lifted.max() > 0.03 and lifted.abs().min() < 0.005
    actors = seed_tone.actors
    for article_id, group in actors.groupby("article_id"):
        assert {"Ukraine", "Russia"} <= set(group["actor"]), article_id
    assert {"Ukraine", "Russia", "United States", "Europe"} <= set(actors["actor"])


def test_seed_unscored_loaded_where_tone_meets_wording(seed_tone, seed_articles, seed_sentences):
    assert seed_tone.unscored_loaded.empty  # the tone lens alone never reads the wording lens
    table = unscored_loaded(article_cues(seed_articles, seed_sentences), min_score=flag_threshold())
    assert len(table)
    for term in table["term"]:
        entry = lexicon_entry(term)
        assert entry is None or entry[0] == 0
    bodies = seed_articles.set_index("article_id")["body"].map(normalize_token)
    for row in table.itertuples():
        assert row.term in bodies[row.article_id]
    terms = table.groupby("article_id")["term"].agg(set)
    first, second = seed_articles["article_id"]
    assert "masterstroke" in terms[first]
    assert "symbolic" in terms[second]


def test_json_is_the_designs_tone_section(seed_tone):
    data = seed_tone.to_json()
    text = json.dumps(data, allow_nan=False)
    assert json.loads(text) == data
    assert set(data) >= {"articles", "sentences", "actors"}
    first = data["articles"][0]
    assert set(first) >= {
        "article_id",
        "polarity",
        "subjectivity",
        "vader_compound",
        "driving_words",
        "unscored_loaded",
    }
    assert set(first["driving_words"][0]) >= {"term", "polarity", "count"}
    assert all(isinstance(t, str) for a in data["articles"] for t in a["unscored_loaded"])
    assert set(data["sentences"][0]) >= {
        "article_id",
        "sent_id",
        "polarity",
        "subjectivity",
        "vader_compound",
    }
    assert set(data["actors"][0]) >= {
        "article_id",
        "actor",
        "n_sentences",
        "polarity",
        "subjectivity",
        "ci_low",
    }
    assert len(data["sentences"]) == len(seed_tone.sentences)
    floats = [v for row in data["sentences"] for v in row.values() if isinstance(v, float)]
    assert all(round(v, 4) == v for v in floats)
    assert any(row["ci_low"] is None for row in data["actors"])  # NaN became None


def test_one_article_is_scored_with_a_note():
    _, _, result = tone_of({"only": REPORT})
    assert len(result.articles) == 1
    assert any("one article" in note for note in result.notes)
    json.dumps(result.to_json(), allow_nan=False)


@pytest.mark.parametrize("n_articles", [1, 2, 4])
def test_figures_draw_for_any_number_of_articles(n_articles, seed_articles):
    bodies = list(seed_articles["body"]) * 2
    texts = {f"article-{i}": bodies[i] + f"\nThis version {i} ends here." for i in range(n_articles)}
    _, _, result = tone_of(texts)
    figures = [
        tone_plots.plot_article_tone(result.articles),
        tone_plots.plot_driving_words(result.driving_words),
        tone_plots.plot_actor_tone(result.actors),
        tone_plots.plot_tone_arc(result.sentences),
        tone_plots.plot_tone_arc(result.sentences, overlay=True),
        tone_plots.plot_instruments(result.sentences),
    ]
    for figure in figures:
        assert isinstance(figure, Figure)
        assert figure.axes and figure.axes[0].get_title() or figure._suptitle is not None
    plt.close("all")
    assert not math.isnan(result.articles["polarity"].iloc[0])


def test_tone_arc_draws_many_dots_as_one_picture_in_a_vector_file(seed_tone):
    """Past ``DENSE_DOTS`` sentences the dots are one picture inside the SVG (a report on ten long
    articles carried half a megabyte of vector marks); fewer stay vector marks."""

    sentences = seed_tone.sentences
    many = pd.concat([sentences.assign(article_id=f"copy-{i}") for i in range(10)], ignore_index=True)
    assert len(sentences) <= tone_plots.DENSE_DOTS < len(many)
    for table, dense in ((sentences, False), (many, True)):
        figure = tone_plots.plot_tone_arc(table)
        svg = io.BytesIO()
        figure.savefig(svg, format="svg")
        assert (b"<image" in svg.getvalue()) is dense
        assert all(c.get_rasterized() is dense for ax in figure.axes for c in ax.collections)
    plt.close("all")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gets_bounded_scores_from_its_own_words(text):
    table = text_assessments(text)
    assert list(table.columns) == ["term", "polarity", "subjectivity"]
    assert table["polarity"].between(-1, 1).all() and table["subjectivity"].between(0, 1).all()
    lowered = text.lower()
    for term in table["term"]:
        for piece in term.split():
            if piece.isalpha():
                assert piece in lowered
    assert -1 <= vader_compound(text) <= 1
    mean = table["polarity"].sum() / (len(table) or 1)
    assert mean == pytest.approx(textblob_sentiment(text)[0], abs=1e-12)


def test_tone_read_from_annotations_made_in_processes(seed_articles, seed_sentences):
    serial = analyze_tone(seed_articles, seed_sentences, n_boot=100)
    annotations = annotate_many(seed_articles, seed_sentences, n_jobs=2, batch_size=1)
    parallel = analyze_tone(seed_articles, seed_sentences, n_boot=100, annotations=annotations)
    for name in ["articles", "sentences", "driving_words", "actors", "disagreements"]:
        pd.testing.assert_frame_equal(getattr(serial, name), getattr(parallel, name))
