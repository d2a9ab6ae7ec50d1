# Two commands do all set-up on a fresh machine:
#   make serve   virtual environment + pinned dependencies, figures, site on http://127.0.0.1:8000
#   make test    the same environment (and Chromium for the browser test), then every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench browser-deps clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[docs,test]"
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# Debian's chromium for the browser test (a test tool's own browser download does not work offline).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# The environment and Chromium are installed side by side (one waits on disk and network, the other
# on the package index).
test:
	@$(MAKE) --no-print-directory -j2 $(STAMP) browser-deps
	$(BIN)/python -m pytest

# Timings against the library a reader would use instead (one script per chapter); never part of `make test`.
bench: $(STAMP)
	@for f in benchmarks/*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) site .cache .pytest_cache .hypothesis
