# Set-up and everyday commands.  Every target creates .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= corpus
DB ?= db/quotes.db
SHARED ?= ../shared
PORT ?= 8001

.PHONY: ingest serve test eval bench lock clean

# Every dependency, runtime, test and build, at the exact version and hashes of requirements.lock;
# then the package itself, with nothing more resolved.
$(BIN)/quotes: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	PYTHONWARNINGS=ignore $(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
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

## speed: extraction, the writer at 5,000 to 30,000 articles, full ingest and the raw-insert floor, on the bulk corpus (needs ../shared; a replicated sample otherwise)
bench: $(BIN)/quotes
	$(BIN)/python -m quotes.bench

## regenerate requirements.lock from pyproject.toml (newest versions its ranges allow)
lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet pip==26.3 pip-tools==7.6.2
	.lock-venv/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --extra test \
		--all-build-deps --output-file requirements.lock pyproject.toml
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) db/*.db db/*.db-wal db/*.db-shm
