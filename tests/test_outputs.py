"""Outputs never destroy what the suite did not make (issue 15, data-loss findings 1-4, 11, 12, 15, 16).

Each test reproduces one finding of the adversarial pass: before the fix, the command deleted or
overwrote a user's file, or ended in a traceback; now it refuses with one line and exit status 2,
leaves the inputs byte for byte as they were, and leaves no temporary file behind.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import pytest

from analysis.atomic import (
    OUTPUT_MARKER,
    OutputError,
    check_output_dir,
    check_output_file,
    replace_dir_atomic,
    write_text_atomic,
)
from analysis.cli import main
from analysis.paths import DEFAULT_EVENT, PROJECT_ROOT


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (hidden ones too) with the hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def event(tmp_path) -> Path:
    folder = tmp_path / "event"
    shutil.copytree(DEFAULT_EVENT, folder, ignore=shutil.ignore_patterns("*.csv"))
    return folder


@pytest.fixture
def tiny_notebooks(tmp_path) -> Path:
    folder = tmp_path / "nbs"
    folder.mkdir()
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Tiny\n\nA tiny notebook."), nbformat.v4.new_code_cell("1 + 1")]
    nbformat.write(nb, folder / "01-tiny.ipynb")
    return folder


def run_cli(*argv: str, capsys) -> tuple[int, str]:
    status = main(list(argv))
    err = capsys.readouterr().err
    return status, err


# ---- render --out ----------------------------------------------------------------------------------


def test_render_refuses_a_users_folder_and_keeps_it(tmp_path, tiny_notebooks, capsys):
    mine = tmp_path / "x"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine")
    before = snapshot(mine)
    status, err = run_cli("render", "--out", str(mine), "--notebooks", str(tiny_notebooks), "--no-report", capsys=capsys)
    assert status == 2
    assert err.count("\n") == 1 and "not made by this suite" in err and str(mine) in err
    assert snapshot(mine) == before


def test_render_refuses_the_corpus_folder(tmp_path, event, tiny_notebooks, capsys):
    before = snapshot(event)
    status, err = run_cli("render", "--out", str(event), "--notebooks", str(tiny_notebooks), capsys=capsys)
    assert status == 2 and err.startswith("error: ")
    assert snapshot(event) == before


def test_render_refuses_a_folder_holding_its_inputs(tmp_path, tiny_notebooks, capsys):
    status, err = run_cli("render", "--out", str(tmp_path), "--notebooks", str(tiny_notebooks), "--no-report", capsys=capsys)
    assert status == 2 and "holds the input" in err
    assert (tiny_notebooks / "01-tiny.ipynb").exists()


def test_render_refuses_a_regular_file_and_leaves_no_old_copy(tmp_path, tiny_notebooks, capsys):
    target = tmp_path / "site.txt"
    target.write_text("my notes")
    status, err = run_cli("render", "--out", str(target), "--notebooks", str(tiny_notebooks), "--no-report", capsys=capsys)
    assert status == 2 and "regular file" in err
    assert target.read_text() == "my notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nbs", "site.txt"]


def test_render_under_a_regular_file_is_one_line(tmp_path, tiny_notebooks, capsys):
    (tmp_path / "f").write_text("x")
    status, err = run_cli("render", "--out", str(tmp_path / "f" / "site"), "--notebooks", str(tiny_notebooks), "--no-report", capsys=capsys)
    assert status == 2 and err.count("\n") == 1 and "regular file" in err


@pytest.mark.parametrize("case", ["missing", "empty", "not-json"])
def test_render_bad_notebooks_folder_is_one_line(tmp_path, case, capsys):
    folder = tmp_path / "nbs"
    if case != "missing":
        folder.mkdir()
    if case == "not-json":
        (folder / "01-bad.ipynb").write_text("{ this is not json")
    status, err = run_cli("render", "--out", str(tmp_path / "site"), "--notebooks", str(folder), "--no-report", capsys=capsys)
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    assert status == 2 and len(errors) == 1 and "Traceback" not in err
    assert not (tmp_path / "site").exists()


@pytest.mark.slow
def test_render_replaces_its_own_folder_and_an_empty_one(tmp_path, tiny_notebooks, capsys):
    site = tmp_path / "site"
    site.mkdir()  # empty: allowed
    assert run_cli("render", "--out", str(site), "--notebooks", str(tiny_notebooks), "--no-report", capsys=capsys)[0] == 0
    assert (site / OUTPUT_MARKER).is_file() and (site / "01-tiny.html").is_file()
    (site / "stale.html").write_text("from an older render")
    assert run_cli("render", "--out", str(site), "--notebooks", str(tiny_notebooks), "--no-report", capsys=capsys)[0] == 0
    assert not (site / "stale.html").exists()  # its own folder is replaced whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nbs", "site"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through read-only permissions")
def test_render_into_read_only_parent_is_one_line(tmp_path, tiny_notebooks, capsys):
    parent = tmp_path / "ro"
    parent.mkdir()
    parent.chmod(0o555)
    try:
        status, err = run_cli("render", "--out", str(parent / "site"), "--notebooks", str(tiny_notebooks), "--no-report", capsys=capsys)
    finally:
        parent.chmod(0o755)
    assert status == 2 and "permission denied" in err


# ---- compare --html --------------------------------------------------------------------------------


def test_html_never_overwrites_an_input_article(event, capsys):
    a, b = sorted(event.glob("*.txt"))
    before = snapshot(event)
    status, err = run_cli("compare", str(a), str(b), "--html", str(b), capsys=capsys)
    assert status == 2 and "one of the input articles" in err
    assert snapshot(event) == before


def test_html_into_a_folder_given_by_folder_argument_refused(event, capsys):
    a = sorted(event.glob("*.txt"))[0]
    status, err = run_cli("compare", str(event), "--html", str(a), capsys=capsys)
    assert status == 2 and "input" in err


@pytest.mark.parametrize(
    "target, expected",
    [
        ("/dev/null", "is a device"),
        ("/dev/full", "is a device"),
        ("DIR", "is a folder"),
        ("newdir/", "ends with '/'"),
        ("FILE/report.html", "regular file"),
    ],
)
def test_html_refuses_non_regular_targets(tmp_path, event, target, expected, capsys):
    (tmp_path / "DIR").mkdir()
    (tmp_path / "FILE").write_text("keep")
    target = target if target.startswith("/") else str(tmp_path / target) + ("/" if target.endswith("/") else "")
    device_before = os.stat(target) if target.startswith("/dev/") else None
    status, err = run_cli("compare", str(event), "--html", target, capsys=capsys)
    assert status == 2 and expected in err and err.count("\n") == 1
    if device_before is not None:
        assert stat.S_ISCHR(os.stat(target).st_mode)  # still a device node
    assert (tmp_path / "FILE").read_text() == "keep"
    assert not (tmp_path / "newdir").exists()


def test_full_disk_is_one_line_and_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "report.html"
    target.write_text("old report")

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="disk is full"):
        write_text_atomic(target, "new report")
    assert target.read_text() == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_stdout_on_a_full_device_is_one_line(event):
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "analysis", "compare", str(event), "--json"],
            stdout=full, stderr=subprocess.PIPE, text=True, cwd=PROJECT_ROOT, timeout=120,
        )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == ["error: cannot write the output: No space left on device"]


# ---- the building blocks ---------------------------------------------------------------------------


def test_check_output_file_allows_new_and_regular_files(tmp_path):
    assert check_output_file(tmp_path / "new" / "r.html") == tmp_path / "new" / "r.html"
    (tmp_path / "old.html").write_text("x")
    assert check_output_file(tmp_path / "old.html").name == "old.html"


def test_check_output_file_sees_an_input_through_a_link(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("text")
    (tmp_path / "link.html").symlink_to(article)
    with pytest.raises(OutputError, match="input"):
        check_output_file(tmp_path / "link.html", inputs=[article])


def test_error_names_a_path_with_a_newline_on_one_line(tmp_path):
    odd = tmp_path / "bad\nname"
    odd.mkdir()
    (odd / "x").write_text("x")
    with pytest.raises(OutputError) as caught:
        check_output_dir(odd)
    assert "\n" not in str(caught.value)


def test_replace_dir_atomic_writes_its_marker(tmp_path):
    with replace_dir_atomic(tmp_path / "site") as tmp:
        (tmp / "index.html").write_text("new")
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == sorted([OUTPUT_MARKER, "index.html"])


def test_two_renders_finishing_together_both_succeed_and_leave_nothing(tmp_path):
    """Finding 15: synchronised swaps used to raise and leave a full temporary folder behind."""
    site = tmp_path / "site"
    with replace_dir_atomic(site) as tmp:
        (tmp / "index.html").write_text("first")
    errors: list[BaseException] = []
    barrier = threading.Barrier(2)

    def build(text: str) -> None:
        try:
            with replace_dir_atomic(site) as tmp:
                (tmp / "index.html").write_text(text)
                barrier.wait()
        except BaseException as err:  # noqa: BLE001 - collected for the assertion
            errors.append(err)

    for _round in range(30):
        threads = [threading.Thread(target=build, args=(name,)) for name in ("a", "b")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert (site / "index.html").read_text() in {"a", "b"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_during_a_write_cleans_up_quietly(tmp_path, sig):
    """Finding 16: SIGTERM left a 0-byte temporary file; SIGINT printed a long traceback."""
    script = (
        "import signal, sys, time\n"
        # a shell's background job starts with SIGINT ignored, and a child inherits that: restore it
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "import analysis.atomic as atomic\n"
        "from analysis.cli import main\n"
        "real = atomic.os.fsync\n"
        "def slow(fd):\n"
        "    print('writing', flush=True); time.sleep(30); real(fd)\n"
        "atomic.os.fsync = slow\n"
        f"sys.exit(main(['compare', {str(DEFAULT_EVENT)!r}, '--html', {str(tmp_path / 'r.html')!r}]))\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
    )
    assert proc.stdout.readline().strip() == "writing"
    time.sleep(0.2)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.strip().splitlines() == ["interrupted: nothing was written"]
    assert list(tmp_path.iterdir()) == []


def test_a_site_from_before_the_marker_is_still_replaced_but_a_look_alike_with_notes_is_not(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html><head><title>Source-bias comparison suite</title></head></html>")
    (site / "02-tone.html").write_text("page")
    assert check_output_dir(site) == site
    (site / "notes.txt").write_text("mine")
    with pytest.raises(OutputError, match="not made by this suite"):
        check_output_dir(site)
