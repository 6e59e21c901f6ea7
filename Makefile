# Two commands for everyone: `make lab` to learn, `make test` to check.
# Everything runs inside .venv, made from requirements.txt on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install lab test data bench html student-copy clean

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; run: make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install everything

lab: install  ## open JupyterLab on the start notebook (localhost only, with a token)
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 notebooks/00-start-here.ipynb

test: install  ## run the whole test suite
	$(BIN)/python -m pytest

data: install  ## rebuild data/ from ../shared/data
	$(BIN)/python -m worldorder.build

bench: install  ## time the helper, the widgets and the notebooks
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build
