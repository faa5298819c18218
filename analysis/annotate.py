"""Annotation: each article measured once, as plain records that every view reads.

The flow is input → **annotation** → lenses (tone, wording, emphasis) → comparison →
presentation, with corpus scale beside it. :func:`annotate` turns one article body into an
:class:`Annotation` (the records, ``analysis.records``): its sentences with their spans, its
words in each voice, its quoted spans (``analysis.voice``), its wording cues with voice and
speaker (the one wording scan, ``analysis.wording.scan``), TextBlob's assessments and VADER's
compound for every sentence and TextBlob's for the whole body (``analysis.instruments``), its
actor mentions and its attributions (``analysis.sourcing.find_sources``). :func:`annotate_many`
does the same for an articles table, in batches, on the package's one process pool
(``analysis.pool.map_batches``).

``analysis.compare`` hands the annotations' tables to the lenses, and ``analysis.scale`` reduces
the same annotations to one row of numbers an article, so each measure has one definition.

What an annotation cannot see is what its instruments cannot see: words outside the lexicons,
irony, quotation without marks or a clear attribution, actors named only by pronoun. It holds
per-article facts only; anything that sets articles side by side (alignment, distinctive terms,
clusters, actor discovery across articles) is the comparison's.
"""

from __future__ import annotations

import gc
import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd

from analysis import frequency
from analysis.actors import actor_groups, pairs_pattern
from analysis.instruments import _textblob_fast
from analysis.instruments.sentences import tokens_and_compounds
from analysis.lexicon import on_change
from analysis.pool import map_batches
from analysis.records import (
    ActorPairs,
    AnnotatedCue,
    Annotation,
    Assessment,
    Mention,
    SentenceAnnotation,
    Source,
    _CueFields,
)
from analysis.sourcing import attribution_words, sentence_words, source_rows
from analysis.text import sentence_spans, word_alternation, word_hits
from analysis.voice import NARRATOR, QUOTED, Quote, VoiceIndex, quotations, voice_word_counts
from analysis.voice.vocabulary import _speech_words
from analysis.wording.cues import CUE_COLUMNS, DEFAULT_MIN_SCORE
from analysis.wording.scan import scan_records

# The records are ``analysis.records``' (listed here too: ``from analysis.annotate import
# Annotation`` is where the lenses and notebooks have always found them).
__all__ = [
    "Annotation",
    "AnnotatedCue",
    "Assessment",
    "Mention",
    "SentenceAnnotation",
    "Source",
    "ActorPairs",
    "actor_pairs",
    "annotate",
    "annotate_bodies",
    "annotate_many",
    "collector_paused",
    "cue_table",
    "source_table",
    "voice_words",
    "warm_up",
]


# ---------------------------------------------------------------------------------------------
# The parts of one annotation
# ---------------------------------------------------------------------------------------------


def tone_parts(
    texts: Sequence[str], boilerplate: str = ""
) -> tuple[list[list[Assessment]], list[Assessment], list[Assessment], list[float]]:
    """TextBlob's assessments of each sentence and of the whole text, the same with
    ``boilerplate`` put back, and VADER's compound of each sentence.

    Tokens are made once per sentence; the whole-text figure is one assessment pass over the
    concatenated tokens, which is exactly what ``TextBlob(body).sentiment`` reads."""
    tokens, compounds = tokens_and_compounds(texts)  # each sentence split into words once for both
    per_sentence, document = _textblob_fast.assess_sentences(tokens)
    extra = _textblob_fast.tokens(boilerplate) if boilerplate.strip() else []
    raw = _textblob_fast.assess(list(chain.from_iterable(tokens)) + extra) if extra else document
    return per_sentence, document, raw, compounds


def voice_words(body: str, quotes: Sequence[Quote], n_words: int | None = None) -> dict[str, int]:
    """Words of ``body`` in each voice (``{"narrator": n, "quoted": m}``), the denominators of
    per-voice rates (``analysis.voice.voice_word_counts``). ``n_words``: the number of words of
    ``body`` when already counted (the wording scan counts them, see :func:`_cues`)."""
    return voice_word_counts(body, quotes=quotes, n_words=n_words)


#: The kinds of quotation inside quotation marks or a block quotation (``analysis.voice.quoted_stretches``).
_MARKED_KINDS = frozenset({"direct", "phrase", "block"})


def _cues(body: str, quotes: Sequence[Quote], starts: Sequence[int], ends: Sequence[int],
          sent_ids: Sequence[int], reasons: bool = False, n_words: list[int] | None = None) -> tuple[AnnotatedCue, ...]:
    """The wording scan's cues of ``body`` (``min_score`` as ``loaded_language``), each with its
    sentence (the one holding its start; sentences sorted by start) and voice; with ``reasons``
    each cue's reason is made now (a comparison reads them all: what they are made from is not
    kept), else when first read. ``quotes``: the quotations of ``body`` (``analysis.voice.quotations``).
    ``n_words``, if given, receives the number of words of ``body``, which the scan counts on its way.

    The scan's cues come in text order, so their sentences and voices are found by walking along
    the sentences and quotations once (:meth:`VoiceIndex.voices`), not by a search for each cue."""
    # the quoted stretches the scan reads are these quotations' marked ones (``quoted_stretches``)
    marked = [(q.start, q.end) for q in quotes if q.kind in _MARKED_KINDS]
    cues: list[_CueFields] = scan_records(body, _CueFields, min_score=DEFAULT_MIN_SCORE, quoted_spans=marked,
                                          n_words=n_words)
    voices = VoiceIndex(quotes).voices([cue.start for cue in cues])
    shared: dict[str, str] = {}  # one object for each repeated term, reason and evidence (a long article repeats them)
    i, n, last = -1, len(starts), -1  # the last sentence starting at or before the cue
    for cue, (voice, speaker) in zip(cues, voices, strict=True):
        pos = cue.start
        if pos < last:  # not in text order: search
            i = bisect_right(starts, pos) - 1
        while i + 1 < n and starts[i + 1] <= pos:
            i += 1
        last = pos
        cue.sent_id = int(sent_ids[i]) if i >= 0 and pos < ends[i] else -1
        cue.voice = voice
        cue.speaker = speaker
        if reasons:
            cue._resolve()
            term, why, evidence = cue.term, cue._why, cue._evidence
            cue.term = shared.setdefault(term, term)
            cue._why = shared.setdefault(why, why)
            cue._evidence = shared.setdefault(evidence, evidence)
        cue.__class__ = AnnotatedCue  # (the same slots: see :class:`_CueFields`)
    return tuple(cues)  # type: ignore[arg-type]


def _pair_mentions(sentences: Sequence[tuple[int, int, int, str]], pairs: ActorPairs) -> tuple[Mention, ...]:
    """Mentions of a user actor table's terms, sentence by sentence (as ``analysis.actors``
    matches them)."""
    if not pairs:
        return ()
    pattern, alias_to_actor = pairs_pattern(pairs)
    return tuple(
        Mention(sent_id, alias_to_actor[m.group()], m.group(), None, start + m.start(), start + m.end())
        for sent_id, start, _, text in sentences
        for m in pattern.finditer(text)
    )


def _table_mentions(mentions: pd.DataFrame) -> dict[str, tuple[Mention, ...]]:
    """Mentions already found for an event (``analysis.actors.actor_mentions``), per article."""
    if mentions is None or not len(mentions):
        return {}
    out: dict[str, list[Mention]] = {}
    kinds = mentions["kind"] if "kind" in mentions.columns else [None] * len(mentions)
    shared: dict[Any, Any] = {}  # one object for each repeated actor, alias and kind (a table gives a new one a row)
    for aid, sid, actor, alias, kind, start, end in zip(
        mentions["article_id"].astype(str), mentions["sent_id"], mentions["actor"], mentions["alias"], kinds,
        mentions["start"], mentions["end"], strict=True,
    ):
        actor, alias, kind = str(actor), str(alias), kind
        mention = Mention(int(sid), shared.setdefault(actor, actor), shared.setdefault(alias, alias),
                          shared.setdefault(kind, kind), int(start), int(end))
        out.setdefault(aid, []).append(mention)
    return {aid: tuple(found) for aid, found in out.items()}


_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _attribution_words() -> frozenset[str]:
    """The words one of which every attribution of ``analysis.sourcing`` holds as a whole run of
    letters (``analysis.sourcing.attribution_words``): a sentence holding none of them cannot hold
    an attribution and is not handed to ``find_sources`` (an exact shortcut: the sources found
    do not change)."""
    return attribution_words()


@lru_cache(maxsize=1)
def _scan_words() -> frozenset[str] | None:
    """The words one scan of each body looks for (:func:`_body_scan`): the attribution words
    and the speech verbs of quotations (``analysis.voice``); None when an attribution word is not
    a run of a-z (``analysis.text.word_hits`` reads only those: each sentence is then searched
    alone)."""
    words = _attribution_words()
    if not all(_A_TO_Z_RUN.fullmatch(w) for w in words):
        return None
    return words | _speech_words()


_A_TO_Z_RUN = re.compile(r"[a-z]+")


def _body_scan(body: str) -> tuple[str, list[tuple[int, str]]] | None:
    """``body`` lower-cased and where each of :func:`_scan_words` stands in it
    (``analysis.text.word_hits``): one pass over the body for its sources and its quotations,
    instead of one search of each sentence and another of the body; None when lower-casing
    moves an offset or the words cannot be scanned for."""
    words = _scan_words()
    lower = body.lower()
    if words is None or len(lower) != len(body):
        return None
    return lower, word_hits(lower, words)


@lru_cache(maxsize=1)
def _attribution_word_search() -> re.Pattern[str]:
    """A word of :func:`_attribution_words` standing as a whole run of letters in lower-cased
    text with a space put first, with the character before it (no letter): ``search`` finds one
    exactly when ``_LETTER_RUN.findall`` of the text meets the set (no letter before or after
    it), in one pass instead of a list and a set. The words as a tree of their letters
    (``analysis.text.word_alternation``; with no letter after, a match is a whole word of the
    set), and the pattern starts with a character class, which the engine skips to quickly (faster)."""
    return re.compile(rf"[\W\d_](?:{word_alternation(_attribution_words())})(?![^\W\d_])")


def _has_attribution_word(text: str) -> bool:
    """True when a word of :func:`_attribution_words` is a letter run of the lower-cased ``text``."""
    return _attribution_word_search().search(" " + text.lower()) is not None


# made again when the lexicon folder changes
on_change(_scan_words.cache_clear)
on_change(_attribution_word_search.cache_clear)

_SOURCE_FIELDS = ["sent_id", "source", "source_key", "verb", "stance", "named", "kind", "start", "end",
                  "verb_start", "verb_end", "actor", "actor_kind"]


def _sources(items: Sequence[_Item], mentions: pd.DataFrame | None,
             scans: Sequence[tuple[str, list[tuple[int, str]]] | None] | None = None) -> list[tuple[Source, ...]]:
    """The attributions of several articles, found by one ``analysis.sourcing.source_rows`` call
    over the sentences that hold an attribution word (linked to ``mentions`` when given), each
    article's in ``find_sources``'s order (sentence, then verb). ``scans``: :func:`_body_scan`
    of each body, when made: each sentence's words are read off it
    (``analysis.sourcing.sentence_words``) instead of searching the sentence."""
    sentences = []
    known: list[frozenset[str] | None] = []
    wanted = _attribution_words()
    for k, item in enumerate(items):
        key = str(k)
        scan = scans[k] if scans is not None else None
        if scan is None:
            for sent_id, start, _, text in item.sentences:
                if _has_attribution_word(text):
                    sentences.append((key, sent_id, start, text))
                    known.append(None)
            continue
        lower, hits = scan
        for (sent_id, start, _, text), words in zip(
            item.sentences, sentence_words(item.body, lower, item.sentences, hits), strict=True
        ):
            if (not wanted.isdisjoint(words)) if words is not None else _has_attribution_word(text):
                sentences.append((key, sent_id, start, text))
                known.append(words)
    found: dict[int, list[Source]] = {}
    if sentences:
        linked = None
        if mentions is not None:
            number = {item.article_id: str(k) for k, item in enumerate(items)}
            linked = mentions.assign(article_id=mentions["article_id"].astype(str).map(number))
            linked = linked[linked["article_id"].notna()]
        rows = source_rows(sentences, mentions=linked, words=known)
        # As the table of ``find_sources`` gave them: a text column with any text holds NaN, not
        # None, where there is none (pandas' string columns), so linked actors read the same.
        for column in (_SOURCE_FIELDS.index("actor") + 1, _SOURCE_FIELDS.index("actor_kind") + 1):
            if any(isinstance(row[column], str) for row in rows):
                rows = [row if row[column] is not None else (*row[:column], np.nan, *row[column + 1:])
                        for row in rows]
        for k, *values in sorted(rows, key=lambda row: (int(row[0]), row[1], row[10])):
            values[0] = int(values[0])
            values[5] = bool(values[5])
            found.setdefault(int(k), []).append(Source(*values))
    return [tuple(found.get(k, ())) for k in range(len(items))]


# ---------------------------------------------------------------------------------------------
# Articles
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    """One article to annotate: id, body, sentences ``(sent_id, start, end, text)`` in order,
    the removed boilerplate as text."""

    article_id: str
    body: str
    sentences: tuple[tuple[int, int, int, str], ...]
    boilerplate: str = ""


def _item(article_id: str, body: str, sentences: Iterable[tuple[int, int, int, str]] | None = None,
          boilerplate: str = "") -> _Item:
    if sentences is None:
        sentences = [(i, s, e, body[s:e]) for i, (s, e) in enumerate(sentence_spans(body))]
    return _Item(str(article_id), body, tuple(sentences), boilerplate)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector inside the block (as it was after it).

    Annotating makes many records and remembered word readings and no reference cycles: their
    memory goes back by reference counting as usual, pause or not. With the collector on, each
    collection of the youngest generation walked every record still alive (about a twentieth of
    the CPU of a first pass over real articles); paused over a batch and its reductions
    (``analysis.scale.batch_features``), the records that die inside the block are never walked
    and those that outlive it once, when it ends. Results do not depend on it. Nested blocks
    leave the collector as the outer one found it."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _annotate_items(
    items: Sequence[_Item], *, pairs: ActorPairs = (), mentions: pd.DataFrame | None = None, reasons: bool = False
) -> list[Annotation]:
    """Annotations of several articles: each measure runs over the whole batch before the next
    (its lexicons stay hot), and the sources of the batch are found in one call. ``reasons``:
    make every cue's reason now (see :func:`_cues`)."""
    with collector_paused():
        return _annotate_all(items, pairs=pairs, mentions=mentions, reasons=reasons)


def _annotate_all(
    items: Sequence[_Item], *, pairs: ActorPairs = (), mentions: pd.DataFrame | None = None, reasons: bool = False
) -> list[Annotation]:
    # Stage by stage over the batch: one stage's lexicons, patterns and caches stay in the
    # processor's caches for the whole batch (article by article, with every stage in turn,
    # cost about a tenth more CPU on real articles, and a batch gained nothing over single articles).
    by_article = _table_mentions(mentions) if mentions is not None else {}
    scans = [_body_scan(item.body) for item in items]  # (one scan of each body for its sources and quotations)
    sources = _sources(items, mentions, scans)
    quotes = [tuple(quotations(item.body, sentences=[(s, e) for _, s, e, _ in item.sentences],
                               hits=scan[1] if scan is not None else None))
              for item, scan in zip(items, scans, strict=True)]
    cues = []
    n_words: list[int] = []  # the words of each body, counted by the scan on its way
    for item, found in zip(items, quotes, strict=True):
        ordered = sorted(item.sentences, key=lambda s: s[1])
        cues.append(_cues(item.body, found, [s[1] for s in ordered], [s[2] for s in ordered],
                          [s[0] for s in ordered], reasons, n_words))
    words = [voice_words(item.body, found, n)
             for item, found, n in zip(items, quotes, n_words, strict=True)]
    tones = [tone_parts([text for _, _, _, text in item.sentences], item.boilerplate) for item in items]
    out = []
    for item, found, quoted, counts, article_cues, (per_sentence, document, raw, vader) in zip(
        items, sources, quotes, words, cues, tones, strict=True
    ):
        sentences = tuple(
            SentenceAnnotation(sent_id, start, end, text, tuple(assessed), compound)
            for (sent_id, start, end, text), assessed, compound in zip(item.sentences, per_sentence, vader, strict=True)
        )
        if mentions is not None:
            article_mentions = by_article.get(item.article_id, ())
        else:
            article_mentions = _pair_mentions(item.sentences, pairs)
        out.append(
            Annotation(
                article_id=item.article_id,
                n_words=counts[NARRATOR] + counts[QUOTED],
                narrator_words=counts[NARRATOR],
                quoted_words=counts[QUOTED],
                sentences=sentences,
                quotes=quoted,
                cues=article_cues,
                document=tuple(document),
                with_boilerplate=tuple(raw),
                mentions=article_mentions,
                sources=found,
            )
        )
    return out


def annotate(
    body: str,
    *,
    article_id: str = "article",
    sentences: Iterable[tuple[int, int, int, str]] | None = None,
    boilerplate: str = "",
    actors: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None,
) -> Annotation:
    """The :class:`Annotation` of one article body.

    ``sentences`` are ``(sent_id, start, end, text)`` with ``text == body[start:end]`` (default:
    ``analysis.text.sentence_spans(body)``, numbered from 0). ``boilerplate`` is the removed page
    furniture, for the "with boilerplate" tone figure. Actor mentions come from ``mentions`` (an
    event's ``analysis.actors.actor_mentions`` table; its rows for ``article_id``), to which the
    sources are then linked, or else from the terms of a user actor table ``actors`` (``actor,
    term``); none without either.

    >>> a = annotate('The plan is "a disgrace," said Senator Jane Roe. It was rushed.')
    >>> [(c.term, c.voice, c.speaker) for c in a.cues if c.term == "disgrace"]
    [('disgrace', 'quoted', 'Senator Jane Roe')]
    """
    return _annotate_items([_item(article_id, body, sentences, boilerplate)], pairs=actor_pairs(actors),
                           mentions=mentions)[0]


def annotate_bodies(
    bodies: Sequence[str], *, actors: pd.DataFrame | None = None, pairs: ActorPairs | None = None
) -> list[Annotation]:
    """:func:`annotate` of several bodies at once (ids ``"0"``, ``"1"`` …, sentences split here):
    each measure runs over the whole batch before the next, the sources in one call. ``pairs``
    is ``actor_pairs(actors)`` already made."""
    pairs = actor_pairs(actors) if pairs is None else pairs
    return _annotate_items([_item(str(k), body) for k, body in enumerate(bodies)], pairs=pairs)


def actor_pairs(actors: pd.DataFrame | None) -> ActorPairs:
    """(actor, term) pairs of a user actor table (``analysis.actors``); empty without one."""
    if actors is None:
        return ()
    frame = actor_groups(actors)
    return tuple(zip(frame["actor"], frame["term"], strict=True))


def _boilerplate_text(pieces: Any) -> str:
    """The removed furniture of one article as one text (paragraph-separated)."""
    if not isinstance(pieces, (list, tuple, np.ndarray)):
        return ""
    texts = [str(p.get("text", "")) if isinstance(p, dict) else str(p) for p in pieces]
    return "\n\n".join(t for t in texts if t.strip())


def _items(articles: pd.DataFrame, sentences: pd.DataFrame | None) -> list[_Item]:
    by_article: dict[str, list[tuple[int, int, int, str]]] = {}
    if sentences is not None:
        ordered = sentences.sort_values(["article_id", "sent_id"])
        for aid, sid, start, end, text in zip(
            ordered["article_id"].astype(str), ordered["sent_id"], ordered["start"], ordered["end"],
            ordered["text"], strict=True,
        ):
            by_article.setdefault(aid, []).append((int(sid), int(start), int(end), str(text)))
    pieces = articles["boilerplate"] if "boilerplate" in articles.columns else [None] * len(articles)
    out = []
    for aid, body, extra in zip(articles["article_id"].astype(str), articles["body"], pieces, strict=True):
        body = "" if body is None or (isinstance(body, float) and math.isnan(body)) else str(body)
        found = by_article.get(aid, []) if sentences is not None else None
        out.append(_item(aid, body, found, _boilerplate_text(extra)))
    return out


def _annotate_batch(args: tuple[list[_Item], ActorPairs, pd.DataFrame | None]) -> list[Annotation]:
    items, pairs, mentions = args
    return _annotate_items(items, pairs=pairs, mentions=mentions, reasons=True)  # for a comparison


def annotate_many(
    articles: pd.DataFrame,
    sentences: pd.DataFrame | None = None,
    *,
    actors: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None,
    n_jobs: int | None = 1,
    batch_size: int = 40,
) -> list[Annotation]:
    """:func:`annotate` of every article of an articles table (``article_id, body`` and, when
    there, ``boilerplate``), in order, in batches over ``n_jobs`` processes (``analysis.pool.map_batches``).

    ``sentences`` is the corpus's sentence table (``article_id, sent_id, start, end, text``, as
    ``analysis.load_corpus`` gives it); without it sentences are split here. ``mentions``
    and ``actors``: as :func:`annotate`. Results do not depend on ``n_jobs`` or ``batch_size``.
    """
    items = _items(articles, sentences)
    pairs = actor_pairs(actors)
    batches = (
        (items[first : first + batch_size], pairs, mentions) for first in range(0, len(items), max(1, batch_size))
    )
    return [a for batch in map_batches(_annotate_batch, batches, n_jobs=n_jobs, warm_up=warm_up) for a in batch]


# ---------------------------------------------------------------------------------------------
# Annotations as tables (what the lenses read)
# ---------------------------------------------------------------------------------------------


def cue_table(annotations: Sequence[Annotation], article_ids: Sequence[Any] | None = None) -> pd.DataFrame:
    """Every cue of the annotations as one table with ``analysis.wording.CUE_COLUMNS``
    (``analysis.wording.article_cues``'s table). ``article_ids`` gives the id written in each
    article's rows (default: the annotations' own, as text)."""
    ids = [a.article_id for a in annotations] if article_ids is None else list(article_ids)
    cues = [(aid, c) for aid, a in zip(ids, annotations, strict=True) for c in a.cues]
    n = len(cues)
    if not annotations:
        return pd.DataFrame(columns=CUE_COLUMNS)
    frame = pd.DataFrame(
        {
            "article_id": pd.array([aid for aid, _ in cues], dtype="object"),
            "sent_id": np.fromiter((c.sent_id for _, c in cues), dtype=np.int64, count=n),
            "start": np.fromiter((c.start for _, c in cues), dtype=np.int64, count=n),
            "end": np.fromiter((c.end for _, c in cues), dtype=np.int64, count=n),
            "term": pd.array([c.term for _, c in cues], dtype="str"),
            "category": pd.array([c.category for _, c in cues], dtype="str"),
            "stance": pd.array([c.stance for _, c in cues], dtype="object"),
            "score": np.fromiter((c.score for _, c in cues), dtype=np.float64, count=n),
            "why": pd.array([c.why for _, c in cues], dtype="str"),
            "evidence": pd.array([c.evidence for _, c in cues], dtype="str"),
            "voice": pd.array([c.voice for _, c in cues], dtype="str"),
            "speaker": pd.array([c.speaker for _, c in cues], dtype="object"),
        }
    )
    return frame[CUE_COLUMNS]


def source_table(annotations: Sequence[Annotation]) -> pd.DataFrame:
    """Every attribution of the annotations as ``analysis.sourcing.find_sources``'s table."""
    rows = [(a.article_id, *(getattr(s, f) for f in _SOURCE_FIELDS)) for a in annotations for s in a.sources]
    out = pd.DataFrame(rows, columns=["article_id", *_SOURCE_FIELDS])
    out = out.sort_values(["article_id", "sent_id", "verb_start"], kind="stable") if len(out) else out
    return out.astype({"named": "bool"}).reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Warming up (before the process pool forks, and in each worker: ``analysis.pool.map_batches``)
# ---------------------------------------------------------------------------------------------


def warm_up() -> None:
    """Compile every lexicon and pattern once: by annotating a short text of every kind of word
    (before the process pool forks, and in each worker process)."""
    # wordfreq's list and wordfreq itself: most words are read from the precomputed word table
    # (analysis.wording.precomputed), so a warm-up text may no longer reach them
    frequency.load()
    # words of every kind: a name, an abbreviation, a quotation, a number in a word and an accent
    annotate("Warm-up: the U.S. claimed on Jan. 5 that Russia's \"brutal\" COVID-19 attack was not good, café.")
