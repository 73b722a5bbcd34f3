"""`make eval`: accuracy on the development gold of ../shared, printed by its own scorer.

1. `quotes extract` over the gold's documents (its default: the text field, which is what the
   gold annotates), scored with ``score.py`` for each gold set (dev: the articles the rules were
   developed against; dev2: new articles of 26 outlets, the test of generality) and for both
   together.
2. The whole shared corpus ingested into a temporary database, as a user would; the stored
   statements, with their claim and speaker ids, scored again: claim links (dev's event
   groups), speaker links across articles (dev + dev2), and the speaker rows that hold
   statements the gold gives to different speakers (the merges left to fix).

Exits 0 with a clear message when ../shared is absent.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

from .extract import extract_article
from .rules import RULES_DIR
from .read import read_paths


def corpus_files(shared):
    """The shared corpus files the gold refers to."""
    c = os.path.join(shared, "corpus")
    return [p for p in (os.path.join(c, n) for n in ("articles.jsonl", "same_event.jsonl", "seed-mena.txt",
                                                      "articles2.jsonl")) if os.path.exists(p)]


#: the gold sets of ../shared/eval, scored apart and together
GOLD_SETS = (("dev", "dev_gold.jsonl"), ("dev2", "dev2_gold.jsonl"))


def gold_docs(gold_path):
    """Document ids of the gold, and those of its claim-carrying (event group) statements."""
    docs, claim_docs = set(), set()
    with open(gold_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                g = json.loads(line)
                docs.add(g["doc"])
                if g.get("claim"):
                    claim_docs.add(g["doc"])
    return docs, claim_docs


def predict(shared, docs, out):
    """Write `extract` predictions for ``docs`` to ``out``."""
    n = 0
    for article, problem in read_paths(corpus_files(shared)):
        if article is None or article["id"] not in docs:
            continue
        for rec in extract_article(article):
            if rec["field"] == "text":
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
    return n


def score(shared, gold, pred, extra=()):
    """Run the shared scorer; returns its printed text."""
    cmd = [sys.executable, os.path.join(shared, "eval", "score.py"), gold, pred, *extra]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def stored_prediction(shared, tmp):
    """Ingest every shared corpus file into a fresh database, as a user would; export the stored
    statements with their claim and speaker ids."""
    from .ingest import run
    from .store import open_db
    db_path = os.path.join(tmp, "corpus.db")
    run(corpus_files(shared), db_path, report=lambda m: None)
    db = open_db(db_path)
    pred = os.path.join(tmp, "stored.jsonl")
    with open(pred, "w", encoding="utf-8") as f:
        for r in db.query("""select s.article_id as doc, s.field, s.start, s."end", s.quote, s.speaker, s.cue, s.type,
                                    s.claim_id as claim, s.speaker_id, sp.kind as speaker_kind, sp.name as speaker_row
                             from statements s left join speakers sp on sp.id = s.speaker_id
                             where s.field = 'text'"""):
            f.write(json.dumps(dict(r), ensure_ascii=False) + "\n")
    db.close()
    return pred


def _scorer(shared):
    import importlib.util
    spec = importlib.util.spec_from_file_location("shared_score", os.path.join(shared, "eval", "score.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


#: a pattern measured on fewer statements than this takes the figure of the broader one
MIN_MEASURED = 10
CONFIDENCE_HEADER = """\
# How far to trust a statement: for each pattern (rule:type:how its speaker was reached, then
# rule:type, rule, and * for all), the share of the development gold's predictions (dev + dev2)
# it made that were right, span and speaker both (the shared scorer's end-to-end match).
# Written by `make eval` (quotes/evaluate.py); read at extraction into each statement's
# `confidence`. Patterns measured on fewer than {n} statements are left out, except *:none (all
# statements without a speaker). Do not edit by hand.
"""


def _matches(shared, gold_path, pred_path):
    """The shared scorer's judgement of each prediction: (scorer module, [(gold, prediction)]
    matched, result), matched as the scorer matches them."""
    sc = _scorer(shared)
    matched = []
    pairs = sc.speaker_pairs
    sc.speaker_pairs = lambda m: (matched.extend(m), pairs(m))[1]    # the scorer's own matching
    r = sc.score(sc.load(gold_path), sc.load(pred_path))
    return sc, matched, r


def measure_confidence(shared, gold_path, pred_path):
    """{pattern: {precision, statements}} over the predictions the scorer judged (matched to a
    required gold statement, or spurious)."""
    from .extract import NO_SPEAKER, confidence_keys
    sc, matched, r = _matches(shared, gold_path, pred_path)
    judged = [(p, sc.speaker_ok(p, g)) for g, p in matched] + [(p, False) for p in r["_spurious"]]
    counts = {}
    for p, ok in judged:
        for k in confidence_keys(p):
            n, good = counts.get(k, (0, 0))
            counts[k] = (n + 1, good + ok)
    # (statements without a speaker are measured together however few they are: they never take
    # the figure of those with one)
    return {k: {"precision": round(good / n, 3), "statements": n}
            for k, (n, good) in sorted(counts.items()) if n >= MIN_MEASURED or k == NO_SPEAKER}


def write_confidence(table, path):
    with open(path, "w", encoding="utf-8") as f:
        f.write(CONFIDENCE_HEADER.format(n=MIN_MEASURED))
        f.write("patterns:\n")
        for k, v in table.items():
            f.write(f"  {json.dumps(k, ensure_ascii=False)}: {{precision: {v['precision']}, statements: {v['statements']}}}\n")


def merged_rows(shared, gold_path, pred_path):
    """Speaker rows whose statements, matched to the gold by the shared scorer, carry speakers
    the gold tells apart, in different articles: [(false links, speaker id, stored name, kind,
    {gold speaker: statements})], most false links first."""
    sc, matched, _ = _matches(shared, gold_path, pred_path)
    by_row = {}
    for g, p in matched:
        if p.get("speaker_id") is not None:
            by_row.setdefault(p["speaker_id"], []).append((g, p))

    def names(g):
        return [frozenset(sc.name_tokens(n)) for n in [g["speaker"], *(g.get("speaker_alts") or [])] if n]

    def same(a, b):
        return any(x == y or min(len(x), len(y)) >= 2 and (x <= y or y <= x) for x in a for y in b if x and y)

    out = []
    for sid, items in by_row.items():
        false = sum(1 for i, (ga, _) in enumerate(items) for gb, _ in items[i + 1:]
                    if ga["doc"] != gb["doc"] and not same(names(ga), names(gb)))
        if false:
            gold = {}
            for g, _ in items:
                gold[g["speaker"]] = gold.get(g["speaker"], 0) + 1
            out.append((false, sid, items[0][1]["speaker_row"], items[0][1].get("speaker_kind"), gold))
    return sorted(out, key=lambda r: (-r[0], r[1]))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--verbose", action="store_true", help="list misses, wrong speakers and spurious quotes")
    a = ap.parse_args(argv)
    gold = os.path.join(a.shared, "eval", "dev_gold.jsonl")
    if not os.path.exists(gold):
        print(f"no development gold at {gold}: nothing to evaluate (the shared material is not beside this clone)")
        return 0
    sets = [(name, p) for name, p in ((n, os.path.join(a.shared, "eval", f)) for n, f in GOLD_SETS)
            if os.path.exists(p)]
    docs = set().union(*(gold_docs(p)[0] for _, p in sets))
    _, claim_docs = gold_docs(gold)
    with tempfile.TemporaryDirectory() as tmp:
        pred = os.path.join(tmp, "pred.jsonl")
        with open(pred, "w", encoding="utf-8") as out:
            predict(a.shared, docs, out)
        both = os.path.join(tmp, "all_gold.jsonl")
        with open(both, "w", encoding="utf-8") as f:
            for _, p in sets:
                f.write(open(p, encoding="utf-8").read().rstrip("\n") + "\n")
        for name, path in sets + ([("dev + dev2", both)] if len(sets) > 1 else []):
            print(f"statements, {name} (quotes extract, text field):")
            lines = score(a.shared, path, pred, ["--verbose"] if a.verbose and path != both else []).splitlines()
            print("\n".join(l for l in lines if not l.startswith("claim links")))
        table = measure_confidence(a.shared, both, pred)
        write_confidence(table, os.path.join(RULES_DIR, "confidence.yml"))
        print(f"confidence of {len(table)} patterns written to rules/confidence.yml "
              f"(all statements: {table['*']['precision']:.3f} of {table['*']['statements']})")
        stored = stored_prediction(a.shared, tmp)
        lines = score(a.shared, gold, stored, ["--docs", _write_docs(tmp, claim_docs)]).splitlines()
        print("claims, dev (the shared corpus ingested into a fresh database):")
        print("\n".join(l for l in lines if l.startswith("claim links") or l.startswith("docs")))
        print("speakers across articles, dev + dev2 (the same database):")
        print("\n".join(l for l in score(a.shared, both, stored).splitlines() if l.startswith("speaker links")))
        rows = merged_rows(a.shared, both, stored)
        print(f"speaker rows holding statements the gold gives to different speakers: {len(rows)}")
        for false, sid, name, kind, gold in rows:
            told = ", ".join(f"{n} ({c})" for n, c in sorted(gold.items(), key=lambda kv: -kv[1]))
            print(f"  row {sid} {name} [{kind}]: {false} false links across articles; gold: {told}")
    return 0


def _write_docs(tmp, docs):
    path = os.path.join(tmp, "claim_docs.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(docs)) + "\n")
    return path


if __name__ == "__main__":
    sys.exit(main())
