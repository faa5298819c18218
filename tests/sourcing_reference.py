"""Plain references for the sourcing and annotation shortcuts (test oracles, not shipped code).

``candidates_reference`` is ``analysis.sourcing._candidates`` as it was before the shortcuts of
issue 13 item 6: every pattern run over every sentence, ``source_verb`` as its whole pattern.
``has_attribution_word_reference`` is annotation's sentence filter as it was (the letter runs of
the lower-cased sentence as a list, met with the attribution words as a set). The fast paths are
tested equal to these in ``tests/test_sourcing_speed.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from analysis import annotate, sourcing


def candidates_reference(text: str, patterns: dict, stance_of: dict, words: object = None) -> Iterator[tuple]:
    """Every attribution match in one sentence, most specific pattern first, as
    ``_candidates`` yields them: ``(kind, match, source or None, source start, stance)``.
    (``words``, the sentence's words when known, is not read: every pattern is run.)"""
    for m in patterns["according_to"].finditer(text):
        source, s0 = sourcing._clean_source(m.group("src"), m.start("src"))
        yield "according_to", m, source, s0, stance_of.get(m.group("verb").lower(), "neutral")
    for m in patterns["passive"].finditer(text):
        part = m.group("part").lower()
        stance = stance_of[part] if part in ("alleged", "claimed") and part in stance_of else None
        yield "passive", m, None, 0, stance or sourcing.PASSIVE_HEDGE_STANCE.get(part, "doubt")
    for m in patterns["source_verb"].regex.finditer(text):
        source, s0 = sourcing._clean_source(m.group("src"), m.start("src"))
        if source.lower() not in sourcing._SKIP_LEADING:
            verb = re.sub(r"\s+", " ", m.group("verb")).lower()
            yield "source_verb", m, source, s0, stance_of.get(verb, "neutral")
    for m in patterns["verb_source"].finditer(text):
        source, s0 = sourcing._clean_source(m.group("src"), m.start("src"))
        yield "verb_source", m, source, s0, stance_of.get(m.group("verb").lower(), "neutral")
    for m in patterns["hedge"].finditer(text):
        yield "hedge", m, None, 0, stance_of.get(m.group("verb").lower(), "doubt")


def has_attribution_word_reference(text: str) -> bool:
    """True when a letter run of the lower-cased ``text`` is one of the attribution words."""
    return not annotate._attribution_words().isdisjoint(annotate._LETTER_RUN.findall(text.lower()))


def sentence_words_reference(text: str, words: frozenset[str]) -> frozenset[str]:
    """The letter runs of the lower-cased sentence ``text`` that are among ``words``, read from
    the sentence alone (what ``sourcing.sentence_words`` reads off a scan of the whole body)."""
    return frozenset(run for run in re.findall(r"[^\W\d_]+", text.lower()) if run in words)


def word_hits_reference(lower: str, words: frozenset[str]) -> list[tuple[int, str]]:
    """Every whole run of a-z in ``lower`` that is one of ``words``, with its start."""
    return [(m.start(), m.group()) for m in re.finditer(r"[a-z]+", lower) if m.group() in words]
