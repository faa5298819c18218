"""The sections of the HTML report: where the articles differ, tone, wording, emphasis, limits.

Each section reads the tables of a ``Comparison`` and returns HTML; figures come from
``analysis.plots``, imported by the sections that draw, when they draw (matplotlib costs a third of a
second that ``compare --json`` and the terminal summary, which read ``differences``, never need). All article text is escaped (``esc`` or ``table_html``); the highlighted
texts come from ``analysis.wording.highlight_html``, which escapes the body itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from analysis.report_parts import esc, figure_html, table_html
from analysis.voice import QUOTED
from analysis.wording import highlight_html

if TYPE_CHECKING:
    from analysis.compare import Comparison

__all__ = ["differences", "differences_section", "emphasis_section", "highlighted_texts_html", "tone_section",
           "wording_section"]

# ---------------------------------------------------------------------------------------------
# Where they differ (verdict-free summary)
# ---------------------------------------------------------------------------------------------


#: A spread of TextBlob polarity between articles above which the summary calls it wide rather
#: than small: two unrelated news articles differ by 0.07 at the median and by 0.13 at the third
#: quartile (5,000 random pairs of the 985 MBIC articles).
WIDE_TONE_SPREAD = 0.1


def differences(comparison: Comparison) -> list[str]:
    """Plain-text findings: where the articles differ most, without a verdict. HTML-free."""
    lines: list[str] = []
    ids = [str(a) for a in comparison.articles["article_id"]]
    sections = comparison.sections

    if "tone" in sections:
        tone = sections["tone"].articles.set_index("article_id")
        spread = tone["polarity"].max() - tone["polarity"].min()
        parts = ", ".join(
            f"{a} {tone.loc[a, 'polarity']:+.3f} (VADER {tone.loc[a, 'vader_compound']:+.3f})" for a in ids
        )
        caveat = ("A small spread does not mean the same framing" if spread < WIDE_TONE_SPREAD else
                  "A spread this wide can come from what each article covers as much as from how it tells it")
        lines.append(
            f"Tone: TextBlob polarity of the cleaned texts {parts}; spread {spread:.3f} on a scale of "
            f"−1 to +1. {caveat}: see the wording cues."
        )
        loaded = sections["tone"].unscored_loaded
        for a in ids:
            terms = list(loaded.loc[loaded["article_id"] == a].sort_values("score", ascending=False)["term"].head(5))
            if terms:
                lines.append(f"Loaded words TextBlob does not score in {a}: {', '.join(terms)}.")

    if "wording" in sections:
        wording = sections["wording"]
        cues = wording.cues
        strong = cues.loc[cues["score"] >= wording.flag_threshold]
        quoted = strong["voice"] == QUOTED if "voice" in strong.columns else pd.Series(False, index=strong.index)
        summary = wording.summary.groupby("article_id")[["narrator_words", "quoted_words"]].first() \
            if len(wording.summary) and "narrator_words" in wording.summary.columns else None
        for a in ids:
            mine = strong.loc[(strong["article_id"] == a) & ~quoted].sort_values("score", ascending=False)
            theirs = strong.loc[(strong["article_id"] == a) & quoted].sort_values("score", ascending=False)
            if summary is not None and a in summary.index:
                n_words = int(summary.loc[a, "narrator_words"]) or 1
            else:
                n_words = int(comparison.articles.set_index("article_id")["n_words"].loc[a]) or 1
            terms = list(dict.fromkeys(mine["term"].str.lower()))[:6]
            noun = "strong cue" if len(mine) == 1 else "strong cues"
            line = (f"Wording in {a}: {len(mine)} {noun} in the outlet's own words "
                    f"({1000 * len(mine) / n_words:.1f} per 1,000 of them)"
                    + (f", led by {', '.join(terms)}" if terms else ""))
            if len(theirs):
                named = _actor_of_alias(sections["emphasis"].actors, a) if "emphasis" in sections else {}
                speakers = [_speaker_actor(s, named) for s in theirs["speaker"].dropna() if s]
                who = ", ".join(f"{s} ({n})" for s, n in pd.Series(speakers).value_counts().head(3).items())
                quoted_terms = ", ".join(list(dict.fromkeys(theirs["term"].str.lower()))[:4])
                line += (f"; {len(theirs)} more inside quotations ({quoted_terms})"
                         + (f", said by {who}" if who else ""))
            lines.append(line + ".")
        naming = wording.naming
        if len(naming):
            for a in ids:
                mine = naming.loc[naming["article_id"] == a]
                if len(mine):
                    voices = {"quoted": "; a quoted speaker's word", "mixed": "; partly in quotations"}
                    used = ", ".join(
                        f"{r.term} ({getattr(r, 'reading', r.variant)}{voices.get(getattr(r, 'voice', ''), '')})"
                        for r in mine.itertuples()
                    )
                    lines.append(f"Naming in {a}: {used}.")

    if "emphasis" in sections:
        emphasis = sections["emphasis"]
        actors = emphasis.actors
        if len(actors):
            # The largest few actors of the event (most mentions in all articles), then the ones
            # whose space differs most between articles among them.
            totals = actors.groupby("actor")["mentions"].sum().sort_values(ascending=False, kind="stable")
            largest = list(totals.index[:6])
            table = actors[actors["actor"].isin(largest)].pivot_table(
                index="actor", columns="article_id", values="share", fill_value=0.0)
            table = table.reindex(columns=ids, fill_value=0.0)
            gap = (table.max(axis=1) - table.min(axis=1)).sort_values(ascending=False, kind="stable")
            kinds = actors.drop_duplicates("actor").set_index("actor")["kind"] if "kind" in actors.columns else {}
            for actor in gap.index[:3]:
                shares = ", ".join(f"{a} {table.loc[actor, a]:.0%}" for a in ids)
                kind = f", {kinds[actor]}" if len(kinds) and actor in kinds else ""
                lines.append(f"Space given to {actor}{kind} (share of sentences naming it): {shares}.")
        attribution = emphasis.attribution_summary.set_index("article_id")
        if len(attribution):
            parts = ", ".join(
                f"{a} {attribution.loc[a, 'attributed_share']:.0%} of sentences attributed"
                f" ({int(attribution.loc[a, 'n_doubt'])} with doubt-casting verbs)"
                for a in ids
                if a in attribution.index
            )
            lines.append(f"Sourcing: {parts}.")
        unique = emphasis.unique.groupby("article_id").size().reindex(ids, fill_value=0)
        totals = comparison.articles.set_index("article_id")["n_sentences"].reindex(ids)
        parts = ", ".join(f"{a} {unique[a]} of {totals[a]}" for a in ids)
        pairs = len(emphasis.aligned)
        covers = "sentence pair covers" if pairs == 1 else "sentence pairs cover"
        lines.append(
            f"Content: {pairs} {covers} the same ground; sentences with no counterpart in another article: {parts}."
        )
    return lines


def _actor_of_alias(actors: pd.DataFrame, article_id: str) -> dict[str, str]:
    """Alias -> actor for the actors named in ``article_id`` (the emphasis lens's actor table)."""
    mine = actors.loc[actors["article_id"].astype(str) == article_id] if "aliases" in actors.columns else actors.iloc[:0]
    return {alias: actor for actor, aliases in zip(mine["actor"], mine["aliases"], strict=True)
            for alias in (aliases if isinstance(aliases, list) else [])}


def _speaker_actor(speaker: str, actor_of: dict[str, str]) -> str:
    """The actor a quoted speaker names: the one whose longest alias the speaker's words are or end
    with ("Carlson" and "Fox News’ Tucker Carlson" are both Tucker Carlson), else the speaker as
    written ("officials", "he")."""
    ends = [alias for alias in actor_of if speaker == alias or speaker.endswith(" " + alias)]
    return actor_of[max(ends, key=len)] if ends else speaker


def differences_section(comparison: Comparison, *, heading: bool = True) -> str:
    """The findings of ``differences`` as HTML (with its heading and a line on how to read it)."""
    items = "".join(f"<li>{esc(line)}</li>" for line in differences(comparison))
    intro = (
        '<h2 id="differ">Where these articles differ most</h2>'
        "<p>What the measures below find, side by side. None of it is a verdict on which article is "
        "biased or right: each line is a place to read closely.</p>"
        if heading
        else ""
    )
    return f'{intro}<ul class="differ">{items}</ul>'



# ---------------------------------------------------------------------------------------------
# Tone, wording, emphasis
# ---------------------------------------------------------------------------------------------


def tone_section(comparison: Comparison) -> str:
    from analysis.plots import tone as tone_plots

    tone = comparison.sections["tone"]
    parts = [
        '<h2 id="tone">Tone</h2>',
        "<p>TextBlob scores each cleaned text from −1 (negative) to +1 (positive); VADER is a second "
        "lexicon averaged over sentences. “With boilerplate” shows what the score would have been had "
        "the page furniture been left in.</p>",
        table_html(
            tone.articles,
            columns=["article_id", "polarity", "polarity_with_boilerplate", "subjectivity", "vader_compound",
                     "n_sentences"],
        ),
        figure_html(tone_plots.plot_article_tone(tone.articles), "Document tone by instrument."),
        figure_html(
            tone_plots.plot_driving_words(tone.driving_words),
            "The words behind each TextBlob score: bars show each word's pull on the average.",
            narrow=tone_plots.plot_driving_words(tone.driving_words, columns=1),
        ),
        "<h3>Loaded words the tone score cannot see</h3>",
        "<p>Words flagged as loaded by the wording analysis that TextBlob's lexicon scores 0 or does "
        "not know: they shape a reader's impression but add nothing to the number above.</p>",
        table_html(tone.unscored_loaded, columns=["article_id", "term", "count", "score", "why"], max_rows=20),
        "<h3>Tone toward each actor</h3>",
        figure_html(
            tone_plots.plot_actor_tone(tone.actors),
            "Mean polarity of the sentences naming each actor, with a bootstrap 95% interval; n = number "
            "of sentences (hollow markers: fewer than five).",
        ),
        figure_html(tone_plots.plot_tone_arc(tone.sentences), "Sentence polarity along each article."),
        "<h3>Where the two instruments disagree</h3>",
        table_html(tone.disagreements, columns=["article_id", "sent_id", "polarity", "vader_compound", "text"],
                   max_rows=12),
    ]
    return "\n".join(parts)


def highlighted_texts_html(comparison: Comparison, *, min_score: float | None = None) -> str:
    """Every article's body side by side, cues at or above ``min_score`` marked (escaped HTML).

    Styles are inline, so the block shows the same in a notebook, a rendered page and the report.
    """
    wording = comparison.sections["wording"]
    threshold = wording.flag_threshold if min_score is None else min_score
    columns = []
    for row in comparison.articles.itertuples():
        cues = wording.cues.loc[wording.cues["article_id"] == row.article_id]
        columns.append(
            '<div style="flex:1 1 20rem;min-width:0">'
            f'<h4 style="margin:.2rem 0 .4rem">{esc(str(row.article_id))}</h4>'
            '<div style="border:1px solid #ddd;border-radius:8px;padding:.7rem .9rem;max-height:34rem;'
            'overflow-y:auto;font-size:.92rem;line-height:1.5">'
            f"{highlight_html(str(row.body), cues, min_score=threshold, legend=False)}</div></div>"
        )
    legend = highlight_html("", wording.cues.iloc[0:0], legend=True)
    return f'{legend}<div style="display:flex;flex-wrap:wrap;gap:1rem">{"".join(columns)}</div>'


def wording_section(comparison: Comparison) -> str:
    from analysis.plots import wording as wording_plots

    wording = comparison.sections["wording"]
    articles = comparison.articles
    parts = [
        '<h2 id="wording">Wording</h2>',
        "<p>Each text with its strongest cues marked by kind: loaded and evaluative words, hedges, "
        "boosters, attribution verbs, naming variants and propaganda-technique labels, each with its "
        "own colour and underline. Tap, click or tab to a mark to see why it was flagged.</p>",
        highlighted_texts_html(comparison),
        "<h3>The same passage, different words</h3>",
        table_html(wording.contrasts, columns=["a_id", "a_text", "b_id", "b_text", "a_cues", "b_cues"],
                   max_rows=8),
        "<h3>Naming: whose vocabulary</h3>",
        table_html(wording.naming, columns=["article_id", "group", "term", "variant", "count"]),
        "<h3>Distinctive terms</h3>",
        "<p>Each article against the rest: a high z means the article uses the term more than the "
        "others and than general English would lead one to expect. With short texts, |z| below 2 is a "
        "lead to read, not evidence.</p>",
        table_html(
            wording.distinctive.sort_values(["article_id", "z"], ascending=[True, False])
            .groupby("article_id")
            .head(10),
            columns=["article_id", "term", "count", "z"],
            max_rows=40,
        ),
        figure_html(
            wording_plots.fightin_words(wording.distinctive, article_ids=list(articles["article_id"])),
            "Words each article uses more than the other(s), against general English (log-odds with an "
            "informative Dirichlet prior, Monroe et al. 2008).",
        ),
        figure_html(wording_plots.cue_rates(wording.summary),
                    "Wording cues per 1,000 words, by kind: every cue found (top) and the flags, cues at or above "
                    "the flag line (bottom). A hedge found but not flagged is still a hedge."),
    ]
    return "\n".join(parts)


def _largest_actors(actors, top: int = 10):
    """The event's ``top`` actors by mentions in all articles, one row per article, largest first."""
    if actors.empty:
        return actors
    totals = actors.groupby("actor")["mentions"].sum().sort_values(ascending=False, kind="stable")
    rank = {a: i for i, a in enumerate(totals.index[:top])}
    kept = actors[actors["actor"].isin(rank)]
    return kept.assign(_rank=kept["actor"].map(rank)).sort_values(["_rank", "article_id"]).drop(columns="_rank")


def _topic_view(emphasis):
    """Keyword topics when the user gave a topic file, else the automatic clusters."""
    if len(emphasis.topics):
        return emphasis.topics
    shares = emphasis.cluster_shares
    return shares.rename(columns={"label": "topic"})[["article_id", "topic", "n_sentences", "share"]] if len(shares) else emphasis.topics


def emphasis_section(comparison: Comparison) -> str:
    from analysis.plots import emphasis as emphasis_plots

    emphasis = comparison.sections["emphasis"]
    ids = list(comparison.articles["article_id"])
    parts = [
        '<h2 id="emphasis">Emphasis and sourcing</h2>',
        "<p>Who gets the space and the lead, which topics fill each text, who is cited and how, and "
        "what one article reports that another leaves out.</p>",
        figure_html(emphasis_plots.plot_actor_shares(emphasis.actors),
                    "Share of each article's sentences naming each actor."),
        table_html(_largest_actors(emphasis.actors),
                   columns=["article_id", "actor", "kind", "aliases", "mentions", "share", "first_sent_id",
                            "in_headline", "in_lead"]),
        figure_html(emphasis_plots.plot_positions(emphasis.positions),
                    "Where in each article each actor is named (0 = start, 1 = end)."),
        figure_html(emphasis_plots.plot_topic_shares(_topic_view(emphasis)),
                    "Share of sentences per topic (keyword topics when a topic file was given, else the "
                    "automatic clusters, labelled by their most used words)."),
        "<h3>Who is cited, and how</h3>",
        table_html(emphasis.sources, columns=["article_id", "sent_id", "source", "actor", "verb", "stance", "named"]),
        table_html(emphasis.attribution_summary,
                   columns=["article_id", "n_sentences", "n_attributed", "attributed_share", "n_named",
                            "n_unnamed", "n_doubt"]),
        "<h3>Shared and unique content</h3>",
    ]
    if len(ids) >= 2:
        parts.append(
            figure_html(
                emphasis_plots.plot_alignment(emphasis.aligned, emphasis.unique, comparison.sentences,
                                              a_id=ids[0], b_id=ids[1]),
                f"Sentences of {ids[0]} and {ids[1]} that cover the same ground (lines), and those with no "
                "counterpart (diamonds).",
            )
        )
    parts += [
        table_html(emphasis.aligned, columns=["a_id", "a_sent_id", "b_id", "b_sent_id", "similarity", "a_text",
                                              "b_text"], max_rows=10),
        "<h3>Reported by one article only</h3>",
        table_html(emphasis.unique, columns=["article_id", "sent_id", "text"], max_rows=20),
        "<h3>Names and numbers one article leaves out</h3>",
        table_html(emphasis.omissions, columns=["article_id", "kind", "surface", "absent_from"], max_rows=20),
    ]
    return "\n".join(parts)

