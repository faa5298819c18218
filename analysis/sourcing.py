"""Sourcing: who an article lets speak, and with which verb.

Finds attributions by patterns over each sentence (compiled once):

- ``<source> <verb>``: "The Russian Defense Ministry claimed …", "Peskov, the Kremlin's
  spokesman, said …", "officials said …", "some argue …", "he added …";
- ``…, <verb> <source>`` after a comma or closing quote: "…,” said Peskov.";
- ``according to <source>``;
- hedges with no source: "reportedly", "allegedly" (adverbs from the lexicon) and passive
  constructions "is believed to be", "was said to have", "are thought to" (unnamed).

Verbs and their stance (neutral | doubt | endorse | presuppose | assert) come from the wording
lexicon ``analysis/lexicons/attribution_verbs.csv`` (every surface form is listed there: "said",
"claims", "pointed out"). A source is **named** when it carries a proper name ("Peskov", "The
Russian Defense Ministry", "a Kremlin spokesman"); a nationality adjective alone does not name
anyone ("Ukrainian officials" is unnamed), nor do pronouns ("he") or hedges ("reportedly").

A *claim* here is a sentence; an article's attributed share is the share of its sentences that
carry at least one attribution. What this cannot see: quotations without a reporting verb
("'We will respond,' Peskov." / a colon), sources named in another sentence ("he" is not resolved
to a person), reporting nouns ("in a statement, the ministry …"), verbs missing from the lexicon,
and claims the writer makes in their own voice — an unattributed sentence is not a fact, it is the
article speaking for itself.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from itertools import repeat

import pandas as pd

from analysis.discovery import _cues
from analysis.lexicon import load_lexicon, on_change
from analysis.source_scan import _CHUNK, _NON_ASCII_WORD_CHAR, _first_runs, _SourceVerb, sentence_words
from analysis.text import caseless_alternation as _caseless_alternation
from analysis.text import word_alternation

__all__ = ["PASSIVE_HEDGE_STANCE", "UNNAMED_HEADS", "attribution_pattern", "find_sources", "attribution_summary",
           "sentence_words", "source_rows"]

#: Head nouns of sources that name no one ("officials said", "sources told", "analysts argue").
UNNAMED_HEADS = ["officials", "official", "sources", "source", "analysts", "analyst", "experts", "expert", "observers", "observer", "critics", "critic", "diplomats", "diplomat", "witnesses", "witness", "residents", "resident", "authorities", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "insiders", "insider", "people", "media", "reports", "report", "commentators", "commentator", "military", "army", "government", "ministry", "statement", "some", "many", "others", "several", "most", "few", "bloggers", "blogger", "aides", "aide", "advisers", "adviser", "advisors", "advisor", "lawmakers", "lawmaker", "politicians", "investigators", "researchers", "scientists", "journalists", "correspondents", "service", "services", "agency", "agencies", "office", "command", "headquarters", "staff"]

#: Passive hedges without a source ("is believed to be", "was said to have") and the stance each
#: participle gives when the attribution lexicon has no row for it. Believed / thought / rumoured /
#: understood pass a claim on without anyone standing behind it: a doubt-casting hedge.
PASSIVE_HEDGE_STANCE = {
    "believed": "doubt",
    "thought": "doubt",
    "rumoured": "doubt",
    "rumored": "doubt",
    "understood": "doubt",
    "said": "neutral",
    "reported": "neutral",
    "alleged": "doubt",
    "claimed": "doubt",
    "expected": "neutral",
    "known": "neutral",
}

_SOURCE_COLUMNS = [
    "article_id", "sent_id", "source", "source_key", "verb", "stance", "named", "kind",
    "start", "end", "verb_start", "verb_end", "actor", "actor_kind",
]
_SUMMARY_COLUMNS = [
    "article_id", "n_sentences", "n_attributed", "attributed_share", "n_sources", "n_named",
    "n_unnamed", "named_share", "n_neutral", "n_doubt", "n_endorse", "n_presuppose", "n_assert",
    "top_sources",
]
_STANCES = ("neutral", "doubt", "endorse", "presuppose", "assert")

_CAP = r"[A-Z][\w'’.\-]*"
_DETERMINERS = r"(?:the|a|an|some|many|several|other|two|three|four|five|senior|top|unnamed|anonymous|local|western|foreign)"
_NAMED_ONE = rf"{_CAP}(?:\s+(?:(?:of|for|de|von|der|al)\s+)?{_CAP}){{0,6}}"
_NAMED_NP = rf"(?:(?:the|a|an)\s+)?{_NAMED_ONE}(?:\s+and\s+(?:(?:the)\s+)?{_NAMED_ONE})?"
_PRONOUN = r"(?:he|she|they|we|it|He|She|They|We|It|I)"
_SKIP_LEADING = frozenset(
    ["the", "a", "an", "on", "in", "at", "by", "for", "after", "before", "as", "but", "and", "so", "yet", "when", "while", "since", "although", "though", "if", "however", "meanwhile", "still", "also", "then", "now", "today", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "last", "next", "this", "that", "these", "those"]
)
_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ern")
_UNNAMED_SET = frozenset(UNNAMED_HEADS)
_PRONOUNS = frozenset(["he", "she", "they", "we", "it", "i"])


@lru_cache(maxsize=1)
def _adjective_names() -> frozenset[str]:
    """Nationality adjectives and demonyms of the gazetteer ("Russian", "Germans"): affiliation,
    not a name."""
    places = load_lexicon("places")
    mask = places["category"].isin(["adjective", "demonym"])
    return frozenset(places.loc[mask, "term"])


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Places of the gazetteer ("Kenya", "Ohio", "London"): a place alone is not a source."""
    places = load_lexicon("places")
    return frozenset(places.loc[~places["category"].isin(["adjective", "demonym"]), "term"])


@lru_cache(maxsize=1)
def _group_heads() -> tuple[frozenset[str], str, frozenset[str], frozenset[str]]:
    """Role and collective nouns of ``group_nouns.csv`` (lower case) with the built-in unnamed
    heads, a regex alternation of them (longest first), the collective nouns alone ("council",
    "ministry": part of a name when capitalised mid-phrase) and the named groups ("Democrats")."""
    frame = load_lexicon("group_nouns")
    named_rows = frame[frame["category"] == "named_group"]
    named = frozenset(named_rows["term"]) | frozenset(f for forms in named_rows["singular"] for f in forms.split("|"))
    collective = frozenset(frame.loc[frame["category"] == "collective", "term"].str.lower())
    frame = frame[frame["category"].isin(["role", "collective"])]
    heads = {t.lower() for t in frame["term"]} | {t.lower() for t in frame["singular"]} | set(UNNAMED_HEADS)
    alternation = _caseless_alternation(
        [re.escape(h).replace(r"\ ", r"\s+") for h in sorted(heads, key=len, reverse=True)]
    )
    return frozenset(heads), alternation, collective - {h for h in heads if h in _ROLE_HEADS}, named


#: Built-in heads that are roles even when listed as collectives.
_ROLE_HEADS = frozenset(["officials", "official", "sources", "source", "spokesman", "spokeswoman", "spokesperson"])

#: Lower-case words that may stand before a role noun in a source ("city officials", "retired
#: teacher"); other lower-case words before it are not part of the source ("the move critics
#: called" gives "critics").
_MODIFIER_SUFFIXES = ("al", "ic", "ive", "ous", "ed", "ian", "ean", "ese", "ish", "ful", "less", "ary", "ent", "ant", "ern", "ior", "ing")
_ROLE_MODIFIERS = frozenset(
    """city state county federal business health school union industry government party police court
    campaign company community neighborhood neighbourhood local senior top former legal military election
    security intelligence defense defence administration house senate council board hospital university
    airline bank oil energy tech transit labor labour trade farm family church team club league fire
    environmental public private agency ministry department office staff town village water school
    longtime long-time veteran retired one two three some many several other few most""".split()
)

def _verbs(verbs: pd.DataFrame | None) -> pd.DataFrame:
    frame = load_lexicon("attribution_verbs") if verbs is None else verbs.copy()
    if "stance" not in frame.columns:
        frame["stance"] = "neutral"
    frame["term"] = frame["term"].astype(str).str.strip()
    return frame[frame["term"] != ""].drop_duplicates("term")


def _alternatives(terms) -> str:
    ordered = sorted({t for t in terms}, key=len, reverse=True)
    return "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in ordered)


def _verb_alternation(verbs: list[str]) -> str:
    """The attribution verbs as one group that matches as ``(?:{_alternatives(verbs)})`` does
    (the verbs that fit at a position tried longest first: "pointed out" before "pointed"),
    written as a tree of their letters (``analysis.text.word_alternation``). Faster: the verb is
    tried after every candidate source."""
    return word_alternation(verbs, space=r"\s+")


_SPACES = re.compile(r"\s+")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_SOURCE_WORD = re.compile(r"[\w'’.\-]+")
_STOP_AFTER_LETTER = re.compile(r"[a-z]\.$")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_PASSIVE_NEEDS = re.compile(r"(?:" + "|".join(PASSIVE_HEDGE_STANCE) + r")\s+to\s")


@lru_cache(maxsize=8)
def _compile(pairs: tuple[tuple[str, str, str], ...]):
    """Patterns for one verb table: (term, category, stance) triples."""
    adverbs = [t for t, c, _ in pairs if " " not in t and t.endswith("ly") and c != "attribution"]
    according = [t for t, _, _ in pairs if t.lower().startswith("according")]
    verbs = [t for t, _, _ in pairs if t not in adverbs and t not in according]
    unnamed = _group_heads()[1]
    unnamed_np = rf"(?:(?:{_DETERMINERS}|{_CAP}|[a-z][\w\-]*)\s+){{0,3}}{unnamed}(?![\w\-])"
    described = rf"(?:(?:the|a|an)\s+)?(?:[a-z][\w\-]*\s+){{1,3}}{_NAMED_ONE}"
    source = rf"(?P<src>{unnamed_np}|{_NAMED_NP}|{_PRONOUN})"
    appositive = (
        r"(?:\s*,\s+(?:(?:the|a|an|his|her|its|their|who|whose)\b|(?:speaking|citing|according|"
        r"requesting|asking|declining|echoing|not)\b)[^,;:.]{1,80},)?"
    )
    aux = r"(?:\s+(?:also|later|earlier|previously|repeatedly|has|have|had|had\s+earlier|has\s+long|once\s+again|again)){0,2}"
    verb_alt = _verb_alternation(verbs) if verbs else r"(?!x)x"
    patterns = {
        # A source starts a word: not after a letter, apostrophe, hyphen or full stop ("A.B.C." is
        # one token), so a long run of such characters is entered once, not at every position.
        "source_verb": _SourceVerb(
            *(
                rf"(?<![\w'’.\-]){src}{appositive}{aux}\s+(?P<verb>{verb_alt})(?![\w\-])"
                for src in (source, rf"(?P<src>{unnamed_np})", rf"(?P<src>{_NAMED_NP})", rf"(?P<src>{_PRONOUN})")
            ),
            heads=_group_heads()[0], verbs=verbs,
            after_head=rf"{unnamed}(?![\w\-]){appositive}{aux}\s+(?P<verb>{verb_alt})(?![\w\-])",
        ),
        "verb_source": re.compile(
            rf"""(?:[,"”’]\s*)(?P<verb>{verb_alt})\s+(?P<src>{described}|{unnamed_np}|{_NAMED_NP})(?![\w\-])"""
        ),
        "according_to": re.compile(
            rf"(?<![\w\-])(?P<verb>(?i:{_alternatives(according) or 'according to'}))\s+"
            r"(?P<src>[^,.;:!?()\"“”]{1,80}?)(?=\s*[,.;:!?()\"“”]|\s+(?:that|which|who|on|in|at|as|after|before|while)\b|$)"
        ),
        "hedge": re.compile(rf"(?i)(?<![\w\-])(?P<verb>{_alternatives(adverbs) or r'(?!x)x'})(?![\w\-])"),
        "passive": re.compile(
            r"(?<![\w\-])(?P<verb>(?:(?:is|are|was|were|be|been|being)\s+)?(?P<part>"
            + "|".join(PASSIVE_HEDGE_STANCE)
            + r")\s+to\s+(?:be|have|ha(?:ve|s)|\w+))(?![\w\-])"
        ),
    }
    # the words the case-insensitive patterns need (see ``_caseless_needs``)
    patterns["needs"] = {"according_to": _caseless_needs(according or ["according to"]),
                         "hedge": _caseless_needs(adverbs)}
    # the letter runs one of which a sentence holds where each pattern can match (see ``_first_runs``)
    patterns["gates"] = {"according_to": _first_runs(according or ["according to"]), "hedge": _first_runs(adverbs),
                         "passive": _first_runs(PASSIVE_HEDGE_STANCE), "verb": _first_runs(verbs)}
    stance = {t.lower(): s for t, _, s in pairs}
    return patterns, stance


def _caseless_needs(terms: list[str]) -> tuple[str, ...] | None:
    """The first word of each term, lower case, when each is ASCII letters (else None): in a text
    whose word characters are all ASCII, a match of the terms' case-insensitive pattern is ASCII
    letters (only a letter matches a letter; the non-ASCII ones that do, "ſ", "ı", "K", "İ", are
    word characters), so the lower-cased text holds one of these words."""
    words = tuple(sorted({t.split()[0].lower() for t in terms if t.split()}))
    return words if all(re.fullmatch(r"[a-z]+", w) for w in words) else None


def attribution_pattern(verbs: pd.DataFrame | None = None):
    """The compiled patterns (``dict`` kind -> regex, and ``"needs"``: kind -> the lower-case
    words one of which a match of that case-insensitive pattern holds, or None) and the term ->
    stance map for ``verbs`` (default: the attribution lexicon, read once until the lexicon folder
    changes)."""
    if verbs is None:
        return _lexicon_pattern()
    return _pattern_of(verbs)


def _gate_words(patterns: dict) -> frozenset[str]:
    """Every word of ``patterns["gates"]``."""
    return frozenset().union(*(g for g in patterns["gates"].values() if g is not None))


@lru_cache(maxsize=1)
def attribution_words() -> frozenset[str]:
    """The words an attribution of the attribution lexicon needs, one of which every match of
    every pattern holds as a whole run of letters (lower case): the first run of letters of each
    verb, adverb and "according to", and the passive participles. A sentence none of whose letter
    runs (lower-cased) is one of these holds no attribution; :func:`sentence_words` reads them."""
    terms = {str(t).strip() for t in load_lexicon("attribution_verbs")["term"]} | set(PASSIVE_HEDGE_STANCE)
    firsts = set()
    for term in terms:
        run = _LETTER_RUN.search(term.lower())
        if run:
            firsts.add(run.group())
    return frozenset(firsts) | _gate_words(_lexicon_pattern()[0])


_LETTER_RUN = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _lexicon_pattern():
    """:func:`attribution_pattern` of the attribution lexicon (each batch of articles asks)."""
    return _pattern_of(None)


# What is compiled from the lexicons is made again when the lexicon folder changes.
for _cached in (_lexicon_pattern, _compile, _adjective_names, _place_names, _group_heads, attribution_words):
    on_change(_cached.cache_clear)


def _pattern_of(verbs: pd.DataFrame | None):
    frame = _verbs(verbs)
    category = frame["category"] if "category" in frame.columns else pd.Series("attribution", index=frame.index)
    pairs = tuple(sorted(zip(frame["term"], category.astype(str), frame["stance"].astype(str), strict=True)))
    return _compile(pairs)


def _clean_source(raw: str, start: int) -> tuple[str, int]:
    """Drop leading function words, days and months from a matched source ("On Sunday Peskov")."""
    words = list(_CHUNK.finditer(raw))
    k = 0
    while k < len(words) - 1 and words[k].group().lower().strip(",") in _SKIP_LEADING:
        k += 1
    if k == 0:
        return _strip_stop(raw.strip()), start
    return _strip_stop(raw[words[k].start():].strip()), start + words[k].start()


def _strip_stop(source: str) -> str:
    """Drop a sentence's full stop caught by the name pattern ("Peskov." but not "U.S.")."""
    return source[:-1] if _STOP_AFTER_LETTER.search(source) else source


def _head(source: str) -> str:
    """The last word of a source, lower case, possessive stripped."""
    words = _SOURCE_WORD.findall(source)
    return _POSSESSIVE_END.sub("", words[-1]).lower().rstrip(".") if words else ""


@lru_cache(maxsize=8192)  # (sources repeat: "officials", "he"; cleared when the lexicons change)
def _is_role(source: str) -> bool:
    """True when the source names people by a role or a group ("officials", "House Democrats",
    "a Kremlin spokesman", "the council"), not by a name."""
    heads, _, collective, named = _group_heads()
    words = source.split()
    if not words:
        return False
    last = _POSSESSIVE_END.sub("", words[-1])
    if last in named:
        return True
    head = _head(source)
    if head in collective and last[:1].isupper() and len(words) > 1:
        return False  # "Russian Defense Ministry", "Springfield City Council": a name
    low = [w.lower() for w in words]
    return head in heads or len(low) >= 2 and " ".join(low[-2:]) in heads


@lru_cache(maxsize=8192)
def _is_named(source: str) -> bool:
    """A source is named when it carries a proper name and is not a role or group noun:
    "Paul Kim" and "the Russian Defense Ministry" are named; "Ukrainian officials", "a Kremlin
    spokesman", "Opponents", "He" are not."""
    if _is_role(source):
        return False
    adjectives = _adjective_names()
    for word in _SOURCE_WORD.findall(source):
        bare = _POSSESSIVE_END.sub("", word)
        low = bare.lower()
        if not bare[:1].isupper() or low in _SKIP_LEADING or low in _PRONOUNS or low in _UNNAMED_SET:
            continue
        if bare in adjectives or bare.endswith(_DEMONYM_ENDINGS):
            continue
        return True
    return False


def _trim_modifiers(source: str, start: int) -> tuple[str, int]:
    """Drop lower-case words before a role noun that are not modifiers of it ("move critics" ->
    "critics"): kept are adjectives by their ending and the nouns of ``_ROLE_MODIFIERS``."""
    if not _is_role(source):
        return source, start
    words = list(_CHUNK.finditer(source))
    cut = 0
    for i, w in enumerate(words[:-1]):
        token = w.group()
        low = token.lower()
        if token[:1].isupper() or low in _ROLE_MODIFIERS or low.endswith(_MODIFIER_SUFFIXES):
            continue
        cut = i + 1
    if cut:
        return source[words[cut].start():], start + words[cut].start()
    return source, start


@lru_cache(maxsize=8192)
def _is_fragment(source: str) -> bool:
    """A source that names no one: a place alone ("Kenya"), a day, or lower-case words without a
    role noun."""
    bare = _POSSESSIVE_END.sub("", source.strip())
    if bare in _place_names() or bare.lower() in _SKIP_LEADING:
        return True
    if source.lower() in _PRONOUNS:
        return False
    return not any(w[:1].isupper() for w in source.split()) and not _is_role(source)


# What is worked out from the lexicons for a source is worked out again when the lexicon folder changes.
for _cached in (_is_role, _is_named, _is_fragment):
    on_change(_cached.cache_clear)


def _key(source: str) -> str:
    return _LEADING_ARTICLE.sub("", _SPACES.sub(" ", source.strip())).lower()


def _candidates(text: str, patterns: dict, stance_of: dict, words: frozenset[str] | None = None):
    """Every attribution match in one sentence, most specific pattern first:
    ``(kind, match, source or None, source start, stance)``. ``words``: the letter runs of the
    lower-cased sentence among (at least) the words of ``patterns["gates"]``, when known
    (:func:`sentence_words`); a pattern none of whose words stands there is not run."""
    # (a pattern is run only where the words it needs stand: exact shortcuts)
    needs = patterns["needs"]
    if words is None:
        lower = text.lower() if _NON_ASCII_WORD_CHAR.search(text) is None else None
        according = lower is None or needs["according_to"] is None or any(w in lower for w in needs["according_to"])
        passive = _PASSIVE_NEEDS.search(text) is not None
        has_verb = True
        hedge = lower is None or needs["hedge"] is None or any(w in lower for w in needs["hedge"])
    else:
        gates = patterns["gates"]
        plain = text.isascii() or _NON_ASCII_WORD_CHAR.search(text) is None
        according = not plain or gates["according_to"] is None or not gates["according_to"].isdisjoint(words)
        passive = (gates["passive"] is None or not gates["passive"].isdisjoint(words)) and (
            _PASSIVE_NEEDS.search(text) is not None)
        has_verb = gates["verb"] is None or not gates["verb"].isdisjoint(words)
        hedge = not plain or gates["hedge"] is None or not gates["hedge"].isdisjoint(words)
        lower = text.lower() if plain and has_verb else None
    if according:
        for m in patterns["according_to"].finditer(text):
            source, s0 = _clean_source(m.group("src"), m.start("src"))
            yield "according_to", m, source, s0, stance_of.get(m.group("verb").lower(), "neutral")
    if passive:
        for m in patterns["passive"].finditer(text):
            part = m.group("part").lower()
            stance = stance_of[part] if part in ("alleged", "claimed") and part in stance_of else None
            yield "passive", m, None, 0, stance or PASSIVE_HEDGE_STANCE.get(part, "doubt")
    source_verb = patterns["source_verb"]
    verb_end = source_verb.verb_end(text) if has_verb else None
    if verb_end is not None:
        for m in source_verb.finditer(text, verb_end, lower):
            source, s0 = _clean_source(m.group("src"), m.start("src"))
            if source.lower() not in _SKIP_LEADING:
                verb = _SPACES.sub(" ", m.group("verb")).lower()
                yield "source_verb", m, source, s0, stance_of.get(verb, "neutral")
        for m in patterns["verb_source"].finditer(text):
            source, s0 = _clean_source(m.group("src"), m.start("src"))
            yield "verb_source", m, source, s0, stance_of.get(m.group("verb").lower(), "neutral")
    if hedge:
        for m in patterns["hedge"].finditer(text):
            yield "hedge", m, None, 0, stance_of.get(m.group("verb").lower(), "doubt")


class _Taken:
    """Disjoint spans already claimed, sorted: checking and adding one costs a binary search,
    so a one-sentence megabyte of attributions stays linear (a list scanned for every match did
    not)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps a claimed span."""
        i = bisect_left(self.ends, start + 1)
        return i < len(self.starts) and self.starts[i] < end

    def claim(self, start: int, end: int) -> bool:
        """Add ``[start, end)`` unless it overlaps a claimed span; True when added."""
        i = bisect_left(self.ends, start + 1)  # first claimed span ending after ``start``
        if i < len(self.starts) and self.starts[i] < end:
            return False
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        return True


def _link(mentions: pd.DataFrame | None):
    """(article_id, sent_id) -> [(start, end, actor, kind)] from actor mentions."""
    if mentions is None or mentions.empty:
        return {}
    out: dict[tuple[str, int], list[tuple[int, int, str, str]]] = {}
    kinds = mentions["kind"] if "kind" in mentions.columns else pd.Series("", index=mentions.index)
    for aid, sid, s0, s1, actor, kind in zip(
        mentions["article_id"].astype(str), mentions["sent_id"], mentions["start"], mentions["end"],
        mentions["actor"], kinds, strict=True,
    ):
        out.setdefault((aid, int(sid)), []).append((int(s0), int(s1), str(actor), str(kind)))
    return out


def _actor_of(spans, a: int, b: int, role: bool) -> tuple[str | None, str | None]:
    """The actor a source span refers to: the group mention for a role source, else the person or
    organisation it names (the last one: "retired teacher Paul Kim" -> Paul Kim). ``spans`` are
    one sentence's mentions in text order (they do not overlap, so their ends are sorted too)."""
    i = bisect_left([m[1] for m in spans], a + 1) if len(spans) > 8 else 0
    inside = []
    for m in spans[i:]:
        if m[0] >= b:
            break
        if a < m[1]:
            inside.append(m)
    if not inside:
        return None, None
    if role:
        groups = [m for m in inside if m[3] == "group" or m[1] == b]
        pick = groups[-1] if groups else inside[-1]
    else:
        named = [m for m in inside if m[3] in ("person", "organisation")]
        pick = named[-1] if named else inside[-1]
    return pick[2], pick[3]


def _role_actor(source: str) -> str:
    """The group a role source belongs to when no mention was linked: its head, plural."""
    roles = _cues().roles
    words = source.lower().split()
    two = " ".join(words[-2:])
    return roles.get(two, roles.get(_head(source), _head(source)))


def find_sources(
    sentences: pd.DataFrame, *, verbs: pd.DataFrame | None = None, mentions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Every attribution in ``sentences``: who is cited, with which verb, and its stance.

    Columns ``article_id, sent_id, source, source_key, verb, stance, named, kind, start, end,
    verb_start, verb_end, actor, actor_kind``. ``source`` is the text as written, without a
    leading article, day or conjunction ("The Russian Defense Ministry" -> "Russian Defense
    Ministry"; "On Sunday Peskov" -> "Peskov"), ``source_key`` a lower-cased key for counting, both
    ``"(unnamed)"`` for hedges with no source. ``named`` is True for a person or organisation
    named by name, False for roles and groups ("officials", "a senior official", "Opponents",
    "House Democrats"), pronouns and hedges. ``kind`` is the pattern that matched
    (source_verb, verb_source, according_to, hedge, passive). ``start``/``end`` span the whole
    attribution and ``verb_start``/``verb_end`` the verb, both indexing the article body.
    ``actor``/``actor_kind`` link the source to an actor mention (``analysis.actors``) when
    ``mentions`` are given (None otherwise, and for pronouns and hedges). A place alone ("Kenya")
    or a fragment of words without a name or role is not a source.
    """
    rows = source_rows(
        zip(sentences["article_id"].astype(str), sentences["sent_id"], sentences["start"],
            sentences["text"].astype(str), strict=True),
        verbs=verbs, mentions=mentions,
    )
    out = pd.DataFrame(rows, columns=_SOURCE_COLUMNS)
    out = out.sort_values(["article_id", "sent_id", "verb_start"], kind="stable") if len(out) else out
    return out.astype({"named": "bool"}).reset_index(drop=True)


def source_rows(
    sentences: Iterable[tuple[str, int, int, str]], *, verbs: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None, words: Iterable[frozenset[str] | None] | None = None,
) -> list[tuple]:
    """The rows of :func:`find_sources` (its columns, in order) for sentences given as
    ``(article_id, sent_id, start, text)`` tuples (``article_id`` as text), in the order found:
    sentence by sentence, each sentence's attributions by pattern (``find_sources`` sorts them
    by article, sentence and verb). For callers that hold sentences as records, not a table.
    ``words``: for each sentence, the letter runs of its lower-cased text among
    :func:`attribution_words` (:func:`sentence_words`), or None where not known: the same rows,
    found sooner."""
    patterns, stance_of = attribution_pattern(verbs)
    if words is not None and verbs is not None and not _gate_words(patterns) <= attribution_words():
        words = None  # (another verb table: its words may be missing from what was read)
    linked = _link(mentions)
    rows: list[tuple] = []
    paired = zip(sentences, words, strict=True) if words is not None else zip(sentences, repeat(None))
    for (article_id, sent_id, offset, text), known in paired:
        taken = _Taken()
        for kind, m, source, s_start, stance in _candidates(text, patterns, stance_of, known):
            v0, v1 = m.start("verb"), m.end("verb")
            if taken.overlaps(v0, v1):  # one attribution per verb
                continue
            if source:
                source, s_start = _trim_modifiers(source, s_start)
                if not source or _is_fragment(source):
                    continue
            span0 = min(v0, s_start) if source else v0
            span1 = max(v1, s_start + len(source)) if source else v1
            actor = actor_kind = None
            if source and mentions is not None:
                actor, actor_kind = _actor_of(
                    linked.get((article_id, int(sent_id)), []), offset + s_start, offset + s_start + len(source),
                    _is_role(source),
                )
                if actor is None and _is_role(source):
                    actor, actor_kind = _role_actor(source), "group"
                if actor_kind == "place" and not _is_role(source) and _POSSESSIVE_END.sub("", source) in _place_names():
                    continue
            taken.claim(v0, v1)
            rows.append((
                article_id, sent_id, source or "(unnamed)", _key(source) if source else "(unnamed)",
                _SPACES.sub(" ", m.group("verb")), stance, bool(source) and _is_named(source), kind,
                offset + span0, offset + span1, offset + v0, offset + v1, actor, actor_kind,
            ))
    return rows


def attribution_summary(articles: pd.DataFrame, sentences: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Per article: how much of it is attributed, to named or unnamed sources, with which stance.

    ``attributed_share`` is the share of sentences with at least one attribution (0..1);
    ``named_share`` the share of attributions that name their source (None when there are none);
    ``n_<stance>`` counts attributions by verb stance; ``top_sources`` lists the most cited
    source keys (named first).
    """
    ids = [str(a) for a in articles["article_id"]]
    n_sent = sentences.assign(article_id=sentences["article_id"].astype(str)).groupby("article_id")["sent_id"].nunique()
    rows = []
    by_article = dict(tuple(sources.groupby("article_id", sort=False))) if len(sources) else {}
    for article_id in ids:  # one grouping, not one scan of every source per article
        mine = by_article.get(article_id, sources.iloc[:0])
        n = int(n_sent.get(article_id, 0))
        attributed = int(mine["sent_id"].nunique()) if len(mine) else 0
        named = int(mine["named"].sum()) if len(mine) else 0
        counts = mine["stance"].value_counts() if len(mine) else pd.Series(dtype=int)
        top = (
            mine.groupby("source_key").agg(n=("sent_id", "size"), named=("named", "max"))
            .sort_values(["named", "n"], ascending=False).index.tolist()[:5]
            if len(mine) else []
        )
        rows.append((
            article_id, n, attributed, attributed / n if n else None, len(mine), named, len(mine) - named,
            named / len(mine) if len(mine) else None, *[int(counts.get(s, 0)) for s in _STANCES], top,
        ))
    return pd.DataFrame(rows, columns=_SUMMARY_COLUMNS)
