# Two commands matter: `make run` (demo on SQLite) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000
# `make test` runs the suite in parallel, one worker per core (TEST_WORKERS=0: in this process);
# a test file stays on one worker.
TEST_WORKERS ?= auto
PYTEST_PARALLEL := -n $(TEST_WORKERS) --dist loadfile

.PHONY: setup run serve worker demo test test-postgres lint format bench messages clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.txt
	touch $@

setup: $(VENV)/.installed

demo: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo

# The web server and, beside it, the worker that runs background tasks (e-mail, imports).
run: demo
	@$(PY) manage.py task_worker --interval 2 --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST)

# Production: gunicorn with the settings of the environment (DEBUG=0, SECRET_KEY, ALLOWED_HOSTS,
# DATABASE_URL …; see the README). Migrates and collects the static files first.
serve: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	HOST=$(HOST) $(VENV)/bin/gunicorn config.wsgi:application --config config/gunicorn.py

# The background worker (core/management/commands/task_worker.py): stops cleanly on SIGTERM
# (finishes the task it is running first) and waits out a database restart.
worker: setup
	$(PY) manage.py task_worker --no-reload

test: setup
	$(VENV)/bin/pytest $(PYTEST_PARALLEL)

test-postgres: setup
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/medborgarloften $(VENV)/bin/pytest $(PYTEST_PARALLEL)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: setup
	@for script in bench/bench_*.py; do $(PY) $$script || exit 1; done

# Swedish is the source language; the English translation lives in locale/en, the Arabic one of
# the survey answer pages in locale/ar (only those pages are offered in Arabic).
messages: setup
	$(PY) manage.py makemessages --locale en --locale ar --no-obsolete --ignore '.venv/*' --ignore 'var/*' --ignore 'tests/*' --ignore 'e2e/*' --ignore 'bench/*'
	$(PY) manage.py compilemessages --locale en --locale ar --ignore '.venv/*'

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
