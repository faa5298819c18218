"""Wording: cues, distinctive terms, naming, contexts, highlighting — relations, not magic floats."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from analysis.inputs import articles_from_texts
from analysis.lexicon import load_lexicon
from analysis.plots import wording as wording_plots
from analysis.wording import (
    CATEGORY_COLOURS,
    CUE_COLUMNS,
    analyze_wording,
    article_cues,
    contrast_pairs,
    distinctive_terms,
    flag_threshold,
    highlight_html,
    keyword_in_context,
    loaded_language,
    naming_choices,
    term_counts,
)
from tests.conftest import SEED_FIRST, SEED_SECOND

WIRE = (
    "Officials said the delegations met in Istanbul on Monday for talks.\n"
    "The talks lasted an hour and ended with an agreement on a prisoner exchange.\n"
    "Officials in Kyiv said a ceasefire was not discussed.\n"
)
SLANTED = (
    "The disgraceful regime claimed the talks in Istanbul were a triumph.\n"
    "Its so-called delegation reportedly walked out after a pathetic hour of posturing.\n"
    "Officials in Kiev admitted a ceasefire was never on the table.\n"
)


def cue(frame: pd.DataFrame, term: str) -> pd.Series:
    rows = frame[frame["term"].str.lower() == term.lower()]
    assert len(rows), f"{term!r} is not a cue: {sorted(frame['term'])}"
    return rows.iloc[0]


# ---------------------------------------------------------------------------------------------
# Lexicons
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["attribution_verbs", "hedges_boosters", "loaded_words", "labels", "naming_variants"]
)
def test_lexicons_have_required_columns(name):
    frame = load_lexicon(name)  # raises on a missing column or an empty cell
    assert len(frame) > 5
    assert not frame["term"].duplicated().any()


def test_attribution_verbs_contract():
    frame = load_lexicon("attribution_verbs")
    assert {"term", "category", "stance", "rationale", "source"} <= set(frame.columns)
    assert set(frame["stance"]) <= {"neutral", "doubt", "endorse", "presuppose", "assert"}
    stance = frame.set_index("term")["stance"]
    assert stance["said"] == "neutral" and stance["according to"] == "neutral"
    assert stance["claimed"] == "doubt" and stance["alleged"] == "doubt"
    assert stance["admitted"] == "presuppose"


# ---------------------------------------------------------------------------------------------
# loaded_language
# ---------------------------------------------------------------------------------------------


def test_loaded_language_categories_and_stances():
    cues = loaded_language(SLANTED)
    assert cue(cues, "disgraceful")["category"] == "loaded"
    assert cue(cues, "regime")["category"] == "label"
    assert cue(cues, "claimed")["category"] == "attribution"
    assert cue(cues, "claimed")["stance"] == "doubt"
    assert cue(cues, "admitted")["stance"] == "presuppose"
    assert cue(cues, "reportedly")["category"] == "hedge"
    assert cue(cues, "Kiev")["category"] == "naming"
    assert set(cues["category"]) <= set(CATEGORY_COLOURS)
    assert cues["why"].str.len().gt(10).all()


def test_said_is_neutral_and_scores_below_claimed():
    said = cue(loaded_language("The minister said the talks failed."), "said")
    claimed = cue(loaded_language("The minister claimed the talks failed."), "claimed")
    assert said["stance"] == "neutral" and claimed["stance"] == "doubt"
    assert claimed["score"] > said["score"]


def test_slanted_text_has_more_and_higher_flags_than_wire():
    wire, slanted = loaded_language(WIRE), loaded_language(SLANTED)
    t = flag_threshold()
    assert (slanted["score"] >= t).sum() > (wire["score"] >= t).sum()
    assert slanted["score"].max() > wire["score"].max()


def test_evaluative_words_are_loaded_by_rule_not_by_seed():
    # words from the curated evaluative list are loaded cues in any text
    text = "Analysts called the raid a masterstroke, though others saw a merely symbolic gesture."
    cues = loaded_language(text)
    for word in ("masterstroke", "symbolic", "merely"):
        assert cue(cues, word)["category"] == "loaded"
    assert "'masterstroke'" in cue(cues, "masterstroke")["why"]


def test_hedging_phrase_is_one_cue():
    text = "The convoy is believed to be heading north, an account that remains unverified."
    cues = loaded_language(text)
    assert cue(cues, "believed to be")["category"] == "hedge"
    assert cue(cues, "remains unverified")["category"] == "hedge"
    assert "believed" not in set(cues["term"])  # not repeated inside the phrase


def test_scores_are_probabilities_and_why_names_the_term():
    cues = loaded_language(SLANTED + WIRE)
    assert cues["score"].between(0, 1).all()
    assert all(w.startswith(f"'{t}'") for t, w in zip(cues["term"], cues["why"], strict=True))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300))
def test_offsets_slice_terms_for_any_text(text):
    cues = loaded_language(text)
    assert list(cues.columns) == ["start", "end", "term", "category", "stance", "score", "why", "evidence", "voice",
                                  "speaker"]
    assert set(cues["voice"]) <= {"narrator", "quoted"}
    for row in cues.itertuples(index=False):
        assert text[row.start:row.end] == row.term


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["the", "talks", "claimed", "brutal", "Kyiv", "reportedly", "said", "of course", ".", "\n"]), max_size=40))
def test_offsets_on_word_salads(words):
    text = " ".join(words)
    for row in loaded_language(text).itertuples(index=False):
        assert text[row.start:row.end] == row.term


def test_sentence_split_ignores_initialism_dots():
    # "U.S." keeps its full stops inside the token: no sentence break there
    from analysis.wording.occurrences import occurrences

    segs = {o.token: o.sentence for o in occurrences("The U.S. diplomat slammed rivals. Then rain fell.")}
    assert segs["diplomat"] == segs["slammed"] == 0 and segs["rain"] == 1


# ---------------------------------------------------------------------------------------------
# Precision rules and evidence (relations on real sentences)
# ---------------------------------------------------------------------------------------------

NEUTRAL_REPORT = "The senator criticized the bill, which passed the committee on Tuesday."
LOADED_REWRITE = "The senator slammed the disastrous bill, which was rammed through the committee on Tuesday."


def test_loaded_rewrite_scores_above_neutral_report():
    neutral, loaded = loaded_language(NEUTRAL_REPORT, min_score=0.0), loaded_language(LOADED_REWRITE, min_score=0.0)
    t = flag_threshold()
    assert loaded["score"].max() > neutral["score"].max()
    assert (loaded["score"] >= t).sum() > (neutral["score"] >= t).sum()
    assert cue(loaded, "disastrous")["score"] >= t


@pytest.mark.parametrize(
    "text",
    [
        "Beijing pressed its territorial claims in the South China Sea.",
        "The claims of a breakthrough could not be checked.",
        "Moscow's claims were dismissed by observers.",
        "Officials published a report on the blast at the depot.",
    ],
)
def test_verb_list_nouns_are_not_attribution_cues(text):
    cues = loaded_language(text)
    nouns = cues[cues["term"].str.lower().isin(["claims", "report", "blast"])]
    assert (nouns["category"] != "attribution").all()


def test_verb_claims_stays_an_attribution_cue():
    verb = cue(loaded_language("The ministry claims the bridge was never hit."), "claims")
    assert verb["category"] == "attribution" and verb["stance"] == "doubt"
    noun = loaded_language("The ministry repeated its claims about the bridge.")
    assert not ((noun["term"] == "claims") & (noun["category"] == "attribution")).any()


def test_names_and_plain_domain_words_are_not_flagged_for_rarity():
    text = ("Drones struck airfields in the Irkutsk oblast, officials in Zaporizhzhia said, "
            "and Kyiv’s envoy confirmed the frontlines had not moved.")
    cues = loaded_language(text, min_score=0.0)
    t = flag_threshold()
    assert not (cues["score"] >= t).any(), cues[cues["score"] >= t][["term", "score"]]
    names = cues[cues["term"].isin(["Irkutsk", "Zaporizhzhia", "Kyiv’s"])]
    assert not names["evidence"].str.contains("rarity").any()
    # the same rare word scores lower as a mid-sentence name than as a lower-case word
    as_name = cue(loaded_language("He met officials from Grandiloquent in May.", min_score=0.0), "Grandiloquent")
    as_word = cue(loaded_language("He gave a grandiloquent speech in May.", min_score=0.0), "grandiloquent")
    assert as_word["score"] > as_name["score"]


def test_intensifier_raises_the_next_word():
    plain = cue(loaded_language("It was a harsh decision.", min_score=0.0), "harsh")
    boosted = cue(loaded_language("It was a very harsh decision.", min_score=0.0), "harsh")
    assert boosted["score"] > plain["score"]
    assert "context" in boosted["evidence"]


def test_quoted_word_counts_less_and_says_why():
    plain = cue(loaded_language("The senator called the plan reckless and cruel.", min_score=0.0), "reckless")
    quoted = cue(loaded_language('The senator called the plan "reckless and cruel."', min_score=0.0), "reckless")
    assert quoted["score"] < plain["score"]
    assert "quotation" in quoted["why"] and "quotation" not in plain["why"]


def test_opinion_sentence_raises_its_words():
    statement = cue(loaded_language("Their reckless plan failed.", min_score=0.0), "reckless")
    question = cue(loaded_language("Their reckless plan failed?", min_score=0.0), "reckless")
    personal = cue(loaded_language("Our reckless plan failed.", min_score=0.0), "reckless")
    assert question["score"] > statement["score"]
    assert personal["score"] > statement["score"]


def test_sentence_marks_and_quoted_stretches():
    from analysis.voice import quoted_stretches
    from analysis.wording.occurrences import occurrence_rows
    from tests.wording_reference import segment_marks_reference

    text = 'Is it over? "We won!" she said. The US left. You know.'
    assert segment_marks_reference(text) == [1, 2 | 4, 0, 0, 4]
    assert occurrence_rows(text)[4] == segment_marks_reference(text)
    assert [text[a:b] for a, b in quoted_stretches(text)] == ["We won!"]
    assert quoted_stretches("no quotes here") == []


def test_scan_and_voice_read_the_same_quotation_marks():
    """One detector: a word the scan counts as quoted (it scores lower) is one that
    ``voice.quotations`` puts in a quotation with marks, and the other way round."""
    from analysis.voice import quotations
    from analysis.wording.scan import scan

    text = ('The senator called the bill \u201ca shameful betrayal\u201d on Tuesday.\n\n'
            '\u201cThis is a disgraceful power grab,\u201d said Jane Roe, a spokeswoman. '
            "The council's 'reckless' plan, critics said, was a disgraceful waste.\n\n"
            '> A shameful, reckless scheme, one reader wrote.')
    marked = [(q.start, q.end) for q in quotations(text) if q.kind in ("direct", "phrase", "block")]
    scored = {c.start: c for c in scan(text)}
    inside = {s for s in scored if any(a <= s < b for a, b in marked)}
    assert inside and set(scored) - inside
    assert {s for s in scored if "inside a quotation" in scored[s].why} <= inside
    quoted_disgrace, narrator_disgrace = sorted(s for s in scored if scored[s].term == "disgraceful")
    assert quoted_disgrace in inside and narrator_disgrace not in inside
    assert scored[quoted_disgrace].score < scored[narrator_disgrace].score


@given(st.text(alphabet=st.sampled_from(list('ab "\u201c\u201d\u2018\u2019?!.>\n')), max_size=40))
@settings(max_examples=200, deadline=None)
def test_quoted_stretches_are_the_marked_quotations(text):
    from analysis.voice import quotations, quoted_stretches

    spans = quoted_stretches(text)
    assert spans == [(q.start, q.end) for q in quotations(text) if q.kind in ("direct", "phrase", "block")]
    for (a, b), nxt in zip(spans, [*spans[1:], None], strict=False):
        assert a < b and (nxt is None or b <= nxt[0])


def test_evidence_tags_separate_lexical_evidence_from_hints():
    from analysis.wording import EVIDENCE_TAGS, has_lexical_evidence

    cues = loaded_language(SLANTED + WIRE, min_score=0.0)
    for value in cues["evidence"]:
        tags = value.split("+")
        assert value == "none" or (set(tags) <= set(EVIDENCE_TAGS) and tags == sorted(tags, key=EVIDENCE_TAGS.index))
    assert cue(cues, "regime")["evidence"].startswith("lexicon")
    assert has_lexical_evidence(cues[cues["term"] == "disgraceful"]["evidence"]).all()
    hints = pd.Series(["rarity", "shape+rarity", "none", "rarity+context"])
    assert not has_lexical_evidence(hints).any()
    assert has_lexical_evidence(pd.Series(["learned+rarity", "sentiment-lexicon"])).all()


# ---------------------------------------------------------------------------------------------
# The seeds (issue 4: done when)
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_wording(seed_articles, seed_sentences):
    return analyze_wording(seed_articles, seed_sentences)


def test_seed_cues(seed_wording, seed_articles):
    cues = seed_wording.cues
    first, second = cues[cues["article_id"] == SEED_FIRST], cues[cues["article_id"] == SEED_SECOND]
    assert cue(first, "masterstroke")["category"] == "loaded"
    assert cue(second, "symbolic")["category"] == "loaded"
    assert cue(second, "claimed")["category"] == "attribution"
    assert cue(second, "claimed")["stance"] == "doubt"
    assert cue(second, "reportedly")["category"] == "hedge"
    assert cue(second, "believed to be")["category"] == "hedge"
    assert cue(second, "Kharkov")["category"] == "naming"
    bodies = dict(zip(seed_articles["article_id"], seed_articles["body"], strict=True))
    for row in cues.itertuples(index=False):
        assert bodies[row.article_id][row.start:row.end] == row.term
    assert (cues["sent_id"] >= 0).all()


def test_seed_cue_sent_ids_match_sentences(seed_wording, seed_sentences):
    merged = seed_wording.cues.merge(seed_sentences, on=["article_id", "sent_id"], suffixes=("", "_s"))
    assert len(merged) == len(seed_wording.cues)
    assert ((merged["start"] >= merged["start_s"]) & (merged["end"] <= merged["end_s"] + 1)).all()


def test_seed_naming_shows_each_side(seed_wording):
    naming = seed_wording.naming
    kharkiv = naming[naming["group"] == "Kharkiv"]
    assert set(kharkiv["article_id"]) == {SEED_SECOND}
    assert kharkiv["variant"].str.contains("Russian").all()
    kyiv = naming[naming["group"] == "Kyiv"]
    assert set(kyiv.loc[kyiv["term"] == "kyiv", "article_id"]) >= {SEED_FIRST}


def test_seed_json_contract(seed_wording):
    data = seed_wording.to_json()
    text = json.dumps(data)  # JSON-safe
    assert "NaN" not in text
    assert {"distinctive", "cues"} <= set(data)
    assert set(data["cues"][0]) >= {"article_id", "sent_id", "start", "end", "term", "category", "stance", "score", "why"}
    assert {"article_id", "term", "z"} <= set(data["distinctive"][0])
    assert all(c["stance"] is None or isinstance(c["stance"], str) for c in data["cues"])


# ---------------------------------------------------------------------------------------------
# Distinctive terms
# ---------------------------------------------------------------------------------------------


def test_distinctive_terms_find_each_sides_vocabulary():
    a = "The brave defenders held the line. The brave defenders repelled the attack. Brave defenders everywhere."
    b = "The invaders pressed the assault. The invaders shelled the town. Invaders advanced again."
    articles, _ = articles_from_texts({"a": a, "b": b})
    dist = distinctive_terms(term_counts(articles), min_count=2)
    top = dist.groupby("article_id")["term"].first()
    assert top["a"] in {"brave", "defenders", "brave defenders"}
    assert top["b"] in {"invaders"}
    assert (dist["z"] > 0).all()


def test_distinctive_terms_three_articles_each_against_rest():
    texts = {
        "a": "Drones drones drones struck the base. Drones again.",
        "b": "Talks talks talks in Istanbul. Talks again.",
        "c": "Sanctions sanctions sanctions on oil. Sanctions again.",
    }
    articles, _ = articles_from_texts(texts)
    dist = distinctive_terms(term_counts(articles), min_count=2)
    assert dist.groupby("article_id")["term"].first().to_dict() == {"a": "drones", "b": "talks", "c": "sanctions"}


def test_distinctive_terms_need_two_articles():
    articles, _ = articles_from_texts({"only": "One article alone says something."})
    with pytest.raises(ValueError, match="at least 2"):
        distinctive_terms(term_counts(articles))


def test_term_counts_skip_function_word_pairs():
    articles, _ = articles_from_texts({"a": "The end of the war. The end of the war.", "b": "x y z."})
    counts = term_counts(articles)
    assert "of the" not in set(counts["term"])
    assert counts.set_index("term").loc["end of", "count"] == 2


# ---------------------------------------------------------------------------------------------
# Naming, KWIC, contrasts, highlighting
# ---------------------------------------------------------------------------------------------


def test_naming_choices_from_texts():
    articles, _ = articles_from_texts({"w": WIRE, "s": SLANTED + " The special military operation goes on."})
    naming = naming_choices(articles)
    by = naming.set_index(["article_id", "term"])
    assert by.loc[("w", "kyiv"), "group"] == "Kyiv"
    assert by.loc[("s", "kiev"), "group"] == "Kyiv"
    assert by.loc[("s", "special military operation"), "group"] == "the war"


def test_keyword_in_context_offsets(seed_articles):
    kwic = keyword_in_context(seed_articles, "drone", window=30)
    bodies = dict(zip(seed_articles["article_id"], seed_articles["body"], strict=True))
    assert len(kwic) > 0
    for row in kwic.itertuples(index=False):
        assert bodies[row.article_id][row.start:row.end].lower() == "drone"
        assert len(row.left) <= 30 and len(row.right) <= 30


def test_contrast_pairs_align_same_event():
    a = "Ukraine launched a brilliant drone strike on Russian airfields on Sunday.\nThe weather was cold."
    b = "Ukraine launched a reckless drone strike on Russian airfields, the ministry claimed.\nPrices rose."
    articles, sentences = articles_from_texts({"a": a, "b": b})
    pairs = contrast_pairs(articles, sentences)
    assert len(pairs) >= 1
    top = pairs.iloc[0]
    assert "brilliant" in top["a_cues"] and "reckless" in top["b_cues"]
    assert "brilliant" in top["a_only"] and "reckless" in top["b_only"]


def test_highlight_html_escapes_and_colours():
    body = 'The <script>alert("x")</script> regime & its "so-called" allies claimed victory.'
    html_text = highlight_html(body, loaded_language(body))
    assert "<script>" not in html_text
    assert "&lt;" in html_text and "&amp;" in html_text
    assert CATEGORY_COLOURS["label"] in html_text and CATEGORY_COLOURS["attribution"] in html_text
    assert html_text.count("<mark") == html_text.count("</mark>")


def test_single_article_still_gets_cues():
    articles, sentences = articles_from_texts({"only": SLANTED})
    result = analyze_wording(articles, sentences)
    assert len(result.cues) > 0 and result.distinctive.empty
    json.dumps(result.to_json())


def test_article_cues_columns(seed_articles, seed_sentences):
    cues = article_cues(seed_articles.head(1), seed_sentences)
    assert list(cues.columns) == CUE_COLUMNS


# ---------------------------------------------------------------------------------------------
# Plots
# ---------------------------------------------------------------------------------------------


def test_plots_return_figures_for_two_and_three_articles(seed_wording):
    assert isinstance(wording_plots.fightin_words(seed_wording.distinctive), Figure)
    assert isinstance(wording_plots.cue_rates(seed_wording.summary), Figure)
    articles, sentences = articles_from_texts({"a": WIRE, "b": SLANTED, "c": WIRE + SLANTED})
    result = analyze_wording(articles, sentences)
    fig = wording_plots.fightin_words(result.distinctive, article_ids=["a", "b", "c"])
    assert sum(ax.get_visible() for ax in fig.axes) == 3
    assert isinstance(wording_plots.cue_rates(result.summary), Figure)


def test_cues_carry_voice_and_speaker():
    text = (
        "Republicans rammed through a reckless bill on Thursday. "
        "“It is a dishonest and shameful stunt,” said Democratic spokesman Mark Lee."
    )
    cues = loaded_language(text).set_index("term")
    assert cues.loc["reckless", "voice"] == "narrator"
    assert pd.isna(cues.loc["reckless", "speaker"])
    assert cues.loc["dishonest", "voice"] == "quoted"
    assert cues.loc["dishonest", "speaker"] == "Democratic spokesman Mark Lee"


def test_summary_counts_the_narrator_and_shows_quoted_voices_beside():
    from analysis.wording import analyze_wording

    own = "The senator gave a disgraceful, dishonest speech about the shameful border crisis on Monday."
    quoting = ("“It was a disgraceful, dishonest speech about a shameful crisis,” said Ann Lee, a rival. "
               "The senator spoke on Monday.")
    articles, sentences = articles_from_texts({"own": own, "quoting": quoting})
    result = analyze_wording(articles, sentences)
    per = result.summary.groupby("article_id")[["flags", "quoted_flags", "narrator_words", "quoted_words"]].sum()
    first, second = "own", "quoting"
    assert per.loc[first, "flags"] > per.loc[second, "flags"]
    assert per.loc[second, "quoted_flags"] > per.loc[first, "quoted_flags"] == 0
    assert result.cues.loc[result.cues["voice"] == "quoted", "speaker"].eq("Ann Lee").all()


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Sen. Dianne Feinstein, D-Calif., said the committee would meet again on Tuesday.", "D-Calif"),
        ("Visitors walked along the colonnade outside the courthouse before the hearing began.", "colonnade"),
        ("The witness answered inaudibly, and the judge asked her to repeat the answer.", "inaudibly"),
        ("The officer gently guided the elderly man back to the waiting bus.", "gently"),
        ("The committee chairwoman opened the session at 10 a.m. on Wednesday.", "chairwoman"),
        ("Biden, the now-presumptive Democratic nominee, campaigned in Ohio on Monday.", "now-presumptive"),
    ],
)
def test_rarity_or_shape_alone_never_makes_a_flag(text, word):
    cues = loaded_language(text)
    flags = cues[cues["score"] >= flag_threshold()]
    assert word not in set(flags["term"])
    assert not {"Dianne", "Feinstein"} & set(flags["term"])
    for row in cues[cues["term"] == word].itertuples():
        assert row.score < flag_threshold()


@pytest.mark.parametrize(("word", "vouched"), [
    ("contemptuous", True), ("humiliate", True),  # VADER and AFINN rate them negative
    ("colonnade", False), ("gently", False), ("inaudibly", False), ("chairwoman", False),  # no rating, or mild
    ("firmly", False),  # only TextBlob's polarity, too loose for adverbs
])
def test_only_a_negative_human_rating_lets_rarity_and_shape_count(word, vouched):
    from analysis.wording.scan import default_scorer

    hit = default_scorer().word(word, False)
    assert hit is not None
    assert (hit.z_plain == hit.z) is vouched


def test_a_rare_word_rated_negative_names_the_lexicon_in_its_reason():
    cues = loaded_language("The mayor gave a contemptuous reply to the residents who asked about the flooded streets.")
    row = cues[cues["term"] == "contemptuous"].iloc[0]
    assert "rated negative by VADER and AFINN" in row["why"]


def test_abbreviations_are_not_words_and_curated_words_still_flag():
    cues = loaded_language("Rep. Adam Schiff, D-Calif., called the plan a reckless, self-serving power grab.")
    assert "D-Calif" not in set(cues["term"])
    flags = set(cues.loc[cues["score"] >= flag_threshold(), "term"])
    assert {"reckless", "self-serving"} <= flags


def test_hint_words_say_why_they_are_not_flags():
    cues = loaded_language("Visitors walked along the colonnade outside the courthouse before the hearing.")
    row = cues[cues["term"] == "colonnade"].iloc[0]
    from analysis.wording import has_lexical_evidence

    assert not has_lexical_evidence(pd.Series([row["evidence"]])).iloc[0]
    assert row["score"] < flag_threshold()
    assert "cannot make it a flag" in row["why"]  # its rarity alone would have lifted it


def test_distinctive_terms_leave_out_counting_and_grammar_words():
    """Stop-list words ("three", "whether", "move") used to lead the ranking; what leads now is vocabulary."""
    first = (
        "Council to vote on bridge toll\n\n"
        "The council will decide whether the toll goes ahead. Three members back the toll, three oppose it, "
        "and whether the mayor will move the vote again is unclear. Residents fear the toll will burden commuters. "
        "Whether the toll survives, three weeks of hearings showed how divided the town is."
    )
    second = (
        "Bridge levy debate continues\n\n"
        "Shop owners say the levy would hurt trade on the high street. The mayor defended the levy as fair "
        "and said repairs cannot wait. Business groups argued the levy should be phased in over several years."
    )
    articles, _ = articles_from_texts({"a": first, "b": second})
    dist = distinctive_terms(term_counts(articles), min_count=2)
    terms = set(dist.loc[dist["article_id"] == "a", "term"])
    assert "toll" in terms
    assert not terms & {"three", "whether", "move"}


@pytest.mark.parametrize(("sentence", "form", "listed"), [
    ("The senator vowed to keep annihilating the opposition's plans in committee.", "annihilating", "annihilate"),
    ("Residents seethed as the council quietly approved the tax increase.", "seethed", "seething"),
    ("The governor is scrapping the program that helped thousands of families.", "scrapping", "scrapped"),
    ("Critics say the bullies on the school board ignored the parents again.", "bullies", "bully"),
])
def test_inflected_forms_of_listed_words_are_cues_that_say_which_word_is_listed(sentence, form, listed):
    cues = loaded_language(sentence)
    row = cues[cues["term"] == form].iloc[0]
    assert row["category"] == "loaded"
    assert row["why"].startswith(f"'{form}': a form of '{listed}' — ")
    assert "lexicon" in row["evidence"].split("+")


@pytest.mark.parametrize("word", [
    "hats",  # a plural is no form of the listed "hated"
    "forces",  # nor of "forced"
    "shamed",  # a form of "shame", not of the listed "sham"
    "killed",  # more common than the listed "killing": plain news use
    "evening", "colonnade", "gently",
])
def test_words_that_only_share_a_stem_with_a_listed_word_are_not_its_forms(word):
    from analysis.wording.lexicons import curated, curated_word

    assert word not in curated()
    assert curated_word(word) is None


def test_listed_words_keep_their_own_entries():
    from analysis.wording.lexicons import curated, curated_word

    for term in ("annihilate", "seething", "scrapped", "bully", "slammed"):
        assert curated_word(term) == curated()[term]


def _lean_reason(why: str) -> str:
    start = why.find("the sentence reads like those experts judged biased")
    return why[start:].split(";")[0] if start >= 0 else ""


def test_the_lean_reason_says_plainly_when_only_topic_words_tilt_the_sentence():
    text = "Trump repeatedly voiced citizenship doubts even after Obama produced his birth certificate in 2011."
    cues = loaded_language(text)
    reasons = [_lean_reason(w) for w in cues["why"] if _lean_reason(w)]
    assert reasons, "the sentence lean lifts a word of this sentence"
    for reason in reasons:
        assert "not loaded on their own" in reason
        assert "'produced'" not in reason and "'citizenship'" not in reason


@pytest.mark.parametrize("text", [
    "Critics say the racist and inflammatory ad was designed to scare suburban voters before the election.",
    "Trump repeatedly voiced citizenship doubts even after Obama produced his birth certificate in 2011.",
    "The governor is scrapping the program, a shameful betrayal of the families who trusted him.",
])
def test_the_lean_reason_names_only_words_with_evaluative_evidence(text):
    import re

    from analysis.text import normalize_token
    from analysis.wording.scan import default_scorer

    scorer = default_scorer()
    for why in loaded_language(text)["why"]:
        for word in re.findall(r"'([^']+)'", _lean_reason(why)):
            hit = scorer.word(normalize_token(word), False)
            assert hit is not None and hit.evaluative, word


def test_lean_words_are_the_evaluative_words_that_tilt_the_sentence_most():
    from analysis.wording.reasons import lean_words as _lean_words

    # evaluative words first by lean, topic words skipped; none: nothing named
    assert _lean_words([(0.9, "produced", False), (0.5, "racist", True), (0.4, "scare", True),
                        (0.3, "cruel", True)]) == ("racist", "scare")
    assert _lean_words([(0.9, "produced", False), (0.5, "citizenship", False)]) == ()
