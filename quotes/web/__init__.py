"""Datasette plugin: Arabic search that normalizes the query like the index, right-to-left
cells, highlighted wording differences, and pages that explain each statement and claim."""
import html
import sqlite3
from urllib.parse import parse_qsl, urlencode

import regex
from datasette import hookimpl
from markupsafe import Markup

from ..normalize import normalize

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
    operators and quotes dropped), and answer anything but a read with 405."""
    def wrap(app):
        async def normalized(scope, receive, send):
            if scope.get("type") == "http" and scope.get("method", "GET") not in READ_METHODS:
                await _refuse(send)
                return
            if scope.get("type") == "http" and scope.get("query_string"):
                scope = dict(scope, query_string=_normalize_query_string(scope["query_string"]))
            await app(scope, receive, send)
        return normalized
    return wrap


async def _refuse(send):
    body = b"This server is read-only: it answers GET requests only.\n"
    await send({"type": "http.response.start", "status": 405,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"allow", b"GET, HEAD"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["quote_diff"] = diff_html


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.static_plugins(PLUGIN, "quotes.css")]


@hookimpl
def render_cell(value, column):
    """Show wording differences highlighted (rebuilt from escaped parts, whatever the value)."""
    if column == "quote_diff" and isinstance(value, str) and value:
        return Markup('<span class="quote-diff" dir="rtl">') + diff_html(value) + Markup("</span>")
    return None
