"""Annotation: each article measured once; the comparison and corpus-scale features read the same
records, so a figure has one definition wherever it is shown."""

from __future__ import annotations

import math
import pickle

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.annotate import annotate, annotate_many, cue_table, source_table
from analysis.compare import compare
from analysis.inputs import load_corpus
from analysis.scale import article_features, features
from analysis.sourcing import find_sources
from analysis.text import WORD_PATTERN
from analysis.tone import textblob_sentiment, vader_compound
from analysis.voice import NARRATOR, QUOTED
from analysis.wording import article_cues, cue_summary, flag_threshold
from analysis.wording.cues import DEFAULT_MIN_SCORE
from tests.wording_reference import scan_reference

# A realistic article on an invented event: headline, a narrated lede with loaded wording, a
# direct quotation with a named speaker, reported speech, a doubt-casting attribution.
STORY = """City Council Approves Contested Harbour Plan

The city council on Tuesday approved a sweeping plan to rebuild the eastern harbour, ending a bitter two-year fight that critics say was rushed through a reckless process.

"This is a disgraceful giveaway to developers," said Maria Lopez, who chairs the Harbour Residents Association. "Families who have lived here for generations are being pushed out."

Council member Tom Reed said that the plan would create about 1,200 jobs and protect the waterfront from flooding. The mayor's office claimed the costs were fully covered by federal grants, although an audit published in March found a shortfall of $40 million.

According to the city's planning department, construction is expected to begin next spring. Opponents have vowed to challenge the decision in court.
"""

QUIET = """Rain Expected Over the Weekend

Forecasters expect light rain on Saturday and Sunday across the region. Temperatures will stay near the seasonal average, and winds will be light.

The weather service said the rain should clear by Monday morning.
"""


@pytest.fixture(scope="module")
def event(tmp_path_factory):
    folder = tmp_path_factory.mktemp("harbour")
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "b.txt").write_text(QUIET, encoding="utf-8")
    return load_corpus(folder)


@pytest.fixture(scope="module")
def annotations(event):
    articles, sentences = event
    return annotate_many(articles, sentences)


def test_annotation_holds_sentences_words_and_voices(event, annotations):
    articles, sentences = event
    story = annotations[0]
    body = articles["body"].iloc[0]
    assert [s.text for s in story.sentences] == [body[s.start:s.end] for s in story.sentences]
    assert len(story.sentences) == int((sentences["article_id"] == articles["article_id"].iloc[0]).sum())
    assert story.n_words == len(WORD_PATTERN.findall(body))
    assert story.narrator_words + story.quoted_words == story.n_words
    assert story.quoted_words > 0
    quoted = [body[q.start:q.end] for q in story.quotes]
    assert any("disgraceful giveaway" in q for q in quoted)


def test_cues_carry_voice_and_speaker(event, annotations):
    body = event[0]["body"].iloc[0]
    by_term = {c.term.lower(): c for c in annotations[0].cues}
    assert by_term["disgraceful"].voice == QUOTED
    assert by_term["disgraceful"].speaker and "Lopez" in by_term["disgraceful"].speaker
    assert by_term["reckless"].voice == NARRATOR and by_term["reckless"].speaker is None
    assert by_term["claimed"].category == "attribution" and by_term["claimed"].stance == "doubt"
    for cue in annotations[0].cues:
        assert body[cue.start:cue.end] == cue.term


def test_tone_records_are_the_instruments_figures(event, annotations):
    body = event[0]["body"].iloc[0]
    story = annotations[0]
    assert (story.polarity, story.subjectivity) == pytest.approx(textblob_sentiment(body), abs=0)
    for sentence in story.sentences:
        assert sentence.vader == vader_compound(sentence.text)
    assert story.with_boilerplate == story.document  # nothing was removed from this article


def test_annotation_tables_are_what_the_comparison_reads(event, annotations):
    articles, sentences = event
    def plain(table: pd.DataFrame) -> pd.DataFrame:  # missing speakers as None, whatever the dtype
        table = table.astype(object)
        return table.where(table.notna(), None)

    expected_cues = article_cues(articles, sentences)
    pd.testing.assert_frame_equal(plain(cue_table(annotations, list(articles["article_id"]))), plain(expected_cues))
    pd.testing.assert_frame_equal(source_table(annotations), find_sources(sentences))
    assert (source_table(annotations)["stance"] == "doubt").any()


def test_features_and_comparison_agree_on_rates(event, annotations):
    """One definition: the corpus-scale row of an article equals what the comparison reports."""
    articles, sentences = event
    table = features(articles, n_jobs=1, progress=False).set_index("article_id")
    summary = cue_summary(article_cues(articles, sentences), articles)
    threshold = flag_threshold()
    for article_id, annotation in zip(articles["article_id"], annotations, strict=True):
        row = table.loc[article_id]
        mine = summary[summary["article_id"] == article_id]
        narrator = float(mine["narrator_words"].iloc[0])
        quoted = float(mine["quoted_words"].iloc[0])
        assert row["narrator_words"] == narrator and row["quoted_words"] == quoted
        assert row["narrator_flags_per_1000"] == pytest.approx(mine["flags"].sum() / (max(narrator, 1) / 1000))
        assert row["narrator_cues_per_1000"] == pytest.approx(mine["cues"].sum() / (max(narrator, 1) / 1000))
        expected_quoted = mine["quoted_flags"].sum() / (quoted / 1000) if quoted else 0.0
        assert row["quoted_flags_per_1000"] == pytest.approx(expected_quoted)
        flags = sum(c.score >= threshold for c in annotation.cues)
        assert row["flags_per_1000"] == pytest.approx(flags / (max(annotation.n_words, 1) / 1000))
        assert row["polarity"] == annotation.polarity
        assert row["n_sentences"] == len(annotation.sentences)


def test_voice_columns_split_the_outlet_from_its_sources():
    story = article_features(STORY)
    assert story["quoted_word_share"] > 0.1
    assert story["quoted_flags_per_1000"] > 0  # "disgraceful" is the resident's word
    assert story["narrator_words"] < story["n_words"]
    # Nothing quoted in the first paragraph of the weather report: every cue is the narrator's.
    unquoted = article_features(QUIET.split("The weather service")[0])
    assert unquoted["quoted_words"] == 0 and unquoted["quoted_word_share"] == 0
    assert unquoted["quoted_flags_per_1000"] == 0 and unquoted["quoted_cues_per_1000"] == 0
    assert unquoted["narrator_cues_per_1000"] == pytest.approx(unquoted["cues_per_1000"])
    assert unquoted["cues_per_1000"] > 0


def test_features_read_annotations_of_sentences_split_like_the_loader(event):
    articles, _ = event
    one = features(articles, n_jobs=1, progress=False)
    again = pd.DataFrame([article_features(b) for b in articles["body"]])
    pd.testing.assert_frame_equal(one[again.columns].reset_index(drop=True), again, check_dtype=False)


def test_results_do_not_depend_on_batches_or_processes(event):
    articles, sentences = event
    many = pd.concat([articles] * 3, ignore_index=True)
    many["article_id"] = [f"x{i}" for i in range(len(many))]
    serial = annotate_many(many, None, n_jobs=1, batch_size=40)
    split = annotate_many(many, None, n_jobs=2, batch_size=2)
    assert serial == split


def test_user_actor_table_gives_mentions_and_sources_stay_unlinked():
    actors = pd.DataFrame({"actor": ["Harbour residents", "Harbour residents", "City council"],
                           "term": ["Maria Lopez", "Harbour Residents Association", "city council"]})
    annotation = annotate(STORY, actors=actors)
    assert {m.actor for m in annotation.mentions} == {"Harbour residents", "City council"}
    for m in annotation.mentions:
        assert STORY[m.start:m.end] == m.alias
    assert all(s.actor is None for s in annotation.sources)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("abc Said said \"'\u201c\u201d.,\n")) | st.characters(), max_size=300))
def test_any_text_annotates_whole(text):
    a = annotate(text)
    assert a.narrator_words + a.quoted_words == a.n_words == len(WORD_PATTERN.findall(text))
    assert all(text[c.start:c.end] == c.term for c in a.cues)
    sent_ids = {s.sent_id for s in a.sentences} | {-1}
    assert all(c.sent_id in sent_ids for c in a.cues)
    assert all(not math.isnan(s.vader) for s in a.sentences)


def test_compare_and_features_report_the_same_figures(event):
    """The comparison's tables and the corpus-scale row come from the same annotation."""
    articles, sentences = event
    comparison = compare(articles, sentences, clusters=False, progress=False)
    table = features(articles, n_jobs=1, progress=False).set_index("article_id")
    tone = comparison.tone.articles.set_index("article_id")
    summary = comparison.wording.summary.groupby("article_id")[["cues", "flags", "narrator_words"]].agg(
        {"cues": "sum", "flags": "sum", "narrator_words": "first"}
    )
    for article_id in articles["article_id"]:
        row = table.loc[article_id]
        assert row["polarity"] == tone.loc[article_id, "polarity"]
        assert row["subjectivity"] == tone.loc[article_id, "subjectivity"]
        assert row["vader_compound"] == pytest.approx(tone.loc[article_id, "vader_compound"], abs=1e-12)
        assert row["n_assessed"] == tone.loc[article_id, "n_assessed"]
        per = max(summary.loc[article_id, "narrator_words"], 1) / 1000
        assert row["narrator_words"] == summary.loc[article_id, "narrator_words"]
        assert row["narrator_flags_per_1000"] == pytest.approx(summary.loc[article_id, "flags"] / per)
        assert row["narrator_cues_per_1000"] == pytest.approx(summary.loc[article_id, "cues"] / per)
    assert table.loc[articles["article_id"].iloc[0], "narrator_flags_per_1000"] > 0


def _cues_reference(body, quotes, sentences, reasons):
    """The first ``analysis.annotate._cues``: each cue's sentence and voice searched on its own,
    each annotated cue made by the public constructor (the reference of the walk and the cheaper
    construction)."""
    from bisect import bisect_right

    from analysis.annotate import AnnotatedCue
    from analysis.voice import VoiceIndex
    from analysis.wording.scan import scan

    ordered = sorted(sentences, key=lambda s: s[1])
    starts, ends, ids = [s[1] for s in ordered], [s[2] for s in ordered], [s[0] for s in ordered]
    index = VoiceIndex(quotes)
    out = []
    for cue in scan(body, min_score=DEFAULT_MIN_SCORE):
        i = bisect_right(starts, cue.start) - 1
        sent_id = ids[i] if i >= 0 and cue.start < ends[i] else -1
        voice, speaker = index.voice(cue.start)
        out.append(AnnotatedCue(int(sent_id), cue.start, cue.end, cue.term, cue.category, cue.stance, cue.score,
                                cue.why, cue.evidence, voice, speaker))
    return tuple(out)


def test_annotated_cues_equal_the_reference(seed_articles):
    """Cue by cue, every field (reasons made now or when read), on the seed articles and on
    invented events' articles."""
    from pathlib import Path

    from analysis.annotate import AnnotatedCue, _cues, _item
    from analysis.voice import quotations

    folder = Path(__file__).parent / "fixtures" / "events"
    texts = [*seed_articles["body"], STORY, QUIET, *(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*/*.txt")))]
    for k, text in enumerate(texts):
        item = _item(str(k), text)
        quotes = tuple(quotations(item.body, sentences=[(s, e) for _, s, e, _ in item.sentences]))
        ordered = sorted(item.sentences, key=lambda s: s[1])
        parts = (item.body, quotes, [s[1] for s in ordered], [s[2] for s in ordered], [s[0] for s in ordered])
        expected = _cues_reference(item.body, quotes, item.sentences, True)
        for reasons in (False, True):
            cues = _cues(*parts, reasons)
            assert cues == expected
            assert all(type(c) is AnnotatedCue for c in cues)
            assert pickle.loads(pickle.dumps(cues)) == expected
        if cues:
            with pytest.raises(AttributeError):
                cues[0].voice = "narrator"  # type: ignore[misc]
            with pytest.raises(AttributeError):
                del cues[0].term


def test_cue_reasons_made_when_read_are_the_reasons_made_at_once():
    """An annotation makes each cue's reason and evidence when first read; they are the plain
    scan's (the slow reference, which makes them at once), pickled before or after reading."""
    annotation = annotate(STORY)
    shipped = pickle.loads(pickle.dumps(annotation))  # nothing read yet: made on the way
    eager = scan_reference(STORY, min_score=DEFAULT_MIN_SCORE)
    assert [(c.start, c.term, c.why, c.evidence) for c in annotation.cues] == [
        (c.start, c.term, c.why, c.evidence) for c in eager
    ]
    assert shipped == annotation and hash(shipped.cues) == hash(annotation.cues)
    assert any("; " in c.why for c in annotation.cues)  # sentence reasons, not only the word's
    with pytest.raises(AttributeError):
        annotation.cues[0].score = 1.0  # type: ignore[misc]
