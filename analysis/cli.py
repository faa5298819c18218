"""The command line: ``python -m analysis compare PATH…`` and ``python -m analysis render``.

Exit status 0 on success, 2 on bad input with a one-line message on stderr naming the file and the
problem (no traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from analysis import __version__
from analysis.atomic import OutputError, check_output_file, write_text_atomic
from analysis.compare import SCHEMA, compare
from analysis.corpus import CorpusError, CorpusWarning, require_comparison
from analysis.inputs import load_corpus
from analysis.inputs.tables import split_groups
from analysis.jsonable import streamed_records, write_json
from analysis.paths import DEFAULT_EVENT, SITE_DIR
from analysis.summary import text_summary

__all__ = ["main"]

EXIT_BAD_INPUT = 2


_EXAMPLES = {
    "main": """examples:
  source-bias compare corpus/2025-06-spiderweb-istanbul/
  source-bias compare a.txt b.txt --html report.html
  source-bias render --out site/
  source-bias COMMAND --help      (examples for each command)""",
    "compare": """examples:
  source-bias compare corpus/my-event/                       readable summary
  source-bias compare a.txt b.txt c.txt --json               every table as JSON
  source-bias compare corpus/my-event/ --html report.html    one offline page
  source-bias compare page.html https://example.org/story a.txt        saved pages, URLs, files
  source-bias compare https://example.org/feed.rss --save-pages saved/   a feed's items, kept offline
  source-bias compare articles.csv --text-column text --group-column event
                                                             one comparison per event
  source-bias compare corpus/my-event/ --csv tables/ --excel tables.xlsx   every table out""",
    "render": """examples:
  source-bias render                       every notebook on the seed event, into site/
  source-bias render --out /tmp/site       somewhere else
  source-bias render --event corpus/my-event --out my-site
                                           the suite on your own articles (overview, notebook 06 …)""",
}


def _prog() -> str:
    """``source-bias`` when run by the console script, else ``python -m analysis``."""
    return "source-bias" if Path(sys.argv[0]).name.startswith("source-bias") else "python -m analysis"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=_prog(),
        description="Compare news articles about one event: tone, wording and emphasis.",
        epilog=_EXAMPLES["main"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    cmp_ = sub.add_parser(
        "compare",
        help="compare two or more articles (files or event folders)",
        description="Compare two or more articles about one event: tone, wording and emphasis.",
        epilog=_EXAMPLES["compare"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cmp_.add_argument("paths", nargs="+", metavar="PATH", help="an article file or an event folder")
    cmp_.add_argument("--json", action="store_true", help="print the comparison as one JSON object")
    cmp_.add_argument("--html", metavar="OUT.html", help="write a self-contained HTML report")
    cmp_.add_argument(
        "--actors", metavar="FILE", help="an actor table (CSV: actor, term[, kind]) that extends discovery"
    )
    cmp_.add_argument("--topics", metavar="FILE", help="keyword topics (CSV: term, category)")
    cmp_.add_argument("--csv", metavar="DIR", help="write every table of the comparison as DIR/NAME.csv")
    cmp_.add_argument("--excel", metavar="OUT.xlsx", help="write every table to one workbook, a sheet a table")
    table = cmp_.add_argument_group("tables (CSV, TSV, JSON Lines, Parquet)")
    table.add_argument("--text-column", metavar="NAME", help="the column holding the article text")
    table.add_argument("--id-column", metavar="NAME", help="a column of unique article ids")
    table.add_argument(
        "--group-column", metavar="NAME", help="one comparison for each value of this column (e.g. event)"
    )
    web = cmp_.add_argument_group("web pages, URLs and feeds")
    web.add_argument("--timeout", type=float, metavar="SECONDS", help="wait this long for each URL (default 20)")
    web.add_argument(
        "--save-pages", metavar="DIR", help="save what came from the web as article files, to compare again offline"
    )
    cmp_.add_argument("--quiet", "-q", action="store_true", help="no progress bars")
    ren = sub.add_parser(
        "render",
        help="execute every notebook and write the site (HTML, index)",
        description="Execute every notebook and write the site: HTML pages, an index and the report.",
        epilog=_EXAMPLES["render"],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ren.add_argument("--out", default=None, help="output folder (default: the project's site/)")
    ren.add_argument("--notebooks", default=None, help="folder of notebooks (default: notebooks/)")
    ren.add_argument("--no-report", action="store_true", help="skip the seed event's HTML report")
    ren.add_argument(
        "--event", metavar="DIR", help="render the suite (overview, your-articles and the rest) for your own folder"
    )
    ren.add_argument("--quiet", "-q", action="store_true", help="no progress bars")
    return parser


def _summary(comparison) -> str:
    return text_summary(comparison)


def _compare(args: argparse.Namespace) -> int:
    options = {
        "text_column": args.text_column,
        "id_column": args.id_column,
        "timeout": args.timeout,
        "save_dir": args.save_pages,
    }
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        articles, sentences = load_corpus(args.paths, **{k: v for k, v in options.items() if v is not None})
    for warning in caught:
        if issubclass(warning.category, CorpusWarning):
            print(f"warning: {warning.message}", file=sys.stderr)
    inputs = [*args.paths, *(str(p) for p in articles["path"] if p), *(f for f in (args.actors, args.topics) if f)]  # never an output
    if args.group_column:
        return _compare_groups(args, articles, sentences, inputs)
    require_comparison(articles)
    if args.html:  # refuse a bad output path before the comparison runs
        check_output_file(args.html, inputs=inputs)
    if args.excel:
        check_output_file(args.excel, inputs=inputs)
    comparison = compare(
        articles, sentences, actors=args.actors, topics=args.topics, progress=False if args.quiet else None
    )
    if args.html:
        out = write_text_atomic(args.html, comparison.to_html(), inputs=inputs)
        print(f"wrote {out}", file=sys.stderr)
    _write_tables(args, comparison, inputs)
    if args.json:
        comparison.write_json(sys.stdout)
    elif not args.html:
        print(_summary(comparison))
    return 0


def _write_tables(args: argparse.Namespace, comparison, inputs: list, *, suffix: str = "") -> None:
    """``--csv DIR`` and ``--excel OUT.xlsx`` (with ``suffix`` before the extension, for groups)."""
    if args.csv:
        out = comparison.to_csv(_suffixed(args.csv, suffix), inputs=inputs)
        print(f"wrote {out}/ ({len(comparison.tables())} tables)", file=sys.stderr)
    if args.excel:
        out = comparison.to_excel(_suffixed(args.excel, suffix), inputs=inputs)
        print(f"wrote {out}", file=sys.stderr)


def _suffixed(name: str, suffix: str) -> Path:
    path = Path(name)
    return path.with_name(f"{path.stem}-{suffix}{path.suffix}") if suffix else path


def _compare_groups(args: argparse.Namespace, articles, sentences, inputs: list) -> int:
    """One comparison for each value of ``--group-column``; groups under two articles are skipped."""
    groups = list(split_groups(articles, sentences, by=args.group_column))
    kept = [(value, a, s) for value, a, s in groups if len(a) >= 2]
    for value, part, _ in groups:
        if len(part) < 2:
            print(f"warning: group {value!r}: {len(part)} article; a comparison needs two, skipped", file=sys.stderr)
    if not kept:
        raise CorpusError(args.group_column, "no group holds two or more articles to compare")
    names: dict[str, str] = {}
    for value, _, _ in kept:
        name = re.sub(r"[^A-Za-z0-9]+", "-", value).strip("-").lower()[:50] or "group"
        while name in names.values():
            name += "-2"
        names[value] = name
    for value in names:
        if args.html:
            check_output_file(_suffixed(args.html, names[value]), inputs=inputs)
    results = []
    for value, part, part_sentences in kept:
        comparison = compare(
            part, part_sentences, actors=args.actors, topics=args.topics, progress=False if args.quiet else None
        )
        if args.html:
            out = write_text_atomic(_suffixed(args.html, names[value]), comparison.to_html(), inputs=inputs)
            print(f"wrote {out}", file=sys.stderr)
        _write_tables(args, comparison, inputs, suffix=names[value])
        results.append((value, comparison))
    if args.json:
        with streamed_records():  # each table's rows are made as they are written
            payload = {"schema": SCHEMA, "group_column": args.group_column,
                       "groups": [{"group": value, **comparison.to_json()} for value, comparison in results]}
            write_json(payload, sys.stdout.write)
        sys.stdout.write("\n")
    elif not (args.html or args.csv or args.excel):
        for value, comparison in results:
            print(f"=== {args.group_column}: {value} ===")
            print(_summary(comparison))
            print()
    return 0


def _render(args: argparse.Namespace) -> int:
    from analysis.render import RenderError, render_site  # nbconvert and a Jupyter client: `render` only

    try:
        out = render_site(
            out=Path(args.out) if args.out else SITE_DIR,
            notebooks_dir=Path(args.notebooks) if args.notebooks else None,
            with_report=not args.no_report,
            log=lambda line: print(line, file=sys.stderr),
            progress=False if args.quiet else None,
            event=Path(args.event) if args.event else DEFAULT_EVENT,
            for_event=bool(args.event),
        )
    except RenderError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"wrote {out / 'index.html'}", file=sys.stderr)
    return 0


EXIT_INTERRUPTED = 130


class _Terminated(BaseException):
    """SIGTERM, raised like Ctrl-C so that every temporary output is cleaned up on the way out."""


def _on_sigterm(signum, frame):  # pragma: no cover - exercised through a subprocess in the tests
    raise _Terminated


def _silence_stdout() -> None:
    """Point standard output at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    0 on success; 2 with one line on stderr for bad input, a refused or failed output, or a failed
    render; 130 after Ctrl-C or SIGTERM, with temporary outputs removed and nothing half-written.
    """
    args = _parser().parse_args(argv)
    previous = None
    with contextlib.suppress(ValueError):  # not the main thread (an embedding program): keep its handler
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        status = _compare(args) if args.command == "compare" else _render(args)
        sys.stdout.flush()
        return status
    except (CorpusError, OutputError) as err:  # (a failed render: in _render)
        print(f"error: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `… | head`
        _silence_stdout()
        return 0
    except OSError as err:  # standard output on a full disk (`> /dev/full`) or a closed terminal
        _silence_stdout()
        print(f"error: cannot write the output: {err.strerror or err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (KeyboardInterrupt, _Terminated):
        print("interrupted: nothing was written", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
