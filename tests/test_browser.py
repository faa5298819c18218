"""A real browser on a freshly rendered site: every page opened in headless Chromium, network off.

Asserts what a reader meets: no request leaves the machine, no console error, no sideways
scrolling at 390 px, a description on every figure, a real title on every page, and no answer in
the student edition. Needs the system's Chromium (Debian: ``apt-get install chromium``; ``.ci/run``
installs it) and Playwright for Python (in requirements.txt; its own browser download is never
used). Without them the test is skipped, saying why.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from analysis.render import render_site
from tests.browser_check import check_site, find_chromium

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def chromium() -> str:
    if importlib.util.find_spec("playwright") is None:
        pytest.skip("Playwright for Python is not installed (pip install -r requirements.txt): browser check NOT run")
    found = find_chromium()
    if found is None:
        pytest.skip("no system Chromium (apt-get install chromium; .ci/run does it): browser check NOT run")
    return found


@pytest.fixture(scope="module")
def fresh_site(tmp_path_factory, chromium) -> Path:
    return render_site(out=tmp_path_factory.mktemp("browser") / "site")


def test_every_page_reads_offline_on_phone_and_desktop(fresh_site, chromium):
    pages = sorted(p.name for p in fresh_site.glob("*.html"))
    assert {"index.html", "report.html", "lesson-student.html", "lesson-teacher.html"} <= set(pages)
    problems = check_site(fresh_site, executable=chromium)
    assert not problems, "\n".join(problems)


def test_check_catches_a_bad_page(tmp_path, chromium):
    (tmp_path / "bad.html").write_text(
        '<!doctype html><html><head><title>Notebook</title><script src="https://cdn.example/x.js"></script>'
        '</head><body><img src="data:image/png;base64,iVBORw0KGgo=" alt="No description has been provided">'
        '<div style="width:900px">wide</div><script>undefined_function()</script></body></html>',
        encoding="utf-8",
    )
    problems = "\n".join(check_site(tmp_path, executable=chromium))
    for expected in ("request to https://cdn.example/x.js", "console error", "scrolls sideways",
                     "no real title", "figure without a description"):
        assert expected in problems
