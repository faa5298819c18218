"""Groups and roles that act: a role or group noun ("officials", "House Democrats") as the subject
of a verb or as a source, and the canonical name of the phrase."""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.discovery.cues import (
    _Cues,
    _cues,
    _stop,
    _strip_possessive,
)
from analysis.frequency import zipf_frequency

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
    # The look-ahead on the heads' first letters comes first so that the engine skips every
    # other position at once (a megabyte of spaces or digits took a second, now milliseconds).
    first = re.escape("".join(sorted({h[0].lower() for h in heads})))
    head = re.compile(rf"(?=(?i:[{first}]))(?<![\w\-'\u2019.])(?i:{head_alt})(?=[\s,])")
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
