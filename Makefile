# make run: set up .venv and start the dashboard on the bundled data.
# make check: lint, validate the data and run the fast tests (under a minute; no browser, no AppTest, nothing marked slow).
# make test: set up .venv with test tools, lint, validate the data and run every test (CI's .ci/run calls this).
# make serve: the public edition on several processes behind HAProxy (README, "Serving many readers"); WORKERS=, PORT=, HOST=, UPLOADS=on.
# make audit: pip-audit and npm audit; fails when a package is vulnerable or was not checked (README, "Security").
# make site: write the static edition of every figure to site/ (README, "The static edition").
# make translations: words/ -> locales/messages.pot -> each language's .po (updated) -> .mo (docs/translating.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run serve check test validate lint format-check clean e2e-tools site audit translations compiled-translations

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# The readers' languages (docs/translating.md). Each compiled catalog is rebuilt when its .po changes; run, serve,
# site, check and test depend on them, so a fresh clone compiles at set-up (the .mo files are not committed).
CATALOGS := $(wildcard locales/*/LC_MESSAGES/messages.po)
COMPILED := $(CATALOGS:.po=.mo)
LANGS := ja ko it

%/LC_MESSAGES/messages.mo: %/LC_MESSAGES/messages.po $(VENV)/.runtime
	$(BIN)/python -m i18n.catalogs compile $<

compiled-translations: $(COMPILED)

# Extract the words into the template, add new msgids to each .po (marked fuzzy when close to an old one), compile,
# then check: untranslated or fuzzy entries and placeholder mismatches fail (i18n/catalogs.py says why not pybabel).
translations: $(VENV)/.runtime
	$(BIN)/python -m i18n.extract
	$(BIN)/python -m i18n.catalogs update $(LANGS)
	$(BIN)/python -m i18n.catalogs compile
	$(BIN)/python -m i18n.check

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime compiled-translations
	$(BIN)/python -m streamlit run asgi.py

# WORKERS Streamlit processes on loopback behind HAProxy on HOST:PORT, kept running by supervisord until Ctrl-C.
WORKERS ?= $(shell nproc 2>/dev/null || echo 2)
PORT ?= 8501
# HOST only from the command line (`make serve HOST=127.0.0.1`): zsh sets HOST to the machine's name.
HOST := $(if $(filter command line,$(origin HOST)),$(HOST),0.0.0.0)
UPLOADS ?= off
serve: $(VENV)/.runtime compiled-translations
	$(BIN)/python -m deploy.serve --workers $(WORKERS) --port $(PORT) --host $(HOST) --uploads $(UPLOADS)

validate: $(VENV)/.runtime
	$(BIN)/python -m loaders.validate

# Pages, embeds, PNG/SVG (Kaleido on the system Chromium), CSV and metadata per figure; from HIKIKOMORI_DATA_DIR if set.
# e2e-tools first: the site ships npm's basic plotly.js bundle when installed, else the full one (and says so).
site: $(VENV)/.runtime e2e-tools compiled-translations
	$(BIN)/python -m publish site

lint: format-check
	$(BIN)/python -m ruff check .

# Reports files whose layout differs from [tool.ruff.format]; `.venv/bin/python -m ruff format .` rewrites them.
format-check: $(VENV)/.dev
	$(BIN)/python -m ruff format --check .

# axe-core for the accessibility tests and plotly.js's basic bundle for make site, pinned in package-lock.json (needs
# npm; without it the accessibility tests skip and make site ships the full plotly.js, each saying so). npm ci again
# whenever package-lock.json is newer than what node_modules holds.
e2e-tools:
	@if [ -f node_modules/axe-core/axe.min.js ] && [ -f node_modules/plotly.js-basic-dist-min/plotly-basic.min.js ] \
		&& [ node_modules/.package-lock.json -nt package-lock.json ]; then :; \
	elif command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm not found: accessibility tests skip, make site ships the full plotly.js (install Node.js for both)"; fi

# The markers are declared in pyproject.toml; tests/conftest.py marks the browser and AppTest folders.
check: lint validate compiled-translations
	$(BIN)/python -m pytest -q -m "not browser and not apptest and not slow and not chromium"

test: lint validate e2e-tools compiled-translations
	$(BIN)/python -m pytest

# Needs network access to PyPI's advisory service and npm's registry: without it every package is "not checked",
# which fails (deploy/audit.py), never passes. PIP_AUDIT= names another pip-audit.
audit: $(VENV)/.dev
	$(BIN)/python -m deploy.audit requirements.txt requirements-dev.txt --lock package-lock.json

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache site
	rm -f locales/*/LC_MESSAGES/*.mo
