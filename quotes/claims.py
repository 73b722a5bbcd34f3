"""Claims: the same utterance by one speaker, as reported by any number of articles.

Candidates come from an inverted index of normalized word shingles (``claim_shingles``), never
from comparing all pairs, so clustering grows close to linearly with the number of statements.
A candidate is verified by token containment (a trimmed version inside a longer one counts) and
fuzzy similarity with rapidfuzz; speakers must be compatible (the same speaker, or one side
unnamed) and, when both articles are dated, within a time window.  New statements extend the
claims already stored; ``quotes claims --rebuild`` recomputes everything.
"""
import datetime
import functools
import html
import json
import zlib
from collections import Counter

import regex
from rapidfuzz import fuzz

from . import fold, rules as rules_mod
from .normalize import fold_digits, normalize

SHINGLE = 3                 # words per shingle
MIN_SHARED = 2              # shingles a candidate must share
SHORT = 6                   # words of a statement one shared shingle makes a candidate for
MIN_CONTAINMENT = 0.6       # share of the shorter version's words found in the longer one
MIN_FUZZ = 60               # rapidfuzz token_set_ratio
WINDOW_DAYS = 3             # dated articles further apart are different occasions
PIECE = 0.9   # share of a version's words found inside a longer one: a piece of it
MAX_CANDIDATES = 8          # claims sharing the most shingles that are verified
MAX_VERSIONS = 12           # versions of a claim compared (its earliest)
MIN_AGREE = 0.67            # share of a claim's versions the new one must match
MIN_HELD = 5                # words of a version that another claim's rewording may hold
MAX_HELD_CLAIMS = 20_000   # claims whose versions rewording-merging keeps in memory (the others are read again)
MIN_HELD_SEQUENCES = 0.2    # share of its shingles a held version keeps (words in order, not a vocabulary)
#: entries of each cache of words, shingles and comparisons: a run clusters its statements longest
#: first, so a reprint meets its copies within a few thousand statements; a cache of every
#: statement of a run of 30,000 articles held hundreds of megabytes
CACHE = 8192
_WORD_RE = regex.compile(r"\w+")
_SPACE_SPLIT_RE = regex.compile(r"(\s+)")


@functools.lru_cache(maxsize=CACHE)
def words(text):
    """Normalized words of a statement, punctuation dropped, و/ف dropped before ال: outlets
    write "فالمبادئ لا تتجزأ" and "المبادئ لا تتجزأ" for the same words (a tuple: cached)."""
    return normalized_words(normalize(text))


def normalized_words(norm):
    """:func:`words` of a statement already normalized (its stored ``quote_normalized``: the
    versions of stored claims are read again and again, and normalizing each anew was a tenth of
    clustering at 30,000 articles)."""
    return tuple(_strip_conjunction(w) for w in _WORD_RE.findall(norm))


def _strip_conjunction(w):
    return w[1:] if len(w) > 4 and w[0] in "وف" and w[1:3] == "ال" else w


@functools.lru_cache(maxsize=CACHE)
def match_words(text):
    """The words claims are matched on: :func:`words` with a feminine plural read as its
    singular, since outlets vary the number ("هذه مقدمة لانهيار الدولة" / "هذه الصراعات مقدمات
    لانهيار الدولة").  Flags and highlighted differences use :func:`words`, where the number
    still counts as a change of wording."""
    return _singular(words(text))


@functools.lru_cache(maxsize=CACHE)
def _match_normalized(norm):
    return _singular(normalized_words(norm))


def stored_match_words(quote, quote_normalized):
    """:func:`match_words` of a stored statement, from its normalized form when it has one."""
    return match_words(quote) if quote_normalized is None else _match_normalized(quote_normalized)


def _singular(ws):
    return tuple(w[:-2] + "ه" if len(w) > 5 and w.endswith("ات") else w for w in ws)


@functools.lru_cache(maxsize=CACHE)
def _counter(ws):
    return Counter(ws)


def _common(a, b):
    """Words two versions share, with repeats (the size of the multiset intersection)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(min(n, b[w]) for w, n in a.items() if w in b)


@functools.lru_cache(maxsize=CACHE)
def shingles(ws):
    """Hashed word shingles of a word tuple (the whole tuple when it is shorter); cached, so frozen."""
    if len(ws) < SHINGLE:
        return frozenset({zlib.crc32(" ".join(ws).encode())} if ws else ())
    return frozenset(zlib.crc32(" ".join(ws[i:i + SHINGLE]).encode()) for i in range(len(ws) - SHINGLE + 1))


def _date(row):
    """The publication date, when known (an extraction date says nothing about the occasion)."""
    for key in ("published",):
        v = row.get(key)
        if v:
            try:
                return datetime.date.fromisoformat(str(v)[:10])
            except ValueError:
                continue
    return None


#: what claims know of a speaker: its kind, or "article" for a speaker nothing identifies across
#: articles (an anonymous source, a title, a one-word name: quotes.registry)
_KIND_SQL = "case when sp.scope is not null then 'article' else sp.kind end"
_UNIDENTIFIED = ("anonymous", "title", "document", "article")


def _speakers_compatible(a, b, kinds):
    """May statements of speakers ``a`` and ``b`` be one claim?  The same speaker, or one that
    is not identified across articles (another article's "مصدر", "الخطيب")."""
    if a is None or b is None or a == b:
        return True
    return kinds.get(a) in _UNIDENTIFIED or kinds.get(b) in _UNIDENTIFIED


#: ids bound in one "in (...)" of a query (SQLite binds a bounded number of parameters)
IN_CHUNK = 500


def _rows_in(db, sql, ids, params=()):
    """The rows of ``sql`` for all of ``ids``: its one "in (?)" bound to a chunk of them at a time
    (after ``params``), a query a chunk."""
    ids = list(ids)
    if not ids:         # (most calls, from lookups of what is already read: no query, no cursor)
        return ()
    return _chunked_rows(db, sql, ids, params)


def _chunked_rows(db, sql, ids, params):
    for i in range(0, len(ids), IN_CHUNK):
        chunk = ids[i:i + IN_CHUNK]
        yield from db.execute(sql.replace("in (?)", f"in ({','.join('?' * len(chunk))})", 1), [*params, *chunk])


def forget(db, article_ids):
    """Detach the statements of articles about to be replaced from their claims."""
    marks = ",".join("?" * len(article_ids))
    affected = [r[0] for r in db.execute(
        f"select distinct claim_id from statements where article_id in ({marks}) and claim_id is not null",
        article_ids).fetchall()]
    db.execute(f"update statements set claim_id = null where article_id in ({marks})", article_ids)
    mark_dirty(db, affected)


def pending_words(quote):
    """What a new statement stores in ``claim_pending``: its number of words, or None when it
    is too short to be compared (it gets no claim)."""
    n = len(words(quote))
    return n if n >= 2 else None


#: words of the statements clustered in one transaction: the longest statements of a large run
#: are long, and a chunk of a fixed number of them grew with the run (its shingles are in memory)
CHUNK_WORDS = 60_000
#: articles, in the order they were stored, whose statements are clustered together, longest
#: first: a window is clustered as soon as its last article is stored, while the next ones are
#: extracted, instead of the whole run in one tail at its end.  Windows are fixed by the order
#: of storing, so the claims do not depend on batch sizes or on where a run was cut short.
WINDOW = 2000


#: the order of the first article with a statement waiting for its claim (read from two indexes,
#: never from a statement's row: store.m014)
FIRST_WAITING_SQL = """select min(coalesce(a.ingest_order, 0)) from statements s
                       join articles a indexed by idx_articles_claim_columns on a.id = s.article_id
                       where s.claim_pending is not null"""


def cluster(db, upto=None):
    """Cluster the statements waiting for a claim, window by window (:data:`WINDOW`), in the
    order their articles were stored: every window whose articles are all stored (``ingest_order``
    up to ``upto``), or every window with ``upto`` None (the end of a run, the last window
    partly filled).  Each window: its statements longest first (:func:`assign_pending`), the
    rewordings among the claims it touched joined (:func:`merge_rewordings`), those claims
    recomputed (:func:`refresh_dirty`).  Returns how many statements were clustered."""
    done = 0
    while True:
        first = db.execute(FIRST_WAITING_SQL).fetchone()[0]
        if first is None:
            return done
        lo = max(first - 1, 0) // WINDOW * WINDOW + 1
        hi = lo + WINDOW - 1
        if upto is not None and hi > upto:
            return done
        postings = {}
        done += assign_pending(db, lo, hi, postings=postings)
        merge_rewordings(db, postings)
        refresh_dirty(db)


def assign_pending(db, lo=None, hi=None, chunk=2000, postings=None):
    """Give every statement waiting for a claim (of the articles stored ``lo`` to ``hi``th, or
    of every article) its claim, longest first over all of them, a chunk (at most ``chunk``
    statements, :data:`CHUNK_WORDS` words) per transaction; returns how many.  A killed run
    leaves statements waiting, never half-linked, and the next run clusters them.  ``postings``,
    when a dict, receives the stored claims of every shingle assigning read (see :func:`assign`)."""
    done = 0
    window = "" if lo is None else "and coalesce(a.ingest_order, 0) between ? and ?"
    while True:
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            rows, articles, size = [], {}, 0
            for r in db.execute(f"""select s.id, s.quote, s.speaker_id, s.speaker, s.article_id, a.published,
                                          s.claim_pending, s.quote_normalized
                                   from statements s left join articles a indexed by idx_articles_claim_columns on a.id = s.article_id
                                   where s.claim_pending is not null {window}
                                   order by s.claim_pending desc, s.rowid limit ?""",
                                [*(() if lo is None else (lo, hi)), chunk]).fetchall():
                if rows and size + r[6] > CHUNK_WORDS:
                    break
                size += r[6]
                rows.append(dict(zip(("id", "quote", "speaker_id", "speaker", "article_id"), r), quote_normalized=r[7]))
                articles[r[4]] = {"id": r[4], "published": r[5]}
            if rows:
                assign(db, rows, list(articles.values()), postings)
                # (those assign gave no claim: too short)
                db.conn.executemany("update statements set claim_pending = null where claim_pending is not null "
                                    "and id = ?", [(r["id"],) for r in rows])
            db.conn.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise
        if not rows:
            return done
        done += len(rows)


def merge_rewordings(db, postings=None):
    """Join claims that assigning longest first (a window at a time) left apart; returns how
    many claims joined.  Runs over the claims this ingest touched (flagged dirty), smallest
    first, in one transaction.  Only a claim of one wording joins another: a claim with pieces
    of its own may hold a version that runs two utterances together.  Two ways:

    - a claim whose wording holds a version of a larger claim in other words around it
      (:func:`_holding_target`): an outlet that rewords an utterance ("الأحداث التي مرت بها مصر،
      أمس الجمعة، ... تحزن كل مصري وطني") starts its own claim before the short piece that ties
      it to the others ("الأحداث التي تداعت أمس في المقطم تحزن كل مصري وطني") arrives;
    - a claim whose wording is a piece of a version of the touched claim (:func:`_pieces_within`),
      as a piece assigned after the whole would have joined it: the pieces one outlet quotes in a
      window clustered before any outlet carrying the whole was stored.

    ``postings``: the stored claims of shingles the window's assigning read (:func:`assign`),
    which need not be read again."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        ids = [r[0] for r in db.execute("select id from claims where dirty = 1")]
        size = dict(db.execute("select claim_id, count(*) from statements where claim_id in "
                               "(select id from claims where dirty = 1) group by claim_id").fetchall())
        index = _Index(db)
        index.load_versions(ids)
        _load_larger(db, index, ids, size, postings or {})
        joined, merged = 0, set()      # merged: claims whose versions in memory differ from the stored
        for b in sorted(ids, key=lambda c: (size.get(c, 0), c)):
            if len(index.versions) > MAX_HELD_CLAIMS:      # (memory flat over a run of any size)
                index.versions = {c: v for c, v in index.versions.items() if c in merged}
            if not size.get(b):
                continue        # (joined another claim already)
            one = _one_wording(index, b)
            target = _holding_target(db, index, b, size) if one else None
            # (pieces join a claim the whole joined a piece of: one of several wordings)
            pairs = [(b, target)] if target is not None else \
                [] if one else [(p, b) for p in _pieces_within(db, index, b, size)]
            for src, dst in pairs:
                _join(db, index, size, src, dst)
                merged.add(dst)
                joined += 1
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    return joined


def _load_larger(db, index, ids, size, postings):
    """Read into ``index`` the claims of two statements or more (the only ones a claim of one
    statement can join) sharing a shingle with a version of the claims ``ids``: the stored ones
    by shingle, those of ``ids`` whole.  (Reading every claim of every shingle read a claim's
    own rows and every claim of a common phrase, and grew with the database.  The cross join keeps
    SQLite from walking every clean claim by its dirty flag.)  A shingle in ``postings`` is not
    looked up again: of the claims assigning found for it, those still clean hold it as they did
    (a claim changes only by being touched, which flags it dirty); most shingles have none.)"""
    sh = {s for c in ids for v in index.versions[c] for s in shingles(v[0])}
    index.loaded.update(sh)
    index.add_stored(_rows_in(db, """select cs.shingle, cs.claim_id from claim_shingles cs cross join claims c
                                     on c.id = cs.claim_id where cs.shingle in (?) and c.dirty = 0
                                     and c.statements > 1""", [s for s in sh if s not in postings]))
    known = [s for s in sh if postings.get(s)]
    keep = {c for c, in _rows_in(db, "select id from claims where id in (?) and dirty = 0 and statements > 1",
                                 {c for s in known for c in postings[s]})}
    index.add_stored((s, c) for s in known for c in postings[s] if c in keep)
    index.add_stored(_rows_in(db, "select shingle, claim_id from claim_shingles where claim_id in (?)",
                              [c for c in ids if size.get(c, 0) > 1]))


def _all_sharing(db, cid, ws):
    """Every stored claim but ``cid`` sharing shingles with the words ``ws``: Counter claim id ->
    shingles shared."""
    return Counter(other for other, in _rows_in(db, "select claim_id from claim_shingles where claim_id != ? "
                                                     "and shingle in (?)", shingles(ws), [cid]))


def _shingle_rows(db, claim_ids):
    """claim id -> how many shingles it holds."""
    return dict(_rows_in(db, "select claim_id, count(*) from claim_shingles where claim_id in (?) group by claim_id",
                         claim_ids))


def _one_wording(index, cid):
    return len({v[0] for v in index.claim_versions(cid)}) == 1


def _join(db, index, size, src, dst):
    """Claim ``src``'s statements and shingles become claim ``dst``'s."""
    db.execute("update statements set claim_id = ? where claim_id = ?", [dst, src])
    db.execute("insert or ignore into claim_shingles (shingle, claim_id) "
               "select shingle, ? from claim_shingles where claim_id = ?", [dst, src])
    db.execute("delete from claim_shingles where claim_id = ?", [src])
    mark_dirty(db, [dst])
    index.versions[dst] = (index.claim_versions(dst) + index.claim_versions(src))[:MAX_VERSIONS]
    index.joined[src] = dst
    size[dst] = size.get(dst, 0) + size.pop(src, 0)


def _sizes(db, size, claim_ids):
    """Read into ``size`` the statement counts of these claims not in it yet (a query per 500)."""
    ids = [c for c in claim_ids if c not in size]
    size.update(dict.fromkeys(ids, 0))
    size.update(_rows_in(db, "select claim_id, count(*) from statements where claim_id in (?) group by claim_id", ids))


def _compatible(index, versions, spk, mydate):
    """May a version of speaker ``spk`` dated ``mydate`` join a claim of ``versions``?"""
    return all(_speakers_compatible(spk, s2, index.kinds) and not (mydate and d2 and abs((mydate - d2).days) > WINDOW_DAYS)
               for _, s2, _, d2 in versions)


def _holding_target(db, index, b, size):
    """The larger claim one of claim ``b``'s versions holds a version of, or None."""
    for ws, spk, kind, mydate in sorted(index.claim_versions(b), key=lambda v: -len(v[0])):
        counts = index.sharing(b, ws)
        mine, joined, mine_sh = _counter(ws), " ".join(ws), shingles(ws)
        top = [a for a, n in counts.most_common(MAX_CANDIDATES) if n >= MIN_SHARED]
        _sizes(db, size, top)
        larger = [a for a in top if size[a] > size[b]]
        index.load_versions(larger)         # (in one query)
        for a in larger:
            rows = index.claim_versions(a)
            if not _compatible(index, rows, spk, mydate):
                continue
            for ow, _, _, _ in rows:
                if MIN_HELD <= len(ow) <= len(ws) and _common(mine, _counter(ow)) >= MIN_CONTAINMENT * len(ow) \
                        and len(shingles(ow) & mine_sh) >= MIN_HELD_SEQUENCES * len(shingles(ow)) \
                        and fuzz.token_set_ratio(joined, " ".join(ow)) >= MIN_FUZZ:
                    return a
    return None


def _pieces_within(db, index, c, size):
    """The smaller claims of one wording that is a piece of claim ``c``'s longest version (most
    of its words found inside it, as :func:`_matching_claims` joins a piece to the whole),
    compatible with every version of ``c``.  (A piece reprinted more often than the claim that
    holds it is an utterance of its own, the holder a version running two together.)"""
    versions = index.claim_versions(c)
    whole = max((v[0] for v in versions), key=len)
    theirs, sharing = _counter(whole), _all_sharing(db, c, whole)
    held = _shingle_rows(db, sharing)
    # (a piece shares most of its shingles: a claim sharing a common phrase is no piece, and is
    # dropped before its size is counted and its versions are read, both in a query per 500)
    shared = [(p, n) for p, n in sharing.most_common() if 2 * n >= held.get(p, 0)]
    _sizes(db, size, [p for p, _ in shared])
    smaller = [(p, n) for p, n in shared if 0 < size[p] < size[c]]
    index.load_versions([p for p, _ in smaller])
    found = []
    for p, n in smaller:
        if not _one_wording(index, p):
            continue
        ws, spk, _, mydate = index.claim_versions(p)[0]
        if n >= _need(ws, shingles(ws)) and len(ws) < len(whole) and _common(_counter(ws), theirs) >= PIECE * len(ws) \
                and _compatible(index, versions, spk, mydate) \
                and fuzz.token_set_ratio(" ".join(ws), " ".join(whole)) >= MIN_FUZZ:
            found.append(p)
    return found


def assign(db, statements, articles=None, postings=None):
    """Put each new statement into an existing claim or a new one (inside the caller's transaction).

    Versions of candidate claims are read once per call and kept in memory; the statements'
    claim ids and the new shingles are written in bulk at the end.  ``postings``, when a dict,
    receives shingle -> the claims stored before this call that hold it, for every shingle of
    these statements (:func:`merge_rewordings` reads them instead of the database)."""
    if not statements:
        return
    art = {a["id"]: a for a in (articles or [])}
    dates = {}
    index = _Index(db)
    next_id = db.execute("select coalesce(max(id), 0) from claims").fetchone()[0]
    links, new_claims = [], []
    # (each statement's words and shingles computed once: the caches are smaller than a call)
    prepared = [(st, ws, shingles(ws)) for st, ws in
                ((st, stored_match_words(st["quote"], st.get("quote_normalized"))) for st in statements)
                if len(ws) >= 2]
    read = {s for _, _, sh in prepared for s in sh}
    index.preload(read)
    if postings is not None:
        postings.update((s, tuple(index.stored.get(s, ()))) for s in read)
    index.preload_kinds({st["speaker_id"] for st in statements})
    index.load_versions(_stored_candidates(index, prepared))
    # longest first: a whole utterance seeds its claim and the pieces other outlets quote join it,
    # whatever order the articles came in
    for st, ws, sh in sorted(prepared, key=lambda p: -len(p[1])):
        aid = st["article_id"]
        if aid not in dates:        # (each article read once, not once a statement)
            dates[aid] = _date(art.get(aid) or _article(db, aid))
        mydate = dates[aid]
        index.kind(st["speaker_id"])
        matches = _matching_claims(index, st, ws, sh, mydate)
        best = matches[0] if matches else None
        if best is None:
            next_id += 1
            best = next_id
            new_claims.append((best, st["speaker_id"], st["speaker"], st["quote"]))
            index.versions[best] = []
        links.append((best, st["id"]))
        index.add(best, sh, (ws, st["speaker_id"], index.kind(st["speaker_id"]), mydate))
    db.conn.executemany("insert into claims (id, speaker_id, speaker, quote, statements, dirty) values (?, ?, ?, ?, 0, 1)",
                        new_claims)
    # (one write of each row: its claim, and that it waits no longer)
    db.conn.executemany("update statements set claim_id = ?, claim_pending = null where id = ?", links)
    # (in key order: the b-tree is appended to rather than written all over)
    db.conn.executemany("insert or ignore into claim_shingles (shingle, claim_id) values (?, ?)",
                        sorted(index.new_pairs()))
    mark_dirty(db, {cid for cid, _ in links})


def _stored_candidates(index, prepared):
    """The stored claims each of ``prepared`` statements would verify against were it alone
    (:func:`_matching_claims` without this call's new claims): their versions are read in a query
    per 500, not one query a statement (36,000 queries at 30,000 articles).  Claims of this call
    may push some out, and one they let in is read then; either way the claims are the same."""
    found = set()
    for _, ws, sh in prepared:      # (before the call adds any: the counts are the stored claims')
        need = _need(ws, sh)
        found.update(c for c, n in index.counts(sh).most_common(MAX_CANDIDATES) if n >= need)
    return found


def _need(ws, sh):
    """Shingles a claim must share with the words ``ws`` (shingles ``sh``) to be a candidate: a
    short statement shares few shingles with anything, one inflected word breaks most of them."""
    return 1 if len(ws) <= SHORT else min(MIN_SHARED, len(sh))


class _Index:
    """What one call to :func:`assign` knows of the claims: their stored shingles (queried), the
    shingles and versions added in this call, and the earliest versions of candidate claims."""

    def __init__(self, db):
        self.db = db
        # shingle -> the claim id added in this call, or a set of them when there are several (a
        # set for every shingle held most of a chunk's memory: most shingles belong to one claim)
        self.new_shingles = {}
        self.stored = {}            # shingle -> claim ids stored before this call
        self.versions = {}          # claim id -> [(words, speaker_id, speaker kind, date)]
        self.kinds = {}
        self.loaded = set()         # shingles whose stored claims are read
        self.joined = {}            # claim id -> the claim it joined since (merge_rewordings)

    def kind(self, speaker_id):
        if speaker_id is not None and speaker_id not in self.kinds:
            row = self.db.execute(f"select {_KIND_SQL} from speakers sp where id = ?", [speaker_id]).fetchone()
            self.kinds[speaker_id] = row[0] if row else None
        return self.kinds.get(speaker_id)

    def preload_kinds(self, speaker_ids):
        """Read the kinds of these speakers at once (a query per 500)."""
        ids = [i for i in speaker_ids if i is not None and i not in self.kinds]
        self.kinds.update(dict.fromkeys(ids))
        self.kinds.update(_rows_in(self.db, f"select id, {_KIND_SQL} from speakers sp where id in (?)", ids))

    def preload(self, all_shingles):
        """Read the stored claims of every shingle of this call at once (a query per 500)."""
        sh = [s for s in all_shingles if s not in self.loaded]
        self.loaded.update(sh)
        self.add_stored(_rows_in(self.db, "select shingle, claim_id from claim_shingles where shingle in (?)", sh))

    def add_stored(self, rows):
        stored = self.stored
        for s, cid in rows:
            held = stored.get(s)
            if held is None:
                stored[s] = [cid]
            else:
                held.append(cid)

    def sharing(self, cid, ws):
        """Stored claims other than ``cid`` sharing shingles with the words ``ws``: Counter claim
        id -> shingles shared, a claim joined since counted as the claim it joined."""
        sh = shingles(ws)
        self.preload(sh)        # (those not read yet)
        counts = Counter()
        for s in sh:
            for other in {self.final(c) for c in self.stored.get(s, ())} - {cid}:
                counts[other] += 1
        return counts

    def final(self, cid):
        while cid in self.joined:
            cid = self.joined[cid]
        return cid

    def load_versions(self, claim_ids):
        """Read the versions of these claims at once (a query per 500), as :meth:`claim_versions`."""
        ids = [c for c in claim_ids if c not in self.versions]
        self.versions.update((c, []) for c in ids)
        for cid, quote, qn, spk, kind, pub in _rows_in(self.db, f"""select s.claim_id,
                case when s.quote_normalized is null then s.quote end, s.quote_normalized, s.speaker_id, {_KIND_SQL},
                a.published from statements s join articles a indexed by idx_articles_claim_columns on a.id = s.article_id
                left join speakers sp on sp.id = s.speaker_id where s.claim_id in (?) order by s.rowid""", ids):
            if len(self.versions[cid]) < MAX_VERSIONS:
                self.kinds[spk] = kind
                self.versions[cid].append((stored_match_words(quote, qn), spk, kind, _date({"published": pub})))

    def counts(self, sh):
        counts = Counter()
        for s in sh:
            for cid in self.stored.get(s, ()):
                counts[cid] += 1
            new = self.new_shingles.get(s)
            if new is None:
                continue
            if isinstance(new, int):
                counts[new] += 1
            else:
                for cid in new:
                    counts[cid] += 1
        return counts

    def new_pairs(self):
        """(shingle, claim id) of every shingle added in this call."""
        for s, held in self.new_shingles.items():
            if isinstance(held, int):
                yield s, held
            else:
                yield from ((s, cid) for cid in held)

    def claim_versions(self, cid):
        if cid not in self.versions:
            self.load_versions([cid])
        return self.versions[cid]

    def add(self, cid, sh, version):
        for s in sh:
            held = self.new_shingles.get(s)
            if held is None:
                self.new_shingles[s] = cid
            elif isinstance(held, int):
                if held != cid:
                    self.new_shingles[s] = {held, cid}
            else:
                held.add(cid)
        vs = self.claim_versions(cid)
        if len(vs) < MAX_VERSIONS:
            vs.append(version)


def mark_dirty(db, claim_ids):
    """Flag claims whose counts, flags and highlighted wordings need recomputing."""
    db.conn.executemany("update claims set dirty = 1 where id = ?", [(c,) for c in claim_ids])


def refresh_dirty(db, batch=500):
    """Recompute every claim flagged dirty, a batch per transaction; returns how many.

    Done once at the end of an ingest (and again by the next one if it was interrupted), so a
    claim that gains versions in many batches is recomputed once."""
    done = 0
    while True:
        ids = [r[0] for r in db.execute("select id from claims where dirty = 1 limit ?", [batch]).fetchall()]
        if not ids:
            return done
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            _refresh(db, ids)
            db.execute(f"update claims set dirty = 0 where id in ({','.join('?' * len(ids))})", ids)
            db.conn.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise
        done += len(ids)


def _article(db, article_id):
    row = db.execute("select id, published, date_extracted, source_id from articles indexed by idx_articles_claim_columns where id = ?",
                     [article_id]).fetchone()
    return {"id": row[0], "published": row[1], "date_extracted": row[2], "source_id": row[3]} if row else {}


def _matching_claims(index, st, ws, sh, mydate):
    """Claims this statement verifies against, best first."""
    if not sh:
        return []
    counts = index.counts(sh)
    need = _need(ws, sh)
    found = []
    kinds = index.kinds
    candidates = [cid for cid, n in counts.most_common(MAX_CANDIDATES) if n >= need]
    index.load_versions(candidates)         # (the stored ones not in memory yet, in one query)
    for cid in candidates:
        rows = index.claim_versions(cid)
        ok = True
        score = 0.0
        agree = 0
        inside = False
        for ow, spk, kind, other in rows:
            if not _speakers_compatible(st["speaker_id"], spk, kinds):
                ok = False
                break
            if mydate and other and abs((mydate - other).days) > WINDOW_DAYS:
                ok = False
                break
            common, c, f = _compare(ws, ow)
            if f >= MIN_FUZZ:
                # prefer the claim that covers most of this version (Jaccard), not only contains it
                jaccard = common / (len(ws) + len(ow) - common)
                score = max(score, c + f / 100 + jaccard)
                agree += 1
                if len(ws) <= len(ow) and common >= PIECE * len(ws):
                    inside = True
        # most versions must agree, so one run-together version cannot chain two utterances; a
        # version found whole inside one of them is a piece of it and joins
        if ok and score > 0 and (agree >= MIN_AGREE * len(rows) or inside):
            found.append((score, cid))
    found.sort(key=lambda x: (-x[0], x[1]))
    return [cid for _, cid in found]


@functools.lru_cache(maxsize=CACHE)
def _compare(ws, ow):
    """(words shared, their share of the shorter version, fuzzy ratio) of two versions; cached,
    since a claim's versions are compared with every statement that reprints one of them."""
    if ow == ws:            # the same words (wire copy reprinted): nothing to measure
        return len(ws), 1.0, 100
    common = _common(_counter(ws), _counter(ow))
    c = common / min(len(ws), len(ow)) if ws and ow else 0.0
    f = fuzz.token_set_ratio(" ".join(ws), " ".join(ow)) if c >= MIN_CONTAINMENT else 0
    return common, c, f


def _numbers(text):
    return {float(n) for n in fold.numbers_in(fold_digits(text))}


def _contiguous(a, b):
    """Is word list ``a`` a contiguous run of ``b``?"""
    if len(a) > len(b):
        return False
    sa, sb = " " + " ".join(a) + " ", " " + " ".join(b) + " "
    return sa in sb


@functools.lru_cache(maxsize=4096)
def cue_lemma(cue):
    """The lemma of a cue as written (أضاف for "اضاف" and "أضافت"); a cue that is not a verb
    form (بحسب, جاء في, a colon before speech) is its normalized self."""
    form = rules_mod.cue_form(rules_mod.load(), cue or "")
    return form.lemma if form else (normalize(cue) if cue else None)


@functools.lru_cache(maxsize=4096)
def stance(cue):
    """The stance group of a cue ('deny', 'assert', ... or 'neutral')."""
    rules = rules_mod.load()
    form = rules_mod.cue_form(rules, cue or "")
    lemma = normalize(form.lemma) if form else normalize(cue or "")
    for group, lemmas in (rules.data["cues"].get("stance") or {}).items():
        if lemma in {normalize(x) for x in lemmas}:
            return group
    return "neutral"


def diff_markup(version, others):
    """``version`` as HTML with the words that most of the ``others`` (the other versions'
    quotes, one a version) lack wrapped in <mark>.  Words are compared folded (clitics, spelling,
    digit forms: :func:`quotes.fold.compare_keys`), so only a change of wording is marked, and
    every version is marked against what the others share, not against one of them."""
    held = Counter(k for o in others for k in set(fold.compare_keys(o.split())))
    return _marked(version, fold.compare_keys(version.split()), held, len(others))


def _marked(version, keys, held, n_others):
    """``version`` marked where fewer than half of ``n_others`` versions hold a word's key
    (``keys``: those of its words, :func:`quotes.fold.compare_keys`; ``held``: key -> how many
    of the others hold it)."""
    tokens = _SPACE_SPLIT_RE.split(version)
    keys = iter(keys)
    out = []
    for tok in tokens:
        if not tok.strip():
            out.append(tok)
            continue
        k = next(keys)
        marked = k is not None and n_others and held[k] * 2 < n_others
        out.append(f"<mark>{html.escape(tok)}</mark>" if marked else html.escape(tok))
    return "".join(out)


def consensus_markup(quotes):
    """Each of ``quotes`` (one a version) marked against all the others (:func:`diff_markup`),
    with every version's words folded once."""
    keys = {q: fold.compare_keys(q.split()) for q in set(quotes)}
    sets = {q: set(k) for q, k in keys.items()}
    total = Counter(k for q in quotes for k in sets[q])
    marked = {}
    for q in sets:
        held = Counter({k: c - (k in sets[q]) for k, c in total.items()})
        marked[q] = _marked(q, keys[q], held, len(quotes) - 1)
    return [marked[q] for q in quotes]


def differing_numbers(versions):
    """The numbers that some versions write and others do not, each with the versions (indexes
    into ``versions``) that write it: [(number, [indexes])], in the order first written."""
    written = [[n for n in map(fold.number, v.split()) if n] for v in versions]
    found = [set(w) for w in written]
    numbered = [i for i, f in enumerate(found) if f]
    order = dict.fromkeys(n for w in written for n in w)
    return [(n, [i for i in numbered if n in found[i]]) for n in order
            if len(numbered) > 1 and any(n not in found[i] for i in numbered)]


#: the flags of a claim of one version: nothing to disagree with, one outlet
_ONE_VERSION = {"speaker_disagreement": 0, "cue_disagreement": 0, "number_mismatch": 0, "wording_changed": 0,
                "single_source": 1}


def flags_for(rows):
    """Flags of a claim from its versions: rows with quote, speaker_id, cue, source_id, article_id."""
    if len(rows) == 1:      # (most claims; tests hold it to what the versions give)
        return dict(_ONE_VERSION)
    return versions_flags(rows)


def versions_flags(rows):
    """:func:`flags_for` computed from the versions, whatever their number."""
    outlets = {r["source_id"] for r in rows if r["source_id"] is not None} or {None}
    speakers = {r["speaker_id"] for r in rows if r["speaker_id"] is not None}
    stances = {stance(r["cue"]) for r in rows}
    quotes = dict.fromkeys(r["quote"] for r in rows)      # (reprints compared once)
    nums = list(dict.fromkeys(frozenset(n) for n in (_numbers(q) for q in quotes) if n))
    number_mismatch = any(not (a <= b or b <= a) for i, a in enumerate(nums) for b in nums[i + 1:])
    distinct = list(dict.fromkeys(words(q) for q in quotes))
    changed = any(not (_contiguous(a, b) or _contiguous(b, a)) for i, a in enumerate(distinct) for b in distinct[i + 1:])
    return {
        "speaker_disagreement": int(len(speakers) > 1),
        "cue_disagreement": int(len(stances - {"neutral"}) > 1 or ("deny" in stances and len(stances) > 1)),
        "number_mismatch": int(number_mismatch),
        "wording_changed": int(changed),
        "single_source": int(len(outlets) <= 1),
    }


_VERSION_COLUMNS = ("id", "quote", "speaker_id", "speaker", "cue", "article_id", "source_id", "source",
                    "published", "date_extracted", "ingest_order", "quote_diff", "claim_id")


def _versions_of(db, claim_ids):
    """claim id -> its versions (dicts of :data:`_VERSION_COLUMNS`), read in one query a chunk."""
    out = {cid: [] for cid in claim_ids}
    for r in _rows_in(db, """select s.id, s.quote, s.speaker_id, s.speaker, s.cue, s.article_id, a.source_id, so.name,
                                    a.published, a.date_extracted, a.ingest_order, s.quote_diff, s.claim_id
                             from statements s join articles a indexed by idx_articles_claim_columns on a.id = s.article_id
                             left join sources so on so.id = a.source_id
                             where s.claim_id in (?) order by s.rowid""", list(out)):
        out[r[-1]].append(dict(zip(_VERSION_COLUMNS, r)))
    return out


def _refresh(db, claim_ids):
    """Recompute counts, first report, flags and the highlighted wordings of claims (their
    versions read in one query, the claims and changed wordings written in one statement each)."""
    diffs, updates = [], []
    versions = _versions_of(db, claim_ids)
    for cid in claim_ids:
        rows = versions[cid]
        if not rows:
            db.execute("delete from claim_shingles where claim_id = ?", [cid])
            db.execute("delete from claims where id = ?", [cid])
            continue
        rows.sort(key=lambda r: (r["published"] is None, r["published"] or "",
                                 r["date_extracted"] is None, r["date_extracted"] or "", r["ingest_order"] or 0))
        first = rows[0]
        flags = flags_for(rows)
        named = Counter(r["speaker"] for r in rows if r["speaker"])
        longest = max(rows, key=lambda r: len(r["quote"]))
        updates.append([next((r["speaker_id"] for r in rows if r["speaker"] == named.most_common(1)[0][0]), None)
                        if named else None,
                        named.most_common(1)[0][0] if named else None, longest["quote"], first["id"],
                        first["article_id"], first["source"], first["published"] or first["date_extracted"],
                        len({r["source_id"] for r in rows}), len({r["article_id"] for r in rows}), len(rows),
                        flags["speaker_disagreement"], flags["cue_disagreement"], flags["number_mismatch"],
                        flags["wording_changed"], flags["single_source"],
                        json.dumps([k for k, v in flags.items() if v]), cid])
        quotes = [r["quote"] for r in rows]
        marked = consensus_markup(quotes) if len(rows) > 1 else [None] * len(rows)
        diffs.extend((m, r["id"]) for m, r in zip(marked, rows) if m != r["quote_diff"])
    db.conn.executemany("""update claims set speaker_id = ?, speaker = ?, quote = ?, first_statement_id = ?,
                           first_article_id = ?, first_source = ?, first_published = ?, outlets = ?, articles = ?,
                           statements = ?, speaker_disagreement = ?, cue_disagreement = ?, number_mismatch = ?,
                           wording_changed = ?, single_source = ?, flags = ? where id = ?""", updates)
    db.conn.executemany("update statements set quote_diff = ? where id = ?", diffs)


def rebuild(db):
    """Forget every claim and cluster all stored statements again, window by window."""
    return _recluster(db, forget=True)


def extend(db):
    """Cluster the stored statements that have no claim and wait for none (a database made
    before statements were clustered at ingest), window by window."""
    return _recluster(db, forget=False)


def _recluster(db, forget):
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        if forget:
            db.execute("update statements set claim_id = null, quote_diff = null")
            db.execute("delete from claim_shingles")
            db.execute("delete from claims")
        rows = db.execute("select id, quote from statements where claim_id is null").fetchall()
        db.conn.executemany("update statements set claim_pending = ? where id = ?",
                            [(pending_words(quote), sid) for sid, quote in rows])
        db.conn.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    cluster(db)
    return db.execute("select count(*) from claims").fetchone()[0]
