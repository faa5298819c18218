"""Page furniture is recognised by kind, on variants written here, and kept as provenance."""

from __future__ import annotations

import pytest

from analysis.boilerplate import clean_text, syndicators

ARTICLE = (
    "Talks resume in Geneva\n"
    "Negotiators met on Tuesday for a third round of talks, officials said.\n"
    "The meeting lasted four hours and ended without a joint statement."
)


@pytest.mark.parametrize(
    ("furniture", "kind"),
    [
        ("Similar Posts", "related"),
        ("Related Articles:", "related"),
        ("Read more: Ceasefire collapses in the east", "related"),
        ("Read more about the talks", "related"),
        ("More from Europe", "related"),
        ("You may also like", "related"),
        ("ADVERTISEMENT", "related"),
        ("Share this:", "social"),
        ("Facebook | Twitter | Email", "social"),
        ("Subscribe to our newsletter for daily updates", "social"),
        ("Follow us on Telegram", "social"),
        ("Sign up", "social"),
        ("Newsletter:", "social"),
        ("By Jane Doe and John Smith, Reuters", "byline"),
        ("Reporting by Anna Petrova; Editing by Mark Heinrich", "byline"),
        ("Published: June 3, 2025 10:31 am", "byline"),
        ("Photo: Getty Images", "credit"),
        ("Getty Images", "credit"),
        ("© 2025 Example News Ltd. All rights reserved.", "disclaimer"),
        ("Copyright 2025 Example Media", "copyright"),
        ("This article was originally published by Example Wire.", "disclaimer"),
    ],
)
def test_furniture_line_is_removed(furniture, kind):
    cleaned = clean_text(f"{ARTICLE}\n{furniture}")
    assert cleaned.body == ARTICLE
    assert [(b.kind, b.text) for b in cleaned.removed] == [(kind, furniture)]


def test_hard_wrapped_disclaimer_goes_whole():
    text = (
        f"{ARTICLE}\nLegal Disclaimer:\nExampleWire provides the\ninformation “as is” without warranty "
        "of any kind. We do not accept\nany responsibility for the accuracy of the\ninformation contained "
        "in this article.\nDisclaimer:\nOtherNet provides this news content \"as is\" without warranty "
        "of any kind."
    )
    cleaned = clean_text(text)
    assert cleaned.body == ARTICLE
    kinds = [b.kind for b in cleaned.removed]
    assert kinds == ["disclaimer", "disclaimer"]
    assert "accuracy of the information contained" in cleaned.removed[0].text
    assert syndicators(cleaned.removed) == ["ExampleWire", "OtherNet"]


def test_pointer_glued_to_last_sentence():
    cleaned = clean_text(ARTICLE + "Similar Posts")
    assert cleaned.body == ARTICLE
    assert cleaned.removed[0].kind == "related"


def test_repeated_paragraph_removed_the_second_time():
    para = "Negotiators met on Tuesday for a third round of talks, officials said."
    cleaned = clean_text(f"{ARTICLE}\n\n{para}")
    assert cleaned.body == ARTICLE
    assert [b.kind for b in cleaned.removed] == ["repeated"]


@pytest.mark.parametrize(
    "prose",
    [
        "By Tuesday the two sides had agreed to meet again in a week's time, officials said.",
        "Share prices fell sharply after the announcement, traders said.",
        "Read the full statement, the minister told reporters, and you will see our position.",
        "Photographs taken at the scene show damaged aircraft on the runway.",
        "The disclaimer added to the treaty was itself disputed by both parties.",
        "By late afternoon, the talks had collapsed.",
        "From Moscow, the view is different.",
        "By Monday, Ukraine had struck again.",
        "More on the ceasefire talks is expected on Tuesday.",
        "Watch next week's vote closely, analysts said.",
        "Subscribers to the service fell by a third, the company said.",
        "Signing up new recruits has become harder, officers say.",
    ],
)
def test_prose_that_resembles_furniture_is_kept(prose):
    cleaned = clean_text(f"{ARTICLE}\n{prose}")
    assert cleaned.body.endswith(prose)
    assert cleaned.removed == []


def test_seed_second_article(seed_articles):
    second = seed_articles.set_index("article_id").loc["002_f4a7d9bc57f2e899"]
    disclaimers = [b for b in second.boilerplate if b["kind"] == "disclaimer"]
    assert len(disclaimers) == 2
    assert "Disclaimer" not in second.body and "kindly" not in second.body and "warranty" not in second.body
    assert second.syndicators == ["MENAFN", "EIN Presswire"]


def test_seed_first_article_has_no_similar_posts(seed_articles):
    first = seed_articles.set_index("article_id").loc["000_05732b7640654d32"]
    assert not first.body.rstrip().endswith("Similar Posts")
    assert first.body.rstrip().endswith("unwinnable.")
