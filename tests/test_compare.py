"""compare(): the design's JSON contract on the seeds, three articles end to end, the HTML report."""

from __future__ import annotations

import json
import re
import warnings

import pytest

from analysis import present
from analysis.alignment import NEIGHBOURS
from analysis.compare import compare
from analysis.corpus import CorpusError
from analysis.inputs import articles_from_texts, load_corpus
from analysis.paths import CORPUS_DIR, DEFAULT_EVENT
from tests.conftest import SEED_FIRST, SEED_SECOND

WIRE = (
    "Drone strikes hit Russian air bases as talks resume\n"
    "Ukraine said on Sunday its drones struck several Russian air bases, including one in Siberia. "
    "Russia's defence ministry said it repelled some of the attacks and that others caused limited damage. "
    "Delegations from Russia and Ukraine met in Istanbul on Monday for a second round of direct talks. "
    "They agreed to exchange prisoners, officials said."
)


@pytest.fixture(scope="module")
def seed_json():
    return compare(*load_corpus(DEFAULT_EVENT)).to_json()


def by_article(rows, key="article_id"):
    out = {}
    for row in rows:
        out.setdefault(row[key], []).append(row)
    return out


def test_json_is_strict_and_has_every_section(seed_json):
    text = json.dumps(seed_json, allow_nan=False)
    assert json.loads(text)["schema"] == "source-bias-comparison/1"
    assert set(seed_json) >= {"schema", "articles", "tone", "wording", "emphasis"}
    assert set(seed_json["tone"]) >= {"articles", "sentences", "actors"}
    assert set(seed_json["wording"]) >= {"distinctive", "cues"}
    assert set(seed_json["emphasis"]) >= {"actors", "sources", "aligned", "unique"}


def test_tone_on_seeds(seed_json):
    tone = {a["article_id"]: a for a in seed_json["tone"]["articles"]}
    assert abs(tone[SEED_SECOND]["polarity"] - 0.02) < 0.005  # cleaned, not 0.078
    assert tone[SEED_SECOND]["polarity"] < tone[SEED_SECOND]["polarity_with_boilerplate"]
    assert "masterstroke" in tone[SEED_FIRST]["unscored_loaded"]
    assert "symbolic" in tone[SEED_SECOND]["unscored_loaded"]
    for row in tone.values():
        assert row["driving_words"] and row["vader_compound"] is not None
    actors = {(r["article_id"], r["actor"]): r for r in seed_json["tone"]["actors"]}
    for article in (SEED_FIRST, SEED_SECOND):
        for actor in ("Ukraine", "Russia", "United States", "Europe"):
            assert actors[(article, actor)]["n_sentences"] >= 1


def test_wording_on_seeds(seed_json):
    bodies = {a["article_id"]: a["body"] for a in seed_json["articles"]}
    cues = seed_json["wording"]["cues"]
    for cue in cues:
        assert bodies[cue["article_id"]][cue["start"] : cue["end"]] == cue["term"]
        assert 0.0 <= cue["score"] <= 1.0 and cue["why"]
    found = {(c["article_id"], c["term"].lower(), c["category"], c["stance"]) for c in cues}
    assert (SEED_FIRST, "masterstroke", "loaded", None) in found
    assert (SEED_SECOND, "symbolic", "loaded", None) in found
    assert (SEED_SECOND, "claimed", "attribution", "doubt") in found
    assert any(a == SEED_SECOND and t == "reportedly" and c == "hedge" for a, t, c, _ in found)
    assert any(a == SEED_SECOND and t == "believed to be" and c == "hedge" for a, t, c, _ in found)
    assert any(a == SEED_SECOND and t == "kharkov" and c == "naming" for a, t, c, _ in found)


def test_emphasis_on_seeds(seed_json):
    emphasis = seed_json["emphasis"]
    actors = {(r["article_id"], r["actor"]): r for r in emphasis["actors"]}
    for article in (SEED_FIRST, SEED_SECOND):
        for actor in ("Ukraine", "Russia", "United States", "Europe"):
            assert 0 < actors[(article, actor)]["share"] <= 1
    assert any(
        s["article_id"] == SEED_SECOND and "Defense Ministry" in s["source"] and s["verb"] == "claimed"
        for s in emphasis["sources"]
    )
    assert emphasis["aligned"]
    unique = by_article(emphasis["unique"])
    assert any("tariff" in u["text"] for u in unique[SEED_FIRST])
    assert any("Boris Johnson" in u["text"] for u in unique[SEED_SECOND])


def test_three_articles_end_to_end():
    seeds, _ = load_corpus(DEFAULT_EVENT)
    texts = {row.article_id: row.body for row in seeds.itertuples()}
    texts["wire"] = WIRE
    articles, sentences = articles_from_texts(texts)
    comparison = compare(articles, sentences)
    data = json.loads(json.dumps(comparison.to_json(), allow_nan=False))
    ids = set(articles.article_id)
    assert len(ids) == 3
    assert {a["article_id"] for a in data["tone"]["articles"]} == ids
    assert {a["article_id"] for a in data["emphasis"]["actors"]} == ids
    assert {c["article_id"] for c in data["wording"]["cues"]} == ids
    assert {d["article_id"] for d in data["wording"]["distinctive"]} == ids
    pairs = {(r["a_id"], r["b_id"]) for r in data["emphasis"]["aligned"]}
    assert any("wire" in pair for pair in pairs)
    page = comparison.to_html()
    for article_id in ids:
        assert article_id in page


def test_lesson_pair_compares():
    comparison = compare(*load_corpus(CORPUS_DIR / "lesson-coal-plant-vote"))
    data = comparison.to_json()
    assert len(data["articles"]) == 2
    terms = {c["term"].lower() for c in data["wording"]["cues"]}
    assert {"claims", "reportedly"} <= terms


PAYLOADS = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
]


def test_html_report_escapes_article_text():
    hostile = {
        "hostile": "Officials <script>alert('x')</script> said the talks failed.\n"
        'A witness <img src=x onerror="alert(1)"> claimed the strike was a masterstroke. '
        'Critics said "><svg onload=alert(1)> nothing.',
        "calm": "Officials said the talks continued on Monday. The delegations met in Istanbul and agreed to "
        "exchange prisoners, a spokesman said.",
    }
    page = compare(*articles_from_texts(hostile)).to_html()
    assert "<script" not in page.lower()
    assert not re.search(r"<img[^>]*onerror", page, re.I)
    assert not re.search(r"<svg", page, re.I)
    assert "&lt;script&gt;" in page
    assert "onerror=" in page  # the text is shown, escaped


def test_html_report_is_self_contained(seed_json):
    page = compare(*load_corpus(DEFAULT_EVENT)).to_html()
    assert not re.search(r"""(src|href)=["']https?://""", page)
    assert "<script" not in page.lower()
    assert page.count("data:image/svg+xml;base64,") >= 8
    for anchor in ("differ", "articles", "tone", "wording", "emphasis", "limits"):
        assert f'id="{anchor}"' in page
    assert len(page.encode()) < 3 * 1024 * 1024


def test_one_article_is_refused_clearly():
    articles, sentences = articles_from_texts({"only": WIRE})
    with pytest.raises(CorpusError, match="needs at least 2 different articles; found one article"):
        compare(articles, sentences)


def test_many_articles_give_a_pointer_not_a_wall(monkeypatch):
    """Compare scaling (issue 15, finding 8): past READABLE_ARTICLES the summary and the report
    show one row an article and point to corpus-scale features(); the JSON keeps every table."""
    from analysis.scale import synthetic_corpus

    seeds = [p.read_text(encoding="utf-8") for p in sorted(DEFAULT_EVENT.glob("*.txt"))]
    records = list(synthetic_corpus(seeds, n_articles=14, sentences=(3, 5), seed=3))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles, sentences = articles_from_texts({str(r["article_id"]): str(r["body"]) for r in records})
    monkeypatch.setattr(present, "READABLE_ARTICLES", 5)
    comparison = compare(articles, sentences)
    summary = comparison.summary()
    assert "features()" in summary and f"and {len(articles) - 5} more" in summary
    assert len(summary.splitlines()) < 20
    page = comparison.to_html()
    assert "features()" in page and "<img" not in page
    assert len(comparison.to_json()["articles"]) == len(articles)
    # pairwise alignment stays bounded: each article is aligned with its nearest few only
    pairs = comparison.emphasis.best_matches[["article_id", "other_id"]].drop_duplicates()
    assert len(pairs) <= 2 * len(articles) * NEIGHBOURS
