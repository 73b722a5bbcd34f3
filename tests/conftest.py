import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("QUOTES_SHARED") or os.path.join(os.path.dirname(ROOT), "shared")
SAMPLE = os.path.join(ROOT, "corpus")


def shared_path(*parts):
    """A path under ../shared, or a skip with a clear message when it is absent."""
    path = os.path.join(SHARED, *parts)
    if not os.path.exists(path):
        pytest.skip(f"shared material not found at {path} (a clone outside the workplace): skipped")
    return path


@pytest.fixture(scope="session")
def rules():
    from quotes import rules as rules_mod
    return rules_mod.load()


@pytest.fixture
def extract():
    """Statements of a text, as dicts with quote, speaker, cue, type, channel, addressee, rule."""
    from quotes.extract import extract_article

    def run(text, title=""):
        return [r for r in extract_article({"id": "t", "text": text, "title": title}) if r["field"] == "text"]
    return run


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory):
    """The embedded sample corpus ingested once into a real SQLite file."""
    from quotes.ingest import run
    path = str(tmp_path_factory.mktemp("sample") / "quotes.db")
    summary = run([SAMPLE], path, report=lambda m: None)
    assert summary.new >= 13
    return path
