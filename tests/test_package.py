"""The project is a real package: metadata that agrees with requirements.txt, a version, a console
script, its data files shipped, and an install into a fresh virtual environment that works from
another folder (offline: the wheel is built without build isolation, dependencies are reused)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
import tomllib
import venv
from pathlib import Path

import pytest

import analysis
from analysis.paths import PACKAGE_DIR, find_project_root

ROOT = Path(__file__).resolve().parents[1]


def _requirement_lines(lines) -> dict[str, str]:
    """{canonical name: specifier} from requirement strings."""
    out = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = re.match(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(.*)$", line)
        assert match, line
        name = re.sub(r"[-_.]+", "-", match.group(1)).lower()
        out[name] = (match.group(2) or "") + match.group(3).replace(" ", "")
    return out


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_requirements_txt_and_pyproject_agree():
    project = _pyproject()["project"]
    declared = _requirement_lines(project["dependencies"])
    for group in project.get("optional-dependencies", {}).values():
        declared.update(_requirement_lines(group))
    required = _requirement_lines((ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines())
    assert set(required) - set(declared) == set(), "in requirements.txt but not in pyproject.toml"
    assert set(declared) - set(required) == set(), "in pyproject.toml but not in requirements.txt"
    differing = {name: (declared[name], required[name]) for name in declared if declared[name] != required[name]}
    assert differing == {}, "ranges differ (pyproject, requirements.txt)"


def test_console_script_and_version_declared():
    project = _pyproject()["project"]
    assert project["scripts"]["source-bias"] == "analysis.cli:main"
    assert re.fullmatch(r"\d+\.\d+\.\d+", analysis.__version__)
    assert project["license"].startswith("AGPL-3.0")
    assert "GNU AFFERO GENERAL PUBLIC LICENSE" in (ROOT / "LICENSE").read_text(encoding="utf-8")[:200]


def test_version_option_prints_the_package_version():
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "--version"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0
    assert result.stdout.strip().endswith(analysis.__version__)


@pytest.mark.parametrize("command", [[], ["compare"], ["render"]])
def test_help_shows_examples_for_every_command(command):
    result = subprocess.run(
        [sys.executable, "-m", "analysis", *command, "--help"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0
    assert "examples:" in result.stdout
    examples = result.stdout.split("examples:", 1)[1]
    assert re.search(r"source-bias " + (command[0] if command else r"\w+"), examples)


def test_no_path_tricks_in_makefile_or_notebooks():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert ".pth" not in makefile and "PYTHONPATH" not in makefile
    assert "--editable ." in makefile
    for notebook in sorted((ROOT / "notebooks").glob("*.ipynb")):
        text = notebook.read_text(encoding="utf-8")
        assert "sys.path" not in text and "PYTHONPATH" not in text, notebook.name


def test_binder_finds_requirements_and_installs_the_project():
    assert not (ROOT / "binder").exists() or (ROOT / "binder" / "requirements.txt").exists()
    post_build = ROOT / "postBuild"
    assert os.access(post_build, os.X_OK)
    assert "pip install --no-deps --editable ." in post_build.read_text(encoding="utf-8")
    assert re.fullmatch(r"python-3\.1[1-9]\s*", (ROOT / "runtime.txt").read_text(encoding="utf-8"))


def test_project_root_found_from_a_working_folder(tmp_path):
    assert find_project_root() == ROOT  # a checkout: the package's parent
    assert PACKAGE_DIR.parent == ROOT


def _data_files(folder: Path) -> set[str]:
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    }


@pytest.mark.slow
def test_installs_into_a_fresh_venv_and_runs_from_another_folder(tmp_path):
    """Build the wheel offline, install it into a new virtual environment (dependencies reused from
    this one), then import it, read its data and run the console script from an unrelated folder."""
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        (source / name).write_bytes((ROOT / name).read_bytes())
    for path in (ROOT / "analysis").rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts:
            target = source / path.relative_to(ROOT)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    wheels = tmp_path / "wheels"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", "--quiet"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", str(source), "-w", str(wheels)],
                   check=True, capture_output=True, timeout=300)
    (wheel,) = wheels.glob("source_bias_suite-*.whl")

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False, system_site_packages=False).create(env_dir)
    python = env_dir / "bin" / "python"
    fresh_site = Path(subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True).stdout.strip())
    # Dependencies come from this environment, after the fresh one's own packages.
    (fresh_site / "_reuse_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([*pip, "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)],
                   check=True, capture_output=True, timeout=300)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["MPLBACKEND"] = "Agg"
    probe = (
        "import analysis, pathlib; from analysis import loaded_language;"
        "print(analysis.__file__); print(analysis.__version__);"
        "print(len(loaded_language('Critics claimed the reckless plan was a disaster.')))"
    )
    out = subprocess.run([python, "-c", probe], check=True, capture_output=True, text=True, cwd=elsewhere,
                         env=env, timeout=300).stdout.split("\n")
    assert Path(out[0]).resolve().is_relative_to(fresh_site.resolve())
    assert out[1] == analysis.__version__
    assert int(out[2]) >= 2  # lexicons and model shipped: 'claimed', 'reckless', 'disaster'
    installed = Path(out[0]).parent
    assert _data_files(ROOT / "analysis") <= _data_files(installed), "data files missing from the wheel"

    script = env_dir / "bin" / "source-bias"
    version = subprocess.run([script, "--version"], capture_output=True, text=True, cwd=elsewhere, env=env,
                             timeout=120)
    assert version.returncode == 0 and version.stdout.strip() == f"source-bias {analysis.__version__}"
    for name, text in {
        "herald.txt": "Council pushes through reckless coal plant\n\nThe council forced the vote late on "
        "Tuesday, critics claimed, ignoring residents who packed the hall.\n",
        "gazette.txt": "Council approves coal plant after long debate\n\nThe council approved the plant "
        "on Tuesday by seven votes to four, after residents spoke for two hours.\n",
    }.items():
        (elsewhere / name).write_text(text, encoding="utf-8")
    compared = subprocess.run([script, "compare", "herald.txt", "gazette.txt", "--json"], capture_output=True,
                              text=True, cwd=elsewhere, env=env, timeout=300)
    assert compared.returncode == 0, compared.stderr
    assert '"schema": "source-bias-comparison/1"' in compared.stdout


def test_ci_runs_make_check_tests_lint_and_types():
    """CI (``.ci/run``) runs ``make check``: the README's ``make test``, ruff and mypy on the package."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    check = re.search(r"^check:([^#\n]*)", makefile, re.MULTILINE)
    assert check is not None and set(check.group(1).split()) >= {"test", "lint", "typecheck"}
    assert re.search(r"^typecheck:.*\n\t\$\(PY\) -m mypy\b", makefile, re.MULTILINE)
    assert re.search(r"^make check$", (ROOT / ".ci" / "run").read_text(encoding="utf-8"), re.MULTILINE)
    assert "make test" in (ROOT / "README.md").read_text(encoding="utf-8")
    mypy = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert mypy["files"] == ["analysis"] and mypy.get("check_untyped_defs") is True
    assert "ignore_missing_imports" not in mypy  # only per module, for untyped third-party packages
