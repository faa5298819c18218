"""The records of an annotation: what :func:`analysis.annotate.annotate` measures in one article.

Plain, immutable records that every view reads (``analysis.compare`` through the annotations'
tables, ``analysis.scale`` reduced to numbers): an :class:`Annotation` holds the article's
:class:`SentenceAnnotation` (TextBlob's assessments and VADER's compound of each sentence), its
quotations (``analysis.voice.Quote``), its wording cues (:class:`AnnotatedCue`), its actor
mentions (:class:`Mention`) and its attributions (:class:`Source`). They are made in
``analysis.annotate`` and nowhere else; what each cannot see is said there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from analysis.instruments import _textblob_fast
from analysis.voice import Quote
from analysis.wording.reasons import word_reason

__all__ = [
    "ActorPairs",
    "AnnotatedCue",
    "Annotation",
    "Assessment",
    "Mention",
    "SentenceAnnotation",
    "Source",
]

#: (term, polarity, subjectivity): one word or phrase TextBlob scored ("not good").
Assessment = tuple[str, float, float]
#: (actor, term) pairs of a user actor table, hashable and cheap to send to a process.
ActorPairs = tuple[tuple[str, str], ...]


def _mean(values: Sequence[float]) -> float:
    """TextBlob's mean: 0.0 for no values (a text with no scored word is "neutral")."""
    return _textblob_fast.mean(values)


@dataclass(frozen=True, slots=True)
class SentenceAnnotation:
    """One sentence: ``text == body[start:end]`` (offsets into the body), TextBlob's
    ``assessments`` of it on its own and VADER's ``vader`` compound."""

    sent_id: int
    start: int
    end: int
    text: str
    assessments: tuple[Assessment, ...]
    vader: float

    @property
    def polarity(self) -> float:
        """TextBlob polarity of the sentence: the mean of its assessments (0.0 with none)."""
        return _mean([p for _, p, _ in self.assessments])

    @property
    def subjectivity(self) -> float:
        """TextBlob subjectivity of the sentence (0.0 with no assessment)."""
        return _mean([s for _, _, s in self.assessments])


_CUE_FIELDS = ("sent_id", "start", "end", "term", "category", "stance", "score", "why", "evidence", "voice", "speaker")


class _CueFields:
    """The fields of an :class:`AnnotatedCue`, assignable: the scan makes one for each cue
    (``analysis.wording.scan.scan_records``, called as ``Cue`` is), the cue wrapping adds its
    sentence, voice and speaker with plain slot assignments and then gives it its class (the same
    slots, nothing added), which costs a third of assigning each field through
    ``object.__setattr__`` (and no :class:`~analysis.wording.scan.Cue` is made on the way).
    ``_reason``: what a word cue's reason is made from, until it is first read
    (``analysis.wording.reasons.word_reason``), else None."""

    __slots__ = ("sent_id", "start", "end", "term", "category", "stance", "score", "voice", "speaker", "_why",
                 "_evidence", "_reason")

    sent_id: int
    voice: str
    speaker: str | None

    def __init__(self, start: int, end: int, term: str, category: str, stance: str | None, score: float,
                 why: str, evidence: str, reason: tuple | None) -> None:
        self.start = start
        self.end = end
        self.term = term
        self.category = category
        self.stance = stance
        self.score = score
        self._why = why
        self._evidence = evidence
        self._reason = reason

    def _resolve(self) -> None:
        reason = self._reason
        if reason is not None:  # (assigned through object: an AnnotatedCue refuses plain assignment)
            why, evidence = word_reason(*reason)
            object.__setattr__(self, "_why", why)
            object.__setattr__(self, "_evidence", evidence)
            object.__setattr__(self, "_reason", None)

    @property
    def why(self) -> str:
        """The cue's one-line reason (``analysis.wording.scan.Cue.why``)."""
        self._resolve()
        return self._why

    @property
    def evidence(self) -> str:
        """The kinds of evidence behind its score (``analysis.wording.scan.Cue.evidence``)."""
        self._resolve()
        return self._evidence


class AnnotatedCue(_CueFields):
    """One wording cue (``analysis.wording.loaded_language``'s columns) with the sentence that
    holds its start (``sent_id``, -1 outside every sentence) and its voice and speaker.

    Immutable. Its reason (``why``) and ``evidence`` are made when first read (corpus-scale
    figures never read them), exactly as the scan's :class:`~analysis.wording.scan.Cue` makes them."""

    __slots__ = ()
    __match_args__ = ("sent_id", "start", "end", "term", "category", "stance", "score", "why", "evidence", "voice",
                      "speaker")

    sent_id: int
    start: int
    end: int
    term: str
    category: str
    stance: str | None
    score: float
    voice: str
    speaker: str | None
    _why: str
    _evidence: str
    _reason: tuple | None

    def __init__(self, sent_id: int, start: int, end: int, term: str, category: str, stance: str | None,
                 score: float, why: str, evidence: str, voice: str, speaker: str | None) -> None:
        put = object.__setattr__  # the class refuses assignment: set each field once, here
        put(self, "sent_id", sent_id)
        put(self, "start", start)
        put(self, "end", end)
        put(self, "term", term)
        put(self, "category", category)
        put(self, "stance", stance)
        put(self, "score", score)
        put(self, "voice", voice)
        put(self, "speaker", speaker)
        put(self, "_why", why)
        put(self, "_evidence", evidence)
        put(self, "_reason", None)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"AnnotatedCue is immutable: cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"AnnotatedCue is immutable: cannot delete field {name!r}")

    def _fields(self) -> tuple:
        return tuple(getattr(self, name) for name in _CUE_FIELDS)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return "AnnotatedCue(" + ", ".join(f"{n}={v!r}" for n, v in zip(_CUE_FIELDS, self._fields(), strict=True)) + ")"

    def __reduce__(self) -> tuple:
        return (AnnotatedCue, self._fields())


@dataclass(frozen=True, slots=True)
class Mention:
    """One actor mention: ``body[start:end] == alias``; ``kind`` when known."""

    sent_id: int
    actor: str
    alias: str
    kind: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Source:
    """One attribution (``analysis.sourcing.find_sources``'s columns, without ``article_id``)."""

    sent_id: int
    source: str
    source_key: str
    verb: str
    stance: str
    named: bool
    kind: str
    start: int
    end: int
    verb_start: int
    verb_end: int
    actor: str | None
    actor_kind: str | None


@dataclass(frozen=True)
class Annotation:
    """Everything measured in one article on its own (see the module docstring).

    ``n_words`` counts the body's words (``analysis.text.WORD_PATTERN``), split into
    ``narrator_words`` and ``quoted_words`` by ``quotes`` (:data:`analysis.voice.VOICE_RULE`).
    ``document`` is TextBlob's assessments of the whole body (what ``TextBlob(body).sentiment``
    averages: it carries "not" and "very" across sentence ends, so it is not the sentences'
    assessments joined); ``with_boilerplate`` the same with the removed boilerplate put back.
    """

    article_id: str
    n_words: int
    narrator_words: int
    quoted_words: int
    sentences: tuple[SentenceAnnotation, ...]
    quotes: tuple[Quote, ...]
    cues: tuple[AnnotatedCue, ...]
    document: tuple[Assessment, ...]
    with_boilerplate: tuple[Assessment, ...]
    mentions: tuple[Mention, ...]
    sources: tuple[Source, ...]

    @property
    def polarity(self) -> float:
        """TextBlob polarity of the body (exactly ``TextBlob(body).sentiment.polarity``)."""
        return _mean([p for _, p, _ in self.document])

    @property
    def subjectivity(self) -> float:
        """TextBlob subjectivity of the body."""
        return _mean([s for _, _, s in self.document])
