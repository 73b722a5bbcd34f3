"""Datasette plugin: Arabic search that normalizes the query like the index, right-to-left
cells, highlighted wording differences, and pages that explain each statement and claim."""
import html
import sqlite3
from urllib.parse import parse_qsl, urlencode

import regex
from datasette import hookimpl
from markupsafe import Markup

from ..normalize import normalize
from . import site

PLUGIN = "quotes"
#: query-string parameters that carry a search: normalized like the indexed columns
SEARCH_PARAMS = ("_search", "q")
#: query-string parameters dropped before Datasette sees them (raw mode would hand a user's
#: input to FTS5 unescaped)
DROPPED_PARAMS = ("_searchmode",)
#: what a search term is: a run of letters, marks and digits (FTS5 operators and quotes are not)
_TERM_RE = regex.compile(r"[\p{L}\p{M}\p{N}_]+")
#: the only markup a highlighted wording carries
_MARK_RE = regex.compile(r"(</?mark>)")
#: memory SQLite may take for queries in a served process (every connection together): one
#: query building a huge string or sort fails with an error instead of taking the server
QUERY_MEMORY_BYTES = 256 * 1024 * 1024
#: the longest string or blob a served query may build (a clear "string or blob too big" error)
VALUE_BYTES = 64 * 1024 * 1024
#: HTTP methods a read-only server answers (a POST to a canned query ended in a 500)
READ_METHODS = ("GET", "HEAD", "OPTIONS")


def search_terms(text):
    """The words of a search as the index holds them (normalized), operators and quotes dropped."""
    return _TERM_RE.findall(normalize(text)) if isinstance(text, str) else []


def fts_query(text):
    """`fts_query(text)` in SQL: a safe FTS5 query of every word of ``text`` (all must occur);
    no words at all match nothing rather than failing."""
    return " ".join(f'"{t}"' for t in search_terms(text)) or '""'


def diff_html(value):
    """A highlighted wording as safe HTML: every piece of text escaped, and ``<mark>`` the one
    element kept (so a column named quote_diff in any query cannot carry script)."""
    if not isinstance(value, str):
        return value
    out, open_ = [], False
    for piece in _MARK_RE.split(value):
        if piece == "<mark>" or piece == "</mark>":
            if (piece == "<mark>") != open_:
                out.append(piece)
                open_ = not open_
        elif piece:
            out.append(html.escape(html.unescape(piece)))
    if open_:
        out.append("</mark>")
    return Markup("".join(out))


@hookimpl
def prepare_connection(conn):
    """`normalize_ar(text)` and `speaker_key(text)` in SQL."""
    conn.create_function("normalize_ar", 1, lambda s: normalize(s) if isinstance(s, str) else s,
                         deterministic=True)
    conn.create_function("speaker_key", 1, _speaker_key, deterministic=True)
    conn.create_function("fts_query", 1, fts_query, deterministic=True)
    conn.execute(f"PRAGMA hard_heap_limit = {QUERY_MEMORY_BYTES}")
    if hasattr(conn, "setlimit"):      # Python 3.11+
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, VALUE_BYTES)


_REGISTRY = None


def _speaker_key(name):
    """`speaker_key(text)` in SQL: a name's comparison key (as in speaker_aliases.alias_key), with
    transliteration variants folded, so "شتاينبرغ" finds "شتاينبرج"."""
    global _REGISTRY
    if not isinstance(name, str):
        return name
    if _REGISTRY is None:
        from ..registry import SpeakerRegistry
        _REGISTRY = SpeakerRegistry()
    return _REGISTRY.key(name)


def _normalize_query_string(qs):
    pairs = parse_qsl(qs.decode("latin-1").encode("latin-1").decode("utf-8", "replace"), keep_blank_values=True)
    changed = False
    out = []
    for k, v in pairs:
        if k in DROPPED_PARAMS:
            changed = True
            continue
        if k in SEARCH_PARAMS or k.startswith("_search_"):
            nv = " ".join(search_terms(v))
            changed = changed or nv != v or not nv
            if not nv and k != "q":      # nothing to search for: no search (never an FTS error)
                continue
            v = nv
        out.append((k, v))
    return urlencode(out).encode("ascii") if changed else qs


@hookimpl
def asgi_wrapper(datasette):
    """Normalize search terms before Datasette sees them (diacritics, hamza, ta marbuta, digits;
    operators and quotes dropped), answer anything but a read with 405, open a quotes table on
    its main columns, and give CSV every row and a byte-order mark (so Excel reads the Arabic)."""
    def wrap(app):
        async def normalized(scope, receive, send):
            if scope.get("type") != "http":
                await app(scope, receive, send)
                return
            if scope.get("method", "GET") not in READ_METHODS:
                await _refuse(send)
                return
            if scope.get("query_string"):
                scope = dict(scope, query_string=_normalize_query_string(scope["query_string"]))
            scope, csv = _table_view(datasette, scope)
            await app(scope, receive, _with_bom(send) if csv else send)
        return normalized
    return wrap


def _table_view(datasette, scope):
    """(scope, whether the answer is CSV) with a quotes table's view settings applied: its
    ``columns`` (plugin setting of the table in metadata.yml) when the page names none, and for
    a table's CSV ``_stream=on`` (all rows, not the first page of them) and ``_labels=on`` (the
    outlet's, speaker's and article's names beside their ids)."""
    from datasette.utils import tilde_decode
    parts = scope.get("path", "").strip("/").split("/")
    csv = parts[-1].endswith(".csv")
    if len(parts) != 2 or tilde_decode(parts[0]) not in site.quotes_databases(datasette):
        return scope, csv
    table = tilde_decode(parts[1][:-4] if csv else parts[1])
    pairs = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
    keys = {k for k, _ in pairs}
    if csv and not keys >= {"_stream", "_labels"}:
        pairs += [(k, "on") for k in ("_stream", "_labels") if k not in keys]
    elif not csv and "." not in parts[1] and not keys & {"_col", "_nocol"}:
        config = datasette.plugin_config(PLUGIN, database=tilde_decode(parts[0]), table=table) or {}
        pairs += [("_col", c) for c in config.get("columns") or []]
    else:
        return scope, csv
    return dict(scope, query_string=urlencode(pairs).encode("ascii")), csv


def _with_bom(send):
    """``send`` that puts a UTF-8 byte-order mark before a successful CSV answer's first byte."""
    state = {"csv": False, "first": True}

    async def wrapped(message):
        if message["type"] == "http.response.start":
            headers = dict(message.get("headers") or [])
            state["csv"] = message.get("status") == 200 and headers.get(b"content-type", b"").startswith(
                (b"text/csv", b"text/plain"))
            if state["csv"] and b"content-length" in headers:
                message = dict(message, headers=[(k, str(int(v) + 3).encode() if k == b"content-length" else v)
                                                 for k, v in message["headers"]])
        elif message["type"] == "http.response.body" and state["csv"] and state["first"]:
            state["first"] = False
            message = dict(message, body=b"\xef\xbb\xbf" + message.get("body", b""))
        await send(message)
    return wrapped


async def _refuse(send):
    body = b"This server is read-only: it answers GET requests only.\n"
    await send({"type": "http.response.start", "status": 405,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"allow", b"GET, HEAD"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


@hookimpl
def get_metadata(datasette, key, database, table):
    """Descriptions, facets, canned queries and the dashboard for every quotes database, whatever
    its file is called."""
    return site.metadata(datasette)


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    """On a table page of a quotes database, ``quotes_db``; on a row page, what its page shows
    first (``quotes_page``)."""
    if view_name == "table":
        return {"quotes_db": database in site.quotes_databases(datasette)}
    if view_name != "row" or request is None:
        return None
    from . import pages
    page = pages.PAGES.get(table)
    if page is None or database not in site.quotes_databases(datasette):
        return None

    async def compute():
        from datasette.utils import tilde_decode
        pk = tilde_decode(request.url_vars.get("pks", ""))
        return {"quotes_page": await page(datasette, database, pk), "quotes_links": pages.Links(datasette, database)}
    return compute


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["quote_diff"] = diff_html


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.static_plugins(PLUGIN, "quotes.css")]


#: columns of a canned query's results that name a row: the table whose page they open
ROW_COLUMNS = {"statement_id": "statements", "speaker_id": "speakers", "claim_id": "claims", "article_id": "articles"}


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Show wording differences highlighted (rebuilt from escaped parts, whatever the value), and
    make a query's statement, speaker, claim and article ids links to their pages."""
    if column == "quote_diff" and isinstance(value, str) and value:
        return Markup('<span class="quote-diff" dir="rtl">') + diff_html(value) + Markup("</span>")
    if table is None and column in ROW_COLUMNS and value is not None and not isinstance(value, bytes) \
            and database in site.quotes_databases(datasette):
        from datasette.utils import tilde_encode
        url = datasette.urls.row(database, ROW_COLUMNS[column], tilde_encode(str(value)))
        return Markup('<a class="row-link" href="{}">{}</a>').format(url, value)
    return None
