"""The speed-ups of issue 13 item 6 find exactly what the patterns they replace find.

Each fast path is checked against the plain pattern it replaces (kept here as the oracle), on
the seed and lesson articles split into sentences, and on generated text built from the words
and marks the shortcuts reason about (names, role nouns, titles, quotes, commas, odd letters
that fold to ASCII under case-insensitive matching).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import sourcing, voice
from analysis.inputs import load_corpus
from analysis.paths import CORPUS_DIR
from analysis.text import WORD_PATTERN, first_letters_class
from analysis.wording import occurrences as wording_words

# ---------------------------------------------------------------------------------------------
# Oracles: the patterns as they were written before
# ---------------------------------------------------------------------------------------------

_OLD_SENTENCE_END = re.compile("".join(rf"(?<!\b{t})" for t in wording_words._TITLES) + r"[.!?]")


def _plain_patterns() -> tuple[dict, re.Pattern, re.Pattern]:
    """The attribution patterns, and ``source_verb`` / ``verb_source`` with the role nouns as
    one plain case-insensitive alternation (the oracle)."""
    patterns, _ = sourcing.attribution_pattern()
    alternatives = [re.escape(h).replace(r"\ ", r"\s+") for h in sorted(sourcing._group_heads()[0], key=len, reverse=True)]
    grouped = sourcing._caseless_alternation(alternatives)
    plain = "(?i:" + "|".join(alternatives) + ")"
    assert grouped in patterns["source_verb"].pattern
    return (
        patterns,
        re.compile(patterns["source_verb"].pattern.replace(grouped, plain)),
        re.compile(patterns["verb_source"].pattern.replace(grouped, plain)),
    )


def _found(matches) -> list[tuple]:
    return [(m.span(), m.span("src"), m.span("verb"), m.group("src"), m.group("verb")) for m in matches]


@pytest.fixture(scope="module")
def real_sentences() -> list[str]:
    out = []
    for event in sorted(p for p in CORPUS_DIR.iterdir() if p.is_dir()):
        _, sentences = load_corpus(event)
        out.extend(sentences["text"].astype(str))
    assert len(out) > 50
    return out


# ---------------------------------------------------------------------------------------------
# Wording scan: sentence ends
# ---------------------------------------------------------------------------------------------


@given(st.lists(st.sampled_from(["Sen", "Mr", "Calif", "Dr", ".", "!", "?", " ", "x", "é", "\n", "aSen", "_"]),
                max_size=30).map("".join))
@settings(max_examples=400, deadline=None)
def test_sentence_end_matches_the_original_pattern(text):
    assert [m.start() for m in wording_words._SENTENCE_END.finditer(text)] == [
        m.start() for m in _OLD_SENTENCE_END.finditer(text)
    ]


def test_sentence_end_matches_the_original_pattern_on_articles(real_sentences):
    text = " ".join(real_sentences)
    assert [m.start() for m in wording_words._SENTENCE_END.finditer(text)] == [
        m.start() for m in _OLD_SENTENCE_END.finditer(text)
    ]


# ---------------------------------------------------------------------------------------------
# Sourcing: role nouns grouped by first letter, the source-verb pattern tried where it can start
# ---------------------------------------------------------------------------------------------

_WORDS = [
    "officials", "Officials", "OFFICIALS", "official's", "said", "told", "claimed", "the", "a", "senior", "Some",
    "many", "U.S.", "Peskov", "Kremlin", "spokesman", "he", "They", "who", "and", "also", "has", "business",
    "owners", "experts-", "(officials", '"', "“", "”", ",", ".", "\n", "  ", "\u00a0", "ſome", "\u212aremlin",
    "İ", "ı", "Ministry", "Defense", "Russian", "of", "according", "to", "people", "critics", "é",
]


@given(st.lists(st.sampled_from(_WORDS), max_size=16), st.sampled_from([" ", "", " , "]))
@settings(max_examples=600, deadline=None)
def test_source_verb_matches_the_plain_pattern(words, joint):
    patterns, source_verb, verb_source = _plain_patterns()
    text = joint.join(words)
    assert _found(patterns["source_verb"].finditer(text)) == _found(source_verb.finditer(text))
    assert _found(patterns["verb_source"].finditer(text)) == _found(verb_source.finditer(text))


def test_source_verb_matches_the_plain_pattern_on_articles(real_sentences):
    patterns, source_verb, verb_source = _plain_patterns()
    found = 0
    for text in [*real_sentences, " ".join(real_sentences)]:
        fast = _found(patterns["source_verb"].finditer(text))
        assert fast == _found(source_verb.finditer(text)), text
        assert _found(patterns["verb_source"].finditer(text)) == _found(verb_source.finditer(text)), text
        found += len(fast)
    assert found > 10


def test_caseless_alternation_matches_the_plain_one():
    alternatives = ["officials", "official", "business\\s+owners", "business", "some", "kremlin"]
    grouped = re.compile(sourcing._caseless_alternation(alternatives) + r"(?![\w\-])")
    plain = re.compile("(?i:" + "|".join(alternatives) + r")(?![\w\-])")
    for text in ["OFFICIALS official Business  owners ſome \u212aremlin businesses", "officialsome business"]:
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert sourcing._caseless_alternation(["9lives", "x"]) == "(?i:9lives|x)"


@pytest.mark.parametrize("letters", ["s", "crbsw", "mc", "AZ"])
def test_first_letters_class_lets_through_every_case_insensitive_start(letters):
    allowed = re.compile(first_letters_class(letters))
    folds = re.compile(rf"(?i)[{letters.lower()}]")
    for code in range(0x2200):
        char = chr(code)
        if folds.fullmatch(char):  # every character a case-insensitive match can start with
            assert allowed.fullmatch(char), (letters, hex(code))
        if char.isascii():  # and no other ASCII character
            assert bool(allowed.fullmatch(char)) == (char.lower() in letters.lower() and char.isalpha())


# ---------------------------------------------------------------------------------------------
# Import time: compare --json loads neither the notebook machinery nor matplotlib
# ---------------------------------------------------------------------------------------------

_HEAVY = ("analysis.render", "nbformat", "nbclient", "nbconvert", "jsonschema", "matplotlib", "analysis.plots")


def test_compare_json_imports_neither_the_notebook_machinery_nor_matplotlib(tmp_path):
    """``python -m analysis compare EVENT --json`` draws nothing, so it loads no plotting library
    (a third of a second) and no notebook machinery; the HTML report, which draws, does load
    matplotlib (which shows that the check sees it)."""
    event = CORPUS_DIR / "2025-06-spiderweb-istanbul"
    code = (
        "import runpy, sys\n"
        "def run(*args):\n"
        "    sys.argv = ['analysis', *args]\n"
        "    try:\n"
        "        runpy.run_module('analysis', run_name='__main__', alter_sys=True)\n"
        "    except SystemExit as done:\n"
        "        assert not done.code, done.code\n"
        f"heavy = {_HEAVY!r}\n"
        f"run('compare', {str(event)!r}, '--json', '--quiet')\n"
        "print('JSON LOADED', sorted(m for m in heavy if m in sys.modules))\n"
        f"run('compare', {str(event)!r}, '--html', {str(tmp_path / 'report.html')!r}, '--quiet')\n"
        "print('HTML LOADED', sorted(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parents[1], timeout=300)
    lines = [line for line in done.stdout.splitlines() if line.endswith("]") and "LOADED" in line]
    assert lines[0] == "JSON LOADED []", done.stdout[-500:]
    assert lines[1].startswith("HTML LOADED") and "'matplotlib'" in lines[1], done.stdout[-500:]
    assert "'nbformat'" not in lines[1], lines[1]


# ---------------------------------------------------------------------------------------------
# Voice: words per voice counted per quoted stretch
# ---------------------------------------------------------------------------------------------


def _voice_counts_word_by_word(text: str, quotes) -> dict[str, int]:
    """The definition: each word's start looked up in the voice index."""
    index = voice.VoiceIndex(quotes)
    quoted = total = 0
    for m in WORD_PATTERN.finditer(text):
        total += 1
        quoted += index.quote_at(m.start()) is not None
    return {voice.NARRATOR: total - quoted, voice.QUOTED: quoted}


_SPANS = st.lists(st.tuples(st.integers(0, 80), st.integers(0, 30), st.sampled_from(["direct", "reported", "phrase"])),
                  max_size=6)


@given(st.lists(st.sampled_from(["a", "bb", "c.", '"', "said", " ", "\n"]), max_size=40).map(" ".join), _SPANS)
@settings(max_examples=400, deadline=None)
def test_voice_word_counts_equal_word_by_word_lookups(text, spans):
    quotes = [voice.Quote(a, a + n, kind) for a, n, kind in spans]  # overlapping and nested too
    assert voice.voice_word_counts(text, quotes=quotes) == _voice_counts_word_by_word(text, quotes)
    found = voice.quotations(text)
    assert voice.voice_word_counts(text) == _voice_counts_word_by_word(text, found)


@given(_SPANS, st.lists(st.integers(-2, 120), max_size=30), st.booleans())
@settings(max_examples=400, deadline=None)
def test_voices_walk_equals_one_search_a_position(spans, positions, ascending):
    """``VoiceIndex.voices`` walks along the quotations for ascending positions (and searches
    for one that goes back): the voice of each position as ``voice`` finds it on its own."""
    speakers = ["Ann", None, "Bo"]
    quotes = [voice.Quote(a, a + n, kind, speakers[k % 3]) for k, (a, n, kind) in enumerate(spans)]
    index = voice.VoiceIndex(quotes)
    positions = sorted(positions) if ascending else positions
    assert index.voices(positions) == [index.voice(p) for p in positions]


def test_voice_word_counts_equal_word_by_word_lookups_on_articles(real_sentences):
    text = "\n\n".join(real_sentences)
    quotes = voice.quotations(text)
    counts = voice.voice_word_counts(text, quotes=quotes)
    assert counts == _voice_counts_word_by_word(text, quotes)
    assert counts[voice.QUOTED] > 0
