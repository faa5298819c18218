"""Charts that do not mislead: small tone differences look small, cues and flags are told apart,
distinctive terms are ranked with labels that cannot overlap, every figure describes itself."""

from __future__ import annotations

import pytest

from analysis import compare, load_corpus
from analysis.paths import CORPUS_DIR
from analysis.plots import tone as tone_plots
from analysis.plots import wording as wording_plots
from analysis.plots.describe import describe_figure
from analysis.plots.tone import honest_span
from analysis.present import OKABE_ITO, labelled


@pytest.fixture(scope="module")
def coal():
    return labelled(compare(*load_corpus(CORPUS_DIR / "lesson-coal-plant-vote")))


@pytest.mark.parametrize(("low", "high", "span"), [(-0.06, 0.08, 0.25), (-0.5, 0.1, 0.6), (0.0, 0.99, 1.0)])
def test_honest_span(low, high, span):
    assert honest_span(low, high) == pytest.approx(span)


def test_tone_axis_is_never_narrower_than_a_quarter_of_the_scale(coal):
    ax = tone_plots.plot_article_tone(coal.tone.articles).axes[0]
    low, high = ax.get_ylim()
    assert low <= -0.25 and high >= 0.25 and "axis cut" in ax.get_ylabel()


def test_cue_counts_and_flags_are_separate_named_panels(coal):
    fig = wording_plots.cue_rates(coal.wording.summary)
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert any(t.startswith("Cues found") for t in titles) and any(t.startswith("Flags") for t in titles)
    cues, flags = fig.axes[0], fig.axes[1]
    assert sum(p.get_height() for p in cues.patches) >= sum(p.get_height() for p in flags.patches)


def test_distinctive_terms_are_ranked_bars_one_label_a_row(coal):
    ids = list(coal.articles["article_id"])
    fig = wording_plots.fightin_words(coal.wording.distinctive, article_ids=ids, label_top=6)
    for ax in fig.axes:
        ticks = list(ax.get_yticks())
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert len(set(ticks)) == len(ticks) == len(labels) and all(labels)
        heights = [p.get_width() for p in ax.patches]
        assert heights == sorted(heights)  # drawn bottom-up: the longest bar on top


def test_actor_tone_draws_the_most_named_and_says_how_many_are_left_out():
    articles, sentences = load_corpus(CORPUS_DIR / "2025-06-spiderweb-istanbul")
    view = labelled(compare(articles, sentences))
    fig = tone_plots.plot_actor_tone(view.tone.actors, top=3)
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == 3
    n_actors = view.tone.actors["actor"].nunique()
    if n_actors > 3:
        assert f"{n_actors - 3} actors named less often left out" in ax.get_title()


def test_every_figure_describes_itself(coal):
    figures = [
        tone_plots.plot_article_tone(coal.tone.articles),
        wording_plots.cue_rates(coal.wording.summary),
        wording_plots.fightin_words(coal.wording.distinctive, article_ids=list(coal.articles["article_id"])),
    ]
    for fig in figures:
        text = describe_figure(fig)
        assert text.startswith("Figure: ") and len(text) > 40


def test_article_colours_are_the_colour_blind_safe_palette():
    from analysis.plots.style import ARTICLE_COLOURS

    assert ARTICLE_COLOURS[:4] == [OKABE_ITO[k] for k in ("blue", "orange", "bluish_green", "reddish_purple")]
