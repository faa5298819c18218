"""Cue words read from the lexicons (titles, honorifics, organisation and place heads, places, group
nouns, given names), the stop list, and the small word tests every step of discovery shares."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analysis.lexicon import load_lexicon
from analysis.text import normalize_token, stop_words

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


def _stop() -> frozenset[str]:
    return stop_words()  # the project's one stop list


# ---------------------------------------------------------------------------------------------
# Name chains
# ---------------------------------------------------------------------------------------------


def _strip_possessive(word: str) -> str:
    if re.search(r"['\u2019]s$", word):
        return word[:-2]
    if re.search(r"s['\u2019]$", word):
        return word[:-1]
    return word


def _word_key(word: str) -> str:
    return normalize_token(_strip_possessive(word)).rstrip(".")


