"""Every string that reaches notebook HTML is escaped (issue 15, finding 5).

The notebooks that show HTML are rendered on a hostile corpus (titles and outlets holding a
script, an ``onerror`` handler, a broken-out attribute) and every page is parsed: the marker
text may appear as text, never inside a script or an event-handler attribute.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from analysis.paths import NOTEBOOKS_DIR
from analysis.render import render_site
from analysis.report import html_format

MARK = "pwn3d15"
HOSTILE_TITLE = f"<script>alert('{MARK}')</script><img src=x onerror=alert('{MARK}')> talks"
HOSTILE_OUTLET = f'"><svg onload=alert("{MARK}")>'
#: The notebooks that display HTML built from article data.
HTML_NOTEBOOKS = ["00-overview.ipynb", "03-wording.ipynb"]


class LiveMarkup(HTMLParser):
    """Collects the places where the marker would run: script text and on* attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        for name, value in attrs:
            if (name.startswith("on") or name in ("src", "href")) and value and MARK in value:
                self.live.append(f"<{tag} {name}={value!r}>")
        if tag in ("svg", "img") and any(name.startswith("on") for name, _ in attrs):
            self.live.append(f"<{tag}> with a handler")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and MARK in data:
            self.live.append(f"<script>{data[:60]}")


def live_markup(page: str) -> list[str]:
    parser = LiveMarkup()
    parser.feed(page)
    return parser.live


def test_html_format_escapes_values_not_the_template():
    out = html_format("<h4>{title}</h4>", title=HOSTILE_TITLE)
    assert out.startswith("<h4>") and out.endswith("</h4>") and live_markup(out) == []
    assert live_markup(f"<h4>{HOSTILE_TITLE}</h4>")  # the check itself sees live markup


def test_no_notebook_builds_html_from_data_without_escaping():
    """Notebook cells put data into HTML only through analysis functions that escape it."""
    for path in sorted(NOTEBOOKS_DIR.glob("*.ipynb")):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r'HTML\(f\\"', source), f"{path.name}: HTML built by an f-string in a cell"


def _hostile_corpus(folder: Path) -> Path:
    event = folder / "hostile-event"
    event.mkdir()
    bodies = [
        "Ukraine said its drones struck Russian air bases on Sunday. Officials said the talks in Istanbul "
        "would resume. Critics called the strike a masterstroke.",
        "Russia said it repelled the attacks. The talks in Istanbul resumed on Monday, officials said. "
        "Observers called the meeting another symbolic move.",
    ]
    for i, body in enumerate(bodies):
        (event / f"outlet-{i}.txt").write_text(
            f"---\ntitle: {HOSTILE_TITLE} {i}\noutlet: {HOSTILE_OUTLET}{i}\n---\n{body}\n", encoding="utf-8"
        )
    return event


@pytest.mark.slow
def test_rendered_notebooks_and_report_have_no_live_markup(tmp_path):
    event = _hostile_corpus(tmp_path)
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    for name in HTML_NOTEBOOKS:
        source = (NOTEBOOKS_DIR / name).read_text(encoding="utf-8")
        assert "EVENT = DEFAULT_EVENT" in source
        source = source.replace("EVENT = DEFAULT_EVENT", f"EVENT = {str(event)!r}")
        (notebooks / name).write_text(source, encoding="utf-8")
    out = render_site(out=tmp_path / "site", notebooks_dir=notebooks, event=event, workers=1)
    pages = sorted(out.glob("*.html"))
    assert len(pages) >= len(HTML_NOTEBOOKS) + 1
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert live_markup(text) == [], page.name
    wording = (out / "03-wording.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in wording  # the title is shown, as text
