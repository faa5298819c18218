"""The command line: ``python -m analysis compare PATH…`` and ``python -m analysis render``.

Exit status 0 on success, 2 on bad input with a one-line message on stderr naming the file and the
problem (no traceback).
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path

from analysis.corpus import CorpusError, CorpusWarning, load_corpus, require_comparison

__all__ = ["main"]

EXIT_BAD_INPUT = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Compare news articles about one event: tone, wording and emphasis.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    cmp_ = sub.add_parser("compare", help="compare two or more articles (files or event folders)")
    cmp_.add_argument("paths", nargs="+", metavar="PATH", help="an article file or an event folder")
    cmp_.add_argument("--json", action="store_true", help="print the comparison as one JSON object")
    cmp_.add_argument("--html", metavar="OUT.html", help="write a self-contained HTML report")
    ren = sub.add_parser("render", help="execute every notebook and write the site (HTML, index)")
    ren.add_argument("--out", default=None, help="output folder (default: the project's site/)")
    ren.add_argument("--notebooks", default=None, help="folder of notebooks (default: notebooks/)")
    ren.add_argument("--no-report", action="store_true", help="skip the seed event's HTML report")
    return parser


def _summary(comparison) -> str:
    from analysis.summary import text_summary

    return text_summary(comparison)


def _compare(args: argparse.Namespace) -> int:
    from analysis.compare import compare

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        articles, sentences = load_corpus(args.paths)
    for warning in caught:
        if issubclass(warning.category, CorpusWarning):
            print(f"warning: {warning.message}", file=sys.stderr)
    require_comparison(articles)
    comparison = compare(articles, sentences)
    if args.html:
        from analysis.atomic import write_text_atomic

        out = write_text_atomic(args.html, comparison.to_html())
        print(f"wrote {out}", file=sys.stderr)
    if args.json:
        json.dump(comparison.to_json(), sys.stdout, ensure_ascii=False, indent=1, allow_nan=False)
        sys.stdout.write("\n")
    elif not args.html:
        print(_summary(comparison))
    return 0


def _render(args: argparse.Namespace) -> int:
    from analysis.paths import SITE_DIR
    from analysis.render import render_site

    out = render_site(
        out=Path(args.out) if args.out else SITE_DIR,
        notebooks_dir=Path(args.notebooks) if args.notebooks else None,
        with_report=not args.no_report,
        log=lambda line: print(line, file=sys.stderr),
    )
    print(f"wrote {out / 'index.html'}", file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "compare":
            return _compare(args)
        return _render(args)
    except CorpusError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # `… | head`
        return 0
