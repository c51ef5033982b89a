# Two commands for a fresh clone: `make refresh` (install + full nightly refresh) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install refresh offline test lint benchmark ui

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

refresh: install          ## fetch every source (archive fallback when unreachable), rebuild the warehouse
	$(BIN)/frontier refresh

offline: install          ## the same, never touching the network
	$(BIN)/frontier refresh --offline

test: install             ## the whole test suite (offline)
	$(BIN)/pytest

lint: install             ## ruff: lint and formatting
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

benchmark: install        ## wall time and peak RSS of the heavy paths
	$(BIN)/python -m tests.benchmarks.run

ui: install               ## Dagster UI + daemon on 127.0.0.1:3000
	$(BIN)/frontier ui
