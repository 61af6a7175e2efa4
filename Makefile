# Presswatch: two commands on a fresh machine.
#   make demo   set everything up, run the nightly pipeline against the demo newsroom, serve the review app
#   make test   set everything up and run the whole test suite (lint, types, tests)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test setup system-deps lint typecheck pytest clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

system-deps:
	bash scripts/system-deps.sh

demo: setup
	$(BIN)/presswatch demo

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy

pytest: setup system-deps
	$(BIN)/python -m pytest -ra

test: setup system-deps lint typecheck pytest

clean:
	rm -rf $(VENV) data/presswatch.db*
