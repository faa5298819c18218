"""Execute every notebook and write a site that opens from disk with no network.

``render_site`` runs each notebook on a fresh kernel (with ``notebooks/`` as working folder),
exports it to HTML with its figures embedded, strips every script that would be fetched from the
network, writes the seed event's HTML report, and an index page with a line about each notebook.
The site is built in a temporary folder and swapped in whole, so a failed render leaves the old
site as it was.
"""

from __future__ import annotations

import html
import json
import os
import re
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

from analysis.atomic import check_output_dir, replace_dir_atomic
from analysis.paths import DEFAULT_EVENT, NOTEBOOKS_DIR

__all__ = ["RenderError", "render_site", "notebook_summary", "strip_remote_scripts", "link_rendered_pages", "execute_notebook"]

_REMOTE_SCRIPT = re.compile(r"<script[^>]*\bsrc=[\"']https?://[^>]*>\s*</script>", re.I)
_REMOTE_LINK = re.compile(r"<link[^>]*\bhref=[\"']https?://[^>]*>", re.I)


def strip_remote_scripts(page: str) -> str:
    """Remove ``<script src=http…>`` and ``<link href=http…>`` tags: the page must work offline."""
    return _REMOTE_LINK.sub("", _REMOTE_SCRIPT.sub("", page))


def notebook_summary(nb: nbformat.NotebookNode, fallback: str) -> tuple[str, str]:
    """(title, one-line description) from the notebook's first markdown cell."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        lines = [ln.strip() for ln in cell.source.splitlines() if ln.strip()]
        title = next((ln.lstrip("# ").strip() for ln in lines if ln.startswith("#")), fallback)
        prose = next((ln for ln in lines if not ln.startswith(("#", "<", ">", "|", "-", "*"))), "")
        first = re.split(r"(?<=[.!?])\s", prose, maxsplit=1)[0]
        return title, re.sub(r"[*_`]", "", first)
    return fallback, ""


INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


def execute_notebook(path: Path, *, timeout: int = 600) -> nbformat.NotebookNode:
    """Run a notebook top to bottom on a fresh kernel; raises on the first failing cell.

    The kernel draws with the inline backend whatever ``MPLBACKEND`` the caller has, so figures
    land in the notebook's outputs.
    """
    os.environ["MPLBACKEND"] = INLINE_BACKEND
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        extra_arguments=["--IPKernelApp.log_level=ERROR"],  # no transport warnings in the log
    )
    client.execute()
    return nb


_NOTEBOOK_LINK = re.compile(r"""(href=["'])([\w.-]+)\.ipynb(["'#])""")


def link_rendered_pages(page: str) -> str:
    """Point links between notebooks (``02-tone.ipynb``) at their rendered pages (``02-tone.html``)."""
    return _NOTEBOOK_LINK.sub(r"\1\2.html\3", page)


def _export(nb: nbformat.NotebookNode) -> str:
    exporter = HTMLExporter(template_name="lab", embed_images=True)
    body, _ = exporter.from_notebook_node(nb)
    return link_rendered_pages(strip_remote_scripts(body))


_INDEX_CSS = """
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:52rem;margin:2rem auto;
padding:0 1rem;color:#1d1d1f}h1{font-size:1.7rem;margin-bottom:.2rem}li{margin:.6rem 0}
a{color:#0b57d0}small{color:#555}.lead{color:#444}code{background:#f3f3f3;padding:0 .2rem}
"""


def _index(entries: list[tuple[str, str, str]], report: str | None, seconds: float) -> str:
    items = "\n".join(
        f'<li><a href="{html.escape(href)}">{html.escape(title)}</a><br><small>{html.escape(line)}</small></li>'
        for href, title, line in entries
    )
    report_item = (
        f'<p><a href="{html.escape(report)}">The comparison report for the seed event</a> '
        "— one self-contained page: tone, wording, emphasis and the limits of each measure.</p>"
        if report
        else ""
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Source-bias comparison suite</title><style>{_INDEX_CSS}</style></head>
<body><h1>Source-bias comparison suite</h1>
<p class="lead">Two or more news articles about the same event, side by side: how they differ in tone,
wording and emphasis, and what each measure cannot see. Every page here opens offline.</p>
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
) -> Path:
    """Execute every notebook in ``notebooks_dir`` and write ``out/``.

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
    inputs = [folder, *paths] + ([event] if with_report else [])
    check_output_dir(out, inputs=inputs)  # refuse before spending minutes on the notebooks

    def run(path: Path) -> tuple[Path, nbformat.NotebookNode | None, str]:
        began = time.perf_counter()
        try:
            nb = execute_notebook(path)
        except Exception as err:  # noqa: BLE001 - collected and reported per notebook below
            log(f"FAILED {path.name}: {_short_error(err)}")
            return path, None, f"{path.name}: {_short_error(err)}"
        log(f"executed {path.name} in {time.perf_counter() - began:.1f} s")
        return path, nb, ""

    pool = ThreadPoolExecutor(max_workers=max(1, workers))
    try:
        executed = list(pool.map(run, paths))
    except BaseException:  # an interrupt: do not start the notebooks still queued
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    failures = [message for _, _, message in executed if message]
    if failures:
        raise RenderError("notebooks failed: " + "; ".join(failures))

    with replace_dir_atomic(out, inputs=inputs) as tmp:
        entries = []
        for path, nb, _ in executed:
            (tmp / f"{path.stem}.html").write_text(_export(nb), encoding="utf-8")
            nbformat.write(nb, tmp / f"{path.stem}.ipynb")
            title, line = notebook_summary(nb, path.stem)
            entries.append((f"{path.stem}.html", title, line))
        report = None
        if with_report and event.exists():
            from analysis.compare import compare
            from analysis.corpus import load_corpus

            comparison = compare(*load_corpus(event))
            (tmp / "report.html").write_text(comparison.to_html(json_href="report.json"), encoding="utf-8")
            (tmp / "report.json").write_text(
                json.dumps(comparison.to_json(), ensure_ascii=False, indent=1, allow_nan=False),
                encoding="utf-8",
            )
            report = "report.html"
        (tmp / "index.html").write_text(
            _index(entries, report, time.perf_counter() - started), encoding="utf-8"
        )
    return Path(out)
