"""Where sourcing's patterns can match, found without running them everywhere (the speed paths
of ``analysis.sourcing``; results are those of the plain patterns, ``tests/test_sourcing_speed.py``).

- :class:`_SourceVerb`: the ``source_verb`` pattern tried only where a match can start;
- :func:`sentence_words`: each sentence's attribution words read off one scan of its whole article
  (``analysis.text.word_hits``), so a sentence is searched only for the patterns whose words it holds
  (:func:`_first_runs`: the words each pattern needs).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence

__all__ = ["sentence_words"]

_HEAD_RUN = re.compile(r"[\w\-]+")
_CHUNK = re.compile(r"\S+")
_SOURCE_RUN = re.compile(r"[\w'’.\-]*")
#: Whitespace, then up to three whitespace-separated chunks (read backwards: the chunks before).
_PREVIOUS_CHUNKS = re.compile(r"\s+(\S+)(?:\s+(\S+)(?:\s+(\S+))?)?")
_NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")


class _SourceVerb:
    """The ``source_verb`` pattern, found as its ``finditer`` finds it, but tried only where a
    match can start.

    Its source is one of three alternatives: an unnamed group (up to three words and a role or
    group noun: "senior Ukrainian officials"), a name, a pronoun. Run as one pattern, the first
    alternative is tried, with every way of taking up to three words, at the start of every word
    of every sentence: three quarters of the time of ``find_sources``. Here each alternative is
    its own pattern (the same text, so the same groups): the name and pronoun patterns are
    searched as usual, and the unnamed-group pattern is tried only where it can start: at a role
    or group noun, or at the last run of word characters up to three whitespace-separated chunks
    before one. At each position the first alternative that matches wins, as in the whole
    pattern, so the matches are the same (``tests/test_speed_paths.py`` checks it)."""

    def __init__(self, whole: str, unnamed: str, named: str, pronoun: str, *, heads: frozenset[str],
                 verbs: list[str], after_head: str | None = None) -> None:
        self.pattern = whole
        self._regex: re.Pattern[str] | None = None
        self._unnamed, self._named, self._pronoun = re.compile(unnamed), re.compile(named), re.compile(pronoun)
        # The unnamed-group pattern from its role or group noun on (``after_head``): where it does
        # not match at a head, no unnamed group ends with that head (None: not known, no check).
        self._after_head = re.compile(after_head) if after_head is not None else None
        # The shortcut reads a head as lower-case ASCII words (it looks for the first one); other
        # heads: the whole pattern.
        self._exact = all(re.fullmatch(r"[a-z]+(?: [a-z]+)*", h) for h in heads)
        self._heads = frozenset(h.split(" ")[0] for h in heads)
        # In lower-cased text, the runs of word characters and hyphens that are a head's first word,
        # in one pass (alternatives grouped by first letter).
        groups: dict[str, list[str]] = {}
        for head in sorted(self._heads, key=len, reverse=True):
            groups.setdefault(head[0], []).append(re.escape(head[1:]))
        self._head_runs = re.compile(
            r"(?<![\w\-])(?:" + "|".join(f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in groups.items())
            + r")(?![\w\-])"
        ) if groups else None
        # A verb as ``source_verb`` (after whitespace) or ``verb_source`` (after a comma, a closing
        # quote or whitespace) reads it, searched backwards: the text reversed, each verb reversed.
        # (alternatives grouped by their first character: the same matches, tried faster)
        by_first: dict[str, list[str]] = {}
        for verb in sorted(set(verbs), key=len, reverse=True):  # (stripped: no space at either end)
            backwards = verb[::-1]
            by_first.setdefault(backwards[0], []).append(re.escape(backwards[1:]).replace(r"\ ", r"\s+"))
        reversed_verbs = "|".join(
            f"{re.escape(first)}(?:{'|'.join(rest)})" for first, rest in by_first.items()
        ) or r"(?!x)x"
        self._last_verb = re.compile(rf"(?<![\w\-])(?:{reversed_verbs})[\s,\"”’]")

    def verb_end(self, text: str) -> int | None:
        """Where the last verb of ``text`` that a source can stand next to ends (a verb after
        whitespace, a comma or a closing quote, not followed by a word character or a hyphen);
        None when there is none. Every match of ``source_verb`` ends at such a verb, and so does
        every verb of ``verb_source``: without one neither can match, and ``source_verb`` finds
        the same matches in ``text[:end]`` (``finditer(text, end)``; the character after it is no
        word character, so the verb's look-ahead reads the same there)."""
        m = self._last_verb.search(text[::-1])
        return None if m is None else len(text) - m.start()

    @property
    def regex(self) -> re.Pattern[str]:
        """The whole pattern, compiled when first asked for (the shortcut does not need it)."""
        if self._regex is None:
            self._regex = re.compile(self.pattern)
        return self._regex

    def _unnamed_starts(self, text: str, endpos: int | None = None, lower: str | None = None) -> list[int]:
        """Every position before ``endpos`` where the unnamed-group alternative can start (a
        superset). ``lower``: ``text.lower()`` when every word character of ``text`` is ASCII
        (already found), else None."""
        heads = self._heads
        endpos = len(text) if endpos is None else endpos
        starts: set[int] = set()
        backwards = ""
        if self._head_runs is not None and (lower is not None or not _NON_ASCII_WORD_CHAR.search(text, 0, endpos)):
            # Every word character is ASCII: lower-casing changes no offset and no character's
            # class (``str.lower`` maps every other character to one character of its own class;
            # ``tests/test_sourcing_speed.py`` checks all of Unicode), so the runs are where they
            # were, each lower-cased: only heads' first words, in one pass.
            # (``finditer`` up to ``endpos`` reads the text as if it ended there)
            runs = self._head_runs.finditer(text[:endpos].lower() if lower is None else lower, 0, endpos)
        else:
            runs = (run for run in _HEAD_RUN.finditer(text, 0, endpos)
                    if not run.group().isascii() or run.group().lower() in heads)
        after_head = self._after_head.match if self._after_head is not None else None
        for run in runs:
            # A head's first word is a whole run of word characters and hyphens (the pattern's
            # (?![\w\-]) or whitespace after it, no word character or hyphen before the
            # pattern's start or its whitespace). No run crosses ``endpos`` (see ``verb_end``).
            h = run.start()
            if after_head is not None and after_head(text, h, endpos) is None:
                continue  # the rest of the pattern cannot follow a head here: no group ends with it
            starts.add(h)
            if h == 0 or _CHUNK.match(text, h - 1):  # not after whitespace: no words before it
                continue
            # The three whitespace-separated chunks before it: a word of the unnamed group runs to
            # its chunk's end, so it starts where the chunk's last run of source characters does
            # (read in the reversed text: the chunks after ``h``'s whitespace, each one's first run).
            if not backwards:
                backwards = text[::-1]
            n = len(text)
            before = _PREVIOUS_CHUNKS.match(backwards, n - h)
            if before is None:
                continue
            for k in (1, 2, 3):
                first, last = before.span(k)
                if first < 0:
                    break
                trailing = _SOURCE_RUN.match(backwards, first, last)  # (always matches)
                starts.add(n - (trailing.end() if trailing else first))
        return sorted(starts)

    def finditer(self, text: str, endpos: int | None = None, lower: str | None = None) -> Iterator[re.Match[str]]:
        """The matches of ``self.regex.finditer(text)``; ``endpos``: :meth:`verb_end` of ``text``
        (no match ends after it: the same matches, found sooner); ``lower``: ``text.lower()`` when
        every word character of ``text`` is ASCII, else None (see :meth:`_unnamed_starts`)."""
        endpos = len(text) if endpos is None else endpos
        if not self._exact:
            yield from self.regex.finditer(text, 0, endpos)
            return
        starts = self._unnamed_starts(text, endpos, lower)
        i, n = 0, len(starts)
        pos = 0
        unnamed = named = pronoun = None
        no_named = no_pronoun = False
        while True:
            # the next match of each alternative at or after ``pos`` (kept while still ahead)
            if unnamed is None or unnamed.start() < pos:
                unnamed = None
                while i < n:
                    if starts[i] >= pos and (unnamed := self._unnamed.match(text, starts[i], endpos)) is not None:
                        break
                    i += 1
            if not no_named and (named is None or named.start() < pos):
                named = self._named.search(text, pos, endpos)
                no_named = named is None
            if not no_pronoun and (pronoun is None or pronoun.start() < pos):
                pronoun = self._pronoun.search(text, pos, endpos)
                no_pronoun = pronoun is None
            best = None
            for m in (unnamed, named, pronoun):  # leftmost; at a tie the earlier alternative
                if m is not None and (best is None or m.start() < best.start()):
                    best = m
            if best is None:
                return
            yield best
            pos = best.end()


_FIRST_RUN = re.compile(r"[a-z]+(?![^\W\d_])")
_LETTER = re.compile(r"[^\W\d_]")
_A_TO_Z = frozenset("abcdefghijklmnopqrstuvwxyz")


def _first_runs(terms: Iterable[str]) -> frozenset[str] | None:
    """The run of letters each term starts with, lower case, when each starts with ASCII letters
    and no other letter follows them (else None: no gate). Every pattern reads its term after a
    character that is no letter (whitespace, a comma or a quotation mark, or a look-behind for no
    word character) and before whitespace or a look-ahead for no word character; in the
    lower-cased sentence the term's first run is then a whole run of letters: a sentence whose
    letter runs hold none of these words holds no match (the case-insensitive patterns: where
    every word character is ASCII, see ``_caseless_needs``)."""
    runs = set()
    for term in terms:
        run = _FIRST_RUN.match(term.lower())
        if run is None:
            return None
        runs.add(run.group())
    return frozenset(runs)


def sentence_words(body: str, lower: str, sentences: Iterable[tuple[int, int, int, str]],
                   hits: Sequence[tuple[int, str]]) -> list[frozenset[str] | None]:
    """For each sentence ``(sent_id, start, end, text)`` of ``body``: the words of ``hits``
    (``analysis.text.word_hits(lower, words)``, ``lower`` being ``body.lower()``) that are whole
    runs of letters in the lower-cased sentence, i.e. the letter runs of ``text.lower()`` that are
    among ``words``, read off one scan of the whole body; None where the body's scan cannot tell
    (lower-casing moved an offset, ``text`` is not ``body[start:end]``, or a run of a-z crosses the
    sentence's edge): then the sentence must be read alone."""
    if len(lower) != len(body):
        return [None for _ in sentences]
    n = len(body)
    positions = [p for p, _ in hits]
    n_hits = len(positions)
    letter = _LETTER.match
    az = _A_TO_Z
    empty: frozenset[str] = frozenset()
    out: list[frozenset[str] | None] = []
    i = 0  # the first hit at or after the sentence's start (sentences in text order: a walk)
    last = -1
    for _, s, e, text in sentences:
        if e - s != len(text) or not body.startswith(text, s) or (
            0 < s < e and lower[s - 1] in az and lower[s] in az) or (
            s < e < n and lower[e - 1] in az and lower[e] in az
        ):
            out.append(None)
            continue
        if s < last:
            i = bisect_left(positions, s)
        last = s
        while i < n_hits and positions[i] < s:
            i += 1
        if i == n_hits or positions[i] >= e:
            out.append(empty)
            continue
        found = set()
        j = i
        while j < n_hits and positions[j] < e:
            # a whole run of a-z (none crosses the edges: checked above); a whole run of letters
            # unless a letter outside a-z touches it
            p, w = hits[j]
            j += 1
            end = p + len(w)
            if not (p > s and letter(lower, p - 1)) and not (end < e and letter(lower, end)):
                found.add(w)
        out.append(frozenset(found))
    return out
