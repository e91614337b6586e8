# extract: set-up, tests and the main jobs. `make help` lists the targets.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
IN     ?= seeds
OUT    ?= outputs/seeds
LANGS  ?=
WORKERS ?= 1
export CORPORA_DIR ?= $(abspath ../shared/corpora)

.PHONY: help setup test extract models eval bench langid-eval clean

help:
	@echo "make setup          create $(VENV) and install the package with its pinned dependencies"
	@echo "make test           run the test suite (unit, end-to-end on the gold set, accuracy against eval/baseline.json)"
	@echo "make extract        run the pipeline: IN=$(IN) OUT=$(OUT) [WORKERS=$(WORKERS)]"
	@echo "make models         train the NER models from CORPORA_DIR [LANGS=el,tr]"
	@echo "make eval           score the pipeline on gold/, the corpora's dev sets and gold/unseen -> outputs/eval*/"
	@echo "make bench          speed and memory on a >=2,000-document batch, 1 and 2 workers"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

setup: $(PY)
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	@$(PY) -c "import extract, spacy; print('extract', extract.__version__, 'with spaCy', spacy.__version__, 'ready')"

test:
	$(PY) -m pytest -q -rs

extract:
	$(PY) -m extract run $(IN) -o $(OUT) --workers $(WORKERS)

models:
	$(PY) -m extract.training.train $(if $(LANGS),--langs $(LANGS),)
	$(PY) -m extract.training.given_names
	$(PY) -m extract.training.common_words

eval:
	$(PY) -m extract.evaluate --corpora
	$(PY) -m extract.evaluate --gold gold/unseen --out outputs/eval_unseen --baseline none

bench:
	$(PY) -m extract.bench

langid-eval:
	$(PY) -m extract.langid_eval

clean:
	rm -rf outputs/* .pytest_cache
