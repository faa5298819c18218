"""The lesson's student and teacher editions: one source, answers only where they belong."""

from __future__ import annotations

import html
import re

import nbformat
import pytest

from analysis import load_corpus
from analysis.lesson import lesson_edition, numbered_article_html
from analysis.paths import CORPUS_DIR, NOTEBOOKS_DIR


def tiny_lesson() -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    teacher = nbformat.v4.new_markdown_cell("## Plan (teacher)\n\n| part | minutes |\n|---|---|\n| 1 | 15 |")
    teacher.metadata["tags"] = ["teacher"]
    predicted = nbformat.v4.new_code_cell("scores()")
    predicted.metadata["tags"] = ["answer"]
    predicted.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "polarity +0.500"})]
    shown = nbformat.v4.new_code_cell("import secret_module\ntable()")
    shown.outputs = [nbformat.v4.new_output("execute_result", {"text/html": "<table><tr><td>hailed</td></tr></table>"})]
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Two stories\n\nRead both texts."),
        teacher,
        nbformat.v4.new_markdown_cell(
            "### Exercise 1\nWho is quoted?\n\n<details><summary>Show answer</summary>\n<p>The mayor, with "
            "&quot;admitted&quot;.</p>\n</details>"
        ),
        predicted,
        shown,
        nbformat.v4.new_markdown_cell("<details><summary>What to look for (for the teacher)</summary>\n<p>Watch the verbs.</p>\n</details>"),
    ]
    return nb


def test_student_edition_has_no_code_answers_or_notes():
    page = lesson_edition(tiny_lesson(), "student", title="Two stories")
    assert "<title>Two stories · student edition</title>" in page
    for hidden in ("admitted", "Plan (teacher)", "Watch the verbs", "+0.500", "secret_module", "<details"):
        assert hidden not in page
    assert "hailed" in page  # a table the students need stays
    assert page.count('class="write"') == 3  # space for the answer, the prediction and notes


def test_teacher_edition_opens_answers_and_notes():
    page = lesson_edition(tiny_lesson(), "teacher")
    for shown in ("admitted", "Plan (teacher)", "Watch the verbs", "+0.500", "hailed"):
        assert shown in page
    assert "<details" not in page and "secret_module" not in page
    assert 'class="answer"' in page and 'class="teacher-note"' in page


def test_unknown_edition_is_refused():
    with pytest.raises(ValueError, match="edition"):
        lesson_edition(tiny_lesson(), "parent")


def test_articles_in_full_with_numbered_lines():
    articles, _ = load_corpus(CORPUS_DIR / "lesson-coal-plant-vote")
    row = articles.iloc[0]
    block = numbered_article_html(row, width=60)
    lines = [html.unescape(line) for line in re.findall(r"<li[^>]*>(.*?)</li>", block)]
    assert len(lines) >= len(row["body"]) // 60
    assert all(len(line) <= 60 or " " not in line for line in lines)
    words = " ".join(lines).split()
    assert words == row["body"].split()


def test_shipped_lesson_marks_its_answers_and_teacher_parts():
    nb = nbformat.read(NOTEBOOKS_DIR / "05-media-literacy-lesson.ipynb", as_version=4)
    tags = [set(c.metadata.get("tags", [])) for c in nb.cells]
    sources = "\n".join(c.source for c in nb.cells)
    assert any("teacher" in t for t in tags) and any("answer" in t for t in tags) and any("write" in t for t in tags)
    for part in ("Glossary", "Exit ticket", "Rubric", "min)", "omission lens fails", "report"):
        assert part in sources
    assert nb.metadata["lesson"]["events"]


def test_line_numbers_point_at_the_printed_line_where_each_sentence_starts():
    from analysis.lesson import _wrap_lines, line_numbers

    articles, sentences = load_corpus(CORPUS_DIR / "lesson-coal-plant-vote")
    lines = line_numbers(articles, sentences, width=50)
    assert len(lines) == len(sentences)
    for article_id, body in zip(articles["article_id"], articles["body"], strict=True):
        printed = [line for line, _ in _wrap_lines(body, 50)]
        mine = sentences.loc[sentences["article_id"] == article_id].merge(lines)
        assert list(mine["line"]) == sorted(mine["line"])
        for text, line in zip(mine["text"], mine["line"], strict=True):
            first_words = " ".join(text.split()[:2])
            assert first_words in printed[line - 1] + " " + (printed[line] if line < len(printed) else "")
