"""Hostile input files (issue 15, findings 6, 7, 13, 17, 19): every one is read or refused in one
line naming the file; nothing blocks, fills memory or replaces what is measured."""

from __future__ import annotations

import codecs
import gzip
import json
import os
import threading
from pathlib import Path

import pytest

from analysis.corpus import CorpusError, CorpusWarning
from analysis.inputs import articles_from_texts, load_corpus, read_article
from analysis.loaders import iter_articles

TEXT = "Kyiv’s delegation returned to Istanbul on Monday. Officials said the talks would resume.\n"


def _one_line_error(path, match: str) -> str:
    with pytest.raises(CorpusError) as caught:
        read_article(path)
    message = str(caught.value)
    assert "\n" not in message and match in message
    return message


def _finishes(function, seconds: float = 20):
    """Run ``function`` in a thread; fail instead of hanging when it does not return."""
    result: dict[str, object] = {}

    def run():
        try:
            result["value"] = function()
        except BaseException as err:  # noqa: BLE001 - handed back to the test
            result["error"] = err

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "blocked: did it open a pipe or a device?"
    return result


# ---- finding 6 and 7: only regular files, bounded reads ---------------------------------------


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome = _finishes(lambda: read_article(fifo))
    assert isinstance(outcome.get("error"), CorpusError)
    assert "named pipe" in str(outcome["error"])
    outcome = _finishes(lambda: load_corpus([fifo, tmp_path / "pipe.txt"]))
    assert isinstance(outcome.get("error"), CorpusError)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_before_reading(device):
    if not os.path.exists(device):
        pytest.skip(f"{device} is missing here")
    outcome = _finishes(lambda: read_article(device))
    assert "character device" in str(outcome.get("error"))


def test_a_symlink_to_a_device_is_refused(tmp_path):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    _one_line_error(link, "character device")


def test_over_size_message_recommends_something_that_works(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (1024 * 1024 + 10))
    message = _one_line_error(big, "MB")
    assert "JSON Lines or CSV" in message


# ---- finding 19: encodings, loops, odd names ----------------------------------------------------


@pytest.mark.parametrize(
    "bom,codec",
    [(codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
     (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")],
)
def test_utf16_and_utf32_with_a_byte_order_mark_are_text(tmp_path, bom, codec):
    path = tmp_path / "notepad.txt"
    path.write_bytes(bom + TEXT.replace("\n", "\r\n").encode(codec))
    record = read_article(path)
    assert record["body"].startswith("Kyiv’s delegation") and "\r" not in record["body"]


@pytest.mark.parametrize(
    "data,named",
    [
        (TEXT.encode("utf-16-le"), "UTF-16"),
        ("Café talks and a résumé of the day's events.".encode("latin-1"), "Latin-1"),
        (("東京で会談が再開された。" * 5).encode("shift_jis"), "Shift JIS"),
    ],
)
def test_other_encodings_are_named(tmp_path, data, named):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    _one_line_error(path, named)


def test_a_symlink_loop_is_named_as_such(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    _one_line_error(loop, "symbolic link loop")
    with pytest.raises(CorpusError, match="symbolic link loop"):
        load_corpus([loop])


def test_a_file_name_with_a_line_break_stays_on_one_line(tmp_path):
    path = tmp_path / "two\nlines.txt"
    path.write_bytes(b"")
    message = _one_line_error(path, "empty")
    assert "two\\nlines" in message


# ---- findings 13 and 17: front matter -----------------------------------------------------------


@pytest.mark.parametrize("key", ["body", "boilerplate", "article_id", "path", "n_words", "syndicators"])
def test_front_matter_cannot_replace_computed_fields(tmp_path, key):
    path = tmp_path / "a.txt"
    path.write_text(f"---\ntitle: T\n{key}: x\n---\n{TEXT}", encoding="utf-8")
    _one_line_error(path, repr(key))


def test_duplicate_front_matter_keys_are_an_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"---\noutlet: One\noutlet: Two\n---\n{TEXT}", encoding="utf-8")
    _one_line_error(path, "given twice")


def test_front_matter_lists_are_lists(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"---\ntitle: T\ntags: [war, talks]\nsources:\n  - ABC\n  - 'Reuters'\n---\n{TEXT}", encoding="utf-8")
    record = read_article(path)
    assert record["tags"] == ["war", "talks"] and record["sources"] == ["ABC", "Reuters"]
    assert record["title"] == "T"


def test_text_that_is_not_a_string_is_an_error():
    for value in (42, ["a", "b"], {"a": 1}, None):
        with pytest.raises(CorpusError, match="must be a string"):
            articles_from_texts({"a": value, "b": TEXT})


def test_lone_surrogates_are_replaced_not_fatal():
    articles, _ = articles_from_texts({"a": "Talks \ud800 resumed in Istanbul today.", "b": TEXT})
    assert "\ufffd" in articles.loc[0, "body"]
    articles.loc[0, "body"].encode("utf-8")


def test_every_case_leaves_the_input_unchanged(tmp_path):
    path = tmp_path / "a.txt"
    data = codecs.BOM_UTF16_LE + f"---\ntitle: T\n---\n{TEXT}".encode("utf-16-le")
    path.write_bytes(data)
    before = os.stat(path)
    read_article(path)
    assert path.read_bytes() == data and os.stat(path).st_mtime_ns == before.st_mtime_ns
    assert Path(path).exists()


# ---- findings 14 and 18: loaders report and skip ------------------------------------------------

GOOD = "Officials said the talks in Istanbul resumed on Monday after a long pause"


def _jsonl(tmp_path: Path) -> Path:
    lines = [
        json.dumps({"text": f"{GOOD} one."}).encode(),
        '{"text": "Café in Latin-1"}'.encode("latin-1"),
        json.dumps({"title": "a first record without text"}).encode(),
        json.dumps({"text": 42}).encode(),
        json.dumps({"text": f"{GOOD} two \ud800.", "body": "not the body", "n_words": "3"}).encode(),
        b"{not json",
        json.dumps({"text": f"{GOOD} three."}).encode(),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_jsonl_bad_records_are_skipped_and_counted_by_line(tmp_path):
    path = _jsonl(tmp_path)
    with pytest.warns(CorpusWarning, match=r"skipped 4 article\(s\).*at 2, 3, 4, 6"):
        records = list(iter_articles(path))
    assert len(records) == 3
    surrogate = records[1]
    assert "\ufffd" in surrogate["body"] and surrogate["source_body"] == "not the body"
    assert surrogate["body"] != "not the body" and surrogate["source_n_words"] == "3"
    with pytest.raises(CorpusError, match=r"mixed.jsonl:2: not UTF-8") as caught:
        list(iter_articles(path, errors="raise"))
    assert "\n" not in str(caught.value)


def test_non_string_text_is_never_measured_as_its_repr(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_text("\n".join(json.dumps({"text": v}) for v in [7, ["a"], {"b": 1}, True]) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="must be text, not a number"):
        list(iter_articles(path, errors="raise"))
    assert list(iter_articles(path, errors="skip")) == []


def test_a_truncated_gzip_is_a_counted_problem_not_a_traceback(tmp_path):
    whole = gzip.compress(b"".join(json.dumps({"text": f"{GOOD} {i}."}).encode() + b"\n" for i in range(2000)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.warns(CorpusWarning, match="truncated gzip archive"):
        records = list(iter_articles(path))
    assert 0 < len(records) < 2000
    with pytest.raises(CorpusError, match="truncated gzip archive"):
        list(iter_articles(path, errors="raise"))


def test_csv_bad_rows_are_skipped_with_their_line(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes(
        b"text,outlet\n"
        + f'"{GOOD} a.",X\n'.encode()
        + b'"Caf\xe9 in Latin-1",Y\n'
        + b"only,three,fields\n"
        + f'"{GOOD} b,\nacross two lines.",Z\n'.encode()
    )
    with pytest.warns(CorpusWarning, match=r"skipped 2 .*at 3, 4"):
        records = list(iter_articles(path))
    assert [r["outlet"] for r in records] == ["X", "Z"]
    with pytest.raises(CorpusError, match=r"rows.csv:3: not UTF-8"):
        list(iter_articles(path, errors="raise"))


def test_loaders_refuse_pipes_and_name_symlink_loops(tmp_path):
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    outcome = _finishes(lambda: list(iter_articles(fifo)))
    assert "named pipe" in str(outcome.get("error"))
    loop = tmp_path / "loop.jsonl"
    loop.symlink_to(loop)
    with pytest.raises(CorpusError, match="symbolic link loop"):
        list(iter_articles(loop))


def test_labels_for_thousands_of_articles():
    from analysis.present import _letter

    labels = [_letter(i) for i in range(3000)]
    assert len(set(labels)) == 3000 and labels[:3] == ["A", "B", "C"] and labels[26] == "AA"
