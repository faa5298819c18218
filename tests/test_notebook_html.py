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


# ---------------------------------------------------------------------------------------------
# Every page the suite writes, on a corpus hostile in every field (issue 15, item 5)
# ---------------------------------------------------------------------------------------------

HOSTILE_FIELDS = {
    "title": f"<script>alert('{MARK}')</script> Talks <img src=x onerror=alert('{MARK}')>",
    "outlet": f'"><svg onload=alert("{MARK}")> Herald',
    "label": f"<b onmouseover=alert('{MARK}')>L</b>",
    "author": f"<iframe src=javascript:alert('{MARK}')></iframe>",
    "notes": f"</textarea><script>alert('{MARK}')</script>",
    "url": f"javascript:alert('{MARK}')",
    "date": f"2025-06-02<script>{MARK}</script>",
}
HOSTILE_BODIES = [
    f"Ukraine said its drones struck Russian air bases on Sunday. Officials said the talks in Istanbul would resume. "
    f"“<img src=x onerror=alert('{MARK}')> is a masterstroke,” said Anna <script>alert('{MARK}')</script>Kovalenko. "
    f"Critics called the strike a masterstroke, according to <a href=\"javascript:alert('{MARK}')\">the ministry</a>.",
    f"Russia said it repelled the attacks. The talks in Istanbul resumed on Monday, officials said. "
    f"Observers called the meeting another symbolic move, said Mr. Onload{MARK} of the \"><svg onload=alert('{MARK}')> "
    f"Institute. “It was a disgrace,” he said. Anna Kovalenko disagreed.",
]


class _AnyLiveMarkup(LiveMarkup):
    """Also flags a ``javascript:`` link or source, whatever its text."""

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        for name, value in attrs:
            if name in ("href", "src", "action", "formaction") and value and value.strip().lower().startswith("javascript:"):
                self.live.append(f"<{tag} {name}={value!r}>")
        if tag in ("iframe", "svg") or (tag == "b" and any(n.startswith("on") for n, _ in attrs)):
            self.live.append(f"<{tag}> from the data")


def any_live_markup(page: str) -> list[str]:
    parser = _AnyLiveMarkup()
    parser.feed(page)
    return parser.live


def _hostile_event(folder: Path) -> Path:
    event = folder / f"<img src=x onerror=alert('{MARK}')>"
    event.mkdir()
    for i, body in enumerate(HOSTILE_BODIES):
        front = "".join(f"{key}: {value} {i}\n" if key != "url" else f"{key}: {value}\n"
                        for key, value in HOSTILE_FIELDS.items())
        (event / f"outlet-{i}.txt").write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")
    (event / "actors.csv").write_text(
        f"actor,term\n\"<script>alert('{MARK}')</script>\",Kovalenko\n", encoding="utf-8")
    return event


@pytest.mark.slow
def test_every_page_of_the_site_escapes_a_hostile_corpus(tmp_path):
    """Every notebook that reads an event, the index, the report and both lesson editions."""
    from analysis.inputs import load_corpus
    from analysis.lesson import lesson_edition

    event = _hostile_event(tmp_path)
    out = render_site(out=tmp_path / "site", event=event, for_event=True, workers=1)
    pages = {p.name: p.read_text(encoding="utf-8") for p in sorted(out.glob("*.html"))}
    assert {"index.html", "report.html", "00-overview.html"} <= set(pages) and len(pages) >= 6
    lesson = next(NOTEBOOKS_DIR.glob("*lesson*.ipynb"))
    import nbformat

    nb = nbformat.read(lesson, as_version=4)
    articles = load_corpus(event)[0]
    for edition in ("student", "teacher"):
        pages[f"lesson-{edition}.html"] = lesson_edition(nb, edition, articles=[articles], title=HOSTILE_FIELDS["title"])
    for name, page in pages.items():
        assert any_live_markup(page) == [], name
    assert "&lt;script&gt;alert(" in pages["report.html"]  # the data is shown, as text
