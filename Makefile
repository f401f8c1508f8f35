# Accord: two commands for a fresh machine — `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DIST := accord/static/dist
GOVUK := node_modules/govuk-frontend/dist/govuk
export UV_PYTHON_DOWNLOADS := never

.PHONY: run test test-dates install assets lint serve bench clean

## Install Python and npm dependencies and build the front end.
install: $(VENV)/.installed $(DIST)/.built

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json
	npm install --no-package-lock --no-audit --no-fund --loglevel=error
	touch $@

$(DIST)/.built: node_modules/.installed frontend/accord.scss frontend/init.js frontend/favicon.svg
	mkdir -p $(DIST)/govuk
	npx --no-install sass --load-path=node_modules --no-source-map --style=compressed frontend/accord.scss $(DIST)/accord.css
	cp $(GOVUK)/govuk-frontend.min.js $(DIST)/govuk/govuk-frontend.min.js
	cp node_modules/axe-core/axe.min.js $(DIST)/axe.min.js
	cp frontend/init.js frontend/favicon.svg $(DIST)/
	touch $@

assets: $(DIST)/.built

## Run Accord on SQLite with the demo council at http://127.0.0.1:8000
run: export DEBUG ?= true
run: install
	$(BIN)/accord migrate --no-input
	$(BIN)/accord demo --if-empty
	$(BIN)/accord runserver 127.0.0.1:8000

## Run every test: checks, lint, types (mypy), unit, view, browser and document tests.
## Needs Debian's chromium and LibreOffice (libreoffice-writer-nogui, for `soffice`): see .ci/run.
## The tests that need no browser or gunicorn of their own run on every core (pytest-xdist, each
## worker with its own test database); the browser and resilience tests then run one at a time.
## .ci/run's PostgreSQL pass sets SERIAL=resilience: the pages were driven in a browser on SQLite.
TEST_WORKERS ?= auto
SERIAL ?= browser or resilience
test: export DJANGO_SETTINGS_MODULE = accord.settings_test
test: install
	$(BIN)/accord check
	$(BIN)/accord makemigrations --check --dry-run
	$(BIN)/ruff check accord tests bench
	$(BIN)/ruff format --check accord tests bench
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy
	$(BIN)/pytest -p no:cacheprovider -n $(TEST_WORKERS) -m "not (browser or resilience)"
	$(BIN)/pytest -p no:cacheprovider -m "$(SERIAL)"

## The date-sensitive suites on days that catch calendar bugs (ADR 0020): a leap day, the ends and
## starts of the financial year, the half-year and the calendar year. `make test` runs on today.
## The crawl of every page (words, not dates) runs on the first of them only.
REFERENCE_DATES ?= 2028-02-29 2027-03-31 2027-04-01 2027-09-30 2027-10-01 2027-12-31 2028-01-01
DATE_SUITES := tests/frameworks tests/monitoring tests/reminders tests/reports tests/reviews \
	tests/representation tests/risks tests/lifecycle tests/test_demo_and_setup.py tests/test_clock_lint.py \
	tests/setup tests/transfer/test_council_registers.py tests/transfer/test_council_layouts.py \
	tests/transfer/test_council_layouts_routes.py tests/transfer/test_one_sheet_landings.py \
	tests/transfer/test_one_sheet_problems.py tests/transfer/test_bulk_services.py
test-dates: export DJANGO_SETTINGS_MODULE = accord.settings_test
test-dates: install
	@only="not browser and not libreoffice and not resilience"; \
	for day in $(REFERENCE_DATES); do \
	  echo "== Date-sensitive suites on $$day =="; \
	  ACCORD_TEST_TODAY=$$day $(BIN)/pytest -q -p no:cacheprovider -n $(TEST_WORKERS) \
	    -m "$$only" $(DATE_SUITES) || exit 1; \
	  only="not browser and not libreoffice and not resilience and not crawl"; \
	done

## Serve as production does (gunicorn), for the benchmark harness.
serve: install
	$(BIN)/gunicorn accord.wsgi --bind 127.0.0.1:8000 --workers 2

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) node_modules $(DIST) var
