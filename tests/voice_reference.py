"""Plain references for the speed paths of ``analysis.voice.quotations`` (test oracles, not shipped code).

``speaker_before_reference`` and ``reported_reference`` are ``analysis.voice.speakers._speaker_before`` and
``_reported`` as they were before the shortcuts of issue 13 item 6: every "before" pattern
searched over its window once a speech verb stands in it, the "that" and closing patterns searched
over the whole sentence (and its last 260 characters), the speech verbs of each paragraph found in
that paragraph alone, every word of a clause counted. ``reported_reference`` takes the whole
text's verb offsets the fast path passes and ignores them. Tested equal in
``tests/test_voice_speed.py``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from analysis.text import paragraph_sentence_spans
from analysis.voice import speakers, vocabulary

_DOUBLE_MARK = re.compile(r"[\"“”]")


def _all_words(text: str, start: int, end: int) -> int:
    return sum(1 for _ in vocabulary._patterns()["word"].finditer(text, start, end))


def speaker_before_reference(text: str, open_mark: int, floor: int,
                             sentence_starts: Callable[[], Sequence[int]]) -> tuple[tuple[str, int, int], str] | None:
    """The speaker named before an opening mark (or a block quotation) at ``open_mark``, in the
    words since the start of the sentence holding it (the last of ``sentence_starts()`` at or
    before it, by ``analysis.text.sentence_spans``) and since the last double quotation mark."""
    lo = max(floor, open_mark - speakers._WINDOW)
    window = text[lo:open_mark]
    cut = 0
    for m in _DOUBLE_MARK.finditer(window):
        cut = m.end()
    # every pattern needs a speech verb, "according to" or a label verb: without one, no search
    # (a search of the window costs far more than this check, paragraph after paragraph)
    before_words = vocabulary._before_words()
    if before_words.isdisjoint(vocabulary._WORD_SPLIT.findall(window[cut:].lower())):
        return None
    starts = sentence_starts()
    i = bisect_right(starts, open_mark) - 1
    if i >= 0 and starts[i] - lo > cut:
        cut = starts[i] - lo
        if before_words.isdisjoint(vocabulary._WORD_SPLIT.findall(window[cut:].lower())):
            return None
    m = speakers._first(vocabulary._patterns()["before"], "search", window, cut, len(window))
    if m is None:
        return None
    found = speakers._clean_speaker(m, lo)
    if found is None:
        return None
    verb = speakers._group(m, "acc") or speakers._group(m, "verb") or speakers._group(m, "label") or ""
    return found, " ".join(verb.lower().split())


def reported_reference(text: str, start: int, end: int, direct: list[tuple[int, int]],
                       sentences: Sequence[tuple[int, int]] | None = None,
                       text_hits: list[int] | None = None) -> list[tuple[int, int, tuple[str, int, int], str]]:
    """Reported speech with a clear attribution in the paragraph ``text[start:end]``, looked for
    sentence by sentence (``analysis.text.sentence_spans``; ``sentences``: the paragraph's, when
    already made)."""
    pats = vocabulary._patterns()
    out: list[tuple[int, int, tuple[str, int, int], str]] = []
    verbs = vocabulary._verb_set()
    direct_starts = [qs for qs, _ in direct]
    direct_ends = [qe for _, qe in direct]
    # where a speech verb or "according" stands: only the sentences that hold one are read (the
    # paragraph is split into sentences only when it holds one)
    lower_paragraph = text[start:end].lower()
    hits: list[int] | None = None
    if len(lower_paragraph) == end - start:  # lower-casing kept every offset (it nearly always does)
        hits = [start + m.start() for m in vocabulary._attribution_words().finditer(lower_paragraph)]
        if not hits:
            return out
    for s, e in paragraph_sentence_spans(text, start, end) if sentences is None else sentences:
        if hits is not None:
            i = bisect_left(hits, s)
            if i == len(hits) or hits[i] >= e:
                continue
        sentence = text[s:e]
        lower = sentence.lower()
        words = set(vocabulary._WORD_SPLIT.findall(lower))
        has_verb = not verbs.isdisjoint(words)
        according = "according" in words
        if not (has_verb or according):
            continue
        found: tuple[int, int, tuple[str, int, int] | None, str] | None = None
        m = speakers._first(pats["according_start"], "match", sentence) if according else None
        if m:
            found = (s + m.end(), e, speakers._clean_speaker(m, s), "according to")
        else:
            m = speakers._first(pats["that"], "search", sentence) if has_verb and "that" in words else None
            if m:
                found = (s + m.end(), e, speakers._clean_speaker(m, s), (speakers._group(m, "verb") or "").lower())
            else:
                tail = max(0, len(sentence) - speakers._TAIL)  # the attribution closes the sentence
                m = speakers._first((pats["according_end"] if according else []) + (pats["tail"] if has_verb else []),
                                 "search", sentence, tail)
                if m:
                    verb = speakers._group(m, "acc") or speakers._group(m, "verb") or ""
                    found = (s, s + m.start(), speakers._clean_speaker(m, s), " ".join(verb.lower().split()))
        if not found:
            continue
        a, b, speaker, verb = found
        if speaker is None:
            continue
        while b > a and (text[b - 1].isspace() or text[b - 1] in ".!?,;:\"”’»"):
            b -= 1
        while a < b and text[a].isspace():
            a += 1
        if _all_words(text, a, b) < 2:
            continue
        # drop a clause that is nothing but direct quotations (they already carry the speaker);
        # the direct spans are disjoint and in text order: the ones inside [a, b) by binary search
        lo = bisect_left(direct_ends, a + 1)
        hi = bisect_left(direct_starts, b, lo)
        rest = [(max(a, qs - 1), min(b, qe + 1)) for qs, qe in direct[lo:hi] if qs < b and qe > a]
        uncovered = b - a - sum(y - x for x, y in rest)
        if rest and uncovered <= 3 + 2 * len(rest):
            continue
        out.append((a, b, speaker, verb))
    return out
