"""The comparison's JSON written a piece at a time (benchmarks/large_pair.py: two 4.9 MB articles):
byte for byte what ``json.dump(..., ensure_ascii=False, indent=1)`` writes, without holding the
whole object; and a comparison that lets go of what it no longer reads."""

from __future__ import annotations

import importlib
import io
import json

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.compare import compare
from analysis.inputs import articles_from_texts
from analysis.jsonable import records, streamed_records, write_json

compare_module = importlib.import_module("analysis.compare")  # ``analysis.compare`` is also the function
sections_module = importlib.import_module("analysis.sections")


def dumped(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, allow_nan=False)


def written(value) -> str:
    out = io.StringIO()
    write_json(value, out.write)
    return out.getvalue()


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=st.characters(codec="utf-8")),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(values)
def test_written_json_is_json_dump_byte_for_byte(value):
    assert written(value) == dumped(value)


def test_long_strings_are_escaped_in_pieces_alike():
    # quotes, backslashes, control characters, line breaks and characters past the BMP, across the
    # 65,536-character pieces an article's body is written in
    body = ('He said "no" \\ then\tleft.\n\u2028Ünïcödé 🙂 \x01' * 9000)[:200_003]
    value = {"articles": [{"body": body, "n": 1}, {"body": "", "n": 2}], "empty": [], "none": {}}
    assert written(value) == dumped(value)


def test_streamed_rows_are_made_as_they_are_written_and_read_the_same():
    frame = pd.DataFrame({"term": ["a", "b\u00e9", None], "score": [0.123456, float("nan"), 2.0], "n": [1, 2, 3]})
    plain = records(frame, ["term", "score", "n", "missing"])
    with streamed_records():
        lazy = records(frame, ["term", "score", "n", "missing"])
        nested = {"rows": lazy, "empty": records(frame.iloc[0:0]), "k": 1}
    assert list.__len__(lazy) == 0  # the rows are not held ...
    assert len(lazy) == 3 and list(lazy) == plain  # ... but made on demand, equal to the list's
    assert written(nested) == dumped({"rows": plain, "empty": [], "k": 1})
    assert isinstance(records(frame), list) and len(records(frame)) == 3  # outside the block: a list


TEXTS = {
    "wire": "Drone strikes hit air bases as talks resume\nUkraine said on Sunday its drones struck several "
            "Russian air bases. Russia's defence ministry claimed it repelled the attacks. Delegations met "
            "in Istanbul on Monday for a second round of talks, officials said.",
    "blog": "A masterstroke in the skies\nThe brazen strike humiliated the Kremlin, critics argued. Officials "
            "in Moscow admitted limited damage. The talks in Istanbul were, frankly, another symbolic move "
            "that achieved little beyond a prisoner exchange.",
    "paper": "Talks resume after drone raid\nNegotiators from Russia and Ukraine met in Istanbul. The "
             "meeting followed a drone raid on Russian bases, which Ukraine described as a success. "
             "Both sides agreed to exchange prisoners, according to Turkish officials.",
}


@pytest.fixture(scope="module")
def three():
    return articles_from_texts(TEXTS)


def test_comparison_writes_its_json_as_json_dump_would(three):
    comparison = compare(*three, progress=False)
    out = io.StringIO()
    comparison.write_json(out)
    assert out.getvalue() == dumped(comparison.to_json()) + "\n"


def test_texts_are_read_before_the_annotations_and_records_let_go_after_their_last_reader(three, monkeypatch):
    """The sentence alignment and distinctive terms (texts alone) come before the annotations,
    and the sections after the last one that reads the annotation records get their tables only."""
    steps: list[str] = []
    align, annotate = sections_module.compare_sentences, compare_module.annotate_many
    monkeypatch.setattr(sections_module, "compare_sentences", lambda *a, **k: steps.append("align") or align(*a, **k))
    monkeypatch.setattr(compare_module, "annotate_many", lambda *a, **k: steps.append("annotate") or annotate(*a, **k))
    seen = {}

    def watching(section):
        def analyze(evidence):
            seen[section.name] = len(evidence.annotations)
            return section.analyze(evidence)
        return sections_module.Section(section.name, section.title, section.render, analyze, section.reads_records)

    plain = compare(*three, progress=False).to_json()
    steps.clear()
    monkeypatch.setattr(compare_module, "SECTIONS", tuple(watching(s) for s in sections_module.SECTIONS))
    watched = compare(*three, progress=False).to_json()
    assert steps == ["align", "annotate"]
    assert seen == {"tone": 3, "wording": 0, "emphasis": 0}
    assert watched == plain


def test_large_texts_hand_free_memory_back_with_the_same_result(three, monkeypatch):
    calls = []
    real = compare_module._return_free_heap
    monkeypatch.setattr(compare_module, "_return_free_heap", lambda: calls.append(1) or real())
    before = compare(*three, progress=False).to_json()
    assert calls == []  # small texts: nothing to hand back
    monkeypatch.setattr(compare_module, "LARGE_TEXT", 0)
    assert compare(*three, progress=False).to_json() == before
    assert len(calls) >= 3
