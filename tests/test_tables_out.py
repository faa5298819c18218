"""Tables out (CSV folder, Excel workbook), progress bars, and the suite rendered for a user's event."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nbformat
import openpyxl
import pandas as pd
import pytest

from analysis import articles_from_texts, compare, load_corpus
from analysis.cli import main
from analysis.progress import QUIET_ENV, progress_bar, show_progress
from analysis.render import has_event_parameter, inject_parameters

ROOT = Path(__file__).resolve().parents[1]
PAGES = Path(__file__).parent / "fixtures" / "pages"


@pytest.fixture(scope="module")
def bridge():
    return compare(*load_corpus(PAGES), progress=False)


def test_tables_cover_every_json_section(bridge):
    tables = bridge.tables()
    assert {"articles", "sentences", "tone_articles", "tone_sentences", "wording_cues", "wording_distinctive",
            "emphasis_sources", "emphasis_aligned", "emphasis_unique"} <= set(tables)
    assert all(isinstance(t, pd.DataFrame) for t in tables.values())


def test_csv_folder_holds_every_table_readable_back(bridge, tmp_path):
    out = bridge.to_csv(tmp_path / "tables")
    written = {p.stem for p in out.glob("*.csv")}
    assert written == set(bridge.tables())
    cues = pd.read_csv(out / "wording_cues.csv")
    assert len(cues) == len(bridge.wording.cues)
    articles = pd.read_csv(out / "articles.csv")
    assert isinstance(json.loads(articles.loc[0, "boilerplate"]), list)  # lists as JSON text


def test_excel_one_sheet_a_table_and_text_never_a_formula(tmp_path):
    comparison = compare(*articles_from_texts({
        "a": "=HYPERLINK(\"http://evil.example\",\"click\") the council said on Tuesday. The plan passed.",
        "b": "The council approved the plan on Tuesday. Critics claimed the vote was rushed through.",
    }), progress=False)
    path = comparison.to_excel(tmp_path / "tables.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [name[:31] for name in comparison.tables()]
    first = book["sentences"]
    header = [c.value for c in first[1]]
    texts = [row[header.index("text")] for row in first.iter_rows(min_row=2, values_only=True)]
    assert texts[0].startswith("=HYPERLINK")
    assert all(c.data_type != "f" for row in first.iter_rows() for c in row)
    assert not list(tmp_path.glob(".tables.xlsx.*"))  # no temporary file left


def test_cli_csv_and_excel(tmp_path, capsys):
    assert main(["compare", str(PAGES), "--csv", str(tmp_path / "t"), "--excel", str(tmp_path / "t.xlsx"),
                 "--quiet"]) == 0
    assert (tmp_path / "t" / "tone_articles.csv").is_file() and (tmp_path / "t.xlsx").is_file()
    err = capsys.readouterr().err
    assert "tables)" in err and "t.xlsx" in err


def test_cli_csv_refuses_a_folder_it_did_not_make(tmp_path, capsys):
    mine = tmp_path / "notes"
    mine.mkdir()
    (mine / "keep.txt").write_text("my notes")
    assert main(["compare", str(PAGES), "--csv", str(mine), "--quiet"]) == 2
    assert (mine / "keep.txt").read_text() == "my notes"
    assert capsys.readouterr().err.count("\n") == 1


# --- progress -------------------------------------------------------------------------------------


def test_progress_shows_only_where_someone_watches(monkeypatch, capsys):
    monkeypatch.delenv(QUIET_ENV, raising=False)
    assert show_progress(True) and not show_progress(False)
    assert show_progress(None) is False  # pytest's captured stderr is no terminal, no Jupyter kernel
    monkeypatch.setenv(QUIET_ENV, "1")
    assert show_progress(None) is False
    with progress_bar(range(3), desc="work", enabled=True) as bar:
        assert list(bar) == [0, 1, 2]
    assert "work" in capsys.readouterr().err


def test_compare_progress_bar_can_be_forced_and_silenced(capsys, monkeypatch):
    texts = {"a": "The council approved the plan on Tuesday after a long debate.",
             "b": "Critics claimed the council rushed the plan through on Tuesday."}
    import analysis.progress as progress

    original = progress.progress_bar
    monkeypatch.setattr(progress, "progress_bar", lambda **kw: original(**{**kw, "delay": 0}))
    compare(*articles_from_texts(texts), progress=True)
    assert "compare" in capsys.readouterr().err
    compare(*articles_from_texts(texts), progress=False)
    assert capsys.readouterr().err == ""


# --- render --event -------------------------------------------------------------------------------


def test_parameters_are_injected_after_the_parameters_cell():
    nb = nbformat.read(ROOT / "notebooks" / "06-your-own-articles.ipynb", as_version=4)
    assert has_event_parameter(nb)
    injected = inject_parameters(nb, {"EVENT": "/data/my event"})
    index = next(i for i, c in enumerate(injected.cells) if "parameters" in c.metadata.get("tags", []))
    assert injected.cells[index + 1].source.endswith("EVENT = '/data/my event'")
    assert len(injected.cells) == len(nb.cells) + 1 and len(nb.cells) == len(injected.cells) - 1
    lesson = nbformat.read(ROOT / "notebooks" / "05-media-literacy-lesson.ipynb", as_version=4)
    assert not has_event_parameter(lesson)


@pytest.mark.slow
def test_render_event_runs_the_suite_on_a_users_folder(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    for name in ("00-overview.ipynb", "05-media-literacy-lesson.ipynb", "06-your-own-articles.ipynb"):
        shutil.copy(ROOT / "notebooks" / name, notebooks / name)
    event = tmp_path / "bridge"
    shutil.copytree(PAGES, event)
    site = tmp_path / "site"
    assert main(["render", "--event", str(event), "--notebooks", str(notebooks), "--out", str(site), "-q"]) == 0
    assert sorted(p.name for p in site.glob("*.html")) == [
        "00-overview.html", "06-your-own-articles.html", "index.html", "report.html"]
    for page in ("00-overview.html", "06-your-own-articles.html", "report.html"):
        text = (site / page).read_text(encoding="utf-8")
        assert "Old Mill Bridge" in text and "Spiderweb" not in text, page
    assert "bridge" in (site / "index.html").read_text(encoding="utf-8")
    assert "tqdm" not in (site / "00-overview.html").read_text(encoding="utf-8")
