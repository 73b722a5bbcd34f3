import sqlite3

from conftest import SAMPLE
from quotes import bench, store
from quotes.ingest import run


def _tables(path):
    conn = sqlite3.connect(path)
    names = [n for n, in conn.execute("select name from sqlite_master where type = 'table' order by name")]
    return {n: sorted(conn.execute(f'select * from "{n}"').fetchall(), key=repr) for n in names}


def test_the_writers_sql_replayed_makes_the_same_database(tmp_path, monkeypatch):
    """The writer's SQL floor of `make bench` replays every call the writer made: replayed into a
    new file, they give every table (search indexes and migrations included) row for row."""
    monkeypatch.setattr(store, "CONNECTION", bench.Recording)
    monkeypatch.setattr(bench.Recording, "calls", [])
    s = run([SAMPLE], str(tmp_path / "written.db"), jobs=1, report=lambda m: None)
    assert s.statements > 50
    monkeypatch.setattr(store, "CONNECTION", sqlite3.Connection)
    bench.replay(bench.Recording.calls, str(tmp_path / "replayed.db"))
    written, replayed = _tables(tmp_path / "written.db"), _tables(tmp_path / "replayed.db")
    assert {"statements", "claims", "claim_shingles", "statements_fts"} <= set(written)
    assert len(replayed["statements"]) == s.statements and replayed == written
