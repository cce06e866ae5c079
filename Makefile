# «Наставник» — one task runner. Every target sets up what it needs.
#   make site    — create .venv, install, build the demo portal into site/
#   make test    — the same set-up plus test tools, Chromium and the npm packages, then every test
#   make serve   — live preview at http://127.0.0.1:8000
#   make bench   — build synthetic portals and compare with plain mkdocs-material (BENCH_SIZES=1,10 — fewer sizes)
#   make admin   — install Decap CMS from npm, so that the build adds the browser editor at /admin/
#   make golden  — refresh tests/golden/ (the demo's generated pages and exports) after an intended change

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
NODE_STAMP := node_modules/.package-lock.json
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve bench lint golden clean browser-deps admin

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
	  echo "Не удалось создать .venv: установите пакет python3-venv (sudo apt-get install python3-venv)"; \
	  rm -rf $(VENV); \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); \
	  else exit 1; fi; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

site: $(STAMP)
	$(BIN)/nastavnik build

serve: $(STAMP)
	$(BIN)/nastavnik serve

# Debian's Chromium for the browser tests (Playwright cannot download its own browser here).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; }

# Node packages, pinned in package-lock.json: axe-core for the accessibility tests, Decap CMS and the YAML
# library (copied into /admin/ by the build), decap-server (the local backend its test drives).
# npm comes from Debian when the machine has none.
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq npm >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq npm >/dev/null; fi; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

admin: $(NODE_STAMP)

test: $(TEST_STAMP) browser-deps $(NODE_STAMP)
	$(BIN)/python -m pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests

# The demo's generated pages and exports as of the tests' pinned date, compared by tests/test_golden.py.
golden: $(STAMP)
	$(BIN)/python tests/golden.py

bench: $(STAMP)
	$(BIN)/python -m generator.bench

clean:
	rm -rf site build .site-build-* .pytest_cache node_modules
