"""Word lists behind the wording cues: the curated tables and one reader per outside word list.

Curated tables are CSV files under ``analysis/lexicons/`` (each row with a rationale and a
source), read through :func:`analysis.lexicon.load_lexicon`. Outside word lists ship inside
other packages: TextBlob's and VADER's (``analysis.instruments.words``), AFINN-165 (Nielsen
2011, the ``afinn`` package) and the NRC Emotion Lexicon (Mohammad & Turney 2013, the
``nrclex`` package). Each is read once; the rest of the package asks these readers, never the
files. A missing optional package gives one warning and an empty list; a malformed data file is
an error naming the file.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TypeVar

from analysis.categories import category, category_names, lexicon_order
from analysis.frequency import zipf_frequency
from analysis.instruments.words import lexicon_entry, textblob_words, vader_words
from analysis.lexicon import LexiconError, load_lexicon, on_change
from analysis.text import normalize_token, stem
from analysis.wording.precomputed import CURATED, word_table

__all__ = [
    "FUNCTION_WORDS",
    "PERSONAL_WORDS",
    "CueInfo",
    "afinn_words",
    "curated",
    "curated_word",
    "degree_words",
    "first_form",
    "first_forms",
    "fold_form",
    "lexicon_entry",
    "neutral_words",
    "nrc_words",
    "phrase_finder",
    "phrase_pattern",
    "say_words",
    "textblob_words",
    "vader_words",
]

#: Function words: never scored by the statistical features, never a distinctive term alone.
#: Modal and attribution words are here too, but they stay lexicon cues. The wording model's own
#: list (``lexicons/function_words.csv``), not the project's stop list (``analysis.text.stop_words``):
#: it is part of the model's fitted features, so changing it changes the model's figures.
_MODEL_WORDS = load_lexicon("function_words")
FUNCTION_WORDS = frozenset(_MODEL_WORDS.loc[_MODEL_WORDS["category"] == "model function word", "term"])

#: First- and second-person words: a sentence using them addresses the reader or speaks for
#: the writer (opinion), unless it is quoted speech. Also the model's (same file, part of its
#: fitted sentence features).
PERSONAL_WORDS = frozenset(_MODEL_WORDS.loc[_MODEL_WORDS["category"] == "model personal word", "term"])


def fold_form(norm: str) -> str:
    """A crude inflection fold for pooling counts: ``claims``/``claimed``/``claiming`` → ``claim``,
    ``dramatically`` → ``dramatic``. The wording model's own (its learned table,
    ``models/learned_bias_words.csv``, is keyed by it); elsewhere the project stems with
    ``analysis.text.stem``.

    Deliberately simple (no dictionary): strips a possessive, an -ly of an adverb, and one common
    suffix from words longer than five letters. Used only to pool the learned statistics, never shown as a term.
    """
    w = norm[:-2] if norm.endswith("'s") else norm
    if len(w) > 6 and w.endswith("ly"):  # "dramatically" → "dramatic", "bizarrely" → "bizarre"
        w = w[:-4] if w.endswith("ically") else w[:-3] + "y" if w.endswith("ily") else w[:-2]
    if len(w) > 5 and not w.endswith("ss"):  # the first of -ing, -ed, -es, -s it ends with
        last = w[-1]
        if last == "s":
            return w[:-2] if w.endswith("es") else w[:-1]
        if (last == "g" and w.endswith("ing")) or (last == "d" and w.endswith("ed")):
            return w[:-3] if last == "g" else w[:-2]
    return w


#: Derivational endings :func:`family_form` strips (ending, what replaces it), longest first;
#: -ism and -ist meet at -is ("racism", "racist" → "racis") rather than at their base word.
_FAMILY_ENDINGS = (("ization", ""), ("isation", ""), ("ically", ""), ("ations", ""), ("ation", ""), ("ness", ""),
                   ("ment", ""), ("ical", ""), ("aliz", ""), ("isms", "is"), ("ists", "is"), ("ism", "is"),
                   ("ist", "is"), ("ity", ""), ("eou", ""), ("ous", ""), ("ou", ""), ("ive", ""), ("ize", ""), ("ise", ""), ("ia", ""),
                   ("ic", ""), ("al", ""), ("er", ""), ("y", ""), ("e", ""))


#: :data:`_FAMILY_ENDINGS` by their last letter, in the same order (only those can match a word).
_FAMILY_BY_LAST: dict[str, tuple[tuple[str, str], ...]] = {
    last: tuple(e for e in _FAMILY_ENDINGS if e[0][-1] == last) for last in {e[0][-1] for e in _FAMILY_ENDINGS}
}


def family_form(norm: str) -> str:
    """The word family of a normalized word, for backing off from a word the annotations saw
    rarely or never to related words they did: ``racism``/``racists`` → ``racis``,
    ``radicalized``/``radical`` → ``radic``, ``hysteria``/``hysterical`` → ``hyster``. One
    derivational ending is stripped from :func:`fold_form` when at least four letters remain.
    The wording model's own, like :func:`fold_form` (its ``family`` feature was fitted with it);
    crude and deliberate: used only to pool the learned statistics, never shown as a term.
    """
    w = fold_form(norm)
    for ending, replacement in _FAMILY_BY_LAST.get(w[-1:], ()):
        if w.endswith(ending) and len(w) - len(ending) >= 3 and len(w) - len(ending) + len(replacement) >= 4:
            return w[: -len(ending)] + replacement
    return w


# ---------------------------------------------------------------------------------------------
# Curated tables
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CueInfo:
    """What the curated lexicons say about one term (a word or a phrase)."""

    category: str  # a name in the cue-category registry: loaded, label, attribution, hedge, …
    stance: str | None
    detail: str  # subcategory, technique, or naming group and variant
    rationale: str
    source: str


@lru_cache(maxsize=1)
def curated() -> dict[str, CueInfo]:
    """Every curated term (normalized) → its entry. The lexicon files and their precedence come
    from the cue-category registry (``analysis.categories``); a term in several takes the most
    binding file's entry. A row whose category the registry does not list is an error."""
    table: dict[str, CueInfo] = {}
    known = set(category_names())
    for name in lexicon_order():
        frame = load_lexicon(name)
        unknown = sorted(set(frame["category"]) - known)
        if unknown:
            raise LexiconError(f"{name}.csv: categories {unknown} are not in the cue-category registry "
                               "(analysis/lexicons/cue_categories.csv)")
        for row in frame.itertuples(index=False):
            key = normalize_token(str(row.term))
            if key in table:
                continue
            stance = getattr(row, "stance", None) or None
            if name == "naming_variants":
                detail = f"{row.group}: {row.variant}"
            else:
                detail = getattr(row, "subcategory", None) or getattr(row, "technique", None) or ""
            table[key] = CueInfo(str(row.category), stance, detail, str(row.rationale), str(row.source))
    return table


#: Model features (the registry's ``feature``) whose single-word entries also stand for their
#: inflected forms: loaded words, labels, hedges and boosters. Attribution verbs list every
#: surface form themselves; naming variants are exact spellings.
_INFLECTED_KINDS = ("loaded", "label", "hedge", "booster")


#: A stem plus "e" at least this common in English (Zipf, ``analysis.frequency``) is a word of its
#: own, so an -ing/-ed form of that stem may come from it ("shamed" from "shame", not "sham").
_E_WORD_ZIPF = 3.0


def _ending(term: str, base: str) -> str:
    """Which inflection the project stem strips from ``term``: "", "ing", "ed" or "s"."""
    if base == term:
        return ""
    rest = term[len(base):]
    if "ing" in rest:  # "seething", "killings"
        return "ing"
    return "ed" if rest.startswith("ed") else "s"


@lru_cache(maxsize=1)
def _inflection_index() -> tuple[dict[str, str], dict[str, str]]:
    """Two maps from the project stem (:func:`analysis.text.stem`) of an inflected form to the
    curated single-word entry it is a form of (most binding entry first).

    The first holds for every inflection the stemmer strips, and is made from entries listed in
    their base form or as a plural ("smear" → "smears", "smeared"; "regimes" → "regime's"). The
    second holds only for ``-ing``/``-ed`` forms: the spelling of a base entry's verb forms (a final e
    dropped, "annihilate" → "annihilating"; a final consonant doubled, "scrap" → "scrapping"; a
    final y turned i, "bully" → "bullied"), and the other verb forms of an entry listed as an
    -ed or -ing form ("scrapped" → "scrapping", "seething" → "seethed") when the form is no more
    common in English than the listed one (:func:`curated_word`: "killed" is plain news where
    "killing" was listed). A listed -ed or -ing form does not stand for -s forms: those are often
    nouns of another sense ("forced" is no reason to flag "forces", "hated" none to flag "hats")."""
    table = curated()
    any_form: dict[str, str] = {}
    verbal: dict[str, str] = {}
    for term, info in table.items():
        entry = category(info.category)
        if entry is None or entry.feature not in _INFLECTED_KINDS or not term.isalpha() or len(term) < 3:
            continue
        base = stem(term)
        ending = _ending(term, base)
        if ending in ("ing", "ed"):
            verbal.setdefault(base, term)
            continue
        any_form.setdefault(base, term)
        if base.endswith("e") and not base.endswith("ee") and len(base) > 3:
            verbal.setdefault(base[:-1], term)
        elif base.endswith("y") and len(base) > 3 and base[-2] not in "aeiou":
            verbal.setdefault(base[:-1] + "i", term)
        elif len(base) >= 3 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou" and base[-3] not in "aeiou":
            verbal.setdefault(base + base[-1], term)
    return any_form, verbal


@lru_cache(maxsize=100_000)
def curated_word(norm: str) -> CueInfo | None:
    """The curated entry of a normalized single word: its own entry when listed, else the entry of
    the listed loaded word, label, hedge or booster it is an inflected form of ("annihilating",
    "annihilated" → "annihilate"; "scrapping" → "scrapped"; "seethed" → "seething"), matched
    through the project's one stemmer (:func:`analysis.text.stem`; see :func:`_inflection_index`
    for which forms stand for which). An inflected match says so in its rationale ("a form of
    'annihilate' — …")."""
    table = curated()
    info = table.get(norm)
    if info is not None:
        return info
    words = word_table()  # the precomputed table says so for common words (None: not read)
    if words is not None and (code := words.codes.get(norm)) is not None and not code & CURATED:
        return None
    base = stem(norm)
    if base == norm or len(base) < 3:
        return None
    any_form, verbal = _inflection_index()
    verb_form = _ending(norm, base) in ("ing", "ed")
    term = verbal.get(base) if verb_form else None
    if term is not None and _ending(term, stem(term)) and zipf_frequency(norm) > zipf_frequency(term):
        term = None  # a listed -ing/-ed form stands for its rarer verb forms: "killed" is plain news
    if term is None:
        term = any_form.get(base)
        # "shamed" is a form of "shame", not of the listed "sham"
        if term is not None and verb_form and zipf_frequency(base + "e") >= _E_WORD_ZIPF:
            term = None
    if term is None or term == norm:
        return None
    info = table[term]
    return CueInfo(info.category, info.stance, info.detail, f"a form of '{term}' — {info.rationale}", info.source)


@lru_cache(maxsize=1)
def phrase_pattern() -> re.Pattern[str]:
    """One compiled pattern for every multi-word curated term (longest first)."""
    phrases = sorted((t for t in curated() if " " in t), key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(p) for p in t.split()) for t in phrases)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def phrase_finder() -> re.Pattern[str]:
    """:func:`phrase_pattern` with its alternatives grouped by first letter (same order within
    a letter): the same matches, found without trying every phrase at every word. Falls back
    to :func:`phrase_pattern` if a phrase does not start with an ASCII letter."""
    phrases = sorted((t for t in curated() if " " in t), key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for t in phrases:
        body = r"\s+".join(re.escape(p) for p in t.split())
        first = t[0]
        if not (first.isascii() and first.isalpha() and first.islower() and body[0] == first):
            return phrase_pattern()
        groups.setdefault(first, []).append(body[1:])
    if not groups:
        return phrase_pattern()
    body = "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def neutral_words() -> frozenset[str]:
    """Plain news vocabulary (``lexicons/neutral_words.csv``): never scored unless curated."""
    return frozenset(normalize_token(t) for t in load_lexicon("neutral_words")["term"])


@lru_cache(maxsize=1)
def degree_words() -> frozenset[str]:
    """Intensifiers (``lexicons/degree_words.csv``): a word right after one is ``intensified``."""
    return frozenset(normalize_token(t) for t in load_lexicon("degree_words")["term"])


@lru_cache(maxsize=1)
def say_words() -> frozenset[str]:
    """Forms of the plain speech verbs "say" and "tell" (from ``attribution_verbs.csv``)."""
    frame = load_lexicon("attribution_verbs")
    return frozenset(normalize_token(t) for t in frame.loc[frame["lemma"].isin(["say", "tell"]), "term"])


# ---------------------------------------------------------------------------------------------
# Outside word lists
# ---------------------------------------------------------------------------------------------


def _package_text(package: str, *parts: str) -> str | None:
    """The text of a data file shipped inside ``package``; None (with one warning) when the
    package is not installed."""
    try:
        root = resources.files(package)
    except ModuleNotFoundError:
        warnings.warn(f"{package} is not installed: its word list is left out of the wording evidence",
                      stacklevel=3)
        return None
    path = root.joinpath(*parts)
    if not path.is_file():
        raise FileNotFoundError(f"{package}/{'/'.join(parts)}: data file missing from the installed package")
    return path.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def afinn_words() -> dict[str, float]:
    """AFINN-165 (Nielsen 2011): word → valence -5..5, from the ``afinn`` package's data file."""
    text = _package_text("afinn", "data", "AFINN-en-165.txt")
    if text is None:
        return {}
    out = {}
    for number, line in enumerate(text.splitlines(), 1):
        word, _, value = line.rpartition("\t")
        if not word:
            raise ValueError(f"afinn/data/AFINN-en-165.txt: line {number} is not 'word<TAB>valence'")
        if " " not in word:
            try:
                out[word.lower()] = float(value)
            except ValueError:
                raise ValueError(f"afinn/data/AFINN-en-165.txt: line {number} has no numeric valence") from None
    return out


_NRC_EMOTIONS = frozenset(("anger", "disgust", "fear", "sadness", "surprise", "joy", "trust", "anticipation"))


@lru_cache(maxsize=1)
def nrc_words() -> dict[str, tuple[int, bool]]:
    """NRC Emotion Lexicon (Mohammad & Turney 2013) from the ``nrclex`` package's data file:
    word → (number of emotions, positive-or-negative)."""
    text = _package_text("nrclex", "data", "nrc_en.json")
    if text is None:
        return {}
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as err:
        raise ValueError(f"nrclex/data/nrc_en.json: not valid JSON ({err})") from None
    return {
        w.lower(): (len(_NRC_EMOTIONS.intersection(tags)), bool({"positive", "negative"} & set(tags)))
        for w, tags in raw.items()
        if " " not in w
    }


def _forms(word: str) -> tuple[str, ...]:
    """The word and a few crude base forms to look up in a sentiment lexicon."""
    if word[-1:] not in ("y", "s", "d"):  # none of the endings below: most words
        return (word,)
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


V = TypeVar("V")
W = TypeVar("W")


def first_form(table: dict[str, V], word: str) -> V | None:
    """The entry of ``word`` or of its first crude base form found in ``table``, else None."""
    for form in _forms(word):
        if form in table:
            return table[form]
    return None


def first_forms(first: Mapping[str, V], second: Mapping[str, W], word: str) -> tuple[V | None, W | None]:
    """:func:`first_form` of ``word`` in two tables, the crude forms made once."""
    one: V | None = None
    two: W | None = None
    found_one = found_two = False
    for form in _forms(word):
        if not found_one and form in first:
            one, found_one = first[form], True
        if not found_two and form in second:
            two, found_two = second[form], True
    return one, two


@on_change
def clear_caches() -> None:
    """Forget the compiled word lists (after editing a lexicon file in a session)."""
    for fn in (curated, _inflection_index, curated_word, phrase_pattern, phrase_finder, neutral_words, degree_words, say_words):
        fn.cache_clear()
