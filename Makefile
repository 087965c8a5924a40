# The front door: `make run` to try the site, `make test` to check it.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install run serve worker test lint format check clean bench bench-scale

help:  ## List the commands
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Test-only tools (axe-core, the Nu HTML Checker); skipped where npm is missing.
node_modules/.installed: package.json package-lock.json
	if command -v npm >/dev/null; then npm ci --no-audit --no-fund --ignore-scripts && touch $@; fi

install: $(VENV)/.installed node_modules/.installed  ## Create the virtualenv and install the pinned packages

run: install  ## Install, migrate, create an admin, load demo content, serve on http://127.0.0.1:8000 with a worker
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py load_demo_content --if-empty
	$(PY) manage.py ensure_admin --url http://$(HOST):$(PORT)
	PY=$(PY) scripts/run_dev.sh $(HOST):$(PORT)

serve: install  ## Serve with gunicorn and production settings (SECRET_KEY, ALLOWED_HOSTS); `make worker` beside it
	DJANGO_SETTINGS_MODULE=website.settings.production $(PY) manage.py collectstatic --noinput --verbosity 0
	DJANGO_SETTINGS_MODULE=website.settings.production $(PY) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=website.settings.production $(PY) manage.py createcachetable
	DJANGO_SETTINGS_MODULE=website.settings.production $(VENV)/bin/gunicorn website.wsgi:application -c gunicorn.conf.py

worker: install  ## The background worker for production: e-mail, reminders, scheduled publishing (docs/deployment.md)
	DJANGO_SETTINGS_MODULE=website.settings.production $(PY) manage.py run_worker

test: install  ## Run the whole test suite (SQLite, or the database in DATABASE_URL)
	$(PY) -m pytest

lint: install  ## Lint and check formatting (Python and templates), Django checks and missing migrations
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check --tabwidth 4 templates
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

format: install  ## Format the code and templates and fix what ruff can
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml --tabwidth 4 templates

bench: install  ## Benchmark the demo site (gunicorn, PostgreSQL, wrk, valgrind, Lighthouse) and print the figures
	command -v wrk >/dev/null || apt-get install -y wrk || sudo apt-get install -y wrk
	command -v valgrind >/dev/null || apt-get install -y valgrind || sudo apt-get install -y valgrind
	$(PY) scripts/bench.py $(BENCH_ARGS)

bench-scale: install  ## Measure pages, reports and exports at demo size and grown to 10,000 pages (PostgreSQL)
	$(PY) scripts/bench_scale.py $(BENCH_SCALE_ARGS)

clean:  ## Remove the virtualenv, the local database and collected files
	rm -rf $(VENV) db.sqlite3 staticfiles node_modules artifacts
