"""Accuracy on the development gold of ../shared (skipped, with a message, without it)."""
import json
import os
import sys
import tempfile

import pytest

from quotes import evaluate

from conftest import SHARED, shared_path

#: the issue's floor for statements; the claim floor guards today's level (the target is 0.90)
MIN_END_TO_END_F1 = 0.90
MIN_CLAIM_LINK_F1 = 0.80
#: dev2 (new outlets): the issue's floor (0.85; 0.903 today) and the issue's target for wrong
#: speakers (3%; 2.9% today), with a margin of one statement (0.3 point)
MIN_DEV2_END_TO_END_F1 = 0.85
MAX_DEV2_WRONG_SPEAKERS = 0.033
#: speaker links across articles (dev + dev2): recall as the issue asks; precision at today's
#: 0.982, of which 36 false links are one man the gold spells two ways (README, Accuracy)
MIN_SPEAKER_LINK_P, MIN_SPEAKER_LINK_R = 0.98, 0.95


def _score(gold, pred, docs=None):
    sys.path.insert(0, os.path.join(SHARED, "eval"))
    import score
    load = lambda p: [json.loads(l) for l in open(p, encoding="utf-8") if l.strip()]
    return score.score(load(gold), load(pred), docs)


def _extraction_scores(gold_name):
    """The scorer's figures for `quotes extract` on the documents of one gold file."""
    gold = shared_path("eval", gold_name)
    docs, _ = evaluate.gold_docs(gold)
    with tempfile.TemporaryDirectory() as tmp:
        pred = os.path.join(tmp, "pred.jsonl")
        with open(pred, "w", encoding="utf-8") as out:
            evaluate.predict(SHARED, docs, out)
        return _score(gold, pred)


def test_development_end_to_end_f1():
    r = _extraction_scores("dev_gold.jsonl")
    assert r["end_to_end"]["f1"] >= MIN_END_TO_END_F1, r["end_to_end"]
    assert r["span"]["f1"] >= 0.90, r["span"]


def test_new_outlets_do_not_fall_back():
    r = _extraction_scores("dev2_gold.jsonl")
    assert r["end_to_end"]["f1"] >= MIN_DEV2_END_TO_END_F1, r["end_to_end"]
    assert r["wrong_speaker"] <= MAX_DEV2_WRONG_SPEAKERS, r["wrong_speaker"]


@pytest.fixture(scope="module")
def stored():
    """The whole shared corpus ingested, its statements exported with claim and speaker ids, and
    dev + dev2 gold in one file."""
    golds = [shared_path("eval", name) for _, name in evaluate.GOLD_SETS]
    with tempfile.TemporaryDirectory() as tmp:
        pred = evaluate.stored_prediction(SHARED, tmp)
        both = os.path.join(tmp, "both.jsonl")
        with open(both, "w", encoding="utf-8") as f:
            for path in golds:
                f.write(open(path, encoding="utf-8").read().rstrip("\n") + "\n")
        yield pred, both


def test_development_claim_links_f1(stored):
    gold = shared_path("eval", "dev_gold.jsonl")
    _, claim_docs = evaluate.gold_docs(gold)
    r = _score(gold, stored[0], claim_docs)
    assert r["claims"]["f1"] >= MIN_CLAIM_LINK_F1, r["claims"]


def test_speaker_links_across_articles(stored):
    pred, both = stored
    k = _score(both, pred)["speakers"]
    assert k["p"] >= MIN_SPEAKER_LINK_P and k["r"] >= MIN_SPEAKER_LINK_R, k
    # the report of merged rows names each row, with the gold speakers it holds
    rows = evaluate.merged_rows(SHARED, both, pred)
    assert sum(r[0] for r in rows) == round(k["links"] * k["r"] * (1 / k["p"] - 1)) and \
        all(len(r[4]) >= 2 for r in rows)


def test_evaluation_says_so_without_the_shared_material(capsys, tmp_path):
    assert evaluate.main(["--shared", str(tmp_path)]) == 0
    assert "nothing to evaluate" in capsys.readouterr().out


def test_confidence_file_is_what_make_eval_measures_on_this_code(stored, tmp_path):
    # rules/confidence.yml is written by `make eval`: a change to the extractor that changes what
    # is right on the gold makes it stale, and this test says so
    from quotes import rules as rules_mod
    pred = tmp_path / "pred.jsonl"
    docs = set().union(*(evaluate.gold_docs(shared_path("eval", n))[0] for _, n in evaluate.GOLD_SETS))
    with open(pred, "w", encoding="utf-8") as out:
        evaluate.predict(SHARED, docs, out)
    table = evaluate.measure_confidence(SHARED, stored[1], str(pred))
    assert {k: v["precision"] for k, v in table.items()} == rules_mod.load().confidence, \
        "rules/confidence.yml is stale: run make eval"
