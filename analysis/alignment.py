"""Shared and unique content: which sentences two articles have in common, and what only one says.

Sentences are compared by **TF-IDF cosine similarity over content words**: each sentence becomes a
vector of its content words (stop words dropped, a light suffix-stripping stem so "drone" and
"drones", "attack" and "attacks" meet), weighted by how rare each word is among the sentences being
compared (inverse document frequency, fitted on those articles only, so a word every sentence uses
— "Ukraine" in articles about Ukraine — counts little) with sublinear term frequency. Two sentences
score 1 when they use the same content words in the same proportions and 0 when they share none.
Word pairs (bigrams) are left out on purpose: they double the number of features, so two sentences
sharing their key words in a different order score about half as much, and paraphrase rarely keeps
word order.

Why the threshold is 0.15 (``DEFAULT_THRESHOLD``) with at least two shared content words
(``MIN_SHARED_WORDS``): a news sentence has about ten content words. Sharing one of them gives a
cosine near 1/10 — two sentences that both say "Russia" or "war" — but a short sentence sharing one
word can reach 0.15 too ("Both sides are biding their time" / "the two sides agreed"), so one shared
word never counts: the pair scores 0. Sharing two distinctive words ("drone" and "attack",
"negotiations" and "Istanbul") gives about 0.15-0.3, and near copies score above 0.6. The line sits
where one shared word stops being enough. It is checked against the pairs themselves: on the seed
articles 99 % of all cross-article sentence pairs (almost all unrelated) score below 0.14, and a
crafted wire report of the same events aligns its talks and drone-strike sentences with both seeds
above it (tests and notebook ``04-emphasis``). A lower threshold pairs sentences that merely share
a name; a higher one misses paraphrases.

What this cannot see: paraphrase with different words ("the airfields were hit" / "bases came
under attack" share no content word), negation ("X attacked" and "X did not attack" align), and
who is said to have done what. An aligned pair means "about the same thing", not "agrees"; a
"unique" sentence may still be said elsewhere in other words.

Omissions compare the **named entities and numbers** each article mentions: capitalised word
sequences (a sentence's first word only when it is not a common word), the actors discovered in
the articles (``analysis.discovery``, keyed by actor so every alias counts), and numbers as ``analysis.text.word_spans`` finds them ("€5",
"500%", "1,000") plus spelled-out numbers from two to twenty. An item is an omission when one
article mentions it and no other does. What it cannot see: the same thing named differently
("Zelensky" / "the Ukrainian president", "1,000" / "a thousand"), and names written in lower case.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

import numpy as np
import pandas as pd
from scipy.sparse import csr_matrix, diags
from sklearn.feature_extraction.text import TfidfVectorizer

from analysis.actors import actor_mentions
from analysis.discovery import _cues
from analysis.frequency import zipf_frequency
from analysis.present import READABLE_ARTICLES
from analysis.text import WORD_PATTERN, normalize_token, stem, stop_words, word_spans

__all__ = [
    "DEFAULT_THRESHOLD",
    "MIN_SHARED_WORDS",
    "NEIGHBOURS",
    "content_terms",
    "sentence_vectors",
    "tfidf",
    "best_matches",
    "align_sentences",
    "unique_sentences",
    "compare_sentences",
    "named_items",
    "omissions",
]

#: Cosine similarity at or above which two sentences count as the same content (see module doc).
DEFAULT_THRESHOLD = 0.15
#: Two sentences must share at least this many content words to be compared at all (else 0).
MIN_SHARED_WORDS = 2
#: Above ``NEIGHBOURS + 1`` articles, each article's sentences are compared with those of its
#: ``NEIGHBOURS`` nearest articles only (cosine of whole-article TF-IDF vectors), so pairwise work
#: grows with the number of articles, not its square.
NEIGHBOURS = 10
#: Cells of a sentence-by-sentence similarity block held in memory at once (about 32 MB).
BLOCK_CELLS = 4_000_000

_ALIGNED_COLUMNS = ["a_id", "a_sent_id", "b_id", "b_sent_id", "similarity", "a_text", "b_text"]
_MATCH_COLUMNS = ["article_id", "sent_id", "other_id", "other_sent_id", "similarity"]
_UNIQUE_COLUMNS = ["article_id", "sent_id", "text", "best_similarity"]
_ITEM_COLUMNS = ["article_id", "sent_id", "kind", "item", "surface", "start", "end"]
_OMISSION_COLUMNS = ["article_id", "kind", "item", "surface", "sent_id", "present_in", "absent_from"]

# Words that carry no content for alignment: the project's stop list with its reporting words.
_STOP = stop_words(reporting=True)


def content_terms(text: str) -> list[str]:
    """The alignment features of one text: its content words, lower-cased and lightly stemmed.

    >>> content_terms("Ukrainian drone strikes hit the airfields.")
    ['ukrainian', 'drone', 'strike', 'hit', 'airfield']
    """
    words = [normalize_token(m.group()) for m in WORD_PATTERN.finditer(text)]
    return [stem(w) for w in words if w not in _STOP and len(w) > 1 and not w[0].isdigit()]


def _terms_of(document: list[str]) -> list[str]:
    """The analyzer for pre-tokenised documents: the document's terms as they are."""
    return document


def tfidf(documents: Iterable[list[str]]) -> tuple[csr_matrix, np.ndarray]:
    """TF-IDF rows of pre-tokenised ``documents`` and the (sorted) vocabulary: scikit-learn's
    ``TfidfVectorizer(sublinear_tf=True)`` (tf = 1 + ln count, smoothed idf, rows L2-normalised).
    A document with no terms is an all-zero row; with no terms at all the matrix has one column
    of zeros and the vocabulary is empty.

    >>> matrix, vocab = tfidf([["drone", "strike"], ["drone", "talks"]])
    >>> list(vocab), round(float(matrix[0].multiply(matrix[1]).sum()), 3)
    (['drone', 'strike', 'talks'], 0.336)
    """
    docs = list(documents)
    if not any(docs):
        return csr_matrix((len(docs), 1), dtype=np.float64), np.asarray([], dtype=object)
    vectorizer = TfidfVectorizer(analyzer=_terms_of, sublinear_tf=True)
    matrix = vectorizer.fit_transform(docs)
    return csr_matrix(matrix, dtype=np.float64), vectorizer.get_feature_names_out().astype(object)


def sentence_vectors(texts: Iterable[str]):
    """TF-IDF vectors (sparse, rows L2-normalised) of ``texts``, fitted on these texts only.

    Returns ``(matrix, vocabulary)``. Sublinear tf (1 + log tf) keeps a word repeated in one
    sentence from dominating; idf is computed over the given sentences, so a word every sentence
    uses ("Ukraine" in an article about Ukraine) counts little.
    """
    return tfidf([content_terms(t) for t in texts])


def _article_order(articles: pd.DataFrame, sentences: pd.DataFrame) -> list[str]:
    ids = [str(a) for a in articles["article_id"]]
    present = set(sentences["article_id"].astype(str))
    return [a for a in ids if a in present]


@dataclass(frozen=True)
class _PairBest:
    """Best matches between the sentences of two articles ``a`` and ``b`` (row positions within
    each article): for each sentence of ``a`` its best in ``b`` (``a_best``, ``a_sim``) and the
    other way round (``b_best``, ``b_sim``)."""

    a_best: np.ndarray
    a_sim: np.ndarray
    b_best: np.ndarray
    b_sim: np.ndarray


def _pair_best(ma, ba, mb_t, bb_t) -> _PairBest:
    """Row and column maxima of the similarity block of two articles, a slice of rows at a time
    (at most ``BLOCK_CELLS`` cells held), so two of the longest articles the size limit allows
    never ask for their whole sentence-by-sentence matrix. Ties go to the first sentence, as
    ``argmax`` over the whole block would."""
    na, nb = ma.shape[0], mb_t.shape[1]
    a_best = np.zeros(na, dtype=np.int64)
    a_sim = np.zeros(na)
    b_best = np.zeros(nb, dtype=np.int64)
    b_sim = np.full(nb, -np.inf)
    step = max(1, BLOCK_CELLS // max(nb, 1))
    for r0 in range(0, na, step):
        r1 = min(na, r0 + step)
        sim = (ma[r0:r1] @ mb_t).toarray()
        shared = (ba[r0:r1] @ bb_t).toarray()
        sim[shared < MIN_SHARED_WORDS] = 0.0
        a_best[r0:r1] = sim.argmax(axis=1)
        a_sim[r0:r1] = sim.max(axis=1)
        col = sim.max(axis=0)
        better = col > b_sim
        b_sim[better] = col[better]
        b_best[better] = sim.argmax(axis=0)[better] + r0
    return _PairBest(a_best, a_sim, b_best, b_sim)


def _neighbour_pairs(order: list[str], article_rows: np.ndarray, matrix, *, neighbours: int) -> list[tuple[int, int]]:
    """The article pairs ``(i, j)``, ``i < j`` in article order, whose sentences are compared:
    every pair up to ``neighbours + 1`` articles, else each article with its ``neighbours``
    nearest (cosine of the articles' summed sentence vectors), either way round."""
    n = len(order)
    if n <= neighbours + 1:
        return [(i, j) for i in range(n) for j in range(i + 1, n)]
    indicator = csr_matrix((np.ones(len(article_rows)), (article_rows, np.arange(len(article_rows)))), shape=(n, matrix.shape[0]))
    vectors = (indicator @ matrix).tocsr()
    norms = np.sqrt(np.asarray(vectors.multiply(vectors).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    vectors = (diags(1.0 / norms) @ vectors).tocsr()
    pairs: set[tuple[int, int]] = set()
    step = max(1, BLOCK_CELLS // n)
    for r0 in range(0, n, step):
        r1 = min(n, r0 + step)
        sim = (vectors[r0:r1] @ vectors.T).toarray()
        sim[np.arange(r1 - r0), np.arange(r0, r1)] = -np.inf
        # the nearest ``neighbours``, ties to the earlier article (stable order)
        nearest = np.argsort(-sim, axis=1, kind="stable")[:, :neighbours]
        for i, row in zip(range(r0, r1), nearest, strict=True):
            for j in row:
                pairs.add((min(i, int(j)), max(i, int(j))))
    return sorted(pairs)


def _similarities(articles: pd.DataFrame, sentences: pd.DataFrame, *, neighbours: int | None = None):
    """Sentence rows in article order, each article's row positions, and the best matches of each
    compared pair of articles (``{(a, b): _PairBest}``, a before b in article order)."""
    neighbours = NEIGHBOURS if neighbours is None else neighbours
    order = _article_order(articles, sentences)
    sents = sentences[sentences["article_id"].astype(str).isin(order)].copy()
    sents["article_id"] = sents["article_id"].astype(str)
    rank = {a: i for i, a in enumerate(order)}
    sents["_rank"] = sents["article_id"].map(rank)
    sents = sents.sort_values(["_rank", "sent_id"]).reset_index(drop=True)
    matrix, _ = sentence_vectors(sents["text"].astype(str))
    binary = (matrix > 0).astype(np.int32).tocsr()
    ranks = sents["_rank"].to_numpy()
    bounds = np.searchsorted(ranks, np.arange(len(order) + 1))
    rows = {a: np.arange(bounds[i], bounds[i + 1]) for i, a in enumerate(order)}
    parts = [(matrix[bounds[i]:bounds[i + 1]], binary[bounds[i]:bounds[i + 1]]) for i in range(len(order))]
    transposed: dict[int, tuple] = {}
    pairs = {}
    for i, j in _neighbour_pairs(order, ranks, matrix, neighbours=neighbours):
        if j not in transposed:
            transposed[j] = (parts[j][0].T.tocsr(), parts[j][1].T.tocsr())
        pairs[(order[i], order[j])] = _pair_best(parts[i][0], parts[i][1], *transposed[j])
        if len(transposed) > 4 * neighbours + 8:  # keep a few transposes, not all of them
            transposed.pop(next(iter(transposed)))
    return order, sents, rows, pairs


def best_matches(articles: pd.DataFrame, sentences: pd.DataFrame, *, _sims=None) -> pd.DataFrame:
    """For every sentence and every other article compared with it, its most similar sentence there.

    Columns ``article_id, sent_id, other_id, other_sent_id, similarity``. The similarity is the
    TF-IDF cosine described in the module docstring. An article without sentences has no rows.
    With more than ``NEIGHBOURS + 1`` articles each article is compared with its ``NEIGHBOURS``
    nearest articles only (see the module docstring), so the pairwise work stays bounded.
    """
    order, sents, rows, pairs = _similarities(articles, sentences) if _sims is None else _sims
    sent_ids = sents["sent_id"].to_numpy()
    parts: dict[str, list[np.ndarray]] = {k: [] for k in ("src", "sent", "dst", "other", "sim")}
    rank = {a: i for i, a in enumerate(order)}
    for (a, b), best in pairs.items():
        for src, dst, idx, sim in ((a, b, best.a_best, best.a_sim), (b, a, best.b_best, best.b_sim)):
            if len(rows[src]) == 0 or len(rows[dst]) == 0:
                continue
            parts["src"].append(np.full(len(idx), rank[src]))
            parts["sent"].append(sent_ids[rows[src]])
            parts["dst"].append(np.full(len(idx), rank[dst]))
            parts["other"].append(sent_ids[rows[dst]][idx])
            parts["sim"].append(sim)
    if not parts["src"]:
        return pd.DataFrame(columns=_MATCH_COLUMNS)
    src, sent, dst = (np.concatenate(parts[k]) for k in ("src", "sent", "dst"))
    other, sim = np.concatenate(parts["other"]), np.concatenate(parts["sim"])
    sort = np.lexsort((dst, sent, src))
    names = np.asarray(order, dtype=object)
    return pd.DataFrame(
        {
            "article_id": names[src[sort]],
            "sent_id": sent[sort],
            "other_id": names[dst[sort]],
            "other_sent_id": other[sort],
            "similarity": sim[sort],
        }
    )


def align_sentences(
    articles: pd.DataFrame, sentences: pd.DataFrame, *, threshold: float = DEFAULT_THRESHOLD, _sims=None
) -> pd.DataFrame:
    """Aligned sentence pairs between two articles (``a_id`` before ``b_id`` in article order).

    A pair is listed when one sentence is the other's best match in that article and their
    similarity is at least ``threshold``. A sentence can align with several (a long sentence
    that merges two short ones). Columns ``a_id, a_sent_id, b_id, b_sent_id, similarity, a_text,
    b_text``, sorted by ``a_id, b_id, a_sent_id``. Every two articles are compared up to
    ``NEIGHBOURS + 1`` articles; beyond, each article with its nearest ``NEIGHBOURS``.
    """
    order, sents, rows, pairs = _similarities(articles, sentences) if _sims is None else _sims
    sent_ids = sents["sent_id"].to_numpy()
    texts = sents["text"].to_numpy()
    frames = []
    for (a, b), best in pairs.items():
        if len(rows[a]) == 0 or len(rows[b]) == 0:
            continue
        i_a = np.arange(len(rows[a]))
        keep_a = best.a_sim >= threshold
        keep_b = best.b_sim >= threshold
        i = np.concatenate([i_a[keep_a], best.b_best[keep_b]])
        j = np.concatenate([best.a_best[keep_a], np.arange(len(rows[b]))[keep_b]])
        sim = np.concatenate([best.a_sim[keep_a], best.b_sim[keep_b]])
        if len(i) == 0:
            continue
        key = i * len(rows[b]) + j
        key, first = np.unique(key, return_index=True)  # sorted row-major, one entry per cell
        i, j, sim = i[first], j[first], sim[first]
        ra, rb = rows[a][i], rows[b][j]
        frames.append(
            pd.DataFrame(
                {
                    "a_id": a,
                    "a_sent_id": sent_ids[ra],
                    "b_id": b,
                    "b_sent_id": sent_ids[rb],
                    "similarity": sim,
                    "a_text": texts[ra],
                    "b_text": texts[rb],
                }
            )
        )
    if not frames:
        return pd.DataFrame(columns=_ALIGNED_COLUMNS)
    out = pd.concat(frames, ignore_index=True)
    return out.astype({"a_sent_id": "int64", "b_sent_id": "int64", "similarity": "float64"})


def unique_sentences(
    articles: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    matches: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Sentences with no counterpart: the best match in *every* other article is below ``threshold``.

    Columns ``article_id, sent_id, text, best_similarity`` (the highest similarity found
    anywhere else, to show how close the call was). With one article nothing is unique *to* it in
    a comparison, so the table is empty.
    """
    matches = best_matches(articles, sentences) if matches is None else matches
    if matches.empty:
        return pd.DataFrame(columns=_UNIQUE_COLUMNS)
    best = matches.groupby(["article_id", "sent_id"], sort=False)["similarity"].max().reset_index()
    best = best[best["similarity"] < threshold].rename(columns={"similarity": "best_similarity"})
    texts = sentences.assign(article_id=sentences["article_id"].astype(str))[["article_id", "sent_id", "text"]]
    out = best.merge(texts, on=["article_id", "sent_id"], how="left")
    return out[_UNIQUE_COLUMNS].reset_index(drop=True)


def compare_sentences(
    articles: pd.DataFrame, sentences: pd.DataFrame, *, threshold: float = DEFAULT_THRESHOLD
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """``(aligned, best_matches, unique)`` from one similarity computation (see each function)."""
    sims = _similarities(articles, sentences)
    matches = best_matches(articles, sentences, _sims=sims)
    return (
        align_sentences(articles, sentences, threshold=threshold, _sims=sims),
        matches,
        unique_sentences(articles, sentences, threshold=threshold, matches=matches),
    )


# ---------------------------------------------------------------------------------------------
# Named entities and numbers
# ---------------------------------------------------------------------------------------------

_CAP = r"[A-Z][\w'’.\-]*"
_CAP_SEQUENCE = re.compile(rf"(?<![\w'’\-]){_CAP}(?:\s+(?:(?:of|for|de|von|der|al|bin)\s+)?{_CAP})*")
_NUMBER_WORDS = frozenset(
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions"]
)
_NUMBER_WORD_PATTERN = re.compile(r"(?i)(?<![\w\-])(?:" + "|".join(sorted(_NUMBER_WORDS)) + r")(?![\w\-])")
_CURRENCY = "$€£¥₹₽"
_POSSESSIVE = re.compile(r"['’]s?$")
_SENT_START_SKIP = re.compile(r"^[\s\"'“‘«(\[]*")


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _STOP) | frozenset(
        ["following", "given", "while", "during", "despite", "closer", "aware", "internationally", "additionally", "contrastingly", "instead", "meanwhile", "moreover", "furthermore", "yet", "still", "such", "both", "neither", "either", "earlier", "later", "recent", "latest", "this", "that", "these", "those"]
    )


def _is_common(word: str) -> bool:
    """True for a capitalised word that is probably just a sentence opener, not a name."""
    low = normalize_token(_POSSESSIVE.sub("", word))
    if low in _common_words() or low.endswith("ly"):
        return True
    return zipf_frequency(low) >= 4.0


def _clean_entity(surface: str) -> str:
    return _POSSESSIVE.sub("", surface.strip(" .-’'"))


_TITLES = frozenset(
    ["president", "prime", "minister", "chancellor", "secretary", "senator", "governor", "mayor", "king", "queen", "pope", "mr", "mrs", "ms", "dr", "gen", "general", "colonel", "commander", "ambassador", "spokesman", "spokeswoman", "spokesperson", "chairman", "former"]
)
_CALENDAR = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
)
_CONNECTORS = frozenset(["of", "for", "de", "von", "der", "al", "bin"])
_HYPHEN_ADJECTIVE = re.compile(r"^[A-Z][a-z]+[\-\u2010\u2011][a-z]")


def _is_title_case(text: str) -> bool:
    """A headline-style sentence: most of its words capitalised (names cannot be told apart)."""
    words = [w for _, _, w in word_spans(text) if w[0].isalpha() and len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.6


def _entity_spans(text: str, aliases: set[str]) -> list[tuple[int, int]]:
    """Spans of the named entities in one sentence (see ``named_items``)."""
    if _is_title_case(text):
        return []
    lead = m.end() if (m := _SENT_START_SKIP.match(text)) else 0  # the pattern always matches
    common = _common_words()
    spans: list[tuple[int, int]] = []
    for m in _CAP_SEQUENCE.finditer(text):
        chunk: list[tuple[int, int, str]] = []
        chunks: list[list[tuple[int, int, str]]] = []
        for w in re.finditer(r"\S+", m.group()):
            word, w0, w1 = w.group(), m.start() + w.start(), m.start() + w.end()
            low = normalize_token(_POSSESSIVE.sub("", word))
            if low in _TITLES:  # "UK Prime Minister Boris Johnson" -> "Boris Johnson"
                chunk = []
                continue
            chunk.append((w0, w1, word))
            if _POSSESSIVE.search(word) and len(word) > 2:  # "Russia's Kursk" -> "Russia", "Kursk"
                chunks.append(chunk)
                chunk = []
        chunks.append(chunk)
        for piece in chunks:
            # Drop leading function words ("The", "In"), a common sentence opener, and connectors.
            while piece:
                w0, _, word = piece[0]
                low = normalize_token(word)
                if _clean_entity(word) in aliases:
                    break
                if low in common or low in _CONNECTORS or (w0 == lead and _is_common(word)):
                    piece = piece[1:]
                    continue
                break
            while piece and normalize_token(piece[-1][2]) in _CONNECTORS:
                piece = piece[:-1]
            if not piece:
                continue
            surface = _clean_entity(text[piece[0][0]:piece[-1][1]])
            low = normalize_token(surface)
            if len(surface) < 2 or low in _CALENDAR or (len(piece) == 1 and _HYPHEN_ADJECTIVE.match(surface)):
                continue
            start = piece[0][0] + text[piece[0][0]:].index(surface)
            spans.append((start, start + len(surface)))
    return spans


def _not_names() -> frozenset[str]:
    return _cues().not_names


def named_items(
    sentences: pd.DataFrame, *, groups: pd.DataFrame | None = None, mentions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Named entities and numbers in each sentence, with normalised ``item`` keys.

    Columns ``article_id, sent_id, kind (entity|number), item, surface, start, end`` (offsets index
    the article body). Entities: capitalised word sequences, leading function words dropped ("The
    Russian Defense Ministry" -> "Russian Defense Ministry"), split after a possessive ("Russia's
    Kursk") and at personal titles ("UK Prime Minister Boris Johnson" -> "Boris Johnson"); a lone
    common word at a sentence's start ("However"), days and months, and headline-style Title Case
    sentences are skipped; words that are not names ("God", "Yes", "TV", "Delete") never count.
    Actor mentions (``analysis.actors.actor_mentions``, discovered and merged by alias, or
    ``mentions`` if given) are keyed by their actor, so "Obama", "Mr. Obama" and "Barack Obama"
    are one item; a capitalised sequence inside an actor mention is not a second item.
    Numbers: digits with their signs ("€5", "500%", "1,000" keyed as "1000") and number words.
    """
    if mentions is None:
        mentions = actor_mentions(sentences, groups=groups)
    by_sentence: dict[tuple[str, int], list[tuple[int, int, str, str]]] = {}
    for aid, sid, actor, alias, start, end in zip(
        mentions["article_id"].astype(str), mentions["sent_id"], mentions["actor"], mentions["alias"],
        mentions["start"], mentions["end"], strict=True,
    ):
        by_sentence.setdefault((aid, int(sid)), []).append((int(start), int(end), str(actor), str(alias)))
    not_names = _not_names()
    rows: list[tuple] = []
    for article_id, sent_id, offset, text in zip(
        sentences["article_id"].astype(str), sentences["sent_id"], sentences["start"], sentences["text"], strict=True
    ):
        known = by_sentence.get((article_id, int(sent_id)), [])
        for start, end, actor, alias in known:
            rows.append((article_id, sent_id, "entity", normalize_token(actor), alias, start, end))
        # overlap with a known mention by binary search (a scan per span was quadratic in a long sentence)
        spans = sorted((k0, k1) for k0, k1, _, _ in known)
        known_starts = [k0 for k0, _ in spans]
        reach = list(accumulate((k1 for _, k1 in spans), max))  # furthest end among the first i spans
        for start, end in _entity_spans(text, set()):
            a, b = offset + start, offset + end
            surface = text[start:end]
            i = bisect_left(known_starts, b)
            if (i > 0 and reach[i - 1] > a) or surface in not_names:
                continue
            if " " not in surface and zipf_frequency(normalize_token(surface)) >= 5.0:
                continue  # a common word with a capital, not a name
            rows.append((article_id, sent_id, "entity", normalize_token(surface), surface, a, b))
        for s0, s1, token in word_spans(text):
            if token[0].isdigit() or token[0] in _CURRENCY:
                rows.append((article_id, sent_id, "number", token.replace(",", "").lower(), token,
                             offset + s0, offset + s1))
        for m in _NUMBER_WORD_PATTERN.finditer(text):
            rows.append((article_id, sent_id, "number", m.group().lower(), m.group(),
                         offset + m.start(), offset + m.end()))
    out = pd.DataFrame(rows, columns=_ITEM_COLUMNS)
    return out.drop_duplicates(["article_id", "sent_id", "kind", "item", "start"]).reset_index(drop=True)


def omissions(
    articles: pd.DataFrame, sentences: pd.DataFrame, *, items: pd.DataFrame | None = None,
    groups: pd.DataFrame | None = None, mentions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Entities and numbers that one article mentions and no other does.

    An actor is missing from an article only when none of its aliases appears there ("Obama" in
    one article and "Barack Obama" in another are the same actor; see :func:`named_items`).

    Columns ``article_id, kind, item, surface, sent_id, present_in, absent_from`` (``sent_id`` of
    the first mention; ``present_in`` is that article, ``absent_from`` the list of all others, left
    empty beyond ``READABLE_ARTICLES`` articles, where it would be every other article for each of
    thousands of items).
    Empty when only one article is given: an omission needs something to be omitted from.
    """
    order = _article_order(articles, sentences)
    items = named_items(sentences, groups=groups, mentions=mentions) if items is None else items
    items = items[items["article_id"].isin(order)]
    if len(order) < 2 or items.empty:
        return pd.DataFrame(columns=_OMISSION_COLUMNS)
    spread = items.groupby(["kind", "item"])["article_id"].nunique()
    single = spread[spread == 1].reset_index()[["kind", "item"]]
    first = items.sort_values(["article_id", "sent_id", "start"]).merge(single, on=["kind", "item"])
    first = first.drop_duplicates(["article_id", "kind", "item"])
    first["present_in"] = [[a] for a in first["article_id"]]
    if len(order) <= READABLE_ARTICLES:
        first["absent_from"] = [[o for o in order if o != a] for a in first["article_id"]]
    else:  # every other article, for each of thousands of items: the square of the articles
        first["absent_from"] = [[] for _ in first["article_id"]]
    first["_rank"] = first["article_id"].map({a: i for i, a in enumerate(order)})
    first = first.sort_values(["_rank", "kind", "sent_id", "start"]).drop(columns="_rank")
    return first[_OMISSION_COLUMNS].reset_index(drop=True)
