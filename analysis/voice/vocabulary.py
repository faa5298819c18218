"""The words attribution is read with, and the patterns made of them, compiled once.

The speech verbs (every single-word verb of ``lexicons/attribution_verbs.csv`` and the speech
verbs of ``lexicons/voice_words.csv``) and speaker roles (``voice_words.csv``), the patterns of a
speaker before or after a quotation and of reported speech built from them (read by
``analysis.voice.speakers``), and the word searches that let a paragraph or sentence without a
speech verb be passed over. Everything here is made again when the lexicon folder changes
(``analysis.lexicon.use_lexicon_dir``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from analysis.lexicon import load_lexicon, on_change
from analysis.text import caseless_alternation, word_alternation


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


@lru_cache(maxsize=1)
def _regions() -> tuple[str, ...]:
    """US states and countries (``places.csv``): what follows a city after a comma ("Durham, North
    Carolina", "Kharkiv, Ukraine")."""
    places = load_lexicon("places")
    return tuple(sorted(set(places.loc[places["category"].isin(["us_state", "country"]), "term"])))


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
    # "in" and a place go on a speaker's name ("Planned Parenthood in Ohio has announced",
    # "Mexican officials in Washington warned"), not a month or a day ("Wheeler in August told")
    place_in = r"in(?!\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    # A speaker: a name or role of up to six tokens (with "of the" / "for" between them), or a pronoun.
    named = (rf"(?:{det}(?:[a-z][\w-]*\s+){{0,2}}?)?{token}"
             rf"(?:\s+(?:(?:of|for|at|by|de|von|van|bin|al|{place_in})\s+(?:the\s+)?)?{token}){{0,7}}")
    pronoun = r"(?:he|she|they|it|He|She|They|It|I|we|We)(?![\w'’-])"
    # (the look-ahead turns away every position that cannot open a speaker at once)
    speaker = rf"(?<![\w'’-])(?<!\w\.)(?=[\w(])(?P<speaker>{pronoun}|{named})"
    # (an apposition may hold an age and a place written "City, State" or "City, Country": "Ken
    # Brown, 68, a retired engineer in Durham, NC, said"; a comma before any other name ends it:
    # "in Florida, Pelosi, D-Calif., asserted")
    region = rf"(?:{word_alternation(_regions())}|[A-Z]{{2}}|(?:[A-Z]\.){{2}}|[A-Z][a-z]{{2,4}}\.)"
    apposition = (rf"(?:\s*,\s*(?P<appos>(?:[^,.;:\"“”\n]|\.(?!\s)|(?<=\d),|,(?=\s*{region},))"
                  r"{1,80}?),)?")
    # (a closing attribution, "…, X, a spokesman, said.", keeps an apposition without inner commas:
    # ``speakers._closing_attribution`` searches it from the fourth comma before the sentence's end)
    plain_apposition = r"(?:\s*,\s*(?P<appos>(?:[^,.;:\"“”\n]|\.(?!\s)){1,80}?),)?"
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
            re.compile(rf",\s*{speaker}{plain_apposition}{adverb}\s+{verb}[^,;:\"“”]{{0,40}}?[.!?]?\s*$"),
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


def _words(text: str, start: int, end: int, limit: int | None = None) -> int:
    """Words of ``text[start:end]``; with ``limit``, counted up to ``limit + 1`` (enough to say
    whether there are more than ``limit``)."""
    n = 0
    for _ in _patterns()["word"].finditer(text, start, end):
        n += 1
        if limit is not None and n > limit:
            break
    return n


#: A word of lower-cased text as the speech-verb searches read it (a run of letters a-z).
_WORD_SPLIT = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _verb_set() -> frozenset[str]:
    return frozenset(_vocabulary()[0])


@lru_cache(maxsize=1)
def _speech_words() -> frozenset[str]:
    """The words :func:`_attribution_words` finds (speech verbs and "according" that are runs of
    a-z): where ``analysis.text.word_hits`` of the lower-cased text over a set holding these
    finds one of them, ``_attribution_words`` finds it."""
    return frozenset(w for w in _verb_set() | {"according"} if _WORD_SPLIT.fullmatch(w))


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
for _cached in (_vocabulary, _regions, _patterns, _verb_set, _speech_words, _attribution_words, _before_words,
                _before_word_search, _padded_words):
    on_change(_cached.cache_clear)
