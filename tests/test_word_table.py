"""The precomputed word table (``analysis.wording.precomputed``, built by ``analysis.wording.table``):
the shipped table is fresh, its entries equal fresh computation, words read through it score as
computed words do, and a stale, missing or unreadable table is ignored (results stay right)."""

from __future__ import annotations

import hashlib
import shutil
import warnings
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis.lexicon
from analysis.categories import lexicon_order
from analysis.lexicon import use_lexicon_dir
from analysis.paths import LEXICON_DIR
from analysis.text import WORD_PATTERN, normalize_token
from analysis.wording import occurrences, precomputed
from analysis.wording.features import base_features, is_candidate, negative_ratings
from analysis.wording.lexicons import curated, curated_word
from analysis.wording.precomputed import (
    TABLE_FILE,
    fingerprint,
    fingerprint_parts,
    ignored,
    read_table,
    word_table,
)
from analysis.wording.scorer import Scorer
from analysis.wording.table import build, write

_FIELDS = ("z", "category", "stance", "evidence", "lexical", "z_plain", "p", "lean", "evaluative", "listed", "why")
EVENTS = Path(__file__).parent / "fixtures" / "events"


def _stored_fingerprint() -> str:
    with np.load(TABLE_FILE, allow_pickle=False) as data:
        return str(data["fingerprint"])


def _stored_sources() -> tuple[str, ...]:
    with np.load(TABLE_FILE, allow_pickle=False) as data:
        return tuple(str(s) for s in data["sources"])


def _require_fresh() -> None:
    """Fail when the shipped table is stale for this checkout (a lexicon it reads edited, or
    TABLE_VERSION raised, without `make word-table`); skip when only the installed versions of the
    packages it reads differ (it is then ignored here: slower, same results)."""
    if _stored_fingerprint() == fingerprint():
        return
    old, new = _stored_sources(), fingerprint_parts()
    differ = [(a, b) for a, b in zip(old, new, strict=False) if a != b]
    if len(old) == len(new) and differ and all(a.split(" ", 1)[0] in precomputed.PACKAGES for a, _ in differ):
        pytest.skip("the shipped word table was built with " + ", ".join(a for a, _ in differ) + ", installed here: "
                    + ", ".join(b for _, b in differ) + "; ignored here (slower, same results): `make word-table`")
    pytest.fail("stale analysis/models/word_table.npz (" + "; ".join(f"{a} -> {b}" for a, b in differ)
                + "): run `make word-table`")


def _shipped_words() -> list[str]:
    table = read_table(TABLE_FILE, expected=_stored_fingerprint())
    assert table is not None
    return list(table.codes)


def test_shipped_table_is_read_and_fresh():
    """The shipped table's fingerprint is the one computed now: edit a lexicon it is computed from, or
    raise TABLE_VERSION, without `make word-table`, and this fails (another version of a package it reads
    skips it: the table is then ignored, slower, same results)."""
    stored = _stored_sources()
    assert hashlib.sha256("\n".join(stored).encode()).hexdigest() == _stored_fingerprint()
    _require_fresh()
    table = word_table()
    assert table is not None and len(table.codes) > 50_000
    assert Scorer()._table_scores(table) is not None, (
        "the shipped word table's scores are not the shipped model's (refitted without `make word-table`?)")


@pytest.mark.slow
def test_shipped_table_equals_a_fresh_build():
    """Every entry of the shipped table equals the facts computed afresh for its word (a change to the
    code behind them without a rebuild fails here even when the fingerprint matches)."""
    _require_fresh()
    words = _shipped_words()
    with np.load(TABLE_FILE, allow_pickle=False) as data:
        codes, rows = data["codes"], data["rows"]
    built = build(words)
    assert built.fingerprint == _stored_fingerprint()
    assert np.array_equal(built.codes, codes) and np.array_equal(built.rows, rows)


def _sample_words() -> list[str]:
    """Every 40th table word, the words of the test events, and forms of curated words."""
    words = _shipped_words()[::40]
    for path in sorted(EVENTS.glob("*/*.txt")):
        words += [normalize_token(w) for w in WORD_PATTERN.findall(path.read_text(encoding="utf-8"))]
    return list(dict.fromkeys(words))


def _facts(words: list[str]) -> dict[str, tuple]:
    return {w: (is_candidate(w), curated_word(w), negative_ratings(w), base_features(w, True),
                base_features(w, False)) for w in words}


def _scores(scorer: Scorer, keys: list[tuple[str, bool, bool]]) -> dict[tuple[str, bool, bool], tuple | None]:
    scorer.words(keys)
    out = {}
    for key in keys:
        hit = scorer._memo[key]
        out[key] = None if hit is None else tuple(getattr(hit, f) for f in _FIELDS)
    return out


@pytest.fixture(scope="module")
def computed() -> tuple[dict[str, tuple], dict[tuple[str, bool, bool], tuple | None]]:
    """The facts and scores of :func:`_sample_words`, every word computed (the table not read)."""
    words = _sample_words()
    keys = [(w, capital, cur) for w in words for capital in (False, True) for cur in (True, False)]
    with ignored():
        assert word_table() is None
        return _facts(words), _scores(Scorer(), keys)


def test_words_read_through_the_table_equal_computed_words(computed):
    _require_fresh()
    facts, scores = computed
    assert word_table() is not None
    words = list(facts)
    held = [w for w in words if w in word_table().codes]
    assert len(held) > 1000 and len(words) - len(held) > 100  # both paths are exercised
    assert _facts(words) == facts
    assert _scores(Scorer(), list(scores)) == scores


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_batches_of_table_words_score_as_computed(computed, data):
    """Any batch of the sample's keys, scored by a fresh scorer through the table, scores as every
    word computed."""
    _, scores = computed
    keys = data.draw(st.lists(st.sampled_from(sorted(scores)), min_size=1, max_size=60, unique=True))
    assert _scores(Scorer(), keys) == {k: scores[k] for k in keys}


_TABLE_WORDS = _shipped_words()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_TABLE_WORDS), min_size=1, max_size=30, unique=True))
def test_any_table_words_equal_their_fresh_facts_and_scores(words):
    """Any words of the shipped table: their entries equal the facts computed afresh, and a scorer
    reading them scores every key as a scorer computing them."""
    _require_fresh()
    table = word_table()
    fresh = build(words)
    below_row = (1 << precomputed.ROW_SHIFT) - 1  # flags and forms (row numbers and places differ between tables)
    for word, code in zip(words, fresh.codes.tolist(), strict=True):
        shipped = table.codes[word]
        assert shipped & below_row == code & below_row, word
        assert table.row(precomputed.row_of(shipped)) == tuple(fresh.rows[precomputed.row_of(code)].tolist())
    keys = [(w, capital, cur) for w in words for capital in (False, True) for cur in (True, False)]
    with ignored():
        computed = _scores(Scorer(), keys)
    assert _scores(Scorer(), keys) == computed


def test_table_of_a_changed_lexicon_folder_is_ignored(tmp_path):
    """A lexicon folder that differs in a file the table reads gives another fingerprint: the table
    is ignored there and the edit takes effect; an identical folder, or one differing only in a file
    the table does not read, keeps it."""
    _require_fresh()
    shipped = fingerprint()
    word = "meeting"
    assert word in word_table().codes and curated_word(word) is None
    same = tmp_path / "same"
    shutil.copytree(LEXICON_DIR, same)
    with use_lexicon_dir(same):
        assert fingerprint() == shipped and word_table() is not None
    other = tmp_path / "other"
    shutil.copytree(LEXICON_DIR, other)
    with open(other / "places.csv", "a", encoding="utf-8") as handle:
        handle.write("Nowhereville,Nowhereville,town,a test row,the test\n")
    with use_lexicon_dir(other):
        assert fingerprint() == shipped and word_table() is not None
    edited = tmp_path / "edited"
    shutil.copytree(LEXICON_DIR, edited)
    with open(edited / "loaded_words.csv", encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split(",")
    row = {"term": word, "category": "loaded", "rationale": "a test row", "source": "the test"}
    with open(edited / "loaded_words.csv", "a", encoding="utf-8") as handle:
        handle.write(",".join(row.get(column, "") for column in header) + "\n")
    with use_lexicon_dir(edited):
        assert fingerprint() != shipped and word_table() is None
        assert curated_word(word) is not None and is_candidate(word)
        score = Scorer().word(word, False)
        assert score is not None and score.listed and score.category == "loaded"
    assert word_table() is not None and curated_word(word) is None


def test_building_reads_only_the_lexicons_the_fingerprint_covers(monkeypatch):
    """The lexicon files read while the table's facts are computed are those :func:`fingerprint`
    hashes (else an edit to another one would leave a stale table in use)."""
    read: set[str] = set()
    original = analysis.lexicon._read

    def recording(name: str):
        read.add(name)
        return original(name)

    recording.cache_clear = original.cache_clear  # type: ignore[attr-defined]
    monkeypatch.setattr(analysis.lexicon, "_read", recording)
    words = _shipped_words()[::20] + ["annihilating", "scrapping", "seethed", "shamed", "claims", "café", "covid-19"]
    build(words)
    assert read, "no lexicon read: the check saw nothing"
    assert read <= set(precomputed.LEXICONS) | set(lexicon_order())


def test_missing_or_unreadable_table_is_ignored(tmp_path):
    assert read_table(tmp_path / "none.npz") is None
    broken = tmp_path / "broken.npz"
    broken.write_bytes(b"not a table")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert read_table(broken) is None
    assert any("broken.npz" in str(w.message) for w in caught)


def test_written_table_reads_back_with_its_fingerprint(tmp_path):
    words = ["the", "disgraceful", "regime", "claims", "meeting", "gently"]
    built = build(words)
    path = tmp_path / "table.npz"
    write(built, path)
    table = read_table(path)
    assert table is not None and list(table.codes) == words
    for word in words:
        code = table.codes[word]
        assert table.row(precomputed.row_of(code)) == base_features(word, True)
        assert bool(code & precomputed.CANDIDATE) == is_candidate(word)
    assert read_table(path, expected="another fingerprint") is None


def test_table_scores_serve_only_the_shipped_word_model(computed):
    """The table's word scores are read by a scorer whose word-level model and learned table are the
    shipped ones (a change of a context weight keeps them); another word weight or learned table
    computes every word, and either way every key scores as computed."""
    _require_fresh()
    _, scores = computed
    keys = sorted(scores)[::7]
    table = word_table()
    shipped = Scorer()
    assert shipped._table_scores(table) is not None
    context = Scorer(shipped.model.with_weight("nearby", 0.123))
    assert context._table_scores(table) is not None
    assert _scores(context, keys) == {k: scores[k] for k in keys}
    other = Scorer(shipped.model.with_weight("rarity", shipped.model.weight("rarity") + 0.5))
    assert other._table_scores(table) is None
    with ignored():
        expected = _scores(Scorer(other.model), keys)
    assert _scores(other, keys) == expected
    assert Scorer(shipped.model, dict(shipped.learned))._table_scores(table) is None
    assert shipped.with_model(context.model)._table_scores(table) is not None  # the shipped table passed on


def test_table_scores_make_their_reason_when_read(computed):
    """A score read from the table makes its reason's parts (feature vector first) when asked:
    the same as a computed score's."""
    _require_fresh()
    words = ["regime", "brutal", "gently", "claims", "disgraceful", "bombshell"]
    keys = [(w, capital, True) for w in words for capital in (False, True)]
    through = Scorer()
    through.words(keys)
    with ignored():
        alone = Scorer()
        alone.words(keys)
        for key in keys:
            a, b = through._memo[key], alone._memo[key]
            assert a is not None and b is not None and a.reason[0] is None
            x, *rest = a.reason_parts()
            y, *rest_b = b.reason_parts()
            assert np.array_equal(x, y) and rest[1:] == rest_b[1:] and a.why == b.why


def _token_facts(tokens: list[str]) -> dict[str, tuple]:
    """The word pass's facts of each token (``occurrences._token_facts``), read afresh."""
    occurrences.clear_caches()
    return {t: (occurrences._token_facts(t), occurrences._TOKEN_STARTS.get(t)) for t in tokens}


def _token_forms(words: list[str]) -> list[str]:
    """Each word as written in a text: lower case, capitalised, upper case, possessive (straight
    and curly apostrophe)."""
    return list(dict.fromkeys(f for w in words for f in (w, w.capitalize(), w.upper(), w + "'s", w + "’s")))


def _realistic_tokens() -> list[str]:
    """Tokens of the test events, every 40th table word in its forms, the curated phrases' first
    words and the verb-list words the noun and object checks look for."""
    tokens = []
    for path in sorted(EVENTS.glob("*/*.txt")):
        tokens += WORD_PATTERN.findall(path.read_text(encoding="utf-8"))
    starts = [term.split()[0] for term in curated() if " " in term]
    verbs = ["claim", "claims", "claimed", "claiming", "maintain", "maintains", "maintained", "report", "reports",
             "blast", "slam", "stress", "reveal", "brag", "according", "to", "said", "we", "US", "us"]
    return list(dict.fromkeys(tokens + _token_forms(_shipped_words()[::40] + starts + verbs)))


def test_token_facts_read_through_the_table_equal_computed_ones():
    """A token's facts in the word pass (worth scoring, the flags, where a phrase or a verb taking
    a plain object may start), read through the table's marks, equal those computed with the
    patterns (the table not read)."""
    _require_fresh()
    tokens = _realistic_tokens()
    held = [t for t in tokens if t.isascii() and normalize_token(t) in word_table().codes]
    assert len(held) > 5000 and len(tokens) - len(held) > 1000  # both paths are exercised
    assert any(occurrences._token_facts(t)[2] & occurrences._STARTS_FLAG for t in held)
    through = _token_facts(tokens)
    with ignored():
        assert word_table() is None
        computed = _token_facts(tokens)
    assert through == computed


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(_TABLE_WORDS),
                          st.sampled_from([str.lower, str.upper, str.capitalize, str.title, str.swapcase])),
                min_size=1, max_size=30))
def test_any_table_words_as_tokens_have_their_computed_facts(pairs):
    _require_fresh()
    tokens = [case(word) for word, case in pairs]
    through = _token_facts(tokens)
    with ignored():
        computed = _token_facts(tokens)
    assert through == computed
