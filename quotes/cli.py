"""The command line: ``quotes extract``, ``quotes ingest``, ``quotes claims``, ``quotes export``."""
import json
import sys

import click

from . import __version__
from .extract import extract_article
from .read import read_paths


@click.group()
@click.version_option(__version__)
def cli():
    """Find attributed statements in Arabic news, say who said them, store them in SQLite."""


def _report(problem):
    click.echo(f"skipped {problem}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="jsonl: one JSON object a statement; table: a readable right-to-left table")
@click.option("--fields", default="text,title", show_default=True,
              help="article fields to read statements from (comma-separated: text, title)")
def extract(paths, fmt, fields):
    """Print the statements of the articles in PATHS (files or folders: .jsonl[.gz], .txt, .html)."""
    wanted = {f.strip() for f in fields.split(",") if f.strip()}
    read = skipped = 0
    out = sys.stdout
    for article, problem in read_paths(paths):
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
