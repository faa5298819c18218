"""The media-literacy lesson as classroom material: a student and a teacher edition.

Both editions are built from the executed lesson notebook, so the lesson has one text:

- prose (markdown cells) appears in both editions, without code;
- ``<details>`` blocks are answers and teacher notes: the teacher edition prints them open, the
  student edition replaces each with lined space to write (a cell tagged ``write`` gets space
  after it too);
- cells tagged ``teacher`` (plan and timings, notes, rubric) appear in the teacher edition only;
  cells tagged ``student`` in the student edition only;
- a code cell's outputs (tables, figures, printed text) appear in both editions, unless the cell
  is tagged ``answer`` (its output reveals an answer: teacher only, the student gets space to
  write a prediction); code itself never appears;
- both editions end with every article of the lesson's events in full, with numbered lines, so a
  class can work from paper.

Print CSS sets margins that fit both A4 and US Letter, wraps long words and tables instead of
clipping them, and keeps a figure or an answer on one page where it can.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Iterable, Sequence
from pathlib import Path

import mistune
import nbformat
import pandas as pd

from analysis.paths import PROJECT_ROOT

__all__ = ["EDITIONS", "LINE_WIDTH", "lesson_edition", "line_numbers", "numbered_article_html"]

#: The two editions, with what each page says it is.
EDITIONS = {
    "student": "Student edition — questions, texts and space to write (no answers)",
    "teacher": "Teacher edition — plan and timings, answers, notes, rubric and exit ticket",
}

_DETAILS = re.compile(r"<details>\s*<summary>(.*?)</summary>(.*?)</details>", re.S | re.I)
_markdown = mistune.create_markdown(escape=False, plugins=["table", "strikethrough"])

CSS = """
:root{--ink:#1d1d1f;--muted:#55555a;--line:#d9d9de;--accent:#0b57d0}
*{box-sizing:border-box}
body{font:16px/1.55 Georgia,"Times New Roman",serif;color:var(--ink);margin:0;background:#fff}
main{max-width:46rem;margin:0 auto;padding:1rem 1rem 3rem}
h1{font:700 1.7rem/1.25 system-ui,sans-serif;margin:.4rem 0}h2,h3{font-family:system-ui,sans-serif}
h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.08rem;margin:1.4rem 0 .4rem}
p,li{overflow-wrap:anywhere}
a{color:var(--accent)}
.edition{font:600 .9rem/1.3 system-ui,sans-serif;color:var(--muted);margin:.2rem 0}
.site-nav{font:.95rem system-ui,sans-serif;display:flex;flex-wrap:wrap;gap:.4rem 1rem;padding:.6rem 0;
border-bottom:1px solid var(--line)}
.answer,.teacher-note{border-left:4px solid #0072b2;background:#f2f7fb;padding:.4rem .8rem;margin:.8rem 0;
break-inside:avoid}
.teacher-note{border-left-color:#e69f00;background:#fdf6e8}
.tag{font:700 .78rem/1.2 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.05em;margin:.2rem 0}
.write{border:1px solid var(--line);border-radius:4px;margin:.6rem 0 1rem;
background:repeating-linear-gradient(#fff 0 1.95rem,#c9c9cf 1.95rem 2rem);break-inside:avoid}
.write span{display:block;font:.8rem system-ui,sans-serif;color:var(--muted);padding:.1rem .4rem}
.output{margin:.6rem 0;overflow-x:auto;max-width:100%}
.output table{border-collapse:collapse;font:.85rem/1.35 system-ui,sans-serif;width:100%}
.output th,.output td{border-bottom:1px solid var(--line);padding:.25rem .4rem;text-align:left;vertical-align:top;
overflow-wrap:break-word;hyphens:auto}
.output pre{white-space:pre-wrap;overflow-wrap:anywhere;font-size:.85rem;margin:0}
.output img{max-width:100%;height:auto}
.article{break-before:page;margin-top:2rem}
.article h3{margin-bottom:.1rem}.article .meta{font:.85rem system-ui,sans-serif;color:var(--muted);margin:0 0 .5rem}
ol.lines{font:.95rem/1.6 Georgia,serif;padding-left:3.2em;margin:.4rem 0}
ol.lines li{padding-left:.3em;overflow-wrap:anywhere}ol.lines li::marker{color:var(--muted);font-size:.8em}
ol.lines li.para{margin-top:.7em}
@page{size:auto;margin:16mm 14mm}
@media print{
 body{font-size:11pt}main{max-width:none;padding:0}.site-nav{display:none}
 a{color:inherit;text-decoration:none}
 h2,h3{break-after:avoid}figure,img,table,.write,.answer,.teacher-note{break-inside:avoid}
 .output{overflow:visible}.output table{font-size:8.5pt}
}
"""


def _write_space(lines: int, prompt: str = "Your answer") -> str:
    return f'<div class="write" style="height:{2 * lines + 1.2}rem"><span>{html.escape(prompt)}</span></div>'


def _markdown_cell(source: str, edition: str) -> str:
    def details(match: re.Match[str]) -> str:
        summary, inner = match.group(1), match.group(2)
        is_answer = "answer" in summary.lower()
        if edition == "student":  # the questions before it need room for an answer or notes
            return _write_space(4) if is_answer else _write_space(6, "Your notes")
        kind = "answer" if is_answer else "teacher-note"
        tag = "Answer" if is_answer else re.sub(r"<[^>]+>", "", summary).strip() or "Note for the teacher"
        return f'<div class="{kind}"><p class="tag">{html.escape(tag)}</p>{inner}</div>'

    source = _DETAILS.sub(details, source)
    # Code spans naming notebook internals are read as plain words in print.
    return str(_markdown(source))


def _output_html(output: nbformat.NotebookNode) -> str:
    data = output.get("data", {})
    if output.get("output_type") == "stream":
        if output.get("name") == "stderr":
            return ""
        return f"<pre>{html.escape(str(output.get('text', '')))}</pre>"
    if "image/svg+xml" in data:
        svg = "".join(data["image/svg+xml"]) if isinstance(data["image/svg+xml"], list) else data["image/svg+xml"]
        return svg
    if "image/png" in data:
        alt = output.get("metadata", {}).get("image/png", {}).get("alt") or "A figure of the lesson."
        return f'<img src="data:image/png;base64,{data["image/png"]}" alt="{html.escape(alt, quote=True)}">'
    if "text/html" in data:
        return str(data["text/html"])
    if "text/plain" in data:
        return f"<pre>{html.escape(str(data['text/plain']))}</pre>"
    return ""


def _tags(cell: nbformat.NotebookNode) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


#: Characters a line in the printed texts (fits A4 and Letter at 11 pt with margins).
LINE_WIDTH = 68


def _paragraphs(body: str) -> list[tuple[int, str]]:
    """(start offset, text) of each non-blank line of ``body``: the texts' paragraphs."""
    return [(m.start(), m.group()) for m in re.finditer(r"[^\n]*\S[^\n]*", body)]


def _wrap(paragraph: str, width: int) -> list[str]:
    return textwrap.wrap(" ".join(paragraph.split()), width=width, break_long_words=False, break_on_hyphens=False)


def _wrap_lines(body: str, width: int) -> list[tuple[str, bool]]:
    """(line, starts a paragraph) for ``body`` wrapped at ``width`` characters."""
    lines: list[tuple[str, bool]] = []
    for _, paragraph in _paragraphs(body):
        for i, line in enumerate(_wrap(paragraph, width)):
            lines.append((line, i == 0 and bool(lines)))
    return lines


def line_numbers(articles: pd.DataFrame, sentences: pd.DataFrame, *, width: int = LINE_WIDTH) -> pd.DataFrame:
    """``article_id, sent_id, line``: the printed line (see :func:`numbered_article_html`) where each
    sentence starts, so the lesson's tables can point at the paper texts."""
    rows = []
    for article_id, body in zip(articles["article_id"], articles["body"], strict=True):
        starts: list[tuple[int, int]] = []  # (offset of a line's first word, line number)
        number = 0
        for offset, paragraph in _paragraphs(str(body)):
            words = [m.start() + offset for m in re.finditer(r"\S+", paragraph)]
            k = 0
            for line in _wrap(paragraph, width):
                number += 1
                starts.append((words[k], number))
                k += len(line.split())
        mine = sentences.loc[sentences["article_id"] == article_id]
        for sent_id, start in zip(mine["sent_id"], mine["start"], strict=True):
            line_number = next((n for first, n in reversed(starts) if first <= start), 1)
            rows.append((article_id, int(sent_id), line_number))
    return pd.DataFrame(rows, columns=["article_id", "sent_id", "line"])


def numbered_article_html(article: pd.Series | dict, *, width: int = LINE_WIDTH) -> str:
    """One article's cleaned text with numbered lines (``width`` characters a line), its label,
    title and outlet above, so a class can say "B, line 12" on paper."""
    get = article.get
    items = "".join(
        ('<li class="para">' if para else "<li>") + f"{html.escape(line)}</li>"
        for line, para in _wrap_lines(str(get("body", "")), width)
    )
    facts = [str(get("outlet") or "")] + ([str(get("date"))] if get("date") else [])
    return (
        f'<section class="article"><h3>{html.escape(str(get("label") or get("article_id")))} — '
        f'{html.escape(str(get("title") or ""))}</h3><p class="meta">{html.escape(" · ".join(f for f in facts if f))}</p>'
        f'<ol class="lines">{items}</ol></section>'
    )


def lesson_edition(
    nb: nbformat.NotebookNode,
    edition: str,
    *,
    articles: Iterable[pd.DataFrame] = (),
    title: str = "Media-literacy lesson",
    nav: str = "",
) -> str:
    """One edition (``"student"`` or ``"teacher"``) of an executed lesson notebook, as a page.

    ``articles`` are the articles tables of the lesson's events; each article is appended in
    full with numbered lines. ``nav`` is HTML for the site's links (hidden in print).
    """
    if edition not in EDITIONS:
        raise ValueError(f"edition must be one of {sorted(EDITIONS)}, not {edition!r}")
    other = "teacher" if edition == "student" else "student"
    parts: list[str] = []
    for cell in nb.cells:
        tags = _tags(cell)
        if other in tags:
            continue
        if cell.cell_type == "markdown":
            parts.append(_markdown_cell(cell.source, edition))
            if "write" in tags and edition == "student":
                parts.append(_write_space(8, "Your answers"))
        elif cell.cell_type == "code":
            if "answer" in tags and edition == "student":
                parts.append(_write_space(3, "Your prediction"))
                continue
            shown = "".join(_output_html(o) for o in cell.get("outputs", []))
            if shown.strip():
                label = '<p class="tag">What the tool shows</p>' if "answer" in tags else ""
                parts.append(f'<div class="output">{label}{shown}</div>')
    texts = [
        numbered_article_html(row)
        for frame in articles
        for _, row in frame.iterrows()
    ]
    if texts:
        parts.append(
            '<h2 id="texts">The articles in full</h2><p>Each text as the suite measured it (page furniture '
            "removed; see the exercises on provenance), with numbered lines to refer to.</p>"
        )
        parts.extend(texts)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{html.escape(title)} · {edition} edition</title><style>{CSS}</style></head>
<body><main>{nav}
<p class="edition">{html.escape(EDITIONS[edition])}</p>
{"".join(parts)}
</main></body></html>
"""


def lesson_events(nb: nbformat.NotebookNode, default: Sequence[Path]) -> list[Path]:
    """The event folders the lesson reads (``metadata.lesson.events``, relative to the project
    root), else ``default``."""
    events = nb.metadata.get("lesson", {}).get("events")
    return [PROJECT_ROOT / e for e in events] if events else list(default)
