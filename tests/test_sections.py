"""The comparison's sections as records (``analysis.sections``): one registry that compare()
computes from and the report shows from; limits read from a data file; nothing dropped silently."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import compare, load_corpus
from analysis.lexicon import LexiconError, use_lexicon_dir
from analysis.report import render_report
from analysis.sections import SECTIONS, Section, limits, section_names

EVENT = Path(__file__).parent / "fixtures" / "events" / "bridge-toll"
LEXICONS = Path(__file__).resolve().parents[1] / "analysis" / "lexicons"


@pytest.fixture(scope="module")
def comparison():
    return compare(*load_corpus(EVENT), progress=False)


def _nav(html: str) -> list[str]:
    nav = re.search(r"<nav>(.*?)</nav>", html, re.S)
    assert nav
    return re.findall(r'href="#([^"]+)"', nav.group(1))


def test_compare_computes_every_registered_section_in_order(comparison):
    assert list(comparison.sections) == section_names() == ["tone", "wording", "emphasis"]
    assert list(comparison.to_json())[2:] == section_names()


def test_report_shows_the_registry_in_order_with_each_sections_limits(comparison):
    html = comparison.to_html()
    assert _nav(html) == ["differ", "articles", *section_names(), "limits", "data"]
    limits_html = html[html.index('id="limits"'):]
    for section in SECTIONS:
        rows = limits(section.name)
        assert rows, f"no limits for {section.name}"
        for row in rows:
            assert row in limits_html
    assert limits("general")[0] in limits_html


def test_a_report_only_section_is_added_by_one_record(comparison):
    def sources_note(c) -> str:
        outlets = ", ".join(sorted(str(o) for o in c.articles["outlet"]))
        return f'<h2 id="notes">Reader notes</h2><p>Outlets: {outlets}</p>'

    html = render_report(comparison, sections=(*SECTIONS, Section("notes", "Reader notes", sources_note)))
    assert _nav(html)[-3:] == ["notes", "limits", "data"]
    assert "Reader notes</a>" in html and "<h2 id=\"notes\">" in html


def test_a_result_without_a_section_is_shown_as_its_tables_not_dropped(comparison):
    @dataclasses.dataclass
    class Extra:
        counts: pd.DataFrame

        def to_json(self):
            return {"counts": self.counts.to_dict(orient="records")}

    table = pd.DataFrame({"article_id": ["a"], "note": ["<script>alert(1)</script>"]})
    extended = dataclasses.replace(comparison, sections={**comparison.sections, "framing": Extra(table)})
    html = render_report(extended)
    assert "framing" in _nav(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    assert extended.to_json()["framing"] == {"counts": [{"article_id": "a", "note": "<script>alert(1)</script>"}]}


def test_limits_are_data_a_new_row_reaches_the_report(tmp_path, comparison):
    folder = tmp_path / "lexicons"
    shutil.copytree(LEXICONS, folder)
    with (folder / "report_limits.csv").open("a", encoding="utf-8") as handle:
        handle.write('Sarcasm,tone,"Irony reads as praise to every lexicon <here>.",project\n')
    with use_lexicon_dir(folder):
        html = comparison.to_html()
        assert "<b>Sarcasm</b> Irony reads as praise to every lexicon &lt;here&gt;." in html
    assert "Sarcasm" not in comparison.to_html()


def test_a_bad_placeholder_in_the_limits_file_names_the_file_and_row(tmp_path):
    folder = tmp_path / "lexicons"
    shutil.copytree(LEXICONS, folder)
    with (folder / "report_limits.csv").open("a", encoding="utf-8") as handle:
        handle.write('Broken,tone,"See {nothing_here}.",project\n')
    with use_lexicon_dir(folder), pytest.raises(LexiconError, match=r"report_limits\.csv: row \d+ .*placeholder"):
        limits("tone")


def test_the_voice_rule_is_stated_once_and_reaches_the_wording_limits():
    from analysis.voice import VOICE_RULE

    text = (LEXICONS / "report_limits.csv").read_text(encoding="utf-8")
    assert "{voice_rule}" in text and VOICE_RULE[:40] not in text
    assert any(VOICE_RULE[:40] in row for row in limits("wording"))


def test_sentences_are_aligned_once_per_comparison_for_every_section(monkeypatch):
    import analysis.alignment as alignment

    calls = []
    original = alignment._similarities

    def counting(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(alignment, "_similarities", counting)
    result = compare(*load_corpus(EVENT), progress=False)
    assert len(calls) == 1
    # The contrast pairs (wording) and the aligned table (emphasis) read the same alignment.
    aligned = result.emphasis.aligned
    if len(result.wording.contrasts):
        pairs = set(zip(aligned["a_id"], aligned["a_sent_id"], aligned["b_id"], aligned["b_sent_id"], strict=True))
        for row in result.wording.contrasts.itertuples():
            assert (row.a_id, row.a_sent_id, row.b_id, row.b_sent_id) in pairs


def test_the_content_finding_counts_one_pair_in_the_singular():
    from analysis.inputs import articles_from_texts
    from analysis.report_sections import differences

    shared = "The city council voted on Tuesday to close the Elm Street library after a long debate."
    one = compare(*articles_from_texts({
        "a": f"{shared} Residents packed the hall and many left angry. The mayor said the budget left no other choice.",
        "b": f"{shared} A new cafe opened downtown the same week. Shoppers praised its pastries and low prices.",
    }), progress=False)
    content = [line for line in differences(one) if line.startswith("Content:")]
    assert content == ["Content: 1 sentence pair covers the same ground; sentences with no counterpart in another "
                       "article: a 2 of 3, b 2 of 3."]


def test_quoted_speakers_in_the_summary_are_counted_by_actor():
    """A columnist quoted as "Sullivan" and as "Margaret Sullivan" is one speaker in the summary."""
    from analysis.inputs import articles_from_texts
    from analysis.report_sections import differences

    column = ("Media critic Margaret Sullivan took aim at the network on Sunday. “This is a disgraceful, shameful "
              "hoax,” Sullivan wrote in her column. The network did not respond. “It is outrageous propaganda,” "
              "Margaret Sullivan added later, calling the coverage reckless.")
    network = ("The network defended its coverage on Sunday. A spokesman said the segment was accurate and fair. "
               "Viewers were split, a poll found.")
    both = compare(*articles_from_texts({"column": column, "network": network}), progress=False)
    wording = [line for line in differences(both) if line.startswith("Wording in column")]
    assert len(wording) == 1 and wording[0].endswith("said by Margaret Sullivan (5).")


def test_the_reports_heading_shows_short_titles_and_the_articles_section_the_whole():
    """Articles without a headline are titled by their first line (up to 200 characters); the
    heading cuts each at a word, so two of them do not fill a phone's screen."""
    from analysis.inputs import articles_from_texts

    first = ("Several media outlets are reporting that the council voted to close the Elm Street library "
             "after a long debate in which residents packed the hall and many left angry at the result.\n"
             "The mayor said the budget left no other choice.")
    second = ("The city council on Tuesday approved a plan that closes the Elm Street library, ending a "
              "year of argument over the branch and its staff, who will move to the main library downtown.\n"
              "Residents were divided.")
    html = render_report(compare(*articles_from_texts({"a": first, "b": second}), progress=False))
    heading = re.search(r"<h1>(.*?)</h1>", html, re.S)
    assert heading
    shown = re.findall(r"“(.*?)”", heading.group(1))
    assert len(shown) == 2 and all(len(t) <= 80 and t.endswith("…") for t in shown)
    assert shown[0] == "Several media outlets are reporting that the council voted to close the Elm…"
    assert first.splitlines()[0][:150] in html  # the whole title, in the articles section


def test_the_driving_words_chart_has_a_one_column_layout_for_phones(comparison):
    """Side by side, each article's panel is a third of a phone's width: under 600 px the page
    shows the same chart with the panels stacked (a <picture> source), and every other width the
    wide one."""
    import base64

    html = render_report(comparison)
    pictures = re.findall(r'<picture><source media="\(max-width:600px\)" srcset="data:image/svg\+xml;base64,([^"]+)">'
                          r'<img src="data:image/svg\+xml;base64,([^"]+)" alt="([^"]+)"></picture>', html)
    assert len(pictures) == 1
    narrow, wide, alt = pictures[0]
    assert "TextBlob score" in alt

    def size(data: str) -> tuple[float, float]:
        svg = base64.b64decode(data).decode("utf-8")
        found = re.search(r'<svg[^>]*width="([\d.]+)pt" height="([\d.]+)pt"', svg)
        assert found
        return float(found.group(1)), float(found.group(2))

    (narrow_w, narrow_h), (wide_w, wide_h) = size(narrow), size(wide)
    assert narrow_w < wide_w and narrow_h > wide_h  # one column: narrower and taller


def test_the_tone_line_says_small_or_wide_by_the_spread():
    """The caveat fits the spread: a small one is no sign of the same framing; a wide one may come
    from what each article covers."""
    from analysis.inputs import articles_from_texts
    from analysis.report_sections import WIDE_TONE_SPREAD, differences

    close = compare(*articles_from_texts({
        "a": "The council met on Tuesday and voted to close the library. Residents said they were sad.",
        "b": "The council voted on Tuesday to close the library. Some residents were unhappy with it.",
    }), progress=False)
    apart = compare(*articles_from_texts({
        "a": "The new park is wonderful, a beautiful and happy place that families love and enjoy.",
        "b": "The council voted on Tuesday to close the library after a long and bitter debate.",
    }), progress=False)
    for comparison, wide in ((close, False), (apart, True)):
        polarity = comparison.sections["tone"].articles["polarity"]
        assert (polarity.max() - polarity.min() >= WIDE_TONE_SPREAD) == wide
        tone = next(line for line in differences(comparison) if line.startswith("Tone:"))
        assert ("A spread this wide" in tone) == wide and ("A small spread" in tone) != wide
