# One virtual environment in .venv; every target installs into it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# The suite runs twice: on SQLite (the embedded default) and on PostgreSQL (production).
# Django creates a fresh test database on this server and drops it at the end.
TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/chidao
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install lock run test test-sqlite test-sqlite-ahead test-postgres lint bench train bench-tracking bench-report bench-ocr bench-import bench-search bench-large clean

# Every package, dev tools included, comes from the lock file with its hashes checked; the
# project itself is then installed on top without resolving anything (pip as venv ships it).
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

## lock: re-resolve pyproject.toml's pins into requirements.lock (with hashes)
lock: $(STAMP)
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --allow-unsafe --extra=dev --generate-hashes --strip-extras \
		--output-file=requirements.lock pyproject.toml

install: $(STAMP)

## run: set up the embedded database (SQLite in ./var), load the registry and the demo,
## then serve http://127.0.0.1:8000 with a background worker for ingest jobs (supervised:
## started again if it dies; see chidao/workers)
run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/python manage.py demo
	@echo "chidao: http://$(HOST):$(PORT)/  (Ctrl+C để dừng / to stop)"
	$(BIN)/python manage.py supervise -- --no-startup-delay & WORKER=$$!; \
	trap 'kill $$WORKER 2>/dev/null; wait $$WORKER' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT) --noreload

## test: lint, type-check and the whole test suite (slow and browser tests included),
## on SQLite, again on SQLite with the clock a year ahead, and then on PostgreSQL
test: lint test-sqlite test-sqlite-ahead test-postgres

# On SQLite the test database lives in memory; the tests that start worker processes run
# again against a database file those processes can open. PostgreSQL-only checks are
# left to the PostgreSQL run.
test-sqlite: $(STAMP)
	$(BIN)/pytest -q -m "not worker_processes and not postgresql"
	CHIDAO_TEST_SQLITE=$$(mktemp -d)/test.sqlite3 $(BIN)/pytest -q -m worker_processes

# The SQLite run again with the machine's clock a year ahead (libfaketime, Debian package
# faketime), to prove that no test leans on the real date: the application reads the time
# only through chidao/common/clock.py, and the tests set that clock. With libfaketime 0.9.10
# a faked monotonic clock hangs every lock wait that has a timeout, hence
# FAKETIME_DONT_FAKE_MONOTONIC=1; that breaks time.sleep() instead, which tests/conftest.py
# replaces in the test process. Left out here: the tests that start worker processes
# (test-sqlite runs them), since the workers sleep with the broken time.sleep(). The
# browser tests do run: the server is a year ahead, Chromium keeps the real clock
# (tests/web/browser_support.py; under libfaketime it never loads a page).
FAKE_NOW ?= $(shell date -u -d '+1 year' '+%Y-%m-%d 12:00:00')
test-sqlite-ahead: $(STAMP)
	@echo "test-sqlite-ahead: the clock reads $(FAKE_NOW)"
	FAKETIME_DONT_FAKE_MONOTONIC=1 faketime '$(FAKE_NOW)' \
		$(BIN)/pytest -q -m "not worker_processes and not postgresql"

test-postgres: $(STAMP)
	CHIDAO_DATABASE_URL=$(TEST_POSTGRES_URL) $(BIN)/pytest -q --create-db

lint: $(STAMP)
	$(BIN)/ruff check chidao tests bench manage.py
	$(BIN)/ruff format --check chidao tests bench manage.py
	$(BIN)/mypy
	$(BIN)/python manage.py makemigrations --check --dry-run -v0

bench: $(STAMP)
	$(BIN)/python bench/bench_extract.py

## train: retrain the extraction's confidence layer (chidao/extract/data/confidence.json)
## on ../shared/eval, printing the grouped cross-validation that decides whether it filters
train: $(STAMP)
	$(BIN)/python -m chidao.extract.train_confidence

## the benchmarks of the web application (PostgreSQL at $(TEST_POSTGRES_URL)_bench*)
bench-tracking: $(STAMP)
	$(BIN)/python bench/bench_tracking.py --database-url $(TEST_POSTGRES_URL)_bench
	$(BIN)/python bench/bench_tracking.py

bench-report: $(STAMP)
	$(BIN)/python bench/bench_report.py --database-url $(TEST_POSTGRES_URL)_bench_report

bench-ocr: $(STAMP)
	$(BIN)/python bench/bench_ocr.py

bench-import: $(STAMP)
	$(BIN)/python bench/bench_import.py --postgres-url $(TEST_POSTGRES_URL)_bench_import

bench-search: $(STAMP)
	$(BIN)/python bench/bench_search.py --database-url $(TEST_POSTGRES_URL)_bench_search

bench-large: $(STAMP)
	$(BIN)/python bench/bench_large_document.py --database-url $(TEST_POSTGRES_URL)_bench_large
	$(BIN)/python bench/bench_large_document.py

clean:
	rm -rf $(VENV) extracted var .pytest_cache .mypy_cache .ruff_cache
