"""`make bench`: speed and memory of extraction, the writer, full ingest and the raw-insert floor.

The corpus is distinct real text: the first articles of ../shared/bulk/saudinewsnet.jsonl.gz
(30,970 articles) when ../shared is present; otherwise the embedded sample, replicated with
distinct ids and a distinct closing line so that none is a duplicate (and said so, since
replicated text hides what distinct text costs).  Each phase runs in a fresh process, so that
peak memory is its own:

- extraction alone (articles/s, MB/s), which also writes the statements the writer phases load,
- the writer alone (`ingest --statements`: storing, search index, speaker registry, claims) at
  5,000, 20,000 and all the articles, with its cost per article and that of claims,
- full ingest (extraction and writer) with --jobs 1 and 2 (with 2, claims are clustered in a
  process of their own: the peak of the largest process beside the writer is given too),
- the floors: the same articles inserted raw into SQLite, no extraction; and the writer's own
  SQL at 5,000 articles, every statement it ran replayed in order into a new file with no Python
  between (what SQLite alone spends on the writer's work: the writer cannot be faster),
- scaling: a 1 MB paragraph, a 5 MB one-line article full of unbalanced quotation marks and an
  article naming 20,000 different speakers; claim clustering on N and 10 N statements.
"""
import argparse
import json
import os
import platform
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def _peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


BULK = ("bulk", "saudinewsnet.jsonl.gz")


def build_corpus(path, n, shared):
    """Write up to ``n`` distinct articles to ``path``: (articles, megabytes of text, where from,
    whether the text was replicated)."""
    from .read import read_paths
    bulk = os.path.join(shared, *BULK)
    if os.path.exists(bulk):
        return _write(path, (a for a, _ in read_paths([bulk]) if a is not None), n) + (bulk, False)
    src = os.path.join(ROOT, "corpus")
    base = [a for a, _ in read_paths([src]) if a is not None]
    copies = ({**base[i % len(base)], "id": f"{base[i % len(base)]['id']}~{i}",
               "text": base[i % len(base)]["text"] + f"\n(نسخة رقم {i})"} for i in range(n))
    return _write(path, copies, n) + (src, True)


def _write(path, articles, n):
    size = count = 0
    with open(path, "w", encoding="utf-8") as f:
        for a in articles:
            if count >= n:
                break
            size += len(a["text"].encode()) + len((a.get("title") or "").encode())
            f.write(json.dumps({k: v for k, v in a.items() if not k.startswith("_")}, ensure_ascii=False) + "\n")
            count += 1
    return count, size / 1e6


def phase_extract(path, out=None):
    """Extraction alone; with ``out``, the statements written there (as `quotes extract
    --fields text,title` prints them) for the writer phases."""
    from .extract import extract_article
    from .read import read_paths
    t = time.perf_counter()
    n = st = 0
    with open(out or os.devnull, "w", encoding="utf-8") as f:
        for a, _ in read_paths([path]):
            if a is not None:
                recs = extract_article(a)
                if out:
                    f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
                st += len(recs)
                n += 1
    return {"seconds": time.perf_counter() - t, "articles": n, "statements": st, "peak_mb": _peak_mb()}


def phase_ingest(path, jobs, statements=None):
    """Full ingest, or with ``statements`` the writer alone (the statements given)."""
    from .ingest import run
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        s = run([path], os.path.join(tmp, "quotes.db"), jobs=jobs, report=lambda m: None, statements=statements)
        return {"seconds": time.perf_counter() - t, "claims_seconds": s.claims_seconds, "articles": s.new,
                "statements": s.statements, "peak_mb": _peak_mb(),
                "children_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def phase_floor(path):
    import sqlite_utils
    from .read import read_paths
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        db = sqlite_utils.Database(os.path.join(tmp, "raw.db"))
        rows = ({"id": a["id"], "source": a.get("source"), "title": a.get("title"), "text": a["text"]}
                for a, _ in read_paths([path]) if a is not None)
        db["articles"].insert_all(rows, pk="id", batch_size=1000)
        n = db["articles"].count
        return {"seconds": time.perf_counter() - t, "articles": n, "peak_mb": _peak_mb()}


class _Records:
    """Keeps each statement run (with its parameters) in :attr:`Recording.calls`."""

    def execute(self, sql, params=()):
        params = params if isinstance(params, (tuple, dict)) else list(params)
        Recording.calls.append(("execute", sql, params))
        return super().execute(sql, params)

    def executemany(self, sql, rows):
        rows = list(rows)
        Recording.calls.append(("executemany", sql, rows))
        return super().executemany(sql, rows)


class _RecordingCursor(_Records, sqlite3.Cursor):
    pass


class Recording(_Records, sqlite3.Connection):
    """A connection that keeps every statement it and its cursors run, in order (for all the
    connections of the process), in :attr:`calls`, for :func:`replay`.  (The writer commits by
    statement, never by ``commit()``: a test replays a whole ingest and compares every table.)"""
    calls = []

    def cursor(self, factory=None):
        return super().cursor(factory or _RecordingCursor)


def replay(calls, path):
    """Run recorded ``calls`` (:class:`Recording`) in order on a new connection to ``path``."""
    conn = sqlite3.connect(path)
    for method, sql, params in calls:
        if method == "execute":
            conn.execute(sql, params).fetchall()
        else:
            conn.executemany(sql, params)
    conn.close()


def phase_sql(path, statements):
    """The writer alone on ``path`` with its statements recorded, then replayed into a new file:
    the seconds of the writer and of its SQL alone."""
    from . import store
    from .ingest import run
    with tempfile.TemporaryDirectory() as tmp:
        store.CONNECTION = Recording
        try:
            t = time.perf_counter()
            s = run([path], os.path.join(tmp, "quotes.db"), jobs=1, report=lambda m: None, statements=statements)
            writer = time.perf_counter() - t
        finally:
            store.CONNECTION = sqlite3.Connection
        t = time.perf_counter()
        replay(Recording.calls, os.path.join(tmp, "replayed.db"))
        return {"seconds": time.perf_counter() - t, "writer_seconds": writer, "articles": s.new,
                "calls": len(Recording.calls)}


def phase_scaling():
    from .extract import extract_article
    sentence = "وقال الوزير إن “الخطة جاهزة، ومن المقرر التوقيع عليها، مضيفاً أن العمل يبدأ غداً. "
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهي"
    speakers = " ".join(f"وقال الوزير {letters[i % 27]}{letters[i // 27 % 27]}{letters[i // 729 % 27]}ي "
                        f"العلوي إن الخطة جاهزة." for i in range(20000))
    out = {}
    for name, text in (("1MB paragraph", (sentence * 20000)[:1_000_000]),
                       ("5MB one line, unbalanced quotes", ("قال إن “ «" + "كلمة “ أخرى « " * 40) * 9000),
                       ("20,000 different speakers in one article", speakers)):
        t = time.perf_counter()
        n = len(extract_article({"id": "big", "text": text, "title": ""}))
        out[name] = {"mb": round(len(text.encode()) / 1e6, 2), "seconds": round(time.perf_counter() - t, 2),
                     "statements": n}
    return out


def phase_claims(n_statements):
    """Cluster ``n`` synthetic statements (groups of 5 near-identical versions)."""
    import random
    from .store import open_db
    from . import claims
    rnd = random.Random(7)
    vocab = [f"كلمة{i}" for i in range(5000)]
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(os.path.join(tmp, "quotes.db"))
        db["sources"].insert({"id": 1, "name": "س"})
        rows = []
        for g in range(n_statements // 5):
            words = [rnd.choice(vocab) for _ in range(15)]
            for v in range(5):
                aid = f"a{g}-{v}"
                rows.append({"id": aid, "source_id": 1, "ingest_order": len(rows)})
        db["articles"].insert_all(rows, pk="id")
        sts = []
        for g in range(n_statements // 5):
            words = [rnd.choice(vocab) for _ in range(15)]
            for v in range(5):
                w = words[v % 3:]
                sts.append({"id": f"s{g}-{v}", "article_id": f"a{g}-{v}", "quote": " ".join(w),
                            "speaker_id": None, "speaker": None})
        db["statements"].insert_all([dict(s, field="text", start=0, end=1) for s in sts], pk="id")
        db.conn.commit()
        t = time.perf_counter()
        db.conn.execute("BEGIN IMMEDIATE")
        claims.assign(db, sts)
        db.conn.execute("COMMIT")
        claims.merge_rewordings(db)
        return {"statements": n_statements, "seconds": time.perf_counter() - t,
                "claims": db.execute("select count(*) from claims").fetchone()[0]}


def _run_phase(args):
    out = subprocess.run([sys.executable, "-m", "quotes.bench", "--phase", *args], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=31_000, help="at most this many articles (default: all)")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(ROOT), "shared"))
    ap.add_argument("--phase", nargs="+", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.phase:
        kind = a.phase[0]
        result = {"extract": lambda: phase_extract(*a.phase[1:3]),
                  "ingest": lambda: phase_ingest(a.phase[1], int(a.phase[2]), *a.phase[3:4]),
                  "floor": lambda: phase_floor(a.phase[1]),
                  "sql": lambda: phase_sql(*a.phase[1:3]),
                  "scaling": phase_scaling,
                  "claims": lambda: phase_claims(int(a.phase[1]))}[kind]()
        print(json.dumps(result))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path, given = os.path.join(tmp, "bench.jsonl"), os.path.join(tmp, "statements.jsonl")
        n, mb, src, replicated = build_corpus(path, a.articles, a.shared)
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
              f"{platform.platform()}")
        print(f"corpus: {n} articles, {mb:.1f} MB of text, " + (
            f"replicated from {src} (../shared is absent: replicated text hides what distinct text costs)"
            if replicated else f"distinct real articles from {src}"))
        ex = _run_phase(["extract", path, given])
        print(f"extraction alone      {n / ex['seconds']:8.0f} articles/s  {mb / ex['seconds']:6.2f} MB/s  "
              f"peak {ex['peak_mb']:.0f} MB  ({ex['statements']} statements)")
        sizes = sorted({min(n, k) for k in (5_000, 20_000, n)})
        heads = {k: _head(path, tmp, k) for k in sizes}
        small = heads[sizes[0]]
        fl = _run_phase(["floor", small])
        print(f"raw insert floor      {sizes[0] / fl['seconds']:8.0f} articles/s  ({sizes[0]} articles)  "
              f"peak {fl['peak_mb']:.0f} MB")
        for k in sizes:
            w = _run_phase(["ingest", heads[k], "1", given])
            write = w["seconds"] - w["claims_seconds"]
            print(f"writer alone, {k:6d} {k / w['seconds']:8.0f} articles/s  {w['seconds'] / k * 1000:5.2f} ms an "
                  f"article: storing {write / k * 1000:5.2f}, claims {w['claims_seconds'] / k * 1000:5.2f}  "
                  f"peak {w['peak_mb']:.0f} MB")
        sq = _run_phase(["sql", small, given])
        print(f"writer's SQL alone    {sizes[0] / sq['seconds']:8.0f} articles/s  ({sizes[0]} articles: its "
              f"{sq['calls']} SQLite calls replayed, {sq['seconds']:.2f} s of the writer's {sq['writer_seconds']:.2f})")
        runs = {}
        for jobs in (1, 2):
            ing = runs[jobs] = _run_phase(["ingest", small, str(jobs)])
            print(f"full ingest --jobs {jobs} {sizes[0] / ing['seconds']:8.0f} articles/s  ({sizes[0]} articles)  "
                  f"peak {ing['peak_mb']:.0f} MB (the writer's process"
                  + (f", {ing['children_peak_mb']:.0f} the largest of the others" if jobs > 1 else "")
                  + ")  ratio ingest/floor "
                  f"{ing['seconds'] / fl['seconds']:.1f}x")
        print(f"--jobs 2 against --jobs 1: {runs[1]['seconds'] / runs[2]['seconds']:.2f}x")
        sc = _run_phase(["scaling"])
        for name, r in sc.items():
            print(f"scaling: {name}: {r['mb']} MB in {r['seconds']} s ({r['statements']} statements)")
        # best of three: a run of a second or two varies by a third on a shared machine
        c1 = min((_run_phase(["claims", "5000"]) for _ in range(3)), key=lambda r: r["seconds"])
        c10 = min((_run_phase(["claims", "50000"]) for _ in range(3)), key=lambda r: r["seconds"])
        print(f"claims (best of 3): {c1['statements']} statements {c1['seconds']:.2f} s, {c10['statements']} "
              f"statements {c10['seconds']:.2f} s: 10x the statements cost {c10['seconds'] / c1['seconds']:.1f}x the time")
    return 0


def _head(path, tmp, n):
    out = os.path.join(tmp, f"head-{n}.jsonl")
    with open(path, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as g:
        for i, line in enumerate(f):
            if i >= n:
                break
            g.write(line)
    return out


if __name__ == "__main__":
    sys.exit(main())
