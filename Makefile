# Quick start: `make notes` checks every derivation and renders the handouts into output/;
# `make test` runs the test suite. Both create .venv on first use and reuse it after.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: notes test check bench clean

# Markdown, LaTeX and HTML in both languages; the book as PDF too when XeLaTeX and latexmk are installed
PDF := $(if $(and $(shell command -v xelatex),$(shell command -v latexmk)),--format pdf)

notes: $(STAMP)
	$(BIN)/derive render -o output --format md --format tex --format html $(PDF)

check: $(STAMP)
	$(BIN)/derive check

test: $(STAMP)
	$(BIN)/python -m pytest -n 2

bench: $(STAMP)
	$(BIN)/python benchmarks/check_times.py

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else "neuroderive needs Python 3.10 or newer; set PYTHON=...")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
