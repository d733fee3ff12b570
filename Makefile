# Two entry points for a newcomer: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The modules compiled at install (see setup.py): installing again when one changes keeps the compiled copies current.
HOT_SOURCES := $(patsubst %,src/%.py,$(subst .,/,$(shell grep -v '^\#' src/presslate/_speedups/modules.txt)))

.PHONY: setup demo test clean

$(BIN)/presslate: pyproject.toml setup.py src/presslate/_speedups/modules.txt $(HOT_SOURCES)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(BIN)/presslate

setup: $(BIN)/presslate

demo: setup
	bash scripts/demo.sh

# The whole suite runs with the compiled modules; the tests of those modules run again as plain Python.
test: setup
	$(BIN)/python -m pytest -q
	PRESSLATE_PURE_PYTHON=1 $(BIN)/python -m pytest -q tests/checks tests/catalog tests/test_terms.py tests/test_releasefile.py

clean:
	rm -rf $(VENV) site .presslate-cache build src/presslate/_speedups/built.json
	find src/presslate/_speedups -name '*.so' -delete
