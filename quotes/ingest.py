"""Ingest: read articles, extract their statements (in N processes if asked) and hand them to
the one writer in batches."""
import multiprocessing
import sys
import time

from . import claims
from .extract import extract_article
from .read import DEFAULT_MAX_MB, input_bytes, read_paths
from .store import Summary, Writer, open_db, writer_lock

BATCH = 200


def _extract(article):
    try:
        return article, extract_article(article), None
    except TimeoutError:
        return article, [], "extraction timed out (a pattern ran longer than its guard)"
    except Exception as e:   # a bug on one article must not stop the run: report it
        return article, [], f"extraction failed ({type(e).__name__}: {e})"


def _stored_articles(db, ids=None):
    sql = "select a.id, a.title, a.text, a.url, a.published, a.date_extracted, s.name as source from articles a " \
          "left join sources s on s.id = a.source_id order by a.ingest_order"
    for row in db.query(sql):
        if ids is None or row["id"] in ids:
            yield dict(row), None


def run(paths, db_path, jobs=1, reextract=False, progress=False, batch=BATCH, report=None, max_mb=DEFAULT_MAX_MB):
    """Ingest ``paths`` (all stored articles when empty and ``reextract``) into ``db_path``,
    holding the database's writer lock (a second ingest waits for the first)."""
    report = report or (lambda msg: print(msg, file=sys.stderr))
    with writer_lock(db_path, report):
        return _run(paths, db_path, jobs, reextract, progress, batch, report, max_mb)


def _run(paths, db_path, jobs, reextract, progress, batch, report, max_mb):
    t0 = time.perf_counter()
    db = open_db(db_path)
    writer = Writer(db)
    summary = Summary()
    source = read_paths(paths, max_mb) if paths else _stored_articles(db)

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
                yield article
            else:
                summary.skip(status if status == "unchanged" else "duplicate content")

    pool = None
    if jobs > 1:
        pool = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn").Pool(jobs)
        results = pool.imap(_extract, todo(), chunksize=16)
    else:
        results = map(_extract, todo())
    bar = _Progress(input_bytes(paths)) if progress and paths else None
    try:
        pending = []
        for article, records, error in results:
            if error:
                summary.problems.append(f"{article['id']}: {error}")
                report(f"skipped {article['id']}: {error}")
                continue
            status = article.pop("_status")
            pending.append((article, status, records))
            if len(pending) >= batch:
                _flush(writer, pending, summary, bar)
        _flush(writer, pending, summary, bar)
        claims.assign_pending(db)
        claims.refresh_dirty(db)
        writer.refresh_counts()
    finally:
        if pool is not None:
            pool.close()
            pool.join()
        if bar is not None:
            bar.close()
    summary.seconds = time.perf_counter() - t0
    db.close()
    return summary


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
