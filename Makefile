# The two commands of the README: `make run` serves the application on SQLite with both
# documents loaded (only into a database that lacks them: a second `make run` keeps what
# users changed, passwords included), with its background worker; `make test` runs the
# whole suite. Both install what they need first, system packages included, so they work
# on a fresh Debian machine.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Pango and HarfBuzz for WeasyPrint's PDF, fonts it can embed, poppler-utils for
# pdftotext/pdftoppm in tests and reviews, Chromium and its driver for the browser tests.
APT_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-liberation2 poppler-utils graphviz \
	chromium chromium-driver
HOST ?= 127.0.0.1:8000

.PHONY: setup system-deps run test lint produksi uji-produksi bench-setup bench

system-deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	$(PYTHON) -c "import ensurepip" 2>/dev/null || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
		echo "Installing system packages:$$missing"; \
		$(SUDO) apt-get update && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	fi

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

setup: system-deps $(VENV)/.installed

run: setup
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 $(PY) manage.py muat_dokumen
	DEBUG=1 $(PY) manage.py siapkan_admin --pengguna-contoh
	@# The background worker (PDFs, bulk generation, big uploads) beside the web server; Ctrl-C
	@# stops both: the worker finishes the job in hand (a second Ctrl-C stops it at once), and a
	@# job cut short is run again later. It does not reload on code changes: restart `make run`.
	@trap 'kill $$pekerja 2>/dev/null' INT TERM EXIT; \
	DEBUG=1 $(PY) manage.py db_worker --no-reload & pekerja=$$!; \
	DEBUG=1 $(PY) manage.py runserver $(HOST)

test: setup
	$(VENV)/bin/pytest

# The production shape on one machine (gunicorn, PostgreSQL and Redis on 127.0.0.1, two RQ
# workers, JSON logs): `produksi` serves it, `uji-produksi` is CI's smoke test of it.
produksi: setup
	scripts/produksi.sh

uji-produksi: setup
	scripts/produksi.sh uji

# The benchmarks (benchmarks/README.md) also need Debian's `wrk`, which CI does not: installed
# here, not by `setup`. `make bench DATABASE_URL=postgres://…` runs them all (benchmarks/semua.sh).
bench-setup:
	@$(MAKE) --no-print-directory system-deps APT_PACKAGES="$(APT_PACKAGES) wrk"

bench: setup bench-setup
	@benchmarks/semua.sh

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DEBUG=1 $(PY) manage.py check
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run
