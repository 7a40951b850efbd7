# gradeline — every target bootstraps .venv from uv.lock on a fresh clone.
SHELL := /bin/bash
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: run test lint typecheck check bench sync clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --quiet
	touch $@

sync: $(VENV)/.synced

run: sync  ## layer 1 of the bundled guideline in the terminal
	$(BIN)/gradeline show

lint: sync
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: sync
	$(BIN)/mypy

check: sync  ## validate and lint the bundled content pack
	$(BIN)/gradeline check

test: lint typecheck  ## static checks, then the whole test suite
	$(BIN)/pytest

bench: sync  ## benchmarks; JSON results in benchmarks/results/
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) $(TOOLS) .pytest_cache .mypy_cache .ruff_cache
