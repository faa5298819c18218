"""The plain-words reasons of word cues: why a word scores as it does without context (its
strongest features), and what its sentence added (other loaded words, an opinion-like sentence,
words that often stand in sentences experts judged biased, a quotation).

The scan (``analysis.wording.scan``) keeps what a cue's reason is made from and calls
:func:`word_reason` when the reason is first read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from analysis.wording.features import DECLARED, negative_lexicons
from analysis.wording.lexicons import CueInfo
from analysis.wording.model import Model, calibrated, sigmoid
from analysis.wording.occurrences import EXCLAMATION, PERSONAL, QUESTION

if TYPE_CHECKING:  # the scorer's records; the scorer imports this module
    from analysis.wording.scorer import WordScore

__all__ = ["HINT_WHY", "LEAN_PLAIN_WHY", "lean_words", "sentence_reasons", "word_reason", "word_why"]

HINT_WHY = "rarity, shape or context alone cannot make it a flag"
#: The sentence-lean reason when none of the sentence's leaning words is evaluative on its own.
LEAN_PLAIN_WHY = ("the sentence reads like those experts judged biased (its plain words, not loaded on their own, "
                  "often stand in them)")

_MARK_WORDS = ((QUESTION, "a question"), (EXCLAMATION, "an exclamation"), (PERSONAL, "first or second person"))



def word_why(x: np.ndarray, info: CueInfo | None, kn: tuple[int, int, int] | None, model: Model,
         family: tuple[int, int, str] | None = None, norm: str = "") -> str:
    """One line a reader can understand: the lexicon's rationale, then the strongest evidence."""
    parts = []
    if info is not None:
        parts.append(info.rationale)
    contrib = x * model.weights[: len(x)]
    order = np.argsort(-contrib)
    for i in order[:4]:
        feature = DECLARED[i]
        if contrib[i] <= 0.05 or not feature.explain or len(parts) >= 3:
            continue
        if feature.why is None or ("{k}" in feature.why and kn is None) or ("{fk}" in feature.why and family is None):
            parts.append(feature.words)
        else:
            k, n = kn[:2] if kn is not None else (0, 0)
            fk, fn, member = family if family is not None else (0, 0, "")
            negative_by = negative_lexicons(norm) if "{negative_by}" in feature.why else ""
            parts.append(feature.why.format(value=x[i], k=k, n=n, fk=fk, fn=fn, member=member,
                                            negative_by=negative_by))
    if not parts:
        parts.append("a weak cue: " + (DECLARED[order[0]].words if contrib[order[0]] > 0 else "little evidence"))
    return "; ".join(parts)



def sentence_reasons(cal: tuple[float, ...], z_word: float, shift: tuple[float, float], quoted: bool,
                     marks: int, top: list[float], score: float, threshold: float, lean: float = 0.0,
                     lean_words: tuple[str, ...] | None = None) -> tuple[list[str], bool]:
    """Plain-words reasons from a word's sentence, and whether any of them lifted it to a flag:
    other loaded words, an opinion-like sentence (question, exclamation, first or second
    person), words that often stand in sentences experts judged biased (``lean``) that tipped it
    over the flag threshold, a quotation that lowers it. ``lean_words``: the sentence's strongest
    such words with evaluative evidence of their own, named in the reason (``()``: none has any,
    and the reason says so; None: the lean reason is not given)."""
    reasons = []
    lifted = False
    sig = sigmoid
    if (score >= threshold and top[1] > 0
            and sig(calibrated(cal, z_word + shift[0], quoted, marks, 0.0, lean)) < threshold):
        reasons.append("the sentence has other loaded words too")
        lifted = True
    if (lean_words is not None and score >= threshold and cal[7] * lean > 0
            and sig(calibrated(cal, z_word + shift[1], quoted, marks, top[2], 0.0)) < threshold):
        if lean_words:
            named = " and ".join(f"'{w}'" for w in lean_words)
            reasons.append(f"the sentence reads like those experts judged biased (words such as {named} often "
                           "stand in them)")
        else:
            reasons.append(LEAN_PLAIN_WHY)
        lifted = True
    if marks and score >= threshold and sig(calibrated(cal, z_word + shift[1], quoted, 0, top[2], lean)) < threshold:
        kinds = " and ".join(w for bit, w in _MARK_WORDS if marks & bit and cal[2 + bit.bit_length()] > 0)
        if kinds:
            reasons.append(f"the sentence reads as opinion ({kinds})")
            lifted = True
    if quoted and cal[2] < -0.1:
        reasons.append("it stands inside a quotation, so it counts less (the speaker's word, not the writer's)")
    return reasons, lifted


def word_reason(token: str, hit: WordScore, intensified: bool, w_int: float, cal: tuple[float, ...], z_word: float,
                 shift: tuple[float, float], quoted: bool, marks: int, top: list[float], score: float,
                 threshold: float, seg_lean: float, leaners: Sequence[tuple[float, str, bool]], hint: bool) -> tuple[str, str]:
    """A word cue's reason (``why``) and ``evidence``, from what the scan knew of it and its sentence.
    ``leaners``: ``(lean, token, evaluative)`` of the sentence's words leaning biased, each token as
    written (lower-cased here, for :func:`lean_words`)."""
    context = []
    if intensified and w_int > 0.1:
        context.append("an intensifier stands just before it")
    named = (lean_words([(lean, word.lower(), evaluative) for lean, word, evaluative in leaners])
             if score >= threshold and leaners else None)
    reasons, lifted = sentence_reasons(cal, z_word, shift, quoted, marks, top, score, threshold, seg_lean, named)
    evidence = hit.evidence
    if context or lifted:
        evidence = "context" if evidence == "none" else f"{evidence}+context"
    context += reasons
    if hint:
        context.append(HINT_WHY)
    why = "; ".join([hit.why, *context]) if context else hit.why
    return f"'{token}': {why}", evidence


def lean_words(leaners: Sequence[tuple[float, str, bool]], n: int = 2) -> tuple[str, ...]:
    """The ``n`` words of ``(lean, lowercased token, evaluative)`` triples that tilt a sentence most
    towards "judged biased", among those with evaluative evidence of their own
    (:attr:`WordScore.evaluative`); ``()`` when none has any (the reason then says so instead of
    naming topic words such as "produced" or "citizenship")."""
    out: list[str] = []
    for _, token, evaluative in sorted(leaners, reverse=True):
        if evaluative and token not in out:
            out.append(token)
            if len(out) == n:
                break
    return tuple(out)
