"""Datasette plugin: Arabic search that normalizes the query like the index, right-to-left
cells, highlighted wording differences, and pages that explain each statement and claim."""
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from markupsafe import Markup

from ..normalize import normalize

PLUGIN = "quotes"
#: query-string parameters that carry a search: normalized like the indexed columns
SEARCH_PARAMS = ("_search", "q")


@hookimpl
def prepare_connection(conn):
    """`normalize_ar(text)` and `speaker_key(text)` in SQL."""
    conn.create_function("normalize_ar", 1, lambda s: normalize(s) if isinstance(s, str) else s,
                         deterministic=True)
    conn.create_function("speaker_key", 1, _speaker_key, deterministic=True)


_REGISTRY = None


def _speaker_key(name):
    """`speaker_key(text)` in SQL: a name's comparison key (as in speaker_aliases.alias_key), with
    transliteration variants folded, so "شتاينبرغ" finds "شتاينبرج"."""
    global _REGISTRY
    if not isinstance(name, str):
        return name
    if _REGISTRY is None:
        from ..speakers import SpeakerRegistry
        _REGISTRY = SpeakerRegistry()
    return _REGISTRY.key(name)


def _normalize_query_string(qs):
    pairs = parse_qsl(qs.decode("latin-1").encode("latin-1").decode("utf-8", "replace"), keep_blank_values=True)
    changed = False
    out = []
    for k, v in pairs:
        if k in SEARCH_PARAMS or k.startswith("_search_"):
            nv = normalize(v)
            changed = changed or nv != v
            v = nv
        out.append((k, v))
    return urlencode(out).encode("ascii") if changed else qs


@hookimpl
def asgi_wrapper(datasette):
    """Normalize search terms before Datasette sees them (diacritics, hamza, ta marbuta, digits)."""
    def wrap(app):
        async def normalized(scope, receive, send):
            if scope.get("type") == "http" and scope.get("query_string"):
                scope = dict(scope, query_string=_normalize_query_string(scope["query_string"]))
            await app(scope, receive, send)
        return normalized
    return wrap


@hookimpl
def extra_css_urls(datasette):
    return [datasette.urls.static_plugins(PLUGIN, "quotes.css")]


@hookimpl
def render_cell(value, column):
    """Show wording differences (stored as escaped HTML with <mark>) highlighted."""
    if column == "quote_diff" and isinstance(value, str) and value:
        return Markup(f'<span class="quote-diff" dir="rtl">{value}</span>')
    return None
