"""Voice: whose words these are — the outlet's own (the *narrator*) or a speaker it quotes.

A news article speaks in two kinds of voice. The narrator is the outlet itself; quoted voices are
the people and bodies it lets speak. "Dishonest" in the outlet's own sentence is the outlet's
choice of word; "dishonest" inside a spokesman's quotation is the spokesman's, and the outlet's
choice was to quote him. Every measure that asks "how loaded is this article's wording" should say
which voice it counts. This package is **the one place** that decides it, in three jobs:

- finding quotations (``voice/quotes.py``): :func:`quotations` finds every quoted stretch of a
  text with its offsets, its kind and, when the attribution is clear, its speaker;
  :func:`quoted_stretches` the stretches inside quotation marks alone;
- speakers and attribution (``voice/speakers.py``, with the speech verbs, speaker roles and
  patterns read from the lexicons in ``voice/vocabulary.py``): who says a quotation, and reported
  speech without marks;
- looking voices up (``voice/lookup.py``): :func:`voice_at` (and :class:`VoiceIndex`,
  :func:`add_voice`, :func:`voice_word_counts`) says, for character offsets (a cue, a naming
  term, an actor mention), whether they fall in the narrator's voice or inside a quotation, and
  whose.

Kinds of quotation (``Quote.kind``):

- ``direct``: inside double quotation marks, straight ``"…"`` or curly ``“…”`` (also ``«…»``,
  and curly single quotes ``‘…’`` outside double ones); the span is the quoted words without
  the marks. An opening mark never closed runs to the end of its paragraph (the news convention
  for a quotation that continues in the next paragraph); a closing mark never opened is ignored;
  an opening mark followed by another opening mark before any close is ignored. Nothing crosses
  a paragraph.
- ``block``: a line that starts with ``>`` (a block quotation in plain text or Markdown).
- ``phrase``: a quoted word or short phrase (at most three words) with no speaker of its own: a
  term, a title, a scare quote. Still quoted, but nobody is named as saying it.
- ``reported``: reported speech with a clear attribution and no quotation marks: "X said that
  …", "according to X, …", "…, according to X.", "…, officials said." The span is the reported
  clause. A reported span may enclose direct quotations; :func:`voice_at` prefers the innermost.
  The attribution is looked for sentence by sentence, in the project's one definition of a
  sentence (``analysis.text.sentence_spans``), so "Sen.", "Jan. 30" or "U.S." inside the clause
  neither cut it nor cut the speaker's name ("according to Iowa Sen. Chuck Grassley"); a speaker
  named before a quotation is read from the start of the same sentence ("Sen. Elizabeth Warren
  tweeted, "…"").

Speakers: ``"…," said X`` / ``"…," X said`` / ``X said: "…"`` / ``X told reporters, "…"`` /
``according to X`` / ``X called it "…"``, with the attribution verbs of
``lexicons/attribution_verbs.csv`` and the speech verbs and speaker roles of
``lexicons/voice_words.csv``. A speaker is a name ("Dmitry Peskov", "the Kremlin"), a role
("a White House spokesman", "officials") or a pronoun; "he", "she" and "they" are resolved to the
last named speaker before them (a guess, and said so: ``speaker_mention`` keeps the pronoun).
An initialism is one word of a speaker's name ("U.S. officials", "U.S. Attorney Andrew Lelling"), and
a speaker never begins inside one ("S. officials"); a word opening the clause ("While", "As",
"But") is not part of the name.
An unattributed quotation takes the speaker of the quotation it continues (the previous paragraph
ended inside one) or of the one attributed quotation in its paragraph.

What this cannot see: quotations without marks or a clear verb ("The plan, in his view, is
doomed"), single straight quotes (they double as apostrophes), free indirect speech, a speaker
named in another paragraph, irony (scare quotes are taken as quotations, ``kind="phrase"``), and
whether a quotation is accurate or fairly chosen. The choice of *which* voices to quote is the
outlet's — a measure of the narrator's voice alone does not see it.

>>> text = 'The deal is "a disgrace," said Senator Jane Roe. Critics said that it was rushed.'
>>> [(text[q.start:q.end], q.kind, q.speaker) for q in quotations(text)]
[('a disgrace,', 'direct', 'Senator Jane Roe'), ('it was rushed', 'reported', 'Critics')]
>>> voice_at(quotations(text), [4, 13])
[('narrator', None), ('quoted', 'Senator Jane Roe')]
"""

from analysis.voice.lookup import (
    NARRATOR,
    QUOTED,
    VOICE_RULE,
    VoiceIndex,
    add_voice,
    voice_at,
    voice_word_counts,
)
from analysis.voice.quotes import QUOTE_COLUMNS, Quote, quotations, quoted_stretches, quotes_frame

__all__ = [
    "NARRATOR",
    "VOICE_RULE",
    "QUOTED",
    "QUOTE_COLUMNS",
    "Quote",
    "VoiceIndex",
    "add_voice",
    "quotations",
    "quoted_stretches",
    "quotes_frame",
    "voice_at",
    "voice_word_counts",
]
