# Two commands for a fresh Debian/Ubuntu machine with Python 3.11+:
#   make run    install what is missing, create and seed the database, start the API on 127.0.0.1:5000
#   make test   install what is missing and run the whole test suite (SQLite and PostgreSQL, side by side)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
# make run has dev login on: it refuses a HOST other than loopback unless
# RUN_FLAGS=--i-know-dev-login-is-public (anyone who reaches the server can then log in as any demo account).
RUN_FLAGS ?=
# Debian packages the project needs: PostgreSQL for the second test run and scaled deployments.
SYSTEM_PACKAGES := $(shell cat scripts/system-packages.txt | grep -v '^\#')

.PHONY: run test install system-packages clean api-examples

run: install
	$(BIN)/python -m miniprogram_api.serve --host $(HOST) --port $(PORT) --dev $(RUN_FLAGS)

test: install
	scripts/run-tests.sh

install: system-packages $(VENV)/.installed

system-packages:
	@scripts/install-system-packages.sh $(SYSTEM_PACKAGES)

# Reinstalls only when the declared dependencies change.
$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

# The OpenAPI document's response examples, recorded from real answers while the API tests run. Left out: the
# tests that read the API document, whose examples are the file being written.
api-examples: install
	rm -f miniprogram_api/openapi_examples.json
	LIANGBU_RECORD_API_EXAMPLES=$(CURDIR)/miniprogram_api/openapi_examples.json $(BIN)/python -m pytest -q \
		tests/miniprogram_api tests/accessibility/chat/test_official_account.py \
		--ignore=tests/miniprogram_api/test_openapi.py \
		--deselect tests/miniprogram_api/test_consent_link.py::test_the_api_document_says_the_link_is_a_page_for_a_browser

clean:
	rm -rf $(VENV) instance .pytest_cache .hypothesis
