"""Alias merging: the alias -> (actor, kind) map of an event from its name chains (surnames join
full names, acronyms the names they abbreviate, shorter organisation names the longer one)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from analysis.discovery.chains import _Chain
from analysis.discovery.cues import (
    _ACRONYM,
    _PLACE_AFTER,
    _Cues,
    _word_key,
)
from analysis.discovery.kinds import _initials, _kind_of, _person_key, _title_kind
from analysis.frequency import zipf_frequency


@dataclass
class _Entity:
    canonical: str
    kind: str
    aliases: Counter
    mentions: int = 0


#: Zipf frequencies (uses per billion words, as a power of ten) below which a word is rare: a
#: surname ("Soule" 2.4, "Dominguez" 2.8; "Villa" 4.2 and "Palace" 4.5 are common words) and a
#: given name ("Selina", "Xavier" 3.5, "Charlie" 4.4; "Big", "National", "Planned" are not).
_RARE_SURNAME_ZIPF = 4.0
_RARE_GIVEN_ZIPF = 4.5


def _called_by_surname(name: str, alone: Iterable[str], cues: _Cues) -> bool:
    """Whether ``name`` reads as a person's because the articles also call it by its last word
    alone, as news calls a person on second reference ("Selina Soule" ... "Soule said"), however
    rare the given name. Only for a name of two to four capitalised words whose first word is not
    a common English word or a place's, and whose last word, used alone, is a rare one and no
    plural (and, where it is read, only when nothing says the name is a place's): an
    organisation is shortened to its first word ("Goldman") or a common one ("Aston Villa" ...
    "Villa"), a team to a plural ("Yankees"), and "Big Pharma" or "Activism for the End of the
    Anthropocene" are no one's names. What it cannot see: an organisation called by a rare last
    word alone ("the Klan" for the Ku Klux Klan) reads as a person."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    if words[0] in cues.places or zipf_frequency(_word_key(words[0])) >= _RARE_GIVEN_ZIPF:
        return False  # "Syrian Kurdish", "Big Pharma"
    last = _word_key(words[-1])
    return any(_word_key(a) == last and not last.endswith("s") and zipf_frequency(last) < _RARE_SURNAME_ZIPF
               for a in alone)


_ORG_SUFFIX = frozenset(["Co", "Co.", "Cos", "Cos.", "Inc", "Inc.", "Corp", "Corp.", "Ltd", "Ltd.", "LLC", "PLC", "plc"])


class _Abbreviations:
    """The names an acronym abbreviates (``kinds._abbreviates``), found through an index of the
    names' initials instead of a test of every name. A name that opens with a country's name
    (``countries``: "United States Customs and Border Protection", "U.S. Immigration and Customs
    Enforcement") is also indexed by the initials of the rest: the acronym leaves the country out
    ("CBP", "ICE"). (Not after an adjective: "the Russian United Nations envoy" is no "UN".)"""

    def __init__(self, names: Iterable[str], countries: Iterable[str] = ()):
        self.exact: dict[str, list[str]] = defaultdict(list)
        self.one_more: dict[str, list[str]] = defaultdict(list)  # initials less their last letter
        known = frozenset(countries)
        for name in sorted(names):
            words = name.split()
            initials = _initials(words)
            self.exact[initials].append(name)
            if initials:
                self.one_more[initials[:-1]].append(name)
            for k in (1, 2):  # "U.S. …", "United States …"
                if len(words) - k >= 2 and " ".join(words[:k]) in known:
                    rest = _initials(words[k:])
                    if rest != initials and name not in self.exact[rest]:
                        self.exact[rest].append(name)

    def names(self, acronym: str) -> list[str]:
        letters = acronym.replace(".", "")
        letters = letters[:-1] if letters.endswith("s") and len(letters) > 2 else letters
        found = list(self.exact.get(letters, []))
        if len(letters) >= 3:
            found += self.one_more.get(letters, [])
        return found


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
                e.setdefault("alone", set()).add(sfc)
        for e in entities.values():
            is_person = "person" in e["cue"] or e["person"] > 0
            kind = "person" if is_person else "place" if e["place"] > 0 else (
                "person" if _called_by_surname(e["canonical"], e.get("alone", ()), cues) else "organisation")
            for form in e["forms"]:
                alias_map[form] = (e["canonical"], kind)
        # Organisations: a shorter name joins the one longer name ending with it ("Defense
        # Ministry"); "Kroger Co" and "Kroger" are one; an acronym joins the name it abbreviates.
        # (looked up in indexes of word endings and initials: a scan of every other name for
        # each name grew with the square of the names, thousands in long articles)
        # A party's or group's adjective before an organisation's name ("the Democratic Senate
        # leader", "a Republican House") describes it where the name alone is the usual form (used
        # at least twice as often): the longer form then joins the name, and the name joins no
        # longer one ("House" stays apart from "White House"; "Catholic Church" used as often as
        # "Church" stays the name).
        described: dict[str, str] = {}
        for o, o_words in orgs.items():
            rest = " ".join(o_words[1:])
            if len(o_words) > 1 and o_words[0] in cues.named_groups and rest in orgs and count[rest] >= 2 * count[o]:
                described[o] = rest
        ending_in: dict[tuple[str, ...], list[str]] = defaultdict(list)
        initials_of_orgs: dict[str, list[str]] = defaultdict(list)
        for o, o_words in orgs.items():
            for n in range(1, len(o_words)):
                ending_in[tuple(o_words[-n:])].append(o)
            if len(o_words) > 1:
                initials_of_orgs[_initials(o_words)].append(o)
        usual = set(described.values())  # names the articles use alone: each stays a name
        for sfc in sorted(orgs, key=lambda x: -len(orgs[x])):
            if sfc in described:
                continue
            words = orgs[sfc]
            if not (len(words) == 1 and _ACRONYM.match(sfc)) and sfc not in usual:
                longer = ending_in.get(tuple(words), [])
                if len(longer) == 1:
                    alias_map[sfc] = alias_map.get(longer[0], (longer[0], "organisation"))
                    continue
            if len(words) == 1 and _ACRONYM.match(sfc):
                expansion = initials_of_orgs.get(sfc.replace(".", "").rstrip("s"), [])
                if len(expansion) == 1:
                    alias_map[sfc] = (expansion[0], "organisation")
                    continue
            alias_map.setdefault(sfc, (sfc, "organisation"))
        for sfc, rest in described.items():
            while rest in described:  # "Democratic Republican Senate" -> "Republican Senate" -> "Senate"
                rest = described[rest]
            alias_map[sfc] = alias_map[rest]
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
        # (a described form counts among the names an acronym may stand for: "DC" stays ambiguous
        # between "Democratic Congress" and "Dyson Club", as before the form joined "Congress")
        countries = [term for term, (_, category) in cues.places.items() if category == "country"]
        abbreviated = _Abbreviations(long_orgs | set(described), countries)
        for sfc in list(alias_map):
            if _ACRONYM.match(sfc) and alias_map[sfc] == (sfc, "organisation"):
                expansion = abbreviated.names(sfc)
                if len(expansion) == 1:
                    alias_map[sfc] = (expansion[0], "organisation")
        # Remaining single words: by their evidence.
        for sfc, kind in cue_kind.items():
            if sfc in alias_map or kind == "other":
                continue
            if _ACRONYM.match(sfc):
                expansion = abbreviated.names(sfc)
                if len(expansion) == 1:
                    alias_map[sfc] = (expansion[0], "organisation")
                    continue
            sfc_words = words_of[sfc]
            if len(sfc_words) == 1 and len(tails.get(sfc, [])) == 1 and personal[sfc] == 0:
                alias_map[sfc] = (tails[sfc][0], "organisation")  # "Villa" -> "Aston Villa"
                continue
            if len(sfc_words) == 1 and zipf_frequency(_word_key(sfc)) >= 5.0 and not _ACRONYM.match(sfc):
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

