# The two commands of the README: `make run` and `make test`. Each sets itself up in .venv,
# and does nothing more than a timestamp check when that is already done.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TSTAMP := $(VENV)/.installed-test
BSTAMP := $(VENV)/.installed-bench

.PHONY: run test lint bench install clean

run: $(STAMP)
	$(BIN)/vnpress entities seeds/

test: $(TSTAMP) lint
	$(BIN)/python -m pytest -q

lint: $(TSTAMP)
	$(BIN)/ruff check vnpress tests bench
	$(BIN)/ruff format --check vnpress tests bench

bench: $(BSTAMP)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

install: $(STAMP)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(TSTAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

# the bench extra: pyvi, which ratio 1 measures next to underthesea
$(BSTAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install -q -e '.[bench]'
	touch $@

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
