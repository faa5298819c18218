"""Kinds from cue words alone (person, organisation, place, group, other, unknown), initials and
acronyms, and the key that makes "Donald Trump" and "Donald J. Trump" one person."""

from __future__ import annotations

from analysis.discovery.cues import (
    _ACRONYM,
    _CONNECT,
    _INITIAL,
    _SUFFIXES,
    _Cues,
    _strip_possessive,
)


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



def _title_kind(title: str, cues: _Cues) -> str:
    return "person" if title in cues.titles or title in cues.honorifics or title + "." in cues.titles else "other"

