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

# `make lab` for a class: the learner's own copies live in my-work/ (git-ignored); JupyterLab opens there and
# refuses to save into notebooks/; the project's JupyterLab defaults (no news pop-up, the file browser follows the
# open notebook) go into the app settings of .venv only, never into ~/.jupyter.
WORK          := my-work
LAB_OVERRIDES := $(VENV)/share/jupyter/lab/settings/overrides.json

.PHONY: install browser lab test data bench html student-copy copies grade clean

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

$(LAB_OVERRIDES): tools/jupyterlab/overrides.json $(STAMP)
	mkdir -p $(@D)
	cp tools/jupyterlab/overrides.json $@

lab: QUIET := 1
lab: install copies $(LAB_OVERRIDES)  ## open JupyterLab on your own copy my-work/00-start-here.ipynb (localhost only, with a token)
	PYTHONPATH="$(CURDIR)$${PYTHONPATH:+:$$PYTHONPATH}" $(JUPYTER) lab --ServerApp.ip=127.0.0.1 --ServerApp.root_dir=. \
	  --ContentsManager.pre_save_hook=tools.classroom.keep_class_notebooks_clean \
	  $(ROOT_ARGS) $(LAB_ARGS) $(WORK)/00-start-here.ipynb

# axe-core, the accessibility checker the browser tests inject into pages from disk (npm, pinned; nothing at run time
# reaches the network). Without npm the accessibility tests are skipped, except in CI.
AXE_VERSION := 4.10.3
AXE := $(VENV)/axe/node_modules/axe-core/axe.min.js
$(AXE): $(STAMP)
	@if command -v npm >/dev/null; then npm install --prefix $(VENV)/axe --no-save --no-audit --no-fund --silent \
	  axe-core@$(AXE_VERSION); else echo "npm not found: the accessibility tests will be skipped"; fi

$(VENV)/.binder-tools: requirements-binder.txt $(STAMP)
	$(BIN)/python -m pip install --quiet -r requirements-binder.txt
	touch $@

test: install browser $(VENV)/.binder-tools $(AXE)  ## run the whole test suite
	$(BIN)/python -m pytest

data: install  ## rebuild data/ from ../shared/data
	$(BIN)/python -m tools.build

bench: install  ## time the helper, the widgets and the notebooks
	$(BIN)/python -m benchmarks

html: install  ## export every notebook, executed, to static pages in site/
	$(BIN)/python -m tools.export --out site

GRADE_DIR ?= $(WORK)
grade: install  ## run the self-checks of a folder of students' notebooks (GRADE_DIR=my-work) into gradebook.csv
	$(BIN)/python -m tools.grade $(GRADE_DIR) --out gradebook.csv

# every notebook missing from my-work/ is copied, with this kernel's metadata so that it does not open as changed
copies:  # the learner's own copies: every notebook missing from my-work/ is copied; one already there is never touched
	@mkdir -p $(WORK)
	@for nb in notebooks/*.ipynb; do \
	  if [ -e "$(WORK)/$${nb##*/}" ]; then $(if $(QUIET),:,echo "kept your $(WORK)/$${nb##*/}"); \
	  else cp "$$nb" $(WORK)/ && echo "copied $$nb to $(WORK)/" && \
	    { [ ! -x $(BIN)/python ] || $(BIN)/python -m tools.notebook_metadata "$(WORK)/$${nb##*/}" >/dev/null; }; fi; \
	done

student-copy: copies  ## copy the notebooks into my-work/; a notebook already there is never overwritten
	@echo "Your copies are in $(WORK)/. make lab opens them."

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build
