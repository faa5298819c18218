"""Cues only where the word is used in the sense its lexicon means: a month is not a hedge, and a
reporting verb with a plain noun-phrase object ("maintain the loyalty of") is not attribution."""

from __future__ import annotations

import pytest

from analysis import loaded_language


def categories(text: str, word: str) -> list[str]:
    cues = loaded_language(text)
    return list(cues.loc[cues["term"].str.lower() == word.lower(), "category"])


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("An earlier meeting in Istanbul in May saw Moscow and Kyiv agree to exchange drafts.", "May"),
        ("The council will vote again on 12 May, officials said.", "May"),
        ("Talks ended, and Theresa May told reporters she would return.", "May"),
        ("The actor Will Smith did not attend the premiere in London.", "Will"),
    ],
)
def test_capitalised_name_or_month_is_not_a_hedge_or_booster(text, word):
    assert not {"hedge", "booster"} & set(categories(text, word))


@pytest.mark.parametrize(
    "text",
    [
        "The talks may resume next week, diplomats said.",
        "May the talks resume soon? Nobody in Istanbul could say.",
    ],
)
def test_modal_may_stays_a_hedge(text):
    assert "hedge" in categories(text, "may")


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Moscow must maintain the loyalty of its allies in Central Asia.", "maintain"),
        ("The army maintained a ceasefire along the river until Friday.", "maintained"),
        ("The council struggled to maintain the pace of repairs.", "maintain"),
        ("The flood claimed the lives of twelve villagers on Sunday.", "claimed"),
    ],
)
def test_verb_with_a_noun_phrase_object_is_not_attribution(text, verb):
    assert "attribution" not in categories(text, verb)


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("The ministry maintained that the strike had failed.", "maintained"),
        ("The Kremlin maintained the offensive was defensive.", "maintained"),
        ("Russia claimed the attack failed to reach its target.", "claimed"),
        ("The ministry claimed the destruction of 40 aircraft.", "claimed"),
        ("Critics claim the plan is too costly for the city.", "claim"),
    ],
)
def test_reporting_sense_stays_attribution(text, verb):
    assert categories(text, verb) == ["attribution"]
