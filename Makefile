# Two entry points for a newcomer: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test clean

$(BIN)/presslate: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(BIN)/presslate

setup: $(BIN)/presslate

demo: setup
	bash scripts/demo.sh

test: setup
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) site .presslate-cache
