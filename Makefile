# Quick start: `make demo` (set up, run asmap on the bundled Zaamar sample) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: demo test test-fast venv test-deps browser lint bench clean

$(BIN)/asmap: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.test-deps: $(BIN)/asmap
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

venv: $(BIN)/asmap

test-deps: $(VENV)/.test-deps browser

# Debian's Chromium and QGIS bindings for the map tests (root, or sudo, on a Debian machine).
browser:
	@sh scripts/install-test-tools.sh

demo: $(BIN)/asmap
	$(BIN)/asmap analyze --out $(OUT)/results.gpkg
	$(BIN)/asmap brief --on 2021-04-06 --out $(OUT)/brief
	@echo "The negotiation brief for the sample: $(abspath $(OUT)/brief)"

test: test-deps
	$(BIN)/python -m pytest -q

# The edit-test loop: no browser, QGIS, notebooks or slow tests.
test-fast: $(VENV)/.test-deps
	$(BIN)/python -m pytest -q -m "not browser and not qgis and not slow and not notebook"

lint: $(VENV)/.test-deps
	$(BIN)/ruff check .

$(VENV)/.bench-deps: $(VENV)/.test-deps
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	@touch $@

# Every benchmark target (benchmarks/README.md): start-up, atlas, DuckDB, Dask, analysis.
bench: $(VENV)/.bench-deps
	$(BIN)/python -m benchmarks.startup
	$(BIN)/python -m benchmarks.atlas --sheets 500
	$(BIN)/python -m benchmarks.vs_duckdb --sizes 20000,100000 --repeats 5
	$(BIN)/python -m benchmarks.run --sizes 200000,1000000 --engines dask-dataset \
	    --dask-min 1 --repeats 1 --results benchmarks/results_dask_dataset.json
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(OUT) test-artifacts .pytest_cache
