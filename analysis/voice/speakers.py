"""Speakers and attribution: who says a quotation, and reported speech without marks.

A quotation's speaker is looked for after its closing mark (``"…," said X``, ``"…," X said``,
``"…," according to X``) and else before its opening mark, since the start of its sentence
(``X said: "…"``, ``X told reporters, "…"``, ``according to X, "…"``, ``X called it "…"``);
reported speech ("X said that …", "according to X, …", "…, according to X.", "…, officials
said.") is looked for sentence by sentence. The patterns are those of
``analysis.voice.vocabulary``; :func:`analysis.voice.quotations` calls what is here. See the
package docstring (``analysis.voice``) for the rules and what they cannot see.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence

from analysis.text import paragraph_sentence_spans
from analysis.voice.vocabulary import (
    _WORD_SPLIT,
    _attribution_words,
    _before_word_search,
    _padded_words,
    _patterns,
    _speech_words,
    _verb_set,
    _words,
)

#: How far before an opening mark or after a closing mark an attribution is looked for.
_WINDOW = 200
#: A speaker named by one of these is a pronoun (resolved to the last named speaker, see ``_resolve``).
_PRONOUN_FORMS = ("he", "she", "they", "it", "i", "we")

_DETS = frozenset("the a an one two three several some many other another".split())
_NAME = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*")


def _first(patterns: list[re.Pattern[str]], how: str, text: str, pos: int = 0, endpos: int | None = None):
    """The first match of the first pattern that matches (``how``: "match" or "search")."""
    endpos = len(text) if endpos is None else endpos
    for pattern in patterns:
        m = getattr(pattern, how)(text, pos, endpos)
        if m is not None:
            return m
    return None


def _group(match: re.Match[str], name: str) -> str | None:
    return match.groupdict().get(name)


#: Words that open a sentence or a clause before its subject ("But officials said", "While
#: President Bush said that …"): never the start of a speaker's name.
_SENTENCE_WORD = re.compile(
    r"(?:But|And|So|Yet|Then|Still|Now|Later|Earlier|However|Meanwhile|Also|While|Whilst|As|When|After|"
    r"Before|Although|Though|Because|Since|Until|Once|If|Unless|Whereas)\s+"
)


def _clean_speaker(match: re.Match[str], offset: int = 0) -> tuple[str, int, int] | None:
    """The speaker group of ``match`` trimmed of a leading sentence or clause word ("But
    officials", "While President Bush")."""
    s, e = match.span("speaker")
    words = match.group("speaker")
    lead = _SENTENCE_WORD.match(words)
    if lead:
        s += lead.end()
        words = words[lead.end():]
    if not words:
        return None
    appos = _group(match, "appos")
    if appos and not any(w[:1].isupper() for w in words.split() if w.lower() not in _DETS) and _NAME.fullmatch(appos):
        s, e = match.span("appos")  # "the mayor, Ana Ruiz, said": the name, not the role
        words = appos
    return words, s + offset, e + offset


def _speaker_after(text: str, close_end: int, para_end: int) -> tuple[tuple[str, int, int], str] | None:
    m = _first(_patterns()["after"], "match", text, close_end, min(para_end, close_end + _WINDOW))
    if m is None:
        return None
    found = _clean_speaker(m)
    if found is None:
        return None
    return found, (_group(m, "acc") or _group(m, "verb") or "").lower()


def _speaker_before(text: str, open_mark: int, floor: int,
                    sentence_starts: Callable[[], Sequence[int]]) -> tuple[tuple[str, int, int], str] | None:
    """The speaker named before an opening mark (or a block quotation) at ``open_mark``, in the
    words since the start of the sentence holding it (the last of ``sentence_starts()`` at or
    before it, by ``analysis.text.sentence_spans``) and since the last double quotation mark."""
    lo = max(floor, open_mark - _WINDOW)
    window = text[lo:open_mark]
    cut = max(window.rfind('"'), window.rfind("“"), window.rfind("”")) + 1  # after the last double mark
    # every pattern needs a speech verb, "according to" or a label verb: without one, no search
    # (a search of the window costs far more than this check, paragraph after paragraph)
    has_before_word = _before_word_search().search
    if not has_before_word(window[cut:].lower()):
        return None
    starts = sentence_starts()
    i = bisect_right(starts, open_mark) - 1
    if i >= 0 and starts[i] - lo > cut:
        cut = starts[i] - lo
        if not has_before_word(window[cut:].lower()):
            return None
    m = None
    for pattern, needed in zip(_patterns()["before"], _before_needs(window, cut), strict=False):
        if needed and (m := pattern.search(window, cut, len(window))) is not None:
            break
    if m is None:
        return None
    found = _clean_speaker(m, lo)
    if found is None:
        return None
    verb = _group(m, "acc") or _group(m, "verb") or _group(m, "label") or ""
    return found, " ".join(verb.lower().split())


#: The last eight whitespace-separated chunks of a reversed text, with the whitespace around them.
_LAST_CHUNKS = re.compile(r"\s*(?:\S+\s+){0,7}\S*")


def _before_needs(window: str, cut: int) -> tuple[bool, bool, bool]:
    """Whether each "before" pattern can match in ``window[cut:]`` (searched from ``cut``, to the
    window's end). The first ends with a speech verb after whitespace and at most four words, a
    "that" and a colon or comma, each its own whitespace-separated chunk: the verb starts one of
    the last seven chunks. The third ends the same way with a label verb and at most four words.
    The second holds "[Aa]ccording". A pattern said not to match cannot; one said to match may
    not."""
    pats = _patterns()
    tail = window[cut:]
    chunks = _LAST_CHUNKS.match(tail[::-1])  # (always matches, if only the empty string)
    near = max(cut, len(window) - (chunks.end() if chunks else 0) - 1)  # the whitespace before them
    return (pats["before_verb"].search(window, near) is not None, "ccording" in tail,
            pats["before_label"].search(window, near) is not None)


#: "that" after whitespace and the whitespace after it, in reversed text (see ``_that_end``).
_THAT_BACKWARDS = re.compile(r"\s+taht(?=\s)")
#: How far from a sentence's end a closing attribution ("…, officials said.") is looked for.
_TAIL = 260


def _closing_attribution(sentence: str, tail: int, pats: dict, according: bool, has_verb: bool) -> re.Match[str] | None:
    """The first match of the "according_end" (with ``according``) and "tail" (with
    ``has_verb``) patterns searched from ``tail``, in that order. Each starts with a comma and
    runs to the sentence's end, holding at most ``pats["tail_commas"]`` commas, so it is searched
    from the comma that many from the end: the same matches, sooner."""
    patterns = (pats["according_end"] if according else []) + (pats["tail"] if has_verb else [])
    bounds = pats["tail_commas"]
    if bounds is None or len(pats["according_end"]) + len(pats["tail"]) != len(bounds):
        return _first(patterns, "search", sentence, tail)
    commas = [sentence.rfind(",", tail)]
    if commas[0] < 0:
        return None  # every pattern starts with a comma
    while len(commas) < max(bounds) and commas[-1] > tail:
        before = sentence.rfind(",", tail, commas[-1])
        if before < 0:
            break
        commas.append(before)
    wanted = ([*bounds[:len(pats["according_end"])]] if according else []) + (
        [*bounds[len(pats["according_end"]):]] if has_verb else [])
    for pattern, most in zip(patterns, wanted, strict=True):
        m = pattern.search(sentence, commas[min(most, len(commas)) - 1])
        if m is not None:
            return m
    return None


def _that_end(sentence: str) -> int | None:
    """Where the whitespace after the last "that" standing after whitespace in ``sentence`` ends,
    or None when there is none. Every match of the "that" pattern ends there or before (it ends
    at the whitespace after such a "that", taken whole), so it is searched for in
    ``sentence[:end]`` alone, with the same result (the character at ``end`` is no whitespace
    and none of the pattern's look-aheads can reach it)."""
    m = _THAT_BACKWARDS.search(sentence[::-1])
    return None if m is None else len(sentence) - m.start()


def _reported(text: str, start: int, end: int, direct: list[tuple[int, int]],
              sentences: Sequence[tuple[int, int]] | None = None,
              text_hits: tuple[list[int], list[str]] | None = None) -> list[tuple[int, int, tuple[str, int, int], str]]:
    """Reported speech with a clear attribution in the paragraph ``text[start:end]``, looked for
    sentence by sentence (``analysis.text.sentence_spans``; ``sentences``: the paragraph's, when
    already made). ``text_hits``: :func:`_text_hits` of ``text``, when made."""
    pats = _patterns()
    out: list[tuple[int, int, tuple[str, int, int], str]] = []
    verbs = _verb_set()
    direct_starts = [qs for qs, _ in direct]
    direct_ends = [qe for _, qe in direct]
    # where a speech verb or "according" stands: only the sentences that hold one are read (the
    # paragraph is split into sentences only when it holds one)
    hits: list[int] | None = None
    hit_words: list[str] = []  # the word at each hit
    if text_hits is not None:
        positions, at = text_hits
        lo = bisect_left(positions, start)
        hi = bisect_left(positions, end, lo)
        hits, hit_words = positions[lo:hi], at[lo:hi]
        if not hits:
            return out
    else:
        lower_paragraph = text[start:end].lower()
        if len(lower_paragraph) == end - start:  # lower-casing kept every offset (it nearly always does)
            found_here = list(_attribution_words().finditer(lower_paragraph))
            hits, hit_words = [start + m.start() for m in found_here], [m.group() for m in found_here]
            if not hits:
                return out
    for s, e in paragraph_sentence_spans(text, start, end) if sentences is None else sentences:
        if hits is not None:
            i = bisect_left(hits, s)
            if i == len(hits) or hits[i] >= e:
                continue
        sentence = text[s:e]
        if hits is not None and _whole_words_at(text, s, e):
            # The sentence's words (``_WORD_SPLIT``) are the text's words inside it, so those that
            # are speech verbs or "according" are the words at its hits
            words = set(hit_words[i:bisect_left(hits, e, i)])
        else:
            words = set(_WORD_SPLIT.findall(sentence.lower()))
        has_verb = not verbs.isdisjoint(words)
        according = "according" in words
        if not (has_verb or according):
            continue
        found: tuple[int, int, tuple[str, int, int] | None, str] | None = None
        m = _first(pats["according_start"], "match", sentence) if according else None
        if m:
            found = (s + m.end(), e, _clean_speaker(m, s), "according to")
        else:
            # (a "that" after whitespace and before it, which ``_that_end`` looks for, is a word of
            # the sentence: the same test as "that" among its words)
            that_end = _that_end(sentence) if has_verb and "that" in sentence else None
            m = (_first(pats["that"], "search", sentence, 0, that_end)
                 if that_end is not None and pats["that_needs"].search(sentence, 0, that_end) else None)
            if m:
                found = (s + m.end(), e, _clean_speaker(m, s), (_group(m, "verb") or "").lower())
            else:
                tail = max(0, len(sentence) - _TAIL)  # the attribution closes the sentence
                m = _closing_attribution(sentence, tail, pats, according, has_verb)
                if m:
                    verb = _group(m, "acc") or _group(m, "verb") or ""
                    found = (s, s + m.start(), _clean_speaker(m, s), " ".join(verb.lower().split()))
        if not found:
            continue
        a, b, speaker, verb = found
        if speaker is None:
            continue
        while b > a and (text[b - 1].isspace() or text[b - 1] in ".!?,;:\"”’»"):
            b -= 1
        while a < b and text[a].isspace():
            a += 1
        if _words(text, a, b, 1) < 2:
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


def _whole_words_at(text: str, start: int, end: int) -> bool:
    """True when no word of lower-cased text (a run of ``_WORD_SPLIT``) crosses either edge of
    ``text[start:end]`` (no letter a-z, lower-cased, just outside it): the words of the stretch
    alone are then the words of the whole text inside it."""
    return (start == 0 or _no_a_to_z(text[start - 1])) and (end >= len(text) or _no_a_to_z(text[end]))


def _no_a_to_z(char: str) -> bool:
    """True when ``char`` lower-cased holds no letter a-z (an ASCII character: when it is no
    letter; another may lower-case to one, the Kelvin sign to "k", "İ" to "i" and a dot)."""
    if char.isascii():
        return not char.isalpha()
    return _WORD_SPLIT.search(char.lower()) is None


def _text_hits(text: str, hits: Sequence[tuple[int, str]] | None = None) -> tuple[list[int], list[str]] | None:
    """Where a speech verb or "according" stands in ``text`` (``_attribution_words`` in the
    lower-cased text): their offsets and the words there, or None when lower-casing moves an offset. Each paragraph's are those the
    paragraph alone gives: paragraphs (``analysis.text.paragraph_spans``) are separated by
    whitespace, so no word crosses their edges and the look-arounds read the same there.
    ``hits``: ``analysis.text.word_hits`` of ``text.lower()`` over words that hold
    ``_speech_words()``, made where lower-casing keeps every offset (one scan shared with the
    sources): the same offsets, read from it."""
    if hits is not None:
        speech = _speech_words()
        mine = [(p, w) for p, w in hits if w in speech]
        return [p for p, _ in mine], [w for _, w in mine]
    lower = text.lower()
    if len(lower) != len(text):
        return None
    # (read as the letter before each word and the word, after a space put first: the pattern
    # then starts with a character class, which the engine skips to quickly; the offsets of the
    # padded text's matches are those of the words in ``text``)
    found = list(_padded_words(_attribution_words()).finditer(" " + lower))
    return [m.start() for m in found], [m.group()[1:] for m in found]


def _resolve(mention: str, last_named: str | None) -> str | None:
    if mention.lower() in _PRONOUN_FORMS:
        return last_named if mention.lower() in ("he", "she", "they") and last_named else mention
    return mention
