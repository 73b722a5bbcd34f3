"""Which served databases are quotes databases, and the metadata each one gets.

The metadata (``metadata.yml`` beside this module) is written for a database called
``{database}``; every database that holds the tool's tables gets a copy under its own name, so
`quotes serve --db any/path.db` and `datasette any.db` show the same descriptions, facets, canned
queries and dashboard.  Local metadata (``--metadata``) still takes precedence."""
import copy
import functools
import os
import sqlite3

import yaml

#: the tables that make a database one of this tool's
TABLES = frozenset({"statements", "speakers", "claims", "articles"})
PLACEHOLDER = "{database}"
_HERE = os.path.dirname(os.path.abspath(__file__))


@functools.lru_cache(maxsize=1)
def template():
    with open(os.path.join(_HERE, "metadata.yml"), encoding="utf-8") as f:
        return yaml.safe_load(f)


@functools.lru_cache(maxsize=256)
def _holds_quotes(path, mtime):
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            names = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return TABLES <= names


def quotes_databases(datasette):
    """Names of the served databases that hold statements, speakers, claims and articles."""
    out = []
    for name, db in datasette.databases.items():
        path = getattr(db, "path", None)
        if not path or getattr(db, "is_memory", False) or name.startswith("_"):
            continue
        if path in _KNOWN:
            out.append(name)
            continue
        try:
            mtime = os.stat(path).st_mtime
        except OSError:
            continue
        if _holds_quotes(path, mtime):      # (a database without them is looked at again once written)
            _KNOWN.add(path)
            out.append(name)
    return out


#: paths found to hold the tool's tables (a database keeps them once it has them)
_KNOWN = set()


def _substitute(value, name):
    if isinstance(value, str):
        return value.replace(PLACEHOLDER, name)
    if isinstance(value, dict):
        return {_substitute(k, name): _substitute(v, name) for k, v in value.items()}
    if isinstance(value, list):
        return [_substitute(v, name) for v in value]
    return value


@functools.lru_cache(maxsize=16)
def _metadata(names):
    if not names:
        return {}
    tpl = template()
    out = {k: v for k, v in tpl.items() if k not in ("databases", "plugins", "description_html")}
    out["description_html"] = "".join(_substitute(tpl["description_html"], n) for n in names[:1]) + (
        "" if len(names) == 1 else "<p>Databases: " + ", ".join(f'<a href="/{n}">{n}</a>' for n in names) + "</p>")
    out["databases"] = {}
    dashboards = {}
    for n in names:
        out["databases"].update(_substitute(tpl["databases"], n))
        dashboards.update(_substitute(tpl["plugins"]["datasette-dashboards"], n))
    out["plugins"] = {"datasette-dashboards": dashboards}
    return out


def metadata(datasette):
    """The metadata of every quotes database being served (a copy: Datasette merges into it)."""
    return copy.deepcopy(_metadata(tuple(quotes_databases(datasette))))
