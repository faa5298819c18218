"""Precision and recall of actor discovery and sourcing on the development set, and discovery speed.

    PYTHONPATH=$PWD .venv/bin/python benchmarks/actor_discovery.py [tests/fixtures/events] [--real ARTICLES.jsonl]

The development set (``tests/fixtures/events/``) holds events of two or three articles each, written
for this purpose, and ``expected.json``: every person, organisation, place and named group the texts
name (with the aliases that must merge), the sources each article cites, actors that must count as
present or absent per article, and provenance chains.

Figures printed:
- actors: recall = expected actors found (any alias matched by a discovered actor); precision =
  discovered person/organisation/place actors that match an expected or optional entry;
  merged = expected actors whose aliases seen in the texts all land on one discovered actor;
  kind = found actors given the expected kind.
- sources: per article, the set of cited actors (named sources by actor, roles by head noun)
  against the expected set.
- omissions: expected present/absent actors judged right.
- provenance: expected chains found in order.
With ``--real``, discovery runs on real articles (JSON Lines with a ``text`` field, e.g. MBIC's) in
pairs and prints articles per second and the top actors of a few.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

import pandas as pd

from analysis.actors import actor_mentions
from analysis.emphasis import actor_emphasis
from analysis.inputs import articles_from_texts, load_corpus
from analysis.sourcing import find_sources


def _norm(name: str) -> str:
    name = re.sub(r"['\u2019]s?$", "", str(name).strip())
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
    return re.sub(r"\s+", " ", name).lower()


def _head(name: str) -> str:
    words = _norm(name).split()
    return words[-1] if words else ""


def _match(expected: dict, names: set[str]) -> bool:
    keys = {_norm(a) for a in expected["aliases"]} | {_norm(expected["actor"])}
    return bool(keys & names)


def evaluate(folder: Path) -> dict:
    spec = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    totals = {k: 0 for k in ("exp", "found", "merged", "kind_ok", "disc", "disc_ok", "src_tp", "src_fp", "src_fn",
                             "om_ok", "om_n", "prov_ok", "prov_n")}
    misses: list[str] = []
    for event, exp in spec.items():
        articles, sentences = load_corpus(folder / event)
        mentions = actor_mentions(sentences)
        table = actor_emphasis(articles, sentences, mentions=mentions)
        discovered = {}
        for actor, group in mentions.groupby("actor"):
            discovered[actor] = ({_norm(actor)} | {_norm(a) for a in group["alias"]}, group["kind"].mode().iloc[0])
        # Actors: recall, merging, kind.
        for e in exp["actors"]:
            totals["exp"] += 1
            hits = [a for a, (names, _) in discovered.items() if _match(e, names)]
            if not hits:
                misses.append(f"{event}: missed {e['actor']}")
                continue
            totals["found"] += 1
            seen = {_norm(a) for a in e["aliases"]} & set().union(*(discovered[a][0] for a in hits))
            owners = {a for a in hits if discovered[a][0] & seen}
            totals["merged"] += len(owners) == 1
            if len(owners) > 1:
                misses.append(f"{event}: {e['actor']} split over {sorted(owners)}")
            best = max(hits, key=lambda a: len(mentions[mentions["actor"] == a]))
            if discovered[best][1] == e["kind"]:
                totals["kind_ok"] += 1
            else:
                misses.append(f"{event}: {e['actor']} kind {discovered[best][1]} (expected {e['kind']})")
        optional = {_norm(o) for o in exp.get("optional", [])}
        for actor, (names, kind) in discovered.items():
            if kind == "group":
                continue
            totals["disc"] += 1
            if any(_match(e, names) for e in exp["actors"]) or names & optional:
                totals["disc_ok"] += 1
            else:
                misses.append(f"{event}: extra {kind} {actor!r}")
        # Sources: cited actors per article.
        sources = find_sources(sentences, mentions=mentions)
        for article_id, wanted in exp["sources"].items():
            pronoun = sources["source"].str.lower().isin(["he", "she", "they", "we", "it", "i"])
            mine = sources[(sources["article_id"] == article_id) & (sources["source"] != "(unnamed)") & ~pronoun]
            got = set()
            for row in mine.itertuples():
                if row.actor_kind == "group" or row.actor is None or pd.isna(row.actor):
                    got.add(_head(row.actor if isinstance(row.actor, str) else row.source))
                else:
                    got.add(_norm(row.actor))
            want = set()
            for w in wanted:
                e = next((x for x in exp["actors"] if x["actor"] == w), None)
                want.add(_norm(w) if e else _head(w))
            # An expected actor counts as found when any of its aliases was the cited actor.
            matched = set()
            for w in wanted:
                e = next((x for x in exp["actors"] if x["actor"] == w), None)
                keys = ({_norm(a) for a in e["aliases"]} | {_norm(w)}) if e else {_head(w)}
                if keys & got:
                    matched |= keys & got
                    totals["src_tp"] += 1
                else:
                    totals["src_fn"] += 1
                    misses.append(f"{event}/{article_id}: source missed {w}")
            extra = got - matched
            totals["src_fp"] += len(extra)
            misses.extend(f"{event}/{article_id}: extra source {x!r}" for x in sorted(extra))
        # Omissions: present / absent per article, through aliases.
        for flag, expect_present in (("present", True), ("absent", False)):
            for article_id, names in exp.get(flag, {}).items():
                mine = table[table["article_id"] == article_id]
                for name in names:
                    e = next(x for x in exp["actors"] if x["actor"] == name)
                    hits = [a for a, (n, _) in discovered.items() if _match(e, n)]
                    here = bool(hits) and bool((mine[mine["actor"].isin(hits)]["mentions"] > 0).any())
                    totals["om_n"] += 1
                    totals["om_ok"] += here == expect_present
                    if here != expect_present:
                        misses.append(f"{event}/{article_id}: {name} judged {'present' if here else 'absent'}")
        # Provenance chains.
        for article_id, chain in exp.get("provenance", {}).items():
            got = list(articles.set_index("article_id").loc[article_id, "syndicators"])
            totals["prov_n"] += 1
            ok = [g for g in got if g in chain] == chain
            totals["prov_ok"] += ok
            if not ok:
                misses.append(f"{event}/{article_id}: provenance {got} (expected {chain})")
    return {"totals": totals, "misses": misses, "events": len(spec)}


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a"


def real_speed(path: Path, n_articles: int = 200) -> None:
    texts = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row.get("text"):
                texts.append(row["text"])
            if len(texts) >= n_articles:
                break
    start = time.perf_counter()
    samples = []
    for i in range(0, len(texts) - 1, 2):
        articles, sentences = articles_from_texts({"a": texts[i], "b": texts[i + 1]})
        mentions = actor_mentions(sentences)
        if i < 6:
            table = actor_emphasis(articles, sentences, mentions=mentions)
            top = table[table["article_id"] == "a"].sort_values("mentions", ascending=False).head(6)
            samples.append((texts[i][:70].replace("\n", " "), [f"{r.actor} ({r.kind}, {r.mentions})" for r in top.itertuples()]))
    seconds = time.perf_counter() - start
    print(f"\nreal articles ({path.name}): {len(texts)} articles in pairs, {seconds:.2f} s, "
          f"{len(texts) / seconds:.0f} articles/s (load, split and discover)")
    for title, top in samples:
        print(f"  {title!r}\n    {'; '.join(top)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="tests/fixtures/events")
    parser.add_argument("--real", help="JSON Lines of real articles (text field) for speed and a look")
    parser.add_argument("--misses", action="store_true", help="list every miss and extra")
    args = parser.parse_args(argv)
    result = evaluate(Path(args.folder))
    t = result["totals"]
    print(f"development set: {args.folder} ({result['events']} events)")
    print(f"actors   recall {_ratio(t['found'], t['exp'])}  precision {_ratio(t['disc_ok'], t['disc'])}  "
          f"merged {_ratio(t['merged'], t['found'])}  kind {_ratio(t['kind_ok'], t['found'])}")
    tp, fp, fn = t["src_tp"], t["src_fp"], t["src_fn"]
    print(f"sources  recall {_ratio(tp, tp + fn)}  precision {_ratio(tp, tp + fp)}")
    print(f"omissions (present/absent through aliases) {_ratio(t['om_ok'], t['om_n'])}")
    print(f"provenance chains {_ratio(t['prov_ok'], t['prov_n'])}")
    if args.misses:
        print("\n".join(result["misses"]))
    if args.real:
        real_speed(Path(args.real))
    return 0


if __name__ == "__main__":
    sys.exit(main())
