# One virtual environment in .venv; every target installs into it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## run: extract the shipped sample directives into ./extracted
run: $(STAMP)
	$(BIN)/chidao extract samples/ --out extracted/
	@echo "JSON written to extracted/ (one file per sample)."

## test: lint, type-check and the whole test suite (slow tests included)
test: $(STAMP) lint
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check chidao tests bench
	$(BIN)/ruff format --check chidao tests bench
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python bench/bench_extract.py

clean:
	rm -rf $(VENV) extracted .pytest_cache .mypy_cache .ruff_cache
