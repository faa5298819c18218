"""The HTML report: one self-contained page a teacher can hand out and a journalist can send.

Figures are embedded as SVG data, the stylesheet is inline, there is no script and nothing is
fetched from the network. Every piece of article text goes through ``html.escape`` (directly, or
through ``DataFrame.to_html`` which escapes), so an article containing ``<script>`` shows as text.
"""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, cast

import pandas as pd

from analysis import present
from analysis.categories import cue_categories
from analysis.corpus import provenance
from analysis.present import article_labels, labelled
from analysis.report_parts import esc, figure_html, table_html
from analysis.report_sections import differences_section
from analysis.sections import SECTIONS, Section, limits

if TYPE_CHECKING:
    from analysis.compare import Comparison

__all__ = ["render_report", "figure_html", "html_format", "table_html", "esc"]


CSS = """
:root{--ink:#1d1d1f;--muted:#5a5a5f;--line:#e3e3e8;--bg:#fafafa;--accent:#0b57d0}
*{box-sizing:border-box}
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",sans-serif;color:var(--ink);
margin:0;background:#fff}
main{max-width:72rem;margin:0 auto;padding:1.5rem 1.25rem 4rem}
h1{font-size:1.8rem;line-height:1.25;margin:.2rem 0 .4rem}h2{font-size:1.35rem;margin:2.4rem 0 .6rem;
border-bottom:2px solid var(--line);padding-bottom:.3rem}h3{font-size:1.08rem;margin:1.5rem 0 .4rem}
p,li{max-width:48rem}.muted{color:var(--muted)}.small{font-size:.88rem}
nav{font-size:.92rem;margin:.6rem 0 1.2rem;display:flex;flex-wrap:wrap;gap:.3rem .9rem}
nav a{color:var(--accent);text-decoration:none}
.site-nav{padding:.4rem 0;border-bottom:1px solid var(--line)}
figure{margin:1rem 0}figure img{max-width:100%;height:auto;border:1px solid var(--line);border-radius:6px;background:#fff}
figcaption{font-size:.88rem;color:var(--muted);max-width:48rem}
.table-wrap{overflow-x:auto;margin:.6rem 0 1rem}
table{border-collapse:collapse;font-size:.88rem}
th,td{border-bottom:1px solid var(--line);padding:.3rem .55rem;text-align:left;vertical-align:top}
th{background:var(--bg);font-weight:600}
td{max-width:38rem;overflow-wrap:break-word;hyphens:auto}
.label{font-weight:700;margin:0;color:var(--accent)}
.collector{border-left:3px solid #e69f00;padding-left:.5rem}
@media (max-width:600px){main{padding:1rem .7rem 3rem}h1{font-size:1.3rem}h2{font-size:1.12rem}th,td{padding:.25rem .3rem}table{font-size:.8rem}}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:.8rem;margin:.8rem 0}
.card{border:1px solid var(--line);border-radius:8px;padding:.7rem .9rem;background:var(--bg)}
.card h3{margin:.1rem 0 .3rem;font-size:1rem}
.side-by-side{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1rem}
.article-text{border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem;font-size:.93rem;
max-height:38rem;overflow-y:auto;white-space:pre-wrap;background:#fff}
.differ li{margin:.35rem 0}
.limits li{margin:.4rem 0}
.note{border-left:4px solid #f0b429;background:#fffbea;padding:.5rem .8rem;margin:1rem 0;max-width:48rem}
mark{padding:0 .1rem;border-radius:3px}
@media print{.article-text{max-height:none;overflow:visible}.table-wrap{overflow:visible}nav{display:none}
[style*="max-height"]{max-height:none!important;overflow:visible!important}h2,h3{break-after:avoid}figure,tr{break-inside:avoid}
}
""" + present.CARDS_CSS


def html_format(template: str, /, **values: object) -> str:
    """``template.format(**values)`` with every value HTML-escaped: the one way a notebook puts
    text (a title, an outlet, a term) into HTML it displays. The template is the notebook's own
    markup; the values are data and never become markup.

    >>> html_format("<h4>{title}</h4>", title="<script>alert(1)</script>")
    '<h4>&lt;script&gt;alert(1)&lt;/script&gt;</h4>'
    """
    return template.format(**{name: esc(str(value)) for name, value in values.items()})


def _articles_section(comparison: Comparison) -> str:
    articles = comparison.articles
    cards = []
    for row in articles.itertuples():
        facts = [f"<b>Outlet:</b> {esc(str(row.outlet))}"]
        if row.date:
            facts.append(f"<b>Date:</b> {esc(str(row.date))}")
        facts.append(f"<b>Length:</b> {row.n_words} words, {row.n_sentences} sentences")
        if row.syndicators:
            facts.append(f"<b>Syndicated or credited by:</b> {esc(', '.join(cast('list[str]', row.syndicators)))}")
        if row.url:
            facts.append(f"<b>URL:</b> {esc(str(row.url))}")
        notes = (
            f'<p class="small collector"><b>Collector’s note</b> (written by whoever saved the file, '
            f"not by the outlet): {esc(str(row.notes))}</p>"
            if row.notes
            else ""
        )
        label = row.article_id  # the labelled copy: ids are labels
        cards.append(
            f'<div class="card"><p class="label">{esc(str(label))}</p><h3>{esc(str(row.title))}</h3>'
            f"<p class=\"small\">{'<br>'.join(facts)}</p>{notes}</div>"
        )
    removed = provenance(articles)
    parts = [
        '<h2 id="articles">The articles and where they came from</h2>',
        f'<div class="cards">{"".join(cards)}</div>',
        "<h3>What was removed before measuring, and why</h3>",
        "<p>Page furniture (disclaimers, “Similar Posts” links, share prompts, bylines, credits) is "
        "not the article. It is removed from the measured text and kept here, because it is evidence "
        "of how the text travelled: a syndicator that provides content “as is” does not vouch for it.</p>",
        table_html(removed, columns=["article_id", "kind", "why", "n_words", "text"]),
    ]
    if len(removed):
        from analysis.plots.corpus import plot_composition

        parts.append(
            figure_html(
                plot_composition(articles, removed),
                "Words of article text (analysed) and of boilerplate (removed) in each file.",
            )
        )
    return "\n".join(parts)


def _shown_sections(comparison: Comparison, sections: Sequence[Section]) -> list[Section]:
    """The sections to show, in order: each registered one the comparison computed (or that needs
    nothing computed), then one for every other result it holds, showing that result's tables."""
    shown = [s for s in sections if s.analyze is None or s.name in comparison.sections]
    known = {s.name for s in sections}
    for name in comparison.sections:
        if name not in known:
            shown.append(Section(name, name.capitalize(), partial(_tables_section, name)))
    return shown


def _tables_section(name: str, comparison: Comparison) -> str:
    """A result with no renderer of its own: its heading and every table it holds."""
    result = comparison.sections[name]
    parts = [f'<h2 id="{esc(name)}">{esc(name.capitalize())}</h2>']
    for item in dataclasses.fields(result) if dataclasses.is_dataclass(result) else []:
        value = getattr(result, item.name)
        if isinstance(value, pd.DataFrame):
            parts.append(f"<h3>{esc(item.name.replace('_', ' ').capitalize())}</h3>")
            parts.append(table_html(value, max_rows=20))
    return "\n".join(parts)


def _limits_section(comparison: Comparison, shown: Sequence[Section]) -> str:
    """What the measures cannot see: the general caveats, then each shown section's
    (``analysis/lexicons/report_limits.csv``, ``analysis.sections.limits``)."""
    items = limits("general")
    for name in [section.name for section in shown]:
        items.extend(limits(name))
        if name == "wording":
            kinds = "; ".join(f"{html.escape(c.name)}: {html.escape(c.meaning)}" for c in cue_categories())
            items.append(f"<b>Cue kinds</b> come from curated lists, each entry with a rationale and a source "
                         f"({kinds}); a word missing from every list is found only by the model.")
    lis = "".join(f"<li>{item}</li>" for item in items)
    return f'<h2 id="limits">What these measures cannot see</h2><ul class="limits">{lis}</ul>'


def _data_section(comparison: Comparison, json_href: str | None) -> str:
    ids = ", ".join(
        f"{esc(label)} = <code>{esc(aid)}</code>" for aid, label in article_labels(comparison.articles).items()
    )
    link = (
        f'<a href="{esc(json_href)}">{esc(json_href)}</a> holds every table in full, with the full article ids'
        if json_href
        else "<code>python -m analysis compare … --json</code> prints every table in full, with the full "
        "article ids"
    )
    return f'<h2 id="data">The full data</h2><p>{link}. Article labels on this page: {ids}.</p>'


def _at_scale_report(comparison: Comparison, json_href: str | None) -> str:
    """More articles than a side-by-side report can show: the pointer to corpus-scale measures,
    one row an article with its headline figures, and the limits."""
    articles = comparison.articles
    table = articles[["article_id", "outlet", "title", "n_words", "n_sentences"]]
    if "tone" in comparison.sections:
        tone = comparison.sections["tone"].articles[["article_id", "polarity", "vader_compound"]]
        table = table.merge(tone, on="article_id", how="left")
    link = f' (<a href="{esc(json_href)}">{esc(json_href)}</a>)' if json_href else ""
    heading = f"Comparing {len(articles)} articles"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{esc(heading)}</title><style>{CSS}</style></head>
<body><main>
<h1>{esc(heading)}</h1>
<p>{esc(present.AT_SCALE_POINTER.format(n=len(articles), limit=present.READABLE_ARTICLES))}{link}</p>
<h2 id="articles">The articles</h2>
{table_html(table, max_rows=present.READABLE_ARTICLES)}
{_limits_section(comparison, _shown_sections(comparison, SECTIONS))}
</main></body></html>
"""


#: The most characters of an article's title the report's heading shows (an article without a
#: headline is titled by its first line, up to 200 characters: two of those filled a phone's screen).
HEADING_TITLE_CHARS = 80


def _heading_title(title: str) -> str:
    """``title`` cut at a word boundary to at most :data:`HEADING_TITLE_CHARS` characters, with
    "…" where it was cut (the whole title stays in the articles section)."""
    if len(title) <= HEADING_TITLE_CHARS:
        return title
    cut = title[: HEADING_TITLE_CHARS - 1]
    if " " in cut.strip():
        cut = cut[: cut.rstrip().rfind(" ")]
    return cut.rstrip(" ,;:—–-") + "…"


def render_report(
    comparison: Comparison,
    *,
    sections: Sequence[Section] = SECTIONS,
    json_href: str | None = None,
) -> str:
    """The whole report as one HTML string (see the module docstring for what it guarantees).

    Articles are named by their short labels; ``json_href`` links the report's JSON twin.
    ``sections`` (default: the registry, ``analysis.sections.SECTIONS``) are shown in order: each
    one the comparison computed, and every report-only one. A result the comparison holds with no
    section to show it is shown as its tables, never dropped.
    """
    if len(comparison.articles) > present.READABLE_ARTICLES:
        return _at_scale_report(comparison, json_href)
    data = _data_section(comparison, json_href)
    comparison = labelled(comparison)

    titles = [str(t) for t in comparison.articles["title"]]
    heading = "Comparing " + " · ".join(f"“{_heading_title(t)}”" for t in titles[:3]) + (" …" if len(titles) > 3 else "")
    shown = _shown_sections(comparison, sections)
    body_parts = [differences_section(comparison), _articles_section(comparison)]
    nav = ['<a href="#differ">Where they differ</a>', '<a href="#articles">Articles</a>']
    for section in shown:
        body_parts.append(section.render(comparison))
        nav.append(f'<a href="#{esc(section.name)}">{esc(section.title)}</a>')
    body_parts.append(_limits_section(comparison, shown))
    body_parts.append(data)
    nav.append('<a href="#limits">Limits</a>')
    nav.append('<a href="#data">Data</a>')
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{esc(heading)}</title><style>{CSS}</style></head>
<body><main>
<p class="muted small">Source-bias comparison report · {len(titles)} articles</p>
<h1>{esc(heading)}</h1>
{"".join(f'<p class="note">{esc(note)}</p>' for note in comparison.language_notes)}
<nav>{"".join(nav)}</nav>
{"".join(body_parts)}
<p class="muted small">Made with the source-bias comparison suite (<code>python -m analysis compare … --html</code>).
Numbers describe the texts; they are not verdicts about the outlets.</p>
</main></body></html>
"""
