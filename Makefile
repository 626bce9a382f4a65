# Two commands for everybody:
#   make lab   set up (first time only) and open the course in JupyterLab
#   make test  set up with the test tools (first time only) and run every test
# The set-up itself is tools/bootstrap.py (standard library only), the same on Windows and macOS
# without make: `py tools\bootstrap.py lab`, `python3 tools/bootstrap.py lab`. It keeps two
# stamps in the environment, .venv/.installed-lab (the course and JupyterLab) and
# .venv/.installed-test (plus the test tools), and re-does a set-up only when pyproject.toml or
# jupyter/overrides.json changed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
BOOTSTRAP := $(PYTHON) tools/bootstrap.py --venv $(VENV)
LAB_ARGS ?=
WHEELHOUSE ?= wheelhouse

.PHONY: setup setup-test lab doctor test lint bench datasets exercises wheelhouse learner-edition clean

setup:
	@$(BOOTSTRAP) setup

setup-test: node_modules/.bin/configurable-http-proxy
	@$(BOOTSTRAP) setup --test

# course hub's proxy (npm, about 9 MB, into node_modules/); the browser tests use Debian's
# chromium (`apt-get install -y chromium`; never `playwright install`) and skip without it
node_modules/.bin/configurable-http-proxy: package.json package-lock.json
	@command -v npm >/dev/null || { echo "course hub needs Node.js and npm (apt-get install -y npm): skipping"; exit 0; }; \
	npm ci --no-audit --no-fund && touch $@

lab: setup
	$(BIN)/course lab $(LAB_ARGS)

doctor: setup
	$(BIN)/course doctor

lint: setup-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: setup-test lint
	$(BIN)/python -m pytest

# every subject's benchmark script: ratios against a baseline measured in the same run
bench: setup-test
	@for script in tests/benchmarks/bench_*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

datasets: setup
	$(BIN)/python datasets/generate.py

exercises: setup
	$(BIN)/course release

# for trainers: wheels for Windows, macOS and Linux, Python 3.11-3.13, to copy onto USB sticks
wheelhouse: setup
	$(BIN)/course wheelhouse $(WHEELHOUSE)

# for trainers: the learner edition, without solutions, hidden tests or instructor notes
learner-edition: setup
	$(BIN)/course edition dist/cluster-course-learner.zip

clean:
	rm -rf $(VENV) node_modules .pytest_cache .ruff_cache .hypothesis .benchmarks submitted autograded feedback release gradebook.db dist $(WHEELHOUSE)
