"""Bad input gets a clear message and loses nothing."""
import json
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from hypothesis import given, settings, strategies as st

from quotes.extract import extract_article
from quotes.ingest import run
from quotes.read import read_paths

from conftest import ROOT, SAMPLE

GOOD = {"id": "ok", "source": "س", "title": "", "text": "قال الوزير خالد الأمين إن الخطة جاهزة."}


def _read(path):
    arts, problems = [], []
    for a, p in read_paths([str(path)]):
        (arts if a is not None else problems).append(a if a is not None else p)
    return arts, problems


def test_invalid_utf8_names_file_and_byte_and_keeps_the_rest(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = (json.dumps(GOOD, ensure_ascii=False) + "\n").encode()
    prefix = b'{"id": "bad", "text": "'
    path.write_bytes(good + prefix + b'\xff\xfe"}\n' + good.replace(b'"ok"', b'"ok2"'))
    arts, problems = _read(path)
    assert [a["id"] for a in arts] == ["ok", "ok2"]
    assert len(problems) == 1 and "mixed.jsonl" in str(problems[0])
    assert f"byte {len(good) + len(prefix)}" in str(problems[0])


def test_invalid_utf8_text_file_names_the_byte(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes("المنبر\nقال أحمد".encode() + b"\xc3\x28")
    _, problems = _read(path)
    assert "byte" in str(problems[0]) and "bad.txt" in str(problems[0])


def test_empty_and_binary_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02" * 100)
    _, p1 = _read(tmp_path / "empty.txt")
    _, p2 = _read(tmp_path / "blob.txt")
    assert "empty" in str(p1[0]) and "binary" in str(p2[0])


def test_broken_json_line_is_named_and_the_others_ingested(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(GOOD, ensure_ascii=False) + "\n{broken\n" +
                    json.dumps(dict(GOOD, id="ok2", text="وقالت الوزارة إن العمل مستمر."), ensure_ascii=False) + "\n",
                    encoding="utf-8")
    s = run([str(path)], str(tmp_path / "quotes.db"), report=lambda m: None)
    assert s.new == 2 and len(s.problems) == 1 and "line 2" in str(s.problems[0])


def test_html_that_is_only_markup(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><head><script>var a=1;</script></head><body><div></div></body></html>")
    arts, problems = _read(path)
    assert not arts and "no main text" in str(problems[0])


def test_html_page_is_read_with_its_text(tmp_path):
    body = "".join(f"<p>قال الوزير خالد الأمين إن الخطة رقم {i} جاهزة للتنفيذ في كل المحافظات.</p>" for i in range(8))
    path = tmp_path / "news.html"
    path.write_text(f"<html><head><title>خبر</title></head><body><article>{body}</article></body></html>",
                    encoding="utf-8")
    arts, _ = _read(path)
    assert arts and "خالد الأمين" in arts[0]["text"]
    assert extract_article(arts[0])


def test_article_without_statements_and_missing_fields(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "quiet", "text": "ارتفعت درجات الحرارة اليوم."}, ensure_ascii=False) + "\n"
                    + json.dumps({"text": "بلا معرف"}, ensure_ascii=False) + "\n"
                    + json.dumps({"id": "notext", "source": "س"}) + "\n", encoding="utf-8")
    s = run([str(path)], str(tmp_path / "quotes.db"), report=lambda m: None)
    assert s.new == 1 and s.statements == 0
    reasons = " ".join(str(p) for p in s.problems)
    assert "missing field 'id'" in reasons and "missing field 'text'" in reasons


_NAMES = "ابتثجحخدذرزسشصضطظعغفقكلمنهي"    # 27 letters
QUOTES = st.sampled_from(list("“”«»„‹›\"'") + ["''", "&quot;", "لـ”"])
WORDS = st.sampled_from(["قال", "وقال", "أكد", "إن", "أن", "قائلاً", "مضيفاً", "بحسب", "وفق", "الرئيس", "بوتين",
                         "نقلت", "عنه", "قوله", ":", "،", ".", "\n", "وزارة", "مصدر", "لكنه", "الذي", "في", "عن"])


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_random_unicode_never_crashes(text):
    _check(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(WORDS, QUOTES, st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهوي", min_size=1, max_size=6)),
                max_size=80))
def test_random_arabic_with_quotes_and_cues_never_crashes(tokens):
    _check(" ".join(tokens))


def _check(text):
    recs = extract_article({"id": "h", "text": text, "title": text[:50]})
    assert len(recs) <= len(text) + len(text[:50])          # output bounded by the input
    for r in recs:
        src = text if r["field"] == "text" else text[:50]
        assert src[r["start"]:r["end"]] == r["quote"]
        assert 0 <= r["start"] < r["end"] <= len(src)


@pytest.mark.parametrize("text", [
    "قال إن “" + "كلمة “ " * 20000,                       # thousands of unbalanced openers
    "«" * 50000 + "قال إن",                               # marks only
    ("وقال الرئيس الذي " + "في " * 3000 + "أن كذا. ") * 20,  # long bridges with no opener
    "قال" + " " * 100000 + "إن",                          # whitespace runs
    "،" * 100000,                                        # punctuation runs
    ("أ" * 5000 + " ") * 20,                             # very long words
    "قال في " * 10000,                                   # thousands of bare verbs in one clause
    "قال في\n" * 10000,                                  # lines ending in a preposition: one paragraph
    ("قال إن “ «" + "كلمة “ أخرى « " * 40) * 300,          # thousands of unclosed marks of two kinds
    "وقال إن الخطة " * 4000,                              # thousands of statements in one sentence
    "وفق المصادر " * 4000,                                # thousands of sources, thousands of speakers
    "وأكدت وزارة الخارجية وفقاً لوكالة الأنباء، " * 2000,  # verbs and sources with nothing said
    " ".join(f"وقال الوزير {_NAMES[i % 27]}{_NAMES[i // 27 % 27]}{_NAMES[i // 729]}ي العلوي إن الخطة جاهزة."
             for i in range(4000)),                      # thousands of different speakers
    " ".join(f"وقال مدير {_NAMES[i % 27]}{_NAMES[i // 27 % 27]}ية إن الخطة جاهزة." for i in range(700)),  # and titles
])
def test_worst_inputs_finish_and_keep_offsets(text):
    _check(text)


def _replicated_corpus(path, n):
    base = [a for a, _ in read_paths([SAMPLE]) if a is not None]
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            a = dict(base[i % len(base)], id=f"{base[i % len(base)]['id']}~{i}")
            a["text"] += f"\n(نسخة {i})"
            f.write(json.dumps(a, ensure_ascii=False) + "\n")


def _ingest_cmd(src, db):
    return [sys.executable, "-m", "quotes.cli", "ingest", str(src), "--db", str(db), "--no-progress"]


def _consistent(db_path):
    conn = sqlite3.connect(db_path)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    orphans = conn.execute("select count(*) from statements where article_id not in (select id from articles)")
    assert orphans.fetchone()[0] == 0
    wrong = conn.execute("""select count(*) from articles a where statement_count !=
                            (select count(*) from statements s where s.article_id = a.id)""").fetchone()[0]
    conn.close()
    return wrong == 0


def test_ingest_killed_mid_run_leaves_a_consistent_database(tmp_path):
    src, db = tmp_path / "many.jsonl", tmp_path / "quotes.db"
    _replicated_corpus(src, 1500)
    proc = subprocess.Popen(_ingest_cmd(src, db), cwd=ROOT, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:        # wait until some batches are committed
        if db.exists() and _count(db) >= 400:
            break
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored = _count(db)
    assert 0 < stored < 1500, "the ingest was not killed mid-run"
    assert _consistent(str(db))
    subprocess.run(_ingest_cmd(src, db), cwd=ROOT, check=True, stderr=subprocess.DEVNULL)
    assert _count(db) == 1500 and _consistent(str(db))
    ids = [r[0] for r in sqlite3.connect(db).execute("select id from statements")]
    assert len(ids) == len(set(ids))
    # every statement the killed run left waiting for its claim has one now
    from quotes.claims import pending_words
    conn = sqlite3.connect(db)
    unlinked = [q for q, in conn.execute("select quote from statements where claim_id is null")]
    assert all(pending_words(q) is None for q in unlinked)
    assert conn.execute("select count(*) from statements where claim_pending is not null").fetchone()[0] == 0
    assert conn.execute("select count(*) from claims where dirty = 1").fetchone()[0] == 0


def _count(db):
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
        return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_two_ingests_into_one_database_at_once(tmp_path):
    a, b, db = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "quotes.db"
    _replicated_corpus(a, 300)
    lines = open(a, encoding="utf-8").read().splitlines()
    with open(b, "w", encoding="utf-8") as f:
        for line in lines:
            rec = json.loads(line)
            rec["id"] = "b-" + rec["id"]
            rec["text"] += "\n(ب)"
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    p1 = subprocess.Popen(_ingest_cmd(a, db), cwd=ROOT, stderr=subprocess.PIPE)
    p2 = subprocess.Popen(_ingest_cmd(b, db), cwd=ROOT, stderr=subprocess.PIPE)
    assert p1.wait() == 0, p1.stderr.read()
    assert p2.wait() == 0, p2.stderr.read()
    assert _count(db) == 600 and _consistent(str(db))


def test_a_lone_quotation_mark_ending_the_text_continues_nothing():
    # found by the property test above: 'قال “ قال \n “' gave an empty continued quotation
    _check("قال “ قال \n “")


def test_an_article_keeps_a_bounded_number_of_speakers():
    # every mention is compared with the article's speakers: thousands of names were quadratic
    # (4,000 distinct speakers in 164 KB took 20 s); the least recently mentioned are forgotten
    from quotes import rules as rules_mod
    from quotes.speakers import MAX_ENTITIES, ArticleSpeakers, Mention
    speakers = ArticleSpeakers(rules_mod.load())
    for i in range(MAX_ENTITIES + 50):
        name = f"{_NAMES[i % 27]}{_NAMES[i // 27 % 27]}ي العلوي"
        speakers.register(Mention(name, "person", name=name), i * 10)
    assert len(speakers.entities) == MAX_ENTITIES
    assert speakers.entities[-1].name.startswith(_NAMES[(MAX_ENTITIES + 49) % 27])
    assert min(e.last_pos for e in speakers.entities) == 50 * 10


def _people_corpus(path, prefix, n, offset):
    """``n`` articles, each with its own outlet and two speakers of their own (none shared with
    another file made with another ``offset``)."""
    with open(path, "w", encoding="utf-8") as f:
        for i in range(offset, offset + n):
            name = f"{_NAMES[i % 27]}{_NAMES[i // 27 % 27]}ي العلوي"
            other = f"{_NAMES[(i + 5) % 27]}{_NAMES[i // 27 % 27]}ان السالمي"
            text = (f"قال الوزير {name} إن الخطة رقم {i} جاهزة للتنفيذ.\n"
                    f"وأكدت المديرة {other} أن الفريق بدأ العمل في المحافظة.")
            f.write(json.dumps({"id": f"{prefix}{i}", "source": f"منبر {_NAMES[i % 27]}{_NAMES[i // 27 % 27]}",
                                "text": text}, ensure_ascii=False) + "\n")


def _links_hold(db_path, inputs):
    """Every stored article has the outlet its input gave, and every statement's speaker row is
    the person the statement names."""
    given = {}
    for path in inputs:
        for line in open(path, encoding="utf-8"):
            rec = json.loads(line)
            given[rec["id"]] = rec["source"]
    conn = sqlite3.connect(db_path)
    outlets = dict(conn.execute("select a.id, s.name from articles a join sources s on s.id = a.source_id"))
    wrong_outlet = [i for i, src in given.items() if outlets.get(i) != src]
    wrong_speaker = conn.execute("""select count(*) from statements st join speakers sp on sp.id = st.speaker_id
                                    where sp.name != st.speaker""").fetchone()[0]
    dup_keys = conn.execute("select count(*) - count(distinct key) from speakers").fetchone()[0]
    conn.close()
    return wrong_outlet, wrong_speaker, dup_keys


def test_two_ingests_at_once_link_every_statement_to_its_own_speaker(tmp_path):
    # each writer took its next speaker and outlet ids once, at its start: run side by side they
    # handed out the same ids, and one run's rows overwrote the other's
    a, b, db = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "quotes.db"
    _people_corpus(a, "a", 60, 0)
    _people_corpus(b, "b", 60, 300)
    procs = [subprocess.Popen(_ingest_cmd(p, db), cwd=ROOT, stderr=subprocess.PIPE) for p in (a, b)]
    for p in procs:
        assert p.wait() == 0, p.stderr.read()
    assert _count(db) == 120 and _consistent(str(db))
    assert _links_hold(str(db), [a, b]) == ([], 0, 0)


def test_two_ingests_of_the_same_articles_at_once_both_finish(tmp_path):
    a, b, db = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "quotes.db"
    _people_corpus(a, "x", 60, 0)
    _people_corpus(b, "x", 60, 30)          # half of its articles are a's
    procs = [subprocess.Popen(_ingest_cmd(p, db), cwd=ROOT, stderr=subprocess.PIPE) for p in (a, b)]
    for p in procs:
        assert p.wait() == 0, p.stderr.read()
    assert _count(db) == 90 and _consistent(str(db))
    assert _links_hold(str(db), [a, b]) == ([], 0, 0)
