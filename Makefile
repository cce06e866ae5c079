# «Наставник» — one task runner. Every target sets up what it needs.
#   make site    — create .venv, install, build the demo portal into site/
#   make test    — the same set-up plus test tools, Chromium and the npm packages, then every test
#   make serve   — live preview at http://127.0.0.1:8000
#   make bench   — build synthetic portals and compare with plain mkdocs-material (BENCH_SIZES=1,10 — fewer sizes)
#   make admin   — install Decap CMS from npm, so that the build adds the browser editor at /admin/
#   make golden  — refresh tests/golden/ (the demo's generated pages and exports) after an intended change
#   make lock    — re-resolve requirements/*.lock (every Python package, pinned with hashes) after pyproject.toml changed

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
# Every Python package comes from a lock file with hashes: pip installs exactly these versions, then the
# generator itself without resolving anything (see `make lock`).
LOCK      := requirements/runtime.lock
TEST_LOCK := requirements/test.lock
PIP       := $(BIN)/python -m pip install --quiet --disable-pip-version-check
NODE_STAMP := node_modules/.package-lock.json
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve bench lint golden clean browser-deps office-deps admin lock

$(STAMP): pyproject.toml $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
	  echo "Не удалось создать .venv: установите пакет python3-venv (sudo apt-get install python3-venv)"; \
	  rm -rf $(VENV); \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); \
	  else exit 1; fi; }
	$(PIP) --require-hashes -r $(LOCK)
	$(PIP) --no-deps --no-build-isolation -e .
	touch $@

$(TEST_STAMP): $(STAMP) $(TEST_LOCK)
	$(PIP) --require-hashes -r $(TEST_LOCK)
	touch $@

# The test lock is resolved first; the runtime lock takes the same versions (-c), so the two never disagree.
# Both are universal (Linux, Windows, macOS; Python 3.11 and newer). Needs the network to PyPI.
UV_COMPILE := $(BIN)/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes --no-strip-extras \
	--custom-compile-command "make lock"
BUILD_REQUIRES = $(BIN)/python -c "import tomllib; print(*tomllib.load(open('pyproject.toml','rb'))['build-system']['requires'], sep=chr(10))"

lock: $(TEST_STAMP)
	$(BUILD_REQUIRES) | $(UV_COMPILE) pyproject.toml - --extra test -o $(TEST_LOCK)
	$(BUILD_REQUIRES) | $(UV_COMPILE) pyproject.toml - -c $(TEST_LOCK) -o $(LOCK)

site: $(STAMP)
	$(BIN)/nastavnik build

serve: $(STAMP)
	$(BIN)/nastavnik serve

# Debian's Chromium for the browser tests (Playwright cannot download its own browser here).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; }

# LibreOffice (imports .doc/.rtf/.odt/.xls/.ods and makes the tests' files), Tesseract with its Russian model,
# Ghostscript (OCRmyPDF: `nastavnik ocr`, scanned roadmaps) and Poppler's tools, from Debian.
OFFICE_DEBS := libreoffice-writer-nogui libreoffice-calc-nogui tesseract-ocr tesseract-ocr-rus ghostscript poppler-utils
office-deps:
	@{ command -v soffice && command -v tesseract && command -v gs && command -v pdftoppm \
	   && tesseract --list-langs 2>/dev/null | grep -qx rus; } >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $(OFFICE_DEBS) >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq $(OFFICE_DEBS) >/dev/null; fi; }

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

test: $(TEST_STAMP) browser-deps office-deps $(NODE_STAMP)
	$(BIN)/python -m pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests

# The demo's generated pages and exports as of the tests' pinned date, compared by tests/test_golden.py.
golden: $(STAMP)
	$(BIN)/python tests/golden.py

bench: $(STAMP)
	$(BIN)/python -m generator.tools.bench

clean:
	rm -rf site build .site-build-* .pytest_cache node_modules
