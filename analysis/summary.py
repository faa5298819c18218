"""A plain-text summary of a comparison, for the terminal."""

from __future__ import annotations

import textwrap

__all__ = ["text_summary"]


def _rule(title: str) -> str:
    return f"\n{title}\n{'─' * len(title)}"


def text_summary(comparison) -> str:
    """Readable lines: the articles, what was removed from each, then each section's highlights."""
    articles = comparison.articles
    lines = [f"Comparing {len(articles)} articles"]
    lines.append(_rule("Articles"))
    for row in articles.itertuples():
        lines.append(f"[{row.article_id}] {row.title}")
        lines.append(f"    outlet: {row.outlet}   words: {row.n_words}   sentences: {row.n_sentences}")
        kinds = [piece["kind"] for piece in row.boilerplate]
        if kinds:
            counts = ", ".join(f"{kinds.count(k)} {k}" for k in dict.fromkeys(kinds))
            lines.append(f"    removed as boilerplate: {counts}")
        if row.syndicators:
            lines.append(f"    syndicated or credited by: {', '.join(row.syndicators)}")
    for name, result in comparison.sections.items():
        describe = getattr(result, "summary_lines", None)
        if describe is None:
            continue
        lines.append(_rule(name.capitalize()))
        lines.extend(textwrap.shorten(line, 160) if len(line) > 160 else line for line in describe())
    lines.append("\nUse --json for every table, --html OUT.html for the report.")
    return "\n".join(lines)
