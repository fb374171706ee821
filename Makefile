# Two commands for a fresh machine: `make run` and `make test` (see README).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PLAYGROUND_VERSION := 0.2.28
PLAYGROUND_DIR := .cache/playground
PLAYGROUND := $(PLAYGROUND_DIR)/node_modules/.bin/agentsplayground

.PHONY: install playground run test bench clean

$(BIN)/etiquette: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/etiquette

# The Microsoft 365 Agents Playground: a Teams-like client that runs offline.
$(PLAYGROUND):
	mkdir -p $(PLAYGROUND_DIR)
	cd $(PLAYGROUND_DIR) && npm install --no-audit --no-fund --loglevel=error @microsoft/m365agentsplayground@$(PLAYGROUND_VERSION)

playground: $(PLAYGROUND)

run: install
	@if [ -z "$$SLACK_BOT_TOKEN$$MICROSOFT_APP_ID" ]; then $(MAKE) --no-print-directory playground; fi
	@infra/run-local.sh

test: install playground
	@infra/run-tests.sh

clean:
	rm -rf $(VENV) .cache etiquette.db
