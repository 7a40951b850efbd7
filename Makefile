# gradeline — every target bootstraps .venv from uv.lock on a fresh clone.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: run test lint typecheck check bench mutation mutation-smoke sync deps clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --quiet
	touch $@

sync: $(VENV)/.synced

deps:  ## Debian's chromium and npm's axe-core, for the browser tests
	bash scripts/system-deps.sh

run: sync  ## the web app at http://127.0.0.1:8000 (SQLite under var/, the bundled pack)
	$(BIN)/gradeline serve

lint: sync
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: sync
	$(BIN)/mypy

check: sync  ## validate and lint the bundled content pack
	$(BIN)/gradeline check

test: lint typecheck deps  ## static checks, then the whole test suite (browser tests included)
	$(BIN)/pytest

bench: sync  ## benchmarks; JSON results in benchmarks/results/
	$(BIN)/python benchmarks/run.py

mutation: sync  ## mutation testing of the clinical core (mutmut, all cores); scores in benchmarks/results/mutation.json
	$(BIN)/python scripts/mutation.py $(if $(MODULE),--module $(MODULE))

mutation-smoke: sync  ## a minute of mutation testing (cdshooks/auth.py against its tests); fails below 85 % killed
	$(BIN)/python scripts/mutation.py --smoke

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .mypy_cache .ruff_cache mutants
