# Two commands for everyone: `make lab` to learn, `make test` to check.
# Everything runs inside .venv, made from requirements.txt on first use (`make test` adds requirements-dev.txt).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
JUPYTER ?= $(BIN)/jupyter
LAB_ARGS ?=
# JupyterLab refuses to run as root unless told to; containers and CI machines often are root.
ROOT_ARGS := $(if $(filter 0,$(shell id -u)),--ServerApp.allow_root=True)

# `make lab` for a class: the learner's own copies live in my-work/ (git-ignored); JupyterLab opens there, does not
# save, delete or rename anything in notebooks/ and does not serve solutions/ (tools/classroom.py); the project's
# JupyterLab defaults (no news pop-up, the file browser follows the open notebook) go into the app settings of .venv only, never into ~/.jupyter.
WORK          := my-work
LAB_OVERRIDES := $(VENV)/share/jupyter/lab/settings/overrides.json

.PHONY: install browser lab test data bench html student-copy copies grade clean hub hub-tools hub-proxy hub-grade hub-remove bench-hub class-tools hub-release hub-collect hub-autograde hub-written hub-results hub-feedback release collect autograde results feedback

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
	  --ServerApp.contents_manager_class=tools.classroom.ClassroomContentsManager \
	  $(ROOT_ARGS) $(LAB_ARGS) $(WORK)/00-start-here.ipynb

# axe-core, the accessibility checker the browser tests inject into pages from disk (npm, pinned; nothing at run time
# reaches the network). Without npm the accessibility tests are skipped, except in CI.
AXE_VERSION := 4.10.3
AXE := $(VENV)/axe/node_modules/axe-core/axe.min.js
$(AXE): $(STAMP)
	@if command -v npm >/dev/null; then npm install --prefix $(VENV)/axe --no-save --no-audit --no-fund --silent \
	  axe-core@$(AXE_VERSION); else echo "npm not found: the accessibility tests will be skipped"; fi

# Test and build tools: only `make test` installs them, never `make lab` (learners) or Binder.
$(VENV)/.dev-tools: requirements-dev.txt $(STAMP)
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

test: install browser $(VENV)/.dev-tools $(VENV)/.class-tools hub-tools $(AXE)  ## run the whole test suite
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

# The teacher's grading loop (nbgrader, installed only for the teacher and the tests): one assignment per notebook,
# nb00 ... nb07 (ASSIGNMENT=nb03; all when empty). COURSE_DIR holds the gradebook; EXCHANGE is where students fetch
# and submit (class/exchange with make lab; /srv/nbgrader/exchange on a JupyterHub); ROSTER lists the students.
COURSE_DIR ?= class
ASSIGNMENT ?=
NBGRADE = $(BIN)/python -m tools.nbgrade --course-dir $(COURSE_DIR) $(if $(EXCHANGE),--exchange $(EXCHANGE)) \
  $(if $(ROSTER),--roster $(ROSTER)) $(if $(EXCHANGE),,--local)

$(VENV)/.class-tools: requirements-grading.txt $(STAMP)
	$(BIN)/python -m pip install --quiet -r requirements-grading.txt
	touch $@

class-tools: $(VENV)/.class-tools  ## install nbgrader for the teacher's grading loop

release: class-tools  ## release the assignments to the students (ASSIGNMENT=nb03 for one)
	$(NBGRADE) release $(ASSIGNMENT)

collect: class-tools  ## collect the students' submissions
	$(NBGRADE) collect $(ASSIGNMENT)

autograde: class-tools  ## run every submission's self-checks; then make results, and grade the written answers
	$(NBGRADE) autograde $(ASSIGNMENT)
	@echo "Written answers: $(NBGRADE) written nb03 (lists them with their rubrics; --student --exercise --score --comment grades one)"

results: class-tools  ## the auto-checked and hand-graded scores, into results.csv
	$(NBGRADE) results --out results.csv

feedback: class-tools  ## generate the feedback and return it to the students
	$(NBGRADE) feedback $(ASSIGNMENT)


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

# ---------------------------------------------------------------- the class server (hub/README.md)
HUB_PREFIX ?= /srv/worldorder
CLASS_LIST ?= hub/class-list.csv
HUB_IP     ?= 127.0.0.1
HUB_PORT   ?= 8000
MEM_LIMIT  ?= 1G
CULL_IDLE  ?= 3600
HUB_EXCHANGE ?= /srv/nbgrader/exchange
HUB_PROXY  := hub/node_modules/.bin/configurable-http-proxy
HUB_ENV     = WORLDORDER_HUB_PREFIX="$(HUB_PREFIX)" WORLDORDER_HUB_IP="$(HUB_IP)" WORLDORDER_HUB_PORT="$(HUB_PORT)" \
              WORLDORDER_MEM_LIMIT="$(MEM_LIMIT)" WORLDORDER_CULL_IDLE="$(CULL_IDLE)"

$(VENV)/.hub-tools: hub/requirements-hub.txt $(STAMP)
	$(BIN)/python -m pip install --quiet -r hub/requirements-hub.txt
	touch $@

# The proxy needs Node.js and npm: installed with apt when missing and possible; otherwise `make hub` stops with the
# message and the class test is skipped (make test goes on without it).
$(HUB_PROXY): hub/package.json
	@command -v npm >/dev/null || { if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; fi; }
	@if command -v npm >/dev/null; then cd hub && npm install --no-package-lock --no-audit --no-fund --loglevel=error \
	  && touch $(CURDIR)/$@; else echo "Node.js and npm are needed for the hub's proxy (Debian/Ubuntu: apt-get install nodejs npm)"; fi

hub-proxy: $(HUB_PROXY)
	@test -x $(HUB_PROXY) || { echo "the hub's proxy is not installed: see the message above"; exit 1; }

hub-tools: $(VENV)/.hub-tools $(HUB_PROXY)  # JupyterHub, its authenticator and culler in .venv; the proxy in hub/

hub: hub-tools hub-proxy  ## the class server for CLASS_LIST (hub/class-list.csv), as root, on http://127.0.0.1:8000 (hub/README.md)
	$(BIN)/python -m tools.classhub setup --class-list "$(CLASS_LIST)" --prefix "$(HUB_PREFIX)" --exchange "$(HUB_EXCHANGE)"
	@echo "The teacher signs up first at http://$(HUB_IP):$(HUB_PORT)/hub/signup, then approves students at /hub/authorize."
	cd "$(HUB_PREFIX)/hub" && $(HUB_ENV) exec "$(abspath $(BIN))/jupyterhub" -f "$(CURDIR)/hub/jupyterhub_config.py"

hub-grade: install  ## the class gradebook from every student's notebooks on the hub, into HUB_PREFIX/teacher/gradebook.csv
	$(BIN)/python -m tools.classbook --prefix "$(HUB_PREFIX)" --out "$(HUB_PREFIX)/teacher/gradebook.csv"

# The grading loop on the hub (hub/README.md): nbgrader run as the teacher's own Unix user (TEACHER=..., default the
# first teacher on the class list), its course folder ~TEACHER/course; students fetch and submit in JupyterLab's
# Assignments tab. ASSIGNMENT=nb03 for one (all when empty).
HUB_NBGRADE = $(BIN)/python -m tools.hubgrade --prefix "$(HUB_PREFIX)" --exchange "$(HUB_EXCHANGE)" $(if $(TEACHER),--teacher $(TEACHER))

hub-release hub-collect hub-autograde hub-feedback: install  ## the grading loop on the hub, as root: release, collect, autograde, return feedback
	$(HUB_NBGRADE) $(@:hub-%=%) $(ASSIGNMENT)

hub-written: install  ## each written answer of ASSIGNMENT=nb03 with its rubric; STUDENT= EXERCISE= SCORE= COMMENT= grades one
	$(HUB_NBGRADE) written $(ASSIGNMENT) $(if $(SCORE),--student "$(STUDENT)" --exercise "$(EXERCISE)" --score "$(SCORE)" $(if $(COMMENT),--comment "$(COMMENT)"))

hub-results: install  ## the auto-checked and hand-graded scores of the class, into ~TEACHER/course/results.csv
	$(HUB_NBGRADE) results --out course/results.csv

hub-remove: install  ## remove students (NAMES="ada kofi"): their Unix users and homes; their notebooks are archived for the teacher
	$(BIN)/python -m tools.classhub remove $(NAMES) --prefix "$(HUB_PREFIX)"

bench-hub: hub-tools hub-proxy  ## N simulated students (N=10) through the hub on 127.0.0.1: spawn time, cell times, memory each
	$(BIN)/python -m benchmarks.hubload --students $(or $(N),10)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis build
