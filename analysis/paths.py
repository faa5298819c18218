"""Every project path, built once from the project root."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = PROJECT_ROOT / "corpus"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
SITE_DIR = PROJECT_ROOT / "site"
LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"
#: The event folder the notebooks open by default: the seed articles.
DEFAULT_EVENT = CORPUS_DIR / "2025-06-spiderweb-istanbul"
