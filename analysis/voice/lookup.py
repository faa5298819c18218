"""Looking voices up: whether a character offset is the narrator's or a quoted speaker's.

:class:`VoiceIndex` holds the quotations of one text (``analysis.voice.quotations``) for many
look-ups; :func:`voice_at`, :func:`add_voice` and :func:`voice_word_counts` are what the
measures call (wording cues, naming terms, actor mentions, per-voice word counts).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from analysis.text import WORD_PATTERN
from analysis.voice.quotes import Quote, quotations

#: The two voices. Every consumer counts ``NARRATOR`` by default and shows ``QUOTED`` beside it.
NARRATOR = "narrator"
QUOTED = "quoted"

#: The one rule every page states and every rate follows (wording summary, report, notebooks).
VOICE_RULE = (
    "Whose words: a word inside quotation marks, or in reported speech with a clear attribution "
    "(\u201cX said that \u2026\u201d, \u201caccording to X\u201d), is in a quoted voice and is counted for its "
    "speaker, beside the outlet\u2019s own words (the narrator), never mixed in: per-article rates and "
    "comparisons count the narrator by default, per 1,000 of the narrator\u2019s words, and show quoted voices "
    "beside them. A word\u2019s score is the chance an expert would mark it; experts mark quoted words less "
    "often, so a quoted word scores somewhat lower, and is still shown, with its speaker."
)


class VoiceIndex:
    """The quotations of one text, ready for many look-ups (sorted starts, binary search)."""

    def __init__(self, quotes: Sequence[Quote]):
        inner = sorted((q for q in quotes if q.kind != "reported"), key=lambda q: q.start)
        outer = sorted((q for q in quotes if q.kind == "reported"), key=lambda q: q.start)
        self._layers = [(inner, [q.start for q in inner]), (outer, [q.start for q in outer])]
        self.any = bool(inner or outer)

    def quote_at(self, pos: int) -> Quote | None:
        """The innermost quotation containing offset ``pos``, or None (the narrator's voice)."""
        for quotes, starts in self._layers:
            i = bisect_right(starts, pos) - 1
            if i >= 0 and quotes[i].start <= pos < quotes[i].end:
                return quotes[i]
        return None

    def stretches(self) -> list[tuple[int, int]]:
        """The sorted, disjoint ``[start, end)`` stretches of offsets where :meth:`quote_at` finds a
        quotation: in each layer, a quotation is found from its start up to its end or the next
        later start (the search takes the last quotation starting at or before the offset)."""
        found = []
        for quotes, starts in self._layers:
            for i, q in enumerate(quotes):
                following = starts[i + 1] if i + 1 < len(starts) else None
                if following == q.start:
                    continue  # a later quotation with the same start is the one found
                end = q.end if following is None else min(q.end, following)
                if q.start < end:
                    found.append((q.start, end))
        found.sort()
        merged: list[tuple[int, int]] = []
        for a, b in found:
            if merged and a <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], b))
            else:
                merged.append((a, b))
        return merged

    def voice(self, pos: int) -> tuple[str, str | None]:
        """``(voice, speaker)`` at ``pos``: ``("narrator", None)`` or ``("quoted", speaker or None)``."""
        q = self.quote_at(pos)
        return (NARRATOR, None) if q is None else (QUOTED, q.speaker)

    def voices(self, positions: Sequence[int]) -> list[tuple[str, str | None]]:
        """:meth:`voice` at each of ``positions``: for ascending positions one walk along each layer
        of quotations (the last quotation starting at or before each position, as the binary
        search of :meth:`quote_at` finds it); a position before the one already passed is searched."""
        narrator = (NARRATOR, None)
        if not self.any:
            return [narrator] * len(positions)
        (inner, inner_starts), (outer, outer_starts) = self._layers
        n_inner, n_outer = len(inner_starts), len(outer_starts)
        i = j = -1  # the last quotation of each layer starting at or before the position
        last = -1
        out: list[tuple[str, str | None]] = []
        for pos in positions:
            if pos < last:
                i = bisect_right(inner_starts, pos) - 1
                j = bisect_right(outer_starts, pos) - 1
            last = pos
            while i + 1 < n_inner and inner_starts[i + 1] <= pos:
                i += 1
            if i >= 0 and pos < inner[i].end:  # (its start is at or before ``pos``)
                out.append((QUOTED, inner[i].speaker))
                continue
            while j + 1 < n_outer and outer_starts[j + 1] <= pos:
                j += 1
            if j >= 0 and pos < outer[j].end:
                out.append((QUOTED, outer[j].speaker))
            else:
                out.append(narrator)
        return out


def voice_at(quotes: Sequence[Quote] | str, positions: Iterable[int]) -> list[tuple[str, str | None]]:
    """``(voice, speaker)`` for each character offset in ``positions``.

    ``quotes`` is the result of :func:`quotations` (or the text itself, to find them here).
    ``voice`` is ``"narrator"`` (the outlet's own words) or ``"quoted"`` (inside a quotation or
    clearly attributed reported speech); ``speaker`` is who says it, when found. For a term that
    spans several characters pass its start offset. This is the function every measure uses to
    tell the outlet's voice from the voices it quotes (wording cues, naming terms, actor mentions).
    """
    index = VoiceIndex(quotations(quotes) if isinstance(quotes, str) else quotes)
    return [index.voice(int(p)) for p in positions]


def add_voice(cues: pd.DataFrame, text: str, *, quotes: Sequence[Quote] | None = None) -> pd.DataFrame:
    """``cues`` (a table with ``start`` offsets into ``text``) with two more columns: ``voice``
    ("narrator" or "quoted") and ``speaker`` (who says it, or None). A new table; ``cues`` is
    not changed."""
    index = VoiceIndex(quotations(text) if quotes is None else quotes)
    voice = np.full(len(cues), NARRATOR, dtype=object)
    speaker = np.full(len(cues), None, dtype=object)
    if len(cues) and index.any:
        for i, pos in enumerate(cues["start"].tolist()):
            q = index.quote_at(pos)
            if q is not None:
                voice[i] = QUOTED
                speaker[i] = q.speaker
    return cues.assign(voice=pd.array(voice, dtype="str"), speaker=speaker)


def voice_word_counts(text: str, *, quotes: Sequence[Quote] | None = None,
                      n_words: int | None = None) -> dict[str, int]:
    """Words of ``text`` (``analysis.text.WORD_PATTERN``) in each voice: ``{"narrator": n, "quoted": m}``,
    the denominators of per-voice rates. ``n_words``: the number of ``WORD_PATTERN`` matches in
    ``text`` when already counted (the wording scan counts them on its way,
    ``analysis.wording.scan.scan``); then only the quoted stretches are read."""
    index = VoiceIndex(quotations(text) if quotes is None else quotes)
    # A word is quoted where ``index.quote_at`` finds a quotation at its start: counted per stretch
    # of text where it does (:meth:`VoiceIndex.stretches`).
    if n_words is not None:
        quoted = _words_starting_in(text, index.stretches())
        return {NARRATOR: n_words - quoted, QUOTED: quoted}
    starts = [m.start() for m in WORD_PATTERN.finditer(text)]
    quoted = sum(bisect_left(starts, b) - bisect_left(starts, a) for a, b in index.stretches())
    return {NARRATOR: len(starts) - quoted, QUOTED: quoted}


def _words_starting_in(text: str, stretches: Sequence[tuple[int, int]]) -> int:
    """How many ``WORD_PATTERN`` matches of ``text`` (as ``finditer`` finds them from its start)
    start inside the sorted, disjoint ``stretches``, reading little more than the stretches.

    No match holds a space or a line break, and whether a match starts at a position depends on
    the text from there on (the pattern looks at nothing before it): after a space or a line
    break, ``finditer`` from there finds the very matches a pass from the start finds there. So
    before each stretch the pass starts again after the last space or line break before it (when
    that lies past the pass's last match); the pass only moves forward (linear)."""
    count = 0
    found = WORD_PATTERN.finditer(text)
    nxt = next(found, None)  # the first match not yet passed
    for a, b in stretches:
        if nxt is None:
            break
        if nxt.start() < a:
            gap = max(text.rfind(" ", nxt.end(), a), text.rfind("\n", nxt.end(), a))
            if gap >= 0:
                found = WORD_PATTERN.finditer(text, gap + 1)
                nxt = next(found, None)
            while nxt is not None and nxt.start() < a:
                nxt = next(found, None)
        while nxt is not None and nxt.start() < b:
            count += 1
            nxt = next(found, None)
    return count
