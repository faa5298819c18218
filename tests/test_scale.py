"""Corpus scale: features per article, group summaries, streamed loaders, parallel and Dask paths,
and the tone fast paths (equal to TextBlob's and VADER's own code)."""

from __future__ import annotations

import gc
import json
import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import tone
from analysis.actors import actor_pattern, event_actors
from analysis.annotate import annotate_bodies
from analysis.corpus import CorpusError, CorpusWarning
from analysis.loaders import iter_articles, load_many
from analysis.scale import (
    VADER_BAND,
    _tone_figures,
    article_features,
    feature_columns,
    features,
    features_dask,
    group_distinctive_terms,
    group_summary,
    map_batches,
    synthetic_corpus,
)
from analysis.sourcing import attribution_summary, find_sources
from tests import instrument_reference as iref

# ---------------------------------------------------------------------------------------------
# Fixtures
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_actors(seed_articles):
    return event_actors(seed_articles)  # the seed event's actors.csv


@pytest.fixture(scope="module")
def seed_features(seed_articles, seed_actors):
    return features(seed_articles, n_jobs=1, progress=False, actors=seed_actors)


@pytest.fixture(scope="module")
def seed_texts(seed_articles):
    return dict(zip(seed_articles["article_id"], seed_articles["body"], strict=True))


@pytest.fixture(scope="module")
def small_corpus(seed_texts):
    return pd.DataFrame(list(synthetic_corpus(seed_texts, n_articles=48, own_share=1.0, sentences=(6, 12), seed=3)))


# ---------------------------------------------------------------------------------------------
# One row an article, the same figures the per-concern modules give
# ---------------------------------------------------------------------------------------------


def test_one_row_per_article_with_fixed_columns(seed_articles, seed_features):
    assert list(seed_features["article_id"]) == list(seed_articles["article_id"])
    columns = feature_columns(event_actors(seed_articles))
    assert seed_features.columns[-len(columns):].tolist() == columns
    assert "outlet" in seed_features.columns and "body" not in seed_features.columns
    assert list(seed_features["n_words"]) == list(seed_articles["n_words"])
    assert list(seed_features["n_sentences"]) == list(seed_articles["n_sentences"])


def test_tone_matches_textblob_and_vader(seed_articles, seed_sentences, seed_features):
    for row, body in zip(seed_features.itertuples(), seed_articles["body"], strict=True):
        polarity, subjectivity = tone.textblob_sentiment(body)
        assert row.polarity == pytest.approx(polarity, abs=1e-12)
        assert row.subjectivity == pytest.approx(subjectivity, abs=1e-12)
    per_sentence = tone.sentence_tone(seed_sentences).groupby("article_id")["vader_compound"].mean()
    got = seed_features.set_index("article_id")["vader_compound"]
    pd.testing.assert_series_equal(got, per_sentence.reindex(got.index), check_names=False)


def test_wording_rates_count_loaded_language_cues(seed_articles, seed_features):
    from analysis.wording import loaded_language

    for row, body, words in zip(
        seed_features.itertuples(), seed_articles["body"], seed_articles["n_words"], strict=True
    ):
        cues = loaded_language(body)
        assert row.cues_per_1000 * words / 1000 == pytest.approx(len(cues))
        assert row.hedge_per_1000 * words / 1000 == pytest.approx((cues["category"] == "hedge").sum())


def test_actor_shares_and_attribution_match_emphasis(seed_articles, seed_sentences, seed_features, seed_actors):
    # Shares at scale are sentences naming a term of the actor table (no discovery per article).
    pattern, actor_of = actor_pattern(seed_actors)
    table = seed_features.set_index("article_id")
    for article_id, group in seed_sentences.groupby("article_id"):
        named = [{actor_of[m.group()] for m in pattern.finditer(text)} for text in group["text"]]
        for actor in set(seed_actors["actor"]):
            column = "share_" + "_".join(actor.lower().split())
            expected = sum(actor in found for found in named) / len(group)
            assert table.loc[article_id, column] == pytest.approx(expected)
    summary = attribution_summary(seed_articles, seed_sentences, find_sources(seed_sentences)).set_index("article_id")
    for article_id in table.index:
        assert table.loc[article_id, "attributed_share"] == pytest.approx(summary.loc[article_id, "attributed_share"])


def test_every_actor_group_has_a_column(seed_features, seed_actors):
    for actor in set(seed_actors["actor"]):
        assert "share_" + "_".join(actor.lower().split()) in seed_features.columns


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400))
def test_any_text_gives_shares_between_zero_and_one(text):
    row = article_features(text)
    assert set(row) == set(feature_columns())
    for name, value in row.items():
        if name.endswith("_share") or name.startswith("share_"):
            assert math.isnan(value) or 0.0 <= value <= 1.0, (name, value)
    assert -1.0 <= row["polarity"] <= 1.0


# ---------------------------------------------------------------------------------------------
# Many articles: the same rows on every core, streamed, in bounded memory
# ---------------------------------------------------------------------------------------------


def test_features_make_no_reference_cycles_and_leave_the_collector_as_they_found_it(seed_articles):
    # The collector is paused over each batch (annotate.collector_paused): that is free only
    # because annotating and reducing make no cyclic garbage, which memory would then keep.
    from analysis.annotate import annotate_many
    from analysis.scale import batch_features

    bodies = list(seed_articles["body"])
    batch_features(bodies)  # lexicons, patterns and word readings loaded first
    gc.collect()
    gc.disable()
    try:
        batch_features(bodies)
        annotate_many(seed_articles, n_jobs=1)
        assert gc.collect() == 0
        assert not gc.isenabled()  # a paused collector stays paused
    finally:
        gc.enable()
    batch_features(bodies[:1])
    assert gc.isenabled()


def test_parallel_equals_one_process(small_corpus):
    one = features(small_corpus, n_jobs=1, progress=False)
    two = features(small_corpus, n_jobs=2, batch_size=8, progress=False)
    pd.testing.assert_frame_equal(one, two)
    streamed = features(iter(small_corpus.to_dict(orient="records")), n_jobs=1, progress=False)
    pd.testing.assert_frame_equal(one, streamed)


def test_map_batches_reads_a_stream_only_as_needed():
    pulled = []

    def stream():
        for i in range(1000):
            pulled.append(i)
            yield i

    results = map_batches(abs, stream(), n_jobs=1)
    assert next(results) == 0
    assert len(pulled) <= 3  # not the whole stream


def test_group_summary_intervals_hold_the_means(small_corpus, seed_texts):
    table = features(small_corpus, n_jobs=1, progress=False)
    summary = group_summary(table, by="outlet", measures=["polarity", "hedge_per_1000"], n_boot=200)
    assert set(summary["outlet"]) == set(small_corpus["outlet"])
    assert (summary["ci_low"] <= summary["mean"]).all() and (summary["mean"] <= summary["ci_high"]).all()
    assert summary["n"].sum() == 2 * len(table)
    # own_share=1: each outlet is made only of its source's sentences, so the outlet built from the
    # text TextBlob scores more positive has the higher mean polarity.
    sources = small_corpus.groupby("outlet")["source"].first()
    polarity = {k: tone.textblob_sentiment(v)[0] for k, v in seed_texts.items()}
    means = summary[summary["measure"] == "polarity"].set_index("outlet")["mean"]
    assert (means.idxmax(), means.idxmin()) == (
        sources[sources == max(polarity, key=polarity.get)].index[0],
        sources[sources == min(polarity, key=polarity.get)].index[0],
    )


def test_group_distinctive_terms_come_from_each_groups_source(small_corpus, seed_texts):
    top = group_distinctive_terms(small_corpus, by="outlet", top_n=5, n_jobs=1)
    sources = small_corpus.groupby("outlet")["source"].first()
    for outlet, group in top.groupby("outlet"):
        text = seed_texts[sources[outlet]].lower()
        assert (group["z"] > 0).all()
        assert all(term in text for term in group["term"])
        assert list(group["z"]) == sorted(group["z"], reverse=True)


# ---------------------------------------------------------------------------------------------
# Loaders
# ---------------------------------------------------------------------------------------------


def test_folder_tree_csv_and_jsonl_give_the_same_articles(tmp_path, write, small_corpus):
    rows = small_corpus.head(6)
    for r in rows.itertuples():
        write(f"tree/{r.outlet.replace(' ', '_')}/{r.article_id}.txt",
              f"---\ntitle: {r.title[:40]!r}\noutlet: {r.outlet}\n---\n{r.body}")
    rows.rename(columns={"body": "text"}).to_csv(tmp_path / "c.csv", index=False)
    with open(tmp_path / "c.jsonl", "w", encoding="utf-8") as handle:
        for r in rows.to_dict(orient="records"):
            handle.write(json.dumps({"id": r["article_id"], "content": r["body"], "outlet": r["outlet"]}) + "\n")
    tree = load_many(tmp_path / "tree")
    csv = load_many(tmp_path / "c.csv", id_column="article_id")
    jsonl = load_many(tmp_path / "c.jsonl", id_column="id")
    for frame in (tree, csv, jsonl):
        assert sorted(frame["article_id"]) == sorted(rows["article_id"])
        assert dict(zip(frame["article_id"], frame["body"], strict=True)) == dict(
            zip(rows["article_id"], rows["body"], strict=True)
        )
    assert set(tree["folder"]) == {o.replace(" ", "_") for o in rows["outlet"]}
    assert "source" in csv.columns  # metadata columns are kept


def test_jsonl_bad_lines_warn_or_raise_naming_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "A first article. It says little."}\nnot json\n{"text": ""}\n', encoding="utf-8")
    with pytest.warns(CorpusWarning, match="skipped 2"):
        assert len(load_many(path)) == 1
    with pytest.raises(CorpusError, match=r"bad\.jsonl:2"):
        load_many(path, errors="raise")


def test_duplicates_are_counted_once_and_limit_stops_early(tmp_path):
    path = tmp_path / "dups.csv"
    pd.DataFrame({"body": ["Same text here.", "Same   text here.", "Another one."]}).to_csv(path, index=False)
    with pytest.warns(CorpusWarning, match="1 article"):
        assert len(load_many(path)) == 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        assert len(list(iter_articles(path, limit=1))) == 1


def test_missing_text_column_is_named(tmp_path):
    path = tmp_path / "x.csv"
    pd.DataFrame({"headline": ["a"], "outlet": ["b"]}).to_csv(path, index=False)
    with pytest.raises(CorpusError, match="text_column"):
        load_many(path)


# ---------------------------------------------------------------------------------------------
# Dask: the same function over partitions, on the local distributed scheduler
# ---------------------------------------------------------------------------------------------


def test_dask_partitions_give_the_same_rows(tmp_path, small_corpus):
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("dask.distributed")
    from analysis.loaders import load_dask

    rows = small_corpus.head(12)
    path = tmp_path / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for r in rows.to_dict(orient="records"):
            handle.write(json.dumps({"article_id": r["article_id"], "text": r["body"], "outlet": r["outlet"]}) + "\n")
    expected = features(rows, n_jobs=1, progress=False).set_index("article_id")[feature_columns()]
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
    ) as cluster, distributed.Client(cluster):
        frame = load_dask(path, blocksize=2_000)
        assert frame.npartitions > 1
        got = features_dask(frame, text_column="text", clean=False).compute()
    assert isinstance(frame, dd.DataFrame)
    got = got.set_index("article_id")[feature_columns()].loc[expected.index]
    pd.testing.assert_frame_equal(got, expected, check_dtype=False)


# ---------------------------------------------------------------------------------------------
# Tone fast paths: equal to TextBlob's and VADER's own code
# ---------------------------------------------------------------------------------------------

_TRICKY = [
    "It was not good, not bad, and very, very good!",
    "Really not good. Never a great idea :) but kind of sad :-(",
    "NO ONE liked the horrible, HORRIBLE plan (!) at least at first.",
    "He didn't say it wasn't extremely bad…",
    "The U.S. said the 'brilliant' strike was a masterstroke 😀.",
]


def _check_equal(text: str) -> None:
    tokens = tone._tokens(text)
    assert tone._assess(tokens) == iref.assess_reference(tokens)
    assert tone.vader_compound(text) == iref.vader_reference(text)


def test_fast_paths_equal_reference_on_the_seeds(seed_articles, seed_sentences):
    for text in [*_TRICKY, *seed_sentences["text"], *seed_articles["body"]]:
        _check_equal(text)


_WORDS = st.sampled_from(
    ["not", "no", "never", "n't", "very", "really", "good", "bad", "great", "horrible", "kind", "of", "least", "at", "but", "!", "(!)", ":)", ":(", ":-D", "war", "peace", "plan", "the", "a", "it", "was", "is", "GOOD", "BAD", "😀", "💔", ",", ".", "?", "said", "claimed"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=25).map(" ".join))
def test_fast_paths_equal_reference_on_generated_sentences(text):
    _check_equal(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_fast_paths_equal_reference_on_any_text(text):
    _check_equal(text)


def _tone_figures_reference(annotation) -> dict[str, float]:
    """``analysis.scale._tone_figures`` as first written (every sentence's polarity computed)."""
    sentences = annotation.sentences
    n = len(sentences)
    vader = [s.vader for s in sentences]
    polarities = [s.polarity for s in sentences]
    scored_n = sum(1 for s in sentences if s.assessments)
    band = tone.NEUTRAL_BAND
    disagree = sum(1 for p, v in zip(polarities, vader, strict=True)
                   if abs(p) >= band and abs(v) >= band and (p > 0) != (v > 0))
    return {
        "polarity": annotation.polarity,
        "subjectivity": annotation.subjectivity,
        "n_assessed": len(annotation.document),
        "scored_sentence_share": scored_n / n if n else math.nan,
        "vader_compound": float(np.mean(vader)) if n else math.nan,
        "vader_negative_share": sum(v <= -VADER_BAND for v in vader) / n if n else math.nan,
        "vader_positive_share": sum(v >= VADER_BAND for v in vader) / n if n else math.nan,
        "disagreement_share": disagree / n if n else math.nan,
    }


def _same_figures(got: dict[str, float], want: dict[str, float]) -> None:
    assert list(got) == list(want)
    for key, value in want.items():
        assert got[key] == value or (math.isnan(got[key]) and math.isnan(value)), key


def test_tone_figures_equal_the_first_reduction_on_the_seeds(seed_articles):
    for annotation in annotate_bodies(list(seed_articles["body"])):
        _same_figures(_tone_figures(annotation), _tone_figures_reference(annotation))


# Sentences that TextBlob and VADER score the same way, opposite ways, one of them only, neither,
# and sentences on the edge of the neutral band.
_TONE_SENTENCES = st.sampled_from([
    "The plan is good.", "The plan is bad.", "The plan is not good.", "It was a disaster.", "He said so.",
    "Critics hated the great plan.", "The talks collapsed.", "The offer was fine, but late.", "Nothing happened.",
    "A sad, happy day.", "It was okay.", "LOL, the horrible plan works!", "", "Is it true?",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(_TONE_SENTENCES, max_size=12).map(" ".join))
def test_tone_figures_equal_the_first_reduction_on_generated_articles(body):
    annotation = annotate_bodies([body])[0]
    _same_figures(_tone_figures(annotation), _tone_figures_reference(annotation))
