"""`make eval`: accuracy on the development gold of ../shared, printed by its own scorer.

1. `quotes extract` over the gold's documents (its default: the text field, which is what the
   gold annotates), scored with ``score.py`` for each gold set (dev: the articles the rules were
   developed against; dev2: new articles of 26 outlets, the test of generality) and for both
   together.
2. The documents of the gold's event groups ingested into a temporary database; the stored
   statements, with their claim ids, scored again for the claim-link line.

Exits 0 with a clear message when ../shared is absent.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

from .extract import extract_article
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


def claims_prediction(shared, claim_docs, tmp):
    """Ingest the event-group documents into a fresh database; export statements with claim ids."""
    from .ingest import run
    from .store import open_db
    subset = os.path.join(tmp, "events.jsonl")
    with open(subset, "w", encoding="utf-8") as f:
        for article, _ in read_paths(corpus_files(shared)):
            if article is not None and article["id"] in claim_docs:
                f.write(json.dumps({k: v for k, v in article.items() if not k.startswith("_")},
                                   ensure_ascii=False) + "\n")
    db_path = os.path.join(tmp, "events.db")
    run([subset], db_path, report=lambda m: None)
    db = open_db(db_path)
    pred = os.path.join(tmp, "claims.jsonl")
    with open(pred, "w", encoding="utf-8") as f:
        for r in db.query("""select article_id as doc, field, start, "end", quote, speaker, cue, type,
                                    claim_id as claim from statements where field = 'text'"""):
            f.write(json.dumps(dict(r), ensure_ascii=False) + "\n")
    return pred


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
        cpred = claims_prediction(a.shared, claim_docs, tmp)
        lines = score(a.shared, gold, cpred, ["--docs", _write_docs(tmp, claim_docs)]).splitlines()
        print("claims, dev (event groups ingested into a fresh database):")
        print("\n".join(l for l in lines if l.startswith("claim links") or l.startswith("docs")))
    return 0


def _write_docs(tmp, docs):
    path = os.path.join(tmp, "claim_docs.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(docs)) + "\n")
    return path


if __name__ == "__main__":
    sys.exit(main())
