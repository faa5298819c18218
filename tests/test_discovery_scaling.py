"""Discovery on long articles and many names: the fast lookups equal the plain definitions.

Finding mentions once tried every alias at every position (a plain alternation), and merging
names compared every organisation with every other: both grew with the square of the text for
long articles (issue 15, finding 9). The alias pattern is now a tree of shared prefixes and the
merges use indexes; these tests check them against the plain definitions on random names.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.discovery.aliases import _Abbreviations
from analysis.discovery.kinds import _abbreviates
from analysis.discovery.mentions import _alias_regex, _alias_units, _trie_pattern

_WORDS = st.sampled_from(["A", "A.", "Al", "Ala", "B", "Bo", "J.", "R.", "Trump", "Donald", "U.S.", "of", "the", "Co", "Kyiv"])
_ALIASES = st.lists(st.lists(_WORDS, min_size=1, max_size=4).map(" ".join), min_size=1, max_size=25, unique=True)
_TEXTS = st.lists(st.sampled_from(["A", "A.", "Al", "Ala", "B", "Bo", "J.", "R.", "Trump", "Donald", "U.S.", "of", "the",
                                   "Co", "Kyiv", " ", "  ", "\n", ".", "-", "x", "’s", ",", "Alab"]), max_size=40).map("".join)


def _plain(aliases: tuple[str, ...]) -> re.Pattern[str]:
    """The alias pattern as it was: every alias an alternative, the longest first."""
    alternatives = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in sorted(aliases, key=len, reverse=True))
    return re.compile(rf"(?<![\w.\-])(?:{alternatives})(?![\w]|\.\w)")


@given(_ALIASES, _TEXTS)
@settings(max_examples=400, deadline=None)
def test_the_alias_tree_matches_what_the_plain_alternation_matched(aliases, text):
    aliases = tuple(aliases)
    assert [m.span() for m in _alias_regex(aliases).finditer(text)] == [m.span() for m in _plain(aliases).finditer(text)]


def test_the_alias_tree_shares_prefixes_and_falls_back_when_too_deep():
    assert _trie_pattern(["Donald Trump", "Donald J. Trump", "Trump"]) == r"(?:Donald\s+(?:J\.\s+Trump|Trump)|Trump)"
    nested = ["A" * n for n in range(1, 200)]  # every alias a prefix of the next: too deep a tree
    assert _trie_pattern(nested) is None
    text = " ".join(nested)
    assert [m.group() for m in _alias_regex(tuple(nested)).finditer(text)] == nested
    assert "".join(_alias_units("U.S. Army")) == r"U\.S\.\s+Army"


_ORG = st.lists(st.sampled_from(["Centers", "for", "Disease", "Control", "and", "Prevention", "National", "Rifle",
                                 "Association", "United", "Nations", "Union", "of", "Council", "Defense", "Ministry"]),
                min_size=2, max_size=6).map(" ".join)


@given(st.sets(_ORG, max_size=30), st.sampled_from(["CDC", "CDCs", "NRA", "UN", "U.N.", "UNs", "NRAs", "CDCP", "DM", "C.D.C."]))
@settings(max_examples=300, deadline=None)
def test_the_initials_index_finds_what_testing_every_name_found(names, acronym):
    assert sorted(_Abbreviations(names).names(acronym)) == sorted(n for n in names if _abbreviates(acronym, n))
