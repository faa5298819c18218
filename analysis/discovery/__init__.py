"""Actor discovery: the people, organisations, places and groups an event's articles speak of,
found in the texts themselves (no list written for the event).

Rules over the project's tokenizer (``analysis.text``), read from data files under
``analysis/lexicons/`` (general English, nothing about one event):

- **Name chains**: runs of capitalised words with initials and inner connectors ("Donald J.
  Trump", "Department of Justice"), split at possessives ("Russia's Kursk") and titles ("UK Prime
  Minister Boris Johnson" -> "UK", "Boris Johnson"); titles and honorifics
  (``name_cues.csv``: "Gov.", "Mayor", "Mr.") mark a person. A capitalised word that opens a
  sentence, or alone opens a quotation inside one ("chanted, “Shame! Shame!”"), is dropped when
  it is common English (wordfreq) or written in lower case elsewhere in the articles; words that
  are not names ("God", "Yes", "TV", "Delete") never count.
- **Kind** (person, organisation, place, group): a gazetteer of countries, demonyms, US states,
  major cities and regions (``places.csv``: "Russian" is a mention of Russia); organisation and
  place heads ("Council", "Ministry", "Inc.", "Street", "County"); titles and honorifics; an
  acronym is an organisation; a chain of two to four capitalised words that starts with a common
  given name (``given_names.csv``), or that has another sign of a person (a title, a role before
  it, "who", "he" or "she" after it, its rare last word used alone: see alias merging), is a
  person; other chains are organisations. Chains naming events, laws or things ("World Cup",
  "Affordable Care Act") are left out.
- **Alias merging** within and across articles: titles and possessives stripped; "Donald Trump"
  and "Donald J. Trump" are one person; a lone surname ("Obama", "Mr. Obama", "President
  Obama") joins the one full name ending with it (the most mentioned if several do); an acronym
  joins the organisation whose initials it is ("NRA"); a shorter organisation name joins the
  single longer one ending with it ("the Defense Ministry" -> "Russian Defense Ministry"),
  unless the longer one only puts a party's or group's adjective before a name the
  articles use alone at least twice as often: "the Democratic Senate leader" once beside "the
  Senate" throughout is a mention of the Senate (``group_nouns.csv``, named groups);
  "the Trump administration" is an organisation of its own. A name with no other sign of its
  kind is a person's when the articles also call it by its last word alone, a rare word and no
  plural ("Selina Soule" ... "Soule said", whatever the given name), else an organisation's.
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

from analysis.discovery.cues import ACTOR_COLUMNS, KINDS, MENTION_COLUMNS

# ``_cues`` is read by sourcing and alignment (the same titles and group nouns).
from analysis.discovery.cues import _cues as _cues
from analysis.discovery.mentions import Discovery, discover, discover_actors

__all__ = [
    "KINDS",
    "MENTION_COLUMNS",
    "ACTOR_COLUMNS",
    "Discovery",
    "discover",
    "discover_actors",
]
