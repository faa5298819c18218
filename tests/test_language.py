"""Other languages: detected (front matter overrides), said in one line, and measured only where a
measure holds in any language — never English tone, cue or naming figures, never function words as cues."""

from __future__ import annotations

import subprocess
import sys

import pytest

from analysis import CorpusWarning, articles_from_texts, compare, load_corpus
from analysis.cli import main
from analysis.inputs.language import detect_language, english_only_tables, normalise_language

ENGLISH = (
    "The Old Mill Bridge closed on Monday after engineers found deep cracks in two of its piers. "
    "Residents were furious and claimed the council had ignored warnings for years. The council "
    "leader said the decision was unavoidable and that a shuttle bus would run from Wednesday."
)
GERMAN = (
    "Die Alte Mühlbrücke ist seit Montag gesperrt, nachdem Ingenieure tiefe Risse in zwei Pfeilern "
    "gefunden hatten. Die Anwohner sind empört und werfen dem Stadtrat vor, Warnungen jahrelang "
    "ignoriert zu haben. Der Bürgermeister sagte, die Entscheidung sei unvermeidlich gewesen, und ab "
    "Mittwoch fahre ein Pendelbus zwischen den beiden Ufern. Die Reparatur soll neun Monate dauern."
)
RUSSIAN = (
    "Старый мельничный мост закрыт с понедельника после того, как инженеры обнаружили глубокие "
    "трещины в двух опорах. Жители возмущены и утверждают, что городской совет годами игнорировал "
    "предупреждения. Глава совета заявил, что решение было неизбежным, а со среды между берегами "
    "будет курсировать бесплатный автобус. Ремонт займёт не менее девяти месяцев."
)
FUNCTION_WORDS = {"der", "die", "das", "den", "dem", "ein", "eine", "und", "zu", "in", "и", "в", "с", "что", "не", "а"}


@pytest.mark.parametrize(("text", "code"), [(ENGLISH, "en"), (GERMAN, "de"), (RUSSIAN, "ru")])
def test_detects_the_language(text, code):
    assert detect_language(text) == code


@pytest.mark.parametrize(("value", "code"), [("en-GB", "en"), ("German", "de"), ("DE", "de"), ("", "")])
def test_normalise_language(value, code):
    assert normalise_language(value) == code


@pytest.mark.parametrize("other", [GERMAN, RUSSIAN])
def test_no_english_figures_for_another_language(other):
    with pytest.warns(CorpusWarning, match=r"only length, structure, quotes and alignment are measured"):
        articles, sentences = articles_from_texts({"english": ENGLISH, "other": other})
    comparison = compare(articles, sentences, progress=False)
    assert list(comparison.articles.language) == ["en", detect_language(other)]
    tables = comparison.tables()
    for name in english_only_tables():
        if "article_id" in tables[name].columns and name != "tone_articles":
            assert "other" not in set(tables[name]["article_id"]), name
    cues = comparison.wording.cues
    assert not set(cues.term.str.lower()) & FUNCTION_WORDS
    assert len(cues[cues.article_id == "english"]) > 0  # the English article keeps its cues
    tone = comparison.tone.articles.set_index("article_id")
    assert tone.loc["other", "polarity"] != tone.loc["other", "polarity"]  # NaN: not measured
    assert tone.loc["english", "polarity"] == tone.loc["english", "polarity"]
    # language-independent measures remain for both
    assert set(comparison.sentences.article_id) == {"english", "other"}
    assert comparison.articles.set_index("article_id").loc["other", "n_words"] > 40
    assert len(comparison.language_notes) == 1 and "only length, structure" in comparison.language_notes[0]


def test_json_summary_and_report_say_so(tmp_path, capsys):
    (tmp_path / "herald.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "zeitung.txt").write_text(GERMAN, encoding="utf-8")
    assert main(["compare", str(tmp_path), "-q"]) == 0
    captured = capsys.readouterr()
    assert "zeitung.txt: text is in German (de, detected)" in captured.err
    assert "is in German: only length, structure, quotes and alignment" in captured.out
    assert main(["compare", str(tmp_path), "--html", str(tmp_path / "r.html"), "-q"]) == 0
    assert "is in German: only length" in (tmp_path / "r.html").read_text(encoding="utf-8")


def test_front_matter_language_overrides_detection(tmp_path):
    (tmp_path / "a.txt").write_text("---\nlanguage: en\n---\n" + GERMAN, encoding="utf-8")
    (tmp_path / "b.txt").write_text("---\nlanguage: German\n---\n" + ENGLISH, encoding="utf-8")
    with pytest.warns(CorpusWarning, match="German .de, front matter."):
        articles, _ = load_corpus(tmp_path)
    assert list(articles.language) == ["en", "de"]
    assert list(articles.language_source) == ["front matter", "front matter"]


def test_english_articles_need_no_detector_and_stay_english(seed_articles):
    assert set(seed_articles.language) == {"en"}
    probe = (
        "import sys; from analysis.inputs.language import detect_language;"
        f"print(detect_language({ENGLISH!r}), 'langdetect' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["en", "False"]  # no model loaded for English prose
