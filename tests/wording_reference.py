"""Slow, plain references for the wording scan's fast paths (test oracles, not shipped code).

``occurrences_reference`` and ``scan_reference`` are the first versions of
``analysis.wording.scan.occurrences`` and ``scan``; ``segment_marks_reference`` gives the sentence
marks the fast loop computes on the way; ``word_vector_reference`` and ``word_score_reference``
score one word at a time, as ``analysis.wording.scorer.Scorer.word`` did before it scored a
batch of words at once, from ``base_features_reference``: the word features as
``analysis.wording.features.base_features`` first computed them (each outside list asked on its
own, the Zipf frequency of every word worked out in full). The fast paths are tested equal to these.
"""

from __future__ import annotations

import math

import numpy as np

from analysis.categories import category as registry_category
from analysis.frequency import word_frequency
from analysis.text import WORD_PATTERN, normalize_token
from analysis.voice import quoted_stretches
from analysis.wording.features import (
    _ALPHA,
    _WORD_FEATURES,
    FEATURES,
    HINT_FEATURES,
    INDEX,
    LEXICAL_EVIDENCE,
    N_WORD,
    WordFacts,
    evidence_tags,
    is_candidate,
    learned_features,
    length_feature,
    nearby_feature,
)
from analysis.wording.lexicons import (
    FUNCTION_WORDS,
    PERSONAL_WORDS,
    afinn_words,
    curated,
    curated_word,
    degree_words,
    fold_form,
    lexicon_entry,
    neutral_words,
    nrc_words,
    phrase_pattern,
    say_words,
    vader_words,
)
from analysis.wording.model import Model, family_feature, lean_feature, learned_feature
from analysis.wording.occurrences import (
    _OPENER,
    _SENTENCE_END,
    Occurrence,
    _end_marks,
    _norms,
    common_only_categories,
    inside_spans,
    noun_uses,
)
from analysis.wording.scan import (
    HINT_MARGIN,
    HINT_RULE,
    HINT_WHY,
    LEAN_CAP,
    STRONG_RATE,
    Cue,
    Scorer,
    WordScore,
    calibrated,
    default_scorer,
    sentence_reasons,
    sigmoid,
)


def segment_marks_reference(text: str) -> list[int]:
    """Per sentence (numbered as in :func:`occurrences_reference`): 1 if it ends with a question
    mark, 2 with an exclamation mark, 4 if it has a first- or second-person word ("we", "our",
    "you"; "US" in capitals is the country). The reference for the marks of ``analysis.wording.occurrences.occurrence_rows``."""
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    ends.append(len(text) + 1)
    marks = [0]
    k = 0
    seg = 0
    prev_end = 0
    for m in WORD_PATTERN.finditer(text):
        start, end = m.span()
        if ends[k] < start:
            while ends[k] < prev_end:
                k += 1
            if ends[k] < start:
                marks[seg] |= _end_marks(text, prev_end, start)
                seg += 1
                marks.append(0)
            while ends[k] < start:
                k += 1
        if normalize_token(m.group()) in PERSONAL_WORDS and m.group() != "US":
            marks[seg] |= 4
        prev_end = end
    marks[seg] |= _end_marks(text, prev_end, len(text))
    return marks

def occurrences_reference(text: str) -> list[Occurrence]:
    """The first version of :func:`occurrences` (same output, same docstring), kept as the
    reference the fast path is tested against."""
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    ends.append(len(text) + 1)
    degree = degree_words()
    say = say_words()
    nouns = noun_uses(text)
    k = 0
    rows = []
    seg = 0
    prev_end = 0
    prev_norm = ""
    prev_seg = -1
    names: set[str] = set()
    seg_words = [0]
    seg_reported = [False]
    for m in WORD_PATTERN.finditer(text):
        start, end = m.span()
        if ends[k] < start:
            while ends[k] < prev_end:  # full stops inside a token ("U.S.") do not count
                k += 1
            if ends[k] < start:
                seg += 1
                seg_words.append(0)
                seg_reported.append(False)
            while ends[k] < start:
                k += 1
        token = m.group()
        same = seg == prev_seg
        gap_len = start - prev_end
        seg_words[seg] += 1
        norm, plain = _norms(token)
        if norm is None:
            if plain in say or (plain == "to" and prev_norm == "according"):
                seg_reported[seg] = True
            prev_end, prev_seg, prev_norm = end, seg, plain
            continue
        if plain in say:
            seg_reported[seg] = True
        initial = not same or (
            (gap_len != 1 or text[prev_end] != " ") and _OPENER.search(text, prev_end, start) is not None
        )
        intensified = same and gap_len <= 2 and prev_norm in degree
        prev_end, prev_seg, prev_norm = end, seg, plain
        name = token[:1].isupper() and not initial
        if name:
            names.add(norm)
        rows.append((start, end, token, norm, name, seg, intensified, start not in nouns))
    return [
        Occurrence(*r[:4], r[4] or (r[3] in names and r[2][:1].isupper()), *r[5:], seg_reported[r[5]], seg_words[r[5]])
        for r in rows
    ]

def scan_reference(
    text: str, *, min_score: float = 0.0, scorer: Scorer | None = None
) -> list[Cue]:
    """The first version of :func:`scan`, kept as the reference it is tested against.

    Curated terms are always cues; other words are cues when their score reaches ``min_score``.
    Multi-word terms ("believed to be", "according to") are one cue and the words inside them
    are not repeated. A word's score rises with the other loaded words in its sentence and
    with an intensifier just before it. A word without lexical evidence (only rarity, shape or
    context) scores at most the model's ``hint_cap``. Verb-list words used as nouns ("the
    claims") are scored as plain words, not as attribution verbs.
    """
    scorer = scorer or default_scorer()
    out = []
    covered: list[tuple[int, int]] = []
    lexicons = curated()
    quotes = quoted_stretches(text)
    marks = segment_marks_reference(text)
    for m in phrase_pattern().finditer(text):
        term = m.group()
        key = " ".join(normalize_token(term).split())
        info = lexicons[key]
        words = [normalize_token(w.group()) for w in WORD_PATTERN.finditer(term)]
        parts = [scorer.word(w, False) for w in words]
        z = max([p.z for p in parts if p] + [scorer.phrase(key)])
        score = sigmoid(calibrated(scorer.calibration, z, inside_spans(quotes, m.start()), 0, 0.0))
        out.append(Cue(m.start(), m.end(), term, info.category, info.stance, score, f"'{term}': {info.rationale}",
                       "lexicon"))
        covered.append((m.start(), m.end()))
    covered.sort()
    ci = 0
    kept = []
    for row in occurrences_reference(text):
        start = row.start
        while ci < len(covered) and covered[ci][1] <= start:
            ci += 1
        if ci < len(covered) and covered[ci][0] <= start:
            continue
        hit = scorer.word(row.norm, row.name, row.curated)
        if hit is not None:
            kept.append((row, hit))
    # context: the three strongest words of each sentence, and the sum of its words' leans
    top3: dict[int, list[float]] = {}
    lean: dict[int, float] = {}
    for row, hit in kept:
        lean[row.sentence] = lean.get(row.sentence, 0.0) + hit.lean
        p = 1.0 / (1.0 + math.exp(-hit.z))
        best = top3.setdefault(row.sentence, [0.0, 0.0, 0.0])
        best.append(p)
        best.sort(reverse=True)
        del best[3:]
    lean = {seg: max(-LEAN_CAP, min(LEAN_CAP, value)) for seg, value in lean.items()}
    threshold = scorer.model.threshold
    seg_shift: dict[int, tuple[float, float]] = {}  # sentence → (shift without, with nearby words)
    w_int = scorer.w_intensified
    for row, hit in kept:
        start, end, token, norm, seg, intensified, cur = (row.start, row.end, row.token, row.norm, row.sentence,
                                                          row.intensified, row.curated)
        reported, n_words = row.reported, row.n_words
        z, category, stance, why, evidence, lexical = (hit.z, hit.category, hit.stance, hit.why, hit.evidence,
                                                       hit.lexical)
        z_plain = hit.z_plain
        shift = seg_shift.get(seg)
        if shift is None:
            base = (scorer.w_reported if reported else 0.0) + scorer.w_length * length_feature(n_words)
            shift = seg_shift[seg] = (base, base + scorer.w_nearby * nearby_feature(top3[seg][1]))
        z_word = z + (w_int if intensified else 0.0)
        quoted = inside_spans(quotes, start)
        score = sigmoid(calibrated(scorer.calibration, z_word + shift[1], quoted, marks[seg], top3[seg][2], lean[seg]))
        if not lexical and score > scorer.hint_cap:
            score = scorer.hint_cap
        plain = sigmoid(calibrated(scorer.calibration, z_plain + (w_int if intensified else 0.0) + shift[1], quoted,
                                   marks[seg], top3[seg][2], lean[seg]))
        hint = score >= threshold and not (lexical and plain >= threshold)
        if hint:
            score = threshold - HINT_MARGIN
        if score < min_score and not (cur and curated_word(norm) is not None):
            continue
        context = []
        if intensified and w_int > 0.1:
            context.append("an intensifier stands just before it")
        leaners = sorted(((h.lean, r.token.lower()) for r, h in kept
                          if r.sentence == seg and h.lean > 0 and h.evaluative), reverse=True)
        evaluative = [w for _, w in leaners]
        leaning = any(r.sentence == seg and h.lean > 0 for r, h in kept)
        lean_words = tuple(dict.fromkeys(evaluative))[:2] if score >= threshold and leaning else None
        reasons, lifted = sentence_reasons(scorer.calibration, z_word, shift, quoted, marks[seg], top3[seg],
                                            score, threshold, lean[seg], lean_words)
        if context or lifted:
            evidence = "context" if evidence == "none" else f"{evidence}+context"
        context += reasons
        if hint:
            context.append(HINT_WHY)
        if context:
            why = "; ".join([why, *context])
        out.append(Cue(start, end, token, category, stance, score, f"'{token}': {why}", evidence))
    out.sort(key=lambda c: (c.start, c.end, c.term, c.category, c.stance or "", c.score, c.why, c.evidence))
    return out



def forms_reference(word: str) -> tuple[str, ...]:
    """The first ``analysis.wording.lexicons._forms``: every ending tried on every word."""
    forms = [word]
    if word.endswith("ily") and len(word) > 5:
        forms.append(word[:-3] + "y")
    if word.endswith("ly") and len(word) > 4:
        forms += [word[:-2], word[:-1] + "e" if word.endswith("bly") else word[:-2] + "e"]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms.append(word[:-1])
    if word.endswith("ed") and len(word) > 4:
        forms += [word[:-2], word[:-1]]
    return tuple(forms)


def first_form_reference(table: dict, word: str):  # type: ignore[no-untyped-def]
    """The first ``analysis.wording.lexicons.first_form``, on :func:`forms_reference`."""
    for form in forms_reference(word):
        if form in table:
            return table[form]
    return None


def zipf_reference(term: str) -> float:
    """The first ``analysis.frequency.zipf_frequency``: every word's frequency worked out in full."""
    return round(math.log10(word_frequency(term, minimum=1e-9)) + 9, 2)


def word_facts_reference(norm: str, curated_entry: bool = True) -> WordFacts:
    """The first ``analysis.wording.features.word_facts``: each list asked on its own."""
    info = curated_word(norm) if curated_entry else None
    word = norm[:-2] if norm.endswith("'s") else norm
    content = word not in FUNCTION_WORDS and bool(_ALPHA.match(word)) and word not in neutral_words()
    rarity = min(1.0, max(0.0, (6.0 - zipf_reference(word)) / 4.0)) if content and len(word) > 2 else 0.0
    entry = registry_category(info.category) if info is not None else None
    return WordFacts(
        word=word,
        info=info,
        textblob=lexicon_entry(word),
        vader=vader_words().get(word, 0.0),
        afinn=first_form_reference(afinn_words(), word) or 0.0,
        nrc=first_form_reference(nrc_words(), word) or (0, False),
        content=content,
        rarity=rarity,
        kind=entry.feature if entry is not None else "",
    )


def base_features_reference(norm: str, curated: bool = True) -> tuple[float, ...]:
    """The first ``analysis.wording.features.base_features`` (not cached)."""
    facts = word_facts_reference(norm, curated)
    return tuple(value(facts) for value in _WORD_FEATURES)


def word_vector_reference(norm: str, capital: bool, *, learned: dict, model: Model, curated: bool,
                          family: tuple[float, float]) -> np.ndarray:
    """One word's feature vector, one small array a word (the first ``word_vector``)."""
    kn = learned.get(fold_form(norm))
    if kn is not None and kn[1] >= model.min_sentences:
        lf = learned_feature(kn[0], kn[1], base_rate=model.base_rate, smoothing=model.smoothing)
        known = 1.0
    else:
        lf, known = 0.0, 0.0
    base = base_features_reference(norm, curated)
    x = np.array((*base, *learned_features(base, lf, known, *family), float(capital)))
    if capital:
        x[INDEX["rarity"]] = x[INDEX["rare_evaluative"]] = 0.0
    return x


def word_score_reference(scorer: Scorer, norm: str, capital: bool, curated_entry: bool = True) -> WordScore | None:
    """One word scored without context, one word at a time (the first ``Scorer.word``)."""
    entry = curated_word(norm)
    if not is_candidate(norm) or (capital and entry is not None and entry.category in common_only_categories()):
        return None
    model = scorer.model
    info = entry if curated_entry else None
    learned = scorer.learned if curated_entry or norm not in curated() else {}
    folded = fold_form(norm)
    fam_value, fam_known, fam = family_feature(folded, scorer.learned, scorer.families, base_rate=model.base_rate,
                                               smoothing=model.smoothing)
    x = word_vector_reference(norm, capital, learned=learned, model=model, curated=curated_entry,
                              family=(fam_value, fam_known))
    kn = scorer.learned.get(folded)
    tags = evidence_tags(x, info is not None)
    contributions = x * model.weights[:N_WORD]
    z = float(model.intercept + contributions.sum())
    hint = [FEATURES.index(f) for f in HINT_FEATURES]
    if "lexicon" in tags or "learned" in tags:
        vouched = True
    else:
        assert HINT_RULE == "negative"
        facts = word_facts_reference(norm, False)
        vouched = bool(x[INDEX["negative"]] > 0) and (facts.vader < 0 or facts.afinn < 0)
    evaluative = [FEATURES.index(f) for f in ("loaded", "label", "attr_loaded")]
    return WordScore(
        z,
        info.category if info else "loaded",
        info.stance if info else None,
        (x, info, kn, model, fam, norm),
        "+".join(tags) or "none",
        any(t in LEXICAL_EVIDENCE for t in tags),
        z if vouched else z - float(np.clip(contributions[hint], 0.0, None).sum()),
        0.0 if kn is None else lean_feature(kn[2], kn[1], base_rate=model.lean_base_rate,
                                            smoothing=model.lean_smoothing),
        bool(x[evaluative].any()) or (kn is not None and kn[0] > 0 and kn[0] >= STRONG_RATE * kn[1]),
        curated_entry and curated_word(norm) is not None,
    )


def fold_form_reference(norm: str) -> str:
    """The first ``analysis.wording.lexicons.fold_form`` (its suffixes tried one by one)."""
    w = norm[:-2] if norm.endswith("'s") else norm
    if len(w) > 6 and w.endswith("ly"):
        w = w[:-4] if w.endswith("ically") else w[:-3] + "y" if w.endswith("ily") else w[:-2]
    if len(w) > 5:
        for suffix in ("ing", "ed", "es", "s"):
            if w.endswith(suffix) and not w.endswith("ss"):
                return w[: -len(suffix)]
    return w


_FAMILY_ENDINGS = (("ization", ""), ("isation", ""), ("ically", ""), ("ations", ""), ("ation", ""), ("ness", ""),
                   ("ment", ""), ("ical", ""), ("aliz", ""), ("isms", "is"), ("ists", "is"), ("ism", "is"),
                   ("ist", "is"), ("ity", ""), ("eou", ""), ("ous", ""), ("ou", ""), ("ive", ""), ("ize", ""),
                   ("ise", ""), ("ia", ""), ("ic", ""), ("al", ""), ("er", ""), ("y", ""), ("e", ""))


def family_form_reference(norm: str) -> str:
    """The first ``analysis.wording.lexicons.family_form`` (every ending tried in turn)."""
    w = fold_form_reference(norm)
    for ending, replacement in _FAMILY_ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 3 and len(w) - len(ending) + len(replacement) >= 4:
            return w[: -len(ending)] + replacement
    return w
