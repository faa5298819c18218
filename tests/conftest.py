"""Shared fixtures: the seed event loaded once, small real texts, crafted files."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest

os.environ.setdefault("MPLBACKEND", "Agg")
matplotlib.use("Agg")

from analysis.inputs import load_corpus  # noqa: E402
from analysis.paths import DEFAULT_EVENT  # noqa: E402

SEED_FIRST = "000_05732b7640654d32"
SEED_SECOND = "002_f4a7d9bc57f2e899"


@pytest.fixture(scope="session")
def seed_event() -> Path:
    return DEFAULT_EVENT


@pytest.fixture(scope="session")
def seed_tables():
    """(articles, sentences) of the seed event, loaded once for the session."""
    return load_corpus(DEFAULT_EVENT)


@pytest.fixture(scope="session")
def seed_articles(seed_tables):
    return seed_tables[0]


@pytest.fixture(scope="session")
def seed_sentences(seed_tables):
    return seed_tables[1]


@pytest.fixture()
def write(tmp_path):
    """Write a file under tmp_path: write("a.txt", "text" or b"bytes") -> Path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write
