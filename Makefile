# make run: set up .venv and start the dashboard on the bundled data.
# make test: set up .venv with test tools, lint, validate the data and run every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test validate lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.runtime
	$(BIN)/python -m streamlit run app.py

validate: $(VENV)/.runtime
	$(BIN)/python -m loaders.validate

lint: $(VENV)/.dev
	$(BIN)/python -m ruff check .

test: $(VENV)/.dev
	$(BIN)/python -m ruff check .
	$(BIN)/python -m loaders.validate
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
