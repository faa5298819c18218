"""Name chains: runs of capitalised words in one sentence (with initials, inner connectors and
abbreviations), split at possessives, titles, "and" and words that are not names."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from analysis.discovery.cues import (
    _ACRONYM,
    _APPOSITIVE,
    _CALENDAR,
    _CONNECT,
    _HYPHEN_LOWER,
    _INITIAL,
    _INNER_THE,
    _PARTICLE,
    _PERSONAL_AFTER,
    _PLACE_PREPOSITIONS,
    _SENT_START,
    _Cues,
    _cues,
    _stop,
    _strip_possessive,
    _word_key,
)
from analysis.discovery.kinds import _kind_of
from analysis.frequency import zipf_frequency
from analysis.text import word_spans


@dataclass
class _Chain:
    article_id: str
    sent_id: int
    start: int  # offsets in the sentence
    end: int
    words: list[str]  # surface words, possessive stripped from the last
    title: str  # title or honorific before the name ("Gov.", "Mr."), "" if none
    initial: bool  # the chain opens its sentence
    role_before: bool  # a role noun just before ("retired teacher Paul Kim")
    after: str  # the lower-case word right after the chain
    place_before: bool = False  # "in", "near", "outside" … just before
    surface: str = ""  # the name as written (possessive stripped)
    personal: bool = False  # "who", "he"/"she", an age or a reporting verb follows


def _is_cap(token: str) -> bool:
    return token[:1].isupper() or token[:1].isdigit() and False


def _title_case(text: str) -> bool:
    """A headline-style sentence: no closing full stop, and most of its longer words capitalised
    (names cannot be told from other words there)."""
    if text.rstrip().endswith((".", "?", "!", '"', "\u201d", ":")):
        return False
    words = [w for _, _, w in word_spans(text)[1:] if w[0].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.6


_ABBREV = frozenset(["Mr", "Mrs", "Ms", "Dr", "St", "Gov", "Sen", "Rep", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Det", "Prof", "Rev", "Jr", "Sr", "Mt", "Ft"])


_WORD_AFTER = re.compile(r"\s+([a-z]+)")  # the lower-case word right after a chain

#: The longest run of capitalised tokens taken for a name (or a few names joined by "and"). Real
#: articles stay far below (985 MBIC articles: 16 at most, an all-capitals headline); a longer run
#: ("Mr. Mr. Mr. …", "A and A and …", a paragraph in capitals) is not a name, and splitting and
#: merging it cost time that grew with its length.
_MAX_CHAIN = 40


def _raw_chains(text: str) -> list[list[tuple[int, int, str]]]:
    """Runs of capitalised tokens (with initials' full stops, inner connectors) in one sentence;
    runs longer than ``_MAX_CHAIN`` tokens are left out."""
    chains: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    pending: list[tuple[int, int, str]] = []  # connectors waiting for a capitalised word
    prev_end = None
    for s, e, tok in word_spans(text):
        gap = text[prev_end:s] if prev_end is not None else " "
        last = (pending or current)[-1][2] if (pending or current) else ""
        joinable = bool(current) and (gap.isspace() or gap.strip() == "&" or gap.strip() == "." and gap.startswith(".") and (
            _INITIAL.match(last) or last in _ABBREV))
        if tok[:1].isupper() or _PARTICLE.match(tok) and current:
            if joinable:
                current.extend(pending)
                current.append((s, e, tok))
            else:
                if current:
                    chains.append(current)
                current = [(s, e, tok)]
            pending = []
            if re.search(r"['\u2019]s?$", tok):  # a possessive ends the name: "Russia's Kursk"
                chains.append(current)
                current = []
        elif joinable and tok.lower() in _CONNECT | _INNER_THE and len(pending) < 2:
            pending.append((s, e, tok))
        else:
            if current:
                chains.append(current)
            current, pending = [], []
        prev_end = e
    if current:
        chains.append(current)
    return [chain for chain in chains if len(chain) <= _MAX_CHAIN]


def _is_common(word: str, lowercase_seen: Counter) -> bool:
    low = _word_key(word)
    if low in _stop() or low in _CALENDAR or low.endswith("ly") and len(low) > 4:
        return True
    if lowercase_seen.get(low, 0) > 0 or low.endswith("s") and lowercase_seen.get(low[:-1], 0) > 0:
        return True
    if low in _cues().roles:
        return True
    return zipf_frequency(low) >= 3.8


def _title_at(words: list[str], i: int, cues: _Cues) -> int:
    """Length (in words) of the longest title or honorific starting at ``words[i]``, 0 if none."""
    if words[i] not in cues.title_first and words[i] not in cues.honorifics and words[i] + "." not in cues.honorifics | cues.titles:
        return 0
    best = 0
    for n in range(min(4, len(words) - i), 0, -1):
        phrase = " ".join(words[i:i + n])
        if phrase in cues.titles or phrase in cues.honorifics or phrase + "." in cues.titles | cues.honorifics:
            best = n
            break
    return best


def _chains(article_id: str, sent_id: int, text: str, lowercase_seen: Counter, cues: _Cues) -> list[_Chain]:
    """Name chains of one sentence, split at titles, common sentence openers and non-names."""
    lead = m.end() if (m := _SENT_START.match(text)) else 0  # the pattern always matches
    out: list[_Chain] = []
    for raw in _raw_chains(text):
        # Tokens of the chain: (start, end, word). Initials and abbreviations keep their full stop.
        toks = []
        for s, e, w in raw:
            if text[e:e + 1] == "." and (_INITIAL.match(w) or w + "." in cues.titles | cues.honorifics or w in ("Jr", "Sr", "St")):
                e, w = e + 1, w + "."
            toks.append((s, e, w))
        # Drop non-names and calendar words: they split the chain.
        pieces: list[list[tuple[int, int, str]]] = [[]]
        for tok in toks:
            key = _word_key(tok[2])
            if hyphen := _HYPHEN_LOWER.search(tok[2]):  # "Russian-occupied": an adjective, the place inside it
                pieces.append([])
                head = tok[2][:hyphen.start()]
                if head in cues.places:
                    pieces[-1].append((tok[0], tok[0] + len(head), head))
                    pieces.append([])
            elif tok[2] in cues.not_names or _strip_possessive(tok[2]) in cues.not_names or key in _CALENDAR:
                pieces.append([])
            else:
                pieces[-1].append(tok)
        for piece in pieces:
            for part in _split_and(piece, cues):
                _split_titles(article_id, sent_id, text, part, lead, lowercase_seen, cues, out)
    return out


def _split_and(toks: list[tuple[int, int, str]], cues: _Cues) -> list[list[tuple[int, int, str]]]:
    """Split a chain at "and" unless it sits inside one organisation's name ("Centers for Disease
    Control and Prevention"): split when "the" follows it, when both sides are names on their own,
    or when no word of the chain heads an organisation's name."""
    words = [t[2] for t in toks]
    if "and" not in words:
        return [toks]
    k = words.index("and")
    left = [w for w in words[:k] if w not in cues.titles and w not in cues.honorifics]
    right = [w for w in words[k + 1:] if w != "the"]
    complete = ("organisation", "place", "person", "group")
    if not left or not right or words[k + 1:k + 2] == ["the"] or not any(w in cues.org_heads for w in words) or (
            _kind_of(left, cues) in complete and _kind_of(right, cues) in complete):
        return [toks[:k], *_split_and(toks[k + 1:], cues)]
    return [toks]


def _split_titles(article_id, sent_id, text, toks, lead, lowercase_seen, cues, out) -> None:
    title = ""
    while toks:
        words = [w for _, _, w in toks]
        # Find the last title in the chain: what follows it is a person, what precedes a modifier.
        cut = None
        i = 0
        if _strip_possessive(words[-1]) in cues.org_heads | cues.place_heads:
            break  # "Harlow General Hospital", "Major League": a name, not a title
        while i < len(words):
            n = _title_at(words, i, cues)
            if n and i + n < len(words):
                cut = (i, n)
            i += n or 1
        if cut is None:
            break
        i, n = cut
        modifier = [t[2] for t in toks[:i]]
        if i and (len(modifier) == 1 or " ".join(modifier) in cues.places or _kind_of(modifier, cues) == "organisation"):
            _emit(article_id, sent_id, text, toks[:i], "", lead, lowercase_seen, cues, out)
        title = " ".join(words[i:i + n])
        toks = toks[i + n:]
        break
    if toks:
        _emit(article_id, sent_id, text, toks, title, lead, lowercase_seen, cues, out)


#: Marks that open a quotation (not the straight apostrophe, which also elides: "'90s").
_OPENING_MARKS = frozenset('"\u201c\u2018\u00ab')


def _opens_quotation(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a quotation inside the sentence (an opening mark right
    before it, after a space, a bracket, a dash or a stop: 'chanted, “Shame! Shame!”'): quoted
    speech starts with a capital as a sentence does, so a common word alone there is no name
    either. (A longer chain there is kept whole: a title or a slogan, "Face the Nation".)"""
    if start == 0 or text[start - 1] not in _OPENING_MARKS:
        return False
    return start == 1 or text[start - 2].isspace() or text[start - 2] in "([\u2014\u2013:,;"


def _emit(article_id, sent_id, text, toks, title, lead, lowercase_seen, cues, out) -> None:
    # Trim connectors at either end, a leading "The", and a common word opening the sentence.
    while toks and (toks[0][2].lower() in _CONNECT | _INNER_THE or toks[0][2] in cues.honorifics):
        if toks[0][2] in cues.honorifics:
            title = title or toks[0][2]
        toks = toks[1:]
    while toks and toks[-1][2].lower() in _CONNECT | _INNER_THE:
        toks = toks[:-1]
    if not toks:
        return
    initial = toks[0][0] <= lead
    if (initial or len(toks) == 1 and _opens_quotation(text, toks[0][0])) and not title:
        first = toks[0][2]
        word = _strip_possessive(first)
        words_all = [t[2] for t in toks]
        known = word in cues.places or word in cues.named_groups or word in cues.given_names or any(
            " ".join(words_all[:n]) in cues.places for n in range(2, len(words_all) + 1))
        weak = _is_common(first, lowercase_seen)
        if weak and len(toks) > 1 and _word_key(first) not in _stop() and _kind_of(words_all, cues) == "organisation":
            weak = False  # "Supreme Court ruled …": the whole chain is an organisation's name
        if not known and weak and not _ACRONYM.match(word):
            toks = toks[1:]
            while toks and toks[0][2].lower() in _CONNECT | _INNER_THE:
                toks = toks[1:]
            if not toks:
                return
    words = [w for _, _, w in toks]
    words[-1] = _strip_possessive(words[-1])
    if not words[-1]:
        return
    # "Ruth Gates of the University of Hawaii": a person, then an organisation.
    for i, (_, _, w) in enumerate(toks):
        if w == "of" and 1 <= i <= 3 and i + 1 < len(toks):
            left = [t[2] for t in toks[:i]]
            right = [t[2] for t in toks[i + 1:] if t[2] != "the"]
            left_kind = _kind_of(left, cues)
            if right and (_kind_of(right, cues) in ("organisation", "place") and left_kind in ("person", "unknown")
                          or left_kind == "person") and not any(x in cues.org_heads for x in left):
                rest = toks[i + 1:]
                _emit(article_id, sent_id, text, toks[:i], title, lead, lowercase_seen, cues, out)
                _emit(article_id, sent_id, text, rest, "", lead, lowercase_seen, cues, out)
                return
    end = toks[-1][1] if words[-1] == toks[-1][2] else toks[-1][0] + len(words[-1])
    surface = re.sub(r"\s+", " ", text[toks[0][0]:end])
    before = text[max(0, toks[0][0] - 40):toks[0][0]].split()
    role_before = bool(before) and before[-1].lower().strip(",") in cues.roles
    appositive = _APPOSITIVE.match(text, toks[-1][1])
    role_before = role_before or bool(appositive and any(
        w.lower() in cues.roles for w in re.findall(r"[A-Za-z]+", appositive.group(1))))
    after_m = _WORD_AFTER.match(text, toks[-1][1])
    personal = bool(_PERSONAL_AFTER.match(text, toks[-1][1]))
    out.append(_Chain(
        article_id, sent_id, toks[0][0], end,
        words, title, initial and toks[0][0] <= lead, role_before, after_m.group(1) if after_m else "",
        bool(before) and before[-1].lower() in _PLACE_PREPOSITIONS, surface, personal,
    ))


# ---------------------------------------------------------------------------------------------
# Kinds and merging
