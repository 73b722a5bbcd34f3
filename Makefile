# Set-up and everyday commands.  Every target creates .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= corpus
DB ?= db/quotes.db
SHARED ?= ../shared
PORT ?= 8001

.PHONY: ingest serve test eval bench clean

$(BIN)/quotes: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/quotes

## ingest the embedded sample corpus (or CORPUS=path) into db/quotes.db
ingest: $(BIN)/quotes
	$(BIN)/quotes ingest $(CORPUS) --db $(DB)

## serve db/ read-only with Datasette on 127.0.0.1:$(PORT) (ingests first if the database is missing)
serve: $(BIN)/quotes
	@test -f $(DB) || $(MAKE) ingest
	$(BIN)/quotes serve --db $(DB) --port $(PORT)

## run the test suite
test: $(BIN)/quotes
	$(BIN)/python -m pytest -q

## accuracy on the development gold (needs ../shared)
eval: $(BIN)/quotes
	$(BIN)/python -m quotes.evaluate --shared $(SHARED)

## speed: extraction, full ingest and the raw-insert floor on 10,000+ articles
bench: $(BIN)/quotes
	$(BIN)/python -m quotes.bench

clean:
	rm -rf $(VENV) db/*.db db/*.db-wal db/*.db-shm
