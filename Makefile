# Presswatch: two commands on a fresh machine.
#   make demo   set everything up, run the nightly pipeline against the demo newsroom, serve the review app
#   make test   set everything up and run the whole test suite (lint, types, tests)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test setup system-deps lint typecheck pytest clean messages

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# gettext catalogues: extract every message, merge into en/ru/kk, compile the .mo files
# (committed, so a fresh clone needs no compile step); tests/test_catalogues.py checks coverage
LOCALES := presswatch/locale
SOURCES := presswatch review reports flows storage
messages: setup
	$(BIN)/pybabel -q extract -F babel.cfg --no-location --sort-output --omit-header \
	  -k N_ -o $(LOCALES)/messages.pot $(SOURCES)
	for lang in ru kk; do \
	  test -f $(LOCALES)/$$lang/LC_MESSAGES/messages.po || \
	    $(BIN)/pybabel -q init -i $(LOCALES)/messages.pot -d $(LOCALES) -l $$lang; \
	done
	$(BIN)/pybabel -q update -i $(LOCALES)/messages.pot -d $(LOCALES) --no-fuzzy-matching \
	  --ignore-obsolete --width 100
	$(BIN)/pybabel -q compile -d $(LOCALES) --statistics

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
