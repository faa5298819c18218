"""Emphasis and sourcing: actors, topics, sources, aligned and unique content, omissions."""

from __future__ import annotations

import json
import re
import warnings

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from analysis import emphasis
from analysis.actors import event_actors
from analysis.alignment import DEFAULT_THRESHOLD, align_sentences, content_terms, named_items
from analysis.corpus import CorpusError, CorpusWarning
from analysis.emphasis import NO_TOPIC, analyze_emphasis, event_topics, headline_flags, sentence_topics
from analysis.inputs import articles_from_texts, load_corpus
from analysis.paths import CORPUS_DIR
from analysis.sourcing import find_sources

# A short neutral wire-style report of the seed events, written for these tests.
WIRE = """Russia and Ukraine hold second round of talks in Istanbul after drone strikes on air bases

Russian and Ukrainian delegations met in Istanbul on Monday for a second round of direct peace negotiations, a day after Ukrainian drones struck several Russian air bases.
Ukraine's SBU security service said the drone attack, launched from trucks, damaged more than 40 aircraft, including strategic bombers.
The Russian Defence Ministry said its forces had repelled attacks in three regions and that aircraft had been damaged in two.
At the talks the two sides agreed to a new prisoner swap, but made no progress towards a ceasefire, officials said.
Russia handed over a memorandum setting out its conditions for a peace settlement, the Kremlin said.
The meeting in Istanbul lasted a little over an hour.
"""


@pytest.fixture(scope="module")
def seeds(seed_articles, seed_sentences):
    groups = event_actors(seed_articles)  # the seed event's actors.csv
    topics = event_topics(seed_articles)  # and its keyword topics
    return seed_articles, seed_sentences, analyze_emphasis(seed_articles, seed_sentences, groups=groups, topics=topics)


@pytest.fixture(scope="module")
def seed_topics(seed_articles):
    return event_topics(seed_articles)


@pytest.fixture(scope="module")
def three(seed_articles):
    texts = {r.article_id: r.body for r in seed_articles.itertuples()}
    texts["wire"] = WIRE
    articles, sentences = articles_from_texts(texts)
    groups, topics = event_actors(seed_articles), event_topics(seed_articles)
    return articles, sentences, analyze_emphasis(articles, sentences, groups=groups, topics=topics)


def _ids(articles):
    return list(articles["article_id"])


# --------------------------------------------------------------------------------------------
# Actors
# --------------------------------------------------------------------------------------------


def test_seed_actor_rows_for_the_four_main_actors(seeds):
    articles, _, result = seeds
    actors = result.actors
    for article_id in _ids(articles):
        for actor in ("Ukraine", "Russia", "United States", "Europe"):
            row = actors[(actors["article_id"] == article_id) & (actors["actor"] == actor)]
            assert len(row) == 1, (article_id, actor)
            assert 0 < row["share"].iloc[0] <= 1
            assert row["mentions"].iloc[0] >= row["n_sentences"].iloc[0] >= 1
    assert actors["share"].between(0, 1).all()


def test_actor_share_is_sentences_mentioning_over_sentences(seeds):
    articles, sentences, result = seeds
    first = _ids(articles)[0]
    n = (sentences["article_id"] == first).sum()
    row = result.actors[(result.actors["article_id"] == first) & (result.actors["actor"] == "Ukraine")].iloc[0]
    mentioning = sentences[(sentences["article_id"] == first) & sentences["text"].str.contains("Ukrain|Kyiv|Zelensk")]
    assert row["n_sentences"] == len(mentioning)
    assert row["share"] == pytest.approx(len(mentioning) / n)


def test_actor_absent_from_one_article_gets_a_zero_row(seeds):
    articles, _, result = seeds
    china = result.actors[result.actors["actor"] == "China"].set_index("article_id")
    first, second = _ids(articles)
    assert china.loc[first, "mentions"] > 0
    assert china.loc[second, "mentions"] == 0 and china.loc[second, "share"] == 0
    assert pd.isna(china.loc[second, "first_sent_id"]) and not china.loc[second, "in_lead"]


def test_headline_is_the_title_sentence_and_lead_follows_it():
    articles, sentences = articles_from_texts(
        {
            "titled": "Storm hits coast\n\nA storm hit the coast. Trees fell. Power failed. Schools shut.",
            "other": "A storm hit the coast. Trees fell. Power failed. Schools shut.",
        },
        meta={"other": {"title": "Something else entirely"}},
    )
    flags = headline_flags(articles, sentences).set_index(["article_id", "sent_id"])
    assert flags.loc[("titled", 0), "is_headline"] and not flags.loc[("titled", 0), "in_lead"]
    assert flags.loc[("titled", 1), "in_lead"] and flags.loc[("titled", 2), "in_lead"]
    assert not flags.loc[("titled", 3), "in_lead"]
    assert not flags.loc[("other", 0), "is_headline"] and flags.loc[("other", 0), "in_lead"]
    assert not flags.loc[("other", 2), "in_lead"]


def test_positions_are_in_zero_one_and_ordered_like_the_text(seeds):
    _, _, result = seeds
    pos = result.positions
    assert pos["position"].between(0, 1).all()
    for _, group in pos.groupby("article_id"):
        assert group.sort_values("start")["sent_id"].is_monotonic_increasing


# --------------------------------------------------------------------------------------------
# Topics
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "topic", "expected"),
    [
        ("The EU sanctioned three banks.", "sanctions and economy", True),  # prefix: sanction*
        ("Officials issued a warning about floods.", "military operations", False),  # exact: war
        ("The war entered its fourth year.", "military operations", True),
        ("Kyiv wants security guarantees from its allies.", "security guarantees and alliances", True),
        ("Civilian casualties rose sharply.", "humanitarian and casualties", True),
    ],
)
def test_topic_keywords_match_prefixes_and_exact_words(text, topic, expected, seed_topics):
    _, sentences = articles_from_texts({"a": text})
    found = set(sentence_topics(sentences, topics=seed_topics)["topic"])
    assert (topic in found) is expected


def test_topic_shares_cover_every_article_and_topic(seeds):
    articles, _, result = seeds
    topics = result.topics
    assert topics["share"].between(0, 1).all()
    n_topics = topics["topic"].nunique()
    assert topics.groupby("article_id").size().eq(n_topics).all()
    assert NO_TOPIC in set(topics["topic"])
    first, second = _ids(articles)
    sanctions = topics[topics["topic"] == "sanctions and economy"].set_index("article_id")["share"]
    assert sanctions[first] > sanctions[second]


def test_clusters_are_reproducible_and_cover_all_sentences(seeds):
    articles, sentences, result = seeds
    again = analyze_emphasis(articles, sentences)
    assert result.sentence_clusters["cluster"].tolist() == again.sentence_clusters["cluster"].tolist()
    assert len(result.sentence_clusters) == len(sentences)
    assert result.clusters["n_sentences"].sum() == len(sentences)
    assert result.cluster_shares["share"].between(0, 1).all()


def test_clusters_on_one_thread_equal_the_usual_threads(seeds, monkeypatch):
    """Few sentences are clustered on one thread (no idle OpenMP threads burning CPU); the
    clusters, their labels and terms are those of scikit-learn's usual thread count."""
    _, sentences, _ = seeds
    lesson = load_corpus(CORPUS_DIR / "lesson-coal-plant-vote")[1]
    for table in (sentences, lesson, pd.concat([sentences, lesson], ignore_index=True)):
        assert len(table) < emphasis._ONE_THREAD_BELOW
        one = emphasis.topic_clusters(table)
        with monkeypatch.context() as patched:
            patched.setattr(emphasis, "_ONE_THREAD_BELOW", 0)
            usual = emphasis.topic_clusters(table)
        pd.testing.assert_frame_equal(one[0], usual[0])
        pd.testing.assert_frame_equal(one[1], usual[1])


# --------------------------------------------------------------------------------------------
# Sourcing
# --------------------------------------------------------------------------------------------


def test_seed_russian_defense_ministry_claimed(seeds):
    articles, _, result = seeds
    second = _ids(articles)[1]
    rows = result.sources[
        (result.sources["article_id"] == second) & result.sources["source"].str.contains("Russian Defense Ministry")
    ]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert row["verb"] == "claimed" and row["stance"] == "doubt" and row["named"]
    body = articles.set_index("article_id").loc[second, "body"]
    assert body[row["verb_start"]:row["verb_end"]] == "claimed"
    assert "Russian Defense Ministry claimed" in body[row["start"]:row["end"]]


def test_second_seed_relies_more_on_attribution_than_the_first(seeds):
    articles, _, result = seeds
    summary = result.attribution_summary.set_index("article_id")
    first, second = _ids(articles)
    assert summary.loc[second, "attributed_share"] > summary.loc[first, "attributed_share"]
    assert summary.loc[second, "n_doubt"] > summary.loc[first, "n_doubt"]
    assert summary["attributed_share"].between(0, 1).all()


@pytest.mark.parametrize(
    ("text", "source", "verb", "named", "stance"),
    [
        ("The Russian Defense Ministry claimed it repelled the attack.", "Russian Defense Ministry", "claimed", True, "doubt"),
        ('"We will respond," said Dmitry Peskov.', "Dmitry Peskov", "said", True, "neutral"),
        ("Peskov, the Kremlin's spokesman, said Moscow was ready.", "Peskov", "said", True, "neutral"),
        ("According to Ukrainian officials, 40 aircraft were hit.", "Ukrainian officials", "According to", False, "neutral"),
        ("Officials said the talks had failed.", "Officials", "said", False, "neutral"),
        ("The strike was reportedly planned for months.", "(unnamed)", "reportedly", False, "doubt"),
        ("The commander is believed to be in Kyiv.", "(unnamed)", "is believed to be", False, "doubt"),
        ("A Kremlin spokesman admitted the losses.", "Kremlin spokesman", "admitted", False, "presuppose"),
        ('"The toll is unfair," said retired teacher Paul Kim.', "retired teacher Paul Kim", "said", True, "neutral"),
        ("Business groups argued the toll would hurt trade.", "Business groups", "argued", False, "assert"),
        ("A senior official, speaking on condition of anonymity, said the plan was dead.", "senior official",
         "said", False, "neutral"),
        ("Opponents said the vote was rushed.", "Opponents", "said", False, "neutral"),
    ],
)
def test_attribution_patterns(text, source, verb, named, stance):
    _, sentences = articles_from_texts({"a": text})
    found = find_sources(sentences)
    assert len(found) == 1, found
    row = found.iloc[0]
    assert (row["source"], row["verb"], bool(row["named"]), row["stance"]) == (source, verb, named, stance)


def test_sentence_without_attribution_has_no_source():
    _, sentences = articles_from_texts({"a": "Drones hit five airfields on Sunday. The war goes on."})
    assert find_sources(sentences).empty


# --------------------------------------------------------------------------------------------
# Alignment, unique content, omissions
# --------------------------------------------------------------------------------------------

_DRONE = re.compile(r"(?i)drone|attack|strike")


def test_seed_drone_strike_sentences_align(seeds):
    _, _, result = seeds
    pairs = result.aligned
    about_drones = pairs[pairs["a_text"].str.contains(_DRONE) & pairs["b_text"].str.contains(_DRONE)]
    assert len(about_drones) >= 1
    assert (pairs["similarity"] >= DEFAULT_THRESHOLD).all()


def test_seed_unique_material(seeds):
    articles, _, result = seeds
    first, second = _ids(articles)
    unique = result.unique
    first_text = " ".join(unique.loc[unique["article_id"] == first, "text"])
    second_text = " ".join(unique.loc[unique["article_id"] == second, "text"])
    assert "tariff" in first_text and "sanctions" in first_text
    assert "Boris Johnson" in second_text and "guarantees" in second_text
    assert "tariff" not in second_text and "Boris Johnson" not in first_text


def test_unique_sentences_never_appear_in_an_aligned_pair(three):
    _, _, result = three
    paired = set(zip(result.aligned["a_id"], result.aligned["a_sent_id"], strict=True)) | set(
        zip(result.aligned["b_id"], result.aligned["b_sent_id"], strict=True)
    )
    lonely = set(zip(result.unique["article_id"], result.unique["sent_id"], strict=True))
    assert paired and lonely and not paired & lonely


def test_claimed_and_said_versions_of_the_same_fact_align(three):
    articles, _, result = three
    second = _ids(articles)[1]
    pairs = result.aligned[(result.aligned["a_id"] == second) & (result.aligned["b_id"] == "wire")]
    match = pairs[pairs["a_text"].str.contains("claimed") & pairs["b_text"].str.contains("said")]
    assert len(match) == 1
    assert match["similarity"].iloc[0] > DEFAULT_THRESHOLD


def test_identical_sentences_score_one_and_unrelated_score_zero():
    articles, sentences = articles_from_texts(
        {
            "a": "Drones hit five Russian airfields on Sunday. Bakers sell bread daily.",
            "b": "Drones hit five Russian airfields on Sunday. Parliament debated pensions.",
        }
    )
    pairs = align_sentences(articles, sentences)
    assert len(pairs) == 1 and pairs["similarity"].iloc[0] == pytest.approx(1.0)


def test_one_shared_word_is_not_an_alignment():
    articles, sentences = articles_from_texts(
        {"a": "Both sides are biding their time.", "b": "The two sides agreed on a prisoner swap."}
    )
    assert align_sentences(articles, sentences, threshold=0.01).empty


def test_content_terms_merge_inflections():
    assert content_terms("drone strikes") == content_terms("Drones strike")


def test_numbers_and_entities_keep_signs_and_offsets(seeds):
    articles, sentences, _ = seeds
    items = named_items(sentences)
    numbers = set(items.loc[items["kind"] == "number", "item"])
    assert {"€5", "500%", "1000"} <= numbers
    bodies = articles.set_index("article_id")["body"]
    for row in items.itertuples():
        assert bodies[row.article_id][row.start:row.end] == row.surface


def test_seed_omissions(seeds):
    articles, _, result = seeds
    first, second = _ids(articles)
    om = result.omissions
    only_first = set(om.loc[om["article_id"] == first, "item"])
    only_second = set(om.loc[om["article_id"] == second, "item"])
    assert {"500%", "€5", "india", "china"} <= only_first
    # Boris Johnson belongs to "Europe" in the seed's actors.csv, which both articles name.
    assert {"crimean bridge", "russian defense ministry"} <= only_second
    assert not only_first & only_second
    assert all(row.absent_from == [second] for row in om[om["article_id"] == first].itertuples())


# --------------------------------------------------------------------------------------------
# Three articles, one article, JSON, robustness
# --------------------------------------------------------------------------------------------


def test_three_articles_fill_every_table(three):
    articles, _, result = three
    ids = set(_ids(articles))
    assert len(ids) == 3
    for name in ("actors", "topics", "attribution_summary", "cluster_shares", "best_matches", "omissions"):
        table = getattr(result, name)
        assert set(table["article_id"]) == ids, name
    assert set(result.unique["article_id"]) <= ids
    pairs = set(zip(result.aligned["a_id"], result.aligned["b_id"], strict=True))
    order = _ids(articles)
    assert pairs == {(order[i], order[j]) for i in range(3) for j in range(i + 1, 3)}
    # wire-style drone report aligns with both seeds
    drone = result.aligned[(result.aligned["b_id"] == "wire") & result.aligned["b_text"].str.contains(_DRONE)]
    assert set(drone["a_id"]) == set(order[:2])


def test_one_article_warns_and_leaves_comparisons_empty(seed_articles, seed_sentences):
    first = seed_articles.iloc[:1]
    sentences = seed_sentences[seed_sentences["article_id"] == first["article_id"].iloc[0]]
    with pytest.warns(CorpusWarning, match="nothing to align"):
        result = analyze_emphasis(first, sentences)
    assert result.aligned.empty and result.unique.empty and result.omissions.empty
    assert not result.actors.empty and result.notes


def test_json_is_the_design_section(three):
    _, _, result = three
    data = result.to_json()
    text = json.dumps(data, allow_nan=False)
    assert json.loads(text) == data
    assert {"actors", "sources", "aligned", "unique"} <= set(data)
    assert {"article_id", "actor", "mentions", "share", "first_sent_id", "in_lead"} <= set(data["actors"][0])
    assert {"article_id", "sent_id", "source", "verb", "stance"} <= set(data["sources"][0])
    assert {"a_id", "a_sent_id", "b_id", "b_sent_id", "similarity"} <= set(data["aligned"][0])
    assert {"article_id", "sent_id", "text"} <= set(data["unique"][0])
    assert all(r["similarity"] == round(r["similarity"], 4) for r in data["aligned"])


def test_inputs_are_not_changed(seed_articles, seed_sentences):
    articles, sentences = seed_articles.copy(deep=True), seed_sentences.copy(deep=True)
    analyze_emphasis(seed_articles, seed_sentences, clusters=False)
    pd.testing.assert_frame_equal(articles, seed_articles)
    pd.testing.assert_frame_equal(sentences, seed_sentences)


_words = st.text(
    alphabet=st.sampled_from(list("abcdefghij KLMNOPQ.,;:'\"’-€%0123456789\n")), min_size=1, max_size=200
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(first=_words, second=_words)
def test_emphasis_never_crashes_on_arbitrary_text(first, second):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            articles, sentences = articles_from_texts({"a": first, "b": second})
        except CorpusError:
            assume(False)
        result = analyze_emphasis(articles, sentences, clusters=False)
    json.dumps(result.to_json(), allow_nan=False)
    assert result.actors.empty or result.actors["share"].between(0, 1).all()
    assert result.aligned.empty or result.aligned["similarity"].between(0, 1 + 1e-9).all()
    bodies = articles.set_index("article_id")["body"]
    for row in result.sources.itertuples():
        assert 0 <= row.verb_start < row.verb_end <= len(bodies[row.article_id])


@settings(max_examples=40, deadline=None)
@given(text=st.text(min_size=1, max_size=300))
def test_sources_never_crash_on_unicode(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            _, sentences = articles_from_texts({"a": text})
        except CorpusError:
            assume(False)
    found = find_sources(sentences)
    assert set(found["stance"]) <= {"neutral", "doubt", "endorse", "presuppose", "assert"}


def test_alignment_in_slices_equals_one_block(seed_articles, seed_sentences, monkeypatch):
    """Bounded memory (issue 15, finding 9): the similarity block is computed a few rows at a
    time; slicing never changes a match."""
    from analysis import alignment

    whole = alignment.compare_sentences(seed_articles, seed_sentences)
    monkeypatch.setattr(alignment, "BLOCK_CELLS", 7)
    sliced = alignment.compare_sentences(seed_articles, seed_sentences)
    for a, b in zip(whole, sliced, strict=True):
        pd.testing.assert_frame_equal(a, b)


def test_many_articles_compare_each_with_its_nearest(monkeypatch):
    """Compare scaling (issue 15, finding 8): past NEIGHBOURS + 1 articles each article is
    aligned with its nearest few, and an article's near copy is among them."""
    from analysis import alignment
    from analysis.inputs import articles_from_texts

    topics = ["drone strike airfield bombers", "coal plant vote council", "wheat harvest drought farmers",
              "election ballots counting observers", "vaccine trial patients results"]
    texts = {}
    for k, topic in enumerate(topics):
        words = topic.split()
        texts[f"{k}-a"] = f"The {words[0]} {words[1]} story. Officials described the {words[2]} and {words[3]} today."
        texts[f"{k}-b"] = f"A {words[0]} {words[1]} report. The {words[2]} and the {words[3]} were described by officials."
    articles, sentences = articles_from_texts(texts)
    everything = alignment.best_matches(articles, sentences)
    monkeypatch.setattr(alignment, "NEIGHBOURS", 2)
    nearest = alignment.best_matches(articles, sentences)
    compared = nearest[["article_id", "other_id"]].drop_duplicates()
    assert len(compared) <= 2 * 2 * len(articles)  # each article adds at most 2 pairs, both ways
    assert len(nearest) < len(everything)
    aligned = alignment.align_sentences(articles, sentences)
    partners = {(a, b) for a, b in zip(aligned["a_id"], aligned["b_id"], strict=True)}
    assert {(f"{k}-a", f"{k}-b") for k in range(len(topics))} <= partners

