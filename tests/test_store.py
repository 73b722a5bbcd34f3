import json

import sqlite_utils
from click.testing import CliRunner

from quotes.cli import cli
from quotes.ingest import run
from quotes.store import open_db


def _write(path, articles):
    with open(path, "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")


A1 = {"id": "a1", "source": "صحيفة أ", "title": "عنوان", "published": "2031-01-01",
      "text": "قال الوزير خالد الأمين إن الخطة جاهزة.\nوأضاف أن التنفيذ يبدأ غداً."}


def test_schema_tables_keys_indexes_and_search(sample_db):
    db = sqlite_utils.Database(sample_db)
    for table in ("sources", "articles", "speakers", "speaker_aliases", "statements", "claims"):
        assert table in db.table_names()
    fks = {(fk.column, fk.other_table) for fk in db["statements"].foreign_keys}
    assert {("article_id", "articles"), ("speaker_id", "speakers"), ("claim_id", "claims"),
            ("source_id", "sources")} <= fks
    assert ("source_id", "sources") in {(fk.column, fk.other_table) for fk in db["articles"].foreign_keys}
    indexed = {tuple(i.columns) for i in db["statements"].indexes}
    for col in ("article_id", "speaker_id", "claim_id", "cue", "type"):
        assert (col,) in indexed
    assert db["statements"].detect_fts() == "statements_fts"
    assert "claim_versions" in db.view_names()


def test_sample_corpus_has_four_outlets_and_shared_events(sample_db):
    db = sqlite_utils.Database(sample_db)
    assert db["sources"].count >= 4
    assert db["articles"].count >= 12
    assert db.execute("select count(*) from claims where outlets >= 3").fetchone()[0] >= 3


def test_speakers_fold_across_articles_and_keep_aliases(sample_db):
    db = sqlite_utils.Database(sample_db)
    rows = db.execute("select id, name from speakers where name like '%شتاينبر%'").fetchall()
    assert len(rows) == 1, rows            # شتاينبرج / شتاينبرغ
    aliases = {r[0] for r in db.execute("select alias from speaker_aliases where speaker_id = ?", [rows[0][0]])}
    assert any("شتاينبرغ" in a for a in aliases) and any("شتاينبرج" in a for a in aliases)


def test_search_index_is_normalized(sample_db):
    from quotes.normalize import normalize
    db = sqlite_utils.Database(sample_db)
    q = normalize("الحِوارُ")        # voweled query, normalized like the index
    hits = db.execute("select count(*) from statements_fts where statements_fts match ?", [q]).fetchone()[0]
    assert hits >= 3


def test_reingest_unchanged_is_skipped_changed_is_updated(tmp_path):
    src, dbp = tmp_path / "a.jsonl", str(tmp_path / "quotes.db")
    _write(src, [A1])
    s1 = run([str(src)], dbp, report=lambda m: None)
    assert (s1.new, s1.statements) == (1, 2)
    s2 = run([str(src)], dbp, report=lambda m: None)
    assert (s2.new, s2.updated, s2.skipped) == (0, 0, {"unchanged": 1})
    changed = dict(A1, text=A1["text"] + "\nوأكد أن الميزانية كافية.")
    _write(src, [changed])
    s3 = run([str(src)], dbp, report=lambda m: None)
    assert s3.updated == 1
    db = sqlite_utils.Database(dbp)
    assert db["articles"].count == 1
    assert db["statements"].count == 3


def _search_index_matches(dbp):
    db = sqlite_utils.Database(dbp)
    for table in ("statements", "speakers"):
        db.execute(f"insert into {table}_fts ({table}_fts) values ('integrity-check')")   # raises if not
        indexed = db.execute(f"select count(*) from {table}_fts_docsize").fetchone()[0]
        if indexed != db[table].count:
            return False
    return True


def test_new_and_renamed_speakers_are_found_by_search(tmp_path):
    # the writer indexes each batch's new speakers in bulk (no insert trigger, m013), by their
    # key; a speaker who gets a fuller name in a later batch is still found, once
    src, dbp = tmp_path / "a.jsonl", str(tmp_path / "quotes.db")
    a2 = dict(A1, id="a2", text="وقالت الوزيرة سلمى الخطيب إن المدارس تفتح غدا.")
    a3 = dict(A1, id="a3", text="وقالت الوزيرة سلمى محمود الخطيب إن الكتب وصلت.")
    _write(src, [A1, a2, a3])
    run([str(src)], dbp, report=lambda m: None, batch=1)
    assert _search_index_matches(dbp)
    db = sqlite_utils.Database(dbp)
    found = db.execute("select name from speakers where rowid in (select rowid from speakers_fts "
                       "where speakers_fts match ?)", ["خطيب"]).fetchall()
    assert found == [("سلمى محمود الخطيب",)]
    assert "idx_speakers_key" not in {i.name for i in db["speakers"].indexes}


def test_search_index_follows_new_updated_and_reextracted_statements(tmp_path):
    # the writer indexes each batch's new statements in bulk (no insert trigger): a replaced
    # article's old statements leave the index, its new ones (which may reuse their rowids) enter it
    src, dbp = tmp_path / "a.jsonl", str(tmp_path / "quotes.db")
    a2 = dict(A1, id="a2", text="وقالت الوزيرة سلمى الخطيب إن المدارس تفتح غدا.")
    _write(src, [A1, a2])
    run([str(src)], dbp, report=lambda m: None, batch=1)
    assert _search_index_matches(dbp)
    _write(src, [A1, dict(a2, text=a2["text"] + "\nوأكدت أن الكتب وصلت.")])
    assert run([str(src)], dbp, report=lambda m: None).updated == 1
    assert _search_index_matches(dbp)
    assert CliRunner().invoke(cli, ["ingest", "--reextract", "--db", dbp]).exit_code == 0
    assert _search_index_matches(dbp)
    from quotes.normalize import normalize
    db = sqlite_utils.Database(dbp)
    hits = db.execute("select quote from statements where rowid in (select rowid from statements_fts "
                      "where statements_fts match ?)", [normalize("الكتب")]).fetchall()
    assert hits == [("الكتب وصلت",)]


def test_same_content_under_another_id_is_not_duplicated(tmp_path):
    src, dbp = tmp_path / "a.jsonl", str(tmp_path / "quotes.db")
    _write(src, [A1, dict(A1, id="copy-of-a1")])
    s = run([str(src)], dbp, report=lambda m: None)
    assert s.new == 1 and s.skipped == {"duplicate content": 1}


def test_reextract_rederives_stored_statements(tmp_path):
    src, dbp = tmp_path / "a.jsonl", str(tmp_path / "quotes.db")
    _write(src, [A1])
    run([str(src)], dbp, report=lambda m: None)
    db = sqlite_utils.Database(dbp)
    db.execute("delete from statements")
    db.conn.commit()
    result = CliRunner().invoke(cli, ["ingest", "--reextract", "--db", dbp])
    assert result.exit_code == 0, result.output
    assert sqlite_utils.Database(dbp)["statements"].count == 2


def test_existing_database_is_upgraded_not_rebuilt(tmp_path):
    dbp = str(tmp_path / "quotes.db")
    db = open_db(dbp)
    db["articles"].insert({"id": "keep", "title": "t", "text": "x", "content_hash": "h"})
    db.conn.commit()
    db.close()
    db = open_db(dbp)                   # migrations already applied: nothing is dropped
    assert db["articles"].get("keep")["title"] == "t"
    assert [m["name"] for m in db.query("select name from _sqlite_migrations")] == [
        "m001_initial", "m002_claims_dirty", "m003_statements_source", "m004_fts_update_triggers",
        "m005_claims_pending", "m006_statements_fts_in_bulk", "m007_alias_is_name",
        "m008_speaker_scope", "m009_statements_confidence", "m010_statements_for_reading", "m011_claim_shingles_without_rowid",
        "m012_articles_dates_index", "m013_speakers_fts_in_bulk", "m014_pending_with_article"]
    assert "dirty" in db["claims"].columns_dict and "claim_pending" in db["statements"].columns_dict


def test_the_first_window_waiting_is_found_without_reading_a_statement_row(tmp_path):
    # m014: at 30,000 articles, reading each waiting statement's row for its article took 60 ms
    # at every window; the pending index holds the article
    from quotes.claims import FIRST_WAITING_SQL
    db = open_db(str(tmp_path / "q.db"))
    plan = " ".join(r[-1] for r in db.execute("explain query plan " + FIRST_WAITING_SQL).fetchall())
    assert "COVERING INDEX idx_statements_claim_pending_article" in plan, plan
    assert "idx_statements_claim_pending" not in {i.name for i in db["statements"].indexes}


def test_export_prints_statements_with_claim_ids(sample_db):
    result = CliRunner().invoke(cli, ["export", "--db", sample_db])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all("claim" in r and r["quote"] for r in rows)
    assert sum(1 for r in rows if r["claim"] is not None) == len(rows)
    # the speaker's row, for linking statements of one speaker across articles
    ids = {r["speaker_id"] for r in rows if r["speaker"]}
    db = sqlite_utils.Database(sample_db)
    assert ids and ids <= {r["id"] for r in db.query("select id from speakers")}
    dated = [r for r in rows if r["doc"] == "ufuq-2031-03-14-water"]
    assert dated and all(r["outlet"] and r["title"] and r["url"].startswith("https://") and
                         r["date"] == "2031-03-14" for r in dated)


def test_export_as_csv_for_a_spreadsheet(sample_db):
    import csv
    import io
    result = CliRunner().invoke(cli, ["export", "--db", sample_db, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbf")       # Excel reads UTF-8 only after a BOM
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))
    jsonl = CliRunner().invoke(cli, ["export", "--db", sample_db]).output.splitlines()
    assert len(rows) == len(jsonl)
    assert {"quote", "speaker", "outlet", "title", "url", "date", "cue_lemma", "stance"} <= set(rows[0])
    assert [r["quote"] for r in rows] == [json.loads(line)["quote"] for line in jsonl]


def test_ingest_summary_line(tmp_path):
    src = tmp_path / "a.jsonl"
    _write(src, [A1])
    result = CliRunner().invoke(cli, ["ingest", str(src), "--db", str(tmp_path / "quotes.db")])
    assert result.exit_code == 0
    assert "articles read 1, new 1, updated 0, skipped 0, statements 2, seconds" in result.output


def test_writer_remembers_written_articles_in_the_database_not_in_memory(tmp_path):
    # memory must not grow with the articles: once written, an article is looked up in the
    # database (from the thread that feeds --jobs too), and only those on their way are held
    import threading
    from quotes.extract import extract_article
    from quotes.store import Writer
    db = open_db(str(tmp_path / "quotes.db"))
    w = Writer(db)
    a1 = dict(A1)
    assert w.classify(a1) == "new"
    assert w.classify(dict(A1, id="again")) == "same content as article a1"    # on its way, not written
    w.write_batch([(a1, "new", extract_article(a1))])
    assert w.pending == {} and w.pending_hashes == {}
    assert w.classify(dict(A1)) == "unchanged"
    got = []
    t = threading.Thread(target=lambda: got.append(w.classify(dict(A1, id="copy"))))
    t.start()
    t.join()
    assert got == ["same content as article a1"]
    assert Writer(db).classify(dict(A1, text=A1["text"] + " جديد")) == "updated"


def test_speakers_of_one_article_leave_memory_once_stored_and_are_found_again(tmp_path):
    # an anonymous source and a title with no name belong to their article alone: the writer
    # drops them once it is stored (memory grew by 58 MB for 30,000 bulk articles), and finds
    # the same rows in the database when the article comes again
    from quotes.extract import extract_article
    from quotes.store import Writer
    db = open_db(str(tmp_path / "quotes.db"))
    w = Writer(db)
    text = ("وقال مصدر مسؤول إن المفاوضات ستستأنف الأسبوع المقبل.\n"
            "وأكد الوزير سامر الخطيب أن الحكومة ستدعم المزارعين.\n"
            "وقال الناطق باسم الوزارة إن القرار نهائي.")
    a1 = dict(A1, text=text)
    w.classify(a1)
    w.write_batch([(a1, "new", extract_article(a1))])
    before = dict(db.execute("select speaker, speaker_id from statements"))
    scoped = {sid for sid, in db.execute("select id from speakers where scope is not null")}
    assert scoped and set(before.values()) & scoped
    assert not scoped & set(w.registry.speakers)
    assert {sp["scope"] for sp in w.registry.speakers.values()} == {None}
    a2 = dict(a1, text=text + "\nوأضاف المصدر أن الوفد يصل غدا.")
    assert w.classify(a2) == "updated"
    w.write_batch([(a2, "updated", extract_article(a2))])
    after = dict(db.execute("select speaker, speaker_id from statements"))
    assert {k: after[k] for k in before} == before
    assert db.execute("select count(*) from speakers").fetchone()[0] == len(set(after.values()))


def test_search_finds_a_word_behind_its_proclitics_and_an_old_database_is_indexed_so(tmp_path):
    src, dbp = tmp_path / "a.jsonl", str(tmp_path / "quotes.db")
    _write(src, [dict(A1, text='قال الوزير إن "لمصر دورا كبيرا في المنطقة".')])
    run([str(src)], dbp, report=lambda m: None)

    def hits(db):
        return db.execute("select quote, cue_lemma, stance from statements where rowid in "
                          "(select rowid from statements_fts where statements_fts match 'مصر')").fetchall()
    db = sqlite_utils.Database(dbp)
    assert hits(db) == [("لمصر دورا كبيرا في المنطقة", "قال", "neutral")]
    # a database of the version before: no folded forms, no lemma; opening it fills them in
    db.execute("update statements set quote_stems = null, cue_lemma = null, stance = null")
    db.execute("delete from _sqlite_migrations where name = 'm010_statements_for_reading'")
    db.conn.commit()
    db.close()
    assert hits(open_db(dbp)) == [("لمصر دورا كبيرا في المنطقة", "قال", "neutral")]
