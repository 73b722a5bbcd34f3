"""Ingest: read articles, extract their statements (in N processes if asked) and hand them to
the one writer in batches."""
import json
import multiprocessing
import os
import re
import sys
import threading
import time

from . import claims
from .extract import extract_article
from .read import DEFAULT_MAX_MB, input_bytes, read_paths
from .store import Summary, Writer, derived, open_db, writer_lock

BATCH = 200
#: articles handed to the extracting processes and not yet written: this many batches, or a
#: window of claims (while the writer stores a batch or clusters a window, the processes
#: extract ahead, and no further: memory flat)
AHEAD = 4
CHUNK = 16      # articles sent to an extracting process at a time
WORKER_NICENESS = 10


def _extract(article):
    try:
        records = extract_article(article)
        for rec in records:     # (in the extracting process, not the writer: quotes.store.derived)
            rec["_derived"] = derived(rec, article.get("text") if rec["field"] == "text" else article.get("title"))
        return article, records, None
    except TimeoutError:
        return article, [], "extraction timed out (a pattern ran longer than its guard)"
    except Exception as e:   # a bug on one article must not stop the run: report it
        return article, [], f"extraction failed ({type(e).__name__}: {e})"


def _yield_to_writer():
    """An extracting process runs at a lower priority than the one writer: with as many
    processes as cores, the writer (the serial part) got a share of a core, not a core."""
    try:
        os.nice(WORKER_NICENESS)
    except (AttributeError, OSError):
        pass


def _stored_articles(db, ids=None):
    sql = "select a.id, a.title, a.text, a.url, a.published, a.date_extracted, s.name as source from articles a " \
          "left join sources s on s.id = a.source_id order by a.ingest_order"
    for row in db.query(sql):
        if ids is None or row["id"] in ids:
            yield dict(row), None


def run(paths, db_path, jobs=1, reextract=False, progress=False, batch=BATCH, report=None, max_mb=DEFAULT_MAX_MB,
        statements=None):
    """Ingest ``paths`` (all stored articles when empty and ``reextract``) into ``db_path``,
    holding the database's writer lock (a second ingest waits for the first).  ``statements``:
    a JSON Lines file of statements extracted elsewhere (:class:`GivenStatements`), stored as
    they are instead of extracting the articles again."""
    report = report or (lambda msg: print(msg, file=sys.stderr))
    with writer_lock(db_path, report):
        return _run(paths, db_path, jobs, reextract, progress, batch, report, max_mb, statements)


#: what a given statement must carry, and of which type (the writer reads these)
GIVEN_FIELDS = {"doc": str, "field": str, "start": int, "end": int, "quote": str, "cue": str, "type": str,
                "rule": str, "paragraph": int}


class GivenStatements:
    """Statements extracted elsewhere, one JSON object a line (what `quotes extract --fields
    text,title` prints, or the map of the README's recipe), found by article id.

    The file is read once to index where each article's lines are; an article's statements are
    read when the article comes, so memory holds offsets, not statements.  An article the file
    has no line for has no statements.  One whose lines do not fit its text (another version of
    it, a line cut short) is extracted again, and said so."""

    def __init__(self, path, report):
        from .read import Problem
        self.path, self.report, self.offsets, self.problems = path, report, {}, []
        with open(path, "rb") as f:
            pos = 0
            for n, raw in enumerate(f, 1):
                doc = _doc_of(raw)
                if isinstance(doc, str):
                    self.offsets.setdefault(doc, []).append(pos)
                elif raw.strip():
                    self.problems.append(Problem(path, f"line {n}", "not a statement (a JSON object with a "
                                                                   "\"doc\" string)", "not a statement"))
                pos += len(raw)
        self.file = open(path, "rb")        # (one handle for the run: closed with the run)

    def records(self, article):
        """(article, records, error) as :func:`_extract` gives them, from the file."""
        recs = []
        for off in self.offsets.get(article["id"], ()):
            self.file.seek(off)
            try:
                rec = json.loads(self.file.readline())
            except ValueError:      # (a line cut short after its "doc": it fits nothing)
                rec = {}
            if isinstance(rec, dict):   # (the columns that follow from a statement are the writer's
                rec.pop("_derived", None)   # to compute: a file's own would be stored unchecked)
            recs.append(rec)
        bad = next((r for r in recs if not _fits(r, article)), None)
        if bad is None:
            return article, recs, None
        self.report(f"statements of {article['id']} in {self.path} do not fit its text "
                    f"({bad.get('field')} {bad.get('start')}-{bad.get('end')}): extracted again")
        return _extract(article)


#: the article id at the head of a line as `quotes extract` writes it: read without decoding the
#: rest of the line (indexing a file of 100,000 statements took a second of JSON decoding)
_DOC_HEAD_RE = re.compile(rb'\{"doc": ("(?:[^"\\]|\\.)*")[,}]')


def _doc_of(raw):
    """The "doc" of a line, or None when the line is not a JSON object with a "doc" string (the
    whole line decoded when its head is not as `quotes extract` writes it)."""
    m = _DOC_HEAD_RE.match(raw)
    if m and b"\\" not in m.group(1):
        try:
            return m.group(1)[1:-1].decode()
        except UnicodeDecodeError:
            return None
    try:
        doc = json.loads(m.group(1)) if m else json.loads(raw).get("doc")
    except (ValueError, AttributeError):
        return None
    return doc if isinstance(doc, str) else None


def _fits(rec, article):
    """Does a given statement belong to this version of the article?"""
    if not all(isinstance(rec.get(k), t) and not isinstance(rec.get(k), bool) for k, t in GIVEN_FIELDS.items()):
        return False
    src = article.get("text") if rec["field"] == "text" else article.get("title") if rec["field"] == "title" else None
    return src is not None and src[rec["start"]:rec["end"]] == rec["quote"]


def _run(paths, db_path, jobs, reextract, progress, batch, report, max_mb, statements=None):
    t0 = time.perf_counter()
    db = open_db(db_path)
    writer = Writer(db)
    summary = Summary()
    given = GivenStatements(statements, report) if statements else None
    if given is not None:
        for problem in given.problems:
            summary.problems.append(problem)
            report(f"skipped {problem}")
    source = read_paths(paths, max_mb) if paths else _stored_articles(db)
    # (at least a chunk more: a chunk is sent whole, and a feeder that waited for slots the
    # writer frees only from results of a chunk never sent would wait forever)
    ahead = max(AHEAD * batch, claims.WINDOW) + CHUNK
    slots, stop = threading.Semaphore(ahead), threading.Event()

    def todo():
        for article, problem in source:
            if problem is not None:
                summary.problems.append(problem)
                report(f"skipped {problem}")
                continue
            summary.read += 1
            if bar is not None:
                bar.advance(article.pop("_bytes", 0))
            status = writer.classify(article, reextract)
            if status in ("new", "updated"):
                article["_status"] = status
                slots.acquire()
                if stop.is_set():       # (the run ended early: nothing more is handed out)
                    return
                yield article
            else:
                summary.skip(status if status == "unchanged" else "duplicate content")

    clusterer = _Clusterer(db, db_path, separate=jobs > 1)
    pool = None
    if given is not None:
        results = map(given.records, todo())
    elif jobs > 1:
        pool = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn").Pool(jobs, _yield_to_writer)
        results = pool.imap(_extract, todo(), chunksize=CHUNK)
    else:
        results = map(_extract, todo())
    bar = _Progress(input_bytes(paths)) if progress and paths else None
    try:
        pending = []
        for article, records, error in results:
            slots.release()
            if error:
                summary.problems.append(f"{article['id']}: {error}")
                report(f"skipped {article['id']}: {error}")
                continue
            status = article.pop("_status")
            pending.append((article, status, records))
            if len(pending) >= batch:
                _flush(writer, pending, summary, bar)
                clusterer.stored(writer.order)
        _flush(writer, pending, summary, bar)
        summary.claims_seconds = clusterer.finish()
        writer.refresh_counts()
    finally:
        stop.set()
        clusterer.close()
        slots.release(ahead)     # (a feeder waiting for a slot sees the run has ended)
        if pool is not None:
            pool.close()
            pool.join()
        if bar is not None:
            bar.close()
        if given is not None:
            given.file.close()
    summary.seconds = time.perf_counter() - t0
    db.close()
    return summary


class ClusteringFailed(RuntimeError):
    """The process clustering claims failed: the articles and statements are stored, and the
    statements wait for their claims (the next ingest into the database clusters them)."""


class _Clusterer:
    """Clusters the statements of every window of articles stored whole (:func:`claims.cluster`)
    as the writer stores them: in the writer's process when it extracts too (``--jobs 1``), else
    in a process of its own beside the writer, so that with extracting processes clustering is
    neither a tail at the end of the run nor time the writer spends not writing.  Windows are
    clustered in order either way, so the claims are the same."""

    def __init__(self, db, db_path, separate):
        self.db, self.seconds, self.proc, self.upto = db, 0.0, None, None
        if separate:
            # (forked before the extracting processes start; it opens a connection of its own and
            # never touches the writer's, and a forked process ends without finalizing it)
            ctx = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
            self.pipe, child = ctx.Pipe()
            self.proc = ctx.Process(target=_cluster_loop, args=(db_path, child, claims.WINDOW), daemon=True)
            self.proc.start()
            child.close()

    def stored(self, upto):
        """The articles up to the ``upto``th are stored: cluster the windows they complete.  Only
        a batch that ends a window asks (and the first, which finds the windows a run cut short
        left): finding the first window waiting cost a query over every waiting statement, 40 ms
        after each batch at 30,000 articles."""
        if self.upto is not None and upto // claims.WINDOW == self.upto // claims.WINDOW:
            return
        self.upto = upto
        if self.proc is not None:
            self.pipe.send(upto)
        else:
            self._cluster(upto)

    def finish(self):
        """Cluster the rest (the last window, partly filled); the seconds spent clustering."""
        if self.proc is None:
            self._cluster(None)
            return self.seconds
        self.pipe.send(None)
        try:
            kind, value = self.pipe.recv()
        except EOFError:
            kind, value = "error", f"it ended with exit code {self.proc.exitcode}"
        if kind == "error":
            raise ClusteringFailed(f"clustering claims failed ({value}); the statements wait for their "
                               f"claims, and the next ingest into this database clusters them")
        return value

    def close(self):
        if self.proc is not None:
            self.pipe.close()       # (the process sees the end of its pipe and stops)
            self.proc.join(timeout=5)
            if self.proc.is_alive():
                self.proc.terminate()

    def _cluster(self, upto):
        t = time.perf_counter()
        claims.cluster(self.db, upto)
        self.seconds += time.perf_counter() - t


def _cluster_loop(db_path, pipe, window):
    """The clustering process: windows up to each ``upto`` the writer sends, in order, until
    None (the run's end: every window, then the seconds spent are sent back) or the end of
    the pipe (the writer stopped: what is not clustered waits for the next run)."""
    claims.WINDOW = window
    db, seconds = open_db(db_path), 0.0
    while True:
        try:
            upto = pipe.recv()
            while upto is not None and pipe.poll():     # (only the latest matters)
                upto = pipe.recv()
        except EOFError:
            return
        t = time.perf_counter()
        try:
            claims.cluster(db, upto)
        except Exception as e:
            pipe.send(("error", f"{type(e).__name__}: {e}"))
            return
        seconds += time.perf_counter() - t
        if upto is None:
            pipe.send(("seconds", seconds))
            return


def _flush(writer, pending, summary, bar):
    """Write the pending articles; the summary's counts are the writer's (what the database holds
    for this run: an id given twice is one article, its later version kept)."""
    if not pending:
        return
    writer.write_batch(pending)
    summary.new, summary.statements = writer.new, writer.statements
    summary.updated = len(writer.written) - writer.new
    if writer.repeats:
        summary.skipped["earlier version of an id given again (the later kept)"] = writer.repeats
    if bar is not None:
        bar.update(len(pending), summary.statements)
    pending.clear()


class _Progress:
    """click's progress bar on stderr, by bytes of input read (the input is streamed), with the
    articles and statements written so far beside it (where stderr is not a terminal, click
    writes its label once, and the summary line follows)."""

    def __init__(self, total_bytes):
        import click
        self.articles = self.statements = 0
        self.bar = click.progressbar(length=max(total_bytes, 1), label="ingesting", file=sys.stderr,
                                     item_show_func=self._status, show_eta=True, update_min_steps=1)
        self.bar.__enter__()

    def _status(self, _item):
        return f"{self.articles} articles, {self.statements} statements"

    def advance(self, nbytes):
        self.bar.update(nbytes, current_item=True)

    def update(self, n, statements):
        self.articles += n
        self.statements = statements
        self.bar.update(0, current_item=True)

    def close(self):
        self.bar.__exit__(None, None, None)
