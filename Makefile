# Source-bias comparison suite. `make help` lists the targets.
# Every target creates the local virtual environment (.venv) from requirements.txt when needed.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export MPLBACKEND := Agg

.DEFAULT_GOAL := help
.PHONY: help setup render test lint typecheck check lab bench validate report word-table clean

help: ## List the targets with what they do
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-9s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --editable .
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv, install requirements.txt and the project itself, editable (done by every target when needed)

render: $(STAMP) ## The main job: execute every notebook on corpus/ and write site/ (index, notebooks, report)
	$(PY) -m analysis render --out site

test: $(STAMP) ## Run the tests: unit, property and every notebook executed
	$(PY) -m pytest

lint: $(STAMP) ## Lint the package, tests and benchmarks with ruff
	$(PY) -m ruff check analysis tests benchmarks

typecheck: $(STAMP) ## Type-check the package with mypy and pandas-stubs (settings: [tool.mypy] in pyproject.toml)
	$(PY) -m mypy

check: test lint typecheck ## What CI runs: the tests (make test), ruff (make lint) and mypy (make typecheck)

lab: $(STAMP) ## Open JupyterLab on notebooks/
	$(VENV)/bin/jupyter lab notebooks/

bench: $(STAMP) ## Print the speed and memory figures (benchmarks/; takes a few minutes)
	$(PY) benchmarks/load_time.py
	$(PY) benchmarks/suite_speed.py
	$(PY) benchmarks/corpus_throughput.py
	$(PY) benchmarks/inputs_speed.py

validate: $(STAMP) ## Score the wording cues against expert annotations: make validate [CSV=path/to/babe.csv]
	$(PY) benchmarks/validate_bias_words.py $(CSV)

report: $(STAMP) ## Write the HTML report for the seed event to site/report.html
	$(PY) -m analysis compare corpus/2025-06-spiderweb-istanbul --html site/report.html

word-table: $(STAMP) ## Rebuild the precomputed word table (analysis/models/word_table.npz) after a lexicon edit
	$(PY) -m analysis.wording.table

clean: ## Remove built output (site/) and caches; keeps .venv
	rm -rf site .pytest_cache .ruff_cache .hypothesis
