# Two commands for everybody:
#   make lab   set up (first time only) and open the course in JupyterLab
#   make test  set up (first time only) and run every test
# The set-up is re-done only when pyproject.toml changes (the stamp file below).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LAB_ARGS ?=

.PHONY: setup lab test lint bench datasets exercises clean

setup: $(STAMP)

$(STAMP): pyproject.toml jupyter/overrides.json
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed, found " + sys.version' 
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (cluster course)"
	@# course defaults for JupyterLab (no news pop-ups for learners): jupyter/overrides.json
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp jupyter/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	@touch $(STAMP)
	@echo "Set-up done: the course environment is in $(VENV)/"

lab: setup
	$(BIN)/course lab $(LAB_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: setup lint
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python tests/benchmarks/bench_economics.py

datasets: setup
	$(BIN)/python datasets/generate.py

exercises: setup
	$(BIN)/course exercises

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis .benchmarks submitted autograded feedback gradebook.db
