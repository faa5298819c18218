"""The wording model files: checked on load, written back unchanged, features declared once."""

from __future__ import annotations

import csv

import numpy as np
import pytest

from analysis.wording import features
from analysis.wording.model import MODEL_FILE, Model, ModelError, read_learned, write_learned
from analysis.wording.scan import Scorer, scan

TEXT = "The disgraceful regime claimed the talks were a triumph, critics said."


def _rows(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def _write(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)


def test_model_round_trips_through_csv(tmp_path):
    shipped = Model.from_csv(MODEL_FILE)
    out = tmp_path / "model.csv"
    shipped.to_csv(out)
    again = Model.from_csv(out)
    assert np.allclose(again.weights, shipped.weights, atol=1e-6)
    assert again.threshold == shipped.threshold and again.min_sentences == shipped.min_sentences
    assert np.allclose(again.calibration, shipped.calibration, atol=1e-6)
    assert again.validation.keys() == shipped.validation.keys()
    scores = [c.score for c in scan(TEXT, scorer=Scorer(model=again))]
    assert np.allclose(scores, [c.score for c in scan(TEXT)], atol=1e-5)


@pytest.mark.parametrize("damage", ["blank", "text", "missing"])
def test_damaged_model_file_is_an_error_naming_it(tmp_path, damage):
    rows = _rows(MODEL_FILE)
    i = next(i for i, r in enumerate(rows) if r[0] == "intercept")
    if damage == "blank":
        rows[i][2] = ""
    elif damage == "text":
        rows[i][2] = "minus two"
    else:
        del rows[i]
    path = tmp_path / "bias_model.csv"
    _write(path, rows)
    with pytest.raises(ModelError, match="bias_model.csv"):
        Model.from_csv(path)


def test_learned_table_is_checked(tmp_path):
    path = tmp_path / "learned.csv"
    write_learned({"disgrace": (3, 4), "talk": (0, 9)}, Model.hand_set(), path)
    assert read_learned(path) == {"disgrace": (3, 4), "talk": (0, 9)}
    rows = _rows(path)
    rows[1][2] = "5"  # k > n
    _write(path, rows)
    with pytest.raises(ModelError, match="learned.csv: line 2"):
        read_learned(path)


def test_features_are_declared_once():
    assert tuple(f.name for f in features.DECLARED) == features.FEATURES
    assert set(features.FEATURE_WORDS) == set(features.DEFAULT_WEIGHTS) == set(features.FEATURES)
    assert len(features.base_features("disgraceful")) == features.N_BASE
    kinds = [f.kind for f in features.DECLARED]
    assert kinds.index("context") == features.N_WORD
    assert Model.hand_set().weight("loaded") == features.DEFAULT_WEIGHTS["loaded"]


def test_scan_yields_named_records():
    cues = scan(TEXT)
    claimed = next(c for c in cues if c.term == "claimed")
    assert claimed.category == "attribution" and claimed.stance == "doubt"
    assert TEXT[claimed.start:claimed.end] == "claimed"
    assert 0 <= claimed.score <= 1 and claimed.why.startswith("'claimed'")
