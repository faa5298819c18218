"""The article-level benchmark's pieces: sentence matching and pairwise agreement."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import article_level as al  # noqa: E402


def test_sentences_are_found_in_their_article_with_quotes_and_spaces_folded():
    articles = [
        {"text": "The council met on Monday.\nIt approved a “sweeping” plan."},
        {"text": "Protesters gathered outside.  Police   watched."},
    ]
    frame = pd.DataFrame({"text": ['It approved a "sweeping" plan.', "Police watched.", "Nobody wrote this."]})
    assert al.match_sentences(frame, articles).tolist() == [0, 1, -1]


def test_pair_agreement_counts_same_topic_pairs_and_half_ties():
    table = pd.DataFrame({
        "topic": ["guns", "guns", "guns", "climate", "climate"],
        "outlet": ["a", "b", "c", "a", "b"],
        "expert_density": [1.0, 2.0, 3.0, 0.5, 4.0],
        "rate": [0.1, 0.3, 0.2, 1.0, 1.0],
    })
    # guns: (1,2) agree, (1,3) agree, (2,3) disagree; climate: tie in the rate counts 1/2
    share, n = al.pair_agreement(table, "rate")
    assert n == 4
    assert share == (1 + 1 + 0 + 0.5) / 4
    assert al.pair_agreement(table.assign(outlet="a"), "rate", cross_outlet=True)[1] == 0
