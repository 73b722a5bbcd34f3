"""Store: write articles, speakers and statements into SQLite with sqlite-utils.

Each batch of articles is written in one ``BEGIN IMMEDIATE`` transaction together with its
statements and claim links, so an ingest killed at any moment leaves a consistent database and
running it again finishes the job without duplicates.  Writers take turns: an ingest holds
:func:`writer_lock` from reading the stored speakers to its last claim, so a second ingest into
the same database waits for the first and then finishes (it never hands out ids the first one
holds).  WAL mode lets readers, Datasette among them, read while a writer writes.
"""
import contextlib
import datetime
import errno
import hashlib
import os
import sqlite3
import threading
import time
from dataclasses import dataclass, field

import sqlite_utils
from sqlite_utils.migrations import Migrations

from . import claims, fold, schema
from .normalize import normalize
from .segment import SENTENCE_END_RE
from .registry import SpeakerRegistry

BUSY_TIMEOUT_MS = 60_000
#: the page cache of a writing connection: SQLite's default of 2 MB held little of the indexes
#: a batch updates and clustering looks up (half a gigabyte of database at 30,000 articles)
CACHE_MB = 32
#: pages of write-ahead log before SQLite copies them into the database: the default (1,000)
#: copied after nearly every batch, and the pages every batch touches (the top of each index)
#: were copied again each time; the commits were a tenth of the writer's time at 30,000
CHECKPOINT_PAGES = 10_000
#: the class of every connection :func:`open_db` makes: `make bench` puts a subclass here that
#: keeps each statement run, to replay the writer's SQL with no Python between (quotes.bench)
CONNECTION = sqlite3.Connection
migrations = Migrations("quotes")


@migrations()
def m001_initial(db):
    """Tables, foreign keys, indexes, full-text search and views of :mod:`quotes.schema`."""
    for name, (columns, pk, fks) in schema.TABLES.items():
        db[name].create(columns, pk=pk, foreign_keys=[(c, t, o) for c, (t, o) in fks.items()],
                        not_null={"id"} if pk == "id" else None, if_not_exists=True)
    for name, indexes in schema.INDEXES.items():
        for cols in indexes:
            db[name].create_index(cols, if_not_exists=True)
    db["sources"].create_index(["name"], unique=True, if_not_exists=True, index_name="sources_name_unique")
    db["speakers"].create_index(["key"], unique=True, if_not_exists=True, index_name="speakers_key_unique")
    for name, cols in schema.FTS.items():
        db[name].enable_fts(cols, create_triggers=True, tokenize="unicode61", replace=True)
    for name, sql in schema.VIEWS.items():
        db.create_view(name, sql, replace=True)


@migrations()
def m002_claims_dirty(db):
    """Claims recomputed once at the end of an ingest, not after every batch."""
    if "dirty" not in db["claims"].columns_dict:
        db["claims"].add_column("dirty", int)
    db["claims"].create_index(["dirty"], if_not_exists=True)


@migrations()
def m003_statements_source(db):
    """The outlet on each statement, so statements can be faceted and filtered by outlet."""
    if "source_id" not in db["statements"].columns_dict:
        db["statements"].add_column("source_id", int, fk="sources", fk_col="id")
    db["statements"].create_index(["source_id"], if_not_exists=True)
    db.execute("""update statements set source_id =
                  (select source_id from articles where articles.id = statements.article_id)""")
    # adding a foreign key rebuilds the table: its search index and triggers are made again
    db["statements"].enable_fts(schema.FTS["statements"], create_triggers=True, tokenize="unicode61", replace=True)
    db["statements"].rebuild_fts()


@migrations()
def m004_fts_update_triggers(db):
    """Search-index update triggers that fire only when an indexed column changes (claim ids and
    highlighted wordings change often, and re-indexing every statement for them is wasted work)."""
    _fts_update_triggers(db, schema.FTS)


def _fts_update_triggers(db, fts_tables):
    for table, cols in fts_tables.items():
        fts = f"{table}_fts"
        quoted = ", ".join(f'"{c}"' for c in cols)
        old = ", ".join(f'old."{c}"' for c in cols)
        new = ", ".join(f'new."{c}"' for c in cols)
        db.execute(f'DROP TRIGGER IF EXISTS "{table}_au"')
        db.execute(f"""CREATE TRIGGER "{table}_au" AFTER UPDATE OF {quoted} ON "{table}" BEGIN
  INSERT INTO "{fts}" ("{fts}", rowid, {quoted}) VALUES('delete', old.rowid, {old});
  INSERT INTO "{fts}" (rowid, {quoted}) VALUES (new.rowid, {new});
END""")


@migrations()
def m005_claims_pending(db):
    """Statements wait for their claim until the end of an ingest, then are clustered longest
    first across the whole run (not batch by batch): the number of their words while waiting."""
    if "claim_pending" not in db["statements"].columns_dict:
        db["statements"].add_column("claim_pending", int)
    db["statements"].create_index(["claim_pending"], if_not_exists=True)


@migrations()
def m006_statements_fts_in_bulk(db):
    """The writer indexes a batch's new statements for search in one statement, after inserting
    them: a trigger per row cost about three times as much (0.05 against 0.02 ms a statement),
    the largest single cost of writing.  Deletes and updates keep their triggers."""
    db.execute('DROP TRIGGER IF EXISTS "statements_ai"')


@migrations()
def m007_alias_is_name(db):
    """Which aliases are names the registry resolved (1) and which only the words of a mention
    (0): a run resumed after a kill loads the registry from them, and must load what an
    uninterrupted run held in memory (mentions such as "المرصد" had joined speakers by key)."""
    if "is_name" not in db["speaker_aliases"].columns_dict:
        db["speaker_aliases"].add_column("is_name", int)
        db.execute("update speaker_aliases set is_name = 1")     # (what older versions loaded)


@migrations()
def m008_speaker_scope(db):
    """The article a speaker belongs to when nothing identifies it across articles (an anonymous
    source, a title with no name, a document, a one-word name); null for a speaker of every
    article.  Older rows keep null: `ingest --reextract` re-derives them."""
    if "scope" not in db["speakers"].columns_dict:
        db["speakers"].add_column("scope", str)


@migrations()
def m009_statements_confidence(db):
    """How far to trust a statement: the measured precision of the patterns that made it
    (rules/confidence.yml).  Older rows keep null until `ingest --reextract`."""
    if "confidence" not in db["statements"].columns_dict:
        db["statements"].add_column("confidence", float)


@migrations()
def m010_statements_for_reading(db):
    """What a reader filters and searches statements by: the article's date, the cue's lemma and
    stance (أضاف, اضاف and أضافت are one cue), and the quote's words under every form their
    proclitics leave (the search index now holds these, and no longer the speaker's name)."""
    cols = db["statements"].columns_dict
    for name in ("quote_stems", "article_date", "cue_lemma", "stance"):
        if name not in cols:
            db["statements"].add_column(name, str)
    db.execute("""update statements set article_date = (select coalesce(a.published, a.date_extracted)
                  from articles a where a.id = statements.article_id)""")
    rows = db.execute("select rowid, quote, cue from statements").fetchall()
    db.conn.executemany("update statements set quote_stems = ?, cue_lemma = ?, stance = ? where rowid = ?",
                        [(fold.index_forms(q), claims.cue_lemma(c), claims.stance(c), rid) for rid, q, c in rows])
    for cols_ in (["cue_lemma"], ["stance"], ["article_date"]):
        db["statements"].create_index(cols_, if_not_exists=True)
    db["statements"].enable_fts(schema.FTS["statements"], create_triggers=True, tokenize="unicode61", replace=True)
    db["statements"].rebuild_fts()
    _fts_update_triggers(db, {"statements": schema.FTS["statements"]})
    db.execute('DROP TRIGGER IF EXISTS "statements_ai"')      # (the writer indexes in bulk: m006)


@migrations()
def m011_claim_shingles_without_rowid(db):
    """The claim shingle index as a WITHOUT ROWID table: a row is its key (shingle, claim id), so
    an insert writes one b-tree instead of the table and its primary-key index, and a lookup by
    shingle reads the key alone.  (At 30,000 articles the index holds about two million rows;
    inserting them and committing was the largest cost of clustering.)"""
    if "WITHOUT ROWID" in (db.execute("select sql from sqlite_master where name = 'claim_shingles'").fetchone()[0] or ""):
        return
    db.execute("""CREATE TABLE claim_shingles_new (shingle INTEGER NOT NULL,
                  claim_id INTEGER NOT NULL REFERENCES claims(id), PRIMARY KEY (shingle, claim_id)) WITHOUT ROWID""")
    db.execute("INSERT INTO claim_shingles_new SELECT shingle, claim_id FROM claim_shingles ORDER BY shingle, claim_id")
    db.execute("DROP TABLE claim_shingles")
    db.execute("ALTER TABLE claim_shingles_new RENAME TO claim_shingles")
    db.execute("CREATE INDEX IF NOT EXISTS idx_claim_shingles_claim_id ON claim_shingles (claim_id)")


@migrations()
def m012_articles_dates_index(db):
    """The columns claims read of an article (its date, outlet, order), in an index of their own:
    read from the row, they sit after the text, and SQLite walked a long text's overflow pages to
    reach them (4.3 ms against 0.005 ms for an article of 16 M characters)."""
    db.execute("CREATE INDEX IF NOT EXISTS idx_articles_claim_columns ON articles "
               "(id, published, date_extracted, source_id, ingest_order)")


@migrations()
def m013_speakers_fts_in_bulk(db):
    """The writer indexes a batch's new speakers for search in one statement, as it does
    statements (m006), and the index on their key beside the unique one is gone: a speaker's row
    cost three times as much to write with the trigger and the second index (7,161 speakers of
    5,000 articles: 0.39 against 0.13 s)."""
    db.execute('DROP TRIGGER IF EXISTS "speakers_ai"')
    db.execute('DROP INDEX IF EXISTS "idx_speakers_key"')


@migrations()
def m014_pending_with_article(db):
    """The index of statements waiting for a claim holds their article too, so finding the first
    window waiting never reads a statement's row: at
    30,000 articles each row read was a page of a database of 500 MB, and the query took 60 ms
    at every window (0.1 ms with the article in the index)."""
    db.execute('DROP INDEX IF EXISTS "idx_statements_claim_pending"')
    db.execute('CREATE INDEX IF NOT EXISTS "idx_statements_claim_pending_article" '
               'ON "statements" ("claim_pending", "article_id")')


def index_new_rows(db, table, after_rowid):
    """Add the rows of ``table`` inserted after ``after_rowid`` to its search index."""
    cols = schema.FTS[table]
    quoted = ", ".join(f'"{c}"' for c in cols)
    db.execute(f'INSERT INTO "{table}_fts" (rowid, {quoted}) SELECT rowid, {quoted} FROM "{table}" '
               f"WHERE rowid > ?", [after_rowid])


def lock_path(db_path):
    """The file beside a database that writers lock in turn."""
    return os.path.abspath(db_path) + "-lock"


@contextlib.contextmanager
def writer_lock(db_path, report=None):
    """Hold the database's writer lock (waiting, with a message, while another writer has it).

    Speakers, outlets and claims are matched against what is stored, so two writers at once
    would each assign the same new ids; taking turns keeps every id and link right.  The lock
    is the operating system's (``flock``): it is released when the process ends, however."""
    import fcntl
    os.makedirs(os.path.dirname(lock_path(db_path)), exist_ok=True)
    with open(lock_path(db_path), "a") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            if e.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            if report:
                report(f"waiting for another ingest into {db_path} to finish")
            fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def open_db(path):
    """Open (creating if needed) a database in WAL mode with a busy timeout, schema applied."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    db = sqlite_utils.Database(sqlite3.connect(path, factory=CONNECTION))
    db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if db.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        for _ in range(50):
            try:
                db.conn.execute("PRAGMA journal_mode = wal")
                break
            except Exception:      # another process holds the lock while it sets up
                time.sleep(0.1)
    db.conn.execute("PRAGMA synchronous = NORMAL")
    db.conn.execute(f"PRAGMA cache_size = -{CACHE_MB * 1024}")
    db.conn.execute(f"PRAGMA wal_autocheckpoint = {CHECKPOINT_PAGES}")
    ensure_schema(db)
    return db


def ensure_schema(db):
    """Apply pending migrations (a new database gets the whole schema; an old one its upgrades)."""
    for _ in range(100):
        try:
            db.conn.execute("BEGIN IMMEDIATE")
            break
        except Exception:
            time.sleep(0.1)
    try:
        migrations.apply(db)
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise


def content_hash(article):
    """A digest of what the extractor reads from an article."""
    h = hashlib.sha1()
    for k in ("title", "text"):
        h.update((article.get(k) or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def sentence_around(text, start, end):
    """The sentence (within its paragraph) that holds ``text[start:end]``."""
    pstart = text.rfind("\n", 0, start) + 1
    pend = text.find("\n", end)
    pend = len(text) if pend < 0 else pend
    s = pstart
    width = 1024     # the last sentence end before the quote, looked for in growing windows
    while True:      # (scanning the paragraph from its start was quadratic in its length)
        lo = max(pstart, start - width)
        last = None
        for last in SENTENCE_END_RE.finditer(text, lo, start):
            pass
        if last is not None or lo == pstart:
            s = last.end() if last is not None else pstart
            break
        width *= 4
    e = pend
    m = SENTENCE_END_RE.search(text, end, pend)
    if m:
        e = m.end()
    return text[s:e].strip()


def derived(rec, src):
    """The columns of a statement that follow from it and its article's text alone (its
    sentence, normalized forms, search words, words waiting for a claim, cue lemma and stance):
    with --jobs they are computed in the extracting processes, beside the statement, and the
    one writer only stores them."""
    return {"sentence": sentence_around(src or "", rec["start"], rec["end"]),
            "quote_normalized": normalize(rec["quote"]), "speaker_normalized": normalize(rec["speaker"] or ""),
            "claim_pending": claims.pending_words(rec["quote"]), "quote_stems": fold.index_forms(rec["quote"]),
            "cue_lemma": claims.cue_lemma(rec["cue"]), "stance": claims.stance(rec["cue"])}


def statement_id(rec):
    """A stable id: article, field and offsets."""
    return f"{rec['doc']}:{rec['field']}:{rec['start']}-{rec['end']}"


@dataclass
class Summary:
    """What an ingest did."""
    read: int = 0
    new: int = 0
    updated: int = 0
    skipped: dict = field(default_factory=dict)     # reason -> count
    problems: list = field(default_factory=list)
    statements: int = 0
    seconds: float = 0.0
    claims_seconds: float = 0.0     # of which clustering statements into claims (a window of articles at a time)

    def skip(self, reason):
        self.skipped[reason] = self.skipped.get(reason, 0) + 1

    def line(self):
        skipped = sum(self.skipped.values()) + len(self.problems)
        reasons = dict(self.skipped)
        for p in self.problems:
            kind = getattr(p, "kind", "extraction failed")
            reasons[kind] = reasons.get(kind, 0) + 1
        why = ", ".join(f"{n} {r}" for r, n in sorted(reasons.items()))
        return (f"articles read {self.read}, new {self.new}, updated {self.updated}, "
                f"skipped {skipped}{' (' + why + ')' if why else ''}, statements {self.statements}, "
                f"seconds {self.seconds:.1f}")


class Writer:
    """The one process that writes: keeps speakers and sources in memory between batches, and the
    articles on their way to being written; stored articles are looked up in the database."""

    def __init__(self, db):
        self.db = db
        self.registry = SpeakerRegistry()
        names = {}
        for sid, alias in db.execute("select speaker_id, alias from speaker_aliases where is_name = 1 and speaker_id "
                                     "in (select id from speakers where scope is null) order by speaker_id, rowid"):
            names.setdefault(sid, []).append(alias)
        # (the speakers of one article each are read when their article comes again)
        for row in db.query("select id, name, kind, key, scope from speakers where scope is null order by id"):
            self.registry.add_known(row["id"], row["name"], row["kind"], names.get(row["id"], ()), row["key"], row["scope"])
        self.registry.stored = self._stored_speaker
        self.sources = {r["name"]: r["id"] for r in db.query("select id, name from sources")}
        # articles classified in this run and not written yet (ids and content hashes); the
        # written ones are looked up in the database, so memory does not grow with the articles
        self.pending, self.pending_hashes = {}, {}
        self._lock, self._thread, self._local = threading.Lock(), threading.get_ident(), threading.local()
        self._path = db.conn.execute("PRAGMA database_list").fetchone()[2]
        self.order = db.execute("select coalesce(max(ingest_order), 0) from articles").fetchone()[0]
        self.next_speaker = db.execute("select coalesce(max(id), 0) from speakers").fetchone()[0]
        self.next_source = db.execute("select coalesce(max(id), 0) from sources").fetchone()[0]
        self.seen = set()        # article ids re-extracted in this run (kept with --reextract only)
        # what this run wrote, for a summary that matches the database: id -> (first status,
        # statements stored), how many earlier versions of an id a later one replaced, and the
        # running totals of new articles and stored statements
        self.written, self.repeats, self.new, self.statements = {}, 0, 0, 0

    def _lookup(self, sql, params):
        """One row from the database, on a connection of the calling thread's own (with --jobs,
        articles are classified in the thread that feeds the extracting processes)."""
        if threading.get_ident() == self._thread:
            conn = self.db.conn
        else:
            conn = getattr(self._local, "conn", None)
            if conn is None:
                conn = self._local.conn = sqlite3.connect(self._path, timeout=BUSY_TIMEOUT_MS / 1000)
        return conn.execute(sql, params).fetchone()

    def _known(self, pending, sql, key):
        """``pending[key]`` for an article on its way, else the stored article's answer to ``sql``."""
        with self._lock:
            if key in pending:
                return pending[key]
        row = self._lookup(sql, [key])
        return row[0] if row else None

    def classify(self, article, reextract=False):
        """'new', 'updated', or a reason to skip."""
        h = content_hash(article)
        article["content_hash"] = h
        old = self._known(self.pending, "select content_hash from articles where id = ?", article["id"])
        if old is None:
            other = self._known(self.pending_hashes, "select id from articles where content_hash = ? limit 1", h)
            if other is not None and other != article["id"]:
                return "same content as article " + other
            status = "new"
        elif old == h and not (reextract and article["id"] not in self.seen):
            return "unchanged"
        else:
            status = "updated"
        # remembered at once, so a repeat later in the same run is recognised before it is written
        with self._lock:
            self.pending[article["id"]] = h
            self.pending_hashes[h] = article["id"]
        if reextract:
            self.seen.add(article["id"])
        return status

    def _stored_speaker(self, key):
        row = self.db.execute("select id, name, kind, scope from speakers where key = ?", [key]).fetchone()
        return tuple(row) if row else None

    def _new_speaker_id(self):
        self.next_speaker += 1
        return self.next_speaker

    def _source_id(self, name, pending):
        if not name:
            return None
        if name not in self.sources:
            self.next_source += 1
            self.sources[name] = self.next_source
            pending.append({"id": self.next_source, "name": name})
        return self.sources[name]

    def write_batch(self, items):
        """Write ``items`` [(article, status, records)] in one transaction (the run's totals in
        ``written``, ``new`` and ``statements``)."""
        now = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
        new_sources, articles, statements, speakers, aliases = [], [], [], {}, {}
        replaced, renames = [], {}       # renames: speaker id -> its fuller name, for stored statements
        last = {article["id"]: i for i, (article, _, _) in enumerate(items)}
        self.repeats += len(items) - len(last)
        first = {}
        for article, status, _ in items:
            first.setdefault(article["id"], status)
        # an id given twice in one batch: its later version, with the status of its first
        items = [(a, first[a["id"]], recs) for i, (a, _, recs) in enumerate(items) if last[a["id"]] == i]
        for article, status, records in items:
            self.order += 1
            if status == "updated":
                replaced.append(article["id"])
            articles.append({
                "id": article["id"], "source_id": self._source_id(article.get("source"), new_sources),
                "title": article.get("title"), "text": article.get("text"), "url": article.get("url"),
                "published": article.get("published") or None, "date_extracted": article.get("date_extracted"),
                "content_hash": article["content_hash"], "ingested_at": now, "ingest_order": self.order,
                "statement_count": len({statement_id(rec) for rec in records}), "origin_file": article.get("_path"),
            })
            article_date = articles[-1]["published"] or articles[-1]["date_extracted"]
            for rec in records:
                src = article.get("text") if rec["field"] == "text" else article.get("title")
                sid = self._speaker_id(rec, article["id"], src, speakers, aliases, renames) if rec["speaker"] else None
                statements.append({
                    "id": statement_id(rec), "article_id": article["id"], "speaker_id": sid, "claim_id": None,
                    "source_id": articles[-1]["source_id"],
                    "field": rec["field"], "start": rec["start"], "end": rec["end"], "quote": rec["quote"],
                    "speaker": self.registry.speakers[sid]["name"] if sid else None,
                    "speaker_reason": rec.get("speaker_reason"), "mention": rec.get("mention"),
                    "cue": rec["cue"], "type": rec["type"], "channel": rec.get("channel"),
                    "addressee": rec.get("addressee"), "rule": rec["rule"], "paragraph": rec["paragraph"],
                    "extracted_at": now, "confidence": rec.get("confidence"), "article_date": article_date,
                    **(rec.get("_derived") or derived(rec, src)),
                })
        db = self.db
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            if new_sources:
                _write_rows(db, "sources", new_sources, "ignore")
            if replaced:
                claims.forget(db, replaced)
                for chunk in _chunks(replaced, 500):
                    marks = ",".join("?" * len(chunk))
                    db.execute(f"delete from statements where article_id in ({marks})", chunk)
            if speakers:      # (new ids follow every stored one: the search index takes those above)
                before = db.execute("select coalesce(max(id), 0) from speakers").fetchone()[0]
                _write_rows(db, "speakers", list(speakers.values()), "update")
                index_new_rows(db, "speakers", before)
            if aliases:       # a mention's words first; a name the registry resolved marks its row
                rows = [{"speaker_id": sid, "alias": alias, "alias_key": self.registry.key(alias), "is_name": n}
                        for (sid, alias), n in aliases.items()]
                _write_rows(db, "speaker_aliases", [a for a in rows if not a["is_name"]], "ignore")
                _write_rows(db, "speaker_aliases", [a for a in rows if a["is_name"]], "update")
            _write_rows(db, "articles", articles, "update")
            if statements:
                unique = list({st["id"]: st for st in reversed(statements)}.values())[::-1]
                # (after the deletes above: a new row may take a deleted one's rowid)
                last = db.execute("select coalesce(max(rowid), 0) from statements").fetchone()[0]
                _write_rows(db, "statements", unique, "ignore")
                index_new_rows(db, "statements", last)
            if renames:     # statements stored before a speaker got its fuller name take it too
                db.conn.executemany("update statements set speaker = ? where speaker_id = ? and speaker <> ?",
                                    [(n, sid, n) for sid, n in renames.items()])
            db.conn.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise
        for a, (article, status, records) in zip(articles, items):
            if a["id"] in self.written:
                self.repeats += 1
                status, before = self.written[a["id"]]
                self.statements -= before
            else:
                self.new += status == "new"
            self.written[a["id"]] = (status, a["statement_count"])
            self.statements += a["statement_count"]
        for a in articles:          # (stored now: the database answers for their own speakers)
            self.registry.forget_article(a["id"])
        with self._lock:
            for a in articles:      # (stored now: the database answers for them)
                if self.pending.get(a["id"]) == a["content_hash"]:
                    del self.pending[a["id"]]
                if self.pending_hashes.get(a["content_hash"]) == a["id"]:
                    del self.pending_hashes[a["content_hash"]]

    def _speaker_id(self, rec, article_id, src, speakers, aliases, renames):
        """The speaker id of a statement; what the batch must write for it goes to ``speakers``
        (new or renamed rows), ``aliases`` ((id, alias) -> is it a name) and ``renames``."""
        kind = rec.get("speaker_kind") or "person"
        sid, is_new = self.registry.resolve(rec["speaker"], kind, self._new_speaker_id, article_id, src)
        sp = self.registry.speakers[sid]
        renamed = sp.pop("renamed", False)
        if renamed and not is_new:
            renames[sid] = sp["name"]
        if is_new or renamed:       # (a speaker stored before, unchanged, is not written again)
            speakers[sid] = {"id": sid, "name": sp["name"], "kind": sp["kind"], "key": sp["key"], "scope": sp["scope"]}
        for alias in {rec["speaker"], rec.get("mention") or ""} - {""}:
            is_name = int(alias == rec["speaker"])
            if aliases.get((sid, alias), -1) < is_name:      # (each alias once a batch)
                aliases[(sid, alias)] = is_name
        return sid

    def refresh_counts(self):
        """Statement counts per speaker (for sorting and the 'most quoted' query)."""
        with self.db.atomic():
            self.db.execute("""update speakers set statement_count =
                (select count(*) from statements where statements.speaker_id = speakers.id)""")


def _write_rows(db, table, rows, conflict):
    """Insert ``rows`` (dicts with the same keys) with one prepared statement; on a primary-key
    conflict "ignore" keeps the stored row, "update" overwrites the given columns.

    Plain ``executemany``: sqlite-utils' insert_all spent more time shaping the rows (type
    detection, JSON checks) than SQLite spent writing them."""
    if not rows:
        return
    cols = list(rows[0])
    pk = schema.TABLES[table][1]
    pk = [pk] if isinstance(pk, str) else list(pk)
    names = ", ".join(f"[{c}]" for c in cols)
    sql = f"insert into [{table}] ({names}) values ({', '.join('?' * len(cols))})"
    if conflict == "ignore":
        sql = sql.replace("insert into", "insert or ignore into", 1)
    else:
        sets = ", ".join(f"[{c}] = excluded.[{c}]" for c in cols if c not in pk)
        sql += f" on conflict ({', '.join(f'[{c}]' for c in pk)}) do update set {sets}"
    db.conn.executemany(sql, [tuple(r[c] for c in cols) for r in rows])


def _chunks(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]
