"""Actor discovery: the people, organisations, places and groups an event's articles speak of,
found in the texts themselves (no list written for the event).

Rules over the project's tokenizer (``analysis.text``), read from data files under
``analysis/lexicons/`` (general English, nothing about one event):

- **Name chains**: runs of capitalised words with initials and inner connectors ("Donald J.
  Trump", "Department of Justice"), split at possessives ("Russia's Kursk") and titles ("UK Prime
  Minister Boris Johnson" -> "UK", "Boris Johnson"); titles and honorifics
  (``name_cues.csv``: "Gov.", "Mayor", "Mr.") mark a person. A capitalised word that opens a
  sentence is dropped when it is common English (wordfreq) or written in lower case elsewhere in
  the articles; words that are not names ("God", "Yes", "TV", "Delete") never count.
- **Kind** (person, organisation, place, group): a gazetteer of countries, demonyms, US states,
  major cities and regions (``places.csv``: "Russian" is a mention of Russia); organisation and
  place heads ("Council", "Ministry", "Inc.", "Street", "County"); titles and honorifics; an
  acronym is an organisation; a chain of two or more other capitalised words is taken for a
  person. Chains naming events, laws or things ("World Cup", "Affordable Care Act") are left out.
- **Alias merging** within and across articles: titles and possessives stripped; "Donald Trump"
  and "Donald J. Trump" are one person; a lone surname ("Obama", "Mr. Obama", "President
  Obama") joins the one full name ending with it (the most mentioned if several do); an acronym
  joins the organisation whose initials it is ("NRA"); a shorter organisation name joins the
  single longer one ending with it ("the Defense Ministry" -> "Russian Defense Ministry");
  "the Trump administration" is an organisation of its own.
- **Groups and roles** (``group_nouns.csv``) when they act: as the subject of a verb or as a
  source ("critics say", "officials said", "House Democrats voted", "Business groups argued");
  "the council" / "the company" joins the one discovered organisation of that kind, else stands
  as a group of its own.

A user's actor table (``actor, term`` and optionally ``kind``; see ``analysis.actors``) extends
or overrides discovery: every term it lists is matched and belongs to its actor.

What this cannot see: pronouns ("he", "they"), descriptions ("the president", "the
68-year-old"), names written in lower case, two people with one surname when the text only says
the surname, and a person named by one word with no title, honorific or full name elsewhere (taken
for an organisation unless a reporting verb follows it). Kinds are guesses from cue words: an
unknown two-word name is taken for a person.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from analysis.frequency import zipf_frequency
from analysis.lexicon import load_lexicon
from analysis.text import normalize_token, word_spans

__all__ = [
    "KINDS",
    "MENTION_COLUMNS",
    "ACTOR_COLUMNS",
    "Discovery",
    "discover",
    "discover_actors",
]

KINDS = ("person", "organisation", "place", "group")
MENTION_COLUMNS = ["article_id", "sent_id", "actor", "alias", "kind", "start", "end"]
ACTOR_COLUMNS = ["actor", "kind", "aliases", "mentions", "n_articles", "origin"]

_APOS = "'\u2019"
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_INITIAL = re.compile(r"^[A-Z]$")
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}s?|(?:[A-Z]\.){2,4})$")
_CONNECT = frozenset(["of", "for", "de", "del", "da", "von", "van", "der", "al", "bin", "la", "le", "du", "and"])
_PLACE_PREPOSITIONS = frozenset(["in", "near", "outside", "across", "throughout", "into", "toward", "towards", "around", "inside"])
_INNER_THE = frozenset(["the"])
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_SENT_START = re.compile(r"^[\s\"'\u201c\u2018\u00ab(\[\-\u2014\u2013*]*")
_ORG_AFTER = frozenset(["administration", "government", "campaign", "regime", "family", "foundation", "team", "era"])
_HYPHEN_LOWER = re.compile(r"[\-\u2010\u2011][a-z]")
_PLACE_AFTER = frozenset(["region", "regions", "province", "provinces", "oblast", "county", "area", "areas", "district", "city", "town", "village", "airbase", "residents"])
_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|bin|ibn|abu)-[A-Z]")
_PERSONAL_AFTER = re.compile(
    r"(?:['\u2019]s)?(?:,\s+(?:who\b|\d{1,3},)|\s+(?:\w+\s+){0,4}(?:he|she|his|her|him)\b)"
)
_APPOSITIVE = re.compile(r",\s+(?:the|a|an|his|her|its|their)\s+([^,;:.]{1,60})[,.]")
_SUFFIXES = frozenset(["Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"])


# ---------------------------------------------------------------------------------------------
# Data files
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cues:
    places: dict[str, tuple[str, str]]  # surface -> (canonical place, category)
    titles: frozenset[str]  # title words and phrases ("Gov.", "Prime Minister")
    title_first: frozenset[str]  # first words of titles, for quick checks
    honorifics: frozenset[str]
    org_heads: frozenset[str]
    org_phrases: tuple[str, ...]
    place_heads: frozenset[str]
    other: frozenset[str]
    not_names: frozenset[str]
    roles: dict[str, str]  # surface (lower) -> canonical plural
    collectives: frozenset[str]
    named_groups: dict[str, str]  # "Democrat"/"Democrats" -> "Democrats"
    given_names: frozenset[str]


@lru_cache(maxsize=1)
def _cues() -> _Cues:
    places = load_lexicon("places")
    cues = load_lexicon("name_cues")
    groups = load_lexicon("group_nouns")
    by = {c: cues.loc[cues["category"] == c, "term"].tolist() for c in cues["category"].unique()}
    titles = [t for t in by.get("title", [])]
    orgs = by.get("organisation", [])
    roles: dict[str, str] = {}
    named: dict[str, str] = {}
    collectives: set[str] = set()
    for term, singular, category in zip(groups["term"], groups["singular"], groups["category"], strict=True):
        if category == "role":
            roles[term.lower()] = term.lower()
            roles[singular.lower()] = term.lower()
        elif category == "collective":
            collectives.add(term.lower())
        elif category == "named_group":
            named[term] = term
            for form in singular.split("|"):
                named[form] = term
    return _Cues(
        places={t: (a, c) for t, a, c in zip(places["term"], places["actor"], places["category"], strict=True)},
        titles=frozenset(titles),
        title_first=frozenset(t.split()[0] for t in titles),
        honorifics=frozenset(by.get("honorific", [])),
        org_heads=frozenset(t for t in orgs if " " not in t),
        org_phrases=tuple(t for t in orgs if " " in t),
        place_heads=frozenset(by.get("place", [])),
        other=frozenset(by.get("other", [])),
        not_names=frozenset(by.get("not_name", [])),
        roles=roles,
        collectives=frozenset(collectives),
        named_groups=named,
        given_names=frozenset(load_lexicon("given_names")["term"]),
    )


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    return frozenset(str(t).lower() for t in load_lexicon("stopwords")["term"])


# ---------------------------------------------------------------------------------------------
# Name chains
# ---------------------------------------------------------------------------------------------


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


def _raw_chains(text: str) -> list[list[tuple[int, int, str]]]:
    """Runs of capitalised tokens (with initials' full stops, inner connectors) in one sentence."""
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
    return chains


def _strip_possessive(word: str) -> str:
    if re.search(r"['\u2019]s$", word):
        return word[:-2]
    if re.search(r"s['\u2019]$", word):
        return word[:-1]
    return word


def _word_key(word: str) -> str:
    return normalize_token(_strip_possessive(word)).rstrip(".")


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
    lead = _SENT_START.match(text).end()
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
            if _HYPHEN_LOWER.search(tok[2]):  # "Russian-occupied": an adjective, the place inside it
                pieces.append([])
                head = tok[2][:_HYPHEN_LOWER.search(tok[2]).start()]
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
    if initial and len(toks) >= 1 and not title:
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
    after_m = re.match(r"\s+([a-z]+)", text[toks[-1][1]:])
    personal = bool(_PERSONAL_AFTER.match(text, toks[-1][1]))
    out.append(_Chain(
        article_id, sent_id, toks[0][0], end,
        words, title, initial and toks[0][0] <= lead, role_before, after_m.group(1) if after_m else "",
        bool(before) and before[-1].lower() in _PLACE_PREPOSITIONS, surface, personal,
    ))


# ---------------------------------------------------------------------------------------------
# Kinds and merging
# ---------------------------------------------------------------------------------------------


def _kind_of(words: list[str], cues: _Cues) -> str:
    """person | organisation | place | group | other | unknown, from cue words alone."""
    surface = " ".join(words)
    if surface in cues.places:
        return "place"
    if words[-1] in cues.named_groups:
        return "group"
    if any(w in cues.other for w in words) or any(_strip_possessive(w) in cues.other for w in words):
        return "other"
    if words[-1] in cues.org_heads or any(p in surface for p in cues.org_phrases):
        return "organisation"
    if words[-1] in cues.place_heads and len(words) > 1:
        return "place"
    if len(words) == 1 and _ACRONYM.match(words[0]):
        return "organisation"
    if len(words) > 2 and any(w in cues.org_heads for w in words) and any(w in _CONNECT for w in words):
        return "organisation"  # "Bank of England", "University of Michigan"
    if len(words) >= 2 and (words[0] in cues.given_names or words[0].split("-")[0] in cues.given_names) and len(words) <= 4 \
            and not any(w in cues.places for w in words[1:]):
        return "person"
    return "unknown"


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper() and w.lower() not in _CONNECT)


def _abbreviates(acronym: str, name: str) -> bool:
    """True when ``acronym`` is the initials of ``name`` ("UN", "CDC" for "Centers for Disease
    Control and Prevention": a prefix of three letters or more counts)."""
    letters = acronym.replace(".", "")
    letters = letters[:-1] if letters.endswith("s") and len(letters) > 2 else letters
    initials = _initials(name.split())
    return initials == letters or len(letters) >= 3 and initials.startswith(letters) and len(initials) - len(letters) <= 1


def _person_key(words: list[str]) -> tuple[str, str]:
    core = [w for w in words if not _INITIAL.match(w.rstrip(".")) and w not in _SUFFIXES]
    if len(core) < 2:
        return (core[0] if core else words[0], "")
    return (core[0], core[-1])


@dataclass
class _Entity:
    canonical: str
    kind: str
    aliases: Counter
    mentions: int = 0


_ORG_SUFFIX = frozenset(["Co", "Co.", "Cos", "Cos.", "Inc", "Inc.", "Corp", "Corp.", "Ltd", "Ltd.", "LLC", "PLC", "plc"])


class _Resolver:
    """Builds the alias -> (actor, kind) map for an event from its name chains."""

    def __init__(self, cues: _Cues):
        self.cues = cues

    def resolve(self, chains: list[_Chain]) -> dict[str, tuple[str, str]]:
        cues = self.cues
        count: Counter = Counter()
        cue_kind: dict[str, str] = {}
        personal: Counter = Counter()
        placed: Counter = Counter()
        words_of: dict[str, list[str]] = {}
        for c in chains:
            surface = c.surface or " ".join(c.words)
            count[surface] += 1
            words_of[surface] = c.words
            kind = _kind_of(c.words, cues)
            if c.title and _title_kind(c.title, cues) == "person" and kind in ("unknown", "person"):
                kind = "person"
            cue_kind[surface] = kind if cue_kind.get(surface) in (None, "unknown") else cue_kind[surface]
            if c.title or c.role_before or c.personal:
                personal[surface] += 1
            placed[surface] += 1 if c.place_before or c.after in _PLACE_AFTER else -1
        alias_map: dict[str, tuple[str, str]] = {}
        for sfc in count:
            if sfc in cues.places:
                alias_map[sfc] = (cues.places[sfc][0], "place")
        # Entities from names of two or more words: people and unknown names by (first, last).
        entities: dict[tuple[str, str], dict] = {}
        orgs: dict[str, list[str]] = {}
        for sfc, kind in cue_kind.items():
            words = words_of[sfc]
            if sfc in alias_map or kind == "other":
                continue
            if kind in ("person", "unknown") and len(words) >= 2:
                e = entities.setdefault(_person_key(words), {"forms": Counter(), "person": 0, "place": 0, "cue": set()})
                e["forms"][sfc] += count[sfc]
                e["person"] += personal[sfc]
                e["place"] += placed[sfc]
                e["cue"].add(kind)
            elif kind == "organisation":
                orgs[sfc] = words
            elif kind == "group":
                group = list(words)
                group[-1] = cues.named_groups.get(group[-1], group[-1])
                alias_map[sfc] = (" ".join(group), "group")
            elif kind == "place":
                alias_map[sfc] = (sfc, "place")
        by_last: dict[str, list[tuple[str, dict]]] = defaultdict(list)
        for key, e in entities.items():
            plain = [f for f in e["forms"] if len(f.split()) == 2]
            pool = plain or list(e["forms"])
            e["canonical"] = max(pool, key=lambda f: (e["forms"][f], -len(f)))
            by_last[(key[1] or key[0]).lower()].append((e["canonical"], e))
        # Single words: a surname joins the one name ending with it (the most used if several).
        singles = [sfc for sfc, kind in cue_kind.items() if sfc not in alias_map and len(words_of[sfc]) == 1
                   and kind in ("unknown", "person")]
        for sfc in singles:
            word = words_of[sfc][0].lower()
            if word in by_last:
                _, e = max(by_last[word], key=lambda x: sum(x[1]["forms"].values()))
                e["forms"][sfc] += count[sfc]
                e["person"] += personal[sfc]
                e["place"] += placed[sfc]
        for e in entities.values():
            is_person = "person" in e["cue"] or e["person"] > 0
            kind = "person" if is_person else "place" if e["place"] > 0 else "organisation"
            for form in e["forms"]:
                alias_map[form] = (e["canonical"], kind)
        # Organisations: a shorter name joins the one longer name ending with it ("Defense
        # Ministry"); "Kroger Co" and "Kroger" are one; an acronym joins the name it abbreviates.
        for sfc in sorted(orgs, key=lambda x: -len(orgs[x])):
            words = orgs[sfc]
            if not (len(words) == 1 and _ACRONYM.match(sfc)):
                longer = [o for o in orgs if len(orgs[o]) > len(words) and orgs[o][-len(words):] == words]
                if len(longer) == 1:
                    alias_map[sfc] = alias_map.get(longer[0], (longer[0], "organisation"))
                    continue
            if len(words) == 1 and _ACRONYM.match(sfc):
                expansion = [o for o in orgs if len(orgs[o]) > 1 and _initials(orgs[o]) == sfc.replace(".", "").rstrip("s")]
                if len(expansion) == 1:
                    alias_map[sfc] = (expansion[0], "organisation")
                    continue
            alias_map.setdefault(sfc, (sfc, "organisation"))
        org_names = {a for a, k in alias_map.values() if k == "organisation"}
        for sfc in list(orgs):
            words = orgs[sfc]
            if len(words) > 1 and words[-1] in _ORG_SUFFIX:
                base = " ".join(words[:-1])
                if base in count and (base not in alias_map or alias_map[base][1] != "place"):
                    alias_map[sfc] = alias_map[base] = (base, "organisation")
        tails: dict[str, list[str]] = defaultdict(list)
        for name in org_names:
            parts = name.split()
            if len(parts) > 1:
                tails[parts[-1]].append(name)
        # Acronyms: the one organisation whose initials they are ("UN", "CDC").
        long_orgs = {a for a, k in alias_map.values() if k == "organisation" and len(a.split()) > 1}
        for sfc in list(alias_map):
            if _ACRONYM.match(sfc) and alias_map[sfc] == (sfc, "organisation"):
                expansion = [o for o in long_orgs if _abbreviates(sfc, o)]
                if len(expansion) == 1:
                    alias_map[sfc] = (expansion[0], "organisation")
        # Remaining single words: by their evidence.
        for sfc, kind in cue_kind.items():
            if sfc in alias_map or kind == "other":
                continue
            if _ACRONYM.match(sfc):
                expansion = [o for o in long_orgs if _abbreviates(sfc, o)]
                if len(expansion) == 1:
                    alias_map[sfc] = (expansion[0], "organisation")
                    continue
            word = words_of[sfc]
            if len(word) == 1 and len(tails.get(sfc, [])) == 1 and personal[sfc] == 0:
                alias_map[sfc] = (tails[sfc][0], "organisation")  # "Villa" -> "Aston Villa"
                continue
            if len(word) == 1 and zipf_frequency(_word_key(sfc)) >= 5.0 and not _ACRONYM.match(sfc):
                continue  # a common word with a capital ("Western", "God"), not a name
            kind = "person" if personal[sfc] > 0 or kind == "person" else "place" if placed[sfc] > 0 else "organisation"
            alias_map[sfc] = (sfc, kind)
        # A dateline in capitals ("SEMINOLE, Texas —") is the same name.
        for sfc in list(alias_map):
            if sfc.isupper() and len(sfc) > 3 and not _ACRONYM.match(sfc):
                title = sfc.title()
                if title in alias_map:
                    alias_map[sfc] = alias_map[title]
                elif title in cues.places:
                    alias_map[sfc] = (cues.places[title][0], "place")
        return alias_map


def _title_kind(title: str, cues: _Cues) -> str:
    return "person" if title in cues.titles or title in cues.honorifics or title + "." in cues.titles else "other"


# ---------------------------------------------------------------------------------------------
# Groups and roles acting as subjects or sources
# ---------------------------------------------------------------------------------------------

_GROUP_VERBS = (
    "say|says|said|saying|argue|argues|argued|warn|warns|warned|claim|claims|claimed|told|tell|tells|"
    "contend|contends|contended|insist|insists|insisted|note|notes|noted|fear|fears|feared|worry|worries|"
    "worried|want|wants|wanted|urge|urges|urged|call|calls|called|vote|votes|voted|approve|approves|approved|"
    "reject|rejects|rejected|oppose|opposes|opposed|support|supports|supported|believe|believes|believed|"
    "expect|expects|expected|hope|hopes|hoped|plan|plans|planned|sued|sue|sues|filed|file|files|accused|accuse|"
    "accuses|praised|praise|praises|criticised|criticized|criticise|criticize|complained|complain|complains|"
    "point|points|pointed|describe|describes|described|estimate|estimates|estimated|found|find|finds|"
    "report|reports|reported|announced|announce|announces|agreed|agree|agrees|decided|decide|voiced|raised|"
    "questioned|welcomed|welcome|welcomes|denied|deny|denies|confirmed|confirm|confirms|declined|decline|"
    "refused|refuse|have|has|had|will|would|could|can|may|might|should|must|"
    "stage|staged|gathered|marched|protested|rallied|wrote|write|writes|predicted|predict|predicts|"
    "acknowledged|acknowledge|admitted|admit|asked|ask|asks|demanded|demand|demands|pushed|push|pushes"
)
_GROUP_MODIFIER = re.compile(r"^(?:[a-z][a-z\-]+)$")
_DETERMINER = frozenset(
    "the a an some many several other others two three four five six dozens hundreds thousands most few "
    "all both these those such more fewer senior top unnamed anonymous local former current".split()
)


@lru_cache(maxsize=1)
def _group_pattern() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(head, tail, words before): a role or group noun; what must follow it for the group to
    act (an optional appositive or prepositional phrase, adverbs, then a verb); up to two words
    that may modify it. Three small patterns instead of one: far faster on long texts."""
    cues = _cues()
    heads = sorted(set(cues.roles) | cues.collectives, key=len, reverse=True)
    head_alt = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in heads)
    # not after a full stop either: "a.b.c" is one token, entered once, not at every letter
    head = re.compile(rf"(?<![\w\-'\u2019.])(?i:{head_alt})(?=[\s,])")
    tail = re.compile(
        rf"(?:\s*,\s+[^,;:.]{{1,80}},|\s+(?:in|at|from|of|for|with|on)\s+[^,;:.\"]{{1,40}}?)?(?:\s+(?:also|have|has|had|"
        rf"now|still|long|often|have\s+long|repeatedly|quickly|immediately|later|previously|again|already|too|"
        rf"reportedly|allegedly))*\s+(?:{_GROUP_VERBS})\b"
    )
    before = re.compile(r"(?:(?<![\w\-'\u2019])[A-Za-z][\w\-'\u2019.]*[ \t]+){1,2}\Z")
    return head, tail, before


def _group_name(np: str, head: str, cues: _Cues, capitalised_ok: set[str]) -> str | None:
    """Canonical name of a group phrase: the head (plural) with a proper-name or noun modifier."""
    words = np.split()
    head_words = head.split()
    mods = words[: len(words) - len(head_words)]
    head_low = " ".join(head_words).lower()
    canon_head = cues.roles.get(head_low, head_low)
    kept: list[str] = []
    for i, m in enumerate(mods):
        low = m.lower().strip(",")
        if low in _DETERMINER or low in _stop() or (not m[:1].isupper() and re.search(r"['\u2019]s?$", m)):
            kept = []
            continue
        if m[:1].isupper():
            if i == 0 and m not in capitalised_ok and (low in _stop() or zipf_frequency(low) >= 3.8):
                kept.append(low)  # "Business groups" at a sentence start
            else:
                kept.append(_strip_possessive(m))
        elif m.endswith(("ly",)) or low.endswith(("ing",)):
            kept = []
        else:
            kept.append(low)
    name = " ".join(kept + [canon_head])
    return name


# ---------------------------------------------------------------------------------------------
# Discovery
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Discovery:
    """Discovered actors of an event: ``actors`` (one row an actor) and ``mentions`` (one row a
    mention, offsets into the article body)."""

    actors: pd.DataFrame
    mentions: pd.DataFrame


def _user_map(groups: pd.DataFrame | None) -> dict[str, tuple[str, str]]:
    if groups is None or groups.empty:
        return {}
    kinds = groups["kind"] if "kind" in groups.columns else pd.Series("", index=groups.index)
    out = {}
    for actor, term, kind in zip(groups["actor"].astype(str), groups["term"].astype(str), kinds.astype(str), strict=True):
        kind = kind.strip().lower()
        entry = (actor.strip(), kind if kind in KINDS else "organisation")
        term = term.strip()
        out[term] = entry
        if term[:1].islower():  # "the petitioners" also opens a sentence
            out.setdefault(term[0].upper() + term[1:], entry)
    return out


def discover(sentences: pd.DataFrame, *, groups: pd.DataFrame | None = None) -> Discovery:
    """Discover the actors of the articles in ``sentences`` and every mention of them.

    ``sentences`` is the table of ``analysis.corpus.load_corpus`` (``article_id, sent_id, start,
    text``). ``groups`` is an optional user actor table (``actor, term``, optional ``kind``):
    its terms are matched too and win over discovery. Returns a :class:`Discovery`:
    ``mentions`` has ``article_id, sent_id, actor, alias, kind, start, end`` (``body[start:end]
    == alias``); ``actors`` has ``actor, kind, aliases`` (a list, most used first), ``mentions``,
    ``n_articles`` and ``origin`` (discovered | file). See the module docstring for what it misses.
    """
    cues = _cues()
    ids = sentences["article_id"].astype(str).tolist()
    texts = sentences["text"].astype(str).tolist()
    sent_ids = sentences["sent_id"].tolist()
    offsets = sentences["start"].tolist()
    lowercase_seen: Counter = Counter()
    for text in texts:
        for _, _, w in word_spans(text):
            if w[:1].islower():
                lowercase_seen[normalize_token(w)] += 1
    chains: list[_Chain] = []
    for aid, sid, text in zip(ids, sent_ids, texts, strict=True):
        found = _chains(aid, sid, text, lowercase_seen, cues)
        if _title_case(text):  # a headline-style sentence: only the gazetteer's names are sure
            found = [c for c in found if (c.surface or " ".join(c.words)) in cues.places]
        chains.extend(found)
    alias_map = _Resolver(cues).resolve(chains)
    # "the Trump administration": an organisation of its own.
    for c in chains:
        name = c.surface or " ".join(c.words)
        if c.after in _ORG_AFTER and name in alias_map and alias_map[name][1] == "person":
            phrase = f"{name} {c.after}"
            alias_map[phrase] = (f"{alias_map[name][0].split()[-1]} {c.after}", "organisation")
    user = _user_map(groups)
    # The user's table wins: a discovered actor any of whose names the table lists becomes the
    # table's actor with all its names ("Vladimir Putin" joins the group that lists "Putin").
    if user:
        names_of: dict[str, list[str]] = defaultdict(list)
        for alias, (actor, _) in alias_map.items():
            names_of[actor].append(alias)
        for actor, names in names_of.items():
            owner = next((user[n] for n in names if n in user), None) or (user.get(actor))
            if owner is not None:
                for n in names:
                    alias_map[n] = owner
    alias_map.update(user)
    # Possessive and plural forms are matched by the pattern; the aliases themselves stay bare.
    mentions = _find_mentions(ids, sent_ids, offsets, texts, alias_map, cues)
    actors = _actor_table(mentions, set(a for a, _ in user.values()))
    return Discovery(actors=actors, mentions=mentions)


@lru_cache(maxsize=16)
def _alias_regex(aliases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in sorted(aliases, key=len, reverse=True))
    return re.compile(rf"(?<![\w.\-])(?:{alternatives})(?![\w]|\.\w)")


class _Spans:
    """Disjoint spans, sorted: an overlap test and an insertion cost a binary search, so a long
    sentence with thousands of mentions stays linear (a list scanned per match did not)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.ends, start + 1)  # first span ending after ``start``
        return i < len(self.starts) and self.starts[i] < end

    def add(self, start: int, end: int) -> None:
        i = bisect_left(self.ends, start + 1)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def _find_mentions(ids, sent_ids, offsets, texts, alias_map, cues) -> pd.DataFrame:
    rows: list[tuple] = []
    pattern = _alias_regex(tuple(alias_map)) if alias_map else None
    head_re, tail_re, before_re = _group_pattern()
    collective_orgs: dict[str, list[str]] = defaultdict(list)
    for actor, kind in set(alias_map.values()):
        if kind == "organisation":
            head = actor.split()[-1].lower()
            if head in cues.collectives:
                collective_orgs[head].append(actor)
    capitalised = {a for a in alias_map}
    owned = {head: owners[0] for head, owners in collective_orgs.items() if len(owners) == 1}
    described = re.compile(rf"(?<![\w])[Tt]he\s+(?P<head>{'|'.join(map(re.escape, owned))})(?![\w\-])") if owned else None
    for aid, sid, offset, text in zip(ids, sent_ids, offsets, texts, strict=True):
        taken = _Spans()
        if pattern is not None:
            for m in pattern.finditer(text):
                alias = re.sub(r"\s+", " ", m.group())
                actor, kind = alias_map[alias]
                rows.append((aid, sid, actor, m.group(), kind, offset + m.start(), offset + m.end()))
                taken.add(m.start(), m.end())
        if described is not None:  # "the council" when the articles name one council
            for m in described.finditer(text):
                h0, h1 = m.start("head"), m.end("head")
                if not taken.overlaps(h0, h1):
                    rows.append((aid, sid, owned[m.group("head")], m.group("head"), "organisation", offset + h0, offset + h1))
                    taken.add(h0, h1)
        for m in head_re.finditer(text):
            h0, h1 = m.start(), m.end()
            if taken.overlaps(h0, h1) or not tail_re.match(text, h1):
                continue
            pre = before_re.search(text, max(0, h0 - 80), h0)
            np0 = pre.start() if pre else h0
            np_text = text[np0:h1]
            head = m.group()
            # A capitalised head mid-sentence belongs to a name ("City Council") found above.
            before = text[max(0, np0 - 4):np0].rstrip()
            if before.endswith(("'s", "\u2019s")):
                continue
            name = _group_name(np_text, head, cues, capitalised)
            if name is None:
                continue
            head_low = head.lower()
            # Drop modifiers that were not kept (determiners) from the mention's span.
            kind = "group"
            if head_low in cues.collectives:
                owners = collective_orgs.get(head_low, [])
                if len(owners) == 1 and name == head_low:
                    name, kind = owners[0], "organisation"
                else:
                    name = name if name != head_low else f"the {head_low}"
            span_start = np0
            words = list(re.finditer(r"\S+", np_text))
            for w in words[:-len(head.split())]:
                if w.group().lower() in _DETERMINER or w.group().lower() in _stop():
                    span_start = np0 + w.end() + 1
            span_start = min(span_start, h0)
            while span_start < h0 and text[span_start].isspace():
                span_start += 1
            if taken.overlaps(span_start, h1):
                span_start = h0
            rows.append((aid, sid, name, text[span_start:h1], kind, offset + span_start, offset + h1))
            taken.add(span_start, h1)
    frame = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    if len(frame):
        frame = frame.sort_values(["article_id", "sent_id", "start"], kind="stable").reset_index(drop=True)
    return frame.astype({"start": "int64", "end": "int64"}) if len(frame) else frame


def _actor_table(mentions: pd.DataFrame, from_file: set[str]) -> pd.DataFrame:
    if mentions.empty:
        return pd.DataFrame(columns=ACTOR_COLUMNS)
    aliases: dict[str, Counter] = defaultdict(Counter)
    kinds: dict[str, Counter] = defaultdict(Counter)
    articles: dict[str, set] = defaultdict(set)
    for actor, alias, kind, article in zip(mentions["actor"], mentions["alias"], mentions["kind"],
                                           mentions["article_id"], strict=True):
        aliases[actor][_strip_possessive(re.sub(r"\s+", " ", alias))] += 1
        kinds[actor][kind] += 1
        articles[actor].add(article)
    rows = [
        (actor, kinds[actor].most_common(1)[0][0], [a for a, _ in names.most_common()], sum(names.values()),
         len(articles[actor]), "file" if actor in from_file else "discovered")
        for actor, names in aliases.items()
    ]
    out = pd.DataFrame(rows, columns=ACTOR_COLUMNS)
    return out.sort_values(["mentions", "actor"], ascending=[False, True], kind="stable").reset_index(drop=True)


def discover_actors(sentences: pd.DataFrame, *, groups: pd.DataFrame | None = None) -> pd.DataFrame:
    """The actor table of :func:`discover`: ``actor, kind, aliases, mentions, n_articles, origin``."""
    return discover(sentences, groups=groups).actors
