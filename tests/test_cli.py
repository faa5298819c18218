"""The command line: summary, JSON, exit status 2 with one line on stderr for bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from analysis.cli import main
from analysis.paths import DEFAULT_EVENT, PROJECT_ROOT
from tests.test_corpus import BAD_INPUTS, ENGLISH


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analysis", *args], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=300
    )


def test_compare_json_on_seeds():
    done = run("compare", str(DEFAULT_EVENT), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["schema"] == "source-bias-comparison/1"
    ids = [a["article_id"] for a in data["articles"]]
    assert ids == ["000_05732b7640654d32", "002_f4a7d9bc57f2e899"]
    first, second = data["articles"]
    assert [b["kind"] for b in second["boilerplate"]] == ["disclaimer", "disclaimer"]
    assert "MENAFN" in second["boilerplate"][0]["text"] and "EIN Presswire" in second["boilerplate"][1]["text"]
    assert "Disclaimer" not in second["body"]
    assert not first["body"].rstrip().endswith("Similar Posts")


def test_compare_summary(capsys):
    assert main(["compare", str(DEFAULT_EVENT)]) == 0
    out = capsys.readouterr().out
    assert "Comparing 2 articles" in out and "MENAFN" in out


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_exit_2(case, write, capsys):
    bad = write(f"{case}.txt", BAD_INPUTS[case][0])
    good = write("good.txt", ENGLISH)
    assert main(["compare", str(good), str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: {bad}:") and "\n" not in err and "Traceback" not in err


def test_huge_file_exit_2(tmp_path, capsys):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert main(["compare", str(huge), str(huge)]) == 2
    assert "huge.txt: file is 50.0 MB" in capsys.readouterr().err


def test_single_article_exit_2(write, capsys):
    assert main(["compare", str(write("a.txt", ENGLISH))]) == 2
    assert "at least 2 different articles" in capsys.readouterr().err


def test_same_article_twice_warns_then_exit_2(write, capsys):
    a, b = write("a.txt", ENGLISH), write("b.txt", ENGLISH)
    assert main(["compare", str(a), str(b)]) == 2
    err = capsys.readouterr().err
    assert "warning:" in err and "same article text" in err and "found one article" in err


def test_non_english_warns_and_compares(write, capsys):
    german = (
        "Die Gespräche begannen am Montag in Istanbul. Beide Delegationen sagten, dass sie Gefangene "
        "austauschen würden. Die Beamten beschrieben die Verhandlungen als schwierig, aber nützlich."
    )
    code = main(["compare", str(write("en.txt", ENGLISH)), str(write("de.txt", german)), "--json"])
    captured = capsys.readouterr()
    assert code == 0
    assert "text is in German" in captured.err and "only length, structure, quotes and alignment" in captured.err
    assert len(json.loads(captured.out)["articles"]) == 2


def test_subprocess_bad_input_has_no_traceback(write):
    done = run("compare", str(write("empty.txt", b"")), str(DEFAULT_EVENT))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
