"""Fuzz the command line end to end (issue 15, build item 9).

Hypothesis writes hostile article files (front matter with computed or repeated keys and markup in
its values, several encodings, control characters, pathological punctuation runs) and drives
``compare`` (and, a few times, ``render`` on a one-notebook folder) through ``analysis.cli.main``.
Whatever it writes: the exit status is 0 or 2, nothing escapes as a traceback, the inputs are
unchanged, an output is whole or absent, and no page holds live markup from the data.
"""

from __future__ import annotations

import codecs
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.cli import main
from tests.test_notebook_html import MARK, live_markup

SENTENCES = [
    "Ukraine said its drones struck Russian air bases on Sunday.",
    "Officials said the talks in Istanbul would resume on Monday.",
    "Critics called the strike a masterstroke, while Moscow claimed it was a symbolic move.",
    "The ministry reportedly denied that any aircraft were lost.",
]
PATHOLOGICAL = ["." * 300, "!?" * 150, "…" * 200, "“" * 200, "(" * 300, "A." * 200, "😀" * 100,
                "\u200b" * 50, "\t\x0b\x0c", "\x01\x02\x1b[31m", "<script>alert('" + MARK + "')</script>",
                "<img src=x onerror=alert('" + MARK + "')>", "&amp;&lt;", "\ud800"]
KEYS = ["title", "outlet", "date", "url", "notes", "label", "author", "tags", "body", "boilerplate",
        "article_id", "n_words", "syndicators", "path"]
VALUES = st.sampled_from([
    "Plain title", f"<script>alert('{MARK}')</script>", f'"><svg onload=alert("{MARK}")>', "2025-06-02",
    "not-a-date", "[a, b]", "ABC", "", "'quoted'", "x" * 300,
])
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-32", "latin-1", "cp1252"]


@st.composite
def article_file(draw) -> bytes:
    keys = draw(st.lists(st.sampled_from(KEYS), max_size=4))
    front = "".join(f"{k}: {draw(VALUES)}\n" for k in keys)
    pieces = draw(st.lists(st.sampled_from(SENTENCES + PATHOLOGICAL), min_size=1, max_size=6))
    body = " ".join(pieces)
    text = (f"---\n{front}---\n" if keys or draw(st.booleans()) else "") + body + "\n"
    encoding = draw(st.sampled_from(ENCODINGS))
    return text.encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")


def _snapshot(paths: list[Path]) -> dict[Path, tuple[bytes, int]]:
    return {p: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in paths}


def _check_page(path: Path) -> None:
    page = path.read_text(encoding="utf-8")
    assert page.rstrip().endswith("</html>"), "a partial HTML file was left"
    assert live_markup(page) == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.lists(article_file(), min_size=1, max_size=3), mode=st.sampled_from(["summary", "json", "html", "html-onto-input", "html-in-missing-folder"]))
def test_compare_on_hostile_files(files, mode, capsys):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inputs = []
        for i, data in enumerate(files):
            path = folder / f"article-{i}.txt"
            path.write_bytes(data)
            inputs.append(path)
        before = _snapshot(inputs)
        argv = ["compare", *map(str, inputs)]
        out = folder / "report.html"
        if mode == "json":
            argv.append("--json")
        elif mode == "html":
            argv += ["--html", str(out)]
        elif mode == "html-onto-input":
            out = inputs[0]
            argv += ["--html", str(out)]
        elif mode == "html-in-missing-folder":
            out = folder / "missing" / "report.html"
            argv += ["--html", str(out)]
        status = main(argv)
        captured = capsys.readouterr()
        assert status in (0, 2), captured.err
        assert "Traceback" not in captured.err
        if status == 2:
            lines = [line for line in captured.err.splitlines() if line.startswith("error:")]
            assert len(lines) == 1 and captured.err.count("\n") <= 1 + captured.err.count("warning:")
        assert _snapshot(inputs) == before, "an input was changed"
        if mode == "json" and status == 0:
            json.loads(captured.out)
        if mode.startswith("html") and out not in inputs:
            if status == 0:
                _check_page(out)
            else:
                assert not out.exists()
        leftovers = [p.name for p in folder.rglob("*") if p.name.startswith(".") or p.name.endswith(".tmp")]
        assert leftovers == []


TINY_NOTEBOOK = {
    "cells": [
        {"cell_type": "code", "execution_count": None, "id": "load", "metadata": {}, "outputs": [],
         "source": [
             "from IPython.display import HTML, display\n",
             "from analysis import compare, load_corpus\n",
             "from analysis.report import html_format\n",
             "from analysis.report_sections import differences_section\n",
             "EVENT = None\n",
             "articles, sentences = load_corpus(EVENT)\n",
             "comparison = compare(articles, sentences)\n",
             "for title in articles['title']:\n",
             "    display(HTML(html_format('<h4>{title}</h4>', title=title)))\n",
             "HTML(differences_section(comparison, heading=False))",
         ]},
    ],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}


@pytest.mark.slow
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(files=st.lists(article_file(), min_size=2, max_size=2))
def test_render_on_hostile_files(files, capsys):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        event = folder / "event"
        event.mkdir()
        inputs = []
        for i, data in enumerate(files):
            path = event / f"outlet-{i}.txt"
            path.write_bytes(data)
            inputs.append(path)
        before = _snapshot(inputs)
        notebooks = folder / "notebooks"
        notebooks.mkdir()
        notebook = json.loads(json.dumps(TINY_NOTEBOOK))
        notebook["cells"][0]["source"][4] = f"EVENT = {str(event)!r}\n"
        (notebooks / "01-tiny.ipynb").write_text(json.dumps(notebook), encoding="utf-8")
        out = folder / "site"
        status = main(["render", "--notebooks", str(notebooks), "--out", str(out), "--no-report"])
        captured = capsys.readouterr()
        assert status in (0, 2), captured.err
        assert "Traceback" not in captured.err.split("error:")[0]
        assert _snapshot(inputs) == before
        if status == 0:
            for page in out.glob("*.html"):
                assert live_markup(page.read_text(encoding="utf-8")) == [], page.name
        else:
            assert not out.exists() or not any(out.iterdir())


def test_the_fuzz_alphabet_reaches_every_encoding():
    """The strategies above are not vacuous: each encoding and a byte-order mark occur."""
    assert codecs.BOM_UTF16_LE in "x".encode("utf-16") or codecs.BOM_UTF16_BE in "x".encode("utf-16")
    assert {"utf-16", "utf-32", "latin-1"} <= set(ENCODINGS)
