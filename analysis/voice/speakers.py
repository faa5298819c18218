"""Voice: whose words these are — the outlet's own (the *narrator*) or a speaker it quotes.

A news article speaks in two kinds of voice. The narrator is the outlet itself; quoted voices are
the people and bodies it lets speak. "Dishonest" in the outlet's own sentence is the outlet's
choice of word; "dishonest" inside a spokesman's quotation is the spokesman's, and the outlet's
choice was to quote him. Every measure that asks "how loaded is this article's wording" should say
which voice it counts. This module is **the one place** that decides it:

- :func:`quotations` finds every quoted stretch of a text with its offsets, its kind and, when
  the attribution is clear, its speaker;
- :func:`voice_at` says, for character offsets (a cue, a naming term, an actor mention), whether
  they fall in the narrator's voice or inside a quotation, and whose.

Kinds of quotation (``Quote.kind``):

- ``direct``: inside double quotation marks, straight ``"…"`` or curly ``“…”`` (also ``«…»``,
  and curly single quotes ``‘…’`` outside double ones); the span is the quoted words without
  the marks. An opening mark never closed runs to the end of its paragraph (the news convention
  for a quotation that continues in the next paragraph); a closing mark never opened is ignored;
  an opening mark followed by another opening mark before any close is ignored. Nothing crosses
  a paragraph.
- ``block``: a line that starts with ``>`` (a block quotation in plain text or Markdown).
- ``phrase``: a quoted word or short phrase (at most three words) with no speaker of its own: a
  term, a title, a scare quote. Still quoted, but nobody is named as saying it.
- ``reported``: reported speech with a clear attribution and no quotation marks: "X said that
  …", "according to X, …", "…, according to X.", "…, officials said." The span is the reported
  clause. A reported span may enclose direct quotations; :func:`voice_at` prefers the innermost.
  The attribution is looked for sentence by sentence, in the project's one definition of a
  sentence (``analysis.text.sentence_spans``), so "Sen.", "Jan. 30" or "U.S." inside the clause
  neither cut it nor cut the speaker's name ("according to Iowa Sen. Chuck Grassley"); a speaker
  named before a quotation is read from the start of the same sentence ("Sen. Elizabeth Warren
  tweeted, "…"").

Speakers: ``"…," said X`` / ``"…," X said`` / ``X said: "…"`` / ``X told reporters, "…"`` /
``according to X`` / ``X called it "…"``, with the attribution verbs of
``lexicons/attribution_verbs.csv`` and the speech verbs and speaker roles of
``lexicons/voice_words.csv``. A speaker is a name ("Dmitry Peskov", "the Kremlin"), a role
("a White House spokesman", "officials") or a pronoun; "he", "she" and "they" are resolved to the
last named speaker before them (a guess, and said so: ``speaker_mention`` keeps the pronoun).
An initialism is one word of a speaker's name ("U.S. officials", "U.S. Attorney Andrew Lelling"), and
a speaker never begins inside one ("S. officials"); a word opening the clause ("While", "As",
"But") is not part of the name.
An unattributed quotation takes the speaker of the quotation it continues (the previous paragraph
ended inside one) or of the one attributed quotation in its paragraph.

What this cannot see: quotations without marks or a clear verb ("The plan, in his view, is
doomed"), single straight quotes (they double as apostrophes), free indirect speech, a speaker
named in another paragraph, irony (scare quotes are taken as quotations, ``kind="phrase"``), and
whether a quotation is accurate or fairly chosen. The choice of *which* voices to quote is the
outlet's — a measure of the narrator's voice alone does not see it.

>>> text = 'The deal is "a disgrace," said Senator Jane Roe. Critics said that it was rushed.'
>>> [(text[q.start:q.end], q.kind, q.speaker) for q in quotations(text)]
[('a disgrace,', 'direct', 'Senator Jane Roe'), ('it was rushed', 'reported', 'Critics')]
>>> voice_at(quotations(text), [4, 13])
[('narrator', None), ('quoted', 'Senator Jane Roe')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.lexicon import load_lexicon, on_change
from analysis.text import (
    WORD_PATTERN,
    caseless_alternation,
    paragraph_sentence_spans,
    paragraph_spans,
    word_alternation,
)

__all__ = [
    "NARRATOR",
    "VOICE_RULE",
    "QUOTED",
    "QUOTE_COLUMNS",
    "Quote",
    "VoiceIndex",
    "add_voice",
    "quotations",
    "quoted_stretches",
    "quotes_frame",
    "voice_at",
    "voice_word_counts",
]

#: The two voices. Every consumer counts ``NARRATOR`` by default and shows ``QUOTED`` beside it.
NARRATOR = "narrator"
QUOTED = "quoted"

#: The one rule every page states and every rate follows (wording summary, report, notebooks).
VOICE_RULE = (
    "Whose words: a word inside quotation marks, or in reported speech with a clear attribution "
    "(\u201cX said that \u2026\u201d, \u201caccording to X\u201d), is in a quoted voice and is counted for its "
    "speaker, beside the outlet\u2019s own words (the narrator), never mixed in: per-article rates and "
    "comparisons count the narrator by default, per 1,000 of the narrator\u2019s words, and show quoted voices "
    "beside them. A word\u2019s score is the chance an expert would mark it; experts mark quoted words less "
    "often, so a quoted word scores somewhat lower, and is still shown, with its speaker."
)

QUOTE_COLUMNS = ["start", "end", "kind", "speaker", "speaker_mention", "speaker_start", "speaker_end", "verb"]

#: Words a quoted stretch may hold and still be a ``phrase`` (a term or scare quote).
PHRASE_WORDS = 3
#: How far before an opening mark or after a closing mark an attribution is looked for.
_WINDOW = 200


@dataclass(frozen=True)
class Quote:
    """One quoted stretch ``text[start:end]`` (without the quotation marks).

    ``kind``: direct | block | phrase | reported. ``speaker``: who says it, when found (a
    pronoun resolved to the last named speaker before it), else None; ``speaker_mention`` is
    ``text[speaker_start:speaker_end]``, the words that name the speaker (``-1`` offsets when
    none). ``verb``: the attribution verb when one was found ("said", "according to").
    """

    start: int
    end: int
    kind: str
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_start: int = -1
    speaker_end: int = -1
    verb: str | None = None


# ---------------------------------------------------------------------------------------------
# Vocabulary (data files) and patterns, compiled once
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(speech verbs, speaker roles): every single-word verb form of ``attribution_verbs.csv``
    that is a verb (not "allegedly", not "according to") plus ``voice_words.csv``."""
    attribution = load_lexicon("attribution_verbs")
    verbs = {t.lower() for t in attribution["term"] if " " not in t and not t.lower().endswith("ly")}
    extra = load_lexicon("voice_words")
    verbs |= {t.lower() for t in extra.loc[extra["category"] == "speech_verb", "term"]}
    roles = tuple(sorted({t.lower() for t in extra.loc[extra["category"] == "speaker_role", "term"]}))
    return tuple(sorted(verbs, key=len, reverse=True)), roles


_PRONOUN_FORMS = ("he", "she", "they", "it", "i", "we")


@lru_cache(maxsize=1)
def _patterns() -> dict:
    verbs, roles = _vocabulary()
    # (?i:a|b|…) grouped by first letter: the same matches, tried faster (analysis.text)
    verb = rf"(?P<verb>{caseless_alternation(list(map(re.escape, verbs)))})(?![\w'’-])"
    role = rf"{caseless_alternation(list(map(re.escape, roles)))}(?![\w'’-])"
    titles = "Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Cmdr|Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr|Pres|Supt|Det|Rev|Gov"
    cap = rf"(?:(?:{titles})\.|(?:[A-Z]\.)+|[A-Z][\w'’\-]*)"  # "U.S. Attorney", "George W. Bush"
    mod = r"(?:senior|top|former|chief|deputy|acting|state|federal|local|foreign|military|press|government|party|campaign|[a-z]+['’]s)"
    det = r"(?:(?:the|a|an|one|two|three|several|some|many|other|another|The|A|An|One|Two|Three|Several|Some|Many|Other|Another)\s+)"
    token = rf"(?:{cap}|{role}|{mod}|\([A-Z][A-Za-z]*\))"
    # A speaker: a name or role of up to six tokens (with "of the" / "for" between them), or a pronoun.
    named = (rf"(?:{det}(?:[a-z][\w-]*\s+){{0,2}}?)?{token}"
             rf"(?:\s+(?:(?:of|for|at|by|de|von|van|bin|al)\s+(?:the\s+)?)?{token}){{0,7}}")
    pronoun = r"(?:he|she|they|it|He|She|They|It|I|we|We)(?![\w'’-])"
    # (the look-ahead turns away every position that cannot open a speaker at once)
    speaker = rf"(?<![\w'’-])(?<!\w\.)(?=[\w(])(?P<speaker>{pronoun}|{named})"
    apposition = r"(?:\s*,\s*(?P<appos>(?:[^,.;:\"“”\n]|\.(?!\s)){1,80}?),)?"
    adverb = r",?(?:\s+(?:also|later|then|previously|earlier|once|has|had|have|recently|again|further))?"
    extra = r"(?:\s+(?!that\b)[\w'’.-]+){0,4}?"
    return {
        # after a closing mark: ', said X' | ', X said' | ', according to X' (tried in order)
        "after": [
            re.compile(rf"[\s,—–-]*{verb}\s+{speaker}"),
            re.compile(rf"[\s,—–-]*{speaker}{apposition}{adverb}\s+{verb}"),
            re.compile(rf"[\s,—–-]*(?P<acc>according\s+to)\s+{speaker}"),
        ],
        # before an opening mark: 'X said:' | 'X told reporters,' | 'according to X,' | 'X called it'
        "before": [
            re.compile(rf"{speaker}{apposition}{adverb}\s+{verb}{extra}(?:\s+that)?\s*[:,]?\s*$"),
            re.compile(rf"(?P<acc>[Aa]ccording\s+to)\s+{speaker}\s*[:,]?\s*$"),
            re.compile(rf"{speaker}{adverb}\s+(?P<label>called|dubbed|labeled|labelled|termed|described)"
                       rf"(?:\s+[\w'’-]+){{0,4}}?\s*[:,]?\s*$"),
        ],
        # reported speech inside one sentence
        "that": [re.compile(rf"{speaker}{apposition}{adverb}\s+{verb}{extra}\s+that\s+")],
        # What a match of "that" holds from the whitespace before its verb on: searched first (far
        # cheaper than the speaker tried at every word), no match without it
        "that_needs": re.compile(rf"\s{verb}{extra}\s+that\s"),
        "according_start": [re.compile(rf"\s*(?P<acc>[Aa]ccording\s+to)\s+{speaker}\s*,\s*")],
        "according_end": [re.compile(rf",\s*(?P<acc>according\s+to)\s+{speaker}[^,;:\"“”]{{0,60}}?[.!?]?\s*$")],
        "tail": [
            re.compile(rf",\s*{verb}\s+{speaker}[^,;:\"“”]{{0,40}}?[.!?]?\s*$"),
            re.compile(rf",\s*{speaker}{apposition}{adverb}\s+{verb}[^,;:\"“”]{{0,40}}?[.!?]?\s*$"),
        ],
        "word": re.compile(r"[^\W_]+(?:['’-][^\W_]+)*"),
        # What a "before" pattern needs among the last chunks of its window (see ``_before_needs``):
        # a speech verb, a label verb, after whitespace.
        "before_verb": re.compile(rf"\s{verb}"),
        "before_label": re.compile(r"\s(?:called|dubbed|labeled|labelled|termed|described)"),
        # The most commas a match of "according_end", "tail" holds, each pattern in turn: the
        # first comma of a match is one of that many last commas of its sentence (None: a verb
        # or a role holds a comma, no bound).
        "tail_commas": None if any("," in w for w in (*verbs, *roles)) else (1, 1, 4),
        "marks": re.compile(r"[\"“”«»‘’]"),
        "block": re.compile(r"[ \t]*>[ \t]?"),
    }


# ---------------------------------------------------------------------------------------------
# Finding quotations
# ---------------------------------------------------------------------------------------------

_OPENERS = "“«"
#: The marks ``_direct_in_paragraph`` can open a quotation with (a closing mark alone does
#: nothing: it closes a quotation only after an opening one).
_OPENING_MARK = re.compile(r"[\"“«‘]")
_CLOSERS = "”»"


def _direct_in_paragraph(text: str, start: int, end: int, out: list[list]) -> bool:
    """Append ``[open_mark, content_start, content_end, closed]`` for the double-quoted stretches
    of ``text[start:end]`` (and single curly ones outside them); return True when the paragraph
    ends inside an unclosed quotation. One pass over the marks."""
    marks = _patterns()["marks"]
    open_at = -1  # content start of the open double quotation
    single_at = -1
    for m in marks.finditer(text, start, end):
        c = m.group()
        i = m.start()
        if c == '"':
            if open_at >= 0:
                out.append([open_at - 1, open_at, i, True])
                open_at = -1
                single_at = -1
            elif i > start and not text[i - 1].isspace() and text[i - 1] not in "([{—–-/" and (
                i + 1 >= end or text[i + 1].isspace() or text[i + 1] in ".,;:!?)]}"
            ):
                continue  # looks like a closing mark with nothing open: stray
            else:
                open_at = i + 1
                single_at = -1
        elif c in _OPENERS:
            open_at = i + 1  # an earlier unclosed opener, if any, is ignored
            single_at = -1
        elif c in _CLOSERS:
            if open_at >= 0:
                out.append([open_at - 1, open_at, i, True])
                open_at = -1
                single_at = -1
        elif open_at < 0:  # single curly quotes, only outside double ones
            if c == "‘":
                if i == start or not text[i - 1].isalnum():
                    single_at = i + 1
            elif single_at >= 0 and (i + 1 >= end or not text[i + 1].isalpha()):
                out.append([single_at - 1, single_at, i, True])
                single_at = -1
    if open_at >= 0:
        stop = end
        while stop > open_at and text[stop - 1].isspace():
            stop -= 1
        out.append([open_at - 1, open_at, stop, False])
        return True
    return False


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


def _words(text: str, start: int, end: int, limit: int | None = None) -> int:
    """Words of ``text[start:end]``; with ``limit``, counted up to ``limit + 1`` (enough to say
    whether there are more than ``limit``)."""
    n = 0
    for _ in _patterns()["word"].finditer(text, start, end):
        n += 1
        if limit is not None and n > limit:
            break
    return n


_WORD_SPLIT = re.compile(r"[a-z]+")
_CLAUSE_END = re.compile(r"[.!?,]\s*$")
#: "that" after whitespace and the whitespace after it, in reversed text (see ``_that_end``).
_THAT_BACKWARDS = re.compile(r"\s+taht(?=\s)")
#: How far from a sentence's end a closing attribution ("…, officials said.") is looked for.
_TAIL = 260


@lru_cache(maxsize=1)
def _verb_set() -> frozenset[str]:
    return frozenset(_vocabulary()[0])


@lru_cache(maxsize=1)
def _attribution_words() -> re.Pattern[str]:
    """A word of lower-cased text that a reported-speech attribution needs (a speech verb or
    "according"), as a word ``_WORD_SPLIT`` finds: a sentence holds a match exactly when its words
    meet ``_verb_set()`` or hold "according". Alternatives grouped by first letter (faster)."""
    return _word_search(_verb_set() | {"according"})


@lru_cache(maxsize=1)
def _before_words() -> frozenset[str]:
    """Words one of which a speaker-before pattern needs: a speech verb, "according", a label verb."""
    return _verb_set() | {"according", "called", "dubbed", "labeled", "labelled", "termed", "described"}


@lru_cache(maxsize=1)
def _before_word_search() -> re.Pattern[str]:
    """A word of :func:`_before_words` in lower-cased text, as a word ``_WORD_SPLIT`` finds (no
    letter a-z before or after it): ``search`` finds one exactly when the text's words meet the
    set, in one pass instead of a list and a set."""
    return _word_search(_before_words())


@lru_cache(maxsize=4)
def _padded_words(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` (made by :func:`_word_search`) with its look-behind replaced by the character
    it looks at: in text with a space put first, each match starts one character before the
    word (the same words: a word ends with a letter, so the character before the next one is
    never the last of a match)."""
    return re.compile("[^a-z]" + pattern.pattern.removeprefix("(?<![a-z])"))


def _word_search(words: Iterable[str]) -> re.Pattern[str]:
    """The words of ``words`` that ``_WORD_SPLIT`` can find, as one pattern (the words as a tree
    of their letters, ``analysis.text.word_alternation``: faster; with no letter a-z before or
    after, a match is a whole word of the set, as with a flat list)."""
    alternatives = word_alternation(w for w in words if _WORD_SPLIT.fullmatch(w))
    return re.compile(rf"(?<![a-z])(?:{alternatives})(?![a-z])")


# What is compiled from the lexicons is made again when the lexicon folder changes
# (analysis.lexicon.use_lexicon_dir).
for _cached in (_vocabulary, _patterns, _verb_set, _attribution_words, _before_words, _before_word_search,
                _padded_words):
    on_change(_cached.cache_clear)


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
              text_hits: list[int] | None = None) -> list[tuple[int, int, tuple[str, int, int], str]]:
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
    if text_hits is not None:
        hits = text_hits[bisect_left(text_hits, start):bisect_left(text_hits, end)]
        if not hits:
            return out
    else:
        lower_paragraph = text[start:end].lower()
        if len(lower_paragraph) == end - start:  # lower-casing kept every offset (it nearly always does)
            hits = [start + m.start() for m in _attribution_words().finditer(lower_paragraph)]
            if not hits:
                return out
    for s, e in paragraph_sentence_spans(text, start, end) if sentences is None else sentences:
        if hits is not None:
            i = bisect_left(hits, s)
            if i == len(hits) or hits[i] >= e:
                continue
        sentence = text[s:e]
        lower = sentence.lower()
        if hits is not None and _whole_words_at(text, s, e):
            # The sentence's words (``_WORD_SPLIT``) are the text's words inside it, so those that
            # are speech verbs or "according" are the words at its hits
            words = {_WORD_SPLIT.match(lower, h - s).group()  # type: ignore[union-attr]
                     for h in hits[i:bisect_left(hits, e, i)]}
        else:
            words = set(_WORD_SPLIT.findall(lower))
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
    return (start == 0 or _WORD_SPLIT.search(text[start - 1].lower()) is None) and (
        end >= len(text) or _WORD_SPLIT.search(text[end].lower()) is None)


def _text_hits(text: str) -> list[int] | None:
    """Where a speech verb or "according" stands in ``text`` (``_attribution_words`` in the
    lower-cased text), or None when lower-casing moves an offset. Each paragraph's are those the
    paragraph alone gives: paragraphs (``analysis.text.paragraph_spans``) are separated by
    whitespace, so no word crosses their edges and the look-arounds read the same there."""
    lower = text.lower()
    if len(lower) != len(text):
        return None
    # (read as the letter before each word and the word, after a space put first: the pattern
    # then starts with a character class, which the engine skips to quickly; the offsets of the
    # padded text's matches are those of the words in ``text``)
    return [m.start() for m in _padded_words(_attribution_words()).finditer(" " + lower)]


def _resolve(mention: str, last_named: str | None) -> str | None:
    if mention.lower() in _PRONOUN_FORMS:
        return last_named if mention.lower() in ("he", "she", "they") and last_named else mention
    return mention


def quoted_stretches(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every stretch of ``text`` inside quotation marks or a block quotation
    (the spans of :func:`quotations`' ``direct``, ``phrase`` and ``block`` kinds, found by the
    same rules), in text order, without looking for speakers: the one quotation-mark detector,
    read by the wording scan (a quoted word counts less) as well as by :func:`quotations`.
    Reported speech without marks is not included. Linear in the length of ``text``.

    >>> text = 'He called it "a disgrace." Others did not.'
    >>> [text[a:b] for a, b in quoted_stretches(text)]
    ['a disgrace.']
    """
    if not text:
        return []
    pats = _patterns()
    has_marks = pats["marks"].search(text) is not None
    out: list[tuple[int, int]] = []
    for ps, pe in paragraph_spans(text):
        block = pats["block"].match(text, ps, pe)
        if block:
            a, b = block.end(), pe
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append((a, b))
            continue
        if has_marks:
            spans: list[list] = []
            _direct_in_paragraph(text, ps, pe, spans)
            out.extend((a, b) for _, a, b, _ in spans if text[a:b].strip())
    return out


def quotations(text: str, *, sentences: Sequence[tuple[int, int]] | None = None) -> list[Quote]:
    """Every quoted stretch of ``text`` — direct, block, phrase or reported — in text order.

    Offsets index ``text``: ``text[q.start:q.end]`` is the quoted words (no quotation marks).
    Direct, block and phrase spans never overlap one another; reported spans never overlap one
    another but may enclose direct ones. Linear in the length of ``text`` (attributions are
    looked for in windows of 200 characters). See the module docstring for the rules and what
    they cannot see. ``sentences``: the spans of ``analysis.text.sentence_spans(text)`` when
    already made (an annotation has them), read instead of splitting the text again.
    """
    if not text:
        return []
    if sentences is not None:
        sentences = sorted(sentences)
        sentence_starts = [s for s, _ in sentences]
    pats = _patterns()
    has_marks = pats["marks"].search(text) is not None
    text_hits = _text_hits(text)
    raw: list[Quote] = []
    continued_speaker: tuple[str, int, int, str | None] | None = None  # speaker of an unclosed quote
    last_named: str | None = None
    previous = (0, 0)  # the paragraph before
    for ps, pe in paragraph_spans(text):
        block = pats["block"].match(text, ps, pe)
        if block is None and text_hits is not None and (not has_marks or not _OPENING_MARK.search(text, ps, pe)):
            # No quotation (no mark that can open one) and no speech verb: nothing to find here
            # (what the steps below would conclude, sooner)
            i = bisect_left(text_hits, ps)
            if i == len(text_hits) or text_hits[i] >= pe:
                previous = (ps, pe)
                continued_speaker = None
                continue
        if sentences is not None:
            lo = bisect_left(sentence_starts, ps)
            paragraph_sentences: list[tuple[int, int]] | None = [
                (s, min(e, pe)) for s, e in sentences[lo:bisect_left(sentence_starts, pe, lo)]]
        else:
            paragraph_sentences = None

        def starts_here(ps: int = ps, pe: int = pe, made: list[tuple[int, int]] | None = paragraph_sentences,
                        memo: list[list[int]] = []) -> list[int]:  # noqa: B006 (made once a paragraph)
            if not memo:
                memo.append([s for s, _ in (paragraph_sentence_spans(text, ps, pe) if made is None else made)])
            return memo[0]

        def starts_before(ps: int = previous[0], pe: int = previous[1]) -> list[int]:
            if sentences is not None:
                return sentence_starts[bisect_left(sentence_starts, ps):bisect_left(sentence_starts, pe)]
            return [s for s, _ in paragraph_sentence_spans(text, ps, pe)]

        previous = (ps, pe)
        paragraph_quotes: list[Quote] = []
        if block:
            a = block.end()
            b = pe
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                found = _speaker_before(text, ps, max(0, ps - _WINDOW), starts_before)
                spk = found[0] if found else None
                speaker = _resolve(spk[0], last_named) if spk else None
                paragraph_quotes.append(Quote(a, b, "block", speaker, spk[0] if spk else None,
                                              spk[1] if spk else -1, spk[2] if spk else -1,
                                              found[1] if found else None))
            raw.extend(paragraph_quotes)
            continued_speaker = None
            continue
        spans: list[list] = []
        unclosed = _direct_in_paragraph(text, ps, pe, spans) if has_marks else False
        for mark, a, b, closed in spans:
            content = text[a:b]
            if not content.strip():
                continue
            found = None
            if closed and not content.rstrip().endswith("."):
                found = _speaker_after(text, b + 1, pe)
            if found is None:
                found = _speaker_before(text, mark, ps, starts_here)
            if found is None and _words(text, a, b, PHRASE_WORDS) <= PHRASE_WORDS and not _CLAUSE_END.search(content):
                paragraph_quotes.append(Quote(a, b, "phrase"))
                continue
            if found is not None:
                (mention, ss, se), verb = found
                speaker = _resolve(mention, last_named)
                if speaker and speaker.lower() not in _PRONOUN_FORMS:
                    last_named = speaker
                paragraph_quotes.append(Quote(a, b, "direct", speaker, mention, ss, se, verb))
            else:
                paragraph_quotes.append(Quote(a, b, "direct"))
        # unattributed quotations: the quotation they continue, or the paragraph's one speaker
        speakers = {q.speaker for q in paragraph_quotes if q.kind == "direct" and q.speaker}
        for i, q in enumerate(paragraph_quotes):
            if q.kind != "direct" or q.speaker:
                continue
            if i == 0 and continued_speaker and not text[ps:q.start - 1].strip():
                name, ss, se, said = continued_speaker
                paragraph_quotes[i] = Quote(q.start, q.end, "direct", name, text[ss:se], ss, se, said)
            elif len(speakers) == 1:
                donor = next(p for p in paragraph_quotes if p.speaker)
                paragraph_quotes[i] = Quote(q.start, q.end, "direct", donor.speaker, donor.speaker_mention,
                                            donor.speaker_start, donor.speaker_end, donor.verb)
        last = paragraph_quotes[-1] if paragraph_quotes else None
        continued_speaker = None
        if unclosed and last is not None and last.kind == "direct" and last.speaker:
            continued_speaker = (last.speaker, last.speaker_start, last.speaker_end, last.verb)
        raw.extend(paragraph_quotes)
        direct_spans = [(q.start, q.end) for q in paragraph_quotes]
        for a, b, (mention, ss, se), verb in _reported(text, ps, pe, direct_spans, paragraph_sentences, text_hits):
            speaker = _resolve(mention, last_named)
            if speaker and speaker.lower() not in _PRONOUN_FORMS and mention.lower() not in _PRONOUN_FORMS:
                last_named = speaker
            raw.append(Quote(a, b, "reported", speaker, mention, ss, se, verb))
    raw.sort(key=lambda q: (q.start, -q.end))
    return raw


def quotes_frame(text: str) -> pd.DataFrame:
    """:func:`quotations` as a table with :data:`QUOTE_COLUMNS` (offsets into ``text``)."""
    quotes = quotations(text)
    frame = pd.DataFrame([[getattr(q, c) for c in QUOTE_COLUMNS] for q in quotes], columns=QUOTE_COLUMNS)
    return frame.astype({"start": "int64", "end": "int64", "speaker_start": "int64", "speaker_end": "int64"})


# ---------------------------------------------------------------------------------------------
# Looking voices up
# ---------------------------------------------------------------------------------------------


class VoiceIndex:
    """The quotations of one text, ready for many look-ups (sorted starts, binary search)."""

    def __init__(self, quotes: Sequence[Quote]):
        inner = sorted((q for q in quotes if q.kind != "reported"), key=lambda q: q.start)
        outer = sorted((q for q in quotes if q.kind == "reported"), key=lambda q: q.start)
        self._layers = [(inner, [q.start for q in inner]), (outer, [q.start for q in outer])]
        self.any = bool(inner or outer)

    def quote_at(self, pos: int) -> Quote | None:
        """The innermost quotation containing offset ``pos``, or None (the narrator's voice)."""
        for quotes, starts in self._layers:
            i = bisect_right(starts, pos) - 1
            if i >= 0 and quotes[i].start <= pos < quotes[i].end:
                return quotes[i]
        return None

    def stretches(self) -> list[tuple[int, int]]:
        """The sorted, disjoint ``[start, end)`` stretches of offsets where :meth:`quote_at` finds a
        quotation: in each layer, a quotation is found from its start up to its end or the next
        later start (the search takes the last quotation starting at or before the offset)."""
        found = []
        for quotes, starts in self._layers:
            for i, q in enumerate(quotes):
                following = starts[i + 1] if i + 1 < len(starts) else None
                if following == q.start:
                    continue  # a later quotation with the same start is the one found
                end = q.end if following is None else min(q.end, following)
                if q.start < end:
                    found.append((q.start, end))
        found.sort()
        merged: list[tuple[int, int]] = []
        for a, b in found:
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        return merged

    def voice(self, pos: int) -> tuple[str, str | None]:
        """``(voice, speaker)`` at ``pos``: ``("narrator", None)`` or ``("quoted", speaker or None)``."""
        q = self.quote_at(pos)
        return (NARRATOR, None) if q is None else (QUOTED, q.speaker)

    def voices(self, positions: Sequence[int]) -> list[tuple[str, str | None]]:
        """:meth:`voice` at each of ``positions``: for ascending positions one walk along each layer
        of quotations (the last quotation starting at or before each position, as the binary
        search of :meth:`quote_at` finds it); a position before the one already passed is searched."""
        narrator = (NARRATOR, None)
        if not self.any:
            return [narrator] * len(positions)
        (inner, inner_starts), (outer, outer_starts) = self._layers
        n_inner, n_outer = len(inner_starts), len(outer_starts)
        i = j = -1  # the last quotation of each layer starting at or before the position
        last = -1
        out: list[tuple[str, str | None]] = []
        for pos in positions:
            if pos < last:
                i = bisect_right(inner_starts, pos) - 1
                j = bisect_right(outer_starts, pos) - 1
            last = pos
            while i + 1 < n_inner and inner_starts[i + 1] <= pos:
                i += 1
            if i >= 0 and pos < inner[i].end:  # (its start is at or before ``pos``)
                out.append((QUOTED, inner[i].speaker))
                continue
            while j + 1 < n_outer and outer_starts[j + 1] <= pos:
                j += 1
            if j >= 0 and pos < outer[j].end:
                out.append((QUOTED, outer[j].speaker))
            else:
                out.append(narrator)
        return out


def voice_at(quotes: Sequence[Quote] | str, positions: Iterable[int]) -> list[tuple[str, str | None]]:
    """``(voice, speaker)`` for each character offset in ``positions``.

    ``quotes`` is the result of :func:`quotations` (or the text itself, to find them here).
    ``voice`` is ``"narrator"`` (the outlet's own words) or ``"quoted"`` (inside a quotation or
    clearly attributed reported speech); ``speaker`` is who says it, when found. For a term that
    spans several characters pass its start offset. This is the function every measure uses to
    tell the outlet's voice from the voices it quotes (wording cues, naming terms, actor mentions).
    """
    index = VoiceIndex(quotations(quotes) if isinstance(quotes, str) else quotes)
    return [index.voice(int(p)) for p in positions]


def add_voice(cues: pd.DataFrame, text: str, *, quotes: Sequence[Quote] | None = None) -> pd.DataFrame:
    """``cues`` (a table with ``start`` offsets into ``text``) with two more columns: ``voice``
    ("narrator" or "quoted") and ``speaker`` (who says it, or None). A new table; ``cues`` is
    not changed."""
    index = VoiceIndex(quotations(text) if quotes is None else quotes)
    voice = np.full(len(cues), NARRATOR, dtype=object)
    speaker = np.full(len(cues), None, dtype=object)
    if len(cues) and index.any:
        for i, pos in enumerate(cues["start"].tolist()):
            q = index.quote_at(pos)
            if q is not None:
                voice[i] = QUOTED
                speaker[i] = q.speaker
    return cues.assign(voice=pd.array(voice, dtype="str"), speaker=speaker)


def voice_word_counts(text: str, *, quotes: Sequence[Quote] | None = None,
                      n_words: int | None = None) -> dict[str, int]:
    """Words of ``text`` (``analysis.text.WORD_PATTERN``) in each voice: ``{"narrator": n, "quoted": m}``,
    the denominators of per-voice rates. ``n_words``: the number of ``WORD_PATTERN`` matches in
    ``text`` when already counted (the wording scan counts them on its way,
    ``analysis.wording.scan.scan``); then only the quoted stretches are read."""
    index = VoiceIndex(quotations(text) if quotes is None else quotes)
    # A word is quoted where ``index.quote_at`` finds a quotation at its start: counted per stretch
    # of text where it does (:meth:`VoiceIndex.stretches`).
    if n_words is not None:
        quoted = _words_starting_in(text, index.stretches())
        return {NARRATOR: n_words - quoted, QUOTED: quoted}
    starts = [m.start() for m in WORD_PATTERN.finditer(text)]
    quoted = sum(bisect_left(starts, b) - bisect_left(starts, a) for a, b in index.stretches())
    return {NARRATOR: len(starts) - quoted, QUOTED: quoted}


def _words_starting_in(text: str, stretches: Sequence[tuple[int, int]]) -> int:
    """How many ``WORD_PATTERN`` matches of ``text`` (as ``finditer`` finds them from its start)
    start inside the sorted, disjoint ``stretches``, reading little more than the stretches.

    No match holds a space or a line break, and whether a match starts at a position depends on
    the text from there on (the pattern looks at nothing before it): after a space or a line
    break, ``finditer`` from there finds the very matches a pass from the start finds there. So
    before each stretch the pass starts again after the last space or line break before it (when
    that lies past the pass's last match); the pass only moves forward (linear)."""
    count = 0
    found = WORD_PATTERN.finditer(text)
    nxt = next(found, None)  # the first match not yet passed
    for a, b in stretches:
        if nxt is None:
            break
        if nxt.start() < a:
            gap = max(text.rfind(" ", nxt.end(), a), text.rfind("\n", nxt.end(), a))
            if gap >= 0:
                found = WORD_PATTERN.finditer(text, gap + 1)
                nxt = next(found, None)
            while nxt is not None and nxt.start() < a:
                nxt = next(found, None)
        while nxt is not None and nxt.start() < b:
            count += 1
            nxt = next(found, None)
    return count
