"""Voice: quotations, their speakers, and the narrator's voice around them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.text import sentence_spans
from analysis.voice import NARRATOR, QUOTED, quotations, quotes_frame, voice_at

MARKS = "\"“”«»‘’"


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(text[q.start:q.end], q.kind, q.speaker) for q in quotations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # '"…," said X' and '"…," X said', with an apposition and a role before the name
        ('The deal is "a disgrace," said Senator Jane Roe. Critics said that it was rushed.',
         [("a disgrace,", "direct", "Senator Jane Roe"), ("it was rushed", "reported", "Critics")]),
        ("“It is dishonest,” said Sarah Jones, a spokeswoman for the party, on Tuesday.",
         [("It is dishonest,", "direct", "Sarah Jones")]),
        ("“We will respond,” Kremlin spokesman Dmitry Peskov told reporters on Monday. “The attack was a provocation.”",
         [("We will respond,", "direct", "Kremlin spokesman Dmitry Peskov"),
          ("The attack was a provocation.", "direct", "Kremlin spokesman Dmitry Peskov")]),
        # 'X said: "…"' and a pronoun resolved to the last named speaker in the next paragraph
        ("Peskov said: “The strike was terrorism. We will not forget it.”\n“Our answer will come,” he added.",
         [("The strike was terrorism. We will not forget it.", "direct", "Peskov"),
          ("Our answer will come,", "direct", "Peskov")]),
        # reported speech with a clear attribution
        ("The strike was a masterstroke, according to Ukrainian officials.",
         [("The strike was a masterstroke", "reported", "Ukrainian officials")]),
        ("According to the ministry, 41 aircraft were hit.",
         [("41 aircraft were hit", "reported", "the ministry")]),
        ("The talks failed, officials said.", [("The talks failed", "reported", "officials")]),
        # "in" and a place go on the speaker's name; a month does not
        ("Planned Parenthood in Ohio has announced that it will close two clinics.",
         [("it will close two clinics", "reported", "Planned Parenthood in Ohio")]),
        ("Mexican officials in Washington warned on Monday that the tariffs would hurt both sides.",
         [("the tariffs would hurt both sides", "reported", "Mexican officials in Washington")]),
        ("“We have not slowed down,” Wheeler in August told the committee.",
         [("We have not slowed down,", "direct", None)]),
        # an apposition holds an age and "City, State"; a comma before another name ends it
        ("Ken Brown, 68, a retired engineer in Durham, NC, said that the plant would close.",
         [("the plant would close", "reported", "Ken Brown")]),
        ("Judge Nancy Tanner, the top official in Potter County, Texas, said that the county needs workers.",
         [("the county needs workers", "reported", "Judge Nancy Tanner")]),
        ("In a speech in Florida, Pelosi, D-Calif., asserted: “This is an emergency.”",
         [("This is an emergency.", "direct", "Pelosi")]),
        ("On Monday, a diocese spokeswoman, Carolyn Cronin, told reporters that the talks were over.",
         [("the talks were over", "reported", "Carolyn Cronin")]),
        # a speaker who names something with a quoted label
        ("President Trump called the report “fake news” on Tuesday.",
         [("fake news", "direct", "President Trump")]),
        # a scare quote or term: quoted, nobody named
        ("The so-called “peace plan” was criticised by both sides.", [("peace plan", "phrase", None)]),
        # a quoted resolution without a speech verb: quoted, speaker unknown
        ('The resolution condemned "illegal immigrants who flood our borders" and passed 52-48.',
         [("illegal immigrants who flood our borders", "direct", None)]),
        # block quotation
        ("> The border is a crisis of our own making.\nThe editorial went on.",
         [("The border is a crisis of our own making.", "block", None)]),
        # an inch mark is not a quotation
        ('The senator, who is 6\'2", spoke first.', []),
        # apostrophes are not single quotation marks; a curly single-quoted term is
        ("Kyiv’s drones hit the ‘spiderweb’ of airfields.", [("spiderweb", "phrase", None)]),
    ],
)
def test_quotations_and_speakers(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an initialism inside the reported clause does not end it (a cheap splitter kept "D.C")
        ("Ernst said that D.C. bureaucrats are supposed to work for the American people.",
         [("D.C. bureaucrats are supposed to work for the American people", "reported", "Ernst")]),
        ("The ACLU said that at least 10 students had been denied entry at U.S. airports since August.",
         [("at least 10 students had been denied entry at U.S. airports since August", "reported", "The ACLU")]),
        # a date between the verb and "that" keeps the attribution in one sentence
        ("USA Gymnastics announced Jan. 30 that it was offering the survivors $215 million.",
         [("it was offering the survivors $215 million", "reported", "USA Gymnastics")]),
        # a title is part of the speaker's name, not the end of a sentence
        ("The tariffs will hurt farmers across the Midwest, according to Iowa Sen. Chuck Grassley.",
         [("The tariffs will hurt farmers across the Midwest", "reported", "Iowa Sen. Chuck Grassley")]),
        ("The outbreak was fueled by misinformation, said Dr. Oxiris Barbot.",
         [("The outbreak was fueled by misinformation", "reported", "Dr. Oxiris Barbot")]),
        # a speaker named before a direct quotation is read from the start of its sentence
        ('Sen. Elizabeth Warren, D-Mass., tweeted, "Gun violence is an emergency."',
         [("Gun violence is an emergency.", "direct", "Sen. Elizabeth Warren")]),
        ('Speaking to reporters, Trump said the U.S. would "suspend all travel from Europe for 30 days."',
         [("suspend all travel from Europe for 30 days.", "direct", "Trump")]),
        ("Online, however, the mother claimed Dr. Miller's report offered \"proof\" of the harm.",
         [("proof", "direct", "the mother")]),
        ("J. Miles Coleman of the University of Virginia said the governor was \"lucky\" this time.",
         [("lucky", "direct", "J. Miles Coleman of the University of Virginia")]),
        ("Rep. Jane Roe wrote:\n> We will rebuild the bridge.", [("We will rebuild the bridge.", "block", "Rep. Jane Roe")]),
        ("The mayor left early.\n> We will rebuild the bridge.", [("We will rebuild the bridge.", "block", None)]),
        # a speaker never begins inside an initialism ("S. government officials"), and an initialism
        # is one word of a speaker's name ("U.S. Attorney", not "U.")
        ("Current and former U.S. government officials testified that the president directed them to act.",
         [("the president directed them to act", "reported", "former U.S. government officials")]),
        ('"We will appeal the ruling," said U.S. Attorney Andrew Lelling.',
         [("We will appeal the ruling,", "direct", "U.S. Attorney Andrew Lelling")]),
        ("The report was delayed by two weeks, according to the U.S. Bureau of Labor Statistics.",
         [("The report was delayed by two weeks", "reported", "the U.S. Bureau of Labor Statistics")]),
        # a word opening the clause is not part of the speaker's name
        ("While President George W. Bush said that taxes would fall, the deficit grew.",
         [("taxes would fall, the deficit grew", "reported", "President George W. Bush")]),
        ("As former Labor Secretary Robert Reich noted that wages had stalled, the debate moved on.",
         [("wages had stalled, the debate moved on", "reported", "former Labor Secretary Robert Reich")]),
    ],
)
def test_attributions_are_read_in_the_projects_sentences(text, expected):
    assert found(text) == expected


def test_unclosed_quotation_runs_to_the_end_of_its_paragraph_and_continues():
    text = (
        "The mayor, Ana Ruiz, said: “We were told the water was safe. It was not.\n"
        "“We will sue the state,” she added.\n"
        "The state has not responded."
    )
    quotes = quotations(text)
    assert [(text[q.start:q.end], q.speaker) for q in quotes] == [
        ("We were told the water was safe. It was not.", "Ana Ruiz"),
        ("We will sue the state,", "Ana Ruiz"),
    ]
    last = text.index("responded")
    assert voice_at(quotes, [text.index("safe"), last]) == [(QUOTED, "Ana Ruiz"), (NARRATOR, None)]


def test_a_stray_closing_mark_or_a_second_opener_does_not_swallow_narration():
    text = "He left.” The vote was a historic betrayal, “ the crowd “ cheered loudly."
    quotes = quotations(text)
    assert voice_at(quotes, [text.index("historic")]) == [(NARRATOR, None)]
    assert all(q.start >= text.index("the crowd") for q in quotes)


def test_continuation_paragraph_takes_the_speaker_of_the_quotation_it_continues():
    text = (
        "“The border is open,” said Governor Tom Hale. “Anyone can walk across.\n"
        "“Nobody in Washington cares.”\n"
    )
    quotes = quotations(text)
    assert [q.speaker for q in quotes] == ["Governor Tom Hale"] * 3


def test_realistic_paragraph_narrator_and_quoted_loaded_words():
    text = (
        "Republicans pushed through a sweeping bill on Thursday. "
        "“This is a dishonest and shameful stunt,” said Democratic spokesman Mark Lee. "
        "Supporters argued that the measure was a historic victory for families.\n"
        "The bill now goes to the Senate."
    )
    quotes = quotations(text)
    words = ["sweeping", "dishonest", "shameful", "historic", "Senate"]
    voices = voice_at(quotes, [text.index(w) for w in words])
    assert voices == [
        (NARRATOR, None),
        (QUOTED, "Democratic spokesman Mark Lee"),
        (QUOTED, "Democratic spokesman Mark Lee"),
        (QUOTED, "Supporters"),
        (NARRATOR, None),
    ]


def test_quotes_frame_columns_and_offsets():
    text = "“We will win,” the minister said."
    frame = quotes_frame(text)
    assert list(frame.columns) == ["start", "end", "kind", "speaker", "speaker_mention", "speaker_start",
                                   "speaker_end", "verb"]
    row = frame.iloc[0]
    assert text[row["start"]:row["end"]] == "We will win,"
    assert text[row["speaker_start"]:row["speaker_end"]] == row["speaker_mention"] == "the minister"
    assert row["verb"] == "said"
    assert quotes_frame("No quotation here at all.").empty


def test_voice_at_accepts_the_text_itself():
    text = "“Enough,” she said."
    assert voice_at(text, [1, len(text) - 2]) == [(QUOTED, "she"), (NARRATOR, None)]


def test_pathological_marks_stay_linear_and_bounded():
    text = ("“" * 5000 + "a " * 5000 + '"' * 5001 + " said he" * 2000 + "\n") * 3
    quotes = quotations(text)
    assert all(0 <= q.start <= q.end <= len(text) for q in quotes)


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------

_pieces = st.sampled_from(
    ['"', "“", "”", "‘", "’", "«", "»", "> ", "\n", "\n\n", " ", ", ", ". ", ": ", "said", " said ", "told reporters",
     "according to ", "Peskov", "the minister", "he", "officials", "that ", "We will win", "a disgrace", "Kyiv’s",
     "D-Calif.", "(JPL)", "x"]
)
texts = st.lists(_pieces, max_size=60).map("".join) | st.text(max_size=300)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_offsets_index_the_text_and_spans_do_not_overlap(text):
    quotes = quotations(text)
    inner = [q for q in quotes if q.kind != "reported"]
    outer = [q for q in quotes if q.kind == "reported"]
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert q.kind in ("direct", "block", "phrase", "reported")
        if q.speaker_start >= 0:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_mention
            assert q.speaker is not None
        else:
            assert q.speaker_mention is None
        if q.kind in ("direct", "phrase"):
            assert text[q.start - 1] in MARKS
            assert not re.search(r"\n[ \t]*\n", text[q.start:q.end])  # never crosses a paragraph
    for group in (inner, outer):
        ordered = sorted(group, key=lambda q: q.start)
        for a, b in zip(ordered, ordered[1:], strict=False):
            assert a.end <= b.start


@settings(max_examples=200, deadline=None)
@given(texts)
def test_without_quotation_marks_only_reported_speech_is_quoted(text):
    plain = "".join(c for c in text if c not in MARKS and c != ">")
    assert all(q.kind == "reported" for q in quotations(plain))


@settings(max_examples=200, deadline=None)
@given(texts, st.lists(st.integers(min_value=0, max_value=400), max_size=10))
def test_voice_at_agrees_with_the_spans(text, positions):
    quotes = quotations(text)
    for pos, (voice, speaker) in zip(positions, voice_at(quotes, positions), strict=True):
        containing = [q for q in quotes if q.start <= pos < q.end]
        assert (voice == QUOTED) == bool(containing)
        if containing:
            innermost = min(containing, key=lambda q: q.end - q.start)
            assert speaker == innermost.speaker


@settings(max_examples=200, deadline=None)
@given(texts)
def test_sentences_already_made_give_the_same_quotations(text):
    assert quotations(text, sentences=sentence_spans(text)) == quotations(text)


def test_sentences_already_made_give_the_same_quotations_on_articles(seed_articles):
    for body in seed_articles["body"]:
        assert quotations(body, sentences=sentence_spans(body)) == quotations(body)
