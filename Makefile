# Two commands for everyone: `make lab` to learn, `make test` to check.
# Everything runs inside .venv, made from requirements.txt on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
JUPYTER ?= $(BIN)/jupyter
LAB_ARGS ?=
# JupyterLab refuses to run as root unless told to; containers and CI machines often are root.
ROOT_ARGS := $(if $(filter 0,$(shell id -u)),--ServerApp.allow_root=True)

.PHONY: install browser lab test data bench html student-copy clean

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; run: make PYTHON=python3.11 ...")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP)  ## create .venv and install everything

browser:  ## Debian's Chromium for the browser test, installed with apt when missing and possible
	@command -v chromium >/dev/null || { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium not found: the browser test will be skipped (Debian/Ubuntu: sudo apt-get install chromium)"; fi; }

lab: install  ## open JupyterLab on the start notebook (localhost only, with a token); never touches your notebooks
	$(JUPYTER) lab --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=. $(ROOT_ARGS) $(LAB_ARGS) notebooks/00-start-here.ipynb

test: install browser  ## run the whole test suite
	$(BIN)/python -m pytest

data: install  ## rebuild data/ from ../shared/data
	$(BIN)/python -m worldorder.build

bench: install  ## time the helper, the widgets and the notebooks
	$(BIN)/python -m benchmarks

html: install  ## export every notebook, executed, to static pages in site/
	$(BIN)/python -m tools.export --out site

student-copy:  ## copy the notebooks into my-work/; a notebook already there is never overwritten
	mkdir -p my-work
	@for nb in notebooks/*.ipynb; do \
	  if [ -e "my-work/$${nb##*/}" ]; then echo "kept your my-work/$${nb##*/}"; else cp "$$nb" my-work/ && echo "copied $$nb"; fi; \
	done
	@echo "Your copies are in my-work/. Open them with: make lab, then the folder on the left."

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build
