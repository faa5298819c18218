"""Rendering: executed notebooks become offline HTML with an index; failures leave no half site."""

from __future__ import annotations

import os
import re

import nbformat
import pytest

from analysis.atomic import OUTPUT_MARKER, replace_dir_atomic, write_text_atomic
from analysis.render import RenderError, link_rendered_pages, render_site, strip_remote_scripts


def make_notebook(path, code: str, title: str = "# Tiny\n\nA tiny notebook. It draws.") -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(title), nbformat.v4.new_code_cell(code)]
    nbformat.write(nb, path)


@pytest.mark.slow
def test_render_writes_offline_site(tmp_path):
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    make_notebook(
        nbs / "01-tiny.ipynb",
        "from matplotlib.figure import Figure\nimport analysis.plots\n"
        "fig = Figure(); fig.subplots().plot([1, 2, 3]); fig",
    )
    out = render_site(out=tmp_path / "site", notebooks_dir=nbs, with_report=False)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="01-tiny.html"' in index and "A tiny notebook." in index
    page = (out / "01-tiny.html").read_text(encoding="utf-8")
    assert "data:image/png;base64" in page
    assert "<title>Tiny</title>" in page and 'href="index.html"' in page
    assert "No description has been provided" not in page
    assert re.search(r'<img[^>]*alt="Figure without a title or labelled axes."', page)
    assert not re.search(r"<script[^>]*src=[\"']https?://", page)


@pytest.mark.slow
def test_failed_render_keeps_old_site(tmp_path):
    nbs = tmp_path / "nbs"
    nbs.mkdir()
    make_notebook(nbs / "01-broken.ipynb", "raise RuntimeError('boom')")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    (site / OUTPUT_MARKER).write_text("made by an earlier render")
    make_notebook(nbs / "02-fine.ipynb", "1 + 1")
    with pytest.raises(RenderError, match=r"01-broken.ipynb: RuntimeError: boom"):
        render_site(out=site, notebooks_dir=nbs, with_report=False)
    assert (site / "index.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nbs", "site"]


def test_strip_remote_scripts():
    page = '<script src="https://cdn.example/require.js"></script><script>local()</script><link href="https://x/y.css" rel="stylesheet">'
    assert strip_remote_scripts(page) == "<script>local()</script>"
    loader = '<script type="module">\nif (!n) { return; }\nconst m = (await import("https://cdn.example/m.mjs")).default;\n</script>'
    assert strip_remote_scripts(loader + "<p>kept</p><script>local()</script>") == "<p>kept</p><script>local()</script>"


def test_atomic_write_leaves_no_partial_file(tmp_path):
    target = tmp_path / "out.html"
    write_text_atomic(target, "first")

    with pytest.raises(TypeError):
        write_text_atomic(target, None)  # type: ignore[arg-type]
    assert target.read_text() == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["out.html"]


def test_replace_dir_atomic_on_error(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / OUTPUT_MARKER).write_text("x")
    (site / "keep").write_text("x")
    with pytest.raises(ValueError), replace_dir_atomic(site) as tmp:
        (tmp / "new").write_text("y")
        raise ValueError
    assert sorted(p.name for p in site.iterdir()) == sorted([OUTPUT_MARKER, "keep"])
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_links_between_notebooks_point_at_pages():
    page = '<a href="02-tone.ipynb">Tone</a> <a href="03-wording.ipynb#naming">x</a> <a href="https://x.org/a.ipynb">y</a>'
    assert link_rendered_pages(page) == (
        '<a href="02-tone.html">Tone</a> <a href="03-wording.html#naming">x</a> <a href="https://x.org/a.ipynb">y</a>'
    )


def test_widget_views_become_a_note_and_no_widget_state_is_published():
    from analysis.render import WIDGET_NOTE, _for_page

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("slider")
    cell.outputs = [nbformat.v4.new_output("display_data", {
        "application/vnd.jupyter.widget-view+json": {"model_id": "abc", "version_major": 2, "version_minor": 0},
        "text/plain": "IntSlider(value=3)",
    })]
    nb.cells = [nbformat.v4.new_markdown_cell("## Explore"), cell]
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    page_nb, _ = _for_page(nb)
    assert "widgets" not in page_nb.metadata and "widgets" in nb.metadata  # the input is not modified
    assert page_nb.cells[1].outputs[0]["data"]["text/html"] == WIDGET_NOTE


def test_site_nav_links_index_previous_and_next():
    from analysis.render import site_nav

    pages = [("report.html", "Report"), ("00-overview.html", "Overview"), ("01-corpus.html", "Corpus")]
    nav = site_nav(pages, "00-overview.html")
    assert 'href="index.html"' in nav and 'href="report.html" rel="prev"' in nav and 'href="01-corpus.html" rel="next"' in nav
    assert "rel=\"prev\"" not in site_nav(pages, "report.html")


def test_execute_notebook_draws_inline_and_leaves_the_callers_backend(tmp_path, monkeypatch):
    from analysis.render import execute_notebook

    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import matplotlib\nprint(matplotlib.get_backend())")]
    path = tmp_path / "backend.ipynb"
    nbformat.write(nb, path)
    done = execute_notebook(path, timeout=120)
    printed = "".join(out.get("text", "") for out in done.cells[0].outputs)
    assert "inline" in printed.lower()
    assert os.environ["MPLBACKEND"] == "Agg"
