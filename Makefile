# The single entry point. `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: help run test test-postgres lint messages check-deploy system-packages benchmark clean

$(BIN)/ctassist: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

## run: install, create the SQLite database, load the reference data, serve http://127.0.0.1:8000
run: $(BIN)/ctassist system-packages
	$(BIN)/ctassist serve

## test: the whole test suite on SQLite, browser tests included
test: $(BIN)/ctassist system-packages
	$(BIN)/pytest

## test-postgres: the same suite on the PostgreSQL server at $(POSTGRES_URL)
test-postgres: $(BIN)/ctassist system-packages
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/pytest

## system-packages: Debian's Chromium (browser tests), gettext (makemessages), Pango (PDF) and the Noto fonts that render the six languages, if missing
DEBIAN_PACKAGES := chromium gettext libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core fonts-noto-cjk
system-packages:
	@missing=""; \
	for package in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Missing Debian packages:$$missing (run: sudo apt-get install$$missing)"; fi; \
	fi

## lint: ruff (lint and format check)
lint: $(BIN)/ctassist
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## messages: refresh the translation catalogues after changing interface strings
messages: $(BIN)/ctassist
	$(BIN)/python manage.py makemessages -l ar -l zh_Hans -l fr -l ru -l es \
	  --ignore ".venv/*" --ignore "tests/*" --ignore "benchmarks/*" --no-location
	$(BIN)/ctassist compile-translations

## check-deploy: production settings pass manage.py check --deploy
check-deploy: $(BIN)/ctassist
	DEBUG=false CTASSIST_HTTPS=true ALLOWED_HOSTS=ctassist.example.org \
	SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))') \
	$(BIN)/python manage.py check --deploy --fail-level WARNING

## benchmark: every benchmark in benchmarks/, on SQLite and, where it has --postgres, on $(POSTGRES_URL) (long: the legislation one generates a million provisions)
benchmark: $(BIN)/ctassist system-packages
	$(BIN)/python benchmarks/bench_segmentation.py
	$(BIN)/python benchmarks/bench_suggestions.py
	for bench in participation assistance review_page legislation profile reports; do \
	  $(BIN)/python benchmarks/bench_$$bench.py && \
	  $(BIN)/python benchmarks/bench_$$bench.py --postgres || exit 1; \
	done

## help: this list
help:
	@grep -E '^## [a-z-]+:' Makefile | sed -E 's/^## ([a-z-]+): /  make \1\t/' | expand -t 24
## clean: remove the virtualenv and the database
clean:
	rm -rf $(VENV) var
