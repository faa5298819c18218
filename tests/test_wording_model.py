"""The wording model files: checked on load, written back unchanged, features declared once."""

from __future__ import annotations

import csv

import numpy as np
import pandas as pd
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
    write_learned({"disgrace": (3, 4, 4), "talk": (0, 9, 2)}, Model.hand_set(), path)
    assert read_learned(path) == {"disgrace": (3, 4, 4), "talk": (0, 9, 2)}
    rows = _rows(path)
    rows[1][2] = "5"  # k > n
    _write(path, rows)
    with pytest.raises(ModelError, match="learned.csv: line 2"):
        read_learned(path)
    rows[1][2], rows[1][4] = "3", "1"  # b < k: marked in sentences nobody judged biased
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


def test_shipped_model_file_matches_the_declared_features():
    """The fitted file and the declarations agree: one coefficient per declared feature, one
    calibration weight per declared sentence feature, nothing else (fails after adding or
    renaming a feature without refitting)."""
    from analysis.wording.model import LEARNED_FILE

    rows = _rows(MODEL_FILE)
    header, body = rows[0], rows[1:]
    category = header.index("category")
    coefficients = [r[0] for r in body if r[category] == "coefficient"]
    calibration = [r[0] for r in body if r[category] == "calibration"]
    assert coefficients == list(features.FEATURES)
    assert calibration == ["calib_scale", "calib_intercept", *(f"calib_{f}" for f in features.SENTENCE_FEATURES)]
    model = Model.from_csv(MODEL_FILE)
    assert len(model.weights) == len(features.FEATURES)
    assert len(model.calibration) == 2 + len(features.SENTENCE_FEATURES)
    learned = read_learned(LEARNED_FILE)
    assert learned and all(0 <= k <= b <= n and n >= model.min_sentences for k, n, b in learned.values())


def test_words_of_opinion_sentences_tilt_the_sentence_but_a_flag_needs_lexical_evidence():
    """The sentence lean raises every word of a sentence whose words often stand in sentences
    experts judged biased, and the flag it tips over says so; a word resting only on rarity or
    shape is never made a flag by it."""
    from analysis.wording.features import has_lexical_evidence
    from analysis.wording.scan import HINT_WHY

    model = Model.from_csv(MODEL_FILE)
    assert model.calibration[-1] > 0  # the lean raises scores in sentences like the biased ones
    text = ("The radical left's insane scheme to destroy the suburbs is a disgrace, and everyone knows it. "
            "The committee will meet on Tuesday to discuss the budget for the coming year.")
    cues = scan(text)
    flags = [c for c in cues if c.score >= model.threshold]
    assert flags and all(has_lexical_evidence(pd.Series([c.evidence])).iat[0] for c in flags)
    assert all(HINT_WHY not in c.why for c in flags)
    first_end = text.index("Tuesday")
    assert max(c.score for c in cues if c.start < first_end) > max(
        (c.score for c in cues if c.start > first_end), default=0.0)


def test_a_word_the_annotations_never_saw_backs_off_to_its_family():
    """'sensationalism' is not in this learned table, but 'sensationalist' is: the family's marks
    become learned evidence for it, and its reason names the related word and the counts."""
    from analysis.wording.lexicons import family_form
    from analysis.wording.model import family_feature, family_table

    learned = {"sensationalist": (7, 10, 9), "talk": (0, 40, 15)}
    assert family_form("sensationalism") == family_form("sensationalists") == family_form("sensationalist")
    assert family_form("racism") == family_form("racists") != family_form("race")
    families = family_table(learned)
    value, seen, info = family_feature("sensationalism", learned, families, base_rate=0.05, smoothing=8.0)
    assert value > 0 and seen == 1.0 and info == (7, 10, "sensationalist")
    assert family_feature("sensationalist", learned, families, base_rate=0.05, smoothing=8.0)[1] == 0.0  # only itself
    hit = Scorer(learned=learned).word("sensationalism", False)
    assert "learned" in hit.evidence.split("+")
    assert "related words such as 'sensationalist' in 7 of 10" in hit.why
    assert hit.z > Scorer(learned={"talk": (0, 40, 15)}).word("sensationalism", False).z


def test_lexicons_weigh_more_for_words_the_annotations_never_saw():
    """The 'new_*' features carry a sentiment lexicon's rating only for a word the learned table
    does not know; for a known word its own counts speak."""
    from analysis.wording.scan import word_vector

    index = features.INDEX
    for word in ("gloomy", "awful"):
        unseen = word_vector(word, False, learned={}, family=(0.0, 0.0))
        assert unseen[index["new_subjective"]] == unseen[index["tb_subj"]]
        assert unseen[index["new_charged"]] == max(unseen[index["vader"]], unseen[index["afinn"]]) > 0
        known = word_vector(word, False, learned={word: (3, 4, 4)}, family=(0.0, 0.0))
        assert known[index["new_subjective"]] == known[index["new_charged"]] == 0.0
