"""What the four pages a reader opens show: a statement, a speaker, a claim and an article.

Each function reads one row and what hangs off it from a served database and returns plain
data for its template (``templates/quotes/<table>.html``); the raw row stays one click away."""
from collections import Counter
from urllib.parse import urlencode

from datasette.utils import tilde_encode

from ..claims import differing_numbers, stance
from . import diff_html

#: characters of a paragraph shown around a statement before it is cut (a wrapped feed's
#: "paragraph" can be the whole article)
PARAGRAPH_CHARS = 1200
#: statements listed on a speaker's page (the table, filtered, holds all of them)
SPEAKER_STATEMENTS = 300


class Links:
    """Addresses of rows of one database."""

    def __init__(self, datasette, database):
        self.urls, self.database = datasette.urls, database

    def row(self, table, pk):
        return self.urls.row(self.database, table, tilde_encode(str(pk))) if pk is not None else None

    def table(self, table, **filters):
        return self.urls.table(self.database, table) + ("?" + urlencode(filters) if filters else "")


async def _rows(db, sql, params=None):
    return [dict(r) for r in (await db.execute(sql, params or {})).rows]


async def _one(db, sql, params):
    rows = await _rows(db, sql, params)
    return rows[0] if rows else None


def paragraph_around(text, start, end, limit=PARAGRAPH_CHARS):
    """The paragraph of ``text`` holding [start, end), as (before, quote, after), cut to about
    ``limit`` characters around the quote (an ellipsis where it was cut)."""
    text = text or ""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    room = max(0, limit - (end - start)) // 2
    before, after = text[a:start], text[end:b]
    if len(before) > room:
        before = "… " + before[len(before) - room:]
    if len(after) > room:
        after = after[:room] + " …"
    return before, text[start:end], after


async def statement(datasette, database, pk):
    db, links = datasette.get_database(database), Links(datasette, database)
    st = await _one(db, """select s.*, a.title as article_title, a.url as article_url, a.text as article_text,
                                  so.name as outlet, sp.kind as speaker_kind, c.outlets as claim_outlets
                           from statements s join articles a on a.id = s.article_id
                           left join sources so on so.id = a.source_id
                           left join speakers sp on sp.id = s.speaker_id
                           left join claims c on c.id = s.claim_id where s.id = :id""", {"id": pk})
    if st is None:
        return None
    field = st["article_text"] if st["field"] == "text" else st["article_title"]
    before, quote, after = paragraph_around(field, st["start"], st["end"])
    if quote != st["quote"]:      # (an article re-read since: show the statement as stored)
        before, quote, after = "", st["quote"], ""
    st.pop("article_text")
    return {"kind": "statement", "st": st, "before": before, "quote": quote, "after": after,
            "stance": st.get("stance") or stance(st["cue"]),
            "speaker_url": links.row("speakers", st["speaker_id"]),
            "article_url": links.row("articles", st["article_id"]),
            "claim_url": links.row("claims", st["claim_id"])}


async def speaker(datasette, database, pk):
    db, links = datasette.get_database(database), Links(datasette, database)
    sp = await _one(db, "select * from speakers where id = :id", {"id": pk})
    if sp is None:
        return None
    aliases = await _rows(db, """select alias, is_name from speaker_aliases where speaker_id = :id
                                 order by is_name desc, length(alias) desc""", {"id": pk})
    rows = await _rows(db, f"""select s.id, s.quote, s.cue, s.cue_lemma, s.type, s.claim_id, s.article_date,
                                      s.article_id, a.title as article_title, coalesce(so.name, '') as outlet,
                                      c.outlets as claim_outlets
                               from statements s join articles a on a.id = s.article_id
                               left join sources so on so.id = a.source_id
                               left join claims c on c.id = s.claim_id
                               where s.speaker_id = :id order by so.name, s.article_date, a.ingest_order, s.start
                               limit {SPEAKER_STATEMENTS + 1}""", {"id": pk})
    stats = await _one(db, """select count(*) as n, count(distinct article_id) as articles,
                                     count(distinct source_id) as outlets, count(distinct claim_id) as claims,
                                     min(article_date) as first, max(article_date) as last
                              from statements where speaker_id = :id""", {"id": pk})
    cues = await _rows(db, """select coalesce(cue_lemma, cue) as cue, stance, count(*) as n from statements
                              where speaker_id = :id group by 1, 2 order by n desc limit 10""", {"id": pk})
    by_outlet = {}
    for r in rows[:SPEAKER_STATEMENTS]:
        r["url"] = links.row("statements", r["id"])
        r["claim_url"] = links.row("claims", r["claim_id"]) if (r["claim_outlets"] or 0) > 1 else None
        by_outlet.setdefault(r["outlet"], []).append(r)
    return {"kind": "speaker", "sp": sp, "names": [a["alias"] for a in aliases if a["is_name"]],
            "mentions": [a["alias"] for a in aliases if not a["is_name"]], "stats": stats, "cues": cues,
            "by_outlet": by_outlet, "more": len(rows) > SPEAKER_STATEMENTS,
            "all_url": links.table("statements", speaker_id=pk)}


async def claim(datasette, database, pk):
    db, links = datasette.get_database(database), Links(datasette, database)
    c = await _one(db, "select * from claims where id = :id", {"id": pk})
    if c is None:
        return None
    versions = await _rows(db, """select s.id, s.quote, s.quote_diff, s.speaker, s.speaker_id, s.cue, s.stance,
                                         s.type, s.article_id, s.article_date, a.title as article_title,
                                         a.url as article_url, a.published, coalesce(so.name, '') as outlet
                                  from statements s join articles a on a.id = s.article_id
                                  left join sources so on so.id = a.source_id
                                  where s.claim_id = :id
                                  order by s.article_date is null, s.article_date, a.ingest_order, s.start""", {"id": pk})
    for v in versions:
        v["url"] = links.row("statements", v["id"])
        v["speaker_url"] = links.row("speakers", v["speaker_id"])
        v["article_page"] = links.row("articles", v["article_id"])
        v["wording"] = diff_html(v["quote_diff"]) if v["quote_diff"] else v["quote"]
        v["stance"] = v["stance"] or stance(v["cue"])
    numbers = [(n, sorted({versions[i]["outlet"] or "?" for i in idx}))
               for n, idx in differing_numbers([v["quote"] for v in versions])]
    dated = [v for v in versions if v["article_date"]]
    return {"kind": "claim", "c": c, "versions": versions, "numbers": numbers,
            "speakers": Counter(v["speaker"] or "—" for v in versions).most_common(),
            "first": dated[0] if dated else (versions[0] if versions else None), "dated": bool(dated),
            "speaker_url": links.row("speakers", c["speaker_id"]),
            "first_published": bool(dated and dated[0]["published"])}


async def article(datasette, database, pk):
    db, links = datasette.get_database(database), Links(datasette, database)
    a = await _one(db, """select a.*, so.name as outlet from articles a left join sources so on so.id = a.source_id
                          where a.id = :id""", {"id": pk})
    if a is None:
        return None
    sts = await _rows(db, """select id, field, start, "end", quote, speaker, speaker_id, cue, type, claim_id
                             from statements where article_id = :id order by field, start""", {"id": pk})
    for s in sts:
        s["url"] = links.row("statements", s["id"])
    return {"kind": "article", "a": a, "statements": sts,
            "title": marked_paragraphs(a["title"], [s for s in sts if s["field"] == "title"]),
            "paragraphs": marked_paragraphs(a["text"], [s for s in sts if s["field"] == "text"])}


def marked_paragraphs(text, statements):
    """``text`` as paragraphs of pieces (text, statement or None): each statement's span is one
    piece, in order; a span overlapping an earlier one is left unmarked (it is still listed)."""
    text = text or ""
    pieces, at = [], 0
    for s in sorted(statements, key=lambda s: (s["start"], -s["end"])):
        if s["start"] < at or s["end"] > len(text):
            continue
        pieces += [(text[at:s["start"]], None), (text[s["start"]:s["end"]], s)]
        at = s["end"]
    pieces.append((text[at:], None))
    paragraphs, current = [], []
    for chunk, s in pieces:
        if s is not None:
            current.append((chunk, s))
            continue
        lines = chunk.split("\n")
        for i, line in enumerate(lines):
            if i:
                paragraphs.append(current)
                current = []
            if line:
                current.append((line, None))
    paragraphs.append(current)
    return [p for p in paragraphs if any(t.strip() for t, _ in p)]


PAGES = {"statements": statement, "speakers": speaker, "claims": claim, "articles": article}
