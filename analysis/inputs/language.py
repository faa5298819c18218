"""Which language an article is in, and which measures hold for it.

The suite's lexicons, learned word rates, actor rules and topic words are English. For an article
in another language it measures only what holds in any language — length, structure, quotes and
sentence alignment — and says so in one line; it never reports English tone, cue or naming
figures for it (in German or Russian, the English rarity evidence would flag "der", "eine" or
"и" as loaded). Which table is English-only is data: ``measure_languages.csv`` beside this module.

Detection: the article's ``language:`` front matter (or table column) wins; otherwise text whose
share of English function words is that of running English is English; otherwise langdetect
(profiles ship with the package, no network; seeded, so the answer is the same every run).
What this cannot do: tell languages apart in texts under 20 words (taken as English), or see an
English article that quotes long passages in another language (it stays English).
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from analysis.text import is_probably_english

__all__ = ["ENGLISH", "detect_language", "english_only_tables", "language_name", "normalise_language"]

ENGLISH = "en"
_NAMES = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "pl": "Polish", "cs": "Czech", "sv": "Swedish",
    "da": "Danish", "no": "Norwegian", "fi": "Finnish", "tr": "Turkish", "ar": "Arabic", "he": "Hebrew",
    "zh-cn": "Chinese", "zh-tw": "Chinese", "ja": "Japanese", "ko": "Korean", "el": "Greek", "hu": "Hungarian",
    "ro": "Romanian", "bg": "Bulgarian", "fa": "Persian", "hi": "Hindi", "id": "Indonesian",
}
_BY_NAME = {name.lower(): code for code, name in _NAMES.items()}


def normalise_language(value: str) -> str:
    """``"en-GB"`` → ``"en"``, ``"German"`` → ``"de"``; an empty value stays empty."""
    value = value.strip().lower().replace("_", "-")
    if not value:
        return ""
    if value in _BY_NAME:
        return _BY_NAME[value]
    return value if value.startswith("zh-") else value.split("-", 1)[0]


def language_name(code: str) -> str:
    """A reader's name for a language code (``"de"`` → ``"German"``), else the code."""
    return _NAMES.get(code, code or "unknown")


@lru_cache(maxsize=1)
def _detector_ready() -> bool:
    from langdetect import DetectorFactory  # non-English text only (profiles load slowly)

    DetectorFactory.seed = 0
    return True


def detect_language(text: str) -> str:
    """The language code of ``text`` (``"en"``, ``"de"``, ``"ru"`` …).

    English prose is recognised by its function words without loading any model; other text goes
    to langdetect. Under 20 words, or with nothing to go on, the answer is ``"en"``.
    """
    if is_probably_english(text):
        return ENGLISH
    _detector_ready()
    from langdetect import LangDetectException, detect  # non-English text only (profiles load slowly)

    try:
        return normalise_language(detect(text[:20000]))
    except LangDetectException:
        return ENGLISH


def assign_language(record: dict[str, object]) -> str | None:
    """Set ``record["language"]`` (front matter wins, else detected) and
    ``record["language_source"]``; returns the one-line note for a non-English article, else None."""
    given = normalise_language(str(record.get("language") or ""))
    if given:
        record["language"], record["language_source"] = given, "front matter"
    else:
        record["language"], record["language_source"] = detect_language(str(record["body"])), "detected"
    if record["language"] == ENGLISH:
        return None
    return (
        f"{record['path'] or record['article_id']}: text is in {language_name(str(record['language']))} "
        f"({record['language']}, {record['language_source']}); the lexicons are English, so only length, "
        "structure, quotes and alignment are measured for it"
    )


@lru_cache(maxsize=1)
def english_only_tables() -> frozenset[str]:
    """Names of the comparison tables (``Comparison.tables()``) that hold only for English text."""
    from importlib import resources

    with (resources.files("analysis.inputs") / "measure_languages.csv").open("r", encoding="utf-8") as handle:
        table = pd.read_csv(handle, dtype=str, keep_default_na=False)
    return frozenset(table.loc[table["languages"] == ENGLISH, "table"])


def blank_other_languages(table: pd.DataFrame, ids: set[str]) -> pd.DataFrame:
    """``table`` without the rows of articles in ``ids`` (the article columns ``article_id``,
    ``a_id``/``b_id``); numeric score columns of the per-article tone table are left to the caller."""
    if table.empty or not ids:
        return table
    keep = pd.Series(True, index=table.index)
    for column in ("article_id", "a_id", "b_id", "article_a", "article_b"):
        if column in table.columns:
            keep &= ~table[column].astype(str).isin(ids)
    return table[keep].reset_index(drop=True)


def non_english_ids(articles: pd.DataFrame) -> set[str]:
    """Ids of the articles whose ``language`` is set and not English."""
    if "language" not in articles.columns:
        return set()
    languages = articles["language"].fillna("").astype(str).map(normalise_language)
    return set(articles.loc[(languages != "") & (languages != ENGLISH), "article_id"].astype(str))


def scope_note(articles: pd.DataFrame) -> list[str]:
    """One line for each article in another language: what is and is not measured for it."""
    ids = non_english_ids(articles)
    lines = []
    for row in articles[articles["article_id"].astype(str).isin(ids)].itertuples():
        label = str(getattr(row, "label", "") or row.article_id)
        lines.append(
            f"{label} is in {language_name(normalise_language(str(row.language)))}: only length, structure, "
            "quotes and alignment are measured for it; no tone, cue or naming figures (the lexicons are English)."
        )
    return lines

