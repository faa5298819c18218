"""Discovery end to end: chains, aliases and the user's table become one alias map, matched in
every sentence with the groups that act; the mention and actor tables."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from analysis.discovery.aliases import _Resolver
from analysis.discovery.chains import _Chain, _chains, _title_case
from analysis.discovery.cues import (
    _ORG_AFTER,
    ACTOR_COLUMNS,
    KINDS,
    MENTION_COLUMNS,
    _cues,
    _stop,
    _strip_possessive,
)
from analysis.discovery.groups import _DETERMINER, _group_name, _group_pattern
from analysis.text import normalize_token, word_spans


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

    ``sentences`` is the table of ``analysis.load_corpus`` (``article_id, sent_id, start,
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


def _alias_units(alias: str) -> list[str]:
    """An alias as pattern pieces: a space matches any run of white space, the rest literally."""
    return [r"\s+" if c == " " else re.escape(c) for c in alias]


def _trie_pattern(aliases: Iterable[str]) -> str | None:
    """One pattern for the aliases, as a tree of shared prefixes ("Donald (?:J\\.\\s+)?Trump");
    None when the tree nests deeper than ``_MAX_NESTING`` (the regular-expression compiler recurses).

    It matches what the plain alternation longest-first matched (at one position the aliases that
    match are prefixes of one another, and the tree tries the longer first, the shorter when the
    longer is refused), but a position costs the length of the aliases that start there, not the
    number of aliases: the plain alternation made finding mentions grow with text x names, a
    quadratic in the length of the articles (two 1 MB articles: a minute in that one step)."""
    trie: dict = {}
    for alias in aliases:
        node = trie
        for unit in _alias_units(alias):
            node = node.setdefault(unit, {})
        node[""] = {}  # an alias ends here

    def render(node: dict, nesting: int) -> str:
        if nesting > _MAX_NESTING:
            raise RecursionError
        parts: list[str] = []
        while len(node) == 1 and "" not in node:  # a straight run of single children: no group
            ((unit, node),) = node.items()
            parts.append(unit)
        options = [u + render(node[u], nesting + 1) for u in sorted(node) if u] + ([""] if "" in node else [])
        if len(options) == 1:
            return "".join(parts) + options[0]
        return "".join(parts) + "(?:" + "|".join(options) + ")"

    try:
        return render(trie, 0)
    except RecursionError:
        return None


#: Deepest nesting of the alias tree's groups (real names: a handful).
_MAX_NESTING = 60


@lru_cache(maxsize=16)
def _alias_regex(aliases: tuple[str, ...]) -> re.Pattern[str]:
    tree = _trie_pattern(aliases)
    if tree is None:  # a pathological set of nested names: the plain alternation, longest first
        tree = "|".join("".join(_alias_units(a)) for a in sorted(aliases, key=len, reverse=True))
    return re.compile(rf"(?<![\w.\-])(?:{tree})(?![\w]|\.\w)")


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
