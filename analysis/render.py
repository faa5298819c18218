"""Execute every notebook and write a site that opens from disk with no network.

``render_site`` runs each notebook on a fresh kernel (with ``notebooks/`` as working folder),
exports it to HTML with its figures embedded, strips every script that would be fetched from the
network, writes the seed event's HTML report, and an index page with a line about each notebook.
The site is built in a temporary folder and swapped in whole, so a failed render leaves the old
site as it was.
"""

from __future__ import annotations

import copy
import html
import json
import os
import re
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

from analysis.atomic import check_output_dir, replace_dir_atomic
from analysis.compare import compare
from analysis.inputs import load_corpus
from analysis.lesson import lesson_edition, lesson_events
from analysis.paths import DEFAULT_EVENT, NOTEBOOKS_DIR
from analysis.present import CARDS_CSS
from analysis.progress import QUIET_ENV, progress_bar

__all__ = ["RenderError", "render_site", "site_pages", "site_nav", "notebook_summary", "strip_remote_scripts", "link_rendered_pages", "execute_notebook"]

_REMOTE_SCRIPT = re.compile(r"<script[^>]*\bsrc=[\"']https?://[^>]*>\s*</script>", re.I)
_REMOTE_LINK = re.compile(r"<link[^>]*\bhref=[\"']https?://[^>]*>", re.I)


_REMOTE_IMPORT = re.compile(
    r"<script\b[^>]*>(?:(?!</script>).)*?\bimport\s*\(?\s*[\"']https?://.*?</script>", re.I | re.S
)


def strip_remote_scripts(page: str) -> str:
    """Remove ``<script src=http…>`` and ``<link href=http…>`` tags, and inline scripts that
    import a module from the web (nbconvert's diagram loader): the page must work offline."""
    return _REMOTE_IMPORT.sub("", _REMOTE_LINK.sub("", _REMOTE_SCRIPT.sub("", page)))


def notebook_summary(nb: nbformat.NotebookNode, fallback: str) -> tuple[str, str]:
    """(title, description) from the notebook's first markdown cell: its heading, and whole
    sentences of its first paragraph (joined across hard line breaks) until about 80 characters."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = [ln.strip() for ln in cell.source.splitlines()]
        title = next((ln.lstrip("# ").strip() for ln in lines if ln.startswith("#")), fallback)
        paragraph: list[str] = []
        for ln in lines:
            if not ln or ln.startswith(("#", "<", ">", "|", "-", "*", "1.")):
                if paragraph:
                    break
                continue
            paragraph.append(ln)
        sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“(])", " ".join(paragraph))
        line = ""
        for sentence in sentences:
            line = f"{line} {sentence}".strip()
            if len(line) >= 80:
                break
        return title, re.sub(r"[*_`]", "", line)
    return fallback, ""


INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


def has_event_parameter(nb: nbformat.NotebookNode) -> bool:
    """True when the notebook's ``parameters`` cell sets ``EVENT`` (it can run on any event)."""
    return any(
        "parameters" in cell.get("metadata", {}).get("tags", []) and re.search(r"^EVENT\s*=", cell.source, re.M)
        for cell in nb.cells
        if cell.cell_type == "code"
    )


def inject_parameters(nb: nbformat.NotebookNode, values: Mapping[str, object]) -> nbformat.NotebookNode:
    """A copy of ``nb`` with a cell setting ``values`` right after its ``parameters`` cell
    (the papermill convention), tagged ``injected-parameters``."""
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    source = "# Parameters injected by `render --event`\n" + "\n".join(f"{k} = {v!r}" for k, v in values.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": ["injected-parameters"]})
    index = next(
        (i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])), -1
    )
    nb.cells.insert(index + 1, cell)
    return nb


def execute_notebook(
    path: Path, *, timeout: int = 600, parameters: Mapping[str, object] | None = None
) -> nbformat.NotebookNode:
    """Run a notebook top to bottom on a fresh kernel; raises on the first failing cell.

    The kernel draws with the inline backend whatever ``MPLBACKEND`` the caller has, so figures
    land in the notebook's outputs, and shows no progress bars (``SOURCE_BIAS_QUIET``), so the
    pages hold none. ``parameters`` are set after the notebook's ``parameters`` cell.
    """
    nb = nbformat.read(path, as_version=4)
    if parameters:
        nb = inject_parameters(nb, parameters)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        extra_arguments=["--IPKernelApp.log_level=ERROR"],  # no transport warnings in the log
    )
    # The kernel's environment only: the caller's MPLBACKEND stays as it was.
    client.execute(env={**os.environ, "MPLBACKEND": INLINE_BACKEND, QUIET_ENV: "1"})
    return nb


_NOTEBOOK_LINK = re.compile(r"""(href=["'])([\w.-]+)\.ipynb(["'#])""")


def link_rendered_pages(page: str) -> str:
    """Point links between notebooks (``02-tone.ipynb``) at their rendered pages (``02-tone.html``)."""
    return _NOTEBOOK_LINK.sub(r"\1\2.html\3", page)


WIDGET_NOTE = (
    '<p class="widget-note" style="border-left:4px solid #e69f00;background:#fdf6e8;padding:.4rem .7rem">'
    "This control needs a live Python kernel: open the notebook in Jupyter to use it. The results "
    "below it on this page were computed with its default setting.</p>"
)

_WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

_PAGE_CSS = """
.site-nav{font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;display:flex;flex-wrap:wrap;
gap:.3rem 1rem;padding:.6rem 1rem;border-bottom:1px solid #e3e3e8;background:#fafafa}
.site-nav a{color:#0b57d0}
img{max-width:100%;height:auto}
.jp-OutputArea-output{overflow-x:auto;max-width:100%}
.jp-RenderedHTMLCommon table{max-width:100%}
pre{white-space:pre-wrap;overflow-wrap:anywhere}
@media (max-width:600px){.jp-InputPrompt,.jp-OutputPrompt{display:none}
.jp-Cell{padding:4px 6px}.jp-RenderedHTMLCommon td,.jp-RenderedHTMLCommon th{padding:2px 4px}}
@media print{.site-nav{display:none}}
@media (max-width:600px){.jp-RenderedHTMLCommon table.row-cards tr,.jp-RenderedHTMLCommon table.row-cards td{text-align:left}}
""" + CARDS_CSS


def site_nav(pages: list[tuple[str, str]], current: str) -> str:
    """Links to the index and to the previous and next page of ``pages`` ((href, title), in order)."""
    hrefs = [href for href, _ in pages]
    links = ['<a href="index.html">Index</a>']
    if current in hrefs:
        i = hrefs.index(current)
        if i > 0:
            links.append(f'<a href="{html.escape(hrefs[i - 1])}" rel="prev">← {html.escape(pages[i - 1][1])}</a>')
        if i + 1 < len(pages):
            links.append(f'<a href="{html.escape(hrefs[i + 1])}" rel="next">{html.escape(pages[i + 1][1])} →</a>')
    return f'<nav class="site-nav" aria-label="Site">{"".join(links)}</nav>'


def _for_page(nb: nbformat.NotebookNode) -> tuple[nbformat.NotebookNode, dict[str, str]]:
    """A copy of ``nb`` ready to publish offline (widget views replaced by a note, no widget
    state to load from the web), and each figure's alt text by its base64 data."""
    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)
    alts: dict[str, str] = {}
    heading = ""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            found = re.findall(r"^#+\s*(.+)$", cell.source, re.M)
            heading = found[-1].strip() if found else heading
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if _WIDGET_VIEW in data:
                output["data"] = {"text/html": WIDGET_NOTE, "text/plain": "(a control that needs a live kernel)"}
                continue
            if "image/png" in data:
                alt = output.get("metadata", {}).get("image/png", {}).get("alt")
                alts[str(data["image/png"]).strip()] = alt or f"A figure of the section “{heading or 'this notebook'}”."
    return nb, alts


def _export(nb: nbformat.NotebookNode, *, title: str = "", nav: str = "") -> str:
    """A notebook as one offline page: its real title, site links, figures with alt text."""
    from bs4 import BeautifulSoup  # page rewriting only

    nb, alts = _for_page(nb)
    exporter = HTMLExporter(template_name="lab", embed_images=True)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title or "Notebook"}})
    soup = BeautifulSoup(strip_remote_scripts(body), features="html.parser")
    for img in soup.find_all("img"):
        src = str(img.get("src", ""))
        if src.startswith("data:image/png;base64,") and src[22:].strip() in alts:
            img["alt"] = alts[src[22:].strip()]
    if soup.head is not None:
        style = soup.new_tag("style")
        style.string = _PAGE_CSS
        soup.head.append(style)
    if nav and soup.body is not None:
        soup.body.insert(0, BeautifulSoup(nav, features="html.parser"))
        soup.body.append(BeautifulSoup(nav, features="html.parser"))
    return link_rendered_pages(str(soup))


_INDEX_CSS = """
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:52rem;margin:2rem auto;
padding:0 1rem;color:#1d1d1f}h1{font-size:1.7rem;margin-bottom:.2rem}li{margin:.6rem 0}
a{color:#0b57d0}small{color:#555}.lead{color:#444}code{background:#f3f3f3;padding:0 .2rem}
.start{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.8rem;margin:1rem 0}
.start div{border:1px solid #e3e3e8;border-radius:8px;padding:.6rem .9rem;background:#fafafa}
.start h3{margin:.1rem 0 .3rem;font-size:1.02rem}
"""


def _index(
    entries: list[tuple[str, str, str]],
    report: str | None,
    seconds: float,
    *,
    lesson: bool = False,
    event: str | None = None,
) -> str:
    items = "\n".join(
        f'<li><a href="{html.escape(href)}">{html.escape(title)}</a><br><small>{html.escape(line)}</small></li>'
        for href, title, line in entries
    )
    first = (
        f'<a href="{html.escape(entries[0][0])}">{html.escape(entries[0][1])}</a>' if entries else "the first notebook"
    )
    reader = (
        f'<a href="{html.escape(report)}">the comparison report</a>: one page, where the two articles differ '
        f"and what each measure cannot see; then {first}."
        if report
        else f"{first}, then the notebook on the measure you care about."
    )
    starts = [f"<div><h3>A reader starts with</h3><p>{reader}</p></div>"]
    if lesson:
        starts.append(
            '<div><h3>A teacher starts with</h3><p><a href="lesson-teacher.html">the teacher edition of the '
            "lesson</a>: plan and timings, answers, notes, rubric and exit ticket; print it, and print the "
            "student edition for the class.</p></div>"
        )
        starts.append(
            '<div><h3>A student starts with</h3><p><a href="lesson-student.html">the student edition</a>: '
            "the two pairs of articles with numbered lines, the questions, and space to write.</p></div>"
        )
    starts.append(
        "<div><h3>To compare your own articles</h3><p>the notebook “Your own articles” (open it in Jupyter), "
        "or <code>python -m analysis compare FOLDER --html report.html</code>.</p></div>"
    )
    report_item = (
        f'<p><a href="{html.escape(report)}">The comparison report for '
        f'{html.escape(event) if event else "the seed event"}</a> '
        f'— one self-contained page: tone, wording, emphasis and the limits of each measure '
        f'(<a href="{html.escape(report.replace(".html", ".json"))}">its data as JSON</a>).</p>'
        if report
        else ""
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Source-bias comparison suite</title><style>{_INDEX_CSS}</style></head>
<body><h1>Source-bias comparison suite</h1>
<p class="lead">Two or more news articles about the same event, side by side: how they differ in tone,
wording and emphasis, and what each measure cannot see. Every page here opens offline.</p>
<h2>Where to start</h2><div class="start">{"".join(starts)}</div>
{report_item}
<h2>Notebooks</h2><ol>
{items}
</ol>
<p><small>Rendered by <code>python -m analysis render</code> in {seconds:.0f} s.</small></p>
</body></html>
"""


class RenderError(RuntimeError):
    """One or more notebooks failed to execute; the message names each and its error."""


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _short_error(err: BaseException) -> str:
    lines = [ln for ln in _ANSI.sub("", str(err)).splitlines() if ln.strip()]
    tail = [ln for ln in lines if re.match(r"^\w*(Error|Exception)\b", ln)]
    return (tail or lines or [type(err).__name__])[-1][:300]


def render_site(
    *,
    out: Path = Path("site"),
    notebooks_dir: Path | None = None,
    with_report: bool = True,
    event: Path = DEFAULT_EVENT,
    workers: int = 2,
    log: Callable[[str], None] = lambda line: None,
    for_event: bool = False,
    progress: bool | None = None,
) -> Path:
    """Execute every notebook in ``notebooks_dir`` and write ``out/``.

    With ``for_event``, only the notebooks whose ``parameters`` cell sets ``EVENT`` run, each
    with ``EVENT`` set to ``event`` (a user's folder or file), and the report is that event's.
    A progress bar counts the notebooks (``analysis.progress``; ``progress=False`` hides it).

    ``out/`` holds ``index.html``, each notebook as ``NN-name.html`` (figures embedded) and as an
    executed ``NN-name.ipynb``, and, with ``with_report``, ``report.html``/``report.json`` for
    ``event``. Every notebook is run even when one fails; then ``RenderError`` names each failure
    and ``out/`` is left as it was.

    ``out`` must be new, empty, or a folder an earlier render made (it holds ``OUTPUT_MARKER``); any
    other folder, a file, or a folder holding the notebooks or the event is refused with
    ``OutputError`` before anything runs, so a user's folder is never replaced.
    """
    started = time.perf_counter()
    folder = Path(notebooks_dir) if notebooks_dir else NOTEBOOKS_DIR
    if not folder.is_dir():
        raise RenderError(f"{folder}: no such notebooks folder")
    paths = sorted(folder.glob("*.ipynb"))
    if not paths:
        raise RenderError(f"{folder}: no notebooks (*.ipynb) to render")
    parameters = None
    if for_event:
        event = Path(event).resolve()
        if not event.exists():
            raise RenderError(f"{event}: no such event folder or file")
        paths = [p for p in paths if has_event_parameter(nbformat.read(p, as_version=4))]
        if not paths:
            raise RenderError(f"{folder}: no notebook has a parameters cell setting EVENT")
        parameters = {"EVENT": str(event)}
    inputs = [folder, *paths] + ([event] if with_report or for_event else [])
    check_output_dir(out, inputs=inputs)  # refuse before spending minutes on the notebooks

    bar = progress_bar(total=len(paths), desc="render", unit="notebook", enabled=progress)

    def run(path: Path) -> tuple[Path, nbformat.NotebookNode | None, str]:
        began = time.perf_counter()
        try:
            nb = execute_notebook(path, parameters=parameters)
        except Exception as err:  # noqa: BLE001 - collected and reported per notebook below
            log(f"FAILED {path.name}: {_short_error(err)}")
            return path, None, f"{path.name}: {_short_error(err)}"
        finally:
            bar.update()
        log(f"executed {path.name} in {time.perf_counter() - began:.1f} s")
        return path, nb, ""

    pool = ThreadPoolExecutor(max_workers=max(1, workers))
    try:
        executed = list(pool.map(run, paths))
    except BaseException:  # an interrupt: do not start the notebooks still queued
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        bar.close()
    pool.shutdown()
    failures = [message for _, _, message in executed if message]
    if failures:
        raise RenderError("notebooks failed: " + "; ".join(failures))

    with replace_dir_atomic(out, inputs=inputs) as tmp:
        for name, page in site_pages(executed, event=event if with_report and event.exists() else None,
                                     seconds=time.perf_counter() - started,
                                     event_label=event.name if for_event else None).items():
            (tmp / name).write_text(page, encoding="utf-8")
        for path, nb, _ in executed:
            nbformat.write(nb, tmp / f"{path.stem}.ipynb")
    return Path(out)


def site_pages(
    executed: list[tuple[Path, nbformat.NotebookNode | None, str]],
    *,
    event: Path | None,
    seconds: float = 0.0,
    event_label: str | None = None,
) -> dict[str, str]:
    """Every HTML page of the site by file name: each notebook, the lesson's student and teacher
    editions (for a notebook whose name has ``lesson``), the report and its JSON, and the index.

    Pages link to the index and to the previous and next page; each has its notebook's title.
    """
    notebooks = [(path, nb) for path, nb, _ in executed if nb is not None]
    summaries = {path.stem: notebook_summary(nb, path.stem) for path, nb in notebooks}
    lesson = next(((path, nb) for path, nb in notebooks if "lesson" in path.stem), None)
    order: list[tuple[str, str]] = []
    if event is not None:
        order.append(("report.html", "Report"))
    order += [(f"{path.stem}.html", summaries[path.stem][0]) for path, _ in notebooks]
    if lesson is not None:
        order += [("lesson-student.html", "Lesson, student edition"), ("lesson-teacher.html", "Lesson, teacher edition")]
    pages: dict[str, str] = {}
    for path, nb in notebooks:
        href = f"{path.stem}.html"
        pages[href] = _export(nb, title=summaries[path.stem][0], nav=site_nav(order, href))
    if lesson is not None:
        events = lesson_events(lesson[1], [event] if event is not None else [])
        tables = [load_corpus(e)[0] for e in events if e.exists()]
        title = summaries[lesson[0].stem][0]
        for edition in ("student", "teacher"):
            href = f"lesson-{edition}.html"
            pages[href] = lesson_edition(lesson[1], edition, articles=tables, title=title, nav=site_nav(order, href))
    report = None
    if event is not None:
        comparison = compare(*load_corpus(event), progress=False)
        page = comparison.to_html(json_href="report.json")
        pages["report.html"] = page.replace("<main>", "<main>" + site_nav(order, "report.html"), 1)
        pages["report.json"] = json.dumps(comparison.to_json(), ensure_ascii=False, indent=1, allow_nan=False)
        report = "report.html"
    entries = [(f"{path.stem}.html", *summaries[path.stem]) for path, _ in notebooks]
    pages["index.html"] = _index(entries, report, seconds, lesson=lesson is not None, event=event_label)
    return pages

