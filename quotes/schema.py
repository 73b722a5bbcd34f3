"""The database's shape, declared as data: tables, foreign keys, indexes, full-text search and
views.  :func:`quotes.store.ensure_schema` applies it through sqlite-utils migrations, so an
existing database is upgraded in place, never rebuilt."""

SOURCES = {"id": int, "name": str}
ARTICLES = {
    "id": str, "source_id": int, "title": str, "text": str, "url": str, "published": str,
    "date_extracted": str, "content_hash": str, "ingested_at": str, "ingest_order": int,
    "statement_count": int, "origin_file": str,
}
SPEAKERS = {"id": int, "name": str, "kind": str, "key": str, "statement_count": int, "scope": str}
SPEAKER_ALIASES = {"speaker_id": int, "alias": str, "alias_key": str, "is_name": int}
STATEMENTS = {
    "id": str, "article_id": str, "speaker_id": int, "claim_id": int,
    "field": str, "start": int, "end": int, "quote": str, "speaker": str, "speaker_reason": str,
    "mention": str, "cue": str, "type": str, "channel": str, "addressee": str, "rule": str,
    "paragraph": int, "sentence": str, "quote_normalized": str, "speaker_normalized": str,
    "quote_diff": str, "extracted_at": str, "confidence": float,
    "quote_stems": str, "article_date": str, "cue_lemma": str, "stance": str,
}
CLAIMS = {
    "id": int, "speaker_id": int, "speaker": str, "quote": str, "first_statement_id": str,
    "first_article_id": str, "first_source": str, "outlets": int, "articles": int, "statements": int,
    "speaker_disagreement": int, "cue_disagreement": int, "number_mismatch": int,
    "wording_changed": int, "single_source": int, "flags": str, "first_published": str,
}
# later migrations in quotes.store add: claims.dirty, statements.source_id, statements.claim_pending
CLAIM_SHINGLES = {"shingle": int, "claim_id": int}

TABLES = {
    "sources": (SOURCES, "id", {}),
    "articles": (ARTICLES, "id", {"source_id": ("sources", "id")}),
    "speakers": (SPEAKERS, "id", {}),
    "speaker_aliases": (SPEAKER_ALIASES, ("speaker_id", "alias"), {"speaker_id": ("speakers", "id")}),
    "claims": (CLAIMS, "id", {"speaker_id": ("speakers", "id")}),
    "statements": (STATEMENTS, "id", {"article_id": ("articles", "id"), "speaker_id": ("speakers", "id"),
                                       "claim_id": ("claims", "id")}),
    "claim_shingles": (CLAIM_SHINGLES, ("shingle", "claim_id"), {"claim_id": ("claims", "id")}),
}

#: columns people filter, facet or join by
INDEXES = {
    "sources": [["name"]],
    "articles": [["source_id"], ["content_hash"], ["published"], ["ingest_order"]],
    "speakers": [["name"], ["kind"], ["statement_count"]],      # (key: a unique index of its own)
    "speaker_aliases": [["alias_key"]],
    "statements": [["article_id"], ["speaker_id"], ["claim_id"], ["cue"], ["type"], ["rule"],
                   ["speaker"], ["channel"], ["cue_lemma"], ["stance"], ["article_date"]],
    "claims": [["speaker_id"], ["outlets"], ["speaker_disagreement"], ["cue_disagreement"],
               ["number_mismatch"], ["wording_changed"], ["single_source"]],
    "claim_shingles": [["claim_id"]],
}

#: full-text search on normalized columns (see quotes.normalize): the query is normalized too.
#: Statements are searched on what was said, every word under each form its proclitics leave
#: (quotes.fold: "مصر" finds "لمصر"); speakers have an index of their own.
FTS = {
    "statements": ["quote_stems"],
    "speakers": ["key"],
}

VIEWS = {
    "statements_by_outlet": """
select statements.id, sources.name as outlet, articles.title as article, statements.speaker,
       statements.cue, statements.type, statements.quote, statements.claim_id
from statements join articles on articles.id = statements.article_id
left join sources on sources.id = articles.source_id
""",
    "claim_versions": """
select statements.claim_id, sources.name as outlet, articles.id as article_id,
       articles.published, statements.speaker, statements.cue, statements.type, statements.quote,
       statements.id as statement_id
from statements join articles on articles.id = statements.article_id
left join sources on sources.id = articles.source_id
where statements.claim_id is not null
""",
}
