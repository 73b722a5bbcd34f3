"""Bad input gets a clear message and loses nothing."""
import json
import os
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
OTHER = {"id": "ok3", "source": "س", "title": "", "text": "وقالت الوزيرة سعاد الحسن إن المدارس مفتوحة."}


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


def _lines(path, *records):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n"
                            for r in records), encoding="utf-8")
    return path


def test_ids_are_strings_as_written_or_refused(tmp_path):
    # 123 and "123" became one article, the second replacing the first; an object id was stored
    # as its Python repr
    path = _lines(tmp_path / "ids.jsonl", dict(GOOD, id="123"), dict(GOOD, id=123, text="قال الوزير إن العمل مستمر."),
                  dict(GOOD, id={"a": 1}), dict(GOOD, id=True),
                  dict(GOOD, id=" 123", text="قالت الوزيرة إن العمل بدأ."))
    s = run([str(path)], str(tmp_path / "quotes.db"), report=lambda m: None)
    assert s.new == 2 and s.updated == 0
    reasons = [str(p) for p in s.problems]
    assert any("line 2" in r and "not a number (123)" in r for r in reasons)
    assert any("line 3" in r and "not an object" in r for r in reasons)
    assert any("line 4" in r and "not a boolean" in r for r in reasons)
    ids = {r[0] for r in sqlite3.connect(tmp_path / "quotes.db").execute("select id from articles")}
    assert ids == {"123", " 123"}


def test_a_line_without_text_is_skipped_with_that_reason_even_with_a_title(tmp_path):
    path = _lines(tmp_path / "a.jsonl", {"id": "headline-only", "title": "قال الوزير إن الخطة جاهزة", "text": ""},
                  {"id": "no-text", "title": "عنوان"}, GOOD)
    s = run([str(path)], str(tmp_path / "quotes.db"), report=lambda m: None)
    assert s.new == 1
    assert [p.where for p in s.problems] == ["line 1", "line 2"]
    assert all("missing field 'text'" in p.reason for p in s.problems)
    assert "2 not an article" in s.line()


def test_a_broken_json_message_is_whole(tmp_path):
    path = _lines(tmp_path / "a.jsonl", '{"id": "x", "text": "a\tb"}')
    _, problems = _read(path)
    assert problems[0].reason.startswith("not JSON (Invalid control character at: line 1 column ")


def test_an_unknown_kind_of_file_is_refused_not_misread(tmp_path):
    path = tmp_path / "table.csv"
    path.write_text("id,text\n1,قال الوزير إن الخطة جاهزة\n", encoding="utf-8")
    arts, problems = _read(path)
    assert not arts and "not a kind of file quotes reads" in str(problems[0])
    from click.testing import CliRunner
    from quotes.cli import cli
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 1 and "table.csv" in result.output


def test_ingest_of_nothing_that_exists_creates_no_database(tmp_path):
    from click.testing import CliRunner
    from quotes.cli import cli
    db = tmp_path / "new" / "quotes.db"
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "nonexistent"), "--db", str(db)])
    assert result.exit_code == 2 and "no such file or folder" in result.output
    assert not db.exists() and not db.parent.exists()


def test_an_article_over_the_size_limit_is_skipped_and_the_rest_stored(tmp_path):
    big = dict(GOOD, id="big", text="ارتفعت درجات الحرارة اليوم. " * 40_000)     # about 2 MB of UTF-8
    path = _lines(tmp_path / "a.jsonl", big, GOOD)
    s = run([str(path)], str(tmp_path / "quotes.db"), report=lambda m: None, max_mb=1)
    assert s.new == 1 and "line 1" in str(s.problems[0]) and "over the limit of 1 MB" in str(s.problems[0])
    assert "1 too large" in s.line()
    s = run([str(path)], str(tmp_path / "quotes.db"), report=lambda m: None, max_mb=3)
    assert s.new == 1 and not s.problems


def test_a_link_loop_is_skipped_with_the_progress_bar_on(tmp_path, capsys):
    # input_bytes called getsize unguarded: with --progress the run ended in an OSError traceback
    folder = tmp_path / "in"
    folder.mkdir()
    _lines(folder / "a.jsonl", GOOD)
    os.symlink(folder / "loop.jsonl", folder / "loop.jsonl")
    s = run([str(folder)], str(tmp_path / "quotes.db"), progress=True, report=lambda m: None)
    assert s.new == 1 and len(s.problems) == 1 and "loop.jsonl" in str(s.problems[0])


def test_a_readers_crash_is_one_skipped_file(tmp_path, monkeypatch):
    from quotes import read
    _lines(tmp_path / "a.jsonl", GOOD)
    (tmp_path / "b.html").write_text("<html><body><p>نص</p></body></html>", encoding="utf-8")
    _lines(tmp_path / "c.jsonl", OTHER)

    def broken_html(path):
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean")
        yield
    monkeypatch.setattr(read, "read_html", broken_html)
    s = run([str(tmp_path)], str(tmp_path / "quotes.db"), report=lambda m: None)
    assert s.new == 2 and len(s.problems) == 1
    assert "b.html" in str(s.problems[0]) and "ImportError" in str(s.problems[0])


def test_a_line_that_crashes_the_reader_costs_that_line_only(tmp_path, monkeypatch):
    from quotes import read
    real = read.article_from_json
    monkeypatch.setattr(read, "article_from_json", lambda obj, path, where: (_ for _ in ()).throw(RuntimeError("bug"))
                        if obj.get("id") == "bad" else real(obj, path, where))
    path = _lines(tmp_path / "a.jsonl", GOOD, dict(GOOD, id="bad"), OTHER)
    s = run([str(path)], str(tmp_path / "quotes.db"), report=lambda m: None)
    assert s.new == 2 and [p.where for p in s.problems] == ["line 2"] and "RuntimeError: bug" in s.problems[0].reason


def test_an_extractors_crash_is_one_skipped_article(tmp_path, monkeypatch):
    from quotes import ingest
    real = ingest.extract_article

    def flaky(article):
        if article["id"] == "bad":
            raise KeyError("a rule's bug")
        return real(article)
    monkeypatch.setattr(ingest, "extract_article", flaky)
    path = _lines(tmp_path / "a.jsonl", GOOD, dict(GOOD, id="bad", text="قال المدير إن الطريق مفتوح."), OTHER)
    s = run([str(path)], str(tmp_path / "quotes.db"), report=lambda m: None)
    assert s.new == 2 and "bad" in str(s.problems[0]) and "KeyError" in str(s.problems[0])
    assert "1 extraction failed" in s.line()
    conn = sqlite3.connect(tmp_path / "quotes.db")
    assert {r[0] for r in conn.execute("select article_id from statements")} == {"ok", "ok3"}


def test_each_article_records_the_file_it_came_from(tmp_path):
    path = _lines(tmp_path / "a.jsonl", GOOD)
    run([str(path)], str(tmp_path / "quotes.db"), report=lambda m: None)
    assert sqlite3.connect(tmp_path / "quotes.db").execute("select origin_file from articles").fetchone()[0] == str(path)


@pytest.mark.parametrize("batch", [1, 2, 200])
def test_the_summary_and_the_stored_counts_match_the_database(tmp_path, batch):
    # an id given twice with different texts counted twice: "new 398, updated 2, statements
    # 1510" for 398 articles and 1,500 statements stored
    later = dict(GOOD, text="قال الوزير خالد الأمين إن الخطة جاهزة. وأضاف أن التنفيذ يبدأ غداً.")
    path = _lines(tmp_path / "a.jsonl", GOOD, OTHER, later, dict(OTHER, id="ok4", text="ارتفعت الحرارة."))
    db = str(tmp_path / "quotes.db")
    s = run([str(path)], db, report=lambda m: None, batch=batch)
    conn = sqlite3.connect(db)
    assert (s.new, s.updated) == (3, 0)
    assert s.statements == conn.execute("select count(*) from statements").fetchone()[0] == 3
    assert "1 earlier version of an id given again" in s.line()
    assert conn.execute("select text from articles where id = 'ok'").fetchone()[0] == later["text"]
    assert _consistent(db)
    s = run([str(path)], db, report=lambda m: None, batch=batch)     # again: the same two versions
    assert (s.new, s.updated, s.statements) == (0, 1, 2) and _consistent(db)


def test_one_statement_a_span_so_the_stored_count_is_the_statements(extract):
    # "وبحسب «رويترز» قالت الوزارة في بيان إنه ..." (SaudiNewsNet) was read by the verb and by
    # the according phrase: two records of one span, one row stored, statement_count one too many
    recs = extract("وبحسب «رويترز» قالت الوزارة في بيان إنه من المقرر وضع الكشف الجديد على خريطة الإنتاج خلال شهرين.")
    spans = [(r["start"], r["end"]) for r in recs]
    assert len(spans) == len(set(spans))


def _outcome(db_path):
    """Each statement's speaker (name and kind) and the claims' groups of statements."""
    conn = sqlite3.connect(db_path)
    speakers = dict((sid, (name, kind)) for sid, name, kind in conn.execute(
        "select s.id, sp.name, sp.kind from statements s left join speakers sp on sp.id = s.speaker_id"))
    groups = {}
    for sid, cid in conn.execute("select id, claim_id from statements where claim_id is not null"):
        groups.setdefault(cid, set()).add(sid)
    return speakers, {frozenset(g) for g in groups.values()}


def test_a_run_cut_short_and_resumed_gives_what_an_uninterrupted_run_gives(tmp_path, monkeypatch):
    # the resumed run loaded its speakers from the database with every mention as a name, and
    # 7 statements got other speakers than an uninterrupted run gave them ("المرصد" the person
    # against the observatory)
    from conftest import shared_path
    from quotes import claims, store
    src = tmp_path / "all.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for name in ("articles.jsonl", "same_event.jsonl", "articles2.jsonl"):
            f.write(open(shared_path("corpus", name), encoding="utf-8").read())
    lines = open(src, encoding="utf-8").readlines()
    monkeypatch.setattr(claims, "WINDOW", 60)      # (windows clustered during the runs, across batches)
    whole, cut = str(tmp_path / "whole.db"), str(tmp_path / "cut.db")
    run([str(src)], whole, batch=50, report=lambda m: None)
    part = tmp_path / "part.jsonl"
    part.write_text("".join(lines[:150]), encoding="utf-8")
    with monkeypatch.context() as m:     # killed after its batches, before its claims
        m.setattr(claims, "cluster", lambda db, upto=None: 0)
        m.setattr(store.Writer, "refresh_counts", lambda self: None)
        run([str(part)], cut, batch=50, report=lambda m: None)
    run([str(src)], cut, batch=50, report=lambda m: None)
    assert _outcome(cut) == _outcome(whole)


def test_claims_clustered_beside_the_writer_are_those_clustered_by_it(tmp_path, monkeypatch):
    # with extracting processes a process of its own clusters each window as the writer stores
    # it; the speakers and claims are those of a run in one process
    from conftest import shared_path
    from quotes import claims
    src = tmp_path / "all.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for name in ("articles.jsonl", "same_event.jsonl"):
            f.write(open(shared_path("corpus", name), encoding="utf-8").read())
    monkeypatch.setattr(claims, "WINDOW", 60)
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    run([str(src)], one, jobs=1, batch=50, report=lambda m: None)
    s = run([str(src)], two, jobs=2, batch=50, report=lambda m: None)
    assert _outcome(two) == _outcome(one)
    assert s.claims_seconds > 0
    assert sqlite3.connect(two).execute("select count(*) from statements where claim_pending is not null").fetchone()[0] == 0


def test_a_clustering_process_that_fails_is_reported_and_its_statements_wait(tmp_path, monkeypatch):
    from quotes import claims
    arts = [a for a, _ in read_paths([SAMPLE]) if a is not None]
    monkeypatch.setattr(claims, "assign", lambda *a, **k: 1 / 0)     # (inherited by the forked process)
    db = str(tmp_path / "q.db")
    from click.testing import CliRunner
    from quotes.cli import cli
    out = CliRunner().invoke(cli, ["ingest", SAMPLE, "--db", db, "--jobs", "2"])
    assert out.exit_code == 1 and "clustering claims failed (ZeroDivisionError" in out.output, out.output
    conn = sqlite3.connect(db)
    assert conn.execute("select count(distinct article_id) from statements").fetchone()[0] > len(arts) // 2
    monkeypatch.undo()
    run([SAMPLE], db, jobs=2, report=lambda m: None)       # the next run clusters them
    assert conn.execute("select count(*) from statements where claim_pending is not null").fetchone()[0] == 0
    assert conn.execute("select count(*) from claims").fetchone()[0] > 0


def test_a_writer_that_fails_with_extracting_processes_ends_the_run(tmp_path):
    # the processes extract a few batches ahead and wait for the writer; when the writer fails
    # the run must end with its error, not wait forever for a slot
    arts = [a for a, _ in read_paths([SAMPLE]) if a is not None]
    src = tmp_path / "many.jsonl"
    with open(src, "w", encoding="utf-8") as f:
        for i in range(120):
            a = arts[i % len(arts)]
            f.write(json.dumps({**a, "id": f"{a['id']}~{i}", "text": a["text"] + f"\n({i})"}, ensure_ascii=False) + "\n")
    script = f"""
import time
from quotes import ingest, store
calls = []
def failing(self, items):
    calls.append(1)
    time.sleep(0.02)        # (a slow disk: the processes run ahead until they wait for a slot)
    if len(calls) == 30:
        raise RuntimeError("disk full")
    return original(self, items)
original, store.Writer.write_batch = store.Writer.write_batch, failing
try:
    ingest.run([{str(src)!r}], {str(tmp_path / "q.db")!r}, jobs=2, batch=1, report=lambda m: None)
except RuntimeError as e:
    print("ended:", e)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert out.stdout.strip() == "ended: disk full", out.stderr


def test_a_long_paragraph_looks_at_each_cue_a_bounded_number_of_times(monkeypatch):
    # every statement was checked against every cue of its paragraph for a relayed clause
    # ("وأضاف البيان أن قنديل أكد أن"): a paragraph of 1 MB took 93 s instead of 2; the cues within
    # reach of a statement are found by bisection
    from quotes import cues
    from quotes.extract import extract_article
    calls = {"n": 0}
    real = cues.CueMatch.start

    def counted(self, group=0):
        calls["n"] += 1
        return real(self, group)

    monkeypatch.setattr(cues.CueMatch, "start", counted)
    sentence = "وقال الوزير إن “الخطة جاهزة، ومن المقرر التوقيع عليها، مضيفاً أن العمل يبدأ غداً. "
    per_statement = []
    for n in (100, 400):
        calls["n"] = 0
        got = extract_article({"id": "long", "title": "", "text": sentence * n})
        per_statement.append(calls["n"] / len(got))
    assert per_statement[1] < 1.5 * per_statement[0]
