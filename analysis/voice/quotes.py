"""Finding quotations: every quoted stretch of a text, its kind and its speaker.

Direct quotations between quotation marks, block quotations, quoted phrases (terms, titles, scare
quotes) and reported speech, with offsets into the text (see the package docstring,
``analysis.voice``, for the rules and what they cannot see). Who says each is found by
``analysis.voice.speakers``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from analysis.text import paragraph_sentence_spans, paragraph_spans
from analysis.voice.speakers import (
    _PRONOUN_FORMS,
    _WINDOW,
    _reported,
    _resolve,
    _speaker_after,
    _speaker_before,
    _text_hits,
)
from analysis.voice.vocabulary import _patterns, _words

QUOTE_COLUMNS = ["start", "end", "kind", "speaker", "speaker_mention", "speaker_start", "speaker_end", "verb"]

#: Words a quoted stretch may hold and still be a ``phrase`` (a term or scare quote).
PHRASE_WORDS = 3


@dataclass(frozen=True)
class Quote:
    """One quoted stretch ``text[start:end]`` (without the quotation marks).

    ``kind``: direct | block | phrase | reported. ``speaker``: who says it, when found (a
    pronoun resolved to the last named speaker before it), else None; ``speaker_mention`` is
    ``text[speaker_start:speaker_end]``, the words that name the speaker (``-1`` offsets when
    none). ``verb``: the attribution verb when one was found ("said", "according to").
    """

    start: int
    end: int
    kind: str
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_start: int = -1
    speaker_end: int = -1
    verb: str | None = None


_OPENERS = "“«"
#: The marks ``_direct_in_paragraph`` can open a quotation with (a closing mark alone does
#: nothing: it closes a quotation only after an opening one).
_OPENING_MARK = re.compile(r"[\"“«‘]")
_CLOSERS = "”»"


def _direct_in_paragraph(text: str, start: int, end: int, out: list[list]) -> bool:
    """Append ``[open_mark, content_start, content_end, closed]`` for the double-quoted stretches
    of ``text[start:end]`` (and single curly ones outside them); return True when the paragraph
    ends inside an unclosed quotation. One pass over the marks."""
    marks = _patterns()["marks"]
    open_at = -1  # content start of the open double quotation
    single_at = -1
    for m in marks.finditer(text, start, end):
        c = m.group()
        i = m.start()
        if c == '"':
            if open_at >= 0:
                out.append([open_at - 1, open_at, i, True])
                open_at = -1
                single_at = -1
            elif i > start and not text[i - 1].isspace() and text[i - 1] not in "([{—–-/" and (
                i + 1 >= end or text[i + 1].isspace() or text[i + 1] in ".,;:!?)]}"
            ):
                continue  # looks like a closing mark with nothing open: stray
            else:
                open_at = i + 1
                single_at = -1
        elif c in _OPENERS:
            open_at = i + 1  # an earlier unclosed opener, if any, is ignored
            single_at = -1
        elif c in _CLOSERS:
            if open_at >= 0:
                out.append([open_at - 1, open_at, i, True])
                open_at = -1
                single_at = -1
        elif open_at < 0:  # single curly quotes, only outside double ones
            if c == "‘":
                if i == start or not text[i - 1].isalnum():
                    single_at = i + 1
            elif single_at >= 0 and (i + 1 >= end or not text[i + 1].isalpha()):
                out.append([single_at - 1, single_at, i, True])
                single_at = -1
    if open_at >= 0:
        stop = end
        while stop > open_at and text[stop - 1].isspace():
            stop -= 1
        out.append([open_at - 1, open_at, stop, False])
        return True
    return False


#: How a quoted stretch that is a clause, not a phrase, ends.
_CLAUSE_END = re.compile(r"[.!?,]\s*$")


def quoted_stretches(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every stretch of ``text`` inside quotation marks or a block quotation
    (the spans of :func:`quotations`' ``direct``, ``phrase`` and ``block`` kinds, found by the
    same rules), in text order, without looking for speakers: the one quotation-mark detector,
    read by the wording scan (a quoted word counts less) as well as by :func:`quotations`.
    Reported speech without marks is not included. Linear in the length of ``text``.

    >>> text = 'He called it "a disgrace." Others did not.'
    >>> [text[a:b] for a, b in quoted_stretches(text)]
    ['a disgrace.']
    """
    if not text:
        return []
    pats = _patterns()
    has_marks = pats["marks"].search(text) is not None
    out: list[tuple[int, int]] = []
    for ps, pe in paragraph_spans(text):
        block = pats["block"].match(text, ps, pe)
        if block:
            a, b = block.end(), pe
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append((a, b))
            continue
        if has_marks:
            spans: list[list] = []
            _direct_in_paragraph(text, ps, pe, spans)
            out.extend((a, b) for _, a, b, _ in spans if text[a:b].strip())
    return out


def quotations(text: str, *, sentences: Sequence[tuple[int, int]] | None = None,
               hits: Sequence[tuple[int, str]] | None = None) -> list[Quote]:
    """Every quoted stretch of ``text`` — direct, block, phrase or reported — in text order.

    Offsets index ``text``: ``text[q.start:q.end]`` is the quoted words (no quotation marks).
    Direct, block and phrase spans never overlap one another; reported spans never overlap one
    another but may enclose direct ones. Linear in the length of ``text`` (attributions are
    looked for in windows of 200 characters). See the module docstring for the rules and what
    they cannot see. ``sentences``: the spans of ``analysis.text.sentence_spans(text)`` when
    already made (an annotation has them), read instead of splitting the text again.
    ``hits``: ``analysis.text.word_hits(text.lower(), words)`` over words that hold every speech
    verb and "according" (``analysis.voice.vocabulary._speech_words``), when made and
    ``len(text.lower()) == len(text)`` (annotation scans each body once for its sources and its
    quotations): read instead of scanning ``text`` again.
    """
    if not text:
        return []
    if sentences is not None:
        sentences = sorted(sentences)
        sentence_starts = [s for s, _ in sentences]
    pats = _patterns()
    has_marks = pats["marks"].search(text) is not None
    text_hits = _text_hits(text, hits)
    raw: list[Quote] = []
    continued_speaker: tuple[str, int, int, str | None] | None = None  # speaker of an unclosed quote
    last_named: str | None = None
    previous = (0, 0)  # the paragraph before
    for ps, pe in paragraph_spans(text):
        block = pats["block"].match(text, ps, pe)
        if block is None and text_hits is not None and (not has_marks or not _OPENING_MARK.search(text, ps, pe)):
            # No quotation (no mark that can open one) and no speech verb: nothing to find here
            # (what the steps below would conclude, sooner)
            i = bisect_left(text_hits[0], ps)
            if i == len(text_hits[0]) or text_hits[0][i] >= pe:
                previous = (ps, pe)
                continued_speaker = None
                continue
        if sentences is not None:
            lo = bisect_left(sentence_starts, ps)
            paragraph_sentences: list[tuple[int, int]] | None = [
                (s, min(e, pe)) for s, e in sentences[lo:bisect_left(sentence_starts, pe, lo)]]
        else:
            paragraph_sentences = None

        def starts_here(ps: int = ps, pe: int = pe, made: list[tuple[int, int]] | None = paragraph_sentences,
                        memo: list[list[int]] = []) -> list[int]:  # noqa: B006 (made once a paragraph)
            if not memo:
                memo.append([s for s, _ in (paragraph_sentence_spans(text, ps, pe) if made is None else made)])
            return memo[0]

        def starts_before(ps: int = previous[0], pe: int = previous[1]) -> list[int]:
            if sentences is not None:
                return sentence_starts[bisect_left(sentence_starts, ps):bisect_left(sentence_starts, pe)]
            return [s for s, _ in paragraph_sentence_spans(text, ps, pe)]

        previous = (ps, pe)
        paragraph_quotes: list[Quote] = []
        if block:
            a = block.end()
            b = pe
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                found = _speaker_before(text, ps, max(0, ps - _WINDOW), starts_before)
                spk = found[0] if found else None
                speaker = _resolve(spk[0], last_named) if spk else None
                paragraph_quotes.append(Quote(a, b, "block", speaker, spk[0] if spk else None,
                                              spk[1] if spk else -1, spk[2] if spk else -1,
                                              found[1] if found else None))
            raw.extend(paragraph_quotes)
            continued_speaker = None
            continue
        spans: list[list] = []
        unclosed = _direct_in_paragraph(text, ps, pe, spans) if has_marks else False
        for mark, a, b, closed in spans:
            content = text[a:b]
            if not content.strip():
                continue
            found = None
            if closed and not content.rstrip().endswith("."):
                found = _speaker_after(text, b + 1, pe)
            if found is None:
                found = _speaker_before(text, mark, ps, starts_here)
            if found is None and _words(text, a, b, PHRASE_WORDS) <= PHRASE_WORDS and not _CLAUSE_END.search(content):
                paragraph_quotes.append(Quote(a, b, "phrase"))
                continue
            if found is not None:
                (mention, ss, se), verb = found
                speaker = _resolve(mention, last_named)
                if speaker and speaker.lower() not in _PRONOUN_FORMS:
                    last_named = speaker
                paragraph_quotes.append(Quote(a, b, "direct", speaker, mention, ss, se, verb))
            else:
                paragraph_quotes.append(Quote(a, b, "direct"))
        # unattributed quotations: the quotation they continue, or the paragraph's one speaker
        speakers = {q.speaker for q in paragraph_quotes if q.kind == "direct" and q.speaker}
        for i, q in enumerate(paragraph_quotes):
            if q.kind != "direct" or q.speaker:
                continue
            if i == 0 and continued_speaker and not text[ps:q.start - 1].strip():
                name, ss, se, said = continued_speaker
                paragraph_quotes[i] = Quote(q.start, q.end, "direct", name, text[ss:se], ss, se, said)
            elif len(speakers) == 1:
                donor = next(p for p in paragraph_quotes if p.speaker)
                paragraph_quotes[i] = Quote(q.start, q.end, "direct", donor.speaker, donor.speaker_mention,
                                            donor.speaker_start, donor.speaker_end, donor.verb)
        last = paragraph_quotes[-1] if paragraph_quotes else None
        continued_speaker = None
        if unclosed and last is not None and last.kind == "direct" and last.speaker:
            continued_speaker = (last.speaker, last.speaker_start, last.speaker_end, last.verb)
        raw.extend(paragraph_quotes)
        direct_spans = [(q.start, q.end) for q in paragraph_quotes]
        for a, b, (mention, ss, se), verb in _reported(text, ps, pe, direct_spans, paragraph_sentences, text_hits):
            speaker = _resolve(mention, last_named)
            if speaker and speaker.lower() not in _PRONOUN_FORMS and mention.lower() not in _PRONOUN_FORMS:
                last_named = speaker
            raw.append(Quote(a, b, "reported", speaker, mention, ss, se, verb))
    raw.sort(key=lambda q: (q.start, -q.end))
    return raw


def quotes_frame(text: str) -> pd.DataFrame:
    """:func:`quotations` as a table with :data:`QUOTE_COLUMNS` (offsets into ``text``)."""
    quotes = quotations(text)
    frame = pd.DataFrame([[getattr(q, c) for c in QUOTE_COLUMNS] for q in quotes], columns=QUOTE_COLUMNS)
    return frame.astype({"start": "int64", "end": "int64", "speaker_start": "int64", "speaker_end": "int64"})
