"""The command line: ``quotes extract``, ``quotes ingest``, ``quotes claims``, ``quotes export``."""
import json
import sys

import click

from . import __version__
from .extract import extract_article
from .read import DEFAULT_MAX_MB, read_paths
from . import store as store_mod


@click.group()
@click.version_option(__version__)
def cli():
    """Find attributed statements in Arabic news, say who said them, store them in SQLite."""


def _report(problem):
    click.echo(f"skipped {problem}", err=True)


def _max_article_option(f):
    return click.option("--max-article-mb", default=DEFAULT_MAX_MB, show_default=True, type=click.FloatRange(min=0.001),
                        help="skip (with a reason) an article of more megabytes of text (title and body) than this")(f)


def _require_one_existing(paths):
    """A usage error, before anything is created, when none of ``paths`` exists."""
    import os
    if paths and not any(os.path.exists(p) for p in paths):
        raise click.UsageError("no such file or folder: " + ", ".join(paths))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="jsonl: one JSON object a statement; table: a readable right-to-left table")
@click.option("--fields", default="text", show_default=True,
              help="article fields to print statements of (comma-separated: text, title); "
                   "headlines usually repeat or reframe the body, so they are printed on request "
                   "(ingest stores both)")
@_max_article_option
def extract(paths, fmt, fields, max_article_mb):
    """Print the statements of the articles in PATHS (files or folders: .jsonl[.gz], .txt, .html)."""
    wanted = {f.strip() for f in fields.split(",") if f.strip()}
    read = skipped = 0
    out = sys.stdout
    for article, problem in read_paths(paths, max_article_mb):
        if problem is not None:
            skipped += 1
            _report(problem)
            continue
        read += 1
        for rec in extract_article(article):
            if rec["field"] not in wanted:
                continue
            if fmt == "jsonl":
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            else:
                out.write(_table_row(rec))
    if read == 0:
        click.echo("no article could be read", err=True)
        sys.exit(1)


def _table_row(rec):
    rle = "\u202b"  # right-to-left embedding, closed by pop directional formatting
    pdf = "\u202c"
    return (f"{rle}{rec['doc']} ¶{rec['paragraph']} [{rec['type']}] {rec['speaker'] or '؟'} "
            f"({rec['cue']}): «{rec['quote']}»{pdf}\n")


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--db", "db_path", default="db/quotes.db", show_default=True, type=click.Path(),
              help="SQLite database to write (created if missing, upgraded if old)")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 64),
              help="extract in this many processes (one writer)")
@click.option("--reextract", is_flag=True,
              help="re-derive the statements of stored articles (all of them when no PATH is given)")
@click.option("--progress/--no-progress", default=None,
              help="show a progress bar by bytes of input read (default: when stderr is a terminal)")
@click.option("--statements", "statements_path", type=click.Path(exists=True, dir_okay=False),
              help="store the statements of this JSON Lines file (from `quotes extract --fields text,title`, "
                   "run anywhere) instead of extracting the articles again")
@_max_article_option
def ingest(paths, db_path, jobs, reextract, progress, statements_path, max_article_mb):
    """Ingest the articles in PATHS into a SQLite database, with speakers and claims."""
    from .ingest import ClusteringFailed, run
    if not paths and not reextract:
        raise click.UsageError("give at least one PATH, or --reextract to re-derive stored articles")
    _require_one_existing(paths)
    if progress is None:
        progress = sys.stderr.isatty()
    if statements_path and not paths:
        raise click.UsageError("--statements needs the articles too: give their PATHS")
    try:
        summary = run(list(paths), db_path, jobs=jobs, reextract=reextract, progress=progress,
                      max_mb=max_article_mb, statements=statements_path)
    except ClusteringFailed as e:       # (the articles and statements are stored)
        raise click.ClickException(str(e))
    click.echo(summary.line(), err=True)
    if summary.read == 0 and not reextract:
        sys.exit(1)


@cli.command()
@click.option("--db", "db_path", default="db/quotes.db", show_default=True, type=click.Path(exists=True))
@click.option("--rebuild", is_flag=True, help="forget all claims and cluster every statement again")
def claims(db_path, rebuild):
    """Group statements from different articles into claims (new statements are grouped at ingest)."""
    from . import claims as claims_mod
    with store_mod.writer_lock(db_path, _report_wait):
        n, multi = _cluster(claims_mod, db_path, rebuild)
    click.echo(f"claims {n}, carried by several outlets {multi}", err=True)


def _report_wait(msg):
    click.echo(msg, err=True)


def _cluster(claims_mod, db_path, rebuild):
    db = store_mod.open_db(db_path)
    n = claims_mod.rebuild(db) if rebuild else claims_mod.extend(db)
    multi = db.execute("select count(*) from claims where outlets > 1").fetchone()[0]
    db.close()
    return n, multi


#: what `quotes export` writes for each statement: the fields of `quotes extract`, its claim and
#: speaker ids, and where it was published
EXPORT_SQL = """select s.article_id as doc, s.field, s.start, s."end", s.quote, s.speaker, s.speaker_reason, s.mention,
                       s.cue, s.cue_lemma, s.stance, s.type, s.channel, s.addressee, s.rule, s.paragraph,
                       s.claim_id as claim, s.speaker_id, s.confidence, so.name as outlet, a.title,
                       a.url, s.article_date as date
                from statements s join articles a on a.id = s.article_id
                left join sources so on so.id = a.source_id
                order by s.article_id, s.field, s.start"""


@cli.command()
@click.option("--db", "db_path", default="db/quotes.db", show_default=True, type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True,
              help="jsonl: one JSON object a statement; csv: one row a statement, UTF-8 with a "
                   "byte-order mark (Excel reads the Arabic)")
def export(db_path, fmt):
    """Print every stored statement: the fields of `quotes extract`, its claim and speaker ids, the
    cue's lemma and stance, and the outlet, title, URL and date of its article."""
    import csv
    import io
    db = store_mod.open_db(db_path)
    cursor = db.execute(EXPORT_SQL)
    names = [d[0] for d in cursor.description]
    if fmt == "csv":
        sys.stdout.flush()
        out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8-sig", newline="")
        writer = csv.writer(out)
        writer.writerow(names)
        writer.writerows(cursor)
        out.flush()
        out.detach()
    else:
        for row in cursor:
            sys.stdout.write(json.dumps(dict(zip(names, row)), ensure_ascii=False) + "\n")
    db.close()


#: Datasette settings of `quotes serve`: a time limit on every query, bounded results, no
#: download of the whole file; SQL threads enough that a few slow queries do not hold up a page
#: (six queries at the time limit held a table page 2.8 s with six threads, 0.5 s with twelve)
SERVE_SETTINGS = {"sql_time_limit_ms": "3000", "max_returned_rows": "2000", "allow_download": "off",
                  "num_sql_threads": "12"}


def serve_command(db_path, host, port, metadata):
    """The datasette command line that `quotes serve` runs.  The file is opened read-only but not
    immutable, so an ingest into it while it is served shows up at the next request; Datasette
    refuses every write (no canned query writes)."""
    cmd = [sys.executable, "-m", "datasette", "serve", db_path, "--host", host, "--port", str(port)]
    if metadata:
        cmd += ["--metadata", metadata]
    for k, v in SERVE_SETTINGS.items():
        cmd += ["--setting", k, v]
    return cmd


@cli.command()
@click.option("--db", "db_path", default="db/quotes.db", show_default=True, type=click.Path(exists=True))
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on")
@click.option("--port", default=8001, show_default=True, type=int)
@click.option("--metadata", default=None, type=click.Path(exists=True),
              help="more Datasette metadata, over the tool's own (which every quotes database gets, "
                   "whatever its file is called)")
def serve(db_path, host, port, metadata):
    """Serve the database read-only with Datasette (SQL time limit, 127.0.0.1 unless told otherwise);
    ingesting into it meanwhile is safe, and new rows show at the next request."""
    import os
    store_mod.open_db(db_path).close()     # schema up to date, in WAL mode so readers and a writer coexist
    cmd = serve_command(db_path, host, port, metadata)
    click.echo(" ".join(cmd), err=True)
    os.execvp(cmd[0], cmd)


if __name__ == "__main__":
    cli()
