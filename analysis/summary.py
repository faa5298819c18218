"""A plain-text summary of a comparison, for the terminal."""

from __future__ import annotations

import textwrap

from analysis import present
from analysis.present import article_labels, labelled
from analysis.report_sections import differences

__all__ = ["text_summary"]


def _rule(title: str) -> str:
    return f"\n{title}\n{'─' * len(title)}"


def text_summary(comparison) -> str:
    """Readable lines: the articles, what was removed from each, then each section's highlights."""
    articles = comparison.articles
    labels = article_labels(articles)
    lines = [f"Comparing {len(articles)} articles"]
    lines.extend(f"Note: {note}" for note in comparison.language_notes)
    if len(articles) > present.READABLE_ARTICLES:
        return _at_scale_summary(comparison, lines)
    lines.append(_rule("Articles"))
    for row in articles.itertuples():
        label = labels[str(row.article_id)]
        lines.append(f"[{label}] {row.title}")
        if label != row.article_id:
            lines.append(f"    id: {row.article_id}")
        lines.append(f"    outlet: {row.outlet}   words: {row.n_words}   sentences: {row.n_sentences}")
        kinds = [piece["kind"] for piece in row.boilerplate]
        if kinds:
            counts = ", ".join(f"{kinds.count(k)} {k}" for k in dict.fromkeys(kinds))
            lines.append(f"    removed as boilerplate: {counts}")
        if row.syndicators:
            lines.append(f"    syndicated or credited by: {', '.join(row.syndicators)}")
    if comparison.sections:
        lines.append(_rule("Where they differ most"))
        for finding in differences(labelled(comparison)):
            lines.extend(textwrap.wrap(finding, width=100, initial_indent="- ", subsequent_indent="  "))
    lines.append("\nUse --json for every table, --html OUT.html for the report.")
    return "\n".join(lines)


def _at_scale_summary(comparison, lines: list[str]) -> str:
    """More articles than a side-by-side summary can show: a pointer to the corpus-scale
    measures and one line an article (the first ``READABLE_ARTICLES``)."""
    articles = comparison.articles
    lines.extend(textwrap.wrap(present.AT_SCALE_POINTER.format(n=len(articles), limit=present.READABLE_ARTICLES), width=100))
    lines.append(_rule("Articles (one line each)"))
    tone = comparison.sections["tone"].articles.set_index("article_id") if "tone" in comparison.sections else None
    for row in articles.head(present.READABLE_ARTICLES).itertuples():
        polarity = f"   polarity {tone.loc[row.article_id, 'polarity']:+.3f}" if tone is not None else ""
        lines.append(f"{row.article_id}  {row.outlet}  {row.n_words} words{polarity}")
    if len(articles) > present.READABLE_ARTICLES:
        lines.append(f"… and {len(articles) - present.READABLE_ARTICLES} more (--json lists every article)")
    return "\n".join(lines)
